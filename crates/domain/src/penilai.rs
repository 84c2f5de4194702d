//! Pejabat penilai kinerja and atasan pejabat penilai (Pasal 1 angka 16 and Pasal 26 of Perwali
//! Bekasi 38/2023, with its Lampiran II): rater resolution as a pure function over the
//! organisation.
//!
//! # Rules, in order
//!
//! 1. An admin override (`PenggantiPenilai`) for the pegawai wins (dasar `override`). It may set
//!    the rater, the atasan, or both; a part it leaves empty is resolved normally.
//! 2. Else the instansi's rater table (Lampiran II, Pasal 26(4)) when a row matches the pegawai's
//!    position (dasar `tabel_penilai`).
//! 3. Else the direct superior (Pasal 26(1), dasar `hierarki`), walking up past positions below
//!    pejabat pengawas (Pasal 1 angka 16) until a pengawas or higher, or the non-ASN head of
//!    region (jenis `None`, the Wali Kota).
//! 4. Whatever position was chosen: its pemangku rates; if vacant, its Plt, else its Plh
//!    (Pasal 26(2), dasar `plt` / `plh`); if vacant with neither, the authority passes to the next
//!    superior up the hierarchy (Pasal 26(3), dasar `kekosongan`), checked the same way. A person
//!    who cannot act (the pegawai being rated; for the atasan, the rater) is skipped the same way.
//! 5. The atasan pejabat penilai comes from the matched table row's atasan column; otherwise it is
//!    the rater's own rater. The same vacancy / Plt / Plh handling applies. The atasan is never
//!    the same person as the rater and never below the acting rater, except for the Kepala Daerah
//!    who is both for the Sekretaris Daerah and the heads of perangkat daerah.
//! 6. The Kepala Daerah has no rater.
//!
//! # Matching a table row
//!
//! The row's `unit_type` must equal the Lampiran II type inherited by the pegawai's unit, and its
//! `position` must equal the jabatan's `posisi_lampiran` (or, when that is empty, its title), both
//! after [`normalisasi_nama`]. No fuzzy guessing beyond that normalisation.
//!
//! # Alternatives separated by "/"
//!
//! Lampiran II writes some raters as alternatives ("Kepala Seksi/ Kepala Bidang" with atasan
//! "Kepala Bidang/ Kepala Dinas": whichever of them is the pegawai's superior), but "/" also
//! occurs inside single names ("Kepala TK/PAUD/PNF", "Pelaksana/Fungsional", "Instalasi/Unit").
//! The rule ([`alternatif_penilai`]): the rater and atasan cells are split into alternatives only
//! when both split on "/" into the same number (at least two) of non-empty parts, paired by index;
//! otherwise each cell is one name. In the Bekasi table that splits exactly the "Jabatan
//! Fungsional/Pelaksana" rows with two raters; "Kepala TK/PAUD/PNF" (three parts, paired with a
//! one-part atasan) stays whole. The `position` column is never split.
//!
//! # Finding the position a name refers to
//!
//! A position carries a name when its `posisi_lampiran` or its title equals the name after
//! normalisation, or its title starts with the name followed by a space ("Kepala Bidang Pendidikan
//! Dasar" carries "Kepala Bidang"; "Kepala Sub Bagian Umum" does not carry "Kepala Bagian"; a
//! specific name such as "Kepala Seksi GTK PAUD" is carried only by that title or a longer title
//! that begins with it).
//!
//! * Rater: the nearest position up the pegawai's superior chain that carries any alternative.
//!   When the cell is a single name not in the chain, the organisation is searched (see below).
//! * Atasan: the rater's superior chain, then the pegawai's, then the organisation.
//! * Organisation search: climbing from the pegawai's unit, the first enclosing unit whose subtree
//!   holds exactly one position carrying the name (two or more is ambiguous: not found). At a root
//!   unit above the pegawai's perangkat daerah, and instansi-wide at the end, only an exact title
//!   counts ("Sekretaris Daerah", "Wali Kota").
//!
//! When the rater named by the row is not found, rule 3 applies; when the atasan named by the row
//! is not found, the rater's own rater is used. The keterangan says so.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::enumerasi;
use crate::jabatan::JenisJabatan;

pub type UnitId = i64;
pub type JabatanId = i64;
pub type PegawaiId = i64;

/// A unit kerja in the organisation tree.
#[derive(Debug, Clone)]
pub struct UnitOrg {
    pub id: UnitId,
    pub parent_id: Option<UnitId>,
    pub nama: String,
    /// Lampiran II unit type (the CSV's unit_type, e.g. "DINAS", "KECAMATAN") — set on the root
    /// unit of a perangkat daerah; units below inherit it from the nearest ancestor that has it.
    pub tipe_lampiran: Option<String>,
}

/// A position (jabatan) in a unit, with its holder and acting officials.
#[derive(Debug, Clone)]
pub struct JabatanOrg {
    pub id: JabatanId,
    pub unit_id: UnitId,
    /// Full title, e.g. "Kepala Bidang Pendidikan Dasar", "Kepala Seksi GTK PAUD",
    /// "Analis Kepegawaian Ahli Muda"
    pub nama: String,
    /// None = a non-ASN head of region (Wali Kota / Kepala Daerah)
    pub jenis: Option<JenisJabatan>,
    /// The Lampiran II position this jabatan corresponds to — the CSV's `position` text, e.g.
    /// "Kepala Bidang", "Jabatan Fungsional/Pelaksana pada Bidang", "Camat". Optional: without
    /// it, the resolver tries the title.
    pub posisi_lampiran: Option<String>,
    /// Direct superior position
    pub atasan_id: Option<JabatanId>,
    pub pemangku: Option<PegawaiId>,
    pub plt: Option<PegawaiId>,
    pub plh: Option<PegawaiId>,
}

/// One row of the rater table (Lampiran II).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct AturanPenilai {
    pub tipe_unit: String,
    pub posisi: String,
    pub pejabat_penilai: String,
    pub atasan_pejabat_penilai: String,
    pub keterangan: String,
}

