//! The planning part of the JSON API: `skp` (with `rhk`, `iki`, `perilaku`, `lampiran`,
//! `manual_indikator` inside it), `matriks`, `penugasan`, the year start and mutasi.
//!
//! Every change carries the `version` it was read at (in the body, the `version` query of a
//! DELETE, or `If-Match`); a stale one gets 409.

use crate::auth::Masuk;
use crate::galat::{id_api, ApiError, ApiResult, JsonMasuk, QueryMasuk};
use crate::Keadaan;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use kinerja_app::matriks::{Matriks, SelMatriks};
use kinerja_app::mulai_tahun::{HasilMutasi, MutasiMasuk, RekapUnit};
use kinerja_app::penugasan::{DetailPenugasan, KotakPenugasan, PenugasanMasuk, TerimaPenugasan};
use kinerja_app::skp::{BarisSkp, DetailSkp, LingkupSkp, PerubahanSkp, SkpMasuk};
use kinerja_app::AppError;
use kinerja_domain::perilaku::{AspekPerilaku, Pendekatan};
use kinerja_domain::skp::{IkiMasuk, Lampiran, ManualIndikator, RhkMasuk, StatusSkp};
use kinerja_store::{FilterSkp, Halaman, Tugas, VersiSkp};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

pub fn rute() -> Router<Keadaan> {
    Router::new()
        .route("/skp", get(daftar_skp).post(buat_skp))
        .route("/skp/rekap", get(rekap_skp))
        .route("/skp/{id}", get(detail_skp).patch(ubah_skp))
        .route("/skp/{id}/ajukan", post(ajukan))
        .route("/skp/{id}/tetapkan", post(tetapkan))
        .route("/skp/{id}/kembalikan", post(kembalikan))
        .route("/skp/{id}/revisi", post(revisi))
        .route("/skp/{id}/rhk", post(tambah_rhk))
        .route("/skp/{id}/rhk/{rhk_id}", put(ubah_rhk).delete(hapus_rhk))
        .route("/skp/{id}/rhk/{rhk_id}/iki", post(tambah_iki))
        .route("/skp/{id}/iki/{iki_id}", put(ubah_iki).delete(hapus_iki))
        .route(
            "/skp/{id}/iki/{iki_id}/manual_indikator",
            put(manual_indikator),
        )
        .route("/skp/{id}/perilaku/{aspek}", put(perilaku))
        .route("/skp/{id}/lampiran", put(lampiran))
        .route("/skp/{id}/versi", get(daftar_versi))
        .route("/skp/{id}/versi/{nomor}", get(isi_versi))
        .route("/tahun/{tahun}/mulai", post(mulai_tahun))
        .route("/tugas/{id}", get(tugas))
        .route("/matriks/{tahun}", get(matriks))
        .route("/matriks/{tahun}/sel", put(sel_matriks))
        .route("/penugasan", get(daftar_penugasan).post(buat_penugasan))
        .route("/penugasan/{id}", get(detail_penugasan))
        .route("/penugasan/{id}/terima", post(terima_penugasan))
        .route("/penugasan/{id}/tolak", post(tolak_penugasan))
        .route("/penugasan/{id}/relawan", post(relawan_penugasan))
        .route("/pegawai/{nip}/mutasi", post(mutasi))
}

/// The version a change was read at: from the body, else `If-Match` (`"5"` or `W/"5"`).
fn versi(dari_badan: Option<i64>, h: &HeaderMap) -> Result<i64, ApiError> {
    if let Some(v) = dari_badan {
        return Ok(v);
    }
    let im = h
        .get(header::IF_MATCH)
        .and_then(|v| v.to_str().ok())
        .map(|s| {
            s.trim()
                .trim_start_matches("W/")
                .trim_matches('"')
                .to_string()
        });
    match im {
        Some(s) => s.parse().map_err(|_| {
            ApiError(AppError::bidang_tidak_valid(
                "If-Match",
                "ETag tidak dikenal; muat ulang SKP",
            ))
        }),
        None => Err(ApiError(AppError::bidang_tidak_valid(
            "version",
            "version (versi SKP saat dibaca) wajib dikirim, atau header If-Match",
        ))),
    }
}

