//! SQL of the evaluation stage: capaian kinerja organisasi, evaluasi, keberatan.

use super::pelaksanaan::{sisip_notifikasi, tidak_ada};
use super::skp::{dari_json, tempat};
use super::{JejakAudit, SqlStore};
use crate::error::{StoreError, StoreResult};
use crate::evaluasi::*;
use crate::model::Pelaku;
use crate::params;
use crate::pelaksanaan::NotifikasiBaru;
use crate::sql::{sekarang, Backend, Conn, Param, Row, Tx};
use async_trait::async_trait;
use chrono::NaiveDate;
use kinerja_domain::evaluasi::keberatan::{PutusanSah, StatusKeberatan};
use kinerja_domain::evaluasi::StatusEvaluasi;
use kinerja_domain::kuadran::CapaianOrganisasi;

const CAPAIAN_KOLOM: &str = "c.id, c.unit_id, u.nama, c.periode, c.capaian, c.catatan, \
     c.oleh_pegawai_id, c.oleh, c.versi, c.diubah";

fn capaian_dari(r: &Row) -> StoreResult<CapaianTersimpan> {
    Ok(CapaianTersimpan {
        id: r.i64(0)?,
        unit_id: r.i64(1)?,
        unit_nama: r.text(2)?,
        periode: r.text(3)?,
        capaian_organisasi: r.parse(4)?,
        catatan: r.opt_text(5)?,
        oleh_pegawai_id: r.opt_i64(6)?,
        oleh: r.text(7)?,
        version: r.i64(8)?,
        updated_at: r.ts(9)?,
    })
}

const EVALUASI_KOLOM: &str = "e.id, e.skp_id, e.pegawai_id, p.nip, p.nama, e.unit_id, e.periode, \
     e.tahun, e.dasar, e.capaian_unit_id, e.capaian, e.penilai_pegawai_id, e.atasan_pegawai_id, \
     e.nomor_versi_skp, e.saran_hasil_kerja, e.saran_perilaku, e.rating_hasil_kerja, \
     e.rating_perilaku, e.predikat, e.alasan_hasil_kerja, e.alasan_perilaku, e.catatan, \
     e.rekomendasi, e.akademik, e.status, e.ditandatangani_penilai, e.ditandatangani_pegawai, \
     e.diterima, e.alasan_dibuka, e.versi, e.dibuat, e.diubah";
const EVALUASI_DARI: &str = "evaluasi e JOIN pegawai p ON p.id = e.pegawai_id";

fn evaluasi_dari(r: &Row) -> StoreResult<Evaluasi> {
    Ok(Evaluasi {
        id: r.i64(0)?,
        skp_id: r.i64(1)?,
        pegawai_id: r.i64(2)?,
        nip: r.text(3)?,
        nama: r.text(4)?,
        unit_id: r.opt_i64(5)?,
        periode: r.text(6)?,
        tahun: r.i64(7)? as i32,
        dasar: r.parse(8)?,
        capaian_unit_id: r.opt_i64(9)?,
        capaian_organisasi: r.opt_parse(10)?,
        penilai_pegawai_id: r.i64(11)?,
        atasan_pegawai_id: r.opt_i64(12)?,
        nomor_versi_skp: r.i64(13)? as i32,
        saran_hasil_kerja: r.parse(14)?,
        saran_perilaku: r.parse(15)?,
        rating_hasil_kerja: r.parse(16)?,
        rating_perilaku: r.parse(17)?,
        predikat: r.parse(18)?,
        alasan_hasil_kerja: r.opt_text(19)?,
        alasan_perilaku: r.opt_text(20)?,
        catatan: r.opt_text(21)?,
        rekomendasi: r.opt_text(22)?,
        akademik: r.opt_text(23)?.map(|s| dari_json(&s)).transpose()?,
        status: r.parse(24)?,
        ditandatangani_penilai: r.opt_ts(25)?,
        ditandatangani_pegawai: r.opt_ts(26)?,
        diterima: r.opt_date(27)?,
        alasan_dibuka: r.opt_text(28)?,
        version: r.i64(29)?,
        created_at: r.ts(30)?,
        updated_at: r.ts(31)?,
    })
}

const KEBERATAN_KOLOM: &str = "k.id, k.evaluasi_id, e.skp_id, e.pegawai_id, p.nama, e.periode, \
     e.penilai_pegawai_id, k.atasan_pegawai_id, k.alasan, k.status, k.batas, \
     k.rating_hasil_kerja_semula, k.rating_perilaku_semula, k.predikat_semula, \
     k.rating_hasil_kerja_baru, k.rating_perilaku_baru, k.predikat_baru, k.alasan_putusan, \
     k.komentar, k.dibuat, k.diputuskan, k.diputuskan_oleh, k.versi";
