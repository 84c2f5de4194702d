//! Server-rendered pages. Each handler: who is calling, one use case, one template.

use crate::alamat::AlamatKlien;
use crate::auth::{cookie, token, COOKIE_BAHASA, COOKIE_SESI};
use crate::i18n;
use crate::Keadaan;
use axum::extract::{DefaultBodyLimit, FromRequestParts, Multipart, Path, Query};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use kinerja_app::akses::Pengguna;
use kinerja_app::impor::{JenisData, KOLOM_JABATAN, KOLOM_PEGAWAI, KOLOM_UNIT};
use kinerja_app::masuk::JenisSesi;
use kinerja_app::{kalkulator, AppError};
use kinerja_domain::enumerasi::Enumerasi;
use kinerja_domain::kuadran::{predikat, CapaianOrganisasi, Predikat, Rating};
use kinerja_domain::tugas_belajar::{JenjangPendidikan, Lokasi};
use kinerja_domain::Jenjang;
use kinerja_store::FilterPegawai;
use minijinja::{context, Value};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};

pub fn rute() -> Router<Keadaan> {
    Router::new()
        .route("/", get(beranda))
        .route("/masuk", get(form_masuk).post(masuk))
        .route("/keluar", post(keluar))
        .route("/bahasa", post(bahasa))
        .route("/organisasi", get(organisasi))
        .route("/organisasi/unit/{id}", get(unit))
        .route("/pegawai", get(cari))
        .route("/pegawai/{nip}", get(pegawai))
        .route("/pegawai/{nip}/penilai", post(override_simpan))
        .route("/pegawai/{nip}/penilai/hapus", post(override_hapus))
        .route("/kalkulator", get(kalkulator))
        .route(
            "/impor",
            get(form_impor)
                .post(impor)
                .layer(DefaultBodyLimit::max(32 * 1024 * 1024)),
        )
        .route("/ekspor/{berkas}", get(ekspor))
        .route("/static/app.css", get(css))
        .merge(crate::halaman_skp::rute())
        .merge(crate::halaman_pelaksanaan::rute())
        .merge(crate::halaman_evaluasi::rute())
        .merge(crate::halaman_dokumen::rute())
        .merge(crate::halaman_laporan::rute())
        .merge(crate::halaman_penghargaan::rute())
        .merge(crate::halaman_sanksi::rute())
        .merge(crate::halaman_pemantauan::rute())
        .merge(crate::halaman_talenta::rute())
        .merge(crate::halaman_profil::rute())
        .merge(crate::halaman_masuk::rute())
        .fallback(tidak_ditemukan)
}

/// The browser caller: perhaps logged in, and the language of the page.
pub struct Sesi {
    pub(crate) k: Keadaan,
    pub(crate) pengguna: Option<Pengguna>,
    pub(crate) lang: &'static str,
    /// For the nav of a pegawai: unread messages, and whether they rate anyone.
    pub(crate) nav: NavPegawai,
}

/// What the nav shows a logged-in pegawai beyond links: two cheap reads per page.
#[derive(Default)]
pub(crate) struct NavPegawai {
    pub(crate) belum_dibaca: i64,
    pub(crate) penilai: bool,
}

impl NavPegawai {
    async fn baca(k: &Keadaan, p: &Pengguna) -> NavPegawai {
        let Some(saya) = p.pegawai_id() else {
            return NavPegawai::default();
        };
        let belum_dibaca = k.app.jumlah_belum_dibaca(p).await.unwrap_or(0);
        let penilai = match k.app.organisasi(p.instansi_id()).await {
            Ok(org) => org.dinilai.get(&saya).is_some_and(|v| !v.is_empty()),
            Err(_) => false,
        };
        NavPegawai {
            belum_dibaca,
            penilai,
        }
    }
}

impl FromRequestParts<Keadaan> for Sesi {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, k: &Keadaan) -> Result<Self, Self::Rejection> {
        let pengguna = match token(&parts.headers) {
            Some(t) => k.app.sesi(&t).await.unwrap_or(None),
            None => None,
        };
        let lang = match &pengguna {
            Some(p) => i18n::normal(&p.akun.bahasa),
            None => i18n::normal(&cookie(&parts.headers, COOKIE_BAHASA).unwrap_or_default()),
        };
        let nav = match &pengguna {
            Some(p) => NavPegawai::baca(k, p).await,
            None => NavPegawai::default(),
        };
        Ok(Sesi {
            k: k.clone(),
            pengguna,
            lang,
            nav,
        })
    }
}

