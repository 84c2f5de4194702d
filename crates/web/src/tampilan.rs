//! Templates (minijinja, auto-escaped HTML) and the `t("key")` function over the catalogue.

use crate::i18n::Katalog;
use chrono::{DateTime, NaiveDate, Timelike, Utc};
use kinerja_domain::periode::tanggal_indonesia;
use minijinja::{Environment, State, Value};
use std::sync::Arc;

pub const TEMPLAT: &[(&str, &str)] = &[
    ("base.html", include_str!("../templates/base.html")),
    ("_penilai.html", include_str!("../templates/_penilai.html")),
    ("masuk.html", include_str!("../templates/masuk.html")),
    (
        "akun_password.html",
        include_str!("../templates/akun_password.html"),
    ),
    (
        "beranda_admin.html",
        include_str!("../templates/beranda_admin.html"),
    ),
    (
        "beranda_pegawai.html",
        include_str!("../templates/beranda_pegawai.html"),
    ),
    (
        "organisasi.html",
        include_str!("../templates/organisasi.html"),
    ),
    ("unit.html", include_str!("../templates/unit.html")),
    (
        "pegawai_cari.html",
        include_str!("../templates/pegawai_cari.html"),
    ),
    ("pegawai.html", include_str!("../templates/pegawai.html")),
    (
        "kalkulator.html",
        include_str!("../templates/kalkulator.html"),
    ),
    ("impor.html", include_str!("../templates/impor.html")),
    ("galat.html", include_str!("../templates/galat.html")),
    ("skp_saya.html", include_str!("../templates/skp_saya.html")),
    ("skp.html", include_str!("../templates/skp.html")),
    (
        "skp_versi.html",
        include_str!("../templates/skp_versi.html"),
    ),
    ("matriks.html", include_str!("../templates/matriks.html")),
    (
        "penugasan.html",
        include_str!("../templates/penugasan.html"),
    ),
    (
        "monitoring.html",
        include_str!("../templates/monitoring.html"),
    ),
    (
        "realisasi.html",
        include_str!("../templates/realisasi.html"),
    ),
    (
        "realisasi_tim.html",
        include_str!("../templates/realisasi_tim.html"),
    ),
    (
        "umpan_balik.html",
        include_str!("../templates/umpan_balik.html"),
    ),
    (
        "umpan_balik_saya.html",
        include_str!("../templates/umpan_balik_saya.html"),
    ),
    (
        "notifikasi.html",
        include_str!("../templates/notifikasi.html"),
    ),
    (
        "laporan_penugasan.html",
        include_str!("../templates/laporan_penugasan.html"),
    ),
    (
        "evaluasi_bagian.html",
        include_str!("../templates/evaluasi_bagian.html"),
    ),
    (
        "evaluasi_tim.html",
        include_str!("../templates/evaluasi_tim.html"),
    ),
    (
        "evaluasi_detail.html",
        include_str!("../templates/evaluasi_detail.html"),
    ),
    (
        "evaluasi_saya.html",
        include_str!("../templates/evaluasi_saya.html"),
    ),
    ("capaian.html", include_str!("../templates/capaian.html")),
    ("laporan.html", include_str!("../templates/laporan.html")),
    (
        "verifikasi.html",
        include_str!("../templates/verifikasi.html"),
    ),
    ("bundel.html", include_str!("../templates/bundel.html")),
    // Follow-up (issue 7): rewards and sanction cases.
    (
        "penghargaan.html",
        include_str!("../templates/penghargaan.html"),
    ),
    ("sanksi.html", include_str!("../templates/sanksi.html")),
    (
        "sanksi_daftar.html",
        include_str!("../templates/sanksi_daftar.html"),
    ),
    // Monitoring dashboards.
    (
        "pemantauan.html",
        include_str!("../templates/pemantauan.html"),
    ),
    // Talent grid and angka kredit.
    ("talenta.html", include_str!("../templates/talenta.html")),
    (
        "angka_kredit.html",
        include_str!("../templates/angka_kredit.html"),
    ),
    (
        "talenta_pegawai.html",
        include_str!("../templates/talenta_pegawai.html"),
    ),
    // Policy profile.
    ("profil.html", include_str!("../templates/profil.html")),
    (
        "distribusi.html",
        include_str!("../templates/distribusi.html"),
    ),
    (
        "peringkat.html",
        include_str!("../templates/peringkat.html"),
    ),
    (
        "keberatan_daftar.html",
        include_str!("../templates/keberatan_daftar.html"),
    ),
    (
        "keberatan.html",
        include_str!("../templates/keberatan.html"),
    ),
];

/// A moment as it is in Western Indonesia (WIB), where the instansi works.
fn wib(v: &str) -> Option<chrono::NaiveDateTime> {
    DateTime::parse_from_rfc3339(v)
        .ok()
        .map(|t| kinerja_domain::periode::waktu_wib(t.with_timezone(&Utc)))
}

/// `{{ d|tanggal }}`: a date (`2026-01-31`) or a moment as "31 Januari 2026"; empty for none.
fn tanggal(v: Value) -> String {
    let Some(s) = v.as_str() else {
        return String::new();
    };
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return tanggal_indonesia(d);
    }
    wib(s)
        .map(|t| tanggal_indonesia(t.date()))
        .unwrap_or_else(|| s.to_string())
}

/// `{{ t|waktu }}`: a moment as "31 Januari 2026 14.05 WIB".
fn waktu(v: Value) -> String {
    let Some(s) = v.as_str() else {
        return String::new();
    };
    match wib(s) {
        Some(t) => format!(
            "{} {:02}.{:02} WIB",
            tanggal_indonesia(t.date()),
            t.hour(),
            t.minute()
        ),
        None => s.to_string(),
    }
}

pub struct Tampilan {
    env: Environment<'static>,
    pub katalog: Arc<Katalog>,
}

impl Tampilan {
    pub fn new() -> Self {
        let katalog = Arc::new(Katalog::default());
        let mut env = Environment::new();
        for (nama, isi) in TEMPLAT {
            env.add_template(nama, isi)
                .unwrap_or_else(|e| panic!("templat {nama} rusak: {e}"));
        }
        env.add_filter("tanggal", tanggal);
        env.add_filter("waktu", waktu);
        let k = katalog.clone();
        env.add_function("t", move |state: &State, kunci: &str| -> String {
            let lang = state
                .lookup("lang")
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_else(|| "id".into());
            k.t(&lang, kunci).to_string()
        });
        Tampilan { env, katalog }
    }

    pub fn render(&self, nama: &str, ctx: Value) -> Result<String, minijinja::Error> {
        self.env.get_template(nama)?.render(ctx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tanggal_dan_waktu_gaya_indonesia() {
        assert_eq!(tanggal(Value::from("2026-01-31")), "31 Januari 2026");
        assert_eq!(
            tanggal(Value::from("2026-03-01T20:30:00Z")),
            "2 Maret 2026",
            "a moment is dated in WIB"
        );
        assert_eq!(
            waktu(Value::from("2026-03-01T02:05:09.123Z")),
            "1 Maret 2026 09.05 WIB"
        );
        assert_eq!(tanggal(Value::from(())), "");
    }
}
