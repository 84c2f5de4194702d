//! The calculators of `api.md`: stateless previews of the rules, for the UI and integrators.
//! Each takes raw text parameters and answers with the rule's result or a 422 naming the field.

use crate::akses::Pengguna;
use crate::error::{AppError, AppResult};
use crate::App;
use kinerja_domain::angka_kredit::{angka_kredit, AngkaKredit};
use kinerja_domain::distribusi::{periksa, HasilDistribusi, Jumlah};
use kinerja_domain::kuadran::{predikat, CapaianOrganisasi, Predikat, Rating};
use kinerja_domain::tugas_belajar::{predikat_ipk, Akreditasi, Ipk, JenjangPendidikan, Lokasi};
use kinerja_domain::Jenjang;
use std::collections::{BTreeMap, HashMap};
use std::str::FromStr;

/// Parse a required parameter, collecting its error under its own name.
fn wajib<T: FromStr>(
    galat: &mut BTreeMap<String, String>,
    bidang: &str,
    v: Option<&str>,
) -> Option<T>
where
    T::Err: std::fmt::Display,
{
    match v.map(str::trim).filter(|s| !s.is_empty()) {
        None => {
            galat.insert(bidang.into(), format!("{bidang} wajib diisi"));
            None
        }
        Some(s) => match s.parse() {
            Ok(v) => Some(v),
            Err(e) => {
                galat.insert(bidang.into(), e.to_string());
                None
            }
        },
    }
}

fn selesai<T>(galat: BTreeMap<String, String>, v: Option<T>) -> AppResult<T> {
    match v {
        Some(v) if galat.is_empty() => Ok(v),
        _ => Err(AppError::tidak_valid(galat)),
    }
}

/// `GET /api/v1/rules/predikat`.
pub fn hitung_predikat(hasil_kerja: Option<&str>, perilaku: Option<&str>) -> AppResult<Predikat> {
    let mut g = BTreeMap::new();
    let h: Option<Rating> = wajib(&mut g, "hasil_kerja", hasil_kerja);
    let p: Option<Rating> = wajib(&mut g, "perilaku", perilaku);
    selesai(g, h.zip(p).map(|(h, p)| predikat(h, p)))
}

/// `GET /api/v1/rules/angka-kredit` (`bulan` defaults to 12).
pub fn hitung_angka_kredit(
    jenjang: Option<&str>,
    predikat: Option<&str>,
    bulan: Option<&str>,
) -> AppResult<AngkaKredit> {
    let mut g = BTreeMap::new();
    let j: Option<Jenjang> = wajib(&mut g, "jenjang", jenjang);
    let p: Option<Predikat> = wajib(&mut g, "predikat", predikat);
    let b: Option<u32> = match bulan.map(str::trim).filter(|s| !s.is_empty()) {
        None => Some(12),
        Some(s) => match s.parse::<u32>() {
            Ok(b) if (1..=12).contains(&b) => Some(b),
            _ => {
                g.insert(
                    "bulan".into(),
                    "bulan harus bilangan bulat 1 sampai 12".into(),
                );
                None
            }
        },
    };
    let (j, p, b) = match (j, p, b) {
        (Some(j), Some(p), Some(b)) if g.is_empty() => (j, p, b),
        _ => return Err(AppError::tidak_valid(g)),
    };
    angka_kredit(j, p, b).map_err(|e| AppError::bidang_tidak_valid("bulan", e.to_string()))
}

/// `GET /api/v1/rules/tugas-belajar`.
pub fn hitung_tugas_belajar(
    jenjang_pendidikan: Option<&str>,
    lokasi: Option<&str>,
    akreditasi_pt: Option<&str>,
    akreditasi_prodi: Option<&str>,
    ipk: Option<&str>,
) -> AppResult<Predikat> {
    let mut g = BTreeMap::new();
    let jp: Option<JenjangPendidikan> = wajib(&mut g, "jenjang_pendidikan", jenjang_pendidikan);
    let lk: Option<Lokasi> = wajib(&mut g, "lokasi", lokasi);
    let mut akr = |bidang: &'static str, v: Option<&str>| -> Option<Akreditasi> {
        let s = v.map(str::trim).filter(|s| !s.is_empty())?;
        match Akreditasi::parse(bidang, s) {
            Ok(a) => Some(a),
            Err(e) => {
                g.insert(bidang.into(), e.to_string());
                None
            }
        }
    };
    let pt = akr("akreditasi_pt", akreditasi_pt);
    let prodi = akr("akreditasi_prodi", akreditasi_prodi);
    let ipk: Option<Ipk> = wajib(&mut g, "ipk", ipk);
    let (jp, lk, ipk) = match (jp, lk, ipk) {
        (Some(a), Some(b), Some(c)) if g.is_empty() => (a, b, c),
        _ => return Err(AppError::tidak_valid(g)),
    };
    predikat_ipk(jp, lk, pt, prodi, ipk)
        .map_err(|e| AppError::bidang_tidak_valid(e.bidang(), e.to_string()))
}

/// The body of `POST /api/v1/rules/distribusi`, before validation.
#[derive(Debug, Clone, serde::Deserialize, utoipa::ToSchema)]
pub struct PermintaanDistribusi {
    pub capaian_organisasi: Option<String>,
    /// Count per predikat; missing predikat count as 0.
    #[serde(default)]
    pub jumlah: HashMap<String, serde_json::Value>,
}

impl App {
    /// `POST /api/v1/rules/distribusi`: the check against the instansi's policy profile.
    pub async fn hitung_distribusi(
        &self,
        p: &Pengguna,
        req: &PermintaanDistribusi,
    ) -> AppResult<HasilDistribusi> {
        let mut g = BTreeMap::new();
        let capaian: Option<CapaianOrganisasi> = wajib(
            &mut g,
            "capaian_organisasi",
            req.capaian_organisasi.as_deref(),
        );
        let mut jumlah = Jumlah::new();
        for (k, v) in &req.jumlah {
            let bidang = format!("jumlah.{k}");
            let pred = match k.parse::<Predikat>() {
                Ok(pr) => pr,
                Err(e) => {
                    g.insert(bidang, e.to_string());
                    continue;
                }
            };
            match v.as_u64().filter(|n| *n <= 1_000_000) {
                Some(n) => {
                    jumlah.insert(pred, n as u32);
                }
                None => {
                    g.insert(bidang, "jumlah harus bilangan bulat tidak negatif".into());
                }
            }
        }
        let capaian = selesai(g, capaian)?;
        let profil = self.profil_berlaku(p.instansi_id()).await?;
        Ok(periksa(&profil.distribusi, capaian, &jumlah))
    }

    /// The policy profile in force this year in WIB (the default profile when none is set).
    pub async fn profil_berlaku(
        &self,
        instansi_id: i64,
    ) -> AppResult<kinerja_domain::profil::ProfilKebijakan> {
        self.profil_tahun(instansi_id, crate::profil::tahun_ini())
            .await
    }

    /// The policy profile in force for a year: the newest version set for that year or before
    /// (the default profile when none is set).
    pub async fn profil_tahun(
        &self,
        instansi_id: i64,
        tahun: i32,
    ) -> AppResult<kinerja_domain::profil::ProfilKebijakan> {
        Ok(self
            .store
            .profil(instansi_id, tahun)
            .await?
            .unwrap_or_default())
    }
}
