//! SQL of the policy profile's versions (`profil_kebijakan`: one row per instansi and year, its
//! content as JSON, a counter bumped by every write). Every write is one transaction with its
//! audit entry (before and after).

use super::{JejakAudit, SqlStore};
use crate::error::{StoreError, StoreResult};
use crate::model::Pelaku;
use crate::params;
use crate::profil::*;
use crate::sql::{sekarang, Backend, Conn, Row, Tx};
use async_trait::async_trait;
use kinerja_domain::penilai::AturanPenilai;
use kinerja_domain::profil::ProfilKebijakan;

const KOLOM: &str = "tahun, versi, diubah, isi";

/// A stored profile; a TPP table stored before it had to be complete reads as complete.
fn isi_dari(teks: &str) -> StoreResult<ProfilKebijakan> {
    serde_json::from_str::<ProfilKebijakan>(teks)
        .map(ProfilKebijakan::normalisasi)
        .map_err(|e| StoreError::Rusak(format!("profil: {e}")))
}

fn tersimpan_dari(r: &Row) -> StoreResult<ProfilTersimpan> {
    Ok(ProfilTersimpan {
        versi: VersiProfil {
            tahun: tahun_dari(r.i64(0)?)?,
            versi: r.i64(1)?,
            diubah: r.ts(2)?,
        },
        isi: isi_dari(&r.text(3)?)?,
    })
}

fn tahun_dari(t: i64) -> StoreResult<i32> {
    i32::try_from(t).map_err(|_| StoreError::Rusak(format!("tahun profil {t}")))
}

fn json(isi: &ProfilKebijakan) -> StoreResult<String> {
    serde_json::to_string(isi).map_err(|e| StoreError::Rusak(e.to_string()))
}

/// The version of exactly this year.
async fn versi_tahun<C: Conn + ?Sized>(
    c: &mut C,
    instansi_id: i64,
    tahun: i32,
) -> StoreResult<Option<ProfilTersimpan>> {
    c.fetch_opt(
        &format!("SELECT {KOLOM} FROM profil_kebijakan WHERE instansi_id = $1 AND tahun = $2"),
        params![instansi_id, i64::from(tahun)],
    )
    .await?
    .map(|r| tersimpan_dari(&r))
    .transpose()
}

#[async_trait]
impl<B: Backend> StoreProfil for SqlStore<B> {
    async fn profil(&self, instansi_id: i64, tahun: i32) -> StoreResult<Option<ProfilKebijakan>> {
        Ok(self
            .profil_berlaku(instansi_id, tahun)
            .await?
            .map(|p| p.isi))
    }

    async fn simpan_profil(
        &self,
        instansi_id: i64,
        tahun: i32,
        profil: &ProfilKebijakan,
        pelaku: &Pelaku,
    ) -> StoreResult<()> {
        let isi = json(profil)?;
        let mut tx = self.b.begin().await?;
        let lama = versi_tahun(&mut tx, instansi_id, tahun).await?;
        tx.execute(
            "INSERT INTO profil_kebijakan (instansi_id, tahun, isi, diubah, versi) VALUES ($1, $2, $3, $4, 1) \
             ON CONFLICT (instansi_id, tahun) DO UPDATE SET isi = excluded.isi, diubah = excluded.diubah, \
             versi = profil_kebijakan.versi + 1",
            params![instansi_id, i64::from(tahun), isi, sekarang()],
        )
        .await?;
        let mut jejak = JejakAudit::new(instansi_id, pelaku);
        jejak.catat(
            "simpan",
            "profil_kebijakan",
            tahun,
            lama.as_ref().map(|l| &l.isi),
            Some(profil),
        );
        jejak.tulis(&mut tx).await?;
        tx.commit().await
    }

    async fn daftar_versi_profil(&self, instansi_id: i64) -> StoreResult<Vec<VersiProfil>> {
        let mut c = self.b.read().await?;
        c.fetch(
            "SELECT tahun, versi, diubah FROM profil_kebijakan WHERE instansi_id = $1 ORDER BY tahun",
            params![instansi_id],
        )
        .await?
        .iter()
        .map(|r| {
            Ok(VersiProfil {
                tahun: tahun_dari(r.i64(0)?)?,
                versi: r.i64(1)?,
                diubah: r.ts(2)?,
            })
        })
        .collect()
    }

