//! SQL of sanction cases: the annual evaluations that may call for one, the cases and their
//! steps. A step and the case's new stage are written in one transaction guarded by `versi`.

use super::pelaksanaan::tidak_ada;
use super::skp::tempat;
use super::{JejakAudit, SqlStore};
use crate::error::{StoreError, StoreResult};
use crate::model::Pelaku;
use crate::params;
use crate::sanksi::*;
use crate::sql::{sekarang, Backend, Conn, Param, Row, Tx};
use async_trait::async_trait;
use chrono::NaiveDate;
use kinerja_domain::kuadran::Predikat;
use kinerja_domain::sanksi::TahapSanksi;

const EVALUASI_KOLOM: &str = "e.id, e.skp_id, e.pegawai_id, e.periode, e.tahun, s.jenis_jabatan, \
     e.predikat, e.status, e.diterima, k.status, ks.id";
const EVALUASI_DARI: &str = "evaluasi e JOIN skp s ON s.id = e.skp_id \
     LEFT JOIN keberatan k ON k.evaluasi_id = e.id LEFT JOIN kasus_sanksi ks ON ks.evaluasi_id = e.id";

fn evaluasi_dari(r: &Row) -> StoreResult<EvaluasiSanksi> {
    Ok(EvaluasiSanksi {
        evaluasi_id: r.i64(0)?,
        skp_id: r.i64(1)?,
        pegawai_id: r.i64(2)?,
        periode: r.text(3)?,
        tahun: r.i64(4)? as i32,
        jenis_jabatan: r.opt_parse(5)?,
        predikat: r.parse(6)?,
        status: r.parse(7)?,
        diterima: r.opt_date(8)?,
        keberatan: r.opt_parse(9)?,
        kasus_id: r.opt_i64(10)?,
    })
}

const KASUS_KOLOM: &str =
    "id, pegawai_id, evaluasi_id, tahun, predikat, kelompok, tahap, tenggat, \
     hasil, versi, dibuat, diubah";

fn kasus_dari(r: &Row) -> StoreResult<KasusSanksi> {
    Ok(KasusSanksi {
        id: r.i64(0)?,
        pegawai_id: r.i64(1)?,
        evaluasi_id: r.i64(2)?,
        tahun: r.i64(3)? as i32,
        predikat: r.parse(4)?,
        kelompok: r.parse(5)?,
        tahap: r.parse(6)?,
        tenggat: r.opt_date(7)?,
        hasil: r.opt_parse(8)?,
        versi: r.i64(9)?,
        dibuat: r.ts(10)?,
        diubah: r.ts(11)?,
        langkah: Vec::new(),
    })
}

const LANGKAH_KOLOM: &str = "urutan, tahap, hasil, tanggal, tenggat, nomor_dokumen, catatan, \
     dicatat_oleh, dibuat";

fn langkah_dari(r: &Row) -> StoreResult<LangkahSanksi> {
    Ok(LangkahSanksi {
        urutan: r.i64(0)?,
        tahap: r.parse(1)?,
        hasil: r.opt_parse(2)?,
        tanggal: r.date(3)?,
        tenggat: r.opt_date(4)?,
        nomor_dokumen: r.opt_text(5)?,
        catatan: r.opt_text(6)?,
        dicatat_oleh: r.text(7)?,
        dibuat: r.ts(8)?,
    })
}

fn status_kasus(t: TahapSanksi) -> &'static str {
    if t == TahapSanksi::Selesai {
        "selesai"
    } else {
        "berjalan"
    }
}

async fn baca_kasus<C: Conn + ?Sized>(
    c: &mut C,
    instansi_id: i64,
    id: i64,
) -> StoreResult<Option<KasusSanksi>> {
    let Some(r) = c
        .fetch_opt(
            &format!("SELECT {KASUS_KOLOM} FROM kasus_sanksi WHERE instansi_id = $1 AND id = $2"),
            params![instansi_id, id],
        )
        .await?
    else {
        return Ok(None);
    };
    let mut k = kasus_dari(&r)?;
    k.langkah = c
        .fetch(
            &format!(
                "SELECT {LANGKAH_KOLOM} FROM langkah_sanksi WHERE kasus_id = $1 ORDER BY urutan"
            ),
            params![id],
        )
        .await?
        .iter()
        .map(langkah_dari)
        .collect::<StoreResult<_>>()?;
    Ok(Some(k))
}

