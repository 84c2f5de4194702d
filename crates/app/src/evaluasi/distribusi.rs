//! The distribution of predikat per unit against the guideline curve of its capaian (SE
//! MenPANRB 3/2023 as data in the policy profile), for the rater while rating and for the head
//! of the perangkat daerah and HR: every unit's curve, the units off their guideline, the raters
//! that have not finished. Information, never a block.

use super::grafik::kurva_svg;
use super::*;
use kinerja_domain::distribusi::{periksa, HasilDistribusi, Jumlah};
use kinerja_domain::evaluasi::StatusEvaluasi;
use kinerja_domain::kuadran::Predikat;
use serde::Serialize;
use std::collections::BTreeMap;

/// One unit's distribution in a period.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct DistribusiUnit {
    pub unit_id: Option<i64>,
    pub unit_nama: String,
    pub periode: String,
    pub capaian_organisasi: Option<CapaianOrganisasi>,
    /// Rated pegawai per predikat (drafts included: the curve moves as the rater rates).
    #[schema(value_type = BTreeMap<String, u32>)]
    pub jumlah: BTreeMap<Predikat, u32>,
    pub belum_ditandatangani: u32,
    pub hasil: HasilDistribusi,
    /// The chart (server-rendered SVG).
    pub svg: String,
}

/// A rater with unsigned or missing evaluations in the period.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct PenilaiBelumSelesai {
    pub pegawai_id: i64,
    pub nama: String,
    pub jabatan: Option<String>,
    pub jumlah_tim: u32,
    pub dinilai: u32,
    pub ditandatangani: u32,
}

/// Every unit's curve in a period, with the instansi's (or the head's scope) as a whole.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct RingkasanDistribusi {
    pub periode: String,
    pub periode_label: String,
    pub keseluruhan: DistribusiUnit,
    pub unit: Vec<DistribusiUnit>,
    pub jumlah_menyimpang: usize,
    pub penilai_belum_selesai: Vec<PenilaiBelumSelesai>,
}

/// A unit's counts checked against its guideline, without the chart.
fn tanpa_grafik(
    unit_id: Option<i64>,
    nama: String,
    periode: &str,
    capaian: Option<CapaianOrganisasi>,
    jumlah: Jumlah,
    belum: u32,
    profil: &ProfilKebijakan,
) -> DistribusiUnit {
    let hasil = match capaian {
        Some(c) => periksa(&profil.distribusi, c, &jumlah),
        None => HasilDistribusi {
            sesuai_pedoman: true,
            pelanggaran: Vec::new(),
            modus: Predikat::Baik,
            total: kinerja_domain::distribusi::total(&jumlah),
        },
    };
    DistribusiUnit {
        svg: String::new(),
        unit_id,
        unit_nama: nama,
        periode: periode.into(),
        capaian_organisasi: capaian,
        jumlah,
        belum_ditandatangani: belum,
        hasil,
    }
}

/// A unit's counts checked against its guideline, with the chart.
fn buat(
    unit_id: Option<i64>,
    nama: String,
    periode: &str,
    capaian: Option<CapaianOrganisasi>,
    jumlah: Jumlah,
    belum: u32,
    profil: &ProfilKebijakan,
) -> DistribusiUnit {
    let mut d = tanpa_grafik(unit_id, nama, periode, capaian, jumlah, belum, profil);
    d.svg = kurva_svg(
        &format!("Distribusi predikat {}", d.unit_nama),
        &d.jumlah,
        capaian,
        capaian.and_then(|c| profil.distribusi.kurva_untuk(c)),
    );
    d
}

impl App {
    /// The distribution of one capaian unit (every rater's evaluations under it).
    pub(crate) async fn distribusi_satu_unit(
        &self,
        inst: i64,
        org: &IndeksOrganisasi,
        c: &CapaianTersimpan,
        profil: &ProfilKebijakan,
    ) -> AppResult<DistribusiUnit> {
        let mut jumlah = Jumlah::new();
        let mut belum = 0;
        for j in self
            .store
            .jumlah_predikat(inst, &c.periode, Some(c.unit_id))
            .await?
        {
            *jumlah.entry(j.predikat).or_default() += j.jumlah as u32;
            if j.status == StatusEvaluasi::Draf {
                belum += j.jumlah as u32;
            }
        }
        let nama = org
            .unit
            .get(&c.unit_id)
            .map(|u| u.nama.clone())
            .unwrap_or_else(|| c.unit_nama.clone());
        Ok(buat(
            Some(c.unit_id),
            nama,
            &c.periode,
            Some(c.capaian_organisasi),
            jumlah,
            belum,
            profil,
        ))
    }