impl Sesi {
    pub(crate) fn t(&self, kunci: &'static str) -> String {
        self.k.tampilan.katalog.t(self.lang, kunci).to_string()
    }

    /// Render a page with the common context (language, caller, CSRF token).
    pub(crate) fn halaman(&self, status: StatusCode, nama: &str, ctx: Value) -> Response {
        let pengguna = self.pengguna.as_ref().map(|p| {
            context! {
                nama => p.nama(), admin => p.admin(), username => &p.akun.username,
                belum_dibaca => self.nav.belum_dibaca, penilai => self.nav.penilai,
                jf => p.pegawai.as_ref().is_some_and(|g| g.jenis_jabatan == Some(kinerja_domain::jabatan::JenisJabatan::Fungsional)),
            }
        });
        let csrf = self
            .pengguna
            .as_ref()
            .map(|p| p.csrf.clone())
            .unwrap_or_default();
        let semua = context! { lang => self.lang, pengguna, csrf, ..ctx };
        match self.k.tampilan.render(nama, semua) {
            Ok(html) => (status, Html(html)).into_response(),
            Err(e) => {
                tracing::error!(error = %e, template = nama, "template failed");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "Terjadi kesalahan pada server",
                )
                    .into_response()
            }
        }
    }

    pub(crate) fn ok(&self, nama: &str, ctx: Value) -> Response {
        self.halaman(StatusCode::OK, nama, ctx)
    }

    /// An error as a page: not logged in → the login page.
    pub(crate) fn galat(&self, e: AppError) -> Response {
        if matches!(e, AppError::BelumMasuk(_)) {
            return Redirect::to("/masuk").into_response();
        }
        if let AppError::Internal(d) = &e {
            tracing::error!(detail = %d, "internal error");
        }
        let judul = match e.status() {
            404 => self.t("galat.tidak_ditemukan"),
            403 => self.t("galat.dilarang"),
            _ => self.t("galat.judul"),
        };
        let status = StatusCode::from_u16(e.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        self.halaman(
            status,
            "galat.html",
            context! { judul, pesan => e.to_string() },
        )
    }

    pub(crate) fn wajib(&self) -> Result<&Pengguna, Box<Response>> {
        self.pengguna
            .as_ref()
            .ok_or_else(|| Box::new(Redirect::to("/masuk").into_response()))
    }

    /// A state-changing form must carry the session's CSRF token.
    pub(crate) fn wajib_csrf(&self, csrf: &str) -> Result<&Pengguna, Box<Response>> {
        let p = self.wajib()?;
        if !csrf.is_empty() && csrf.len() == p.csrf.len() && csrf == p.csrf {
            Ok(p)
        } else {
            Err(Box::new(self.galat(AppError::Dilarang(
                "Formulir kedaluwarsa atau tidak sah (token CSRF); muat ulang halaman".into(),
            ))))
        }
    }
}

macro_rules! coba {
    ($s:expr, $e:expr) => {
        match $e {
            Ok(v) => v,
            Err(e) => return $s.galat(e.into()),
        }
    };
}

macro_rules! wajib {
    ($r:expr) => {
        match $r {
            Ok(v) => v,
            Err(resp) => return *resp,
        }
    };
}

pub(crate) use {coba, wajib};

/// The HTTP status `api.md` gives an error, for a page that shows it in place (a form again).
pub(crate) fn status_galat(e: &AppError) -> StatusCode {
    StatusCode::from_u16(e.status()).unwrap_or(StatusCode::UNPROCESSABLE_ENTITY)
}

async fn css() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../static/app.css"),
    )
}

async fn tidak_ditemukan(s: Sesi) -> Response {
    s.galat(AppError::TidakDitemukan(
        "Halaman yang Anda cari tidak ada".into(),
    ))
}

