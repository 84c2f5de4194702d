//! The policy profile of an instansi: the values the seeds leave to each government (period
//! length, distribution guideline, TPP deductions, place printed on documents). Kept as data,
//! editable by the HR administrator and versioned by year (`distribution.md`).

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::distribusi::PedomanDistribusi;
use crate::enumerasi;
use crate::kuadran::Predikat;

enumerasi!(
    /// Length of the periodic evaluation (Pasal 24(2): monthly in Bekasi; PermenPANRB 6/2022
    /// also allows quarterly).
    JenisPeriode, "jenis_periode", {
        Bulanan => ("bulanan", "Bulanan"),
        Triwulanan => ("triwulanan", "Triwulanan"),
    }
);

/// TPP deduction for a predikat, in percent of the TPP.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct PotonganTpp {
    pub predikat: Predikat,
    pub persen_potongan: u32,
}

/// An instansi's policy profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ProfilKebijakan {
    /// Length of the periodic evaluation.
    pub periode: JenisPeriode,
    /// Distribution guideline per capaian kinerja organisasi.
    pub distribusi: PedomanDistribusi,
    /// TPP deduction per predikat; empty (the default) deducts nothing.
    pub tpp: Vec<PotonganTpp>,
    /// Place printed on documents, e.g. "Bekasi".
    pub tempat_dokumen: String,
    /// Deadlines and reminders of the execution stage.
    #[serde(default)]
    pub kalender: crate::pelaksanaan::kalender::Kalender,
    /// Wording of the sanction cases' outcomes.
    #[serde(default)]
    pub redaksi_sanksi: crate::sanksi::RedaksiSanksi,
}

impl Default for ProfilKebijakan {
    /// Kota Bekasi: monthly periods (Perwali 38/2023 Pasal 24(2)), SE MenPANRB 3/2023
    /// distribution, no TPP deduction, documents signed in Bekasi.
    fn default() -> Self {
        ProfilKebijakan {
            periode: JenisPeriode::Bulanan,
            distribusi: PedomanDistribusi::default(),
            tpp: Vec::new(),
            tempat_dokumen: "Bekasi".to_string(),
            kalender: Default::default(),
            redaksi_sanksi: Default::default(),
        }
    }
}

impl ProfilKebijakan {
    /// Checks the profile; every problem as an Indonesian message.
    pub fn validasi(&self) -> Result<(), Vec<String>> {
        let mut galat = match self.distribusi.validasi() {
            Ok(()) => Vec::new(),
            Err(g) => g,
        };
        for (i, t) in self.tpp.iter().enumerate() {
            if t.persen_potongan > 100 {
                galat.push(format!(
                    "Potongan TPP untuk predikat {}: persen_potongan harus antara 0 dan 100 (diterima {})",
                    t.predikat.label(),
                    t.persen_potongan
                ));
            }
            if self.tpp[..i].iter().any(|x| x.predikat == t.predikat) {
                galat.push(format!(
                    "Potongan TPP untuk predikat {} ditulis lebih dari sekali",
                    t.predikat.label()
                ));
            }
        }
        galat.extend(self.kalender.periksa().into_iter().map(|(_, m)| m));
        let tempat = self.tempat_dokumen.trim();
        if tempat.is_empty() {
            galat.push("Tempat dokumen (tempat_dokumen) wajib diisi".to_string());
        } else if tempat.chars().count() > 100 {
            galat.push("Tempat dokumen (tempat_dokumen) paling panjang 100 karakter".to_string());
        }
        if galat.is_empty() {
            Ok(())
        } else {
            Err(galat)
        }
    }

    /// TPP deduction in percent for a predikat (0 when the table has no row for it).
    pub fn potongan_tpp(&self, predikat: Predikat) -> u32 {
        self.tpp
            .iter()
            .find(|t| t.predikat == predikat)
            .map_or(0, |t| t.persen_potongan)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profil_default_bekasi() {
        let p = ProfilKebijakan::default();
        assert_eq!(p.periode, JenisPeriode::Bulanan);
        assert_eq!(p.distribusi, PedomanDistribusi::default());
        assert!(p.tpp.is_empty());
        assert_eq!(p.tempat_dokumen, "Bekasi");
        assert_eq!(p.validasi(), Ok(()));
        for pr in Predikat::SEMUA {
            assert_eq!(p.potongan_tpp(*pr), 0);
        }
    }

    #[test]
    fn profil_tidak_sah() {
        let p = ProfilKebijakan {
            tpp: vec![
                PotonganTpp {
                    predikat: Predikat::Kurang,
                    persen_potongan: 150,
                },
                PotonganTpp {
                    predikat: Predikat::Kurang,
                    persen_potongan: 20,
                },
            ],
            tempat_dokumen: "  ".into(),
            ..ProfilKebijakan::default()
        };
        let galat = p.validasi().unwrap_err();
        assert_eq!(galat.len(), 3, "{galat:?}");
        assert_eq!(
            galat[0],
            "Potongan TPP untuk predikat Kurang: persen_potongan harus antara 0 dan 100 (diterima 150)"
        );
        assert_eq!(
            galat[1],
            "Potongan TPP untuk predikat Kurang ditulis lebih dari sekali"
        );
        assert_eq!(galat[2], "Tempat dokumen (tempat_dokumen) wajib diisi");
        assert_eq!(p.potongan_tpp(Predikat::Kurang), 150);
    }

    #[test]
    fn serde_profil() {
        let p = ProfilKebijakan::default();
        let v = serde_json::to_value(&p).unwrap();
        assert_eq!(v["periode"], "bulanan");
        assert_eq!(v["tempat_dokumen"], "Bekasi");
        assert_eq!(v["distribusi"]["kurva"][0]["capaian"], "istimewa");
        let balik: ProfilKebijakan = serde_json::from_value(v).unwrap();
        assert_eq!(balik, p);
        assert_eq!(
            "triwulanan".parse::<JenisPeriode>().unwrap(),
            JenisPeriode::Triwulanan
        );
    }
}
