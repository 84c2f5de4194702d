//! The reports page (`/laporan`, for HR admin and unit heads): a plain GET form per report
//! (period, unit within the caller's scope, XLSX or CSV) whose download is `/laporan/{jenis}`,
//! the same use case as the API. A refused download shows the page again with the message by
//! that report's form and the status of the error; a caller who may not see the page at all
//! gets the error page. No JavaScript.

use crate::api_laporan::unduhan_laporan;
use crate::halaman::{coba, wajib, Sesi};
use crate::Keadaan;
use axum::extract::{Path, Query};
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use kinerja_app::laporan::PermintaanLaporan;
use kinerja_app::AppError;
use minijinja::{context, Value};
use std::collections::HashMap;

pub fn rute() -> Router<Keadaan> {
    Router::new()
        .route("/laporan", get(halaman))
        .route("/laporan/{jenis}", get(unduh))
}

async fn halaman(s: Sesi) -> Response {
    let p = wajib!(s.wajib());
    let pilihan = coba!(s, s.k.app.pilihan_laporan(p).await);
    s.ok(
        "laporan.html",
        context! { pilihan, galat => Value::from(()) },
    )
}

async fn unduh(
    s: Sesi,
    Path(jenis): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let p = wajib!(s.wajib());
    let isian = |k: &str| {
        q.get(k)
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    let unit_id = match isian("unit_id").map(|u| u.parse::<i64>()) {
        None => Ok(None),
        Some(Ok(u)) => Ok(Some(u)),
        Some(Err(_)) => Err(AppError::bidang_tidak_valid(
            "unit_id",
            "Harus berupa angka",
        )),
    };
    let hasil = match unit_id {
        Ok(unit_id) => {
            let m = PermintaanLaporan {
                jenis: jenis.clone(),
                periode: isian("periode"),
                unit_id,
                format: isian("format"),
            };
            s.k.app.laporan(p, &m).await
        }
        Err(e) => Err(e),
    };
    let e = match hasil {
        Ok(b) => return unduhan_laporan(b),
        Err(e) => e,
    };
    // A caller who may not see reports at all, or a fault of ours: the error page.
    let pilihan = match s.k.app.pilihan_laporan(p).await {
        Ok(x) if !matches!(e, AppError::Internal(_)) => x,
        _ => return s.galat(e),
    };
    let status = crate::halaman::status_galat(&e);
    let galat = context! {
        jenis,
        pesan => e.to_string(),
        bidang => e.bidang(),
        isian => q,
    };
    s.halaman(status, "laporan.html", context! { pilihan, galat })
}