/// An admin override of the rater and/or atasan of one pegawai.
#[derive(Debug, Clone)]
pub struct PenggantiPenilai {
    pub pegawai_id: PegawaiId,
    pub pejabat_penilai: Option<PegawaiId>,
    pub atasan_pejabat_penilai: Option<PegawaiId>,
    pub alasan: String,
}

enumerasi!(
    /// The rule that decided a pejabat penilai or atasan pejabat penilai.
    Dasar, "dasar", {
        TabelPenilai => ("tabel_penilai", "Tabel pejabat penilai instansi (Lampiran II)"),
        Hierarki => ("hierarki", "Atasan langsung menurut hierarki"),
        Plt => ("plt", "Pelaksana tugas (Plt) memegang kewenangan"),
        Plh => ("plh", "Pelaksana harian (Plh) memegang kewenangan"),
        Kekosongan => ("kekosongan", "Jabatan kosong: kewenangan beralih ke atasan berikutnya"),
        Override => ("override", "Ditetapkan admin (override)"),
    }
);

/// Who holds a rater authority, and why.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Penilai {
    /// The position whose authority is exercised; None when set by override to a person.
    pub jabatan_id: Option<JabatanId>,
    /// Who acts; None only if nobody can (e.g. a Wali Kota position with no holder record).
    pub pegawai_id: Option<PegawaiId>,
    /// The rule that decided this person.
    pub dasar: Dasar,
    /// Indonesian explanation, e.g. "Lampiran II DINAS: Kepala Bidang dinilai oleh Kepala Dinas;
    /// jabatan Kepala Dinas kosong, Plt memegang kewenangan".
    pub keterangan: String,
}

/// The resolved pejabat penilai and atasan pejabat penilai of one pegawai.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct HasilPenilai {
    pub pejabat_penilai: Option<Penilai>,
    pub atasan_pejabat_penilai: Option<Penilai>,
    /// The pejabat penilai's dasar, or `hierarki` when there is none.
    pub dasar: Dasar,
}

/// Why a rater cannot be resolved.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PenilaiError {
    #[error("Pegawai tidak memangku jabatan apa pun")]
    TanpaJabatan,
    #[error("Jabatan dengan id {0} tidak ditemukan dalam organisasi")]
    JabatanTidakDikenal(JabatanId),
    #[error(
        "Hierarki atasan langsung berputar (siklus) pada jabatan dengan id {jabatan_id}; \
         periksa isian atasan langsung"
    )]
    SiklusHierarki { jabatan_id: JabatanId },
    #[error("Pengganti pejabat penilai untuk pegawai dengan id {pegawai_id} menunjuk pegawai itu sendiri")]
    PenggantiDiriSendiri { pegawai_id: PegawaiId },
}

/// The header of the rater table CSV.
pub const KOLOM_TABEL_PENILAI: [&str; 5] = [
    "unit_type",
    "position",
    "pejabat_penilai",
    "atasan_pejabat_penilai",
    "keterangan",
];

/// Kota Bekasi's Lampiran II (Perwali 38/2023) as shipped with the product: the default table.
pub const TABEL_PENILAI_BEKASI: &str = include_str!("../data/bekasi_raters.csv");

/// Normalises a position or unit-type name for comparison: lowercase, whitespace collapsed, no
/// spaces around "/", and the misspelling "Sekertariat" read as "Sekretariat".
pub fn normalisasi_nama(s: &str) -> String {
    let lower = s.to_lowercase();
    let collapsed = lower.split_whitespace().collect::<Vec<_>>().join(" ");
    collapsed
        .replace(" /", "/")
        .replace("/ ", "/")
        .replace("sekertariat", "sekretariat")
}

/// The (pejabat penilai, atasan pejabat penilai) alternatives of a row, paired by index.
///
/// Both cells are split on "/" only when they split into the same number (at least two) of
/// non-empty parts; otherwise each cell is a single name (so "Kepala TK/PAUD/PNF" paired with
/// "Kepala Seksi GTK PAUD" stays one name). Parts are trimmed.
pub fn alternatif_penilai(aturan: &AturanPenilai) -> Vec<(String, String)> {
    let penilai: Vec<&str> = aturan.pejabat_penilai.split('/').map(str::trim).collect();
    let atasan: Vec<&str> = aturan
        .atasan_pejabat_penilai
        .split('/')
        .map(str::trim)
        .collect();
    let dipisah = penilai.len() >= 2
        && penilai.len() == atasan.len()
        && penilai.iter().chain(atasan.iter()).all(|s| !s.is_empty());
    if dipisah {
        penilai
            .into_iter()
            .zip(atasan)
            .map(|(p, a)| (p.to_string(), a.to_string()))
            .collect()
    } else {
        vec![(
            aturan.pejabat_penilai.trim().to_string(),
            aturan.atasan_pejabat_penilai.trim().to_string(),
        )]
    }
}

