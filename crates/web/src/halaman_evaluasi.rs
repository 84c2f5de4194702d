//! Evaluation pages (Pasal 23–31): the rater's team for a period with suggestions and the live
//! distribution curve, one evaluation with everything it rests on (rate, sign, acknowledge,
//! keberatan, reopen), the pegawai's own evaluations, the capaian kinerja organisasi per unit,
//! every unit's distribution, the ranking, and the keberatan with their hearing and decision.
//!
//! The conventions of `halaman_pelaksanaan`: every form posts and then redirects (303); a rule
//! broken (422), a wrong state (409) or a malformed form (400) re-renders the page with that
//! status, the message next to the form that was sent and what was typed in it; anything else
//! (403, 404) is the error page. No JavaScript: plain forms and links; the curve is an SVG the
//! app renders.

use crate::formulir::{angka, galat_form, galat_untuk, kosong, peta, teks};
use crate::galat::id_path;
use crate::halaman::{coba, opsi, status_galat, wajib, Sesi};
use crate::halaman_skp::pilih;
use crate::Keadaan;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use chrono::Datelike;
use kinerja_app::akses::Pengguna;
use kinerja_app::evaluasi::capaian::CapaianMasuk;
use kinerja_app::evaluasi::penilaian::PenilaianKirim;
use kinerja_app::skp::hari_ini;
use kinerja_app::AppError;
use kinerja_domain::evaluasi::keberatan::{PihakKeberatan, PutusanMasuk, StatusKeberatan};
use kinerja_domain::evaluasi::saran::DataAkademik;
use kinerja_domain::evaluasi::{DasarEvaluasi, PenilaianMasuk, StatusEvaluasi};
use kinerja_domain::kuadran::{CapaianOrganisasi, Predikat, Rating};
use kinerja_domain::pelaksanaan::tindak_lanjut::JenisTindakLanjut;
use kinerja_domain::pelaksanaan::umpan_balik::PemberiUmpanBalik;
use kinerja_domain::perilaku::AspekPerilaku;
use kinerja_domain::periode::{nama_bulan, Periode};
use kinerja_domain::tugas_belajar::{Akreditasi, Ipk, JenjangPendidikan, Lokasi};
use minijinja::{context, Value};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

pub fn rute() -> Router<Keadaan> {
    Router::new()
        .route("/evaluasi", get(tim))
        .route("/evaluasi/saya", get(evaluasi_saya))
        .route("/evaluasi/skp/{id}/{periode}", get(detail))
        .route("/evaluasi/skp/{id}/{periode}/nilai", post(nilai))
        .route(
            "/evaluasi/skp/{id}/{periode}/tandatangani",
            post(tandatangani),
        )
        .route("/evaluasi/skp/{id}/{periode}/terima", post(terima))
        .route(
            "/evaluasi/skp/{id}/{periode}/buka-kembali",
            post(buka_kembali),
        )
        .route("/evaluasi/skp/{id}/{periode}/keberatan", post(ajukan))
        .route("/capaian", get(capaian))
        .route("/capaian/{unit}/{periode}", post(tetapkan_capaian))
        .route("/distribusi", get(distribusi))
        .route("/peringkat", get(peringkat))
        .route("/keberatan", get(daftar_keberatan))
        .route("/keberatan/{id}", get(keberatan))
        .route("/keberatan/{id}/tanggapan", post(tanggapi))
        .route("/keberatan/{id}/putusan", post(putuskan))
}

// ---------------------------------------------------------------------------------------------
// Shared helpers

fn label() -> Value {
    context! {
        rating => peta::<Rating>(),
        predikat => peta::<Predikat>(),
        capaian => peta::<CapaianOrganisasi>(),
        dasar => peta::<DasarEvaluasi>(),
        status => peta::<StatusEvaluasi>(),
        keberatan => peta::<StatusKeberatan>(),
        pihak => peta::<PihakKeberatan>(),
        aspek => peta::<AspekPerilaku>(),
        sebagai => peta::<PemberiUmpanBalik>(),
        jenis_tl => peta::<JenisTindakLanjut>(),
        jenjang => peta::<JenjangPendidikan>(),
        lokasi => peta::<Lokasi>(),
        // The status as a colour the stylesheet already has.
        kelas => BTreeMap::from([
            ("draf", "status-draf"),
            ("ditandatangani_penilai", "status-diajukan"),
            ("diterima_pegawai", "status-ditetapkan"),
            ("diajukan", "status-diajukan"),
            ("dikabulkan", "status-ditetapkan"),
            ("ditolak", "status-dikembalikan"),
        ]),
    }
}

