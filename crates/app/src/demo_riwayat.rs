//! The demo's history: the two years before the demo year (2024 and 2025), so that what follows
//! from earlier annual results (rewards for two years in a row, sanction cases after the annual
//! evaluation, talent history, angka kredit over the years) has something to show.
//!
//! Every pegawai of the demo perangkat daerah who has an SKP of the demo year, the Kepala
//! Bidang login, and the three Staf Ahli Wali Kota (JPT rated by the Sekretaris Daerah) get a
//! set SKP for each year (one version, same unit, position and format as today, RHK Utama copied
//! from the demo year's SKP by the domain's own copy) from their TMT on, and a signed,
//! acknowledged annual evaluation received in January of the next year. Every unit of the
//! perangkat daerah, and the Sekretariat Daerah, gets its annual capaian kinerja organisasi
//! (mostly Baik).
//!
//! Left without history: the Kepala Dinas login (rated by the Wali Kota, who has no account, so
//! no evaluation of theirs can be recorded) and the JF and Kepala Seksi logins (the visitor's
//! journeys start their SKP of the demo year with "copy from last year" ticked, and a copy would
//! change what those journeys write).
//!
//! The ratings are chosen, not drawn, so that the demo shows: pegawai Sangat Baik in both years
//! (talent pool), most pegawai Baik in both years (competency development), some with a change
//! between the years, JA/JF with Kurang or Sangat Kurang in the last year and a JPT with Butuh
//! Perbaikan (sanction cases), and one JF promoted in mid-year: the SKP at the old position
//! closed by the mutasi, a second SKP after it, and signed monthly evaluations of both. The suggestion stored with each evaluation is the product's own, from the records of
//! that year (no monthly realisation was documented in the application then), so a rating that
//! departs from it carries its reason, as the domain requires.

use crate::demo_skp::{susun_skp_demo, TAHUN_DEMO};
use crate::error::AppResult;
use crate::evaluasi::{atasan_skp, bahan_saran, capaian_berlaku, dasar_evaluasi, penilai_skp};
use crate::organisasi::IndeksOrganisasi;
use crate::skp::hari_ini;
use crate::App;
use chrono::{Datelike, Days, NaiveDate};
use kinerja_domain::evaluasi::saran::sarankan;
use kinerja_domain::evaluasi::{
    periksa_dapat_dievaluasi, periksa_penilaian, skp_untuk_periode, DasarEvaluasi, MasaSkp,
    PenilaianMasuk,
};
use kinerja_domain::jabatan::{JenisJabatan, Jenjang};
use kinerja_domain::kuadran::{predikat, CapaianOrganisasi, Predikat, Rating};
use kinerja_domain::pangkat::StatusAsn;
use kinerja_domain::perilaku::{JenisRhk, Perspektif};
use kinerja_domain::periode::Periode;
use kinerja_domain::skp::{Skp, StatusSkp};
use kinerja_store::{
    CapaianTersimpan, EvaluasiSimpan, FilterSkp, Pegawai, Pelaku, SkpTersimpan, VersiBaru,
};
use std::collections::HashMap;

/// The years of history, oldest first.
pub const TAHUN_RIWAYAT: [i32; 2] = [TAHUN_DEMO - 2, TAHUN_DEMO - 1];

/// What the demo's history wrote.
#[derive(Debug, Default, Clone)]
pub struct RingkasanRiwayat {
    pub skp: usize,
    pub capaian: usize,
    pub evaluasi: usize,
}

/// The ratings that give a predikat through the kuadran: the plain cell of each predikat
/// (Kurang through perilaku below expectation, the misconduct row).
fn rating_untuk(p: Predikat) -> (Rating, Rating) {
    use Rating::*;
    match p {
        Predikat::SangatBaik => (DiatasEkspektasi, DiatasEkspektasi),
        Predikat::Baik => (SesuaiEkspektasi, SesuaiEkspektasi),
        Predikat::ButuhPerbaikan => (DibawahEkspektasi, SesuaiEkspektasi),
        Predikat::Kurang => (SesuaiEkspektasi, DibawahEkspektasi),
        Predikat::SangatKurang => (DibawahEkspektasi, DibawahEkspektasi),
    }
}

/// The capaian of the unit at `urutan` (the perangkat daerah's units by id, the perangkat daerah
/// itself first) in the history year `ke` (0 = 2024, 1 = 2025): mostly Baik; two units Istimewa
/// in both years, three in the first year only, one Butuh Perbaikan in the last year.
fn capaian_riwayat(urutan: usize, ke: usize) -> CapaianOrganisasi {
    match (urutan, ke) {
        (0, _) => CapaianOrganisasi::Baik,
        (u, _) if u % 6 == 4 => CapaianOrganisasi::Istimewa,
        (u, 0) if u % 6 == 3 => CapaianOrganisasi::Istimewa,
        (14, 1) => CapaianOrganisasi::ButuhPerbaikan,
        _ => CapaianOrganisasi::Baik,
    }
}

