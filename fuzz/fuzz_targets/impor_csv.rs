//! The CSV importer (read + validate, as for an empty instansi) on any bytes: never panics,
//! refuses with the list of faults, and an accepted file written back as the export writes it is accepted
//! again with the same data (export → import round trip).
#![no_main]

#[path = "umum.rs"]
mod umum;

use kinerja_impor::{periksa_berkas, JenisData};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pilih, isi)) = data.split_first() else {
        return;
    };
    let jenis = [JenisData::Unit, JenisData::Jabatan, JenisData::Pegawai][pilih as usize % 3];
    let hasil = periksa_berkas(jenis, isi);
    umum::periksa(&hasil);
    if let Ok(d) = hasil {
        let lagi = periksa_berkas(jenis, &umum::csv(jenis, &d))
            .unwrap_or_else(|e| panic!("its own export is refused: {e:?}"));
        assert_eq!(lagi.unit, d.unit);
        assert_eq!(lagi.jabatan, d.jabatan);
        assert_eq!(lagi.pegawai, d.pegawai);
    }
});
