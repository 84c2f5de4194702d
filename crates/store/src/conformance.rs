//! The conformance suite every backend must pass, against a real, empty database.
//!
//! Call [`jalankan`] from a backend crate's tests with a fresh store and a way to run raw SQL on
//! it (to tamper with the audit log directly, as an attacker with database access would).

use crate::evaluasi::*;
use crate::model::*;
use crate::pelaksanaan::*;
use crate::{Store, StoreError};
use async_trait::async_trait;
use chrono::{Duration, NaiveDate, Utc};
use kinerja_domain::evaluasi::keberatan::{PihakKeberatan, PutusanSah, StatusKeberatan};
use kinerja_domain::evaluasi::{DasarEvaluasi, StatusEvaluasi};
use kinerja_domain::jabatan::{JenisJabatan, Jenjang};
use kinerja_domain::kuadran::{CapaianOrganisasi, Predikat, Rating};
use kinerja_domain::nip::Nip;
use kinerja_domain::pangkat::{Golongan, StatusAsn};
use kinerja_domain::pelaksanaan::kalender::FrekuensiUmpanBalik;
use kinerja_domain::pelaksanaan::realisasi::RealisasiSah;
use kinerja_domain::pelaksanaan::tindak_lanjut::{
    JenisPembinaan, JenisTindakLanjut, Pembinaan, TindakLanjutSah,
};
use kinerja_domain::pelaksanaan::umpan_balik::{
    CaraUmpanBalik, JenisUmpanBalik, PemberiUmpanBalik, SasaranUmpanBalik, UmpanBalikSah,
};
use kinerja_domain::penilai::{AturanPenilai, PenggantiPenilai};
use kinerja_domain::perilaku::{AspekIki, AspekPerilaku, JenisRhk, Pendekatan};
use kinerja_domain::profil::ProfilKebijakan;
use kinerja_domain::skp::{
    FormatSkp, Iki, IkiMasuk, Lampiran, RhkMasuk, RhkPimpinan, Skp, StatusSkp, Target,
};
use std::collections::HashSet;

mod masuk;
mod pemantauan;
mod penghargaan;
mod profil;
mod sanksi;
mod talenta;

/// Raw SQL on the backend under test, bypassing the Store.
#[async_trait]
pub trait SqlMentah: Send + Sync {
    async fn exec(&self, sql: &str) -> Result<(), StoreError>;
    /// A second, independent handle on the same database (another `kinerja serve` node), where
    /// the backend opened one; without it the scenarios use the one store twice.
    fn store_kedua(&self) -> Option<&dyn Store> {
        None
    }
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
    "skp_simpan_dan_versi",
    "skp_daftar_dan_anggota",
    "penugasan_alur",
    "mulai_tahun_massal",
    "mutasi_menutup_dan_membuka",
    "realisasi_dan_bukti",
    "rekap_bulan",
    "umpan_balik_dan_permintaan",
    "tindak_lanjut_dan_laporan",
    "notifikasi_dan_antrean",
    "evaluasi_dan_keberatan",
    "laporan_halaman",
    "dokumen_terbit",
    "penghargaan_dan_sanksi",
    "pemantauan_rekap",
    "talenta_riwayat",
    "profil_versi",
    "batas_masuk",
];

