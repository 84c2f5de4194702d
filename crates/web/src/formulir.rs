//! What every form page shares: reading typed values (text, numbers, dates), deciding which
//! errors are shown next to the form that was sent, and the labels of enumerations.

use chrono::NaiveDate;
use kinerja_app::AppError;
use kinerja_domain::enumerasi::Enumerasi;
use minijinja::{context, Value};
use std::collections::BTreeMap;

/// Trimmed text; empty is none.
pub(crate) fn teks(s: &str) -> Option<String> {
    Some(s.trim().to_string()).filter(|s| !s.is_empty())
}

/// A number typed in a form (e.g. a hidden version); empty is none.
pub(crate) fn angka(bidang: &str, s: &str) -> Result<Option<i64>, AppError> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    s.parse()
        .map(Some)
        .map_err(|_| AppError::bidang_tidak_valid(bidang, "Harus berupa angka"))
}

/// A `<input type="date">` value; empty is none.
pub(crate) fn tanggal(bidang: &str, s: &str) -> Result<Option<NaiveDate>, AppError> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| AppError::bidang_tidak_valid(bidang, "Tanggal tidak terbaca (TTTT-BB-HH)"))
}

/// Errors that belong next to the form that was sent (the page is shown again); others get the
/// error page. A refused file (too large) is shown by its form too.
pub(crate) fn galat_form(e: &AppError) -> bool {
    matches!(
        e,
        AppError::TidakValid { .. }
            | AppError::Konflik(_)
            | AppError::PermintaanSalah { .. }
            | AppError::TerlaluBesar(_)
    )
}

/// The error of one form: which form (`form`), the message, the fields, and what was typed.
pub(crate) fn galat_untuk(form: &str, e: &AppError, isian: Value) -> Value {
    context! { form, pesan => e.to_string(), bidang => e.bidang(), isian }
}

/// No value (no error) for a template.
pub(crate) fn kosong() -> Value {
    Value::from(())
}

/// Code → Indonesian label of an enumeration, for templates (`label.status[x.status]`).
pub(crate) fn peta<T: Enumerasi>() -> BTreeMap<&'static str, &'static str> {
    T::SEMUA.iter().map(|v| (v.kode(), v.label())).collect()
}
