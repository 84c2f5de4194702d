//! Keberatan (Pasal 30; PP 30/2019 Pasal 59): the pegawai objects to an evaluation result, with
//! reasons, to the atasan pejabat penilai within 14 days of receiving it. The atasan hears both
//! sides and decides; the decision is final and the original result stays on record.

use crate::enumerasi;
use crate::kuadran::{predikat, Predikat, Rating};
use crate::periode::tanggal_indonesia;
use crate::skp::{GalatSkp, HasilSkp};
use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

/// Days the pegawai has, counted from the day the evaluation was received.
pub const BATAS_HARI: u64 = 14;

enumerasi!(
    StatusKeberatan, "status_keberatan", {
        Diajukan => ("diajukan", "Diajukan, menunggu keputusan"),
        Dikabulkan => ("dikabulkan", "Dikabulkan"),
        Ditolak => ("ditolak", "Ditolak"),
    }
);

enumerasi!(
    /// Who wrote a comment in a keberatan.
    PihakKeberatan, "pihak_keberatan", {
        Pegawai => ("pegawai", "Pegawai"),
        PejabatPenilai => ("pejabat_penilai", "Pejabat penilai"),
        AtasanPejabatPenilai => ("atasan_pejabat_penilai", "Atasan pejabat penilai"),
    }
);

/// The last day a keberatan may be filed.
pub fn batas_pengajuan(diterima: NaiveDate) -> NaiveDate {
    diterima
        .checked_add_days(Days::new(BATAS_HARI))
        .unwrap_or(NaiveDate::MAX)
}

const MAKS_TEKS: usize = 4000;

fn teks_wajib(bidang: &str, nama: &str, t: &str) -> HasilSkp<String> {
    let s = t.trim();
    if s.is_empty() {
        return Err(GalatSkp::tidak_valid(bidang, format!("{nama} wajib diisi")));
    }
    if s.chars().count() > MAKS_TEKS {
        return Err(GalatSkp::tidak_valid(
            bidang,
            format!("{nama} paling panjang {MAKS_TEKS} karakter"),
        ));
    }
    Ok(s.to_string())
}

/// Whether a keberatan may still be filed today against an evaluation received (signed by the
/// rater) on `diterima`: within 14 days. Answers the last day.
pub fn periksa_batas_pengajuan(
    diterima: Option<NaiveDate>,
    hari_ini: NaiveDate,
) -> HasilSkp<NaiveDate> {
    let Some(diterima) = diterima else {
        return Err(GalatSkp::Status(
            "Keberatan hanya dapat diajukan atas evaluasi yang sudah ditandatangani pejabat penilai".into(),
        ));
    };
    let batas = batas_pengajuan(diterima);
    if hari_ini > batas {
        return Err(GalatSkp::Status(format!(
            "Batas pengajuan keberatan sudah lewat: paling lambat {} (14 hari sejak evaluasi diterima pada {})",
            tanggal_indonesia(batas),
            tanggal_indonesia(diterima)
        )));
    }
    Ok(batas)
}

/// Checks a filing: within the 14 days ([`periksa_batas_pengajuan`]) and with reasons.
/// Answers the last day and the reasons, trimmed.
pub fn periksa_pengajuan(
    diterima: Option<NaiveDate>,
    hari_ini: NaiveDate,
    alasan: &str,
) -> HasilSkp<(NaiveDate, String)> {
    let batas = periksa_batas_pengajuan(diterima, hari_ini)?;
    Ok((batas, teks_wajib("alasan", "Alasan keberatan", alasan)?))
}

/// A comment of one side.
pub fn periksa_komentar(isi: &str) -> HasilSkp<String> {
    teks_wajib("isi", "Tanggapan", isi)
}

/// The atasan's decision as submitted.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct PutusanMasuk {
    /// `dikabulkan` (with new ratings) or `ditolak`.
    pub putusan: Option<StatusKeberatan>,
    /// New ratings, when upheld.
    pub rating_hasil_kerja: Option<Rating>,
    pub rating_perilaku: Option<Rating>,
    /// The grounds of the decision.
    #[serde(default)]
    pub alasan: String,
}

/// A checked decision.
#[derive(Debug, Clone, PartialEq)]
pub struct PutusanSah {
    pub status: StatusKeberatan,
    /// New ratings and predikat when upheld.
    pub baru: Option<(Rating, Rating, Predikat)>,
    pub alasan: String,
}

/// Checks a decision against the current ratings: upheld needs new ratings that change
/// something; the predikat follows from the kuadran. Only a pending keberatan is decided.
pub fn periksa_putusan(
    status: StatusKeberatan,
    semula: (Rating, Rating),
    m: &PutusanMasuk,
) -> HasilSkp<PutusanSah> {
    if status != StatusKeberatan::Diajukan {
        return Err(GalatSkp::Status(format!(
            "Keberatan ini sudah diputuskan ({}); keputusan bersifat final",
            status.label()
        )));
    }
    let putusan = match m.putusan {
        Some(p @ (StatusKeberatan::Dikabulkan | StatusKeberatan::Ditolak)) => p,
        _ => {
            return Err(GalatSkp::tidak_valid(
                "putusan",
                "Pilih putusan: dikabulkan atau ditolak",
            ))
        }
    };
    let alasan = teks_wajib("alasan", "Alasan putusan", &m.alasan)?;
    let baru = match putusan {
        StatusKeberatan::Dikabulkan => {
            let h = m.rating_hasil_kerja.ok_or_else(|| {
                GalatSkp::tidak_valid(
                    "rating_hasil_kerja",
                    "Keberatan dikabulkan: pilih rating hasil kerja yang baru",
                )
            })?;
            let p = m.rating_perilaku.ok_or_else(|| {
                GalatSkp::tidak_valid(
                    "rating_perilaku",
                    "Keberatan dikabulkan: pilih rating perilaku kerja yang baru",
                )
            })?;
            if (h, p) == semula {
                return Err(GalatSkp::tidak_valid(
                    "rating_hasil_kerja",
                    "Keberatan dikabulkan tetapi rating tidak berubah; pilih rating baru atau tolak keberatan",
                ));
            }
            Some((h, p, predikat(h, p)))
        }
        _ => None,
    };
    Ok(PutusanSah {
        status: putusan,
        baru,
        alasan,
    })
}
