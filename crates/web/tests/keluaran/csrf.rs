//! CSRF on every form: the state-changing page routes are read from the router's source
//! (`src/halaman*.rs`), so a route added later is checked without a new row here. Each is posted
//! by a logged-in browser without the token, with a forged one and with another session's; each
//! must be refused by the token check (403 with its message) and write nothing (the audit log
//! does not grow). The same post with the right token passes the check (whatever the handler
//! then answers, never the token refusal and never 5xx), so the refusals are the check's doing.

use super::{Hitung, Peramban, Siapa};
use crate::{Jawab, Uji};
use axum::http::{header, Method, StatusCode};
use std::collections::BTreeMap;

/// The refusal's message (`Sesi::wajib_csrf`).
const PESAN_CSRF: &str = "token CSRF";

/// A state-changing route of the pages.
#[derive(Debug, Clone)]
pub(super) struct Rute {
    pub(super) pola: String,
    pub(super) metode: Method,
    pub(super) handler: String,
    pub(super) berkas: String,
    /// Reads a multipart body (the token then travels in the query).
    pub(super) multipart: bool,
    /// Needs a logged-in caller (the API's `Masuk`).
    pub(super) masuk: bool,
}

/// Every `.route("…", …post(handler)…)` (and put/patch/delete) of `src/halaman*.rs`.
pub(super) fn rute_halaman() -> Vec<Rute> {
    rute_berkas("halaman")
}

/// The same for the JSON API (`src/api*.rs`, under `/api/v1`).
pub(super) fn rute_api() -> Vec<Rute> {
    rute_berkas("api")
        .into_iter()
        .map(|mut r| {
            r.pola = format!("/api/v1{}", r.pola);
            r
        })
        .collect()
}

fn rute_berkas(awalan: &str) -> Vec<Rute> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
    let mut berkas: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(awalan) && n.ends_with(".rs"))
        })
        .collect();
    berkas.sort();
    let mut out = Vec::new();
    for p in berkas {
        let src = std::fs::read_to_string(&p).unwrap();
        let nama = p.file_name().unwrap().to_string_lossy().to_string();
        let mut i = 0;
        while let Some(rel) = src[i..].find(".route(") {
            let mulai = i + rel + ".route(".len();
            let akhir = tutup(&src, mulai);
            let isi = &src[mulai..akhir];
            i = akhir;
            let Some(pola) = isi.split('"').nth(1) else {
                continue;
            };
            for (kata, metode) in [
                ("post(", Method::POST),
                ("put(", Method::PUT),
                ("patch(", Method::PATCH),
                ("delete(", Method::DELETE),
            ] {
                for (j, _) in isi.match_indices(kata) {
                    let sebelum = isi[..j].chars().last();
                    if sebelum.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                        continue;
                    }
                    let handler: String = isi[j + kata.len()..]
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                        .collect();
                    let tt = tanda_tangan(&src, &handler);
                    out.push(Rute {
                        pola: pola.to_string(),
                        metode: metode.clone(),
                        multipart: tt.contains("Multipart"),
                        masuk: tt.contains("Masuk") && !tt.contains("JsonMasuk<Login>"),
                        handler,
                        berkas: nama.clone(),
                    });
                }
            }
        }
    }
    out
}

/// The index of the `)` closing the parenthesis opened just before `i` (strings skipped).
fn tutup(src: &str, mut i: usize) -> usize {
    let b = src.as_bytes();
    let mut dalam = 1;
    let mut teks = false;
    while i < b.len() {
        match b[i] {
            b'"' if i == 0 || b[i - 1] != b'\\' => teks = !teks,
            b'(' if !teks => dalam += 1,
            b')' if !teks => {
                dalam -= 1;
                if dalam == 0 {
                    return i;
                }
            }
            _ => {}
        }
        i += 1;
    }
    b.len()
}

/// The parameter list of `async fn handler(…)` in `src` (empty when not found there).
fn tanda_tangan<'a>(src: &'a str, handler: &str) -> &'a str {
    let pola = format!("async fn {handler}(");
    match src.find(&pola) {
        Some(a) => {
            let s = a + pola.len();
            &src[s..tutup(src, s)]
        }
        None => "",
    }
}

