//! The export of a dashboard view, through the HR exports' writer ([`crate::laporan::berkas`]):
//! `unit` is the view's table (a row per child unit with its subtree, the unit's own pegawai,
//! pegawai without a position, and the total), `pegawai` every pegawai the view covers (the
//! unit's subtree, or the whole scope) with their facts, read in keyset pages and streamed to
//! the writer as the HR exports are.

use super::{
    baris_pegawai, AngkaPemantauan, BarisPegawaiPemantauan, Konteks, PermintaanPemantauan, HALAMAN,
};
use crate::akses::Pengguna;
use crate::error::{AppError, AppResult};
use crate::laporan::berkas::{kolom, Kolom, Sel};
use crate::laporan::{tulis_berkas, BerkasLaporan, FormatLaporan};
use crate::App;
use kinerja_domain::enumerasi::Enumerasi;

kinerja_domain::enumerasi!(
    /// Which table of a dashboard view is exported.
    TampilanEkspor, "tampilan", {
        Unit => ("unit", "Rekap per unit kerja"),
        Pegawai => ("pegawai", "Daftar pegawai"),
    }
);

impl TampilanEkspor {
    /// `?tampilan=`: absent or empty is the unit table.
    pub fn dari_query(s: Option<&str>) -> AppResult<TampilanEkspor> {
        match s.map(str::trim).filter(|s| !s.is_empty()) {
            None => Ok(TampilanEkspor::Unit),
            Some(s) => TampilanEkspor::dari_kode(s)
                .map_err(|e| AppError::bidang_tidak_valid_persis("tampilan", e.to_string())),
        }
    }
}

/// An export as typed by the caller.
#[derive(Debug, Clone, Default)]
pub struct PermintaanEksporPemantauan {
    pub periode: Option<String>,
    pub unit_id: Option<i64>,
    /// `unit` (default) or `pegawai`.
    pub tampilan: Option<String>,
    /// `xlsx` (default) or `csv`.
    pub format: Option<String>,
}

pub const KOLOM_UNIT: [Kolom; 16] = [
    kolom("Unit Kerja", 40.0),
    kolom("Jumlah Subunit", 9.0),
    kolom("Jumlah Pegawai", 10.0),
    kolom("SKP Ditetapkan", 10.0),
    kolom("SKP Ditetapkan (%)", 10.0),
    kolom("Tanpa SKP", 9.0),
    kolom("Terdokumentasi", 12.0),
    kolom("Terdokumentasi (%)", 12.0),
    kolom("Evaluasi Ditandatangani", 13.0),
    kolom("Evaluasi Draf", 10.0),
    kolom("Belum Dievaluasi", 10.0),
    kolom("Evaluasi Ditandatangani (%)", 13.0),
    kolom("Diterima Pegawai", 10.0),
    kolom("Keberatan Menunggu", 11.0),
    kolom("Unit Menyimpang dari Kurva", 12.0),
    kolom("Tenggat Sanksi Dekat", 11.0),
];

pub const KOLOM_PEGAWAI: [Kolom; 12] = [
    kolom("No", 6.0),
    kolom("NIP", 21.0),
    kolom("Nama", 32.0),
    kolom("Jabatan", 36.0),
    kolom("Unit Kerja", 36.0),
    kolom("Status SKP", 16.0),
    kolom("SKP Ditetapkan", 10.0),
    kolom("Realisasi (IKI-bulan)", 11.0),
    kolom("Terdokumentasi", 12.0),
    kolom("Status Evaluasi", 26.0),
    kolom("Predikat", 16.0),
    kolom("Keberatan", 22.0),
];

fn ya_tidak(b: bool) -> Sel {
    Sel::from(if b { "Ya" } else { "Tidak" })
}

fn bulat(n: u64) -> Sel {
    Sel::Bulat(i64::try_from(n).unwrap_or(i64::MAX))
}

/// One row of the unit table.
fn baris_unit(nama: String, subunit: Option<u64>, a: &AngkaPemantauan) -> Vec<Sel> {
    vec![
        nama.into(),
        subunit.map_or(Sel::Kosong, bulat),
        bulat(a.pegawai),
        bulat(a.skp_ditetapkan),
        bulat(a.kemajuan_skp().persen),
        bulat(a.tanpa_skp),
        bulat(a.terdokumentasi),
        bulat(a.kemajuan_dokumentasi().persen),
        bulat(a.evaluasi_ditandatangani),
        bulat(a.evaluasi_draf),
        bulat(a.evaluasi_belum),
        bulat(a.kemajuan_evaluasi().persen),
        bulat(a.evaluasi_diterima),
        bulat(a.keberatan_menunggu),
        bulat(a.unit_menyimpang),
        bulat(a.tenggat_sanksi),
    ]
}

