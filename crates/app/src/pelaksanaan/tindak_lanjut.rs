//! Tindak lanjut umpan balik (Pasal 20–22), recorded by the rater: apresiasi, penugasan baru
//! (a new assignment, which the rater then clarifies into an RHK), penyesuaian ekspektasi (opens
//! a revision of the SKP → a new version once set again), penyesuaian dukungan sumber daya,
//! pembinaan (bimbingan or konseling kinerja) and, last, taking over an RHK.

use super::PeranPelaksanaan;
use crate::akses::Pengguna;
use crate::error::{AppError, AppResult};
use crate::penugasan::PenugasanMasuk;
use crate::skp::{hari_ini, PerubahanSkp};
use crate::App;
use kinerja_domain::pelaksanaan::tindak_lanjut::{
    periksa_tindak_lanjut, JenisTindakLanjut, RiwayatTindakLanjut, TindakLanjutMasuk,
};
use kinerja_domain::skp::StatusSkp;
use kinerja_store::{TindakLanjut, TindakLanjutBaru};

impl App {
    /// The follow-up recorded on an SKP, newest first (everyone who sees the whole SKP).
    pub async fn tindak_lanjut_skp(
        &self,
        p: &Pengguna,
        skp_id: i64,
    ) -> AppResult<Vec<TindakLanjut>> {
        let k = self.konteks_skp(p, skp_id).await?;
        if !k.peran.lihat_semua() {
            return Err(AppError::Dilarang(
                "Tindak lanjut terlihat oleh pegawai, pejabat penilai, atasannya dan admin".into(),
            ));
        }
        Ok(self
            .store
            .daftar_tindak_lanjut(p.instansi_id(), skp_id)
            .await?)
    }

    /// The RHK of an SKP taken over by the leader, with the note (for the evaluation).
    pub async fn rhk_diambil_alih(&self, inst: i64, skp_id: i64) -> AppResult<Vec<TindakLanjut>> {
        Ok(self
            .store
            .daftar_tindak_lanjut(inst, skp_id)
            .await?
            .into_iter()
            .filter(|t| t.jenis == JenisTindakLanjut::AmbilAlih)
            .collect())
    }

    /// Record a follow-up (the rater only). A penyesuaian ekspektasi opens a revision of a set
    /// SKP; a penugasan baru creates the assignment, waiting for the rater's clarification.
    pub async fn catat_tindak_lanjut(
        &self,
        p: &Pengguna,
        skp_id: i64,
        m: TindakLanjutMasuk,
    ) -> AppResult<TindakLanjut> {
        let k = self.konteks_skp(p, skp_id).await?;
        if k.peran != PeranPelaksanaan::Penilai {
            return Err(AppError::Dilarang(
                "Tindak lanjut umpan balik dicatat oleh pejabat penilai pegawai ini".into(),
            ));
        }
        let inst = p.instansi_id();
        let lama = self.store.daftar_tindak_lanjut(inst, skp_id).await?;
        let riwayat = RiwayatTindakLanjut {
            ada_tindak_lanjut_tanpa_kemajuan: lama.iter().any(|t| t.jenis.tanpa_kemajuan()),
            rhk_diambil_alih: lama
                .iter()
                .filter(|t| t.jenis == JenisTindakLanjut::AmbilAlih)
                .filter_map(|t| t.rhk_id)
                .collect(),
        };
        if let Some(u) = m.umpan_balik_id {
            let ok = self
                .store
                .umpan_balik(inst, u)
                .await?
                .is_some_and(|x| x.skp_id == skp_id);
            if !ok {
                return Err(AppError::bidang_tidak_valid_persis(
                    "umpan_balik_id",
                    "Umpan balik ini bukan atas SKP ini",
                ));
            }
        }
        let sah = periksa_tindak_lanjut(&k.s.skp, &m, &riwayat, hari_ini())?;
        let pegawai = self
            .pegawai_id(inst, &[k.s.skp.pegawai_id])
            .await?
            .pop()
            .ok_or_else(|| super::skp_tidak_ada(skp_id))?;
        let mut penugasan_id = None;
        match sah.jenis {
            JenisTindakLanjut::PenyesuaianEkspektasi if k.s.skp.status == StatusSkp::Ditetapkan => {
                self.ubah_skp(
                    p,
                    skp_id,
                    k.s.versi,
                    PerubahanSkp::Revisi(format!("Penyesuaian ekspektasi: {}", sah.uraian)),
                )
                .await?;
            }
            JenisTindakLanjut::PenugasanBaru => {
                let t = self
                    .buat_penugasan(
                        p,
                        PenugasanMasuk {
                            nip: Some(pegawai.nip.as_str().to_string()),
                            unit_id: None,
                            tahun: k.s.skp.tahun,
                            uraian: sah.uraian.clone(),
                            ekspektasi: m
                                .topik
                                .clone()
                                .filter(|t| !t.trim().is_empty())
                                .unwrap_or_else(|| sah.uraian.clone()),
                        },
                    )
                    .await?;
                penugasan_id = Some(t.penugasan.id);
            }
            _ => {}
        }
        let notif = vec![self.notifikasi(
            &pegawai,
            "tindak_lanjut",
            format!("Tindak lanjut umpan balik: {}", sah.jenis.label()),
            sah.uraian.clone(),
            Some(format!("/skp/{skp_id}/umpan-balik")),
            None,
        )];
        Ok(self
            .store
            .buat_tindak_lanjut(
                inst,
                &TindakLanjutBaru {
                    skp_id,
                    pegawai_id: k.s.skp.pegawai_id,
                    oleh_pegawai_id: p.pegawai_id().unwrap_or_default(),
                    sah,
                    umpan_balik_id: m.umpan_balik_id,
                    penugasan_id,
                },
                &notif,
                &p.pelaku(),
            )
            .await?)
    }
}