async fn beranda(s: Sesi) -> Response {
    let p = wajib!(s.wajib());
    let app = &s.k.app;
    if p.admin() {
        let instansi = coba!(s, app.instansi_utama().await);
        let statistik = coba!(
            s,
            app.store
                .statistik(p.instansi_id())
                .await
                .map_err(AppError::from)
        );
        return s.ok("beranda_admin.html", context! { instansi, statistik });
    }
    let penilai = coba!(s, app.penilai_saya(p).await);
    let tim = coba!(s, app.pegawai_dinilai(p).await);
    let (pangkat, status) = p
        .pegawai
        .as_ref()
        .map(|x| (x.golongan.label(), x.status_asn.label()))
        .unwrap_or_default();
    s.ok(
        "beranda_pegawai.html",
        context! { pegawai => &p.pegawai, penilai, tim, pangkat, status },
    )
}

async fn form_masuk(s: Sesi) -> Response {
    if s.pengguna.is_some() {
        return Redirect::to("/").into_response();
    }
    s.ok("masuk.html", context! {})
}

#[derive(Deserialize)]
struct FormMasuk {
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
}

/// A login form posted from another site is refused (the session cookie is also SameSite=Lax).
fn asal_sama(h: &HeaderMap) -> bool {
    let Some(origin) = h.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return true;
    };
    let host = h
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    origin.split("://").nth(1).is_some_and(|o| o == host)
}

fn cookie_sesi(k: &Keadaan, nilai: &str, umur: i64) -> String {
    let aman = if k.cookie_aman { "; Secure" } else { "" };
    format!("{COOKIE_SESI}={nilai}; Path=/; HttpOnly; SameSite=Lax; Max-Age={umur}{aman}")
}

async fn masuk(
    s: Sesi,
    headers: HeaderMap,
    AlamatKlien(alamat): AlamatKlien,
    Form(f): Form<FormMasuk>,
) -> Response {
    if !asal_sama(&headers) {
        return s.galat(AppError::Dilarang(
            "Permintaan masuk dari situs lain ditolak".into(),
        ));
    }
    match s
        .k
        .app
        .masuk(&f.username, &f.password, &alamat, JenisSesi::Cookie)
        .await
    {
        Ok(baru) => {
            let umur = (baru.kedaluwarsa - chrono::Utc::now()).num_seconds().max(0);
            (
                [(header::SET_COOKIE, cookie_sesi(&s.k, &baru.token, umur))],
                Redirect::to("/"),
            )
                .into_response()
        }
        Err(AppError::BelumMasuk(pesan)) => s.halaman(
            StatusCode::UNAUTHORIZED,
            "masuk.html",
            context! { galat => pesan, username => f.username },
        ),
        // Too many attempts: the form again, with the wait (the same for any name).
        Err(e @ AppError::TerlaluBanyak { .. }) => {
            let detik = e.coba_lagi_detik().unwrap_or(60);
            let mut r = s.halaman(
                StatusCode::TOO_MANY_REQUESTS,
                "masuk.html",
                context! { galat => e.to_string(), username => f.username },
            );
            r.headers_mut().insert(header::RETRY_AFTER, detik.into());
            r
        }
        Err(e) => s.galat(e),
    }
}

#[derive(Deserialize)]
pub(crate) struct FormCsrf {
    #[serde(default)]
    pub(crate) csrf: String,
}

async fn keluar(s: Sesi, headers: HeaderMap, Form(f): Form<FormCsrf>) -> Response {
    wajib!(s.wajib_csrf(&f.csrf));
    if let Some(t) = token(&headers) {
        coba!(s, s.k.app.keluar(&t).await);
    }
    (
        [(header::SET_COOKIE, cookie_sesi(&s.k, "", 0))],
        Redirect::to("/masuk"),
    )
        .into_response()
}

#[derive(Deserialize)]
struct FormBahasa {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    bahasa: String,
}

async fn bahasa(s: Sesi, headers: HeaderMap, Form(f): Form<FormBahasa>) -> Response {
    let p = wajib!(s.wajib_csrf(&f.csrf));
    coba!(s, s.k.app.ubah_bahasa(p, &f.bahasa).await);
    let kembali = headers
        .get(header::REFERER)
        .and_then(|v| v.to_str().ok())
        .and_then(|r| {
            r.split_once("://")
                .and_then(|(_, rest)| rest.find('/').map(|i| rest[i..].to_string()))
        })
        .unwrap_or_else(|| "/".into());
    let cookie = format!(
        "{COOKIE_BAHASA}={}; Path=/; SameSite=Lax; Max-Age=31536000",
        i18n::normal(&f.bahasa)
    );
    ([(header::SET_COOKIE, cookie)], Redirect::to(&kembali)).into_response()
}