/// One test per scenario of [`SKENARIO`], for a backend's test file: `$uji` is an async fn
/// taking the scenario's name that runs it on a new, empty database of that backend.
#[macro_export]
macro_rules! uji_conformance {
    ($uji:path) => {
        $crate::uji_conformance!(@ $uji; organisasi, pencarian, impor_gagal_tidak_menulis, penilai, profil, akun_dan_sesi, audit,
            skp_simpan_dan_versi, skp_daftar_dan_anggota, penugasan_alur, mulai_tahun_massal, mutasi_menutup_dan_membuka,
            realisasi_dan_bukti, rekap_bulan, umpan_balik_dan_permintaan, tindak_lanjut_dan_laporan, notifikasi_dan_antrean,
            evaluasi_dan_keberatan, laporan_halaman, dokumen_terbit, penghargaan_dan_sanksi, pemantauan_rekap, talenta_riwayat,
            profil_versi, batas_masuk);
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
        "skp_simpan_dan_versi" => skp_simpan_dan_versi(store, i.id).await,
        "skp_daftar_dan_anggota" => skp_daftar_dan_anggota(store, i.id).await,
        "penugasan_alur" => penugasan_alur(store, i.id).await,
        "mulai_tahun_massal" => mulai_tahun_massal(store, i.id).await,
        "mutasi_menutup_dan_membuka" => mutasi_menutup_dan_membuka(store, i.id).await,
        "realisasi_dan_bukti" => realisasi_dan_bukti(store, i.id).await,
        "rekap_bulan" => rekap_bulan(store, i.id).await,
        "umpan_balik_dan_permintaan" => umpan_balik_dan_permintaan(store, i.id).await,
        "tindak_lanjut_dan_laporan" => tindak_lanjut_dan_laporan(store, i.id).await,
        "notifikasi_dan_antrean" => notifikasi_dan_antrean(store, i.id).await,
        "evaluasi_dan_keberatan" => evaluasi_dan_keberatan(store, i.id).await,
        "laporan_halaman" => laporan_halaman(store, i.id).await,
        "dokumen_terbit" => dokumen_terbit(store, i.id).await,
        "penghargaan_dan_sanksi" => {
            penghargaan::skenario(store, i.id).await;
            sanksi::skenario(store, i.id).await;
        }
        "pemantauan_rekap" => pemantauan::skenario(store, i.id).await,
        "talenta_riwayat" => talenta::skenario(store, i.id).await,
        "profil_versi" => profil::skenario(store, i.id).await,
        "batas_masuk" => masuk::skenario(store, i.id, mentah).await,
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
    // The head of the chain is reported, for operators to keep outside the database.
    let terakhir = log.iter().max_by_key(|e| e.seq).expect("entries");
    assert!(h
        .ujung
        .iter()
        .any(|u| u.instansi_id == inst && u.seq == terakhir.seq && u.hash == terakhir.hash));
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

// --- planning: SKP ------------------------------------------------------------------------------

const NIP_BUDI: &str = "197501012000031002";
const NIP_AGUS: &str = "198001012005011001";
const NIP_CITRA: &str = "199002022015032003";
const NIP_DEWI: &str = "199103032016041004";
const NIP_EKA: &str = "199204042017052005";

fn tgl(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("tanggal fixture")
}

async fn pegawai_nip(store: &dyn Store, inst: i64, n: &str) -> Pegawai {
    store
        .pegawai_by_nip(inst, n)
        .await
        .expect("pegawai by nip")
        .unwrap_or_else(|| panic!("pegawai {n}"))
}

/// A fresh kuantitatif draft for a pegawai's year, at their current position.
fn draf(p: &Pegawai, tahun: i32, mulai: Option<NaiveDate>) -> Skp {
    Skp::baru(
        p.id,
        tahun,
        p.unit_id,
        p.jabatan_id,
        p.jenis_jabatan,
        Pendekatan::Kuantitatif,
        false,
        mulai,
    )
    .expect("draf SKP")
}

fn rhk_masuk(uraian: &str) -> RhkMasuk {
    RhkMasuk {
        jenis: Some(JenisRhk::Utama),
        uraian: uraian.into(),
        ..Default::default()
    }
}

fn iki_masuk(indikator: &str, target: &str) -> IkiMasuk {
    IkiMasuk {
        aspek: Some(AspekIki::Kuantitas),
        indikator: indikator.into(),
        target: target.into(),
    }
}

/// The SKP with its RHK and IKI ids cleared (the SKP id is kept): the content as written.
fn tanpa_id(s: &Skp) -> Skp {
    let mut s = s.clone();
    for r in &mut s.rhk {
        r.id = None;
        for i in &mut r.iki {
            i.id = None;
        }
    }
    s
}

fn id_rhk(s: &Skp) -> Vec<i64> {
    s.rhk.iter().map(|r| r.id.expect("RHK id")).collect()
}

fn id_iki(s: &Skp) -> Vec<i64> {
    s.rhk
        .iter()
        .flat_map(|r| r.iki.iter().map(|i| i.id.expect("IKI id")))
        .collect()
}

/// Write an SKP's next state over the version it was read at, expecting success.
async fn simpan(
    store: &dyn Store,
    inst: i64,
    s: &Skp,
    versi: i64,
    aksi: &str,
    versi_baru: Option<&VersiBaru>,
    pelaku: &Pelaku,
) -> SkpTersimpan {
    let t = store
        .simpan_skp(inst, s, versi, aksi, versi_baru, pelaku)
        .await
        .unwrap_or_else(|e| panic!("simpan_skp {aksi}: {e:?}"));
    assert_eq!(t.versi, versi + 1, "every write bumps the version");
    t
}

async fn baca_skp(store: &dyn Store, inst: i64, id: i64) -> SkpTersimpan {
    store
        .skp(inst, id)
        .await
        .expect("baca SKP")
        .unwrap_or_else(|| panic!("SKP {id}"))
}

/// Create an SKP with one RHK and IKI, submit it and set it (version 1).
async fn skp_ditetapkan(store: &dyn Store, inst: i64, p: &Pegawai, uraian: &str) -> SkpTersimpan {
    let mut s = draf(p, 2026, None);
    s.tambah_rhk(
        &rhk_masuk(uraian),
        &iki_masuk("Jumlah dokumen yang diselesaikan", "10–12 dokumen"),
        &[],
    )
    .expect("rhk");
    tetapkan_draf(store, inst, &s).await
}

/// Store a draft, submit it and set it on 20 January 2026 (version 1).
async fn tetapkan_draf(store: &dyn Store, inst: i64, s: &Skp) -> SkpTersimpan {
    let t = store
        .buat_skp(inst, s, None, &Pelaku::sistem())
        .await
        .expect("buat SKP");
    let mut s = t.skp.clone();
    s.ajukan().expect("ajukan");
    let t = simpan(store, inst, &s, t.versi, "ajukan", None, &Pelaku::sistem()).await;
    let mut s = t.skp.clone();
    s.tetapkan(tgl(2026, 1, 20)).expect("tetapkan");
    let v = VersiBaru {
        alasan: "Penetapan SKP awal tahun".into(),
        berlaku_mulai: tgl(2026, 1, 1),
    };
    simpan(
        store,
        inst,
        &s,
        t.versi,
        "tetapkan",
        Some(&v),
        &Pelaku::sistem(),
    )
    .await
}

async fn jumlah_audit(store: &dyn Store, inst: i64) -> usize {
    store
        .daftar_audit(inst, 100_000)
        .await
        .expect("audit")
        .len()
}

/// The actions recorded for one entity, oldest first.
async fn aksi_audit(store: &dyn Store, inst: i64, entitas: &str, id: i64) -> Vec<String> {
    let mut log = store.daftar_audit(inst, 100_000).await.expect("audit");
    log.reverse();
    log.into_iter()
        .filter(|e| e.entitas == entitas && e.entitas_id == id.to_string())
        .map(|e| e.aksi)
        .collect()
}

async fn audit_utuh(store: &dyn Store) {
    let h = store.verifikasi_audit().await.expect("verifikasi");
    assert!(h.utuh(), "{:?}", h.rusak);
}

fn konflik<T: std::fmt::Debug>(r: Result<T, StoreError>, apa: &str) {
    match r {
        Err(StoreError::Konflik(_)) => {}
        lain => panic!("{apa}: expected a conflict, got {lain:?}"),
    }
}

async fn skp_simpan_dan_versi(store: &dyn Store, inst: i64) {
    let citra = pegawai_nip(store, inst, NIP_CITRA).await;
    let sistem = Pelaku::sistem();
    let audit_awal = jumlah_audit(store, inst).await;

    // Two RHK, the first with two IKI, one of them a range.
    let mut s = draf(&citra, 2026, None);
    assert_eq!(s.format, FormatSkp::Format4);
    s.tambah_rhk(
        &rhk_masuk("Tersedianya aplikasi layanan perizinan"),
        &iki_masuk("Jumlah modul aplikasi yang selesai", "12 modul"),
        &[],
    )
    .expect("rhk 1");
    let rentang = Target::parse("90–95 %", Pendekatan::Kuantitatif).expect("rentang");
    assert_eq!(
        (rentang.min, rentang.maks, rentang.satuan.as_deref()),
        (Some(90.0), Some(95.0), Some("%"))
    );
    s.rhk[0].iki.push(Iki {
        id: None,
        aspek: Some(AspekIki::Kualitas),
        indikator: "Persentase uji fungsi yang lulus".into(),
        target: rentang.clone(),
        manual_indikator: None,
    });
    s.tambah_rhk(
        &rhk_masuk("Terpeliharanya server aplikasi"),
        &iki_masuk("Ketersediaan layanan", "99,5 %"),
        &[],
    )
    .expect("rhk 2");
    s.atur_lampiran(Lampiran {
        dukungan_sumber_daya: vec!["Server virtual".into()],
        skema_pertanggungjawaban: vec!["Laporan bulanan kepada Kepala Seksi".into()],
        konsekuensi: vec!["Teguran tertulis".into()],
        frekuensi_umpan_balik: Some(
            kinerja_domain::pelaksanaan::kalender::FrekuensiUmpanBalik::Bulanan,
        ),
    })
    .expect("lampiran");
    s.atur_ekspektasi_khusus(
        AspekPerilaku::Kolaboratif,
        "Aktif berbagi pengetahuan dengan tim",
    )
    .expect("ekspektasi");

    let t = store
        .buat_skp(inst, &s, None, &sistem)
        .await
        .expect("buat SKP");
    let id = t.skp.id;
    assert!(id > 0);
    assert_eq!(t.versi, 1);
    let rhk_awal = id_rhk(&t.skp);
    let iki_awal = id_iki(&t.skp);
    assert_eq!((rhk_awal.len(), iki_awal.len()), (2, 3));
    let semua: HashSet<i64> = iki_awal.iter().copied().collect();
    assert_eq!(semua.len(), 3, "every IKI has its own id");
    assert_eq!(
        tanpa_id(&t.skp),
        Skp { id, ..s.clone() },
        "stored as written"
    );
    let baca = baca_skp(store, inst, id).await;
    assert_eq!(baca.skp, t.skp, "reads back equal, ids filled");
    assert_eq!(baca.versi, 1);
    assert_eq!(baca.skp.rhk[0].iki[1].target, rentang);
    assert!(
        store.skp(inst + 999, id).await.expect("lain").is_none(),
        "SKP are per instansi"
    );

    // Edit one IKI, delete one RHK, add one, reorder: written over the version read.
    let mut ubah = baca.skp.clone();
    ubah.ubah_iki(
        iki_awal[1],
        &IkiMasuk {
            aspek: Some(AspekIki::Kualitas),
            indikator: "Persentase uji fungsi yang lulus".into(),
            target: "92–97 %".into(),
        },
    )
    .expect("ubah iki");
    ubah.hapus_rhk(rhk_awal[1]).expect("hapus rhk");
    ubah.tambah_rhk(
        &rhk_masuk("Terlaksananya pelatihan pengguna aplikasi"),
        &iki_masuk("Jumlah pegawai yang dilatih", "40 orang"),
        &[],
    )
    .expect("rhk 3");
    ubah.rhk.swap(0, 1);
    let v2 = simpan(store, inst, &ubah, baca.versi, "ubah", None, &sistem).await;
    let b2 = baca_skp(store, inst, id).await;
    assert_eq!(b2.versi, 2);
    assert_eq!(b2.skp, v2.skp, "the answer is what is stored");
    assert_eq!(
        tanpa_id(&b2.skp),
        tanpa_id(&ubah),
        "exactly the new content"
    );
    assert_eq!(
        b2.skp.rhk[1].id,
        Some(rhk_awal[0]),
        "a kept RHK keeps its id"
    );
    assert_eq!(
        id_iki(&b2.skp)[1..],
        iki_awal[..2],
        "kept (and edited) IKI keep their ids"
    );
    assert!(
        !rhk_awal.contains(&b2.skp.rhk[0].id.expect("id")),
        "a new RHK gets a new id"
    );
    assert_eq!(b2.skp.rhk[1].iki[1].target.min, Some(92.0));
    let ringkas = store
        .daftar_skp(
            inst,
            &FilterSkp {
                pegawai_id: Some(vec![citra.id]),
                limit: 10,
                ..Default::default()
            },
        )
        .await
        .expect("daftar");
    assert_eq!(ringkas.items.len(), 1);
    assert_eq!(
        (ringkas.items[0].jumlah_rhk, ringkas.items[0].versi),
        (2, 2),
        "the deleted RHK is gone"
    );

    // A write over the version read before that edit is refused and changes nothing.
    let mut basi = baca.skp.clone();
    basi.rhk[0].uraian = "Perubahan yang datang terlambat".into();
    konflik(
        store
            .simpan_skp(inst, &basi, baca.versi, "ubah", None, &sistem)
            .await,
        "stale write",
    );
    let b = baca_skp(store, inst, id).await;
    assert_eq!((&b.skp, b.versi, b.diubah), (&b2.skp, b2.versi, b2.diubah));

    // Submit and set: version 1 is recorded with its reason and author.
    let mut s3 = b2.skp.clone();
    s3.ajukan().expect("ajukan");
    let v3 = simpan(store, inst, &s3, b2.versi, "ajukan", None, &sistem).await;
    assert_eq!(v3.skp.status, StatusSkp::Diajukan);
    let mut s4 = v3.skp.clone();
    assert_eq!(s4.tetapkan(tgl(2026, 1, 20)).expect("tetapkan"), 1);
    let penilai = Pelaku {
        akun_id: None,
        nama: "agus.salim".into(),
    };
    let versi1 = VersiBaru {
        alasan: "Penetapan SKP awal tahun".into(),
        berlaku_mulai: tgl(2026, 1, 1),
    };
    let v4 = simpan(
        store,
        inst,
        &s4,
        v3.versi,
        "tetapkan",
        Some(&versi1),
        &penilai,
    )
    .await;
    let daftar = store.versi_skp(inst, id).await.expect("versi");
    assert_eq!(daftar.len(), 1);
    assert_eq!(
        (
            daftar[0].nomor,
            daftar[0].alasan.as_str(),
            daftar[0].pelaku.as_str(),
            daftar[0].berlaku_mulai
        ),
        (1, "Penetapan SKP awal tahun", "agus.salim", tgl(2026, 1, 1))
    );
    let (v, isi) = store
        .isi_versi_skp(inst, id, 1)
        .await
        .expect("isi versi")
        .expect("versi 1");
    assert_eq!(v.nomor, 1);
    assert_eq!(isi, v4.skp, "the snapshot is the SKP as set");
    assert_eq!(isi, baca_skp(store, inst, id).await.skp);
    assert!(store
        .isi_versi_skp(inst, id, 2)
        .await
        .expect("isi versi 2")
        .is_none());

    // Recording a version number again is a conflict, and the whole write is undone.
    let mut lagi = v4.skp.clone();
    lagi.perjanjian_kerja = Some("Tidak boleh tersimpan".into());
    konflik(
        store
            .simpan_skp(inst, &lagi, v4.versi, "tetapkan", Some(&versi1), &penilai)
            .await,
        "duplicate version number",
    );
    let b = baca_skp(store, inst, id).await;
    assert_eq!((&b.skp, b.versi), (&v4.skp, v4.versi));

    // A revision set again is version 2; version 1 stays readable as it was.
    let mut r = v4.skp.clone();
    r.buka_revisi("Perubahan target anggaran").expect("revisi");
    let iki_pelatihan = r.rhk[0].iki[0].id.expect("id");
    r.ubah_iki(
        iki_pelatihan,
        &iki_masuk("Jumlah pegawai yang dilatih", "60 orang"),
    )
    .expect("ubah");
    r.ajukan().expect("ajukan revisi");
    let v5 = simpan(store, inst, &r, v4.versi, "revisi", None, &sistem).await;
    let mut r2 = v5.skp.clone();
    assert_eq!(r2.tetapkan(tgl(2026, 4, 1)).expect("tetapkan"), 2);
    let versi2 = VersiBaru {
        alasan: "Perubahan target anggaran".into(),
        berlaku_mulai: tgl(2026, 4, 1),
    };
    let v6 = simpan(
        store,
        inst,
        &r2,
        v5.versi,
        "tetapkan",
        Some(&versi2),
        &penilai,
    )
    .await;
    assert_eq!(v6.skp.ditetapkan_pada, Some(tgl(2026, 1, 20)));
    let nomor: Vec<i32> = store
        .versi_skp(inst, id)
        .await
        .expect("versi")
        .iter()
        .map(|v| v.nomor)
        .collect();
    assert_eq!(nomor, [1, 2]);
    let (_, isi1) = store
        .isi_versi_skp(inst, id, 1)
        .await
        .expect("isi")
        .expect("1");
    assert_eq!(isi1, v4.skp);
    let (_, isi2) = store
        .isi_versi_skp(inst, id, 2)
        .await
        .expect("isi")
        .expect("2");
    assert_eq!(isi2, v6.skp);
    assert_eq!(isi2.rhk[0].iki[0].target.teks, "60 orang");

    // A second open SKP for the same pegawai and year is refused, and writes nothing.
    let audit_sebelum = jumlah_audit(store, inst).await;
    let mut dua = draf(&citra, 2026, None);
    dua.tambah_rhk(
        &rhk_masuk("RHK yang tidak boleh tersimpan"),
        &iki_masuk("Jumlah", "1 dokumen"),
        &[],
    )
    .expect("rhk");
    konflik(
        store.buat_skp(inst, &dua, None, &sistem).await,
        "second open SKP",
    );
    let semua_2026 = store.status_skp_tahun(inst, 2026).await.expect("status");
    assert_eq!(semua_2026.len(), 1, "no SKP row written");
    assert_eq!(
        jumlah_audit(store, inst).await,
        audit_sebelum,
        "no audit entry for a refused write"
    );
    let b = baca_skp(store, inst, id).await;
    assert_eq!(
        (b.skp.rhk.len(), b.versi),
        (2, v6.versi),
        "no RHK added to the stored SKP"
    );

    // Once closed, a new SKP for the same pegawai and year can be created.
    let mut tutup = v6.skp.clone();
    tutup.tutup(tgl(2026, 7, 1)).expect("tutup");
    let v7 = simpan(store, inst, &tutup, v6.versi, "tutup", None, &sistem).await;
    let b = baca_skp(store, inst, id).await;
    assert_eq!(b.skp, v7.skp);
    assert_eq!(
        (b.skp.status, b.skp.selesai),
        (StatusSkp::Ditutup, tgl(2026, 6, 30))
    );
    assert!(store
        .skp_tahun(inst, &[citra.id], 2026)
        .await
        .expect("tahun")
        .is_empty());
    let baru = store
        .buat_skp(
            inst,
            &draf(&citra, 2026, Some(tgl(2026, 7, 1))),
            Some(id),
            &sistem,
        )
        .await
        .expect("SKP baru setelah ditutup");
    assert_ne!(baru.skp.id, id);
    let terbuka = store
        .skp_tahun(inst, &[citra.id], 2026)
        .await
        .expect("tahun");
    assert_eq!(
        terbuka.iter().map(|s| s.skp.id).collect::<Vec<_>>(),
        [baru.skp.id]
    );
    assert_eq!(terbuka[0].skp, baru.skp);

    // An IKI moved to another RHK goes with it, even unchanged and at the same place; one moved
    // out of a deleted RHK survives it.
    let mut s = baru.skp.clone();
    s.tambah_rhk(
        &rhk_masuk("RHK pertama"),
        &iki_masuk("Indikator satu", "1 dokumen"),
        &[],
    )
    .expect("rhk");
    s.rhk[0].iki.push(Iki {
        id: None,
        aspek: Some(AspekIki::Kuantitas),
        indikator: "Indikator dua".into(),
        target: Target::parse("2 dokumen", Pendekatan::Kuantitatif).expect("target"),
        manual_indikator: None,
    });
    s.tambah_rhk(
        &rhk_masuk("RHK kedua"),
        &iki_masuk("Indikator tiga", "3 dokumen"),
        &[],
    )
    .expect("rhk");
    let m1 = simpan(store, inst, &s, baru.versi, "ubah", None, &sistem).await;
    let mut pindah = m1.skp.clone();
    let satu = pindah.rhk[0].iki.remove(0);
    pindah.rhk[1].iki.insert(0, satu);
    let m2 = simpan(store, inst, &pindah, m1.versi, "ubah", None, &sistem).await;
    assert_eq!(
        baca_skp(store, inst, baru.skp.id).await.skp,
        pindah,
        "the moved IKI is under its new RHK"
    );
    let mut hapus = m2.skp.clone();
    let dua = hapus.rhk[0].iki[0].clone();
    hapus.rhk.remove(0);
    hapus.rhk[0].iki.push(dua);
    simpan(store, inst, &hapus, m2.versi, "ubah", None, &sistem).await;
    assert_eq!(
        baca_skp(store, inst, baru.skp.id).await.skp,
        hapus,
        "an IKI moved out of a deleted RHK is kept"
    );

    // Every write is audited, refused ones are not, and the chain holds.
    assert_eq!(
        aksi_audit(store, inst, "skp", id).await,
        ["buat", "ubah", "ajukan", "tetapkan", "revisi", "tetapkan", "tutup"]
    );
    assert_eq!(
        aksi_audit(store, inst, "skp", baru.skp.id).await,
        ["buat", "ubah", "ubah", "ubah"]
    );
    assert_eq!(jumlah_audit(store, inst).await, audit_awal + 11);
    let log = store.daftar_audit(inst, 100).await.expect("log");
    let buat = log
        .iter()
        .find(|e| e.entitas == "skp" && e.entitas_id == id.to_string() && e.aksi == "buat")
        .expect("buat");
    assert!(buat.sebelum.is_none());
    assert!(buat
        .sesudah
        .as_deref()
        .is_some_and(|s| s.contains("Tersedianya aplikasi layanan perizinan")));
    audit_utuh(store).await;
}

async fn skp_daftar_dan_anggota(store: &dyn Store, inst: i64) {
    let sistem = Pelaku::sistem();
    let budi = pegawai_nip(store, inst, NIP_BUDI).await;
    let agus = pegawai_nip(store, inst, NIP_AGUS).await;
    let citra = pegawai_nip(store, inst, NIP_CITRA).await;
    let dewi = pegawai_nip(store, inst, NIP_DEWI).await;
    let eka = pegawai_nip(store, inst, NIP_EKA).await;
    let buat = |s: Skp| async move {
        store
            .buat_skp(inst, &s, None, &Pelaku::sistem())
            .await
            .expect("buat SKP")
    };
    let dengan_rhk = |p: &Pegawai, tahun: i32, uraian: &str| {
        let mut s = draf(p, tahun, None);
        s.tambah_rhk(
            &rhk_masuk(uraian),
            &iki_masuk("Jumlah dokumen", "12 dokumen"),
            &[],
        )
        .expect("rhk");
        s
    };

    // Last year: three SKP.
    let mut id_2025 = Vec::new();
    for p in [&budi, &agus, &citra] {
        id_2025.push(buat(dengan_rhk(p, 2025, "Rencana tahun lalu")).await.skp.id);
    }

    // This year: the Kepala Bidang's two RHK, cascaded into the members' SKP.
    let mut s = dengan_rhk(&agus, 2026, "Meningkatnya kualitas layanan aplikasi");
    s.tambah_rhk(
        &rhk_masuk("Terintegrasinya data layanan"),
        &iki_masuk("Jumlah layanan terintegrasi", "5 layanan"),
        &[],
    )
    .expect("rhk");
    let pimpinan = buat(s).await;
    let (l1, l2) = (
        pimpinan.skp.rhk[0].id.expect("l1"),
        pimpinan.skp.rhk[1].id.expect("l2"),
    );
    let rhk_pimpinan: Vec<RhkPimpinan> = pimpinan
        .skp
        .rhk
        .iter()
        .map(|r| RhkPimpinan {
            id: r.id.expect("id"),
            uraian: r.uraian.clone(),
        })
        .collect();
    let mut s = pimpinan.skp.clone();
    s.ajukan().expect("ajukan");
    let t = simpan(store, inst, &s, pimpinan.versi, "ajukan", None, &sistem).await;
    let mut s = t.skp.clone();
    s.tetapkan(tgl(2026, 1, 15)).expect("tetapkan");
    simpan(store, inst, &s, t.versi, "tetapkan", None, &sistem).await;

    let intervensi = |p: &Pegawai, uraian: &str, rhk: &[(i64, &str)]| {
        let mut s = draf(p, 2026, None);
        for (l, u) in rhk {
            s.tambah_rhk(
                &RhkMasuk {
                    intervensi_rhk_id: Some(*l),
                    ..rhk_masuk(u)
                },
                &iki_masuk("Jumlah modul", "3–4 modul"),
                &rhk_pimpinan,
            )
            .expect("rhk intervensi");
        }
        s.tambah_rhk(
            &rhk_masuk(uraian),
            &iki_masuk("Jumlah laporan", "4 laporan"),
            &[],
        )
        .expect("rhk");
        s
    };
    let skp_budi = buat(dengan_rhk(&budi, 2026, "Terwujudnya pemerintahan digital")).await;
    let skp_citra = buat(intervensi(
        &citra,
        "Laporan kegiatan",
        &[(l1, "Tersusunnya modul layanan")],
    ))
    .await;
    let mut s = skp_citra.skp.clone();
    s.ajukan().expect("ajukan");
    let skp_citra = simpan(store, inst, &s, skp_citra.versi, "ajukan", None, &sistem).await;
    let skp_dewi = buat(intervensi(
        &dewi,
        "Laporan kegiatan",
        &[
            (l1, "Teruji modul layanan"),
            (l2, "Terpetakannya data layanan"),
        ],
    ))
    .await;
    // Eka's first SKP intervenes L1 too, but is closed: it no longer counts as a member RHK.
    let eka_lama = buat(intervensi(
        &eka,
        "Laporan kegiatan",
        &[(l1, "Rancangan antarmuka layanan")],
    ))
    .await;
    let mut s = eka_lama.skp.clone();
    s.tutup(tgl(2026, 3, 1)).expect("tutup");
    simpan(store, inst, &s, eka_lama.versi, "tutup", None, &sistem).await;
    let eka_baru = buat(draf(&eka, 2026, Some(tgl(2026, 3, 1)))).await;

    let urut_2026 = vec![
        pimpinan.skp.id,
        skp_budi.skp.id,
        skp_citra.skp.id,
        skp_dewi.skp.id,
        eka_lama.skp.id,
        eka_baru.skp.id,
    ];
    let daftar = |f: FilterSkp| async move {
        store
            .daftar_skp(inst, &FilterSkp { limit: 100, ..f })
            .await
            .expect("daftar SKP")
            .items
            .iter()
            .map(|r| r.id)
            .collect::<Vec<i64>>()
    };
    assert_eq!(
        daftar(FilterSkp {
            tahun: Some(2026),
            ..Default::default()
        })
        .await,
        urut_2026
    );
    assert_eq!(
        daftar(FilterSkp {
            tahun: Some(2025),
            ..Default::default()
        })
        .await,
        id_2025
    );
    assert_eq!(
        daftar(FilterSkp::default()).await.len(),
        9,
        "no filter: every SKP"
    );
    assert_eq!(
        daftar(FilterSkp {
            pegawai_id: Some(vec![citra.id]),
            ..Default::default()
        })
        .await,
        [id_2025[2], skp_citra.skp.id],
        "one pegawai's history"
    );
    assert_eq!(
        daftar(FilterSkp {
            tahun: Some(2026),
            pegawai_id: Some(vec![citra.id, dewi.id]),
            ..Default::default()
        })
        .await,
        [skp_citra.skp.id, skp_dewi.skp.id]
    );
    assert!(daftar(FilterSkp {
        pegawai_id: Some(Vec::new()),
        ..Default::default()
    })
    .await
    .is_empty());
    assert_eq!(
        daftar(FilterSkp {
            status: Some(StatusSkp::Ditetapkan),
            ..Default::default()
        })
        .await,
        [pimpinan.skp.id]
    );
    assert_eq!(
        daftar(FilterSkp {
            status: Some(StatusSkp::Ditutup),
            ..Default::default()
        })
        .await,
        [eka_lama.skp.id]
    );
    assert_eq!(
        daftar(FilterSkp {
            tahun: Some(2026),
            status: Some(StatusSkp::Draf),
            ..Default::default()
        })
        .await,
        [skp_budi.skp.id, skp_dewi.skp.id, eka_baru.skp.id]
    );
    let seksi = citra.unit_id.expect("unit Citra");
    assert_eq!(
        daftar(FilterSkp {
            tahun: Some(2026),
            unit_id: Some(seksi),
            ..Default::default()
        })
        .await,
        [
            skp_citra.skp.id,
            skp_dewi.skp.id,
            eka_lama.skp.id,
            eka_baru.skp.id
        ]
    );
    let r = store
        .daftar_skp(
            inst,
            &FilterSkp {
                pegawai_id: Some(vec![citra.id]),
                tahun: Some(2026),
                limit: 10,
                ..Default::default()
            },
        )
        .await
        .expect("ringkasan")
        .items
        .remove(0);
    assert_eq!(
        (
            r.nip.as_str(),
            r.nama.as_str(),
            r.unit_id,
            r.unit_nama.as_deref()
        ),
        (
            NIP_CITRA,
            "Citra Lestari",
            Some(seksi),
            Some("Seksi Pengembangan Aplikasi")
        )
    );
    assert_eq!(
        (
            r.tahun,
            r.pegawai_id,
            r.format,
            r.status,
            r.nomor_versi,
            r.jumlah_rhk,
            r.versi
        ),
        (
            2026,
            citra.id,
            FormatSkp::Format4,
            StatusSkp::Diajukan,
            0,
            2,
            2
        )
    );
    assert_eq!(
        (r.mulai, r.selesai, r.ditetapkan_pada),
        (tgl(2026, 1, 1), tgl(2026, 12, 31), None)
    );

    // Pages of two walk the year once, in id order.
    let mut halaman = Vec::new();
    let mut cursor = None;
    loop {
        let h = store
            .daftar_skp(
                inst,
                &FilterSkp {
                    tahun: Some(2026),
                    limit: 2,
                    cursor,
                    ..Default::default()
                },
            )
            .await
            .expect("halaman");
        assert!(h.items.len() <= 2);
        halaman.push(h.items.iter().map(|r| r.id).collect::<Vec<_>>());
        match h.next_cursor {
            Some(c) => cursor = Some(c.parse().expect("cursor")),
            None => break,
        }
    }
    assert_eq!(halaman.len(), 3, "{halaman:?}");
    assert_eq!(halaman.concat(), urut_2026);

    // The open SKP of a year, complete.
    let semua = [budi.id, agus.id, citra.id, dewi.id, eka.id];
    let terbuka = store.skp_tahun(inst, &semua, 2026).await.expect("tahun");
    assert_eq!(
        terbuka.iter().map(|s| s.skp.id).collect::<Vec<_>>(),
        [
            pimpinan.skp.id,
            skp_budi.skp.id,
            skp_citra.skp.id,
            skp_dewi.skp.id,
            eka_baru.skp.id
        ],
        "closed SKP are left out"
    );
    let dewi_2026 = terbuka
        .iter()
        .find(|s| s.skp.pegawai_id == dewi.id)
        .expect("Dewi");
    assert_eq!(dewi_2026.skp, skp_dewi.skp);
    assert_eq!(
        terbuka
            .iter()
            .find(|s| s.skp.pegawai_id == citra.id)
            .map(|s| (&s.skp, s.versi)),
        Some((&skp_citra.skp, skp_citra.versi))
    );
    assert_eq!(
        store
            .skp_tahun(inst, &semua, 2025)
            .await
            .expect("2025")
            .len(),
        3
    );
    assert!(store
        .skp_tahun(inst, &[dewi.id], 2025)
        .await
        .expect("none")
        .is_empty());

    // Member RHK intervening the leader's, from open SKP only.
    let pasangan = |v: Vec<RhkAnggota>| {
        let mut v: Vec<(i64, i64, i64)> = v
            .into_iter()
            .map(|a| (a.skp_id, a.pegawai_id, a.rhk.id.expect("id")))
            .collect();
        v.sort();
        v
    };
    let anggota = store.rhk_anggota(inst, &[l1]).await.expect("anggota L1");
    assert!(anggota.iter().all(|a| a.rhk.intervensi_rhk_id == Some(l1)));
    let rhk_citra = &skp_citra.skp.rhk[0];
    assert!(anggota
        .iter()
        .any(|a| a.pegawai_id == citra.id && &a.rhk == rhk_citra));
    assert_eq!(
        pasangan(anggota),
        [
            (skp_citra.skp.id, citra.id, rhk_citra.id.expect("id")),
            (
                skp_dewi.skp.id,
                dewi.id,
                skp_dewi.skp.rhk[0].id.expect("id")
            ),
        ]
    );
    assert_eq!(
        pasangan(store.rhk_anggota(inst, &[l1, l2]).await.expect("anggota")),
        [
            (skp_citra.skp.id, citra.id, rhk_citra.id.expect("id")),
            (
                skp_dewi.skp.id,
                dewi.id,
                skp_dewi.skp.rhk[0].id.expect("id")
            ),
            (
                skp_dewi.skp.id,
                dewi.id,
                skp_dewi.skp.rhk[1].id.expect("id")
            ),
        ]
    );
    assert!(store
        .rhk_anggota(inst, &[])
        .await
        .expect("kosong")
        .is_empty());
    assert!(store
        .rhk_anggota(inst, &[rhk_citra.id.expect("id")])
        .await
        .expect("tanpa anggota")
        .is_empty());

    // One row per SKP of the year, with its unit, status and dates.
    let status = store.status_skp_tahun(inst, 2026).await.expect("status");
    assert_eq!(status.len(), 6);
    let hitung = |st: StatusSkp| status.iter().filter(|s| s.status == st).count();
    assert_eq!(
        (
            hitung(StatusSkp::Draf),
            hitung(StatusSkp::Diajukan),
            hitung(StatusSkp::Ditetapkan),
            hitung(StatusSkp::Ditutup)
        ),
        (3, 1, 1, 1)
    );
    let ditetapkan = status
        .iter()
        .find(|s| s.status == StatusSkp::Ditetapkan)
        .expect("ditetapkan");
    assert_eq!(
        (ditetapkan.unit_id, ditetapkan.ditetapkan_pada),
        (agus.unit_id, Some(tgl(2026, 1, 15)))
    );
    assert_eq!(
        status.iter().filter(|s| s.unit_id == Some(seksi)).count(),
        4
    );
    assert!(status
        .iter()
        .any(|s| s.status == StatusSkp::Draf && s.mulai == tgl(2026, 3, 1)));
    assert_eq!(
        store
            .status_skp_tahun(inst, 2025)
            .await
            .expect("2025")
            .len(),
        3
    );
    assert!(store
        .status_skp_tahun(inst, 2024)
        .await
        .expect("2024")
        .is_empty());
    audit_utuh(store).await;
}

async fn penugasan_alur(store: &dyn Store, inst: i64) {
    let penilai = Pelaku {
        akun_id: None,
        nama: "agus.salim".into(),
    };
    let budi = pegawai_nip(store, inst, NIP_BUDI).await;
    let agus = pegawai_nip(store, inst, NIP_AGUS).await;
    let citra = pegawai_nip(store, inst, NIP_CITRA).await;
    let dewi = pegawai_nip(store, inst, NIP_DEWI).await;
    let ditetapkan = skp_ditetapkan(store, inst, &citra, "Tersedianya aplikasi layanan").await;
    let skp_id = ditetapkan.skp.id;

    let tugaskan = |pemberi: i64, pegawai: i64, tahun: i32, uraian: &'static str| async move {
        store
            .buat_penugasan(
                inst,
                &PenugasanBaru {
                    tahun,
                    pemberi_pegawai_id: pemberi,
                    pegawai_id: Some(pegawai),
                    unit_id: None,
                    induk_id: None,
                    uraian: uraian.into(),
                    ekspektasi: "Selesai tepat waktu".into(),
                    status: "menunggu_penilai".into(),
                },
                &Pelaku::sistem(),
            )
            .await
            .expect("buat penugasan")
    };
    let p1 = tugaskan(budi.id, citra.id, 2026, "Menyusun kajian keamanan aplikasi").await;
    let p2 = tugaskan(
        budi.id,
        citra.id,
        2026,
        "Menjadi narasumber bimbingan teknis",
    )
    .await;
    let p3 = tugaskan(agus.id, dewi.id, 2025, "Mendokumentasikan arsitektur").await;
    let p4 = tugaskan(budi.id, citra.id, 2026, "Menyusun standar data").await;
    assert_eq!(
        (
            p1.tahun,
            p1.pemberi_pegawai_id,
            p1.pegawai_id,
            p1.status.as_str()
        ),
        (2026, budi.id, Some(citra.id), "menunggu_penilai")
    );
    assert_eq!(
        (
            p1.uraian.as_str(),
            p1.ekspektasi.as_str(),
            p1.unit_id,
            p1.induk_id
        ),
        (
            "Menyusun kajian keamanan aplikasi",
            "Selesai tepat waktu",
            None,
            None
        )
    );
    assert!(
        p1.alasan.is_none()
            && p1.rhk_id.is_none()
            && p1.diputuskan.is_none()
            && p1.diputuskan_oleh.is_none()
    );
    let baca = store
        .penugasan(inst, p1.id)
        .await
        .expect("penugasan")
        .expect("ada");
    assert_eq!(
        (baca.id, baca.uraian.as_str(), baca.dibuat),
        (p1.id, p1.uraian.as_str(), p1.dibuat)
    );
    assert!(store
        .penugasan(inst + 999, p1.id)
        .await
        .expect("lain")
        .is_none());

    let daftar = |f: FilterPenugasan| async move {
        store
            .daftar_penugasan(
                inst,
                &FilterPenugasan {
                    limit: if f.limit == 0 { 100 } else { f.limit },
                    ..f
                },
            )
            .await
            .expect("daftar penugasan")
            .iter()
            .map(|p| p.id)
            .collect::<Vec<i64>>()
    };
    assert_eq!(
        daftar(FilterPenugasan {
            pegawai_id: Some(vec![citra.id]),
            ..Default::default()
        })
        .await,
        [p4.id, p2.id, p1.id],
        "newest first"
    );
    assert_eq!(
        daftar(FilterPenugasan {
            pegawai_id: Some(vec![citra.id, dewi.id]),
            ..Default::default()
        })
        .await
        .len(),
        4
    );
    assert!(daftar(FilterPenugasan {
        pegawai_id: Some(Vec::new()),
        ..Default::default()
    })
    .await
    .is_empty());
    assert_eq!(
        daftar(FilterPenugasan {
            pemberi_pegawai_id: Some(budi.id),
            ..Default::default()
        })
        .await,
        [p4.id, p2.id, p1.id]
    );
    assert_eq!(
        daftar(FilterPenugasan {
            pemberi_pegawai_id: Some(agus.id),
            ..Default::default()
        })
        .await,
        [p3.id]
    );
    assert_eq!(
        daftar(FilterPenugasan {
            status: Some("menunggu_penilai".into()),
            ..Default::default()
        })
        .await
        .len(),
        4
    );
    assert_eq!(
        daftar(FilterPenugasan {
            tahun: Some(2025),
            ..Default::default()
        })
        .await,
        [p3.id]
    );
    assert!(daftar(FilterPenugasan {
        tahun: Some(2026),
        pegawai_id: Some(vec![dewi.id]),
        ..Default::default()
    })
    .await
    .is_empty());
    assert_eq!(
        daftar(FilterPenugasan {
            limit: 2,
            ..Default::default()
        })
        .await,
        [p4.id, p3.id]
    );

    // The rater refuses one; a second decision on it is a conflict.
    let ditolak = store
        .tolak_penugasan(inst, p1.id, "Di luar tugas jabatan", &penilai)
        .await
        .expect("tolak");
    assert_eq!(
        (
            ditolak.status.as_str(),
            ditolak.alasan.as_deref(),
            ditolak.diputuskan_oleh.as_deref(),
            ditolak.rhk_id
        ),
        (
            "ditolak",
            Some("Di luar tugas jabatan"),
            Some("agus.salim"),
            None
        )
    );
    assert!(ditolak.diputuskan.is_some());
    konflik(
        store.tolak_penugasan(inst, p1.id, "Lagi", &penilai).await,
        "second refusal",
    );
    // Accepting the refused one fails as a whole: its SKP write is undone too.
    let mut s = ditetapkan.skp.clone();
    let (i, _) = s
        .terima_penugasan(
            p1.id,
            &RhkMasuk {
                jenis: Some(JenisRhk::Tambahan),
                uraian: p1.uraian.clone(),
                penugasan_dari: Some("Kepala Dinas".into()),
                ..Default::default()
            },
            &iki_masuk("Jumlah kajian", "1 dokumen"),
        )
        .expect("rhk penugasan");
    konflik(
        store
            .terima_penugasan(
                inst,
                p1.id,
                &s,
                i,
                ditetapkan.versi,
                Some(&VersiBaru {
                    alasan: "Tidak boleh tercatat".into(),
                    berlaku_mulai: tgl(2026, 3, 1),
                }),
                &penilai,
            )
            .await,
        "accepting a refused assignment",
    );
    let b = baca_skp(store, inst, skp_id).await;
    assert_eq!((&b.skp, b.versi), (&ditetapkan.skp, ditetapkan.versi));
    assert_eq!(store.versi_skp(inst, skp_id).await.expect("versi").len(), 1);
    assert_eq!(
        store
            .penugasan(inst, p1.id)
            .await
            .expect("p1")
            .map(|p| p.status),
        Some("ditolak".into())
    );

    // Another is accepted on the set SKP: a new RHK and a new numbered version.
    let baca = baca_skp(store, inst, skp_id).await;
    let mut s = baca.skp.clone();
    let tambahan = |p: &Penugasan| RhkMasuk {
        jenis: Some(JenisRhk::Tambahan),
        uraian: p.uraian.clone(),
        penugasan_dari: Some("Kepala Dinas Komunikasi dan Informatika".into()),
        ..Default::default()
    };
    let (i, versi_baru) = s
        .terima_penugasan(p2.id, &tambahan(&p2), &iki_masuk("Jumlah sesi", "2–3 sesi"))
        .expect("terima");
    assert!(versi_baru);
    assert_eq!(s.nomor_versi, 2);
    let vb = VersiBaru {
        alasan: "Penugasan dari Kepala Dinas".into(),
        berlaku_mulai: tgl(2026, 3, 1),
    };
    let (pen, st) = store
        .terima_penugasan(inst, p2.id, &s, i, baca.versi, Some(&vb), &penilai)
        .await
        .expect("terima penugasan");
    let rhk_baru = st.skp.rhk[i].id.expect("new RHK id");
    assert_eq!(
        (
            pen.status.as_str(),
            pen.rhk_id,
            pen.diputuskan_oleh.as_deref(),
            pen.alasan.as_deref()
        ),
        ("diterima", Some(rhk_baru), Some("agus.salim"), None)
    );
    assert!(pen.diputuskan.is_some());
    assert_eq!(st.versi, baca.versi + 1);
    assert_eq!(st.skp.rhk.len(), baca.skp.rhk.len() + 1);
    assert_eq!(st.skp.rhk[i].penugasan_id, Some(p2.id));
    assert_eq!(tanpa_id(&st.skp), tanpa_id(&s));
    let b = baca_skp(store, inst, skp_id).await;
    assert_eq!((&b.skp, b.versi), (&st.skp, st.versi));
    assert_eq!(b.skp.nomor_versi, 2);
    let versi: Vec<(i32, String)> = store
        .versi_skp(inst, skp_id)
        .await
        .expect("versi")
        .into_iter()
        .map(|v| (v.nomor, v.alasan))
        .collect();
    assert_eq!(
        versi,
        [
            (1, "Penetapan SKP awal tahun".to_string()),
            (2, "Penugasan dari Kepala Dinas".to_string())
        ]
    );
    let (_, isi2) = store
        .isi_versi_skp(inst, skp_id, 2)
        .await
        .expect("isi")
        .expect("versi 2");
    assert_eq!(isi2, st.skp);
    assert_eq!(
        store
            .penugasan(inst, p2.id)
            .await
            .expect("p2")
            .and_then(|p| p.rhk_id),
        Some(rhk_baru)
    );

    // Accepting on the SKP as read before that: a conflict, nothing half-written.
    let mut basi = baca.skp.clone();
    let (i4, _) = basi
        .terima_penugasan(
            p4.id,
            &tambahan(&p4),
            &iki_masuk("Jumlah standar", "1 dokumen"),
        )
        .expect("terima basi");
    konflik(
        store
            .terima_penugasan(inst, p4.id, &basi, i4, baca.versi, Some(&vb), &penilai)
            .await,
        "stale SKP version",
    );
    let p4_lagi = store
        .penugasan(inst, p4.id)
        .await
        .expect("p4")
        .expect("ada");
    assert_eq!(
        (
            p4_lagi.status.as_str(),
            p4_lagi.rhk_id,
            p4_lagi.diputuskan.is_none()
        ),
        ("menunggu_penilai", None, true)
    );
    let b = baca_skp(store, inst, skp_id).await;
    assert_eq!((&b.skp, b.versi), (&st.skp, st.versi));
    assert_eq!(store.versi_skp(inst, skp_id).await.expect("versi").len(), 2);

    // A decided assignment cannot be accepted again.
    let mut lagi = b.skp.clone();
    let (i2, _) = lagi
        .terima_penugasan(p2.id, &tambahan(&p2), &iki_masuk("Jumlah sesi", "1 sesi"))
        .expect("terima lagi");
    konflik(
        store
            .terima_penugasan(
                inst,
                p2.id,
                &lagi,
                i2,
                b.versi,
                Some(&VersiBaru {
                    alasan: "Tidak boleh tercatat".into(),
                    berlaku_mulai: tgl(2026, 4, 1),
                }),
                &penilai,
            )
            .await,
        "second acceptance",
    );
    let b = baca_skp(store, inst, skp_id).await;
    assert_eq!((&b.skp, b.versi), (&st.skp, st.versi));

    assert_eq!(
        daftar(FilterPenugasan {
            status: Some("diterima".into()),
            ..Default::default()
        })
        .await,
        [p2.id]
    );
    assert_eq!(
        daftar(FilterPenugasan {
            status: Some("ditolak".into()),
            pegawai_id: Some(vec![citra.id]),
            tahun: Some(2026),
            pemberi_pegawai_id: Some(budi.id),
            limit: 10,
        })
        .await,
        [p1.id]
    );
    assert_eq!(
        aksi_audit(store, inst, "penugasan", p1.id).await,
        ["buat", "tolak"]
    );
    assert_eq!(
        aksi_audit(store, inst, "penugasan", p2.id).await,
        ["buat", "terima"]
    );
    assert_eq!(aksi_audit(store, inst, "penugasan", p4.id).await, ["buat"]);
    assert_eq!(
        aksi_audit(store, inst, "skp", skp_id).await,
        ["buat", "ajukan", "tetapkan", "terima_penugasan"]
    );
    audit_utuh(store).await;
}

/// Drafts for a batch of pegawai as the year-start job makes them: last year's content copied
/// when there is one.
async fn draf_mulai_tahun(
    store: &dyn Store,
    inst: i64,
    batch: &[PegawaiMulai],
    tahun: i32,
) -> Vec<(Skp, Option<i64>)> {
    let ids: Vec<i64> = batch.iter().map(|p| p.id).collect();
    let lalu = store
        .skp_tahun_lalu(inst, &ids, tahun)
        .await
        .expect("SKP tahun lalu");
    batch
        .iter()
        .map(|p| {
            let mut s = Skp::baru(
                p.id,
                tahun,
                p.unit_id,
                p.jabatan_id,
                p.jenis_jabatan,
                Pendekatan::Kuantitatif,
                false,
                None,
            )
            .expect("draf");
            let asal = lalu.iter().find(|l| l.pegawai_id == p.id);
            if let Some(l) = asal {
                s.salin_isi_dari(l);
            }
            (s, asal.map(|l| l.id))
        })
        .collect()
}

const BATCH_MULAI: i64 = 7;

/// Run a year-start job to its end, in batches, from where it stands.
async fn jalankan_mulai_tahun(store: &dyn Store, inst: i64, mut t: Tugas) -> Tugas {
    loop {
        let batch = store
            .pegawai_mulai(inst, t.kursor, BATCH_MULAI)
            .await
            .expect("pegawai mulai");
        let draf = draf_mulai_tahun(store, inst, &batch, t.tahun).await;
        let selesai = (batch.len() as i64) < BATCH_MULAI;
        let kursor = batch.last().map_or(t.kursor, |p| p.id);
        t = store
            .langkah_mulai_tahun(&t, &draf, kursor, t.diproses + batch.len() as i64, selesai)
            .await
            .expect("langkah mulai tahun");
        if selesai {
            return t;
        }
    }
}

/// (jenis, uraian, penugasan_dari, [(aspek, indikator, target)]) of each RHK: the content a copy
/// keeps.
type IsiRhk = Vec<(
    JenisRhk,
    String,
    String,
    Vec<(Option<AspekIki>, String, Target)>,
)>;

fn isi_rhk(s: &Skp) -> IsiRhk {
    s.rhk
        .iter()
        .map(|r| {
            (
                r.jenis,
                r.uraian.clone(),
                r.penugasan_dari.clone(),
                r.iki
                    .iter()
                    .map(|i| (i.aspek, i.indikator.clone(), i.target.clone()))
                    .collect(),
            )
        })
        .collect()
}

async fn mulai_tahun_massal(store: &dyn Store, inst: i64) {
    let sistem = Pelaku::sistem();
    // 25 more pegawai: 30 in all, some without a position.
    let data = DataOrganisasi {
        pegawai: (1..=25)
            .map(|n| {
                pegawai(
                    &format!("198501012010011{n:03}"),
                    &format!("Pegawai Uji {n:02}"),
                    (n % 3 != 0).then_some("JF1"),
                )
            })
            .collect(),
        ..Default::default()
    };
    let r = store
        .impor_organisasi(inst, &data, &sistem)
        .await
        .expect("impor");
    assert_eq!(r.pegawai_baru, 25);
    let mut semua: Vec<i64> = store
        .semua_pegawai(inst)
        .await
        .expect("semua")
        .iter()
        .map(|p| p.id)
        .collect();
    semua.sort();
    assert_eq!(semua.len(), 30);

    // Ten of them had an SKP last year; for the first, a mutasi left a closed one and a later one.
    let sepuluh: Vec<i64> = semua.iter().step_by(3).copied().collect();
    assert_eq!(sepuluh.len(), 10);
    let pegawai_semua = store.pegawai_by_ids(inst, &semua).await.expect("by ids");
    let mut sumber = std::collections::HashMap::new();
    for (n, &id) in sepuluh.iter().enumerate() {
        let p = pegawai_semua.iter().find(|p| p.id == id).expect("pegawai");
        let mut s = draf(p, 2025, None);
        s.tambah_rhk(
            &rhk_masuk(&format!("Tersusunnya laporan layanan {n}")),
            &iki_masuk("Jumlah laporan", &format!("{} laporan", n + 1)),
            &[],
        )
        .expect("rhk 1");
        s.rhk[0].iki.push(Iki {
            id: None,
            aspek: Some(AspekIki::Kualitas),
            indikator: "Persentase laporan tanpa revisi".into(),
            target: Target::parse("85–90 %", Pendekatan::Kuantitatif).expect("target"),
            manual_indikator: None,
        });
        s.tambah_rhk(
            &RhkMasuk {
                jenis: Some(JenisRhk::Tambahan),
                penugasan_dari: Some("Kepala Bidang Aplikasi".into()),
                ..rhk_masuk(&format!("Terdokumentasinya rapat koordinasi {n}"))
            },
            &iki_masuk("Jumlah notulen", "12 notulen"),
            &[],
        )
        .expect("rhk 2");
        let mut t = store
            .buat_skp(inst, &s, None, &sistem)
            .await
            .expect("SKP tahun lalu");
        if n == 0 {
            let mut tutup = t.skp.clone();
            tutup.tutup(tgl(2025, 6, 1)).expect("tutup");
            simpan(store, inst, &tutup, t.versi, "tutup", None, &sistem).await;
            let mut kedua = draf(p, 2025, Some(tgl(2025, 6, 1)));
            kedua
                .tambah_rhk(
                    &rhk_masuk("Rencana di tempat yang baru"),
                    &iki_masuk("Jumlah kegiatan", "3–5 kegiatan"),
                    &[],
                )
                .expect("rhk");
            t = store
                .buat_skp(inst, &kedua, Some(t.skp.id), &sistem)
                .await
                .expect("SKP kedua");
        }
        sumber.insert(id, t.skp);
    }

    // The job: asking again while it runs answers the same one.
    let admin = Pelaku {
        akun_id: None,
        nama: "admin".into(),
    };
    let t0 = store
        .buat_tugas(inst, "mulai_tahun", 2026, 30, &admin)
        .await
        .expect("tugas");
    assert_eq!(
        (
            t0.jenis.as_str(),
            t0.tahun,
            t0.status.as_str(),
            t0.total,
            t0.diproses,
            t0.dibuat_skp,
            t0.kursor,
            t0.pelaku.as_str()
        ),
        ("mulai_tahun", 2026, "berjalan", 30, 0, 0, 0, "admin")
    );
    let lagi = store
        .buat_tugas(inst, "mulai_tahun", 2026, 30, &admin)
        .await
        .expect("tugas lagi");
    assert_eq!(
        lagi.id, t0.id,
        "one running job per instansi, kind and year"
    );
    assert_eq!(
        store
            .tugas_berjalan()
            .await
            .expect("berjalan")
            .iter()
            .map(|t| t.id)
            .collect::<Vec<_>>(),
        [t0.id]
    );

    // First batch by hand.
    let batch = store
        .pegawai_mulai(inst, 0, BATCH_MULAI)
        .await
        .expect("batch 1");
    assert_eq!(
        batch.iter().map(|p| p.id).collect::<Vec<_>>(),
        semua[..7],
        "in id order"
    );
    let d = draf_mulai_tahun(store, inst, &batch, 2026).await;
    let t1 = store
        .langkah_mulai_tahun(&t0, &d, batch[6].id, 7, false)
        .await
        .expect("langkah 1");
    assert_eq!(
        (
            t1.id,
            t1.status.as_str(),
            t1.kursor,
            t1.diproses,
            t1.dibuat_skp
        ),
        (t0.id, "berjalan", batch[6].id, 7, 7)
    );
    // A worker holding the job as it was before that step is refused, and writes nothing.
    let batch2 = store
        .pegawai_mulai(inst, t1.kursor, BATCH_MULAI)
        .await
        .expect("batch 2");
    assert_eq!(batch2.first().map(|p| p.id), Some(semua[7]));
    let d2 = draf_mulai_tahun(store, inst, &batch2, 2026).await;
    let ids2: Vec<i64> = batch2.iter().map(|p| p.id).collect();
    konflik(
        store
            .langkah_mulai_tahun(&t0, &d2, batch2[6].id, 14, false)
            .await,
        "stale job cursor",
    );
    assert!(store
        .skp_tahun(inst, &ids2, 2026)
        .await
        .expect("batch 2")
        .is_empty());
    let t = store.tugas(inst, t0.id).await.expect("tugas").expect("ada");
    assert_eq!((t.kursor, t.diproses, t.dibuat_skp), (t1.kursor, 7, 7));

    let t = jalankan_mulai_tahun(store, inst, t1).await;
    assert_eq!(
        (
            t.status.as_str(),
            t.diproses,
            t.dibuat_skp,
            t.kursor,
            t.total
        ),
        ("selesai", 30, 30, semua[29], 30)
    );
    let baca = store.tugas(inst, t0.id).await.expect("tugas").expect("ada");
    assert_eq!(
        (baca.status.as_str(), baca.dibuat_skp, baca.kursor),
        ("selesai", 30, semua[29])
    );
    assert!(store.tugas_berjalan().await.expect("berjalan").is_empty());
    assert!(store
        .tugas(inst + 999, t0.id)
        .await
        .expect("lain")
        .is_none());

    // Every pegawai has exactly one open SKP for the year; the ten have last year's content.
    let baru = store.skp_tahun(inst, &semua, 2026).await.expect("2026");
    assert_eq!(baru.len(), 30);
    let pemilik: HashSet<i64> = baru.iter().map(|s| s.skp.pegawai_id).collect();
    assert_eq!(pemilik.len(), 30);
    let rhk_lama: HashSet<i64> = sumber.values().flat_map(id_rhk).collect();
    let iki_lama: HashSet<i64> = sumber.values().flat_map(id_iki).collect();
    for s in &baru {
        let s = &s.skp;
        assert_eq!(
            (s.tahun, s.status, s.mulai, s.nomor_versi),
            (2026, StatusSkp::Draf, tgl(2026, 1, 1), 0)
        );
        match sumber.get(&s.pegawai_id) {
            Some(lama) => {
                assert!(!s.rhk.is_empty());
                assert_eq!(isi_rhk(s), isi_rhk(lama), "copied content");
                assert!(
                    id_rhk(s).iter().all(|i| !rhk_lama.contains(i))
                        && id_iki(s).iter().all(|i| !iki_lama.contains(i)),
                    "copies get new ids"
                );
            }
            None => assert!(s.rhk.is_empty(), "nothing to copy"),
        }
    }
    let pindah = baru
        .iter()
        .find(|s| s.skp.pegawai_id == sepuluh[0])
        .expect("pegawai pertama");
    assert_eq!(
        pindah.skp.rhk[0].uraian, "Rencana di tempat yang baru",
        "copied from the latest SKP of last year"
    );
    let hitung = || async {
        store
            .daftar_skp(
                inst,
                &FilterSkp {
                    tahun: Some(2026),
                    limit: 500,
                    ..Default::default()
                },
            )
            .await
            .expect("daftar")
            .items
            .len()
    };
    assert_eq!(hitung().await, 30);

    // Running the whole job again creates nothing.
    let audit_sebelum = jumlah_audit(store, inst).await;
    let t2 = store
        .buat_tugas(inst, "mulai_tahun", 2026, 30, &admin)
        .await
        .expect("tugas kedua");
    assert_ne!(t2.id, t0.id, "a finished job is not answered again");
    let t2 = jalankan_mulai_tahun(store, inst, t2).await;
    assert_eq!(
        (t2.status.as_str(), t2.diproses, t2.dibuat_skp),
        ("selesai", 30, 0)
    );
    assert_eq!(hitung().await, 30);
    assert_eq!(
        store
            .tugas_terakhir(inst, "mulai_tahun", 2026)
            .await
            .expect("terakhir")
            .map(|t| t.id),
        Some(t2.id)
    );
    assert_eq!(
        aksi_audit(store, inst, "tugas", t2.id).await,
        ["buat", "mulai_tahun"],
        "only the job and its end are recorded when nothing is created"
    );
    assert_eq!(jumlah_audit(store, inst).await, audit_sebelum + 2);
    assert_eq!(
        aksi_audit(store, inst, "tugas", t0.id)
            .await
            .iter()
            .filter(|a| *a == "mulai_tahun")
            .count(),
        5,
        "one entry per batch that created SKP"
    );

    // A job can be marked failed; it is no longer running, and a step on it is refused.
    let t3 = store
        .buat_tugas(inst, "mulai_tahun", 2027, 30, &admin)
        .await
        .expect("tugas 2027");
    assert_eq!(
        store
            .tugas_berjalan()
            .await
            .expect("berjalan")
            .iter()
            .map(|t| t.id)
            .collect::<Vec<_>>(),
        [t3.id],
        "only running jobs"
    );
    store
        .gagalkan_tugas(t3.id, "Proses dihentikan operator")
        .await
        .expect("gagalkan");
    let gagal = store.tugas(inst, t3.id).await.expect("tugas").expect("ada");
    assert_eq!(
        (gagal.status.as_str(), gagal.pesan.as_deref()),
        ("gagal", Some("Proses dihentikan operator"))
    );
    assert!(store.tugas_berjalan().await.expect("berjalan").is_empty());
    konflik(
        store.langkah_mulai_tahun(&t3, &[], 0, 0, true).await,
        "step on a failed job",
    );
    // Failing a finished job changes nothing.
    store
        .gagalkan_tugas(t0.id, "terlambat")
        .await
        .expect("gagalkan selesai");
    assert_eq!(
        store
            .tugas(inst, t0.id)
            .await
            .expect("tugas")
            .map(|t| (t.status, t.pesan)),
        Some(("selesai".to_string(), None))
    );
    let t4 = store
        .buat_tugas(inst, "mulai_tahun", 2027, 30, &admin)
        .await
        .expect("tugas 2027 lagi");
    assert_ne!(t4.id, t3.id, "a failed job is not answered again");
    audit_utuh(store).await;
}

/// A new JF position "JF2" in the bidang (another unit than Citra's seksi), imported.
async fn impor_jf2(store: &dyn Store, inst: i64, nama: &str, jenjang: Jenjang) -> Jabatan {
    let mut jf2 = jabatan(
        "JF2",
        "BIDANG",
        nama,
        JenisJabatan::Fungsional,
        Some("KABID"),
    );
    jf2.jenjang = Some(jenjang);
    let r = store
        .impor_organisasi(
            inst,
            &DataOrganisasi {
                jabatan: vec![jf2],
                ..Default::default()
            },
            &Pelaku::sistem(),
        )
        .await
        .expect("impor JF2");
    assert_eq!(r.jabatan_baru, 1);
    store
        .daftar_jabatan(inst, None)
        .await
        .expect("jabatan")
        .into_iter()
        .find(|j| j.kode == "JF2")
        .expect("JF2")
}

/// A mutasi of `p` to `jf` on `tanggal`: the SKP `lama` closed that day and a new draft with one
/// RHK at the new position, in one store call. Returns the closed SKP and the new draft as
/// written, and the new SKP as stored.
async fn mutasi_ke(
    store: &dyn Store,
    inst: i64,
    p: &Pegawai,
    lama: &SkpTersimpan,
    jf: &Jabatan,
    tanggal: NaiveDate,
) -> (Skp, Skp, SkpTersimpan) {
    let mut tutup = lama.skp.clone();
    tutup.tutup(tanggal).expect("tutup");
    let mut baru = Skp::baru(
        p.id,
        chrono::Datelike::year(&tanggal),
        Some(jf.unit_id),
        Some(jf.id),
        Some(JenisJabatan::Fungsional),
        Pendekatan::Kuantitatif,
        false,
        Some(tanggal),
    )
    .expect("baru");
    baru.tambah_rhk(
        &rhk_masuk("Terpetakannya arsitektur sistem informasi"),
        &iki_masuk("Jumlah peta arsitektur", "2 dokumen"),
        &[],
    )
    .expect("rhk");
    let hasil = store
        .mutasi_pegawai(
            inst,
            p.id,
            jf.id,
            Some((&tutup, lama.versi)),
            Some(&baru),
            &Pelaku::sistem(),
        )
        .await
        .expect("mutasi")
        .expect("SKP baru");
    (tutup, baru, hasil)
}

async fn mutasi_menutup_dan_membuka(store: &dyn Store, inst: i64) {
    let sistem = Pelaku::sistem();
    // A position in another unit to move to.
    let jf2 = impor_jf2(
        store,
        inst,
        "Analis Sistem Informasi Ahli Pertama",
        Jenjang::AhliPertama,
    )
    .await;
    let jabatan_semua = store.daftar_jabatan(inst, None).await.expect("jabatan");
    let jf1 = jabatan_semua.iter().find(|j| j.kode == "JF1").expect("JF1");
    let bidang = jf2.unit_id;
    let citra = pegawai_nip(store, inst, NIP_CITRA).await;
    let seksi = citra.unit_id.expect("unit");
    assert_ne!(seksi, bidang);

    let lama = skp_ditetapkan(store, inst, &citra, "Tersedianya aplikasi layanan").await;
    let versi_org = store.versi_organisasi(inst).await.expect("versi org");
    let (tutup, baru, hasil) = mutasi_ke(store, inst, &citra, &lama, &jf2, tgl(2026, 7, 1)).await;
    assert_eq!(hasil.versi, 1);
    assert_ne!(hasil.skp.id, lama.skp.id);
    assert_eq!(
        tanpa_id(&hasil.skp),
        Skp {
            id: hasil.skp.id,
            ..baru
        }
    );
    assert!(hasil.skp.rhk.iter().all(|r| r.id.is_some()));

    // The pegawai holds the new position; the organisation version moved.
    let p = pegawai_nip(store, inst, NIP_CITRA).await;
    assert_eq!(
        (p.jabatan_id, p.unit_id, p.unit_nama.as_deref()),
        (Some(jf2.id), Some(bidang), Some("Bidang Aplikasi"))
    );
    assert_eq!(
        store.versi_organisasi(inst).await.expect("versi"),
        versi_org + 1
    );

    // The old SKP is closed the day before; the new one is open.
    let b = baca_skp(store, inst, lama.skp.id).await;
    assert_eq!(
        (b.skp.status, b.skp.selesai, b.versi),
        (StatusSkp::Ditutup, tgl(2026, 6, 30), lama.versi + 1)
    );
    assert_eq!(b.skp, tutup);
    let n = baca_skp(store, inst, hasil.skp.id).await;
    assert_eq!((&n.skp, n.versi), (&hasil.skp, 1));
    assert_eq!(
        (n.skp.status, n.skp.mulai, n.skp.selesai),
        (StatusSkp::Draf, tgl(2026, 7, 1), tgl(2026, 12, 31))
    );
    assert_eq!(
        store
            .skp_tahun(inst, &[citra.id], 2026)
            .await
            .expect("tahun")
            .iter()
            .map(|s| s.skp.id)
            .collect::<Vec<_>>(),
        [hasil.skp.id]
    );
    let daftar = store
        .daftar_skp(
            inst,
            &FilterSkp {
                pegawai_id: Some(vec![citra.id]),
                limit: 10,
                ..Default::default()
            },
        )
        .await
        .expect("daftar")
        .items;
    assert_eq!(
        daftar
            .iter()
            .map(|r| (r.id, r.status, r.unit_id, r.mulai, r.selesai))
            .collect::<Vec<_>>(),
        [
            (
                lama.skp.id,
                StatusSkp::Ditutup,
                Some(seksi),
                tgl(2026, 1, 1),
                tgl(2026, 6, 30)
            ),
            (
                hasil.skp.id,
                StatusSkp::Draf,
                Some(bidang),
                tgl(2026, 7, 1),
                tgl(2026, 12, 31)
            ),
        ]
    );

    // A mutasi closing over a stale read fails as a whole: the position does not change.
    let mut basi = lama.skp.clone();
    basi.tutup(tgl(2026, 9, 1)).expect("tutup basi");
    konflik(
        store
            .mutasi_pegawai(
                inst,
                citra.id,
                jf1.id,
                Some((&basi, lama.versi)),
                None,
                &sistem,
            )
            .await,
        "stale closing",
    );
    // So does one opening a second SKP while the current one is still open.
    konflik(
        store
            .mutasi_pegawai(
                inst,
                citra.id,
                jf1.id,
                None,
                Some(&draf(&citra, 2026, Some(tgl(2026, 9, 1)))),
                &sistem,
            )
            .await,
        "second open SKP at mutasi",
    );
    assert_eq!(
        pegawai_nip(store, inst, NIP_CITRA).await.jabatan_id,
        Some(jf2.id)
    );
    assert_eq!(
        store.versi_organisasi(inst).await.expect("versi"),
        versi_org + 1
    );
    assert_eq!(
        store
            .status_skp_tahun(inst, 2026)
            .await
            .expect("status")
            .len(),
        2
    );

    // A mutasi without an SKP just moves the pegawai.
    let dewi = pegawai_nip(store, inst, NIP_DEWI).await;
    assert!(store
        .mutasi_pegawai(inst, dewi.id, jf2.id, None, None, &sistem)
        .await
        .expect("mutasi tanpa SKP")
        .is_none());
    assert_eq!(
        pegawai_nip(store, inst, NIP_DEWI).await.jabatan_id,
        Some(jf2.id)
    );
    assert_eq!(
        store.versi_organisasi(inst).await.expect("versi"),
        versi_org + 2
    );

    assert_eq!(
        aksi_audit(store, inst, "pegawai", citra.id)
            .await
            .iter()
            .filter(|a| *a == "mutasi")
            .count(),
        1,
        "the refused mutasi left no entry"
    );
    assert_eq!(
        aksi_audit(store, inst, "skp", lama.skp.id).await,
        ["buat", "ajukan", "tetapkan", "tutup_mutasi"]
    );
    assert_eq!(aksi_audit(store, inst, "skp", hasil.skp.id).await, ["buat"]);
    audit_utuh(store).await;
}

// --- execution: realisasi, umpan balik, tindak lanjut, inbox, e-mail queue and jobs -------------

fn pelaku(nama: &str) -> Pelaku {
    Pelaku {
        akun_id: None,
        nama: nama.into(),
    }
}

fn tidak_ditemukan<T: std::fmt::Debug>(r: Result<T, StoreError>, apa: &str) {
    match r {
        Err(StoreError::TidakDitemukan(_)) => {}
        lain => panic!("{apa}: expected not found, got {lain:?}"),
    }
}

/// A draft with two RHK of one IKI each.
fn draf_dua_rhk(p: &Pegawai) -> Skp {
    let mut s = draf(p, 2026, None);
    s.tambah_rhk(
        &rhk_masuk("Tersedianya aplikasi layanan perizinan"),
        &iki_masuk("Jumlah modul aplikasi yang selesai", "12 modul"),
        &[],
    )
    .expect("rhk 1");
    s.tambah_rhk(
        &rhk_masuk("Terpeliharanya server aplikasi"),
        &iki_masuk("Jumlah laporan pemeliharaan", "12 laporan"),
        &[],
    )
    .expect("rhk 2");
    s
}

/// The realisation of the (only) IKI of RHK number `rhk` of a stored SKP.
fn realisasi_sah(
    s: &Skp,
    rhk: usize,
    bulan: u32,
    teks: &str,
    catatan: Option<&str>,
) -> RealisasiSah {
    RealisasiSah {
        skp_id: s.id,
        rhk_id: s.rhk[rhk].id.expect("RHK id"),
        iki_id: s.rhk[rhk].iki[0].id.expect("IKI id"),
        bulan,
        realisasi: teks.into(),
        catatan: catatan.map(str::to_string),
    }
}

fn bukti_tautan(keterangan: &str, url: &str) -> BuktiBaru {
    BuktiBaru {
        keterangan: keterangan.into(),
        url: Some(url.into()),
        nama_berkas: None,
        jenis_berkas: None,
        ukuran: None,
        sha256: None,
        kunci: None,
    }
}

fn bukti_berkas(keterangan: &str, nama: &str, kunci: &str) -> BuktiBaru {
    BuktiBaru {
        keterangan: keterangan.into(),
        url: None,
        nama_berkas: Some(nama.into()),
        jenis_berkas: Some("pdf".into()),
        ukuran: Some(48_213),
        sha256: Some("ab".repeat(32)),
        kunci: Some(kunci.into()),
    }
}

fn pesan(
    pegawai_id: i64,
    jenis: &str,
    judul: &str,
    kunci: Option<&str>,
    email_ke: Option<&str>,
) -> NotifikasiBaru {
    NotifikasiBaru {
        pegawai_id,
        jenis: jenis.into(),
        judul: judul.into(),
        isi: format!("{judul}. Silakan buka aplikasi Kinerja."),
        tautan: Some(format!("/kotak-masuk/{jenis}")),
        kunci: kunci.map(str::to_string),
        email_ke: email_ke.map(str::to_string),
    }
}

#[allow(clippy::too_many_arguments)]
fn umpan_balik_baru(
    skp: &Skp,
    pemberi: i64,
    sebagai: PemberiUmpanBalik,
    sasaran: SasaranUmpanBalik,
    jenis: JenisUmpanBalik,
    tanggal: NaiveDate,
    isi: &str,
    sumber: &str,
) -> UmpanBalikBaru {
    UmpanBalikBaru {
        skp_id: skp.id,
        pegawai_id: skp.pegawai_id,
        pemberi_pegawai_id: pemberi,
        sebagai,
        sah: UmpanBalikSah {
            sasaran,
            jenis,
            cara: CaraUmpanBalik::Langsung,
            isi: isi.into(),
            sumber: sumber.into(),
            tanggal,
        },
        permintaan_id: None,
        penugasan_id: None,
        anonim: false,
    }
}

async fn jumlah_umpan_balik(store: &dyn Store, inst: i64, skp_id: i64) -> usize {
    store
        .daftar_umpan_balik(
            inst,
            &FilterUmpanBalik {
                skp_id: Some(skp_id),
                limit: 500,
                ..Default::default()
            },
        )
        .await
        .expect("daftar umpan balik")
        .len()
}

async fn realisasi_dan_bukti(store: &dyn Store, inst: i64) {
    let citra = pegawai_nip(store, inst, NIP_CITRA).await;
    let oleh = pelaku("citra.lestari");
    let skp = tetapkan_draf(store, inst, &draf_dua_rhk(&citra)).await.skp;
    let audit_awal = jumlah_audit(store, inst).await;

    // The first write of an IKI's month creates it.
    let r1 = store
        .simpan_realisasi(
            inst,
            citra.id,
            &realisasi_sah(&skp, 0, 3, "4 modul", None),
            &oleh,
        )
        .await
        .expect("realisasi");
    assert!(r1.id > 0);
    assert_eq!(
        (r1.skp_id, r1.rhk_id, r1.iki_id, r1.pegawai_id, r1.bulan),
        (skp.id, id_rhk(&skp)[0], id_iki(&skp)[0], citra.id, 3)
    );
    assert_eq!(
        (r1.realisasi.as_str(), r1.catatan.as_deref()),
        ("4 modul", None)
    );
    assert_eq!(r1.dibuat, r1.diubah);
    assert!(r1.bukti.is_empty());

    // The next write of the same IKI and month replaces its text in place.
    tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    let r2 = store
        .simpan_realisasi(
            inst,
            citra.id,
            &realisasi_sah(&skp, 0, 3, "5 modul", Some("Satu modul menunggu uji")),
            &oleh,
        )
        .await
        .expect("realisasi ulang");
    assert!(r2.diubah > r1.diubah, "diubah moves on");
    assert_eq!(
        r2,
        Realisasi {
            realisasi: "5 modul".into(),
            catatan: Some("Satu modul menunggu uji".into()),
            diubah: r2.diubah,
            ..r1.clone()
        },
        "the same row (id, dibuat) with the new text"
    );
    let r3 = store
        .simpan_realisasi(
            inst,
            citra.id,
            &realisasi_sah(&skp, 1, 4, "1 laporan", None),
            &oleh,
        )
        .await
        .expect("realisasi April");
    let r0 = store
        .simpan_realisasi(
            inst,
            citra.id,
            &realisasi_sah(&skp, 0, 2, "3 modul", None),
            &oleh,
        )
        .await
        .expect("realisasi Februari");
    assert_eq!((r3.iki_id, r3.bulan), (id_iki(&skp)[1], 4));

    // Evidence: a link and a stored file.
    let tautan = store
        .tambah_bukti(
            inst,
            r1.id,
            &bukti_tautan(
                "Notulen rapat uji modul",
                "https://drive.uji.go.id/notulen-3",
            ),
            &oleh,
        )
        .await
        .expect("tautan");
    assert_eq!(
        tautan,
        Bukti {
            id: tautan.id,
            realisasi_id: r1.id,
            rhk_id: r1.rhk_id,
            skp_id: skp.id,
            pegawai_id: citra.id,
            keterangan: "Notulen rapat uji modul".into(),
            url: Some("https://drive.uji.go.id/notulen-3".into()),
            nama_berkas: None,
            jenis_berkas: None,
            ukuran: None,
            sha256: None,
            kunci: None,
            dibuat: tautan.dibuat,
            dibuat_oleh: "citra.lestari".into(),
        }
    );
    let berkas = store
        .tambah_bukti(
            inst,
            r1.id,
            &bukti_berkas(
                "Laporan uji fungsi",
                "laporan-uji.pdf",
                "bukti/2026/03/laporan-uji",
            ),
            &oleh,
        )
        .await
        .expect("berkas");
    assert_eq!(
        berkas,
        Bukti {
            id: berkas.id,
            keterangan: "Laporan uji fungsi".into(),
            url: None,
            nama_berkas: Some("laporan-uji.pdf".into()),
            jenis_berkas: Some("pdf".into()),
            ukuran: Some(48_213),
            sha256: Some("ab".repeat(32)),
            kunci: Some("bukti/2026/03/laporan-uji".into()),
            dibuat: berkas.dibuat,
            ..tautan.clone()
        }
    );
    assert!(berkas.id > tautan.id);

    // A record with neither a link nor a stored file (or with both) is refused by the table.
    let audit_bukti = jumlah_audit(store, inst).await;
    konflik(
        store
            .tambah_bukti(
                inst,
                r1.id,
                &BuktiBaru {
                    url: None,
                    ..bukti_tautan("Tanpa isi", "https://contoh.go.id")
                },
                &oleh,
            )
            .await,
        "bukti without url and kunci",
    );
    konflik(
        store
            .tambah_bukti(
                inst,
                r1.id,
                &BuktiBaru {
                    url: Some("https://contoh.go.id".into()),
                    ..bukti_berkas("Dua-duanya", "x.pdf", "bukti/x")
                },
                &oleh,
            )
            .await,
        "bukti with both url and kunci",
    );
    tidak_ditemukan(
        store
            .tambah_bukti(
                inst,
                r0.id + 1000,
                &bukti_tautan("Realisasi tidak ada", "https://contoh.go.id"),
                &oleh,
            )
            .await,
        "bukti on an unknown realisasi",
    );
    tidak_ditemukan(
        store
            .tambah_bukti(
                inst + 999,
                r1.id,
                &bukti_tautan("Instansi lain", "https://contoh.go.id"),
                &oleh,
            )
            .await,
        "bukti on another instansi's realisasi",
    );
    assert_eq!(
        jumlah_audit(store, inst).await,
        audit_bukti,
        "refused evidence is not audited"
    );

    // One row for the month, with both pieces of evidence in id order, and nothing refused.
    let maret = store
        .realisasi_skp(inst, skp.id, Some(3))
        .await
        .expect("realisasi Maret");
    assert_eq!(
        maret,
        vec![Realisasi {
            bukti: vec![tautan.clone(), berkas.clone()],
            ..r2.clone()
        }]
    );
    let semua = store
        .realisasi_skp(inst, skp.id, None)
        .await
        .expect("semua bulan");
    assert_eq!(
        semua
            .iter()
            .map(|r| (r.id, r.bulan, r.bukti.len()))
            .collect::<Vec<_>>(),
        [(r0.id, 2, 0), (r1.id, 3, 2), (r3.id, 4, 0)],
        "every month, in month order"
    );
    assert_eq!(semua[1], maret[0]);
    assert!(store
        .realisasi_skp(inst, skp.id, Some(5))
        .await
        .expect("Mei")
        .is_empty());
    assert!(store
        .realisasi_skp(inst + 999, skp.id, None)
        .await
        .expect("instansi lain")
        .is_empty());
    assert_eq!(
        store.realisasi(inst, r1.id).await.expect("realisasi"),
        Some(maret[0].clone())
    );
    assert!(store
        .realisasi(inst + 999, r1.id)
        .await
        .expect("lain")
        .is_none());
    assert_eq!(
        store.bukti(inst, tautan.id).await.expect("bukti"),
        Some(tautan.clone())
    );
    assert_eq!(
        store.bukti(inst, berkas.id).await.expect("bukti"),
        Some(berkas.clone())
    );
    assert!(store
        .bukti(inst + 999, tautan.id)
        .await
        .expect("lain")
        .is_none());

    // Removing answers the record (the caller removes the stored file).
    assert_eq!(
        store
            .hapus_bukti(inst, tautan.id, &oleh)
            .await
            .expect("hapus"),
        tautan
    );
    assert!(store.bukti(inst, tautan.id).await.expect("bukti").is_none());
    assert_eq!(
        store
            .realisasi(inst, r1.id)
            .await
            .expect("realisasi")
            .map(|r| r.bukti),
        Some(vec![berkas.clone()])
    );
    tidak_ditemukan(
        store.hapus_bukti(inst, tautan.id, &oleh).await,
        "hapus lagi",
    );
    tidak_ditemukan(
        store.hapus_bukti(inst, berkas.id + 1000, &oleh).await,
        "hapus unknown",
    );
    tidak_ditemukan(
        store.hapus_bukti(inst + 999, berkas.id, &oleh).await,
        "hapus from another instansi",
    );
    assert_eq!(
        store.bukti(inst, berkas.id).await.expect("bukti"),
        Some(berkas.clone())
    );

    // Every write is audited, refused ones are not, and the chain holds.
    assert_eq!(
        aksi_audit(store, inst, "realisasi", r1.id).await,
        ["buat", "ubah"]
    );
    assert_eq!(aksi_audit(store, inst, "realisasi", r3.id).await, ["buat"]);
    assert_eq!(
        aksi_audit(store, inst, "bukti", tautan.id).await,
        ["buat", "hapus"]
    );
    assert_eq!(aksi_audit(store, inst, "bukti", berkas.id).await, ["buat"]);
    assert_eq!(jumlah_audit(store, inst).await, audit_awal + 7);
    let log = store.daftar_audit(inst, 100).await.expect("log");
    let ubah = log
        .iter()
        .find(|e| e.entitas == "realisasi" && e.aksi == "ubah")
        .expect("ubah");
    assert_eq!(ubah.pelaku, "citra.lestari");
    assert!(ubah
        .sebelum
        .as_deref()
        .is_some_and(|s| s.contains("4 modul")));
    assert!(ubah
        .sesudah
        .as_deref()
        .is_some_and(|s| s.contains("5 modul")));
    audit_utuh(store).await;
}

async fn rekap_bulan(store: &dyn Store, inst: i64) {
    let sistem = Pelaku::sistem();
    let agus = pegawai_nip(store, inst, NIP_AGUS).await;
    let citra = pegawai_nip(store, inst, NIP_CITRA).await;
    let dewi = pegawai_nip(store, inst, NIP_DEWI).await;
    let eka = pegawai_nip(store, inst, NIP_EKA).await;

    // A: two IKI and a weekly feedback schedule; B: one IKI; C: a draft; D: set, then closed.
    let mut s = draf_dua_rhk(&citra);
    s.atur_lampiran(Lampiran {
        skema_pertanggungjawaban: vec!["Laporan mingguan kepada Kepala Seksi".into()],
        frekuensi_umpan_balik: Some(FrekuensiUmpanBalik::Mingguan),
        ..Default::default()
    })
    .expect("lampiran");
    let a = tetapkan_draf(store, inst, &s).await.skp;
    let b = skp_ditetapkan(store, inst, &dewi, "Terkelolanya data kepegawaian")
        .await
        .skp;
    let c = store
        .buat_skp(inst, &draf(&eka, 2026, None), None, &sistem)
        .await
        .expect("draf C")
        .skp;
    let d = skp_ditetapkan(store, inst, &agus, "Terkoordinasinya bidang aplikasi").await;
    let mut tutup = d.skp.clone();
    tutup.tutup(tgl(2026, 7, 1)).expect("tutup");
    simpan(store, inst, &tutup, d.versi, "tutup", None, &sistem).await;

    // A documents IKI 1 in March with evidence and IKI 2 in February without; B nothing.
    let oleh = pelaku("citra.lestari");
    let x3 = store
        .simpan_realisasi(
            inst,
            citra.id,
            &realisasi_sah(&a, 0, 3, "5 modul", None),
            &oleh,
        )
        .await
        .expect("realisasi Maret");
    store
        .tambah_bukti(
            inst,
            x3.id,
            &bukti_tautan("Notulen", "https://drive.uji.go.id/notulen"),
            &oleh,
        )
        .await
        .expect("bukti");
    let x2 = store
        .simpan_realisasi(
            inst,
            citra.id,
            &realisasi_sah(&a, 1, 2, "1 laporan", None),
            &oleh,
        )
        .await
        .expect("realisasi Februari");

    // Only the rater's berkala feedback counts for berkala_terakhir, latest date.
    let ub = |skp: &Skp,
              pemberi: i64,
              sebagai: PemberiUmpanBalik,
              jenis: JenisUmpanBalik,
              tanggal: NaiveDate| {
        let skp = skp.clone();
        async move {
            store
                .buat_umpan_balik(
                    inst,
                    &umpan_balik_baru(
                        &skp,
                        pemberi,
                        sebagai,
                        SasaranUmpanBalik::Perilaku(AspekPerilaku::Kolaboratif),
                        jenis,
                        tanggal,
                        "Pertahankan kerja sama tim",
                        "Pengamatan langsung",
                    ),
                    &[],
                    &pelaku("uji"),
                )
                .await
                .expect("umpan balik")
        }
    };
    use JenisUmpanBalik::{Berkala, Insidentil};
    use PemberiUmpanBalik::{PejabatPenilai, Rekan};
    ub(&a, agus.id, PejabatPenilai, Berkala, tgl(2026, 2, 10)).await;
    ub(&a, agus.id, PejabatPenilai, Berkala, tgl(2026, 3, 10)).await;
    ub(&a, agus.id, PejabatPenilai, Insidentil, tgl(2026, 3, 20)).await;
    ub(&a, dewi.id, Rekan, Berkala, tgl(2026, 3, 25)).await;
    ub(&c, agus.id, PejabatPenilai, Berkala, tgl(2026, 3, 28)).await;

    let rekap = |skp: &Skp, nama: &str| RekapBulan {
        pegawai_id: skp.pegawai_id,
        pegawai_nama: nama.into(),
        skp_id: skp.id,
        status: skp.status,
        ditetapkan_pada: skp.ditetapkan_pada,
        mulai: skp.mulai,
        selesai: skp.selesai,
        jumlah_iki: id_iki(skp).len() as i64,
        iki_terisi: 0,
        iki_berbukti: 0,
        diubah_terakhir: None,
        berkala_terakhir: None,
        frekuensi_umpan_balik: skp.lampiran.frekuensi_umpan_balik,
    };
    assert_eq!(
        (a.status, a.ditetapkan_pada),
        (StatusSkp::Ditetapkan, Some(tgl(2026, 1, 20)))
    );
    let a_kosong = RekapBulan {
        berkala_terakhir: Some(tgl(2026, 3, 10)),
        ..rekap(&a, "Citra Lestari")
    };
    assert_eq!(
        (a_kosong.jumlah_iki, a_kosong.frekuensi_umpan_balik),
        (2, Some(FrekuensiUmpanBalik::Mingguan))
    );
    let b_kosong = rekap(&b, "Dewi Anggraini");
    assert_eq!(
        (b_kosong.jumlah_iki, b_kosong.frekuensi_umpan_balik),
        (1, None)
    );
    let urut = |mut v: Vec<RekapBulan>| {
        v.sort_by_key(|r| r.skp_id);
        v
    };
    let bulan = |pegawai: Vec<i64>, tahun: i32, bulan: u32| async move {
        urut(
            store
                .rekap_bulan(inst, &pegawai, tahun, bulan)
                .await
                .expect("rekap"),
        )
    };

    assert_eq!(
        bulan(vec![citra.id, dewi.id], 2026, 3).await,
        [
            RekapBulan {
                iki_terisi: 1,
                iki_berbukti: 1,
                diubah_terakhir: Some(x3.diubah),
                ..a_kosong.clone()
            },
            b_kosong.clone()
        ]
    );
    assert_eq!(
        bulan(vec![citra.id, dewi.id], 2026, 2).await,
        [
            RekapBulan {
                iki_terisi: 1,
                iki_berbukti: 0,
                diubah_terakhir: Some(x2.diubah),
                ..a_kosong.clone()
            },
            b_kosong.clone()
        ]
    );
    assert_eq!(
        bulan(vec![citra.id, dewi.id], 2026, 4).await,
        [a_kosong.clone(), b_kosong.clone()]
    );
    // Every open SKP of the pegawai asked for, set or not; a closed one is left out.
    assert_eq!(
        bulan(vec![eka.id, agus.id, citra.id], 2026, 4)
            .await
            .iter()
            .map(|r| (
                r.skp_id,
                r.pegawai_nama.as_str(),
                r.ditetapkan_pada,
                r.berkala_terakhir
            ))
            .collect::<Vec<_>>(),
        [
            (
                a.id,
                "Citra Lestari",
                Some(tgl(2026, 1, 20)),
                Some(tgl(2026, 3, 10))
            ),
            (c.id, "Eka Putri Wulandari", None, Some(tgl(2026, 3, 28)))
        ]
    );
    assert!(bulan(vec![], 2026, 3).await.is_empty());
    assert!(bulan(vec![citra.id], 2025, 3).await.is_empty());
    assert!(store
        .rekap_bulan(inst + 999, &[citra.id], 2026, 3)
        .await
        .expect("instansi lain")
        .is_empty());

    // The instansi-wide view: only set SKP (not the draft, not the closed one).
    assert_eq!(
        urut(
            store
                .rekap_bulan_instansi(inst, 2026, 3)
                .await
                .expect("rekap instansi")
        ),
        [
            RekapBulan {
                iki_terisi: 1,
                iki_berbukti: 1,
                diubah_terakhir: Some(x3.diubah),
                ..a_kosong.clone()
            },
            b_kosong.clone()
        ]
    );
    assert!(store
        .rekap_bulan_instansi(inst, 2025, 3)
        .await
        .expect("2025")
        .is_empty());
    assert!(store
        .rekap_bulan_instansi(inst + 999, 2026, 3)
        .await
        .expect("instansi lain")
        .is_empty());
}

async fn umpan_balik_dan_permintaan(store: &dyn Store, inst: i64) {
    let budi = pegawai_nip(store, inst, NIP_BUDI).await;
    let agus = pegawai_nip(store, inst, NIP_AGUS).await;
    let citra = pegawai_nip(store, inst, NIP_CITRA).await;
    let dewi = pegawai_nip(store, inst, NIP_DEWI).await;
    let skp = skp_ditetapkan(store, inst, &citra, "Tersedianya aplikasi layanan")
        .await
        .skp;
    let rhk = id_rhk(&skp)[0];
    let oleh_citra = pelaku("citra.lestari");

    // Requests for 360 feedback, each with a message to its giver.
    let minta = |pemberi: &Pegawai, sebagai: PemberiUmpanBalik, batas: NaiveDate, anonim: bool| {
        let pemberi_id = pemberi.id;
        let oleh = oleh_citra.clone();
        let b = PermintaanBaru {
            skp_id: skp.id,
            pegawai_id: citra.id,
            peminta_pegawai_id: citra.id,
            pemberi_pegawai_id: pemberi_id,
            sebagai,
            batas,
            anonim,
            pesan: Some("Mohon masukan atas kinerja saya".into()),
        };
        async move {
            store
                .buat_permintaan(
                    inst,
                    &b,
                    &[pesan(
                        pemberi_id,
                        "permintaan_umpan_balik",
                        &format!("Permintaan umpan balik sampai {batas}"),
                        None,
                        None,
                    )],
                    &oleh,
                )
                .await
                .expect("permintaan")
        }
    };
    let m1 = minta(&dewi, PemberiUmpanBalik::Rekan, tgl(2026, 3, 31), false).await;
    let m2 = minta(
        &agus,
        PemberiUmpanBalik::AtasanPejabatPenilai,
        tgl(2026, 4, 30),
        true,
    )
    .await;
    let m3 = minta(&dewi, PemberiUmpanBalik::Rekan, tgl(2026, 5, 15), false).await;
    assert_eq!(
        m1,
        PermintaanUmpanBalik {
            id: m1.id,
            skp_id: skp.id,
            pegawai_id: citra.id,
            pegawai_nama: "Citra Lestari".into(),
            peminta_pegawai_id: citra.id,
            pemberi_pegawai_id: dewi.id,
            pemberi_nama: "Dewi Anggraini".into(),
            sebagai: PemberiUmpanBalik::Rekan,
            batas: tgl(2026, 3, 31),
            anonim: false,
            pesan: Some("Mohon masukan atas kinerja saya".into()),
            status: "menunggu".into(),
            dibuat: m1.dibuat,
        }
    );
    assert_eq!(
        (m2.pemberi_nama.as_str(), m2.anonim, m2.sebagai),
        ("Agus Salim", true, PemberiUmpanBalik::AtasanPejabatPenilai)
    );
    assert_eq!(
        store.permintaan(inst, m1.id).await.expect("permintaan"),
        Some(m1.clone())
    );
    assert!(store
        .permintaan(inst + 999, m1.id)
        .await
        .expect("lain")
        .is_none());

    let daftar_m = |f: FilterPermintaan| async move {
        store
            .daftar_permintaan(
                inst,
                &FilterPermintaan {
                    limit: if f.limit == 0 { 100 } else { f.limit },
                    ..f
                },
            )
            .await
            .expect("daftar permintaan")
            .iter()
            .map(|m| m.id)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        daftar_m(FilterPermintaan::default()).await,
        [m1.id, m2.id, m3.id],
        "by deadline"
    );
    assert_eq!(
        daftar_m(FilterPermintaan {
            pemberi_pegawai_id: Some(dewi.id),
            ..Default::default()
        })
        .await,
        [m1.id, m3.id]
    );
    assert_eq!(
        daftar_m(FilterPermintaan {
            batas_sampai: Some(tgl(2026, 4, 30)),
            ..Default::default()
        })
        .await,
        [m1.id, m2.id],
        "the deadline bound is inclusive"
    );
    assert_eq!(
        daftar_m(FilterPermintaan {
            skp_id: Some(skp.id),
            status: Some("menunggu".into()),
            limit: 2,
            ..Default::default()
        })
        .await,
        [m1.id, m2.id]
    );
    assert!(daftar_m(FilterPermintaan {
        skp_id: Some(skp.id + 999),
        ..Default::default()
    })
    .await
    .is_empty());

    // Anonymity can be toggled while the request waits.
    let a = store
        .atur_anonim_permintaan(inst, m1.id, true, &oleh_citra)
        .await
        .expect("anonim");
    assert_eq!(
        a,
        PermintaanUmpanBalik {
            anonim: true,
            ..m1.clone()
        }
    );
    let a = store
        .atur_anonim_permintaan(inst, m1.id, false, &oleh_citra)
        .await
        .expect("tidak anonim");
    assert_eq!(a, m1);
    tidak_ditemukan(
        store
            .atur_anonim_permintaan(inst, m3.id + 1000, true, &oleh_citra)
            .await,
        "anonim on an unknown request",
    );

    // Answering a request closes it, once.
    let oleh_dewi = pelaku("dewi.anggraini");
    let mut jawab = umpan_balik_baru(
        &skp,
        dewi.id,
        PemberiUmpanBalik::Rekan,
        SasaranUmpanBalik::Rhk(rhk),
        JenisUmpanBalik::Insidentil,
        tgl(2026, 3, 15),
        "Dokumentasi modul sudah rapi",
        "Rekan kerja",
    );
    jawab.permintaan_id = Some(m1.id);
    jawab.anonim = true;
    jawab.sah.cara = CaraUmpanBalik::TidakLangsung;
    let u1 = store
        .buat_umpan_balik(
            inst,
            &jawab,
            &[pesan(
                citra.id,
                "umpan_balik",
                "Umpan balik baru",
                None,
                None,
            )],
            &oleh_dewi,
        )
        .await
        .expect("jawab permintaan");
    assert_eq!(
        u1,
        UmpanBalik {
            id: u1.id,
            skp_id: skp.id,
            pegawai_id: citra.id,
            pemberi_pegawai_id: dewi.id,
            pemberi_nama: "Dewi Anggraini".into(),
            pemberi_jabatan: Some("Pranata Komputer Ahli Pertama".into()),
            sebagai: PemberiUmpanBalik::Rekan,
            rhk_id: Some(rhk),
            aspek: None,
            jenis: JenisUmpanBalik::Insidentil,
            cara: CaraUmpanBalik::TidakLangsung,
            isi: "Dokumentasi modul sudah rapi".into(),
            sumber: "Rekan kerja".into(),
            tanggal: tgl(2026, 3, 15),
            permintaan_id: Some(m1.id),
            penugasan_id: None,
            anonim: true,
            tanggapan: None,
            ditanggapi: None,
            dibuat: u1.dibuat,
        }
    );
    assert_eq!(
        store
            .permintaan(inst, m1.id)
            .await
            .expect("permintaan")
            .map(|m| m.status),
        Some("dijawab".into())
    );
    assert_eq!(
        daftar_m(FilterPermintaan {
            status: Some("dijawab".into()),
            ..Default::default()
        })
        .await,
        [m1.id]
    );
    assert_eq!(
        daftar_m(FilterPermintaan {
            status: Some("menunggu".into()),
            ..Default::default()
        })
        .await,
        [m2.id, m3.id]
    );
    let audit_sebelum = jumlah_audit(store, inst).await;
    konflik(
        store
            .buat_umpan_balik(
                inst,
                &UmpanBalikBaru {
                    sah: UmpanBalikSah {
                        isi: "Jawaban kedua".into(),
                        ..jawab.sah.clone()
                    },
                    ..jawab.clone()
                },
                &[pesan(citra.id, "umpan_balik", "Tidak terkirim", None, None)],
                &oleh_dewi,
            )
            .await,
        "answering a request twice",
    );
    assert_eq!(
        jumlah_umpan_balik(store, inst, skp.id).await,
        1,
        "no second row"
    );
    konflik(
        store
            .atur_anonim_permintaan(inst, m1.id, true, &oleh_citra)
            .await,
        "anonim on an answered request",
    );
    assert_eq!(
        store
            .permintaan(inst, m1.id)
            .await
            .expect("permintaan")
            .map(|m| m.anonim),
        Some(false)
    );
    assert_eq!(jumlah_audit(store, inst).await, audit_sebelum);

    // The rater's feedback, one on an assignment.
    let p = store
        .buat_penugasan(
            inst,
            &PenugasanBaru {
                tahun: 2026,
                pemberi_pegawai_id: budi.id,
                pegawai_id: Some(citra.id),
                unit_id: None,
                induk_id: None,
                uraian: "Menyusun kajian keamanan aplikasi".into(),
                ekspektasi: "Selesai tepat waktu".into(),
                status: "menunggu_penilai".into(),
            },
            &Pelaku::sistem(),
        )
        .await
        .expect("penugasan");
    let oleh_agus = pelaku("agus.salim");
    let u2 = store
        .buat_umpan_balik(
            inst,
            &UmpanBalikBaru {
                penugasan_id: Some(p.id),
                ..umpan_balik_baru(
                    &skp,
                    agus.id,
                    PemberiUmpanBalik::PejabatPenilai,
                    SasaranUmpanBalik::Perilaku(AspekPerilaku::Kolaboratif),
                    JenisUmpanBalik::Berkala,
                    tgl(2026, 3, 20),
                    "Libatkan tim infrastruktur lebih awal",
                    "Kepala Bidang Aplikasi",
                )
            },
            &[],
            &oleh_agus,
        )
        .await
        .expect("umpan balik berkala");
    assert_eq!(
        (
            u2.rhk_id,
            u2.aspek,
            u2.penugasan_id,
            u2.permintaan_id,
            u2.anonim
        ),
        (
            None,
            Some(AspekPerilaku::Kolaboratif),
            Some(p.id),
            None,
            false
        )
    );
    assert_eq!(
        (u2.pemberi_nama.as_str(), u2.pemberi_jabatan.as_deref()),
        ("Agus Salim", Some("Kepala Bidang Aplikasi"))
    );
    let u3 = store
        .buat_umpan_balik(
            inst,
            &umpan_balik_baru(
                &skp,
                agus.id,
                PemberiUmpanBalik::PejabatPenilai,
                SasaranUmpanBalik::Rhk(rhk),
                JenisUmpanBalik::Insidentil,
                tgl(2026, 3, 22),
                "Target modul bulan ini tercapai",
                "Kepala Bidang Aplikasi",
            ),
            &[],
            &oleh_agus,
        )
        .await
        .expect("umpan balik insidentil");

    // Lists: newest first, filtered, paged.
    let daftar_u = |f: FilterUmpanBalik| async move {
        store
            .daftar_umpan_balik(inst, &f)
            .await
            .expect("daftar umpan balik")
            .iter()
            .map(|u| u.id)
            .collect::<Vec<_>>()
    };
    let f = |skp_id, pemberi, penugasan, sebelum_id, limit| FilterUmpanBalik {
        skp_id,
        pemberi_pegawai_id: pemberi,
        penugasan_id: penugasan,
        sebelum_id,
        limit,
    };
    assert_eq!(
        daftar_u(f(Some(skp.id), None, None, None, 10)).await,
        [u3.id, u2.id, u1.id]
    );
    assert_eq!(
        daftar_u(f(None, Some(dewi.id), None, None, 10)).await,
        [u1.id]
    );
    assert_eq!(
        daftar_u(f(None, Some(agus.id), None, None, 10)).await,
        [u3.id, u2.id]
    );
    assert_eq!(daftar_u(f(None, None, Some(p.id), None, 10)).await, [u2.id]);
    assert!(daftar_u(f(Some(skp.id + 999), None, None, None, 10))
        .await
        .is_empty());
    assert_eq!(
        daftar_u(f(Some(skp.id), None, None, None, 2)).await,
        [u3.id, u2.id]
    );
    assert_eq!(
        daftar_u(f(Some(skp.id), None, None, Some(u2.id), 2)).await,
        [u1.id]
    );
    let semua = store
        .daftar_umpan_balik(inst, &f(None, None, None, None, 10))
        .await
        .expect("daftar");
    assert_eq!(semua[2], u1, "lists read the same as one");
    assert_eq!(
        store.umpan_balik(inst, u2.id).await.expect("umpan balik"),
        Some(u2.clone())
    );
    assert!(store
        .umpan_balik(inst + 999, u2.id)
        .await
        .expect("lain")
        .is_none());

    // The pegawai answers the rater.
    let t = store
        .tanggapi_umpan_balik(
            inst,
            u2.id,
            "Terima kasih, akan saya koordinasikan",
            &[pesan(
                agus.id,
                "umpan_balik",
                "Umpan balik ditanggapi",
                None,
                None,
            )],
            &oleh_citra,
        )
        .await
        .expect("tanggapi");
    assert!(t.ditanggapi.is_some());
    assert_eq!(
        t,
        UmpanBalik {
            tanggapan: Some("Terima kasih, akan saya koordinasikan".into()),
            ditanggapi: t.ditanggapi,
            ..u2.clone()
        }
    );
    assert_eq!(
        store.umpan_balik(inst, u2.id).await.expect("umpan balik"),
        Some(t.clone())
    );
    tidak_ditemukan(
        store
            .tanggapi_umpan_balik(inst, u3.id + 1000, "x", &[], &oleh_citra)
            .await,
        "tanggapi unknown",
    );

    // The messages went along: Dewi has her two requests, newest first, unread.
    let dewi_masuk = store
        .kotak_masuk(inst, dewi.id, None, 10)
        .await
        .expect("kotak masuk");
    assert_eq!(
        dewi_masuk
            .iter()
            .map(|n| (n.jenis.as_str(), n.judul.as_str(), n.dibaca.is_none()))
            .collect::<Vec<_>>(),
        [
            (
                "permintaan_umpan_balik",
                "Permintaan umpan balik sampai 2026-05-15",
                true
            ),
            (
                "permintaan_umpan_balik",
                "Permintaan umpan balik sampai 2026-03-31",
                true
            )
        ]
    );
    assert_eq!(
        (
            dewi_masuk[1].pegawai_id,
            dewi_masuk[1].isi.as_str(),
            dewi_masuk[1].tautan.as_deref()
        ),
        (
            dewi.id,
            "Permintaan umpan balik sampai 2026-03-31. Silakan buka aplikasi Kinerja.",
            Some("/kotak-masuk/permintaan_umpan_balik")
        )
    );
    assert_eq!(
        store
            .kotak_masuk(inst, dewi.id, Some(dewi_masuk[0].id), 10)
            .await
            .expect("halaman 2"),
        dewi_masuk[1..]
    );
    assert_eq!(
        store
            .kotak_masuk(inst, citra.id, None, 10)
            .await
            .expect("citra")
            .iter()
            .map(|n| n.judul.as_str())
            .collect::<Vec<_>>(),
        ["Umpan balik baru"],
        "the refused answer sent nothing"
    );
    assert_eq!(
        store
            .kotak_masuk(inst, agus.id, None, 10)
            .await
            .expect("agus")
            .iter()
            .map(|n| n.judul.as_str())
            .collect::<Vec<_>>(),
        [
            "Umpan balik ditanggapi",
            "Permintaan umpan balik sampai 2026-04-30"
        ]
    );
    assert!(store
        .kotak_masuk(inst + 999, dewi.id, None, 10)
        .await
        .expect("lain")
        .is_empty());
    assert_eq!(
        store.jumlah_belum_dibaca(inst, dewi.id).await.expect("n"),
        2
    );
    assert_eq!(
        store
            .tandai_dibaca(inst, citra.id, Some(dewi_masuk[1].id))
            .await
            .expect("bukan miliknya"),
        0,
        "only one's own messages"
    );
    assert_eq!(
        store
            .tandai_dibaca(inst, dewi.id, Some(dewi_masuk[1].id))
            .await
            .expect("tandai"),
        1
    );
    assert_eq!(
        store
            .tandai_dibaca(inst, dewi.id, Some(dewi_masuk[1].id))
            .await
            .expect("tandai lagi"),
        0
    );
    assert_eq!(
        store.jumlah_belum_dibaca(inst, dewi.id).await.expect("n"),
        1
    );
    let baca = store
        .kotak_masuk(inst, dewi.id, None, 10)
        .await
        .expect("kotak masuk");
    assert!(baca[0].dibaca.is_none() && baca[1].dibaca.is_some());
    assert_eq!(
        store
            .tandai_dibaca(inst, dewi.id, None)
            .await
            .expect("semua"),
        1
    );
    assert_eq!(
        store.jumlah_belum_dibaca(inst, dewi.id).await.expect("n"),
        0
    );
    assert_eq!(
        store.jumlah_belum_dibaca(inst, agus.id).await.expect("n"),
        2,
        "others' messages stay unread"
    );

    // Audited, refused writes not, and the chain holds.
    assert_eq!(
        aksi_audit(store, inst, "permintaan_umpan_balik", m1.id).await,
        ["buat", "anonim", "anonim"]
    );
    assert_eq!(
        aksi_audit(store, inst, "umpan_balik", u1.id).await,
        ["buat"]
    );
    assert_eq!(
        aksi_audit(store, inst, "umpan_balik", u2.id).await,
        ["buat", "tanggapi"]
    );
    audit_utuh(store).await;
}

async fn tindak_lanjut_dan_laporan(store: &dyn Store, inst: i64) {
    let budi = pegawai_nip(store, inst, NIP_BUDI).await;
    let agus = pegawai_nip(store, inst, NIP_AGUS).await;
    let citra = pegawai_nip(store, inst, NIP_CITRA).await;
    let skp = tetapkan_draf(store, inst, &draf_dua_rhk(&citra)).await.skp;
    let [x, y] = id_rhk(&skp)[..] else {
        panic!("two RHK")
    };
    let oleh_agus = pelaku("agus.salim");
    let ub = store
        .buat_umpan_balik(
            inst,
            &umpan_balik_baru(
                &skp,
                agus.id,
                PemberiUmpanBalik::PejabatPenilai,
                SasaranUmpanBalik::Rhk(x),
                JenisUmpanBalik::Berkala,
                tgl(2026, 3, 31),
                "Modul belum bertambah sejak Februari",
                "Kepala Bidang Aplikasi",
            ),
            &[],
            &oleh_agus,
        )
        .await
        .expect("umpan balik");
    let audit_awal = jumlah_audit(store, inst).await;

    // A pembinaan on RHK x, reading back every field.
    let pembinaan = Pembinaan {
        jenis: JenisPembinaan::Konseling,
        tanggal: tgl(2026, 4, 2),
        topik: "Hambatan penyelesaian modul".into(),
        tindakan_disepakati: "Pendampingan mingguan oleh pranata komputer senior".into(),
    };
    let tl = |jenis: JenisTindakLanjut,
              rhk_id: Option<i64>,
              uraian: &str,
              pembinaan: Option<Pembinaan>| TindakLanjutBaru {
        skp_id: skp.id,
        pegawai_id: citra.id,
        oleh_pegawai_id: agus.id,
        sah: TindakLanjutSah {
            jenis,
            rhk_id,
            uraian: uraian.into(),
            pembinaan,
        },
        umpan_balik_id: None,
        penugasan_id: None,
    };
    let t1 = store
        .buat_tindak_lanjut(
            inst,
            &TindakLanjutBaru {
                umpan_balik_id: Some(ub.id),
                ..tl(
                    JenisTindakLanjut::Pembinaan,
                    Some(x),
                    "Konseling kinerja atas modul yang tertunda",
                    Some(pembinaan.clone()),
                )
            },
            &[pesan(
                citra.id,
                "tindak_lanjut",
                "Tindak lanjut umpan balik",
                None,
                None,
            )],
            &oleh_agus,
        )
        .await
        .expect("pembinaan");
    assert_eq!(
        t1,
        TindakLanjut {
            id: t1.id,
            skp_id: skp.id,
            pegawai_id: citra.id,
            oleh_pegawai_id: agus.id,
            oleh_nama: "Agus Salim".into(),
            jenis: JenisTindakLanjut::Pembinaan,
            rhk_id: Some(x),
            umpan_balik_id: Some(ub.id),
            uraian: "Konseling kinerja atas modul yang tertunda".into(),
            pembinaan: Some(pembinaan.clone()),
            penugasan_id: None,
            dibuat: t1.dibuat,
        }
    );

    // The take-over of an RHK happens once (a pembinaan on it does not count).
    let t2 = store
        .buat_tindak_lanjut(
            inst,
            &tl(
                JenisTindakLanjut::AmbilAlih,
                Some(x),
                "RHK diambil alih; pegawai tidak dapat menyelesaikannya",
                None,
            ),
            &[],
            &oleh_agus,
        )
        .await
        .expect("ambil alih");
    assert_eq!(
        (
            t2.jenis,
            t2.rhk_id,
            t2.pembinaan.as_ref(),
            t2.umpan_balik_id
        ),
        (JenisTindakLanjut::AmbilAlih, Some(x), None, None)
    );
    let audit_sebelum = jumlah_audit(store, inst).await;
    konflik(
        store
            .buat_tindak_lanjut(
                inst,
                &tl(JenisTindakLanjut::AmbilAlih, Some(x), "Sekali lagi", None),
                &[pesan(
                    citra.id,
                    "tindak_lanjut",
                    "Tidak terkirim",
                    None,
                    None,
                )],
                &oleh_agus,
            )
            .await,
        "a second take-over of the same RHK",
    );
    assert_eq!(jumlah_audit(store, inst).await, audit_sebelum);
    let t3 = store
        .buat_tindak_lanjut(
            inst,
            &tl(
                JenisTindakLanjut::AmbilAlih,
                Some(y),
                "RHK kedua diambil alih",
                None,
            ),
            &[],
            &oleh_agus,
        )
        .await
        .expect("ambil alih RHK lain");

    // An assignment as follow-up, given by the head of the dinas.
    let p = store
        .buat_penugasan(
            inst,
            &PenugasanBaru {
                tahun: 2026,
                pemberi_pegawai_id: agus.id,
                pegawai_id: Some(citra.id),
                unit_id: None,
                induk_id: None,
                uraian: "Mendokumentasikan modul perizinan".into(),
                ekspektasi: "Dokumentasi lengkap".into(),
                status: "menunggu_penilai".into(),
            },
            &Pelaku::sistem(),
        )
        .await
        .expect("penugasan");
    let t4 = store
        .buat_tindak_lanjut(
            inst,
            &TindakLanjutBaru {
                penugasan_id: Some(p.id),
                oleh_pegawai_id: budi.id,
                ..tl(
                    JenisTindakLanjut::PenugasanBaru,
                    None,
                    "Penugasan dokumentasi",
                    None,
                )
            },
            &[],
            &pelaku("budi.santoso"),
        )
        .await
        .expect("penugasan baru");
    assert_eq!(
        (t4.oleh_nama.as_str(), t4.penugasan_id, t4.rhk_id),
        ("Budi Santoso", Some(p.id), None)
    );

    let daftar = store
        .daftar_tindak_lanjut(inst, skp.id)
        .await
        .expect("daftar");
    assert_eq!(
        daftar
            .iter()
            .map(|t| (t.id, t.oleh_nama.as_str()))
            .collect::<Vec<_>>(),
        [
            (t4.id, "Budi Santoso"),
            (t3.id, "Agus Salim"),
            (t2.id, "Agus Salim"),
            (t1.id, "Agus Salim")
        ],
        "newest first"
    );
    assert_eq!(daftar[3], t1, "read back equal");
    assert_eq!(daftar[0], t4);
    assert!(store
        .daftar_tindak_lanjut(inst + 999, skp.id)
        .await
        .expect("lain")
        .is_empty());

    // Progress reports on the assignment, to the assigning official.
    let oleh_citra = pelaku("citra.lestari");
    let l1 = store
        .buat_laporan_penugasan(
            inst,
            p.id,
            Some(skp.id),
            citra.id,
            "Dokumentasi modul 1–3 selesai",
            &[pesan(
                agus.id,
                "laporan_penugasan",
                "Laporan penugasan",
                None,
                None,
            )],
            &oleh_citra,
        )
        .await
        .expect("laporan");
    assert_eq!(
        l1,
        LaporanPenugasan {
            id: l1.id,
            penugasan_id: p.id,
            skp_id: Some(skp.id),
            pegawai_id: citra.id,
            pegawai_nama: "Citra Lestari".into(),
            isi: "Dokumentasi modul 1–3 selesai".into(),
            dibuat: l1.dibuat,
        }
    );
    let l2 = store
        .buat_laporan_penugasan(
            inst,
            p.id,
            None,
            citra.id,
            "Dokumentasi selesai seluruhnya",
            &[],
            &oleh_citra,
        )
        .await
        .expect("laporan 2");
    assert_eq!(l2.skp_id, None);
    assert_eq!(
        store
            .daftar_laporan_penugasan(inst, p.id)
            .await
            .expect("daftar laporan"),
        [l2.clone(), l1.clone()],
        "newest first"
    );
    let audit_sebelum = jumlah_audit(store, inst).await;
    konflik(
        store
            .buat_laporan_penugasan(
                inst,
                p.id + 1000,
                None,
                citra.id,
                "Penugasan tidak ada",
                &[],
                &oleh_citra,
            )
            .await,
        "a report on an unknown assignment",
    );
    assert_eq!(jumlah_audit(store, inst).await, audit_sebelum);
    assert!(store
        .daftar_laporan_penugasan(inst, p.id + 1000)
        .await
        .expect("kosong")
        .is_empty());
    assert!(store
        .daftar_laporan_penugasan(inst + 999, p.id)
        .await
        .expect("lain")
        .is_empty());

    // Messages and audit.
    assert_eq!(
        store
            .kotak_masuk(inst, citra.id, None, 10)
            .await
            .expect("citra")
            .iter()
            .map(|n| n.judul.as_str())
            .collect::<Vec<_>>(),
        ["Tindak lanjut umpan balik"]
    );
    assert_eq!(
        store
            .kotak_masuk(inst, agus.id, None, 10)
            .await
            .expect("agus")
            .iter()
            .map(|n| (n.jenis.as_str(), n.judul.as_str()))
            .collect::<Vec<_>>(),
        [("laporan_penugasan", "Laporan penugasan")]
    );
    for t in [&t1, &t2, &t3, &t4] {
        assert_eq!(
            aksi_audit(store, inst, "tindak_lanjut", t.id).await,
            ["buat"]
        );
    }
    assert_eq!(
        aksi_audit(store, inst, "laporan_penugasan", l1.id).await,
        ["buat"]
    );
    // 4 tindak lanjut, 1 penugasan, 2 laporan.
    assert_eq!(jumlah_audit(store, inst).await, audit_awal + 7);
    audit_utuh(store).await;
}

async fn notifikasi_dan_antrean(store: &dyn Store, inst: i64) {
    let citra = pegawai_nip(store, inst, NIP_CITRA).await;
    let dewi = pegawai_nip(store, inst, NIP_DEWI).await;
    let kunci = Some("pengingat_realisasi:2026-03");
    let pengingat = |p: &Pegawai| {
        pesan(
            p.id,
            "pengingat_realisasi",
            "Isi realisasi Maret",
            kunci,
            None,
        )
    };

    // A reminder's key is delivered once per pegawai; messages without a key always.
    assert_eq!(
        store
            .kirim_notifikasi(inst, &[pengingat(&citra), pengingat(&dewi)])
            .await
            .expect("kirim"),
        2,
        "the same key for another pegawai is new"
    );
    assert_eq!(
        store
            .kirim_notifikasi(inst, &[pengingat(&citra), pengingat(&dewi)])
            .await
            .expect("kirim lagi"),
        0
    );
    let bebas = pesan(citra.id, "umum", "Pengumuman", None, None);
    assert_eq!(
        store
            .kirim_notifikasi(inst, &[bebas.clone(), bebas.clone()])
            .await
            .expect("tanpa kunci"),
        2
    );
    assert_eq!(
        store
            .kirim_notifikasi(inst, std::slice::from_ref(&bebas))
            .await
            .expect("tanpa kunci lagi"),
        1
    );
    let lain = pesan(
        citra.id,
        "pengingat_evaluasi",
        "Evaluasi triwulan I",
        Some("pengingat_evaluasi:2026-Q1"),
        None,
    );
    assert_eq!(
        store
            .kirim_notifikasi(inst, &[lain.clone(), lain.clone()])
            .await
            .expect("kunci ganda"),
        1,
        "a key twice in one batch is delivered once"
    );
    assert_eq!(store.kirim_notifikasi(inst, &[]).await.expect("kosong"), 0);
    assert_eq!(
        store
            .kotak_masuk(inst, citra.id, None, 100)
            .await
            .expect("citra")
            .len(),
        5
    );
    assert_eq!(
        store.jumlah_belum_dibaca(inst, citra.id).await.expect("n"),
        5
    );
    assert_eq!(
        store.jumlah_belum_dibaca(inst, dewi.id).await.expect("n"),
        1
    );

    // The e-mail queue: messages with an address are claimed under a lease.
    let t0 = crate::sql::sekarang();
    let menit = Duration::minutes;
    let surel = |judul: &str, kunci: Option<&str>| {
        pesan(
            citra.id,
            "pengingat_realisasi",
            judul,
            kunci,
            Some("citra@uji.go.id"),
        )
    };
    assert_eq!(
        store
            .kirim_notifikasi(
                inst,
                &[
                    surel("Surel satu", Some("surel:1")),
                    surel("Surel dua", None),
                    pesan(dewi.id, "umum", "Tanpa surel", None, None),
                ],
            )
            .await
            .expect("kirim surel"),
        3
    );
    assert_eq!(
        store
            .kirim_notifikasi(inst, &[surel("Surel satu", Some("surel:1"))])
            .await
            .expect("kirim surel lagi"),
        0,
        "a repeated key queues no second e-mail"
    );
    let klaim = |sekarang: chrono::DateTime<Utc>, limit: i64| async move {
        store
            .klaim_email(sekarang, sekarang + menit(5), limit)
            .await
            .expect("klaim email")
    };
    // In id order (a claim answers its batch in no particular order).
    let ringkas = |v: &[EmailAntre]| {
        let mut v: Vec<&EmailAntre> = v.iter().collect();
        v.sort_by_key(|e| e.id);
        v.iter()
            .map(|e| (e.judul.clone(), e.percobaan))
            .collect::<Vec<_>>()
    };
    let pertama = klaim(t0, 1).await;
    assert_eq!(ringkas(&pertama), [("Surel satu".to_string(), 1)], "limit");
    let e1 = pertama[0].clone();
    assert_eq!(
        (e1.ke.as_str(), e1.isi.as_str(), e1.tautan.as_deref()),
        (
            "citra@uji.go.id",
            "Surel satu. Silakan buka aplikasi Kinerja.",
            Some("/kotak-masuk/pengingat_realisasi")
        )
    );
    let kedua = klaim(t0, 10).await;
    assert_eq!(ringkas(&kedua), [("Surel dua".to_string(), 1)]);
    let e2 = kedua[0].clone();
    assert!(
        klaim(t0 + menit(1), 10).await.is_empty(),
        "nothing while the leases hold"
    );
    // The leases run out: both are claimed again.
    let lagi = klaim(t0 + menit(6), 10).await;
    assert_eq!(
        ringkas(&lagi),
        [("Surel satu".to_string(), 2), ("Surel dua".to_string(), 2)]
    );
    store.selesai_email(e1.id, true).await.expect("terkirim");
    store.selesai_email(e2.id, false).await.expect("gagal");
    // A failed one returns to the queue at once; a sent one never.
    assert_eq!(
        ringkas(&klaim(t0 + menit(7), 10).await),
        [("Surel dua".to_string(), 3)]
    );
    store.selesai_email(e2.id, false).await.expect("gagal 3");
    assert_eq!(
        ringkas(&klaim(t0 + menit(8), 10).await),
        [("Surel dua".to_string(), 4)]
    );
    store.selesai_email(e2.id, false).await.expect("gagal 4");
    assert_eq!(
        ringkas(&klaim(t0 + menit(9), 10).await),
        [("Surel dua".to_string(), 5)]
    );
    store.selesai_email(e2.id, false).await.expect("gagal 5");
    assert!(
        klaim(t0 + Duration::days(1), 10).await.is_empty(),
        "given up after five attempts; the sent one is never claimed again"
    );

    // Two nodes claiming at once never get the same e-mail (a few rounds, so both nodes'
    // connections are warm and the claims really overlap).
    for hari in 2..6 {
        let judul_baru = ["satu", "dua", "tiga"].map(|n| format!("Serentak {hari} {n}"));
        store
            .kirim_notifikasi(inst, &judul_baru.clone().map(|j| surel(&j, None)))
            .await
            .expect("kirim serentak");
        let t = t0 + Duration::days(hari);
        let (a, b) = tokio::join!(klaim(t, 10), klaim(t, 10));
        let mut judul: Vec<String> = a.iter().chain(&b).map(|e| e.judul.clone()).collect();
        judul.sort();
        let mut harap = judul_baru.to_vec();
        harap.sort();
        assert_eq!(judul, harap, "each e-mail claimed by exactly one node");
        for e in a.iter().chain(&b) {
            store.selesai_email(e.id, true).await.expect("terkirim");
        }
    }

    // Jobs: scheduled once per (jenis, kunci).
    let t0 = crate::sql::sekarang();
    assert!(store
        .jadwalkan_pekerjaan("pengingat", "2026-03", Some(inst), t0)
        .await
        .expect("jadwalkan"));
    assert!(!store
        .jadwalkan_pekerjaan("pengingat", "2026-03", Some(inst), t0 - menit(30))
        .await
        .expect("jadwalkan lagi"));
    assert!(store
        .jadwalkan_pekerjaan("evaluasi", "2026-Q1", None, t0 + Duration::hours(1))
        .await
        .expect("jadwalkan nanti"));
    let ambil = |node: &'static str, sekarang: chrono::DateTime<Utc>| async move {
        store
            .klaim_pekerjaan(node, sekarang, sekarang + menit(5))
            .await
            .expect("klaim pekerjaan")
    };
    let j = ambil("A", t0).await.expect("A claims the due job");
    assert_eq!(
        j,
        Pekerjaan {
            id: j.id,
            jenis: "pengingat".into(),
            kunci: "2026-03".into(),
            instansi_id: Some(inst),
            status: "berjalan".into(),
            percobaan: 1,
        }
    );
    assert!(
        ambil("B", t0 + menit(1)).await.is_none(),
        "the lease holds; the later job is not due"
    );
    let j2 = ambil("B", t0 + menit(10)).await.expect("lease ran out");
    assert_eq!((j2.id, j2.percobaan), (j.id, 2));
    // The node that lost its lease cannot finish the job.
    store
        .selesai_pekerjaan(j.id, "A", true, None)
        .await
        .expect("selesai A");
    assert!(ambil("C", t0 + menit(12)).await.is_none());
    store
        .selesai_pekerjaan(j.id, "B", true, Some("12 pengingat"))
        .await
        .expect("selesai B");
    assert!(
        ambil("C", t0 + menit(30)).await.is_none(),
        "a finished job is not claimed again; the later one is not due yet"
    );
    // The later job, once due; failures are retried up to three attempts.
    let k = ambil("C", t0 + Duration::hours(2)).await.expect("due now");
    assert_eq!(
        (
            k.jenis.as_str(),
            k.kunci.as_str(),
            k.instansi_id,
            k.percobaan
        ),
        ("evaluasi", "2026-Q1", None, 1)
    );
    store
        .selesai_pekerjaan(k.id, "C", false, Some("galat"))
        .await
        .expect("gagal 1");
    let k2 = ambil("D", t0 + Duration::hours(2))
        .await
        .expect("retried at once");
    assert_eq!((k2.id, k2.percobaan), (k.id, 2));
    store
        .selesai_pekerjaan(k.id, "D", false, Some("galat"))
        .await
        .expect("gagal 2");
    let k3 = ambil("C", t0 + Duration::hours(2)).await.expect("third");
    assert_eq!((k3.id, k3.percobaan), (k.id, 3));
    store
        .selesai_pekerjaan(k.id, "C", false, Some("galat"))
        .await
        .expect("gagal 3");
    assert!(
        ambil("C", t0 + Duration::days(1)).await.is_none(),
        "given up after three attempts; the finished one stays finished"
    );

    // Two nodes claiming one due job at once: exactly one gets it.
    for i in 0..5 {
        let t = t0 + Duration::days(2 + i);
        assert!(store
            .jadwalkan_pekerjaan("serentak", &i.to_string(), None, t)
            .await
            .expect("jadwalkan serentak"));
        let (x, y) = tokio::join!(ambil("X", t), ambil("Y", t));
        let (p, node) = match (x, y) {
            (Some(p), None) => (p, "X"),
            (None, Some(p)) => (p, "Y"),
            lain => panic!("exactly one node claims the job: {lain:?}"),
        };
        assert_eq!((p.kunci.as_str(), p.percobaan), (i.to_string().as_str(), 1));
        store
            .selesai_pekerjaan(p.id, node, true, None)
            .await
            .expect("selesai serentak");
    }
}

