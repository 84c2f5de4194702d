//! Monthly documentation (Pasal 16(3)): the pegawai's month, evidence uploads and links, and the
//! rater's view of the team's month.

use super::{KonteksSkp, PeranPelaksanaan};
use crate::akses::Pengguna;
use crate::error::{AppError, AppResult};
use crate::skp::hari_ini;
use crate::App;
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use kinerja_domain::pelaksanaan::kalender::{batas_dokumentasi, berkala_berikutnya};
use kinerja_domain::pelaksanaan::realisasi::{
    bulan_skp, periksa_keterangan_bukti, periksa_realisasi, periksa_status, periksa_tautan,
    KelengkapanIki, RealisasiMasuk,
};
use kinerja_domain::periode::nama_bulan;
use kinerja_domain::skp::StatusSkp;
use kinerja_store::{Bukti, BuktiBaru, Pegawai, Realisasi};
use serde::Serialize;
use std::collections::HashMap;
use utoipa::ToSchema;

/// One IKI in a month.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct IkiBulan {
    pub iki_id: i64,
    pub indikator: String,
    pub target: String,
    pub realisasi: Option<Realisasi>,
    pub kelengkapan: KelengkapanIki,
    pub kelengkapan_label: String,
}

/// One RHK in a month.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RhkBulan {
    pub rhk_id: i64,
    pub uraian: String,
    pub jenis: String,
    /// The leader's note when the RHK was taken over (Pasal 20(7)).
    pub diambil_alih: Option<String>,
    pub iki: Vec<IkiBulan>,
}

/// A pegawai's month: every IKI of the set SKP, its realisation and evidence, what is missing.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct BulanRealisasi {
    pub skp_id: i64,
    pub tahun: i32,
    pub bulan: u32,
    pub label_bulan: String,
    /// The months this SKP covers that have begun.
    pub bulan_tersedia: Vec<u32>,
    pub pegawai: Pegawai,
    /// The caller: pemilik, penilai, atasan, admin, pemberi_penugasan.
    pub peran: String,
    /// The last day to document this month.
    pub batas: NaiveDate,
    pub lewat_batas: bool,
    pub rhk: Vec<RhkBulan>,
    /// What is still missing, in Bahasa Indonesia.
    pub kekurangan: Vec<String>,
    /// The caller may write realisation and evidence (the pegawai, on a set SKP).
    pub boleh_ubah: bool,
}

/// One member of the team in the month view.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct BarisTim {
    pub pegawai: Pegawai,
    pub skp_id: Option<i64>,
    pub status_skp: Option<StatusSkp>,
    pub jumlah_iki: i64,
    pub iki_terisi: i64,
    pub iki_berbukti: i64,
    /// lengkap, sebagian, belum, skp_belum_ditetapkan, tanpa_skp.
    pub status: String,
    pub status_label: String,
    /// Incomplete after the month's deadline.
    pub terlambat: bool,
    pub diubah_terakhir: Option<DateTime<Utc>>,
    /// When the rater's next berkala feedback is due.
    pub berkala_berikutnya: Option<NaiveDate>,
    pub berkala_terlambat: bool,
}

/// The rater's month at a glance.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct BulanTim {
    pub tahun: i32,
    pub bulan: u32,
    pub label_bulan: String,
    pub batas: NaiveDate,
    pub baris: Vec<BarisTim>,
    pub jumlah_lengkap: usize,
    pub jumlah_terlambat: usize,
    pub jumlah_berkala_terlambat: usize,
}

fn wajib_pemilik(k: &KonteksSkp) -> AppResult<()> {
    if k.peran == PeranPelaksanaan::Pemilik {
        Ok(())
    } else {
        Err(AppError::Dilarang(
            "Hanya pegawai pemilik SKP yang mencatat realisasi dan bukti dukungnya".into(),
        ))
    }
}

fn bukti_tidak_ada(id: i64) -> AppError {
    AppError::TidakDitemukan(format!("Bukti dukung {id} tidak ditemukan"))
}

