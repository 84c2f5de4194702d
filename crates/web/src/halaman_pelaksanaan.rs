//! Execution pages (Pasal 16–22): a pegawai's month of realisasi with its bukti dukung, the
//! rater's team month, the feedback on an SKP (received, given, answered, asked for as 360),
//! the follow-up including pembinaan and the take-over of an RHK, progress reports on an
//! assignment, and the inbox.
//!
//! The conventions of `halaman_skp`: every form posts and then redirects (303); a rule broken
//! (422), a wrong state (409) or a file refused re-renders the page with that status, the message
//! next to the form that was sent and what was typed in it. No JavaScript: plain forms and links.

use crate::api_pelaksanaan::{respons_berkas, unggah_multipart};
use crate::formulir::{angka, galat_form, galat_untuk, kosong, peta, tanggal, teks};
use crate::galat::id_path;
use crate::halaman::{coba, opsi, status_galat, wajib, Sesi};
use crate::halaman_skp::pilih;
use crate::Keadaan;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{DefaultBodyLimit, Multipart, Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use chrono::Datelike;
use kinerja_app::akses::Pengguna;
use kinerja_app::pelaksanaan::realisasi::BulanRealisasi;
use kinerja_app::pelaksanaan::umpan_balik::{HakUmpanBalik, UmpanBalikTampil};
use kinerja_app::skp::{hari_ini, LingkupSkp};
use kinerja_app::AppError;
use kinerja_domain::enumerasi::Enumerasi;
use kinerja_domain::pelaksanaan::realisasi::RealisasiMasuk;
use kinerja_domain::pelaksanaan::tindak_lanjut::{
    JenisPembinaan, JenisTindakLanjut, TindakLanjutMasuk,
};
use kinerja_domain::pelaksanaan::umpan_balik::{
    CaraUmpanBalik, JenisUmpanBalik, PemberiUmpanBalik, PermintaanMasuk, UmpanBalikMasuk,
};
use kinerja_domain::perilaku::{AspekPerilaku, JenisRhk};
use kinerja_domain::periode::nama_bulan;
use kinerja_domain::skp::StatusSkp;
use kinerja_store::{Bukti, FilterSkp};
use minijinja::{context, Value};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};

pub fn rute() -> Router<Keadaan> {
    Router::new()
        .route("/realisasi", get(realisasi_saya))
        .route("/realisasi/tim", get(bulan_tim))
        .route("/skp/{id}/realisasi", get(bulan_realisasi))
        .route("/skp/{id}/realisasi/{iki}", post(simpan_realisasi))
        .route(
            "/realisasi/{id}/bukti",
            post(unggah_bukti).layer(DefaultBodyLimit::disable()),
        )
        .route("/realisasi/{id}/tautan", post(tautan_bukti))
        .route("/bukti/{id}", get(unduh_bukti))
        .route("/bukti/{id}/hapus", post(hapus_bukti))
        .route(
            "/skp/{id}/umpan-balik",
            get(umpan_balik).post(beri_umpan_balik),
        )
        .route("/skp/{id}/permintaan", post(minta_umpan_balik))
        .route("/skp/{id}/tindak-lanjut", post(tindak_lanjut))
        .route("/skp/{id}/ambil-alih", post(ambil_alih))
        .route("/umpan-balik", get(umpan_balik_saya))
        .route("/umpan-balik/diberikan", get(umpan_balik_diberikan))
        .route("/umpan-balik/{id}/tanggapan", post(tanggapi))
        .route("/permintaan/{id}/anonim", post(atur_anonim))
        .route(
            "/penugasan/{id}/laporan",
            get(laporan_penugasan).post(lapor_penugasan),
        )
        .route("/notifikasi", get(notifikasi))
        .route("/notifikasi/dibaca", post(baca_semua))
        .route("/notifikasi/{id}/dibaca", post(baca_satu))
}

// ---------------------------------------------------------------------------------------------
// Helpers of these pages

/// `?bulan=` of a page: absent or empty is the default month; anything else must be a number.
fn bulan_query(s: Option<&str>) -> Result<Option<u32>, AppError> {
    match s.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(b) => b
            .parse()
            .map(Some)
            .map_err(|_| AppError::bidang_tidak_valid("bulan", "Bulan harus angka 1–12")),
    }
}

fn label() -> Value {
    context! {
        jenis_rhk => peta::<JenisRhk>(),
        jenis_ub => peta::<JenisUmpanBalik>(),
        cara => peta::<CaraUmpanBalik>(),
        sebagai => peta::<PemberiUmpanBalik>(),
        jenis_tl => peta::<JenisTindakLanjut>(),
        jenis_pembinaan => peta::<JenisPembinaan>(),
        aspek => peta::<AspekPerilaku>(),
        status_skp => peta::<StatusSkp>(),
    }
}

