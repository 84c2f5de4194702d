//! Errors of the use cases, each with the HTTP status the API gives it (see `api.md`) and a
//! message in Bahasa Indonesia that names the field where one is at fault.

use kinerja_store::StoreError;
use std::collections::BTreeMap;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum AppError {
    /// 400: the request itself is malformed (not JSON, wrong shape).
    #[error("{pesan}")]
    PermintaanSalah {
        pesan: String,
        bidang: BTreeMap<String, String>,
    },
    /// 401: not logged in, or the credentials are wrong.
    #[error("{0}")]
    BelumMasuk(String),
    /// 403: logged in but not allowed.
    #[error("{0}")]
    Dilarang(String),
    /// 404: unknown, or something the caller may not know exists.
    #[error("{0}")]
    TidakDitemukan(String),
    /// 409: stale version or wrong state.
    #[error("{0}")]
    Konflik(String),
    /// 422: well-formed but invalid values; `bidang` maps each field to its message.
    #[error("{pesan}")]
    TidakValid {
        pesan: String,
        bidang: BTreeMap<String, String>,
    },
    /// 422: an import file with errors; nothing was written. Each error names sheet, row, column.
    #[error("{pesan}")]
    ImporDitolak {
        pesan: String,
        galat: Vec<GalatImpor>,
    },
    /// 413: an upload over the size limit.
    #[error("{0}")]
    TerlaluBesar(String),
    /// 429: too many attempts; the answer carries `Retry-After` with the seconds to wait.
    #[error("{pesan}")]
    TerlaluBanyak { pesan: String, coba_lagi_detik: u64 },
    /// 500: a fault of ours, never of the input.
    #[error("Terjadi kesalahan pada server; silakan coba lagi")]
    Internal(String),
}

/// One fault in an import file (sheet, row, column, message).
pub use kinerja_impor::GalatImpor;

pub type AppResult<T> = Result<T, AppError>;

impl AppError {
    pub fn status(&self) -> u16 {
        match self {
            AppError::PermintaanSalah { .. } => 400,
            AppError::BelumMasuk(_) => 401,
            AppError::Dilarang(_) => 403,
            AppError::TidakDitemukan(_) => 404,
            AppError::Konflik(_) => 409,
            AppError::TidakValid { .. } | AppError::ImporDitolak { .. } => 422,
            AppError::TerlaluBesar(_) => 413,
            AppError::TerlaluBanyak { .. } => 429,
            AppError::Internal(_) => 500,
        }
    }

    /// The machine code of `{"error": {"code": …}}`.
    pub fn kode(&self) -> &'static str {
        match self {
            AppError::PermintaanSalah { .. } => "permintaan_salah",
            AppError::BelumMasuk(_) => "belum_masuk",
            AppError::Dilarang(_) => "dilarang",
            AppError::TidakDitemukan(_) => "tidak_ditemukan",
            AppError::Konflik(_) => "konflik",
            AppError::TidakValid { .. } => "tidak_valid",
            AppError::ImporDitolak { .. } => "impor_ditolak",
            AppError::TerlaluBesar(_) => "berkas_terlalu_besar",
            AppError::TerlaluBanyak { .. } => "terlalu_banyak",
            AppError::Internal(_) => "internal",
        }
    }

    /// Field → message, for `{"error": {"fields": …}}`. Import errors are keyed
    /// `<sheet>[<row>].<column>`.
    pub fn bidang(&self) -> BTreeMap<String, String> {
        match self {
            AppError::PermintaanSalah { bidang, .. } | AppError::TidakValid { bidang, .. } => {
                bidang.clone()
            }
            AppError::ImporDitolak { galat, .. } => galat
                .iter()
                .map(|g| {
                    (
                        format!("{}[{}].{}", g.lembar, g.baris, g.kolom),
                        g.pesan.clone(),
                    )
                })
                .collect(),
            _ => BTreeMap::new(),
        }
    }

    /// Seconds to wait before trying again (`Retry-After`), for a 429.
    pub fn coba_lagi_detik(&self) -> Option<u64> {
        match self {
            AppError::TerlaluBanyak {
                coba_lagi_detik, ..
            } => Some(*coba_lagi_detik),
            _ => None,
        }
    }

    /// 422 for one field.
    pub fn bidang_tidak_valid(bidang: &str, pesan: impl Into<String>) -> Self {
        let pesan = pesan.into();
        AppError::TidakValid {
            pesan: format!("Nilai tidak valid pada {bidang}: {pesan}"),
            bidang: BTreeMap::from([(bidang.to_string(), pesan)]),
        }
    }

    /// 422 for one field, the message as given.
    pub fn bidang_tidak_valid_persis(bidang: &str, pesan: impl Into<String>) -> Self {
        let pesan = pesan.into();
        AppError::TidakValid {
            pesan: pesan.clone(),
            bidang: BTreeMap::from([(bidang.to_string(), pesan)]),
        }
    }

    /// 422 for several fields at once.
    pub fn tidak_valid(bidang: BTreeMap<String, String>) -> Self {
        let daftar: Vec<&str> = bidang.keys().map(String::as_str).collect();
        AppError::TidakValid {
            pesan: format!("Nilai tidak valid pada: {}", daftar.join(", ")),
            bidang,
        }
    }

    pub fn hanya_admin() -> Self {
        AppError::Dilarang("Hanya admin BKPSDM yang berhak melakukan ini".into())
    }
}

