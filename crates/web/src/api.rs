//! The JSON API under `/api/v1` (stable core in `api.md`; the rest described by OpenAPI).

use crate::alamat::AlamatKlien;
use crate::auth::{token, Masuk};
use crate::galat::{ApiError, ApiResult, JsonMasuk, QueryMasuk};
use crate::Keadaan;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use kinerja_app::impor::JenisData;
use kinerja_app::kalkulator::{self, PermintaanDistribusi};
use kinerja_app::masuk::JenisSesi;
use kinerja_app::organisasi::{DetailPegawai, DetailUnit, NodeUnit, PenilaiPegawai};
use kinerja_app::AppError;
use kinerja_domain::angka_kredit::AngkaKredit;
use kinerja_domain::distribusi::HasilDistribusi;
use kinerja_domain::kuadran::Predikat;
use kinerja_store::{FilterPegawai, Halaman, Pegawai, RingkasanImpor};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use utoipa::{IntoParams, ToSchema};

pub fn rute() -> Router<Keadaan> {
    Router::new()
        .route("/auth/login", post(login))
        .route("/auth/logout", post(logout))
        .route("/me", get(me))
        .route("/rules/predikat", get(rules_predikat))
        .route("/rules/distribusi", post(rules_distribusi))
        .route("/rules/tugas-belajar", get(rules_tugas_belajar))
        .route("/rules/angka-kredit", get(rules_angka_kredit))
        .route("/unit", get(daftar_unit))
        .route("/unit/{id}", get(detail_unit))
        .route("/pegawai", get(daftar_pegawai))
        .route("/pegawai/{nip}", get(detail_pegawai))
        .route(
            "/pegawai/{nip}/penilai",
            get(penilai).put(tetapkan_penilai).delete(hapus_penilai),
        )
        .route(
            "/impor/{jenis}",
            put(impor)
                .post(impor)
                .layer(DefaultBodyLimit::max(32 * 1024 * 1024)),
        )
        .route("/ekspor/{jenis}", get(ekspor))
        .merge(crate::api_skp::rute())
        .merge(crate::api_pelaksanaan::rute())
        .merge(crate::api_evaluasi::rute())
        .merge(crate::api_dokumen::rute())
        .merge(crate::api_laporan::rute())
        .merge(crate::api_penghargaan::rute())
        .merge(crate::api_sanksi::rute())
        .merge(crate::api_pemantauan::rute())
        .merge(crate::api_talenta::rute())
        .merge(crate::api_profil::rute())
        .merge(crate::api_masuk::rute())
        .fallback(|| async {
            ApiError(AppError::TidakDitemukan("Alamat API tidak dikenal".into()))
        })
}

#[derive(Deserialize, ToSchema)]
pub struct Login {
    pub username: String,
    pub password: String,
}

#[derive(Serialize, ToSchema)]
pub struct Token {
    pub token: String,
    /// RFC 3339.
    pub expires_at: String,
}

/// Log in with a username (a pegawai's NIP) and password; answers a bearer token. Failed logins
/// are limited per account name and per client address (policy profile `keamanan_masuk`);
/// past a limit, or while an account name is locked, the answer is 429 with `Retry-After`,
/// the same whether or not the account exists.
#[utoipa::path(post, path = "/api/v1/auth/login", tag = "auth", request_body = Login,
    responses((status = 200, body = Token), (status = 401, description = "Nama pengguna atau kata sandi salah"),
        (status = 429, description = "Terlalu banyak percobaan masuk; header Retry-After (detik)",
            headers(("Retry-After" = u64, description = "Detik sampai boleh mencoba lagi")))))]
pub async fn login(
    State(k): State<Keadaan>,
    AlamatKlien(alamat): AlamatKlien,
    JsonMasuk(b): JsonMasuk<Login>,
) -> ApiResult<Token> {
    let s = k
        .app
        .masuk(&b.username, &b.password, &alamat, JenisSesi::Bearer)
        .await?;
    Ok(Json(Token {
        token: s.token,
        expires_at: s
            .kedaluwarsa
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
    }))
}

