//! Kinds of jabatan (position) and the jenjang of jabatan fungsional.

use crate::enumerasi;

enumerasi!(
    /// Jenis jabatan: JPT (Utama, Madya, Pratama), JA (Administrator, Pengawas, Pelaksana), JF.
    JenisJabatan, "jenis_jabatan", {
        JptUtama => ("jpt_utama", "JPT Utama"),
        JptMadya => ("jpt_madya", "JPT Madya"),
        JptPratama => ("jpt_pratama", "JPT Pratama"),
        Administrator => ("administrator", "Administrator"),
        Pengawas => ("pengawas", "Pengawas"),
        Pelaksana => ("pelaksana", "Pelaksana"),
        Fungsional => ("fungsional", "Fungsional"),
    }
);

impl JenisJabatan {
    /// JPT of any level (formats 1/2 apply).
    pub fn is_jpt(self) -> bool {
        matches!(self, Self::JptUtama | Self::JptMadya | Self::JptPratama)
    }

    /// A pejabat penilai must be at least a pejabat pengawas (Pasal 1.16, 26(1)).
    pub fn setidaknya_pengawas(self) -> bool {
        self.is_jpt() || matches!(self, Self::Administrator | Self::Pengawas)
    }
}

enumerasi!(
    /// Jenjang of a jabatan fungsional: keterampilan (Pemula … Penyelia) and keahlian (Ahli …).
    Jenjang, "jenjang", {
        Pemula => ("pemula", "Pemula"),
        Terampil => ("terampil", "Terampil"),
        Mahir => ("mahir", "Mahir"),
        Penyelia => ("penyelia", "Penyelia"),
        AhliPertama => ("ahli_pertama", "Ahli Pertama"),
        AhliMuda => ("ahli_muda", "Ahli Muda"),
        AhliMadya => ("ahli_madya", "Ahli Madya"),
        AhliUtama => ("ahli_utama", "Ahli Utama"),
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kode_dan_parse_bolak_balik() {
        for j in Jenjang::SEMUA {
            assert_eq!(j.kode().parse::<Jenjang>().unwrap(), *j);
        }
        let e = "ahli".parse::<Jenjang>().unwrap_err();
        assert_eq!(e.bidang, "jenjang");
        assert!(e.to_string().contains("ahli_pertama"));
        assert!(JenisJabatan::Pengawas.setidaknya_pengawas());
        assert!(!JenisJabatan::Pelaksana.setidaknya_pengawas());
        assert!(!JenisJabatan::Fungsional.setidaknya_pengawas());
        assert_eq!(
            serde_json::to_string(&JenisJabatan::JptPratama).unwrap(),
            "\"jpt_pratama\""
        );
    }
}
