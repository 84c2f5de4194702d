//! Sanction cases after an annual evaluation (PP 30/2019; seeds 002, 004; `domain.md` §6).
//!
//! A JPT whose annual predikat is Butuh Perbaikan (Cukup), Kurang or Sangat Kurang, and a JA/JF
//! whose annual predikat is Kurang or Sangat Kurang, gets **6 months to improve**; if the
//! performance does not improve, a **uji kompetensi** follows; by its result the pegawai is
//! **moved** to a position that fits their competence or **placed lower**. For JA/JF with no
//! vacancy, a **temporary placement of at most 1 year**; still no vacancy → **dismissed**.
//!
//! The product tracks the case, its clocks and documents; HR records every step and its
//! outcome. Nothing here decides: [`lanjut`] only says which stage an outcome recorded by HR
//! leads to, and refuses an outcome that does not belong to the stage.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::enumerasi;
use crate::jabatan::JenisJabatan;
use crate::kuadran::Predikat;

enumerasi!(
    /// The group a sanction rule applies to.
    KelompokSanksi, "kelompok", {
        Jpt => ("jpt", "Jabatan Pimpinan Tinggi"),
        JaJf => ("ja_jf", "Jabatan Administrasi/Fungsional"),
    }
);

impl KelompokSanksi {
    pub fn dari_jabatan(j: JenisJabatan) -> KelompokSanksi {
        if j.is_jpt() {
            KelompokSanksi::Jpt
        } else {
            KelompokSanksi::JaJf
        }
    }
}

/// Whether an annual predikat calls for a sanction case in this group.
pub fn wajib_kasus(k: KelompokSanksi, p: Predikat) -> bool {
    match k {
        KelompokSanksi::Jpt => matches!(
            p,
            Predikat::ButuhPerbaikan | Predikat::Kurang | Predikat::SangatKurang
        ),
        KelompokSanksi::JaJf => matches!(p, Predikat::Kurang | Predikat::SangatKurang),
    }
}

/// Every predikat that calls for a case in some group (to pre-select in queries).
pub fn predikat_bersanksi() -> Vec<Predikat> {
    Predikat::SEMUA
        .iter()
        .copied()
        .filter(|p| KelompokSanksi::SEMUA.iter().any(|k| wajib_kasus(*k, *p)))
        .collect()
}

/// Why an annual predikat does not call for a case (the 422 message), or none when it does.
pub fn alasan_tanpa_kasus(k: KelompokSanksi, p: Predikat, tahun: i32) -> Option<String> {
    if wajib_kasus(k, p) {
        return None;
    }
    let wajib: Vec<&str> = Predikat::SEMUA
        .iter()
        .filter(|x| wajib_kasus(k, **x))
        .map(|x| x.label())
        .collect();
    Some(format!(
        "Predikat {} pada evaluasi tahunan {tahun} tidak memerlukan kasus sanksi untuk {}; kasus dibuka hanya untuk predikat {}",
        p.label(),
        k.label(),
        wajib.join(", ")
    ))
}

enumerasi!(
    /// The stage a case is in.
    TahapSanksi, "tahap", {
        Perbaikan => ("perbaikan", "Masa perbaikan kinerja (6 bulan)"),
        UjiKompetensi => ("uji_kompetensi", "Uji kompetensi kembali"),
        PenempatanSementara => ("penempatan_sementara", "Penempatan sementara (paling lama 1 tahun)"),
        Selesai => ("selesai", "Selesai"),
    }
);

enumerasi!(
    /// An outcome HR records for the current stage.
    HasilSanksi, "hasil", {
        Membaik => ("membaik", "Kinerja membaik dalam masa perbaikan"),
        TidakMembaik => ("tidak_membaik", "Kinerja tidak membaik; dilakukan uji kompetensi kembali"),
        Dipindahkan => ("dipindahkan", "Dipindahkan ke jabatan yang sesuai dengan kompetensinya"),
        Diturunkan => ("diturunkan", "Ditempatkan pada jabatan yang lebih rendah sesuai kompetensinya"),
        TidakAdaLowongan => ("tidak_ada_lowongan", "Belum tersedia lowongan jabatan; ditempatkan sementara"),
        Diberhentikan => ("diberhentikan", "Diberhentikan"),
        Ditutup => ("ditutup", "Kasus ditutup (misalnya predikat berubah karena keberatan)"),
    }
);

/// How the instansi words the outcomes of a sanction case. Seed 002 (and the KemenPANRB deck)
/// say "diberhentikan dengan hormat", seed 004 "tidak dengan hormat": the wording is data,
/// with seed 002's as the default.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct RedaksiSanksi {
    /// The last outcome of a JA/JF case with no vacancy after the temporary placement.
    pub pemberhentian: String,
}

impl Default for RedaksiSanksi {
    fn default() -> Self {
        RedaksiSanksi {
            pemberhentian: "Diberhentikan dengan hormat".to_string(),
        }
    }
}

