//! Monitoring dashboards ("Pemantauan", the national system's Monitoring Pengisian and
//! Monitoring Kurva): for a period and for the instansi or one unit, how many pegawai have a set
//! SKP for the year, documented the period's months, and how far the period's evaluations are
//! (signed, draft, missing, acknowledged); which units are off their distribution guideline;
//! which keberatan wait for the atasan's decision; which sanction deadlines are near. Each row
//! is a child unit with its subtree; a unit's own pegawai are listed one by one; every view is
//! exported as XLSX or CSV ([`ekspor`]).
//!
//! Who: the HR admin for the whole instansi, the head of a unit for the subtree they lead (the
//! scope of the HR exports, [`crate::laporan`]); anyone else 403, a unit outside the scope 403,
//! an unknown unit 404.
//!
//! How: one grouped query counts the pegawai per unit of their position (the store's
//! [`kinerja_store::StorePemantauan::rekap_pemantauan`]); subtrees are summed here over the
//! cached organisation index. The units off their curve are the distribution page's own result
//! ([`App::ringkasan_distribusi`]), not a second computation. Nothing is stored for the
//! dashboards.

pub mod ekspor;

use crate::akses::Pengguna;
use crate::error::AppResult;
use crate::evaluasi::{periode_sah, subpohon};
use crate::laporan::lingkup_laporan;
use crate::organisasi::IndeksOrganisasi;
use crate::App;
use chrono::{Datelike, NaiveDate};
use kinerja_domain::distribusi::HasilDistribusi;
use kinerja_domain::evaluasi::keberatan::StatusKeberatan;
use kinerja_domain::evaluasi::StatusEvaluasi;
use kinerja_domain::kuadran::{CapaianOrganisasi, Predikat};
use kinerja_domain::pelaksanaan::kalender::batas_dokumentasi;
use kinerja_domain::periode::{nama_bulan, periode_berjalan, tanggal_wib, Periode};
use kinerja_domain::profil::ProfilKebijakan;
use kinerja_domain::skp::StatusSkp;
use kinerja_store::{PegawaiPemantauan, PeriodePemantauan, RekapPemantauan};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

/// Sanction deadlines within this many days from today (or already past) are "near".
pub const HARI_TENGGAT: i64 = 30;
/// A unit's own pegawai listed on a page at most (the export has them all).
pub const MAKS_PEGAWAI: usize = 2_000;
/// Keberatan listed on a page at most (the oldest first; the counts cover all).
pub const MAKS_KEBERATAN: usize = 20;
/// Views with at most this many capaian units read each unit's distribution on its own.
const MAKS_UNIT_SATU_SATU: usize = 40;
/// Pegawai per store query when listing.
const HALAMAN: i64 = 2_000;

/// What a caller asks for, as typed: checked here (access → period → unit).
#[derive(Debug, Clone, Default)]
pub struct PermintaanPemantauan {
    /// "2026-10", "2026-T4" (a quarterly profile) or "2026"; absent: the current period.
    pub periode: Option<String>,
    /// A unit of the caller's scope; absent: the whole scope.
    pub unit_id: Option<i64>,
}

/// One measure as a progress bar: `nilai` of `dari`, and the rounded percentage.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Kemajuan {
    pub nilai: u64,
    pub dari: u64,
    /// 0–100, rounded half up; 0 when `dari` is 0.
    pub persen: u64,
}

impl Kemajuan {
    pub fn baru(nilai: u64, dari: u64) -> Kemajuan {
        let persen = if dari == 0 {
            0
        } else {
            (nilai.min(dari) * 200 + dari) / (2 * dari)
        };
        Kemajuan {
            nilai,
            dari,
            persen,
        }
    }
}

