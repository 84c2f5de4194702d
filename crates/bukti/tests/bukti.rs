//! Sniffing rules and the local-directory store, against real files in a temporary directory.

mod contoh;

use std::path::Path;
use std::time::Duration;

use kinerja_bukti::{
    kenali, BerkasTersimpan, DirektoriLokal, GalatBukti, JenisBerkas, Kenal, PenyimpananBukti,
    BATAS_UKURAN_BAWAAN,
};
use sha2::{Digest, Sha256};
use tokio::io::AsyncReadExt;

use contoh::*;

// --- sniffing -----------------------------------------------------------------------------

#[test]
fn tabel_pengenalan() {
    use JenisBerkas::*;
    let teks_utf8 =
        "NIP;Nama;Capaian\n198001012005011001;Siti Nurhaliza;110 %\nKeterangan: ✓ tercapai — 𝄞\n";
    let mut teks_terpotong_di_tengah = "abc 𝄞".as_bytes().to_vec();
    teks_terpotong_di_tengah.pop(); // 3 of 4 bytes of 𝄞 at the end of the buffer

    let kasus: Vec<(&str, Vec<u8>, Kenal)> = vec![
        ("pdf", pdf(), Kenal::Jenis(Pdf)),
        ("png", png(), Kenal::Jenis(Png)),
        ("jpeg", jpeg(), Kenal::Jenis(Jpeg)),
        ("gif89a", gif(), Kenal::Jenis(Gif)),
        ("gif87a", gif87(), Kenal::Jenis(Gif)),
        ("webp", webp(), Kenal::Jenis(Webp)),
        ("docx", docx(), Kenal::Jenis(Docx)),
        ("xlsx", xlsx(), Kenal::Jenis(Xlsx)),
        ("pptx", pptx(), Kenal::Jenis(Pptx)),
        (
            "odt",
            odf("application/vnd.oasis.opendocument.text"),
            Kenal::Jenis(Odt),
        ),
        (
            "ods",
            odf("application/vnd.oasis.opendocument.spreadsheet"),
            Kenal::Jenis(Ods),
        ),
        (
            "odp",
            odf("application/vnd.oasis.opendocument.presentation"),
            Kenal::Jenis(Odp),
        ),
        ("doc", ole(Some("WordDocument")), Kenal::Jenis(Doc)),
        ("xls Workbook", ole(Some("Workbook")), Kenal::Jenis(Xls)),
        ("xls Book (Excel 5)", ole(Some("Book")), Kenal::Jenis(Xls)),
        ("ppt", ole(Some("PowerPoint Document")), Kenal::Jenis(Ppt)),
        ("ole tanpa direktori", ole(None), Kenal::TidakDikenal),
        (
            "ole lain (msi)",
            ole(Some("SummaryInformation")),
            Kenal::TidakDikenal,
        ),
        ("teks", teks_utf8.as_bytes().to_vec(), Kenal::Jenis(Teks)),
        (
            "teks terpotong di akhir buffer",
            teks_terpotong_di_tengah,
            Kenal::Jenis(Teks),
        ),
        (
            "teks ascii satu baris",
            b"halo".to_vec(),
            Kenal::Jenis(Teks),
        ),
        (
            "teks ber-BOM",
            b"\xEF\xBB\xBFa;b\n".to_vec(),
            Kenal::Jenis(Teks),
        ),
        // executables and scripts
        (
            "pe",
            b"MZ\x90\x00\x03\x00\x00\x00\x04\x00".to_vec(),
            Kenal::Eksekutabel,
        ),
        (
            "elf",
            b"\x7fELF\x02\x01\x01\x00".to_vec(),
            Kenal::Eksekutabel,
        ),
        (
            "mach-o 32",
            b"\xFE\xED\xFA\xCE\x00\x00".to_vec(),
            Kenal::Eksekutabel,
        ),
        (
            "mach-o 64",
            b"\xFE\xED\xFA\xCF\x00\x00".to_vec(),
            Kenal::Eksekutabel,
        ),
        (
            "mach-o 32 le",
            b"\xCE\xFA\xED\xFE\x00\x00".to_vec(),
            Kenal::Eksekutabel,
        ),
        (
            "mach-o 64 le",
            b"\xCF\xFA\xED\xFE\x00\x00".to_vec(),
            Kenal::Eksekutabel,
        ),
        (
            "mach-o universal",
            b"\xCA\xFE\xBA\xBE\x00\x00".to_vec(),
            Kenal::Eksekutabel,
        ),
        (
            "shebang",
            b"#!/bin/sh\nrm -rf /\n".to_vec(),
            Kenal::Eksekutabel,
        ),
        // not accepted
        (
            "zip biasa",
            zip(&[("foto.jpg", &jpeg())]),
            Kenal::TidakDikenal,
        ),
        (
            "zip: nama kantor tanpa [Content_Types].xml",
            zip(&[("word/document.xml", b"<w:document/>")]),
            Kenal::TidakDikenal,
        ),
        (
            "zip: [Content_Types].xml tanpa bagian dikenal",
            zip(&[
                ("[Content_Types].xml", b"<Types/>"),
                ("lain/a.xml", b"<a/>"),
            ]),
            Kenal::TidakDikenal,
        ),
        (
            "odf templat",
            odf("application/vnd.oasis.opendocument.text-template"),
            Kenal::TidakDikenal,
        ),
        ("biner acak", acak(4096), Kenal::TidakDikenal),
        (
            "utf-8 rusak",
            b"abc \xFF\xFE def".to_vec(),
            Kenal::TidakDikenal,
        ),
        ("latin-1", b"caf\xE9 na\xEFve".to_vec(), Kenal::TidakDikenal),
        ("ada NUL", b"abc\0def".to_vec(), Kenal::TidakDikenal),
        (
            "utf-16",
            "halo".encode_utf16().flat_map(u16::to_le_bytes).collect(),
            Kenal::TidakDikenal,
        ),
        ("kosong", Vec::new(), Kenal::TidakDikenal),
        (
            "riff bukan webp",
            b"RIFF\x04\x00\x00\x00WAVE".to_vec(),
            Kenal::TidakDikenal,
        ),
    ];
    let mut gagal = Vec::new();
    for (nama, isi, harap) in &kasus {
        let dapat = kenali(isi);
        if dapat != *harap {
            gagal.push(format!("{nama}: harap {harap:?}, dapat {dapat:?}"));
        }
    }
    assert!(gagal.is_empty(), "{}", gagal.join("\n"));
}

