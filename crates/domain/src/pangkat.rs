//! Status ASN and pangkat/golongan: PNS I/a … IV/e (17 ruang), PPPK golongan I … XVII.

use std::fmt;

use crate::enumerasi;

enumerasi!(
    /// PNS (civil servant) or PPPK (contract civil servant).
    StatusAsn, "status_asn", {
        Pns => ("pns", "PNS"),
        Pppk => ("pppk", "PPPK"),
    }
);

/// Golongan/ruang of a PNS, from I/a to IV/e.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum GolonganPns {
    Ia,
    Ib,
    Ic,
    Id,
    IIa,
    IIb,
    IIc,
    IId,
    IIIa,
    IIIb,
    IIIc,
    IIId,
    IVa,
    IVb,
    IVc,
    IVd,
    IVe,
}

impl GolonganPns {
    /// All 17, from lowest to highest.
    pub const SEMUA: [GolonganPns; 17] = [
        Self::Ia,
        Self::Ib,
        Self::Ic,
        Self::Id,
        Self::IIa,
        Self::IIb,
        Self::IIc,
        Self::IId,
        Self::IIIa,
        Self::IIIb,
        Self::IIIc,
        Self::IIId,
        Self::IVa,
        Self::IVb,
        Self::IVc,
        Self::IVd,
        Self::IVe,
    ];

    /// The code as printed: "III/a".
    pub fn kode(self) -> &'static str {
        match self {
            Self::Ia => "I/a",
            Self::Ib => "I/b",
            Self::Ic => "I/c",
            Self::Id => "I/d",
            Self::IIa => "II/a",
            Self::IIb => "II/b",
            Self::IIc => "II/c",
            Self::IId => "II/d",
            Self::IIIa => "III/a",
            Self::IIIb => "III/b",
            Self::IIIc => "III/c",
            Self::IIId => "III/d",
            Self::IVa => "IV/a",
            Self::IVb => "IV/b",
            Self::IVc => "IV/c",
            Self::IVd => "IV/d",
            Self::IVe => "IV/e",
        }
    }

    /// The pangkat name of this golongan/ruang.
    pub fn pangkat(self) -> &'static str {
        match self {
            Self::Ia => "Juru Muda",
            Self::Ib => "Juru Muda Tingkat I",
            Self::Ic => "Juru",
            Self::Id => "Juru Tingkat I",
            Self::IIa => "Pengatur Muda",
            Self::IIb => "Pengatur Muda Tingkat I",
            Self::IIc => "Pengatur",
            Self::IId => "Pengatur Tingkat I",
            Self::IIIa => "Penata Muda",
            Self::IIIb => "Penata Muda Tingkat I",
            Self::IIIc => "Penata",
            Self::IIId => "Penata Tingkat I",
            Self::IVa => "Pembina",
            Self::IVb => "Pembina Tingkat I",
            Self::IVc => "Pembina Utama Muda",
            Self::IVd => "Pembina Utama Madya",
            Self::IVe => "Pembina Utama",
        }
    }

    /// Accepts "III/a", "iii/A", "IIIa", "III a", "III-a", "III.a" (case-insensitive).
    fn parse(s: &str) -> Option<GolonganPns> {
        let t: String = s
            .chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, '/' | '-' | '.'))
            .flat_map(char::to_lowercase)
            .collect();
        Self::SEMUA.into_iter().find(|g| {
            let k: String = g.kode().replace('/', "").to_lowercase();
            k == t
        })
    }
}

/// Golongan of a PPPK, I to XVII. The number is private so it is always in range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct GolonganPppk(u8);

const ROMAWI: [&str; 17] = [
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV",
    "XVI", "XVII",
];

impl GolonganPppk {
    /// Golongan number 1 ..= 17.
    pub fn new(angka: u8) -> Option<GolonganPppk> {
        (1..=17).contains(&angka).then_some(GolonganPppk(angka))
    }

    /// All 17, from lowest to highest.
    pub fn semua() -> impl Iterator<Item = GolonganPppk> {
        (1..=17).map(GolonganPppk)
    }

    pub fn angka(self) -> u8 {
        self.0
    }

    /// Roman numeral, as printed: "IX".
    pub fn kode(self) -> &'static str {
        ROMAWI[usize::from(self.0 - 1)]
    }

    /// Accepts a roman numeral (any case) or an arabic number, optionally after "golongan".
    fn parse(s: &str) -> Option<GolonganPppk> {
        let mut t = s.trim().to_uppercase();
        if let Some(sisa) = t.strip_prefix("GOLONGAN") {
            t = sisa.trim().to_string();
        }
        if let Ok(n) = t.parse::<u8>() {
            return GolonganPppk::new(n);
        }
        ROMAWI
            .iter()
            .position(|r| *r == t)
            .and_then(|i| GolonganPppk::new(i as u8 + 1))
    }
}

