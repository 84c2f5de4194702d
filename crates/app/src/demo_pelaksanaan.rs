//! The demo's execution stage of 2026: months of realisation with evidence (links and real
//! files in the evidence storage), the rater's berkala and insidentil feedback, 360 feedback
//! (one answered anonymously, one request still open for the JF login), responses, pembinaan and
//! one RHK taken over. Everything goes through the domain's checks with the date it happened.
//!
//! The Pelaksana login gets a set SKP whose current month is half documented, so a visitor can
//! finish it; the Kepala Seksi login (their rater) sees the team month.

use crate::demo_skp::{susun_skp_demo, TAHUN_DEMO};
use crate::error::AppResult;
use crate::skp::hari_ini;
use crate::App;
use chrono::{Datelike, NaiveDate};
use kinerja_domain::pelaksanaan::realisasi::{periksa_realisasi, RealisasiMasuk};
use kinerja_domain::pelaksanaan::tindak_lanjut::{
    periksa_tindak_lanjut, JenisPembinaan, JenisTindakLanjut, RiwayatTindakLanjut,
    TindakLanjutMasuk,
};
use kinerja_domain::pelaksanaan::umpan_balik::{
    periksa_umpan_balik, CaraUmpanBalik, JenisUmpanBalik, PemberiUmpanBalik, UmpanBalikMasuk,
};
use kinerja_domain::perilaku::AspekPerilaku;
use kinerja_domain::periode::nama_bulan;
use kinerja_domain::skp::Skp;
use kinerja_store::{
    BuktiBaru, FilterSkp, NotifikasiBaru, Pegawai, Pelaku, PermintaanBaru, TindakLanjutBaru,
    UmpanBalikBaru, VersiBaru,
};
use std::collections::HashMap;

/// What the demo's execution stage wrote.
#[derive(Debug, Clone, Default)]
pub struct RingkasanPelaksanaan {
    pub realisasi: usize,
    pub bukti: usize,
    pub umpan_balik: usize,
}

fn tgl(bulan: u32, hari: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(TAHUN_DEMO, bulan, hari.min(28)).unwrap_or_default()
}

