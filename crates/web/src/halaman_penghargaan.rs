//! The rewards page (`/penghargaan`, HR admin): the year's pegawai who qualify, per kind, with
//! a form on each row to record what was granted; the rewards recorded for the year below.

use crate::formulir::{angka, galat_form, galat_untuk, kosong, peta, tanggal, teks};
use crate::halaman::{coba, status_galat, wajib, Sesi};
use crate::Keadaan;
use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::{Form, Router};
use kinerja_app::akses::Pengguna;
use kinerja_app::penghargaan::PenghargaanMasuk;
use kinerja_app::AppError;
use kinerja_domain::kuadran::Predikat;
use kinerja_domain::penghargaan::JenisPenghargaan;
use minijinja::{context, Value};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

pub fn rute() -> Router<Keadaan> {
    Router::new().route("/penghargaan", get(halaman).post(catat))
}

#[derive(Debug, Default, Clone)]
struct Pilihan {
    tahun: Option<i32>,
    jenis: Option<String>,
    cursor: Option<String>,
}

fn pilihan(q: &HashMap<String, String>) -> Result<Pilihan, AppError> {
    let isian = |k: &str| {
        q.get(k)
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    Ok(Pilihan {
        tahun: angka("tahun", &isian("tahun").unwrap_or_default())?.map(|t| t as i32),
        jenis: isian("jenis"),
        cursor: isian("cursor"),
    })
}

async fn halaman(s: Sesi, Query(q): Query<HashMap<String, String>>) -> Response {
    let p = wajib!(s.wajib());
    let pil = coba!(s, pilihan(&q));
    tampil(&s, p, pil, StatusCode::OK, kosong()).await
}

async fn tampil(
    s: &Sesi,
    p: &Pengguna,
    pil: Pilihan,
    status: StatusCode,
    galat: Value,
) -> Response {
    let d = coba!(
        s,
        s.k.app
            .daftar_penghargaan(p, pil.tahun, pil.jenis.as_deref(), pil.cursor.as_deref())
            .await
    );
    let jenis: Vec<Value> = [
        JenisPenghargaan::PrioritasTalenta,
        JenisPenghargaan::PrioritasPengembangan,
    ]
    .iter()
    .map(|j| context! { kode => j.kode(), label => j.label() })
    .collect();
    let label = context! {
        predikat => peta::<Predikat>(),
        jenis => peta::<JenisPenghargaan>(),
    };
    s.halaman(
        status,
        "penghargaan.html",
        context! { d, jenis, label, galat, hari_ini => kinerja_app::skp::hari_ini().to_string() },
    )
}

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
struct FormPenghargaan {
    #[serde(skip_serializing)]
    csrf: String,
    pegawai_id: String,
    tahun: String,
    jenis: String,
    bentuk: String,
    tanggal: String,
    nomor_dokumen: String,
    catatan: String,
}

async fn catat(s: Sesi, Form(f): Form<FormPenghargaan>) -> Response {
    let p = wajib!(s.wajib_csrf(&f.csrf));
    let masuk = || -> Result<PenghargaanMasuk, AppError> {
        Ok(PenghargaanMasuk {
            pegawai_id: angka("pegawai_id", &f.pegawai_id)?,
            tahun: angka("tahun", &f.tahun)?.map(|t| t as i32),
            jenis: teks(&f.jenis),
            bentuk: teks(&f.bentuk),
            tanggal: tanggal("tanggal", &f.tanggal)?,
            nomor_dokumen: teks(&f.nomor_dokumen),
            catatan: teks(&f.catatan),
        })
    };
    let hasil = match masuk() {
        Ok(m) => s.k.app.catat_penghargaan(p, m).await,
        Err(e) => Err(e),
    };
    let pil = Pilihan {
        tahun: f.tahun.trim().parse().ok(),
        jenis: teks(&f.jenis),
        cursor: None,
    };
    match hasil {
        Ok(r) => Redirect::to(&format!(
            "/penghargaan?tahun={}&jenis={}#pegawai-{}",
            r.tahun,
            r.jenis.kode(),
            r.pegawai_id
        ))
        .into_response(),
        Err(e) if galat_form(&e) => {
            let galat = galat_untuk(
                &format!("penghargaan-{}", f.pegawai_id.trim()),
                &e,
                Value::from_serialize(&f),
            );
            tampil(&s, p, pil, status_galat(&e), galat).await
        }
        Err(e) => s.galat(e),
    }
}
