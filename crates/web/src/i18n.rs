//! The UI's words: one catalogue per language (`i18n/id*.txt`, `i18n/en*.txt`: the core file and
//! one file per later capability), Bahasa Indonesia first. A key missing from a catalogue falls
//! back to Indonesian; a test keeps both complete.

use std::collections::HashMap;

#[derive(Debug)]
pub struct Katalog {
    bahasa: HashMap<&'static str, HashMap<String, String>>,
}

pub const BAHASA: &[(&str, &[&str])] = &[
    (
        "id",
        &[
            include_str!("../i18n/id.txt"),
            include_str!("../i18n/id-penghargaan-sanksi.txt"),
            include_str!("../i18n/id-pemantauan.txt"),
            include_str!("../i18n/id-talenta.txt"),
            include_str!("../i18n/id-profil.txt"),
            include_str!("../i18n/id-masuk.txt"),
        ],
    ),
    (
        "en",
        &[
            include_str!("../i18n/en.txt"),
            include_str!("../i18n/en-penghargaan-sanksi.txt"),
            include_str!("../i18n/en-pemantauan.txt"),
            include_str!("../i18n/en-talenta.txt"),
            include_str!("../i18n/en-profil.txt"),
            include_str!("../i18n/en-masuk.txt"),
        ],
    ),
];

fn baca(bagian: &[&str]) -> HashMap<String, String> {
    bagian
        .iter()
        .flat_map(|teks| teks.lines())
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect()
}

impl Default for Katalog {
    fn default() -> Self {
        Katalog {
            bahasa: BAHASA.iter().map(|(b, t)| (*b, baca(t))).collect(),
        }
    }
}

impl Katalog {
    /// The text for `kunci` in `bahasa` (falling back to Indonesian, then to the key itself).
    pub fn t<'a>(&'a self, bahasa: &str, kunci: &'a str) -> &'a str {
        self.bahasa
            .get(bahasa)
            .and_then(|m| m.get(kunci))
            .or_else(|| self.bahasa.get("id").and_then(|m| m.get(kunci)))
            .map(String::as_str)
            .unwrap_or(kunci)
    }

    pub fn kunci(&self, bahasa: &str) -> Vec<&str> {
        let mut v: Vec<&str> = self
            .bahasa
            .get(bahasa)
            .map(|m| m.keys().map(String::as_str).collect())
            .unwrap_or_default();
        v.sort();
        v
    }
}

/// `id` or `en`; anything else is Indonesian.
pub fn normal(b: &str) -> &'static str {
    if b == "en" {
        "en"
    } else {
        "id"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kedua_katalog_memuat_kunci_yang_sama() {
        let k = Katalog::default();
        assert_eq!(k.kunci("id"), k.kunci("en"));
        assert!(k.kunci("id").len() > 50);
    }

    #[test]
    fn tiada_kunci_ganda_antar_berkas() {
        for (bahasa, bagian) in BAHASA {
            let mut terlihat = std::collections::HashSet::new();
            for teks in *bagian {
                for l in teks.lines().map(str::trim) {
                    if l.is_empty() || l.starts_with('#') {
                        continue;
                    }
                    if let Some((k, _)) = l.split_once('=') {
                        assert!(
                            terlihat.insert(k.trim()),
                            "{bahasa}: kunci '{}' ganda",
                            k.trim()
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn setiap_kunci_di_templat_ada_di_katalog() {
        let k = Katalog::default();
        let kunci: std::collections::HashSet<&str> = k.kunci("id").into_iter().collect();
        let re = ["t(\"", "t('"];
        for (nama, isi) in crate::tampilan::TEMPLAT {
            for pola in re {
                for bagian in isi.split(pola).skip(1) {
                    let key: String = bagian
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '.' || *c == '_')
                        .collect();
                    if key.ends_with('.') {
                        continue; // composed keys such as "penilai." ~ label
                    }
                    assert!(
                        kunci.contains(key.as_str()),
                        "{nama}: kunci '{key}' tidak ada di katalog"
                    );
                }
            }
        }
    }
}
