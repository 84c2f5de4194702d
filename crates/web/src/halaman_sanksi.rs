//! The sanction pages (HR admin): `/sanksi` lists the open cases with their clocks, the year's
//! annual evaluations that call for a case (each with a form to open one) and the finished
//! cases; `/sanksi/{id}` shows a case's timeline and the form for its next step.

use crate::formulir::{angka, galat_form, galat_untuk, kosong, peta, tanggal, teks};
use crate::galat::id_path;
use crate::halaman::{coba, status_galat, wajib, Sesi};
use crate::Keadaan;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use kinerja_app::akses::Pengguna;
use kinerja_app::sanksi::{BukaSanksi, LangkahMasuk};
use kinerja_app::AppError;
use kinerja_domain::kuadran::Predikat;
use kinerja_domain::sanksi::{KelompokSanksi, TahapSanksi};
use minijinja::{context, Value};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

pub fn rute() -> Router<Keadaan> {
    Router::new()
        .route("/sanksi", get(daftar).post(buka))
        .route("/sanksi/{id}", get(detail))
        .route("/sanksi/{id}/langkah", post(langkah))
}

fn label() -> Value {
    context! {
        predikat => peta::<Predikat>(),
        kelompok => peta::<KelompokSanksi>(),
        tahap => peta::<TahapSanksi>(),
    }
}

fn tahun_query(q: &HashMap<String, String>) -> Result<i32, AppError> {
    Ok(angka("tahun", q.get("tahun").map_or("", String::as_str))?
        .map_or_else(kinerja_app::penghargaan::tahun_tutup, |t| t as i32))
}

async fn daftar(s: Sesi, Query(q): Query<HashMap<String, String>>) -> Response {
    let p = wajib!(s.wajib());
    let tahun = coba!(s, tahun_query(&q));
    tampil_daftar(&s, p, tahun, StatusCode::OK, kosong()).await
}

async fn tampil_daftar(
    s: &Sesi,
    p: &Pengguna,
    tahun: i32,
    status: StatusCode,
    galat: Value,
) -> Response {
    let kasus = coba!(s, s.k.app.daftar_sanksi(p, None).await);
    let calon = coba!(s, s.k.app.calon_sanksi(p, tahun).await);
    let (berjalan, selesai): (Vec<_>, Vec<_>) = kasus.items.into_iter().partition(|k| !k.selesai);
    s.halaman(
        status,
        "sanksi_daftar.html",
        context! {
            tahun, berjalan, selesai, calon => calon.items, label => label(), galat,
            hari_ini => kinerja_app::skp::hari_ini().to_string(),
        },
    )
}

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
struct FormBuka {
    #[serde(skip_serializing)]
    csrf: String,
    evaluasi_id: String,
    tahun: String,
    tanggal: String,
    nomor_dokumen: String,
    catatan: String,
}

async fn buka(s: Sesi, Form(f): Form<FormBuka>) -> Response {
    let p = wajib!(s.wajib_csrf(&f.csrf));
    let masuk = || -> Result<BukaSanksi, AppError> {
        Ok(BukaSanksi {
            evaluasi_id: angka("evaluasi_id", &f.evaluasi_id)?,
            tanggal: tanggal("tanggal", &f.tanggal)?,
            nomor_dokumen: teks(&f.nomor_dokumen),
            catatan: teks(&f.catatan),
        })
    };
    let hasil = match masuk() {
        Ok(m) => s.k.app.buka_sanksi(p, m).await,
        Err(e) => Err(e),
    };
    match hasil {
        Ok(k) => Redirect::to(&format!("/sanksi/{}", k.id)).into_response(),
        Err(e) if galat_form(&e) => {
            let form = format!("buka-{}", f.evaluasi_id.trim());
            let galat = galat_untuk(&form, &e, Value::from_serialize(&f));
            let tahun = f
                .tahun
                .trim()
                .parse()
                .unwrap_or_else(|_| kinerja_app::penghargaan::tahun_tutup());
            tampil_daftar(&s, p, tahun, status_galat(&e), galat).await
        }
        Err(e) => s.galat(e),
    }
}

async fn detail(s: Sesi, Path(id): Path<String>) -> Response {
    let p = wajib!(s.wajib());
    let id = coba!(s, id_path(&id, "Kasus sanksi"));
    tampil_detail(&s, p, id, StatusCode::OK, kosong()).await
}

async fn tampil_detail(
    s: &Sesi,
    p: &Pengguna,
    id: i64,
    status: StatusCode,
    galat: Value,
) -> Response {
    let k = coba!(s, s.k.app.detail_sanksi(p, id).await);
    s.halaman(
        status,
        "sanksi.html",
        context! {
            k, label => label(), galat,
            hari_ini => kinerja_app::skp::hari_ini().to_string(),
        },
    )
}

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
struct FormLangkah {
    #[serde(skip_serializing)]
    csrf: String,
    versi: String,
    hasil: String,
    tanggal: String,
    jadwal: String,
    nomor_dokumen: String,
    catatan: String,
}

async fn langkah(s: Sesi, Path(id): Path<String>, Form(f): Form<FormLangkah>) -> Response {
    let p = wajib!(s.wajib_csrf(&f.csrf));
    let id = coba!(s, id_path(&id, "Kasus sanksi"));
    let masuk = || -> Result<LangkahMasuk, AppError> {
        Ok(LangkahMasuk {
            versi: angka("versi", &f.versi)?,
            hasil: teks(&f.hasil),
            tanggal: tanggal("tanggal", &f.tanggal)?,
            jadwal: tanggal("jadwal", &f.jadwal)?,
            nomor_dokumen: teks(&f.nomor_dokumen),
            catatan: teks(&f.catatan),
        })
    };
    let hasil = match masuk() {
        Ok(m) => s.k.app.catat_langkah_sanksi(p, id, m).await,
        Err(e) => Err(e),
    };
    match hasil {
        Ok(k) => Redirect::to(&format!("/sanksi/{}#langkah", k.id)).into_response(),
        Err(e) if galat_form(&e) => {
            let galat = galat_untuk("langkah", &e, Value::from_serialize(&f));
            tampil_detail(&s, p, id, status_galat(&e), galat).await
        }
        Err(e) => s.galat(e),
    }
}