impl App {
    /// A pegawai's documentation of one month (the current one by default).
    pub async fn bulan_realisasi(
        &self,
        p: &Pengguna,
        skp_id: i64,
        bulan: Option<u32>,
    ) -> AppResult<BulanRealisasi> {
        let k = self.konteks_skp(p, skp_id).await?;
        if matches!(
            k.peran,
            PeranPelaksanaan::Rekan | PeranPelaksanaan::Bawahan | PeranPelaksanaan::Diminta
        ) {
            return Err(AppError::Dilarang(
                "Realisasi dan bukti dukung hanya terlihat oleh pegawai, pejabat penilai, atasannya, pemberi penugasan dan admin".into(),
            ));
        }
        let skp = &k.s.skp;
        let hari = hari_ini();
        let tersedia: Vec<u32> = bulan_skp(skp)
            .filter(|&b| NaiveDate::from_ymd_opt(skp.tahun, b, 1).is_some_and(|d| d <= hari))
            .collect();
        let bulan = match bulan {
            Some(b) => {
                kinerja_domain::pelaksanaan::realisasi::periksa_bulan(skp, b, hari)?;
                b
            }
            None => tersedia
                .iter()
                .copied()
                .rfind(|&b| skp.tahun < hari.year() || b <= hari.month())
                .unwrap_or(skp.mulai.month()),
        };
        let inst = p.instansi_id();
        let mut per_iki: HashMap<i64, Realisasi> = self
            .store
            .realisasi_skp(inst, skp_id, Some(bulan))
            .await?
            .into_iter()
            .map(|r| (r.iki_id, r))
            .collect();
        let diambil: HashMap<i64, String> = self
            .store
            .daftar_tindak_lanjut(inst, skp_id)
            .await?
            .into_iter()
            .filter(|t| {
                t.jenis == kinerja_domain::pelaksanaan::tindak_lanjut::JenisTindakLanjut::AmbilAlih
            })
            .filter_map(|t| t.rhk_id.map(|r| (r, t.uraian)))
            .collect();
        let mut kekurangan = Vec::new();
        let mut rhk = Vec::new();
        for r in &skp.rhk {
            let rid = r.id.unwrap_or_default();
            if !k.peran.lihat_rhk(rid) {
                continue;
            }
            let diambil_alih = diambil.get(&rid).cloned();
            let iki = r
                .iki
                .iter()
                .map(|i| {
                    let iid = i.id.unwrap_or_default();
                    let real = per_iki.remove(&iid);
                    let kel = KelengkapanIki::dari(
                        real.is_some(),
                        real.as_ref().map_or(0, |x| x.bukti.len()),
                    );
                    if kel != KelengkapanIki::Lengkap && diambil_alih.is_none() {
                        kekurangan.push(format!("{}: {}", i.indikator, kel.label()));
                    }
                    IkiBulan {
                        iki_id: iid,
                        indikator: i.indikator.clone(),
                        target: i.target.teks.clone(),
                        realisasi: real,
                        kelengkapan: kel,
                        kelengkapan_label: kel.label().into(),
                    }
                })
                .collect();
            rhk.push(RhkBulan {
                rhk_id: rid,
                uraian: r.uraian.clone(),
                jenis: r.jenis.kode().into(),
                diambil_alih,
                iki,
            });
        }
        let pegawai = self
            .pegawai_id(inst, &[skp.pegawai_id])
            .await?
            .pop()
            .ok_or_else(|| super::skp_tidak_ada(skp_id))?;
        let batas = batas_dokumentasi(skp.tahun, bulan);
        Ok(BulanRealisasi {
            skp_id,
            tahun: skp.tahun,
            bulan,
            label_bulan: format!("{} {}", nama_bulan(bulan), skp.tahun),
            bulan_tersedia: tersedia,
            pegawai,
            peran: k.peran.kode().into(),
            batas,
            lewat_batas: hari > batas,
            rhk,
            kekurangan,
            boleh_ubah: k.peran == PeranPelaksanaan::Pemilik && periksa_status(skp).is_ok(),
        })
    }

    /// Write the realisation of one IKI for one month (the pegawai's own SKP only).
    pub async fn simpan_realisasi(
        &self,
        p: &Pengguna,
        skp_id: i64,
        m: RealisasiMasuk,
    ) -> AppResult<Realisasi> {
        let k = self.konteks_skp(p, skp_id).await?;
        wajib_pemilik(&k)?;
        let sah = periksa_realisasi(&k.s.skp, &m, hari_ini())?;
        self.periksa_bulan_terkunci(p.instansi_id(), &k.s.skp, sah.bulan)
            .await?;
        Ok(self
            .store
            .simpan_realisasi(p.instansi_id(), k.s.skp.pegawai_id, &sah, &p.pelaku())
            .await?)
    }

    /// The realisation a piece of evidence is added to, checked to be the caller's own and open.
    async fn realisasi_milik(&self, p: &Pengguna, realisasi_id: i64) -> AppResult<Realisasi> {
        let r = self
            .store
            .realisasi(p.instansi_id(), realisasi_id)
            .await?
            .ok_or_else(|| {
                AppError::TidakDitemukan(format!("Realisasi {realisasi_id} tidak ditemukan"))
            })?;
        let k = self.konteks_skp(p, r.skp_id).await?;
        wajib_pemilik(&k)?;
        periksa_status(&k.s.skp)?;
        self.periksa_bulan_terkunci(p.instansi_id(), &k.s.skp, r.bulan)
            .await?;
        if r.bukti.len() >= 20 {
            return Err(AppError::Konflik(
                "Paling banyak 20 bukti dukung untuk satu realisasi".into(),
            ));
        }
        Ok(r)
    }