/// Parse the rater table CSV text (header
/// `unit_type,position,pejabat_penilai,atasan_pejabat_penilai,keterangan`; the `keterangan`
/// column may be absent). Errors name the line and column in Indonesian. Blank rows are skipped;
/// a second row for the same unit type and position (after normalisation) is an error.
pub fn baca_tabel_penilai(csv_text: &str) -> Result<Vec<AturanPenilai>, Vec<String>> {
    let teks = csv_text.strip_prefix('\u{feff}').unwrap_or(csv_text);
    let mut pembaca = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(teks.as_bytes());
    let judul = match pembaca.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            return Err(vec![format!(
                "Baris 1: baris judul tidak dapat dibaca ({e})"
            )])
        }
    };
    let posisi_kolom = |nama: &str| judul.iter().position(|h| h.eq_ignore_ascii_case(nama));
    let mut galat = Vec::new();
    let mut indeks = [None; 5];
    for (i, nama) in KOLOM_TABEL_PENILAI.iter().enumerate() {
        indeks[i] = posisi_kolom(nama);
        if indeks[i].is_none() && *nama != "keterangan" {
            galat.push(format!(
                "Baris 1: kolom '{nama}' tidak ada pada baris judul (yang diharapkan: {})",
                KOLOM_TABEL_PENILAI.join(",")
            ));
        }
    }
    if !galat.is_empty() {
        return Err(galat);
    }

    let mut hasil = Vec::new();
    let mut sudah: HashMap<(String, String), u64> = HashMap::new();
    for rekaman in pembaca.records() {
        let rekaman = match rekaman {
            Ok(r) => r,
            Err(e) => {
                let baris = e.position().map_or(0, |p| nomor_baris(teks, p.byte()));
                galat.push(format!("Baris {baris}: tidak dapat dibaca ({e})"));
                continue;
            }
        };
        let baris = rekaman
            .position()
            .map_or(0, |p| nomor_baris(teks, p.byte()));
        if rekaman.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if rekaman.len() > judul.len() {
            galat.push(format!(
                "Baris {baris}: ada {} kolom, padahal baris judul hanya {} kolom",
                rekaman.len(),
                judul.len()
            ));
            continue;
        }
        let ambil = |i: Option<usize>| {
            i.and_then(|i| rekaman.get(i))
                .map(str::trim)
                .unwrap_or("")
                .to_string()
        };
        let nilai: Vec<String> = indeks.iter().map(|i| ambil(*i)).collect();
        let mut baris_sah = true;
        for (i, nama) in KOLOM_TABEL_PENILAI.iter().enumerate().take(4) {
            if nilai[i].is_empty() {
                galat.push(format!("Baris {baris}, kolom {nama}: tidak boleh kosong"));
                baris_sah = false;
            }
        }
        if !baris_sah {
            continue;
        }
        let kunci = (normalisasi_nama(&nilai[0]), normalisasi_nama(&nilai[1]));
        if let Some(sebelumnya) = sudah.get(&kunci) {
            galat.push(format!(
                "Baris {baris}, kolom position: posisi '{}' untuk jenis unit '{}' sudah ada pada baris {sebelumnya}",
                nilai[1], nilai[0]
            ));
            continue;
        }
        sudah.insert(kunci, baris);
        let [tipe_unit, posisi, pejabat_penilai, atasan_pejabat_penilai, keterangan]: [String; 5] =
            match nilai.try_into() {
                Ok(v) => v,
                Err(_) => continue,
            };
        hasil.push(AturanPenilai {
            tipe_unit,
            posisi,
            pejabat_penilai,
            atasan_pejabat_penilai,
            keterangan,
        });
    }
    if galat.is_empty() {
        Ok(hasil)
    } else {
        Err(galat)
    }
}

/// The 1-based line on which the record reported at byte `byte` starts. (The csv crate's own line
/// count lags behind blank lines and CRLF endings: its position is where the previous record
/// ended, so line breaks right after it are skipped here.)
fn nomor_baris(teks: &str, byte: u64) -> u64 {
    let b = teks.as_bytes();
    let mut awal = usize::try_from(byte).unwrap_or(b.len()).min(b.len());
    while awal < b.len() && (b[awal] == b'\r' || b[awal] == b'\n') {
        awal += 1;
    }
    1 + b[..awal].iter().filter(|c| **c == b'\n').count() as u64
}

/// Normalised names of one position.
#[derive(Debug, Clone)]
struct NamaNormal {
    judul: String,
    posisi: Option<String>,
}

impl NamaNormal {
    /// Whether the position carries `nama` (already normalised).
    fn memuat(&self, nama: &str) -> bool {
        !nama.is_empty()
            && (self.posisi.as_deref() == Some(nama)
                || self.judul == nama
                || (self.judul.len() > nama.len()
                    && self.judul.starts_with(nama)
                    && self.judul.as_bytes().get(nama.len()) == Some(&b' ')))
    }
}

/// Admin overrides of one pegawai, per part, each with its reason.
#[derive(Debug, Clone, Default)]
struct Pengganti {
    penilai: Option<(PegawaiId, String)>,
    atasan: Option<(PegawaiId, String)>,
}

/// The organisation of one instansi, indexed for rater resolution.
#[derive(Debug, Clone)]
pub struct Organisasi {
    unit: HashMap<UnitId, UnitOrg>,
    jabatan: HashMap<JabatanId, JabatanOrg>,
    nama_normal: HashMap<JabatanId, NamaNormal>,
    /// Normalised name → positions carrying it (see [`NamaNormal::memuat`]).
    indeks_nama: HashMap<String, Vec<JabatanId>>,
    /// Unit → itself and its ancestors, nearest first (cycle-safe).
    leluhur: HashMap<UnitId, Vec<UnitId>>,
    pemangku: HashMap<PegawaiId, JabatanId>,
    aturan: Vec<AturanPenilai>,
    indeks_aturan: HashMap<(String, String), usize>,
    pengganti: HashMap<PegawaiId, Pengganti>,
}

/// Who may not hold an authority during one resolution, and where it started.
#[derive(Debug, Clone, Copy)]
struct Konteks {
    /// The position being rated: reaching it again while walking up means a cycle.
    asal: JabatanId,
    /// The pegawai being rated.
    dinilai: PegawaiId,
    /// For the atasan: the pejabat penilai, who may not also be the atasan ...
    penilai: Option<PegawaiId>,
    /// ... unless both act in this same position of Kepala Daerah.
    jabatan_penilai: Option<JabatanId>,
}

impl Konteks {
    fn tolak(&self, orang: PegawaiId, posisi: &JabatanOrg) -> Option<&'static str> {
        let kepala_daerah_yang_sama =
            posisi.jenis.is_none() && self.jabatan_penilai == Some(posisi.id);
        if orang == self.dinilai {
            Some("pegawai yang dinilai sendiri")
        } else if Some(orang) == self.penilai && !kepala_daerah_yang_sama {
            Some("pejabat penilai sendiri (tidak dapat sekaligus menjadi atasan pejabat penilai)")
        } else {
            None
        }
    }
}

