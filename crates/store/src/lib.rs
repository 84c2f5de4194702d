//! The Store: one trait for everything the application persists, one SQL implementation of it
//! ([`sql::SqlStore`]) written once over a thin [`sql::Backend`] seam, and the conformance suite
//! that every backend (SQLite, PostgreSQL) must pass.
//!
//! Backend crates supply only what differs: connections and transactions, migrations, and the
//! binding/decoding of values. Every query and every row mapping lives here, once.

pub mod audit;
pub mod conformance;
pub mod dokumen;
pub mod error;
pub mod evaluasi;
pub mod laporan;
pub mod masuk;
pub mod model;
pub mod pelaksanaan;
pub mod pemantauan;
pub mod penghargaan;
pub mod profil;
pub mod sanksi;
pub mod sql;
mod sql_store;
pub mod talenta;

pub use dokumen::*;
pub use error::{StoreError, StoreResult};
pub use evaluasi::*;
pub use laporan::*;
pub use masuk::*;
pub use model::*;
pub use pelaksanaan::*;
pub use pemantauan::*;
pub use penghargaan::*;
pub use profil::*;
pub use sanksi::*;
pub use talenta::*;

use async_trait::async_trait;

/// Everything the application reads and writes. Every write runs in one transaction together
/// with its audit-log entries, so a change and its audit record are never separated.
#[async_trait]
pub trait Store:
    StorePelaksanaan
    + StoreEvaluasi
    + StoreDokumen
    + StoreLaporan
    + StorePenghargaan
    + StoreSanksi
    + StorePemantauan
    + StoreTalenta
    + StoreProfil
    + StoreMasuk
    + Send
    + Sync
    + 'static
{
    /// `sqlite` or `postgres`.
    fn backend(&self) -> &'static str;

    // --- instansi -------------------------------------------------------------------------
    /// The instansi this deployment serves first (the demo, or the one created at setup).
    async fn instansi_utama(&self) -> StoreResult<Option<Instansi>>;
    async fn instansi(&self, id: i64) -> StoreResult<Option<Instansi>>;
    /// Create an instansi, or return the existing one with the same kode.
    async fn pastikan_instansi(
        &self,
        baru: &InstansiBaru,
        pelaku: &Pelaku,
    ) -> StoreResult<Instansi>;

    // --- organisation ---------------------------------------------------------------------
    /// Insert or update units, positions and pegawai by their keys (unit/jabatan kode, NIP), all
    /// in one transaction. The data must already be validated (the app does that).
    async fn impor_organisasi(
        &self,
        instansi_id: i64,
        data: &DataOrganisasi,
        pelaku: &Pelaku,
    ) -> StoreResult<RingkasanImpor>;
    /// A counter bumped by every organisation write (units, positions, pegawai, rater table,
    /// overrides): a cached organisation older than this is stale.
    async fn versi_organisasi(&self, instansi_id: i64) -> StoreResult<i64>;
    /// The whole organisation as the rater resolution needs it.
    async fn muat_organisasi(&self, instansi_id: i64) -> StoreResult<SnapshotOrganisasi>;
    async fn daftar_unit(&self, instansi_id: i64) -> StoreResult<Vec<Unit>>;
    async fn unit(&self, instansi_id: i64, id: i64) -> StoreResult<Option<Unit>>;
    async fn daftar_jabatan(
        &self,
        instansi_id: i64,
        unit_id: Option<i64>,
    ) -> StoreResult<Vec<Jabatan>>;
    async fn cari_pegawai(
        &self,
        instansi_id: i64,
        filter: &FilterPegawai,
    ) -> StoreResult<Halaman<Pegawai>>;
    async fn pegawai_by_nip(&self, instansi_id: i64, nip: &str) -> StoreResult<Option<Pegawai>>;
    async fn pegawai_by_ids(&self, instansi_id: i64, ids: &[i64]) -> StoreResult<Vec<Pegawai>>;
    /// Every pegawai, ordered by unit then name (exports).
    async fn semua_pegawai(&self, instansi_id: i64) -> StoreResult<Vec<Pegawai>>;
    async fn statistik(&self, instansi_id: i64) -> StoreResult<Statistik>;

    // --- rater table and overrides --------------------------------------------------------
    /// Replace the instansi's rater table (Lampiran II) with these rules.
    async fn simpan_aturan_penilai(
        &self,
        instansi_id: i64,
        aturan: &[kinerja_domain::penilai::AturanPenilai],
        pelaku: &Pelaku,
    ) -> StoreResult<()>;
    async fn tetapkan_pengganti_penilai(
        &self,
        instansi_id: i64,
        pengganti: &kinerja_domain::penilai::PenggantiPenilai,
        pelaku: &Pelaku,
    ) -> StoreResult<()>;
    async fn hapus_pengganti_penilai(
        &self,
        instansi_id: i64,
        pegawai_id: i64,
        pelaku: &Pelaku,
    ) -> StoreResult<bool>;

    // --- policy profile: see [`StoreProfil`] ---------------------------------------------

    // --- accounts and sessions ------------------------------------------------------------
    /// Create the account, or update password/role/pegawai of the one with that username.
    async fn simpan_akun(&self, akun: &AkunBaru, pelaku: &Pelaku) -> StoreResult<Akun>;
    /// Create many accounts at once, skipping usernames that exist (demo, bulk onboarding).
    async fn simpan_akun_massal(&self, akun: &[AkunBaru], pelaku: &Pelaku) -> StoreResult<u64>;
    async fn akun_by_username(&self, username: &str) -> StoreResult<Option<Akun>>;
    async fn ubah_bahasa(&self, akun_id: i64, bahasa: &str) -> StoreResult<()>;
    async fn buat_sesi(&self, sesi: &SesiBaru) -> StoreResult<()>;
    /// The session with this token hash if it is neither expired nor revoked, with its account.
    async fn sesi_aktif(
        &self,
        token_hash: &str,
        sekarang: chrono::DateTime<chrono::Utc>,
    ) -> StoreResult<Option<(Sesi, Akun)>>;
    async fn cabut_sesi(&self, token_hash: &str) -> StoreResult<()>;
    // Failed-login counters, lockout and password changes: see [`StoreMasuk`].

    // --- planning: SKP -------------------------------------------------------------------
    async fn skp(&self, instansi_id: i64, id: i64) -> StoreResult<Option<SkpTersimpan>>;
    /// The open (not closed) SKP of these pegawai for a year.
    async fn skp_tahun(
        &self,
        instansi_id: i64,
        pegawai_id: &[i64],
        tahun: i32,
    ) -> StoreResult<Vec<SkpTersimpan>>;
    async fn daftar_skp(
        &self,
        instansi_id: i64,
        filter: &FilterSkp,
    ) -> StoreResult<Halaman<RingkasanSkp>>;
    /// Create an SKP with its content. A second open SKP for the same pegawai and year is a
    /// conflict.
    async fn buat_skp(
        &self,
        instansi_id: i64,
        skp: &kinerja_domain::skp::Skp,
        asal_skp_id: Option<i64>,
        pelaku: &Pelaku,
    ) -> StoreResult<SkpTersimpan>;
    /// Write the SKP over the stored one read at `versi_dibaca` (older → conflict), touching only
    /// the RHK/IKI that changed; with `versi_baru`, also record a numbered version.
    async fn simpan_skp(
        &self,
        instansi_id: i64,
        skp: &kinerja_domain::skp::Skp,
        versi_dibaca: i64,
        aksi: &str,
        versi_baru: Option<&VersiBaru>,
        pelaku: &Pelaku,
    ) -> StoreResult<SkpTersimpan>;
    async fn versi_skp(&self, instansi_id: i64, skp_id: i64) -> StoreResult<Vec<VersiSkp>>;
    async fn isi_versi_skp(
        &self,
        instansi_id: i64,
        skp_id: i64,
        nomor: i32,
    ) -> StoreResult<Option<(VersiSkp, kinerja_domain::skp::Skp)>>;
    /// Member RHK (of open SKP) intervening one of these leader RHK.
    async fn rhk_anggota(
        &self,
        instansi_id: i64,
        rhk_pimpinan: &[i64],
    ) -> StoreResult<Vec<RhkAnggota>>;
    /// Mutasi in one transaction: the pegawai takes the new position, the SKP at the old place
    /// is closed (written over the version it was read at) and the new one is created.
    async fn mutasi_pegawai(
        &self,
        instansi_id: i64,
        pegawai_id: i64,
        jabatan_id: i64,
        tutup: Option<(&kinerja_domain::skp::Skp, i64)>,
        baru: Option<&kinerja_domain::skp::Skp>,
        pelaku: &Pelaku,
    ) -> StoreResult<Option<SkpTersimpan>>;
    /// Every SKP of a year with its unit, status and dates (per-unit monitoring).
    async fn status_skp_tahun(
        &self,
        instansi_id: i64,
        tahun: i32,
    ) -> StoreResult<Vec<StatusSkpUnit>>;

    // --- pola penugasan -------------------------------------------------------------------
    async fn buat_penugasan(
        &self,
        instansi_id: i64,
        baru: &PenugasanBaru,
        pelaku: &Pelaku,
    ) -> StoreResult<Penugasan>;
    async fn penugasan(&self, instansi_id: i64, id: i64) -> StoreResult<Option<Penugasan>>;
    async fn daftar_penugasan(
        &self,
        instansi_id: i64,
        filter: &FilterPenugasan,
    ) -> StoreResult<Vec<Penugasan>>;
    /// The rater refuses a waiting assignment (anything else is a conflict).
    async fn tolak_penugasan(
        &self,
        instansi_id: i64,
        id: i64,
        alasan: &str,
        pelaku: &Pelaku,
    ) -> StoreResult<Penugasan>;
    /// The rater accepts a waiting assignment: the SKP (with its new RHK) is written and the
    /// assignment marked accepted, in one transaction.
    #[allow(clippy::too_many_arguments)]
    async fn terima_penugasan(
        &self,
        instansi_id: i64,
        id: i64,
        skp: &kinerja_domain::skp::Skp,
        rhk_index: usize,
        versi_dibaca: i64,
        versi_baru: Option<&VersiBaru>,
        pelaku: &Pelaku,
    ) -> StoreResult<(Penugasan, SkpTersimpan)>;

    // --- starting a year (background job) -------------------------------------------------
    /// Create the job, or answer the one already running for this instansi, kind and year.
    async fn buat_tugas(
        &self,
        instansi_id: i64,
        jenis: &str,
        tahun: i32,
        total: i64,
        pelaku: &Pelaku,
    ) -> StoreResult<Tugas>;
    async fn tugas(&self, instansi_id: i64, id: i64) -> StoreResult<Option<Tugas>>;
    /// Jobs left running (by a stopped process): resumed at start.
    async fn tugas_berjalan(&self) -> StoreResult<Vec<Tugas>>;
    async fn tugas_terakhir(
        &self,
        instansi_id: i64,
        jenis: &str,
        tahun: i32,
    ) -> StoreResult<Option<Tugas>>;
    /// Pegawai with an id above `setelah`, in id order.
    async fn pegawai_mulai(
        &self,
        instansi_id: i64,
        setelah: i64,
        limit: i64,
    ) -> StoreResult<Vec<PegawaiMulai>>;
    /// The latest SKP of each of these pegawai in the year before `tahun`.
    async fn skp_tahun_lalu(
        &self,
        instansi_id: i64,
        pegawai_id: &[i64],
        tahun: i32,
    ) -> StoreResult<Vec<kinerja_domain::skp::Skp>>;
    /// One batch of a year-start job: insert these drafts (skipping pegawai that have one),
    /// move the job's cursor and counters, in one transaction. Answers the updated job.
    async fn langkah_mulai_tahun(
        &self,
        tugas: &Tugas,
        skp: &[(kinerja_domain::skp::Skp, Option<i64>)],
        kursor: i64,
        diproses: i64,
        selesai: bool,
    ) -> StoreResult<Tugas>;
    async fn gagalkan_tugas(&self, id: i64, pesan: &str) -> StoreResult<()>;

    // --- audit ----------------------------------------------------------------------------
    async fn daftar_audit(&self, instansi_id: i64, limit: i64) -> StoreResult<Vec<EntriAudit>>;
    /// Recompute every chain; report the first broken link of each instansi.
    async fn verifikasi_audit(&self) -> StoreResult<audit::HasilVerifikasi>;
}
