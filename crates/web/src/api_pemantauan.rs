//! The monitoring dashboards through the API: `GET /api/v1/pemantauan` answers one view (the
//! scope or a unit: totals, a row per child unit, the unit's own pegawai, units off their curve,
//! keberatan waiting, sanction deadlines near), `GET /api/v1/pemantauan/ekspor` the same view as
//! an XLSX or CSV file, streamed like the HR exports.

use crate::api_laporan::unduhan_laporan;
use crate::auth::Masuk;
use crate::galat::{ApiError, ApiResult, QueryMasuk};
use crate::Keadaan;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use axum::{Json, Router};
use kinerja_app::laporan::FormatLaporan;
use kinerja_app::pemantauan::ekspor::{PermintaanEksporPemantauan, TampilanEkspor};
use kinerja_app::pemantauan::{
    AngkaPemantauan, BarisPegawaiPemantauan, BarisUnitPemantauan, KeberatanPemantauan, Kemajuan,
    PermintaanPemantauan, RemahPemantauan, RingkasanAngka, TampilanPemantauan,
    TenggatSanksiPemantauan, UnitMenyimpang, UnitPemantauan,
};
use serde::Deserialize;
use utoipa::{IntoParams, OpenApi};

#[derive(OpenApi)]
#[openapi(
    paths(pemantauan, ekspor_pemantauan),
    components(schemas(
        TampilanPemantauan,
        RingkasanAngka,
        AngkaPemantauan,
        Kemajuan,
        BarisUnitPemantauan,
        BarisPegawaiPemantauan,
        UnitMenyimpang,
        KeberatanPemantauan,
        TenggatSanksiPemantauan,
        RemahPemantauan,
        UnitPemantauan,
        TampilanEkspor
    ))
)]
pub struct Api;

pub fn rute() -> Router<Keadaan> {
    Router::new()
        .route("/pemantauan", get(pemantauan))
        .route("/pemantauan/ekspor", get(ekspor_pemantauan))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct QPemantauan {
    /// A month ("2026-10"), a quarter ("2026-T4") where the instansi's profile evaluates per
    /// quarter, or the year ("2026"); the current period when absent.
    #[param(value_type = Option<String>)]
    pub periode: Option<String>,
    /// One unit of the caller's scope (its child units as rows, its own pegawai listed); the
    /// whole scope when absent.
    pub unit_id: Option<i64>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct QEksporPemantauan {
    /// As for the view; the current period when absent.
    #[param(value_type = Option<String>)]
    pub periode: Option<String>,
    /// As for the view.
    pub unit_id: Option<i64>,
    /// `unit` (default): the view's table, a row per child unit with its subtree, the unit's own
    /// pegawai and the total; `pegawai`: every pegawai of the view (subtree or scope).
    #[param(value_type = Option<TampilanEkspor>)]
    pub tampilan: Option<String>,
    /// `xlsx` (default) or `csv` (comma-separated, UTF-8 with a byte-order mark).
    #[param(value_type = Option<FormatLaporan>)]
    pub format: Option<String>,
}

/// One view of the monitoring dashboard for a period: who has a set SKP for the year, who
/// documented the period's months, the period's evaluations (signed, draft, missing,
/// acknowledged), per child unit with its subtree and in total, with progress as value/of/percent;
/// with `unit_id`, that unit's own pegawai one by one (SKP status, documented or not, evaluation
/// status and predikat); the units whose distribution is off the guideline (the distribution's
/// own result); keberatan waiting for the atasan's decision (oldest first); sanction deadlines
/// within `hari_tenggat` days. For the HR admin (whole instansi) and heads of units (their
/// subtree); anyone else 403; a unit outside the scope 403, an unknown unit 404.
#[utoipa::path(get, path = "/api/v1/pemantauan", tag = "pemantauan", params(QPemantauan),
    responses(
        (status = 200, body = TampilanPemantauan),
        (status = 401, description = "Belum masuk"),
        (status = 403, description = "Bukan admin BKPSDM atau kepala unit, atau unit di luar lingkup"),
        (status = 404, description = "Unit tidak dikenal"),
        (status = 422, description = "periode atau unit_id tidak sah (fields.periode / fields.unit_id)")))]
pub async fn pemantauan(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    QueryMasuk(q): QueryMasuk<QPemantauan>,
) -> ApiResult<TampilanPemantauan> {
    let m = PermintaanPemantauan {
        periode: q.periode,
        unit_id: q.unit_id,
    };
    Ok(Json(k.app.pemantauan(&p, &m).await?))
}

/// A view of the monitoring dashboard as XLSX or CSV: `tampilan=unit` the view's table (one row
/// per child unit, then the unit's own pegawai, pegawai without a position, and "Jumlah"),
/// `tampilan=pegawai` one row per pegawai of the view (NIP as text). `X-Jumlah-Baris` gives the
/// number of data rows. Access as for the view.
#[utoipa::path(get, path = "/api/v1/pemantauan/ekspor", tag = "pemantauan", params(QEksporPemantauan),
    responses(
        (status = 200, description = "The file (Content-Disposition: attachment; filename=\"pemantauan-unit-2026-11.xlsx\")",
            content((String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), (String = "text/csv"))),
        (status = 401, description = "Belum masuk"),
        (status = 403, description = "Bukan admin BKPSDM atau kepala unit, atau unit di luar lingkup"),
        (status = 404, description = "Unit tidak dikenal"),
        (status = 422, description = "periode, unit_id, tampilan atau format tidak sah (fields.<nama>)")))]
pub async fn ekspor_pemantauan(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    QueryMasuk(q): QueryMasuk<QEksporPemantauan>,
) -> Result<Response, ApiError> {
    let m = PermintaanEksporPemantauan {
        periode: q.periode,
        unit_id: q.unit_id,
        tampilan: q.tampilan,
        format: q.format,
    };
    Ok(unduhan_laporan(k.app.ekspor_pemantauan(&p, &m).await?))
}
