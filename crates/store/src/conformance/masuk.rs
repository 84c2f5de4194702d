//! Login protection: failed-login counters per account name and per address (windows, a new
//! window, a success taking its attempt back), the lock of an account name, a password change
//! that ends the other sessions or all of them and clears the counter, audited without the
//! hash; and two store handles on one database (two `serve` nodes) counting at once without
//! losing or repeating a count.

use super::SqlMentah;
use crate::model::*;
use crate::{Store, StoreError};
use chrono::{DateTime, Duration, TimeZone, Utc};
use std::collections::BTreeSet;

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 2, 8, 0, 0).unwrap()
}

pub(super) async fn skenario(store: &dyn Store, inst: i64, mentah: &dyn SqlMentah) {
    hitungan(store).await;
    kunci(store).await;
    ubah_password(store, inst).await;
    serentak(store, mentah).await;
}

async fn hitungan(store: &dyn Store) {
    let jendela = Duration::minutes(15);
    let t = t0();
    let catat = |u: &'static str, a: &'static str, w: DateTime<Utc>| async move {
        store
            .catat_percobaan_masuk(u, a, w, jendela)
            .await
            .expect("catat percobaan")
    };
    assert!(store.status_masuk("budi").await.expect("status").is_none());
    let p1 = catat("budi", "10.0.0.1", t).await;
    assert_eq!(
        (
            p1.akun.jumlah,
            p1.akun.mulai,
            p1.alamat.jumlah,
            p1.alamat.mulai
        ),
        (1, t, 1, t)
    );
    assert_eq!(p1.terkunci_sampai, None);
    let p2 = catat("budi", "10.0.0.1", t + Duration::minutes(1)).await;
    assert_eq!(
        (p2.akun.jumlah, p2.akun.mulai, p2.alamat.jumlah),
        (2, t, 2),
        "the window keeps its start"
    );
    // The same address for another name: the address counts both, the names apart.
    let p3 = catat("siti", "10.0.0.1", t + Duration::minutes(2)).await;
    assert_eq!((p3.akun.jumlah, p3.alamat.jumlah), (1, 3));
    // The same name from another address.
    let p4 = catat("budi", "10.0.0.2", t + Duration::minutes(3)).await;
    assert_eq!((p4.akun.jumlah, p4.alamat.jumlah), (3, 1));
    let s = store
        .status_masuk("budi")
        .await
        .expect("status")
        .expect("ada");
    assert_eq!(
        (s.gagal.jumlah, s.gagal.mulai, s.terkunci_sampai),
        (3, t, None)
    );

    // A success clears the name's counter and takes its attempt off the address.
    let p5 = catat("budi", "10.0.0.1", t + Duration::minutes(4)).await;
    assert_eq!((p5.akun.jumlah, p5.alamat.jumlah), (4, 4));
    store
        .masuk_berhasil("budi", "10.0.0.1", &p5, t + Duration::minutes(4))
        .await
        .expect("berhasil");
    assert!(store.status_masuk("budi").await.expect("status").is_none());
    let p6 = catat("budi", "10.0.0.1", t + Duration::minutes(5)).await;
    assert_eq!(
        (
            p6.akun.jumlah,
            p6.akun.mulai,
            p6.alamat.jumlah,
            p6.alamat.mulai
        ),
        (1, t + Duration::minutes(5), 4, t),
        "the name counts afresh; the address kept its failures, not the success"
    );
    // Another name's counter is untouched by budi's success.
    assert_eq!(
        store
            .status_masuk("siti")
            .await
            .expect("status")
            .map(|s| s.gagal.jumlah),
        Some(1)
    );

    // Both windows have passed (siti's started at +2 min): both counters start again at
    // that attempt.
    let lewat = t + Duration::minutes(2) + jendela;
    let p7 = catat("siti", "10.0.0.1", lewat).await;
    assert_eq!(
        (
            p7.akun.jumlah,
            p7.akun.mulai,
            p7.alamat.jumlah,
            p7.alamat.mulai
        ),
        (1, lewat, 1, lewat)
    );
    // A success counted in a window that has since restarted takes nothing off the new one.
    store
        .masuk_berhasil("budi", "10.0.0.1", &p6, lewat)
        .await
        .expect("berhasil lama");
    let p8 = catat("siti", "10.0.0.1", lewat + Duration::seconds(1)).await;
    assert_eq!(p8.alamat.jumlah, 2, "the new window keeps its count");
    // Sub-microsecond times are kept at the precision both databases store.
    let halus = lewat + Duration::nanoseconds(1_500);
    let p9 = catat("halus", "10.0.0.9", halus).await;
    assert_eq!(p9.akun.mulai, lewat + Duration::microseconds(1));
}

