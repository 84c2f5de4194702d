#!/usr/bin/env bash
# Browser journeys against a freshly loaded demo instansi.
#
#   bash e2e/run.sh [path/to/kinerja]
#
# The binary is $1, else $KINERJA_BIN, else target/debug/kinerja (relative to
# the repo root). Needs node/npm and Chromium (env CHROMIUM, default
# /usr/bin/chromium). Screenshots go to e2e/test-results/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

BIN="${1:-${KINERJA_BIN:-target/debug/kinerja}}"
case "$BIN" in /*) ;; *) BIN="$ROOT/$BIN" ;; esac
if [[ ! -x "$BIN" ]]; then
  echo "e2e: kinerja binary not found at $BIN (build it: cargo build -p kinerja)" >&2
  exit 2
fi
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
if [[ ! -x "$CHROMIUM" ]]; then
  echo "e2e: Chromium not found at $CHROMIUM (apt-get install -y chromium)" >&2
  exit 2
fi
export CHROMIUM

WORK="$(mktemp -d "${TMPDIR:-/tmp}/kinerja-e2e.XXXXXX")"
SERVER_PID=""
cleanup() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# A free loopback port (unless KINERJA_E2E_PORT is given).
PORT="${KINERJA_E2E_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null || echo 18080)}"
URL="http://127.0.0.1:$PORT"

echo "e2e: loading demo instansi into $WORK"
# Run in $WORK so the default ./kinerja.db lands there; DATABASE_URL is
# unset so that an ambient one (e.g. the PostgreSQL of the tests) is not touched.
(cd "$WORK" && env -u DATABASE_URL "$BIN" demo) >"$WORK/logins.txt" 2>"$WORK/demo.err" || {
  echo "e2e: 'kinerja demo' failed:" >&2
  cat "$WORK/demo.err" "$WORK/logins.txt" >&2
  exit 1
}
if ! grep -q '^Akun demo' "$WORK/logins.txt"; then
  echo "e2e: 'kinerja demo' printed no logins:" >&2
  cat "$WORK/logins.txt" >&2
  exit 1
fi

echo "e2e: starting server on $URL"
(cd "$WORK" && exec env -u DATABASE_URL "$BIN" serve --listen "127.0.0.1:$PORT") >"$WORK/serve.log" 2>&1 &
SERVER_PID=$!

ready=""
for _ in $(seq 1 60); do
  if curl -fsS --max-time 2 "$URL/healthz" >/dev/null 2>&1; then ready=1; break; fi
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then break; fi
  sleep 0.5
done
if [[ -z "$ready" ]]; then
  echo "e2e: server did not become ready within 30 s; log:" >&2
  cat "$WORK/serve.log" >&2
  exit 1
fi

if [[ ! -d e2e/node_modules/playwright-core ]]; then
  echo "e2e: npm ci"
  npm ci --prefix e2e --no-audit --no-fund --loglevel=error
fi

echo "e2e: running browser journeys"
status=0
KINERJA_URL="$URL" KINERJA_LOGINS_FILE="$WORK/logins.txt" \
  node --test e2e/ || status=$?

if [[ $status -ne 0 ]]; then
  echo "e2e: tests failed (exit $status); server log tail:" >&2
  tail -n 40 "$WORK/serve.log" >&2 || true
fi
exit "$status"