const KEBERATAN_DARI: &str =
    "keberatan k JOIN evaluasi e ON e.id = k.evaluasi_id JOIN pegawai p ON p.id = e.pegawai_id";

fn keberatan_dari(r: &Row) -> StoreResult<Keberatan> {
    Ok(Keberatan {
        id: r.i64(0)?,
        evaluasi_id: r.i64(1)?,
        skp_id: r.i64(2)?,
        pegawai_id: r.i64(3)?,
        nama: r.text(4)?,
        periode: r.text(5)?,
        penilai_pegawai_id: r.i64(6)?,
        atasan_pegawai_id: r.opt_i64(7)?,
        alasan: r.text(8)?,
        status: r.parse(9)?,
        batas: r.date(10)?,
        rating_hasil_kerja_semula: r.parse(11)?,
        rating_perilaku_semula: r.parse(12)?,
        predikat_semula: r.parse(13)?,
        rating_hasil_kerja_baru: r.opt_parse(14)?,
        rating_perilaku_baru: r.opt_parse(15)?,
        predikat_baru: r.opt_parse(16)?,
        alasan_putusan: r.opt_text(17)?,
        komentar: dari_json(&r.text(18)?)?,
        created_at: r.ts(19)?,
        diputuskan: r.opt_ts(20)?,
        diputuskan_oleh: r.opt_text(21)?,
        version: r.i64(22)?,
    })
}

async fn evaluasi_by_id<C: Conn + ?Sized>(
    c: &mut C,
    instansi_id: i64,
    id: i64,
) -> StoreResult<Option<Evaluasi>> {
    c.fetch_opt(
        &format!(
            "SELECT {EVALUASI_KOLOM} FROM {EVALUASI_DARI} WHERE e.instansi_id = $1 AND e.id = $2"
        ),
        params![instansi_id, id],
    )
    .await?
    .map(|r| evaluasi_dari(&r))
    .transpose()
}

async fn keberatan_by<C: Conn + ?Sized>(
    c: &mut C,
    instansi_id: i64,
    kolom: &str,
    id: i64,
) -> StoreResult<Option<Keberatan>> {
    c.fetch_opt(
        &format!("SELECT {KEBERATAN_KOLOM} FROM {KEBERATAN_DARI} WHERE k.instansi_id = $1 AND k.{kolom} = $2"),
        params![instansi_id, id],
    )
    .await?
    .map(|r| keberatan_dari(&r))
    .transpose()
}

fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "null".into())
}

fn konflik(pesan: &str) -> StoreError {
    StoreError::Konflik(pesan.into())
}

#[async_trait]
impl<B: Backend> StoreEvaluasi for SqlStore<B> {
    async fn capaian_periode(
        &self,
        instansi_id: i64,
        periode: &str,
    ) -> StoreResult<Vec<CapaianTersimpan>> {
        let mut c = self.b.read().await?;
        c.fetch(
            &format!(
                "SELECT {CAPAIAN_KOLOM} FROM capaian_organisasi c JOIN unit u ON u.id = c.unit_id \
                 WHERE c.instansi_id = $1 AND c.periode = $2 ORDER BY u.nama, c.id"
            ),
            params![instansi_id, periode],
        )
        .await?
        .iter()
        .map(capaian_dari)
        .collect()
    }

