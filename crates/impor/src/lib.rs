//! Reading and checking the organisation import files — units, positions and pegawai, as CSV
//! (one file per kind) or XLSX (one workbook with sheets `unit`, `jabatan`, `pegawai`) — into
//! the change set the store writes. Pure: no database, no I/O; what is already in the database
//! comes in as [`Ada`]. The application's import (`kinerja_app::impor`) loads that, calls
//! [`baca_berkas`] and [`validasi_semua`], and writes the result in one transaction.
//!
//! A file is validated whole: every row is parsed into domain types, every reference is
//! checked against the file and the database, and a file with any fault is refused with the
//! full list of faults (sheet, row, column, message). Hostile files are refused before they
//! cost memory: an XLSX archive is checked for its unpacked size (zip bombs, lying headers)
//! before calamine opens it, and sheets and CSV files are bounded in rows and columns.

use kinerja_domain::jabatan::{JenisJabatan, Jenjang};
use kinerja_domain::nip::Nip;
use kinerja_domain::pangkat::{Golongan, StatusAsn};
use kinerja_store::{DataOrganisasi, JabatanImpor, PegawaiImpor, UnitImpor};
use std::collections::{HashMap, HashSet};
use std::io::Cursor;

/// One fault in an import file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct GalatImpor {
    /// `unit`, `jabatan` or `pegawai` (the CSV file's kind or the XLSX sheet).
    pub lembar: String,
    /// The row as the spreadsheet numbers it (the header is row 1); 0 for the whole file.
    pub baris: usize,
    pub kolom: String,
    pub pesan: String,
}

/// Why a file is not imported. `Display` is the Indonesian message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GalatBerkas {
    /// The file has faults (each with sheet, row, column); nothing is written (HTTP 422).
    #[error("{pesan}")]
    Ditolak {
        pesan: String,
        galat: Vec<GalatImpor>,
    },
    /// A parameter of the request is wrong (the kind asked for), naming it (HTTP 422).
    #[error("Nilai tidak valid pada {bidang}: {pesan}")]
    TidakValid { bidang: &'static str, pesan: String },
}

impl GalatBerkas {
    fn tidak_valid(bidang: &'static str, pesan: &str) -> Self {
        GalatBerkas::TidakValid {
            bidang,
            pesan: pesan.to_string(),
        }
    }
}

/// What a file (or sheet) holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JenisData {
    Unit,
    Jabatan,
    Pegawai,
    /// An XLSX workbook with any of the three sheets.
    Organisasi,
}

impl JenisData {
    pub fn dari_kode(s: &str) -> Result<JenisData, GalatBerkas> {
        match s {
            "unit" => Ok(JenisData::Unit),
            "jabatan" => Ok(JenisData::Jabatan),
            "pegawai" => Ok(JenisData::Pegawai),
            "organisasi" => Ok(JenisData::Organisasi),
            _ => Err(GalatBerkas::tidak_valid(
                "jenis",
                "pilihan: unit, jabatan, pegawai, organisasi",
            )),
        }
    }
    /// The sheet name and the `jenis` parameter.
    pub fn kode(self) -> &'static str {
        match self {
            JenisData::Unit => "unit",
            JenisData::Jabatan => "jabatan",
            JenisData::Pegawai => "pegawai",
            JenisData::Organisasi => "organisasi",
        }
    }
    /// The columns of the file, in the export's order.
    pub fn kolom(self) -> &'static [&'static str] {
        match self {
            JenisData::Unit => KOLOM_UNIT,
            JenisData::Jabatan => KOLOM_JABATAN,
            JenisData::Pegawai => KOLOM_PEGAWAI,
            JenisData::Organisasi => &[],
        }
    }
}

pub const KOLOM_UNIT: &[&str] = &["kode", "nama", "induk_kode", "tipe_lampiran"];
pub const KOLOM_JABATAN: &[&str] = &[
    "kode",
    "unit_kode",
    "nama",
    "jenis_jabatan",
    "jenjang",
    "posisi_lampiran",
    "atasan_kode",
    "plt_nip",
    "plh_nip",
    "pemangku_non_asn",
];
pub const KOLOM_PEGAWAI: &[&str] = &[
    "nip",
    "nama",
    "status_asn",
    "golongan",
    "jabatan_kode",
    "email",
];

/// A sheet as text cells, with the spreadsheet row number of each data row.
pub struct Lembar {
    jenis: JenisData,
    kolom: HashMap<String, usize>,
    baris: Vec<(usize, Vec<String>)>,
}

impl Lembar {
    fn sel<'a>(&self, row: &'a [String], nama: &str) -> Option<&'a str> {
        self.kolom
            .get(nama)
            .and_then(|&i| row.get(i))
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
    }
}

fn galat_berkas(pesan: impl Into<String>) -> GalatBerkas {
    let pesan = pesan.into();
    GalatBerkas::Ditolak {
        pesan: format!("Berkas impor ditolak: {pesan}"),
        galat: vec![GalatImpor {
            lembar: "berkas".into(),
            baris: 0,
            kolom: "berkas".into(),
            pesan,
        }],
    }
}

fn buat_lembar(
    jenis: JenisData,
    header: Vec<String>,
    baris: Vec<(usize, Vec<String>)>,
    galat: &mut Vec<GalatImpor>,
) -> Lembar {
    let kolom: HashMap<String, usize> = header
        .iter()
        .enumerate()
        .map(|(i, h)| (h.trim().trim_start_matches('\u{feff}').to_lowercase(), i))
        .collect();
    let wajib: &[&str] = match jenis {
        JenisData::Unit => &["kode", "nama"],
        JenisData::Jabatan => &["kode", "unit_kode", "nama", "jenis_jabatan"],
        JenisData::Pegawai => &["nip", "nama", "status_asn", "golongan"],
        JenisData::Organisasi => &[],
    };
    for k in wajib {
        if !kolom.contains_key(*k) {
            galat.push(GalatImpor {
                lembar: jenis.kode().into(),
                baris: 1,
                kolom: (*k).into(),
                pesan: format!(
                    "kolom wajib '{k}' tidak ada di baris judul (kolom yang dikenal: {})",
                    jenis.kolom().join(", ")
                ),
            });
        }
    }
    Lembar {
        jenis,
        kolom,
        baris,
    }
}

