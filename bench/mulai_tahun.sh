#!/usr/bin/env bash
# Starting a year (a draft SKP for every pegawai) for the demo instansi and for a generated
# instansi of 100,000 more pegawai, against the database's own raw insert rate of the same rows
# measured in the same run. SQLite by default; PostgreSQL with BENCH_PG=postgres://…/db (a
# database this script may fill; it needs `psql`). SQLite needs the `sqlite3` shell.
#
#   cargo build --release -p kinerja && bash bench/mulai_tahun.sh
#   BENCH_PG=postgres://postgres@127.0.0.1:5432/bench bash bench/mulai_tahun.sh
#
# Prints wall-clock seconds and rows per second measured in this run; nothing asserts a timing.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
T="${CARGO_TARGET_DIR:-target}"; [[ "$T" = /* ]] || T="$ROOT/$T"
BIN="${KINERJA_BIN:-$T/release/kinerja}"
[[ -x "$BIN" ]] || { echo "build first: cargo build --release -p kinerja ($BIN missing)" >&2; exit 2; }
N="${BENCH_PEGAWAI:-100000}"
WORK="$(mktemp -d)"; trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
if [[ -n "${BENCH_PG:-}" ]]; then
  export DATABASE_URL="$BENCH_PG"; DB="PostgreSQL"
  "$BIN" migrate >/dev/null
  sql() { psql -q -X -t -A -v ON_ERROR_STOP=1 "$BENCH_PG" -c "$1"; }
else
  export DATABASE_URL="sqlite://$WORK/bench.db"; DB="SQLite"
  sql() { sqlite3 "$WORK/bench.db" "$1"; }
fi
now() { date +%s.%N; }
dur() { echo "$2 - $1" | bc; }

"$BIN" demo >/dev/null
t0=$(now); "$BIN" start-year --tahun 2027; t1=$(now)
DEMO_SKP=$(sql "SELECT COUNT(*) FROM skp WHERE tahun = 2027" | tr -dc 0-9)

# N more pegawai on the demo's JF/pelaksana positions.
"$BIN" export --jenis jabatan --output jabatan.csv
python3 "$ROOT/bench/pegawai_bangkitan.py" "$N" jabatan.csv pegawai.csv
t2=$(now); "$BIN" import --jenis pegawai pegawai.csv >/dev/null; t3=$(now)
t4=$(now); "$BIN" start-year --tahun 2028; t5=$(now)
BIG_SKP=$(sql "SELECT COUNT(*) FROM skp WHERE tahun = 2028" | tr -dc 0-9)
# Again: nothing to create (idempotent), only the scan.
t6=$(now); "$BIN" start-year --tahun 2028; t7=$(now)

# The database's raw rate for the same rows: one INSERT … SELECT of BIG_SKP rows of the same
# shape into a copy of the table with the same indexes, in one statement, no application.
sql "CREATE TABLE raw_skp AS SELECT * FROM skp WHERE 1 = 0"
sql "CREATE UNIQUE INDEX raw_skp_satu ON raw_skp(instansi_id, pegawai_id, tahun) WHERE status <> 'ditutup'"
sql "CREATE INDEX raw_skp_tahun_unit ON raw_skp(instansi_id, tahun, unit_id)"
COLS="instansi_id, pegawai_id, tahun, unit_id, jabatan_id, jenis_jabatan, format, pendekatan, tugas_belajar, status, nomor_versi, versi, mulai, selesai, perjanjian_kerja, lampiran, ekspektasi_khusus, catatan_pengembalian, alasan_revisi, ditetapkan_pada, asal_skp_id, dibuat, diubah"
if [[ -n "${BENCH_PG:-}" ]]; then
  SERIES="generate_series(1, $BIG_SKP) AS g(i)"; ID="id"
  VALS="1, i, 2029, 1, 1, 'pelaksana', 'format_4', 'kuantitatif', FALSE, 'draf', 0, 1, DATE '2029-01-01', DATE '2029-12-31', NULL, '{\"dukungan_sumber_daya\":[],\"skema_pertanggungjawaban\":[],\"konsekuensi\":[]}', '{}', NULL, NULL, NULL, NULL, now(), now()"
  INS="INSERT INTO raw_skp (id, $COLS) SELECT i, $VALS FROM $SERIES"
else
  INS="WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < $BIG_SKP) INSERT INTO raw_skp (id, $COLS) SELECT i, 1, i, 2029, 1, 1, 'pelaksana', 'format_4', 'kuantitatif', 0, 'draf', 0, 1, '2029-01-01', '2029-12-31', NULL, '{\"dukungan_sumber_daya\":[],\"skema_pertanggungjawaban\":[],\"konsekuensi\":[]}', '{}', NULL, NULL, NULL, NULL, '2026-11-21T00:00:00.000000Z', '2026-11-21T00:00:00.000000Z' FROM g"
fi
t8=$(now); sql "$INS"; t9=$(now)
sql "DROP TABLE raw_skp"
"$BIN" audit verify >/dev/null

demo=$(dur "$t0" "$t1"); big=$(dur "$t4" "$t5"); again=$(dur "$t6" "$t7"); raw=$(dur "$t8" "$t9")
printf '\n%s, %s cores\n' "$DB" "$(nproc)"
printf 'start a year, demo instansi:            %6d SKP in %6.2f s = %8.0f SKP/s\n' "$DEMO_SKP" "$demo" "$(echo "$DEMO_SKP / $demo" | bc -l)"
printf 'import of %d more pegawai:          %6.2f s\n' "$N" "$(dur "$t2" "$t3")"
printf 'start a year, %d pegawai:          %6d SKP in %6.2f s = %8.0f SKP/s\n' "$BIG_SKP" "$BIG_SKP" "$big" "$(echo "$BIG_SKP / $big" | bc -l)"
printf 'the same again (nothing to create):              %6.2f s\n' "$again"
printf 'raw INSERT … SELECT of %d rows:         %6.2f s = %8.0f rows/s\n' "$BIG_SKP" "$raw" "$(echo "$BIG_SKP / $raw" | bc -l)"
printf 'start-year rate / raw insert rate:      %6.2f\n' "$(echo "($BIG_SKP / $big) / ($BIG_SKP / $raw)" | bc -l)"
