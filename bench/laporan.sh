#!/usr/bin/env bash
# Figures for the HR exports (issue 6), on SQLite (default) or PostgreSQL (BENCH_PG=postgres://…/db,
# a database this script may fill; it needs `psql`; SQLite needs the `sqlite3` shell):
#   the evaluation report (`GET /api/v1/laporan/evaluasi?periode=2028-03`) of the demo instansi plus
#   N generated pegawai (default 100,000), each with a set SKP and a signed evaluation of March 2028,
#   as XLSX and as CSV: time to the first byte and to the last, file size, and the server's
#   resident memory before the download against its peak during it (VmRSS / VmHWM of
#   /proc/PID/status; the peak is reset before each download where the kernel allows it), with
#   `GET /api/v1/me` (the cheapest authenticated call) as the baseline of the same run.
#
#   CARGO_TARGET_DIR=/work/target-release bash bench/laporan.sh      # builds the release binary
#   KINERJA_BIN=path/to/kinerja bash bench/laporan.sh                  # or uses the one given
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
WORK="$(mktemp -d)"; PID=""
trap '[[ -n "$PID" ]] && kill "$PID" 2>/dev/null; rm -rf "$WORK"' EXIT
cd "$WORK"
source "$ROOT/bench/instansi_bangkitan.sh"
sql "INSERT INTO keberatan (instansi_id, evaluasi_id, alasan, status, batas, rating_hasil_kerja_semula, rating_perilaku_semula,
       predikat_semula, komentar, dibuat, versi)
     SELECT instansi_id, id, 'bench', 'diajukan', '2028-04-17', rating_hasil_kerja, rating_perilaku, predikat, '[]', $TS, 1
     FROM evaluasi WHERE periode = '2028-03' AND pegawai_id % 50 = 0"
PEG=$(sql "SELECT COUNT(*) FROM pegawai" | tr -dc 0-9)
EVAL=$(sql "SELECT COUNT(*) FROM evaluasi WHERE periode = '2028-03'" | tr -dc 0-9)
KECIL=$(sql "SELECT unit_id FROM jabatan GROUP BY unit_id ORDER BY COUNT(*) LIMIT 1" | tr -dc 0-9)

"$BIN" serve --listen "127.0.0.1:$PORT" >serve.log 2>&1 &
PID=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.1; done

python3 - "$PORT" "$PID" "$PEG" "$EVAL" "$DB" "$KECIL" <<'PY'
import http.client, json, re, statistics, sys, time, zipfile
port, pid, n_peg, n_eval, db, kecil = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6]
c = http.client.HTTPConnection("127.0.0.1", port, timeout=900)
def req(m, path, token=None, body=None):
    h = {"Content-Type": "application/json"}
    if token: h["Authorization"] = "Bearer " + token
    c.request(m, path, body=json.dumps(body).encode() if body is not None else None, headers=h)
    r = c.getresponse(); return r.status, r.read()
s, d = req("POST", "/api/v1/auth/login", body={"username": "admin", "password": "demo12345"})
tok = json.loads(d)["token"]
def status():
    t = open(f"/proc/{pid}/status").read()
    kb = lambda k: int(re.search(k + r":\s+(\d+)", t).group(1)) / 1024
    return kb("VmRSS"), kb("VmHWM")
def reset_peak():
    try:
        open(f"/proc/{pid}/clear_refs", "w").write("5"); return True
    except OSError:
        return False
for _ in range(20): req("GET", "/api/v1/me", tok)
xs = []
for _ in range(200):
    a = time.perf_counter(); req("GET", "/api/v1/me", tok); xs.append((time.perf_counter() - a) * 1000)
me = statistics.median(xs)
# Warm-up: a small unit's report builds the organisation index the big one reuses.
s, _ = req("GET", f"/api/v1/laporan/evaluasi?periode=2028-03&unit_id={kecil}&format=csv", tok)
assert s == 200, s
def unduh(path, nama):
    rss0, hwm0 = status(); di_reset = reset_peak()
    a = time.perf_counter()
    c.request("GET", path, headers={"Authorization": "Bearer " + tok})
    r = c.getresponse()
    pertama = None; ukuran = 0
    with open(nama, "wb") as f:
        while True:
            b = r.read(1 << 16)
            if pertama is None: pertama = (time.perf_counter() - a) * 1000
            if not b: break
            f.write(b); ukuran += len(b)
    total = (time.perf_counter() - a) * 1000
    assert r.status == 200, (path, r.status, open(nama, "rb").read(300))
    rss1, hwm1 = status()
    return dict(pertama=pertama, total=total, ukuran=ukuran, rss0=rss0, hwm0=hwm0, hwm1=hwm1, rss1=rss1,
                baris=int(r.getheader("x-jumlah-baris") or 0), reset=di_reset)
hasil = {}
for fmt in ("xlsx", "csv"):
    runs = [unduh(f"/api/v1/laporan/evaluasi?periode=2028-03&format={fmt}", f"laporan.{fmt}") for _ in range(2)]
    hasil[fmt] = runs
# The files are whole: the XLSX's sheet spans every row, the CSV has a line per row.
with zipfile.ZipFile("laporan.xlsx") as z:
    dim = re.search(rb'<dimension ref="A1:[A-Z]+(\d+)"', z.open("xl/worksheets/sheet1.xml").read(4096)).group(1)
n_csv = sum(1 for _ in open("laporan.csv", encoding="utf-8-sig")) - 1
print(f"\n{db}: {n_peg} pegawai, {n_eval} signed evaluations of March 2028")
print(f"  GET /api/v1/me (baseline)                         median {me:8.2f} ms")
for fmt, runs in hasil.items():
    for i, h in enumerate(runs):
        print(f"  evaluasi {fmt.upper():4} run {i+1}: {h['baris']} rows, {h['ukuran']/1e6:6.1f} MB,"
              f" first byte {h['pertama']:7.0f} ms, last byte {h['total']:7.0f} ms (ratio {h['total']/me:6.0f} x /me),"
              f" {h['baris']/(h['total']/1000):8.0f} rows/s;"
              f" RSS before {h['rss0']:5.0f} MB, peak during {h['hwm1']:5.0f} MB (+{h['hwm1']-h['rss0']:4.0f} MB)"
              + ("" if h['reset'] else f" [peak not resettable: lifetime peak before {h['hwm0']:.0f} MB]"))
print(f"  XLSX sheet rows {int(dim)-1}, CSV lines {n_csv}")
PY
printf '%s, %s cores\n' "$DB" "$(nproc)"