fn baca_csv(
    jenis: JenisData,
    isi: &[u8],
    galat: &mut Vec<GalatImpor>,
) -> Result<Lembar, GalatBerkas> {
    if jenis == JenisData::Organisasi {
        return Err(GalatBerkas::tidak_valid(
            "jenis",
            "berkas CSV memuat satu jenis data: unit, jabatan, atau pegawai",
        ));
    }
    let teks = std::str::from_utf8(isi)
        .map_err(|_| galat_berkas("berkas bukan CSV (teks UTF-8) atau XLSX"))?;
    if teks.contains('\0') {
        return Err(galat_berkas("berkas bukan CSV (teks UTF-8) atau XLSX"));
    }
    let teks = teks.trim_start_matches('\u{feff}');
    let judul = teks.lines().next().unwrap_or("");
    // Spreadsheets set to Indonesian locale save CSV with semicolons.
    let pemisah = if judul.contains(';') && !judul.contains(',') {
        b';'
    } else {
        b','
    };
    let mut r = csv::ReaderBuilder::new()
        .delimiter(pemisah)
        .flexible(true)
        .has_headers(true)
        .from_reader(teks.as_bytes());
    let header: Vec<String> = r
        .headers()
        .map_err(|e| galat_berkas(format!("baris judul tidak terbaca: {e}")))?
        .iter()
        .take(MAKS_KOLOM)
        .map(str::to_string)
        .collect();
    let mut baris = Vec::new();
    for (i, rec) in r.records().enumerate() {
        let nomor = i + 2;
        match rec {
            Ok(rec) => {
                if rec.iter().skip(MAKS_KOLOM).any(|s| !s.trim().is_empty()) {
                    return Err(galat_berkas(format!(
                        "baris {nomor} memakai lebih dari {MAKS_KOLOM} kolom"
                    )));
                }
                let v: Vec<String> = rec.iter().take(MAKS_KOLOM).map(str::to_string).collect();
                if v.iter().any(|s| !s.trim().is_empty()) {
                    if baris.len() >= MAKS_BARIS {
                        return Err(galat_berkas(format!(
                            "berkas memuat lebih dari {MAKS_BARIS} baris data"
                        )));
                    }
                    baris.push((nomor, v));
                }
            }
            Err(e) => galat.push(GalatImpor {
                lembar: jenis.kode().into(),
                baris: nomor,
                kolom: "-".into(),
                pesan: format!("baris tidak terbaca: {e}"),
            }),
        }
    }
    Ok(buat_lembar(jenis, header, baris, galat))
}

/// What an XLSX import may unpack to in all, checked before calamine reads anything: a
/// workbook of 100 000 pegawai is far below it, a zip bomb far above.
const MAKS_TERURAI: u64 = 256 * 1024 * 1024;
/// Largest compression ratio of one entry bigger than [`RASIO_MULAI`]; worksheet XML packs
/// about 5–30 : 1, a bomb thousands to one.
const MAKS_RASIO: u64 = 200;
const RASIO_MULAI: u64 = 1024 * 1024;
/// Most entries in the archive (a workbook has a few dozen).
const MAKS_ENTRI: usize = 10_000;
/// Columns a sheet may use: the import knows at most 10, and a value further right would only
/// make every row that wide in memory.
const MAKS_KOLOM: usize = 64;
/// Data rows a sheet or CSV file may hold.
const MAKS_BARIS: usize = 200_000;

/// Refuse an XLSX archive that unpacks to more than [`MAKS_TERURAI`] or packs one entry more
/// than [`MAKS_RASIO`] : 1, from the sizes in its central directory, before calamine opens it.
/// The declared sizes can lie, so every entry is then unpacked into nothing, and the archive
/// is refused as soon as an entry gives more bytes than it declared: memory stays flat and the
/// work is bounded by the checked total.
fn periksa_zip(isi: &[u8]) -> Result<(), GalatBerkas> {
    use std::io::Read;
    let tak_terbaca =
        |e: &dyn std::fmt::Display| galat_berkas(format!("berkas XLSX tidak terbaca: {e}"));
    let mut arsip = zip::ZipArchive::new(Cursor::new(isi)).map_err(|e| tak_terbaca(&e))?;
    if arsip.len() > MAKS_ENTRI {
        return Err(galat_berkas(format!(
            "berkas XLSX memuat {} bagian (paling banyak {MAKS_ENTRI})",
            arsip.len()
        )));
    }
    let bom = |nama: &str| {
        galat_berkas(format!(
            "berkas XLSX ditolak: bagian '{nama}' terurai jauh lebih besar dari berkasnya \
             (paling banyak {} MB seluruhnya, rasio {MAKS_RASIO}:1); simpan ulang dari aplikasi \
             lembar kerja",
            MAKS_TERURAI / (1024 * 1024)
        ))
    };
    let mut total: u64 = 0;
    for i in 0..arsip.len() {
        let f = arsip.by_index_raw(i).map_err(|e| tak_terbaca(&e))?;
        let (terurai, mampat) = (f.size(), f.compressed_size());
        total = total.saturating_add(terurai);
        if total > MAKS_TERURAI || (terurai > RASIO_MULAI && terurai / mampat.max(1) > MAKS_RASIO) {
            return Err(bom(f.name()));
        }
    }
    for i in 0..arsip.len() {
        let f = arsip.by_index(i).map_err(|e| tak_terbaca(&e))?;
        let nama = f.name().to_string();
        let dinyatakan = f.size();
        let mut terbatas = f.take(dinyatakan.saturating_add(1));
        let nyata =
            std::io::copy(&mut terbatas, &mut std::io::sink()).map_err(|e| tak_terbaca(&e))?;
        if nyata > dinyatakan {
            return Err(bom(&nama));
        }
    }
    Ok(())
}

