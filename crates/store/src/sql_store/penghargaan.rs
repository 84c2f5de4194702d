//! SQL of rewards: two years of annual predikat in one pass, and the rewards recorded.

use super::{JejakAudit, SqlStore};
use crate::error::StoreResult;
use crate::model::Pelaku;
use crate::params;
use crate::penghargaan::*;
use crate::sql::{sekarang, Backend, Conn, Row, Tx};
use async_trait::async_trait;
use kinerja_domain::kuadran::Predikat;

const KOLOM: &str = "id, pegawai_id, tahun, jenis, bentuk, tanggal, nomor_dokumen, catatan, \
     dicatat_oleh, dibuat";

fn penghargaan_dari(r: &Row) -> StoreResult<Penghargaan> {
    Ok(Penghargaan {
        id: r.i64(0)?,
        pegawai_id: r.i64(1)?,
        tahun: r.i64(2)? as i32,
        jenis: r.parse(3)?,
        bentuk: r.text(4)?,
        tanggal: r.date(5)?,
        nomor_dokumen: r.opt_text(6)?,
        catatan: r.opt_text(7)?,
        dicatat_oleh: r.text(8)?,
        dibuat: r.ts(9)?,
    })
}

#[async_trait]
impl<B: Backend> StorePenghargaan for SqlStore<B> {
    async fn predikat_dua_tahun(
        &self,
        instansi_id: i64,
        tahun: i32,
        pegawai_id: Option<i64>,
    ) -> StoreResult<Vec<PredikatDuaTahun>> {
        let mut c = self.b.read().await?;
        let (lalu, ini) = ((tahun - 1).to_string(), tahun.to_string());
        let mut p = params![instansi_id, &lalu, ini];
        let mut saring = String::new();
        if let Some(id) = pegawai_id {
            saring = " AND pegawai_id = $4".into();
            p.push(id.into());
        }
        // Ordered so that, within a pegawai and a year, the last SKP's evaluation comes last.
        let baris = c
            .fetch(
                &format!(
                    "SELECT pegawai_id, periode, predikat, id FROM evaluasi \
                     WHERE instansi_id = $1 AND periode IN ($2, $3) AND status <> 'draf'{saring} \
                     ORDER BY pegawai_id, periode, skp_id, id"
                ),
                p,
            )
            .await?;
        // (pegawai, of last year?, predikat, evaluation), grouped by pegawai; within a year the
        // last SKP's evaluation comes last and is the one that counts.
        let baris: Vec<(i64, bool, Predikat, i64)> = baris
            .iter()
            .map(|r| Ok((r.i64(0)?, r.text(1)? == lalu, r.parse(2)?, r.i64(3)?)))
            .collect::<StoreResult<_>>()?;
        Ok(baris
            .chunk_by(|a, b| a.0 == b.0)
            .filter_map(|g| {
                let lalu = g.iter().rev().find(|x| x.1)?;
                let ini = g.iter().rev().find(|x| !x.1)?;
                Some(PredikatDuaTahun {
                    pegawai_id: ini.0,
                    tahun_lalu: lalu.2,
                    tahun_ini: ini.2,
                    evaluasi_id: ini.3,
                })
            })
            .collect())
    }

    async fn daftar_penghargaan(
        &self,
        instansi_id: i64,
        tahun: Option<i32>,
        pegawai_id: Option<i64>,
    ) -> StoreResult<Vec<Penghargaan>> {
        let mut c = self.b.read().await?;
        let mut p = params![instansi_id];
        let mut saring = String::new();
        if let Some(t) = tahun {
            p.push(i64::from(t).into());
            saring.push_str(&format!(" AND tahun = ${}", p.len()));
        }
        if let Some(id) = pegawai_id {
            p.push(id.into());
            saring.push_str(&format!(" AND pegawai_id = ${}", p.len()));
        }
        c.fetch(
            &format!(
                "SELECT {KOLOM} FROM penghargaan WHERE instansi_id = $1{saring} ORDER BY tanggal DESC, id DESC"
            ),
            p,
        )
        .await?
        .iter()
        .map(penghargaan_dari)
        .collect()
    }

    async fn catat_penghargaan(
        &self,
        instansi_id: i64,
        b: &PenghargaanBaru,
        pelaku: &Pelaku,
    ) -> StoreResult<Penghargaan> {
        let mut tx = self.b.begin().await?;
        let r = tx
            .fetch_one(
                &format!(
                    "INSERT INTO penghargaan (instansi_id, pegawai_id, tahun, jenis, bentuk, tanggal, \
                     nomor_dokumen, catatan, dicatat_oleh, dibuat) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING {KOLOM}"
                ),
                params![
                    instansi_id,
                    b.pegawai_id,
                    i64::from(b.tahun),
                    b.jenis.kode(),
                    &b.bentuk,
                    b.tanggal,
                    b.nomor_dokumen.as_deref(),
                    b.catatan.as_deref(),
                    &pelaku.nama,
                    sekarang()
                ],
            )
            .await?;
        let baru = penghargaan_dari(&r)?;
        let mut jejak = JejakAudit::new(instansi_id, pelaku);
        jejak.catat::<Penghargaan>("catat", "penghargaan", baru.id, None, Some(&baru));
        jejak.tulis(&mut tx).await?;
        tx.commit().await?;
        Ok(baru)
    }
}
