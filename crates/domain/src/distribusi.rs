//! The distribution guideline (pola distribusi, Pasal 24(1), 25(1)) as a policy value.
//!
//! For each capaian kinerja organisasi a curve of bounds on the share of the unit's rated
//! pegawai per predikat (SE MenPANRB 3/2023, `distribution.md`). The guideline is *not* forced
//! distribution: [`periksa`] reports deviations with the number of pegawai that would have to
//! move, worded as guidance; nothing here blocks a rating.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::enumerasi;
use crate::kuadran::{CapaianOrganisasi, Predikat};

enumerasi!(
    /// Kind of bound: an upper bound (paling banyak) or a lower bound (paling sedikit).
    JenisBatas, "batas", {
        Maks => ("maks", "paling banyak"),
        Min => ("min", "paling sedikit"),
    }
);

/// Count of rated pegawai per predikat; a missing predikat counts as 0.
pub type Jumlah = BTreeMap<Predikat, u32>;

/// A bound on the combined share of the listed predikat among the `n` rated pegawai of a unit.
///
/// - `Maks`: count ≤ ⌊persen·n/100⌋;
/// - `Min`: count ≥ max(⌈persen·n/100⌉, minimal_pegawai) — `minimal_pegawai` expresses "at least
///   one pegawai in Butuh Perbaikan and/or Kurang" (persen 0, minimal_pegawai 1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Batas {
    pub predikat: Vec<Predikat>,
    pub batas: JenisBatas,
    pub persen: u32,
    #[serde(default)]
    pub minimal_pegawai: u32,
}

impl Batas {
    /// An upper bound of `persen`% on the listed predikat together.
    pub fn maks(predikat: &[Predikat], persen: u32) -> Batas {
        Batas {
            predikat: predikat.to_vec(),
            batas: JenisBatas::Maks,
            persen,
            minimal_pegawai: 0,
        }
    }

    /// A lower bound of `persen`% (and at least `minimal_pegawai`) on the listed predikat together.
    pub fn min(predikat: &[Predikat], persen: u32, minimal_pegawai: u32) -> Batas {
        Batas {
            predikat: predikat.to_vec(),
            batas: JenisBatas::Min,
            persen,
            minimal_pegawai,
        }
    }

    /// Whether the bound covers predikat `p`.
    pub fn memuat(&self, p: Predikat) -> bool {
        self.predikat.contains(&p)
    }

    /// The bound in pegawai for a unit of `n` rated pegawai (integer arithmetic).
    pub fn ambang(&self, n: u32) -> u32 {
        let pn = u64::from(self.persen) * u64::from(n);
        let ambang = match self.batas {
            JenisBatas::Maks => pn / 100,
            JenisBatas::Min => pn.div_ceil(100).max(u64::from(self.minimal_pegawai)),
        };
        u32::try_from(ambang).unwrap_or(u32::MAX)
    }

    /// Combined count of the listed predikat (each predikat counted once).
    pub fn hitung(&self, jumlah: &Jumlah) -> u32 {
        Predikat::SEMUA
            .iter()
            .filter(|p| self.memuat(**p))
            .map(|p| jumlah.get(p).copied().unwrap_or(0))
            .fold(0u32, u32::saturating_add)
    }

    /// How many pegawai would have to move to meet the bound (0 when met).
    pub fn selisih(&self, jumlah: &Jumlah, n: u32) -> u32 {
        let hitung = self.hitung(jumlah);
        let ambang = self.ambang(n);
        match self.batas {
            JenisBatas::Maks => hitung.saturating_sub(ambang),
            JenisBatas::Min => ambang.saturating_sub(hitung),
        }
    }

    fn nama_predikat(&self) -> String {
        self.predikat
            .iter()
            .map(|p| p.label())
            .collect::<Vec<_>>()
            .join("/")
    }
}

/// The curve of bounds that follows from one capaian kinerja organisasi.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct KurvaCapaian {
    pub capaian: CapaianOrganisasi,
    pub batas: Vec<Batas>,
}

/// The distribution guideline: one curve per capaian kinerja organisasi. A capaian without a
/// curve has no bounds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct PedomanDistribusi {
    pub kurva: Vec<KurvaCapaian>,
}

impl Default for PedomanDistribusi {
    /// SE MenPANRB 3/2023 as in `distribution.md`.
    fn default() -> Self {
        use CapaianOrganisasi as C;
        use Predikat::*;
        let kurva = |capaian, batas| KurvaCapaian { capaian, batas };
        PedomanDistribusi {
            kurva: vec![
                kurva(C::Istimewa, vec![Batas::maks(&[SangatBaik], 70)]),
                kurva(
                    C::Baik,
                    vec![
                        Batas::maks(&[Baik], 70),
                        Batas::min(&[ButuhPerbaikan, Kurang], 0, 1),
                    ],
                ),
                kurva(
                    C::ButuhPerbaikan,
                    vec![
                        Batas::maks(&[SangatBaik], 10),
                        Batas::min(&[ButuhPerbaikan], 60, 0),
                    ],
                ),
                kurva(
                    C::Kurang,
                    vec![
                        Batas::maks(&[SangatBaik], 10),
                        Batas::min(&[ButuhPerbaikan], 10, 0),
                        Batas::min(&[Kurang], 60, 0),
                    ],
                ),
                kurva(
                    C::SangatKurang,
                    vec![
                        Batas::maks(&[SangatBaik], 0),
                        Batas::min(&[ButuhPerbaikan, Kurang], 10, 0),
                        Batas::min(&[SangatKurang], 60, 0),
                    ],
                ),
            ],
        }
    }
}

