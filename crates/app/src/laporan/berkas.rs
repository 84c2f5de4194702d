//! Writing a report file row by row into an anonymous temporary file, off the async threads:
//! XLSX in rust_xlsxwriter's constant-memory mode (one row in memory; header bold and frozen,
//! set column widths, an autofilter) or CSV (comma-separated, UTF-8 with a BOM so Excel shows
//! names right). The file has no name on disk and disappears when closed, also after a failure
//! half-way; only a finished file is handed back.

use crate::error::{AppError, AppResult};
use chrono::{Datelike, NaiveDate};
use std::fs::File;
use std::io::{BufWriter, Seek, SeekFrom, Write};
use tokio::sync::mpsc::Receiver;

/// XLSX holds at most 1,048,576 rows, the header included.
pub const MAKS_BARIS_XLSX: u64 = 1_048_575;

/// One cell of a report.
#[derive(Debug, Clone, PartialEq)]
pub enum Sel {
    Kosong,
    /// Text, always written as text (a NIP keeps its 18 digits).
    Teks(String),
    /// A whole number.
    Bulat(i64),
    /// A number as it is (a koefisien such as 12.5).
    Angka(f64),
    /// A number shown with two decimals (angka kredit).
    Desimal2(f64),
    Tanggal(NaiveDate),
}

impl From<String> for Sel {
    fn from(s: String) -> Sel {
        Sel::Teks(s)
    }
}

impl From<&str> for Sel {
    fn from(s: &str) -> Sel {
        Sel::Teks(s.to_string())
    }
}

impl<T: Into<Sel>> From<Option<T>> for Sel {
    fn from(v: Option<T>) -> Sel {
        v.map_or(Sel::Kosong, Into::into)
    }
}

impl From<NaiveDate> for Sel {
    fn from(d: NaiveDate) -> Sel {
        Sel::Tanggal(d)
    }
}

impl Sel {
    /// The cell in a CSV file: dates ISO 8601, decimals with a point.
    pub fn csv(&self) -> String {
        match self {
            Sel::Kosong => String::new(),
            Sel::Teks(s) => s.clone(),
            Sel::Bulat(n) => n.to_string(),
            Sel::Angka(x) => x.to_string(),
            Sel::Desimal2(x) => format!("{x:.2}"),
            Sel::Tanggal(d) => d.format("%Y-%m-%d").to_string(),
        }
    }
}

/// A column: its header and its width in Excel character units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Kolom {
    pub judul: &'static str,
    pub lebar: f64,
}

pub const fn kolom(judul: &'static str, lebar: f64) -> Kolom {
    Kolom { judul, lebar }
}

/// XLSX or CSV.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bentuk {
    Xlsx,
    Csv,
}

/// A finished file, positioned at its start.
#[derive(Debug)]
pub struct BerkasJadi {
    pub berkas: File,
    pub ukuran: u64,
    /// Data rows (the header not counted).
    pub baris: u64,
}

fn io(e: std::io::Error) -> AppError {
    AppError::Internal(format!("menulis berkas laporan: {e}"))
}

fn xl(e: rust_xlsxwriter::XlsxError) -> AppError {
    AppError::Internal(format!("menulis XLSX: {e}"))
}

fn terlalu_banyak() -> AppError {
    AppError::bidang_tidak_valid_persis(
        "format",
        format!(
            "Laporan melebihi {} baris, batas satu lembar XLSX; unduh sebagai CSV atau pilih unit kerja",
            MAKS_BARIS_XLSX - 1
        ),
    )
}

/// Write every batch of rows received until the sender is dropped, then finish the file.
/// Runs on a blocking thread (`spawn_blocking`); the producer stops when this returns early.
pub fn tulis(
    bentuk: Bentuk,
    lembar: &str,
    kolom: &[Kolom],
    rx: Receiver<Vec<Vec<Sel>>>,
) -> AppResult<BerkasJadi> {
    match bentuk {
        Bentuk::Xlsx => tulis_xlsx(lembar, kolom, rx),
        Bentuk::Csv => tulis_csv(kolom, rx),
    }
}

fn selesai(mut f: File, baris: u64) -> AppResult<BerkasJadi> {
    f.flush().map_err(io)?;
    let ukuran = f.seek(SeekFrom::End(0)).map_err(io)?;
    f.seek(SeekFrom::Start(0)).map_err(io)?;
    Ok(BerkasJadi {
        berkas: f,
        ukuran,
        baris,
    })
}

fn tulis_csv(kolom: &[Kolom], mut rx: Receiver<Vec<Vec<Sel>>>) -> AppResult<BerkasJadi> {
    let f = tempfile::tempfile().map_err(io)?;
    let mut b = BufWriter::with_capacity(256 * 1024, f);
    // The byte-order mark: Excel then reads the file as UTF-8.
    b.write_all("\u{feff}".as_bytes()).map_err(io)?;
    let mut w = csv::WriterBuilder::new().from_writer(b);
    let e = |e: csv::Error| AppError::Internal(format!("menulis CSV: {e}"));
    w.write_record(kolom.iter().map(|k| k.judul)).map_err(e)?;
    let mut n = 0u64;
    while let Some(batch) = rx.blocking_recv() {
        for baris in batch {
            w.write_record(baris.iter().map(Sel::csv)).map_err(e)?;
            n += 1;
        }
    }
    let b = w
        .into_inner()
        .map_err(|e| AppError::Internal(format!("menulis CSV: {e}")))?;
    let f = b.into_inner().map_err(|e| io(e.into_error()))?;
    selesai(f, n)
}