    /// Upload a file as evidence, streamed into the storage (checked on its content, limited in
    /// size, with its SHA-256). The description defaults to the file name.
    pub async fn unggah_bukti(
        &self,
        p: &Pengguna,
        realisasi_id: i64,
        keterangan: Option<&str>,
        nama_berkas: &str,
        isi: &mut (dyn tokio::io::AsyncRead + Unpin + Send),
    ) -> AppResult<Bukti> {
        let nama = nama_berkas_bersih(nama_berkas)?;
        let keterangan =
            periksa_keterangan_bukti(keterangan.filter(|k| !k.trim().is_empty()).unwrap_or(&nama))?;
        self.realisasi_milik(p, realisasi_id).await?;
        let berkas = self.bukti.simpan(&nama, isi, self.batas_unggah).await?;
        let baru = BuktiBaru {
            keterangan,
            url: None,
            nama_berkas: Some(nama),
            jenis_berkas: Some(berkas.jenis.kode().into()),
            ukuran: Some(berkas.ukuran as i64),
            sha256: Some(berkas.sha256.clone()),
            kunci: Some(berkas.kunci.clone()),
        };
        match self
            .store
            .tambah_bukti(p.instansi_id(), realisasi_id, &baru, &p.pelaku())
            .await
        {
            Ok(b) => Ok(b),
            Err(e) => {
                // Nothing half-written: the file goes when its record could not be stored.
                let _ = self.bukti.hapus(&berkas.kunci).await;
                Err(e.into())
            }
        }
    }

    /// Add a link as evidence.
    pub async fn tautan_bukti(
        &self,
        p: &Pengguna,
        realisasi_id: i64,
        url: &str,
        keterangan: &str,
    ) -> AppResult<Bukti> {
        let url = periksa_tautan(url)?;
        let keterangan = periksa_keterangan_bukti(keterangan)?;
        self.realisasi_milik(p, realisasi_id).await?;
        let baru = BuktiBaru {
            keterangan,
            url: Some(url),
            nama_berkas: None,
            jenis_berkas: None,
            ukuran: None,
            sha256: None,
            kunci: None,
        };
        Ok(self
            .store
            .tambah_bukti(p.instansi_id(), realisasi_id, &baru, &p.pelaku())
            .await?)
    }

    /// A piece of evidence the caller may see.
    pub async fn bukti_terlihat(
        &self,
        p: &Pengguna,
        id: i64,
    ) -> AppResult<(Bukti, PeranPelaksanaan)> {
        let b = self
            .store
            .bukti(p.instansi_id(), id)
            .await?
            .ok_or_else(|| bukti_tidak_ada(id))?;
        let k = self
            .konteks_skp(p, b.skp_id)
            .await
            .map_err(|_| bukti_tidak_ada(id))?;
        if !k.peran.lihat_rhk(b.rhk_id) {
            return Err(bukti_tidak_ada(id));
        }
        Ok((b, k.peran))
    }

    /// Open an uploaded evidence file for download.
    pub async fn buka_bukti(
        &self,
        p: &Pengguna,
        id: i64,
    ) -> AppResult<(Bukti, Box<dyn tokio::io::AsyncRead + Unpin + Send>)> {
        let (b, _) = self.bukti_terlihat(p, id).await?;
        let kunci = b.kunci.clone().ok_or_else(|| {
            AppError::TidakDitemukan("Bukti dukung ini berupa tautan, bukan berkas".into())
        })?;
        let r = self.bukti.buka(&kunci).await?;
        Ok((b, r))
    }

    /// Remove a piece of evidence (the pegawai, while the SKP is open).
    pub async fn hapus_bukti(&self, p: &Pengguna, id: i64) -> AppResult<Bukti> {
        let (b, peran) = self.bukti_terlihat(p, id).await?;
        if peran != PeranPelaksanaan::Pemilik {
            return Err(AppError::Dilarang(
                "Hanya pegawai pemilik SKP yang dapat menghapus bukti dukungnya".into(),
            ));
        }
        let inst = p.instansi_id();
        if let (Some(r), Some(s)) = (
            self.store.realisasi(inst, b.realisasi_id).await?,
            self.store.skp(inst, b.skp_id).await?,
        ) {
            self.periksa_bulan_terkunci(inst, &s.skp, r.bulan).await?;
        }
        let lama = self
            .store
            .hapus_bukti(p.instansi_id(), id, &p.pelaku())
            .await?;
        if let Some(k) = &lama.kunci {
            if let Err(e) = self.bukti.hapus(k).await {
                tracing::warn!("berkas bukti {k} tidak terhapus: {e}");
            }
        }
        Ok(lama)
    }

