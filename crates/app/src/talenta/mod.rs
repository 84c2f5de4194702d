//! The talent view and angka kredit, computed from the recorded evaluations (no second copy):
//!
//! - **the kuadran kinerja of a unit** for a period ([`App::kisi_talenta`]): a 3×3 grid with
//!   rating hasil kerja as rows (Di Atas, Sesuai, Di Bawah Ekspektasi, top to bottom) and rating
//!   perilaku as columns (Di Bawah, Sesuai, Di Atas, left to right), as Lampiran I and the
//!   kalkulator draw it; each cell has its predikat (`kuadran::predikat`), count, share and
//!   names. Only evaluations **signed** by the rater count (`ditandatangani_penilai`,
//!   `diterima_pegawai`: the locked ones); drafts are counted apart and placed nowhere. An
//!   evaluation belongs to the unit it was made in, as in the ranking and distribution.
//! - **the history across years** ([`App::riwayat_talenta`]): the unit's pegawai (those whose
//!   position is in it now) × years, each cell the signed annual evaluation's kuadran; and one
//!   pegawai's years with their annual and periodic predikat ([`App::riwayat_kinerja_pegawai`]).
//! - **angka kredit** of a JF pegawai per year and accumulated ([`App::angka_kredit_pegawai`],
//!   the rules in [`angka_kredit`], shared with the HR export).
//!
//! Who: the grid and the unit history for HR admin (whole instansi) and unit heads (their
//! subtree), 403 for others; one pegawai's history and angka kredit for the pegawai, their rater
//! and atasan pejabat penilai, the heads of the units above them and HR admin; the pegawai's own
//! rater or atasan looking down at them gets 403, anyone else 404.

pub mod angka_kredit;

use crate::akses::Pengguna;
use crate::error::{AppError, AppResult};
use crate::evaluasi::{periode_sah, subpohon};
use crate::laporan::{pohon_pilihan, PeriodePilihan, UnitPilihan};
use crate::organisasi::{Hubungan, IndeksOrganisasi};
use crate::App;
use angka_kredit::{
    akumulasi, angka_kredit_tahun, jabatan_skp, PredikatTercatat, SkpAngkaKredit, TahunAngkaKredit,
};
use chrono::Datelike;
use kinerja_domain::evaluasi::keberatan::StatusKeberatan;
use kinerja_domain::evaluasi::StatusEvaluasi;
use kinerja_domain::jabatan::{JenisJabatan, Jenjang};
use kinerja_domain::kuadran::{predikat, Predikat, Rating};
use kinerja_domain::nip::Nip;
use kinerja_domain::periode::{periode_berjalan, periode_dalam_tahun, Periode};
use kinerja_domain::skp::StatusSkp;
use kinerja_store::{EvaluasiRiwayat, Pegawai, SkpRiwayat};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// Names listed per cell of the grid (the count is always whole).
pub const MAKS_NAMA_SEL: usize = 100;
/// Years one history may span.
pub const MAKS_TAHUN: i32 = 10;
/// Pegawai per page of the history table: default and largest.
pub const HALAMAN_RIWAYAT: i64 = 200;
pub const MAKS_HALAMAN_RIWAYAT: i64 = 1000;

/// A pegawai in a cell: the evaluation behind it and where it was made.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct PegawaiSel {
    pub pegawai_id: i64,
    pub nip: String,
    pub nama: String,
    pub unit_id: Option<i64>,
    pub unit_nama: Option<String>,
    pub evaluasi_id: i64,
    pub skp_id: i64,
    pub periode: String,
    /// The evaluation's page.
    pub tautan: String,
}

/// One cell of the kuadran.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct SelTalenta {
    pub rating_hasil_kerja: Rating,
    pub rating_perilaku: Rating,
    /// The cell's predikat (`kuadran::predikat`).
    pub predikat: Predikat,
    /// Signed evaluations in the cell.
    pub jumlah: u32,
    /// Share of the grid's signed evaluations, in percent with one decimal.
    pub persen: f64,
    /// The first [`MAKS_NAMA_SEL`] by name.
    pub pegawai: Vec<PegawaiSel>,
    /// How many more are in the cell than listed.
    pub pegawai_lainnya: u32,
}

/// One row of the kuadran: a rating hasil kerja, its cells by rating perilaku.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct BarisTalenta {
    pub rating_hasil_kerja: Rating,
    pub sel: Vec<SelTalenta>,
}

