//! SQL of login protection (`batas_masuk`: one counter row per account name and per client
//! address) and of password changes. Each counter moves in one `INSERT … ON CONFLICT DO UPDATE
//! … RETURNING`, atomic on both databases (PostgreSQL locks the row for the upsert; SQLite has
//! one writer at a time), so two nodes counting at once get distinct counts.

use super::{JejakAudit, SqlStore};
use crate::error::{StoreError, StoreResult};
use crate::masuk::*;
use crate::model::Pelaku;
use crate::params;
use crate::sql::{Backend, Conn, Row, Tx};
use async_trait::async_trait;
use chrono::{DateTime, Duration, SubsecRound, Utc};
use kinerja_domain::profil::HitunganMasuk;
use serde::Serialize;

/// Count one attempt on a counter: a new row, the next count in a running window, or 1 in a
/// window that starts now when the last one has passed. Answers count, start and lock.
const HITUNG: &str =
    "INSERT INTO batas_masuk (jenis, kunci, mulai, jumlah) VALUES ($1, $2, $3, 1) \
     ON CONFLICT (jenis, kunci) DO UPDATE SET \
     jumlah = CASE WHEN batas_masuk.mulai <= $4 THEN 1 ELSE batas_masuk.jumlah + 1 END, \
     mulai = CASE WHEN batas_masuk.mulai <= $4 THEN $3 ELSE batas_masuk.mulai END \
     RETURNING jumlah, mulai, terkunci_sampai";

/// Counters older than the longest window and not locked are no longer needed.
const UMUR_SIMPAN: i64 = 2;

fn hitungan_dari(r: &Row) -> StoreResult<HitunganMasuk> {
    Ok(HitunganMasuk {
        jumlah: r.i64(0)?,
        mulai: r.ts(1)?,
    })
}

/// The precision both databases keep, so that a start read back compares equal.
fn mikro(t: DateTime<Utc>) -> DateTime<Utc> {
    t.trunc_subsecs(6)
}

#[async_trait]
impl<B: Backend> StoreMasuk for SqlStore<B> {
    async fn catat_percobaan_masuk(
        &self,
        username: &str,
        alamat: &str,
        waktu: DateTime<Utc>,
        jendela: Duration,
    ) -> StoreResult<PercobaanMasuk> {
        let waktu = mikro(waktu);
        let batas = waktu - jendela;
        let mut tx = self.b.begin().await?;
        let a = tx
            .fetch_one(HITUNG, params!["akun", username, waktu, batas])
            .await?;
        let akun = hitungan_dari(&a)?;
        let terkunci_sampai = a.opt_ts(2)?;
        let b = tx
            .fetch_one(HITUNG, params!["alamat", alamat, waktu, batas])
            .await?;
        let alamat_h = hitungan_dari(&b)?;
        tx.commit().await?;
        if akun.jumlah == 1 {
            // A new window: a good moment to drop counters nobody needs. Best effort, in its
            // own transaction, so that it never holds up or fails a login.
            let usang = waktu - Duration::days(UMUR_SIMPAN);
            if let Ok(mut tx) = self.b.begin().await {
                let hapus = tx
                    .execute(
                        "DELETE FROM batas_masuk WHERE mulai < $1 \
                         AND (terkunci_sampai IS NULL OR terkunci_sampai < $2)",
                        params![usang, waktu],
                    )
                    .await;
                if hapus.is_ok() {
                    let _ = tx.commit().await;
                }
            }
        }
        Ok(PercobaanMasuk {
            akun,
            alamat: alamat_h,
            terkunci_sampai,
        })
    }

