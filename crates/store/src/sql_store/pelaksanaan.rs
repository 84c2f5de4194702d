//! SQL of the execution stage: realisasi and bukti, umpan balik and 360 requests, tindak
//! lanjut, laporan penugasan, the inbox with its e-mail queue, and the jobs table.

use super::skp::{dari_json, di_antara_pegawai, sisip_banyak};
use super::{JejakAudit, SqlStore};
use crate::error::{StoreError, StoreResult};
use crate::model::Pelaku;
use crate::params;
use crate::pelaksanaan::*;
use crate::sql::{sekarang, Backend, Conn, Param, Row, Tipe, Tx};
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use kinerja_domain::pelaksanaan::realisasi::RealisasiSah;
use kinerja_domain::pelaksanaan::tindak_lanjut::Pembinaan;
use kinerja_domain::pelaksanaan::umpan_balik::SasaranUmpanBalik;
use kinerja_domain::skp::Lampiran;
use std::collections::HashMap;

const REALISASI_KOLOM: &str =
    "id, skp_id, rhk_id, iki_id, pegawai_id, bulan, realisasi, catatan, dibuat, diubah";

fn realisasi_dari(r: &Row) -> StoreResult<Realisasi> {
    Ok(Realisasi {
        id: r.i64(0)?,
        skp_id: r.i64(1)?,
        rhk_id: r.i64(2)?,
        iki_id: r.i64(3)?,
        pegawai_id: r.i64(4)?,
        bulan: r.i64(5)? as u32,
        realisasi: r.text(6)?,
        catatan: r.opt_text(7)?,
        dibuat: r.ts(8)?,
        diubah: r.ts(9)?,
        bukti: Vec::new(),
    })
}

const BUKTI_KOLOM: &str = "id, realisasi_id, skp_id, pegawai_id, keterangan, url, nama_berkas, \
     jenis_berkas, ukuran, sha256, kunci, dibuat, dibuat_oleh, \
     (SELECT r.rhk_id FROM realisasi r WHERE r.id = bukti.realisasi_id)";

fn bukti_dari(r: &Row) -> StoreResult<Bukti> {
    Ok(Bukti {
        id: r.i64(0)?,
        realisasi_id: r.i64(1)?,
        skp_id: r.i64(2)?,
        pegawai_id: r.i64(3)?,
        keterangan: r.text(4)?,
        url: r.opt_text(5)?,
        nama_berkas: r.opt_text(6)?,
        jenis_berkas: r.opt_text(7)?,
        ukuran: r.opt_i64(8)?,
        sha256: r.opt_text(9)?,
        kunci: r.opt_text(10)?,
        dibuat: r.ts(11)?,
        dibuat_oleh: r.text(12)?,
        rhk_id: r.i64(13)?,
    })
}

/// Realisations with their evidence attached (one query for all the evidence).
async fn dengan_bukti<C: Conn + ?Sized>(
    c: &mut C,
    mut rs: Vec<Realisasi>,
) -> StoreResult<Vec<Realisasi>> {
    if rs.is_empty() {
        return Ok(rs);
    }
    let ids: Vec<i64> = rs.iter().map(|r| r.id).collect();
    let mut semua: HashMap<i64, Vec<Bukti>> = HashMap::new();
    for potong in ids.chunks(500) {
        let sql = format!(
            "SELECT {BUKTI_KOLOM} FROM bukti WHERE realisasi_id IN ({}) ORDER BY id",
            super::skp::tempat(1, potong.len())
        );
        let p: Vec<Param> = potong.iter().map(|&i| Param::from(i)).collect();
        for row in c.fetch(&sql, p).await? {
            let b = bukti_dari(&row)?;
            semua.entry(b.realisasi_id).or_default().push(b);
        }
    }
    for r in &mut rs {
        r.bukti = semua.remove(&r.id).unwrap_or_default();
    }
    Ok(rs)
}

async fn realisasi_by_id<C: Conn + ?Sized>(
    c: &mut C,
    instansi_id: i64,
    id: i64,
) -> StoreResult<Option<Realisasi>> {
    let Some(r) = c
        .fetch_opt(
            &format!("SELECT {REALISASI_KOLOM} FROM realisasi WHERE instansi_id = $1 AND id = $2"),
            params![instansi_id, id],
        )
        .await?
    else {
        return Ok(None);
    };
    Ok(dengan_bukti(c, vec![realisasi_dari(&r)?]).await?.pop())
}

const UMPAN_BALIK_KOLOM: &str =
    "u.id, u.skp_id, u.pegawai_id, u.pemberi_pegawai_id, p.nama, j.nama, \
     u.sebagai, u.rhk_id, u.aspek, u.jenis, u.cara, u.isi, u.sumber, u.tanggal, u.permintaan_id, \
     u.penugasan_id, u.anonim, u.tanggapan, u.ditanggapi, u.dibuat";
const UMPAN_BALIK_DARI: &str = "umpan_balik u JOIN pegawai p ON p.id = u.pemberi_pegawai_id \
     LEFT JOIN jabatan j ON j.id = p.jabatan_id";