/// How a named position was found.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Cara {
    Rantai,
    Unit(Option<UnitId>),
}

#[derive(Debug)]
enum HasilCari {
    Ketemu(JabatanId, Option<UnitId>),
    Ganda(usize, Option<UnitId>),
    Tidak,
}

/// The table row's atasan, carried from the rater resolution to the atasan resolution.
#[derive(Debug, Clone)]
struct AtasanTabel {
    nama: String,
    tipe: String,
    posisi: String,
}

/// The rater alone, before the atasan is resolved.
#[derive(Debug, Clone, Default)]
struct Resolusi {
    penilai: Option<Penilai>,
    /// The position the rule chose, before vacancy handling.
    posisi_terpilih: Option<JabatanId>,
    atasan_tabel: Option<AtasanTabel>,
}

fn hitung_leluhur(unit: &HashMap<UnitId, UnitOrg>, id: UnitId) -> Vec<UnitId> {
    let mut hasil = Vec::new();
    let mut dilihat = HashSet::new();
    let mut kini = Some(id);
    while let Some(u) = kini {
        if !dilihat.insert(u) {
            break;
        }
        hasil.push(u);
        kini = unit.get(&u).and_then(|x| x.parent_id);
    }
    hasil
}

fn layak_menilai(j: &JabatanOrg) -> bool {
    j.jenis.is_none_or(|k| k.setidaknya_pengawas())
}

impl Organisasi {
    /// Builds the indexes. A later unit or position with the same id replaces the earlier one; a
    /// pegawai who is pemangku of several positions holds the first; several overrides for one
    /// pegawai merge, the later non-empty part winning.
    pub fn new(
        units: Vec<UnitOrg>,
        jabatan: Vec<JabatanOrg>,
        aturan: Vec<AturanPenilai>,
        pengganti: Vec<PenggantiPenilai>,
    ) -> Organisasi {
        let unit: HashMap<UnitId, UnitOrg> = units.into_iter().map(|u| (u.id, u)).collect();

        let mut urutan = Vec::new();
        let mut peta_jabatan: HashMap<JabatanId, JabatanOrg> = HashMap::new();
        for j in jabatan {
            if !peta_jabatan.contains_key(&j.id) {
                urutan.push(j.id);
            }
            peta_jabatan.insert(j.id, j);
        }

        let mut leluhur: HashMap<UnitId, Vec<UnitId>> = HashMap::new();
        let semua_unit = unit
            .keys()
            .copied()
            .chain(peta_jabatan.values().map(|j| j.unit_id));
        for u in semua_unit {
            leluhur.entry(u).or_insert_with(|| hitung_leluhur(&unit, u));
        }

        let mut nama_normal = HashMap::new();
        let mut indeks_nama: HashMap<String, Vec<JabatanId>> = HashMap::new();
        let mut pemangku = HashMap::new();
        for id in &urutan {
            let Some(j) = peta_jabatan.get(id) else {
                continue;
            };
            let judul = normalisasi_nama(&j.nama);
            let posisi = j
                .posisi_lampiran
                .as_deref()
                .map(normalisasi_nama)
                .filter(|p| !p.is_empty());
            let mut kunci: HashSet<String> = HashSet::new();
            if let Some(p) = &posisi {
                kunci.insert(p.clone());
            }
            let kata: Vec<&str> = judul.split(' ').filter(|k| !k.is_empty()).collect();
            for n in 1..=kata.len() {
                kunci.insert(kata[..n].join(" "));
            }
            for k in kunci {
                indeks_nama.entry(k).or_default().push(*id);
            }
            nama_normal.insert(*id, NamaNormal { judul, posisi });
            if let Some(p) = j.pemangku {
                pemangku.entry(p).or_insert(*id);
            }
        }

        let mut indeks_aturan = HashMap::new();
        for (i, a) in aturan.iter().enumerate() {
            indeks_aturan
                .entry((normalisasi_nama(&a.tipe_unit), normalisasi_nama(&a.posisi)))
                .or_insert(i);
        }

        let mut peta_pengganti: HashMap<PegawaiId, Pengganti> = HashMap::new();
        for p in pengganti {
            let e = peta_pengganti.entry(p.pegawai_id).or_default();
            if let Some(q) = p.pejabat_penilai {
                e.penilai = Some((q, p.alasan.clone()));
            }
            if let Some(q) = p.atasan_pejabat_penilai {
                e.atasan = Some((q, p.alasan));
            }
        }

        Organisasi {
            unit,
            jabatan: peta_jabatan,
            nama_normal,
            indeks_nama,
            leluhur,
            pemangku,
            aturan,
            indeks_aturan,
            pengganti: peta_pengganti,
        }
    }

    pub fn jabatan(&self, id: JabatanId) -> Option<&JabatanOrg> {
        self.jabatan.get(&id)
    }

    /// The definitive position held (pemangku), not a Plt/Plh assignment.
    pub fn jabatan_pegawai(&self, pegawai: PegawaiId) -> Option<&JabatanOrg> {
        self.pemangku
            .get(&pegawai)
            .and_then(|id| self.jabatan.get(id))
    }

    pub fn unit(&self, id: UnitId) -> Option<&UnitOrg> {
        self.unit.get(&id)
    }

    /// The Lampiran II unit type of a unit, inherited from the nearest ancestor that has one.
    pub fn tipe_lampiran(&self, unit: UnitId) -> Option<&str> {
        self.akar_lampiran(unit)
            .and_then(|u| self.unit.get(&u))
            .and_then(|u| u.tipe_lampiran.as_deref())
            .map(str::trim)
    }

    /// A pimpinan unit kerja mandiri, treated like JPT for the SKP formats (domain §1): the head
    /// of a perangkat daerah, that is a position in the unit carrying the Lampiran II type whose
    /// superior sits outside that perangkat daerah (or who has none) — a Camat, a Kepala Badan
    /// of administrator rank, a Direktur RSUD.
    pub fn pimpinan_unit_mandiri(&self, jabatan: JabatanId) -> bool {
        let Some(j) = self.jabatan(jabatan) else {
            return false;
        };
        let akar = self.akar_lampiran(j.unit_id);
        if akar != Some(j.unit_id) {
            return false;
        }
        match j.atasan_id.and_then(|a| self.jabatan(a)) {
            None => true,
            Some(a) => self.akar_lampiran(a.unit_id) != akar,
        }
    }