async fn organisasi(s: Sesi) -> Response {
    let p = wajib!(s.wajib());
    let pohon = coba!(s, s.k.app.pohon_unit(p).await);
    // Open the first level so the tree shows its perangkat daerah at once.
    let pohon: Vec<Value> = pohon
        .iter()
        .map(|n| context! { terbuka => true, ..Value::from_serialize(n) })
        .collect();
    s.ok("organisasi.html", context! { pohon })
}

async fn unit(s: Sesi, Path(id): Path<String>) -> Response {
    let p = wajib!(s.wajib());
    let id: i64 = coba!(
        s,
        id.parse()
            .map_err(|_| AppError::TidakDitemukan(format!("Unit '{id}' tidak ditemukan")))
    );
    let d = coba!(s, s.k.app.detail_unit(p, id).await);
    let jabatan: Vec<Value> = d
        .jabatan
        .iter()
        .map(|j| {
            let jenis_label = j
                .jabatan
                .jenis_jabatan
                .map(|x| x.label())
                .unwrap_or("Kepala Daerah");
            context! { jenis_label, ..Value::from_serialize(j) }
        })
        .collect();
    s.ok(
        "unit.html",
        context! { d => context! { jabatan, ..Value::from_serialize(&d) } },
    )
}

#[derive(Deserialize)]
struct QCari {
    q: Option<String>,
    cursor: Option<String>,
}

async fn cari(s: Sesi, Query(q): Query<QCari>) -> Response {
    let p = wajib!(s.wajib());
    let cursor = q.cursor.as_deref().and_then(|c| c.parse().ok());
    let filter = FilterPegawai {
        q: q.q.clone(),
        unit_id: None,
        limit: 50,
        cursor,
    };
    let h = coba!(s, s.k.app.cari_pegawai(p, filter).await);
    s.ok(
        "pegawai_cari.html",
        context! { q => q.q, hasil => h.items, berikut => h.next_cursor },
    )
}

async fn pegawai(
    s: Sesi,
    Path(nip): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let p = wajib!(s.wajib());
    let d = coba!(s, s.k.app.detail_pegawai(p, &nip).await);
    // After a mutasi the page says what happened to the SKP (see `halaman_skp::mutasi`).
    let angka = |k: &str| q.get(k).and_then(|v| v.parse::<i64>().ok());
    let hasil_mutasi = q
        .contains_key("mutasi")
        .then(|| context! { skp_lama => angka("skp_lama"), skp_baru => angka("skp_baru") });
    // For the HR admin, the password form says whether the account is locked.
    let terkunci_sampai = if p.admin() {
        coba!(s, s.k.app.kunci_akun(p, d.pegawai.nip.as_str()).await)
    } else {
        None
    };
    let password_direset = q.contains_key("password_direset");
    halaman_pegawai(
        &s,
        d,
        StatusCode::OK,
        context! { hasil_mutasi, terkunci_sampai, password_direset },
    )
}

/// The pegawai page; `tambahan` adds to its context (a form's error, a mutasi's result).
pub(crate) fn halaman_pegawai(
    s: &Sesi,
    d: kinerja_app::organisasi::DetailPegawai,
    status_http: StatusCode,
    tambahan: Value,
) -> Response {
    let jenis = d.pegawai.jenis_jabatan.map(|j| match d.pegawai.jenjang {
        Some(jj) => format!("{} {}", j.label(), jj.label()),
        None => j.label().to_string(),
    });
    let status = d.pegawai.status_asn.label();
    s.halaman(
        status_http,
        "pegawai.html",
        context! { d, jenis, status, ..tambahan },
    )
}

#[derive(Deserialize)]
struct FormOverride {
    #[serde(default)]
    csrf: String,
    pejabat_penilai_nip: Option<String>,
    atasan_pejabat_penilai_nip: Option<String>,
    #[serde(default)]
    alasan: String,
}

