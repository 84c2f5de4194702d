//! HR exports (XLSX and CSV, streamed): SKP report, evaluation report, TPP basis, ranking, angka
//! kredit — the tables BKPSDM offices otherwise rebuild by hand, one row per pegawai in scope.
//!
//! Who: the HR admin for the whole instansi (or one unit with its sub-units), the head of a unit
//! for the subtree they lead; anyone else is refused (403), as for the distribution curves.
//!
//! How: the pegawai in scope are read in keyset pages of [`HALAMAN`] by id; each page's SKP and
//! evaluations come in a few grouped queries, become rows here (labels, dates and the rules of
//! the domain: TPP deduction from the instansi's profile, competition ranking, angka kredit with
//! the months of a part-year SKP), and go through a small bounded channel to a writer on a
//! blocking thread ([`berkas::tulis`]) that writes XLSX in constant-memory mode or CSV into an
//! anonymous temporary file. The web layer sends the finished file as a stream; memory stays
//! bounded by a page, whatever the number of rows. A failure half-way drops the file (it has no
//! name on disk) and answers a clean error.

pub mod berkas;
mod isi;

use crate::akses::Pengguna;
use crate::error::{AppError, AppResult};
use crate::evaluasi::{periode_sah, subpohon, unit_dipimpin};
use crate::organisasi::IndeksOrganisasi;
use crate::App;
use berkas::{kolom, Bentuk, Kolom, Sel};
use kinerja_domain::enumerasi::Enumerasi;
use kinerja_domain::periode::{periode_berjalan, periode_dalam_tahun, Periode};
use serde::Serialize;
use std::collections::HashMap;

/// Pegawai per store query.
pub const HALAMAN: i64 = 2_000;

kinerja_domain::enumerasi!(
    /// The HR reports (`GET /api/v1/laporan/{jenis}`).
    JenisLaporan, "jenis", {
        Skp => ("skp", "Rekap SKP"),
        Evaluasi => ("evaluasi", "Rekap evaluasi kinerja"),
        Tpp => ("tpp", "Dasar pembayaran TPP"),
        Peringkat => ("peringkat", "Peringkat kinerja"),
        AngkaKredit => ("angka_kredit", "Angka kredit jabatan fungsional"),
    }
);

kinerja_domain::enumerasi!(
    /// The file format of a report.
    FormatLaporan, "format", {
        Xlsx => ("xlsx", "XLSX (Excel)"),
        Csv => ("csv", "CSV (UTF-8, koma)"),
    }
);

impl JenisLaporan {
    /// Reports of a year (SKP, angka kredit); the others take any evaluation period.
    pub fn tahunan(self) -> bool {
        matches!(self, JenisLaporan::Skp | JenisLaporan::AngkaKredit)
    }