/// [`baca_xlsx_isi`], with a panic in calamine (third-party code reading a hostile file)
/// answered as an unreadable file rather than a dropped connection.
fn baca_xlsx(
    jenis: JenisData,
    isi: &[u8],
    galat: &mut Vec<GalatImpor>,
) -> Result<Vec<Lembar>, GalatBerkas> {
    periksa_zip(isi)?;
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        baca_xlsx_isi(jenis, isi, galat)
    }))
    .unwrap_or_else(|_| Err(galat_berkas("berkas XLSX tidak terbaca: isinya rusak")))
}

fn baca_xlsx_isi(
    jenis: JenisData,
    isi: &[u8],
    galat: &mut Vec<GalatImpor>,
) -> Result<Vec<Lembar>, GalatBerkas> {
    use calamine::{Data, Reader, Xlsx};
    use std::collections::BTreeMap;
    let mut wb: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(isi))
        .map_err(|e| galat_berkas(format!("berkas XLSX tidak terbaca: {e}")))?;
    let nama_lembar = wb.sheet_names();
    let dicari: Vec<JenisData> = match jenis {
        JenisData::Organisasi => vec![JenisData::Unit, JenisData::Jabatan, JenisData::Pegawai],
        j => vec![j],
    };
    let mut out = Vec::new();
    for j in dicari {
        let nama = nama_lembar
            .iter()
            .find(|n| n.trim().eq_ignore_ascii_case(j.kode()))
            .cloned()
            .or_else(|| {
                (jenis != JenisData::Organisasi)
                    .then(|| nama_lembar.first().cloned())
                    .flatten()
            });
        let Some(nama) = nama else { continue };
        let tak_terbaca =
            |e: calamine::XlsxError| galat_berkas(format!("lembar '{nama}' tidak terbaca: {e}"));
        // Cells one by one into rows of at most MAKS_KOLOM: calamine's own range is as big as
        // the rectangle from the first to the last cell, which two far-apart cells make huge.
        let mut sel = wb.worksheet_cells_reader(&nama).map_err(tak_terbaca)?;
        let mut peta: BTreeMap<u32, Vec<Data>> = BTreeMap::new();
        while let Some(c) = sel.next_cell().map_err(tak_terbaca)? {
            let nilai: Data = c.get_value().clone().into();
            if nilai == Data::Empty {
                continue;
            }
            let (r, k) = c.get_position();
            let k = k as usize;
            if k >= MAKS_KOLOM {
                return Err(galat_berkas(format!(
                    "lembar '{nama}' memakai kolom ke-{} (paling banyak {MAKS_KOLOM} kolom)",
                    k + 1
                )));
            }
            if peta.len() > MAKS_BARIS && !peta.contains_key(&r) {
                return Err(galat_berkas(format!(
                    "lembar '{nama}' memuat lebih dari {MAKS_BARIS} baris"
                )));
            }
            let row = peta.entry(r).or_default();
            if row.len() <= k {
                row.resize(k + 1, Data::Empty);
            }
            row[k] = nilai;
        }
        let mut rows = peta.into_iter();
        let Some((_, h)) = rows.next() else { continue };
        let header: Vec<String> = h.iter().map(|c| c.to_string()).collect();
        let kolom_nip: HashSet<usize> = header
            .iter()
            .enumerate()
            .filter(|(_, h)| h.trim().to_lowercase().ends_with("nip"))
            .map(|(i, _)| i)
            .collect();
        let mut baris = Vec::new();
        for (r, row) in rows {
            // The spreadsheet's own row number (1-based).
            let nomor = r as usize + 1;
            let mut v = Vec::with_capacity(row.len());
            for (c, cell) in row.iter().enumerate() {
                let s = match cell {
                    Data::Empty => String::new(),
                    Data::String(s) => s.clone(),
                    Data::Int(n) => n.to_string(),
                    Data::Float(f) if kolom_nip.contains(&c) => {
                        galat.push(GalatImpor {
                            lembar: j.kode().into(),
                            baris: nomor,
                            kolom: header.get(c).cloned().unwrap_or_default(),
                            pesan: format!("NIP tersimpan sebagai angka ({f}); simpan kolom NIP sebagai teks agar 18 digitnya utuh"),
                        });
                        String::new()
                    }
                    Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => {
                        format!("{}", *f as i64)
                    }
                    other => other.to_string(),
                };
                v.push(s);
            }
            if v.iter().any(|s| !s.trim().is_empty()) {
                baris.push((nomor, v));
            }
        }
        out.push(buat_lembar(j, header, baris, galat));
    }
    if out.is_empty() {
        return Err(galat_berkas(
            "buku kerja tidak memuat lembar unit, jabatan, atau pegawai",
        ));
    }
    Ok(out)
}

/// Read a file into sheets: XLSX by its signature, otherwise CSV. Faults of single rows go to
/// `galat`; a fault of the whole file is the error.
pub fn baca_berkas(
    jenis: JenisData,
    isi: &[u8],
    galat: &mut Vec<GalatImpor>,
) -> Result<Vec<Lembar>, GalatBerkas> {
    if isi.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(galat_berkas("berkas kosong"));
    }
    let lembar = if isi.starts_with(b"PK\x03\x04") {
        baca_xlsx(jenis, isi, galat)?
    } else {
        vec![baca_csv(jenis, isi, galat)?]
    };
    if lembar.iter().all(|l| l.baris.is_empty()) && galat.is_empty() {
        return Err(galat_berkas("berkas tidak memuat baris data"));
    }
    Ok(lembar)
}

/// Read and validate `isi` as for an instansi with no units, positions or pegawai yet, without
/// touching any database (fuzzing, tests). A file the application's import refuses for its own
/// faults is refused here with the same faults.
pub fn periksa_berkas(jenis: JenisData, isi: &[u8]) -> Result<DataOrganisasi, GalatBerkas> {
    let mut galat = Vec::new();
    let lembar = baca_berkas(jenis, isi, &mut galat)?;
    validasi_semua(&lembar, &Ada::default(), galat)
}

