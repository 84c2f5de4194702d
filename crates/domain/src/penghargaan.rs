//! Rewards after the annual evaluation (Pasal 32; PP 30/2019 Pasal 53; `domain.md` §6):
//! Sangat Baik two years in a row → priority for the talent pool / succession plan; Baik two
//! years in a row → priority for competency development. Other rewards are recorded as HR
//! grants them.

use crate::enumerasi;
use crate::kuadran::Predikat;

enumerasi!(
    /// The kind of a reward.
    JenisPenghargaan, "jenis", {
        PrioritasTalenta => ("prioritas_talenta", "Prioritas kelompok rencana suksesi (talent pool)"),
        PrioritasPengembangan => ("prioritas_pengembangan", "Prioritas pengembangan kompetensi"),
        Lainnya => ("lainnya", "Penghargaan lain"),
    }
);

/// The reward two consecutive annual predikat qualify for, if any.
pub fn kelayakan(tahun_lalu: Predikat, tahun_ini: Predikat) -> Option<JenisPenghargaan> {
    match (tahun_lalu, tahun_ini) {
        (Predikat::SangatBaik, Predikat::SangatBaik) => Some(JenisPenghargaan::PrioritasTalenta),
        (Predikat::Baik, Predikat::Baik) => Some(JenisPenghargaan::PrioritasPengembangan),
        _ => None,
    }
}

/// Why a pair of predikat does not qualify for a reward of this kind (the 422 message), or none
/// when it does. "Lainnya" is open to every pegawai.
pub fn alasan_tidak_layak(
    jenis: JenisPenghargaan,
    tahun: i32,
    pasangan: Option<(Predikat, Predikat)>,
) -> Option<String> {
    if jenis == JenisPenghargaan::Lainnya {
        return None;
    }
    let syarat = match jenis {
        JenisPenghargaan::PrioritasTalenta => "Sangat Baik",
        _ => "Baik",
    };
    match pasangan {
        Some((a, b)) if kelayakan(a, b) == Some(jenis) => None,
        Some((a, b)) => Some(format!(
            "Pegawai ini tidak memenuhi syarat {}: predikat tahunan {} {} dan {} {}, sedangkan syaratnya {syarat} dua tahun berturut-turut",
            jenis.label(),
            tahun - 1,
            a.label(),
            tahun,
            b.label()
        )),
        None => Some(format!(
            "Pegawai ini tidak memenuhi syarat {}: belum ada evaluasi tahunan yang ditandatangani untuk {} dan {}",
            jenis.label(),
            tahun - 1,
            tahun
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dua_tahun_berturut_turut() {
        use Predikat::*;
        for a in Predikat::SEMUA {
            for b in Predikat::SEMUA {
                let harap = match (a, b) {
                    (SangatBaik, SangatBaik) => Some(JenisPenghargaan::PrioritasTalenta),
                    (Baik, Baik) => Some(JenisPenghargaan::PrioritasPengembangan),
                    _ => None,
                };
                assert_eq!(kelayakan(*a, *b), harap, "{a:?} {b:?}");
            }
        }
        // Sangat Baik then Baik qualifies for neither.
        assert_eq!(kelayakan(SangatBaik, Baik), None);
    }

    #[test]
    fn pesan_tidak_layak() {
        use JenisPenghargaan::*;
        use Predikat::*;
        assert_eq!(
            alasan_tidak_layak(PrioritasTalenta, 2025, Some((SangatBaik, SangatBaik))),
            None
        );
        assert_eq!(alasan_tidak_layak(Lainnya, 2025, None), None);
        assert_eq!(
            alasan_tidak_layak(PrioritasTalenta, 2025, Some((SangatBaik, Baik))).unwrap(),
            "Pegawai ini tidak memenuhi syarat Prioritas kelompok rencana suksesi (talent pool): predikat tahunan 2024 Sangat Baik dan 2025 Baik, sedangkan syaratnya Sangat Baik dua tahun berturut-turut"
        );
        assert!(alasan_tidak_layak(PrioritasPengembangan, 2025, None)
            .unwrap()
            .contains("belum ada evaluasi tahunan"));
    }
}
