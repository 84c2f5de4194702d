//! Login protection and passwords, early in the journeys (every password it changes and the
//! policy profile it edits are put back; its failed logins come from addresses of its own, so
//! the other journeys' logins are not limited): an unknown name and a wrong password answered
//! byte for byte alike, each with exactly one argon2 verification, and alike again once limited
//! (429, `Retry-After`, no verification, the right password refused too); the per-address limit
//! counting failures only; `X-Forwarded-For` trusted only when configured; the lockout policy
//! edited in the profile (422 per field for nonsense) locking a name until an admin reset; a
//! password change by its owner (422 on the old or a weak new one, limited like a login; the
//! other sessions and tokens end, this one stays); an admin reset (403 for a pegawai, 404 for an
//! unknown account; every session ends), both through the API and the pages with CSRF, both
//! audited without the password; tokens and sessions that expire or are logged out stay dead;
//! the new operations in OpenAPI.

use super::pelaksanaan_api::{galat, ok};
use super::{lokasi, nilai_input, urlencode, Jawab, Uji};
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{header, HeaderMap, Method, Request, StatusCode};
use kinerja_app::demo::PASSWORD_DEMO;
use kinerja_app::masuk::hitung_verifikasi;
use serde_json::{json, Value};
use std::net::SocketAddr;
use tower::ServiceExt;

/// A request as the network would bring it: from a peer address (axum's `ConnectInfo`, as
/// `kinerja serve` sets it), with extra headers.
struct Minta<'a> {
    router: &'a axum::Router,
    dari: Option<&'a str>,
    kepala: Vec<(&'static str, String)>,
}

impl<'a> Minta<'a> {
    fn dari(u: &'a Uji, alamat: &'a str) -> Self {
        Minta {
            router: &u.router,
            dari: Some(alamat),
            kepala: Vec::new(),
        }
    }

    fn kepala(mut self, nama: &'static str, nilai: &str) -> Self {
        self.kepala.push((nama, nilai.to_string()));
        self
    }

    async fn kirim(&self, method: Method, uri: &str, body: Option<(&str, Vec<u8>)>) -> Jawab {
        let mut b = Request::builder().method(method).uri(uri);
        for (k, v) in &self.kepala {
            b = b.header(*k, v);
        }
        let mut req = match body {
            Some((ct, bytes)) => b
                .header(header::CONTENT_TYPE, ct)
                .body(Body::from(bytes))
                .unwrap(),
            None => b.body(Body::empty()).unwrap(),
        };
        if let Some(a) = self.dari {
            let addr: SocketAddr = format!("{a}:40000").parse().unwrap();
            req.extensions_mut().insert(ConnectInfo(addr));
        }
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

    async fn json(&self, uri: &str, token: Option<&str>, v: Value) -> Jawab {
        let m = match token {
            Some(t) => Minta {
                router: self.router,
                dari: self.dari,
                kepala: [
                    self.kepala.clone(),
                    vec![("authorization", format!("Bearer {t}"))],
                ]
                .concat(),
            },
            None => Minta {
                router: self.router,
                dari: self.dari,
                kepala: self.kepala.clone(),
            },
        };
        m.kirim(
            Method::POST,
            uri,
            Some(("application/json", v.to_string().into_bytes())),
        )
        .await
    }

    async fn login(&self, username: &str, password: &str) -> Jawab {
        self.json(
            "/api/v1/auth/login",
            None,
            json!({"username": username, "password": password}),
        )
        .await
    }

    /// A browser form post with the session cookie.
    async fn form(&self, uri: &str, cookie: &str, isian: &[(&str, &str)]) -> Jawab {
        Minta {
            router: self.router,
            dari: self.dari,
            kepala: [
                self.kepala.clone(),
                vec![("cookie", format!("kinerja_sesi={cookie}"))],
            ]
            .concat(),
        }
        .kirim(
            Method::POST,
            uri,
            Some((
                "application/x-www-form-urlencoded",
                urlencode(isian).into_bytes(),
            )),
        )
        .await
    }
}

/// A page with the session cookie.
async fn halaman(u: &Uji, uri: &str, cookie: &str) -> Jawab {
    Minta {
        router: &u.router,
        dari: None,
        kepala: vec![("cookie", format!("kinerja_sesi={cookie}"))],
    }
    .kirim(Method::GET, uri, None)
    .await
}

/// Every header but the date, for comparing two answers.
fn kepala_tanpa_tanggal(h: &HeaderMap, juga: &[&str]) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = h
        .iter()
        .filter(|(k, _)| k.as_str() != "date" && !juga.contains(&k.as_str()))
        .map(|(k, v)| (k.to_string(), v.to_str().unwrap_or("").to_string()))
        .collect();
    v.sort();
    v
}

fn retry_after(r: &Jawab) -> u64 {
    r.headers
        .get(header::RETRY_AFTER)
        .unwrap_or_else(|| panic!("Retry-After on {}: {}", r.status, r.teks()))
        .to_str()
        .unwrap()
        .parse()
        .unwrap()
}