#[test]
fn kode_mime_ekstensi() {
    for j in JenisBerkas::SEMUA {
        assert_eq!(JenisBerkas::dari_kode(j.kode()), Some(j));
        assert_eq!(j.kode(), j.kode().to_lowercase());
        assert_eq!(
            JenisBerkas::dari_ekstensi(&format!("x.{}", j.ekstensi())),
            Some(j)
        );
        assert!(!j.mime().is_empty());
    }
    assert_eq!(JenisBerkas::dari_kode("exe"), None);
    assert_eq!(JenisBerkas::Teks.mime(), "text/plain; charset=utf-8");
    assert_eq!(JenisBerkas::Pdf.mime(), "application/pdf");
    assert_eq!(
        JenisBerkas::dari_ekstensi("Foto KTP.JPEG"),
        Some(JenisBerkas::Jpeg)
    );
    assert_eq!(JenisBerkas::dari_ekstensi("a.jpg"), Some(JenisBerkas::Jpeg));
    assert_eq!(
        JenisBerkas::dari_ekstensi("data.csv"),
        Some(JenisBerkas::Teks)
    );
    assert_eq!(JenisBerkas::dari_ekstensi("arsip.zip"), None);
    assert_eq!(JenisBerkas::dari_ekstensi("tanpa-ekstensi"), None);
    assert!(JenisBerkas::Webp.gambar());
    assert!(!JenisBerkas::Pdf.gambar());
}

// --- the local directory --------------------------------------------------------------------

async fn direktori() -> (tempfile::TempDir, DirektoriLokal) {
    let tmp = tempfile::tempdir().unwrap();
    let d = DirektoriLokal::buka_direktori(tmp.path().join("bukti"))
        .await
        .unwrap();
    (tmp, d)
}

async fn simpan(d: &DirektoriLokal, nama: &str, isi: &[u8]) -> Result<BerkasTersimpan, GalatBukti> {
    let mut r = isi;
    d.simpan(nama, &mut r, BATAS_UKURAN_BAWAAN).await
}

async fn baca(d: &DirektoriLokal, kunci: &str) -> Vec<u8> {
    let mut r = d.buka(kunci).await.unwrap();
    let mut v = Vec::new();
    r.read_to_end(&mut v).await.unwrap();
    v
}

