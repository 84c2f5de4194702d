//! What the importer targets share: the invariants of an accepted file, and the CSV that
//! `App::ekspor` writes for the same data (its columns, its order).

use kinerja_impor::{GalatBerkas, JenisData, KOLOM_JABATAN, KOLOM_PEGAWAI, KOLOM_UNIT};
use kinerja_store::DataOrganisasi;
use std::collections::HashMap;

/// An accepted file: unique, well-formed unit kodes, parents before children, every name
/// given. A refused one: the list of faults, each with its message.
pub fn periksa(hasil: &Result<DataOrganisasi, GalatBerkas>) {
    match hasil {
        Ok(d) => {
            let mut posisi = HashMap::new();
            for (i, u) in d.unit.iter().enumerate() {
                assert!(kode_sah(&u.kode), "{u:?}");
                assert!(!u.nama.is_empty() && u.nama == u.nama.trim(), "{u:?}");
                assert!(
                    posisi.insert(u.kode.as_str(), i).is_none(),
                    "kode twice: {u:?}"
                );
            }
            for (i, u) in d.unit.iter().enumerate() {
                if let Some(&j) = u.induk_kode.as_deref().and_then(|k| posisi.get(k)) {
                    assert!(j < i, "parent after child: {u:?}");
                }
            }
            for j in &d.jabatan {
                assert!(kode_sah(&j.kode) && !j.nama.is_empty(), "{j:?}");
            }
            for p in &d.pegawai {
                assert!(!p.nama.is_empty(), "{p:?}");
                assert!(p.email.as_deref().is_none_or(|e| e.contains('@')), "{p:?}");
            }
        }
        Err(GalatBerkas::Ditolak { pesan, galat }) => {
            assert!(!pesan.is_empty() && !galat.is_empty());
            assert!(galat.iter().all(|g| !g.pesan.is_empty()), "{galat:?}");
        }
        Err(e @ GalatBerkas::TidakValid { .. }) => panic!("every kind asked for is valid: {e:?}"),
    }
}

fn kode_sah(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./".contains(c))
}

/// The CSV of one kind of `d`, as the export writes it.
#[allow(dead_code)] // used by impor_csv, not impor_xlsx
pub fn csv(jenis: JenisData, d: &DataOrganisasi) -> Vec<u8> {
    let o = |s: &Option<String>| s.clone().unwrap_or_default();
    let (kolom, baris): (&[&str], Vec<Vec<String>>) = match jenis {
        JenisData::Unit => (
            KOLOM_UNIT,
            d.unit
                .iter()
                .map(|u| {
                    vec![
                        u.kode.clone(),
                        u.nama.clone(),
                        o(&u.induk_kode),
                        o(&u.tipe_lampiran),
                    ]
                })
                .collect(),
        ),
        JenisData::Jabatan => (
            KOLOM_JABATAN,
            d.jabatan
                .iter()
                .map(|j| {
                    vec![
                        j.kode.clone(),
                        j.unit_kode.clone(),
                        j.nama.clone(),
                        j.jenis_jabatan
                            .map(|x| x.kode().to_string())
                            .unwrap_or_default(),
                        j.jenjang.map(|x| x.kode().to_string()).unwrap_or_default(),
                        o(&j.posisi_lampiran),
                        o(&j.atasan_kode),
                        j.plt_nip
                            .as_ref()
                            .map(|n| n.to_string())
                            .unwrap_or_default(),
                        j.plh_nip
                            .as_ref()
                            .map(|n| n.to_string())
                            .unwrap_or_default(),
                        o(&j.pemangku_non_asn),
                    ]
                })
                .collect(),
        ),
        JenisData::Pegawai | JenisData::Organisasi => (
            KOLOM_PEGAWAI,
            d.pegawai
                .iter()
                .map(|p| {
                    vec![
                        p.nip.to_string(),
                        p.nama.clone(),
                        p.status_asn.kode().to_string(),
                        p.golongan.kode(),
                        o(&p.jabatan_kode),
                        o(&p.email),
                    ]
                })
                .collect(),
        ),
    };
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(kolom).unwrap();
    for b in baris {
        w.write_record(b).unwrap();
    }
    w.into_inner().unwrap()
}
