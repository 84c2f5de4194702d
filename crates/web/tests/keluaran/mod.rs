//! Output safety, end to end on a fresh demo instansi: hostile text stored in every free-text
//! field the product accepts is inert on every page that shows it (and shown there, escaped),
//! is plain data in the JSON API and in downloads, and does not break a PDF; every answer
//! carries the security headers; the session cookie has its flags; and every state-changing
//! page form refuses a post without the session's CSRF token (the forms are read from the
//! router's source, so a new form without the check fails here).
//!
//! - `isian`: stores the markers (import, SKP, penugasan, realisation and evidence, feedback,
//!   evaluation, keberatan, capaian, rewards, sanctions, profile, rater override) and says where
//!   each must show.
//! - `pindai`: a small HTML tag reader (attributes decoded) for the checks on page bodies.
//! - `tajuk`: security headers and the session cookie.
//! - `csrf`: every page POST route of `src/halaman*.rs`, without and with a wrong token.

mod csrf;
mod isian;
mod pindai;
mod tajuk;

use super::{Jawab, Uji};
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use std::collections::{BTreeMap, BTreeSet};
use tower::ServiceExt;

/// Who looks at a page: the demo logins, and a visitor without a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) enum Siapa {
    Admin,
    Kadis,
    Kabid,
    Kasi,
    Jf,
    Pelaksana,
    Tamu,
}

impl Siapa {
    pub(super) const LOGIN: [Siapa; 6] = [
        Siapa::Admin,
        Siapa::Kadis,
        Siapa::Kabid,
        Siapa::Kasi,
        Siapa::Jf,
        Siapa::Pelaksana,
    ];

    fn peran(self) -> &'static str {
        match self {
            Siapa::Admin => "Admin BKPSDM",
            Siapa::Kadis => "Kepala Dinas",
            Siapa::Kabid => "Kepala Bidang",
            Siapa::Kasi => "Kepala Seksi",
            Siapa::Jf => "Jabatan Fungsional",
            Siapa::Pelaksana => "Pelaksana",
            Siapa::Tamu => "",
        }
    }

    /// The login name (NIP of a pegawai, `admin`).
    pub(super) fn username(self, u: &Uji) -> String {
        u.login(self.peran()).username.clone()
    }
}

/// The hostile text stored in field `n`: it closes a textarea, opens a script and an image with
/// a handler, leaves an attribute with a handler, and carries the characters typst gives a
/// meaning to (`#`, `[`, `]`, `$`, `*`, `_`, `\`, `@`, `<label>`, `//`).
pub(super) fn penanda(n: usize) -> String {
    format!(
        "</textarea><script>alert(\"kinerja-xss-{n}\")</script><img src=x onerror=alert({n})>\" onmouseover=\"alert({n})\" x='&#[x]$*_\\@<t>//"
    )
}

/// The marker for a field with a short limit (the place on documents: 100 characters): still a
/// script, a quote that would leave an attribute with a handler, and typst's characters.
pub(super) fn penanda_pendek(n: usize) -> String {
    format!("</textarea><script>alert(\"kinerja-xss-{n}\")</script>\" onmouseover=\"alert({n})\" '&#[]$*_\\@")
}

/// HTML escaping as a page must do it for text and quoted attributes (the forms minijinja writes).
pub(super) fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '&' => o.push_str("&amp;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#x27;"),
            '/' => o.push_str("&#x2f;"),
            c => o.push(c),
        }
    }
    o
}

/// What must be on a page that shows field `n` (its script part, escaped).
pub(super) fn jejak(n: usize) -> String {
    esc(&format!("<script>alert(\"kinerja-xss-{n}\")"))
}

/// One field holding a marker, and where it must show.
pub(super) struct Bidang {
    pub(super) n: usize,
    pub(super) nama: String,
    /// The text stored.
    pub(super) nilai: String,
    /// What a page showing it contains (escaped).
    pub(super) jejak: String,
    /// Pages that show it: each must contain `jejak`.
    pub(super) halaman: Vec<(Siapa, String)>,
    /// JSON answers that carry it as a string.
    pub(super) api: Vec<(Siapa, String)>,
    /// Shown inside an attribute value (an input's `value`, a link's `href`) on one of its pages.
    pub(super) atribut: bool,
}

/// A browser: the session cookie of one login and the CSRF token of its pages.
pub(super) struct Peramban<'a> {
    u: &'a Uji,
    pub(super) siapa: Siapa,
    pub(super) cookie: Option<String>,
    pub(super) csrf: String,
}

