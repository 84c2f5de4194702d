//! Documents through the API and the pages, on the demo after the evaluation journeys: the
//! Pelaksana's SKP and last month's evaluation as PDF (read back with `pdftotext` and checked
//! field by field), the code that stays with the same content and is superseded by a new SKP
//! version, the public verification (wrong shape, altered, unknown), and the reporting bundle
//! built by the worker. Every bad input gets its Indonesian 4xx.

use super::pelaksanaan_api::ok;
use super::{Jawab, Uji};
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use chrono::Datelike;
use serde_json::{json, Value};
use std::io::Read;
use tower::ServiceExt;

/// A refusal: the status, the machine code and (if named) the field.
fn tolak(r: &Jawab, status: u16, kode: &str, bidang: Option<&str>, apa: &str) {
    assert_eq!(r.status.as_u16(), status, "{apa}: {}", r.teks());
    let v = r.json();
    assert_eq!(v["error"]["code"], kode, "{apa}: {v}");
    assert!(
        !v["error"]["message"]
            .as_str()
            .unwrap_or_default()
            .is_empty(),
        "{apa}"
    );
    if let Some(b) = bidang {
        assert!(
            v["error"]["fields"][b].is_string(),
            "{apa}: field {b} in {v}"
        );
    }
}

/// The text of a PDF answer, as `pdftotext -layout` reads it.
fn teks_pdf(r: &Jawab, apa: &str) -> String {
    assert_eq!(r.status, StatusCode::OK, "{apa}: {}", r.teks());
    assert_eq!(
        r.headers[header::CONTENT_TYPE],
        "application/pdf",
        "{apa}: content type"
    );
    assert!(r.body.starts_with(b"%PDF-"), "{apa}: a PDF");
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("d.pdf");
    std::fs::write(&f, &r.body).unwrap();
    let out = std::process::Command::new("pdftotext")
        .arg("-layout")
        .arg(&f)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is needed to read documents back");
    assert!(out.status.success(), "{apa}: pdftotext failed");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn kode(r: &Jawab) -> String {
    r.headers["x-kode-verifikasi"].to_str().unwrap().to_string()
}

/// Every word of `nilai` is in the text (layout may break long values over lines).
fn memuat(teks: &str, nilai: &str, apa: &str) {
    let datar = teks.split_whitespace().collect::<Vec<_>>().join(" ");
    for kata in nilai.split_whitespace() {
        assert!(
            datar.contains(kata),
            "{apa}: '{kata}' of '{nilai}' not in:\n{teks}"
        );
    }
}

/// A page with the session cookie of `token` (or none).
async fn halaman(u: &Uji, uri: &str, token: Option<&str>) -> Jawab {
    let mut b = Request::builder().uri(uri);
    if let Some(t) = token {
        b = b.header(header::COOKIE, format!("kinerja_sesi={t}"));
    }
    let res = u
        .router
        .clone()
        .oneshot(b.body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = res.status();
    let headers = res.headers().clone();
    let body = axum::body::to_bytes(res.into_body(), usize::MAX)
        .await
        .unwrap()
        .to_vec();
    Jawab {
        status,
        headers,
        body,
    }
}

pub(super) async fn semua(u: &Uji) {
    let hari = kinerja_app::skp::hari_ini();
    if hari.year() != 2026 || hari.month() < 3 {
        return;
    }
    let lalu = format!("2026-{:02}", hari.month() - 1);
    let kini = format!("2026-{:02}", hari.month());
    let nip = |peran: &str| u.login(peran).username.clone();
    let t_pel = u.token(&nip("Pelaksana")).await;
    let t_kasi = u.token(&nip("Kepala Seksi")).await;
    let t_kadis = u.token(&nip("Kepala Dinas")).await;
    let t_admin = u.token("admin").await;

    let tim = ok(
        &u.get(
            &format!("/api/v1/evaluasi/tim?periode={kini}"),
            Some(&t_kasi),
        )
        .await,
        "tim",
    );
    let baris = tim["baris"].as_array().unwrap().clone();
    let pel = baris
        .iter()
        .find(|b| b["nip"] == nip("Pelaksana"))
        .expect("Pelaksana in the team");
    let skp = pel["skp_id"].as_i64().unwrap();
    let d = ok(
        &u.get(&format!("/api/v1/skp/{skp}"), Some(&t_pel)).await,
        "skp",
    );
    let pegawai = d["pegawai"].clone();

    // The SKP with its Lampiran SKP: every field of the header, the RHK and the perilaku.
    let uri_skp = format!("/api/v1/skp/{skp}/dokumen/skp");
    let r = u.get(&uri_skp, Some(&t_pel)).await;
    let t = teks_pdf(&r, "SKP");
    let k1 = kode(&r);
    for s in [
        "SASARAN KINERJA PEGAWAI",
        "PEGAWAI YANG DINILAI",
        "PEJABAT PENILAI KINERJA",
        "PANGKAT/GOL. RUANG",
        "HASIL KERJA",
        "PERILAKU KERJA",
        "Berorientasi Pelayanan",
        "Kolaboratif",
        "Ekspektasi Khusus Pimpinan",
        "LAMPIRAN SASARAN KINERJA PEGAWAI",
        "DUKUNGAN SUMBER DAYA",
        "SKEMA PERTANGGUNGJAWABAN",
        "KONSEKUENSI",
        "PERIODE PENILAIAN: 1 JANUARI SD 31 DESEMBER TAHUN 2026",
        "Bekasi,",
        &k1,
    ] {
        memuat(&t, s, "SKP");
    }
    for v in ["nama", "nip", "jabatan_nama"] {
        memuat(&t, pegawai[v].as_str().unwrap(), "SKP identity");
    }
    memuat(&t, d["pejabat_penilai"]["nama"].as_str().unwrap(), "rater");
    for rhk in d["skp"]["rhk"].as_array().unwrap() {
        memuat(&t, rhk["uraian"].as_str().unwrap(), "RHK");
        for iki in rhk["iki"].as_array().unwrap() {
            memuat(&t, iki["indikator"].as_str().unwrap(), "IKI");
            memuat(&t, iki["target"]["teks"].as_str().unwrap(), "target");
        }
    }
    // Downloaded again, the same content keeps its code; the rater sees the same document.
    assert_eq!(kode(&u.get(&uri_skp, Some(&t_pel)).await), k1);
    assert_eq!(kode(&u.get(&uri_skp, Some(&t_kasi)).await), k1);

    // The public verification, without login.
    let v = ok(
        &u.get(&format!("/api/v1/verifikasi/{k1}"), None).await,
        "verify",
    );
    assert_eq!(v["berlaku"], true);
    assert_eq!(v["jenis"], "skp");
    assert_eq!(v["ringkasan"]["pegawai_nip"], pegawai["nip"]);
    assert!(v["ringkasan"]["status"]
        .as_str()
        .unwrap()
        .starts_with("Ditetapkan"));
    // Typed loosely (lower case, no dashes) it still reads.
    let longgar = k1.replace('-', "").to_lowercase();
    ok(
        &u.get(&format!("/api/v1/verifikasi/{longgar}"), None).await,
        "loose code",
    );
    tolak(
        &u.get("/api/v1/verifikasi/bukan-kode", None).await,
        400,
        "permintaan_salah",
        Some("kode"),
        "a text that is not a code",
    );
    let mut ubah: Vec<char> = k1.chars().collect();
    ubah[5] = if ubah[5] == '7' { '8' } else { '7' };
    let ubah: String = ubah.into_iter().collect();
    tolak(
        &u.get(&format!("/api/v1/verifikasi/{ubah}"), None).await,
        422,
        "tidak_valid",
        Some("kode"),
        "an altered code",
    );
    let asing = kinerja_domain::dokumen::KodeVerifikasi::dari_acak(123_456_789).to_string();
    tolak(
        &u.get(&format!("/api/v1/verifikasi/{asing}"), None).await,
        404,
        "tidak_ditemukan",
        None,
        "a code never issued",
    );

    // Last month's evaluation and its dokumen evaluasi (signed in the demo).
    let de = ok(
        &u.get(&format!("/api/v1/skp/{skp}/evaluasi/{lalu}"), Some(&t_pel))
            .await,
        "evaluation",
    );
    let e = de["evaluasi"].clone();
    assert!(!e.is_null(), "{de}");
    let r = u
        .get(
            &format!("/api/v1/skp/{skp}/dokumen/evaluasi?periode={lalu}"),
            Some(&t_pel),
        )
        .await;
    let t = teks_pdf(&r, "evaluasi");
    let predikat =
        kinerja_domain::kuadran::Predikat::dari_kode(e["predikat"].as_str().unwrap()).unwrap();
    use kinerja_domain::enumerasi::Enumerasi;
    for s in [
        "EVALUASI KINERJA PEGAWAI",
        "CAPAIAN KINERJA ORGANISASI",
        "REALISASI BERDASARKAN BUKTI DUKUNG",
        "UMPAN BALIK BERKELANJUTAN",
        "RATING HASIL KERJA",
        "RATING PERILAKU KERJA",
        "PREDIKAT KINERJA PEGAWAI",
        "Pejabat Penilai Kinerja",
        &predikat.label().to_uppercase(),
        &kode(&r),
    ] {
        memuat(&t, s, "evaluasi");
    }
    memuat(&t, pegawai["nama"].as_str().unwrap(), "evaluasi");
    let r = u
        .get(
            &format!("/api/v1/skp/{skp}/dokumen/dokumen_evaluasi?periode={lalu}"),
            Some(&t_pel),
        )
        .await;
    let t = teks_pdf(&r, "dokumen evaluasi");
    let k_de = kode(&r);
    for s in [
        "DOKUMEN EVALUASI KINERJA PEGAWAI",
        "ATASAN PEJABAT PENILAI KINERJA",
        "EVALUASI KINERJA",
        "CATATAN/REKOMENDASI",
        "Pegawai yang Dinilai",
        "Ditandatangani secara elektronik",
        &k_de,
    ] {
        memuat(&t, s, "dokumen evaluasi");
    }
    memuat(&t, de["atasan"]["nama"].as_str().unwrap(), "atasan");
    let v = ok(
        &u.get(&format!("/api/v1/verifikasi/{k_de}"), None).await,
        "verify",
    );
    assert_eq!(v["ringkasan"]["predikat"], predikat.label());
    assert!(!v["ringkasan"]["ditandatangani_pada"].is_null(), "{v}");
    let r = u
        .get(
            &format!("/api/v1/skp/{skp}/dokumen/umpan_balik?periode={lalu}"),
            Some(&t_pel),
        )
        .await;
    memuat(
        &teks_pdf(&r, "umpan balik"),
        "UMPAN BALIK BERKALA",
        "umpan balik",
    );

    // Bad input: each its 4xx.
    tolak(
        &u.get(&format!("/api/v1/skp/{skp}/dokumen/evaluasi"), Some(&t_pel))
            .await,
        422,
        "tidak_valid",
        Some("periode"),
        "no period",
    );
    tolak(
        &u.get(&format!("/api/v1/skp/{skp}/dokumen/rapor"), Some(&t_pel))
            .await,
        404,
        "tidak_ditemukan",
        None,
        "unknown document",
    );
    tolak(
        &u.get(
            &format!("/api/v1/skp/{skp}/dokumen/evaluasi?periode=2026-13"),
            Some(&t_pel),
        )
        .await,
        422,
        "tidak_valid",
        Some("periode"),
        "a bad period",
    );
    tolak(
        &u.get(
            &format!("/api/v1/skp/{skp}/dokumen/manual_indikator"),
            Some(&t_pel),
        )
        .await,
        409,
        "konflik",
        None,
        "manual indikator of a JA SKP",
    );
    tolak(
        &u.get(&uri_skp, Some(&t_kadis)).await,
        404,
        "tidak_ditemukan",
        None,
        "an SKP the caller may not read",
    );
    tolak(
        &u.get(&uri_skp, None).await,
        401,
        "belum_masuk",
        None,
        "logged out",
    );
    // A member of the team not yet rated this month: no evaluation, no evaluation document.
    if let Some(belum) = baris
        .iter()
        .find(|b| b["evaluasi"].is_null() && b["skp_id"].is_i64())
    {
        tolak(
            &u.get(
                &format!(
                    "/api/v1/skp/{}/dokumen/dokumen_evaluasi?periode={kini}",
                    belum["skp_id"]
                ),
                Some(&t_kasi),
            )
            .await,
            404,
            "tidak_ditemukan",
            None,
            "a period with no evaluation",
        );
    }

    // A new SKP version gives a new document; the old code says it is superseded.
    let versi = |d: &Value| d["version"].as_i64().unwrap();
    let s_uri = format!("/api/v1/skp/{skp}");
    let d = ok(
        &u.post_json(
            &format!("{s_uri}/revisi"),
            Some(&t_pel),
            json!({"version": versi(&d), "alasan": "Penyesuaian dukungan sumber daya"}),
        )
        .await,
        "open revision",
    );
    // While the revision is open, documents show the version in force.
    assert_eq!(kode(&u.get(&uri_skp, Some(&t_pel)).await), k1);
    let d = ok(
        &u.json(
            axum::http::Method::PUT,
            &format!("{s_uri}/lampiran"),
            &t_pel,
            json!({"version": versi(&d), "dukungan_sumber_daya": ["Akses jaringan kantor 100 Mbps"], "skema_pertanggungjawaban": ["Laporan bulanan tanggal 5"], "konsekuensi": ["Apresiasi bila tercapai"]}),
        )
        .await,
        "edit in revision",
    );
    let d = ok(
        &u.post_json(
            &format!("{s_uri}/ajukan"),
            Some(&t_pel),
            json!({"version": versi(&d)}),
        )
        .await,
        "submit revision",
    );
    let d = ok(
        &u.post_json(
            &format!("{s_uri}/tetapkan"),
            Some(&t_kasi),
            json!({"version": versi(&d)}),
        )
        .await,
        "set revision",
    );
    let r = u.get(&uri_skp, Some(&t_pel)).await;
    let t = teks_pdf(&r, "SKP v2");
    let k2 = kode(&r);
    assert_ne!(k2, k1, "a new version is a new document");
    memuat(&t, "Akses jaringan kantor 100 Mbps", "new lampiran");
    let v = ok(
        &u.get(&format!("/api/v1/verifikasi/{k1}"), None).await,
        "old code",
    );
    assert_eq!(v["berlaku"], false);
    assert_eq!(v["digantikan_oleh"], k2);
    let v2 = ok(
        &u.get(&format!("/api/v1/verifikasi/{k2}"), None).await,
        "new code",
    );
    assert_eq!(v2["berlaku"], true);
    assert_eq!(v2["ringkasan"]["nomor_versi_skp"], d["skp"]["nomor_versi"]);

    // Pages: the download links and the public verification page.
    let h = halaman(u, &format!("/evaluasi/skp/{skp}/{lalu}"), Some(&t_pel)).await;
    assert!(h.teks().contains("unduh-dokumen-evaluasi"), "{}", h.teks());
    let r = halaman(u, &format!("/skp/{skp}/dokumen/skp"), Some(&t_pel)).await;
    assert_eq!(kode(&r), k2);
    let h = halaman(u, &format!("/verifikasi/{k1}"), None).await;
    assert_eq!(h.status, StatusCode::OK);
    let teks = h.teks();
    assert!(
        teks.contains("Sudah digantikan") && teks.contains(&k2),
        "{teks}"
    );
    assert!(teks.contains(pegawai["nama"].as_str().unwrap()));
    let h = halaman(u, "/verifikasi/%3Cscript%3E", None).await;
    assert_eq!(h.status, StatusCode::BAD_REQUEST);
    assert!(!h.teks().contains("<script>"), "escaped");
    assert_eq!(
        halaman(u, &format!("/verifikasi/{ubah}"), None)
            .await
            .status,
        422
    );
    assert_eq!(
        halaman(u, &format!("/verifikasi/{asing}"), None)
            .await
            .status,
        404
    );

    // The reporting bundle: the Kepala Seksi's unit for last month, built by the worker.
    let unit = pel["capaian_unit_id"].as_i64().unwrap();
    tolak(
        &u.post_json(
            "/api/v1/bundel_laporan",
            Some(&t_pel),
            json!({"periode": lalu}),
        )
        .await,
        403,
        "dilarang",
        None,
        "a pegawai who leads no unit",
    );
    tolak(
        &u.post_json(
            "/api/v1/bundel_laporan",
            Some(&t_kasi),
            json!({"periode": lalu, "unit_id": 1}),
        )
        .await,
        403,
        "dilarang",
        None,
        "a unit the head does not lead",
    );
    tolak(
        &u.post_json(
            "/api/v1/bundel_laporan",
            Some(&t_admin),
            json!({"periode": "2026-99"}),
        )
        .await,
        422,
        "tidak_valid",
        Some("periode"),
        "a bad period",
    );
    let r = u
        .post_json(
            "/api/v1/bundel_laporan",
            Some(&t_kasi),
            json!({"periode": lalu, "unit_id": unit}),
        )
        .await;
    assert_eq!(r.status, StatusCode::ACCEPTED, "{}", r.teks());
    let id = r.json()["id"].as_i64().unwrap();
    let st = ok(
        &u.get(&format!("/api/v1/bundel_laporan/{id}"), Some(&t_kasi))
            .await,
        "status",
    );
    assert_eq!(st["status"], "menunggu");
    tolak(
        &u.get(
            &format!("/api/v1/bundel_laporan/{id}/berkas"),
            Some(&t_kasi),
        )
        .await,
        409,
        "konflik",
        None,
        "not built yet",
    );
    tolak(
        &u.get(&format!("/api/v1/bundel_laporan/{id}"), Some(&t_pel))
            .await,
        404,
        "tidak_ditemukan",
        None,
        "someone else's bundle",
    );
    u.app
        .satu_putaran("uji-dokumen", chrono::Utc::now())
        .await
        .expect("worker round");
    let st = ok(
        &u.get(&format!("/api/v1/bundel_laporan/{id}"), Some(&t_kasi))
            .await,
        "status",
    );
    assert_eq!(st["status"], "selesai", "{st}");
    let n = st["total_n"].as_i64().unwrap();
    assert!(n >= 1, "{st}");
    assert_eq!(st["selesai_n"], n);
    let r = u
        .get(
            &format!("/api/v1/bundel_laporan/{id}/berkas"),
            Some(&t_kasi),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.headers[header::CONTENT_TYPE], "application/zip");
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(r.body.clone())).unwrap();
    assert_eq!(
        z.len() as i64,
        3 * n + 2,
        "three PDFs a pegawai, an index and a note"
    );
    let mut indeks = String::new();
    z.by_name("daftar.csv")
        .unwrap()
        .read_to_string(&mut indeks)
        .unwrap();
    assert!(
        indeks.contains(pegawai["nip"].as_str().unwrap()),
        "{indeks}"
    );
    assert_eq!(indeks.lines().count() as i64, n + 1);
    let nama: Vec<String> = z.file_names().map(str::to_string).collect();
    let pdf = nama
        .iter()
        .find(|f| f.contains(pegawai["nip"].as_str().unwrap()) && f.contains("1-dokumen-evaluasi"))
        .unwrap_or_else(|| panic!("{nama:?}"));
    let mut isi = Vec::new();
    z.by_name(pdf).unwrap().read_to_end(&mut isi).unwrap();
    assert!(isi.starts_with(b"%PDF-"));
    // The bundle's dokumen evaluasi is the one already issued: the same code.
    assert!(indeks.contains(&k_de), "{indeks}");
    // The page lists it with its download link.
    let h = halaman(u, "/bundel", Some(&t_kasi)).await;
    assert!(
        h.teks().contains(&format!("/bundel/{id}/berkas")),
        "{}",
        h.teks()
    );
    // Nothing half-written is left beside the archive.
    let sisa: Vec<_> = std::fs::read_dir(&u.app.direktori_berkas)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".part"))
        .collect();
    assert!(sisa.is_empty());
}
