//! Evaluation periods: a month or a quarter (periodic, Pasal 24) and the year (annual, Pasal
//! 25, "Januari sd Desember"), with their codes ("2026-01", "2026-T1", "2026") and Indonesian
//! labels and dates.

use std::fmt;

use chrono::{Datelike, NaiveDate};

use crate::profil::JenisPeriode;

const BULAN: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];

const TRIWULAN: [&str; 4] = ["I", "II", "III", "IV"];

/// Years a period code may carry.
pub const TAHUN_MINIMAL: i32 = 1900;
pub const TAHUN_MAKSIMAL: i32 = 9999;

/// The Indonesian name of month 1..=12 ("Januari" … "Desember"); an empty string otherwise.
pub fn nama_bulan(bulan: u32) -> &'static str {
    bulan
        .checked_sub(1)
        .and_then(|i| BULAN.get(i as usize))
        .copied()
        .unwrap_or("")
}

/// A moment as it is in Western Indonesia (WIB, UTC+7): the calendar of deadlines, reminders and
/// documents' dates.
pub fn waktu_wib(t: chrono::DateTime<chrono::Utc>) -> chrono::NaiveDateTime {
    (t + chrono::Duration::hours(7)).naive_utc()
}

/// The WIB date of a moment.
pub fn tanggal_wib(t: chrono::DateTime<chrono::Utc>) -> NaiveDate {
    waktu_wib(t).date()
}

/// A date as written in Indonesian documents: "21 November 2026".
pub fn tanggal_indonesia(d: NaiveDate) -> String {
    format!("{} {} {}", d.day(), nama_bulan(d.month()), d.year())
}

/// An evaluation period. Build it with [`Periode::parse`], [`Periode::bulan`] or
/// [`Periode::triwulan`] to have the numbers checked; the date methods clamp a month to
/// 1..=12 and a quarter to 1..=4 rather than panic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Periode {
    Bulan { tahun: i32, bulan: u32 },
    Triwulan { tahun: i32, ke: u32 },
    Tahunan { tahun: i32 },
}

/// A text that is not a period code, or numbers out of range.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PeriodeError {
    #[error(
        "Periode '{0}' tidak dikenal; contoh: 2026-01 (bulan), 2026-T1 (triwulan), 2026 (tahunan)"
    )]
    Format(String),
    #[error("Periode '{0}': bulan harus 01 sampai 12")]
    Bulan(String),
    #[error("Periode '{0}': triwulan harus T1 sampai T4")]
    Triwulan(String),
    #[error("Periode '{0}': tahun harus antara 1900 dan 9999")]
    Tahun(String),
}

impl PeriodeError {
    /// The API field this error concerns.
    pub fn bidang(&self) -> &'static str {
        "periode"
    }
}

fn tanggal(tahun: i32, bulan: u32, hari: u32) -> NaiveDate {
    let tahun = tahun.clamp(TAHUN_MINIMAL, TAHUN_MAKSIMAL);
    let bulan = bulan.clamp(1, 12);
    NaiveDate::from_ymd_opt(tahun, bulan, hari)
        .or_else(|| {
            // Last day of the month: the day before the first of the next month.
            let (t, b) = if bulan == 12 {
                (tahun + 1, 1)
            } else {
                (tahun, bulan + 1)
            };
            NaiveDate::from_ymd_opt(t, b, 1).and_then(|d| d.pred_opt())
        })
        .unwrap_or(NaiveDate::MIN)
}

fn akhir_bulan(tahun: i32, bulan: u32) -> NaiveDate {
    tanggal(tahun, bulan, 31)
}

