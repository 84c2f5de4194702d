//! Use cases: who may do what, then domain rules and the store, in one transaction.
//!
//! Handlers (web, CLI) parse input, call one function here, and render what it returns. Every
//! access decision is made here, from the caller ([`akses::Pengguna`]) and the organisation.

pub mod akses;
pub mod demo;
pub mod demo_evaluasi;
pub mod demo_pelaksanaan;
pub mod demo_riwayat;
mod demo_skp;
pub mod dokumen;
pub mod error;
pub mod evaluasi;
pub mod impor;
pub mod kalkulator;
pub mod laporan;
pub mod masuk;
pub mod matriks;
pub mod mulai_tahun;
pub mod organisasi;
pub mod pelaksanaan;
pub mod pemantauan;
pub mod pemasangan;
pub mod penghargaan;
pub mod penugasan;
pub mod profil;
pub mod sanksi;
pub mod skp;
pub mod talenta;

pub use error::{AppError, AppResult};

use kinerja_store::Store;
use std::sync::Arc;

/// The application: the store, the evidence storage, the mailer and the caches. Cheap to clone.
#[derive(Clone)]
pub struct App {
    pub store: Arc<dyn Store>,
    /// Where evidence files live (a local directory unless configured otherwise).
    pub bukti: Arc<dyn kinerja_bukti::PenyimpananBukti>,
    /// Sends queued e-mail when SMTP is configured.
    pub surel: Option<Arc<dyn pelaksanaan::pengingat::PengirimSurel>>,
    /// Upload limit for one evidence file, in bytes.
    pub batas_unggah: u64,
    /// The address the public reaches this server at, printed in verification codes' links.
    pub url_publik: String,
    /// Where generated files (the reporting bundles) are kept; never a served folder.
    pub direktori_berkas: std::path::PathBuf,
    /// Wakes the background worker when a job is queued.
    pub pemicu_pekerja: Arc<tokio::sync::Notify>,
    org: organisasi::CacheOrganisasi,
}

impl App {
    /// An application over `store`, keeping evidence in the system's temporary directory
    /// (tests, tools); `kinerja serve` chooses a real directory with [`App::dengan_bukti`].
    pub fn new(store: Arc<dyn Store>) -> Self {
        let dir = std::env::temp_dir().join("kinerja-bukti");
        App {
            store,
            bukti: Arc::new(kinerja_bukti::DirektoriLokal::baru(dir)),
            surel: None,
            batas_unggah: kinerja_bukti::BATAS_UKURAN_BAWAAN,
            url_publik: "http://127.0.0.1:8080".into(),
            direktori_berkas: std::env::temp_dir().join("kinerja-berkas"),
            pemicu_pekerja: Arc::new(tokio::sync::Notify::new()),
            org: organisasi::CacheOrganisasi::default(),
        }
    }

    pub fn dengan_bukti(mut self, bukti: Arc<dyn kinerja_bukti::PenyimpananBukti>) -> Self {
        self.bukti = bukti;
        self
    }

    pub fn dengan_surel(mut self, surel: Arc<dyn pelaksanaan::pengingat::PengirimSurel>) -> Self {
        self.surel = Some(surel);
        self
    }
}