    async fn simpan_capaian(
        &self,
        instansi_id: i64,
        unit_id: i64,
        periode: &str,
        capaian: CapaianOrganisasi,
        catatan: Option<&str>,
        oleh_pegawai_id: Option<i64>,
        version: Option<i64>,
        pelaku: &Pelaku,
    ) -> StoreResult<CapaianTersimpan> {
        let mut tx = self.b.begin().await?;
        let mut jejak = JejakAudit::new(instansi_id, pelaku);
        let sql_baca = format!(
            "SELECT {CAPAIAN_KOLOM} FROM capaian_organisasi c JOIN unit u ON u.id = c.unit_id \
             WHERE c.instansi_id = $1 AND c.unit_id = $2 AND c.periode = $3"
        );
        let p_baca = || params![instansi_id, unit_id, periode];
        let lama = tx
            .fetch_opt(&sql_baca, p_baca())
            .await?
            .map(|r| capaian_dari(&r))
            .transpose()?;
        let tahun: i64 = periode.get(..4).and_then(|t| t.parse().ok()).unwrap_or(0);
        match (&lama, version) {
            (None, _) => {
                tx.execute(
                    "INSERT INTO capaian_organisasi (instansi_id, unit_id, periode, tahun, capaian, catatan, oleh_pegawai_id, oleh, versi, diubah) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9)",
                    params![instansi_id, unit_id, periode, tahun, capaian.kode(), catatan, oleh_pegawai_id, &pelaku.nama, sekarang()],
                )
                .await?;
            }
            (Some(l), Some(v)) if l.version == v => {
                tx.execute(
                    "UPDATE capaian_organisasi SET capaian = $1, catatan = $2, oleh_pegawai_id = $3, oleh = $4, \
                     versi = versi + 1, diubah = $5 WHERE id = $6 AND versi = $7",
                    params![capaian.kode(), catatan, oleh_pegawai_id, &pelaku.nama, sekarang(), l.id, v],
                )
                .await?;
            }
            (Some(l), _) => {
                return Err(StoreError::Konflik(format!(
                    "Capaian kinerja organisasi periode ini sudah ditetapkan (versi {}); muat ulang lalu ubah dengan versi terbaru",
                    l.version
                )))
            }
        }
        let baru = tx
            .fetch_opt(&sql_baca, p_baca())
            .await?
            .map(|r| capaian_dari(&r))
            .transpose()?
            .ok_or_else(|| tidak_ada("Capaian unit", unit_id))?;
        jejak.catat(
            if lama.is_some() { "ubah" } else { "tetapkan" },
            "capaian_organisasi",
            baru.id,
            lama.as_ref(),
            Some(&baru),
        );
        jejak.tulis(&mut tx).await?;
        tx.commit().await?;
        Ok(baru)
    }

    async fn evaluasi(&self, instansi_id: i64, id: i64) -> StoreResult<Option<Evaluasi>> {
        let mut c = self.b.read().await?;
        evaluasi_by_id(&mut c, instansi_id, id).await
    }

    async fn evaluasi_skp(
        &self,
        instansi_id: i64,
        skp_id: i64,
        periode: &str,
    ) -> StoreResult<Option<Evaluasi>> {
        let mut c = self.b.read().await?;
        c.fetch_opt(
            &format!("SELECT {EVALUASI_KOLOM} FROM {EVALUASI_DARI} WHERE e.instansi_id = $1 AND e.skp_id = $2 AND e.periode = $3"),
            params![instansi_id, skp_id, periode],
        )
        .await?
        .map(|r| evaluasi_dari(&r))
        .transpose()
    }

    async fn daftar_evaluasi(
        &self,
        instansi_id: i64,
        f: &FilterEvaluasi,
    ) -> StoreResult<Vec<Evaluasi>> {
        let mut c = self.b.read().await?;
        let mut p = params![
            instansi_id,
            f.periode.clone(),
            f.tahun,
            f.penilai_pegawai_id,
            f.status.map(|s| s.kode()),
            f.limit.clamp(1, 100_000)
        ];
        let mut syarat = String::new();
        for (kolom, ids) in [("e.skp_id", &f.skp_id), ("e.pegawai_id", &f.pegawai_id)] {
            if let Some(ids) = ids {
                if ids.is_empty() {
                    return Ok(Vec::new());
                }
                syarat.push_str(&format!(
                    " AND {kolom} IN ({})",
                    tempat(p.len() + 1, ids.len())
                ));
                p.extend(ids.iter().map(|&i| Param::from(i)));
            }
        }
        c.fetch(
            &format!(
                "SELECT {EVALUASI_KOLOM} FROM {EVALUASI_DARI} WHERE e.instansi_id = $1 \
                 AND ($2 IS NULL OR e.periode = $2) AND ($3 IS NULL OR e.tahun = $3) \
                 AND ($4 IS NULL OR e.penilai_pegawai_id = $4) AND ($5 IS NULL OR e.status = $5){syarat} \
                 ORDER BY e.tahun, e.periode, p.nama, e.id LIMIT $6"
            ),
            p,
        )
        .await?
        .iter()
        .map(evaluasi_dari)
        .collect()
    }

