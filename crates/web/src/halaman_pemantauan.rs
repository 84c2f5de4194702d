//! The monitoring page (`/pemantauan`, for HR admin and unit heads): one view of the dashboard
//! for a period (the current one by default), drilled down by `?unit=` from the scope to a unit
//! to its pegawai, with breadcrumbs, progress bars with their numbers, and the view's exports
//! (`/pemantauan/ekspor`, a plain GET form: the same use case as the API). No JavaScript.

use crate::api_laporan::unduhan_laporan;
use crate::formulir::peta;
use crate::halaman::{coba, wajib, Sesi};
use crate::halaman_evaluasi::pemilih_periode;
use crate::Keadaan;
use axum::extract::Query;
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use kinerja_app::pemantauan::ekspor::PermintaanEksporPemantauan;
use kinerja_app::pemantauan::PermintaanPemantauan;
use kinerja_app::AppError;
use kinerja_domain::evaluasi::keberatan::StatusKeberatan;
use kinerja_domain::evaluasi::StatusEvaluasi;
use kinerja_domain::kuadran::{CapaianOrganisasi, Predikat};
use kinerja_domain::skp::StatusSkp;
use minijinja::context;
use std::collections::HashMap;

pub fn rute() -> Router<Keadaan> {
    Router::new()
        .route("/pemantauan", get(halaman))
        .route("/pemantauan/ekspor", get(ekspor))
}

/// A non-empty query value.
fn isian(q: &HashMap<String, String>, k: &str) -> Option<String> {
    q.get(k)
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

/// `?unit=` (or `?unit_id=`, as the API names it): a number, or 422 naming the field.
fn unit_query(q: &HashMap<String, String>) -> Result<Option<i64>, AppError> {
    let (bidang, nilai) = match (isian(q, "unit"), isian(q, "unit_id")) {
        (Some(u), _) => ("unit", u),
        (None, Some(u)) => ("unit_id", u),
        (None, None) => return Ok(None),
    };
    nilai
        .parse()
        .map(Some)
        .map_err(|_| AppError::bidang_tidak_valid(bidang, "Harus berupa nomor unit"))
}

async fn halaman(s: Sesi, Query(q): Query<HashMap<String, String>>) -> Response {
    let p = wajib!(s.wajib());
    let unit_id = coba!(s, unit_query(&q));
    let m = PermintaanPemantauan {
        periode: isian(&q, "periode"),
        unit_id,
    };
    let v = coba!(s, s.k.app.pemantauan(p, &m).await);
    let label = context! {
        skp => peta::<StatusSkp>(),
        evaluasi => peta::<StatusEvaluasi>(),
        predikat => peta::<Predikat>(),
        keberatan => peta::<StatusKeberatan>(),
        capaian => peta::<CapaianOrganisasi>(),
    };
    s.ok(
        "pemantauan.html",
        context! { v, pemilih => pemilih_periode(&v.periode), label },
    )
}

async fn ekspor(s: Sesi, Query(q): Query<HashMap<String, String>>) -> Response {
    let p = wajib!(s.wajib());
    let unit_id = coba!(s, unit_query(&q));
    let m = PermintaanEksporPemantauan {
        periode: isian(&q, "periode"),
        unit_id,
        tampilan: isian(&q, "tampilan"),
        format: isian(&q, "format"),
    };
    match s.k.app.ekspor_pemantauan(p, &m).await {
        Ok(b) => unduhan_laporan(b),
        Err(e) => s.galat(e),
    }
}