/// An SKP answer with its ETag.
fn dengan_etag(d: DetailSkp, status: StatusCode) -> Response {
    let etag = format!("\"{}\"", d.version);
    (status, [(header::ETAG, etag)], Json(d)).into_response()
}

async fn ubah(
    k: &Keadaan,
    p: &kinerja_app::akses::Pengguna,
    id_skp: &str,
    version: i64,
    perubahan: PerubahanSkp,
) -> Result<Response, ApiError> {
    let d = k
        .app
        .ubah_skp(p, id_api(id_skp, "SKP")?, version, perubahan)
        .await?;
    Ok(dengan_etag(d, StatusCode::OK))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct QSkp {
    /// saya (default), tim, instansi (admin).
    lingkup: Option<String>,
    tahun: Option<i32>,
    status: Option<String>,
    limit: Option<i64>,
    cursor: Option<String>,
}

/// SKP lists: the caller's own, their team's, or the instansi's (admin).
#[utoipa::path(get, path = "/api/v1/skp", tag = "skp", params(QSkp),
    responses((status = 200, body = Halaman<BarisSkp>), (status = 403), (status = 422)))]
pub async fn daftar_skp(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    QueryMasuk(q): QueryMasuk<QSkp>,
) -> ApiResult<Halaman<BarisSkp>> {
    let lingkup = match q.lingkup.as_deref().unwrap_or("saya") {
        "saya" => LingkupSkp::Saya,
        "tim" => LingkupSkp::Tim,
        "instansi" => LingkupSkp::Instansi,
        x => {
            return Err(ApiError(AppError::bidang_tidak_valid(
                "lingkup",
                format!("'{x}' tidak dikenal; pilihan: saya, tim, instansi"),
            )))
        }
    };
    let status = q
        .status
        .as_deref()
        .map(str::parse::<StatusSkp>)
        .transpose()
        .map_err(|e| ApiError(AppError::bidang_tidak_valid("status", e.to_string())))?;
    let filter = FilterSkp {
        tahun: q.tahun,
        status,
        limit: q.limit.unwrap_or(100),
        cursor: q.cursor.as_deref().and_then(|c| c.parse().ok()),
        ..Default::default()
    };
    Ok(Json(k.app.daftar_skp(&p, lingkup, filter).await?))
}

/// Start an SKP for a year (copied from last year's by default).
#[utoipa::path(post, path = "/api/v1/skp", tag = "skp", request_body = SkpMasuk,
    responses((status = 201, body = DetailSkp), (status = 409, description = "Sudah ada SKP tahun itu"), (status = 422)))]
pub async fn buat_skp(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    JsonMasuk(b): JsonMasuk<SkpMasuk>,
) -> Result<Response, ApiError> {
    let d = k.app.buat_skp(&p, b).await?;
    Ok(dengan_etag(d, StatusCode::CREATED))
}

/// One SKP with its RHK, IKI, perilaku, lampiran, versions and what the caller may do.
#[utoipa::path(get, path = "/api/v1/skp/{id}", tag = "skp", params(("id" = i64, Path)),
    responses((status = 200, body = DetailSkp), (status = 404)))]
pub async fn detail_skp(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path(s): Path<String>,
) -> Result<Response, ApiError> {
    let d = k.app.detail_skp(&p, id_api(&s, "SKP")?).await?;
    Ok(dengan_etag(d, StatusCode::OK))
}

#[derive(Deserialize, ToSchema)]
pub struct UbahSkp {
    version: Option<i64>,
    /// The rater's approach (the format follows).
    pendekatan: Option<Pendekatan>,
    /// PPPK: the perjanjian kerja the expectation refers to; empty to clear.
    perjanjian_kerja: Option<String>,
}

/// Change the approach (rater) or the perjanjian kerja (pegawai).
#[utoipa::path(patch, path = "/api/v1/skp/{id}", tag = "skp", params(("id" = i64, Path)), request_body = UbahSkp,
    responses((status = 200, body = DetailSkp), (status = 403), (status = 409), (status = 422)))]