    /// The units whose curves the caller may see: all for HR admin, a head's own subtree.
    pub(crate) fn lingkup_unit(
        &self,
        p: &Pengguna,
        org: &IndeksOrganisasi,
    ) -> AppResult<Option<Vec<i64>>> {
        if p.admin() {
            return Ok(None);
        }
        let saya = p.pegawai_id().ok_or_else(|| {
            AppError::Dilarang("Kurva distribusi untuk kepala unit dan admin BKPSDM".into())
        })?;
        let mut v: Vec<i64> = unit_dipimpin(org, saya)
            .into_iter()
            .flat_map(|u| subpohon(org, u))
            .collect();
        if v.is_empty() {
            return Err(AppError::Dilarang(
                "Kurva distribusi seluruh unit hanya untuk kepala unit/perangkat daerah dan admin BKPSDM".into(),
            ));
        }
        v.sort_unstable();
        v.dedup();
        Ok(Some(v))
    }

    /// One unit's distribution for a period: for HR, the unit's heads above, and raters with
    /// pegawai in it.
    pub async fn distribusi_unit(
        &self,
        p: &Pengguna,
        unit_id: i64,
        periode_kode: &str,
    ) -> AppResult<DistribusiUnit> {
        let inst = p.instansi_id();
        let org = self.organisasi(inst).await?;
        let (periode, profil) = periode_sah(self, inst, periode_kode).await?;
        let unit = org
            .unit
            .get(&unit_id)
            .ok_or_else(|| AppError::TidakDitemukan(format!("Unit {unit_id} tidak ditemukan")))?;
        let boleh = match self.lingkup_unit(p, &org) {
            Ok(None) => true,
            Ok(Some(v)) => v.contains(&unit_id),
            Err(_) => false,
        } || p.pegawai_id().is_some_and(|saya| {
            let bawah = subpohon(&org, unit_id);
            org.dinilai.get(&saya).is_some_and(|tim| {
                tim.iter().any(|t| {
                    org.jabatan_pegawai
                        .get(t)
                        .and_then(|j| org.jabatan.get(j))
                        .is_some_and(|j| bawah.contains(&j.unit_id))
                })
            })
        });
        if !boleh {
            return Err(AppError::TidakDitemukan(format!(
                "Unit {unit_id} tidak ditemukan, atau Anda tidak berwenang melihat distribusinya"
            )));
        }
        let peta = self.peta_capaian(inst, periode).await?;
        match peta.get(&unit_id) {
            Some(c) => self.distribusi_satu_unit(inst, &org, c, &profil).await,
            None => Ok(buat(
                Some(unit_id),
                unit.nama.clone(),
                &periode.kode(),
                None,
                Jumlah::new(),
                0,
                &profil,
            )),
        }
    }

    /// Every unit's curve in a period with the deviating units and unfinished raters.
    pub async fn ringkasan_distribusi(
        &self,
        p: &Pengguna,
        periode_kode: &str,
    ) -> AppResult<RingkasanDistribusi> {
        self.distribusi_periode(p, periode_kode, true).await
    }

