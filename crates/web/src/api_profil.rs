//! The policy profile through the API (HR admin): its versions by year, the version in force for
//! a year, a new version, an edit carrying the counter it was read at, and the rater table
//! (Lampiran II) beside it.

use crate::auth::Masuk;
use crate::galat::{ApiError, ApiResult, JsonMasuk};
use crate::Keadaan;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use kinerja_app::profil::{
    ProfilTahun, TabelPenilai, UbahProfil, UbahTabelPenilai, VersiProfilBaru,
};
use kinerja_app::AppError;
use kinerja_store::{Halaman, VersiProfil};
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(paths(
    daftar_versi,
    profil_tahun,
    buat_versi,
    ubah_versi,
    tabel_penilai,
    ubah_tabel_penilai
))]
pub struct Api;

pub fn rute() -> Router<Keadaan> {
    Router::new()
        .route("/profil", get(daftar_versi).post(buat_versi))
        .route(
            "/profil/tabel-penilai",
            get(tabel_penilai).put(ubah_tabel_penilai),
        )
        .route("/profil/{tahun}", get(profil_tahun).put(ubah_versi))
}

/// A year in the path: a number, else 422 on `tahun`.
pub(crate) fn tahun_path(s: &str) -> Result<i32, AppError> {
    s.trim().parse::<i32>().map_err(|_| {
        AppError::bidang_tidak_valid("tahun", format!("Tahun '{s}' bukan angka, mis. 2027"))
    })
}

/// The versions of the instansi's policy profile, oldest year first: each is in force from its
/// `tahun` until the next version. HR admin only.
#[utoipa::path(get, path = "/api/v1/profil", tag = "profil",
    responses(
        (status = 200, body = Halaman<VersiProfil>),
        (status = 401, description = "Belum masuk"),
        (status = 403, description = "Bukan admin BKPSDM")))]
pub async fn daftar_versi(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
) -> ApiResult<Halaman<VersiProfil>> {
    Ok(Json(Halaman {
        items: k.app.daftar_versi_profil(&p).await?,
        next_cursor: None,
    }))
}

/// The profile in force for a year: the newest version set for that year or before
/// (`berlaku_sejak`, with its counter `versi` to send back with an edit), or the default
/// profile when none is set (`berlaku_sejak` null). `dapat_diubah` is false for a year already
/// past. HR admin only.
#[utoipa::path(get, path = "/api/v1/profil/{tahun}", tag = "profil",
    params(("tahun" = i32, Path, description = "e.g. 2027")),
    responses(
        (status = 200, body = ProfilTahun),
        (status = 401, description = "Belum masuk"),
        (status = 403, description = "Bukan admin BKPSDM"),
        (status = 422, description = "tahun bukan angka (fields.tahun)")))]
pub async fn profil_tahun(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path(tahun): Path<String>,
) -> ApiResult<ProfilTahun> {
    let tahun = tahun_path(&tahun)?;
    Ok(Json(k.app.profil_untuk_tahun(&p, tahun).await?))
}

/// A new version in force from `tahun` until the next version; `isi` defaults to a copy of the
/// version in force for that year. The TPP table must name every predikat exactly once
/// (0–100 %). Audited. HR admin only.
#[utoipa::path(post, path = "/api/v1/profil", tag = "profil", request_body = VersiProfilBaru,
    responses(
        (status = 201, body = ProfilTahun),
        (status = 401, description = "Belum masuk"),
        (status = 403, description = "Bukan admin BKPSDM"),
        (status = 409, description = "Tahun itu sudah memiliki versi (tumpang tindih)"),
        (status = 422, description = "Tahun yang sudah lewat (fields.tahun) atau isi tidak sah (fields.isi.tpp.kurang, …)")))]
pub async fn buat_versi(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    JsonMasuk(b): JsonMasuk<VersiProfilBaru>,
) -> Result<Response, ApiError> {
    let v = k.app.buat_versi_profil(&p, b).await?;
    Ok((StatusCode::CREATED, Json(v)).into_response())
}

/// Edit the version in force from `tahun` (the whole content), with the `versi` it was read at:
/// a version changed since is 409 and nothing is overwritten; each edit bumps `versi`. A year
/// already past is 409; a year without a version of its own 404. Audited. HR admin only.
#[utoipa::path(put, path = "/api/v1/profil/{tahun}", tag = "profil", request_body = UbahProfil,
    params(("tahun" = i32, Path)),
    responses(
        (status = 200, body = ProfilTahun),
        (status = 401, description = "Belum masuk"),
        (status = 403, description = "Bukan admin BKPSDM"),
        (status = 404, description = "Belum ada versi yang berlaku mulai tahun itu"),
        (status = 409, description = "versi basi, atau tahun yang sudah lewat"),
        (status = 422, description = "Isi tidak sah, per bidang (fields.isi.tpp.kurang, fields.isi.distribusi.baik, …)")))]
pub async fn ubah_versi(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path(tahun): Path<String>,
    JsonMasuk(b): JsonMasuk<UbahProfil>,
) -> ApiResult<ProfilTahun> {
    let tahun = tahun_path(&tahun)?;
    Ok(Json(k.app.ubah_versi_profil(&p, tahun, b).await?))
}

/// The instansi's rater table (Lampiran II: who rates each position per type of perangkat
/// daerah), as rows and as CSV, with a fingerprint `versi`. HR admin only.
#[utoipa::path(get, path = "/api/v1/profil/tabel-penilai", tag = "profil",
    responses(
        (status = 200, body = TabelPenilai),
        (status = 401, description = "Belum masuk"),
        (status = 403, description = "Bukan admin BKPSDM")))]
pub async fn tabel_penilai(State(k): State<Keadaan>, Masuk(p): Masuk) -> ApiResult<TabelPenilai> {
    Ok(Json(k.app.tabel_penilai(&p).await?))
}

/// Replace the rater table with a CSV text (header
/// `unit_type,position,pejabat_penilai,atasan_pejabat_penilai,keterangan`), read at `versi`.
/// Raters are resolved anew at once. Audited. HR admin only.
#[utoipa::path(put, path = "/api/v1/profil/tabel-penilai", tag = "profil", request_body = UbahTabelPenilai,
    responses(
        (status = 200, body = TabelPenilai),
        (status = 401, description = "Belum masuk"),
        (status = 403, description = "Bukan admin BKPSDM"),
        (status = 409, description = "Tabel telah diubah sejak dibaca"),
        (status = 422, description = "CSV tidak sah: baris dan kolom disebut (fields.csv)")))]
pub async fn ubah_tabel_penilai(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    JsonMasuk(b): JsonMasuk<UbahTabelPenilai>,
) -> ApiResult<TabelPenilai> {
    Ok(Json(k.app.ubah_tabel_penilai(&p, b).await?))
}
