//! Two editors at once, through real concurrent HTTP requests to `kinerja serve`: both read the
//! same version of an SKP, an evaluation draft or the policy profile and send their change at
//! the same instant (a barrier releases them together). Exactly one is accepted and the other
//! answered 409 `konflik`; what is stored afterwards is the winner's change alone (never both,
//! never a mix) and the version moved by exactly one.

use super::bersama::*;
use serde_json::{json, Value};
use std::sync::Barrier;

const PUTARAN: usize = 20;
const TAHUN_SKP: i32 = 2033;

/// A request: client, method, path, JSON body.
type Permintaan<'a> = (&'a Klien, &'a str, &'a str, Value);

/// Send `a` and `b` at the same instant from two threads; their answers.
fn balap(a: Permintaan<'_>, b: Permintaan<'_>) -> [Jawab; 2] {
    let pintu = Barrier::new(2);
    std::thread::scope(|s| {
        let pintu = &pintu;
        let tangan: Vec<_> = [a, b]
            .into_iter()
            .map(|(k, m, p, v)| {
                s.spawn(move || {
                    pintu.wait();
                    k.kirim(m, p, Some(v))
                        .unwrap_or_else(|e| panic!("{m} {p}: {e}"))
                })
            })
            .collect();
        let mut j = tangan
            .into_iter()
            .map(|t| t.join().expect("request thread"));
        [j.next().unwrap(), j.next().unwrap()]
    })
}

/// Exactly one of the two was accepted and the other refused with 409; the index of the winner.
fn satu_pemenang(j: &[Jawab; 2], apa: &str) -> usize {
    let menang: Vec<usize> = (0..2).filter(|&i| j[i].sukses()).collect();
    assert_eq!(
        menang.len(),
        1,
        "{apa}: exactly one of two concurrent writes wins: {} {} / {} {}",
        j[0].status,
        j[0].isi,
        j[1].status,
        j[1].isi
    );
    let w = menang[0];
    let kalah = &j[1 - w];
    assert_eq!(
        (kalah.status, kalah.kode().as_str()),
        (409, "konflik"),
        "{apa}: the stale write is a conflict: {}",
        kalah.isi
    );
    assert!(
        kalah.isi["error"]["message"]
            .as_str()
            .is_some_and(|m| !m.is_empty()),
        "{apa}: with a message"
    );
    w
}

pub fn jalankan(demo: &Demo) {
    let db = demo.salinan("balapan");
    let server = Server::mulai(&db, demo.dir.path());
    let n_skp = skp(demo, &server);
    let n_ev = evaluasi(demo, &server);
    let n_profil = profil(demo, &server);
    eprintln!(
        "{:?} races: SKP {n_skp}, evaluation {n_ev}, profile {n_profil} — one winner and one 409 each",
        demo.jenis
    );
    db.periksa_konsisten();
    drop(server);
}

/// The pegawai in two sessions edits their draft SKP: even rounds both edit the same RHK (an
/// overwrite would lose one), odd rounds both add an RHK (a merge would keep both).
fn skp(demo: &Demo, server: &Server) -> usize {
    let jf = demo.username("Jabatan Fungsional");
    let a = Klien::masuk(&server.dasar, &jf);
    let b = Klien::masuk(&server.dasar, &jf);
    let (id, v) = skp_baru(&a, TAHUN_SKP);
    let url = format!("/api/v1/skp/{id}");
    a.ok(
        "POST",
        &format!("{url}/rhk"),
        Some(json!({"version": v, "jenis": "utama", "uraian": "Awal", "iki": iki(0)})),
    );
    for i in 0..PUTARAN {
        let d = b.ok("GET", &url, None);
        let v = d["version"].as_i64().unwrap();
        let sebelum = uraian_rhk(&d);
        let (ua, ub) = (
            format!("Editor A putaran {i}"),
            format!("Editor B putaran {i}"),
        );
        let j = if i % 2 == 0 {
            let rhk = d["skp"]["rhk"][0]["id"].as_i64().unwrap();
            let p = format!("{url}/rhk/{rhk}");
            balap(
                (
                    &a,
                    "PUT",
                    &p,
                    json!({"version": v, "jenis": "utama", "uraian": ua}),
                ),
                (
                    &b,
                    "PUT",
                    &p,
                    json!({"version": v, "jenis": "utama", "uraian": ub}),
                ),
            )
        } else {
            let p = format!("{url}/rhk");
            balap(
                (
                    &a,
                    "POST",
                    &p,
                    json!({"version": v, "jenis": "utama", "uraian": ua, "iki": iki(i)}),
                ),
                (
                    &b,
                    "POST",
                    &p,
                    json!({"version": v, "jenis": "utama", "uraian": ub, "iki": iki(i)}),
                ),
            )
        };
        let w = satu_pemenang(&j, &format!("SKP round {i}"));
        let (menang, kalah) = if w == 0 { (&ua, &ub) } else { (&ub, &ua) };
        let d = a.ok("GET", &url, None);
        assert_eq!(d["version"].as_i64(), Some(v + 1), "round {i}: one change");
        assert_eq!(
            d, j[w].isi,
            "round {i}: stored is what the winner was answered"
        );
        let sesudah = uraian_rhk(&d);
        let mut harap = sebelum.clone();
        if i % 2 == 0 {
            harap[0] = menang.clone();
        } else {
            harap.push(menang.clone());
        }
        assert_eq!(sesudah, harap, "round {i}: the winner's change alone");
        assert!(!sesudah.contains(kalah), "round {i}: nothing of the loser");
    }
    PUTARAN
}