pub async fn ubah_skp(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path(s): Path<String>,
    h: HeaderMap,
    JsonMasuk(b): JsonMasuk<UbahSkp>,
) -> Result<Response, ApiError> {
    let v = versi(b.version, &h)?;
    let perubahan = match (b.pendekatan, b.perjanjian_kerja) {
        (Some(x), None) => PerubahanSkp::Pendekatan(x),
        (None, Some(t)) => PerubahanSkp::PerjanjianKerja(Some(t)),
        _ => {
            return Err(ApiError(AppError::bidang_tidak_valid(
                "body",
                "Kirim tepat satu dari: pendekatan, perjanjian_kerja",
            )))
        }
    };
    ubah(&k, &p, &s, v, perubahan).await
}

#[derive(Deserialize, ToSchema)]
pub struct Versi {
    version: Option<i64>,
}

#[derive(Deserialize, ToSchema)]
pub struct Catatan {
    version: Option<i64>,
    #[serde(default)]
    catatan: String,
}

#[derive(Deserialize, ToSchema)]
pub struct Alasan {
    version: Option<i64>,
    #[serde(default)]
    alasan: String,
}

/// The pegawai signs and submits the SKP to the rater.
#[utoipa::path(post, path = "/api/v1/skp/{id}/ajukan", tag = "skp", params(("id" = i64, Path)), request_body = Versi,
    responses((status = 200, body = DetailSkp), (status = 403), (status = 409), (status = 422)))]
pub async fn ajukan(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path(s): Path<String>,
    h: HeaderMap,
    JsonMasuk(b): JsonMasuk<Versi>,
) -> Result<Response, ApiError> {
    ubah(&k, &p, &s, versi(b.version, &h)?, PerubahanSkp::Ajukan).await
}

/// The rater sets (tetapkan) the submitted SKP: a new numbered version.
#[utoipa::path(post, path = "/api/v1/skp/{id}/tetapkan", tag = "skp", params(("id" = i64, Path)), request_body = Versi,
    responses((status = 200, body = DetailSkp), (status = 403), (status = 409)))]
pub async fn tetapkan(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path(s): Path<String>,
    h: HeaderMap,
    JsonMasuk(b): JsonMasuk<Versi>,
) -> Result<Response, ApiError> {
    ubah(&k, &p, &s, versi(b.version, &h)?, PerubahanSkp::Tetapkan).await
}

/// The rater returns the submitted SKP with notes.
#[utoipa::path(post, path = "/api/v1/skp/{id}/kembalikan", tag = "skp", params(("id" = i64, Path)), request_body = Catatan,
    responses((status = 200, body = DetailSkp), (status = 403), (status = 409), (status = 422)))]
pub async fn kembalikan(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path(s): Path<String>,
    h: HeaderMap,
    JsonMasuk(b): JsonMasuk<Catatan>,
) -> Result<Response, ApiError> {
    let v = versi(b.version, &h)?;
    ubah(&k, &p, &s, v, PerubahanSkp::Kembalikan(b.catatan)).await
}

/// Open a revision of a set SKP (a new version once set again), with the reason.
#[utoipa::path(post, path = "/api/v1/skp/{id}/revisi", tag = "skp", params(("id" = i64, Path)), request_body = Alasan,
    responses((status = 200, body = DetailSkp), (status = 403), (status = 409), (status = 422)))]
pub async fn revisi(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path(s): Path<String>,
    h: HeaderMap,
    JsonMasuk(b): JsonMasuk<Alasan>,
) -> Result<Response, ApiError> {
    let v = versi(b.version, &h)?;
    ubah(&k, &p, &s, v, PerubahanSkp::Revisi(b.alasan)).await
}

#[derive(Deserialize, ToSchema)]
pub struct RhkBaru {
    version: Option<i64>,
    #[serde(flatten)]
    rhk: RhkMasuk,
    /// The first IKI (an RHK is measured by at least one).
    iki: IkiMasuk,
}

#[derive(Deserialize, ToSchema)]
pub struct RhkUbah {
    version: Option<i64>,
    #[serde(flatten)]
    rhk: RhkMasuk,
}

#[derive(Deserialize, ToSchema)]
pub struct IkiUbah {
    version: Option<i64>,
    #[serde(flatten)]
    iki: IkiMasuk,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct QVersi {
    version: Option<i64>,
}

/// Add an RHK with its first IKI.
#[utoipa::path(post, path = "/api/v1/skp/{id}/rhk", tag = "skp", params(("id" = i64, Path)), request_body = RhkBaru,
    responses((status = 200, body = DetailSkp), (status = 403), (status = 409), (status = 422)))]
