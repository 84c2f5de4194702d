#!/usr/bin/env bash
# The project's test command (README; CI runs it through .ci/run):
#   formatting, clippy, every crate's tests (SQLite always; PostgreSQL at $KINERJA_TEST_PG or
#   127.0.0.1:5432 — required when CI=true, skipped with a notice otherwise), the fuzz targets
#   for a bounded time (scripts/fuzz.sh), schemathesis against a demo server
#   (scripts/schemathesis.sh), and the browser journey (Playwright driving Debian's Chromium).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
TARGET="${CARGO_TARGET_DIR:-target}"

step() { printf '\n== %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all --check

step "cargo clippy -D warnings"
cargo clippy --workspace --all-targets --quiet -- -D warnings

step "cargo test (domain, store on SQLite and PostgreSQL, app, web)"
cargo test --workspace

step "fuzz: every cargo-fuzz target for 20 s (nightly; installs cargo-fuzz if missing)"
bash scripts/fuzz.sh 20

step "schemathesis against /api/openapi.json of a demo server (installs it from PyPI)"
bash scripts/schemathesis.sh

step "browser journey"
if [[ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]]; then
  if [[ "${CI:-}" == "true" ]]; then
    echo "Chromium is required under CI (apt-get install -y chromium)" >&2
    exit 1
  fi
  echo "SKIPPED: Chromium not installed (apt-get install -y chromium); the browser journey did not run"
  exit 0
fi
cargo build --quiet -p kinerja
bash e2e/run.sh "$TARGET/debug/kinerja"
