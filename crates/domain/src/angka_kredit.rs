//! Angka kredit of a jabatan fungsional from its predikat (PermenPANRB 1/2023, Peraturan BKN
//! 3/2023; `distribution.md`): `AK = bulan/12 × persentase(predikat) × koefisien(jenjang)`.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::jabatan::Jenjang;
use crate::kuadran::Predikat;

/// Percentage of the yearly koefisien earned by a predikat.
pub fn persentase(p: Predikat) -> u32 {
    match p {
        Predikat::SangatBaik => 150,
        Predikat::Baik => 100,
        Predikat::ButuhPerbaikan => 75,
        Predikat::Kurang => 50,
        Predikat::SangatKurang => 25,
    }
}

/// Koefisien per year in quarters of a point (exact integers): Pemula 3.75 = 15/4, …
fn koefisien_perempat(j: Jenjang) -> u64 {
    match j {
        Jenjang::Pemula => 15,
        Jenjang::Terampil => 20,
        Jenjang::Mahir => 50,
        Jenjang::Penyelia => 100,
        Jenjang::AhliPertama => 50,
        Jenjang::AhliMuda => 100,
        Jenjang::AhliMadya => 150,
        Jenjang::AhliUtama => 200,
    }
}

/// Yearly koefisien of a jenjang.
pub fn koefisien(j: Jenjang) -> f64 {
    koefisien_perempat(j) as f64 / 4.0
}

/// Credit points for a period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct AngkaKredit {
    /// For display: rounded half up to 2 decimals.
    pub angka_kredit: f64,
    /// Unrounded value, to be stored.
    pub nilai_eksak: f64,
    pub koefisien: f64,
    /// Percentage of the koefisien (150 for Sangat Baik).
    pub persentase: f64,
}

/// A month count outside 1..=12.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("Bulan harus antara 1 dan 12 (diterima {0})")]
pub struct BulanError(pub u32);

impl BulanError {
    /// The API field this error concerns.
    pub fn bidang(&self) -> &'static str {
        "bulan"
    }
}

/// Angka kredit for `bulan` months (12 = a whole year) at predikat `p` in jenjang `j`.
pub fn angka_kredit(j: Jenjang, p: Predikat, bulan: u32) -> Result<AngkaKredit, BulanError> {
    if !(1..=12).contains(&bulan) {
        return Err(BulanError(bulan));
    }
    // Exact value = bulan × persen × koef/4 / (12 × 100) = pembilang / 4800.
    let pembilang = u64::from(bulan) * u64::from(persentase(p)) * koefisien_perempat(j);
    const PENYEBUT: u64 = 4800;
    // Hundredths rounded half up, in integers: floor((pembilang·100 + 2400) / 4800).
    let seratusan = (pembilang * 100 + PENYEBUT / 2) / PENYEBUT;
    Ok(AngkaKredit {
        angka_kredit: seratusan as f64 / 100.0,
        nilai_eksak: pembilang as f64 / PENYEBUT as f64,
        koefisien: koefisien(j),
        persentase: f64::from(persentase(p)),
    })
}