async fn override_simpan(
    s: Sesi,
    Path(nip): Path<String>,
    Form(f): Form<FormOverride>,
) -> Response {
    let p = wajib!(s.wajib_csrf(&f.csrf));
    let app = &s.k.app;
    match app
        .tetapkan_pengganti_penilai(
            p,
            &nip,
            f.pejabat_penilai_nip.as_deref(),
            f.atasan_pejabat_penilai_nip.as_deref(),
            &f.alasan,
        )
        .await
    {
        Ok(_) => Redirect::to(&format!("/pegawai/{nip}")).into_response(),
        Err(e @ AppError::TidakValid { .. }) => {
            let pesan = e.bidang().values().cloned().collect::<Vec<_>>().join("; ");
            let d = coba!(s, app.detail_pegawai(p, &nip).await);
            halaman_pegawai(
                &s,
                d,
                StatusCode::UNPROCESSABLE_ENTITY,
                context! { galat_override => pesan },
            )
        }
        Err(e) => s.galat(e),
    }
}

async fn override_hapus(s: Sesi, Path(nip): Path<String>, Form(f): Form<FormCsrf>) -> Response {
    let p = wajib!(s.wajib_csrf(&f.csrf));
    coba!(s, s.k.app.hapus_pengganti_penilai(p, &nip).await);
    Redirect::to(&format!("/pegawai/{nip}")).into_response()
}

pub(crate) fn opsi<T: Enumerasi>() -> Vec<Value> {
    T::SEMUA
        .iter()
        .map(|v| context! { kode => v.kode(), label => v.label() })
        .collect()
}

fn hasil_galat(e: AppError) -> Value {
    context! { galat => e.to_string(), bidang => e.bidang() }
}

async fn kalkulator(s: Sesi, Query(q): Query<HashMap<String, String>>) -> Response {
    let p = wajib!(s.wajib());
    let g = |k: &str| q.get(k).map(String::as_str);
    let mut h = BTreeMap::new();
    let mut dist = None;
    match g("alat") {
        Some("predikat") => {
            let v = match kalkulator::hitung_predikat(g("hasil_kerja"), g("perilaku")) {
                Ok(pr) => {
                    context! { alat => "predikat", teks => format!("{}: {}", s.t("kalkulator.hasil.predikat"), pr.label_lengkap()) }
                }
                Err(e) => hasil_galat(e),
            };
            h.insert("predikat", v);
        }
        Some("distribusi") => {
            let jumlah = Predikat::SEMUA
                .iter()
                .filter_map(|pr| {
                    g(pr.kode()).filter(|v| !v.trim().is_empty()).map(|v| {
                        (
                            pr.kode().to_string(),
                            v.trim()
                                .parse::<u64>()
                                .map(serde_json::Value::from)
                                .unwrap_or_else(|_| serde_json::Value::from(v)),
                        )
                    })
                })
                .collect();
            let req = kalkulator::PermintaanDistribusi {
                capaian_organisasi: g("capaian_organisasi").map(str::to_string),
                jumlah,
            };
            let v = match s.k.app.hitung_distribusi(p, &req).await {
                Ok(d) => {
                    let kesimpulan = if d.sesuai_pedoman {
                        s.t("kalkulator.hasil.sesuai")
                    } else {
                        s.t("kalkulator.hasil.tidak_sesuai")
                    };
                    let teks = format!(
                        "{kesimpulan} ({}: {})",
                        s.t("kalkulator.hasil.modus"),
                        d.modus.label()
                    );
                    let kelas = if d.sesuai_pedoman { "" } else { "peringatan" };
                    dist = Some(Value::from_serialize(&d));
                    context! { alat => "distribusi", teks, kelas }
                }
                Err(e) => hasil_galat(e),
            };
            h.insert("distribusi", v);
        }
        Some("tugas_belajar") => {
            let v = match kalkulator::hitung_tugas_belajar(
                g("jenjang_pendidikan"),
                g("lokasi"),
                g("akreditasi_pt"),
                g("akreditasi_prodi"),
                g("ipk"),
            ) {
                Ok(pr) => {
                    context! { alat => "tugas_belajar", teks => format!("{}: {}", s.t("kalkulator.hasil.predikat"), pr.label_lengkap()) }
                }
                Err(e) => hasil_galat(e),
            };
            h.insert("tugas_belajar", v);
        }
        Some("angka_kredit") => {
            let v = match kalkulator::hitung_angka_kredit(g("jenjang"), g("predikat"), g("bulan")) {
                Ok(ak) => {
                    context! { alat => "angka_kredit", teks => format!("{}: {} ({}% × {})", s.t("kalkulator.hasil.angka_kredit"), ak.angka_kredit, ak.persentase, ak.koefisien) }
                }
                Err(e) => hasil_galat(e),
            };
            h.insert("angka_kredit", v);
        }
        _ => {}
    }
    let urut = [
        Rating::DiatasEkspektasi,
        Rating::SesuaiEkspektasi,
        Rating::DibawahEkspektasi,
    ];
    let kolom: Vec<&str> = urut.iter().rev().map(|r| r.label()).collect();
    let baris: Vec<Value> = urut
        .iter()
        .map(|hk| context! { label => hk.label(), sel => urut.iter().rev().map(|pl| predikat(*hk, *pl).label_lengkap()).collect::<Vec<_>>() })
        .collect();
    let akreditasi = vec![
        context! { kode => "A", label => "A / Unggul" },
        context! { kode => "B", label => "B / Baik Sekali" },
        context! { kode => "C", label => "C / Baik" },
    ];
    s.ok(
        "kalkulator.html",
        context! {
            q, h, dist,
            rating => opsi::<Rating>(), predikat => opsi::<Predikat>(), capaian => opsi::<CapaianOrganisasi>(),
            jenjang => opsi::<Jenjang>(), jenjang_pendidikan => opsi::<JenjangPendidikan>(), lokasi => opsi::<Lokasi>(),
            akreditasi, kuadran => context! { kolom, baris },
        },
    )
}