    /// The rater table this organisation resolves with.
    pub fn aturan(&self) -> &[AturanPenilai] {
        &self.aturan
    }

    /// The table row that applies to a position, if any.
    pub fn aturan_jabatan(&self, jabatan: JabatanId) -> Option<&AturanPenilai> {
        self.jabatan(jabatan)
            .and_then(|j| self.cocokkan_aturan(j).ok())
    }

    /// The unit from which `unit` inherits its Lampiran II type.
    fn akar_lampiran(&self, unit: UnitId) -> Option<UnitId> {
        self.leluhur_unit(unit).iter().copied().find(|u| {
            self.unit
                .get(u)
                .and_then(|x| x.tipe_lampiran.as_deref())
                .is_some_and(|t| !t.trim().is_empty())
        })
    }

    fn leluhur_unit(&self, unit: UnitId) -> &[UnitId] {
        self.leluhur.get(&unit).map_or(&[], Vec::as_slice)
    }

    fn nama_unit(&self, unit: UnitId) -> String {
        self.unit
            .get(&unit)
            .map_or_else(|| format!("unit {unit}"), |u| u.nama.clone())
    }

    fn judul(&self, id: JabatanId) -> String {
        self.jabatan
            .get(&id)
            .map_or_else(|| format!("jabatan {id}"), |j| j.nama.clone())
    }

    fn memuat(&self, id: JabatanId, nama: &str) -> bool {
        self.nama_normal.get(&id).is_some_and(|n| n.memuat(nama))
    }

    /// Whether `bawah` is (directly or indirectly) subordinate to `atas`. Cycle-safe.
    fn di_bawah(&self, bawah: JabatanId, atas: JabatanId) -> bool {
        let mut dilihat = HashSet::from([bawah]);
        let mut kini = self.jabatan.get(&bawah).and_then(|j| j.atasan_id);
        while let Some(id) = kini {
            if id == atas {
                return true;
            }
            if !dilihat.insert(id) {
                return false;
            }
            kini = self.jabatan.get(&id).and_then(|j| j.atasan_id);
        }
        false
    }

    /// Walks up from `mulai`'s direct superior and returns the first position for which `f`
    /// gives a value. Reaching a position twice, or the position being rated, is a cycle.
    fn cari_ke_atas<T>(
        &self,
        mulai: JabatanId,
        konteks: Konteks,
        mut f: impl FnMut(&JabatanOrg) -> Option<T>,
    ) -> Result<Option<(JabatanId, T)>, PenilaiError> {
        let mut dilihat = HashSet::from([mulai, konteks.asal]);
        let mut kini = self.jabatan.get(&mulai).and_then(|j| j.atasan_id);
        while let Some(id) = kini {
            if !dilihat.insert(id) {
                return Err(PenilaiError::SiklusHierarki { jabatan_id: id });
            }
            let Some(j) = self.jabatan.get(&id) else {
                return Ok(None);
            };
            if let Some(t) = f(j) {
                return Ok(Some((id, t)));
            }
            kini = j.atasan_id;
        }
        Ok(None)
    }

    /// Rule 3: the nearest superior that is at least pejabat pengawas or the Kepala Daerah, with
    /// the titles of the positions passed over.
    fn pejabat_hierarki(
        &self,
        mulai: JabatanId,
        konteks: Konteks,
    ) -> Result<Option<(JabatanId, Vec<String>)>, PenilaiError> {
        let mut dilewati = Vec::new();
        let hasil = self.cari_ke_atas(mulai, konteks, |j| {
            if layak_menilai(j) {
                Some(())
            } else {
                dilewati.push(j.nama.clone());
                None
            }
        })?;
        Ok(hasil.map(|(id, ())| (id, dilewati)))
    }

    /// Organisation search for a name (normalised): climbing from `unit`, the first enclosing
    /// unit whose subtree holds exactly one allowed position carrying it. At a root unit above
    /// the perangkat daerah, and instansi-wide at the end, only an exact title counts.
    fn cari_di_unit(
        &self,
        nama: &str,
        unit: UnitId,
        boleh: impl Fn(JabatanId) -> bool,
    ) -> HasilCari {
        let kandidat: Vec<JabatanId> = self
            .indeks_nama
            .get(nama)
            .map(|v| v.iter().copied().filter(|id| boleh(*id)).collect())
            .unwrap_or_default();
        if kandidat.is_empty() {
            return HasilCari::Tidak;
        }
        let judul_persis =
            |id: &JabatanId| self.nama_normal.get(id).is_some_and(|n| n.judul == nama);
        let akar_pd = self.akar_lampiran(unit);
        for &u in self.leluhur_unit(unit) {
            let akar = self
                .unit
                .get(&u)
                .and_then(|x| x.parent_id)
                .is_none_or(|p| !self.unit.contains_key(&p));
            let ketat = akar && akar_pd != Some(u);
            let cocok: Vec<JabatanId> = kandidat
                .iter()
                .copied()
                .filter(|id| {
                    self.jabatan
                        .get(id)
                        .is_some_and(|j| self.leluhur_unit(j.unit_id).contains(&u))
                })
                .filter(|id| !ketat || judul_persis(id))
                .collect();
            match cocok.len() {
                0 => continue,
                1 => return HasilCari::Ketemu(cocok[0], Some(u)),
                n => return HasilCari::Ganda(n, Some(u)),
            }
        }
        let persis: Vec<JabatanId> = kandidat.iter().copied().filter(judul_persis).collect();
        match persis.len() {
            0 => HasilCari::Tidak,
            1 => HasilCari::Ketemu(persis[0], None),
            n => HasilCari::Ganda(n, None),
        }
    }

