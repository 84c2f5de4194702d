//! Each format built from the records: every text worded here, once, for the templates.

use super::Susunan;
use crate::akses::Pengguna;
use crate::evaluasi::penilaian::DetailEvaluasi;
use crate::matriks::Matriks;
use crate::organisasi::{IndeksOrganisasi, OrangPenilai};
use crate::skp::DetailSkp;
use crate::{App, AppError, AppResult};
use chrono::{DateTime, NaiveDate, Utc};
use kinerja_docs::model as m;
use kinerja_domain::dokumen::{
    judul_format, label_periode_evaluasi, label_periode_penilaian, label_unit_penilai, JenisDokumen,
};
use kinerja_domain::enumerasi::Enumerasi;
use kinerja_domain::evaluasi::{DasarEvaluasi, StatusEvaluasi};
use kinerja_domain::kuadran::Predikat;
use kinerja_domain::perilaku::{AspekPerilaku, JenisRhk};
use kinerja_domain::periode::{nama_bulan, tanggal_indonesia, tanggal_wib, waktu_wib, Periode};
use kinerja_domain::skp::{Rhk, Skp, StatusSkp};
use kinerja_store::{Pegawai, RingkasanDokumen, UmpanBalik};
use std::collections::BTreeMap;

/// "Ditandatangani secara elektronik pada 18 November 2026 pukul 10.02 WIB".
fn tanda_tangan_elektronik(t: DateTime<Utc>) -> String {
    let w = waktu_wib(t);
    format!(
        "Ditandatangani secara elektronik pada {} pukul {} WIB",
        tanggal_indonesia(w.date()),
        w.format("%H.%M")
    )
}

/// "Bekasi, 21 November 2026"; the date left to be written by hand when there is none.
fn tempat_tanggal(tempat: &str, tanggal: Option<NaiveDate>) -> String {
    match tanggal {
        Some(d) => format!("{tempat}, {}", tanggal_indonesia(d)),
        None => format!("{tempat}, ........................"),
    }
}

/// "BUTUH PERBAIKAN", and Lampiran I's "KURANG (MISCONDUCT)".
fn label_predikat(p: Predikat) -> String {
    match p {
        Predikat::Kurang => "KURANG (MISCONDUCT)".into(),
        _ => p.label().to_uppercase(),
    }
}

fn identitas(p: &Pegawai) -> m::Identitas {
    m::Identitas {
        nama: p.nama.clone(),
        nip: p.nip.to_string(),
        pangkat_golongan: p.golongan.label(),
        jabatan: p.jabatan_nama.clone().unwrap_or_default(),
        unit_kerja: p.unit_nama.clone().unwrap_or_default(),
    }
}

fn ttd(peran: &str, orang: &m::Identitas, tempat_tanggal: Option<String>) -> m::TandaTangan {
    m::TandaTangan {
        nomor: None,
        peran: peran.into(),
        tempat_tanggal,
        nama: orang.nama.clone(),
        nip: orang.nip.clone(),
        tanda_tangan_elektronik: None,
    }
}

/// The perangkat daerah of a unit: the unit under the instansi's root on its path.
fn perangkat_daerah(org: &IndeksOrganisasi, unit_id: Option<i64>) -> String {
    let jalur = unit_id.map(|u| org.jalur_unit(u)).unwrap_or_default();
    jalur
        .get(1)
        .or(jalur.first())
        .map(|u| u.nama.to_uppercase())
        .unwrap_or_default()
}

