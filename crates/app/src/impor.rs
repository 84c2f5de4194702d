//! Import and export of units, positions and pegawai, as CSV (one file per kind) or XLSX (one
//! workbook with sheets `unit`, `jabatan`, `pegawai`).
//!
//! An import is validated whole before anything is written (reading and checking the file is
//! `kinerja_impor`, pure; here the database's side is loaded for its references), and a file
//! with any fault is refused with the full list of faults (sheet, row, column, message) and
//! changes nothing.

use crate::akses::Pengguna;
use crate::error::{AppError, AppResult};
use crate::App;
use kinerja_impor::{baca_berkas, urutkan_unit, validasi_semua, Ada, GalatBerkas};
pub use kinerja_impor::{periksa_berkas, JenisData, KOLOM_JABATAN, KOLOM_PEGAWAI, KOLOM_UNIT};
use kinerja_store::{RingkasanImpor, UnitImpor};
use std::collections::{HashMap, HashSet};

impl From<GalatBerkas> for AppError {
    fn from(e: GalatBerkas) -> Self {
        match e {
            GalatBerkas::Ditolak { pesan, galat } => AppError::ImporDitolak { pesan, galat },
            GalatBerkas::TidakValid { bidang, pesan } => {
                AppError::bidang_tidak_valid(bidang, pesan)
            }
        }
    }
}

/// A file to download.
pub struct Berkas {
    pub nama: String,
    pub content_type: &'static str,
    pub isi: Vec<u8>,
}

impl App {
    /// Validate the whole file, then write it in one transaction (units, positions, pegawai).
    pub async fn impor(
        &self,
        p: &Pengguna,
        jenis: JenisData,
        isi: &[u8],
    ) -> AppResult<RingkasanImpor> {
        p.wajib_admin()?;
        let inst = p.instansi_id();
        let mut galat = Vec::new();
        let lembar = baca_berkas(jenis, isi, &mut galat)?;
        let snap = self.store.muat_organisasi(inst).await?;
        let nip: HashSet<String> = self
            .store
            .semua_pegawai(inst)
            .await?
            .into_iter()
            .map(|p| p.nip.as_str().to_string())
            .collect();
        let kode_unit: HashMap<i64, String> =
            snap.unit.iter().map(|u| (u.id, u.kode.clone())).collect();
        let ada = Ada {
            unit: snap
                .unit
                .iter()
                .map(|u| {
                    (
                        u.kode.clone(),
                        u.induk_id.and_then(|i| kode_unit.get(&i).cloned()),
                    )
                })
                .collect(),
            jabatan: snap.jabatan.iter().map(|j| j.kode.clone()).collect(),
            nip,
            tipe_lampiran: snap
                .aturan
                .iter()
                .map(|a| a.tipe_unit.to_uppercase())
                .collect(),
        };
        let data = validasi_semua(&lembar, &ada, galat)?;
        Ok(self
            .store
            .impor_organisasi(inst, &data, &p.pelaku())
            .await?)
    }

    /// Export in the import's own columns, so that an export imports back unchanged.
    pub async fn ekspor(&self, p: &Pengguna, jenis: JenisData, xlsx: bool) -> AppResult<Berkas> {
        p.wajib_admin()?;
        if jenis == JenisData::Organisasi && !xlsx {
            return Err(AppError::bidang_tidak_valid(
                "format",
                "ekspor organisasi lengkap hanya dalam XLSX; CSV per jenis: unit, jabatan, pegawai",
            ));
        }
        let inst = p.instansi_id();
        let lembar = self.baris_ekspor(inst, jenis).await?;
        if xlsx {
            let mut wb = rust_xlsxwriter::Workbook::new();
            for (j, rows) in &lembar {
                let ws = wb.add_worksheet();
                ws.set_name(j.kode())
                    .map_err(|e| AppError::Internal(e.to_string()))?;
                let fmt = rust_xlsxwriter::Format::new().set_bold();
                for (c, k) in j.kolom().iter().enumerate() {
                    ws.write_string_with_format(0, c as u16, *k, &fmt)
                        .map_err(|e| AppError::Internal(e.to_string()))?;
                }
                for (r, row) in rows.iter().enumerate() {
                    for (c, v) in row.iter().enumerate() {
                        // Everything as text: NIP must keep its 18 digits.
                        ws.write_string(r as u32 + 1, c as u16, v)
                            .map_err(|e| AppError::Internal(e.to_string()))?;
                    }
                }
                ws.autofit();
            }
            let isi = wb
                .save_to_buffer()
                .map_err(|e| AppError::Internal(e.to_string()))?;
            Ok(Berkas {
                nama: format!("{}.xlsx", jenis.kode()),
                content_type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                isi,
            })
        } else {
            let (j, rows) = &lembar[0];
            let mut w = csv::Writer::from_writer(Vec::new());
            let e = |e: csv::Error| AppError::Internal(e.to_string());
            w.write_record(j.kolom()).map_err(e)?;
            for row in rows {
                w.write_record(row).map_err(e)?;
            }
            let isi = w
                .into_inner()
                .map_err(|e| AppError::Internal(e.to_string()))?;
            Ok(Berkas {
                nama: format!("{}.csv", j.kode()),
                content_type: "text/csv; charset=utf-8",
                isi,
            })
        }
    }

