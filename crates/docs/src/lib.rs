//! The official documents as PDF: the formats of Lampiran I (Peraturan Wali Kota Bekasi 38/2023)
//! and of the KemenPANRB guidance (umpan balik berkala, manual indikator, matriks peran hasil).
//!
//! The app fills a [`model::Dokumen`] from the records, every text already worded in Bahasa
//! Indonesia; the typst templates in `templat/` only lay it out. Typst is embedded with its
//! fonts, so rendering needs nothing from the machine. Rendering is CPU work: call
//! [`Penyaji::pdf`] from a blocking pool.

pub mod model;
mod penyaji;

pub use penyaji::{GalatRender, Penyaji};
