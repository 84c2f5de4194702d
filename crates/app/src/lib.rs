//! Use cases: who may do what, then domain rules and the store, in one transaction.
//!
//! Handlers (web, CLI) parse input, call one function here, and render what it returns. Every
//! access decision is made here, from the caller ([`akses::Pengguna`]) and the organisation.

pub mod akses;
pub mod demo;
mod demo_skp;
pub mod error;
pub mod impor;
pub mod kalkulator;
pub mod masuk;
pub mod matriks;
pub mod mulai_tahun;
pub mod organisasi;
pub mod pemasangan;
pub mod penugasan;
pub mod skp;

pub use error::{AppError, AppResult};

use kinerja_store::Store;
use std::sync::Arc;

/// The application: the store and the caches over it. Cheap to clone.
#[derive(Clone)]
pub struct App {
    pub store: Arc<dyn Store>,
    org: organisasi::CacheOrganisasi,
}

impl App {
    pub fn new(store: Arc<dyn Store>) -> Self {
        App {
            store,
            org: organisasi::CacheOrganisasi::default(),
        }
    }
}
