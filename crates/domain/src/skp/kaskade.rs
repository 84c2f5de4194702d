//! Cascading a leader's RHK into the RHK of the team (seed 002, matriks peran hasil): *direct*
//! by stage, region or a share of a quantitative target, or *non-direct* by product or service.

use super::{GalatSkp, HasilSkp, Rhk, Target};
use crate::enumerasi;
use crate::perilaku::AspekIki;

enumerasi!(
    /// How a member RHK was cascaded from the leader's RHK.
    DasarKaskade, "dasar_kaskade", {
        Tahapan => ("tahapan", "Langsung — pembagian tahapan/aspek"),
        Wilayah => ("wilayah", "Langsung — pembagian wilayah"),
        PorsiTarget => ("porsi_target", "Langsung — porsi target kuantitatif"),
        Produk => ("produk", "Tidak langsung — produk"),
        Layanan => ("layanan", "Tidak langsung — layanan"),
    }
);

enumerasi!(
    /// Direct or non-direct cascading.
    JenisKaskade, "jenis_kaskade", {
        Langsung => ("langsung", "Langsung"),
        TidakLangsung => ("tidak_langsung", "Tidak langsung"),
    }
);

impl DasarKaskade {
    pub fn jenis(self) -> JenisKaskade {
        match self {
            Self::Tahapan | Self::Wilayah | Self::PorsiTarget => JenisKaskade::Langsung,
            Self::Produk | Self::Layanan => JenisKaskade::TidakLangsung,
        }
    }
}

/// The shares of a quantitative target given to the team may not add up to more than the
/// leader's target. `pimpinan` is the leader's target; `porsi` the members' targets (with a
/// label each, for the message). Each share must be a number in the same unit.
pub fn periksa_porsi(pimpinan: &Target, porsi: &[(String, Target)]) -> HasilSkp<()> {
    let Some(maks) = pimpinan.maks.filter(|_| pimpinan.satuan.is_some()) else {
        return Err(GalatSkp::tidak_valid(
            "dasar_kaskade",
            format!(
                "Target pimpinan \"{}\" bukan angka dengan satuan, jadi tidak dapat dibagi sebagai porsi",
                pimpinan.teks
            ),
        ));
    };
    let mut jumlah = 0.0;
    for (nama, t) in porsi {
        if !t.satuan_sama(pimpinan) || t.maks.is_none() {
            return Err(GalatSkp::tidak_valid(
                "target",
                format!(
                    "Porsi {nama} (\"{}\") harus berupa angka dengan satuan yang sama dengan target pimpinan (\"{}\")",
                    t.teks, pimpinan.teks
                ),
            ));
        }
        jumlah += t.maks.unwrap_or(0.0);
    }
    if jumlah > maks + 1e-9 {
        let satuan = pimpinan.satuan.as_deref().unwrap_or("");
        return Err(GalatSkp::tidak_valid(
            "target",
            format!(
                "Jumlah porsi tim ({} {satuan}) melebihi target pimpinan ({} {satuan})",
                angka(jumlah),
                angka(maks)
            ),
        ));
    }
    Ok(())
}

/// The target of an RHK that a share is measured in: its first kuantitas IKI, else its first
/// IKI.
pub fn target_porsi(rhk: &Rhk) -> Option<&Target> {
    rhk.iki
        .iter()
        .find(|i| i.aspek == Some(AspekIki::Kuantitas))
        .or_else(|| rhk.iki.first())
        .map(|i| &i.target)
}

/// Check every share cascaded from the leader's RHK `pimpinan`: the members' RHK (named) that
/// intervene it with [`DasarKaskade::PorsiTarget`]. Other bases are not checked.
pub fn periksa_kaskade(pimpinan: &Rhk, anggota: &[(String, &Rhk)]) -> HasilSkp<()> {
    let porsi: Vec<(String, Target)> = anggota
        .iter()
        .filter(|(_, r)| {
            r.dasar_kaskade == Some(DasarKaskade::PorsiTarget) && r.intervensi_rhk_id == pimpinan.id
        })
        .filter_map(|(n, r)| target_porsi(r).map(|t| (n.clone(), t.clone())))
        .collect();
    if porsi.is_empty() {
        return Ok(());
    }
    let Some(t) = target_porsi(pimpinan) else {
        return Err(GalatSkp::tidak_valid(
            "dasar_kaskade",
            "RHK pimpinan belum memiliki IKI dengan target, jadi tidak dapat dibagi sebagai porsi",
        ));
    };
    periksa_porsi(t, &porsi)
}