/// The counts of a set of pegawai (a unit with its subtree, a unit's own pegawai, a scope).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct AngkaPemantauan {
    pub pegawai: u64,
    /// With an open SKP of the year, in any state.
    pub skp: u64,
    /// With a set SKP (ditetapkan, or a revision open on a set version).
    pub skp_ditetapkan: u64,
    /// Without an SKP of the year at all.
    pub tanpa_skp: u64,
    /// With a realisation in the period's months (for a month: that month).
    pub terdokumentasi: u64,
    /// Evaluations of the period signed by the rater (acknowledged ones included).
    pub evaluasi_ditandatangani: u64,
    /// Evaluations of the period still a draft (unsigned).
    pub evaluasi_draf: u64,
    /// Pegawai with a set SKP (started by the period's end) and no evaluation of the period.
    pub evaluasi_belum: u64,
    /// Signed evaluations the pegawai acknowledged.
    pub evaluasi_diterima: u64,
    /// Keberatan waiting for the atasan's decision (any period).
    pub keberatan_menunggu: u64,
    /// Capaian units in the subtree whose distribution is off the guideline this period.
    pub unit_menyimpang: u64,
    /// Sanction cases whose current stage ends within [`HARI_TENGGAT`] days (or is past).
    pub tenggat_sanksi: u64,
}

impl AngkaPemantauan {
    fn tambah(&mut self, o: &AngkaPemantauan) {
        self.pegawai += o.pegawai;
        self.skp += o.skp;
        self.skp_ditetapkan += o.skp_ditetapkan;
        self.tanpa_skp += o.tanpa_skp;
        self.terdokumentasi += o.terdokumentasi;
        self.evaluasi_ditandatangani += o.evaluasi_ditandatangani;
        self.evaluasi_draf += o.evaluasi_draf;
        self.evaluasi_belum += o.evaluasi_belum;
        self.evaluasi_diterima += o.evaluasi_diterima;
        self.keberatan_menunggu += o.keberatan_menunggu;
        self.unit_menyimpang += o.unit_menyimpang;
        self.tenggat_sanksi += o.tenggat_sanksi;
    }

    fn dari_rekap(r: &RekapPemantauan) -> AngkaPemantauan {
        let n = |x: i64| x.max(0) as u64;
        AngkaPemantauan {
            pegawai: n(r.pegawai),
            skp: n(r.skp),
            skp_ditetapkan: n(r.skp_ditetapkan),
            tanpa_skp: n(r.pegawai - r.skp),
            terdokumentasi: n(r.terdokumentasi),
            evaluasi_ditandatangani: n(r.evaluasi_ditandatangani),
            evaluasi_draf: n(r.evaluasi_draf),
            evaluasi_belum: n(r.evaluasi_belum),
            evaluasi_diterima: n(r.evaluasi_diterima),
            ..Default::default()
        }
    }

    /// Set SKP among the pegawai.
    pub fn kemajuan_skp(&self) -> Kemajuan {
        Kemajuan::baru(self.skp_ditetapkan, self.pegawai)
    }
    /// Documented among those with a set SKP.
    pub fn kemajuan_dokumentasi(&self) -> Kemajuan {
        Kemajuan::baru(self.terdokumentasi, self.skp_ditetapkan)
    }
    /// Signed among the evaluations due (signed, draft, missing).
    pub fn kemajuan_evaluasi(&self) -> Kemajuan {
        Kemajuan::baru(
            self.evaluasi_ditandatangani,
            self.evaluasi_ditandatangani + self.evaluasi_draf + self.evaluasi_belum,
        )
    }
    /// Acknowledged among the signed.
    pub fn kemajuan_diterima(&self) -> Kemajuan {
        Kemajuan::baru(self.evaluasi_diterima, self.evaluasi_ditandatangani)
    }
}

/// The counts with their progress bars, as the API and the page show them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct RingkasanAngka {
    #[serde(flatten)]
    pub angka: AngkaPemantauan,
    pub kemajuan_skp: Kemajuan,
    pub kemajuan_dokumentasi: Kemajuan,
    pub kemajuan_evaluasi: Kemajuan,
    pub kemajuan_diterima: Kemajuan,
}

impl From<AngkaPemantauan> for RingkasanAngka {
    fn from(angka: AngkaPemantauan) -> Self {
        RingkasanAngka {
            kemajuan_skp: angka.kemajuan_skp(),
            kemajuan_dokumentasi: angka.kemajuan_dokumentasi(),
            kemajuan_evaluasi: angka.kemajuan_evaluasi(),
            kemajuan_diterima: angka.kemajuan_diterima(),
            angka,
        }
    }
}

/// One row of a view: a child unit with its whole subtree.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct BarisUnitPemantauan {
    pub unit_id: i64,
    pub nama: String,
    /// Units below it (its subtree without itself).
    pub jumlah_subunit: u64,
    /// Its own distribution is off the guideline this period.
    pub menyimpang: bool,
    pub angka: RingkasanAngka,
}

