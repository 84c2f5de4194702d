//! Sasaran Kinerja Pegawai (Pasal 6–15): one SKP per pegawai per year, holding the expected
//! hasil kerja (RHK with their IKI and targets), the perilaku kerja with the leader's ekspektasi
//! khusus, and the lampiran.
//!
//! The SKP is an aggregate: every change goes through a method here that checks the rules and
//! the state, so the application only decides *who* may call which method. Its life:
//!
//! ```text
//! draf ──ajukan──▶ diajukan ──tetapkan──▶ ditetapkan ──buka_revisi──▶ revisi ──ajukan──▶ …
//!   ▲                 │
//!   └──dikembalikan◀──┘ (kembalikan, with the rater's notes)
//! ```
//!
//! A set SKP is never edited in place (Pasal 13(2)): a change opens a revision, and setting it
//! again makes a new numbered version; earlier versions stay readable. `ditutup` ends an SKP at a
//! mutasi (a new SKP starts at the new place).

mod kaskade;
mod manual;
mod target;

pub use kaskade::{periksa_kaskade, periksa_porsi, target_porsi, DasarKaskade, JenisKaskade};
pub use manual::{ManualIndikator, PeriodePelaporan, TingkatKendali};
pub use target::Target;

use crate::enumerasi;
use crate::jabatan::JenisJabatan;
use crate::perilaku::{AspekIki, AspekPerilaku, JenisRhk, Pendekatan, Perspektif};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

enumerasi!(
    /// Where an SKP stands.
    StatusSkp, "status", {
        Draf => ("draf", "Draf"),
        Diajukan => ("diajukan", "Diajukan"),
        Dikembalikan => ("dikembalikan", "Dikembalikan"),
        Ditetapkan => ("ditetapkan", "Ditetapkan"),
        Revisi => ("revisi", "Revisi"),
        Ditutup => ("ditutup", "Ditutup"),
    }
);

impl StatusSkp {
    /// The pegawai may change the content (draft, returned, or a revision after it was set).
    pub fn dapat_diubah(self) -> bool {
        matches!(self, Self::Draf | Self::Dikembalikan | Self::Revisi)
    }
}

enumerasi!(
    /// The SKP formats of Lampiran I (Perwali Bekasi 38/2023).
    FormatSkp, "format", {
        Format1 => ("format_1", "Format 1 — JPT, kualitatif"),
        Format2 => ("format_2", "Format 2 — JPT, kuantitatif"),
        Format3 => ("format_3", "Format 3 — JA/JF, kualitatif"),
        Format4 => ("format_4", "Format 4 — JA/JF, kuantitatif"),
        Format5 => ("format_5", "Format 5 — tugas belajar"),
    }
);

impl FormatSkp {
    /// The format for a position, approach and study status: JPT and a pimpinan unit kerja
    /// mandiri → 1/2, JA and JF → 3/4, tugas belajar → 5 whatever the position.
    pub fn untuk(
        jenis: Option<JenisJabatan>,
        pimpinan_unit_mandiri: bool,
        pendekatan: Pendekatan,
        tugas_belajar: bool,
    ) -> FormatSkp {
        let jpt = pimpinan_unit_mandiri || jenis.is_some_and(JenisJabatan::is_jpt);
        match (tugas_belajar, jpt, pendekatan) {
            (true, _, _) => FormatSkp::Format5,
            (false, true, Pendekatan::Kualitatif) => FormatSkp::Format1,
            (false, true, Pendekatan::Kuantitatif) => FormatSkp::Format2,
            (false, false, Pendekatan::Kualitatif) => FormatSkp::Format3,
            (false, false, Pendekatan::Kuantitatif) => FormatSkp::Format4,
        }
    }

    /// JPT formats carry a perspektif per RHK and a manual indikator per IKI.
    pub fn jpt(self) -> bool {
        matches!(self, FormatSkp::Format1 | FormatSkp::Format2)
    }

    /// JA/JF formats name the leader's RHK each RHK intervenes, and an aspek per IKI.
    pub fn ja_jf(self) -> bool {
        matches!(self, FormatSkp::Format3 | FormatSkp::Format4)
    }
}