/// "12,3 KB" for a file size.
fn ukuran_teks(b: i64) -> String {
    const KIB: f64 = 1024.0;
    let f = b as f64;
    let (n, satuan) = if f < KIB {
        return format!("{b} bait");
    } else if f < KIB * KIB {
        (f / KIB, "KB")
    } else {
        (f / KIB / KIB, "MB")
    };
    let n = format!("{n:.1}");
    format!("{} {satuan}", n.trim_end_matches(".0").replace('.', ","))
}

/// A redirect target given by a form: a path of this site only.
fn jalur_lokal(s: &str) -> Option<&str> {
    let s = s.trim();
    (s.starts_with('/') && !s.starts_with("//") && !s.contains('\\') && !s.contains("://"))
        .then_some(s)
}

// ---------------------------------------------------------------------------------------------
// /realisasi: my set SKP of this year

/// The nav entry "Realisasi": the caller's set SKP of this year, its current month.
async fn realisasi_saya(s: Sesi) -> Response {
    let p = wajib!(s.wajib());
    if p.pegawai.is_none() {
        return Redirect::to("/skp/monitoring").into_response();
    }
    let tahun = hari_ini().year();
    let filter = FilterSkp {
        tahun: Some(tahun),
        limit: 20,
        ..Default::default()
    };
    let daftar = coba!(s, s.k.app.daftar_skp(p, LingkupSkp::Saya, filter).await).items;
    let ditetapkan = daftar
        .iter()
        .filter(|b| b.ringkasan.tahun == tahun && b.ringkasan.ditetapkan_pada.is_some())
        .filter(|b| {
            matches!(
                b.ringkasan.status,
                StatusSkp::Ditetapkan | StatusSkp::Revisi | StatusSkp::Ditutup
            )
        })
        .max_by_key(|b| (b.ringkasan.status != StatusSkp::Ditutup, b.ringkasan.mulai));
    match ditetapkan {
        Some(b) => Redirect::to(&format!("/skp/{}/realisasi", b.ringkasan.id)).into_response(),
        None => Redirect::to(&format!("/skp?tahun={tahun}")).into_response(),
    }
}

// ---------------------------------------------------------------------------------------------
// /skp/{id}/realisasi: one pegawai's month

#[derive(Deserialize)]
struct QBulan {
    bulan: Option<String>,
}

async fn bulan_realisasi(s: Sesi, Path(id): Path<String>, Query(q): Query<QBulan>) -> Response {
    let p = wajib!(s.wajib());
    let id = coba!(s, id_path(&id, "SKP"));
    let bulan = coba!(s, bulan_query(q.bulan.as_deref()));
    halaman_realisasi(&s, p, id, bulan, StatusCode::OK, kosong()).await
}

/// What the page shows of each file: its kind, size and a short SHA-256, by bukti id.
fn info_bukti(b: &BulanRealisasi) -> BTreeMap<String, Value> {
    b.rhk
        .iter()
        .flat_map(|r| &r.iki)
        .filter_map(|i| i.realisasi.as_ref())
        .flat_map(|r| &r.bukti)
        .map(|x: &Bukti| {
            let jenis = x
                .jenis_berkas
                .as_deref()
                .and_then(kinerja_bukti::JenisBerkas::dari_kode)
                .map(|j| j.label());
            let sha = x
                .sha256
                .as_deref()
                .map(|h| h.chars().take(12).collect::<String>());
            (
                x.id.to_string(),
                context! { jenis, ukuran => x.ukuran.map(ukuran_teks), sha },
            )
        })
        .collect()
}

async fn halaman_realisasi(
    s: &Sesi,
    p: &Pengguna,
    id: i64,
    bulan: Option<u32>,
    status: StatusCode,
    galat: Value,
) -> Response {
    let b = coba!(s, s.k.app.bulan_realisasi(p, id, bulan).await);
    let bulan_pilihan: Vec<Value> = b
        .bulan_tersedia
        .iter()
        .map(|&x| context! { bulan => x, label => nama_bulan(x) })
        .collect();
    let info = info_bukti(&b);
    s.halaman(
        status,
        "realisasi.html",
        context! {
            bulan_pilihan, info_bukti => info, galat, label => label(),
            batas_unggah => ukuran_teks(i64::try_from(s.k.app.batas_unggah).unwrap_or(i64::MAX)),
            b,
        },
    )
}

#[derive(Deserialize, Serialize, Default)]
#[serde(default)]
struct FormRealisasi {
    #[serde(skip_serializing)]
    csrf: String,
    realisasi: String,
    catatan: String,
    bulan: String,
}