/// [`validasi`] after reading, with the faults found while reading (`galat`) first.
pub fn validasi_semua(
    lembar: &[Lembar],
    ada: &Ada,
    mut galat: Vec<GalatImpor>,
) -> Result<DataOrganisasi, GalatBerkas> {
    match validasi(lembar, ada) {
        Ok(d) if galat.is_empty() => Ok(d),
        Ok(_) => Err(ditolak(galat)),
        Err(mut g) => {
            galat.append(&mut g);
            Err(ditolak(galat))
        }
    }
}

/// A unit or position kode: letters, digits and `-_./`, at most 64.
fn kode_sah(s: &str) -> Result<(), String> {
    let sah = !s.is_empty()
        && s.len() <= 64
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./".contains(c));
    if sah {
        Ok(())
    } else {
        Err("kode wajib diisi: huruf, angka, '-', '_', '.', '/' (paling banyak 64)".into())
    }
}

/// What is already in the database, for references.
#[derive(Debug, Default)]
pub struct Ada {
    /// Unit kode → its parent's kode.
    pub unit: HashMap<String, Option<String>>,
    /// Position kodes.
    pub jabatan: HashSet<String>,
    /// NIPs.
    pub nip: HashSet<String>,
    /// Unit types of the instansi's rater table, upper case (empty: any type).
    pub tipe_lampiran: HashSet<String>,
}