    /// A report named in a path: unknown is 404, with the valid names.
    pub fn dari_path(s: &str) -> AppResult<JenisLaporan> {
        JenisLaporan::dari_kode(s).map_err(|_| {
            AppError::TidakDitemukan(format!(
                "Laporan '{}' tidak dikenal; pilihan yang sah: {}",
                s.trim(),
                JenisLaporan::SEMUA
                    .iter()
                    .map(|j| j.kode())
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
        })
    }

    /// The columns of the report, in order.
    pub fn kolom(self) -> &'static [Kolom] {
        match self {
            JenisLaporan::Skp => &KOLOM_SKP,
            JenisLaporan::Evaluasi => &KOLOM_EVALUASI,
            JenisLaporan::Tpp => &KOLOM_TPP,
            JenisLaporan::Peringkat => &KOLOM_PERINGKAT,
            JenisLaporan::AngkaKredit => &KOLOM_ANGKA_KREDIT,
        }
    }
}

impl FormatLaporan {
    /// `?format=`: absent or empty is XLSX.
    pub fn dari_query(s: Option<&str>) -> AppResult<FormatLaporan> {
        match s.map(str::trim).filter(|s| !s.is_empty()) {
            None => Ok(FormatLaporan::Xlsx),
            Some(s) => FormatLaporan::dari_kode(s)
                .map_err(|e| AppError::bidang_tidak_valid_persis("format", e.to_string())),
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            FormatLaporan::Xlsx => {
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
            FormatLaporan::Csv => "text/csv; charset=utf-8",
        }
    }
}

const KOLOM_SKP: [Kolom; 16] = [
    kolom("No", 6.0),
    kolom("NIP", 21.0),
    kolom("Nama", 32.0),
    kolom("Pangkat/Gol. Ruang", 24.0),
    kolom("Jabatan", 36.0),
    kolom("Jenis Jabatan", 15.0),
    kolom("Unit Kerja", 36.0),
    kolom("Format SKP", 28.0),
    kolom("Status SKP", 14.0),
    kolom("Versi", 7.0),
    kolom("Tanggal Ditetapkan", 12.0),
    kolom("Jumlah RHK Utama", 10.0),
    kolom("Jumlah RHK Tambahan", 10.0),
    kolom("Jumlah IKI", 8.0),
    kolom("Pejabat Penilai", 32.0),
    kolom("NIP Pejabat Penilai", 21.0),
];

const KOLOM_EVALUASI: [Kolom; 16] = [
    kolom("No", 6.0),
    kolom("NIP", 21.0),
    kolom("Nama", 32.0),
    kolom("Pangkat/Gol.", 24.0),
    kolom("Jabatan", 36.0),
    kolom("Unit Kerja", 36.0),
    kolom("Periode", 16.0),
    kolom("Capaian Kinerja Organisasi", 16.0),
    kolom("Rating Hasil Kerja", 18.0),
    kolom("Rating Perilaku", 18.0),
    kolom("Predikat", 16.0),
    kolom("Status Evaluasi", 24.0),
    kolom("Ditandatangani Penilai", 12.0),
    kolom("Diterima Pegawai", 12.0),
    kolom("Keberatan", 22.0),
    kolom("Pejabat Penilai", 32.0),
];

const KOLOM_TPP: [Kolom; 9] = [
    kolom("NIP", 21.0),
    kolom("Nama", 32.0),
    kolom("Jabatan", 36.0),
    kolom("Unit Kerja", 36.0),
    kolom("Periode", 16.0),
    kolom("Predikat", 16.0),
    kolom("Status Dokumen", 24.0),
    kolom("Potongan TPP (%)", 10.0),
    kolom("Keterangan", 44.0),
];

const KOLOM_PERINGKAT: [Kolom; 7] = [
    kolom("Peringkat", 10.0),
    kolom("NIP", 21.0),
    kolom("Nama", 32.0),
    kolom("Jabatan", 36.0),
    kolom("Unit Kerja", 36.0),
    kolom("Predikat", 16.0),
    kolom("Status Evaluasi", 24.0),
];

const KOLOM_ANGKA_KREDIT: [Kolom; 12] = [
    kolom("No", 6.0),
    kolom("NIP", 21.0),
    kolom("Nama", 32.0),
    kolom("Jabatan", 36.0),
    kolom("Jenjang", 14.0),
    kolom("Periode SKP", 36.0),
    kolom("Bulan", 7.0),
    kolom("Predikat", 16.0),
    kolom("Persentase (%)", 11.0),
    kolom("Koefisien", 10.0),
    kolom("Angka Kredit", 11.0),
    kolom("Keterangan", 36.0),
];

/// What a caller asks for, as typed (the API's query, the page's form): checked here in the
/// order access → report → format → period → unit.
#[derive(Debug, Clone, Default)]
pub struct PermintaanLaporan {
    pub jenis: String,
    pub periode: Option<String>,
    pub unit_id: Option<i64>,
    pub format: Option<String>,
}

/// A finished report file, positioned at its start; it vanishes when dropped.
#[derive(Debug)]
pub struct BerkasLaporan {
    /// `laporan-evaluasi-2026-10.xlsx` (with `-unit-<id>` when one unit was chosen).
    pub nama: String,
    pub content_type: &'static str,
    pub berkas: std::fs::File,
    pub ukuran: u64,
    pub baris: u64,
}

/// The units a caller may report on: `None` the whole instansi (HR admin).
pub(crate) struct Lingkup {
    pub unit: Option<Vec<i64>>,
}

/// The units of the caller's reports: every unit for HR admin, the subtrees a unit head leads;
/// anyone else 403.
pub(crate) fn lingkup_laporan(p: &Pengguna, org: &IndeksOrganisasi) -> AppResult<Lingkup> {
    Ok(Lingkup {
        unit: unit_pimpinan(p, org, "Laporan kepegawaian")?,
    })
}

/// A unit asked for in an overview (reports, monitoring, talent grid): 404 when the instansi
/// has no such unit, 403 when it lies outside the caller's scope (`lingkup`, as
/// [`unit_pimpinan`] gives it; `None` is the whole instansi).
pub(crate) fn unit_dalam_lingkup<'a>(
    org: &'a IndeksOrganisasi,
    lingkup: Option<&[i64]>,
    u: i64,
    apa: &str,
) -> AppResult<&'a kinerja_store::Unit> {
    let unit = org
        .unit
        .get(&u)
        .ok_or_else(|| AppError::TidakDitemukan(format!("Unit {u} tidak ditemukan")))?;
    if lingkup.is_some_and(|v| v.binary_search(&u).is_err()) {
        return Err(AppError::Dilarang(format!(
            "Unit {} di luar lingkup {apa} Anda; pilih unit yang Anda pimpin",
            unit.nama
        )));
    }
    Ok(unit)
}