/// `POST /skp/{id}/realisasi/{iki}`: write or replace one IKI's realisation of a month.
async fn simpan_realisasi(
    s: Sesi,
    Path((id, iki)): Path<(String, String)>,
    Form(f): Form<FormRealisasi>,
) -> Response {
    let p = wajib!(s.wajib_csrf(&f.csrf));
    let id = coba!(s, id_path(&id, "SKP"));
    let iki = coba!(s, id_path(&iki, "IKI"));
    let bulan = f
        .bulan
        .trim()
        .parse::<u32>()
        .map_err(|_| AppError::bidang_tidak_valid("bulan", "Bulan harus angka 1–12"));
    let hasil = match bulan {
        Ok(bulan) => {
            let m = RealisasiMasuk {
                iki_id: iki,
                bulan,
                realisasi: f.realisasi.clone(),
                catatan: teks(&f.catatan),
            };
            s.k.app.simpan_realisasi(p, id, m).await.map(|_| bulan)
        }
        Err(e) => Err(e),
    };
    match hasil {
        Ok(bulan) => {
            Redirect::to(&format!("/skp/{id}/realisasi?bulan={bulan}#iki-{iki}")).into_response()
        }
        Err(e) if galat_form(&e) => {
            // A month that is itself at fault is not shown again; the default month is.
            let bulan = f
                .bulan
                .trim()
                .parse()
                .ok()
                .filter(|_| !e.bidang().contains_key("bulan"));
            let galat = galat_untuk(&format!("realisasi-{iki}"), &e, Value::from_serialize(&f));
            halaman_realisasi(&s, p, id, bulan, status_galat(&e), galat).await
        }
        Err(e) => s.galat(e),
    }
}

/// Where an evidence form returns to: the SKP's month page.
#[derive(Deserialize, Serialize, Default)]
#[serde(default)]
struct QKembali {
    #[serde(skip_serializing)]
    csrf: String,
    skp: String,
    bulan: String,
}

impl QKembali {
    fn tujuan(&self, skp_id: i64, jangkar: &str) -> String {
        match self.bulan.trim().parse::<u32>() {
            Ok(b) => format!("/skp/{skp_id}/realisasi?bulan={b}#{jangkar}"),
            Err(_) => format!("/skp/{skp_id}/realisasi#{jangkar}"),
        }
    }
}

/// After an evidence form: back to the month, or the month again with the error by the form.
async fn selesai_bukti(
    s: &Sesi,
    p: &Pengguna,
    q: &QKembali,
    form: &str,
    isian: Value,
    hasil: Result<i64, AppError>,
) -> Response {
    match hasil {
        Ok(skp_id) => Redirect::to(&q.tujuan(skp_id, form)).into_response(),
        Err(e) if galat_form(&e) => {
            let skp = coba!(s, id_path(&q.skp, "SKP"));
            let bulan = q.bulan.trim().parse().ok();
            let galat = galat_untuk(form, &e, isian);
            halaman_realisasi(s, p, skp, bulan, status_galat(&e), galat).await
        }
        Err(e) => s.galat(e),
    }
}

/// `POST /realisasi/{id}/bukti?csrf=…&skp=…&bulan=…`: a file, streamed into the evidence
/// storage. The CSRF token travels in the query (as on the import page): the multipart body is
/// read only after the token is checked.
async fn unggah_bukti(
    s: Sesi,
    Path(rid): Path<String>,
    Query(q): Query<QKembali>,
    mp: Result<Multipart, MultipartRejection>,
) -> Response {
    let p = wajib!(s.wajib_csrf(&q.csrf));
    let rid = coba!(s, id_path(&rid, "Realisasi"));
    let hasil = match mp {
        Ok(mp) => unggah_multipart(&s.k.app, p, rid, mp)
            .await
            .map(|b| b.skp_id),
        Err(e) => Err(AppError::PermintaanSalah {
            pesan: format!("Formulir unggahan tidak dapat dibaca: {}", e.body_text()),
            bidang: Default::default(),
        }),
    };
    selesai_bukti(&s, p, &q, &format!("bukti-{rid}"), kosong(), hasil).await
}

#[derive(Deserialize, Serialize, Default)]
#[serde(default)]
struct FormTautan {
    #[serde(skip_serializing)]
    csrf: String,
    url: String,
    keterangan: String,
    skp: String,
    bulan: String,
}

/// `POST /realisasi/{id}/tautan`: a link as evidence.
async fn tautan_bukti(s: Sesi, Path(rid): Path<String>, Form(f): Form<FormTautan>) -> Response {
    let p = wajib!(s.wajib_csrf(&f.csrf));
    let rid = coba!(s, id_path(&rid, "Realisasi"));
    let hasil =
        s.k.app
            .tautan_bukti(p, rid, &f.url, &f.keterangan)
            .await
            .map(|b| b.skp_id);
    let q = QKembali {
        csrf: String::new(),
        skp: f.skp.clone(),
        bulan: f.bulan.clone(),
    };
    selesai_bukti(
        &s,
        p,
        &q,
        &format!("tautan-{rid}"),
        Value::from_serialize(&f),
        hasil,
    )
    .await
}

/// `GET /bukti/{id}`: an uploaded file for the browser session (a link is shown as itself, so
/// asking for it here is 404).
async fn unduh_bukti(s: Sesi, Path(id): Path<String>) -> Response {
    let p = wajib!(s.wajib());
    let id = coba!(s, id_path(&id, "Bukti dukung"));
    let (b, r) = coba!(s, s.k.app.buka_bukti(p, id).await);
    respons_berkas(&b, r)
}