/// The rest of the perangkat daerah: Baik in both years for most, a change between the years
/// for about one in four.
fn rencana_lain(pegawai_id: i64) -> [Predikat; 2] {
    use Predikat::*;
    match (pegawai_id * 7).rem_euclid(16) {
        0 => [Baik, SangatBaik],
        1 => [SangatBaik, Baik],
        2 => [ButuhPerbaikan, Baik],
        3 => [Baik, ButuhPerbaikan],
        _ => [Baik, Baik],
    }
}

/// The rater's reason for a rating hasil kerja that departs from the suggestion (which sees no
/// realisation: it was not yet documented in the application then).
fn alasan_hasil_kerja(r: Rating, per: Periode) -> String {
    let masa = per.label();
    let sumber = "menurut laporan kinerja unit; realisasi bulanan periode ini belum didokumentasikan di aplikasi";
    match r {
        Rating::DiatasEkspektasi => {
            format!("Seluruh RHK Utama {masa} melampaui target {sumber}")
        }
        Rating::SesuaiEkspektasi => format!("RHK Utama {masa} tercapai sesuai target {sumber}"),
        Rating::DibawahEkspektasi => {
            format!("Sebagian besar RHK Utama {masa} tidak mencapai target {sumber}")
        }
    }
}

/// The rater's reason for a rating perilaku that departs from the suggestion.
fn alasan_perilaku(r: Rating) -> String {
    match r {
        Rating::DiatasEkspektasi => {
            "Konsisten menjalankan nilai BerAKHLAK, menjadi teladan dan menggerakkan rekan kerja".into()
        }
        Rating::SesuaiEkspektasi => {
            "Perilaku kerja konsisten sesuai nilai BerAKHLAK untuk diri sendiri".into()
        }
        Rating::DibawahEkspektasi => {
            "Berulang kali melanggar disiplin jam kerja dan tidak hadir pada rapat koordinasi tanpa keterangan, meskipun sudah diingatkan".into()
        }
    }
}

/// The rater's recommendation for the next period.
fn rekomendasi(p: Predikat) -> &'static str {
    match p {
        Predikat::SangatBaik => {
            "Pertahankan kinerja; layak dipertimbangkan dalam kelompok rencana suksesi"
        }
        Predikat::Baik => "Ikuti pengembangan kompetensi teknis sesuai bidang tugas",
        Predikat::ButuhPerbaikan => {
            "Perbaiki capaian RHK Utama melalui bimbingan kinerja bersama pejabat penilai"
        }
        Predikat::Kurang | Predikat::SangatKurang => {
            "Ikuti pembinaan kinerja dan disiplin; perbaikan dipantau pejabat penilai"
        }
    }
}

fn tanggal(tahun: i32, bulan: u32, hari: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(tahun, bulan, hari).unwrap_or_default()
}

/// The first day of a pegawai's service (the TMT in the NIP), at the latest as the default.
fn awal_masa(p: &Pegawai) -> NaiveDate {
    let (t, b) = p.nip.tmt();
    NaiveDate::from_ymd_opt(t, b.clamp(1, 12), 1).unwrap_or(NaiveDate::MIN)
}

/// A pegawai as they were at an earlier position (for the SKP content of that time).
fn di_jabatan(p: &Pegawai, org: &IndeksOrganisasi, jabatan_id: i64) -> Pegawai {
    let mut x = p.clone();
    if let Some(j) = org.jabatan.get(&jabatan_id) {
        x.jabatan_id = Some(j.id);
        x.jabatan_nama = Some(j.nama.clone());
        x.jenis_jabatan = j.jenis_jabatan;
        x.jenjang = j.jenjang;
        x.unit_id = Some(j.unit_id);
        x.unit_nama = org.unit.get(&j.unit_id).map(|u| u.nama.clone());
    }
    x
}

/// A new SKP of a history year for `p` from `mulai`, holding the RHK Utama of `isi` (copied by
/// the domain, as starting a year copies last year's).
fn skp_riwayat(
    org: &IndeksOrganisasi,
    p: &Pegawai,
    isi: &Skp,
    tahun: i32,
    mulai: NaiveDate,
) -> AppResult<Skp> {
    let mut s = Skp::baru(
        p.id,
        tahun,
        p.unit_id,
        p.jabatan_id,
        p.jenis_jabatan,
        isi.pendekatan,
        false,
        Some(mulai),
    )?
    .sebagai_pimpinan_unit_mandiri(org.mandiri(p.jabatan_id));
    s.salin_isi_dari(isi);
    s.rhk.retain(|r| r.jenis == JenisRhk::Utama);
    if s.format.jpt() {
        let perspektif = [Perspektif::PenerimaLayanan, Perspektif::ProsesBisnis];
        for (k, r) in s.rhk.iter_mut().enumerate() {
            r.perspektif.get_or_insert(perspektif[k % perspektif.len()]);
        }
    }
    if p.status_asn == StatusAsn::Pppk && s.perjanjian_kerja.is_none() {
        s.atur_perjanjian_kerja(Some(format!(
            "Perjanjian Kerja PPPK Nomor 800.1.2/{}/BKPSDM/{tahun}",
            p.id
        )))?;
    }
    Ok(s)
}

