//! The execution stage through the JSON API, on the demo instansi (2026): the Pelaksana login
//! documents the current month with an upload, the Kepala Seksi (their rater) gives feedback and
//! follows up up to a take-over, the JF login answers an anonymous 360 request, the Kepala Dinas
//! assigns work and answers the progress report (copied to the rater); every bad input of the
//! issue gets its Indonesian 4xx and stores nothing.

use super::{kode_galat, Jawab, Uji};
use axum::http::{Method, StatusCode};
use chrono::Datelike;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

const BATAS: &str = "xKinerjaBatas7";

fn multipart(keterangan: &str, nama: &str, isi: &[u8]) -> (String, Vec<u8>) {
    let mut b = Vec::new();
    b.extend(format!("--{BATAS}\r\nContent-Disposition: form-data; name=\"keterangan\"\r\n\r\n{keterangan}\r\n").as_bytes());
    b.extend(
        format!("--{BATAS}\r\nContent-Disposition: form-data; name=\"berkas\"; filename=\"{nama}\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .as_bytes(),
    );
    b.extend(isi);
    b.extend(format!("\r\n--{BATAS}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={BATAS}"), b)
}

pub(super) fn ok(r: &Jawab, apa: &str) -> Value {
    assert!(r.status.is_success(), "{apa}: {} {}", r.status, r.teks());
    r.json()
}

pub(super) fn galat(r: &Jawab, status: u16, kode: &str, apa: &str) {
    assert_eq!(
        (r.status.as_u16(), kode_galat(r).as_str()),
        (status, kode),
        "{apa}: {}",
        r.teks()
    );
    let pesan = r.json()["error"]["message"]
        .as_str()
        .unwrap_or("")
        .to_string();
    assert!(!pesan.is_empty(), "{apa}: an Indonesian message");
}

fn pdf() -> Vec<u8> {
    b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n".to_vec()
}

impl Uji {
    pub(super) async fn json(&self, m: Method, uri: &str, token: &str, v: Value) -> Jawab {
        self.kirim(
            m,
            uri,
            Some(token),
            Some(("application/json", v.to_string().into_bytes())),
        )
        .await
    }
    async fn unggah(&self, uri: &str, token: &str, ket: &str, nama: &str, isi: &[u8]) -> Jawab {
        let (ct, b) = multipart(ket, nama, isi);
        self.kirim(Method::POST, uri, Some(token), Some((&ct, b)))
            .await
    }
}

pub async fn semua(u: &Uji) {
    let hari = kinerja_app::skp::hari_ini();
    if hari.year() != 2026 {
        // The demo documents 2026 up to today; the journey below assumes today is in 2026.
        return;
    }
    let bulan = hari.month();
    let nip = |peran: &str| u.login(peran).username.clone();
    let t_pel = u.token(&nip("Pelaksana")).await;
    let t_kasi = u.token(&nip("Kepala Seksi")).await;
    let t_jf = u.token(&nip("Jabatan Fungsional")).await;
    let t_kadis = u.token(&nip("Kepala Dinas")).await;
    let t_admin = u.token("admin").await;

    // --- the pegawai's month -----------------------------------------------------------------
    let daftar = ok(
        &u.get("/api/v1/skp?tahun=2026", Some(&t_pel)).await,
        "my SKP",
    );
    let skp_id = daftar["items"][0]["id"]
        .as_i64()
        .expect("the Pelaksana has a 2026 SKP");
    let base = format!("/api/v1/skp/{skp_id}");
    let m = ok(
        &u.get(&format!("{base}/realisasi?bulan={bulan}"), Some(&t_pel))
            .await,
        "month",
    );
    assert_eq!(m["peran"], "pemilik");
    assert!(m["boleh_ubah"].as_bool().unwrap());
    assert!(
        !m["kekurangan"].as_array().unwrap().is_empty(),
        "the demo leaves this month half done: {m}"
    );
    let rhk_ids: Vec<i64> = m["rhk"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["rhk_id"].as_i64().unwrap())
        .collect();
    let iki_kosong = m["rhk"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| r["iki"].as_array().unwrap().clone())
        .find(|i| i["kelengkapan"] == "belum")
        .expect("an IKI not yet documented this month");
    let iki = iki_kosong["iki_id"].as_i64().unwrap();
    let r = u
        .json(Method::PUT, &format!("{base}/realisasi"), &t_pel, json!({"iki_id": iki, "bulan": bulan, "realisasi": "3 dokumen", "catatan": "Satu menunggu tanda tangan"}))
        .await;
    let real = ok(&r, "write the realisation");
    let rid = real["id"].as_i64().unwrap();
    assert_eq!(real["realisasi"], "3 dokumen");
    // Writing it again replaces the text (one per IKI and month).
    let r = u
        .json(
            Method::PUT,
            &format!("{base}/realisasi"),
            &t_pel,
            json!({"iki_id": iki, "bulan": bulan, "realisasi": "4 dokumen"}),
        )
        .await;
    assert_eq!(ok(&r, "rewrite")["id"].as_i64(), Some(rid));

    // An upload streams into the storage, with its checksum.
    let isi = pdf();
    let r = u
        .unggah(
            &format!("/api/v1/realisasi/{rid}/bukti"),
            &t_pel,
            "Berita acara",
            "berita-acara.pdf",
            &isi,
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.teks());
    let b = r.json();
    assert_eq!(b["jenis_berkas"], "pdf");
    assert_eq!(b["ukuran"].as_i64(), Some(isi.len() as i64));
    assert_eq!(
        b["sha256"].as_str().unwrap(),
        hex::encode(Sha256::digest(&isi))
    );
    assert!(b.get("kunci").is_none(), "the storage key is never shown");
    let bid = b["id"].as_i64().unwrap();
    let r = u
        .get(&format!("/api/v1/bukti/{bid}/berkas"), Some(&t_pel))
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(r.headers["content-type"], "application/pdf");
    assert_eq!(r.body, isi);
    // The rater reads it too; a peer does not.
    assert_eq!(
        u.get(&format!("/api/v1/bukti/{bid}/berkas"), Some(&t_kasi))
            .await
            .status,
        200
    );
    galat(
        &u.get(&format!("/api/v1/bukti/{bid}/berkas"), Some(&t_jf))
            .await,
        404,
        "tidak_ditemukan",
        "a peer and the evidence",
    );
    // A link with its description.
    let r = u
        .json(
            Method::POST,
            &format!("/api/v1/realisasi/{rid}/bukti"),
            &t_pel,
            json!({"url": "https://arsip.example.go.id/ba", "keterangan": "Arsip digital"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.teks());
    let m = ok(
        &u.get(&format!("{base}/realisasi?bulan={bulan}"), Some(&t_pel))
            .await,
        "month",
    );
    let i = m["rhk"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| r["iki"].as_array().unwrap().clone())
        .find(|i| i["iki_id"] == iki)
        .unwrap();
    assert_eq!(i["kelengkapan"], "lengkap");
    assert_eq!(i["realisasi"]["bukti"].as_array().unwrap().len(), 2);

    // --- bad input: a clear 4xx and nothing stored ---------------------------------------------
    let jumlah_bukti = || async {
        let m = ok(
            &u.get(&format!("{base}/realisasi?bulan={bulan}"), Some(&t_pel))
                .await,
            "month",
        );
        m["rhk"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|r| r["iki"].as_array().unwrap().clone())
            .map(|i| i["realisasi"]["bukti"].as_array().map_or(0, |b| b.len()))
            .sum::<usize>()
    };
    let sebelum = jumlah_bukti().await;
    let mz = [b"MZ\x90\x00\x03\x00\x00\x00".as_slice(), &[0u8; 200]].concat();
    galat(
        &u.unggah(
            &format!("/api/v1/realisasi/{rid}/bukti"),
            &t_pel,
            "x",
            "setup.exe",
            &mz,
        )
        .await,
        422,
        "tidak_valid",
        "an executable",
    );
    galat(
        &u.unggah(
            &format!("/api/v1/realisasi/{rid}/bukti"),
            &t_pel,
            "x",
            "laporan.pdf",
            &mz,
        )
        .await,
        422,
        "tidak_valid",
        "an executable named .pdf",
    );
    let png = [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR".as_slice(),
        &[0u8; 64],
    ]
    .concat();
    let r = u
        .unggah(
            &format!("/api/v1/realisasi/{rid}/bukti"),
            &t_pel,
            "x",
            "laporan.pdf",
            &png,
        )
        .await;
    galat(&r, 422, "tidak_valid", "a PNG named .pdf");
    assert!(
        r.teks().contains("tidak sesuai"),
        "says the content does not match: {}",
        r.teks()
    );
    let besar = [pdf(), vec![b'0'; 21 * 1024 * 1024]].concat();
    galat(
        &u.unggah(
            &format!("/api/v1/realisasi/{rid}/bukti"),
            &t_pel,
            "x",
            "besar.pdf",
            &besar,
        )
        .await,
        413,
        "berkas_terlalu_besar",
        "over 20 MB",
    );
    galat(
        &u.json(
            Method::POST,
            &format!("/api/v1/realisasi/{rid}/bukti"),
            &t_pel,
            json!({"url": "javascript:alert(1)", "keterangan": "x"}),
        )
        .await,
        422,
        "tidak_valid",
        "a link that is not http(s)",
    );
    galat(
        &u.unggah(
            &format!("/api/v1/realisasi/{rid}/bukti"),
            &t_kasi,
            "x",
            "a.pdf",
            &pdf(),
        )
        .await,
        403,
        "dilarang",
        "the rater uploads",
    );
    assert_eq!(
        jumlah_bukti().await,
        sebelum,
        "nothing stored by the refused uploads"
    );
    // An IKI of another pegawai's SKP, a month outside the SKP, a month not begun.
    let inst = u.app.instansi_utama().await.unwrap().id;
    let lain = u
        .app
        .store
        .daftar_skp(
            inst,
            &kinerja_store::FilterSkp {
                tahun: Some(2026),
                limit: 500,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let mut iki_lain = None;
    for r in lain.items.iter().filter(|r| r.id != skp_id) {
        if let Some(s) = u.app.store.skp(inst, r.id).await.unwrap() {
            iki_lain = s
                .skp
                .rhk
                .iter()
                .flat_map(|r| r.iki.iter())
                .find_map(|i| i.id);
            if iki_lain.is_some() {
                break;
            }
        }
    }
    let r = u
        .json(
            Method::PUT,
            &format!("{base}/realisasi"),
            &t_pel,
            json!({"iki_id": iki_lain.unwrap(), "bulan": bulan, "realisasi": "x"}),
        )
        .await;
    galat(&r, 422, "tidak_valid", "another pegawai's IKI");
    assert!(r.json()["error"]["fields"]["iki_id"].is_string());
    for b in [0, 13] {
        let r = u
            .json(
                Method::PUT,
                &format!("{base}/realisasi"),
                &t_pel,
                json!({"iki_id": iki, "bulan": b, "realisasi": "x"}),
            )
            .await;
        galat(&r, 422, "tidak_valid", "a month outside the period");
    }
    if bulan < 12 {
        let r = u
            .json(
                Method::PUT,
                &format!("{base}/realisasi"),
                &t_pel,
                json!({"iki_id": iki, "bulan": bulan + 1, "realisasi": "x"}),
            )
            .await;
        galat(&r, 422, "tidak_valid", "a month not begun");
    }
    galat(
        &u.json(
            Method::PUT,
            &format!("{base}/realisasi"),
            &t_kasi,
            json!({"iki_id": iki, "bulan": bulan, "realisasi": "x"}),
        )
        .await,
        403,
        "dilarang",
        "the rater writes the pegawai's realisation",
    );
    galat(
        &u.json(
            Method::PUT,
            &format!("{base}/realisasi"),
            &t_admin,
            json!({"iki_id": iki, "bulan": bulan, "realisasi": "x"}),
        )
        .await,
        403,
        "dilarang",
        "the admin writes it",
    );

    // --- the rater's month ---------------------------------------------------------------------
    let t = ok(
        &u.get(
            &format!("/api/v1/realisasi/tim?tahun=2026&bulan={bulan}"),
            Some(&t_kasi),
        )
        .await,
        "team month",
    );
    let baris = t["baris"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["skp_id"] == skp_id)
        .cloned()
        .expect("the Pelaksana in the rater's month");
    assert!(
        ["sebagian", "lengkap"].contains(&baris["status"].as_str().unwrap()),
        "{baris}"
    );
    assert!(baris["berkala_berikutnya"].is_string());

    // --- feedback ----------------------------------------------------------------------------------
    let r = u
        .json(Method::POST, &format!("{base}/umpan_balik"), &t_kasi, json!({"rhk_id": rhk_ids[0], "jenis": "berkala", "cara": "langsung", "isi": "Laporan bulan ini lengkap dan tepat waktu"}))
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.teks());
    let ub = r.json();
    assert_eq!(ub["sebagai"], "pejabat_penilai");
    assert!(
        !ub["sumber"].as_str().unwrap().is_empty(),
        "the source defaults to the giver's position"
    );
    let daftar = ok(
        &u.get(&format!("{base}/umpan_balik"), Some(&t_pel)).await,
        "feedback list",
    );
    assert_eq!(daftar["items"][0]["id"], ub["id"], "newest first");
    let uid = ub["id"].as_i64().unwrap();
    let r = u
        .json(
            Method::POST,
            &format!("/api/v1/umpan_balik/{uid}/tanggapan"),
            &t_pel,
            json!({"tanggapan": "Terima kasih"}),
        )
        .await;
    assert_eq!(ok(&r, "respond")["tanggapan"], "Terima kasih");
    galat(
        &u.json(
            Method::POST,
            &format!("/api/v1/umpan_balik/{uid}/tanggapan"),
            &t_pel,
            json!({"tanggapan": "lagi"}),
        )
        .await,
        409,
        "konflik",
        "a second response",
    );
    // Someone with no relation to the SKP.
    let asing = u
        .app
        .store
        .semua_pegawai(inst)
        .await
        .unwrap()
        .into_iter()
        .find(|p| {
            p.unit_nama
                .as_deref()
                .is_some_and(|n| n.contains("Kependudukan"))
        })
        .unwrap();
    let t_asing = u.token(asing.nip.as_str()).await;
    galat(
        &u.json(
            Method::POST,
            &format!("{base}/umpan_balik"),
            &t_asing,
            json!({"aspek": "loyal", "isi": "x"}),
        )
        .await,
        404,
        "tidak_ditemukan",
        "feedback without relation",
    );
    galat(
        &u.get(&format!("{base}/umpan_balik"), Some(&t_asing)).await,
        404,
        "tidak_ditemukan",
        "reading without relation",
    );
    galat(
        &u.json(
            Method::POST,
            &format!("{base}/umpan_balik"),
            &t_pel,
            json!({"aspek": "loyal", "isi": "x"}),
        )
        .await,
        403,
        "dilarang",
        "feedback on one's own SKP",
    );
    galat(
        &u.json(
            Method::POST,
            &format!("{base}/umpan_balik"),
            &t_kasi,
            json!({"isi": "x"}),
        )
        .await,
        422,
        "tidak_valid",
        "no target",
    );

    // --- 360: the rater asks the JF (a peer), anonymously -------------------------------------------
    let batas = (hari + chrono::Days::new(7)).to_string();
    galat(
        &u.json(
            Method::POST,
            &format!("{base}/permintaan_umpan_balik"),
            &t_pel,
            json!({"nip_pemberi": nip("Jabatan Fungsional"), "batas": batas, "anonim": true}),
        )
        .await,
        403,
        "dilarang",
        "only the rater allows anonymity",
    );
    let r = u
        .json(Method::POST, &format!("{base}/permintaan_umpan_balik"), &t_kasi, json!({"nip_pemberi": nip("Jabatan Fungsional"), "sebagai": "rekan", "batas": batas, "anonim": true, "pesan": "Mohon masukan"}))
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.teks());
    let pid = r.json()["id"].as_i64().unwrap();
    let minta = ok(
        &u.get("/api/v1/permintaan_umpan_balik", Some(&t_jf)).await,
        "requests to me",
    );
    assert!(minta.as_array().unwrap().iter().any(|m| m["id"] == pid));
    let r = u
        .json(
            Method::POST,
            &format!("{base}/umpan_balik"),
            &t_jf,
            json!({"aspek": "kolaboratif", "isi": "Sigap membantu rekan", "permintaan_id": pid}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.teks());
    galat(
        &u.json(
            Method::POST,
            &format!("{base}/umpan_balik"),
            &t_jf,
            json!({"aspek": "kolaboratif", "isi": "lagi", "permintaan_id": pid}),
        )
        .await,
        422,
        "tidak_valid",
        "answering twice",
    );
    let lihat = |v: &Value| {
        v["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["permintaan_id"] == pid)
            .cloned()
            .unwrap()
    };
    let bagi_pegawai = lihat(&ok(
        &u.get(&format!("{base}/umpan_balik"), Some(&t_pel)).await,
        "pegawai list",
    ));
    assert_eq!(bagi_pegawai["pemberi_nama"], "Pemberi anonim");
    assert!(bagi_pegawai["pemberi_pegawai_id"].is_null());
    let bagi_penilai = lihat(&ok(
        &u.get(&format!("{base}/umpan_balik"), Some(&t_kasi)).await,
        "rater list",
    ));
    assert_eq!(
        bagi_penilai["pemberi_nama"],
        u.login("Jabatan Fungsional").nama
    );
    // The giver sees only what they wrote.
    let jf_lihat = ok(
        &u.get(&format!("{base}/umpan_balik"), Some(&t_jf)).await,
        "giver list",
    );
    assert!(
        jf_lihat["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|x| x["permintaan_id"] == pid),
        "{jf_lihat}"
    );

    // --- follow-up up to a take-over -------------------------------------------------------------
    let rhk = rhk_ids[rhk_ids.len() - 1];
    let r = u
        .json(
            Method::POST,
            &format!("{base}/rhk/{rhk}/ambil_alih"),
            &t_kasi,
            json!({"catatan": "Tidak dapat menyelesaikan"}),
        )
        .await;
    galat(&r, 409, "konflik", "a take-over before any follow-up");
    assert!(r.teks().contains("Pasal 20"));
    galat(
        &u.json(
            Method::POST,
            &format!("{base}/pembinaan"),
            &t_pel,
            json!({"jenis_pembinaan": "bimbingan"}),
        )
        .await,
        403,
        "dilarang",
        "the pegawai records pembinaan",
    );
    galat(
        &u.json(
            Method::POST,
            &format!("{base}/pembinaan"),
            &t_kasi,
            json!({"jenis_pembinaan": "bimbingan", "topik": "Laporan"}),
        )
        .await,
        422,
        "tidak_valid",
        "pembinaan without a date",
    );
    let r = u
        .json(Method::POST, &format!("{base}/pembinaan"), &t_kasi, json!({"jenis_pembinaan": "konseling", "tanggal": hari.to_string(), "topik": "Hambatan penyusunan laporan", "tindakan_disepakati": "Laporan mingguan", "rhk_id": rhk}))
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.teks());
    assert_eq!(r.json()["pembinaan"]["jenis"], "konseling");
    let r = u
        .json(
            Method::POST,
            &format!("{base}/rhk/{rhk}/ambil_alih"),
            &t_kasi,
            json!({"catatan": "Pegawai tidak dapat menyelesaikan RHK ini"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.teks());
    galat(
        &u.json(
            Method::POST,
            &format!("{base}/rhk/{rhk}/ambil_alih"),
            &t_kasi,
            json!({"catatan": "lagi"}),
        )
        .await,
        409,
        "konflik",
        "taken over twice",
    );
    let m = ok(
        &u.get(&format!("{base}/realisasi?bulan={bulan}"), Some(&t_pel))
            .await,
        "month",
    );
    let r = m["rhk"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["rhk_id"] == rhk)
        .unwrap();
    assert_eq!(
        r["diambil_alih"],
        "Pegawai tidak dapat menyelesaikan RHK ini"
    );
    let tl = ok(
        &u.get(&format!("{base}/tindak_lanjut"), Some(&t_pel)).await,
        "follow-up list",
    );
    assert_eq!(tl[0]["jenis"], "ambil_alih");

    // --- pola penugasan: report to the assigner, copy to the rater --------------------------------
    let r = u.post_json("/api/v1/penugasan", Some(&t_kadis), json!({"nip": nip("Pelaksana"), "tahun": 2026, "uraian": "Rekap data layanan publik", "ekspektasi": "Rekap triwulan"})).await;
    let tid = ok(&r, "assign")["id"].as_i64().unwrap();
    let versi = ok(&u.get(&base, Some(&t_kasi)).await, "skp")["version"]
        .as_i64()
        .unwrap();
    let r = u
        .post_json(&format!("/api/v1/penugasan/{tid}/terima"), Some(&t_kasi), json!({"version": versi, "iki": {"aspek": "kuantitas", "indikator": "Rekap yang disampaikan", "target": "1 dokumen"}}))
        .await;
    ok(&r, "accept");
    let r = u
        .post_json(
            &format!("/api/v1/penugasan/{tid}/laporan"),
            Some(&t_pel),
            json!({"isi": "Data dua kecamatan sudah terkumpul"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.teks());
    galat(
        &u.post_json(
            &format!("/api/v1/penugasan/{tid}/laporan"),
            Some(&t_kasi),
            json!({"isi": "x"}),
        )
        .await,
        403,
        "dilarang",
        "the rater reports for the pegawai",
    );
    let pl = ok(
        &u.get(&format!("/api/v1/penugasan/{tid}/laporan"), Some(&t_kadis))
            .await,
        "reports",
    );
    assert_eq!(pl["laporan"].as_array().unwrap().len(), 1);
    assert!(pl["boleh_umpan_balik"].as_bool().unwrap());
    let rhk_tugas = pl["rhk_id"].as_i64().unwrap();
    let r = u
        .json(
            Method::POST,
            &format!("{base}/umpan_balik"),
            &t_kadis,
            json!({"rhk_id": rhk_tugas, "isi": "Lanjutkan untuk kecamatan lain"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.teks());
    assert_eq!(r.json()["sebagai"], "pemberi_penugasan");
    galat(
        &u.json(
            Method::POST,
            &format!("{base}/umpan_balik"),
            &t_kadis,
            json!({"rhk_id": rhk_ids[0], "isi": "x"}),
        )
        .await,
        422,
        "tidak_valid",
        "the assigner on another RHK",
    );
    let kotak = ok(
        &u.get("/api/v1/notifikasi", Some(&t_kasi)).await,
        "rater inbox",
    );
    let judul: Vec<&str> = kotak["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["judul"].as_str().unwrap())
        .collect();
    assert!(
        judul
            .iter()
            .any(|j| j.starts_with("Tembusan: Laporan penugasan")),
        "{judul:?}"
    );
    assert!(
        judul.iter().any(|j| j.starts_with("Tembusan: umpan balik")),
        "{judul:?}"
    );

    // --- the inbox ---------------------------------------------------------------------------------
    let kotak = ok(&u.get("/api/v1/notifikasi", Some(&t_pel)).await, "inbox");
    assert!(kotak["belum_dibaca"].as_i64().unwrap() > 0);
    assert!(kotak["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|n| n["judul"].as_str().unwrap().starts_with("Umpan balik baru")));
    assert_eq!(
        u.kirim(
            Method::POST,
            "/api/v1/notifikasi/dibaca",
            Some(&t_pel),
            None
        )
        .await
        .status,
        204
    );
    assert_eq!(
        ok(&u.get("/api/v1/notifikasi", Some(&t_pel)).await, "inbox")["belum_dibaca"],
        0
    );

    // --- reminders: once per key ---------------------------------------------------------------------
    let akhir = kinerja_domain::pelaksanaan::kalender::batas_dokumentasi(2026, bulan);
    let n = u.app.kirim_pengingat(inst, akhir).await.unwrap();
    assert!(n > 0, "reminders before the month closes");
    assert_eq!(
        u.app.kirim_pengingat(inst, akhir).await.unwrap(),
        0,
        "delivered once"
    );

    // The OpenAPI document names the new resources.
    let doc = ok(&u.get("/api/openapi.json", None).await, "openapi");
    for p in [
        "/api/v1/skp/{id}/realisasi",
        "/api/v1/realisasi/{id}/bukti",
        "/api/v1/skp/{id}/umpan_balik",
        "/api/v1/skp/{id}/pembinaan",
        "/api/v1/skp/{id}/rhk/{rhk_id}/ambil_alih",
        "/api/v1/notifikasi",
    ] {
        assert!(doc["paths"][p].is_object(), "{p} in OpenAPI");
    }
}