impl PedomanDistribusi {
    /// The curve for a capaian, if the guideline has one.
    pub fn kurva_untuk(&self, capaian: CapaianOrganisasi) -> Option<&KurvaCapaian> {
        self.kurva.iter().find(|k| k.capaian == capaian)
    }

    /// Checks that the guideline is coherent; every problem as an Indonesian message.
    ///
    /// Besides plain value checks, it requires within each curve: lower-bound sets pairwise
    /// disjoint and disjoint from upper-bound sets, lower-bound percentages summing to at most
    /// 100, and at least one predikat under no upper bound. Under these conditions the curve can
    /// always be met once `n` covers the lower bounds (see [`dapat_dipenuhi`]).
    pub fn validasi(&self) -> Result<(), Vec<String>> {
        let mut galat = Vec::new();
        for (i, kurva) in self.kurva.iter().enumerate() {
            let nama = kurva.capaian.label();
            if self.kurva[..i].iter().any(|k| k.capaian == kurva.capaian) {
                galat.push(format!(
                    "Pedoman distribusi: kurva untuk capaian organisasi {nama} ditulis lebih dari sekali"
                ));
            }
            for (j, b) in kurva.batas.iter().enumerate() {
                let letak = format!("Pedoman distribusi, kurva {nama}, batas ke-{}", j + 1);
                if b.predikat.is_empty() {
                    galat.push(format!("{letak}: daftar predikat wajib diisi"));
                }
                if b.predikat
                    .iter()
                    .enumerate()
                    .any(|(k, p)| b.predikat[..k].contains(p))
                {
                    galat.push(format!(
                        "{letak}: predikat yang sama disebut lebih dari sekali"
                    ));
                }
                if b.persen > 100 {
                    galat.push(format!(
                        "{letak}: persen harus antara 0 dan 100 (diterima {})",
                        b.persen
                    ));
                }
                if b.batas == JenisBatas::Maks && b.minimal_pegawai > 0 {
                    galat.push(format!(
                        "{letak}: minimal_pegawai hanya berlaku untuk batas paling sedikit"
                    ));
                }
                for (k, lain) in kurva.batas[..j].iter().enumerate() {
                    let bertumpang = b.predikat.iter().any(|p| lain.memuat(*p));
                    let ada_min = b.batas == JenisBatas::Min || lain.batas == JenisBatas::Min;
                    if bertumpang && ada_min {
                        galat.push(format!(
                            "{letak}: predikatnya tumpang tindih dengan batas ke-{}; batas paling sedikit tidak boleh berbagi predikat dengan batas lain",
                            k + 1
                        ));
                    }
                }
            }
            let total_min: u64 = kurva
                .batas
                .iter()
                .filter(|b| b.batas == JenisBatas::Min)
                .map(|b| u64::from(b.persen))
                .sum();
            if total_min > 100 {
                galat.push(format!(
                    "Pedoman distribusi, kurva {nama}: jumlah persen batas paling sedikit {total_min}% melebihi 100%"
                ));
            }
            let bebas = Predikat::SEMUA.iter().any(|p| {
                !kurva
                    .batas
                    .iter()
                    .any(|b| b.batas == JenisBatas::Maks && b.memuat(*p))
            });
            if !bebas {
                galat.push(format!(
                    "Pedoman distribusi, kurva {nama}: setiap predikat diberi batas paling banyak; sisakan paling sedikit satu predikat tanpa batas atas"
                ));
            }
        }
        if galat.is_empty() {
            Ok(())
        } else {
            Err(galat)
        }
    }
}

/// One bound of the guideline that the unit's distribution does not meet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Pelanggaran {
    /// The predikat the bound is about (their combined share).
    pub predikat: Vec<Predikat>,
    pub batas: JenisBatas,
    /// The bound's percentage.
    pub persen: f64,
    /// The actual share of the listed predikat, in percent, rounded half up to 1 decimal.
    pub aktual_persen: f64,
    /// How many pegawai would have to move to meet the bound.
    pub selisih_pegawai: u32,
    /// The actual count of pegawai in the listed predikat.
    pub jumlah_pegawai: u32,
    /// The bound in pegawai for this unit size.
    pub ambang_pegawai: u32,
    /// Indonesian hint, worded as a guideline.
    pub petunjuk: String,
}

/// The unit's distribution against the guideline curve of its capaian kinerja organisasi.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct HasilDistribusi {
    pub sesuai_pedoman: bool,
    pub pelanggaran: Vec<Pelanggaran>,
    /// The mode of the curve.
    pub modus: Predikat,
    /// Number of rated pegawai.
    pub total: u32,
}

/// Units under this many rated pegawai get the small-unit note in their hints.
pub const UNIT_KECIL: u32 = 10;

/// Total number of rated pegawai.
pub fn total(jumlah: &Jumlah) -> u32 {
    jumlah.values().copied().fold(0u32, u32::saturating_add)
}