/// `POST /bukti/{id}/hapus` (the pegawai).
async fn hapus_bukti(s: Sesi, Path(id): Path<String>, Form(q): Form<QKembali>) -> Response {
    let p = wajib!(s.wajib_csrf(&q.csrf));
    let id = coba!(s, id_path(&id, "Bukti dukung"));
    let hasil =
        s.k.app
            .hapus_bukti(p, id)
            .await
            .map(|b| (b.skp_id, b.realisasi_id));
    let jangkar = match &hasil {
        Ok((_, rid)) => format!("bukti-{rid}"),
        Err(_) => format!("hapus-{id}"),
    };
    selesai_bukti(&s, p, &q, &jangkar, kosong(), hasil.map(|(skp, _)| skp)).await
}

// ---------------------------------------------------------------------------------------------
// /realisasi/tim: the rater's month at a glance

async fn bulan_tim(s: Sesi, Query(q): Query<HashMap<String, String>>) -> Response {
    let p = wajib!(s.wajib());
    let angka_q = |k: &str| q.get(k).and_then(|v| v.trim().parse::<i64>().ok());
    let tahun = angka_q("tahun").and_then(|t| i32::try_from(t).ok());
    let bulan = angka_q("bulan").and_then(|b| u32::try_from(b).ok());
    let t = coba!(s, s.k.app.bulan_tim(p, tahun, bulan).await);
    let (sebelum, berikut) = if t.bulan == 1 {
        ((t.tahun - 1, 12), (t.tahun, 2))
    } else if t.bulan == 12 {
        ((t.tahun, 11), (t.tahun + 1, 1))
    } else {
        ((t.tahun, t.bulan - 1), (t.tahun, t.bulan + 1))
    };
    let bulan_pilihan: Vec<Value> = (1..=12)
        .map(|b| context! { bulan => b, label => nama_bulan(b) })
        .collect();
    // The status as a colour the stylesheet already has.
    let kelas = BTreeMap::from([
        ("lengkap", "status-ditetapkan"),
        ("sebagian", "status-diajukan"),
        ("belum", "status-dikembalikan"),
        ("skp_belum_ditetapkan", "status-draf"),
        ("tanpa_skp", "status-kosong"),
    ]);
    s.ok(
        "realisasi_tim.html",
        context! {
            bulan_pilihan, kelas,
            sebelum => context! { tahun => sebelum.0, bulan => sebelum.1 },
            berikut => context! { tahun => berikut.0, bulan => berikut.1 },
            jumlah => t.baris.len(),
            tim => t,
        },
    )
}

// ---------------------------------------------------------------------------------------------
// /skp/{id}/umpan-balik: feedback on one SKP

async fn umpan_balik(s: Sesi, Path(id): Path<String>) -> Response {
    let p = wajib!(s.wajib());
    let id = coba!(s, id_path(&id, "SKP"));
    halaman_umpan_balik(&s, p, id, StatusCode::OK, kosong()).await
}

/// Those who read the whole SKP (realisasi, every piece of feedback, follow-up).
fn lihat_semua(peran: &str) -> bool {
    matches!(peran, "pemilik" | "penilai" | "atasan" | "admin")
}

/// The feedback received, by what it concerns: each RHK in SKP order, then each perilaku aspect
/// in BerAKHLAK order; the newest first in each.
fn kelompokkan(hak: &HakUmpanBalik, items: Vec<UmpanBalikTampil>) -> Vec<Value> {
    let mut items = items;
    items.sort_by_key(|u| std::cmp::Reverse((u.tanggal, u.dibuat, u.id)));
    let mut urutan: Vec<(i64, String)> = hak.rhk.clone();
    for u in &items {
        if let Some(r) = u.rhk_id {
            if !urutan.iter().any(|(x, _)| *x == r) {
                urutan.push((r, u.sasaran.clone()));
            }
        }
    }
    let tampil = |u: &UmpanBalikTampil| Value::from_serialize(u);
    let mut grup = Vec::new();
    for (rid, uraian) in urutan {
        let isi: Vec<Value> = items
            .iter()
            .filter(|u| u.rhk_id == Some(rid))
            .map(tampil)
            .collect();
        if !isi.is_empty() {
            grup.push(context! { kunci => format!("rhk-{rid}"), rhk => true, judul => uraian, items => isi });
        }
    }
    for a in AspekPerilaku::SEMUA {
        let isi: Vec<Value> = items
            .iter()
            .filter(|u| u.rhk_id.is_none() && u.aspek == Some(*a))
            .map(tampil)
            .collect();
        if !isi.is_empty() {
            grup.push(context! { kunci => format!("aspek-{}", a.kode()), rhk => false, judul => format!("Perilaku: {}", a.label()), items => isi });
        }
    }
    grup
}

