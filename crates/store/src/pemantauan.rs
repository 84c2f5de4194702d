//! The reads behind the monitoring dashboards ("Pemantauan"): per unit, in one grouped query,
//! how many pegawai have a set SKP for the year, documented the period's months, and how far
//! the period's evaluations are (signed, draft, acknowledged, missing); the pegawai of a unit
//! (or of a scope, in keyset pages for the export) with the same facts one by one; and the
//! keberatan that wait for the atasan's decision. Everything is counted from the recorded rows;
//! nothing is stored for the dashboards.
//!
//! A pegawai belongs to the unit of the position they hold now. Their SKP is the open one of the
//! year; documentation and evaluations are looked up by pegawai (so an SKP closed by a mutasi
//! still counts for the months and the period it covered).

use crate::error::StoreResult;
use crate::laporan::HalamanLaporan;
use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use kinerja_domain::evaluasi::keberatan::StatusKeberatan;
use kinerja_domain::evaluasi::StatusEvaluasi;
use kinerja_domain::kuadran::Predikat;
use kinerja_domain::skp::StatusSkp;

/// What a dashboard counts over: the SKP year, the months whose realisation counts as
/// documented, and the evaluation period (its code and last day).
#[derive(Debug, Clone, PartialEq)]
pub struct PeriodePemantauan {
    pub tahun: i32,
    pub bulan_awal: u32,
    pub bulan_akhir: u32,
    /// "2026-10", "2026-T4" or "2026".
    pub periode: String,
    /// The period's last day: an SKP that starts later is not yet due an evaluation.
    pub selesai: NaiveDate,
}

/// The counts of the pegawai whose position is in one unit (`None`: pegawai without a
/// position).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RekapPemantauan {
    pub unit_id: Option<i64>,
    pub pegawai: i64,
    /// With an open SKP of the year, in any state.
    pub skp: i64,
    /// With a set SKP (ditetapkan, or a revision open on a set version).
    pub skp_ditetapkan: i64,
    /// With at least one realisation in the period's months on an SKP of the year.
    pub terdokumentasi: i64,
    /// With an evaluation of the period still a draft (unsigned).
    pub evaluasi_draf: i64,
    /// With an evaluation of the period signed by the rater (acknowledged ones included).
    pub evaluasi_ditandatangani: i64,
    /// With an evaluation of the period the pegawai acknowledged (signed in turn).
    pub evaluasi_diterima: i64,
    /// With a set SKP that started by the period's end and no evaluation of the period at all.
    pub evaluasi_belum: i64,
}

/// One pegawai's line of a dashboard.
#[derive(Debug, Clone, PartialEq)]
pub struct PegawaiPemantauan {
    pub pegawai_id: i64,
    pub nip: String,
    pub nama: String,
    pub jabatan_id: Option<i64>,
    pub unit_id: Option<i64>,
    /// The open SKP of the year.
    pub skp_id: Option<i64>,
    pub status_skp: Option<StatusSkp>,
    pub skp_ditetapkan: bool,
    /// Realisation rows (IKI-months) in the period's months on SKP of the year.
    pub realisasi: i64,
    /// The period's evaluation (the latest, should a mutasi have left two).
    pub evaluasi_id: Option<i64>,
    pub evaluasi_skp_id: Option<i64>,
    pub status_evaluasi: Option<StatusEvaluasi>,
    pub predikat: Option<Predikat>,
    /// A set SKP that started by the period's end and no evaluation of the period (counted as
    /// [`RekapPemantauan::evaluasi_belum`]).
    pub evaluasi_belum: bool,
    pub keberatan: Option<StatusKeberatan>,
}

/// A keberatan waiting for the atasan's decision.
#[derive(Debug, Clone, PartialEq)]
pub struct KeberatanMenunggu {
    pub id: i64,
    pub evaluasi_id: i64,
    pub skp_id: i64,
    pub pegawai_id: i64,
    pub nip: String,
    pub nama: String,
    /// The unit of the pegawai's position now.
    pub unit_id: Option<i64>,
    /// The evaluation period objected to.
    pub periode: String,
    pub atasan_pegawai_id: Option<i64>,
    /// The last day it could be filed.
    pub batas: NaiveDate,
    /// When it was filed.
    pub diajukan: DateTime<Utc>,
}

#[async_trait]
pub trait StorePemantauan {
    /// The counts per unit of the pegawai's positions, for the whole instansi or only the
    /// pegawai whose position is in one of `unit_id` (an empty list counts nobody). One row per
    /// unit that has pegawai.
    async fn rekap_pemantauan(
        &self,
        instansi_id: i64,
        periode: &PeriodePemantauan,
        unit_id: Option<&[i64]>,
    ) -> StoreResult<Vec<RekapPemantauan>>;
    /// Pegawai with id above `setelah`, by id, at most `batas` (1..=10,000), with their facts
    /// for the period; only those whose position is in one of `unit_id` when given. Keyset
    /// pages as [`crate::StoreLaporan::pegawai_laporan`] (a filtered page may be short and
    /// still have a next one).
    async fn pegawai_pemantauan(
        &self,
        instansi_id: i64,
        periode: &PeriodePemantauan,
        unit_id: Option<&[i64]>,
        setelah: i64,
        batas: i64,
    ) -> StoreResult<HalamanLaporan<PegawaiPemantauan>>;
    /// Every keberatan of the instansi still waiting for a decision, the oldest first.
    async fn keberatan_menunggu(&self, instansi_id: i64) -> StoreResult<Vec<KeberatanMenunggu>>;
}
