//! The OpenAPI document, generated from the handlers and types, served at `/api/openapi.json`.

use axum::Json;
use serde_json::{json, Value};
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

pub async fn dokumen() -> Json<Value> {
    Json(dokumen_json())
}

/// The whole document as JSON.
pub(crate) fn dokumen_json() -> Value {
    let mut d = Dokumen::openapi();
    // Later capabilities describe their operations next to their handlers.
    d.merge(crate::api_dokumen::Api::openapi());
    d.merge(crate::api_laporan::Api::openapi());
    d.merge(crate::api_penghargaan::Api::openapi());
    d.merge(crate::api_sanksi::Api::openapi());
    d.merge(crate::api_pemantauan::Api::openapi());
    d.merge(crate::api_talenta::Api::openapi());
    d.merge(crate::api_profil::Api::openapi());
    d.merge(crate::api_masuk::Api::openapi());
    let mut v = serde_json::to_value(&d).unwrap_or_default();
    jawaban_galat(&mut v);
    v
}

/// The error contract of every operation, written into the document once instead of on each
/// handler: every 4xx answer is `{"error": {"code", "message", "fields"}}` (schema `Galat`);
/// an operation behind the bearer token can answer 401; one with a JSON body 400 (malformed)
/// and 422 (a wrong value, named in `fields`); one with a query parameter or a path parameter
/// other than an id (a year, a period, a NIP, a kind) 422; one with a path parameter 404
/// (unknown, or not visible to the caller).
fn jawaban_galat(d: &mut Value) {
    d["components"]["schemas"]["Galat"] = json!({
        "type": "object",
        "description": "Every 4xx answer of the API.",
        "required": ["error"],
        "properties": {"error": {
            "type": "object",
            "required": ["code", "message", "fields"],
            "properties": {
                "code": {"type": "string", "description": "Stable machine code, e.g. `tidak_valid`"},
                "message": {"type": "string", "description": "The message for people, in Bahasa Indonesia"},
                "fields": {
                    "type": "object",
                    "additionalProperties": {"type": "string"},
                    "description": "Field (or `sheet[row].column` of an import) → its message"
                }
            }
        }}
    });
    let global_aman = d["security"].as_array().is_some_and(|s| !s.is_empty());
    let Some(paths) = d["paths"].as_object_mut() else {
        return;
    };
    for item in paths.values_mut() {
        let Some(item) = item.as_object_mut() else {
            continue;
        };
        for (metode, op) in item.iter_mut() {
            if !matches!(metode.as_str(), "get" | "put" | "post" | "delete" | "patch") {
                continue;
            }
            // `security: [{}]` is a public operation; no `security` falls back to the global one.
            let aman = match op["security"].as_array() {
                Some(s) => s
                    .iter()
                    .any(|r| r.as_object().is_some_and(|r| !r.is_empty())),
                None => global_aman,
            };
            let param = op["parameters"].as_array().cloned().unwrap_or_default();
            let di = |tempat: &'static str| param.iter().filter(move |p| p["in"] == tempat);
            let badan = op.get("requestBody").is_some();
            let mut kode = Vec::new();
            if aman {
                kode.push("401");
            }
            if badan {
                kode.push("400");
            }
            if badan
                || di("query").next().is_some()
                || di("path").any(|p| {
                    let nama = p["name"].as_str().unwrap_or_default();
                    nama != "id" && !nama.ends_with("_id")
                })
            {
                kode.push("422");
            }
            if di("path").next().is_some() {
                kode.push("404");
            }
            let jawaban = &mut op["responses"];
            for k in kode {
                if jawaban.get(k).is_none() {
                    jawaban[k] = json!({"description": ""});
                }
            }
            let Some(jawaban) = jawaban.as_object_mut() else {
                continue;
            };
            for (k, j) in jawaban.iter_mut() {
                let galat = k.starts_with('4') || k.starts_with('5');
                if !galat || j.get("content").is_some() || j.get("$ref").is_some() {
                    continue;
                }
                if j["description"].as_str().is_none_or(str::is_empty) {
                    j["description"] = json!(keterangan(k));
                }
                j["content"] =
                    json!({"application/json": {"schema": {"$ref": "#/components/schemas/Galat"}}});
            }
        }
    }
}

/// The default description of an error status.
fn keterangan(kode: &str) -> &'static str {
    match kode {
        "400" => "Malformed request: not JSON, or not the documented shape",
        "401" => "Not logged in, or the session or token has expired or been revoked",
        "403" => "Logged in but not allowed",
        "404" => "Unknown, or not visible to the caller",
        "409" => "Stale version or a state that does not allow this",
        "413" => "Too large",
        "422" => "A value is not valid; `fields` names each field and its fault",
        "429" => "Too many attempts; wait the seconds in Retry-After",
        _ => "Error",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every operation's parameters are where its path says, and every error it documents
    /// has the error body.
    #[test]
    fn parameter_dan_jawaban_galat() {
        let d = dokumen_json();
        let mut salah = Vec::new();
        let paths = d["paths"].as_object().unwrap();
        assert!(paths.len() > 50);
        for (path, item) in paths {
            let templat: std::collections::BTreeSet<&str> = path
                .split('/')
                .filter_map(|b| b.strip_prefix('{')?.strip_suffix('}'))
                .collect();
            for (metode, op) in item.as_object().unwrap() {
                let di_path: std::collections::BTreeSet<&str> = op["parameters"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter(|p| p["in"] == "path")
                    .filter_map(|p| p["name"].as_str())
                    .collect();
                if di_path != templat {
                    salah.push(format!("{metode} {path}: path parameters {di_path:?}"));
                }
                for (kode, j) in op["responses"].as_object().unwrap() {
                    let skema = &j["content"]["application/json"]["schema"]["$ref"];
                    if kode.starts_with('4') && skema != "#/components/schemas/Galat" {
                        salah.push(format!("{metode} {path}: {kode} without the error body"));
                    }
                }
                let aman = op["security"].as_array().is_none_or(|s| {
                    s.iter()
                        .any(|r| r.as_object().is_some_and(|r| !r.is_empty()))
                });
                if aman && op["responses"].get("401").is_none() {
                    salah.push(format!("{metode} {path}: no 401"));
                }
            }
        }
        assert!(salah.is_empty(), "{}", salah.join("\n"));
        assert_eq!(
            d["paths"]["/api/v1/auth/login"]["post"]["responses"]
                .get("401")
                .map(|j| j["description"].is_string()),
            Some(true),
            "login documents its own 401 (wrong password)"
        );
    }
}
