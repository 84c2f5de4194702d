//! The one implementation of [`Store`] over any [`Backend`]. Every query and row mapping of the
//! product lives here, written once for both databases.

use crate::audit::{self, HasilVerifikasi, HASH_AWAL};
use crate::error::{StoreError, StoreResult};
use crate::model::*;
use crate::params;
use crate::sql::{Backend, Conn, Row, Tx};
use crate::Store;
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use kinerja_domain::pangkat::{Golongan, StatusAsn};
use kinerja_domain::penilai::{AturanPenilai, PenggantiPenilai};
use serde::Serialize;
use std::collections::HashMap;

mod dokumen;
mod evaluasi;
mod laporan;
mod masuk;
mod pelaksanaan;
mod pemantauan;
mod penghargaan;
mod profil;
mod sanksi;
mod skp;
mod talenta;

pub struct SqlStore<B: Backend> {
    b: B,
}

impl<B: Backend> SqlStore<B> {
    pub fn new(backend: B) -> Self {
        SqlStore { b: backend }
    }
    pub fn backend_ref(&self) -> &B {
        &self.b
    }
}

/// One change to record: action, entity, entity id, before and after (JSON).
struct Perubahan {
    aksi: String,
    entitas: String,
    id: String,
    sebelum: Option<String>,
    sesudah: Option<String>,
}

/// Audit entries gathered during a transaction and chained onto the instansi's log before commit.
struct JejakAudit<'a> {
    instansi_id: i64,
    pelaku: &'a Pelaku,
    waktu: DateTime<Utc>,
    entri: Vec<Perubahan>,
}

impl<'a> JejakAudit<'a> {
    fn new(instansi_id: i64, pelaku: &'a Pelaku) -> Self {
        JejakAudit {
            instansi_id,
            pelaku,
            waktu: crate::sql::sekarang(),
            entri: Vec::new(),
        }
    }

    fn catat<S: Serialize>(
        &mut self,
        aksi: &str,
        entitas: &str,
        id: impl ToString,
        sebelum: Option<&S>,
        sesudah: Option<&S>,
    ) {
        let json = |v: Option<&S>| v.map(|v| serde_json::to_string(v).unwrap_or_default());
        self.entri.push(Perubahan {
            aksi: aksi.into(),
            entitas: entitas.into(),
            id: id.to_string(),
            sebelum: json(sebelum),
            sesudah: json(sesudah),
        });
    }

    async fn tulis<T: Tx>(self, tx: &mut T) -> StoreResult<()> {
        if self.entri.is_empty() {
            return Ok(());
        }
        tx.kunci_audit(self.instansi_id).await?;
        let akhir = tx
            .fetch_opt(
                "SELECT seq, hash FROM audit_log WHERE instansi_id = $1 ORDER BY seq DESC LIMIT 1",
                params![self.instansi_id],
            )
            .await?;
        let (mut seq, mut prev) = match akhir {
            Some(r) => (r.i64(0)?, r.text(1)?),
            None => (0, HASH_AWAL.to_string()),
        };
        for Perubahan {
            aksi,
            entitas,
            id,
            sebelum,
            sesudah,
        } in self.entri
        {
            seq += 1;
            let hash = audit::hitung_hash(
                self.instansi_id,
                seq,
                self.waktu,
                &self.pelaku.nama,
                &aksi,
                &entitas,
                &id,
                sebelum.as_deref(),
                sesudah.as_deref(),
                &prev,
            );
            tx.execute(
                "INSERT INTO audit_log (instansi_id, seq, waktu, pelaku, aksi, entitas, entitas_id, sebelum, sesudah, hash_sebelumnya, hash) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
                params![self.instansi_id, seq, self.waktu, &self.pelaku.nama, aksi, entitas, id, sebelum, sesudah, prev, &hash],
            )
            .await?;
            prev = hash;
        }
        Ok(())
    }
}

/// Every organisation write bumps the instansi's version, so that every node's cached
/// organisation (rater resolution) knows it is stale.
async fn naikkan_versi_organisasi<T: Tx>(tx: &mut T, instansi_id: i64) -> StoreResult<()> {
    tx.execute(
        "UPDATE instansi SET versi_organisasi = versi_organisasi + 1 WHERE id = $1",
        params![instansi_id],
    )
    .await?;
    Ok(())
}

const PEGAWAI_SELECT: &str = "SELECT p.id, p.nip, p.nama, p.status_asn, p.golongan, p.email, p.jabatan_id, \
     j.nama, j.jenis_jabatan, j.jenjang, j.unit_id, u.nama \
     FROM pegawai p LEFT JOIN jabatan j ON j.id = p.jabatan_id LEFT JOIN unit u ON u.id = j.unit_id";

fn pegawai_dari(r: &Row) -> StoreResult<Pegawai> {
    let status: StatusAsn = r.parse(3)?;
    let gol = r.text(4)?;
    Ok(Pegawai {
        id: r.i64(0)?,
        nip: r.parse(1)?,
        nama: r.text(2)?,
        status_asn: status,
        golongan: Golongan::parse(status, &gol).map_err(|e| StoreError::Rusak(e.to_string()))?,
        email: r.opt_text(5)?,
        jabatan_id: r.opt_i64(6)?,
        jabatan_nama: r.opt_text(7)?,
        jenis_jabatan: r.opt_parse(8)?,
        jenjang: r.opt_parse(9)?,
        unit_id: r.opt_i64(10)?,
        unit_nama: r.opt_text(11)?,
    })
}

const UNIT_SELECT: &str = "SELECT id, kode, nama, induk_id, tipe_lampiran FROM unit";

fn unit_dari(r: &Row) -> StoreResult<Unit> {
    Ok(Unit {
        id: r.i64(0)?,
        kode: r.text(1)?,
        nama: r.text(2)?,
        induk_id: r.opt_i64(3)?,
        tipe_lampiran: r.opt_text(4)?,
    })
}

const JABATAN_SELECT: &str =
    "SELECT id, kode, unit_id, nama, jenis_jabatan, jenjang, posisi_lampiran, atasan_id, \
     plt_pegawai_id, plh_pegawai_id, pemangku_non_asn FROM jabatan";

fn jabatan_dari(r: &Row) -> StoreResult<Jabatan> {
    Ok(Jabatan {
        id: r.i64(0)?,
        kode: r.text(1)?,
        unit_id: r.i64(2)?,
        nama: r.text(3)?,
        jenis_jabatan: r.opt_parse(4)?,
        jenjang: r.opt_parse(5)?,
        posisi_lampiran: r.opt_text(6)?,
        atasan_id: r.opt_i64(7)?,
        plt_pegawai_id: r.opt_i64(8)?,
        plh_pegawai_id: r.opt_i64(9)?,
        pemangku_non_asn: r.opt_text(10)?,
    })
}

const AKUN_SELECT: &str =
    "SELECT id, instansi_id, username, password_hash, peran, pegawai_id, bahasa FROM akun";

fn akun_dari(r: &Row, off: usize) -> StoreResult<Akun> {
    let peran = r.text(off + 4)?;
    Ok(Akun {
        id: r.i64(off)?,
        instansi_id: r.i64(off + 1)?,
        username: r.text(off + 2)?,
        password_hash: r.text(off + 3)?,
        peran: Peran::dari_kode(&peran)
            .ok_or_else(|| StoreError::Rusak(format!("peran '{peran}'")))?,
        pegawai_id: r.opt_i64(off + 5)?,
        bahasa: r.text(off + 6)?,
    })
}

