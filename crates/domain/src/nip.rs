//! NIP (Nomor Induk Pegawai): 18 digits = birth date `YYYYMMDD` + TMT `YYYYMM` + sex digit
//! (1 male, 2 female) + 3-digit sequence. PPPK numbers follow the same shape (domain.md §1).

use std::fmt;

use chrono::{Datelike, NaiveDate};

use crate::enumerasi;

enumerasi!(
    /// Sex as encoded in the 15th digit of the NIP.
    JenisKelamin, "jenis_kelamin", {
        LakiLaki => ("laki_laki", "Laki-laki"),
        Perempuan => ("perempuan", "Perempuan"),
    }
);

/// Earliest birth year accepted: a NIP of someone born before 1900 is a typo.
const TAHUN_LAHIR_MINIMAL: i32 = 1900;

/// Why a text is not a NIP. `Display` is the Indonesian message for the user.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NipError {
    #[error("NIP wajib diisi")]
    Kosong,
    #[error("NIP hanya boleh berisi angka (ditemukan '{0}')")]
    BukanAngka(char),
    #[error("NIP harus terdiri atas 18 angka (diterima {0})")]
    Panjang(usize),
    #[error("NIP: tanggal lahir {0} tidak valid")]
    TanggalLahir(String),
    #[error("NIP: TMT {0} tidak valid")]
    Tmt(String),
    #[error("NIP: TMT harus setelah tanggal lahir")]
    TmtSebelumLahir,
    #[error("NIP: digit jenis kelamin harus 1 (laki-laki) atau 2 (perempuan)")]
    JenisKelamin,
}

impl NipError {
    /// The API field this error concerns.
    pub fn bidang(&self) -> &'static str {
        "nip"
    }
}

/// A checked NIP: always 18 ASCII digits with a valid birth date, TMT after birth and a sex
/// digit of 1 or 2.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Nip(String);

impl Nip {
    /// Parses a NIP; surrounding whitespace and whitespace inside (as in the printed form
    /// "19850312 201001 1 003") are ignored.
    pub fn parse(s: &str) -> Result<Nip, NipError> {
        let bersih: String = s.chars().filter(|c| !c.is_whitespace()).collect();
        if bersih.is_empty() {
            return Err(NipError::Kosong);
        }
        if let Some(c) = bersih.chars().find(|c| !c.is_ascii_digit()) {
            return Err(NipError::BukanAngka(c));
        }
        if bersih.len() != 18 {
            return Err(NipError::Panjang(bersih.len()));
        }
        // All ASCII digits from here: byte slicing is safe and the numbers fit.
        let angka = |a: usize, b: usize| -> u32 {
            bersih[a..b]
                .bytes()
                .fold(0u32, |acc, d| acc * 10 + u32::from(d - b'0'))
        };
        let (th_lahir, bl_lahir, hr_lahir) = (angka(0, 4) as i32, angka(4, 6), angka(6, 8));
        let lahir = NaiveDate::from_ymd_opt(th_lahir, bl_lahir, hr_lahir)
            .filter(|_| th_lahir >= TAHUN_LAHIR_MINIMAL)
            .ok_or_else(|| NipError::TanggalLahir(bersih[0..8].to_string()))?;
        let (th_tmt, bl_tmt) = (angka(8, 12) as i32, angka(12, 14));
        if !(1..=12).contains(&bl_tmt) {
            return Err(NipError::Tmt(bersih[8..14].to_string()));
        }
        if (th_tmt, bl_tmt) <= (lahir.year(), lahir.month()) {
            return Err(NipError::TmtSebelumLahir);
        }
        if !matches!(&bersih[14..15], "1" | "2") {
            return Err(NipError::JenisKelamin);
        }
        Ok(Nip(bersih))
    }

