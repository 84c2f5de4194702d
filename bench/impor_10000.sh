#!/usr/bin/env bash
# Figures for the foundation: demo load time and the import of a 10,000-pegawai CSV, on SQLite
# (default) or on PostgreSQL (BENCH_PG=postgres://…/db, a database this script may fill).
#
#   cargo build --release -p kinerja && bash bench/impor_10000.sh
#
# Prints wall-clock seconds measured in this run; nothing here asserts a timing.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
T="${CARGO_TARGET_DIR:-target}"; [[ "$T" = /* ]] || T="$ROOT/$T"
BIN="${KINERJA_BIN:-$T/release/kinerja}"
[[ -x "$BIN" ]] || { echo "build first: cargo build --release -p kinerja ($BIN missing)" >&2; exit 2; }
WORK="$(mktemp -d)"; trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
if [[ -n "${BENCH_PG:-}" ]]; then export DATABASE_URL="$BENCH_PG"; DB="PostgreSQL"; else export DATABASE_URL="sqlite://$WORK/bench.db"; DB="SQLite"; fi
now() { date +%s.%N; }

t0=$(now); "$BIN" demo >/dev/null; t1=$(now)
"$BIN" export --jenis jabatan --output jabatan.csv
python3 - <<'PY'
import csv, random
random.seed(10000)
jab = [r["kode"] for r in csv.DictReader(open("jabatan.csv")) if r["jenis_jabatan"] in ("fungsional", "pelaksana")]
with open("pegawai.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["nip", "nama", "status_asn", "golongan", "jabatan_kode", "email"])
    for i in range(10000):
        y, m, d = 1970 + i % 30, 1 + i % 12, 1 + i % 28
        nip = f"{y:04d}{m:02d}{d:02d}{y+25:04d}{1+(i//12)%12:02d}{1+i%2}{(i//360)%1000:03d}"
        pppk = i % 7 == 0
        w.writerow([nip, f"Pegawai Uji {i:05d}", "pppk" if pppk else "pns", "IX" if pppk else "III/b", random.choice(jab), ""])
PY
t2=$(now); "$BIN" import --jenis pegawai pegawai.csv; t3=$(now)
t4=$(now); "$BIN" import --jenis pegawai pegawai.csv; t5=$(now)
"$BIN" audit verify
printf '\n%s, %s cores\n' "$DB" "$(nproc)"
printf 'demo load (~3,000 pegawai, 438 units, ~1,660 positions, accounts): %.2f s\n' "$(echo "$t1 - $t0" | bc)"
printf 'import 10,000 new pegawai (validate whole file, write, audit):      %.2f s\n' "$(echo "$t3 - $t2" | bc)"
printf 're-import of the same 10,000 (validate, nothing to change):        %.2f s\n' "$(echo "$t5 - $t4" | bc)"