pub async fn tambah_rhk(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path(s): Path<String>,
    h: HeaderMap,
    JsonMasuk(b): JsonMasuk<RhkBaru>,
) -> Result<Response, ApiError> {
    let v = versi(b.version, &h)?;
    ubah(&k, &p, &s, v, PerubahanSkp::TambahRhk(b.rhk, b.iki)).await
}

#[utoipa::path(put, path = "/api/v1/skp/{id}/rhk/{rhk_id}", tag = "skp", params(("id" = i64, Path), ("rhk_id" = i64, Path)), request_body = RhkUbah,
    responses((status = 200, body = DetailSkp), (status = 403), (status = 404), (status = 409), (status = 422)))]
pub async fn ubah_rhk(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path((s, r)): Path<(String, String)>,
    h: HeaderMap,
    JsonMasuk(b): JsonMasuk<RhkUbah>,
) -> Result<Response, ApiError> {
    let v = versi(b.version, &h)?;
    ubah(
        &k,
        &p,
        &s,
        v,
        PerubahanSkp::UbahRhk(id_api(&r, "RHK")?, b.rhk),
    )
    .await
}

#[utoipa::path(delete, path = "/api/v1/skp/{id}/rhk/{rhk_id}", tag = "skp", params(("id" = i64, Path), ("rhk_id" = i64, Path), QVersi),
    responses((status = 200, body = DetailSkp), (status = 403), (status = 404), (status = 409)))]
pub async fn hapus_rhk(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path((s, r)): Path<(String, String)>,
    h: HeaderMap,
    QueryMasuk(q): QueryMasuk<QVersi>,
) -> Result<Response, ApiError> {
    let v = versi(q.version, &h)?;
    ubah(&k, &p, &s, v, PerubahanSkp::HapusRhk(id_api(&r, "RHK")?)).await
}

#[utoipa::path(post, path = "/api/v1/skp/{id}/rhk/{rhk_id}/iki", tag = "skp", params(("id" = i64, Path), ("rhk_id" = i64, Path)), request_body = IkiUbah,
    responses((status = 200, body = DetailSkp), (status = 403), (status = 404), (status = 409), (status = 422)))]
pub async fn tambah_iki(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path((s, r)): Path<(String, String)>,
    h: HeaderMap,
    JsonMasuk(b): JsonMasuk<IkiUbah>,
) -> Result<Response, ApiError> {
    let v = versi(b.version, &h)?;
    ubah(
        &k,
        &p,
        &s,
        v,
        PerubahanSkp::TambahIki(id_api(&r, "RHK")?, b.iki),
    )
    .await
}

#[utoipa::path(put, path = "/api/v1/skp/{id}/iki/{iki_id}", tag = "skp", params(("id" = i64, Path), ("iki_id" = i64, Path)), request_body = IkiUbah,
    responses((status = 200, body = DetailSkp), (status = 403), (status = 404), (status = 409), (status = 422)))]
pub async fn ubah_iki(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path((s, i)): Path<(String, String)>,
    h: HeaderMap,
    JsonMasuk(b): JsonMasuk<IkiUbah>,
) -> Result<Response, ApiError> {
    let v = versi(b.version, &h)?;
    ubah(
        &k,
        &p,
        &s,
        v,
        PerubahanSkp::UbahIki(id_api(&i, "IKI")?, b.iki),
    )
    .await
}

#[utoipa::path(delete, path = "/api/v1/skp/{id}/iki/{iki_id}", tag = "skp", params(("id" = i64, Path), ("iki_id" = i64, Path), QVersi),
    responses((status = 200, body = DetailSkp), (status = 403), (status = 404), (status = 409)))]
pub async fn hapus_iki(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path((s, i)): Path<(String, String)>,
    h: HeaderMap,
    QueryMasuk(q): QueryMasuk<QVersi>,
) -> Result<Response, ApiError> {
    let v = versi(q.version, &h)?;
    ubah(&k, &p, &s, v, PerubahanSkp::HapusIki(id_api(&i, "IKI")?)).await
}