/// Validate all sheets into one change set, or list every fault.
fn validasi(lembar: &[Lembar], ada: &Ada) -> Result<DataOrganisasi, Vec<GalatImpor>> {
    let mut galat = Vec::new();
    let mut data = DataOrganisasi::default();
    let mut g = |l: &Lembar, baris: usize, kolom: &str, pesan: String| {
        galat.push(GalatImpor {
            lembar: l.jenis.kode().into(),
            baris,
            kolom: kolom.into(),
            pesan,
        })
    };
    // Rows with their line numbers, for reference checks after parsing.
    let mut unit_baris: HashMap<String, usize> = HashMap::new();
    let mut jabatan_baris: Vec<(usize, &Lembar)> = Vec::new();
    let mut pegawai_baris: Vec<(usize, &Lembar)> = Vec::new();

    for l in lembar {
        for (nomor, row) in &l.baris {
            let nomor = *nomor;
            let teks = |k: &str| l.sel(row, k).map(str::to_string);
            match l.jenis {
                JenisData::Unit => {
                    let kode = teks("kode").unwrap_or_default();
                    if let Err(pesan) = kode_sah(&kode) {
                        g(l, nomor, "kode", pesan);
                    } else if unit_baris.insert(kode.clone(), nomor).is_some() {
                        g(
                            l,
                            nomor,
                            "kode",
                            format!("kode unit '{kode}' muncul lebih dari sekali"),
                        );
                    }
                    let nama = teks("nama").unwrap_or_default();
                    if nama.is_empty() {
                        g(l, nomor, "nama", "nama unit wajib diisi".into());
                    }
                    let tipe = teks("tipe_lampiran");
                    if let Some(t) = &tipe {
                        if !ada.tipe_lampiran.is_empty()
                            && !ada.tipe_lampiran.contains(&t.to_uppercase())
                        {
                            g(
                                l,
                                nomor,
                                "tipe_lampiran",
                                format!("tipe '{t}' tidak ada di tabel pejabat penilai instansi"),
                            );
                        }
                    }
                    data.unit.push(UnitImpor {
                        kode,
                        nama,
                        induk_kode: teks("induk_kode"),
                        tipe_lampiran: tipe,
                    });
                }
                JenisData::Jabatan => {
                    let kode = teks("kode").unwrap_or_default();
                    if let Err(pesan) = kode_sah(&kode) {
                        g(l, nomor, "kode", pesan);
                    }
                    let nama = teks("nama").unwrap_or_default();
                    if nama.is_empty() {
                        g(l, nomor, "nama", "nama jabatan wajib diisi".into());
                    }
                    let non_asn = teks("pemangku_non_asn");
                    let jenis: Option<JenisJabatan> = match teks("jenis_jabatan") {
                        None if non_asn.is_some() => None,
                        None => {
                            g(l, nomor, "jenis_jabatan", "jenis jabatan wajib diisi (kosong hanya untuk kepala daerah non-ASN)".into());
                            None
                        }
                        Some(s) => s
                            .to_lowercase()
                            .parse()
                            .map_err(|e: kinerja_domain::enumerasi::NilaiTidakDikenal| {
                                g(l, nomor, "jenis_jabatan", e.to_string())
                            })
                            .ok(),
                    };
                    let jenjang: Option<Jenjang> = match teks("jenjang") {
                        None => None,
                        Some(s) => s
                            .to_lowercase()
                            .replace(' ', "_")
                            .parse()
                            .map_err(|e: kinerja_domain::enumerasi::NilaiTidakDikenal| {
                                g(l, nomor, "jenjang", e.to_string())
                            })
                            .ok(),
                    };
                    match (jenis, jenjang) {
                        (Some(JenisJabatan::Fungsional), None) if teks("jenjang").is_none() => g(
                            l,
                            nomor,
                            "jenjang",
                            "jenjang wajib diisi untuk jabatan fungsional".into(),
                        ),
                        (Some(j), Some(_)) if j != JenisJabatan::Fungsional => g(
                            l,
                            nomor,
                            "jenjang",
                            "jenjang hanya untuk jabatan fungsional".into(),
                        ),
                        _ => {}
                    }
                    let nip =
                        |k: &str, g: &mut dyn FnMut(&Lembar, usize, &str, String)| -> Option<Nip> {
                            let s = teks(k)?;
                            Nip::parse(&s)
                                .map_err(|e| g(l, nomor, k, e.to_string()))
                                .ok()
                        };
                    let plt_nip = nip("plt_nip", &mut g);
                    let plh_nip = nip("plh_nip", &mut g);
                    data.jabatan.push(JabatanImpor {
                        kode,
                        unit_kode: teks("unit_kode").unwrap_or_default(),
                        nama,
                        jenis_jabatan: jenis,
                        jenjang,
                        posisi_lampiran: teks("posisi_lampiran"),
                        atasan_kode: teks("atasan_kode"),
                        plt_nip,
                        plh_nip,
                        pemangku_non_asn: non_asn,
                    });
                    jabatan_baris.push((nomor, l));
                }
                JenisData::Pegawai => {
                    let nip = match teks("nip") {
                        None => {
                            g(l, nomor, "nip", "NIP wajib diisi".into());
                            None
                        }
                        Some(s) => Nip::parse(&s)
                            .map_err(|e| g(l, nomor, "nip", e.to_string()))
                            .ok(),
                    };
                    let nama = teks("nama").unwrap_or_default();
                    if nama.is_empty() {
                        g(l, nomor, "nama", "nama pegawai wajib diisi".into());
                    }
                    let status: Option<StatusAsn> = match teks("status_asn") {
                        None => {
                            g(
                                l,
                                nomor,
                                "status_asn",
                                "status ASN wajib diisi: pns atau pppk".into(),
                            );
                            None
                        }
                        Some(s) => s
                            .to_lowercase()
                            .parse()
                            .map_err(|e: kinerja_domain::enumerasi::NilaiTidakDikenal| {
                                g(l, nomor, "status_asn", e.to_string())
                            })
                            .ok(),
                    };
                    let golongan = match (status, teks("golongan")) {
                        (_, None) => {
                            g(l, nomor, "golongan", "golongan wajib diisi".into());
                            None
                        }
                        (Some(st), Some(s)) => Golongan::parse(st, &s)
                            .map_err(|e| g(l, nomor, "golongan", e.to_string()))
                            .ok(),
                        (None, Some(_)) => None,
                    };
                    let email = teks("email");
                    if email
                        .as_ref()
                        .is_some_and(|e| !e.contains('@') || e.contains(' '))
                    {
                        g(l, nomor, "email", "alamat email tidak valid".into());
                    }
                    if let (Some(nip), Some(status_asn), Some(golongan)) = (nip, status, golongan) {
                        data.pegawai.push(PegawaiImpor {
                            nip,
                            nama,
                            status_asn,
                            golongan,
                            jabatan_kode: teks("jabatan_kode"),
                            email,
                        });
                        pegawai_baris.push((nomor, l));
                    }
                }
                JenisData::Organisasi => {}
            }
        }
    }

    // References, against the file and the database.
    let unit_ada = |k: &str| unit_baris.contains_key(k) || ada.unit.contains_key(k);
    let lembar_unit = lembar.iter().find(|l| l.jenis == JenisData::Unit);
    if let Some(l) = lembar_unit {
        for u in &data.unit {
            let nomor = unit_baris.get(&u.kode).copied().unwrap_or(0);
            if let Some(k) = &u.induk_kode {
                if k == &u.kode {
                    g(
                        l,
                        nomor,
                        "induk_kode",
                        "unit tidak dapat menjadi induk dirinya sendiri".into(),
                    );
                } else if !unit_ada(k) {
                    g(
                        l,
                        nomor,
                        "induk_kode",
                        format!("unit induk '{k}' tidak ada di berkas maupun di data"),
                    );
                }
            }
        }
    }
    let mut jabatan_kode: HashMap<&str, usize> = HashMap::new();
    let nip_berkas: HashSet<&str> = data.pegawai.iter().map(|p| p.nip.as_str()).collect();
    for (j, (nomor, l)) in data.jabatan.iter().zip(&jabatan_baris) {
        if jabatan_kode.insert(&j.kode, *nomor).is_some() {
            g(
                l,
                *nomor,
                "kode",
                format!("kode jabatan '{}' muncul lebih dari sekali", j.kode),
            );
        }
        if j.unit_kode.is_empty() {
            g(l, *nomor, "unit_kode", "unit jabatan wajib diisi".into());
        } else if !unit_ada(&j.unit_kode) {
            g(
                l,
                *nomor,
                "unit_kode",
                format!("unit '{}' tidak ada di berkas maupun di data", j.unit_kode),
            );
        }
        for (k, n) in [("plt_nip", &j.plt_nip), ("plh_nip", &j.plh_nip)] {
            if let Some(n) = n {
                if !nip_berkas.contains(n.as_str()) && !ada.nip.contains(n.as_str()) {
                    g(
                        l,
                        *nomor,
                        k,
                        format!("pegawai {n} tidak ada di berkas maupun di data"),
                    );
                }
            }
        }
    }
    let jabatan_ada = |k: &str| jabatan_kode.contains_key(k) || ada.jabatan.contains(k);
    for (j, (nomor, l)) in data.jabatan.iter().zip(&jabatan_baris) {
        if let Some(a) = &j.atasan_kode {
            if a == &j.kode {
                g(
                    l,
                    *nomor,
                    "atasan_kode",
                    "jabatan tidak dapat menjadi atasan dirinya sendiri".into(),
                );
            } else if !jabatan_ada(a) {
                g(
                    l,
                    *nomor,
                    "atasan_kode",
                    format!("jabatan atasan '{a}' tidak ada di berkas maupun di data"),
                );
            }
        }
    }
    let mut nip_lihat: HashSet<&str> = HashSet::new();
    let struktural: HashSet<&str> = data
        .jabatan
        .iter()
        .filter(|j| j.jenis_jabatan.is_some_and(|x| x.setidaknya_pengawas()))
        .map(|j| j.kode.as_str())
        .collect();
    let mut pemangku_struktural: HashMap<&str, usize> = HashMap::new();
    for (p, (nomor, l)) in data.pegawai.iter().zip(&pegawai_baris) {
        if !nip_lihat.insert(p.nip.as_str()) {
            g(
                l,
                *nomor,
                "nip",
                format!("NIP {} muncul lebih dari sekali", p.nip),
            );
        }
        if let Some(k) = &p.jabatan_kode {
            if !jabatan_ada(k) {
                g(
                    l,
                    *nomor,
                    "jabatan_kode",
                    format!("jabatan '{k}' tidak ada di berkas maupun di data"),
                );
            } else if struktural.contains(k.as_str()) {
                if let Some(lain) = pemangku_struktural.insert(k, *nomor) {
                    g(
                        l,
                        *nomor,
                        "jabatan_kode",
                        format!("jabatan struktural '{k}' sudah dipangku pegawai di baris {lain}"),
                    );
                }
            }
        }
    }
    if !galat.is_empty() {
        return Err(galat);
    }
    urutkan_unit(&mut data.unit, &ada.unit).map_err(|kode| {
        vec![GalatImpor {
            lembar: "unit".into(),
            baris: unit_baris.get(&kode).copied().unwrap_or(0),
            kolom: "induk_kode".into(),
            pesan: format!("unit '{kode}' berada dalam lingkaran induk"),
        }]
    })?;
    Ok(data)
}

