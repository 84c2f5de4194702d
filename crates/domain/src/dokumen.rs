//! The documents the product issues — the formats of Lampiran I (Perwali Bekasi 38/2023: SKP
//! with its lampiran, Evaluasi Kinerja Pegawai, Dokumen Evaluasi Kinerja Pegawai) and the forms
//! of the KemenPANRB guidance (umpan balik berkala, manual indikator, matriks peran hasil) — and
//! the verification code printed on each.
//!
//! A code is `KNJ-` and twelve random Crockford base-32 characters in three groups, then one
//! check character (the value mod 37, Crockford's check symbols): "KNJ-7Q2M-XK4D-93HT-P". One
//! changed or swapped character fails the check, so a code altered on paper is told apart
//! from one that was never issued. 60 random bits make codes unguessable.

use crate::enumerasi;
use crate::periode::Periode;
use crate::skp::FormatSkp;

enumerasi!(
    /// What a document certifies.
    JenisDokumen, "jenis", {
        Skp => ("skp", "Sasaran Kinerja Pegawai"),
        Evaluasi => ("evaluasi", "Evaluasi Kinerja Pegawai"),
        DokumenEvaluasi => ("dokumen_evaluasi", "Dokumen Evaluasi Kinerja Pegawai"),
        UmpanBalik => ("umpan_balik", "Umpan Balik Berkala"),
        ManualIndikator => ("manual_indikator", "Manual Indikator SKP"),
        MatriksPeranHasil => ("matriks_peran_hasil", "Matriks Peran Hasil"),
    }
);

impl JenisDokumen {
    /// Documents of one SKP and one period (the rest belong to the SKP's year).
    pub fn per_periode(self) -> bool {
        matches!(
            self,
            Self::Evaluasi | Self::DokumenEvaluasi | Self::UmpanBalik
        )
    }

    /// The key of what a document is about: a newer document with the same key supersedes the
    /// older ones. `subjek` is the SKP (or, for the matriks, the leader's SKP).
    pub fn kunci_subjek(self, subjek_id: i64, periode: Option<&str>) -> String {
        match periode {
            Some(p) if self.per_periode() => format!("{}:{subjek_id}:{p}", self.kode()),
            _ => format!("{}:{subjek_id}", self.kode()),
        }
    }

    /// The file name of the PDF: "skp-2026-197011252002051077.pdf".
    pub fn nama_berkas(self, nip: &str, periode: &str) -> String {
        format!("{}-{periode}-{nip}.pdf", self.kode().replace('_', "-"))
    }
}

/// Title lines of an SKP or evaluation format, as Lampiran I prints them.
pub fn judul_format(jenis: JenisDokumen, format: FormatSkp) -> Vec<String> {
    let kepala = match jenis {
        JenisDokumen::Evaluasi => "EVALUASI KINERJA PEGAWAI",
        _ => "SASARAN KINERJA PEGAWAI",
    };
    let (pendekatan, bagi) = match format {
        FormatSkp::Format1 => (
            "KUALITATIF",
            "BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI",
        ),
        FormatSkp::Format2 => (
            "KUANTITATIF",
            "BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI",
        ),
        FormatSkp::Format3 => (
            "KUALITATIF",
            "BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL",
        ),
        FormatSkp::Format4 => (
            "KUANTITATIF",
            "BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL",
        ),
        FormatSkp::Format5 => ("KUALITATIF", "BAGI PEGAWAI TUGAS BELAJAR"),
    };
    vec![
        kepala.to_string(),
        format!("PENDEKATAN HASIL KERJA {pendekatan}"),
        bagi.to_string(),
    ]
}

/// Row 5 of the rater's block: formats 1, 2 and 5 say INSTANSI, formats 3 and 4 UNIT KERJA.
pub fn label_unit_penilai(format: FormatSkp) -> &'static str {
    if format.ja_jf() {
        "UNIT KERJA"
    } else {
        "INSTANSI"
    }
}

/// "PERIODE: BULAN OKTOBER 2026", "PERIODE: TRIWULAN III 2026", "PERIODE: AKHIR 2026".
pub fn label_periode_evaluasi(p: Periode) -> String {
    match p {
        Periode::Tahunan { tahun } => format!("PERIODE: AKHIR TAHUN {tahun}"),
        Periode::Bulan { .. } => format!("PERIODE: BULAN {}", p.label().to_uppercase()),
        Periode::Triwulan { .. } => format!("PERIODE: {}", p.label().to_uppercase()),
    }
}