/// The kuadran kinerja of a unit for a period.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct KisiTalenta {
    pub periode: String,
    pub periode_label: String,
    /// The unit chosen; none for the caller's whole scope.
    pub unit_id: Option<i64>,
    pub unit_nama: String,
    /// Whether the unit's sub-units are included.
    pub subunit: bool,
    /// The ratings perilaku of the columns, left to right.
    pub kolom: Vec<Rating>,
    /// Top to bottom: Di Atas, Sesuai, Di Bawah Ekspektasi.
    pub baris: Vec<BarisTalenta>,
    /// Signed evaluations on the grid.
    pub jumlah: u32,
    /// Per predikat (the kuadran's cells added up).
    #[schema(value_type = BTreeMap<String, u32>)]
    pub per_predikat: BTreeMap<Predikat, u32>,
    /// Evaluations of the period still drafts: counted here, placed nowhere.
    pub belum_ditandatangani: u32,
}

/// A signed evaluation in a history cell.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct SelRiwayat {
    pub evaluasi_id: i64,
    pub skp_id: i64,
    pub periode: String,
    pub periode_label: String,
    pub rating_hasil_kerja: Rating,
    pub rating_perilaku: Rating,
    pub predikat: Predikat,
    pub status: StatusEvaluasi,
    pub keberatan: Option<StatusKeberatan>,
    pub unit_id: Option<i64>,
    pub tautan: String,
}

/// One year of a pegawai in a history: the signed annual evaluation, or why there is none.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct SelTahun {
    pub tahun: i32,
    pub evaluasi: Option<SelRiwayat>,
    /// An annual evaluation exists but is not signed yet.
    pub draf: bool,
}

/// A pegawai in the history table.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct BarisRiwayat {
    pub pegawai_id: i64,
    pub nip: String,
    pub nama: String,
    pub jabatan: Option<String>,
    pub unit_nama: Option<String>,
    /// One per year of `tahun`, in that order.
    pub tahun: Vec<SelTahun>,
}

/// The unit's pegawai × years: one page by pegawai id.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct RiwayatTalenta {
    pub unit_id: Option<i64>,
    pub unit_nama: String,
    pub subunit: bool,
    pub tahun: Vec<i32>,
    pub items: Vec<BarisRiwayat>,
    /// The cursor of the next page (`?cursor=`), none after the last.
    pub next_cursor: Option<String>,
}

/// Who a per-pegawai page is about.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct RingkasPegawai {
    pub id: i64,
    pub nip: String,
    pub nama: String,
    pub jabatan: Option<String>,
    pub jenis_jabatan: Option<JenisJabatan>,
    pub jenjang: Option<Jenjang>,
    pub unit_nama: Option<String>,
}

impl From<&Pegawai> for RingkasPegawai {
    fn from(p: &Pegawai) -> Self {
        RingkasPegawai {
            id: p.id,
            nip: p.nip.to_string(),
            nama: p.nama.clone(),
            jabatan: p.jabatan_nama.clone(),
            jenis_jabatan: p.jenis_jabatan,
            jenjang: p.jenjang,
            unit_nama: p.unit_nama.clone(),
        }
    }
}

/// One year of one pegawai.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct TahunKinerja {
    pub tahun: i32,
    pub tahunan: SelTahun,
    /// The signed periodic evaluations of the year, by period.
    pub periodik: Vec<SelRiwayat>,
    /// The positions of the year's SKP, in order (two after a mutasi).
    pub jabatan: Vec<String>,
    /// Whether any SKP of the year was of a jabatan fungsional.
    pub fungsional: bool,
}

/// One pegawai's years × kuadran (newest first).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct RiwayatKinerjaPegawai {
    pub pegawai: RingkasPegawai,
    pub tahun: Vec<TahunKinerja>,
    /// Whether the pegawai has angka kredit to show (a JF year, or JF now).
    pub angka_kredit: bool,
}

/// One JF pegawai's angka kredit per year (oldest first) and accumulated.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct AngkaKreditPegawai {
    pub pegawai: RingkasPegawai,
    pub tahun: Vec<TahunAngkaKredit>,
    /// The accumulation of every year, rounded for display.
    pub jumlah: f64,
    pub jumlah_eksak: f64,
    /// Why there is nothing to show (not a JF), none otherwise.
    pub keterangan: Option<String>,
}

