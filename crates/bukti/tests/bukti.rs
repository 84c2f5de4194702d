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
