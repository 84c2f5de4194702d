//! Documents issued (each with its verification code) and background jobs.
//!
//! A document is registered when it is first rendered: the same content for the same subject
//! (an SKP, or an SKP and a period) keeps its code; new content gets a new code and supersedes
//! the older ones of that subject, so a printed code always tells whether it is still in force.

use crate::error::StoreResult;
use crate::model::Pelaku;
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use kinerja_domain::dokumen::JenisDokumen;
use serde::{Deserialize, Serialize};

/// What a printed code certifies, shown by the public verification page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct RingkasanDokumen {
    pub instansi: String,
    pub pegawai_nama: String,
    pub pegawai_nip: String,
    pub jabatan: String,
    pub unit_kerja: String,
    /// "Januari s.d. Desember 2026", "Oktober 2026".
    pub periode: String,
    /// The SKP version the document shows.
    pub nomor_versi_skp: i32,
    /// "Ditetapkan", "Draf", "Ditandatangani penilai", "Diterima pegawai".
    pub status: String,
    pub predikat: Option<String>,
    pub ditandatangani_oleh: Option<String>,
    pub ditandatangani_pada: Option<DateTime<Utc>>,
}

/// An issued document.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct DokumenTerbit {
    pub id: i64,
    pub kode: String,
    pub jenis: JenisDokumen,
    /// What it is about ("skp:12", "evaluasi:12:2026-10").
    pub subjek: String,
    /// SHA-256 of the content.
    pub sidik: String,
    pub pegawai_id: Option<i64>,
    pub ringkasan: RingkasanDokumen,
    pub created_at: DateTime<Utc>,
    /// The code of the newer document that replaces this one.
    pub digantikan_oleh: Option<String>,
    pub digantikan_pada: Option<DateTime<Utc>>,
}

/// A document to register.
#[derive(Debug, Clone)]
pub struct DokumenBaru {
    /// A fresh code, used only if this content is new for the subject.
    pub kode: String,
    pub jenis: JenisDokumen,
    pub subjek: String,
    pub sidik: String,
    pub pegawai_id: Option<i64>,
    pub ringkasan: RingkasanDokumen,
}

kinerja_domain::enumerasi!(
    /// Where a background job is (the `pekerjaan` queue's statuses).
    StatusTugas, "status", {
        Menunggu => ("menunggu", "Menunggu giliran"),
        Berjalan => ("berjalan", "Sedang dikerjakan"),
        Selesai => ("selesai", "Selesai"),
        Gagal => ("gagal", "Gagal"),
    }
);

/// A background job someone asked for (the reporting bundle), with its progress and result.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct TugasLatar {
    pub id: i64,
    pub instansi_id: i64,
    pub jenis: String,
    #[schema(value_type = Object)]
    pub parameter: serde_json::Value,
    pub status: StatusTugas,
    /// Progress: items done of the total.
    pub selesai_n: i64,
    pub total_n: i64,
    /// Why it failed, or a note on the result.
    pub pesan: Option<String>,
    /// The stored result's file name.
    pub berkas: Option<String>,
    pub ukuran: Option<i64>,
    pub akun_id: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[async_trait]
pub trait StoreDokumen {
    /// Registers a document, or returns the one already issued with the same content for the
    /// subject; the one returned is in force and every other of the subject is superseded by it.
    /// A new registration is audited.
    async fn terbitkan_dokumen(
        &self,
        instansi_id: i64,
        baru: &DokumenBaru,
        pelaku: &Pelaku,
    ) -> StoreResult<DokumenTerbit>;

    /// A document by its code, in any instansi (the public verification).
    async fn dokumen_kode(&self, kode: &str) -> StoreResult<Option<DokumenTerbit>>;

    /// Queues a job on the `pekerjaan` queue for an account, due now; audited.
    async fn antrekan_tugas(
        &self,
        instansi_id: i64,
        jenis: &str,
        parameter: &serde_json::Value,
        akun_id: i64,
        pelaku: &Pelaku,
    ) -> StoreResult<TugasLatar>;

    /// Records progress of a job this node holds and extends its lease.
    async fn kemajuan_tugas(
        &self,
        id: i64,
        node: &str,
        selesai_n: i64,
        total_n: i64,
        sewa_sampai: DateTime<Utc>,
    ) -> StoreResult<()>;

    /// Records the result file of a job this node holds (then `selesai_pekerjaan` ends it).
    async fn hasil_tugas(&self, id: i64, node: &str, berkas: &str, ukuran: i64) -> StoreResult<()>;

    async fn tugas_latar(&self, instansi_id: i64, id: i64) -> StoreResult<Option<TugasLatar>>;

    /// The instansi's jobs of a kind, newest first; only the account's own when `akun_id` is
    /// given.
    async fn daftar_tugas_latar(
        &self,
        instansi_id: i64,
        jenis: &str,
        akun_id: Option<i64>,
        limit: i64,
    ) -> StoreResult<Vec<TugasLatar>>;
}
