//! The XLSX importer (zip checks, calamine, validation) never panics and refuses with the list
//! of faults. Input that starts with a ZIP local header is taken as the whole file; anything
//! else is the XML of the workbook's parts (workbook, shared strings, three sheets, separated
//! by `\n--\n`), packed uncompressed into a real workbook around them, so mutations reach
//! calamine's XML reading instead of dying in the deflate stream or the checksums.
#![no_main]

#[path = "umum.rs"]
mod umum;

use kinerja_impor::{periksa_berkas, JenisData};
use libfuzzer_sys::fuzz_target;
use std::io::Write;

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet3.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"#;
const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
const WORKBOOK_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet3.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#;
const BAGIAN: [&str; 5] = [
    "xl/workbook.xml",
    "xl/sharedStrings.xml",
    "xl/worksheets/sheet1.xml",
    "xl/worksheets/sheet2.xml",
    "xl/worksheets/sheet3.xml",
];

fn buku_kerja(data: &[u8]) -> Vec<u8> {
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opsi =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let mut tulis = |nama: &str, isi: &[u8]| {
        z.start_file(nama, opsi).unwrap();
        z.write_all(isi).unwrap();
    };
    tulis("[Content_Types].xml", CONTENT_TYPES.as_bytes());
    tulis("_rels/.rels", RELS.as_bytes());
    tulis("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.as_bytes());
    let mut bagian = pisah(data, b"\n--\n").into_iter();
    for nama in BAGIAN {
        tulis(nama, bagian.next().unwrap_or_default());
    }
    z.finish().unwrap().into_inner()
}

fn pisah<'a>(mut data: &'a [u8], sep: &[u8]) -> Vec<&'a [u8]> {
    let mut out = Vec::new();
    while let Some(i) = data.windows(sep.len()).position(|w| w == sep) {
        out.push(&data[..i]);
        data = &data[i + sep.len()..];
    }
    out.push(data);
    out
}

fuzz_target!(|data: &[u8]| {
    let Some((&pilih, isi)) = data.split_first() else {
        return;
    };
    let jenis = [
        JenisData::Organisasi,
        JenisData::Unit,
        JenisData::Jabatan,
        JenisData::Pegawai,
    ][pilih as usize % 4];
    let hasil = if isi.starts_with(b"PK\x03\x04") {
        periksa_berkas(jenis, isi)
    } else {
        periksa_berkas(jenis, &buku_kerja(isi))
    };
    umum::periksa(&hasil);
});
