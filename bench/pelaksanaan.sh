#!/usr/bin/env bash
# Figures for the execution stage, on SQLite (default) or PostgreSQL (BENCH_PG=postgres://…/db,
# a database this script may fill):
#   1. evidence upload: throughput of 19 MB PDF uploads through the API (streamed into the
#      evidence directory with SHA-256), against `cp` + `sha256sum` of the same file in this run;
#      the server's resident memory before, during and after (it must stream, not buffer), and
#      how a 200 MB upload is refused;
#   2. the rater's month view (`/realisasi/tim`, page and API) for a Kepala Seksi rating 52
#      pegawai with set SKP and ten months of realisation, against `GET /api/v1/me` (the cheapest
#      authenticated call) in the same run.
#
#   cargo build --release -p kinerja && bash bench/pelaksanaan.sh
#
# Prints what it measured in this run; nothing asserts a timing.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
T="${CARGO_TARGET_DIR:-target}"; [[ "$T" = /* ]] || T="$ROOT/$T"
BIN="${KINERJA_BIN:-$T/release/kinerja}"
[[ -x "$BIN" ]] || { echo "build first: cargo build --release -p kinerja ($BIN missing)" >&2; exit 2; }
WORK="$(mktemp -d)"; PID=""
trap '[[ -n "$PID" ]] && kill "$PID" 2>/dev/null; rm -rf "$WORK"' EXIT
cd "$WORK"
if [[ -n "${BENCH_PG:-}" ]]; then export DATABASE_URL="$BENCH_PG"; DB="PostgreSQL"; "$BIN" migrate >/dev/null; else export DATABASE_URL="sqlite://$WORK/bench.db"; DB="SQLite"; fi
export KINERJA_BUKTI_DIR="$WORK/bukti"
PORT=$((20000 + RANDOM % 20000))

"$BIN" demo > logins.txt
# 50 more pegawai on the positions of the Kepala Seksi login's seksi (so that one rater has 52).
"$BIN" export --jenis jabatan --output jabatan.csv
KASI=$(awk '/Kepala Seksi/ {print $3; exit}' logins.txt)
"$BIN" export --jenis pegawai --output pegawai_lama.csv
python3 - "$KASI" <<'PY'
import csv, sys
kasi = sys.argv[1]
peg = list(csv.DictReader(open("pegawai_lama.csv")))
jab = {r["kode"]: r for r in csv.DictReader(open("jabatan.csv"))}
kode_kasi = next(p["jabatan_kode"] for p in peg if p["nip"] == kasi)
bawahan = [k for k, r in jab.items() if r.get("atasan_kode") == kode_kasi and r["jenis_jabatan"] in ("pelaksana", "fungsional")]
assert bawahan, "positions under the Kepala Seksi"
with open("pegawai.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["nip", "nama", "status_asn", "golongan", "jabatan_kode", "email"])
    for i in range(50):
        nip = f"1990{1 + i % 12:02d}{1 + i % 28:02d}2015{1 + i % 12:02d}1{i:03d}"
        w.writerow([nip, f"Pegawai Tim {i:02d}", "pns", "III/a", bawahan[i % len(bawahan)], ""])
PY
"$BIN" import --jenis pegawai pegawai.csv >/dev/null
"$BIN" demo >/dev/null   # accounts for the new pegawai
"$BIN" serve --listen "127.0.0.1:$PORT" >serve.log 2>&1 &
PID=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.1; done

python3 - "$PORT" "$PID" "$KASI" "$WORK" <<'PY'
import http.client, json, os, re, statistics, subprocess, sys, time, datetime
port, pid, kasi, work = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
PASS = "demo12345"
def conn(): return http.client.HTTPConnection("127.0.0.1", port, timeout=300)
c = conn()
def req(m, path, token=None, body=None, ct="application/json", headers=None):
    h = dict(headers or {})
    if token: h["Authorization"] = "Bearer " + token
    if body is not None:
        if not isinstance(body, (bytes, bytearray)): body = json.dumps(body).encode()
        h["Content-Type"] = ct
    c.request(m, path, body=body, headers=h)
    r = c.getresponse(); data = r.read()
    return r.status, data
def js(m, path, token=None, body=None):
    s, d = req(m, path, token, body)
    if s >= 400: raise SystemExit(f"{m} {path}: {s} {d[:300]}")
    return json.loads(d) if d else None
def token(u): return js("POST", "/api/v1/auth/login", body={"username": u, "password": PASS})["token"]
def rss():
    st = open(f"/proc/{pid}/status").read()
    g = lambda k: int(re.search(rf"{k}:\s+(\d+)", st).group(1)) / 1024
    return g("VmRSS"), g("VmHWM")

today = datetime.date.today()
tahun = today.year
bulan_akhir = min(today.month, 12)
t_kasi = token(kasi)
tim = js("GET", f"/api/v1/realisasi/tim?tahun={tahun}&bulan={bulan_akhir}", t_kasi)["baris"]
baru = [b for b in tim if b["pegawai"]["nama"].startswith("Pegawai Tim")]
assert len(baru) == 50, len(baru)
# Each new pegawai: an SKP with two RHK set in January, ten months of realisation with a link.
t0 = time.time(); n_real = 0
for b in baru:
    nip = b["pegawai"]["nip"]; t = token(nip)
    s = js("POST", "/api/v1/skp", t, {"tahun": tahun, "salin_tahun_lalu": False})
    sid = s["skp"]["id"]; v = s["version"]
    for k in range(2):
        v = js("POST", f"/api/v1/skp/{sid}/rhk", t, {"version": v, "jenis": "utama", "uraian": f"Terselesaikannya layanan {k}",
               "iki": {"aspek": "kuantitas", "indikator": f"Jumlah layanan {k}", "target": "120 layanan"}})["version"]
    v = js("POST", f"/api/v1/skp/{sid}/ajukan", t, {"version": v})["version"]
    js("POST", f"/api/v1/skp/{sid}/tetapkan", t_kasi, {"version": v})
    d = js("GET", f"/api/v1/skp/{sid}", t)
    ikis = [i["id"] for r in d["skp"]["rhk"] for i in r["iki"]]
    for bl in range(max(1, bulan_akhir - 9), bulan_akhir + 1):
        for i in ikis[: 1 if bl == bulan_akhir else 2]:
            r = js("PUT", f"/api/v1/skp/{sid}/realisasi", t, {"iki_id": i, "bulan": bl, "realisasi": "10 layanan"})
            js("POST", f"/api/v1/realisasi/{r['id']}/bukti", t, {"url": f"https://arsip.example.go.id/{nip}/{bl}", "keterangan": "Rekap layanan"})
            n_real += 1
siap = time.time() - t0

# --- 2. the rater's month --------------------------------------------------------------------------
def waktu(path, n, **kw):
    xs = []
    for _ in range(n):
        a = time.perf_counter(); s, d = req("GET", path, **kw); xs.append(time.perf_counter() - a)
        assert s == 200, (path, s, d[:200])
    xs.sort(); return statistics.median(xs) * 1000, xs[int(len(xs) * 0.95) - 1] * 1000
# A browser session for the page.
cc = http.client.HTTPConnection("127.0.0.1", port)
cc.request("POST", "/masuk", body=f"username={kasi}&password={PASS}", headers={"Content-Type": "application/x-www-form-urlencoded", "Origin": f"http://127.0.0.1:{port}"})
rr = cc.getresponse(); rr.read()
cookie = rr.getheader("Set-Cookie").split(";")[0]
N = 200
for _ in range(20): req("GET", f"/api/v1/realisasi/tim?tahun={tahun}&bulan={bulan_akhir}", t_kasi)
me_med, me_p95 = waktu("/api/v1/me", N, token=t_kasi)
api_med, api_p95 = waktu(f"/api/v1/realisasi/tim?tahun={tahun}&bulan={bulan_akhir}", N, token=t_kasi)
page_med, page_p95 = waktu(f"/realisasi/tim?tahun={tahun}&bulan={bulan_akhir}", N, headers={"Cookie": cookie})
n_tim = len(js("GET", f"/api/v1/realisasi/tim?tahun={tahun}&bulan={bulan_akhir}", t_kasi)["baris"])
# The same rater's evaluation of the month (suggestions, ratings, the unit's live curve).
per = f"{tahun}-{bulan_akhir:02d}"
ev_api_med, ev_api_p95 = waktu(f"/api/v1/evaluasi/tim?periode={per}", N, token=t_kasi)
ev_page_med, ev_page_p95 = waktu(f"/evaluasi?periode={per}", N, headers={"Cookie": cookie})
n_ev = len(js("GET", f"/api/v1/evaluasi/tim?periode={per}", t_kasi)["baris"])

# --- 1. uploads -------------------------------------------------------------------------------------
t_pel = token(baru[0]["pegawai"]["nip"])
sid = js("GET", f"/api/v1/skp?tahun={tahun}", t_pel)["items"][0]["id"]
m = js("GET", f"/api/v1/skp/{sid}/realisasi?bulan={bulan_akhir}", t_pel)
rid = next(i["realisasi"]["id"] for r in m["rhk"] for i in r["iki"] if i["realisasi"])
UK = 19 * 1024 * 1024
isi = b"%PDF-1.4\n" + os.urandom(UK - 9)
open("contoh.pdf", "wb").write(isi)
B = "xBatasBench"
def badan(nama, data):
    return (f"--{B}\r\nContent-Disposition: form-data; name=\"keterangan\"\r\n\r\nBench\r\n--{B}\r\nContent-Disposition: form-data; name=\"berkas\"; filename=\"{nama}\"\r\nContent-Type: application/pdf\r\n\r\n").encode() + data + f"\r\n--{B}--\r\n".encode()
body = badan("contoh.pdf", isi)
rss0, hwm0 = rss()
K = 10; ids = []
a = time.perf_counter()
for _ in range(K):
    s, d = req("POST", f"/api/v1/realisasi/{rid}/bukti", t_pel, body, ct=f"multipart/form-data; boundary={B}")
    assert s == 201, (s, d[:300]); ids.append(json.loads(d)["id"])
upl = time.perf_counter() - a
rss1, hwm1 = rss()
for i in ids: req("DELETE", f"/api/v1/bukti/{i}", t_pel)
# Baseline: copy and hash the same file with the system's tools, K times.
a = time.perf_counter()
for k in range(K):
    subprocess.run(["cp", "contoh.pdf", f"salinan{k}.pdf"], check=True)
    subprocess.run(["sha256sum", f"salinan{k}.pdf"], check=True, capture_output=True)
    os.remove(f"salinan{k}.pdf")
base = time.perf_counter() - a
# 200 MB: refused at the limit, without reading the rest (a raw socket, to read the answer
# while the body is still being sent).
import socket, select
kepala = badan("besar.pdf", b"")
depan, belakang = kepala[: kepala.index(b"\r\n\r\n", kepala.index(b"berkas")) + 4], kepala[kepala.index(b"\r\n\r\n", kepala.index(b"berkas")) + 4:]
total = len(depan) + 200 * 1024 * 1024 + len(belakang)
sk = socket.create_connection(("127.0.0.1", port))
sk.sendall((f"POST /api/v1/realisasi/{rid}/bukti HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {t_pel}\r\n"
            f"Content-Type: multipart/form-data; boundary={B}\r\nContent-Length: {total}\r\n\r\n").encode() + depan)
a = time.perf_counter(); kirim = 0; jawab = b""
potong = b"%PDF-1.4\n" + b"0" * (1024 * 1024 - 9)
while kirim < 200 * 1024 * 1024:
    r, _, _ = select.select([sk], [], [], 0)
    if r: break
    try: sk.sendall(potong); kirim += len(potong)
    except (BrokenPipeError, ConnectionResetError): break
try:
    sk.settimeout(10); jawab = sk.recv(4096)
except OSError: pass
tolak = time.perf_counter() - a
s = jawab.split(b"\r\n", 1)[0].decode(errors="replace") or "no answer"
terkirim = kirim / 1024 / 1024
sk.close()
rss2, hwm2 = rss()
mb = UK / 1024 / 1024
print()
print(f"setup: 50 SKP set, {n_real} realisasi with a link each, through the API in {siap:.1f} s")
print(f"rater's month, {n_tim} pegawai, {N} requests each (median / p95, ms):")
print(f"  GET /api/v1/me (baseline)          {me_med:7.2f} / {me_p95:7.2f}")
print(f"  GET /api/v1/realisasi/tim (JSON)   {api_med:7.2f} / {api_p95:7.2f}   ratio to baseline {api_med / me_med:5.1f}")
print(f"  GET /realisasi/tim (HTML page)     {page_med:7.2f} / {page_p95:7.2f}   ratio to baseline {page_med / me_med:5.1f}")
print(f"rater's evaluation of the month, {n_ev} pegawai, {N} requests each (median / p95, ms):")
print(f"  GET /api/v1/evaluasi/tim (JSON)    {ev_api_med:7.2f} / {ev_api_p95:7.2f}   ratio to baseline {ev_api_med / me_med:5.1f}")
print(f"  GET /evaluasi (HTML page)          {ev_page_med:7.2f} / {ev_page_p95:7.2f}   ratio to baseline {ev_page_med / me_med:5.1f}")
print(f"upload of {K} × {mb:.0f} MB PDF: {upl:.2f} s = {K * mb / upl:6.1f} MB/s;  cp + sha256sum of the same: {base:.2f} s = {K * mb / base:6.1f} MB/s;  ratio {base / upl:4.2f}")
print(f"server memory (MB): before uploads RSS {rss0:.1f} (peak so far {hwm0:.1f}); after {K} uploads RSS {rss1:.1f}, peak {hwm1:.1f} (+{hwm1 - hwm0:.1f} for {mb:.0f} MB files)")
print(f"200 MB upload: '{s}' after {terkirim:.0f} MB sent, {tolak:.2f} s; server peak after it {hwm2:.1f} MB (+{hwm2 - hwm0:.1f})")
PY
printf '%s, %s cores\n' "$DB" "$(nproc)"