fn umpan_balik_dari(r: &Row) -> StoreResult<UmpanBalik> {
    Ok(UmpanBalik {
        id: r.i64(0)?,
        skp_id: r.i64(1)?,
        pegawai_id: r.i64(2)?,
        pemberi_pegawai_id: r.i64(3)?,
        pemberi_nama: r.text(4)?,
        pemberi_jabatan: r.opt_text(5)?,
        sebagai: r.parse(6)?,
        rhk_id: r.opt_i64(7)?,
        aspek: r.opt_parse(8)?,
        jenis: r.parse(9)?,
        cara: r.parse(10)?,
        isi: r.text(11)?,
        sumber: r.text(12)?,
        tanggal: r.date(13)?,
        permintaan_id: r.opt_i64(14)?,
        penugasan_id: r.opt_i64(15)?,
        anonim: r.bool(16)?,
        tanggapan: r.opt_text(17)?,
        ditanggapi: r.opt_ts(18)?,
        dibuat: r.ts(19)?,
    })
}

async fn umpan_balik_by_id<C: Conn + ?Sized>(
    c: &mut C,
    instansi_id: i64,
    id: i64,
) -> StoreResult<Option<UmpanBalik>> {
    c.fetch_opt(
        &format!(
            "SELECT {UMPAN_BALIK_KOLOM} FROM {UMPAN_BALIK_DARI} WHERE u.instansi_id = $1 AND u.id = $2"
        ),
        params![instansi_id, id],
    )
    .await?
    .map(|r| umpan_balik_dari(&r))
    .transpose()
}

const PERMINTAAN_KOLOM: &str = "m.id, m.skp_id, m.pegawai_id, d.nama, m.peminta_pegawai_id, \
     m.pemberi_pegawai_id, b.nama, m.sebagai, m.batas, m.anonim, m.pesan, m.status, m.dibuat";
const PERMINTAAN_DARI: &str = "permintaan_umpan_balik m JOIN pegawai d ON d.id = m.pegawai_id \
     JOIN pegawai b ON b.id = m.pemberi_pegawai_id";

fn permintaan_dari(r: &Row) -> StoreResult<PermintaanUmpanBalik> {
    Ok(PermintaanUmpanBalik {
        id: r.i64(0)?,
        skp_id: r.i64(1)?,
        pegawai_id: r.i64(2)?,
        pegawai_nama: r.text(3)?,
        peminta_pegawai_id: r.i64(4)?,
        pemberi_pegawai_id: r.i64(5)?,
        pemberi_nama: r.text(6)?,
        sebagai: r.parse(7)?,
        batas: r.date(8)?,
        anonim: r.bool(9)?,
        pesan: r.opt_text(10)?,
        status: r.text(11)?,
        dibuat: r.ts(12)?,
    })
}

async fn permintaan_by_id<C: Conn + ?Sized>(
    c: &mut C,
    instansi_id: i64,
    id: i64,
) -> StoreResult<Option<PermintaanUmpanBalik>> {
    c.fetch_opt(
        &format!(
            "SELECT {PERMINTAAN_KOLOM} FROM {PERMINTAAN_DARI} WHERE m.instansi_id = $1 AND m.id = $2"
        ),
        params![instansi_id, id],
    )
    .await?
    .map(|r| permintaan_dari(&r))
    .transpose()
}

const TINDAK_LANJUT_KOLOM: &str =
    "t.id, t.skp_id, t.pegawai_id, t.oleh_pegawai_id, p.nama, t.jenis, \
     t.rhk_id, t.umpan_balik_id, t.uraian, t.jenis_pembinaan, t.tanggal, t.topik, \
     t.tindakan_disepakati, t.penugasan_id, t.dibuat";

fn tindak_lanjut_dari(r: &Row) -> StoreResult<TindakLanjut> {
    let pembinaan = match r.opt_parse(9)? {
        Some(jenis) => Some(Pembinaan {
            jenis,
            tanggal: r.date(10)?,
            topik: r.text(11)?,
            tindakan_disepakati: r.text(12)?,
        }),
        None => None,
    };
    Ok(TindakLanjut {
        id: r.i64(0)?,
        skp_id: r.i64(1)?,
        pegawai_id: r.i64(2)?,
        oleh_pegawai_id: r.i64(3)?,
        oleh_nama: r.text(4)?,
        jenis: r.parse(5)?,
        rhk_id: r.opt_i64(6)?,
        umpan_balik_id: r.opt_i64(7)?,
        uraian: r.text(8)?,
        pembinaan,
        penugasan_id: r.opt_i64(13)?,
        dibuat: r.ts(14)?,
    })
}

const LAPORAN_KOLOM: &str = "l.id, l.penugasan_id, l.skp_id, l.pegawai_id, p.nama, l.isi, l.dibuat";

fn laporan_dari(r: &Row) -> StoreResult<LaporanPenugasan> {
    Ok(LaporanPenugasan {
        id: r.i64(0)?,
        penugasan_id: r.i64(1)?,
        skp_id: r.opt_i64(2)?,
        pegawai_id: r.i64(3)?,
        pegawai_nama: r.text(4)?,
        isi: r.text(5)?,
        dibuat: r.ts(6)?,
    })
}

