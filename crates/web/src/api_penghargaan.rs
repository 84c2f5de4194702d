//! Rewards through the API (HR admin): who qualifies in a year and what was granted.

use crate::auth::Masuk;
use crate::galat::{ApiError, ApiResult, JsonMasuk, QueryMasuk};
use crate::Keadaan;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use kinerja_app::penghargaan::{
    CalonPenghargaan, DaftarPenghargaan, JumlahPenghargaan, PenghargaanMasuk, PenghargaanTercatat,
};
use kinerja_domain::penghargaan::JenisPenghargaan;
use kinerja_store::Penghargaan;
use serde::Deserialize;
use utoipa::{IntoParams, OpenApi};

#[derive(OpenApi)]
#[openapi(
    paths(daftar, catat),
    components(schemas(
        DaftarPenghargaan,
        CalonPenghargaan,
        JumlahPenghargaan,
        PenghargaanTercatat,
        PenghargaanMasuk,
        Penghargaan,
        JenisPenghargaan
    ))
)]
pub struct Api;

pub fn rute() -> Router<Keadaan> {
    Router::new().route("/penghargaan", get(daftar).post(catat))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct QPenghargaan {
    /// The year closed (the second of the two years); last year when absent.
    pub tahun: Option<i32>,
    /// `prioritas_talenta` (default) or `prioritas_pengembangan`.
    #[param(value_type = Option<JenisPenghargaan>)]
    pub jenis: Option<String>,
    /// `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

/// Who qualifies for a reward in a year (Sangat Baik two years in a row → talent pool; Baik two
/// years in a row → competency development), computed from the signed annual evaluations, with
/// the rewards recorded for the year.
#[utoipa::path(get, path = "/api/v1/penghargaan", tag = "tindak_lanjut", params(QPenghargaan),
    responses((status = 200, body = DaftarPenghargaan), (status = 401), (status = 403), (status = 422)))]
pub async fn daftar(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    QueryMasuk(q): QueryMasuk<QPenghargaan>,
) -> ApiResult<DaftarPenghargaan> {
    Ok(Json(
        k.app
            .daftar_penghargaan(&p, q.tahun, q.jenis.as_deref(), q.cursor.as_deref())
            .await?,
    ))
}

/// Record a reward granted. A priority reward only for a pegawai who qualifies for it in that
/// year (422 otherwise); `lainnya` for anyone.
#[utoipa::path(post, path = "/api/v1/penghargaan", tag = "tindak_lanjut", request_body = PenghargaanMasuk,
    responses((status = 201, body = Penghargaan), (status = 401), (status = 403), (status = 404), (status = 422)))]
pub async fn catat(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    JsonMasuk(b): JsonMasuk<PenghargaanMasuk>,
) -> Result<Response, ApiError> {
    let r = k.app.catat_penghargaan(&p, b).await?;
    Ok((StatusCode::CREATED, Json(r)).into_response())
}
