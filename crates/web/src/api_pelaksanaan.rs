//! The execution part of the JSON API: `realisasi` with `bukti` (uploads stream into the
//! evidence storage), `umpan_balik` with 360 requests and responses, `tindak_lanjut` (including
//! `pembinaan` and the take-over of an RHK), progress reports on assignments, and the inbox.

use crate::auth::Masuk;
use crate::galat::{id_api, ApiError, ApiResult, JsonMasuk, QueryMasuk};
use crate::Keadaan;
use axum::body::Body;
use axum::extract::{DefaultBodyLimit, FromRequest, Multipart, Path, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use futures_util::TryStreamExt;
use kinerja_app::akses::Pengguna;
use kinerja_app::pelaksanaan::kotak_masuk::KotakMasuk;
use kinerja_app::pelaksanaan::pelaporan::PelaporanPenugasan;
use kinerja_app::pelaksanaan::realisasi::{BulanRealisasi, BulanTim};
use kinerja_app::pelaksanaan::umpan_balik::{DaftarUmpanBalik, HakUmpanBalik, UmpanBalikTampil};
use kinerja_app::{App, AppError};
use kinerja_domain::pelaksanaan::realisasi::RealisasiMasuk;
use kinerja_domain::pelaksanaan::tindak_lanjut::{
    JenisPembinaan, JenisTindakLanjut, TindakLanjutMasuk,
};
use kinerja_domain::pelaksanaan::umpan_balik::{PermintaanMasuk, UmpanBalikMasuk};
use kinerja_store::{
    Bukti, LaporanPenugasan, PermintaanUmpanBalik, Realisasi, TindakLanjut, UmpanBalik,
};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

pub fn rute() -> Router<Keadaan> {
    Router::new()
        .route(
            "/skp/{id}/realisasi",
            get(bulan_realisasi).put(simpan_realisasi),
        )
        .route("/realisasi/tim", get(bulan_tim))
        .route(
            "/realisasi/{id}/bukti",
            post(tambah_bukti).layer(DefaultBodyLimit::disable()),
        )
        .route("/bukti/{id}", get(detail_bukti).delete(hapus_bukti))
        .route("/bukti/{id}/berkas", get(unduh_bukti))
        .route(
            "/skp/{id}/umpan_balik",
            get(daftar_umpan_balik).post(beri_umpan_balik),
        )
        .route("/skp/{id}/umpan_balik/hak", get(hak_umpan_balik))
        .route("/umpan_balik/diberikan", get(umpan_balik_diberikan))
        .route("/umpan_balik/{id}/tanggapan", post(tanggapi))
        .route(
            "/skp/{id}/permintaan_umpan_balik",
            get(permintaan_skp).post(minta_umpan_balik),
        )
        .route("/permintaan_umpan_balik", get(permintaan_saya))
        .route("/permintaan_umpan_balik/{id}/anonim", put(atur_anonim))
        .route(
            "/skp/{id}/tindak_lanjut",
            get(daftar_tindak_lanjut).post(tindak_lanjut),
        )
        .route("/skp/{id}/pembinaan", post(pembinaan))
        .route("/skp/{id}/rhk/{rhk_id}/ambil_alih", post(ambil_alih))
        .route("/penugasan/{id}/laporan", get(daftar_laporan).post(lapor))
        .route("/notifikasi", get(kotak_masuk))
        .route("/notifikasi/dibaca", post(baca_semua))
        .route("/notifikasi/{id}/dibaca", post(baca_satu))
}

fn dibuat<T: serde::Serialize>(v: T) -> Response {
    (StatusCode::CREATED, Json(v)).into_response()
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct QBulan {
    /// 1–12; the current month (or the SKP's last begun month) when absent.
    bulan: Option<u32>,
}

/// A pegawai's month: every IKI of the set SKP with its realisation, evidence and what is missing.
#[utoipa::path(get, path = "/api/v1/skp/{id}/realisasi", tag = "realisasi", params(("id" = i64, Path), QBulan),
    responses((status = 200, body = BulanRealisasi), (status = 403), (status = 404), (status = 422)))]