fn instansi_dari(r: &Row) -> StoreResult<Instansi> {
    Ok(Instansi {
        id: r.i64(0)?,
        kode: r.text(1)?,
        nama: r.text(2)?,
        kota: r.text(3)?,
    })
}

/// The jabatan as an import record (references by kode/NIP), for audit before/after.
fn jabatan_sebagai_impor(
    j: &Jabatan,
    unit_kode: &HashMap<i64, String>,
    jabatan_kode: &HashMap<i64, String>,
    nip: &HashMap<i64, kinerja_domain::nip::Nip>,
) -> JabatanImpor {
    JabatanImpor {
        kode: j.kode.clone(),
        unit_kode: unit_kode.get(&j.unit_id).cloned().unwrap_or_default(),
        nama: j.nama.clone(),
        jenis_jabatan: j.jenis_jabatan,
        jenjang: j.jenjang,
        posisi_lampiran: j.posisi_lampiran.clone(),
        atasan_kode: j.atasan_id.and_then(|id| jabatan_kode.get(&id).cloned()),
        plt_nip: j.plt_pegawai_id.and_then(|id| nip.get(&id).cloned()),
        plh_nip: j.plh_pegawai_id.and_then(|id| nip.get(&id).cloned()),
        pemangku_non_asn: j.pemangku_non_asn.clone(),
    }
}

