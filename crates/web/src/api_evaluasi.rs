//! The evaluation part of the JSON API: `capaian_organisasi` per unit and period, `evaluasi`
//! per SKP and period (rate, sign, acknowledge, reopen), `keberatan`, `distribusi` and
//! `peringkat`.

use crate::auth::Masuk;
use crate::galat::{id_api, ApiResult, JsonMasuk, QueryMasuk};
use crate::Keadaan;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use kinerja_app::evaluasi::capaian::{CapaianMasuk, DaftarCapaian};
use kinerja_app::evaluasi::distribusi::{DistribusiUnit, RingkasanDistribusi};
use kinerja_app::evaluasi::keberatan::DetailKeberatan;
use kinerja_app::evaluasi::penilaian::{DetailEvaluasi, PenilaianKirim, TimEvaluasi};
use kinerja_app::evaluasi::peringkat::Peringkat;
use kinerja_domain::evaluasi::keberatan::PutusanMasuk;
use kinerja_store::{CapaianTersimpan, Evaluasi, Halaman, Keberatan};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

pub fn rute() -> Router<Keadaan> {
    Router::new()
        .route("/capaian_organisasi", get(daftar_capaian))
        .route(
            "/unit/{id}/capaian_organisasi/{periode}",
            put(tetapkan_capaian),
        )
        .route("/evaluasi", get(evaluasi_saya))
        .route("/evaluasi/tim", get(evaluasi_tim))
        .route(
            "/skp/{id}/evaluasi/{periode}",
            get(detail_evaluasi).put(nilai),
        )
        .route(
            "/skp/{id}/evaluasi/{periode}/tandatangani",
            post(tandatangani),
        )
        .route("/skp/{id}/evaluasi/{periode}/terima", post(terima))
        .route(
            "/skp/{id}/evaluasi/{periode}/buka_kembali",
            post(buka_kembali),
        )
        .route(
            "/skp/{id}/evaluasi/{periode}/keberatan",
            post(ajukan_keberatan),
        )
        .route("/keberatan", get(daftar_keberatan))
        .route("/keberatan/{id}", get(detail_keberatan))
        .route("/keberatan/{id}/tanggapan", post(tanggapi_keberatan))
        .route("/keberatan/{id}/putusan", post(putuskan_keberatan))
        .route("/distribusi", get(ringkasan_distribusi))
        .route("/unit/{id}/distribusi", get(distribusi_unit))
        .route("/peringkat", get(peringkat))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct QPeriode {
    /// "2026-03" (month), "2026-T1" (quarter) or "2026" (year); the current month when absent.
    periode: Option<String>,
}

impl QPeriode {
    fn kode(&self) -> String {
        self.periode
            .clone()
            .unwrap_or_else(kinerja_app::evaluasi::periode_bulan_ini)
    }
}

/// A list answer (not paged: every item).
fn daftar<T>(items: Vec<T>) -> Json<Halaman<T>> {
    Json(Halaman {
        items,
        next_cursor: None,
    })
}

#[derive(Deserialize, ToSchema)]
pub struct AlasanMasuk {
    #[serde(default)]
    alasan: String,
}

#[derive(Deserialize, ToSchema)]
pub struct IsiMasuk {
    #[serde(default)]
    isi: String,
}

/// The units whose capaian kinerja organisasi the caller sets (every unit for HR admin).
#[utoipa::path(get, path = "/api/v1/capaian_organisasi", tag = "evaluasi", params(QPeriode),
    responses((status = 200, body = DaftarCapaian), (status = 422)))]
pub async fn daftar_capaian(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    QueryMasuk(q): QueryMasuk<QPeriode>,
) -> ApiResult<DaftarCapaian> {
    Ok(Json(k.app.daftar_capaian(&p, &q.kode()).await?))
}

/// Set or change (with `version`) a unit's capaian kinerja organisasi for a period.
#[utoipa::path(put, path = "/api/v1/unit/{id}/capaian_organisasi/{periode}", tag = "evaluasi",
    params(("id" = i64, Path), ("periode" = String, Path)), request_body = CapaianMasuk,
    responses((status = 200, body = CapaianTersimpan), (status = 403), (status = 404), (status = 409), (status = 422)))]
pub async fn tetapkan_capaian(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path((s, periode)): Path<(String, String)>,
    JsonMasuk(b): JsonMasuk<CapaianMasuk>,
) -> ApiResult<CapaianTersimpan> {
    Ok(Json(
        k.app
            .tetapkan_capaian(&p, id_api(&s, "Unit")?, &periode, b)
            .await?,
    ))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct QTahun {
    /// The current year when absent.
    tahun: Option<i32>,
}

/// The caller's own evaluations of a year.
#[utoipa::path(get, path = "/api/v1/evaluasi", tag = "evaluasi", params(QTahun),
    responses((status = 200, body = inline(Halaman<Evaluasi>))))]
