//! Angka kredit of a JF pegawai per year and accumulated (PermenPANRB 1/2023, `distribution.md`),
//! from the recorded evaluations only: the one computation the pegawai's page, the API and the
//! HR export (`laporan::isi`) share.
//!
//! A year is split over the pegawai's SKP of that year by months: a month belongs to the SKP
//! where the pegawai spent most of it (`skp_untuk_periode`, as evaluation does), so two SKP
//! around a mutasi never count a month twice. Then, per JF SKP:
//! - an SKP with a **signed annual evaluation** (the last SKP of the year) earns its months at
//!   the annual predikat: `bulan/12 × persentase × koefisien` (12 months = the whole year);
//! - an SKP **closed by a mutasi** (it never gets an annual evaluation) earns each of its months
//!   at the **periodic** predikat of the period holding that month (consecutive months at the
//!   same predikat form one part);
//! - anything not signed (a draft, nothing yet) earns nothing and says so.
//!
//! Exact values (`nilai_eksak`) are summed; only the shown figure is rounded half up to two
//! decimals (`bulatkan_2`). Only signed evaluations count (`StatusEvaluasi::terkunci`).

use crate::organisasi::IndeksOrganisasi;
use chrono::NaiveDate;
use kinerja_domain::angka_kredit::{angka_kredit, bulatkan_2};
use kinerja_domain::evaluasi::{skp_untuk_periode, MasaSkp};
use kinerja_domain::jabatan::Jenjang;
use kinerja_domain::kuadran::Predikat;
use kinerja_domain::periode::{nama_bulan, Periode};
use kinerja_store::Pegawai;
use serde::Serialize;

kinerja_domain::enumerasi!(
    /// Which predikat a part of a year's angka kredit rests on.
    DasarAngkaKredit, "dasar_angka_kredit", {
        Tahunan => ("tahunan", "Predikat tahunan"),
        Periodik => ("periodik", "Predikat periodik (SKP ditutup karena mutasi)"),
    }
);

/// An SKP of the year as angka kredit sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct SkpAngkaKredit {
    pub id: i64,
    pub mulai: NaiveDate,
    pub selesai: NaiveDate,
    /// A jabatan fungsional SKP: only these earn angka kredit.
    pub fungsional: bool,
    pub jenjang: Option<Jenjang>,
    pub jabatan: Option<String>,
    /// Closed by a mutasi: no annual evaluation; its months use the periodic predikat.
    pub ditutup: bool,
}

/// An evaluation of one of the year's SKP (any status: unsigned ones only explain).
#[derive(Debug, Clone, PartialEq)]
pub struct PredikatTercatat {
    pub skp_id: i64,
    pub periode: Periode,
    pub predikat: Predikat,
    /// Signed by the rater (locked): only these count.
    pub ditandatangani: bool,
}

/// Part of a year: consecutive months on one SKP at one predikat, or without one and why.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct BagianAngkaKredit {
    pub skp_id: i64,
    pub skp_mulai: NaiveDate,
    pub skp_selesai: NaiveDate,
    pub jabatan: Option<String>,
    pub jenjang: Option<Jenjang>,
    pub dasar: DasarAngkaKredit,
    /// The months counted (1 = January).
    pub bulan: Vec<u32>,
    pub jumlah_bulan: u32,
    /// The months in words: "Januari – Juni 2025".
    pub masa: String,
    /// The periods whose predikat is used ("2025", or "2025-01", "2025-02", …).
    pub periode: Vec<String>,
    /// From a signed evaluation; none when there is none yet.
    pub predikat: Option<Predikat>,
    pub persentase: Option<f64>,
    pub koefisien: Option<f64>,
    /// For display: rounded half up to 2 decimals.
    pub angka_kredit: Option<f64>,
    /// Unrounded; sums use it.
    pub nilai_eksak: Option<f64>,
    pub keterangan: Option<String>,
}

/// One year of a JF pegawai.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct TahunAngkaKredit {
    pub tahun: i32,
    pub bagian: Vec<BagianAngkaKredit>,
    /// Months that earned angka kredit.
    pub bulan_berangka_kredit: u32,
    /// The year's sum, rounded for display.
    pub jumlah: f64,
    pub jumlah_eksak: f64,
    /// The accumulation up to and including this year, rounded for display.
    pub kumulatif: f64,
    pub kumulatif_eksak: f64,
    /// Why some months earned nothing (the first reason), none when every JF month did.
    pub keterangan: Option<String>,
}