    async fn masuk_berhasil(
        &self,
        username: &str,
        alamat: &str,
        percobaan: &PercobaanMasuk,
        waktu: DateTime<Utc>,
    ) -> StoreResult<()> {
        let mut tx = self.b.begin().await?;
        tx.execute(
            "DELETE FROM batas_masuk WHERE jenis = 'akun' AND kunci = $1 \
             AND (terkunci_sampai IS NULL OR terkunci_sampai <= $2)",
            params![username, mikro(waktu)],
        )
        .await?;
        tx.execute(
            "UPDATE batas_masuk SET jumlah = jumlah - 1 \
             WHERE jenis = 'alamat' AND kunci = $1 AND mulai = $2 AND jumlah > 0",
            params![alamat, percobaan.alamat.mulai],
        )
        .await?;
        tx.commit().await
    }

    async fn kunci_masuk(&self, username: &str, sampai: DateTime<Utc>) -> StoreResult<()> {
        let sampai = mikro(sampai);
        let mut tx = self.b.begin().await?;
        tx.execute(
            "INSERT INTO batas_masuk (jenis, kunci, mulai, jumlah, terkunci_sampai) \
             VALUES ('akun', $1, $2, 0, $2) \
             ON CONFLICT (jenis, kunci) DO UPDATE SET terkunci_sampai = $2",
            params![username, sampai],
        )
        .await?;
        tx.commit().await
    }

    async fn status_masuk(&self, username: &str) -> StoreResult<Option<StatusMasuk>> {
        let mut c = self.b.read().await?;
        c.fetch_opt(
            "SELECT jumlah, mulai, terkunci_sampai FROM batas_masuk \
             WHERE jenis = 'akun' AND kunci = $1",
            params![username],
        )
        .await?
        .map(|r| {
            Ok(StatusMasuk {
                gagal: hitungan_dari(&r)?,
                terkunci_sampai: r.opt_ts(2)?,
            })
        })
        .transpose()
    }

    async fn ubah_password(
        &self,
        akun_id: i64,
        password_hash: &str,
        pertahankan: Option<&str>,
        pelaku: &Pelaku,
    ) -> StoreResult<u64> {
        #[derive(Serialize)]
        struct Rekam<'a> {
            username: &'a str,
            password_diubah: bool,
            /// Sessions and tokens ended by the change.
            sesi_dicabut: u64,
            /// The caller's own session stays (a change by the account itself).
            sesi_sendiri_tetap: bool,
            /// A failed-login counter or lock was cleared.
            batas_masuk_dihapus: bool,
        }
        let mut tx = self.b.begin().await?;
        // The write first (SQLite: the transaction takes the write lock at once).
        let r = tx
            .fetch_opt(
                "UPDATE akun SET password_hash = $1 WHERE id = $2 RETURNING instansi_id, username",
                params![password_hash, akun_id],
            )
            .await?
            .ok_or_else(|| StoreError::TidakDitemukan(format!("akun {akun_id}")))?;
        let (instansi_id, username) = (r.i64(0)?, r.text(1)?);
        let dicabut = match pertahankan {
            Some(t) => {
                tx.execute(
                    "UPDATE sesi SET dicabut = $1 WHERE akun_id = $2 AND dicabut = $3 \
                     AND token_hash <> $4",
                    params![true, akun_id, false, t],
                )
                .await?
            }
            None => {
                tx.execute(
                    "UPDATE sesi SET dicabut = $1 WHERE akun_id = $2 AND dicabut = $3",
                    params![true, akun_id, false],
                )
                .await?
            }
        };
        let batas = tx
            .execute(
                "DELETE FROM batas_masuk WHERE jenis = 'akun' AND kunci = $1",
                params![&username],
            )
            .await?;
        let mut jejak = JejakAudit::new(instansi_id, pelaku);
        let sesudah = Rekam {
            username: &username,
            password_diubah: true,
            sesi_dicabut: dicabut,
            sesi_sendiri_tetap: pertahankan.is_some(),
            batas_masuk_dihapus: batas > 0,
        };
        jejak.catat("ubah_password", "akun", akun_id, None, Some(&sesudah));
        jejak.tulis(&mut tx).await?;
        tx.commit().await?;
        Ok(dicabut)
    }
}
