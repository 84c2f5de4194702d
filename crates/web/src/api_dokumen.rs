//! Documents in the JSON API: each format as PDF, the public verification of a printed code,
//! and the reporting bundle (a background job with progress, then a ZIP download).

use crate::auth::Masuk;
use crate::galat::{id_api, ApiError, ApiResult, JsonMasuk, QueryMasuk};
use crate::Keadaan;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use kinerja_app::akses::Pengguna;
use kinerja_app::dokumen::{BerkasPdf, HasilVerifikasi, PermintaanBundel};
use kinerja_app::{App, AppError, AppResult};
use kinerja_domain::dokumen::JenisDokumen;
use kinerja_domain::enumerasi::Enumerasi;
use kinerja_store::{Halaman, TugasLatar};
use serde::Deserialize;
use utoipa::{IntoParams, OpenApi};

#[derive(OpenApi)]
#[openapi(paths(
    dokumen_skp,
    dokumen_matriks,
    verifikasi,
    minta_bundel,
    daftar_bundel,
    status_bundel,
    unduh_bundel
))]
pub struct Api;

pub fn rute() -> Router<Keadaan> {
    Router::new()
        .route("/skp/{id}/dokumen/{jenis}", get(dokumen_skp))
        .route("/matriks/{tahun}/dokumen", get(dokumen_matriks))
        .route("/verifikasi/{kode}", get(verifikasi))
        .route("/bundel_laporan", get(daftar_bundel).post(minta_bundel))
        .route("/bundel_laporan/{id}", get(status_bundel))
        .route("/bundel_laporan/{id}/berkas", get(unduh_bundel))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct QDokumen {
    /// For `evaluasi`, `dokumen_evaluasi` and `umpan_balik`: "2026-10", "2026-T3" or "2026".
    pub periode: Option<String>,
}

/// One document of an SKP, chosen by kind; the same for the API and the pages.
pub(crate) async fn pdf_skp(
    app: &App,
    p: &Pengguna,
    skp_id: i64,
    jenis: &str,
    periode: Option<&str>,
) -> AppResult<BerkasPdf> {
    let jenis = JenisDokumen::dari_kode(jenis).map_err(|_| {
        AppError::TidakDitemukan(format!(
            "Dokumen '{jenis}' tidak dikenal; pilihan: skp, manual_indikator, evaluasi, dokumen_evaluasi, umpan_balik"
        ))
    })?;
    let periode = || {
        periode
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .ok_or_else(|| {
                AppError::bidang_tidak_valid(
                    "periode",
                    "Sebutkan periode dokumen ini, mis. 2026-10 (bulan) atau 2026 (tahunan)",
                )
            })
    };
    match jenis {
        JenisDokumen::Skp => app.pdf_skp(p, skp_id).await,
        JenisDokumen::ManualIndikator => app.pdf_manual_indikator(p, skp_id).await,
        JenisDokumen::Evaluasi | JenisDokumen::DokumenEvaluasi => {
            app.pdf_evaluasi(p, skp_id, periode()?, jenis).await
        }
        JenisDokumen::UmpanBalik => app.pdf_umpan_balik(p, skp_id, periode()?).await,
        JenisDokumen::MatriksPeranHasil => Err(AppError::TidakDitemukan(
            "Matriks peran hasil diunduh per tahun: /matriks/{tahun}/dokumen".into(),
        )),
    }
}

/// A PDF as a download, its code in a header.
pub(crate) fn respons_pdf(b: BerkasPdf) -> Response {
    let mut res = Response::new(Body::from(b.isi));
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/pdf"),
    );
    if let Ok(v) = HeaderValue::from_str(&format!("inline; filename=\"{}\"", b.nama)) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    if let Ok(v) = HeaderValue::from_str(&b.kode) {
        h.insert("x-kode-verifikasi", v);
    }
    res
}

/// A document of an SKP as PDF: `skp` (with its Lampiran SKP), `manual_indikator` (JPT),
/// `evaluasi` (Evaluasi Kinerja Pegawai), `dokumen_evaluasi` or `umpan_balik` (with `periode`).
/// The code is in the `X-Kode-Verifikasi` header.
#[utoipa::path(get, path = "/api/v1/skp/{id}/dokumen/{jenis}", tag = "dokumen",
    params(("id" = i64, Path), ("jenis" = String, Path), QDokumen),
    responses((status = 200, content_type = "application/pdf", body = Vec<u8>), (status = 404), (status = 409), (status = 422)))]