const KOLOM_NOTIFIKASI: &[(&str, Tipe)] = &[
    ("instansi_id", Tipe::I64),
    ("pegawai_id", Tipe::I64),
    ("jenis", Tipe::Text),
    ("judul", Tipe::Text),
    ("isi", Tipe::Text),
    ("tautan", Tipe::Text),
    ("kunci", Tipe::Text),
    ("email_ke", Tipe::Text),
    ("email_status", Tipe::Text),
    ("dibuat", Tipe::Ts),
];

/// Deliver notifications inside a transaction, skipping keys delivered before.
pub(super) async fn sisip_notifikasi<T: Tx>(
    tx: &mut T,
    instansi_id: i64,
    n: &[NotifikasiBaru],
) -> StoreResult<u64> {
    if n.is_empty() {
        return Ok(0);
    }
    let waktu = sekarang();
    let baris = n
        .iter()
        .map(|x| {
            params![
                instansi_id,
                x.pegawai_id,
                &x.jenis,
                &x.judul,
                &x.isi,
                x.tautan.clone(),
                x.kunci.clone(),
                x.email_ke.clone(),
                x.email_ke.as_ref().map(|_| "menunggu"),
                waktu
            ]
        })
        .collect();
    sisip_banyak(
        tx,
        "notifikasi",
        KOLOM_NOTIFIKASI,
        baris,
        "WHERE true ON CONFLICT DO NOTHING",
    )
    .await
}

const REKAP_KOLOM: &str =
    "s.pegawai_id, s.id, s.status, s.ditetapkan_pada, s.mulai, s.selesai, s.lampiran, \
     (SELECT COUNT(*) FROM iki i JOIN rhk r ON r.id = i.rhk_id WHERE r.skp_id = s.id), \
     (SELECT COUNT(*) FROM realisasi x WHERE x.skp_id = s.id AND x.bulan = $3), \
     (SELECT COUNT(*) FROM realisasi x WHERE x.skp_id = s.id AND x.bulan = $3 \
        AND EXISTS (SELECT 1 FROM bukti b WHERE b.realisasi_id = x.id)), \
     (SELECT MAX(x.diubah) FROM realisasi x WHERE x.skp_id = s.id AND x.bulan = $3), \
     (SELECT MAX(u.tanggal) FROM umpan_balik u WHERE u.skp_id = s.id AND u.jenis = 'berkala' \
        AND u.sebagai = 'pejabat_penilai'), \
     (SELECT pg.nama FROM pegawai pg WHERE pg.id = s.pegawai_id)";

fn rekap_dari(r: &Row) -> StoreResult<RekapBulan> {
    let lampiran: Lampiran = dari_json(&r.text(6)?)?;
    Ok(RekapBulan {
        pegawai_id: r.i64(0)?,
        skp_id: r.i64(1)?,
        status: r.parse(2)?,
        ditetapkan_pada: r.opt_date(3)?,
        mulai: r.date(4)?,
        selesai: r.date(5)?,
        jumlah_iki: r.i64(7)?,
        iki_terisi: r.i64(8)?,
        iki_berbukti: r.i64(9)?,
        diubah_terakhir: r.opt_ts(10)?,
        berkala_terakhir: r.opt_date(11)?,
        frekuensi_umpan_balik: lampiran.frekuensi_umpan_balik,
        pegawai_nama: r.text(12)?,
    })
}

pub(super) fn tidak_ada(apa: &str, id: i64) -> StoreError {
    StoreError::TidakDitemukan(format!("{apa} {id} tidak ditemukan"))
}

#[async_trait]
impl<B: Backend> StorePelaksanaan for SqlStore<B> {
    async fn realisasi_skp(
        &self,
        instansi_id: i64,
        skp_id: i64,
        bulan: Option<u32>,
    ) -> StoreResult<Vec<Realisasi>> {
        let mut c = self.b.read().await?;
        let rs = c
            .fetch(
                &format!(
                    "SELECT {REALISASI_KOLOM} FROM realisasi WHERE instansi_id = $1 AND skp_id = $2 \
                     AND ($3 IS NULL OR bulan = $3) ORDER BY bulan, iki_id"
                ),
                params![instansi_id, skp_id, bulan.map(i64::from)],
            )
            .await?
            .iter()
            .map(realisasi_dari)
            .collect::<StoreResult<Vec<_>>>()?;
        dengan_bukti(&mut c, rs).await
    }

    async fn realisasi(&self, instansi_id: i64, id: i64) -> StoreResult<Option<Realisasi>> {
        let mut c = self.b.read().await?;
        realisasi_by_id(&mut c, instansi_id, id).await
    }

