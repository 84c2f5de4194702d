//! The policy profile of an instansi: the values the seeds leave to each government (period
//! length, distribution guideline, TPP deductions, reminders, place printed on documents, the
//! wording of sanction outcomes). Kept as data, editable by the HR administrator and versioned
//! by year (`distribution.md`): a version "berlaku mulai tahun X" holds until the next one.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::distribusi::PedomanDistribusi;
use crate::enumerasi;
use crate::kuadran::Predikat;

enumerasi!(
    /// Length of the periodic evaluation (Pasal 24(2): monthly in Bekasi; PermenPANRB 6/2022
    /// also allows quarterly).
    JenisPeriode, "jenis_periode", {
        Bulanan => ("bulanan", "Bulanan"),
        Triwulanan => ("triwulanan", "Triwulanan"),
    }
);

/// TPP deduction for a predikat, in percent of the TPP.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct PotonganTpp {
    pub predikat: Predikat,
    pub persen_potongan: u32,
}

/// An instansi's policy profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ProfilKebijakan {
    /// Length of the periodic evaluation.
    pub periode: JenisPeriode,
    /// Distribution guideline per capaian kinerja organisasi.
    pub distribusi: PedomanDistribusi,
    /// TPP deduction per predikat: one row for every predikat (the default deducts nothing).
    pub tpp: Vec<PotonganTpp>,
    /// Place printed on documents, e.g. "Bekasi".
    pub tempat_dokumen: String,
    /// Deadlines and reminders of the execution stage.
    #[serde(default)]
    pub kalender: crate::pelaksanaan::kalender::Kalender,
    /// Wording of the sanction cases' outcomes.
    #[serde(default)]
    pub redaksi_sanksi: crate::sanksi::RedaksiSanksi,
    /// Login protection: failed-login limits per account and per address, optional lockout.
    #[serde(default)]
    pub keamanan_masuk: KeamananMasuk,
}

/// Login protection. Failed logins are counted per account name (whether or not the account
/// exists, so the answer never tells) and per client address, each in a window that starts
/// with its first failure; past the limit every attempt waits for the window to end, even with
/// the right password. With `kunci_akun`, reaching the account limit locks the account name
/// for `lama_kunci_menit` instead (an administrator's password reset unlocks it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(default)]
pub struct KeamananMasuk {
    /// Failed logins allowed per account name within the window (1–100).
    pub maks_gagal_akun: u32,
    /// Failed logins allowed per client address within the window (1–10000).
    pub maks_gagal_alamat: u32,
    /// Length of the counting window in minutes (1–1440).
    pub jendela_menit: u32,
    /// Lock the account name once it reaches its limit.
    pub kunci_akun: bool,
    /// How long a lock lasts, in minutes (1–10080, a week).
    pub lama_kunci_menit: u32,
}

impl Default for KeamananMasuk {
    /// 5 failures per account and 20 per address in 15 minutes; no lockout (a lock, when
    /// switched on, lasts 30 minutes).
    fn default() -> Self {
        KeamananMasuk {
            maks_gagal_akun: 5,
            maks_gagal_alamat: 20,
            jendela_menit: 15,
            kunci_akun: false,
            lama_kunci_menit: 30,
        }
    }
}

/// Bounds of [`KeamananMasuk`]'s settings.
pub const MAKS_GAGAL_AKUN: u32 = 100;
pub const MAKS_GAGAL_ALAMAT: u32 = 10_000;
pub const MAKS_JENDELA_MENIT: u32 = 1_440;
pub const MAKS_LAMA_KUNCI_MENIT: u32 = 10_080;

/// A login counter as the store keeps it: failures (and attempts under way) since `mulai`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HitunganMasuk {
    pub jumlah: i64,
    pub mulai: DateTime<Utc>,
}

