//! Rewards after the annual close (Pasal 32; PP 30/2019 Pasal 53), followed by the HR admin:
//! who qualifies in a year (Sangat Baik two years in a row → talent-pool / succession priority;
//! Baik two years in a row → competency-development priority), computed from the signed annual
//! evaluations each time (no second copy), and what was granted, recorded and audited.

use crate::akses::Pengguna;
use crate::error::{teks_bebas, AppError, AppResult};
use crate::skp::hari_ini;
use crate::App;
use chrono::{Datelike, NaiveDate};
use kinerja_domain::enumerasi::Enumerasi;
use kinerja_domain::kuadran::Predikat;
use kinerja_domain::penghargaan::{alasan_tidak_layak, kelayakan, JenisPenghargaan};
use kinerja_store::{Pegawai, Penghargaan, PenghargaanBaru};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use utoipa::ToSchema;

/// Rows per page of the list.
pub const HALAMAN_PENGHARGAAN: usize = 100;

/// A pegawai who qualifies, with what was already granted for the year.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CalonPenghargaan {
    pub pegawai: Pegawai,
    pub jenis: JenisPenghargaan,
    pub predikat_tahun_lalu: Predikat,
    pub predikat_tahun_ini: Predikat,
    /// The annual evaluation of the year.
    pub evaluasi_id: i64,
    /// Rewards recorded for this pegawai and year.
    pub diberikan: Vec<Penghargaan>,
}

/// How many qualify, per kind.
#[derive(Debug, Clone, Default, Serialize, ToSchema)]
pub struct JumlahPenghargaan {
    pub prioritas_talenta: usize,
    pub prioritas_pengembangan: usize,
    /// Of those, how many already have a reward recorded.
    pub sudah_dicatat: usize,
}

/// The rewards of a year: who qualifies for one kind (paged by pegawai id), and every reward
/// recorded for the year.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DaftarPenghargaan {
    pub tahun: i32,
    pub jenis: JenisPenghargaan,
    pub jumlah: JumlahPenghargaan,
    pub items: Vec<CalonPenghargaan>,
    /// Pass as `cursor` for the next page.
    pub next_cursor: Option<String>,
    /// Every reward recorded for the year (newest first), with its pegawai.
    pub tercatat: Vec<PenghargaanTercatat>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PenghargaanTercatat {
    #[serde(flatten)]
    pub penghargaan: Penghargaan,
    pub pegawai: Option<Pegawai>,
}

/// Recording a reward.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct PenghargaanMasuk {
    pub pegawai_id: Option<i64>,
    /// The year of the second annual predikat (the year closed).
    pub tahun: Option<i32>,
    /// `prioritas_talenta`, `prioritas_pengembangan` or `lainnya`.
    pub jenis: Option<String>,
    /// What was granted.
    pub bentuk: Option<String>,
    /// Default today.
    pub tanggal: Option<NaiveDate>,
    pub nomor_dokumen: Option<String>,
    pub catatan: Option<String>,
}

/// The year closed by default: last year (the annual evaluations are signed in January).
pub fn tahun_tutup() -> i32 {
    hari_ini().year() - 1
}

/// A year as planning takes one (`domain::skp::RENTANG_TAHUN`), 422 on `tahun` otherwise.
fn tahun_sah(t: i32) -> AppResult<i32> {
    kinerja_domain::skp::periksa_tahun(t)?;
    Ok(t)
}

