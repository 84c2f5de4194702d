//! Cascading a leader's RHK into the RHK of the team (seed 002, matriks peran hasil): *direct*
//! by stage, region or a share of a quantitative target, or *non-direct* by product or service.

use super::{GalatSkp, HasilSkp, Target};
use crate::enumerasi;

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
    fn jenis_kaskade() {
        assert_eq!(DasarKaskade::Wilayah.jenis(), JenisKaskade::Langsung);
        assert_eq!(DasarKaskade::Layanan.jenis(), JenisKaskade::TidakLangsung);
    }
}
