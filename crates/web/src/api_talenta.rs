//! The talent view and angka kredit through the API: the kuadran kinerja of a unit for a period,
//! the unit's pegawai × years, one pegawai's years × kuadran, and a JF pegawai's angka kredit per
//! year and accumulated. Every figure is computed from the recorded evaluations by the app.

use crate::auth::Masuk;
use crate::galat::{ApiResult, QueryMasuk};
use crate::Keadaan;
use axum::extract::{Path, State};
use axum::routing::get;
use axum::{Json, Router};
use kinerja_app::talenta::angka_kredit::{BagianAngkaKredit, DasarAngkaKredit, TahunAngkaKredit};
use kinerja_app::talenta::{
    AngkaKreditPegawai, BarisRiwayat, BarisTalenta, KisiTalenta, PegawaiSel, PermintaanKisi,
    PermintaanRiwayat, RingkasPegawai, RiwayatKinerjaPegawai, RiwayatTalenta, SelRiwayat, SelTahun,
    SelTalenta, TahunKinerja,
};
use serde::Deserialize;
use utoipa::{IntoParams, OpenApi};

#[derive(OpenApi)]
#[openapi(
    paths(kisi, riwayat, riwayat_kinerja, angka_kredit, angka_kredit_saya),
    components(schemas(
        KisiTalenta,
        BarisTalenta,
        SelTalenta,
        PegawaiSel,
        RiwayatTalenta,
        BarisRiwayat,
        SelTahun,
        SelRiwayat,
        RiwayatKinerjaPegawai,
        TahunKinerja,
        RingkasPegawai,
        AngkaKreditPegawai,
        TahunAngkaKredit,
        BagianAngkaKredit,
        DasarAngkaKredit
    ))
)]
pub struct Api;

pub fn rute() -> Router<Keadaan> {
    Router::new()
        .route("/talenta", get(kisi))
        .route("/talenta/riwayat", get(riwayat))
        .route("/pegawai/{nip}/riwayat_kinerja", get(riwayat_kinerja))
        .route("/pegawai/{nip}/angka_kredit", get(angka_kredit))
        .route("/angka_kredit", get(angka_kredit_saya))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct QKisi {
    /// A unit within the caller's scope; the whole scope when absent (the whole instansi for
    /// HR admin).
    pub unit_id: Option<i64>,
    /// "2026-10" (month), "2026-T4" (quarter, where the instansi's profile evaluates per
    /// quarter) or "2026" (the annual evaluations); the last ended month or quarter when absent.
    pub periode: Option<String>,
    /// Include the unit's sub-units (default `true`).
    pub subunit: Option<bool>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct QRiwayat {
    /// A unit within the caller's scope; the whole scope when absent.
    pub unit_id: Option<i64>,
    /// Include the unit's sub-units (default `true`).
    pub subunit: Option<bool>,
    /// First year (default: two years before `tahun_akhir`); at most 10 years in all.
    pub tahun_awal: Option<i32>,
    /// Last year (default: this year).
    pub tahun_akhir: Option<i32>,
    /// Pegawai per page, 1..=1000 (default 200).
    pub limit: Option<i64>,
    /// `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

/// The kuadran kinerja (talent grid) of a unit for a period: 3×3, rows the rating hasil kerja
/// (Di Atas, Sesuai, Di Bawah Ekspektasi, top to bottom), columns the rating perilaku (Di Bawah,
/// Sesuai, Di Atas, left to right); each cell its predikat, count, share and pegawai (the first
/// 100 by name, with a link to their evaluation). Only evaluations signed by the rater count;
/// drafts are counted in `belum_ditandatangani`. An evaluation belongs to the unit it was made
/// in. For HR admin (whole instansi) and heads of units (their subtree).
#[utoipa::path(get, path = "/api/v1/talenta", tag = "talenta", params(QKisi),
    responses(
        (status = 200, body = KisiTalenta),
        (status = 401, description = "Belum masuk"),
        (status = 403, description = "Bukan admin BKPSDM atau kepala unit, atau unit di luar lingkup"),
        (status = 404, description = "Unit tidak dikenal"),
        (status = 422, description = "periode, unit_id atau subunit tidak sah (fields.<nama>)")))]
pub async fn kisi(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    QueryMasuk(q): QueryMasuk<QKisi>,
) -> ApiResult<KisiTalenta> {
    let m = PermintaanKisi {
        unit_id: q.unit_id,
        periode: q.periode,
        subunit: q.subunit,
    };
    Ok(Json(k.app.kisi_talenta(&p, &m).await?))
}

/// The unit's pegawai (by their position now) × years: each cell the signed annual evaluation
/// (ratings, kuadran, predikat) or `draf` when it is not signed yet. Paged by pegawai id.
#[utoipa::path(get, path = "/api/v1/talenta/riwayat", tag = "talenta", params(QRiwayat),
    responses(
        (status = 200, body = RiwayatTalenta),
        (status = 401, description = "Belum masuk"),
        (status = 403, description = "Bukan admin BKPSDM atau kepala unit, atau unit di luar lingkup"),
        (status = 404, description = "Unit tidak dikenal"),
        (status = 422, description = "tahun_awal, tahun_akhir, limit atau cursor tidak sah (fields.<nama>)")))]