impl KeamananMasuk {
    /// Checks the settings; each problem as (field, Indonesian message), fields
    /// `keamanan_masuk.<setting>`.
    pub fn periksa(&self) -> Vec<(String, String)> {
        let mut e = Vec::new();
        let mut batas = |bidang: &str, nilai: u32, maks: u32, apa: &str| {
            if !(1..=maks).contains(&nilai) {
                e.push((
                    format!("keamanan_masuk.{bidang}"),
                    format!("{apa} harus antara 1 dan {maks} (diterima {nilai})"),
                ));
            }
        };
        batas(
            "maks_gagal_akun",
            self.maks_gagal_akun,
            MAKS_GAGAL_AKUN,
            "Batas gagal masuk per akun",
        );
        batas(
            "maks_gagal_alamat",
            self.maks_gagal_alamat,
            MAKS_GAGAL_ALAMAT,
            "Batas gagal masuk per alamat",
        );
        batas(
            "jendela_menit",
            self.jendela_menit,
            MAKS_JENDELA_MENIT,
            "Jendela hitungan (menit)",
        );
        batas(
            "lama_kunci_menit",
            self.lama_kunci_menit,
            MAKS_LAMA_KUNCI_MENIT,
            "Lama penguncian (menit)",
        );
        e
    }

    pub fn jendela(&self) -> Duration {
        Duration::minutes(i64::from(self.jendela_menit))
    }

    /// Whether an attempt, already counted in `akun` and `alamat`, must wait instead of being
    /// checked: the time left, or `None` to go on. A lock wins over the windows.
    pub fn tunggu(
        &self,
        akun: HitunganMasuk,
        alamat: HitunganMasuk,
        terkunci_sampai: Option<DateTime<Utc>>,
        sekarang: DateTime<Utc>,
    ) -> Option<Duration> {
        if let Some(t) = terkunci_sampai.filter(|t| *t > sekarang) {
            return Some(t - sekarang);
        }
        let lewat = |h: HitunganMasuk, maks: u32| {
            (h.jumlah > i64::from(maks)).then(|| h.mulai + self.jendela() - sekarang)
        };
        [
            lewat(akun, self.maks_gagal_akun),
            lewat(alamat, self.maks_gagal_alamat),
        ]
        .into_iter()
        .flatten()
        .max()
        .map(|d| d.max(Duration::seconds(1)))
    }

    /// After a failed attempt that brought the account name's counter to `jumlah_akun`: the
    /// end of the lock it starts, when lockout is on and the limit is reached.
    pub fn kunci_setelah_gagal(
        &self,
        jumlah_akun: i64,
        sekarang: DateTime<Utc>,
    ) -> Option<DateTime<Utc>> {
        (self.kunci_akun && jumlah_akun >= i64::from(self.maks_gagal_akun))
            .then(|| sekarang + Duration::minutes(i64::from(self.lama_kunci_menit)))
    }
}

/// The answer to a login that must wait, in whole minutes rounded up.
pub fn pesan_tunggu(tunggu: Duration) -> String {
    let menit = (tunggu.num_seconds().max(1) + 59) / 60;
    format!("Terlalu banyak percobaan masuk. Coba lagi dalam {menit} menit.")
}

impl Default for ProfilKebijakan {
    /// Kota Bekasi: monthly periods (Perwali 38/2023 Pasal 24(2)), SE MenPANRB 3/2023
    /// distribution, no TPP deduction (every predikat at 0 %), documents signed in Bekasi.
    fn default() -> Self {
        ProfilKebijakan {
            periode: JenisPeriode::Bulanan,
            distribusi: PedomanDistribusi::default(),
            tpp: tpp_tanpa_potongan(),
            tempat_dokumen: "Bekasi".to_string(),
            kalender: Default::default(),
            redaksi_sanksi: Default::default(),
            keamanan_masuk: Default::default(),
        }
    }
}

/// The TPP table that deducts nothing: every predikat at 0 %.
pub fn tpp_tanpa_potongan() -> Vec<PotonganTpp> {
    Predikat::SEMUA
        .iter()
        .map(|p| PotonganTpp {
            predikat: *p,
            persen_potongan: 0,
        })
        .collect()
}

/// Longest place name on documents, and longest sanction wording.
pub const MAKS_TEMPAT_DOKUMEN: usize = 100;
pub const MAKS_REDAKSI_SANKSI: usize = 200;

/// How far ahead a version may be set.
pub const TAHUN_KE_DEPAN: i32 = 10;