    async fn simpan_realisasi(
        &self,
        instansi_id: i64,
        pegawai_id: i64,
        r: &RealisasiSah,
        pelaku: &Pelaku,
    ) -> StoreResult<Realisasi> {
        let mut tx = self.b.begin().await?;
        let mut jejak = JejakAudit::new(instansi_id, pelaku);
        let lama = tx
            .fetch_opt(
                &format!(
                    "SELECT {REALISASI_KOLOM} FROM realisasi WHERE instansi_id = $1 AND iki_id = $2 AND bulan = $3"
                ),
                params![instansi_id, r.iki_id, i64::from(r.bulan)],
            )
            .await?
            .map(|x| realisasi_dari(&x))
            .transpose()?;
        let waktu = sekarang();
        let id = tx
            .fetch_one(
                "INSERT INTO realisasi (instansi_id, skp_id, rhk_id, iki_id, pegawai_id, bulan, realisasi, catatan, dibuat, diubah) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) \
                 ON CONFLICT (iki_id, bulan) DO UPDATE SET realisasi = excluded.realisasi, \
                 catatan = excluded.catatan, diubah = excluded.diubah, rhk_id = excluded.rhk_id, skp_id = excluded.skp_id \
                 RETURNING id",
                params![instansi_id, r.skp_id, r.rhk_id, r.iki_id, pegawai_id, i64::from(r.bulan), &r.realisasi, r.catatan.clone(), waktu],
            )
            .await?
            .i64(0)?;
        let baru = realisasi_by_id(&mut tx, instansi_id, id)
            .await?
            .ok_or_else(|| tidak_ada("Realisasi", id))?;
        jejak.catat(
            if lama.is_some() { "ubah" } else { "buat" },
            "realisasi",
            id,
            lama.as_ref(),
            Some(&baru),
        );
        jejak.tulis(&mut tx).await?;
        tx.commit().await?;
        Ok(baru)
    }

    async fn tambah_bukti(
        &self,
        instansi_id: i64,
        realisasi_id: i64,
        b: &BuktiBaru,
        pelaku: &Pelaku,
    ) -> StoreResult<Bukti> {
        let mut tx = self.b.begin().await?;
        let mut jejak = JejakAudit::new(instansi_id, pelaku);
        let r = realisasi_by_id(&mut tx, instansi_id, realisasi_id)
            .await?
            .ok_or_else(|| tidak_ada("Realisasi", realisasi_id))?;
        let id = tx
            .fetch_one(
                "INSERT INTO bukti (instansi_id, realisasi_id, skp_id, pegawai_id, keterangan, url, nama_berkas, \
                 jenis_berkas, ukuran, sha256, kunci, dibuat, dibuat_oleh) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
                params![instansi_id, realisasi_id, r.skp_id, r.pegawai_id, &b.keterangan, b.url.clone(),
                    b.nama_berkas.clone(), b.jenis_berkas.clone(), b.ukuran, b.sha256.clone(), b.kunci.clone(),
                    sekarang(), &pelaku.nama],
            )
            .await?
            .i64(0)?;
        let baru = bukti_dari(
            &tx.fetch_one(
                &format!("SELECT {BUKTI_KOLOM} FROM bukti WHERE id = $1"),
                params![id],
            )
            .await?,
        )?;
        jejak.catat("buat", "bukti", id, None, Some(&baru));
        jejak.tulis(&mut tx).await?;
        tx.commit().await?;
        Ok(baru)
    }

    async fn bukti(&self, instansi_id: i64, id: i64) -> StoreResult<Option<Bukti>> {
        let mut c = self.b.read().await?;
        c.fetch_opt(
            &format!("SELECT {BUKTI_KOLOM} FROM bukti WHERE instansi_id = $1 AND id = $2"),
            params![instansi_id, id],
        )
        .await?
        .map(|r| bukti_dari(&r))
        .transpose()
    }

    async fn hapus_bukti(&self, instansi_id: i64, id: i64, pelaku: &Pelaku) -> StoreResult<Bukti> {
        let mut tx = self.b.begin().await?;
        let mut jejak = JejakAudit::new(instansi_id, pelaku);
        let lama = tx
            .fetch_opt(
                &format!("SELECT {BUKTI_KOLOM} FROM bukti WHERE instansi_id = $1 AND id = $2"),
                params![instansi_id, id],
            )
            .await?
            .map(|r| bukti_dari(&r))
            .transpose()?
            .ok_or_else(|| tidak_ada("Bukti dukung", id))?;
        tx.execute("DELETE FROM bukti WHERE id = $1", params![id])
            .await?;
        jejak.catat("hapus", "bukti", id, Some(&lama), None);
        jejak.tulis(&mut tx).await?;
        tx.commit().await?;
        Ok(lama)
    }

    async fn rekap_bulan(
        &self,
        instansi_id: i64,
        pegawai_id: &[i64],
        tahun: i32,
        bulan: u32,
    ) -> StoreResult<Vec<RekapBulan>> {
        if pegawai_id.is_empty() {
            return Ok(Vec::new());
        }
        let mut c = self.b.read().await?;
        let mut out = Vec::new();
        for potong in pegawai_id.chunks(1000) {
            let (syarat, p) = di_antara_pegawai(4, potong);
            let mut semua = params![instansi_id, tahun, i64::from(bulan)];
            semua.extend(p);
            let sql = format!(
                "SELECT {REKAP_KOLOM} FROM skp s WHERE s.instansi_id = $1 AND s.tahun = $2 \
                 AND s.status <> 'ditutup' AND s.{syarat}"
            );
            for r in c.fetch(&sql, semua).await? {
                out.push(rekap_dari(&r)?);
            }
        }
        Ok(out)
    }

