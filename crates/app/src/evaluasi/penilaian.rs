//! Rating a period: the rater's team for a period with suggestions and the unit's live
//! distribution, one pegawai's evaluation with everything the rating rests on, the rating
//! itself, the signatures, and the HR admin's reopening.

use super::distribusi::DistribusiUnit;
use super::*;
use crate::skp::hari_ini;
use kinerja_domain::evaluasi::saran::{sarankan, Saran};
use kinerja_domain::evaluasi::{
    periksa_buka_kembali, periksa_dapat_dibuka, periksa_dapat_dievaluasi, periksa_dapat_diubah,
    periksa_penilaian, periksa_tanda_tangan_pegawai, periksa_tanda_tangan_penilai, PenilaianMasuk,
    StatusEvaluasi,
};
use kinerja_store::{
    Evaluasi, EvaluasiSimpan, FilterUmpanBalik, Keberatan, Pegawai, Realisasi, TindakLanjut,
    UmpanBalik,
};
use serde::{Deserialize, Serialize};

/// A rating as submitted: the ratings, notes, academic data (tugas belajar) and the version
/// read (absent for a first rating).
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
pub struct PenilaianKirim {
    #[serde(flatten)]
    pub penilaian: PenilaianMasuk,
    pub akademik: Option<DataAkademik>,
    pub version: Option<i64>,
}

/// One pegawai of the team in the period.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct BarisTim {
    pub pegawai_id: i64,
    pub nip: String,
    pub nama: String,
    pub jabatan: Option<String>,
    pub skp_id: Option<i64>,
    pub dasar: Option<DasarEvaluasi>,
    pub capaian_unit_id: Option<i64>,
    pub capaian_organisasi: Option<CapaianOrganisasi>,
    pub saran: Option<Saran>,
    pub evaluasi: Option<Evaluasi>,
    /// Why this pegawai cannot be rated yet (no set SKP, no capaian, …).
    pub kendala: Option<String>,
    /// The rater may rate (or re-rate) now: no obstacle and no signed evaluation.
    pub boleh_nilai: bool,
}

/// The rater's view of a period.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct TimEvaluasi {
    pub periode: String,
    pub periode_label: String,
    pub baris: Vec<BarisTim>,
    /// The distribution of every unit whose capaian the team's ratings fall under.
    pub distribusi: Vec<DistribusiUnit>,
    pub jumlah_dinilai: usize,
    pub jumlah_ditandatangani: usize,
}

/// What the caller may do with one evaluation now.
#[derive(Debug, Clone, Default, Serialize, utoipa::ToSchema)]
pub struct BolehEvaluasi {
    pub nilai: bool,
    pub tandatangani: bool,
    pub terima: bool,
    pub keberatan: bool,
    pub buka_kembali: bool,
}

/// One month's realisation of an IKI in the period, with its evidence count.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct RealisasiPeriode {
    pub bulan: u32,
    pub realisasi: String,
    pub catatan: Option<String>,
    pub jumlah_bukti: usize,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct IkiPeriode {
    pub iki_id: i64,
    pub indikator: String,
    pub target: String,
    pub realisasi: Vec<RealisasiPeriode>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct RhkPeriode {
    pub rhk_id: i64,
    pub jenis: String,
    pub uraian: String,
    pub penugasan_dari: String,
    pub iki: Vec<IkiPeriode>,
    pub umpan_balik: Vec<UmpanBalik>,
    pub diambil_alih: Option<String>,
}

/// One evaluation with everything it rests on.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct DetailEvaluasi {
    pub periode: String,
    pub periode_label: String,
    pub skp_id: i64,
    pub pegawai: Pegawai,
    pub penilai: Option<Pegawai>,
    pub atasan: Option<Pegawai>,
    pub peran: PeranEvaluasi,
    pub nomor_versi_skp: i32,
    pub dasar: DasarEvaluasi,
    pub capaian: Option<CapaianTersimpan>,
    pub bulan: Vec<u32>,
    pub rhk: Vec<RhkPeriode>,
    /// Feedback on perilaku aspects in the period.
    pub umpan_balik_perilaku: Vec<UmpanBalik>,
    pub tindak_lanjut: Vec<TindakLanjut>,
    pub saran: Saran,
    pub evaluasi: Option<Evaluasi>,
    pub keberatan: Option<Keberatan>,
    /// The last day a keberatan may be filed (once received).
    pub batas_keberatan: Option<NaiveDate>,
    pub distribusi: Option<DistribusiUnit>,
    pub boleh: BolehEvaluasi,
    /// Why it cannot be rated yet, if so.
    pub kendala: Option<String>,
    /// The SKP version in force in the period (documents print it whole).
    #[serde(skip)]
    pub skp_berlaku: Skp,
}

