//! Turning use-case errors into HTTP answers: JSON for the API, a page for the browser.

use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use kinerja_app::AppError;
use serde::de::DeserializeOwned;
use serde_json::json;
use std::collections::BTreeMap;

/// An API error: `{"error": {"code", "message", "fields"}}` with the status of `api.md`.
pub struct ApiError(pub AppError);

impl From<AppError> for ApiError {
    fn from(e: AppError) -> Self {
        ApiError(e)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let e = self.0;
        if let AppError::Internal(detail) = &e {
            tracing::error!(%detail, "internal error");
        }
        let status = StatusCode::from_u16(e.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let body =
            json!({"error": {"code": e.kode(), "message": e.to_string(), "fields": e.bidang()}});
        let mut r = (status, Json(body)).into_response();
        if let Some(detik) = e.coba_lagi_detik() {
            r.headers_mut()
                .insert(axum::http::header::RETRY_AFTER, detik.into());
        }
        r
    }
}

pub type ApiResult<T> = Result<Json<T>, ApiError>;

/// A JSON body whose faults are answered in Bahasa Indonesia: 400 for malformed JSON, 422 naming
/// the field for a wrong value (unknown enum, wrong type, missing field).
pub struct JsonMasuk<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for JsonMasuk<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let bytes = match axum::body::Bytes::from_request(req, state).await {
            Ok(b) => b,
            Err(e) => return Err(salah(format!("badan permintaan tidak terbaca: {e}"))),
        };
        if bytes.iter().all(|b| b.is_ascii_whitespace()) {
            return Err(salah("badan permintaan kosong; kirim JSON".into()));
        }
        let v: serde_json::Value =
            serde_json::from_slice(&bytes).map_err(|e| salah(format!("JSON tidak sah: {e}")))?;
        serde_path_to_error::deserialize(v)
            .map(JsonMasuk)
            .map_err(|e| {
                let path = e.path().to_string();
                let bidang = if path == "." {
                    "body".to_string()
                } else {
                    path
                };
                ApiError(AppError::bidang_tidak_valid(
                    &bidang,
                    terjemah_serde(&e.into_inner().to_string()),
                ))
            })
    }
}

fn salah(pesan: String) -> ApiError {
    ApiError(AppError::PermintaanSalah {
        pesan,
        bidang: BTreeMap::new(),
    })
}

/// serde's English messages, said in Bahasa Indonesia where they are common.
fn terjemah_serde(m: &str) -> String {
    if let Some(rest) = m.strip_prefix("missing field ") {
        return format!("bidang wajib {rest} tidak ada");
    }
    if let Some(rest) = m.strip_prefix("invalid type: ") {
        return format!("jenis nilai salah: {rest}");
    }
    if let Some(rest) = m.strip_prefix("unknown field ") {
        return format!("bidang tidak dikenal {rest}");
    }
    m.to_string()
}

/// A query string whose faults are answered like a JSON body's: 422 naming the parameter, in
/// Bahasa Indonesia (axum's own rejection is an English 400 in plain text).
pub struct QueryMasuk<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> axum::extract::FromRequestParts<S> for QueryMasuk<T> {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _state: &S,
    ) -> Result<Self, Self::Rejection> {
        axum::extract::Query::<T>::try_from_uri(&parts.uri)
            .map(|q| QueryMasuk(q.0))
            .map_err(|e| {
                let teks = e.body_text();
                let rinci = teks
                    .strip_prefix("Failed to deserialize query string: ")
                    .unwrap_or(&teks);
                let (bidang, sebab) = rinci.split_once(": ").unwrap_or(("query", rinci));
                ApiError(AppError::bidang_tidak_valid(
                    bidang,
                    format!("parameter tidak dapat dibaca ({})", terjemah_serde(sebab)),
                ))
            })
    }
}

/// A path id that is not a number is simply unknown (404, like an id that does not exist).
pub(crate) fn id_path(s: &str, apa: &str) -> Result<i64, AppError> {
    s.trim()
        .parse()
        .map_err(|_| AppError::TidakDitemukan(format!("{apa} '{s}' tidak ditemukan")))
}

/// [`id_path`] for the API.
pub(crate) fn id_api(s: &str, apa: &str) -> Result<i64, ApiError> {
    id_path(s, apa).map_err(ApiError)
}