/// Share in percent, rounded half up to one decimal, in integer arithmetic.
fn persen_1_desimal(hitung: u32, n: u32) -> f64 {
    if n == 0 {
        return 0.0;
    }
    let (h, n) = (u64::from(hitung), u64::from(n));
    let persepuluhan = (h * 2000 + n) / (2 * n);
    persepuluhan as f64 / 10.0
}

fn pelanggaran(batas: &Batas, jumlah: &Jumlah, n: u32) -> Option<Pelanggaran> {
    let selisih = batas.selisih(jumlah, n);
    if selisih == 0 {
        return None;
    }
    let hitung = batas.hitung(jumlah);
    let ambang = batas.ambang(n);
    let nama = batas.nama_predikat();
    let mut petunjuk = match batas.batas {
        JenisBatas::Maks => format!(
            "pedoman: paling banyak {}% {nama} ({ambang} dari {n}); {selisih} pegawai lebih",
            batas.persen
        ),
        JenisBatas::Min if batas.persen == 0 => {
            format!("pedoman: minimal {ambang} pegawai {nama} (kurang {selisih} pegawai)")
        }
        JenisBatas::Min => format!(
            "pedoman: paling sedikit {}% {nama} ({ambang} dari {n}); kurang {selisih} pegawai",
            batas.persen
        ),
    };
    if n < UNIT_KECIL {
        petunjuk.push_str(&format!(
            "; unit kecil ({n} pegawai dinilai): gunakan sebagai panduan"
        ));
    }
    Some(Pelanggaran {
        predikat: batas.predikat.clone(),
        batas: batas.batas,
        persen: f64::from(batas.persen),
        aktual_persen: persen_1_desimal(hitung, n),
        selisih_pegawai: selisih,
        jumlah_pegawai: hitung,
        ambang_pegawai: ambang,
        petunjuk,
    })
}

/// Compares a unit's counts per predikat with the guideline curve of its capaian.
///
/// No rated pegawai (n = 0) → in line with the guideline. The answer is information for the
/// rater and the head of the unit; it never blocks a rating.
pub fn periksa(
    pedoman: &PedomanDistribusi,
    capaian: CapaianOrganisasi,
    jumlah: &Jumlah,
) -> HasilDistribusi {
    let n = total(jumlah);
    let pelanggaran: Vec<Pelanggaran> = match pedoman.kurva_untuk(capaian) {
        Some(kurva) if n > 0 => kurva
            .batas
            .iter()
            .filter_map(|b| pelanggaran(b, jumlah, n))
            .collect(),
        _ => Vec::new(),
    };
    HasilDistribusi {
        sesuai_pedoman: pelanggaran.is_empty(),
        pelanggaran,
        modus: capaian.modus(),
        total: n,
    }
}

/// The fewest rated pegawai the lower bounds of the curve ask for in a unit of `n`: the sum of
/// the lower bounds in pegawai.
pub fn kebutuhan_minimal(pedoman: &PedomanDistribusi, capaian: CapaianOrganisasi, n: u32) -> u32 {
    pedoman.kurva_untuk(capaian).map_or(0, |k| {
        k.batas
            .iter()
            .filter(|b| b.batas == JenisBatas::Min)
            .map(|b| b.ambang(n))
            .fold(0u32, u32::saturating_add)
    })
}

/// Whether a unit of `n` rated pegawai can meet the curve at all: the lower bounds together fit
/// in `n` (n = 0 always counts as met).
///
/// Exact for a guideline that passes [`PedomanDistribusi::validasi`]: lower-bound sets are
/// disjoint from each other and from the upper-bound sets, and some predikat has no upper
/// bound, so filling every lower bound exactly and putting the rest in that predikat meets the
/// curve. For the default guideline this holds for every n ≥ 3 under every capaian; n = 1 and
/// n = 2 cannot meet the Kurang and Sangat Kurang curves (10% and 60% each ask for a pegawai).
pub fn dapat_dipenuhi(pedoman: &PedomanDistribusi, capaian: CapaianOrganisasi, n: u32) -> bool {
    n == 0 || kebutuhan_minimal(pedoman, capaian, n) <= n
}

fn pindah(jumlah: &mut Jumlah, dari: Predikat, ke: Predikat) {
    if let Some(c) = jumlah.get_mut(&dari) {
        if *c > 0 {
            *c -= 1;
            *jumlah.entry(ke).or_insert(0) += 1;
        }
    }
}

fn jarak(a: Predikat, b: Predikat) -> usize {
    let idx = |p: Predikat| Predikat::SEMUA.iter().position(|x| *x == p).unwrap_or(0);
    idx(a).abs_diff(idx(b))
}

/// Where one pegawai moving out of the over-full `batas` goes: the curve's mode if it has room,
/// otherwise the nearest predikat (to the mode) that has room under every upper bound, preferring
/// a predikat whose lower bound is still unmet.
fn tujuan_maks(kurva: &KurvaCapaian, batas: &Batas, jumlah: &Jumlah, n: u32) -> Option<Predikat> {
    let modus = kurva.capaian.modus();
    let ada_ruang = |p: Predikat| {
        kurva
            .batas
            .iter()
            .filter(|b| b.batas == JenisBatas::Maks && b.memuat(p))
            .all(|b| b.hitung(jumlah) < b.ambang(n))
    };
    let min_belum = |p: Predikat| {
        kurva
            .batas
            .iter()
            .any(|b| b.batas == JenisBatas::Min && b.memuat(p) && b.selisih(jumlah, n) > 0)
    };
    if !batas.memuat(modus) && ada_ruang(modus) {
        return Some(modus);
    }
    let calon = Predikat::SEMUA
        .iter()
        .copied()
        .filter(|p| !batas.memuat(*p));
    let kunci = |p: &Predikat| (!min_belum(*p), jarak(*p, modus), *p);
    calon
        .clone()
        .filter(|p| ada_ruang(*p))
        .min_by_key(kunci)
        .or_else(|| calon.min_by_key(kunci))
}

