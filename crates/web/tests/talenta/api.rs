//! The talent view and angka kredit through the API and the pages, on the demo instansi after
//! the evaluation journeys, with every expectation computed from the store (so it holds whatever
//! years the demo carries): the grid's cells equal the store's signed evaluations of the period
//! per unit (drafts apart), the history table equals the signed annual evaluations of the unit's
//! pegawai, angka kredit equals the domain's function part by part and sums exact values, the
//! HR export shows the same parts; access (401, 403 for non-heads and the own rater, 404 for
//! the unrelated), bad input 422 naming the field; the pages with and without a fault.

use super::pelaksanaan_api::galat;
use super::{Jawab, Uji};
use axum::http::StatusCode;
use chrono::Datelike;
use kinerja_domain::angka_kredit::{angka_kredit, bulatkan_2};
use kinerja_domain::evaluasi::StatusEvaluasi;
use kinerja_domain::jabatan::{JenisJabatan, Jenjang};
use kinerja_domain::kuadran::{Predikat, Rating};
use kinerja_store::{Evaluasi, FilterEvaluasi, Store};
use serde_json::Value;
use std::collections::{BTreeMap, HashMap, HashSet};

fn json(r: &Jawab, apa: &str) -> Value {
    assert_eq!(r.status, StatusCode::OK, "{apa}: {}", r.teks());
    r.json()
}

/// The units of `akar`'s subtree (itself included).
async fn subpohon(store: &dyn Store, inst: i64, akar: i64) -> HashSet<i64> {
    let unit = store.daftar_unit(inst).await.unwrap();
    let mut v: HashSet<i64> = [akar].into();
    loop {
        let n = v.len();
        for u in &unit {
            if u.induk_id.is_some_and(|i| v.contains(&i)) {
                v.insert(u.id);
            }
        }
        if v.len() == n {
            return v;
        }
    }
}

async fn evaluasi_periode(store: &dyn Store, inst: i64, periode: &str) -> Vec<Evaluasi> {
    store
        .daftar_evaluasi(
            inst,
            &FilterEvaluasi {
                periode: Some(periode.into()),
                limit: 1_000_000,
                ..Default::default()
            },
        )
        .await
        .unwrap()
}

fn kode<T: serde::de::DeserializeOwned>(v: &Value) -> T {
    serde_json::from_value(v.clone()).unwrap_or_else(|e| panic!("{v}: {e}"))
}

/// The grid of `r` against the store's evaluations of its period in `unit` (all when none).
fn cocokkan_kisi(r: &Value, eval: &[Evaluasi], unit: Option<&HashSet<i64>>, apa: &str) {
    let dalam: Vec<&Evaluasi> = eval
        .iter()
        .filter(|e| unit.is_none_or(|u| e.unit_id.is_some_and(|x| u.contains(&x))))
        .collect();
    let ttd: Vec<&&Evaluasi> = dalam.iter().filter(|e| e.status.terkunci()).collect();
    assert_eq!(r["jumlah"].as_u64().unwrap() as usize, ttd.len(), "{apa}");
    assert_eq!(
        r["belum_ditandatangani"].as_u64().unwrap() as usize,
        dalam.len() - ttd.len(),
        "{apa}: drafts apart"
    );
    // Rows top to bottom Di Atas → Di Bawah; columns left to right Di Bawah → Di Atas.
    let baris: Vec<Rating> = r["baris"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| kode(&b["rating_hasil_kerja"]))
        .collect();
    assert_eq!(baris, Rating::SEMUA, "{apa}");
    let kolom: Vec<Rating> = kode(&r["kolom"]);
    assert_eq!(
        kolom,
        Rating::SEMUA.iter().rev().copied().collect::<Vec<_>>()
    );
    let mut per_predikat: BTreeMap<Predikat, u64> = BTreeMap::new();
    for b in r["baris"].as_array().unwrap() {
        let h: Rating = kode(&b["rating_hasil_kerja"]);
        for (c, p) in b["sel"].as_array().unwrap().iter().zip(&kolom) {
            assert_eq!(kode::<Rating>(&c["rating_perilaku"]), *p);
            let pk: Predikat = kode(&c["predikat"]);
            assert_eq!(pk, kinerja_domain::kuadran::predikat(h, *p), "{apa}");
            let di_sel: HashSet<i64> = ttd
                .iter()
                .filter(|e| e.rating_hasil_kerja == h && e.rating_perilaku == *p)
                .map(|e| e.id)
                .collect();
            let n = c["jumlah"].as_u64().unwrap();
            assert_eq!(n as usize, di_sel.len(), "{apa}: {h:?} × {p:?}");
            *per_predikat.entry(pk).or_default() += n;
            let nama = c["pegawai"].as_array().unwrap();
            assert_eq!(
                nama.len() as u64 + c["pegawai_lainnya"].as_u64().unwrap(),
                n
            );
            for x in nama {
                let id = x["evaluasi_id"].as_i64().unwrap();
                assert!(di_sel.contains(&id), "{apa}: {x}");
                assert_eq!(
                    x["tautan"],
                    format!(
                        "/evaluasi/skp/{}/{}",
                        x["skp_id"],
                        x["periode"].as_str().unwrap()
                    )
                );
            }
            let persen = c["persen"].as_f64().unwrap();
            if !ttd.is_empty() {
                let harap = (n as f64 * 1000.0 / ttd.len() as f64).round() / 10.0;
                assert_eq!(persen, harap);
            }
        }
    }
    let api: BTreeMap<Predikat, u64> = kode(&r["per_predikat"]);
    assert_eq!(
        api.into_iter()
            .filter(|x| x.1 > 0)
            .collect::<BTreeMap<_, _>>(),
        per_predikat
            .into_iter()
            .filter(|x| x.1 > 0)
            .collect::<BTreeMap<_, _>>()
    );
}

