//! Sanction cases (PP 30/2019): the annual evaluations that may call for one, the cases HR opens
//! with their current stage and deadline, and every step recorded on them. Whether a predikat
//! calls for a case, and which stage an outcome leads to, is the domain's
//! (`kinerja_domain::sanksi`); the store keeps the record and refuses a stale write.

use crate::error::StoreResult;
use crate::model::Pelaku;
use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use kinerja_domain::evaluasi::keberatan::StatusKeberatan;
use kinerja_domain::evaluasi::StatusEvaluasi;
use kinerja_domain::jabatan::JenisJabatan;
use kinerja_domain::kuadran::Predikat;
use kinerja_domain::sanksi::{HasilSanksi, KelompokSanksi, TahapSanksi};
use serde::Serialize;

/// An annual evaluation as a sanction case sees it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EvaluasiSanksi {
    pub evaluasi_id: i64,
    pub skp_id: i64,
    pub pegawai_id: i64,
    pub periode: String,
    pub tahun: i32,
    /// The position kind of the SKP the evaluation rates.
    pub jenis_jabatan: Option<JenisJabatan>,
    pub predikat: Predikat,
    pub status: StatusEvaluasi,
    /// The day the pegawai received it (the rater's signature).
    pub diterima: Option<NaiveDate>,
    pub keberatan: Option<StatusKeberatan>,
    /// The case already opened on it.
    pub kasus_id: Option<i64>,
}

/// One recorded step of a case: the stage it entered, with the outcome that led there.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct LangkahSanksi {
    pub urutan: i64,
    pub tahap: TahapSanksi,
    /// The outcome of the previous stage (none for the opening step).
    pub hasil: Option<HasilSanksi>,
    pub tanggal: NaiveDate,
    /// The deadline of the stage entered.
    pub tenggat: Option<NaiveDate>,
    pub nomor_dokumen: Option<String>,
    pub catatan: Option<String>,
    pub dicatat_oleh: String,
    pub dibuat: DateTime<Utc>,
}

/// A sanction case.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KasusSanksi {
    pub id: i64,
    pub pegawai_id: i64,
    pub evaluasi_id: i64,
    pub tahun: i32,
    pub predikat: Predikat,
    pub kelompok: KelompokSanksi,
    pub tahap: TahapSanksi,
    /// The deadline of the current stage.
    pub tenggat: Option<NaiveDate>,
    /// The last outcome (the final one once the case is finished).
    pub hasil: Option<HasilSanksi>,
    pub versi: i64,
    pub dibuat: DateTime<Utc>,
    pub diubah: DateTime<Utc>,
    /// Every step, oldest first (empty in lists).
    pub langkah: Vec<LangkahSanksi>,
}

/// What opening a case records.
#[derive(Debug, Clone)]
pub struct KasusBaru {
    pub pegawai_id: i64,
    pub evaluasi_id: i64,
    pub tahun: i32,
    pub predikat: Predikat,
    pub kelompok: KelompokSanksi,
    /// The opening step (stage `perbaikan`, its date and deadline).
    pub langkah: LangkahBaru,
}

/// A step to record.
#[derive(Debug, Clone)]
pub struct LangkahBaru {
    pub tahap: TahapSanksi,
    pub hasil: Option<HasilSanksi>,
    pub tanggal: NaiveDate,
    pub tenggat: Option<NaiveDate>,
    pub nomor_dokumen: Option<String>,
    pub catatan: Option<String>,
}

/// An open case's deadline (monitoring, reminders).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TenggatSanksi {
    pub kasus_id: i64,
    pub pegawai_id: i64,
    pub tahap: TahapSanksi,
    pub tenggat: NaiveDate,
}

#[async_trait]
pub trait StoreSanksi {
    /// The signed annual evaluations of a year whose predikat is one of `predikat`, by pegawai.
    async fn evaluasi_calon_sanksi(
        &self,
        instansi_id: i64,
        tahun: i32,
        predikat: &[Predikat],
    ) -> StoreResult<Vec<EvaluasiSanksi>>;
    /// One evaluation as a case sees it.
    async fn evaluasi_sanksi(
        &self,
        instansi_id: i64,
        evaluasi_id: i64,
    ) -> StoreResult<Option<EvaluasiSanksi>>;
    /// Open a case with its first step; `Konflik` when the evaluation already has one.
    async fn buka_kasus_sanksi(
        &self,
        instansi_id: i64,
        baru: &KasusBaru,
        pelaku: &Pelaku,
    ) -> StoreResult<KasusSanksi>;
    /// A case with its steps.
    async fn kasus_sanksi(&self, instansi_id: i64, id: i64) -> StoreResult<Option<KasusSanksi>>;
    /// Cases (without steps), open ones first by deadline; only open or only finished ones
    /// when `selesai` is given; one pegawai's when `pegawai_id` is given.
    async fn daftar_kasus_sanksi(
        &self,
        instansi_id: i64,
        selesai: Option<bool>,
        pegawai_id: Option<i64>,
    ) -> StoreResult<Vec<KasusSanksi>>;
    /// Record a step on a case at version `versi` (stale → `Konflik`): the case takes the
    /// step's stage, deadline and outcome.
    async fn catat_langkah_sanksi(
        &self,
        instansi_id: i64,
        kasus_id: i64,
        versi: i64,
        langkah: &LangkahBaru,
        pelaku: &Pelaku,
    ) -> StoreResult<KasusSanksi>;
    /// Open cases whose current deadline is on or before `sampai`, soonest first.
    async fn tenggat_sanksi(
        &self,
        instansi_id: i64,
        sampai: NaiveDate,
    ) -> StoreResult<Vec<TenggatSanksi>>;
}