/// A report file in `format`: the rows `isi` sends through the channel are written on a
/// blocking thread ([`berkas::tulis`]) into an anonymous temporary file named `nama` plus the
/// format's extension. A failure of the writer (a full disk, too many rows for XLSX) is the
/// reason the rows stopped, so it is reported before the filler's.
pub(crate) async fn tulis_berkas<F, Fut>(
    format: FormatLaporan,
    lembar: String,
    kolom: &'static [Kolom],
    nama: String,
    isi: F,
) -> AppResult<BerkasLaporan>
where
    F: FnOnce(tokio::sync::mpsc::Sender<Vec<Vec<Sel>>>) -> Fut,
    Fut: std::future::Future<Output = AppResult<()>>,
{
    let bentuk = match format {
        FormatLaporan::Xlsx => Bentuk::Xlsx,
        FormatLaporan::Csv => Bentuk::Csv,
    };
    let (tx, rx) = tokio::sync::mpsc::channel::<Vec<Vec<Sel>>>(2);
    let penulis = tokio::task::spawn_blocking(move || berkas::tulis(bentuk, &lembar, kolom, rx));
    let hasil = isi(tx).await;
    let jadi = penulis
        .await
        .map_err(|e| AppError::Internal(format!("penulis laporan: {e}")))??;
    hasil?;
    Ok(BerkasLaporan {
        nama: format!("{nama}.{}", format.kode()),
        content_type: format.content_type(),
        berkas: jadi.berkas,
        ukuran: jadi.ukuran,
        baris: jadi.baris,
    })
}

/// The units an overview (`apa`: reports, talent grid, …) may show the caller: `None` for every
/// unit (HR admin), the subtrees a unit head leads (sorted, once each); anyone else 403.
pub(crate) fn unit_pimpinan(
    p: &Pengguna,
    org: &IndeksOrganisasi,
    apa: &str,
) -> AppResult<Option<Vec<i64>>> {
    if p.admin() {
        return Ok(None);
    }
    let dilarang = || {
        AppError::Dilarang(format!(
            "{apa} hanya untuk admin BKPSDM dan kepala unit kerja/perangkat daerah"
        ))
    };
    let saya = p.pegawai_id().ok_or_else(dilarang)?;
    let mut v: Vec<i64> = unit_dipimpin(org, saya)
        .into_iter()
        .flat_map(|u| subpohon(org, u))
        .collect();
    if v.is_empty() {
        return Err(dilarang());
    }
    v.sort_unstable();
    v.dedup();
    Ok(Some(v))
}

/// One unit to choose, indented under its parent.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct UnitPilihan {
    pub id: i64,
    pub nama: String,
    pub kedalaman: usize,
}

/// One period to choose.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct PeriodePilihan {
    pub kode: String,
    pub label: String,
}

/// One report on the page.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct JenisPilihan {
    pub kode: &'static str,
    pub label: &'static str,
    pub tahunan: bool,
    /// The period chosen first: the current month (or quarter) or year.
    pub periode_bawaan: String,
    pub periode: Vec<PeriodePilihan>,
}

/// What the reports page offers the caller.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct PilihanLaporan {
    pub jenis: Vec<JenisPilihan>,
    /// True for HR admin: "the whole instansi" may be chosen.
    pub seluruh_instansi: bool,
    pub unit: Vec<UnitPilihan>,
}

/// Units of `akar` (or every root) depth-first by name, with their depth.
pub(crate) fn pohon_pilihan(org: &IndeksOrganisasi, lingkup: Option<&[i64]>) -> Vec<UnitPilihan> {
    let mut anak: HashMap<Option<i64>, Vec<i64>> = HashMap::new();
    let dalam = |u: i64| lingkup.is_none_or(|v| v.binary_search(&u).is_ok());
    for u in org.unit.values().filter(|u| dalam(u.id)) {
        // A unit whose parent is outside the scope starts a tree of its own.
        let induk = u.induk_id.filter(|i| org.unit.contains_key(i) && dalam(*i));
        anak.entry(induk).or_default().push(u.id);
    }
    let nama = |u: &i64| org.unit.get(u).map(|x| x.nama.as_str()).unwrap_or("");
    for v in anak.values_mut() {
        v.sort_by(|a, b| nama(a).cmp(nama(b)).then(a.cmp(b)));
    }
    let mut out = Vec::new();
    let mut tumpuk: Vec<(i64, usize)> = anak
        .get(&None)
        .map(|v| v.iter().rev().map(|&u| (u, 0)).collect())
        .unwrap_or_default();
    while let Some((u, d)) = tumpuk.pop() {
        out.push(UnitPilihan {
            id: u,
            nama: nama(&u).to_string(),
            kedalaman: d,
        });
        if let Some(v) = anak.get(&Some(u)) {
            tumpuk.extend(v.iter().rev().map(|&c| (c, d + 1)));
        }
    }
    out
}