/// A rule broken by a change to an SKP. `Display` is the Indonesian message.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum GalatSkp {
    /// A value is missing or wrong (HTTP 422), naming the API field.
    #[error("{pesan}")]
    TidakValid { bidang: String, pesan: String },
    /// The SKP is in a state that does not allow this (HTTP 409).
    #[error("{0}")]
    Status(String),
    /// A referenced RHK or IKI is not in this SKP (HTTP 404).
    #[error("{0}")]
    TidakAda(String),
}

impl GalatSkp {
    pub fn tidak_valid(bidang: &str, pesan: impl Into<String>) -> Self {
        GalatSkp::TidakValid {
            bidang: bidang.into(),
            pesan: pesan.into(),
        }
    }
    pub fn bidang(&self) -> Option<&str> {
        match self {
            GalatSkp::TidakValid { bidang, .. } => Some(bidang),
            _ => None,
        }
    }
}

pub type HasilSkp<T> = Result<T, GalatSkp>;

/// Lampiran SKP: resources (Pasal 10), accountability scheme (Pasal 11), consequences (Pasal 12).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Lampiran {
    pub dukungan_sumber_daya: Vec<String>,
    pub skema_pertanggungjawaban: Vec<String>,
    pub konsekuensi: Vec<String>,
    /// The berkala feedback schedule agreed in the skema pertanggungjawaban (Pasal 19(2)); the
    /// instansi's default when absent.
    #[serde(default)]
    pub frekuensi_umpan_balik: Option<crate::pelaksanaan::kalender::FrekuensiUmpanBalik>,
}

/// An indikator kinerja individu with its target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Iki {
    /// None until stored.
    pub id: Option<i64>,
    /// Kuantitas / kualitas / waktu / biaya (formats 3 and 4).
    pub aspek: Option<AspekIki>,
    pub indikator: String,
    pub target: Target,
    /// JPT only.
    pub manual_indikator: Option<ManualIndikator>,
}

/// A rencana hasil kerja.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Rhk {
    pub id: Option<i64>,
    pub jenis: JenisRhk,
    pub uraian: String,
    /// "Penugasan dari": the pimpinan or tim kerja that gave the work.
    pub penugasan_dari: String,
    /// The leader's RHK this one intervenes (formats 3/4).
    pub intervensi_rhk_id: Option<i64>,
    /// How the leader's RHK was cascaded into this one.
    pub dasar_kaskade: Option<DasarKaskade>,
    /// JPT formats.
    pub perspektif: Option<Perspektif>,
    /// The assignment (penugasan) this RHK came from, if any.
    pub penugasan_id: Option<i64>,
    pub iki: Vec<Iki>,
}

/// What a pegawai (or the rater in the matriks) writes for an RHK.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct RhkMasuk {
    pub jenis: Option<JenisRhk>,
    #[serde(default)]
    pub uraian: String,
    pub penugasan_dari: Option<String>,
    pub intervensi_rhk_id: Option<i64>,
    pub dasar_kaskade: Option<DasarKaskade>,
    pub perspektif: Option<Perspektif>,
}

/// What is written for an IKI.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct IkiMasuk {
    pub aspek: Option<AspekIki>,
    #[serde(default)]
    pub indikator: String,
    #[serde(default)]
    pub target: String,
}

/// The leader's RHK a member may intervene, as the check needs them.
#[derive(Debug, Clone, PartialEq)]
pub struct RhkPimpinan {
    pub id: i64,
    pub uraian: String,
}

/// One SKP with everything in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Skp {
    pub id: i64,
    pub pegawai_id: i64,
    pub tahun: i32,
    pub unit_id: Option<i64>,
    pub jabatan_id: Option<i64>,
    pub jenis_jabatan: Option<JenisJabatan>,
    /// Head of a perangkat daerah below JPT rank (a Camat): JPT formats.
    #[serde(default)]
    pub pimpinan_unit_mandiri: bool,
    pub format: FormatSkp,
    pub pendekatan: Pendekatan,
    pub tugas_belajar: bool,
    pub status: StatusSkp,
    /// The number of the latest set version (0 before the first tetapkan).
    pub nomor_versi: i32,
    /// The first and last day this SKP covers (a mutasi closes it early).
    pub mulai: NaiveDate,
    pub selesai: NaiveDate,
    /// PPPK: the perjanjian kerja the expectation refers to (Pasal 7(2)).
    pub perjanjian_kerja: Option<String>,
    pub lampiran: Lampiran,
    /// Ekspektasi khusus pimpinan per perilaku aspect (Pasal 9(4)).
    pub ekspektasi_khusus: BTreeMap<AspekPerilaku, String>,
    /// The rater's notes when returning it.
    pub catatan_pengembalian: Option<String>,
    /// Why the current revision was opened.
    pub alasan_revisi: Option<String>,
    pub ditetapkan_pada: Option<NaiveDate>,
    pub rhk: Vec<Rhk>,
}