async fn kunci(store: &dyn Store) {
    let jendela = Duration::minutes(15);
    let t = t0() + Duration::hours(1);
    let p = store
        .catat_percobaan_masuk("rudi", "10.1.0.1", t, jendela)
        .await
        .expect("catat");
    let sampai = t + Duration::minutes(30);
    store.kunci_masuk("rudi", sampai).await.expect("kunci");
    let s = store
        .status_masuk("rudi")
        .await
        .expect("status")
        .expect("ada");
    assert_eq!((s.gagal.jumlah, s.terkunci_sampai), (1, Some(sampai)));
    let q = store
        .catat_percobaan_masuk("rudi", "10.1.0.1", t + Duration::minutes(1), jendela)
        .await
        .expect("catat terkunci");
    assert_eq!((q.akun.jumlah, q.terkunci_sampai), (2, Some(sampai)));
    // A success while the lock runs (a race with the locking failure) leaves the lock.
    store
        .masuk_berhasil("rudi", "10.1.0.1", &p, t + Duration::minutes(2))
        .await
        .expect("berhasil");
    assert_eq!(
        store
            .status_masuk("rudi")
            .await
            .expect("status")
            .and_then(|s| s.terkunci_sampai),
        Some(sampai),
        "the lock stays"
    );
    // A window that passes does not end the lock.
    let r = store
        .catat_percobaan_masuk("rudi", "10.1.0.1", t + Duration::minutes(20), jendela)
        .await
        .expect("catat");
    assert_eq!((r.akun.jumlah, r.terkunci_sampai), (1, Some(sampai)));
    // Locking a name never counted creates its row.
    store
        .kunci_masuk("tidak-pernah", sampai)
        .await
        .expect("kunci baru");
    assert_eq!(
        store
            .status_masuk("tidak-pernah")
            .await
            .expect("status")
            .and_then(|s| s.terkunci_sampai),
        Some(sampai)
    );
    // After the lock, a success clears it.
    store
        .masuk_berhasil("rudi", "10.1.0.1", &r, sampai)
        .await
        .expect("berhasil");
    assert!(store.status_masuk("rudi").await.expect("status").is_none());
}