/// The RHK of an SKP as the formats number them (utama first, then tambahan), with the
/// evaluation's columns filled from `realisasi` and `umpan_balik` by RHK id.
fn daftar_rhk(
    skp: &Skp,
    pimpinan: &[Rhk],
    realisasi: &BTreeMap<i64, Vec<String>>,
    umpan_balik: &BTreeMap<i64, Vec<String>>,
) -> (Vec<m::Rhk>, Vec<m::Rhk>) {
    let jpt = skp.format.jpt();
    let ja_jf = skp.format.ja_jf();
    let mut nomor = 0;
    let mut bagian = |jenis: JenisRhk| -> Vec<m::Rhk> {
        skp.rhk
            .iter()
            .filter(|r| r.jenis == jenis)
            .map(|r| {
                nomor += 1;
                let id = r.id.unwrap_or_default();
                m::Rhk {
                    nomor,
                    intervensi: ja_jf.then(|| {
                        r.intervensi_rhk_id
                            .and_then(|i| pimpinan.iter().find(|x| x.id == Some(i)))
                            .map_or_else(|| "-".to_string(), |x| x.uraian.clone())
                    }),
                    uraian: r.uraian.clone(),
                    penugasan_dari: r.penugasan_dari.clone(),
                    perspektif: if jpt {
                        r.perspektif.map(|p| p.label().to_string())
                    } else {
                        None
                    },
                    iki: r
                        .iki
                        .iter()
                        .enumerate()
                        .map(|(j, i)| m::Iki {
                            nomor: format!("{nomor}.{}", j + 1),
                            aspek: if ja_jf {
                                i.aspek.map(|a| a.label().to_string())
                            } else {
                                None
                            },
                            indikator: i.indikator.clone(),
                            target: i.target.teks.clone(),
                        })
                        .collect(),
                    realisasi: realisasi.get(&id).cloned().unwrap_or_default(),
                    umpan_balik: umpan_balik.get(&id).cloned().unwrap_or_default(),
                }
            })
            .collect()
    };
    let utama = bagian(JenisRhk::Utama);
    let tambahan = bagian(JenisRhk::Tambahan);
    (utama, tambahan)
}

/// The seven aspects with their guidance, the leader's ekspektasi khusus and the feedback.
fn daftar_perilaku(
    skp: &Skp,
    umpan_balik: &BTreeMap<AspekPerilaku, Vec<String>>,
) -> Vec<m::Perilaku> {
    AspekPerilaku::SEMUA
        .iter()
        .enumerate()
        .map(|(i, a)| m::Perilaku {
            nomor: i as u32 + 1,
            nama: a.label().to_string(),
            pedoman: a.pedoman().iter().map(|s| s.to_string()).collect(),
            ekspektasi_khusus: skp.ekspektasi_khusus.get(a).cloned().unwrap_or_default(),
            umpan_balik: umpan_balik.get(a).cloned().unwrap_or_default(),
        })
        .collect()
}

/// "12 Oktober 2026 — Kepala Seksi (Nama): isi".
fn baris_umpan_balik(u: &UmpanBalik) -> String {
    let pemberi = if u.anonim {
        "anonim".to_string()
    } else {
        match &u.pemberi_jabatan {
            Some(j) => format!("{}, {j}", u.pemberi_nama),
            None => u.pemberi_nama.clone(),
        }
    };
    let mut s = format!("{} — {pemberi}: {}", tanggal_indonesia(u.tanggal), u.isi);
    if let Some(t) = &u.tanggapan {
        s.push_str(&format!(" (Tanggapan: {t})"));
    }
    s
}

fn tata(skp: &Skp) -> m::Tata {
    m::Tata {
        format: skp.format as u8 + 1,
        kuantitatif: matches!(
            skp.format,
            kinerja_domain::skp::FormatSkp::Format2 | kinerja_domain::skp::FormatSkp::Format4
        ),
        jpt: skp.format.jpt(),
        label_unit_penilai: label_unit_penilai(skp.format).into(),
    }
}

/// What the documents of one evaluation show beside the evaluation itself.
pub(crate) struct BahanEvaluasi {
    pihak: Pihak,
    periode: Periode,
    utama: Vec<m::Rhk>,
    tambahan: Vec<m::Rhk>,
    perilaku: Vec<m::Perilaku>,
}

/// The people and places every document of an SKP shows.
struct Pihak {
    instansi: String,
    tempat: String,
    perangkat_daerah: String,
    pegawai: m::Identitas,
    penilai: m::Identitas,
    atasan: m::Identitas,
}

impl App {
    /// An official known by the rater rule (it may be the Wali Kota, without NIP).
    async fn identitas_orang(
        &self,
        inst: i64,
        o: Option<&OrangPenilai>,
    ) -> AppResult<m::Identitas> {
        let Some(o) = o else {
            return Ok(m::Identitas::default());
        };
        let peg = match &o.nip {
            Some(nip) => self.store.pegawai_by_nip(inst, nip).await?,
            None => None,
        };
        Ok(match peg {
            Some(p) => identitas(&p),
            None => m::Identitas {
                nama: o.nama.clone(),
                nip: o.nip.clone().unwrap_or_default(),
                pangkat_golongan: String::new(),
                jabatan: o.jabatan.clone().unwrap_or_default(),
                unit_kerja: o.unit.clone().unwrap_or_default(),
            },
        })
    }