    async fn profil_berlaku(
        &self,
        instansi_id: i64,
        tahun: i32,
    ) -> StoreResult<Option<ProfilTersimpan>> {
        let mut c = self.b.read().await?;
        c.fetch_opt(
            &format!(
                "SELECT {KOLOM} FROM profil_kebijakan WHERE instansi_id = $1 AND tahun <= $2 \
                 ORDER BY tahun DESC LIMIT 1"
            ),
            params![instansi_id, i64::from(tahun)],
        )
        .await?
        .map(|r| tersimpan_dari(&r))
        .transpose()
    }

    async fn buat_versi_profil(
        &self,
        instansi_id: i64,
        tahun: i32,
        isi: &ProfilKebijakan,
        pelaku: &Pelaku,
    ) -> StoreResult<VersiProfil> {
        let teks = json(isi)?;
        let waktu = sekarang();
        let mut tx = self.b.begin().await?;
        let n = tx
            .execute(
                "INSERT INTO profil_kebijakan (instansi_id, tahun, isi, diubah, versi) VALUES ($1, $2, $3, $4, 1) \
                 ON CONFLICT (instansi_id, tahun) DO NOTHING",
                params![instansi_id, i64::from(tahun), teks, waktu],
            )
            .await?;
        if n == 0 {
            return Err(StoreError::Konflik(format!(
                "profil kebijakan tahun {tahun} sudah ada"
            )));
        }
        let mut jejak = JejakAudit::new(instansi_id, pelaku);
        jejak.catat("buat", "profil_kebijakan", tahun, None, Some(isi));
        jejak.tulis(&mut tx).await?;
        tx.commit().await?;
        Ok(VersiProfil {
            tahun,
            versi: 1,
            diubah: waktu,
        })
    }

    async fn ubah_versi_profil(
        &self,
        instansi_id: i64,
        tahun: i32,
        versi_dibaca: i64,
        isi: &ProfilKebijakan,
        pelaku: &Pelaku,
    ) -> StoreResult<VersiProfil> {
        let teks = json(isi)?;
        let waktu = sekarang();
        let mut tx = self.b.begin().await?;
        let Some(lama) = versi_tahun(&mut tx, instansi_id, tahun).await? else {
            return Err(StoreError::TidakDitemukan(format!(
                "profil kebijakan tahun {tahun}"
            )));
        };
        let basi = || {
            StoreError::Konflik(format!(
                "profil kebijakan tahun {tahun} sudah diubah (versi {}, dibaca versi {versi_dibaca})",
                lama.versi.versi
            ))
        };
        if lama.versi.versi != versi_dibaca {
            return Err(basi());
        }
        // The counter in the WHERE clause: a write that slipped in between is not overwritten.
        let n = tx
            .execute(
                "UPDATE profil_kebijakan SET isi = $1, diubah = $2, versi = versi + 1 \
                 WHERE instansi_id = $3 AND tahun = $4 AND versi = $5",
                params![teks, waktu, instansi_id, i64::from(tahun), versi_dibaca],
            )
            .await?;
        if n == 0 {
            return Err(basi());
        }
        let mut jejak = JejakAudit::new(instansi_id, pelaku);
        jejak.catat(
            "ubah",
            "profil_kebijakan",
            tahun,
            Some(&lama.isi),
            Some(isi),
        );
        jejak.tulis(&mut tx).await?;
        tx.commit().await?;
        Ok(VersiProfil {
            tahun,
            versi: versi_dibaca + 1,
            diubah: waktu,
        })
    }

    async fn aturan_penilai(&self, instansi_id: i64) -> StoreResult<Vec<AturanPenilai>> {
        let mut c = self.b.read().await?;
        c.fetch(super::ATURAN_SELECT, params![instansi_id])
            .await?
            .iter()
            .map(super::aturan_dari)
            .collect()
    }
}
