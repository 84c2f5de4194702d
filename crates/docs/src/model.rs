//! What a document shows, already worded. The app fills these from the records (labels, dates
//! and predikat as they must be printed); the templates decide nothing, they only lay it out.
//!
//! Serialised to JSON and read by `templat/*.typ` as `json("/data.json")`.

use serde::Serialize;

/// One official document.
#[derive(Debug, Clone, Serialize)]
pub struct Dokumen {
    /// Title lines, e.g. ["SASARAN KINERJA PEGAWAI", "PENDEKATAN HASIL KERJA KUANTITATIF",
    /// "BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL"].
    pub judul: Vec<String>,
    pub kepala: Kepala,
    pub verifikasi: Verifikasi,
    /// Not (yet) signed/set: the pages carry a "DRAF" mark.
    pub draf: bool,
    pub isi: Isi,
}

/// The header every format shares.
#[derive(Debug, Clone, Serialize)]
pub struct Kepala {
    /// "PEMERINTAH KOTA BEKASI" (the instansi).
    pub instansi: String,
    /// "(NAMA PERANGKAT DAERAH)": the pegawai's perangkat daerah.
    pub perangkat_daerah: String,
    /// "PERIODE PENILAIAN: 1 JANUARI SD 31 DESEMBER TAHUN 2026".
    pub periode_penilaian: String,
    /// "PERIODE: BULAN NOVEMBER 2026" / "PERIODE: AKHIR" (evaluation documents only).
    pub periode_evaluasi: Option<String>,
}

/// The verification code printed as text and as a QR code of `url`.
#[derive(Debug, Clone, Serialize)]
pub struct Verifikasi {
    /// "KNJ-7Q2M-XK4D-93HT-P".
    pub kode: String,
    /// The public page that checks it: "https://kinerja.example/verifikasi/KNJ-…".
    pub url: String,
}

/// Nama, NIP, pangkat/gol. ruang, jabatan and unit kerja (or instansi) of a person.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Identitas {
    pub nama: String,
    /// Empty for a holder without NIP (the Wali Kota).
    pub nip: String,
    /// "Penata Muda, III/a" or "IX" (PPPK); empty when not known.
    pub pangkat_golongan: String,
    pub jabatan: String,
    /// What row 5 shows: the unit kerja, or the instansi where the format says INSTANSI.
    pub unit_kerja: String,
}

/// A signature block.
#[derive(Debug, Clone, Serialize)]
pub struct TandaTangan {
    /// "6." and "7." in the dokumen evaluasi; none elsewhere.
    pub nomor: Option<String>,
    /// "Pegawai yang Dinilai", "Pejabat Penilai Kinerja".
    pub peran: String,
    /// "Bekasi, 21 November 2026" when this block carries the place and date.
    pub tempat_tanggal: Option<String>,
    pub nama: String,
    pub nip: String,
    /// "Ditandatangani secara elektronik pada 18 November 2026 pukul 10.02 WIB"; none while
    /// unsigned (the block stays blank for a wet signature).
    pub tanda_tangan_elektronik: Option<String>,
}

/// An indikator kinerja individu with its target.
#[derive(Debug, Clone, Serialize)]
pub struct Iki {
    /// "1.1".
    pub nomor: String,
    /// "Kuantitas" / "Kualitas" / "Waktu" / "Biaya" (formats 3 and 4).
    pub aspek: Option<String>,
    pub indikator: String,
    pub target: String,
}

/// A rencana hasil kerja with its IKI, and what the evaluation shows beside it.
#[derive(Debug, Clone, Serialize)]
pub struct Rhk {
    /// Numbered on through utama and tambahan: 1, 2, 3 …
    pub nomor: u32,
    /// Formats 3/4: the leader's RHK this one intervenes ("Rencana Hasil Kerja Pimpinan yang
    /// diintervensi").
    pub intervensi: Option<String>,
    pub uraian: String,
    /// "Penugasan dari": the leader or tim kerja that gave it.
    pub penugasan_dari: String,
    /// JPT formats: "Penerima Layanan" / "Proses Bisnis" / "Penguatan Internal" / "Anggaran".
    pub perspektif: Option<String>,
    pub iki: Vec<Iki>,
    /// Evaluation and umpan balik berkala: "realisasi berdasarkan bukti dukung", one line each.
    pub realisasi: Vec<String>,
    /// Evaluation and umpan balik berkala: "umpan balik berkelanjutan berdasarkan bukti dukung".
    pub umpan_balik: Vec<String>,
}

