//! The demo's evaluation stage for the demo perangkat daerah in 2026: capaian kinerja
//! organisasi of every unit for every month so far and for the year; periodic evaluations of
//! every set SKP for the past months, signed and mostly acknowledged, with predikat that put
//! some units off their guideline; the current month and the annual evaluation in progress for
//! other teams; one keberatan pending and one decided.
//!
//! The Kepala Seksi login's team is left for the visitor: nothing rated for the current month or
//! the year, and the Pelaksana login's previous month signed three days ago and not yet
//! acknowledged, so a keberatan can still be filed. Ratings start from the product's own
//! suggestion and depart from it (with a reason) for a few pegawai.

use crate::demo_skp::TAHUN_DEMO;
use crate::error::AppResult;
use crate::evaluasi::{
    atasan_skp, bahan_saran, capaian_berlaku, dasar_evaluasi, penilai_skp, subpohon,
};
use crate::skp::hari_ini;
use crate::App;
use chrono::{Datelike, Days};
use kinerja_domain::evaluasi::keberatan::{batas_pengajuan, PutusanSah, StatusKeberatan};
use kinerja_domain::evaluasi::saran::{sarankan, DataAkademik};
use kinerja_domain::evaluasi::{periksa_penilaian, DasarEvaluasi, PenilaianMasuk};
use kinerja_domain::kuadran::{predikat, CapaianOrganisasi, Rating};
use kinerja_domain::periode::Periode;
use kinerja_domain::tugas_belajar::{Akreditasi, Ipk, JenjangPendidikan, Lokasi};
use kinerja_store::{EvaluasiSimpan, KeberatanBaru, Pelaku, SkpTersimpan};
use std::collections::HashMap;

/// What the demo's evaluation stage wrote.
#[derive(Debug, Default, Clone)]
pub struct RingkasanEvaluasi {
    pub capaian: usize,
    pub evaluasi: usize,
    pub keberatan: usize,
}

/// The capaian of a unit in a month: mostly Baik, one unit Istimewa in the second half, one
/// Butuh Perbaikan in the first quarter.
fn capaian_demo(urutan: usize, bulan: u32) -> CapaianOrganisasi {
    match (urutan % 5, bulan) {
        (1, 7..=12) => CapaianOrganisasi::Istimewa,
        (3, 1..=3) => CapaianOrganisasi::ButuhPerbaikan,
        _ => CapaianOrganisasi::Baik,
    }
}

/// The rater's ratings: the suggestion, except for a few pegawai in a few periods.
fn rating_demo(
    pegawai: i64,
    bulan: u32,
    dasar: DasarEvaluasi,
    saran: (Rating, Rating),
) -> PenilaianMasuk {
    use Rating::*;
    let h = (pegawai as u64 * 31 + u64::from(bulan) * 7) % 23;
    let (hk, pr, alasan_hk, alasan_pr) = match h {
        0 | 11 => (
            DiatasEkspektasi,
            DiatasEkspektasi,
            Some("Hasil kerja melampaui target dengan bukti dukung lengkap"),
            Some("Menjadi teladan pelayanan dan membantu rekan kerja"),
        ),
        5 => (
            DibawahEkspektasi,
            saran.1,
            Some("Dua RHK Utama tertunda tanpa penjelasan"),
            None,
        ),
        17 if bulan % 3 == 0 => (
            saran.0,
            DibawahEkspektasi,
            None,
            Some("Berulang kali tidak hadir dalam rapat koordinasi tanpa keterangan"),
        ),
        _ => (saran.0, saran.1, None, None),
    };
    let hk = if dasar == DasarEvaluasi::PimpinanUnit {
        saran.0
    } else {
        hk
    };
    PenilaianMasuk {
        rating_hasil_kerja: Some(hk),
        rating_perilaku: Some(pr),
        alasan_hasil_kerja: alasan_hk.map(str::to_string),
        alasan_perilaku: alasan_pr.map(str::to_string),
        catatan: Some("Pertahankan dokumentasi bulanan beserta bukti dukungnya".into()),
        rekomendasi: (h % 4 == 0).then(|| "Ikuti pelatihan penyusunan laporan kinerja".into()),
    }
}

