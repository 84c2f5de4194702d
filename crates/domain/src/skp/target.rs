//! The target of an IKI (Pasal 8(2)): a number or a range with its unit ("90–95 %",
//! "12 dokumen", "≤ 3 hari"), or, for the kualitatif approach, a description.
//!
//! Targets should leave room for error (ranges), so a range is a first-class value; the bounds are
//! kept so that a cascaded share can be checked against the leader's target.

use super::GalatSkp;
use crate::perilaku::Pendekatan;
use serde::{Deserialize, Serialize};

/// A parsed target. `teks` is what the pegawai wrote, kept verbatim for documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Target {
    pub teks: String,
    /// Lower bound, when the text starts with a number or a range.
    pub min: Option<f64>,
    /// Upper bound (equal to `min` for a single number).
    pub maks: Option<f64>,
    /// The unit of measure after the number ("%", "dokumen", "hari").
    pub satuan: Option<String>,
}

/// Parse `"12,5"` or `"12.5"` (Indonesian decimal comma allowed; thousands dots are not).
fn angka(s: &str) -> Option<f64> {
    let s = s.trim();
    if s.is_empty()
        || !s
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return None;
    }
    let s = s.replace(',', ".");
    if s.matches('.').count() > 1 {
        return None;
    }
    // Hundreds of digits parse to infinity, which no target means (and JSON cannot carry).
    s.parse().ok().filter(|x: &f64| x.is_finite())
}

/// Split "90–95 %" into ("90–95", "%"): the leading run of digits, separators and range marks.
fn pisah_angka(s: &str) -> (&str, &str) {
    let akhir = s
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || matches!(c, ',' | '.' | '-' | '–' | '—' | ' ')))
        .map(|(i, _)| i)
        .unwrap_or(s.len());
    (s[..akhir].trim(), s[akhir..].trim())
}

/// "10 s.d. 12", "10 s/d 12", "10 sampai 12" read as "10-12".
fn normalkan_rentang(s: &str) -> String {
    let mut s = s.to_string();
    for kata in [" s.d. ", " s.d ", " s/d ", " sd ", " sampai "] {
        s = s.replace(kata, "-");
    }
    s
}

impl Target {
    /// Read a target for an SKP with this approach. Kuantitatif needs a number or range with a
    /// unit of measure; kualitatif takes any description (numbers in it are still read).
    pub fn parse(teks: &str, pendekatan: Pendekatan) -> Result<Target, GalatSkp> {
        let teks = teks.trim();
        if teks.is_empty() {
            return Err(GalatSkp::tidak_valid(
                "target",
                "Target IKI wajib diisi (boleh berupa rentang, mis. \"90–95 %\")",
            ));
        }
        let rentang = normalkan_rentang(teks);
        let (bilangan, satuan) = pisah_angka(&rentang);
        let normal = bilangan.replace(['–', '—'], "-");
        let batas: Option<(f64, f64)> = match normal.split_once('-') {
            Some((a, b)) => angka(a).zip(angka(b)),
            None => angka(&normal).map(|a| (a, a)),
        };
        match (batas, pendekatan) {
            (Some((min, maks)), _) => {
                if min > maks {
                    return Err(GalatSkp::tidak_valid(
                        "target",
                        format!("Rentang target terbalik: {min} lebih besar dari {maks}"),
                    ));
                }
                if satuan.is_empty() && pendekatan == Pendekatan::Kuantitatif {
                    return Err(GalatSkp::tidak_valid(
                        "target",
                        "Target kuantitatif memerlukan satuan ukuran (mis. \"12 dokumen\", \"90–95 %\")",
                    ));
                }
                Ok(Target {
                    teks: teks.to_string(),
                    min: Some(min),
                    maks: Some(maks),
                    satuan: (!satuan.is_empty()).then(|| satuan.to_string()),
                })
            }
            (None, Pendekatan::Kuantitatif) => Err(GalatSkp::tidak_valid(
                "target",
                "Target kuantitatif harus diawali angka atau rentang angka dengan satuan (mis. \"12 dokumen\", \"90–95 %\")",
            )),
            (None, Pendekatan::Kualitatif) => Ok(Target {
                teks: teks.to_string(),
                min: None,
                maks: None,
                satuan: None,
            }),
        }
    }

