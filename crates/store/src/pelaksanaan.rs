//! What the execution stage persists (Pasal 16–22): realisation and evidence, feedback and 360
//! requests, follow-up, progress reports on assignments, the inbox, and the server's jobs.
//!
//! A supertrait of [`crate::Store`], kept apart so the planning and organisation parts stay
//! readable. Writes that notify someone take the notifications along: they land in the same
//! transaction as the change, so an acknowledged change never loses its message.

use crate::error::StoreResult;
use crate::model::Pelaku;
use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use kinerja_domain::pelaksanaan::kalender::FrekuensiUmpanBalik;
use kinerja_domain::pelaksanaan::realisasi::RealisasiSah;
use kinerja_domain::pelaksanaan::tindak_lanjut::{JenisTindakLanjut, Pembinaan, TindakLanjutSah};
use kinerja_domain::pelaksanaan::umpan_balik::{
    CaraUmpanBalik, JenisUmpanBalik, PemberiUmpanBalik, UmpanBalikSah,
};
use kinerja_domain::perilaku::AspekPerilaku;
use kinerja_domain::skp::StatusSkp;
use serde::Serialize;

/// One piece of evidence: an uploaded file or a link.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Bukti {
    pub id: i64,
    pub realisasi_id: i64,
    /// The RHK of the realisation (who may see it depends on it).
    pub rhk_id: i64,
    pub skp_id: i64,
    pub pegawai_id: i64,
    pub keterangan: String,
    pub url: Option<String>,
    pub nama_berkas: Option<String>,
    /// pdf, png, jpeg, docx, … (detected from the content).
    pub jenis_berkas: Option<String>,
    pub ukuran: Option<i64>,
    /// SHA-256 of the file, hex.
    pub sha256: Option<String>,
    /// Where the storage keeps the file (never shown).
    #[serde(skip)]
    pub kunci: Option<String>,
    pub dibuat: DateTime<Utc>,
    pub dibuat_oleh: String,
}

#[derive(Debug, Clone)]
pub struct BuktiBaru {
    pub keterangan: String,
    pub url: Option<String>,
    pub nama_berkas: Option<String>,
    pub jenis_berkas: Option<String>,
    pub ukuran: Option<i64>,
    pub sha256: Option<String>,
    pub kunci: Option<String>,
}

/// The realisation of one IKI in one month, with its evidence.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Realisasi {
    pub id: i64,
    pub skp_id: i64,
    pub rhk_id: i64,
    pub iki_id: i64,
    pub pegawai_id: i64,
    pub bulan: u32,
    pub realisasi: String,
    pub catatan: Option<String>,
    pub dibuat: DateTime<Utc>,
    pub diubah: DateTime<Utc>,
    pub bukti: Vec<Bukti>,
}

/// One pegawai's month at a glance (the rater's team view).
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct RekapBulan {
    pub pegawai_id: i64,
    pub skp_id: i64,
    pub status: StatusSkp,
    pub ditetapkan_pada: Option<NaiveDate>,
    pub mulai: NaiveDate,
    pub selesai: NaiveDate,
    pub jumlah_iki: i64,
    /// IKI with a realisation this month.
    pub iki_terisi: i64,
    /// IKI with a realisation and at least one piece of evidence.
    pub iki_berbukti: i64,
    pub diubah_terakhir: Option<DateTime<Utc>>,
    /// The rater's last berkala feedback on this SKP.
    pub berkala_terakhir: Option<NaiveDate>,
    /// The schedule agreed in the lampiran, if any.
    pub frekuensi_umpan_balik: Option<FrekuensiUmpanBalik>,
    pub pegawai_nama: String,
}