    /// The 18 digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    fn angka(&self, a: usize, b: usize) -> u32 {
        self.0[a..b]
            .bytes()
            .fold(0u32, |acc, d| acc * 10 + u32::from(d - b'0'))
    }

    /// Birth date encoded in the first 8 digits.
    pub fn tanggal_lahir(&self) -> NaiveDate {
        // Checked in `parse`; the fallback is never reached.
        NaiveDate::from_ymd_opt(self.angka(0, 4) as i32, self.angka(4, 6), self.angka(6, 8))
            .unwrap_or(NaiveDate::MIN)
    }

    /// TMT (year, month) encoded in digits 9–14.
    pub fn tmt(&self) -> (i32, u32) {
        (self.angka(8, 12) as i32, self.angka(12, 14))
    }

    /// Sex encoded in digit 15.
    pub fn jenis_kelamin(&self) -> JenisKelamin {
        if &self.0[14..15] == "2" {
            JenisKelamin::Perempuan
        } else {
            JenisKelamin::LakiLaki
        }
    }

    /// The printed form with spaces: "19850312 201001 1 003".
    pub fn berspasi(&self) -> String {
        format!(
            "{} {} {} {}",
            &self.0[0..8],
            &self.0[8..14],
            &self.0[14..15],
            &self.0[15..18]
        )
    }
}

impl fmt::Display for Nip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::str::FromStr for Nip {
    type Err = NipError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Nip::parse(s)
    }
}

impl AsRef<str> for Nip {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl serde::Serialize for Nip {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> serde::Deserialize<'de> for Nip {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
        Nip::parse(&s).map_err(serde::de::Error::custom)
    }
}

impl utoipa::PartialSchema for Nip {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::schema::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::SchemaType::new(
                utoipa::openapi::schema::Type::String,
            ))
            .pattern(Some("^[0-9]{18}$"))
            .min_length(Some(18))
            .max_length(Some(18))
            .description(Some(
                "NIP: tanggal lahir YYYYMMDD + TMT YYYYMM + jenis kelamin (1/2) + nomor urut",
            ))
            .examples(["198503122010011003"])
            .into()
    }
}
impl utoipa::ToSchema for Nip {}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn nip_sah() {
        let nip = Nip::parse("198503122010011003").unwrap();
        assert_eq!(nip.as_str(), "198503122010011003");
        assert_eq!(
            nip.tanggal_lahir(),
            NaiveDate::from_ymd_opt(1985, 3, 12).unwrap()
        );
        assert_eq!(nip.tmt(), (2010, 1));
        assert_eq!(nip.jenis_kelamin(), JenisKelamin::LakiLaki);
        assert_eq!(nip.to_string(), "198503122010011003");
        assert_eq!(nip.berspasi(), "19850312 201001 1 003");

