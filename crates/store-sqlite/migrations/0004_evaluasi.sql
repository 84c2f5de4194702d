-- Evaluation (Pasal 23–31): capaian kinerja organisasi per unit and period, evaluations with
-- ratings, derived predikat and signatures, keberatan with both sides' comments and decision.
CREATE TABLE capaian_organisasi (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    instansi_id INTEGER NOT NULL REFERENCES instansi(id),
    unit_id INTEGER NOT NULL REFERENCES unit(id),
    periode TEXT NOT NULL,
    tahun INTEGER NOT NULL,
    capaian TEXT NOT NULL,
    catatan TEXT,
    oleh_pegawai_id INTEGER REFERENCES pegawai(id),
    oleh TEXT NOT NULL,
    versi INTEGER NOT NULL DEFAULT 1,
    diubah TEXT NOT NULL
);
CREATE UNIQUE INDEX capaian_unit_periode ON capaian_organisasi(instansi_id, unit_id, periode);
CREATE INDEX capaian_periode ON capaian_organisasi(instansi_id, periode);

CREATE TABLE evaluasi (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    instansi_id INTEGER NOT NULL REFERENCES instansi(id),
    skp_id INTEGER NOT NULL REFERENCES skp(id),
    pegawai_id INTEGER NOT NULL REFERENCES pegawai(id),
    unit_id INTEGER,
    periode TEXT NOT NULL,
    tahun INTEGER NOT NULL,
    dasar TEXT NOT NULL,
    capaian_unit_id INTEGER,
    capaian TEXT,
    penilai_pegawai_id INTEGER NOT NULL,
    atasan_pegawai_id INTEGER,
    nomor_versi_skp INTEGER NOT NULL,
    saran_hasil_kerja TEXT NOT NULL,
    saran_perilaku TEXT NOT NULL,
    rating_hasil_kerja TEXT NOT NULL,
    rating_perilaku TEXT NOT NULL,
    predikat TEXT NOT NULL,
    alasan_hasil_kerja TEXT,
    alasan_perilaku TEXT,
    catatan TEXT,
    rekomendasi TEXT,
    akademik TEXT,
    status TEXT NOT NULL,
    ditandatangani_penilai TEXT,
    ditandatangani_pegawai TEXT,
    diterima TEXT,
    alasan_dibuka TEXT,
    versi INTEGER NOT NULL DEFAULT 1,
    dibuat TEXT NOT NULL,
    diubah TEXT NOT NULL,
    CHECK ((status = 'draf') = (ditandatangani_penilai IS NULL))
);
CREATE UNIQUE INDEX evaluasi_skp_periode ON evaluasi(skp_id, periode);
CREATE INDEX evaluasi_periode_unit ON evaluasi(instansi_id, periode, capaian_unit_id);
CREATE INDEX evaluasi_periode_penilai ON evaluasi(instansi_id, periode, penilai_pegawai_id);

CREATE TABLE keberatan (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    instansi_id INTEGER NOT NULL REFERENCES instansi(id),
    evaluasi_id INTEGER NOT NULL REFERENCES evaluasi(id),
    alasan TEXT NOT NULL,
    status TEXT NOT NULL,
    batas TEXT NOT NULL,
    atasan_pegawai_id INTEGER,
    rating_hasil_kerja_semula TEXT NOT NULL,
    rating_perilaku_semula TEXT NOT NULL,
    predikat_semula TEXT NOT NULL,
    rating_hasil_kerja_baru TEXT,
    rating_perilaku_baru TEXT,
    predikat_baru TEXT,
    alasan_putusan TEXT,
    komentar TEXT NOT NULL DEFAULT '[]',
    dibuat TEXT NOT NULL,
    diputuskan TEXT,
    diputuskan_oleh TEXT,
    versi INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX keberatan_evaluasi ON keberatan(evaluasi_id);
CREATE INDEX keberatan_atasan ON keberatan(atasan_pegawai_id, status);
