//! The instansi's calendar of the execution stage: when a month's documentation is due (Pasal
//! 16(3): monthly), when the next berkala feedback is due (the schedule agreed in the skema
//! pertanggungjawaban, Pasal 19(2)), when a period's evaluation is due, and when a reminder of
//! any of these should reach someone.

use crate::enumerasi;
use crate::periode::Periode;
use chrono::{Datelike, Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

enumerasi!(
    /// How often the leader gives berkala feedback, as agreed with the pegawai.
    FrekuensiUmpanBalik, "frekuensi_umpan_balik", {
        Mingguan => ("mingguan", "Setiap minggu"),
        DuaMingguan => ("dua_mingguan", "Setiap dua minggu"),
        Bulanan => ("bulanan", "Setiap bulan"),
        Triwulanan => ("triwulanan", "Setiap triwulan"),
    }
);

impl FrekuensiUmpanBalik {
    /// The day one interval after `dari`.
    pub fn setelah(self, dari: NaiveDate) -> NaiveDate {
        let r = match self {
            Self::Mingguan => dari.checked_add_days(Days::new(7)),
            Self::DuaMingguan => dari.checked_add_days(Days::new(14)),
            Self::Bulanan => dari.checked_add_months(Months::new(1)),
            Self::Triwulanan => dari.checked_add_months(Months::new(3)),
        };
        r.unwrap_or(NaiveDate::MAX)
    }
}

/// The instansi's settings for deadlines and reminders (part of its policy profile).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct Kalender {
    /// Days before a deadline the reminder goes out.
    pub hari_pengingat: u32,
    /// The berkala schedule when an SKP's lampiran does not name one.
    pub frekuensi_umpan_balik: FrekuensiUmpanBalik,
    /// Days after a period ends by which its evaluation is due.
    pub hari_evaluasi: u32,
}

impl Default for Kalender {
    fn default() -> Self {
        Kalender {
            hari_pengingat: 3,
            frekuensi_umpan_balik: FrekuensiUmpanBalik::Bulanan,
            hari_evaluasi: 5,
        }
    }
}

impl Kalender {
    /// Checks the settings; each problem as (field, Indonesian message).
    pub fn periksa(&self) -> Vec<(String, String)> {
        let mut e = Vec::new();
        if self.hari_pengingat > 14 {
            e.push((
                "kalender.hari_pengingat".into(),
                "Pengingat paling awal 14 hari sebelum batas".into(),
            ));
        }
        if self.hari_evaluasi > 31 {
            e.push((
                "kalender.hari_evaluasi".into(),
                "Batas evaluasi paling lambat 31 hari setelah periode berakhir".into(),
            ));
        }
        e
    }

    /// Whether a reminder of `batas` is due on `hari_ini`: from `hari_pengingat` days before the
    /// deadline up to the deadline itself.
    pub fn saatnya_mengingatkan(&self, batas: NaiveDate, hari_ini: NaiveDate) -> bool {
        let mulai = batas
            .checked_sub_days(Days::new(u64::from(self.hari_pengingat)))
            .unwrap_or(NaiveDate::MIN);
        (mulai..=batas).contains(&hari_ini)
    }

    /// The last day to evaluate a period.
    pub fn batas_evaluasi(&self, p: &Periode) -> NaiveDate {
        p.selesai()
            .checked_add_days(Days::new(u64::from(self.hari_evaluasi)))
            .unwrap_or(NaiveDate::MAX)
    }
}

/// The last day to document a month: the month's last day ("before the month closes").
pub fn batas_dokumentasi(tahun: i32, bulan: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(tahun, bulan, 1)
        .and_then(|d| d.checked_add_months(Months::new(1)))
        .and_then(|d| d.pred_opt())
        .unwrap_or(NaiveDate::MAX)
}

/// When the next berkala feedback is due: one interval after the last one, or after the SKP was
/// set when none has been given yet.
pub fn berkala_berikutnya(
    frekuensi: FrekuensiUmpanBalik,
    ditetapkan: NaiveDate,
    terakhir: Option<NaiveDate>,
) -> NaiveDate {
    frekuensi.setelah(terakhir.map_or(ditetapkan, |t| t.max(ditetapkan)))
}

/// The month (1–12) a date falls in, and the year.
pub fn bulan_dari(d: NaiveDate) -> (i32, u32) {
    (d.year(), d.month())
}