pub async fn bulan_realisasi(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path(s): Path<String>,
    QueryMasuk(q): QueryMasuk<QBulan>,
) -> ApiResult<BulanRealisasi> {
    Ok(Json(
        k.app
            .bulan_realisasi(&p, id_api(&s, "SKP")?, q.bulan)
            .await?,
    ))
}

/// Write the realisation of one IKI for one month (the pegawai, on a set SKP).
#[utoipa::path(put, path = "/api/v1/skp/{id}/realisasi", tag = "realisasi", params(("id" = i64, Path)), request_body = RealisasiMasuk,
    responses((status = 200, body = Realisasi), (status = 403), (status = 404), (status = 409), (status = 422)))]
pub async fn simpan_realisasi(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path(s): Path<String>,
    JsonMasuk(b): JsonMasuk<RealisasiMasuk>,
) -> ApiResult<Realisasi> {
    Ok(Json(
        k.app.simpan_realisasi(&p, id_api(&s, "SKP")?, b).await?,
    ))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct QTim {
    tahun: Option<i32>,
    bulan: Option<u32>,
}

/// The rater's month at a glance: who documented what, who is late, when berkala feedback is due.
#[utoipa::path(get, path = "/api/v1/realisasi/tim", tag = "realisasi", params(QTim),
    responses((status = 200, body = BulanTim), (status = 422)))]
pub async fn bulan_tim(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    QueryMasuk(q): QueryMasuk<QTim>,
) -> ApiResult<BulanTim> {
    Ok(Json(k.app.bulan_tim(&p, q.tahun, q.bulan).await?))
}

/// A link as evidence.
#[derive(Deserialize, ToSchema)]
pub struct TautanMasuk {
    #[serde(default)]
    pub url: String,
    #[serde(default)]
    pub keterangan: String,
}

/// Stream the `berkas` part of a multipart form into the evidence storage; `keterangan` (sent
/// before the file) describes it.
pub(crate) async fn unggah_multipart(
    app: &App,
    p: &Pengguna,
    realisasi_id: i64,
    mut mp: Multipart,
) -> Result<Bukti, AppError> {
    let salah = |e: axum::extract::multipart::MultipartError| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            AppError::TerlaluBesar("Berkas terlalu besar".into())
        } else {
            AppError::PermintaanSalah {
                pesan: format!("Formulir unggahan tidak dapat dibaca: {}", e.body_text()),
                bidang: Default::default(),
            }
        }
    };
    let mut keterangan: Option<String> = None;
    while let Some(field) = mp.next_field().await.map_err(salah)? {
        match field.name().unwrap_or("") {
            "keterangan" => keterangan = Some(field.text().await.map_err(salah)?),
            "berkas" => {
                let nama = field.file_name().unwrap_or("").to_string();
                let aliran = field.map_err(std::io::Error::other);
                let mut baca = tokio_util::io::StreamReader::new(aliran);
                return app
                    .unggah_bukti(p, realisasi_id, keterangan.as_deref(), &nama, &mut baca)
                    .await;
            }
            _ => {}
        }
    }
    Err(AppError::bidang_tidak_valid_persis(
        "berkas",
        "Pilih berkas bukti dukung yang akan diunggah",
    ))
}

/// Add evidence to a realisation: `multipart/form-data` with `keterangan` and the file in
/// `berkas` (PDF, images, office documents; at most 20 MB; checked on its content), or JSON
/// `{"url", "keterangan"}` for a link.
#[utoipa::path(post, path = "/api/v1/realisasi/{id}/bukti", tag = "realisasi", params(("id" = i64, Path)),
    request_body(content = TautanMasuk, description = "JSON for a link, or multipart/form-data with `keterangan` and `berkas`"),
    responses((status = 201, body = Bukti), (status = 403), (status = 404), (status = 409), (status = 413), (status = 422)))]
pub async fn tambah_bukti(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path(s): Path<String>,
    req: Request,
) -> Result<Response, ApiError> {
    let rid = id_api(&s, "Realisasi")?;
    let multipart = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"));
    let b = if multipart {
        let mp = Multipart::from_request(req, &k).await.map_err(|e| {
            ApiError(AppError::PermintaanSalah {
                pesan: format!("Formulir unggahan tidak dapat dibaca: {}", e.body_text()),
                bidang: Default::default(),
            })
        })?;
        unggah_multipart(&k.app, &p, rid, mp).await?
    } else {
        let JsonMasuk(t) = JsonMasuk::<TautanMasuk>::from_request(req, &k).await?;
        k.app.tautan_bukti(&p, rid, &t.url, &t.keterangan).await?
    };
    Ok(dibuat(b))
}

