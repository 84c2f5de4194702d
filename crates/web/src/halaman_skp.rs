//! Planning pages (the SKP stage): my SKP and my team's, one SKP with all its forms and its set
//! versions, the matriks peran hasil, penugasan, the admin's monitoring, and mutasi.
//!
//! Every form posts and then redirects back (303). A rule broken (422), or a stale version or a
//! wrong state (409), re-renders the page with that status, the message next to the form that
//! was sent and what was typed in it. Every SKP form carries the `version` it was read at.

use crate::formulir::{angka, galat_form, galat_untuk, peta, teks};
use crate::galat::id_path;
use crate::halaman::{coba, halaman_pegawai, opsi, status_galat, wajib, Sesi};
use crate::Keadaan;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use chrono::Datelike;
use kinerja_app::akses::Pengguna;
use kinerja_app::matriks::SelMatriks;
use kinerja_app::mulai_tahun::MutasiMasuk;
use kinerja_app::penugasan::{KotakPenugasan, PenugasanMasuk, TerimaPenugasan};
use kinerja_app::skp::{hari_ini, DetailSkp, LingkupSkp, PerubahanSkp, SkpMasuk};
use kinerja_app::AppError;
use kinerja_domain::enumerasi::Enumerasi;
use kinerja_domain::pangkat::StatusAsn;
use kinerja_domain::pelaksanaan::kalender::FrekuensiUmpanBalik;
use kinerja_domain::perilaku::{AspekIki, AspekPerilaku, JenisRhk, Pendekatan, Perspektif};
use kinerja_domain::skp::{
    DasarKaskade, FormatSkp, IkiMasuk, Lampiran, ManualIndikator, PeriodePelaporan, Rhk, RhkMasuk,
    Skp, StatusSkp, TingkatKendali, RENTANG_TAHUN,
};
use kinerja_store::FilterSkp;
use minijinja::{context, Value};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};

pub fn rute() -> Router<Keadaan> {
    Router::new()
        .route("/skp", get(skp_saya).post(mulai_skp))
        .route("/skp/monitoring", get(monitoring).post(mulai_tahun))
        .route("/skp/{id}", get(skp))
        .route("/skp/{id}/versi/{nomor}", get(versi))
        // ajukan, tetapkan, kembalikan, revisi, rhk (add), lampiran, perjanjian_kerja, pendekatan
        .route("/skp/{id}/{aksi}", post(ubah))
        // rhk/{id}/{ubah,hapus,iki}, iki/{id}/{ubah,hapus,manual}, perilaku/{aspek}/simpan
        .route("/skp/{id}/{bagian}/{bid}/{aksi}", post(ubah_bagian))
        .route("/matriks", get(matriks).post(simpan_sel))
        .route("/penugasan", get(penugasan).post(buat_penugasan))
        .route("/penugasan/{id}/{aksi}", post(putuskan_penugasan))
        .route("/pegawai/{nip}/mutasi", post(mutasi))
}

// ---------------------------------------------------------------------------------------------
// Shared helpers

/// The current year in WIB.
fn tahun_ini() -> i32 {
    hari_ini().year()
}

#[derive(Deserialize)]
struct QTahun {
    tahun: Option<String>,
}

impl QTahun {
    /// `?tahun=` when it is a plausible year, else this year.
    fn tahun(&self) -> i32 {
        self.tahun
            .as_deref()
            .map(tahun_form)
            .unwrap_or_else(tahun_ini)
    }
}

/// An optional choice from a `<select>`: empty is none.
pub(crate) fn pilih<T: Enumerasi>(bidang: &str, s: &str) -> Result<Option<T>, AppError> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    T::dari_kode(s)
        .map(Some)
        .map_err(|e| AppError::bidang_tidak_valid(bidang, e.to_string()))
}

fn wajib_pilih<T: Enumerasi>(bidang: &str, nama: &str, s: &str) -> Result<T, AppError> {
    pilih(bidang, s)?
        .ok_or_else(|| AppError::bidang_tidak_valid(bidang, format!("{nama} wajib dipilih")))
}

