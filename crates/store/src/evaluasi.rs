//! What the evaluation stage persists (Pasal 23–31): the capaian kinerja organisasi of each
//! unit and period, each evaluation (periodic or annual) with its ratings, derived predikat and
//! signatures, and keberatan with both sides' comments and the atasan's decision.
//!
//! Locking is enforced here too: a signed evaluation is changed only by the conditional updates
//! of a keberatan decision or a reopening, so two writers can never both win.

use crate::error::StoreResult;
use crate::model::Pelaku;
use crate::pelaksanaan::NotifikasiBaru;
use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use kinerja_domain::evaluasi::keberatan::{PihakKeberatan, PutusanSah, StatusKeberatan};
use kinerja_domain::evaluasi::saran::DataAkademik;
use kinerja_domain::evaluasi::{DasarEvaluasi, StatusEvaluasi};
use kinerja_domain::kuadran::{CapaianOrganisasi, Predikat, Rating};
use kinerja_domain::skp::StatusSkp;
use serde::{Deserialize, Serialize};

/// A unit's performance for a period.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct CapaianTersimpan {
    pub id: i64,
    pub unit_id: i64,
    pub unit_nama: String,
    /// Period code: "2026-03", "2026-T1" or "2026".
    pub periode: String,
    pub capaian_organisasi: CapaianOrganisasi,
    pub catatan: Option<String>,
    pub oleh_pegawai_id: Option<i64>,
    pub oleh: String,
    pub version: i64,
    pub updated_at: DateTime<Utc>,
}

/// One evaluation of one SKP for one period.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Evaluasi {
    pub id: i64,
    pub skp_id: i64,
    pub pegawai_id: i64,
    pub nip: String,
    pub nama: String,
    pub unit_id: Option<i64>,
    pub periode: String,
    pub tahun: i32,
    pub dasar: DasarEvaluasi,
    /// The unit whose capaian applied, and that capaian (none for tugas belajar).
    pub capaian_unit_id: Option<i64>,
    pub capaian_organisasi: Option<CapaianOrganisasi>,
    pub penilai_pegawai_id: i64,
    pub atasan_pegawai_id: Option<i64>,
    /// The SKP version in force in the period.
    pub nomor_versi_skp: i32,
    pub saran_hasil_kerja: Rating,
    pub saran_perilaku: Rating,
    pub rating_hasil_kerja: Rating,
    pub rating_perilaku: Rating,
    pub predikat: Predikat,
    pub alasan_hasil_kerja: Option<String>,
    pub alasan_perilaku: Option<String>,
    pub catatan: Option<String>,
    pub rekomendasi: Option<String>,
    pub akademik: Option<DataAkademik>,
    pub status: StatusEvaluasi,
    pub ditandatangani_penilai: Option<DateTime<Utc>>,
    pub ditandatangani_pegawai: Option<DateTime<Utc>>,
    /// The day the pegawai received it (the rater's signature): the keberatan clock starts.
    pub diterima: Option<NaiveDate>,
    /// Why an HR admin last reopened it.
    pub alasan_dibuka: Option<String>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A rating to write (insert, or update of a draft read at `version`).
#[derive(Debug, Clone)]
pub struct EvaluasiSimpan {
    pub skp_id: i64,
    pub pegawai_id: i64,
    pub unit_id: Option<i64>,
    pub periode: String,
    pub tahun: i32,
    pub dasar: DasarEvaluasi,
    pub capaian_unit_id: Option<i64>,
    pub capaian: Option<CapaianOrganisasi>,
    pub penilai_pegawai_id: i64,
    pub atasan_pegawai_id: Option<i64>,
    pub nomor_versi_skp: i32,
    pub saran_hasil_kerja: Rating,
    pub saran_perilaku: Rating,
    pub rating_hasil_kerja: Rating,
    pub rating_perilaku: Rating,
    pub predikat: Predikat,
    pub alasan_hasil_kerja: Option<String>,
    pub alasan_perilaku: Option<String>,
    pub catatan: Option<String>,
    pub rekomendasi: Option<String>,
    pub akademik: Option<DataAkademik>,
}

#[derive(Debug, Clone, Default)]
pub struct FilterEvaluasi {
    pub periode: Option<String>,
    pub tahun: Option<i32>,
    pub skp_id: Option<Vec<i64>>,
    pub pegawai_id: Option<Vec<i64>>,
    pub penilai_pegawai_id: Option<i64>,
    pub status: Option<StatusEvaluasi>,
    pub limit: i64,
}

