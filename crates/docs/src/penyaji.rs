//! The typst "world": embedded fonts and templates, one virtual data file per document.
//!
//! Everything that does not change between documents (the standard library, the font book, the
//! fonts and the parsed template sources) is built once in [`Penyaji::baru`] and shared; each
//! call of [`Penyaji::pdf`] only adds the per-document virtual files (`/data.json`, `/qr.svg`
//! and, for an evaluation, `/kurva.svg`). Because the template [`Source`]s stay the same objects
//! across renders, typst's memoisation (comemo) reuses the work that does not depend on the data.

use std::collections::HashMap;
use std::time::{SystemTime, UNIX_EPOCH};

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};
use typst::diag::{FileError, FileResult, Severity, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Smart};
use typst::layout::PagedDocument;
use typst::syntax::{FileId, Source, VirtualPath};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use crate::model::{Dokumen, Isi};

/// A document could not be rendered (a template bug, never bad user input).
#[derive(Debug, thiserror::Error)]
pub enum GalatRender {
    #[error("dokumen gagal disusun: {0}")]
    Typst(String),
}

/// The templates, embedded at build time. Paths are the virtual paths the templates import.
const TEMPLAT: &[(&str, &str)] = &[
    ("/umum.typ", include_str!("../templat/umum.typ")),
    ("/skp.typ", include_str!("../templat/skp.typ")),
    ("/evaluasi.typ", include_str!("../templat/evaluasi.typ")),
    (
        "/dokumen_evaluasi.typ",
        include_str!("../templat/dokumen_evaluasi.typ"),
    ),
    (
        "/umpan_balik.typ",
        include_str!("../templat/umpan_balik.typ"),
    ),
    (
        "/manual_indikator.typ",
        include_str!("../templat/manual_indikator.typ"),
    ),
    (
        "/matriks_peran_hasil.typ",
        include_str!("../templat/matriks_peran_hasil.typ"),
    ),
];

/// Virtual paths of the per-document files.
const BERKAS_DATA: &str = "/data.json";
const BERKAS_QR: &str = "/qr.svg";
const BERKAS_KURVA: &str = "/kurva.svg";

/// The renderer: fonts and templates loaded once; share it (`Arc`) across threads.
pub struct Penyaji {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    sumber: HashMap<FileId, Source>,
}

impl Default for Penyaji {
    fn default() -> Self {
        Self::baru()
    }
}

impl Penyaji {
    pub fn baru() -> Self {
        let fonts: Vec<Font> = typst_assets::fonts()
            .flat_map(|data| Font::iter(Bytes::new(data)))
            .collect();
        let book = FontBook::from_fonts(&fonts);
        let sumber = TEMPLAT
            .iter()
            .map(|(jalur, teks)| {
                let id = berkas(jalur);
                (id, Source::new(id, (*teks).to_owned()))
            })
            .collect();
        Penyaji {
            library: LazyHash::new(Library::default()),
            book: LazyHash::new(book),
            fonts,
            sumber,
        }
    }

    /// Renders one document to PDF bytes. CPU-bound: call it from a blocking pool.
    pub fn pdf(&self, dok: &Dokumen) -> Result<Vec<u8>, GalatRender> {
        let utama = match &dok.isi {
            Isi::Skp(_) => "/skp.typ",
            Isi::Evaluasi(_) => "/evaluasi.typ",
            Isi::DokumenEvaluasi(_) => "/dokumen_evaluasi.typ",
            Isi::UmpanBalik(_) => "/umpan_balik.typ",
            Isi::ManualIndikator(_) => "/manual_indikator.typ",
            Isi::MatriksPeranHasil(_) => "/matriks_peran_hasil.typ",
        };

        let data = serde_json::to_vec(dok)
            .map_err(|e| GalatRender::Typst(format!("data dokumen: {e}")))?;
        let mut tambahan = HashMap::new();
        tambahan.insert(berkas(BERKAS_DATA), Bytes::new(data));
        tambahan.insert(
            berkas(BERKAS_QR),
            Bytes::new(kode_qr(&dok.verifikasi.url)?.into_bytes()),
        );
        if let Isi::Evaluasi(e) = &dok.isi {
            if let Some(kurva) = &e.pola_distribusi_svg {
                tambahan.insert(berkas(BERKAS_KURVA), Bytes::new(kurva.clone().into_bytes()));
            }
        }

        let dunia = Dunia {
            penyaji: self,
            utama: berkas(utama),
            tambahan,
        };
        let hasil = typst::compile::<PagedDocument>(&dunia).output;
        let dokumen = hasil.map_err(|galat| GalatRender::Typst(uraikan(&dunia, &galat)))?;

        // PDF/A-2b; should a document ever break its rules, a plain PDF rather than none.
        let kode = dok.verifikasi.kode.as_str();
        let pdf = ekspor(&dokumen, kode, PdfStandard::A_2b)
            .or_else(|_| ekspor(&dokumen, kode, PdfStandard::V_1_7))
            .map_err(|galat| GalatRender::Typst(uraikan(&dunia, &galat)));

        // Keep the memoisation cache bounded: drop what the last renders did not reuse.
        typst::comemo::evict(30);
        pdf
    }
}

