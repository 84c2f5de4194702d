//! Issued documents and background jobs.

use super::{JejakAudit, SqlStore};
use crate::dokumen::*;
use crate::error::{StoreError, StoreResult};
use crate::model::Pelaku;
use crate::params;
use crate::sql::{sekarang, Backend, Conn, Row, Tx};
use async_trait::async_trait;
use chrono::{DateTime, Utc};

const DOKUMEN_KOLOM: &str = "d.id, d.kode, d.jenis, d.subjek, d.sidik, d.pegawai_id, d.ringkasan, \
     d.dibuat, n.kode, d.digantikan_pada";
const DOKUMEN_DARI: &str = "dokumen d LEFT JOIN dokumen n ON n.id = d.digantikan_oleh";

fn dokumen_dari(r: &Row) -> StoreResult<DokumenTerbit> {
    Ok(DokumenTerbit {
        id: r.i64(0)?,
        kode: r.text(1)?,
        jenis: r.parse(2)?,
        subjek: r.text(3)?,
        sidik: r.text(4)?,
        pegawai_id: r.opt_i64(5)?,
        ringkasan: serde_json::from_str(&r.text(6)?)
            .map_err(|e| StoreError::Rusak(format!("ringkasan dokumen: {e}")))?,
        created_at: r.ts(7)?,
        digantikan_oleh: r.opt_text(8)?,
        digantikan_pada: r.opt_ts(9)?,
    })
}

async fn dokumen_subjek<C: Conn + ?Sized>(
    c: &mut C,
    instansi_id: i64,
    subjek: &str,
    sidik: &str,
) -> StoreResult<Option<DokumenTerbit>> {
    c.fetch_opt(
        &format!(
            "SELECT {DOKUMEN_KOLOM} FROM {DOKUMEN_DARI} \
             WHERE d.instansi_id = $1 AND d.subjek = $2 AND d.sidik = $3"
        ),
        params![instansi_id, subjek, sidik],
    )
    .await?
    .map(|r| dokumen_dari(&r))
    .transpose()
}

const TUGAS_KOLOM: &str = "id, instansi_id, jenis, parameter, status, selesai_n, total_n, pesan, \
     berkas, ukuran, akun_id, dibuat, diubah";

fn tugas_dari(r: &Row) -> StoreResult<TugasLatar> {
    Ok(TugasLatar {
        id: r.i64(0)?,
        instansi_id: r.i64(1)?,
        jenis: r.text(2)?,
        parameter: serde_json::from_str(&r.text(3)?)
            .map_err(|e| StoreError::Rusak(format!("parameter tugas: {e}")))?,
        status: r.parse(4)?,
        selesai_n: r.i64(5)?,
        total_n: r.i64(6)?,
        pesan: r.opt_text(7)?,
        berkas: r.opt_text(8)?,
        ukuran: r.opt_i64(9)?,
        akun_id: r.i64(10)?,
        created_at: r.ts(11)?,
        updated_at: r.ts(12)?,
    })
}

#[async_trait]
impl<B: Backend> StoreDokumen for SqlStore<B> {
    async fn terbitkan_dokumen(
        &self,
        instansi_id: i64,
        baru: &DokumenBaru,
        pelaku: &Pelaku,
    ) -> StoreResult<DokumenTerbit> {
        // The common case, a document downloaded again: nothing to write.
        {
            let mut c = self.b.read().await?;
            if let Some(d) = dokumen_subjek(&mut c, instansi_id, &baru.subjek, &baru.sidik).await? {
                if d.digantikan_oleh.is_none() {
                    return Ok(d);
                }
            }
        }
        let mut tx = self.b.begin().await?;
        // One issuer per instansi at a time, so a subject never has two documents in force.
        tx.kunci_audit(instansi_id).await?;
        let waktu = sekarang();
        let ringkasan =
            serde_json::to_string(&baru.ringkasan).map_err(|e| StoreError::Rusak(e.to_string()))?;
        let n = tx
            .execute(
                "INSERT INTO dokumen (instansi_id, kode, jenis, subjek, sidik, pegawai_id, ringkasan, dibuat) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (instansi_id, subjek, sidik) DO NOTHING",
                params![
                    instansi_id,
                    &baru.kode,
                    baru.jenis.kode(),
                    &baru.subjek,
                    &baru.sidik,
                    baru.pegawai_id,
                    ringkasan,
                    waktu
                ],
            )
            .await?;
        let d = dokumen_subjek(&mut tx, instansi_id, &baru.subjek, &baru.sidik)
            .await?
            .ok_or_else(|| StoreError::TidakDitemukan("dokumen yang baru disimpan".into()))?;
        tx.execute(
            "UPDATE dokumen SET digantikan_oleh = $1, digantikan_pada = $2 \
             WHERE instansi_id = $3 AND subjek = $4 AND id <> $1 AND digantikan_oleh IS NULL",
            params![d.id, waktu, instansi_id, &baru.subjek],
        )
        .await?;
        if d.digantikan_oleh.is_some() {
            // The content went back to what an older document shows: that one is in force again.
            tx.execute(
                "UPDATE dokumen SET digantikan_oleh = NULL, digantikan_pada = NULL WHERE id = $1",
                params![d.id],
            )
            .await?;
        }
        let mut jejak = JejakAudit::new(instansi_id, pelaku);
        if n > 0 {
            jejak.catat("terbitkan", "dokumen", d.id, None, Some(&d));
        } else if d.digantikan_oleh.is_some() {
            jejak.catat("berlakukan_kembali", "dokumen", d.id, None, Some(&d));
        }
        jejak.tulis(&mut tx).await?;
        let d = dokumen_subjek(&mut tx, instansi_id, &baru.subjek, &baru.sidik)
            .await?
            .ok_or_else(|| StoreError::TidakDitemukan("dokumen yang baru disimpan".into()))?;
        tx.commit().await?;
        Ok(d)
    }

