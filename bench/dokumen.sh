#!/usr/bin/env bash
# Figures for the documents, on SQLite (default) or PostgreSQL (BENCH_PG=postgres://…/db, a
# database this script may fill; it needs `psql`; SQLite needs the `sqlite3` shell):
#   1. the median time of one SKP PDF, one Dokumen Evaluasi and one Evaluasi Kinerja Pegawai
#      over 40 different demo pegawai: the first request registers the code (one write), the
#      second is the reads and one typst render; against `GET /api/v1/me`;
#   2. the Pasal 29 reporting bundle of the whole instansi for the demo plus N generated pegawai
#      (default 10,000) with a set SKP and a signed evaluation of March 2028: three PDFs each,
#      built by the background worker — time to finished, archive size, server peak memory.
#
#   cargo build --release -p kinerja && bash bench/dokumen.sh
#
# Prints what it measured in this run; nothing asserts a timing.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
T="${CARGO_TARGET_DIR:-target}"; [[ "$T" = /* ]] || T="$ROOT/$T"
BIN="${KINERJA_BIN:-$T/release/kinerja}"
[[ -x "$BIN" ]] || { echo "build first: cargo build --release -p kinerja ($BIN missing)" >&2; exit 2; }
N="${BENCH_PEGAWAI:-10000}"
WORK="$(mktemp -d)"; PID=""
trap '[[ -n "$PID" ]] && kill "$PID" 2>/dev/null; rm -rf "$WORK"' EXIT
cd "$WORK"
source "$ROOT/bench/instansi_bangkitan.sh"
EVAL=$(sql "SELECT COUNT(*) FROM evaluasi WHERE periode = '2028-03'" | tr -dc 0-9)

"$BIN" serve --listen "127.0.0.1:$PORT" --berkas-dir "$WORK/berkas" >serve.log 2>&1 &
PID=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.1; done

python3 - "$PORT" "$PID" "$EVAL" "$DB" "$WORK/berkas" <<'PY'
import http.client, json, os, re, statistics, sys, time
port, pid, n_eval, db, berkas = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
c = http.client.HTTPConnection("127.0.0.1", port, timeout=3600)
def req(m, path, token=None, body=None):
    h = {"Content-Type": "application/json"}
    if token: h["Authorization"] = "Bearer " + token
    c.request(m, path, body=json.dumps(body).encode() if body is not None else None, headers=h)
    r = c.getresponse(); return r.status, r.read()
def masuk(u):
    s, d = req("POST", "/api/v1/auth/login", body={"username": u, "password": "demo12345"})
    assert s == 200, d; return json.loads(d)["token"]
def hwm():
    return int(re.search(r"VmHWM:\s+(\d+)", open(f"/proc/{pid}/status").read()).group(1)) / 1024
def rss():
    return int(re.search(r"VmRSS:\s+(\d+)", open(f"/proc/{pid}/status").read()).group(1)) / 1024
admin = masuk("admin")
pel = masuk("197011252002051077")
s, d = req("GET", "/api/v1/skp?lingkup=instansi&tahun=2026&status=ditetapkan&limit=40", admin)
skps = [x["id"] for x in json.loads(d)["items"]]
def waktu(paths, tok):
    xs = []; b = 0
    for path in paths:
        a = time.perf_counter(); s, d = req("GET", path, tok); xs.append((time.perf_counter() - a) * 1000)
        assert s == 200, (path, s, d[:300]); b += len(d)
    return statistics.median(xs), max(xs), b / len(paths)
for _ in range(20): req("GET", "/api/v1/me", pel)
me, _, _ = waktu(["/api/v1/me"] * 200, pel)
print(f"\n{db}: one document, {len(skps)} different set SKP of the demo, each asked twice")
print(f"  GET /api/v1/me (baseline)                      median {me:7.2f} ms")
for nama, jalan in [
    ("SKP with Lampiran SKP", lambda i: f"/api/v1/skp/{i}/dokumen/skp"),
    ("Dokumen Evaluasi Kinerja Pegawai", lambda i: f"/api/v1/skp/{i}/dokumen/dokumen_evaluasi?periode=2026-09"),
    ("Evaluasi Kinerja Pegawai (with the curve)", lambda i: f"/api/v1/skp/{i}/dokumen/evaluasi?periode=2026-09"),
]:
    paths = [jalan(i) for i in skps]
    baru, baru_max, b = waktu(paths, admin)   # first time: the code is registered (one write)
    lagi, lagi_max, _ = waktu(paths, admin)   # again: reads and the render only
    print(f"  {nama:<42} first median {baru:6.1f} ms (max {baru_max:6.1f}), again {lagi:6.1f} ms (max {lagi_max:6.1f})  ratio {lagi / me:4.0f}  ({b / 1e3:.0f} kB)")
sebelum = rss()
a = time.perf_counter()
s, d = req("POST", "/api/v1/bundel_laporan", admin, {"periode": "2028-03"})
assert s == 202, (s, d)
tid = json.loads(d)["id"]
while True:
    time.sleep(1)
    s, d = req("GET", f"/api/v1/bundel_laporan/{tid}", admin); t = json.loads(d)
    if t["status"] in ("selesai", "gagal"): break
lama = time.perf_counter() - a
assert t["status"] == "selesai", t
ukuran = t["ukuran"]
print(f"\n{db}: reporting bundle of the instansi, March 2028 ({n_eval} signed evaluations)")
print(f"  {t['total_n']} pegawai, {3 * t['total_n']} PDFs in {lama:.0f} s ({lama / max(1, t['total_n']) * 1000:.1f} ms a pegawai), archive {ukuran / 1e6:.0f} MB")
print(f"  server memory before {sebelum:.0f} MB, peak {hwm():.0f} MB")
PY
printf '%s, %s cores\n' "$DB" "$(nproc)"