    /// Whether this is a range rather than a single value.
    pub fn rentang(&self) -> bool {
        matches!((self.min, self.maks), (Some(a), Some(b)) if a < b)
    }

    /// Same unit of measure, compared without case or surrounding spaces.
    pub fn satuan_sama(&self, lain: &Target) -> bool {
        match (&self.satuan, &lain.satuan) {
            (Some(a), Some(b)) => a.trim().to_lowercase() == b.trim().to_lowercase(),
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Pendekatan::*;

    fn t(s: &str) -> Target {
        Target::parse(s, Kuantitatif).unwrap()
    }

    #[test]
    fn angka_tak_hingga_ditolak() {
        // The fuzz target's invariant (finite bounds): 400 digits used to parse to infinity.
        let besar = format!("1{} dokumen", "0".repeat(400));
        assert!(Target::parse(&besar, Kuantitatif).is_err());
        let r = Target::parse(&besar, Kualitatif).unwrap();
        assert_eq!((r.min, r.maks), (None, None));
        let rentang = format!("1-1{} dokumen", "0".repeat(400));
        assert!(Target::parse(&rentang, Kuantitatif).is_err());
        // The largest ordinary numbers still read.
        let x = t(&format!("1{} rupiah", "0".repeat(300)));
        assert!(x.min.is_some_and(f64::is_finite));
    }

    #[test]
    fn rentang_dan_satuan() {
        let x = t("90–95 %");
        assert_eq!(
            (x.min, x.maks, x.satuan.as_deref()),
            (Some(90.0), Some(95.0), Some("%"))
        );
        assert!(x.rentang());
        let x = t("90-95%");
        assert_eq!((x.min, x.maks), (Some(90.0), Some(95.0)));
        let x = t("12 dokumen");
        assert_eq!(
            (x.min, x.maks, x.satuan.as_deref()),
            (Some(12.0), Some(12.0), Some("dokumen"))
        );
        assert!(!x.rentang());
        let x = t("2,5 hari");
        assert_eq!(x.min, Some(2.5));
        let x = t("10 s.d. 12 laporan");
        assert_eq!(
            (x.min, x.maks, x.satuan.as_deref()),
            (Some(10.0), Some(12.0), Some("laporan"))
        );
        let x = t("4 sampel");
        assert_eq!((x.min, x.satuan.as_deref()), (Some(4.0), Some("sampel")));
        assert_eq!(x.teks, "4 sampel");
    }

    #[test]
    fn target_kosong_atau_tanpa_satuan_ditolak() {
        let e = Target::parse("  ", Kuantitatif).unwrap_err();
        assert_eq!(e.bidang(), Some("target"));
        assert!(e.to_string().contains("wajib"));
        assert!(Target::parse("", Kualitatif).is_err());
        assert!(Target::parse("100", Kuantitatif)
            .unwrap_err()
            .to_string()
            .contains("satuan"));
        assert!(Target::parse("tinggi sekali", Kuantitatif).is_err());
        assert!(Target::parse("95-90 %", Kuantitatif)
            .unwrap_err()
            .to_string()
            .contains("terbalik"));
        assert!(Target::parse("1.2.3 dokumen", Kuantitatif).is_err());
    }

    #[test]
    fn kualitatif_menerima_deskripsi() {
        let x = Target::parse("Laporan diterima tanpa revisi", Kualitatif).unwrap();
        assert_eq!(x.min, None);
        assert_eq!(x.teks, "Laporan diterima tanpa revisi");
        let x = Target::parse("100", Kualitatif).unwrap();
        assert_eq!(x.maks, Some(100.0));
    }

    #[test]
    fn satuan_dibandingkan_tanpa_huruf_besar() {
        assert!(t("10 Dokumen").satuan_sama(&t("3 dokumen")));
        assert!(!t("10 dokumen").satuan_sama(&t("3 %")));
    }
}