    async fn baris_ekspor(
        &self,
        inst: i64,
        jenis: JenisData,
    ) -> AppResult<Vec<(JenisData, Vec<Vec<String>>)>> {
        let snap = self.store.muat_organisasi(inst).await?;
        let pegawai = self.store.semua_pegawai(inst).await?;
        let kode_unit: HashMap<i64, &str> =
            snap.unit.iter().map(|u| (u.id, u.kode.as_str())).collect();
        let kode_jab: HashMap<i64, &str> = snap
            .jabatan
            .iter()
            .map(|j| (j.id, j.kode.as_str()))
            .collect();
        let nip: HashMap<i64, &str> = pegawai.iter().map(|p| (p.id, p.nip.as_str())).collect();
        let s = |o: Option<&str>| o.unwrap_or("").to_string();
        let mut out = Vec::new();
        let semua = jenis == JenisData::Organisasi;
        if semua || jenis == JenisData::Unit {
            // Parents before children, so the file imports back in order.
            let mut imp: Vec<UnitImpor> = snap
                .unit
                .iter()
                .map(|u| UnitImpor {
                    kode: u.kode.clone(),
                    nama: u.nama.clone(),
                    induk_kode: u
                        .induk_id
                        .and_then(|i| kode_unit.get(&i))
                        .map(|k| k.to_string()),
                    tipe_lampiran: u.tipe_lampiran.clone(),
                })
                .collect();
            urutkan_unit(&mut imp, &HashMap::new())
                .map_err(|k| AppError::Internal(format!("siklus unit {k}")))?;
            out.push((
                JenisData::Unit,
                imp.into_iter()
                    .map(|u| {
                        vec![
                            u.kode,
                            u.nama,
                            u.induk_kode.unwrap_or_default(),
                            u.tipe_lampiran.unwrap_or_default(),
                        ]
                    })
                    .collect(),
            ));
        }
        if semua || jenis == JenisData::Jabatan {
            out.push((
                JenisData::Jabatan,
                snap.jabatan
                    .iter()
                    .map(|j| {
                        vec![
                            j.kode.clone(),
                            s(kode_unit.get(&j.unit_id).copied()),
                            j.nama.clone(),
                            s(j.jenis_jabatan.map(|x| x.kode())),
                            s(j.jenjang.map(|x| x.kode())),
                            s(j.posisi_lampiran.as_deref()),
                            s(j.atasan_id.and_then(|i| kode_jab.get(&i).copied())),
                            s(j.plt_pegawai_id.and_then(|i| nip.get(&i).copied())),
                            s(j.plh_pegawai_id.and_then(|i| nip.get(&i).copied())),
                            s(j.pemangku_non_asn.as_deref()),
                        ]
                    })
                    .collect(),
            ));
        }
        if semua || jenis == JenisData::Pegawai {
            out.push((
                JenisData::Pegawai,
                pegawai
                    .iter()
                    .map(|p| {
                        vec![
                            p.nip.to_string(),
                            p.nama.clone(),
                            p.status_asn.kode().to_string(),
                            p.golongan.kode(),
                            s(p.jabatan_id.and_then(|i| kode_jab.get(&i).copied())),
                            s(p.email.as_deref()),
                        ]
                    })
                    .collect(),
            ));
        }
        Ok(out)
    }
}
