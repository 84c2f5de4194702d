//! Execution, monitoring and development (Pasal 16–22): the pegawai documents each month, the
//! leader observes and gives feedback, others give 360 feedback, the leader follows up.
//!
//! Who sees and does what is decided here, by the caller's relationship to the SKP's pegawai
//! ([`PeranPelaksanaan`]): the pegawai, the rater, the rater's superior, the official who gave
//! an assignment (for that assignment's RHK), peers, subordinates, people asked for 360
//! feedback, and the HR admin.

pub mod kotak_masuk;
pub mod pelaporan;
pub mod pengingat;
pub mod realisasi;
pub mod tindak_lanjut;
pub mod umpan_balik;

use crate::akses::Pengguna;
use crate::error::{AppError, AppResult};
use crate::organisasi::{Hubungan, IndeksOrganisasi};
use crate::App;
use kinerja_domain::pelaksanaan::umpan_balik::PemberiUmpanBalik;
use kinerja_store::{
    FilterPermintaan, NotifikasiBaru, Pegawai, PermintaanUmpanBalik, SkpTersimpan,
};
use std::sync::Arc;

/// How the caller stands to a pegawai's SKP in the execution stage.
#[derive(Debug, Clone, PartialEq)]
pub enum PeranPelaksanaan {
    /// The pegawai: documents, reads all feedback (anonymous givers hidden), responds.
    Pemilik,
    /// The pejabat penilai: reads everything, gives feedback, follows up.
    Penilai,
    /// The atasan pejabat penilai: reads everything, may give feedback.
    Atasan,
    /// HR admin: reads everything.
    Admin,
    /// An official whose assignments became these RHK: reads and comments on those.
    PemberiPenugasan(Vec<i64>),
    /// Shares the pegawai's rater.
    Rekan,
    /// Is rated by the pegawai (or by someone the pegawai rates for).
    Bawahan,
    /// Was asked for 360 feedback on this SKP and has no other standing.
    Diminta,
}

impl PeranPelaksanaan {
    /// Reads the whole month: realisation and evidence of every IKI, every piece of feedback.
    pub fn lihat_semua(&self) -> bool {
        matches!(
            self,
            Self::Pemilik | Self::Penilai | Self::Atasan | Self::Admin
        )
    }

    /// Whether the realisation of RHK `rhk_id` is visible.
    pub fn lihat_rhk(&self, rhk_id: i64) -> bool {
        match self {
            Self::PemberiPenugasan(rhk) => rhk.contains(&rhk_id),
            lain => lain.lihat_semua(),
        }
    }

    /// Who the caller is as a feedback giver, without a request.
    pub fn sebagai_pemberi(&self) -> Option<PemberiUmpanBalik> {
        match self {
            Self::Penilai => Some(PemberiUmpanBalik::PejabatPenilai),
            Self::Atasan => Some(PemberiUmpanBalik::AtasanPejabatPenilai),
            Self::PemberiPenugasan(_) => Some(PemberiUmpanBalik::PemberiPenugasan),
            Self::Rekan => Some(PemberiUmpanBalik::Rekan),
            Self::Bawahan => Some(PemberiUmpanBalik::Bawahan),
            Self::Pemilik | Self::Admin | Self::Diminta => None,
        }
    }

    pub fn kode(&self) -> &'static str {
        match self {
            Self::Pemilik => "pemilik",
            Self::Penilai => "penilai",
            Self::Atasan => "atasan",
            Self::Admin => "admin",
            Self::PemberiPenugasan(_) => "pemberi_penugasan",
            Self::Rekan => "rekan",
            Self::Bawahan => "bawahan",
            Self::Diminta => "diminta",
        }
    }
}

/// An SKP with the caller's standing to it.
pub struct KonteksSkp {
    pub s: SkpTersimpan,
    pub org: Arc<IndeksOrganisasi>,
    pub peran: PeranPelaksanaan,
    /// Open 360 requests on this SKP addressed to the caller.
    pub permintaan: Vec<PermintaanUmpanBalik>,
}

pub(crate) fn skp_tidak_ada(id: i64) -> AppError {
    AppError::TidakDitemukan(format!(
        "SKP {id} tidak ditemukan, atau Anda tidak memiliki hubungan kerja dengan pegawainya"
    ))
}