/// One piece of evidence.
#[utoipa::path(get, path = "/api/v1/bukti/{id}", tag = "realisasi", params(("id" = i64, Path)),
    responses((status = 200, body = Bukti), (status = 404)))]
pub async fn detail_bukti(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path(s): Path<String>,
) -> ApiResult<Bukti> {
    Ok(Json(
        k.app
            .bukti_terlihat(&p, id_api(&s, "Bukti dukung")?)
            .await?
            .0,
    ))
}

/// Download an uploaded evidence file (streamed; its SHA-256 in `Digest`).
#[utoipa::path(get, path = "/api/v1/bukti/{id}/berkas", tag = "realisasi", params(("id" = i64, Path)),
    responses((status = 200, description = "The file"), (status = 404)))]
pub async fn unduh_bukti(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path(s): Path<String>,
) -> Result<Response, ApiError> {
    let (b, r) = k.app.buka_bukti(&p, id_api(&s, "Bukti dukung")?).await?;
    Ok(respons_berkas(&b, r))
}

/// A stored file as a streamed response.
pub(crate) fn respons_berkas(
    b: &Bukti,
    r: Box<dyn tokio::io::AsyncRead + Unpin + Send>,
) -> Response {
    let jenis = b
        .jenis_berkas
        .as_deref()
        .and_then(kinerja_bukti::JenisBerkas::dari_kode);
    let mime = jenis.map_or("application/octet-stream", |j| j.mime());
    let tampil = if jenis.is_some_and(|j| j.gambar() || j == kinerja_bukti::JenisBerkas::Pdf) {
        "inline"
    } else {
        "attachment"
    };
    let nama: String = b
        .nama_berkas
        .as_deref()
        .unwrap_or("bukti")
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || ".-_ ".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let mut res = Response::new(Body::from_stream(tokio_util::io::ReaderStream::new(r)));
    let h = res.headers_mut();
    if let Ok(v) = HeaderValue::from_str(mime) {
        h.insert(header::CONTENT_TYPE, v);
    }
    if let Ok(v) = HeaderValue::from_str(&format!("{tampil}; filename=\"{nama}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    if let Some(u) = b.ukuran {
        h.insert(header::CONTENT_LENGTH, HeaderValue::from(u));
    }
    if let Some(sha) = &b.sha256 {
        if let Ok(v) = HeaderValue::from_str(&format!("sha-256={sha}")) {
            h.insert("digest", v);
        }
    }
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    res
}

/// Remove a piece of evidence (the pegawai).
#[utoipa::path(delete, path = "/api/v1/bukti/{id}", tag = "realisasi", params(("id" = i64, Path)),
    responses((status = 204), (status = 403), (status = 404)))]
pub async fn hapus_bukti(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path(s): Path<String>,
) -> Result<StatusCode, ApiError> {
    k.app.hapus_bukti(&p, id_api(&s, "Bukti dukung")?).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct QHalaman {
    cursor: Option<String>,
    limit: Option<i64>,
}

/// The feedback on an SKP the caller may see, newest first (an anonymous giver is hidden from
/// the pegawai; a 360 giver sees only what they wrote).
#[utoipa::path(get, path = "/api/v1/skp/{id}/umpan_balik", tag = "umpan_balik", params(("id" = i64, Path), QHalaman),
    responses((status = 200, body = DaftarUmpanBalik), (status = 404)))]
pub async fn daftar_umpan_balik(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path(s): Path<String>,
    QueryMasuk(q): QueryMasuk<QHalaman>,
) -> ApiResult<DaftarUmpanBalik> {
    Ok(Json(
        k.app
            .umpan_balik_skp(&p, id_api(&s, "SKP")?, q.cursor.as_deref(), q.limit)
            .await?,
    ))
}

