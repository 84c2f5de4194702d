//! The suggested ratings: seed 002's guidance applied to what was recorded in the period. The
//! rater confirms or changes them (a change needs a short reason); the reasons are shown.
//!
//! - hasil kerja Di Atas: most hasil kerja above expectation and no RHK Utama below;
//!   Sesuai: most as expected, at most a small part of the Utama below; Di Bawah: most or all
//!   RHK Utama below. An RHK counts as below when it was taken over, when less than half of
//!   its IKI-months were documented, or when a follow-up of no progress was needed; above when
//!   it was fully documented and earned an apresiasi.
//! - perilaku: Sesuai unless a konseling kinerja was needed in the period (Di Bawah); Di Atas
//!   ("for self and others") is the rater's call from the feedback and is never suggested.
//! - the unit leader: the unit's result; tugas belajar: the IPK band, one step lower when
//!   graduation is late.

use super::{rating_pimpinan_unit, DasarEvaluasi};
use crate::kuadran::{CapaianOrganisasi, Predikat, Rating};
use crate::perilaku::JenisRhk;
use crate::tugas_belajar::{predikat_ipk, Akreditasi, Ipk, JenjangPendidikan, Lokasi};
use serde::{Deserialize, Serialize};

/// What the period holds for one RHK.
#[derive(Debug, Clone, PartialEq)]
pub struct RingkasanRhk {
    pub rhk_id: i64,
    pub uraian: String,
    pub jenis: JenisRhk,
    /// IKI-months to document in the period (IKI × months of the SKP in the period that began).
    pub wajib: u32,
    /// IKI-months documented.
    pub terisi: u32,
    pub diambil_alih: bool,
    /// Apresiasi follow-ups on this RHK in the period.
    pub apresiasi: u32,
    /// Follow-ups of no progress on this RHK in the period (Pasal 20(3)).
    pub tanpa_kemajuan: u32,
    /// Feedback on this RHK in the period.
    pub umpan_balik: u32,
}

/// Academic data of a pegawai on tugas belajar, for one period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct DataAkademik {
    pub jenjang_pendidikan: JenjangPendidikan,
    pub lokasi: Lokasi,
    #[schema(value_type = Option<String>, example = "A")]
    pub akreditasi_pt: Option<Akreditasi>,
    #[schema(value_type = Option<String>, example = "A")]
    pub akreditasi_prodi: Option<Akreditasi>,
    #[schema(value_type = String, example = "3.51")]
    pub ipk: Ipk,
    /// Whether the study is on schedule to graduate on time.
    pub tepat_waktu: bool,
    /// Other assignments done during the study, if any.
    pub penugasan_lain: Option<String>,
}

/// Everything the suggestion looks at.
#[derive(Debug, Clone, PartialEq)]
pub struct BahanSaran {
    pub dasar: DasarEvaluasi,
    pub capaian: Option<CapaianOrganisasi>,
    pub rhk: Vec<RingkasanRhk>,
    /// Feedback on perilaku aspects in the period, and on how many aspects.
    pub umpan_balik_perilaku: u32,
    pub aspek_berumpan_balik: u32,
    /// Konseling kinerja sessions in the period.
    pub konseling: u32,
    /// Feedback from where a seconded pegawai works (pihak lain).
    pub umpan_balik_tempat_bekerja: u32,
    pub akademik: Option<DataAkademik>,
}

/// Where one RHK stands in the period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PosisiRhk {
    DiAtas,
    Sesuai,
    DiBawah,
}

/// The suggested ratings with their reasons (Indonesian, for the rater).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Saran {
    pub rating_hasil_kerja: Rating,
    pub rating_perilaku: Rating,
    pub alasan_hasil_kerja: Vec<String>,
    pub alasan_perilaku: Vec<String>,
    /// The predikat of the IPK table, for tugas belajar.
    pub predikat_akademik: Option<Predikat>,
}

/// Where one RHK stands, with the reason.
pub fn posisi_rhk(r: &RingkasanRhk) -> (PosisiRhk, String) {
    let dok = format!(
        "realisasi terdokumentasi {} dari {} IKI-bulan",
        r.terisi, r.wajib
    );
    if r.diambil_alih {
        return (
            PosisiRhk::DiBawah,
            "diambil alih oleh pimpinan (Pasal 20 ayat (6))".into(),
        );
    }
    if r.wajib > 0 && r.terisi * 2 < r.wajib {
        return (PosisiRhk::DiBawah, dok);
    }
    if r.tanpa_kemajuan > 0 {
        return (
            PosisiRhk::DiBawah,
            format!("{dok}; ada tindak lanjut karena tidak ada kemajuan"),
        );
    }
    if r.apresiasi > 0 && r.terisi >= r.wajib {
        return (PosisiRhk::DiAtas, format!("{dok}; mendapat apresiasi"));
    }
    (PosisiRhk::Sesuai, dok)
}

fn turun(r: Rating) -> Rating {
    match r {
        Rating::DiatasEkspektasi => Rating::SesuaiEkspektasi,
        _ => Rating::DibawahEkspektasi,
    }
}

fn dari_predikat(p: Predikat) -> Rating {
    match p {
        Predikat::SangatBaik => Rating::DiatasEkspektasi,
        Predikat::Baik => Rating::SesuaiEkspektasi,
        _ => Rating::DibawahEkspektasi,
    }
}

