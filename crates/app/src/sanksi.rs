//! Sanction cases after the annual evaluation (PP 30/2019; `domain.md` §6), followed by the HR
//! admin: who the year's signed annual evaluations call a case for, opening a case (the 6-month
//! clock starts), recording each step with its date, document and outcome, and the deadline of
//! each stage. The rules (which predikat, which stage an outcome leads to, how long each stage
//! lasts) are the domain's; the product decides nothing by itself. Reminders before each
//! deadline go to the pegawai and their pejabat penilai (the daily reminder run), who may read
//! the case.

use crate::akses::Pengguna;
use crate::error::{teks_bebas, AppError, AppResult};
use crate::skp::hari_ini;
use crate::App;
use chrono::NaiveDate;
use kinerja_domain::enumerasi::Enumerasi;
use kinerja_domain::evaluasi::keberatan::StatusKeberatan;
use kinerja_domain::kuadran::Predikat;
use kinerja_domain::pelaksanaan::kalender::Kalender;
use kinerja_domain::periode::tanggal_indonesia;
use kinerja_domain::sanksi::{
    alasan_tanpa_kasus, hasil_yang_sah, lanjut, predikat_bersanksi, tenggat_tahap, HasilSanksi,
    KelompokSanksi, RedaksiSanksi, TahapSanksi,
};
use kinerja_store::{EvaluasiSanksi, KasusBaru, KasusSanksi, LangkahBaru, LangkahSanksi, Pegawai};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use utoipa::ToSchema;

/// An annual evaluation that calls for a case.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CalonSanksi {
    pub evaluasi_id: i64,
    pub pegawai: Pegawai,
    pub tahun: i32,
    pub predikat: Predikat,
    pub kelompok: KelompokSanksi,
    /// The day the pegawai received the evaluation.
    pub diterima: Option<NaiveDate>,
    /// A keberatan still waiting for the atasan's decision: no case until it is decided.
    pub keberatan_menunggu: bool,
    /// The case already opened on it.
    pub kasus_id: Option<i64>,
}

/// The year's candidates.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DaftarCalonSanksi {
    pub tahun: i32,
    pub items: Vec<CalonSanksi>,
}

/// An outcome HR may record next, in the instansi's wording.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PilihanHasil {
    pub hasil: HasilSanksi,
    pub label: String,
    /// The stage it leads to.
    pub tahap_berikut: TahapSanksi,
}

/// A recorded step, with the labels of its stage and outcome.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct LangkahTampil {
    #[serde(flatten)]
    pub langkah: LangkahSanksi,
    pub tahap_label: String,
    pub hasil_label: Option<String>,
}

/// A case as HR follows it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DetailSanksi {
    pub id: i64,
    pub pegawai: Pegawai,
    pub evaluasi_id: i64,
    pub tahun: i32,
    pub predikat: Predikat,
    pub kelompok: KelompokSanksi,
    pub tahap: TahapSanksi,
    pub tahap_label: String,
    /// The deadline of the current stage.
    pub tenggat: Option<NaiveDate>,
    /// Days from today to the deadline (negative when passed).
    pub sisa_hari: Option<i64>,
    pub hasil: Option<HasilSanksi>,
    pub hasil_label: Option<String>,
    pub selesai: bool,
    /// Send it back with the next step (a stale one is refused with 409).
    pub versi: i64,
    /// The steps, oldest first (empty in lists).
    pub langkah: Vec<LangkahTampil>,
    /// What may be recorded next (empty in lists and once finished).
    pub hasil_berikut: Vec<PilihanHasil>,
}

/// Open or finished cases.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DaftarSanksi {
    pub items: Vec<DetailSanksi>,
}

/// Opening a case.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct BukaSanksi {
    /// The signed annual evaluation that calls for it.
    pub evaluasi_id: Option<i64>,
    /// The first day of the 6 months to improve (default today).
    pub tanggal: Option<NaiveDate>,
    pub nomor_dokumen: Option<String>,
    pub catatan: Option<String>,
}

/// Recording the outcome of the current stage.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct LangkahMasuk {
    /// The case's `versi` as read.
    pub versi: Option<i64>,
    pub hasil: Option<String>,
    /// The day of the outcome (default today); also the start of the stage it leads to.
    pub tanggal: Option<NaiveDate>,
    /// For a uji kompetensi: the day it is scheduled (its deadline).
    pub jadwal: Option<NaiveDate>,
    pub nomor_dokumen: Option<String>,
    pub catatan: Option<String>,
}

fn kelompok(e: &EvaluasiSanksi) -> AppResult<KelompokSanksi> {
    e.jenis_jabatan.map(KelompokSanksi::dari_jabatan).ok_or_else(|| {
        AppError::bidang_tidak_valid(
            "evaluasi_id",
            "Jenis jabatan pada SKP yang dievaluasi tidak diketahui; lengkapi data jabatan terlebih dahulu",
        )
    })
}

