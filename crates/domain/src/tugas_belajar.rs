//! Tugas belajar (Pasal 14): the IPK guideline tables of seed 004 as predikat bands by level,
//! place of study and accreditation (domain.md §3).

use std::fmt;

use crate::enumerasi;
use crate::enumerasi::NilaiTidakDikenal;
use crate::kuadran::Predikat;

enumerasi!(
    /// Level of the study programme.
    JenjangPendidikan, "jenjang_pendidikan", {
        S1 => ("s1", "S1"),
        Profesi => ("profesi", "Profesi"),
        S2 => ("s2", "S2"),
        S3 => ("s3", "S3"),
    }
);

enumerasi!(
    /// Where the pegawai studies.
    Lokasi, "lokasi", {
        DalamNegeri => ("dalam_negeri", "Dalam Negeri"),
        LuarNegeri => ("luar_negeri", "Luar Negeri"),
    }
);

/// Accreditation of a university or a programme, in the table's letters. Newer names map
/// Unggul → A, Baik Sekali → B, Baik → C.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Akreditasi {
    A,
    B,
    C,
}

impl Akreditasi {
    pub const SEMUA: [Akreditasi; 3] = [Akreditasi::A, Akreditasi::B, Akreditasi::C];

    /// The letter: "A", "B" or "C".
    pub fn kode(self) -> &'static str {
        match self {
            Akreditasi::A => "A",
            Akreditasi::B => "B",
            Akreditasi::C => "C",
        }
    }

    /// Parses a letter or a newer name, case-insensitive: "A", "B", "C", "unggul",
    /// "baik_sekali" (also "Baik Sekali"), "baik". `bidang` names the field in the error.
    pub fn parse(bidang: &'static str, s: &str) -> Result<Akreditasi, NilaiTidakDikenal> {
        let t = s.trim();
        let norm: String = t
            .to_lowercase()
            .split(|c: char| c.is_whitespace() || c == '_' || c == '-')
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join("_");
        match norm.as_str() {
            "a" | "unggul" => Ok(Akreditasi::A),
            "b" | "baik_sekali" => Ok(Akreditasi::B),
            "c" | "baik" => Ok(Akreditasi::C),
            _ => Err(NilaiTidakDikenal {
                bidang,
                nilai: t.to_string(),
                pilihan: vec!["A", "B", "C", "unggul", "baik_sekali", "baik"],
            }),
        }
    }
}

impl fmt::Display for Akreditasi {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.kode())
    }
}

impl serde::Serialize for Akreditasi {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.kode())
    }
}

impl<'de> serde::Deserialize<'de> for Akreditasi {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
        Akreditasi::parse("akreditasi", &s).map_err(serde::de::Error::custom)
    }
}

impl utoipa::PartialSchema for Akreditasi {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::schema::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::SchemaType::new(
                utoipa::openapi::schema::Type::String,
            ))
            .enum_values(Some(["A", "B", "C", "unggul", "baik_sekali", "baik"]))
            .into()
    }
}
impl utoipa::ToSchema for Akreditasi {}

/// An IPK (grade point average) 0.00–4.00, kept in hundredths so it has exactly two decimals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Ipk(u16);

/// Why a text is not an IPK. `Display` is the Indonesian message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IpkError {
    #[error("IPK wajib diisi")]
    Kosong,
    #[error("IPK '{0}' bukan angka; contoh: 3,51")]
    BukanAngka(String),
    #[error("IPK paling banyak dua angka desimal")]
    TerlaluBanyakDesimal,
    #[error("IPK harus antara 0,00 dan 4,00")]
    DiLuarRentang,
}

impl IpkError {
    /// The API field this error concerns.
    pub fn bidang(&self) -> &'static str {
        "ipk"
    }
}

impl Ipk {
    pub const MAKS: u16 = 400;

    /// From hundredths (351 = 3.51); `None` above 4.00.
    pub fn dari_seratusan(seratusan: u16) -> Option<Ipk> {
        (seratusan <= Self::MAKS).then_some(Ipk(seratusan))
    }

