//! The policy profile page (`/profil`, HR admin): the versions by year, a year selector, the
//! profile in force for the chosen year as one server-rendered form (period length, each
//! capaian's distribution bounds, the TPP table with one row per predikat, reminders, place on
//! documents, sanction wording, login security), a form for a new version, and the rater table (Lampiran II)
//! with its CSV form. A refused form comes back with the messages next to its fields and the
//! values as submitted; a stale one (409) says so and shows the current values. No JavaScript.

use crate::api_profil::tahun_path;
use crate::halaman::{coba, opsi, status_galat, wajib, Sesi};
use crate::Keadaan;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use kinerja_app::akses::Pengguna;
use kinerja_app::profil::{tahun_ini, ProfilTahun, UbahProfil, UbahTabelPenilai, VersiProfilBaru};
use kinerja_app::AppError;
use kinerja_domain::distribusi::{Batas, JenisBatas, KurvaCapaian, PedomanDistribusi};
use kinerja_domain::kuadran::{CapaianOrganisasi, Predikat};
use kinerja_domain::pelaksanaan::kalender::{FrekuensiUmpanBalik, Kalender};
use kinerja_domain::profil::{JenisPeriode, KeamananMasuk, PotonganTpp, ProfilKebijakan};
use kinerja_domain::sanksi::RedaksiSanksi;
use minijinja::{context, Value};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

pub fn rute() -> Router<Keadaan> {
    Router::new()
        .route("/profil", get(halaman).post(buat))
        .route("/profil/tabel-penilai", post(ubah_tabel_penilai))
        .route("/profil/{tahun}", post(ubah))
}

/// One bound of a curve as the form holds it (text, as typed).
#[derive(Debug, Clone, Default, Serialize)]
struct IsianBatas {
    predikat: Vec<String>,
    batas: String,
    persen: String,
    minimal_pegawai: String,
    /// Ticked to remove the bound.
    hapus: bool,
}

impl IsianBatas {
    /// A row to drop: ticked for removal, or left blank (the blank row for a new bound).
    fn dibuang(&self) -> bool {
        self.hapus
            || (self.predikat.is_empty()
                && self.persen.trim().is_empty()
                && matches!(self.minimal_pegawai.trim(), "" | "0"))
    }
}

/// The profile form's values as text, from a stored profile or from a submitted form.
#[derive(Debug, Clone, Serialize)]
struct IsianProfil {
    periode: String,
    /// Per capaian (every one, in order): its bounds, and one blank row to add a bound.
    distribusi: Vec<(String, Vec<IsianBatas>)>,
    /// Per predikat (every one, in order): the deduction in percent.
    tpp: Vec<(String, String)>,
    hari_pengingat: String,
    frekuensi_umpan_balik: String,
    hari_evaluasi: String,
    tempat_dokumen: String,
    pemberhentian: String,
    /// Login protection (`keamanan_masuk.<setting>`).
    maks_gagal_akun: String,
    maks_gagal_alamat: String,
    jendela_menit: String,
    kunci_akun: bool,
    lama_kunci_menit: String,
}