/// One pegawai of a unit.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct BarisPegawaiPemantauan {
    pub pegawai_id: i64,
    pub nip: String,
    pub nama: String,
    pub jabatan: Option<String>,
    pub unit_id: Option<i64>,
    pub unit_nama: Option<String>,
    /// The open SKP of the year.
    pub skp_id: Option<i64>,
    pub status_skp: Option<StatusSkp>,
    pub skp_ditetapkan: bool,
    /// IKI-months documented in the period's months; `terdokumentasi` when above 0.
    pub realisasi: u64,
    pub terdokumentasi: bool,
    /// The period's evaluation and the SKP it is on (an SKP closed by a mutasi may hold it).
    pub evaluasi_id: Option<i64>,
    pub evaluasi_skp_id: Option<i64>,
    pub status_evaluasi: Option<StatusEvaluasi>,
    pub predikat: Option<Predikat>,
    /// Set SKP, started by the period's end, and no evaluation of the period.
    pub evaluasi_belum: bool,
    pub keberatan: Option<StatusKeberatan>,
}

/// A capaian unit off its distribution guideline in the period (as the distribution page shows
/// it, without the chart).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct UnitMenyimpang {
    pub unit_id: i64,
    pub unit_nama: String,
    pub capaian_organisasi: Option<CapaianOrganisasi>,
    #[schema(value_type = BTreeMap<String, u32>)]
    pub jumlah: BTreeMap<Predikat, u32>,
    pub belum_ditandatangani: u32,
    pub hasil: HasilDistribusi,
}

/// A keberatan waiting for the atasan's decision.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct KeberatanPemantauan {
    pub id: i64,
    pub evaluasi_id: i64,
    pub skp_id: i64,
    pub pegawai_id: i64,
    pub nip: String,
    pub nama: String,
    pub unit_id: Option<i64>,
    pub unit_nama: Option<String>,
    pub periode: String,
    pub periode_label: String,
    /// The day it was filed (WIB) and the days it has waited since.
    pub diajukan: NaiveDate,
    pub menunggu_hari: i64,
}

/// A sanction case whose current stage ends soon (or has ended without a next step).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct TenggatSanksiPemantauan {
    pub kasus_id: i64,
    pub pegawai_id: i64,
    pub nip: String,
    pub nama: String,
    pub unit_id: Option<i64>,
    pub unit_nama: Option<String>,
    /// The stage the case is in (its code) and its words.
    pub tahap: String,
    pub tahap_label: String,
    pub tenggat: NaiveDate,
    /// Days from today to the deadline; negative when it has passed.
    pub sisa_hari: i64,
}

/// A step of the drill-down path; `unit_id` none for the whole scope.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct RemahPemantauan {
    pub unit_id: Option<i64>,
    pub nama: String,
}

/// The unit a view shows.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct UnitPemantauan {
    pub id: i64,
    pub nama: String,
    pub induk_id: Option<i64>,
}

/// One view of the dashboard.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct TampilanPemantauan {
    pub periode: String,
    pub periode_label: String,
    /// The months whose realisation counts as documented ("November 2026", "Oktober s.d.
    /// Desember 2026").
    pub bulan_dokumentasi: String,
    /// The last day to document the month (a month's view only).
    pub batas_dokumentasi: Option<NaiveDate>,
    /// The last day to evaluate the period (the profile's days after its end).
    pub batas_evaluasi: NaiveDate,
    pub hari_ini: NaiveDate,
    /// True for the HR admin: the scope is the whole instansi.
    pub seluruh_instansi: bool,
    /// The unit shown; none when the view is the scope's several top units.
    pub unit: Option<UnitPemantauan>,
    /// The path from the scope down to the unit shown (the last is the view itself).
    pub remah: Vec<RemahPemantauan>,
    /// Everything in the view (its subtree, or the whole scope).
    pub total: RingkasanAngka,
    /// One row per child unit, by name.
    pub unit_anak: Vec<BarisUnitPemantauan>,
    /// The counts of the unit's own pegawai (positions in the unit itself), when a unit is shown.
    pub sendiri: Option<RingkasanAngka>,
    /// The unit's own pegawai, by name (at most [`MAKS_PEGAWAI`]).
    pub pegawai: Vec<BarisPegawaiPemantauan>,
    /// True when the unit has more own pegawai than listed.
    pub pegawai_terpotong: bool,
    /// Pegawai holding no position (the whole instansi's view only).
    pub pegawai_tanpa_jabatan: u64,
    /// Capaian units of the view off their guideline, the largest first.
    pub menyimpang: Vec<UnitMenyimpang>,
    /// Keberatan waiting for a decision in the view, the oldest first (at most
    /// [`MAKS_KEBERATAN`]).
    pub keberatan: Vec<KeberatanPemantauan>,
    /// Sanction cases of the view whose current stage ends soon or has passed, the nearest first.
    pub tenggat_sanksi: Vec<TenggatSanksiPemantauan>,
    /// The window of "soon" for sanction deadlines, in days.
    pub hari_tenggat: i64,
}

