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

#[path = "skp/api.rs"]
mod skp_api;

#[path = "pelaksanaan/api.rs"]
mod pelaksanaan_api;

#[path = "pelaksanaan/halaman.rs"]
mod pelaksanaan_halaman;

#[path = "pelaksanaan/unggah.rs"]
mod pelaksanaan_unggah;

#[path = "evaluasi/api.rs"]
mod evaluasi_api;

#[path = "evaluasi/halaman.rs"]
mod evaluasi_halaman;

#[path = "laporan/api.rs"]
mod laporan_api;

#[path = "dokumen/api.rs"]
mod dokumen_api;

#[path = "profil/api.rs"]
mod profil_api;

#[path = "penghargaan/api.rs"]
mod penghargaan_api;

#[path = "sanksi/api.rs"]
mod sanksi_api;

#[path = "pemantauan/api.rs"]
mod pemantauan_api;

#[path = "talenta/api.rs"]
mod talenta_api;

#[path = "masuk/api.rs"]
mod masuk_api;

#[path = "keluaran/mod.rs"]
mod keluaran;

#[path = "akses/matriks.rs"]
mod akses_matriks;

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

/// A suffix that differs between the runs of one process.
fn rand_suffix() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(0);
    N.fetch_add(1, Ordering::Relaxed)
}

