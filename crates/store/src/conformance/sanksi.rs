//! Sanction cases: the signed annual evaluations that may call for one, a case opened once per
//! evaluation, steps recorded over the version read (stale → conflict), deadlines, audit.

use super::penghargaan::evaluasi_tahunan;
use super::*;
use kinerja_domain::sanksi::{predikat_bersanksi, HasilSanksi, KelompokSanksi, TahapSanksi};

pub(super) async fn skenario(store: &dyn Store, inst: i64) {
    use Rating::*;
    let agus = pegawai_nip(store, inst, NIP_AGUS).await;
    let eka = pegawai_nip(store, inst, NIP_EKA).await;
    // Agus (administrator): Kurang (hasil kerja as expected, perilaku below), signed; Eka:
    // Kurang but a draft.
    let e = evaluasi_tahunan(
        store,
        inst,
        &agus,
        2027,
        SesuaiEkspektasi,
        DibawahEkspektasi,
        true,
    )
    .await;
    assert_eq!(e.predikat, Predikat::Kurang);
    evaluasi_tahunan(
        store,
        inst,
        &eka,
        2027,
        SesuaiEkspektasi,
        DibawahEkspektasi,
        false,
    )
    .await;

    let calon = store
        .evaluasi_calon_sanksi(inst, 2027, &predikat_bersanksi())
        .await
        .expect("calon");
    assert_eq!(calon.len(), 1, "drafts do not count: {calon:?}");
    let c = &calon[0];
    assert_eq!(
        (
            c.evaluasi_id,
            c.pegawai_id,
            c.periode.as_str(),
            c.tahun,
            c.predikat,
            c.kasus_id,
            c.keberatan
        ),
        (e.id, agus.id, "2027", 2027, Predikat::Kurang, None, None)
    );
    assert_eq!(c.jenis_jabatan, agus.jenis_jabatan);
    assert_eq!(c.diterima, Some(tgl(2028, 1, 10)));
    assert!(store
        .evaluasi_calon_sanksi(inst, 2027, &[Predikat::SangatKurang])
        .await
        .expect("sangat kurang")
        .is_empty());
    assert!(store
        .evaluasi_calon_sanksi(inst, 2027, &[])
        .await
        .expect("kosong")
        .is_empty());

    // Open: one case per evaluation, with its first step.
    let oleh = pelaku("admin");
    let buka = crate::KasusBaru {
        pegawai_id: agus.id,
        evaluasi_id: e.id,
        tahun: 2027,
        predikat: Predikat::Kurang,
        kelompok: KelompokSanksi::JaJf,
        langkah: crate::LangkahBaru {
            tahap: TahapSanksi::Perbaikan,
            hasil: None,
            tanggal: tgl(2028, 1, 20),
            tenggat: Some(tgl(2028, 7, 20)),
            nomor_dokumen: Some("800/1/BKPSDM".into()),
            catatan: Some("Pembinaan oleh atasan langsung".into()),
        },
    };
    let k = store
        .buka_kasus_sanksi(inst, &buka, &oleh)
        .await
        .expect("buka");
    assert_eq!(
        (
            k.pegawai_id,
            k.evaluasi_id,
            k.tahap,
            k.tenggat,
            k.hasil,
            k.versi,
            k.langkah.len()
        ),
        (
            agus.id,
            e.id,
            TahapSanksi::Perbaikan,
            Some(tgl(2028, 7, 20)),
            None,
            1,
            1
        )
    );
    assert_eq!(
        (
            k.langkah[0].urutan,
            k.langkah[0].nomor_dokumen.as_deref(),
            k.langkah[0].dicatat_oleh.as_str()
        ),
        (1, Some("800/1/BKPSDM"), "admin")
    );
    konflik(
        store.buka_kasus_sanksi(inst, &buka, &oleh).await,
        "a second case on one evaluation",
    );
    let es = store
        .evaluasi_sanksi(inst, e.id)
        .await
        .expect("evaluasi")
        .expect("ada");
    assert_eq!(es.kasus_id, Some(k.id));
    assert!(store
        .evaluasi_sanksi(inst, -1)
        .await
        .expect("tidak ada")
        .is_none());

    // Deadlines: on or before the day asked.
    assert!(store
        .tenggat_sanksi(inst, tgl(2028, 7, 19))
        .await
        .expect("belum")
        .is_empty());
    assert_eq!(
        store
            .tenggat_sanksi(inst, tgl(2028, 7, 20))
            .await
            .expect("jatuh"),
        vec![crate::TenggatSanksi {
            kasus_id: k.id,
            pegawai_id: agus.id,
            tahap: TahapSanksi::Perbaikan,
            tenggat: tgl(2028, 7, 20)
        }]
    );

    // A step over a stale version is refused and writes nothing.
    let langkah = crate::LangkahBaru {
        tahap: TahapSanksi::UjiKompetensi,
        hasil: Some(HasilSanksi::TidakMembaik),
        tanggal: tgl(2028, 7, 21),
        tenggat: Some(tgl(2028, 8, 15)),
        nomor_dokumen: None,
        catatan: Some("Tidak menunjukkan perbaikan".into()),
    };
    konflik(
        store
            .catat_langkah_sanksi(inst, k.id, 7, &langkah, &oleh)
            .await,
        "a stale step",
    );
    tidak_ditemukan(
        store
            .catat_langkah_sanksi(inst, -1, 1, &langkah, &oleh)
            .await,
        "an unknown case",
    );
    let k2 = store
        .catat_langkah_sanksi(inst, k.id, 1, &langkah, &oleh)
        .await
        .expect("langkah");
    assert_eq!(
        (k2.tahap, k2.tenggat, k2.hasil, k2.versi, k2.langkah.len()),
        (
            TahapSanksi::UjiKompetensi,
            Some(tgl(2028, 8, 15)),
            Some(HasilSanksi::TidakMembaik),
            2,
            2
        )
    );
    assert_eq!(k2.langkah[1].urutan, 2);
    assert_eq!(
        store.kasus_sanksi(inst, k.id).await.expect("baca"),
        Some(k2.clone())
    );
    assert!(store
        .kasus_sanksi(inst, -1)
        .await
        .expect("tidak ada")
        .is_none());

    let terbuka = store
        .daftar_kasus_sanksi(inst, Some(false), None)
        .await
        .expect("terbuka");
    assert_eq!(terbuka.iter().map(|x| x.id).collect::<Vec<_>>(), vec![k.id]);
    assert!(terbuka[0].langkah.is_empty(), "lists carry no steps");
    assert!(store
        .daftar_kasus_sanksi(inst, Some(true), None)
        .await
        .expect("selesai")
        .is_empty());

    // Finished: out of the open list and of the deadlines.
    let akhir = crate::LangkahBaru {
        tahap: TahapSanksi::Selesai,
        hasil: Some(HasilSanksi::Dipindahkan),
        tanggal: tgl(2028, 8, 20),
        tenggat: None,
        nomor_dokumen: Some("821/5/BKPSDM".into()),
        catatan: None,
    };
    let k3 = store
        .catat_langkah_sanksi(inst, k.id, 2, &akhir, &oleh)
        .await
        .expect("selesai");
    assert_eq!(
        (k3.tahap, k3.tenggat, k3.hasil),
        (TahapSanksi::Selesai, None, Some(HasilSanksi::Dipindahkan))
    );
    assert!(store
        .daftar_kasus_sanksi(inst, Some(false), None)
        .await
        .expect("terbuka")
        .is_empty());
    assert_eq!(
        store
            .daftar_kasus_sanksi(inst, Some(true), Some(agus.id))
            .await
            .expect("selesai")
            .len(),
        1
    );
    assert!(store
        .daftar_kasus_sanksi(inst, None, Some(eka.id))
        .await
        .expect("agus")
        .is_empty());
    assert!(store
        .tenggat_sanksi(inst, tgl(2030, 1, 1))
        .await
        .expect("tenggat")
        .is_empty());
    assert_eq!(
        aksi_audit(store, inst, "kasus_sanksi", k.id).await,
        vec!["buka", "catat_langkah", "catat_langkah"]
    );
    audit_utuh(store).await;
}
