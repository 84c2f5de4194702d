//! Every (method, path) the router serves, read from the router's own source: each
//! `.route("path", get(..).post(..))` of `crates/web/src/*.rs`, under `/api/v1` for the API
//! files (`api.rs` and `api_*.rs`, nested there by `lib.rs`), at the root for the pages and
//! `lib.rs`. A route added anywhere in those files is found without touching this test.

use std::collections::BTreeSet;
use std::path::Path;

/// HTTP methods as axum's `MethodRouter` builders name them.
const METODE: [&str; 7] = ["get", "post", "put", "patch", "delete", "head", "options"];

/// One route: upper-case method and the full path template (`/api/v1/skp/{id}`).
pub type Rute = (String, String);

/// The routes of the router's source, with the file each came from.
pub fn dari_sumber() -> Vec<(Rute, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let lib = std::fs::read_to_string(dir.join("lib.rs")).expect("lib.rs");
    assert!(
        lib.contains(".nest(\"/api/v1\", api::rute())"),
        "the API is nested under /api/v1 by lib.rs (the prefix this test gives api*.rs)"
    );
    let mut berkas: Vec<_> = std::fs::read_dir(&dir)
        .expect("src")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "rs"))
        .collect();
    berkas.sort();
    let mut out = Vec::new();
    for f in berkas {
        let nama = f.file_name().unwrap().to_string_lossy().into_owned();
        let awalan = if nama == "api.rs" || nama.starts_with("api_") {
            "/api/v1"
        } else {
            ""
        };
        let teks = std::fs::read_to_string(&f).unwrap();
        // Comment lines never declare a route.
        let kode: String = teks
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        for (jalur, metode) in panggilan_route(&kode) {
            for m in metode {
                out.push(((m, format!("{awalan}{jalur}")), nama.clone()));
            }
        }
    }
    out
}

/// `(path, methods)` of every `.route(` call in a source text.
fn panggilan_route(kode: &str) -> Vec<(String, Vec<String>)> {
    let b = kode.as_bytes();
    let mut out = Vec::new();
    let mut dari = 0;
    while let Some(i) = kode[dari..].find(".route(") {
        let mulai = dari + i + ".route(".len();
        let akhir = penutup(b, mulai).unwrap_or_else(|| panic!("unclosed .route( at byte {mulai}"));
        let arg = &kode[mulai..akhir];
        let jalur = literal_pertama(arg)
            .unwrap_or_else(|| panic!("a .route( without a path literal: {arg}"));
        let sisa = &arg[arg.find(',').map_or(arg.len(), |k| k + 1)..];
        let metode = metode_dalam(sisa);
        assert!(!metode.is_empty(), "no method for route {jalur}: {arg}");
        out.push((jalur, metode));
        dari = akhir;
    }
    out
}

/// The byte index of the `)` closing the call whose arguments start at `mulai`.
fn penutup(b: &[u8], mulai: usize) -> Option<usize> {
    let mut dalam = 1usize;
    let mut i = mulai;
    let mut string = false;
    while i < b.len() {
        let c = b[i];
        if string {
            if c == b'\\' {
                i += 1;
            } else if c == b'"' {
                string = false;
            }
        } else {
            match c {
                b'"' => string = true,
                b'(' => dalam += 1,
                b')' => {
                    dalam -= 1;
                    if dalam == 0 {
                        return Some(i);
                    }
                }
                _ => {}
            }
        }
        i += 1;
    }
    None
}

fn literal_pertama(s: &str) -> Option<String> {
    let a = s.find('"')? + 1;
    let z = s[a..].find('"')? + a;
    Some(s[a..z].to_string())
}

/// Method builders called in a `MethodRouter` expression: `get(` not preceded by an identifier
/// character (`axum::routing::get(` counts, `target(` does not).
fn metode_dalam(s: &str) -> Vec<String> {
    let b = s.as_bytes();
    let mut v = Vec::new();
    for m in METODE {
        let pola = format!("{m}(");
        let mut dari = 0;
        while let Some(i) = s[dari..].find(&pola) {
            let k = dari + i;
            let sebelum = if k == 0 { b' ' } else { b[k - 1] };
            if !(sebelum.is_ascii_alphanumeric() || sebelum == b'_') {
                let up = m.to_uppercase();
                if !v.contains(&up) {
                    v.push(up);
                }
            }
            dari = k + pola.len();
        }
    }
    v
}

/// The set of routes, checked to be free of duplicates (one method and path declared twice
/// would make axum panic at start anyway).
pub fn himpunan(v: &[(Rute, String)]) -> BTreeSet<Rute> {
    let mut s = BTreeSet::new();
    for (r, f) in v {
        assert!(
            s.insert(r.clone()),
            "route {r:?} declared twice (again in {f})"
        );
    }
    s
}

#[test]
fn pembaca_route_mengenali_bentuknya() {
    let kode = r#"
        Router::new()
            .route("/a", get(x))
            .route(
                "/b/{id}",
                get(y).put(z).delete(hapus_target),
            )
            .route("/c", post(f).layer(DefaultBodyLimit::max(3 * (1 + 2))))
            .route("/d", axum::routing::get(|| async { "ok (x)" }))
    "#;
    let r = panggilan_route(kode);
    assert_eq!(
        r,
        vec![
            ("/a".to_string(), vec!["GET".to_string()]),
            (
                "/b/{id}".to_string(),
                vec!["GET".into(), "PUT".into(), "DELETE".into()]
            ),
            ("/c".to_string(), vec!["POST".to_string()]),
            ("/d".to_string(), vec!["GET".to_string()]),
        ]
    );
}
