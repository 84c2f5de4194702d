//! Pemeringkatan (Pasal 31): pegawai ranked by predikat within a unit or the instansi. Equal
//! predikat share a rank ("1, 1, 3"); within a rank the list is ordered by name, which is
//! presentation, not merit.

use crate::kuadran::Predikat;
use std::cmp::Ordering;

/// Sorts `entri` best predikat first (then by name) and answers each entry's rank, in the new
/// order. Standard competition ranking: the rank is one more than the number of pegawai with a
/// strictly better predikat.
pub fn beri_peringkat<T>(
    entri: &mut [T],
    predikat: impl Fn(&T) -> Predikat,
    nama: impl Fn(&T) -> &str,
) -> Vec<u32> {
    entri.sort_by(|a, b| match predikat(a).cmp(&predikat(b)) {
        Ordering::Equal => nama(a).cmp(nama(b)),
        o => o,
    });
    let mut hasil = Vec::with_capacity(entri.len());
    let mut sebelumnya: Option<Predikat> = None;
    let mut peringkat = 0u32;
    for (i, e) in entri.iter().enumerate() {
        let p = predikat(e);
        if sebelumnya != Some(p) {
            peringkat = i as u32 + 1;
            sebelumnya = Some(p);
        }
        hasil.push(peringkat);
    }
    hasil
}