/// Pangkat/golongan of a pegawai ASN.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Golongan {
    Pns(GolonganPns),
    Pppk(GolonganPppk),
}

/// A golongan that is not valid for the given status ASN.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GolonganError {
    #[error("Golongan wajib diisi")]
    Kosong,
    #[error("Golongan '{nilai}' tidak sah untuk {status}; contoh: {contoh}", status = status.label(), contoh = contoh(*status))]
    TidakSah { status: StatusAsn, nilai: String },
}

fn contoh(status: StatusAsn) -> &'static str {
    match status {
        StatusAsn::Pns => "III/a",
        StatusAsn::Pppk => "IX (I sampai XVII, atau 1 sampai 17)",
    }
}

impl GolonganError {
    /// The API field this error concerns.
    pub fn bidang(&self) -> &'static str {
        "golongan"
    }
}

impl Golongan {
    /// Parses a golongan for the given status: PNS "III/a" (case-insensitive, the slash may be
    /// left out), PPPK "IX" or "9".
    pub fn parse(status: StatusAsn, s: &str) -> Result<Golongan, GolonganError> {
        let t = s.trim();
        if t.is_empty() {
            return Err(GolonganError::Kosong);
        }
        let hasil = match status {
            StatusAsn::Pns => GolonganPns::parse(t).map(Golongan::Pns),
            StatusAsn::Pppk => GolonganPppk::parse(t).map(Golongan::Pppk),
        };
        hasil.ok_or_else(|| GolonganError::TidakSah {
            status,
            nilai: t.to_string(),
        })
    }

    /// Reads a canonical code without knowing the status: a code with a ruang letter ("III/a")
    /// is PNS, a bare numeral ("IX") is PPPK.
    pub fn dari_kode(s: &str) -> Result<Golongan, GolonganError> {
        let t = s.trim();
        let pns = t.contains('/') || t.chars().last().is_some_and(|c| c.is_ascii_lowercase());
        let status = if pns { StatusAsn::Pns } else { StatusAsn::Pppk };
        Golongan::parse(status, t)
    }

    /// The code as printed: "III/a" or "IX".
    pub fn kode(&self) -> String {
        match self {
            Golongan::Pns(g) => g.kode().to_string(),
            Golongan::Pppk(g) => g.kode().to_string(),
        }
    }

    /// The pangkat name (PNS only).
    pub fn pangkat(&self) -> Option<&'static str> {
        match self {
            Golongan::Pns(g) => Some(g.pangkat()),
            Golongan::Pppk(_) => None,
        }
    }

    /// For documents: "Penata Muda, III/a" or "Golongan IX".
    pub fn label(&self) -> String {
        match self {
            Golongan::Pns(g) => format!("{}, {}", g.pangkat(), g.kode()),
            Golongan::Pppk(g) => format!("Golongan {}", g.kode()),
        }
    }

    pub fn status(&self) -> StatusAsn {
        match self {
            Golongan::Pns(_) => StatusAsn::Pns,
            Golongan::Pppk(_) => StatusAsn::Pppk,
        }
    }
}

impl fmt::Display for Golongan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label())
    }
}

/// Serialized as its code ("III/a", "IX"); read back with [`Golongan::dari_kode`].
impl serde::Serialize for Golongan {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.kode())
    }
}

impl<'de> serde::Deserialize<'de> for Golongan {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
        Golongan::dari_kode(&s).map_err(serde::de::Error::custom)
    }
}

impl utoipa::PartialSchema for Golongan {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::schema::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::SchemaType::new(
                utoipa::openapi::schema::Type::String,
            ))
            .description(Some(
                "Golongan: PNS I/a sampai IV/e (contoh III/a), PPPK I sampai XVII (contoh IX)",
            ))
            .examples(["III/a", "IX"])
            .into()
    }
}
impl utoipa::ToSchema for Golongan {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn semua_golongan_pns() {
        let tabel = [
            ("I/a", "Juru Muda"),
            ("I/b", "Juru Muda Tingkat I"),
            ("I/c", "Juru"),
            ("I/d", "Juru Tingkat I"),
            ("II/a", "Pengatur Muda"),
            ("II/b", "Pengatur Muda Tingkat I"),
            ("II/c", "Pengatur"),
            ("II/d", "Pengatur Tingkat I"),
            ("III/a", "Penata Muda"),
            ("III/b", "Penata Muda Tingkat I"),
            ("III/c", "Penata"),
            ("III/d", "Penata Tingkat I"),
            ("IV/a", "Pembina"),
            ("IV/b", "Pembina Tingkat I"),
            ("IV/c", "Pembina Utama Muda"),
            ("IV/d", "Pembina Utama Madya"),
            ("IV/e", "Pembina Utama"),
        ];
        assert_eq!(GolonganPns::SEMUA.len(), 17);
        for (i, (kode, pangkat)) in tabel.iter().enumerate() {
            let g = Golongan::parse(StatusAsn::Pns, kode).unwrap();
            assert_eq!(g, Golongan::Pns(GolonganPns::SEMUA[i]));
            assert_eq!(g.kode(), *kode);
            assert_eq!(g.pangkat(), Some(*pangkat));
            assert_eq!(g.label(), format!("{pangkat}, {kode}"));
            assert_eq!(g.status(), StatusAsn::Pns);
            assert_eq!(Golongan::dari_kode(kode).unwrap(), g);
            // Case-insensitive, slash optional.
            assert_eq!(Golongan::parse(StatusAsn::Pns, &kode.to_uppercase()), Ok(g));
            assert_eq!(Golongan::parse(StatusAsn::Pns, &kode.to_lowercase()), Ok(g));
            assert_eq!(
                Golongan::parse(StatusAsn::Pns, &kode.replace('/', "")),
                Ok(g)
            );
            assert_eq!(
                Golongan::parse(StatusAsn::Pns, &format!(" {} ", kode.replace('/', " / "))),
                Ok(g)
            );
        }
        assert_eq!(
            Golongan::parse(StatusAsn::Pns, "III/a").unwrap().label(),
            "Penata Muda, III/a"
        );
    }