/// "PERIODE PENILAIAN: 1 JANUARI SD 31 DESEMBER TAHUN 2026" for the days an SKP covers.
pub fn label_periode_penilaian(mulai: chrono::NaiveDate, selesai: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    let hari = |d: chrono::NaiveDate| {
        format!(
            "{} {}",
            d.day(),
            crate::periode::nama_bulan(d.month()).to_uppercase()
        )
    };
    format!(
        "PERIODE PENILAIAN: {} SD {} TAHUN {}",
        hari(mulai),
        hari(selesai),
        selesai.year()
    )
}

const ALFABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// Crockford's five extra check symbols after the 32 digits.
const CEK: &[u8; 37] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ*~$=U";
const AWALAN: &str = "KNJ";
const PANJANG_ACAK: usize = 12;

/// A verification code with a valid check character (it may still be unknown).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct KodeVerifikasi(String);

/// Why a text is not a verification code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GalatKode {
    /// Not the shape of a code at all (HTTP 400).
    #[error("Kode verifikasi harus berbentuk KNJ-XXXX-XXXX-XXXX-X (huruf dan angka)")]
    Bentuk,
    /// The right shape but the check character does not match: altered or mistyped (HTTP 422).
    #[error("Kode verifikasi tidak sah: karakter pemeriksanya tidak cocok, jadi kode ini telah diubah atau salah ketik")]
    TidakSah,
}

fn nilai(c: u8) -> Option<u32> {
    // Crockford: I and L read as 1, O as 0.
    let c = match c.to_ascii_uppercase() {
        b'I' | b'L' => b'1',
        b'O' => b'0',
        x => x,
    };
    ALFABET.iter().position(|&a| a == c).map(|i| i as u32)
}

fn karakter_cek(isi: &[u32]) -> u8 {
    // The code's value mod 37, computed digit by digit.
    let sisa = isi.iter().fold(0u32, |acc, &d| (acc * 32 + d) % 37);
    CEK[sisa as usize]
}

impl KodeVerifikasi {
    /// A code from 60 random bits (the caller supplies them: the store's random source).
    pub fn dari_acak(acak: u64) -> Self {
        let digit: Vec<u32> = (0..PANJANG_ACAK)
            .rev()
            .map(|i| ((acak >> (5 * i)) & 31) as u32)
            .collect();
        let teks: String = digit.iter().map(|&d| ALFABET[d as usize] as char).collect();
        KodeVerifikasi(format!(
            "{AWALAN}-{}-{}-{}-{}",
            &teks[0..4],
            &teks[4..8],
            &teks[8..12],
            karakter_cek(&digit) as char
        ))
    }