    async fn pihak(
        &self,
        inst: i64,
        skp: &Skp,
        pegawai: &Pegawai,
        penilai: m::Identitas,
        atasan: m::Identitas,
    ) -> AppResult<Pihak> {
        let org = self.organisasi(inst).await?;
        let instansi = self
            .store
            .instansi(inst)
            .await?
            .map(|i| i.nama)
            .unwrap_or_default();
        let profil = self.profil_tahun(inst, skp.tahun).await?;
        let mut penilai = penilai;
        if !skp.format.ja_jf() && !instansi.is_empty() {
            // Formats 1, 2 and 5 print the rater's INSTANSI in row 5.
            penilai.unit_kerja = instansi.clone();
        }
        Ok(Pihak {
            perangkat_daerah: perangkat_daerah(&org, skp.unit_id.or(pegawai.unit_id)),
            instansi: instansi.to_uppercase(),
            tempat: profil.tempat_dokumen,
            pegawai: identitas(pegawai),
            penilai,
            atasan,
        })
    }

    fn kepala(pihak: &Pihak, skp: &Skp, periode_evaluasi: Option<String>) -> m::Kepala {
        m::Kepala {
            instansi: pihak.instansi.clone(),
            perangkat_daerah: pihak.perangkat_daerah.clone(),
            periode_penilaian: label_periode_penilaian(skp.mulai, skp.selesai),
            periode_evaluasi,
        }
    }

    fn ringkasan(
        pihak: &Pihak,
        periode: String,
        nomor_versi_skp: i32,
        status: String,
    ) -> RingkasanDokumen {
        RingkasanDokumen {
            instansi: pihak.instansi.clone(),
            pegawai_nama: pihak.pegawai.nama.clone(),
            pegawai_nip: pihak.pegawai.nip.clone(),
            jabatan: pihak.pegawai.jabatan.clone(),
            unit_kerja: pihak.pegawai.unit_kerja.clone(),
            periode,
            nomor_versi_skp,
            status,
            predikat: None,
            ditandatangani_oleh: None,
            ditandatangani_pada: None,
        }
    }

    /// The SKP of formats 1–5 with its Lampiran SKP.
    pub(crate) async fn susun_skp(&self, inst: i64, d: &DetailSkp) -> AppResult<Susunan> {
        let skp = &d.skp;
        let penilai = self
            .identitas_orang(inst, d.pejabat_penilai.as_ref())
            .await?;
        let pihak = self
            .pihak(inst, skp, &d.pegawai, penilai, m::Identitas::default())
            .await?;
        let ditetapkan = matches!(skp.status, StatusSkp::Ditetapkan | StatusSkp::Ditutup);
        let tanggal = skp.ditetapkan_pada.filter(|_| ditetapkan);
        let tt = tempat_tanggal(&pihak.tempat, tanggal);
        let (utama, tambahan) =
            daftar_rhk(skp, &d.rhk_pimpinan, &BTreeMap::new(), &BTreeMap::new());
        let mut ttd_penilai = ttd("Pejabat Penilai Kinerja", &pihak.penilai, Some(tt.clone()));
        if let Some(t) = tanggal {
            ttd_penilai.tanda_tangan_elektronik = Some(format!(
                "Ditetapkan secara elektronik pada {}",
                tanggal_indonesia(t)
            ));
        }
        let status = if ditetapkan {
            format!("Ditetapkan (versi {})", skp.nomor_versi)
        } else {
            format!("{} — belum ditetapkan", skp.status.label())
        };
        let mut ringkasan = Self::ringkasan(
            &pihak,
            format!("Januari s.d. Desember {}", skp.tahun),
            skp.nomor_versi,
            status,
        );
        if let (Some(t), Some(p)) = (tanggal, &d.pejabat_penilai) {
            ringkasan.ditandatangani_oleh = Some(p.nama.clone());
            ringkasan.ditandatangani_pada = t.and_hms_opt(0, 0, 0).map(|x| x.and_utc());
        }
        let isi = m::IsiSkp {
            tata: tata(skp),
            pegawai: pihak.pegawai.clone(),
            penilai: pihak.penilai.clone(),
            perjanjian_kerja: skp.perjanjian_kerja.clone(),
            utama,
            tambahan,
            perilaku: daftar_perilaku(skp, &BTreeMap::new()),
            lampiran: m::Lampiran {
                dukungan_sumber_daya: skp.lampiran.dukungan_sumber_daya.clone(),
                skema_pertanggungjawaban: skp.lampiran.skema_pertanggungjawaban.clone(),
                konsekuensi: skp.lampiran.konsekuensi.clone(),
            },
            tempat_tanggal: tt,
            ttd_pegawai: ttd("Pegawai yang Dinilai", &pihak.pegawai, None),
            ttd_penilai,
        };
        Ok(Susunan {
            jenis: JenisDokumen::Skp,
            subjek_id: skp.id,
            periode: None,
            pegawai_id: Some(skp.pegawai_id),
            nip: pihak.pegawai.nip.clone(),
            ringkasan,
            dok: m::Dokumen {
                judul: judul_format(JenisDokumen::Skp, skp.format),
                kepala: Self::kepala(&pihak, skp, None),
                verifikasi: kosong(),
                draf: !ditetapkan,
                isi: m::Isi::Skp(isi),
            },
        })
    }