/// A comment of one side in a keberatan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct KomentarKeberatan {
    pub pegawai_id: i64,
    pub nama: String,
    pub pihak: PihakKeberatan,
    pub isi: String,
    pub waktu: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Keberatan {
    pub id: i64,
    pub evaluasi_id: i64,
    pub skp_id: i64,
    pub pegawai_id: i64,
    pub nama: String,
    pub periode: String,
    pub penilai_pegawai_id: i64,
    pub atasan_pegawai_id: Option<i64>,
    pub alasan: String,
    pub status: StatusKeberatan,
    /// The last day it could be filed.
    pub batas: NaiveDate,
    pub rating_hasil_kerja_semula: Rating,
    pub rating_perilaku_semula: Rating,
    pub predikat_semula: Predikat,
    pub rating_hasil_kerja_baru: Option<Rating>,
    pub rating_perilaku_baru: Option<Rating>,
    pub predikat_baru: Option<Predikat>,
    pub alasan_putusan: Option<String>,
    pub komentar: Vec<KomentarKeberatan>,
    pub created_at: DateTime<Utc>,
    pub diputuskan: Option<DateTime<Utc>>,
    pub diputuskan_oleh: Option<String>,
    pub version: i64,
}

#[derive(Debug, Clone)]
pub struct KeberatanBaru {
    pub evaluasi_id: i64,
    pub alasan: String,
    pub batas: NaiveDate,
    pub atasan_pegawai_id: Option<i64>,
}

#[derive(Debug, Clone, Default)]
pub struct FilterKeberatan {
    pub pegawai_id: Option<i64>,
    pub penilai_pegawai_id: Option<i64>,
    pub atasan_pegawai_id: Option<i64>,
    pub status: Option<StatusKeberatan>,
    pub limit: i64,
}

/// Count of evaluations in a period per capaian unit, rater, status and predikat.
#[derive(Debug, Clone, PartialEq)]
pub struct JumlahPredikat {
    pub capaian_unit_id: Option<i64>,
    pub penilai_pegawai_id: i64,
    pub status: StatusEvaluasi,
    pub predikat: Predikat,
    pub jumlah: i64,
}

/// One evaluated pegawai for a ranking.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct BarisPeringkat {
    pub evaluasi_id: i64,
    pub pegawai_id: i64,
    pub nip: String,
    pub nama: String,
    pub unit_id: Option<i64>,
    pub predikat: Predikat,
    pub status: StatusEvaluasi,
}

/// An SKP of a year, light: which SKP a period belongs to, who is to be rated.
#[derive(Debug, Clone, PartialEq)]
pub struct MasaSkpPegawai {
    pub skp_id: i64,
    pub pegawai_id: i64,
    pub unit_id: Option<i64>,
    pub jabatan_id: Option<i64>,
    pub mulai: NaiveDate,
    pub selesai: NaiveDate,
    pub status: StatusSkp,
    pub nomor_versi: i32,
    pub tugas_belajar: bool,
}

/// (skp, rhk, jenis tindak lanjut, jenis pembinaan, count).
pub type JumlahTindakLanjut = (i64, Option<i64>, String, Option<String>, i64);
/// (skp, rhk, aspek, sebagai, count).
pub type JumlahUmpanBalik = (i64, Option<i64>, Option<String>, String, i64);

/// Counts over a period of what was recorded on an SKP, per RHK (None: perilaku or the SKP).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CatatanPeriode {
    /// (skp, rhk) → IKI-months documented.
    pub realisasi: Vec<(i64, i64, i64)>,
    /// (skp, rhk, jenis tindak lanjut, jenis pembinaan) → count.
    pub tindak_lanjut: Vec<JumlahTindakLanjut>,
    /// (skp, rhk, aspek, sebagai) → count.
    pub umpan_balik: Vec<JumlahUmpanBalik>,
}

#[async_trait]
pub trait StoreEvaluasi: Send + Sync {
    // --- capaian kinerja organisasi -----------------------------------------------------------
    async fn capaian_periode(
        &self,
        instansi_id: i64,
        periode: &str,
    ) -> StoreResult<Vec<CapaianTersimpan>>;
    /// Set a unit's capaian for a period: a new one, or over the one read at `version`
    /// (missing or stale → conflict).
    #[allow(clippy::too_many_arguments)]
    async fn simpan_capaian(
        &self,
        instansi_id: i64,
        unit_id: i64,
        periode: &str,
        capaian: CapaianOrganisasi,
        catatan: Option<&str>,
        oleh_pegawai_id: Option<i64>,
        version: Option<i64>,
        pelaku: &Pelaku,
    ) -> StoreResult<CapaianTersimpan>;