fn hasil_kerja_rhk(rhk: &[RingkasanRhk], alasan: &mut Vec<String>) -> Rating {
    if rhk.is_empty() {
        alasan.push("SKP tidak memuat RHK pada periode ini".into());
        return Rating::SesuaiEkspektasi;
    }
    let mut utama = 0;
    let mut utama_bawah = 0;
    let mut atas = 0;
    for r in rhk {
        let (pos, teks) = posisi_rhk(r);
        let label = match pos {
            PosisiRhk::DiAtas => "di atas ekspektasi",
            PosisiRhk::Sesuai => "sesuai ekspektasi",
            PosisiRhk::DiBawah => "di bawah ekspektasi",
        };
        alasan.push(format!(
            "RHK {} \"{}\": {label} ({teks})",
            r.jenis.label(),
            r.uraian
        ));
        if r.jenis == JenisRhk::Utama {
            utama += 1;
            utama_bawah += u32::from(pos == PosisiRhk::DiBawah);
        }
        atas += u32::from(pos == PosisiRhk::DiAtas);
    }
    let n = rhk.len() as u32;
    if utama > 0 && utama_bawah * 2 > utama {
        alasan.push(format!(
            "Sebagian besar RHK Utama di bawah ekspektasi ({utama_bawah} dari {utama})"
        ));
        Rating::DibawahEkspektasi
    } else if utama_bawah == 0 && atas * 2 > n {
        alasan.push(format!(
            "Sebagian besar hasil kerja di atas ekspektasi ({atas} dari {n}) dan tidak ada RHK Utama di bawah ekspektasi"
        ));
        Rating::DiatasEkspektasi
    } else {
        alasan.push(if utama_bawah > 0 {
            format!("Sebagian kecil RHK Utama di bawah ekspektasi ({utama_bawah} dari {utama})")
        } else {
            "Sebagian besar hasil kerja sesuai ekspektasi".into()
        });
        Rating::SesuaiEkspektasi
    }
}

/// The suggested ratings for a period.
pub fn sarankan(b: &BahanSaran) -> Saran {
    let mut alasan_hk = Vec::new();
    let mut predikat_akademik = None;
    let hasil = match b.dasar {
        DasarEvaluasi::PimpinanUnit => match b.capaian {
            Some(c) => {
                alasan_hk.push(format!(
                    "Pegawai memimpin unit kerja: capaian kinerja organisasi {} menjadi rating hasil kerja",
                    c.label()
                ));
                rating_pimpinan_unit(c)
            }
            None => hasil_kerja_rhk(&b.rhk, &mut alasan_hk),
        },
        DasarEvaluasi::TugasBelajar => match &b.akademik {
            None => {
                alasan_hk.push(
                    "Tugas belajar: isi data akademik (IPK, akreditasi, ketepatan waktu) untuk saran dari tabel IPK".into(),
                );
                Rating::SesuaiEkspektasi
            }
            Some(a) => {
                let r = match predikat_ipk(
                    a.jenjang_pendidikan,
                    a.lokasi,
                    a.akreditasi_pt,
                    a.akreditasi_prodi,
                    a.ipk,
                ) {
                    Ok(p) => {
                        predikat_akademik = Some(p);
                        alasan_hk.push(format!(
                            "IPK {} ({} {}) masuk pita {} pada tabel tugas belajar",
                            a.ipk,
                            a.jenjang_pendidikan.label(),
                            a.lokasi.label(),
                            p.label()
                        ));
                        dari_predikat(p)
                    }
                    Err(e) => {
                        alasan_hk.push(e.to_string());
                        Rating::SesuaiEkspektasi
                    }
                };
                if a.tepat_waktu {
                    alasan_hk.push("Studi sesuai jadwal kelulusan".into());
                    r
                } else {
                    alasan_hk
                        .push("Kelulusan tidak tepat waktu: saran diturunkan satu tingkat".into());
                    turun(r)
                }
            }
        },
        DasarEvaluasi::Diperbantukan => {
            alasan_hk.push(format!(
                "Diperbantukan/dipekerjakan: {} umpan balik dari tempat bekerja pada periode ini",
                b.umpan_balik_tempat_bekerja
            ));
            hasil_kerja_rhk(&b.rhk, &mut alasan_hk)
        }
        DasarEvaluasi::CapaianUnit => {
            if let Some(c) = b.capaian {
                alasan_hk.push(format!(
                    "Capaian kinerja organisasi {}: pola distribusi berpusat pada {}",
                    c.label(),
                    c.modus().label()
                ));
            }
            hasil_kerja_rhk(&b.rhk, &mut alasan_hk)
        }
    };
    let mut alasan_pr = vec![format!(
        "{} umpan balik perilaku pada {} dari 7 aspek BerAKHLAK",
        b.umpan_balik_perilaku, b.aspek_berumpan_balik
    )];
    let perilaku = if b.konseling > 0 {
        alasan_pr.push(format!(
            "{} konseling kinerja pada periode ini: perilaku belum konsisten",
            b.konseling
        ));
        Rating::DibawahEkspektasi
    } else {
        alasan_pr.push(
            "Tidak ada konseling kinerja: perilaku dianggap konsisten untuk diri sendiri; Di Atas Ekspektasi (juga menginspirasi orang lain) ditentukan pejabat penilai dari umpan balik".into(),
        );
        Rating::SesuaiEkspektasi
    };
    Saran {
        rating_hasil_kerja: hasil,
        rating_perilaku: perilaku,
        alasan_hasil_kerja: alasan_hk,
        alasan_perilaku: alasan_pr,
        predikat_akademik,
    }
}