async fn halaman_umpan_balik(
    s: &Sesi,
    p: &Pengguna,
    id: i64,
    status: StatusCode,
    galat: Value,
) -> Response {
    let app = &s.k.app;
    // One access check for the whole page: an unrelated caller gets 404 here.
    let h = coba!(s, app.halaman_umpan_balik(p, id, Some(500)).await);
    let (hak, daftar, permintaan, tindak_lanjut, skp, pegawai) = (
        h.hak,
        h.umpan_balik,
        h.permintaan,
        h.tindak_lanjut,
        h.skp,
        h.pegawai,
    );
    let semua = lihat_semua(&hak.peran);
    let lebih = daftar.next_cursor.is_some();
    let jumlah = daftar.items.len();
    let grup = kelompokkan(&hak, daftar.items);
    // What feedback may be about: an assigner without a request comments on their assignment's
    // RHK only.
    let mut sasaran: Vec<Value> = hak
        .rhk
        .iter()
        .map(|(r, u)| context! { kode => format!("rhk:{r}"), label => format!("RHK: {u}") })
        .collect();
    if hak.peran != "pemberi_penugasan" || !hak.permintaan.is_empty() {
        sasaran.extend(AspekPerilaku::SEMUA.iter().map(|a| {
            context! { kode => format!("aspek:{}", a.kode()), label => format!("Perilaku: {}", a.label()) }
        }));
    }
    let jenis_ub: Vec<Value> = JenisUmpanBalik::SEMUA
        .iter()
        .filter(|j| hak.berkala || **j != JenisUmpanBalik::Berkala)
        .map(|j| context! { kode => j.kode(), label => j.label() })
        .collect();
    let sebagai_360: Vec<Value> = [
        PemberiUmpanBalik::Rekan,
        PemberiUmpanBalik::Bawahan,
        PemberiUmpanBalik::PemberiPenugasan,
        PemberiUmpanBalik::PihakLain,
    ]
    .iter()
    .map(|j| context! { kode => j.kode(), label => j.label() })
    .collect();
    let jenis_tl: Vec<Value> = JenisTindakLanjut::SEMUA
        .iter()
        .filter(|j| **j != JenisTindakLanjut::AmbilAlih)
        .map(|j| context! { kode => j.kode(), label => j.label() })
        .collect();
    let uraian_rhk: BTreeMap<String, String> = hak
        .rhk
        .iter()
        .map(|(r, u)| (r.to_string(), u.clone()))
        .collect();
    let diambil: HashSet<i64> = tindak_lanjut
        .iter()
        .filter(|t| t.jenis == JenisTindakLanjut::AmbilAlih)
        .filter_map(|t| t.rhk_id)
        .collect();
    let rhk_ambil_alih: Vec<Value> = hak
        .rhk
        .iter()
        .filter(|(r, _)| !diambil.contains(r))
        .map(|(r, u)| context! { id => r, uraian => u })
        .collect();
    let ditetapkan = skp.ditetapkan_pada.is_some();
    s.halaman(
        status,
        "umpan_balik.html",
        context! {
            skp => context! { id => skp.id, tahun => skp.tahun, status => skp.status.kode(), ditetapkan },
            pegawai, hak, grup, jumlah, lebih, permintaan, tindak_lanjut, sasaran, jenis_ub,
            sebagai_360, jenis_tl, uraian_rhk, rhk_ambil_alih, galat,
            lihat_semua => semua,
            lihat_realisasi => semua || hak.peran == "pemberi_penugasan",
            boleh_beri => ditetapkan && (hak.sebagai.is_some() || !hak.permintaan.is_empty()),
            hari_ini => hari_ini().to_string(),
            cara => opsi::<CaraUmpanBalik>(),
            jenis_pembinaan => opsi::<JenisPembinaan>(),
            label => label(),
        },
    )
}

/// After a form of the feedback page: back to it, or the page again with the error by the form.
async fn selesai_umpan_balik(
    s: &Sesi,
    p: &Pengguna,
    skp: Result<i64, AppError>,
    form: &str,
    isian: Value,
    hasil: Result<String, AppError>,
) -> Response {
    match hasil {
        Ok(tujuan) => Redirect::to(&tujuan).into_response(),
        Err(e) if galat_form(&e) => {
            let id = coba!(s, skp);
            let galat = galat_untuk(form, &e, isian);
            halaman_umpan_balik(s, p, id, status_galat(&e), galat).await
        }
        Err(e) => s.galat(e),
    }
}

#[derive(Deserialize, Serialize, Default)]
#[serde(default)]
struct FormUmpanBalik {
    #[serde(skip_serializing)]
    csrf: String,
    /// `rhk:12` or `aspek:kompeten`.
    sasaran: String,
    jenis: String,
    cara: String,
    tanggal: String,
    sumber: String,
    isi: String,
    permintaan_id: String,
}