pub async fn evaluasi_saya(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    QueryMasuk(q): QueryMasuk<QTahun>,
) -> ApiResult<Halaman<Evaluasi>> {
    use chrono::Datelike;
    let tahun = q
        .tahun
        .unwrap_or_else(|| kinerja_app::skp::hari_ini().year());
    Ok(daftar(k.app.evaluasi_saya(&p, tahun).await?))
}

/// The rater's team for a period: suggestions, ratings so far, the units' live distributions.
#[utoipa::path(get, path = "/api/v1/evaluasi/tim", tag = "evaluasi", params(QPeriode),
    responses((status = 200, body = TimEvaluasi), (status = 403), (status = 422)))]
pub async fn evaluasi_tim(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    QueryMasuk(q): QueryMasuk<QPeriode>,
) -> ApiResult<TimEvaluasi> {
    Ok(Json(k.app.evaluasi_tim(&p, &q.kode()).await?))
}

/// One SKP's evaluation for a period with everything it rests on and the suggestion.
#[utoipa::path(get, path = "/api/v1/skp/{id}/evaluasi/{periode}", tag = "evaluasi",
    params(("id" = i64, Path), ("periode" = String, Path)),
    responses((status = 200, body = DetailEvaluasi), (status = 404), (status = 422)))]
pub async fn detail_evaluasi(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path((s, periode)): Path<(String, String)>,
) -> ApiResult<DetailEvaluasi> {
    Ok(Json(
        k.app
            .detail_evaluasi(&p, id_api(&s, "SKP")?, &periode)
            .await?,
    ))
}

/// Rate (the pejabat penilai): both ratings; a departure from the suggestion needs a reason;
/// the predikat is derived from the kuadran. Re-rating a draft carries its `version`.
#[utoipa::path(put, path = "/api/v1/skp/{id}/evaluasi/{periode}", tag = "evaluasi",
    params(("id" = i64, Path), ("periode" = String, Path)), request_body = PenilaianKirim,
    responses((status = 200, body = Evaluasi), (status = 403), (status = 404), (status = 409), (status = 422)))]
pub async fn nilai(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path((s, periode)): Path<(String, String)>,
    JsonMasuk(b): JsonMasuk<PenilaianKirim>,
) -> ApiResult<Evaluasi> {
    Ok(Json(
        k.app
            .nilai_evaluasi(&p, id_api(&s, "SKP")?, &periode, b)
            .await?,
    ))
}

/// The rater signs: the evaluation locks and the pegawai receives it.
#[utoipa::path(post, path = "/api/v1/skp/{id}/evaluasi/{periode}/tandatangani", tag = "evaluasi",
    params(("id" = i64, Path), ("periode" = String, Path)),
    responses((status = 200, body = Evaluasi), (status = 403), (status = 404), (status = 409)))]
pub async fn tandatangani(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path((s, periode)): Path<(String, String)>,
) -> ApiResult<Evaluasi> {
    Ok(Json(
        k.app
            .tandatangani_evaluasi(&p, id_api(&s, "SKP")?, &periode)
            .await?,
    ))
}

/// The pegawai signs the evaluation document (acknowledging receipt, not agreement).
#[utoipa::path(post, path = "/api/v1/skp/{id}/evaluasi/{periode}/terima", tag = "evaluasi",
    params(("id" = i64, Path), ("periode" = String, Path)),
    responses((status = 200, body = Evaluasi), (status = 403), (status = 404), (status = 409)))]
pub async fn terima(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path((s, periode)): Path<(String, String)>,
) -> ApiResult<Evaluasi> {
    Ok(Json(
        k.app
            .terima_evaluasi(&p, id_api(&s, "SKP")?, &periode)
            .await?,
    ))
}

/// HR admin reopens a signed evaluation (no keberatan on it) with a reason.
#[utoipa::path(post, path = "/api/v1/skp/{id}/evaluasi/{periode}/buka_kembali", tag = "evaluasi",
    params(("id" = i64, Path), ("periode" = String, Path)), request_body = AlasanMasuk,
    responses((status = 200, body = Evaluasi), (status = 403), (status = 404), (status = 409), (status = 422)))]
pub async fn buka_kembali(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path((s, periode)): Path<(String, String)>,
    JsonMasuk(b): JsonMasuk<AlasanMasuk>,
) -> ApiResult<Evaluasi> {
    Ok(Json(
        k.app
            .buka_kembali_evaluasi(&p, id_api(&s, "SKP")?, &periode, &b.alasan)
            .await?,
    ))
}

/// The pegawai files a keberatan within 14 days of receiving the evaluation.
#[utoipa::path(post, path = "/api/v1/skp/{id}/evaluasi/{periode}/keberatan", tag = "keberatan",
    params(("id" = i64, Path), ("periode" = String, Path)), request_body = AlasanMasuk,
    responses((status = 201, body = Keberatan), (status = 403), (status = 404), (status = 409), (status = 422)))]