impl App {
    /// The SKP and how the caller stands to it; an unrelated caller gets 404.
    pub(crate) async fn konteks_skp(&self, p: &Pengguna, id: i64) -> AppResult<KonteksSkp> {
        let inst = p.instansi_id();
        let s = self
            .store
            .skp(inst, id)
            .await?
            .ok_or_else(|| skp_tidak_ada(id))?;
        let org = self.organisasi(inst).await?;
        let pegawai = s.skp.pegawai_id;
        let saya = p.pegawai_id();
        let permintaan = match saya {
            Some(me) if me != pegawai => {
                self.store
                    .daftar_permintaan(
                        inst,
                        &FilterPermintaan {
                            skp_id: Some(id),
                            pemberi_pegawai_id: Some(me),
                            status: Some("menunggu".into()),
                            limit: 50,
                            ..Default::default()
                        },
                    )
                    .await?
            }
            _ => Vec::new(),
        };
        let peran = match org.hubungan(saya, pegawai) {
            Hubungan::Diri => Some(PeranPelaksanaan::Pemilik),
            Hubungan::PejabatPenilai => Some(PeranPelaksanaan::Penilai),
            Hubungan::AtasanPejabatPenilai => Some(PeranPelaksanaan::Atasan),
            Hubungan::PenilaiSaya => Some(PeranPelaksanaan::Bawahan),
            Hubungan::Tidak => None,
        };
        let peran = match peran {
            Some(x) => Some(x),
            None => self.peran_lain(p, &org, &s).await?,
        };
        let peran = match peran {
            Some(x) => x,
            None if p.admin() => PeranPelaksanaan::Admin,
            None if !permintaan.is_empty() || self.pernah_memberi(p, id).await? => {
                PeranPelaksanaan::Diminta
            }
            None => return Err(skp_tidak_ada(id)),
        };
        Ok(KonteksSkp {
            s,
            org,
            peran,
            permintaan,
        })
    }

    /// Assigner of some of the SKP's RHK, or a peer (same rater).
    async fn peran_lain(
        &self,
        p: &Pengguna,
        org: &IndeksOrganisasi,
        s: &SkpTersimpan,
    ) -> AppResult<Option<PeranPelaksanaan>> {
        let Some(saya) = p.pegawai_id() else {
            return Ok(None);
        };
        let mut rhk = Vec::new();
        for r in &s.skp.rhk {
            if let (Some(rid), Some(pid)) = (r.id, r.penugasan_id) {
                if let Some(t) = self.store.penugasan(p.instansi_id(), pid).await? {
                    if t.pemberi_pegawai_id == saya {
                        rhk.push(rid);
                    }
                }
            }
        }
        if !rhk.is_empty() {
            return Ok(Some(PeranPelaksanaan::PemberiPenugasan(rhk)));
        }
        let penilai_saya = Self::penilai_dari_org(org, saya);
        let penilai_dia = Self::penilai_dari_org(org, s.skp.pegawai_id);
        if penilai_saya.is_some() && penilai_saya == penilai_dia {
            return Ok(Some(PeranPelaksanaan::Rekan));
        }
        Ok(None)
    }

    /// Whether the caller gave feedback on this SKP before (a 360 giver keeps seeing it).
    async fn pernah_memberi(&self, p: &Pengguna, skp_id: i64) -> AppResult<bool> {
        let Some(saya) = p.pegawai_id() else {
            return Ok(false);
        };
        Ok(!self
            .store
            .daftar_umpan_balik(
                p.instansi_id(),
                &kinerja_store::FilterUmpanBalik {
                    skp_id: Some(skp_id),
                    pemberi_pegawai_id: Some(saya),
                    limit: 1,
                    ..Default::default()
                },
            )
            .await?
            .is_empty())
    }

    /// A notification to a pegawai, also by e-mail when SMTP is configured and they have an
    /// address.
    pub(crate) fn notifikasi(
        &self,
        kepada: &Pegawai,
        jenis: &str,
        judul: String,
        isi: String,
        tautan: Option<String>,
        kunci: Option<String>,
    ) -> NotifikasiBaru {
        NotifikasiBaru {
            pegawai_id: kepada.id,
            jenis: jenis.into(),
            judul,
            isi,
            tautan,
            kunci,
            email_ke: self
                .surel
                .as_ref()
                .and(kepada.email.clone())
                .filter(|e| e.contains('@')),
        }
    }

    /// Pegawai records by id (missing ids are skipped).
    pub(crate) async fn pegawai_id(&self, inst: i64, ids: &[i64]) -> AppResult<Vec<Pegawai>> {
        let mut ids = ids.to_vec();
        ids.sort_unstable();
        ids.dedup();
        Ok(self.store.pegawai_by_ids(inst, &ids).await?)
    }
}
