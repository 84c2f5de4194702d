//! Starting a year for the whole instansi (HR admin): every pegawai gets a draft SKP, copied from
//! last year's where one exists, in a background job that records its cursor with every batch,
//! so that it can resume after a restart and never creates an SKP twice. Also the per-unit
//! monitoring of the year's SKP, and mutasi inside the year.

use crate::akses::Pengguna;
use crate::error::{AppError, AppResult};
use crate::skp::hari_ini;
use crate::App;
use chrono::{Datelike, NaiveDate};
use kinerja_domain::perilaku::Pendekatan;
use kinerja_domain::skp::{terlambat, Skp, StatusSkp};
use kinerja_store::Tugas;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use utoipa::ToSchema;

pub const JENIS_MULAI_TAHUN: &str = "mulai_tahun";

/// Pegawai per batch: one transaction each.
pub const UKURAN_BATCH: i64 = 2000;

/// SKP counts of one unit (perangkat daerah or below) for a year.
#[derive(Debug, Clone, Default, Serialize, ToSchema)]
pub struct RekapUnit {
    pub unit_id: Option<i64>,
    pub unit: String,
    pub pegawai: i64,
    pub belum_ada: i64,
    pub draf: i64,
    pub diajukan: i64,
    pub dikembalikan: i64,
    pub ditetapkan: i64,
    pub revisi: i64,
    pub ditutup: i64,
    pub terlambat: i64,
}

impl RekapUnit {
    /// The instansi's totals over the units.
    pub fn jumlah(rekap: &[RekapUnit]) -> RekapUnit {
        let mut t = RekapUnit::default();
        for r in rekap {
            t.pegawai += r.pegawai;
            t.belum_ada += r.belum_ada;
            t.draf += r.draf;
            t.diajukan += r.diajukan;
            t.dikembalikan += r.dikembalikan;
            t.ditetapkan += r.ditetapkan;
            t.revisi += r.revisi;
            t.ditutup += r.ditutup;
            t.terlambat += r.terlambat;
        }
        t
    }
}

/// `POST /pegawai/{nip}/mutasi`.
#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct MutasiMasuk {
    /// The kode of the new position.
    pub jabatan_kode: String,
    /// The first day at the new place (YYYY-MM-DD).
    pub tanggal: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct HasilMutasi {
    /// The SKP closed at the old place, if there was one.
    pub skp_lama_id: Option<i64>,
    /// The new draft at the new place.
    pub skp_baru_id: Option<i64>,
}

/// The draft of one pegawai for `tahun`, from last year's SKP if there is one.
pub fn draf_tahun(
    peg: &kinerja_store::PegawaiMulai,
    tahun: i32,
    lama: Option<&Skp>,
    pimpinan_unit_mandiri: bool,
) -> AppResult<(Skp, Option<i64>)> {
    let mut s = Skp::baru(
        peg.id,
        tahun,
        peg.unit_id,
        peg.jabatan_id,
        peg.jenis_jabatan,
        lama.map(|l| l.pendekatan)
            .unwrap_or(Pendekatan::Kuantitatif),
        lama.is_some_and(|l| l.tugas_belajar),
        None,
    )?
    .sebagai_pimpinan_unit_mandiri(pimpinan_unit_mandiri);
    if let Some(l) = lama {
        s.salin_isi_dari(l);
    }
    Ok((s, lama.map(|l| l.id)))
}

impl App {
    /// Start (or rejoin) the year-start job; it runs in the background.
    pub async fn mulai_tahun(&self, p: &Pengguna, tahun: i32) -> AppResult<Tugas> {
        let t = self.buat_tugas_mulai_tahun(p, tahun).await?;
        self.jalankan_di_latar(t.clone());
        Ok(t)
    }

    /// The operator's version: start (or resume) the job and run it to the end here.
    pub async fn mulai_tahun_sekarang(&self, p: &Pengguna, tahun: i32) -> AppResult<Tugas> {
        let t = self.buat_tugas_mulai_tahun(p, tahun).await?;
        self.jalankan_mulai_tahun(t).await
    }