/// Give feedback on an RHK (`rhk_id`) or a perilaku aspect (`aspek`): berkala or insidentil,
/// langsung or tidak_langsung, with its source; `permintaan_id` when answering a 360 request.
#[utoipa::path(post, path = "/api/v1/skp/{id}/umpan_balik", tag = "umpan_balik", params(("id" = i64, Path)), request_body = UmpanBalikMasuk,
    responses((status = 201, body = UmpanBalikTampil), (status = 403), (status = 404), (status = 409), (status = 422)))]
pub async fn beri_umpan_balik(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path(s): Path<String>,
    JsonMasuk(b): JsonMasuk<UmpanBalikMasuk>,
) -> Result<Response, ApiError> {
    Ok(dibuat(
        k.app.beri_umpan_balik(&p, id_api(&s, "SKP")?, b).await?,
    ))
}

/// What the caller may do with feedback on this SKP.
#[utoipa::path(get, path = "/api/v1/skp/{id}/umpan_balik/hak", tag = "umpan_balik", params(("id" = i64, Path)),
    responses((status = 200, body = HakUmpanBalik), (status = 404)))]
pub async fn hak_umpan_balik(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path(s): Path<String>,
) -> ApiResult<HakUmpanBalik> {
    Ok(Json(k.app.hak_umpan_balik(&p, id_api(&s, "SKP")?).await?))
}

/// Everything the caller wrote.
#[utoipa::path(get, path = "/api/v1/umpan_balik/diberikan", tag = "umpan_balik",
    responses((status = 200, body = Vec<UmpanBalik>)))]
pub async fn umpan_balik_diberikan(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
) -> ApiResult<Vec<UmpanBalik>> {
    Ok(Json(k.app.umpan_balik_diberikan(&p).await?))
}

#[derive(Deserialize, ToSchema)]
pub struct TanggapanMasuk {
    #[serde(default)]
    pub tanggapan: String,
}

/// The pegawai responds to feedback received (once).
#[utoipa::path(post, path = "/api/v1/umpan_balik/{id}/tanggapan", tag = "umpan_balik", params(("id" = i64, Path)), request_body = TanggapanMasuk,
    responses((status = 200, body = UmpanBalikTampil), (status = 403), (status = 404), (status = 409), (status = 422)))]
pub async fn tanggapi(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path(s): Path<String>,
    JsonMasuk(b): JsonMasuk<TanggapanMasuk>,
) -> ApiResult<UmpanBalikTampil> {
    Ok(Json(
        k.app
            .tanggapi_umpan_balik(&p, id_api(&s, "Umpan balik")?, &b.tanggapan)
            .await?,
    ))
}

/// Ask a named person (by NIP) for 360 feedback, with a due date (the pegawai or the rater;
/// only the rater may allow anonymity).
#[utoipa::path(post, path = "/api/v1/skp/{id}/permintaan_umpan_balik", tag = "umpan_balik", params(("id" = i64, Path)), request_body = PermintaanMasuk,
    responses((status = 201, body = PermintaanUmpanBalik), (status = 403), (status = 404), (status = 409), (status = 422)))]
pub async fn minta_umpan_balik(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path(s): Path<String>,
    JsonMasuk(b): JsonMasuk<PermintaanMasuk>,
) -> Result<Response, ApiError> {
    Ok(dibuat(
        k.app.minta_umpan_balik(&p, id_api(&s, "SKP")?, b).await?,
    ))
}

/// The 360 requests on an SKP.
#[utoipa::path(get, path = "/api/v1/skp/{id}/permintaan_umpan_balik", tag = "umpan_balik", params(("id" = i64, Path)),
    responses((status = 200, body = Vec<PermintaanUmpanBalik>), (status = 404)))]
pub async fn permintaan_skp(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path(s): Path<String>,
) -> ApiResult<Vec<PermintaanUmpanBalik>> {
    Ok(Json(k.app.permintaan_skp(&p, id_api(&s, "SKP")?).await?))
}

/// Requests waiting for the caller's answer.
#[utoipa::path(get, path = "/api/v1/permintaan_umpan_balik", tag = "umpan_balik",
    responses((status = 200, body = Vec<PermintaanUmpanBalik>)))]