/// "Maret 2026" for "2026-03" (the code itself when it is not one).
fn label_periode(kode: &str) -> String {
    Periode::parse(kode)
        .map(|p| p.label())
        .unwrap_or_else(|_| kode.to_string())
}

/// `?periode=` of a page: absent or empty is this month.
fn periode_query(q: &HashMap<String, String>) -> String {
    match q.get("periode").map(|s| s.trim()).filter(|s| !s.is_empty()) {
        Some(p) => p.to_string(),
        None => kinerja_app::evaluasi::periode_bulan_ini(),
    }
}

/// The period picker of a page showing `kode`: the year's months (or quarters, when the page
/// shows a quarter) and the year, with the neighbouring periods for "previous" and "next".
pub(crate) fn pemilih_periode(kode: &str) -> Value {
    let Ok(p) = Periode::parse(kode) else {
        return kosong();
    };
    let tahun = p.tahun();
    let mut pilihan: Vec<Value> = match p {
        Periode::Triwulan { .. } => (1..=4)
            .filter_map(|ke| Periode::triwulan(tahun, ke).ok())
            .map(|x| context! { kode => x.kode(), label => x.label() })
            .collect(),
        _ => (1..=12)
            .filter_map(|b| Periode::bulan(tahun, b).ok())
            .map(|x| context! { kode => x.kode(), label => x.label() })
            .collect(),
    };
    pilihan.push(context! { kode => format!("{tahun:04}"), tahunan => true });
    let (sebelum, berikut) = match p {
        Periode::Bulan { bulan: 1, .. } => {
            (Periode::bulan(tahun - 1, 12), Periode::bulan(tahun, 2))
        }
        Periode::Bulan { bulan: 12, .. } => {
            (Periode::bulan(tahun, 11), Periode::bulan(tahun + 1, 1))
        }
        Periode::Bulan { bulan, .. } => (
            Periode::bulan(tahun, bulan - 1),
            Periode::bulan(tahun, bulan + 1),
        ),
        Periode::Triwulan { ke: 1, .. } => {
            (Periode::triwulan(tahun - 1, 4), Periode::triwulan(tahun, 2))
        }
        Periode::Triwulan { ke: 4, .. } => {
            (Periode::triwulan(tahun, 3), Periode::triwulan(tahun + 1, 1))
        }
        Periode::Triwulan { ke, .. } => (
            Periode::triwulan(tahun, ke - 1),
            Periode::triwulan(tahun, ke + 1),
        ),
        Periode::Tahunan { .. } => (
            Ok(Periode::Tahunan { tahun: tahun - 1 }),
            Ok(Periode::Tahunan { tahun: tahun + 1 }),
        ),
    };
    let nav = |x: Result<Periode, _>| {
        x.ok()
            .map(|x| context! { kode => x.kode(), label => x.label() })
    };
    context! {
        kode => p.kode(), tahun, pilihan,
        sebelum => nav(sebelum), berikut => nav(berikut),
    }
}

// ---------------------------------------------------------------------------------------------
// /evaluasi: the rater's team for a period

async fn tim(s: Sesi, Query(q): Query<HashMap<String, String>>) -> Response {
    let p = wajib!(s.wajib());
    let periode = periode_query(&q);
    halaman_tim(&s, p, &periode, StatusCode::OK, kosong()).await
}

async fn halaman_tim(
    s: &Sesi,
    p: &Pengguna,
    periode: &str,
    status: StatusCode,
    galat: Value,
) -> Response {
    let tim = coba!(s, s.k.app.evaluasi_tim(p, periode).await);
    s.halaman(
        status,
        "evaluasi_tim.html",
        context! {
            pemilih => pemilih_periode(&tim.periode),
            ratings => opsi::<Rating>(),
            label => label(),
            galat,
            tim,
        },
    )
}

