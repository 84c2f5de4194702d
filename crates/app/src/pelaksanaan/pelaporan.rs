//! Pola pelaporan (Pasal 37; seed 002): the pegawai reports progress on an assignment to the
//! official who gave it, with a copy to the rater; the official answers with feedback on the
//! assignment's RHK, also copied to the rater.

use crate::akses::Pengguna;
use crate::error::{AppError, AppResult};
use crate::App;
use kinerja_domain::skp::wajib_teks;
use kinerja_store::{LaporanPenugasan, Penugasan};
use serde::Serialize;
use utoipa::ToSchema;

/// An assignment's reports, and where its feedback goes.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PelaporanPenugasan {
    pub laporan: Vec<LaporanPenugasan>,
    /// The SKP holding the assignment's RHK (for feedback on it).
    pub skp_id: Option<i64>,
    pub rhk_id: Option<i64>,
    /// The caller is the pegawai and may report.
    pub boleh_lapor: bool,
    /// The caller gave the assignment and may give feedback on it.
    pub boleh_umpan_balik: bool,
}

impl App {
    async fn penugasan_terlihat(&self, p: &Pengguna, id: i64) -> AppResult<Penugasan> {
        let inst = p.instansi_id();
        let org = self.organisasi(inst).await?;
        self.store
            .penugasan(inst, id)
            .await?
            .filter(|t| Self::boleh_lihat(&org, p, t))
            .ok_or_else(|| AppError::TidakDitemukan(format!("Penugasan {id} tidak ditemukan")))
    }

    async fn skp_penugasan(&self, inst: i64, t: &Penugasan) -> AppResult<Option<i64>> {
        let (Some(peg), Some(rhk)) = (t.pegawai_id, t.rhk_id) else {
            return Ok(None);
        };
        Ok(self
            .store
            .skp_tahun(inst, &[peg], t.tahun)
            .await?
            .into_iter()
            .find(|s| s.skp.rhk.iter().any(|r| r.id == Some(rhk)))
            .map(|s| s.skp.id))
    }

    pub async fn pelaporan_penugasan(
        &self,
        p: &Pengguna,
        id: i64,
    ) -> AppResult<PelaporanPenugasan> {
        let t = self.penugasan_terlihat(p, id).await?;
        let inst = p.instansi_id();
        let saya = p.pegawai_id();
        let diterima = t.status == "diterima";
        Ok(PelaporanPenugasan {
            laporan: self.store.daftar_laporan_penugasan(inst, id).await?,
            skp_id: self.skp_penugasan(inst, &t).await?,
            rhk_id: t.rhk_id,
            boleh_lapor: diterima && saya.is_some() && saya == t.pegawai_id,
            boleh_umpan_balik: diterima && saya == Some(t.pemberi_pegawai_id),
        })
    }

    /// The pegawai reports progress to the assigning official, with a copy to their rater.
    pub async fn lapor_penugasan(
        &self,
        p: &Pengguna,
        id: i64,
        isi: &str,
    ) -> AppResult<LaporanPenugasan> {
        let t = self.penugasan_terlihat(p, id).await?;
        let inst = p.instansi_id();
        if p.pegawai_id().is_none() || p.pegawai_id() != t.pegawai_id {
            return Err(AppError::Dilarang(
                "Laporan penugasan disampaikan oleh pegawai yang menerima penugasan".into(),
            ));
        }
        if t.status != "diterima" {
            return Err(AppError::Konflik(
                "Penugasan belum diterima pejabat penilai; laporan dapat disampaikan setelah diterima".into(),
            ));
        }
        let isi = wajib_teks("isi", isi, "Isi laporan")?;
        let org = self.organisasi(inst).await?;
        let pegawai_id = t.pegawai_id.unwrap_or_default();
        let mut kepada = vec![t.pemberi_pegawai_id];
        kepada.extend(
            Self::penilai_dari_org(&org, pegawai_id).filter(|&r| r != t.pemberi_pegawai_id),
        );
        let orang = self.pegawai_id(inst, &kepada).await?;
        let nama = p.nama().to_string();
        let notif: Vec<_> = orang
            .iter()
            .map(|o| {
                let tembusan = o.id != t.pemberi_pegawai_id;
                self.notifikasi(
                    o,
                    "laporan_penugasan",
                    format!(
                        "{}Laporan penugasan dari {nama}: {}",
                        if tembusan { "Tembusan: " } else { "" },
                        t.uraian
                    ),
                    isi.clone(),
                    Some(format!("/penugasan#penugasan-{id}")),
                    None,
                )
            })
            .collect();
        let skp_id = self.skp_penugasan(inst, &t).await?;
        Ok(self
            .store
            .buat_laporan_penugasan(inst, id, skp_id, pegawai_id, &isi, &notif, &p.pelaku())
            .await?)
    }
}
