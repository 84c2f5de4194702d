//! File kinds and content sniffing.
//!
//! The kind of an uploaded file is decided from its first bytes, never from its name alone. The
//! name's extension is only a *claim* that the content must match (see [`tentukan_jenis`]).

use crate::GalatBukti;

/// How many leading bytes [`kenali`] is meant to see (the upload path reads this much, or up to
/// end of file, before deciding).
pub const PANJANG_SNIFF: usize = 64 * 1024;

/// Accepted file kinds, detected from content (magic bytes), never from the name alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum JenisBerkas {
    Pdf,
    Png,
    Jpeg,
    Gif,
    Webp,
    Docx,
    Xlsx,
    Pptx,
    Odt,
    Ods,
    Odp,
    Doc,
    Xls,
    Ppt,
    /// `.txt` / `.csv`: valid UTF-8 without NUL bytes.
    Teks,
}

impl JenisBerkas {
    /// Every kind, in a stable order.
    pub const SEMUA: [JenisBerkas; 15] = [
        JenisBerkas::Pdf,
        JenisBerkas::Png,
        JenisBerkas::Jpeg,
        JenisBerkas::Gif,
        JenisBerkas::Webp,
        JenisBerkas::Docx,
        JenisBerkas::Xlsx,
        JenisBerkas::Pptx,
        JenisBerkas::Odt,
        JenisBerkas::Ods,
        JenisBerkas::Odp,
        JenisBerkas::Doc,
        JenisBerkas::Xls,
        JenisBerkas::Ppt,
        JenisBerkas::Teks,
    ];

    /// The `Content-Type` to serve the file with.
    pub fn mime(self) -> &'static str {
        match self {
            JenisBerkas::Pdf => "application/pdf",
            JenisBerkas::Png => "image/png",
            JenisBerkas::Jpeg => "image/jpeg",
            JenisBerkas::Gif => "image/gif",
            JenisBerkas::Webp => "image/webp",
            JenisBerkas::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            JenisBerkas::Xlsx => {
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
            JenisBerkas::Pptx => {
                "application/vnd.openxmlformats-officedocument.presentationml.presentation"
            }
            JenisBerkas::Odt => "application/vnd.oasis.opendocument.text",
            JenisBerkas::Ods => "application/vnd.oasis.opendocument.spreadsheet",
            JenisBerkas::Odp => "application/vnd.oasis.opendocument.presentation",
            JenisBerkas::Doc => "application/msword",
            JenisBerkas::Xls => "application/vnd.ms-excel",
            JenisBerkas::Ppt => "application/vnd.ms-powerpoint",
            JenisBerkas::Teks => "text/plain; charset=utf-8",
        }
    }