    async fn simpan_evaluasi(
        &self,
        instansi_id: i64,
        e: &EvaluasiSimpan,
        version: Option<i64>,
        pelaku: &Pelaku,
    ) -> StoreResult<Evaluasi> {
        let mut tx = self.b.begin().await?;
        let mut jejak = JejakAudit::new(instansi_id, pelaku);
        let waktu = sekarang();
        let akademik = e.akademik.as_ref().map(json);
        let lama = tx
            .fetch_opt(
                &format!("SELECT {EVALUASI_KOLOM} FROM {EVALUASI_DARI} WHERE e.instansi_id = $1 AND e.skp_id = $2 AND e.periode = $3"),
                params![instansi_id, e.skp_id, &e.periode],
            )
            .await?
            .map(|r| evaluasi_dari(&r))
            .transpose()?;
        let id = match (&lama, version) {
            (None, _) => tx
                .fetch_one(
                    "INSERT INTO evaluasi (instansi_id, skp_id, pegawai_id, unit_id, periode, tahun, dasar, capaian_unit_id, capaian, \
                     penilai_pegawai_id, atasan_pegawai_id, nomor_versi_skp, saran_hasil_kerja, saran_perilaku, rating_hasil_kerja, \
                     rating_perilaku, predikat, alasan_hasil_kerja, alasan_perilaku, catatan, rekomendasi, akademik, status, versi, dibuat, diubah) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, 'draf', 1, $23, $23) RETURNING id",
                    params![instansi_id, e.skp_id, e.pegawai_id, e.unit_id, &e.periode, e.tahun, e.dasar.kode(), e.capaian_unit_id,
                        e.capaian.map(|c| c.kode()), e.penilai_pegawai_id, e.atasan_pegawai_id, e.nomor_versi_skp,
                        e.saran_hasil_kerja.kode(), e.saran_perilaku.kode(), e.rating_hasil_kerja.kode(), e.rating_perilaku.kode(),
                        e.predikat.kode(), e.alasan_hasil_kerja.clone(), e.alasan_perilaku.clone(), e.catatan.clone(),
                        e.rekomendasi.clone(), akademik, waktu],
                )
                .await?
                .i64(0)?,
            (Some(l), Some(v)) if l.version == v && l.status == StatusEvaluasi::Draf => {
                let n = tx
                    .execute(
                        "UPDATE evaluasi SET dasar = $1, capaian_unit_id = $2, capaian = $3, penilai_pegawai_id = $4, atasan_pegawai_id = $5, \
                         nomor_versi_skp = $6, saran_hasil_kerja = $7, saran_perilaku = $8, rating_hasil_kerja = $9, rating_perilaku = $10, \
                         predikat = $11, alasan_hasil_kerja = $12, alasan_perilaku = $13, catatan = $14, rekomendasi = $15, akademik = $16, \
                         versi = versi + 1, diubah = $17 WHERE id = $18 AND versi = $19 AND status = 'draf'",
                        params![e.dasar.kode(), e.capaian_unit_id, e.capaian.map(|c| c.kode()), e.penilai_pegawai_id,
                            e.atasan_pegawai_id, e.nomor_versi_skp, e.saran_hasil_kerja.kode(), e.saran_perilaku.kode(),
                            e.rating_hasil_kerja.kode(), e.rating_perilaku.kode(), e.predikat.kode(), e.alasan_hasil_kerja.clone(),
                            e.alasan_perilaku.clone(), e.catatan.clone(), e.rekomendasi.clone(), akademik, waktu, l.id, v],
                    )
                    .await?;
                if n == 0 {
                    return Err(konflik("Evaluasi ini baru saja diubah orang lain; muat ulang"));
                }
                l.id
            }
            (Some(l), _) if l.status != StatusEvaluasi::Draf => {
                return Err(StoreError::Konflik(format!(
                    "Evaluasi sudah dikunci ({}); perubahan hanya melalui keputusan keberatan atau pembukaan kembali oleh admin",
                    l.status.label()
                )))
            }
            (Some(l), _) => {
                return Err(StoreError::Konflik(format!(
                    "Evaluasi ini sudah ada (versi {}); muat ulang dan kirim dengan versi terbaru",
                    l.version
                )))
            }
        };
        let baru = evaluasi_by_id(&mut tx, instansi_id, id)
            .await?
            .ok_or_else(|| tidak_ada("Evaluasi", id))?;
        jejak.catat(
            if lama.is_some() { "ubah" } else { "nilai" },
            "evaluasi",
            id,
            lama.as_ref(),
            Some(&baru),
        );
        jejak.tulis(&mut tx).await?;
        tx.commit().await?;
        Ok(baru)
    }

    async fn tandatangani_evaluasi(
        &self,
        instansi_id: i64,
        id: i64,
        diterima: NaiveDate,
        notifikasi: &[NotifikasiBaru],
        pelaku: &Pelaku,
    ) -> StoreResult<Evaluasi> {
        self.ubah_status_evaluasi(
            instansi_id,
            id,
            "UPDATE evaluasi SET status = 'ditandatangani_penilai', ditandatangani_penilai = $1, diterima = $2, \
             versi = versi + 1, diubah = $1 WHERE id = $3 AND status = 'draf'",
            params![sekarang(), diterima, id],
            "tandatangani_penilai",
            "Evaluasi ini sudah ditandatangani pejabat penilai",
            notifikasi,
            pelaku,
        )
        .await
    }