impl App {
    /// Who qualifies for a kind of reward in `tahun` (default last year; kind default talent
    /// pool), a page after `cursor` (a pegawai id), with the year's recorded rewards (HR admin).
    pub async fn daftar_penghargaan(
        &self,
        p: &Pengguna,
        tahun: Option<i32>,
        jenis: Option<&str>,
        cursor: Option<&str>,
    ) -> AppResult<DaftarPenghargaan> {
        p.wajib_admin()?;
        let inst = p.instansi_id();
        let tahun = tahun_sah(tahun.unwrap_or_else(tahun_tutup))?;
        let jenis = match jenis.map(str::trim).filter(|s| !s.is_empty()) {
            None => JenisPenghargaan::PrioritasTalenta,
            Some(j) => JenisPenghargaan::dari_kode(j)
                .map_err(|e| AppError::bidang_tidak_valid_persis("jenis", e.to_string()))?,
        };
        let setelah = match cursor.map(str::trim).filter(|s| !s.is_empty()) {
            None => 0,
            Some(c) => c.parse::<i64>().map_err(|_| {
                AppError::bidang_tidak_valid("cursor", "Kursor halaman tidak terbaca")
            })?,
        };
        let pasangan = self.store.predikat_dua_tahun(inst, tahun, None).await?;
        let tercatat = self
            .store
            .daftar_penghargaan(inst, Some(tahun), None)
            .await?;
        let mut per_pegawai: HashMap<i64, Vec<Penghargaan>> = HashMap::new();
        for t in &tercatat {
            per_pegawai.entry(t.pegawai_id).or_default().push(t.clone());
        }
        let mut jumlah = JumlahPenghargaan::default();
        let mut layak = Vec::new();
        for x in &pasangan {
            let Some(j) = kelayakan(x.tahun_lalu, x.tahun_ini) else {
                continue;
            };
            match j {
                JenisPenghargaan::PrioritasTalenta => jumlah.prioritas_talenta += 1,
                JenisPenghargaan::PrioritasPengembangan => jumlah.prioritas_pengembangan += 1,
                JenisPenghargaan::Lainnya => {}
            }
            if per_pegawai
                .get(&x.pegawai_id)
                .is_some_and(|v| v.iter().any(|t| t.jenis == j))
            {
                jumlah.sudah_dicatat += 1;
            }
            if j == jenis && x.pegawai_id > setelah {
                layak.push(x);
            }
        }
        // `pasangan` is ordered by pegawai id: a page is the next ones after the cursor.
        let berikut = layak.len() > HALAMAN_PENGHARGAAN;
        layak.truncate(HALAMAN_PENGHARGAAN);
        let next_cursor = berikut
            .then(|| layak.last().map(|x| x.pegawai_id.to_string()))
            .flatten();
        let mut ids: Vec<i64> = layak.iter().map(|x| x.pegawai_id).collect();
        ids.extend(tercatat.iter().map(|t| t.pegawai_id));
        let orang: HashMap<i64, Pegawai> = self
            .pegawai_id(inst, &ids)
            .await?
            .into_iter()
            .map(|g| (g.id, g))
            .collect();
        let items = layak
            .into_iter()
            .filter_map(|x| {
                Some(CalonPenghargaan {
                    pegawai: orang.get(&x.pegawai_id)?.clone(),
                    jenis,
                    predikat_tahun_lalu: x.tahun_lalu,
                    predikat_tahun_ini: x.tahun_ini,
                    evaluasi_id: x.evaluasi_id,
                    diberikan: per_pegawai.remove(&x.pegawai_id).unwrap_or_default(),
                })
            })
            .collect();
        Ok(DaftarPenghargaan {
            tahun,
            jenis,
            jumlah,
            items,
            next_cursor,
            tercatat: tercatat
                .into_iter()
                .map(|t| PenghargaanTercatat {
                    pegawai: orang.get(&t.pegawai_id).cloned(),
                    penghargaan: t,
                })
                .collect(),
        })
    }

    /// Record a reward granted (HR admin). A priority reward only for a pegawai who qualifies
    /// for it in that year; "lainnya" for anyone.
    pub async fn catat_penghargaan(
        &self,
        p: &Pengguna,
        m: PenghargaanMasuk,
    ) -> AppResult<Penghargaan> {
        p.wajib_admin()?;
        let inst = p.instansi_id();
        let mut galat = std::collections::BTreeMap::new();
        let pegawai_id = m.pegawai_id;
        if pegawai_id.is_none() {
            galat.insert(
                "pegawai_id".to_string(),
                "Pegawai wajib dipilih".to_string(),
            );
        }
        let tahun = match m.tahun {
            None => {
                galat.insert("tahun".into(), "Tahun wajib diisi".into());
                None
            }
            Some(t) => match tahun_sah(t) {
                Ok(t) => Some(t),
                Err(e) => {
                    galat.extend(e.bidang());
                    None
                }
            },
        };
        let jenis = match m.jenis.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            None => {
                galat.insert("jenis".into(), "Jenis penghargaan wajib dipilih".into());
                None
            }
            Some(j) => match JenisPenghargaan::dari_kode(j) {
                Ok(j) => Some(j),
                Err(e) => {
                    galat.insert("jenis".into(), e.to_string());
                    None
                }
            },
        };
        let bentuk = teks_bebas(&m.bentuk, "bentuk", 300);
        let nomor_dokumen = teks_bebas(&m.nomor_dokumen, "nomor_dokumen", 200);
        let catatan = teks_bebas(&m.catatan, "catatan", 2000);
        for r in [&bentuk, &nomor_dokumen, &catatan] {
            if let Err(e) = r {
                galat.extend(e.bidang());
            }
        }
        let bentuk = bentuk.ok().flatten();
        if bentuk.is_none() && !galat.contains_key("bentuk") {
            galat.insert(
                "bentuk".into(),
                "Tuliskan bentuk penghargaan yang diberikan".into(),
            );
        }
        let (Some(pegawai_id), Some(tahun), Some(jenis), Some(bentuk), true) =
            (pegawai_id, tahun, jenis, bentuk, galat.is_empty())
        else {
            return Err(AppError::tidak_valid(galat));
        };
        if self.pegawai_id(inst, &[pegawai_id]).await?.is_empty() {
            return Err(AppError::TidakDitemukan(format!(
                "Pegawai {pegawai_id} tidak ditemukan"
            )));
        }
        let pasangan = self
            .store
            .predikat_dua_tahun(inst, tahun, Some(pegawai_id))
            .await?
            .pop()
            .map(|x| (x.tahun_lalu, x.tahun_ini));
        if let Some(alasan) = alasan_tidak_layak(jenis, tahun, pasangan) {
            return Err(AppError::bidang_tidak_valid_persis("jenis", alasan));
        }
        let baru = PenghargaanBaru {
            pegawai_id,
            tahun,
            jenis,
            bentuk,
            tanggal: m.tanggal.unwrap_or_else(hari_ini),
            nomor_dokumen: nomor_dokumen.ok().flatten(),
            catatan: catatan.ok().flatten(),
        };
        Ok(self
            .store
            .catat_penghargaan(inst, &baru, &p.pelaku())
            .await?)
    }
}
