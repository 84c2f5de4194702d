# Sourced by the bench scripts: the demo instansi plus N generated pegawai (bench/
# pegawai_bangkitan.py), every SKP of 2028 set, every unit's capaian for March 2028 and a signed
# evaluation of March 2028 for every pegawai, with a predikat spread that leaves some units off
# their guideline. Needs ROOT, BIN, N and WORK (the working directory, current); sets DB, PORT,
# sql() and TS (a timestamp literal for the chosen database).
# On SQLite (default; needs the `sqlite3` shell) or PostgreSQL (BENCH_PG=postgres://…/db, a
# database the script may fill; needs `psql`).
if [[ -n "${BENCH_PG:-}" ]]; then
  export DATABASE_URL="$BENCH_PG"; DB="PostgreSQL"; "$BIN" migrate >/dev/null
  sql() { psql -q -X -t -A -v ON_ERROR_STOP=1 "$BENCH_PG" -c "$1"; }
  TS="now()"
else
  export DATABASE_URL="sqlite://$WORK/bench.db"; DB="SQLite"
  sql() { sqlite3 "$WORK/bench.db" "$1"; }
  TS="'2028-04-03T00:00:00.000000Z'"
fi
PORT=$((20000 + RANDOM % 20000))

"$BIN" demo >/dev/null
"$BIN" export --jenis jabatan --output jabatan.csv
python3 "$ROOT/bench/pegawai_bangkitan.py" "$N" jabatan.csv pegawai.csv
"$BIN" import --jenis pegawai pegawai.csv >/dev/null
"$BIN" start-year --tahun 2028 >/dev/null
sql "UPDATE skp SET status = 'ditetapkan', nomor_versi = 1, ditetapkan_pada = '2028-01-15' WHERE tahun = 2028"
sql "INSERT INTO capaian_organisasi (instansi_id, unit_id, periode, tahun, capaian, oleh, versi, diubah)
     SELECT instansi_id, id, '2028-03', 2028, CASE id % 7 WHEN 0 THEN 'istimewa' WHEN 3 THEN 'butuh_perbaikan' ELSE 'baik' END, 'bench', 1, $TS FROM unit"
sql "INSERT INTO evaluasi (instansi_id, skp_id, pegawai_id, unit_id, periode, tahun, dasar, capaian_unit_id, capaian, penilai_pegawai_id,
       nomor_versi_skp, saran_hasil_kerja, saran_perilaku, rating_hasil_kerja, rating_perilaku, predikat, status,
       ditandatangani_penilai, diterima, versi, dibuat, diubah)
     SELECT s.instansi_id, s.id, s.pegawai_id, s.unit_id, '2028-03', 2028, 'capaian_unit', s.unit_id, 'baik', s.pegawai_id,
       1, 'sesuai_ekspektasi', 'sesuai_ekspektasi', 'sesuai_ekspektasi', 'sesuai_ekspektasi',
       CASE s.pegawai_id % 13 WHEN 0 THEN 'sangat_baik' WHEN 1 THEN 'butuh_perbaikan' WHEN 2 THEN 'kurang' WHEN 3 THEN 'sangat_baik' ELSE 'baik' END,
       'ditandatangani_penilai', $TS, '2028-04-03', 1, $TS, $TS
     FROM skp s WHERE s.tahun = 2028 AND s.unit_id IS NOT NULL"