impl<'a> Peramban<'a> {
    /// Log in through the login form, as a browser does.
    pub(super) async fn masuk(u: &'a Uji, siapa: Siapa) -> Peramban<'a> {
        if siapa == Siapa::Tamu {
            return Peramban {
                u,
                siapa,
                cookie: None,
                csrf: String::new(),
            };
        }
        let cookie = masuk_cookie(&u.router, &siapa.username(u)).await;
        let mut p = Peramban {
            u,
            siapa,
            cookie: Some(cookie),
            csrf: String::new(),
        };
        let r = p.get("/").await;
        assert_eq!(r.status, StatusCode::OK, "home of {siapa:?}: {}", r.teks());
        p.csrf = super::nilai_input(&r.teks(), "csrf");
        assert!(!p.csrf.is_empty(), "the page carries the session's token");
        p
    }

    pub(super) async fn kirim(
        &self,
        method: Method,
        uri: &str,
        body: Option<(&str, Vec<u8>)>,
    ) -> Jawab {
        let mut b = Request::builder().method(method).uri(uri);
        if let Some(c) = &self.cookie {
            b = b.header(header::COOKIE, format!("{}={c}", COOKIE));
        }
        let req = match body {
            Some((ct, bytes)) => b
                .header(header::CONTENT_TYPE, ct)
                .body(Body::from(bytes))
                .unwrap(),
            None => b.body(Body::empty()).unwrap(),
        };
        let res = self.u.router.clone().oneshot(req).await.unwrap();
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

    pub(super) async fn get(&self, uri: &str) -> Jawab {
        self.kirim(Method::GET, uri, None).await
    }

    /// A page as a browser shows it: redirects within the site followed.
    pub(super) async fn ikuti(&self, uri: &str) -> Jawab {
        let mut r = self.get(uri).await;
        for _ in 0..3 {
            let Some(l) = r
                .headers
                .get(header::LOCATION)
                .and_then(|l| l.to_str().ok())
                .filter(|l| l.starts_with('/'))
                .map(str::to_string)
            else {
                break;
            };
            r = self.get(&l).await;
        }
        r
    }

    /// A form post with the session's token first.
    pub(super) async fn form(&self, uri: &str, isian: &[(&str, &str)]) -> Jawab {
        let mut semua = vec![("csrf", self.csrf.as_str())];
        semua.extend_from_slice(isian);
        self.form_mentah(uri, &semua).await
    }

    /// A form post exactly as given.
    pub(super) async fn form_mentah(&self, uri: &str, isian: &[(&str, &str)]) -> Jawab {
        self.kirim(
            Method::POST,
            uri,
            Some((
                "application/x-www-form-urlencoded",
                super::urlencode(isian).into_bytes(),
            )),
        )
        .await
    }
}

pub(super) const COOKIE: &str = "kinerja_sesi";

/// Log in through `POST /masuk` on `router`; the session cookie's value.
pub(super) async fn masuk_cookie(router: &axum::Router, username: &str) -> String {
    let r = masuk_jawab(router, username).await;
    assert_eq!(
        r.status,
        StatusCode::SEE_OTHER,
        "login {username}: {}",
        r.teks()
    );
    let c = set_cookie(&r, COOKIE).expect("a session cookie");
    c.split(';')
        .next()
        .and_then(|kv| kv.split_once('='))
        .map(|(_, v)| v.to_string())
        .unwrap()
}

pub(super) async fn masuk_jawab(router: &axum::Router, username: &str) -> Jawab {
    let form = super::urlencode(&[
        ("username", username),
        ("password", kinerja_app::demo::PASSWORD_DEMO),
    ]);
    let req = Request::builder()
        .method(Method::POST)
        .uri("/masuk")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(form))
        .unwrap();
    let res = router.clone().oneshot(req).await.unwrap();
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

/// The `Set-Cookie` header that sets `nama`.
pub(super) fn set_cookie(r: &Jawab, nama: &str) -> Option<String> {
    r.headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with(&format!("{nama}=")))
        .map(str::to_string)
}

/// What the checks counted, for the summary line.
#[derive(Default)]
pub(super) struct Hitung {
    pub(super) halaman: BTreeSet<(Siapa, String)>,
    pub(super) html: usize,
    pub(super) json: usize,
    pub(super) unduhan: usize,
    pub(super) pdf: usize,
    pub(super) tag: usize,
    pub(super) rute_post: usize,
    pub(super) post_ditolak: usize,
    pub(super) rute_api: usize,
    pub(super) api_ditolak: usize,
}

pub async fn semua(u: &Uji) {
    let mut h = Hitung::default();
    let (bidang, kx) = isian::simpan(u).await;
    isian::nomor_unik(&bidang);
    let peramban: BTreeMap<Siapa, Peramban> = {
        let mut m = BTreeMap::new();
        for s in Siapa::LOGIN.into_iter().chain([Siapa::Tamu]) {
            m.insert(s, Peramban::masuk(u, s).await);
        }
        m
    };
    // Reflected input: typed into a query, a path, a form that is refused.
    let pantul = isian::pantulan(&peramban, &mut h).await;
    periksa_halaman(&peramban, &bidang, isian::halaman_lain(&kx), &mut h).await;
    periksa_api(u, &bidang, &mut h).await;
    isian::unduhan(u, &kx, &bidang, &mut h).await;
    tajuk::semua(u, &mut h).await;
    csrf::semua(u, &mut h).await;
    println!(
        "keluaran: {} stored fields with a marker, {} reflected inputs, {} pages checked ({} distinct page views, {} tags read), \
         {} JSON answers, {} downloads, {} PDFs; {} page POST routes (forms) checked, {} bad-token posts refused; \
         {} state-changing API routes refused {} cookie-only calls",
        bidang.len(),
        pantul.len(),
        h.html,
        h.halaman.len(),
        h.tag,
        h.json,
        h.unduhan,
        h.pdf,
        h.rute_post,
        h.post_ditolak,
        h.rute_api,
        h.api_ditolak
    );
}

/// Every page each field must show on, plus the pages that show the same data in passing
/// (dashboards, lists): all read by the browser of that login and checked whole.
async fn periksa_halaman(
    peramban: &BTreeMap<Siapa, Peramban<'_>>,
    bidang: &[Bidang],
    lain: BTreeSet<(Siapa, String)>,
    h: &mut Hitung,
) {
    let mut daftar: BTreeSet<(Siapa, String)> = bidang
        .iter()
        .flat_map(|b| b.halaman.iter().cloned())
        .collect();
    daftar.extend(lain);
    let mut terlihat: BTreeMap<usize, BTreeSet<(Siapa, String)>> = BTreeMap::new();
    let mut di_atribut: BTreeSet<usize> = BTreeSet::new();
    for (siapa, uri) in &daftar {
        let r = peramban[siapa].ikuti(uri).await;
        assert_eq!(
            r.status,
            StatusCode::OK,
            "{siapa:?} GET {uri}: {}",
            r.teks()
        );
        let teks = r.teks();
        let tags = periksa_html(&r, &format!("{siapa:?} {uri}"), h);
        h.halaman.insert((*siapa, uri.clone()));
        for b in bidang {
            if teks.contains(&b.jejak) {
                terlihat
                    .entry(b.n)
                    .or_default()
                    .insert((*siapa, uri.clone()));
            }
            if tags
                .iter()
                .any(|t| t.atribut.iter().any(|(_, v)| v.contains(&b.nilai)))
            {
                di_atribut.insert(b.n);
            }
        }
    }
    for b in bidang {
        let ada = terlihat.get(&b.n).cloned().unwrap_or_default();
        assert!(
            !ada.is_empty(),
            "field {} ({}) is shown, escaped, on at least one page",
            b.n,
            b.nama
        );
        for (siapa, uri) in &b.halaman {
            assert!(
                ada.contains(&(*siapa, uri.clone())),
                "field {} ({}) shows, escaped, on {uri} for {siapa:?}; it was found on {ada:?}",
                b.n,
                b.nama
            );
        }
        if b.atribut {
            assert!(
                di_atribut.contains(&b.n),
                "field {} ({}) stays whole inside an attribute value on one of its pages",
                b.n,
                b.nama
            );
        }
    }
}

/// The checks every HTML page passes: headers, no inline script, no handler attribute, none of
/// the markers' raw parts. The tags read, for the callers' own checks.
pub(super) fn periksa_html(r: &Jawab, apa: &str, h: &mut Hitung) -> Vec<pindai::Tag> {
    let ct = r
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    assert!(ct.starts_with("text/html"), "{apa}: an HTML page ({ct})");
    tajuk::periksa(r, apa);
    let teks = r.teks();
    // Escaped, none of these survives (`onerror=alert(` does, as text after `&lt;img`; the tag
    // reader below finds it if it ever became an attribute).
    for mentah in [
        "<script",
        "<img src=x",
        "</textarea><",
        "\" onmouseover=\"alert(",
    ] {
        if let Some(i) = teks.find(mentah) {
            let a = teks[..i].char_indices().rev().nth(300).map_or(0, |x| x.0);
            let b = (i + 200).min(teks.len());
            let b = (b..teks.len())
                .find(|j| teks.is_char_boundary(*j))
                .unwrap_or(teks.len());
            panic!("{apa}: raw `{mentah}` in the page: …{}…", &teks[a..b]);
        }
    }
    let tags = pindai::baca(&teks);
    h.tag += tags.len();
    h.html += 1;
    for t in &tags {
        assert!(
            t.nama != "script",
            "{apa}: a <script> element in the page: {t:?}"
        );
        for (k, v) in &t.atribut {
            assert!(
                !k.starts_with("on"),
                "{apa}: an event handler attribute `{k}` on <{}>",
                t.nama
            );
            if ["href", "src", "action", "formaction"].contains(&k.as_str()) {
                assert!(
                    !v.trim_start()
                        .to_ascii_lowercase()
                        .starts_with("javascript:"),
                    "{apa}: a javascript: URL in {k}"
                );
            }
            assert!(
                !k.contains('"') && !k.contains('\'') && !k.contains('<'),
                "{apa}: a broken attribute name `{k}` on <{}> (text escaped its quotes)",
                t.nama
            );
        }
    }
    tags
}

/// Each field's JSON answers carry the marker as a string; the answer is JSON, not a page.
async fn periksa_api(u: &Uji, bidang: &[Bidang], h: &mut Hitung) {
    let mut token: BTreeMap<Siapa, String> = BTreeMap::new();
    for b in bidang {
        for (siapa, uri) in &b.api {
            if !token.contains_key(siapa) {
                token.insert(*siapa, u.token(&siapa.username(u)).await);
            }
            let r = u.get(uri, Some(&token[siapa])).await;
            assert_eq!(
                r.status,
                StatusCode::OK,
                "{siapa:?} GET {uri}: {}",
                r.teks()
            );
            let ct = r
                .headers
                .get(header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("");
            assert!(ct.starts_with("application/json"), "{uri}: JSON ({ct})");
            tajuk::periksa(&r, uri);
            assert!(
                ada_teks(&r.json(), &b.nilai),
                "field {} ({}) is carried as data by {uri}",
                b.n,
                b.nama
            );
            h.json += 1;
        }
    }
}

/// Whether a JSON value holds a string containing `cari`.
pub(super) fn ada_teks(v: &serde_json::Value, cari: &str) -> bool {
    match v {
        serde_json::Value::String(s) => s.contains(cari),
        serde_json::Value::Array(a) => a.iter().any(|x| ada_teks(x, cari)),
        serde_json::Value::Object(o) => o.values().any(|x| ada_teks(x, cari)),
        _ => false,
    }
}

/// The page checks reject what escaping would have prevented (the checker can fail).
#[test]
fn pemeriksa_halaman_menolak_keluaran_mentah() {
    use axum::http::{HeaderMap, HeaderValue};
    let jawab = |body: &str| {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/html; charset=utf-8"),
        );
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(
                "default-src 'self'; script-src 'self'; frame-ancestors 'none'; object-src 'none'",
            ),
        );
        headers.insert(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        );
        Jawab {
            status: StatusCode::OK,
            headers,
            body: body.as_bytes().to_vec(),
        }
    };
    let gagal = |body: &str| {
        let r = jawab(body);
        std::panic::catch_unwind(move || periksa_html(&r, "uji", &mut Hitung::default())).is_err()
    };
    let m = penanda(1);
    assert!(!gagal(&format!(
        "<p>{}</p><input value=\"{}\">",
        esc(&m),
        esc(&m)
    )));
    assert!(gagal(&format!("<p>{m}</p>")), "raw in text");
    assert!(
        gagal(&format!("<input value=\"{}\">", m.replace('<', "&lt;"))),
        "a quote left the attribute"
    );
    assert!(
        gagal("<a href=\"javascript:alert(1)\">x</a>"),
        "javascript: URL"
    );
    assert!(gagal("<p onclick=\"x()\">x</p>"), "handler attribute");
    let mut tanpa_csp = jawab("<p>x</p>");
    tanpa_csp.headers.remove(header::CONTENT_SECURITY_POLICY);
    assert!(std::panic::catch_unwind(move || periksa_html(
        &tanpa_csp,
        "uji",
        &mut Hitung::default()
    ))
    .is_err());
}