fn tulis_xlsx(
    lembar: &str,
    kolom: &[Kolom],
    mut rx: Receiver<Vec<Vec<Sel>>>,
) -> AppResult<BerkasJadi> {
    use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, Workbook};
    let mut wb = Workbook::new();
    let tebal = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top);
    let tanggal = Format::new().set_num_format("dd/mm/yyyy");
    let desimal = Format::new().set_num_format("0.00");
    let ws = wb.add_worksheet_with_constant_memory();
    ws.set_name(lembar).map_err(xl)?;
    for (c, k) in kolom.iter().enumerate() {
        ws.set_column_width(c as u16, k.lebar).map_err(xl)?;
        ws.write_string_with_format(0, c as u16, k.judul, &tebal)
            .map_err(xl)?;
    }
    ws.set_freeze_panes(1, 0).map_err(xl)?;
    let mut r: u32 = 0;
    while let Some(batch) = rx.blocking_recv() {
        for baris in batch {
            if u64::from(r) + 1 > MAKS_BARIS_XLSX {
                return Err(terlalu_banyak());
            }
            r += 1;
            for (c, sel) in baris.iter().enumerate() {
                let c = c as u16;
                match sel {
                    Sel::Kosong => {}
                    Sel::Teks(s) => {
                        ws.write_string(r, c, s.as_str()).map_err(xl)?;
                    }
                    Sel::Bulat(n) => {
                        ws.write_number(r, c, *n as f64).map_err(xl)?;
                    }
                    Sel::Angka(x) => {
                        ws.write_number(r, c, *x).map_err(xl)?;
                    }
                    Sel::Desimal2(x) => {
                        ws.write_number_with_format(r, c, *x, &desimal)
                            .map_err(xl)?;
                    }
                    Sel::Tanggal(d) => {
                        let t = ExcelDateTime::from_ymd(
                            d.year() as u16,
                            d.month() as u8,
                            d.day() as u8,
                        )
                        .map_err(xl)?;
                        ws.write_datetime_with_format(r, c, &t, &tanggal)
                            .map_err(xl)?;
                    }
                }
            }
        }
    }
    let akhir = (kolom.len().max(1) - 1) as u16;
    ws.autofilter(0, 0, r, akhir).map_err(xl)?;
    let f = tempfile::tempfile().map_err(io)?;
    let mut b = BufWriter::with_capacity(256 * 1024, f);
    wb.save_to_writer(&mut b).map_err(xl)?;
    let f = b.into_inner().map_err(|e| io(e.into_error()))?;
    selesai(f, u64::from(r))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn kirim(batch: Vec<Vec<Vec<Sel>>>) -> Receiver<Vec<Vec<Sel>>> {
        let (tx, rx) = tokio::sync::mpsc::channel(batch.len().max(1));
        for b in batch {
            tx.try_send(b).unwrap();
        }
        rx
    }

    const KOLOM: [Kolom; 4] = [
        kolom("NIP", 20.0),
        kolom("Nama", 30.0),
        kolom("Angka Kredit", 10.0),
        kolom("Tanggal", 12.0),
    ];

    fn contoh() -> Vec<Vec<Sel>> {
        vec![
            vec![
                "198001012006041001".into(),
                "Siti Nurhaliza, S.E.".into(),
                Sel::Desimal2(18.75),
                Sel::Tanggal(NaiveDate::from_ymd_opt(2026, 10, 3).unwrap()),
            ],
            vec![
                "199912312022031002".into(),
                "Budi \"Ucok\" Santoso".into(),
                Sel::Kosong,
                Sel::Kosong,
            ],
        ]
    }

    #[test]
    fn csv_has_bom_header_and_quoted_text() {
        let b = tulis(Bentuk::Csv, "x", &KOLOM, kirim(vec![contoh()])).unwrap();
        let mut s = String::new();
        let mut f = b.berkas;
        f.read_to_string(&mut s).unwrap();
        assert_eq!(b.ukuran as usize, s.len());
        assert_eq!(b.baris, 2);
        assert!(s.starts_with('\u{feff}'));
        let baris: Vec<&str> = s.trim_start_matches('\u{feff}').lines().collect();
        assert_eq!(baris[0], "NIP,Nama,Angka Kredit,Tanggal");
        assert_eq!(
            baris[1],
            "198001012006041001,\"Siti Nurhaliza, S.E.\",18.75,2026-10-03"
        );
        assert_eq!(
            baris[2],
            "199912312022031002,\"Budi \"\"Ucok\"\" Santoso\",,"
        );
    }

    #[test]
    fn xlsx_keeps_nip_as_text_over_several_batches() {
        use calamine::{Data, Reader, Xlsx};
        let b = tulis(
            Bentuk::Xlsx,
            "evaluasi 2026-10",
            &KOLOM,
            kirim(vec![contoh(), contoh()]),
        )
        .unwrap();
        assert_eq!(b.baris, 4);
        let mut isi = Vec::new();
        let mut f = b.berkas;
        f.read_to_end(&mut isi).unwrap();
        assert_eq!(isi.len() as u64, b.ukuran);
        let mut x: Xlsx<_> = Xlsx::new(std::io::Cursor::new(isi)).unwrap();
        let r = x.worksheet_range("evaluasi 2026-10").unwrap();
        assert_eq!(r.get((0, 0)), Some(&Data::String("NIP".into())));
        assert_eq!(
            r.get((1, 0)),
            Some(&Data::String("198001012006041001".into()))
        );
        assert_eq!(r.get((1, 2)), Some(&Data::Float(18.75)));
        assert!(matches!(r.get((1, 3)), Some(Data::DateTime(_))));
        assert_eq!(r.height(), 5);
    }

    #[test]
    fn a_writer_that_never_gets_rows_still_writes_the_header() {
        let b = tulis(Bentuk::Xlsx, "kosong", &KOLOM, kirim(vec![])).unwrap();
        assert_eq!(b.baris, 0);
        assert!(b.ukuran > 0);
    }
}