fn detail(
    k: KasusSanksi,
    pegawai: Pegawai,
    redaksi: &RedaksiSanksi,
    hari: NaiveDate,
) -> DetailSanksi {
    let selesai = k.tahap == TahapSanksi::Selesai;
    let hasil_berikut = if k.langkah.is_empty() {
        Vec::new()
    } else {
        hasil_yang_sah(k.kelompok, k.tahap)
            .into_iter()
            .filter_map(|h| {
                lanjut(k.kelompok, k.tahap, h).ok().map(|t| PilihanHasil {
                    hasil: h,
                    label: redaksi.label(h),
                    tahap_berikut: t,
                })
            })
            .collect()
    };
    DetailSanksi {
        id: k.id,
        pegawai,
        evaluasi_id: k.evaluasi_id,
        tahun: k.tahun,
        predikat: k.predikat,
        kelompok: k.kelompok,
        tahap: k.tahap,
        tahap_label: k.tahap.label().to_string(),
        tenggat: k.tenggat,
        sisa_hari: k.tenggat.map(|t| (t - hari).num_days()),
        hasil: k.hasil,
        hasil_label: k.hasil.map(|h| redaksi.label(h)),
        selesai,
        versi: k.versi,
        langkah: k
            .langkah
            .into_iter()
            .map(|l| LangkahTampil {
                tahap_label: l.tahap.label().to_string(),
                hasil_label: l.hasil.map(|h| redaksi.label(h)),
                langkah: l,
            })
            .collect(),
        hasil_berikut,
    }
}

impl App {
    async fn redaksi_sanksi(&self, inst: i64) -> AppResult<RedaksiSanksi> {
        Ok(self.profil_berlaku(inst).await?.redaksi_sanksi)
    }

    async fn pegawai_peta(&self, inst: i64, ids: &[i64]) -> AppResult<HashMap<i64, Pegawai>> {
        Ok(self
            .pegawai_id(inst, ids)
            .await?
            .into_iter()
            .map(|p| (p.id, p))
            .collect())
    }

    /// The signed annual evaluations of `tahun` that call for a case (HR admin).
    pub async fn calon_sanksi(&self, p: &Pengguna, tahun: i32) -> AppResult<DaftarCalonSanksi> {
        p.wajib_admin()?;
        let inst = p.instansi_id();
        let evaluasi = self
            .store
            .evaluasi_calon_sanksi(inst, tahun, &predikat_bersanksi())
            .await?;
        let wajib: Vec<(EvaluasiSanksi, KelompokSanksi)> = evaluasi
            .into_iter()
            .filter_map(|e| {
                let k = e.jenis_jabatan.map(KelompokSanksi::dari_jabatan)?;
                kinerja_domain::sanksi::wajib_kasus(k, e.predikat).then_some((e, k))
            })
            .collect();
        let ids: Vec<i64> = wajib.iter().map(|(e, _)| e.pegawai_id).collect();
        let mut orang = self.pegawai_peta(inst, &ids).await?;
        let items = wajib
            .into_iter()
            .filter_map(|(e, k)| {
                Some(CalonSanksi {
                    evaluasi_id: e.evaluasi_id,
                    pegawai: orang.remove(&e.pegawai_id)?,
                    tahun: e.tahun,
                    predikat: e.predikat,
                    kelompok: k,
                    diterima: e.diterima,
                    keberatan_menunggu: e.keberatan == Some(StatusKeberatan::Diajukan),
                    kasus_id: e.kasus_id,
                })
            })
            .collect();
        Ok(DaftarCalonSanksi { tahun, items })
    }

    /// Cases, open ones first by deadline (HR admin); only open or finished ones when asked.
    pub async fn daftar_sanksi(
        &self,
        p: &Pengguna,
        selesai: Option<bool>,
    ) -> AppResult<DaftarSanksi> {
        p.wajib_admin()?;
        let inst = p.instansi_id();
        let kasus = self.store.daftar_kasus_sanksi(inst, selesai, None).await?;
        let ids: Vec<i64> = kasus.iter().map(|k| k.pegawai_id).collect();
        let orang = self.pegawai_peta(inst, &ids).await?;
        let redaksi = self.redaksi_sanksi(inst).await?;
        let hari = hari_ini();
        Ok(DaftarSanksi {
            items: kasus
                .into_iter()
                .filter_map(|k| {
                    let g = orang.get(&k.pegawai_id)?.clone();
                    Some(detail(k, g, &redaksi, hari))
                })
                .collect(),
        })
    }