/// Where one pegawai moving into the under-full `batas` (towards `ke`) comes from: the largest
/// group among predikat under no lower bound, else the largest group of another lower bound with
/// a surplus; ties go to the predikat nearest to `ke`.
fn asal_min(
    kurva: &KurvaCapaian,
    batas: &Batas,
    ke: Predikat,
    jumlah: &Jumlah,
    n: u32,
) -> Option<Predikat> {
    let jml = |p: &Predikat| jumlah.get(p).copied().unwrap_or(0);
    let terbesar = |it: &mut dyn Iterator<Item = Predikat>| {
        it.filter(|p| jml(p) > 0)
            // Largest group first; on a tie the one nearest to the target, then the better.
            .max_by_key(|p| {
                (
                    jml(p),
                    std::cmp::Reverse(jarak(*p, ke)),
                    std::cmp::Reverse(*p),
                )
            })
    };
    let mut bebas = Predikat::SEMUA.iter().copied().filter(|p| {
        !kurva
            .batas
            .iter()
            .any(|b| b.batas == JenisBatas::Min && b.memuat(*p))
    });
    if let Some(p) = terbesar(&mut bebas) {
        return Some(p);
    }
    let mut surplus = Predikat::SEMUA.iter().copied().filter(|p| {
        !batas.memuat(*p)
            && kurva.batas.iter().any(|b| {
                b.batas == JenisBatas::Min && b.memuat(*p) && b.hitung(jumlah) > b.ambang(n)
            })
    });
    terbesar(&mut surplus)
}