    async fn terima_evaluasi(
        &self,
        instansi_id: i64,
        id: i64,
        notifikasi: &[NotifikasiBaru],
        pelaku: &Pelaku,
    ) -> StoreResult<Evaluasi> {
        self.ubah_status_evaluasi(
            instansi_id,
            id,
            "UPDATE evaluasi SET status = 'diterima_pegawai', ditandatangani_pegawai = $1, versi = versi + 1, diubah = $1 \
             WHERE id = $2 AND status = 'ditandatangani_penilai'",
            params![sekarang(), id],
            "tandatangani_pegawai",
            "Dokumen evaluasi ini sudah ditandatangani pegawai atau belum ditandatangani pejabat penilai",
            notifikasi,
            pelaku,
        )
        .await
    }

    async fn buka_kembali_evaluasi(
        &self,
        instansi_id: i64,
        id: i64,
        alasan: &str,
        notifikasi: &[NotifikasiBaru],
        pelaku: &Pelaku,
    ) -> StoreResult<Evaluasi> {
        self.ubah_status_evaluasi(
            instansi_id,
            id,
            "UPDATE evaluasi SET status = 'draf', ditandatangani_penilai = NULL, ditandatangani_pegawai = NULL, diterima = NULL, \
             alasan_dibuka = $1, versi = versi + 1, diubah = $2 WHERE id = $3 AND status <> 'draf' \
             AND NOT EXISTS (SELECT 1 FROM keberatan k WHERE k.evaluasi_id = evaluasi.id)",
            params![alasan, sekarang(), id],
            "buka_kembali",
            "Evaluasi ini tidak dapat dibuka kembali (belum ditandatangani, atau memiliki keberatan)",
            notifikasi,
            pelaku,
        )
        .await
    }

    async fn jumlah_predikat(
        &self,
        instansi_id: i64,
        periode: &str,
        capaian_unit_id: Option<i64>,
    ) -> StoreResult<Vec<JumlahPredikat>> {
        let mut c = self.b.read().await?;
        c.fetch(
            "SELECT capaian_unit_id, penilai_pegawai_id, status, predikat, COUNT(*) FROM evaluasi \
             WHERE instansi_id = $1 AND periode = $2 \
             AND ($3 IS NULL OR capaian_unit_id = $3) GROUP BY capaian_unit_id, penilai_pegawai_id, status, predikat",
            params![instansi_id, periode, capaian_unit_id],
        )
        .await?
        .iter()
        .map(|r| {
            Ok(JumlahPredikat {
                capaian_unit_id: r.opt_i64(0)?,
                penilai_pegawai_id: r.i64(1)?,
                status: r.parse(2)?,
                predikat: r.parse(3)?,
                jumlah: r.i64(4)?,
            })
        })
        .collect()
    }

    async fn baris_peringkat(
        &self,
        instansi_id: i64,
        periode: &str,
    ) -> StoreResult<Vec<BarisPeringkat>> {
        let mut c = self.b.read().await?;
        c.fetch(
            "SELECT e.id, e.pegawai_id, p.nip, p.nama, e.unit_id, e.predikat, e.status FROM evaluasi e \
             JOIN pegawai p ON p.id = e.pegawai_id WHERE e.instansi_id = $1 AND e.periode = $2",
            params![instansi_id, periode],
        )
        .await?
        .iter()
        .map(peringkat_dari)
        .collect()
    }