/// One pegawai of the history with what they are meant to get.
struct Calon<'a> {
    p: &'a Pegawai,
    /// The SKP of the demo year, if any (its content seeds the history's).
    kini: Option<&'a SkpTersimpan>,
    /// Predikat meant for 2024 and 2025 (a unit head's hasil kerja follows the unit instead).
    rencana: [Predikat; 2],
    /// Promoted in mid-2025 from this position (a JF of the lower jenjang).
    mutasi_dari: Option<i64>,
}

impl App {
    /// Write the demo's history unless it is there already.
    pub(crate) async fn isi_riwayat_demo(
        &self,
        inst: i64,
        logins: &[String],
    ) -> AppResult<RingkasanRiwayat> {
        let mut hasil = RingkasanRiwayat::default();
        let hari = hari_ini();
        if hari.year() < TAHUN_DEMO {
            return Ok(hasil);
        }
        let org = self.organisasi(inst).await?;
        let semua = self.store.semua_pegawai(inst).await?;
        let per_nip: HashMap<&str, &Pegawai> = semua.iter().map(|p| (p.nip.as_str(), p)).collect();
        let orang = |i: usize| logins.get(i).and_then(|n| per_nip.get(n.as_str()).copied());
        let (Some(kadis), Some(kabid), Some(pelaksana)) = (orang(0), orang(1), orang(4)) else {
            return Ok(hasil);
        };
        let Some(pd) = kadis
            .unit_id
            .and_then(|u| org.jalur_unit(u).get(1).map(|x| x.id))
        else {
            return Ok(hasil);
        };
        let mut unit = crate::evaluasi::subpohon(&org, pd);
        unit.sort_unstable();
        let kode_akhir = Periode::Tahunan {
            tahun: TAHUN_RIWAYAT[1],
        }
        .kode();
        if !self
            .store
            .capaian_periode(inst, &kode_akhir)
            .await?
            .is_empty()
        {
            return Ok(hasil);
        }
        let milik_pd: Vec<&Pegawai> = semua
            .iter()
            .filter(|p| p.unit_id.is_some_and(|u| unit.contains(&u)))
            .collect();
        let ids: Vec<i64> = milik_pd.iter().map(|p| p.id).collect();
        let ada = self
            .store
            .daftar_skp(
                inst,
                &FilterSkp {
                    tahun: Some(TAHUN_RIWAYAT[1]),
                    pegawai_id: Some(ids.clone()),
                    limit: 1,
                    ..Default::default()
                },
            )
            .await?;
        if !ada.items.is_empty() {
            return Ok(hasil);
        }
        let kini = self.store.skp_tahun(inst, &ids, TAHUN_DEMO).await?;
        let kini: HashMap<i64, &SkpTersimpan> =
            kini.iter().map(|s| (s.skp.pegawai_id, s)).collect();
        // JPT rated by a pegawai (not by the Wali Kota) who lead no unit: the Staf Ahli.
        let jpt: Vec<&Pegawai> = semua
            .iter()
            .filter(|p| p.jenis_jabatan.is_some_and(|j| j.is_jpt()))
            .filter(|p| App::penilai_dari_org(&org, p.id).is_some())
            .filter(|p| crate::evaluasi::unit_dipimpin(&org, p.id).is_empty())
            .collect();
        let mut calon: Vec<Calon> = milik_pd
            .iter()
            .copied()
            .filter(|p| kini.contains_key(&p.id) || p.id == kabid.id)
            .chain(jpt.iter().copied())
            .map(|p| Calon {
                p,
                kini: kini.get(&p.id).copied(),
                rencana: rencana_lain(p.id),
                mutasi_dari: None,
            })
            .collect();
        calon.sort_by_key(|c| c.p.id);
        let rencana = rencanakan(&org, &mut calon, &unit, [kabid.id, pelaksana.id]);
        // The units whose capaian applies: the perangkat daerah's, then the JPT's.
        let mut unit_lain: Vec<i64> = jpt
            .iter()
            .filter_map(|p| p.unit_id)
            .filter(|u| !unit.contains(u))
            .collect();
        unit_lain.sort_unstable();
        unit_lain.dedup();
        let sistem = Pelaku::sistem();

        // Capaian kinerja organisasi of every unit for both years, and the months of 2025 for
        // the two units of the promoted JF.
        let unit_mutasi: Vec<i64> = calon
            .iter()
            .filter_map(|c| c.mutasi_dari)
            .flat_map(|j| org.jabatan.get(&j).map(|j| j.unit_id))
            .chain(
                calon
                    .iter()
                    .filter(|c| c.mutasi_dari.is_some())
                    .filter_map(|c| c.p.unit_id),
            )
            .collect();
        for (ke, &tahun) in TAHUN_RIWAYAT.iter().enumerate() {
            for (i, &u) in unit.iter().chain(&unit_lain).enumerate() {
                let c = if i < unit.len() {
                    capaian_riwayat(i, ke)
                } else {
                    CapaianOrganisasi::Baik
                };
                self.store
                    .simpan_capaian(
                        inst,
                        u,
                        &Periode::Tahunan { tahun }.kode(),
                        c,
                        Some("Capaian kinerja organisasi tahunan berdasarkan laporan kinerja unit"),
                        None,
                        None,
                        &sistem,
                    )
                    .await?;
                hasil.capaian += 1;
                if ke == 1 && unit_mutasi.contains(&u) {
                    for b in 1..=12 {
                        let kode = Periode::Bulan { tahun, bulan: b }.kode();
                        self.store
                            .simpan_capaian(
                                inst,
                                u,
                                &kode,
                                CapaianOrganisasi::Baik,
                                None,
                                None,
                                None,
                                &sistem,
                            )
                            .await?;
                        hasil.capaian += 1;
                    }
                }
            }
        }

        // The SKP of both years, set in January (or within 30 days of a later TMT): the ones
        // the annual is made on, and the promoted JF's closed one, each with its calon's index.
        let mut tahunan: Vec<(usize, SkpTersimpan)> = Vec::new();
        let mut ditutup: Vec<(usize, SkpTersimpan)> = Vec::new();
        for (i, c) in calon.iter().enumerate() {
            let dasar = match c.kini {
                Some(s) => s.skp.clone(),
                None => susun_skp_demo(&org, c.p, i)?,
            };
            for &tahun in &TAHUN_RIWAYAT {
                let awal = awal_masa(c.p).max(tanggal(tahun, 1, 1));
                if awal.year() != tahun {
                    continue; // not yet in service that year
                }
                // Before the promotion the pegawai held the old position.
                let lama = c.mutasi_dari.map(|j| di_jabatan(c.p, &org, j));
                let promosi = tanggal(tahun, 7, 1);
                let (p_awal, isi_awal) = match &lama {
                    Some(l) => (l, self.isi_jabatan_lama(&org, l, i)?),
                    None => (c.p, dasar.clone()),
                };
                let s = skp_riwayat(&org, p_awal, &isi_awal, tahun, awal)?;
                let t = self.tetapkan_riwayat(inst, &s, None, i, &sistem).await?;
                hasil.skp += 1;
                if lama.is_some() && tahun == TAHUN_RIWAYAT[1] {
                    // The promotion: the old SKP closes the day before, a new one starts.
                    let mut s = t.skp.clone();
                    s.tutup(promosi)?;
                    let t = self
                        .store
                        .simpan_skp(inst, &s, t.versi, "tutup_mutasi", None, &sistem)
                        .await?;
                    ditutup.push((i, t.clone()));
                    let baru = skp_riwayat(&org, c.p, &dasar, tahun, promosi)?;
                    let b = self
                        .tetapkan_riwayat(inst, &baru, Some(t.skp.id), i, &sistem)
                        .await?;
                    hasil.skp += 1;
                    tahunan.push((i, b));
                } else {
                    tahunan.push((i, t));
                }
            }
        }

        // The promoted JF's months of 2025, each on the SKP where most of it was spent.
        let rencana_bulan = |b: u32| {
            if b % 6 == 0 {
                Predikat::SangatBaik
            } else {
                Predikat::Baik
            }
        };
        for (i, tutup) in &ditutup {
            let Some((_, baru)) = tahunan
                .iter()
                .find(|(j, t)| j == i && t.skp.tahun == tutup.skp.tahun)
            else {
                continue;
            };
            let masa: Vec<MasaSkp> = [tutup, baru]
                .iter()
                .map(|t| MasaSkp {
                    id: t.skp.id,
                    mulai: t.skp.mulai,
                    selesai: t.skp.selesai,
                })
                .collect();
            for b in 1..=12 {
                let per = Periode::Bulan {
                    tahun: tutup.skp.tahun,
                    bulan: b,
                };
                let Some(s) = [tutup, baru]
                    .into_iter()
                    .find(|t| Some(t.skp.id) == skp_untuk_periode(&masa, per))
                else {
                    continue;
                };
                let diterima = per.selesai() + Days::new(4);
                let peta = self.peta_capaian(inst, per).await?;
                let r = rencana_bulan(b);
                if self
                    .nilai_riwayat(inst, &org, &peta, s, per, r, diterima, &sistem)
                    .await?
                {
                    hasil.evaluasi += 1;
                }
            }
        }

        // The annual evaluations, received in January of the next year.
        let mut peta_tahun = Vec::new();
        for &tahun in &TAHUN_RIWAYAT {
            peta_tahun.push(self.peta_capaian(inst, Periode::Tahunan { tahun }).await?);
        }
        for (i, t) in &tahunan {
            let ke = TAHUN_RIWAYAT
                .iter()
                .position(|&y| y == t.skp.tahun)
                .unwrap_or(0);
            let per = Periode::Tahunan { tahun: t.skp.tahun };
            let diterima = tanggal(t.skp.tahun + 1, 1, 6 + (*i as u32 % 20)).min(hari);
            let r = rencana
                .get(&t.skp.pegawai_id)
                .map_or(Predikat::Baik, |r| r[ke]);
            if self
                .nilai_riwayat(inst, &org, &peta_tahun[ke], t, per, r, diterima, &sistem)
                .await?
            {
                hasil.evaluasi += 1;
            }
        }
        Ok(hasil)
    }