impl FormUmpanBalik {
    fn masuk(&self) -> Result<UmpanBalikMasuk, AppError> {
        let (rhk_id, aspek) = match self.sasaran.trim().split_once(':') {
            Some(("rhk", r)) => (Some(id_path(r, "RHK").map_err(|_| salah_sasaran())?), None),
            Some(("aspek", a)) => (
                None,
                Some(AspekPerilaku::dari_kode(a).map_err(|_| salah_sasaran())?),
            ),
            None if self.sasaran.trim().is_empty() => (None, None),
            _ => return Err(salah_sasaran()),
        };
        Ok(UmpanBalikMasuk {
            rhk_id,
            aspek,
            jenis: pilih("jenis", &self.jenis)?,
            cara: pilih("cara", &self.cara)?,
            isi: self.isi.clone(),
            sumber: teks(&self.sumber),
            tanggal: tanggal("tanggal", &self.tanggal)?,
            permintaan_id: angka("permintaan_id", &self.permintaan_id)?,
        })
    }
}

fn salah_sasaran() -> AppError {
    AppError::bidang_tidak_valid_persis(
        "sasaran",
        "Pilih satu sasaran umpan balik: satu RHK atau satu aspek perilaku",
    )
}

/// `POST /skp/{id}/umpan-balik`: give feedback (or answer a 360 request).
async fn beri_umpan_balik(
    s: Sesi,
    Path(id): Path<String>,
    Form(f): Form<FormUmpanBalik>,
) -> Response {
    let p = wajib!(s.wajib_csrf(&f.csrf));
    let id = coba!(s, id_path(&id, "SKP"));
    let hasil = match f.masuk() {
        Ok(m) => {
            s.k.app
                .beri_umpan_balik(p, id, m)
                .await
                .map(|u| format!("/skp/{id}/umpan-balik#ub-{}", u.id))
        }
        Err(e) => Err(e),
    };
    selesai_umpan_balik(&s, p, Ok(id), "beri", Value::from_serialize(&f), hasil).await
}

#[derive(Deserialize, Serialize, Default)]
#[serde(default)]
struct FormPermintaan {
    #[serde(skip_serializing)]
    csrf: String,
    nip_pemberi: String,
    sebagai: String,
    batas: String,
    pesan: String,
    /// A checkbox: present when ticked.
    anonim: Option<String>,
}

/// `POST /skp/{id}/permintaan`: ask a named person for 360 feedback.
async fn minta_umpan_balik(
    s: Sesi,
    Path(id): Path<String>,
    Form(f): Form<FormPermintaan>,
) -> Response {
    let p = wajib!(s.wajib_csrf(&f.csrf));
    let id = coba!(s, id_path(&id, "SKP"));
    let masuk = || -> Result<PermintaanMasuk, AppError> {
        Ok(PermintaanMasuk {
            nip_pemberi: f.nip_pemberi.trim().to_string(),
            sebagai: pilih("sebagai", &f.sebagai)?,
            batas: tanggal("batas", &f.batas)?,
            anonim: f.anonim.is_some(),
            pesan: teks(&f.pesan),
        })
    };
    let hasil = match masuk() {
        Ok(m) => {
            s.k.app
                .minta_umpan_balik(p, id, m)
                .await
                .map(|r| format!("/skp/{id}/umpan-balik#permintaan-{}", r.id))
        }
        Err(e) => Err(e),
    };
    selesai_umpan_balik(&s, p, Ok(id), "minta", Value::from_serialize(&f), hasil).await
}

#[derive(Deserialize, Serialize, Default)]
#[serde(default)]
struct FormAnonim {
    #[serde(skip_serializing)]
    csrf: String,
    anonim: String,
    skp: String,
}

/// `POST /permintaan/{id}/anonim`: the rater allows (or withdraws) anonymity of an open request.
async fn atur_anonim(s: Sesi, Path(pid): Path<String>, Form(f): Form<FormAnonim>) -> Response {
    let p = wajib!(s.wajib_csrf(&f.csrf));
    let pid = coba!(s, id_path(&pid, "Permintaan"));
    let anonim = matches!(f.anonim.trim(), "true" | "1" | "ya" | "on");
    let hasil =
        s.k.app
            .atur_anonim_permintaan(p, pid, anonim)
            .await
            .map(|r| format!("/skp/{}/umpan-balik#permintaan-{pid}", r.skp_id));
    let skp = id_path(&f.skp, "SKP");
    selesai_umpan_balik(
        &s,
        p,
        skp,
        &format!("anonim-{pid}"),
        Value::from_serialize(&f),
        hasil,
    )
    .await
}

#[derive(Deserialize, Serialize, Default)]
#[serde(default)]
struct FormTanggapan {
    #[serde(skip_serializing)]
    csrf: String,
    tanggapan: String,
    skp: String,
}

/// `POST /umpan-balik/{id}/tanggapan`: the pegawai responds to feedback received.
async fn tanggapi(s: Sesi, Path(uid): Path<String>, Form(f): Form<FormTanggapan>) -> Response {
    let p = wajib!(s.wajib_csrf(&f.csrf));
    let uid = coba!(s, id_path(&uid, "Umpan balik"));
    let hasil =
        s.k.app
            .tanggapi_umpan_balik(p, uid, &f.tanggapan)
            .await
            .map(|u| format!("/skp/{}/umpan-balik#ub-{uid}", u.skp_id));
    let skp = id_path(&f.skp, "SKP");
    selesai_umpan_balik(
        &s,
        p,
        skp,
        &format!("tanggapan-{uid}"),
        Value::from_serialize(&f),
        hasil,
    )
    .await
}