    async fn masa_skp(
        &self,
        instansi_id: i64,
        tahun: i32,
        pegawai_id: &[i64],
        jabatan_ditutup: &[i64],
    ) -> StoreResult<Vec<MasaSkpPegawai>> {
        let mut c = self.b.read().await?;
        let mut out = Vec::new();
        let kolom = "id, pegawai_id, unit_id, jabatan_id, mulai, selesai, status, nomor_versi, tugas_belajar";
        let mut kueri: Vec<(String, Vec<Param>)> = Vec::new();
        for potong in pegawai_id.chunks(500) {
            let mut p = params![instansi_id, tahun];
            p.extend(potong.iter().map(|&i| Param::from(i)));
            kueri.push((
                format!(
                    "SELECT {kolom} FROM skp WHERE instansi_id = $1 AND tahun = $2 AND pegawai_id IN ({})",
                    tempat(3, potong.len())
                ),
                p,
            ));
        }
        for potong in jabatan_ditutup.chunks(500) {
            let mut p = params![instansi_id, tahun];
            p.extend(potong.iter().map(|&i| Param::from(i)));
            kueri.push((
                format!(
                    "SELECT {kolom} FROM skp WHERE instansi_id = $1 AND tahun = $2 AND status = 'ditutup' AND jabatan_id IN ({})",
                    tempat(3, potong.len())
                ),
                p,
            ));
        }
        for (sql, p) in kueri {
            for r in c.fetch(&sql, p).await? {
                let m = MasaSkpPegawai {
                    skp_id: r.i64(0)?,
                    pegawai_id: r.i64(1)?,
                    unit_id: r.opt_i64(2)?,
                    jabatan_id: r.opt_i64(3)?,
                    mulai: r.date(4)?,
                    selesai: r.date(5)?,
                    status: r.parse(6)?,
                    nomor_versi: r.i64(7)? as i32,
                    tugas_belajar: r.bool(8)?,
                };
                if !out.iter().any(|x: &MasaSkpPegawai| x.skp_id == m.skp_id) {
                    out.push(m);
                }
            }
        }
        Ok(out)
    }

    async fn catatan_periode(
        &self,
        instansi_id: i64,
        skp_id: &[i64],
        bulan_awal: u32,
        bulan_akhir: u32,
        mulai: NaiveDate,
        selesai: NaiveDate,
    ) -> StoreResult<CatatanPeriode> {
        let mut c = self.b.read().await?;
        let mut out = CatatanPeriode::default();
        for potong in skp_id.chunks(500) {
            let daftar = tempat(4, potong.len());
            let mut p = params![instansi_id, i64::from(bulan_awal), i64::from(bulan_akhir)];
            p.extend(potong.iter().map(|&i| Param::from(i)));
            for r in c
                .fetch(
                    &format!(
                        "SELECT skp_id, rhk_id, COUNT(*) FROM realisasi WHERE instansi_id = $1 AND bulan BETWEEN $2 AND $3 \
                         AND skp_id IN ({daftar}) GROUP BY skp_id, rhk_id"
                    ),
                    p,
                )
                .await?
            {
                out.realisasi.push((r.i64(0)?, r.i64(1)?, r.i64(2)?));
            }
            let daftar = tempat(4, potong.len());
            let mut p = params![instansi_id, mulai, selesai];
            p.extend(potong.iter().map(|&i| Param::from(i)));
            for r in c
                .fetch(
                    &format!(
                        "SELECT skp_id, rhk_id, aspek, sebagai, COUNT(*) FROM umpan_balik WHERE instansi_id = $1 \
                         AND tanggal BETWEEN $2 AND $3 AND skp_id IN ({daftar}) GROUP BY skp_id, rhk_id, aspek, sebagai"
                    ),
                    p,
                )
                .await?
            {
                out.umpan_balik
                    .push((r.i64(0)?, r.opt_i64(1)?, r.opt_text(2)?, r.text(3)?, r.i64(4)?));
            }
            // Follow-ups carry a timestamp; compare on the day range (half-open at the end). A
            // take-over counts from the day it happened on.
            let akhir = selesai.succ_opt().unwrap_or(selesai);
            let mut p = params![
                instansi_id,
                mulai.and_hms_opt(0, 0, 0).map(|t| t.and_utc()),
                akhir.and_hms_opt(0, 0, 0).map(|t| t.and_utc())
            ];
            p.extend(potong.iter().map(|&i| Param::from(i)));
            for r in c
                .fetch(
                    &format!(
                        "SELECT skp_id, rhk_id, jenis, jenis_pembinaan, COUNT(*) FROM tindak_lanjut WHERE instansi_id = $1 \
                         AND (dibuat >= $2 OR jenis = 'ambil_alih') AND dibuat < $3 AND skp_id IN ({daftar}) GROUP BY skp_id, rhk_id, jenis, jenis_pembinaan"
                    ),
                    p,
                )
                .await?
            {
                out.tindak_lanjut
                    .push((r.i64(0)?, r.opt_i64(1)?, r.text(2)?, r.opt_text(3)?, r.i64(4)?));
            }
        }
        Ok(out)
    }