/// Everything about one SKP and period, resolved once.
pub(crate) struct Konteks {
    pub s: SkpTersimpan,
    pub skp: Skp,
    pub periode: Periode,
    pub profil: ProfilKebijakan,
    pub org: std::sync::Arc<IndeksOrganisasi>,
    pub peran: PeranEvaluasi,
    pub penilai: Option<i64>,
    pub atasan: Option<i64>,
    pub capaian: Option<CapaianTersimpan>,
    pub dasar: DasarEvaluasi,
    pub evaluasi: Option<Evaluasi>,
}

/// Whether an SKP can be rated for a period now: a set SKP covering the period that has begun
/// (422/409 from the domain) and, except for tugas belajar, the unit's capaian (409: it must be
/// set first).
fn periksa_dapat_dinilai(
    skp: &Skp,
    periode: Periode,
    dasar: DasarEvaluasi,
    capaian: Option<&CapaianTersimpan>,
) -> AppResult<()> {
    periksa_dapat_dievaluasi(skp, periode, hari_ini())?;
    if dasar.perlu_capaian() && capaian.is_none() {
        return Err(AppError::Konflik(format!(
            "Capaian kinerja organisasi unit untuk {} belum ditetapkan oleh pimpinan satu tingkat di atasnya",
            periode.label()
        )));
    }
    Ok(())
}

impl Konteks {
    fn periksa(&self) -> AppResult<()> {
        periksa_dapat_dinilai(&self.s.skp, self.periode, self.dasar, self.capaian.as_ref())
    }

    /// Why it cannot be rated now, if so.
    fn kendala(&self) -> Option<String> {
        self.periksa().err().map(|e| e.to_string())
    }
}

impl App {
    pub(crate) async fn konteks_evaluasi(
        &self,
        p: &Pengguna,
        skp_id: i64,
        periode_kode: &str,
    ) -> AppResult<Konteks> {
        let inst = p.instansi_id();
        let s = self
            .store
            .skp(inst, skp_id)
            .await?
            .ok_or_else(|| crate::pelaksanaan::skp_tidak_ada(skp_id))?;
        let org = self.organisasi(inst).await?;
        let evaluasi = self
            .store
            .evaluasi_skp(inst, skp_id, periode_kode.trim())
            .await?;
        let peran = Self::peran_evaluasi(
            p,
            &org,
            &s.skp,
            evaluasi.as_ref().map(|e| e.penilai_pegawai_id),
        )?;
        let (periode, profil) = periode_sah(self, inst, periode_kode).await?;
        let capaian_peta = self.peta_capaian(inst, periode).await?;
        let capaian = capaian_berlaku(&org, s.skp.unit_id, &capaian_peta).cloned();
        let dasar = dasar_evaluasi(&org, &s.skp, capaian.as_ref());
        let skp = self.skp_berlaku(inst, &s, periode).await?;
        Ok(Konteks {
            penilai: evaluasi
                .as_ref()
                .map(|e| e.penilai_pegawai_id)
                .or_else(|| penilai_skp(&org, &s.skp)),
            atasan: atasan_skp(&org, &s.skp),
            s,
            skp,
            periode,
            profil,
            org,
            peran,
            capaian: capaian.filter(|_| dasar.perlu_capaian()),
            dasar,
            evaluasi,
        })
    }

    async fn saran_konteks(
        &self,
        inst: i64,
        k: &Konteks,
        akademik: Option<DataAkademik>,
    ) -> AppResult<Saran> {
        let bulan = bulan_dinilai(&k.skp, k.periode, hari_ini());
        let catatan = match (bulan.first(), bulan.last()) {
            (Some(&a), Some(&b)) => {
                self.store
                    .catatan_periode(
                        inst,
                        &[k.skp.id],
                        a,
                        b,
                        k.periode.mulai(),
                        k.periode.selesai(),
                    )
                    .await?
            }
            _ => CatatanPeriode::default(),
        };
        Ok(sarankan(&bahan_saran(
            &k.skp,
            k.periode,
            hari_ini(),
            &catatan,
            k.dasar,
            k.capaian.as_ref().map(|c| c.capaian_organisasi),
            akademik,
        )))
    }

