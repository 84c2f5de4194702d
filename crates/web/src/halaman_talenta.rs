//! The talent pages: `/talenta` (HR admin and unit heads: unit and period chosen with a plain
//! GET form, the kuadran kinerja as a 3×3 table coloured per predikat with the predikat written
//! in every cell, the unit's history across years below), `/angka-kredit` (the signed-in
//! pegawai's own), `/pegawai/{nip}/angka-kredit` and `/pegawai/{nip}/riwayat-kinerja` (for the
//! pegawai, their raters, the heads above them and HR). The same use cases as the API; no
//! JavaScript. A bad choice (422) shows the page again with the message and that status; a
//! caller who may not see the page gets the error page.

use crate::formulir::peta;
use crate::halaman::{coba, status_galat, wajib, Sesi};
use crate::Keadaan;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use kinerja_app::talenta::angka_kredit::DasarAngkaKredit;
use kinerja_app::talenta::{PermintaanKisi, PermintaanRiwayat};
use kinerja_app::AppError;
use kinerja_domain::evaluasi::keberatan::StatusKeberatan;
use kinerja_domain::evaluasi::StatusEvaluasi;
use kinerja_domain::jabatan::Jenjang;
use kinerja_domain::kuadran::{Predikat, Rating};
use minijinja::{context, Value};
use std::collections::HashMap;

pub fn rute() -> Router<Keadaan> {
    Router::new()
        .route("/talenta", get(talenta))
        .route("/angka-kredit", get(angka_kredit_saya))
        .route("/pegawai/{nip}/angka-kredit", get(angka_kredit))
        .route("/pegawai/{nip}/riwayat-kinerja", get(riwayat_kinerja))
}

/// Code → label of the enumerations the talent templates show.
fn label() -> Value {
    context! {
        rating => peta::<Rating>(),
        predikat => peta::<Predikat>(),
        status => peta::<StatusEvaluasi>(),
        keberatan => peta::<StatusKeberatan>(),
        jenjang => peta::<Jenjang>(),
        dasar => peta::<DasarAngkaKredit>(),
    }
}

/// A form value, trimmed; none when empty.
fn isian(q: &HashMap<String, String>, k: &str) -> Option<String> {
    q.get(k)
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

/// A whole number from the form, 422 naming the field.
fn bilangan<T: std::str::FromStr>(
    q: &HashMap<String, String>,
    k: &str,
) -> Result<Option<T>, AppError> {
    isian(q, k)
        .map(|v| {
            v.parse::<T>()
                .map_err(|_| AppError::bidang_tidak_valid(k, "Harus berupa angka"))
        })
        .transpose()
}

fn ya_tidak(q: &HashMap<String, String>, k: &str) -> Result<Option<bool>, AppError> {
    match isian(q, k).as_deref() {
        None => Ok(None),
        Some("true") | Some("ya") => Ok(Some(true)),
        Some("false") | Some("tidak") => Ok(Some(false)),
        Some(_) => Err(AppError::bidang_tidak_valid(k, "Pilih ya atau tidak")),
    }
}

async fn talenta(s: Sesi, Query(q): Query<HashMap<String, String>>) -> Response {
    let p = wajib!(s.wajib());
    // Who may not see the page at all gets the error page.
    let pilihan = coba!(s, s.k.app.pilihan_talenta(p).await);
    let baca = || -> Result<(PermintaanKisi, PermintaanRiwayat), AppError> {
        let unit_id = bilangan::<i64>(&q, "unit_id")?;
        let subunit = ya_tidak(&q, "subunit")?;
        Ok((
            PermintaanKisi {
                unit_id,
                periode: isian(&q, "periode"),
                subunit,
            },
            PermintaanRiwayat {
                unit_id,
                subunit,
                tahun_awal: bilangan(&q, "tahun_awal")?,
                tahun_akhir: bilangan(&q, "tahun_akhir")?,
                limit: None,
                cursor: isian(&q, "cursor"),
            },
        ))
    };
    let mut galat: Option<AppError> = None;
    let mut kisi = None;
    let mut riwayat = None;
    match baca() {
        Err(e) => galat = Some(e),
        Ok((mk, mr)) => {
            match s.k.app.kisi_talenta(p, &mk).await {
                Ok(x) => kisi = Some(x),
                Err(e) => galat = Some(e),
            }
            if galat.is_none() {
                match s.k.app.riwayat_talenta(p, &mr).await {
                    Ok(x) => riwayat = Some(x),
                    Err(e) => galat = Some(e),
                }
            }
        }
    }
    let (status, galat) = match galat {
        None => (StatusCode::OK, Value::from(())),
        // 401/404/5xx and the like: the error page; a wrong choice: the page with the message.
        Some(e) if !matches!(e.status(), 403 | 422) => return s.galat(e),
        Some(e) => (
            status_galat(&e),
            context! { pesan => e.to_string(), bidang => e.bidang() },
        ),
    };
    let pilih = context! {
        unit_id => isian(&q, "unit_id").unwrap_or_default(),
        periode => isian(&q, "periode").unwrap_or_else(|| pilihan.periode_bawaan.clone()),
        subunit => isian(&q, "subunit").unwrap_or_else(|| "true".into()),
        tahun_awal => isian(&q, "tahun_awal").unwrap_or_else(|| (pilihan.tahun_sekarang - 2).to_string()),
        tahun_akhir => isian(&q, "tahun_akhir").unwrap_or_else(|| pilihan.tahun_sekarang.to_string()),
    };
    let tahun_pilihan: Vec<i32> = (pilihan.tahun_sekarang - 9..=pilihan.tahun_sekarang)
        .rev()
        .collect();
    s.halaman(
        status,
        "talenta.html",
        context! { pilihan, pilih, tahun_pilihan, kisi, riwayat, galat, label => label() },
    )
}

async fn angka_kredit_saya(s: Sesi) -> Response {
    let p = wajib!(s.wajib());
    let ak = coba!(s, s.k.app.angka_kredit_saya(p).await);
    s.ok(
        "angka_kredit.html",
        context! { ak, sendiri => true, label => label() },
    )
}

async fn angka_kredit(s: Sesi, Path(nip): Path<String>) -> Response {
    let p = wajib!(s.wajib());
    let ak = coba!(s, s.k.app.angka_kredit_pegawai(p, &nip).await);
    s.ok(
        "angka_kredit.html",
        context! { ak, sendiri => false, label => label() },
    )
}

async fn riwayat_kinerja(s: Sesi, Path(nip): Path<String>) -> Response {
    let p = wajib!(s.wajib());
    let r = coba!(s, s.k.app.riwayat_kinerja_pegawai(p, &nip).await);
    s.ok(
        "talenta_pegawai.html",
        context! { r, kolom => Rating::SEMUA.iter().rev().map(|x| x.kode()).collect::<Vec<_>>(), baris => Rating::SEMUA.iter().map(|x| x.kode()).collect::<Vec<_>>(), label => label() },
    )
}