    /// One case with its steps: for HR admin with what may be recorded next; read-only for the
    /// pegawai it concerns and their pejabat penilai (who are reminded of its deadlines); 404
    /// for anyone else, as for a case that does not exist.
    pub async fn detail_sanksi(&self, p: &Pengguna, id: i64) -> AppResult<DetailSanksi> {
        let inst = p.instansi_id();
        let tidak_ada = || AppError::TidakDitemukan(format!("Kasus sanksi {id} tidak ditemukan"));
        let k = self
            .store
            .kasus_sanksi(inst, id)
            .await?
            .ok_or_else(tidak_ada)?;
        if p.admin() {
            return self.tampilkan_sanksi(inst, k).await;
        }
        let saya = p.pegawai_id().ok_or_else(tidak_ada)?;
        let penilai = Self::penilai_dari_org(&*self.organisasi(inst).await?, k.pegawai_id);
        if saya != k.pegawai_id && penilai != Some(saya) {
            return Err(tidak_ada());
        }
        let mut d = self.tampilkan_sanksi(inst, k).await?;
        d.hasil_berikut.clear();
        Ok(d)
    }

    async fn tampilkan_sanksi(&self, inst: i64, k: KasusSanksi) -> AppResult<DetailSanksi> {
        let g = self
            .pegawai_id(inst, &[k.pegawai_id])
            .await?
            .pop()
            .ok_or_else(|| AppError::TidakDitemukan("Pegawai kasus ini tidak ditemukan".into()))?;
        Ok(detail(k, g, &self.redaksi_sanksi(inst).await?, hari_ini()))
    }

    /// Open a case on a signed annual evaluation that calls for one (HR admin): the 6 months to
    /// improve start on `tanggal`.
    pub async fn buka_sanksi(&self, p: &Pengguna, m: BukaSanksi) -> AppResult<DetailSanksi> {
        p.wajib_admin()?;
        let inst = p.instansi_id();
        let id = m
            .evaluasi_id
            .ok_or_else(|| AppError::bidang_tidak_valid("evaluasi_id", "Evaluasi wajib dipilih"))?;
        let e =
            self.store.evaluasi_sanksi(inst, id).await?.ok_or_else(|| {
                AppError::TidakDitemukan(format!("Evaluasi {id} tidak ditemukan"))
            })?;
        if e.periode != e.tahun.to_string() {
            return Err(AppError::bidang_tidak_valid(
                "evaluasi_id",
                format!(
                    "Kasus sanksi dibuka atas evaluasi tahunan; evaluasi ini untuk periode {}",
                    e.periode
                ),
            ));
        }
        let k = kelompok(&e)?;
        if let Some(alasan) = alasan_tanpa_kasus(k, e.predikat, e.tahun) {
            return Err(AppError::bidang_tidak_valid_persis("evaluasi_id", alasan));
        }
        if !e.status.terkunci() {
            return Err(AppError::Konflik(
                "Evaluasi tahunan ini belum ditandatangani pejabat penilai".into(),
            ));
        }
        if e.keberatan == Some(StatusKeberatan::Diajukan) {
            return Err(AppError::Konflik(
                "Keberatan atas evaluasi ini belum diputus atasan pejabat penilai; kasus sanksi dibuka setelah keputusan".into(),
            ));
        }
        if let Some(kasus) = e.kasus_id {
            return Err(AppError::Konflik(format!(
                "Evaluasi ini sudah memiliki kasus sanksi (nomor {kasus})"
            )));
        }
        let tanggal = m.tanggal.unwrap_or_else(hari_ini);
        if let Some(d) = e.diterima.filter(|d| tanggal < *d) {
            return Err(AppError::bidang_tidak_valid(
                "tanggal",
                format!(
                    "Masa perbaikan tidak dapat dimulai sebelum evaluasi diterima pegawai ({})",
                    tanggal_indonesia(d)
                ),
            ));
        }
        let baru = KasusBaru {
            pegawai_id: e.pegawai_id,
            evaluasi_id: e.evaluasi_id,
            tahun: e.tahun,
            predikat: e.predikat,
            kelompok: k,
            langkah: LangkahBaru {
                tahap: TahapSanksi::Perbaikan,
                hasil: None,
                tanggal,
                tenggat: tenggat_tahap(TahapSanksi::Perbaikan, tanggal, None),
                nomor_dokumen: teks_bebas(&m.nomor_dokumen, "nomor_dokumen", 200)?,
                catatan: teks_bebas(&m.catatan, "catatan", 2000)?,
            },
        };
        let kasus = self
            .store
            .buka_kasus_sanksi(inst, &baru, &p.pelaku())
            .await?;
        self.tampilkan_sanksi(inst, kasus).await
    }

