//! Rewards: the annual predikat of two consecutive years per pegawai (the rule that turns them
//! into a reward is the domain's, `kinerja_domain::penghargaan`), and the rewards HR records as
//! granted.

use crate::error::StoreResult;
use crate::model::Pelaku;
use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use kinerja_domain::kuadran::Predikat;
use kinerja_domain::penghargaan::JenisPenghargaan;
use serde::Serialize;

/// A pegawai's signed annual predikat of `tahun - 1` and `tahun` (when a year has several
/// annual evaluations, after a mutasi, the last SKP's).
#[derive(Debug, Clone, PartialEq)]
pub struct PredikatDuaTahun {
    pub pegawai_id: i64,
    pub tahun_lalu: Predikat,
    pub tahun_ini: Predikat,
    /// The evaluation of `tahun`.
    pub evaluasi_id: i64,
}

/// A reward recorded as granted.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Penghargaan {
    pub id: i64,
    pub pegawai_id: i64,
    pub tahun: i32,
    pub jenis: JenisPenghargaan,
    /// What was granted, e.g. "Masuk kelompok rencana suksesi jabatan administrator".
    pub bentuk: String,
    pub tanggal: NaiveDate,
    pub nomor_dokumen: Option<String>,
    pub catatan: Option<String>,
    pub dicatat_oleh: String,
    pub dibuat: DateTime<Utc>,
}

#[derive(Debug, Clone)]
pub struct PenghargaanBaru {
    pub pegawai_id: i64,
    pub tahun: i32,
    pub jenis: JenisPenghargaan,
    pub bentuk: String,
    pub tanggal: NaiveDate,
    pub nomor_dokumen: Option<String>,
    pub catatan: Option<String>,
}

#[async_trait]
pub trait StorePenghargaan {
    /// Pegawai with a signed annual evaluation in both `tahun - 1` and `tahun`, by pegawai id;
    /// only `pegawai_id` when given.
    async fn predikat_dua_tahun(
        &self,
        instansi_id: i64,
        tahun: i32,
        pegawai_id: Option<i64>,
    ) -> StoreResult<Vec<PredikatDuaTahun>>;
    /// Rewards recorded for a year, or for one pegawai, newest first.
    async fn daftar_penghargaan(
        &self,
        instansi_id: i64,
        tahun: Option<i32>,
        pegawai_id: Option<i64>,
    ) -> StoreResult<Vec<Penghargaan>>;
    async fn catat_penghargaan(
        &self,
        instansi_id: i64,
        baru: &PenghargaanBaru,
        pelaku: &Pelaku,
    ) -> StoreResult<Penghargaan>;
}