/// All regular files below `dir`, recursively.
fn berkas_di(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut hasil = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            hasil.extend(berkas_di(&p));
        } else {
            hasil.push(p);
        }
    }
    hasil
}

fn tmp_kosong(d: &DirektoriLokal) -> bool {
    std::fs::read_dir(d.root().join("tmp"))
        .unwrap()
        .next()
        .is_none()
}

#[tokio::test]
async fn simpan_buka_hapus() {
    let (_t, d) = direktori().await;
    assert!(d.keterangan().starts_with("direktori "));
    let isi = pdf();
    let b = simpan(&d, "Laporan Kinerja 2025.pdf", &isi).await.unwrap();
    assert_eq!(b.jenis, JenisBerkas::Pdf);
    assert_eq!(b.ukuran, isi.len() as u64);
    assert_eq!(b.sha256, hex::encode(Sha256::digest(&isi)));

    // layout: aa/bb/<32 hex>, and nothing left in tmp
    let bagian: Vec<&str> = b.kunci.split('/').collect();
    assert_eq!(bagian.len(), 3);
    assert_eq!(bagian[2].len(), 32);
    assert_eq!(bagian[0], &bagian[2][..2]);
    assert_eq!(bagian[1], &bagian[2][2..4]);
    assert!(d.root().join(&b.kunci).is_file());
    assert!(tmp_kosong(&d));

    assert_eq!(baca(&d, &b.kunci).await, isi);

    // two uploads of the same content get distinct keys
    let b2 = simpan(&d, "salinan.pdf", &isi).await.unwrap();
    assert_ne!(b.kunci, b2.kunci);
    assert_eq!(b.sha256, b2.sha256);

    d.hapus(&b.kunci).await.unwrap();
    assert!(!d.root().join(&b.kunci).exists());
    assert!(matches!(d.buka(&b.kunci).await, Err(GalatBukti::TidakAda)));
    let e = d.hapus(&b.kunci).await.unwrap_err();
    assert!(matches!(e, GalatBukti::TidakAda));
    assert_eq!((e.status(), e.kode()), (404, "berkas_tidak_ada"));
    assert_eq!(baca(&d, &b2.kunci).await, isi);
}

#[tokio::test]
async fn berkas_besar_dialirkan_dan_sha256_benar() {
    // 3 MiB of text handed out in odd-sized pieces: crosses the sniff window and many chunks,
    // with multi-byte characters straddling chunk boundaries.
    let (_t, d) = direktori().await;
    let baris = "Capaian kinerja — 100 % ✓ 𝄞 é\n";
    let isi: Vec<u8> = baris.repeat(3 * 1024 * 1024 / baris.len()).into_bytes();
    let mut r = Potongan::new(isi.clone(), 4093);
    let b = d
        .simpan("capaian.csv", &mut r, BATAS_UKURAN_BAWAAN)
        .await
        .unwrap();
    assert_eq!(b.jenis, JenisBerkas::Teks);
    assert_eq!(b.ukuran, isi.len() as u64);
    assert_eq!(b.sha256, hex::encode(Sha256::digest(&isi)));
    let disk = std::fs::read(d.root().join(&b.kunci)).unwrap();
    assert_eq!(disk, isi);
    assert_eq!(baca(&d, &b.kunci).await, isi);
}

#[tokio::test]
async fn terlalu_besar_dihentikan_lebih_awal() {
    let (_t, d) = direktori().await;
    // 50 MB produced lazily: a PDF header, then filler.
    let mut r = Pembangkit::new(pdf(), 50 * 1000 * 1000);
    let e = d
        .simpan("besar.pdf", &mut r, BATAS_UKURAN_BAWAAN)
        .await
        .unwrap_err();
    assert!(matches!(e, GalatBukti::TerlaluBesar { batas } if batas == BATAS_UKURAN_BAWAAN));
    assert_eq!((e.status(), e.kode()), (413, "berkas_terlalu_besar"));
    assert_eq!(e.to_string(), "Berkas terlalu besar: paling besar 20 MB");
    // stopped right after the limit, not at the end of the stream
    assert!(
        r.dihasilkan <= BATAS_UKURAN_BAWAAN + 64 * 1024,
        "{}",
        r.dihasilkan
    );
    assert!(tmp_kosong(&d));
    assert!(berkas_di(d.root()).is_empty());

    // a limit smaller than the sniff window is enforced while sniffing
    let mut r = Pembangkit::new(pdf(), 1_000_000);
    let e = d.simpan("besar.pdf", &mut r, 1000).await.unwrap_err();
    assert!(matches!(e, GalatBukti::TerlaluBesar { batas: 1000 }));
    assert!(berkas_di(d.root()).is_empty());

    // exactly at the limit is fine
    let mut r = Pembangkit::new(pdf(), 200_000);
    let b = d.simpan("pas.pdf", &mut r, 200_000).await.unwrap();
    assert_eq!(b.ukuran, 200_000);
    assert!(tmp_kosong(&d));
}