    /// The table row for a position, or why there is none (Indonesian, ends with ". ").
    fn cocokkan_aturan(&self, j: &JabatanOrg) -> Result<&AturanPenilai, String> {
        let Some(tipe) = self.tipe_lampiran(j.unit_id) else {
            return Err(format!(
                "Unit kerja {} tidak memiliki jenis unit Lampiran II. ",
                self.nama_unit(j.unit_id)
            ));
        };
        let posisi = j
            .posisi_lampiran
            .as_deref()
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .unwrap_or(j.nama.as_str());
        let kunci = (normalisasi_nama(tipe), normalisasi_nama(posisi));
        self.indeks_aturan
            .get(&kunci)
            .and_then(|i| self.aturan.get(*i))
            .ok_or_else(|| format!("Tidak ada baris Lampiran II {tipe} untuk posisi '{posisi}'. "))
    }

    /// Describes how a named position was found, for the keterangan.
    fn uraian_temuan(&self, id: JabatanId, nama: &str, cara: Cara) -> String {
        let judul = self.judul(id);
        let mut s = String::new();
        if normalisasi_nama(&judul) != normalisasi_nama(nama) {
            s.push_str(&format!(" ({judul})"));
        }
        if let Cara::Unit(u) = cara {
            let tempat = u.map_or_else(|| "instansi".to_string(), |u| self.nama_unit(u));
            s.push_str(&format!(
                "; {judul} berada di luar garis atasan langsung dan merupakan satu-satunya jabatan itu di {tempat}"
            ));
        }
        s
    }

    fn uraian_gagal(&self, nama: &str, hasil: &HasilCari) -> String {
        match hasil {
            HasilCari::Ganda(n, u) => {
                let tempat = u.map_or_else(|| "instansi".to_string(), |u| self.nama_unit(u));
                format!(
                    "jabatan {nama} tidak ada dalam rantai atasan dan ada {n} jabatan bernama demikian di {tempat}"
                )
            }
            _ => format!("jabatan {nama} tidak ditemukan dalam organisasi"),
        }
    }

    /// Rule 4: who holds the authority of `posisi` (pemangku, Plt, Plh, else the next superior).
    fn pemegang(
        &self,
        posisi: JabatanId,
        dasar: Dasar,
        keterangan: String,
        konteks: Konteks,
    ) -> Result<Penilai, PenilaiError> {
        let mut ket = keterangan;
        let mut kini = posisi;
        let mut beralih = false;
        let mut dilihat = HashSet::new();
        loop {
            if !dilihat.insert(kini) {
                return Err(PenilaiError::SiklusHierarki { jabatan_id: kini });
            }
            let dasar_kini = if beralih { Dasar::Kekosongan } else { dasar };
            let Some(j) = self.jabatan.get(&kini) else {
                ket.push_str(&format!("; jabatan dengan id {kini} tidak ditemukan"));
                return Ok(Penilai {
                    jabatan_id: Some(kini),
                    pegawai_id: None,
                    dasar: dasar_kini,
                    keterangan: ket,
                });
            };
            let kepala_daerah = j.jenis.is_none();
            let calon = [
                (j.pemangku, "pemangku", None),
                (j.plt, "Plt", Some(Dasar::Plt)),
                (j.plh, "Plh", Some(Dasar::Plh)),
            ];
            for (orang, peran, dasar_peran) in calon {
                let Some(p) = orang else {
                    continue;
                };
                if let Some(alasan) = konteks.tolak(p, j) {
                    ket.push_str(&format!("; {peran} jabatan {} adalah {alasan}", j.nama));
                    continue;
                }
                if dasar_peran.is_some() {
                    if j.pemangku.is_none() {
                        ket.push_str(&format!(
                            "; jabatan {} kosong, {peran} memegang kewenangan",
                            j.nama
                        ));
                    } else {
                        ket.push_str(&format!("; {peran} jabatan {} memegang kewenangan", j.nama));
                    }
                }
                let dasar_akhir = if beralih {
                    Dasar::Kekosongan
                } else {
                    dasar_peran.unwrap_or(dasar)
                };
                return Ok(Penilai {
                    jabatan_id: Some(kini),
                    pegawai_id: Some(p),
                    dasar: dasar_akhir,
                    keterangan: ket,
                });
            }
            let kosong = j.pemangku.is_none() && j.plt.is_none() && j.plh.is_none();
            if kepala_daerah {
                if kosong {
                    ket.push_str(&format!(
                        "; jabatan {} tidak memiliki pemangku yang tercatat",
                        j.nama
                    ));
                }
                return Ok(Penilai {
                    jabatan_id: Some(kini),
                    pegawai_id: None,
                    dasar: dasar_kini,
                    keterangan: ket,
                });
            }
            match self.pejabat_hierarki(kini, konteks)? {
                Some((berikut, _)) => {
                    let judul = self.judul(berikut);
                    if kosong {
                        ket.push_str(&format!(
                            "; jabatan {} kosong tanpa Plt/Plh, kewenangan beralih ke {judul}",
                            j.nama
                        ));
                    } else {
                        ket.push_str(&format!("; kewenangan beralih ke {judul}"));
                    }
                    beralih = true;
                    kini = berikut;
                }
                None => {
                    ket.push_str(&format!(
                        "; jabatan {} tidak dapat dijalankan dan tidak ada atasan berikutnya",
                        j.nama
                    ));
                    return Ok(Penilai {
                        jabatan_id: Some(kini),
                        pegawai_id: None,
                        dasar: Dasar::Kekosongan,
                        keterangan: ket,
                    });
                }
            }
        }
    }

