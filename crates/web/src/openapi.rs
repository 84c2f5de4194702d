//! The OpenAPI document, generated from the handlers and types, served at `/api/openapi.json`.

use axum::Json;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

struct Bearer;

impl Modify for Bearer {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let c = openapi.components.get_or_insert_with(Default::default);
        c.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

#[derive(OpenApi)]
#[openapi(
    info(title = "Kinerja API", description = "Pengelolaan kinerja ASN (PermenPANRB 6/2022). Errors: {\"error\": {\"code\", \"message\", \"fields\"}}."),
    paths(
        crate::api::login, crate::api::logout, crate::api::me,
        crate::api::rules_predikat, crate::api::rules_distribusi, crate::api::rules_tugas_belajar, crate::api::rules_angka_kredit,
        crate::api::daftar_unit, crate::api::detail_unit, crate::api::daftar_pegawai, crate::api::detail_pegawai,
        crate::api::penilai, crate::api::tetapkan_penilai, crate::api::hapus_penilai, crate::api::impor, crate::api::ekspor,
        crate::api_skp::daftar_skp, crate::api_skp::buat_skp, crate::api_skp::detail_skp, crate::api_skp::ubah_skp,
        crate::api_skp::ajukan, crate::api_skp::tetapkan, crate::api_skp::kembalikan, crate::api_skp::revisi,
        crate::api_skp::tambah_rhk, crate::api_skp::ubah_rhk, crate::api_skp::hapus_rhk,
        crate::api_skp::tambah_iki, crate::api_skp::ubah_iki, crate::api_skp::hapus_iki,
        crate::api_skp::manual_indikator, crate::api_skp::perilaku, crate::api_skp::lampiran,
        crate::api_skp::daftar_versi, crate::api_skp::isi_versi, crate::api_skp::rekap_skp,
        crate::api_skp::mulai_tahun, crate::api_skp::tugas, crate::api_skp::matriks, crate::api_skp::sel_matriks,
        crate::api_skp::daftar_penugasan, crate::api_skp::buat_penugasan, crate::api_skp::detail_penugasan,
        crate::api_skp::terima_penugasan, crate::api_skp::tolak_penugasan, crate::api_skp::relawan_penugasan,
        crate::api_skp::mutasi,
        crate::api_pelaksanaan::bulan_realisasi, crate::api_pelaksanaan::simpan_realisasi, crate::api_pelaksanaan::bulan_tim,
        crate::api_pelaksanaan::tambah_bukti, crate::api_pelaksanaan::detail_bukti, crate::api_pelaksanaan::unduh_bukti,
        crate::api_pelaksanaan::hapus_bukti, crate::api_pelaksanaan::daftar_umpan_balik, crate::api_pelaksanaan::beri_umpan_balik,
        crate::api_pelaksanaan::hak_umpan_balik, crate::api_pelaksanaan::umpan_balik_diberikan, crate::api_pelaksanaan::tanggapi,
        crate::api_pelaksanaan::minta_umpan_balik, crate::api_pelaksanaan::permintaan_skp, crate::api_pelaksanaan::permintaan_saya,
        crate::api_pelaksanaan::atur_anonim, crate::api_pelaksanaan::daftar_tindak_lanjut, crate::api_pelaksanaan::tindak_lanjut,
        crate::api_pelaksanaan::pembinaan, crate::api_pelaksanaan::ambil_alih, crate::api_pelaksanaan::daftar_laporan,
        crate::api_pelaksanaan::lapor, crate::api_pelaksanaan::kotak_masuk, crate::api_pelaksanaan::baca_semua,
        crate::api_pelaksanaan::baca_satu,
        crate::api_evaluasi::daftar_capaian, crate::api_evaluasi::tetapkan_capaian, crate::api_evaluasi::evaluasi_saya,
        crate::api_evaluasi::evaluasi_tim, crate::api_evaluasi::detail_evaluasi, crate::api_evaluasi::nilai,
        crate::api_evaluasi::tandatangani, crate::api_evaluasi::terima, crate::api_evaluasi::buka_kembali,
        crate::api_evaluasi::ajukan_keberatan, crate::api_evaluasi::daftar_keberatan, crate::api_evaluasi::detail_keberatan,
        crate::api_evaluasi::tanggapi_keberatan, crate::api_evaluasi::putuskan_keberatan,
        crate::api_evaluasi::ringkasan_distribusi, crate::api_evaluasi::distribusi_unit, crate::api_evaluasi::peringkat,
    ),
    modifiers(&Bearer),
    security(("bearer" = [])),
)]
pub struct Dokumen;

pub async fn dokumen() -> Json<utoipa::openapi::OpenApi> {
    let mut d = Dokumen::openapi();
    // Later capabilities describe their operations next to their handlers.
    d.merge(crate::api_dokumen::Api::openapi());
    d.merge(crate::api_laporan::Api::openapi());
    d.merge(crate::api_penghargaan::Api::openapi());
    d.merge(crate::api_sanksi::Api::openapi());
    d.merge(crate::api_pemantauan::Api::openapi());
    d.merge(crate::api_talenta::Api::openapi());
    d.merge(crate::api_profil::Api::openapi());
    Json(d)
}
