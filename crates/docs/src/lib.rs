//! The official documents as PDF: the formats of Lampiran I (Peraturan Wali Kota Bekasi 38/2023)
//! and of the KemenPANRB guidance (umpan balik berkala, manual indikator, matriks peran hasil).
//!
//! The app fills a [`model::Dokumen`] from the records, every text already worded in Bahasa
//! Indonesia; the typst templates in `templat/` only lay it out. Typst is embedded with its
//! fonts, so rendering needs nothing from the machine. Rendering is CPU work: call
//! [`Penyaji::pdf`] from a blocking pool; one [`Penyaji`] serves every thread.
//!
//! - Templates: `templat/*.typ`, one per [`model::Isi`] kind, sharing `templat/umum.typ`
//!   (page frame, heading with the QR code, identity table, HASIL KERJA and PERILAKU KERJA
//!   tables, signature blocks). They read the document as `/data.json`, the QR code of
//!   [`model::Verifikasi::url`] as `/qr.svg` and the distribution curve as `/kurva.svg`; every
//!   value is inserted as text, never evaluated as markup.
//! - Fonts: Libertinus Serif (body), DejaVu Sans Mono (verification code), from typst-assets.
//!   Text in the curve's SVG finds only these fonts (other families fall back to them).
//! - Output: PDF/A-2b (a plain PDF should a document hold a character no embedded font has),
//!   A4, landscape for the quantitative formats (2 and 4) and the matriks peran hasil.

pub mod model;
mod penyaji;

pub use penyaji::{GalatRender, Penyaji};
