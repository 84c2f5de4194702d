//! The access matrix: every operation of the API and every page (each method and path the
//! router serves) against each relationship to a target pegawai T — T themself, their rater,
//! the atasan pejabat penilai, a pimpinan who assigned them work, someone who gave them 360
//! feedback on request, a peer sharing their rater, a colleague in their bidang with no
//! relation, a pegawai of another perangkat daerah, the HR admin, a logged-out visitor.
//!
//! One table (`tabel.rs`) holds a row per (method, path) with the relationships allowed; the
//! rows must be exactly the routes of the router's source (`rute.rs`), so a new route without
//! a row — or a row left behind by a removed route — fails here, as does an OpenAPI operation
//! without a row.
//!
//! For every case: an allowed caller gets neither 401, 403, 404 nor a 5xx (a page: nor the
//! redirect to the login form); a denied one gets 403 or 404 (401 `belum_masuk` from the API
//! when logged out, a 303 to `/masuk` from a page), never a 5xx. Denied callers go first, and
//! the audit log must not move while they do (nothing was written); then the allowed ones,
//! whose success also shows the resource was there for the denials; for a write, what T sees
//! of their SKP and inbox must not change either. Every answer to a caller
//! who may not see a piece of T's data (T's name and NIP, the realisation, feedback,
//! keberatan and report texts planted by the fixture) must not contain it, allowed or denied.

#[path = "fiksur.rs"]
mod fiksur;
#[path = "rute.rs"]
pub mod rute;
#[path = "tabel.rs"]
mod tabel;

use super::{Jawab, Uji};
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use fiksur::Fiksur;
use std::collections::BTreeSet;
use tower::ServiceExt;

/// How a caller stands to the target pegawai T.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Hub {
    /// T themself.
    Diri,
    /// T's pejabat penilai.
    Penilai,
    /// T's atasan pejabat penilai.
    Atasan,
    /// Another pimpinan whose assignment became one of T's RHK.
    Penugas,
    /// Someone of another perangkat daerah who gave T 360 feedback on T's request.
    Pemberi360,
    /// A peer in T's unit with the same rater (no feedback given).
    Rekan,
    /// A colleague in T's bidang, outside T's seksi, with no relation to T.
    Sejawat,
    /// A pegawai of another perangkat daerah with no relation to T.
    UnitLain,
    /// The HR admin (BKPSDM).
    Admin,
    /// Nobody logged in.
    Anonim,
}

pub const SEMUA_HUB: [Hub; 10] = [
    Hub::Diri,
    Hub::Penilai,
    Hub::Atasan,
    Hub::Penugas,
    Hub::Pemberi360,
    Hub::Rekan,
    Hub::Sejawat,
    Hub::UnitLain,
    Hub::Admin,
    Hub::Anonim,
];