    // --- evaluasi -----------------------------------------------------------------------------
    async fn evaluasi(&self, instansi_id: i64, id: i64) -> StoreResult<Option<Evaluasi>>;
    async fn evaluasi_skp(
        &self,
        instansi_id: i64,
        skp_id: i64,
        periode: &str,
    ) -> StoreResult<Option<Evaluasi>>;
    async fn daftar_evaluasi(
        &self,
        instansi_id: i64,
        f: &FilterEvaluasi,
    ) -> StoreResult<Vec<Evaluasi>>;
    /// Insert (`version` None; one per SKP and period) or update the draft read at `version`.
    /// A signed or stale one is a conflict.
    async fn simpan_evaluasi(
        &self,
        instansi_id: i64,
        e: &EvaluasiSimpan,
        version: Option<i64>,
        pelaku: &Pelaku,
    ) -> StoreResult<Evaluasi>;
    /// The rater signs a draft (received by the pegawai on `diterima`).
    async fn tandatangani_evaluasi(
        &self,
        instansi_id: i64,
        id: i64,
        diterima: NaiveDate,
        notifikasi: &[NotifikasiBaru],
        pelaku: &Pelaku,
    ) -> StoreResult<Evaluasi>;
    /// The pegawai signs a rater-signed evaluation.
    async fn terima_evaluasi(
        &self,
        instansi_id: i64,
        id: i64,
        notifikasi: &[NotifikasiBaru],
        pelaku: &Pelaku,
    ) -> StoreResult<Evaluasi>;
    /// HR admin reopens a signed evaluation without a keberatan: back to draft.
    async fn buka_kembali_evaluasi(
        &self,
        instansi_id: i64,
        id: i64,
        alasan: &str,
        notifikasi: &[NotifikasiBaru],
        pelaku: &Pelaku,
    ) -> StoreResult<Evaluasi>;
    /// Counts per capaian unit, rater, status and predikat for a period (one capaian unit's
    /// only, with `capaian_unit_id`).
    async fn jumlah_predikat(
        &self,
        instansi_id: i64,
        periode: &str,
        capaian_unit_id: Option<i64>,
    ) -> StoreResult<Vec<JumlahPredikat>>;
    /// Every evaluation of a period, light, for rankings.
    async fn baris_peringkat(
        &self,
        instansi_id: i64,
        periode: &str,
    ) -> StoreResult<Vec<BarisPeringkat>>;
    /// SKP of a year (closed ones too) of these pegawai, or closed ones for these positions.
    async fn masa_skp(
        &self,
        instansi_id: i64,
        tahun: i32,
        pegawai_id: &[i64],
        jabatan_ditutup: &[i64],
    ) -> StoreResult<Vec<MasaSkpPegawai>>;
    /// What was recorded on these SKP between two days (months `bulan_awal..=bulan_akhir`).
    async fn catatan_periode(
        &self,
        instansi_id: i64,
        skp_id: &[i64],
        bulan_awal: u32,
        bulan_akhir: u32,
        mulai: NaiveDate,
        selesai: NaiveDate,
    ) -> StoreResult<CatatanPeriode>;

    // --- keberatan ----------------------------------------------------------------------------
    /// File a keberatan (one per evaluation; a second is a conflict).
    async fn ajukan_keberatan(
        &self,
        instansi_id: i64,
        b: &KeberatanBaru,
        notifikasi: &[NotifikasiBaru],
        pelaku: &Pelaku,
    ) -> StoreResult<Keberatan>;
    async fn keberatan(&self, instansi_id: i64, id: i64) -> StoreResult<Option<Keberatan>>;
    async fn keberatan_evaluasi(
        &self,
        instansi_id: i64,
        evaluasi_id: i64,
    ) -> StoreResult<Option<Keberatan>>;
    async fn daftar_keberatan(
        &self,
        instansi_id: i64,
        f: &FilterKeberatan,
    ) -> StoreResult<Vec<Keberatan>>;
    /// Add a comment while the keberatan is pending.
    async fn komentari_keberatan(
        &self,
        instansi_id: i64,
        id: i64,
        k: &KomentarKeberatan,
        notifikasi: &[NotifikasiBaru],
        pelaku: &Pelaku,
    ) -> StoreResult<Keberatan>;
    /// Decide a pending keberatan; when upheld, the evaluation takes the new ratings (the
    /// original stays on the keberatan). One transaction.
    async fn putuskan_keberatan(
        &self,
        instansi_id: i64,
        id: i64,
        p: &PutusanSah,
        notifikasi: &[NotifikasiBaru],
        pelaku: &Pelaku,
    ) -> StoreResult<Keberatan>;
}