/// A concrete path for a pattern: ids that exist nowhere, so a post that passes the token check
/// changes nothing either.
fn isi_pola(pola: &str) -> String {
    let nilai: BTreeMap<&str, &str> = [
        ("id", "999999999"),
        ("iki", "999999999"),
        ("iki_id", "999999999"),
        ("rhk_id", "999999999"),
        ("skp_id", "999999999"),
        ("rid", "999999999"),
        ("uid", "999999999"),
        ("pid", "999999999"),
        ("aspek", "akuntabel"),
        ("bid", "999999999"),
        ("unit", "999999999"),
        ("nomor", "999999999"),
        ("nip", "199001012000011999"),
        ("username", "tidak-ada"),
        ("periode", "2026-01"),
        ("tahun", "2099"),
        ("aksi", "ajukan"),
        ("bagian", "rhk"),
        ("jenis", "skp"),
        ("kode", "TIDAKADA"),
        ("berkas", "pegawai.csv"),
    ]
    .into_iter()
    .collect();
    let mut out = String::new();
    let mut sisa = pola;
    while let Some(a) = sisa.find('{') {
        out.push_str(&sisa[..a]);
        let e = sisa[a..].find('}').unwrap() + a;
        let k = sisa[a + 1..e].trim_start_matches('*');
        out.push_str(nilai.get(k).unwrap_or_else(|| {
            panic!("a value for the path parameter {{{k}}} of {pola}: add it to isi_pola")
        }));
        sisa = &sisa[e + 1..];
    }
    out.push_str(sisa);
    out
}

const BATAS: &str = "xKeluaranBatas";

/// The post of a route with a token (or none): a form body, or a multipart body with the
/// token in the query.
async fn kirim(p: &Peramban<'_>, r: &Rute, uri: &str, token: Option<&str>) -> Jawab {
    if r.multipart {
        let uri = match token {
            Some(t) => format!("{uri}?csrf={t}"),
            None => uri.to_string(),
        };
        let body = format!(
            "--{BATAS}\r\nContent-Disposition: form-data; name=\"keterangan\"\r\n\r\nx\r\n--{BATAS}--\r\n"
        );
        p.kirim(
            r.metode.clone(),
            &uri,
            Some((
                &format!("multipart/form-data; boundary={BATAS}"),
                body.into_bytes(),
            )),
        )
        .await
    } else {
        let mut isian = vec![("x", "1")];
        if let Some(t) = token {
            isian.push(("csrf", t));
        }
        p.kirim(
            r.metode.clone(),
            uri,
            Some((
                "application/x-www-form-urlencoded",
                crate::urlencode(&isian).into_bytes(),
            )),
        )
        .await
    }
}

fn ditolak(j: &Jawab, apa: &str) {
    assert_eq!(j.status, StatusCode::FORBIDDEN, "{apa}: {}", j.teks());
    assert!(
        j.teks().contains(PESAN_CSRF),
        "{apa}: refused by the token check: {}",
        j.teks()
    );
}

pub(super) async fn semua(u: &Uji, h: &mut Hitung) {
    let rute = rute_halaman();
    let pola: Vec<&str> = rute.iter().map(|r| r.pola.as_str()).collect();
    for wajib in ["/keluar", "/skp/{id}/{aksi}", "/impor", "/profil/{tahun}"] {
        assert!(pola.contains(&wajib), "the reader finds {wajib}: {pola:?}");
    }
    assert!(
        rute.iter().any(|r| r.multipart) && rute.iter().any(|r| !r.multipart),
        "both kinds of form are found"
    );
    let audit = || async { u.app.store.verifikasi_audit().await.unwrap().jumlah_entri };

    let admin = Peramban::masuk(u, Siapa::Admin).await;
    let pegawai = Peramban::masuk(u, Siapa::Jf).await;
    let tamu = Peramban::masuk(u, Siapa::Tamu).await;
    let sebelum = audit().await;
    for r in &rute {
        if r.pola == "/masuk" {
            continue;
        }
        let uri = isi_pola(&r.pola);
        let apa = |x: &str| format!("{} {uri} ({} in {}) {x}", r.metode, r.handler, r.berkas);
        // Logged out: to the login page, nothing else.
        let j = kirim(&tamu, r, &uri, Some("x")).await;
        assert!(
            j.status == StatusCode::SEE_OTHER
                && j.headers
                    .get(header::LOCATION)
                    .is_some_and(|l| l == "/masuk"),
            "{}: {} {}",
            apa("logged out"),
            j.status,
            j.teks()
        );
        for (p, lain) in [(&admin, &pegawai), (&pegawai, &admin)] {
            let palsu: String = p
                .csrf
                .chars()
                .map(|c| if c == 'a' { 'b' } else { 'a' })
                .collect();
            for (token, jenis) in [
                (None, "without a token"),
                (Some(""), "with an empty token"),
                (Some(palsu.as_str()), "with a forged token"),
                (Some(lain.csrf.as_str()), "with another session's token"),
            ] {
                let j = kirim(p, r, &uri, token).await;
                ditolak(&j, &apa(&format!("{:?} {jenis}", p.siapa)));
                h.post_ditolak += 1;
            }
        }
        h.rute_post += 1;
    }
    assert_eq!(
        audit().await,
        sebelum,
        "no refused post wrote anything (audit log unchanged)"
    );

    // With the right token the same posts pass the check (ids that do not exist: nothing to
    // change). Logging out goes last: it ends the session.
    let mut urut: Vec<&Rute> = rute.iter().filter(|r| r.pola != "/masuk").collect();
    urut.sort_by_key(|r| r.pola == "/keluar");
    for p in [&admin, &pegawai] {
        for r in &urut {
            let uri = isi_pola(&r.pola);
            let j = kirim(p, r, &uri, Some(&p.csrf)).await;
            assert!(
                !j.teks().contains(PESAN_CSRF) && j.status.as_u16() < 500,
                "{:?} {} {uri} with its own token passes the token check: {} {}",
                p.siapa,
                r.metode,
                j.status,
                j.teks()
            );
        }
    }

    api_cookie(u, h).await;

    // The login form has no session yet: a post from another site is refused by its origin.
    let form = crate::urlencode(&[
        ("username", &Siapa::Jf.username(u)),
        ("password", kinerja_app::demo::PASSWORD_DEMO),
    ]);
    for (origin, status) in [
        (Some("https://jahat.example"), StatusCode::FORBIDDEN),
        (Some("http://kinerja.example"), StatusCode::SEE_OTHER),
        (None, StatusCode::SEE_OTHER),
    ] {
        use axum::body::Body;
        use axum::http::Request;
        use tower::ServiceExt;
        let mut b = Request::builder()
            .method(Method::POST)
            .uri("/masuk")
            .header(header::HOST, "kinerja.example")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
        if let Some(o) = origin {
            b = b.header(header::ORIGIN, o);
        }
        let res = u
            .router
            .clone()
            .oneshot(b.body(Body::from(form.clone())).unwrap())
            .await
            .unwrap();
        assert_eq!(res.status(), status, "login posted from {origin:?}");
    }
}