/// What the talent page offers.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct PilihanTalenta {
    /// True for HR admin: "the whole instansi" may be chosen.
    pub seluruh_instansi: bool,
    pub unit: Vec<UnitPilihan>,
    /// Years and periods that have begun, newest first ("2026", "2026-11", …).
    pub periode: Vec<PeriodePilihan>,
    /// The period shown first: the last periodic period that has ended.
    pub periode_bawaan: String,
    pub tahun_sekarang: i32,
}

/// A grid as asked for (the API's query, the page's form).
#[derive(Debug, Clone, Default)]
pub struct PermintaanKisi {
    pub unit_id: Option<i64>,
    pub periode: Option<String>,
    /// Include sub-units (default yes).
    pub subunit: Option<bool>,
}

/// A history table as asked for.
#[derive(Debug, Clone, Default)]
pub struct PermintaanRiwayat {
    pub unit_id: Option<i64>,
    pub subunit: Option<bool>,
    pub tahun_awal: Option<i32>,
    pub tahun_akhir: Option<i32>,
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

/// The units of the caller's talent view: `None` every unit (HR admin), a head's subtrees;
/// anyone else 403.
fn lingkup_talenta(p: &Pengguna, org: &IndeksOrganisasi) -> AppResult<Option<Vec<i64>>> {
    crate::laporan::unit_pimpinan(p, org, "Kuadran talenta")
}

/// The units asked for, checked against the scope.
struct Cakupan {
    /// Sorted; none for the whole instansi.
    unit: Option<Vec<i64>>,
    unit_id: Option<i64>,
    nama: String,
    subunit: bool,
}

fn cakupan(
    p: &Pengguna,
    org: &IndeksOrganisasi,
    unit_id: Option<i64>,
    subunit: Option<bool>,
) -> AppResult<Cakupan> {
    let lingkup = lingkup_talenta(p, org)?;
    let subunit = subunit.unwrap_or(true);
    let Some(u) = unit_id else {
        let nama = match &lingkup {
            None => "Seluruh instansi".to_string(),
            Some(_) => "Seluruh unit yang Anda pimpin".to_string(),
        };
        return Ok(Cakupan {
            unit: lingkup,
            unit_id: None,
            nama,
            subunit: true,
        });
    };
    let unit = crate::laporan::unit_dalam_lingkup(org, lingkup.as_deref(), u, "kuadran talenta")?;
    let mut v = if subunit { subpohon(org, u) } else { vec![u] };
    v.sort_unstable();
    Ok(Cakupan {
        unit: Some(v),
        unit_id: Some(u),
        nama: unit.nama.clone(),
        subunit,
    })
}

/// The last periodic period that has ended (the grid's default: the current one is still
/// being rated).
fn periode_lalu(jenis: kinerja_domain::profil::JenisPeriode, hari: chrono::NaiveDate) -> Periode {
    let kini = periode_berjalan(jenis, hari);
    kini.mulai()
        .pred_opt()
        .map(|d| periode_berjalan(jenis, d))
        .unwrap_or(kini)
}

fn tautan_evaluasi(skp_id: i64, periode: &str) -> String {
    format!("/evaluasi/skp/{skp_id}/{periode}")
}

fn sel_riwayat(e: &EvaluasiRiwayat) -> SelRiwayat {
    SelRiwayat {
        evaluasi_id: e.id,
        skp_id: e.skp_id,
        periode_label: Periode::parse(&e.periode)
            .map(|p| p.label())
            .unwrap_or_else(|_| e.periode.clone()),
        periode: e.periode.clone(),
        rating_hasil_kerja: e.rating_hasil_kerja,
        rating_perilaku: e.rating_perilaku,
        predikat: e.predikat,
        status: e.status,
        keberatan: e.keberatan,
        unit_id: e.unit_id,
        tautan: tautan_evaluasi(e.skp_id, &e.periode),
    }
}

/// A year's cell from the annual evaluations of the pegawai (signed first).
fn sel_tahun(tahun: i32, tahunan: &[&EvaluasiRiwayat]) -> SelTahun {
    let kode = tahun.to_string();
    let milik: Vec<&&EvaluasiRiwayat> = tahunan.iter().filter(|e| e.periode == kode).collect();
    SelTahun {
        tahun,
        evaluasi: milik
            .iter()
            .find(|e| e.status.terkunci())
            .map(|e| sel_riwayat(e)),
        draf: milik.iter().any(|e| !e.status.terkunci()),
    }
}

/// A whole-number query value checked for range, 422 naming the field.
fn tahun_sah(bidang: &str, t: i32) -> AppResult<i32> {
    if (1900..=9999).contains(&t) {
        Ok(t)
    } else {
        Err(AppError::bidang_tidak_valid(
            bidang,
            format!("Tahun harus antara 1900 dan 9999 (diterima {t})"),
        ))
    }
}

/// The SKP of a year and their evaluations as angka kredit reads them.
pub(crate) fn bahan_angka_kredit(
    org: &IndeksOrganisasi,
    p: &Pegawai,
    skp: &[&SkpRiwayat],
    eval: &[&EvaluasiRiwayat],
) -> (Vec<SkpAngkaKredit>, Vec<PredikatTercatat>) {
    let s = skp
        .iter()
        .map(|s| {
            let (jabatan, jenjang) = jabatan_skp(org, s.jabatan_id, p);
            SkpAngkaKredit {
                id: s.id,
                mulai: s.mulai,
                selesai: s.selesai,
                fungsional: s.jenis_jabatan == Some(JenisJabatan::Fungsional),
                jenjang,
                jabatan,
                ditutup: s.status == StatusSkp::Ditutup,
            }
        })
        .collect();
    let e = eval
        .iter()
        .filter_map(|e| {
            Some(PredikatTercatat {
                skp_id: e.skp_id,
                periode: Periode::parse(&e.periode).ok()?,
                predikat: e.predikat,
                ditandatangani: e.status.terkunci(),
            })
        })
        .collect();
    (s, e)
}

impl App {
    /// What the talent page offers the caller: units in scope, periods that have begun.
    pub async fn pilihan_talenta(&self, p: &Pengguna) -> AppResult<PilihanTalenta> {
        let inst = p.instansi_id();
        let org = self.organisasi(inst).await?;
        let lingkup = lingkup_talenta(p, &org)?;
        let hari = crate::skp::hari_ini();
        let tahun = hari.year();
        let mut periode = Vec::new();
        let mut periode_bawaan = None;
        for t in (tahun - 2..=tahun).rev() {
            let profil = self.profil_tahun(inst, t).await?;
            if t == tahun {
                periode_bawaan = Some(periode_lalu(profil.periode, hari).kode());
            }
            periode.push(PeriodePilihan {
                kode: t.to_string(),
                label: format!("Tahun {t}"),
            });
            periode.extend(
                periode_dalam_tahun(profil.periode, t)
                    .into_iter()
                    .filter(|x| x.mulai() <= hari)
                    .rev()
                    .map(|x| PeriodePilihan {
                        kode: x.kode(),
                        label: x.label(),
                    }),
            );
        }
        Ok(PilihanTalenta {
            seluruh_instansi: lingkup.is_none(),
            unit: pohon_pilihan(&org, lingkup.as_deref()),
            periode,
            periode_bawaan: periode_bawaan.unwrap_or_else(|| tahun.to_string()),
            tahun_sekarang: tahun,
        })
    }