    /// Stable lower-case code, suitable for storing in the database.
    pub fn kode(self) -> &'static str {
        match self {
            JenisBerkas::Pdf => "pdf",
            JenisBerkas::Png => "png",
            JenisBerkas::Jpeg => "jpeg",
            JenisBerkas::Gif => "gif",
            JenisBerkas::Webp => "webp",
            JenisBerkas::Docx => "docx",
            JenisBerkas::Xlsx => "xlsx",
            JenisBerkas::Pptx => "pptx",
            JenisBerkas::Odt => "odt",
            JenisBerkas::Ods => "ods",
            JenisBerkas::Odp => "odp",
            JenisBerkas::Doc => "doc",
            JenisBerkas::Xls => "xls",
            JenisBerkas::Ppt => "ppt",
            JenisBerkas::Teks => "teks",
        }
    }

    /// Inverse of [`JenisBerkas::kode`].
    pub fn dari_kode(s: &str) -> Option<JenisBerkas> {
        JenisBerkas::SEMUA.into_iter().find(|j| j.kode() == s)
    }

    /// A canonical file extension (without the dot), e.g. for a download name.
    pub fn ekstensi(self) -> &'static str {
        match self {
            JenisBerkas::Jpeg => "jpg",
            JenisBerkas::Teks => "txt",
            lain => lain.kode(),
        }
    }

    /// A human-readable name in Bahasa Indonesia, used in error messages.
    pub fn label(self) -> &'static str {
        match self {
            JenisBerkas::Pdf => "PDF",
            JenisBerkas::Png => "gambar PNG",
            JenisBerkas::Jpeg => "gambar JPEG",
            JenisBerkas::Gif => "gambar GIF",
            JenisBerkas::Webp => "gambar WEBP",
            JenisBerkas::Docx => "dokumen Word (DOCX)",
            JenisBerkas::Xlsx => "lembar kerja Excel (XLSX)",
            JenisBerkas::Pptx => "presentasi PowerPoint (PPTX)",
            JenisBerkas::Odt => "dokumen OpenDocument (ODT)",
            JenisBerkas::Ods => "lembar kerja OpenDocument (ODS)",
            JenisBerkas::Odp => "presentasi OpenDocument (ODP)",
            JenisBerkas::Doc => "dokumen Word lama (DOC)",
            JenisBerkas::Xls => "lembar kerja Excel lama (XLS)",
            JenisBerkas::Ppt => "presentasi PowerPoint lama (PPT)",
            JenisBerkas::Teks => "teks (TXT/CSV)",
        }
    }

    /// Images may be shown inline; everything else should be served as an attachment.
    pub fn gambar(self) -> bool {
        matches!(
            self,
            JenisBerkas::Png | JenisBerkas::Jpeg | JenisBerkas::Gif | JenisBerkas::Webp
        )
    }

    /// Legacy Office (OLE compound file): `Doc`, `Xls` or `Ppt`. These cannot be told apart
    /// reliably from the header, so they are interchangeable when matching a claimed kind.
    pub fn ole(self) -> bool {
        matches!(self, JenisBerkas::Doc | JenisBerkas::Xls | JenisBerkas::Ppt)
    }

    /// The kind a file name's extension claims: pdf→Pdf; png; jpg/jpeg→Jpeg; gif; webp; docx;
    /// xlsx; pptx; odt; ods; odp; doc; xls; ppt; txt/csv→Teks (case-insensitive). A missing or
    /// unknown extension → `None`.
    pub fn dari_ekstensi(nama: &str) -> Option<JenisBerkas> {
        let ext = ekstensi(nama)?;
        Some(match ext.as_str() {
            "pdf" => JenisBerkas::Pdf,
            "png" => JenisBerkas::Png,
            "jpg" | "jpeg" => JenisBerkas::Jpeg,
            "gif" => JenisBerkas::Gif,
            "webp" => JenisBerkas::Webp,
            "docx" => JenisBerkas::Docx,
            "xlsx" => JenisBerkas::Xlsx,
            "pptx" => JenisBerkas::Pptx,
            "odt" => JenisBerkas::Odt,
            "ods" => JenisBerkas::Ods,
            "odp" => JenisBerkas::Odp,
            "doc" => JenisBerkas::Doc,
            "xls" => JenisBerkas::Xls,
            "ppt" => JenisBerkas::Ppt,
            "txt" | "csv" => JenisBerkas::Teks,
            _ => return None,
        })
    }
}

impl std::fmt::Display for JenisBerkas {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

/// The result of sniffing the first bytes of a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kenal {
    /// An accepted kind.
    Jenis(JenisBerkas),
    /// A program or script (PE, ELF, Mach-O, `#!`).
    Eksekutabel,
    /// Anything else (including plain ZIP archives and OLE files whose application is unknown).
    TidakDikenal,
}

const SIG_PNG: &[u8] = b"\x89PNG\r\n\x1a\n";
const SIG_OLE: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
const SIG_ZIP_LOKAL: &[u8] = b"PK\x03\x04";
const SIG_ZIP_PUSAT: &[u8] = b"PK\x01\x02";
const MACH_O: [&[u8]; 5] = [
    b"\xFE\xED\xFA\xCE",
    b"\xFE\xED\xFA\xCF",
    b"\xCE\xFA\xED\xFE",
    b"\xCF\xFA\xED\xFE",
    b"\xCA\xFE\xBA\xBE",
];