    /// One pegawai's evaluation for a period with everything it rests on.
    pub async fn detail_evaluasi(
        &self,
        p: &Pengguna,
        skp_id: i64,
        periode_kode: &str,
    ) -> AppResult<DetailEvaluasi> {
        let inst = p.instansi_id();
        let mut k = self.konteks_evaluasi(p, skp_id, periode_kode).await?;
        if k.peran == PeranEvaluasi::Pegawai
            && k.evaluasi
                .as_ref()
                .is_some_and(|e| e.status == StatusEvaluasi::Draf)
        {
            // The pegawai sees the result once the rater has signed it.
            k.evaluasi = None;
        }
        let akademik = k.evaluasi.as_ref().and_then(|e| e.akademik.clone());
        let saran = self.saran_konteks(inst, &k, akademik).await?;
        let bulan = bulan_dinilai(&k.skp, k.periode, hari_ini());
        let realisasi: Vec<Realisasi> = self
            .store
            .realisasi_skp(inst, skp_id, None)
            .await?
            .into_iter()
            .filter(|r| bulan.contains(&r.bulan))
            .collect();
        let sembunyikan = k.peran == PeranEvaluasi::Pegawai;
        let umpan_balik: Vec<UmpanBalik> = self
            .store
            .daftar_umpan_balik(
                inst,
                &FilterUmpanBalik {
                    skp_id: Some(skp_id),
                    limit: 500,
                    ..Default::default()
                },
            )
            .await?
            .into_iter()
            .filter(|u| k.periode.memuat(u.tanggal))
            .map(|mut u| {
                if sembunyikan && u.anonim {
                    u.pemberi_nama = "(anonim)".into();
                    u.pemberi_jabatan = None;
                    u.pemberi_pegawai_id = 0;
                }
                u
            })
            .collect();
        let tindak_lanjut: Vec<TindakLanjut> = self
            .store
            .daftar_tindak_lanjut(inst, skp_id)
            .await?
            .into_iter()
            .filter(|t| {
                t.jenis == JenisTindakLanjut::AmbilAlih
                    || k.periode
                        .memuat(kinerja_domain::periode::tanggal_wib(t.dibuat))
            })
            .collect();
        let rhk = k
            .skp
            .rhk
            .iter()
            .filter_map(|r| {
                let id = r.id?;
                Some(RhkPeriode {
                    rhk_id: id,
                    jenis: r.jenis.label().into(),
                    uraian: r.uraian.clone(),
                    penugasan_dari: r.penugasan_dari.clone(),
                    iki: r
                        .iki
                        .iter()
                        .filter_map(|i| {
                            let iid = i.id?;
                            Some(IkiPeriode {
                                iki_id: iid,
                                indikator: i.indikator.clone(),
                                target: i.target.teks.clone(),
                                realisasi: realisasi
                                    .iter()
                                    .filter(|x| x.iki_id == iid)
                                    .map(|x| RealisasiPeriode {
                                        bulan: x.bulan,
                                        realisasi: x.realisasi.clone(),
                                        catatan: x.catatan.clone(),
                                        jumlah_bukti: x.bukti.len(),
                                    })
                                    .collect(),
                            })
                        })
                        .collect(),
                    umpan_balik: umpan_balik
                        .iter()
                        .filter(|u| u.rhk_id == Some(id))
                        .cloned()
                        .collect(),
                    diambil_alih: tindak_lanjut
                        .iter()
                        .find(|t| t.jenis == JenisTindakLanjut::AmbilAlih && t.rhk_id == Some(id))
                        .map(|t| t.uraian.clone()),
                })
            })
            .collect();
        let keberatan = match &k.evaluasi {
            Some(e) => self.store.keberatan_evaluasi(inst, e.id).await?,
            None => None,
        };
        let kendala = k.kendala();
        let status = k.evaluasi.as_ref().map(|e| e.status);
        let boleh = BolehEvaluasi {
            nilai: k.peran == PeranEvaluasi::Penilai
                && kendala.is_none()
                && periksa_dapat_diubah(status).is_ok(),
            tandatangani: k.peran == PeranEvaluasi::Penilai
                && periksa_tanda_tangan_penilai(status).is_ok(),
            terima: k.peran == PeranEvaluasi::Pegawai
                && periksa_tanda_tangan_pegawai(status).is_ok(),
            keberatan: k.peran == PeranEvaluasi::Pegawai
                && keberatan.is_none()
                && kinerja_domain::evaluasi::keberatan::periksa_batas_pengajuan(
                    k.evaluasi.as_ref().and_then(|e| e.diterima),
                    hari_ini(),
                )
                .is_ok(),
            buka_kembali: p.admin() && periksa_dapat_dibuka(status, keberatan.is_some()).is_ok(),
        };
        let distribusi = match &k.capaian {
            Some(c) => Some(
                self.distribusi_satu_unit(inst, &k.org, c, &k.profil)
                    .await?,
            ),
            None => None,
        };
        let orang = self
            .pegawai_id(
                inst,
                &[Some(k.skp.pegawai_id), k.penilai, k.atasan]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>(),
            )
            .await?;
        let cari = |id: Option<i64>| id.and_then(|i| orang.iter().find(|x| x.id == i).cloned());
        Ok(DetailEvaluasi {
            periode: k.periode.kode(),
            periode_label: k.periode.label(),
            skp_id,
            pegawai: cari(Some(k.skp.pegawai_id))
                .ok_or_else(|| crate::pelaksanaan::skp_tidak_ada(skp_id))?,
            penilai: cari(k.penilai),
            atasan: cari(k.atasan),
            peran: k.peran,
            nomor_versi_skp: k.skp.nomor_versi,
            dasar: k.dasar,
            capaian: k.capaian.clone(),
            bulan,
            rhk,
            umpan_balik_perilaku: umpan_balik
                .iter()
                .filter(|u| u.aspek.is_some())
                .cloned()
                .collect(),
            tindak_lanjut,
            saran,
            batas_keberatan: k
                .evaluasi
                .as_ref()
                .and_then(|e| e.diterima)
                .map(kinerja_domain::evaluasi::keberatan::batas_pengajuan),
            evaluasi: k.evaluasi,
            keberatan,
            distribusi,
            boleh,
            kendala,
            skp_berlaku: k.skp,
        })
    }