#[tokio::test]
async fn unggahan_terputus_tidak_meninggalkan_sisa() {
    let (_t, d) = direktori().await;
    let mut awal = pdf();
    awal.resize(200 * 1024, b' ');
    let mut r = Macet::new(awal);
    let hasil = tokio::time::timeout(
        Duration::from_millis(300),
        d.simpan("macet.pdf", &mut r, BATAS_UKURAN_BAWAAN),
    )
    .await;
    assert!(hasil.is_err(), "the stalled upload must still be pending");
    assert!(tmp_kosong(&d));
    assert!(berkas_di(d.root()).is_empty());
}

#[tokio::test]
async fn klaim_dan_isi() {
    use JenisBerkas::*;
    let (_t, d) = direktori().await;
    let bukan_teks_di_belakang = {
        let mut v = "a;b\n".repeat(30_000).into_bytes(); // 120 KB of text, past the sniff window
        v.extend_from_slice(b"\0\0\0biner");
        v
    };
    // (name, content, Ok(kind) or Err(code))
    let kasus: Vec<(&str, Vec<u8>, Result<JenisBerkas, &str>)> = vec![
        ("laporan.pdf", pdf(), Ok(Pdf)),
        ("FOTO.JPG", jpeg(), Ok(Jpeg)),
        ("foto.jpeg", jpeg(), Ok(Jpeg)),
        ("dokumen.docx", docx(), Ok(Docx)),
        ("tabel.xlsx", xlsx(), Ok(Xlsx)),
        ("paparan.pptx", pptx(), Ok(Pptx)),
        (
            "naskah.odt",
            odf("application/vnd.oasis.opendocument.text"),
            Ok(Odt),
        ),
        ("data.csv", b"a;b\n1;2\n".to_vec(), Ok(Teks)),
        // legacy Office: any OLE file is accepted under doc/xls/ppt; the kind found in its
        // directory wins over the claim, otherwise the claim is kept
        ("lama.xls", ole(None), Ok(Xls)),
        ("lama.ppt", ole(None), Ok(Ppt)),
        ("lama.doc", ole(Some("Workbook")), Ok(Xls)),
        ("lama.doc", ole(Some("WordDocument")), Ok(Doc)),
        // missing/unknown extension: the content decides, if recognised
        ("foto", png(), Ok(Png)),
        ("catatan.md", b"# Catatan\n".to_vec(), Ok(Teks)),
        ("scan.pdf_lama", pdf(), Ok(Pdf)),
        ("lama", ole(Some("WordDocument")), Ok(Doc)),
        ("lama", ole(None), Err("jenis_berkas_ditolak")),
        (
            "arsip.zip",
            zip(&[("a.pdf", &pdf())]),
            Err("jenis_berkas_ditolak"),
        ),
        ("acak.bin", acak(10_000), Err("jenis_berkas_ditolak")),
        ("acak", acak(10_000), Err("jenis_berkas_ditolak")),
        // claimed vs actual
        ("laporan.pdf", png(), Err("jenis_berkas_tidak_cocok")),
        ("dokumen.docx", xlsx(), Err("jenis_berkas_tidak_cocok")),
        (
            "dokumen.docx",
            zip(&[("a.txt", b"x")]),
            Err("jenis_berkas_tidak_cocok"),
        ),
        ("lama.pdf", ole(None), Err("jenis_berkas_tidak_cocok")),
        (
            "data.csv",
            b"caf\xE9".to_vec(),
            Err("jenis_berkas_tidak_cocok"),
        ),
        (
            "data.csv",
            bukan_teks_di_belakang.clone(),
            Err("jenis_berkas_tidak_cocok"),
        ),
        ("data", bukan_teks_di_belakang, Err("jenis_berkas_ditolak")),
        // a program/script name is never accepted, whatever the content
        ("setup.exe", pdf(), Err("jenis_berkas_tidak_cocok")),
        (
            "halaman.html",
            b"<p>halo</p>".to_vec(),
            Err("jenis_berkas_tidak_cocok"),
        ),
        (
            "logo.svg",
            b"<svg/>".to_vec(),
            Err("jenis_berkas_tidak_cocok"),
        ),
        ("makro.docm", docx(), Err("jenis_berkas_tidak_cocok")),
        // executable content, whatever the name
        (
            "program.pdf",
            b"MZ\x90\x00".to_vec(),
            Err("berkas_eksekutabel"),
        ),
        (
            "skrip.txt",
            b"#!/bin/sh\necho hai\n".to_vec(),
            Err("berkas_eksekutabel"),
        ),
        (
            "program",
            b"\x7fELF\x02\x01".to_vec(),
            Err("berkas_eksekutabel"),
        ),
        ("kosong.pdf", Vec::new(), Err("berkas_kosong")),
    ];
    let mut gagal = Vec::new();
    for (nama, isi, harap) in kasus {
        let dapat = simpan(&d, nama, &isi).await;
        let cocok = match (&dapat, harap) {
            (Ok(b), Ok(j)) => b.jenis == j,
            (Err(e), Err(k)) => e.kode() == k && e.status() == 422,
            _ => false,
        };
        if !cocok {
            gagal.push(format!("{nama}: harap {harap:?}, dapat {dapat:?}"));
        }
    }
    assert!(gagal.is_empty(), "{}", gagal.join("\n"));
    assert!(tmp_kosong(&d));
}