/// The rater in two sessions rates the same pegawai for this month: first both create the
/// evaluation, then both change the draft read at the same version.
fn evaluasi(demo: &Demo, server: &Server) -> usize {
    use chrono::Datelike;
    let hari = kinerja_domain::periode::tanggal_wib(chrono::Utc::now());
    let periode = format!("{}-{:02}", hari.year(), hari.month());
    let mut pilihan = None;
    for peran in ["Kepala Seksi", "Kepala Bidang", "Kepala Dinas"] {
        let k = Klien::masuk(&server.dasar, &demo.username(peran));
        let tim = k.ok(
            "GET",
            &format!("/api/v1/evaluasi/tim?periode={periode}"),
            None,
        );
        let baris = tim["baris"].as_array().cloned().unwrap_or_default();
        if let Some(b) = baris.into_iter().find(|b| {
            b["boleh_nilai"] == true
                && b["evaluasi"].is_null()
                && b["skp_id"].is_i64()
                && b["dasar"] != "tugas_belajar"
        }) {
            pilihan = Some((peran, k, b));
            break;
        }
    }
    let Some((peran, a, baris)) = pilihan else {
        // The demo rates 2026 up to today; only then is a team guaranteed to be open.
        assert_ne!(
            hari.year(),
            2026,
            "the demo leaves someone to rate in {periode}"
        );
        eprintln!("SKIPPED: nobody left to rate in {periode} in the demo");
        return 0;
    };
    let b = Klien::masuk(&server.dasar, &demo.username(peran));
    let skp = baris["skp_id"].as_i64().unwrap();
    let url = format!("/api/v1/skp/{skp}/evaluasi/{periode}");
    let rating = |catatan: &str, versi: Option<i64>| {
        let mut v = json!({
            "rating_hasil_kerja": baris["saran"]["rating_hasil_kerja"],
            "rating_perilaku": baris["saran"]["rating_perilaku"],
            "catatan": catatan,
        });
        if let Some(x) = versi {
            v["version"] = json!(x);
        }
        v
    };
    let mut n = 0;
    for i in 0..PUTARAN {
        let d = b.ok("GET", &url, None);
        let versi = d["evaluasi"]["version"].as_i64();
        assert_eq!(versi.is_none(), i == 0, "round {i}: {}", d["evaluasi"]);
        let (ca, cb) = (
            format!("Penilai A putaran {i}"),
            format!("Penilai B putaran {i}"),
        );
        let j = balap(
            (&a, "PUT", &url, rating(&ca, versi)),
            (&b, "PUT", &url, rating(&cb, versi)),
        );
        let w = satu_pemenang(&j, &format!("evaluation ({peran}) round {i}"));
        let d = a.ok("GET", &url, None);
        let e = &d["evaluasi"];
        assert_eq!(
            e["version"].as_i64(),
            Some(versi.map_or(1, |v| v + 1)),
            "round {i}: one change"
        );
        assert_eq!(
            e["catatan"].as_str(),
            Some(if w == 0 { ca.as_str() } else { cb.as_str() }),
            "round {i}: the winner's rating"
        );
        assert_eq!(
            *e, j[w].isi,
            "round {i}: stored is what the winner was answered"
        );
        n += 1;
    }
    n
}

/// The HR admin in two sessions edits the policy profile of a coming year.
fn profil(demo: &Demo, server: &Server) -> usize {
    use chrono::Datelike;
    let admin = demo.username("Admin BKPSDM");
    let a = Klien::masuk(&server.dasar, &admin);
    let b = Klien::masuk(&server.dasar, &admin);
    let mut tahun = kinerja_domain::periode::tanggal_wib(chrono::Utc::now()).year() + 3;
    loop {
        let r = a
            .kirim("POST", "/api/v1/profil", Some(json!({"tahun": tahun})))
            .expect("POST profil");
        if r.status == 201 {
            break;
        }
        assert_eq!(r.status, 409, "new profile version: {}", r.isi);
        tahun += 1;
    }
    let url = format!("/api/v1/profil/{tahun}");
    for i in 0..PUTARAN {
        let d = b.ok("GET", &url, None);
        let v = d["versi"].as_i64().unwrap();
        let (ta, tb) = (format!("Kota A putaran {i}"), format!("Kota B putaran {i}"));
        let isi = |t: &str| {
            let mut x = d["isi"].clone();
            x["tempat_dokumen"] = json!(t);
            json!({"versi": v, "isi": x})
        };
        let j = balap((&a, "PUT", &url, isi(&ta)), (&b, "PUT", &url, isi(&tb)));
        let w = satu_pemenang(&j, &format!("profile round {i}"));
        let d = a.ok("GET", &url, None);
        assert_eq!(d["versi"].as_i64(), Some(v + 1), "round {i}: one change");
        assert_eq!(
            d["isi"]["tempat_dokumen"].as_str(),
            Some(if w == 0 { ta.as_str() } else { tb.as_str() }),
            "round {i}: the winner's profile"
        );
        assert_eq!(
            d["isi"], j[w].isi["isi"],
            "round {i}: stored is what the winner was answered"
        );
    }
    PUTARAN
}