#[derive(Deserialize, ToSchema)]
pub struct ManualMasuk {
    version: Option<i64>,
    #[serde(flatten)]
    manual: ManualIndikator,
}

/// The manual indikator of an IKI (JPT formats).
#[utoipa::path(put, path = "/api/v1/skp/{id}/iki/{iki_id}/manual_indikator", tag = "skp", params(("id" = i64, Path), ("iki_id" = i64, Path)), request_body = ManualMasuk,
    responses((status = 200, body = DetailSkp), (status = 403), (status = 404), (status = 409), (status = 422)))]
pub async fn manual_indikator(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path((s, i)): Path<(String, String)>,
    h: HeaderMap,
    JsonMasuk(b): JsonMasuk<ManualMasuk>,
) -> Result<Response, ApiError> {
    let v = versi(b.version, &h)?;
    ubah(
        &k,
        &p,
        &s,
        v,
        PerubahanSkp::ManualIndikator(id_api(&i, "IKI")?, b.manual),
    )
    .await
}

#[derive(Deserialize, ToSchema)]
pub struct EkspektasiMasuk {
    version: Option<i64>,
    /// Empty removes it.
    #[serde(default)]
    ekspektasi_khusus: String,
}

/// The rater's ekspektasi khusus for one perilaku aspect.
#[utoipa::path(put, path = "/api/v1/skp/{id}/perilaku/{aspek}", tag = "skp", params(("id" = i64, Path), ("aspek" = AspekPerilaku, Path)), request_body = EkspektasiMasuk,
    responses((status = 200, body = DetailSkp), (status = 403), (status = 409), (status = 422)))]
pub async fn perilaku(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path((s, a)): Path<(String, String)>,
    h: HeaderMap,
    JsonMasuk(b): JsonMasuk<EkspektasiMasuk>,
) -> Result<Response, ApiError> {
    let v = versi(b.version, &h)?;
    let aspek: AspekPerilaku =
        a.parse()
            .map_err(|e: kinerja_domain::enumerasi::NilaiTidakDikenal| {
                ApiError(AppError::bidang_tidak_valid("aspek", e.to_string()))
            })?;
    ubah(
        &k,
        &p,
        &s,
        v,
        PerubahanSkp::EkspektasiKhusus(aspek, b.ekspektasi_khusus),
    )
    .await
}

#[derive(Deserialize, ToSchema)]
pub struct LampiranMasuk {
    version: Option<i64>,
    #[serde(flatten)]
    lampiran: Lampiran,
}

/// Lampiran SKP: dukungan sumber daya, skema pertanggungjawaban, konsekuensi.
#[utoipa::path(put, path = "/api/v1/skp/{id}/lampiran", tag = "skp", params(("id" = i64, Path)), request_body = LampiranMasuk,
    responses((status = 200, body = DetailSkp), (status = 403), (status = 409), (status = 422)))]
pub async fn lampiran(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path(s): Path<String>,
    h: HeaderMap,
    JsonMasuk(b): JsonMasuk<LampiranMasuk>,
) -> Result<Response, ApiError> {
    let v = versi(b.version, &h)?;
    ubah(&k, &p, &s, v, PerubahanSkp::Lampiran(b.lampiran)).await
}

/// The set versions of an SKP.
#[utoipa::path(get, path = "/api/v1/skp/{id}/versi", tag = "skp", params(("id" = i64, Path)),
    responses((status = 200, body = Vec<VersiSkp>), (status = 404)))]
pub async fn daftar_versi(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path(s): Path<String>,
) -> ApiResult<Vec<VersiSkp>> {
    Ok(Json(k.app.riwayat_versi(&p, id_api(&s, "SKP")?).await?))
}

#[derive(Serialize, ToSchema)]
pub struct IsiVersi {
    versi: VersiSkp,
    #[schema(value_type = Object)]
    skp: kinerja_domain::skp::Skp,
}

/// One set version of an SKP, as it was.
#[utoipa::path(get, path = "/api/v1/skp/{id}/versi/{nomor}", tag = "skp", params(("id" = i64, Path), ("nomor" = i32, Path)),
    responses((status = 200, body = IsiVersi), (status = 404)))]
