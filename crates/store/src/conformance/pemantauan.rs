//! Conformance of the monitoring dashboards' reads: the per-unit counts of set SKP, documented
//! months and the period's evaluations (signed, draft, acknowledged, missing), the pegawai pages
//! with the same facts one by one, unit filters short and long, and the keberatan that wait for
//! a decision, all against a small fixture whose every count is known.
//!
//! The fixture (the organisation of [`super::fixture`]): Budi heads the dinas, Agus the bidang,
//! Citra, Dewi and Eka are JF in the seksi (the organisation scenario moves Eka there).
//! - Citra: set SKP, realisation in March and April, March signed with a keberatan pending;
//! - Dewi: a draft SKP only;
//! - Agus: set SKP, no realisation, March rated but unsigned;
//! - Budi: set SKP, realisation in March, March signed and acknowledged;
//! - Eka: no SKP.

use super::{
    draf, draf_dua_rhk, evaluasi_simpan, iki_masuk, pegawai_nip, pelaku, realisasi_sah,
    tetapkan_draf, tgl, NIP_AGUS, NIP_BUDI, NIP_CITRA, NIP_DEWI, NIP_EKA,
};
use crate::evaluasi::KeberatanBaru;
use crate::model::Pegawai;
use crate::model::Pelaku;
use crate::pemantauan::{PegawaiPemantauan, PeriodePemantauan, RekapPemantauan};
use crate::Store;
use kinerja_domain::evaluasi::keberatan::{PutusanSah, StatusKeberatan};
use kinerja_domain::evaluasi::StatusEvaluasi;
use kinerja_domain::kuadran::{Predikat, Rating};
use kinerja_domain::perilaku::{JenisRhk, Perspektif};
use kinerja_domain::skp::StatusSkp;
use kinerja_domain::skp::{RhkMasuk, Skp};
use std::collections::BTreeMap;

/// The Kepala Dinas's (JPT) draft: two RHK, each with its perspektif.
fn draf_jpt(p: &Pegawai) -> Skp {
    let mut s = draf(p, 2026, None);
    for (uraian, perspektif) in [
        (
            "Meningkatnya kualitas layanan digital",
            Perspektif::PenerimaLayanan,
        ),
        ("Terwujudnya tata kelola data", Perspektif::ProsesBisnis),
    ] {
        s.tambah_rhk(
            &RhkMasuk {
                jenis: Some(JenisRhk::Utama),
                uraian: uraian.into(),
                perspektif: Some(perspektif),
                ..Default::default()
            },
            &iki_masuk("Persentase layanan daring", "90 %"),
            &[],
        )
        .expect("rhk JPT");
    }
    s
}

fn periode(kode: &str, awal: u32, akhir: u32, selesai: (i32, u32, u32)) -> PeriodePemantauan {
    PeriodePemantauan {
        tahun: 2026,
        bulan_awal: awal,
        bulan_akhir: akhir,
        periode: kode.into(),
        selesai: tgl(selesai.0, selesai.1, selesai.2),
    }
}

/// The counts by unit, as (pegawai, skp, set, documented, draft, signed, acknowledged, missing).
async fn rekap(
    store: &dyn Store,
    inst: i64,
    p: &PeriodePemantauan,
    unit: Option<&[i64]>,
) -> BTreeMap<Option<i64>, [i64; 8]> {
    let v: Vec<RekapPemantauan> = store
        .rekap_pemantauan(inst, p, unit)
        .await
        .expect("rekap pemantauan");
    let mut unit_dilihat: Vec<Option<i64>> = v.iter().map(|r| r.unit_id).collect();
    unit_dilihat.dedup();
    assert_eq!(unit_dilihat.len(), v.len(), "one row per unit");
    v.into_iter()
        .map(|r| {
            (
                r.unit_id,
                [
                    r.pegawai,
                    r.skp,
                    r.skp_ditetapkan,
                    r.terdokumentasi,
                    r.evaluasi_draf,
                    r.evaluasi_ditandatangani,
                    r.evaluasi_diterima,
                    r.evaluasi_belum,
                ],
            )
        })
        .collect()
}

