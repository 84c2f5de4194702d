//! The reads behind the HR exports (SKP report, evaluation report, TPP basis, ranking, angka
//! kredit), paged so that an export of any size streams: the pegawai in scope are read in keyset
//! pages by id, and each page's SKP and evaluations in a few grouped queries over that page.

use crate::error::StoreResult;
use crate::evaluasi::BarisPeringkat;
use crate::model::Pegawai;
use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use kinerja_domain::evaluasi::keberatan::StatusKeberatan;
use kinerja_domain::evaluasi::StatusEvaluasi;
use kinerja_domain::jabatan::JenisJabatan;
use kinerja_domain::kuadran::{CapaianOrganisasi, Predikat, Rating};
use kinerja_domain::skp::{FormatSkp, StatusSkp};

/// One keyset page of pegawai: `berikut` is the cursor of the next page (the id of the last
/// pegawai read), none after the last page. A page filtered by units may hold fewer items than
/// asked for and still have a next page.
#[derive(Debug, Clone, PartialEq)]
pub struct HalamanLaporan<T> {
    pub items: Vec<T>,
    pub berikut: Option<i64>,
}

/// An SKP of a year as the reports list it (no content, counts only).
#[derive(Debug, Clone, PartialEq)]
pub struct SkpLaporan {
    pub id: i64,
    pub pegawai_id: i64,
    pub unit_id: Option<i64>,
    pub jabatan_id: Option<i64>,
    pub jenis_jabatan: Option<JenisJabatan>,
    pub format: FormatSkp,
    pub status: StatusSkp,
    /// The last set version (0: never set).
    pub nomor_versi: i32,
    pub ditetapkan_pada: Option<NaiveDate>,
    pub mulai: NaiveDate,
    pub selesai: NaiveDate,
    pub rhk_utama: i64,
    pub rhk_tambahan: i64,
    pub iki: i64,
}

/// An evaluation of a period as the reports list it, with its keberatan's status.
#[derive(Debug, Clone, PartialEq)]
pub struct EvaluasiLaporan {
    pub id: i64,
    pub skp_id: i64,
    pub pegawai_id: i64,
    pub periode: String,
    pub capaian_organisasi: Option<CapaianOrganisasi>,
    pub rating_hasil_kerja: Rating,
    pub rating_perilaku: Rating,
    pub predikat: Predikat,
    pub status: StatusEvaluasi,
    /// The day the pegawai received it (the rater's signature).
    pub diterima: Option<NaiveDate>,
    pub ditandatangani_penilai: Option<DateTime<Utc>>,
    pub ditandatangani_pegawai: Option<DateTime<Utc>>,
    pub penilai_pegawai_id: i64,
    pub keberatan: Option<StatusKeberatan>,
}

/// A pegawai named in a row (a pejabat penilai).
#[derive(Debug, Clone, PartialEq)]
pub struct NamaPegawai {
    pub id: i64,
    pub nama: String,
    pub nip: String,
}

#[async_trait]
pub trait StoreLaporan {
    /// Pegawai with id above `setelah`, by id, at most `batas` (1..=10,000); only those whose
    /// position is in one of `unit_id` when given (an empty list selects nobody).
    async fn pegawai_laporan(
        &self,
        instansi_id: i64,
        unit_id: Option<&[i64]>,
        setelah: i64,
        batas: i64,
    ) -> StoreResult<HalamanLaporan<Pegawai>>;
    /// The open (not closed) SKP of a year of these pegawai, with RHK and IKI counts.
    async fn skp_laporan(
        &self,
        instansi_id: i64,
        tahun: i32,
        pegawai_id: &[i64],
    ) -> StoreResult<Vec<SkpLaporan>>;
    /// Every SKP of a year closed by a mutasi (few: read once per report).
    async fn skp_ditutup_laporan(
        &self,
        instansi_id: i64,
        tahun: i32,
    ) -> StoreResult<Vec<SkpLaporan>>;
    /// The evaluations of a period, light (as [`crate::StoreEvaluasi::baris_peringkat`]), in
    /// keyset pages by evaluation id, for a ranking that must see them all before its first row.
    async fn baris_peringkat_laporan(
        &self,
        instansi_id: i64,
        periode: &str,
        setelah: i64,
        batas: i64,
    ) -> StoreResult<HalamanLaporan<BarisPeringkat>>;
    /// Name and NIP of these pegawai (the raters a page names), by id.
    async fn nama_pegawai_laporan(
        &self,
        instansi_id: i64,
        pegawai_id: &[i64],
    ) -> StoreResult<Vec<NamaPegawai>>;
    /// The evaluations of a period on the open SKP of its year of these pegawai (those on SKP
    /// closed by a mutasi come from [`StoreLaporan::evaluasi_laporan`]), with their keberatan.
    async fn evaluasi_pegawai_laporan(
        &self,
        instansi_id: i64,
        periode: &str,
        tahun: i32,
        pegawai_id: &[i64],
    ) -> StoreResult<Vec<EvaluasiLaporan>>;
    /// The evaluations of a period on these SKP, with the status of their keberatan.
    async fn evaluasi_laporan(
        &self,
        instansi_id: i64,
        periode: &str,
        skp_id: &[i64],
    ) -> StoreResult<Vec<EvaluasiLaporan>>;
}