/// Which pegawai a view covers and how it is drawn.
pub(crate) struct Simpul {
    /// The unit shown (none: the scope's several top units).
    pub unit: Option<i64>,
    /// The rows: child units (or the scope's top units).
    pub anak: Vec<i64>,
    /// The units counted: the unit's subtree, or the scope, sorted; none for the whole instansi
    /// (pegawai without a position included).
    pub cakupan: Option<Vec<i64>>,
    pub remah: Vec<RemahPemantauan>,
}

impl Simpul {
    pub(crate) fn memuat(&self, unit: Option<i64>) -> bool {
        match (&self.cakupan, unit) {
            (None, _) => true,
            (Some(v), Some(u)) => v.binary_search(&u).is_ok(),
            (Some(_), None) => false,
        }
    }
}

/// What every view and export needs, checked.
pub(crate) struct Konteks {
    pub inst: i64,
    pub org: Arc<IndeksOrganisasi>,
    pub periode: Periode,
    pub profil: ProfilKebijakan,
    pub saring: PeriodePemantauan,
    pub simpul: Simpul,
    pub seluruh_instansi: bool,
}

/// unit → its children, by name.
fn peta_anak(org: &IndeksOrganisasi) -> HashMap<i64, Vec<i64>> {
    let mut anak: HashMap<i64, Vec<i64>> = HashMap::new();
    for u in org.unit.values() {
        if let Some(i) = u.induk_id.filter(|i| org.unit.contains_key(i)) {
            anak.entry(i).or_default().push(u.id);
        }
    }
    for v in anak.values_mut() {
        urut_nama(org, v);
    }
    anak
}

fn nama_unit(org: &IndeksOrganisasi, u: i64) -> String {
    org.unit
        .get(&u)
        .map(|x| x.nama.clone())
        .unwrap_or_else(|| format!("Unit {u}"))
}

fn urut_nama(org: &IndeksOrganisasi, v: &mut [i64]) {
    v.sort_by(|a, b| {
        let n = |u: &i64| org.unit.get(u).map(|x| x.nama.as_str()).unwrap_or("");
        n(a).cmp(n(b)).then(a.cmp(b))
    });
}

/// The months whose realisation counts, as words.
fn label_bulan(p: Periode) -> String {
    let (a, b) = (p.mulai().month(), p.selesai().month());
    if a == b {
        format!("{} {}", nama_bulan(a), p.tahun())
    } else {
        format!("{} s.d. {} {}", nama_bulan(a), nama_bulan(b), p.tahun())
    }
}

/// The sum of `per_unit` over the subtree of `akar`.
fn jumlah_subpohon(
    akar: i64,
    anak: &HashMap<i64, Vec<i64>>,
    per_unit: &HashMap<i64, AngkaPemantauan>,
) -> (AngkaPemantauan, u64) {
    let mut total = AngkaPemantauan::default();
    let mut n = 0u64;
    let mut tumpuk = vec![akar];
    let mut dilihat: HashSet<i64> = HashSet::new();
    while let Some(u) = tumpuk.pop() {
        if !dilihat.insert(u) {
            continue;
        }
        n += 1;
        if let Some(a) = per_unit.get(&u) {
            total.tambah(a);
        }
        if let Some(v) = anak.get(&u) {
            tumpuk.extend(v.iter().copied());
        }
    }
    (total, n.saturating_sub(1))
}

