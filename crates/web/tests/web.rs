//! The web application end to end through its real router, on a real SQLite file and a real
//! PostgreSQL database: the same journeys on both. (Browser journeys live in `e2e/`.)

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use kinerja_app::demo::DemoLogin;
use kinerja_app::App;
use kinerja_store::Store;
use serde_json::{json, Value};
use std::sync::Arc;
use tower::ServiceExt;

struct Uji {
    router: axum::Router,
    app: App,
    logins: Vec<DemoLogin>,
}

struct Jawab {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: Vec<u8>,
}

impl Jawab {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.teks()))
    }
    fn teks(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

impl Uji {
    async fn baru(store: Arc<dyn Store>) -> Uji {
        let app = App::new(store);
        let r = app.muat_demo(2026).await.expect("demo");
        let router = kinerja_web::router(app.clone(), kinerja_web::Opsi::default());
        Uji {
            router,
            app,
            logins: r.logins,
        }
    }

    fn login(&self, peran: &str) -> &DemoLogin {
        self.logins
            .iter()
            .find(|l| l.peran == peran)
            .unwrap_or_else(|| panic!("no demo login {peran}"))
    }

    async fn kirim(
        &self,
        method: Method,
        uri: &str,
        token: Option<&str>,
        body: Option<(&str, Vec<u8>)>,
    ) -> Jawab {
        let mut b = Request::builder().method(method).uri(uri);
        if let Some(t) = token {
            b = b.header(header::AUTHORIZATION, format!("Bearer {t}"));
        }
        let req = match body {
            Some((ct, bytes)) => b
                .header(header::CONTENT_TYPE, ct)
                .body(Body::from(bytes))
                .unwrap(),
            None => b.body(Body::empty()).unwrap(),
        };
        let res = self.router.clone().oneshot(req).await.unwrap();
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

    async fn get(&self, uri: &str, token: Option<&str>) -> Jawab {
        self.kirim(Method::GET, uri, token, None).await
    }

    async fn post_json(&self, uri: &str, token: Option<&str>, v: Value) -> Jawab {
        self.kirim(
            Method::POST,
            uri,
            token,
            Some(("application/json", v.to_string().into_bytes())),
        )
        .await
    }

    async fn token(&self, username: &str) -> String {
        let r = self
            .post_json(
                "/api/v1/auth/login",
                None,
                json!({"username": username, "password": kinerja_app::demo::PASSWORD_DEMO}),
            )
            .await;
        assert_eq!(r.status, 200, "{}", r.teks());
        r.json()["token"].as_str().unwrap().to_string()
    }
}

fn kode_galat(r: &Jawab) -> String {
    r.json()["error"]["code"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

async fn semua(u: &Uji) {
    login_dan_token(u).await;
    kalkulator(u).await;
    galat_api(u).await;
    penilai(u).await;
    akses(u).await;
    impor_ekspor(u).await;
    halaman(u).await;
    let h = u.app.store.verifikasi_audit().await.unwrap();
    assert!(
        h.utuh(),
        "audit chain intact after the journeys: {:?}",
        h.rusak
    );
}

async fn login_dan_token(u: &Uji) {
    let salah = u
        .post_json(
            "/api/v1/auth/login",
            None,
            json!({"username": "admin", "password": "salah-sekali"}),
        )
        .await;
    let tak_ada = u
        .post_json(
            "/api/v1/auth/login",
            None,
            json!({"username": "tidak-ada", "password": "salah-sekali"}),
        )
        .await;
    assert_eq!(
        (salah.status, tak_ada.status),
        (StatusCode::UNAUTHORIZED, StatusCode::UNAUTHORIZED)
    );
    assert_eq!(
        salah.json(),
        tak_ada.json(),
        "unknown user and wrong password answer alike"
    );
    let r = u
        .post_json(
            "/api/v1/auth/login",
            None,
            json!({"username": "admin", "password": kinerja_app::demo::PASSWORD_DEMO}),
        )
        .await;
    let v = r.json();
    let t = v["token"].as_str().unwrap();
    assert!(chrono::DateTime::parse_from_rfc3339(v["expires_at"].as_str().unwrap()).is_ok());
    let me = u.get("/api/v1/me", Some(t)).await;
    assert_eq!(me.json()["peran"], "admin");
    let out = u
        .kirim(Method::POST, "/api/v1/auth/logout", Some(t), None)
        .await;
    assert_eq!(out.status, StatusCode::NO_CONTENT);
    let me = u.get("/api/v1/me", Some(t)).await;
    assert_eq!(
        me.status,
        StatusCode::UNAUTHORIZED,
        "a token ends at logout"
    );
    // A pegawai logs in with their NIP.
    let jf = u.login("Jabatan Fungsional").username.clone();
    let t = u.token(&jf).await;
    let me = u.get("/api/v1/me", Some(&t)).await.json();
    assert_eq!(me["peran"], "pegawai");
    assert_eq!(me["pegawai"]["nip"], jf.as_str());
}

async fn kalkulator(u: &Uji) {
    let t = u.token("admin").await;
    let kasus = [
        ("diatas_ekspektasi", "diatas_ekspektasi", "sangat_baik"),
        ("diatas_ekspektasi", "sesuai_ekspektasi", "baik"),
        ("diatas_ekspektasi", "dibawah_ekspektasi", "kurang"),
        ("sesuai_ekspektasi", "diatas_ekspektasi", "baik"),
        ("sesuai_ekspektasi", "sesuai_ekspektasi", "baik"),
        ("sesuai_ekspektasi", "dibawah_ekspektasi", "kurang"),
        ("dibawah_ekspektasi", "diatas_ekspektasi", "butuh_perbaikan"),
        ("dibawah_ekspektasi", "sesuai_ekspektasi", "butuh_perbaikan"),
        ("dibawah_ekspektasi", "dibawah_ekspektasi", "sangat_kurang"),
    ];
    for (h, p, hasil) in kasus {
        let r = u
            .get(
                &format!("/api/v1/rules/predikat?hasil_kerja={h}&perilaku={p}"),
                Some(&t),
            )
            .await;
        assert_eq!(r.json(), json!({"predikat": hasil}), "{h} × {p}");
    }
    let r = u
        .get(
            "/api/v1/rules/predikat?hasil_kerja=diatas_ekspektasi",
            Some(&t),
        )
        .await;
    assert_eq!(
        (
            r.status,
            r.json()["error"]["fields"]["perilaku"].is_string()
        ),
        (StatusCode::UNPROCESSABLE_ENTITY, true)
    );

    let r = u.post_json("/api/v1/rules/distribusi", Some(&t), json!({"capaian_organisasi": "baik", "jumlah": {"sangat_baik": 2, "baik": 7, "butuh_perbaikan": 1}})).await;
    assert_eq!(r.json()["sesuai_pedoman"], true, "{}", r.teks());
    let r = u
        .post_json(
            "/api/v1/rules/distribusi",
            Some(&t),
            json!({"capaian_organisasi": "baik", "jumlah": {"baik": 10}}),
        )
        .await;
    let v = r.json();
    assert_eq!(v["sesuai_pedoman"], false);
    assert_eq!(v["modus"], "baik");
    let p = v["pelanggaran"].as_array().unwrap();
    let maks = p.iter().find(|x| x["batas"] == "maks").unwrap();
    assert_eq!(
        (
            maks["predikat"].clone(),
            maks["persen"].as_f64(),
            maks["aktual_persen"].as_f64(),
            maks["selisih_pegawai"].as_u64()
        ),
        (json!(["baik"]), Some(70.0), Some(100.0), Some(3))
    );
    let min = p.iter().find(|x| x["batas"] == "min").unwrap();
    assert_eq!(min["predikat"], json!(["butuh_perbaikan", "kurang"]));
    assert_eq!(min["selisih_pegawai"], 1);
    let r = u.post_json("/api/v1/rules/distribusi", Some(&t), json!({"capaian_organisasi": "sangat_kurang", "jumlah": {"sangat_baik": 1, "sangat_kurang": 9}})).await;
    assert_eq!(r.json()["modus"], "sangat_kurang");

    let tb = |q: &str| format!("/api/v1/rules/tugas-belajar?{q}");
    for (q, hasil) in [
        ("jenjang_pendidikan=s1&lokasi=dalam_negeri&akreditasi_pt=A&akreditasi_prodi=C&ipk=3.51", "sangat_baik"),
        ("jenjang_pendidikan=s1&lokasi=dalam_negeri&akreditasi_pt=A&akreditasi_prodi=C&ipk=3.50", "baik"),
        ("jenjang_pendidikan=s1&lokasi=dalam_negeri&akreditasi_pt=B&akreditasi_prodi=B&ipk=3.09", "butuh_perbaikan"),
        ("jenjang_pendidikan=s2&lokasi=dalam_negeri&akreditasi_pt=unggul&akreditasi_prodi=baik_sekali&ipk=2.99", "kurang"),
        ("jenjang_pendidikan=s3&lokasi=luar_negeri&ipk=3.20", "baik"),
    ] {
        let r = u.get(&tb(q), Some(&t)).await;
        assert_eq!(r.json(), json!({"predikat": hasil}), "{q}");
    }
    let r = u.get(&tb("jenjang_pendidikan=s1&lokasi=dalam_negeri&akreditasi_pt=A&akreditasi_prodi=C&ipk=4.5"), Some(&t)).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.json()["error"]["fields"]["ipk"].is_string());
    let r = u.get(&tb("jenjang_pendidikan=s1&lokasi=dalam_negeri&akreditasi_pt=C&akreditasi_prodi=C&ipk=3.5"), Some(&t)).await;
    assert_eq!(
        r.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "below the table's minimum accreditation"
    );
    assert!(r.json()["error"]["message"]
        .as_str()
        .unwrap()
        .contains("pejabat penilai"));

    let r = u
        .get(
            "/api/v1/rules/angka-kredit?jenjang=ahli_pertama&predikat=sangat_baik",
            Some(&t),
        )
        .await
        .json();
    assert_eq!(
        (
            r["angka_kredit"].as_f64(),
            r["koefisien"].as_f64(),
            r["persentase"].as_f64()
        ),
        (Some(18.75), Some(12.5), Some(150.0))
    );
    let r = u
        .get(
            "/api/v1/rules/angka-kredit?jenjang=ahli_pertama&predikat=baik&bulan=2",
            Some(&t),
        )
        .await
        .json();
    assert_eq!(r["angka_kredit"].as_f64(), Some(2.08));
    let r = u
        .get(
            "/api/v1/rules/angka-kredit?jenjang=guru&predikat=baik&bulan=13",
            Some(&t),
        )
        .await;
    let f = &r.json()["error"]["fields"];
    assert!(
        f["jenjang"].is_string() && f["bulan"].is_string(),
        "every bad field is named: {f}"
    );
}

async fn galat_api(u: &Uji) {
    let t = u.token("admin").await;
    let r = u
        .get(
            "/api/v1/rules/predikat?hasil_kerja=diatas_ekspektasi&perilaku=diatas_ekspektasi",
            None,
        )
        .await;
    assert_eq!(
        (r.status, kode_galat(&r)),
        (StatusCode::UNAUTHORIZED, "belum_masuk".into())
    );
    let r = u
        .kirim(
            Method::POST,
            "/api/v1/rules/distribusi",
            Some(&t),
            Some(("application/json", b"{\"capaian_organisasi\": ".to_vec())),
        )
        .await;
    assert_eq!(
        (r.status, kode_galat(&r)),
        (StatusCode::BAD_REQUEST, "permintaan_salah".into())
    );
    let r = u
        .post_json(
            "/api/v1/rules/distribusi",
            Some(&t),
            json!({"capaian_organisasi": "luar_biasa"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.json()["error"]["fields"]["capaian_organisasi"]
        .as_str()
        .unwrap()
        .contains("istimewa"));
    let r = u
        .post_json(
            "/api/v1/rules/distribusi",
            Some(&t),
            json!({"capaian_organisasi": "baik", "jumlah": {"baik": -1}}),
        )
        .await;
    assert!(r.json()["error"]["fields"]["jumlah.baik"].is_string());
    let r = u
        .post_json("/api/v1/auth/login", None, json!({"username": 5}))
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.teks());
    let r = u.get("/api/v1/tidak-ada", Some(&t)).await;
    assert_eq!(
        (r.status, kode_galat(&r)),
        (StatusCode::NOT_FOUND, "tidak_ditemukan".into())
    );
    let r = u.get("/api/v1/pegawai/1985031220100110", Some(&t)).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.json()["error"]["fields"]["nip"]
        .as_str()
        .unwrap()
        .contains("18 angka"));
    let r = u.get("/api/v1/pegawai/198503122010011999", Some(&t)).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = u.get("/api/v1/pegawai?limit=abc", Some(&t)).await;
    assert!(r.json()["error"]["fields"]["limit"].is_string());
    let oa = u.get("/api/openapi.json", None).await.json();
    for p in [
        "/api/v1/auth/login",
        "/api/v1/rules/predikat",
        "/api/v1/rules/distribusi",
        "/api/v1/rules/tugas-belajar",
        "/api/v1/rules/angka-kredit",
        "/api/v1/pegawai/{nip}/penilai",
    ] {
        assert!(oa["paths"][p].is_object(), "OpenAPI documents {p}");
    }
}

async fn penilai(u: &Uji) {
    let t = u.token("admin").await;
    let kabid = u.login("Kepala Bidang").username.clone();
    let kadis = u.login("Kepala Dinas").username.clone();
    let r = u
        .get(&format!("/api/v1/pegawai/{kabid}/penilai"), Some(&t))
        .await
        .json();
    assert_eq!(r["dasar"], "tabel_penilai");
    assert_eq!(r["pejabat_penilai"]["nip"], kadis.as_str());
    assert_eq!(
        r["atasan_pejabat_penilai"]["jabatan"], "Sekretaris Daerah",
        "Lampiran II: atasan of a Kepala Bidang is the Sekda, not the Wali Kota"
    );
    // The Sekda is rated by the Wali Kota, a non-ASN head without a NIP.
    let sekda = r["atasan_pejabat_penilai"]["nip"]
        .as_str()
        .unwrap()
        .to_string();
    let r = u
        .get(&format!("/api/v1/pegawai/{sekda}/penilai"), Some(&t))
        .await
        .json();
    assert!(r["pejabat_penilai"]["jabatan"]
        .as_str()
        .unwrap()
        .starts_with("Wali Kota"));
    assert!(r["pejabat_penilai"]["nip"].is_null());

    // Plt, Plh and a vacancy exist in the demo and are said so.
    let org = u
        .app
        .organisasi(u.app.instansi_utama().await.unwrap().id)
        .await
        .unwrap();
    let mut dasar = std::collections::HashSet::new();
    for h in org.penilai.values().flatten() {
        if let Some(p) = &h.pejabat_penilai {
            dasar.insert(p.dasar.kode());
        }
    }
    for d in ["tabel_penilai", "plt", "plh", "kekosongan"] {
        assert!(
            dasar.contains(d),
            "some pegawai's rater is decided by {d}: {dasar:?}"
        );
    }
    assert!(
        org.penilai.values().all(|h| h.is_ok()),
        "every demo pegawai resolves"
    );

    // Admin override wins, is explained, and can be removed.
    let jf = u.login("Jabatan Fungsional").username.clone();
    let put = |body: Value| {
        let uri = format!("/api/v1/pegawai/{jf}/penilai");
        let t = t.clone();
        async move {
            u.kirim(
                Method::PUT,
                &uri,
                Some(&t),
                Some(("application/json", body.to_string().into_bytes())),
            )
            .await
        }
    };
    let r =
        put(json!({"pejabat_penilai_nip": kabid, "alasan": "Penugasan khusus proyek aplikasi"}))
            .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.teks());
    let v = r.json();
    assert_eq!(
        (v["dasar"].as_str(), v["pejabat_penilai"]["nip"].as_str()),
        (Some("override"), Some(kabid.as_str()))
    );
    assert_eq!(v["alasan_override"], "Penugasan khusus proyek aplikasi");
    let r = put(json!({"pejabat_penilai_nip": "123", "alasan": ""})).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let f = &r.json()["error"]["fields"];
    assert!(
        f["pejabat_penilai_nip"].is_string() && f["alasan"].is_string(),
        "{f}"
    );
    let r = put(json!({"pejabat_penilai_nip": jf, "alasan": "x"})).await;
    assert_eq!(
        r.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "nobody rates themself"
    );
    let r = u
        .kirim(
            Method::DELETE,
            &format!("/api/v1/pegawai/{jf}/penilai"),
            Some(&t),
            None,
        )
        .await;
    assert_eq!(r.json()["dasar"], "tabel_penilai");
    let log = u
        .app
        .store
        .daftar_audit(u.app.instansi_utama().await.unwrap().id, 5)
        .await
        .unwrap();
    assert!(
        log.iter()
            .any(|e| e.entitas == "pengganti_penilai" && e.pelaku == "admin"),
        "the override is audited with who"
    );
}

async fn akses(u: &Uji) {
    let kasi = u.login("Kepala Seksi").username.clone();
    let jf = u.login("Jabatan Fungsional").username.clone();
    let kadis = u.login("Kepala Dinas").username.clone();
    let t_jf = u.token(&jf).await;
    let t_kasi = u.token(&kasi).await;
    // Admin-only operations.
    for uri in [
        "/api/v1/unit",
        "/api/v1/pegawai?q=a",
        "/api/v1/ekspor/pegawai",
    ] {
        let r = u.get(uri, Some(&t_jf)).await;
        assert_eq!(
            (r.status, kode_galat(&r)),
            (StatusCode::FORBIDDEN, "dilarang".into()),
            "{uri}"
        );
    }
    let r = u
        .kirim(
            Method::POST,
            "/api/v1/impor/pegawai",
            Some(&t_jf),
            Some(("text/csv", b"nip,nama\n".to_vec())),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = u
        .kirim(
            Method::PUT,
            &format!("/api/v1/pegawai/{jf}/penilai"),
            Some(&t_kasi),
            Some((
                "application/json",
                json!({"pejabat_penilai_nip": kadis, "alasan": "x"})
                    .to_string()
                    .into_bytes(),
            )),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "only an admin overrides");
    // Relationships: self, own rater, the rater's team.
    assert_eq!(
        u.get(&format!("/api/v1/pegawai/{jf}"), Some(&t_jf))
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(
        u.get(&format!("/api/v1/pegawai/{kasi}/penilai"), Some(&t_jf))
            .await
            .status,
        StatusCode::OK,
        "one's own rater"
    );
    let r = u
        .get(&format!("/api/v1/pegawai/{kasi}"), Some(&t_jf))
        .await
        .json();
    assert_eq!(
        r["dinilai"],
        json!([]),
        "a team member does not see the rater's team through the rater"
    );
    let r = u
        .get(&format!("/api/v1/pegawai/{kasi}"), Some(&t_kasi))
        .await
        .json();
    assert!(
        r["dinilai"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["nip"] == jf.as_str()),
        "the rater sees the team"
    );
    assert_eq!(
        u.get(&format!("/api/v1/pegawai/{jf}"), Some(&t_kasi))
            .await
            .status,
        StatusCode::OK
    );
    // No relation: answered as unknown.
    let r = u
        .get(&format!("/api/v1/pegawai/{kadis}"), Some(&t_jf))
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(!r.teks().contains(&kadis[..8]) || r.teks().contains("tidak ditemukan"));
}

fn csv(baris: &[&str]) -> Vec<u8> {
    baris.join("\n").into_bytes()
}

async fn impor_ekspor(u: &Uji) {
    let t = u.token("admin").await;
    let impor = |jenis: &'static str, isi: Vec<u8>| {
        let t = t.clone();
        async move {
            u.kirim(
                Method::POST,
                &format!("/api/v1/impor/{jenis}"),
                Some(&t),
                Some(("text/csv", isi)),
            )
            .await
        }
    };
    let sebelum = u
        .app
        .store
        .statistik(u.app.instansi_utama().await.unwrap().id)
        .await
        .unwrap();

    // A file with faults in several rows changes nothing and names every fault.
    let r = impor(
        "pegawai",
        csv(&[
            "nip,nama,status_asn,golongan,jabatan_kode,email",
            "199001012015011001,Budi Baru,pns,III/a,,budi@contoh.go.id",
            "19900101201501100,Salah Nip,pns,III/a,,",
            "199001012015011002,Golongan Salah,pns,III/f,,",
            "199001012015011003,Jabatan Hilang,pppk,IX,TIDAK-ADA,",
            "199001012015011004,,honorer,II/a,,bukan-email",
        ]),
    )
    .await;
    assert_eq!(
        (r.status, kode_galat(&r)),
        (StatusCode::UNPROCESSABLE_ENTITY, "impor_ditolak".into()),
        "{}",
        r.teks()
    );
    let f = r.json()["error"]["fields"].clone();
    for k in [
        "pegawai[3].nip",
        "pegawai[4].golongan",
        "pegawai[5].jabatan_kode",
        "pegawai[6].nama",
        "pegawai[6].status_asn",
        "pegawai[6].email",
    ] {
        assert!(f[k].is_string(), "fault {k} is named: {f}");
    }
    let sesudah = u
        .app
        .store
        .statistik(u.app.instansi_utama().await.unwrap().id)
        .await
        .unwrap();
    assert_eq!(sebelum.pegawai, sesudah.pegawai, "nothing half-written");

    for (isi, perihal) in [
        (Vec::new(), "kosong"),
        (vec![0u8, 159, 146, 150, 0, 1, 2], "bukan CSV"),
    ] {
        let r = impor("pegawai", isi).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            r.json()["error"]["message"]
                .as_str()
                .unwrap()
                .contains(perihal),
            "{}",
            r.teks()
        );
    }
    let r = impor("pegawai", csv(&["nama,golongan", "A,III/a"])).await;
    assert!(
        r.json()["error"]["fields"]["pegawai[1].nip"].is_string(),
        "a missing column is named"
    );
    let r = impor("gaji", csv(&["a"])).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);

    // A valid file: a new unit, a position under an existing one, a pegawai in it; with
    // semicolons, as spreadsheets in Indonesian locale save CSV.
    let kabid = u
        .get(
            &format!("/api/v1/pegawai/{}", u.login("Kepala Bidang").username),
            Some(&t),
        )
        .await
        .json();
    let unit_kabid = kabid["pegawai"]["unit_id"].as_i64().unwrap();
    let unit_kode = u
        .get(&format!("/api/v1/unit/{unit_kabid}"), Some(&t))
        .await
        .json()["unit"]["kode"]
        .as_str()
        .unwrap()
        .to_string();
    let r = impor(
        "unit",
        csv(&[
            "kode;nama;induk_kode;tipe_lampiran",
            &format!("UJI-SEKSI;Seksi Uji Coba;{unit_kode};"),
        ]),
    )
    .await;
    assert_eq!(r.json()["unit_baru"], 1, "{}", r.teks());
    let r = impor("jabatan", csv(&["kode,unit_kode,nama,jenis_jabatan,jenjang,posisi_lampiran,atasan_kode", "UJI-JF,UJI-SEKSI,Pranata Komputer Ahli Pertama,fungsional,ahli_pertama,Jabatan Fungsional/Pelaksana pada Bidang,"])).await;
    assert_eq!(r.json()["jabatan_baru"], 1, "{}", r.teks());
    let r = impor(
        "pegawai",
        csv(&[
            "nip,nama,status_asn,golongan,jabatan_kode,email",
            "199912312024121001,<script>alert('x')</script> Putra,pppk,IX,UJI-JF,",
        ]),
    )
    .await;
    assert_eq!(r.json()["pegawai_baru"], 1, "{}", r.teks());

    // Export then import: nothing changes (CSV per kind, and the whole XLSX workbook).
    for jenis in ["unit", "jabatan", "pegawai"] {
        let e = u
            .get(&format!("/api/v1/ekspor/{jenis}?format=csv"), Some(&t))
            .await;
        assert_eq!(e.status, StatusCode::OK);
        let r = impor(jenis, e.body).await;
        let v = r.json();
        for k in [
            "unit_baru",
            "unit_diubah",
            "jabatan_baru",
            "jabatan_diubah",
            "pegawai_baru",
            "pegawai_diubah",
        ] {
            assert_eq!(v[k], 0, "{jenis} round trip: {v}");
        }
    }
    let x = u
        .get("/api/v1/ekspor/organisasi?format=xlsx", Some(&t))
        .await;
    assert!(x.body.starts_with(b"PK"), "an XLSX workbook");
    let r = u
        .kirim(
            Method::POST,
            "/api/v1/impor/organisasi",
            Some(&t),
            Some(("application/octet-stream", x.body.clone())),
        )
        .await;
    assert_eq!(
        r.json(),
        json!({"unit_baru": 0, "unit_diubah": 0, "jabatan_baru": 0, "jabatan_diubah": 0, "pegawai_baru": 0, "pegawai_diubah": 0}),
        "{}",
        r.teks()
    );
    // NIPs stay text in the workbook (18 digits intact).
    use calamine::{Reader, Xlsx};
    let mut wb: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(x.body)).unwrap();
    let rg = wb.worksheet_range("pegawai").unwrap();
    assert!(matches!(rg.get((1, 0)), Some(calamine::Data::String(s)) if s.len() == 18));
}

