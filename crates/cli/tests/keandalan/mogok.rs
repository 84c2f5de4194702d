//! Crash safety: several clients write through the API of a real `kinerja serve` (two pegawai
//! adding RHK to their own draft SKP, two rater sessions giving feedback), the server is killed
//! with SIGKILL after a number of acknowledged writes that differs per round, and then, before
//! and after a restart: every acknowledged write is there, nothing is half written (each SKP's
//! version counts exactly its RHK, each RHK has its IKI, a write that was never acknowledged is
//! there whole or not at all), the database is consistent (SQLite `integrity_check` ok and
//! `foreign_key_check` empty; PostgreSQL constraints validated) and the audit chain verifies.

use super::bersama::*;
use serde_json::json;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

const PUTARAN: usize = 5;
const TAHUN_AWAL: i32 = 2034;

/// A rater giving feedback on one RHK again and again until the server stops answering; the id
/// of every acknowledged (201) feedback is pushed to `diakui`.
fn penulis_umpan_balik(
    k: Klien,
    skp: i64,
    rhk: i64,
    awalan: String,
    berhenti: Arc<AtomicBool>,
    diakui: Arc<Mutex<Vec<i64>>>,
) -> JoinHandle<Result<(), String>> {
    std::thread::spawn(move || {
        let mut n = 0;
        while !berhenti.load(Ordering::SeqCst) {
            let body = json!({"rhk_id": rhk, "jenis": "insidentil", "cara": "langsung", "isi": format!("{awalan} {n}")});
            match k.kirim(
                "POST",
                &format!("/api/v1/skp/{skp}/umpan_balik"),
                Some(body),
            ) {
                Ok(r) if r.sukses() => diakui
                    .lock()
                    .unwrap()
                    .push(r.isi["id"].as_i64().ok_or("feedback id")?),
                Ok(r) => return Err(format!("feedback {n}: {} {}", r.status, r.isi)),
                Err(_) => return Ok(()),
            }
            n += 1;
        }
        Ok(())
    })
}

/// The set SKP of the Kepala Seksi's team with one of their RHK each (feedback targets).
fn sasaran(kasi: &Klien) -> Vec<(i64, i64)> {
    let tim = kasi.ok("GET", "/api/v1/skp?lingkup=tim&status=ditetapkan", None);
    let mut hasil = Vec::new();
    for s in tim["items"].as_array().expect("items") {
        let id = s["id"].as_i64().unwrap();
        let d = kasi.ok("GET", &format!("/api/v1/skp/{id}"), None);
        if let Some(rhk) = d["skp"]["rhk"][0]["id"].as_i64() {
            // Only where the rater may give feedback today.
            let r = kasi
                .kirim(
                    "POST",
                    &format!("/api/v1/skp/{id}/umpan_balik"),
                    Some(json!({"rhk_id": rhk, "jenis": "insidentil", "cara": "langsung", "isi": "Percobaan"})),
                )
                .expect("feedback probe");
            if r.sukses() {
                hasil.push((id, rhk));
            }
        }
        if hasil.len() == 2 {
            break;
        }
    }
    hasil
}

