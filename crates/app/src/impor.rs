//! Import and export of units, positions and pegawai, as CSV (one file per kind) or XLSX (one
//! workbook with sheets `unit`, `jabatan`, `pegawai`).
//!
//! An import is validated whole before anything is written: every row is parsed into domain
//! types, every reference is checked against the file and the database, and a file with any fault
//! is refused with the full list of faults (sheet, row, column, message) and changes nothing.

use crate::akses::Pengguna;
use crate::error::{AppError, AppResult, GalatImpor};
use crate::App;
use kinerja_domain::jabatan::{JenisJabatan, Jenjang};
use kinerja_domain::nip::Nip;
use kinerja_domain::pangkat::{Golongan, StatusAsn};
use kinerja_store::{DataOrganisasi, JabatanImpor, PegawaiImpor, RingkasanImpor, UnitImpor};
use std::collections::{HashMap, HashSet};
use std::io::Cursor;

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
    pub fn dari_kode(s: &str) -> AppResult<JenisData> {
        match s {
            "unit" => Ok(JenisData::Unit),
            "jabatan" => Ok(JenisData::Jabatan),
            "pegawai" => Ok(JenisData::Pegawai),
            "organisasi" => Ok(JenisData::Organisasi),
            _ => Err(AppError::bidang_tidak_valid(
                "jenis",
                "pilihan: unit, jabatan, pegawai, organisasi",
            )),
        }
    }
    fn kode(self) -> &'static str {
        match self {
            JenisData::Unit => "unit",
            JenisData::Jabatan => "jabatan",
            JenisData::Pegawai => "pegawai",
            JenisData::Organisasi => "organisasi",
        }
    }
    fn kolom(self) -> &'static [&'static str] {
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
struct Lembar {
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

fn galat_berkas(pesan: impl Into<String>) -> AppError {
    let pesan = pesan.into();
    AppError::ImporDitolak {
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

fn baca_csv(jenis: JenisData, isi: &[u8], galat: &mut Vec<GalatImpor>) -> AppResult<Lembar> {
    if jenis == JenisData::Organisasi {
        return Err(AppError::bidang_tidak_valid(
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
        .map(str::to_string)
        .collect();
    let mut baris = Vec::new();
    for (i, rec) in r.records().enumerate() {
        let nomor = i + 2;
        match rec {
            Ok(rec) => {
                let v: Vec<String> = rec.iter().map(str::to_string).collect();
                if v.iter().any(|s| !s.trim().is_empty()) {
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

fn baca_xlsx(jenis: JenisData, isi: &[u8], galat: &mut Vec<GalatImpor>) -> AppResult<Vec<Lembar>> {
    use calamine::{Data, Reader, Xlsx};
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
        let range = wb
            .worksheet_range(&nama)
            .map_err(|e| galat_berkas(format!("lembar '{nama}' tidak terbaca: {e}")))?;
        let mut rows = range.rows();
        let Some(h) = rows.next() else { continue };
        let header: Vec<String> = h.iter().map(|c| c.to_string()).collect();
        let kolom_nip: HashSet<usize> = header
            .iter()
            .enumerate()
            .filter(|(_, h)| h.trim().to_lowercase().ends_with("nip"))
            .map(|(i, _)| i)
            .collect();
        let mut baris = Vec::new();
        for (i, row) in rows.enumerate() {
            let nomor = i + 2;
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

/// Read a file into sheets: XLSX by its signature, otherwise CSV.
fn baca_berkas(
    jenis: JenisData,
    isi: &[u8],
    galat: &mut Vec<GalatImpor>,
) -> AppResult<Vec<Lembar>> {
    if isi.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(galat_berkas("berkas kosong"));
    }
    if isi.starts_with(b"PK\x03\x04") {
        baca_xlsx(jenis, isi, galat)
    } else {
        Ok(vec![baca_csv(jenis, isi, galat)?])
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
struct Ada {
    unit: HashMap<String, Option<String>>,
    jabatan: HashSet<String>,
    nip: HashSet<String>,
    tipe_lampiran: HashSet<String>,
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
fn urutkan_unit(
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
        let mut jalur = Vec::new();
        let mut cur = Some(u.kode.clone());
        while let Some(k) = cur {
            if dalam.contains_key(&k) {
                break;
            }
            if jalur.contains(&k) {
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

/// A file to download.
pub struct Berkas {
    pub nama: String,
    pub content_type: &'static str,
    pub isi: Vec<u8>,
}

impl App {
    /// Validate the whole file, then write it in one transaction (units, positions, pegawai).
    pub async fn impor(
        &self,
        p: &Pengguna,
        jenis: JenisData,
        isi: &[u8],
    ) -> AppResult<RingkasanImpor> {
        p.wajib_admin()?;
        let inst = p.instansi_id();
        let mut galat = Vec::new();
        let lembar = baca_berkas(jenis, isi, &mut galat)?;
        if lembar.iter().all(|l| l.baris.is_empty()) && galat.is_empty() {
            return Err(galat_berkas("berkas tidak memuat baris data"));
        }
        let snap = self.store.muat_organisasi(inst).await?;
        let nip: HashSet<String> = self
            .store
            .semua_pegawai(inst)
            .await?
            .into_iter()
            .map(|p| p.nip.as_str().to_string())
            .collect();
        let kode_unit: HashMap<i64, String> =
            snap.unit.iter().map(|u| (u.id, u.kode.clone())).collect();
        let ada = Ada {
            unit: snap
                .unit
                .iter()
                .map(|u| {
                    (
                        u.kode.clone(),
                        u.induk_id.and_then(|i| kode_unit.get(&i).cloned()),
                    )
                })
                .collect(),
            jabatan: snap.jabatan.iter().map(|j| j.kode.clone()).collect(),
            nip,
            tipe_lampiran: snap
                .aturan
                .iter()
                .map(|a| a.tipe_unit.to_uppercase())
                .collect(),
        };
        let data = match validasi(&lembar, &ada) {
            Ok(d) if galat.is_empty() => d,
            Ok(_) => return Err(ditolak(galat)),
            Err(mut g) => {
                galat.append(&mut g);
                return Err(ditolak(galat));
            }
        };
        Ok(self
            .store
            .impor_organisasi(inst, &data, &p.pelaku())
            .await?)
    }

    /// Export in the import's own columns, so that an export imports back unchanged.
    pub async fn ekspor(&self, p: &Pengguna, jenis: JenisData, xlsx: bool) -> AppResult<Berkas> {
        p.wajib_admin()?;
        if jenis == JenisData::Organisasi && !xlsx {
            return Err(AppError::bidang_tidak_valid(
                "format",
                "ekspor organisasi lengkap hanya dalam XLSX; CSV per jenis: unit, jabatan, pegawai",
            ));
        }
        let inst = p.instansi_id();
        let lembar = self.baris_ekspor(inst, jenis).await?;
        if xlsx {
            let mut wb = rust_xlsxwriter::Workbook::new();
            for (j, rows) in &lembar {
                let ws = wb.add_worksheet();
                ws.set_name(j.kode())
                    .map_err(|e| AppError::Internal(e.to_string()))?;
                let fmt = rust_xlsxwriter::Format::new().set_bold();
                for (c, k) in j.kolom().iter().enumerate() {
                    ws.write_string_with_format(0, c as u16, *k, &fmt)
                        .map_err(|e| AppError::Internal(e.to_string()))?;
                }
                for (r, row) in rows.iter().enumerate() {
                    for (c, v) in row.iter().enumerate() {
                        // Everything as text: NIP must keep its 18 digits.
                        ws.write_string(r as u32 + 1, c as u16, v)
                            .map_err(|e| AppError::Internal(e.to_string()))?;
                    }
                }
                ws.autofit();
            }
            let isi = wb
                .save_to_buffer()
                .map_err(|e| AppError::Internal(e.to_string()))?;
            Ok(Berkas {
                nama: format!("{}.xlsx", jenis.kode()),
                content_type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                isi,
            })
        } else {
            let (j, rows) = &lembar[0];
            let mut w = csv::Writer::from_writer(Vec::new());
            let e = |e: csv::Error| AppError::Internal(e.to_string());
            w.write_record(j.kolom()).map_err(e)?;
            for row in rows {
                w.write_record(row).map_err(e)?;
            }
            let isi = w
                .into_inner()
                .map_err(|e| AppError::Internal(e.to_string()))?;
            Ok(Berkas {
                nama: format!("{}.csv", j.kode()),
                content_type: "text/csv; charset=utf-8",
                isi,
            })
        }
    }

    async fn baris_ekspor(
        &self,
        inst: i64,
        jenis: JenisData,
    ) -> AppResult<Vec<(JenisData, Vec<Vec<String>>)>> {
        let snap = self.store.muat_organisasi(inst).await?;
        let pegawai = self.store.semua_pegawai(inst).await?;
        let kode_unit: HashMap<i64, &str> =
            snap.unit.iter().map(|u| (u.id, u.kode.as_str())).collect();
        let kode_jab: HashMap<i64, &str> = snap
            .jabatan
            .iter()
            .map(|j| (j.id, j.kode.as_str()))
            .collect();
        let nip: HashMap<i64, &str> = pegawai.iter().map(|p| (p.id, p.nip.as_str())).collect();
        let s = |o: Option<&str>| o.unwrap_or("").to_string();
        let mut out = Vec::new();
        let semua = jenis == JenisData::Organisasi;
        if semua || jenis == JenisData::Unit {
            // Parents before children, so the file imports back in order.
            let mut imp: Vec<UnitImpor> = snap
                .unit
                .iter()
                .map(|u| UnitImpor {
                    kode: u.kode.clone(),
                    nama: u.nama.clone(),
                    induk_kode: u
                        .induk_id
                        .and_then(|i| kode_unit.get(&i))
                        .map(|k| k.to_string()),
                    tipe_lampiran: u.tipe_lampiran.clone(),
                })
                .collect();
            urutkan_unit(&mut imp, &HashMap::new())
                .map_err(|k| AppError::Internal(format!("siklus unit {k}")))?;
            out.push((
                JenisData::Unit,
                imp.into_iter()
                    .map(|u| {
                        vec![
                            u.kode,
                            u.nama,
                            u.induk_kode.unwrap_or_default(),
                            u.tipe_lampiran.unwrap_or_default(),
                        ]
                    })
                    .collect(),
            ));
        }
        if semua || jenis == JenisData::Jabatan {
            out.push((
                JenisData::Jabatan,
                snap.jabatan
                    .iter()
                    .map(|j| {
                        vec![
                            j.kode.clone(),
                            s(kode_unit.get(&j.unit_id).copied()),
                            j.nama.clone(),
                            s(j.jenis_jabatan.map(|x| x.kode())),
                            s(j.jenjang.map(|x| x.kode())),
                            s(j.posisi_lampiran.as_deref()),
                            s(j.atasan_id.and_then(|i| kode_jab.get(&i).copied())),
                            s(j.plt_pegawai_id.and_then(|i| nip.get(&i).copied())),
                            s(j.plh_pegawai_id.and_then(|i| nip.get(&i).copied())),
                            s(j.pemangku_non_asn.as_deref()),
                        ]
                    })
                    .collect(),
            ));
        }
        if semua || jenis == JenisData::Pegawai {
            out.push((
                JenisData::Pegawai,
                pegawai
                    .iter()
                    .map(|p| {
                        vec![
                            p.nip.to_string(),
                            p.nama.clone(),
                            p.status_asn.kode().to_string(),
                            p.golongan.kode(),
                            s(p.jabatan_id.and_then(|i| kode_jab.get(&i).copied())),
                            s(p.email.as_deref()),
                        ]
                    })
                    .collect(),
            ));
        }
        Ok(out)
    }
}

fn ditolak(galat: Vec<GalatImpor>) -> AppError {
    AppError::ImporDitolak {
        pesan: format!(
            "Berkas impor ditolak: {} kesalahan; tidak ada data yang diubah",
            galat.len()
        ),
        galat,
    }
}