impl IsianProfil {
    fn dari_profil(p: &ProfilKebijakan) -> IsianProfil {
        let distribusi = CapaianOrganisasi::SEMUA
            .iter()
            .map(|c| {
                let baris = p
                    .distribusi
                    .kurva_untuk(*c)
                    .map(|k| {
                        k.batas
                            .iter()
                            .map(|b| IsianBatas {
                                predikat: b.predikat.iter().map(|x| x.kode().to_string()).collect(),
                                batas: b.batas.kode().to_string(),
                                persen: b.persen.to_string(),
                                minimal_pegawai: b.minimal_pegawai.to_string(),
                                hapus: false,
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                (c.kode().to_string(), baris)
            })
            .collect();
        IsianProfil {
            periode: p.periode.kode().to_string(),
            distribusi,
            tpp: Predikat::SEMUA
                .iter()
                .map(|pr| {
                    let n = p
                        .tpp
                        .iter()
                        .find(|t| t.predikat == *pr)
                        .map(|t| t.persen_potongan.to_string())
                        .unwrap_or_default();
                    (pr.kode().to_string(), n)
                })
                .collect(),
            hari_pengingat: p.kalender.hari_pengingat.to_string(),
            frekuensi_umpan_balik: p.kalender.frekuensi_umpan_balik.kode().to_string(),
            hari_evaluasi: p.kalender.hari_evaluasi.to_string(),
            tempat_dokumen: p.tempat_dokumen.clone(),
            pemberhentian: p.redaksi_sanksi.pemberhentian.clone(),
            maks_gagal_akun: p.keamanan_masuk.maks_gagal_akun.to_string(),
            maks_gagal_alamat: p.keamanan_masuk.maks_gagal_alamat.to_string(),
            jendela_menit: p.keamanan_masuk.jendela_menit.to_string(),
            kunci_akun: p.keamanan_masuk.kunci_akun,
            lama_kunci_menit: p.keamanan_masuk.lama_kunci_menit.to_string(),
        }
    }

    /// The values of a submitted form (`distribusi.<capaian>.<i>.<part>`, `tpp.<predikat>`, …).
    fn dari_form(isian: &[(String, String)]) -> IsianProfil {
        let satu = |k: &str| {
            isian
                .iter()
                .find(|(n, _)| n == k)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        };
        let mut baris: BTreeMap<(usize, usize), IsianBatas> = BTreeMap::new();
        for (nama, nilai) in isian {
            let Some(sisa) = nama.strip_prefix("distribusi.") else {
                continue;
            };
            let mut bagian = sisa.splitn(3, '.');
            let (Some(c), Some(i), Some(apa)) = (bagian.next(), bagian.next(), bagian.next())
            else {
                continue;
            };
            let (Some(ci), Ok(i)) = (
                CapaianOrganisasi::SEMUA.iter().position(|x| x.kode() == c),
                i.parse::<usize>(),
            ) else {
                continue;
            };
            if i > 50 {
                continue;
            }
            let b = baris.entry((ci, i)).or_default();
            match apa {
                "predikat" => b.predikat.push(nilai.clone()),
                "batas" => b.batas = nilai.clone(),
                "persen" => b.persen = nilai.clone(),
                "minimal_pegawai" => b.minimal_pegawai = nilai.clone(),
                "hapus" => b.hapus = true,
                _ => {}
            }
        }
        let distribusi = CapaianOrganisasi::SEMUA
            .iter()
            .enumerate()
            .map(|(ci, c)| {
                let isi: Vec<IsianBatas> = baris
                    .range((ci, 0)..(ci + 1, 0))
                    .map(|(_, b)| b.clone())
                    .filter(|b| !b.dibuang())
                    .collect();
                (c.kode().to_string(), isi)
            })
            .collect();
        IsianProfil {
            periode: satu("periode"),
            distribusi,
            tpp: Predikat::SEMUA
                .iter()
                .map(|p| (p.kode().to_string(), satu(&format!("tpp.{}", p.kode()))))
                .collect(),
            hari_pengingat: satu("kalender.hari_pengingat"),
            frekuensi_umpan_balik: satu("kalender.frekuensi_umpan_balik"),
            hari_evaluasi: satu("kalender.hari_evaluasi"),
            tempat_dokumen: satu("tempat_dokumen"),
            pemberhentian: satu("redaksi_sanksi.pemberhentian"),
            maks_gagal_akun: satu("keamanan_masuk.maks_gagal_akun"),
            maks_gagal_alamat: satu("keamanan_masuk.maks_gagal_alamat"),
            jendela_menit: satu("keamanan_masuk.jendela_menit"),
            // A checkbox: present when ticked.
            kunci_akun: isian.iter().any(|(n, _)| n == "keamanan_masuk.kunci_akun"),
            lama_kunci_menit: satu("keamanan_masuk.lama_kunci_menit"),
        }
    }

    /// The profile the form says, or each unreadable value under its field. Rules beyond
    /// reading (a complete TPP table, coherent curves, …) are the domain's, checked by the app.
    fn profil(&self) -> Result<ProfilKebijakan, BTreeMap<String, String>> {
        let mut g: BTreeMap<String, String> = BTreeMap::new();
        let angka = |g: &mut BTreeMap<String, String>, bidang: &str, v: &str, pesan: &str| match v
            .trim()
            .parse::<u32>()
        {
            Ok(n) => Some(n),
            Err(_) => {
                g.entry(bidang.to_string())
                    .or_insert_with(|| pesan.to_string());
                None
            }
        };
        let periode = self.periode.parse::<JenisPeriode>();
        if let Err(e) = &periode {
            g.insert("periode".into(), e.to_string());
        }
        let mut kurva = Vec::new();
        for (c, baris) in &self.distribusi {
            let Ok(capaian) = c.parse::<CapaianOrganisasi>() else {
                continue;
            };
            let bidang = format!("distribusi.{c}");
            let mut batas = Vec::new();
            for (i, b) in baris.iter().enumerate() {
                let ke = i + 1;
                let mut predikat = Vec::new();
                for p in &b.predikat {
                    match p.parse::<Predikat>() {
                        Ok(p) => predikat.push(p),
                        Err(e) => {
                            g.entry(bidang.clone()).or_insert(e.to_string());
                        }
                    }
                }
                let jenis = b.batas.parse::<JenisBatas>();
                if jenis.is_err() {
                    g.entry(bidang.clone()).or_insert(format!(
                        "Batas ke-{ke}: pilih paling banyak atau paling sedikit"
                    ));
                }
                let persen = angka(
                    &mut g,
                    &bidang,
                    &b.persen,
                    &format!("Batas ke-{ke}: persen harus bilangan bulat 0–100"),
                );
                let minimal = if b.minimal_pegawai.trim().is_empty() {
                    Some(0)
                } else {
                    angka(
                        &mut g,
                        &bidang,
                        &b.minimal_pegawai,
                        &format!(
                            "Batas ke-{ke}: minimal pegawai harus bilangan bulat tidak negatif"
                        ),
                    )
                };
                if let (Ok(jenis), Some(persen), Some(minimal_pegawai)) = (jenis, persen, minimal) {
                    batas.push(Batas {
                        predikat,
                        batas: jenis,
                        persen,
                        minimal_pegawai,
                    });
                }
            }
            if !batas.is_empty() {
                kurva.push(KurvaCapaian { capaian, batas });
            }
        }
        let mut tpp = Vec::new();
        for (kode, v) in &self.tpp {
            let Ok(predikat) = kode.parse::<Predikat>() else {
                continue;
            };
            // An empty cell leaves the predikat out: the domain names what is missing.
            if v.trim().is_empty() {
                continue;
            }
            if let Some(persen_potongan) = angka(
                &mut g,
                &format!("tpp.{kode}"),
                v,
                &format!(
                    "Potongan TPP untuk predikat {} harus bilangan bulat 0–100",
                    predikat.label()
                ),
            ) {
                tpp.push(PotonganTpp {
                    predikat,
                    persen_potongan,
                });
            }
        }
        let hari_pengingat = angka(
            &mut g,
            "kalender.hari_pengingat",
            &self.hari_pengingat,
            "Harus bilangan bulat tidak negatif (hari)",
        );
        let hari_evaluasi = angka(
            &mut g,
            "kalender.hari_evaluasi",
            &self.hari_evaluasi,
            "Harus bilangan bulat tidak negatif (hari)",
        );
        // Login protection: whole numbers; their bounds are the domain's.
        let mut keamanan = |bidang: &str, v: &str| {
            angka(
                &mut g,
                &format!("keamanan_masuk.{bidang}"),
                v,
                "Harus bilangan bulat positif",
            )
        };
        let maks_gagal_akun = keamanan("maks_gagal_akun", &self.maks_gagal_akun);
        let maks_gagal_alamat = keamanan("maks_gagal_alamat", &self.maks_gagal_alamat);
        let jendela_menit = keamanan("jendela_menit", &self.jendela_menit);
        let lama_kunci_menit = keamanan("lama_kunci_menit", &self.lama_kunci_menit);
        let frekuensi = self.frekuensi_umpan_balik.parse::<FrekuensiUmpanBalik>();
        if let Err(e) = &frekuensi {
            g.insert("kalender.frekuensi_umpan_balik".into(), e.to_string());
        }
        let keamanan_masuk = match (
            maks_gagal_akun,
            maks_gagal_alamat,
            jendela_menit,
            lama_kunci_menit,
        ) {
            (
                Some(maks_gagal_akun),
                Some(maks_gagal_alamat),
                Some(jendela_menit),
                Some(lama_kunci_menit),
            ) => Some(KeamananMasuk {
                maks_gagal_akun,
                maks_gagal_alamat,
                jendela_menit,
                kunci_akun: self.kunci_akun,
                lama_kunci_menit,
            }),
            _ => None,
        };
        match (
            periode,
            hari_pengingat,
            hari_evaluasi,
            frekuensi,
            keamanan_masuk,
        ) {
            (
                Ok(periode),
                Some(hari_pengingat),
                Some(hari_evaluasi),
                Ok(frekuensi_umpan_balik),
                Some(keamanan_masuk),
            ) if g.is_empty() => Ok(ProfilKebijakan {
                periode,
                distribusi: PedomanDistribusi { kurva },
                tpp,
                tempat_dokumen: self.tempat_dokumen.trim().to_string(),
                kalender: Kalender {
                    hari_pengingat,
                    frekuensi_umpan_balik,
                    hari_evaluasi,
                },
                redaksi_sanksi: RedaksiSanksi {
                    pemberhentian: self.pemberhentian.trim().to_string(),
                },
                keamanan_masuk,
            }),
            _ => Err(g),
        }
    }

    /// The form's context: labels beside the values, and one blank row per curve to add a bound.
    fn konteks(&self) -> Value {
        let distribusi: Vec<Value> = self
            .distribusi
            .iter()
            .map(|(c, baris)| {
                let label = c
                    .parse::<CapaianOrganisasi>()
                    .map(|x| x.label())
                    .unwrap_or_default();
                let mut baris = baris.clone();
                baris.push(IsianBatas {
                    batas: JenisBatas::Maks.kode().into(),
                    ..IsianBatas::default()
                });
                context! { kode => c, label, baris }
            })
            .collect();
        let tpp: Vec<Value> = self
            .tpp
            .iter()
            .map(|(kode, persen)| {
                let label = kode
                    .parse::<Predikat>()
                    .map(|x| x.label_lengkap())
                    .unwrap_or_default();
                context! { kode, label, persen }
            })
            .collect();
        context! { distribusi, tpp, ..Value::from_serialize(self) }
    }
}

#[derive(Deserialize)]
struct QProfil {
    tahun: Option<String>,
    disimpan: Option<String>,
}

/// What a page shows beyond the stored state: a form's refusal, or what was just saved.
#[derive(Default)]
struct TambahanHalaman {
    /// The profile form's values as submitted, with the refusal's message and fields.
    isian: Option<IsianProfil>,
    galat_profil: Option<(String, BTreeMap<String, String>)>,
    /// The stale-form note (409): the form shows the current values.
    basi: Option<String>,
    galat_baru: Option<(String, String)>,
    csv: Option<String>,
    galat_penilai: Option<String>,
    disimpan: Option<String>,
}

async fn tampil(
    s: &Sesi,
    p: &Pengguna,
    tahun: i32,
    status: StatusCode,
    k: TambahanHalaman,
) -> Response {
    let app = &s.k.app;
    let versi = coba!(s, app.daftar_versi_profil(p).await);
    let profil: ProfilTahun = coba!(s, app.profil_untuk_tahun(p, tahun).await);
    let tabel = coba!(s, app.tabel_penilai(p).await);
    let ini = tahun_ini();
    let milik_tahun = profil.berlaku_sejak == Some(tahun);
    let mode = if milik_tahun && profil.dapat_diubah {
        "ubah"
    } else if profil.dapat_diubah {
        "buat"
    } else {
        "baca"
    };
    let isian = k
        .isian
        .unwrap_or_else(|| IsianProfil::dari_profil(&profil.isi));
    // Suggest the year after the newest version (at least next year) for a new version.
    let usul = versi
        .iter()
        .map(|v| v.tahun + 1)
        .max()
        .unwrap_or(ini + 1)
        .max(ini + 1);
    let (galat, bidang) = match k.galat_profil {
        Some((pesan, bidang)) => (Some(pesan), bidang),
        None => (None, BTreeMap::new()),
    };
    let tahun_baru = match &k.galat_baru {
        Some((tahun, _)) => tahun.clone(),
        None if mode == "buat" => tahun.to_string(),
        None => usul.to_string(),
    };
    let pilihan_tahun: Vec<i32> = {
        let mut t: Vec<i32> = versi.iter().map(|v| v.tahun).collect();
        t.extend([ini - 1, ini, ini + 1, tahun]);
        t.sort_unstable();
        t.dedup();
        t
    };
    let csv = k.csv.unwrap_or_else(|| tabel.csv.clone());
    s.halaman(
        status,
        "profil.html",
        context! {
            tahun, tahun_ini => ini, versi, profil, mode, pilihan_tahun,
            galat_distribusi => bidang.keys().any(|b| b.starts_with("distribusi")),
            form => isian.konteks(), galat, bidang, basi => k.basi,
            baru => context! { tahun => tahun_baru, galat => k.galat_baru.map(|g| g.1) },
            tabel, csv, galat_penilai => k.galat_penilai, disimpan => k.disimpan,
            opsi_periode => opsi::<JenisPeriode>(), opsi_frekuensi => opsi::<FrekuensiUmpanBalik>(),
            opsi_batas => opsi::<JenisBatas>(), opsi_predikat => opsi::<Predikat>(),
        },
    )
}

async fn halaman(s: Sesi, Query(q): Query<QProfil>) -> Response {
    let p = wajib!(s.wajib());
    coba!(s, p.wajib_admin());
    let tahun = match q.tahun.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        None => tahun_ini(),
        Some(t) => coba!(s, tahun_path(t)),
    };
    let disimpan = q
        .disimpan
        .filter(|d| matches!(d.as_str(), "profil" | "versi" | "tabel_penilai"));
    tampil(
        &s,
        p,
        tahun,
        StatusCode::OK,
        TambahanHalaman {
            disimpan,
            ..TambahanHalaman::default()
        },
    )
    .await
}

#[derive(Deserialize)]
struct FormBaru {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    tahun: String,
    /// The year whose page the form was on (to come back to on a refusal).
    #[serde(default)]
    dari: String,
}

/// `POST /profil`: a new version (a copy of the one in force for that year).
async fn buat(s: Sesi, Form(f): Form<FormBaru>) -> Response {
    let p = wajib!(s.wajib_csrf(&f.csrf));
    coba!(s, p.wajib_admin());
    let kembali = f.dari.trim().parse::<i32>().unwrap_or_else(|_| tahun_ini());
    let hasil = match tahun_path(&f.tahun) {
        Ok(tahun) => {
            s.k.app
                .buat_versi_profil(p, VersiProfilBaru { tahun, isi: None })
                .await
        }
        Err(e) => Err(e),
    };
    match hasil {
        Ok(v) => Redirect::to(&format!("/profil?tahun={}&disimpan=versi#profil", v.tahun))
            .into_response(),
        Err(e @ (AppError::TidakValid { .. } | AppError::Konflik(_))) => {
            let status = status_galat(&e);
            let k = TambahanHalaman {
                galat_baru: Some((f.tahun.clone(), e.to_string())),
                ..TambahanHalaman::default()
            };
            tampil(&s, p, kembali, status, k).await
        }
        Err(e) => s.galat(e),
    }
}

/// `POST /profil/{tahun}`: the whole profile form of the version in force from that year.
async fn ubah(
    s: Sesi,
    Path(tahun): Path<String>,
    Form(isian): Form<Vec<(String, String)>>,
) -> Response {
    let satu = |k: &str| {
        isian
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    };
    let p = wajib!(s.wajib_csrf(satu("csrf")));
    coba!(s, p.wajib_admin());
    let tahun = coba!(s, tahun_path(&tahun));
    let form = IsianProfil::dari_form(&isian);
    let versi = satu("versi").trim().parse::<i64>();
    let hasil = match (form.profil(), versi) {
        (Ok(isi), Ok(versi)) => {
            s.k.app
                .ubah_versi_profil(p, tahun, UbahProfil { versi, isi })
                .await
                .map_err(|e| match e {
                    AppError::TidakValid { pesan, bidang } => {
                        // The API's fields are under `isi.`; the form's are the profile's own.
                        let bidang = bidang
                            .into_iter()
                            .map(|(b, m)| (b.strip_prefix("isi.").unwrap_or(&b).to_string(), m))
                            .collect();
                        AppError::TidakValid { pesan, bidang }
                    }
                    lain => lain,
                })
        }
        (Err(bidang), _) => Err(AppError::TidakValid {
            pesan: bidang.values().cloned().collect::<Vec<_>>().join("; "),
            bidang,
        }),
        (_, Err(_)) => Err(AppError::bidang_tidak_valid(
            "versi",
            "Formulir tanpa versi; muat ulang halaman",
        )),
    };
    match hasil {
        Ok(_) => {
            Redirect::to(&format!("/profil?tahun={tahun}&disimpan=profil#profil")).into_response()
        }
        Err(AppError::TidakValid { pesan, bidang }) => {
            let k = TambahanHalaman {
                isian: Some(form),
                galat_profil: Some((pesan, bidang)),
                ..TambahanHalaman::default()
            };
            tampil(&s, p, tahun, StatusCode::UNPROCESSABLE_ENTITY, k).await
        }
        // Stale (or a year now closed): the current values, with the reason.
        Err(e @ AppError::Konflik(_)) => {
            let k = TambahanHalaman {
                basi: Some(e.to_string()),
                ..TambahanHalaman::default()
            };
            tampil(&s, p, tahun, StatusCode::CONFLICT, k).await
        }
        Err(e) => s.galat(e),
    }
}

/// `POST /profil/tabel-penilai`: the rater table as CSV.
async fn ubah_tabel_penilai(s: Sesi, Form(f): Form<HashMap<String, String>>) -> Response {
    let g = |k: &str| f.get(k).cloned().unwrap_or_default();
    let p = wajib!(s.wajib_csrf(&g("csrf")));
    coba!(s, p.wajib_admin());
    let tahun = g("tahun")
        .trim()
        .parse::<i32>()
        .unwrap_or_else(|_| tahun_ini());
    let ubah = UbahTabelPenilai {
        versi: g("versi"),
        csv: g("csv"),
    };
    match s.k.app.ubah_tabel_penilai(p, ubah).await {
        Ok(_) => Redirect::to(&format!(
            "/profil?tahun={tahun}&disimpan=tabel_penilai#tabel-penilai"
        ))
        .into_response(),
        Err(e @ AppError::TidakValid { .. }) => {
            let status = status_galat(&e);
            let k = TambahanHalaman {
                csv: Some(g("csv")),
                galat_penilai: Some(e.bidang().into_values().collect::<Vec<_>>().join("; ")),
                ..TambahanHalaman::default()
            };
            tampil(&s, p, tahun, status, k).await
        }
        Err(e @ AppError::Konflik(_)) => {
            let k = TambahanHalaman {
                galat_penilai: Some(e.to_string()),
                ..TambahanHalaman::default()
            };
            tampil(&s, p, tahun, StatusCode::CONFLICT, k).await
        }
        Err(e) => s.galat(e),
    }
}
