//! Planning through the JSON API, on the demo instansi: the SKP from draft to a set, living
//! document; the matriks peran hasil; pola penugasan; starting a year; mutasi. Uses year 2030
//! (and 2031) so that it does not meet SKP other journeys create for the current year.

use super::{kode_galat, Jawab, Uji};
use axum::http::{Method, StatusCode};
use serde_json::{json, Value};

const TAHUN: i32 = 2030;

impl Uji {
    async fn kirim_json(&self, m: Method, uri: &str, token: &str, v: Value) -> Jawab {
        self.kirim(
            m,
            uri,
            Some(token),
            Some(("application/json", v.to_string().into_bytes())),
        )
        .await
    }
}

fn ok(r: &Jawab, apa: &str) -> Value {
    assert!(r.status.is_success(), "{apa}: {} {}", r.status, r.teks());
    r.json()
}

fn galat(r: &Jawab, status: u16, kode: &str, bidang: Option<&str>, apa: &str) {
    assert_eq!(
        (r.status.as_u16(), kode_galat(r).as_str()),
        (status, kode),
        "{apa}: {}",
        r.teks()
    );
    if let Some(b) = bidang {
        assert!(
            r.json()["error"]["fields"][b].is_string(),
            "{apa}: field {b} named: {}",
            r.teks()
        );
    }
    let pesan = r.json()["error"]["message"]
        .as_str()
        .unwrap_or("")
        .to_string();
    assert!(!pesan.is_empty(), "{apa}: an Indonesian message");
}

fn versi(v: &Value) -> i64 {
    v["version"].as_i64().expect("version")
}