pub fn jalankan(demo: &Demo) {
    let dir = demo.dir.path();
    let db = demo.salinan("mogok");
    let mut server = Server::mulai(&db, dir);
    // Logged in once: the sessions are in the database and outlive every restart.
    let penulis = [
        Klien::masuk(&server.dasar, &demo.username("Jabatan Fungsional")),
        Klien::masuk(&server.dasar, &demo.username("Pelaksana")),
    ];
    let kasi = demo.username("Kepala Seksi");
    let penilai = [
        Klien::masuk(&server.dasar, &kasi),
        Klien::masuk(&server.dasar, &kasi),
    ];
    let target = sasaran(&penilai[0]);
    assert!(
        !target.is_empty(),
        "the demo gives the Kepala Seksi a team with a set SKP"
    );
    // (skp, acknowledged RHK) per SKP writer, and every acknowledged feedback id, over all rounds.
    let mut skp_diakui: Vec<(i64, Klien, Vec<String>)> = Vec::new();
    let mut ub_diakui: Vec<i64> = Vec::new();
    let mut diperiksa = 0usize;
    let mut lebih_sebelum = 0usize;
    for putaran in 0..PUTARAN {
        // A different, deterministic point of the load in each round.
        let bunuh_setelah = 30 + (putaran * 37 + 11) % 50;
        let berhenti = Arc::new(AtomicBool::new(false));
        let mut rhk_log = Vec::new();
        let mut tangan = Vec::new();
        for (i, k) in penulis.iter().enumerate() {
            let k = k.ke(&server.dasar);
            let (skp, versi) = skp_baru(&k, TAHUN_AWAL + putaran as i32);
            let log = Arc::new(Mutex::new(Vec::new()));
            tangan.push(penulis_rhk(
                k.clone(),
                skp,
                versi,
                format!("Putaran {putaran} penulis {i}"),
                berhenti.clone(),
                log.clone(),
            ));
            rhk_log.push((skp, k, log));
        }
        let ub_log = Arc::new(Mutex::new(Vec::new()));
        for (i, k) in penilai.iter().enumerate() {
            let (skp, rhk) = target[i % target.len()];
            tangan.push(penulis_umpan_balik(
                k.ke(&server.dasar),
                skp,
                rhk,
                format!("Putaran {putaran} penilai {i}"),
                berhenti.clone(),
                ub_log.clone(),
            ));
        }
        let diakui = || {
            rhk_log
                .iter()
                .map(|(_, _, l)| l.lock().unwrap().len())
                .sum::<usize>()
                + ub_log.lock().unwrap().len()
        };
        tunggu("acknowledged writes", || diakui() >= bunuh_setelah);
        server.bunuh();
        berhenti.store(true, Ordering::SeqCst);
        for t in tangan {
            t.join()
                .expect("writer")
                .expect("only 2xx answers before the kill");
        }
        let n = diakui();
        for (skp, k, log) in rhk_log {
            skp_diakui.push((skp, k, log.lock().unwrap().clone()));
        }
        ub_diakui.extend(ub_log.lock().unwrap().iter().copied());

        // The files as the killed server left them.
        db.periksa_konsisten();
        let lebih_semua = periksa_tulisan(&db, &skp_diakui, &ub_diakui, putaran);
        let lebih = lebih_semua - lebih_sebelum;
        lebih_sebelum = lebih_semua;
        let o = kinerja(&["audit", "verify", "--database", &db.url()]);
        assert!(
            o.status.success(),
            "round {putaran}: audit chain: {}",
            teks(&o)
        );

        // Restarted, the server shows every acknowledged write.
        server = Server::mulai(&db, dir);
        for (skp, k, diakui) in &skp_diakui {
            let d = k
                .ke(&server.dasar)
                .ok("GET", &format!("/api/v1/skp/{skp}"), None);
            let ada = uraian_rhk(&d);
            assert!(
                ada.starts_with(diakui),
                "round {putaran}: SKP {skp} shows every acknowledged RHK ({} acknowledged, {} shown)",
                diakui.len(),
                ada.len()
            );
        }
        diperiksa += n;
        eprintln!(
            "{:?} crash round {putaran}: killed after {n} acknowledged writes (aimed at {bunuh_setelah}); \
             {lebih} unacknowledged RHK in flight were stored whole",
            demo.jenis
        );
    }
    server.hentikan();
    eprintln!(
        "{:?} crash: {PUTARAN} putaran, {diperiksa} tulisan diakui diperiksa",
        demo.jenis
    );
    println!(
        "crash ({:?}): {PUTARAN} putaran, {diperiksa} tulisan diakui diperiksa",
        demo.jenis
    );
}

/// Every acknowledged write is stored, and stored whole.
/// Answers how many RHK were stored beyond the acknowledged ones (in flight at the kill).
fn periksa_tulisan(
    db: &Basis,
    skp: &[(i64, Klien, Vec<String>)],
    ub: &[i64],
    putaran: usize,
) -> usize {
    let mut lebih = 0;
    for (id, _, diakui) in skp {
        let ada: Vec<String> = db
            .kueri(&format!(
                "SELECT uraian FROM rhk WHERE skp_id = {id} ORDER BY id"
            ))
            .into_iter()
            .map(|r| r[0].clone())
            .collect();
        assert!(
            ada.starts_with(diakui) && ada.len() <= diakui.len() + 1,
            "round {putaran}: SKP {id} holds its acknowledged RHK and at most the one in flight \
             ({} acknowledged, {} stored)",
            diakui.len(),
            ada.len()
        );
        let versi = db.satu(&format!("SELECT versi FROM skp WHERE id = {id}"));
        assert_eq!(
            versi,
            1 + ada.len() as i64,
            "round {putaran}: SKP {id}: the version moved with each stored RHK"
        );
        let iki = db.satu(&format!(
            "SELECT COUNT(*) FROM iki JOIN rhk ON rhk.id = iki.rhk_id WHERE rhk.skp_id = {id}"
        ));
        assert_eq!(
            iki,
            ada.len() as i64,
            "round {putaran}: SKP {id}: each RHK with its IKI"
        );
        lebih += ada.len() - diakui.len();
    }
    if !ub.is_empty() {
        let daftar = ub
            .iter()
            .map(|i| i.to_string())
            .collect::<Vec<_>>()
            .join(",");
        let n = db.satu(&format!(
            "SELECT COUNT(*) FROM umpan_balik WHERE id IN ({daftar})"
        ));
        assert_eq!(
            n,
            ub.len() as i64,
            "round {putaran}: every acknowledged feedback is stored"
        );
    }
    lebih
}
