//! Document pages: PDF downloads for the signed-in reader, the public verification page, and
//! the reporting bundle (ask, watch its progress, download).

use crate::api_dokumen::{pdf_skp, respons_bundel, respons_pdf};
use crate::galat::id_path;
use crate::halaman::{coba, status_galat, wajib, Sesi};
use crate::Keadaan;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::{Form, Router};
use kinerja_app::dokumen::PermintaanBundel;
use kinerja_app::AppError;
use minijinja::context;
use serde::Deserialize;
use std::collections::HashMap;

pub fn rute() -> Router<Keadaan> {
    Router::new()
        .route("/skp/{id}/dokumen/{jenis}", get(dokumen_skp))
        .route("/matriks/{tahun}/dokumen", get(dokumen_matriks))
        .route("/verifikasi", get(cari_kode))
        .route("/verifikasi/{kode}", get(verifikasi))
        .route("/bundel", get(bundel).post(minta_bundel))
        .route("/bundel/{id}/berkas", get(unduh_bundel))
}

async fn dokumen_skp(
    s: Sesi,
    Path((id, jenis)): Path<(String, String)>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let p = wajib!(s.wajib());
    let id = coba!(s, id_path(&id, "SKP"));
    let b = coba!(
        s,
        pdf_skp(
            &s.k.app,
            p,
            id,
            &jenis,
            q.get("periode").map(String::as_str)
        )
        .await
    );
    respons_pdf(b)
}

async fn dokumen_matriks(s: Sesi, Path(tahun): Path<String>) -> Response {
    let p = wajib!(s.wajib());
    let tahun = coba!(
        s,
        tahun
            .trim()
            .parse::<i32>()
            .map_err(|_| AppError::TidakDitemukan(format!("Tahun '{tahun}' tidak dikenal")))
    );
    respons_pdf(coba!(s, s.k.app.pdf_matriks(p, tahun).await))
}

/// `/verifikasi?kode=…`: the form a reader types a printed code into.
async fn cari_kode(s: Sesi, Query(q): Query<HashMap<String, String>>) -> Response {
    match q.get("kode").map(|k| k.trim()).filter(|k| !k.is_empty()) {
        Some(k) => Redirect::to(&format!("/verifikasi/{}", urlencoding(k))).into_response(),
        None => s.ok("verifikasi.html", context! { hasil => (), galat => () }),
    }
}

/// Only characters a code may hold go into the redirect.
fn urlencoding(k: &str) -> String {
    k.chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .take(40)
        .collect()
}

/// The public page of a printed code: what it certifies, or why it is not valid.
async fn verifikasi(s: Sesi, Path(kode): Path<String>) -> Response {
    match s.k.app.verifikasi_dokumen(&kode).await {
        Ok(hasil) => s.ok("verifikasi.html", context! { hasil, galat => () }),
        // A code that does not verify is shown on the page with its reason and status.
        Err(
            e @ (AppError::PermintaanSalah { .. }
            | AppError::TidakValid { .. }
            | AppError::TidakDitemukan(_)),
        ) => s.halaman(
            status_galat(&e),
            "verifikasi.html",
            context! { hasil => (), galat => e.to_string(), kode },
        ),
        Err(e) => s.galat(e),
    }
}

#[derive(Deserialize)]
struct FormBundel {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    periode: String,
    #[serde(default)]
    unit_id: String,
}

async fn halaman_bundel(
    s: &Sesi,
    p: &kinerja_app::akses::Pengguna,
    status: StatusCode,
    galat: Option<String>,
    isian: Option<&FormBundel>,
) -> Response {
    let daftar = coba!(s, s.k.app.daftar_bundel(p).await);
    let berjalan = daftar
        .iter()
        .any(|t| matches!(t.status.kode(), "menunggu" | "berjalan"));
    // The units the caller may bundle (none: the caller leads no unit and is not HR).
    let pilihan = s.k.app.pilihan_laporan(p).await.ok();
    s.halaman(
        status,
        "bundel.html",
        context! {
            daftar,
            berjalan,
            pilihan,
            galat,
            periode => isian.map(|f| f.periode.clone()).unwrap_or_else(kinerja_app::evaluasi::periode_bulan_ini),
            unit_id => isian.map(|f| f.unit_id.clone()).unwrap_or_default(),
        },
    )
}

async fn bundel(s: Sesi) -> Response {
    let p = wajib!(s.wajib());
    halaman_bundel(&s, p, StatusCode::OK, None, None).await
}

async fn minta_bundel(s: Sesi, Form(f): Form<FormBundel>) -> Response {
    let p = wajib!(s.wajib_csrf(&f.csrf));
    let unit_id = match f.unit_id.trim() {
        "" => None,
        u => match id_path(u, "Unit") {
            Ok(u) => Some(u),
            Err(e) => {
                return halaman_bundel(
                    &s,
                    p,
                    StatusCode::UNPROCESSABLE_ENTITY,
                    Some(e.to_string()),
                    Some(&f),
                )
                .await
            }
        },
    };
    let m = PermintaanBundel {
        periode: f.periode.trim().to_string(),
        unit_id,
    };
    match s.k.app.minta_bundel(p, m).await {
        Ok(_) => Redirect::to("/bundel").into_response(),
        Err(
            e @ (AppError::TidakValid { .. } | AppError::Dilarang(_) | AppError::TidakDitemukan(_)),
        ) => {
            // Shown by the form, with the refusal's own status (403 outside one's scope).
            let status =
                StatusCode::from_u16(e.status()).unwrap_or(StatusCode::UNPROCESSABLE_ENTITY);
            halaman_bundel(&s, p, status, Some(e.to_string()), Some(&f)).await
        }
        Err(e) => s.galat(e),
    }
}

async fn unduh_bundel(s: Sesi, Path(id): Path<String>) -> Response {
    let p = wajib!(s.wajib());
    let id = coba!(s, id_path(&id, "Bundel"));
    coba!(s, respons_bundel(&s.k.app, p, id).await)
}
