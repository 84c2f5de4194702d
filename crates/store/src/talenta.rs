//! The reads behind the talent view (the kuadran kinerja of a unit's pegawai for a period, and
//! the annual kuadran across years) and behind angka kredit per JF pegawai: evaluations as they
//! were recorded, light (no texts), in a few grouped queries. Nothing here is a second copy of
//! the evaluations: every figure is computed again from these rows.

use crate::error::StoreResult;
use async_trait::async_trait;
use chrono::NaiveDate;
use kinerja_domain::evaluasi::keberatan::StatusKeberatan;
use kinerja_domain::evaluasi::StatusEvaluasi;
use kinerja_domain::jabatan::JenisJabatan;
use kinerja_domain::kuadran::{Predikat, Rating};
use kinerja_domain::skp::StatusSkp;

/// One evaluation of a period placed on the talent grid: who, where it was made, both ratings.
#[derive(Debug, Clone, PartialEq)]
pub struct EvaluasiTalenta {
    pub evaluasi_id: i64,
    pub skp_id: i64,
    pub pegawai_id: i64,
    pub nip: String,
    pub nama: String,
    /// The unit the evaluation was made in (as the ranking scopes it).
    pub unit_id: Option<i64>,
    pub periode: String,
    pub rating_hasil_kerja: Rating,
    pub rating_perilaku: Rating,
    pub predikat: Predikat,
    pub status: StatusEvaluasi,
}

/// An SKP of a pegawai in their history (no content): where, which position, which days.
#[derive(Debug, Clone, PartialEq)]
pub struct SkpRiwayat {
    pub id: i64,
    pub pegawai_id: i64,
    pub tahun: i32,
    pub unit_id: Option<i64>,
    pub jabatan_id: Option<i64>,
    pub jenis_jabatan: Option<JenisJabatan>,
    pub status: StatusSkp,
    /// The last set version (0: never set).
    pub nomor_versi: i32,
    pub mulai: NaiveDate,
    pub selesai: NaiveDate,
}

/// One evaluation (periodic or annual) of a pegawai in their history.
#[derive(Debug, Clone, PartialEq)]
pub struct EvaluasiRiwayat {
    pub id: i64,
    pub skp_id: i64,
    pub pegawai_id: i64,
    /// "2026-03", "2026-T1" or "2026".
    pub periode: String,
    pub tahun: i32,
    pub unit_id: Option<i64>,
    pub rating_hasil_kerja: Rating,
    pub rating_perilaku: Rating,
    pub predikat: Predikat,
    pub status: StatusEvaluasi,
    pub keberatan: Option<StatusKeberatan>,
}

#[async_trait]
pub trait StoreTalenta {
    /// The evaluations of a period (any status) made in one of `unit_id` (every unit when
    /// `None`; an empty list selects nothing), by the pegawai's name.
    async fn evaluasi_talenta(
        &self,
        instansi_id: i64,
        periode: &str,
        unit_id: Option<&[i64]>,
    ) -> StoreResult<Vec<EvaluasiTalenta>>;
    /// The annual evaluations (any status) of these pegawai for the years
    /// `tahun_awal..=tahun_akhir`: each made on the pegawai's last (open) SKP of its year.
    async fn evaluasi_tahunan_pegawai(
        &self,
        instansi_id: i64,
        pegawai_id: &[i64],
        tahun_awal: i32,
        tahun_akhir: i32,
    ) -> StoreResult<Vec<EvaluasiRiwayat>>;
    /// Every SKP of a pegawai in the years `tahun_awal..=tahun_akhir`, closed ones (mutasi)
    /// too, by year, start and id.
    async fn skp_riwayat(
        &self,
        instansi_id: i64,
        pegawai_id: i64,
        tahun_awal: i32,
        tahun_akhir: i32,
    ) -> StoreResult<Vec<SkpRiwayat>>;
    /// Every evaluation (periodic and annual, any status) of these SKP, by year, period and id.
    async fn evaluasi_skp_riwayat(
        &self,
        instansi_id: i64,
        skp_id: &[i64],
    ) -> StoreResult<Vec<EvaluasiRiwayat>>;
}
