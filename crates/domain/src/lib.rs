//! The rulebook of PermenPANRB 6/2022 and Peraturan Wali Kota Bekasi 38/2023 as pure code.
//!
//! No I/O, no async: types that cannot hold a bad value, and the rules over them. Each module is
//! named after the regulation's own term and carries its table tests next to it.

pub mod angka_kredit;
pub mod distribusi;
pub mod dokumen;
pub mod enumerasi;
pub mod evaluasi;
pub mod jabatan;
pub mod kuadran;
pub mod nip;
pub mod pangkat;
pub mod pelaksanaan;
pub mod penghargaan;
pub mod penilai;
pub mod perilaku;
pub mod periode;
pub mod profil;
pub mod sanksi;
pub mod skp;
pub mod tenggat;
pub mod tugas_belajar;

pub use jabatan::{JenisJabatan, Jenjang};
pub use kuadran::{CapaianOrganisasi, Predikat, Rating};
pub use nip::Nip;