/// Exports to PDF conforming to `standar`; the verification code identifies the document.
fn ekspor(
    dokumen: &PagedDocument,
    kode: &str,
    standar: PdfStandard,
) -> Result<Vec<u8>, typst::ecow::EcoVec<SourceDiagnostic>> {
    let standards = PdfStandards::new(&[standar]).map_err(|pesan| {
        typst::ecow::eco_vec![SourceDiagnostic::error(
            typst::syntax::Span::detached(),
            pesan
        )]
    })?;
    let options = PdfOptions {
        ident: Smart::Custom(kode),
        standards,
        timestamp: sekarang(),
        ..PdfOptions::default()
    };
    typst_pdf::pdf(dokumen, &options)
}

/// The creation timestamp (UTC) written into the PDF metadata; PDF/A requires one.
fn sekarang() -> Option<Timestamp> {
    let detik = SystemTime::now().duration_since(UNIX_EPOCH).ok()?.as_secs() as i64;
    let (hari, sisa) = (detik.div_euclid(86_400), detik.rem_euclid(86_400));
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = hari + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    let waktu = Datetime::from_ymd_hms(
        y as i32,
        m as u8,
        d as u8,
        (sisa / 3600) as u8,
        (sisa % 3600 / 60) as u8,
        (sisa % 60) as u8,
    )?;
    Some(Timestamp::new_utc(waktu))
}

/// The QR code of the verification URL as an SVG document.
fn kode_qr(url: &str) -> Result<String, GalatRender> {
    let kode = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M)
        .map_err(|e| GalatRender::Typst(format!("kode QR: {e}")))?;
    Ok(kode
        .render::<svg::Color>()
        .module_dimensions(4, 4)
        .quiet_zone(true)
        .build())
}

fn berkas(jalur: &str) -> FileId {
    FileId::new(None, VirtualPath::new(jalur))
}

/// Readable errors: message, hints and the template line they point at.
fn uraikan(dunia: &Dunia, galat: &[SourceDiagnostic]) -> String {
    galat
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| {
            let mut teks = d.message.to_string();
            if let Some(id) = d.span.id() {
                let baris = dunia.source(id).ok().and_then(|s| {
                    s.range(d.span)
                        .and_then(|r| s.lines().byte_to_line(r.start))
                });
                let jalur = id.vpath().as_rootless_path().display().to_string();
                match baris {
                    Some(b) => teks.push_str(&format!(" ({jalur}:{})", b + 1)),
                    None => teks.push_str(&format!(" ({jalur})")),
                }
            }
            for hint in &d.hints {
                teks.push_str(&format!("; petunjuk: {hint}"));
            }
            teks
        })
        .collect::<Vec<_>>()
        .join(" | ")
}

/// One render's world: the shared renderer plus this document's virtual files.
struct Dunia<'a> {
    penyaji: &'a Penyaji,
    utama: FileId,
    tambahan: HashMap<FileId, Bytes>,
}

impl World for Dunia<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.penyaji.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.penyaji.book
    }

    fn main(&self) -> FileId {
        self.utama
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        self.penyaji
            .sumber
            .get(&id)
            .cloned()
            .ok_or_else(|| FileError::NotFound(id.vpath().as_rootless_path().into()))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if let Some(isi) = self.tambahan.get(&id) {
            return Ok(isi.clone());
        }
        match self.penyaji.sumber.get(&id) {
            Some(sumber) => Ok(Bytes::from_string(sumber.text().to_owned())),
            None => Err(FileError::NotFound(id.vpath().as_rootless_path().into())),
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.penyaji.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<i64>) -> Option<Datetime> {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn penyaji_dapat_dibagi_antar_utas() {
        fn perlu<T: Send + Sync>() {}
        perlu::<Penyaji>();
    }

    #[test]
    fn kode_qr_adalah_svg() {
        let svg = kode_qr("https://kinerja.example/verifikasi/KNJ-7Q2M-XK4D-93HT-P").unwrap();
        assert!(svg.contains("<svg"));
    }
}
