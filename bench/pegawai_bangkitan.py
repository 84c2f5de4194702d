"""N generated pegawai on the demo's JF/pelaksana positions, as an import CSV (deterministic).

    python3 bench/pegawai_bangkitan.py N jabatan.csv pegawai.csv
"""
import csv
import random
import sys

n, jabatan, keluar = int(sys.argv[1]), sys.argv[2], sys.argv[3]
random.seed(n)
jab = [r["kode"] for r in csv.DictReader(open(jabatan)) if r["jenis_jabatan"] in ("fungsional", "pelaksana")]
with open(keluar, "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["nip", "nama", "status_asn", "golongan", "jabatan_kode", "email"])
    for i in range(n):
        y, m, d = 1960 + i % 30, 1 + i % 12, 1 + i % 28
        nip = f"{y:04d}{m:02d}{d:02d}{y+25:04d}{1+(i//12)%12:02d}{1+i%2}{(i//360)%1000:03d}"
        pppk = i % 7 == 0
        w.writerow([nip, f"Pegawai Bangkitan {i:06d}", "pppk" if pppk else "pns", "IX" if pppk else "III/b", random.choice(jab), ""])
