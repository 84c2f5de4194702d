//! Ratings, predikat and the kuadran kinerja (domain.md §5): the predikat follows from the rating
//! hasil kerja and the rating perilaku kerja, never typed by hand.

use crate::enumerasi;

enumerasi!(
    /// Rating hasil kerja or rating perilaku kerja, relative to the expectation.
    Rating, "rating", {
        DiatasEkspektasi => ("diatas_ekspektasi", "Di Atas Ekspektasi"),
        SesuaiEkspektasi => ("sesuai_ekspektasi", "Sesuai Ekspektasi"),
        DibawahEkspektasi => ("dibawah_ekspektasi", "Di Bawah Ekspektasi"),
    }
);

enumerasi!(
    /// Predikat kinerja pegawai, from best to worst (the derived order is that order).
    Predikat, "predikat", {
        SangatBaik => ("sangat_baik", "Sangat Baik"),
        Baik => ("baik", "Baik"),
        ButuhPerbaikan => ("butuh_perbaikan", "Butuh Perbaikan"),
        Kurang => ("kurang", "Kurang"),
        SangatKurang => ("sangat_kurang", "Sangat Kurang"),
    }
);

impl Predikat {
    /// The word used by PP 30/2019 and some formats: "Cukup" for Butuh Perbaikan, otherwise the
    /// ordinary label. It is the same grade.
    pub fn label_pp30(self) -> &'static str {
        match self {
            Self::ButuhPerbaikan => "Cukup",
            other => other.label(),
        }
    }

    /// The label with its alternative name where one exists, for documents:
    /// "Butuh Perbaikan (Cukup)", "Kurang (Misconduct)".
    pub fn label_lengkap(self) -> &'static str {
        match self {
            Self::SangatBaik => "Sangat Baik",
            Self::Baik => "Baik",
            Self::ButuhPerbaikan => "Butuh Perbaikan (Cukup)",
            Self::Kurang => "Kurang (Misconduct)",
            Self::SangatKurang => "Sangat Kurang",
        }
    }
}

enumerasi!(
    /// Capaian kinerja organisasi: the unit's performance for a period, set by the leader one
    /// level up (Pasal 24(1), 25(1)).
    CapaianOrganisasi, "capaian_organisasi", {
        Istimewa => ("istimewa", "Istimewa"),
        Baik => ("baik", "Baik"),
        ButuhPerbaikan => ("butuh_perbaikan", "Butuh Perbaikan"),
        Kurang => ("kurang", "Kurang"),
        SangatKurang => ("sangat_kurang", "Sangat Kurang"),
    }
);

impl CapaianOrganisasi {
    /// The mode of the distribution curve that follows from this unit performance.
    pub fn modus(self) -> Predikat {
        match self {
            Self::Istimewa => Predikat::SangatBaik,
            Self::Baik => Predikat::Baik,
            Self::ButuhPerbaikan => Predikat::ButuhPerbaikan,
            Self::Kurang => Predikat::Kurang,
            Self::SangatKurang => Predikat::SangatKurang,
        }
    }
}

/// The kuadran kinerja: rows rating hasil kerja, columns rating perilaku kerja.
///
/// | hasil \ perilaku | Di Bawah | Sesuai | Di Atas |
/// |---|---|---|---|
/// | Di Atas | Kurang (misconduct) | Baik | Sangat Baik |
/// | Sesuai | Kurang (misconduct) | Baik | Baik |
/// | Di Bawah | Sangat Kurang | Butuh Perbaikan | Butuh Perbaikan |
pub fn predikat(hasil_kerja: Rating, perilaku: Rating) -> Predikat {
    use Rating::*;
    match (hasil_kerja, perilaku) {
        (DiatasEkspektasi, DiatasEkspektasi) => Predikat::SangatBaik,
        (DiatasEkspektasi, SesuaiEkspektasi) => Predikat::Baik,
        (DiatasEkspektasi, DibawahEkspektasi) => Predikat::Kurang,
        (SesuaiEkspektasi, DiatasEkspektasi) => Predikat::Baik,
        (SesuaiEkspektasi, SesuaiEkspektasi) => Predikat::Baik,
        (SesuaiEkspektasi, DibawahEkspektasi) => Predikat::Kurang,
        (DibawahEkspektasi, DiatasEkspektasi) => Predikat::ButuhPerbaikan,
        (DibawahEkspektasi, SesuaiEkspektasi) => Predikat::ButuhPerbaikan,
        (DibawahEkspektasi, DibawahEkspektasi) => Predikat::SangatKurang,
    }
}