impl App {
    /// Access, period and unit checked; which pegawai the view covers.
    pub(crate) async fn konteks_pemantauan(
        &self,
        p: &Pengguna,
        m: &PermintaanPemantauan,
    ) -> AppResult<Konteks> {
        let inst = p.instansi_id();
        let org = self.organisasi(inst).await?;
        let lingkup = lingkup_laporan(p, &org)?.unit;
        let (periode, profil) = match m.periode.as_deref().map(str::trim) {
            Some(k) if !k.is_empty() => periode_sah(self, inst, k).await?,
            _ => {
                let hari = crate::skp::hari_ini();
                let profil = self.profil_tahun(inst, hari.year()).await?;
                (periode_berjalan(profil.periode, hari), profil)
            }
        };
        let saring = PeriodePemantauan {
            tahun: periode.tahun(),
            bulan_awal: periode.mulai().month(),
            bulan_akhir: periode.selesai().month(),
            periode: periode.kode(),
            selesai: periode.selesai(),
        };
        let dalam = |u: i64| lingkup.as_ref().is_none_or(|v| v.binary_search(&u).is_ok());
        // The scope's top units: roots, or units whose parent is outside the scope.
        let mut puncak: Vec<i64> = org
            .unit
            .values()
            .filter(|u| dalam(u.id))
            .filter(|u| {
                u.induk_id
                    .is_none_or(|i| !org.unit.contains_key(&i) || !dalam(i))
            })
            .map(|u| u.id)
            .collect();
        urut_nama(&org, &mut puncak);
        let seluruh_instansi = lingkup.is_none();
        let akar_remah = RemahPemantauan {
            unit_id: None,
            nama: if seluruh_instansi {
                "Seluruh instansi".into()
            } else {
                "Seluruh lingkup Anda".into()
            },
        };
        // One top unit is the scope itself (the Pemerintah Kota, or the one unit a head leads):
        // the scope's view is that unit's.
        let dilipat = (puncak.len() == 1).then(|| puncak[0]);
        let unit = match m.unit_id {
            Some(u) => {
                crate::laporan::unit_dalam_lingkup(&org, lingkup.as_deref(), u, "pemantauan")?;
                Some(u)
            }
            None => dilipat,
        };
        let simpul = match unit {
            None => Simpul {
                unit: None,
                anak: puncak,
                cakupan: lingkup,
                remah: vec![akar_remah],
            },
            Some(u) => {
                let mut anak = peta_anak(&org).remove(&u).unwrap_or_default();
                anak.retain(|&a| dalam(a));
                // The HR admin's view of the one root is the whole instansi, pegawai without a
                // position included.
                let cakupan = (!(seluruh_instansi && Some(u) == dilipat)).then(|| {
                    let mut v = subpohon(&org, u);
                    v.retain(|&a| dalam(a));
                    v.sort_unstable();
                    v
                });
                let mut remah = vec![akar_remah];
                remah.extend(
                    org.jalur_unit(u)
                        .into_iter()
                        .filter(|x| dalam(x.id) && Some(x.id) != dilipat)
                        .map(|x| RemahPemantauan {
                            unit_id: Some(x.id),
                            nama: x.nama.clone(),
                        }),
                );
                Simpul {
                    unit: Some(u),
                    anak,
                    cakupan,
                    remah,
                }
            }
        };
        Ok(Konteks {
            inst,
            org,
            periode,
            profil,
            saring,
            simpul,
            seluruh_instansi,
        })
    }

