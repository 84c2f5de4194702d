//! The conformance suite every backend must pass, against a real, empty database.
//!
//! Call [`jalankan`] from a backend crate's tests with a fresh store and a way to run raw SQL on
//! it (to tamper with the audit log directly, as an attacker with database access would).

use crate::model::*;
use crate::{Store, StoreError};
use async_trait::async_trait;
use chrono::{Duration, Utc};
use kinerja_domain::jabatan::{JenisJabatan, Jenjang};
use kinerja_domain::nip::Nip;
use kinerja_domain::pangkat::{Golongan, StatusAsn};
use kinerja_domain::penilai::{AturanPenilai, PenggantiPenilai};
use kinerja_domain::profil::ProfilKebijakan;

/// Raw SQL on the backend under test, bypassing the Store.
#[async_trait]
pub trait SqlMentah: Send + Sync {
    async fn exec(&self, sql: &str) -> Result<(), StoreError>;
}

fn nip(s: &str) -> Nip {
    Nip::parse(s).expect("NIP fixture")
}

fn pegawai(n: &str, nama: &str, jab: Option<&str>) -> PegawaiImpor {
    PegawaiImpor {
        nip: nip(n),
        nama: nama.into(),
        status_asn: StatusAsn::Pns,
        golongan: Golongan::parse(StatusAsn::Pns, "III/a").expect("golongan"),
        jabatan_kode: jab.map(str::to_string),
        email: None,
    }
}

fn jabatan(
    kode: &str,
    unit: &str,
    nama: &str,
    jenis: JenisJabatan,
    atasan: Option<&str>,
) -> JabatanImpor {
    JabatanImpor {
        kode: kode.into(),
        unit_kode: unit.into(),
        nama: nama.into(),
        jenis_jabatan: Some(jenis),
        jenjang: None,
        posisi_lampiran: None,
        atasan_kode: atasan.map(str::to_string),
        plt_nip: None,
        plh_nip: None,
        pemangku_non_asn: None,
    }
}

/// A small organisation: a dinas with a bidang and a seksi, four positions, five pegawai.
pub fn fixture() -> DataOrganisasi {
    let mut jf = jabatan(
        "JF1",
        "SEKSI",
        "Pranata Komputer Ahli Pertama",
        JenisJabatan::Fungsional,
        Some("KASI"),
    );
    jf.jenjang = Some(Jenjang::AhliPertama);
    let mut kasi = jabatan(
        "KASI",
        "SEKSI",
        "Kepala Seksi Aplikasi",
        JenisJabatan::Pengawas,
        Some("KABID"),
    );
    kasi.plt_nip = Some(nip("198001012005011001"));
    DataOrganisasi {
        unit: vec![
            UnitImpor {
                kode: "DINAS".into(),
                nama: "Dinas Komunikasi dan Informatika".into(),
                induk_kode: None,
                tipe_lampiran: Some("DINAS".into()),
            },
            UnitImpor {
                kode: "BIDANG".into(),
                nama: "Bidang Aplikasi".into(),
                induk_kode: Some("DINAS".into()),
                tipe_lampiran: None,
            },
            UnitImpor {
                kode: "SEKSI".into(),
                nama: "Seksi Aplikasi".into(),
                induk_kode: Some("BIDANG".into()),
                tipe_lampiran: None,
            },
        ],
        jabatan: vec![
            jabatan(
                "KADIS",
                "DINAS",
                "Kepala Dinas Komunikasi dan Informatika",
                JenisJabatan::JptPratama,
                None,
            ),
            jabatan(
                "KABID",
                "BIDANG",
                "Kepala Bidang Aplikasi",
                JenisJabatan::Administrator,
                Some("KADIS"),
            ),
            kasi,
            jf,
        ],
        pegawai: vec![
            pegawai("197501012000031002", "Budi Santoso", Some("KADIS")),
            pegawai("198001012005011001", "Agus Salim", Some("KABID")),
            pegawai("199002022015032003", "Citra Lestari", Some("JF1")),
            pegawai("199103032016041004", "Dewi Anggraini", Some("JF1")),
            pegawai("199204042017052005", "Eka Putri", None),
        ],
    }
}