/// Sniff the kind from the first bytes (up to [`PANJANG_SNIFF`] are given). Executables and
/// scripts are recognised separately so the message can say so.
///
/// Legacy Office files (OLE compound files) are reported as `Doc`, `Xls` or `Ppt` only when a
/// directory entry naming the main stream (`WordDocument`, `PowerPoint Document`, `Workbook`/
/// `Book`) is within the given bytes; otherwise they are [`Kenal::TidakDikenal`] here, and
/// [`tentukan_jenis`] accepts them only when the name claims `doc`/`xls`/`ppt`.
pub fn kenali(awal: &[u8]) -> Kenal {
    if awal.is_empty() {
        return Kenal::TidakDikenal;
    }
    if awal.starts_with(b"MZ")
        || awal.starts_with(b"\x7fELF")
        || awal.starts_with(b"#!")
        || MACH_O.iter().any(|m| awal.starts_with(m))
    {
        return Kenal::Eksekutabel;
    }
    let jenis = if awal.starts_with(b"%PDF-") {
        JenisBerkas::Pdf
    } else if awal.starts_with(SIG_PNG) {
        JenisBerkas::Png
    } else if awal.starts_with(b"\xFF\xD8\xFF") {
        JenisBerkas::Jpeg
    } else if awal.starts_with(b"GIF87a") || awal.starts_with(b"GIF89a") {
        JenisBerkas::Gif
    } else if awal.len() >= 12 && &awal[..4] == b"RIFF" && &awal[8..12] == b"WEBP" {
        JenisBerkas::Webp
    } else if awal.starts_with(SIG_OLE) {
        match ole_aplikasi(awal) {
            Some(j) => j,
            None => return Kenal::TidakDikenal,
        }
    } else if awal.starts_with(SIG_ZIP_LOKAL) {
        match zip_kantor(awal) {
            Some(j) => j,
            None => return Kenal::TidakDikenal,
        }
    } else if teks_utf8(awal) {
        JenisBerkas::Teks
    } else {
        return Kenal::TidakDikenal;
    };
    Kenal::Jenis(jenis)
}

/// Decide the kind of an upload named `nama` whose first bytes are `awal` (up to
/// [`PANJANG_SNIFF`], or the whole file if shorter), checking the name's claim against the
/// content. Returns the kind to store:
///
/// - empty content → [`GalatBukti::Kosong`]; program/script → [`GalatBukti::Eksekutabel`];
/// - claimed kind (known extension) equal to the content's kind → accepted; a legacy Office
///   claim (`doc`/`xls`/`ppt`) accepts any OLE compound file (stored as the kind found in its
///   directory if visible, else as claimed); any other difference → [`GalatBukti::TidakCocok`];
/// - known extension but unrecognised content → [`GalatBukti::TidakCocok`] ("isinya tidak
///   dikenali" / "bukan teks UTF-8"), so a damaged `laporan.pdf` gets a precise message;
/// - missing or unknown extension: the content decides; unrecognised content →
///   [`GalatBukti::JenisDitolak`]. Exception: an extension of a program, script or active
///   content (`exe`, `bat`, `sh`, `js`, `html`, `svg`, `docm`, …) is a claim we never accept, so
///   e.g. `setup.exe` with PDF content → [`GalatBukti::TidakCocok`] ("menyatakan EXE, isinya
///   PDF").
pub fn tentukan_jenis(nama: &str, awal: &[u8]) -> Result<JenisBerkas, GalatBukti> {
    if awal.is_empty() {
        return Err(GalatBukti::Kosong);
    }
    cocokkan(nama, kenali(awal), awal.starts_with(SIG_OLE))
}

