-- Login protection (issue 8): failed-login counters per account name and per client address,
-- kept in the database so that every `kinerja serve` node sees the same counts. A counter
-- counts from `mulai` for the profile's window and restarts after it; `terkunci_sampai` is the
-- optional lockout of an account name. The key is the name as typed (an account that does not
-- exist is counted alike, so answers never tell), hence no instansi_id: the login comes before
-- any instansi is known.
CREATE TABLE batas_masuk (
    jenis TEXT NOT NULL CHECK (jenis IN ('akun', 'alamat')),
    kunci TEXT NOT NULL,
    mulai TIMESTAMPTZ NOT NULL,
    jumlah BIGINT NOT NULL,
    terkunci_sampai TIMESTAMPTZ,
    PRIMARY KEY (jenis, kunci)
);
CREATE INDEX batas_masuk_mulai ON batas_masuk(mulai);