// ---------------------------------------------------------------------------------------------
// /evaluasi/skp/{id}/{periode}: one evaluation

async fn detail(s: Sesi, Path((id, periode)): Path<(String, String)>) -> Response {
    let p = wajib!(s.wajib());
    let id = coba!(s, id_path(&id, "SKP"));
    halaman_detail(&s, p, id, &periode, StatusCode::OK, kosong()).await
}

async fn halaman_detail(
    s: &Sesi,
    p: &Pengguna,
    id: i64,
    periode: &str,
    status: StatusCode,
    galat: Value,
) -> Response {
    let d = coba!(s, s.k.app.detail_evaluasi(p, id, periode).await);
    s.halaman(
        status,
        "evaluasi_detail.html",
        context! {
            ratings => opsi::<Rating>(),
            jenjang => opsi::<JenjangPendidikan>(),
            lokasi => opsi::<Lokasi>(),
            akreditasi => Akreditasi::SEMUA.iter().map(|a| a.kode()).collect::<Vec<_>>(),
            tugas_belajar => d.dasar == DasarEvaluasi::TugasBelajar,
            nama_bulan => (1..=12).map(|b| (b.to_string(), nama_bulan(b))).collect::<BTreeMap<_, _>>(),
            label => label(),
            galat,
            d,
        },
    )
}

#[derive(Deserialize, Serialize, Default)]
#[serde(default)]
struct FormNilai {
    #[serde(skip_serializing)]
    csrf: String,
    rating_hasil_kerja: String,
    rating_perilaku: String,
    alasan_hasil_kerja: String,
    alasan_perilaku: String,
    catatan: String,
    rekomendasi: String,
    version: String,
    /// `tim`: back to the team page (the rating was given there).
    kembali: String,
    // Academic data (tugas belajar only).
    jenjang_pendidikan: String,
    lokasi: String,
    akreditasi_pt: String,
    akreditasi_prodi: String,
    ipk: String,
    /// `ya` or `tidak`.
    tepat_waktu: String,
    penugasan_lain: String,
}

impl FormNilai {
    /// The academic data when the form has them (the fields shown for tugas belajar).
    fn akademik(&self) -> Result<Option<DataAkademik>, AppError> {
        let isi = [
            &self.jenjang_pendidikan,
            &self.lokasi,
            &self.akreditasi_pt,
            &self.akreditasi_prodi,
            &self.ipk,
            &self.tepat_waktu,
            &self.penugasan_lain,
        ];
        if isi.iter().all(|x| x.trim().is_empty()) {
            return Ok(None);
        }
        let wajib = |bidang: &str, nama: &str| {
            AppError::bidang_tidak_valid(bidang, format!("{nama} wajib dipilih"))
        };
        let akreditasi = |bidang: &'static str, s: &str| -> Result<Option<Akreditasi>, AppError> {
            match teks(s) {
                None => Ok(None),
                Some(a) => Akreditasi::parse(bidang, &a)
                    .map(Some)
                    .map_err(|e| AppError::bidang_tidak_valid(bidang, e.to_string())),
            }
        };
        Ok(Some(DataAkademik {
            jenjang_pendidikan: pilih("jenjang_pendidikan", &self.jenjang_pendidikan)?
                .ok_or_else(|| wajib("jenjang_pendidikan", "Jenjang pendidikan"))?,
            lokasi: pilih("lokasi", &self.lokasi)?
                .ok_or_else(|| wajib("lokasi", "Lokasi pendidikan"))?,
            akreditasi_pt: akreditasi("akreditasi_pt", &self.akreditasi_pt)?,
            akreditasi_prodi: akreditasi("akreditasi_prodi", &self.akreditasi_prodi)?,
            ipk: Ipk::parse(&self.ipk)
                .map_err(|e| AppError::bidang_tidak_valid(e.bidang(), e.to_string()))?,
            tepat_waktu: match self.tepat_waktu.trim() {
                "ya" => true,
                "tidak" => false,
                _ => return Err(wajib("tepat_waktu", "Ketepatan waktu kelulusan")),
            },
            penugasan_lain: teks(&self.penugasan_lain),
        }))
    }

    fn kirim(&self) -> Result<PenilaianKirim, AppError> {
        Ok(PenilaianKirim {
            penilaian: PenilaianMasuk {
                rating_hasil_kerja: pilih("rating_hasil_kerja", &self.rating_hasil_kerja)?,
                rating_perilaku: pilih("rating_perilaku", &self.rating_perilaku)?,
                alasan_hasil_kerja: teks(&self.alasan_hasil_kerja),
                alasan_perilaku: teks(&self.alasan_perilaku),
                catatan: teks(&self.catatan),
                rekomendasi: teks(&self.rekomendasi),
            },
            akademik: self.akademik()?,
            version: angka("version", &self.version)?,
        })
    }
}