impl App {
    /// What the reports page offers: the reports with their periods, the units in scope.
    pub async fn pilihan_laporan(&self, p: &Pengguna) -> AppResult<PilihanLaporan> {
        let inst = p.instansi_id();
        let org = self.organisasi(inst).await?;
        let lingkup = lingkup_laporan(p, &org)?;
        let hari = crate::skp::hari_ini();
        use chrono::Datelike;
        let tahun = hari.year();
        let profil = self.profil_tahun(inst, tahun).await?;
        let kini = periode_berjalan(profil.periode, hari);
        let pilih = |x: Periode| PeriodePilihan {
            kode: x.kode(),
            label: match x {
                Periode::Tahunan { tahun } => format!("Tahun {tahun}"),
                _ => x.label(),
            },
        };
        let mut berkala: Vec<PeriodePilihan> = Vec::new();
        for t in [tahun, tahun - 1] {
            let profil_t = if t == tahun {
                profil.clone()
            } else {
                self.profil_tahun(inst, t).await?
            };
            berkala.push(pilih(Periode::Tahunan { tahun: t }));
            berkala.extend(
                periode_dalam_tahun(profil_t.periode, t)
                    .into_iter()
                    .filter(|x| x.mulai() <= hari)
                    .rev()
                    .map(pilih),
            );
        }
        let tahunan: Vec<PeriodePilihan> = (0..3)
            .map(|i| pilih(Periode::Tahunan { tahun: tahun - i }))
            .collect();
        let jenis = JenisLaporan::SEMUA
            .iter()
            .map(|&j| JenisPilihan {
                kode: j.kode(),
                label: j.label(),
                tahunan: j.tahunan(),
                periode_bawaan: if j.tahunan() {
                    tahun.to_string()
                } else {
                    kini.kode()
                },
                periode: if j.tahunan() {
                    tahunan.clone()
                } else {
                    berkala.clone()
                },
            })
            .collect();
        Ok(PilihanLaporan {
            jenis,
            seluruh_instansi: lingkup.unit.is_none(),
            unit: pohon_pilihan(&org, lingkup.unit.as_deref()),
        })
    }

    /// One report as a finished file (see the module documentation).
    pub async fn laporan(&self, p: &Pengguna, m: &PermintaanLaporan) -> AppResult<BerkasLaporan> {
        let inst = p.instansi_id();
        let org = self.organisasi(inst).await?;
        let lingkup = lingkup_laporan(p, &org)?;
        let jenis = JenisLaporan::dari_path(&m.jenis)?;
        let format = FormatLaporan::dari_query(m.format.as_deref())?;
        let kode = m
            .periode
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .ok_or_else(|| {
                AppError::bidang_tidak_valid_persis(
                    "periode",
                    if jenis.tahunan() {
                        "Periode wajib diisi; laporan ini per tahun, contoh: 2026"
                    } else {
                        "Periode wajib diisi; contoh: 2026-10 (bulan), 2026-T4 (triwulan) atau 2026 (tahunan)"
                    },
                )
            })?;
        let (periode, profil) = periode_sah(self, inst, kode).await?;
        if jenis.tahunan() && periode.periodik() {
            return Err(AppError::bidang_tidak_valid_persis(
                "periode",
                format!(
                    "{} dibuat per tahun; gunakan {} (bukan {kode})",
                    jenis.label(),
                    periode.tahun()
                ),
            ));
        }
        let unit = match m.unit_id {
            None => lingkup.unit,
            Some(u) => {
                unit_dalam_lingkup(&org, lingkup.unit.as_deref(), u, "laporan")?;
                let mut v = subpohon(&org, u);
                v.sort_unstable();
                Some(v)
            }
        };
        let lembar = format!("{} {}", jenis.kode(), periode.kode());
        let mut nama = format!(
            "laporan-{}-{}",
            jenis.kode().replace('_', "-"),
            periode.kode()
        );
        if let Some(u) = m.unit_id {
            nama.push_str(&format!("-unit-{u}"));
        }
        let mut k = isi::Konteks {
            inst,
            org: &org,
            periode,
            profil: &profil,
            unit: unit.as_deref(),
            orang: HashMap::new(),
        };
        tulis_berkas(format, lembar, jenis.kolom(), nama, |tx| {
            self.isi_laporan(jenis, &mut k, tx)
        })
        .await
    }
}