    /// Record the outcome of a case's current stage (HR admin), over the version read.
    pub async fn catat_langkah_sanksi(
        &self,
        p: &Pengguna,
        id: i64,
        m: LangkahMasuk,
    ) -> AppResult<DetailSanksi> {
        p.wajib_admin()?;
        let inst = p.instansi_id();
        let versi = m
            .versi
            .ok_or_else(|| AppError::bidang_tidak_valid("versi", "Versi kasus wajib dikirim"))?;
        let hasil = match m.hasil.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            None => return Err(AppError::bidang_tidak_valid("hasil", "Hasil wajib dipilih")),
            Some(h) => HasilSanksi::dari_kode(h)
                .map_err(|e| AppError::bidang_tidak_valid_persis("hasil", e.to_string()))?,
        };
        let k = self.store.kasus_sanksi(inst, id).await?.ok_or_else(|| {
            AppError::TidakDitemukan(format!("Kasus sanksi {id} tidak ditemukan"))
        })?;
        if k.versi != versi {
            return Err(AppError::Konflik(format!(
                "Kasus sanksi ini telah diubah orang lain (versi sekarang {}); muat ulang lalu catat kembali",
                k.versi
            )));
        }
        let tahap = lanjut(k.kelompok, k.tahap, hasil).map_err(|e| AppError::Konflik(e.0))?;
        let tanggal = m.tanggal.unwrap_or_else(hari_ini);
        if let Some(akhir) = k.langkah.last().filter(|l| tanggal < l.tanggal) {
            return Err(AppError::bidang_tidak_valid(
                "tanggal",
                format!(
                    "Tanggal tidak boleh sebelum langkah sebelumnya ({})",
                    tanggal_indonesia(akhir.tanggal)
                ),
            ));
        }
        if let Some(j) = m.jadwal {
            if tahap != TahapSanksi::UjiKompetensi {
                return Err(AppError::bidang_tidak_valid(
                    "jadwal",
                    "Jadwal hanya diisi untuk uji kompetensi",
                ));
            }
            if j < tanggal {
                return Err(AppError::bidang_tidak_valid(
                    "jadwal",
                    "Jadwal uji kompetensi tidak boleh sebelum tanggal langkah ini",
                ));
            }
        }
        let catatan = teks_bebas(&m.catatan, "catatan", 2000)?;
        if hasil == HasilSanksi::Ditutup && catatan.is_none() {
            return Err(AppError::bidang_tidak_valid(
                "catatan",
                "Tuliskan alasan kasus ditutup",
            ));
        }
        let langkah = LangkahBaru {
            tahap,
            hasil: Some(hasil),
            tanggal,
            tenggat: tenggat_tahap(tahap, tanggal, m.jadwal),
            nomor_dokumen: teks_bebas(&m.nomor_dokumen, "nomor_dokumen", 200)?,
            catatan,
        };
        let kasus = self
            .store
            .catat_langkah_sanksi(inst, id, versi, &langkah, &p.pelaku())
            .await?;
        self.tampilkan_sanksi(inst, kasus).await
    }

    /// Reminders of the open cases whose deadline falls within the profile's reminder window
    /// (`kalender.hari_pengingat` days before, up to the day), to the pegawai and their pejabat
    /// penilai: once per case, stage and deadline. As (pegawai, jenis, judul, isi, tautan,
    /// kunci) for the daily reminder run.
    pub(crate) async fn pengingat_sanksi(
        &self,
        inst: i64,
        hari: NaiveDate,
        kal: &Kalender,
        org: &crate::organisasi::IndeksOrganisasi,
    ) -> AppResult<Vec<crate::pelaksanaan::pengingat::Rencana>> {
        let sampai = hari
            .checked_add_days(chrono::Days::new(u64::from(kal.hari_pengingat)))
            .unwrap_or(hari);
        let mut out = Vec::new();
        for t in self.store.tenggat_sanksi(inst, sampai).await? {
            if !kal.saatnya_mengingatkan(t.tenggat, hari) {
                continue;
            }
            let judul = format!("Tenggat kasus sanksi: {}", t.tahap.label());
            let isi = format!(
                "{} berakhir {}. Tindak lanjutnya dicatat oleh admin BKPSDM.",
                t.tahap.label(),
                tanggal_indonesia(t.tenggat)
            );
            let kunci = format!("sanksi:{}:{}:{}", t.kasus_id, t.tahap.kode(), t.tenggat);
            let penerima =
                std::iter::once(t.pegawai_id).chain(Self::penilai_dari_org(org, t.pegawai_id));
            for id in penerima {
                out.push((
                    id,
                    "pengingat_sanksi",
                    judul.clone(),
                    isi.clone(),
                    Some(format!("/sanksi/{}", t.kasus_id)),
                    kunci.clone(),
                ));
            }
        }
        Ok(out)
    }
}