#[async_trait]
impl<B: Backend> Store for SqlStore<B> {
    fn backend(&self) -> &'static str {
        self.b.name()
    }

    async fn instansi_utama(&self) -> StoreResult<Option<Instansi>> {
        let mut c = self.b.read().await?;
        c.fetch_opt(
            "SELECT id, kode, nama, kota FROM instansi ORDER BY id LIMIT 1",
            params![],
        )
        .await?
        .map(|r| instansi_dari(&r))
        .transpose()
    }

    async fn instansi(&self, id: i64) -> StoreResult<Option<Instansi>> {
        let mut c = self.b.read().await?;
        c.fetch_opt(
            "SELECT id, kode, nama, kota FROM instansi WHERE id = $1",
            params![id],
        )
        .await?
        .map(|r| instansi_dari(&r))
        .transpose()
    }

    async fn pastikan_instansi(
        &self,
        baru: &InstansiBaru,
        pelaku: &Pelaku,
    ) -> StoreResult<Instansi> {
        let mut tx = self.b.begin().await?;
        if let Some(r) = tx
            .fetch_opt(
                "SELECT id, kode, nama, kota FROM instansi WHERE kode = $1",
                params![&baru.kode],
            )
            .await?
        {
            return instansi_dari(&r);
        }
        let r = tx
            .fetch_one(
                "INSERT INTO instansi (kode, nama, kota) VALUES ($1, $2, $3) RETURNING id, kode, nama, kota",
                params![&baru.kode, &baru.nama, &baru.kota],
            )
            .await?;
        let i = instansi_dari(&r)?;
        let mut jejak = JejakAudit::new(i.id, pelaku);
        jejak.catat("buat", "instansi", i.id, None, Some(&i));
        jejak.tulis(&mut tx).await?;
        tx.commit().await?;
        Ok(i)
    }

    async fn impor_organisasi(
        &self,
        instansi_id: i64,
        data: &DataOrganisasi,
        pelaku: &Pelaku,
    ) -> StoreResult<RingkasanImpor> {
        let mut tx = self.b.begin().await?;
        let mut jejak = JejakAudit::new(instansi_id, pelaku);
        let mut ringkas = RingkasanImpor::default();

        // Current state, keyed the way the import refers to it.
        let unit_lama: Vec<Unit> = tx
            .fetch(
                &format!("{UNIT_SELECT} WHERE instansi_id = $1"),
                params![instansi_id],
            )
            .await?
            .iter()
            .map(unit_dari)
            .collect::<StoreResult<_>>()?;
        let mut unit_id: HashMap<String, i64> =
            unit_lama.iter().map(|u| (u.kode.clone(), u.id)).collect();
        let mut unit_kode: HashMap<i64, String> =
            unit_lama.iter().map(|u| (u.id, u.kode.clone())).collect();
        let unit_lama: HashMap<String, Unit> =
            unit_lama.into_iter().map(|u| (u.kode.clone(), u)).collect();

        for u in &data.unit {
            let induk_id = match &u.induk_kode {
                Some(k) => Some(*unit_id.get(k).ok_or_else(|| {
                    StoreError::TidakDitemukan(format!("unit induk '{k}' untuk unit '{}'", u.kode))
                })?),
                None => None,
            };
            match unit_lama.get(&u.kode) {
                Some(lama) => {
                    if lama.nama != u.nama
                        || lama.induk_id != induk_id
                        || lama.tipe_lampiran != u.tipe_lampiran
                    {
                        tx.execute(
                            "UPDATE unit SET nama = $1, induk_id = $2, tipe_lampiran = $3 WHERE id = $4",
                            params![&u.nama, induk_id, u.tipe_lampiran.clone(), lama.id],
                        )
                        .await?;
                        let sebelum = UnitImpor {
                            kode: lama.kode.clone(),
                            nama: lama.nama.clone(),
                            induk_kode: lama.induk_id.and_then(|i| unit_kode.get(&i).cloned()),
                            tipe_lampiran: lama.tipe_lampiran.clone(),
                        };
                        jejak.catat("ubah", "unit", lama.id, Some(&sebelum), Some(u));
                        ringkas.unit_diubah += 1;
                    }
                }
                None => {
                    let r = tx
                        .fetch_one(
                            "INSERT INTO unit (instansi_id, kode, nama, induk_id, tipe_lampiran) VALUES ($1, $2, $3, $4, $5) RETURNING id",
                            params![instansi_id, &u.kode, &u.nama, induk_id, u.tipe_lampiran.clone()],
                        )
                        .await?;
                    let id = r.i64(0)?;
                    unit_id.insert(u.kode.clone(), id);
                    unit_kode.insert(id, u.kode.clone());
                    jejak.catat("buat", "unit", id, None, Some(u));
                    ringkas.unit_baru += 1;
                }
            }
        }

        // Positions: insert or update the plain fields first; references come once every
        // position and pegawai has an id.
        let jabatan_lama: Vec<Jabatan> = tx
            .fetch(
                &format!("{JABATAN_SELECT} WHERE instansi_id = $1"),
                params![instansi_id],
            )
            .await?
            .iter()
            .map(jabatan_dari)
            .collect::<StoreResult<_>>()?;
        let mut jabatan_id: HashMap<String, i64> = jabatan_lama
            .iter()
            .map(|j| (j.kode.clone(), j.id))
            .collect();
        let mut jabatan_kode: HashMap<i64, String> = jabatan_lama
            .iter()
            .map(|j| (j.id, j.kode.clone()))
            .collect();
        let jabatan_lama: HashMap<String, Jabatan> = jabatan_lama
            .into_iter()
            .map(|j| (j.kode.clone(), j))
            .collect();

        let pegawai_lama: Vec<Pegawai> = tx
            .fetch(
                &format!("{PEGAWAI_SELECT} WHERE p.instansi_id = $1"),
                params![instansi_id],
            )
            .await?
            .iter()
            .map(pegawai_dari)
            .collect::<StoreResult<_>>()?;
        let mut pegawai_id: HashMap<String, i64> = pegawai_lama
            .iter()
            .map(|p| (p.nip.as_str().to_string(), p.id))
            .collect();
        let mut nip_dari_id: HashMap<i64, kinerja_domain::nip::Nip> =
            pegawai_lama.iter().map(|p| (p.id, p.nip.clone())).collect();
        let sebelum_jabatan: HashMap<String, JabatanImpor> = jabatan_lama
            .values()
            .map(|j| {
                (
                    j.kode.clone(),
                    jabatan_sebagai_impor(j, &unit_kode, &jabatan_kode, &nip_dari_id),
                )
            })
            .collect();

        for j in &data.jabatan {
            let uid = *unit_id.get(&j.unit_kode).ok_or_else(|| {
                StoreError::TidakDitemukan(format!(
                    "unit '{}' untuk jabatan '{}'",
                    j.unit_kode, j.kode
                ))
            })?;
            let jenis = j.jenis_jabatan.map(|v| v.kode());
            let jenjang = j.jenjang.map(|v| v.kode());
            match jabatan_lama.get(&j.kode) {
                Some(lama) => {
                    tx.execute(
                        "UPDATE jabatan SET unit_id = $1, nama = $2, jenis_jabatan = $3, jenjang = $4, posisi_lampiran = $5, pemangku_non_asn = $6 WHERE id = $7",
                        params![uid, &j.nama, jenis, jenjang, j.posisi_lampiran.clone(), j.pemangku_non_asn.clone(), lama.id],
                    )
                    .await?;
                }
                None => {
                    let r = tx
                        .fetch_one(
                            "INSERT INTO jabatan (instansi_id, kode, unit_id, nama, jenis_jabatan, jenjang, posisi_lampiran, pemangku_non_asn) \
                             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
                            params![instansi_id, &j.kode, uid, &j.nama, jenis, jenjang, j.posisi_lampiran.clone(), j.pemangku_non_asn.clone()],
                        )
                        .await?;
                    let id = r.i64(0)?;
                    jabatan_id.insert(j.kode.clone(), id);
                    jabatan_kode.insert(id, j.kode.clone());
                }
            }
        }

        let pegawai_lama: HashMap<String, Pegawai> = pegawai_lama
            .into_iter()
            .map(|p| (p.nip.as_str().to_string(), p))
            .collect();
        for p in &data.pegawai {
            let jid = match &p.jabatan_kode {
                Some(k) => Some(*jabatan_id.get(k).ok_or_else(|| {
                    StoreError::TidakDitemukan(format!("jabatan '{k}' untuk pegawai {}", p.nip))
                })?),
                None => None,
            };
            let gol = p.golongan.kode();
            match pegawai_lama.get(p.nip.as_str()) {
                Some(lama) => {
                    let sebelum = PegawaiImpor {
                        nip: lama.nip.clone(),
                        nama: lama.nama.clone(),
                        status_asn: lama.status_asn,
                        golongan: lama.golongan,
                        jabatan_kode: lama.jabatan_id.and_then(|i| jabatan_kode.get(&i).cloned()),
                        email: lama.email.clone(),
                    };
                    if &sebelum != p {
                        tx.execute(
                            "UPDATE pegawai SET nama = $1, status_asn = $2, golongan = $3, email = $4, jabatan_id = $5 WHERE id = $6",
                            params![&p.nama, p.status_asn.kode(), gol, p.email.clone(), jid, lama.id],
                        )
                        .await?;
                        jejak.catat("ubah", "pegawai", p.nip.as_str(), Some(&sebelum), Some(p));
                        ringkas.pegawai_diubah += 1;
                    }
                }
                None => {
                    let r = tx
                        .fetch_one(
                            "INSERT INTO pegawai (instansi_id, nip, nama, status_asn, golongan, email, jabatan_id) \
                             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
                            params![instansi_id, p.nip.as_str(), &p.nama, p.status_asn.kode(), gol, p.email.clone(), jid],
                        )
                        .await?;
                    let id = r.i64(0)?;
                    pegawai_id.insert(p.nip.as_str().to_string(), id);
                    nip_dari_id.insert(id, p.nip.clone());
                    jejak.catat::<PegawaiImpor>("buat", "pegawai", p.nip.as_str(), None, Some(p));
                    ringkas.pegawai_baru += 1;
                }
            }
        }

        // References of positions: superior, Plt, Plh.
        for j in &data.jabatan {
            let id = jabatan_id[&j.kode];
            let cari_pegawai =
                |nip: &Option<kinerja_domain::nip::Nip>| -> StoreResult<Option<i64>> {
                    match nip {
                        None => Ok(None),
                        Some(n) => pegawai_id
                            .get(n.as_str())
                            .copied()
                            .map(Some)
                            .ok_or_else(|| {
                                StoreError::TidakDitemukan(format!(
                                    "pegawai {n} (Plt/Plh jabatan '{}')",
                                    j.kode
                                ))
                            }),
                    }
                };
            let atasan = match &j.atasan_kode {
                Some(k) => Some(*jabatan_id.get(k).ok_or_else(|| {
                    StoreError::TidakDitemukan(format!(
                        "jabatan atasan '{k}' untuk jabatan '{}'",
                        j.kode
                    ))
                })?),
                None => None,
            };
            tx.execute(
                "UPDATE jabatan SET atasan_id = $1, plt_pegawai_id = $2, plh_pegawai_id = $3 WHERE id = $4",
                params![atasan, cari_pegawai(&j.plt_nip)?, cari_pegawai(&j.plh_nip)?, id],
            )
            .await?;
            match sebelum_jabatan.get(&j.kode) {
                Some(sebelum) if sebelum == j => {}
                Some(sebelum) => {
                    jejak.catat("ubah", "jabatan", id, Some(sebelum), Some(j));
                    ringkas.jabatan_diubah += 1;
                }
                None => {
                    jejak.catat("buat", "jabatan", id, None, Some(j));
                    ringkas.jabatan_baru += 1;
                }
            }
        }

        naikkan_versi_organisasi(&mut tx, instansi_id).await?;
        jejak.tulis(&mut tx).await?;
        tx.commit().await?;
        Ok(ringkas)
    }

    async fn versi_organisasi(&self, instansi_id: i64) -> StoreResult<i64> {
        let mut c = self.b.read().await?;
        let r = c
            .fetch_opt(
                "SELECT versi_organisasi FROM instansi WHERE id = $1",
                params![instansi_id],
            )
            .await?;
        r.map(|r| r.i64(0)).transpose().map(|v| v.unwrap_or(0))
    }

    async fn muat_organisasi(&self, instansi_id: i64) -> StoreResult<SnapshotOrganisasi> {
        let mut c = self.b.read().await?;
        let versi = self.versi_organisasi(instansi_id).await?;
        let unit = c
            .fetch(
                &format!("{UNIT_SELECT} WHERE instansi_id = $1 ORDER BY id"),
                params![instansi_id],
            )
            .await?
            .iter()
            .map(unit_dari)
            .collect::<StoreResult<_>>()?;
        let jabatan = c
            .fetch(
                &format!("{JABATAN_SELECT} WHERE instansi_id = $1 ORDER BY id"),
                params![instansi_id],
            )
            .await?
            .iter()
            .map(jabatan_dari)
            .collect::<StoreResult<_>>()?;
        let pemangku = c
            .fetch(
                "SELECT id, jabatan_id FROM pegawai WHERE instansi_id = $1 AND jabatan_id IS NOT NULL ORDER BY id",
                params![instansi_id],
            )
            .await?
            .iter()
            .map(|r| Ok((r.i64(0)?, r.i64(1)?)))
            .collect::<StoreResult<_>>()?;
        let aturan = c
            .fetch(ATURAN_SELECT, params![instansi_id])
            .await?
            .iter()
            .map(aturan_dari)
            .collect::<StoreResult<_>>()?;
        let pengganti = c
            .fetch(
                "SELECT pegawai_id, pejabat_penilai_id, atasan_pejabat_penilai_id, alasan FROM pengganti_penilai WHERE instansi_id = $1",
                params![instansi_id],
            )
            .await?
            .iter()
            .map(|r| {
                Ok(PenggantiPenilai {
                    pegawai_id: r.i64(0)?,
                    pejabat_penilai: r.opt_i64(1)?,
                    atasan_pejabat_penilai: r.opt_i64(2)?,
                    alasan: r.text(3)?,
                })
            })
            .collect::<StoreResult<_>>()?;
        Ok(SnapshotOrganisasi {
            versi,
            unit,
            jabatan,
            pemangku,
            aturan,
            pengganti,
        })
    }

    async fn daftar_unit(&self, instansi_id: i64) -> StoreResult<Vec<Unit>> {
        let mut c = self.b.read().await?;
        c.fetch(
            &format!("{UNIT_SELECT} WHERE instansi_id = $1 ORDER BY nama, id"),
            params![instansi_id],
        )
        .await?
        .iter()
        .map(unit_dari)
        .collect()
    }

    async fn unit(&self, instansi_id: i64, id: i64) -> StoreResult<Option<Unit>> {
        let mut c = self.b.read().await?;
        c.fetch_opt(
            &format!("{UNIT_SELECT} WHERE instansi_id = $1 AND id = $2"),
            params![instansi_id, id],
        )
        .await?
        .map(|r| unit_dari(&r))
        .transpose()
    }

    async fn daftar_jabatan(
        &self,
        instansi_id: i64,
        unit_id: Option<i64>,
    ) -> StoreResult<Vec<Jabatan>> {
        let mut c = self.b.read().await?;
        let rows = match unit_id {
            Some(u) => {
                c.fetch(
                    &format!(
                        "{JABATAN_SELECT} WHERE instansi_id = $1 AND unit_id = $2 ORDER BY id"
                    ),
                    params![instansi_id, u],
                )
                .await?
            }
            None => {
                c.fetch(
                    &format!("{JABATAN_SELECT} WHERE instansi_id = $1 ORDER BY id"),
                    params![instansi_id],
                )
                .await?
            }
        };
        rows.iter().map(jabatan_dari).collect()
    }

    async fn cari_pegawai(
        &self,
        instansi_id: i64,
        f: &FilterPegawai,
    ) -> StoreResult<Halaman<Pegawai>> {
        let mut c = self.b.read().await?;
        let limit = f.limit.clamp(1, 500);
        let q =
            f.q.as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(|s| s.to_lowercase());
        let nip_q = q.as_ref().map(|s| s.replace(' ', ""));
        let sql = format!(
            "{PEGAWAI_SELECT} WHERE p.instansi_id = $1 \
             AND ($2 IS NULL OR p.nip LIKE $3 || '%' OR lower(p.nama) LIKE '%' || $2 || '%') \
             AND ($4 IS NULL OR j.unit_id = $4) \
             AND ($5 IS NULL OR (p.nama, p.id) > ((SELECT nama FROM pegawai WHERE id = $5), $5)) \
             ORDER BY p.nama, p.id LIMIT $6"
        );
        let rows = c
            .fetch(
                &sql,
                params![instansi_id, q, nip_q, f.unit_id, f.cursor, limit + 1],
            )
            .await?;
        let items: Vec<Pegawai> = rows.iter().map(pegawai_dari).collect::<StoreResult<_>>()?;
        Ok(Halaman::dari_baris(items, limit, |p| p.id))
    }

    async fn pegawai_by_nip(&self, instansi_id: i64, nip: &str) -> StoreResult<Option<Pegawai>> {
        let mut c = self.b.read().await?;
        c.fetch_opt(
            &format!("{PEGAWAI_SELECT} WHERE p.instansi_id = $1 AND p.nip = $2"),
            params![instansi_id, nip],
        )
        .await?
        .map(|r| pegawai_dari(&r))
        .transpose()
    }

    async fn pegawai_by_ids(&self, instansi_id: i64, ids: &[i64]) -> StoreResult<Vec<Pegawai>> {
        let mut c = self.b.read().await?;
        let mut out = Vec::with_capacity(ids.len());
        for chunk in ids.chunks(200) {
            let marks: Vec<String> = (0..chunk.len()).map(|i| format!("${}", i + 2)).collect();
            let mut p = params![instansi_id];
            p.extend(chunk.iter().map(|&i| crate::sql::Param::from(i)));
            let sql = format!(
                "{PEGAWAI_SELECT} WHERE p.instansi_id = $1 AND p.id IN ({})",
                marks.join(", ")
            );
            for r in c.fetch(&sql, p).await? {
                out.push(pegawai_dari(&r)?);
            }
        }
        Ok(out)
    }

    async fn semua_pegawai(&self, instansi_id: i64) -> StoreResult<Vec<Pegawai>> {
        let mut c = self.b.read().await?;
        c.fetch(
            &format!("{PEGAWAI_SELECT} WHERE p.instansi_id = $1 ORDER BY u.nama, p.nama, p.id"),
            params![instansi_id],
        )
        .await?
        .iter()
        .map(pegawai_dari)
        .collect()
    }

    async fn statistik(&self, instansi_id: i64) -> StoreResult<Statistik> {
        let mut c = self.b.read().await?;
        let r = c
            .fetch_one(
                "SELECT (SELECT COUNT(*) FROM unit WHERE instansi_id = $1), \
                        (SELECT COUNT(*) FROM jabatan WHERE instansi_id = $1), \
                        (SELECT COUNT(*) FROM jabatan j WHERE j.instansi_id = $1 AND j.pemangku_non_asn IS NULL \
                            AND NOT EXISTS (SELECT 1 FROM pegawai p WHERE p.jabatan_id = j.id)), \
                        (SELECT COUNT(*) FROM pegawai WHERE instansi_id = $1), \
                        (SELECT COUNT(*) FROM pegawai WHERE instansi_id = $1 AND status_asn = 'pns'), \
                        (SELECT COUNT(*) FROM pegawai WHERE instansi_id = $1 AND status_asn = 'pppk')",
                params![instansi_id],
            )
            .await?;
        Ok(Statistik {
            unit: r.i64(0)?,
            jabatan: r.i64(1)?,
            jabatan_kosong: r.i64(2)?,
            pegawai: r.i64(3)?,
            pns: r.i64(4)?,
            pppk: r.i64(5)?,
        })
    }

    async fn simpan_aturan_penilai(
        &self,
        instansi_id: i64,
        aturan: &[AturanPenilai],
        pelaku: &Pelaku,
    ) -> StoreResult<()> {
        let mut tx = self.b.begin().await?;
        let lama: Vec<AturanPenilai> = tx
            .fetch(ATURAN_SELECT, params![instansi_id])
            .await?
            .iter()
            .map(aturan_dari)
            .collect::<StoreResult<_>>()?;
        if lama.as_slice() == aturan {
            return Ok(());
        }
        tx.execute(
            "DELETE FROM aturan_penilai WHERE instansi_id = $1",
            params![instansi_id],
        )
        .await?;
        for (i, a) in aturan.iter().enumerate() {
            tx.execute(
                "INSERT INTO aturan_penilai (instansi_id, urutan, tipe_unit, posisi, pejabat_penilai, atasan_pejabat_penilai, keterangan) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
                params![instansi_id, i as i64, &a.tipe_unit, &a.posisi, &a.pejabat_penilai, &a.atasan_pejabat_penilai, &a.keterangan],
            )
            .await?;
        }
        let mut jejak = JejakAudit::new(instansi_id, pelaku);
        jejak.catat(
            "ganti",
            "aturan_penilai",
            instansi_id,
            Some(&lama),
            Some(&aturan.to_vec()),
        );
        naikkan_versi_organisasi(&mut tx, instansi_id).await?;
        jejak.tulis(&mut tx).await?;
        tx.commit().await
    }

    async fn tetapkan_pengganti_penilai(
        &self,
        instansi_id: i64,
        p: &PenggantiPenilai,
        pelaku: &Pelaku,
    ) -> StoreResult<()> {
        #[derive(Serialize)]
        struct Rekam {
            pejabat_penilai_id: Option<i64>,
            atasan_pejabat_penilai_id: Option<i64>,
            alasan: String,
        }
        let mut tx = self.b.begin().await?;
        let lama = tx
            .fetch_opt(
                "SELECT pejabat_penilai_id, atasan_pejabat_penilai_id, alasan FROM pengganti_penilai WHERE instansi_id = $1 AND pegawai_id = $2",
                params![instansi_id, p.pegawai_id],
            )
            .await?
            .map(|r| -> StoreResult<Rekam> {
                Ok(Rekam { pejabat_penilai_id: r.opt_i64(0)?, atasan_pejabat_penilai_id: r.opt_i64(1)?, alasan: r.text(2)? })
            })
            .transpose()?;
        tx.execute(
            "INSERT INTO pengganti_penilai (instansi_id, pegawai_id, pejabat_penilai_id, atasan_pejabat_penilai_id, alasan, ditetapkan_oleh, ditetapkan_pada) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) \
             ON CONFLICT (instansi_id, pegawai_id) DO UPDATE SET pejabat_penilai_id = excluded.pejabat_penilai_id, \
             atasan_pejabat_penilai_id = excluded.atasan_pejabat_penilai_id, alasan = excluded.alasan, \
             ditetapkan_oleh = excluded.ditetapkan_oleh, ditetapkan_pada = excluded.ditetapkan_pada",
            params![instansi_id, p.pegawai_id, p.pejabat_penilai, p.atasan_pejabat_penilai, &p.alasan, &pelaku.nama, Utc::now()],
        )
        .await?;
        let baru = Rekam {
            pejabat_penilai_id: p.pejabat_penilai,
            atasan_pejabat_penilai_id: p.atasan_pejabat_penilai,
            alasan: p.alasan.clone(),
        };
        let mut jejak = JejakAudit::new(instansi_id, pelaku);
        jejak.catat(
            "tetapkan",
            "pengganti_penilai",
            p.pegawai_id,
            lama.as_ref(),
            Some(&baru),
        );
        naikkan_versi_organisasi(&mut tx, instansi_id).await?;
        jejak.tulis(&mut tx).await?;
        tx.commit().await
    }

    async fn hapus_pengganti_penilai(
        &self,
        instansi_id: i64,
        pegawai_id: i64,
        pelaku: &Pelaku,
    ) -> StoreResult<bool> {
        let mut tx = self.b.begin().await?;
        let n = tx
            .execute(
                "DELETE FROM pengganti_penilai WHERE instansi_id = $1 AND pegawai_id = $2",
                params![instansi_id, pegawai_id],
            )
            .await?;
        if n > 0 {
            let mut jejak = JejakAudit::new(instansi_id, pelaku);
            jejak.catat::<()>("hapus", "pengganti_penilai", pegawai_id, None, None);
            naikkan_versi_organisasi(&mut tx, instansi_id).await?;
            jejak.tulis(&mut tx).await?;
        }
        tx.commit().await?;
        Ok(n > 0)
    }

    async fn simpan_akun(&self, a: &AkunBaru, pelaku: &Pelaku) -> StoreResult<Akun> {
        #[derive(Serialize)]
        struct Rekam<'a> {
            username: &'a str,
            peran: &'a str,
            pegawai_id: Option<i64>,
            password_diubah: bool,
        }
        let mut tx = self.b.begin().await?;
        let lama = tx
            .fetch_opt(
                &format!("{AKUN_SELECT} WHERE username = $1"),
                params![&a.username],
            )
            .await?
            .map(|r| akun_dari(&r, 0))
            .transpose()?;
        let r = tx
            .fetch_one(
                "INSERT INTO akun (instansi_id, username, password_hash, peran, pegawai_id, bahasa, dibuat) \
                 VALUES ($1, $2, $3, $4, $5, 'id', $6) \
                 ON CONFLICT (username) DO UPDATE SET password_hash = excluded.password_hash, peran = excluded.peran, \
                 pegawai_id = excluded.pegawai_id \
                 RETURNING id, instansi_id, username, password_hash, peran, pegawai_id, bahasa",
                params![a.instansi_id, &a.username, &a.password_hash, a.peran.kode(), a.pegawai_id, Utc::now()],
            )
            .await?;
        let akun = akun_dari(&r, 0)?;
        // The password hash itself never enters the audit log.
        let sebelum = lama.as_ref().map(|l| Rekam {
            username: &l.username,
            peran: l.peran.kode(),
            pegawai_id: l.pegawai_id,
            password_diubah: false,
        });
        let sesudah = Rekam {
            username: &akun.username,
            peran: akun.peran.kode(),
            pegawai_id: akun.pegawai_id,
            password_diubah: true,
        };
        let mut jejak = JejakAudit::new(a.instansi_id, pelaku);
        jejak.catat(
            if lama.is_some() { "ubah" } else { "buat" },
            "akun",
            akun.id,
            sebelum.as_ref(),
            Some(&sesudah),
        );
        jejak.tulis(&mut tx).await?;
        // A new password ends every session of the account.
        if lama.is_some() {
            tx.execute(
                "UPDATE sesi SET dicabut = $1 WHERE akun_id = $2",
                params![true, akun.id],
            )
            .await?;
        }
        tx.commit().await?;
        Ok(akun)
    }

    async fn simpan_akun_massal(&self, akun: &[AkunBaru], pelaku: &Pelaku) -> StoreResult<u64> {
        let Some(pertama) = akun.first() else {
            return Ok(0);
        };
        let mut tx = self.b.begin().await?;
        let mut jejak = JejakAudit::new(pertama.instansi_id, pelaku);
        let now = Utc::now();
        let mut n = 0;
        for a in akun {
            let r = tx
                .fetch_opt(
                    "INSERT INTO akun (instansi_id, username, password_hash, peran, pegawai_id, bahasa, dibuat) \
                     VALUES ($1, $2, $3, $4, $5, 'id', $6) ON CONFLICT (username) DO NOTHING RETURNING id",
                    params![a.instansi_id, &a.username, &a.password_hash, a.peran.kode(), a.pegawai_id, now],
                )
                .await?;
            if let Some(r) = r {
                n += 1;
                jejak.catat(
                    "buat",
                    "akun",
                    r.i64(0)?,
                    None,
                    Some(&(a.username.as_str(), a.peran.kode(), a.pegawai_id)),
                );
            }
        }
        jejak.tulis(&mut tx).await?;
        tx.commit().await?;
        Ok(n)
    }

    async fn akun_by_username(&self, username: &str) -> StoreResult<Option<Akun>> {
        let mut c = self.b.read().await?;
        c.fetch_opt(
            &format!("{AKUN_SELECT} WHERE username = $1"),
            params![username],
        )
        .await?
        .map(|r| akun_dari(&r, 0))
        .transpose()
    }

    async fn ubah_bahasa(&self, akun_id: i64, bahasa: &str) -> StoreResult<()> {
        let mut tx = self.b.begin().await?;
        tx.execute(
            "UPDATE akun SET bahasa = $1 WHERE id = $2",
            params![bahasa, akun_id],
        )
        .await?;
        tx.commit().await
    }

    async fn buat_sesi(&self, s: &SesiBaru) -> StoreResult<()> {
        let mut tx = self.b.begin().await?;
        let n = tx.execute(
            "INSERT INTO sesi (token_hash, instansi_id, akun_id, jenis, csrf, dibuat, kedaluwarsa, dicabut) \
             SELECT $1, instansi_id, $2, $3, $4, $5, $6, $7 FROM akun WHERE id = $2",
            params![&s.token_hash, s.akun_id, &s.jenis, &s.csrf, s.dibuat, s.kedaluwarsa, false],
        )
        .await?;
        if n != 1 {
            return Err(StoreError::TidakDitemukan(format!("akun {}", s.akun_id)));
        }
        tx.commit().await
    }

    async fn sesi_aktif(
        &self,
        token_hash: &str,
        sekarang: DateTime<Utc>,
    ) -> StoreResult<Option<(Sesi, Akun)>> {
        let mut c = self.b.read().await?;
        let r = c
            .fetch_opt(
                "SELECT s.token_hash, s.akun_id, s.jenis, s.csrf, s.kedaluwarsa, \
                        a.id, a.instansi_id, a.username, a.password_hash, a.peran, a.pegawai_id, a.bahasa \
                 FROM sesi s JOIN akun a ON a.id = s.akun_id \
                 WHERE s.token_hash = $1 AND s.dicabut = $2 AND s.kedaluwarsa > $3",
                params![token_hash, false, sekarang],
            )
            .await?;
        match r {
            None => Ok(None),
            Some(r) => Ok(Some((
                Sesi {
                    token_hash: r.text(0)?,
                    akun_id: r.i64(1)?,
                    jenis: r.text(2)?,
                    csrf: r.text(3)?,
                    kedaluwarsa: r.ts(4)?,
                },
                akun_dari(&r, 5)?,
            ))),
        }
    }

    async fn cabut_sesi(&self, token_hash: &str) -> StoreResult<()> {
        let mut tx = self.b.begin().await?;
        tx.execute(
            "UPDATE sesi SET dicabut = $1 WHERE token_hash = $2",
            params![true, token_hash],
        )
        .await?;
        tx.commit().await
    }

    async fn skp(&self, instansi_id: i64, id: i64) -> StoreResult<Option<SkpTersimpan>> {
        let mut c = self.b.read().await?;
        skp::skp_by_id(&mut c, instansi_id, id).await
    }

    async fn skp_tahun(
        &self,
        instansi_id: i64,
        pegawai_id: &[i64],
        tahun: i32,
    ) -> StoreResult<Vec<SkpTersimpan>> {
        let mut c = self.b.read().await?;
        skp::skp_tahun(&mut c, instansi_id, pegawai_id, tahun).await
    }

    async fn daftar_skp(
        &self,
        instansi_id: i64,
        filter: &FilterSkp,
    ) -> StoreResult<Halaman<RingkasanSkp>> {
        let mut c = self.b.read().await?;
        skp::daftar_skp(&mut c, instansi_id, filter).await
    }

    async fn buat_skp(
        &self,
        instansi_id: i64,
        s: &kinerja_domain::skp::Skp,
        asal_skp_id: Option<i64>,
        pelaku: &Pelaku,
    ) -> StoreResult<SkpTersimpan> {
        let mut tx = self.b.begin().await?;
        let mut jejak = JejakAudit::new(instansi_id, pelaku);
        let baru = skp::sisip_skp(&mut tx, instansi_id, s, asal_skp_id).await?;
        jejak.catat("buat", "skp", baru.skp.id, None, Some(&baru.skp));
        jejak.tulis(&mut tx).await?;
        tx.commit().await?;
        Ok(baru)
    }

    async fn simpan_skp(
        &self,
        instansi_id: i64,
        s: &kinerja_domain::skp::Skp,
        versi_dibaca: i64,
        aksi: &str,
        versi_baru: Option<&VersiBaru>,
        pelaku: &Pelaku,
    ) -> StoreResult<SkpTersimpan> {
        let mut tx = self.b.begin().await?;
        let mut jejak = JejakAudit::new(instansi_id, pelaku);
        let hasil = skp::tulis_skp(&mut tx, &mut jejak, s, versi_dibaca, aksi, versi_baru).await?;
        jejak.tulis(&mut tx).await?;
        tx.commit().await?;
        Ok(hasil)
    }

    async fn versi_skp(&self, instansi_id: i64, skp_id: i64) -> StoreResult<Vec<VersiSkp>> {
        let mut c = self.b.read().await?;
        skp::versi_skp(&mut c, instansi_id, skp_id).await
    }

    async fn isi_versi_skp(
        &self,
        instansi_id: i64,
        skp_id: i64,
        nomor: i32,
    ) -> StoreResult<Option<(VersiSkp, kinerja_domain::skp::Skp)>> {
        let mut c = self.b.read().await?;
        skp::isi_versi_skp(&mut c, instansi_id, skp_id, nomor).await
    }

    async fn rhk_anggota(
        &self,
        instansi_id: i64,
        rhk_pimpinan: &[i64],
    ) -> StoreResult<Vec<RhkAnggota>> {
        let mut c = self.b.read().await?;
        skp::rhk_anggota(&mut c, instansi_id, rhk_pimpinan).await
    }

    async fn mutasi_pegawai(
        &self,
        instansi_id: i64,
        pegawai_id: i64,
        jabatan_id: i64,
        tutup: Option<(&kinerja_domain::skp::Skp, i64)>,
        baru: Option<&kinerja_domain::skp::Skp>,
        pelaku: &Pelaku,
    ) -> StoreResult<Option<SkpTersimpan>> {
        let mut tx = self.b.begin().await?;
        let mut jejak = JejakAudit::new(instansi_id, pelaku);
        let lama = tx
            .fetch_opt(
                "SELECT jabatan_id FROM pegawai WHERE id = $1 AND instansi_id = $2",
                params![pegawai_id, instansi_id],
            )
            .await?
            .ok_or_else(|| StoreError::TidakDitemukan(format!("pegawai {pegawai_id}")))?
            .opt_i64(0)?;
        tx.execute(
            "UPDATE pegawai SET jabatan_id = $1 WHERE id = $2 AND instansi_id = $3",
            params![jabatan_id, pegawai_id, instansi_id],
        )
        .await?;
        naikkan_versi_organisasi(&mut tx, instansi_id).await?;
        jejak.catat(
            "mutasi",
            "pegawai",
            pegawai_id,
            Some(&serde_json::json!({ "jabatan_id": lama })),
            Some(&serde_json::json!({ "jabatan_id": jabatan_id })),
        );
        if let Some((s, versi)) = tutup {
            skp::tulis_skp(&mut tx, &mut jejak, s, versi, "tutup_mutasi", None).await?;
        }
        let hasil = match baru {
            Some(s) => {
                let b = skp::sisip_skp(&mut tx, instansi_id, s, tutup.map(|(t, _)| t.id)).await?;
                jejak.catat("buat", "skp", b.skp.id, None, Some(&b.skp));
                Some(b)
            }
            None => None,
        };
        jejak.tulis(&mut tx).await?;
        tx.commit().await?;
        Ok(hasil)
    }

    async fn status_skp_tahun(
        &self,
        instansi_id: i64,
        tahun: i32,
    ) -> StoreResult<Vec<StatusSkpUnit>> {
        let mut c = self.b.read().await?;
        skp::status_skp_tahun(&mut c, instansi_id, tahun).await
    }

    async fn buat_penugasan(
        &self,
        instansi_id: i64,
        b: &PenugasanBaru,
        pelaku: &Pelaku,
    ) -> StoreResult<Penugasan> {
        let mut tx = self.b.begin().await?;
        let mut jejak = JejakAudit::new(instansi_id, pelaku);
        let id = tx
            .fetch_one(
                "INSERT INTO penugasan (instansi_id, tahun, pemberi_pegawai_id, pegawai_id, unit_id, induk_id, uraian, ekspektasi, status, dibuat) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
                params![instansi_id, b.tahun, b.pemberi_pegawai_id, b.pegawai_id, b.unit_id, b.induk_id, &b.uraian, &b.ekspektasi, &b.status, crate::sql::sekarang()],
            )
            .await?
            .i64(0)?;
        let p = skp::penugasan_by_id(&mut tx, id).await?;
        jejak.catat("buat", "penugasan", id, None, Some(&p));
        jejak.tulis(&mut tx).await?;
        tx.commit().await?;
        Ok(p)
    }

    async fn penugasan(&self, instansi_id: i64, id: i64) -> StoreResult<Option<Penugasan>> {
        let mut c = self.b.read().await?;
        c.fetch_opt(
            &skp::sql_penugasan("instansi_id = $1 AND id = $2"),
            params![instansi_id, id],
        )
        .await?
        .map(|r| skp::penugasan_dari(&r))
        .transpose()
    }

    async fn daftar_penugasan(
        &self,
        instansi_id: i64,
        f: &FilterPenugasan,
    ) -> StoreResult<Vec<Penugasan>> {
        let mut c = self.b.read().await?;
        let mut p = params![
            instansi_id,
            f.pemberi_pegawai_id,
            f.status.clone(),
            f.tahun.map(|t| t as i64),
            f.limit.clamp(1, 500)
        ];
        let mut syarat = String::new();
        if let Some(ids) = &f.pegawai_id {
            if ids.is_empty() {
                return Ok(Vec::new());
            }
            syarat = format!(" AND pegawai_id IN ({})", skp::tempat(6, ids.len()));
            p.extend(ids.iter().map(|&i| crate::sql::Param::from(i)));
        }
        c.fetch(
            &format!(
                "{} ORDER BY id DESC LIMIT $5",
                skp::sql_penugasan(&format!(
                    "instansi_id = $1 AND ($2 IS NULL OR pemberi_pegawai_id = $2) AND ($3 IS NULL OR status = $3) \
                     AND ($4 IS NULL OR tahun = $4){syarat}"
                ))
            ),
            p,
        )
        .await?
        .iter()
        .map(skp::penugasan_dari)
        .collect()
    }

    async fn tolak_penugasan(
        &self,
        instansi_id: i64,
        id: i64,
        alasan: &str,
        pelaku: &Pelaku,
    ) -> StoreResult<Penugasan> {
        let mut tx = self.b.begin().await?;
        let mut jejak = JejakAudit::new(instansi_id, pelaku);
        let lama = putuskan_penugasan(
            &mut tx,
            instansi_id,
            id,
            "ditolak",
            Some(alasan),
            None,
            pelaku,
        )
        .await?;
        let baru = skp::penugasan_by_id(&mut tx, id).await?;
        jejak.catat("tolak", "penugasan", id, Some(&lama), Some(&baru));
        jejak.tulis(&mut tx).await?;
        tx.commit().await?;
        Ok(baru)
    }

    async fn terima_penugasan(
        &self,
        instansi_id: i64,
        id: i64,
        s: &kinerja_domain::skp::Skp,
        rhk_index: usize,
        versi_dibaca: i64,
        versi_baru: Option<&VersiBaru>,
        pelaku: &Pelaku,
    ) -> StoreResult<(Penugasan, SkpTersimpan)> {
        let mut tx = self.b.begin().await?;
        let mut jejak = JejakAudit::new(instansi_id, pelaku);
        let hasil = skp::tulis_skp(
            &mut tx,
            &mut jejak,
            s,
            versi_dibaca,
            "terima_penugasan",
            versi_baru,
        )
        .await?;
        let rhk_id = hasil.skp.rhk.get(rhk_index).and_then(|r| r.id);
        let lama =
            putuskan_penugasan(&mut tx, instansi_id, id, "diterima", None, rhk_id, pelaku).await?;
        let baru = skp::penugasan_by_id(&mut tx, id).await?;
        jejak.catat("terima", "penugasan", id, Some(&lama), Some(&baru));
        jejak.tulis(&mut tx).await?;
        tx.commit().await?;
        Ok((baru, hasil))
    }

    async fn buat_tugas(
        &self,
        instansi_id: i64,
        jenis: &str,
        tahun: i32,
        total: i64,
        pelaku: &Pelaku,
    ) -> StoreResult<Tugas> {
        let mut tx = self.b.begin().await?;
        if let Some(r) = tx
            .fetch_opt(
                &skp::sql_tugas(
                    "instansi_id = $1 AND jenis = $2 AND tahun = $3 AND status = 'berjalan'",
                ),
                params![instansi_id, jenis, tahun],
            )
            .await?
        {
            return skp::tugas_dari(&r);
        }
        let now = crate::sql::sekarang();
        let r = tx
            .fetch_one(
                "INSERT INTO tugas (instansi_id, jenis, tahun, status, total, pelaku, dibuat, diperbarui) \
                 VALUES ($1, $2, $3, 'berjalan', $4, $5, $6, $7) RETURNING id",
                params![instansi_id, jenis, tahun, total, &pelaku.nama, now, now],
            )
            .await?;
        let id = r.i64(0)?;
        let t = skp::tugas_by_id(&mut tx, id).await?;
        let mut jejak = JejakAudit::new(instansi_id, pelaku);
        jejak.catat("buat", "tugas", id, None, Some(&t));
        jejak.tulis(&mut tx).await?;
        tx.commit().await?;
        Ok(t)
    }

    async fn tugas(&self, instansi_id: i64, id: i64) -> StoreResult<Option<Tugas>> {
        let mut c = self.b.read().await?;
        c.fetch_opt(
            &skp::sql_tugas("instansi_id = $1 AND id = $2"),
            params![instansi_id, id],
        )
        .await?
        .map(|r| skp::tugas_dari(&r))
        .transpose()
    }

    async fn tugas_berjalan(&self) -> StoreResult<Vec<Tugas>> {
        let mut c = self.b.read().await?;
        c.fetch(
            &skp::sql_tugas("status = 'berjalan' ORDER BY id"),
            params![],
        )
        .await?
        .iter()
        .map(skp::tugas_dari)
        .collect()
    }

    async fn tugas_terakhir(
        &self,
        instansi_id: i64,
        jenis: &str,
        tahun: i32,
    ) -> StoreResult<Option<Tugas>> {
        let mut c = self.b.read().await?;
        c.fetch_opt(
            &skp::sql_tugas(
                "instansi_id = $1 AND jenis = $2 AND tahun = $3 ORDER BY id DESC LIMIT 1",
            ),
            params![instansi_id, jenis, tahun],
        )
        .await?
        .map(|r| skp::tugas_dari(&r))
        .transpose()
    }

    async fn pegawai_mulai(
        &self,
        instansi_id: i64,
        setelah: i64,
        limit: i64,
    ) -> StoreResult<Vec<PegawaiMulai>> {
        let mut c = self.b.read().await?;
        c.fetch(
            "SELECT p.id, p.jabatan_id, j.unit_id, j.jenis_jabatan FROM pegawai p LEFT JOIN jabatan j ON j.id = p.jabatan_id \
             WHERE p.instansi_id = $1 AND p.id > $2 ORDER BY p.id LIMIT $3",
            params![instansi_id, setelah, limit],
        )
        .await?
        .iter()
        .map(|r| {
            Ok(PegawaiMulai {
                id: r.i64(0)?,
                jabatan_id: r.opt_i64(1)?,
                unit_id: r.opt_i64(2)?,
                jenis_jabatan: r.opt_parse(3)?,
            })
        })
        .collect()
    }

    async fn skp_tahun_lalu(
        &self,
        instansi_id: i64,
        pegawai_id: &[i64],
        tahun: i32,
    ) -> StoreResult<Vec<kinerja_domain::skp::Skp>> {
        let mut c = self.b.read().await?;
        skp::skp_terakhir(&mut c, instansi_id, pegawai_id, tahun).await
    }

    async fn langkah_mulai_tahun(
        &self,
        t: &Tugas,
        daftar: &[(kinerja_domain::skp::Skp, Option<i64>)],
        kursor: i64,
        diproses: i64,
        selesai: bool,
    ) -> StoreResult<Tugas> {
        let mut tx = self.b.begin().await?;
        let dibuat = skp::sisip_skp_massal(&mut tx, t.instansi_id, daftar).await?;
        let n = tx
            .execute(
                "UPDATE tugas SET kursor = $1, diproses = $2, dibuat_skp = dibuat_skp + $3, \
                 status = CASE WHEN $4 THEN 'selesai' ELSE status END, diperbarui = $5 \
                 WHERE id = $6 AND status = 'berjalan' AND kursor = $7",
                params![
                    kursor,
                    diproses,
                    dibuat.len() as i64,
                    selesai,
                    crate::sql::sekarang(),
                    t.id,
                    t.kursor
                ],
            )
            .await?;
        if n == 0 {
            return Err(StoreError::Konflik(format!(
                "tugas {} sudah dikerjakan proses lain atau tidak berjalan lagi",
                t.id
            )));
        }
        let baru = skp::tugas_by_id(&mut tx, t.id).await?;
        if !dibuat.is_empty() || selesai {
            let pelaku = Pelaku {
                akun_id: None,
                nama: t.pelaku.clone(),
            };
            let mut jejak = JejakAudit::new(t.instansi_id, &pelaku);
            jejak.catat(
                "mulai_tahun",
                "tugas",
                t.id,
                None,
                Some(&serde_json::json!({ "tahun": t.tahun, "skp_dibuat": dibuat, "kursor": kursor, "selesai": selesai })),
            );
            jejak.tulis(&mut tx).await?;
        }
        tx.commit().await?;
        Ok(baru)
    }

    async fn gagalkan_tugas(&self, id: i64, pesan: &str) -> StoreResult<()> {
        let mut tx = self.b.begin().await?;
        tx.execute(
            "UPDATE tugas SET status = 'gagal', pesan = $1, diperbarui = $2 WHERE id = $3 AND status = 'berjalan'",
            params![pesan, crate::sql::sekarang(), id],
        )
        .await?;
        tx.commit().await
    }

    async fn daftar_audit(&self, instansi_id: i64, limit: i64) -> StoreResult<Vec<EntriAudit>> {
        let mut c = self.b.read().await?;
        c.fetch(
            &format!("{AUDIT_SELECT} WHERE instansi_id = $1 ORDER BY seq DESC LIMIT $2"),
            params![instansi_id, limit],
        )
        .await?
        .iter()
        .map(audit_dari)
        .collect()
    }

    async fn verifikasi_audit(&self) -> StoreResult<HasilVerifikasi> {
        let mut c = self.b.read().await?;
        let rows = c
            .fetch(
                &format!("{AUDIT_SELECT} ORDER BY instansi_id, seq"),
                params![],
            )
            .await?;
        let entri = rows
            .iter()
            .map(audit_dari)
            .collect::<StoreResult<Vec<_>>>()?;
        Ok(audit::verifikasi(entri))
    }
}

