//! Capaian kinerja organisasi (Pasal 24(1), 25(1)): the leader one level up — the pejabat
//! penilai of the unit's head, or the head of the parent unit when the head's post is vacant —
//! sets each unit's performance for each period and for the year; HR admin may too.

use super::*;
use kinerja_store::Pegawai;
use serde::{Deserialize, Serialize};

/// What is submitted to set a unit's capaian.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
pub struct CapaianMasuk {
    pub capaian_organisasi: Option<CapaianOrganisasi>,
    pub catatan: Option<String>,
    /// The version read, when changing one already set.
    pub version: Option<i64>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct BarisCapaian {
    pub unit_id: i64,
    pub unit_nama: String,
    pub induk_nama: Option<String>,
    pub kepala: Option<String>,
    pub capaian: Option<CapaianTersimpan>,
    pub boleh_ubah: bool,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct DaftarCapaian {
    pub periode: String,
    pub periode_label: String,
    pub items: Vec<BarisCapaian>,
}

/// Whether `saya` sets the capaian of `unit`.
fn penetap(org: &IndeksOrganisasi, unit: i64, saya: i64) -> bool {
    match org.kepala_unit(unit) {
        Some(k) => App::penilai_dari_org(org, k) == Some(saya),
        None => {
            org.unit
                .get(&unit)
                .and_then(|u| u.induk_id)
                .and_then(|i| org.kepala_unit(i))
                == Some(saya)
        }
    }
}

impl App {
    /// The units whose capaian the caller sets (every unit for HR admin) for a period.
    pub async fn daftar_capaian(
        &self,
        p: &Pengguna,
        periode_kode: &str,
    ) -> AppResult<DaftarCapaian> {
        let inst = p.instansi_id();
        let org = self.organisasi(inst).await?;
        let (periode, _) = periode_sah(self, inst, periode_kode).await?;
        let mut peta = self.peta_capaian(inst, periode).await?;
        let saya = p.pegawai_id();
        let mut unit: Vec<i64> = org
            .unit
            .keys()
            .copied()
            .filter(|&u| p.admin() || saya.is_some_and(|s| penetap(&org, u, s)))
            .collect();
        unit.sort_unstable();
        let kepala: Vec<i64> = unit.iter().filter_map(|&u| org.kepala_unit(u)).collect();
        let orang: Vec<Pegawai> = self.pegawai_id(inst, &kepala).await?;
        let mut items: Vec<BarisCapaian> = unit
            .into_iter()
            .filter_map(|u| {
                let x = org.unit.get(&u)?;
                Some(BarisCapaian {
                    unit_id: u,
                    unit_nama: x.nama.clone(),
                    induk_nama: x
                        .induk_id
                        .and_then(|i| org.unit.get(&i))
                        .map(|i| i.nama.clone()),
                    kepala: org
                        .kepala_unit(u)
                        .and_then(|k| orang.iter().find(|o| o.id == k))
                        .map(|o| o.nama.clone()),
                    capaian: peta.remove(&u),
                    boleh_ubah: true,
                })
            })
            .collect();
        items.sort_by(|a, b| (&a.induk_nama, &a.unit_nama).cmp(&(&b.induk_nama, &b.unit_nama)));
        Ok(DaftarCapaian {
            periode: periode.kode(),
            periode_label: periode.label(),
            items,
        })
    }

    /// Set (or change, over the version read) a unit's capaian for a period.
    pub async fn tetapkan_capaian(
        &self,
        p: &Pengguna,
        unit_id: i64,
        periode_kode: &str,
        m: CapaianMasuk,
    ) -> AppResult<CapaianTersimpan> {
        let inst = p.instansi_id();
        let org = self.organisasi(inst).await?;
        let unit = org
            .unit
            .get(&unit_id)
            .ok_or_else(|| AppError::TidakDitemukan(format!("Unit {unit_id} tidak ditemukan")))?;
        let saya = p.pegawai_id();
        if !(p.admin() || saya.is_some_and(|s| penetap(&org, unit_id, s))) {
            return Err(AppError::Dilarang(format!(
                "Capaian kinerja organisasi {} ditetapkan oleh pimpinan satu tingkat di atasnya (atau admin BKPSDM)",
                unit.nama
            )));
        }
        let (periode, _) = periode_sah(self, inst, periode_kode).await?;
        let capaian = m.capaian_organisasi.ok_or_else(|| {
            AppError::bidang_tidak_valid(
                "capaian_organisasi",
                "Pilih capaian kinerja organisasi: istimewa, baik, butuh_perbaikan, kurang atau sangat_kurang",
            )
        })?;
        let catatan = m
            .catatan
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty());
        if catatan.is_some_and(|c| c.chars().count() > 4000) {
            return Err(AppError::bidang_tidak_valid(
                "catatan",
                "Catatan paling panjang 4000 karakter",
            ));
        }
        Ok(self
            .store
            .simpan_capaian(
                inst,
                unit_id,
                &periode.kode(),
                capaian,
                catatan,
                saya,
                m.version,
                &p.pelaku(),
            )
            .await?)
    }
}
