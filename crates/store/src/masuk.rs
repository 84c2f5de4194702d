//! Login protection kept in the database, so that it holds across every `kinerja serve` node
//! sharing it: a counter per account name and one per client address, each counting from the
//! start of its window, and the optional lock of an account name; and the password changes that
//! end sessions.
//!
//! An attempt is counted *before* the password is checked (one atomic statement per counter),
//! so that simultaneous guesses on several nodes cannot slip past the limit together; a
//! successful login takes its attempt back off the address and clears the account's counter,
//! so only failures remain counted.

use crate::error::StoreResult;
use crate::model::Pelaku;
use async_trait::async_trait;
use chrono::{DateTime, Duration, Utc};
use kinerja_domain::profil::HitunganMasuk;

/// The counters after an attempt was counted (the attempt included).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PercobaanMasuk {
    pub akun: HitunganMasuk,
    pub alamat: HitunganMasuk,
    /// The account name's lock, as stored (it may have ended already).
    pub terkunci_sampai: Option<DateTime<Utc>>,
}

/// An account name's counter and lock as stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatusMasuk {
    pub gagal: HitunganMasuk,
    pub terkunci_sampai: Option<DateTime<Utc>>,
}

#[async_trait]
pub trait StoreMasuk {
    /// Count one login attempt against the account name and the client address, each counter
    /// restarting at `waktu` when its window (`jendela`) has passed since it started. Atomic
    /// per counter across connections and nodes: concurrent attempts get distinct counts.
    async fn catat_percobaan_masuk(
        &self,
        username: &str,
        alamat: &str,
        waktu: DateTime<Utc>,
        jendela: Duration,
    ) -> StoreResult<PercobaanMasuk>;
    /// The attempt succeeded: clear the account name's counter (not a lock still running) and
    /// take this attempt back off the address counter (if that window still runs), so that
    /// the address counts only failures.
    async fn masuk_berhasil(
        &self,
        username: &str,
        alamat: &str,
        percobaan: &PercobaanMasuk,
        waktu: DateTime<Utc>,
    ) -> StoreResult<()>;
    /// Lock an account name until a time (the lockout policy).
    async fn kunci_masuk(&self, username: &str, sampai: DateTime<Utc>) -> StoreResult<()>;
    /// The account name's counter and lock, if any.
    async fn status_masuk(&self, username: &str) -> StoreResult<Option<StatusMasuk>>;
    /// Set an account's password hash, end its sessions and tokens except the one whose hash
    /// is `pertahankan` (the caller's own, when they change their own password), and clear the
    /// account name's counter and lock; audited without the hash. Answers the number of
    /// sessions ended; an unknown account is not found.
    async fn ubah_password(
        &self,
        akun_id: i64,
        password_hash: &str,
        pertahankan: Option<&str>,
        pelaku: &Pelaku,
    ) -> StoreResult<u64>;
}
