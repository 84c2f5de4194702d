//! The policy profile through the API and the page, last of the journeys (it writes only
//! versions for years after this one, and puts the rater table back as it was): the versions
//! and the version in force for a year; a new version as a copy of the one in force; a second
//! version for a year (409), a past year (422), a TPP table without a predikat (422 naming it);
//! an edit at its version, a stale one (409, nothing overwritten), a year without a version of
//! its own (404); the audit entries with before and after; the rater table (Lampiran II) read,
//! refused when stale or malformed, changed and restored; 401 logged out, 403 for a pegawai;
//! the page's forms: a bad table shown again with its message and the values as typed, a saved
//! one, a stale one (409) showing the current values, the new-version form.

use super::pelaksanaan_api::{galat, ok};
use super::{lokasi, nilai_input, Uji};
use axum::http::{Method, StatusCode};
use kinerja_domain::kuadran::{CapaianOrganisasi, Predikat};
use kinerja_domain::profil::ProfilKebijakan;
use serde_json::{json, Value};

/// The profile form's fields for a profile, named as the page names them.
fn isian_form(csrf: &str, versi: i64, p: &ProfilKebijakan) -> Vec<(String, String)> {
    let mut v = vec![
        ("csrf".to_string(), csrf.to_string()),
        ("versi".to_string(), versi.to_string()),
        ("periode".to_string(), p.periode.kode().to_string()),
    ];
    for k in &p.distribusi.kurva {
        for (i, b) in k.batas.iter().enumerate() {
            let n = format!("distribusi.{}.{i}", k.capaian.kode());
            for pr in &b.predikat {
                v.push((format!("{n}.predikat"), pr.kode().to_string()));
            }
            v.push((format!("{n}.batas"), b.batas.kode().to_string()));
            v.push((format!("{n}.persen"), b.persen.to_string()));
            v.push((
                format!("{n}.minimal_pegawai"),
                b.minimal_pegawai.to_string(),
            ));
        }
    }
    for t in &p.tpp {
        v.push((
            format!("tpp.{}", t.predikat.kode()),
            t.persen_potongan.to_string(),
        ));
    }
    v.extend([
        (
            "kalender.hari_pengingat".to_string(),
            p.kalender.hari_pengingat.to_string(),
        ),
        (
            "kalender.frekuensi_umpan_balik".to_string(),
            p.kalender.frekuensi_umpan_balik.kode().to_string(),
        ),
        (
            "kalender.hari_evaluasi".to_string(),
            p.kalender.hari_evaluasi.to_string(),
        ),
        ("tempat_dokumen".to_string(), p.tempat_dokumen.clone()),
        (
            "redaksi_sanksi.pemberhentian".to_string(),
            p.redaksi_sanksi.pemberhentian.clone(),
        ),
    ]);
    let k = &p.keamanan_masuk;
    for (nama, n) in [
        ("maks_gagal_akun", k.maks_gagal_akun),
        ("maks_gagal_alamat", k.maks_gagal_alamat),
        ("jendela_menit", k.jendela_menit),
        ("lama_kunci_menit", k.lama_kunci_menit),
    ] {
        v.push((format!("keamanan_masuk.{nama}"), n.to_string()));
    }
    if k.kunci_akun {
        v.push(("keamanan_masuk.kunci_akun".to_string(), "1".to_string()));
    }
    v
}

fn ganti(v: &mut [(String, String)], nama: &str, nilai: &str) {
    for (k, x) in v.iter_mut() {
        if k == nama {
            *x = nilai.to_string();
        }
    }
}

fn isi(v: &Value) -> ProfilKebijakan {
    serde_json::from_value(v["isi"].clone()).expect("isi is a ProfilKebijakan")
}