    async fn rekap_bulan_instansi(
        &self,
        instansi_id: i64,
        tahun: i32,
        bulan: u32,
    ) -> StoreResult<Vec<RekapBulan>> {
        let mut c = self.b.read().await?;
        c.fetch(
            &format!(
                "SELECT {REKAP_KOLOM} FROM skp s WHERE s.instansi_id = $1 AND s.tahun = $2 \
                 AND s.status <> 'ditutup' AND s.ditetapkan_pada IS NOT NULL"
            ),
            params![instansi_id, tahun, i64::from(bulan)],
        )
        .await?
        .iter()
        .map(rekap_dari)
        .collect()
    }

    async fn buat_umpan_balik(
        &self,
        instansi_id: i64,
        b: &UmpanBalikBaru,
        notifikasi: &[NotifikasiBaru],
        pelaku: &Pelaku,
    ) -> StoreResult<UmpanBalik> {
        let mut tx = self.b.begin().await?;
        let mut jejak = JejakAudit::new(instansi_id, pelaku);
        let (rhk_id, aspek) = match b.sah.sasaran {
            SasaranUmpanBalik::Rhk(id) => (Some(id), None),
            SasaranUmpanBalik::Perilaku(a) => (None, Some(a.kode())),
        };
        if let Some(pid) = b.permintaan_id {
            let n = tx
                .execute(
                    "UPDATE permintaan_umpan_balik SET status = 'dijawab' WHERE instansi_id = $1 AND id = $2 AND status = 'menunggu'",
                    params![instansi_id, pid],
                )
                .await?;
            if n == 0 {
                return Err(StoreError::Konflik(
                    "Permintaan umpan balik ini sudah dijawab".into(),
                ));
            }
        }
        let id = tx
            .fetch_one(
                "INSERT INTO umpan_balik (instansi_id, skp_id, pegawai_id, pemberi_pegawai_id, sebagai, rhk_id, aspek, \
                 jenis, cara, isi, sumber, tanggal, permintaan_id, penugasan_id, anonim, dibuat) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id",
                params![instansi_id, b.skp_id, b.pegawai_id, b.pemberi_pegawai_id, b.sebagai.kode(), rhk_id, aspek,
                    b.sah.jenis.kode(), b.sah.cara.kode(), &b.sah.isi, &b.sah.sumber, b.sah.tanggal,
                    b.permintaan_id, b.penugasan_id, b.anonim, sekarang()],
            )
            .await?
            .i64(0)?;
        let baru = umpan_balik_by_id(&mut tx, instansi_id, id)
            .await?
            .ok_or_else(|| tidak_ada("Umpan balik", id))?;
        sisip_notifikasi(&mut tx, instansi_id, notifikasi).await?;
        jejak.catat("buat", "umpan_balik", id, None, Some(&baru));
        jejak.tulis(&mut tx).await?;
        tx.commit().await?;
        Ok(baru)
    }

    async fn umpan_balik(&self, instansi_id: i64, id: i64) -> StoreResult<Option<UmpanBalik>> {
        let mut c = self.b.read().await?;
        umpan_balik_by_id(&mut c, instansi_id, id).await
    }

    async fn daftar_umpan_balik(
        &self,
        instansi_id: i64,
        f: &FilterUmpanBalik,
    ) -> StoreResult<Vec<UmpanBalik>> {
        let mut c = self.b.read().await?;
        c.fetch(
            &format!(
                "SELECT {UMPAN_BALIK_KOLOM} FROM {UMPAN_BALIK_DARI} WHERE u.instansi_id = $1 \
                 AND ($2 IS NULL OR u.skp_id = $2) AND ($3 IS NULL OR u.pemberi_pegawai_id = $3) \
                 AND ($4 IS NULL OR u.penugasan_id = $4) AND ($5 IS NULL OR u.id < $5) \
                 ORDER BY u.id DESC LIMIT $6"
            ),
            params![
                instansi_id,
                f.skp_id,
                f.pemberi_pegawai_id,
                f.penugasan_id,
                f.sebelum_id,
                f.limit.clamp(1, 500)
            ],
        )
        .await?
        .iter()
        .map(umpan_balik_dari)
        .collect()
    }

    async fn tanggapi_umpan_balik(
        &self,
        instansi_id: i64,
        id: i64,
        tanggapan: &str,
        notifikasi: &[NotifikasiBaru],
        pelaku: &Pelaku,
    ) -> StoreResult<UmpanBalik> {
        let mut tx = self.b.begin().await?;
        let mut jejak = JejakAudit::new(instansi_id, pelaku);
        let lama = umpan_balik_by_id(&mut tx, instansi_id, id)
            .await?
            .ok_or_else(|| tidak_ada("Umpan balik", id))?;
        tx.execute(
            "UPDATE umpan_balik SET tanggapan = $1, ditanggapi = $2 WHERE id = $3",
            params![tanggapan, sekarang(), id],
        )
        .await?;
        let baru = umpan_balik_by_id(&mut tx, instansi_id, id)
            .await?
            .ok_or_else(|| tidak_ada("Umpan balik", id))?;
        sisip_notifikasi(&mut tx, instansi_id, notifikasi).await?;
        jejak.catat("tanggapi", "umpan_balik", id, Some(&lama), Some(&baru));
        jejak.tulis(&mut tx).await?;
        tx.commit().await?;
        Ok(baru)
    }