/// The SKP version a form was read at (a hidden field).
fn versi_form(s: &str) -> Result<i64, AppError> {
    s.trim().parse().map_err(|_| {
        AppError::bidang_tidak_valid("version", "Versi SKP tidak terbaca; muat ulang halaman")
    })
}

fn label() -> Value {
    context! {
        status => peta::<StatusSkp>(),
        format => peta::<FormatSkp>(),
        jenis_rhk => peta::<JenisRhk>(),
        dasar_kaskade => peta::<DasarKaskade>(),
        perspektif => peta::<Perspektif>(),
        aspek_iki => peta::<AspekIki>(),
        tingkat_kendali => peta::<TingkatKendali>(),
        periode_pelaporan => peta::<PeriodePelaporan>(),
        pendekatan => peta::<Pendekatan>(),
    }
}

fn pilihan() -> Value {
    context! {
        jenis_rhk => opsi::<JenisRhk>(),
        dasar_kaskade => opsi::<DasarKaskade>(),
        perspektif => opsi::<Perspektif>(),
        aspek_iki => opsi::<AspekIki>(),
        tingkat_kendali => opsi::<TingkatKendali>(),
        periode_pelaporan => opsi::<PeriodePelaporan>(),
        pendekatan => opsi::<Pendekatan>(),
    }
}