/// One of the seven BerAKHLAK aspects.
#[derive(Debug, Clone, Serialize)]
pub struct Perilaku {
    pub nomor: u32,
    /// "Berorientasi pelayanan".
    pub nama: String,
    /// The three guidance lines of the regulation.
    pub pedoman: Vec<String>,
    /// "Ekspektasi Khusus Pimpinan:" text; empty when none was set.
    pub ekspektasi_khusus: String,
    /// Evaluation and umpan balik berkala: the feedback on this aspect.
    pub umpan_balik: Vec<String>,
}

/// Lampiran SKP: dukungan sumber daya, skema pertanggungjawaban, konsekuensi.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Lampiran {
    pub dukungan_sumber_daya: Vec<String>,
    pub skema_pertanggungjawaban: Vec<String>,
    pub konsekuensi: Vec<String>,
}

/// Which layout the SKP and evaluation tables take (the Lampiran I format).
#[derive(Debug, Clone, Serialize)]
pub struct Tata {
    /// 1 … 5.
    pub format: u8,
    /// Formats 2 and 4: a table with numbered columns; otherwise RHK with the "Ukuran
    /// keberhasilan/ Indikator Kinerja Individu, Target, dan Perspektif:" lines under it.
    pub kuantitatif: bool,
    /// Formats 1 and 2: perspektif per RHK.
    pub jpt: bool,
    /// Row 5 of the rater's block: "INSTANSI" or "UNIT KERJA".
    pub label_unit_penilai: String,
}

/// The content of each kind of document.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "jenis", rename_all = "snake_case")]
pub enum Isi {
    /// SASARAN KINERJA PEGAWAI followed by its LAMPIRAN SASARAN KINERJA PEGAWAI.
    Skp(IsiSkp),
    /// EVALUASI KINERJA PEGAWAI.
    Evaluasi(IsiEvaluasi),
    /// DOKUMEN EVALUASI KINERJA PEGAWAI.
    DokumenEvaluasi(IsiDokumenEvaluasi),
    /// UMPAN BALIK BERKALA (seed 002).
    UmpanBalik(IsiUmpanBalik),
    /// MANUAL INDIKATOR SKP JPT/ PIMPINAN UNIT KERJA MANDIRI (seed 002).
    ManualIndikator(IsiManualIndikator),
    /// MATRIKS PERAN HASIL (seed 002).
    MatriksPeranHasil(IsiMatriks),
}

#[derive(Debug, Clone, Serialize)]
pub struct IsiSkp {
    pub tata: Tata,
    pub pegawai: Identitas,
    pub penilai: Identitas,
    /// PPPK: the perjanjian kerja the expectation refers to.
    pub perjanjian_kerja: Option<String>,
    pub utama: Vec<Rhk>,
    pub tambahan: Vec<Rhk>,
    pub perilaku: Vec<Perilaku>,
    pub lampiran: Lampiran,
    /// "Bekasi, 2 Januari 2026" (the day it was set, or today for a draft).
    pub tempat_tanggal: String,
    pub ttd_pegawai: TandaTangan,
    pub ttd_penilai: TandaTangan,
}

