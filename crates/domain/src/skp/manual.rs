//! Manual indikator kinerja (JPT): how each IKI is defined, measured and reported.

use super::{GalatSkp, HasilSkp};
use crate::enumerasi;
use serde::{Deserialize, Serialize};

enumerasi!(
    /// Kualitas dan tingkat kendali of an indicator (piramida IKI).
    TingkatKendali, "tingkat_kendali", {
        Outcome => ("outcome", "Outcome"),
        OutputKendaliRendah => ("output_kendali_rendah", "Output — tingkat kendali rendah"),
        OutputKendaliSedang => ("output_kendali_sedang", "Output — tingkat kendali sedang"),
        OutputKendaliTinggi => ("output_kendali_tinggi", "Output — tingkat kendali tinggi"),
    }
);

enumerasi!(
    /// How often the indicator is reported.
    PeriodePelaporan, "periode_pelaporan", {
        Bulanan => ("bulanan", "Bulanan"),
        Triwulanan => ("triwulanan", "Triwulanan"),
        Semesteran => ("semesteran", "Semesteran"),
        Tahunan => ("tahunan", "Tahunan"),
    }
);

/// The manual indikator of one IKI (RHK and IKI come from the IKI itself).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ManualIndikator {
    #[serde(default)]
    pub tujuan: String,
    #[serde(default)]
    pub deskripsi: String,
    #[serde(default)]
    pub definisi: String,
    #[serde(default)]
    pub formula: String,
    #[serde(default)]
    pub satuan_pengukuran: String,
    pub tingkat_kendali: TingkatKendali,
    #[serde(default)]
    pub sumber_data: String,
    pub periode_pelaporan: PeriodePelaporan,
}

impl ManualIndikator {
    /// Every text field is required: the manual is what lets a third party measure the IKI.
    pub fn periksa(mut self) -> HasilSkp<ManualIndikator> {
        let mut kurang = Vec::new();
        for (bidang, nilai) in [
            ("tujuan", &mut self.tujuan),
            ("deskripsi", &mut self.deskripsi),
            ("definisi", &mut self.definisi),
            ("formula", &mut self.formula),
            ("satuan_pengukuran", &mut self.satuan_pengukuran),
            ("sumber_data", &mut self.sumber_data),
        ] {
            *nilai = nilai.trim().to_string();
            if nilai.is_empty() {
                kurang.push(bidang);
            } else if nilai.chars().count() > 2000 {
                return Err(GalatSkp::tidak_valid(bidang, "Paling banyak 2000 karakter"));
            }
        }
        if let Some(b) = kurang.first() {
            return Err(GalatSkp::tidak_valid(
                b,
                format!(
                    "Manual indikator belum lengkap: {} wajib diisi",
                    kurang.join(", ")
                ),
            ));
        }
        Ok(self)
    }
}
