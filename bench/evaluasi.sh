#!/usr/bin/env bash
# Figures for the evaluation stage, on SQLite (default) or PostgreSQL (BENCH_PG=postgres://…/db,
# a database this script may fill; it needs `psql`; SQLite needs the `sqlite3` shell):
#   every unit's distribution (`GET /api/v1/distribusi`: counts, guideline check, SVG per unit,
#   unfinished raters) and the instansi ranking (`GET /api/v1/peringkat`) for the demo instansi
#   plus N generated pegawai (default 100,000), each with a set SKP and a signed evaluation for a
#   month, against `GET /api/v1/me` (the cheapest authenticated call) in the same run.
# (The rater's month view of 52 pegawai is measured by bench/pelaksanaan.sh.)
#
#   cargo build --release -p kinerja && bash bench/evaluasi.sh
#
# Prints what it measured in this run; nothing asserts a timing.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
T="${CARGO_TARGET_DIR:-target}"; [[ "$T" = /* ]] || T="$ROOT/$T"
BIN="${KINERJA_BIN:-$T/release/kinerja}"
[[ -x "$BIN" ]] || { echo "build first: cargo build --release -p kinerja ($BIN missing)" >&2; exit 2; }
N="${BENCH_PEGAWAI:-100000}"
WORK="$(mktemp -d)"; PID=""
trap '[[ -n "$PID" ]] && kill "$PID" 2>/dev/null; rm -rf "$WORK"' EXIT
cd "$WORK"
source "$ROOT/bench/instansi_bangkitan.sh"
EVAL=$(sql "SELECT COUNT(*) FROM evaluasi WHERE periode = '2028-03'" | tr -dc 0-9)
UNIT=$(sql "SELECT COUNT(*) FROM unit" | tr -dc 0-9)

"$BIN" serve --listen "127.0.0.1:$PORT" >serve.log 2>&1 &
PID=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.1; done

python3 - "$PORT" "$PID" "$EVAL" "$UNIT" "$DB" <<'PY'
import http.client, json, re, statistics, sys, time
port, pid, n_eval, n_unit, db = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
c = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
def req(m, path, token=None, body=None):
    h = {"Content-Type": "application/json"}
    if token: h["Authorization"] = "Bearer " + token
    c.request(m, path, body=json.dumps(body).encode() if body is not None else None, headers=h)
    r = c.getresponse(); return r.status, r.read()
s, d = req("POST", "/api/v1/auth/login", body={"username": "admin", "password": "demo12345"})
tok = json.loads(d)["token"]
def waktu(path, n):
    xs = []; ukuran = 0
    for _ in range(n):
        a = time.perf_counter(); s, d = req("GET", path, tok); xs.append((time.perf_counter() - a) * 1000)
        assert s == 200, (path, s, d[:300]); ukuran = len(d)
    return statistics.median(xs), max(xs), ukuran, d
def hwm():
    return int(re.search(r"VmHWM:\s+(\d+)", open(f"/proc/{pid}/status").read()).group(1)) / 1024
for _ in range(20): req("GET", "/api/v1/me", tok)
me, me_max, _, _ = waktu("/api/v1/me", 200)
dist, dist_max, dist_b, dd = waktu("/api/v1/distribusi?periode=2028-03", 5)
rank, rank_max, rank_b, rd = waktu("/api/v1/peringkat?periode=2028-03", 5)
dj = json.loads(dd); rj = json.loads(rd)
print(f"\n{db}: {n_eval} signed evaluations of March 2028 in {n_unit} units")
print(f"  GET /api/v1/me (baseline)            median {me:8.2f} ms")
print(f"  GET /api/v1/distribusi (every unit)  median {dist:8.1f} ms, max {dist_max:8.1f}  ratio {dist / me:7.0f}  ({len(dj['unit'])} units, {dj['jumlah_menyimpang']} off guideline, {len(dj['penilai_belum_selesai'])} raters listed, {dist_b / 1e6:.1f} MB)")
print(f"  GET /api/v1/peringkat (instansi)     median {rank:8.1f} ms, max {rank_max:8.1f}  ratio {rank / me:7.0f}  ({len(rj['items'])} ranked, {rank_b / 1e6:.1f} MB JSON)")
print(f"  server peak memory {hwm():.0f} MB")
PY
printf '%s, %s cores\n' "$DB" "$(nproc)"
