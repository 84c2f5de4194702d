//! The Store: one trait for everything the application persists, one SQL implementation of it
//! ([`sql::SqlStore`]) written once over a thin [`sql::Backend`] seam, and the conformance suite
//! that every backend (SQLite, PostgreSQL) must pass.
//!
//! Backend crates supply only what differs: connections and transactions, migrations, and the
//! binding/decoding of values. Every query and every row mapping lives here, once.

pub mod audit;
pub mod conformance;
pub mod error;
pub mod model;
pub mod sql;
mod sql_store;

pub use error::{StoreError, StoreResult};
pub use model::*;

use async_trait::async_trait;
use kinerja_domain::profil::ProfilKebijakan;

/// Everything the application reads and writes. Every write runs in one transaction together
/// with its audit-log entries, so a change and its audit record are never separated.
#[async_trait]
pub trait Store: Send + Sync + 'static {
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

    // --- policy profile -------------------------------------------------------------------
    async fn profil(&self, instansi_id: i64, tahun: i32) -> StoreResult<Option<ProfilKebijakan>>;
    async fn simpan_profil(
        &self,
        instansi_id: i64,
        tahun: i32,
        profil: &ProfilKebijakan,
        pelaku: &Pelaku,
    ) -> StoreResult<()>;

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

    // --- audit ----------------------------------------------------------------------------
    async fn daftar_audit(&self, instansi_id: i64, limit: i64) -> StoreResult<Vec<EntriAudit>>;
    /// Recompute every chain; report the first broken link of each instansi.
    async fn verifikasi_audit(&self) -> StoreResult<audit::HasilVerifikasi>;
}