/// The leader's RHK by id (as text, as templates look them up) → uraian.
fn uraian_rhk(rhk: &[Rhk]) -> BTreeMap<String, String> {
    rhk.iter()
        .filter_map(|r| r.id.map(|id| (id.to_string(), r.uraian.clone())))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// /skp: my SKP by year, and the SKP of the team I rate

async fn skp_saya(s: Sesi, Query(q): Query<QTahun>) -> Response {
    let p = wajib!(s.wajib());
    if p.pegawai.is_none() {
        return Redirect::to("/skp/monitoring").into_response();
    }
    halaman_daftar(&s, p, q.tahun(), StatusCode::OK, Value::from(())).await
}

async fn halaman_daftar(
    s: &Sesi,
    p: &Pengguna,
    tahun: i32,
    status: StatusCode,
    galat: Value,
) -> Response {
    let app = &s.k.app;
    let filter = FilterSkp {
        limit: 100,
        ..Default::default()
    };
    let semua = coba!(s, app.daftar_skp(p, LingkupSkp::Saya, filter).await).items;
    let (skp, lain): (Vec<_>, Vec<_>) = semua.into_iter().partition(|b| b.ringkasan.tahun == tahun);
    let boleh_mulai = !skp.iter().any(|b| b.ringkasan.status != StatusSkp::Ditutup);
    let tim = coba!(s, app.skp_tim(p, tahun).await);
    let batas = kinerja_domain::tenggat::batas_penetapan_skp(tahun);
    s.halaman(
        status,
        "skp_saya.html",
        context! {
            tahun, sekarang => tahun_ini(), skp, lain, tim, boleh_mulai, galat,
            batas_tanpa_skp => batas.to_string(),
            terlambat_tanpa_skp => hari_ini() > batas,
            label => label(),
        },
    )
}

#[derive(Deserialize, Serialize)]
struct FormMulai {
    #[serde(default, skip_serializing)]
    csrf: String,
    #[serde(default)]
    tahun: String,
    /// A checkbox: present when ticked.
    salin_tahun_lalu: Option<String>,
}

async fn mulai_skp(s: Sesi, Form(f): Form<FormMulai>) -> Response {
    let p = wajib!(s.wajib_csrf(&f.csrf));
    let tahun = f.tahun.trim().parse::<i32>();
    let hasil = match tahun {
        Ok(tahun) => {
            let m = SkpMasuk {
                tahun,
                salin_tahun_lalu: Some(f.salin_tahun_lalu.is_some()),
                ..Default::default()
            };
            s.k.app.buat_skp(p, m).await
        }
        Err(_) => Err(AppError::bidang_tidak_valid("tahun", "Tahun harus angka")),
    };
    match hasil {
        Ok(d) => Redirect::to(&format!("/skp/{}", d.skp.id)).into_response(),
        Err(e) if galat_form(&e) => {
            let t = tahun.ok().filter(|t| RENTANG_TAHUN.contains(t));
            let galat = galat_untuk("mulai", &e, Value::from_serialize(&f));
            halaman_daftar(&s, p, t.unwrap_or_else(tahun_ini), status_galat(&e), galat).await
        }
        Err(e) => s.galat(e),
    }
}

// ---------------------------------------------------------------------------------------------
// /skp/{id}: one SKP and every form on it

async fn skp(s: Sesi, Path(id): Path<String>) -> Response {
    let p = wajib!(s.wajib());
    let id = coba!(s, id_path(&id, "SKP"));
    let d = coba!(s, s.k.app.detail_skp(p, id).await);
    halaman_skp(&s, d, StatusCode::OK, Value::from(()))
}

fn lampiran_teks(l: &Lampiran) -> Value {
    context! {
        dukungan_sumber_daya => l.dukungan_sumber_daya.join("\n"),
        skema_pertanggungjawaban => l.skema_pertanggungjawaban.join("\n"),
        konsekuensi => l.konsekuensi.join("\n"),
    }
}

fn halaman_skp(s: &Sesi, d: DetailSkp, status: StatusCode, galat: Value) -> Response {
    let kekurangan: Vec<String> = if d.hak.ajukan {
        d.skp.kekurangan().into_iter().map(|(_, m)| m).collect()
    } else {
        Vec::new()
    };
    let ctx = context! {
        jpt => d.skp.format.jpt(),
        ja_jf => d.skp.format.ja_jf(),
        pppk => d.pegawai.status_asn == StatusAsn::Pppk,
        kekurangan,
        lampiran => lampiran_teks(&d.skp.lampiran),
        frekuensi_umpan_balik => FrekuensiUmpanBalik::SEMUA.iter().map(|f| context! { kode => f.kode(), label => f.label() }).collect::<Vec<_>>(),
        frekuensi_label => d.skp.lampiran.frekuensi_umpan_balik.map(|f| f.label()),
        uraian_pimpinan => uraian_rhk(&d.rhk_pimpinan),
        label => label(),
        pilihan => pilihan(),
        galat,
        d,
    };
    s.halaman(status, "skp.html", ctx)
}

/// Every field any form of the SKP page may send; each form sends the ones it has.
#[derive(Deserialize, Serialize, Default)]
#[serde(default)]
struct FormSkp {
    #[serde(skip_serializing)]
    csrf: String,
    version: String,
    jenis: String,
    uraian: String,
    penugasan_dari: String,
    intervensi_rhk_id: String,
    dasar_kaskade: String,
    perspektif: String,
    aspek: String,
    indikator: String,
    target: String,
    catatan: String,
    alasan: String,
    ekspektasi_khusus: String,
    pendekatan: String,
    perjanjian_kerja: String,
    dukungan_sumber_daya: String,
    skema_pertanggungjawaban: String,
    #[serde(default)]
    frekuensi_umpan_balik: String,
    konsekuensi: String,
    tujuan: String,
    deskripsi: String,
    definisi: String,
    formula: String,
    satuan_pengukuran: String,
    tingkat_kendali: String,
    sumber_data: String,
    periode_pelaporan: String,
}

impl FormSkp {
    fn rhk(&self) -> Result<RhkMasuk, AppError> {
        Ok(RhkMasuk {
            jenis: pilih("jenis", &self.jenis)?,
            uraian: self.uraian.clone(),
            penugasan_dari: teks(&self.penugasan_dari),
            intervensi_rhk_id: angka("intervensi_rhk_id", &self.intervensi_rhk_id)?,
            dasar_kaskade: pilih("dasar_kaskade", &self.dasar_kaskade)?,
            perspektif: pilih("perspektif", &self.perspektif)?,
        })
    }

    fn iki(&self) -> Result<IkiMasuk, AppError> {
        Ok(IkiMasuk {
            aspek: pilih("aspek", &self.aspek)?,
            indikator: self.indikator.clone(),
            target: self.target.clone(),
        })
    }

    fn manual(&self) -> Result<ManualIndikator, AppError> {
        Ok(ManualIndikator {
            tujuan: self.tujuan.clone(),
            deskripsi: self.deskripsi.clone(),
            definisi: self.definisi.clone(),
            formula: self.formula.clone(),
            satuan_pengukuran: self.satuan_pengukuran.clone(),
            tingkat_kendali: wajib_pilih(
                "tingkat_kendali",
                "Tingkat kendali",
                &self.tingkat_kendali,
            )?,
            sumber_data: self.sumber_data.clone(),
            periode_pelaporan: wajib_pilih(
                "periode_pelaporan",
                "Periode pelaporan",
                &self.periode_pelaporan,
            )?,
        })
    }

    fn lampiran(&self) -> Lampiran {
        let butir = |s: &str| s.lines().map(str::to_string).collect();
        Lampiran {
            dukungan_sumber_daya: butir(&self.dukungan_sumber_daya),
            skema_pertanggungjawaban: butir(&self.skema_pertanggungjawaban),
            konsekuensi: butir(&self.konsekuensi),
            frekuensi_umpan_balik: self.frekuensi_umpan_balik.parse().ok(),
        }
    }
}

/// `POST /skp/{id}/{aksi}`: a change of the whole SKP.
async fn ubah(
    s: Sesi,
    Path((id, aksi)): Path<(String, String)>,
    Form(f): Form<FormSkp>,
) -> Response {
    let p = wajib!(s.wajib_csrf(&f.csrf));
    let id = coba!(s, id_path(&id, "SKP"));
    let (perubahan, jangkar) = match aksi.as_str() {
        "ajukan" => (Ok(PerubahanSkp::Ajukan), "tindakan"),
        "tetapkan" => (Ok(PerubahanSkp::Tetapkan), "tindakan"),
        "kembalikan" => (Ok(PerubahanSkp::Kembalikan(f.catatan.clone())), "tindakan"),
        "revisi" => (Ok(PerubahanSkp::Revisi(f.alasan.clone())), "tindakan"),
        "pendekatan" => (
            wajib_pilih("pendekatan", "Pendekatan", &f.pendekatan).map(PerubahanSkp::Pendekatan),
            "tindakan",
        ),
        "rhk" => (
            f.rhk()
                .and_then(|r| Ok(PerubahanSkp::TambahRhk(r, f.iki()?))),
            "hasil-kerja",
        ),
        "lampiran" => (Ok(PerubahanSkp::Lampiran(f.lampiran())), "lampiran"),
        "perjanjian_kerja" => (
            Ok(PerubahanSkp::PerjanjianKerja(teks(&f.perjanjian_kerja))),
            "lampiran",
        ),
        _ => {
            return s.galat(AppError::TidakDitemukan(
                "Halaman yang Anda cari tidak ada".into(),
            ))
        }
    };
    terapkan(&s, p, id, &aksi, jangkar, &f, perubahan).await
}

/// `POST /skp/{id}/{bagian}/{bid}/{aksi}`: a change of one RHK, IKI or perilaku aspect.
async fn ubah_bagian(
    s: Sesi,
    Path((id, bagian, bid, aksi)): Path<(String, String, String, String)>,
    Form(f): Form<FormSkp>,
) -> Response {
    let p = wajib!(s.wajib_csrf(&f.csrf));
    let id = coba!(s, id_path(&id, "SKP"));
    let form = format!("{bagian}-{bid}-{aksi}");
    let (perubahan, jangkar) = match (bagian.as_str(), aksi.as_str()) {
        ("perilaku", "simpan") => {
            let a = AspekPerilaku::dari_kode(&bid)
                .map_err(|e| AppError::bidang_tidak_valid("aspek", e.to_string()));
            (
                a.map(|a| PerubahanSkp::EkspektasiKhusus(a, f.ekspektasi_khusus.clone())),
                "perilaku".to_string(),
            )
        }
        ("rhk", _) | ("iki", _) => {
            let n = coba!(
                s,
                id_path(&bid, if bagian == "rhk" { "RHK" } else { "IKI" })
            );
            let jangkar = format!("{bagian}-{n}");
            let u = match (bagian.as_str(), aksi.as_str()) {
                ("rhk", "ubah") => f.rhk().map(|r| PerubahanSkp::UbahRhk(n, r)),
                ("rhk", "hapus") => Ok(PerubahanSkp::HapusRhk(n)),
                ("rhk", "iki") => f.iki().map(|i| PerubahanSkp::TambahIki(n, i)),
                ("iki", "ubah") => f.iki().map(|i| PerubahanSkp::UbahIki(n, i)),
                ("iki", "hapus") => Ok(PerubahanSkp::HapusIki(n)),
                ("iki", "manual") => f.manual().map(|m| PerubahanSkp::ManualIndikator(n, m)),
                _ => {
                    return s.galat(AppError::TidakDitemukan(
                        "Halaman yang Anda cari tidak ada".into(),
                    ))
                }
            };
            (u, jangkar)
        }
        _ => {
            return s.galat(AppError::TidakDitemukan(
                "Halaman yang Anda cari tidak ada".into(),
            ))
        }
    };
    terapkan(&s, p, id, &form, &jangkar, &f, perubahan).await
}

/// One change through `ubah_skp`, then back to the page (or the page again with the error).
async fn terapkan(
    s: &Sesi,
    p: &Pengguna,
    id: i64,
    form: &str,
    jangkar: &str,
    f: &FormSkp,
    perubahan: Result<PerubahanSkp, AppError>,
) -> Response {
    let app = &s.k.app;
    let hasil = match (versi_form(&f.version), perubahan) {
        (Ok(v), Ok(u)) => app.ubah_skp(p, id, v, u).await.map(|_| ()),
        (Err(e), _) | (_, Err(e)) => Err(e),
    };
    match hasil {
        Ok(()) => Redirect::to(&format!("/skp/{id}#{jangkar}")).into_response(),
        Err(e) if galat_form(&e) => {
            // The page as it is now (a stale form gets the fresh version), the message by the form.
            let d = coba!(s, app.detail_skp(p, id).await);
            let galat = galat_untuk(form, &e, Value::from_serialize(f));
            halaman_skp(s, d, status_galat(&e), galat)
        }
        Err(e) => s.galat(e),
    }
}

/// `/skp/{id}/versi/{nomor}`: a set version as it was, read-only.
async fn versi(s: Sesi, Path((id, nomor)): Path<(String, String)>) -> Response {
    let p = wajib!(s.wajib());
    let id = coba!(s, id_path(&id, "SKP"));
    let nomor: i32 = coba!(
        s,
        nomor
            .parse()
            .map_err(|_| AppError::TidakDitemukan(format!("Versi '{nomor}' tidak ada")))
    );
    let app = &s.k.app;
    let (v, isi): (_, Skp) = coba!(s, app.versi_skp(p, id, nomor).await);
    // The people and the leader's RHK, as the SKP page names them.
    let d = coba!(s, app.detail_skp(p, id).await);
    s.ok(
        "skp_versi.html",
        context! {
            v, isi, d,
            jpt => isi.format.jpt(), ja_jf => isi.format.ja_jf(),
            lampiran => lampiran_teks(&isi.lampiran),
            uraian_pimpinan => uraian_rhk(&d.rhk_pimpinan),
            perilaku => AspekPerilaku::SEMUA.iter().map(|a| context! {
                label => a.label(),
                ekspektasi_khusus => isi.ekspektasi_khusus.get(a),
            }).collect::<Vec<_>>(),
            label => label(),
        },
    )
}

// ---------------------------------------------------------------------------------------------
// /matriks: the leader's RHK as columns, the team as rows

async fn matriks(s: Sesi, Query(q): Query<QTahun>) -> Response {
    let p = wajib!(s.wajib());
    halaman_matriks(&s, p, q.tahun(), StatusCode::OK, Value::from(())).await
}

async fn halaman_matriks(
    s: &Sesi,
    p: &Pengguna,
    tahun: i32,
    status: StatusCode,
    galat: Value,
) -> Response {
    let m = coba!(s, s.k.app.matriks(p, tahun).await);
    s.halaman(
        status,
        "matriks.html",
        context! { m, tahun, label => label(), pilihan => pilihan(), galat },
    )
}

#[derive(Deserialize, Serialize, Default)]
#[serde(default)]
struct FormSel {
    #[serde(skip_serializing)]
    csrf: String,
    tahun: String,
    nip: String,
    rhk_pimpinan_id: String,
    rhk_id: String,
    version: String,
    uraian: String,
    jenis: String,
    penugasan_dari: String,
    dasar_kaskade: String,
    aspek: String,
    indikator: String,
    target: String,
}

impl FormSel {
    fn sel(&self) -> Result<SelMatriks, AppError> {
        let isi = FormSkp {
            uraian: self.uraian.clone(),
            jenis: self.jenis.clone(),
            penugasan_dari: self.penugasan_dari.clone(),
            dasar_kaskade: self.dasar_kaskade.clone(),
            aspek: self.aspek.clone(),
            indikator: self.indikator.clone(),
            target: self.target.clone(),
            ..Default::default()
        };
        Ok(SelMatriks {
            nip: self.nip.trim().to_string(),
            version: versi_form(&self.version)?,
            rhk_pimpinan_id: angka("rhk_pimpinan_id", &self.rhk_pimpinan_id)?.ok_or_else(|| {
                AppError::bidang_tidak_valid("rhk_pimpinan_id", "Kolom matriks tidak dikenal")
            })?,
            rhk_id: angka("rhk_id", &self.rhk_id)?,
            rhk: isi.rhk()?,
            iki: isi.iki()?,
        })
    }
}

async fn simpan_sel(s: Sesi, Form(f): Form<FormSel>) -> Response {
    let p = wajib!(s.wajib_csrf(&f.csrf));
    let tahun = tahun_form(&f.tahun);
    let form = format!(
        "sel-{}-{}-{}",
        f.nip.trim(),
        f.rhk_pimpinan_id.trim(),
        teks(&f.rhk_id).unwrap_or_else(|| "baru".into())
    );
    let hasil = match f.sel() {
        Ok(sel) => s.k.app.simpan_sel_matriks(p, tahun, sel).await.map(|_| ()),
        Err(e) => Err(e),
    };
    match hasil {
        Ok(()) => {
            Redirect::to(&format!("/matriks?tahun={tahun}#baris-{}", f.nip.trim())).into_response()
        }
        Err(e) if galat_form(&e) => {
            let galat = galat_untuk(&form, &e, Value::from_serialize(&f));
            halaman_matriks(&s, p, tahun, status_galat(&e), galat).await
        }
        Err(e) => s.galat(e),
    }
}

// ---------------------------------------------------------------------------------------------
// /penugasan: to decide, given, mine, open

async fn penugasan(s: Sesi, Query(q): Query<QTahun>) -> Response {
    let p = wajib!(s.wajib());
    halaman_penugasan(&s, p, q.tahun(), StatusCode::OK, Value::from(())).await
}

async fn halaman_penugasan(
    s: &Sesi,
    p: &Pengguna,
    tahun: i32,
    status: StatusCode,
    galat: Value,
) -> Response {
    let app = &s.k.app;
    let t = Some(tahun);
    let masuk = coba!(s, app.daftar_penugasan(p, KotakPenugasan::Masuk, t).await);
    let keluar = coba!(s, app.daftar_penugasan(p, KotakPenugasan::Keluar, t).await);
    let saya = coba!(s, app.daftar_penugasan(p, KotakPenugasan::Saya, t).await);
    let terbuka = coba!(s, app.daftar_penugasan(p, KotakPenugasan::Terbuka, t).await);
    // The accept form carries the version of the pegawai's SKP as read now (a stale one is 409).
    let tim = coba!(s, app.skp_tim(p, tahun).await);
    let skp_tim: HashMap<String, Value> = tim
        .iter()
        .filter_map(|a| {
            a.skp.as_ref().map(|b| {
                (
                    a.pegawai.nip.to_string(),
                    context! { id => b.ringkasan.id, version => b.ringkasan.versi },
                )
            })
        })
        .collect();
    let sudah_relawan: HashSet<i64> = saya
        .iter()
        .filter(|x| x.penugasan.status != "ditolak")
        .filter_map(|x| x.penugasan.induk_id)
        .collect();
    let pimpinan = coba!(s, app.boleh_memberi_penugasan(p).await);
    s.halaman(
        status,
        "penugasan.html",
        context! {
            tahun, masuk, keluar, saya, terbuka, skp_tim, pimpinan, galat,
            sudah_relawan => sudah_relawan.into_iter().collect::<Vec<_>>(),
            saya_id => p.pegawai_id(),
            pilihan => pilihan(),
        },
    )
}

#[derive(Deserialize, Serialize, Default)]
#[serde(default)]
struct FormPenugasan {
    #[serde(skip_serializing)]
    csrf: String,
    tahun: String,
    nip: String,
    uraian: String,
    ekspektasi: String,
    alasan: String,
    version: String,
    jenis: String,
    aspek: String,
    indikator: String,
    target: String,
}

impl FormPenugasan {
    fn terima(&self) -> Result<TerimaPenugasan, AppError> {
        Ok(TerimaPenugasan {
            version: versi_form(&self.version)?,
            jenis: pilih("jenis", &self.jenis)?,
            uraian: teks(&self.uraian),
            iki: IkiMasuk {
                aspek: pilih("aspek", &self.aspek)?,
                indikator: self.indikator.clone(),
                target: self.target.clone(),
            },
        })
    }
}

/// A year from a form or query when it is a plausible one, else this year.
fn tahun_form(s: &str) -> i32 {
    s.trim()
        .parse()
        .ok()
        .filter(|t| RENTANG_TAHUN.contains(t))
        .unwrap_or_else(tahun_ini)
}

async fn buat_penugasan(s: Sesi, Form(f): Form<FormPenugasan>) -> Response {
    let p = wajib!(s.wajib_csrf(&f.csrf));
    let hasil = match f.tahun.trim().parse::<i32>() {
        Ok(tahun) => {
            let m = PenugasanMasuk {
                nip: teks(&f.nip),
                unit_id: None,
                tahun,
                uraian: f.uraian.clone(),
                ekspektasi: f.ekspektasi.clone(),
            };
            s.k.app.buat_penugasan(p, m).await.map(|_| ())
        }
        Err(_) => Err(AppError::bidang_tidak_valid("tahun", "Tahun harus angka")),
    };
    selesai_penugasan(&s, p, "buat", "keluar", &f, hasil).await
}

/// `POST /penugasan/{id}/{terima,tolak,relawan}`.
async fn putuskan_penugasan(
    s: Sesi,
    Path((id, aksi)): Path<(String, String)>,
    Form(f): Form<FormPenugasan>,
) -> Response {
    let p = wajib!(s.wajib_csrf(&f.csrf));
    let id = coba!(s, id_path(&id, "Penugasan"));
    let app = &s.k.app;
    let (hasil, jangkar) = match aksi.as_str() {
        "terima" => {
            let h = match f.terima() {
                Ok(m) => app.terima_penugasan(p, id, m).await.map(|_| ()),
                Err(e) => Err(e),
            };
            (h, "masuk")
        }
        "tolak" => (
            app.tolak_penugasan(p, id, &f.alasan).await.map(|_| ()),
            "masuk",
        ),
        "relawan" => (app.relawan_penugasan(p, id).await.map(|_| ()), "saya"),
        _ => {
            return s.galat(AppError::TidakDitemukan(
                "Halaman yang Anda cari tidak ada".into(),
            ))
        }
    };
    selesai_penugasan(&s, p, &format!("{aksi}-{id}"), jangkar, &f, hasil).await
}

async fn selesai_penugasan(
    s: &Sesi,
    p: &Pengguna,
    form: &str,
    jangkar: &str,
    f: &FormPenugasan,
    hasil: Result<(), AppError>,
) -> Response {
    let tahun = tahun_form(&f.tahun);
    match hasil {
        Ok(()) => Redirect::to(&format!("/penugasan?tahun={tahun}#{jangkar}")).into_response(),
        Err(e) if galat_form(&e) => {
            let galat = galat_untuk(form, &e, Value::from_serialize(f));
            halaman_penugasan(s, p, tahun, status_galat(&e), galat).await
        }
        Err(e) => s.galat(e),
    }
}

// ---------------------------------------------------------------------------------------------
// /skp/monitoring (admin): start the year, follow the job, SKP per unit

async fn monitoring(s: Sesi, Query(q): Query<QTahun>) -> Response {
    let p = wajib!(s.wajib());
    halaman_monitoring(&s, p, q.tahun(), StatusCode::OK, Value::from(())).await
}

async fn halaman_monitoring(
    s: &Sesi,
    p: &Pengguna,
    tahun: i32,
    status: StatusCode,
    galat: Value,
) -> Response {
    let app = &s.k.app;
    let rekap = coba!(s, app.rekap_skp(p, tahun).await);
    let tugas = coba!(s, app.tugas_mulai_tahun_terakhir(p, tahun).await);
    let total = kinerja_app::mulai_tahun::RekapUnit::jumlah(&rekap);
    let berjalan = tugas.as_ref().is_some_and(|t| t.status == "berjalan");
    s.halaman(
        status,
        "monitoring.html",
        context! { tahun, sekarang => tahun_ini(), rekap, total, tugas, berjalan, galat },
    )
}

#[derive(Deserialize, Serialize, Default)]
#[serde(default)]
struct FormTahun {
    #[serde(skip_serializing)]
    csrf: String,
    tahun: String,
}

async fn mulai_tahun(s: Sesi, Form(f): Form<FormTahun>) -> Response {
    let p = wajib!(s.wajib_csrf(&f.csrf));
    let hasil = match f.tahun.trim().parse::<i32>() {
        Ok(t) => s.k.app.mulai_tahun(p, t).await.map(|_| t),
        Err(_) => Err(AppError::bidang_tidak_valid("tahun", "Tahun harus angka")),
    };
    match hasil {
        Ok(t) => Redirect::to(&format!("/skp/monitoring?tahun={t}")).into_response(),
        Err(e) if galat_form(&e) => {
            let galat = galat_untuk("mulai_tahun", &e, Value::from_serialize(&f));
            halaman_monitoring(&s, p, tahun_form(&f.tahun), status_galat(&e), galat).await
        }
        Err(e) => s.galat(e),
    }
}

// ---------------------------------------------------------------------------------------------
// /pegawai/{nip}/mutasi (admin)

#[derive(Deserialize, Serialize, Default)]
#[serde(default)]
struct FormMutasi {
    #[serde(skip_serializing)]
    csrf: String,
    jabatan_kode: String,
    tanggal: String,
}

async fn mutasi(s: Sesi, Path(nip): Path<String>, Form(f): Form<FormMutasi>) -> Response {
    let p = wajib!(s.wajib_csrf(&f.csrf));
    let app = &s.k.app;
    let m = MutasiMasuk {
        jabatan_kode: f.jabatan_kode.clone(),
        tanggal: f.tanggal.clone(),
    };
    match app.mutasi(p, &nip, m).await {
        Ok(h) => {
            let mut tujuan = format!("/pegawai/{nip}?mutasi=1");
            if let Some(x) = h.skp_lama_id {
                tujuan.push_str(&format!("&skp_lama={x}"));
            }
            if let Some(x) = h.skp_baru_id {
                tujuan.push_str(&format!("&skp_baru={x}"));
            }
            Redirect::to(&tujuan).into_response()
        }
        Err(e) if galat_form(&e) => {
            let d = coba!(s, app.detail_pegawai(p, &nip).await);
            let galat_mutasi = galat_untuk("mutasi", &e, Value::from_serialize(&f));
            halaman_pegawai(&s, d, status_galat(&e), context! { galat_mutasi })
        }
        Err(e) => s.galat(e),
    }
}