/// End the token (or session) of the request.
#[utoipa::path(post, path = "/api/v1/auth/logout", tag = "auth", responses((status = 204), (status = 401)))]
pub async fn logout(
    State(k): State<Keadaan>,
    _m: Masuk,
    headers: HeaderMap,
) -> Result<StatusCode, ApiError> {
    if let Some(t) = token(&headers) {
        k.app.keluar(&t).await?;
    }
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Serialize, ToSchema)]
pub struct Saya {
    pub username: String,
    /// `admin` or `pegawai`.
    pub peran: String,
    pub bahasa: String,
    pub pegawai: Option<Pegawai>,
}

/// The caller.
#[utoipa::path(get, path = "/api/v1/me", tag = "auth", responses((status = 200, body = Saya), (status = 401)))]
pub async fn me(Masuk(p): Masuk) -> ApiResult<Saya> {
    Ok(Json(Saya {
        username: p.akun.username.clone(),
        peran: p.akun.peran.kode().into(),
        bahasa: p.akun.bahasa.clone(),
        pegawai: p.pegawai,
    }))
}

#[derive(Serialize, ToSchema)]
pub struct HasilPredikat {
    pub predikat: Predikat,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)] // documents the query; handlers read it as a map to name bad fields themselves
pub struct QPredikat {
    /// diatas_ekspektasi, sesuai_ekspektasi, dibawah_ekspektasi
    hasil_kerja: String,
    perilaku: String,
}

/// Predikat from the kuadran of rating hasil kerja × rating perilaku.
#[utoipa::path(get, path = "/api/v1/rules/predikat", tag = "rules", params(QPredikat),
    responses((status = 200, body = HasilPredikat), (status = 422, description = "Parameter tidak valid")))]
pub async fn rules_predikat(
    _m: Masuk,
    Query(q): Query<HashMap<String, String>>,
) -> ApiResult<HasilPredikat> {
    let g = |k: &str| q.get(k).map(String::as_str);
    Ok(Json(HasilPredikat {
        predikat: kalkulator::hitung_predikat(g("hasil_kerja"), g("perilaku"))?,
    }))
}

/// Check a unit's distribution of predikat against the guideline for its capaian kinerja organisasi.
#[utoipa::path(post, path = "/api/v1/rules/distribusi", tag = "rules", request_body = PermintaanDistribusi,
    responses((status = 200, body = HasilDistribusi), (status = 400), (status = 422)))]
pub async fn rules_distribusi(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    JsonMasuk(b): JsonMasuk<PermintaanDistribusi>,
) -> ApiResult<HasilDistribusi> {
    Ok(Json(k.app.hitung_distribusi(&p, &b).await?))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct QTugasBelajar {
    /// s1, profesi, s2, s3
    jenjang_pendidikan: String,
    /// dalam_negeri, luar_negeri
    lokasi: String,
    /// A, B, C, unggul, baik_sekali, baik (dalam negeri)
    akreditasi_pt: Option<String>,
    akreditasi_prodi: Option<String>,
    /// 0.00–4.00, two decimals at most
    ipk: String,
}

/// Predikat of a pegawai on tugas belajar from the IPK table.
#[utoipa::path(get, path = "/api/v1/rules/tugas-belajar", tag = "rules", params(QTugasBelajar),
    responses((status = 200, body = HasilPredikat), (status = 422)))]