/// Every page of pegawai (pages of `batas`), by id.
async fn semua_halaman(
    store: &dyn Store,
    inst: i64,
    p: &PeriodePemantauan,
    unit: Option<&[i64]>,
    batas: i64,
) -> Vec<PegawaiPemantauan> {
    let mut out = Vec::new();
    let mut setelah = 0;
    loop {
        let h = store
            .pegawai_pemantauan(inst, p, unit, setelah, batas)
            .await
            .expect("pegawai pemantauan");
        assert!(h.items.len() as i64 <= batas);
        out.extend(h.items);
        match h.berikut {
            Some(c) => {
                assert!(c > setelah, "the cursor moves on");
                setelah = c;
            }
            None => return out,
        }
    }
}

pub(super) async fn skenario(store: &dyn Store, inst: i64) {
    let budi = pegawai_nip(store, inst, NIP_BUDI).await;
    let agus = pegawai_nip(store, inst, NIP_AGUS).await;
    let citra = pegawai_nip(store, inst, NIP_CITRA).await;
    let dewi = pegawai_nip(store, inst, NIP_DEWI).await;
    let eka = pegawai_nip(store, inst, NIP_EKA).await;
    let (dinas, bidang, seksi) = (
        budi.unit_id.expect("dinas"),
        agus.unit_id.expect("bidang"),
        citra.unit_id.expect("seksi"),
    );
    assert_eq!(dewi.unit_id, Some(seksi));
    assert_eq!(eka.unit_id, Some(seksi));

    // An empty instansi period: everybody counted, nothing else.
    let maret = periode("2026-03", 3, 3, (2026, 3, 31));
    assert_eq!(
        rekap(store, inst, &maret, None).await,
        BTreeMap::from([
            (Some(dinas), [1, 0, 0, 0, 0, 0, 0, 0]),
            (Some(bidang), [1, 0, 0, 0, 0, 0, 0, 0]),
            (Some(seksi), [3, 0, 0, 0, 0, 0, 0, 0]),
        ])
    );

    // --- the fixture -------------------------------------------------------------------------
    let sistem = Pelaku::sistem();
    let s_citra = tetapkan_draf(store, inst, &draf_dua_rhk(&citra)).await.skp;
    let s_budi = tetapkan_draf(store, inst, &draf_jpt(&budi)).await.skp;
    let s_agus = tetapkan_draf(store, inst, &draf_dua_rhk(&agus)).await.skp;
    let s_dewi = store
        .buat_skp(inst, &draf(&dewi, 2026, None), None, &sistem)
        .await
        .expect("draf Dewi")
        .skp;
    for (s, p, rhk, bulan) in [
        (&s_citra, &citra, 0, 3),
        (&s_citra, &citra, 1, 3),
        (&s_citra, &citra, 0, 4),
        (&s_budi, &budi, 0, 3),
    ] {
        store
            .simpan_realisasi(
                inst,
                p.id,
                &realisasi_sah(s, rhk, bulan, "3 dokumen", None),
                &pelaku("pegawai"),
            )
            .await
            .expect("realisasi");
    }
    let nilai = |s, penilai| {
        evaluasi_simpan(
            s,
            "2026-03",
            penilai,
            Rating::SesuaiEkspektasi,
            Rating::SesuaiEkspektasi,
        )
    };
    let oleh = pelaku("penilai");
    let e_citra = store
        .simpan_evaluasi(inst, &nilai(&s_citra, agus.id), None, &oleh)
        .await
        .expect("nilai Citra");
    let e_citra = store
        .tandatangani_evaluasi(inst, e_citra.id, tgl(2026, 4, 2), &[], &oleh)
        .await
        .expect("tanda tangan Citra");
    let e_budi = store
        .simpan_evaluasi(inst, &nilai(&s_budi, agus.id), None, &oleh)
        .await
        .expect("nilai Budi");
    store
        .tandatangani_evaluasi(inst, e_budi.id, tgl(2026, 4, 2), &[], &oleh)
        .await
        .expect("tanda tangan Budi");
    let e_budi = store
        .terima_evaluasi(inst, e_budi.id, &[], &pelaku("budi"))
        .await
        .expect("diterima Budi");
    assert_eq!(e_budi.status, StatusEvaluasi::DiterimaPegawai);
    let e_agus = store
        .simpan_evaluasi(inst, &nilai(&s_agus, budi.id), None, &oleh)
        .await
        .expect("nilai Agus (draf)");
    let k = store
        .ajukan_keberatan(
            inst,
            &KeberatanBaru {
                evaluasi_id: e_citra.id,
                alasan: "Realisasi April belum dipertimbangkan".into(),
                batas: tgl(2026, 4, 16),
                atasan_pegawai_id: Some(budi.id),
            },
            &[],
            &pelaku("citra"),
        )
        .await
        .expect("keberatan");

    // --- March: counts per unit of the position ----------------------------------------------
    //                        pegawai skp set dok draf ttd terima belum
    let harap_maret = BTreeMap::from([
        (Some(dinas), [1, 1, 1, 1, 0, 1, 1, 0]),
        (Some(bidang), [1, 1, 1, 0, 1, 0, 0, 0]),
        (Some(seksi), [3, 2, 1, 1, 0, 1, 0, 0]),
    ]);
    assert_eq!(rekap(store, inst, &maret, None).await, harap_maret);
    // April: only Citra documented; nobody rated yet, so every set SKP is missing its rating.
    let april = periode("2026-04", 4, 4, (2026, 4, 30));
    assert_eq!(
        rekap(store, inst, &april, None).await,
        BTreeMap::from([
            (Some(dinas), [1, 1, 1, 0, 0, 0, 0, 1]),
            (Some(bidang), [1, 1, 1, 0, 0, 0, 0, 1]),
            (Some(seksi), [3, 2, 1, 1, 0, 0, 0, 1]),
        ])
    );
    // A quarter counts a realisation in any of its months.
    let t1 = periode("2026-T1", 1, 3, (2026, 3, 31));
    assert_eq!(
        rekap(store, inst, &t1, None).await[&Some(dinas)],
        [1, 1, 1, 1, 0, 0, 0, 1]
    );
    // An SKP that starts after the period's end is not missing a rating.
    let sebelum = periode("2026-04", 4, 4, (2025, 12, 31));
    assert!(rekap(store, inst, &sebelum, None)
        .await
        .values()
        .all(|v| v[7] == 0));
    // Another year has no SKP.
    let lain = PeriodePemantauan {
        tahun: 2025,
        periode: "2025-03".into(),
        ..maret.clone()
    };
    assert_eq!(
        rekap(store, inst, &lain, None).await[&Some(seksi)],
        [3, 0, 0, 0, 0, 0, 0, 0]
    );

    // Unit filters: a short list in SQL, a long one here, with the same answer; none is nobody.
    assert_eq!(
        rekap(store, inst, &maret, Some(&[seksi, bidang])).await,
        BTreeMap::from([
            (Some(bidang), harap_maret[&Some(bidang)]),
            (Some(seksi), harap_maret[&Some(seksi)]),
        ])
    );
    let panjang: Vec<i64> = (1..=700).map(|i| -i).chain([seksi]).collect();
    assert_eq!(
        rekap(store, inst, &maret, Some(&panjang)).await,
        BTreeMap::from([(Some(seksi), harap_maret[&Some(seksi)])])
    );
    assert!(rekap(store, inst, &maret, Some(&[])).await.is_empty());

    // --- the pegawai, one by one ---------------------------------------------------------------
    let semua = semua_halaman(store, inst, &maret, None, 2).await;
    let mut ids = vec![budi.id, agus.id, citra.id, dewi.id, eka.id];
    ids.sort_unstable();
    assert_eq!(
        semua.iter().map(|x| x.pegawai_id).collect::<Vec<_>>(),
        ids,
        "every pegawai once, by id, over pages of two"
    );
    let baris = |id: i64| semua.iter().find(|x| x.pegawai_id == id).expect("baris");
    let c = baris(citra.id);
    assert_eq!(
        (c.nip.as_str(), c.nama.as_str(), c.jabatan_id, c.unit_id),
        (
            NIP_CITRA,
            citra.nama.as_str(),
            citra.jabatan_id,
            Some(seksi)
        )
    );
    assert_eq!(
        (c.skp_id, c.status_skp, c.skp_ditetapkan, c.realisasi),
        (Some(s_citra.id), Some(StatusSkp::Ditetapkan), true, 2)
    );
    assert_eq!(
        (
            c.evaluasi_id,
            c.evaluasi_skp_id,
            c.status_evaluasi,
            c.predikat,
            c.keberatan,
            c.evaluasi_belum
        ),
        (
            Some(e_citra.id),
            Some(s_citra.id),
            Some(StatusEvaluasi::DitandatanganiPenilai),
            Some(Predikat::Baik),
            Some(StatusKeberatan::Diajukan),
            false
        )
    );
    let b = baris(budi.id);
    assert_eq!(
        (b.realisasi, b.status_evaluasi, b.keberatan),
        (1, Some(StatusEvaluasi::DiterimaPegawai), None)
    );
    let a = baris(agus.id);
    assert_eq!(
        (
            a.realisasi,
            a.evaluasi_id,
            a.status_evaluasi,
            a.evaluasi_belum
        ),
        (0, Some(e_agus.id), Some(StatusEvaluasi::Draf), false)
    );
    let d = baris(dewi.id);
    assert_eq!(
        (
            d.skp_id,
            d.status_skp,
            d.skp_ditetapkan,
            d.evaluasi_id,
            d.evaluasi_belum
        ),
        (Some(s_dewi.id), Some(StatusSkp::Draf), false, None, false)
    );
    let e = baris(eka.id);
    assert_eq!(
        (
            e.unit_id,
            e.skp_id,
            e.status_skp,
            e.realisasi,
            e.evaluasi_id
        ),
        (Some(seksi), None, None, 0, None)
    );
    // The same facts as the counts: the rows of a unit add up to its row.
    for (unit, v) in &harap_maret {
        let di_unit: Vec<_> = semua.iter().filter(|x| x.unit_id == *unit).collect();
        assert_eq!(di_unit.len() as i64, v[0]);
        assert_eq!(
            di_unit.iter().filter(|x| x.skp_ditetapkan).count() as i64,
            v[2]
        );
        assert_eq!(
            di_unit.iter().filter(|x| x.realisasi > 0).count() as i64,
            v[3]
        );
        assert_eq!(
            di_unit.iter().filter(|x| x.evaluasi_belum).count() as i64,
            v[7]
        );
    }
    // April: every set SKP is missing its rating; Citra documented twice in March, once in April.
    let april_semua = semua_halaman(store, inst, &april, None, 100).await;
    assert_eq!(
        april_semua
            .iter()
            .filter(|x| x.evaluasi_belum)
            .map(|x| x.pegawai_id)
            .collect::<std::collections::BTreeSet<_>>(),
        [budi.id, agus.id, citra.id].into_iter().collect()
    );
    assert_eq!(
        april_semua
            .iter()
            .find(|x| x.pegawai_id == citra.id)
            .map(|x| x.realisasi),
        Some(1)
    );
    // A unit's pegawai: short list, long list, none.
    let di_seksi = semua_halaman(store, inst, &maret, Some(&[seksi]), 1).await;
    let mut harap = vec![citra.id, dewi.id, eka.id];
    harap.sort_unstable();
    assert_eq!(
        di_seksi.iter().map(|x| x.pegawai_id).collect::<Vec<_>>(),
        harap
    );
    assert_eq!(
        semua_halaman(store, inst, &maret, Some(&panjang), 1).await,
        di_seksi
    );
    assert!(store
        .pegawai_pemantauan(inst, &maret, Some(&[]), 0, 10)
        .await
        .expect("kosong")
        .items
        .is_empty());

    // --- keberatan waiting ---------------------------------------------------------------------
    let menunggu = store.keberatan_menunggu(inst).await.expect("keberatan");
    assert_eq!(menunggu.len(), 1);
    let m = &menunggu[0];
    assert_eq!(
        (
            m.id,
            m.evaluasi_id,
            m.skp_id,
            m.pegawai_id,
            m.nip.as_str(),
            m.unit_id,
            m.periode.as_str(),
            m.atasan_pegawai_id,
            m.batas
        ),
        (
            k.id,
            e_citra.id,
            s_citra.id,
            citra.id,
            NIP_CITRA,
            Some(seksi),
            "2026-03",
            Some(budi.id),
            tgl(2026, 4, 16)
        )
    );
    assert_eq!(m.diajukan, k.created_at);
    store
        .putuskan_keberatan(
            inst,
            k.id,
            &PutusanSah {
                status: StatusKeberatan::Ditolak,
                baru: None,
                alasan: "Penilaian sudah sesuai bukti".into(),
            },
            &[],
            &pelaku("budi"),
        )
        .await
        .expect("putusan");
    assert!(
        store
            .keberatan_menunggu(inst)
            .await
            .expect("keberatan")
            .is_empty(),
        "a decided keberatan no longer waits"
    );
    assert_eq!(
        semua_halaman(store, inst, &maret, Some(&[seksi]), 10).await[0].keberatan,
        Some(StatusKeberatan::Ditolak)
    );
}