pub async fn dokumen_skp(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path((id, jenis)): Path<(String, String)>,
    QueryMasuk(q): QueryMasuk<QDokumen>,
) -> Result<Response, ApiError> {
    let id = id_api(&id, "SKP")?;
    Ok(respons_pdf(
        pdf_skp(&k.app, &p, id, &jenis, q.periode.as_deref()).await?,
    ))
}

/// The caller's matriks peran hasil of a year as PDF.
#[utoipa::path(get, path = "/api/v1/matriks/{tahun}/dokumen", tag = "dokumen",
    params(("tahun" = i32, Path)),
    responses((status = 200, content_type = "application/pdf", body = Vec<u8>), (status = 403), (status = 404)))]
pub async fn dokumen_matriks(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path(tahun): Path<String>,
) -> Result<Response, ApiError> {
    let tahun = tahun.trim().parse::<i32>().map_err(|_| {
        AppError::bidang_tidak_valid("tahun", format!("Tahun '{tahun}' bukan angka"))
    })?;
    Ok(respons_pdf(k.app.pdf_matriks(&p, tahun).await?))
}

/// What a printed verification code certifies, and whether a newer document replaces it.
/// Public: no login. 400 for a text that is not a code, 422 when its check character does not
/// match (altered or mistyped), 404 for a code never issued.
#[utoipa::path(get, path = "/api/v1/verifikasi/{kode}", tag = "dokumen", security(()),
    params(("kode" = String, Path)),
    responses((status = 200, body = HasilVerifikasi), (status = 400), (status = 404), (status = 422)))]
pub async fn verifikasi(
    State(k): State<Keadaan>,
    Path(kode): Path<String>,
) -> ApiResult<HasilVerifikasi> {
    Ok(Json(k.app.verifikasi_dokumen(&kode).await?))
}

/// Ask for the reporting bundle to the Sekretaris Daerah (Pasal 29) of a period, for a unit
/// with its sub-units or the whole scope: built in the background (202); follow its progress.
#[utoipa::path(post, path = "/api/v1/bundel_laporan", tag = "dokumen", request_body = PermintaanBundel,
    responses((status = 202, body = TugasLatar), (status = 403), (status = 404), (status = 422)))]
pub async fn minta_bundel(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    JsonMasuk(b): JsonMasuk<PermintaanBundel>,
) -> Result<Response, ApiError> {
    let t = k.app.minta_bundel(&p, b).await?;
    Ok((StatusCode::ACCEPTED, Json(t)).into_response())
}

/// The caller's bundles (every bundle of the instansi for HR admin), newest first.
#[utoipa::path(get, path = "/api/v1/bundel_laporan", tag = "dokumen",
    responses((status = 200, body = Halaman<TugasLatar>)))]
pub async fn daftar_bundel(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
) -> ApiResult<Halaman<TugasLatar>> {
    Ok(Json(Halaman {
        items: k.app.daftar_bundel(&p).await?,
        next_cursor: None,
    }))
}

/// One bundle with its progress (`selesai_n` of `total_n`).
#[utoipa::path(get, path = "/api/v1/bundel_laporan/{id}", tag = "dokumen",
    params(("id" = i64, Path)), responses((status = 200, body = TugasLatar), (status = 404)))]
pub async fn status_bundel(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path(id): Path<String>,
) -> ApiResult<TugasLatar> {
    Ok(Json(k.app.status_bundel(&p, id_api(&id, "Bundel")?).await?))
}

/// The finished bundle as ZIP (409 while it is being built).
#[utoipa::path(get, path = "/api/v1/bundel_laporan/{id}/berkas", tag = "dokumen",
    params(("id" = i64, Path)),
    responses((status = 200, content_type = "application/zip", body = Vec<u8>), (status = 404), (status = 409)))]
pub async fn unduh_bundel(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    respons_bundel(&k.app, &p, id_api(&id, "Bundel")?)
        .await
        .map_err(Into::into)
}

/// The archive streamed from disk.
pub(crate) async fn respons_bundel(app: &App, p: &Pengguna, id: i64) -> AppResult<Response> {
    let (path, nama) = app.berkas_bundel(p, id).await?;
    let f = tokio::fs::File::open(&path).await.map_err(|e| {
        AppError::TidakDitemukan(format!("Berkas bundel {id} tidak tersedia lagi: {e}"))
    })?;
    let panjang = f.metadata().await.map(|m| m.len()).unwrap_or_default();
    let mut res = Response::new(Body::from_stream(tokio_util::io::ReaderStream::new(f)));
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/zip"),
    );
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{nama}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    if let Ok(v) = HeaderValue::from_str(&panjang.to_string()) {
        h.insert(header::CONTENT_LENGTH, v);
    }
    Ok(res)
}
