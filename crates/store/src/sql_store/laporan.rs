//! SQL of the HR exports: keyset pages of pegawai, and per page their SKP (with RHK/IKI counts)
//! and evaluations, each a grouped query over the page (lists of at most 1,000 ids bounded by a
//! `BETWEEN`, so both databases walk an index).

use super::skp::{di_antara_pegawai, tempat};
use super::{pegawai_dari, SqlStore, PEGAWAI_SELECT};
use crate::error::StoreResult;
use crate::evaluasi::BarisPeringkat;
use crate::laporan::*;
use crate::model::Pegawai;
use crate::params;
use crate::sql::{Backend, Conn, Param, Row};
use async_trait::async_trait;
use kinerja_domain::perilaku::JenisRhk;
use std::collections::{HashMap, HashSet};

/// Above this many units the pegawai page is filtered here rather than by an `IN` list.
const MAKS_UNIT_SQL: usize = 500;
const POTONG: usize = 1000;

const SKP_KOLOM: &str = "id, pegawai_id, unit_id, jabatan_id, jenis_jabatan, format, status, \
     nomor_versi, ditetapkan_pada, mulai, selesai";

fn skp_dari(r: &Row) -> StoreResult<SkpLaporan> {
    Ok(SkpLaporan {
        id: r.i64(0)?,
        pegawai_id: r.i64(1)?,
        unit_id: r.opt_i64(2)?,
        jabatan_id: r.opt_i64(3)?,
        jenis_jabatan: r.opt_parse(4)?,
        format: r.parse(5)?,
        status: r.parse(6)?,
        nomor_versi: r.i64(7)? as i32,
        ditetapkan_pada: r.opt_date(8)?,
        mulai: r.date(9)?,
        selesai: r.date(10)?,
        rhk_utama: 0,
        rhk_tambahan: 0,
        iki: 0,
    })
}

/// `col BETWEEN $a AND $a+1 AND col IN ($a+2, …)` for ids, with its values.
pub(super) fn di_antara(kolom: &str, mulai: usize, ids: &[i64]) -> (String, Vec<Param>) {
    let min = ids.iter().copied().min().unwrap_or(0);
    let max = ids.iter().copied().max().unwrap_or(0);
    let mut p = params![min, max];
    p.extend(ids.iter().map(|&i| Param::from(i)));
    (
        format!(
            "{kolom} BETWEEN ${} AND ${} AND {kolom} IN ({})",
            mulai,
            mulai + 1,
            tempat(mulai + 2, ids.len())
        ),
        p,
    )
}

/// Fill the RHK (utama, tambahan) and IKI counts of these SKP.
async fn hitung_isi<C: Conn + ?Sized>(c: &mut C, skp: &mut [SkpLaporan]) -> StoreResult<()> {
    let ids: Vec<i64> = skp.iter().map(|s| s.id).collect();
    let mut jumlah: HashMap<i64, (i64, i64, i64)> = HashMap::new();
    for potong in ids.chunks(POTONG) {
        let (di, p) = di_antara("r.skp_id", 1, potong);
        for r in c
            .fetch(
                &format!(
                    "SELECT r.skp_id, r.jenis, COUNT(DISTINCT r.id), COUNT(i.id) FROM rhk r \
                     LEFT JOIN iki i ON i.rhk_id = r.id WHERE {di} GROUP BY r.skp_id, r.jenis"
                ),
                p,
            )
            .await?
        {
            let e = jumlah.entry(r.i64(0)?).or_default();
            match r.parse::<JenisRhk>(1)? {
                JenisRhk::Utama => e.0 += r.i64(2)?,
                JenisRhk::Tambahan => e.1 += r.i64(2)?,
            }
            e.2 += r.i64(3)?;
        }
    }
    for s in skp {
        if let Some((u, t, i)) = jumlah.get(&s.id) {
            (s.rhk_utama, s.rhk_tambahan, s.iki) = (*u, *t, *i);
        }
    }
    Ok(())
}

const EVALUASI_KOLOM: &str = "e.id, e.skp_id, e.pegawai_id, e.periode, e.capaian, \
     e.rating_hasil_kerja, e.rating_perilaku, e.predikat, e.status, e.diterima, \
     e.ditandatangani_penilai, e.ditandatangani_pegawai, e.penilai_pegawai_id, k.status";

