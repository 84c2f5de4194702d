//! Evaluation (Pasal 23–25): periodic and annual, per SKP. The leader one level up sets the
//! capaian kinerja organisasi of the unit; the pejabat penilai rates hasil kerja and perilaku
//! (a suggestion from [`saran`] helps, the rater decides); the predikat follows from the kuadran;
//! the rater signs, the pegawai acknowledges; a keberatan goes to the atasan ([`keberatan`]);
//! pegawai are ranked by predikat ([`peringkat`]).
//!
//! Special cases (seed 002): a mutasi gives a new SKP, so each period is evaluated on the SKP
//! in force there ([`skp_untuk_periode`]) and the annual on the last one only; a pegawai on
//! tugas belajar is rated on the academic expectation (no unit performance needed); a pegawai
//! diperbantukan/dipekerjakan is rated on the host's feedback and evidence; the pegawai who
//! leads the unit gets the unit's result as rating hasil kerja ([`rating_pimpinan_unit`]).

pub mod keberatan;
pub mod peringkat;
pub mod saran;

#[cfg(test)]
mod tests;

use crate::enumerasi;
use crate::kuadran::{predikat, CapaianOrganisasi, Predikat, Rating};
use crate::periode::{Periode, PeriodeError};
use crate::profil::JenisPeriode;
use crate::skp::{GalatSkp, HasilSkp, Skp, StatusSkp};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

enumerasi!(
    /// Where an evaluation stands. Signed by the rater, it is locked: only a keberatan decision
    /// or an HR-admin reopening changes it.
    StatusEvaluasi, "status_evaluasi", {
        Draf => ("draf", "Draf penilaian"),
        DitandatanganiPenilai => ("ditandatangani_penilai", "Ditandatangani pejabat penilai"),
        DiterimaPegawai => ("diterima_pegawai", "Diterima pegawai"),
    }
);

impl StatusEvaluasi {
    /// Signed by the rater: the pegawai has received it, and it is locked.
    pub fn terkunci(self) -> bool {
        !matches!(self, Self::Draf)
    }
}

enumerasi!(
    /// What the rating rests on (seed 002's special cases).
    DasarEvaluasi, "dasar_evaluasi", {
        CapaianUnit => ("capaian_unit", "Capaian kinerja organisasi dan kontribusi pegawai"),
        PimpinanUnit => ("pimpinan_unit", "Pimpinan unit: rating hasil kerja mengikuti capaian kinerja organisasi"),
        TugasBelajar => ("tugas_belajar", "Tugas belajar: hasil evaluasi akademik, ketepatan waktu kelulusan, penugasan lain"),
        Diperbantukan => ("diperbantukan", "Diperbantukan/dipekerjakan: umpan balik dan bukti dari tempat bekerja"),
    }
);

impl DasarEvaluasi {
    /// Whether the rating needs the unit's capaian kinerja organisasi first.
    pub fn perlu_capaian(self) -> bool {
        !matches!(self, Self::TugasBelajar)
    }
}

/// The rating hasil kerja of the pegawai who leads the unit: the unit's own result.
/// Istimewa → Di Atas, Baik → Sesuai, Butuh Perbaikan / Kurang / Sangat Kurang → Di Bawah.
pub fn rating_pimpinan_unit(capaian: CapaianOrganisasi) -> Rating {
    match capaian {
        CapaianOrganisasi::Istimewa => Rating::DiatasEkspektasi,
        CapaianOrganisasi::Baik => Rating::SesuaiEkspektasi,
        _ => Rating::DibawahEkspektasi,
    }
}

/// Parses a period code and checks it against the instansi's period length: a monthly instansi
/// evaluates months, a quarterly one quarters; every instansi evaluates the year.
pub fn periksa_kode_periode(kode: &str, jenis: JenisPeriode) -> HasilSkp<Periode> {
    let p = Periode::parse(kode)
        .map_err(|e: PeriodeError| GalatSkp::tidak_valid("periode", e.to_string()))?;
    match (p, jenis) {
        (Periode::Bulan { .. }, JenisPeriode::Triwulanan) => Err(GalatSkp::tidak_valid(
            "periode",
            format!(
                "Instansi ini mengevaluasi per triwulan; gunakan {}-T1 … {}-T4 atau {} (tahunan)",
                p.tahun(),
                p.tahun(),
                p.tahun()
            ),
        )),
        (Periode::Triwulan { .. }, JenisPeriode::Bulanan) => Err(GalatSkp::tidak_valid(
            "periode",
            format!(
                "Instansi ini mengevaluasi per bulan; gunakan {}-01 … {}-12 atau {} (tahunan)",
                p.tahun(),
                p.tahun(),
                p.tahun()
            ),
        )),
        _ => Ok(p),
    }
}