pub async fn isi_versi(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path((s, n)): Path<(String, String)>,
) -> ApiResult<IsiVersi> {
    let nomor: i32 = n
        .parse()
        .map_err(|_| ApiError(AppError::TidakDitemukan(format!("Versi '{n}' tidak ada"))))?;
    let (versi, skp) = k.app.versi_skp(&p, id_api(&s, "SKP")?, nomor).await?;
    Ok(Json(IsiVersi { versi, skp }))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct QTahun {
    tahun: i32,
}

/// Per unit: SKP of the year by state, late, not started (admin).
#[utoipa::path(get, path = "/api/v1/skp/rekap", tag = "skp", params(QTahun),
    responses((status = 200, body = Vec<RekapUnit>), (status = 403)))]
pub async fn rekap_skp(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    QueryMasuk(q): QueryMasuk<QTahun>,
) -> ApiResult<Vec<RekapUnit>> {
    Ok(Json(k.app.rekap_skp(&p, q.tahun).await?))
}

/// Start a year for the whole instansi (admin): a background job, idempotent and resumable.
#[utoipa::path(post, path = "/api/v1/tahun/{tahun}/mulai", tag = "skp", params(("tahun" = i32, Path)),
    responses((status = 202, body = Tugas), (status = 403), (status = 422)))]
pub async fn mulai_tahun(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path(t): Path<String>,
) -> Result<Response, ApiError> {
    let tahun: i32 = t
        .parse()
        .map_err(|_| ApiError(AppError::bidang_tidak_valid("tahun", "Tahun harus angka")))?;
    let tugas = k.app.mulai_tahun(&p, tahun).await?;
    Ok((StatusCode::ACCEPTED, Json(tugas)).into_response())
}

/// A background job's progress (admin).
#[utoipa::path(get, path = "/api/v1/tugas/{id}", tag = "skp", params(("id" = i64, Path)),
    responses((status = 200, body = Tugas), (status = 403), (status = 404)))]
pub async fn tugas(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path(s): Path<String>,
) -> ApiResult<Tugas> {
    Ok(Json(k.app.tugas(&p, id_api(&s, "Tugas")?).await?))
}

fn tahun(t: &str) -> Result<i32, ApiError> {
    t.parse()
        .map_err(|_| ApiError(AppError::bidang_tidak_valid("tahun", "Tahun harus angka")))
}

/// The caller's matriks peran hasil for a year.
#[utoipa::path(get, path = "/api/v1/matriks/{tahun}", tag = "matriks", params(("tahun" = i32, Path)),
    responses((status = 200, body = Matriks), (status = 403)))]
pub async fn matriks(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path(t): Path<String>,
) -> ApiResult<Matriks> {
    Ok(Json(k.app.matriks(&p, tahun(&t)?).await?))
}

/// Write one cell: the member RHK intervening one of the leader's RHK (edits the member's SKP).
#[utoipa::path(put, path = "/api/v1/matriks/{tahun}/sel", tag = "matriks", params(("tahun" = i32, Path)), request_body = SelMatriks,
    responses((status = 200, body = DetailSkp), (status = 403), (status = 404), (status = 409), (status = 422)))]
pub async fn sel_matriks(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path(t): Path<String>,
    JsonMasuk(b): JsonMasuk<SelMatriks>,
) -> Result<Response, ApiError> {
    let d = k.app.simpan_sel_matriks(&p, tahun(&t)?, b).await?;
    Ok(dengan_etag(d, StatusCode::OK))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct QPenugasan {
    /// masuk (to decide as rater), keluar (given), saya (mine), terbuka (open).
    kotak: Option<String>,
    tahun: Option<i32>,
}

/// Assignments: to decide, given, mine, or open.
#[utoipa::path(get, path = "/api/v1/penugasan", tag = "penugasan", params(QPenugasan),
    responses((status = 200, body = Vec<DetailPenugasan>), (status = 422)))]