    #[test]
    fn semua_golongan_pppk() {
        let romawi = [
            "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII",
            "XIV", "XV", "XVI", "XVII",
        ];
        assert_eq!(GolonganPppk::semua().count(), 17);
        for (i, r) in romawi.iter().enumerate() {
            let n = i as u8 + 1;
            let g = Golongan::parse(StatusAsn::Pppk, r).unwrap();
            assert_eq!(g, Golongan::Pppk(GolonganPppk::new(n).unwrap()));
            assert_eq!(g.kode(), *r);
            assert_eq!(g.pangkat(), None);
            assert_eq!(g.label(), format!("Golongan {r}"));
            assert_eq!(g.status(), StatusAsn::Pppk);
            assert_eq!(Golongan::parse(StatusAsn::Pppk, &n.to_string()), Ok(g));
            assert_eq!(Golongan::parse(StatusAsn::Pppk, &r.to_lowercase()), Ok(g));
            assert_eq!(
                Golongan::parse(StatusAsn::Pppk, &format!("Golongan {r}")),
                Ok(g)
            );
            assert_eq!(Golongan::dari_kode(r), Ok(g));
        }
        assert_eq!(
            Golongan::parse(StatusAsn::Pppk, "9").unwrap().label(),
            "Golongan IX"
        );
    }

    #[test]
    fn golongan_tidak_sah() {
        let pns = [
            "III/f", "IV/f", "V/a", "I/e", "III", "a", "3/a", "IIII/a", "III//",
        ];
        for s in pns {
            let e = Golongan::parse(StatusAsn::Pns, s).unwrap_err();
            assert_eq!(e.bidang(), "golongan");
            assert!(e.to_string().contains("tidak sah untuk PNS"), "{s}: {e}");
        }
        assert_eq!(
            Golongan::parse(StatusAsn::Pns, "III/f")
                .unwrap_err()
                .to_string(),
            "Golongan 'III/f' tidak sah untuk PNS; contoh: III/a"
        );
        let pppk = ["0", "18", "XVIII", "III/a", "IIII", "-1", "300", "abc"];
        for s in pppk {
            let e = Golongan::parse(StatusAsn::Pppk, s).unwrap_err();
            assert!(e.to_string().contains("tidak sah untuk PPPK"), "{s}: {e}");
        }
        assert_eq!(
            Golongan::parse(StatusAsn::Pns, "  ")
                .unwrap_err()
                .to_string(),
            "Golongan wajib diisi"
        );
        assert_eq!(GolonganPppk::new(0), None);
        assert_eq!(GolonganPppk::new(18), None);
    }

    #[test]
    fn serde_golongan() {
        let g = Golongan::parse(StatusAsn::Pns, "iv/e").unwrap();
        assert_eq!(serde_json::to_string(&g).unwrap(), "\"IV/e\"");
        assert_eq!(serde_json::from_str::<Golongan>("\"IV/e\"").unwrap(), g);
        let p = Golongan::parse(StatusAsn::Pppk, "17").unwrap();
        assert_eq!(serde_json::to_string(&p).unwrap(), "\"XVII\"");
        assert_eq!(serde_json::from_str::<Golongan>("\"XVII\"").unwrap(), p);
        assert!(serde_json::from_str::<Golongan>("\"III/f\"").is_err());
        assert_eq!(StatusAsn::Pppk.to_string(), "PPPK");
        assert_eq!("pns".parse::<StatusAsn>().unwrap(), StatusAsn::Pns);
    }
}