#[derive(Debug, Clone, Serialize)]
pub struct IsiEvaluasi {
    pub tata: Tata,
    pub pegawai: Identitas,
    pub penilai: Identitas,
    /// "BAIK"; "—" when not set.
    pub capaian_organisasi: String,
    /// The distribution curve of the unit's capaian as an SVG document (bars per predikat and
    /// the guideline), when the format shows it.
    pub pola_distribusi_svg: Option<String>,
    /// The caption above the curve: "KURVA DISTRIBUSI PREDIKAT KINERJA PEGAWAI DENGAN CAPAIAN
    /// KINERJA ORGANISASI BAIK".
    pub judul_kurva: String,
    /// A special basis worded for the reader (tugas belajar, diperbantukan), if any.
    pub dasar: Option<String>,
    pub utama: Vec<Rhk>,
    pub tambahan: Vec<Rhk>,
    /// "DI ATAS EKSPEKTASI" / "SESUAI EKSPEKTASI" / "DI BAWAH EKSPEKTASI"; "—" unrated.
    pub rating_hasil_kerja: String,
    pub perilaku: Vec<Perilaku>,
    pub rating_perilaku: String,
    /// "SANGAT BAIK" / "BAIK" / "BUTUH PERBAIKAN" / "KURANG (MISCONDUCT)" / "SANGAT KURANG".
    pub predikat: String,
    pub tempat_tanggal: String,
    pub ttd_penilai: TandaTangan,
}

#[derive(Debug, Clone, Serialize)]
pub struct IsiDokumenEvaluasi {
    pub pegawai: Identitas,
    pub penilai: Identitas,
    pub atasan: Identitas,
    pub capaian_organisasi: String,
    pub predikat: String,
    /// 5. CATATAN/REKOMENDASI, one paragraph each.
    pub catatan_rekomendasi: Vec<String>,
    /// "6. Pejabat Penilai Kinerja" with place and date.
    pub ttd_penilai: TandaTangan,
    /// "7. Pegawai yang Dinilai" with place and date.
    pub ttd_pegawai: TandaTangan,
}

#[derive(Debug, Clone, Serialize)]
pub struct IsiUmpanBalik {
    pub pegawai: Identitas,
    pub penilai: Identitas,
    /// Each RHK with "capaian dan data dukung" in `realisasi` and the feedback.
    pub hasil_kerja: Vec<Rhk>,
    pub perilaku: Vec<Perilaku>,
    pub tempat_tanggal: String,
    pub ttd_pegawai: TandaTangan,
    pub ttd_penilai: TandaTangan,
}

#[derive(Debug, Clone, Serialize)]
pub struct IsiManualIndikator {
    pub pegawai: Identitas,
    pub penilai: Identitas,
    pub entri: Vec<EntriManual>,
    pub tempat_tanggal: String,
    pub ttd_pegawai: TandaTangan,
    pub ttd_penilai: TandaTangan,
}

/// One IKI's manual indikator.
#[derive(Debug, Clone, Serialize)]
pub struct EntriManual {
    pub rencana_hasil_kerja: String,
    pub indikator: String,
    pub tujuan: String,
    pub deskripsi: String,
    pub definisi: String,
    pub formula: String,
    pub satuan_pengukuran: String,
    /// All choices of the form with the chosen one marked: [("Outcome", true), ("Output
    /// dengan tingkat kendali rendah", false)].
    pub kualitas_tingkat_kendali: Vec<Pilihan>,
    pub sumber_data: String,
    /// Bulanan / Triwulanan / Semesteran / Tahunan with the chosen one marked.
    pub periode_pelaporan: Vec<Pilihan>,
}

/// One tick box of a form: "( ✓ ) Bulanan".
#[derive(Debug, Clone, Serialize)]
pub struct Pilihan {
    pub label: String,
    pub dipilih: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct IsiMatriks {
    /// The leader whose RHK are cascaded.
    pub pimpinan: Identitas,
    /// The leader's RHK (and their IKI), one column each.
    pub kolom: Vec<String>,
    pub baris: Vec<BarisMatriks>,
    pub tempat_tanggal: String,
    pub ttd_pimpinan: TandaTangan,
}

/// A team member's row: their RHK under each of the leader's columns.
#[derive(Debug, Clone, Serialize)]
pub struct BarisMatriks {
    /// "Nama — Jabatan".
    pub nama_jabatan: String,
    /// Per column (same order as `kolom`): the member's RHK intervening it ("N/A" when empty is
    /// the template's call).
    pub sel: Vec<Vec<String>>,
}
