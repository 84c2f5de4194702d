-- Documents issued with their verification codes; background jobs (the pekerjaan queue) gain
-- a parameter, an owner, progress and a result file (the reporting bundle).
CREATE TABLE dokumen (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    instansi_id INTEGER NOT NULL REFERENCES instansi(id),
    kode TEXT NOT NULL UNIQUE,
    jenis TEXT NOT NULL,
    subjek TEXT NOT NULL,
    sidik TEXT NOT NULL,
    pegawai_id INTEGER REFERENCES pegawai(id),
    ringkasan TEXT NOT NULL,
    dibuat TEXT NOT NULL,
    digantikan_oleh INTEGER REFERENCES dokumen(id),
    digantikan_pada TEXT
);
CREATE UNIQUE INDEX dokumen_subjek_sidik ON dokumen(instansi_id, subjek, sidik);

ALTER TABLE pekerjaan ADD COLUMN parameter TEXT;
ALTER TABLE pekerjaan ADD COLUMN akun_id INTEGER REFERENCES akun(id);
ALTER TABLE pekerjaan ADD COLUMN selesai_n INTEGER NOT NULL DEFAULT 0;
ALTER TABLE pekerjaan ADD COLUMN total_n INTEGER NOT NULL DEFAULT 0;
ALTER TABLE pekerjaan ADD COLUMN berkas TEXT;
ALTER TABLE pekerjaan ADD COLUMN ukuran INTEGER;
CREATE INDEX pekerjaan_instansi ON pekerjaan(instansi_id, id);