/// The years an SKP (and anything planned for a year) can be made for.
pub const RENTANG_TAHUN: std::ops::RangeInclusive<i32> = 2000..=2100;

pub fn periksa_tahun(tahun: i32) -> HasilSkp<()> {
    if RENTANG_TAHUN.contains(&tahun) {
        return Ok(());
    }
    Err(GalatSkp::tidak_valid(
        "tahun",
        format!("Tahun di luar rentang 2000–2100: {tahun}"),
    ))
}

/// A required text of the planning stage: trimmed, not empty, at most 2000 characters.
pub fn wajib_teks(bidang: &str, nilai: &str, nama: &str) -> HasilSkp<String> {
    let v = nilai.trim();
    if v.is_empty() {
        return Err(GalatSkp::tidak_valid(bidang, format!("{nama} wajib diisi")));
    }
    if v.chars().count() > 2000 {
        return Err(GalatSkp::tidak_valid(
            bidang,
            format!("{nama} terlalu panjang (paling banyak 2000 karakter)"),
        ));
    }
    Ok(v.to_string())
}

impl Skp {
    /// A new draft for a pegawai's year (or the rest of it, from `mulai`).
    #[allow(clippy::too_many_arguments)]
    pub fn baru(
        pegawai_id: i64,
        tahun: i32,
        unit_id: Option<i64>,
        jabatan_id: Option<i64>,
        jenis_jabatan: Option<JenisJabatan>,
        pendekatan: Pendekatan,
        tugas_belajar: bool,
        mulai: Option<NaiveDate>,
    ) -> HasilSkp<Skp> {
        periksa_tahun(tahun)?;
        let awal = NaiveDate::from_ymd_opt(tahun, 1, 1)
            .ok_or_else(|| GalatSkp::tidak_valid("tahun", format!("Tahun {tahun} tidak valid")))?;
        let akhir = NaiveDate::from_ymd_opt(tahun, 12, 31).unwrap_or(awal);
        let mulai = mulai.unwrap_or(awal);
        if mulai < awal || mulai > akhir {
            return Err(GalatSkp::tidak_valid(
                "mulai",
                format!("Tanggal mulai harus di dalam tahun {tahun}"),
            ));
        }
        Ok(Skp {
            id: 0,
            pegawai_id,
            tahun,
            unit_id,
            jabatan_id,
            jenis_jabatan,
            pimpinan_unit_mandiri: false,
            format: FormatSkp::untuk(jenis_jabatan, false, pendekatan, tugas_belajar),
            pendekatan,
            tugas_belajar,
            status: StatusSkp::Draf,
            nomor_versi: 0,
            mulai,
            selesai: akhir,
            perjanjian_kerja: None,
            lampiran: Lampiran::default(),
            ekspektasi_khusus: BTreeMap::new(),
            catatan_pengembalian: None,
            alasan_revisi: None,
            ditetapkan_pada: None,
            rhk: Vec::new(),
        })
    }

    /// The pegawai heads a perangkat daerah below JPT rank (see
    /// `penilai::Organisasi::pimpinan_unit_mandiri`): the JPT formats apply.
    pub fn sebagai_pimpinan_unit_mandiri(mut self, ya: bool) -> Skp {
        self.pimpinan_unit_mandiri = ya;
        self.format = FormatSkp::untuk(self.jenis_jabatan, ya, self.pendekatan, self.tugas_belajar);
        self
    }

