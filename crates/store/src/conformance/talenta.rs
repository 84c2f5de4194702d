//! The reads of the talent view and angka kredit over two years with a mutasi: a period's
//! evaluations per unit (the unit the evaluation was made in), the annual evaluations of a list
//! of pegawai across years (on the last SKP of each year only), one pegawai's SKP with the
//! closed one, and the evaluations of a list of SKP with their keberatan.

use super::*;

/// A fresh SKP of `tahun` for the pegawai at their current position, submitted and set.
async fn skp_tahun(store: &dyn Store, inst: i64, p: &Pegawai, tahun: i32) -> SkpTersimpan {
    let mut s = draf(p, tahun, None);
    s.tambah_rhk(
        &rhk_masuk("Terselenggaranya layanan aplikasi"),
        &iki_masuk("Jumlah layanan yang berjalan", "10 layanan"),
        &[],
    )
    .expect("rhk");
    let t = store
        .buat_skp(inst, &s, None, &Pelaku::sistem())
        .await
        .expect("buat SKP");
    tetapkan(store, inst, t).await
}

/// Submit and set a stored draft on 20 January of its year (or its first day when later).
async fn tetapkan(store: &dyn Store, inst: i64, t: SkpTersimpan) -> SkpTersimpan {
    let sistem = Pelaku::sistem();
    let mut s = t.skp.clone();
    s.ajukan().expect("ajukan");
    let t = simpan(store, inst, &s, t.versi, "ajukan", None, &sistem).await;
    let mut s = t.skp.clone();
    let pada = tgl(s.tahun, 1, 20).max(s.mulai);
    s.tetapkan(pada).expect("tetapkan");
    let v = VersiBaru {
        alasan: "Penetapan SKP".into(),
        berlaku_mulai: s.mulai,
    };
    simpan(store, inst, &s, t.versi, "tetapkan", Some(&v), &sistem).await
}

/// Rate an SKP for a period (its year), signed on the 2nd of the next month unless a draft.
async fn nilai(
    store: &dyn Store,
    inst: i64,
    skp: &Skp,
    periode: &str,
    penilai: i64,
    (h, p): (Rating, Rating),
    tandatangani: bool,
) -> Evaluasi {
    let oleh = pelaku("penilai");
    let e = store
        .simpan_evaluasi(
            inst,
            &EvaluasiSimpan {
                tahun: skp.tahun,
                ..evaluasi_simpan(skp, periode, penilai, h, p)
            },
            None,
            &oleh,
        )
        .await
        .unwrap_or_else(|e| panic!("nilai {periode}: {e:?}"));
    if !tandatangani {
        return e;
    }
    store
        .tandatangani_evaluasi(inst, e.id, tgl(skp.tahun, 12, 31), &[], &oleh)
        .await
        .expect("tanda tangan")
}