    /// The rater rates (or re-rates a draft): the predikat follows from the kuadran.
    pub async fn nilai_evaluasi(
        &self,
        p: &Pengguna,
        skp_id: i64,
        periode_kode: &str,
        m: PenilaianKirim,
    ) -> AppResult<Evaluasi> {
        let inst = p.instansi_id();
        let k = self.konteks_evaluasi(p, skp_id, periode_kode).await?;
        if k.peran != PeranEvaluasi::Penilai {
            return Err(AppError::Dilarang(
                "Hanya pejabat penilai pegawai ini yang dapat mengisi penilaian".into(),
            ));
        }
        k.periksa()?;
        periksa_dapat_diubah(k.evaluasi.as_ref().map(|e| e.status))?;
        if k.evaluasi.is_some() && m.version.is_none() {
            return Err(AppError::bidang_tidak_valid(
                "version",
                "Evaluasi ini sudah ada: sertakan version yang Anda baca",
            ));
        }
        let akademik = if k.dasar == DasarEvaluasi::TugasBelajar {
            Some(m.akademik.clone().ok_or_else(|| {
                AppError::bidang_tidak_valid(
                    "akademik",
                    "Pegawai tugas belajar: isi data akademik (jenjang, lokasi, akreditasi, IPK, ketepatan waktu)",
                )
            })?)
        } else {
            None
        };
        let saran = self.saran_konteks(inst, &k, akademik.clone()).await?;
        let sah = periksa_penilaian(
            &m.penilaian,
            saran.rating_hasil_kerja,
            saran.rating_perilaku,
            k.dasar,
        )?;
        let simpan = EvaluasiSimpan {
            skp_id,
            pegawai_id: k.skp.pegawai_id,
            unit_id: k.s.skp.unit_id,
            periode: k.periode.kode(),
            tahun: k.periode.tahun(),
            dasar: k.dasar,
            capaian_unit_id: k.capaian.as_ref().map(|c| c.unit_id).or(k.s.skp.unit_id),
            capaian: k.capaian.as_ref().map(|c| c.capaian_organisasi),
            penilai_pegawai_id: p.pegawai_id().unwrap_or_default(),
            atasan_pegawai_id: k.atasan,
            nomor_versi_skp: k.skp.nomor_versi,
            saran_hasil_kerja: saran.rating_hasil_kerja,
            saran_perilaku: saran.rating_perilaku,
            rating_hasil_kerja: sah.rating_hasil_kerja,
            rating_perilaku: sah.rating_perilaku,
            predikat: sah.predikat,
            alasan_hasil_kerja: sah.alasan_hasil_kerja,
            alasan_perilaku: sah.alasan_perilaku,
            catatan: sah.catatan,
            rekomendasi: sah.rekomendasi,
            akademik,
        };
        Ok(self
            .store
            .simpan_evaluasi(
                inst,
                &simpan,
                k.evaluasi.as_ref().and(m.version),
                &p.pelaku(),
            )
            .await?)
    }

