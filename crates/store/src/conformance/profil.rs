//! The policy profile's versions: a version holds from its year until the next one; a year has
//! at most one version (a second is a conflict and writes nothing); an edit over an older read
//! is refused and leaves the stored version as it was; every write bumps the counter and is
//! audited with before and after; a profile stored with an empty TPP table reads as all zero;
//! the rater table reads back as written.

use crate::model::Pelaku;
use crate::{Store, StoreError};
use kinerja_domain::kuadran::Predikat;
use kinerja_domain::penilai::AturanPenilai;
use kinerja_domain::profil::{tpp_tanpa_potongan, JenisPeriode, PotonganTpp, ProfilKebijakan};

pub(super) async fn skenario(store: &dyn Store, inst: i64) {
    let admin = Pelaku {
        akun_id: None,
        nama: "admin-profil".into(),
    };
    assert!(store.daftar_versi_profil(inst).await.unwrap().is_empty());
    assert!(store.profil_berlaku(inst, 2030).await.unwrap().is_none());

    // Two versions: 2027 and 2029.
    let dasar = ProfilKebijakan::default();
    let v27 = store
        .buat_versi_profil(inst, 2027, &dasar, &admin)
        .await
        .expect("create 2027");
    assert_eq!((v27.tahun, v27.versi), (2027, 1));
    let mut kemudian = dasar.clone();
    kemudian.periode = JenisPeriode::Triwulanan;
    kemudian.tempat_dokumen = "Kota Uji".into();
    store
        .buat_versi_profil(inst, 2029, &kemudian, &admin)
        .await
        .expect("create 2029");

    // A second version for a year is a conflict and writes nothing.
    let mut lain = dasar.clone();
    lain.tempat_dokumen = "Tumpang Tindih".into();
    let e = store
        .buat_versi_profil(inst, 2027, &lain, &admin)
        .await
        .unwrap_err();
    assert!(matches!(e, StoreError::Konflik(_)), "{e:?}");

    let daftar = store.daftar_versi_profil(inst).await.unwrap();
    assert_eq!(
        daftar
            .iter()
            .map(|v| (v.tahun, v.versi))
            .collect::<Vec<_>>(),
        [(2027, 1), (2029, 1)]
    );
    assert_eq!(daftar[0], v27, "the list answers what the write answered");

    // In force: nothing before the first version; each version until the next.
    for (tahun, sejak) in [
        (2026, None),
        (2027, Some(2027)),
        (2028, Some(2027)),
        (2029, Some(2029)),
        (2040, Some(2029)),
    ] {
        let b = store.profil_berlaku(inst, tahun).await.unwrap();
        assert_eq!(
            b.as_ref().map(|b| b.versi.tahun),
            sejak,
            "in force for {tahun}"
        );
        assert_eq!(
            store.profil(inst, tahun).await.unwrap(),
            b.map(|b| b.isi),
            "profil() is the content in force"
        );
    }
    assert_eq!(
        store
            .profil(inst, 2028)
            .await
            .unwrap()
            .unwrap()
            .tempat_dokumen,
        "Bekasi"
    );
    assert_eq!(
        store.profil(inst, 2030).await.unwrap().unwrap().periode,
        JenisPeriode::Triwulanan
    );

    // An edit at the counter it was read at goes through and bumps the counter.
    let mut ubah = dasar.clone();
    ubah.tpp = vec![
        PotonganTpp {
            predikat: Predikat::SangatBaik,
            persen_potongan: 0,
        },
        PotonganTpp {
            predikat: Predikat::Baik,
            persen_potongan: 0,
        },
        PotonganTpp {
            predikat: Predikat::ButuhPerbaikan,
            persen_potongan: 10,
        },
        PotonganTpp {
            predikat: Predikat::Kurang,
            persen_potongan: 25,
        },
        PotonganTpp {
            predikat: Predikat::SangatKurang,
            persen_potongan: 50,
        },
    ];
    let v = store
        .ubah_versi_profil(inst, 2027, 1, &ubah, &admin)
        .await
        .expect("edit at versi 1");
    assert_eq!((v.tahun, v.versi), (2027, 2));
    let b = store.profil_berlaku(inst, 2028).await.unwrap().unwrap();
    assert_eq!((b.versi.tahun, b.versi.versi), (2027, 2));
    assert_eq!(b.isi, ubah);

    // A stale edit (read at versi 1) is refused and changes nothing.
    let mut basi = dasar.clone();
    basi.tempat_dokumen = "Basi".into();
    let e = store
        .ubah_versi_profil(inst, 2027, 1, &basi, &admin)
        .await
        .unwrap_err();
    assert!(matches!(e, StoreError::Konflik(_)), "{e:?}");
    let b = store.profil_berlaku(inst, 2027).await.unwrap().unwrap();
    assert_eq!((b.versi.versi, &b.isi), (2, &ubah), "nothing overwritten");
    // Editing a year without a version of its own is not found.
    let e = store
        .ubah_versi_profil(inst, 2028, 2, &basi, &admin)
        .await
        .unwrap_err();
    assert!(matches!(e, StoreError::TidakDitemukan(_)), "{e:?}");

    // The setup write bumps the counter too, so a form read before it is stale.
    store
        .simpan_profil(inst, 2027, &ubah, &Pelaku::sistem())
        .await
        .unwrap();
    assert_eq!(
        store
            .profil_berlaku(inst, 2027)
            .await
            .unwrap()
            .unwrap()
            .versi
            .versi,
        3
    );
    let e = store
        .ubah_versi_profil(inst, 2027, 2, &ubah, &admin)
        .await
        .unwrap_err();
    assert!(matches!(e, StoreError::Konflik(_)), "{e:?}");

    // Audit: create and edit, with before and after, by who did it; nothing for the refusals.
    let log = store.daftar_audit(inst, 1000).await.unwrap();
    let profil: Vec<_> = log
        .iter()
        .rev()
        .filter(|e| e.entitas == "profil_kebijakan")
        .collect();
    assert_eq!(
        profil
            .iter()
            .map(|e| (e.aksi.as_str(), e.entitas_id.as_str(), e.pelaku.as_str()))
            .collect::<Vec<_>>(),
        [
            ("buat", "2027", "admin-profil"),
            ("buat", "2029", "admin-profil"),
            ("ubah", "2027", "admin-profil"),
            ("simpan", "2027", "sistem"),
        ]
    );
    let isi = |s: &Option<String>| -> Option<ProfilKebijakan> {
        s.as_deref().map(|t| serde_json::from_str(t).unwrap())
    };
    assert_eq!(isi(&profil[0].sebelum), None);
    assert_eq!(isi(&profil[0].sesudah), Some(dasar.clone()));
    assert_eq!(isi(&profil[2].sebelum), Some(dasar.clone()));
    assert_eq!(isi(&profil[2].sesudah), Some(ubah.clone()));

    // A profile stored before the TPP table had to be complete reads with every predikat at 0 %.
    let mut lama = dasar.clone();
    lama.tpp = Vec::new();
    store
        .simpan_profil(inst, 2032, &lama, &Pelaku::sistem())
        .await
        .unwrap();
    let b = store.profil_berlaku(inst, 2032).await.unwrap().unwrap();
    assert_eq!(b.isi.tpp, tpp_tanpa_potongan());
    assert_eq!(b.isi.validasi(), Ok(()));

    // The rater table shown beside the profile reads back as written, in its order.
    assert!(store.aturan_penilai(inst).await.unwrap().is_empty());
    let aturan: Vec<AturanPenilai> = [("DINAS", "Sekretaris"), ("DINAS", "Kepala Bidang")]
        .iter()
        .map(|(tipe, posisi)| AturanPenilai {
            tipe_unit: tipe.to_string(),
            posisi: posisi.to_string(),
            pejabat_penilai: "Kepala Dinas".into(),
            atasan_pejabat_penilai: "Sekretaris Daerah".into(),
            keterangan: String::new(),
        })
        .collect();
    store
        .simpan_aturan_penilai(inst, &aturan, &admin)
        .await
        .unwrap();
    assert_eq!(store.aturan_penilai(inst).await.unwrap(), aturan);
    assert!(store.verifikasi_audit().await.unwrap().utuh());
}