        let spasi = Nip::parse("  19850312 201001 1 003 ").unwrap();
        assert_eq!(spasi, nip);
        let p = Nip::parse("199002282015032000").unwrap();
        assert_eq!(p.jenis_kelamin(), JenisKelamin::Perempuan);
        // 29 February of a leap year.
        assert!(Nip::parse("200002292020011001").is_ok());
    }

    #[test]
    fn nip_tidak_sah() {
        let kasus: &[(&str, NipError, &str)] = &[
            ("", NipError::Kosong, "NIP wajib diisi"),
            ("   ", NipError::Kosong, "NIP wajib diisi"),
            (
                "19850312201001100",
                NipError::Panjang(17),
                "NIP harus terdiri atas 18 angka (diterima 17)",
            ),
            (
                "1985031220100110034",
                NipError::Panjang(19),
                "NIP harus terdiri atas 18 angka (diterima 19)",
            ),
            (
                "19850312-201001-1-003",
                NipError::BukanAngka('-'),
                "NIP hanya boleh berisi angka (ditemukan '-')",
            ),
            (
                "198513322010011003",
                NipError::TanggalLahir("19851332".into()),
                "NIP: tanggal lahir 19851332 tidak valid",
            ),
            (
                "19851332 201001 1 003",
                NipError::TanggalLahir("19851332".into()),
                "NIP: tanggal lahir 19851332 tidak valid",
            ),
            (
                "198502292010011003",
                NipError::TanggalLahir("19850229".into()),
                "NIP: tanggal lahir 19850229 tidak valid",
            ),
            (
                "188503122010011003",
                NipError::TanggalLahir("18850312".into()),
                "NIP: tanggal lahir 18850312 tidak valid",
            ),
            (
                "198503122010131003",
                NipError::Tmt("201013".into()),
                "NIP: TMT 201013 tidak valid",
            ),
            (
                "198503122010001003",
                NipError::Tmt("201000".into()),
                "NIP: TMT 201000 tidak valid",
            ),
            (
                "198503121984011003",
                NipError::TmtSebelumLahir,
                "NIP: TMT harus setelah tanggal lahir",
            ),
            (
                "198503121985031003",
                NipError::TmtSebelumLahir,
                "NIP: TMT harus setelah tanggal lahir",
            ),
            (
                "198503122010013003",
                NipError::JenisKelamin,
                "NIP: digit jenis kelamin harus 1 (laki-laki) atau 2 (perempuan)",
            ),
            (
                "198503122010010003",
                NipError::JenisKelamin,
                "NIP: digit jenis kelamin harus 1 (laki-laki) atau 2 (perempuan)",
            ),
        ];
        for (masukan, galat, pesan) in kasus {
            let e = Nip::parse(masukan).unwrap_err();
            assert_eq!(&e, galat, "{masukan}");
            assert_eq!(e.to_string(), *pesan, "{masukan}");
            assert_eq!(e.bidang(), "nip");
        }
        // The month right after birth is accepted.
        assert!(Nip::parse("198503121985041003").is_ok());
        // Non-ASCII digits are not digits.
        assert!(matches!(
            Nip::parse("１98503122010011003"),
            Err(NipError::BukanAngka(_))
        ));
    }

    #[test]
    fn serde_nip() {
        let nip = Nip::parse("198503122010011003").unwrap();
        assert_eq!(
            serde_json::to_string(&nip).unwrap(),
            "\"198503122010011003\""
        );
        let balik: Nip = serde_json::from_str("\"19850312 201001 1 003\"").unwrap();
        assert_eq!(balik, nip);
        let e = serde_json::from_str::<Nip>("\"123\"").unwrap_err();
        assert!(e.to_string().contains("18 angka"));
    }

    fn strategi_nip() -> impl Strategy<Value = (NaiveDate, i32, u32, u32, u32)> {
        (1940i32..2008, 1u32..=12, 1u32..=31)
            .prop_filter_map("tanggal sah", |(y, m, d)| NaiveDate::from_ymd_opt(y, m, d))
            .prop_flat_map(|lahir| {
                let awal = lahir.year() * 12 + lahir.month() as i32; // months after birth month
                (Just(lahir), (awal..awal + 12 * 60), 1u32..=2, 0u32..1000)
            })
            .prop_map(|(lahir, bulan_ke, jk, urut)| {
                let th = bulan_ke / 12;
                let bl = (bulan_ke % 12) as u32 + 1;
                (lahir, th, bl, jk, urut)
            })
    }

    proptest! {
        #[test]
        fn nip_buatan_bolak_balik((lahir, th, bl, jk, urut) in strategi_nip()) {
            let teks = format!("{}{th:04}{bl:02}{jk}{urut:03}", lahir.format("%Y%m%d"));
            let nip = Nip::parse(&teks).unwrap();
            prop_assert_eq!(nip.as_str(), teks.as_str());
            prop_assert_eq!(nip.tanggal_lahir(), lahir);
            prop_assert_eq!(nip.tmt(), (th, bl));
            let harap = if jk == 1 { JenisKelamin::LakiLaki } else { JenisKelamin::Perempuan };
            prop_assert_eq!(nip.jenis_kelamin(), harap);
            prop_assert_eq!(Nip::parse(&nip.berspasi()).unwrap(), nip.clone());
            prop_assert_eq!(Nip::parse(nip.as_str()).unwrap(), nip.clone());
            let json = serde_json::to_string(&nip).unwrap();
            prop_assert_eq!(serde_json::from_str::<Nip>(&json).unwrap(), nip);
        }

        #[test]
        fn teks_sembarang_tidak_panik(s in "\\PC{0,25}") {
            let _ = Nip::parse(&s);
        }
    }
}