    async fn dokumen_kode(&self, kode: &str) -> StoreResult<Option<DokumenTerbit>> {
        let mut c = self.b.read().await?;
        c.fetch_opt(
            &format!("SELECT {DOKUMEN_KOLOM} FROM {DOKUMEN_DARI} WHERE d.kode = $1"),
            params![kode],
        )
        .await?
        .map(|r| dokumen_dari(&r))
        .transpose()
    }

    async fn antrekan_tugas(
        &self,
        instansi_id: i64,
        jenis: &str,
        parameter: &serde_json::Value,
        akun_id: i64,
        pelaku: &Pelaku,
    ) -> StoreResult<TugasLatar> {
        let mut tx = self.b.begin().await?;
        let waktu = sekarang();
        // A job asked for by a person is unique by its id; the key only has to be unique.
        let kunci = format!("{instansi_id}:{akun_id}:{}", waktu.timestamp_micros());
        let r = tx
            .fetch_one(
                &format!(
                    "INSERT INTO pekerjaan (jenis, kunci, instansi_id, status, jalan_pada, parameter, akun_id, dibuat, diubah) \
                     VALUES ($1, $2, $3, 'menunggu', $4, $5, $6, $4, $4) RETURNING {TUGAS_KOLOM}"
                ),
                params![jenis, kunci, instansi_id, waktu, parameter.to_string(), akun_id],
            )
            .await?;
        let t = tugas_dari(&r)?;
        let mut jejak = JejakAudit::new(instansi_id, pelaku);
        jejak.catat("antrekan", "pekerjaan", t.id, None, Some(&t));
        jejak.tulis(&mut tx).await?;
        tx.commit().await?;
        Ok(t)
    }

    async fn kemajuan_tugas(
        &self,
        id: i64,
        node: &str,
        selesai_n: i64,
        total_n: i64,
        sewa_sampai: DateTime<Utc>,
    ) -> StoreResult<()> {
        let mut tx = self.b.begin().await?;
        tx.execute(
            "UPDATE pekerjaan SET selesai_n = $1, total_n = $2, sewa_sampai = $3, diubah = $4 \
             WHERE id = $5 AND diklaim_oleh = $6 AND status = 'berjalan'",
            params![selesai_n, total_n, sewa_sampai, sekarang(), id, node],
        )
        .await?;
        tx.commit().await
    }

    async fn hasil_tugas(&self, id: i64, node: &str, berkas: &str, ukuran: i64) -> StoreResult<()> {
        let mut tx = self.b.begin().await?;
        tx.execute(
            "UPDATE pekerjaan SET berkas = $1, ukuran = $2, selesai_n = total_n, diubah = $3 \
             WHERE id = $4 AND diklaim_oleh = $5",
            params![berkas, ukuran, sekarang(), id, node],
        )
        .await?;
        tx.commit().await
    }

    async fn tugas_latar(&self, instansi_id: i64, id: i64) -> StoreResult<Option<TugasLatar>> {
        let mut c = self.b.read().await?;
        c.fetch_opt(
            &format!(
                "SELECT {TUGAS_KOLOM} FROM pekerjaan WHERE instansi_id = $1 AND id = $2 \
                 AND parameter IS NOT NULL"
            ),
            params![instansi_id, id],
        )
        .await?
        .map(|r| tugas_dari(&r))
        .transpose()
    }

    async fn daftar_tugas_latar(
        &self,
        instansi_id: i64,
        jenis: &str,
        akun_id: Option<i64>,
        limit: i64,
    ) -> StoreResult<Vec<TugasLatar>> {
        let mut c = self.b.read().await?;
        c.fetch(
            &format!(
                "SELECT {TUGAS_KOLOM} FROM pekerjaan WHERE instansi_id = $1 AND jenis = $2 \
                 AND parameter IS NOT NULL AND ($3 IS NULL OR akun_id = $3) ORDER BY id DESC LIMIT $4"
            ),
            params![instansi_id, jenis, akun_id, limit.clamp(1, 500)],
        )
        .await?
        .iter()
        .map(tugas_dari)
        .collect()
    }
}
