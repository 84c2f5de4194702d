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

impl<T> Halaman<T> {
    /// A page from the rows read with `LIMIT limit + 1`: the extra row only says that a next
    /// page exists, whose cursor is the id of this page's last item.
    pub fn dari_baris(mut items: Vec<T>, limit: i64, id: impl Fn(&T) -> i64) -> Self {
        let next_cursor = if items.len() as i64 > limit {
            items.truncate(limit as usize);
            items.last().map(|x| id(x).to_string())
        } else {
            None
        };
        Halaman { items, next_cursor }
    }
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

// --- planning (SKP) -------------------------------------------------------------------------

/// An SKP as stored: the domain aggregate and the version it was read at (optimistic locking:
/// a write carrying an older `versi` is refused).
#[derive(Debug, Clone, Serialize)]
pub struct SkpTersimpan {
    pub skp: kinerja_domain::skp::Skp,
    pub versi: i64,
    pub diubah: DateTime<Utc>,
}

/// One line of an SKP list.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct RingkasanSkp {
    pub id: i64,
    pub tahun: i32,
    pub pegawai_id: i64,
    pub nip: String,
    pub nama: String,
    pub unit_id: Option<i64>,
    pub unit_nama: Option<String>,
    pub format: kinerja_domain::skp::FormatSkp,
    pub status: kinerja_domain::skp::StatusSkp,
    pub nomor_versi: i32,
    pub mulai: chrono::NaiveDate,
    pub selesai: chrono::NaiveDate,
    pub ditetapkan_pada: Option<chrono::NaiveDate>,
    pub jumlah_rhk: i64,
    pub versi: i64,
}

#[derive(Debug, Clone, Default)]
pub struct FilterSkp {
    pub tahun: Option<i32>,
    /// Only these pegawai (a rater's team, one pegawai's history).
    pub pegawai_id: Option<Vec<i64>>,
    pub unit_id: Option<i64>,
    pub status: Option<kinerja_domain::skp::StatusSkp>,
    pub limit: i64,
    /// The id of the last SKP of the previous page.
    pub cursor: Option<i64>,
}

/// A new numbered version to record with a write.
#[derive(Debug, Clone)]
pub struct VersiBaru {
    pub alasan: String,
    pub berlaku_mulai: chrono::NaiveDate,
}

/// A recorded version of an SKP.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct VersiSkp {
    pub nomor: i32,
    pub alasan: String,
    pub pelaku: String,
    pub waktu: DateTime<Utc>,
    pub berlaku_mulai: chrono::NaiveDate,
}

/// A member RHK that intervenes a leader's RHK, with whose SKP it is in.
#[derive(Debug, Clone, Serialize)]
pub struct RhkAnggota {
    pub skp_id: i64,
    pub pegawai_id: i64,
    pub rhk: kinerja_domain::skp::Rhk,
}

/// A pegawai as starting a year needs them.
#[derive(Debug, Clone)]
pub struct PegawaiMulai {
    pub id: i64,
    pub jabatan_id: Option<i64>,
    pub unit_id: Option<i64>,
    pub jenis_jabatan: Option<JenisJabatan>,
}

/// SKP counts of one unit for a year (`status` code → count).
#[derive(Debug, Clone)]
pub struct StatusSkpUnit {
    pub unit_id: Option<i64>,
    pub status: kinerja_domain::skp::StatusSkp,
    pub mulai: chrono::NaiveDate,
    pub ditetapkan_pada: Option<chrono::NaiveDate>,
}

// --- pola penugasan -------------------------------------------------------------------------

/// An assignment from a pimpinan, through the pegawai's rater (Pasal 37).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Penugasan {
    pub id: i64,
    pub tahun: i32,
    pub pemberi_pegawai_id: i64,
    /// None for an open assignment anyone may volunteer for.
    pub pegawai_id: Option<i64>,
    pub unit_id: Option<i64>,
    /// The open assignment a volunteer request answers.
    pub induk_id: Option<i64>,
    pub uraian: String,
    pub ekspektasi: String,
    /// menunggu_penilai, diterima, ditolak, terbuka, ditutup.
    pub status: String,
    pub alasan: Option<String>,
    pub rhk_id: Option<i64>,
    pub dibuat: DateTime<Utc>,
    pub diputuskan: Option<DateTime<Utc>>,
    pub diputuskan_oleh: Option<String>,
}

#[derive(Debug, Clone)]
pub struct PenugasanBaru {
    pub tahun: i32,
    pub pemberi_pegawai_id: i64,
    pub pegawai_id: Option<i64>,
    pub unit_id: Option<i64>,
    pub induk_id: Option<i64>,
    pub uraian: String,
    pub ekspektasi: String,
    pub status: String,
}

#[derive(Debug, Clone, Default)]
pub struct FilterPenugasan {
    pub pegawai_id: Option<Vec<i64>>,
    pub pemberi_pegawai_id: Option<i64>,
    pub status: Option<String>,
    pub tahun: Option<i32>,
    pub limit: i64,
}

// --- background jobs ------------------------------------------------------------------------

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Tugas {
    pub id: i64,
    pub instansi_id: i64,
    /// `mulai_tahun`.
    pub jenis: String,
    pub tahun: i32,
    /// berjalan, selesai, gagal.
    pub status: String,
    pub total: i64,
    pub diproses: i64,
    pub dibuat_skp: i64,
    pub kursor: i64,
    pub pesan: Option<String>,
    pub pelaku: String,
    pub dibuat: DateTime<Utc>,
    pub diperbarui: DateTime<Utc>,
}