fn evaluasi_dari(r: &Row) -> StoreResult<EvaluasiLaporan> {
    Ok(EvaluasiLaporan {
        id: r.i64(0)?,
        skp_id: r.i64(1)?,
        pegawai_id: r.i64(2)?,
        periode: r.text(3)?,
        capaian_organisasi: r.opt_parse(4)?,
        rating_hasil_kerja: r.parse(5)?,
        rating_perilaku: r.parse(6)?,
        predikat: r.parse(7)?,
        status: r.parse(8)?,
        diterima: r.opt_date(9)?,
        ditandatangani_penilai: r.opt_ts(10)?,
        ditandatangani_pegawai: r.opt_ts(11)?,
        penilai_pegawai_id: r.i64(12)?,
        keberatan: r.opt_parse(13)?,
    })
}

#[async_trait]
impl<B: Backend> StoreLaporan for SqlStore<B> {
    async fn pegawai_laporan(
        &self,
        instansi_id: i64,
        unit_id: Option<&[i64]>,
        setelah: i64,
        batas: i64,
    ) -> StoreResult<HalamanLaporan<Pegawai>> {
        if unit_id.is_some_and(|u| u.is_empty()) {
            return Ok(HalamanLaporan {
                items: Vec::new(),
                berikut: None,
            });
        }
        let batas = batas.clamp(1, 10_000);
        let mut p = params![instansi_id, setelah, batas];
        let mut saring = String::new();
        let mut di_sini: Option<HashSet<i64>> = None;
        match unit_id {
            Some(u) if u.len() <= MAKS_UNIT_SQL => {
                saring = format!(" AND j.unit_id IN ({})", tempat(4, u.len()));
                p.extend(u.iter().map(|&i| Param::from(i)));
            }
            Some(u) => di_sini = Some(u.iter().copied().collect()),
            None => {}
        }
        let mut c = self.b.read().await?;
        let baris = c
            .fetch(
                // `+p.instansi_id`: SQLite would otherwise walk the (instansi_id, nama) index and
                // sort the whole instansi for every page; this walks the primary key from the
                // cursor (PostgreSQL reads the unary plus as a no-op and does the same).
                &format!(
                    "{PEGAWAI_SELECT} WHERE +p.instansi_id = $1 AND p.id > $2{saring} ORDER BY p.id LIMIT $3"
                ),
                p,
            )
            .await?;
        let penuh = baris.len() as i64 == batas;
        let mut items: Vec<Pegawai> = baris.iter().map(pegawai_dari).collect::<StoreResult<_>>()?;
        let berikut = items.last().map(|x| x.id).filter(|_| penuh);
        if let Some(u) = di_sini {
            items.retain(|x| x.unit_id.is_some_and(|i| u.contains(&i)));
        }
        Ok(HalamanLaporan { items, berikut })
    }

    async fn skp_laporan(
        &self,
        instansi_id: i64,
        tahun: i32,
        pegawai_id: &[i64],
    ) -> StoreResult<Vec<SkpLaporan>> {
        let mut c = self.b.read().await?;
        let mut out = Vec::new();
        for potong in pegawai_id.chunks(POTONG) {
            let (di, nilai) = di_antara_pegawai(3, potong);
            let mut p = params![instansi_id, tahun];
            p.extend(nilai);
            for r in c
                .fetch(
                    &format!(
                        "SELECT {SKP_KOLOM} FROM skp WHERE instansi_id = $1 AND tahun = $2 \
                         AND status <> 'ditutup' AND {di} ORDER BY id"
                    ),
                    p,
                )
                .await?
            {
                out.push(skp_dari(&r)?);
            }
        }
        hitung_isi(&mut c, &mut out).await?;
        Ok(out)
    }

    async fn skp_ditutup_laporan(
        &self,
        instansi_id: i64,
        tahun: i32,
    ) -> StoreResult<Vec<SkpLaporan>> {
        let mut c = self.b.read().await?;
        let mut out = c
            .fetch(
                &format!(
                    "SELECT {SKP_KOLOM} FROM skp WHERE instansi_id = $1 AND tahun = $2 \
                     AND status = 'ditutup' ORDER BY id"
                ),
                params![instansi_id, tahun],
            )
            .await?
            .iter()
            .map(skp_dari)
            .collect::<StoreResult<Vec<_>>>()?;
        hitung_isi(&mut c, &mut out).await?;
        Ok(out)
    }