/// Order units parents first; the kode of a unit caught in a cycle is the error.
pub fn urutkan_unit(
    unit: &mut [UnitImpor],
    ada: &HashMap<String, Option<String>>,
) -> Result<(), String> {
    let induk: HashMap<String, Option<String>> = ada
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .chain(unit.iter().map(|u| (u.kode.clone(), u.induk_kode.clone())))
        .collect();
    // Depth of each unit in the merged tree, detecting cycles.
    let mut dalam: HashMap<String, usize> = HashMap::new();
    for u in unit.iter() {
        // The walk up to a unit of known depth; the set makes a long chain linear, not
        // quadratic (a file of one 200 000-deep chain, leaf first).
        let mut jalur = Vec::new();
        let mut di_jalur = HashSet::new();
        let mut cur = Some(u.kode.clone());
        while let Some(k) = cur {
            if dalam.contains_key(&k) {
                break;
            }
            if !di_jalur.insert(k.clone()) {
                return Err(k);
            }
            jalur.push(k.clone());
            cur = induk.get(&k).cloned().flatten();
        }
        let d = jalur
            .last()
            .and_then(|k| induk.get(k).cloned().flatten())
            .and_then(|k| dalam.get(&k).copied())
            .map(|d| d + 1)
            .unwrap_or(0);
        for (i, k) in jalur.into_iter().rev().enumerate() {
            dalam.insert(k, d + i);
        }
    }
    unit.sort_by_key(|u| dalam.get(&u.kode).copied().unwrap_or(0));
    Ok(())
}

/// Faults listed one by one; a file with more gets the first ones and their count, so a
/// hostile file of 200 000 bad rows does not become a 100 MB answer.
pub const MAKS_GALAT: usize = 1000;

