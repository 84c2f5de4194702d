//! SQL of the monitoring dashboards: one grouped query per view (pegawai joined to their
//! position's unit, their open SKP of the year, whether they documented the period's months,
//! the best status of their evaluations of the period), keyset pages of pegawai with the same
//! facts, and the keberatan waiting for a decision.
//!
//! The facts per pegawai come from two grouped derived tables (realisation by pegawai over the
//! months, evaluation status by pegawai over the period) joined by pegawai id, so both
//! databases hash or merge them instead of probing per row; for a unit's view the derived
//! tables are limited to the pegawai of those units first.

use super::skp::tempat;
use super::SqlStore;
use crate::error::StoreResult;
use crate::laporan::HalamanLaporan;
use crate::params;
use crate::pemantauan::*;
use crate::sql::{Backend, Conn, Param, Row};
use async_trait::async_trait;
use std::collections::HashSet;

/// Above this many units the rows are filtered here rather than by an `IN` list.
const MAKS_UNIT_SQL: usize = 500;

/// An open SKP that was set: ditetapkan, or a revision open on a set version (the set content
/// stays in force meanwhile).
const SKP_DITETAPKAN: &str =
    "(s.status IN ('ditetapkan', 'revisi') AND s.ditetapkan_pada IS NOT NULL)";

/// The evaluation status as a rank: a pegawai with two evaluations of a period (a mutasi)
/// counts by the furthest one.
const PERINGKAT_STATUS: &str =
    "CASE e.status WHEN 'draf' THEN 1 WHEN 'ditandatangani_penilai' THEN 2 ELSE 3 END";

/// `$1` instansi, `$2` year, `$3`/`$4` first and last month, `$5` period code. With `unit` (a
/// placeholder list) both start from those units' positions and their holders and reach the
/// rows by pegawai (an index walk for a small unit, a hash join for a large one), instead of
/// aggregating the whole period.
fn tabel_fakta(unit: Option<&str>) -> String {
    let (dari, syarat) = match unit {
        Some(daftar) => (
            "jabatan j2 JOIN pegawai p2 ON p2.jabatan_id = j2.id JOIN ",
            format!("j2.instansi_id = $1 AND j2.unit_id IN ({daftar})"),
        ),
        None => ("", String::new()),
    };
    let (ke_e, ke_r, syarat_e, syarat_r) = if unit.is_some() {
        (
            " ON e.pegawai_id = p2.id AND e.periode = $5",
            " ON r.pegawai_id = p2.id AND r.bulan BETWEEN $3 AND $4",
            syarat.clone(),
            syarat,
        )
    } else {
        (
            "",
            "",
            "e.instansi_id = $1 AND e.periode = $5".to_string(),
            "r.instansi_id = $1 AND r.bulan BETWEEN $3 AND $4".to_string(),
        )
    };
    format!(
        "WITH e AS (SELECT e.pegawai_id, MAX({PERINGKAT_STATUS}) AS st FROM {dari}evaluasi e{ke_e} \
           WHERE {syarat_e} GROUP BY e.pegawai_id), \
         d AS (SELECT r.pegawai_id, COUNT(*) AS n FROM {dari}realisasi r{ke_r} \
           JOIN skp x ON x.id = r.skp_id AND x.tahun = $2 WHERE {syarat_r} GROUP BY r.pegawai_id) "
    )
}

/// The pegawai a query starts from, as (FROM clause, WHERE condition): every pegawai of the
/// instansi (with their position, if any), or the positions of a unit list and their holders.
fn sumber(unit: Option<&str>) -> (&'static str, String) {
    match unit {
        Some(daftar) => (
            "FROM jabatan j JOIN pegawai p ON p.jabatan_id = j.id",
            format!("j.instansi_id = $1 AND j.unit_id IN ({daftar})"),
        ),
        None => (
            "FROM pegawai p LEFT JOIN jabatan j ON j.id = p.jabatan_id",
            "p.instansi_id = $1".into(),
        ),
    }
}

/// A unit list as placeholders from `$mulai` with its values; none when every unit counts or
/// the list is long (the rows are then filtered here).
fn daftar_unit(unit_id: Option<&[i64]>, mulai: usize) -> Option<(String, Vec<Param>)> {
    match unit_id {
        Some(u) if u.len() <= MAKS_UNIT_SQL => Some((
            tempat(mulai, u.len()),
            u.iter().map(|&i| Param::from(i)).collect(),
        )),
        _ => None,
    }
}

fn rekap_dari(r: &Row) -> StoreResult<RekapPemantauan> {
    Ok(RekapPemantauan {
        unit_id: r.opt_i64(0)?,
        pegawai: r.i64(1)?,
        skp: r.i64(2)?,
        skp_ditetapkan: r.i64(3)?,
        terdokumentasi: r.i64(4)?,
        evaluasi_draf: r.i64(5)?,
        evaluasi_ditandatangani: r.i64(6)?,
        evaluasi_diterima: r.i64(7)?,
        evaluasi_belum: r.i64(8)?,
    })
}