/// The matching half of [`tentukan_jenis`]: the name's claim against what the content is
/// (`ole`: the content is an OLE compound file, whatever [`kenali`] made of it).
pub(crate) fn cocokkan(nama: &str, kenal: Kenal, ole: bool) -> Result<JenisBerkas, GalatBukti> {
    let klaim = JenisBerkas::dari_ekstensi(nama);
    match kenal {
        Kenal::Eksekutabel => Err(GalatBukti::Eksekutabel),
        Kenal::Jenis(nyata) => match klaim {
            Some(k) if k == nyata || (k.ole() && nyata.ole()) => Ok(nyata),
            Some(k) => Err(GalatBukti::TidakCocok {
                dinyatakan: k.label().to_string(),
                sebenarnya: nyata.label().to_string(),
            }),
            None => match ekstensi(nama).filter(|e| EKSTENSI_TERLARANG.contains(&e.as_str())) {
                Some(e) => Err(GalatBukti::TidakCocok {
                    dinyatakan: e.to_uppercase(),
                    sebenarnya: nyata.label().to_string(),
                }),
                None => Ok(nyata),
            },
        },
        Kenal::TidakDikenal => match klaim {
            Some(k) if k.ole() && ole => Ok(k),
            _ => Err(galat_tidak_dikenal(klaim)),
        },
    }
}

/// The error for content that is not (or, for text, stops being) an accepted kind.
pub(crate) fn galat_tidak_dikenal(klaim: Option<JenisBerkas>) -> GalatBukti {
    match klaim {
        Some(k) => GalatBukti::TidakCocok {
            dinyatakan: k.label().to_string(),
            sebenarnya: if k == JenisBerkas::Teks {
                "bukan teks UTF-8".to_string()
            } else {
                "tidak dikenali".to_string()
            },
        },
        None => GalatBukti::JenisDitolak,
    }
}

/// Extensions of programs, scripts, installers, macro-enabled documents and active web
/// content: such a name is never accepted, whatever the content.
const EKSTENSI_TERLARANG: &[&str] = &[
    "exe", "dll", "com", "scr", "pif", "cpl", "msi", "msp", "msc", "bat", "cmd", "ps1", "psm1",
    "vbs", "vbe", "js", "jse", "mjs", "wsf", "wsh", "hta", "lnk", "reg", "inf", "jar", "class",
    "apk", "app", "dmg", "pkg", "deb", "rpm", "sh", "bash", "zsh", "csh", "ksh", "py", "pyc", "pl",
    "rb", "php", "phtml", "php3", "php4", "php5", "phar", "cgi", "asp", "aspx", "jsp", "html",
    "htm", "xhtml", "shtml", "mht", "mhtml", "svg", "svgz", "xml", "xsl", "swf", "so", "dylib",
    "bin", "elf", "run", "docm", "dotm", "xlsm", "xltm", "xlam", "pptm", "potm", "ppam", "ppsm",
    "sldm",
];

/// The lower-cased extension of the last path component, ignoring trailing dots and spaces
/// (which Windows drops). A leading dot alone (".profile") is not an extension.
fn ekstensi(nama: &str) -> Option<String> {
    let dasar = nama.rsplit(['/', '\\']).next().unwrap_or(nama);
    let dasar = dasar.trim_end_matches(['.', ' ']);
    let (batang, ext) = dasar.rsplit_once('.')?;
    if batang.is_empty() || ext.is_empty() {
        return None;
    }
    Some(ext.to_ascii_lowercase())
}

/// Legacy Office application of an OLE compound file, from the names of its directory entries
/// (UTF-16LE, NUL-terminated, each entry 128-byte aligned) if the directory is within `awal`.
fn ole_aplikasi(awal: &[u8]) -> Option<JenisBerkas> {
    const CALON: [(&str, JenisBerkas); 4] = [
        ("WordDocument", JenisBerkas::Doc),
        ("PowerPoint Document", JenisBerkas::Ppt),
        ("Workbook", JenisBerkas::Xls),
        ("Book", JenisBerkas::Xls),
    ];
    CALON.into_iter().find_map(|(nama, jenis)| {
        let mut pola: Vec<u8> = nama.encode_utf16().flat_map(u16::to_le_bytes).collect();
        pola.extend_from_slice(&[0, 0]);
        awal.chunks(128)
            .skip(4) // the 512-byte header
            .any(|entri| entri.starts_with(&pola))
            .then_some(jenis)
    })
}