/// A one-page PDF saying `judul` (a real file, for the evidence storage).
pub(crate) fn pdf_sederhana(judul: &str) -> Vec<u8> {
    let teks: String = judul
        .chars()
        .map(|c| {
            if c.is_ascii() && c != '(' && c != ')' && c != '\\' {
                c
            } else {
                ' '
            }
        })
        .collect();
    let isi = format!("BT /F1 14 Tf 56 760 Td ({teks}) Tj ET");
    let objek = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>".to_string(),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
        format!("<< /Length {} >>\nstream\n{isi}\nendstream", isi.len()),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut posisi = Vec::new();
    for (i, o) in objek.iter().enumerate() {
        posisi.push(out.len());
        out.extend(format!("{} 0 obj\n{o}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objek.len() + 1).as_bytes());
    for p in posisi {
        out.extend(format!("{p:010} 00000 n \n").as_bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objek.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// A plausible monthly realisation of an IKI target.
fn nilai_realisasi(s: &Skp, iki_id: i64, bulan: u32, variasi: usize) -> String {
    let Ok((r, i)) = s.cari_iki(iki_id) else {
        return "Terlaksana".into();
    };
    let t = &s.rhk[r].iki[i].target;
    match (t.min, t.satuan.as_deref()) {
        (Some(min), Some("%")) => format!("{} %", (min as usize + variasi % 6).min(100)),
        (Some(min), Some(satuan)) => {
            let per_bulan = (min / 12.0).ceil().max(1.0) as usize;
            format!("{} {satuan}", per_bulan + variasi % 2)
        }
        _ => format!("Terlaksana sesuai rencana bulan {}", nama_bulan(bulan)),
    }
}

impl App {
    /// Write the demo's execution stage unless it is there already.
    pub(crate) async fn isi_pelaksanaan_demo(
        &self,
        inst: i64,
        logins: &[String],
    ) -> AppResult<RingkasanPelaksanaan> {
        let mut hasil = RingkasanPelaksanaan::default();
        let hari = hari_ini();
        if hari.year() < TAHUN_DEMO {
            return Ok(hasil);
        }
        let bulan_akhir = if hari.year() == TAHUN_DEMO {
            hari.month()
        } else {
            12
        };
        let org = self.organisasi(inst).await?;
        let semua = self.store.semua_pegawai(inst).await?;
        let per_nip: HashMap<&str, &Pegawai> = semua.iter().map(|p| (p.nip.as_str(), p)).collect();
        let orang = |i: usize| logins.get(i).and_then(|n| per_nip.get(n.as_str()).copied());
        let (Some(kasi), Some(jf), Some(pelaksana)) = (orang(2), orang(3), orang(4)) else {
            return Ok(hasil);
        };
        let sistem = Pelaku::sistem();
        // The Pelaksana login's SKP, set by their rater in January.
        if self
            .store
            .skp_tahun(inst, &[pelaksana.id], TAHUN_DEMO)
            .await?
            .is_empty()
        {
            let s = susun_skp_demo(&org, pelaksana, 1)?;
            let hari_set = tgl(1, 12);
            let t = self.store.buat_skp(inst, &s, None, &sistem).await?;
            let mut s = t.skp.clone();
            s.ajukan()?;
            s.tetapkan(hari_set)?;
            let v = VersiBaru {
                alasan: "Penetapan SKP".into(),
                berlaku_mulai: hari_set,
            };
            self.store
                .simpan_skp(inst, &s, t.versi, "tetapkan", Some(&v), &sistem)
                .await?;
        }
        let skp_pelaksana = self
            .store
            .skp_tahun(inst, &[pelaksana.id], TAHUN_DEMO)
            .await?
            .into_iter()
            .next();
        let Some(skp_pelaksana) = skp_pelaksana else {
            return Ok(hasil);
        };
        if !self
            .store
            .realisasi_skp(inst, skp_pelaksana.skp.id, None)
            .await?
            .is_empty()
        {
            return Ok(hasil);
        }
        // Every set SKP of the perangkat daerah, the Pelaksana's first.
        let pd = |p: &Pegawai| {
            p.unit_id
                .and_then(|u| org.jalur_unit(u).get(1).map(|x| x.id))
        };
        let milik_pd = pd(pelaksana);
        let ids: Vec<i64> = semua
            .iter()
            .filter(|p| milik_pd.is_some() && pd(p) == milik_pd)
            .map(|p| p.id)
            .collect();
        let daftar = self
            .store
            .daftar_skp(
                inst,
                &FilterSkp {
                    tahun: Some(TAHUN_DEMO),
                    pegawai_id: Some(ids),
                    limit: 1000,
                    ..Default::default()
                },
            )
            .await?;
        let mut skp = vec![skp_pelaksana.skp.clone()];
        for r in daftar.items.iter().filter(|r| r.ditetapkan_pada.is_some()) {
            if r.id != skp_pelaksana.skp.id {
                if let Some(s) = self.store.skp(inst, r.id).await? {
                    skp.push(s.skp);
                }
            }
        }
        let nama = |id: i64| semua.iter().find(|p| p.id == id);
        for (j, s) in skp.iter().enumerate() {
            let Some(peg) = nama(s.pegawai_id) else {
                continue;
            };
            let pelaku_peg = Pelaku {
                akun_id: None,
                nama: peg.nip.as_str().to_string(),
            };
            let penilai = Self::penilai_dari_org(&org, s.pegawai_id).and_then(nama);
            let mulai = s.ditetapkan_pada.map_or(1, |d| d.month());
            // One in seven stopped documenting three months ago.
            let terakhir = if j % 7 == 3 {
                bulan_akhir.saturating_sub(3).max(mulai)
            } else {
                bulan_akhir
            };
            let iki: Vec<i64> = s
                .rhk
                .iter()
                .flat_map(|r| r.iki.iter().filter_map(|i| i.id))
                .collect();
            for bulan in mulai..=terakhir {
                let berjalan = bulan == bulan_akhir && hari.year() == TAHUN_DEMO;
                for (k, &iki_id) in iki.iter().enumerate() {
                    // The current month: about a third documented, the Pelaksana half.
                    if berjalan && (if j == 0 { k > 0 } else { j % 3 != 0 }) {
                        continue;
                    }
                    let m = RealisasiMasuk {
                        iki_id,
                        bulan,
                        realisasi: nilai_realisasi(s, iki_id, bulan, j + k + bulan as usize),
                        catatan: (bulan % 4 == 0 && k == 0).then(|| {
                            "Sebagian data menunggu verifikasi bidang terkait".to_string()
                        }),
                    };
                    let hari_catat = if berjalan { hari } else { tgl(bulan, 26) };
                    let sah = periksa_realisasi(s, &m, hari_catat)?;
                    let r = self
                        .store
                        .simpan_realisasi(inst, s.pegawai_id, &sah, &pelaku_peg)
                        .await?;
                    hasil.realisasi += 1;
                    // Evidence: a real PDF now and then, a link most of the time, and
                    // sometimes nothing yet.
                    if (j + bulan as usize) % 9 == 4 && k == 1 {
                        continue;
                    }
                    let berkas = (j % 4 == 0 && bulan % 3 == 0 && k == 0) || (j == 0 && k == 0);
                    let baru = if berkas {
                        let nama_berkas =
                            format!("laporan-{}-{TAHUN_DEMO}-{bulan:02}.pdf", peg.nip.as_str());
                        let isi = pdf_sederhana(&format!(
                            "Laporan realisasi {} {TAHUN_DEMO} - {}",
                            nama_bulan(bulan),
                            peg.nama
                        ));
                        let b = self
                            .bukti
                            .simpan(&nama_berkas, &mut isi.as_slice(), self.batas_unggah)
                            .await?;
                        BuktiBaru {
                            keterangan: format!("Laporan bulan {}", nama_bulan(bulan)),
                            url: None,
                            nama_berkas: Some(nama_berkas),
                            jenis_berkas: Some(b.jenis.kode().into()),
                            ukuran: Some(b.ukuran as i64),
                            sha256: Some(b.sha256),
                            kunci: Some(b.kunci),
                        }
                    } else {
                        BuktiBaru {
                            keterangan: "Dokumen pendukung pada arsip digital unit".into(),
                            url: Some(format!(
                                "https://arsip.bekasikota.go.id/kinerja/{}/{TAHUN_DEMO}-{bulan:02}/{iki_id}",
                                peg.nip.as_str()
                            )),
                            nama_berkas: None,
                            jenis_berkas: None,
                            ukuran: None,
                            sha256: None,
                            kunci: None,
                        }
                    };
                    self.store
                        .tambah_bukti(inst, r.id, &baru, &pelaku_peg)
                        .await?;
                    hasil.bukti += 1;
                }
            }
            let Some(rater) = penilai else { continue };
            hasil.umpan_balik += self
                .umpan_balik_demo(inst, s, j, peg, rater, bulan_akhir, hari, pelaksana.id)
                .await?;
            if j == 3 {
                self.ambil_alih_demo(inst, s, peg, rater, bulan_akhir)
                    .await?;
            }
        }
        // 360: one anonymous answer from a peer of the Pelaksana, and one request still open for
        // the JF login (due in two weeks).
        let s = &skp_pelaksana.skp;
        let rekan = semua.iter().find(|p| {
            p.id != pelaksana.id
                && p.id != jf.id
                && Self::penilai_dari_org(&org, p.id) == Some(kasi.id)
        });
        if let Some(rekan) = rekan {
            let b = PermintaanBaru {
                skp_id: s.id,
                pegawai_id: pelaksana.id,
                peminta_pegawai_id: kasi.id,
                pemberi_pegawai_id: rekan.id,
                sebagai: PemberiUmpanBalik::Rekan,
                batas: tgl(bulan_akhir.max(2) - 1, 20),
                anonim: true,
                pesan: Some("Mohon masukan tentang kerja sama dalam tim".into()),
            };
            let m = self.store.buat_permintaan(inst, &b, &[], &sistem).await?;
            let masuk = UmpanBalikMasuk {
                aspek: Some(AspekPerilaku::Kolaboratif),
                isi: "Selalu bersedia membantu rekan menyelesaikan rekap data, namun perlu lebih sering berbagi jadwal pekerjaan".into(),
                jenis: Some(JenisUmpanBalik::Insidentil),
                cara: Some(CaraUmpanBalik::TidakLangsung),
                tanggal: Some(tgl(bulan_akhir.max(2) - 1, 18)),
                permintaan_id: Some(m.id),
                ..Default::default()
            };
            let sah = periksa_umpan_balik(s, &masuk, "Rekan kerja", hari)?;
            self.store
                .buat_umpan_balik(
                    inst,
                    &umpan_balik_baru(s, rekan.id, PemberiUmpanBalik::Rekan, sah, Some(m.id), true),
                    &[self.notifikasi(
                        pelaksana,
                        "umpan_balik",
                        "Umpan balik baru dari pemberi anonim".into(),
                        "Umpan balik 360 atas aspek Kolaboratif".into(),
                        Some(format!("/skp/{}/umpan-balik", s.id)),
                        None,
                    )],
                    &Pelaku {
                        akun_id: None,
                        nama: rekan.nip.as_str().into(),
                    },
                )
                .await?;
            hasil.umpan_balik += 1;
        }
        let batas = hari
            .checked_add_days(chrono::Days::new(14))
            .unwrap_or(hari)
            .min(tgl(12, 28) + chrono::Days::new(60));
        let b = PermintaanBaru {
            skp_id: s.id,
            pegawai_id: pelaksana.id,
            peminta_pegawai_id: kasi.id,
            pemberi_pegawai_id: jf.id,
            sebagai: PemberiUmpanBalik::Rekan,
            batas,
            anonim: false,
            pesan: Some("Bagaimana ketepatan waktu rekap data layanan bulan ini?".into()),
        };
        let notif = self.notifikasi(
            jf,
            "permintaan_umpan_balik",
            format!("Permintaan umpan balik untuk {}", pelaksana.nama),
            format!(
                "{} meminta umpan balik Anda sebagai rekan kerja setingkat",
                kasi.nama
            ),
            Some(format!("/skp/{}/umpan-balik", s.id)),
            None,
        );
        self.store
            .buat_permintaan(inst, &b, &[notif], &sistem)
            .await?;
        Ok(hasil)
    }

    /// The rater's berkala feedback (monthly, on an RHK or an aspect in turn), some insidentil,
    /// and responses. One rater in six is behind schedule.
    #[allow(clippy::too_many_arguments)]
    async fn umpan_balik_demo(
        &self,
        inst: i64,
        s: &Skp,
        j: usize,
        peg: &Pegawai,
        rater: &Pegawai,
        bulan_akhir: u32,
        hari: NaiveDate,
        login: i64,
    ) -> AppResult<usize> {
        let mut n = 0;
        let pelaku = Pelaku {
            akun_id: None,
            nama: rater.nip.as_str().into(),
        };
        let jabatan = rater
            .jabatan_nama
            .clone()
            .unwrap_or_else(|| rater.nama.clone());
        let mulai = s.ditetapkan_pada.map_or(2, |d| d.month() + 1);
        let akhir = if j % 6 == 2 {
            bulan_akhir.saturating_sub(3)
        } else {
            bulan_akhir.saturating_sub(1)
        };
        let rhk: Vec<i64> = s.rhk.iter().filter_map(|r| r.id).collect();
        for bulan in mulai..=akhir {
            let aspek = AspekPerilaku::SEMUA[(j + bulan as usize) % AspekPerilaku::SEMUA.len()];
            let (rhk_id, aspek, isi) = if bulan % 2 == 1 && !rhk.is_empty() {
                (
                    Some(rhk[bulan as usize % rhk.len()]),
                    None,
                    format!(
                        "Realisasi {} sesuai rencana; pertahankan ketepatan waktu pelaporan",
                        nama_bulan(bulan)
                    ),
                )
            } else {
                (
                    None,
                    Some(aspek),
                    format!(
                        "Perilaku {} terlihat baik dalam rapat koordinasi",
                        aspek.label().to_lowercase()
                    ),
                )
            };
            let m = UmpanBalikMasuk {
                rhk_id,
                aspek,
                jenis: Some(JenisUmpanBalik::Berkala),
                cara: Some(if bulan % 3 == 0 {
                    CaraUmpanBalik::Langsung
                } else {
                    CaraUmpanBalik::TidakLangsung
                }),
                isi,
                sumber: (bulan % 5 == 0).then(|| "Hasil Survey Kepuasan Penerima Layanan".into()),
                tanggal: Some(tgl(bulan, 5)),
                permintaan_id: None,
            };
            let sah = periksa_umpan_balik(s, &m, &jabatan, hari)?;
            let notif = if s.pegawai_id == login {
                vec![self.notifikasi(
                    peg,
                    "umpan_balik",
                    format!("Umpan balik baru dari {}", rater.nama),
                    sah.isi.clone(),
                    Some(format!("/skp/{}/umpan-balik", s.id)),
                    None,
                )]
            } else {
                Vec::new()
            };
            let u = self
                .store
                .buat_umpan_balik(
                    inst,
                    &umpan_balik_baru(
                        s,
                        rater.id,
                        PemberiUmpanBalik::PejabatPenilai,
                        sah,
                        None,
                        false,
                    ),
                    &notif,
                    &pelaku,
                )
                .await?;
            n += 1;
            if (j + bulan as usize) % 4 == 0 {
                self.store
                    .tanggapi_umpan_balik(
                        inst,
                        u.id,
                        "Terima kasih, akan saya tindak lanjuti pada bulan berikutnya",
                        &[],
                        &Pelaku {
                            akun_id: None,
                            nama: peg.nip.as_str().into(),
                        },
                    )
                    .await?;
            }
        }
        Ok(n)
    }

    /// One pegawai fell behind: insidentil feedback, a bimbingan kinerja, and the leader takes
    /// over an RHK (Pasal 20(6)–(7)).
    async fn ambil_alih_demo(
        &self,
        inst: i64,
        s: &Skp,
        peg: &Pegawai,
        rater: &Pegawai,
        bulan_akhir: u32,
    ) -> AppResult<()> {
        let (Some(rhk), true) = (s.rhk.last().and_then(|r| r.id), bulan_akhir >= 6) else {
            return Ok(());
        };
        let pelaku = Pelaku {
            akun_id: None,
            nama: rater.nip.as_str().into(),
        };
        let hari = tgl(bulan_akhir - 1, 10);
        let m = UmpanBalikMasuk {
            rhk_id: Some(rhk),
            isi: "Realisasi tiga bulan terakhir belum didokumentasikan; mohon segera disusun bersama bukti dukungnya".into(),
            jenis: Some(JenisUmpanBalik::Insidentil),
            cara: Some(CaraUmpanBalik::Langsung),
            tanggal: Some(tgl(bulan_akhir - 2, 8)),
            ..Default::default()
        };
        let jabatan = rater.jabatan_nama.clone().unwrap_or_default();
        let sah = periksa_umpan_balik(s, &m, &jabatan, hari)?;
        let u = self
            .store
            .buat_umpan_balik(
                inst,
                &umpan_balik_baru(
                    s,
                    rater.id,
                    PemberiUmpanBalik::PejabatPenilai,
                    sah,
                    None,
                    false,
                ),
                &[],
                &pelaku,
            )
            .await?;
        let mut riwayat = RiwayatTindakLanjut::default();
        let langkah = [
            TindakLanjutMasuk {
                jenis: Some(JenisTindakLanjut::Pembinaan),
                rhk_id: Some(rhk),
                umpan_balik_id: Some(u.id),
                uraian: "Bimbingan kinerja atas keterlambatan pendokumentasian".into(),
                jenis_pembinaan: Some(JenisPembinaan::Bimbingan),
                tanggal: Some(tgl(bulan_akhir - 2, 12)),
                topik: Some("Penyusunan laporan bulanan dan bukti dukung".into()),
                tindakan_disepakati: Some(
                    "Laporan disusun setiap Jumat minggu terakhir; pendampingan oleh pengelola data".into(),
                ),
            },
            TindakLanjutMasuk {
                jenis: Some(JenisTindakLanjut::AmbilAlih),
                rhk_id: Some(rhk),
                uraian: format!(
                    "{} tidak dapat menyelesaikan RHK ini meskipun telah diberikan bimbingan kinerja; RHK diambil alih oleh pimpinan",
                    peg.nama
                ),
                ..Default::default()
            },
        ];
        for t in langkah {
            let sah = periksa_tindak_lanjut(s, &t, &riwayat, hari)?;
            riwayat.ada_tindak_lanjut_tanpa_kemajuan |= sah.jenis.tanpa_kemajuan();
            self.store
                .buat_tindak_lanjut(
                    inst,
                    &TindakLanjutBaru {
                        skp_id: s.id,
                        pegawai_id: s.pegawai_id,
                        oleh_pegawai_id: rater.id,
                        sah,
                        umpan_balik_id: t.umpan_balik_id,
                        penugasan_id: None,
                    },
                    &Vec::<NotifikasiBaru>::new(),
                    &pelaku,
                )
                .await?;
        }
        Ok(())
    }
}

/// Feedback on `s` from `pemberi`, as the demo records it.
fn umpan_balik_baru(
    s: &Skp,
    pemberi: i64,
    sebagai: PemberiUmpanBalik,
    sah: kinerja_domain::pelaksanaan::umpan_balik::UmpanBalikSah,
    permintaan_id: Option<i64>,
    anonim: bool,
) -> UmpanBalikBaru {
    UmpanBalikBaru {
        skp_id: s.id,
        pegawai_id: s.pegawai_id,
        pemberi_pegawai_id: pemberi,
        sebagai,
        sah,
        permintaan_id,
        penugasan_id: None,
        anonim,
    }
}
