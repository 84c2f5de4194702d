//! `Nip::parse` on any text: never panics, and a parsed NIP is 18 digits that parse back to
//! itself from its plain and its printed ("19850312 201001 1 003") forms.
#![no_main]

use chrono::Datelike;
use kinerja_domain::nip::{JenisKelamin, Nip};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    match Nip::parse(s) {
        Ok(nip) => {
            let angka = nip.as_str();
            assert_eq!(angka.len(), 18);
            assert!(angka.bytes().all(|b| b.is_ascii_digit()));
            let tanpa_spasi: String = s.chars().filter(|c| !c.is_whitespace()).collect();
            assert_eq!(angka, tanpa_spasi);
            assert_eq!(Nip::parse(&nip.to_string()).as_ref(), Ok(&nip));
            assert_eq!(Nip::parse(&nip.berspasi()).as_ref(), Ok(&nip));
            let lahir = nip.tanggal_lahir();
            assert_eq!(lahir.format("%Y%m%d").to_string(), angka[..8]);
            assert!(lahir.year() >= 1900);
            let (th, bl) = nip.tmt();
            assert!((1..=12).contains(&bl));
            assert!((th, bl) > (lahir.year(), lahir.month()));
            let jk = match &angka[14..15] {
                "1" => JenisKelamin::LakiLaki,
                "2" => JenisKelamin::Perempuan,
                lain => panic!("sex digit {lain} accepted"),
            };
            assert_eq!(nip.jenis_kelamin(), jk);
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
});