/// Whether the SKP can be evaluated for the period: it has been set, the period lies in the
/// SKP's year and overlaps its days, and has begun. The annual evaluation is made on the last
/// SKP of the year only (a mutasi: "tanpa integrasi dengan nilai di unit yang lama").
pub fn periksa_dapat_dievaluasi(skp: &Skp, periode: Periode, hari_ini: NaiveDate) -> HasilSkp<()> {
    if skp.nomor_versi < 1 || skp.ditetapkan_pada.is_none() {
        return Err(GalatSkp::Status(format!(
            "SKP {} belum pernah ditetapkan (status: {}); evaluasi memerlukan SKP yang sudah ditetapkan",
            skp.tahun,
            skp.status.label()
        )));
    }
    if periode.tahun() != skp.tahun {
        return Err(GalatSkp::tidak_valid(
            "periode",
            format!(
                "Periode {} di luar tahun SKP ({})",
                periode.label(),
                skp.tahun
            ),
        ));
    }
    if periode.periodik() && (periode.selesai() < skp.mulai || periode.mulai() > skp.selesai) {
        return Err(GalatSkp::tidak_valid(
            "periode",
            format!(
                "Periode {} di luar masa berlaku SKP ini ({} s.d. {})",
                periode.label(),
                crate::periode::tanggal_indonesia(skp.mulai),
                crate::periode::tanggal_indonesia(skp.selesai)
            ),
        ));
    }
    if !periode.periodik() && skp.status == StatusSkp::Ditutup {
        return Err(GalatSkp::Status(
            "Evaluasi tahunan dibuat pada SKP di unit terakhir, bukan pada SKP yang sudah ditutup karena mutasi".into(),
        ));
    }
    if periode.mulai() > hari_ini {
        return Err(GalatSkp::tidak_valid(
            "periode",
            format!("Periode {} belum dimulai", periode.label()),
        ));
    }
    Ok(())
}

/// One SKP of the pegawai in a year, as far as choosing where a period is evaluated goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MasaSkp {
    pub id: i64,
    pub mulai: NaiveDate,
    pub selesai: NaiveDate,
}

/// The SKP a periodic period is evaluated on after a mutasi: the one where the pegawai spent
/// most days of the period (a tie goes to the later place). None when no SKP covers a day.
pub fn skp_untuk_periode(masa: &[MasaSkp], periode: Periode) -> Option<i64> {
    masa.iter()
        .filter_map(|m| {
            let awal = m.mulai.max(periode.mulai());
            let akhir = m.selesai.min(periode.selesai());
            (awal <= akhir).then(|| ((akhir - awal).num_days(), m.mulai, m.id))
        })
        .max()
        .map(|(_, _, id)| id)
}

/// What a rater submits for one pegawai and period.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct PenilaianMasuk {
    pub rating_hasil_kerja: Option<Rating>,
    pub rating_perilaku: Option<Rating>,
    /// Why the rating hasil kerja differs from the suggestion (required then).
    pub alasan_hasil_kerja: Option<String>,
    /// Why the rating perilaku differs from the suggestion (required then).
    pub alasan_perilaku: Option<String>,
    /// Catatan of the rater on this period.
    pub catatan: Option<String>,
    /// Rekomendasi for the next period (Pasal 24(5), 25(4)).
    pub rekomendasi: Option<String>,
}

/// A rating as checked, with its derived predikat.
#[derive(Debug, Clone, PartialEq)]
pub struct PenilaianSah {
    pub rating_hasil_kerja: Rating,
    pub rating_perilaku: Rating,
    pub predikat: Predikat,
    pub alasan_hasil_kerja: Option<String>,
    pub alasan_perilaku: Option<String>,
    pub catatan: Option<String>,
    pub rekomendasi: Option<String>,
}

const MAKS_TEKS: usize = 4000;

fn teks_opsional(bidang: &str, t: &Option<String>) -> HasilSkp<Option<String>> {
    match t.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(s) if s.chars().count() > MAKS_TEKS => Err(GalatSkp::tidak_valid(
            bidang,
            format!("Paling panjang {MAKS_TEKS} karakter"),
        )),
        Some(s) => Ok(Some(s.to_string())),
    }
}