#[tokio::test]
async fn pesan_galat() {
    let (_t, d) = direktori().await;
    let e = simpan(&d, "laporan.pdf", &png()).await.unwrap_err();
    assert_eq!(
        e.to_string(),
        "Isi berkas tidak sesuai dengan jenisnya: nama berkas menyatakan PDF, isinya gambar PNG"
    );
    let e = simpan(&d, "setup.exe", &pdf()).await.unwrap_err();
    assert_eq!(
        e.to_string(),
        "Isi berkas tidak sesuai dengan jenisnya: nama berkas menyatakan EXE, isinya PDF"
    );
    let e = simpan(&d, "data.csv", b"caf\xE9").await.unwrap_err();
    assert_eq!(
        e.to_string(),
        "Isi berkas tidak sesuai dengan jenisnya: nama berkas menyatakan teks (TXT/CSV), isinya bukan teks UTF-8"
    );
    let e = simpan(&d, "kosong.txt", b"").await.unwrap_err();
    assert_eq!(e.to_string(), "Berkas kosong");
    let e = simpan(&d, "a.sh", b"#!/bin/bash\n").await.unwrap_err();
    assert_eq!(
        e.to_string(),
        "Berkas program (executable) atau skrip tidak diterima"
    );
    let e = simpan(&d, "arsip.zip", &zip(&[("a", b"b")]))
        .await
        .unwrap_err();
    assert!(e
        .to_string()
        .starts_with("Jenis berkas tidak diterima: hanya PDF"));
    assert!(berkas_di(d.root()).is_empty());
}

#[tokio::test]
async fn kunci_tidak_sah_ditolak() {
    let (t, d) = direktori().await;
    let b = simpan(&d, "a.pdf", &pdf()).await.unwrap();
    // a file next to the store that traversal would reach
    std::fs::write(t.path().join("rahasia"), b"rahasia").unwrap();
    let hex = b.kunci.rsplit('/').next().unwrap().to_string();
    let kunci_buruk = [
        "".to_string(),
        "../rahasia".to_string(),
        "../../etc/passwd".to_string(),
        "/etc/passwd".to_string(),
        "tmp".to_string(),
        hex.clone(),
        format!("{}/{}", &hex[..2], hex),
        format!("{}/{}/../../../rahasia", &hex[..2], &hex[2..4]),
        format!("{}/{}/{}/", &hex[..2], &hex[2..4], hex),
        format!("/{}", b.kunci),
        format!("./{}", b.kunci),
        format!("{}/{}/{}", &hex[..2], &hex[2..4], &hex[..31]),
        format!("{}\\{}\\{}", &hex[..2], &hex[2..4], hex),
        b.kunci.to_uppercase(),
        format!("00/00/{}", "0".repeat(31) + "g"),
        format!("ff/ff/{}", "0".repeat(32)), // prefix does not match the name
    ];
    for k in &kunci_buruk {
        assert!(
            matches!(d.buka(k).await, Err(GalatBukti::TidakAda)),
            "buka {k:?}"
        );
        assert!(
            matches!(d.hapus(k).await, Err(GalatBukti::TidakAda)),
            "hapus {k:?}"
        );
    }
    assert!(t.path().join("rahasia").exists());
    assert_eq!(baca(&d, &b.kunci).await, pdf());
    // well-formed but unknown
    let e = d
        .buka(&format!("00/00/{}", "0".repeat(32)))
        .await
        .err()
        .unwrap();
    assert!(matches!(e, GalatBukti::TidakAda));
}