    /// The rater signs: the evaluation locks and the pegawai receives it today.
    pub async fn tandatangani_evaluasi(
        &self,
        p: &Pengguna,
        skp_id: i64,
        periode_kode: &str,
    ) -> AppResult<Evaluasi> {
        let inst = p.instansi_id();
        let k = self.konteks_evaluasi(p, skp_id, periode_kode).await?;
        if k.peran != PeranEvaluasi::Penilai {
            return Err(AppError::Dilarang(
                "Hanya pejabat penilai pegawai ini yang menandatangani evaluasi".into(),
            ));
        }
        periksa_tanda_tangan_penilai(k.evaluasi.as_ref().map(|e| e.status))?;
        let e = k
            .evaluasi
            .as_ref()
            .ok_or_else(|| AppError::Konflik("Belum ada penilaian".into()))?;
        let pegawai = self.pegawai_id(inst, &[k.skp.pegawai_id]).await?;
        let batas = kinerja_domain::evaluasi::keberatan::batas_pengajuan(hari_ini());
        let notif: Vec<_> = pegawai
            .iter()
            .map(|x| {
                self.notifikasi(
                    x,
                    "evaluasi",
                    format!("Evaluasi kinerja {} telah ditandatangani", k.periode.label()),
                    format!(
                        "Predikat: {}. Tanda tangani dokumen evaluasi; keberatan dapat diajukan paling lambat {}.",
                        e.predikat.label(),
                        kinerja_domain::periode::tanggal_indonesia(batas)
                    ),
                    Some(format!("/evaluasi/skp/{skp_id}/{}", k.periode.kode())),
                    None,
                )
            })
            .collect();
        Ok(self
            .store
            .tandatangani_evaluasi(inst, e.id, hari_ini(), &notif, &p.pelaku())
            .await?)
    }

    /// The pegawai signs the evaluation document (acknowledging, not agreeing).
    pub async fn terima_evaluasi(
        &self,
        p: &Pengguna,
        skp_id: i64,
        periode_kode: &str,
    ) -> AppResult<Evaluasi> {
        let k = self.konteks_evaluasi(p, skp_id, periode_kode).await?;
        if k.peran != PeranEvaluasi::Pegawai {
            return Err(AppError::Dilarang(
                "Dokumen evaluasi ditandatangani oleh pegawai yang dinilai".into(),
            ));
        }
        periksa_tanda_tangan_pegawai(k.evaluasi.as_ref().map(|e| e.status))?;
        let e = k
            .evaluasi
            .as_ref()
            .ok_or_else(|| AppError::Konflik("Belum ada penilaian".into()))?;
        Ok(self
            .store
            .terima_evaluasi(p.instansi_id(), e.id, &[], &p.pelaku())
            .await?)
    }