    /// The kuadran kinerja of a unit (with its sub-units unless asked otherwise, or the caller's
    /// whole scope) for a period: signed evaluations only; drafts counted apart.
    pub async fn kisi_talenta(&self, p: &Pengguna, m: &PermintaanKisi) -> AppResult<KisiTalenta> {
        let inst = p.instansi_id();
        let org = self.organisasi(inst).await?;
        let c = cakupan(p, &org, m.unit_id, m.subunit)?;
        let kode = match m
            .periode
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            Some(k) => k.to_string(),
            None => {
                let hari = crate::skp::hari_ini();
                let profil = self.profil_tahun(inst, hari.year()).await?;
                periode_lalu(profil.periode, hari).kode()
            }
        };
        let (periode, _) = periode_sah(self, inst, &kode).await?;
        let kode = periode.kode();
        let eval = self
            .store
            .evaluasi_talenta(inst, &kode, c.unit.as_deref())
            .await?;
        let urut = Rating::SEMUA;
        let kolom: Vec<Rating> = urut.iter().rev().copied().collect();
        let jumlah = eval.iter().filter(|e| e.status.terkunci()).count() as u32;
        let belum = eval.len() as u32 - jumlah;
        let mut per_predikat: BTreeMap<Predikat, u32> = BTreeMap::new();
        let baris = urut
            .iter()
            .map(|&h| BarisTalenta {
                rating_hasil_kerja: h,
                sel: kolom
                    .iter()
                    .map(|&pr| {
                        let di_sel: Vec<_> = eval
                            .iter()
                            .filter(|e| {
                                e.status.terkunci()
                                    && e.rating_hasil_kerja == h
                                    && e.rating_perilaku == pr
                            })
                            .collect();
                        let n = di_sel.len() as u32;
                        let pk = predikat(h, pr);
                        *per_predikat.entry(pk).or_default() += n;
                        SelTalenta {
                            rating_hasil_kerja: h,
                            rating_perilaku: pr,
                            predikat: pk,
                            jumlah: n,
                            persen: if jumlah == 0 {
                                0.0
                            } else {
                                (f64::from(n) * 1000.0 / f64::from(jumlah)).round() / 10.0
                            },
                            pegawai: di_sel
                                .iter()
                                .take(MAKS_NAMA_SEL)
                                .map(|e| PegawaiSel {
                                    pegawai_id: e.pegawai_id,
                                    nip: e.nip.clone(),
                                    nama: e.nama.clone(),
                                    unit_id: e.unit_id,
                                    unit_nama: e
                                        .unit_id
                                        .and_then(|u| org.unit.get(&u))
                                        .map(|u| u.nama.clone()),
                                    evaluasi_id: e.evaluasi_id,
                                    skp_id: e.skp_id,
                                    periode: e.periode.clone(),
                                    tautan: tautan_evaluasi(e.skp_id, &e.periode),
                                })
                                .collect(),
                            pegawai_lainnya: n.saturating_sub(MAKS_NAMA_SEL as u32),
                        }
                    })
                    .collect(),
            })
            .collect();
        Ok(KisiTalenta {
            periode: kode,
            periode_label: periode.label(),
            unit_id: c.unit_id,
            unit_nama: c.nama,
            subunit: c.subunit,
            kolom,
            baris,
            jumlah,
            per_predikat,
            belum_ditandatangani: belum,
        })
    }

