#!/usr/bin/env bash
# Fuzz every cargo-fuzz target in fuzz/ for a bounded time each (libFuzzer -max_total_time):
# the importers (CSV, XLSX), the NIP and IKI target parsers, the upload type check and the
# local evidence store. Prints time and executions per target; exits non-zero on any crash,
# failed invariant, leak, timeout or out-of-memory (the input is left in fuzz/artifacts/).
#
#   bash scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     (default 30 s, all targets)
#
# Needs rustup's nightly toolchain (installed with --profile minimal if missing) and
# cargo-fuzz (installed from crates.io if missing). Builds into fuzz/target, apart from the
# main build. Seeds are the small real inputs in fuzz/corpus/<target>/ (read only); what the
# fuzzer adds goes to fuzz/target/corpus/<target>/, kept between runs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

DETIK="${1:-30}"
shift || true
if ! [[ "$DETIK" =~ ^[0-9]+$ ]] || [[ "$DETIK" -lt 1 ]]; then
  echo "usage: bash scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]" >&2
  exit 2
fi

say() { echo "fuzz: $*"; }

if ! rustup toolchain list | grep -q '^nightly'; then
  say "installing the nightly toolchain (rustup, minimal profile)"
  rustup toolchain install nightly --profile minimal
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  say "installing cargo-fuzz (crates.io)"
  cargo install cargo-fuzz --locked
fi

cd fuzz
# The fuzz build has its own target directory: other RUSTFLAGS, other toolchain.
unset CARGO_TARGET_DIR
if [[ $# -gt 0 ]]; then
  TARGETS=("$@")
else
  mapfile -t TARGETS < <(cargo +nightly fuzz list)
fi

say "$(cargo fuzz --version), $(rustc +nightly --version)"
mulai=$SECONDS
# Default build: optimised, debug assertions and overflow checks on, AddressSanitizer.
mkdir -p target
if ! cargo +nightly fuzz build 2>target/fuzz-build.log; then
  tail -n 40 target/fuzz-build.log >&2
  exit 1
fi
say "built in $((SECONDS - mulai)) s"

mkdir -p target/log
baris=()
gagal=0
for t in "${TARGETS[@]}"; do
  kerja="target/corpus/$t"
  benih="corpus/$t"
  log="target/log/$t.log"
  mkdir -p "$kerja" "$benih" artifacts/"$t"
  say "$t: ${DETIK} s"
  set +e
  cargo +nightly fuzz run "$t" "$kerja" "$benih" -- \
    -max_total_time="$DETIK" -print_final_stats=1 -rss_limit_mb=2048 -timeout=10 \
    -max_len=16384 >"$log" 2>&1
  rc=$?
  set -e
  # libFuzzer's own count (stat::number_of_executed_units) and clock ("Done N runs in S second(s)").
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | tail -n 1 | grep -o '[0-9]*$' || true)
  detik=$(grep -o 'Done [0-9]* runs in [0-9]* second' "$log" | tail -n 1 | awk '{print $5}' || true)
  per_detik=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | tail -n 1 | grep -o '[0-9]*$' || true)
  rss=$(grep -o 'stat::peak_rss_mb: *[0-9]*' "$log" | tail -n 1 | grep -o '[0-9]*$' || true)
  korpus=$(find "$kerja" -type f | wc -l)
  if [[ $rc -eq 0 ]]; then
    hasil="ok"
  else
    hasil="GAGAL (rc $rc)"
    gagal=1
    echo "---- $t: last lines of $log" >&2
    grep -E 'panicked|ERROR|SUMMARY|Test unit written|artifact_prefix|Base64' "$log" | tail -n 12 >&2 || true
    tail -n 20 "$log" >&2
  fi
  baris+=("$(printf '%-14s %8s %12s %10s %8s %8s  %s' "$t" "${detik:-?}" "${runs:-?}" "${per_detik:-?}" "${rss:-?}" "$korpus" "$hasil")")
done

echo
printf '%-14s %8s %12s %10s %8s %8s  %s\n' "target" "seconds" "executions" "exec/s" "rss_mb" "corpus" "result"
printf '%s\n' "${baris[@]}"
echo
if [[ $gagal -ne 0 ]]; then
  say "FAILED: a target crashed or broke an invariant; reproduce with"
  say "  cd fuzz && cargo +nightly fuzz run <target> artifacts/<target>/<file>"
  exit 1
fi
say "all ${#TARGETS[@]} targets ran ${DETIK} s each without a failure"