    /// HR admin reopens a signed evaluation with a reason (audited); the rater is told.
    pub async fn buka_kembali_evaluasi(
        &self,
        p: &Pengguna,
        skp_id: i64,
        periode_kode: &str,
        alasan: &str,
    ) -> AppResult<Evaluasi> {
        p.wajib_admin()?;
        let inst = p.instansi_id();
        let k = self.konteks_evaluasi(p, skp_id, periode_kode).await?;
        let e = k
            .evaluasi
            .as_ref()
            .ok_or_else(|| AppError::Konflik("Belum ada evaluasi untuk dibuka kembali".into()))?;
        let ada_keberatan = self.store.keberatan_evaluasi(inst, e.id).await?.is_some();
        let alasan = periksa_buka_kembali(Some(e.status), ada_keberatan, alasan)?;
        let penilai = self.pegawai_id(inst, &[e.penilai_pegawai_id]).await?;
        let notif: Vec<_> = penilai
            .iter()
            .map(|x| {
                self.notifikasi(
                    x,
                    "evaluasi",
                    format!("Evaluasi {} {} dibuka kembali", e.nama, k.periode.label()),
                    format!("Alasan: {alasan}"),
                    Some(format!("/evaluasi/skp/{skp_id}/{}", k.periode.kode())),
                    None,
                )
            })
            .collect();
        Ok(self
            .store
            .buka_kembali_evaluasi(inst, e.id, &alasan, &notif, &p.pelaku())
            .await?)
    }