    /// The manual indikator of every IKI of a JPT SKP that has one.
    pub(crate) async fn susun_manual(&self, inst: i64, d: &DetailSkp) -> AppResult<Susunan> {
        let mut s = self.susun_skp(inst, d).await?;
        let m::Isi::Skp(isi) = s.dok.isi else {
            return Err(AppError::Internal("susunan SKP tak terduga".into()));
        };
        let entri: Vec<m::EntriManual> = d
            .skp
            .rhk
            .iter()
            .flat_map(|r| r.iki.iter().map(move |i| (r, i)))
            .filter_map(|(r, i)| {
                let mi = i.manual_indikator.as_ref()?;
                Some(m::EntriManual {
                    rencana_hasil_kerja: r.uraian.clone(),
                    indikator: i.indikator.clone(),
                    tujuan: mi.tujuan.clone(),
                    deskripsi: mi.deskripsi.clone(),
                    definisi: mi.definisi.clone(),
                    formula: mi.formula.clone(),
                    satuan_pengukuran: mi.satuan_pengukuran.clone(),
                    kualitas_tingkat_kendali: pilihan(mi.tingkat_kendali),
                    sumber_data: mi.sumber_data.clone(),
                    periode_pelaporan: pilihan(mi.periode_pelaporan),
                })
            })
            .collect();
        if entri.is_empty() {
            return Err(AppError::Konflik(
                "Belum ada manual indikator yang diisi pada SKP ini".into(),
            ));
        }
        s.jenis = JenisDokumen::ManualIndikator;
        s.dok.judul = vec![
            "MANUAL INDIKATOR SKP".into(),
            "JPT/ PIMPINAN UNIT KERJA MANDIRI".into(),
        ];
        s.dok.isi = m::Isi::ManualIndikator(m::IsiManualIndikator {
            pegawai: isi.pegawai,
            penilai: isi.penilai,
            entri,
            tempat_tanggal: isi.tempat_tanggal,
            ttd_pegawai: isi.ttd_pegawai,
            ttd_penilai: isi.ttd_penilai,
        });
        Ok(s)
    }