#[tokio::test]
async fn sementara_basi_dibersihkan() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("bukti");
    let d = DirektoriLokal::buka_direktori(&root).await.unwrap();
    let basi = root.join("tmp").join("basi");
    let baru = root.join("tmp").join("baru");
    std::fs::write(&basi, b"x").unwrap();
    std::fs::write(&baru, b"x").unwrap();
    let dua_hari_lalu = std::time::SystemTime::now() - Duration::from_secs(2 * 24 * 3600);
    std::fs::File::options()
        .write(true)
        .open(&basi)
        .unwrap()
        .set_modified(dua_hari_lalu)
        .unwrap();
    drop(d);
    let _d = DirektoriLokal::buka_direktori(&root).await.unwrap();
    assert!(!basi.exists());
    assert!(
        baru.exists(),
        "a recent temp file may belong to a running upload"
    );
}

#[tokio::test]
async fn ooxml_diputuskan_dari_direktori_pusat() {
    // A writer that puts `[Content_Types].xml` last, after 100 KB of media: the first 64 KiB do
    // not settle the kind; the central directory at the end does.
    let media = acak(100 * 1024);
    let besar = zip(&[
        ("_rels/.rels", b"<Relationships/>"),
        ("word/media/image1.png", &media),
        ("word/document.xml", b"<w:document/>"),
        ("[Content_Types].xml", b"<Types/>"),
    ]);
    assert_eq!(kenali(&besar[..64 * 1024]), Kenal::TidakDikenal);
    let (_t, d) = direktori().await;
    for nama in ["besar.docx", "besar"] {
        let mut r = Potongan::new(besar.clone(), 5000);
        let b = d.simpan(nama, &mut r, BATAS_UKURAN_BAWAAN).await.unwrap();
        assert_eq!(b.jenis, JenisBerkas::Docx, "{nama}");
        assert_eq!(b.sha256, hex::encode(Sha256::digest(&besar)));
        assert_eq!(baca(&d, &b.kunci).await, besar);
    }
    let e = simpan(&d, "besar.xlsx", &besar).await.unwrap_err();
    assert_eq!(e.kode(), "jenis_berkas_tidak_cocok");

    // A large plain ZIP stays rejected, and leaves nothing behind.
    let arsip = zip(&[("foto1.jpg", &media), ("foto2.jpg", &media)]);
    let e = simpan(&d, "arsip.docx", &arsip).await.unwrap_err();
    assert_eq!(e.kode(), "jenis_berkas_tidak_cocok");
    let e = simpan(&d, "arsip.zip", &arsip).await.unwrap_err();
    assert_eq!(e.kode(), "jenis_berkas_ditolak");
    assert!(tmp_kosong(&d));
    assert_eq!(berkas_di(d.root()).len(), 2);
}

// --- hostile files: zip bombs, content that lies about its kind, names that try to escape ----

/// An OOXML-shaped archive written by the `zip` crate: `[Content_Types].xml`, then `entri`.
fn ooxml_zip(entri: &[(&str, &[u8])], metode: zip::CompressionMethod, zip64: bool) -> Vec<u8> {
    use std::io::Write;
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opsi = zip::write::SimpleFileOptions::default()
        .compression_method(metode)
        .large_file(zip64);
    z.start_file("[Content_Types].xml", opsi).unwrap();
    z.write_all(b"<Types/>").unwrap();
    for (nama, isi) in entri {
        z.start_file(*nama, opsi).unwrap();
        z.write_all(isi).unwrap();
    }
    z.finish().unwrap().into_inner()
}