pub async fn permintaan_saya(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
) -> ApiResult<Vec<PermintaanUmpanBalik>> {
    Ok(Json(k.app.permintaan_saya(&p).await?))
}

#[derive(Deserialize, ToSchema)]
pub struct AnonimMasuk {
    pub anonim: bool,
}

/// The rater decides whether an open request may be answered anonymously.
#[utoipa::path(put, path = "/api/v1/permintaan_umpan_balik/{id}/anonim", tag = "umpan_balik", params(("id" = i64, Path)), request_body = AnonimMasuk,
    responses((status = 200, body = PermintaanUmpanBalik), (status = 403), (status = 404), (status = 409)))]
pub async fn atur_anonim(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path(s): Path<String>,
    JsonMasuk(b): JsonMasuk<AnonimMasuk>,
) -> ApiResult<PermintaanUmpanBalik> {
    Ok(Json(
        k.app
            .atur_anonim_permintaan(&p, id_api(&s, "Permintaan")?, b.anonim)
            .await?,
    ))
}

/// The follow-up recorded on an SKP, newest first.
#[utoipa::path(get, path = "/api/v1/skp/{id}/tindak_lanjut", tag = "tindak_lanjut", params(("id" = i64, Path)),
    responses((status = 200, body = Vec<TindakLanjut>), (status = 403), (status = 404)))]
pub async fn daftar_tindak_lanjut(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path(s): Path<String>,
) -> ApiResult<Vec<TindakLanjut>> {
    Ok(Json(k.app.tindak_lanjut_skp(&p, id_api(&s, "SKP")?).await?))
}

/// Record a follow-up (the rater): apresiasi, penugasan_baru (creates the assignment),
/// penyesuaian_ekspektasi (opens a revision), penyesuaian_sumber_daya, pembinaan, ambil_alih.
#[utoipa::path(post, path = "/api/v1/skp/{id}/tindak_lanjut", tag = "tindak_lanjut", params(("id" = i64, Path)), request_body = TindakLanjutMasuk,
    responses((status = 201, body = TindakLanjut), (status = 403), (status = 404), (status = 409), (status = 422)))]
pub async fn tindak_lanjut(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path(s): Path<String>,
    JsonMasuk(b): JsonMasuk<TindakLanjutMasuk>,
) -> Result<Response, ApiError> {
    Ok(dibuat(
        k.app.catat_tindak_lanjut(&p, id_api(&s, "SKP")?, b).await?,
    ))
}

#[derive(Deserialize, ToSchema)]
pub struct PembinaanMasuk {
    pub jenis_pembinaan: Option<JenisPembinaan>,
    pub tanggal: Option<chrono::NaiveDate>,
    pub topik: Option<String>,
    pub tindakan_disepakati: Option<String>,
    pub rhk_id: Option<i64>,
    pub umpan_balik_id: Option<i64>,
    /// Notes; the topic when absent.
    pub uraian: Option<String>,
}

/// Record a pembinaan kinerja (bimbingan or konseling, Pasal 21): date, topic, agreed actions.
#[utoipa::path(post, path = "/api/v1/skp/{id}/pembinaan", tag = "tindak_lanjut", params(("id" = i64, Path)), request_body = PembinaanMasuk,
    responses((status = 201, body = TindakLanjut), (status = 403), (status = 404), (status = 409), (status = 422)))]
pub async fn pembinaan(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path(s): Path<String>,
    JsonMasuk(b): JsonMasuk<PembinaanMasuk>,
) -> Result<Response, ApiError> {
    let m = TindakLanjutMasuk {
        jenis: Some(JenisTindakLanjut::Pembinaan),
        rhk_id: b.rhk_id,
        umpan_balik_id: b.umpan_balik_id,
        uraian: b.uraian.unwrap_or_default(),
        jenis_pembinaan: b.jenis_pembinaan,
        tanggal: b.tanggal,
        topik: b.topik,
        tindakan_disepakati: b.tindakan_disepakati,
    };
    Ok(dibuat(
        k.app.catat_tindak_lanjut(&p, id_api(&s, "SKP")?, m).await?,
    ))
}