/// A piece of continuous feedback as recorded.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct UmpanBalik {
    pub id: i64,
    pub skp_id: i64,
    pub pegawai_id: i64,
    pub pemberi_pegawai_id: i64,
    pub pemberi_nama: String,
    pub pemberi_jabatan: Option<String>,
    pub sebagai: PemberiUmpanBalik,
    pub rhk_id: Option<i64>,
    pub aspek: Option<AspekPerilaku>,
    pub jenis: JenisUmpanBalik,
    pub cara: CaraUmpanBalik,
    pub isi: String,
    pub sumber: String,
    pub tanggal: NaiveDate,
    pub permintaan_id: Option<i64>,
    pub penugasan_id: Option<i64>,
    /// Hidden from the pegawai (never from the audit log).
    pub anonim: bool,
    pub tanggapan: Option<String>,
    pub ditanggapi: Option<DateTime<Utc>>,
    pub dibuat: DateTime<Utc>,
}

#[derive(Debug, Clone)]
pub struct UmpanBalikBaru {
    pub skp_id: i64,
    pub pegawai_id: i64,
    pub pemberi_pegawai_id: i64,
    pub sebagai: PemberiUmpanBalik,
    pub sah: UmpanBalikSah,
    pub permintaan_id: Option<i64>,
    pub penugasan_id: Option<i64>,
    pub anonim: bool,
}

#[derive(Debug, Clone, Default)]
pub struct FilterUmpanBalik {
    pub skp_id: Option<i64>,
    pub pemberi_pegawai_id: Option<i64>,
    pub penugasan_id: Option<i64>,
    /// Newest first; the id of the last item of the previous page.
    pub sebelum_id: Option<i64>,
    pub limit: i64,
}

/// A request for 360 feedback.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct PermintaanUmpanBalik {
    pub id: i64,
    pub skp_id: i64,
    pub pegawai_id: i64,
    pub pegawai_nama: String,
    pub peminta_pegawai_id: i64,
    pub pemberi_pegawai_id: i64,
    pub pemberi_nama: String,
    pub sebagai: PemberiUmpanBalik,
    pub batas: NaiveDate,
    pub anonim: bool,
    pub pesan: Option<String>,
    /// menunggu, dijawab.
    pub status: String,
    pub dibuat: DateTime<Utc>,
}

#[derive(Debug, Clone)]
pub struct PermintaanBaru {
    pub skp_id: i64,
    pub pegawai_id: i64,
    pub peminta_pegawai_id: i64,
    pub pemberi_pegawai_id: i64,
    pub sebagai: PemberiUmpanBalik,
    pub batas: NaiveDate,
    pub anonim: bool,
    pub pesan: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct FilterPermintaan {
    pub skp_id: Option<i64>,
    pub pemberi_pegawai_id: Option<i64>,
    pub status: Option<String>,
    pub batas_sampai: Option<NaiveDate>,
    pub limit: i64,
}

/// A follow-up recorded by the leader.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct TindakLanjut {
    pub id: i64,
    pub skp_id: i64,
    pub pegawai_id: i64,
    pub oleh_pegawai_id: i64,
    pub oleh_nama: String,
    pub jenis: JenisTindakLanjut,
    pub rhk_id: Option<i64>,
    pub umpan_balik_id: Option<i64>,
    pub uraian: String,
    pub pembinaan: Option<Pembinaan>,
    pub penugasan_id: Option<i64>,
    pub dibuat: DateTime<Utc>,
}

#[derive(Debug, Clone)]
pub struct TindakLanjutBaru {
    pub skp_id: i64,
    pub pegawai_id: i64,
    pub oleh_pegawai_id: i64,
    pub sah: TindakLanjutSah,
    pub umpan_balik_id: Option<i64>,
    pub penugasan_id: Option<i64>,
}

/// A progress report on an assignment, to the assigning official with a copy to the rater.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct LaporanPenugasan {
    pub id: i64,
    pub penugasan_id: i64,
    pub skp_id: Option<i64>,
    pub pegawai_id: i64,
    pub pegawai_nama: String,
    pub isi: String,
    pub dibuat: DateTime<Utc>,
}

/// A message in a pegawai's inbox.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Notifikasi {
    pub id: i64,
    pub pegawai_id: i64,
    /// pengingat_realisasi, pengingat_umpan_balik, pengingat_evaluasi, pengingat_permintaan,
    /// umpan_balik, permintaan_umpan_balik, tindak_lanjut, laporan_penugasan, …
    pub jenis: String,
    pub judul: String,
    pub isi: String,
    pub tautan: Option<String>,
    pub dibaca: Option<DateTime<Utc>>,
    pub dibuat: DateTime<Utc>,
}