fn angka(s: &str) -> Option<u32> {
    (!s.is_empty() && s.bytes().all(|c| c.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

impl Periode {
    /// A checked month period.
    pub fn bulan(tahun: i32, bulan: u32) -> Result<Periode, PeriodeError> {
        let p = Periode::Bulan { tahun, bulan };
        Self::periksa(p)
    }

    /// A checked quarter period (ke = 1..=4).
    pub fn triwulan(tahun: i32, ke: u32) -> Result<Periode, PeriodeError> {
        Self::periksa(Periode::Triwulan { tahun, ke })
    }

    fn periksa(p: Periode) -> Result<Periode, PeriodeError> {
        let kode = p.kode();
        if !(TAHUN_MINIMAL..=TAHUN_MAKSIMAL).contains(&p.tahun()) {
            return Err(PeriodeError::Tahun(kode));
        }
        match p {
            Periode::Bulan { bulan, .. } if !(1..=12).contains(&bulan) => {
                Err(PeriodeError::Bulan(kode))
            }
            Periode::Triwulan { ke, .. } if !(1..=4).contains(&ke) => {
                Err(PeriodeError::Triwulan(kode))
            }
            _ => Ok(p),
        }
    }

    /// Parses "2026-01" (month), "2026-T1" (quarter, `t` also accepted) or "2026" (year).
    pub fn parse(s: &str) -> Result<Periode, PeriodeError> {
        let t = s.trim();
        let format = || PeriodeError::Format(t.to_string());
        let (th, sisa) = match t.split_once('-') {
            Some((a, b)) => (a, Some(b)),
            None => (t, None),
        };
        if th.len() != 4 {
            return Err(format());
        }
        let tahun = angka(th).ok_or_else(format)? as i32;
        if tahun < TAHUN_MINIMAL {
            return Err(PeriodeError::Tahun(t.to_string()));
        }
        match sisa {
            None => Ok(Periode::Tahunan { tahun }),
            Some(b) if b.starts_with(['T', 't']) => {
                let ke = angka(&b[1..]).ok_or_else(format)?;
                if b.len() != 2 || !(1..=4).contains(&ke) {
                    return Err(PeriodeError::Triwulan(t.to_string()));
                }
                Ok(Periode::Triwulan { tahun, ke })
            }
            Some(b) => {
                let bulan = angka(b).ok_or_else(format)?;
                if b.len() != 2 || !(1..=12).contains(&bulan) {
                    return Err(PeriodeError::Bulan(t.to_string()));
                }
                Ok(Periode::Bulan { tahun, bulan })
            }
        }
    }

    pub fn tahun(&self) -> i32 {
        match *self {
            Periode::Bulan { tahun, .. }
            | Periode::Triwulan { tahun, .. }
            | Periode::Tahunan { tahun } => tahun,
        }
    }

    /// The year this period belongs to, as an annual period.
    pub fn tahunan(&self) -> Periode {
        Periode::Tahunan {
            tahun: self.tahun(),
        }
    }

    /// First day.
    pub fn mulai(&self) -> NaiveDate {
        match *self {
            Periode::Bulan { tahun, bulan } => tanggal(tahun, bulan, 1),
            Periode::Triwulan { tahun, ke } => tanggal(tahun, (ke.clamp(1, 4) - 1) * 3 + 1, 1),
            Periode::Tahunan { tahun } => tanggal(tahun, 1, 1),
        }
    }

    /// Last day (inclusive).
    pub fn selesai(&self) -> NaiveDate {
        match *self {
            Periode::Bulan { tahun, bulan } => akhir_bulan(tahun, bulan),
            Periode::Triwulan { tahun, ke } => akhir_bulan(tahun, ke.clamp(1, 4) * 3),
            Periode::Tahunan { tahun } => tanggal(tahun, 12, 31),
        }
    }

    /// Whether a date falls in the period.
    pub fn memuat(&self, d: NaiveDate) -> bool {
        self.mulai() <= d && d <= self.selesai()
    }

    /// Indonesian label: "Januari 2026", "Triwulan I 2026", "Januari s.d. Desember 2026".
    pub fn label(&self) -> String {
        match *self {
            Periode::Bulan { tahun, bulan } => {
                format!("{} {tahun}", nama_bulan(bulan.clamp(1, 12)))
            }
            Periode::Triwulan { tahun, ke } => {
                format!(
                    "Triwulan {} {tahun}",
                    TRIWULAN[(ke.clamp(1, 4) - 1) as usize]
                )
            }
            Periode::Tahunan { tahun } => format!("Januari s.d. Desember {tahun}"),
        }
    }

    /// Code: "2026-01", "2026-T1", "2026".
    pub fn kode(&self) -> String {
        match *self {
            Periode::Bulan { tahun, bulan } => format!("{tahun:04}-{bulan:02}"),
            Periode::Triwulan { tahun, ke } => format!("{tahun:04}-T{ke}"),
            Periode::Tahunan { tahun } => format!("{tahun:04}"),
        }
    }

    /// Whether this is a periodic (month or quarter) period.
    pub fn periodik(&self) -> bool {
        !matches!(self, Periode::Tahunan { .. })
    }
}

impl fmt::Display for Periode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label())
    }
}