#[derive(Deserialize, ToSchema)]
pub struct AmbilAlihMasuk {
    /// The note that the pegawai could not complete the RHK (Pasal 20(7)).
    #[serde(default)]
    pub catatan: String,
}

/// Take over an RHK (the rater, after penyesuaian or pembinaan did not help); the note counts in
/// the evaluation.
#[utoipa::path(post, path = "/api/v1/skp/{id}/rhk/{rhk_id}/ambil_alih", tag = "tindak_lanjut",
    params(("id" = i64, Path), ("rhk_id" = i64, Path)), request_body = AmbilAlihMasuk,
    responses((status = 201, body = TindakLanjut), (status = 403), (status = 404), (status = 409), (status = 422)))]
pub async fn ambil_alih(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path((s, r)): Path<(String, String)>,
    JsonMasuk(b): JsonMasuk<AmbilAlihMasuk>,
) -> Result<Response, ApiError> {
    let m = TindakLanjutMasuk {
        jenis: Some(JenisTindakLanjut::AmbilAlih),
        rhk_id: Some(id_api(&r, "RHK")?),
        uraian: b.catatan,
        ..Default::default()
    };
    Ok(dibuat(
        k.app.catat_tindak_lanjut(&p, id_api(&s, "SKP")?, m).await?,
    ))
}

/// Progress reports on an assignment (the pegawai, the assigning official, the rater).
#[utoipa::path(get, path = "/api/v1/penugasan/{id}/laporan", tag = "penugasan", params(("id" = i64, Path)),
    responses((status = 200, body = PelaporanPenugasan), (status = 404)))]
pub async fn daftar_laporan(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path(s): Path<String>,
) -> ApiResult<PelaporanPenugasan> {
    Ok(Json(
        k.app
            .pelaporan_penugasan(&p, id_api(&s, "Penugasan")?)
            .await?,
    ))
}

#[derive(Deserialize, ToSchema)]
pub struct LaporanMasuk {
    #[serde(default)]
    pub isi: String,
}

/// Report progress to the assigning official, with a copy to the rater.
#[utoipa::path(post, path = "/api/v1/penugasan/{id}/laporan", tag = "penugasan", params(("id" = i64, Path)), request_body = LaporanMasuk,
    responses((status = 201, body = LaporanPenugasan), (status = 403), (status = 404), (status = 409), (status = 422)))]
pub async fn lapor(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path(s): Path<String>,
    JsonMasuk(b): JsonMasuk<LaporanMasuk>,
) -> Result<Response, ApiError> {
    Ok(dibuat(
        k.app
            .lapor_penugasan(&p, id_api(&s, "Penugasan")?, &b.isi)
            .await?,
    ))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct QKotak {
    cursor: Option<i64>,
    limit: Option<i64>,
}

/// The caller's inbox, newest first.
#[utoipa::path(get, path = "/api/v1/notifikasi", tag = "notifikasi", params(QKotak),
    responses((status = 200, body = KotakMasuk)))]
pub async fn kotak_masuk(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    QueryMasuk(q): QueryMasuk<QKotak>,
) -> ApiResult<KotakMasuk> {
    Ok(Json(k.app.kotak_masuk(&p, q.cursor, q.limit).await?))
}

/// Mark every message read.
#[utoipa::path(post, path = "/api/v1/notifikasi/dibaca", tag = "notifikasi",
    responses((status = 204)))]
pub async fn baca_semua(State(k): State<Keadaan>, Masuk(p): Masuk) -> Result<StatusCode, ApiError> {
    k.app.tandai_dibaca(&p, None).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Mark one message read.
#[utoipa::path(post, path = "/api/v1/notifikasi/{id}/dibaca", tag = "notifikasi", params(("id" = i64, Path)),
    responses((status = 204), (status = 404)))]
pub async fn baca_satu(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path(s): Path<String>,
) -> Result<StatusCode, ApiError> {
    let n = k
        .app
        .tandai_dibaca(&p, Some(id_api(&s, "Notifikasi")?))
        .await?;
    if n == 0 {
        return Err(ApiError(AppError::TidakDitemukan(
            "Notifikasi tidak ditemukan atau sudah dibaca".into(),
        )));
    }
    Ok(StatusCode::NO_CONTENT)
}