    /// One view of the dashboard (see the module documentation).
    pub async fn pemantauan(
        &self,
        p: &Pengguna,
        m: &PermintaanPemantauan,
    ) -> AppResult<TampilanPemantauan> {
        let k = self.konteks_pemantauan(p, m).await?;
        let hari = crate::skp::hari_ini();
        let isi = self.isi_pemantauan(p, &k, hari).await?;
        let mut pegawai = Vec::new();
        let mut pegawai_terpotong = false;
        if let Some(u) = k.simpul.unit {
            let mut setelah = 0;
            loop {
                let hal = self
                    .store
                    .pegawai_pemantauan(k.inst, &k.saring, Some(&[u]), setelah, HALAMAN)
                    .await?;
                pegawai.extend(hal.items.iter().map(|x| baris_pegawai(&k.org, x)));
                if pegawai.len() > MAKS_PEGAWAI {
                    pegawai_terpotong = true;
                    break;
                }
                match hal.berikut {
                    Some(c) => setelah = c,
                    None => break,
                }
            }
            pegawai.sort_by(|a, b| a.nama.cmp(&b.nama).then(a.pegawai_id.cmp(&b.pegawai_id)));
            pegawai.truncate(MAKS_PEGAWAI);
        }
        let mut keberatan = isi.keberatan;
        keberatan.truncate(MAKS_KEBERATAN);
        Ok(TampilanPemantauan {
            periode: k.periode.kode(),
            periode_label: k.periode.label(),
            bulan_dokumentasi: label_bulan(k.periode),
            batas_dokumentasi: match k.periode {
                Periode::Bulan { tahun, bulan } => Some(batas_dokumentasi(tahun, bulan)),
                _ => None,
            },
            batas_evaluasi: k.profil.kalender.batas_evaluasi(&k.periode),
            hari_ini: hari,
            seluruh_instansi: k.seluruh_instansi,
            unit: k.simpul.unit.map(|u| UnitPemantauan {
                id: u,
                nama: nama_unit(&k.org, u),
                induk_id: k.org.unit.get(&u).and_then(|x| x.induk_id),
            }),
            remah: k.simpul.remah.clone(),
            total: isi.total.into(),
            unit_anak: isi.baris,
            sendiri: isi.sendiri.map(Into::into),
            pegawai,
            pegawai_terpotong,
            pegawai_tanpa_jabatan: isi.tanpa_jabatan,
            menyimpang: isi.menyimpang,
            keberatan,
            tenggat_sanksi: isi.tenggat_sanksi,
            hari_tenggat: HARI_TENGGAT,
        })
    }