/// Overwrite the unpacked size every local and central header of a plain ZIP declares.
fn nyatakan_terurai(zip: &mut [u8], ukuran: u32) {
    for i in 0..zip.len().saturating_sub(4) {
        let posisi = match &zip[i..i + 4] {
            b"PK\x03\x04" => i + 22,
            b"PK\x01\x02" => i + 24,
            _ => continue,
        };
        zip[posisi..posisi + 4].copy_from_slice(&ukuran.to_le_bytes());
    }
}

#[tokio::test]
async fn bom_zip_ditolak() {
    let (_t, d) = direktori().await;
    let nol = vec![0u8; 64 * 1024 * 1024];
    // 64 MiB of zeros packed about 1000:1 into 64 KiB, as a Word document.
    for zip64 in [false, true] {
        let bom = ooxml_zip(
            &[("word/document.xml", &nol)],
            zip::CompressionMethod::Deflated,
            zip64,
        );
        assert!(bom.len() < 256 * 1024, "{}", bom.len());
        for (nama, potong) in [("bom.docx", 7000), ("bom", bom.len())] {
            let mut r = Potongan::new(bom.clone(), potong);
            let e = d
                .simpan(nama, &mut r, BATAS_UKURAN_BAWAAN)
                .await
                .unwrap_err();
            assert_eq!(
                (e.kode(), e.status()),
                ("berkas_bom_zip", 422),
                "{nama} {zip64}"
            );
            assert!(e.to_string().contains("word/document.xml"), "{e}");
        }
    }
    // Entries each declared like ordinary XML (1 MiB stored, declared 100 MiB: 100:1) but
    // together over the limit: 12 × 100 MiB.
    let isi = acak(1024 * 1024);
    let nama: Vec<String> = (0..12)
        .map(|i| format!("xl/worksheets/sheet{i}.xml"))
        .collect();
    let mut entri: Vec<(&str, &[u8])> = vec![("[Content_Types].xml", b"<Types/>")];
    entri.extend(nama.iter().map(|n| (n.as_str(), &isi[..])));
    let mut banyak = zip(&entri);
    nyatakan_terurai(&mut banyak, 100 * 1024 * 1024);
    assert!(
        banyak.len() > 2 * 1024 * 1024,
        "its directory is past the sniff window"
    );
    let e = simpan(&d, "buku.xlsx", &banyak).await.unwrap_err();
    assert_eq!(e.kode(), "berkas_bom_zip");
    assert!(tmp_kosong(&d));
    assert!(berkas_di(d.root()).is_empty(), "nothing stored");
}

#[tokio::test]
async fn dokumen_kantor_biasa_lolos_periksa_bom() {
    let (_t, d) = direktori().await;
    // A real-looking presentation: 3 MiB of media (about 1:1) and XML packed about 20:1, as
    // deflate, with the central directory far past the sniff window.
    let xml = "<p:sld><p:txBody>Capaian kinerja triwulan III</p:txBody></p:sld>".repeat(20_000);
    let media = acak(3 * 1024 * 1024);
    for zip64 in [false, true] {
        let pptx = ooxml_zip(
            &[
                ("ppt/presentation.xml", b"<p:presentation/>"),
                ("ppt/slides/slide1.xml", xml.as_bytes()),
                ("ppt/media/image1.png", &media),
            ],
            zip::CompressionMethod::Deflated,
            zip64,
        );
        let b = simpan(&d, "paparan.pptx", &pptx).await.unwrap();
        assert_eq!(b.jenis, JenisBerkas::Pptx);
        assert_eq!(baca(&d, &b.kunci).await, pptx);
    }
    // A file just past the sniff window, its directory split across the window and the tail.
    let docx = ooxml_zip(
        &[("word/document.xml", &acak(70 * 1024))],
        zip::CompressionMethod::Stored,
        false,
    );
    assert!(docx.len() > 64 * 1024 && docx.len() < 128 * 1024);
    assert_eq!(
        simpan(&d, "surat.docx", &docx).await.unwrap().jenis,
        JenisBerkas::Docx
    );
}