fn pegawai_dari(r: &Row) -> StoreResult<PegawaiPemantauan> {
    let status_skp = r.opt_parse(6)?;
    Ok(PegawaiPemantauan {
        pegawai_id: r.i64(0)?,
        nip: r.text(1)?,
        nama: r.text(2)?,
        jabatan_id: r.opt_i64(3)?,
        unit_id: r.opt_i64(4)?,
        skp_id: r.opt_i64(5)?,
        status_skp,
        skp_ditetapkan: r.bool(7)?,
        evaluasi_belum: r.bool(8)?,
        realisasi: r.opt_i64(9)?.unwrap_or(0),
        evaluasi_id: r.opt_i64(10)?,
        evaluasi_skp_id: r.opt_i64(11)?,
        status_evaluasi: r.opt_parse(12)?,
        predikat: r.opt_parse(13)?,
        keberatan: r.opt_parse(14)?,
    })
}

#[async_trait]
impl<B: Backend> StorePemantauan for SqlStore<B> {
    async fn rekap_pemantauan(
        &self,
        instansi_id: i64,
        periode: &PeriodePemantauan,
        unit_id: Option<&[i64]>,
    ) -> StoreResult<Vec<RekapPemantauan>> {
        if unit_id.is_some_and(|u| u.is_empty()) {
            return Ok(Vec::new());
        }
        let mut p = params![
            instansi_id,
            periode.tahun,
            i64::from(periode.bulan_awal),
            i64::from(periode.bulan_akhir),
            &periode.periode,
            periode.selesai
        ];
        let daftar = daftar_unit(unit_id, 7);
        if let Some((_, nilai)) = &daftar {
            p.extend(nilai.iter().cloned());
        }
        let daftar = daftar.as_ref().map(|d| d.0.as_str());
        let (dari, syarat) = sumber(daftar);
        let sql = format!(
            "{fakta}SELECT j.unit_id, COUNT(*), COUNT(s.id), \
               SUM(CASE WHEN {SKP_DITETAPKAN} THEN 1 ELSE 0 END), \
               COUNT(d.pegawai_id), \
               SUM(CASE WHEN e.st = 1 THEN 1 ELSE 0 END), \
               SUM(CASE WHEN e.st >= 2 THEN 1 ELSE 0 END), \
               SUM(CASE WHEN e.st = 3 THEN 1 ELSE 0 END), \
               SUM(CASE WHEN e.st IS NULL AND {SKP_DITETAPKAN} AND s.mulai <= $6 THEN 1 ELSE 0 END) \
             {dari} \
             LEFT JOIN skp s ON s.instansi_id = p.instansi_id AND s.pegawai_id = p.id AND s.tahun = $2 \
               AND s.status <> 'ditutup' \
             LEFT JOIN d ON d.pegawai_id = p.id \
             LEFT JOIN e ON e.pegawai_id = p.id \
             WHERE {syarat} GROUP BY j.unit_id",
            fakta = tabel_fakta(daftar),
        );
        let mut c = self.b.read().await?;
        let mut out = c
            .fetch(&sql, p)
            .await?
            .iter()
            .map(rekap_dari)
            .collect::<StoreResult<Vec<_>>>()?;
        if let Some(u) = unit_id.filter(|u| u.len() > MAKS_UNIT_SQL) {
            let u: HashSet<i64> = u.iter().copied().collect();
            out.retain(|r| r.unit_id.is_some_and(|i| u.contains(&i)));
        }
        out.sort_by_key(|r| r.unit_id);
        Ok(out)
    }