    /// The unit's pegawai (by their position now) × years, each cell the signed annual
    /// evaluation's kuadran; one keyset page by pegawai id.
    pub async fn riwayat_talenta(
        &self,
        p: &Pengguna,
        m: &PermintaanRiwayat,
    ) -> AppResult<RiwayatTalenta> {
        let inst = p.instansi_id();
        let org = self.organisasi(inst).await?;
        let c = cakupan(p, &org, m.unit_id, m.subunit)?;
        let sekarang = crate::skp::hari_ini().year();
        let akhir = tahun_sah("tahun_akhir", m.tahun_akhir.unwrap_or(sekarang))?;
        let awal = tahun_sah("tahun_awal", m.tahun_awal.unwrap_or(akhir - 2))?;
        if awal > akhir {
            return Err(AppError::bidang_tidak_valid(
                "tahun_awal",
                format!("Tahun awal ({awal}) tidak boleh sesudah tahun akhir ({akhir})"),
            ));
        }
        if akhir - awal >= MAKS_TAHUN {
            return Err(AppError::bidang_tidak_valid(
                "tahun_awal",
                format!("Riwayat paling banyak {MAKS_TAHUN} tahun; persempit {awal}–{akhir}"),
            ));
        }
        let limit = m.limit.unwrap_or(HALAMAN_RIWAYAT);
        if !(1..=MAKS_HALAMAN_RIWAYAT).contains(&limit) {
            return Err(AppError::bidang_tidak_valid(
                "limit",
                format!("Harus antara 1 dan {MAKS_HALAMAN_RIWAYAT}"),
            ));
        }
        let setelah = match m.cursor.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            None => 0,
            Some(s) => s.parse::<i64>().ok().filter(|x| *x >= 0).ok_or_else(|| {
                AppError::bidang_tidak_valid("cursor", "Kursor tidak dikenal; ulangi dari awal")
            })?,
        };
        // A page filtered by units may come back short with more to read: read on until full.
        let mut pegawai: Vec<Pegawai> = Vec::new();
        let mut berikut = Some(setelah);
        while let Some(s) = berikut {
            if pegawai.len() as i64 >= limit {
                break;
            }
            let h = self
                .store
                .pegawai_laporan(inst, c.unit.as_deref(), s, limit - pegawai.len() as i64)
                .await?;
            pegawai.extend(h.items);
            berikut = h.berikut;
        }
        let next_cursor = berikut.and_then(|_| pegawai.last().map(|p| p.id.to_string()));
        let ids: Vec<i64> = pegawai.iter().map(|p| p.id).collect();
        let mut per_pegawai: HashMap<i64, Vec<EvaluasiRiwayat>> = HashMap::new();
        if !ids.is_empty() {
            for e in self
                .store
                .evaluasi_tahunan_pegawai(inst, &ids, awal, akhir)
                .await?
            {
                per_pegawai.entry(e.pegawai_id).or_default().push(e);
            }
        }
        let tahun: Vec<i32> = (awal..=akhir).collect();
        let items = pegawai
            .iter()
            .map(|x| {
                let e: Vec<&EvaluasiRiwayat> = per_pegawai
                    .get(&x.id)
                    .map(|v| v.iter().collect())
                    .unwrap_or_default();
                BarisRiwayat {
                    pegawai_id: x.id,
                    nip: x.nip.to_string(),
                    nama: x.nama.clone(),
                    jabatan: x.jabatan_nama.clone(),
                    unit_nama: x.unit_nama.clone(),
                    tahun: tahun.iter().map(|&t| sel_tahun(t, &e)).collect(),
                }
            })
            .collect();
        Ok(RiwayatTalenta {
            unit_id: c.unit_id,
            unit_nama: c.nama,
            subunit: c.subunit,
            tahun,
            items,
            next_cursor,
        })
    }

    /// A pegawai by NIP (or id) whose history and angka kredit the caller may see.
    pub(crate) async fn pegawai_talenta(
        &self,
        p: &Pengguna,
        kunci: &str,
    ) -> AppResult<(Pegawai, Arc<IndeksOrganisasi>)> {
        let inst = p.instansi_id();
        let k = kunci.trim();
        let tidak_ada = || AppError::TidakDitemukan(format!("Pegawai '{k}' tidak ditemukan"));
        let peg = if let Ok(nip) = Nip::parse(k) {
            self.store.pegawai_by_nip(inst, nip.as_str()).await?
        } else if let Ok(id) = k.parse::<i64>() {
            self.store
                .pegawai_by_ids(inst, &[id])
                .await?
                .into_iter()
                .next()
        } else {
            None
        }
        .ok_or_else(tidak_ada)?;
        let org = self.organisasi(inst).await?;
        if p.admin() {
            return Ok((peg, org));
        }
        let saya = p.pegawai_id();
        let kepala_di_atas = saya.is_some_and(|s| {
            peg.unit_id.is_some_and(|u| {
                org.jalur_unit(u)
                    .iter()
                    .any(|x| org.kepala_unit(x.id) == Some(s))
            })
        });
        match org.hubungan(saya, peg.id) {
            Hubungan::Diri | Hubungan::PejabatPenilai | Hubungan::AtasanPejabatPenilai => {
                Ok((peg, org))
            }
            _ if kepala_di_atas => Ok((peg, org)),
            Hubungan::PenilaiSaya => Err(AppError::Dilarang(
                "Riwayat kinerja dan angka kredit pegawai ini hanya untuk pegawai itu sendiri, \
                 pejabat penilainya, atasannya, kepala unitnya dan admin BKPSDM"
                    .into(),
            )),
            _ => Err(tidak_ada()),
        }
    }

    /// Every SKP of the pegawai and every evaluation of them, by year.
    async fn riwayat_pegawai(
        &self,
        inst: i64,
        pegawai_id: i64,
    ) -> AppResult<(Vec<SkpRiwayat>, Vec<EvaluasiRiwayat>)> {
        let skp = self.store.skp_riwayat(inst, pegawai_id, 1900, 9999).await?;
        let ids: Vec<i64> = skp.iter().map(|s| s.id).collect();
        let eval = if ids.is_empty() {
            Vec::new()
        } else {
            self.store.evaluasi_skp_riwayat(inst, &ids).await?
        };
        Ok((skp, eval))
    }

    /// One pegawai's years (newest first): the signed annual evaluation's kuadran, the signed
    /// periodic ones, the year's positions.
    pub async fn riwayat_kinerja_pegawai(
        &self,
        p: &Pengguna,
        kunci: &str,
    ) -> AppResult<RiwayatKinerjaPegawai> {
        let (peg, org) = self.pegawai_talenta(p, kunci).await?;
        let (skp, eval) = self.riwayat_pegawai(p.instansi_id(), peg.id).await?;
        let mut tahun_v: Vec<i32> = skp.iter().map(|s| s.tahun).collect();
        tahun_v.sort_unstable();
        tahun_v.dedup();
        let tahun = tahun_v
            .iter()
            .rev()
            .map(|&t| {
                let e: Vec<&EvaluasiRiwayat> = eval.iter().filter(|e| e.tahun == t).collect();
                let skp_t: Vec<&SkpRiwayat> = skp.iter().filter(|s| s.tahun == t).collect();
                TahunKinerja {
                    tahun: t,
                    tahunan: sel_tahun(t, &e),
                    periodik: e
                        .iter()
                        .filter(|e| e.status.terkunci())
                        .filter(|e| Periode::parse(&e.periode).is_ok_and(|x| x.periodik()))
                        .map(|e| sel_riwayat(e))
                        .collect(),
                    jabatan: skp_t
                        .iter()
                        .filter_map(|s| jabatan_skp(&org, s.jabatan_id, &peg).0)
                        .fold(Vec::new(), |mut v, j| {
                            if !v.contains(&j) {
                                v.push(j);
                            }
                            v
                        }),
                    fungsional: skp_t
                        .iter()
                        .any(|s| s.jenis_jabatan == Some(JenisJabatan::Fungsional)),
                }
            })
            .collect::<Vec<_>>();
        let angka_kredit = peg.jenis_jabatan == Some(JenisJabatan::Fungsional)
            || tahun.iter().any(|t| t.fungsional);
        Ok(RiwayatKinerjaPegawai {
            pegawai: (&peg).into(),
            tahun,
            angka_kredit,
        })
    }

    /// A pegawai's angka kredit per JF year (oldest first) and accumulated.
    pub async fn angka_kredit_pegawai(
        &self,
        p: &Pengguna,
        kunci: &str,
    ) -> AppResult<AngkaKreditPegawai> {
        let (peg, org) = self.pegawai_talenta(p, kunci).await?;
        self.angka_kredit_dari(p.instansi_id(), &org, &peg).await
    }

    /// The caller's own angka kredit.
    pub async fn angka_kredit_saya(&self, p: &Pengguna) -> AppResult<AngkaKreditPegawai> {
        let peg = p.pegawai.clone().ok_or_else(|| {
            AppError::TidakDitemukan(
                "Akun ini tidak terhubung dengan pegawai; angka kredit dilihat per pegawai".into(),
            )
        })?;
        let org = self.organisasi(p.instansi_id()).await?;
        self.angka_kredit_dari(p.instansi_id(), &org, &peg).await
    }

    async fn angka_kredit_dari(
        &self,
        inst: i64,
        org: &IndeksOrganisasi,
        peg: &Pegawai,
    ) -> AppResult<AngkaKreditPegawai> {
        let (skp, eval) = self.riwayat_pegawai(inst, peg.id).await?;
        let mut tahun_v: Vec<i32> = skp
            .iter()
            .filter(|s| s.jenis_jabatan == Some(JenisJabatan::Fungsional))
            .map(|s| s.tahun)
            .collect();
        tahun_v.sort_unstable();
        tahun_v.dedup();
        let mut tahun: Vec<TahunAngkaKredit> = tahun_v
            .iter()
            .map(|&t| {
                let s: Vec<&SkpRiwayat> = skp.iter().filter(|s| s.tahun == t).collect();
                let e: Vec<&EvaluasiRiwayat> = eval.iter().filter(|e| e.tahun == t).collect();
                let (s, e) = bahan_angka_kredit(org, peg, &s, &e);
                angka_kredit_tahun(t, &s, &e)
            })
            .collect();
        let (jumlah_eksak, jumlah) = akumulasi(&mut tahun);
        let keterangan = tahun.is_empty().then(|| {
            if peg.jenis_jabatan == Some(JenisJabatan::Fungsional) {
                "Belum ada SKP jabatan fungsional; angka kredit dihitung dari evaluasi SKP yang ditandatangani".to_string()
            } else {
                "Angka kredit hanya untuk pegawai jabatan fungsional".to_string()
            }
        });
        Ok(AngkaKreditPegawai {
            pegawai: peg.into(),
            tahun,
            jumlah,
            jumlah_eksak,
            keterangan,
        })
    }
}
