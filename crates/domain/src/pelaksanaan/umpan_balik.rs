//! Umpan balik berkelanjutan (Pasal 17–19; seed 002 "Umpan Balik Berkala"): recorded against an
//! RHK or a perilaku aspect, with its source named ("Sumber: Deputi SDMA", "Hasil Survey
//! Kepuasan Penerima Layanan").

use crate::enumerasi;
use crate::perilaku::AspekPerilaku;
use crate::skp::{wajib_teks, GalatSkp, HasilSkp, Skp};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

enumerasi!(
    /// Berkala: on the schedule agreed in the skema pertanggungjawaban (mandatory for the leader);
    /// insidentil: whenever needed.
    JenisUmpanBalik, "jenis", {
        Berkala => ("berkala", "Berkala"),
        Insidentil => ("insidentil", "Insidentil"),
    }
);

enumerasi!(
    /// Langsung: face to face (the talk is recorded here); tidak langsung: through a medium.
    CaraUmpanBalik, "cara", {
        Langsung => ("langsung", "Langsung (tatap muka)"),
        TidakLangsung => ("tidak_langsung", "Tidak langsung"),
    }
);

enumerasi!(
    /// Who gives it, as seen from the pegawai (Pasal 18: the leader, and for 360 feedback the
    /// official who gave an assignment, peers, subordinates and other parties).
    PemberiUmpanBalik, "sebagai", {
        PejabatPenilai => ("pejabat_penilai", "Pejabat Penilai Kinerja"),
        AtasanPejabatPenilai => ("atasan_pejabat_penilai", "Atasan Pejabat Penilai"),
        PemberiPenugasan => ("pemberi_penugasan", "Pejabat pemberi penugasan"),
        Rekan => ("rekan", "Rekan kerja setingkat"),
        Bawahan => ("bawahan", "Pegawai di bawahnya"),
        PihakLain => ("pihak_lain", "Pihak lain"),
    }
);

impl PemberiUmpanBalik {
    /// Feedback from anyone but the leader is 360 feedback.
    pub fn umpan_balik_360(self) -> bool {
        !matches!(self, Self::PejabatPenilai)
    }
}

/// What a giver writes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct UmpanBalikMasuk {
    /// The RHK it concerns, or
    pub rhk_id: Option<i64>,
    /// the perilaku aspect it concerns (exactly one of the two).
    pub aspek: Option<AspekPerilaku>,
    pub jenis: Option<JenisUmpanBalik>,
    pub cara: Option<CaraUmpanBalik>,
    /// The feedback itself.
    #[serde(default)]
    pub isi: String,
    /// "Sumber: …" — the giver's position when left empty.
    pub sumber: Option<String>,
    /// The day it was given (for a face-to-face talk, the day of the talk); today when absent.
    pub tanggal: Option<NaiveDate>,
    /// The 360 request this answers.
    pub permintaan_id: Option<i64>,
}

/// What the feedback is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SasaranUmpanBalik {
    Rhk(i64),
    Perilaku(AspekPerilaku),
}

/// Feedback as checked, ready to store.
#[derive(Debug, Clone, PartialEq)]
pub struct UmpanBalikSah {
    pub sasaran: SasaranUmpanBalik,
    pub jenis: JenisUmpanBalik,
    pub cara: CaraUmpanBalik,
    pub isi: String,
    pub sumber: String,
    pub tanggal: NaiveDate,
}