async fn tulis_langkah<T: Tx>(
    tx: &mut T,
    kasus_id: i64,
    urutan: i64,
    l: &LangkahBaru,
    pelaku: &Pelaku,
) -> StoreResult<()> {
    tx.execute(
        "INSERT INTO langkah_sanksi (kasus_id, urutan, tahap, hasil, tanggal, tenggat, nomor_dokumen, \
         catatan, dicatat_oleh, dibuat) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        params![
            kasus_id,
            urutan,
            l.tahap.kode(),
            l.hasil.map(|h| h.kode()),
            l.tanggal,
            l.tenggat,
            l.nomor_dokumen.as_deref(),
            l.catatan.as_deref(),
            &pelaku.nama,
            sekarang()
        ],
    )
    .await?;
    Ok(())
}

#[async_trait]
impl<B: Backend> StoreSanksi for SqlStore<B> {
    async fn evaluasi_calon_sanksi(
        &self,
        instansi_id: i64,
        tahun: i32,
        predikat: &[Predikat],
    ) -> StoreResult<Vec<EvaluasiSanksi>> {
        if predikat.is_empty() {
            return Ok(Vec::new());
        }
        let mut c = self.b.read().await?;
        let mut p = params![instansi_id, tahun.to_string()];
        p.extend(predikat.iter().map(|x| Param::from(x.kode())));
        c.fetch(
            &format!(
                "SELECT {EVALUASI_KOLOM} FROM {EVALUASI_DARI} WHERE e.instansi_id = $1 AND e.periode = $2 \
                 AND e.status <> 'draf' AND e.predikat IN ({}) ORDER BY e.pegawai_id, e.skp_id",
                tempat(3, predikat.len())
            ),
            p,
        )
        .await?
        .iter()
        .map(evaluasi_dari)
        .collect()
    }

    async fn evaluasi_sanksi(
        &self,
        instansi_id: i64,
        evaluasi_id: i64,
    ) -> StoreResult<Option<EvaluasiSanksi>> {
        let mut c = self.b.read().await?;
        c.fetch_opt(
            &format!(
                "SELECT {EVALUASI_KOLOM} FROM {EVALUASI_DARI} WHERE e.instansi_id = $1 AND e.id = $2"
            ),
            params![instansi_id, evaluasi_id],
        )
        .await?
        .map(|r| evaluasi_dari(&r))
        .transpose()
    }

    async fn buka_kasus_sanksi(
        &self,
        instansi_id: i64,
        b: &KasusBaru,
        pelaku: &Pelaku,
    ) -> StoreResult<KasusSanksi> {
        let mut tx = self.b.begin().await?;
        if let Some(r) = tx
            .fetch_opt(
                "SELECT id FROM kasus_sanksi WHERE evaluasi_id = $1",
                params![b.evaluasi_id],
            )
            .await?
        {
            return Err(StoreError::Konflik(format!(
                "Evaluasi ini sudah memiliki kasus sanksi (nomor {})",
                r.i64(0)?
            )));
        }
        let now = sekarang();
        let id = tx
            .fetch_one(
                "INSERT INTO kasus_sanksi (instansi_id, pegawai_id, evaluasi_id, tahun, predikat, kelompok, \
                 tahap, tenggat, status, hasil, versi, dibuat, diubah) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1, $11, $11) RETURNING id",
                params![
                    instansi_id,
                    b.pegawai_id,
                    b.evaluasi_id,
                    i64::from(b.tahun),
                    b.predikat.kode(),
                    b.kelompok.kode(),
                    b.langkah.tahap.kode(),
                    b.langkah.tenggat,
                    status_kasus(b.langkah.tahap),
                    b.langkah.hasil.map(|h| h.kode()),
                    now
                ],
            )
            .await?
            .i64(0)?;
        tulis_langkah(&mut tx, id, 1, &b.langkah, pelaku).await?;
        let baru = baca_kasus(&mut tx, instansi_id, id)
            .await?
            .ok_or_else(|| tidak_ada("Kasus sanksi", id))?;
        let mut jejak = JejakAudit::new(instansi_id, pelaku);
        jejak.catat::<KasusSanksi>("buka", "kasus_sanksi", id, None, Some(&baru));
        jejak.tulis(&mut tx).await?;
        tx.commit().await?;
        Ok(baru)
    }