fn evaluasi_simpan(skp: &Skp, periode: &str, penilai: i64, h: Rating, p: Rating) -> EvaluasiSimpan {
    EvaluasiSimpan {
        skp_id: skp.id,
        pegawai_id: skp.pegawai_id,
        unit_id: skp.unit_id,
        periode: periode.into(),
        tahun: 2026,
        dasar: DasarEvaluasi::CapaianUnit,
        capaian_unit_id: skp.unit_id,
        capaian: Some(CapaianOrganisasi::Baik),
        penilai_pegawai_id: penilai,
        atasan_pegawai_id: None,
        nomor_versi_skp: skp.nomor_versi,
        saran_hasil_kerja: Rating::SesuaiEkspektasi,
        saran_perilaku: Rating::SesuaiEkspektasi,
        rating_hasil_kerja: h,
        rating_perilaku: p,
        predikat: kinerja_domain::kuadran::predikat(h, p),
        alasan_hasil_kerja: None,
        alasan_perilaku: None,
        catatan: Some("Pertahankan".into()),
        rekomendasi: None,
        akademik: None,
    }
}

async fn evaluasi_dan_keberatan(store: &dyn Store, inst: i64) {
    use Rating::*;
    let citra = pegawai_nip(store, inst, NIP_CITRA).await;
    let dewi = pegawai_nip(store, inst, NIP_DEWI).await;
    let budi = pegawai_nip(store, inst, NIP_BUDI).await;
    let oleh = pelaku("budi");
    let unit = citra.unit_id.expect("unit");

    // Capaian: set, then changed only over the version read.
    let c1 = store
        .simpan_capaian(
            inst,
            unit,
            "2026-03",
            CapaianOrganisasi::Baik,
            Some("Target unit tercapai"),
            Some(budi.id),
            None,
            &oleh,
        )
        .await
        .expect("capaian");
    assert_eq!(
        (c1.capaian_organisasi, c1.version, c1.oleh.as_str()),
        (CapaianOrganisasi::Baik, 1, "budi")
    );
    assert!(matches!(
        store
            .simpan_capaian(
                inst,
                unit,
                "2026-03",
                CapaianOrganisasi::Istimewa,
                None,
                None,
                None,
                &oleh
            )
            .await,
        Err(StoreError::Konflik(_))
    ));
    let c2 = store
        .simpan_capaian(
            inst,
            unit,
            "2026-03",
            CapaianOrganisasi::Istimewa,
            None,
            None,
            Some(1),
            &oleh,
        )
        .await
        .expect("ubah capaian");
    assert_eq!((c2.id, c2.version, c2.catatan), (c1.id, 2, None));
    assert!(matches!(
        store
            .simpan_capaian(
                inst,
                unit,
                "2026-03",
                CapaianOrganisasi::Baik,
                None,
                None,
                Some(1),
                &oleh
            )
            .await,
        Err(StoreError::Konflik(_))
    ));
    let daftar = store
        .capaian_periode(inst, "2026-03")
        .await
        .expect("daftar capaian");
    assert_eq!(daftar.len(), 1);
    assert!(store
        .capaian_periode(inst, "2026-04")
        .await
        .expect("kosong")
        .is_empty());
    assert_eq!(
        aksi_audit(store, inst, "capaian_organisasi", c1.id).await,
        ["tetapkan", "ubah"]
    );

    // Evaluations: insert once per SKP and period, update the draft over its version.
    let s_citra = tetapkan_draf(store, inst, &draf_dua_rhk(&citra)).await.skp;
    let s_dewi = skp_ditetapkan(store, inst, &dewi, "Arsip tertata")
        .await
        .skp;
    let e = store
        .simpan_evaluasi(
            inst,
            &evaluasi_simpan(
                &s_citra,
                "2026-03",
                budi.id,
                SesuaiEkspektasi,
                SesuaiEkspektasi,
            ),
            None,
            &oleh,
        )
        .await
        .expect("nilai");
    assert_eq!(
        (e.status, e.predikat, e.version, e.nama.as_str()),
        (StatusEvaluasi::Draf, Predikat::Baik, 1, citra.nama.as_str())
    );
    assert!(matches!(
        store
            .simpan_evaluasi(
                inst,
                &evaluasi_simpan(
                    &s_citra,
                    "2026-03",
                    budi.id,
                    SesuaiEkspektasi,
                    SesuaiEkspektasi
                ),
                None,
                &oleh
            )
            .await,
        Err(StoreError::Konflik(_))
    ));
    let mut ubah = evaluasi_simpan(
        &s_citra,
        "2026-03",
        budi.id,
        DiatasEkspektasi,
        DiatasEkspektasi,
    );
    ubah.alasan_hasil_kerja = Some("Melampaui target".into());
    let e2 = store
        .simpan_evaluasi(inst, &ubah, Some(1), &oleh)
        .await
        .expect("ubah");
    assert_eq!(
        (e2.id, e2.predikat, e2.version),
        (e.id, Predikat::SangatBaik, 2)
    );
    assert!(matches!(
        store.simpan_evaluasi(inst, &ubah, Some(1), &oleh).await,
        Err(StoreError::Konflik(_))
    ));

    // Signing locks; twice is a conflict; the pegawai signs after the rater.
    assert!(matches!(
        store.terima_evaluasi(inst, e.id, &[], &oleh).await,
        Err(StoreError::Konflik(_))
    ));
    let t = store
        .tandatangani_evaluasi(inst, e.id, tgl(2026, 4, 2), &[], &oleh)
        .await
        .expect("tanda tangan");
    assert_eq!(
        (t.status, t.diterima),
        (StatusEvaluasi::DitandatanganiPenilai, Some(tgl(2026, 4, 2)))
    );
    assert!(t.ditandatangani_penilai.is_some());
    assert!(matches!(
        store
            .tandatangani_evaluasi(inst, e.id, tgl(2026, 4, 2), &[], &oleh)
            .await,
        Err(StoreError::Konflik(_))
    ));
    assert!(matches!(
        store
            .simpan_evaluasi(inst, &ubah, Some(t.version), &oleh)
            .await,
        Err(StoreError::Konflik(_))
    ));
    let d = store
        .terima_evaluasi(inst, e.id, &[], &pelaku("citra"))
        .await
        .expect("terima");
    assert_eq!(d.status, StatusEvaluasi::DiterimaPegawai);
    assert!(matches!(
        store.terima_evaluasi(inst, e.id, &[], &oleh).await,
        Err(StoreError::Konflik(_))
    ));

    // A second evaluation, signed, is reopened by the admin: back to draft, signatures gone.
    let e_dewi = store
        .simpan_evaluasi(
            inst,
            &evaluasi_simpan(
                &s_dewi,
                "2026-03",
                budi.id,
                DibawahEkspektasi,
                SesuaiEkspektasi,
            ),
            None,
            &oleh,
        )
        .await
        .expect("nilai dewi");
    assert!(matches!(
        store
            .buka_kembali_evaluasi(inst, e_dewi.id, "x", &[], &oleh)
            .await,
        Err(StoreError::Konflik(_))
    ));
    store
        .tandatangani_evaluasi(inst, e_dewi.id, tgl(2026, 4, 3), &[], &oleh)
        .await
        .expect("tt dewi");
    let b = store
        .buka_kembali_evaluasi(inst, e_dewi.id, "Salah pilih rating", &[], &pelaku("admin"))
        .await
        .expect("buka kembali");
    assert_eq!(
        (b.status, b.diterima, b.alasan_dibuka.as_deref()),
        (StatusEvaluasi::Draf, None, Some("Salah pilih rating"))
    );
    assert!(b.ditandatangani_penilai.is_none());

    // Counts and ranking rows of the period.
    let j = store
        .jumlah_predikat(inst, "2026-03", None)
        .await
        .expect("jumlah");
    let satu = store
        .jumlah_predikat(inst, "2026-03", Some(unit))
        .await
        .expect("jumlah unit");
    assert!(!satu.is_empty());
    assert!(satu.iter().all(|x| x.capaian_unit_id == Some(unit)));
    assert_eq!(
        satu.iter().map(|x| x.jumlah).sum::<i64>(),
        j.iter()
            .filter(|x| x.capaian_unit_id == Some(unit))
            .map(|x| x.jumlah)
            .sum::<i64>()
    );
    assert!(store
        .jumlah_predikat(inst, "2026-03", Some(-1))
        .await
        .expect("jumlah kosong")
        .is_empty());
    let total: i64 = j.iter().map(|x| x.jumlah).sum();
    assert_eq!(total, 2);
    assert!(j.iter().any(|x| x.predikat == Predikat::SangatBaik
        && x.status == StatusEvaluasi::DiterimaPegawai
        && x.capaian_unit_id == Some(unit)));
    assert!(j
        .iter()
        .any(|x| x.predikat == Predikat::ButuhPerbaikan && x.status == StatusEvaluasi::Draf));
    let r = store
        .baris_peringkat(inst, "2026-03")
        .await
        .expect("peringkat");
    assert_eq!(r.len(), 2);
    let f = FilterEvaluasi {
        periode: Some("2026-03".into()),
        pegawai_id: Some(vec![citra.id]),
        limit: 10,
        ..Default::default()
    };
    assert_eq!(
        store.daftar_evaluasi(inst, &f).await.expect("daftar").len(),
        1
    );
    let f = FilterEvaluasi {
        tahun: Some(2026),
        penilai_pegawai_id: Some(budi.id),
        status: Some(StatusEvaluasi::Draf),
        limit: 10,
        ..Default::default()
    };
    assert_eq!(
        store
            .daftar_evaluasi(inst, &f)
            .await
            .expect("daftar draf")
            .len(),
        1
    );
    assert!(store
        .daftar_evaluasi(
            inst,
            &FilterEvaluasi {
                skp_id: Some(vec![]),
                limit: 10,
                ..Default::default()
            }
        )
        .await
        .expect("kosong")
        .is_empty());

    // SKP of the year, and what was recorded in a period.
    let m = store
        .masa_skp(inst, 2026, &[citra.id, dewi.id], &[])
        .await
        .expect("masa");
    assert_eq!(m.len(), 2);
    assert!(m
        .iter()
        .all(|x| x.nomor_versi == 1 && x.status == StatusSkp::Ditetapkan));
    store
        .simpan_realisasi(
            inst,
            citra.id,
            &realisasi_sah(&s_citra, 0, 3, "4 modul", None),
            &oleh,
        )
        .await
        .expect("realisasi");
    store
        .simpan_realisasi(
            inst,
            citra.id,
            &realisasi_sah(&s_citra, 1, 3, "1 laporan", None),
            &oleh,
        )
        .await
        .expect("realisasi 2");
    store
        .simpan_realisasi(
            inst,
            citra.id,
            &realisasi_sah(&s_citra, 0, 5, "4 modul", None),
            &oleh,
        )
        .await
        .expect("realisasi Mei");
    let cat = store
        .catatan_periode(
            inst,
            &[s_citra.id, s_dewi.id],
            3,
            3,
            tgl(2026, 3, 1),
            tgl(2026, 3, 31),
        )
        .await
        .expect("catatan");
    let mut rz = cat.realisasi.clone();
    rz.sort();
    let rhk = id_rhk(&s_citra);
    assert_eq!(rz, vec![(s_citra.id, rhk[0], 1), (s_citra.id, rhk[1], 1)]);

    // Keberatan: once per signed evaluation; comments while pending; a final decision that
    // changes the evaluation and keeps the original.
    assert!(matches!(
        store
            .ajukan_keberatan(
                inst,
                &KeberatanBaru {
                    evaluasi_id: e_dewi.id,
                    alasan: "x".into(),
                    batas: tgl(2026, 4, 17),
                    atasan_pegawai_id: None
                },
                &[],
                &oleh
            )
            .await,
        Err(StoreError::Konflik(_))
    ));
    let k = store
        .ajukan_keberatan(
            inst,
            &KeberatanBaru {
                evaluasi_id: e.id,
                alasan: "Perilaku dinilai tanpa umpan balik".into(),
                batas: tgl(2026, 4, 16),
                atasan_pegawai_id: Some(budi.id),
            },
            &[],
            &pelaku("citra"),
        )
        .await
        .expect("keberatan");
    assert_eq!(
        (k.status, k.predikat_semula, k.batas, k.periode.as_str()),
        (
            StatusKeberatan::Diajukan,
            Predikat::SangatBaik,
            tgl(2026, 4, 16),
            "2026-03"
        )
    );
    assert!(matches!(
        store
            .ajukan_keberatan(
                inst,
                &KeberatanBaru {
                    evaluasi_id: e.id,
                    alasan: "lagi".into(),
                    batas: tgl(2026, 4, 16),
                    atasan_pegawai_id: None
                },
                &[],
                &oleh
            )
            .await,
        Err(StoreError::Konflik(_))
    ));
    assert!(matches!(
        store
            .buka_kembali_evaluasi(inst, e.id, "x", &[], &oleh)
            .await,
        Err(StoreError::Konflik(_))
    ));
    let kom = KomentarKeberatan {
        pegawai_id: budi.id,
        nama: budi.nama.clone(),
        pihak: PihakKeberatan::PejabatPenilai,
        isi: "Umpan balik ada di bulan Maret".into(),
        waktu: Utc::now(),
    };
    let k2 = store
        .komentari_keberatan(inst, k.id, &kom, &[], &oleh)
        .await
        .expect("komentar");
    assert_eq!(k2.komentar.len(), 1);
    assert_eq!(k2.komentar[0].pihak, PihakKeberatan::PejabatPenilai);
    let putusan = PutusanSah {
        status: StatusKeberatan::Dikabulkan,
        baru: Some((SesuaiEkspektasi, DiatasEkspektasi, Predikat::Baik)),
        alasan: "Sebagian".into(),
    };
    let k3 = store
        .putuskan_keberatan(inst, k.id, &putusan, &[], &oleh)
        .await
        .expect("putusan");
    assert_eq!(
        (k3.status, k3.predikat_semula, k3.predikat_baru),
        (
            StatusKeberatan::Dikabulkan,
            Predikat::SangatBaik,
            Some(Predikat::Baik)
        )
    );
    let ev = store
        .evaluasi(inst, e.id)
        .await
        .expect("baca")
        .expect("ada");
    assert_eq!(
        (ev.predikat, ev.rating_hasil_kerja, ev.status),
        (
            Predikat::Baik,
            SesuaiEkspektasi,
            StatusEvaluasi::DiterimaPegawai
        )
    );
    assert!(matches!(
        store
            .putuskan_keberatan(inst, k.id, &putusan, &[], &oleh)
            .await,
        Err(StoreError::Konflik(_))
    ));
    assert!(matches!(
        store
            .komentari_keberatan(inst, k.id, &kom, &[], &oleh)
            .await,
        Err(StoreError::Konflik(_))
    ));
    assert_eq!(
        store
            .keberatan_evaluasi(inst, e.id)
            .await
            .expect("k")
            .map(|x| x.id),
        Some(k.id)
    );
    let f = FilterKeberatan {
        atasan_pegawai_id: Some(budi.id),
        limit: 10,
        ..Default::default()
    };
    assert_eq!(
        store
            .daftar_keberatan(inst, &f)
            .await
            .expect("daftar k")
            .len(),
        1
    );
    assert_eq!(
        aksi_audit(store, inst, "evaluasi", e.id).await,
        [
            "nilai",
            "ubah",
            "tandatangani_penilai",
            "tandatangani_pegawai",
            "putusan_keberatan"
        ]
    );
    assert_eq!(
        aksi_audit(store, inst, "keberatan", k.id).await,
        ["ajukan", "tanggapi", "putuskan"]
    );
    audit_utuh(store).await;
}