#[derive(Debug, Clone)]
pub struct NotifikasiBaru {
    pub pegawai_id: i64,
    pub jenis: String,
    pub judul: String,
    pub isi: String,
    pub tautan: Option<String>,
    /// Identity of a reminder: the same key is delivered once.
    pub kunci: Option<String>,
    /// Also send by e-mail to this address.
    pub email_ke: Option<String>,
}

/// An e-mail waiting in the queue, claimed by one node.
#[derive(Debug, Clone)]
pub struct EmailAntre {
    pub id: i64,
    pub ke: String,
    pub judul: String,
    pub isi: String,
    pub tautan: Option<String>,
    pub percobaan: i64,
}

/// A job of the server's runner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pekerjaan {
    pub id: i64,
    pub jenis: String,
    pub kunci: String,
    pub instansi_id: Option<i64>,
    /// menunggu, berjalan, selesai, gagal.
    pub status: String,
    pub percobaan: i64,
}

#[async_trait]
pub trait StorePelaksanaan: Send + Sync {
    // --- realisasi and bukti ---------------------------------------------------------------
    /// The realisations of an SKP (one month, or all), with their evidence.
    async fn realisasi_skp(
        &self,
        instansi_id: i64,
        skp_id: i64,
        bulan: Option<u32>,
    ) -> StoreResult<Vec<Realisasi>>;
    async fn realisasi(&self, instansi_id: i64, id: i64) -> StoreResult<Option<Realisasi>>;
    /// Write the realisation of an IKI for a month (replacing the month's earlier text).
    async fn simpan_realisasi(
        &self,
        instansi_id: i64,
        pegawai_id: i64,
        r: &RealisasiSah,
        pelaku: &Pelaku,
    ) -> StoreResult<Realisasi>;
    async fn tambah_bukti(
        &self,
        instansi_id: i64,
        realisasi_id: i64,
        b: &BuktiBaru,
        pelaku: &Pelaku,
    ) -> StoreResult<Bukti>;
    async fn bukti(&self, instansi_id: i64, id: i64) -> StoreResult<Option<Bukti>>;
    /// Remove the record; answers it (the caller removes the stored file).
    async fn hapus_bukti(&self, instansi_id: i64, id: i64, pelaku: &Pelaku) -> StoreResult<Bukti>;
    /// Every open SKP of these pegawai for the year with the month's documentation counts.
    async fn rekap_bulan(
        &self,
        instansi_id: i64,
        pegawai_id: &[i64],
        tahun: i32,
        bulan: u32,
    ) -> StoreResult<Vec<RekapBulan>>;
    /// Same, for every set SKP of the instansi (reminders).
    async fn rekap_bulan_instansi(
        &self,
        instansi_id: i64,
        tahun: i32,
        bulan: u32,
    ) -> StoreResult<Vec<RekapBulan>>;

    // --- umpan balik -----------------------------------------------------------------------
    /// Record feedback (answering its request, if any) with its notifications.
    async fn buat_umpan_balik(
        &self,
        instansi_id: i64,
        b: &UmpanBalikBaru,
        notifikasi: &[NotifikasiBaru],
        pelaku: &Pelaku,
    ) -> StoreResult<UmpanBalik>;
    async fn umpan_balik(&self, instansi_id: i64, id: i64) -> StoreResult<Option<UmpanBalik>>;
    async fn daftar_umpan_balik(
        &self,
        instansi_id: i64,
        f: &FilterUmpanBalik,
    ) -> StoreResult<Vec<UmpanBalik>>;
    async fn tanggapi_umpan_balik(
        &self,
        instansi_id: i64,
        id: i64,
        tanggapan: &str,
        notifikasi: &[NotifikasiBaru],
        pelaku: &Pelaku,
    ) -> StoreResult<UmpanBalik>;
    async fn buat_permintaan(
        &self,
        instansi_id: i64,
        b: &PermintaanBaru,
        notifikasi: &[NotifikasiBaru],
        pelaku: &Pelaku,
    ) -> StoreResult<PermintaanUmpanBalik>;
    async fn permintaan(
        &self,
        instansi_id: i64,
        id: i64,
    ) -> StoreResult<Option<PermintaanUmpanBalik>>;
    async fn daftar_permintaan(
        &self,
        instansi_id: i64,
        f: &FilterPermintaan,
    ) -> StoreResult<Vec<PermintaanUmpanBalik>>;
    async fn atur_anonim_permintaan(
        &self,
        instansi_id: i64,
        id: i64,
        anonim: bool,
        pelaku: &Pelaku,
    ) -> StoreResult<PermintaanUmpanBalik>;