/// `POST /evaluasi/skp/{id}/{periode}/nilai`: the rater rates (from the team page or the
/// evaluation page; back to where the form was).
async fn nilai(
    s: Sesi,
    Path((id, periode)): Path<(String, String)>,
    Form(f): Form<FormNilai>,
) -> Response {
    let p = wajib!(s.wajib_csrf(&f.csrf));
    let id = coba!(s, id_path(&id, "SKP"));
    let dari_tim = f.kembali == "tim";
    let hasil = match f.kirim() {
        Ok(m) => s.k.app.nilai_evaluasi(p, id, &periode, m).await,
        Err(e) => Err(e),
    };
    match hasil {
        Ok(e) if dari_tim => {
            Redirect::to(&format!("/evaluasi?periode={}#pegawai-{id}", e.periode)).into_response()
        }
        Ok(e) => Redirect::to(&format!("/evaluasi/skp/{id}/{}#hasil", e.periode)).into_response(),
        Err(e) if galat_form(&e) => {
            let isian = Value::from_serialize(&f);
            if dari_tim {
                let galat = galat_untuk(&format!("nilai-{id}"), &e, isian);
                halaman_tim(&s, p, &periode, status_galat(&e), galat).await
            } else {
                let galat = galat_untuk("nilai", &e, isian);
                halaman_detail(&s, p, id, &periode, status_galat(&e), galat).await
            }
        }
        Err(e) => s.galat(e),
    }
}

#[derive(Deserialize, Serialize, Default)]
#[serde(default)]
struct FormAlasan {
    #[serde(skip_serializing)]
    csrf: String,
    alasan: String,
}

/// After a form of the evaluation page: back to it, or the page again with the error by the form.
async fn selesai_detail(
    s: &Sesi,
    p: &Pengguna,
    (id, periode): (i64, &str),
    form: &str,
    isian: Value,
    hasil: Result<String, AppError>,
) -> Response {
    match hasil {
        Ok(tujuan) => Redirect::to(&tujuan).into_response(),
        Err(e) if galat_form(&e) => {
            let galat = galat_untuk(form, &e, isian);
            halaman_detail(s, p, id, periode, status_galat(&e), galat).await
        }
        Err(e) => s.galat(e),
    }
}

/// `POST …/tandatangani`: the rater signs; the evaluation locks and the pegawai receives it.
async fn tandatangani(
    s: Sesi,
    Path((id, periode)): Path<(String, String)>,
    Form(f): Form<FormAlasan>,
) -> Response {
    let p = wajib!(s.wajib_csrf(&f.csrf));
    let id = coba!(s, id_path(&id, "SKP"));
    let hasil =
        s.k.app
            .tandatangani_evaluasi(p, id, &periode)
            .await
            .map(|e| format!("/evaluasi/skp/{id}/{}#hasil", e.periode));
    selesai_detail(&s, p, (id, &periode), "tandatangani", kosong(), hasil).await
}

/// `POST …/terima`: the pegawai signs the document (acknowledging receipt, not agreeing).
async fn terima(
    s: Sesi,
    Path((id, periode)): Path<(String, String)>,
    Form(f): Form<FormAlasan>,
) -> Response {
    let p = wajib!(s.wajib_csrf(&f.csrf));
    let id = coba!(s, id_path(&id, "SKP"));
    let hasil =
        s.k.app
            .terima_evaluasi(p, id, &periode)
            .await
            .map(|e| format!("/evaluasi/skp/{id}/{}#hasil", e.periode));
    selesai_detail(&s, p, (id, &periode), "terima", kosong(), hasil).await
}