async fn ubah_password(store: &dyn Store, inst: i64) {
    let a = store
        .simpan_akun(
            &AkunBaru {
                instansi_id: inst,
                username: "pengguna-sandi".into(),
                password_hash: "hash-lama".into(),
                peran: Peran::Pegawai,
                pegawai_id: None,
            },
            &Pelaku::sistem(),
        )
        .await
        .expect("akun");
    let now = crate::sql::sekarang();
    for t in ["s1", "s2", "s3"] {
        store
            .buat_sesi(&SesiBaru {
                token_hash: t.into(),
                akun_id: a.id,
                jenis: "bearer".into(),
                csrf: "c".into(),
                dibuat: now,
                kedaluwarsa: now + Duration::hours(8),
            })
            .await
            .expect("sesi");
    }
    let hidup = |t: &'static str| async move {
        store
            .sesi_aktif(t, Utc::now())
            .await
            .expect("sesi aktif")
            .is_some()
    };
    store.cabut_sesi("s3").await.expect("cabut");
    store
        .catat_percobaan_masuk("pengguna-sandi", "10.2.0.1", now, Duration::minutes(15))
        .await
        .expect("catat");
    store
        .kunci_masuk("pengguna-sandi", now + Duration::hours(1))
        .await
        .expect("kunci");

    // Changing one's own password: the other live session ends, the caller's stays.
    let pelaku = Pelaku {
        akun_id: Some(a.id),
        nama: "pengguna-sandi".into(),
    };
    let n = store
        .ubah_password(a.id, "hash-baru", Some("s1"), &pelaku)
        .await
        .expect("ubah sendiri");
    assert_eq!(n, 1, "s2 ended (s3 was already revoked)");
    assert_eq!((hidup("s1").await, hidup("s2").await), (true, false));
    let akun = store
        .akun_by_username("pengguna-sandi")
        .await
        .expect("akun")
        .expect("ada");
    assert_eq!(akun.password_hash, "hash-baru");
    assert!(
        store
            .status_masuk("pengguna-sandi")
            .await
            .expect("status")
            .is_none(),
        "the counter and the lock are cleared"
    );
    let log = store.daftar_audit(inst, 5).await.expect("audit");
    let e = log
        .iter()
        .find(|e| e.aksi == "ubah_password")
        .expect("audited");
    assert_eq!(
        (e.entitas.as_str(), e.entitas_id.as_str(), e.pelaku.as_str()),
        ("akun", a.id.to_string().as_str(), "pengguna-sandi")
    );
    let sesudah: serde_json::Value =
        serde_json::from_str(e.sesudah.as_deref().expect("after")).expect("JSON");
    assert_eq!(
        (
            &sesudah["username"],
            &sesudah["password_diubah"],
            &sesudah["sesi_dicabut"],
            &sesudah["sesi_sendiri_tetap"],
            &sesudah["batas_masuk_dihapus"],
        ),
        (
            &serde_json::json!("pengguna-sandi"),
            &serde_json::json!(true),
            &serde_json::json!(1),
            &serde_json::json!(true),
            &serde_json::json!(true)
        )
    );
    assert!(
        log.iter().all(|e| ![&e.sebelum, &e.sesudah]
            .iter()
            .any(|v| v.as_deref().is_some_and(|v| v.contains("hash-")))),
        "no password hash in the audit log"
    );

    // A reset by an administrator ends every session.
    let n = store
        .ubah_password(a.id, "hash-ketiga", None, &Pelaku::sistem())
        .await
        .expect("reset");
    assert_eq!(n, 1);
    assert!(!hidup("s1").await);
    let akhir = store.daftar_audit(inst, 1).await.expect("audit");
    assert_eq!(
        (akhir[0].aksi.as_str(), akhir[0].pelaku.as_str()),
        ("ubah_password", "sistem")
    );
    assert!(matches!(
        store
            .ubah_password(a.id + 10_000, "x", None, &Pelaku::sistem())
            .await,
        Err(StoreError::TidakDitemukan(_))
    ));
}

/// Attempts counted at the same moment through two handles on the same database (eight
/// streams, four per node, three attempts each): every count from 1 to 24 is answered exactly
/// once, per counter, and the stored count is 24.
async fn serentak(store: &dyn Store, mentah: &dyn SqlMentah) {
    let lain: &dyn Store = mentah.store_kedua().unwrap_or(store);
    let jendela = Duration::minutes(15);
    let t = t0() + Duration::hours(2);
    let aliran = |node: &'static str| {
        let s: &dyn Store = if node == "A" { store } else { lain };
        async move {
            let mut v = Vec::new();
            for _ in 0..3 {
                v.push(
                    s.catat_percobaan_masuk("serentak", "10.3.0.1", t, jendela)
                        .await
                        .expect("catat serentak"),
                );
            }
            v
        }
    };
    let (a, b, c, d, e, f, g, h) = tokio::join!(
        aliran("A"),
        aliran("B"),
        aliran("A"),
        aliran("B"),
        aliran("A"),
        aliran("B"),
        aliran("A"),
        aliran("B")
    );
    let hasil: Vec<_> = [a, b, c, d, e, f, g, h].into_iter().flatten().collect();
    let akun: Vec<i64> = hasil.iter().map(|p| p.akun.jumlah).collect();
    let alamat: Vec<i64> = hasil.iter().map(|p| p.alamat.jumlah).collect();
    let harap: BTreeSet<i64> = (1..=24).collect();
    assert_eq!(akun.len(), 24);
    assert_eq!(
        akun.iter().copied().collect::<BTreeSet<_>>(),
        harap,
        "every account count exactly once: {akun:?}"
    );
    assert_eq!(
        alamat.iter().copied().collect::<BTreeSet<_>>(),
        harap,
        "every address count exactly once: {alamat:?}"
    );
    let s = store
        .status_masuk("serentak")
        .await
        .expect("status")
        .expect("ada");
    assert_eq!(s.gagal.jumlah, 24);
    // What one node writes the other reads.
    let s2 = lain
        .status_masuk("serentak")
        .await
        .expect("status kedua")
        .expect("ada");
    assert_eq!(s2, s);
}