    async fn baris_peringkat_laporan(
        &self,
        instansi_id: i64,
        periode: &str,
        setelah: i64,
        batas: i64,
    ) -> StoreResult<HalamanLaporan<BarisPeringkat>> {
        let batas = batas.clamp(1, 10_000);
        let mut c = self.b.read().await?;
        // Walks the primary key from the cursor (see `pegawai_laporan` for the unary plus).
        let items = c
            .fetch(
                "SELECT e.id, e.pegawai_id, p.nip, p.nama, e.unit_id, e.predikat, e.status \
                 FROM evaluasi e JOIN pegawai p ON p.id = e.pegawai_id \
                 WHERE +e.instansi_id = $1 AND e.periode = $2 AND e.id > $3 ORDER BY e.id LIMIT $4",
                params![instansi_id, periode, setelah, batas],
            )
            .await?
            .iter()
            .map(super::evaluasi::peringkat_dari)
            .collect::<StoreResult<Vec<_>>>()?;
        let berikut = items
            .last()
            .map(|b| b.evaluasi_id)
            .filter(|_| items.len() as i64 == batas);
        Ok(HalamanLaporan { items, berikut })
    }

    async fn nama_pegawai_laporan(
        &self,
        instansi_id: i64,
        pegawai_id: &[i64],
    ) -> StoreResult<Vec<NamaPegawai>> {
        let mut c = self.b.read().await?;
        let mut out = Vec::with_capacity(pegawai_id.len());
        for potong in pegawai_id.chunks(POTONG) {
            let (di, nilai) = di_antara("id", 2, potong);
            let mut p = params![instansi_id];
            p.extend(nilai);
            // By primary key (see `pegawai_laporan` for the unary plus).
            for r in c
                .fetch(
                    &format!("SELECT id, nama, nip FROM pegawai WHERE +instansi_id = $1 AND {di}"),
                    p,
                )
                .await?
            {
                out.push(NamaPegawai {
                    id: r.i64(0)?,
                    nama: r.text(1)?,
                    nip: r.text(2)?,
                });
            }
        }
        Ok(out)
    }

    async fn evaluasi_pegawai_laporan(
        &self,
        instansi_id: i64,
        periode: &str,
        tahun: i32,
        pegawai_id: &[i64],
    ) -> StoreResult<Vec<EvaluasiLaporan>> {
        let mut c = self.b.read().await?;
        let mut out = Vec::new();
        for potong in pegawai_id.chunks(POTONG) {
            let (di, nilai) = di_antara("s.pegawai_id", 4, potong);
            let mut p = params![instansi_id, periode, tahun];
            p.extend(nilai);
            // The open SKP through the (instansi, pegawai, tahun) index of open SKP, then each
            // one's evaluation through (skp_id, periode).
            for r in c
                .fetch(
                    &format!(
                        "SELECT {EVALUASI_KOLOM} FROM skp s JOIN evaluasi e ON e.skp_id = s.id AND e.periode = $2 \
                         LEFT JOIN keberatan k ON k.evaluasi_id = e.id \
                         WHERE s.instansi_id = $1 AND s.tahun = $3 AND s.status <> 'ditutup' AND {di} ORDER BY e.id"
                    ),
                    p,
                )
                .await?
            {
                out.push(evaluasi_dari(&r)?);
            }
        }
        Ok(out)
    }

    async fn evaluasi_laporan(
        &self,
        instansi_id: i64,
        periode: &str,
        skp_id: &[i64],
    ) -> StoreResult<Vec<EvaluasiLaporan>> {
        let mut c = self.b.read().await?;
        let mut out = Vec::new();
        for potong in skp_id.chunks(POTONG) {
            let (di, nilai) = di_antara("s.id", 3, potong);
            let mut p = params![instansi_id, periode];
            p.extend(nilai);
            // From the SKP (by id) to their evaluation of the period through the (skp_id,
            // periode) index, rather than every evaluation of the period.
            for r in c
                .fetch(
                    &format!(
                        "SELECT {EVALUASI_KOLOM} FROM skp s JOIN evaluasi e ON e.skp_id = s.id AND e.periode = $2 \
                         LEFT JOIN keberatan k ON k.evaluasi_id = e.id \
                         WHERE s.instansi_id = $1 AND {di} ORDER BY e.id"
                    ),
                    p,
                )
                .await?
            {
                out.push(evaluasi_dari(&r)?);
            }
        }
        Ok(out)
    }
}
