//! Password pages: the caller changes their own (`/akun/password`: old password checked and
//! limited like a login, the new one typed twice; the other sessions end, this one stays), and
//! the HR admin sets a new password for a pegawai's account from the pegawai page
//! (`POST /pegawai/{nip}/password`: every session of that account ends, its lock is lifted).
//! Both forms carry the session's CSRF token.

use crate::alamat::AlamatKlien;
use crate::auth::token;
use crate::halaman::{coba, halaman_pegawai, status_galat, wajib, Sesi};
use crate::Keadaan;
use axum::extract::{Path, Query};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use kinerja_app::AppError;
use minijinja::context;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};

pub fn rute() -> Router<Keadaan> {
    Router::new()
        .route("/akun/password", get(form_ubah).post(ubah))
        .route("/pegawai/{nip}/password", post(reset))
}

async fn form_ubah(s: Sesi, Query(q): Query<HashMap<String, String>>) -> Response {
    wajib!(s.wajib());
    let disimpan = q.contains_key("disimpan");
    s.ok(
        "akun_password.html",
        context! { disimpan, bidang => BTreeMap::<String, String>::new() },
    )
}

#[derive(Deserialize)]
struct FormUbah {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    password_lama: String,
    #[serde(default)]
    password_baru: String,
    #[serde(default)]
    password_ulang: String,
}

/// `POST /akun/password`: the form again with the messages beside their fields on a refusal
/// (422), or with the wait on too many attempts (429 with `Retry-After`).
async fn ubah(
    s: Sesi,
    headers: HeaderMap,
    AlamatKlien(alamat): AlamatKlien,
    Form(f): Form<FormUbah>,
) -> Response {
    let p = wajib!(s.wajib_csrf(&f.csrf));
    let hasil = if f.password_ulang != f.password_baru {
        Err(AppError::bidang_tidak_valid(
            "password_ulang",
            "ulangi kata sandi baru persis sama",
        ))
    } else {
        match token(&headers) {
            Some(t) => {
                s.k.app
                    .ubah_password_sendiri(p, &t, &alamat, &f.password_lama, &f.password_baru)
                    .await
            }
            None => Err(AppError::BelumMasuk("Silakan masuk terlebih dahulu".into())),
        }
    };
    match hasil {
        Ok(()) => Redirect::to("/akun/password?disimpan=1").into_response(),
        Err(e @ AppError::TidakValid { .. }) => s.halaman(
            StatusCode::UNPROCESSABLE_ENTITY,
            "akun_password.html",
            context! { galat => e.to_string(), bidang => e.bidang() },
        ),
        Err(e @ AppError::TerlaluBanyak { .. }) => {
            let detik = e.coba_lagi_detik().unwrap_or(60);
            let mut r = s.halaman(
                StatusCode::TOO_MANY_REQUESTS,
                "akun_password.html",
                context! { galat => e.to_string(), bidang => BTreeMap::<String, String>::new() },
            );
            r.headers_mut().insert(header::RETRY_AFTER, detik.into());
            r
        }
        Err(e) => s.galat(e),
    }
}

#[derive(Deserialize)]
struct FormReset {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    password_baru: String,
}

/// `POST /pegawai/{nip}/password` (HR admin): a new password for the pegawai's account (its
/// username is the NIP). A refused password comes back on the pegawai page beside the form.
async fn reset(s: Sesi, Path(nip): Path<String>, Form(f): Form<FormReset>) -> Response {
    let p = wajib!(s.wajib_csrf(&f.csrf));
    coba!(s, p.wajib_admin());
    let app = &s.k.app;
    let d = coba!(s, app.detail_pegawai(p, &nip).await);
    let nip = d.pegawai.nip.to_string();
    match app.reset_password(p, &nip, &f.password_baru).await {
        Ok(()) => {
            Redirect::to(&format!("/pegawai/{nip}?password_direset=1#password")).into_response()
        }
        Err(e @ AppError::TidakValid { .. }) => {
            let pesan = e.bidang().into_values().collect::<Vec<_>>().join("; ");
            halaman_pegawai(
                &s,
                d,
                status_galat(&e),
                context! { galat_password => pesan },
            )
        }
        Err(e) => s.galat(e),
    }
}
