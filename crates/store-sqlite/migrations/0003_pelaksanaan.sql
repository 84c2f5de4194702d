-- Execution (Pasal 16–22): monthly realisation per IKI with evidence, continuous and 360
-- feedback, follow-up (pembinaan, take-over), progress reports on assignments, the in-app inbox
-- (with its e-mail queue) and the jobs the server runs.
CREATE TABLE realisasi (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    instansi_id INTEGER NOT NULL REFERENCES instansi(id),
    skp_id INTEGER NOT NULL REFERENCES skp(id),
    rhk_id INTEGER NOT NULL,
    iki_id INTEGER NOT NULL,
    pegawai_id INTEGER NOT NULL REFERENCES pegawai(id),
    bulan INTEGER NOT NULL CHECK (bulan BETWEEN 1 AND 12),
    realisasi TEXT NOT NULL,
    catatan TEXT,
    dibuat TEXT NOT NULL,
    diubah TEXT NOT NULL
);
CREATE UNIQUE INDEX realisasi_iki_bulan ON realisasi(iki_id, bulan);
CREATE INDEX realisasi_skp ON realisasi(skp_id, bulan);

CREATE TABLE bukti (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    instansi_id INTEGER NOT NULL REFERENCES instansi(id),
    realisasi_id INTEGER NOT NULL REFERENCES realisasi(id),
    skp_id INTEGER NOT NULL REFERENCES skp(id),
    pegawai_id INTEGER NOT NULL REFERENCES pegawai(id),
    keterangan TEXT NOT NULL,
    url TEXT,
    nama_berkas TEXT,
    jenis_berkas TEXT,
    ukuran INTEGER,
    sha256 TEXT,
    kunci TEXT,
    dibuat TEXT NOT NULL,
    dibuat_oleh TEXT NOT NULL,
    CHECK ((url IS NULL) <> (kunci IS NULL))
);
CREATE INDEX bukti_realisasi ON bukti(realisasi_id);
CREATE INDEX bukti_skp ON bukti(skp_id);

CREATE TABLE permintaan_umpan_balik (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    instansi_id INTEGER NOT NULL REFERENCES instansi(id),
    skp_id INTEGER NOT NULL REFERENCES skp(id),
    pegawai_id INTEGER NOT NULL REFERENCES pegawai(id),
    peminta_pegawai_id INTEGER NOT NULL REFERENCES pegawai(id),
    pemberi_pegawai_id INTEGER NOT NULL REFERENCES pegawai(id),
    sebagai TEXT NOT NULL,
    batas TEXT NOT NULL,
    anonim BOOLEAN NOT NULL DEFAULT FALSE,
    pesan TEXT,
    status TEXT NOT NULL,
    dibuat TEXT NOT NULL
);
CREATE INDEX permintaan_pemberi ON permintaan_umpan_balik(pemberi_pegawai_id, status);
CREATE INDEX permintaan_skp ON permintaan_umpan_balik(skp_id);

CREATE TABLE umpan_balik (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    instansi_id INTEGER NOT NULL REFERENCES instansi(id),
    skp_id INTEGER NOT NULL REFERENCES skp(id),
    pegawai_id INTEGER NOT NULL REFERENCES pegawai(id),
    pemberi_pegawai_id INTEGER NOT NULL REFERENCES pegawai(id),
    sebagai TEXT NOT NULL,
    rhk_id INTEGER,
    aspek TEXT,
    jenis TEXT NOT NULL,
    cara TEXT NOT NULL,
    isi TEXT NOT NULL,
    sumber TEXT NOT NULL,
    tanggal TEXT NOT NULL,
    permintaan_id INTEGER REFERENCES permintaan_umpan_balik(id),
    penugasan_id INTEGER REFERENCES penugasan(id),
    anonim BOOLEAN NOT NULL DEFAULT FALSE,
    tanggapan TEXT,
    ditanggapi TEXT,
    dibuat TEXT NOT NULL,
    CHECK ((rhk_id IS NULL) <> (aspek IS NULL))
);
CREATE INDEX umpan_balik_skp ON umpan_balik(skp_id, id);
CREATE INDEX umpan_balik_pemberi ON umpan_balik(pemberi_pegawai_id, id);
CREATE INDEX umpan_balik_penugasan ON umpan_balik(penugasan_id);
CREATE UNIQUE INDEX umpan_balik_permintaan ON umpan_balik(permintaan_id) WHERE permintaan_id IS NOT NULL;