impl std::str::FromStr for Periode {
    type Err = PeriodeError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Periode::parse(s)
    }
}

impl serde::Serialize for Periode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.kode())
    }
}

impl<'de> serde::Deserialize<'de> for Periode {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
        Periode::parse(&s).map_err(serde::de::Error::custom)
    }
}

impl utoipa::PartialSchema for Periode {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::schema::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::SchemaType::new(
                utoipa::openapi::schema::Type::String,
            ))
            .pattern(Some("^[0-9]{4}(-(0[1-9]|1[0-2]|T[1-4]))?$"))
            .description(Some(
                "Periode: 2026-01 (bulan), 2026-T1 (triwulan) atau 2026 (tahunan)",
            ))
            .examples(["2026-01", "2026-T1", "2026"])
            .into()
    }
}
impl utoipa::ToSchema for Periode {}

/// The periodic period a date falls in.
pub fn periode_berjalan(jenis: JenisPeriode, tanggal: NaiveDate) -> Periode {
    let tahun = tanggal.year();
    match jenis {
        JenisPeriode::Bulanan => Periode::Bulan {
            tahun,
            bulan: tanggal.month(),
        },
        JenisPeriode::Triwulanan => Periode::Triwulan {
            tahun,
            ke: (tanggal.month() - 1) / 3 + 1,
        },
    }
}

