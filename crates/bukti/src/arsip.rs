//! Zip bombs among office documents: an OOXML or ODF upload is a ZIP archive, and one whose
//! central directory declares that it unpacks to far more than any document does is refused.
//!
//! The server itself never unpacks evidence (it is stored and served as sent); this protects
//! whoever opens the file afterwards. Only the declared sizes are read, from the central
//! directory at the end of the stream (the local store keeps the last [`PANJANG_EKOR_ARSIP`]
//! bytes for it): an archive whose directory lies beyond that tail is not checked.

use crate::{GalatBukti, JenisBerkas};

/// How many of an archive's last bytes are kept to read its central directory: room for about
/// ten thousand entries.
pub(crate) const PANJANG_EKOR_ARSIP: usize = 1024 * 1024;

/// Most an archive may declare it unpacks to, all entries together.
pub const MAKS_TERURAI_ARSIP: u64 = 1024 * 1024 * 1024;

/// Most one entry may declare it unpacks to per byte stored, once it is bigger than
/// [`RASIO_MULAI`]: text and XML pack 5–30 : 1, images and media about 1 : 1, a bomb 1000 : 1.
pub const MAKS_RASIO_ENTRI: u64 = 200;
const RASIO_MULAI: u64 = 10 * 1024 * 1024;

/// Whether this kind is a ZIP archive.
pub(crate) fn berbasis_zip(j: JenisBerkas) -> bool {
    matches!(
        j,
        JenisBerkas::Docx
            | JenisBerkas::Xlsx
            | JenisBerkas::Pptx
            | JenisBerkas::Odt
            | JenisBerkas::Ods
            | JenisBerkas::Odp
    )
}

/// One entry of the central directory: its name, declared unpacked and packed size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entri {
    pub nama: String,
    pub terurai: u64,
    pub mampat: u64,
}

fn u16_le(b: &[u8], i: usize) -> Option<u64> {
    Some(u16::from_le_bytes(b.get(i..i + 2)?.try_into().ok()?) as u64)
}

fn u32_le(b: &[u8], i: usize) -> Option<u64> {
    Some(u32::from_le_bytes(b.get(i..i + 4)?.try_into().ok()?) as u64)
}

fn u64_le(b: &[u8], i: usize) -> Option<u64> {
    Some(u64::from_le_bytes(b.get(i..i + 8)?.try_into().ok()?))
}

/// The central directory of a ZIP archive from its last bytes: `ekor` ends where the file
/// ends and starts at byte `mulai` of the file. `None` when the end record or the directory is
/// not within `ekor` (or is damaged).
pub(crate) fn direktori_pusat(ekor: &[u8], mulai: u64) -> Option<Vec<Entri>> {
    // The end of central directory record: the last "PK\5\6" with room for its 22 bytes.
    let akhir = ekor
        .windows(4)
        .enumerate()
        .rev()
        .find(|(i, w)| *w == b"PK\x05\x06" && i + 22 <= ekor.len())?
        .0;
    let (mut jumlah, mut offset) = (u16_le(ekor, akhir + 10)?, u32_le(ekor, akhir + 16)?);
    // ZIP64: the locator just before the end record points at the ZIP64 end record.
    if akhir >= 20 && &ekor[akhir - 20..akhir - 16] == b"PK\x06\x07" {
        let rekam = u64_le(ekor, akhir - 20 + 8)?.checked_sub(mulai)? as usize;
        if ekor.get(rekam..rekam + 4)? != b"PK\x06\x06" {
            return None;
        }
        jumlah = u64_le(ekor, rekam + 32)?;
        offset = u64_le(ekor, rekam + 48)?;
    }
    let mut i = offset.checked_sub(mulai)? as usize;
    let mut entri = Vec::new();
    for _ in 0..jumlah {
        if ekor.get(i..i + 4)? != b"PK\x01\x02" {
            return None;
        }
        let (mut mampat, mut terurai) = (u32_le(ekor, i + 20)?, u32_le(ekor, i + 24)?);
        let (n, m, k) = (
            u16_le(ekor, i + 28)? as usize,
            u16_le(ekor, i + 30)? as usize,
            u16_le(ekor, i + 32)? as usize,
        );
        let nama = String::from_utf8_lossy(ekor.get(i + 46..i + 46 + n)?).into_owned();
        // ZIP64 sizes live in the extra field 0x0001: unpacked first, then packed, each only
        // when its 32-bit field is 0xFFFFFFFF.
        let ekstra = ekor.get(i + 46 + n..i + 46 + n + m)?;
        let mut j = 0;
        while j + 4 <= ekstra.len() {
            let (id, panjang) = (u16_le(ekstra, j)?, u16_le(ekstra, j + 2)? as usize);
            if id == 1 {
                let mut p = j + 4;
                if terurai == 0xFFFF_FFFF {
                    terurai = u64_le(ekstra, p)?;
                    p += 8;
                }
                if mampat == 0xFFFF_FFFF {
                    mampat = u64_le(ekstra, p)?;
                }
            }
            j += 4 + panjang;
        }
        entri.push(Entri {
            nama,
            terurai,
            mampat,
        });
        i += 46 + n + m + k;
    }
    Some(entri)
}

/// Refuse an archive whose directory declares more than [`MAKS_TERURAI_ARSIP`] in all, or one
/// entry over [`MAKS_RASIO_ENTRI`] : 1. An archive whose directory cannot be read from `ekor`
/// passes (see the module documentation).
pub(crate) fn periksa_bom(ekor: &[u8], mulai: u64) -> Result<(), GalatBukti> {
    let Some(entri) = direktori_pusat(ekor, mulai) else {
        return Ok(());
    };
    let mut total: u64 = 0;
    for e in &entri {
        total = total.saturating_add(e.terurai);
        let rasio_berlebih =
            e.terurai > RASIO_MULAI && e.terurai / e.mampat.max(1) > MAKS_RASIO_ENTRI;
        if total > MAKS_TERURAI_ARSIP || rasio_berlebih {
            return Err(GalatBukti::ArsipBom {
                bagian: e.nama.chars().take(100).collect(),
            });
        }
    }
    Ok(())
}
