//! Minimal, valid-looking sample files and test readers.

#![allow(dead_code)]

use std::pin::Pin;
use std::task::{Context, Poll};

use tokio::io::{AsyncRead, ReadBuf};

pub fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in data {
        crc ^= b as u32;
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A real (stored, uncompressed) ZIP archive: local headers, central directory, end record.
pub fn zip(entri: &[(&str, &[u8])]) -> Vec<u8> {
    let mut keluar = Vec::new();
    let mut pusat = Vec::new();
    for (nama, isi) in entri {
        let offset = keluar.len() as u32;
        let crc = crc32(isi);
        let ukuran = isi.len() as u32;
        let n = nama.len() as u16;
        // local file header
        keluar.extend_from_slice(b"PK\x03\x04");
        keluar.extend_from_slice(&20u16.to_le_bytes()); // version needed
        keluar.extend_from_slice(&0u16.to_le_bytes()); // flags
        keluar.extend_from_slice(&0u16.to_le_bytes()); // method: stored
        keluar.extend_from_slice(&0u16.to_le_bytes()); // time
        keluar.extend_from_slice(&0x5821u16.to_le_bytes()); // date
        keluar.extend_from_slice(&crc.to_le_bytes());
        keluar.extend_from_slice(&ukuran.to_le_bytes());
        keluar.extend_from_slice(&ukuran.to_le_bytes());
        keluar.extend_from_slice(&n.to_le_bytes());
        keluar.extend_from_slice(&0u16.to_le_bytes()); // extra length
        keluar.extend_from_slice(nama.as_bytes());
        keluar.extend_from_slice(isi);
        // central directory header
        pusat.extend_from_slice(b"PK\x01\x02");
        pusat.extend_from_slice(&20u16.to_le_bytes()); // version made by
        pusat.extend_from_slice(&20u16.to_le_bytes()); // version needed
        pusat.extend_from_slice(&0u16.to_le_bytes());
        pusat.extend_from_slice(&0u16.to_le_bytes());
        pusat.extend_from_slice(&0u16.to_le_bytes());
        pusat.extend_from_slice(&0x5821u16.to_le_bytes());
        pusat.extend_from_slice(&crc.to_le_bytes());
        pusat.extend_from_slice(&ukuran.to_le_bytes());
        pusat.extend_from_slice(&ukuran.to_le_bytes());
        pusat.extend_from_slice(&n.to_le_bytes());
        pusat.extend_from_slice(&0u16.to_le_bytes()); // extra
        pusat.extend_from_slice(&0u16.to_le_bytes()); // comment
        pusat.extend_from_slice(&0u16.to_le_bytes()); // disk
        pusat.extend_from_slice(&0u16.to_le_bytes()); // internal attrs
        pusat.extend_from_slice(&0u32.to_le_bytes()); // external attrs
        pusat.extend_from_slice(&offset.to_le_bytes());
        pusat.extend_from_slice(nama.as_bytes());
    }
    let offset_pusat = keluar.len() as u32;
    let jumlah = entri.len() as u16;
    keluar.extend_from_slice(&pusat);
    keluar.extend_from_slice(b"PK\x05\x06");
    keluar.extend_from_slice(&0u16.to_le_bytes());
    keluar.extend_from_slice(&0u16.to_le_bytes());
    keluar.extend_from_slice(&jumlah.to_le_bytes());
    keluar.extend_from_slice(&jumlah.to_le_bytes());
    keluar.extend_from_slice(&(pusat.len() as u32).to_le_bytes());
    keluar.extend_from_slice(&offset_pusat.to_le_bytes());
    keluar.extend_from_slice(&0u16.to_le_bytes());
    keluar
}

pub fn pdf() -> Vec<u8> {
    b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n\
      2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n\
      trailer\n<< /Root 1 0 R >>\n%%EOF\n"
        .to_vec()
}

fn chunk_png(jenis: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut c = (data.len() as u32).to_be_bytes().to_vec();
    c.extend_from_slice(jenis);
    c.extend_from_slice(data);
    let mut untuk_crc = jenis.to_vec();
    untuk_crc.extend_from_slice(data);
    c.extend_from_slice(&crc32(&untuk_crc).to_be_bytes());
    c
}

pub fn png() -> Vec<u8> {
    let mut p = b"\x89PNG\r\n\x1a\n".to_vec();
    // 1x1, 8-bit RGB
    p.extend(chunk_png(b"IHDR", &[0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]));
    p.extend(chunk_png(b"IEND", &[]));
    p
}

pub fn jpeg() -> Vec<u8> {
    let mut j = b"\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00".to_vec();
    j.extend_from_slice(b"\xFF\xD9");
    j
}

pub fn gif() -> Vec<u8> {
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;".to_vec()
}

pub fn gif87() -> Vec<u8> {
    let mut g = gif();
    g[4] = b'7';
    g
}

pub fn webp() -> Vec<u8> {
    let isi = b"WEBPVP8L\x0a\x00\x00\x00\x2f\x00\x00\x00\x10\x07\x10\x11\x11\x88\x88\xfe\x07\x00";
    let mut w = b"RIFF".to_vec();
    w.extend_from_slice(&(isi.len() as u32).to_le_bytes());
    w.extend_from_slice(isi);
    w
}

const CONTENT_TYPES: &[u8] = br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#;
const RELS: &[u8] = br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>"#;

pub fn docx() -> Vec<u8> {
    zip(&[
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", RELS),
        ("word/document.xml", b"<w:document/>"),
    ])
}

pub fn xlsx() -> Vec<u8> {
    zip(&[
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", RELS),
        ("xl/workbook.xml", b"<workbook/>"),
    ])
}

pub fn pptx() -> Vec<u8> {
    zip(&[
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", RELS),
        ("ppt/presentation.xml", b"<p:presentation/>"),
    ])
}

pub fn odf(mime: &str) -> Vec<u8> {
    zip(&[
        ("mimetype", mime.as_bytes()),
        ("META-INF/manifest.xml", b"<manifest:manifest/>"),
        ("content.xml", b"<office:document-content/>"),
    ])
}

/// An OLE compound file: 512-byte header, then a directory sector whose second entry names the
/// application's main stream (`None`: no directory visible).
pub fn ole(aliran: Option<&str>) -> Vec<u8> {
    let mut o = vec![0u8; 512];
    o[..8].copy_from_slice(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
    o[0x1A] = 0x3E; // minor version
    o[0x1C] = 0x03; // major version 3
    o[0x1E] = 0xFE; // byte order
    o[0x1F] = 0xFF;
    o[0x20] = 0x09; // sector shift: 512
    let mut sektor = vec![0u8; 512];
    let nama_entri = |s: &str| -> Vec<u8> {
        let mut b: Vec<u8> = s.encode_utf16().flat_map(u16::to_le_bytes).collect();
        b.extend_from_slice(&[0, 0]);
        b
    };
    let root = nama_entri("Root Entry");
    sektor[..root.len()].copy_from_slice(&root);
    if let Some(a) = aliran {
        let n = nama_entri(a);
        sektor[128..128 + n.len()].copy_from_slice(&n);
    }
    o.extend(sektor);
    o
}

/// Deterministic pseudo-random bytes (xorshift).
pub fn acak(n: usize) -> Vec<u8> {
    let mut x = 0x2545_F491_4F6C_DD1Du64;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

/// Produces `awal` followed by filler up to `total` bytes, lazily: never allocates the whole.
pub struct Pembangkit {
    awal: Vec<u8>,
    pub dihasilkan: u64,
    total: u64,
}

impl Pembangkit {
    pub fn new(awal: Vec<u8>, total: u64) -> Self {
        Pembangkit {
            awal,
            dihasilkan: 0,
            total,
        }
    }
}

impl AsyncRead for Pembangkit {
    fn poll_read(
        mut self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        let sisa = self.total - self.dihasilkan;
        let n = (buf.remaining() as u64).min(sisa) as usize;
        let mulai = self.dihasilkan as usize;
        let keluar = buf.initialize_unfilled_to(n);
        for (i, b) in keluar.iter_mut().enumerate() {
            let pos = mulai + i;
            *b = match self.awal.get(pos) {
                Some(&b) => b,
                None => b"0123456789abcdef\n"[pos % 17],
            };
        }
        buf.advance(n);
        self.dihasilkan += n as u64;
        Poll::Ready(Ok(()))
    }
}

/// Hands out `data` at most `ukuran` bytes per read, to exercise chunk boundaries.
pub struct Potongan {
    data: Vec<u8>,
    pos: usize,
    ukuran: usize,
}

impl Potongan {
    pub fn new(data: Vec<u8>, ukuran: usize) -> Self {
        Potongan {
            data,
            pos: 0,
            ukuran,
        }
    }
}

impl AsyncRead for Potongan {
    fn poll_read(
        mut self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        let n = self
            .ukuran
            .min(buf.remaining())
            .min(self.data.len() - self.pos);
        let pos = self.pos;
        buf.put_slice(&self.data[pos..pos + n]);
        self.pos += n;
        Poll::Ready(Ok(()))
    }
}

/// Produces `awal`, then never finishes (a client that stalls mid-upload).
pub struct Macet {
    awal: Vec<u8>,
    pos: usize,
}

impl Macet {
    pub fn new(awal: Vec<u8>) -> Self {
        Macet { awal, pos: 0 }
    }
}

impl AsyncRead for Macet {
    fn poll_read(
        mut self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        if self.pos == self.awal.len() {
            return Poll::Pending;
        }
        let n = buf.remaining().min(self.awal.len() - self.pos);
        let pos = self.pos;
        buf.put_slice(&self.awal[pos..pos + n]);
        self.pos += n;
        Poll::Ready(Ok(()))
    }
}