    /// The rater's team for a period: each pegawai with the SKP the period belongs to, the
    /// suggestion, the rating so far; and the distribution of the units concerned.
    pub async fn evaluasi_tim(&self, p: &Pengguna, periode_kode: &str) -> AppResult<TimEvaluasi> {
        let inst = p.instansi_id();
        let saya = p.pegawai_id().ok_or_else(|| {
            AppError::Dilarang("Halaman ini untuk pejabat penilai (akun pegawai)".into())
        })?;
        let (periode, profil) = periode_sah(self, inst, periode_kode).await?;
        let org = self.organisasi(inst).await?;
        let tim: Vec<i64> = org.dinilai.get(&saya).cloned().unwrap_or_default();
        let jabatan_tim: Vec<i64> = tim
            .iter()
            .filter_map(|x| org.jabatan_pegawai.get(x).copied())
            .collect();
        let masa = self
            .store
            .masa_skp(inst, periode.tahun(), &tim, &jabatan_tim)
            .await?;
        // Which SKP each pegawai is rated on in this period (a mutasi: where they were).
        let mut pilihan: HashMap<i64, i64> = HashMap::new();
        let mut per_pegawai: HashMap<i64, Vec<kinerja_domain::evaluasi::MasaSkp>> = HashMap::new();
        for m in &masa {
            per_pegawai
                .entry(m.pegawai_id)
                .or_default()
                .push(kinerja_domain::evaluasi::MasaSkp {
                    id: m.skp_id,
                    mulai: m.mulai,
                    selesai: m.selesai,
                });
        }
        for (peg, v) in &per_pegawai {
            let pilih = if periode.periodik() {
                kinerja_domain::evaluasi::skp_untuk_periode(v, periode)
            } else {
                masa.iter()
                    .filter(|m| m.pegawai_id == *peg && m.status != StatusSkp::Ditutup)
                    .map(|m| m.skp_id)
                    .next()
            };
            if let Some(id) = pilih {
                pilihan.insert(*peg, id);
            }
        }
        let skp_ids: Vec<i64> = pilihan.values().copied().collect();
        let mut semua_skp: HashMap<i64, SkpTersimpan> = HashMap::new();
        for id in &skp_ids {
            if let Some(s) = self.store.skp(inst, *id).await? {
                semua_skp.insert(*id, s);
            }
        }
        // Closed SKP of positions in my team count only when I rate that position.
        pilihan.retain(|_, id| {
            semua_skp
                .get(id)
                .is_some_and(|s| penilai_skp(&org, &s.skp) == Some(saya))
        });
        let evaluasi: HashMap<i64, Evaluasi> = self
            .store
            .daftar_evaluasi(
                inst,
                &kinerja_store::FilterEvaluasi {
                    periode: Some(periode.kode()),
                    skp_id: Some(pilihan.values().copied().collect()),
                    limit: 10_000,
                    ..Default::default()
                },
            )
            .await?
            .into_iter()
            .map(|e| (e.skp_id, e))
            .collect();
        let capaian_peta = self.peta_capaian(inst, periode).await?;
        let hari = hari_ini();
        let bulan_semua: Vec<u32> = pilihan
            .values()
            .filter_map(|id| semua_skp.get(id))
            .flat_map(|s| bulan_dinilai(&s.skp, periode, hari))
            .collect();
        let catatan = match (bulan_semua.iter().min(), bulan_semua.iter().max()) {
            (Some(&a), Some(&b)) => {
                self.store
                    .catatan_periode(
                        inst,
                        &pilihan.values().copied().collect::<Vec<_>>(),
                        a,
                        b,
                        periode.mulai(),
                        periode.selesai(),
                    )
                    .await?
            }
            _ => CatatanPeriode::default(),
        };
        let mut anggota: Vec<i64> = tim.clone();
        for peg in pilihan.keys() {
            if !anggota.contains(peg) {
                anggota.push(*peg);
            }
        }
        let orang = self.pegawai_id(inst, &anggota).await?;
        let mut unit_capaian: Vec<i64> = Vec::new();
        let mut baris = Vec::new();
        for o in &orang {
            let s = pilihan.get(&o.id).and_then(|id| semua_skp.get(id));
            let mut b = BarisTim {
                pegawai_id: o.id,
                nip: o.nip.to_string(),
                nama: o.nama.clone(),
                jabatan: o.jabatan_nama.clone(),
                skp_id: s.map(|s| s.skp.id),
                dasar: None,
                capaian_unit_id: None,
                capaian_organisasi: None,
                saran: None,
                evaluasi: s.and_then(|s| evaluasi.get(&s.skp.id).cloned()),
                kendala: None,
                boleh_nilai: false,
            };
            let Some(s) = s else {
                b.kendala = Some(format!(
                    "Belum ada SKP {} untuk periode ini",
                    periode.tahun()
                ));
                baris.push(b);
                continue;
            };
            let capaian = capaian_berlaku(&org, s.skp.unit_id, &capaian_peta);
            let dasar = dasar_evaluasi(&org, &s.skp, capaian);
            let capaian = capaian.filter(|_| dasar.perlu_capaian());
            let skp = self.skp_berlaku(inst, s, periode).await?;
            let akademik = b.evaluasi.as_ref().and_then(|e| e.akademik.clone());
            b.saran = Some(sarankan(&bahan_saran(
                &skp,
                periode,
                hari,
                &catatan,
                dasar,
                capaian.map(|c| c.capaian_organisasi),
                akademik,
            )));
            b.dasar = Some(dasar);
            b.capaian_unit_id = capaian.map(|c| c.unit_id);
            b.capaian_organisasi = capaian.map(|c| c.capaian_organisasi);
            if let Some(c) = capaian {
                if !unit_capaian.contains(&c.unit_id) {
                    unit_capaian.push(c.unit_id);
                }
            }
            b.kendala = periksa_dapat_dinilai(&s.skp, periode, dasar, capaian)
                .err()
                .map(|e| e.to_string());
            b.boleh_nilai = b.kendala.is_none()
                && periksa_dapat_diubah(b.evaluasi.as_ref().map(|e| e.status)).is_ok();
            baris.push(b);
        }
        baris.sort_by(|a, b| a.nama.cmp(&b.nama));
        let mut distribusi = Vec::new();
        for u in unit_capaian {
            if let Some(c) = capaian_peta.get(&u) {
                distribusi.push(self.distribusi_satu_unit(inst, &org, c, &profil).await?);
            }
        }
        Ok(TimEvaluasi {
            periode: periode.kode(),
            periode_label: periode.label(),
            jumlah_dinilai: baris.iter().filter(|b| b.evaluasi.is_some()).count(),
            jumlah_ditandatangani: baris
                .iter()
                .filter(|b| {
                    b.evaluasi
                        .as_ref()
                        .is_some_and(|e| e.status != StatusEvaluasi::Draf)
                })
                .count(),
            baris,
            distribusi,
        })
    }
}

impl App {
    /// The caller's own evaluations of a year (periodic and annual), oldest period first, once
    /// signed by the rater (drafts are the rater's until then).
    pub async fn evaluasi_saya(&self, p: &Pengguna, tahun: i32) -> AppResult<Vec<Evaluasi>> {
        let Some(saya) = p.pegawai_id() else {
            return Ok(Vec::new());
        };
        Ok(self
            .store
            .daftar_evaluasi(
                p.instansi_id(),
                &kinerja_store::FilterEvaluasi {
                    tahun: Some(tahun),
                    pegawai_id: Some(vec![saya]),
                    limit: 100,
                    ..Default::default()
                },
            )
            .await?
            .into_iter()
            .filter(|e| e.status != StatusEvaluasi::Draf)
            .collect())
    }
}