pub const BELUM_TAHUNAN: &str = "Belum ada evaluasi tahunan yang ditandatangani";
pub const DRAF_TAHUNAN: &str = "Evaluasi tahunan masih draf (belum ditandatangani pejabat penilai)";
pub const BELUM_PERIODIK: &str =
    "Belum ada evaluasi periodik yang ditandatangani untuk bulan-bulan ini";
pub const TANPA_BULAN: &str = "SKP tidak mencakup satu bulan pun";
pub const TANPA_JENJANG: &str = "Jenjang jabatan fungsional belum diisi";

/// "Januari – Juni 2025", "Maret 2025".
fn masa(tahun: i32, bulan: &[u32]) -> String {
    match (bulan.first(), bulan.last()) {
        (Some(a), Some(b)) if a == b => format!("{} {tahun}", nama_bulan(*a)),
        (Some(a), Some(b)) => format!("{} – {} {tahun}", nama_bulan(*a), nama_bulan(*b)),
        _ => format!("{tahun}"),
    }
}

fn bagian(
    s: &SkpAngkaKredit,
    dasar: DasarAngkaKredit,
    tahun: i32,
    bulan: Vec<u32>,
    periode: Vec<String>,
    predikat: Option<Predikat>,
    tanpa_predikat: &str,
) -> BagianAngkaKredit {
    let jumlah_bulan = bulan.len() as u32;
    let mut b = BagianAngkaKredit {
        skp_id: s.id,
        skp_mulai: s.mulai,
        skp_selesai: s.selesai,
        jabatan: s.jabatan.clone(),
        jenjang: s.jenjang,
        dasar,
        masa: masa(tahun, &bulan),
        bulan,
        jumlah_bulan,
        periode,
        predikat,
        persentase: None,
        koefisien: None,
        angka_kredit: None,
        nilai_eksak: None,
        keterangan: None,
    };
    let Some(p) = predikat else {
        b.keterangan = Some(tanpa_predikat.into());
        return b;
    };
    let Some(j) = s.jenjang else {
        b.keterangan = Some(TANPA_JENJANG.into());
        return b;
    };
    match angka_kredit(j, p, jumlah_bulan) {
        Ok(ak) => {
            b.persentase = Some(ak.persentase);
            b.koefisien = Some(ak.koefisien);
            b.angka_kredit = Some(ak.angka_kredit);
            b.nilai_eksak = Some(ak.nilai_eksak);
            b.keterangan = match dasar {
                DasarAngkaKredit::Tahunan if jumlah_bulan < 12 => {
                    Some(format!("{jumlah_bulan} bulan (sebagian tahun)"))
                }
                DasarAngkaKredit::Tahunan => None,
                DasarAngkaKredit::Periodik => {
                    Some(format!("{jumlah_bulan} bulan, predikat periodik"))
                }
            };
        }
        Err(_) => b.keterangan = Some(TANPA_BULAN.into()),
    }
    b
}