async fn instansi(store: &dyn Store) -> Instansi {
    let baru = InstansiBaru {
        kode: "UJI".into(),
        nama: "Pemerintah Kota Uji".into(),
        kota: "Uji".into(),
    };
    let a = store
        .pastikan_instansi(&baru, &Pelaku::sistem())
        .await
        .expect("instansi");
    let b = store
        .pastikan_instansi(&baru, &Pelaku::sistem())
        .await
        .expect("instansi lagi");
    assert_eq!(a.id, b.id, "pastikan_instansi is idempotent");
    a
}

/// Run every conformance check in order on an empty database.
/// The scenarios, each run on its own empty database by the backends' tests. A scenario first
/// replays what it stands on (the instansi, the organisation import).
pub const SKENARIO: &[&str] = &[
    "organisasi",
    "pencarian",
    "impor_gagal_tidak_menulis",
    "penilai",
    "profil",
    "akun_dan_sesi",
    "audit",
];

/// One test per scenario of [`SKENARIO`], for a backend's test file: `$uji` is an async fn
/// taking the scenario's name that runs it on a new, empty database of that backend.
#[macro_export]
macro_rules! uji_conformance {
    ($uji:path) => {
        $crate::uji_conformance!(@ $uji; organisasi, pencarian, impor_gagal_tidak_menulis, penilai, profil, akun_dan_sesi, audit);
    };
    (@ $uji:path; $($nama:ident),+) => {
        $(#[tokio::test] async fn $nama() { $uji(stringify!($nama)).await })+
        #[test]
        fn setiap_skenario_diuji() {
            assert_eq!($crate::conformance::SKENARIO, &[$(stringify!($nama)),+]);
        }
    };
}

/// Run one scenario of [`SKENARIO`] on an empty database.
pub async fn jalankan(nama: &str, store: &dyn Store, mentah: &dyn SqlMentah) {
    let i = instansi(store).await;
    if nama == "profil" {
        return profil(store, i.id).await;
    }
    organisasi(store, i.id).await;
    match nama {
        "organisasi" => {}
        "pencarian" => pencarian(store, i.id).await,
        "impor_gagal_tidak_menulis" => impor_gagal_tidak_menulis(store, i.id).await,
        "penilai" => penilai(store, i.id).await,
        "akun_dan_sesi" => akun_dan_sesi(store, i.id).await,
        "audit" => {
            // The audit chain is checked after every kind of write has happened.
            pencarian(store, i.id).await;
            impor_gagal_tidak_menulis(store, i.id).await;
            penilai(store, i.id).await;
            profil(store, i.id).await;
            akun_dan_sesi(store, i.id).await;
            audit(store, mentah).await;
        }
        lain => panic!("unknown conformance scenario {lain}"),
    }
}

async fn organisasi(store: &dyn Store, inst: i64) {
    let data = fixture();
    let r = store
        .impor_organisasi(inst, &data, &Pelaku::sistem())
        .await
        .expect("impor");
    assert_eq!(
        r,
        RingkasanImpor {
            unit_baru: 3,
            unit_diubah: 0,
            jabatan_baru: 4,
            jabatan_diubah: 0,
            pegawai_baru: 5,
            pegawai_diubah: 0
        }
    );
    // The same file again changes nothing.
    let r = store
        .impor_organisasi(inst, &data, &Pelaku::sistem())
        .await
        .expect("impor ulang");
    assert_eq!(r, RingkasanImpor::default());
    // One change is one update.
    let mut ubah = data.clone();
    ubah.pegawai[4].nama = "Eka Putri Wulandari".into();
    ubah.pegawai[4].jabatan_kode = Some("JF1".into());
    ubah.unit[2].nama = "Seksi Pengembangan Aplikasi".into();
    let r = store
        .impor_organisasi(inst, &ubah, &Pelaku::sistem())
        .await
        .expect("impor ubah");
    assert_eq!(r.pegawai_diubah, 1);
    assert_eq!(r.unit_diubah, 1);
    assert_eq!(r.jabatan_diubah, 0);

    let snap = store.muat_organisasi(inst).await.expect("snapshot");
    assert_eq!(snap.versi, 3, "every organisation write bumps the version");
    assert_eq!(store.versi_organisasi(inst).await.expect("versi"), 3);
    assert_eq!(snap.unit.len(), 3);
    assert_eq!(snap.jabatan.len(), 4);
    assert_eq!(snap.pemangku.len(), 5);
    let kasi = snap
        .jabatan
        .iter()
        .find(|j| j.kode == "KASI")
        .expect("KASI");
    let kabid = snap
        .jabatan
        .iter()
        .find(|j| j.kode == "KABID")
        .expect("KABID");
    assert_eq!(kasi.atasan_id, Some(kabid.id));
    assert!(kasi.plt_pegawai_id.is_some(), "Plt is stored");
    let jf = snap.jabatan.iter().find(|j| j.kode == "JF1").expect("JF1");
    assert_eq!(jf.jenjang, Some(Jenjang::AhliPertama));
    let seksi = snap.unit.iter().find(|u| u.kode == "SEKSI").expect("SEKSI");
    assert_eq!(seksi.nama, "Seksi Pengembangan Aplikasi");
    assert_eq!(
        store
            .daftar_jabatan(inst, Some(seksi.id))
            .await
            .expect("jabatan seksi")
            .len(),
        2
    );
    assert_eq!(
        store
            .unit(inst, seksi.id)
            .await
            .expect("unit")
            .map(|u| u.kode),
        Some("SEKSI".into())
    );
    assert!(
        store
            .unit(inst + 999, seksi.id)
            .await
            .expect("unit lain")
            .is_none(),
        "units are per instansi"
    );

    let st = store.statistik(inst).await.expect("statistik");
    assert_eq!(
        (st.unit, st.jabatan, st.pegawai, st.pns, st.pppk),
        (3, 4, 5, 5, 0)
    );
    assert_eq!(st.jabatan_kosong, 1, "KASI has only a Plt");
}

async fn pencarian(store: &dyn Store, inst: i64) {
    let p = store
        .pegawai_by_nip(inst, "199002022015032003")
        .await
        .expect("by nip")
        .expect("ada");
    assert_eq!(p.nama, "Citra Lestari");
    assert_eq!(
        p.jabatan_nama.as_deref(),
        Some("Pranata Komputer Ahli Pertama")
    );
    assert_eq!(p.unit_nama.as_deref(), Some("Seksi Pengembangan Aplikasi"));
    assert_eq!(p.jenis_jabatan, Some(JenisJabatan::Fungsional));
    assert!(store
        .pegawai_by_nip(inst, "199002022015032009")
        .await
        .expect("none")
        .is_none());

    let cari =
        |q: Option<&str>, unit_id: Option<i64>, limit: i64, cursor: Option<i64>| FilterPegawai {
            q: q.map(str::to_string),
            unit_id,
            limit,
            cursor,
        };
    let h = store
        .cari_pegawai(inst, &cari(Some("LESTARI"), None, 10, None))
        .await
        .expect("nama");
    assert_eq!(h.items.len(), 1, "name search is case-insensitive");
    let h = store
        .cari_pegawai(inst, &cari(Some("1990 0202"), None, 10, None))
        .await
        .expect("nip");
    assert_eq!(h.items.len(), 1, "NIP prefix search ignores spaces");
    // Pagination walks every pegawai once, in name order.
    let mut semua = Vec::new();
    let mut cursor = None;
    loop {
        let h = store
            .cari_pegawai(inst, &cari(None, None, 2, cursor))
            .await
            .expect("halaman");
        semua.extend(h.items.iter().map(|p| p.nama.clone()));
        match h.next_cursor {
            Some(c) => cursor = Some(c.parse().expect("cursor")),
            None => break,
        }
    }
    let mut urut = semua.clone();
    urut.sort();
    assert_eq!(semua.len(), 5);
    assert_eq!(semua, urut);
    let seksi = store
        .daftar_unit(inst)
        .await
        .expect("unit")
        .into_iter()
        .find(|u| u.kode == "SEKSI")
        .expect("seksi");
    let h = store
        .cari_pegawai(inst, &cari(None, Some(seksi.id), 10, None))
        .await
        .expect("unit filter");
    assert_eq!(h.items.len(), 3);
    let ids: Vec<i64> = h.items.iter().map(|p| p.id).collect();
    assert_eq!(
        store.pegawai_by_ids(inst, &ids).await.expect("ids").len(),
        3
    );
    assert_eq!(store.semua_pegawai(inst).await.expect("semua").len(), 5);
}

async fn impor_gagal_tidak_menulis(store: &dyn Store, inst: i64) {
    let mut data = fixture();
    data.pegawai.push(pegawai(
        "199505052019061006",
        "Fajar Nugroho",
        Some("TIDAK_ADA"),
    ));
    data.pegawai[0].nama = "Nama Yang Tidak Boleh Tersimpan".into();
    let e = store
        .impor_organisasi(inst, &data, &Pelaku::sistem())
        .await
        .expect_err("unknown jabatan");
    assert!(matches!(e, StoreError::TidakDitemukan(_)), "{e:?}");
    let p = store
        .pegawai_by_nip(inst, "197501012000031002")
        .await
        .expect("by nip")
        .expect("ada");
    assert_eq!(p.nama, "Budi Santoso", "a failed import changes nothing");
    assert!(store
        .pegawai_by_nip(inst, "199505052019061006")
        .await
        .expect("none")
        .is_none());
}

async fn penilai(store: &dyn Store, inst: i64) {
    let aturan = vec![AturanPenilai {
        tipe_unit: "DINAS".into(),
        posisi: "Kepala Bidang".into(),
        pejabat_penilai: "Kepala Dinas".into(),
        atasan_pejabat_penilai: "Sekretaris Daerah".into(),
        keterangan: String::new(),
    }];
    store
        .simpan_aturan_penilai(inst, &aturan, &Pelaku::sistem())
        .await
        .expect("aturan");
    store
        .simpan_aturan_penilai(inst, &aturan, &Pelaku::sistem())
        .await
        .expect("aturan sama");
    let snap = store.muat_organisasi(inst).await.expect("snapshot");
    assert_eq!(snap.aturan, aturan);

    let a = store
        .pegawai_by_nip(inst, "199002022015032003")
        .await
        .expect("a")
        .expect("a");
    let b = store
        .pegawai_by_nip(inst, "197501012000031002")
        .await
        .expect("b")
        .expect("b");
    let p = PenggantiPenilai {
        pegawai_id: a.id,
        pejabat_penilai: Some(b.id),
        atasan_pejabat_penilai: None,
        alasan: "Penugasan khusus".into(),
    };
    store
        .tetapkan_pengganti_penilai(inst, &p, &Pelaku::sistem())
        .await
        .expect("override");
    let p2 = PenggantiPenilai {
        alasan: "Penugasan khusus (diperbarui)".into(),
        ..p.clone()
    };
    store
        .tetapkan_pengganti_penilai(inst, &p2, &Pelaku::sistem())
        .await
        .expect("override lagi");
    let snap = store.muat_organisasi(inst).await.expect("snapshot");
    assert_eq!(snap.pengganti.len(), 1);
    assert_eq!(snap.pengganti[0].alasan, "Penugasan khusus (diperbarui)");
    assert!(store
        .hapus_pengganti_penilai(inst, a.id, &Pelaku::sistem())
        .await
        .expect("hapus"));
    assert!(!store
        .hapus_pengganti_penilai(inst, a.id, &Pelaku::sistem())
        .await
        .expect("hapus lagi"));
    assert!(store
        .muat_organisasi(inst)
        .await
        .expect("snapshot")
        .pengganti
        .is_empty());
}

async fn profil(store: &dyn Store, inst: i64) {
    assert!(store.profil(inst, 2026).await.expect("profil").is_none());
    let mut p = ProfilKebijakan::default();
    store
        .simpan_profil(inst, 2025, &p, &Pelaku::sistem())
        .await
        .expect("simpan");
    assert_eq!(
        store.profil(inst, 2026).await.expect("profil").as_ref(),
        Some(&p),
        "a profile holds for later years"
    );
    p.tempat_dokumen = "Kota Uji".into();
    store
        .simpan_profil(inst, 2026, &p, &Pelaku::sistem())
        .await
        .expect("simpan 2026");
    assert_eq!(
        store
            .profil(inst, 2026)
            .await
            .expect("profil")
            .map(|p| p.tempat_dokumen),
        Some("Kota Uji".into())
    );
    assert_eq!(
        store
            .profil(inst, 2025)
            .await
            .expect("profil")
            .map(|p| p.tempat_dokumen),
        Some("Bekasi".into()),
        "versioned by year"
    );
}

async fn akun_dan_sesi(store: &dyn Store, inst: i64) {
    let baru = AkunBaru {
        instansi_id: inst,
        username: "admin".into(),
        password_hash: "h1".into(),
        peran: Peran::Admin,
        pegawai_id: None,
    };
    let a = store
        .simpan_akun(&baru, &Pelaku::sistem())
        .await
        .expect("akun");
    assert_eq!(a.bahasa, "id");
    let now = crate::sql::sekarang();
    let sesi = |token: &str, exp| SesiBaru {
        token_hash: token.into(),
        akun_id: a.id,
        jenis: "bearer".into(),
        csrf: "c".into(),
        dibuat: now,
        kedaluwarsa: exp,
    };
    store
        .buat_sesi(&sesi("t1", now + Duration::hours(8)))
        .await
        .expect("sesi");
    store
        .buat_sesi(&sesi("t2", now - Duration::seconds(1)))
        .await
        .expect("sesi kedaluwarsa");
    let dup = store
        .buat_sesi(&sesi("t1", now + Duration::hours(8)))
        .await
        .expect_err("duplicate token");
    assert!(matches!(dup, StoreError::Konflik(_)), "{dup:?}");
    let tanpa_akun = SesiBaru {
        akun_id: a.id + 999,
        ..sesi("t9", now + Duration::hours(1))
    };
    assert!(
        matches!(
            store.buat_sesi(&tanpa_akun).await,
            Err(StoreError::TidakDitemukan(_))
        ),
        "a session needs an account"
    );
    let (s, akun) = store
        .sesi_aktif("t1", Utc::now())
        .await
        .expect("aktif")
        .expect("ada");
    assert_eq!(
        (s.akun_id, akun.username.as_str(), akun.peran),
        (a.id, "admin", Peran::Admin)
    );
    assert_eq!(
        s.kedaluwarsa,
        now + Duration::hours(8),
        "times read back exactly"
    );
    assert!(store
        .sesi_aktif("t2", Utc::now())
        .await
        .expect("expired")
        .is_none());
    assert!(store
        .sesi_aktif("t3", Utc::now())
        .await
        .expect("unknown")
        .is_none());
    store.cabut_sesi("t1").await.expect("cabut");
    assert!(store
        .sesi_aktif("t1", Utc::now())
        .await
        .expect("revoked")
        .is_none());

    // A new password revokes every session of the account.
    store
        .buat_sesi(&sesi("t4", now + Duration::hours(8)))
        .await
        .expect("sesi");
    let b = store
        .simpan_akun(
            &AkunBaru {
                password_hash: "h2".into(),
                ..baru.clone()
            },
            &Pelaku::sistem(),
        )
        .await
        .expect("ubah");
    assert_eq!((b.id, b.password_hash.as_str()), (a.id, "h2"));
    assert!(store
        .sesi_aktif("t4", Utc::now())
        .await
        .expect("revoked")
        .is_none());

    store.ubah_bahasa(a.id, "en").await.expect("bahasa");
    assert_eq!(
        store
            .akun_by_username("admin")
            .await
            .expect("akun")
            .map(|a| a.bahasa),
        Some("en".into())
    );
    assert!(store
        .akun_by_username("tidak-ada")
        .await
        .expect("none")
        .is_none());

    let p = store
        .pegawai_by_nip(inst, "199002022015032003")
        .await
        .expect("p")
        .expect("p");
    let massal = vec![
        AkunBaru {
            instansi_id: inst,
            username: p.nip.as_str().into(),
            password_hash: "h".into(),
            peran: Peran::Pegawai,
            pegawai_id: Some(p.id),
        },
        AkunBaru {
            instansi_id: inst,
            username: "admin".into(),
            password_hash: "x".into(),
            peran: Peran::Admin,
            pegawai_id: None,
        },
    ];
    assert_eq!(
        store
            .simpan_akun_massal(&massal, &Pelaku::sistem())
            .await
            .expect("massal"),
        1,
        "existing usernames are skipped"
    );
    assert_eq!(
        store
            .akun_by_username("admin")
            .await
            .expect("akun")
            .map(|a| a.password_hash),
        Some("h2".into())
    );
}

async fn audit(store: &dyn Store, mentah: &dyn SqlMentah) {
    let inst = store
        .instansi_utama()
        .await
        .expect("instansi")
        .expect("ada")
        .id;
    let h = store.verifikasi_audit().await.expect("verifikasi");
    assert!(h.utuh(), "{:?}", h.rusak);
    assert!(
        h.jumlah_entri > 15,
        "every change is audited: {}",
        h.jumlah_entri
    );
    let log = store.daftar_audit(inst, 1000).await.expect("log");
    assert!(log.iter().any(|e| e.entitas == "pegawai"
        && e.aksi == "ubah"
        && e.sebelum
            .as_deref()
            .is_some_and(|s| s.contains("Eka Putri"))));
    assert!(
        log.iter()
            .all(|e| !e.sesudah.as_deref().unwrap_or("").contains("h2")),
        "no password hash in the log"
    );

    // The log refuses ordinary updates and deletes.
    assert!(mentah
        .exec("UPDATE audit_log SET pelaku = 'x' WHERE seq = 1")
        .await
        .is_err());
    assert!(mentah
        .exec("DELETE FROM audit_log WHERE seq = 1")
        .await
        .is_err());

    // Someone with database access removes the guard and tampers: each kind is detected.
    mentah
        .exec("DROP TRIGGER audit_log_tanpa_ubah ON audit_log")
        .await
        .ok();
    mentah.exec("DROP TRIGGER audit_log_tanpa_ubah").await.ok();
    mentah.exec("DROP TRIGGER audit_log_tanpa_hapus").await.ok();

    mentah
        .exec("UPDATE audit_log SET pelaku = 'penyusup' WHERE seq = 3")
        .await
        .expect("tamper");
    let h = store.verifikasi_audit().await.expect("verifikasi");
    assert_eq!(h.rusak.len(), 1);
    assert_eq!(h.rusak[0].seq, 3);
    assert!(
        h.rusak[0].alasan.contains("diubah"),
        "{}",
        h.rusak[0].alasan
    );
    mentah
        .exec("UPDATE audit_log SET pelaku = 'sistem' WHERE seq = 3")
        .await
        .expect("restore");
    assert!(store.verifikasi_audit().await.expect("verifikasi").utuh());

    // Reorder: swap two entries' places in the chain (their seq numbers are exchanged).
    let swap = "UPDATE audit_log SET seq = -1 WHERE seq = 8; UPDATE audit_log SET seq = 8 WHERE seq = 9; UPDATE audit_log SET seq = 9 WHERE seq = -1";
    mentah.exec(swap).await.expect("reorder");
    let h = store.verifikasi_audit().await.expect("verifikasi");
    assert_eq!(h.rusak.first().map(|r| r.seq), Some(8), "{:?}", h.rusak);
    mentah.exec(swap).await.expect("reorder back");
    assert!(store.verifikasi_audit().await.expect("verifikasi").utuh());

    mentah
        .exec("DELETE FROM audit_log WHERE seq = 5")
        .await
        .expect("delete");
    let h = store.verifikasi_audit().await.expect("verifikasi");
    assert_eq!(h.rusak.first().map(|r| r.seq), Some(6), "{:?}", h.rusak);
}
