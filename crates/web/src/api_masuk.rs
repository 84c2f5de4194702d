//! Passwords through the API: the caller changes their own (the old one checked and limited like
//! a login; every other session and token of the account ends), and the HR admin sets a new one
//! for an account (every session of that account ends, its failed-login counter and lock are
//! cleared). Both audited without the password.

use crate::alamat::AlamatKlien;
use crate::auth::{token, Masuk};
use crate::galat::{ApiError, JsonMasuk};
use crate::Keadaan;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use axum::Router;
use kinerja_app::AppError;
use serde::Deserialize;
use utoipa::{OpenApi, ToSchema};

#[derive(OpenApi)]
#[openapi(paths(ubah_password_saya, reset_password))]
pub struct Api;

pub fn rute() -> Router<Keadaan> {
    Router::new()
        .route("/me/password", post(ubah_password_saya))
        .route("/akun/{username}/password", post(reset_password))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UbahPasswordSaya {
    pub password_lama: String,
    /// 8–128 characters, not the username, not one character repeated, not a common password.
    pub password_baru: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ResetPassword {
    /// 8–128 characters, not the username, not one character repeated, not a common password.
    pub password_baru: String,
}

/// Change the caller's own password. The old password is checked like a login (a wrong one
/// counts as a failed login: 422 on `password_lama`, and 429 with `Retry-After` past the
/// limits). Every other session and token of the account ends; the one of this request stays.
#[utoipa::path(post, path = "/api/v1/me/password", tag = "auth", request_body = UbahPasswordSaya,
    responses(
        (status = 204, description = "Kata sandi diubah; sesi dan token lain dicabut"),
        (status = 400, description = "Badan permintaan bukan JSON"),
        (status = 401, description = "Belum masuk"),
        (status = 422, description = "password_lama salah, atau password_baru lemah (fields)"),
        (status = 429, description = "Terlalu banyak percobaan; header Retry-After (detik)",
            headers(("Retry-After" = u64, description = "Detik sampai boleh mencoba lagi")))))]
pub async fn ubah_password_saya(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    headers: HeaderMap,
    AlamatKlien(alamat): AlamatKlien,
    JsonMasuk(b): JsonMasuk<UbahPasswordSaya>,
) -> Result<StatusCode, ApiError> {
    // `Masuk` found a live session, so the request carries its token.
    let t = token(&headers)
        .ok_or_else(|| AppError::BelumMasuk("Silakan masuk terlebih dahulu".into()))?;
    k.app
        .ubah_password_sendiri(&p, &t, &alamat, &b.password_lama, &b.password_baru)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Set a new password for an account of the instansi (HR admin only). Every session and token of
/// that account ends, and its failed-login counter and lock are cleared.
#[utoipa::path(post, path = "/api/v1/akun/{username}/password", tag = "auth", request_body = ResetPassword,
    params(("username" = String, Path, description = "Nama pengguna (NIP untuk pegawai)")),
    responses(
        (status = 204, description = "Kata sandi diganti; semua sesi akun itu dicabut"),
        (status = 400, description = "Badan permintaan bukan JSON"),
        (status = 401, description = "Belum masuk"),
        (status = 403, description = "Bukan admin BKPSDM"),
        (status = 404, description = "Akun tidak ditemukan"),
        (status = 422, description = "password_baru lemah (fields.password_baru)")))]
pub async fn reset_password(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path(username): Path<String>,
    JsonMasuk(b): JsonMasuk<ResetPassword>,
) -> Result<StatusCode, ApiError> {
    k.app
        .reset_password(&p, &username, &b.password_baru)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