/// The angka kredit of one year from the pegawai's SKP of that year and their evaluations (see
/// the module documentation). `kumulatif` is left at the year's own sum; [`akumulasi`] sets it.
pub fn angka_kredit_tahun(
    tahun: i32,
    skp: &[SkpAngkaKredit],
    tercatat: &[PredikatTercatat],
) -> TahunAngkaKredit {
    let mut urut: Vec<&SkpAngkaKredit> = skp.iter().collect();
    urut.sort_by_key(|s| (s.mulai, s.id));
    let masa_skp: Vec<MasaSkp> = urut
        .iter()
        .map(|s| MasaSkp {
            id: s.id,
            mulai: s.mulai,
            selesai: s.selesai,
        })
        .collect();
    let pemilik: Vec<(u32, Option<i64>)> = (1..=12)
        .map(|b| {
            let p = Periode::bulan(tahun, b).ok();
            (b, p.and_then(|p| skp_untuk_periode(&masa_skp, p)))
        })
        .collect();
    let tahunan = Periode::Tahunan { tahun };
    let mut out = Vec::new();
    for s in urut.iter().filter(|s| s.fungsional) {
        let bulan: Vec<u32> = pemilik
            .iter()
            .filter(|(_, id)| *id == Some(s.id))
            .map(|(b, _)| *b)
            .collect();
        let annual = |ttd: bool| {
            tercatat
                .iter()
                .find(|e| e.skp_id == s.id && e.periode == tahunan && e.ditandatangani == ttd)
        };
        if let Some(e) = annual(true).filter(|_| !s.ditutup) {
            out.push(bagian(
                s,
                DasarAngkaKredit::Tahunan,
                tahun,
                bulan,
                vec![tahunan.kode()],
                Some(e.predikat),
                "",
            ));
        } else if s.ditutup {
            // Each month at the signed periodic predikat of its period: the one on this SKP,
            // else the one the period was evaluated on (a quarter may go to the other place).
            let predikat_bulan = |b: u32| {
                let hari = NaiveDate::from_ymd_opt(tahun, b, 1)?;
                let cocok = |e: &&PredikatTercatat| {
                    e.ditandatangani && e.periode.periodik() && e.periode.memuat(hari)
                };
                tercatat
                    .iter()
                    .filter(cocok)
                    .find(|e| e.skp_id == s.id)
                    .or_else(|| tercatat.iter().find(cocok))
                    .map(|e| (e.periode, e.predikat))
            };
            let mut kelompok: Vec<(Option<Predikat>, Vec<u32>, Vec<String>)> = Vec::new();
            for b in bulan {
                let x = predikat_bulan(b);
                let p = x.map(|x| x.1);
                match kelompok.last_mut() {
                    Some((q, bs, _)) if *q == p && bs.last() == Some(&(b - 1)) => bs.push(b),
                    _ => kelompok.push((p, vec![b], Vec::new())),
                }
                if let (Some((per, _)), Some(k)) = (x, kelompok.last_mut()) {
                    if !k.2.contains(&per.kode()) {
                        k.2.push(per.kode());
                    }
                }
            }
            for (p, bs, periode) in kelompok {
                out.push(bagian(
                    s,
                    DasarAngkaKredit::Periodik,
                    tahun,
                    bs,
                    periode,
                    p,
                    BELUM_PERIODIK,
                ));
            }
        } else if !bulan.is_empty() {
            let sebab = if annual(false).is_some() {
                DRAF_TAHUNAN
            } else {
                BELUM_TAHUNAN
            };
            out.push(bagian(
                s,
                DasarAngkaKredit::Tahunan,
                tahun,
                bulan,
                vec![tahunan.kode()],
                None,
                sebab,
            ));
        }
    }
    // From +0.0: an empty f64 sum is -0.0, shown as "-0.00".
    let jumlah_eksak = out
        .iter()
        .filter_map(|b| b.nilai_eksak)
        .fold(0.0, |a, b| a + b);
    let bulan_berangka_kredit = out
        .iter()
        .filter(|b| b.nilai_eksak.is_some())
        .map(|b| b.jumlah_bulan)
        .sum();
    let keterangan = out
        .iter()
        .find(|b| b.nilai_eksak.is_none())
        .and_then(|b| b.keterangan.clone());
    TahunAngkaKredit {
        tahun,
        bagian: out,
        bulan_berangka_kredit,
        jumlah: bulatkan_2(jumlah_eksak),
        jumlah_eksak,
        kumulatif: bulatkan_2(jumlah_eksak),
        kumulatif_eksak: jumlah_eksak,
        keterangan,
    }
}

/// Accumulates the years in order (oldest first), setting each year's `kumulatif`; answers the
/// total (exact, rounded).
pub fn akumulasi(tahun: &mut [TahunAngkaKredit]) -> (f64, f64) {
    tahun.sort_by_key(|t| t.tahun);
    let mut eksak = 0.0;
    for t in tahun.iter_mut() {
        eksak += t.jumlah_eksak;
        t.kumulatif_eksak = eksak;
        t.kumulatif = bulatkan_2(eksak);
    }
    (eksak, bulatkan_2(eksak))
}