/// Checks feedback on `skp` given by someone standing to the pegawai `sebagai`, whose own
/// position (for the default source) is `jabatan_pemberi`.
pub fn periksa_umpan_balik(
    skp: &Skp,
    m: &UmpanBalikMasuk,
    jabatan_pemberi: &str,
    hari_ini: NaiveDate,
) -> HasilSkp<UmpanBalikSah> {
    if skp.ditetapkan_pada.is_none() {
        return Err(GalatSkp::Status(
            "Umpan balik diberikan atas SKP yang sudah ditetapkan".into(),
        ));
    }
    let sasaran = match (m.rhk_id, m.aspek) {
        (Some(id), None) => {
            skp.cari_rhk(id).map_err(|_| {
                GalatSkp::tidak_valid("rhk_id", format!("RHK {id} bukan bagian dari SKP ini"))
            })?;
            SasaranUmpanBalik::Rhk(id)
        }
        (None, Some(a)) => SasaranUmpanBalik::Perilaku(a),
        _ => {
            return Err(GalatSkp::tidak_valid(
                "rhk_id",
                "Pilih satu sasaran umpan balik: satu RHK atau satu aspek perilaku",
            ))
        }
    };
    let isi = wajib_teks("isi", &m.isi, "Isi umpan balik")?;
    let sumber = match m.sumber.as_deref().map(str::trim) {
        None | Some("") => jabatan_pemberi.trim().to_string(),
        Some(s) => wajib_teks("sumber", s, "Sumber")?,
    };
    let sumber = sumber
        .trim_start_matches("Sumber:")
        .trim_start_matches("sumber:")
        .trim()
        .to_string();
    if sumber.is_empty() {
        return Err(GalatSkp::tidak_valid(
            "sumber",
            "Sebutkan sumber umpan balik (mis. \"Hasil Survey Kepuasan Penerima Layanan\")",
        ));
    }
    let tanggal = m.tanggal.unwrap_or(hari_ini);
    if tanggal > hari_ini {
        return Err(GalatSkp::tidak_valid(
            "tanggal",
            "Tanggal umpan balik tidak boleh di masa depan",
        ));
    }
    if tanggal < skp.mulai || tanggal > skp.selesai.max(skp.mulai) + chrono::Days::new(90) {
        return Err(GalatSkp::tidak_valid(
            "tanggal",
            format!(
                "Tanggal umpan balik di luar periode SKP tahun {}",
                skp.tahun
            ),
        ));
    }
    Ok(UmpanBalikSah {
        sasaran,
        jenis: m.jenis.unwrap_or(JenisUmpanBalik::Insidentil),
        cara: m.cara.unwrap_or(CaraUmpanBalik::TidakLangsung),
        isi,
        sumber,
        tanggal,
    })
}

/// A pegawai's response to feedback received.
pub fn periksa_tanggapan(teks: &str) -> HasilSkp<String> {
    wajib_teks("tanggapan", teks, "Tanggapan")
}

/// A request for 360 feedback (Pasal 18(2)): from the rater or the pegawai, to a named person,
/// with a due date; only the rater may allow the answer to be anonymous to the pegawai.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct PermintaanMasuk {
    /// NIP of the person asked.
    #[serde(default)]
    pub nip_pemberi: String,
    pub sebagai: Option<PemberiUmpanBalik>,
    pub batas: Option<NaiveDate>,
    /// Anonymous to the pegawai (never to the audit log); only the rater may set it.
    #[serde(default)]
    pub anonim: bool,
    pub pesan: Option<String>,
}

/// Checks a request's due date and role: due between today and three months after the SKP ends;
/// a request goes to a 360 giver, not to the rater.
pub fn periksa_permintaan(
    skp: &Skp,
    sebagai: Option<PemberiUmpanBalik>,
    batas: Option<NaiveDate>,
    hari_ini: NaiveDate,
) -> HasilSkp<(PemberiUmpanBalik, NaiveDate)> {
    if skp.ditetapkan_pada.is_none() {
        return Err(GalatSkp::Status(
            "Umpan balik 360 diminta atas SKP yang sudah ditetapkan".into(),
        ));
    }
    let sebagai = sebagai.unwrap_or(PemberiUmpanBalik::Rekan);
    if !sebagai.umpan_balik_360() {
        return Err(GalatSkp::tidak_valid(
            "sebagai",
            "Permintaan umpan balik 360 ditujukan kepada rekan, bawahan, pemberi penugasan atau pihak lain",
        ));
    }
    let Some(batas) = batas else {
        return Err(GalatSkp::tidak_valid("batas", "Batas waktu wajib diisi"));
    };
    if batas < hari_ini {
        return Err(GalatSkp::tidak_valid(
            "batas",
            "Batas waktu tidak boleh sebelum hari ini",
        ));
    }
    if batas > skp.selesai + chrono::Days::new(90) {
        return Err(GalatSkp::tidak_valid(
            "batas",
            format!(
                "Batas waktu terlalu jauh dari periode SKP tahun {}",
                skp.tahun
            ),
        ));
    }
    Ok((sebagai, batas))
}