    async fn ajukan_keberatan(
        &self,
        instansi_id: i64,
        b: &KeberatanBaru,
        notifikasi: &[NotifikasiBaru],
        pelaku: &Pelaku,
    ) -> StoreResult<Keberatan> {
        let mut tx = self.b.begin().await?;
        let mut jejak = JejakAudit::new(instansi_id, pelaku);
        let e = evaluasi_by_id(&mut tx, instansi_id, b.evaluasi_id)
            .await?
            .ok_or_else(|| tidak_ada("Evaluasi", b.evaluasi_id))?;
        if !e.status.terkunci() {
            return Err(konflik("Evaluasi ini belum ditandatangani pejabat penilai"));
        }
        if keberatan_by(&mut tx, instansi_id, "evaluasi_id", e.id)
            .await?
            .is_some()
        {
            return Err(konflik(
                "Keberatan atas evaluasi ini sudah diajukan; hanya satu keberatan per evaluasi",
            ));
        }
        let id = tx
            .fetch_one(
                "INSERT INTO keberatan (instansi_id, evaluasi_id, alasan, status, batas, atasan_pegawai_id, rating_hasil_kerja_semula, \
                 rating_perilaku_semula, predikat_semula, komentar, dibuat, versi) VALUES ($1, $2, $3, 'diajukan', $4, $5, $6, $7, $8, '[]', $9, 1) RETURNING id",
                params![instansi_id, e.id, &b.alasan, b.batas, b.atasan_pegawai_id, e.rating_hasil_kerja.kode(),
                    e.rating_perilaku.kode(), e.predikat.kode(), sekarang()],
            )
            .await?
            .i64(0)?;
        let baru = keberatan_by(&mut tx, instansi_id, "id", id)
            .await?
            .ok_or_else(|| tidak_ada("Keberatan", id))?;
        sisip_notifikasi(&mut tx, instansi_id, notifikasi).await?;
        jejak.catat("ajukan", "keberatan", id, None, Some(&baru));
        jejak.tulis(&mut tx).await?;
        tx.commit().await?;
        Ok(baru)
    }

    async fn keberatan(&self, instansi_id: i64, id: i64) -> StoreResult<Option<Keberatan>> {
        let mut c = self.b.read().await?;
        keberatan_by(&mut c, instansi_id, "id", id).await
    }

    async fn keberatan_evaluasi(
        &self,
        instansi_id: i64,
        evaluasi_id: i64,
    ) -> StoreResult<Option<Keberatan>> {
        let mut c = self.b.read().await?;
        keberatan_by(&mut c, instansi_id, "evaluasi_id", evaluasi_id).await
    }

    async fn daftar_keberatan(
        &self,
        instansi_id: i64,
        f: &FilterKeberatan,
    ) -> StoreResult<Vec<Keberatan>> {
        let mut c = self.b.read().await?;
        c.fetch(
            &format!(
                "SELECT {KEBERATAN_KOLOM} FROM {KEBERATAN_DARI} WHERE k.instansi_id = $1 \
                 AND ($2 IS NULL OR e.pegawai_id = $2) AND ($3 IS NULL OR e.penilai_pegawai_id = $3) \
                 AND ($4 IS NULL OR k.atasan_pegawai_id = $4) AND ($5 IS NULL OR k.status = $5) \
                 ORDER BY k.id DESC LIMIT $6"
            ),
            params![
                instansi_id,
                f.pegawai_id,
                f.penilai_pegawai_id,
                f.atasan_pegawai_id,
                f.status.map(|s| s.kode()),
                f.limit.clamp(1, 5000)
            ],
        )
        .await?
        .iter()
        .map(keberatan_dari)
        .collect()
    }

    async fn komentari_keberatan(
        &self,
        instansi_id: i64,
        id: i64,
        k: &KomentarKeberatan,
        notifikasi: &[NotifikasiBaru],
        pelaku: &Pelaku,
    ) -> StoreResult<Keberatan> {
        let mut tx = self.b.begin().await?;
        let mut jejak = JejakAudit::new(instansi_id, pelaku);
        let lama = keberatan_by(&mut tx, instansi_id, "id", id)
            .await?
            .ok_or_else(|| tidak_ada("Keberatan", id))?;
        if lama.status != StatusKeberatan::Diajukan {
            return Err(konflik("Keberatan ini sudah diputuskan; tanggapan ditutup"));
        }
        let mut komentar = lama.komentar.clone();
        komentar.push(k.clone());
        let n = tx
            .execute(
                "UPDATE keberatan SET komentar = $1, versi = versi + 1 WHERE id = $2 AND versi = $3 AND status = 'diajukan'",
                params![json(&komentar), id, lama.version],
            )
            .await?;
        if n == 0 {
            return Err(konflik("Keberatan ini baru saja diubah; muat ulang"));
        }
        let baru = keberatan_by(&mut tx, instansi_id, "id", id)
            .await?
            .ok_or_else(|| tidak_ada("Keberatan", id))?;
        sisip_notifikasi(&mut tx, instansi_id, notifikasi).await?;
        jejak.catat("tanggapi", "keberatan", id, Some(&lama), Some(&baru));
        jejak.tulis(&mut tx).await?;
        tx.commit().await?;
        Ok(baru)
    }