    /// [`App::ringkasan_distribusi`]; without `lengkap`, the same counts and guideline checks
    /// but no charts and no unfinished raters (the monitoring dashboards need only the checks).
    pub(crate) async fn distribusi_periode(
        &self,
        p: &Pengguna,
        periode_kode: &str,
        lengkap: bool,
    ) -> AppResult<RingkasanDistribusi> {
        let inst = p.instansi_id();
        let org = self.organisasi(inst).await?;
        let lingkup = self.lingkup_unit(p, &org)?;
        let (periode, profil) = periode_sah(self, inst, periode_kode).await?;
        let kode = periode.kode();
        let peta = self.peta_capaian(inst, periode).await?;
        let susun = if lengkap { buat } else { tanpa_grafik };
        let dalam = |u: Option<i64>| match (&lingkup, u) {
            (None, _) => true,
            (Some(v), Some(u)) => v.binary_search(&u).is_ok(),
            (Some(_), None) => false,
        };
        let mut per_unit: HashMap<Option<i64>, (Jumlah, u32)> = HashMap::new();
        let mut per_penilai: HashMap<i64, (u32, u32)> = HashMap::new();
        let mut semua = Jumlah::new();
        let mut semua_belum = 0;
        for j in self.store.jumlah_predikat(inst, &kode, None).await? {
            if !dalam(j.capaian_unit_id) {
                continue;
            }
            let n = j.jumlah as u32;
            let e = per_unit.entry(j.capaian_unit_id).or_default();
            *e.0.entry(j.predikat).or_default() += n;
            *semua.entry(j.predikat).or_default() += n;
            let r = per_penilai.entry(j.penilai_pegawai_id).or_default();
            r.0 += n;
            if j.status == StatusEvaluasi::Draf {
                e.1 += n;
                semua_belum += n;
            } else {
                r.1 += n;
            }
        }
        let mut unit: Vec<DistribusiUnit> = peta
            .values()
            .filter(|c| dalam(Some(c.unit_id)))
            .map(|c| {
                let (jumlah, belum) = per_unit.remove(&Some(c.unit_id)).unwrap_or_default();
                let nama = org
                    .unit
                    .get(&c.unit_id)
                    .map(|u| u.nama.clone())
                    .unwrap_or_else(|| c.unit_nama.clone());
                susun(
                    Some(c.unit_id),
                    nama,
                    &kode,
                    Some(c.capaian_organisasi),
                    jumlah,
                    belum,
                    &profil,
                )
            })
            .collect();
        unit.sort_by(|a, b| {
            a.hasil
                .sesuai_pedoman
                .cmp(&b.hasil.sesuai_pedoman)
                .then_with(|| a.unit_nama.cmp(&b.unit_nama))
        });
        // The whole: against the capaian of the scope's top unit when it has one.
        let akar = match &lingkup {
            None => org
                .unit
                .values()
                .filter(|u| u.induk_id.is_none())
                .map(|u| u.id)
                .min(),
            Some(v) => v.first().copied(),
        };
        let capaian_akar = akar
            .and_then(|a| peta.get(&a))
            .map(|c| c.capaian_organisasi);
        let nama_keseluruhan = match &lingkup {
            None => "seluruh instansi".to_string(),
            Some(_) => akar
                .and_then(|a| org.unit.get(&a))
                .map(|u| format!("{} (seluruh unit)", u.nama))
                .unwrap_or_else(|| "seluruh unit".into()),
        };
        let keseluruhan = susun(
            akar,
            nama_keseluruhan,
            &kode,
            capaian_akar,
            semua,
            semua_belum,
            &profil,
        );
        let mut penilai_belum = Vec::new();
        let mut ids: Vec<i64> = Vec::new();
        for (r, tim) in org.dinilai.iter().filter(|_| lengkap) {
            let unit_r = org
                .jabatan_pegawai
                .get(r)
                .and_then(|j| org.jabatan.get(j))
                .map(|j| j.unit_id);
            if !dalam(unit_r) {
                continue;
            }
            let (dinilai, ttd) = per_penilai.get(r).copied().unwrap_or_default();
            let jumlah_tim = tim.len() as u32;
            if ttd < jumlah_tim {
                ids.push(*r);
                penilai_belum.push(PenilaiBelumSelesai {
                    pegawai_id: *r,
                    nama: String::new(),
                    jabatan: None,
                    jumlah_tim,
                    dinilai,
                    ditandatangani: ttd,
                });
            }
        }
        let orang: HashMap<i64, _> = self
            .pegawai_id(inst, &ids)
            .await?
            .into_iter()
            .map(|o| (o.id, o))
            .collect();
        for b in &mut penilai_belum {
            if let Some(o) = orang.get(&b.pegawai_id) {
                b.nama = o.nama.clone();
                b.jabatan = o.jabatan_nama.clone();
            }
        }
        penilai_belum.sort_by(|a, b| {
            (a.ditandatangani * 1000 / a.jumlah_tim.max(1))
                .cmp(&(b.ditandatangani * 1000 / b.jumlah_tim.max(1)))
                .then_with(|| a.nama.cmp(&b.nama))
        });
        Ok(RingkasanDistribusi {
            periode: kode,
            periode_label: periode.label(),
            jumlah_menyimpang: unit.iter().filter(|u| !u.hasil.sesuai_pedoman).count(),
            keseluruhan,
            unit,
            penilai_belum_selesai: penilai_belum,
        })
    }
}