pub async fn rules_tugas_belajar(
    _m: Masuk,
    Query(q): Query<HashMap<String, String>>,
) -> ApiResult<HasilPredikat> {
    let g = |k: &str| q.get(k).map(String::as_str);
    let p = kalkulator::hitung_tugas_belajar(
        g("jenjang_pendidikan"),
        g("lokasi"),
        g("akreditasi_pt"),
        g("akreditasi_prodi"),
        g("ipk"),
    )?;
    Ok(Json(HasilPredikat { predikat: p }))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct QAngkaKredit {
    jenjang: String,
    predikat: String,
    /// 1..12, default 12
    bulan: Option<u32>,
}

/// Angka kredit of a jabatan fungsional from the predikat.
#[utoipa::path(get, path = "/api/v1/rules/angka-kredit", tag = "rules", params(QAngkaKredit),
    responses((status = 200, body = AngkaKredit), (status = 422)))]
pub async fn rules_angka_kredit(
    _m: Masuk,
    Query(q): Query<HashMap<String, String>>,
) -> ApiResult<AngkaKredit> {
    let g = |k: &str| q.get(k).map(String::as_str);
    Ok(Json(kalkulator::hitung_angka_kredit(
        g("jenjang"),
        g("predikat"),
        g("bulan"),
    )?))
}

/// The unit tree of the instansi (admin).
#[utoipa::path(get, path = "/api/v1/unit", tag = "organisasi", responses((status = 200, body = Vec<NodeUnit>), (status = 403)))]
pub async fn daftar_unit(State(k): State<Keadaan>, Masuk(p): Masuk) -> ApiResult<Vec<NodeUnit>> {
    Ok(Json(k.app.pohon_unit(&p).await?))
}

/// A unit with its path, sub-units, positions and holders (admin).
#[utoipa::path(get, path = "/api/v1/unit/{id}", tag = "organisasi", params(("id" = i64, Path)),
    responses((status = 200, body = DetailUnit), (status = 403), (status = 404)))]
pub async fn detail_unit(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path(id): Path<String>,
) -> ApiResult<DetailUnit> {
    let id: i64 = id
        .parse()
        .map_err(|_| AppError::TidakDitemukan(format!("Unit '{id}' tidak ditemukan")))?;
    Ok(Json(k.app.detail_unit(&p, id).await?))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct QPegawai {
    /// NIP prefix or part of the name
    q: Option<String>,
    unit_id: Option<String>,
    limit: Option<String>,
    cursor: Option<String>,
}

fn angka(bidang: &str, v: &Option<String>) -> Result<Option<i64>, AppError> {
    match v.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => s
            .parse()
            .map(Some)
            .map_err(|_| AppError::bidang_tidak_valid(bidang, "harus bilangan bulat")),
    }
}

/// Search pegawai by NIP or name (admin), paginated.
#[utoipa::path(get, path = "/api/v1/pegawai", tag = "organisasi", params(QPegawai),
    responses((status = 200, body = Halaman<Pegawai>), (status = 403), (status = 422)))]
pub async fn daftar_pegawai(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    QueryMasuk(q): QueryMasuk<QPegawai>,
) -> ApiResult<Halaman<Pegawai>> {
    let limit = angka("limit", &q.limit)?.unwrap_or(50);
    if !(1..=500).contains(&limit) {
        return Err(AppError::bidang_tidak_valid("limit", "harus 1 sampai 500").into());
    }
    let filter = FilterPegawai {
        q: q.q,
        unit_id: angka("unit_id", &q.unit_id)?,
        limit,
        cursor: angka("cursor", &q.cursor)?,
    };
    Ok(Json(k.app.cari_pegawai(&p, filter).await?))
}

/// A pegawai with position, unit path, raters and the pegawai they rate.
#[utoipa::path(get, path = "/api/v1/pegawai/{nip}", tag = "organisasi", params(("nip" = String, Path)),
    responses((status = 200, body = DetailPegawai), (status = 404), (status = 422)))]
pub async fn detail_pegawai(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path(nip): Path<String>,
) -> ApiResult<DetailPegawai> {
    Ok(Json(k.app.detail_pegawai(&p, &nip).await?))
}