    /// Reads a code as typed or scanned: case and dashes/spaces do not matter, the prefix may be
    /// left out, and I/L/O read as 1/1/0.
    pub fn parse(s: &str) -> Result<Self, GalatKode> {
        let bersih: Vec<u8> = s
            .trim()
            .bytes()
            .filter(|b| !matches!(b, b'-' | b' '))
            .map(|b| b.to_ascii_uppercase())
            .collect();
        let isi = bersih.strip_prefix(AWALAN.as_bytes()).unwrap_or(&bersih);
        if isi.len() != PANJANG_ACAK + 1 {
            return Err(GalatKode::Bentuk);
        }
        let digit = isi[..PANJANG_ACAK]
            .iter()
            .map(|&c| nilai(c))
            .collect::<Option<Vec<u32>>>()
            .ok_or(GalatKode::Bentuk)?;
        let cek = isi[PANJANG_ACAK];
        if !CEK.contains(&cek) && nilai(cek).is_none() {
            return Err(GalatKode::Bentuk);
        }
        let cek = nilai(cek).map_or(cek, |v| ALFABET[v as usize]);
        if cek != karakter_cek(&digit) {
            return Err(GalatKode::TidakSah);
        }
        let acak = digit.iter().fold(0u64, |acc, &d| (acc << 5) | d as u64);
        Ok(KodeVerifikasi::dari_acak(acak))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for KodeVerifikasi {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::enumerasi::Enumerasi;
    use proptest::prelude::*;

    #[test]
    fn bentuk_kode() {
        let k = KodeVerifikasi::dari_acak(0x0123_4567_89AB_CDEF & ((1 << 60) - 1));
        let s = k.as_str();
        assert_eq!(s.len(), "KNJ-XXXX-XXXX-XXXX-X".len());
        assert!(s.starts_with("KNJ-"));
        assert_eq!(KodeVerifikasi::parse(s), Ok(k.clone()));
        // Typed loosely: lower case, no dashes, no prefix.
        let longgar = s[4..].replace('-', "").to_lowercase();
        assert_eq!(KodeVerifikasi::parse(&longgar), Ok(k));
    }

    #[test]
    fn kode_salah_bentuk() {
        for s in [
            "",
            "KNJ",
            "KNJ-1234",
            "KNJ-1234-5678-9ABC-DE",
            "KNJ-12U4-5678-9ABC-D",
            "<script>",
            "../../etc/passwd",
        ] {
            assert_eq!(KodeVerifikasi::parse(s), Err(GalatKode::Bentuk), "{s}");
        }
    }

    #[test]
    fn kode_nol_dan_maksimum() {
        for acak in [0u64, (1 << 60) - 1] {
            let k = KodeVerifikasi::dari_acak(acak);
            assert_eq!(KodeVerifikasi::parse(k.as_str()), Ok(k));
        }
    }

    proptest! {
        /// Every issued code reads back; changing one character or swapping two different
        /// neighbours is always caught.
        #[test]
        fn satu_karakter_berubah_ketahuan(acak in 0u64..(1 << 60), pos in 0usize..13, ganti in 0usize..32) {
            let k = KodeVerifikasi::dari_acak(acak);
            prop_assert_eq!(KodeVerifikasi::parse(k.as_str()), Ok(k.clone()));
            let polos: Vec<u8> = k.as_str()[4..].bytes().filter(|&b| b != b'-').collect();
            let mut ubah = polos.clone();
            let baru = if pos == 12 { CEK[ganti] } else { ALFABET[ganti] };
            prop_assume!(baru != ubah[pos]);
            ubah[pos] = baru;
            let teks = String::from_utf8(ubah).unwrap();
            prop_assert!(KodeVerifikasi::parse(&teks).is_err(), "{teks}");
            if pos < 11 && polos[pos] != polos[pos + 1] {
                let mut tukar = polos.clone();
                tukar.swap(pos, pos + 1);
                let teks = String::from_utf8(tukar).unwrap();
                prop_assert_eq!(KodeVerifikasi::parse(&teks), Err(GalatKode::TidakSah));
            }
        }
    }

    #[test]
    fn kunci_dan_judul() {
        assert_eq!(
            JenisDokumen::Skp.kunci_subjek(12, Some("2026-10")),
            "skp:12"
        );
        assert_eq!(
            JenisDokumen::Evaluasi.kunci_subjek(12, Some("2026-10")),
            "evaluasi:12:2026-10"
        );
        assert_eq!(
            JenisDokumen::DokumenEvaluasi.nama_berkas("197011252002051077", "2026-10"),
            "dokumen-evaluasi-2026-10-197011252002051077.pdf"
        );
        assert_eq!(
            JenisDokumen::dari_kode("umpan_balik"),
            Ok(JenisDokumen::UmpanBalik)
        );
        assert_eq!(
            judul_format(JenisDokumen::Evaluasi, FormatSkp::Format4),
            [
                "EVALUASI KINERJA PEGAWAI",
                "PENDEKATAN HASIL KERJA KUANTITATIF",
                "BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL"
            ]
        );
        assert_eq!(label_unit_penilai(FormatSkp::Format1), "INSTANSI");
        assert_eq!(label_unit_penilai(FormatSkp::Format3), "UNIT KERJA");
        assert_eq!(
            label_periode_evaluasi(Periode::parse("2026-10").unwrap()),
            "PERIODE: BULAN OKTOBER 2026"
        );
        assert_eq!(
            label_periode_evaluasi(Periode::parse("2026-T3").unwrap()),
            "PERIODE: TRIWULAN III 2026"
        );
        assert_eq!(
            label_periode_evaluasi(Periode::parse("2026").unwrap()),
            "PERIODE: AKHIR TAHUN 2026"
        );
        let d = |m, h| chrono::NaiveDate::from_ymd_opt(2026, m, h).unwrap();
        assert_eq!(
            label_periode_penilaian(d(1, 1), d(12, 31)),
            "PERIODE PENILAIAN: 1 JANUARI SD 31 DESEMBER TAHUN 2026"
        );
    }
}