    /// Copy last year's content (RHK, IKI, lampiran) into this fresh draft. Links to the
    /// leader's RHK of last year, ekspektasi khusus and assignments do not carry over: the
    /// leader's plan for the new year is new.
    pub fn salin_isi_dari(&mut self, lama: &Skp) {
        self.lampiran = lama.lampiran.clone();
        self.perjanjian_kerja = lama.perjanjian_kerja.clone();
        self.rhk = lama
            .rhk
            .iter()
            .map(|r| Rhk {
                id: None,
                intervensi_rhk_id: None,
                dasar_kaskade: None,
                penugasan_id: None,
                iki: r
                    .iki
                    .iter()
                    .map(|i| Iki {
                        id: None,
                        ..i.clone()
                    })
                    .collect(),
                perspektif: if self.format.jpt() {
                    r.perspektif
                } else {
                    None
                },
                ..r.clone()
            })
            .collect();
        if !self.format.jpt() {
            for i in self.rhk.iter_mut().flat_map(|r| r.iki.iter_mut()) {
                i.manual_indikator = None;
            }
        }
    }

    fn wajib_dapat_diubah(&self) -> HasilSkp<()> {
        match self.status {
            s if s.dapat_diubah() => Ok(()),
            StatusSkp::Diajukan => Err(GalatSkp::Status(
                "SKP sedang diajukan kepada pejabat penilai; tunggu sampai dikembalikan atau ditetapkan".into(),
            )),
            StatusSkp::Ditetapkan => Err(GalatSkp::Status(
                "SKP sudah ditetapkan; perubahan harus dibuat sebagai versi baru: buka revisi dengan alasan terlebih dahulu".into(),
            )),
            _ => Err(GalatSkp::Status(
                "SKP sudah ditutup (mutasi); perubahan dibuat pada SKP di tempat yang baru".into(),
            )),
        }
    }

    /// For the rater's edits in the matriks: also allowed while the SKP awaits their decision.
    fn wajib_dapat_diubah_penilai(&self) -> HasilSkp<()> {
        if self.status == StatusSkp::Diajukan {
            return Ok(());
        }
        self.wajib_dapat_diubah()
    }

    pub fn cari_rhk(&self, id: i64) -> HasilSkp<usize> {
        self.rhk
            .iter()
            .position(|r| r.id == Some(id))
            .ok_or_else(|| GalatSkp::TidakAda(format!("RHK {id} tidak ada dalam SKP ini")))
    }

    /// (RHK index, IKI index) of an IKI.
    pub fn cari_iki(&self, id: i64) -> HasilSkp<(usize, usize)> {
        self.rhk
            .iter()
            .enumerate()
            .find_map(|(ri, r)| {
                r.iki
                    .iter()
                    .position(|i| i.id == Some(id))
                    .map(|ii| (ri, ii))
            })
            .ok_or_else(|| GalatSkp::TidakAda(format!("IKI {id} tidak ada dalam SKP ini")))
    }