/// The jabatan of an SKP and its jenjang: the position's, else the pegawai's current one.
pub fn jabatan_skp(
    org: &IndeksOrganisasi,
    jabatan_id: Option<i64>,
    p: &Pegawai,
) -> (Option<String>, Option<Jenjang>) {
    let j = jabatan_id.and_then(|j| org.jabatan.get(&j));
    (
        j.map(|j| j.nama.clone()).or_else(|| p.jabatan_nama.clone()),
        j.and_then(|j| j.jenjang).or(p.jenjang),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use Jenjang::*;
    use Predikat::*;

    fn d(m: u32, h: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, m, h).unwrap()
    }

    fn skp(
        id: i64,
        mulai: NaiveDate,
        selesai: NaiveDate,
        j: Jenjang,
        ditutup: bool,
    ) -> SkpAngkaKredit {
        SkpAngkaKredit {
            id,
            mulai,
            selesai,
            fungsional: true,
            jenjang: Some(j),
            jabatan: Some(format!("JF {}", j.label())),
            ditutup,
        }
    }

    fn eval(skp_id: i64, periode: &str, p: Predikat, ttd: bool) -> PredikatTercatat {
        PredikatTercatat {
            skp_id,
            periode: Periode::parse(periode).unwrap(),
            predikat: p,
            ditandatangani: ttd,
        }
    }

    /// distribution.md: Ahli Pertama, Sangat Baik for the year = 18.75.
    #[test]
    fn setahun_penuh_predikat_tahunan() {
        let t = angka_kredit_tahun(
            2025,
            &[skp(1, d(1, 1), d(12, 31), AhliPertama, false)],
            &[
                eval(1, "2025", SangatBaik, true),
                eval(1, "2025-03", Kurang, true),
            ],
        );
        assert_eq!(t.bagian.len(), 1);
        let b = &t.bagian[0];
        assert_eq!(
            (b.dasar, b.jumlah_bulan, b.predikat, b.angka_kredit),
            (DasarAngkaKredit::Tahunan, 12, Some(SangatBaik), Some(18.75))
        );
        assert_eq!(b.masa, "Januari – Desember 2025");
        assert_eq!(b.periode, ["2025"]);
        assert_eq!(b.keterangan, None);
        assert_eq!(
            (t.jumlah, t.bulan_berangka_kredit, t.keterangan),
            (18.75, 12, None)
        );
    }

    /// distribution.md: two months at Baik = 2/12 × 100% × 12.5 = 2.08 (exact 2.0833…).
    #[test]
    fn sebagian_tahun_dari_predikat_periodik() {
        // Ahli Pertama until 28 February (closed by a promotion), Ahli Muda from 1 March.
        let t = angka_kredit_tahun(
            2025,
            &[
                skp(1, d(1, 1), d(2, 28), AhliPertama, true),
                skp(2, d(3, 1), d(12, 31), AhliMuda, false),
            ],
            &[
                eval(1, "2025-01", Baik, true),
                eval(1, "2025-02", Baik, true),
                eval(2, "2025-03", SangatBaik, true),
                eval(2, "2025", Baik, true),
            ],
        );
        let p = &t.bagian[0];
        assert_eq!(
            (p.dasar, p.skp_id, &p.bulan, p.predikat, p.angka_kredit),
            (
                DasarAngkaKredit::Periodik,
                1,
                &vec![1, 2],
                Some(Baik),
                Some(2.08)
            )
        );
        assert!((p.nilai_eksak.unwrap() - 25.0 / 12.0).abs() < 1e-12);
        assert_eq!(p.periode, ["2025-01", "2025-02"]);
        assert_eq!(p.masa, "Januari – Februari 2025");
        // The rest at the annual predikat: 10/12 × 100% × 25 = 20.8333… → 20.83.
        let a = &t.bagian[1];
        assert_eq!(
            (
                a.dasar,
                a.jumlah_bulan,
                a.predikat,
                a.koefisien,
                a.angka_kredit
            ),
            (
                DasarAngkaKredit::Tahunan,
                10,
                Some(Baik),
                Some(25.0),
                Some(20.83)
            )
        );
        assert_eq!(a.keterangan.as_deref(), Some("10 bulan (sebagian tahun)"));
        // The sum is of exact values: 25/12 + 250/12 = 22.9166… → 22.92 (not 2.08 + 20.83).
        assert!((t.jumlah_eksak - 275.0 / 12.0).abs() < 1e-9);
        assert_eq!(t.jumlah, 22.92);
        assert_eq!(t.bulan_berangka_kredit, 12);
    }

    #[test]
    fn bulan_periodik_dikelompokkan_per_predikat() {
        // Closed on 14 July: July goes to the later place (17 days against 14).
        let t = angka_kredit_tahun(
            2025,
            &[
                skp(1, d(1, 1), d(7, 14), Terampil, true),
                skp(2, d(7, 15), d(12, 31), Terampil, false),
            ],
            &[
                eval(1, "2025-01", Baik, true),
                eval(1, "2025-02", Baik, true),
                eval(1, "2025-03", SangatBaik, true),
                eval(1, "2025-04", Baik, true),
                eval(1, "2025-05", Baik, false),
                eval(2, "2025-07", Baik, true),
            ],
        );
        let ringkas: Vec<_> = t
            .bagian
            .iter()
            .map(|b| (b.skp_id, b.bulan.clone(), b.predikat, b.angka_kredit))
            .collect();
        assert_eq!(
            ringkas,
            [
                // 2/12 × 5 = 0.8333 → 0.83
                (1, vec![1, 2], Some(Baik), Some(0.83)),
                // 1/12 × 1.5 × 5 = 0.625 → 0.63 (half up)
                (1, vec![3], Some(SangatBaik), Some(0.63)),
                (1, vec![4], Some(Baik), Some(0.42)),
                // May a draft, June nothing: no angka kredit, said why.
                (1, vec![5, 6], None, None),
                (2, vec![7, 8, 9, 10, 11, 12], None, None),
            ]
        );
        assert_eq!(t.bagian[3].keterangan.as_deref(), Some(BELUM_PERIODIK));
        assert_eq!(t.bagian[4].keterangan.as_deref(), Some(BELUM_TAHUNAN));
        assert_eq!(t.bulan_berangka_kredit, 4);
        assert_eq!(t.keterangan.as_deref(), Some(BELUM_PERIODIK));
        // 4 × 5/12 + 0.625 − 5/12 (one of the four is March) = 5/12·3 + 0.625 = 1.875
        assert!((t.jumlah_eksak - 1.875).abs() < 1e-12);
        assert_eq!(t.jumlah, 1.88);
    }

    #[test]
    fn triwulan_dipakai_untuk_setiap_bulannya() {
        // A quarterly instansi, moved on 1 May: the second quarter was evaluated on the new SKP
        // (more of its days there); April on the old one still takes that quarter's predikat.
        let t = angka_kredit_tahun(
            2025,
            &[
                skp(1, d(1, 1), d(4, 30), AhliMadya, true),
                skp(2, d(5, 1), d(12, 31), AhliMadya, false),
            ],
            &[
                eval(1, "2025-T1", Kurang, true),
                eval(2, "2025-T2", Baik, true),
                eval(2, "2025", Baik, true),
            ],
        );
        let p: Vec<_> = t
            .bagian
            .iter()
            .map(|b| (b.skp_id, b.bulan.clone(), b.predikat, b.periode.clone()))
            .collect();
        assert_eq!(
            p,
            [
                (1, vec![1, 2, 3], Some(Kurang), vec!["2025-T1".to_string()]),
                (1, vec![4], Some(Baik), vec!["2025-T2".to_string()]),
                (2, (5..=12).collect(), Some(Baik), vec!["2025".to_string()]),
            ]
        );
        // 3/12 × 50% × 37.5 = 4.6875 → 4.69; 1/12 × 37.5 = 3.125 → 3.13; 8/12 × 37.5 = 25
        assert_eq!(
            t.bagian.iter().map(|b| b.angka_kredit).collect::<Vec<_>>(),
            [Some(4.69), Some(3.13), Some(25.0)]
        );
        assert_eq!(t.jumlah, 32.81); // 32.8125
    }

    #[test]
    fn tanpa_evaluasi_bertanda_tangan_tidak_ada_angka_kredit() {
        let s = [skp(1, d(1, 1), d(12, 31), Penyelia, false)];
        let kosong = angka_kredit_tahun(2025, &s, &[]);
        assert_eq!(kosong.bagian.len(), 1);
        assert_eq!(kosong.bagian[0].angka_kredit, None);
        assert_eq!(kosong.keterangan.as_deref(), Some(BELUM_TAHUNAN));
        assert_eq!((kosong.jumlah, kosong.bulan_berangka_kredit), (0.0, 0));
        assert!(
            kosong.jumlah.is_sign_positive(),
            "no \"-0.00\" for an empty year"
        );
        let draf = angka_kredit_tahun(2025, &s, &[eval(1, "2025", SangatBaik, false)]);
        assert_eq!(draf.keterangan.as_deref(), Some(DRAF_TAHUNAN));
        assert_eq!(draf.jumlah, 0.0);
        // An SKP that is not JF earns nothing and is not listed.
        let mut bukan = s[0].clone();
        bukan.fungsional = false;
        let t = angka_kredit_tahun(2025, &[bukan], &[eval(1, "2025", Baik, true)]);
        assert!(t.bagian.is_empty());
        assert_eq!(t.keterangan, None);
    }

    #[test]
    fn jenjang_kosong_dan_skp_tanpa_bulan() {
        let mut s = skp(1, d(1, 1), d(12, 31), AhliMuda, false);
        s.jenjang = None;
        let t = angka_kredit_tahun(2025, &[s], &[eval(1, "2025", Baik, true)]);
        assert_eq!(t.bagian[0].predikat, Some(Baik));
        assert_eq!(t.bagian[0].angka_kredit, None);
        assert_eq!(t.keterangan.as_deref(), Some(TANPA_JENJANG));
        // Moved on 20 December: December belongs to the old place; the annual evaluation on
        // the new SKP covers no month.
        let t = angka_kredit_tahun(
            2025,
            &[
                skp(1, d(1, 1), d(12, 19), AhliMuda, true),
                skp(2, d(12, 20), d(12, 31), AhliMuda, false),
            ],
            &[
                eval(2, "2025", SangatBaik, true),
                eval(1, "2025-12", Baik, true),
            ],
        );
        let akhir = t.bagian.last().unwrap();
        assert_eq!(
            (akhir.skp_id, akhir.jumlah_bulan, akhir.angka_kredit),
            (2, 0, None)
        );
        assert_eq!(akhir.keterangan.as_deref(), Some(TANPA_BULAN));
    }

    #[test]
    fn akumulasi_dari_nilai_eksak() {
        let satu = |tahun: i32, p: Predikat, bulan: u32| {
            let s = SkpAngkaKredit {
                id: i64::from(tahun),
                mulai: NaiveDate::from_ymd_opt(tahun, 13 - bulan, 1).unwrap(),
                selesai: NaiveDate::from_ymd_opt(tahun, 12, 31).unwrap(),
                fungsional: true,
                jenjang: Some(AhliPertama),
                jabatan: None,
                ditutup: false,
            };
            let e = PredikatTercatat {
                skp_id: s.id,
                periode: Periode::Tahunan { tahun },
                predikat: p,
                ditandatangani: true,
            };
            angka_kredit_tahun(tahun, &[s], &[e])
        };
        // Three years of 2 months at Baik (2.0833… each): shown 2.08 each, accumulated
        // 6.25 exactly (not 6.24 from the rounded figures).
        let mut v = vec![
            satu(2026, Baik, 2),
            satu(2024, Baik, 2),
            satu(2025, Baik, 2),
        ];
        let (eksak, total) = akumulasi(&mut v);
        assert_eq!(
            v.iter().map(|t| t.tahun).collect::<Vec<_>>(),
            [2024, 2025, 2026]
        );
        assert_eq!(
            v.iter().map(|t| t.jumlah).collect::<Vec<_>>(),
            [2.08, 2.08, 2.08]
        );
        assert_eq!(
            v.iter().map(|t| t.kumulatif).collect::<Vec<_>>(),
            [2.08, 4.17, 6.25]
        );
        assert!((eksak - 6.25).abs() < 1e-12);
        assert_eq!(total, 6.25);
        // With a full Sangat Baik year: 6.25 + 18.75 = 25.
        v.push(satu(2027, SangatBaik, 12));
        assert_eq!(akumulasi(&mut v).1, 25.0);
        assert_eq!(v[3].kumulatif, 25.0);
    }
}
