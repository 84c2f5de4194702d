//! The evaluation stage through the JSON API, on the demo instansi (2026): the Kepala Seksi
//! rates the Pelaksana for the current month (the unit's curve moves) and for the year, signs;
//! the Pelaksana acknowledges, files a keberatan on last month; the Kepala Bidang (atasan
//! pejabat penilai) hears both sides and decides; HR admin reopens, sees every unit's curve and
//! the ranking. Every bad input of the issue gets its Indonesian 4xx and writes nothing.

use super::pelaksanaan_api::{galat, ok};
use super::Uji;
use axum::http::Method;
use chrono::Datelike;
use serde_json::{json, Value};

fn total(d: &Value) -> u64 {
    d["hasil"]["total"].as_u64().unwrap_or(0)
}

pub async fn semua(u: &Uji) {
    let hari = kinerja_app::skp::hari_ini();
    if hari.year() != 2026 || hari.month() < 3 {
        // The demo evaluates 2026 up to today; the journey assumes a past month exists.
        return;
    }
    let kini = format!("2026-{:02}", hari.month());
    let lalu = format!("2026-{:02}", hari.month() - 1);
    let lama = format!("2026-{:02}", hari.month() - 2);
    let nip = |peran: &str| u.login(peran).username.clone();
    let t_kasi = u.token(&nip("Kepala Seksi")).await;
    let t_pel = u.token(&nip("Pelaksana")).await;
    let t_kabid = u.token(&nip("Kepala Bidang")).await;
    let t_kadis = u.token(&nip("Kepala Dinas")).await;
    let t_admin = u.token("admin").await;

    // The rater's team for this month: the Pelaksana with a suggestion, not yet rated.
    let tim = ok(
        &u.get(
            &format!("/api/v1/evaluasi/tim?periode={kini}"),
            Some(&t_kasi),
        )
        .await,
        "tim",
    );
    let baris = tim["baris"].as_array().expect("baris").clone();
    let pel = baris
        .iter()
        .find(|b| b["nip"] == nip("Pelaksana"))
        .expect("the Pelaksana is in the Kepala Seksi's team")
        .clone();
    assert!(pel["evaluasi"].is_null(), "{pel}");
    assert!(pel["kendala"].is_null(), "{pel}");
    let skp = pel["skp_id"].as_i64().expect("skp");
    let saran_hk = pel["saran"]["rating_hasil_kerja"]
        .as_str()
        .unwrap()
        .to_string();
    let saran_pr = pel["saran"]["rating_perilaku"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(!pel["saran"]["alasan_hasil_kerja"]
        .as_array()
        .unwrap()
        .is_empty());
    let unit = pel["capaian_unit_id"].as_i64().expect("capaian unit");
    let d0 = tim["distribusi"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["unit_id"] == unit)
        .expect("distribusi")
        .clone();
    assert!(d0["svg"].as_str().unwrap().starts_with("<svg"));
    let uri = format!("/api/v1/skp/{skp}/evaluasi/{kini}");

    // Bad input: nothing is written.
    let r = u
        .json(
            Method::PUT,
            &uri,
            &t_kabid,
            json!({"rating_hasil_kerja": saran_hk, "rating_perilaku": saran_pr}),
        )
        .await;
    galat(&r, 403, "dilarang", "the atasan does not rate");
    let r = u
        .json(
            Method::PUT,
            &uri,
            &t_kadis,
            json!({"rating_hasil_kerja": saran_hk, "rating_perilaku": saran_pr}),
        )
        .await;
    galat(
        &r,
        404,
        "tidak_ditemukan",
        "an unrelated pegawai does not see it",
    );
    let r = u
        .json(
            Method::PUT,
            &uri,
            &t_kasi,
            json!({"rating_hasil_kerja": "luar_biasa", "rating_perilaku": saran_pr}),
        )
        .await;
    assert_eq!(r.status.as_u16(), 422, "unknown enum: {}", r.teks());
    let lain = if saran_hk == "diatas_ekspektasi" {
        "sesuai_ekspektasi"
    } else {
        "diatas_ekspektasi"
    };
    let r = u
        .json(
            Method::PUT,
            &uri,
            &t_kasi,
            json!({"rating_hasil_kerja": lain, "rating_perilaku": saran_pr}),
        )
        .await;
    galat(
        &r,
        422,
        "tidak_valid",
        "a change from the suggestion needs a reason",
    );
    assert!(
        r.json()["error"]["fields"]["alasan_hasil_kerja"].is_string(),
        "{}",
        r.teks()
    );
    let r = u
        .json(
            Method::PUT,
            &format!("/api/v1/skp/{skp}/evaluasi/2025-05"),
            &t_kasi,
            json!({"rating_hasil_kerja": saran_hk, "rating_perilaku": saran_pr}),
        )
        .await;
    galat(&r, 422, "tidak_valid", "a period outside the SKP's year");
    let r = u
        .json(
            Method::PUT,
            &format!("/api/v1/skp/{skp}/evaluasi/2026-T1"),
            &t_kasi,
            json!({"rating_hasil_kerja": saran_hk, "rating_perilaku": saran_pr}),
        )
        .await;
    galat(&r, 422, "tidak_valid", "a quarter in a monthly instansi");
    if hari.month() < 12 {
        let depan = format!("2026-{:02}", hari.month() + 1);
        let r = u
            .json(
                Method::PUT,
                &format!("/api/v1/skp/{skp}/evaluasi/{depan}"),
                &t_kasi,
                json!({"rating_hasil_kerja": saran_hk, "rating_perilaku": saran_pr}),
            )
            .await;
        galat(&r, 422, "tidak_valid", "a period that has not begun");
    }
    let r = u
        .json(
            Method::POST,
            &format!("{uri}/tandatangani"),
            &t_kasi,
            json!({}),
        )
        .await;
    galat(&r, 409, "konflik", "nothing to sign yet");
    let d = ok(&u.get(&uri, Some(&t_kasi)).await, "detail");
    assert!(d["evaluasi"].is_null(), "nothing was written: {d}");
    assert_eq!(d["boleh"]["nilai"], true);

    // Rating before the unit's capaian is set: a pegawai of the bidang whose leader has not set
    // this month's capaian yet (the demo leaves one).
    let daftar = ok(
        &u.get(
            "/api/v1/skp?lingkup=instansi&tahun=2026&limit=500",
            Some(&t_admin),
        )
        .await,
        "skp admin",
    );
    let mut diuji = false;
    let mut dilihat = Vec::new();
    for s in daftar["items"].as_array().unwrap() {
        if s["ditetapkan_pada"].is_null() {
            continue;
        }
        let id = s["id"].as_i64().unwrap();
        let det = ok(
            &u.get(&format!("/api/v1/skp/{id}/evaluasi/{kini}"), Some(&t_admin))
                .await,
            "detail admin",
        );
        dilihat.push((s["unit_nama"].clone(), det["kendala"].clone()));
        if det["kendala"]
            .as_str()
            .is_some_and(|k| k.contains("Capaian kinerja organisasi"))
        {
            let pen = det["penilai"]["nip"].as_str().expect("rater").to_string();
            let t = u.token(&pen).await;
            let r = u.json(Method::PUT, &format!("/api/v1/skp/{id}/evaluasi/{kini}"), &t, json!({"rating_hasil_kerja": det["saran"]["rating_hasil_kerja"], "rating_perilaku": det["saran"]["rating_perilaku"]})).await;
            galat(
                &r,
                409,
                "konflik",
                "rating before the unit's capaian is set",
            );
            diuji = true;
            break;
        }
    }
    assert!(
        diuji,
        "the demo leaves a unit without this month's capaian: {dilihat:?}"
    );

    // The rating: the predikat comes from the kuadran; the unit's curve moves.
    let e = ok(&u.json(Method::PUT, &uri, &t_kasi, json!({"rating_hasil_kerja": saran_hk, "rating_perilaku": saran_pr, "catatan": "Dokumentasi rapi"})).await, "nilai");
    let harap = ok(
        &u.get(
            &format!("/api/v1/rules/predikat?hasil_kerja={saran_hk}&perilaku={saran_pr}"),
            Some(&t_kasi),
        )
        .await,
        "kalkulator",
    );
    assert_eq!(e["predikat"], harap["predikat"]);
    assert_eq!(e["status"], "draf");
    let d1 = ok(
        &u.get(
            &format!("/api/v1/unit/{unit}/distribusi?periode={kini}"),
            Some(&t_kasi),
        )
        .await,
        "distribusi unit",
    );
    assert_eq!(
        total(&d1),
        total(&d0) + 1,
        "the curve counts the new rating"
    );
    let r = u
        .json(
            Method::PUT,
            &uri,
            &t_kasi,
            json!({"rating_hasil_kerja": saran_hk, "rating_perilaku": saran_pr}),
        )
        .await;
    galat(
        &r,
        422,
        "tidak_valid",
        "a re-rating carries the version read",
    );
    let r = u
        .json(
            Method::PUT,
            &uri,
            &t_kasi,
            json!({"rating_hasil_kerja": saran_hk, "rating_perilaku": saran_pr, "version": 99}),
        )
        .await;
    galat(&r, 409, "konflik", "a stale version");
    let e = ok(&u.json(Method::PUT, &uri, &t_kasi, json!({"rating_hasil_kerja": lain, "alasan_hasil_kerja": "Target terlampaui", "rating_perilaku": saran_pr, "version": e["version"]})).await, "ubah");
    assert_eq!(e["alasan_hasil_kerja"], "Target terlampaui");
    let r = u
        .json(Method::POST, &format!("{uri}/terima"), &t_pel, json!({}))
        .await;
    galat(&r, 409, "konflik", "the pegawai signs after the rater");
    let e = ok(
        &u.json(
            Method::POST,
            &format!("{uri}/tandatangani"),
            &t_kasi,
            json!({}),
        )
        .await,
        "tanda tangan",
    );
    assert_eq!(e["status"], "ditandatangani_penilai");
    let r = u
        .json(
            Method::POST,
            &format!("{uri}/tandatangani"),
            &t_kasi,
            json!({}),
        )
        .await;
    galat(&r, 409, "konflik", "signing twice");
    let r = u.json(Method::PUT, &uri, &t_kasi, json!({"rating_hasil_kerja": saran_hk, "rating_perilaku": saran_pr, "version": e["version"]})).await;
    galat(&r, 409, "konflik", "a signed evaluation is locked");
    let inbox = ok(&u.get("/api/v1/notifikasi", Some(&t_pel)).await, "inbox");
    assert!(inbox["items"].as_array().unwrap().iter().any(|n| n["judul"]
        .as_str()
        .unwrap_or("")
        .contains("telah ditandatangani")));
    let e = ok(
        &u.json(Method::POST, &format!("{uri}/terima"), &t_pel, json!({}))
            .await,
        "terima",
    );
    assert_eq!(e["status"], "diterima_pegawai");
    // The evaluated month is frozen.
    let bulan = ok(
        &u.get(
            &format!("/api/v1/skp/{skp}/realisasi?bulan={}", hari.month()),
            Some(&t_pel),
        )
        .await,
        "bulan",
    );
    let iki = bulan["iki"][0]["iki_id"]
        .as_i64()
        .or_else(|| bulan["rhk"][0]["iki"][0]["iki_id"].as_i64());
    if let Some(iki) = iki {
        let r = u
            .json(
                Method::PUT,
                &format!("/api/v1/skp/{skp}/realisasi"),
                &t_pel,
                json!({"iki_id": iki, "bulan": hari.month(), "realisasi": "ubah"}),
            )
            .await;
        galat(&r, 409, "konflik", "a signed month is frozen");
    }

    // HR admin reopens it with a reason (and only with one).
    let r = u
        .json(
            Method::POST,
            &format!("{uri}/buka_kembali"),
            &t_admin,
            json!({"alasan": " "}),
        )
        .await;
    galat(&r, 422, "tidak_valid", "reopening needs a reason");
    let r = u
        .json(
            Method::POST,
            &format!("{uri}/buka_kembali"),
            &t_kasi,
            json!({"alasan": "x"}),
        )
        .await;
    galat(&r, 403, "dilarang", "only HR admin reopens");
    let e = ok(
        &u.json(
            Method::POST,
            &format!("{uri}/buka_kembali"),
            &t_admin,
            json!({"alasan": "Rating perilaku perlu ditinjau"}),
        )
        .await,
        "buka",
    );
    assert_eq!(
        (e["status"].as_str(), e["alasan_dibuka"].as_str()),
        (Some("draf"), Some("Rating perilaku perlu ditinjau"))
    );

    // Keberatan on last month (received three days ago): by the pegawai only, within 14 days.
    let uri_lalu = format!("/api/v1/skp/{skp}/evaluasi/{lalu}");
    let d = ok(&u.get(&uri_lalu, Some(&t_pel)).await, "last month");
    assert_eq!(d["boleh"]["keberatan"], true, "{d}");
    let r = u
        .json(
            Method::POST,
            &format!("{uri_lalu}/keberatan"),
            &t_kasi,
            json!({"alasan": "x"}),
        )
        .await;
    galat(&r, 403, "dilarang", "a keberatan by someone else");
    let r = u
        .json(
            Method::POST,
            &format!("{uri_lalu}/keberatan"),
            &t_pel,
            json!({"alasan": ""}),
        )
        .await;
    galat(&r, 422, "tidak_valid", "a keberatan gives reasons");
    let r = u
        .json(
            Method::POST,
            &format!("/api/v1/skp/{skp}/evaluasi/{lama}/keberatan"),
            &t_pel,
            json!({"alasan": "Terlambat"}),
        )
        .await;
    galat(&r, 409, "konflik", "after 14 days");
    assert!(
        r.json()["error"]["message"]
            .as_str()
            .unwrap()
            .contains("paling lambat"),
        "{}",
        r.teks()
    );
    let k = u
        .json(
            Method::POST,
            &format!("{uri_lalu}/keberatan"),
            &t_pel,
            json!({"alasan": "Laporan tambahan belum dipertimbangkan"}),
        )
        .await;
    assert_eq!(k.status.as_u16(), 201, "{}", k.teks());
    let k = k.json();
    let kid = k["id"].as_i64().unwrap();
    let r = u
        .json(
            Method::POST,
            &format!("{uri_lalu}/keberatan"),
            &t_pel,
            json!({"alasan": "lagi"}),
        )
        .await;
    galat(&r, 409, "konflik", "one keberatan per evaluation");
    let ku = format!("/api/v1/keberatan/{kid}");
    let r = u.get(&ku, Some(&t_kadis)).await;
    galat(&r, 404, "tidak_ditemukan", "not a party");
    ok(
        &u.json(
            Method::POST,
            &format!("{ku}/tanggapan"),
            &t_kasi,
            json!({"isi": "Laporan tambahan tidak ada di bukti dukung"}),
        )
        .await,
        "penilai",
    );
    ok(
        &u.json(
            Method::POST,
            &format!("{ku}/tanggapan"),
            &t_pel,
            json!({"isi": "Bukti diunggah tanggal 30"}),
        )
        .await,
        "pegawai",
    );
    let r = u
        .json(
            Method::POST,
            &format!("{ku}/putusan"),
            &t_kasi,
            json!({"putusan": "ditolak", "alasan": "x"}),
        )
        .await;
    galat(&r, 403, "dilarang", "the rater does not decide");
    let r = u
        .json(
            Method::POST,
            &format!("{ku}/putusan"),
            &t_kabid,
            json!({"putusan": "dikabulkan", "alasan": "Bukti ada"}),
        )
        .await;
    galat(&r, 422, "tidak_valid", "upheld needs new ratings");
    let semula = k["predikat_semula"].clone();
    let (h, p) = if semula == "sangat_baik" {
        ("sesuai_ekspektasi", "sesuai_ekspektasi")
    } else {
        ("diatas_ekspektasi", "diatas_ekspektasi")
    };
    let kp = ok(&u.json(Method::POST, &format!("{ku}/putusan"), &t_kabid, json!({"putusan": "dikabulkan", "rating_hasil_kerja": h, "rating_perilaku": p, "alasan": "Bukti tambahan terverifikasi"})).await, "putusan");
    assert_eq!(
        (kp["status"].clone(), kp["predikat_semula"].clone()),
        (json!("dikabulkan"), semula)
    );
    assert_eq!(kp["komentar"].as_array().unwrap().len(), 2);
    let ev = ok(&u.get(&uri_lalu, Some(&t_pel)).await, "after decision");
    assert_eq!(ev["evaluasi"]["predikat"], kp["predikat_baru"]);
    let r = u
        .json(
            Method::POST,
            &format!("{ku}/putusan"),
            &t_kabid,
            json!({"putusan": "ditolak", "alasan": "x"}),
        )
        .await;
    galat(&r, 409, "konflik", "the decision is final");
    let r = u
        .json(
            Method::POST,
            &format!("{uri_lalu}/buka_kembali"),
            &t_admin,
            json!({"alasan": "x"}),
        )
        .await;
    galat(&r, 409, "konflik", "no reopening after a keberatan");
    let mine = ok(&u.get("/api/v1/keberatan", Some(&t_pel)).await, "daftar");
    assert!(mine["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|x| x["id"] == kid));

    // The annual evaluation is its own review.
    let uri_th = format!("/api/v1/skp/{skp}/evaluasi/2026");
    let d = ok(&u.get(&uri_th, Some(&t_kasi)).await, "tahunan");
    let e = ok(&u.json(Method::PUT, &uri_th, &t_kasi, json!({"rating_hasil_kerja": d["saran"]["rating_hasil_kerja"], "rating_perilaku": d["saran"]["rating_perilaku"], "rekomendasi": "Pelatihan analisis data"})).await, "nilai tahunan");
    assert_eq!(e["periode"], "2026");

    // Capaian: set by the leader one level up (the Kepala Bidang for the seksi), over the version read.
    let cap = ok(
        &u.get(
            &format!("/api/v1/capaian_organisasi?periode={kini}"),
            Some(&t_kabid),
        )
        .await,
        "capaian",
    );
    let item = cap["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["capaian"]["unit_id"] == unit)
        .expect("the seksi is set by its Kepala Bidang")
        .clone();
    let cu = format!("/api/v1/unit/{unit}/capaian_organisasi/{kini}");
    let r = u
        .json(
            Method::PUT,
            &cu,
            &t_kabid,
            json!({"capaian_organisasi": "istimewa"}),
        )
        .await;
    galat(&r, 409, "konflik", "a change needs the version");
    let r = u
        .json(
            Method::PUT,
            &cu,
            &t_kabid,
            json!({"capaian_organisasi": "hebat", "version": 1}),
        )
        .await;
    assert_eq!(r.status.as_u16(), 422, "{}", r.teks());
    let r = u
        .json(
            Method::PUT,
            &cu,
            &t_pel,
            json!({"capaian_organisasi": "istimewa"}),
        )
        .await;
    galat(&r, 403, "dilarang", "a pegawai does not set capaian");
    let c = ok(&u.json(Method::PUT, &cu, &t_kabid, json!({"capaian_organisasi": "istimewa", "catatan": "Target layanan terlampaui", "version": item["capaian"]["version"]})).await, "ubah capaian");
    assert_eq!(c["capaian_organisasi"], "istimewa");

    // Every unit's curve and the ranking: HR admin and the head of the perangkat daerah.
    let rd = ok(
        &u.get(
            &format!("/api/v1/distribusi?periode={lalu}"),
            Some(&t_admin),
        )
        .await,
        "ringkasan",
    );
    assert!(!rd["unit"].as_array().unwrap().is_empty());
    assert!(
        rd["jumlah_menyimpang"].as_u64().unwrap() > 0,
        "the demo has units off their guideline"
    );
    assert!(rd["keseluruhan"]["svg"].as_str().unwrap().contains("<svg"));
    ok(
        &u.get(
            &format!("/api/v1/distribusi?periode={lalu}"),
            Some(&t_kadis),
        )
        .await,
        "kepala dinas",
    );
    let r = u
        .get(&format!("/api/v1/distribusi?periode={lalu}"), Some(&t_pel))
        .await;
    galat(&r, 403, "dilarang", "a pegawai does not see every curve");
    let pr = ok(
        &u.get(&format!("/api/v1/peringkat?periode={lalu}"), Some(&t_admin))
            .await,
        "peringkat",
    );
    let items = pr["items"].as_array().unwrap();
    assert!(items.len() > 10);
    assert_eq!(items[0]["peringkat"], 1);
    assert!(items
        .windows(2)
        .all(|w| w[0]["peringkat"].as_u64() <= w[1]["peringkat"].as_u64()));
    let r = u
        .get(&format!("/api/v1/peringkat?periode={lalu}"), Some(&t_pel))
        .await;
    galat(&r, 403, "dilarang", "a pegawai does not see the ranking");

    // The OpenAPI document describes it.
    let doc = ok(&u.get("/api/openapi.json", None).await, "openapi");
    for path in [
        "/api/v1/capaian_organisasi",
        "/api/v1/skp/{id}/evaluasi/{periode}",
        "/api/v1/keberatan/{id}/putusan",
        "/api/v1/distribusi",
        "/api/v1/peringkat",
    ] {
        assert!(doc["paths"][path].is_object(), "{path} in OpenAPI");
    }
}
