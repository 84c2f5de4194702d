-- Planning: SKP with RHK and IKI, its set versions, assignments (pola penugasan), and
-- background jobs (starting a year). Every table carries instansi_id.
CREATE TABLE skp (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    instansi_id INTEGER NOT NULL REFERENCES instansi(id),
    pegawai_id INTEGER NOT NULL REFERENCES pegawai(id),
    tahun INTEGER NOT NULL,
    unit_id INTEGER REFERENCES unit(id),
    jabatan_id INTEGER REFERENCES jabatan(id),
    jenis_jabatan TEXT,
    pimpinan_unit_mandiri BOOLEAN NOT NULL DEFAULT FALSE,
    format TEXT NOT NULL,
    pendekatan TEXT NOT NULL,
    tugas_belajar BOOLEAN NOT NULL DEFAULT FALSE,
    status TEXT NOT NULL,
    nomor_versi INTEGER NOT NULL DEFAULT 0,
    versi INTEGER NOT NULL DEFAULT 1,
    mulai TEXT NOT NULL,
    selesai TEXT NOT NULL,
    perjanjian_kerja TEXT,
    lampiran TEXT NOT NULL,
    ekspektasi_khusus TEXT NOT NULL,
    catatan_pengembalian TEXT,
    alasan_revisi TEXT,
    ditetapkan_pada TEXT,
    asal_skp_id INTEGER,
    dibuat TEXT NOT NULL,
    diubah TEXT NOT NULL
);
-- One open SKP per pegawai and year; a mutasi closes the old one (status ditutup).
CREATE UNIQUE INDEX skp_satu_per_tahun ON skp(instansi_id, pegawai_id, tahun) WHERE status <> 'ditutup';
CREATE INDEX skp_tahun_unit ON skp(instansi_id, tahun, unit_id);

CREATE TABLE rhk (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    instansi_id INTEGER NOT NULL REFERENCES instansi(id),
    skp_id INTEGER NOT NULL REFERENCES skp(id) ON DELETE CASCADE,
    urutan INTEGER NOT NULL,
    jenis TEXT NOT NULL,
    uraian TEXT NOT NULL,
    penugasan_dari TEXT NOT NULL,
    intervensi_rhk_id INTEGER REFERENCES rhk(id) ON DELETE SET NULL,
    dasar_kaskade TEXT,
    perspektif TEXT,
    penugasan_id INTEGER,
    asal_rhk_id INTEGER
);
CREATE INDEX rhk_skp ON rhk(skp_id, urutan);
CREATE INDEX rhk_intervensi ON rhk(intervensi_rhk_id);

CREATE TABLE iki (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    instansi_id INTEGER NOT NULL REFERENCES instansi(id),
    rhk_id INTEGER NOT NULL REFERENCES rhk(id) ON DELETE CASCADE,
    urutan INTEGER NOT NULL,
    aspek TEXT,
    indikator TEXT NOT NULL,
    target_teks TEXT NOT NULL,
    target_min REAL,
    target_maks REAL,
    target_satuan TEXT,
    manual_indikator TEXT
);
CREATE INDEX iki_rhk ON iki(rhk_id, urutan);

-- Every set version of an SKP, whole, as JSON: earlier versions stay readable.
CREATE TABLE skp_versi (
    skp_id INTEGER NOT NULL REFERENCES skp(id),
    nomor INTEGER NOT NULL,
    instansi_id INTEGER NOT NULL REFERENCES instansi(id),
    isi TEXT NOT NULL,
    alasan TEXT NOT NULL,
    pelaku TEXT NOT NULL,
    waktu TEXT NOT NULL,
    berlaku_mulai TEXT NOT NULL,
    PRIMARY KEY (skp_id, nomor)
);

CREATE TABLE penugasan (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    instansi_id INTEGER NOT NULL REFERENCES instansi(id),
    tahun INTEGER NOT NULL,
    pemberi_pegawai_id INTEGER NOT NULL REFERENCES pegawai(id),
    pegawai_id INTEGER REFERENCES pegawai(id),
    unit_id INTEGER REFERENCES unit(id),
    induk_id INTEGER REFERENCES penugasan(id),
    uraian TEXT NOT NULL,
    ekspektasi TEXT NOT NULL,
    status TEXT NOT NULL,
    alasan TEXT,
    rhk_id INTEGER,
    dibuat TEXT NOT NULL,
    diputuskan TEXT,
    diputuskan_oleh TEXT
);
CREATE INDEX penugasan_pegawai ON penugasan(instansi_id, pegawai_id, status);
CREATE INDEX penugasan_pemberi ON penugasan(instansi_id, pemberi_pegawai_id);
CREATE INDEX penugasan_terbuka ON penugasan(instansi_id, status, tahun);

-- Background jobs (starting a year): claimed by one worker, resumable from `kursor`.
CREATE TABLE tugas (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    instansi_id INTEGER NOT NULL REFERENCES instansi(id),
    jenis TEXT NOT NULL,
    tahun INTEGER NOT NULL,
    status TEXT NOT NULL,
    total INTEGER NOT NULL DEFAULT 0,
    diproses INTEGER NOT NULL DEFAULT 0,
    dibuat_skp INTEGER NOT NULL DEFAULT 0,
    kursor INTEGER NOT NULL DEFAULT 0,
    pesan TEXT,
    pelaku TEXT NOT NULL,
    dibuat TEXT NOT NULL,
    diperbarui TEXT NOT NULL
);
CREATE UNIQUE INDEX tugas_satu_berjalan ON tugas(instansi_id, jenis, tahun) WHERE status = 'berjalan';
