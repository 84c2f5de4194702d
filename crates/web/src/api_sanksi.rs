//! Sanction cases through the API (HR admin): the year's candidates, opening a case, recording
//! each step, and the cases with their clocks.

use crate::auth::Masuk;
use crate::galat::{id_api, ApiError, ApiResult, JsonMasuk, QueryMasuk};
use crate::Keadaan;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use kinerja_app::sanksi::{
    BukaSanksi, CalonSanksi, DaftarCalonSanksi, DaftarSanksi, DetailSanksi, LangkahMasuk,
    LangkahTampil, PilihanHasil,
};
use kinerja_app::AppError;
use kinerja_domain::sanksi::{HasilSanksi, KelompokSanksi, TahapSanksi};
use kinerja_store::LangkahSanksi;
use serde::Deserialize;
use utoipa::{IntoParams, OpenApi};

#[derive(OpenApi)]
#[openapi(
    paths(daftar, calon, buka, detail, langkah),
    components(schemas(
        DaftarSanksi,
        DetailSanksi,
        DaftarCalonSanksi,
        CalonSanksi,
        BukaSanksi,
        LangkahMasuk,
        LangkahTampil,
        LangkahSanksi,
        PilihanHasil,
        HasilSanksi,
        KelompokSanksi,
        TahapSanksi
    ))
)]
pub struct Api;

pub fn rute() -> Router<Keadaan> {
    Router::new()
        .route("/sanksi", get(daftar).post(buka))
        .route("/sanksi/calon", get(calon))
        .route("/sanksi/{id}", get(detail))
        .route("/sanksi/{id}/langkah", post(langkah))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct QStatus {
    /// `berjalan` (open) or `selesai` (finished); every case when absent.
    pub status: Option<String>,
}

/// Sanction cases with their current stage and deadline, open ones first by deadline.
#[utoipa::path(get, path = "/api/v1/sanksi", tag = "tindak_lanjut", params(QStatus),
    responses((status = 200, body = DaftarSanksi), (status = 401), (status = 403), (status = 422)))]
pub async fn daftar(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    QueryMasuk(q): QueryMasuk<QStatus>,
) -> ApiResult<DaftarSanksi> {
    let selesai = match q.status.as_deref().map(str::trim) {
        None | Some("") => None,
        Some("berjalan") => Some(false),
        Some("selesai") => Some(true),
        Some(_) => {
            return Err(AppError::bidang_tidak_valid(
                "status",
                "Pilihan yang sah: berjalan, selesai",
            )
            .into())
        }
    };
    Ok(Json(k.app.daftar_sanksi(&p, selesai).await?))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct QTahun {
    /// The year of the annual evaluations; last year when absent.
    pub tahun: Option<i32>,
}

/// The signed annual evaluations of a year that call for a case (JPT: Butuh Perbaikan, Kurang,
/// Sangat Kurang; JA/JF: Kurang, Sangat Kurang), with the case already opened on each.
#[utoipa::path(get, path = "/api/v1/sanksi/calon", tag = "tindak_lanjut", params(QTahun),
    responses((status = 200, body = DaftarCalonSanksi), (status = 401), (status = 403), (status = 422)))]
pub async fn calon(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    QueryMasuk(q): QueryMasuk<QTahun>,
) -> ApiResult<DaftarCalonSanksi> {
    let tahun = q
        .tahun
        .unwrap_or_else(kinerja_app::penghargaan::tahun_tutup);
    Ok(Json(k.app.calon_sanksi(&p, tahun).await?))
}

/// Open a case on a signed annual evaluation that calls for one: the 6 months to improve start.
/// 422 when the predikat does not call for a case; 409 when the evaluation is unsigned, has a
/// keberatan waiting, or already has a case.
#[utoipa::path(post, path = "/api/v1/sanksi", tag = "tindak_lanjut", request_body = BukaSanksi,
    responses((status = 201, body = DetailSanksi), (status = 401), (status = 403), (status = 404), (status = 409), (status = 422)))]
pub async fn buka(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    JsonMasuk(b): JsonMasuk<BukaSanksi>,
) -> Result<Response, ApiError> {
    let r = k.app.buka_sanksi(&p, b).await?;
    Ok((StatusCode::CREATED, Json(r)).into_response())
}

/// A case with its steps, its clock and the outcomes that may be recorded next.
#[utoipa::path(get, path = "/api/v1/sanksi/{id}", tag = "tindak_lanjut", params(("id" = i64, Path)),
    responses((status = 200, body = DetailSanksi), (status = 401), (status = 403), (status = 404)))]
pub async fn detail(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path(id): Path<String>,
) -> ApiResult<DetailSanksi> {
    Ok(Json(
        k.app
            .detail_sanksi(&p, id_api(&id, "Kasus sanksi")?)
            .await?,
    ))
}

/// Record the outcome of the current stage (with the case's `versi`; stale → 409; an outcome
/// that does not belong to the stage → 409).
#[utoipa::path(post, path = "/api/v1/sanksi/{id}/langkah", tag = "tindak_lanjut", params(("id" = i64, Path)),
    request_body = LangkahMasuk,
    responses((status = 200, body = DetailSanksi), (status = 401), (status = 403), (status = 404), (status = 409), (status = 422)))]
pub async fn langkah(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path(id): Path<String>,
    JsonMasuk(b): JsonMasuk<LangkahMasuk>,
) -> ApiResult<DetailSanksi> {
    Ok(Json(
        k.app
            .catat_langkah_sanksi(&p, id_api(&id, "Kasus sanksi")?, b)
            .await?,
    ))
}