/// Applies the hints of [`periksa`]: moves pegawai as each violated bound asks until the
/// distribution meets the curve or no further move is possible. The total is preserved.
///
/// - over an upper bound: move `selisih` pegawai (largest group of the bound first) to the
///   curve's mode, or — when the mode is itself bounded or full — to the nearest predikat with
///   room, preferring one whose lower bound is unmet;
/// - under a lower bound: move `selisih` pegawai into the first listed predikat of the bound,
///   taking from the largest group among predikat under no lower bound, then from lower bounds
///   with a surplus.
///
/// This is a what-if for the UI and the property tests, not a decision about any pegawai.
pub fn terapkan_petunjuk(
    pedoman: &PedomanDistribusi,
    capaian: CapaianOrganisasi,
    jumlah: &Jumlah,
) -> Jumlah {
    let mut hasil: Jumlah = Predikat::SEMUA
        .iter()
        .map(|p| (*p, jumlah.get(p).copied().unwrap_or(0)))
        .collect();
    let n = total(&hasil);
    let Some(kurva) = pedoman.kurva_untuk(capaian) else {
        return hasil;
    };
    if n == 0 {
        return hasil;
    }
    let batas_langkah = 2 * kurva.batas.len() + 4;
    for _ in 0..batas_langkah {
        let Some(batas) = kurva.batas.iter().find(|b| b.selisih(&hasil, n) > 0) else {
            break;
        };
        let selisih = batas.selisih(&hasil, n);
        for _ in 0..selisih {
            let langkah = match batas.batas {
                JenisBatas::Maks => {
                    let dari = batas
                        .predikat
                        .iter()
                        .copied()
                        .filter(|p| hasil.get(p).copied().unwrap_or(0) > 0)
                        .max_by_key(|p| hasil.get(p).copied().unwrap_or(0));
                    dari.zip(tujuan_maks(kurva, batas, &hasil, n))
                }
                JenisBatas::Min => {
                    let ke = batas.predikat.first().copied();
                    ke.and_then(|ke| asal_min(kurva, batas, ke, &hasil, n).zip(Some(ke)))
                }
            };
            match langkah {
                Some((dari, ke)) => pindah(&mut hasil, dari, ke),
                None => break,
            }
        }
    }
    hasil
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use CapaianOrganisasi as C;
    use Predikat::*;

    fn jml(pasangan: &[(Predikat, u32)]) -> Jumlah {
        pasangan.iter().copied().collect()
    }

    fn periksa_default(capaian: C, pasangan: &[(Predikat, u32)]) -> HasilDistribusi {
        periksa(&PedomanDistribusi::default(), capaian, &jml(pasangan))
    }

    #[test]
    fn pedoman_default_sesuai_distribution_md() {
        let p = PedomanDistribusi::default();
        assert_eq!(p.validasi(), Ok(()));
        assert_eq!(p.kurva.len(), 5);
        for c in C::SEMUA {
            assert!(p.kurva_untuk(*c).is_some(), "{c:?}");
        }
        let baik = p.kurva_untuk(C::Baik).unwrap();
        assert_eq!(baik.batas[1], Batas::min(&[ButuhPerbaikan, Kurang], 0, 1));
        let sk = p.kurva_untuk(C::SangatKurang).unwrap();
        assert_eq!(sk.batas[0], Batas::maks(&[SangatBaik], 0));
        assert_eq!(sk.batas[2], Batas::min(&[SangatKurang], 60, 0));
    }

    #[test]
    fn ambang_bilangan_bulat() {
        let maks70 = Batas::maks(&[SangatBaik], 70);
        let min60 = Batas::min(&[ButuhPerbaikan], 60, 0);
        let min10 = Batas::min(&[ButuhPerbaikan], 10, 0);
        let maks10 = Batas::maks(&[SangatBaik], 10);
        let min1 = Batas::min(&[ButuhPerbaikan, Kurang], 0, 1);
        // (n, maks70, min60, min10, maks10, min1)
        let tabel = [
            (1, 0, 1, 1, 0, 1),
            (9, 6, 6, 1, 0, 1),
            (10, 7, 6, 1, 1, 1),
            (11, 7, 7, 2, 1, 1),
            (20, 14, 12, 2, 2, 1),
            (100, 70, 60, 10, 10, 1),
        ];
        for (n, a, b, c, d, e) in tabel {
            assert_eq!(maks70.ambang(n), a, "maks70 n={n}");
            assert_eq!(min60.ambang(n), b, "min60 n={n}");
            assert_eq!(min10.ambang(n), c, "min10 n={n}");
            assert_eq!(maks10.ambang(n), d, "maks10 n={n}");
            assert_eq!(min1.ambang(n), e, "min1 n={n}");
        }
        assert_eq!(Batas::maks(&[SangatBaik], 100).ambang(u32::MAX), u32::MAX);
    }

    #[test]
    fn unit_kosong_sesuai_pedoman() {
        for c in C::SEMUA {
            let h = periksa_default(*c, &[]);
            assert!(h.sesuai_pedoman);
            assert!(h.pelanggaran.is_empty());
            assert_eq!(h.total, 0);
            assert_eq!(h.modus, c.modus());
            let nol = periksa_default(*c, &[(Baik, 0), (SangatKurang, 0)]);
            assert!(nol.sesuai_pedoman);
        }
    }

    #[test]
    fn istimewa_tepat_70_persen() {
        let h = periksa_default(C::Istimewa, &[(SangatBaik, 7), (Baik, 3)]);
        assert!(h.sesuai_pedoman, "{h:?}");
        assert_eq!(h.modus, SangatBaik);
        assert_eq!(h.total, 10);

        let h = periksa_default(C::Istimewa, &[(SangatBaik, 9), (Baik, 1)]);
        assert!(!h.sesuai_pedoman);
        let p = &h.pelanggaran[0];
        assert_eq!(p.predikat, vec![SangatBaik]);
        assert_eq!(p.batas, JenisBatas::Maks);
        assert_eq!(p.persen, 70.0);
        assert_eq!(p.aktual_persen, 90.0);
        assert_eq!(p.selisih_pegawai, 2);
        assert_eq!(
            p.petunjuk,
            "pedoman: paling banyak 70% Sangat Baik (7 dari 10); 2 pegawai lebih"
        );

        // 8 of 11 = 72.7% > 70%: floor(7.7) = 7, one pegawai too many.
        let h = periksa_default(C::Istimewa, &[(SangatBaik, 8), (Baik, 3)]);
        assert_eq!(h.pelanggaran[0].selisih_pegawai, 1);
        assert_eq!(h.pelanggaran[0].aktual_persen, 72.7);
        assert!(periksa_default(C::Istimewa, &[(SangatBaik, 7), (Baik, 4)]).sesuai_pedoman);
    }

    #[test]
    fn istimewa_unit_kecil() {
        // n = 1: 70% of 1 rounds down to 0, so a single Sangat Baik is a deviation, worded as
        // guidance for a small unit.
        let h = periksa_default(C::Istimewa, &[(SangatBaik, 1)]);
        assert!(!h.sesuai_pedoman);
        let p = &h.pelanggaran[0];
        assert_eq!(p.selisih_pegawai, 1);
        assert_eq!(p.aktual_persen, 100.0);
        assert_eq!(
            p.petunjuk,
            "pedoman: paling banyak 70% Sangat Baik (0 dari 1); 1 pegawai lebih; unit kecil (1 pegawai dinilai): gunakan sebagai panduan"
        );
        // n = 9: at most 6.
        assert!(periksa_default(C::Istimewa, &[(SangatBaik, 6), (Baik, 3)]).sesuai_pedoman);
        let h = periksa_default(C::Istimewa, &[(SangatBaik, 7), (Baik, 2)]);
        assert_eq!(h.pelanggaran[0].selisih_pegawai, 1);
        assert!(h.pelanggaran[0].petunjuk.contains("unit kecil (9 pegawai"));
    }

    #[test]
    fn baik_minimal_satu_butuh_perbaikan_atau_kurang() {
        let h = periksa_default(C::Baik, &[(SangatBaik, 3), (Baik, 7)]);
        assert!(!h.sesuai_pedoman);
        assert_eq!(h.pelanggaran.len(), 1);
        let p = &h.pelanggaran[0];
        assert_eq!(p.predikat, vec![ButuhPerbaikan, Kurang]);
        assert_eq!(p.batas, JenisBatas::Min);
        assert_eq!(p.persen, 0.0);
        assert_eq!(p.aktual_persen, 0.0);
        assert_eq!(p.selisih_pegawai, 1);
        assert_eq!(
            p.petunjuk,
            "pedoman: minimal 1 pegawai Butuh Perbaikan/Kurang (kurang 1 pegawai)"
        );
        assert!(
            periksa_default(C::Baik, &[(SangatBaik, 2), (Baik, 7), (Kurang, 1)]).sesuai_pedoman
        );
        assert!(periksa_default(C::Baik, &[(Baik, 7), (ButuhPerbaikan, 3)]).sesuai_pedoman);
        // Both bounds broken at once: 10 Baik of 10.
        let h = periksa_default(C::Baik, &[(Baik, 10)]);
        assert_eq!(h.pelanggaran.len(), 2);
        assert_eq!(h.pelanggaran[0].selisih_pegawai, 3);
        assert_eq!(h.pelanggaran[1].selisih_pegawai, 1);
        // n = 1: the one pegawai must be Butuh Perbaikan or Kurang to follow the guideline.
        assert!(periksa_default(C::Baik, &[(ButuhPerbaikan, 1)]).sesuai_pedoman);
        assert!(!periksa_default(C::Baik, &[(SangatBaik, 1)]).sesuai_pedoman);
    }

    #[test]
    fn butuh_perbaikan_tepat_60_dan_10_persen() {
        let pas = periksa_default(
            C::ButuhPerbaikan,
            &[(SangatBaik, 1), (Baik, 3), (ButuhPerbaikan, 6)],
        );
        assert!(pas.sesuai_pedoman, "{pas:?}");
        assert_eq!(pas.modus, ButuhPerbaikan);
        let h = periksa_default(
            C::ButuhPerbaikan,
            &[(SangatBaik, 2), (Baik, 3), (ButuhPerbaikan, 5)],
        );
        assert_eq!(h.pelanggaran.len(), 2);
        assert_eq!(h.pelanggaran[0].predikat, vec![SangatBaik]);
        assert_eq!(h.pelanggaran[0].selisih_pegawai, 1);
        assert_eq!(h.pelanggaran[0].aktual_persen, 20.0);
        assert_eq!(h.pelanggaran[1].predikat, vec![ButuhPerbaikan]);
        assert_eq!(h.pelanggaran[1].selisih_pegawai, 1);
        assert_eq!(h.pelanggaran[1].aktual_persen, 50.0);
        assert_eq!(
            h.pelanggaran[1].petunjuk,
            "pedoman: paling sedikit 60% Butuh Perbaikan (6 dari 10); kurang 1 pegawai"
        );
        // n = 11: at least ceil(6.6) = 7 Butuh Perbaikan, at most 1 Sangat Baik.
        let h = periksa_default(
            C::ButuhPerbaikan,
            &[(SangatBaik, 1), (Baik, 4), (ButuhPerbaikan, 6)],
        );
        assert_eq!(h.pelanggaran.len(), 1);
        assert_eq!(h.pelanggaran[0].selisih_pegawai, 1);
        assert_eq!(h.pelanggaran[0].aktual_persen, 54.5);
    }

    #[test]
    fn kurang_tepat_10_persen() {
        let pas = periksa_default(
            C::Kurang,
            &[
                (SangatBaik, 1),
                (Baik, 1),
                (ButuhPerbaikan, 1),
                (Kurang, 6),
                (SangatKurang, 1),
            ],
        );
        assert!(pas.sesuai_pedoman, "{pas:?}");
        let h = periksa_default(C::Kurang, &[(Baik, 4), (Kurang, 6)]);
        assert_eq!(h.pelanggaran.len(), 1);
        assert_eq!(h.pelanggaran[0].predikat, vec![ButuhPerbaikan]);
        assert_eq!(h.pelanggaran[0].selisih_pegawai, 1);
        assert_eq!(
            h.pelanggaran[0].petunjuk,
            "pedoman: paling sedikit 10% Butuh Perbaikan (1 dari 10); kurang 1 pegawai"
        );
        // n = 11 → at least 2 in Butuh Perbaikan, 7 in Kurang, at most 1 Sangat Baik.
        let h = periksa_default(
            C::Kurang,
            &[(SangatBaik, 2), (ButuhPerbaikan, 1), (Kurang, 8)],
        );
        let selisih: Vec<_> = h
            .pelanggaran
            .iter()
            .map(|p| (p.predikat[0], p.selisih_pegawai))
            .collect();
        assert_eq!(selisih, vec![(SangatBaik, 1), (ButuhPerbaikan, 1)]);
    }

    #[test]
    fn sangat_kurang_tanpa_sangat_baik() {
        let pas = periksa_default(
            C::SangatKurang,
            &[(Baik, 3), (Kurang, 1), (SangatKurang, 6)],
        );
        assert!(pas.sesuai_pedoman, "{pas:?}");
        let h = periksa_default(
            C::SangatKurang,
            &[(SangatBaik, 1), (Baik, 3), (SangatKurang, 6)],
        );
        assert_eq!(h.pelanggaran.len(), 2);
        assert_eq!(
            h.pelanggaran[0].petunjuk,
            "pedoman: paling banyak 0% Sangat Baik (0 dari 10); 1 pegawai lebih"
        );
        assert_eq!(
            h.pelanggaran[1].petunjuk,
            "pedoman: paling sedikit 10% Butuh Perbaikan/Kurang (1 dari 10); kurang 1 pegawai"
        );
        // n = 1 and n = 2 cannot meet the curve at all.
        assert!(!dapat_dipenuhi(
            &PedomanDistribusi::default(),
            C::SangatKurang,
            1
        ));
        assert!(!dapat_dipenuhi(
            &PedomanDistribusi::default(),
            C::SangatKurang,
            2
        ));
        assert!(dapat_dipenuhi(
            &PedomanDistribusi::default(),
            C::SangatKurang,
            3
        ));
    }

    #[test]
    fn persen_dibulatkan_satu_desimal() {
        assert_eq!(persen_1_desimal(1, 3), 33.3);
        assert_eq!(persen_1_desimal(2, 3), 66.7);
        assert_eq!(persen_1_desimal(1, 8), 12.5);
        assert_eq!(persen_1_desimal(1, 16), 6.3); // 6.25 half up
        assert_eq!(persen_1_desimal(0, 0), 0.0);
        assert_eq!(persen_1_desimal(u32::MAX, u32::MAX), 100.0);
    }

    #[test]
    fn kelayakan_default_untuk_setiap_n() {
        let p = PedomanDistribusi::default();
        for c in C::SEMUA {
            for n in 0..=1000u32 {
                let harap = !(matches!(c, C::Kurang | C::SangatKurang) && (n == 1 || n == 2));
                assert_eq!(dapat_dipenuhi(&p, *c, n), harap, "{c:?} n={n}");
            }
        }
    }

    /// Every composition of `n` into the five predikat.
    fn semua_sebaran(n: u32) -> Vec<Jumlah> {
        let mut hasil = Vec::new();
        for a in 0..=n {
            for b in 0..=n - a {
                for c in 0..=n - a - b {
                    for d in 0..=n - a - b - c {
                        let e = n - a - b - c - d;
                        hasil.push(jml(&[
                            (SangatBaik, a),
                            (Baik, b),
                            (ButuhPerbaikan, c),
                            (Kurang, d),
                            (SangatKurang, e),
                        ]));
                    }
                }
            }
        }
        hasil
    }

    #[test]
    fn kelayakan_cocok_dengan_pencarian_menyeluruh() {
        // For small units, brute force: some distribution meets the curve iff `dapat_dipenuhi`;
        // and `terapkan_petunjuk` finds one whenever it is feasible.
        let p = PedomanDistribusi::default();
        for n in 0..=12 {
            let semua = semua_sebaran(n);
            for c in C::SEMUA {
                let ada = semua.iter().any(|j| periksa(&p, *c, j).sesuai_pedoman);
                assert_eq!(ada, dapat_dipenuhi(&p, *c, n), "{c:?} n={n}");
                if ada {
                    for j in &semua {
                        let baru = terapkan_petunjuk(&p, *c, j);
                        assert!(
                            periksa(&p, *c, &baru).sesuai_pedoman,
                            "{c:?} {j:?} → {baru:?}"
                        );
                        assert_eq!(total(&baru), n);
                    }
                }
            }
        }
    }

    #[test]
    fn terapkan_petunjuk_contoh() {
        let p = PedomanDistribusi::default();
        // Baik: 10 Baik → 3 out of Baik (first into the unmet Butuh Perbaikan/Kurang bound).
        let baru = terapkan_petunjuk(&p, C::Baik, &jml(&[(Baik, 10)]));
        assert_eq!(baru[&Baik], 7);
        assert_eq!(baru[&ButuhPerbaikan], 1);
        assert_eq!(baru[&SangatBaik], 2);
        // Istimewa: surplus Sangat Baik moves to the nearest predikat, Baik.
        let baru = terapkan_petunjuk(&p, C::Istimewa, &jml(&[(SangatBaik, 10)]));
        assert_eq!(baru[&SangatBaik], 7);
        assert_eq!(baru[&Baik], 3);
        // Kurang: the surplus Sangat Baik goes to the mode; then Butuh Perbaikan is filled from
        // the largest free group.
        let baru = terapkan_petunjuk(
            &p,
            C::Kurang,
            &jml(&[(SangatBaik, 3), (Baik, 1), (Kurang, 6)]),
        );
        assert!(periksa(&p, C::Kurang, &baru).sesuai_pedoman, "{baru:?}");
        assert_eq!(baru[&SangatBaik], 1);
        assert_eq!(baru[&Baik], 0);
        assert_eq!(baru[&ButuhPerbaikan], 1);
        assert_eq!(baru[&Kurang], 8);
        // Already in line: unchanged.
        let sebaran = jml(&[(SangatBaik, 7), (Baik, 3)]);
        let baru = terapkan_petunjuk(&p, C::Istimewa, &sebaran);
        assert_eq!(baru[&SangatBaik], 7);
        assert_eq!(baru[&Baik], 3);
        // Infeasible (n = 1 under Kurang): stops, total kept.
        let baru = terapkan_petunjuk(&p, C::Kurang, &jml(&[(Baik, 1)]));
        assert_eq!(total(&baru), 1);
    }

    #[test]
    fn validasi_pedoman() {
        let mut p = PedomanDistribusi::default();
        p.kurva.push(KurvaCapaian {
            capaian: C::Baik,
            batas: vec![
                Batas::maks(&[], 120),
                Batas::min(&[Baik, Baik], 70, 0),
                Batas::min(&[Baik], 40, 0),
                Batas {
                    minimal_pegawai: 2,
                    ..Batas::maks(&[SangatBaik, ButuhPerbaikan, Kurang, SangatKurang], 10)
                },
            ],
        });
        let galat = p.validasi().unwrap_err();
        let semua = galat.join("\n");
        assert!(semua.contains("ditulis lebih dari sekali"), "{semua}");
        assert!(semua.contains("daftar predikat wajib diisi"));
        assert!(semua.contains("persen harus antara 0 dan 100 (diterima 120)"));
        assert!(semua.contains("predikat yang sama disebut lebih dari sekali"));
        assert!(semua.contains("tumpang tindih"));
        assert!(semua.contains("110% melebihi 100%"));
        assert!(semua.contains("minimal_pegawai hanya berlaku"));
        let p = PedomanDistribusi {
            kurva: vec![KurvaCapaian {
                capaian: C::Istimewa,
                batas: vec![Batas::maks(Predikat::SEMUA, 90)],
            }],
        };
        let galat = p.validasi().unwrap_err();
        assert!(galat[0].contains("tanpa batas atas"), "{galat:?}");
        // A guideline without a curve for a capaian has no bounds for it.
        let kosong = PedomanDistribusi { kurva: vec![] };
        assert_eq!(kosong.validasi(), Ok(()));
        assert!(periksa(&kosong, C::Baik, &jml(&[(Baik, 10)])).sesuai_pedoman);
    }

    #[test]
    fn serde_dan_api() {
        let h = periksa_default(C::Istimewa, &[(SangatBaik, 9), (Baik, 1)]);
        let v = serde_json::to_value(&h).unwrap();
        assert_eq!(v["sesuai_pedoman"], false);
        assert_eq!(v["modus"], "sangat_baik");
        assert_eq!(v["pelanggaran"][0]["batas"], "maks");
        assert_eq!(v["pelanggaran"][0]["predikat"][0], "sangat_baik");
        assert_eq!(v["pelanggaran"][0]["selisih_pegawai"], 2);
        assert_eq!(v["pelanggaran"][0]["persen"], 70.0);
        let j: Jumlah = serde_json::from_str(r#"{"baik": 3, "kurang": 1}"#).unwrap();
        assert_eq!(j[&Baik], 3);
        assert!(serde_json::from_str::<Jumlah>(r#"{"cukup": 3}"#).is_err());
        let p = PedomanDistribusi::default();
        let balik: PedomanDistribusi =
            serde_json::from_str(&serde_json::to_string(&p).unwrap()).unwrap();
        assert_eq!(balik, p);
        assert_eq!(JenisBatas::Min.to_string(), "paling sedikit");
    }

    fn capaian() -> impl Strategy<Value = C> {
        prop::sample::select(C::SEMUA)
    }

    fn sebaran() -> impl Strategy<Value = Jumlah> {
        prop::collection::vec(0u32..40, 5)
            .prop_map(|v| Predikat::SEMUA.iter().copied().zip(v).collect::<Jumlah>())
    }

    proptest! {
        /// Every pair of ratings gives exactly one predikat (the kuadran is total).
        #[test]
        fn kuadran_total(h in prop::sample::select(crate::Rating::SEMUA),
                         p in prop::sample::select(crate::Rating::SEMUA)) {
            let satu = crate::kuadran::predikat(h, p);
            prop_assert_eq!(Predikat::SEMUA.iter().filter(|x| **x == satu).count(), 1);
        }

        /// Following the hints meets the curve whenever the curve can be met, and keeps n.
        #[test]
        fn petunjuk_memenuhi_pedoman(c in capaian(), j in sebaran()) {
            let p = PedomanDistribusi::default();
            let n = total(&j);
            let baru = terapkan_petunjuk(&p, c, &j);
            prop_assert_eq!(total(&baru), n);
            if dapat_dipenuhi(&p, c, n) {
                let h = periksa(&p, c, &baru);
                prop_assert!(h.sesuai_pedoman, "{:?} → {:?}: {:?}", j, baru, h.pelanggaran);
            }
        }

        /// The hint counts are exact: moving fewer pegawai cannot meet a bound, and `periksa`
        /// agrees with the bound arithmetic.
        #[test]
        fn selisih_konsisten(c in capaian(), j in sebaran()) {
            let p = PedomanDistribusi::default();
            let n = total(&j);
            let h = periksa(&p, c, &j);
            prop_assert_eq!(h.total, n);
            prop_assert_eq!(h.sesuai_pedoman, h.pelanggaran.is_empty());
            for v in &h.pelanggaran {
                prop_assert!(v.selisih_pegawai > 0);
                match v.batas {
                    JenisBatas::Maks => prop_assert_eq!(v.jumlah_pegawai - v.ambang_pegawai, v.selisih_pegawai),
                    JenisBatas::Min => prop_assert_eq!(v.ambang_pegawai - v.jumlah_pegawai, v.selisih_pegawai),
                }
                prop_assert!(v.petunjuk.starts_with("pedoman: "));
            }
        }
    }
}