pub async fn ajukan_keberatan(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path((s, periode)): Path<(String, String)>,
    JsonMasuk(b): JsonMasuk<AlasanMasuk>,
) -> Result<Response, crate::galat::ApiError> {
    let r = k
        .app
        .ajukan_keberatan(&p, id_api(&s, "SKP")?, &periode, &b.alasan)
        .await?;
    Ok((StatusCode::CREATED, Json(r)).into_response())
}

/// Keberatan the caller is party to (all for HR admin).
#[utoipa::path(get, path = "/api/v1/keberatan", tag = "keberatan",
    responses((status = 200, body = inline(Halaman<Keberatan>))))]
pub async fn daftar_keberatan(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
) -> ApiResult<Halaman<Keberatan>> {
    Ok(daftar(k.app.daftar_keberatan(&p).await?))
}

#[utoipa::path(get, path = "/api/v1/keberatan/{id}", tag = "keberatan", params(("id" = i64, Path)),
    responses((status = 200, body = DetailKeberatan), (status = 404)))]
pub async fn detail_keberatan(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path(s): Path<String>,
) -> ApiResult<DetailKeberatan> {
    Ok(Json(
        k.app.detail_keberatan(&p, id_api(&s, "Keberatan")?).await?,
    ))
}

/// A party (pegawai, pejabat penilai, atasan) comments while the keberatan is pending.
#[utoipa::path(post, path = "/api/v1/keberatan/{id}/tanggapan", tag = "keberatan", params(("id" = i64, Path)),
    request_body = IsiMasuk,
    responses((status = 200, body = Keberatan), (status = 403), (status = 404), (status = 409), (status = 422)))]
pub async fn tanggapi_keberatan(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path(s): Path<String>,
    JsonMasuk(b): JsonMasuk<IsiMasuk>,
) -> ApiResult<Keberatan> {
    Ok(Json(
        k.app
            .tanggapi_keberatan(&p, id_api(&s, "Keberatan")?, &b.isi)
            .await?,
    ))
}

/// The atasan pejabat penilai decides: `dikabulkan` with new ratings, or `ditolak`. Final.
#[utoipa::path(post, path = "/api/v1/keberatan/{id}/putusan", tag = "keberatan", params(("id" = i64, Path)),
    request_body = PutusanMasuk,
    responses((status = 200, body = Keberatan), (status = 403), (status = 404), (status = 409), (status = 422)))]
pub async fn putuskan_keberatan(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path(s): Path<String>,
    JsonMasuk(b): JsonMasuk<PutusanMasuk>,
) -> ApiResult<Keberatan> {
    Ok(Json(
        k.app
            .putuskan_keberatan(&p, id_api(&s, "Keberatan")?, b)
            .await?,
    ))
}

/// Every unit's distribution against its guideline, deviating units, unfinished raters.
#[utoipa::path(get, path = "/api/v1/distribusi", tag = "distribusi", params(QPeriode),
    responses((status = 200, body = RingkasanDistribusi), (status = 403), (status = 422)))]
pub async fn ringkasan_distribusi(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    QueryMasuk(q): QueryMasuk<QPeriode>,
) -> ApiResult<RingkasanDistribusi> {
    Ok(Json(k.app.ringkasan_distribusi(&p, &q.kode()).await?))
}

/// One unit's distribution: counts per predikat, the guideline check with hints, the SVG chart.
#[utoipa::path(get, path = "/api/v1/unit/{id}/distribusi", tag = "distribusi", params(("id" = i64, Path), QPeriode),
    responses((status = 200, body = DistribusiUnit), (status = 404), (status = 422)))]
pub async fn distribusi_unit(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path(s): Path<String>,
    QueryMasuk(q): QueryMasuk<QPeriode>,
) -> ApiResult<DistribusiUnit> {
    Ok(Json(
        k.app
            .distribusi_unit(&p, id_api(&s, "Unit")?, &q.kode())
            .await?,
    ))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct QPeringkat {
    periode: Option<String>,
    /// A unit (with its sub-units); the caller's whole scope when absent.
    unit_id: Option<i64>,
}

/// Pegawai ranked by predikat (equal predikat share a rank).
#[utoipa::path(get, path = "/api/v1/peringkat", tag = "peringkat", params(QPeringkat),
    responses((status = 200, body = Peringkat), (status = 403), (status = 404), (status = 422)))]
pub async fn peringkat(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    QueryMasuk(q): QueryMasuk<QPeringkat>,
) -> ApiResult<Peringkat> {
    let kode = q
        .periode
        .clone()
        .unwrap_or_else(kinerja_app::evaluasi::periode_bulan_ini);
    Ok(Json(k.app.peringkat(&p, &kode, q.unit_id).await?))
}
