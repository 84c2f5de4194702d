//! Who is calling: a session cookie (browser) or a bearer token (API), resolved to the same
//! account and rights.

use crate::galat::ApiError;
use crate::Keadaan;
use axum::extract::{FromRequestParts, OptionalFromRequestParts};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap};
use kinerja_app::akses::Pengguna;
use kinerja_app::AppError;

pub const COOKIE_SESI: &str = "kinerja_sesi";
pub const COOKIE_BAHASA: &str = "kinerja_bahasa";

pub fn cookie(headers: &HeaderMap, nama: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == nama)
        .map(|(_, v)| v.to_string())
}

/// The token of the request: `Authorization: Bearer …` first, else the session cookie.
pub fn token(headers: &HeaderMap) -> Option<String> {
    if let Some(b) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            v.strip_prefix("Bearer ")
                .or_else(|| v.strip_prefix("bearer "))
        })
    {
        return Some(b.trim().to_string());
    }
    cookie(headers, COOKIE_SESI)
}

/// A logged-in caller; the API answers 401 without one.
pub struct Masuk(pub Pengguna);

impl FromRequestParts<Keadaan> for Masuk {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, k: &Keadaan) -> Result<Self, Self::Rejection> {
        match <Masuk as OptionalFromRequestParts<Keadaan>>::from_request_parts(parts, k).await? {
            Some(m) => Ok(m),
            None => Err(ApiError(AppError::BelumMasuk(
                "Silakan masuk terlebih dahulu".into(),
            ))),
        }
    }
}

impl OptionalFromRequestParts<Keadaan> for Masuk {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        k: &Keadaan,
    ) -> Result<Option<Self>, Self::Rejection> {
        let Some(t) = token(&parts.headers) else {
            return Ok(None);
        };
        // The session cookie lets a browser read the API, never change anything through it:
        // another site's form can make the browser send the cookie (with a JSON body as
        // text/plain), never an Authorization header. Pages change things through their forms,
        // which carry the session's CSRF token.
        if !parts.method.is_safe() && !parts.headers.contains_key(header::AUTHORIZATION) {
            return Err(ApiError(AppError::Dilarang(
                "Permintaan API yang mengubah data memerlukan token Bearer (header Authorization); \
                 cookie sesi peramban hanya untuk membaca"
                    .into(),
            )));
        }
        Ok(k.app.sesi(&t).await?.map(Masuk))
    }
}