/// Checks a rating against the suggestion: both ratings are required; one that departs from
/// the suggestion needs a short reason; the unit leader's rating hasil kerja is the unit's
/// result and cannot be changed. The predikat is derived from the kuadran.
pub fn periksa_penilaian(
    m: &PenilaianMasuk,
    saran_hasil_kerja: Rating,
    saran_perilaku: Rating,
    dasar: DasarEvaluasi,
) -> HasilSkp<PenilaianSah> {
    let hasil = m.rating_hasil_kerja.ok_or_else(|| {
        GalatSkp::tidak_valid("rating_hasil_kerja", "Rating hasil kerja wajib dipilih")
    })?;
    let perilaku = m.rating_perilaku.ok_or_else(|| {
        GalatSkp::tidak_valid("rating_perilaku", "Rating perilaku kerja wajib dipilih")
    })?;
    if dasar == DasarEvaluasi::PimpinanUnit && hasil != saran_hasil_kerja {
        return Err(GalatSkp::tidak_valid(
            "rating_hasil_kerja",
            format!(
                "Pegawai ini memimpin unit kerjanya: rating hasil kerja mengikuti capaian kinerja organisasi ({})",
                saran_hasil_kerja.label()
            ),
        ));
    }
    let alasan_hasil_kerja = teks_opsional("alasan_hasil_kerja", &m.alasan_hasil_kerja)?;
    let alasan_perilaku = teks_opsional("alasan_perilaku", &m.alasan_perilaku)?;
    if hasil != saran_hasil_kerja && alasan_hasil_kerja.is_none() {
        return Err(GalatSkp::tidak_valid(
            "alasan_hasil_kerja",
            format!(
                "Rating hasil kerja berbeda dari saran ({}): tuliskan alasan singkat",
                saran_hasil_kerja.label()
            ),
        ));
    }
    if perilaku != saran_perilaku && alasan_perilaku.is_none() {
        return Err(GalatSkp::tidak_valid(
            "alasan_perilaku",
            format!(
                "Rating perilaku kerja berbeda dari saran ({}): tuliskan alasan singkat",
                saran_perilaku.label()
            ),
        ));
    }
    Ok(PenilaianSah {
        rating_hasil_kerja: hasil,
        rating_perilaku: perilaku,
        predikat: predikat(hasil, perilaku),
        alasan_hasil_kerja: alasan_hasil_kerja.filter(|_| hasil != saran_hasil_kerja),
        alasan_perilaku: alasan_perilaku.filter(|_| perilaku != saran_perilaku),
        catatan: teks_opsional("catatan", &m.catatan)?,
        rekomendasi: teks_opsional("rekomendasi", &m.rekomendasi)?,
    })
}

/// A rating may be written while the evaluation is a draft.
pub fn periksa_dapat_diubah(status: Option<StatusEvaluasi>) -> HasilSkp<()> {
    match status {
        None | Some(StatusEvaluasi::Draf) => Ok(()),
        Some(s) => Err(GalatSkp::Status(format!(
            "Evaluasi sudah dikunci ({}); perubahan hanya melalui keputusan keberatan atau pembukaan kembali oleh admin BKPSDM",
            s.label()
        ))),
    }
}

/// The rater signs a rated draft; it locks.
pub fn periksa_tanda_tangan_penilai(status: Option<StatusEvaluasi>) -> HasilSkp<()> {
    match status {
        None => Err(GalatSkp::Status(
            "Belum ada penilaian untuk ditandatangani; isi rating hasil kerja dan perilaku dulu"
                .into(),
        )),
        Some(StatusEvaluasi::Draf) => Ok(()),
        Some(_) => Err(GalatSkp::Status(
            "Evaluasi ini sudah ditandatangani pejabat penilai".into(),
        )),
    }
}

/// The pegawai signs the evaluation document (acknowledging, not agreeing) once the rater has.
pub fn periksa_tanda_tangan_pegawai(status: Option<StatusEvaluasi>) -> HasilSkp<()> {
    match status {
        Some(StatusEvaluasi::DitandatanganiPenilai) => Ok(()),
        Some(StatusEvaluasi::DiterimaPegawai) => Err(GalatSkp::Status(
            "Anda sudah menandatangani dokumen evaluasi ini".into(),
        )),
        _ => Err(GalatSkp::Status(
            "Evaluasi belum ditandatangani pejabat penilai".into(),
        )),
    }
}

/// A signed evaluation may be reopened by HR admin: not a draft, and not while a keberatan is
/// pending or after one was decided (the decision is final).
pub fn periksa_dapat_dibuka(status: Option<StatusEvaluasi>, ada_keberatan: bool) -> HasilSkp<()> {
    match status {
        None | Some(StatusEvaluasi::Draf) => Err(GalatSkp::Status(
            "Evaluasi ini belum ditandatangani; tidak perlu dibuka kembali".into(),
        )),
        _ if ada_keberatan => Err(GalatSkp::Status(
            "Evaluasi ini memiliki keberatan; perubahannya hanya melalui keputusan atasan pejabat penilai".into(),
        )),
        _ => Ok(()),
    }
}

/// HR admin reopens a signed evaluation ([`periksa_dapat_dibuka`]) with a reason; answers the
/// reason, trimmed.
pub fn periksa_buka_kembali(
    status: Option<StatusEvaluasi>,
    ada_keberatan: bool,
    alasan: &str,
) -> HasilSkp<String> {
    periksa_dapat_dibuka(status, ada_keberatan)?;
    let a = alasan.trim();
    if a.is_empty() {
        return Err(GalatSkp::tidak_valid(
            "alasan",
            "Alasan pembukaan kembali wajib diisi",
        ));
    }
    if a.chars().count() > MAKS_TEKS {
        return Err(GalatSkp::tidak_valid(
            "alasan",
            format!("Paling panjang {MAKS_TEKS} karakter"),
        ));
    }
    Ok(a.to_string())
}