    // --- tindak lanjut and laporan penugasan -------------------------------------------------
    async fn buat_tindak_lanjut(
        &self,
        instansi_id: i64,
        b: &TindakLanjutBaru,
        notifikasi: &[NotifikasiBaru],
        pelaku: &Pelaku,
    ) -> StoreResult<TindakLanjut>;
    async fn daftar_tindak_lanjut(
        &self,
        instansi_id: i64,
        skp_id: i64,
    ) -> StoreResult<Vec<TindakLanjut>>;
    #[allow(clippy::too_many_arguments)]
    async fn buat_laporan_penugasan(
        &self,
        instansi_id: i64,
        penugasan_id: i64,
        skp_id: Option<i64>,
        pegawai_id: i64,
        isi: &str,
        notifikasi: &[NotifikasiBaru],
        pelaku: &Pelaku,
    ) -> StoreResult<LaporanPenugasan>;
    async fn daftar_laporan_penugasan(
        &self,
        instansi_id: i64,
        penugasan_id: i64,
    ) -> StoreResult<Vec<LaporanPenugasan>>;

    // --- inbox, e-mail queue, jobs -------------------------------------------------------------
    /// Deliver notifications; one whose (pegawai, kunci) was delivered before is skipped.
    /// Answers how many were new.
    async fn kirim_notifikasi(&self, instansi_id: i64, n: &[NotifikasiBaru]) -> StoreResult<u64>;
    async fn kotak_masuk(
        &self,
        instansi_id: i64,
        pegawai_id: i64,
        sebelum_id: Option<i64>,
        limit: i64,
    ) -> StoreResult<Vec<Notifikasi>>;
    async fn jumlah_belum_dibaca(&self, instansi_id: i64, pegawai_id: i64) -> StoreResult<i64>;
    /// Mark one (or, with None, every) message of the pegawai read.
    async fn tandai_dibaca(
        &self,
        instansi_id: i64,
        pegawai_id: i64,
        id: Option<i64>,
    ) -> StoreResult<u64>;
    /// Claim up to `limit` queued e-mails for `sewa` (a lease: unsent ones return to the queue
    /// when it runs out).
    async fn klaim_email(
        &self,
        sekarang: DateTime<Utc>,
        sewa_sampai: DateTime<Utc>,
        limit: i64,
    ) -> StoreResult<Vec<EmailAntre>>;
    async fn selesai_email(&self, id: i64, terkirim: bool) -> StoreResult<()>;
    /// Schedule a job once per (jenis, kunci); answers whether it was new.
    async fn jadwalkan_pekerjaan(
        &self,
        jenis: &str,
        kunci: &str,
        instansi_id: Option<i64>,
        jalan_pada: DateTime<Utc>,
    ) -> StoreResult<bool>;
    /// Claim one due job for `node` until `sewa_sampai` (also one whose lease ran out).
    async fn klaim_pekerjaan(
        &self,
        node: &str,
        sekarang: DateTime<Utc>,
        sewa_sampai: DateTime<Utc>,
    ) -> StoreResult<Option<Pekerjaan>>;
    async fn selesai_pekerjaan(
        &self,
        id: i64,
        node: &str,
        berhasil: bool,
        pesan: Option<&str>,
    ) -> StoreResult<()>;
}