/// A 429 with the Indonesian message and a `Retry-After` of at most `maks` seconds that the
/// message states in minutes (rounded up).
fn terlalu_banyak(r: &Jawab, maks: u64, apa: &str) {
    galat(r, 429, "terlalu_banyak", apa);
    let detik = retry_after(r);
    assert!((1..=maks).contains(&detik), "{apa}: Retry-After {detik}");
    let menit = detik.div_ceil(60);
    assert_eq!(
        r.json()["error"]["message"],
        format!("Terlalu banyak percobaan masuk. Coba lagi dalam {menit} menit."),
        "{apa}"
    );
}

/// The session cookie from a browser login (`/masuk`).
async fn login_cookie(m: &Minta<'_>, username: &str, password: &str) -> String {
    let isian = urlencode(&[("username", username), ("password", password)]);
    let r = m
        .kirim(
            Method::POST,
            "/masuk",
            Some(("application/x-www-form-urlencoded", isian.into_bytes())),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.teks());
    let c = r
        .headers
        .get(header::SET_COOKIE)
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    c.split(';')
        .next()
        .unwrap()
        .split_once('=')
        .unwrap()
        .1
        .to_string()
}

async fn hidup(u: &Uji, token: &str) -> bool {
    let r = u.get("/api/v1/me", Some(token)).await;
    match r.status {
        StatusCode::OK => true,
        StatusCode::UNAUTHORIZED => false,
        s => panic!("/me: {s} {}", r.teks()),
    }
}

async fn cookie_hidup(u: &Uji, cookie: &str) -> bool {
    let r = halaman(u, "/akun/password", cookie).await;
    match r.status {
        StatusCode::OK => true,
        StatusCode::SEE_OTHER => {
            assert_eq!(lokasi(&r), "/masuk");
            false
        }
        s => panic!("/akun/password: {s} {}", r.teks()),
    }
}

/// Demo pegawai that no other journey logs in as: the last ones of the first page of the list.
async fn pegawai_cadangan(u: &Uji, admin: &str, n: usize) -> Vec<String> {
    let v = ok(
        &u.get("/api/v1/pegawai?limit=100", Some(admin)).await,
        "pegawai",
    );
    let dipakai: Vec<&str> = u.logins.iter().map(|l| l.username.as_str()).collect();
    let mut nip: Vec<String> = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["nip"].as_str().unwrap().to_string())
        .filter(|n| !dipakai.contains(&n.as_str()))
        .collect();
    assert!(nip.len() >= n + 10, "enough demo pegawai");
    nip.split_off(nip.len() - n)
}

/// Every password these journeys set.
const SANDI_UJI: &[&str] = &[
    PASSWORD_DEMO,
    "Sandi-baru-2026",
    "Sandi-sendiri-2026",
    "Sandi-halaman-2026",
    "Sandi-reset-2026",
    "Sandi-halaman-admin",
    "Sandi-buka-kunci",
];

pub async fn semua(u: &Uji) {
    let admin = u.token("admin").await;
    let p = pegawai_cadangan(u, &admin, 5).await;
    sama_untuk_semua_nama(u, &admin, &p[0]).await;
    kedaluwarsa_dan_keluar(u, &p[1]).await;
    ubah_sendiri(u, &admin, &p[2]).await;
    reset_admin(u, &admin, &p[3]).await;
    kebijakan_dan_alamat(u, &admin, &p[4]).await;
    // The passwords are the demo's again, for the journeys that follow.
    for nip in &p {
        let r = u
            .post_json(
                &format!("/api/v1/akun/{nip}/password"),
                Some(&admin),
                json!({"password_baru": PASSWORD_DEMO}),
            )
            .await;
        assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.teks());
        assert_eq!(u.token(nip).await.len(), 43);
    }
    // No password or hash ever reaches the audit log.
    let log = u
        .app
        .store
        .daftar_audit(u.app.instansi_utama().await.unwrap().id, 500)
        .await
        .unwrap();
    let perubahan: Vec<_> = log.iter().filter(|e| e.aksi == "ubah_password").collect();
    assert!(perubahan.len() >= 8, "every change audited");
    for e in &log {
        for v in [&e.sebelum, &e.sesudah].into_iter().flatten() {
            assert!(
                !v.contains("$argon2") && !SANDI_UJI.iter().any(|s| v.contains(s)),
                "no password in the audit log: {v}"
            );
        }
    }
    let oa = u.get("/api/openapi.json", None).await.json();
    for (p, op) in [
        ("/api/v1/me/password", "post"),
        ("/api/v1/akun/{username}/password", "post"),
    ] {
        assert!(oa["paths"][p][op].is_object(), "OpenAPI documents {op} {p}");
    }
    assert!(
        oa["paths"]["/api/v1/auth/login"]["post"]["responses"]["429"]["headers"]["Retry-After"]
            .is_object(),
        "the login's 429 and its Retry-After are documented"
    );
}