    /// Rules 2–4 for the rater of a position (no override, no atasan).
    fn penilai_untuk(
        &self,
        jabatan_id: JabatanId,
        konteks: Konteks,
    ) -> Result<Resolusi, PenilaiError> {
        let j = self
            .jabatan
            .get(&jabatan_id)
            .ok_or(PenilaiError::JabatanTidakDikenal(jabatan_id))?;
        if j.jenis.is_none() {
            // The Kepala Daerah is not rated under this regulation.
            return Ok(Resolusi::default());
        }
        let catatan = match self.cocokkan_aturan(j) {
            Ok(aturan) => {
                let tipe = aturan.tipe_unit.trim();
                let alternatif = alternatif_penilai(aturan);
                let nama: Vec<String> = alternatif
                    .iter()
                    .map(|(p, _)| normalisasi_nama(p))
                    .collect();
                let di_rantai = self.cari_ke_atas(jabatan_id, konteks, |c| {
                    nama.iter().position(|n| self.memuat(c.id, n))
                })?;
                let temuan = match di_rantai {
                    Some((pos, i)) => Ok((pos, i, Cara::Rantai)),
                    None if alternatif.len() == 1 => {
                        let hasil = self.cari_di_unit(&nama[0], j.unit_id, |c| {
                            c != jabatan_id && c != konteks.asal && !self.di_bawah(c, jabatan_id)
                        });
                        match hasil {
                            HasilCari::Ketemu(pos, u) => Ok((pos, 0, Cara::Unit(u))),
                            lain => Err(self.uraian_gagal(&alternatif[0].0, &lain)),
                        }
                    }
                    None => Err(format!(
                        "tidak satu pun dari {} ada dalam rantai atasan",
                        aturan.pejabat_penilai.trim()
                    )),
                };
                match temuan {
                    Ok((pos, i, cara)) => {
                        let (nama_penilai, nama_atasan) = &alternatif[i];
                        let ket = format!(
                            "Lampiran II {tipe}: {} dinilai oleh {nama_penilai}{}",
                            aturan.posisi.trim(),
                            self.uraian_temuan(pos, nama_penilai, cara)
                        );
                        let penilai = self.pemegang(pos, Dasar::TabelPenilai, ket, konteks)?;
                        return Ok(Resolusi {
                            penilai: Some(penilai),
                            posisi_terpilih: Some(pos),
                            atasan_tabel: Some(AtasanTabel {
                                nama: nama_atasan.clone(),
                                tipe: tipe.to_string(),
                                posisi: aturan.posisi.trim().to_string(),
                            }),
                        });
                    }
                    Err(alasan) => format!(
                        "Lampiran II {tipe}: {} dinilai oleh {}, tetapi {alasan}. ",
                        aturan.posisi.trim(),
                        aturan.pejabat_penilai.trim()
                    ),
                }
            }
            Err(alasan) => alasan,
        };
        match self.pejabat_hierarki(jabatan_id, konteks)? {
            Some((pos, dilewati)) => {
                let mut ket = format!(
                    "{catatan}Atasan langsung menurut hierarki: {}",
                    self.judul(pos)
                );
                if !dilewati.is_empty() {
                    ket.push_str(&format!(
                        " ({} dilewati karena pejabat penilai paling rendah pejabat pengawas)",
                        dilewati.join(", ")
                    ));
                }
                let penilai = self.pemegang(pos, Dasar::Hierarki, ket, konteks)?;
                Ok(Resolusi {
                    penilai: Some(penilai),
                    posisi_terpilih: Some(pos),
                    atasan_tabel: None,
                })
            }
            None => Ok(Resolusi::default()),
        }
    }

    /// Rule 5: the atasan pejabat penilai, given the normal resolution of the rater.
    fn atasan_untuk(
        &self,
        j: &JabatanOrg,
        normal: &Resolusi,
        penilai: &Penilai,
        konteks: Konteks,
    ) -> Result<Option<Penilai>, PenilaiError> {
        let mut catatan = String::new();
        if let (Some(at), Some(terpilih)) = (&normal.atasan_tabel, normal.posisi_terpilih) {
            let nama = normalisasi_nama(&at.nama);
            let cocok = |c: &JabatanOrg| self.memuat(c.id, &nama).then_some(());
            let mut temuan = self
                .cari_ke_atas(terpilih, konteks, cocok)?
                .map(|(id, ())| (id, Cara::Rantai));
            if temuan.is_none() {
                temuan = self
                    .cari_ke_atas(j.id, konteks, cocok)?
                    .map(|(id, ())| (id, Cara::Rantai));
            }
            let temuan = match temuan {
                Some(t) => Ok(t),
                None => {
                    let hasil = self.cari_di_unit(&nama, j.unit_id, |c| {
                        c != j.id && c != konteks.asal && !self.di_bawah(c, j.id)
                    });
                    match hasil {
                        HasilCari::Ketemu(id, u) => Ok((id, Cara::Unit(u))),
                        lain => Err(self.uraian_gagal(&at.nama, &lain)),
                    }
                }
            };
            // The atasan must not sit below the rater who actually acts (after a vacancy the
            // authority may have moved above the table's atasan).
            let temuan = match (temuan, penilai.jabatan_id) {
                (Ok((pos, _)), Some(r)) if r != pos && self.di_bawah(pos, r) => Err(format!(
                    "{} berada di bawah pejabat penilai yang bertindak ({})",
                    self.judul(pos),
                    self.judul(r)
                )),
                (t, _) => t,
            };
            let gagal = match temuan {
                Ok((pos, cara)) => {
                    let ket = format!(
                        "Lampiran II {}: atasan pejabat penilai bagi {} adalah {}{}",
                        at.tipe,
                        at.posisi,
                        at.nama,
                        self.uraian_temuan(pos, &at.nama, cara)
                    );
                    return self
                        .pemegang(pos, Dasar::TabelPenilai, ket, konteks)
                        .map(Some);
                }
                Err(e) => e,
            };
            catatan = format!(
                "Lampiran II {}: atasan pejabat penilai bagi {} adalah {}, tetapi {gagal}; memakai pejabat penilai dari pejabat penilai. ",
                at.tipe, at.posisi, at.nama
            );
        }
        self.penilai_dari_penilai(penilai, konteks, catatan)
    }