    /// The SKP content a pegawai had at an earlier position: the demo's RHK for that unit, given
    /// by the head of that unit.
    fn isi_jabatan_lama(&self, org: &IndeksOrganisasi, lama: &Pegawai, i: usize) -> AppResult<Skp> {
        let mut s = susun_skp_demo(org, lama, i)?;
        let pemberi = lama
            .unit_id
            .and_then(|u| org.kepala.get(&u))
            .and_then(|j| org.jabatan.get(j))
            .map(|j| j.nama.clone());
        if let Some(n) = pemberi {
            for r in &mut s.rhk {
                r.penugasan_dari = n.clone();
            }
        }
        Ok(s)
    }

    /// Create `s`, have it submitted and set (version 1) within its first days.
    async fn tetapkan_riwayat(
        &self,
        inst: i64,
        s: &Skp,
        asal: Option<i64>,
        i: usize,
        pelaku: &Pelaku,
    ) -> AppResult<SkpTersimpan> {
        let t = self.store.buat_skp(inst, s, asal, pelaku).await?;
        let mut s = t.skp.clone();
        s.ajukan()?;
        let hari = if s.mulai.ordinal() == 1 {
            tanggal(s.tahun, 1, 5 + (i as u32 % 20))
        } else {
            s.mulai + Days::new(5 + (i as u64 % 15))
        };
        s.tetapkan(hari)?;
        let v = VersiBaru {
            alasan: "Penetapan SKP".into(),
            berlaku_mulai: hari,
        };
        Ok(self
            .store
            .simpan_skp(inst, &s, t.versi, "tetapkan", Some(&v), pelaku)
            .await?)
    }

