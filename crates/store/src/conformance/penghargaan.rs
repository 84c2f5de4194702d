//! Rewards: two years of signed annual predikat per pegawai (drafts do not count), and the
//! rewards recorded, audited.

use super::*;
use kinerja_domain::penghargaan::JenisPenghargaan;

/// A set SKP of `tahun` and its annual evaluation rated (h, p), signed when `tanda_tangan`.
pub(super) async fn evaluasi_tahunan(
    store: &dyn Store,
    inst: i64,
    p: &Pegawai,
    tahun: i32,
    h: Rating,
    r: Rating,
    tanda_tangan: bool,
) -> Evaluasi {
    let mut s = draf(p, tahun, None);
    s.tambah_rhk(
        &rhk_masuk("Layanan administrasi tertib"),
        &iki_masuk("Jumlah dokumen yang diselesaikan", "10–12 dokumen"),
        &[],
    )
    .expect("rhk");
    let skp = tetapkan_draf(store, inst, &s).await.skp;
    let mut e = evaluasi_simpan(&skp, &tahun.to_string(), skp.pegawai_id, h, r);
    e.tahun = tahun;
    let oleh = pelaku("penilai");
    let e = store
        .simpan_evaluasi(inst, &e, None, &oleh)
        .await
        .expect("evaluasi tahunan");
    if !tanda_tangan {
        return e;
    }
    store
        .tandatangani_evaluasi(inst, e.id, tgl(tahun + 1, 1, 10), &[], &oleh)
        .await
        .expect("tanda tangan")
}

pub(super) async fn skenario(store: &dyn Store, inst: i64) {
    use Rating::*;
    let citra = pegawai_nip(store, inst, NIP_CITRA).await;
    let dewi = pegawai_nip(store, inst, NIP_DEWI).await;
    let eka = pegawai_nip(store, inst, NIP_EKA).await;
    evaluasi_tahunan(
        store,
        inst,
        &citra,
        2025,
        DiatasEkspektasi,
        DiatasEkspektasi,
        true,
    )
    .await;
    let e_citra = evaluasi_tahunan(
        store,
        inst,
        &citra,
        2026,
        DiatasEkspektasi,
        DiatasEkspektasi,
        true,
    )
    .await;
    evaluasi_tahunan(
        store,
        inst,
        &dewi,
        2025,
        SesuaiEkspektasi,
        SesuaiEkspektasi,
        true,
    )
    .await;
    let e_dewi = evaluasi_tahunan(
        store,
        inst,
        &dewi,
        2026,
        SesuaiEkspektasi,
        SesuaiEkspektasi,
        false,
    )
    .await;
    evaluasi_tahunan(
        store,
        inst,
        &eka,
        2026,
        SesuaiEkspektasi,
        SesuaiEkspektasi,
        true,
    )
    .await;

    // Only pegawai with a signed annual evaluation in both years; a draft does not count.
    let dua = store
        .predikat_dua_tahun(inst, 2026, None)
        .await
        .expect("dua tahun");
    assert_eq!(
        dua,
        vec![crate::PredikatDuaTahun {
            pegawai_id: citra.id,
            tahun_lalu: Predikat::SangatBaik,
            tahun_ini: Predikat::SangatBaik,
            evaluasi_id: e_citra.id,
        }]
    );
    assert!(store
        .predikat_dua_tahun(inst, 2026, Some(dewi.id))
        .await
        .expect("dewi")
        .is_empty());
    store
        .tandatangani_evaluasi(inst, e_dewi.id, tgl(2027, 1, 10), &[], &pelaku("penilai"))
        .await
        .expect("tanda tangan dewi");
    let dewi_dua = store
        .predikat_dua_tahun(inst, 2026, Some(dewi.id))
        .await
        .expect("dewi");
    assert_eq!(
        dewi_dua
            .iter()
            .map(|d| (d.pegawai_id, d.tahun_lalu, d.tahun_ini))
            .collect::<Vec<_>>(),
        vec![(dewi.id, Predikat::Baik, Predikat::Baik)]
    );
    assert_eq!(
        store
            .predikat_dua_tahun(inst, 2026, None)
            .await
            .expect("semua")
            .len(),
        2
    );
    assert!(store
        .predikat_dua_tahun(inst, 2025, None)
        .await
        .expect("2025")
        .is_empty());

    // A reward recorded is listed by year and by pegawai, and audited.
    let sebelum = jumlah_audit(store, inst).await;
    let baru = crate::PenghargaanBaru {
        pegawai_id: citra.id,
        tahun: 2026,
        jenis: JenisPenghargaan::PrioritasTalenta,
        bentuk: "Masuk kelompok rencana suksesi".into(),
        tanggal: tgl(2027, 2, 1),
        nomor_dokumen: Some("800/12/BKPSDM".into()),
        catatan: None,
    };
    let p = store
        .catat_penghargaan(inst, &baru, &pelaku("admin"))
        .await
        .expect("catat");
    assert_eq!(
        (
            p.pegawai_id,
            p.tahun,
            p.jenis,
            p.bentuk.as_str(),
            p.tanggal,
            p.dicatat_oleh.as_str()
        ),
        (
            citra.id,
            2026,
            JenisPenghargaan::PrioritasTalenta,
            "Masuk kelompok rencana suksesi",
            tgl(2027, 2, 1),
            "admin"
        )
    );
    assert_eq!(
        store
            .daftar_penghargaan(inst, Some(2026), None)
            .await
            .expect("daftar"),
        vec![p.clone()]
    );
    assert_eq!(
        store
            .daftar_penghargaan(inst, None, Some(citra.id))
            .await
            .expect("pegawai"),
        vec![p.clone()]
    );
    assert!(store
        .daftar_penghargaan(inst, Some(2025), None)
        .await
        .expect("2025")
        .is_empty());
    assert!(store
        .daftar_penghargaan(inst, None, Some(dewi.id))
        .await
        .expect("dewi")
        .is_empty());
    assert_eq!(jumlah_audit(store, inst).await, sebelum + 1);
    assert_eq!(
        aksi_audit(store, inst, "penghargaan", p.id).await,
        vec!["catat"]
    );
}
