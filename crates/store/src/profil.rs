//! The instansi's policy profile, versioned by year: a version "berlaku mulai tahun X" is in
//! force until the next one; each version carries a counter (`versi`) that every write bumps, so
//! an edit made over an older read is refused instead of overwriting.

use crate::error::StoreResult;
use crate::model::Pelaku;
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use kinerja_domain::penilai::AturanPenilai;
use kinerja_domain::profil::ProfilKebijakan;
use serde::Serialize;
use utoipa::ToSchema;

/// One version of the profile (the list, without its content).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct VersiProfil {
    /// In force from this year until the next version.
    pub tahun: i32,
    /// Bumped by every write; an edit carries the one it was read at.
    pub versi: i64,
    pub diubah: DateTime<Utc>,
}

/// A stored version with its content (the TPP table filled to one row per predikat).
#[derive(Debug, Clone, PartialEq)]
pub struct ProfilTersimpan {
    pub versi: VersiProfil,
    pub isi: ProfilKebijakan,
}

#[async_trait]
pub trait StoreProfil {
    /// The profile in force for a year: the newest version set for that year or before.
    async fn profil(&self, instansi_id: i64, tahun: i32) -> StoreResult<Option<ProfilKebijakan>>;
    /// Set the version of a year whatever it holds (setup, demo, operator), bumping its counter;
    /// audited with before and after. The use cases of the HR admin go through
    /// [`StoreProfil::buat_versi_profil`] and [`StoreProfil::ubah_versi_profil`].
    async fn simpan_profil(
        &self,
        instansi_id: i64,
        tahun: i32,
        profil: &ProfilKebijakan,
        pelaku: &Pelaku,
    ) -> StoreResult<()>;
    /// Every version, oldest year first.
    async fn daftar_versi_profil(&self, instansi_id: i64) -> StoreResult<Vec<VersiProfil>>;
    /// The version in force for a year, with its year and counter.
    async fn profil_berlaku(
        &self,
        instansi_id: i64,
        tahun: i32,
    ) -> StoreResult<Option<ProfilTersimpan>>;
    /// Create the version of a year (counter 1). A year that already has a version is a
    /// conflict; nothing is written then.
    async fn buat_versi_profil(
        &self,
        instansi_id: i64,
        tahun: i32,
        isi: &ProfilKebijakan,
        pelaku: &Pelaku,
    ) -> StoreResult<VersiProfil>;
    /// Write the version of a year over the one read at `versi_dibaca`: none for that year is
    /// not found, an older counter a conflict; otherwise the counter goes up by one.
    async fn ubah_versi_profil(
        &self,
        instansi_id: i64,
        tahun: i32,
        versi_dibaca: i64,
        isi: &ProfilKebijakan,
        pelaku: &Pelaku,
    ) -> StoreResult<VersiProfil>;
    /// The instansi's rater table (Lampiran II) in its order; written by
    /// [`crate::Store::simpan_aturan_penilai`].
    async fn aturan_penilai(&self, instansi_id: i64) -> StoreResult<Vec<AturanPenilai>>;
}