/// The reads of the HR exports: keyset pages of pegawai (all of them, each once, in id order,
/// filtered by units in SQL or, for long unit lists, in the store), a page's SKP with their
/// RHK/IKI counts, and a period's evaluations with their keberatan.
async fn laporan_halaman(store: &dyn Store, inst: i64) {
    let semua = store.semua_pegawai(inst).await.expect("pegawai");
    let mut ids: Vec<i64> = semua.iter().map(|p| p.id).collect();
    ids.sort_unstable();
    let halaman = |unit: Option<Vec<i64>>| async move {
        let mut dibaca = Vec::new();
        let mut setelah = 0;
        loop {
            let h = store
                .pegawai_laporan(inst, unit.as_deref(), setelah, 2)
                .await
                .expect("halaman");
            assert!(h.items.len() <= 2);
            dibaca.extend(h.items.iter().map(|p| (p.id, p.unit_id)));
            match h.berikut {
                Some(c) => {
                    assert!(c > setelah, "the cursor moves on");
                    setelah = c;
                }
                None => return dibaca,
            }
        }
    };
    let dibaca = halaman(None).await;
    assert_eq!(dibaca.iter().map(|x| x.0).collect::<Vec<_>>(), ids);
    let citra = pegawai_nip(store, inst, NIP_CITRA).await;
    let unit = citra.unit_id.expect("unit");
    let di_unit: Vec<i64> = semua
        .iter()
        .filter(|p| p.unit_id == Some(unit))
        .map(|p| p.id)
        .collect();
    let mut di_unit_urut = di_unit.clone();
    di_unit_urut.sort_unstable();
    let lewat_sql = halaman(Some(vec![unit])).await;
    assert_eq!(
        lewat_sql.iter().map(|x| x.0).collect::<Vec<_>>(),
        di_unit_urut
    );
    // A long unit list is filtered by the store itself, with the same answer.
    let panjang: Vec<i64> = (1..=700).map(|i| -i).chain([unit]).collect();
    let lewat_store = halaman(Some(panjang)).await;
    assert_eq!(lewat_sql, lewat_store);
    assert!(store
        .pegawai_laporan(inst, Some(&[]), 0, 10)
        .await
        .expect("kosong")
        .items
        .is_empty());

    // SKP of a page with their counts; none for a pegawai without one.
    let dewi = pegawai_nip(store, inst, NIP_DEWI).await;
    let budi = pegawai_nip(store, inst, NIP_BUDI).await;
    let mut nama = store
        .nama_pegawai_laporan(inst, &[budi.id, citra.id, -1])
        .await
        .expect("nama");
    nama.sort_by_key(|x| x.id);
    let mut harap = vec![
        (budi.id, budi.nama.clone(), budi.nip.to_string()),
        (citra.id, citra.nama.clone(), citra.nip.to_string()),
    ];
    harap.sort();
    assert_eq!(
        nama.into_iter()
            .map(|x| (x.id, x.nama, x.nip))
            .collect::<Vec<_>>(),
        harap
    );
    let s_citra = tetapkan_draf(store, inst, &draf_dua_rhk(&citra)).await.skp;
    let skp = store
        .skp_laporan(inst, 2026, &[citra.id, dewi.id])
        .await
        .expect("skp laporan");
    assert_eq!(skp.len(), 1);
    let s = &skp[0];
    assert_eq!(
        (s.id, s.pegawai_id, s.status, s.nomor_versi),
        (
            s_citra.id,
            citra.id,
            StatusSkp::Ditetapkan,
            s_citra.nomor_versi
        )
    );
    assert_eq!(
        (s.rhk_utama, s.rhk_tambahan, s.iki),
        (
            s_citra
                .rhk
                .iter()
                .filter(|r| r.jenis == JenisRhk::Utama)
                .count() as i64,
            s_citra
                .rhk
                .iter()
                .filter(|r| r.jenis == JenisRhk::Tambahan)
                .count() as i64,
            s_citra.rhk.iter().map(|r| r.iki.len()).sum::<usize>() as i64,
        )
    );
    assert_eq!(s.format, s_citra.format);
    assert!(s.ditetapkan_pada.is_some());
    assert!(store
        .skp_laporan(inst, 2025, &[citra.id])
        .await
        .expect("tahun lain")
        .is_empty());
    assert!(store
        .skp_ditutup_laporan(inst, 2026)
        .await
        .expect("ditutup")
        .is_empty());

    // A period's evaluations, signed, with a keberatan.
    let oleh = pelaku("budi");
    let e = store
        .simpan_evaluasi(
            inst,
            &evaluasi_simpan(
                &s_citra,
                "2026-03",
                budi.id,
                Rating::DiatasEkspektasi,
                Rating::SesuaiEkspektasi,
            ),
            None,
            &oleh,
        )
        .await
        .expect("nilai");
    let e = store
        .tandatangani_evaluasi(inst, e.id, tgl(2026, 4, 2), &[], &oleh)
        .await
        .expect("tanda tangan");
    store
        .ajukan_keberatan(
            inst,
            &KeberatanBaru {
                evaluasi_id: e.id,
                alasan: "Bukti dukung belum dipertimbangkan".into(),
                batas: tgl(2026, 4, 16),
                atasan_pegawai_id: None,
            },
            &[],
            &pelaku("citra"),
        )
        .await
        .expect("keberatan");
    let v = store
        .evaluasi_laporan(inst, "2026-03", &[s_citra.id, s_citra.id + 1000])
        .await
        .expect("evaluasi laporan");
    assert_eq!(v.len(), 1);
    let x = &v[0];
    assert_eq!(
        (x.id, x.skp_id, x.pegawai_id, x.periode.as_str()),
        (e.id, s_citra.id, citra.id, "2026-03")
    );
    assert_eq!(
        (x.predikat, x.status, x.diterima, x.penilai_pegawai_id),
        (
            Predikat::Baik,
            StatusEvaluasi::DitandatanganiPenilai,
            Some(tgl(2026, 4, 2)),
            budi.id
        )
    );
    assert_eq!(x.capaian_organisasi, Some(CapaianOrganisasi::Baik));
    assert_eq!(x.ditandatangani_penilai, e.ditandatangani_penilai);
    assert_eq!(x.keberatan, Some(StatusKeberatan::Diajukan));
    assert!(store
        .evaluasi_laporan(inst, "2026-04", &[s_citra.id])
        .await
        .expect("periode lain")
        .is_empty());
    // The ranking's light rows in pages: the same as the ranking reads at once.
    let mut rk = Vec::new();
    let mut setelah = 0;
    loop {
        let h = store
            .baris_peringkat_laporan(inst, "2026-03", setelah, 1)
            .await
            .expect("peringkat");
        rk.extend(h.items);
        match h.berikut {
            Some(c) => setelah = c,
            None => break,
        }
    }
    assert_eq!(
        rk,
        store
            .baris_peringkat(inst, "2026-03")
            .await
            .expect("peringkat sekaligus")
    );
    assert_eq!(rk.len(), 1);
    // The same through the pegawai (their open SKP of the year).
    assert_eq!(
        store
            .evaluasi_pegawai_laporan(inst, "2026-03", 2026, &[citra.id, dewi.id, budi.id])
            .await
            .expect("evaluasi pegawai"),
        v
    );
    assert!(store
        .evaluasi_pegawai_laporan(inst, "2026-03", 2025, &[citra.id])
        .await
        .expect("tahun lain")
        .is_empty());
}