    /// Rate one SKP for a period (`peta`: the period's capaian by unit) as the plan says (a unit head's hasil kerja follows the unit's
    /// capaian), then the rater signs and the pegawai acknowledges. False when the domain does
    /// not allow rating it (nothing is written then).
    #[allow(clippy::too_many_arguments)]
    async fn nilai_riwayat(
        &self,
        inst: i64,
        org: &IndeksOrganisasi,
        peta: &HashMap<i64, CapaianTersimpan>,
        t: &SkpTersimpan,
        per: Periode,
        rencana: Predikat,
        diterima: NaiveDate,
        pelaku: &Pelaku,
    ) -> AppResult<bool> {
        let s = &t.skp;
        let hari = hari_ini();
        if periksa_dapat_dievaluasi(s, per, hari).is_err() {
            return Ok(false);
        }
        let Some(penilai) = penilai_skp(org, s) else {
            return Ok(false);
        };
        let capaian = capaian_berlaku(org, s.unit_id, peta);
        let dasar = dasar_evaluasi(org, s, capaian);
        if dasar.perlu_capaian() && capaian.is_none() {
            return Ok(false);
        }
        let bulan = crate::evaluasi::bulan_dinilai(s, per, hari);
        let (Some(&awal), Some(&akhir)) = (bulan.first(), bulan.last()) else {
            return Ok(false);
        };
        let catatan = self
            .store
            .catatan_periode(inst, &[s.id], awal, akhir, per.mulai(), per.selesai())
            .await?;
        let saran = sarankan(&bahan_saran(
            s,
            per,
            hari,
            &catatan,
            dasar,
            capaian.map(|c| c.capaian_organisasi),
            None,
        ));
        let (mut hk, pr) = rating_untuk(rencana);
        if dasar == DasarEvaluasi::PimpinanUnit {
            hk = saran.rating_hasil_kerja;
        }
        let jadi = predikat(hk, pr);
        let m = PenilaianMasuk {
            rating_hasil_kerja: Some(hk),
            rating_perilaku: Some(pr),
            alasan_hasil_kerja: (hk != saran.rating_hasil_kerja)
                .then(|| alasan_hasil_kerja(hk, per)),
            alasan_perilaku: (pr != saran.rating_perilaku).then(|| alasan_perilaku(pr)),
            catatan: Some(if per.periodik() {
                format!("Evaluasi kinerja periodik {}", per.label())
            } else {
                format!("Evaluasi kinerja tahunan {}", per.tahun())
            }),
            rekomendasi: Some(rekomendasi(jadi).into()),
        };
        let sah = periksa_penilaian(&m, saran.rating_hasil_kerja, saran.rating_perilaku, dasar)?;
        let e = self
            .store
            .simpan_evaluasi(
                inst,
                &EvaluasiSimpan {
                    skp_id: s.id,
                    pegawai_id: s.pegawai_id,
                    unit_id: s.unit_id,
                    periode: per.kode(),
                    tahun: per.tahun(),
                    dasar,
                    capaian_unit_id: capaian.map(|c| c.unit_id).or(s.unit_id),
                    capaian: capaian
                        .filter(|_| dasar.perlu_capaian())
                        .map(|c| c.capaian_organisasi),
                    penilai_pegawai_id: penilai,
                    atasan_pegawai_id: atasan_skp(org, s),
                    nomor_versi_skp: s.nomor_versi,
                    saran_hasil_kerja: saran.rating_hasil_kerja,
                    saran_perilaku: saran.rating_perilaku,
                    rating_hasil_kerja: sah.rating_hasil_kerja,
                    rating_perilaku: sah.rating_perilaku,
                    predikat: sah.predikat,
                    alasan_hasil_kerja: sah.alasan_hasil_kerja,
                    alasan_perilaku: sah.alasan_perilaku,
                    catatan: sah.catatan,
                    rekomendasi: sah.rekomendasi,
                    akademik: None,
                },
                None,
                pelaku,
            )
            .await?;
        self.store
            .tandatangani_evaluasi(inst, e.id, diterima.min(hari), &[], pelaku)
            .await?;
        self.store.terima_evaluasi(inst, e.id, &[], pelaku).await?;
        Ok(true)
    }
}