    /// Check an RHK as written, against the leader's RHK it may intervene.
    fn periksa_rhk(&self, m: &RhkMasuk, pimpinan: &[RhkPimpinan]) -> HasilSkp<Rhk> {
        let jenis = m.jenis.unwrap_or(JenisRhk::Utama);
        let uraian = wajib_teks("uraian", &m.uraian, "Uraian RHK")?;
        let penugasan_dari = m
            .penugasan_dari
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty());
        let penugasan_dari =
            match (jenis, penugasan_dari) {
                (_, Some(p)) => wajib_teks("penugasan_dari", p, "Penugasan dari")?,
                (JenisRhk::Tambahan, None) => return Err(GalatSkp::tidak_valid(
                    "penugasan_dari",
                    "RHK tambahan wajib menyebut pimpinan atau tim kerja yang memberi penugasan",
                )),
                (JenisRhk::Utama, None) => "Pejabat penilai".to_string(),
            };
        if let Some(id) = m.intervensi_rhk_id {
            if !pimpinan.iter().any(|r| r.id == id) {
                return Err(GalatSkp::tidak_valid(
                    "intervensi_rhk_id",
                    "RHK yang diintervensi harus RHK pejabat penilai Anda pada tahun yang sama",
                ));
            }
        }
        if m.dasar_kaskade.is_some() && m.intervensi_rhk_id.is_none() {
            return Err(GalatSkp::tidak_valid(
                "dasar_kaskade",
                "Dasar kaskade hanya berlaku untuk RHK yang mengintervensi RHK pimpinan",
            ));
        }
        if m.perspektif.is_some() && !self.format.jpt() {
            return Err(GalatSkp::tidak_valid(
                "perspektif",
                "Perspektif hanya dipakai pada SKP JPT (format 1 dan 2)",
            ));
        }
        Ok(Rhk {
            id: None,
            jenis,
            uraian,
            penugasan_dari,
            intervensi_rhk_id: m.intervensi_rhk_id,
            dasar_kaskade: m.dasar_kaskade,
            perspektif: m.perspektif,
            penugasan_id: None,
            iki: Vec::new(),
        })
    }

    fn periksa_iki(&self, m: &IkiMasuk) -> HasilSkp<Iki> {
        let indikator = wajib_teks("indikator", &m.indikator, "Indikator kinerja individu")?;
        let target = Target::parse(&m.target, self.pendekatan)?;
        if self.format.ja_jf() && m.aspek.is_none() {
            return Err(GalatSkp::tidak_valid(
                "aspek",
                "Aspek IKI (kuantitas, kualitas, waktu atau biaya) wajib dipilih pada format JA/JF",
            ));
        }
        Ok(Iki {
            id: None,
            aspek: m.aspek,
            indikator,
            target,
            manual_indikator: None,
        })
    }

    /// Add an RHK with its first IKI (an RHK without an indicator cannot be measured).
    pub fn tambah_rhk(
        &mut self,
        m: &RhkMasuk,
        iki: &IkiMasuk,
        pimpinan: &[RhkPimpinan],
    ) -> HasilSkp<usize> {
        self.wajib_dapat_diubah()?;
        self.sisipkan_rhk(m, iki, pimpinan)
    }

    fn sisipkan_rhk(
        &mut self,
        m: &RhkMasuk,
        iki: &IkiMasuk,
        pimpinan: &[RhkPimpinan],
    ) -> HasilSkp<usize> {
        if self.rhk.len() >= 100 {
            return Err(GalatSkp::tidak_valid(
                "rhk",
                "Satu SKP paling banyak memuat 100 RHK",
            ));
        }
        let mut r = self.periksa_rhk(m, pimpinan)?;
        r.iki.push(self.periksa_iki(iki)?);
        self.rhk.push(r);
        Ok(self.rhk.len() - 1)
    }

    pub fn ubah_rhk(&mut self, id: i64, m: &RhkMasuk, pimpinan: &[RhkPimpinan]) -> HasilSkp<()> {
        self.wajib_dapat_diubah()?;
        self.ganti_rhk(id, m, pimpinan)
    }

    fn ganti_rhk(&mut self, id: i64, m: &RhkMasuk, pimpinan: &[RhkPimpinan]) -> HasilSkp<()> {
        let i = self.cari_rhk(id)?;
        let baru = self.periksa_rhk(m, pimpinan)?;
        let r = &mut self.rhk[i];
        r.jenis = baru.jenis;
        r.uraian = baru.uraian;
        r.penugasan_dari = baru.penugasan_dari;
        r.intervensi_rhk_id = baru.intervensi_rhk_id;
        r.dasar_kaskade = baru.dasar_kaskade;
        r.perspektif = baru.perspektif;
        Ok(())
    }

    pub fn hapus_rhk(&mut self, id: i64) -> HasilSkp<Rhk> {
        self.wajib_dapat_diubah()?;
        let i = self.cari_rhk(id)?;
        Ok(self.rhk.remove(i))
    }

    pub fn tambah_iki(&mut self, rhk_id: i64, m: &IkiMasuk) -> HasilSkp<()> {
        self.wajib_dapat_diubah()?;
        let ri = self.cari_rhk(rhk_id)?;
        if self.rhk[ri].iki.len() >= 20 {
            return Err(GalatSkp::tidak_valid(
                "iki",
                "Satu RHK paling banyak memuat 20 IKI",
            ));
        }
        let iki = self.periksa_iki(m)?;
        self.rhk[ri].iki.push(iki);
        Ok(())
    }

    pub fn ubah_iki(&mut self, id: i64, m: &IkiMasuk) -> HasilSkp<()> {
        self.wajib_dapat_diubah()?;
        let (ri, ii) = self.cari_iki(id)?;
        let baru = self.periksa_iki(m)?;
        let i = &mut self.rhk[ri].iki[ii];
        i.aspek = baru.aspek;
        i.indikator = baru.indikator;
        i.target = baru.target;
        Ok(())
    }

    pub fn hapus_iki(&mut self, id: i64) -> HasilSkp<()> {
        self.wajib_dapat_diubah()?;
        let (ri, ii) = self.cari_iki(id)?;
        if self.rhk[ri].iki.len() == 1 {
            return Err(GalatSkp::Status(
                "IKI terakhir sebuah RHK tidak dapat dihapus; hapus RHK-nya atau tambah IKI lain dahulu".into(),
            ));
        }
        self.rhk[ri].iki.remove(ii);
        Ok(())
    }

    /// Manual indikator, for JPT formats only.
    pub fn atur_manual_indikator(&mut self, iki_id: i64, m: ManualIndikator) -> HasilSkp<()> {
        self.wajib_dapat_diubah()?;
        if !self.format.jpt() {
            return Err(GalatSkp::tidak_valid(
                "manual_indikator",
                "Manual indikator hanya disusun untuk SKP JPT (format 1 dan 2)",
            ));
        }
        let (ri, ii) = self.cari_iki(iki_id)?;
        let m = m.periksa()?;
        self.rhk[ri].iki[ii].manual_indikator = Some(m);
        Ok(())
    }

    pub fn atur_lampiran(&mut self, l: Lampiran) -> HasilSkp<()> {
        self.wajib_dapat_diubah()?;
        let bersih = |v: Vec<String>, bidang: &str| -> HasilSkp<Vec<String>> {
            let v: Vec<String> = v
                .into_iter()
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect();
            if v.len() > 50 || v.iter().any(|s| s.chars().count() > 2000) {
                return Err(GalatSkp::tidak_valid(
                    bidang,
                    "Paling banyak 50 butir, masing-masing paling banyak 2000 karakter",
                ));
            }
            Ok(v)
        };
        self.lampiran = Lampiran {
            dukungan_sumber_daya: bersih(l.dukungan_sumber_daya, "dukungan_sumber_daya")?,
            skema_pertanggungjawaban: bersih(
                l.skema_pertanggungjawaban,
                "skema_pertanggungjawaban",
            )?,
            konsekuensi: bersih(l.konsekuensi, "konsekuensi")?,
            frekuensi_umpan_balik: l.frekuensi_umpan_balik,
        };
        Ok(())
    }

    pub fn atur_perjanjian_kerja(&mut self, teks: Option<String>) -> HasilSkp<()> {
        self.wajib_dapat_diubah()?;
        self.perjanjian_kerja = match teks.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(t) => Some(wajib_teks("perjanjian_kerja", t, "Perjanjian kerja")?),
        };
        Ok(())
    }

    /// The rater's approach for this SKP; the format follows.
    pub fn atur_pendekatan(&mut self, p: Pendekatan) -> HasilSkp<()> {
        self.wajib_dapat_diubah_penilai()?;
        if p != self.pendekatan {
            for iki in self.rhk.iter().flat_map(|r| &r.iki) {
                Target::parse(&iki.target.teks, p).map_err(|_| {
                    GalatSkp::tidak_valid(
                        "pendekatan",
                        format!(
                            "Target IKI \"{}\" tidak berbentuk angka dengan satuan; ubah targetnya dahulu sebelum beralih ke pendekatan {}",
                            iki.indikator,
                            p.label().to_lowercase()
                        ),
                    )
                })?;
            }
        }
        self.pendekatan = p;
        self.format = FormatSkp::untuk(
            self.jenis_jabatan,
            self.pimpinan_unit_mandiri,
            p,
            self.tugas_belajar,
        );
        Ok(())
    }

    /// Ekspektasi khusus pimpinan for one perilaku aspect (empty text removes it).
    pub fn atur_ekspektasi_khusus(&mut self, aspek: AspekPerilaku, teks: &str) -> HasilSkp<()> {
        self.wajib_dapat_diubah_penilai()?;
        if teks.trim().is_empty() {
            self.ekspektasi_khusus.remove(&aspek);
        } else {
            let t = wajib_teks("ekspektasi_khusus", teks, "Ekspektasi khusus")?;
            self.ekspektasi_khusus.insert(aspek, t);
        }
        Ok(())
    }

    /// The rater writes or edits a member RHK from the matriks peran hasil (one record, two
    /// views): allowed while the SKP is still being planned, including while it awaits them.
    pub fn simpan_rhk_matriks(
        &mut self,
        rhk_id: Option<i64>,
        m: &RhkMasuk,
        iki: &IkiMasuk,
        pimpinan: &[RhkPimpinan],
    ) -> HasilSkp<usize> {
        self.wajib_dapat_diubah_penilai()?;
        if m.intervensi_rhk_id.is_none() {
            return Err(GalatSkp::tidak_valid(
                "intervensi_rhk_id",
                "Sel matriks peran hasil harus menyebut RHK pimpinan yang diintervensi",
            ));
        }
        match rhk_id {
            None => self.sisipkan_rhk(m, iki, pimpinan),
            Some(id) => {
                self.ganti_rhk(id, m, pimpinan)?;
                let ri = self.cari_rhk(id)?;
                let baru = self.periksa_iki(iki)?;
                match self.rhk[ri].iki.first_mut() {
                    Some(i) => {
                        i.aspek = baru.aspek;
                        i.indikator = baru.indikator;
                        i.target = baru.target;
                    }
                    None => self.rhk[ri].iki.push(baru),
                }
                Ok(ri)
            }
        }
    }

    /// An accepted assignment becomes an RHK naming the assigner (Pasal 37, pola penugasan).
    /// On a set SKP this changes the set document, so it makes a new numbered version at once
    /// (the rater, who sets the SKP, is the one accepting); answers whether it did.
    pub fn terima_penugasan(
        &mut self,
        penugasan_id: i64,
        m: &RhkMasuk,
        iki: &IkiMasuk,
    ) -> HasilSkp<(usize, bool)> {
        if self.status == StatusSkp::Ditutup {
            self.wajib_dapat_diubah()?;
        }
        let i = self.sisipkan_rhk(m, iki, &[])?;
        self.rhk[i].penugasan_id = Some(penugasan_id);
        let versi_baru = self.status == StatusSkp::Ditetapkan;
        if versi_baru {
            self.nomor_versi += 1;
        }
        Ok((i, versi_baru))
    }

    /// What keeps the SKP from being submitted, as (field, message) pairs.
    pub fn kekurangan(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        if !self.rhk.iter().any(|r| r.jenis == JenisRhk::Utama) {
            out.push(("rhk".into(), "SKP belum memuat RHK utama".into()));
        }
        for (n, r) in self.rhk.iter().enumerate() {
            if r.iki.is_empty() {
                out.push((
                    format!("rhk[{n}].iki"),
                    format!("RHK \"{}\" belum memiliki IKI", r.uraian),
                ));
            }
            if self.format.jpt() && r.perspektif.is_none() {
                out.push((
                    format!("rhk[{n}].perspektif"),
                    format!("RHK \"{}\" belum memiliki perspektif", r.uraian),
                ));
            }
        }
        out
    }

    /// For a PPPK the expectation refers to the perjanjian kerja (Pasal 7(2)): it must be named
    /// before the SKP is submitted.
    pub fn wajib_perjanjian_kerja(&self) -> HasilSkp<()> {
        if self.perjanjian_kerja.is_none() {
            return Err(GalatSkp::tidak_valid(
                "perjanjian_kerja",
                "SKP pegawai PPPK harus merujuk perjanjian kerja (nomor dan tanggal, atau tautan dokumennya)",
            ));
        }
        Ok(())
    }

    /// The pegawai signs and submits the SKP to the rater.
    pub fn ajukan(&mut self) -> HasilSkp<()> {
        self.wajib_dapat_diubah()?;
        if let Some((bidang, pesan)) = self.kekurangan().into_iter().next() {
            return Err(GalatSkp::TidakValid { bidang, pesan });
        }
        self.status = StatusSkp::Diajukan;
        Ok(())
    }

    fn wajib_diajukan(&self, aksi: &str) -> HasilSkp<()> {
        if self.status != StatusSkp::Diajukan {
            return Err(GalatSkp::Status(format!(
                "SKP hanya dapat {aksi} setelah diajukan pegawai (status sekarang: {})",
                self.status.label().to_lowercase()
            )));
        }
        Ok(())
    }

    /// The rater sets the SKP: a new numbered version.
    pub fn tetapkan(&mut self, tanggal: NaiveDate) -> HasilSkp<i32> {
        self.wajib_diajukan("ditetapkan")?;
        self.status = StatusSkp::Ditetapkan;
        self.nomor_versi += 1;
        // The first setting is the one the end-of-January deadline is judged on.
        self.ditetapkan_pada.get_or_insert(tanggal);
        self.catatan_pengembalian = None;
        self.alasan_revisi = None;
        Ok(self.nomor_versi)
    }

    /// The rater returns the SKP with notes for the pegawai.
    pub fn kembalikan(&mut self, catatan: &str) -> HasilSkp<()> {
        self.wajib_diajukan("dikembalikan")?;
        let c = wajib_teks("catatan", catatan, "Catatan pengembalian")?;
        self.status = StatusSkp::Dikembalikan;
        self.catatan_pengembalian = Some(c);
        Ok(())
    }

    /// Open a revision of a set SKP; the set version stays in force until the revision is set.
    pub fn buka_revisi(&mut self, alasan: &str) -> HasilSkp<()> {
        if self.status != StatusSkp::Ditetapkan {
            return Err(GalatSkp::Status(format!(
                "Revisi hanya dapat dibuka pada SKP yang sudah ditetapkan (status sekarang: {})",
                self.status.label().to_lowercase()
            )));
        }
        let a = wajib_teks("alasan", alasan, "Alasan revisi")?;
        self.status = StatusSkp::Revisi;
        self.alasan_revisi = Some(a);
        Ok(())
    }

    /// A mutasi ends this SKP on the day before `tanggal`.
    pub fn tutup(&mut self, tanggal: NaiveDate) -> HasilSkp<()> {
        if self.status == StatusSkp::Ditutup {
            return Err(GalatSkp::Status("SKP ini sudah ditutup".into()));
        }
        if tanggal <= self.mulai || tanggal.year() != self.tahun {
            return Err(GalatSkp::tidak_valid(
                "tanggal",
                format!(
                    "Tanggal mutasi harus sesudah {} dan di dalam tahun {}",
                    crate::periode::tanggal_indonesia(self.mulai),
                    self.tahun
                ),
            ));
        }
        self.status = StatusSkp::Ditutup;
        self.selesai = tanggal.pred_opt().unwrap_or(tanggal);
        Ok(())
    }

    /// See [`batas_penetapan`].
    pub fn batas_penetapan(&self) -> NaiveDate {
        batas_penetapan(self.tahun, self.mulai)
    }

    /// See [`terlambat`].
    pub fn terlambat(&self, hari_ini: NaiveDate) -> bool {
        terlambat(
            self.tahun,
            self.mulai,
            self.ditetapkan_pada,
            self.status,
            hari_ini,
        )
    }
}

/// The day by which an SKP must be set: the end of January (Pasal 13(1)); an SKP that starts
/// later in the year (mutasi, new appointment) gets 30 days from its start.
pub fn batas_penetapan(tahun: i32, mulai: NaiveDate) -> NaiveDate {
    crate::tenggat::batas_penetapan_skp(tahun).max(mulai + chrono::Duration::days(30))
}

/// Late: first set after its deadline, or still not set on `hari_ini` past it (a closed SKP
/// that was never set is not counted late: its pegawai moved).
pub fn terlambat(
    tahun: i32,
    mulai: NaiveDate,
    ditetapkan_pada: Option<NaiveDate>,
    status: StatusSkp,
    hari_ini: NaiveDate,
) -> bool {
    let batas = batas_penetapan(tahun, mulai);
    match ditetapkan_pada {
        Some(d) => d > batas,
        None => status != StatusSkp::Ditutup && hari_ini > batas,
    }
}

#[cfg(test)]
mod tests;
