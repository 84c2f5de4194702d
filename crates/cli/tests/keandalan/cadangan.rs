//! `kinerja backup` and `kinerja restore`, round trip with the demo data.
//!
//! A backup taken while a client keeps writing holds exactly the writes of one moment: a prefix
//! of the acknowledged ones that includes every write acknowledged before the backup started;
//! restored into a new database it is consistent, its audit chain verifies, and a server runs on
//! it (the old sessions included) and writes. A backup of the quiet database restores to the same
//! row count in every table. Restoring over a database a server holds is refused (SQLite), as is
//! restoring into a database that is not empty (PostgreSQL), a file that is not a backup, and
//! a backup whose audit log was tampered with; the refused target is left as it was.

use super::bersama::*;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex};

const TAHUN: i32 = 2032;

fn berhasil(o: &std::process::Output, apa: &str) -> String {
    assert!(o.status.success(), "{apa}: {}", teks(o));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn gagal(o: &std::process::Output, apa: &str, pesan: &str) {
    assert!(!o.status.success(), "{apa} must fail: {}", teks(o));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains(pesan),
        "{apa}: the message names the cause ({pesan}): {}",
        teks(o)
    );
}

fn pulihkan(berkas: &std::path::Path, db: &Basis) -> std::process::Output {
    kinerja(&["restore", berkas.to_str().unwrap(), "--database", &db.url()])
}

fn cadangkan(db: &Basis, berkas: &std::path::Path) -> std::process::Output {
    kinerja(&[
        "backup",
        "--database",
        &db.url(),
        "--output",
        berkas.to_str().unwrap(),
    ])
}

fn audit_utuh(db: &Basis, apa: &str) {
    let o = kinerja(&["audit", "verify", "--database", &db.url()]);
    let out = berhasil(&o, apa);
    assert!(out.contains("Log audit utuh"), "{apa}: {out}");
}

fn rhk_tersimpan(db: &Basis, skp: i64) -> Vec<String> {
    db.kueri(&format!(
        "SELECT uraian FROM rhk WHERE skp_id = {skp} ORDER BY id"
    ))
    .into_iter()
    .map(|r| r[0].clone())
    .collect()
}

