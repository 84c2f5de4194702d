//! Templates (minijinja, auto-escaped HTML) and the `t("key")` function over the catalogue.

use crate::i18n::Katalog;
use minijinja::{Environment, State, Value};
use std::sync::Arc;

pub const TEMPLAT: &[(&str, &str)] = &[
    ("base.html", include_str!("../templates/base.html")),
    ("_penilai.html", include_str!("../templates/_penilai.html")),
    ("masuk.html", include_str!("../templates/masuk.html")),
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
];

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
