//! The typst "world": embedded fonts and templates, one virtual data file per document.

use crate::model::Dokumen;

/// A document could not be rendered (a template bug, never bad user input).
#[derive(Debug, thiserror::Error)]
pub enum GalatRender {
    #[error("dokumen gagal disusun: {0}")]
    Typst(String),
}

/// The renderer: fonts and templates loaded once; share it (`Arc`) across threads.
pub struct Penyaji {}

impl Penyaji {
    pub fn baru() -> Self {
        Penyaji {}
    }

    /// Renders one document to PDF bytes. CPU-bound: call it from a blocking pool.
    pub fn pdf(&self, _dok: &Dokumen) -> Result<Vec<u8>, GalatRender> {
        Err(GalatRender::Typst("belum dibuat".into()))
    }
}
