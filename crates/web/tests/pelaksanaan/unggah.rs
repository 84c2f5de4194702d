//! Hostile uploads through the evidence route (`POST /api/v1/realisasi/{id}/bukti`): content
//! that lies about its kind, a zip bomb dressed as a Word document, and file names that try to
//! leave the store or break the download header. Each is refused with an Indonesian 422, or —
//! for names — neutralised: the name keeps no path, no control character and at most 200
//! characters, the file lands at the storage's own `aa/bb/<hex>` key, and the download header
//! carries only safe characters.

use super::{kode_galat, Jawab, Uji};
use axum::http::{Method, StatusCode};
use serde_json::Value;
use std::io::Write;

const BATAS: &str = "xKinerjaBatasUnggah";

/// A multipart body whose file part's name is given as raw bytes.
fn multipart(nama: &[u8], isi: &[u8]) -> (String, Vec<u8>) {
    let mut b = Vec::new();
    b.extend(format!("--{BATAS}\r\nContent-Disposition: form-data; name=\"keterangan\"\r\n\r\nuji unggahan\r\n").as_bytes());
    b.extend(
        format!("--{BATAS}\r\nContent-Disposition: form-data; name=\"berkas\"; filename=\"")
            .as_bytes(),
    );
    b.extend(nama);
    b.extend(b"\"\r\nContent-Type: application/octet-stream\r\n\r\n");
    b.extend(isi);
    b.extend(format!("\r\n--{BATAS}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={BATAS}"), b)
}

fn pdf() -> Vec<u8> {
    b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n".to_vec()
}

/// A Word document whose `word/document.xml` is 64 MiB of zeros, deflated to about 64 KiB.
fn bom_docx() -> Vec<u8> {
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opsi = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    z.start_file("[Content_Types].xml", opsi).unwrap();
    z.write_all(b"<Types/>").unwrap();
    z.start_file("word/document.xml", opsi).unwrap();
    let nol = vec![0u8; 1024 * 1024];
    for _ in 0..64 {
        z.write_all(&nol).unwrap();
    }
    z.finish().unwrap().into_inner()
}

impl Uji {
    async fn unggah_mentah(&self, rid: i64, token: &str, nama: &[u8], isi: &[u8]) -> Jawab {
        let (ct, b) = multipart(nama, isi);
        self.kirim(
            Method::POST,
            &format!("/api/v1/realisasi/{rid}/bukti"),
            Some(token),
            Some((&ct, b)),
        )
        .await
    }
}

/// A realisation the Pelaksana login owns and may still add evidence to, in their 2026 SKP.
async fn realisasi_milik(u: &Uji, token: &str) -> Option<i64> {
    let daftar = u.get("/api/v1/skp?tahun=2026", Some(token)).await.json();
    let skp = daftar["items"][0]["id"].as_i64()?;
    // The latest month first: earlier ones may be closed by a signed evaluation.
    for bulan in (1..=12).rev() {
        let r = u
            .get(
                &format!("/api/v1/skp/{skp}/realisasi?bulan={bulan}"),
                Some(token),
            )
            .await;
        if !r.status.is_success() {
            continue;
        }
        let m: Value = r.json();
        let id = m["rhk"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|r| r["iki"].as_array().cloned().unwrap_or_default())
            .find_map(|i| i["realisasi"]["id"].as_i64());
        if id.is_some() && m["boleh_ubah"].as_bool() == Some(true) {
            return id;
        }
    }
    None
}