    /// The counts of a view: rows, the unit's own, the total, and the lists behind them.
    pub(crate) async fn isi_pemantauan(
        &self,
        p: &Pengguna,
        k: &Konteks,
        hari: NaiveDate,
    ) -> AppResult<IsiPemantauan> {
        let org = &k.org;
        let s = &k.simpul;
        let rekap = self
            .store
            .rekap_pemantauan(k.inst, &k.saring, s.cakupan.as_deref())
            .await?;
        let mut per_unit: HashMap<i64, AngkaPemantauan> = HashMap::new();
        let mut tanpa_jabatan = AngkaPemantauan::default();
        for r in &rekap {
            let a = AngkaPemantauan::dari_rekap(r);
            match r.unit_id {
                Some(u) if s.memuat(Some(u)) => per_unit.entry(u).or_default().tambah(&a),
                Some(_) => {}
                None if s.cakupan.is_none() => tanpa_jabatan.tambah(&a),
                None => {}
            }
        }
        // Keberatan waiting, by the unit of the pegawai's position.
        let mut keberatan = Vec::new();
        for x in self.store.keberatan_menunggu(k.inst).await? {
            if !s.memuat(x.unit_id) {
                continue;
            }
            match x.unit_id {
                Some(u) => per_unit.entry(u).or_default().keberatan_menunggu += 1,
                None => tanpa_jabatan.keberatan_menunggu += 1,
            }
            let diajukan = tanggal_wib(x.diajukan);
            keberatan.push(KeberatanPemantauan {
                id: x.id,
                evaluasi_id: x.evaluasi_id,
                skp_id: x.skp_id,
                pegawai_id: x.pegawai_id,
                nip: x.nip,
                nama: x.nama,
                unit_id: x.unit_id,
                unit_nama: x.unit_id.map(|u| nama_unit(org, u)),
                periode_label: Periode::parse(&x.periode)
                    .map(|p| p.label())
                    .unwrap_or_else(|_| x.periode.clone()),
                periode: x.periode,
                diajukan,
                menunggu_hari: (hari - diajukan).num_days().max(0),
            });
        }
        // The units off their curve: the distribution's own result, within the view. A view of a
        // few capaian units reads each unit's counts (the unit's distribution page); a larger
        // one the period's counts at once (the distribution summary, without its charts).
        let peta = self.peta_capaian(k.inst, k.periode).await?;
        let capaian: Vec<_> = peta
            .values()
            .filter(|c| s.memuat(Some(c.unit_id)))
            .collect();
        let distribusi = if capaian.len() <= MAKS_UNIT_SATU_SATU {
            let mut v = Vec::with_capacity(capaian.len());
            for c in capaian {
                v.push(self.distribusi_satu_unit(k.inst, org, c, &k.profil).await?);
            }
            v
        } else {
            self.distribusi_periode(p, &k.periode.kode(), false)
                .await?
                .unit
        };
        let mut menyimpang: Vec<UnitMenyimpang> = distribusi
            .into_iter()
            .filter(|d| !d.hasil.sesuai_pedoman)
            .filter_map(|d| {
                let u = d.unit_id.filter(|u| s.memuat(Some(*u)))?;
                Some(UnitMenyimpang {
                    unit_id: u,
                    unit_nama: d.unit_nama,
                    capaian_organisasi: d.capaian_organisasi,
                    jumlah: d.jumlah,
                    belum_ditandatangani: d.belum_ditandatangani,
                    hasil: d.hasil,
                })
            })
            .collect();
        let selisih = |m: &UnitMenyimpang| {
            m.hasil
                .pelanggaran
                .iter()
                .map(|x| x.selisih_pegawai)
                .sum::<u32>()
        };
        menyimpang.sort_by(|a, b| {
            selisih(b)
                .cmp(&selisih(a))
                .then_with(|| a.unit_nama.cmp(&b.unit_nama))
        });
        for m in &menyimpang {
            per_unit.entry(m.unit_id).or_default().unit_menyimpang += 1;
        }
        let tenggat_sanksi = self.tenggat_sanksi_pemantauan(k, hari).await?;
        for t in &tenggat_sanksi {
            match t.unit_id {
                Some(u) => per_unit.entry(u).or_default().tenggat_sanksi += 1,
                None => tanpa_jabatan.tenggat_sanksi += 1,
            }
        }
        let anak_peta = peta_anak(org);
        let menyimpang_id: HashSet<i64> = menyimpang.iter().map(|m| m.unit_id).collect();
        let baris: Vec<BarisUnitPemantauan> = s
            .anak
            .iter()
            .map(|&u| {
                let (angka, jumlah_subunit) = jumlah_subpohon(u, &anak_peta, &per_unit);
                BarisUnitPemantauan {
                    unit_id: u,
                    nama: nama_unit(org, u),
                    jumlah_subunit,
                    menyimpang: menyimpang_id.contains(&u),
                    angka: angka.into(),
                }
            })
            .collect();
        let sendiri = s
            .unit
            .map(|u| per_unit.get(&u).copied().unwrap_or_default());
        let mut total = AngkaPemantauan::default();
        for b in &baris {
            total.tambah(&b.angka.angka);
        }
        if let Some(x) = &sendiri {
            total.tambah(x);
        }
        total.tambah(&tanpa_jabatan);
        Ok(IsiPemantauan {
            total,
            baris,
            sendiri,
            tanpa_jabatan: tanpa_jabatan.pegawai,
            tanpa_jabatan_angka: tanpa_jabatan,
            menyimpang,
            keberatan,
            tenggat_sanksi,
        })
    }
}

impl App {
    /// The sanction cases of the view whose current stage ends within [`HARI_TENGGAT`] days (or
    /// has ended), the nearest first; a case belongs to the unit of the pegawai's position now.
    async fn tenggat_sanksi_pemantauan(
        &self,
        k: &Konteks,
        hari: NaiveDate,
    ) -> AppResult<Vec<TenggatSanksiPemantauan>> {
        let sampai = hari
            .checked_add_days(chrono::Days::new(HARI_TENGGAT.unsigned_abs()))
            .unwrap_or(NaiveDate::MAX);
        let unit_pegawai = |id: i64| {
            k.org
                .jabatan_pegawai
                .get(&id)
                .and_then(|j| k.org.jabatan.get(j))
                .map(|j| j.unit_id)
        };
        let kasus: Vec<_> = self
            .store
            .tenggat_sanksi(k.inst, sampai)
            .await?
            .into_iter()
            .filter(|t| k.simpul.memuat(unit_pegawai(t.pegawai_id)))
            .collect();
        if kasus.is_empty() {
            return Ok(Vec::new());
        }
        let ids: Vec<i64> = kasus.iter().map(|t| t.pegawai_id).collect();
        let orang: HashMap<i64, kinerja_store::Pegawai> = self
            .pegawai_id(k.inst, &ids)
            .await?
            .into_iter()
            .map(|p| (p.id, p))
            .collect();
        Ok(kasus
            .into_iter()
            .map(|t| {
                let unit_id = unit_pegawai(t.pegawai_id);
                let o = orang.get(&t.pegawai_id);
                TenggatSanksiPemantauan {
                    kasus_id: t.kasus_id,
                    pegawai_id: t.pegawai_id,
                    nip: o.map(|o| o.nip.to_string()).unwrap_or_default(),
                    nama: o.map(|o| o.nama.clone()).unwrap_or_default(),
                    unit_id,
                    unit_nama: unit_id.map(|u| nama_unit(&k.org, u)),
                    tahap: t.tahap.kode().to_string(),
                    tahap_label: t.tahap.label().to_string(),
                    tenggat: t.tenggat,
                    sisa_hari: (t.tenggat - hari).num_days(),
                }
            })
            .collect())
    }
}