const ATURAN_SELECT: &str = "SELECT tipe_unit, posisi, pejabat_penilai, atasan_pejabat_penilai, keterangan FROM aturan_penilai \
     WHERE instansi_id = $1 ORDER BY urutan";

fn aturan_dari(r: &Row) -> StoreResult<AturanPenilai> {
    Ok(AturanPenilai {
        tipe_unit: r.text(0)?,
        posisi: r.text(1)?,
        pejabat_penilai: r.text(2)?,
        atasan_pejabat_penilai: r.text(3)?,
        keterangan: r.text(4)?,
    })
}

const AUDIT_SELECT: &str = "SELECT instansi_id, seq, waktu, pelaku, aksi, entitas, entitas_id, sebelum, sesudah, hash_sebelumnya, hash FROM audit_log";

fn audit_dari(r: &Row) -> StoreResult<EntriAudit> {
    Ok(EntriAudit {
        instansi_id: r.i64(0)?,
        seq: r.i64(1)?,
        waktu: r.ts(2)?,
        pelaku: r.text(3)?,
        aksi: r.text(4)?,
        entitas: r.text(5)?,
        entitas_id: r.text(6)?,
        sebelum: r.opt_text(7)?,
        sesudah: r.opt_text(8)?,
        hash_sebelumnya: r.text(9)?,
        hash: r.text(10)?,
    })
}

