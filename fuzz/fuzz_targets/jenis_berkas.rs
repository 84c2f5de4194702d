//! The upload type check on any name and content: `kenali` and `tentukan_jenis` never panic,
//! and what is accepted is what the content is — never a kind the name claims but the bytes
//! are not (an HTML page named `.pdf`, a PNG named `.pdf`), never a program or script.
#![no_main]

use kinerja_bukti::{kenali, tentukan_jenis, GalatBukti, JenisBerkas, Kenal};
use libfuzzer_sys::fuzz_target;

const SIG_OLE: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// Input: one byte n, then n bytes of file name (lossy UTF-8), then the content.
fn pisah(data: &[u8]) -> Option<(String, &[u8])> {
    let (&n, sisa) = data.split_first()?;
    let n = (n as usize).min(sisa.len());
    let (nama, isi) = sisa.split_at(n);
    Some((String::from_utf8_lossy(nama).into_owned(), isi))
}

fuzz_target!(|data: &[u8]| {
    let Some((nama, isi)) = pisah(data) else {
        return;
    };
    let kenal = kenali(isi);
    let klaim = JenisBerkas::dari_ekstensi(&nama);
    match tentukan_jenis(&nama, isi) {
        Ok(j) => {
            assert!(!isi.is_empty());
            assert_eq!(JenisBerkas::dari_kode(j.kode()), Some(j));
            match kenal {
                Kenal::Jenis(k) => assert!(k == j || (k.ole() && j.ole()), "{k:?} stored as {j:?}"),
                // Only an OLE file without a visible directory, under a legacy Office name.
                Kenal::TidakDikenal => {
                    assert!(isi.starts_with(SIG_OLE) && j.ole() && klaim == Some(j))
                }
                Kenal::Eksekutabel => panic!("a program accepted as {j:?}"),
            }
            if let Some(k) = klaim {
                assert!(
                    k == j || (k.ole() && j.ole()),
                    "claimed {k:?}, stored {j:?}"
                );
            }
            if j == JenisBerkas::Teks {
                assert!(!isi.contains(&0));
                if let Err(e) = std::str::from_utf8(isi) {
                    assert!(e.error_len().is_none(), "only a character cut at the end");
                }
            }
        }
        Err(e) => {
            assert_eq!(e.status(), 422, "{e:?}");
            assert!(!e.to_string().is_empty());
            if isi.is_empty() {
                assert!(matches!(e, GalatBukti::Kosong));
            } else if kenal == Kenal::Eksekutabel {
                assert!(matches!(e, GalatBukti::Eksekutabel));
            }
        }
    }
});