/// A pegawai's angka kredit from the API against the domain's function and the store.
async fn cocokkan_angka_kredit(u: &Uji, inst: i64, t: &str, nip: &str) -> Value {
    let store = &u.app.store;
    let ak = json(
        &u.get(&format!("/api/v1/pegawai/{nip}/angka_kredit"), Some(t))
            .await,
        nip,
    );
    let pegawai_id = ak["pegawai"]["id"].as_i64().unwrap();
    let mut kumulatif = 0.0;
    for y in ak["tahun"].as_array().unwrap() {
        let tahun = y["tahun"].as_i64().unwrap() as i32;
        let mut jumlah = 0.0;
        let mut bulan_dipakai: HashSet<u64> = HashSet::new();
        let eval = store
            .daftar_evaluasi(
                inst,
                &FilterEvaluasi {
                    tahun: Some(tahun),
                    pegawai_id: Some(vec![pegawai_id]),
                    limit: 1000,
                    ..Default::default()
                },
            )
            .await
            .unwrap();
        for b in y["bagian"].as_array().unwrap() {
            for m in b["bulan"].as_array().unwrap() {
                assert!(
                    bulan_dipakai.insert(m.as_u64().unwrap()),
                    "{nip} {tahun}: a month counted once"
                );
            }
            let n = b["jumlah_bulan"].as_u64().unwrap() as u32;
            assert_eq!(n as usize, b["bulan"].as_array().unwrap().len());
            let skp_id = b["skp_id"].as_i64().unwrap();
            match (b["predikat"].as_str(), b["jenjang"].as_str()) {
                (Some(p), Some(j)) if n > 0 => {
                    let p: Predikat = p.parse().unwrap();
                    let j: Jenjang = j.parse().unwrap();
                    let d = angka_kredit(j, p, n).unwrap();
                    assert_eq!(b["angka_kredit"].as_f64(), Some(d.angka_kredit), "{b}");
                    assert_eq!(b["nilai_eksak"].as_f64(), Some(d.nilai_eksak), "{b}");
                    assert_eq!(b["koefisien"].as_f64(), Some(d.koefisien));
                    assert_eq!(b["persentase"].as_f64(), Some(d.persentase));
                    jumlah += d.nilai_eksak;
                    // The predikat is a signed evaluation's: the annual one of this SKP, or the
                    // periodic one of each month's period.
                    let ttd: Vec<&Evaluasi> = eval.iter().filter(|e| e.status.terkunci()).collect();
                    if b["dasar"] == "tahunan" {
                        assert!(
                            ttd.iter().any(|e| e.skp_id == skp_id
                                && e.periode == tahun.to_string()
                                && e.predikat == p),
                            "{nip} {tahun}: {b}"
                        );
                    } else {
                        for per in b["periode"].as_array().unwrap() {
                            assert!(
                                ttd.iter()
                                    .any(|e| e.periode == per.as_str().unwrap() && e.predikat == p),
                                "{nip} {per}: {b}"
                            );
                        }
                    }
                }
                _ => assert!(b["angka_kredit"].is_null() && b["keterangan"].is_string()),
            }
        }
        assert!(bulan_dipakai.len() <= 12);
        assert_eq!(
            y["jumlah"].as_f64().unwrap(),
            bulatkan_2(jumlah),
            "{nip} {tahun}"
        );
        kumulatif += jumlah;
        assert_eq!(y["kumulatif"].as_f64().unwrap(), bulatkan_2(kumulatif));
        // Every signed annual evaluation of a JF SKP shows in its year.
        for e in eval
            .iter()
            .filter(|e| e.status.terkunci() && e.periode == tahun.to_string())
        {
            let s = store.skp(inst, e.skp_id).await.unwrap().unwrap().skp;
            if s.jenis_jabatan == Some(JenisJabatan::Fungsional) {
                assert!(
                    y["bagian"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .any(|b| b["skp_id"] == e.skp_id
                            && b["dasar"] == "tahunan"
                            && b["predikat"] == e.predikat.kode()),
                    "{nip} {tahun}: the annual {:?}",
                    e.predikat
                );
            }
        }
    }
    assert_eq!(
        ak["jumlah"].as_f64().unwrap(),
        bulatkan_2(kumulatif),
        "{nip}"
    );
    ak
}

pub(super) async fn semua(u: &Uji) {
    let store = &u.app.store;
    let inst = u.app.instansi_utama().await.unwrap().id;
    let t_admin = u.token("admin").await;
    let t_kadis = u.token(&u.login("Kepala Dinas").username).await;
    let t_kabid = u.token(&u.login("Kepala Bidang").username).await;
    let t_kasi = u.token(&u.login("Kepala Seksi").username).await;
    let nip_jf = u.login("Jabatan Fungsional").username.clone();
    let t_jf = u.token(&nip_jf).await;
    let nip_pelaksana = u.login("Pelaksana").username.clone();
    let t_pelaksana = u.token(&nip_pelaksana).await;
    let semua_pegawai = store.semua_pegawai(inst).await.unwrap();

    // --- 401 without login; 403 for pegawai who lead no unit ---------------------------------
    for uri in [
        "/api/v1/talenta".to_string(),
        "/api/v1/talenta/riwayat".to_string(),
        "/api/v1/angka_kredit".to_string(),
        format!("/api/v1/pegawai/{nip_jf}/angka_kredit"),
        format!("/api/v1/pegawai/{nip_jf}/riwayat_kinerja"),
    ] {
        galat(&u.get(&uri, None).await, 401, "belum_masuk", &uri);
    }
    for t in [&t_jf, &t_pelaksana] {
        galat(
            &u.get("/api/v1/talenta", Some(t)).await,
            403,
            "dilarang",
            "grid for a pegawai",
        );
        galat(
            &u.get("/api/v1/talenta/riwayat", Some(t)).await,
            403,
            "dilarang",
            "history for a pegawai",
        );
    }

    // --- the grid: the store's signed evaluations per cell, drafts apart -----------------------
    let r = json(&u.get("/api/v1/talenta", Some(&t_admin)).await, "grid");
    let hari = kinerja_app::skp::hari_ini();
    let lalu = hari.with_day(1).unwrap().pred_opt().unwrap();
    let periode = r["periode"].as_str().unwrap().to_string();
    if !periode.contains('T') {
        assert_eq!(
            periode,
            lalu.format("%Y-%m").to_string(),
            "the last ended month"
        );
    }
    assert_eq!(r["unit_id"], Value::Null);
    let eval = evaluasi_periode(store.as_ref(), inst, &periode).await;
    assert!(!eval.is_empty(), "the demo has evaluations of {periode}");
    cocokkan_kisi(&r, &eval, None, "instansi");
    // One unit with its sub-units, as the unit head and as HR see it; the unit alone.
    let me_kabid = json(&u.get("/api/v1/me", Some(&t_kabid)).await, "me");
    let unit_kabid = me_kabid["pegawai"]["unit_id"].as_i64().unwrap();
    let bawah = subpohon(store.as_ref(), inst, unit_kabid).await;
    let uri = format!("/api/v1/talenta?unit_id={unit_kabid}&periode={periode}");
    let oleh_kabid = json(&u.get(&uri, Some(&t_kabid)).await, "kabid grid");
    cocokkan_kisi(&oleh_kabid, &eval, Some(&bawah), "kabid");
    assert_eq!(
        oleh_kabid,
        json(&u.get(&uri, Some(&t_admin)).await, "admin grid"),
        "the same grid for HR"
    );
    let sendiri = json(
        &u.get(&format!("{uri}&subunit=false"), Some(&t_admin)).await,
        "unit alone",
    );
    cocokkan_kisi(&sendiri, &eval, Some(&[unit_kabid].into()), "unit alone");
    assert_eq!(sendiri["subunit"], false);
    // A head's whole scope when no unit is chosen.
    let lingkup = json(
        &u.get(
            &format!("/api/v1/talenta?periode={periode}"),
            Some(&t_kabid),
        )
        .await,
        "kabid scope",
    );
    assert_eq!(lingkup["jumlah"], oleh_kabid["jumlah"]);
    // The annual evaluations of every year the demo carries.
    for tahun in [hari.year() - 2, hari.year() - 1, hari.year()] {
        let kode_tahun = tahun.to_string();
        let r = json(
            &u.get(
                &format!("/api/v1/talenta?periode={kode_tahun}"),
                Some(&t_admin),
            )
            .await,
            "annual grid",
        );
        assert_eq!(r["periode"], kode_tahun);
        cocokkan_kisi(
            &r,
            &evaluasi_periode(store.as_ref(), inst, &kode_tahun).await,
            None,
            &kode_tahun,
        );
    }
    // A unit outside a head's scope 403; unknown 404; bad values 422 naming the field.
    let induk = store
        .daftar_unit(inst)
        .await
        .unwrap()
        .into_iter()
        .find(|x| x.id == unit_kabid)
        .and_then(|x| x.induk_id)
        .expect("the bidang's dinas");
    galat(
        &u.get(&format!("/api/v1/talenta?unit_id={induk}"), Some(&t_kasi))
            .await,
        403,
        "dilarang",
        "outside the scope",
    );
    galat(
        &u.get("/api/v1/talenta?unit_id=99999999", Some(&t_admin))
            .await,
        404,
        "tidak_ditemukan",
        "unknown unit",
    );
    for (q, bidang) in [
        ("periode=kemarin", "periode"),
        ("periode=2026-13", "periode"),
        ("periode=2026-T2", "periode"),
        ("unit_id=abc", "unit_id"),
        ("subunit=mungkin", "subunit"),
    ] {
        let r = u.get(&format!("/api/v1/talenta?{q}"), Some(&t_admin)).await;
        galat(&r, 422, "tidak_valid", q);
        assert!(
            r.json()["error"]["fields"][bidang].is_string(),
            "{q}: {}",
            r.teks()
        );
    }

    // --- the history: the unit's pegawai × years, each cell the signed annual evaluation ------
    let awal = hari.year() - 2;
    let akhir = hari.year();
    let uri = format!(
        "/api/v1/talenta/riwayat?unit_id={unit_kabid}&tahun_awal={awal}&tahun_akhir={akhir}"
    );
    let r = json(&u.get(&uri, Some(&t_kabid)).await, "history");
    assert_eq!(
        kode::<Vec<i32>>(&r["tahun"]),
        (awal..=akhir).collect::<Vec<_>>()
    );
    let items = r["items"].as_array().unwrap();
    let mut di_unit: Vec<i64> = semua_pegawai
        .iter()
        .filter(|p| p.unit_id.is_some_and(|x| bawah.contains(&x)))
        .map(|p| p.id)
        .collect();
    di_unit.sort_unstable();
    assert_eq!(
        items
            .iter()
            .map(|x| x["pegawai_id"].as_i64().unwrap())
            .collect::<Vec<_>>(),
        di_unit,
        "the unit's pegawai now, by id"
    );
    assert_eq!(r["next_cursor"], Value::Null);
    let mut tahunan: HashMap<(i64, i32), Vec<Evaluasi>> = HashMap::new();
    for t in awal..=akhir {
        for e in evaluasi_periode(store.as_ref(), inst, &t.to_string()).await {
            tahunan.entry((e.pegawai_id, t)).or_default().push(e);
        }
    }
    let mut terisi = 0;
    for x in items {
        let id = x["pegawai_id"].as_i64().unwrap();
        for c in x["tahun"].as_array().unwrap() {
            let t = c["tahun"].as_i64().unwrap() as i32;
            let v = tahunan.get(&(id, t)).cloned().unwrap_or_default();
            match v.iter().find(|e| e.status.terkunci()) {
                Some(e) => {
                    terisi += 1;
                    assert_eq!(c["evaluasi"]["evaluasi_id"], e.id, "{x}");
                    assert_eq!(c["evaluasi"]["predikat"], e.predikat.kode());
                    assert_eq!(
                        c["evaluasi"]["rating_hasil_kerja"],
                        e.rating_hasil_kerja.kode()
                    );
                    assert_eq!(c["evaluasi"]["rating_perilaku"], e.rating_perilaku.kode());
                }
                None => assert!(c["evaluasi"].is_null(), "{x}"),
            }
            assert_eq!(
                c["draf"],
                v.iter().any(|e| e.status == StatusEvaluasi::Draf),
                "{x}"
            );
        }
    }
    println!(
        "talenta: {} pegawai × {} years, {terisi} signed annual cells",
        items.len(),
        akhir - awal + 1
    );
    // In pages of three: the same rows.
    let mut berhalaman = Vec::new();
    let mut cursor = String::new();
    loop {
        let r = json(
            &u.get(&format!("{uri}&limit=3&cursor={cursor}"), Some(&t_admin))
                .await,
            "page",
        );
        let n = r["items"].as_array().unwrap().len();
        assert!(n <= 3);
        berhalaman.extend(r["items"].as_array().unwrap().iter().cloned());
        match r["next_cursor"].as_str() {
            Some(c) => cursor = c.to_string(),
            None => break,
        }
    }
    assert_eq!(&berhalaman, items);
    for (q, bidang) in [
        ("tahun_awal=2026&tahun_akhir=2025", "tahun_awal"),
        ("tahun_awal=2000&tahun_akhir=2026", "tahun_awal"),
        ("tahun_awal=abc", "tahun_awal"),
        ("tahun_akhir=12345", "tahun_akhir"),
        ("limit=0", "limit"),
        ("limit=5000", "limit"),
        ("cursor=kemarin", "cursor"),
    ] {
        let r = u
            .get(&format!("/api/v1/talenta/riwayat?{q}"), Some(&t_admin))
            .await;
        galat(&r, 422, "tidak_valid", q);
        assert!(
            r.json()["error"]["fields"][bidang].is_string(),
            "{q}: {}",
            r.teks()
        );
    }

    // --- angka kredit: the domain's function part by part; exact sums -------------------------
    // JF pegawai with a signed annual evaluation in any of the years, and those with an SKP
    // closed by a mutasi.
    let jf: HashMap<i64, &kinerja_store::Pegawai> = semua_pegawai
        .iter()
        .filter(|p| p.jenis_jabatan == Some(JenisJabatan::Fungsional))
        .map(|p| (p.id, p))
        .collect();
    let mut diuji: Vec<String> = Vec::new();
    for t in awal..=akhir {
        for e in tahunan
            .iter()
            .filter(|((_, y), _)| *y == t)
            .flat_map(|(_, v)| v)
            .filter(|e| e.status.terkunci())
        {
            if jf.contains_key(&e.pegawai_id) && !diuji.contains(&e.nip) && diuji.len() < 12 {
                diuji.push(e.nip.clone());
            }
        }
        for s in store.skp_ditutup_laporan(inst, t).await.unwrap() {
            if let Some(p) = semua_pegawai.iter().find(|p| p.id == s.pegawai_id) {
                if !diuji.contains(&p.nip.to_string()) {
                    diuji.push(p.nip.to_string());
                }
            }
        }
    }
    assert!(!diuji.is_empty(), "the demo has JF with signed evaluations");
    let mut per_nip: HashMap<String, Value> = HashMap::new();
    for nip in &diuji {
        per_nip.insert(
            nip.clone(),
            cocokkan_angka_kredit(u, inst, &t_admin, nip).await,
        );
    }
    println!("talenta: angka kredit checked for {} pegawai", diuji.len());
    // The same through the numeric id; the JF login's own.
    let (nip0, ak0) = per_nip.iter().next().unwrap();
    let id0 = ak0["pegawai"]["id"].as_i64().unwrap();
    assert_eq!(
        &json(
            &u.get(
                &format!("/api/v1/pegawai/{id0}/angka_kredit"),
                Some(&t_admin)
            )
            .await,
            "by id"
        ),
        ak0,
        "{nip0}"
    );
    let sendiri = json(&u.get("/api/v1/angka_kredit", Some(&t_jf)).await, "own");
    assert_eq!(sendiri["pegawai"]["nip"], nip_jf.as_str());
    assert_eq!(
        sendiri,
        cocokkan_angka_kredit(u, inst, &t_jf, &nip_jf).await,
        "own = by NIP"
    );
    galat(
        &u.get("/api/v1/angka_kredit", Some(&t_admin)).await,
        404,
        "tidak_ditemukan",
        "admin has no pegawai",
    );

    // --- the HR export shows the same parts (one computation) ---------------------------------
    for t in awal..=akhir {
        let r = u
            .get(
                &format!("/api/v1/laporan/angka_kredit?periode={t}&format=csv"),
                Some(&t_admin),
            )
            .await;
        assert_eq!(r.status, 200, "{}", r.teks());
        let mut rd = csv::ReaderBuilder::new().from_reader(&r.body[3..]);
        let kepala: Vec<String> = rd.headers().unwrap().iter().map(str::to_string).collect();
        let k = |j: &str| kepala.iter().position(|x| x == j).unwrap();
        let mut dari_laporan: Vec<(String, String, String, String)> = Vec::new();
        for rec in rd.records() {
            let rec = rec.unwrap();
            dari_laporan.push((
                rec[k("NIP")].to_string(),
                rec[k("Bulan")].to_string(),
                rec[k("Predikat")].to_string(),
                rec[k("Angka Kredit")].to_string(),
            ));
        }
        for (nip, ak) in &per_nip {
            let mut harap: Vec<(String, String, String, String)> = ak["tahun"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|y| y["tahun"] == t)
                .flat_map(|y| y["bagian"].as_array().unwrap().clone())
                .filter(|b| b["predikat"].is_string())
                .map(|b| {
                    (
                        nip.clone(),
                        b["jumlah_bulan"].to_string(),
                        kode::<Predikat>(&b["predikat"]).label().to_string(),
                        b["angka_kredit"]
                            .as_f64()
                            .map(|x| format!("{x:.2}"))
                            .unwrap_or_default(),
                    )
                })
                .collect();
            let mut ada: Vec<_> = dari_laporan
                .iter()
                .filter(|x| &x.0 == nip)
                .cloned()
                .collect();
            harap.sort();
            ada.sort();
            assert_eq!(ada, harap, "{nip} {t}: export = page");
        }
    }

    // --- who may see one pegawai's history and angka kredit -----------------------------------
    let penilai = json(
        &u.get(
            &format!("/api/v1/pegawai/{nip_pelaksana}/penilai"),
            Some(&t_admin),
        )
        .await,
        "rater",
    );
    let nip_penilai = penilai["pejabat_penilai"]["nip"]
        .as_str()
        .unwrap()
        .to_string();
    for (t, nip, status, apa) in [
        (&t_pelaksana, nip_pelaksana.as_str(), 200, "themself"),
        (&t_kasi, nip_pelaksana.as_str(), 200, "their rater"),
        (&t_kadis, nip_pelaksana.as_str(), 200, "the head above"),
        (&t_admin, nip_pelaksana.as_str(), 200, "HR"),
        (&t_pelaksana, nip_penilai.as_str(), 403, "one's own rater"),
        (&t_jf, nip_pelaksana.as_str(), 404, "a peer"),
        (&t_admin, "199901012020011999", 404, "unknown NIP"),
        (&t_admin, "bukan-nip", 404, "garbage"),
    ] {
        for jenis in ["angka_kredit", "riwayat_kinerja"] {
            let r = u
                .get(&format!("/api/v1/pegawai/{nip}/{jenis}"), Some(t))
                .await;
            assert_eq!(r.status.as_u16(), status, "{apa} {jenis}: {}", r.teks());
        }
    }
    // The pegawai's years: the signed annual evaluation and the signed periodic ones.
    let nip_riwayat = diuji.last().unwrap().clone();
    let r = json(
        &u.get(
            &format!("/api/v1/pegawai/{nip_riwayat}/riwayat_kinerja"),
            Some(&t_admin),
        )
        .await,
        "riwayat",
    );
    assert_eq!(r["angka_kredit"], true);
    let pid = r["pegawai"]["id"].as_i64().unwrap();
    let tahun_r: Vec<i64> = r["tahun"]
        .as_array()
        .unwrap()
        .iter()
        .map(|y| y["tahun"].as_i64().unwrap())
        .collect();
    let mut urut = tahun_r.clone();
    urut.sort_unstable_by(|a, b| b.cmp(a));
    assert_eq!(tahun_r, urut, "newest first");
    for y in r["tahun"].as_array().unwrap() {
        let t = y["tahun"].as_i64().unwrap() as i32;
        let eval = store
            .daftar_evaluasi(
                inst,
                &FilterEvaluasi {
                    tahun: Some(t),
                    pegawai_id: Some(vec![pid]),
                    limit: 1000,
                    ..Default::default()
                },
            )
            .await
            .unwrap();
        let ttd_tahunan = eval
            .iter()
            .find(|e| e.status.terkunci() && e.periode == t.to_string());
        assert_eq!(
            y["tahunan"]["evaluasi"]["evaluasi_id"].as_i64(),
            ttd_tahunan.map(|e| e.id)
        );
        let periodik: HashSet<i64> = eval
            .iter()
            .filter(|e| e.status.terkunci() && e.periode.contains('-'))
            .map(|e| e.id)
            .collect();
        assert_eq!(
            y["periodik"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e["evaluasi_id"].as_i64().unwrap())
                .collect::<HashSet<_>>(),
            periodik
        );
    }

    // --- the pages ------------------------------------------------------------------------------
    let r = u.get("/talenta", Some(&t_admin)).await;
    assert_eq!(r.status, 200, "{}", r.teks());
    let html = r.teks();
    assert!(html.contains("data-testid=\"kisi-talenta\""));
    assert!(html.contains("data-testid=\"riwayat-talenta\""));
    let jumlah = json(&u.get("/api/v1/talenta", Some(&t_admin)).await, "grid")["jumlah"].clone();
    assert!(
        html.contains(&format!("data-testid=\"jumlah-talenta\">{jumlah}<")),
        "the page shows the API's count"
    );
    let r = u
        .get(
            &format!("/talenta?unit_id={unit_kabid}&subunit=true&periode={periode}"),
            Some(&t_kabid),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.teks());
    assert!(r.teks().contains(&format!(
        "data-testid=\"jumlah-talenta\">{}<",
        oleh_kabid["jumlah"]
    )));
    let r = u.get("/talenta?periode=kemarin", Some(&t_admin)).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.teks().contains("data-testid=\"galat-talenta\""));
    assert!(r.teks().contains("aria-invalid=\"true\""));
    let r = u.get("/talenta", Some(&t_pelaksana)).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = u.get("/talenta", None).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = u.get("/angka-kredit", Some(&t_jf)).await;
    assert_eq!(r.status, 200, "{}", r.teks());
    assert!(r.teks().contains("data-testid=\"judul-angka-kredit\""));
    let ak = &per_nip[&nip_riwayat];
    let r = u
        .get(
            &format!("/pegawai/{nip_riwayat}/angka-kredit"),
            Some(&t_admin),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.teks());
    assert!(r.teks().contains(&format!(
        "data-testid=\"angka-kredit-kumulatif\">{:.2}<",
        ak["jumlah"].as_f64().unwrap()
    )));
    let r = u
        .get(
            &format!("/pegawai/{nip_riwayat}/riwayat-kinerja"),
            Some(&t_admin),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.teks());
    assert!(r.teks().contains("data-testid=\"judul-riwayat-kinerja\""));
    let r = u
        .get(
            &format!("/pegawai/{nip_pelaksana}/angka-kredit"),
            Some(&t_jf),
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    // The pegawai page links there for those who may follow the link.
    let r = u
        .get(&format!("/pegawai/{nip_riwayat}"), Some(&t_admin))
        .await;
    assert!(r
        .teks()
        .contains(&format!("href=\"/pegawai/{nip_riwayat}/riwayat-kinerja\"")));
    assert!(r
        .teks()
        .contains(&format!("href=\"/pegawai/{nip_riwayat}/angka-kredit\"")));
    let r = u
        .get(&format!("/pegawai/{nip_pelaksana}"), Some(&t_kasi))
        .await;
    assert!(r.teks().contains("data-testid=\"tautan-riwayat-kinerja\""));
    let r = u
        .get(&format!("/pegawai/{nip_penilai}"), Some(&t_pelaksana))
        .await;
    assert_eq!(r.status, 200);
    assert!(
        !r.teks().contains("data-testid=\"tautan-riwayat-kinerja\""),
        "not to one's own rater's history"
    );
}