/// One row of the pegawai list.
pub(crate) fn sel_pegawai(no: u64, b: &BarisPegawaiPemantauan) -> Vec<Sel> {
    let status_evaluasi = match (b.status_evaluasi, b.evaluasi_belum) {
        (Some(s), _) => Sel::from(s.label()),
        (None, true) => Sel::from("Belum dievaluasi"),
        (None, false) => Sel::Kosong,
    };
    vec![
        bulat(no),
        b.nip.clone().into(),
        b.nama.clone().into(),
        b.jabatan.clone().into(),
        b.unit_nama.clone().into(),
        Sel::from(b.status_skp.map_or("Belum ada SKP", |s| s.label())),
        ya_tidak(b.skp_ditetapkan),
        bulat(b.realisasi),
        ya_tidak(b.terdokumentasi),
        status_evaluasi,
        b.predikat.map(|p| p.label()).into(),
        b.keberatan.map(|k| k.label()).into(),
    ]
}

impl App {
    /// A dashboard view as XLSX or CSV (see the module documentation). Checked in the order
    /// access → period → unit → table → format.
    pub async fn ekspor_pemantauan(
        &self,
        p: &Pengguna,
        m: &PermintaanEksporPemantauan,
    ) -> AppResult<BerkasLaporan> {
        let k = self
            .konteks_pemantauan(
                p,
                &PermintaanPemantauan {
                    periode: m.periode.clone(),
                    unit_id: m.unit_id,
                },
            )
            .await?;
        let tampilan = TampilanEkspor::dari_query(m.tampilan.as_deref())?;
        let format = FormatLaporan::dari_query(m.format.as_deref())?;
        let kode = k.periode.kode();
        let lembar = format!("pemantauan {} {kode}", tampilan.kode());
        let kolom: &'static [Kolom] = match tampilan {
            TampilanEkspor::Unit => &KOLOM_UNIT,
            TampilanEkspor::Pegawai => &KOLOM_PEGAWAI,
        };
        let mut nama = format!("pemantauan-{}-{kode}", tampilan.kode());
        if let Some(u) = m.unit_id {
            nama.push_str(&format!("-unit-{u}"));
        }
        tulis_berkas(format, lembar, kolom, nama, |tx| async move {
            match tampilan {
                TampilanEkspor::Unit => self.isi_ekspor_unit(p, &k, tx).await,
                TampilanEkspor::Pegawai => self.isi_ekspor_pegawai(&k, tx).await,
            }
        })
        .await
    }

    async fn isi_ekspor_unit(
        &self,
        p: &Pengguna,
        k: &Konteks,
        tx: tokio::sync::mpsc::Sender<Vec<Vec<Sel>>>,
    ) -> AppResult<()> {
        let isi = self.isi_pemantauan(p, k, crate::skp::hari_ini()).await?;
        let mut baris: Vec<Vec<Sel>> = isi
            .baris
            .iter()
            .map(|b| baris_unit(b.nama.clone(), Some(b.jumlah_subunit), &b.angka.angka))
            .collect();
        if let (Some(u), Some(a)) = (k.simpul.unit, isi.sendiri.filter(|a| a.pegawai > 0)) {
            let nama = k
                .org
                .unit
                .get(&u)
                .map(|x| x.nama.as_str())
                .unwrap_or_default();
            baris.push(baris_unit(format!("Pegawai langsung di {nama}"), None, &a));
        }
        if isi.tanpa_jabatan > 0 {
            baris.push(baris_unit(
                "Pegawai tanpa jabatan".into(),
                None,
                &isi.tanpa_jabatan_angka,
            ));
        }
        baris.push(baris_unit("Jumlah".into(), None, &isi.total));
        tx.send(baris)
            .await
            .map_err(|_| AppError::Internal("penulis ekspor pemantauan berhenti".into()))
    }

    async fn isi_ekspor_pegawai(
        &self,
        k: &Konteks,
        tx: tokio::sync::mpsc::Sender<Vec<Vec<Sel>>>,
    ) -> AppResult<()> {
        let mut setelah = 0;
        let mut no = 0u64;
        loop {
            let hal = self
                .store
                .pegawai_pemantauan(
                    k.inst,
                    &k.saring,
                    k.simpul.cakupan.as_deref(),
                    setelah,
                    HALAMAN,
                )
                .await?;
            let baris: Vec<Vec<Sel>> = hal
                .items
                .iter()
                .map(|x| {
                    no += 1;
                    sel_pegawai(no, &baris_pegawai(&k.org, x))
                })
                .collect();
            if !baris.is_empty() {
                tx.send(baris)
                    .await
                    .map_err(|_| AppError::Internal("penulis ekspor pemantauan berhenti".into()))?;
            }
            match hal.berikut {
                Some(c) => setelah = c,
                None => return Ok(()),
            }
        }
    }
}