impl RedaksiSanksi {
    /// The label of an outcome in this instansi's wording.
    pub fn label(&self, h: HasilSanksi) -> String {
        match h {
            HasilSanksi::Diberhentikan if !self.pemberhentian.trim().is_empty() => {
                self.pemberhentian.trim().to_string()
            }
            _ => h.label().to_string(),
        }
    }
}

/// An outcome that does not belong to the case's stage or group.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct LangkahTidakSah(pub String);

/// The outcomes HR may record at a stage, in the order the form offers them.
pub fn hasil_yang_sah(k: KelompokSanksi, t: TahapSanksi) -> Vec<HasilSanksi> {
    use HasilSanksi::*;
    match t {
        TahapSanksi::Perbaikan => vec![Membaik, TidakMembaik, Ditutup],
        TahapSanksi::UjiKompetensi => match k {
            KelompokSanksi::Jpt => vec![Dipindahkan, Diturunkan, Ditutup],
            KelompokSanksi::JaJf => vec![Dipindahkan, Diturunkan, TidakAdaLowongan, Ditutup],
        },
        TahapSanksi::PenempatanSementara => vec![Dipindahkan, Diturunkan, Diberhentikan, Ditutup],
        TahapSanksi::Selesai => vec![],
    }
}

/// The stage an outcome leads to.
pub fn lanjut(
    k: KelompokSanksi,
    t: TahapSanksi,
    h: HasilSanksi,
) -> Result<TahapSanksi, LangkahTidakSah> {
    if !hasil_yang_sah(k, t).contains(&h) {
        if t == TahapSanksi::Selesai {
            return Err(LangkahTidakSah(
                "Kasus sanksi ini sudah selesai; tidak ada langkah berikutnya".into(),
            ));
        }
        let sah: Vec<&str> = hasil_yang_sah(k, t).iter().map(|x| x.kode()).collect();
        return Err(LangkahTidakSah(format!(
            "Hasil '{}' tidak berlaku pada tahap {} untuk {}; pilihan yang sah: {}",
            h.kode(),
            t.label(),
            k.label(),
            sah.join(", ")
        )));
    }
    Ok(match h {
        HasilSanksi::TidakMembaik => TahapSanksi::UjiKompetensi,
        HasilSanksi::TidakAdaLowongan => TahapSanksi::PenempatanSementara,
        _ => TahapSanksi::Selesai,
    })
}

/// Months to improve after the annual evaluation.
pub const BULAN_PERBAIKAN: u32 = 6;
/// Longest temporary placement, in months.
pub const BULAN_PENEMPATAN_SEMENTARA: u32 = 12;