impl ProfilKebijakan {
    /// Checks the profile; each problem as (field, Indonesian message). Fields: `distribusi`,
    /// `distribusi.<capaian>`, `tpp.<predikat>`, `kalender.<setting>`,
    /// `keamanan_masuk.<setting>`, `tempat_dokumen`, `redaksi_sanksi.pemberhentian`.
    pub fn periksa(&self) -> Vec<(String, String)> {
        let mut galat = Vec::new();
        // The guideline's own check, each message under the curve it is about; what only the
        // whole guideline shows (a curve written twice) under `distribusi`.
        let mut per_kurva = Vec::new();
        for k in &self.distribusi.kurva {
            let satu = PedomanDistribusi {
                kurva: vec![k.clone()],
            };
            if let Err(g) = satu.validasi() {
                for m in g {
                    if !per_kurva.contains(&m) {
                        per_kurva.push(m.clone());
                        galat.push((format!("distribusi.{}", k.capaian.kode()), m));
                    }
                }
            }
        }
        if let Err(g) = self.distribusi.validasi() {
            for m in g.into_iter().filter(|m| !per_kurva.contains(m)) {
                galat.push(("distribusi".to_string(), m));
            }
        }
        // The TPP table: every predikat exactly once, 0..=100 %.
        for p in Predikat::SEMUA {
            let bidang = format!("tpp.{}", p.kode());
            let baris: Vec<&PotonganTpp> = self.tpp.iter().filter(|t| t.predikat == *p).collect();
            match baris.len() {
                0 => galat.push((
                    bidang.clone(),
                    format!("Tabel potongan TPP belum memuat predikat {}", p.label()),
                )),
                1 => {}
                _ => galat.push((
                    bidang.clone(),
                    format!(
                        "Potongan TPP untuk predikat {} ditulis lebih dari sekali",
                        p.label()
                    ),
                )),
            }
            for t in baris.iter().filter(|t| t.persen_potongan > 100) {
                galat.push((
                    bidang.clone(),
                    format!(
                        "Potongan TPP untuk predikat {}: persen_potongan harus antara 0 dan 100 (diterima {})",
                        p.label(),
                        t.persen_potongan
                    ),
                ));
            }
        }
        galat.extend(self.kalender.periksa());
        galat.extend(self.keamanan_masuk.periksa());
        let tempat = self.tempat_dokumen.trim();
        if tempat.is_empty() {
            galat.push((
                "tempat_dokumen".into(),
                "Tempat dokumen (tempat_dokumen) wajib diisi".into(),
            ));
        } else if tempat.chars().count() > MAKS_TEMPAT_DOKUMEN {
            galat.push((
                "tempat_dokumen".into(),
                format!(
                    "Tempat dokumen (tempat_dokumen) paling panjang {MAKS_TEMPAT_DOKUMEN} karakter"
                ),
            ));
        }
        let redaksi = self.redaksi_sanksi.pemberhentian.trim();
        if redaksi.is_empty() {
            galat.push((
                "redaksi_sanksi.pemberhentian".into(),
                "Redaksi pemberhentian wajib diisi".into(),
            ));
        } else if redaksi.chars().count() > MAKS_REDAKSI_SANKSI {
            galat.push((
                "redaksi_sanksi.pemberhentian".into(),
                format!("Redaksi pemberhentian paling panjang {MAKS_REDAKSI_SANKSI} karakter"),
            ));
        }
        galat
    }

    /// Checks the profile; every problem as an Indonesian message (see [`Self::periksa`]).
    pub fn validasi(&self) -> Result<(), Vec<String>> {
        let galat: Vec<String> = self.periksa().into_iter().map(|(_, m)| m).collect();
        if galat.is_empty() {
            Ok(())
        } else {
            Err(galat)
        }
    }

    /// A profile as stored before the TPP table had to be complete: an empty or partial table
    /// means 0 % for each predikat it leaves out (as [`Self::potongan_tpp`] reads it), so the
    /// table is filled to one row per predikat, in predikat order. A table that names a predikat
    /// twice is left as it is, for [`Self::periksa`] to report.
    pub fn normalisasi(mut self) -> Self {
        let ganda = Predikat::SEMUA
            .iter()
            .any(|p| self.tpp.iter().filter(|t| t.predikat == *p).count() > 1);
        if !ganda {
            self.tpp = Predikat::SEMUA
                .iter()
                .map(|p| PotonganTpp {
                    predikat: *p,
                    persen_potongan: self.potongan_tpp(*p),
                })
                .collect();
        }
        self
    }