CREATE TABLE tindak_lanjut (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    instansi_id INTEGER NOT NULL REFERENCES instansi(id),
    skp_id INTEGER NOT NULL REFERENCES skp(id),
    pegawai_id INTEGER NOT NULL REFERENCES pegawai(id),
    oleh_pegawai_id INTEGER NOT NULL REFERENCES pegawai(id),
    jenis TEXT NOT NULL,
    rhk_id INTEGER,
    umpan_balik_id INTEGER REFERENCES umpan_balik(id),
    uraian TEXT NOT NULL,
    jenis_pembinaan TEXT,
    tanggal TEXT,
    topik TEXT,
    tindakan_disepakati TEXT,
    penugasan_id INTEGER REFERENCES penugasan(id),
    dibuat TEXT NOT NULL
);
CREATE INDEX tindak_lanjut_skp ON tindak_lanjut(skp_id, id);
-- An RHK is taken over once.
CREATE UNIQUE INDEX tindak_lanjut_ambil_alih ON tindak_lanjut(rhk_id) WHERE jenis = 'ambil_alih';

CREATE TABLE laporan_penugasan (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    instansi_id INTEGER NOT NULL REFERENCES instansi(id),
    penugasan_id INTEGER NOT NULL REFERENCES penugasan(id),
    skp_id INTEGER REFERENCES skp(id),
    pegawai_id INTEGER NOT NULL REFERENCES pegawai(id),
    isi TEXT NOT NULL,
    dibuat TEXT NOT NULL
);
CREATE INDEX laporan_penugasan_penugasan ON laporan_penugasan(penugasan_id, id);

CREATE TABLE notifikasi (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    instansi_id INTEGER NOT NULL REFERENCES instansi(id),
    pegawai_id INTEGER NOT NULL REFERENCES pegawai(id),
    jenis TEXT NOT NULL,
    judul TEXT NOT NULL,
    isi TEXT NOT NULL,
    tautan TEXT,
    -- A reminder's identity (kind, subject, deadline): sent once however many nodes run.
    kunci TEXT,
    dibaca TEXT,
    email_ke TEXT,
    email_status TEXT,
    email_sewa TEXT,
    email_percobaan INTEGER NOT NULL DEFAULT 0,
    dibuat TEXT NOT NULL
);
CREATE INDEX notifikasi_pegawai ON notifikasi(pegawai_id, id);
CREATE UNIQUE INDEX notifikasi_kunci ON notifikasi(pegawai_id, kunci) WHERE kunci IS NOT NULL;
CREATE INDEX notifikasi_email ON notifikasi(email_status) WHERE email_status IS NOT NULL;

-- Jobs of the server's runner. A (jenis, kunci) pair is scheduled once; a node claims a job by
-- a conditional update with a lease, so several nodes never run the same job at once, and a job
-- whose node died is claimed again when its lease runs out.
CREATE TABLE pekerjaan (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    jenis TEXT NOT NULL,
    kunci TEXT NOT NULL,
    instansi_id INTEGER REFERENCES instansi(id),
    status TEXT NOT NULL,
    jalan_pada TEXT NOT NULL,
    diklaim_oleh TEXT,
    sewa_sampai TEXT,
    percobaan INTEGER NOT NULL DEFAULT 0,
    pesan TEXT,
    dibuat TEXT NOT NULL,
    diubah TEXT NOT NULL
);
CREATE UNIQUE INDEX pekerjaan_kunci ON pekerjaan(jenis, kunci);
CREATE INDEX pekerjaan_siap ON pekerjaan(status, jalan_pada);