#[tokio::test]
async fn isi_yang_berbohong_ditolak() {
    let (_t, d) = direktori().await;
    let html = b"<!DOCTYPE html><html><body><script>fetch('/api/v1/me')</script></body></html>";
    let svg = br#"<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>"#;
    let kasus: Vec<(&str, Vec<u8>, &str)> = vec![
        // A page or script under a document's name: text is not a PDF or an image.
        ("laporan.pdf", html.to_vec(), "jenis_berkas_tidak_cocok"),
        ("foto.png", html.to_vec(), "jenis_berkas_tidak_cocok"),
        ("foto.jpg", svg.to_vec(), "jenis_berkas_tidak_cocok"),
        ("dokumen.docx", html.to_vec(), "jenis_berkas_tidak_cocok"),
        // A PDF header glued before a page is still checked as what it starts with, but a page
        // under its own name never passes.
        ("halaman.html", pdf(), "jenis_berkas_tidak_cocok"),
        ("halaman.htm", html.to_vec(), "jenis_berkas_tidak_cocok"),
        ("gambar.svg", svg.to_vec(), "jenis_berkas_tidak_cocok"),
        // Binary under a text name.
        ("catatan.txt", png(), "jenis_berkas_tidak_cocok"),
        ("data.csv", pdf(), "jenis_berkas_tidak_cocok"),
        // A program behind a document's name, or a PNG header.
        (
            "laporan.pdf",
            [b"MZ".as_slice(), &pdf()].concat(),
            "berkas_eksekutabel",
        ),
        (
            "foto.png",
            b"\x7fELF\x02\x01\x01".to_vec(),
            "berkas_eksekutabel",
        ),
        // Double extensions: the last one is the claim.
        ("laporan.pdf.exe", pdf(), "jenis_berkas_tidak_cocok"),
        (
            "laporan.exe.pdf",
            b"MZ\x90\x00".to_vec(),
            "berkas_eksekutabel",
        ),
    ];
    let mut gagal = Vec::new();
    for (nama, isi, kode) in &kasus {
        match simpan(&d, nama, isi).await {
            Err(e) if e.kode() == *kode && e.status() == 422 => {}
            lain => gagal.push(format!("{nama}: want {kode}, got {lain:?}")),
        }
    }
    assert!(gagal.is_empty(), "{}", gagal.join("\n"));
    // HTML without a claim is text, stored as text/plain, never as a page.
    let b = simpan(&d, "tanpa-ekstensi", html).await.unwrap();
    assert_eq!(b.jenis, JenisBerkas::Teks);
    assert_eq!(b.jenis.mime(), "text/plain; charset=utf-8");
    assert_eq!(berkas_di(d.root()).len(), 1);
}

#[tokio::test]
async fn nama_berkas_tidak_menentukan_tempat() {
    // The name is only a claim of kind: whatever it holds, the file lands at
    // <root>/aa/bb/<32 hex>, and nothing appears outside the store.
    let induk = tempfile::tempdir().unwrap();
    let root = induk.path().join("bukti");
    let d = DirektoriLokal::buka_direktori(&root).await.unwrap();
    let panjang = format!("{}.pdf", "a".repeat(5000));
    let nama = [
        "../../../../etc/passwd.pdf",
        "..\\..\\windows\\system32\\laporan.pdf",
        "/etc/cron.d/laporan.pdf",
        "C:\\Users\\Public\\laporan.pdf",
        "laporan\0.exe.pdf",
        "laporan.pdf\0.exe",
        "../",
        "..",
        ".",
        "",
        "tmp/../../laporan.pdf",
        "\u{202e}fdp.exe",
        panjang.as_str(),
    ];
    let mut kunci = Vec::new();
    for n in nama {
        match simpan(&d, n, &pdf()).await {
            Ok(b) => {
                let bagian: Vec<&str> = b.kunci.split('/').collect();
                assert_eq!(bagian.len(), 3, "{n:?}: {}", b.kunci);
                assert!(bagian[2].len() == 32 && bagian[2].bytes().all(|c| c.is_ascii_hexdigit()));
                assert_eq!(baca(&d, &b.kunci).await, pdf());
                kunci.push(b.kunci);
            }
            // A name that claims something the content is not (".exe" last) is refused.
            Err(e) => assert_eq!(e.status(), 422, "{n:?}: {e:?}"),
        }
    }
    assert!(kunci.len() >= 10, "{kunci:?}");
    let ada: Vec<_> = berkas_di(induk.path());
    assert_eq!(ada.len(), kunci.len(), "only the stored files: {ada:?}");
    for p in &ada {
        assert!(p.starts_with(&root), "{p:?} outside the store");
        let rel = p
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        assert!(kunci.contains(&rel), "{rel}");
    }
}