/// Choose what each pegawai is meant to get (see the module documentation), by rules over the
/// organisation and the demo year's SKP, so the same demo always gives the same people:
/// - the Kepala Bidang and Pelaksana logins: Baik in both years;
/// - the JPT (by id): Baik then Butuh Perbaikan, Sangat Baik in both years, Baik in both years;
/// - Sangat Baik in both years: the heads of the units Istimewa in both years and the first two
///   JF Ahli Muda (not heads) whose SKP of the demo year is set;
/// - Kurang or Sangat Kurang in 2025: the first JF Ahli Pertama whose SKP of the demo year is a
///   draft (Butuh Perbaikan, then Sangat Kurang), the first JF Terampil whose SKP is submitted
///   (Kurang in both years), the first Kepala Seksi whose SKP was returned and the last
///   pelaksana (not a login) whose SKP is set (Baik, then Kurang);
/// - promoted in July 2025: the last JF Ahli Muda with a set SKP for whom a position of the same
///   name at Ahli Pertama exists in another unit of the perangkat daerah (Baik in both years);
/// - everyone else: [`rencana_lain`].
///
/// Answers the plan by pegawai.
fn rencanakan(
    org: &IndeksOrganisasi,
    calon: &mut [Calon],
    unit: &[i64],
    [kabid, pelaksana]: [i64; 2],
) -> HashMap<i64, [Predikat; 2]> {
    use Predikat::*;
    fn tetap(calon: &mut [Calon], id: i64, r: [Predikat; 2], dipilih: &mut Vec<i64>) {
        if let Some(c) = calon.iter_mut().find(|c| c.p.id == id) {
            c.rencana = r;
            dipilih.push(id);
        }
    }
    let mut dipilih: Vec<i64> = Vec::new();
    tetap(calon, kabid, [Baik, Baik], &mut dipilih);
    tetap(calon, pelaksana, [Baik, Baik], &mut dipilih);
    let jpt: Vec<i64> = calon
        .iter()
        .filter(|c| c.p.jenis_jabatan.is_some_and(|j| j.is_jpt()))
        .map(|c| c.p.id)
        .collect();
    for (id, r) in jpt.into_iter().zip([
        [Baik, ButuhPerbaikan],
        [SangatBaik, SangatBaik],
        [Baik, Baik],
    ]) {
        tetap(calon, id, r, &mut dipilih);
    }
    let kepala = |id: i64| unit.iter().any(|&u| org.kepala_unit(u) == Some(id));
    let status = |c: &Calon| c.kini.map(|s| s.skp.status);
    let jf = |c: &Calon, j: Jenjang| {
        c.p.jenis_jabatan == Some(JenisJabatan::Fungsional) && c.p.jenjang == Some(j)
    };
    // Heads of the units Istimewa in both years.
    for (i, &u) in unit.iter().enumerate() {
        if (0..2).all(|ke| capaian_riwayat(i, ke) == CapaianOrganisasi::Istimewa) {
            if let Some(h) = org.kepala_unit(u) {
                if !dipilih.contains(&h) {
                    tetap(calon, h, [SangatBaik, SangatBaik], &mut dipilih);
                }
            }
        }
    }
    let pilih = |calon: &[Calon], dipilih: &[i64], f: &dyn Fn(&Calon) -> bool| -> Vec<i64> {
        calon
            .iter()
            .filter(|c| !dipilih.contains(&c.p.id) && !kepala(c.p.id) && f(c))
            .map(|c| c.p.id)
            .collect()
    };
    let ditetapkan = Some(StatusSkp::Ditetapkan);
    for id in pilih(calon, &dipilih, &|c| {
        jf(c, Jenjang::AhliMuda) && status(c) == ditetapkan
    })
    .into_iter()
    .take(2)
    {
        tetap(calon, id, [SangatBaik, SangatBaik], &mut dipilih);
    }
    if let Some(&id) = pilih(calon, &dipilih, &|c| {
        jf(c, Jenjang::AhliPertama) && status(c) == Some(StatusSkp::Draf)
    })
    .first()
    {
        tetap(calon, id, [ButuhPerbaikan, SangatKurang], &mut dipilih);
    }
    if let Some(&id) = pilih(calon, &dipilih, &|c| {
        jf(c, Jenjang::Terampil) && status(c) == Some(StatusSkp::Diajukan)
    })
    .first()
    {
        tetap(calon, id, [Kurang, Kurang], &mut dipilih);
    }
    if let Some(id) = calon
        .iter()
        .filter(|c| !dipilih.contains(&c.p.id) && kepala(c.p.id))
        .find(|c| {
            c.p.jenis_jabatan == Some(JenisJabatan::Pengawas)
                && status(c) == Some(StatusSkp::Dikembalikan)
        })
        .map(|c| c.p.id)
    {
        tetap(calon, id, [Baik, Kurang], &mut dipilih);
    }
    if let Some(&id) = pilih(calon, &dipilih, &|c| {
        c.p.jenis_jabatan == Some(JenisJabatan::Pelaksana) && status(c) == ditetapkan
    })
    .last()
    {
        tetap(calon, id, [Baik, Kurang], &mut dipilih);
    }
    // The promotion: a position of the same name one jenjang lower in another unit.
    let lebih_rendah = |c: &Calon| -> Option<i64> {
        let nama = c.p.jabatan_nama.as_deref()?.strip_suffix(" Ahli Muda")?;
        let mut j: Vec<i64> = org
            .jabatan
            .values()
            .filter(|j| {
                j.jenjang == Some(Jenjang::AhliPertama)
                    && j.nama == format!("{nama} Ahli Pertama")
                    && Some(j.unit_id) != c.p.unit_id
                    && unit.contains(&j.unit_id)
            })
            .map(|j| j.id)
            .collect();
        j.sort_unstable();
        j.first().copied()
    };
    if let Some((id, j)) = calon
        .iter()
        .rev()
        .filter(|c| !dipilih.contains(&c.p.id) && !kepala(c.p.id))
        .filter(|c| jf(c, Jenjang::AhliMuda) && status(c) == ditetapkan)
        .find_map(|c| lebih_rendah(c).map(|j| (c.p.id, j)))
    {
        tetap(calon, id, [Baik, Baik], &mut dipilih);
        if let Some(c) = calon.iter_mut().find(|c| c.p.id == id) {
            c.mutasi_dari = Some(j);
        }
    }
    calon.iter().map(|c| (c.p.id, c.rencana)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each planned predikat comes back out of the kuadran.
    #[test]
    fn rating_gives_the_planned_predikat() {
        for p in [
            Predikat::SangatBaik,
            Predikat::Baik,
            Predikat::ButuhPerbaikan,
            Predikat::Kurang,
            Predikat::SangatKurang,
        ] {
            let (hk, pr) = rating_untuk(p);
            assert_eq!(predikat(hk, pr), p, "{p:?}");
        }
    }

    #[test]
    fn capaian_mostly_baik() {
        let semua: Vec<_> = (0..16)
            .flat_map(|u| (0..2).map(move |ke| capaian_riwayat(u, ke)))
            .collect();
        let baik = semua
            .iter()
            .filter(|c| **c == CapaianOrganisasi::Baik)
            .count();
        assert!(baik * 4 >= semua.len() * 3, "{baik} of {}", semua.len());
        assert!((0..2).all(|ke| capaian_riwayat(0, ke) == CapaianOrganisasi::Baik));
        assert!(
            (0..16).any(|u| (0..2).all(|ke| capaian_riwayat(u, ke) == CapaianOrganisasi::Istimewa))
        );
    }

    /// The demo as loaded: the cases the follow-up stage needs are there, every history
    /// evaluation is signed and acknowledged in January of the next year with the kuadran's
    /// predikat, the Pelaksana login stays Baik, and loading again writes nothing.
    #[tokio::test(flavor = "multi_thread")]
    async fn the_demo_history_shows_every_case() {
        use kinerja_domain::evaluasi::StatusEvaluasi;
        use kinerja_store::FilterEvaluasi;
        use std::sync::Arc;
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("demo.db");
        let store = kinerja_store_sqlite::buka(db.to_str().unwrap())
            .await
            .unwrap();
        let app = App::new(Arc::new(store)).dengan_bukti(Arc::new(
            kinerja_bukti::DirektoriLokal::baru(dir.path().join("bukti")),
        ));
        let r = app.muat_demo(2026).await.unwrap();
        let inst = app.instansi_utama().await.unwrap().id;
        let semua = app.store.semua_pegawai(inst).await.unwrap();
        let peg = |id: i64| semua.iter().find(|p| p.id == id).unwrap();
        let login = |peran: &str| {
            let nip = &r.logins.iter().find(|l| l.peran == peran).unwrap().username;
            semua.iter().find(|p| p.nip.as_str() == nip).unwrap().id
        };
        let mut hasil: HashMap<i64, [Option<Predikat>; 2]> = HashMap::new();
        for (ke, tahun) in TAHUN_RIWAYAT.iter().enumerate() {
            let f = FilterEvaluasi {
                periode: Some(tahun.to_string()),
                limit: 100_000,
                ..Default::default()
            };
            for e in app.store.daftar_evaluasi(inst, &f).await.unwrap() {
                assert_eq!(e.status, StatusEvaluasi::DiterimaPegawai, "{}", e.nama);
                let d = e.diterima.unwrap();
                assert_eq!((d.year(), d.month()), (tahun + 1, 1), "{}", e.nama);
                assert_eq!(
                    e.predikat,
                    predikat(e.rating_hasil_kerja, e.rating_perilaku)
                );
                assert!(hasil.entry(e.pegawai_id).or_default()[ke]
                    .replace(e.predikat)
                    .is_none());
            }
        }
        use Predikat::*;
        let dua = |a: Predikat, b: Predikat| {
            let mut v: Vec<i64> = hasil
                .iter()
                .filter(|(_, x)| x[0] == Some(a) && x[1] == Some(b))
                .map(|(id, _)| *id)
                .collect();
            v.sort_unstable();
            v
        };
        let fungsional = |id: &i64| peg(*id).jenis_jabatan == Some(JenisJabatan::Fungsional);
        let talenta = dua(SangatBaik, SangatBaik);
        assert!(talenta.len() >= 3, "{talenta:?}");
        assert!(talenta.iter().any(fungsional), "a JF in the talent pool");
        let kedua = hasil
            .values()
            .filter(|x| x.iter().all(|p| p.is_some()))
            .count();
        assert!(dua(Baik, Baik).len() * 2 > kedua, "most Baik in both years");
        assert!(
            hasil
                .values()
                .filter(|x| x[0].is_some() && x[0] != x[1])
                .count()
                >= 5
        );
        let jpt = |id: &i64| peg(*id).jenis_jabatan.is_some_and(|j| j.is_jpt());
        let sanksi: Vec<i64> = hasil
            .iter()
            .filter(|(id, x)| !jpt(id) && matches!(x[1], Some(Kurang | SangatKurang)))
            .map(|(id, _)| *id)
            .collect();
        assert!(sanksi.len() >= 3, "{sanksi:?}");
        assert!(hasil
            .iter()
            .any(|(id, x)| jpt(id) && x[1] == Some(ButuhPerbaikan)));
        assert_eq!(hasil.get(&login("Pelaksana")), Some(&[Some(Baik); 2]));
        for peran in ["Kepala Dinas", "Kepala Seksi", "Jabatan Fungsional"] {
            assert!(!hasil.contains_key(&login(peran)), "{peran} has no history");
        }

        // Every SKP of the history is set once; the promoted JF's first SKP of 2025 is closed
        // at the end of June and both halves have their months rated.
        let ids: Vec<i64> = semua.iter().map(|p| p.id).collect();
        for tahun in TAHUN_RIWAYAT {
            let masa = app.store.masa_skp(inst, tahun, &ids, &[]).await.unwrap();
            assert!(masa.len() >= 75, "{tahun}: {}", masa.len());
            assert!(masa.iter().all(|m| m.nomor_versi == 1));
            let tutup: Vec<_> = masa
                .iter()
                .filter(|m| m.status == StatusSkp::Ditutup)
                .collect();
            if tahun == TAHUN_RIWAYAT[0] {
                assert!(tutup.is_empty());
                continue;
            }
            assert_eq!(tutup.len(), 1);
            let t = tutup[0];
            assert_eq!(t.selesai, tanggal(tahun, 6, 30));
            assert!(fungsional(&t.pegawai_id));
            let f = FilterEvaluasi {
                pegawai_id: Some(vec![t.pegawai_id]),
                tahun: Some(tahun),
                limit: 100,
                ..Default::default()
            };
            let e = app.store.daftar_evaluasi(inst, &f).await.unwrap();
            let per_skp = |id: i64| e.iter().filter(|x| x.skp_id == id).count();
            assert_eq!(per_skp(t.skp_id), 6, "January to June on the closed SKP");
            assert_eq!(e.len(), 13, "twelve months and the year");
        }

        // Loading again adds nothing to the history.
        let jumlah = || async {
            let mut n = 0;
            for tahun in TAHUN_RIWAYAT {
                n += app
                    .store
                    .masa_skp(inst, tahun, &ids, &[])
                    .await
                    .unwrap()
                    .len();
                let f = FilterEvaluasi {
                    tahun: Some(tahun),
                    limit: 100_000,
                    ..Default::default()
                };
                n += app.store.daftar_evaluasi(inst, &f).await.unwrap().len();
                n += app
                    .store
                    .capaian_periode(inst, &tahun.to_string())
                    .await
                    .unwrap()
                    .len();
            }
            n
        };
        let sebelum = jumlah().await;
        app.muat_demo(2026).await.unwrap();
        assert_eq!(jumlah().await, sebelum);
    }

    #[test]
    fn most_of_the_rest_baik_in_both_years() {
        let n = (1..=1600)
            .filter(|&i| rencana_lain(i) == [Predikat::Baik; 2])
            .count();
        assert_eq!(n, 1200);
    }
}