    async fn putuskan_keberatan(
        &self,
        instansi_id: i64,
        id: i64,
        p: &PutusanSah,
        notifikasi: &[NotifikasiBaru],
        pelaku: &Pelaku,
    ) -> StoreResult<Keberatan> {
        let mut tx = self.b.begin().await?;
        let mut jejak = JejakAudit::new(instansi_id, pelaku);
        let lama = keberatan_by(&mut tx, instansi_id, "id", id)
            .await?
            .ok_or_else(|| tidak_ada("Keberatan", id))?;
        let waktu = sekarang();
        let n = tx
            .execute(
                "UPDATE keberatan SET status = $1, rating_hasil_kerja_baru = $2, rating_perilaku_baru = $3, predikat_baru = $4, \
                 alasan_putusan = $5, diputuskan = $6, diputuskan_oleh = $7, versi = versi + 1 WHERE id = $8 AND status = 'diajukan'",
                params![p.status.kode(), p.baru.map(|b| b.0.kode()), p.baru.map(|b| b.1.kode()), p.baru.map(|b| b.2.kode()),
                    &p.alasan, waktu, &pelaku.nama, id],
            )
            .await?;
        if n == 0 {
            return Err(konflik(
                "Keberatan ini sudah diputuskan; keputusan bersifat final",
            ));
        }
        if let Some((h, r, pr)) = p.baru {
            let ev_lama = evaluasi_by_id(&mut tx, instansi_id, lama.evaluasi_id).await?;
            tx.execute(
                "UPDATE evaluasi SET rating_hasil_kerja = $1, rating_perilaku = $2, predikat = $3, versi = versi + 1, diubah = $4 WHERE id = $5",
                params![h.kode(), r.kode(), pr.kode(), waktu, lama.evaluasi_id],
            )
            .await?;
            let ev_baru = evaluasi_by_id(&mut tx, instansi_id, lama.evaluasi_id).await?;
            jejak.catat(
                "putusan_keberatan",
                "evaluasi",
                lama.evaluasi_id,
                ev_lama.as_ref(),
                ev_baru.as_ref(),
            );
        }
        let baru = keberatan_by(&mut tx, instansi_id, "id", id)
            .await?
            .ok_or_else(|| tidak_ada("Keberatan", id))?;
        sisip_notifikasi(&mut tx, instansi_id, notifikasi).await?;
        jejak.catat("putuskan", "keberatan", id, Some(&lama), Some(&baru));
        jejak.tulis(&mut tx).await?;
        tx.commit().await?;
        Ok(baru)
    }
}

impl<B: Backend> SqlStore<B> {
    /// A conditional status change of an evaluation with its audit and notifications; no row
    /// changed → conflict with `pesan`.
    #[allow(clippy::too_many_arguments)]
    async fn ubah_status_evaluasi(
        &self,
        instansi_id: i64,
        id: i64,
        sql: &str,
        p: Vec<Param>,
        aksi: &str,
        pesan: &str,
        notifikasi: &[NotifikasiBaru],
        pelaku: &Pelaku,
    ) -> StoreResult<Evaluasi> {
        let mut tx = self.b.begin().await?;
        let mut jejak = JejakAudit::new(instansi_id, pelaku);
        let lama = evaluasi_by_id(&mut tx, instansi_id, id)
            .await?
            .ok_or_else(|| tidak_ada("Evaluasi", id))?;
        if tx.execute(sql, p).await? == 0 {
            return Err(konflik(pesan));
        }
        let baru = evaluasi_by_id(&mut tx, instansi_id, id)
            .await?
            .ok_or_else(|| tidak_ada("Evaluasi", id))?;
        sisip_notifikasi(&mut tx, instansi_id, notifikasi).await?;
        jejak.catat(aksi, "evaluasi", id, Some(&lama), Some(&baru));
        jejak.tulis(&mut tx).await?;
        tx.commit().await?;
        Ok(baru)
    }
}

/// A ranking row from `e.id, e.pegawai_id, p.nip, p.nama, e.unit_id, e.predikat, e.status`.
pub(super) fn peringkat_dari(r: &Row) -> StoreResult<BarisPeringkat> {
    Ok(BarisPeringkat {
        evaluasi_id: r.i64(0)?,
        pegawai_id: r.i64(1)?,
        nip: r.text(2)?,
        nama: r.text(3)?,
        unit_id: r.opt_i64(4)?,
        predikat: r.parse(5)?,
        status: r.parse(6)?,
    })
}