pub async fn riwayat(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    QueryMasuk(q): QueryMasuk<QRiwayat>,
) -> ApiResult<RiwayatTalenta> {
    let m = PermintaanRiwayat {
        unit_id: q.unit_id,
        subunit: q.subunit,
        tahun_awal: q.tahun_awal,
        tahun_akhir: q.tahun_akhir,
        limit: q.limit,
        cursor: q.cursor,
    };
    Ok(Json(k.app.riwayat_talenta(&p, &m).await?))
}

/// One pegawai's years (newest first): the signed annual evaluation's kuadran and predikat, the
/// signed periodic ones, the positions of the year. For the pegawai, their pejabat penilai and
/// atasan, the heads of the units above them and HR admin; the pegawai's own rater asking about
/// them 403; anyone else 404.
#[utoipa::path(get, path = "/api/v1/pegawai/{nip}/riwayat_kinerja", tag = "talenta",
    params(("nip" = String, Path, description = "NIP of the pegawai (the numeric id is accepted too)")),
    responses(
        (status = 200, body = RiwayatKinerjaPegawai),
        (status = 401, description = "Belum masuk"),
        (status = 403, description = "Tidak berwenang"),
        (status = 404, description = "Pegawai tidak dikenal")))]
pub async fn riwayat_kinerja(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path(nip): Path<String>,
) -> ApiResult<RiwayatKinerjaPegawai> {
    Ok(Json(k.app.riwayat_kinerja_pegawai(&p, &nip).await?))
}

/// A JF pegawai's angka kredit per year (oldest first) and accumulated (PermenPANRB 1/2023): a
/// signed annual predikat earns `bulan/12 × persentase × koefisien(jenjang)` for the months of
/// its SKP; an SKP closed by a mutasi earns its months at their signed periodic predikat. Exact
/// values are summed (`*_eksak`), shown values rounded half up to 2 decimals. Years without a
/// signed evaluation have parts without `angka_kredit` and a `keterangan`. Access as for the
/// pegawai's history.
#[utoipa::path(get, path = "/api/v1/pegawai/{nip}/angka_kredit", tag = "talenta",
    params(("nip" = String, Path, description = "NIP of the pegawai (the numeric id is accepted too)")),
    responses(
        (status = 200, body = AngkaKreditPegawai),
        (status = 401, description = "Belum masuk"),
        (status = 403, description = "Tidak berwenang"),
        (status = 404, description = "Pegawai tidak dikenal")))]
pub async fn angka_kredit(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
    Path(nip): Path<String>,
) -> ApiResult<AngkaKreditPegawai> {
    Ok(Json(k.app.angka_kredit_pegawai(&p, &nip).await?))
}

/// The caller's own angka kredit (as `/pegawai/{nip}/angka_kredit`); 404 for an account
/// without a pegawai.
#[utoipa::path(get, path = "/api/v1/angka_kredit", tag = "talenta",
    responses(
        (status = 200, body = AngkaKreditPegawai),
        (status = 401, description = "Belum masuk"),
        (status = 404, description = "Akun tanpa pegawai")))]
pub async fn angka_kredit_saya(
    State(k): State<Keadaan>,
    Masuk(p): Masuk,
) -> ApiResult<AngkaKreditPegawai> {
    Ok(Json(k.app.angka_kredit_saya(&p).await?))
}