    /// Parses "3.51", "3,51", "4", "3.5"; at most two decimals, 0.00–4.00.
    pub fn parse(s: &str) -> Result<Ipk, IpkError> {
        let t = s.trim();
        if t.is_empty() {
            return Err(IpkError::Kosong);
        }
        let bukan_angka = || IpkError::BukanAngka(t.to_string());
        let (negatif, badan) = match t.strip_prefix('-') {
            Some(sisa) => (true, sisa),
            None => (false, t.strip_prefix('+').unwrap_or(t)),
        };
        let (bulat, pecahan) = match badan.split_once(['.', ',']) {
            Some((b, p)) => (b, Some(p)),
            None => (badan, None),
        };
        let digit = |x: &str| !x.is_empty() && x.bytes().all(|c| c.is_ascii_digit());
        if !digit(bulat) || pecahan.is_some_and(|p| !digit(p)) {
            return Err(bukan_angka());
        }
        let pecahan = pecahan.unwrap_or("");
        if pecahan.len() > 2 {
            return Err(IpkError::TerlaluBanyakDesimal);
        }
        let bulat = bulat.trim_start_matches('0');
        if negatif && (bulat.bytes().any(|c| c != b'0') || pecahan.bytes().any(|c| c != b'0')) {
            return Err(IpkError::DiLuarRentang);
        }
        if bulat.len() > 1 {
            return Err(IpkError::DiLuarRentang);
        }
        let satuan = bulat.bytes().next().map_or(0, |c| u16::from(c - b'0'));
        let mut ratusan = pecahan.bytes().map(|c| u16::from(c - b'0'));
        let persepuluhan = ratusan.next().unwrap_or(0);
        let perseratusan = ratusan.next().unwrap_or(0);
        let nilai = satuan * 100 + persepuluhan * 10 + perseratusan;
        Ipk::dari_seratusan(nilai).ok_or(IpkError::DiLuarRentang)
    }

    /// Hundredths: 3.51 → 351.
    pub fn seratusan(self) -> u16 {
        self.0
    }

    pub fn as_f64(self) -> f64 {
        f64::from(self.0) / 100.0
    }
}

impl fmt::Display for Ipk {
    /// Indonesian notation with a decimal comma: "3,51".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{},{:02}", self.0 / 100, self.0 % 100)
    }
}

impl std::str::FromStr for Ipk {
    type Err = IpkError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ipk::parse(s)
    }
}

/// Serialized as a JSON number (3.51); read from a number or a string ("3,51").
impl serde::Serialize for Ipk {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(self.as_f64())
    }
}

impl<'de> serde::Deserialize<'de> for Ipk {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Pengunjung;
        impl serde::de::Visitor<'_> for Pengunjung {
            type Value = Ipk;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("IPK 0,00 sampai 4,00")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Ipk, E> {
                Ipk::parse(v).map_err(E::custom)
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Ipk, E> {
                u16::try_from(v)
                    .ok()
                    .and_then(|v| v.checked_mul(100))
                    .and_then(Ipk::dari_seratusan)
                    .ok_or_else(|| E::custom(IpkError::DiLuarRentang))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Ipk, E> {
                match u64::try_from(v) {
                    Ok(v) => self.visit_u64(v),
                    Err(_) => Err(E::custom(IpkError::DiLuarRentang)),
                }
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Ipk, E> {
                if !v.is_finite() || !(0.0..=4.0).contains(&v) {
                    return Err(E::custom(IpkError::DiLuarRentang));
                }
                let seratusan = (v * 100.0).round();
                if (v * 100.0 - seratusan).abs() > 1e-6 {
                    return Err(E::custom(IpkError::TerlaluBanyakDesimal));
                }
                Ipk::dari_seratusan(seratusan as u16)
                    .ok_or_else(|| E::custom(IpkError::DiLuarRentang))
            }
        }
        d.deserialize_any(Pengunjung)
    }
}

impl utoipa::PartialSchema for Ipk {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::schema::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::SchemaType::new(
                utoipa::openapi::schema::Type::Number,
            ))
            .minimum(Some(0.0))
            .maximum(Some(4.0))
            .multiple_of(Some(0.01))
            .examples([3.51])
            .into()
    }
}
impl utoipa::ToSchema for Ipk {}

/// Why no predikat follows from the table.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TugasBelajarError {
    /// Study in Indonesia needs both accreditations; `bidang` is `akreditasi_pt` or
    /// `akreditasi_prodi`.
    #[error("{} wajib diisi untuk tugas belajar dalam negeri", nama_bidang(bidang))]
    AkreditasiWajib { bidang: &'static str },
    /// The programme is below the table's minimum accreditation: the rater decides.
    #[error("Program studi di bawah akreditasi minimal tabel (minimal B untuk perguruan tinggi terakreditasi C): predikat ditetapkan oleh pejabat penilai")]
    DiLuarTabel,
}