fn akademik_demo() -> Option<DataAkademik> {
    Some(DataAkademik {
        jenjang_pendidikan: JenjangPendidikan::S2,
        lokasi: Lokasi::DalamNegeri,
        akreditasi_pt: Some(Akreditasi::A),
        akreditasi_prodi: Some(Akreditasi::A),
        ipk: Ipk::parse("3.62").ok()?,
        tepat_waktu: true,
        penugasan_lain: None,
    })
}

impl App {
    /// Write the demo's evaluation stage unless it is there already.
    pub(crate) async fn isi_evaluasi_demo(
        &self,
        inst: i64,
        logins: &[String],
    ) -> AppResult<RingkasanEvaluasi> {
        let mut hasil = RingkasanEvaluasi::default();
        let hari = hari_ini();
        if hari.year() != TAHUN_DEMO || hari.month() < 2 {
            return Ok(hasil);
        }
        let org = self.organisasi(inst).await?;
        let semua = self.store.semua_pegawai(inst).await?;
        let per_nip: HashMap<&str, i64> = semua.iter().map(|p| (p.nip.as_str(), p.id)).collect();
        let orang = |i: usize| logins.get(i).and_then(|n| per_nip.get(n.as_str()).copied());
        let (Some(kasi), Some(pelaksana)) = (orang(2), orang(4)) else {
            return Ok(hasil);
        };
        let Some(pd) = semua
            .iter()
            .find(|p| p.id == pelaksana)
            .and_then(|p| p.unit_id)
            .and_then(|u| org.jalur_unit(u).get(1).map(|x| x.id))
        else {
            return Ok(hasil);
        };
        let unit = subpohon(&org, pd);
        let sistem = Pelaku::sistem();
        let periode_tahun = Periode::Tahunan { tahun: TAHUN_DEMO };
        if !self
            .store
            .capaian_periode(inst, &periode_tahun.kode())
            .await?
            .is_empty()
        {
            return Ok(hasil);
        }
        // Capaian of every unit for every month so far and for the year; for this month, the
        // perangkat daerah itself and one of its bidang (outside the Kepala Seksi's) wait for
        // their leader, so their pegawai cannot be rated yet.
        let bulan_ini = hari.month();
        let unit_kasi = semua.iter().find(|p| p.id == kasi).and_then(|p| p.unit_id);
        let jalur_kasi: Vec<i64> = unit_kasi
            .map(|u| org.jalur_unit(u).iter().map(|x| x.id).collect())
            .unwrap_or_default();
        let tertunda = unit
            .iter()
            .copied()
            .filter(|u| org.unit.get(u).and_then(|x| x.induk_id) == Some(pd))
            .filter(|u| !jalur_kasi.contains(u))
            .min();
        let unit_tertunda: Vec<i64> = tertunda.map(|t| subpohon(&org, t)).unwrap_or_default();
        let belum_ditetapkan =
            |u: i64, b: u32| b == bulan_ini && (u == pd || unit_tertunda.contains(&u));
        for (i, u) in unit.iter().enumerate() {
            for b in (1..=bulan_ini).filter(|b| !belum_ditetapkan(*u, *b)) {
                let kode = Periode::Bulan {
                    tahun: TAHUN_DEMO,
                    bulan: b,
                }
                .kode();
                self.store
                    .simpan_capaian(
                        inst,
                        *u,
                        &kode,
                        capaian_demo(i, b),
                        None,
                        None,
                        None,
                        &sistem,
                    )
                    .await?;
                hasil.capaian += 1;
            }
            self.store
                .simpan_capaian(
                    inst,
                    *u,
                    &periode_tahun.kode(),
                    capaian_demo(i, 12),
                    Some("Capaian kinerja organisasi tahunan berdasarkan laporan kinerja unit"),
                    None,
                    None,
                    &sistem,
                )
                .await?;
            hasil.capaian += 1;
        }
        // Every set SKP of the perangkat daerah.
        let ids: Vec<i64> = semua
            .iter()
            .filter(|p| p.unit_id.is_some_and(|u| unit.contains(&u)))
            .map(|p| p.id)
            .collect();
        let skp: Vec<SkpTersimpan> = self
            .store
            .skp_tahun(inst, &ids, TAHUN_DEMO)
            .await?
            .into_iter()
            .filter(|s| s.skp.nomor_versi >= 1 && s.skp.ditetapkan_pada.is_some())
            .collect();
        let skp_ids: Vec<i64> = skp.iter().map(|s| s.skp.id).collect();
        let tim_kasi: Vec<i64> = org.dinilai.get(&kasi).cloned().unwrap_or_default();
        let mut periode: Vec<Periode> = (1..=bulan_ini)
            .map(|b| Periode::Bulan {
                tahun: TAHUN_DEMO,
                bulan: b,
            })
            .collect();
        periode.push(periode_tahun);
        let mut ditandatangani: Vec<(i64, i64, u32)> = Vec::new();
        for per in periode {
            let (bulan_awal, bulan_akhir) = match per {
                Periode::Bulan { bulan, .. } => (bulan, bulan),
                _ => (1, bulan_ini),
            };
            let catatan = self
                .store
                .catatan_periode(
                    inst,
                    &skp_ids,
                    bulan_awal,
                    bulan_akhir,
                    per.mulai(),
                    per.selesai(),
                )
                .await?;
            let peta = self.peta_capaian(inst, per).await?;
            let berjalan = per.periodik() && bulan_awal == bulan_ini;
            for s in &skp {
                let peg = s.skp.pegawai_id;
                let milik_kasi = tim_kasi.contains(&peg);
                // The visitor rates the Kepala Seksi's team for this month and the year.
                if milik_kasi && (berjalan || !per.periodik()) {
                    continue;
                }
                if per.mulai() < s.skp.mulai.with_day(1).unwrap_or(s.skp.mulai) {
                    continue;
                }
                // This month and the year: about half rated so far.
                if (berjalan || !per.periodik()) && peg % 2 == 0 {
                    continue;
                }
                let Some(penilai) = penilai_skp(&org, &s.skp) else {
                    continue;
                };
                let capaian = capaian_berlaku(&org, s.skp.unit_id, &peta);
                let dasar = dasar_evaluasi(&org, &s.skp, capaian);
                if dasar.perlu_capaian() && capaian.is_none() {
                    continue;
                }
                let akademik = (dasar == DasarEvaluasi::TugasBelajar)
                    .then(akademik_demo)
                    .flatten();
                let saran = sarankan(&bahan_saran(
                    &s.skp,
                    per,
                    hari,
                    &catatan,
                    dasar,
                    capaian.map(|c| c.capaian_organisasi),
                    akademik.clone(),
                ));
                let m = rating_demo(
                    peg,
                    bulan_akhir,
                    dasar,
                    (saran.rating_hasil_kerja, saran.rating_perilaku),
                );
                let Ok(sah) =
                    periksa_penilaian(&m, saran.rating_hasil_kerja, saran.rating_perilaku, dasar)
                else {
                    continue;
                };
                let e = self
                    .store
                    .simpan_evaluasi(
                        inst,
                        &EvaluasiSimpan {
                            skp_id: s.skp.id,
                            pegawai_id: peg,
                            unit_id: s.skp.unit_id,
                            periode: per.kode(),
                            tahun: TAHUN_DEMO,
                            dasar,
                            capaian_unit_id: capaian.map(|c| c.unit_id).or(s.skp.unit_id),
                            capaian: capaian
                                .filter(|_| dasar.perlu_capaian())
                                .map(|c| c.capaian_organisasi),
                            penilai_pegawai_id: penilai,
                            atasan_pegawai_id: atasan_skp(&org, &s.skp),
                            nomor_versi_skp: s.skp.nomor_versi,
                            saran_hasil_kerja: saran.rating_hasil_kerja,
                            saran_perilaku: saran.rating_perilaku,
                            rating_hasil_kerja: sah.rating_hasil_kerja,
                            rating_perilaku: sah.rating_perilaku,
                            predikat: predikat(sah.rating_hasil_kerja, sah.rating_perilaku),
                            alasan_hasil_kerja: sah.alasan_hasil_kerja,
                            alasan_perilaku: sah.alasan_perilaku,
                            catatan: sah.catatan,
                            rekomendasi: sah.rekomendasi,
                            akademik,
                        },
                        None,
                        &sistem,
                    )
                    .await?;
                hasil.evaluasi += 1;
                // Past months are signed; this month and the year stay drafts (some of the
                // year is signed).
                let tanda_tangan = !berjalan && (per.periodik() || peg % 3 == 0);
                if !tanda_tangan {
                    continue;
                }
                let diterima = if per.periodik() {
                    if peg == pelaksana && bulan_akhir + 1 == bulan_ini {
                        hari.checked_sub_days(Days::new(3)).unwrap_or(hari)
                    } else {
                        per.selesai()
                            .checked_add_days(Days::new(3))
                            .unwrap_or(hari)
                            .min(hari)
                    }
                } else {
                    hari
                };
                self.store
                    .tandatangani_evaluasi(inst, e.id, diterima, &[], &sistem)
                    .await?;
                let belum_diterima = peg == pelaksana && bulan_akhir + 1 == bulan_ini;
                if !belum_diterima && (peg + i64::from(bulan_akhir)) % 9 != 0 {
                    self.store.terima_evaluasi(inst, e.id, &[], &sistem).await?;
                }
                if per.periodik() && !milik_kasi && bulan_akhir + 3 >= bulan_ini {
                    ditandatangani.push((e.id, peg, bulan_akhir));
                }
            }
        }
        // One keberatan pending (last month) and one decided (the month before).
        let lalu = bulan_ini - 1;
        let pending = ditandatangani.iter().find(|x| x.2 == lalu);
        let diputus = ditandatangani
            .iter()
            .find(|x| x.2 + 1 == lalu && Some(x.1) != pending.map(|p| p.1));
        for (i, x) in [pending, diputus].into_iter().flatten().enumerate() {
            let Some(e) = self.store.evaluasi(inst, x.0).await? else {
                continue;
            };
            let k = self
                .store
                .ajukan_keberatan(
                    inst,
                    &KeberatanBaru {
                        evaluasi_id: e.id,
                        alasan: "Realisasi dan bukti dukung bulan ini lengkap, namun rating hasil kerja tidak mempertimbangkan laporan tambahan yang saya selesaikan.".into(),
                        batas: batas_pengajuan(e.diterima.unwrap_or(hari)),
                        atasan_pegawai_id: e.atasan_pegawai_id,
                    },
                    &[],
                    &sistem,
                )
                .await?;
            hasil.keberatan += 1;
            if i == 1 {
                let baru = (Rating::SesuaiEkspektasi, Rating::DiatasEkspektasi);
                let baru = if baru == (e.rating_hasil_kerja, e.rating_perilaku) {
                    (Rating::DiatasEkspektasi, Rating::DiatasEkspektasi)
                } else {
                    baru
                };
                self.store
                    .putuskan_keberatan(
                        inst,
                        k.id,
                        &PutusanSah {
                            status: StatusKeberatan::Dikabulkan,
                            baru: Some((baru.0, baru.1, predikat(baru.0, baru.1))),
                            alasan:
                                "Laporan tambahan terbukti pada bukti dukung; rating disesuaikan."
                                    .into(),
                        },
                        &[],
                        &sistem,
                    )
                    .await?;
            }
        }
        Ok(hasil)
    }
}