pub async fn daftar_penugasan(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    QueryMasuk(q): QueryMasuk<QPenugasan>,
) -> ApiResult<Vec<DetailPenugasan>> {
    let kotak = match q.kotak.as_deref().unwrap_or("saya") {
        "masuk" => KotakPenugasan::Masuk,
        "keluar" => KotakPenugasan::Keluar,
        "saya" => KotakPenugasan::Saya,
        "terbuka" => KotakPenugasan::Terbuka,
        x => {
            return Err(ApiError(AppError::bidang_tidak_valid(
                "kotak",
                format!("'{x}' tidak dikenal; pilihan: masuk, keluar, saya, terbuka"),
            )))
        }
    };
    Ok(Json(k.app.daftar_penugasan(&p, kotak, q.tahun).await?))
}

/// A pimpinan assigns work (to a pegawai, through their rater; or open, for volunteers).
#[utoipa::path(post, path = "/api/v1/penugasan", tag = "penugasan", request_body = PenugasanMasuk,
    responses((status = 201, body = DetailPenugasan), (status = 403), (status = 409), (status = 422)))]
pub async fn buat_penugasan(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    JsonMasuk(b): JsonMasuk<PenugasanMasuk>,
) -> Result<Response, ApiError> {
    let t = k.app.buat_penugasan(&p, b).await?;
    Ok((StatusCode::CREATED, Json(t)).into_response())
}

#[utoipa::path(get, path = "/api/v1/penugasan/{id}", tag = "penugasan", params(("id" = i64, Path)),
    responses((status = 200, body = DetailPenugasan), (status = 404)))]
pub async fn detail_penugasan(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path(s): Path<String>,
) -> ApiResult<DetailPenugasan> {
    Ok(Json(
        k.app.detail_penugasan(&p, id_api(&s, "Penugasan")?).await?,
    ))
}

/// The rater accepts: a new RHK in the pegawai's SKP naming the assigner.
#[utoipa::path(post, path = "/api/v1/penugasan/{id}/terima", tag = "penugasan", params(("id" = i64, Path)), request_body = TerimaPenugasan,
    responses((status = 200, body = DetailPenugasan), (status = 403), (status = 409), (status = 422)))]
pub async fn terima_penugasan(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path(s): Path<String>,
    JsonMasuk(b): JsonMasuk<TerimaPenugasan>,
) -> ApiResult<DetailPenugasan> {
    Ok(Json(
        k.app
            .terima_penugasan(&p, id_api(&s, "Penugasan")?, b)
            .await?,
    ))
}

#[derive(Deserialize, ToSchema)]
pub struct Tolak {
    #[serde(default)]
    alasan: String,
}

/// The rater refuses, with a reason.
#[utoipa::path(post, path = "/api/v1/penugasan/{id}/tolak", tag = "penugasan", params(("id" = i64, Path)), request_body = Tolak,
    responses((status = 200, body = DetailPenugasan), (status = 403), (status = 409), (status = 422)))]
pub async fn tolak_penugasan(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path(s): Path<String>,
    JsonMasuk(b): JsonMasuk<Tolak>,
) -> ApiResult<DetailPenugasan> {
    Ok(Json(
        k.app
            .tolak_penugasan(&p, id_api(&s, "Penugasan")?, &b.alasan)
            .await?,
    ))
}

/// Volunteer for an open assignment (goes to the caller's rater).
#[utoipa::path(post, path = "/api/v1/penugasan/{id}/relawan", tag = "penugasan", params(("id" = i64, Path)),
    responses((status = 201, body = DetailPenugasan), (status = 404), (status = 409)))]
pub async fn relawan_penugasan(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path(s): Path<String>,
) -> Result<Response, ApiError> {
    let t = k
        .app
        .relawan_penugasan(&p, id_api(&s, "Penugasan")?)
        .await?;
    Ok((StatusCode::CREATED, Json(t)).into_response())
}

/// Mutasi (admin): new position from a date; the SKP at the old place is closed and a new one
/// starts.
#[utoipa::path(post, path = "/api/v1/pegawai/{nip}/mutasi", tag = "organisasi", params(("nip" = String, Path)), request_body = MutasiMasuk,
    responses((status = 200, body = HasilMutasi), (status = 403), (status = 409), (status = 422)))]
pub async fn mutasi(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path(nip): Path<String>,
    JsonMasuk(b): JsonMasuk<MutasiMasuk>,
) -> ApiResult<HasilMutasi> {
    Ok(Json(k.app.mutasi(&p, &nip, b).await?))
}