/// `POST …/buka-kembali`: HR admin reopens a signed evaluation with a reason.
async fn buka_kembali(
    s: Sesi,
    Path((id, periode)): Path<(String, String)>,
    Form(f): Form<FormAlasan>,
) -> Response {
    let p = wajib!(s.wajib_csrf(&f.csrf));
    let id = coba!(s, id_path(&id, "SKP"));
    let hasil =
        s.k.app
            .buka_kembali_evaluasi(p, id, &periode, &f.alasan)
            .await
            .map(|e| format!("/evaluasi/skp/{id}/{}#hasil", e.periode));
    let isian = Value::from_serialize(&f);
    selesai_detail(&s, p, (id, &periode), "buka_kembali", isian, hasil).await
}

/// `POST …/keberatan`: the pegawai files a keberatan (within 14 days of receiving it).
async fn ajukan(
    s: Sesi,
    Path((id, periode)): Path<(String, String)>,
    Form(f): Form<FormAlasan>,
) -> Response {
    let p = wajib!(s.wajib_csrf(&f.csrf));
    let id = coba!(s, id_path(&id, "SKP"));
    let hasil =
        s.k.app
            .ajukan_keberatan(p, id, &periode, &f.alasan)
            .await
            .map(|k| format!("/evaluasi/skp/{id}/{}#keberatan", k.periode));
    let isian = Value::from_serialize(&f);
    selesai_detail(&s, p, (id, &periode), "keberatan", isian, hasil).await
}

// ---------------------------------------------------------------------------------------------
// /evaluasi/saya: my evaluations of a year

async fn evaluasi_saya(s: Sesi, Query(q): Query<HashMap<String, String>>) -> Response {
    let p = wajib!(s.wajib());
    let sekarang = hari_ini().year();
    let tahun = q
        .get("tahun")
        .and_then(|t| t.trim().parse::<i32>().ok())
        .filter(|t| (2000..=2100).contains(t))
        .unwrap_or(sekarang);
    let daftar = coba!(s, s.k.app.evaluasi_saya(p, tahun).await);
    let periode: BTreeMap<String, String> = daftar
        .iter()
        .map(|e| (e.periode.clone(), label_periode(&e.periode)))
        .collect();
    s.ok(
        "evaluasi_saya.html",
        context! { tahun, sekarang, daftar, periode, label => label() },
    )
}

// ---------------------------------------------------------------------------------------------
// /capaian: the capaian kinerja organisasi of the units the caller sets

async fn capaian(s: Sesi, Query(q): Query<HashMap<String, String>>) -> Response {
    let p = wajib!(s.wajib());
    let periode = periode_query(&q);
    halaman_capaian(&s, p, &periode, StatusCode::OK, kosong()).await
}

async fn halaman_capaian(
    s: &Sesi,
    p: &Pengguna,
    periode: &str,
    status: StatusCode,
    galat: Value,
) -> Response {
    let c = coba!(s, s.k.app.daftar_capaian(p, periode).await);
    s.halaman(
        status,
        "capaian.html",
        context! {
            pemilih => pemilih_periode(&c.periode),
            pilihan => opsi::<CapaianOrganisasi>(),
            label => label(),
            galat,
            c,
        },
    )
}

#[derive(Deserialize, Serialize, Default)]
#[serde(default)]
struct FormCapaian {
    #[serde(skip_serializing)]
    csrf: String,
    capaian_organisasi: String,
    catatan: String,
    version: String,
}