    async fn buat_permintaan(
        &self,
        instansi_id: i64,
        b: &PermintaanBaru,
        notifikasi: &[NotifikasiBaru],
        pelaku: &Pelaku,
    ) -> StoreResult<PermintaanUmpanBalik> {
        let mut tx = self.b.begin().await?;
        let mut jejak = JejakAudit::new(instansi_id, pelaku);
        let id = tx
            .fetch_one(
                "INSERT INTO permintaan_umpan_balik (instansi_id, skp_id, pegawai_id, peminta_pegawai_id, pemberi_pegawai_id, \
                 sebagai, batas, anonim, pesan, status, dibuat) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'menunggu', $10) RETURNING id",
                params![instansi_id, b.skp_id, b.pegawai_id, b.peminta_pegawai_id, b.pemberi_pegawai_id,
                    b.sebagai.kode(), b.batas, b.anonim, b.pesan.clone(), sekarang()],
            )
            .await?
            .i64(0)?;
        let baru = permintaan_by_id(&mut tx, instansi_id, id)
            .await?
            .ok_or_else(|| tidak_ada("Permintaan", id))?;
        sisip_notifikasi(&mut tx, instansi_id, notifikasi).await?;
        jejak.catat("buat", "permintaan_umpan_balik", id, None, Some(&baru));
        jejak.tulis(&mut tx).await?;
        tx.commit().await?;
        Ok(baru)
    }

    async fn permintaan(
        &self,
        instansi_id: i64,
        id: i64,
    ) -> StoreResult<Option<PermintaanUmpanBalik>> {
        let mut c = self.b.read().await?;
        permintaan_by_id(&mut c, instansi_id, id).await
    }

    async fn daftar_permintaan(
        &self,
        instansi_id: i64,
        f: &FilterPermintaan,
    ) -> StoreResult<Vec<PermintaanUmpanBalik>> {
        let mut c = self.b.read().await?;
        c.fetch(
            &format!(
                "SELECT {PERMINTAAN_KOLOM} FROM {PERMINTAAN_DARI} WHERE m.instansi_id = $1 \
                 AND ($2 IS NULL OR m.skp_id = $2) AND ($3 IS NULL OR m.pemberi_pegawai_id = $3) \
                 AND ($4 IS NULL OR m.status = $4) AND ($5 IS NULL OR m.batas <= $5) \
                 ORDER BY m.batas, m.id LIMIT $6"
            ),
            params![
                instansi_id,
                f.skp_id,
                f.pemberi_pegawai_id,
                f.status.clone(),
                f.batas_sampai,
                f.limit.clamp(1, 5000)
            ],
        )
        .await?
        .iter()
        .map(permintaan_dari)
        .collect()
    }

    async fn atur_anonim_permintaan(
        &self,
        instansi_id: i64,
        id: i64,
        anonim: bool,
        pelaku: &Pelaku,
    ) -> StoreResult<PermintaanUmpanBalik> {
        let mut tx = self.b.begin().await?;
        let mut jejak = JejakAudit::new(instansi_id, pelaku);
        let lama = permintaan_by_id(&mut tx, instansi_id, id)
            .await?
            .ok_or_else(|| tidak_ada("Permintaan", id))?;
        if lama.status != "menunggu" {
            return Err(StoreError::Konflik(
                "Permintaan yang sudah dijawab tidak dapat diubah".into(),
            ));
        }
        tx.execute(
            "UPDATE permintaan_umpan_balik SET anonim = $1 WHERE id = $2",
            params![anonim, id],
        )
        .await?;
        let baru = permintaan_by_id(&mut tx, instansi_id, id)
            .await?
            .ok_or_else(|| tidak_ada("Permintaan", id))?;
        jejak.catat(
            "anonim",
            "permintaan_umpan_balik",
            id,
            Some(&lama),
            Some(&baru),
        );
        jejak.tulis(&mut tx).await?;
        tx.commit().await?;
        Ok(baru)
    }

    async fn buat_tindak_lanjut(
        &self,
        instansi_id: i64,
        b: &TindakLanjutBaru,
        notifikasi: &[NotifikasiBaru],
        pelaku: &Pelaku,
    ) -> StoreResult<TindakLanjut> {
        let mut tx = self.b.begin().await?;
        let mut jejak = JejakAudit::new(instansi_id, pelaku);
        let p = b.sah.pembinaan.as_ref();
        let id = tx
            .fetch_one(
                "INSERT INTO tindak_lanjut (instansi_id, skp_id, pegawai_id, oleh_pegawai_id, jenis, rhk_id, umpan_balik_id, \
                 uraian, jenis_pembinaan, tanggal, topik, tindakan_disepakati, penugasan_id, dibuat) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id",
                params![instansi_id, b.skp_id, b.pegawai_id, b.oleh_pegawai_id, b.sah.jenis.kode(), b.sah.rhk_id,
                    b.umpan_balik_id, &b.sah.uraian, p.map(|x| x.jenis.kode()), p.map(|x| x.tanggal),
                    p.map(|x| x.topik.as_str()), p.map(|x| x.tindakan_disepakati.as_str()), b.penugasan_id, sekarang()],
            )
            .await?
            .i64(0)?;
        let baru = tindak_lanjut_dari(
            &tx.fetch_one(
                &format!(
                    "SELECT {TINDAK_LANJUT_KOLOM} FROM tindak_lanjut t JOIN pegawai p ON p.id = t.oleh_pegawai_id WHERE t.id = $1"
                ),
                params![id],
            )
            .await?,
        )?;
        sisip_notifikasi(&mut tx, instansi_id, notifikasi).await?;
        jejak.catat("buat", "tindak_lanjut", id, None, Some(&baru));
        jejak.tulis(&mut tx).await?;
        tx.commit().await?;
        Ok(baru)
    }