    async fn buat_tugas_mulai_tahun(&self, p: &Pengguna, tahun: i32) -> AppResult<Tugas> {
        p.wajib_admin()?;
        kinerja_domain::skp::periksa_tahun(tahun)?;
        let inst = p.instansi_id();
        let total = self.store.statistik(inst).await?.pegawai;
        Ok(self
            .store
            .buat_tugas(inst, JENIS_MULAI_TAHUN, tahun, total, &p.pelaku())
            .await?)
    }

    pub async fn tugas(&self, p: &Pengguna, id: i64) -> AppResult<Tugas> {
        p.wajib_admin()?;
        self.store
            .tugas(p.instansi_id(), id)
            .await?
            .ok_or_else(|| AppError::TidakDitemukan(format!("Tugas {id} tidak ditemukan")))
    }

    pub async fn tugas_mulai_tahun_terakhir(
        &self,
        p: &Pengguna,
        tahun: i32,
    ) -> AppResult<Option<Tugas>> {
        p.wajib_admin()?;
        Ok(self
            .store
            .tugas_terakhir(p.instansi_id(), JENIS_MULAI_TAHUN, tahun)
            .await?)
    }

    /// Resume the jobs a stopped process left running (called once at start).
    pub async fn lanjutkan_tugas(&self) -> AppResult<usize> {
        let v = self.store.tugas_berjalan().await?;
        let n = v.len();
        for t in v {
            self.jalankan_di_latar(t);
        }
        Ok(n)
    }

    fn jalankan_di_latar(&self, t: Tugas) {
        let app = self.clone();
        tokio::spawn(async move {
            if let Err(e) = app.jalankan_mulai_tahun(t.clone()).await {
                // Another node or task owns it: leave it be.
                if matches!(e, AppError::Konflik(_)) {
                    tracing::info!(tugas = t.id, "job taken over elsewhere");
                    return;
                }
                tracing::error!(tugas = t.id, error = %e, "year-start job failed");
                let _ = app.store.gagalkan_tugas(t.id, &e.to_string()).await;
            }
        });
    }

    /// Run a year-start job to its end from its cursor, batch by batch.
    pub async fn jalankan_mulai_tahun(&self, mut t: Tugas) -> AppResult<Tugas> {
        let org = self.organisasi(t.instansi_id).await?;
        while t.status == "berjalan" {
            let batch = self
                .store
                .pegawai_mulai(t.instansi_id, t.kursor, UKURAN_BATCH)
                .await?;
            let ids: Vec<i64> = batch.iter().map(|x| x.id).collect();
            let lama: HashMap<i64, Skp> = self
                .store
                .skp_tahun_lalu(t.instansi_id, &ids, t.tahun)
                .await?
                .into_iter()
                .map(|s| (s.pegawai_id, s))
                .collect();
            let draf = batch
                .iter()
                .map(|peg| {
                    let mandiri = org.mandiri(peg.jabatan_id);
                    draf_tahun(peg, t.tahun, lama.get(&peg.id), mandiri)
                })
                .collect::<AppResult<Vec<_>>>()?;
            let kursor = ids.last().copied().unwrap_or(t.kursor);
            let selesai = (batch.len() as i64) < UKURAN_BATCH;
            t = self
                .store
                .langkah_mulai_tahun(&t, &draf, kursor, t.diproses + batch.len() as i64, selesai)
                .await?;
        }
        Ok(t)
    }