/// `POST /capaian/{unit}/{periode}`: set (or change) a unit's capaian for a period.
async fn tetapkan_capaian(
    s: Sesi,
    Path((unit, periode)): Path<(String, String)>,
    Form(f): Form<FormCapaian>,
) -> Response {
    let p = wajib!(s.wajib_csrf(&f.csrf));
    let unit = coba!(s, id_path(&unit, "Unit"));
    let masuk = || -> Result<CapaianMasuk, AppError> {
        Ok(CapaianMasuk {
            capaian_organisasi: pilih("capaian_organisasi", &f.capaian_organisasi)?,
            catatan: Some(f.catatan.clone()),
            version: angka("version", &f.version)?,
        })
    };
    let hasil = match masuk() {
        Ok(m) => s.k.app.tetapkan_capaian(p, unit, &periode, m).await,
        Err(e) => Err(e),
    };
    match hasil {
        Ok(c) => {
            Redirect::to(&format!("/capaian?periode={}#unit-{unit}", c.periode)).into_response()
        }
        Err(e) if galat_form(&e) => {
            let galat = galat_untuk(&format!("capaian-{unit}"), &e, Value::from_serialize(&f));
            halaman_capaian(&s, p, &periode, status_galat(&e), galat).await
        }
        Err(e) => s.galat(e),
    }
}

// ---------------------------------------------------------------------------------------------
// /distribusi and /peringkat

async fn distribusi(s: Sesi, Query(q): Query<HashMap<String, String>>) -> Response {
    let p = wajib!(s.wajib());
    let periode = periode_query(&q);
    let r = coba!(s, s.k.app.ringkasan_distribusi(p, &periode).await);
    s.ok(
        "distribusi.html",
        context! { pemilih => pemilih_periode(&r.periode), label => label(), r },
    )
}

async fn peringkat(s: Sesi, Query(q): Query<HashMap<String, String>>) -> Response {
    let p = wajib!(s.wajib());
    let periode = periode_query(&q);
    let unit = match q.get("unit").map(|u| u.trim()).filter(|u| !u.is_empty()) {
        Some(u) => Some(coba!(s, id_path(u, "Unit"))),
        None => None,
    };
    let r = coba!(s, s.k.app.peringkat(p, &periode, unit).await);
    s.ok(
        "peringkat.html",
        context! { pemilih => pemilih_periode(&r.periode), label => label(), r },
    )
}

// ---------------------------------------------------------------------------------------------
// /keberatan: the keberatan the caller is party to, one with its hearing and decision

async fn daftar_keberatan(s: Sesi) -> Response {
    let p = wajib!(s.wajib());
    let daftar = coba!(s, s.k.app.daftar_keberatan(p).await);
    let periode: BTreeMap<String, String> = daftar
        .iter()
        .map(|k| (k.periode.clone(), label_periode(&k.periode)))
        .collect();
    s.ok(
        "keberatan_daftar.html",
        context! { daftar, periode, label => label() },
    )
}

async fn keberatan(s: Sesi, Path(id): Path<String>) -> Response {
    let p = wajib!(s.wajib());
    let id = coba!(s, id_path(&id, "Keberatan"));
    halaman_keberatan(&s, p, id, StatusCode::OK, kosong()).await
}

async fn halaman_keberatan(
    s: &Sesi,
    p: &Pengguna,
    id: i64,
    status: StatusCode,
    galat: Value,
) -> Response {
    let d = coba!(s, s.k.app.detail_keberatan(p, id).await);
    s.halaman(
        status,
        "keberatan.html",
        context! {
            periode_label => label_periode(&d.keberatan.periode),
            ratings => opsi::<Rating>(),
            label => label(),
            galat,
            d,
        },
    )
}

/// After a form of the keberatan page: back to it, or the page again with the error by the form.
async fn selesai_keberatan(
    s: &Sesi,
    p: &Pengguna,
    id: i64,
    form: &str,
    isian: Value,
    hasil: Result<String, AppError>,
) -> Response {
    match hasil {
        Ok(tujuan) => Redirect::to(&tujuan).into_response(),
        Err(e) if galat_form(&e) => {
            let galat = galat_untuk(form, &e, isian);
            halaman_keberatan(s, p, id, status_galat(&e), galat).await
        }
        Err(e) => s.galat(e),
    }
}

#[derive(Deserialize, Serialize, Default)]
#[serde(default)]
struct FormTanggapan {
    #[serde(skip_serializing)]
    csrf: String,
    isi: String,
}