    /// The month of every pegawai the caller rates.
    pub async fn bulan_tim(
        &self,
        p: &Pengguna,
        tahun: Option<i32>,
        bulan: Option<u32>,
    ) -> AppResult<BulanTim> {
        let hari = hari_ini();
        let tahun = tahun.unwrap_or(hari.year());
        kinerja_domain::skp::periksa_tahun(tahun)?;
        let bulan = bulan.unwrap_or(if tahun == hari.year() {
            hari.month()
        } else {
            12
        });
        if !(1..=12).contains(&bulan) {
            return Err(AppError::bidang_tidak_valid("bulan", "Bulan harus 1–12"));
        }
        let inst = p.instansi_id();
        let tim = self.pegawai_dinilai(p).await?;
        let ids: Vec<i64> = tim.iter().map(|x| x.id).collect();
        let rekap: HashMap<i64, kinerja_store::RekapBulan> = self
            .store
            .rekap_bulan(inst, &ids, tahun, bulan)
            .await?
            .into_iter()
            .map(|r| (r.pegawai_id, r))
            .collect();
        let kalender = self.profil_tahun(inst, tahun).await?.kalender;
        let batas = batas_dokumentasi(tahun, bulan);
        let mut baris = Vec::with_capacity(tim.len());
        for peg in tim {
            let r = rekap.get(&peg.id);
            let (status, terlambat) = match r {
                None => ("tanpa_skp", false),
                Some(r) if r.ditetapkan_pada.is_none() => ("skp_belum_ditetapkan", false),
                Some(r) if r.jumlah_iki > 0 && r.iki_berbukti >= r.jumlah_iki => ("lengkap", false),
                Some(r) if r.iki_terisi > 0 => ("sebagian", hari > batas),
                Some(_) => ("belum", hari > batas),
            };
            let berkala = r.and_then(|r| {
                r.ditetapkan_pada.map(|d| {
                    berkala_berikutnya(
                        r.frekuensi_umpan_balik
                            .unwrap_or(kalender.frekuensi_umpan_balik),
                        d,
                        r.berkala_terakhir,
                    )
                })
            });
            baris.push(BarisTim {
                skp_id: r.map(|r| r.skp_id),
                status_skp: r.map(|r| r.status),
                jumlah_iki: r.map_or(0, |r| r.jumlah_iki),
                iki_terisi: r.map_or(0, |r| r.iki_terisi.min(r.jumlah_iki)),
                iki_berbukti: r.map_or(0, |r| r.iki_berbukti.min(r.jumlah_iki)),
                status: status.into(),
                status_label: label_status_bulan(status).into(),
                terlambat,
                diubah_terakhir: r.and_then(|r| r.diubah_terakhir),
                berkala_berikutnya: berkala,
                berkala_terlambat: berkala.is_some_and(|b| b < hari),
                pegawai: peg,
            });
        }
        Ok(BulanTim {
            tahun,
            bulan,
            label_bulan: format!("{} {}", nama_bulan(bulan), tahun),
            batas,
            jumlah_lengkap: baris.iter().filter(|b| b.status == "lengkap").count(),
            jumlah_terlambat: baris.iter().filter(|b| b.terlambat).count(),
            jumlah_berkala_terlambat: baris.iter().filter(|b| b.berkala_terlambat).count(),
            baris,
        })
    }
}

fn label_status_bulan(s: &str) -> &'static str {
    match s {
        "lengkap" => "Lengkap",
        "sebagian" => "Sebagian",
        "belum" => "Belum diisi",
        "skp_belum_ditetapkan" => "SKP belum ditetapkan",
        _ => "Belum ada SKP",
    }
}

/// The uploaded name without any path, at most 200 characters.
fn nama_berkas_bersih(nama: &str) -> AppResult<String> {
    let dasar = nama
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or("")
        .trim()
        .chars()
        .filter(|c| !c.is_control())
        .collect::<String>();
    if dasar.is_empty() {
        return Err(AppError::bidang_tidak_valid_persis(
            "berkas",
            "Pilih berkas bukti dukung yang akan diunggah",
        ));
    }
    Ok(dasar
        .chars()
        .rev()
        .take(200)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect())
}