/// Free text typed by a user: trimmed, empty is none, longer than `maks` characters is a 422 on
/// `bidang`.
pub(crate) fn teks_bebas(
    v: &Option<String>,
    bidang: &str,
    maks: usize,
) -> AppResult<Option<String>> {
    match v.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(t) if t.chars().count() > maks => Err(AppError::bidang_tidak_valid(
            bidang,
            format!("Paling panjang {maks} karakter"),
        )),
        Some(t) => Ok(Some(t.to_string())),
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Konflik(m) => {
                AppError::Konflik(format!("Data bertentangan dengan data yang ada: {m}"))
            }
            StoreError::TidakDitemukan(m) => {
                AppError::TidakDitemukan(format!("Data tidak ditemukan: {m}"))
            }
            StoreError::Basis(m) | StoreError::Rusak(m) => AppError::Internal(m),
        }
    }
}

impl From<kinerja_domain::skp::GalatSkp> for AppError {
    fn from(e: kinerja_domain::skp::GalatSkp) -> Self {
        use kinerja_domain::skp::GalatSkp;
        match e {
            GalatSkp::TidakValid { bidang, pesan } => AppError::TidakValid {
                pesan: pesan.clone(),
                bidang: BTreeMap::from([(bidang, pesan)]),
            },
            GalatSkp::Status(m) => AppError::Konflik(m),
            GalatSkp::TidakAda(m) => AppError::TidakDitemukan(m),
        }
    }
}

impl From<kinerja_bukti::GalatBukti> for AppError {
    fn from(e: kinerja_bukti::GalatBukti) -> Self {
        use kinerja_bukti::GalatBukti;
        match e {
            GalatBukti::TerlaluBesar { .. } => AppError::TerlaluBesar(e.to_string()),
            GalatBukti::TidakAda => AppError::TidakDitemukan(e.to_string()),
            GalatBukti::Io(io) => AppError::Internal(format!("penyimpanan bukti: {io}")),
            lain => AppError::bidang_tidak_valid_persis("berkas", lain.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn teks_dipangkas_dan_dibatasi() {
        assert_eq!(
            teks_bebas(&Some("  a ".into()), "x", 5).unwrap(),
            Some("a".into())
        );
        assert_eq!(teks_bebas(&Some("   ".into()), "x", 5).unwrap(), None);
        assert_eq!(teks_bebas(&None, "x", 5).unwrap(), None);
        let e = teks_bebas(&Some("abcdef".into()), "catatan", 5).unwrap_err();
        assert_eq!(e.status(), 422);
        assert!(e.bidang().contains_key("catatan"));
    }
}