impl Hub {
    pub const fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

// Sets of relationships, as bits.
pub const D: u16 = Hub::Diri.bit();
pub const PN: u16 = Hub::Penilai.bit();
pub const AT: u16 = Hub::Atasan.bit();
pub const PG: u16 = Hub::Penugas.bit();
pub const G: u16 = Hub::Pemberi360.bit();
pub const RK: u16 = Hub::Rekan.bit();
pub const SJ: u16 = Hub::Sejawat.bit();
pub const UL: u16 = Hub::UnitLain.bit();
pub const AD: u16 = Hub::Admin.bit();
pub const AN: u16 = Hub::Anonim.bit();
/// Every pegawai account.
pub const PEGAWAI: u16 = D | PN | AT | PG | G | RK | SJ | UL;
/// Anyone logged in.
pub const MASUK: u16 = PEGAWAI | AD;
/// Anyone at all.
pub const PUBLIK: u16 = MASUK | AN;
/// T, their rater, their atasan, the HR admin: who sees all of T's work.
pub const RANTAI: u16 = D | PN | AT | AD;
/// Heads of a unit above T's (their rater heads T's seksi, the atasan T's bidang), the HR admin.
pub const PIMPINAN_T: u16 = PN | AT | AD;

/// A request body. `$VERSI` anywhere in it is replaced, at the moment of sending, by the
/// current version of T's SKP (a number); pages get their caller's CSRF token added.
#[derive(Clone, Debug)]
pub enum Isi {
    Kosong,
    Json(serde_json::Value),
    Form(Vec<(String, String)>),
    /// Raw bytes with a content type (CSV imports, multipart uploads). For a page the CSRF
    /// token goes in the query string, as the page's form sends it.
    Mentah(String, Vec<u8>),
}

/// One concrete request of a row, and who may make it.
#[derive(Clone, Debug)]
pub struct Kasus {
    pub uri: String,
    pub isi: Isi,
    pub izin: u16,
    /// A public resource that shows T's data by design (a document's verification).
    pub publik: bool,
    /// An allowed call ends the caller's session (log out, password change).
    pub akhiri_sesi: bool,
    /// An allowed call ends T's sessions (an admin's password reset of T).
    pub akhiri_sesi_t: bool,
    /// A denied call is a no-op that sends the caller back (a redirect, not to the login
    /// form); the audit log and T's own view must show that nothing changed.
    pub tolak_diam: bool,
}

/// One route: its method and path template as the router declares it, and the cases that
/// exercise it.
pub struct Baris {
    pub metode: Method,
    pub pola: &'static str,
    pub kasus: Vec<Kasus>,
}

impl Baris {
    fn halaman(&self) -> bool {
        !self.pola.starts_with("/api/") && !matches!(self.pola, "/healthz" | "/metrics")
    }
}

/// The year `Uji::baru` loads the demo for.
const TAHUN_DEMO: i32 = 2026;

/// The summary of a run.
#[derive(Default)]
struct Hitungan {
    baris: usize,
    kasus: usize,
    periksa: usize,
    izin: usize,
    tolak: usize,
}

pub async fn semua(u: &Uji) {
    // The table's rows and the router's routes are the same set (this needs no data).
    let sumber = rute::dari_sumber();
    let di_sumber = rute::himpunan(&sumber);

    let hari = kinerja_app::skp::hari_ini();
    if chrono::Datelike::year(&hari) != TAHUN_DEMO {
        // The demo documents its year up to today; the fixture's months assume today is in it.
        eprintln!("akses: the demo year is not this year; only the route coverage is checked");
        cocokkan_rute(&tabel::baris(&fiksur::Id::default()), &di_sumber, false);
        return;
    }
    let mut f = fiksur::bangun(u).await;
    for h in SEMUA_HUB {
        if let Some(p) = f.orang.get(&h) {
            eprintln!(
                "akses: {h:?} = {} ({})",
                p.jabatan_nama.as_deref().unwrap_or("-"),
                p.unit_nama.as_deref().unwrap_or("-")
            );
        }
    }
    let t = tabel::baris(&f.id);
    cocokkan_rute(&t, &di_sumber, true);
    cocokkan_openapi(u, &t).await;

    let mut n = Hitungan::default();
    let mut galat: Vec<String> = Vec::new();
    for b in &t {
        n.baris += 1;
        for k in &b.kasus {
            n.kasus += 1;
            periksa_kasus(u, &mut f, b, k, &mut n, &mut galat).await;
        }
    }
    // Each piece of T's data reached someone allowed to see it: the leak checks looked for
    // something real.
    for p in &f.penanda {
        assert!(
            p.terlihat.get(),
            "{} never appeared in an answer to those allowed to see it",
            p.nama
        );
    }
    let h = u.app.store.verifikasi_audit().await.unwrap();
    assert!(
        h.utuh(),
        "audit chain intact after the matrix: {:?}",
        h.rusak
    );
    assert!(
        galat.is_empty(),
        "access matrix: {} of {} checks wrong:\n{}",
        galat.len(),
        n.periksa,
        galat.join("\n")
    );
    eprintln!(
        "akses: {} operasi ({} kasus) x {} hubungan = {} pemeriksaan ({} diizinkan, {} ditolak)",
        n.baris,
        n.kasus,
        SEMUA_HUB.len(),
        n.periksa,
        n.izin,
        n.tolak
    );
}

/// Rows and routes are the same set.
fn cocokkan_rute(t: &[Baris], di_sumber: &BTreeSet<rute::Rute>, dengan_data: bool) {
    let mut di_tabel = BTreeSet::new();
    for b in t {
        let r = (b.metode.to_string(), b.pola.to_string());
        assert!(di_tabel.insert(r.clone()), "two rows for {r:?}");
        assert!(!b.kasus.is_empty(), "row {r:?} without a case");
        for k in b.kasus.iter().filter(|_| dengan_data) {
            assert!(
                cocok_pola(b.pola, k.uri.split('?').next().unwrap()),
                "case {} does not fit the row's path {}",
                k.uri,
                b.pola
            );
        }
    }
    let tanpa_baris: Vec<_> = di_sumber.difference(&di_tabel).collect();
    let basi: Vec<_> = di_tabel.difference(di_sumber).collect();
    assert!(
        tanpa_baris.is_empty() && basi.is_empty(),
        "the access table must have exactly one row per route.\n  routes without a row: {tanpa_baris:?}\n  rows without a route: {basi:?}"
    );
}

/// `/skp/12/rhk/3` fits `/skp/{id}/rhk/{rhk_id}`.
fn cocok_pola(pola: &str, uri: &str) -> bool {
    let a: Vec<&str> = pola.split('/').collect();
    let b: Vec<&str> = uri.split('/').collect();
    a.len() == b.len()
        && a.iter().zip(&b).all(|(p, s)| {
            if p.starts_with('{') {
                !s.is_empty()
            } else {
                p == s
            }
        })
}

/// Every operation the OpenAPI document describes has a row (so it is served and checked).
async fn cocokkan_openapi(u: &Uji, t: &[Baris]) {
    let oa = u.get("/api/openapi.json", None).await.json();
    let di_tabel: BTreeSet<(String, String)> = t
        .iter()
        .map(|b| (b.metode.to_string(), b.pola.to_string()))
        .collect();
    let mut hilang = Vec::new();
    for (jalur, ops) in oa["paths"].as_object().unwrap() {
        for m in ops.as_object().unwrap().keys() {
            let r = (m.to_uppercase(), jalur.clone());
            if !di_tabel.contains(&r) {
                hilang.push(r);
            }
        }
    }
    assert!(
        hilang.is_empty(),
        "OpenAPI operations without a row in the access table: {hilang:?}"
    );
}

/// The latest audit entry (its sequence number): denied calls must not move it.
async fn kepala_audit(u: &Uji, inst: i64) -> i64 {
    u.app
        .store
        .daftar_audit(inst, 1)
        .await
        .unwrap()
        .first()
        .map_or(0, |e| e.seq)
}

async fn periksa_kasus(
    u: &Uji,
    f: &mut Fiksur,
    b: &Baris,
    k: &Kasus,
    n: &mut Hitungan,
    galat: &mut Vec<String>,
) {
    let (tolak, izin): (Vec<Hub>, Vec<Hub>) = SEMUA_HUB.iter().partition(|h| k.izin & h.bit() == 0);
    let menulis = b.metode != Method::GET;
    let sebelum = kepala_audit(u, f.inst).await;
    let saksi_sebelum = if menulis {
        saksi(u, f).await
    } else {
        Vec::new()
    };
    let rinci = std::env::var_os("AKSES_RINCI").is_some();
    for &h in &tolak {
        n.periksa += 1;
        n.tolak += 1;
        let j = kirim(u, f, b, k, h).await;
        if rinci {
            eprintln!("{} {} {h:?} tolak {}", b.metode, k.uri, j.status.as_u16());
        }
        if let Err(e) = nilai_tolak(b, k, h, &j) {
            galat.push(format!(
                "{} {} as {h:?}: denial expected, {e}",
                b.metode, k.uri
            ));
        }
        bocor(f, b, k, h, &j, galat);
    }
    if menulis && saksi(u, f).await != saksi_sebelum {
        galat.push(format!(
            "{} {}: T's SKP or inbox changed while denied callers tried",
            b.metode, k.uri
        ));
    }
    let sesudah = kepala_audit(u, f.inst).await;
    if sesudah != sebelum {
        let log = u
            .app
            .store
            .daftar_audit(f.inst, sesudah - sebelum)
            .await
            .unwrap();
        let apa: Vec<_> = log
            .iter()
            .map(|e| format!("{} {} {} by {}", e.aksi, e.entitas, e.entitas_id, e.pelaku))
            .collect();
        galat.push(format!(
            "{} {}: denied callers changed something (audit {sebelum} -> {sesudah}): {apa:?}",
            b.metode, k.uri
        ));
    }
    for &h in &izin {
        n.periksa += 1;
        n.izin += 1;
        let j = kirim(u, f, b, k, h).await;
        if rinci {
            eprintln!("{} {} {h:?} izin {}", b.metode, k.uri, j.status.as_u16());
        }
        if let Err(e) = nilai_izin(b, k, &j) {
            galat.push(format!(
                "{} {} as {h:?}: allowed expected, {e}",
                b.metode, k.uri
            ));
        }
        bocor(f, b, k, h, &j, galat);
        if k.akhiri_sesi && h != Hub::Anonim {
            f.sesi
                .insert(h, fiksur::masuk(u, &f.sesi[&h].username.clone()).await);
        }
        if k.akhiri_sesi_t {
            f.sesi
                .insert(Hub::Diri, fiksur::masuk(u, &f.nip(Hub::Diri)).await);
        }
    }
    // Work an allowed call started in the background ends before the next denials are
    // watched.
    fiksur::tunggu_latar(u).await;
}

/// What T sees of their SKP and inbox (as JSON text): a denied write must not change it.
async fn saksi(u: &Uji, f: &Fiksur) -> Vec<String> {
    let t = f.sesi[&Hub::Diri].token.clone();
    let mut v = Vec::new();
    for uri in [
        format!("/api/v1/skp/{}", f.id.skp),
        "/api/v1/notifikasi?limit=200".to_string(),
    ] {
        let j = u.get(&uri, Some(&t)).await;
        assert_eq!(j.status, 200, "T reads {uri}: {}", j.teks());
        v.push(j.teks());
    }
    v
}

fn ringkas(j: &Jawab) -> String {
    let t = j.teks();
    let t: String = t.chars().take(300).collect();
    format!("got {} {}", j.status.as_u16(), t.replace('\n', " "))
}

fn lokasi(j: &Jawab) -> Option<String> {
    j.headers
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
}

fn nilai_tolak(b: &Baris, k: &Kasus, h: Hub, j: &Jawab) -> Result<(), String> {
    let s = j.status.as_u16();
    if k.tolak_diam && h != Hub::Anonim && s == 303 && lokasi(j).is_some_and(|l| l != "/masuk") {
        return Ok(());
    }
    if h == Hub::Anonim {
        if b.halaman() {
            if s == 303 && lokasi(j).as_deref() == Some("/masuk") {
                return Ok(());
            }
            return Err(format!("a 303 to /masuk, {}", ringkas(j)));
        }
        if s == 401 && super::kode_galat(j) == "belum_masuk" {
            return Ok(());
        }
        return Err(format!("401 belum_masuk, {}", ringkas(j)));
    }
    match s {
        403 | 404 => {
            if !b.halaman() {
                let kode = super::kode_galat(j);
                let benar = if s == 403 {
                    "dilarang"
                } else {
                    "tidak_ditemukan"
                };
                if kode != benar {
                    return Err(format!("error code {benar}, {}", ringkas(j)));
                }
            }
            Ok(())
        }
        _ => Err(format!("403 or 404, {}", ringkas(j))),
    }
}

fn nilai_izin(b: &Baris, k: &Kasus, j: &Jawab) -> Result<(), String> {
    let s = j.status.as_u16();
    if matches!(s, 401 | 403 | 404) || s >= 500 {
        return Err(ringkas(j));
    }
    // Logging out sends one to the login form; anything else that does lost the session.
    if b.halaman() && !k.akhiri_sesi && s == 303 && lokasi(j).as_deref() == Some("/masuk") {
        return Err(format!("sent to the login form, {}", ringkas(j)));
    }
    Ok(())
}

/// No answer carries a piece of T's data to a caller who may not see it (unless the request
/// itself named it, as a NIP in the path does, or the resource is public by design).
fn bocor(f: &Fiksur, b: &Baris, k: &Kasus, h: Hub, j: &Jawab, galat: &mut Vec<String>) {
    if k.publik {
        return;
    }
    let teks = j.teks();
    let permintaan = format!("{} {:?}", k.uri, k.isi);
    for p in &f.penanda {
        let html = p.teks.replace('\'', "&#x27;");
        if p.boleh & h.bit() != 0 {
            if teks.contains(&p.teks) || teks.contains(&html) {
                p.terlihat.set(true);
            }
            continue;
        }
        if permintaan.contains(&p.teks) {
            continue;
        }
        if let Some(i) = teks.find(&p.teks).or_else(|| teks.find(&html)) {
            let b_ = teks.as_bytes();
            let sekitar = &b_[i.saturating_sub(120)..(i + p.teks.len() + 60).min(b_.len())];
            galat.push(format!(
                "{} {} as {h:?}: the answer ({}) shows {}: …{}…",
                b.metode,
                k.uri,
                j.status.as_u16(),
                p.nama,
                String::from_utf8_lossy(sekitar).replace('\n', " ")
            ));
        }
    }
}

/// `$VERSI` → T's SKP version now.
async fn dengan_versi(u: &Uji, f: &Fiksur, s: String) -> String {
    if !s.contains("$VERSI") {
        return s;
    }
    let v = u
        .app
        .store
        .skp(f.inst, f.id.skp)
        .await
        .unwrap()
        .expect("T's SKP")
        .versi;
    s.replace("\"$VERSI\"", &v.to_string())
        .replace("$VERSI", &v.to_string())
}

async fn kirim(u: &Uji, f: &Fiksur, b: &Baris, k: &Kasus, h: Hub) -> Jawab {
    let sesi = f.sesi.get(&h);
    let halaman = b.halaman();
    let mut uri = dengan_versi(u, f, k.uri.clone()).await;
    let (ct, badan): (Option<String>, Vec<u8>) = match &k.isi {
        Isi::Kosong => (None, Vec::new()),
        Isi::Json(v) => (
            Some("application/json".into()),
            dengan_versi(u, f, v.to_string()).await.into_bytes(),
        ),
        Isi::Form(isian) => {
            let mut v: Vec<(String, String)> = Vec::new();
            if halaman {
                v.push((
                    "csrf".into(),
                    sesi.map(|s| s.csrf.clone()).unwrap_or_default(),
                ));
            }
            for (a, x) in isian {
                v.push((a.clone(), dengan_versi(u, f, x.clone()).await));
            }
            let pasangan: Vec<(&str, &str)> =
                v.iter().map(|(a, x)| (a.as_str(), x.as_str())).collect();
            (
                Some("application/x-www-form-urlencoded".into()),
                super::urlencode(&pasangan).into_bytes(),
            )
        }
        Isi::Mentah(ct, bytes) => {
            if halaman {
                // CSRF tokens are URL-safe base64.
                let c = sesi.map(|s| s.csrf.clone()).unwrap_or_default();
                uri.push(if uri.contains('?') { '&' } else { '?' });
                uri.push_str(&format!("csrf={c}"));
            }
            (Some(ct.clone()), bytes.clone())
        }
    };
    let mut rb = Request::builder().method(b.metode.clone()).uri(&uri);
    if let Some(s) = sesi {
        rb = if halaman {
            rb.header(header::COOKIE, format!("kinerja_sesi={}", s.cookie))
        } else {
            rb.header(header::AUTHORIZATION, format!("Bearer {}", s.token))
        };
    }
    if let Some(ct) = ct {
        rb = rb.header(header::CONTENT_TYPE, ct);
    }
    let req = rb.body(Body::from(badan)).unwrap();
    let res = u.router.clone().oneshot(req).await.unwrap();
    let status: StatusCode = res.status();
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