/// Documents keep their code for the same content, a new content supersedes the others of the
/// subject (and going back restores the old one); a bundle job moves through the queue with its
/// progress and result.
async fn dokumen_terbit(store: &dyn Store, inst: i64) {
    use crate::dokumen::{DokumenBaru, RingkasanDokumen, StatusTugas};
    use kinerja_domain::dokumen::JenisDokumen;
    let citra = pegawai_nip(store, inst, NIP_CITRA).await;
    let oleh = pelaku("admin");
    let ringkasan = RingkasanDokumen {
        instansi: "PEMERINTAH KOTA UJI".into(),
        pegawai_nama: citra.nama.clone(),
        pegawai_nip: citra.nip.to_string(),
        jabatan: "Analis".into(),
        unit_kerja: "Bidang Uji".into(),
        periode: "Januari s.d. Desember 2026".into(),
        nomor_versi_skp: 1,
        status: "Ditetapkan (versi 1)".into(),
        predikat: None,
        ditandatangani_oleh: None,
        ditandatangani_pada: None,
    };
    let baru = |kode: &str, sidik: &str| DokumenBaru {
        kode: kode.into(),
        jenis: JenisDokumen::Skp,
        subjek: "skp:1".into(),
        sidik: sidik.into(),
        pegawai_id: Some(citra.id),
        ringkasan: ringkasan.clone(),
    };
    let o = &oleh;
    let terbit = |b: DokumenBaru| async move {
        store
            .terbitkan_dokumen(inst, &b, o)
            .await
            .expect("terbitkan")
    };
    let d1 = terbit(baru("KNJ-AAAA-AAAA-AAA1-A", "a")).await;
    assert_eq!(
        (d1.kode.as_str(), d1.digantikan_oleh.as_ref()),
        ("KNJ-AAAA-AAAA-AAA1-A", None)
    );
    assert_eq!(d1.ringkasan, ringkasan);
    // The same content again keeps its code (the fresh one is not used).
    let lagi = terbit(baru("KNJ-AAAA-AAAA-AAA9-A", "a")).await;
    assert_eq!(lagi.id, d1.id);
    assert!(store
        .dokumen_kode("KNJ-AAAA-AAAA-AAA9-A")
        .await
        .unwrap()
        .is_none());
    // New content: a new code that supersedes the old one.
    let d2 = terbit(baru("KNJ-AAAA-AAAA-AAA2-A", "b")).await;
    assert_ne!(d2.id, d1.id);
    let lama = store.dokumen_kode(&d1.kode).await.unwrap().expect("old");
    assert_eq!(lama.digantikan_oleh.as_deref(), Some(d2.kode.as_str()));
    assert!(lama.digantikan_pada.is_some());
    // Back to the first content: the first document is in force again.
    let kembali = terbit(baru("KNJ-AAAA-AAAA-AAA3-A", "a")).await;
    assert_eq!((kembali.id, kembali.digantikan_oleh.clone()), (d1.id, None));
    let d2 = store.dokumen_kode(&d2.kode).await.unwrap().expect("second");
    assert_eq!(d2.digantikan_oleh.as_deref(), Some(d1.kode.as_str()));
    // Another subject is untouched.
    let lain = store
        .terbitkan_dokumen(
            inst,
            &DokumenBaru {
                subjek: "evaluasi:1:2026-03".into(),
                jenis: JenisDokumen::Evaluasi,
                ..baru("KNJ-AAAA-AAAA-AAA4-A", "a")
            },
            &oleh,
        )
        .await
        .unwrap();
    assert!(lain.digantikan_oleh.is_none());
    assert!(store
        .dokumen_kode(&d1.kode)
        .await
        .unwrap()
        .unwrap()
        .digantikan_oleh
        .is_none());

    // A bundle job: queued, claimed, progress, result, finished.
    let akun = store
        .simpan_akun(
            &AkunBaru {
                instansi_id: inst,
                username: "pemohon-bundel".into(),
                password_hash: "x".into(),
                peran: Peran::Admin,
                pegawai_id: None,
            },
            &oleh,
        )
        .await
        .expect("akun");
    let param = serde_json::json!({"periode": "2026-03"});
    let t = store
        .antrekan_tugas(inst, "bundel_laporan", &param, akun.id, &oleh)
        .await
        .expect("antrekan");
    assert_eq!(
        (t.status, t.parameter.clone(), t.akun_id),
        (StatusTugas::Menunggu, param, akun.id)
    );
    let kini = chrono::Utc::now();
    let sewa = kini + chrono::Duration::minutes(10);
    let job = store
        .klaim_pekerjaan("simpul-a", kini, sewa)
        .await
        .unwrap()
        .expect("claimed");
    assert_eq!(job.id, t.id);
    store
        .kemajuan_tugas(t.id, "simpul-a", 3, 10, sewa)
        .await
        .unwrap();
    // Another node's progress is ignored.
    store
        .kemajuan_tugas(t.id, "simpul-b", 9, 10, sewa)
        .await
        .unwrap();
    let b = store.tugas_latar(inst, t.id).await.unwrap().unwrap();
    assert_eq!(
        (b.status, b.selesai_n, b.total_n),
        (StatusTugas::Berjalan, 3, 10)
    );
    store
        .hasil_tugas(t.id, "simpul-a", "bundel-1.zip", 1234)
        .await
        .unwrap();
    store
        .selesai_pekerjaan(t.id, "simpul-a", true, None)
        .await
        .unwrap();
    let b = store.tugas_latar(inst, t.id).await.unwrap().unwrap();
    assert_eq!(
        (b.status, b.selesai_n, b.berkas.as_deref(), b.ukuran),
        (StatusTugas::Selesai, 10, Some("bundel-1.zip"), Some(1234))
    );
    assert_eq!(
        store
            .daftar_tugas_latar(inst, "bundel_laporan", Some(akun.id), 10)
            .await
            .unwrap()
            .len(),
        1
    );
    assert!(store
        .daftar_tugas_latar(inst, "bundel_laporan", Some(akun.id + 1000), 10)
        .await
        .unwrap()
        .is_empty());
    assert!(store.tugas_latar(inst + 999, t.id).await.unwrap().is_none());
}