fn nama_bidang(bidang: &str) -> &'static str {
    match bidang {
        "akreditasi_pt" => "Akreditasi perguruan tinggi (akreditasi_pt)",
        _ => "Akreditasi program studi (akreditasi_prodi)",
    }
}

impl TugasBelajarError {
    /// The API field this error concerns (for a 422 field map).
    pub fn bidang(&self) -> &'static str {
        match self {
            TugasBelajarError::AkreditasiWajib { bidang } => bidang,
            TugasBelajarError::DiLuarTabel => "akreditasi_prodi",
        }
    }
}

/// Lower edges of the bands in hundredths: (Sangat Baik, Baik, Butuh Perbaikan); below the
/// last is Kurang/misconduct.
type Pita = (u16, u16, u16);

/// The band row of the table for a level, a place and (in Indonesia) a university
/// accreditation.
fn pita(jenjang: JenjangPendidikan, pt: Option<Akreditasi>) -> Pita {
    let s1 = jenjang == JenjangPendidikan::S1;
    match (s1, pt) {
        // Luar negeri uses the A rows.
        (true, None | Some(Akreditasi::A)) => (351, 301, 276),
        (true, Some(Akreditasi::B)) => (361, 310, 276),
        (true, Some(Akreditasi::C)) => (371, 320, 276),
        (false, None | Some(Akreditasi::A)) => (351, 320, 300),
        (false, Some(Akreditasi::B)) => (361, 325, 300),
        (false, Some(Akreditasi::C)) => (371, 330, 300),
    }
}

