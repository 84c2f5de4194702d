//! The web face of Kinerja: server-rendered pages (Bahasa Indonesia, English as a second
//! language) and the JSON API of `api.md`, on one axum router.
//!
//! Handlers are thin: they parse, call one use case of `kinerja-app`, and render. Errors become
//! `{"error": {...}}` with the status `api.md` fixes (API) or an error page (browser).

mod alamat;
mod api;
mod api_dokumen;
mod api_evaluasi;
mod api_laporan;
mod api_masuk;
mod api_pelaksanaan;
mod api_pemantauan;
mod api_penghargaan;
mod api_profil;
mod api_sanksi;
mod api_skp;
mod api_talenta;
mod auth;
mod formulir;
mod galat;
mod halaman;
mod halaman_dokumen;
mod halaman_evaluasi;
mod halaman_laporan;
mod halaman_masuk;
mod halaman_pelaksanaan;
mod halaman_pemantauan;
mod halaman_penghargaan;
mod halaman_profil;
mod halaman_sanksi;
mod halaman_skp;
mod halaman_talenta;
pub mod i18n;
mod keamanan;
mod metrik;
pub mod openapi;
mod tampilan;

use axum::Router;
use kinerja_app::App;
use std::sync::Arc;

/// Shared state of every handler.
#[derive(Clone)]
pub struct Keadaan {
    pub app: App,
    tampilan: Arc<tampilan::Tampilan>,
    metrik: Arc<metrik::Metrik>,
    /// Mark cookies `Secure` (set when served behind TLS).
    pub cookie_aman: bool,
    /// Take the client address from `X-Forwarded-For` (only behind a trusted reverse proxy).
    pub percaya_proxy: bool,
}

/// Options of the web layer.
#[derive(Debug, Clone, Default)]
pub struct Opsi {
    pub cookie_aman: bool,
    /// A reverse proxy that sets `X-Forwarded-For` stands in front: failed logins are counted
    /// per the address it reports instead of the proxy's own.
    pub percaya_proxy: bool,
}

/// The whole application router.
pub fn router(app: App, opsi: Opsi) -> Router {
    let keadaan = Keadaan {
        app,
        tampilan: Arc::new(tampilan::Tampilan::new()),
        metrik: Arc::new(metrik::Metrik::default()),
        cookie_aman: opsi.cookie_aman,
        percaya_proxy: opsi.percaya_proxy,
    };
    Router::new()
        .merge(halaman::rute())
        .nest("/api/v1", api::rute())
        .route("/api/openapi.json", axum::routing::get(openapi::dokumen))
        .route("/healthz", axum::routing::get(|| async { "ok" }))
        .route("/metrics", axum::routing::get(metrik::tampilkan))
        .layer(axum::middleware::from_fn_with_state(
            keadaan.clone(),
            metrik::catat,
        ))
        .layer(axum::middleware::from_fn(keamanan::header))
        .with_state(keadaan)
}