    async fn daftar_tindak_lanjut(
        &self,
        instansi_id: i64,
        skp_id: i64,
    ) -> StoreResult<Vec<TindakLanjut>> {
        let mut c = self.b.read().await?;
        c.fetch(
            &format!(
                "SELECT {TINDAK_LANJUT_KOLOM} FROM tindak_lanjut t JOIN pegawai p ON p.id = t.oleh_pegawai_id \
                 WHERE t.instansi_id = $1 AND t.skp_id = $2 ORDER BY t.id DESC"
            ),
            params![instansi_id, skp_id],
        )
        .await?
        .iter()
        .map(tindak_lanjut_dari)
        .collect()
    }

    async fn buat_laporan_penugasan(
        &self,
        instansi_id: i64,
        penugasan_id: i64,
        skp_id: Option<i64>,
        pegawai_id: i64,
        isi: &str,
        notifikasi: &[NotifikasiBaru],
        pelaku: &Pelaku,
    ) -> StoreResult<LaporanPenugasan> {
        let mut tx = self.b.begin().await?;
        let mut jejak = JejakAudit::new(instansi_id, pelaku);
        let id = tx
            .fetch_one(
                "INSERT INTO laporan_penugasan (instansi_id, penugasan_id, skp_id, pegawai_id, isi, dibuat) \
                 VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                params![instansi_id, penugasan_id, skp_id, pegawai_id, isi, sekarang()],
            )
            .await?
            .i64(0)?;
        let baru = laporan_dari(
            &tx.fetch_one(
                &format!(
                    "SELECT {LAPORAN_KOLOM} FROM laporan_penugasan l JOIN pegawai p ON p.id = l.pegawai_id WHERE l.id = $1"
                ),
                params![id],
            )
            .await?,
        )?;
        sisip_notifikasi(&mut tx, instansi_id, notifikasi).await?;
        jejak.catat("buat", "laporan_penugasan", id, None, Some(&baru));
        jejak.tulis(&mut tx).await?;
        tx.commit().await?;
        Ok(baru)
    }

    async fn daftar_laporan_penugasan(
        &self,
        instansi_id: i64,
        penugasan_id: i64,
    ) -> StoreResult<Vec<LaporanPenugasan>> {
        let mut c = self.b.read().await?;
        c.fetch(
            &format!(
                "SELECT {LAPORAN_KOLOM} FROM laporan_penugasan l JOIN pegawai p ON p.id = l.pegawai_id \
                 WHERE l.instansi_id = $1 AND l.penugasan_id = $2 ORDER BY l.id DESC"
            ),
            params![instansi_id, penugasan_id],
        )
        .await?
        .iter()
        .map(laporan_dari)
        .collect()
    }

    async fn kirim_notifikasi(&self, instansi_id: i64, n: &[NotifikasiBaru]) -> StoreResult<u64> {
        let mut tx = self.b.begin().await?;
        let k = sisip_notifikasi(&mut tx, instansi_id, n).await?;
        tx.commit().await?;
        Ok(k)
    }

    async fn kotak_masuk(
        &self,
        instansi_id: i64,
        pegawai_id: i64,
        sebelum_id: Option<i64>,
        limit: i64,
    ) -> StoreResult<Vec<Notifikasi>> {
        let mut c = self.b.read().await?;
        c.fetch(
            "SELECT id, pegawai_id, jenis, judul, isi, tautan, dibaca, dibuat FROM notifikasi \
             WHERE instansi_id = $1 AND pegawai_id = $2 AND ($3 IS NULL OR id < $3) ORDER BY id DESC LIMIT $4",
            params![instansi_id, pegawai_id, sebelum_id, limit.clamp(1, 500)],
        )
        .await?
        .iter()
        .map(|r| {
            Ok(Notifikasi {
                id: r.i64(0)?,
                pegawai_id: r.i64(1)?,
                jenis: r.text(2)?,
                judul: r.text(3)?,
                isi: r.text(4)?,
                tautan: r.opt_text(5)?,
                dibaca: r.opt_ts(6)?,
                dibuat: r.ts(7)?,
            })
        })
        .collect()
    }

    async fn jumlah_belum_dibaca(&self, instansi_id: i64, pegawai_id: i64) -> StoreResult<i64> {
        let mut c = self.b.read().await?;
        c.fetch_one(
            "SELECT COUNT(*) FROM notifikasi WHERE instansi_id = $1 AND pegawai_id = $2 AND dibaca IS NULL",
            params![instansi_id, pegawai_id],
        )
        .await?
        .i64(0)
    }

