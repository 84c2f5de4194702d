//! Security headers on every answer, and the flags of the session cookie (plain HTTP and behind
//! TLS).

use super::{masuk_jawab, set_cookie, Hitung, Jawab, Siapa, COOKIE};
use crate::Uji;
use axum::http::{header, StatusCode};

/// The headers every answer carries: a CSP without inline script and without framing, nosniff.
pub(super) fn periksa(r: &Jawab, apa: &str) {
    let csp = r
        .headers
        .get(header::CONTENT_SECURITY_POLICY)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_else(|| panic!("{apa}: no Content-Security-Policy"));
    let arahan = |nama: &str| -> Option<String> {
        csp.split(';')
            .map(str::trim)
            .find(|d| d.split_whitespace().next() == Some(nama))
            .map(str::to_string)
    };
    let skrip = arahan("script-src")
        .or_else(|| arahan("default-src"))
        .unwrap_or_else(|| panic!("{apa}: the CSP restricts scripts: {csp}"));
    assert!(
        !skrip.contains("'unsafe-inline'")
            && !skrip.contains("'unsafe-eval'")
            && !skrip.contains('*'),
        "{apa}: scripts from this origin only, none inline: {csp}"
    );
    assert_eq!(
        arahan("frame-ancestors").as_deref(),
        Some("frame-ancestors 'none'"),
        "{apa}: no framing: {csp}"
    );
    assert_eq!(
        arahan("object-src").as_deref(),
        Some("object-src 'none'"),
        "{apa}: no plugins: {csp}"
    );
    assert_eq!(
        r.headers
            .get(header::X_CONTENT_TYPE_OPTIONS)
            .map(|v| v.to_str().unwrap()),
        Some("nosniff"),
        "{apa}: nosniff"
    );
}

pub(super) async fn semua(u: &Uji, h: &mut Hitung) {
    // Answers that are not pages carry the headers too: errors, redirects, JSON, CSS, health.
    let t = u.token("admin").await;
    for (uri, token, status) in [
        ("/tidak-ada", None, StatusCode::NOT_FOUND),
        ("/", None, StatusCode::SEE_OTHER),
        ("/masuk", None, StatusCode::OK),
        ("/static/app.css", None, StatusCode::OK),
        ("/healthz", None, StatusCode::OK),
        ("/api/v1/me", None, StatusCode::UNAUTHORIZED),
        ("/api/v1/me", Some(t.as_str()), StatusCode::OK),
        ("/api/openapi.json", None, StatusCode::OK),
        ("/api/v1/tidak-ada", Some(t.as_str()), StatusCode::NOT_FOUND),
    ] {
        let r = u.get(uri, token).await;
        assert_eq!(r.status, status, "{uri}");
        periksa(&r, uri);
        if r.status == StatusCode::OK
            && r.headers
                .get(header::CONTENT_TYPE)
                .is_some_and(|v| v.to_str().unwrap().starts_with("text/html"))
        {
            super::periksa_html(&r, uri, h);
        }
    }

    // The session cookie: HttpOnly, SameSite, whole-site path; Secure behind TLS only.
    let jf = Siapa::Jf.username(u);
    for aman in [false, true] {
        let router = kinerja_web::router(
            u.app.clone(),
            kinerja_web::Opsi {
                cookie_aman: aman,
                ..Default::default()
            },
        );
        let r = masuk_jawab(&router, &jf).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.teks());
        periksa(&r, "POST /masuk");
        let c = set_cookie(&r, COOKIE).expect("session cookie");
        cek_cookie(&c, aman, "login");
        // Logging out clears it with the same flags.
        let nilai = c.split(';').next().unwrap().to_string();
        let halaman = crate::Uji {
            router: router.clone(),
            app: u.app.clone(),
            logins: Vec::new(),
        };
        let csrf = {
            let r = kirim_cookie(&halaman, "/", &nilai, None).await;
            crate::nilai_input(&r.teks(), "csrf")
        };
        let r = kirim_cookie(
            &halaman,
            "/keluar",
            &nilai,
            Some(crate::urlencode(&[("csrf", &csrf)])),
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.teks());
        let c = set_cookie(&r, COOKIE).expect("the cookie is cleared");
        cek_cookie(&c, aman, "logout");
        assert!(c.contains("Max-Age=0"), "{c}");
        let r = kirim_cookie(&halaman, "/", &nilai, None).await;
        assert_eq!(
            r.status,
            StatusCode::SEE_OTHER,
            "the session ends at logout"
        );
    }
}

fn cek_cookie(c: &str, aman: bool, apa: &str) {
    let bagian: Vec<String> = c
        .split(';')
        .map(|s| s.trim().to_ascii_lowercase())
        .collect();
    let ada = |x: &str| bagian.iter().any(|b| b == x);
    assert!(ada("httponly"), "{apa}: HttpOnly: {c}");
    assert!(
        ada("samesite=lax") || ada("samesite=strict"),
        "{apa}: SameSite: {c}"
    );
    assert!(ada("path=/"), "{apa}: for the whole site: {c}");
    assert_eq!(ada("secure"), aman, "{apa}: Secure exactly behind TLS: {c}");
}

async fn kirim_cookie(u: &Uji, uri: &str, cookie: &str, form: Option<String>) -> Jawab {
    use axum::body::Body;
    use axum::http::{Method, Request};
    use tower::ServiceExt;
    let b = Request::builder()
        .method(if form.is_some() {
            Method::POST
        } else {
            Method::GET
        })
        .uri(uri)
        .header(header::COOKIE, cookie);
    let req = match form {
        Some(f) => b
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(f))
            .unwrap(),
        None => b.body(Body::empty()).unwrap(),
    };
    let res = u.router.clone().oneshot(req).await.unwrap();
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