    async fn pegawai_pemantauan(
        &self,
        instansi_id: i64,
        periode: &PeriodePemantauan,
        unit_id: Option<&[i64]>,
        setelah: i64,
        batas: i64,
    ) -> StoreResult<HalamanLaporan<PegawaiPemantauan>> {
        if unit_id.is_some_and(|u| u.is_empty()) {
            return Ok(HalamanLaporan {
                items: Vec::new(),
                berikut: None,
            });
        }
        let batas = batas.clamp(1, 10_000);
        let mut p = params![
            instansi_id,
            periode.tahun,
            i64::from(periode.bulan_awal),
            i64::from(periode.bulan_akhir),
            &periode.periode,
            setelah,
            batas,
            periode.selesai
        ];
        let daftar = daftar_unit(unit_id, 9);
        if let Some((_, nilai)) = &daftar {
            p.extend(nilai.iter().cloned());
        }
        let daftar = daftar.as_ref().map(|d| d.0.as_str());
        let (dari, mut syarat) = sumber(daftar);
        if daftar.is_none() {
            // By primary key from the cursor: the unary plus keeps SQLite off the (instansi_id,
            // nama) index (see `pegawai_laporan`); PostgreSQL reads it as a no-op.
            syarat = format!("+{syarat}");
        }
        let di_sini: Option<HashSet<i64>> = unit_id
            .filter(|u| u.len() > MAKS_UNIT_SQL)
            .map(|u| u.iter().copied().collect());
        // The page of pegawai first (the ids only, so the facts are read for the page's rows
        // alone), then each one's facts by index: the open SKP by (instansi, pegawai, tahun),
        // realisation and the period's evaluation by pegawai. The evaluation's id is picked in
        // a subquery fenced by its LIMIT, so PostgreSQL fetches each by primary key instead of
        // hashing the whole period.
        let sql = format!(
            "SELECT p.id, p.nip, p.nama, p.jabatan_id, j.unit_id, s.id, s.status, \
               CASE WHEN {SKP_DITETAPKAN} THEN 1 ELSE 0 END, \
               CASE WHEN e.id IS NULL AND {SKP_DITETAPKAN} AND s.mulai <= $8 THEN 1 ELSE 0 END, \
               (SELECT COUNT(*) FROM realisasi r JOIN skp x ON x.id = r.skp_id \
                  WHERE r.pegawai_id = p.id AND r.bulan BETWEEN $3 AND $4 AND x.tahun = $2), \
               e.id, e.skp_id, e.status, e.predikat, k.status \
             FROM (SELECT h.id, (SELECT MAX(e2.id) FROM evaluasi e2 \
                 WHERE e2.pegawai_id = h.id AND e2.periode = $5) AS evaluasi_id \
               FROM (SELECT p.id AS id {dari} WHERE {syarat} AND p.id > $6 ORDER BY p.id LIMIT $7) h \
               LIMIT $7) h \
             JOIN pegawai p ON p.id = h.id LEFT JOIN jabatan j ON j.id = p.jabatan_id \
             LEFT JOIN skp s ON s.instansi_id = p.instansi_id AND s.pegawai_id = p.id AND s.tahun = $2 \
               AND s.status <> 'ditutup' \
             LEFT JOIN evaluasi e ON e.id = h.evaluasi_id \
             LEFT JOIN keberatan k ON k.evaluasi_id = e.id \
             ORDER BY p.id"
        );
        let mut c = self.b.read().await?;
        let baris = c.fetch(&sql, p).await?;
        let penuh = baris.len() as i64 == batas;
        let mut items = baris
            .iter()
            .map(pegawai_dari)
            .collect::<StoreResult<Vec<_>>>()?;
        let berikut = items.last().map(|x| x.pegawai_id).filter(|_| penuh);
        if let Some(u) = di_sini {
            items.retain(|x| x.unit_id.is_some_and(|i| u.contains(&i)));
        }
        Ok(HalamanLaporan { items, berikut })
    }

    async fn keberatan_menunggu(&self, instansi_id: i64) -> StoreResult<Vec<KeberatanMenunggu>> {
        let mut c = self.b.read().await?;
        c.fetch(
            "SELECT k.id, k.evaluasi_id, e.skp_id, e.pegawai_id, p.nip, p.nama, j.unit_id, e.periode, \
               k.atasan_pegawai_id, k.batas, k.dibuat \
             FROM keberatan k JOIN evaluasi e ON e.id = k.evaluasi_id \
             JOIN pegawai p ON p.id = e.pegawai_id LEFT JOIN jabatan j ON j.id = p.jabatan_id \
             WHERE k.instansi_id = $1 AND k.status = 'diajukan' ORDER BY k.dibuat, k.id",
            params![instansi_id],
        )
        .await?
        .iter()
        .map(|r| {
            Ok(KeberatanMenunggu {
                id: r.i64(0)?,
                evaluasi_id: r.i64(1)?,
                skp_id: r.i64(2)?,
                pegawai_id: r.i64(3)?,
                nip: r.text(4)?,
                nama: r.text(5)?,
                unit_id: r.opt_i64(6)?,
                periode: r.text(7)?,
                atasan_pegawai_id: r.opt_i64(8)?,
                batas: r.date(9)?,
                diajukan: r.ts(10)?,
            })
        })
        .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_unit_list_filters_in_sql_and_the_derived_tables() {
        let (d, p) = daftar_unit(Some(&[4, 9]), 7).expect("short list");
        assert_eq!(d, "$7, $8");
        assert_eq!(p.len(), 2);
        let f = tabel_fakta(Some(&d));
        assert!(
            f.contains("FROM jabatan j2 JOIN pegawai p2 ON p2.jabatan_id = j2.id JOIN evaluasi e ON e.pegawai_id = p2.id"),
            "{f}"
        );
        assert!(
            f.contains("JOIN realisasi r ON r.pegawai_id = p2.id"),
            "{f}"
        );
        assert_eq!(f.matches("j2.unit_id IN ($7, $8)").count(), 2, "{f}");
        assert!(daftar_unit(Some(&vec![1; MAKS_UNIT_SQL + 1]), 7).is_none());
        assert!(daftar_unit(None, 7).is_none());
        let f = tabel_fakta(None);
        assert!(!f.contains("p2") && f.contains("e.instansi_id = $1"), "{f}");
    }
}
