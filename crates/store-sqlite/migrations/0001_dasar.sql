-- Foundation: instansi, organisation, rater table, policy profile, accounts, sessions, audit.
-- Every table carries instansi_id so it can later be distributed by instansi.
CREATE TABLE instansi (
    id INTEGER PRIMARY KEY,
    kode TEXT NOT NULL UNIQUE,
    nama TEXT NOT NULL,
    kota TEXT NOT NULL,
    versi_organisasi BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE unit (
    id INTEGER PRIMARY KEY,
    instansi_id INTEGER NOT NULL REFERENCES instansi(id),
    kode TEXT NOT NULL,
    nama TEXT NOT NULL,
    induk_id INTEGER REFERENCES unit(id),
    tipe_lampiran TEXT,
    UNIQUE (instansi_id, kode)
);
CREATE INDEX unit_induk ON unit(instansi_id, induk_id);

CREATE TABLE jabatan (
    id INTEGER PRIMARY KEY,
    instansi_id INTEGER NOT NULL REFERENCES instansi(id),
    kode TEXT NOT NULL,
    unit_id INTEGER NOT NULL REFERENCES unit(id),
    nama TEXT NOT NULL,
    jenis_jabatan TEXT,
    jenjang TEXT,
    posisi_lampiran TEXT,
    atasan_id INTEGER REFERENCES jabatan(id),
    plt_pegawai_id INTEGER,
    plh_pegawai_id INTEGER,
    pemangku_non_asn TEXT,
    UNIQUE (instansi_id, kode)
);
CREATE INDEX jabatan_unit ON jabatan(instansi_id, unit_id);

CREATE TABLE pegawai (
    id INTEGER PRIMARY KEY,
    instansi_id INTEGER NOT NULL REFERENCES instansi(id),
    nip TEXT NOT NULL,
    nama TEXT NOT NULL,
    status_asn TEXT NOT NULL CHECK (status_asn IN ('pns', 'pppk')),
    golongan TEXT NOT NULL,
    email TEXT,
    jabatan_id INTEGER REFERENCES jabatan(id),
    UNIQUE (instansi_id, nip)
);
CREATE INDEX pegawai_jabatan ON pegawai(jabatan_id);
CREATE INDEX pegawai_nama ON pegawai(instansi_id, nama, id);

CREATE TABLE aturan_penilai (
    instansi_id INTEGER NOT NULL REFERENCES instansi(id),
    urutan INTEGER NOT NULL,
    tipe_unit TEXT NOT NULL,
    posisi TEXT NOT NULL,
    pejabat_penilai TEXT NOT NULL,
    atasan_pejabat_penilai TEXT NOT NULL,
    keterangan TEXT NOT NULL,
    PRIMARY KEY (instansi_id, urutan)
);

CREATE TABLE pengganti_penilai (
    instansi_id INTEGER NOT NULL REFERENCES instansi(id),
    pegawai_id INTEGER NOT NULL REFERENCES pegawai(id),
    pejabat_penilai_id INTEGER REFERENCES pegawai(id),
    atasan_pejabat_penilai_id INTEGER REFERENCES pegawai(id),
    alasan TEXT NOT NULL,
    ditetapkan_oleh TEXT NOT NULL,
    ditetapkan_pada TEXT NOT NULL,
    PRIMARY KEY (instansi_id, pegawai_id)
);

CREATE TABLE profil_kebijakan (
    instansi_id INTEGER NOT NULL REFERENCES instansi(id),
    tahun INTEGER NOT NULL,
    isi TEXT NOT NULL,
    diubah TEXT NOT NULL,
    PRIMARY KEY (instansi_id, tahun)
);

CREATE TABLE akun (
    id INTEGER PRIMARY KEY,
    instansi_id INTEGER NOT NULL REFERENCES instansi(id),
    username TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    peran TEXT NOT NULL CHECK (peran IN ('admin', 'pegawai')),
    pegawai_id INTEGER REFERENCES pegawai(id),
    bahasa TEXT NOT NULL DEFAULT 'id',
    dibuat TEXT NOT NULL
);

CREATE TABLE sesi (
    token_hash TEXT PRIMARY KEY,
    instansi_id INTEGER NOT NULL REFERENCES instansi(id),
    akun_id INTEGER NOT NULL REFERENCES akun(id),
    jenis TEXT NOT NULL CHECK (jenis IN ('cookie', 'bearer')),
    csrf TEXT NOT NULL,
    dibuat TEXT NOT NULL,
    kedaluwarsa TEXT NOT NULL,
    dicabut INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sesi_akun ON sesi(akun_id);

CREATE TABLE audit_log (
    instansi_id INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    waktu TEXT NOT NULL,
    pelaku TEXT NOT NULL,
    aksi TEXT NOT NULL,
    entitas TEXT NOT NULL,
    entitas_id TEXT NOT NULL,
    sebelum TEXT,
    sesudah TEXT,
    hash_sebelumnya TEXT NOT NULL,
    hash TEXT NOT NULL,
    PRIMARY KEY (instansi_id, seq)
);
CREATE TRIGGER audit_log_tanpa_ubah BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log hanya boleh ditambah'); END;
CREATE TRIGGER audit_log_tanpa_hapus BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log hanya boleh ditambah'); END;