/// The JSON API changes nothing for a caller known only by the session cookie: another site's
/// form can make a browser send the cookie (and a JSON body as `text/plain`), never an
/// `Authorization` header. Every state-changing API route that needs a caller is tried with the
/// cookie alone; the same call with the bearer token passes that check.
async fn api_cookie(u: &Uji, h: &mut Hitung) {
    let rute: Vec<Rute> = rute_api().into_iter().filter(|r| r.masuk).collect();
    let pola: Vec<&str> = rute.iter().map(|r| r.pola.as_str()).collect();
    for wajib in [
        "/api/v1/skp",
        "/api/v1/skp/{id}",
        "/api/v1/realisasi/{id}/bukti",
        "/api/v1/auth/logout",
    ] {
        assert!(pola.contains(&wajib), "the reader finds {wajib}: {pola:?}");
    }
    assert!(
        !pola.contains(&"/api/v1/auth/login"),
        "logging in needs no caller"
    );
    let jf = Peramban::masuk(u, Siapa::Jf).await;
    let token = u.token(&Siapa::Jf.username(u)).await;
    let audit = || async { u.app.store.verifikasi_audit().await.unwrap().jumlah_entri };
    let sebelum = audit().await;
    for r in &rute {
        let uri = isi_pola(&r.pola);
        for ct in ["text/plain", "application/json"] {
            let j = jf
                .kirim(r.metode.clone(), &uri, Some((ct, b"{}".to_vec())))
                .await;
            assert_eq!(
                (
                    j.status,
                    j.json()["error"]["code"].as_str().unwrap_or("").to_string()
                ),
                (StatusCode::FORBIDDEN, "dilarang".to_string()),
                "{} {uri} ({}) with the session cookie only ({ct}): {}",
                r.metode,
                r.handler,
                j.teks()
            );
            assert!(j.teks().contains("token Bearer"), "{}", j.teks());
            h.api_ditolak += 1;
        }
    }
    assert_eq!(
        audit().await,
        sebelum,
        "no cookie-only API call wrote anything"
    );
    let mut urut: Vec<&Rute> = rute.iter().collect();
    urut.sort_by_key(|r| r.pola.ends_with("/logout"));
    for r in urut {
        let uri = isi_pola(&r.pola);
        let j = u
            .kirim(
                r.metode.clone(),
                &uri,
                Some(&token),
                Some(("application/json", b"{}".to_vec())),
            )
            .await;
        assert!(
            !j.teks().contains("token Bearer") && j.status.as_u16() < 500,
            "{} {uri} with the bearer token passes that check: {} {}",
            r.metode,
            j.status,
            j.teks()
        );
    }
    h.rute_api = rute.len();
}

#[test]
fn pembaca_rute_menemukan_setiap_form() {
    let r = rute_halaman();
    // Every route the reader finds has a handler it could read; a multi-line route is found.
    assert!(r.iter().all(|x| !x.handler.is_empty()), "{r:?}");
    assert!(r
        .iter()
        .any(|x| x.pola == "/realisasi/{id}/bukti" && x.multipart));
    assert!(r.iter().any(|x| x.pola == "/impor" && x.multipart));
    assert!(r
        .iter()
        .any(|x| x.pola == "/evaluasi/skp/{id}/{periode}/tandatangani"));
    assert!(!r
        .iter()
        .any(|x| x.pola == "/pegawai" || x.pola == "/realisasi"));
    assert_eq!(isi_pola("/skp/{id}/{aksi}"), "/skp/999999999/ajukan");
}