pub async fn semua(u: &Uji) {
    let token = u.token(&u.login("Pelaksana").username.clone()).await;
    let Some(rid) = realisasi_milik(u, &token).await else {
        eprintln!("unggah: no writable realisation of the Pelaksana in the demo; skipped");
        return;
    };
    let inst = u.app.instansi_utama().await.unwrap().id;

    // --- content that lies about its kind ------------------------------------------------------
    let html = b"<!DOCTYPE html><html><body><script>fetch('/api/v1/me')</script></body></html>";
    let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02";
    for (nama, isi, apa) in [
        ("laporan.pdf", html.to_vec(), "HTML named .pdf"),
        ("laporan.pdf", png.to_vec(), "PNG named .pdf"),
        ("foto.png", pdf(), "PDF named .png"),
        ("halaman.html", html.to_vec(), "a page under its own name"),
        ("dokumen.docx", html.to_vec(), "HTML named .docx"),
        (
            "laporan.pdf",
            [b"MZ".as_slice(), &pdf()].concat(),
            "a program named .pdf",
        ),
    ] {
        let r = u.unggah_mentah(rid, &token, nama.as_bytes(), &isi).await;
        assert_eq!(
            (r.status, kode_galat(&r).as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, "tidak_valid"),
            "{apa}: {}",
            r.teks()
        );
        assert!(r.json()["error"]["fields"]["berkas"].is_string(), "{apa}");
    }
    let r = u.unggah_mentah(rid, &token, b"laporan.pdf", html).await;
    assert!(r.teks().contains("tidak sesuai"), "{}", r.teks());

    // --- a zip bomb ----------------------------------------------------------------------------
    let bom = bom_docx();
    assert!(bom.len() < 256 * 1024);
    let mulai = std::time::Instant::now();
    let r = u.unggah_mentah(rid, &token, b"laporan.docx", &bom).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.teks());
    let pesan = r.json()["error"]["fields"]["berkas"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(
        pesan.contains("bom zip") && pesan.contains("word/document.xml"),
        "{pesan}"
    );
    assert!(
        mulai.elapsed() < std::time::Duration::from_secs(10),
        "refused from its directory, never unpacked"
    );

    // --- names ---------------------------------------------------------------------------------
    let panjang = format!("{}.pdf", "a".repeat(600));
    let nama: Vec<Vec<u8>> = vec![
        b"../../../../etc/passwd.pdf".to_vec(),
        b"..\\..\\Windows\\System32\\laporan.pdf".to_vec(),
        b"/var/lib/kinerja/kinerja.db.pdf".to_vec(),
        b"C:\\Users\\Public\\laporan.pdf".to_vec(),
        b"lapo\tran\t.pdf".to_vec(),
        b"tmp/../../laporan.pdf".to_vec(),
        "laporan \u{202e}fdp.pdf".as_bytes().to_vec(),
        b"lap\\\";x=y.pdf".to_vec(),
        panjang.as_bytes().to_vec(),
    ];
    let root = u.app.bukti.keterangan();
    let root = std::path::PathBuf::from(root.strip_prefix("direktori ").unwrap_or(&root));
    for n in &nama {
        let r = u.unggah_mentah(rid, &token, n, &pdf()).await;
        let tampil = String::from_utf8_lossy(n);
        assert_eq!(r.status, StatusCode::CREATED, "{tampil:?}: {}", r.teks());
        let id = r.json()["id"].as_i64().unwrap();
        let b = u.app.store.bukti(inst, id).await.unwrap().unwrap();
        let disimpan = b.nama_berkas.clone().unwrap();
        assert!(
            !disimpan.contains(['/', '\\']) && !disimpan.chars().any(char::is_control),
            "{tampil:?} stored as {disimpan:?}"
        );
        assert!(disimpan.chars().count() <= 200, "{disimpan:?}");
        assert!(
            disimpan.ends_with(".pdf"),
            "the extension survives: {disimpan:?}"
        );
        // The storage key is the store's own, and the file is under its root.
        let kunci = b.kunci.clone().unwrap();
        let bagian: Vec<&str> = kunci.split('/').collect();
        assert!(
            bagian.len() == 3 && bagian[2].len() == 32,
            "{tampil:?}: key {kunci}"
        );
        assert_eq!(std::fs::read(root.join(&kunci)).unwrap(), pdf());
        // The download header quotes only safe characters.
        let r = u
            .get(&format!("/api/v1/bukti/{id}/berkas"), Some(&token))
            .await;
        assert_eq!(r.status, 200);
        let cd = r.headers["content-disposition"].to_str().unwrap();
        let dalam = cd
            .strip_prefix("inline; filename=\"")
            .and_then(|s| s.strip_suffix('"'))
            .unwrap_or_else(|| panic!("{cd}"));
        assert!(
            dalam
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || ".-_ ".contains(c)),
            "{cd}"
        );
        assert_eq!(r.headers["x-content-type-options"], "nosniff");
        assert_eq!(r.body, pdf());
    }
    assert!(!std::path::Path::new("/etc/passwd.pdf").exists());
    assert!(!root.join("../../../../etc/passwd.pdf").exists());
    // A name that is nothing but a path is refused, not stored as "" (422); raw control
    // bytes in the part's header do not even parse as a form (400).
    for (n, status) in [
        (b"../".as_slice(), StatusCode::UNPROCESSABLE_ENTITY),
        (b"C:\\", StatusCode::UNPROCESSABLE_ENTITY),
        (b"\t\t", StatusCode::UNPROCESSABLE_ENTITY),
        (b"lapo\x00ran\x01.pdf", StatusCode::BAD_REQUEST),
    ] {
        let r = u.unggah_mentah(rid, &token, n, &pdf()).await;
        assert_eq!(
            r.status,
            status,
            "{:?}: {}",
            String::from_utf8_lossy(n),
            r.teks()
        );
        assert!(r.json()["error"]["message"].is_string());
    }
}
