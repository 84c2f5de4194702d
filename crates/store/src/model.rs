//! Records as the store reads and writes them. Regulation values are domain types, parsed once
//! when they enter the system; the store keeps their codes.

use chrono::{DateTime, Utc};
use kinerja_domain::jabatan::{JenisJabatan, Jenjang};
use kinerja_domain::nip::Nip;
use kinerja_domain::pangkat::{Golongan, StatusAsn};
use serde::Serialize;

/// Who makes a change, as written into the audit log.
#[derive(Debug, Clone)]
pub struct Pelaku {
    pub akun_id: Option<i64>,
    /// Username, or `sistem` for the operator's command line.
    pub nama: String,
}

impl Pelaku {
    pub fn sistem() -> Self {
        Pelaku {
            akun_id: None,
            nama: "sistem".into(),
        }
    }
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Instansi {
    pub id: i64,
    pub kode: String,
    pub nama: String,
    /// The place printed on documents ("Bekasi, 21 November 2026").
    pub kota: String,
}

#[derive(Debug, Clone)]
pub struct InstansiBaru {
    pub kode: String,
    pub nama: String,
    pub kota: String,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Unit {
    pub id: i64,
    pub kode: String,
    pub nama: String,
    pub induk_id: Option<i64>,
    /// Lampiran II unit type on the root of a perangkat daerah.
    pub tipe_lampiran: Option<String>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Jabatan {
    pub id: i64,
    pub kode: String,
    pub unit_id: i64,
    pub nama: String,
    /// None for a non-ASN head of region (Wali Kota).
    pub jenis_jabatan: Option<JenisJabatan>,
    pub jenjang: Option<Jenjang>,
    pub posisi_lampiran: Option<String>,
    pub atasan_id: Option<i64>,
    pub plt_pegawai_id: Option<i64>,
    pub plh_pegawai_id: Option<i64>,
    /// Name of a non-ASN holder (the Wali Kota), who has no NIP.
    pub pemangku_non_asn: Option<String>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Pegawai {
    pub id: i64,
    pub nip: Nip,
    pub nama: String,
    pub status_asn: StatusAsn,
    pub golongan: Golongan,
    pub email: Option<String>,
    pub jabatan_id: Option<i64>,
    pub jabatan_nama: Option<String>,
    pub jenis_jabatan: Option<JenisJabatan>,
    pub jenjang: Option<Jenjang>,
    pub unit_id: Option<i64>,
    pub unit_nama: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct FilterPegawai {
    /// NIP prefix or part of the name.
    pub q: Option<String>,
    pub unit_id: Option<i64>,
    pub limit: i64,
    /// The id of the last pegawai of the previous page.
    pub cursor: Option<i64>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Halaman<T> {
    pub items: Vec<T>,
    pub next_cursor: Option<String>,
}

/// Validated organisation data to insert or update, keyed by unit/jabatan kode and NIP.
#[derive(Debug, Clone, Default)]
pub struct DataOrganisasi {
    /// Parents before children.
    pub unit: Vec<UnitImpor>,
    pub jabatan: Vec<JabatanImpor>,
    pub pegawai: Vec<PegawaiImpor>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnitImpor {
    pub kode: String,
    pub nama: String,
    pub induk_kode: Option<String>,
    pub tipe_lampiran: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct JabatanImpor {
    pub kode: String,
    pub unit_kode: String,
    pub nama: String,
    pub jenis_jabatan: Option<JenisJabatan>,
    pub jenjang: Option<Jenjang>,
    pub posisi_lampiran: Option<String>,
    pub atasan_kode: Option<String>,
    pub plt_nip: Option<Nip>,
    pub plh_nip: Option<Nip>,
    pub pemangku_non_asn: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PegawaiImpor {
    pub nip: Nip,
    pub nama: String,
    pub status_asn: StatusAsn,
    pub golongan: Golongan,
    pub jabatan_kode: Option<String>,
    pub email: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct RingkasanImpor {
    pub unit_baru: u64,
    pub unit_diubah: u64,
    pub jabatan_baru: u64,
    pub jabatan_diubah: u64,
    pub pegawai_baru: u64,
    pub pegawai_diubah: u64,
}

/// The organisation as rater resolution needs it, read in one go.
#[derive(Debug, Clone, Default)]
pub struct SnapshotOrganisasi {
    /// The organisation version this snapshot was read at (see `Store::versi_organisasi`).
    pub versi: i64,
    pub unit: Vec<Unit>,
    pub jabatan: Vec<Jabatan>,
    /// (pegawai id, jabatan id) of every pegawai holding a position.
    pub pemangku: Vec<(i64, i64)>,
    pub aturan: Vec<kinerja_domain::penilai::AturanPenilai>,
    pub pengganti: Vec<kinerja_domain::penilai::PenggantiPenilai>,
}

#[derive(Debug, Clone, Default, Serialize, utoipa::ToSchema)]
pub struct Statistik {
    pub unit: i64,
    pub jabatan: i64,
    pub jabatan_kosong: i64,
    pub pegawai: i64,
    pub pns: i64,
    pub pppk: i64,
}

/// The role of an account. Relationships (rater, atasan, …) come from the organisation, not
/// from the role: a `Pegawai` account is a rater when the organisation makes it one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Peran {
    /// Admin BKPSDM (HR office) of the instansi.
    Admin,
    Pegawai,
}

impl Peran {
    pub fn kode(self) -> &'static str {
        match self {
            Peran::Admin => "admin",
            Peran::Pegawai => "pegawai",
        }
    }
    pub fn dari_kode(s: &str) -> Option<Peran> {
        match s {
            "admin" => Some(Peran::Admin),
            "pegawai" => Some(Peran::Pegawai),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Akun {
    pub id: i64,
    pub instansi_id: i64,
    pub username: String,
    #[serde(skip)]
    pub password_hash: String,
    pub peran: Peran,
    pub pegawai_id: Option<i64>,
    /// `id` or `en`.
    pub bahasa: String,
}

#[derive(Debug, Clone)]
pub struct AkunBaru {
    pub instansi_id: i64,
    pub username: String,
    pub password_hash: String,
    pub peran: Peran,
    pub pegawai_id: Option<i64>,
}

#[derive(Debug, Clone)]
pub struct SesiBaru {
    /// SHA-256 of the token; the token itself is never stored.
    pub token_hash: String,
    pub akun_id: i64,
    /// `cookie` (browser) or `bearer` (API).
    pub jenis: String,
    pub csrf: String,
    pub dibuat: DateTime<Utc>,
    pub kedaluwarsa: DateTime<Utc>,
}

#[derive(Debug, Clone)]
pub struct Sesi {
    pub token_hash: String,
    pub akun_id: i64,
    pub jenis: String,
    pub csrf: String,
    pub kedaluwarsa: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize)]
pub struct EntriAudit {
    pub instansi_id: i64,
    pub seq: i64,
    pub waktu: DateTime<Utc>,
    pub pelaku: String,
    pub aksi: String,
    pub entitas: String,
    pub entitas_id: String,
    pub sebelum: Option<String>,
    pub sesudah: Option<String>,
    pub hash_sebelumnya: String,
    pub hash: String,
}