    /// TPP deduction in percent for a predikat (0 when the table has no row for it).
    pub fn potongan_tpp(&self, predikat: Predikat) -> u32 {
        self.tpp
            .iter()
            .find(|t| t.predikat == predikat)
            .map_or(0, |t| t.persen_potongan)
    }
}

/// Whether the version of `tahun` may be created or changed in `tahun_ini`: a year already past
/// is closed (its signed evaluations rest on the profile in force then), and a version is set
/// at most [`TAHUN_KE_DEPAN`] years ahead. The refusal as an Indonesian message.
pub fn tahun_dapat_diubah(tahun: i32, tahun_ini: i32) -> Result<(), String> {
    if tahun < tahun_ini {
        Err(format!(
            "Tahun {tahun} sudah lewat: evaluasi yang ditandatangani berpegang pada profil yang berlaku saat itu, \
             sehingga profil tahun yang lalu tidak dapat dibuat atau diubah (mulai tahun {tahun_ini})"
        ))
    } else if tahun > tahun_ini + TAHUN_KE_DEPAN {
        Err(format!(
            "Tahun {tahun} terlalu jauh: versi profil dapat disiapkan paling jauh untuk tahun {}",
            tahun_ini + TAHUN_KE_DEPAN
        ))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::distribusi::{Batas, KurvaCapaian};
    use crate::kuadran::CapaianOrganisasi;

    #[test]
    fn profil_default_bekasi() {
        let p = ProfilKebijakan::default();
        assert_eq!(p.periode, JenisPeriode::Bulanan);
        assert_eq!(p.distribusi, PedomanDistribusi::default());
        assert_eq!(p.tpp.len(), 5, "every predikat has its row");
        assert_eq!(p.tempat_dokumen, "Bekasi");
        assert_eq!(p.validasi(), Ok(()));
        for pr in Predikat::SEMUA {
            assert_eq!(p.potongan_tpp(*pr), 0, "the default deducts nothing");
        }
        assert_eq!(p.clone().normalisasi(), p);
    }

    fn tpp(baris: &[(Predikat, u32)]) -> Vec<PotonganTpp> {
        baris
            .iter()
            .map(|(p, n)| PotonganTpp {
                predikat: *p,
                persen_potongan: *n,
            })
            .collect()
    }

    #[test]
    fn tabel_tpp() {
        use Predikat::*;
        let lengkap = [
            (SangatBaik, 0),
            (Baik, 0),
            (ButuhPerbaikan, 10),
            (Kurang, 25),
            (SangatKurang, 50),
        ];
        // (rows, expected (field, message) problems)
        type Kasus = (Vec<(Predikat, u32)>, Vec<(&'static str, &'static str)>);
        let kasus: Vec<Kasus> = vec![
            (lengkap.to_vec(), vec![]),
            // Any order is fine.
            (lengkap.iter().rev().copied().collect(), vec![]),
            (
                vec![(SangatBaik, 100), (Baik, 100), (ButuhPerbaikan, 100), (Kurang, 100), (SangatKurang, 100)],
                vec![],
            ),
            (
                lengkap.iter().copied().filter(|(p, _)| *p != Kurang).collect(),
                vec![("tpp.kurang", "Tabel potongan TPP belum memuat predikat Kurang")],
            ),
            (
                vec![],
                Predikat::SEMUA
                    .iter()
                    .map(|p| match p {
                        SangatBaik => ("tpp.sangat_baik", "Tabel potongan TPP belum memuat predikat Sangat Baik"),
                        Baik => ("tpp.baik", "Tabel potongan TPP belum memuat predikat Baik"),
                        ButuhPerbaikan => ("tpp.butuh_perbaikan", "Tabel potongan TPP belum memuat predikat Butuh Perbaikan"),
                        Kurang => ("tpp.kurang", "Tabel potongan TPP belum memuat predikat Kurang"),
                        SangatKurang => ("tpp.sangat_kurang", "Tabel potongan TPP belum memuat predikat Sangat Kurang"),
                    })
                    .collect(),
            ),
            (
                [lengkap.as_slice(), &[(Baik, 5)]].concat(),
                vec![("tpp.baik", "Potongan TPP untuk predikat Baik ditulis lebih dari sekali")],
            ),
            (
                vec![(SangatBaik, 0), (Baik, 0), (ButuhPerbaikan, 101), (Kurang, 25), (SangatKurang, 50)],
                vec![(
                    "tpp.butuh_perbaikan",
                    "Potongan TPP untuk predikat Butuh Perbaikan: persen_potongan harus antara 0 dan 100 (diterima 101)",
                )],
            ),
        ];
        for (baris, harap) in kasus {
            let p = ProfilKebijakan {
                tpp: tpp(&baris),
                ..ProfilKebijakan::default()
            };
            let harap: Vec<(String, String)> = harap
                .iter()
                .map(|(b, m)| (b.to_string(), m.to_string()))
                .collect();
            assert_eq!(p.periksa(), harap, "{baris:?}");
            assert_eq!(p.validasi().is_ok(), harap.is_empty());
        }
    }

    #[test]
    fn profil_tidak_sah() {
        let p = ProfilKebijakan {
            tpp: tpp(&[(Predikat::Kurang, 150), (Predikat::Kurang, 20)]),
            tempat_dokumen: "  ".into(),
            ..ProfilKebijakan::default()
        };
        let galat = p.validasi().unwrap_err();
        assert_eq!(galat.len(), 7, "{galat:?}");
        assert!(galat.contains(&"Tabel potongan TPP belum memuat predikat Sangat Baik".to_string()));
        assert!(galat.contains(
            &"Potongan TPP untuk predikat Kurang: persen_potongan harus antara 0 dan 100 (diterima 150)"
                .to_string()
        ));
        assert!(galat
            .contains(&"Potongan TPP untuk predikat Kurang ditulis lebih dari sekali".to_string()));
        assert_eq!(galat[6], "Tempat dokumen (tempat_dokumen) wajib diisi");
        assert_eq!(p.potongan_tpp(Predikat::Kurang), 150);
    }

    #[test]
    fn bidang_lain() {
        let mut p = ProfilKebijakan {
            tempat_dokumen: "x".repeat(101),
            ..ProfilKebijakan::default()
        };
        p.redaksi_sanksi.pemberhentian = " ".into();
        p.kalender.hari_pengingat = 15;
        let bidang: Vec<String> = p.periksa().into_iter().map(|(b, _)| b).collect();
        assert_eq!(
            bidang,
            [
                "kalender.hari_pengingat",
                "tempat_dokumen",
                "redaksi_sanksi.pemberhentian"
            ]
        );
        p.tempat_dokumen = "x".repeat(100);
        p.redaksi_sanksi.pemberhentian = "y".repeat(201);
        let bidang: Vec<String> = p.periksa().into_iter().map(|(b, _)| b).collect();
        assert_eq!(
            bidang,
            ["kalender.hari_pengingat", "redaksi_sanksi.pemberhentian"]
        );
    }

    #[test]
    fn distribusi_per_kurva() {
        let mut p = ProfilKebijakan::default();
        // A lower bound over 100 % on the Kurang curve; the Istimewa curve written twice.
        p.distribusi.kurva[3].batas[2] = Batas::min(&[Predikat::Kurang], 120, 0);
        p.distribusi.kurva.push(KurvaCapaian {
            capaian: CapaianOrganisasi::Istimewa,
            batas: vec![Batas::maks(&[Predikat::SangatBaik], 70)],
        });
        let g = p.periksa();
        assert!(
            g.iter()
                .any(|(b, m)| b == "distribusi.kurang"
                    && m.contains("persen harus antara 0 dan 100")),
            "{g:?}"
        );
        assert!(
            g.iter()
                .any(|(b, m)| b == "distribusi" && m.contains("ditulis lebih dari sekali")),
            "{g:?}"
        );
        assert!(g.iter().all(|(b, _)| b.starts_with("distribusi")), "{g:?}");
    }

    #[test]
    fn normalisasi_tabel_lama() {
        use Predikat::*;
        // Stored before the table had to be complete: empty means all zero.
        let lama = ProfilKebijakan {
            tpp: Vec::new(),
            ..ProfilKebijakan::default()
        };
        let n = lama.normalisasi();
        assert_eq!(n.tpp, tpp_tanpa_potongan());
        assert_eq!(n.validasi(), Ok(()));
        // Partial, out of order: the missing rows are 0 %, the order is the predikat's.
        let sebagian = ProfilKebijakan {
            tpp: tpp(&[(SangatKurang, 50), (Kurang, 25)]),
            ..ProfilKebijakan::default()
        }
        .normalisasi();
        assert_eq!(
            sebagian.tpp,
            tpp(&[
                (SangatBaik, 0),
                (Baik, 0),
                (ButuhPerbaikan, 0),
                (Kurang, 25),
                (SangatKurang, 50)
            ])
        );
        // Duplicates stay for validation to report.
        let ganda = ProfilKebijakan {
            tpp: tpp(&[(Kurang, 25), (Kurang, 30)]),
            ..ProfilKebijakan::default()
        }
        .normalisasi();
        assert_eq!(ganda.tpp.len(), 2);
        // An old stored JSON (empty table, no kalender or redaksi) still reads.
        let v = serde_json::json!({
            "periode": "bulanan",
            "distribusi": serde_json::to_value(PedomanDistribusi::default()).unwrap(),
            "tpp": [],
            "tempat_dokumen": "Bekasi"
        });
        let p: ProfilKebijakan = serde_json::from_value(v).unwrap();
        assert_eq!(p.normalisasi(), ProfilKebijakan::default());
    }

    #[test]
    fn tahun_yang_dapat_diubah() {
        for (tahun, ini, boleh) in [
            (2026, 2026, true),
            (2027, 2026, true),
            (2036, 2026, true),
            (2037, 2026, false),
            (2025, 2026, false),
            (1999, 2026, false),
        ] {
            assert_eq!(
                tahun_dapat_diubah(tahun, ini).is_ok(),
                boleh,
                "{tahun} in {ini}"
            );
        }
        assert!(tahun_dapat_diubah(2025, 2026)
            .unwrap_err()
            .contains("Tahun 2025 sudah lewat"));
    }

    #[test]
    fn keamanan_masuk_diperiksa() {
        assert!(KeamananMasuk::default().periksa().is_empty());
        // (setting changed, value, field refused or none)
        let kasus: [(&str, u32, Option<&str>); 10] = [
            ("maks_gagal_akun", 0, Some("keamanan_masuk.maks_gagal_akun")),
            ("maks_gagal_akun", 1, None),
            ("maks_gagal_akun", MAKS_GAGAL_AKUN, None),
            (
                "maks_gagal_akun",
                MAKS_GAGAL_AKUN + 1,
                Some("keamanan_masuk.maks_gagal_akun"),
            ),
            (
                "maks_gagal_alamat",
                0,
                Some("keamanan_masuk.maks_gagal_alamat"),
            ),
            (
                "maks_gagal_alamat",
                MAKS_GAGAL_ALAMAT + 1,
                Some("keamanan_masuk.maks_gagal_alamat"),
            ),
            ("jendela_menit", 0, Some("keamanan_masuk.jendela_menit")),
            ("jendela_menit", MAKS_JENDELA_MENIT, None),
            (
                "lama_kunci_menit",
                0,
                Some("keamanan_masuk.lama_kunci_menit"),
            ),
            (
                "lama_kunci_menit",
                MAKS_LAMA_KUNCI_MENIT + 1,
                Some("keamanan_masuk.lama_kunci_menit"),
            ),
        ];
        for (apa, nilai, harap) in kasus {
            let mut k = KeamananMasuk::default();
            match apa {
                "maks_gagal_akun" => k.maks_gagal_akun = nilai,
                "maks_gagal_alamat" => k.maks_gagal_alamat = nilai,
                "jendela_menit" => k.jendela_menit = nilai,
                _ => k.lama_kunci_menit = nilai,
            }
            let p = ProfilKebijakan {
                keamanan_masuk: k,
                ..ProfilKebijakan::default()
            };
            let bidang: Vec<String> = p.periksa().into_iter().map(|(b, _)| b).collect();
            assert_eq!(
                bidang,
                harap.map(str::to_string).into_iter().collect::<Vec<_>>(),
                "{apa} = {nilai}"
            );
        }
        let k = KeamananMasuk {
            jendela_menit: 0,
            ..KeamananMasuk::default()
        };
        assert_eq!(
            k.periksa()[0].1,
            "Jendela hitungan (menit) harus antara 1 dan 1440 (diterima 0)"
        );
        // Stored profiles without the setting read with the defaults; a partial one fills in.
        let v = serde_json::json!({"maks_gagal_akun": 3});
        let k: KeamananMasuk = serde_json::from_value(v).unwrap();
        assert_eq!(
            k,
            KeamananMasuk {
                maks_gagal_akun: 3,
                ..KeamananMasuk::default()
            }
        );
    }

    #[test]
    fn keamanan_masuk_menunggu_dan_mengunci() {
        use chrono::TimeZone;
        let t0 = Utc.with_ymd_and_hms(2026, 3, 2, 8, 0, 0).unwrap();
        let k = KeamananMasuk::default();
        let h = |jumlah: i64, menit_lalu: i64| HitunganMasuk {
            jumlah,
            mulai: t0 - Duration::minutes(menit_lalu),
        };
        // Up to the limit the attempt goes on (the counter includes the attempt itself).
        assert_eq!(k.tunggu(h(5, 3), h(20, 3), None, t0), None);
        // One past the account limit: wait for the account window's end.
        assert_eq!(
            k.tunggu(h(6, 3), h(6, 3), None, t0),
            Some(Duration::minutes(12))
        );
        // One past the address limit: the address window.
        assert_eq!(
            k.tunggu(h(1, 0), h(21, 10), None, t0),
            Some(Duration::minutes(5))
        );
        // Both: the longer wait.
        assert_eq!(
            k.tunggu(h(9, 14), h(30, 1), None, t0),
            Some(Duration::minutes(14))
        );
        // A live lock wins, even under the limits; a lock that ended does not count.
        let kunci = t0 + Duration::minutes(25);
        assert_eq!(
            k.tunggu(h(1, 0), h(1, 0), Some(kunci), t0),
            Some(Duration::minutes(25))
        );
        assert_eq!(k.tunggu(h(1, 0), h(1, 0), Some(t0), t0), None);
        // Never a wait of zero.
        assert_eq!(
            k.tunggu(h(6, 15), h(1, 0), None, t0),
            Some(Duration::seconds(1))
        );

        // No lockout by default; with it, the failure that reaches the limit locks.
        assert_eq!(k.kunci_setelah_gagal(5, t0), None);
        let kk = KeamananMasuk {
            kunci_akun: true,
            lama_kunci_menit: 60,
            ..k
        };
        assert_eq!(kk.kunci_setelah_gagal(4, t0), None);
        assert_eq!(kk.kunci_setelah_gagal(5, t0), Some(t0 + Duration::hours(1)));

        assert_eq!(
            pesan_tunggu(Duration::seconds(61)),
            "Terlalu banyak percobaan masuk. Coba lagi dalam 2 menit."
        );
        assert_eq!(
            pesan_tunggu(Duration::seconds(1)),
            "Terlalu banyak percobaan masuk. Coba lagi dalam 1 menit."
        );
        assert_eq!(
            pesan_tunggu(Duration::minutes(15)),
            "Terlalu banyak percobaan masuk. Coba lagi dalam 15 menit."
        );
    }

    #[test]
    fn serde_profil() {
        let p = ProfilKebijakan::default();
        let v = serde_json::to_value(&p).unwrap();
        assert_eq!(v["periode"], "bulanan");
        assert_eq!(v["tempat_dokumen"], "Bekasi");
        assert_eq!(v["distribusi"]["kurva"][0]["capaian"], "istimewa");
        assert_eq!(
            v["tpp"][3],
            serde_json::json!({"predikat": "kurang", "persen_potongan": 0})
        );
        let balik: ProfilKebijakan = serde_json::from_value(v).unwrap();
        assert_eq!(balik, p);
        assert_eq!(
            "triwulanan".parse::<JenisPeriode>().unwrap(),
            JenisPeriode::Triwulanan
        );
    }
}
