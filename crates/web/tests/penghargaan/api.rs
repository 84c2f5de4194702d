//! Rewards on the demo instansi (two years of history): the list per kind equals the domain's
//! rule over the store's signed annual evaluations, paged; recording a reward (a priority only
//! for who qualifies, "lainnya" for anyone) is listed and audited; access and bad input; the
//! page with its form.

use super::pelaksanaan_api::{galat, ok};
use super::{lokasi, nilai_input, Uji};
use kinerja_domain::penghargaan::{kelayakan, JenisPenghargaan};
use serde_json::{json, Value};
use std::collections::HashSet;

/// Every item of a kind, following `next_cursor`.
async fn semua_halaman(u: &Uji, t: &str, tahun: i32, jenis: &str) -> (Value, Vec<Value>) {
    let mut items = Vec::new();
    let mut uri = format!("/api/v1/penghargaan?tahun={tahun}&jenis={jenis}");
    let mut pertama = Value::Null;
    loop {
        let d = ok(&u.get(&uri, Some(t)).await, "penghargaan");
        items.extend(d["items"].as_array().unwrap().iter().cloned());
        if pertama.is_null() {
            pertama = d.clone();
        }
        match d["next_cursor"].as_str() {
            Some(c) => uri = format!("/api/v1/penghargaan?tahun={tahun}&jenis={jenis}&cursor={c}"),
            None => return (pertama, items),
        }
    }
}