    /// The people of an evaluation, and the period's realisation and feedback by RHK and aspect
    /// (read once for all the documents of one evaluation).
    pub(crate) async fn bahan_evaluasi(
        &self,
        inst: i64,
        d: &DetailEvaluasi,
    ) -> AppResult<BahanEvaluasi> {
        let identitas_opt = |p: &Option<Pegawai>| p.as_ref().map(identitas).unwrap_or_default();
        let pihak = self
            .pihak(
                inst,
                &d.skp_berlaku,
                &d.pegawai,
                identitas_opt(&d.penilai),
                identitas_opt(&d.atasan),
            )
            .await?;
        let periode = Periode::parse(&d.periode)
            .map_err(|e| AppError::bidang_tidak_valid("periode", e.to_string()))?;
        let mut realisasi: BTreeMap<i64, Vec<String>> = BTreeMap::new();
        let mut umpan_balik: BTreeMap<i64, Vec<String>> = BTreeMap::new();
        for r in &d.rhk {
            let baris = realisasi.entry(r.rhk_id).or_default();
            for (j, i) in r.iki.iter().enumerate() {
                for x in &i.realisasi {
                    let mut s = format!("IKI {}: {} — {}", j + 1, nama_bulan(x.bulan), x.realisasi);
                    if x.jumlah_bukti > 0 {
                        s.push_str(&format!(" ({} bukti dukung)", x.jumlah_bukti));
                    }
                    if let Some(c) = x.catatan.as_deref().filter(|c| !c.is_empty()) {
                        s.push_str(&format!("; {c}"));
                    }
                    baris.push(s);
                }
            }
            if let Some(a) = &r.diambil_alih {
                baris.push(format!("Diambil alih: {a}"));
            }
            umpan_balik.insert(
                r.rhk_id,
                r.umpan_balik.iter().map(baris_umpan_balik).collect(),
            );
        }
        let mut per_aspek: BTreeMap<AspekPerilaku, Vec<String>> = BTreeMap::new();
        for u in &d.umpan_balik_perilaku {
            if let Some(a) = u.aspek {
                per_aspek.entry(a).or_default().push(baris_umpan_balik(u));
            }
        }
        let skp = &d.skp_berlaku;
        let pimpinan = self.rhk_pimpinan_skp(inst, skp).await?;
        let (utama, tambahan) = daftar_rhk(skp, &pimpinan, &realisasi, &umpan_balik);
        Ok(BahanEvaluasi {
            pihak,
            periode,
            utama,
            tambahan,
            perilaku: daftar_perilaku(skp, &per_aspek),
        })
    }

    /// The leader's RHK an SKP's RHK may intervene (for the intervensi column).
    async fn rhk_pimpinan_skp(&self, inst: i64, skp: &Skp) -> AppResult<Vec<Rhk>> {
        if !skp.format.ja_jf() || skp.rhk.iter().all(|r| r.intervensi_rhk_id.is_none()) {
            return Ok(Vec::new());
        }
        let org = self.organisasi(inst).await?;
        Ok(self
            .skp_penilai(inst, &org, skp.pegawai_id, skp.tahun)
            .await?
            .map(|s| s.skp.rhk)
            .unwrap_or_default())
    }

