-- Follow-up of the evaluation (issue 7): rewards granted, sanction cases with their steps, and
-- the policy profile's version counter (stale edits get 409).
CREATE TABLE penghargaan (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    instansi_id INTEGER NOT NULL REFERENCES instansi(id),
    pegawai_id INTEGER NOT NULL REFERENCES pegawai(id),
    tahun INTEGER NOT NULL,
    jenis TEXT NOT NULL,
    bentuk TEXT NOT NULL,
    tanggal TEXT NOT NULL,
    nomor_dokumen TEXT,
    catatan TEXT,
    dicatat_oleh TEXT NOT NULL,
    dibuat TEXT NOT NULL
);
CREATE INDEX penghargaan_tahun ON penghargaan(instansi_id, tahun, pegawai_id);
CREATE INDEX penghargaan_pegawai ON penghargaan(pegawai_id, tahun);

CREATE TABLE kasus_sanksi (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    instansi_id INTEGER NOT NULL REFERENCES instansi(id),
    pegawai_id INTEGER NOT NULL REFERENCES pegawai(id),
    evaluasi_id INTEGER NOT NULL REFERENCES evaluasi(id),
    tahun INTEGER NOT NULL,
    predikat TEXT NOT NULL,
    kelompok TEXT NOT NULL,
    tahap TEXT NOT NULL,
    tenggat TEXT,
    status TEXT NOT NULL,
    hasil TEXT,
    versi INTEGER NOT NULL DEFAULT 1,
    dibuat TEXT NOT NULL,
    diubah TEXT NOT NULL
);
CREATE UNIQUE INDEX kasus_sanksi_evaluasi ON kasus_sanksi(evaluasi_id);
CREATE INDEX kasus_sanksi_tenggat ON kasus_sanksi(instansi_id, status, tenggat);
CREATE INDEX kasus_sanksi_pegawai ON kasus_sanksi(pegawai_id);

CREATE TABLE langkah_sanksi (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kasus_id INTEGER NOT NULL REFERENCES kasus_sanksi(id),
    urutan INTEGER NOT NULL,
    tahap TEXT NOT NULL,
    hasil TEXT,
    tanggal TEXT NOT NULL,
    tenggat TEXT,
    nomor_dokumen TEXT,
    catatan TEXT,
    dicatat_oleh TEXT NOT NULL,
    dibuat TEXT NOT NULL
);
CREATE UNIQUE INDEX langkah_sanksi_urutan ON langkah_sanksi(kasus_id, urutan);

ALTER TABLE profil_kebijakan ADD COLUMN versi INTEGER NOT NULL DEFAULT 1;

-- monitoring: the dashboards look up each pegawai's realisation of the period's months and
-- evaluations of the period by pegawai (an SKP closed by a mutasi still counts), and the
-- keberatan waiting for a decision.
CREATE INDEX realisasi_pegawai_bulan ON realisasi(pegawai_id, bulan);
CREATE INDEX evaluasi_pegawai_periode ON evaluasi(pegawai_id, periode);
CREATE INDEX keberatan_status ON keberatan(instansi_id, status);
-- talent and angka kredit: one pegawai's SKP of every year, closed ones included
CREATE INDEX skp_pegawai_tahun ON skp(instansi_id, pegawai_id, tahun);