pub async fn semua(u: &Uji) {
    let jf = u.login("Jabatan Fungsional").username.clone();
    let kasi = u.login("Kepala Seksi").username.clone();
    let kadis = u.login("Kepala Dinas").username.clone();
    let t_jf = u.token(&jf).await;
    let t_kasi = u.token(&kasi).await;
    let t_kadis = u.token(&kadis).await;
    let t_admin = u.token("admin").await;

    // --- the pegawai drafts ---------------------------------------------------------------
    let r = u
        .post_json("/api/v1/skp", Some(&t_jf), json!({"tahun": TAHUN}))
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.teks());
    assert_eq!(r.headers["etag"], "\"1\"");
    let d = r.json();
    let id = d["skp"]["id"].as_i64().unwrap();
    assert_eq!(d["skp"]["status"], "draf");
    assert_eq!(d["skp"]["format"], "format_4", "JF, kuantitatif: Format 4");
    assert_eq!(d["peran"], "pemilik");
    assert_eq!(d["perilaku"].as_array().unwrap().len(), 7);
    assert_eq!(d["batas_penetapan"], format!("{TAHUN}-01-31"));
    let r = u
        .post_json("/api/v1/skp", Some(&t_jf), json!({"tahun": TAHUN}))
        .await;
    galat(&r, 409, "konflik", None, "a second SKP for the same year");

    let skp = format!("/api/v1/skp/{id}");
    let rhk_url = format!("{skp}/rhk");
    // Bad input, nothing written.
    let r = u
        .post_json(
            &rhk_url,
            Some(&t_jf),
            json!({"version": 1, "jenis": "tambahan", "uraian": "Panitia HUT Kota",
                   "iki": {"aspek": "kuantitas", "indikator": "Kegiatan", "target": "1 kegiatan"}}),
        )
        .await;
    galat(
        &r,
        422,
        "tidak_valid",
        Some("penugasan_dari"),
        "tambahan without assigner",
    );
    let r = u
        .post_json(
            &rhk_url,
            Some(&t_jf),
            json!({"version": 1, "uraian": "Laporan", "iki": {"aspek": "kuantitas", "indikator": "Jumlah laporan", "target": ""}}),
        )
        .await;
    galat(&r, 422, "tidak_valid", Some("target"), "IKI without target");
    let r = u
        .post_json(
            &rhk_url,
            Some(&t_jf),
            json!({"version": 1, "uraian": "Laporan", "intervensi_rhk_id": 999999,
                   "iki": {"aspek": "kuantitas", "indikator": "Jumlah laporan", "target": "12 laporan"}}),
        )
        .await;
    galat(
        &r,
        422,
        "tidak_valid",
        Some("intervensi_rhk_id"),
        "intervening an RHK that is not the rater's",
    );
    let r = u
        .post_json(&rhk_url, Some(&t_jf), json!({"uraian": "x", "iki": {}}))
        .await;
    galat(&r, 422, "tidak_valid", Some("version"), "no version");
    let d = ok(&u.get(&skp, Some(&t_jf)).await, "read back");
    assert_eq!(
        (versi(&d), d["skp"]["rhk"].as_array().unwrap().len()),
        (1, 0)
    );

    let d = ok(
        &u.post_json(
            &rhk_url,
            Some(&t_jf),
            json!({"version": 1, "jenis": "utama", "uraian": "Terselenggaranya pelayanan rujukan",
                   "iki": {"aspek": "kualitas", "indikator": "Persentase rujukan tepat waktu", "target": "90–95 %"}}),
        )
        .await,
        "add RHK",
    );
    assert_eq!(versi(&d), 2);
    let iki = &d["skp"]["rhk"][0]["iki"][0];
    assert_eq!(
        (
            iki["target"]["min"].as_f64(),
            iki["target"]["maks"].as_f64(),
            iki["target"]["satuan"].as_str()
        ),
        (Some(90.0), Some(95.0), Some("%"))
    );
    let iki_id = iki["id"].as_i64().unwrap();
    // A stale version is refused.
    let r = u
        .kirim_json(
            Method::PUT,
            &format!("{skp}/iki/{iki_id}"),
            &t_jf,
            json!({"version": 1, "aspek": "kualitas", "indikator": "x", "target": "80 %"}),
        )
        .await;
    galat(&r, 409, "konflik", None, "stale version");
    let r = u
        .kirim_json(
            Method::PUT,
            &format!("{skp}/lampiran"),
            &t_jf,
            json!({"version": 2, "dukungan_sumber_daya": ["Akses SIMRS", " "], "skema_pertanggungjawaban": ["Laporan bulanan tanggal 5"], "konsekuensi": ["Apresiasi bila tercapai"]}),
        )
        .await;
    let d = ok(&r, "lampiran");
    assert_eq!(
        d["skp"]["lampiran"]["dukungan_sumber_daya"],
        json!(["Akses SIMRS"])
    );

    // Unrelated pegawai do not know it exists; admin and the rater read it.
    let pelaksana = u.login("Pelaksana").username.clone();
    let t_pel = u.token(&pelaksana).await;
    let r = u.get(&skp, Some(&t_pel)).await;
    galat(&r, 404, "tidak_ditemukan", None, "an unrelated pegawai");
    let d = ok(&u.get(&skp, Some(&t_kasi)).await, "the rater reads");
    assert_eq!(d["peran"], "penilai");
    ok(&u.get(&skp, Some(&t_admin)).await, "admin reads");
    let r = u.get(&skp, Some(&t_kadis)).await;
    assert!(
        r.status == StatusCode::OK || r.status == StatusCode::NOT_FOUND,
        "{}",
        r.teks()
    );

    // --- submit, return, set ------------------------------------------------------------
    let d = ok(
        &u.post_json(&format!("{skp}/ajukan"), Some(&t_jf), json!({"version": 3}))
            .await,
        "submit",
    );
    assert_eq!(d["skp"]["status"], "diajukan");
    let r = u
        .kirim_json(
            Method::PUT,
            &format!("{skp}/iki/{iki_id}"),
            &t_jf,
            json!({"version": 4, "aspek": "kualitas", "indikator": "x", "target": "80 %"}),
        )
        .await;
    galat(&r, 409, "konflik", None, "editing while submitted");
    let r = u
        .post_json(
            &format!("{skp}/tetapkan"),
            Some(&t_jf),
            json!({"version": 4}),
        )
        .await;
    galat(
        &r,
        403,
        "dilarang",
        None,
        "the pegawai cannot set their own SKP",
    );
    let r = u
        .post_json(
            &format!("{skp}/kembalikan"),
            Some(&t_kasi),
            json!({"version": 4, "catatan": " "}),
        )
        .await;
    galat(
        &r,
        422,
        "tidak_valid",
        Some("catatan"),
        "return without notes",
    );
    let r = u
        .kirim_json(
            Method::PUT,
            &format!("{skp}/perilaku/akuntabel"),
            &t_kasi,
            json!({"version": 4, "ekspektasi_khusus": "Laporan rujukan dikirim setiap tanggal 5"}),
        )
        .await;
    let d = ok(&r, "ekspektasi khusus");
    assert_eq!(
        d["skp"]["ekspektasi_khusus"]["akuntabel"],
        "Laporan rujukan dikirim setiap tanggal 5"
    );
    let r = u
        .kirim_json(
            Method::PUT,
            &format!("{skp}/perilaku/akuntabel"),
            &t_jf,
            json!({"version": 5, "ekspektasi_khusus": "x"}),
        )
        .await;
    galat(
        &r,
        403,
        "dilarang",
        None,
        "only the rater writes ekspektasi khusus",
    );
    let d = ok(
        &u.post_json(
            &format!("{skp}/kembalikan"),
            Some(&t_kasi),
            json!({"version": 5, "catatan": "Target terlalu rendah"}),
        )
        .await,
        "return",
    );
    assert_eq!(d["skp"]["status"], "dikembalikan");
    assert_eq!(d["skp"]["catatan_pengembalian"], "Target terlalu rendah");
    ok(
        &u.kirim_json(Method::PUT, &format!("{skp}/iki/{iki_id}"), &t_jf,
            json!({"version": 6, "aspek": "kualitas", "indikator": "Persentase rujukan tepat waktu", "target": "95–98 %"}))
        .await,
        "edit after return",
    );
    ok(
        &u.post_json(&format!("{skp}/ajukan"), Some(&t_jf), json!({"version": 7}))
            .await,
        "resubmit",
    );
    // If-Match works in place of a body version.
    let r = u
        .kirim(
            Method::POST,
            &format!("{skp}/tetapkan"),
            Some(&t_kasi),
            Some(("application/json", b"{}".to_vec())),
        )
        .await;
    galat(
        &r,
        422,
        "tidak_valid",
        Some("version"),
        "set without a version",
    );
    let d = ok(
        &u.post_json(
            &format!("{skp}/tetapkan"),
            Some(&t_kasi),
            json!({"version": 8}),
        )
        .await,
        "set",
    );
    assert_eq!(
        (
            d["skp"]["status"].as_str(),
            d["skp"]["nomor_versi"].as_i64()
        ),
        (Some("ditetapkan"), Some(1))
    );
    assert_eq!(d["versi"].as_array().unwrap().len(), 1);
    assert_eq!(d["versi"][0]["alasan"], "Penetapan SKP");
    assert_eq!(d["terlambat"], false, "set before 31 January {TAHUN}");

    // A set SKP changes only through a new version.
    let r = u
        .kirim_json(
            Method::PUT,
            &format!("{skp}/iki/{iki_id}"),
            &t_jf,
            json!({"version": 9, "aspek": "kualitas", "indikator": "x", "target": "99 %"}),
        )
        .await;
    galat(
        &r,
        409,
        "konflik",
        None,
        "editing a set SKP without a new version",
    );
    assert!(r.json()["error"]["message"]
        .as_str()
        .unwrap()
        .contains("versi baru"));
    let r = u
        .post_json(
            &format!("{skp}/revisi"),
            Some(&t_jf),
            json!({"version": 9, "alasan": ""}),
        )
        .await;
    galat(
        &r,
        422,
        "tidak_valid",
        Some("alasan"),
        "revision without reason",
    );
    ok(
        &u.post_json(
            &format!("{skp}/revisi"),
            Some(&t_jf),
            json!({"version": 9, "alasan": "Penambahan layanan rujukan balik"}),
        )
        .await,
        "open revision",
    );
    ok(
        &u.kirim_json(Method::PUT, &format!("{skp}/iki/{iki_id}"), &t_jf,
            json!({"version": 10, "aspek": "kualitas", "indikator": "Persentase rujukan tepat waktu", "target": "97–99 %"}))
        .await,
        "edit in revision",
    );
    ok(
        &u.post_json(
            &format!("{skp}/ajukan"),
            Some(&t_jf),
            json!({"version": 11}),
        )
        .await,
        "submit revision",
    );
    let d = ok(
        &u.post_json(
            &format!("{skp}/tetapkan"),
            Some(&t_kasi),
            json!({"version": 12}),
        )
        .await,
        "set revision",
    );
    assert_eq!(d["skp"]["nomor_versi"], 2);
    assert_eq!(d["versi"][1]["alasan"], "Penambahan layanan rujukan balik");
    let v1 = ok(
        &u.get(&format!("{skp}/versi/1"), Some(&t_jf)).await,
        "version 1 stays readable",
    );
    assert_eq!(v1["skp"]["rhk"][0]["iki"][0]["target"]["teks"], "95–98 %");
    let r = u.get(&format!("{skp}/versi/9"), Some(&t_jf)).await;
    galat(&r, 404, "tidak_ditemukan", None, "unknown version");
    let mut versi_jf = 13;

    // --- matriks peran hasil ----------------------------------------------------------------
    let d = ok(
        &u.post_json(
            "/api/v1/skp",
            Some(&t_kasi),
            json!({"tahun": TAHUN, "salin_tahun_lalu": false}),
        )
        .await,
        "rater's SKP",
    );
    let skp_kasi = d["skp"]["id"].as_i64().unwrap();
    let d = ok(
        &u.post_json(&format!("/api/v1/skp/{skp_kasi}/rhk"), Some(&t_kasi),
            json!({"version": 1, "uraian": "Meningkatnya cakupan pemeriksaan sampel", "penugasan_dari": "Kepala Bidang",
                   "iki": {"aspek": "kuantitas", "indikator": "Jumlah sampel diperiksa", "target": "100 sampel"}}))
        .await,
        "rater's RHK",
    );
    let kolom = d["skp"]["rhk"][0]["id"].as_i64().unwrap();
    let m = ok(
        &u.get(&format!("/api/v1/matriks/{TAHUN}"), Some(&t_kasi))
            .await,
        "matriks",
    );
    assert_eq!(m["kolom"][0]["id"].as_i64(), Some(kolom));
    let baris_jf = m["baris"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["pegawai"]["nip"] == jf.as_str())
        .expect("JF is in the rater's team")
        .clone();
    assert_eq!(baris_jf["skp_id"].as_i64(), Some(id));
    // The JF's SKP is set: a cell edit needs a revision first.
    let sel = |nip: &str, v: i64, target: &str, uraian: &str| {
        json!({"nip": nip, "version": v, "rhk_pimpinan_id": kolom, "uraian": uraian, "dasar_kaskade": "porsi_target",
               "iki": {"aspek": "kuantitas", "indikator": "Jumlah sampel diperiksa", "target": target}})
    };
    let r = u
        .kirim_json(
            Method::PUT,
            &format!("/api/v1/matriks/{TAHUN}/sel"),
            &t_kasi,
            sel(
                &jf,
                versi_jf,
                "60 sampel",
                "Pemeriksaan sampel wilayah utara",
            ),
        )
        .await;
    galat(&r, 409, "konflik", None, "a cell of a set SKP");
    ok(
        &u.post_json(
            &format!("{skp}/revisi"),
            Some(&t_kasi),
            json!({"version": versi_jf, "alasan": "Pembagian target sampel tim"}),
        )
        .await,
        "rater opens a revision",
    );
    versi_jf += 1;
    let d = ok(
        &u.kirim_json(
            Method::PUT,
            &format!("/api/v1/matriks/{TAHUN}/sel"),
            &t_kasi,
            sel(
                &jf,
                versi_jf,
                "60 sampel",
                "Pemeriksaan sampel wilayah utara",
            ),
        )
        .await,
        "cell",
    );
    versi_jf += 1;
    let rhk_sel = d["skp"]["rhk"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["intervensi_rhk_id"].as_i64() == Some(kolom))
        .expect("cell RHK in the member's SKP")
        .clone();
    // Shares above the leader's target are refused, whoever holds them.
    let r = u
        .kirim_json(
            Method::PUT,
            &format!("/api/v1/matriks/{TAHUN}/sel"),
            &t_kasi,
            sel(
                &jf,
                versi_jf,
                "50 sampel",
                "Pemeriksaan sampel wilayah selatan",
            ),
        )
        .await;
    galat(
        &r,
        422,
        "tidak_valid",
        Some("target"),
        "a cascaded share above the leader's target",
    );
    assert!(
        r.json()["error"]["message"]
            .as_str()
            .unwrap()
            .contains("110 sampel"),
        "{}",
        r.teks()
    );
    // Editing the cell edits the same record.
    let mut e = sel(
        &jf,
        versi_jf,
        "70 sampel",
        "Pemeriksaan sampel wilayah utara dan tengah",
    );
    e["rhk_id"] = rhk_sel["id"].clone();
    let d = ok(
        &u.kirim_json(
            Method::PUT,
            &format!("/api/v1/matriks/{TAHUN}/sel"),
            &t_kasi,
            e,
        )
        .await,
        "edit cell",
    );
    versi_jf += 1;
    let sama: Vec<&Value> = d["skp"]["rhk"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["intervensi_rhk_id"].as_i64() == Some(kolom))
        .collect();
    assert_eq!(sama.len(), 1);
    assert_eq!(sama[0]["id"], rhk_sel["id"]);
    assert_eq!(sama[0]["iki"][0]["target"]["teks"], "70 sampel");
    let m = ok(
        &u.get(&format!("/api/v1/matriks/{TAHUN}"), Some(&t_kasi))
            .await,
        "matriks again",
    );
    let b = m["baris"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["pegawai"]["nip"] == jf.as_str())
        .unwrap();
    assert_eq!(b["sel"][0][0]["id"], rhk_sel["id"], "one record, two views");
    let r = u
        .kirim_json(
            Method::PUT,
            &format!("/api/v1/matriks/{TAHUN}/sel"),
            &t_jf,
            sel(&kasi, 1, "1 sampel", "x"),
        )
        .await;
    assert!(
        r.status == StatusCode::FORBIDDEN || r.status == StatusCode::NOT_FOUND,
        "{}",
        r.teks()
    );
    ok(
        &u.post_json(
            &format!("{skp}/ajukan"),
            Some(&t_jf),
            json!({"version": versi_jf}),
        )
        .await,
        "submit after matriks",
    );
    versi_jf += 1;
    ok(
        &u.post_json(
            &format!("{skp}/tetapkan"),
            Some(&t_kasi),
            json!({"version": versi_jf}),
        )
        .await,
        "set version 3",
    );
    versi_jf += 1;

    // --- pola penugasan ---------------------------------------------------------------------
    let r = u
        .post_json(
            "/api/v1/penugasan",
            Some(&t_jf),
            json!({"nip": kasi, "tahun": TAHUN, "uraian": "x", "ekspektasi": "y"}),
        )
        .await;
    galat(
        &r,
        403,
        "dilarang",
        None,
        "a pegawai who leads nobody cannot assign",
    );
    let r = u
        .post_json(
            "/api/v1/penugasan",
            Some(&t_kadis),
            json!({"nip": jf, "tahun": TAHUN, "uraian": "", "ekspektasi": "y"}),
        )
        .await;
    galat(
        &r,
        422,
        "tidak_valid",
        Some("uraian"),
        "assignment without description",
    );
    let t = ok(
        &u.post_json("/api/v1/penugasan", Some(&t_kadis),
            json!({"nip": jf, "tahun": TAHUN, "uraian": "Menyusun kajian mutu laboratorium", "ekspektasi": "Kajian selesai triwulan III"}))
        .await,
        "assignment",
    );
    let tid = t["id"].as_i64().unwrap();
    assert_eq!(t["status"], "menunggu_penilai");
    // It never reaches the pegawai without the rater.
    let saya = ok(
        &u.get("/api/v1/penugasan?kotak=saya", Some(&t_jf)).await,
        "mine",
    );
    assert!(saya
        .as_array()
        .unwrap()
        .iter()
        .all(|x| x["id"].as_i64() != Some(tid)));
    let r = u
        .get(&format!("/api/v1/penugasan/{tid}"), Some(&t_jf))
        .await;
    galat(
        &r,
        404,
        "tidak_ditemukan",
        None,
        "the pegawai cannot see it before the rater decides",
    );
    let masuk = ok(
        &u.get("/api/v1/penugasan?kotak=masuk", Some(&t_kasi)).await,
        "rater's inbox",
    );
    let x = masuk
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["id"].as_i64() == Some(tid))
        .expect("in the rater's inbox")
        .clone();
    assert_eq!(x["boleh_putuskan"], true);
    let r = u.post_json(&format!("/api/v1/penugasan/{tid}/terima"), Some(&t_kadis), json!({"version": versi_jf, "iki": {"aspek": "kuantitas", "indikator": "Kajian", "target": "1 dokumen"}})).await;
    galat(&r, 403, "dilarang", None, "only the rater decides");
    let r = u.post_json(&format!("/api/v1/penugasan/{tid}/terima"), Some(&t_kasi), json!({"version": versi_jf - 1, "iki": {"aspek": "kuantitas", "indikator": "Kajian", "target": "1 dokumen"}})).await;
    galat(&r, 409, "konflik", None, "stale SKP version on accept");
    let t = ok(
        &u.post_json(&format!("/api/v1/penugasan/{tid}/terima"), Some(&t_kasi),
            json!({"version": versi_jf, "iki": {"aspek": "kuantitas", "indikator": "Dokumen kajian", "target": "1 dokumen"}}))
        .await,
        "accept",
    );
    assert_eq!(t["status"], "diterima");
    let d = ok(&u.get(&skp, Some(&t_jf)).await, "SKP after the assignment");
    assert_eq!(d["version"].as_i64(), Some(versi_jf + 1));
    let baru = d["skp"]["rhk"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["penugasan_id"].as_i64() == Some(tid))
        .expect("a new RHK")
        .clone();
    assert_eq!(baru["jenis"], "tambahan");
    let kadis_nama = u
        .login("Kepala Dinas")
        .nama
        .split(',')
        .next()
        .unwrap()
        .to_string();
    assert!(
        baru["penugasan_dari"]
            .as_str()
            .unwrap()
            .contains(&kadis_nama),
        "{baru}"
    );
    assert_eq!(
        d["skp"]["nomor_versi"], 4,
        "accepted into a set SKP: a new version"
    );
    assert_eq!(d["skp"]["status"], "ditetapkan");
    assert!(d["versi"][3]["alasan"]
        .as_str()
        .unwrap()
        .starts_with("Penugasan diterima"));
    let r = u
        .post_json(
            &format!("/api/v1/penugasan/{tid}/tolak"),
            Some(&t_kasi),
            json!({"alasan": "x"}),
        )
        .await;
    galat(&r, 409, "konflik", None, "decided twice");
    let saya = ok(
        &u.get("/api/v1/penugasan?kotak=saya", Some(&t_jf)).await,
        "mine after",
    );
    assert!(saya
        .as_array()
        .unwrap()
        .iter()
        .any(|x| x["id"].as_i64() == Some(tid)));
    // Refusal needs a reason.
    let t2 = ok(&u.post_json("/api/v1/penugasan", Some(&t_kadis), json!({"nip": jf, "tahun": TAHUN, "uraian": "Piket akhir pekan", "ekspektasi": "Dua kali sebulan"})).await, "second");
    let t2 = t2["id"].as_i64().unwrap();
    let r = u
        .post_json(
            &format!("/api/v1/penugasan/{t2}/tolak"),
            Some(&t_kasi),
            json!({"alasan": ""}),
        )
        .await;
    galat(
        &r,
        422,
        "tidak_valid",
        Some("alasan"),
        "refusal without reason",
    );
    let t = ok(
        &u.post_json(
            &format!("/api/v1/penugasan/{t2}/tolak"),
            Some(&t_kasi),
            json!({"alasan": "Beban kerja penuh triwulan ini"}),
        )
        .await,
        "refuse",
    );
    assert_eq!(
        (t["status"].as_str(), t["alasan"].as_str()),
        (Some("ditolak"), Some("Beban kerja penuh triwulan ini"))
    );
    // Open assignment and a volunteer.
    let buka = ok(&u.post_json("/api/v1/penugasan", Some(&t_kadis), json!({"tahun": TAHUN, "uraian": "Tim inovasi pelayanan", "ekspektasi": "Satu inovasi terdaftar"})).await, "open");
    assert_eq!(buka["status"], "terbuka");
    let bid = buka["id"].as_i64().unwrap();
    let terbuka = ok(
        &u.get("/api/v1/penugasan?kotak=terbuka", Some(&t_pel)).await,
        "open list",
    );
    assert!(terbuka
        .as_array()
        .unwrap()
        .iter()
        .any(|x| x["id"].as_i64() == Some(bid)));
    let v = u
        .post_json(
            &format!("/api/v1/penugasan/{bid}/relawan"),
            Some(&t_jf),
            json!({}),
        )
        .await;
    assert_eq!(v.status, StatusCode::CREATED, "{}", v.teks());
    assert_eq!(v.json()["status"], "menunggu_penilai");
    let r = u
        .post_json(
            &format!("/api/v1/penugasan/{bid}/relawan"),
            Some(&t_jf),
            json!({}),
        )
        .await;
    galat(&r, 409, "konflik", None, "volunteering twice");
    let masuk = ok(
        &u.get("/api/v1/penugasan?kotak=masuk", Some(&t_kasi)).await,
        "inbox with volunteer",
    );
    assert!(masuk
        .as_array()
        .unwrap()
        .iter()
        .any(|x| x["induk_id"].as_i64() == Some(bid)));

    // --- lists --------------------------------------------------------------------------------
    let l = ok(
        &u.get(
            &format!("/api/v1/skp?lingkup=tim&tahun={TAHUN}"),
            Some(&t_kasi),
        )
        .await,
        "team list",
    );
    assert!(l["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|x| x["id"].as_i64() == Some(id)));
    let r = u.get("/api/v1/skp?lingkup=instansi", Some(&t_jf)).await;
    galat(&r, 403, "dilarang", None, "instansi list is for admin");
    let r = u.get("/api/v1/skp?tahun=duaribu", Some(&t_jf)).await;
    galat(
        &r,
        422,
        "tidak_valid",
        Some("tahun"),
        "a query parameter that is not a number",
    );
    let r = u.get("/api/v1/skp?lingkup=semua", Some(&t_jf)).await;
    galat(&r, 422, "tidak_valid", Some("lingkup"), "unknown scope");

    // A Camat (administrator) heads a perangkat daerah: the JPT formats apply.
    let inst = u.app.instansi_utama().await.unwrap().id;
    let camat = u
        .app
        .store
        .semua_pegawai(inst)
        .await
        .unwrap()
        .into_iter()
        .find(|p| {
            p.jabatan_nama
                .as_deref()
                .is_some_and(|j| j.starts_with("Camat"))
        })
        .expect("a Camat in the demo");
    let d = ok(
        &u.post_json(
            "/api/v1/skp",
            Some(&t_admin),
            json!({"nip": camat.nip.as_str(), "tahun": TAHUN}),
        )
        .await,
        "admin starts a Camat's SKP",
    );
    assert_eq!(
        d["skp"]["format"], "format_2",
        "pimpinan unit kerja mandiri"
    );
    assert_eq!(d["skp"]["pimpinan_unit_mandiri"], true);

    // The demo's perangkat daerah carries 2026 SKP in every state a rater meets.
    let rekap = ok(
        &u.get("/api/v1/skp/rekap?tahun=2026", Some(&t_admin)).await,
        "demo rekap",
    );
    for kolom in [
        "draf",
        "diajukan",
        "dikembalikan",
        "ditetapkan",
        "revisi",
        "terlambat",
    ] {
        let n: i64 = rekap
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x[kolom].as_i64().unwrap())
            .sum();
        assert!(n > 0, "demo SKP in state {kolom}");
    }

    // --- starting a year ------------------------------------------------------------------------
    let r = u
        .post_json(
            &format!("/api/v1/tahun/{}/mulai", TAHUN + 1),
            Some(&t_jf),
            json!({}),
        )
        .await;
    galat(&r, 403, "dilarang", None, "only admin starts a year");
    let r = u
        .post_json(
            &format!("/api/v1/tahun/{}/mulai", TAHUN + 1),
            Some(&t_admin),
            json!({}),
        )
        .await;
    assert_eq!(r.status, StatusCode::ACCEPTED, "{}", r.teks());
    let tugas = tunggu_tugas(u, &t_admin, r.json()["id"].as_i64().unwrap()).await;
    let jumlah = u
        .app
        .store
        .statistik(u.app.instansi_utama().await.unwrap().id)
        .await
        .unwrap()
        .pegawai;
    assert_eq!(
        (tugas["diproses"].as_i64(), tugas["dibuat_skp"].as_i64()),
        (Some(jumlah), Some(jumlah))
    );
    let rekap = ok(
        &u.get(
            &format!("/api/v1/skp/rekap?tahun={}", TAHUN + 1),
            Some(&t_admin),
        )
        .await,
        "rekap",
    );
    let draf: i64 = rekap
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["draf"].as_i64().unwrap())
        .sum();
    let belum: i64 = rekap
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["belum_ada"].as_i64().unwrap())
        .sum();
    assert_eq!((draf, belum), (jumlah, 0));
    // Copied from last year: the JF's next SKP carries this year's RHK.
    let l = ok(
        &u.get(&format!("/api/v1/skp?tahun={}", TAHUN + 1), Some(&t_jf))
            .await,
        "next year",
    );
    let berikut = l["items"][0]["id"].as_i64().unwrap();
    let d = ok(
        &u.get(&format!("/api/v1/skp/{berikut}"), Some(&t_jf)).await,
        "copied",
    );
    assert_eq!(d["skp"]["status"], "draf");
    assert_eq!(d["skp"]["rhk"].as_array().unwrap().len(), 3);
    // Idempotent: starting again creates nothing.
    let r = u
        .post_json(
            &format!("/api/v1/tahun/{}/mulai", TAHUN + 1),
            Some(&t_admin),
            json!({}),
        )
        .await;
    let tugas = tunggu_tugas(u, &t_admin, r.json()["id"].as_i64().unwrap()).await;
    assert_eq!(tugas["dibuat_skp"].as_i64(), Some(0));
    let r = u
        .get(&format!("/api/v1/skp/rekap?tahun={TAHUN}"), Some(&t_jf))
        .await;
    galat(&r, 403, "dilarang", None, "monitoring is for admin");

    // A job a stopped process left half done is resumed from its cursor at start.
    let tahun = TAHUN + 2;
    let t = u
        .app
        .store
        .buat_tugas(
            inst,
            kinerja_app::mulai_tahun::JENIS_MULAI_TAHUN,
            tahun,
            jumlah,
            &kinerja_store::Pelaku::sistem(),
        )
        .await
        .unwrap();
    let awal = u.app.store.pegawai_mulai(inst, 0, 100).await.unwrap();
    let draf: Vec<_> = awal
        .iter()
        .map(|p| kinerja_app::mulai_tahun::draf_tahun(p, tahun, None, false).unwrap())
        .collect();
    let kursor = awal.last().unwrap().id;
    u.app
        .store
        .langkah_mulai_tahun(&t, &draf, kursor, 100, false)
        .await
        .unwrap();
    assert!(u.app.lanjutkan_tugas().await.unwrap() >= 1);
    let t = tunggu_tugas(u, &t_admin, t.id).await;
    assert_eq!(
        (t["diproses"].as_i64(), t["dibuat_skp"].as_i64()),
        (Some(jumlah), Some(jumlah))
    );
    let status = u.app.store.status_skp_tahun(inst, tahun).await.unwrap();
    assert_eq!(status.len() as i64, jumlah, "every pegawai exactly once");

    // --- mutasi -----------------------------------------------------------------------------
    let peg = u
        .app
        .store
        .pegawai_by_nip(inst, &jf)
        .await
        .unwrap()
        .unwrap();
    let jabatan = u.app.store.daftar_jabatan(inst, None).await.unwrap();
    let asal = jabatan
        .iter()
        .find(|j| Some(j.id) == peg.jabatan_id)
        .unwrap()
        .kode
        .clone();
    let tujuan = jabatan
        .iter()
        .find(|j| {
            Some(j.id) != peg.jabatan_id
                && j.unit_id != peg.unit_id.unwrap_or(0)
                && j.jenis_jabatan == peg.jenis_jabatan
        })
        .unwrap()
        .kode
        .clone();
    let url = format!("/api/v1/pegawai/{jf}/mutasi");
    let r = u
        .post_json(
            &url,
            Some(&t_kasi),
            json!({"jabatan_kode": tujuan, "tanggal": format!("{TAHUN}-07-01")}),
        )
        .await;
    galat(&r, 403, "dilarang", None, "mutasi is for admin");
    let r = u
        .post_json(
            &url,
            Some(&t_admin),
            json!({"jabatan_kode": tujuan, "tanggal": "1 Juli"}),
        )
        .await;
    galat(&r, 422, "tidak_valid", Some("tanggal"), "bad date");
    let h = ok(
        &u.post_json(
            &url,
            Some(&t_admin),
            json!({"jabatan_kode": tujuan, "tanggal": format!("{TAHUN}-07-01")}),
        )
        .await,
        "mutasi",
    );
    assert_eq!(h["skp_lama_id"].as_i64(), Some(id));
    let lama = ok(&u.get(&skp, Some(&t_jf)).await, "old SKP stays on record");
    assert_eq!(
        (
            lama["skp"]["status"].as_str(),
            lama["skp"]["selesai"].as_str()
        ),
        (Some("ditutup"), Some(format!("{TAHUN}-06-30").as_str()))
    );
    let baru_id = h["skp_baru_id"].as_i64().unwrap();
    let baru = ok(
        &u.get(&format!("/api/v1/skp/{baru_id}"), Some(&t_jf)).await,
        "new SKP",
    );
    assert_eq!(
        (
            baru["skp"]["status"].as_str(),
            baru["skp"]["mulai"].as_str()
        ),
        (Some("draf"), Some(format!("{TAHUN}-07-01").as_str()))
    );
    assert_ne!(baru["skp"]["unit_id"], lama["skp"]["unit_id"]);
    // Back to the demo position (so that reloading the demo changes nothing).
    ok(
        &u.post_json(
            &url,
            Some(&t_admin),
            json!({"jabatan_kode": asal, "tanggal": format!("{TAHUN}-09-01")}),
        )
        .await,
        "mutasi back",
    );
}

async fn tunggu_tugas(u: &Uji, token: &str, id: i64) -> Value {
    for _ in 0..600 {
        let t = ok(
            &u.get(&format!("/api/v1/tugas/{id}"), Some(token)).await,
            "job",
        );
        if t["status"] != "berjalan" {
            assert_eq!(t["status"], "selesai", "{t}");
            return t;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("job {id} did not finish");
}