    async fn tandai_dibaca(
        &self,
        instansi_id: i64,
        pegawai_id: i64,
        id: Option<i64>,
    ) -> StoreResult<u64> {
        let mut tx = self.b.begin().await?;
        let n = tx
            .execute(
                "UPDATE notifikasi SET dibaca = $1 WHERE instansi_id = $2 AND pegawai_id = $3 \
                 AND ($4 IS NULL OR id = $4) AND dibaca IS NULL",
                params![sekarang(), instansi_id, pegawai_id, id],
            )
            .await?;
        tx.commit().await?;
        Ok(n)
    }

    async fn klaim_email(
        &self,
        sekarang: DateTime<Utc>,
        sewa_sampai: DateTime<Utc>,
        limit: i64,
    ) -> StoreResult<Vec<EmailAntre>> {
        // The condition is repeated outside the sub-select: PostgreSQL re-checks it on a row
        // another node updated meanwhile, so two nodes never claim the same e-mail.
        const SIAP: &str =
            "(email_status = 'menunggu' OR (email_status = 'dikirim' AND email_sewa < $1))";
        let mut tx = self.b.begin().await?;
        let rows = tx
            .fetch(
                &format!(
                    "UPDATE notifikasi SET email_status = 'dikirim', email_sewa = $2, email_percobaan = email_percobaan + 1 \
                     WHERE id IN (SELECT id FROM notifikasi WHERE {SIAP} AND email_percobaan < 5 ORDER BY id LIMIT $3) AND {SIAP} \
                     RETURNING id, email_ke, judul, isi, tautan, email_percobaan"
                ),
                params![sekarang, sewa_sampai, limit],
            )
            .await?;
        tx.commit().await?;
        rows.iter()
            .map(|r| {
                Ok(EmailAntre {
                    id: r.i64(0)?,
                    ke: r.text(1)?,
                    judul: r.text(2)?,
                    isi: r.text(3)?,
                    tautan: r.opt_text(4)?,
                    percobaan: r.i64(5)?,
                })
            })
            .collect()
    }

    async fn selesai_email(&self, id: i64, terkirim: bool) -> StoreResult<()> {
        let mut tx = self.b.begin().await?;
        tx.execute(
            "UPDATE notifikasi SET email_status = CASE WHEN $1 THEN 'terkirim' \
             WHEN email_percobaan >= 5 THEN 'gagal' ELSE 'menunggu' END WHERE id = $2",
            params![terkirim, id],
        )
        .await?;
        tx.commit().await
    }

    async fn jadwalkan_pekerjaan(
        &self,
        jenis: &str,
        kunci: &str,
        instansi_id: Option<i64>,
        jalan_pada: DateTime<Utc>,
    ) -> StoreResult<bool> {
        let mut tx = self.b.begin().await?;
        let n = tx
            .execute(
                "INSERT INTO pekerjaan (jenis, kunci, instansi_id, status, jalan_pada, dibuat, diubah) \
                 VALUES ($1, $2, $3, 'menunggu', $4, $5, $5) ON CONFLICT DO NOTHING",
                params![jenis, kunci, instansi_id, jalan_pada, sekarang()],
            )
            .await?;
        tx.commit().await?;
        Ok(n > 0)
    }

    async fn klaim_pekerjaan(
        &self,
        node: &str,
        sekarang: DateTime<Utc>,
        sewa_sampai: DateTime<Utc>,
    ) -> StoreResult<Option<Pekerjaan>> {
        const SIAP: &str = "((status = 'menunggu' AND jalan_pada <= $2) OR (status = 'berjalan' AND sewa_sampai < $2))";
        let mut tx = self.b.begin().await?;
        let r = tx
            .fetch_opt(
                &format!(
                    "UPDATE pekerjaan SET status = 'berjalan', diklaim_oleh = $1, sewa_sampai = $3, \
                     percobaan = percobaan + 1, diubah = $2 \
                     WHERE id = (SELECT id FROM pekerjaan WHERE {SIAP} ORDER BY jalan_pada, id LIMIT 1) AND {SIAP} \
                     RETURNING id, jenis, kunci, instansi_id, status, percobaan"
                ),
                params![node, sekarang, sewa_sampai],
            )
            .await?;
        tx.commit().await?;
        r.map(|r| {
            Ok(Pekerjaan {
                id: r.i64(0)?,
                jenis: r.text(1)?,
                kunci: r.text(2)?,
                instansi_id: r.opt_i64(3)?,
                status: r.text(4)?,
                percobaan: r.i64(5)?,
            })
        })
        .transpose()
    }

    async fn selesai_pekerjaan(
        &self,
        id: i64,
        node: &str,
        berhasil: bool,
        pesan: Option<&str>,
    ) -> StoreResult<()> {
        let mut tx = self.b.begin().await?;
        tx.execute(
            "UPDATE pekerjaan SET status = CASE WHEN $1 THEN 'selesai' WHEN percobaan >= 3 THEN 'gagal' ELSE 'menunggu' END, \
             pesan = $2, sewa_sampai = NULL, diubah = $3 WHERE id = $4 AND diklaim_oleh = $5",
            params![berhasil, pesan, sekarang(), id, node],
        )
        .await?;
        tx.commit().await
    }
}