/// An unknown name and a wrong password: the same answer and one argon2 verification each;
/// past the limit (5 per name by default) the same 429 for both, without verification, even
/// with the right password; an admin reset clears the name's counter.
async fn sama_untuk_semua_nama(u: &Uji, admin: &str, nip: &str) {
    let m = Minta::dari(u, "198.51.100.1");
    let tak_ada = format!("tidak-ada-{nip}");
    let mut sebelumnya: Option<(Jawab, Jawab)> = None;
    for ke in 1..=5 {
        let (salah, n1) = hitung_verifikasi(m.login(nip, "bukan-sandinya")).await;
        let (asing, n2) = hitung_verifikasi(m.login(&tak_ada, "bukan-sandinya")).await;
        assert_eq!((n1, n2), (1, 1), "attempt {ke}: one verification each");
        assert_eq!(
            (salah.status, asing.status),
            (StatusCode::UNAUTHORIZED, StatusCode::UNAUTHORIZED),
            "attempt {ke}"
        );
        assert_eq!(salah.body, asing.body, "attempt {ke}: the same body");
        assert_eq!(
            kepala_tanpa_tanggal(&salah.headers, &[]),
            kepala_tanpa_tanggal(&asing.headers, &[]),
            "attempt {ke}: the same headers"
        );
        assert_eq!(
            salah.json()["error"]["message"],
            "Nama pengguna atau kata sandi salah"
        );
        sebelumnya = Some((salah, asing));
    }
    let (lima, _) = sebelumnya.unwrap();
    // The sixth: limited, alike, and without looking at the password.
    let (salah, n1) = hitung_verifikasi(m.login(nip, "bukan-sandinya")).await;
    let (asing, n2) = hitung_verifikasi(m.login(&tak_ada, "bukan-sandinya")).await;
    assert_eq!((n1, n2), (0, 0), "a limited attempt is not verified");
    terlalu_banyak(&salah, 15 * 60, "sixth failure, existing name");
    terlalu_banyak(&asing, 15 * 60, "sixth failure, unknown name");
    assert_eq!(salah.body, asing.body, "limited alike");
    assert!(retry_after(&salah).abs_diff(retry_after(&asing)) <= 2);
    assert_eq!(
        kepala_tanpa_tanggal(&salah.headers, &["retry-after"]),
        kepala_tanpa_tanggal(&asing.headers, &["retry-after"])
    );
    assert_ne!(lima.status, salah.status);
    let (benar, n) = hitung_verifikasi(m.login(nip, PASSWORD_DEMO)).await;
    assert_eq!(n, 0);
    terlalu_banyak(&benar, 15 * 60, "the right password waits too");
    // From another address the name is limited all the same (counted per name).
    terlalu_banyak(
        &Minta::dari(u, "198.51.100.2")
            .login(nip, PASSWORD_DEMO)
            .await,
        15 * 60,
        "the name's limit holds from any address",
    );
    // The browser form answers alike: the login page again, 429 and Retry-After.
    let r = m
        .kirim(
            Method::POST,
            "/masuk",
            Some((
                "application/x-www-form-urlencoded",
                urlencode(&[("username", nip), ("password", PASSWORD_DEMO)]).into_bytes(),
            )),
        )
        .await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(retry_after(&r) >= 1);
    assert!(
        r.teks()
            .contains("Terlalu banyak percobaan masuk. Coba lagi dalam")
            && r.teks().contains("data-testid=\"galat-masuk\""),
        "{}",
        r.teks()
    );
    // An admin reset clears the counter: the new password works at once.
    let baru = "Sandi-baru-2026";
    let r = u
        .post_json(
            &format!("/api/v1/akun/{nip}/password"),
            Some(admin),
            json!({"password_baru": baru}),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.teks());
    let (r, n) = hitung_verifikasi(m.login(nip, baru)).await;
    assert_eq!((r.status, n), (StatusCode::OK, 1), "{}", r.teks());
    // The unknown name stays limited: nothing cleared it.
    terlalu_banyak(&m.login(&tak_ada, "x").await, 15 * 60, "unknown name");
}