pub(super) async fn semua(u: &Uji) {
    let ini = kinerja_app::profil::tahun_ini();
    let y = ini + 2;
    let t_admin = u.token("admin").await;
    let t_kadis = u.token(&u.login("Kepala Dinas").username.clone()).await;
    let inst = u.app.instansi_utama().await.unwrap().id;
    let put = |uri: String, t: String, body: Value| async move {
        u.kirim(
            Method::PUT,
            &uri,
            Some(&t),
            Some(("application/json", body.to_string().into_bytes())),
        )
        .await
    };
    let admin = Some(t_admin.as_str());

    // --- who may: logged out 401, a pegawai 403 ----------------------------------------------
    for uri in [
        "/api/v1/profil".to_string(),
        format!("/api/v1/profil/{ini}"),
        "/api/v1/profil/tabel-penilai".to_string(),
    ] {
        galat(&u.get(&uri, None).await, 401, "belum_masuk", &uri);
        galat(&u.get(&uri, Some(&t_kadis)).await, 403, "dilarang", &uri);
    }
    let r = u
        .post_json("/api/v1/profil", Some(&t_kadis), json!({"tahun": y}))
        .await;
    galat(&r, 403, "dilarang", "a pegawai creates a version");
    let r = put(
        format!("/api/v1/profil/{ini}"),
        t_kadis.clone(),
        json!({"versi": 1, "isi": ProfilKebijakan::default()}),
    )
    .await;
    galat(&r, 403, "dilarang", "a pegawai edits a version");

    // --- the versions and the version in force --------------------------------------------------
    let daftar = ok(&u.get("/api/v1/profil", admin).await, "versions");
    let items = daftar["items"].as_array().unwrap();
    assert!(!items.is_empty(), "the demo sets a profile");
    assert!(items
        .iter()
        .all(|v| v["tahun"].is_i64() && v["versi"].is_i64() && v["diubah"].is_string()));
    let kini = ok(
        &u.get(&format!("/api/v1/profil/{ini}"), admin).await,
        "in force",
    );
    assert_eq!(kini["tahun"], ini);
    assert!(kini["berlaku_sejak"].as_i64().unwrap() <= i64::from(ini));
    assert_eq!(kini["dapat_diubah"], true);
    assert_eq!(
        kini["isi"]["tpp"].as_array().unwrap().len(),
        5,
        "one row per predikat"
    );
    let lalu = ok(
        &u.get(&format!("/api/v1/profil/{}", ini - 1), admin).await,
        "last year",
    );
    assert_eq!(lalu["dapat_diubah"], false, "a past year is closed");
    galat(
        &u.get("/api/v1/profil/dua-ribu", admin).await,
        422,
        "tidak_valid",
        "a year that is not a number",
    );
    let sebelum = ok(&u.get(&format!("/api/v1/profil/{y}"), admin).await, "y");
    assert_ne!(sebelum["berlaku_sejak"], y, "no version of {y} yet");

    // --- a new version: a copy of the one in force; overlapping, past and bad tables refused ---
    let r = u
        .post_json("/api/v1/profil", admin, json!({"tahun": y}))
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.teks());
    let v = r.json();
    assert_eq!(
        (v["berlaku_sejak"].as_i64(), v["versi"].as_i64()),
        (Some(y.into()), Some(1))
    );
    assert_eq!(v["isi"], sebelum["isi"], "a copy of the version in force");
    let r = u
        .post_json("/api/v1/profil", admin, json!({"tahun": y}))
        .await;
    galat(&r, 409, "konflik", "a second version for a year");
    assert!(
        r.json()["error"]["message"]
            .as_str()
            .unwrap()
            .contains("tumpang tindih"),
        "{}",
        r.teks()
    );
    let r = u
        .post_json("/api/v1/profil", admin, json!({"tahun": ini - 1}))
        .await;
    galat(&r, 422, "tidak_valid", "a past year");
    assert!(r.json()["error"]["fields"]["tahun"]
        .as_str()
        .unwrap()
        .contains("sudah lewat"));
    let mut tanpa_kurang = ProfilKebijakan::default();
    tanpa_kurang.tpp.retain(|t| t.predikat != Predikat::Kurang);
    let r = u
        .post_json(
            "/api/v1/profil",
            admin,
            json!({"tahun": y + 1, "isi": tanpa_kurang}),
        )
        .await;
    galat(&r, 422, "tidak_valid", "a TPP table without Kurang");
    let e = r.json();
    assert_eq!(
        e["error"]["fields"]["isi.tpp.kurang"],
        "Tabel potongan TPP belum memuat predikat Kurang"
    );
    assert!(e["error"]["message"]
        .as_str()
        .unwrap()
        .contains("Tabel potongan TPP belum memuat predikat Kurang"));
    let r = u
        .post_json(
            "/api/v1/profil",
            admin,
            json!({"tahun": y + 1, "isi": {"periode": "tahunan"}}),
        )
        .await;
    galat(&r, 422, "tidak_valid", "a malformed profile");
    let daftar = ok(&u.get("/api/v1/profil", admin).await, "versions");
    assert!(
        !daftar["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|v| v["tahun"] == y + 1),
        "a refused version is not created"
    );

    // --- an edit at its version; a stale one; an invalid one; a year without its own version ---
    let mut baru = isi(&v);
    for t in baru.tpp.iter_mut() {
        t.persen_potongan = match t.predikat {
            Predikat::ButuhPerbaikan => 10,
            Predikat::Kurang => 25,
            Predikat::SangatKurang => 50,
            _ => 0,
        };
    }
    baru.tempat_dokumen = "Kota Bekasi".into();
    let r = put(
        format!("/api/v1/profil/{y}"),
        t_admin.clone(),
        json!({"versi": 1, "isi": baru}),
    )
    .await;
    let v2 = ok(&r, "edit at versi 1");
    assert_eq!(v2["versi"], 2);
    assert_eq!(isi(&v2), baru);
    let nanti = ok(
        &u.get(&format!("/api/v1/profil/{}", y + 5), admin).await,
        "later year",
    );
    assert_eq!(nanti["berlaku_sejak"], y, "in force until the next version");
    assert_eq!(isi(&nanti).potongan_tpp(Predikat::Kurang), 25);
    let mut basi = baru.clone();
    basi.tempat_dokumen = "Basi".into();
    let r = put(
        format!("/api/v1/profil/{y}"),
        t_admin.clone(),
        json!({"versi": 1, "isi": basi}),
    )
    .await;
    galat(&r, 409, "konflik", "a stale edit");
    let masih = ok(&u.get(&format!("/api/v1/profil/{y}"), admin).await, "y");
    assert_eq!(
        (masih["versi"].as_i64(), isi(&masih)),
        (Some(2), baru.clone())
    );
    let mut lebih = baru.clone();
    lebih.tpp[3].persen_potongan = 150;
    let r = put(
        format!("/api/v1/profil/{y}"),
        t_admin.clone(),
        json!({"versi": 2, "isi": lebih}),
    )
    .await;
    galat(&r, 422, "tidak_valid", "150 %");
    assert!(r.json()["error"]["fields"]["isi.tpp.kurang"]
        .as_str()
        .unwrap()
        .contains("antara 0 dan 100"));
    let r = put(
        format!("/api/v1/profil/{}", y + 1),
        t_admin.clone(),
        json!({"versi": 1, "isi": baru}),
    )
    .await;
    galat(&r, 404, "tidak_ditemukan", "a year without its own version");
    let r = put(
        format!("/api/v1/profil/{y}"),
        t_admin.clone(),
        json!({"isi": baru}),
    )
    .await;
    galat(&r, 422, "tidak_valid", "an edit without versi");
    // A past year's own version (if the demo has one) is closed.
    if lalu["berlaku_sejak"] == ini - 1 {
        let r = put(
            format!("/api/v1/profil/{}", ini - 1),
            t_admin.clone(),
            json!({"versi": lalu["versi"], "isi": isi(&lalu)}),
        )
        .await;
        galat(&r, 409, "konflik", "a past year's version");
    }

    // --- audited with before and after, by the admin ----------------------------------------------
    let log = u.app.store.daftar_audit(inst, 200).await.unwrap();
    let jejak: Vec<_> = log
        .iter()
        .filter(|e| e.entitas == "profil_kebijakan" && e.entitas_id == y.to_string())
        .collect();
    assert_eq!(
        jejak
            .iter()
            .rev()
            .map(|e| (e.aksi.as_str(), e.pelaku.as_str()))
            .collect::<Vec<_>>(),
        [("buat", "admin"), ("ubah", "admin")]
    );
    let sesudah: ProfilKebijakan =
        serde_json::from_str(jejak[0].sesudah.as_deref().unwrap()).unwrap();
    let sebelumnya: ProfilKebijakan =
        serde_json::from_str(jejak[0].sebelum.as_deref().unwrap()).unwrap();
    assert_eq!((sebelumnya, sesudah), (isi(&v), baru.clone()));

    // --- the rater table (Lampiran II): read, refused when stale or malformed, changed, restored -
    let tabel = ok(
        &u.get("/api/v1/profil/tabel-penilai", admin).await,
        "rater table",
    );
    let asli_csv = tabel["csv"].as_str().unwrap().to_string();
    let asli_versi = tabel["versi"].as_str().unwrap().to_string();
    assert!(tabel["aturan"].as_array().unwrap().len() > 10);
    assert!(asli_csv.starts_with("unit_type,position,pejabat_penilai"));
    let r = put(
        "/api/v1/profil/tabel-penilai".into(),
        t_admin.clone(),
        json!({"versi": "usang", "csv": asli_csv}),
    )
    .await;
    galat(&r, 409, "konflik", "a stale rater table");
    let r = put(
        "/api/v1/profil/tabel-penilai".into(),
        t_admin.clone(),
        json!({"versi": asli_versi, "csv": "unit_type,position\nDINAS,Sekretaris\n"}),
    )
    .await;
    galat(&r, 422, "tidak_valid", "a malformed rater table");
    assert!(r.json()["error"]["fields"]["csv"]
        .as_str()
        .unwrap()
        .contains("pejabat_penilai"));
    let mut baris: Vec<String> = asli_csv.lines().map(str::to_string).collect();
    let baris_uji = "DINAS,Posisi Uji Profil,Kepala Dinas,Sekretaris Daerah,baris uji".to_string();
    baris.push(baris_uji.clone());
    let r = put(
        "/api/v1/profil/tabel-penilai".into(),
        t_admin.clone(),
        json!({"versi": asli_versi, "csv": baris.join("\n")}),
    )
    .await;
    let ubah = ok(&r, "a changed rater table");
    assert_eq!(
        ubah["aturan"].as_array().unwrap().len(),
        tabel["aturan"].as_array().unwrap().len() + 1
    );
    let log = u.app.store.daftar_audit(inst, 5).await.unwrap();
    assert!(log
        .iter()
        .any(|e| e.entitas == "aturan_penilai" && e.pelaku == "admin"));

    // --- the page --------------------------------------------------------------------------------
    let r = u.get("/profil", None).await;
    assert_eq!(
        r.status,
        StatusCode::SEE_OTHER,
        "logged out: to the login page"
    );
    let r = u.get("/profil", Some(&t_kadis)).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = u.get("/profil", admin).await;
    assert_eq!(r.status, StatusCode::OK);
    let h = r.teks();
    assert!(h.contains("data-testid=\"daftar-versi\"") && h.contains(&format!("versi-{y}")));
    assert!(h.contains("Posisi Uji Profil"), "the rater table is shown");
    let csrf = nilai_input(&h, "csrf");
    // A past year reads only.
    let h = u
        .get(&format!("/profil?tahun={}", ini - 1), admin)
        .await
        .teks();
    assert!(h.contains("profil-terkunci") && !h.contains("simpan-profil"));
    // A future year without its own version offers one.
    let h = u
        .get(&format!("/profil?tahun={}", y + 1), admin)
        .await
        .teks();
    assert!(h.contains("profil-warisan") && !h.contains("simpan-profil"));

    let r = u.get(&format!("/profil?tahun={y}"), admin).await;
    let h = r.teks();
    assert!(
        h.contains("simpan-profil") && h.contains("Tabel potongan TPP"),
        "{h}"
    );
    assert_eq!(nilai_input(&h, "versi"), "2");
    let kirim_form = |uri: String, v: Vec<(String, String)>| {
        let t = t_admin.clone();
        async move {
            let isian: Vec<(&str, &str)> =
                v.iter().map(|(k, x)| (k.as_str(), x.as_str())).collect();
            u.post_form(&uri, Some(&t), &isian).await
        }
    };
    // No CSRF token: refused.
    let mut f = isian_form("", 2, &baru);
    let r = kirim_form(format!("/profil/{y}"), f.clone()).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // A TPP table without Kurang: the message by its row, the values as typed kept.
    f = isian_form(&csrf, 2, &baru);
    ganti(&mut f, "tpp.kurang", "");
    ganti(&mut f, "tempat_dokumen", "Kota Ketikan");
    let r = kirim_form(format!("/profil/{y}"), f.clone()).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let h = r.teks();
    assert!(h.contains("data-testid=\"galat-tpp.kurang\""), "{h}");
    assert!(h.contains("Tabel potongan TPP belum memuat predikat Kurang"));
    assert!(
        h.contains("value=\"Kota Ketikan\""),
        "the typed values stay"
    );
    // A bound that is not a number: the message by its curve.
    f = isian_form(&csrf, 2, &baru);
    ganti(
        &mut f,
        &format!("distribusi.{}.0.persen", CapaianOrganisasi::Baik.kode()),
        "tujuh puluh",
    );
    let r = kirim_form(format!("/profil/{y}"), f.clone()).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.teks().contains("data-testid=\"galat-distribusi.baik\""));
    // A valid form: saved, one bound removed and one added on the way.
    f = isian_form(&csrf, 2, &baru);
    ganti(&mut f, "tpp.sangat_kurang", "60");
    f.push(("distribusi.istimewa.0.hapus".into(), "1".into()));
    f.extend([
        (
            "distribusi.istimewa.1.predikat".to_string(),
            "sangat_baik".to_string(),
        ),
        (
            "distribusi.istimewa.1.batas".to_string(),
            "maks".to_string(),
        ),
        ("distribusi.istimewa.1.persen".to_string(), "60".to_string()),
        (
            "distribusi.istimewa.1.minimal_pegawai".to_string(),
            "".to_string(),
        ),
    ]);
    let r = kirim_form(format!("/profil/{y}"), f.clone()).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.teks());
    assert!(lokasi(&r).contains("disimpan=profil"));
    let v3 = ok(&u.get(&format!("/api/v1/profil/{y}"), admin).await, "y");
    assert_eq!(v3["versi"], 3);
    let p3 = isi(&v3);
    assert_eq!(p3.potongan_tpp(Predikat::SangatKurang), 60);
    let istimewa = p3
        .distribusi
        .kurva_untuk(CapaianOrganisasi::Istimewa)
        .unwrap();
    assert_eq!((istimewa.batas.len(), istimewa.batas[0].persen), (1, 60));
    assert_eq!(p3.distribusi.kurva.len(), baru.distribusi.kurva.len());
    let h = u
        .get(&format!("/profil?tahun={y}&disimpan=profil"), admin)
        .await
        .teks();
    assert!(h.contains("pesan-disimpan"));
    // The same form again (read at versi 2): stale, 409, the current values shown.
    let r = kirim_form(format!("/profil/{y}"), isian_form(&csrf, 2, &baru)).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    let h = r.teks();
    assert!(h.contains("galat-basi"), "{h}");
    assert_eq!(
        nilai_input(&h, "versi"),
        "3",
        "the form now carries the current version"
    );
    assert!(h.contains("name=\"tpp.sangat_kurang\" type=\"number\" inputmode=\"numeric\" min=\"0\" max=\"100\" value=\"60\""));
    assert_eq!(
        ok(&u.get(&format!("/api/v1/profil/{y}"), admin).await, "y")["versi"],
        3,
        "nothing overwritten"
    );
    // A past year's form: closed (no version of its own: not found; its own: 409).
    let r = kirim_form(format!("/profil/{}", ini - 1), isian_form(&csrf, 1, &baru)).await;
    assert!(
        [StatusCode::NOT_FOUND, StatusCode::CONFLICT].contains(&r.status),
        "{}",
        r.status
    );
    // The new-version form: a past year refused by its field, a future year created.
    let r = kirim_form(
        "/profil".into(),
        vec![
            ("csrf".into(), csrf.clone()),
            ("tahun".into(), (ini - 1).to_string()),
            ("dari".into(), ini.to_string()),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.teks().contains("galat-versi-baru") && r.teks().contains("sudah lewat"));
    let r = kirim_form(
        "/profil".into(),
        vec![
            ("csrf".into(), csrf.clone()),
            ("tahun".into(), y.to_string()),
            ("dari".into(), y.to_string()),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::CONFLICT, "overlapping");
    assert!(r.teks().contains("tumpang tindih"));
    let r = kirim_form(
        "/profil".into(),
        vec![
            ("csrf".into(), csrf.clone()),
            ("tahun".into(), (y + 3).to_string()),
            ("dari".into(), y.to_string()),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.teks());
    let v6 = ok(
        &u.get(&format!("/api/v1/profil/{}", y + 3), admin).await,
        "y + 3",
    );
    assert_eq!(
        (v6["berlaku_sejak"].as_i64(), isi(&v6)),
        (Some((y + 3).into()), p3)
    );

    // The rater table's form: malformed CSV shown again, stale refused; then restored.
    let tabel = ok(
        &u.get("/api/v1/profil/tabel-penilai", admin).await,
        "rater table",
    );
    let versi_kini = tabel["versi"].as_str().unwrap().to_string();
    let r = kirim_form(
        "/profil/tabel-penilai".into(),
        vec![
            ("csrf".into(), csrf.clone()),
            ("versi".into(), versi_kini.clone()),
            (
                "csv".into(),
                format!("{asli_csv}DINAS,,Kepala Dinas,Sekretaris Daerah,\n"),
            ),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.teks().contains("galat-tabel-penilai") && r.teks().contains("kolom position"));
    let r = kirim_form(
        "/profil/tabel-penilai".into(),
        vec![
            ("csrf".into(), csrf.clone()),
            ("versi".into(), asli_versi.clone()),
            ("csv".into(), asli_csv.clone()),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::CONFLICT, "read before the change");
    let r = kirim_form(
        "/profil/tabel-penilai".into(),
        vec![
            ("csrf".into(), csrf.clone()),
            ("versi".into(), versi_kini),
            ("csv".into(), asli_csv.clone()),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.teks());
    let kembali = ok(
        &u.get("/api/v1/profil/tabel-penilai", admin).await,
        "rater table",
    );
    assert_eq!(
        (kembali["versi"].as_str(), kembali["csv"].as_str()),
        (Some(asli_versi.as_str()), Some(asli_csv.as_str())),
        "the rater table is back as it was"
    );

    // The OpenAPI document describes the routes.
    let d = ok(&u.get("/api/openapi.json", None).await, "OpenAPI");
    for jalur in [
        "/api/v1/profil",
        "/api/v1/profil/{tahun}",
        "/api/v1/profil/tabel-penilai",
    ] {
        assert!(
            d["paths"][jalur].is_object(),
            "{jalur} in the OpenAPI document"
        );
    }
    assert!(d["components"]["schemas"]["ProfilTahun"].is_object());
}
