//! SQL of the talent view and angka kredit: a period's evaluations in units (through the
//! (instansi, periode, …) index of evaluations), the annual evaluations of a page of pegawai over
//! years (through the open SKP of each year and the (skp, periode) index), one pegawai's SKP and
//! the evaluations of a list of SKP (lists of at most 1,000 ids bounded by a `BETWEEN`).

use super::laporan::di_antara;
use super::skp::tempat;
use super::SqlStore;
use crate::error::StoreResult;
use crate::params;
use crate::sql::{Backend, Conn, Param, Row};
use crate::talenta::*;
use async_trait::async_trait;
use std::collections::HashSet;

/// Above this many units the evaluations are filtered here rather than by an `IN` list.
const MAKS_UNIT_SQL: usize = 500;
const POTONG: usize = 1000;

const RIWAYAT_KOLOM: &str = "e.id, e.skp_id, e.pegawai_id, e.periode, e.tahun, e.unit_id, \
     e.rating_hasil_kerja, e.rating_perilaku, e.predikat, e.status, k.status";

fn riwayat_dari(r: &Row) -> StoreResult<EvaluasiRiwayat> {
    Ok(EvaluasiRiwayat {
        id: r.i64(0)?,
        skp_id: r.i64(1)?,
        pegawai_id: r.i64(2)?,
        periode: r.text(3)?,
        tahun: r.i64(4)? as i32,
        unit_id: r.opt_i64(5)?,
        rating_hasil_kerja: r.parse(6)?,
        rating_perilaku: r.parse(7)?,
        predikat: r.parse(8)?,
        status: r.parse(9)?,
        keberatan: r.opt_parse(10)?,
    })
}

#[async_trait]
impl<B: Backend> StoreTalenta for SqlStore<B> {
    async fn evaluasi_talenta(
        &self,
        instansi_id: i64,
        periode: &str,
        unit_id: Option<&[i64]>,
    ) -> StoreResult<Vec<EvaluasiTalenta>> {
        if unit_id.is_some_and(|u| u.is_empty()) {
            return Ok(Vec::new());
        }
        let mut p = params![instansi_id, periode];
        let mut saring = String::new();
        let mut di_sini: Option<HashSet<i64>> = None;
        match unit_id {
            Some(u) if u.len() <= MAKS_UNIT_SQL => {
                saring = format!(" AND e.unit_id IN ({})", tempat(3, u.len()));
                p.extend(u.iter().map(|&i| Param::from(i)));
            }
            Some(u) => di_sini = Some(u.iter().copied().collect()),
            None => {}
        }
        let mut c = self.b.read().await?;
        let mut out = Vec::new();
        for r in c
            .fetch(
                &format!(
                    "SELECT e.id, e.skp_id, e.pegawai_id, p.nip, p.nama, e.unit_id, e.periode, \
                     e.rating_hasil_kerja, e.rating_perilaku, e.predikat, e.status \
                     FROM evaluasi e JOIN pegawai p ON p.id = e.pegawai_id \
                     WHERE e.instansi_id = $1 AND e.periode = $2{saring} ORDER BY p.nama, e.id"
                ),
                p,
            )
            .await?
        {
            let unit = r.opt_i64(5)?;
            if let Some(u) = &di_sini {
                if !unit.is_some_and(|x| u.contains(&x)) {
                    continue;
                }
            }
            out.push(EvaluasiTalenta {
                evaluasi_id: r.i64(0)?,
                skp_id: r.i64(1)?,
                pegawai_id: r.i64(2)?,
                nip: r.text(3)?,
                nama: r.text(4)?,
                unit_id: unit,
                periode: r.text(6)?,
                rating_hasil_kerja: r.parse(7)?,
                rating_perilaku: r.parse(8)?,
                predikat: r.parse(9)?,
                status: r.parse(10)?,
            });
        }
        Ok(out)
    }

    async fn evaluasi_tahunan_pegawai(
        &self,
        instansi_id: i64,
        pegawai_id: &[i64],
        tahun_awal: i32,
        tahun_akhir: i32,
    ) -> StoreResult<Vec<EvaluasiRiwayat>> {
        let mut c = self.b.read().await?;
        let mut out = Vec::new();
        for potong in pegawai_id.chunks(POTONG) {
            let (di, nilai) = di_antara("s.pegawai_id", 4, potong);
            let mut p = params![instansi_id, tahun_awal, tahun_akhir];
            p.extend(nilai);
            // The open SKP of each year through the (instansi, pegawai, tahun) index of open SKP,
            // then its annual evaluation (period code = the year) through (skp_id, periode).
            for r in c
                .fetch(
                    &format!(
                        "SELECT {RIWAYAT_KOLOM} FROM skp s \
                         JOIN evaluasi e ON e.skp_id = s.id AND e.periode = CAST(s.tahun AS TEXT) \
                         LEFT JOIN keberatan k ON k.evaluasi_id = e.id \
                         WHERE s.instansi_id = $1 AND s.tahun BETWEEN $2 AND $3 \
                         AND s.status <> 'ditutup' AND {di} ORDER BY e.pegawai_id, e.tahun"
                    ),
                    p,
                )
                .await?
            {
                out.push(riwayat_dari(&r)?);
            }
        }
        Ok(out)
    }

    async fn skp_riwayat(
        &self,
        instansi_id: i64,
        pegawai_id: i64,
        tahun_awal: i32,
        tahun_akhir: i32,
    ) -> StoreResult<Vec<SkpRiwayat>> {
        let mut c = self.b.read().await?;
        c.fetch(
            "SELECT id, pegawai_id, tahun, unit_id, jabatan_id, jenis_jabatan, status, \
             nomor_versi, mulai, selesai FROM skp \
             WHERE instansi_id = $1 AND pegawai_id = $2 AND tahun BETWEEN $3 AND $4 \
             ORDER BY tahun, mulai, id",
            params![instansi_id, pegawai_id, tahun_awal, tahun_akhir],
        )
        .await?
        .iter()
        .map(|r| -> StoreResult<SkpRiwayat> {
            Ok(SkpRiwayat {
                id: r.i64(0)?,
                pegawai_id: r.i64(1)?,
                tahun: r.i64(2)? as i32,
                unit_id: r.opt_i64(3)?,
                jabatan_id: r.opt_i64(4)?,
                jenis_jabatan: r.opt_parse(5)?,
                status: r.parse(6)?,
                nomor_versi: r.i64(7)? as i32,
                mulai: r.date(8)?,
                selesai: r.date(9)?,
            })
        })
        .collect()
    }

    async fn evaluasi_skp_riwayat(
        &self,
        instansi_id: i64,
        skp_id: &[i64],
    ) -> StoreResult<Vec<EvaluasiRiwayat>> {
        let mut c = self.b.read().await?;
        let mut out = Vec::new();
        for potong in skp_id.chunks(POTONG) {
            let (di, nilai) = di_antara("e.skp_id", 2, potong);
            let mut p = params![instansi_id];
            p.extend(nilai);
            for r in c
                .fetch(
                    &format!(
                        "SELECT {RIWAYAT_KOLOM} FROM evaluasi e \
                         LEFT JOIN keberatan k ON k.evaluasi_id = e.id \
                         WHERE e.instansi_id = $1 AND {di} ORDER BY e.tahun, e.periode, e.id"
                    ),
                    p,
                )
                .await?
            {
                out.push(riwayat_dari(&r)?);
            }
        }
        out.sort_by(|a, b| (a.tahun, &a.periode, a.id).cmp(&(b.tahun, &b.periode, b.id)));
        Ok(out)
    }
}