#[derive(Deserialize, Serialize, Default)]
#[serde(default)]
struct FormTindakLanjut {
    #[serde(skip_serializing)]
    csrf: String,
    jenis: String,
    rhk_id: String,
    uraian: String,
    jenis_pembinaan: String,
    tanggal: String,
    topik: String,
    tindakan_disepakati: String,
}

impl FormTindakLanjut {
    fn masuk(&self) -> Result<TindakLanjutMasuk, AppError> {
        let jenis: Option<JenisTindakLanjut> = pilih("jenis", &self.jenis)?;
        let pembinaan = jenis == Some(JenisTindakLanjut::Pembinaan);
        Ok(TindakLanjutMasuk {
            jenis,
            rhk_id: angka("rhk_id", &self.rhk_id)?,
            umpan_balik_id: None,
            uraian: self.uraian.clone(),
            jenis_pembinaan: if pembinaan {
                pilih("jenis_pembinaan", &self.jenis_pembinaan)?
            } else {
                None
            },
            tanggal: if pembinaan {
                tanggal("tanggal", &self.tanggal)?
            } else {
                None
            },
            topik: teks(&self.topik),
            tindakan_disepakati: teks(&self.tindakan_disepakati),
        })
    }
}

/// `POST /skp/{id}/tindak-lanjut`: the rater records a follow-up (not the take-over).
async fn tindak_lanjut(
    s: Sesi,
    Path(id): Path<String>,
    Form(f): Form<FormTindakLanjut>,
) -> Response {
    let p = wajib!(s.wajib_csrf(&f.csrf));
    let id = coba!(s, id_path(&id, "SKP"));
    let hasil = match f.masuk() {
        Ok(m) if m.jenis == Some(JenisTindakLanjut::AmbilAlih) => {
            Err(AppError::bidang_tidak_valid_persis(
                "jenis",
                "Pengambilalihan RHK dicatat melalui formulir \"Ambil alih RHK\"",
            ))
        }
        Ok(m) => {
            s.k.app
                .catat_tindak_lanjut(p, id, m)
                .await
                .map(|t| format!("/skp/{id}/umpan-balik#tl-{}", t.id))
        }
        Err(e) => Err(e),
    };
    selesai_umpan_balik(
        &s,
        p,
        Ok(id),
        "tindak_lanjut",
        Value::from_serialize(&f),
        hasil,
    )
    .await
}

#[derive(Deserialize, Serialize, Default)]
#[serde(default)]
struct FormAmbilAlih {
    #[serde(skip_serializing)]
    csrf: String,
    rhk_id: String,
    catatan: String,
}

/// `POST /skp/{id}/ambil-alih`: the rater takes over an RHK, the last step (Pasal 20(6)–(7)).
async fn ambil_alih(s: Sesi, Path(id): Path<String>, Form(f): Form<FormAmbilAlih>) -> Response {
    let p = wajib!(s.wajib_csrf(&f.csrf));
    let id = coba!(s, id_path(&id, "SKP"));
    let hasil = match angka("rhk_id", &f.rhk_id) {
        Ok(rhk_id) => {
            let m = TindakLanjutMasuk {
                jenis: Some(JenisTindakLanjut::AmbilAlih),
                rhk_id,
                uraian: f.catatan.clone(),
                ..Default::default()
            };
            s.k.app
                .catat_tindak_lanjut(p, id, m)
                .await
                .map(|t| format!("/skp/{id}/umpan-balik#tl-{}", t.id))
        }
        Err(e) => Err(e),
    };
    selesai_umpan_balik(
        &s,
        p,
        Ok(id),
        "ambil_alih",
        Value::from_serialize(&f),
        hasil,
    )
    .await
}

// ---------------------------------------------------------------------------------------------
// /umpan-balik: requests waiting for me, feedback I gave

async fn umpan_balik_saya(s: Sesi) -> Response {
    let p = wajib!(s.wajib());
    let app = &s.k.app;
    let permintaan = coba!(s, app.permintaan_saya(p).await);
    let diberikan = coba!(s, app.umpan_balik_diberikan(p).await);
    // The names of those I gave feedback to (one read).
    let ids: Vec<i64> = diberikan
        .iter()
        .map(|u| u.pegawai_id)
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    let nama: BTreeMap<String, String> = if ids.is_empty() {
        BTreeMap::new()
    } else {
        coba!(
            s,
            app.store
                .pegawai_by_ids(p.instansi_id(), &ids)
                .await
                .map_err(AppError::from)
        )
        .into_iter()
        .map(|x| (x.id.to_string(), x.nama))
        .collect()
    };
    s.ok(
        "umpan_balik_saya.html",
        context! { permintaan, diberikan, nama, label => label() },
    )
}

