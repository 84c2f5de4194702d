//! Matriks peran hasil: a leader's RHK as columns, the team as rows, and in each cell the member
//! RHK that intervenes the column. A cell *is* the RHK in the member's SKP (one record, two
//! views): editing it edits that SKP, under the same rules and version check.

use crate::akses::Pengguna;
use crate::error::{AppError, AppResult};
use crate::skp::{ringkas_pimpinan, wajib_versi, DetailSkp, PeranSkp};
use crate::App;
use kinerja_domain::skp::{IkiMasuk, Rhk, RhkMasuk, StatusSkp};
use kinerja_store::{Pegawai, SkpTersimpan};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// One team member's row.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct BarisMatriks {
    pub pegawai: Pegawai,
    pub skp_id: Option<i64>,
    pub status: Option<StatusSkp>,
    /// The member SKP's version, to send back with a cell edit.
    pub version: Option<i64>,
    /// Per column (same order as `kolom`): the member RHK intervening it.
    #[schema(value_type = Vec<Vec<Object>>)]
    pub sel: Vec<Vec<Rhk>>,
    /// Member RHK intervening none of the columns.
    #[schema(value_type = Vec<Object>)]
    pub lain: Vec<Rhk>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Matriks {
    pub tahun: i32,
    /// The leader's own SKP of the year (columns come from it).
    pub skp_id: Option<i64>,
    #[schema(value_type = Vec<Object>)]
    pub kolom: Vec<Rhk>,
    pub baris: Vec<BarisMatriks>,
}

/// `PUT /matriks/{tahun}/sel`: write one cell.
#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct SelMatriks {
    /// The team member.
    pub nip: String,
    /// The member SKP's version as read.
    pub version: i64,
    /// The leader's RHK (column) the member RHK intervenes.
    pub rhk_pimpinan_id: i64,
    /// An existing member RHK to edit; absent to add one.
    pub rhk_id: Option<i64>,
    #[serde(flatten)]
    pub rhk: RhkMasuk,
    pub iki: IkiMasuk,
}

impl App {
    pub async fn matriks(&self, p: &Pengguna, tahun: i32) -> AppResult<Matriks> {
        let inst = p.instansi_id();
        let Some(saya) = p.pegawai_id() else {
            return Err(AppError::Dilarang(
                "Matriks peran hasil disusun oleh pimpinan yang memiliki tim".into(),
            ));
        };
        let sendiri = self.store.skp_tahun(inst, &[saya], tahun).await?;
        let kolom = sendiri
            .first()
            .map(|s| s.skp.rhk.clone())
            .unwrap_or_default();
        let tim = self.pegawai_dinilai(p).await?;
        let ids: Vec<i64> = tim.iter().map(|x| x.id).collect();
        let skp_tim = self.store.skp_tahun(inst, &ids, tahun).await?;
        let baris = tim
            .into_iter()
            .map(|peg| {
                let s = skp_tim.iter().find(|s| s.skp.pegawai_id == peg.id);
                let rhk = s.map(|s| s.skp.rhk.clone()).unwrap_or_default();
                let sel = kolom
                    .iter()
                    .map(|k| {
                        rhk.iter()
                            .filter(|r| {
                                r.intervensi_rhk_id.is_some() && r.intervensi_rhk_id == k.id
                            })
                            .cloned()
                            .collect()
                    })
                    .collect();
                let lain = rhk
                    .iter()
                    .filter(|r| {
                        !kolom
                            .iter()
                            .any(|k| r.intervensi_rhk_id.is_some() && r.intervensi_rhk_id == k.id)
                    })
                    .cloned()
                    .collect();
                BarisMatriks {
                    skp_id: s.map(|s| s.skp.id),
                    status: s.map(|s| s.skp.status),
                    version: s.map(|s| s.versi),
                    pegawai: peg,
                    sel,
                    lain,
                }
            })
            .collect();
        Ok(Matriks {
            tahun,
            skp_id: sendiri.first().map(|s| s.skp.id),
            kolom,
            baris,
        })
    }

    /// The leader writes a cell: a member RHK intervening one of the leader's RHK.
    pub async fn simpan_sel_matriks(
        &self,
        p: &Pengguna,
        tahun: i32,
        sel: SelMatriks,
    ) -> AppResult<DetailSkp> {
        let inst = p.instansi_id();
        let (peg, org) = self.pegawai_terlihat(p, &sel.nip).await?;
        let peran = self.peran_skp(p, &org, peg.id, 0)?;
        if peran != PeranSkp::Penilai {
            return Err(AppError::Dilarang(
                "Hanya pejabat penilai pegawai ini yang dapat mengisi selnya di matriks peran hasil"
                    .into(),
            ));
        }
        let pimpinan = self
            .skp_penilai(inst, &org, peg.id, tahun)
            .await?
            .map(|s| s.skp.rhk)
            .unwrap_or_default();
        let lama: SkpTersimpan = self
            .store
            .skp_tahun(inst, &[peg.id], tahun)
            .await?
            .into_iter()
            .next()
            .ok_or_else(|| {
                AppError::Konflik(format!(
                    "{} belum memiliki SKP tahun {tahun}; SKP dibuat dahulu (oleh pegawai atau lewat mulai tahun)",
                    peg.nama
                ))
            })?;
        wajib_versi(&lama, sel.version)?;
        let mut skp = lama.skp.clone();
        let mut m = sel.rhk.clone();
        m.intervensi_rhk_id = Some(sel.rhk_pimpinan_id);
        skp.simpan_rhk_matriks(sel.rhk_id, &m, &sel.iki, &ringkas_pimpinan(&pimpinan))?;
        self.periksa_porsi_skp(inst, &skp, &pimpinan).await?;
        let s = self
            .store
            .simpan_skp(inst, &skp, sel.version, "matriks", None, &p.pelaku())
            .await?;
        self.detail_dari(p, &org, s, peran).await
    }
}