impl Uji {
    async fn baru(store: Arc<dyn Store>) -> Uji {
        let mut app = App::new(store);
        // Each run keeps its generated files apart (both databases run at once).
        app.direktori_berkas = std::env::temp_dir().join(format!(
            "kinerja-uji-berkas-{}-{}",
            std::process::id(),
            rand_suffix()
        ));
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

    /// A browser form post (`application/x-www-form-urlencoded`).
    async fn post_form(&self, uri: &str, token: Option<&str>, isian: &[(&str, &str)]) -> Jawab {
        self.kirim(
            Method::POST,
            uri,
            token,
            Some((
                "application/x-www-form-urlencoded",
                urlencode(isian).into_bytes(),
            )),
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
    masuk_api::semua(u).await;
    kalkulator(u).await;
    galat_api(u).await;
    penilai(u).await;
    akses(u).await;
    impor_ekspor(u).await;
    halaman(u).await;
    skp_api::semua(u).await;
    pelaksanaan_api::semua(u).await;
    halaman_skp(u).await;
    pelaksanaan_halaman::semua(u).await;
    evaluasi_api::semua(u).await;
    evaluasi_halaman::semua(u).await;
    laporan_api::semua(u).await;
    dokumen_api::semua(u).await;
    penghargaan_api::semua(u).await;
    sanksi_api::semua(u).await;
    pemantauan_api::semua(u).await;
    talenta_api::semua(u).await;
    // Last: it changes the instansi's profile.
    profil_api::semua(u).await;
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

fn urlencode(isian: &[(&str, &str)]) -> String {
    let enc = |s: &str| {
        s.bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                    (b as char).to_string()
                }
                b' ' => "+".to_string(),
                _ => format!("%{b:02X}"),
            })
            .collect::<String>()
    };
    isian
        .iter()
        .map(|(k, v)| format!("{}={}", enc(k), enc(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// The value of the first `<input name="…" value="…">` of that name in a page.
fn nilai_input(html: &str, nama: &str) -> String {
    let pola = format!("name=\"{nama}\" value=\"");
    let i = html
        .find(&pola)
        .unwrap_or_else(|| panic!("no input {nama} in the page"))
        + pola.len();
    html[i..].split('"').next().unwrap().to_string()
}

fn lokasi(r: &Jawab) -> String {
    r.headers
        .get(header::LOCATION)
        .unwrap_or_else(|| panic!("no redirect ({}): {}", r.status, r.teks()))
        .to_str()
        .unwrap()
        .to_string()
}

/// The planning pages: each for the right people only, forms need the CSRF token and the
/// version they were read at, and a refused form shows the page again with nothing written.
async fn halaman_skp(u: &Uji) {
    let jf = u.login("Jabatan Fungsional").username.clone();
    let kasi = u.login("Kepala Seksi").username.clone();
    let kadis = u.login("Kepala Dinas").username.clone();
    let pl = u.login("Pelaksana").username.clone();
    let (t_jf, t_kasi, t_kadis, t_pl, t_admin) = (
        u.token(&jf).await,
        u.token(&kasi).await,
        u.token(&kadis).await,
        u.token(&pl).await,
        u.token("admin").await,
    );
    let api_skp = |id: i64, t: String| async move {
        u.get(&format!("/api/v1/skp/{id}"), Some(&t)).await.json()
    };

    // "SKP Saya": start the year's SKP (a form with the CSRF token).
    let r = u.get("/skp?tahun=2029", Some(&t_jf)).await;
    assert_eq!(r.status, StatusCode::OK);
    let h = r.teks();
    assert!(
        h.contains("SKP Saya") && h.contains("form-mulai-skp"),
        "{h}"
    );
    let csrf_jf = nilai_input(&h, "csrf");
    let mulai = [("tahun", "2029"), ("salin_tahun_lalu", "1")];
    let r = u.post_form("/skp", Some(&t_jf), &mulai).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "no CSRF token, no change");
    let dengan =
        |csrf: &str, isian: &[(&'static str, &'static str)]| -> Vec<(&'static str, String)> {
            let mut v: Vec<(&str, String)> = vec![("csrf", csrf.to_string())];
            v.extend(isian.iter().map(|(k, x)| (*k, x.to_string())));
            v
        };
    let kirim = |uri: String, t: String, v: Vec<(&'static str, String)>| async move {
        let isian: Vec<(&str, &str)> = v.iter().map(|(k, x)| (*k, x.as_str())).collect();
        u.post_form(&uri, Some(&t), &isian).await
    };
    let r = kirim("/skp".into(), t_jf.clone(), dengan(&csrf_jf, &mulai)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.teks());
    let id: i64 = lokasi(&r).trim_start_matches("/skp/").parse().unwrap();
    let r = kirim("/skp".into(), t_jf.clone(), dengan(&csrf_jf, &mulai)).await;
    assert_eq!(r.status, StatusCode::CONFLICT, "a second SKP of the year");
    assert!(r.teks().contains("sudah memiliki SKP tahun 2029"));

    // The SKP page: the pegawai, their rater and the admin; nobody else.
    let halaman = format!("/skp/{id}");
    let r = u.get(&halaman, Some(&t_jf)).await;
    assert_eq!(r.status, StatusCode::OK);
    let h = r.teks();
    assert!(h.contains("form-rhk-baru") && h.contains("Berorientasi Pelayanan"));
    let versi = nilai_input(&h, "version");
    for (t, status) in [
        (&t_kasi, StatusCode::OK),
        (&t_admin, StatusCode::OK),
        (&t_pl, StatusCode::NOT_FOUND),
        (&t_kadis, StatusCode::NOT_FOUND),
    ] {
        assert_eq!(u.get(&halaman, Some(t)).await.status, status);
    }
    assert!(
        !u.get(&halaman, Some(&t_kasi))
            .await
            .teks()
            .contains("form-rhk-baru"),
        "only the pegawai edits the content"
    );
    assert_eq!(
        u.get("/skp/abc", Some(&t_jf)).await.status,
        StatusCode::NOT_FOUND
    );

    // Add an RHK: without CSRF refused; a rule broken re-renders with 422 and writes nothing;
    // a stale version is 409.
    let rhk_uri = format!("/skp/{id}/rhk");
    let rhk = |csrf: &str, versi: &str, uraian: &str| {
        vec![
            ("csrf", csrf.to_string()),
            ("version", versi.to_string()),
            ("jenis", "utama".to_string()),
            ("uraian", uraian.to_string()),
            ("aspek", "kuantitas".to_string()),
            (
                "indikator",
                "Persentase layanan aplikasi yang tersedia".to_string(),
            ),
            ("target", "90–95 %".to_string()),
        ]
    };
    let r = kirim(
        rhk_uri.clone(),
        t_jf.clone(),
        rhk("salah", &versi, "Layanan"),
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = kirim(rhk_uri.clone(), t_jf.clone(), rhk(&csrf_jf, &versi, "  ")).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let h = r.teks();
    assert!(
        h.contains("Uraian RHK wajib diisi") && h.contains("data-testid=\"galat-form\""),
        "the message by the form"
    );
    assert!(
        h.contains("Persentase layanan aplikasi yang tersedia"),
        "what was typed is kept"
    );
    let v = api_skp(id, t_jf.clone()).await;
    assert_eq!(
        (
            v["skp"]["rhk"].as_array().unwrap().len(),
            v["version"].to_string()
        ),
        (0, versi.clone())
    );
    let basi = (versi.parse::<i64>().unwrap() + 7).to_string();
    let r = kirim(
        rhk_uri.clone(),
        t_jf.clone(),
        rhk(&csrf_jf, &basi, "Layanan"),
    )
    .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(r.teks().contains("SKP telah diubah sejak Anda membukanya"));
    let r = kirim(
        rhk_uri.clone(),
        t_jf.clone(),
        rhk(&csrf_jf, &versi, "Tersedianya layanan aplikasi"),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.teks());
    assert_eq!(lokasi(&r), format!("/skp/{id}#hasil-kerja"));
    let h = u.get(&halaman, Some(&t_jf)).await.teks();
    assert!(h.contains("Tersedianya layanan aplikasi") && h.contains("90–95 %"));

    // Lampiran, one item per line; then submit.
    let versi = nilai_input(&h, "version");
    let r = kirim(
        format!("/skp/{id}/lampiran"),
        t_jf.clone(),
        vec![
            ("csrf", csrf_jf.clone()),
            ("version", versi),
            (
                "dukungan_sumber_daya",
                "Server\r\nAnggaran pemeliharaan".into(),
            ),
            ("skema_pertanggungjawaban", "Laporan bulanan".into()),
            ("konsekuensi", "".into()),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.teks());
    let v = api_skp(id, t_jf.clone()).await;
    assert_eq!(
        v["skp"]["lampiran"]["dukungan_sumber_daya"],
        json!(["Server", "Anggaran pemeliharaan"])
    );
    let versi = v["version"].to_string();
    let r = kirim(
        format!("/skp/{id}/ajukan"),
        t_jf.clone(),
        vec![("csrf", csrf_jf.clone()), ("version", versi)],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.teks());

    // The rater: returning needs a note (422, still submitted); setting makes version 1.
    let r = u.get(&halaman, Some(&t_kasi)).await;
    let h = r.teks();
    assert!(h.contains("data-testid=\"tetapkan\"") && h.contains("data-testid=\"kembalikan\""));
    let csrf_kasi = nilai_input(&h, "csrf");
    let versi = nilai_input(&h, "version");
    let r = kirim(
        format!("/skp/{id}/kembalikan"),
        t_kasi.clone(),
        vec![
            ("csrf", csrf_kasi.clone()),
            ("version", versi.clone()),
            ("catatan", " ".into()),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.teks().contains("Catatan pengembalian wajib diisi"));
    assert_eq!(api_skp(id, t_jf.clone()).await["skp"]["status"], "diajukan");
    let r = kirim(
        format!("/skp/{id}/ajukan"),
        t_kasi.clone(),
        vec![("csrf", csrf_kasi.clone()), ("version", versi.clone())],
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "only the pegawai submits");
    let r = kirim(
        format!("/skp/{id}/tetapkan"),
        t_kasi.clone(),
        vec![("csrf", csrf_kasi.clone()), ("version", versi)],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.teks());
    let h = u.get(&halaman, Some(&t_jf)).await.teks();
    assert!(h.contains("Versi ditetapkan: 1") && h.contains(&format!("/skp/{id}/versi/1")));
    let r = u.get(&format!("/skp/{id}/versi/1"), Some(&t_jf)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.teks().contains("Tersedianya layanan aplikasi"));
    assert_eq!(
        u.get(&format!("/skp/{id}/versi/1"), Some(&t_pl))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        u.get(&format!("/skp/{id}/versi/9"), Some(&t_jf))
            .await
            .status,
        StatusCode::NOT_FOUND
    );

    // The rater's list shows the team with their state.
    let h = u.get("/skp?tahun=2029", Some(&t_kasi)).await.teks();
    assert!(h.contains("SKP tim yang saya nilai") && h.contains(&format!("href=\"/skp/{id}\"")));
    assert!(h.contains("Ditetapkan") && h.contains("/matriks?tahun=2029"));

    // Matriks peran hasil: for a leader; the admin has none.
    let r = u.get("/matriks?tahun=2029", Some(&t_kasi)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(
        r.teks().contains("matriks-tanpa-skp"),
        "no columns before the leader's SKP"
    );
    assert_eq!(
        u.get("/matriks?tahun=2029", Some(&t_admin)).await.status,
        StatusCode::FORBIDDEN
    );
    // The leader's SKP with one RHK (the columns), and the Pelaksana's SKP (a row).
    let r = kirim("/skp".into(), t_kasi.clone(), dengan(&csrf_kasi, &mulai)).await;
    let id_kasi: i64 = lokasi(&r).trim_start_matches("/skp/").parse().unwrap();
    let v = api_skp(id_kasi, t_kasi.clone()).await;
    let mut isian = rhk(
        &csrf_kasi,
        &v["version"].to_string(),
        "Terkelolanya layanan infrastruktur",
    );
    isian.retain(|(k, _)| *k != "target");
    isian.push(("target", "12 laporan".into()));
    let r = kirim(format!("/skp/{id_kasi}/rhk"), t_kasi.clone(), isian).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.teks());
    let kolom = api_skp(id_kasi, t_kasi.clone()).await["skp"]["rhk"][0]["id"].to_string();
    let csrf_pl = nilai_input(&u.get("/skp", Some(&t_pl)).await.teks(), "csrf");
    let r = kirim("/skp".into(), t_pl.clone(), dengan(&csrf_pl, &mulai)).await;
    let id_pl: i64 = lokasi(&r).trim_start_matches("/skp/").parse().unwrap();
    let versi_pl = api_skp(id_pl, t_pl.clone()).await["version"].to_string();
    let h = u.get("/matriks?tahun=2029", Some(&t_kasi)).await.teks();
    assert!(h.contains("Terkelolanya layanan infrastruktur") && h.contains(&format!("baris-{pl}")));
    let sel = |csrf: &str, uraian: &str| {
        vec![
            ("csrf", csrf.to_string()),
            ("tahun", "2029".to_string()),
            ("nip", pl.clone()),
            ("rhk_pimpinan_id", kolom.clone()),
            ("rhk_id", String::new()),
            ("version", versi_pl.clone()),
            ("uraian", uraian.to_string()),
            ("jenis", "utama".to_string()),
            ("dasar_kaskade", "tahapan".to_string()),
            ("aspek", "kuantitas".to_string()),
            ("indikator", "Jumlah laporan pemeliharaan".to_string()),
            ("target", "12 laporan".to_string()),
        ]
    };
    let r = kirim(
        "/matriks".into(),
        t_kasi.clone(),
        sel("salah", "Pemeliharaan"),
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = kirim("/matriks".into(), t_kasi.clone(), sel(&csrf_kasi, "")).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.teks().contains("Uraian RHK wajib diisi"));
    assert_eq!(api_skp(id_pl, t_pl.clone()).await["skp"]["rhk"], json!([]));
    let r = kirim(
        "/matriks".into(),
        t_kasi.clone(),
        sel(&csrf_kasi, "Terpeliharanya server"),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.teks());
    assert_eq!(lokasi(&r), format!("/matriks?tahun=2029#baris-{pl}"));
    let h = u.get(&format!("/skp/{id_pl}"), Some(&t_pl)).await.teks();
    assert!(
        h.contains("Terpeliharanya server") && h.contains("Terkelolanya layanan infrastruktur"),
        "the cell is an RHK of the member's SKP, naming the leader's RHK it intervenes"
    );
    let r = kirim(
        "/matriks".into(),
        t_jf.clone(),
        sel(&csrf_jf, "Bukan tim saya"),
    )
    .await;
    assert_eq!(
        r.status,
        StatusCode::NOT_FOUND,
        "only the member's rater writes a cell; to others the member is unknown"
    );

    // Penugasan from another leader goes through the rater.
    let r = u.get("/penugasan?tahun=2029", Some(&t_kadis)).await;
    assert_eq!(r.status, StatusCode::OK);
    let csrf_kadis = nilai_input(&r.teks(), "csrf");
    let tugas = |csrf: &str, uraian: &str| {
        vec![
            ("csrf", csrf.to_string()),
            ("nip", jf.clone()),
            ("tahun", "2029".to_string()),
            ("uraian", uraian.to_string()),
            ("ekspektasi", "Selesai akhir triwulan".to_string()),
        ]
    };
    let r = kirim(
        "/penugasan".into(),
        t_kadis.clone(),
        tugas("", "Kajian keamanan"),
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = kirim(
        "/penugasan".into(),
        t_kadis.clone(),
        tugas(&csrf_kadis, " "),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.teks().contains("Uraian penugasan wajib diisi"));
    let r = kirim(
        "/penugasan".into(),
        t_kadis.clone(),
        tugas(&csrf_kadis, "Kajian keamanan aplikasi"),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.teks());
    assert!(
        !u.get("/penugasan?tahun=2029", Some(&t_jf))
            .await
            .teks()
            .contains("Kajian keamanan aplikasi"),
        "the pegawai does not see it before the rater decides"
    );
    let h = u.get("/penugasan?tahun=2029", Some(&t_kasi)).await.teks();
    assert!(h.contains("Kajian keamanan aplikasi") && h.contains("form-terima"));
    let masuk = u
        .get("/api/v1/penugasan?kotak=masuk&tahun=2029", Some(&t_kasi))
        .await
        .json();
    let pid = masuk
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["uraian"] == "Kajian keamanan aplikasi")
        .expect("the assignment waits for the rater")["id"]
        .to_string();
    let versi_jf = api_skp(id, t_jf.clone()).await["version"].to_string();
    let terima = |versi: &str, indikator: &str| {
        vec![
            ("csrf", csrf_kasi.clone()),
            ("tahun", "2029".to_string()),
            ("version", versi.to_string()),
            ("jenis", "tambahan".to_string()),
            ("uraian", "Kajian keamanan aplikasi".to_string()),
            ("aspek", "kualitas".to_string()),
            ("indikator", indikator.to_string()),
            ("target", "1 dokumen".to_string()),
        ]
    };
    let r = kirim(
        format!("/penugasan/{pid}/terima"),
        t_kasi.clone(),
        terima(&versi_jf, ""),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = kirim(
        format!("/penugasan/{pid}/tolak"),
        t_kasi.clone(),
        vec![("csrf", csrf_kasi.clone()), ("alasan", "".into())],
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.teks().contains("Alasan penolakan wajib diisi"));
    let r = kirim(
        format!("/penugasan/{pid}/terima"),
        t_kadis.clone(),
        terima(&versi_jf, "Dokumen kajian"),
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "csrf of another session");
    let r = kirim(
        format!("/penugasan/{pid}/terima"),
        t_kasi.clone(),
        terima(&versi_jf, "Dokumen kajian"),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.teks());
    let h = u.get(&halaman, Some(&t_jf)).await.teks();
    assert!(h.contains("Kajian keamanan aplikasi") && h.contains("Versi ditetapkan: 2"));
    assert!(u
        .get("/penugasan?tahun=2029", Some(&t_jf))
        .await
        .teks()
        .contains("Kajian keamanan aplikasi"));

    // Monitoring (admin) and mutasi.
    let r = u.get("/skp/monitoring?tahun=2029", Some(&t_admin)).await;
    assert_eq!(r.status, StatusCode::OK);
    let h = r.teks();
    assert!(h.contains("Monitoring SKP") && h.contains("rekap-total"));
    let csrf_admin = nilai_input(&h, "csrf");
    assert_eq!(
        u.get("/skp/monitoring", Some(&t_jf)).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        u.get("/skp", Some(&t_admin)).await.status,
        StatusCode::SEE_OTHER
    );
    let r = u
        .post_form("/skp/monitoring", Some(&t_admin), &[("tahun", "2027")])
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = u
        .post_form(
            "/skp/monitoring",
            Some(&t_admin),
            &[("csrf", &csrf_admin), ("tahun", "1999")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.teks().contains("Tahun di luar"));
    let inst = u.app.instansi_utama().await.unwrap().id;
    let t = u
        .app
        .store
        .tugas_terakhir(inst, "mulai_tahun", 1999)
        .await
        .unwrap();
    assert!(t.is_none(), "no job started");
    let mutasi = format!("/pegawai/{pl}/mutasi");
    let r = u
        .post_form(
            &mutasi,
            Some(&t_admin),
            &[("jabatan_kode", "X"), ("tanggal", "2026-07-01")],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = u
        .post_form(
            &mutasi,
            Some(&t_admin),
            &[
                ("csrf", &csrf_admin),
                ("jabatan_kode", "TIDAK-ADA"),
                ("tanggal", "1-7-2026"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.teks().contains("data-testid=\"galat-mutasi\""));
    assert_eq!(
        api_skp(id_pl, t_pl.clone()).await["skp"]["status"],
        "draf",
        "nothing written"
    );
    let r = u
        .post_form(
            &mutasi,
            Some(&t_jf),
            &[
                ("csrf", &csrf_jf),
                ("jabatan_kode", "X"),
                ("tanggal", "2026-07-01"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "admin only");
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

/// The access matrix on its own fresh demo (it changes T's data and sessions).
#[tokio::test]
async fn akses_matriks_sqlite() {
    let dir = std::env::temp_dir().join(format!("kinerja-akses-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("akses.db");
    let _ = std::fs::remove_file(&path);
    let store = kinerja_store_sqlite::buka(path.to_str().unwrap())
        .await
        .unwrap();
    let u = Uji::baru(Arc::new(store)).await;
    akses_matriks::semua(&u).await;
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn akses_matriks_postgres() {
    let Some(db) = kinerja_store_postgres::uji::DatabaseUji::buat("akses").await else {
        return;
    };
    let store = kinerja_store_postgres::buka(&db.url).await.unwrap();
    kinerja_store_postgres::migrasi(&store).await.unwrap();
    let u = Uji::baru(Arc::new(store)).await;
    akses_matriks::semua(&u).await;
    drop(u);
    db.hapus().await;
}

/// Output escaping, headers, cookies and CSRF on their own fresh demo (they store hostile text
/// everywhere and post every form).
#[tokio::test]
async fn keluaran_sqlite() {
    let dir = std::env::temp_dir().join(format!("kinerja-keluaran-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("keluaran.db");
    let _ = std::fs::remove_file(&path);
    let store = kinerja_store_sqlite::buka(path.to_str().unwrap())
        .await
        .unwrap();
    let u = Uji::baru(Arc::new(store)).await;
    keluaran::semua(&u).await;
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn keluaran_postgres() {
    let Some(db) = kinerja_store_postgres::uji::DatabaseUji::buat("keluaran").await else {
        return;
    };
    let store = kinerja_store_postgres::buka(&db.url).await.unwrap();
    kinerja_store_postgres::migrasi(&store).await.unwrap();
    let u = Uji::baru(Arc::new(store)).await;
    keluaran::semua(&u).await;
    drop(u);
    db.hapus().await;
}

/// Hostile uploads (content that lies, a zip bomb, names with paths) on a fresh demo database.
#[tokio::test]
async fn unggah_sqlite() {
    let dir = std::env::temp_dir().join(format!("kinerja-unggah-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("unggah.db");
    let _ = std::fs::remove_file(&path);
    let store = kinerja_store_sqlite::buka(path.to_str().unwrap())
        .await
        .unwrap();
    let u = Uji::baru(Arc::new(store)).await;
    pelaksanaan_unggah::semua(&u).await;
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn unggah_postgres() {
    let Some(db) = kinerja_store_postgres::uji::DatabaseUji::buat("unggah").await else {
        return;
    };
    let store = kinerja_store_postgres::buka(&db.url).await.unwrap();
    kinerja_store_postgres::migrasi(&store).await.unwrap();
    let u = Uji::baru(Arc::new(store)).await;
    pelaksanaan_unggah::semua(&u).await;
    drop(u);
    db.hapus().await;
}
