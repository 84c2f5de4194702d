//! Deadlines: setting the SKP (Pasal 13(1)) and filing a keberatan (PP 30/2019 Pasal 59).

use chrono::{Days, NaiveDate};

use crate::periode::tanggal_indonesia;

/// Last day to set (menetapkan) the SKP of `tahun`: the end of January (Pasal 13(1): "paling
/// lambat akhir bulan Januari").
pub fn batas_penetapan_skp(tahun: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(tahun, 1, 31).unwrap_or(NaiveDate::MAX)
}

/// Whether an SKP set on `ditetapkan` was set on time for `tahun`.
pub fn skp_tepat_waktu(tahun: i32, ditetapkan: NaiveDate) -> bool {
    ditetapkan <= batas_penetapan_skp(tahun)
}

/// Days a pegawai has to file a keberatan after receiving the evaluation.
pub const HARI_KEBERATAN: i64 = 14;

/// Last day to file a keberatan on an evaluation received on `diterima`.
///
/// Reading chosen: "within 14 days of receiving" counts from the day after receipt, so day 14
/// after receipt is the last day (received 21 November → last day 5 December). A keberatan
/// filed on that day is on time; one filed the day after is late.
pub fn batas_keberatan(diterima: NaiveDate) -> NaiveDate {
    diterima
        .checked_add_days(Days::new(HARI_KEBERATAN.unsigned_abs()))
        .unwrap_or(NaiveDate::MAX)
}

/// A keberatan filed after its deadline.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("Keberatan terlambat: batas pengajuan {}", tanggal_indonesia(*batas))]
pub struct KeberatanTerlambat {
    /// The last day it could have been filed.
    pub batas: NaiveDate,
    pub diajukan: NaiveDate,
}

impl KeberatanTerlambat {
    /// The API field this error concerns.
    pub fn bidang(&self) -> &'static str {
        "diajukan"
    }
}

/// Checks that a keberatan filed on `diajukan` meets the deadline of an evaluation received on
/// `diterima`. (Filing before receipt is not "late"; the caller checks the order of events.)
pub fn periksa_keberatan(
    diterima: NaiveDate,
    diajukan: NaiveDate,
) -> Result<(), KeberatanTerlambat> {
    let batas = batas_keberatan(diterima);
    if diajukan > batas {
        Err(KeberatanTerlambat { batas, diajukan })
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn batas_skp_akhir_januari() {
        assert_eq!(batas_penetapan_skp(2026), t(2026, 1, 31));
        assert!(skp_tepat_waktu(2026, t(2026, 1, 31)));
        assert!(skp_tepat_waktu(2026, t(2025, 12, 20)));
        assert!(!skp_tepat_waktu(2026, t(2026, 2, 1)));
    }

    #[test]
    fn batas_keberatan_hari_ke_14() {
        assert_eq!(batas_keberatan(t(2026, 11, 21)), t(2026, 12, 5));
        assert_eq!(batas_keberatan(t(2026, 12, 25)), t(2027, 1, 8));
        assert_eq!(batas_keberatan(t(2028, 2, 20)), t(2028, 3, 5)); // leap year
        assert_eq!(batas_keberatan(NaiveDate::MAX), NaiveDate::MAX);
    }

    #[test]
    fn keberatan_di_tepi() {
        let diterima = t(2026, 11, 21);
        assert_eq!(periksa_keberatan(diterima, diterima), Ok(()));
        assert_eq!(periksa_keberatan(diterima, t(2026, 12, 4)), Ok(()));
        assert_eq!(periksa_keberatan(diterima, t(2026, 12, 5)), Ok(()));
        let e = periksa_keberatan(diterima, t(2026, 12, 6)).unwrap_err();
        assert_eq!(e.batas, t(2026, 12, 5));
        assert_eq!(e.diajukan, t(2026, 12, 6));
        assert_eq!(
            e.to_string(),
            "Keberatan terlambat: batas pengajuan 5 Desember 2026"
        );
        assert_eq!(e.bidang(), "diajukan");
        assert!(periksa_keberatan(diterima, t(2027, 1, 1)).is_err());
    }
}