pub fn jalankan(demo: &Demo) {
    if demo.jenis == Jenis::Postgres && !(ada_alat("pg_dump") && ada_alat("pg_restore")) {
        return;
    }
    let dir = demo.dir.path();
    let akhiran = match demo.jenis {
        Jenis::Sqlite => "db",
        Jenis::Postgres => "dump",
    };
    let db = demo.salinan("cadangan");
    let mut server = Server::mulai(&db, dir);
    let jf = Klien::masuk(&server.dasar, &demo.username("Jabatan Fungsional"));
    let (skp, versi) = skp_baru(&jf, TAHUN);

    // --- an online backup while a client writes --------------------------------------------
    let diakui = Arc::new(Mutex::new(Vec::<String>::new()));
    let berhenti = Arc::new(AtomicBool::new(false));
    let penulis = penulis_rhk(
        jf.clone(),
        skp,
        versi,
        "Laporan cadangan".into(),
        berhenti.clone(),
        diakui.clone(),
    );
    let jumlah = || diakui.lock().unwrap().len();
    tunggu("first writes", || jumlah() >= 5);
    let sebelum = diakui.lock().unwrap().clone();
    let b1 = dir.join(format!("cadangan-1.{akhiran}"));
    let out = berhasil(&cadangkan(&db, &b1), "online backup");
    let selama = jumlah() - sebelum.len();
    let n = jumlah();
    tunggu("writes after the backup", || jumlah() >= n + 3);
    berhenti.store(true, std::sync::atomic::Ordering::SeqCst);
    penulis
        .join()
        .expect("writer")
        .expect("every write acknowledged");
    let semua = diakui.lock().unwrap().clone();
    eprintln!(
        "{:?} backup: {} writes acknowledged before, {selama} during, {} in all; {}",
        demo.jenis,
        sebelum.len(),
        semua.len(),
        out.trim()
    );
    match demo.jenis {
        Jenis::Sqlite => assert!(out.contains("integrity_check ok"), "{out}"),
        Jenis::Postgres => assert!(out.contains("pg_dump --format=custom"), "{out}"),
    }
    gagal(
        &cadangkan(&db, &b1),
        "a backup over an existing file",
        "sudah ada",
    );

    // --- SQLite: a database a server holds is not replaced -----------------------------------
    if demo.jenis == Jenis::Sqlite {
        let sebelum_rhk = rhk_tersimpan(&db, skp);
        gagal(
            &pulihkan(&b1, &db),
            "a restore over a database in use",
            "sedang dibuka",
        );
        assert_eq!(
            rhk_tersimpan(&db, skp),
            sebelum_rhk,
            "the refused restore changed nothing"
        );
    } else {
        gagal(
            &pulihkan(&b1, &db),
            "a restore into a database that is not empty",
            "tidak kosong",
        );
    }

    // --- the online backup restored into a new database ----------------------------------------
    let p1 = demo.kosong("pulih");
    let out = berhasil(&pulihkan(&b1, &p1), "restore");
    assert!(out.contains("rantai hash audit utuh"), "{out}");
    let ada = rhk_tersimpan(&p1, skp);
    assert!(
        ada.len() >= sebelum.len() && semua.starts_with(&ada),
        "the backup holds one moment: a prefix of the acknowledged writes with every write \
         acknowledged before it started ({} before, {} in the backup, {} in all)",
        sebelum.len(),
        ada.len(),
        semua.len()
    );
    p1.periksa_konsisten();
    audit_utuh(&p1, "audit verify on the restored database");
    if demo.jenis == Jenis::Sqlite {
        assert_eq!(
            p1.hitung(),
            Basis::Sqlite(b1.clone()).hitung(),
            "the restored database holds what the backup holds, table by table"
        );
    }
    let isi_p1 = p1.hitung();

    // A server runs on the restored database: the sessions came along, and it writes.
    {
        let mut s = Server::mulai(&p1, dir);
        let k = jf.ke(&s.dasar);
        let d = k.ok("GET", &format!("/api/v1/skp/{skp}"), None);
        assert_eq!(uraian_rhk(&d), ada, "the API shows the restored SKP");
        let v = d["version"].as_i64().expect("version");
        k.ok(
            "POST",
            &format!("/api/v1/skp/{skp}/rhk"),
            Some(serde_json::json!({"version": v, "jenis": "utama", "uraian": "Setelah pemulihan", "iki": iki(1)})),
        );
        s.hentikan();
    }

    // --- a backup of the quiet database restores to the same rows in every table --------------
    server.hentikan();
    let diam = db.hitung();
    let b2 = dir.join(format!("cadangan-2.{akhiran}"));
    berhasil(&cadangkan(&db, &b2), "quiet backup");
    let p2 = demo.kosong("pulih-diam");
    berhasil(&pulihkan(&b2, &p2), "restore of the quiet backup");
    assert_eq!(
        p2.hitung(),
        diam,
        "a round trip keeps the row count of every table"
    );
    audit_utuh(&p2, "audit verify after the quiet round trip");
    let total: i64 = diam.values().sum();
    eprintln!(
        "{:?} round trip: {} tables, {total} rows identical",
        demo.jenis,
        diam.len()
    );

    // --- refusals ----------------------------------------------------------------------------
    let bukan = dir.join("bukan-cadangan.bin");
    std::fs::write(&bukan, "ini bukan cadangan kinerja\n".repeat(200)).expect("write");
    let target = match demo.jenis {
        Jenis::Sqlite => &db,
        Jenis::Postgres => &p2,
    };
    let sebelum_tolak = target.hitung();
    match demo.jenis {
        Jenis::Sqlite => gagal(
            &pulihkan(&bukan, target),
            "a file that is not a database",
            "bukan basis data SQLite",
        ),
        Jenis::Postgres => {
            let kosong = demo.kosong("pulih-tolak");
            gagal(
                &pulihkan(&bukan, &kosong),
                "a file that is not a pg_dump archive",
                "bukan arsip pg_dump",
            );
        }
    }
    assert_eq!(
        target.hitung(),
        sebelum_tolak,
        "a refused restore changes nothing"
    );

    if demo.jenis == Jenis::Sqlite {
        // An SQLite file that is not Kinerja's.
        blok(async {
            use sqlx::ConnectOptions;
            let mut c = sqlx::sqlite::SqliteConnectOptions::new()
                .filename(dir.join("lain.db"))
                .create_if_missing(true)
                .connect()
                .await
                .expect("create");
            sqlx::raw_sql("CREATE TABLE catatan (isi TEXT); INSERT INTO catatan VALUES ('x');")
                .execute(&mut c)
                .await
                .expect("fill");
        });
        gagal(
            &pulihkan(&dir.join("lain.db"), &db),
            "an SQLite file that is not Kinerja's",
            "bukan basis data Kinerja",
        );
        // A backup whose audit log was tampered with.
        let rusak = dir.join("cadangan-rusak.db");
        salin_sqlite(&b1, &rusak);
        let seq = Basis::Sqlite(rusak.clone()).satu("SELECT MAX(seq) / 2 FROM audit_log");
        Basis::Sqlite(rusak.clone()).jalankan(&format!(
            "DROP TRIGGER audit_log_tanpa_ubah; UPDATE audit_log SET pelaku = 'penyusup' WHERE seq = {seq}"
        ));
        gagal(
            &pulihkan(&rusak, &db),
            "a backup with a tampered audit log",
            &format!("entri #{seq}"),
        );
        assert_eq!(
            db.hitung(),
            sebelum_tolak,
            "a refused restore changes nothing"
        );

        // --- over the stopped server's database: the old file is kept -----------------------
        let out = berhasil(&pulihkan(&b1, &db), "restore over the stopped database");
        assert_eq!(db.hitung(), isi_p1, "the database now holds the backup");
        let Basis::Sqlite(jalur) = &db else {
            unreachable!()
        };
        let nama = jalur.file_name().unwrap().to_string_lossy().into_owned();
        let lama: Vec<PathBuf> = std::fs::read_dir(dir)
            .expect("dir")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.file_name().is_some_and(|n| {
                    n.to_string_lossy()
                        .starts_with(&format!("{nama}.sebelum-restore-"))
                })
            })
            .collect();
        assert_eq!(lama.len(), 1, "the old database is kept: {out}");
        assert!(out.contains(&lama[0].display().to_string()), "{out}");
        assert_eq!(
            Basis::Sqlite(lama[0].clone()).hitung(),
            diam,
            "the kept file is the database as it was"
        );
        audit_utuh(&db, "audit verify after the restore in place");

        // Over a damaged database (the usual reason to restore): replaced, the damage kept aside.
        let rusak = dir.join("rusak-sasaran.db");
        let sampah = "bukan lagi basis data ".repeat(500);
        std::fs::write(&rusak, &sampah).expect("write");
        let sasaran = Basis::Sqlite(rusak.clone());
        let out = berhasil(&pulihkan(&b1, &sasaran), "restore over a damaged database");
        assert!(out.contains("tidak dapat dibuka"), "{out}");
        assert_eq!(sasaran.hitung(), isi_p1, "the damaged database replaced");
        let disimpan: Vec<PathBuf> = std::fs::read_dir(dir)
            .expect("dir")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.file_name().is_some_and(|n| {
                    n.to_string_lossy()
                        .starts_with("rusak-sasaran.db.sebelum-restore-")
                })
            })
            .collect();
        assert_eq!(disimpan.len(), 1, "{out}");
        assert_eq!(
            std::fs::read_to_string(&disimpan[0]).expect("kept"),
            sampah,
            "the damaged file is kept as it was"
        );
    }
}
