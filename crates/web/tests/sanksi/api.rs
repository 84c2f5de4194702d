//! Sanction cases on the demo instansi (annual evaluations of 2024 and 2025): the candidates
//! are the store's signed annual evaluations whose predikat calls for a case in the pegawai's
//! group; a case is opened once (its 6-month clock), refused for a predikat that does not call
//! for one, for a periodic evaluation and twice; every step over the version read, an outcome
//! foreign to the stage refused, the JA/JF path to the end in the instansi's wording; the
//! reminder before a deadline; access; the pages and their forms.

use super::pelaksanaan_api::{galat, ok};
use super::{lokasi, nilai_input, Uji};
use chrono::{Days, Months, NaiveDate};
use kinerja_domain::sanksi::{predikat_bersanksi, wajib_kasus, KelompokSanksi};
use serde_json::json;

fn tgl(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

pub(super) async fn semua(u: &Uji) {
    let inst = u.app.store.instansi_utama().await.unwrap().unwrap().id;
    let t_admin = u.token("admin").await;
    let t_pel = u.token(&u.login("Pelaksana").username).await;
    let tahun = 2025;

    // Candidates: what the rule says over the store's evaluations.
    let harap: Vec<i64> = u
        .app
        .store
        .evaluasi_calon_sanksi(inst, tahun, &predikat_bersanksi())
        .await
        .unwrap()
        .into_iter()
        .filter(|e| {
            e.jenis_jabatan
                .is_some_and(|j| wajib_kasus(KelompokSanksi::dari_jabatan(j), e.predikat))
        })
        .map(|e| e.evaluasi_id)
        .collect();
    assert!(
        harap.len() >= 2,
        "the demo has JA/JF with Kurang or Sangat Kurang in 2025"
    );
    let calon = ok(
        &u.get(
            &format!("/api/v1/sanksi/calon?tahun={tahun}"),
            Some(&t_admin),
        )
        .await,
        "calon",
    );
    let items = calon["items"].as_array().unwrap().clone();
    assert_eq!(
        items
            .iter()
            .map(|c| c["evaluasi_id"].as_i64().unwrap())
            .collect::<Vec<_>>(),
        harap
    );
    let c = items
        .iter()
        .find(|c| {
            c["kasus_id"].is_null()
                && c["kelompok"] == "ja_jf"
                && !c["keberatan_menunggu"].as_bool().unwrap()
        })
        .expect("an open JA/JF candidate")
        .clone();
    let evaluasi = c["evaluasi_id"].as_i64().unwrap();

    // Open: the 6 months to improve start on the day given.
    let r = u
        .post_json(
            "/api/v1/sanksi",
            Some(&t_admin),
            json!({"evaluasi_id": evaluasi, "tanggal": "2026-02-02", "nomor_dokumen": "800/5/BKPSDM/2026"}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.teks());
    let k = r.json();
    let id = k["id"].as_i64().unwrap();
    assert_eq!(
        (
            k["tahap"].as_str(),
            k["tenggat"].as_str(),
            k["versi"].as_i64()
        ),
        (Some("perbaikan"), Some("2026-08-02"), Some(1))
    );
    assert_eq!(k["pegawai"]["id"], c["pegawai"]["id"]);
    let hasil: Vec<&str> = k["hasil_berikut"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["hasil"].as_str().unwrap())
        .collect();
    assert_eq!(hasil, ["membaik", "tidak_membaik", "ditutup"]);
    galat(
        &u.post_json(
            "/api/v1/sanksi",
            Some(&t_admin),
            json!({"evaluasi_id": evaluasi}),
        )
        .await,
        409,
        "konflik",
        "a second case on one evaluation",
    );
    let calon = ok(
        &u.get(
            &format!("/api/v1/sanksi/calon?tahun={tahun}"),
            Some(&t_admin),
        )
        .await,
        "calon",
    );
    assert!(calon["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|x| x["kasus_id"] == id));

    // A predikat that does not call for a case; a periodic evaluation; unknown; bad input.
    let baik = u
        .app
        .store
        .predikat_dua_tahun(inst, tahun, None)
        .await
        .unwrap()
        .into_iter()
        .find(|x| x.tahun_ini == kinerja_domain::kuadran::Predikat::Baik)
        .expect("a Baik 2025 evaluation");
    let r = u
        .post_json(
            "/api/v1/sanksi",
            Some(&t_admin),
            json!({"evaluasi_id": baik.evaluasi_id}),
        )
        .await;
    galat(&r, 422, "tidak_valid", "Baik calls for no case");
    assert!(r.json()["error"]["fields"]["evaluasi_id"]
        .as_str()
        .unwrap()
        .contains("tidak memerlukan kasus sanksi"));
    let berkala = u
        .app
        .store
        .daftar_evaluasi(
            inst,
            &kinerja_store::FilterEvaluasi {
                periode: Some("2026-03".into()),
                limit: 10,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let r = u
        .post_json(
            "/api/v1/sanksi",
            Some(&t_admin),
            json!({"evaluasi_id": berkala[0].id}),
        )
        .await;
    galat(&r, 422, "tidak_valid", "a periodic evaluation");
    galat(
        &u.post_json(
            "/api/v1/sanksi",
            Some(&t_admin),
            json!({"evaluasi_id": 99999999}),
        )
        .await,
        404,
        "tidak_ditemukan",
        "unknown evaluation",
    );
    galat(
        &u.post_json("/api/v1/sanksi", Some(&t_admin), json!({}))
            .await,
        422,
        "tidak_valid",
        "no evaluation",
    );
    galat(
        &u.get("/api/v1/sanksi?status=aneh", Some(&t_admin)).await,
        422,
        "tidak_valid",
        "bad status",
    );
    galat(
        &u.get("/api/v1/sanksi/abc", Some(&t_admin)).await,
        404,
        "tidak_ditemukan",
        "bad id",
    );
    galat(
        &u.get("/api/v1/sanksi/99999999", Some(&t_admin)).await,
        404,
        "tidak_ditemukan",
        "unknown case",
    );

    // Steps: stale, foreign to the stage, before the last step; then the JA/JF path to the end.
    let uri_langkah = format!("/api/v1/sanksi/{id}/langkah");
    let langkah = |v: serde_json::Value| u.post_json(&uri_langkah, Some(&t_admin), v);
    galat(
        &langkah(json!({"versi": 9, "hasil": "tidak_membaik"})).await,
        409,
        "konflik",
        "stale version",
    );
    galat(
        &langkah(json!({"versi": 1, "hasil": "diberhentikan"})).await,
        409,
        "konflik",
        "dismissal while improving",
    );
    galat(
        &langkah(json!({"versi": 1, "hasil": "naik_pangkat"})).await,
        422,
        "tidak_valid",
        "unknown outcome",
    );
    galat(
        &langkah(json!({"versi": 1, "hasil": "tidak_membaik", "tanggal": "2026-01-01"})).await,
        422,
        "tidak_valid",
        "before the opening",
    );
    galat(
        &langkah(json!({"versi": 1, "hasil": "ditutup"})).await,
        422,
        "tidak_valid",
        "closing without a reason",
    );
    galat(
        &langkah(json!({"versi": 1, "hasil": "membaik", "jadwal": "2026-09-01"})).await,
        422,
        "tidak_valid",
        "a schedule for no test",
    );
    let k = ok(&langkah(json!({"versi": 1, "hasil": "tidak_membaik", "tanggal": "2026-08-03", "jadwal": "2026-09-15", "catatan": "Tidak menunjukkan perbaikan"})).await, "uji kompetensi");
    assert_eq!(
        (
            k["tahap"].as_str(),
            k["tenggat"].as_str(),
            k["versi"].as_i64()
        ),
        (Some("uji_kompetensi"), Some("2026-09-15"), Some(2))
    );
    let k = ok(&langkah(json!({"versi": 2, "hasil": "tidak_ada_lowongan", "tanggal": "2026-09-20", "nomor_dokumen": "821/9/BKPSDM"})).await, "penempatan sementara");
    assert_eq!(
        (k["tahap"].as_str(), k["tenggat"].as_str()),
        (Some("penempatan_sementara"), Some("2027-09-20"))
    );
    let k = ok(
        &langkah(json!({"versi": 3, "hasil": "diberhentikan", "tanggal": "2026-10-01"})).await,
        "selesai",
    );
    let redaksi = u
        .app
        .profil_berlaku(inst)
        .await
        .unwrap()
        .redaksi_sanksi
        .pemberhentian;
    assert_eq!(
        (
            k["tahap"].as_str(),
            k["selesai"].as_bool(),
            k["hasil_label"].as_str()
        ),
        (Some("selesai"), Some(true), Some(redaksi.as_str()))
    );
    assert_eq!(k["langkah"].as_array().unwrap().len(), 4);
    assert!(k["hasil_berikut"].as_array().unwrap().is_empty());
    galat(
        &langkah(json!({"versi": 4, "hasil": "membaik"})).await,
        409,
        "konflik",
        "a finished case",
    );
    let selesai = ok(
        &u.get("/api/v1/sanksi?status=selesai", Some(&t_admin)).await,
        "selesai",
    );
    assert!(selesai["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|x| x["id"] == id));

    // A second case, and its reminder before the deadline, to the pegawai (once).
    let c2 = items
        .iter()
        .find(|x| {
            x["kasus_id"].is_null()
                && x["evaluasi_id"] != evaluasi
                && !x["keberatan_menunggu"].as_bool().unwrap()
        })
        .expect("a second candidate")
        .clone();
    let k2 = ok(
        &u.post_json(
            "/api/v1/sanksi",
            Some(&t_admin),
            json!({"evaluasi_id": c2["evaluasi_id"], "tanggal": "2026-03-10"}),
        )
        .await,
        "buka 2",
    );
    let tenggat = tgl("2026-03-10")
        .checked_add_months(Months::new(6))
        .unwrap();
    assert_eq!(k2["tenggat"].as_str(), Some(tenggat.to_string().as_str()));
    let berjalan = ok(
        &u.get("/api/v1/sanksi?status=berjalan", Some(&t_admin))
            .await,
        "berjalan",
    );
    assert!(berjalan["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|x| x["id"] == k2["id"]));
    let siapa = k2["pegawai"]["id"].as_i64().unwrap();
    let kal = u.app.profil_tahun(inst, 2026).await.unwrap().kalender;
    let hari = tenggat
        .checked_sub_days(Days::new(u64::from(kal.hari_pengingat)))
        .unwrap();
    let pengingat = |hari: NaiveDate| async move {
        u.app.kirim_pengingat(inst, hari).await.unwrap();
        u.app
            .store
            .kotak_masuk(inst, siapa, None, 200)
            .await
            .unwrap()
            .into_iter()
            .filter(|n| n.jenis == "pengingat_sanksi")
            .count()
    };
    assert_eq!(
        pengingat(hari.checked_sub_days(Days::new(1)).unwrap()).await,
        0,
        "not before the window"
    );
    assert_eq!(pengingat(hari).await, 1, "the reminder");
    assert_eq!(pengingat(tenggat).await, 1, "once per stage");

    // Access.
    galat(
        &u.get("/api/v1/sanksi", Some(&t_pel)).await,
        403,
        "dilarang",
        "a pegawai",
    );
    galat(
        &u.get(&format!("/api/v1/sanksi/{id}"), Some(&t_pel)).await,
        404,
        "tidak_ditemukan",
        "a pegawai reads another's case",
    );
    // The pegawai it concerns reads it (no next step for them), from the reminder's link.
    let masuk = u
        .app
        .store
        .kotak_masuk(inst, siapa, None, 200)
        .await
        .unwrap()
        .into_iter()
        .find(|n| n.jenis == "pengingat_sanksi")
        .expect("the reminder");
    let tautan = format!("/sanksi/{}", k2["id"]);
    assert_eq!(masuk.tautan.as_deref(), Some(tautan.as_str()));
    let t_kasus = u.token(k2["pegawai"]["nip"].as_str().unwrap()).await;
    let dibaca = ok(
        &u.get(&format!("/api/v1{tautan}"), Some(&t_kasus)).await,
        "own case",
    );
    assert_eq!(dibaca["id"], k2["id"]);
    assert!(dibaca["hasil_berikut"].as_array().unwrap().is_empty());
    let h = u.get(&tautan, Some(&t_kasus)).await;
    assert_eq!(h.status, 200);
    assert!(!h.teks().contains("data-testid=\"form-langkah\""));
    galat(
        &u.get("/api/v1/sanksi", Some(&t_kasus)).await,
        403,
        "dilarang",
        "the list is HR's",
    );
    galat(
        &u.post_json(
            "/api/v1/sanksi",
            Some(&t_pel),
            json!({"evaluasi_id": evaluasi}),
        )
        .await,
        403,
        "dilarang",
        "a pegawai opens",
    );
    assert_eq!(u.get("/api/v1/sanksi", None).await.status, 401);

    // Pages: the list with its clocks and forms; the case with its step form.
    let h = u
        .get(&format!("/sanksi?tahun={tahun}"), Some(&t_admin))
        .await;
    assert_eq!(h.status, 200, "{}", h.teks());
    let html = h.teks();
    assert!(html.contains(&format!("href=\"/sanksi/{}\"", k2["id"])));
    assert!(html.contains("data-testid=\"jam-sanksi\""));
    let csrf = nilai_input(&html, "csrf");
    let c3 = items.iter().find(|x| {
        x["kasus_id"].is_null()
            && x["evaluasi_id"] != evaluasi
            && x["evaluasi_id"] != c2["evaluasi_id"]
            && !x["keberatan_menunggu"].as_bool().unwrap()
    });
    let id_k2 = k2["id"].as_i64().unwrap();
    if let Some(c3) = c3 {
        let ev = c3["evaluasi_id"].to_string();
        let r = u
            .post_form(
                "/sanksi",
                Some(&t_admin),
                &[
                    ("csrf", &csrf),
                    ("evaluasi_id", &ev),
                    ("tahun", "2025"),
                    ("tanggal", "tanggal-salah"),
                ],
            )
            .await;
        assert_eq!(r.status, 422);
        assert!(r.teks().contains("data-testid=\"galat-form\""));
        let r = u
            .post_form(
                "/sanksi",
                Some(&t_admin),
                &[
                    ("csrf", &csrf),
                    ("evaluasi_id", &ev),
                    ("tahun", "2025"),
                    ("tanggal", "2026-04-01"),
                ],
            )
            .await;
        assert_eq!(r.status, 303, "{}", r.teks());
        assert!(lokasi(&r).starts_with("/sanksi/"));
    }
    let h = u.get(&format!("/sanksi/{id_k2}"), Some(&t_admin)).await;
    assert_eq!(h.status, 200);
    let html = h.teks();
    assert!(html.contains("data-testid=\"form-langkah\""));
    let versi = nilai_input(&html, "versi");
    let uri = format!("/sanksi/{id_k2}/langkah");
    let r = u
        .post_form(
            &uri,
            Some(&t_admin),
            &[
                ("csrf", &csrf),
                ("versi", &versi),
                ("hasil", "ditutup"),
                ("catatan", ""),
            ],
        )
        .await;
    assert_eq!(r.status, 422);
    let r = u
        .post_form(
            &uri,
            Some(&t_admin),
            &[
                ("csrf", &csrf),
                ("versi", &versi),
                ("hasil", "membaik"),
                ("tanggal", "2026-09-10"),
                ("catatan", "Predikat periodik membaik"),
            ],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.teks());
    let html = u
        .get(&format!("/sanksi/{id_k2}"), Some(&t_admin))
        .await
        .teks();
    assert!(html.contains("Kinerja membaik dalam masa perbaikan"));
    let r = u
        .post_form(
            &uri,
            Some(&t_admin),
            &[("csrf", &csrf), ("versi", &versi), ("hasil", "membaik")],
        )
        .await;
    assert_eq!(r.status, 409, "a stale form");
    assert_eq!(u.get("/sanksi", Some(&t_pel)).await.status, 403);
}