pub(super) async fn semua(u: &Uji) {
    let inst = u.app.store.instansi_utama().await.unwrap().unwrap().id;
    let t_admin = u.token("admin").await;
    let t_pel = u.token(&u.login("Pelaksana").username).await;
    let tahun = 2025;

    // What the rule says, from the store's signed annual evaluations.
    let pasangan = u
        .app
        .store
        .predikat_dua_tahun(inst, tahun, None)
        .await
        .unwrap();
    let harap = |j: JenisPenghargaan| -> Vec<i64> {
        pasangan
            .iter()
            .filter(|x| kelayakan(x.tahun_lalu, x.tahun_ini) == Some(j))
            .map(|x| x.pegawai_id)
            .collect()
    };
    let talenta = harap(JenisPenghargaan::PrioritasTalenta);
    let kembang = harap(JenisPenghargaan::PrioritasPengembangan);
    assert!(
        !talenta.is_empty(),
        "the demo has pegawai Sangat Baik in 2024 and 2025"
    );
    assert!(
        !kembang.is_empty(),
        "the demo has pegawai Baik in 2024 and 2025"
    );

    let (d, items) = semua_halaman(u, &t_admin, tahun, "prioritas_talenta").await;
    assert_eq!(d["tahun"], tahun);
    assert_eq!(d["jumlah"]["prioritas_talenta"], talenta.len());
    assert_eq!(d["jumlah"]["prioritas_pengembangan"], kembang.len());
    let ids: Vec<i64> = items
        .iter()
        .map(|x| x["pegawai"]["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, talenta);
    for x in &items {
        assert_eq!(
            (
                x["predikat_tahun_lalu"].as_str(),
                x["predikat_tahun_ini"].as_str()
            ),
            (Some("sangat_baik"), Some("sangat_baik"))
        );
    }
    let (_, items_k) = semua_halaman(u, &t_admin, tahun, "prioritas_pengembangan").await;
    let ids_k: Vec<i64> = items_k
        .iter()
        .map(|x| x["pegawai"]["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids_k, kembang, "paged with no pegawai twice or missing");
    assert_eq!(ids_k.iter().collect::<HashSet<_>>().len(), ids_k.len());

    // Record a talent-pool reward for the first who qualifies: listed, audited.
    let siapa = talenta[0];
    let r = u
        .post_json(
            "/api/v1/penghargaan",
            Some(&t_admin),
            json!({"pegawai_id": siapa, "tahun": tahun, "jenis": "prioritas_talenta",
                   "bentuk": "Masuk kelompok rencana suksesi jabatan administrator",
                   "tanggal": "2026-02-10", "nomor_dokumen": "800/21/BKPSDM"}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.teks());
    let p = r.json();
    assert_eq!(
        (p["pegawai_id"].as_i64(), p["dicatat_oleh"].as_str()),
        (Some(siapa), Some("admin"))
    );
    let d = ok(
        &u.get(
            &format!("/api/v1/penghargaan?tahun={tahun}"),
            Some(&t_admin),
        )
        .await,
        "daftar",
    );
    assert_eq!(d["jumlah"]["sudah_dicatat"], 1);
    assert!(d["tercatat"]
        .as_array()
        .unwrap()
        .iter()
        .any(|x| x["id"] == p["id"]));
    let baris = d["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["pegawai"]["id"] == siapa)
        .unwrap()
        .clone();
    assert_eq!(
        baris["diberikan"][0]["bentuk"],
        "Masuk kelompok rencana suksesi jabatan administrator"
    );
    let audit = u.app.store.daftar_audit(inst, 50).await.unwrap();
    let id_p = p["id"].as_i64().unwrap().to_string();
    assert!(
        audit.iter().any(|a| a.entitas == "penghargaan"
            && a.entitas_id == id_p
            && a.aksi == "catat"
            && a.pelaku == "admin"),
        "the reward is in the audit log"
    );

    // A priority for someone who does not qualify: 422 naming the rule; "lainnya" is open.
    let r = u
        .post_json(
            "/api/v1/penghargaan",
            Some(&t_admin),
            json!({"pegawai_id": kembang[0], "tahun": tahun, "jenis": "prioritas_talenta", "bentuk": "Diklat"}),
        )
        .await;
    galat(&r, 422, "tidak_valid", "talent pool for a Baik pegawai");
    assert!(r.json()["error"]["fields"]["jenis"]
        .as_str()
        .unwrap()
        .contains("Sangat Baik dua tahun berturut-turut"));
    let pel = u
        .app
        .store
        .pegawai_by_nip(inst, &u.login("Pelaksana").username)
        .await
        .unwrap()
        .unwrap();
    let r = u
        .post_json(
            "/api/v1/penghargaan",
            Some(&t_admin),
            json!({"pegawai_id": pel.id, "tahun": tahun, "jenis": "lainnya", "bentuk": "Satyalancana Karya Satya"}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.teks());
    let r = u
        .post_json(
            "/api/v1/penghargaan",
            Some(&t_admin),
            json!({"tahun": tahun, "jenis": "lainnya"}),
        )
        .await;
    galat(&r, 422, "tidak_valid", "missing fields");
    let f = r.json()["error"]["fields"].clone();
    assert!(
        f["pegawai_id"].is_string() && f["bentuk"].is_string(),
        "{f}"
    );
    let r = u
        .post_json(
            "/api/v1/penghargaan",
            Some(&t_admin),
            json!({"pegawai_id": 99999999, "tahun": tahun, "jenis": "lainnya", "bentuk": "x"}),
        )
        .await;
    galat(&r, 404, "tidak_ditemukan", "unknown pegawai");
    galat(
        &u.get("/api/v1/penghargaan?jenis=emas", Some(&t_admin))
            .await,
        422,
        "tidak_valid",
        "unknown kind",
    );
    galat(
        &u.get("/api/v1/penghargaan?tahun=abc", Some(&t_admin)).await,
        422,
        "tidak_valid",
        "bad year",
    );
    galat(
        &u.get("/api/v1/penghargaan?tahun=1900", Some(&t_admin))
            .await,
        422,
        "tidak_valid",
        "year out of range",
    );
    galat(
        &u.get("/api/v1/penghargaan", Some(&t_pel)).await,
        403,
        "dilarang",
        "a pegawai",
    );
    galat(
        &u.post_json(
            "/api/v1/penghargaan",
            Some(&t_pel),
            json!({"pegawai_id": pel.id, "tahun": tahun, "jenis": "lainnya", "bentuk": "x"}),
        )
        .await,
        403,
        "dilarang",
        "a pegawai records",
    );
    assert_eq!(u.get("/api/v1/penghargaan", None).await.status, 401);

    // The page: rows, a form that records, an error shown by its form.
    let h = u
        .get(
            &format!("/penghargaan?tahun={tahun}&jenis=prioritas_pengembangan"),
            Some(&t_admin),
        )
        .await;
    assert_eq!(h.status, 200, "{}", h.teks());
    let html = h.teks();
    assert!(html.contains("data-testid=\"baris-penghargaan\""));
    let csrf = nilai_input(&html, "csrf");
    let id = kembang[0].to_string();
    let tahun_s = tahun.to_string();
    let r = u
        .post_form(
            "/penghargaan",
            Some(&t_admin),
            &[
                ("csrf", &csrf),
                ("pegawai_id", &id),
                ("tahun", &tahun_s),
                ("jenis", "prioritas_pengembangan"),
                ("bentuk", "Pelatihan analis kebijakan"),
                ("tanggal", "2026-03-01"),
                ("nomor_dokumen", ""),
                ("catatan", ""),
            ],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.teks());
    assert!(lokasi(&r).starts_with("/penghargaan?tahun=2025&jenis=prioritas_pengembangan"));
    let html = u.get(&lokasi(&r), Some(&t_admin)).await.teks();
    assert!(html.contains("Pelatihan analis kebijakan"));
    let r = u
        .post_form(
            "/penghargaan",
            Some(&t_admin),
            &[
                ("csrf", &csrf),
                ("pegawai_id", &id),
                ("tahun", &tahun_s),
                ("jenis", "prioritas_pengembangan"),
                ("bentuk", "  "),
            ],
        )
        .await;
    assert_eq!(r.status, 422);
    assert!(r.teks().contains("data-testid=\"galat-form\""));
    assert_eq!(u.get("/penghargaan", Some(&t_pel)).await.status, 403);
}