/// `POST /keberatan/{id}/tanggapan`: a party comments while it is pending.
async fn tanggapi(s: Sesi, Path(id): Path<String>, Form(f): Form<FormTanggapan>) -> Response {
    let p = wajib!(s.wajib_csrf(&f.csrf));
    let id = coba!(s, id_path(&id, "Keberatan"));
    let hasil =
        s.k.app
            .tanggapi_keberatan(p, id, &f.isi)
            .await
            .map(|_| format!("/keberatan/{id}#tanggapan"));
    let isian = Value::from_serialize(&f);
    selesai_keberatan(&s, p, id, "tanggapan", isian, hasil).await
}

#[derive(Deserialize, Serialize, Default)]
#[serde(default)]
struct FormPutusan {
    #[serde(skip_serializing)]
    csrf: String,
    putusan: String,
    rating_hasil_kerja: String,
    rating_perilaku: String,
    alasan: String,
}

/// `POST /keberatan/{id}/putusan`: the atasan pejabat penilai decides, once and for all.
async fn putuskan(s: Sesi, Path(id): Path<String>, Form(f): Form<FormPutusan>) -> Response {
    let p = wajib!(s.wajib_csrf(&f.csrf));
    let id = coba!(s, id_path(&id, "Keberatan"));
    let masuk = || -> Result<PutusanMasuk, AppError> {
        Ok(PutusanMasuk {
            putusan: pilih("putusan", &f.putusan)?,
            rating_hasil_kerja: pilih("rating_hasil_kerja", &f.rating_hasil_kerja)?,
            rating_perilaku: pilih("rating_perilaku", &f.rating_perilaku)?,
            alasan: f.alasan.clone(),
        })
    };
    let hasil = match masuk() {
        Ok(m) => {
            s.k.app
                .putuskan_keberatan(p, id, m)
                .await
                .map(|_| format!("/keberatan/{id}#putusan"))
        }
        Err(e) => Err(e),
    };
    let isian = Value::from_serialize(&f);
    selesai_keberatan(&s, p, id, "putusan", isian, hasil).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pemilih_periode_bulan_triwulan_tahun() {
        let v = pemilih_periode("2026-01");
        assert_eq!(v.get_attr("kode").unwrap().to_string(), "2026-01");
        assert_eq!(
            v.get_attr("sebelum")
                .unwrap()
                .get_attr("kode")
                .unwrap()
                .to_string(),
            "2025-12"
        );
        assert_eq!(v.get_attr("pilihan").unwrap().len(), Some(13));
        let v = pemilih_periode("2026-T4");
        assert_eq!(
            v.get_attr("berikut")
                .unwrap()
                .get_attr("kode")
                .unwrap()
                .to_string(),
            "2027-T1"
        );
        assert_eq!(v.get_attr("pilihan").unwrap().len(), Some(5));
        let v = pemilih_periode("2026");
        assert_eq!(
            v.get_attr("sebelum")
                .unwrap()
                .get_attr("kode")
                .unwrap()
                .to_string(),
            "2025"
        );
        assert!(pemilih_periode("bukan").is_none());
    }

    #[test]
    fn data_akademik_dari_formulir() {
        let f = FormNilai::default();
        assert_eq!(f.akademik().unwrap(), None, "no academic fields: none");
        let f = FormNilai {
            jenjang_pendidikan: "s2".into(),
            lokasi: "dalam_negeri".into(),
            akreditasi_pt: "A".into(),
            ipk: "3,51".into(),
            tepat_waktu: "ya".into(),
            ..Default::default()
        };
        let a = f.akademik().unwrap().unwrap();
        assert_eq!(a.jenjang_pendidikan, JenjangPendidikan::S2);
        assert!(a.tepat_waktu);
        assert_eq!(a.akreditasi_prodi, None);
        let f = FormNilai {
            jenjang_pendidikan: "s9".into(),
            ..Default::default()
        };
        let e = f.akademik().unwrap_err();
        assert!(e.bidang().contains_key("jenjang_pendidikan"), "{e}");
        let f = FormNilai {
            rating_hasil_kerja: "luar_biasa".into(),
            ..Default::default()
        };
        let e = f.kirim().unwrap_err();
        assert_eq!(e.status(), 422);
        assert!(e.bidang().contains_key("rating_hasil_kerja"), "{e}");
    }
}