    /// Per unit (perangkat daerah, the first level under the instansi root): how many SKP of
    /// the year are in each state, late, or not started.
    pub async fn rekap_skp(&self, p: &Pengguna, tahun: i32) -> AppResult<Vec<RekapUnit>> {
        p.wajib_admin()?;
        let inst = p.instansi_id();
        let org = self.organisasi(inst).await?;
        let hari = hari_ini();
        let awal_tahun = NaiveDate::from_ymd_opt(tahun, 1, 1).unwrap_or(hari);
        // Each unit reports under its perangkat daerah (the ancestor just below the root).
        let puncak = |unit: Option<i64>| -> Option<i64> {
            let jalur = org.jalur_unit(unit?);
            jalur.get(1).or(jalur.first()).map(|u| u.id)
        };
        let mut rekap: BTreeMap<Option<i64>, RekapUnit> = BTreeMap::new();
        for &jab in org.jabatan_pegawai.values() {
            let u = puncak(org.jabatan.get(&jab).map(|j| j.unit_id));
            rekap.entry(u).or_default().pegawai += 1;
        }
        let mut punya: HashMap<Option<i64>, i64> = HashMap::new();
        for s in self.store.status_skp_tahun(inst, tahun).await? {
            let u = puncak(s.unit_id);
            let r = rekap.entry(u).or_default();
            match s.status {
                StatusSkp::Draf => r.draf += 1,
                StatusSkp::Diajukan => r.diajukan += 1,
                StatusSkp::Dikembalikan => r.dikembalikan += 1,
                StatusSkp::Ditetapkan => r.ditetapkan += 1,
                StatusSkp::Revisi => r.revisi += 1,
                StatusSkp::Ditutup => r.ditutup += 1,
            }
            if s.status != StatusSkp::Ditutup {
                *punya.entry(u).or_default() += 1;
            }
            if terlambat(tahun, s.mulai, s.ditetapkan_pada, s.status, hari) {
                r.terlambat += 1;
            }
        }
        let mut out: Vec<RekapUnit> = rekap
            .into_iter()
            .map(|(u, mut r)| {
                r.unit_id = u;
                r.unit = u
                    .and_then(|i| org.unit.get(&i))
                    .map(|x| x.nama.clone())
                    .unwrap_or_else(|| "(tanpa unit)".into());
                r.belum_ada = (r.pegawai - punya.get(&u).copied().unwrap_or(0)).max(0);
                // A pegawai with no SKP at all past the deadline is late too.
                if terlambat(tahun, awal_tahun, None, StatusSkp::Draf, hari) {
                    r.terlambat += r.belum_ada;
                }
                r
            })
            .collect();
        out.sort_by(|a, b| a.unit.cmp(&b.unit));
        Ok(out)
    }

    /// Mutasi inside the year (domain §5): the pegawai takes the new position; the SKP at the old
    /// place is closed the day before and a new draft starts at the new place.
    pub async fn mutasi(&self, p: &Pengguna, nip: &str, m: MutasiMasuk) -> AppResult<HasilMutasi> {
        p.wajib_admin()?;
        let inst = p.instansi_id();
        let (peg, org) = self.pegawai_terlihat(p, nip).await?;
        let tanggal = NaiveDate::parse_from_str(m.tanggal.trim(), "%Y-%m-%d").map_err(|_| {
            AppError::bidang_tidak_valid("tanggal", "Tanggal harus berbentuk TTTT-BB-HH")
        })?;
        let kode = m.jabatan_kode.trim();
        let jab = org
            .jabatan
            .values()
            .find(|j| j.kode == kode)
            .ok_or_else(|| {
                AppError::bidang_tidak_valid("jabatan_kode", format!("Jabatan '{kode}' tidak ada"))
            })?;
        if Some(jab.id) == peg.jabatan_id {
            return Err(AppError::bidang_tidak_valid(
                "jabatan_kode",
                "Pegawai sudah memangku jabatan ini",
            ));
        }
        let lama = self
            .store
            .skp_tahun(inst, &[peg.id], tanggal.year())
            .await?
            .into_iter()
            .next();
        let (tutup, baru) = match &lama {
            Some(l) => {
                let mut t = l.skp.clone();
                t.tutup(tanggal)?;
                let b = Skp::baru(
                    peg.id,
                    t.tahun,
                    Some(jab.unit_id),
                    Some(jab.id),
                    jab.jenis_jabatan,
                    t.pendekatan,
                    t.tugas_belajar,
                    Some(tanggal),
                )?
                .sebagai_pimpinan_unit_mandiri(org.mandiri(Some(jab.id)));
                (Some((t, l.versi)), Some(b))
            }
            None => (None, None),
        };
        let s = self
            .store
            .mutasi_pegawai(
                inst,
                peg.id,
                jab.id,
                tutup.as_ref().map(|(t, v)| (t, *v)),
                baru.as_ref(),
                &p.pelaku(),
            )
            .await?;
        Ok(HasilMutasi {
            skp_lama_id: lama.map(|l| l.skp.id),
            skp_baru_id: s.map(|s| s.skp.id),
        })
    }
}