/// Decide a waiting assignment; anything but `menunggu_penilai` is a conflict. Answers it as it
/// was before.
async fn putuskan_penugasan<T: Tx>(
    tx: &mut T,
    instansi_id: i64,
    id: i64,
    status: &str,
    alasan: Option<&str>,
    rhk_id: Option<i64>,
    pelaku: &Pelaku,
) -> StoreResult<Penugasan> {
    let lama = tx
        .fetch_opt(
            &skp::sql_penugasan("instansi_id = $1 AND id = $2"),
            params![instansi_id, id],
        )
        .await?
        .map(|r| skp::penugasan_dari(&r))
        .transpose()?
        .ok_or_else(|| StoreError::TidakDitemukan(format!("penugasan {id}")))?;
    let n = tx
        .execute(
            "UPDATE penugasan SET status = $1, alasan = $2, rhk_id = $3, diputuskan = $4, diputuskan_oleh = $5 \
             WHERE id = $6 AND instansi_id = $7 AND status = 'menunggu_penilai'",
            params![status, alasan, rhk_id, crate::sql::sekarang(), &pelaku.nama, id, instansi_id],
        )
        .await?;
    if n == 0 {
        return Err(StoreError::Konflik(format!(
            "penugasan ini sudah diputuskan ({})",
            lama.status
        )));
    }
    Ok(lama)
}
