#!/usr/bin/env bash
# Figures for the monitoring dashboards (issue 7), on SQLite (default) or PostgreSQL
# (BENCH_PG=postgres://…/db, a database this script may fill; it needs `psql`; SQLite needs the
# `sqlite3` shell): the demo instansi plus N generated pegawai (default 100,000; bench/
# instansi_bangkitan.sh: every 2028 SKP set, a signed evaluation of March 2028 for each), to which
# this script adds a rater per unit, March's realisation for six pegawai in seven,
# acknowledgements for one in three, drafts for one in thirteen, no evaluation for one in eleven
# and a pending keberatan for one in fifty. It starts `kinerja serve` and measures, with curl over a fresh connection each
# time (median and slowest of R runs, default 7):
#   GET /healthz and GET /api/v1/me                       the trivial baselines of the same run
#   GET /api/v1/pemantauan?periode=2028-03                 the instansi view (JSON)
#   GET /pemantauan?periode=2028-03                        the instansi view (HTML page)
#   GET /api/v1/pemantauan?periode=2028-03&unit_id=U      the largest perangkat daerah (JSON)
#   GET /pemantauan?periode=2028-03&unit=L                 a leaf unit with its pegawai (page)
#   GET /api/v1/pemantauan/ekspor?…&tampilan=unit          the instansi's unit table (XLSX)
#   GET /api/v1/pemantauan/ekspor?…&tampilan=pegawai       every pegawai (CSV and XLSX)
# and the other follow-up views of issue 7, over signed annual evaluations of 2027 and 2028 for
# every pegawai (one in ten Sangat Baik both years, most Baik, one in 29 Kurang in 2028) and an
# open sanction case for half of those Kurang:
#   GET /api/v1/penghargaan?tahun=2028, /penghargaan         who qualifies for a reward
#   GET /api/v1/sanksi/calon?tahun=2028, /sanksi             sanction candidates and cases
#   GET /api/v1/talenta?periode=…, /talenta                  the talent grid of the instansi
#
#   CARGO_TARGET_DIR=/work/target-release bash bench/pemantauan.sh      # builds the release binary
#   KINERJA_BIN=path/to/kinerja bash bench/pemantauan.sh                 # or uses the one given
#   BENCH_PG=postgres://postgres@127.0.0.1:5432/kinerja_bench_pemantauan bash bench/pemantauan.sh
#
# Prints what it measured in this run; nothing asserts a timing.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
T="${CARGO_TARGET_DIR:-target}"; [[ "$T" = /* ]] || T="$ROOT/$T"
if [[ -z "${KINERJA_BIN:-}" ]]; then
  (cd "$ROOT" && CARGO_TARGET_DIR="$T" cargo build --release -p kinerja)
fi
BIN="${KINERJA_BIN:-$T/release/kinerja}"
[[ -x "$BIN" ]] || { echo "no binary at $BIN" >&2; exit 2; }
N="${BENCH_PEGAWAI:-100000}"
R="${BENCH_ULANG:-7}"
WORK="$(mktemp -d)"; PID=""
trap '[[ -n "$PID" ]] && kill "$PID" 2>/dev/null; rm -rf "$WORK"' EXIT
cd "$WORK"
MULAI=$(date +%s)
source "$ROOT/bench/instansi_bangkitan.sh"
# The generator has every pegawai rate themselves; here each unit's first pegawai rates the
# unit (a few hundred raters, as heads of units are), which is what the distribution counts
# group by. Then March's realisation (one IKI-month per SKP; the generated SKP carry no RHK, so
# the row names its SKP as RHK and IKI), acknowledgements, drafts, missing evaluations and
# pending keberatan.
sql "UPDATE evaluasi SET penilai_pegawai_id = COALESCE((SELECT MIN(p.id) FROM jabatan j JOIN pegawai p ON p.jabatan_id = j.id
       WHERE j.instansi_id = evaluasi.instansi_id AND j.unit_id = evaluasi.unit_id), penilai_pegawai_id) WHERE periode = '2028-03'"
sql "INSERT INTO realisasi (instansi_id, skp_id, rhk_id, iki_id, pegawai_id, bulan, realisasi, dibuat, diubah)
     SELECT instansi_id, id, -id, -id, pegawai_id, 3, '1 dokumen', $TS, $TS FROM skp
     WHERE tahun = 2028 AND pegawai_id % 7 <> 0"
sql "UPDATE evaluasi SET status = 'diterima_pegawai', ditandatangani_pegawai = $TS WHERE periode = '2028-03' AND pegawai_id % 3 = 0"
sql "UPDATE evaluasi SET status = 'draf', ditandatangani_penilai = NULL, diterima = NULL WHERE periode = '2028-03' AND pegawai_id % 13 = 5"
sql "DELETE FROM evaluasi WHERE periode = '2028-03' AND pegawai_id % 11 = 4"
sql "INSERT INTO keberatan (instansi_id, evaluasi_id, alasan, status, batas, rating_hasil_kerja_semula, rating_perilaku_semula,
       predikat_semula, komentar, dibuat, versi)
     SELECT instansi_id, id, 'bench', 'diajukan', '2028-04-17', rating_hasil_kerja, rating_perilaku, predikat, '[]', $TS, 1
     FROM evaluasi WHERE periode = '2028-03' AND status <> 'draf' AND pegawai_id % 50 = 0"
# Annual evaluations of 2027 and 2028 (on the 2028 SKP: only the evaluation rows matter to the
# reward and sanction reads) and open sanction cases.
for TH in 2027 2028; do
  sql "INSERT INTO evaluasi (instansi_id, skp_id, pegawai_id, unit_id, periode, tahun, dasar, capaian_unit_id, capaian, penilai_pegawai_id,
         nomor_versi_skp, saran_hasil_kerja, saran_perilaku, rating_hasil_kerja, rating_perilaku, predikat, status,
         ditandatangani_penilai, ditandatangani_pegawai, diterima, versi, dibuat, diubah)
       SELECT s.instansi_id, s.id, s.pegawai_id, s.unit_id, '$TH', $TH, 'capaian_unit', s.unit_id, 'baik', s.pegawai_id,
         1, 'sesuai_ekspektasi', 'sesuai_ekspektasi', 'sesuai_ekspektasi', 'sesuai_ekspektasi',
         CASE WHEN s.pegawai_id % 10 = 0 THEN 'sangat_baik' WHEN $TH = 2028 AND s.pegawai_id % 29 = 3 THEN 'kurang'
              WHEN s.pegawai_id % 10 < 7 THEN 'baik' ELSE 'butuh_perbaikan' END,
         'diterima_pegawai', $TS, $TS, '$((TH + 1))-01-10', 1, $TS, $TS
       FROM skp s WHERE s.tahun = 2028 AND s.unit_id IS NOT NULL"
done
sql "INSERT INTO kasus_sanksi (instansi_id, pegawai_id, evaluasi_id, tahun, predikat, kelompok, tahap, tenggat, status, versi, dibuat, diubah)
     SELECT e.instansi_id, e.pegawai_id, e.id, 2028, e.predikat, 'ja_jf', 'perbaikan', '2028-04-20', 'berjalan', 1, $TS, $TS
     FROM evaluasi e WHERE e.periode = '2028' AND e.predikat = 'kurang' AND e.pegawai_id % 2 = 0"
# PostgreSQL's autovacuum would analyze the bulk-loaded tables in a while; do it now. SQLite runs
# without statistics, as a deployment does.
[[ -n "${BENCH_PG:-}" ]] && sql "ANALYZE" >/dev/null
PEG=$(sql "SELECT COUNT(*) FROM pegawai" | tr -dc 0-9)
REAL=$(sql "SELECT COUNT(*) FROM realisasi WHERE bulan = 3" | tr -dc 0-9)
EVAL=$(sql "SELECT COUNT(*) FROM evaluasi WHERE periode = '2028-03'" | tr -dc 0-9)
UNIT=$(sql "SELECT COUNT(*) FROM unit" | tr -dc 0-9)
# A leaf unit with the most pegawai of its own (its page lists them one by one).
DAUN=$(sql "SELECT j.unit_id FROM pegawai p JOIN jabatan j ON j.id = p.jabatan_id
            WHERE NOT EXISTS (SELECT 1 FROM unit c WHERE c.induk_id = j.unit_id)
            GROUP BY j.unit_id ORDER BY COUNT(*) DESC, j.unit_id LIMIT 1" | tr -dc 0-9)
echo "data ready in $(( $(date +%s) - MULAI )) s: $PEG pegawai, $UNIT units, $REAL realisation rows of March, $EVAL evaluations of March 2028"

"$BIN" serve --listen "127.0.0.1:$PORT" >serve.log 2>&1 &
PID=$!
for _ in $(seq 300); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.1; done
URL="http://127.0.0.1:$PORT"
TOK=$(curl -sf -X POST "$URL/api/v1/auth/login" -H 'content-type: application/json' \
  -d '{"username":"admin","password":"demo12345"}' | python3 -c 'import sys,json; print(json.load(sys.stdin)["token"])')
H="Authorization: Bearer $TOK"

# The largest perangkat daerah of the instansi view (its row with the most pegawai).
curl -sf "$URL/api/v1/pemantauan?periode=2028-03" -H "$H" -o instansi.json
PD=$(python3 -c 'import json; v=json.load(open("instansi.json")); print(max(v["unit_anak"], key=lambda b: b["angka"]["pegawai"])["unit_id"])')

# ukur NAME PATH [runs]: median and slowest of `runs` requests (curl, time to the last byte).
declare -A MEDIAN
ukur() {
  local nama="$1" path="$2" n="${3:-$R}" xs=() s t
  for _ in $(seq "$n"); do
    read -r s t < <(curl -s -o "$WORK/body" -w '%{http_code} %{time_total}\n' "$URL$path" -H "$H")
    [[ "$s" == 200 ]] || { echo "$path answered $s: $(head -c 300 "$WORK/body")" >&2; exit 1; }
    xs+=("$t")
  done
  local ukuran; ukuran=$(stat -c %s "$WORK/body")
  python3 - "$nama" "$ukuran" "${xs[@]}" <<'PY'
import statistics, sys
nama, ukuran, xs = sys.argv[1], int(sys.argv[2]), [float(x) * 1000 for x in sys.argv[3:]]
print(f"  {nama:58} median {statistics.median(xs):9.1f} ms   slowest {max(xs):9.1f} ms   ({len(xs)} runs, {ukuran/1024:8.1f} kB)")
PY
}

# Warm-up: the organisation index and the profile are read once per server.
for _ in 1 2; do curl -s -o /dev/null "$URL/api/v1/pemantauan?periode=2028-03" -H "$H"; done
echo
echo "$DB, $(nproc) cores: $PEG pegawai in $UNIT units; largest perangkat daerah unit $PD, leaf unit $DAUN"
ukur "GET /healthz (baseline)" "/healthz"
ukur "GET /api/v1/me (baseline, authenticated)" "/api/v1/me"
ukur "instansi view, JSON  /api/v1/pemantauan" "/api/v1/pemantauan?periode=2028-03"
ukur "instansi view, page  /pemantauan" "/pemantauan?periode=2028-03"
ukur "perangkat daerah $PD, JSON" "/api/v1/pemantauan?periode=2028-03&unit_id=$PD"
ukur "perangkat daerah $PD, page" "/pemantauan?periode=2028-03&unit=$PD"
ukur "leaf unit $DAUN with its pegawai, JSON" "/api/v1/pemantauan?periode=2028-03&unit_id=$DAUN"
ukur "leaf unit $DAUN with its pegawai, page" "/pemantauan?periode=2028-03&unit=$DAUN"
ukur "(reference) the distribution summary /api/v1/distribusi" "/api/v1/distribusi?periode=2028-03"
ukur "export: instansi unit table, XLSX" "/api/v1/pemantauan/ekspor?periode=2028-03&tampilan=unit&format=xlsx"
ukur "export: perangkat daerah $PD pegawai list, XLSX" "/api/v1/pemantauan/ekspor?periode=2028-03&unit_id=$PD&tampilan=pegawai&format=xlsx"
ukur "export: every pegawai ($PEG rows), CSV" "/api/v1/pemantauan/ekspor?periode=2028-03&tampilan=pegawai&format=csv" 3
ukur "export: every pegawai ($PEG rows), XLSX" "/api/v1/pemantauan/ekspor?periode=2028-03&tampilan=pegawai&format=xlsx" 3
ukur "rewards 2028, JSON /api/v1/penghargaan (talent pool, first page)" "/api/v1/penghargaan?tahun=2028"
ukur "rewards 2028, page /penghargaan (development, first page)" "/penghargaan?tahun=2028&jenis=prioritas_pengembangan"
ukur "sanction candidates 2028, JSON /api/v1/sanksi/calon" "/api/v1/sanksi/calon?tahun=2028"
ukur "sanction cases and candidates, page /sanksi" "/sanksi?tahun=2028"
ukur "talent grid of the instansi, March 2028, JSON" "/api/v1/talenta?periode=2028-03"
ukur "talent grid of the instansi, March 2028, page /talenta" "/talenta?periode=2028-03"
ukur "talent grid of the instansi, year 2028, JSON" "/api/v1/talenta?periode=2028"
# The instansi totals as the view shows them (a sanity check of the data, not a timing).
python3 -c '
import json; v=json.load(open("instansi.json")); t=v["total"]
print("  instansi totals: pegawai %d, SKP set %d, documented %d, signed %d, draft %d, missing %d, acknowledged %d, keberatan waiting %d, units off curve %d" % (
  t["pegawai"], t["skp_ditetapkan"], t["terdokumentasi"], t["evaluasi_ditandatangani"], t["evaluasi_draf"], t["evaluasi_belum"], t["evaluasi_diterima"], t["keberatan_menunggu"], t["unit_menyimpang"]))'