#[cfg(test)]
mod tests {
    use super::Rating::*;
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    #[test]
    fn tabel_kuadran_sembilan_sel() {
        let tabel = [
            (DiatasEkspektasi, DibawahEkspektasi, Predikat::Kurang),
            (DiatasEkspektasi, SesuaiEkspektasi, Predikat::Baik),
            (DiatasEkspektasi, DiatasEkspektasi, Predikat::SangatBaik),
            (SesuaiEkspektasi, DibawahEkspektasi, Predikat::Kurang),
            (SesuaiEkspektasi, SesuaiEkspektasi, Predikat::Baik),
            (SesuaiEkspektasi, DiatasEkspektasi, Predikat::Baik),
            (DibawahEkspektasi, DibawahEkspektasi, Predikat::SangatKurang),
            (
                DibawahEkspektasi,
                SesuaiEkspektasi,
                Predikat::ButuhPerbaikan,
            ),
            (
                DibawahEkspektasi,
                DiatasEkspektasi,
                Predikat::ButuhPerbaikan,
            ),
        ];
        for (hasil, perilaku, harap) in tabel {
            assert_eq!(predikat(hasil, perilaku), harap, "{hasil:?} × {perilaku:?}");
        }
    }

    #[test]
    fn jumlah_sel_per_predikat_seperti_seed_002() {
        let mut hitung: BTreeMap<Predikat, usize> = BTreeMap::new();
        for h in Rating::SEMUA {
            for p in Rating::SEMUA {
                *hitung.entry(predikat(*h, *p)).or_default() += 1;
            }
        }
        assert_eq!(hitung[&Predikat::SangatKurang], 1);
        assert_eq!(hitung[&Predikat::ButuhPerbaikan], 2);
        assert_eq!(hitung[&Predikat::Kurang], 2);
        assert_eq!(hitung[&Predikat::Baik], 3);
        assert_eq!(hitung[&Predikat::SangatBaik], 1);
        assert_eq!(hitung.values().sum::<usize>(), 9);
    }

    #[test]
    fn contoh_format_evaluasi_seed_003() {
        // Lampiran I, Format Evaluasi: rating hasil kerja Di Atas Ekspektasi, rating perilaku
        // Sesuai Ekspektasi, predikat Baik.
        assert_eq!(predikat(DiatasEkspektasi, SesuaiEkspektasi), Predikat::Baik);
    }

    #[test]
    fn label_dan_kode() {
        assert_eq!(Predikat::ButuhPerbaikan.label_pp30(), "Cukup");
        assert_eq!(Predikat::Baik.label_pp30(), "Baik");
        assert_eq!(
            Predikat::ButuhPerbaikan.label_lengkap(),
            "Butuh Perbaikan (Cukup)"
        );
        assert_eq!(Predikat::Kurang.label_lengkap(), "Kurang (Misconduct)");
        assert_eq!(Predikat::SangatKurang.to_string(), "Sangat Kurang");
        assert_eq!(Rating::DibawahEkspektasi.to_string(), "Di Bawah Ekspektasi");
        assert_eq!(
            "butuh_perbaikan".parse::<CapaianOrganisasi>().unwrap(),
            CapaianOrganisasi::ButuhPerbaikan
        );
        let e = "cukup".parse::<Predikat>().unwrap_err();
        assert_eq!(e.bidang, "predikat");
        assert_eq!(
            serde_json::to_string(&Rating::DiatasEkspektasi).unwrap(),
            "\"diatas_ekspektasi\""
        );
        let p: Predikat = serde_json::from_str("\"sangat_baik\"").unwrap();
        assert_eq!(p, Predikat::SangatBaik);
        assert!(serde_json::from_str::<Predikat>("\"istimewa\"").is_err());
    }

    #[test]
    fn modus_kurva() {
        use CapaianOrganisasi as C;
        assert_eq!(C::Istimewa.modus(), Predikat::SangatBaik);
        assert_eq!(C::Baik.modus(), Predikat::Baik);
        assert_eq!(C::ButuhPerbaikan.modus(), Predikat::ButuhPerbaikan);
        assert_eq!(C::Kurang.modus(), Predikat::Kurang);
        assert_eq!(C::SangatKurang.modus(), Predikat::SangatKurang);
    }

    fn rating() -> impl Strategy<Value = Rating> {
        prop::sample::select(Rating::SEMUA)
    }

    proptest! {
        /// Every rating pair gives exactly one predikat, and it is stable.
        #[test]
        fn setiap_pasangan_rating_satu_predikat(h in rating(), p in rating()) {
            let satu = predikat(h, p);
            prop_assert_eq!(satu, predikat(h, p));
            let cocok = Predikat::SEMUA.iter().filter(|x| **x == satu).count();
            prop_assert_eq!(cocok, 1);
        }
    }
}