/// The predikat an IPK earns under the guideline tables of seed 004.
///
/// Dalam negeri needs both accreditations; a university C requires a programme of at least B,
/// otherwise the case is outside the table and the rater decides. Luar negeri ignores
/// accreditation. "Kurang/Misconduct" is [`Predikat::Kurang`].
pub fn predikat_ipk(
    jenjang: JenjangPendidikan,
    lokasi: Lokasi,
    akreditasi_pt: Option<Akreditasi>,
    akreditasi_prodi: Option<Akreditasi>,
    ipk: Ipk,
) -> Result<Predikat, TugasBelajarError> {
    let baris = match lokasi {
        Lokasi::LuarNegeri => pita(jenjang, None),
        Lokasi::DalamNegeri => {
            let pt = akreditasi_pt.ok_or(TugasBelajarError::AkreditasiWajib {
                bidang: "akreditasi_pt",
            })?;
            let prodi = akreditasi_prodi.ok_or(TugasBelajarError::AkreditasiWajib {
                bidang: "akreditasi_prodi",
            })?;
            let prodi_minimal = match pt {
                Akreditasi::A | Akreditasi::B => Akreditasi::C,
                Akreditasi::C => Akreditasi::B,
            };
            // A is best: "at least B" means A or B.
            if prodi > prodi_minimal {
                return Err(TugasBelajarError::DiLuarTabel);
            }
            pita(jenjang, Some(pt))
        }
    };
    let (sangat_baik, baik, butuh_perbaikan) = baris;
    let x = ipk.seratusan();
    Ok(if x >= sangat_baik {
        Predikat::SangatBaik
    } else if x >= baik {
        Predikat::Baik
    } else if x >= butuh_perbaikan {
        Predikat::ButuhPerbaikan
    } else {
        Predikat::Kurang
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use Akreditasi::*;
    use JenjangPendidikan as J;
    use Predikat::*;

    fn ipk(s: &str) -> Ipk {
        Ipk::parse(s).unwrap()
    }

    fn dn(
        j: J,
        pt: Akreditasi,
        prodi: Akreditasi,
        nilai: &str,
    ) -> Result<Predikat, TugasBelajarError> {
        predikat_ipk(j, Lokasi::DalamNegeri, Some(pt), Some(prodi), ipk(nilai))
    }

    /// Every band edge of every row: (jenjang, univ, [(ipk, predikat)]).
    #[test]
    fn tepi_pita_dalam_negeri() {
        let s1: [(Akreditasi, [(&str, Predikat); 8]); 3] = [
            (
                A,
                [
                    ("4.00", SangatBaik),
                    ("3.51", SangatBaik),
                    ("3.50", Baik),
                    ("3.01", Baik),
                    ("3.00", ButuhPerbaikan),
                    ("2.76", ButuhPerbaikan),
                    ("2.75", Kurang),
                    ("0", Kurang),
                ],
            ),
            (
                B,
                [
                    ("4.00", SangatBaik),
                    ("3.61", SangatBaik),
                    ("3.60", Baik),
                    ("3.10", Baik),
                    ("3.09", ButuhPerbaikan),
                    ("2.76", ButuhPerbaikan),
                    ("2.75", Kurang),
                    ("0", Kurang),
                ],
            ),
            (
                C,
                [
                    ("4.00", SangatBaik),
                    ("3.71", SangatBaik),
                    ("3.70", Baik),
                    ("3.20", Baik),
                    ("3.19", ButuhPerbaikan),
                    ("2.76", ButuhPerbaikan),
                    ("2.75", Kurang),
                    ("0", Kurang),
                ],
            ),
        ];
        let pasca: [(Akreditasi, [(&str, Predikat); 8]); 3] = [
            (
                A,
                [
                    ("4.00", SangatBaik),
                    ("3.51", SangatBaik),
                    ("3.50", Baik),
                    ("3.20", Baik),
                    ("3.19", ButuhPerbaikan),
                    ("3.00", ButuhPerbaikan),
                    ("2.99", Kurang),
                    ("0", Kurang),
                ],
            ),
            (
                B,
                [
                    ("4.00", SangatBaik),
                    ("3.61", SangatBaik),
                    ("3.60", Baik),
                    ("3.25", Baik),
                    ("3.24", ButuhPerbaikan),
                    ("3.00", ButuhPerbaikan),
                    ("2.99", Kurang),
                    ("0", Kurang),
                ],
            ),
            (
                C,
                [
                    ("4.00", SangatBaik),
                    ("3.71", SangatBaik),
                    ("3.70", Baik),
                    ("3.30", Baik),
                    ("3.29", ButuhPerbaikan),
                    ("3.00", ButuhPerbaikan),
                    ("2.99", Kurang),
                    ("0", Kurang),
                ],
            ),
        ];
        for (pt, tepi) in s1 {
            // Minimum programme accreditation: C for A/B universities, B for C universities.
            let prodi = if pt == C { B } else { C };
            for (nilai, harap) in tepi {
                assert_eq!(dn(J::S1, pt, prodi, nilai), Ok(harap), "S1 {pt} {nilai}");
                assert_eq!(dn(J::S1, pt, A, nilai), Ok(harap), "S1 {pt}/A {nilai}");
            }
        }
        for j in [J::Profesi, J::S2, J::S3] {
            for (pt, tepi) in &pasca {
                let prodi = if *pt == C { B } else { C };
                for (nilai, harap) in tepi {
                    assert_eq!(dn(j, *pt, prodi, nilai), Ok(*harap), "{j} {pt} {nilai}");
                }
            }
        }
    }

    #[test]
    fn tepi_pita_luar_negeri() {
        let s1 = [
            ("3.51", SangatBaik),
            ("3.50", Baik),
            ("3.01", Baik),
            ("3.00", ButuhPerbaikan),
            ("2.76", ButuhPerbaikan),
            ("2.75", Kurang),
        ];
        let pasca = [
            ("3.51", SangatBaik),
            ("3.50", Baik),
            ("3.20", Baik),
            ("3.19", ButuhPerbaikan),
            ("3.00", ButuhPerbaikan),
            ("2.99", Kurang),
        ];
        for (nilai, harap) in s1 {
            assert_eq!(
                predikat_ipk(J::S1, Lokasi::LuarNegeri, None, None, ipk(nilai)),
                Ok(harap),
                "{nilai}"
            );
            // Accreditation is ignored abroad, even a "below minimum" pair.
            assert_eq!(
                predikat_ipk(J::S1, Lokasi::LuarNegeri, Some(C), Some(C), ipk(nilai)),
                Ok(harap)
            );
        }
        for j in [J::Profesi, J::S2, J::S3] {
            for (nilai, harap) in pasca {
                assert_eq!(
                    predikat_ipk(j, Lokasi::LuarNegeri, None, None, ipk(nilai)),
                    Ok(harap),
                    "{j} {nilai}"
                );
            }
        }
    }

    #[test]
    fn contoh_seed_004_ebony() {
        // Seed 004: Ebony, Magister at UGM, expected IPK above 3,75 in semester 1: an S2 IPK of
        // 3,76 at an A university is Sangat Baik.
        assert_eq!(dn(J::S2, A, A, "3,76"), Ok(SangatBaik));
    }

    #[test]
    fn di_luar_tabel_dan_akreditasi_wajib() {
        let e = dn(J::S1, C, C, "3.80").unwrap_err();
        assert_eq!(e, TugasBelajarError::DiLuarTabel);
        assert_eq!(e.bidang(), "akreditasi_prodi");
        assert_eq!(
            e.to_string(),
            "Program studi di bawah akreditasi minimal tabel (minimal B untuk perguruan tinggi terakreditasi C): predikat ditetapkan oleh pejabat penilai"
        );
        assert_eq!(dn(J::S3, C, C, "3.80"), Err(TugasBelajarError::DiLuarTabel));
        let e = predikat_ipk(J::S1, Lokasi::DalamNegeri, None, Some(A), ipk("3.5")).unwrap_err();
        assert_eq!(e.bidang(), "akreditasi_pt");
        assert_eq!(e.to_string(), "Akreditasi perguruan tinggi (akreditasi_pt) wajib diisi untuk tugas belajar dalam negeri");
        let e = predikat_ipk(J::S2, Lokasi::DalamNegeri, Some(A), None, ipk("3.5")).unwrap_err();
        assert_eq!(e.bidang(), "akreditasi_prodi");
        assert_eq!(e.to_string(), "Akreditasi program studi (akreditasi_prodi) wajib diisi untuk tugas belajar dalam negeri");
    }

    #[test]
    fn nama_akreditasi_baru() {
        let tabel = [
            ("A", A),
            ("a", A),
            ("unggul", A),
            ("Unggul", A),
            ("UNGGUL", A),
            ("B", B),
            ("baik_sekali", B),
            ("Baik Sekali", B),
            ("BAIK SEKALI", B),
            ("baik-sekali", B),
            ("C", C),
            ("c", C),
            ("baik", C),
            ("Baik", C),
            (" baik ", C),
        ];
        for (s, harap) in tabel {
            assert_eq!(Akreditasi::parse("akreditasi_pt", s), Ok(harap), "{s}");
        }
        for s in ["", "D", "sangat baik", "baiksekali", "terakreditasi"] {
            let e = Akreditasi::parse("akreditasi_prodi", s).unwrap_err();
            assert_eq!(e.bidang, "akreditasi_prodi");
            assert!(e.to_string().contains("baik_sekali"), "{e}");
        }
        // Unggul university, Baik programme = A/C: inside the table.
        let pt = Akreditasi::parse("akreditasi_pt", "unggul").unwrap();
        let prodi = Akreditasi::parse("akreditasi_prodi", "baik").unwrap();
        assert_eq!(
            predikat_ipk(
                J::S1,
                Lokasi::DalamNegeri,
                Some(pt),
                Some(prodi),
                ipk("3.51")
            ),
            Ok(SangatBaik)
        );
        // Baik university, Baik programme = C/C: outside.
        assert_eq!(
            predikat_ipk(
                J::S1,
                Lokasi::DalamNegeri,
                Some(prodi),
                Some(prodi),
                ipk("3.51")
            ),
            Err(TugasBelajarError::DiLuarTabel)
        );
        assert_eq!(serde_json::to_string(&B).unwrap(), "\"B\"");
        assert_eq!(serde_json::from_str::<Akreditasi>("\"unggul\"").unwrap(), A);
    }

    #[test]
    fn parse_ipk() {
        let sah = [
            ("3.51", 351),
            ("3,51", 351),
            ("4", 400),
            ("3.5", 350),
            ("3,5", 350),
            (" 0 ", 0),
            ("0.00", 0),
            ("4.00", 400),
            ("2.05", 205),
            ("03.10", 310),
            ("+3.2", 320),
            ("-0", 0),
        ];
        for (s, harap) in sah {
            assert_eq!(Ipk::parse(s).map(Ipk::seratusan), Ok(harap), "{s}");
        }
        let salah: [(&str, IpkError, &str); 11] = [
            (
                "3.605",
                IpkError::TerlaluBanyakDesimal,
                "IPK paling banyak dua angka desimal",
            ),
            (
                "3,999",
                IpkError::TerlaluBanyakDesimal,
                "IPK paling banyak dua angka desimal",
            ),
            (
                "4.01",
                IpkError::DiLuarRentang,
                "IPK harus antara 0,00 dan 4,00",
            ),
            (
                "5",
                IpkError::DiLuarRentang,
                "IPK harus antara 0,00 dan 4,00",
            ),
            (
                "-1",
                IpkError::DiLuarRentang,
                "IPK harus antara 0,00 dan 4,00",
            ),
            (
                "100000000000",
                IpkError::DiLuarRentang,
                "IPK harus antara 0,00 dan 4,00",
            ),
            ("", IpkError::Kosong, "IPK wajib diisi"),
            (
                "abc",
                IpkError::BukanAngka("abc".into()),
                "IPK 'abc' bukan angka; contoh: 3,51",
            ),
            (
                "3.",
                IpkError::BukanAngka("3.".into()),
                "IPK '3.' bukan angka; contoh: 3,51",
            ),
            (
                ".5",
                IpkError::BukanAngka(".5".into()),
                "IPK '.5' bukan angka; contoh: 3,51",
            ),
            (
                "3.5.1",
                IpkError::BukanAngka("3.5.1".into()),
                "IPK '3.5.1' bukan angka; contoh: 3,51",
            ),
        ];
        for (s, galat, pesan) in salah {
            let e = Ipk::parse(s).unwrap_err();
            assert_eq!(e, galat, "{s}");
            assert_eq!(e.to_string(), pesan);
            assert_eq!(e.bidang(), "ipk");
        }
        assert_eq!(ipk("3.5").to_string(), "3,50");
        assert_eq!(ipk("3.05").as_f64(), 3.05);
        assert_eq!(Ipk::dari_seratusan(401), None);
    }

    #[test]
    fn serde_ipk() {
        assert_eq!(serde_json::to_string(&ipk("3.51")).unwrap(), "3.51");
        assert_eq!(serde_json::from_str::<Ipk>("3.51").unwrap(), ipk("3.51"));
        assert_eq!(serde_json::from_str::<Ipk>("4").unwrap(), ipk("4"));
        assert_eq!(
            serde_json::from_str::<Ipk>("\"3,51\"").unwrap(),
            ipk("3.51")
        );
        assert!(serde_json::from_str::<Ipk>("3.605").is_err());
        assert!(serde_json::from_str::<Ipk>("4.5").is_err());
        assert!(serde_json::from_str::<Ipk>("5").is_err());
        assert!(serde_json::from_str::<Ipk>("-1").is_err());
    }

    proptest! {
        /// Every IPK 0.00–4.00 in every row gives a predikat, and a higher IPK never a worse one.
        #[test]
        fn pita_lengkap_dan_monoton(x in 0u16..400, j in prop::sample::select(J::SEMUA),
                                    pt in prop::sample::select(&Akreditasi::SEMUA[..])) {
            let prodi = if pt == C { B } else { C };
            let a = predikat_ipk(j, Lokasi::DalamNegeri, Some(pt), Some(prodi), Ipk(x)).unwrap();
            let b = predikat_ipk(j, Lokasi::DalamNegeri, Some(pt), Some(prodi), Ipk(x + 1)).unwrap();
            prop_assert!(b <= a); // Predikat orders best first.
            prop_assert!(a != SangatKurang);
        }

        #[test]
        fn ipk_bolak_balik(x in 0u16..=400) {
            let i = Ipk(x);
            prop_assert_eq!(Ipk::parse(&i.to_string()), Ok(i));
            prop_assert_eq!(Ipk::parse(&format!("{:.2}", i.as_f64())), Ok(i));
            let json = serde_json::to_string(&i).unwrap();
            prop_assert_eq!(serde_json::from_str::<Ipk>(&json).unwrap(), i);
        }

        #[test]
        fn teks_sembarang_tidak_panik(s in "\\PC{0,12}") {
            let _ = Ipk::parse(&s);
            let _ = Akreditasi::parse("akreditasi_pt", &s);
        }
    }
}