    /// The rater's own rater, used as atasan pejabat penilai.
    fn penilai_dari_penilai(
        &self,
        penilai: &Penilai,
        konteks: Konteks,
        catatan: String,
    ) -> Result<Option<Penilai>, PenilaiError> {
        let (posisi, konteks) = match penilai.jabatan_id {
            Some(p) => (p, konteks),
            // An override names a person: use the position they hold, which need not lie above
            // the pegawai, so the walk starts afresh from there.
            None => match penilai.pegawai_id.and_then(|p| self.pemangku.get(&p)) {
                Some(p) => (
                    *p,
                    Konteks {
                        asal: *p,
                        ..konteks
                    },
                ),
                None => return Ok(None),
            },
        };
        let Some(jp) = self.jabatan.get(&posisi) else {
            return Ok(None);
        };
        if jp.jenis.is_none() {
            return Ok(Some(Penilai {
                jabatan_id: Some(posisi),
                pegawai_id: penilai.pegawai_id,
                dasar: Dasar::Hierarki,
                keterangan: format!(
                    "{catatan}Pejabat penilai adalah Kepala Daerah ({}), sekaligus atasan pejabat penilai",
                    jp.nama
                ),
            }));
        }
        // An admin override of the rater's own rater applies when the rater acts in the
        // position they hold definitively.
        if let Some(p) = penilai.pegawai_id {
            if self.pemangku.get(&p) == Some(&posisi) {
                let pengganti = self.pengganti.get(&p).and_then(|o| o.penilai.as_ref());
                if let Some((q, alasan)) = pengganti {
                    if *q != p && *q != konteks.dinilai {
                        return Ok(Some(Penilai {
                            jabatan_id: None,
                            pegawai_id: Some(*q),
                            dasar: Dasar::Override,
                            keterangan: format!(
                                "{catatan}Pejabat penilai dari {} {}",
                                jp.nama,
                                keterangan_override(alasan)
                            ),
                        }));
                    }
                }
            }
        }
        let sub = self.penilai_untuk(posisi, konteks)?;
        Ok(sub.penilai.map(|mut s| {
            s.keterangan = format!(
                "{catatan}Pejabat penilai dari {}: {}",
                jp.nama, s.keterangan
            );
            s
        }))
    }
}

/// "ditetapkan admin (override)[: alasan]".
fn keterangan_override(alasan: &str) -> String {
    let alasan = alasan.trim();
    if alasan.is_empty() {
        "ditetapkan admin (override)".to_string()
    } else {
        format!("ditetapkan admin (override): {alasan}")
    }
}

fn penilai_override(orang: PegawaiId, alasan: &str) -> Penilai {
    Penilai {
        jabatan_id: None,
        pegawai_id: Some(orang),
        dasar: Dasar::Override,
        keterangan: match alasan.trim() {
            "" => "Ditetapkan admin (override)".to_string(),
            a => format!("Ditetapkan admin (override): {a}"),
        },
    }
}

/// Resolve pejabat penilai and atasan pejabat penilai for the pegawai holding `jabatan_id` (pass
/// the pegawai id too, for overrides). Normally `jabatan_id` is the pegawai's definitive position
/// ([`Organisasi::jabatan_pegawai`]); a Plt or Plh is rated in their own position.
pub fn tentukan_penilai(
    org: &Organisasi,
    pegawai_id: PegawaiId,
    jabatan_id: JabatanId,
) -> Result<HasilPenilai, PenilaiError> {
    let j = org
        .jabatan(jabatan_id)
        .ok_or(PenilaiError::JabatanTidakDikenal(jabatan_id))?;
    let pengganti = org.pengganti.get(&pegawai_id).cloned().unwrap_or_default();
    let diri_sendiri = [&pengganti.penilai, &pengganti.atasan]
        .into_iter()
        .flatten()
        .any(|(q, _)| *q == pegawai_id);
    if diri_sendiri {
        return Err(PenilaiError::PenggantiDiriSendiri { pegawai_id });
    }
    let penilai_ov = pengganti
        .penilai
        .as_ref()
        .map(|(q, alasan)| penilai_override(*q, alasan));
    let atasan_ov = pengganti
        .atasan
        .as_ref()
        .map(|(q, alasan)| penilai_override(*q, alasan));

    let konteks = Konteks {
        asal: jabatan_id,
        dinilai: pegawai_id,
        penilai: None,
        jabatan_penilai: None,
    };
    let normal = if penilai_ov.is_some() && atasan_ov.is_some() {
        Resolusi::default()
    } else {
        org.penilai_untuk(jabatan_id, konteks)?
    };
    let pejabat_penilai = penilai_ov.or_else(|| normal.penilai.clone());
    let atasan_pejabat_penilai = match atasan_ov {
        Some(a) => Some(a),
        None => {
            let orang = pejabat_penilai.as_ref().and_then(|p| p.pegawai_id);
            let konteks_atasan = Konteks {
                penilai: orang,
                jabatan_penilai: pejabat_penilai.as_ref().and_then(|p| {
                    p.jabatan_id
                        .or_else(|| orang.and_then(|o| org.pemangku.get(&o).copied()))
                }),
                ..konteks
            };
            match (&normal.penilai, &pejabat_penilai) {
                (Some(np), _) => org.atasan_untuk(j, &normal, np, konteks_atasan)?,
                (None, Some(p)) => org.penilai_dari_penilai(p, konteks_atasan, String::new())?,
                (None, None) => None,
            }
        }
    };
    let dasar = pejabat_penilai
        .as_ref()
        .map_or(Dasar::Hierarki, |p| p.dasar);
    Ok(HasilPenilai {
        pejabat_penilai,
        atasan_pejabat_penilai,
        dasar,
    })
}

/// [`tentukan_penilai`] for the pegawai's definitive position.
pub fn tentukan_penilai_pegawai(
    org: &Organisasi,
    pegawai_id: PegawaiId,
) -> Result<HasilPenilai, PenilaiError> {
    let j = org
        .jabatan_pegawai(pegawai_id)
        .ok_or(PenilaiError::TanpaJabatan)?;
    tentukan_penilai(org, pegawai_id, j.id)
}

#[cfg(test)]
mod tests;