pub(super) async fn skenario(store: &dyn Store, inst: i64) {
    use Rating::*;
    // A JF position in the bidang to move to.
    let jf2 = impor_jf2(
        store,
        inst,
        "Analis Sistem Informasi Ahli Muda",
        Jenjang::AhliMuda,
    )
    .await;
    let bidang = jf2.unit_id;
    let budi = pegawai_nip(store, inst, NIP_BUDI).await;
    let citra = pegawai_nip(store, inst, NIP_CITRA).await;
    let dewi = pegawai_nip(store, inst, NIP_DEWI).await;
    let seksi = citra.unit_id.expect("unit seksi");
    assert_ne!(seksi, bidang);

    // 2024: Dewi's year, rated Sangat Kurang.
    let d24 = skp_tahun(store, inst, &dewi, 2024).await;
    let ed24 = nilai(
        store,
        inst,
        &d24.skp,
        "2024",
        budi.id,
        (DibawahEkspektasi, DibawahEkspektasi),
        true,
    )
    .await;
    // 2025: Citra in the seksi until June, then moved to the bidang; Dewi the whole year.
    let c25a = skp_tahun(store, inst, &citra, 2025).await;
    let d25 = skp_tahun(store, inst, &dewi, 2025).await;
    let (_, _, c25b) = mutasi_ke(store, inst, &citra, &c25a, &jf2, tgl(2025, 7, 1)).await;
    let c25b = tetapkan(store, inst, c25b).await;
    let c25a = baca_skp(store, inst, c25a.skp.id).await;
    assert_eq!(c25a.skp.status, StatusSkp::Ditutup);
    let ec25_03 = nilai(
        store,
        inst,
        &c25a.skp,
        "2025-03",
        budi.id,
        (DiatasEkspektasi, DiatasEkspektasi),
        true,
    )
    .await;
    let ec25_08 = nilai(
        store,
        inst,
        &c25b.skp,
        "2025-08",
        budi.id,
        (SesuaiEkspektasi, SesuaiEkspektasi),
        false,
    )
    .await;
    let ec25 = nilai(
        store,
        inst,
        &c25b.skp,
        "2025",
        budi.id,
        (SesuaiEkspektasi, SesuaiEkspektasi),
        true,
    )
    .await;
    let ed25 = nilai(
        store,
        inst,
        &d25.skp,
        "2025",
        budi.id,
        (DiatasEkspektasi, SesuaiEkspektasi),
        true,
    )
    .await;
    store
        .ajukan_keberatan(
            inst,
            &KeberatanBaru {
                evaluasi_id: ed25.id,
                alasan: "Capaian triwulan IV belum dipertimbangkan".into(),
                batas: tgl(2026, 1, 14),
                atasan_pegawai_id: None,
            },
            &[],
            &pelaku("dewi"),
        )
        .await
        .expect("keberatan");
    // 2026: Citra in the bidang signed, Dewi in the seksi still a draft.
    let citra = pegawai_nip(store, inst, NIP_CITRA).await;
    assert_eq!(citra.unit_id, Some(bidang));
    let c26 = skp_tahun(store, inst, &citra, 2026).await;
    let d26 = skp_tahun(store, inst, &dewi, 2026).await;
    let ec26 = nilai(
        store,
        inst,
        &c26.skp,
        "2026-03",
        budi.id,
        (DiatasEkspektasi, DiatasEkspektasi),
        true,
    )
    .await;
    let ed26 = nilai(
        store,
        inst,
        &d26.skp,
        "2026-03",
        budi.id,
        (SesuaiEkspektasi, DibawahEkspektasi),
        false,
    )
    .await;

    // --- the grid: a period's evaluations per unit they were made in, by name ----------------
    let semua = store
        .evaluasi_talenta(inst, "2026-03", None)
        .await
        .expect("talenta");
    assert_eq!(
        semua
            .iter()
            .map(|e| (
                e.evaluasi_id,
                e.skp_id,
                e.pegawai_id,
                e.nama.as_str(),
                e.unit_id,
                e.status
            ))
            .collect::<Vec<_>>(),
        [
            (
                ec26.id,
                c26.skp.id,
                citra.id,
                citra.nama.as_str(),
                Some(bidang),
                StatusEvaluasi::DitandatanganiPenilai
            ),
            (
                ed26.id,
                d26.skp.id,
                dewi.id,
                dewi.nama.as_str(),
                Some(seksi),
                StatusEvaluasi::Draf
            ),
        ]
    );
    let x = &semua[1];
    assert_eq!(
        (
            x.nip.as_str(),
            x.periode.as_str(),
            x.rating_hasil_kerja,
            x.rating_perilaku,
            x.predikat
        ),
        (
            dewi.nip.as_str(),
            "2026-03",
            SesuaiEkspektasi,
            DibawahEkspektasi,
            Predikat::Kurang
        )
    );
    let di_seksi = store
        .evaluasi_talenta(inst, "2026-03", Some(&[seksi]))
        .await
        .expect("seksi");
    assert_eq!(di_seksi, semua[1..]);
    // A long unit list is filtered by the store itself, with the same answer.
    let panjang: Vec<i64> = (1..=700).map(|i| -i).chain([bidang]).collect();
    assert_eq!(
        store
            .evaluasi_talenta(inst, "2026-03", Some(&panjang))
            .await
            .expect("panjang"),
        semua[..1]
    );
    assert!(store
        .evaluasi_talenta(inst, "2026-03", Some(&[]))
        .await
        .expect("kosong")
        .is_empty());
    // Before the mutasi, Citra's March 2025 counts in the seksi, on the closed SKP.
    let maret_lalu = store
        .evaluasi_talenta(inst, "2025-03", Some(&[seksi, bidang]))
        .await
        .expect("2025-03");
    assert_eq!(
        maret_lalu
            .iter()
            .map(|e| (e.evaluasi_id, e.skp_id, e.unit_id, e.predikat))
            .collect::<Vec<_>>(),
        [(ec25_03.id, c25a.skp.id, Some(seksi), Predikat::SangatBaik)]
    );

    // --- annual evaluations across years: the last SKP of each year only --------------------
    let tahunan = store
        .evaluasi_tahunan_pegawai(inst, &[dewi.id, citra.id, budi.id, -5], 2024, 2026)
        .await
        .expect("tahunan");
    let mut harap = vec![
        (citra.id, 2025, ec25.id, c25b.skp.id, Predikat::Baik, None),
        (
            dewi.id,
            2024,
            ed24.id,
            d24.skp.id,
            Predikat::SangatKurang,
            None,
        ),
        (
            dewi.id,
            2025,
            ed25.id,
            d25.skp.id,
            Predikat::Baik,
            Some(StatusKeberatan::Diajukan),
        ),
    ];
    harap.sort_by_key(|x| (x.0, x.1));
    assert_eq!(
        tahunan
            .iter()
            .map(|e| (
                e.pegawai_id,
                e.tahun,
                e.id,
                e.skp_id,
                e.predikat,
                e.keberatan
            ))
            .collect::<Vec<_>>(),
        harap
    );
    let e = tahunan
        .iter()
        .find(|e| e.id == ec25.id)
        .expect("citra 2025");
    assert_eq!(
        (e.periode.as_str(), e.unit_id, e.status),
        ("2025", Some(bidang), StatusEvaluasi::DitandatanganiPenilai)
    );
    assert_eq!(
        store
            .evaluasi_tahunan_pegawai(inst, &[dewi.id, citra.id], 2025, 2025)
            .await
            .expect("2025")
            .len(),
        2
    );
    assert!(store
        .evaluasi_tahunan_pegawai(inst, &[], 2020, 2030)
        .await
        .expect("tanpa pegawai")
        .is_empty());

    // --- one pegawai's SKP with the closed one, and every evaluation of a list of SKP --------
    let skp = store
        .skp_riwayat(inst, citra.id, 2000, 2100)
        .await
        .expect("skp riwayat");
    assert_eq!(
        skp.iter()
            .map(|s| (
                s.id,
                s.tahun,
                s.status,
                s.unit_id,
                s.jabatan_id,
                s.mulai,
                s.selesai
            ))
            .collect::<Vec<_>>(),
        [
            (
                c25a.skp.id,
                2025,
                StatusSkp::Ditutup,
                Some(seksi),
                c25a.skp.jabatan_id,
                tgl(2025, 1, 1),
                tgl(2025, 6, 30)
            ),
            (
                c25b.skp.id,
                2025,
                StatusSkp::Ditetapkan,
                Some(bidang),
                Some(jf2.id),
                tgl(2025, 7, 1),
                tgl(2025, 12, 31)
            ),
            (
                c26.skp.id,
                2026,
                StatusSkp::Ditetapkan,
                Some(bidang),
                Some(jf2.id),
                tgl(2026, 1, 1),
                tgl(2026, 12, 31)
            ),
        ]
    );
    assert!(skp.iter().all(|s| s.pegawai_id == citra.id
        && s.jenis_jabatan == Some(JenisJabatan::Fungsional)
        && s.nomor_versi == 1));
    assert_eq!(
        store
            .skp_riwayat(inst, citra.id, 2026, 2026)
            .await
            .expect("2026")
            .iter()
            .map(|s| s.id)
            .collect::<Vec<_>>(),
        [c26.skp.id]
    );
    let eval = store
        .evaluasi_skp_riwayat(inst, &[c25b.skp.id, c25a.skp.id, -1])
        .await
        .expect("evaluasi skp");
    assert_eq!(
        eval.iter()
            .map(|e| (e.id, e.skp_id, e.periode.as_str(), e.status))
            .collect::<Vec<_>>(),
        [
            (
                ec25.id,
                c25b.skp.id,
                "2025",
                StatusEvaluasi::DitandatanganiPenilai
            ),
            (
                ec25_03.id,
                c25a.skp.id,
                "2025-03",
                StatusEvaluasi::DitandatanganiPenilai
            ),
            (ec25_08.id, c25b.skp.id, "2025-08", StatusEvaluasi::Draf),
        ]
    );
    assert!(eval
        .iter()
        .all(|e| e.pegawai_id == citra.id && e.tahun == 2025));
    assert!(store
        .evaluasi_skp_riwayat(inst, &[])
        .await
        .expect("tanpa SKP")
        .is_empty());
    audit_utuh(store).await;
}