/// The link of a response notification: the list of feedback I gave.
async fn umpan_balik_diberikan() -> Response {
    Redirect::to("/umpan-balik#diberikan").into_response()
}

// ---------------------------------------------------------------------------------------------
// /penugasan/{id}/laporan: progress reports on an accepted assignment

async fn laporan_penugasan(s: Sesi, Path(id): Path<String>) -> Response {
    let p = wajib!(s.wajib());
    let id = coba!(s, id_path(&id, "Penugasan"));
    halaman_laporan(&s, p, id, StatusCode::OK, kosong()).await
}

async fn halaman_laporan(
    s: &Sesi,
    p: &Pengguna,
    id: i64,
    status: StatusCode,
    galat: Value,
) -> Response {
    let app = &s.k.app;
    let x = coba!(s, app.detail_penugasan(p, id).await);
    let l = coba!(s, app.pelaporan_penugasan(p, id).await);
    s.halaman(status, "laporan_penugasan.html", context! { x, l, galat })
}

#[derive(Deserialize, Serialize, Default)]
#[serde(default)]
struct FormLaporan {
    #[serde(skip_serializing)]
    csrf: String,
    isi: String,
}

/// `POST /penugasan/{id}/laporan`: the pegawai reports progress to the assigning official.
async fn lapor_penugasan(s: Sesi, Path(id): Path<String>, Form(f): Form<FormLaporan>) -> Response {
    let p = wajib!(s.wajib_csrf(&f.csrf));
    let id = coba!(s, id_path(&id, "Penugasan"));
    match s.k.app.lapor_penugasan(p, id, &f.isi).await {
        Ok(l) => Redirect::to(&format!("/penugasan/{id}/laporan#laporan-{}", l.id)).into_response(),
        Err(e) if galat_form(&e) => {
            let galat = galat_untuk("lapor", &e, Value::from_serialize(&f));
            halaman_laporan(&s, p, id, status_galat(&e), galat).await
        }
        Err(e) => s.galat(e),
    }
}

// ---------------------------------------------------------------------------------------------
// /notifikasi: the inbox

async fn notifikasi(s: Sesi, Query(q): Query<HashMap<String, String>>) -> Response {
    let p = wajib!(s.wajib());
    let cursor = q.get("cursor").and_then(|c| c.trim().parse().ok());
    let k = coba!(s, s.k.app.kotak_masuk(p, cursor, Some(50)).await);
    s.ok("notifikasi.html", context! { k })
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct FormBaca {
    csrf: String,
    /// The notification's own link, to go on to.
    ke: String,
}

/// `POST /notifikasi/{id}/dibaca`: mark one read, then open its link (a path of this site).
async fn baca_satu(s: Sesi, Path(id): Path<String>, Form(f): Form<FormBaca>) -> Response {
    let p = wajib!(s.wajib_csrf(&f.csrf));
    let id = coba!(s, id_path(&id, "Notifikasi"));
    coba!(s, s.k.app.tandai_dibaca(p, Some(id)).await);
    let ke = jalur_lokal(&f.ke).unwrap_or("/notifikasi");
    Redirect::to(ke).into_response()
}

/// `POST /notifikasi/dibaca`: mark every message read.
async fn baca_semua(s: Sesi, Form(f): Form<FormBaca>) -> Response {
    let p = wajib!(s.wajib_csrf(&f.csrf));
    coba!(s, s.k.app.tandai_dibaca(p, None).await);
    Redirect::to("/notifikasi").into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ukuran_dan_jalur() {
        assert_eq!(ukuran_teks(300), "300 bait");
        assert_eq!(ukuran_teks(1536), "1,5 KB");
        assert_eq!(ukuran_teks(3 * 1024 * 1024), "3 MB");
        assert_eq!(ukuran_teks(20 * 1024 * 1024), "20 MB");
        assert_eq!(
            jalur_lokal("/skp/1/umpan-balik"),
            Some("/skp/1/umpan-balik")
        );
        assert_eq!(jalur_lokal("//jahat.example/x"), None);
        assert_eq!(jalur_lokal("https://jahat.example"), None);
        assert_eq!(jalur_lokal(""), None);
    }

    #[test]
    fn sasaran_umpan_balik_dari_satu_pilihan() {
        let f = |s: &str| FormUmpanBalik {
            sasaran: s.into(),
            ..Default::default()
        };
        let m = f("rhk:12").masuk().unwrap();
        assert_eq!((m.rhk_id, m.aspek), (Some(12), None));
        let m = f("aspek:kompeten").masuk().unwrap();
        assert_eq!((m.rhk_id, m.aspek), (None, Some(AspekPerilaku::Kompeten)));
        assert!(f("aspek:tidak_ada").masuk().is_err());
        assert!(f("lain:1").masuk().is_err());
        let m = f("").masuk().unwrap();
        assert_eq!((m.rhk_id, m.aspek), (None, None));
    }
}