async fn halaman(u: &Uji) {
    // Logged out: the login page, with security headers.
    let r = u.get("/", None).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = u.get("/masuk", None).await;
    assert_eq!(r.status, StatusCode::OK);
    let csp = r
        .headers
        .get(header::CONTENT_SECURITY_POLICY)
        .unwrap()
        .to_str()
        .unwrap();
    assert!(
        csp.contains("script-src 'self'")
            && csp.contains("frame-ancestors 'none'")
            && !csp.contains("unsafe-inline")
    );
    assert_eq!(
        r.headers.get(header::X_CONTENT_TYPE_OPTIONS).unwrap(),
        "nosniff"
    );
    assert!(!r.teks().contains("<script"), "no inline script");

    // Browser login sets an HttpOnly, SameSite cookie.
    let form = format!(
        "username=admin&password={}",
        kinerja_app::demo::PASSWORD_DEMO
    );
    let r = u
        .kirim(
            Method::POST,
            "/masuk",
            None,
            Some(("application/x-www-form-urlencoded", form.into_bytes())),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let cookie = r
        .headers
        .get(header::SET_COOKIE)
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    let token = cookie
        .split(';')
        .next()
        .unwrap()
        .split_once('=')
        .unwrap()
        .1
        .to_string();
    let halaman = |uri: &str| {
        let uri = uri.to_string();
        let c = format!("kinerja_sesi={token}");
        async move {
            let req = Request::builder()
                .uri(&uri)
                .header(header::COOKIE, c)
                .body(Body::empty())
                .unwrap();
            let res = u.router.clone().oneshot(req).await.unwrap();
            let s = res.status();
            (
                s,
                String::from_utf8(
                    axum::body::to_bytes(res.into_body(), usize::MAX)
                        .await
                        .unwrap()
                        .to_vec(),
                )
                .unwrap(),
            )
        }
    };
    let (s, h) = halaman("/").await;
    assert_eq!(s, StatusCode::OK);
    assert!(h.contains("Beranda Admin BKPSDM"));
    let (_, h) = halaman("/pegawai?q=Putra").await;
    assert!(
        h.contains("&lt;script&gt;") && !h.contains("<script>alert"),
        "names are escaped"
    );
    let nip = u.login("Kepala Bidang").username.clone();
    let (s, h) = halaman(&format!("/pegawai/{nip}")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        h.contains("Sekretaris Daerah")
            && h.contains("Tabel pejabat penilai instansi (Lampiran II)")
    );
    let (s, h) = halaman("/organisasi").await;
    assert_eq!(s, StatusCode::OK);
    assert!(h.contains("pohon-unit") && h.contains("Sekretariat Daerah"));
    let (s, h) = halaman("/kalkulator?alat=tugas_belajar&jenjang_pendidikan=s1&lokasi=dalam_negeri&akreditasi_pt=A&akreditasi_prodi=C&ipk=4.5").await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        h.contains("IPK harus antara"),
        "calculator errors are shown on the page"
    );
    let (s, _) = halaman("/tidak-ada").await;
    assert_eq!(s, StatusCode::NOT_FOUND);

    // A state-changing form without the CSRF token is refused.
    let req = Request::builder()
        .method(Method::POST)
        .uri("/keluar")
        .header(header::COOKIE, format!("kinerja_sesi={token}"))
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from("csrf=salah"))
        .unwrap();
    assert_eq!(
        u.router.clone().oneshot(req).await.unwrap().status(),
        StatusCode::FORBIDDEN
    );
    // A login form posted from another site is refused.
    let req = Request::builder()
        .method(Method::POST)
        .uri("/masuk")
        .header(header::HOST, "kinerja.example")
        .header(header::ORIGIN, "https://jahat.example")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from("username=admin&password=demo12345"))
        .unwrap();
    assert_eq!(
        u.router.clone().oneshot(req).await.unwrap().status(),
        StatusCode::FORBIDDEN
    );

    // English is a user setting.
    let admin = u
        .app
        .store
        .akun_by_username("admin")
        .await
        .unwrap()
        .unwrap();
    u.app.store.ubah_bahasa(admin.id, "en").await.unwrap();
    let (_, h) = halaman("/").await;
    assert!(h.contains("BKPSDM admin home") && h.contains("lang=\"en\""));
    u.app.store.ubah_bahasa(admin.id, "id").await.unwrap();
    // A pegawai does not reach admin pages.
    let jf = u.login("Jabatan Fungsional").username.clone();
    let t = u.token(&jf).await;
    let req = Request::builder()
        .uri("/organisasi")
        .header(header::AUTHORIZATION, format!("Bearer {t}"))
        .body(Body::empty())
        .unwrap();
    assert_eq!(
        u.router.clone().oneshot(req).await.unwrap().status(),
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn web_sqlite() {
    let dir = std::env::temp_dir().join(format!("kinerja-web-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("web.db");
    let _ = std::fs::remove_file(&path);
    let store = kinerja_store_sqlite::buka(path.to_str().unwrap())
        .await
        .unwrap();
    let u = Uji::baru(Arc::new(store)).await;
    semua(&u).await;
    // Loading the demo again is harmless.
    let r = u.app.muat_demo(2026).await.unwrap();
    assert_eq!((r.impor.pegawai_baru, r.impor.pegawai_diubah), (0, 0));
    assert_eq!(
        r.akun_baru, 1,
        "only the pegawai imported by the test gets a new account"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn web_postgres() {
    let Some(db) = kinerja_store_postgres::uji::DatabaseUji::buat("web").await else {
        return;
    };
    let store = kinerja_store_postgres::buka(&db.url).await.unwrap();
    kinerja_store_postgres::migrasi(&store).await.unwrap();
    let u = Uji::baru(Arc::new(store)).await;
    semua(&u).await;
    drop(u);
    db.hapus().await;
}
