//! The append-only audit log as a hash chain, one chain per instansi.
//!
//! Each entry's hash covers its own fields and the previous entry's hash, so a modified entry
//! breaks its own hash, a deleted entry leaves a gap in `seq` and a wrong `hash_sebelumnya`, and a
//! reordered pair breaks both links. [`verifikasi`] reports the first broken link of a chain.

use crate::model::EntriAudit;
use chrono::{DateTime, SecondsFormat, Utc};
use serde::Serialize;
use sha2::{Digest, Sha256};

/// The hash that precedes the first entry of a chain.
pub const HASH_AWAL: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The hash of an entry, over every field but the hash itself.
#[allow(clippy::too_many_arguments)]
pub fn hitung_hash(
    instansi_id: i64,
    seq: i64,
    waktu: DateTime<Utc>,
    pelaku: &str,
    aksi: &str,
    entitas: &str,
    entitas_id: &str,
    sebelum: Option<&str>,
    sesudah: Option<&str>,
    hash_sebelumnya: &str,
) -> String {
    let mut h = Sha256::new();
    // Length-prefixed fields, so that no two different entries serialise alike.
    let waktu = waktu.to_rfc3339_opts(SecondsFormat::Micros, true);
    let seq = seq.to_string();
    let instansi = instansi_id.to_string();
    let fields: [Option<&str>; 10] = [
        Some(&instansi),
        Some(&seq),
        Some(&waktu),
        Some(pelaku),
        Some(aksi),
        Some(entitas),
        Some(entitas_id),
        sebelum,
        sesudah,
        Some(hash_sebelumnya),
    ];
    for f in fields {
        match f {
            None => h.update(b"-\n"),
            Some(s) => {
                h.update(s.len().to_string().as_bytes());
                h.update(b":");
                h.update(s.as_bytes());
                h.update(b"\n");
            }
        }
    }
    hex::encode(h.finalize())
}

fn hash_entri(e: &EntriAudit) -> String {
    hitung_hash(
        e.instansi_id,
        e.seq,
        e.waktu,
        &e.pelaku,
        &e.aksi,
        &e.entitas,
        &e.entitas_id,
        e.sebelum.as_deref(),
        e.sesudah.as_deref(),
        &e.hash_sebelumnya,
    )
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TautanRusak {
    pub instansi_id: i64,
    pub seq: i64,
    pub alasan: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct HasilVerifikasi {
    pub jumlah_entri: u64,
    /// The first broken link of each broken chain.
    pub rusak: Vec<TautanRusak>,
    /// The last entry of each chain as verified: a chain cannot show that its newest entries
    /// were cut off, so operators keep these elsewhere and compare (SECURITY.md).
    pub ujung: Vec<UjungRantai>,
}

/// The head of one instansi's chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UjungRantai {
    pub instansi_id: i64,
    pub seq: i64,
    pub hash: String,
}

impl HasilVerifikasi {
    pub fn utuh(&self) -> bool {
        self.rusak.is_empty()
    }
}

/// Verify entries ordered by (instansi_id, seq) as stored.
pub fn verifikasi(entri: impl IntoIterator<Item = EntriAudit>) -> HasilVerifikasi {
    let mut hasil = HasilVerifikasi::default();
    let mut instansi: Option<i64> = None;
    let mut prev_hash = HASH_AWAL.to_string();
    let mut prev_seq = 0i64;
    let mut rusak_di_sini = false;
    for e in entri {
        hasil.jumlah_entri += 1;
        if instansi != Some(e.instansi_id) {
            instansi = Some(e.instansi_id);
            prev_hash = HASH_AWAL.to_string();
            prev_seq = 0;
            rusak_di_sini = false;
        }
        if rusak_di_sini {
            continue;
        }
        let alasan = if e.seq != prev_seq + 1 {
            Some(format!(
                "nomor urut melompat dari {} ke {} (entri dihapus atau diurutkan ulang)",
                prev_seq, e.seq
            ))
        } else if e.hash_sebelumnya != prev_hash {
            Some("hash entri sebelumnya tidak cocok (entri dihapus atau diurutkan ulang)".into())
        } else if hash_entri(&e) != e.hash {
            Some("isi entri tidak cocok dengan hash-nya (entri diubah)".into())
        } else {
            None
        };
        if let Some(alasan) = alasan {
            hasil.rusak.push(TautanRusak {
                instansi_id: e.instansi_id,
                seq: e.seq,
                alasan,
            });
            rusak_di_sini = true;
            continue;
        }
        prev_seq = e.seq;
        prev_hash = e.hash.clone();
        match hasil.ujung.last_mut() {
            Some(u) if u.instansi_id == e.instansi_id => {
                u.seq = e.seq;
                u.hash = e.hash.clone();
            }
            _ => hasil.ujung.push(UjungRantai {
                instansi_id: e.instansi_id,
                seq: e.seq,
                hash: e.hash.clone(),
            }),
        }
    }
    hasil
}
