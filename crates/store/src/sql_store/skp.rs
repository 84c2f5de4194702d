//! SQL of the planning stage: SKP with RHK and IKI, versions, assignments, the year-start job.
//! Free functions over a connection or transaction; the [`Store`](crate::Store) methods in the
//! parent module call them.

use super::JejakAudit;
use crate::error::{StoreError, StoreResult};
use crate::model::*;
use crate::params;
use crate::sql::{param_json, sekarang, Conn, Param, Row, Tipe, Tx};
use kinerja_domain::skp::{Iki, Lampiran, Rhk, Skp, Target};
use std::collections::{HashMap, HashSet};

/// `$a, $a+1, …` for `n` values.
pub(super) fn tempat(mulai: usize, n: usize) -> String {
    (mulai..mulai + n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `pegawai_id BETWEEN … AND pegawai_id IN (…)` from placeholder `$mulai`, with its values.
/// The range lets the planner walk the (instansi, pegawai, tahun) index instead of testing every
/// SKP of the year against a long list (PostgreSQL does not hash a list of parameters).
pub(super) fn di_antara_pegawai(mulai: usize, ids: &[i64]) -> (String, Vec<Param>) {
    let min = ids.iter().copied().min().unwrap_or(0);
    let max = ids.iter().copied().max().unwrap_or(0);
    let mut p = params![min, max];
    p.extend(ids.iter().map(|&i| Param::from(i)));
    (
        format!(
            "pegawai_id BETWEEN ${} AND ${} AND pegawai_id IN ({})",
            mulai,
            mulai + 1,
            tempat(mulai + 2, ids.len())
        ),
        p,
    )
}

pub(super) fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_default()
}

pub(super) fn dari_json<T: serde::de::DeserializeOwned>(s: &str) -> StoreResult<T> {
    serde_json::from_str(s).map_err(|e| StoreError::Rusak(format!("JSON '{s}': {e}")))
}

const SKP_KOLOM: &str =
    "id, pegawai_id, tahun, unit_id, jabatan_id, jenis_jabatan, format, pendekatan, \
     tugas_belajar, status, nomor_versi, versi, mulai, selesai, perjanjian_kerja, lampiran, \
     ekspektasi_khusus, catatan_pengembalian, alasan_revisi, ditetapkan_pada, diubah, pimpinan_unit_mandiri";

fn skp_dari(r: &Row) -> StoreResult<SkpTersimpan> {
    let lampiran: Lampiran = dari_json(&r.text(15)?)?;
    let ekspektasi_khusus = dari_json(&r.text(16)?)?;
    Ok(SkpTersimpan {
        skp: Skp {
            id: r.i64(0)?,
            pegawai_id: r.i64(1)?,
            tahun: r.i64(2)? as i32,
            unit_id: r.opt_i64(3)?,
            jabatan_id: r.opt_i64(4)?,
            jenis_jabatan: r.opt_parse(5)?,
            format: r.parse(6)?,
            pendekatan: r.parse(7)?,
            tugas_belajar: r.bool(8)?,
            status: r.parse(9)?,
            nomor_versi: r.i64(10)? as i32,
            mulai: r.date(12)?,
            selesai: r.date(13)?,
            perjanjian_kerja: r.opt_text(14)?,
            lampiran,
            ekspektasi_khusus,
            catatan_pengembalian: r.opt_text(17)?,
            alasan_revisi: r.opt_text(18)?,
            ditetapkan_pada: r.opt_date(19)?,
            pimpinan_unit_mandiri: r.bool(21)?,
            rhk: Vec::new(),
        },
        versi: r.i64(11)?,
        diubah: r.ts(20)?,
    })
}

fn rhk_dari(r: &Row) -> StoreResult<(i64, Rhk)> {
    Ok((
        r.i64(1)?,
        Rhk {
            id: Some(r.i64(0)?),
            jenis: r.parse(2)?,
            uraian: r.text(3)?,
            penugasan_dari: r.text(4)?,
            intervensi_rhk_id: r.opt_i64(5)?,
            dasar_kaskade: r.opt_parse(6)?,
            perspektif: r.opt_parse(7)?,
            penugasan_id: r.opt_i64(8)?,
            iki: Vec::new(),
        },
    ))
}

fn iki_dari(r: &Row) -> StoreResult<(i64, Iki)> {
    Ok((
        r.i64(1)?,
        Iki {
            id: Some(r.i64(0)?),
            aspek: r.opt_parse(2)?,
            indikator: r.text(3)?,
            target: Target {
                teks: r.text(4)?,
                min: r.opt_f64(5)?,
                maks: r.opt_f64(6)?,
                satuan: r.opt_text(7)?,
            },
            manual_indikator: r.opt_text(8)?.map(|s| dari_json(&s)).transpose()?,
        },
    ))
}

const RHK_KOLOM: &str =
    "r.id, r.skp_id, r.jenis, r.uraian, r.penugasan_dari, r.intervensi_rhk_id, \
     r.dasar_kaskade, r.perspektif, r.penugasan_id";
const IKI_KOLOM: &str = "i.id, i.rhk_id, i.aspek, i.indikator, i.target_teks, i.target_min, \
     i.target_maks, i.target_satuan, i.manual_indikator";

/// RHK (with IKI) of these SKP, keyed by SKP id, in their order.
async fn isi_rhk<C: Conn + ?Sized>(
    c: &mut C,
    instansi_id: i64,
    skp_id: &[i64],
) -> StoreResult<HashMap<i64, Vec<Rhk>>> {
    let mut out: HashMap<i64, Vec<Rhk>> = HashMap::new();
    for potong in skp_id.chunks(1000) {
        let daftar = tempat(2, potong.len());
        let mut p = params![instansi_id];
        p.extend(potong.iter().map(|&i| Param::from(i)));
        let rhk = c
            .fetch(
                &format!("SELECT {RHK_KOLOM} FROM rhk r WHERE r.instansi_id = $1 AND r.skp_id IN ({daftar}) ORDER BY r.skp_id, r.urutan, r.id"),
                p.clone(),
            )
            .await?;
        let iki = c
            .fetch(
                &format!("SELECT {IKI_KOLOM} FROM iki i JOIN rhk r ON r.id = i.rhk_id WHERE r.instansi_id = $1 AND r.skp_id IN ({daftar}) ORDER BY i.rhk_id, i.urutan, i.id"),
                p,
            )
            .await?;
        let mut iki_per: HashMap<i64, Vec<Iki>> = HashMap::new();
        for r in &iki {
            let (rhk_id, i) = iki_dari(r)?;
            iki_per.entry(rhk_id).or_default().push(i);
        }
        for r in &rhk {
            let (skp, mut x) = rhk_dari(r)?;
            x.iki = iki_per
                .remove(&x.id.unwrap_or_default())
                .unwrap_or_default();
            out.entry(skp).or_default().push(x);
        }
    }
    Ok(out)
}

/// SKP matching `kondisi` (a WHERE clause over `skp` with `$1` = instansi), complete.
pub(super) async fn muat_skp<C: Conn + ?Sized>(
    c: &mut C,
    instansi_id: i64,
    kondisi: &str,
    mut p: Vec<Param>,
) -> StoreResult<Vec<SkpTersimpan>> {
    p.insert(0, Param::from(instansi_id));
    let baris = c
        .fetch(
            &format!(
                "SELECT {SKP_KOLOM} FROM skp WHERE instansi_id = $1 AND {kondisi} ORDER BY id"
            ),
            p,
        )
        .await?;
    let mut out: Vec<SkpTersimpan> = baris.iter().map(skp_dari).collect::<StoreResult<_>>()?;
    let ids: Vec<i64> = out.iter().map(|s| s.skp.id).collect();
    let mut rhk = isi_rhk(c, instansi_id, &ids).await?;
    for s in &mut out {
        s.skp.rhk = rhk.remove(&s.skp.id).unwrap_or_default();
    }
    Ok(out)
}

pub(super) async fn skp_by_id<C: Conn + ?Sized>(
    c: &mut C,
    instansi_id: i64,
    id: i64,
) -> StoreResult<Option<SkpTersimpan>> {
    Ok(muat_skp(c, instansi_id, "id = $2", params![id])
        .await?
        .into_iter()
        .next())
}

/// The open (not closed) SKP of these pegawai for a year.
pub(super) async fn skp_tahun<C: Conn + ?Sized>(
    c: &mut C,
    instansi_id: i64,
    pegawai_id: &[i64],
    tahun: i32,
) -> StoreResult<Vec<SkpTersimpan>> {
    let mut out = Vec::new();
    for potong in pegawai_id.chunks(1000) {
        let (di, nilai) = di_antara_pegawai(3, potong);
        let mut p = params![tahun];
        p.extend(nilai);
        let kondisi = format!("tahun = $2 AND status <> 'ditutup' AND {di}");
        out.extend(muat_skp(c, instansi_id, &kondisi, p).await?);
    }
    Ok(out)
}

fn param_skp(s: &Skp) -> Vec<Param> {
    params![
        s.unit_id,
        s.jabatan_id,
        s.jenis_jabatan.map(|j| j.kode()),
        s.format.kode(),
        s.pendekatan.kode(),
        s.tugas_belajar,
        s.status.kode(),
        s.nomor_versi,
        s.mulai,
        s.selesai,
        s.perjanjian_kerja.clone(),
        json(&s.lampiran),
        json(&s.ekspektasi_khusus),
        s.catatan_pengembalian.clone(),
        s.alasan_revisi.clone(),
        s.ditetapkan_pada,
        s.pimpinan_unit_mandiri
    ]
}

fn param_rhk(r: &Rhk) -> Vec<Param> {
    params![
        r.jenis.kode(),
        &r.uraian,
        &r.penugasan_dari,
        r.intervensi_rhk_id,
        r.dasar_kaskade.map(|d| d.kode()),
        r.perspektif.map(|p| p.kode()),
        r.penugasan_id
    ]
}

fn param_iki(i: &Iki) -> Vec<Param> {
    params![
        i.aspek.map(|a| a.kode()),
        &i.indikator,
        &i.target.teks,
        i.target.min,
        i.target.maks,
        i.target.satuan.clone(),
        i.manual_indikator.as_ref().map(json)
    ]
}

/// Insert a new SKP with its content; answers it as stored (with ids).
pub(super) async fn sisip_skp<T: Tx>(
    tx: &mut T,
    instansi_id: i64,
    s: &Skp,
    asal_skp_id: Option<i64>,
) -> StoreResult<SkpTersimpan> {
    let now = sekarang();
    let mut p = params![instansi_id, s.pegawai_id, s.tahun];
    p.extend(param_skp(s));
    p.extend(params![asal_skp_id, now, now]);
    let r = tx
        .fetch_one(
            "INSERT INTO skp (instansi_id, pegawai_id, tahun, unit_id, jabatan_id, jenis_jabatan, format, pendekatan, \
             tugas_belajar, status, nomor_versi, mulai, selesai, perjanjian_kerja, lampiran, ekspektasi_khusus, \
             catatan_pengembalian, alasan_revisi, ditetapkan_pada, pimpinan_unit_mandiri, asal_skp_id, dibuat, diubah) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23) RETURNING id",
            p,
        )
        .await
        .map_err(|e| match e {
            StoreError::Konflik(_) => StoreError::Konflik(format!(
                "pegawai ini sudah memiliki SKP tahun {} yang masih berlaku",
                s.tahun
            )),
            e => e,
        })?;
    let mut baru = s.clone();
    baru.id = r.i64(0)?;
    baru.rhk = Vec::new();
    tulis_isi(tx, instansi_id, &mut baru, s.rhk.clone(), &[]).await?;
    Ok(SkpTersimpan {
        skp: baru,
        versi: 1,
        diubah: now,
    })
}

/// Bring the stored RHK/IKI of `s` (currently `lama`) to `rhk`, touching only what changed.
async fn tulis_isi<T: Tx>(
    tx: &mut T,
    instansi_id: i64,
    s: &mut Skp,
    rhk: Vec<Rhk>,
    lama: &[Rhk],
) -> StoreResult<()> {
    let lama_rhk: HashMap<i64, &Rhk> = lama.iter().filter_map(|r| r.id.map(|i| (i, r))).collect();
    let lama_iki: HashMap<i64, (Option<i64>, usize, &Iki)> = lama
        .iter()
        .flat_map(|r| r.iki.iter().enumerate().map(move |(n, i)| (r.id, n, i)))
        .filter_map(|(rhk, n, i)| i.id.map(|id| (id, (rhk, n, i))))
        .collect();
    let urutan_lama: HashMap<i64, usize> = lama
        .iter()
        .enumerate()
        .filter_map(|(n, r)| r.id.map(|i| (i, n)))
        .collect();
    let tetap_rhk: HashSet<i64> = rhk.iter().filter_map(|r| r.id).collect();
    let tetap_iki: HashSet<i64> = rhk
        .iter()
        .flat_map(|r| r.iki.iter().filter_map(|i| i.id))
        .collect();
    for id in lama_iki.keys().filter(|i| !tetap_iki.contains(i)) {
        tx.execute(
            "DELETE FROM iki WHERE id = $1 AND instansi_id = $2",
            params![*id, instansi_id],
        )
        .await?;
    }
    let mut hasil = Vec::with_capacity(rhk.len());
    for (urutan, mut r) in rhk.into_iter().enumerate() {
        let urutan = urutan as i64;
        let berubah = match r.id.and_then(|i| lama_rhk.get(&i)) {
            Some(l) => {
                let sama_kepala = Rhk {
                    iki: Vec::new(),
                    ..(*l).clone()
                } == Rhk {
                    iki: Vec::new(),
                    ..r.clone()
                };
                !sama_kepala
                    || urutan_lama.get(&r.id.unwrap_or_default()) != Some(&(urutan as usize))
            }
            None => true,
        };
        let rhk_id = match (r.id.filter(|i| lama_rhk.contains_key(i)), berubah) {
            (Some(id), false) => id,
            (Some(id), true) => {
                let mut p = param_rhk(&r);
                p.extend(params![urutan, id, instansi_id]);
                tx.execute(
                    "UPDATE rhk SET jenis = $1, uraian = $2, penugasan_dari = $3, intervensi_rhk_id = $4, \
                     dasar_kaskade = $5, perspektif = $6, penugasan_id = $7, urutan = $8 WHERE id = $9 AND instansi_id = $10",
                    p,
                )
                .await?;
                id
            }
            (None, _) => {
                let mut p = params![instansi_id, s.id, urutan];
                p.extend(param_rhk(&r));
                tx.fetch_one(
                    "INSERT INTO rhk (instansi_id, skp_id, urutan, jenis, uraian, penugasan_dari, intervensi_rhk_id, \
                     dasar_kaskade, perspektif, penugasan_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
                    p,
                )
                .await?
                .i64(0)?
            }
        };
        r.id = Some(rhk_id);
        for (n, i) in r.iki.iter_mut().enumerate() {
            let ada = i.id.and_then(|id| lama_iki.get(&id));
            match ada {
                Some((rhk_lama, n_lama, l))
                    if *l == i && *n_lama == n && *rhk_lama == Some(rhk_id) => {}
                Some(_) => {
                    let mut p = param_iki(i);
                    p.extend(params![n as i64, rhk_id, i.id, instansi_id]);
                    tx.execute(
                        "UPDATE iki SET aspek = $1, indikator = $2, target_teks = $3, target_min = $4, target_maks = $5, \
                         target_satuan = $6, manual_indikator = $7, urutan = $8, rhk_id = $9 WHERE id = $10 AND instansi_id = $11",
                        p,
                    )
                    .await?;
                }
                None => {
                    let mut p = params![instansi_id, rhk_id, n as i64];
                    p.extend(param_iki(i));
                    let id = tx
                        .fetch_one(
                            "INSERT INTO iki (instansi_id, rhk_id, urutan, aspek, indikator, target_teks, target_min, \
                             target_maks, target_satuan, manual_indikator) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
                            p,
                        )
                        .await?
                        .i64(0)?;
                    i.id = Some(id);
                }
            }
        }
        hasil.push(r);
    }
    // RHK go last, once the IKI moved out of them are under their new RHK (the delete cascades).
    for id in lama_rhk.keys().filter(|i| !tetap_rhk.contains(i)) {
        tx.execute(
            "DELETE FROM rhk WHERE id = $1 AND instansi_id = $2",
            params![*id, instansi_id],
        )
        .await?;
    }
    s.rhk = hasil;
    Ok(())
}

/// Write `s` over the stored SKP read at `versi_dibaca`; a newer stored version is a conflict.
/// Records the change in the audit trail and, when asked, a new numbered version.
pub(super) async fn tulis_skp<T: Tx>(
    tx: &mut T,
    jejak: &mut JejakAudit<'_>,
    s: &Skp,
    versi_dibaca: i64,
    aksi: &str,
    versi_baru: Option<&VersiBaru>,
) -> StoreResult<SkpTersimpan> {
    let instansi_id = jejak.instansi_id;
    let lama = skp_by_id(tx, instansi_id, s.id)
        .await?
        .ok_or_else(|| StoreError::TidakDitemukan(format!("SKP {}", s.id)))?;
    if lama.versi != versi_dibaca {
        return Err(StoreError::Konflik(format!(
            "SKP telah diubah sejak Anda membukanya (versi {versi_dibaca}, sekarang {}); muat ulang lalu ulangi perubahan",
            lama.versi
        )));
    }
    let now = sekarang();
    let mut p = param_skp(s);
    p.extend(params![now, s.id, instansi_id, versi_dibaca]);
    let n = tx
        .execute(
            "UPDATE skp SET unit_id = $1, jabatan_id = $2, jenis_jabatan = $3, format = $4, pendekatan = $5, \
             tugas_belajar = $6, status = $7, nomor_versi = $8, mulai = $9, selesai = $10, perjanjian_kerja = $11, \
             lampiran = $12, ekspektasi_khusus = $13, catatan_pengembalian = $14, alasan_revisi = $15, \
             ditetapkan_pada = $16, pimpinan_unit_mandiri = $17, diubah = $18, versi = versi + 1 \
             WHERE id = $19 AND instansi_id = $20 AND versi = $21",
            p,
        )
        .await?;
    if n == 0 {
        return Err(StoreError::Konflik(
            "SKP telah diubah bersamaan oleh pengguna lain; muat ulang lalu ulangi perubahan"
                .into(),
        ));
    }
    let mut baru = s.clone();
    tulis_isi(tx, instansi_id, &mut baru, s.rhk.clone(), &lama.skp.rhk).await?;
    if let Some(v) = versi_baru {
        tx.execute(
            "INSERT INTO skp_versi (skp_id, nomor, instansi_id, isi, alasan, pelaku, waktu, berlaku_mulai) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            params![baru.id, baru.nomor_versi, instansi_id, json(&baru), &v.alasan, &jejak.pelaku.nama, now, v.berlaku_mulai],
        )
        .await
        .map_err(|e| match e {
            StoreError::Konflik(_) => StoreError::Konflik(format!("versi {} SKP ini sudah tercatat", baru.nomor_versi)),
            e => e,
        })?;
    }
    jejak.catat(aksi, "skp", baru.id, Some(&lama.skp), Some(&baru));
    Ok(SkpTersimpan {
        skp: baru,
        versi: versi_dibaca + 1,
        diubah: now,
    })
}

pub(super) async fn daftar_skp<C: Conn + ?Sized>(
    c: &mut C,
    instansi_id: i64,
    f: &FilterSkp,
) -> StoreResult<Halaman<RingkasanSkp>> {
    let limit = f.limit.clamp(1, 500);
    let mut p = params![
        instansi_id,
        f.tahun,
        f.unit_id,
        f.status.map(|s| s.kode()),
        f.cursor,
        limit + 1
    ];
    let mut syarat = String::new();
    if let Some(ids) = &f.pegawai_id {
        if ids.is_empty() {
            return Ok(Halaman {
                items: Vec::new(),
                next_cursor: None,
            });
        }
        syarat = format!(" AND s.pegawai_id IN ({})", tempat(7, ids.len()));
        p.extend(ids.iter().map(|&i| Param::from(i)));
    }
    let baris = c
        .fetch(
            &format!(
                "SELECT s.id, s.tahun, s.pegawai_id, p.nip, p.nama, s.unit_id, u.nama, s.format, s.status, s.nomor_versi, \
                 s.mulai, s.selesai, s.ditetapkan_pada, (SELECT COUNT(*) FROM rhk r WHERE r.skp_id = s.id), s.versi \
                 FROM skp s JOIN pegawai p ON p.id = s.pegawai_id LEFT JOIN unit u ON u.id = s.unit_id \
                 WHERE s.instansi_id = $1 AND ($2 IS NULL OR s.tahun = $2) AND ($3 IS NULL OR s.unit_id = $3) \
                 AND ($4 IS NULL OR s.status = $4) AND ($5 IS NULL OR s.id > $5){syarat} ORDER BY s.id LIMIT $6"
            ),
            p,
        )
        .await?;
    let items = baris
        .iter()
        .map(|r| {
            Ok(RingkasanSkp {
                id: r.i64(0)?,
                tahun: r.i64(1)? as i32,
                pegawai_id: r.i64(2)?,
                nip: r.text(3)?,
                nama: r.text(4)?,
                unit_id: r.opt_i64(5)?,
                unit_nama: r.opt_text(6)?,
                format: r.parse(7)?,
                status: r.parse(8)?,
                nomor_versi: r.i64(9)? as i32,
                mulai: r.date(10)?,
                selesai: r.date(11)?,
                ditetapkan_pada: r.opt_date(12)?,
                jumlah_rhk: r.i64(13)?,
                versi: r.i64(14)?,
            })
        })
        .collect::<StoreResult<Vec<_>>>()?;
    Ok(Halaman::dari_baris(items, limit, |s| s.id))
}

fn versi_dari(r: &Row) -> StoreResult<VersiSkp> {
    Ok(VersiSkp {
        nomor: r.i64(0)? as i32,
        alasan: r.text(1)?,
        pelaku: r.text(2)?,
        waktu: r.ts(3)?,
        berlaku_mulai: r.date(4)?,
    })
}

pub(super) async fn versi_skp<C: Conn + ?Sized>(
    c: &mut C,
    instansi_id: i64,
    skp_id: i64,
) -> StoreResult<Vec<VersiSkp>> {
    c.fetch(
        "SELECT nomor, alasan, pelaku, waktu, berlaku_mulai FROM skp_versi WHERE instansi_id = $1 AND skp_id = $2 ORDER BY nomor",
        params![instansi_id, skp_id],
    )
    .await?
    .iter()
    .map(versi_dari)
    .collect()
}

pub(super) async fn isi_versi_skp<C: Conn + ?Sized>(
    c: &mut C,
    instansi_id: i64,
    skp_id: i64,
    nomor: i32,
) -> StoreResult<Option<(VersiSkp, Skp)>> {
    let Some(r) = c
        .fetch_opt(
            "SELECT nomor, alasan, pelaku, waktu, berlaku_mulai, isi FROM skp_versi WHERE instansi_id = $1 AND skp_id = $2 AND nomor = $3",
            params![instansi_id, skp_id, nomor],
        )
        .await?
    else {
        return Ok(None);
    };
    Ok(Some((versi_dari(&r)?, dari_json(&r.text(5)?)?)))
}

/// RHK of any SKP that intervene one of these leader RHK.
pub(super) async fn rhk_anggota<C: Conn + ?Sized>(
    c: &mut C,
    instansi_id: i64,
    pimpinan: &[i64],
) -> StoreResult<Vec<RhkAnggota>> {
    if pimpinan.is_empty() {
        return Ok(Vec::new());
    }
    let mut p = params![instansi_id];
    p.extend(pimpinan.iter().map(|&i| Param::from(i)));
    let baris = c
        .fetch(
            &format!(
                "SELECT s.id, s.pegawai_id, r.id FROM rhk r JOIN skp s ON s.id = r.skp_id \
                 WHERE r.instansi_id = $1 AND s.status <> 'ditutup' AND r.intervensi_rhk_id IN ({}) ORDER BY s.id",
                tempat(2, pimpinan.len())
            ),
            p,
        )
        .await?;
    let mut skp_id: Vec<i64> = Vec::new();
    let mut pasangan = Vec::new();
    for r in &baris {
        let (s, pg, rh) = (r.i64(0)?, r.i64(1)?, r.i64(2)?);
        if skp_id.last() != Some(&s) {
            skp_id.push(s);
        }
        pasangan.push((s, pg, rh));
    }
    let isi = isi_rhk(c, instansi_id, &skp_id).await?;
    let mut out = Vec::new();
    for (s, pg, rh) in pasangan {
        if let Some(r) = isi
            .get(&s)
            .and_then(|v| v.iter().find(|r| r.id == Some(rh)))
        {
            out.push(RhkAnggota {
                skp_id: s,
                pegawai_id: pg,
                rhk: r.clone(),
            });
        }
    }
    Ok(out)
}

// --- starting a year ---------------------------------------------------------------------------

/// Rows per bulk INSERT (one JSON parameter each).
const BARIS_PER_INSERT: usize = 2000;

const KOLOM_SKP: &[(&str, Tipe)] = &[
    ("instansi_id", Tipe::I64),
    ("pegawai_id", Tipe::I64),
    ("tahun", Tipe::I64),
    ("unit_id", Tipe::I64),
    ("jabatan_id", Tipe::I64),
    ("jenis_jabatan", Tipe::Text),
    ("format", Tipe::Text),
    ("pendekatan", Tipe::Text),
    ("tugas_belajar", Tipe::Bool),
    ("status", Tipe::Text),
    ("nomor_versi", Tipe::I64),
    ("mulai", Tipe::Date),
    ("selesai", Tipe::Date),
    ("perjanjian_kerja", Tipe::Text),
    ("lampiran", Tipe::Text),
    ("ekspektasi_khusus", Tipe::Text),
    ("catatan_pengembalian", Tipe::Text),
    ("alasan_revisi", Tipe::Text),
    ("ditetapkan_pada", Tipe::Date),
    ("pimpinan_unit_mandiri", Tipe::Bool),
    ("asal_skp_id", Tipe::I64),
    ("dibuat", Tipe::Ts),
    ("diubah", Tipe::Ts),
];

const KOLOM_RHK: &[(&str, Tipe)] = &[
    ("instansi_id", Tipe::I64),
    ("skp_id", Tipe::I64),
    ("urutan", Tipe::I64),
    ("jenis", Tipe::Text),
    ("uraian", Tipe::Text),
    ("penugasan_dari", Tipe::Text),
    ("intervensi_rhk_id", Tipe::I64),
    ("dasar_kaskade", Tipe::Text),
    ("perspektif", Tipe::Text),
    ("penugasan_id", Tipe::I64),
];

const KOLOM_IKI: &[(&str, Tipe)] = &[
    ("instansi_id", Tipe::I64),
    ("rhk_id", Tipe::I64),
    ("urutan", Tipe::I64),
    ("aspek", Tipe::Text),
    ("indikator", Tipe::Text),
    ("target_teks", Tipe::Text),
    ("target_min", Tipe::F64),
    ("target_maks", Tipe::F64),
    ("target_satuan", Tipe::Text),
    ("manual_indikator", Tipe::Text),
];

/// Insert many rows (values in `kolom` order) as JSON rows, [`BARIS_PER_INSERT`] per statement:
/// one bound text each, which both databases unpack far faster than thousands of parameters.
/// `akhiran` ends each statement (e.g. `WHERE true ON CONFLICT DO NOTHING`); answers the rows
/// inserted.
pub(super) async fn sisip_banyak<T: Tx>(
    tx: &mut T,
    tabel: &str,
    kolom: &[(&str, Tipe)],
    baris: Vec<Vec<Param>>,
    akhiran: &str,
) -> StoreResult<u64> {
    let nama: Vec<&str> = kolom.iter().map(|(k, _)| *k).collect();
    let sql = format!(
        "INSERT INTO {tabel} ({}) {} {akhiran}",
        nama.join(", "),
        tx.baris_json(1, kolom)
    );
    let mut n = 0;
    for potong in baris.chunks(BARIS_PER_INSERT) {
        let json: Vec<serde_json::Value> = potong
            .iter()
            .map(|b| {
                serde_json::Value::Object(
                    nama.iter()
                        .zip(b)
                        .map(|(k, p)| (k.to_string(), param_json(p)))
                        .collect(),
                )
            })
            .collect();
        n += tx
            .execute(&sql, params![serde_json::Value::Array(json).to_string()])
            .await?;
    }
    Ok(n)
}

/// Insert many new SKP (drafts for a year) in one transaction, skipping pegawai that already
/// have an open SKP that year; copied content keeps a link to where it came from (`asal`).
/// Answers how many were created.
pub(super) async fn sisip_skp_massal<T: Tx>(
    tx: &mut T,
    instansi_id: i64,
    daftar: &[(Skp, Option<i64>)],
) -> StoreResult<Vec<i64>> {
    if daftar.is_empty() {
        return Ok(Vec::new());
    }
    let tahun = daftar[0].0.tahun;
    let pegawai: Vec<i64> = daftar.iter().map(|(s, _)| s.pegawai_id).collect();
    let mut ada: HashSet<i64> = HashSet::new();
    for potong in pegawai.chunks(1000) {
        let (di, nilai) = di_antara_pegawai(3, potong);
        let mut p = params![instansi_id, tahun];
        p.extend(nilai);
        for r in tx
            .fetch(
                &format!(
                    "SELECT pegawai_id FROM skp WHERE instansi_id = $1 AND tahun = $2 AND status <> 'ditutup' AND {di}"
                ),
                p,
            )
            .await?
        {
            ada.insert(r.i64(0)?);
        }
    }
    let baru: Vec<&(Skp, Option<i64>)> = daftar
        .iter()
        .filter(|(s, _)| !ada.contains(&s.pegawai_id))
        .collect();
    if baru.is_empty() {
        return Ok(Vec::new());
    }
    let now = sekarang();
    let baris: Vec<Vec<Param>> = baru
        .iter()
        .map(|(s, asal)| {
            let mut p = params![instansi_id, s.pegawai_id, s.tahun];
            p.extend(param_skp(s));
            p.extend(params![*asal, now, now]);
            p
        })
        .collect();
    sisip_banyak(tx, "skp", KOLOM_SKP, baris, "").await?;
    // The new ids, by pegawai.
    let mut id_skp: HashMap<i64, i64> = HashMap::new();
    let dibuat: Vec<i64> = baru.iter().map(|(s, _)| s.pegawai_id).collect();
    for potong in dibuat.chunks(1000) {
        let (di, nilai) = di_antara_pegawai(3, potong);
        let mut p = params![instansi_id, tahun];
        p.extend(nilai);
        for r in tx
            .fetch(
                &format!(
                    "SELECT pegawai_id, id FROM skp WHERE instansi_id = $1 AND tahun = $2 AND status <> 'ditutup' AND {di}"
                ),
                p,
            )
            .await?
        {
            id_skp.insert(r.i64(0)?, r.i64(1)?);
        }
    }
    // RHK rows; their new ids are read back by (skp, urutan) for the IKI rows.
    let mut rhk_baris = Vec::new();
    for (s, _) in &baru {
        let sid = id_skp[&s.pegawai_id];
        for (n, r) in s.rhk.iter().enumerate() {
            let mut p = params![instansi_id, sid, n as i64];
            p.extend(param_rhk(r));
            rhk_baris.push(p);
        }
    }
    if !rhk_baris.is_empty() {
        sisip_banyak(tx, "rhk", KOLOM_RHK, rhk_baris, "").await?;
        let sids: Vec<i64> = id_skp.values().copied().collect();
        let mut id_rhk: HashMap<(i64, i64), i64> = HashMap::new();
        for potong in sids.chunks(1000) {
            let mut p = params![instansi_id];
            p.extend(potong.iter().map(|&i| Param::from(i)));
            for r in tx
                .fetch(
                    &format!(
                        "SELECT skp_id, urutan, id FROM rhk WHERE instansi_id = $1 AND skp_id IN ({})",
                        tempat(2, potong.len())
                    ),
                    p,
                )
                .await?
            {
                id_rhk.insert((r.i64(0)?, r.i64(1)?), r.i64(2)?);
            }
        }
        let mut iki_baris = Vec::new();
        for (s, _) in &baru {
            let sid = id_skp[&s.pegawai_id];
            for (n, r) in s.rhk.iter().enumerate() {
                let rid = id_rhk[&(sid, n as i64)];
                for (m, i) in r.iki.iter().enumerate() {
                    let mut p = params![instansi_id, rid, m as i64];
                    p.extend(param_iki(i));
                    iki_baris.push(p);
                }
            }
        }
        if !iki_baris.is_empty() {
            sisip_banyak(tx, "iki", KOLOM_IKI, iki_baris, "").await?;
        }
    }
    Ok(baru.iter().map(|(s, _)| id_skp[&s.pegawai_id]).collect())
}

const TUGAS_KOLOM: &str = "id, instansi_id, jenis, tahun, status, total, diproses, dibuat_skp, kursor, pesan, pelaku, dibuat, diperbarui";

pub(super) fn tugas_dari(r: &Row) -> StoreResult<Tugas> {
    Ok(Tugas {
        id: r.i64(0)?,
        instansi_id: r.i64(1)?,
        jenis: r.text(2)?,
        tahun: r.i64(3)? as i32,
        status: r.text(4)?,
        total: r.i64(5)?,
        diproses: r.i64(6)?,
        dibuat_skp: r.i64(7)?,
        kursor: r.i64(8)?,
        pesan: r.opt_text(9)?,
        pelaku: r.text(10)?,
        dibuat: r.ts(11)?,
        diperbarui: r.ts(12)?,
    })
}

pub(super) fn sql_tugas(kondisi: &str) -> String {
    format!("SELECT {TUGAS_KOLOM} FROM tugas WHERE {kondisi}")
}

pub(super) async fn tugas_by_id<C: Conn + ?Sized>(c: &mut C, id: i64) -> StoreResult<Tugas> {
    tugas_dari(&c.fetch_one(&sql_tugas("id = $1"), params![id]).await?)
}

const PENUGASAN_KOLOM: &str =
    "id, tahun, pemberi_pegawai_id, pegawai_id, unit_id, induk_id, uraian, ekspektasi, status, \
     alasan, rhk_id, dibuat, diputuskan, diputuskan_oleh";

pub(super) fn sql_penugasan(kondisi: &str) -> String {
    format!("SELECT {PENUGASAN_KOLOM} FROM penugasan WHERE {kondisi}")
}

pub(super) fn penugasan_dari(r: &Row) -> StoreResult<Penugasan> {
    Ok(Penugasan {
        id: r.i64(0)?,
        tahun: r.i64(1)? as i32,
        pemberi_pegawai_id: r.i64(2)?,
        pegawai_id: r.opt_i64(3)?,
        unit_id: r.opt_i64(4)?,
        induk_id: r.opt_i64(5)?,
        uraian: r.text(6)?,
        ekspektasi: r.text(7)?,
        status: r.text(8)?,
        alasan: r.opt_text(9)?,
        rhk_id: r.opt_i64(10)?,
        dibuat: r.ts(11)?,
        diputuskan: r.opt_ts(12)?,
        diputuskan_oleh: r.opt_text(13)?,
    })
}

pub(super) async fn penugasan_by_id<C: Conn + ?Sized>(
    c: &mut C,
    id: i64,
) -> StoreResult<Penugasan> {
    penugasan_dari(&c.fetch_one(&sql_penugasan("id = $1"), params![id]).await?)
}

/// The open-SKP status of every SKP of a year, for the per-unit monitoring.
pub(super) async fn status_skp_tahun<C: Conn + ?Sized>(
    c: &mut C,
    instansi_id: i64,
    tahun: i32,
) -> StoreResult<Vec<StatusSkpUnit>> {
    c.fetch(
        "SELECT unit_id, status, mulai, ditetapkan_pada FROM skp WHERE instansi_id = $1 AND tahun = $2",
        params![instansi_id, tahun],
    )
    .await?
    .iter()
    .map(|r| {
        Ok(StatusSkpUnit {
            unit_id: r.opt_i64(0)?,
            status: r.parse(1)?,
            mulai: r.date(2)?,
            ditetapkan_pada: r.opt_date(3)?,
        })
    })
    .collect()
}

/// The latest SKP of each pegawai before `tahun` (last year's, or the last closed one).
pub(super) async fn skp_terakhir<C: Conn + ?Sized>(
    c: &mut C,
    instansi_id: i64,
    pegawai_id: &[i64],
    tahun: i32,
) -> StoreResult<Vec<Skp>> {
    let mut out = Vec::new();
    for potong in pegawai_id.chunks(1000) {
        let (di, nilai) = di_antara_pegawai(3, potong);
        let mut p = params![tahun];
        p.extend(nilai);
        let kondisi = format!(
            "id IN (SELECT MAX(id) FROM skp WHERE instansi_id = $1 AND tahun = $2 - 1 AND {di} GROUP BY pegawai_id)"
        );
        out.extend(
            muat_skp(c, instansi_id, &kondisi, p)
                .await?
                .into_iter()
                .map(|s| s.skp),
        );
    }
    Ok(out)
}