/// Rounds half up (away from zero for negatives) to 2 decimals, tolerating binary
/// representation error (1.005 → 1.01).
pub fn bulatkan_2(x: f64) -> f64 {
    if !x.is_finite() {
        return x;
    }
    let y = x.abs() * 100.0;
    // A relative nudge absorbs representation error such as 1.005 = 1.00499999…
    let dibulatkan = (y + 0.5 + y * 1e-12).floor();
    dibulatkan.copysign(x) / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use Jenjang::*;
    use Predikat::*;

    #[test]
    fn contoh_distribution_md() {
        let ak = angka_kredit(AhliPertama, SangatBaik, 12).unwrap();
        assert_eq!(ak.angka_kredit, 18.75);
        assert_eq!(ak.nilai_eksak, 18.75);
        assert_eq!(ak.koefisien, 12.5);
        assert_eq!(ak.persentase, 150.0);

        let ak = angka_kredit(AhliPertama, Baik, 2).unwrap();
        assert_eq!(ak.angka_kredit, 2.08);
        assert!((ak.nilai_eksak - 2.083_333_333).abs() < 1e-9);
    }

    #[test]
    fn semua_jenjang_kali_predikat_setahun() {
        let koef = [
            (Pemula, 3.75),
            (Terampil, 5.0),
            (Mahir, 12.5),
            (Penyelia, 25.0),
            (AhliPertama, 12.5),
            (AhliMuda, 25.0),
            (AhliMadya, 37.5),
            (AhliUtama, 50.0),
        ];
        let pers = [
            (SangatBaik, 150),
            (Baik, 100),
            (ButuhPerbaikan, 75),
            (Kurang, 50),
            (SangatKurang, 25),
        ];
        assert_eq!(koef.len(), Jenjang::SEMUA.len());
        for (j, k) in koef {
            assert_eq!(koefisien(j), k);
            for (p, pr) in pers {
                assert_eq!(persentase(p), pr);
                let ak = angka_kredit(j, p, 12).unwrap();
                let eksak = k * f64::from(pr) / 100.0;
                assert_eq!(ak.nilai_eksak, eksak, "{j:?} {p:?}");
                assert_eq!(ak.angka_kredit, bulatkan_2(eksak), "{j:?} {p:?}");
            }
        }
        // Spot values: Pemula Sangat Kurang = 0.9375 → 0.94; Ahli Utama Sangat Baik = 75.
        assert_eq!(
            angka_kredit(Pemula, SangatKurang, 12).unwrap().angka_kredit,
            0.94
        );
        assert_eq!(
            angka_kredit(AhliUtama, SangatBaik, 12)
                .unwrap()
                .angka_kredit,
            75.0
        );
        assert_eq!(
            angka_kredit(Pemula, ButuhPerbaikan, 12)
                .unwrap()
                .angka_kredit,
            2.81
        );
    }

    #[test]
    fn sebagian_tahun() {
        // Pemula Butuh Perbaikan 1 month: 3.75 × 0.75 / 12 = 0.234375 → 0.23.
        let ak = angka_kredit(Pemula, ButuhPerbaikan, 1).unwrap();
        assert_eq!(ak.angka_kredit, 0.23);
        assert_eq!(ak.nilai_eksak, 0.234375);
        // Ahli Madya Kurang 6 months: 37.5 × 0.5 / 2 = 9.375 → 9.38 (half up).
        assert_eq!(
            angka_kredit(AhliMadya, Kurang, 6).unwrap().angka_kredit,
            9.38
        );
        // Terampil Baik 5 months: 5 × 5/12 = 2.08333 → 2.08.
        assert_eq!(angka_kredit(Terampil, Baik, 5).unwrap().angka_kredit, 2.08);
    }

    #[test]
    fn bulan_tidak_sah() {
        for b in [0, 13, 100] {
            let e = angka_kredit(AhliMuda, Baik, b).unwrap_err();
            assert_eq!(e, BulanError(b));
            assert_eq!(e.bidang(), "bulan");
            assert_eq!(
                e.to_string(),
                format!("Bulan harus antara 1 dan 12 (diterima {b})")
            );
        }
    }

    #[test]
    fn pembulatan_setengah_ke_atas() {
        let tabel = [
            (2.083_333, 2.08),
            (2.085, 2.09),
            (1.005, 1.01),
            (0.125, 0.13),
            (9.375, 9.38),
            (0.0, 0.0),
            (18.75, 18.75),
            (2.004_999, 2.0),
            (-1.005, -1.01),
        ];
        for (x, harap) in tabel {
            assert_eq!(bulatkan_2(x), harap, "{x}");
        }
        assert!(bulatkan_2(f64::NAN).is_nan());
    }

    #[test]
    fn serde_angka_kredit() {
        let v = serde_json::to_value(angka_kredit(AhliPertama, Baik, 2).unwrap()).unwrap();
        assert_eq!(v["angka_kredit"], 2.08);
        assert_eq!(v["koefisien"], 12.5);
        assert_eq!(v["persentase"], 100.0);
    }
}
