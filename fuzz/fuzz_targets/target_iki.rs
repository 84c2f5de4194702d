//! `Target::parse` on any text, for both approaches: never panics; a parsed target keeps the
//! trimmed text, has finite ordered bounds (a non-finite one would be stored as JSON null), and parses again from its own text to itself.
#![no_main]

use kinerja_domain::perilaku::Pendekatan;
use kinerja_domain::skp::Target;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pilih, teks)) = data.split_first() else {
        return;
    };
    let Ok(teks) = std::str::from_utf8(teks) else {
        return;
    };
    let pendekatan = if pilih & 1 == 0 {
        Pendekatan::Kuantitatif
    } else {
        Pendekatan::Kualitatif
    };
    match Target::parse(teks, pendekatan) {
        Ok(t) => {
            assert_eq!(t.teks, teks.trim());
            match (t.min, t.maks) {
                (Some(a), Some(b)) => {
                    assert!(a.is_finite() && b.is_finite(), "{t:?}");
                    assert!(a >= 0.0 && a <= b, "{t:?}");
                }
                (None, None) => {
                    assert_eq!(pendekatan, Pendekatan::Kualitatif);
                    assert!(t.satuan.is_none());
                }
                _ => panic!("one bound without the other: {t:?}"),
            }
            if pendekatan == Pendekatan::Kuantitatif {
                assert!(t.satuan.as_deref().is_some_and(|s| !s.is_empty()), "{t:?}");
            }
            assert_eq!(t.rentang(), t.min < t.maks);
            let lagi = Target::parse(&t.teks, pendekatan).expect("its own text parses again");
            assert_eq!(lagi, t);
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
});