/// OOXML or ODF kind of a ZIP archive, or `None` for any other ZIP.
fn zip_kantor(awal: &[u8]) -> Option<JenisBerkas> {
    // ODF: the first entry is an uncompressed file named `mimetype` holding the media type.
    if let Some(j) = odf(awal) {
        return Some(j);
    }
    // OOXML: entry names, from local headers and (for small files) the central directory.
    TandaZip::dari(awal).jenis()
}

/// Whether a ZIP archive's first bytes leave its kind open: it may still turn out to be OOXML
/// once the rest (in particular the central directory at the end) has been seen. Some writers
/// put `[Content_Types].xml` last, after the media, so for larger files it can lie beyond the
/// sniff window.
pub(crate) fn zip_belum_pasti(awal: &[u8]) -> bool {
    awal.starts_with(SIG_ZIP_LOKAL) && kenali(awal) == Kenal::TidakDikenal
}

/// What the OOXML decision needs from a ZIP archive's entry names; collected from several
/// pieces of the stream (the sniff window, the tail) and merged.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct TandaZip {
    content_types: bool,
    word: bool,
    ppt: bool,
    xl: bool,
}

impl TandaZip {
    pub(crate) fn dari(potongan: &[u8]) -> Self {
        let mut t = TandaZip::default();
        for n in nama_entri_zip(potongan) {
            t.content_types |= n == b"[Content_Types].xml";
            t.word |= n.starts_with(b"word/");
            t.ppt |= n.starts_with(b"ppt/");
            t.xl |= n.starts_with(b"xl/");
        }
        t
    }

    pub(crate) fn gabung(self, lain: TandaZip) -> Self {
        TandaZip {
            content_types: self.content_types || lain.content_types,
            word: self.word || lain.word,
            ppt: self.ppt || lain.ppt,
            xl: self.xl || lain.xl,
        }
    }

    pub(crate) fn jenis(self) -> Option<JenisBerkas> {
        match self {
            TandaZip {
                content_types: false,
                ..
            } => None,
            TandaZip { word: true, .. } => Some(JenisBerkas::Docx),
            TandaZip { ppt: true, .. } => Some(JenisBerkas::Pptx),
            TandaZip { xl: true, .. } => Some(JenisBerkas::Xlsx),
            _ => None,
        }
    }
}

fn u16_le(b: &[u8], i: usize) -> Option<usize> {
    Some(u16::from_le_bytes(b.get(i..i + 2)?.try_into().ok()?) as usize)
}

fn u32_le(b: &[u8], i: usize) -> Option<usize> {
    Some(u32::from_le_bytes(b.get(i..i + 4)?.try_into().ok()?) as usize)
}

fn odf(awal: &[u8]) -> Option<JenisBerkas> {
    let metode = u16_le(awal, 8)?;
    let ukuran = u32_le(awal, 18)?;
    let panjang_nama = u16_le(awal, 26)?;
    let panjang_ekstra = u16_le(awal, 28)?;
    if metode != 0 || awal.get(30..30 + panjang_nama)? != b"mimetype" {
        return None;
    }
    let mulai = 30 + panjang_nama + panjang_ekstra;
    match awal.get(mulai..mulai + ukuran)? {
        b"application/vnd.oasis.opendocument.text" => Some(JenisBerkas::Odt),
        b"application/vnd.oasis.opendocument.spreadsheet" => Some(JenisBerkas::Ods),
        b"application/vnd.oasis.opendocument.presentation" => Some(JenisBerkas::Odp),
        _ => None,
    }
}