    /// The Evaluasi Kinerja Pegawai or the Dokumen Evaluasi Kinerja Pegawai of a period.
    pub(crate) fn susun_evaluasi(
        d: &DetailEvaluasi,
        bahan: &BahanEvaluasi,
        jenis: JenisDokumen,
    ) -> AppResult<Susunan> {
        let e = d.evaluasi.as_ref().ok_or_else(|| {
            AppError::TidakDitemukan(format!(
                "Belum ada evaluasi {} untuk SKP ini; dokumen evaluasi dibuat setelah pejabat penilai menilai",
                d.periode_label
            ))
        })?;
        let BahanEvaluasi {
            pihak,
            periode,
            utama,
            tambahan,
            perilaku,
        } = bahan;
        let skp = &d.skp_berlaku;
        let tanggal_penilai = e.ditandatangani_penilai.map(tanggal_wib);
        let tanggal_pegawai = e.ditandatangani_pegawai.map(tanggal_wib);
        let capaian = match e.capaian_organisasi {
            Some(c) => c.label().to_uppercase(),
            None => "-".into(),
        };
        let mut ttd_penilai = ttd(
            "Pejabat Penilai Kinerja",
            &pihak.penilai,
            Some(tempat_tanggal(&pihak.tempat, tanggal_penilai)),
        );
        ttd_penilai.tanda_tangan_elektronik = e.ditandatangani_penilai.map(tanda_tangan_elektronik);
        let mut ringkasan = Self::ringkasan(
            pihak,
            d.periode_label.clone(),
            e.nomor_versi_skp,
            e.status.label().to_string(),
        );
        ringkasan.predikat = Some(e.predikat.label().to_string());
        ringkasan.ditandatangani_oleh =
            e.ditandatangani_penilai.map(|_| pihak.penilai.nama.clone());
        ringkasan.ditandatangani_pada = e.ditandatangani_penilai;
        let isi = if jenis == JenisDokumen::DokumenEvaluasi {
            let mut ttd_pegawai = ttd(
                "Pegawai yang Dinilai",
                &pihak.pegawai,
                Some(tempat_tanggal(&pihak.tempat, tanggal_pegawai)),
            );
            ttd_pegawai.nomor = Some("7.".into());
            ttd_pegawai.tanda_tangan_elektronik =
                e.ditandatangani_pegawai.map(tanda_tangan_elektronik);
            ttd_penilai.nomor = Some("6.".into());
            let catatan = [e.catatan.as_deref(), e.rekomendasi.as_deref()]
                .into_iter()
                .flatten()
                .filter(|s| !s.trim().is_empty())
                .map(str::to_string)
                .collect();
            m::Isi::DokumenEvaluasi(m::IsiDokumenEvaluasi {
                pegawai: pihak.pegawai.clone(),
                penilai: pihak.penilai.clone(),
                atasan: pihak.atasan.clone(),
                capaian_organisasi: capaian,
                predikat: label_predikat(e.predikat),
                catatan_rekomendasi: catatan,
                ttd_penilai,
                ttd_pegawai,
            })
        } else {
            m::Isi::Evaluasi(m::IsiEvaluasi {
                tata: tata(skp),
                pegawai: pihak.pegawai.clone(),
                penilai: pihak.penilai.clone(),
                judul_kurva: format!(
                    "KURVA DISTRIBUSI PREDIKAT KINERJA PEGAWAI DENGAN CAPAIAN KINERJA ORGANISASI {capaian}"
                ),
                capaian_organisasi: capaian,
                pola_distribusi_svg: d
                    .distribusi
                    .as_ref()
                    .map(|x| crate::evaluasi::grafik::ukuran_tetap(&x.svg)),
                dasar: (d.dasar != DasarEvaluasi::CapaianUnit).then(|| d.dasar.label().to_string()),
                utama: utama.clone(),
                tambahan: tambahan.clone(),
                rating_hasil_kerja: e.rating_hasil_kerja.label().to_uppercase(),
                perilaku: perilaku.clone(),
                rating_perilaku: e.rating_perilaku.label().to_uppercase(),
                predikat: label_predikat(e.predikat),
                tempat_tanggal: tempat_tanggal(&pihak.tempat, tanggal_penilai),
                ttd_penilai,
            })
        };
        Ok(Susunan {
            jenis,
            subjek_id: d.skp_id,
            periode: Some(d.periode.clone()),
            pegawai_id: Some(d.pegawai.id),
            nip: pihak.pegawai.nip.clone(),
            ringkasan,
            dok: m::Dokumen {
                judul: match jenis {
                    JenisDokumen::DokumenEvaluasi => {
                        vec!["DOKUMEN EVALUASI KINERJA PEGAWAI".into()]
                    }
                    _ => judul_format(JenisDokumen::Evaluasi, skp.format),
                },
                kepala: Self::kepala(pihak, skp, Some(label_periode_evaluasi(*periode))),
                verifikasi: kosong(),
                draf: e.status == StatusEvaluasi::Draf,
                isi,
            },
        })
    }

    /// The umpan balik berkala of a period: realisation and feedback per RHK and aspect.
    pub(crate) async fn susun_umpan_balik(
        &self,
        inst: i64,
        d: &DetailEvaluasi,
    ) -> AppResult<Susunan> {
        let BahanEvaluasi {
            pihak,
            periode,
            mut utama,
            tambahan,
            perilaku,
        } = self.bahan_evaluasi(inst, d).await?;
        let skp = &d.skp_berlaku;
        utama.extend(tambahan);
        let ringkasan = Self::ringkasan(
            &pihak,
            d.periode_label.clone(),
            d.nomor_versi_skp,
            "Catatan umpan balik berkala".into(),
        );
        // Dated by the period's last day once it is over, so a period keeps its code.
        let tanggal = Some(periode.selesai()).filter(|d| *d < chrono::Utc::now().date_naive());
        let tt = tempat_tanggal(&pihak.tempat, tanggal);
        Ok(Susunan {
            jenis: JenisDokumen::UmpanBalik,
            subjek_id: d.skp_id,
            periode: Some(d.periode.clone()),
            pegawai_id: Some(d.pegawai.id),
            nip: pihak.pegawai.nip.clone(),
            ringkasan,
            dok: m::Dokumen {
                judul: vec![
                    "SASARAN KINERJA PEGAWAI".into(),
                    "UMPAN BALIK BERKALA".into(),
                ],
                kepala: Self::kepala(&pihak, skp, Some(label_periode_evaluasi(periode))),
                verifikasi: kosong(),
                draf: false,
                isi: m::Isi::UmpanBalik(m::IsiUmpanBalik {
                    ttd_pegawai: ttd("Pegawai yang Dinilai", &pihak.pegawai, None),
                    ttd_penilai: ttd("Pejabat Penilai Kinerja", &pihak.penilai, Some(tt.clone())),
                    pegawai: pihak.pegawai,
                    penilai: pihak.penilai,
                    hasil_kerja: utama,
                    perilaku,
                    tempat_tanggal: tt,
                }),
            },
        })
    }