    async fn kasus_sanksi(&self, instansi_id: i64, id: i64) -> StoreResult<Option<KasusSanksi>> {
        let mut c = self.b.read().await?;
        baca_kasus(&mut c, instansi_id, id).await
    }

    async fn daftar_kasus_sanksi(
        &self,
        instansi_id: i64,
        selesai: Option<bool>,
        pegawai_id: Option<i64>,
    ) -> StoreResult<Vec<KasusSanksi>> {
        let mut c = self.b.read().await?;
        let mut p = params![instansi_id];
        let mut saring = String::new();
        if let Some(s) = selesai {
            p.push(if s { "selesai" } else { "berjalan" }.into());
            saring.push_str(&format!(" AND status = ${}", p.len()));
        }
        if let Some(id) = pegawai_id {
            p.push(id.into());
            saring.push_str(&format!(" AND pegawai_id = ${}", p.len()));
        }
        // Open cases first, soonest deadline first (no deadline last), then the newest.
        c.fetch(
            &format!(
                "SELECT {KASUS_KOLOM} FROM kasus_sanksi WHERE instansi_id = $1{saring} \
                 ORDER BY CASE WHEN status = 'berjalan' THEN 0 ELSE 1 END, \
                 CASE WHEN tenggat IS NULL THEN 1 ELSE 0 END, tenggat, id DESC"
            ),
            p,
        )
        .await?
        .iter()
        .map(kasus_dari)
        .collect()
    }

    async fn catat_langkah_sanksi(
        &self,
        instansi_id: i64,
        kasus_id: i64,
        versi: i64,
        l: &LangkahBaru,
        pelaku: &Pelaku,
    ) -> StoreResult<KasusSanksi> {
        let mut tx = self.b.begin().await?;
        let lama = baca_kasus(&mut tx, instansi_id, kasus_id)
            .await?
            .ok_or_else(|| tidak_ada("Kasus sanksi", kasus_id))?;
        let n = tx
            .execute(
                "UPDATE kasus_sanksi SET tahap = $1, tenggat = $2, status = $3, hasil = $4, \
                 versi = versi + 1, diubah = $5 WHERE id = $6 AND instansi_id = $7 AND versi = $8",
                params![
                    l.tahap.kode(),
                    l.tenggat,
                    status_kasus(l.tahap),
                    l.hasil.map(|h| h.kode()),
                    sekarang(),
                    kasus_id,
                    instansi_id,
                    versi
                ],
            )
            .await?;
        if n == 0 {
            return Err(StoreError::Konflik(format!(
                "Kasus sanksi ini telah diubah orang lain (versi sekarang {}); muat ulang lalu catat kembali",
                lama.versi
            )));
        }
        let urutan = lama.langkah.last().map_or(0, |x| x.urutan) + 1;
        tulis_langkah(&mut tx, kasus_id, urutan, l, pelaku).await?;
        let baru = baca_kasus(&mut tx, instansi_id, kasus_id)
            .await?
            .ok_or_else(|| tidak_ada("Kasus sanksi", kasus_id))?;
        let mut jejak = JejakAudit::new(instansi_id, pelaku);
        jejak.catat(
            "catat_langkah",
            "kasus_sanksi",
            kasus_id,
            Some(&lama),
            Some(&baru),
        );
        jejak.tulis(&mut tx).await?;
        tx.commit().await?;
        Ok(baru)
    }

    async fn tenggat_sanksi(
        &self,
        instansi_id: i64,
        sampai: NaiveDate,
    ) -> StoreResult<Vec<TenggatSanksi>> {
        let mut c = self.b.read().await?;
        c.fetch(
            "SELECT id, pegawai_id, tahap, tenggat FROM kasus_sanksi \
             WHERE instansi_id = $1 AND status = 'berjalan' AND tenggat IS NOT NULL AND tenggat <= $2 \
             ORDER BY tenggat, id",
            params![instansi_id, sampai],
        )
        .await?
        .iter()
        .map(|r| {
            Ok(TenggatSanksi {
                kasus_id: r.i64(0)?,
                pegawai_id: r.i64(1)?,
                tahap: r.parse(2)?,
                tenggat: r.date(3)?,
            })
        })
        .collect()
    }
}