/// The pejabat penilai and atasan pejabat penilai of a pegawai, and which rule decided.
#[utoipa::path(get, path = "/api/v1/pegawai/{nip}/penilai", tag = "organisasi", params(("nip" = String, Path)),
    responses((status = 200, body = PenilaiPegawai), (status = 404), (status = 422)))]
pub async fn penilai(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path(nip): Path<String>,
) -> ApiResult<PenilaiPegawai> {
    Ok(Json(k.app.penilai_pegawai(&p, &nip).await?))
}

#[derive(Deserialize, ToSchema)]
pub struct Override {
    pub pejabat_penilai_nip: Option<String>,
    pub atasan_pejabat_penilai_nip: Option<String>,
    pub alasan: String,
}

/// Admin override of the rater and/or atasan (audited).
#[utoipa::path(put, path = "/api/v1/pegawai/{nip}/penilai", tag = "organisasi", params(("nip" = String, Path)), request_body = Override,
    responses((status = 200, body = PenilaiPegawai), (status = 403), (status = 404), (status = 422)))]
pub async fn tetapkan_penilai(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path(nip): Path<String>,
    JsonMasuk(b): JsonMasuk<Override>,
) -> ApiResult<PenilaiPegawai> {
    Ok(Json(
        k.app
            .tetapkan_pengganti_penilai(
                &p,
                &nip,
                b.pejabat_penilai_nip.as_deref(),
                b.atasan_pejabat_penilai_nip.as_deref(),
                &b.alasan,
            )
            .await?,
    ))
}

/// Remove the admin override; the rules decide again.
#[utoipa::path(delete, path = "/api/v1/pegawai/{nip}/penilai", tag = "organisasi", params(("nip" = String, Path)),
    responses((status = 200, body = PenilaiPegawai), (status = 403), (status = 404)))]
pub async fn hapus_penilai(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path(nip): Path<String>,
) -> ApiResult<PenilaiPegawai> {
    Ok(Json(k.app.hapus_pengganti_penilai(&p, &nip).await?))
}

/// Import units, positions or pegawai: the body is a CSV file (`unit`, `jabatan`, `pegawai`) or
/// an XLSX workbook (any kind; `organisasi` for all three sheets). Validated whole; a file with
/// any fault changes nothing and is answered 422 with every fault in `fields`.
#[utoipa::path(post, path = "/api/v1/impor/{jenis}", tag = "organisasi", params(("jenis" = String, Path, description = "unit, jabatan, pegawai, organisasi")),
    request_body(content = String, content_type = "text/csv"),
    responses((status = 200, body = RingkasanImpor), (status = 403), (status = 422)))]
pub async fn impor(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path(jenis): Path<String>,
    body: Bytes,
) -> ApiResult<RingkasanImpor> {
    let jenis = JenisData::dari_kode(&jenis).map_err(AppError::from)?;
    Ok(Json(k.app.impor(&p, jenis, &body).await?))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct QEkspor {
    /// csv (default) or xlsx
    format: Option<String>,
}

/// Export units, positions or pegawai in the import's own columns.
#[utoipa::path(get, path = "/api/v1/ekspor/{jenis}", tag = "organisasi", params(("jenis" = String, Path), QEkspor),
    responses((status = 200, description = "CSV or XLSX file"), (status = 403), (status = 422)))]
pub async fn ekspor(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path(jenis): Path<String>,
    QueryMasuk(q): QueryMasuk<QEkspor>,
) -> Result<Response, ApiError> {
    let jenis = JenisData::dari_kode(&jenis).map_err(AppError::from)?;
    let xlsx = match q.format.as_deref().unwrap_or("csv") {
        "csv" => false,
        "xlsx" => true,
        _ => return Err(AppError::bidang_tidak_valid("format", "pilihan: csv, xlsx").into()),
    };
    let b = k.app.ekspor(&p, jenis, xlsx).await?;
    Ok(crate::halaman::unduhan(b).into_response())
}