/// All periodic periods of a year, in order (12 months or 4 quarters).
pub fn periode_dalam_tahun(jenis: JenisPeriode, tahun: i32) -> Vec<Periode> {
    match jenis {
        JenisPeriode::Bulanan => (1..=12)
            .map(|bulan| Periode::Bulan { tahun, bulan })
            .collect(),
        JenisPeriode::Triwulanan => (1..=4).map(|ke| Periode::Triwulan { tahun, ke }).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn t(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn tanggal_wib_berganti_pukul_17_utc() {
        let t = |s: &str| chrono::DateTime::parse_from_rfc3339(s).unwrap().to_utc();
        let d = |m, h| NaiveDate::from_ymd_opt(2026, m, h).unwrap();
        assert_eq!(tanggal_wib(t("2026-11-21T16:59:59Z")), d(11, 21));
        assert_eq!(tanggal_wib(t("2026-11-21T17:00:00Z")), d(11, 22));
        assert_eq!(
            waktu_wib(t("2026-12-31T18:22:00Z")).to_string(),
            "2027-01-01 01:22:00"
        );
    }

    #[test]
    fn nama_bulan_dan_tanggal() {
        let nama: Vec<_> = (1..=12).map(nama_bulan).collect();
        assert_eq!(
            nama,
            [
                "Januari",
                "Februari",
                "Maret",
                "April",
                "Mei",
                "Juni",
                "Juli",
                "Agustus",
                "September",
                "Oktober",
                "November",
                "Desember"
            ]
        );
        assert_eq!(nama_bulan(0), "");
        assert_eq!(nama_bulan(13), "");
        assert_eq!(tanggal_indonesia(t(2026, 11, 21)), "21 November 2026");
        assert_eq!(tanggal_indonesia(t(2026, 1, 5)), "5 Januari 2026");
    }

    #[test]
    fn periode_bulan() {
        let p = Periode::parse("2026-01").unwrap();
        assert_eq!(
            p,
            Periode::Bulan {
                tahun: 2026,
                bulan: 1
            }
        );
        assert_eq!(p.label(), "Januari 2026");
        assert_eq!(p.kode(), "2026-01");
        assert_eq!(p.mulai(), t(2026, 1, 1));
        assert_eq!(p.selesai(), t(2026, 1, 31));
        assert_eq!(Periode::parse("2024-02").unwrap().selesai(), t(2024, 2, 29));
        assert_eq!(Periode::parse("2026-02").unwrap().selesai(), t(2026, 2, 28));
        assert_eq!(Periode::parse("2026-04").unwrap().selesai(), t(2026, 4, 30));
        assert_eq!(
            Periode::parse("2026-12").unwrap().selesai(),
            t(2026, 12, 31)
        );
        assert!(p.periodik());
        assert_eq!(p.tahunan(), Periode::Tahunan { tahun: 2026 });
    }

    #[test]
    fn periode_triwulan_dan_tahunan() {
        let tabel = [
            ("2026-T1", "Triwulan I 2026", t(2026, 1, 1), t(2026, 3, 31)),
            ("2026-T2", "Triwulan II 2026", t(2026, 4, 1), t(2026, 6, 30)),
            (
                "2026-T3",
                "Triwulan III 2026",
                t(2026, 7, 1),
                t(2026, 9, 30),
            ),
            (
                "2026-T4",
                "Triwulan IV 2026",
                t(2026, 10, 1),
                t(2026, 12, 31),
            ),
            (
                "2026",
                "Januari s.d. Desember 2026",
                t(2026, 1, 1),
                t(2026, 12, 31),
            ),
        ];
        for (kode, label, mulai, selesai) in tabel {
            let p = Periode::parse(kode).unwrap();
            assert_eq!(p.kode(), kode);
            assert_eq!(p.label(), label);
            assert_eq!(p.to_string(), label);
            assert_eq!(p.mulai(), mulai);
            assert_eq!(p.selesai(), selesai);
        }
        assert_eq!(
            Periode::parse("2026-t2").unwrap(),
            Periode::Triwulan { tahun: 2026, ke: 2 }
        );
        assert!(!Periode::Tahunan { tahun: 2026 }.periodik());
    }

    #[test]
    fn periode_tidak_sah() {
        let tabel = [
            ("2026-13", "Periode '2026-13': bulan harus 01 sampai 12"),
            ("2026-00", "Periode '2026-00': bulan harus 01 sampai 12"),
            ("2026-1", "Periode '2026-1': bulan harus 01 sampai 12"),
            ("2026-T5", "Periode '2026-T5': triwulan harus T1 sampai T4"),
            ("2026-T0", "Periode '2026-T0': triwulan harus T1 sampai T4"),
            ("1899", "Periode '1899': tahun harus antara 1900 dan 9999"),
            ("", "Periode '' tidak dikenal; contoh: 2026-01 (bulan), 2026-T1 (triwulan), 2026 (tahunan)"),
            ("26-01", "Periode '26-01' tidak dikenal; contoh: 2026-01 (bulan), 2026-T1 (triwulan), 2026 (tahunan)"),
            ("2026-", "Periode '2026-' tidak dikenal; contoh: 2026-01 (bulan), 2026-T1 (triwulan), 2026 (tahunan)"),
            ("2026-T", "Periode '2026-T' tidak dikenal; contoh: 2026-01 (bulan), 2026-T1 (triwulan), 2026 (tahunan)"),
            ("januari", "Periode 'januari' tidak dikenal; contoh: 2026-01 (bulan), 2026-T1 (triwulan), 2026 (tahunan)"),
            ("2026-01-01", "Periode '2026-01-01' tidak dikenal; contoh: 2026-01 (bulan), 2026-T1 (triwulan), 2026 (tahunan)"),
            ("+026", "Periode '+026' tidak dikenal; contoh: 2026-01 (bulan), 2026-T1 (triwulan), 2026 (tahunan)"),
        ];
        for (s, pesan) in tabel {
            let e = Periode::parse(s).unwrap_err();
            assert_eq!(e.to_string(), pesan, "{s}");
            assert_eq!(e.bidang(), "periode");
        }
        assert!(Periode::bulan(2026, 13).is_err());
        assert!(Periode::triwulan(2026, 0).is_err());
        assert!(Periode::bulan(1800, 1).is_err());
        assert_eq!(
            Periode::bulan(2026, 3),
            Ok(Periode::Bulan {
                tahun: 2026,
                bulan: 3
            })
        );
        // Unchecked values do not panic.
        let aneh = Periode::Bulan {
            tahun: 2026,
            bulan: 13,
        };
        assert_eq!(aneh.mulai(), t(2026, 12, 1));
        assert_eq!(aneh.selesai(), t(2026, 12, 31));
        let _ = Periode::Triwulan {
            tahun: i32::MAX,
            ke: 0,
        }
        .label();
        let _ = Periode::Tahunan { tahun: i32::MIN }.selesai();
    }

    #[test]
    fn berjalan_dan_dalam_tahun() {
        assert_eq!(
            periode_berjalan(JenisPeriode::Bulanan, t(2026, 11, 21)),
            Periode::Bulan {
                tahun: 2026,
                bulan: 11
            }
        );
        let kasus = [
            (1, 1),
            (3, 1),
            (4, 2),
            (6, 2),
            (7, 3),
            (9, 3),
            (10, 4),
            (12, 4),
        ];
        for (bulan, ke) in kasus {
            assert_eq!(
                periode_berjalan(JenisPeriode::Triwulanan, t(2026, bulan, 15)),
                Periode::Triwulan { tahun: 2026, ke }
            );
        }
        let bulanan = periode_dalam_tahun(JenisPeriode::Bulanan, 2026);
        assert_eq!(bulanan.len(), 12);
        assert_eq!(bulanan[0].kode(), "2026-01");
        assert_eq!(bulanan[11].kode(), "2026-12");
        let tri = periode_dalam_tahun(JenisPeriode::Triwulanan, 2026);
        assert_eq!(
            tri.iter().map(Periode::kode).collect::<Vec<_>>(),
            ["2026-T1", "2026-T2", "2026-T3", "2026-T4"]
        );
        // The periods of a year tile it without gaps.
        for jenis in JenisPeriode::SEMUA {
            let ps = periode_dalam_tahun(*jenis, 2024);
            assert_eq!(ps[0].mulai(), t(2024, 1, 1));
            assert_eq!(ps[ps.len() - 1].selesai(), t(2024, 12, 31));
            for w in ps.windows(2) {
                assert_eq!(w[0].selesai().succ_opt().unwrap(), w[1].mulai());
            }
        }
    }

    #[test]
    fn serde_periode() {
        let p = Periode::Triwulan { tahun: 2026, ke: 3 };
        assert_eq!(serde_json::to_string(&p).unwrap(), "\"2026-T3\"");
        assert_eq!(serde_json::from_str::<Periode>("\"2026-T3\"").unwrap(), p);
        assert!(serde_json::from_str::<Periode>("\"2026-13\"").is_err());
    }

    proptest! {
        #[test]
        fn tanggal_ada_di_periode_berjalannya(hari in 0i64..(200 * 366)) {
            let d = t(1950, 1, 1) + chrono::Duration::days(hari);
            for jenis in JenisPeriode::SEMUA {
                let p = periode_berjalan(*jenis, d);
                prop_assert!(p.memuat(d));
                prop_assert_eq!(Periode::parse(&p.kode()), Ok(p));
                prop_assert!(p.tahunan().memuat(d));
            }
        }

        #[test]
        fn teks_sembarang_tidak_panik(s in "\\PC{0,10}") {
            let _ = Periode::parse(&s);
        }
    }
}