/// The deadline of a stage entered on `mulai`: the end of the 6 months to improve, the end of
/// the temporary placement (at most 1 year); for the uji kompetensi the date HR schedules
/// (`jadwal`), none otherwise; none once the case is finished.
pub fn tenggat_tahap(
    t: TahapSanksi,
    mulai: NaiveDate,
    jadwal: Option<NaiveDate>,
) -> Option<NaiveDate> {
    match t {
        TahapSanksi::Perbaikan => mulai.checked_add_months(Months::new(BULAN_PERBAIKAN)),
        TahapSanksi::PenempatanSementara => {
            mulai.checked_add_months(Months::new(BULAN_PENEMPATAN_SEMENTARA))
        }
        TahapSanksi::UjiKompetensi => jadwal,
        TahapSanksi::Selesai => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use HasilSanksi::*;
    use KelompokSanksi::*;
    use TahapSanksi::*;

    fn t(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn predikat_yang_memerlukan_kasus() {
        // domain.md §6: JPT Cukup (Butuh Perbaikan), Kurang, Sangat Kurang; JA/JF Kurang, Sangat Kurang.
        let tabel = [
            (Jpt, Predikat::SangatBaik, false),
            (Jpt, Predikat::Baik, false),
            (Jpt, Predikat::ButuhPerbaikan, true),
            (Jpt, Predikat::Kurang, true),
            (Jpt, Predikat::SangatKurang, true),
            (JaJf, Predikat::SangatBaik, false),
            (JaJf, Predikat::Baik, false),
            (JaJf, Predikat::ButuhPerbaikan, false),
            (JaJf, Predikat::Kurang, true),
            (JaJf, Predikat::SangatKurang, true),
        ];
        for (k, p, wajib) in tabel {
            assert_eq!(wajib_kasus(k, p), wajib, "{k:?} {p:?}");
            assert_eq!(alasan_tanpa_kasus(k, p, 2025).is_none(), wajib);
        }
        assert_eq!(
            predikat_bersanksi(),
            vec![
                Predikat::ButuhPerbaikan,
                Predikat::Kurang,
                Predikat::SangatKurang
            ]
        );
        assert_eq!(
            alasan_tanpa_kasus(JaJf, Predikat::ButuhPerbaikan, 2025).unwrap(),
            "Predikat Butuh Perbaikan pada evaluasi tahunan 2025 tidak memerlukan kasus sanksi untuk Jabatan Administrasi/Fungsional; kasus dibuka hanya untuk predikat Kurang, Sangat Kurang"
        );
    }

    #[test]
    fn kelompok_dari_jabatan() {
        assert_eq!(KelompokSanksi::dari_jabatan(JenisJabatan::JptPratama), Jpt);
        assert_eq!(KelompokSanksi::dari_jabatan(JenisJabatan::JptUtama), Jpt);
        assert_eq!(
            KelompokSanksi::dari_jabatan(JenisJabatan::Administrator),
            JaJf
        );
        assert_eq!(KelompokSanksi::dari_jabatan(JenisJabatan::Fungsional), JaJf);
        assert_eq!(KelompokSanksi::dari_jabatan(JenisJabatan::Pelaksana), JaJf);
    }

    #[test]
    fn alur_tahap() {
        let tabel = [
            (JaJf, Perbaikan, Membaik, Ok(Selesai)),
            (JaJf, Perbaikan, TidakMembaik, Ok(UjiKompetensi)),
            (JaJf, UjiKompetensi, Dipindahkan, Ok(Selesai)),
            (JaJf, UjiKompetensi, Diturunkan, Ok(Selesai)),
            (
                JaJf,
                UjiKompetensi,
                TidakAdaLowongan,
                Ok(PenempatanSementara),
            ),
            (JaJf, PenempatanSementara, Dipindahkan, Ok(Selesai)),
            (JaJf, PenempatanSementara, Diberhentikan, Ok(Selesai)),
            (Jpt, UjiKompetensi, Diturunkan, Ok(Selesai)),
            (Jpt, Perbaikan, Ditutup, Ok(Selesai)),
            // A JPT has no temporary placement; dismissal only after one.
            (Jpt, UjiKompetensi, TidakAdaLowongan, Err(())),
            (JaJf, UjiKompetensi, Diberhentikan, Err(())),
            (JaJf, Perbaikan, Dipindahkan, Err(())),
            (JaJf, Perbaikan, Diberhentikan, Err(())),
            (JaJf, Selesai, Membaik, Err(())),
        ];
        for (k, t, h, harap) in tabel {
            assert_eq!(lanjut(k, t, h).map_err(|_| ()), harap, "{k:?} {t:?} {h:?}");
        }
        assert_eq!(
            lanjut(Jpt, UjiKompetensi, TidakAdaLowongan).unwrap_err().0,
            "Hasil 'tidak_ada_lowongan' tidak berlaku pada tahap Uji kompetensi kembali untuk Jabatan Pimpinan Tinggi; pilihan yang sah: dipindahkan, diturunkan, ditutup"
        );
        assert!(lanjut(JaJf, Selesai, Membaik)
            .unwrap_err()
            .0
            .contains("sudah selesai"));
    }

    #[test]
    fn setiap_tahap_berujung_selesai() {
        // From any stage, every allowed outcome leads forward and the case ends in at most 3 steps.
        for k in KelompokSanksi::SEMUA {
            for h0 in hasil_yang_sah(*k, Perbaikan) {
                let mut tahap = lanjut(*k, Perbaikan, h0).unwrap();
                let mut langkah = 1;
                while tahap != Selesai {
                    let h = *hasil_yang_sah(*k, tahap).last().unwrap();
                    tahap = lanjut(*k, tahap, h).unwrap();
                    langkah += 1;
                }
                assert!(langkah <= 3);
            }
        }
    }

    #[test]
    fn tenggat() {
        assert_eq!(
            tenggat_tahap(Perbaikan, t(2026, 1, 20), None),
            Some(t(2026, 7, 20))
        );
        // Month ends are clamped: 31 August + 6 months is the last day of February.
        assert_eq!(
            tenggat_tahap(Perbaikan, t(2025, 8, 31), None),
            Some(t(2026, 2, 28))
        );
        assert_eq!(
            tenggat_tahap(PenempatanSementara, t(2026, 3, 1), None),
            Some(t(2027, 3, 1))
        );
        assert_eq!(
            tenggat_tahap(UjiKompetensi, t(2026, 3, 1), Some(t(2026, 4, 10))),
            Some(t(2026, 4, 10))
        );
        assert_eq!(tenggat_tahap(UjiKompetensi, t(2026, 3, 1), None), None);
        assert_eq!(tenggat_tahap(Selesai, t(2026, 3, 1), None), None);
    }

    #[test]
    fn redaksi() {
        let r = RedaksiSanksi::default();
        assert_eq!(r.label(Diberhentikan), "Diberhentikan dengan hormat");
        let r = RedaksiSanksi {
            pemberhentian: "Diberhentikan tidak dengan hormat".into(),
        };
        assert_eq!(r.label(Diberhentikan), "Diberhentikan tidak dengan hormat");
        assert_eq!(r.label(Diturunkan), Diturunkan.label());
    }
}