/// The counted content of a view.
pub(crate) struct IsiPemantauan {
    pub total: AngkaPemantauan,
    pub baris: Vec<BarisUnitPemantauan>,
    pub sendiri: Option<AngkaPemantauan>,
    pub tanpa_jabatan: u64,
    pub tanpa_jabatan_angka: AngkaPemantauan,
    pub menyimpang: Vec<UnitMenyimpang>,
    pub keberatan: Vec<KeberatanPemantauan>,
    pub tenggat_sanksi: Vec<TenggatSanksiPemantauan>,
}

pub(crate) fn baris_pegawai(
    org: &IndeksOrganisasi,
    x: &PegawaiPemantauan,
) -> BarisPegawaiPemantauan {
    BarisPegawaiPemantauan {
        pegawai_id: x.pegawai_id,
        nip: x.nip.clone(),
        nama: x.nama.clone(),
        jabatan: x
            .jabatan_id
            .and_then(|j| org.jabatan.get(&j))
            .map(|j| j.nama.clone()),
        unit_id: x.unit_id,
        unit_nama: x.unit_id.map(|u| nama_unit(org, u)),
        skp_id: x.skp_id,
        status_skp: x.status_skp,
        skp_ditetapkan: x.skp_ditetapkan,
        realisasi: x.realisasi.max(0) as u64,
        terdokumentasi: x.realisasi > 0,
        evaluasi_id: x.evaluasi_id,
        evaluasi_skp_id: x.evaluasi_skp_id,
        status_evaluasi: x.status_evaluasi,
        predikat: x.predikat,
        evaluasi_belum: x.evaluasi_belum,
        keberatan: x.keberatan,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_rounds_half_up_and_caps() {
        assert_eq!(Kemajuan::baru(0, 0).persen, 0);
        assert_eq!(Kemajuan::baru(1, 3).persen, 33);
        assert_eq!(Kemajuan::baru(2, 3).persen, 67);
        assert_eq!(Kemajuan::baru(1, 8).persen, 13); // 12.5 → 13
        assert_eq!(Kemajuan::baru(5, 5).persen, 100);
        assert_eq!(Kemajuan::baru(7, 5).persen, 100, "never above 100");
    }

    #[test]
    fn months_of_a_period_in_words() {
        let p = |s: &str| Periode::parse(s).unwrap();
        assert_eq!(label_bulan(p("2026-11")), "November 2026");
        assert_eq!(label_bulan(p("2026-T4")), "Oktober s.d. Desember 2026");
        assert_eq!(label_bulan(p("2026")), "Januari s.d. Desember 2026");
    }

    #[test]
    fn a_subtree_sums_its_units_once() {
        let anak = HashMap::from([(1, vec![2, 3]), (2, vec![4])]);
        let a = |n| AngkaPemantauan {
            pegawai: n,
            skp_ditetapkan: n / 2,
            ..Default::default()
        };
        let per_unit = HashMap::from([(1, a(1)), (2, a(10)), (4, a(100)), (9, a(1000))]);
        let (t, sub) = jumlah_subpohon(1, &anak, &per_unit);
        assert_eq!((t.pegawai, t.skp_ditetapkan, sub), (111, 55, 3));
        let (t, sub) = jumlah_subpohon(2, &anak, &per_unit);
        assert_eq!((t.pegawai, sub), (110, 1));
    }
}