fn ditolak(mut galat: Vec<GalatImpor>) -> GalatBerkas {
    let jumlah = galat.len();
    if jumlah > MAKS_GALAT {
        galat.truncate(MAKS_GALAT);
        galat.push(GalatImpor {
            lembar: "berkas".into(),
            baris: 0,
            kolom: "-".into(),
            pesan: format!(
                "{} kesalahan lain tidak dirinci; perbaiki yang di atas lalu impor lagi",
                jumlah - MAKS_GALAT
            ),
        });
    }
    GalatBerkas::Ditolak {
        pesan: format!("Berkas impor ditolak: {jumlah} kesalahan; tidak ada data yang diubah"),
        galat,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// A ZIP whose entries are `(name, content)`, deflated.
    fn zip_deflate(entri: &[(&str, &[u8])]) -> Vec<u8> {
        let mut z = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let opsi = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (nama, isi) in entri {
            z.start_file(*nama, opsi).unwrap();
            z.write_all(isi).unwrap();
        }
        z.finish().unwrap().into_inner()
    }

    /// Overwrite the uncompressed size every local and central header declares.
    fn ubah_ukuran_dinyatakan(zip: &mut [u8], ukuran: u32) {
        for i in 0..zip.len().saturating_sub(4) {
            let posisi = match &zip[i..i + 4] {
                b"PK\x03\x04" => i + 22,
                b"PK\x01\x02" => i + 24,
                _ => continue,
            };
            zip[posisi..posisi + 4].copy_from_slice(&ukuran.to_le_bytes());
        }
    }

    fn pesan_berkas(e: GalatBerkas) -> String {
        match e {
            GalatBerkas::Ditolak { galat, .. } => galat
                .iter()
                .map(|g| g.pesan.clone())
                .collect::<Vec<_>>()
                .join("; "),
            lain => panic!("not an import refusal: {lain:?}"),
        }
    }

    /// `lembar[baris].kolom` of every fault, as the API's `fields` names them.
    fn letak(e: &GalatBerkas) -> Vec<String> {
        match e {
            GalatBerkas::Ditolak { galat, .. } => galat
                .iter()
                .map(|g| format!("{}[{}].{}", g.lembar, g.baris, g.kolom))
                .collect(),
            lain => panic!("not an import refusal: {lain:?}"),
        }
    }

    fn xlsx(isi: impl FnOnce(&mut rust_xlsxwriter::Worksheet)) -> Vec<u8> {
        let mut wb = rust_xlsxwriter::Workbook::new();
        let ws = wb.add_worksheet();
        ws.set_name("unit").unwrap();
        for (c, k) in KOLOM_UNIT.iter().enumerate() {
            ws.write_string(0, c as u16, *k).unwrap();
        }
        isi(ws);
        wb.save_to_buffer().unwrap()
    }

    #[test]
    fn bom_zip_ditolak_dari_direktori_pusat() {
        // 64 MiB of zeros deflates to about 64 KiB: ratio ~1000:1, refused from the central
        // directory alone.
        let nol = vec![0u8; 64 * 1024 * 1024];
        let bom = zip_deflate(&[("xl/sharedStrings.xml", &nol)]);
        assert!(bom.len() < 1024 * 1024, "{}", bom.len());
        let e = periksa_berkas(JenisData::Organisasi, &bom).unwrap_err();
        let pesan = pesan_berkas(e);
        assert!(
            pesan.contains("sharedStrings.xml") && pesan.contains("rasio"),
            "{pesan}"
        );

        // Entries each under the ratio (stored, 100 KiB declared as 10 MiB: 102:1) but
        // together over the total.
        let isi = vec![b'a'; 100 * 1024];
        let nama: Vec<String> = (0..30).map(|i| format!("xl/worksheets/s{i}.xml")).collect();
        let mut z = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let opsi = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        for n in &nama {
            z.start_file(n.as_str(), opsi).unwrap();
            z.write_all(&isi).unwrap();
        }
        let mut banyak = z.finish().unwrap().into_inner();
        ubah_ukuran_dinyatakan(&mut banyak, 10 * 1024 * 1024);
        let mut z = zip::ZipArchive::new(Cursor::new(&banyak)).unwrap();
        let rasio = {
            let f = z.by_index_raw(0).unwrap();
            f.size() / f.compressed_size()
        };
        assert!(rasio < MAKS_RASIO);
        let total: u64 = (0..z.len())
            .map(|i| z.by_index_raw(i).unwrap().size())
            .sum();
        assert!(total > MAKS_TERURAI);
        let pesan = pesan_berkas(periksa_berkas(JenisData::Organisasi, &banyak).unwrap_err());
        assert!(pesan.contains("terurai jauh lebih besar"), "{pesan}");
    }

    #[test]
    fn bom_zip_yang_berbohong_ditolak_saat_diurai() {
        // The headers declare 1000 bytes; the deflate stream gives 8 MiB. The ratio check
        // passes on the declared sizes, so the unpacking pass must stop it.
        let nol = vec![b'x'; 8 * 1024 * 1024];
        let mut bom = zip_deflate(&[
            ("[Content_Types].xml", b"<Types/>"),
            ("xl/sharedStrings.xml", &nol),
        ]);
        ubah_ukuran_dinyatakan(&mut bom, 1000);
        let mut z = zip::ZipArchive::new(Cursor::new(&bom)).unwrap();
        assert_eq!(z.by_index_raw(1).unwrap().size(), 1000);
        drop(z);
        let pesan = pesan_berkas(periksa_berkas(JenisData::Organisasi, &bom).unwrap_err());
        assert!(pesan.contains("sharedStrings.xml"), "{pesan}");
    }

    #[test]
    fn zip_rusak_dan_bukan_zip_ditolak_dengan_pesan() {
        let mut z = zip_deflate(&[("xl/workbook.xml", b"<workbook/>")]);
        z.truncate(z.len() / 2);
        let pesan = pesan_berkas(periksa_berkas(JenisData::Organisasi, &z).unwrap_err());
        assert!(pesan.contains("XLSX tidak terbaca"), "{pesan}");
        // A ZIP that is not a workbook.
        let z = zip_deflate(&[("foto.jpg", b"\xFF\xD8\xFF")]);
        let pesan = pesan_berkas(periksa_berkas(JenisData::Unit, &z).unwrap_err());
        assert!(pesan.contains("XLSX tidak terbaca"), "{pesan}");
    }

    #[test]
    fn sel_berjauhan_tidak_membengkakkan_memori() {
        // A header in row 1 and one unit in the last row Excel has: read sparsely, and the
        // row keeps the number the spreadsheet shows.
        let jauh = xlsx(|ws| {
            ws.write_string(1_048_575, 0, "UNIT-A").unwrap();
            ws.write_string(1_048_575, 1, "Unit A").unwrap();
        });
        let d = periksa_berkas(JenisData::Unit, &jauh).unwrap();
        assert_eq!(d.unit.len(), 1);
        assert_eq!(d.unit[0].kode, "UNIT-A");
        let e = periksa_berkas(
            JenisData::Unit,
            &xlsx(|ws| {
                ws.write_string(1_048_575, 0, "UNIT-A").unwrap();
            }),
        )
        .unwrap_err();
        assert!(
            letak(&e).iter().any(|l| l == "unit[1048576].nama"),
            "{:?}",
            letak(&e)
        );
        // A value in the last column (XFD) with one in A1 made calamine's range
        // 16 384 × 1 048 576 cells; it is now refused by column.
        let lebar = xlsx(|ws| {
            ws.write_string(1, 0, "UNIT-A").unwrap();
            ws.write_string(1, 1, "Unit A").unwrap();
            ws.write_string(1_048_575, 16_383, "x").unwrap();
        });
        let pesan = pesan_berkas(periksa_berkas(JenisData::Unit, &lebar).unwrap_err());
        assert!(pesan.contains("kolom ke-16384"), "{pesan}");
        // Empty formatted cells far right are not values: ignored.
        let format = xlsx(|ws| {
            ws.write_string(1, 0, "UNIT-A").unwrap();
            ws.write_string(1, 1, "Unit A").unwrap();
            ws.write_blank(1, 16_383, &rust_xlsxwriter::Format::new().set_bold())
                .unwrap();
        });
        assert_eq!(
            periksa_berkas(JenisData::Unit, &format).unwrap().unit.len(),
            1
        );
    }

    /// `xlsx` with `ganti` applied to the text of its first sheet's XML.
    fn ubah_lembar(xlsx: &[u8], ganti: impl Fn(&str) -> String) -> Vec<u8> {
        use std::io::Read;
        let mut masuk = zip::ZipArchive::new(Cursor::new(xlsx)).unwrap();
        let mut keluar = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for i in 0..masuk.len() {
            let mut f = masuk.by_index(i).unwrap();
            let nama = f.name().to_string();
            let mut isi = String::new();
            f.read_to_string(&mut isi).unwrap();
            if nama == "xl/worksheets/sheet1.xml" {
                isi = ganti(&isi);
            }
            keluar
                .start_file(nama, zip::write::SimpleFileOptions::default())
                .unwrap();
            keluar.write_all(isi.as_bytes()).unwrap();
        }
        keluar.finish().unwrap().into_inner()
    }

    #[test]
    fn referensi_sel_yang_meluap_tidak_membuat_panik() {
        // calamine computes "A1:D5000…0" and "B99999999999" in u32 without checks (found by
        // the impor_xlsx fuzz target): a debug build panicked. Now the position wraps as in a
        // release build, and the file is read or refused like any other.
        let asli = xlsx(|ws| {
            ws.write_string(1, 0, "UNIT-A").unwrap();
            ws.write_string(1, 1, "Unit A").unwrap();
        });
        let dimensi = ubah_lembar(&asli, |x| {
            let (a, b) = x.split_once("<dimension ref=\"").unwrap();
            let b = &b[b.find('"').unwrap()..];
            format!("{a}<dimension ref=\"A1:D{}{b}", "5".repeat(60))
        });
        assert_ne!(dimensi, asli);
        let d = periksa_berkas(JenisData::Unit, &dimensi).unwrap();
        assert_eq!(d.unit[0].kode, "UNIT-A", "the dimension is not needed");
        let sel = ubah_lembar(&asli, |x| x.replace("r=\"B2\"", "r=\"B99999999999\""));
        assert_ne!(sel, asli);
        match periksa_berkas(JenisData::Unit, &sel) {
            Ok(_) | Err(GalatBerkas::Ditolak { .. }) => {}
            Err(e) => panic!("{e:?}"),
        }
    }

    #[test]
    fn csv_terlalu_lebar_atau_panjang_ditolak() {
        let mut lebar = String::from("kode,nama\nA,Unit A");
        lebar.push_str(&",".repeat(MAKS_KOLOM));
        lebar.push_str("x\n");
        let pesan = pesan_berkas(periksa_berkas(JenisData::Unit, lebar.as_bytes()).unwrap_err());
        assert!(
            pesan.contains(&format!("lebih dari {MAKS_KOLOM} kolom")),
            "{pesan}"
        );
        // Empty cells beyond the limit (a spreadsheet's trailing separators) are fine.
        let kosong = format!("kode,nama\nA,Unit A{}\n", ",".repeat(MAKS_KOLOM * 2));
        assert_eq!(
            periksa_berkas(JenisData::Unit, kosong.as_bytes())
                .unwrap()
                .unit
                .len(),
            1
        );

        let mut panjang = String::from("kode,nama\n");
        for i in 0..=MAKS_BARIS {
            panjang.push_str(&format!("U{i},Unit {i}\n"));
        }
        let pesan = pesan_berkas(periksa_berkas(JenisData::Unit, panjang.as_bytes()).unwrap_err());
        assert!(
            pesan.contains(&format!("lebih dari {MAKS_BARIS} baris")),
            "{pesan}"
        );
    }

    #[test]
    fn galat_banyak_diringkas() {
        let mut csv = String::from("kode,nama\n");
        for i in 0..5000 {
            csv.push_str(&format!("kode salah {i},\n"));
        }
        match periksa_berkas(JenisData::Unit, csv.as_bytes()).unwrap_err() {
            GalatBerkas::Ditolak { pesan, galat } => {
                // Two faults a row (kode, nama): all counted, the first MAKS_GALAT listed.
                assert!(pesan.contains("10000 kesalahan"), "{pesan}");
                assert_eq!(galat.len(), MAKS_GALAT + 1);
                assert_eq!((galat[0].baris, galat[0].kolom.as_str()), (2, "kode"));
                assert!(galat[MAKS_GALAT].pesan.starts_with("9000 kesalahan lain"));
            }
            lain => panic!("{lain:?}"),
        }
    }

    #[test]
    fn rantai_unit_panjang_dan_lingkaran() {
        // One chain, leaf first: U0 under U1 under … under the root.
        let n = 50_000;
        let mut csv = String::from("kode,nama,induk_kode\n");
        for i in 0..n {
            let induk = if i + 1 < n {
                format!("U{}", i + 1)
            } else {
                String::new()
            };
            csv.push_str(&format!("U{i},Unit {i},{induk}\n"));
        }
        let d = periksa_berkas(JenisData::Unit, csv.as_bytes()).unwrap();
        assert_eq!(d.unit.len(), n);
        assert_eq!(d.unit[0].kode, format!("U{}", n - 1), "the root first");
        assert_eq!(d.unit[n - 1].kode, "U0");
        // The same chain closed into a circle is refused, naming a unit on it.
        let lingkar = csv.replacen(
            &format!("U{},Unit {},\n", n - 1, n - 1),
            &format!("U{},Unit {},U0\n", n - 1, n - 1),
            1,
        );
        let e = periksa_berkas(JenisData::Unit, lingkar.as_bytes()).unwrap_err();
        assert!(pesan_berkas(e).contains("lingkaran induk"));
    }

    #[test]
    fn periksa_berkas_tanpa_basis_data() {
        let csv = "kode;nama;induk_kode\nANAK;Anak;INDUK\nINDUK;Induk;\n";
        let d = periksa_berkas(JenisData::Unit, csv.as_bytes()).unwrap();
        let kode: Vec<&str> = d.unit.iter().map(|u| u.kode.as_str()).collect();
        assert_eq!(kode, ["INDUK", "ANAK"], "parents first");
        // A position needs its unit: with no database behind, it must be in the file.
        let e = periksa_berkas(
            JenisData::Jabatan,
            b"kode,unit_kode,nama,jenis_jabatan\nJ1,X,Jabatan,pelaksana\n",
        )
        .unwrap_err();
        assert!(
            letak(&e).iter().any(|l| l == "jabatan[2].unit_kode"),
            "{:?}",
            letak(&e)
        );
        let e = periksa_berkas(JenisData::Unit, b"kode,nama\n").unwrap_err();
        assert_eq!(pesan_berkas(e), "berkas tidak memuat baris data");
    }
}