    /// The caller's matriks peran hasil: the leader's RHK as columns, each member's RHK under
    /// the one it intervenes.
    pub(crate) async fn susun_matriks(&self, p: &Pengguna, mx: &Matriks) -> AppResult<Susunan> {
        let inst = p.instansi_id();
        let (Some(skp_id), Some(pemimpin)) = (mx.skp_id, p.pegawai.as_ref()) else {
            return Err(AppError::TidakDitemukan(format!(
                "Belum ada SKP {} Anda: matriks peran hasil disusun dari RHK pimpinan",
                mx.tahun
            )));
        };
        let s = self
            .store
            .skp(inst, skp_id)
            .await?
            .ok_or_else(|| crate::pelaksanaan::skp_tidak_ada(skp_id))?;
        let pihak = self
            .pihak(
                inst,
                &s.skp,
                pemimpin,
                m::Identitas::default(),
                m::Identitas::default(),
            )
            .await?;
        let tt = tempat_tanggal(&pihak.tempat, s.skp.ditetapkan_pada);
        let kolom = mx
            .kolom
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let iki: Vec<String> = r.iki.iter().map(|x| x.indikator.clone()).collect();
                if iki.is_empty() {
                    format!("{}. {}", i + 1, r.uraian)
                } else {
                    format!("{}. {} (IKI: {})", i + 1, r.uraian, iki.join("; "))
                }
            })
            .collect();
        let baris = mx
            .baris
            .iter()
            .map(|b| m::BarisMatriks {
                nama_jabatan: match &b.pegawai.jabatan_nama {
                    Some(j) => format!("{} — {j}", b.pegawai.nama),
                    None => b.pegawai.nama.clone(),
                },
                sel: b
                    .sel
                    .iter()
                    .map(|c| c.iter().map(|r| r.uraian.clone()).collect())
                    .collect(),
            })
            .collect();
        let ringkasan = Self::ringkasan(
            &pihak,
            format!("Januari s.d. Desember {}", mx.tahun),
            s.skp.nomor_versi,
            format!("Matriks peran hasil, {} anggota tim", mx.baris.len()),
        );
        Ok(Susunan {
            jenis: JenisDokumen::MatriksPeranHasil,
            subjek_id: skp_id,
            periode: None,
            pegawai_id: Some(pemimpin.id),
            nip: pihak.pegawai.nip.clone(),
            ringkasan,
            dok: m::Dokumen {
                judul: vec!["MATRIKS PERAN HASIL".into()],
                kepala: Self::kepala(&pihak, &s.skp, None),
                verifikasi: kosong(),
                draf: false,
                isi: m::Isi::MatriksPeranHasil(m::IsiMatriks {
                    ttd_pimpinan: ttd(
                        &pihak.pegawai.jabatan.clone(),
                        &pihak.pegawai,
                        Some(tt.clone()),
                    ),
                    pimpinan: pihak.pegawai,
                    kolom,
                    baris,
                    tempat_tanggal: tt,
                }),
            },
        })
    }
}

/// Every choice of a form's enumeration, the chosen one ticked.
fn pilihan<T: Enumerasi + PartialEq>(dipilih: T) -> Vec<m::Pilihan> {
    T::SEMUA
        .iter()
        .map(|t| m::Pilihan {
            label: t.label().to_string(),
            dipilih: *t == dipilih,
        })
        .collect()
}

/// The code is filled in once the document is registered.
fn kosong() -> m::Verifikasi {
    m::Verifikasi {
        kode: String::new(),
        url: String::new(),
    }
}