/// Bearer tokens live a day, browser sessions twelve hours; an expired one, a logged-out token
/// and a logged-out browser session are refused.
async fn kedaluwarsa_dan_keluar(u: &Uji, nip: &str) {
    let m = Minta::dari(u, "198.51.100.10");
    let sebelum = chrono::Utc::now();
    let r = m.login(nip, PASSWORD_DEMO).await;
    let v = ok(&r, "login");
    let habis = chrono::DateTime::parse_from_rfc3339(v["expires_at"].as_str().unwrap()).unwrap();
    let umur = habis.with_timezone(&chrono::Utc) - sebelum;
    assert!(
        (chrono::Duration::hours(24) - umur).num_seconds().abs() <= 5,
        "a bearer token lives a day: {umur}"
    );
    let t = v["token"].as_str().unwrap().to_string();
    assert!(hidup(u, &t).await);
    let r = u
        .kirim(Method::POST, "/api/v1/auth/logout", Some(&t), None)
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    assert!(!hidup(u, &t).await, "dead after logout");
    // Logging in again gives a new, live token; the old one stays dead.
    let t2 = ok(&m.login(nip, PASSWORD_DEMO).await, "login")["token"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(hidup(u, &t2).await && !hidup(u, &t).await);

    // A browser session: twelve hours, ended by /keluar (with its CSRF token).
    let isian = urlencode(&[("username", nip), ("password", PASSWORD_DEMO)]);
    let r = m
        .kirim(
            Method::POST,
            "/masuk",
            Some(("application/x-www-form-urlencoded", isian.into_bytes())),
        )
        .await;
    let c = r
        .headers
        .get(header::SET_COOKIE)
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    let maks_umur: i64 = c
        .split(';')
        .find_map(|b| b.trim().strip_prefix("Max-Age="))
        .unwrap()
        .parse()
        .unwrap();
    assert!(
        (12 * 3600 - maks_umur).abs() <= 5,
        "a browser session lives twelve hours: {c}"
    );
    let cookie = c
        .split(';')
        .next()
        .unwrap()
        .split_once('=')
        .unwrap()
        .1
        .to_string();
    let h = halaman(u, "/akun/password", &cookie).await;
    assert_eq!(h.status, StatusCode::OK);
    let csrf = nilai_input(&h.teks(), "csrf");
    let r = m.form("/keluar", &cookie, &[("csrf", &csrf)]).await;
    assert_eq!(lokasi(&r), "/masuk");
    assert!(!cookie_hidup(u, &cookie).await, "dead after /keluar");

    // A session past its expiry is refused though never revoked.
    let akun = u.app.store.akun_by_username(nip).await.unwrap().unwrap();
    let token = "token-uji-kedaluwarsa-0123456789";
    let now = kinerja_store::sql::sekarang();
    u.app
        .store
        .buat_sesi(&kinerja_store::SesiBaru {
            token_hash: kinerja_app::masuk::hash_token(token),
            akun_id: akun.id,
            jenis: "bearer".into(),
            csrf: "c".into(),
            dibuat: now - chrono::Duration::hours(25),
            kedaluwarsa: now - chrono::Duration::seconds(1),
        })
        .await
        .unwrap();
    assert!(!hidup(u, token).await, "an expired token is refused");
    assert!(hidup(u, &t2).await);
}

/// The owner changes their password through the API and the page.
async fn ubah_sendiri(u: &Uji, admin: &str, nip: &str) {
    let m = Minta::dari(u, "198.51.100.20");
    let token = |r: Jawab| ok(&r, "login")["token"].as_str().unwrap().to_string();
    let t1 = token(m.login(nip, PASSWORD_DEMO).await);
    let t2 = token(m.login(nip, PASSWORD_DEMO).await);
    let cookie = login_cookie(&m, nip, PASSWORD_DEMO).await;
    let ubah = |t: String, lama: &'static str, baru: String| {
        let m = &m;
        async move {
            m.json(
                "/api/v1/me/password",
                Some(&t),
                json!({"password_lama": lama, "password_baru": baru}),
            )
            .await
        }
    };
    let baru = "Sandi-sendiri-2026".to_string();
    // Refusals: logged out, a wrong old password, weak new ones, a malformed body.
    let r = m
        .json(
            "/api/v1/me/password",
            None,
            json!({"password_lama": PASSWORD_DEMO, "password_baru": baru}),
        )
        .await;
    galat(&r, 401, "belum_masuk", "logged out");
    let (r, n) = hitung_verifikasi(ubah(t1.clone(), "bukan-sandinya", baru.clone())).await;
    galat(&r, 422, "tidak_valid", "wrong old password");
    assert_eq!(n, 1, "the old password costs one verification");
    assert_eq!(
        r.json()["error"]["fields"]["password_lama"],
        "Kata sandi lama salah"
    );
    for (lemah, sebab) in [
        ("pendek", "paling sedikit 8 karakter"),
        (nip, "tidak boleh sama dengan nama pengguna"),
        ("aaaaaaaaaa", "satu karakter yang diulang"),
        ("password1", "terlalu umum"),
        (PASSWORD_DEMO, "berbeda dari yang lama"),
    ] {
        let (r, n) = hitung_verifikasi(ubah(t1.clone(), PASSWORD_DEMO, lemah.to_string())).await;
        galat(&r, 422, "tidak_valid", lemah);
        assert_eq!(n, 0, "a weak new password is refused before any check");
        assert!(
            r.json()["error"]["fields"]["password_baru"]
                .as_str()
                .unwrap()
                .contains(sebab),
            "{lemah}: {}",
            r.teks()
        );
    }
    let r = m
        .json(
            "/api/v1/me/password",
            Some(&t1),
            json!({"password_lama": PASSWORD_DEMO}),
        )
        .await;
    galat(&r, 422, "tidak_valid", "missing field");
    assert!(
        r.json()["error"]["fields"]["body"]
            .as_str()
            .is_some_and(|m| m.contains("password_baru")),
        "{}",
        r.teks()
    );
    assert!(
        hidup(u, &t1).await && hidup(u, &t2).await,
        "refusals end nothing"
    );

    // The change: the other token and the browser session end, this token stays.
    let r = ubah(t1.clone(), PASSWORD_DEMO, baru.clone()).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.teks());
    assert!(hidup(u, &t1).await, "the caller's token stays");
    assert!(!hidup(u, &t2).await, "another token ends");
    assert!(!cookie_hidup(u, &cookie).await, "the browser session ends");
    assert_eq!(
        m.login(nip, PASSWORD_DEMO).await.status,
        StatusCode::UNAUTHORIZED
    );
    let t3 = token(m.login(nip, &baru).await);
    let log = u
        .app
        .store
        .daftar_audit(u.app.instansi_utama().await.unwrap().id, 5)
        .await
        .unwrap();
    let e = log
        .iter()
        .find(|e| e.aksi == "ubah_password")
        .expect("audited");
    assert_eq!(e.pelaku, nip, "by the owner");
    let sesudah: Value = serde_json::from_str(e.sesudah.as_deref().unwrap()).unwrap();
    assert_eq!(
        (&sesudah["sesi_dicabut"], &sesudah["sesi_sendiri_tetap"]),
        (&json!(2), &json!(true))
    );

    // A wrong old password counts like a failed login: the sixth waits (429), then even the
    // login with the right password does, until an admin reset.
    for ke in 1..=4 {
        let r = ubah(t3.clone(), "bukan-sandinya", "Sandi-lain-2026".into()).await;
        galat(&r, 422, "tidak_valid", &format!("wrong old password {ke}"));
    }
    assert_eq!(
        m.login(nip, "masih-salah").await.status,
        StatusCode::UNAUTHORIZED,
        "the fifth failure, by login"
    );
    let r = ubah(t3.clone(), "bukan-sandinya", "Sandi-lain-2026".into()).await;
    terlalu_banyak(&r, 15 * 60, "the sixth failure, by a password change");
    terlalu_banyak(&m.login(nip, &baru).await, 15 * 60, "login waits too");
    assert!(hidup(u, &t3).await, "a limit ends no session");
    let r = u
        .post_json(
            &format!("/api/v1/akun/{nip}/password"),
            Some(admin),
            json!({"password_baru": baru}),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    assert!(!hidup(u, &t3).await, "an admin reset ends every session");

    // The page: the link in the header, the form with its CSRF token, the refusals beside
    // their fields, the change (this session stays, a token ends).
    let cookie = login_cookie(&m, nip, &baru).await;
    let t4 = token(m.login(nip, &baru).await);
    let h = halaman(u, "/", &cookie).await;
    assert!(
        h.teks().contains("href=\"/akun/password\""),
        "the header links the password page"
    );
    let h = halaman(u, "/akun/password", &cookie).await;
    assert_eq!(h.status, StatusCode::OK);
    let teks = h.teks();
    assert!(teks.contains("data-testid=\"form-ubah-password\""));
    let csrf = nilai_input(&teks, "csrf");
    let lain = "Sandi-halaman-2026";
    let r = m
        .form(
            "/akun/password",
            &cookie,
            &[
                ("csrf", "salah"),
                ("password_lama", &baru),
                ("password_baru", lain),
                ("password_ulang", lain),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "no CSRF token, no change");
    let r = m
        .form(
            "/akun/password",
            &cookie,
            &[
                ("csrf", &csrf),
                ("password_lama", &baru),
                ("password_baru", lain),
                ("password_ulang", "Sandi-lain-sama-sekali"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.teks().contains("data-testid=\"galat-password_ulang\""));
    let r = m
        .form(
            "/akun/password",
            &cookie,
            &[
                ("csrf", &csrf),
                ("password_lama", "bukan-sandinya"),
                ("password_baru", lain),
                ("password_ulang", lain),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.teks().contains("data-testid=\"galat-password_lama\"")
            && r.teks().contains("Kata sandi lama salah")
    );
    assert!(hidup(u, &t4).await);
    let r = m
        .form(
            "/akun/password",
            &cookie,
            &[
                ("csrf", &csrf),
                ("password_lama", &baru),
                ("password_baru", lain),
                ("password_ulang", lain),
            ],
        )
        .await;
    assert_eq!(lokasi(&r), "/akun/password?disimpan=1");
    let h = halaman(u, "/akun/password?disimpan=1", &cookie).await;
    assert!(
        h.status == StatusCode::OK && h.teks().contains("data-testid=\"password-diubah\""),
        "this session stays, and says so"
    );
    assert!(!hidup(u, &t4).await, "the API token ends");
    assert_eq!(m.login(nip, lain).await.status, StatusCode::OK);
}

/// The HR admin sets a new password, through the API and the pegawai page.
async fn reset_admin(u: &Uji, admin: &str, nip: &str) {
    let m = Minta::dari(u, "198.51.100.30");
    let token = |r: Jawab| ok(&r, "login")["token"].as_str().unwrap().to_string();
    let t1 = token(m.login(nip, PASSWORD_DEMO).await);
    let cookie = login_cookie(&m, nip, PASSWORD_DEMO).await;
    let pegawai = u.token(&u.login("Kepala Bidang").username).await;
    let reset = |t: String, siapa: String, baru: &'static str| async move {
        u.post_json(
            &format!("/api/v1/akun/{siapa}/password"),
            Some(&t),
            json!({"password_baru": baru}),
        )
        .await
    };
    galat(
        &reset(pegawai.clone(), nip.to_string(), "Sandi-reset-2026").await,
        403,
        "dilarang",
        "a pegawai resets",
    );
    galat(
        &reset(
            pegawai.clone(),
            "tidak-ada-sama-sekali".into(),
            "Sandi-reset-2026",
        )
        .await,
        403,
        "dilarang",
        "a pegawai learns nothing of unknown accounts",
    );
    galat(
        &reset(
            admin.to_string(),
            "tidak-ada-sama-sekali".into(),
            "Sandi-reset-2026",
        )
        .await,
        404,
        "tidak_ditemukan",
        "an unknown account",
    );
    let r = reset(admin.to_string(), nip.to_string(), "pendek").await;
    galat(&r, 422, "tidak_valid", "a weak password");
    assert!(r.json()["error"]["fields"]["password_baru"].is_string());
    let r = u
        .post_json(
            &format!("/api/v1/akun/{nip}/password"),
            None,
            json!({"password_baru": "Sandi-reset-2026"}),
        )
        .await;
    galat(&r, 401, "belum_masuk", "logged out");
    assert!(hidup(u, &t1).await && cookie_hidup(u, &cookie).await);

    let r = reset(admin.to_string(), nip.to_string(), "Sandi-reset-2026").await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.teks());
    assert!(!hidup(u, &t1).await, "every token ends");
    assert!(!cookie_hidup(u, &cookie).await, "every session ends");
    assert_eq!(
        m.login(nip, PASSWORD_DEMO).await.status,
        StatusCode::UNAUTHORIZED
    );
    let t2 = token(m.login(nip, "Sandi-reset-2026").await);
    let log = u
        .app
        .store
        .daftar_audit(u.app.instansi_utama().await.unwrap().id, 5)
        .await
        .unwrap();
    let e = log
        .iter()
        .find(|e| e.aksi == "ubah_password")
        .expect("audited");
    let sesudah: Value = serde_json::from_str(e.sesudah.as_deref().unwrap()).unwrap();
    assert_eq!(
        (
            e.pelaku.as_str(),
            &sesudah["sesi_dicabut"],
            &sesudah["sesi_sendiri_tetap"]
        ),
        ("admin", &json!(2), &json!(false))
    );

    // The pegawai page: the admin's form, with CSRF; a pegawai cannot post it.
    let adm = Minta::dari(u, "198.51.100.31");
    let c_admin = login_cookie(&adm, "admin", PASSWORD_DEMO).await;
    let h = halaman(u, &format!("/pegawai/{nip}"), &c_admin).await;
    assert_eq!(h.status, StatusCode::OK);
    let teks = h.teks();
    assert!(teks.contains(&format!("action=\"/pegawai/{nip}/password\"")));
    let csrf = nilai_input(&teks, "csrf");
    let r = adm
        .form(
            &format!("/pegawai/{nip}/password"),
            &c_admin,
            &[("csrf", "salah"), ("password_baru", "Sandi-halaman-admin")],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = adm
        .form(
            &format!("/pegawai/{nip}/password"),
            &c_admin,
            &[("csrf", &csrf), ("password_baru", "12345678")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.teks().contains("data-testid=\"galat-reset-password\""));
    assert!(hidup(u, &t2).await, "a refused reset ends nothing");
    let r = adm
        .form(
            &format!("/pegawai/{nip}/password"),
            &c_admin,
            &[("csrf", &csrf), ("password_baru", "Sandi-halaman-admin")],
        )
        .await;
    assert_eq!(
        lokasi(&r),
        format!("/pegawai/{nip}?password_direset=1#password")
    );
    let h = halaman(u, &format!("/pegawai/{nip}?password_direset=1"), &c_admin).await;
    assert!(h.teks().contains("data-testid=\"password-direset\""));
    assert!(!hidup(u, &t2).await);
    assert_eq!(
        m.login(nip, "Sandi-halaman-admin").await.status,
        StatusCode::OK
    );
    // A pegawai's own session posting the form: refused, nothing changed.
    let kabid = u.login("Kepala Bidang").username.clone();
    let c_kabid = login_cookie(&m, &kabid, PASSWORD_DEMO).await;
    let h = halaman(u, "/akun/password", &c_kabid).await;
    let csrf = nilai_input(&h.teks(), "csrf");
    let r = m
        .form(
            &format!("/pegawai/{nip}/password"),
            &c_kabid,
            &[("csrf", &csrf), ("password_baru", "Sandi-dari-kabid")],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(
        m.login(nip, "Sandi-halaman-admin").await.status,
        StatusCode::OK
    );
    assert!(
        !halaman(u, &format!("/pegawai/{nip}"), &c_kabid)
            .await
            .teks()
            .contains("form-reset-password"),
        "no reset form for a pegawai"
    );
}

/// The lockout policy and the address limit, with the profile edited (and put back): a locked
/// name refuses the right password until an admin reset; the address counts failures only;
/// `X-Forwarded-For` is used only when the router is told to trust it.
async fn kebijakan_dan_alamat(u: &Uji, admin: &str, nip: &str) {
    let tahun = kinerja_app::profil::tahun_ini();
    let url = &format!("/api/v1/profil/{tahun}");
    let mut asli = ok(&u.get(url, Some(admin)).await, "profile");
    if asli["berlaku_sejak"].as_i64() != Some(i64::from(tahun)) {
        let r = u
            .post_json("/api/v1/profil", Some(admin), json!({"tahun": tahun}))
            .await;
        ok(&r, "a version of this year");
        asli = ok(&u.get(url, Some(admin)).await, "profile");
    }
    assert_eq!(
        asli["isi"]["keamanan_masuk"],
        json!({"maks_gagal_akun": 5, "maks_gagal_alamat": 20, "jendela_menit": 15,
               "kunci_akun": false, "lama_kunci_menit": 30}),
        "the defaults"
    );
    let ubah = |versi: i64, isi: Value| async move {
        u.kirim(
            Method::PUT,
            url,
            Some(admin),
            Some((
                "application/json",
                json!({"versi": versi, "isi": isi}).to_string().into_bytes(),
            )),
        )
        .await
    };
    // Nonsense is refused per field.
    let mut isi = asli["isi"].clone();
    isi["keamanan_masuk"] = json!({"maks_gagal_akun": 0, "maks_gagal_alamat": 20,
        "jendela_menit": 2000, "kunci_akun": true, "lama_kunci_menit": 30});
    let r = ubah(asli["versi"].as_i64().unwrap(), isi).await;
    galat(&r, 422, "tidak_valid", "nonsense limits");
    let f = &r.json()["error"]["fields"];
    assert!(
        f["isi.keamanan_masuk.maks_gagal_akun"].is_string()
            && f["isi.keamanan_masuk.jendela_menit"].is_string()
            && f.as_object().unwrap().len() == 2,
        "{f}"
    );
    let mut isi = asli["isi"].clone();
    isi["keamanan_masuk"] = json!({"maks_gagal_akun": 3, "maks_gagal_alamat": 6,
        "jendela_menit": 15, "kunci_akun": true, "lama_kunci_menit": 60});
    let v = ok(
        &ubah(asli["versi"].as_i64().unwrap(), isi).await,
        "lockout on",
    );
    let mut versi = v["versi"].as_i64().unwrap();
    let baca = ok(&u.get(url, Some(admin)).await, "profile");
    assert_eq!(baca["isi"]["keamanan_masuk"]["kunci_akun"], true);

    // Lockout: the third failure locks the name for an hour, alike for an unknown name; the
    // right password is refused; the admin sees the lock; a reset lifts it.
    let m = Minta::dari(u, "198.51.100.40");
    let tak_ada = format!("tidak-ada-{nip}");
    for ke in 1..=3 {
        let a = m.login(nip, "bukan-sandinya").await;
        let b = m.login(&tak_ada, "bukan-sandinya").await;
        assert_eq!(
            (a.status, b.status),
            (StatusCode::UNAUTHORIZED, StatusCode::UNAUTHORIZED),
            "{ke}"
        );
        assert_eq!(a.body, b.body);
    }
    let m2 = Minta::dari(u, "198.51.100.41");
    let a = m2.login(nip, PASSWORD_DEMO).await;
    let b = m2.login(&tak_ada, PASSWORD_DEMO).await;
    terlalu_banyak(&a, 3600, "locked, right password");
    terlalu_banyak(&b, 3600, "locked, unknown name");
    assert!(
        retry_after(&a) > 15 * 60,
        "the lock outlasts the window: {}",
        retry_after(&a)
    );
    assert_eq!(a.body, b.body);
    let adm = Minta::dari(u, "198.51.100.42");
    let c_admin = login_cookie(&adm, "admin", PASSWORD_DEMO).await;
    let h = halaman(u, &format!("/pegawai/{nip}"), &c_admin).await;
    assert!(
        h.teks().contains("data-testid=\"akun-terkunci\""),
        "the admin sees the lock"
    );
    let r = u
        .post_json(
            &format!("/api/v1/akun/{nip}/password"),
            Some(admin),
            json!({"password_baru": "Sandi-buka-kunci"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    assert!(!halaman(u, &format!("/pegawai/{nip}"), &c_admin)
        .await
        .teks()
        .contains("data-testid=\"akun-terkunci\""));
    assert_eq!(
        m2.login(nip, "Sandi-buka-kunci").await.status,
        StatusCode::OK
    );
    terlalu_banyak(&m2.login(&tak_ada, "x").await, 3600, "still locked");

    // The address limit (6 here) counts failures only: 5 failures, 2 successes, a sixth
    // failure still answered 401; the seventh waits, and so does the right password.
    let a = Minta::dari(u, "198.51.100.50");
    for ke in 1..=5 {
        let r = a.login(&format!("asing-{ke}-{nip}"), "x").await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "failure {ke}");
    }
    for _ in 0..2 {
        assert_eq!(
            a.login(nip, "Sandi-buka-kunci").await.status,
            StatusCode::OK
        );
    }
    assert_eq!(
        a.login(&format!("asing-6-{nip}"), "x").await.status,
        StatusCode::UNAUTHORIZED,
        "successes were not counted"
    );
    terlalu_banyak(
        &a.login(&format!("asing-7-{nip}"), "x").await,
        15 * 60,
        "seventh",
    );
    terlalu_banyak(
        &a.login(nip, "Sandi-buka-kunci").await,
        15 * 60,
        "address waits",
    );
    assert_eq!(
        Minta::dari(u, "198.51.100.51")
            .login(nip, "Sandi-buka-kunci")
            .await
            .status,
        StatusCode::OK,
        "another address is not limited"
    );
    // IPv6: one /64 is one client.
    let v6 = Minta::dari(u, "[2001:db8:7:7::1]");
    for ke in 1..=6 {
        let r = v6.login(&format!("v6-{ke}-{nip}"), "x").await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    }
    terlalu_banyak(
        &Minta::dari(u, "[2001:db8:7:7:ffff::2]")
            .login("v6-lagi", "x")
            .await,
        15 * 60,
        "the same /64",
    );

    // X-Forwarded-For: used only by a router told to trust it, and only its last entry.
    let percaya = kinerja_web::router(
        u.app.clone(),
        kinerja_web::Opsi {
            percaya_proxy: true,
            ..Default::default()
        },
    );
    let lewat_proxy = |xff: &str| Minta {
        router: &percaya,
        dari: Some("10.9.9.9"),
        kepala: vec![("x-forwarded-for", xff.to_string())],
    };
    for ke in 1..=6 {
        let r = lewat_proxy("203.0.113.50")
            .login(&format!("xff-{ke}-{nip}"), "x")
            .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    }
    terlalu_banyak(
        &lewat_proxy("203.0.113.50").login("xff-lagi", "x").await,
        15 * 60,
        "the forwarded address is limited",
    );
    assert_eq!(
        lewat_proxy("203.0.113.51")
            .login("xff-lain", "x")
            .await
            .status,
        StatusCode::UNAUTHORIZED,
        "another client behind the same proxy is not"
    );
    assert_eq!(
        lewat_proxy("203.0.113.50, 203.0.113.52")
            .login("xff-palsu", "x")
            .await
            .status,
        StatusCode::UNAUTHORIZED,
        "a forged first entry is not the client"
    );
    terlalu_banyak(
        &Minta::dari(u, "203.0.113.50")
            .login("xff-langsung", "x")
            .await,
        15 * 60,
        "the same client connecting directly",
    );
    assert_eq!(
        Minta::dari(u, "198.51.100.60")
            .kepala("x-forwarded-for", "203.0.113.50")
            .login("xff-tidak-dipercaya", "x")
            .await
            .status,
        StatusCode::UNAUTHORIZED,
        "without --percaya-proxy the header is ignored"
    );

    // The page shows and edits the settings; then the profile goes back as it was.
    let h = halaman(u, &format!("/profil?tahun={tahun}"), &c_admin).await;
    let teks = h.teks();
    assert!(
        teks.contains("data-testid=\"bagian-keamanan-masuk\"")
            && teks.contains(
                "name=\"keamanan_masuk.maks_gagal_alamat\" type=\"number\" inputmode=\"numeric\" min=\"1\" max=\"10000\" value=\"6\""
            )
            && teks.contains("data-testid=\"kunci-akun\" checked"),
        "the page shows the settings"
    );
    let r = ubah(versi, asli["isi"].clone()).await;
    versi = ok(&r, "put back")["versi"].as_i64().unwrap();
    let akhir = ok(&u.get(url, Some(admin)).await, "profile");
    assert_eq!(
        (akhir["isi"].clone(), akhir["versi"].as_i64()),
        (asli["isi"].clone(), Some(versi))
    );
}