fn kolom_impor() -> Value {
    context! { unit => KOLOM_UNIT.join(", "), jabatan => KOLOM_JABATAN.join(", "), pegawai => KOLOM_PEGAWAI.join(", ") }
}

async fn form_impor(s: Sesi) -> Response {
    let p = wajib!(s.wajib());
    coba!(s, p.wajib_admin());
    s.ok("impor.html", context! { kolom => kolom_impor() })
}

async fn impor(s: Sesi, Query(q): Query<FormCsrf>, mut m: Multipart) -> Response {
    let p = wajib!(s.wajib_csrf(&q.csrf));
    let mut jenis = "organisasi".to_string();
    let mut isi: Vec<u8> = Vec::new();
    loop {
        let field = match m.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(e) => {
                return s.galat(AppError::bidang_tidak_valid(
                    "berkas",
                    format!("unggahan tidak terbaca: {e}"),
                ))
            }
        };
        match field.name() {
            Some("jenis") => jenis = field.text().await.unwrap_or_default(),
            Some("berkas") => match field.bytes().await {
                Ok(b) => isi = b.to_vec(),
                Err(e) => {
                    return s.galat(AppError::bidang_tidak_valid(
                        "berkas",
                        format!("unggahan tidak terbaca: {e}"),
                    ))
                }
            },
            _ => {}
        }
    }
    let jenis = coba!(s, JenisData::dari_kode(&jenis));
    match s.k.app.impor(p, jenis, &isi).await {
        Ok(ringkasan) => s.ok("impor.html", context! { kolom => kolom_impor(), ringkasan }),
        Err(AppError::ImporDitolak { pesan, galat }) => s.halaman(
            StatusCode::UNPROCESSABLE_ENTITY,
            "impor.html",
            context! { kolom => kolom_impor(), galat => context! { pesan, baris => galat } },
        ),
        Err(e) => s.galat(e),
    }
}

async fn ekspor(s: Sesi, Path(berkas): Path<String>) -> Response {
    let p = wajib!(s.wajib());
    let (nama, ext) = berkas.rsplit_once('.').unwrap_or((&berkas, ""));
    let xlsx = match ext {
        "xlsx" => true,
        "csv" => false,
        _ => {
            return s.galat(AppError::TidakDitemukan(format!(
                "Berkas '{berkas}' tidak dikenal"
            )))
        }
    };
    let jenis = coba!(s, JenisData::dari_kode(nama));
    let b = coba!(s, s.k.app.ekspor(p, jenis, xlsx).await);
    unduhan(b)
}

pub fn unduhan(b: kinerja_app::impor::Berkas) -> Response {
    (
        [
            (header::CONTENT_TYPE, b.content_type.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{}\"", b.nama),
            ),
        ],
        b.isi,
    )
        .into_response()
}