/// 12 → "12", 12.5 → "12,5" (Indonesian decimal comma).
fn angka(x: f64) -> String {
    if x.fract() == 0.0 {
        format!("{x:.0}")
    } else {
        format!("{x}").replace('.', ",")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::perilaku::Pendekatan;

    fn t(s: &str) -> Target {
        Target::parse(s, Pendekatan::Kuantitatif).unwrap()
    }

    #[test]
    fn porsi_sampai_target_pimpinan_diterima() {
        let p = t("100 dokumen");
        let porsi = vec![("A".into(), t("60 dokumen")), ("B".into(), t("40 Dokumen"))];
        assert!(periksa_porsi(&p, &porsi).is_ok());
        assert!(periksa_porsi(&p, &[]).is_ok());
    }

    #[test]
    fn porsi_melebihi_target_ditolak() {
        let p = t("100 dokumen");
        let porsi = vec![("A".into(), t("60 dokumen")), ("B".into(), t("41 dokumen"))];
        let e = periksa_porsi(&p, &porsi).unwrap_err();
        assert_eq!(e.bidang(), Some("target"));
        assert_eq!(
            e.to_string(),
            "Jumlah porsi tim (101 dokumen) melebihi target pimpinan (100 dokumen)"
        );
        // A range counts with its upper bound.
        let porsi = vec![("A".into(), t("90-101 dokumen"))];
        assert!(periksa_porsi(&p, &porsi).is_err());
    }

    #[test]
    fn porsi_satuan_lain_atau_pimpinan_kualitatif_ditolak() {
        let p = t("100 dokumen");
        let e = periksa_porsi(&p, &[("A".into(), t("10 %"))]).unwrap_err();
        assert!(e.to_string().contains("satuan yang sama"));
        let q = Target::parse("Tersusunnya laporan", Pendekatan::Kualitatif).unwrap();
        assert_eq!(
            periksa_porsi(&q, &[]).unwrap_err().bidang(),
            Some("dasar_kaskade")
        );
    }

    #[test]
    fn kaskade_per_rhk_pimpinan() {
        use crate::perilaku::JenisRhk;
        use crate::skp::Iki;
        let rhk = |id: i64, interv: Option<i64>, dasar: Option<DasarKaskade>, target: &str| Rhk {
            id: Some(id),
            jenis: JenisRhk::Utama,
            uraian: format!("RHK {id}"),
            penugasan_dari: "Kepala Dinas".into(),
            intervensi_rhk_id: interv,
            dasar_kaskade: dasar,
            perspektif: None,
            penugasan_id: None,
            iki: vec![Iki {
                id: None,
                aspek: Some(AspekIki::Kuantitas),
                indikator: "Jumlah".into(),
                target: t(target),
                manual_indikator: None,
            }],
        };
        let p = rhk(1, None, None, "100 sekolah");
        let a = rhk(2, Some(1), Some(DasarKaskade::PorsiTarget), "60 sekolah");
        let b = rhk(3, Some(1), Some(DasarKaskade::PorsiTarget), "50 sekolah");
        // Another basis, or another leader RHK, is not a share of this target.
        let c = rhk(4, Some(1), Some(DasarKaskade::Wilayah), "90 sekolah");
        let d = rhk(5, Some(9), Some(DasarKaskade::PorsiTarget), "90 sekolah");
        assert!(
            periksa_kaskade(&p, &[("A".into(), &a), ("C".into(), &c), ("D".into(), &d)]).is_ok()
        );
        let e = periksa_kaskade(&p, &[("A".into(), &a), ("B".into(), &b)]).unwrap_err();
        assert!(e.to_string().contains("110 sekolah"));
    }

    #[test]
    fn jenis_kaskade() {
        assert_eq!(DasarKaskade::Wilayah.jenis(), JenisKaskade::Langsung);
        assert_eq!(DasarKaskade::Layanan.jenis(), JenisKaskade::TidakLangsung);
    }
}