/// Names of all ZIP entries whose local or central header is within `awal`. Headers are found
/// by their signatures, so entries after one with a data descriptor are still seen; a spurious
/// signature inside compressed data only yields a garbage name, which matches nothing.
fn nama_entri_zip(awal: &[u8]) -> Vec<&[u8]> {
    let mut nama = Vec::new();
    for (i, sig) in awal.windows(4).enumerate() {
        let (off_panjang, off_nama) = match sig {
            s if s == SIG_ZIP_LOKAL => (26, 30),
            s if s == SIG_ZIP_PUSAT => (28, 46),
            _ => continue,
        };
        if let Some(n) =
            u16_le(awal, i + off_panjang).and_then(|p| awal.get(i + off_nama..i + off_nama + p))
        {
            nama.push(n);
        }
    }
    nama
}

/// Valid UTF-8 (a multi-byte character cut off at the end of the buffer is allowed), no NUL.
fn teks_utf8(awal: &[u8]) -> bool {
    if awal.contains(&0) {
        return false;
    }
    match std::str::from_utf8(awal) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none(),
    }
}

/// Checks a text stream chunk by chunk: UTF-8 validity across chunk boundaries, and no NUL.
#[derive(Debug, Default)]
pub(crate) struct PemeriksaTeks {
    sisa: [u8; 4],
    n: usize,
}

impl PemeriksaTeks {
    /// Feed the next chunk; `false` as soon as the stream is not valid text.
    pub(crate) fn periksa(&mut self, mut data: &[u8]) -> bool {
        if data.contains(&0) {
            return false;
        }
        if self.n > 0 {
            // Complete the character cut off at the end of the previous chunk.
            let lebar = match self.sisa[0] {
                0xC0..=0xDF => 2,
                0xE0..=0xEF => 3,
                _ => 4,
            };
            while self.n < lebar {
                let Some((&b, sisa)) = data.split_first() else {
                    return true; // still incomplete; wait for more
                };
                self.sisa[self.n] = b;
                self.n += 1;
                data = sisa;
            }
            if std::str::from_utf8(&self.sisa[..lebar]).is_err() {
                return false;
            }
            self.n = 0;
        }
        match std::str::from_utf8(data) {
            Ok(_) => true,
            Err(e) if e.error_len().is_none() => {
                let ekor = &data[e.valid_up_to()..];
                self.sisa[..ekor.len()].copy_from_slice(ekor);
                self.n = ekor.len();
                true
            }
            Err(_) => false,
        }
    }

    /// At end of stream: `false` if a character was left incomplete.
    pub(crate) fn selesai(&self) -> bool {
        self.n == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn periksa_potongan(data: &[u8], ukuran: usize) -> bool {
        let mut p = PemeriksaTeks::default();
        data.chunks(ukuran).all(|c| p.periksa(c)) && p.selesai()
    }

    #[test]
    fn pemeriksa_teks_lintas_potongan() {
        let teks = "Laporan kinerja — capaian 100% ✓ 𝄞 selesai".as_bytes();
        for ukuran in 1..=8 {
            assert!(periksa_potongan(teks, ukuran), "ukuran potongan {ukuran}");
        }
        // Truncated at the very end: invalid at end of stream.
        let terpotong = &teks[..teks.len() - "selesai".len() - 2];
        assert!(std::str::from_utf8(terpotong).is_err());
        for ukuran in 1..=8 {
            assert!(
                !periksa_potongan(terpotong, ukuran),
                "ukuran potongan {ukuran}"
            );
        }
        // Invalid continuation split across chunks.
        let rusak = b"ab\xE2\x82zz";
        for ukuran in 1..=6 {
            assert!(!periksa_potongan(rusak, ukuran), "ukuran potongan {ukuran}");
        }
        // NUL anywhere.
        assert!(!periksa_potongan(b"abc\0def", 3));
    }

    #[test]
    fn ekstensi_nama() {
        assert_eq!(ekstensi("laporan.PDF").as_deref(), Some("pdf"));
        assert_eq!(ekstensi("a/b\\c.tar.gz").as_deref(), Some("gz"));
        assert_eq!(ekstensi("setup.exe. . ").as_deref(), Some("exe"));
        assert_eq!(ekstensi(".profile"), None);
        assert_eq!(ekstensi("tanpa_ekstensi"), None);
        assert_eq!(ekstensi("titik."), None);
    }
}
