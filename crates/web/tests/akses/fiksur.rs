//! The people and the resources of the access matrix, on a fresh demo instansi: a target
//! pegawai T (the Pelaksana demo login) and one person for each relationship to T, found in
//! the organisation or made through the API (an assignment, a 360 request answered, …), and
//! T's own resources for every path parameter (SKP, RHK, IKI, realisation, evidence, feedback,
//! request, assignment, keberatan, sanction case, notification, …), each made through the API
//! by the person who makes it in real life.

use super::super::{Jawab, Uji};
use super::Hub;
use axum::body::Body;
use axum::http::{header, Method, Request};
use chrono::Datelike;
use kinerja_app::organisasi::{Hubungan, IndeksOrganisasi};
use kinerja_domain::JenisJabatan;
use kinerja_store::{FilterPermintaan, FilterUmpanBalik, Pegawai};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::Arc;
use tower::ServiceExt;

/// One caller: their API bearer token and their browser session (cookie and CSRF token).
#[derive(Clone, Debug)]
pub struct Sesi {
    pub username: String,
    pub token: String,
    pub cookie: String,
    pub csrf: String,
}

/// A piece of T's data, and who may ever see it. Every answer to anyone else, allowed or
/// denied, must not contain it.
#[derive(Clone, Debug)]
pub struct Penanda {
    pub nama: &'static str,
    pub teks: String,
    pub boleh: u16,
    /// Seen in an answer to someone allowed to see it.
    pub terlihat: std::cell::Cell<bool>,
}

/// Every value the table's paths and bodies need: ids of T's resources, names, periods.
#[derive(Clone, Debug, Default)]
pub struct Id {
    pub tahun: i32,
    pub bulan: u32,
    pub hari: String,
    pub nip_t: String,
    pub pegawai_t: i64,
    /// Someone asked for 360 feedback on T's SKP who has not answered (not in the matrix).
    pub nip_diminta: String,
    /// T's unit (a seksi).
    pub unit_t: i64,
    pub skp: i64,
    pub rhk_biasa: i64,
    pub iki_biasa: i64,
    pub rhk_tugas: i64,
    pub rhk_pimpinan: i64,
    pub realisasi: i64,
    pub teks_realisasi: String,
    pub bukti_tautan: i64,
    pub bukti_berkas: i64,
    pub bukti_hapus_api: i64,
    pub bukti_hapus_halaman: i64,
    pub ub_penilai: [i64; 2],
    pub permintaan_terbuka: i64,
    pub penugasan_diterima: i64,
    pub penugasan_menunggu: [i64; 3],
    pub penugasan_terbuka: i64,
    pub penugasan_terbuka_halaman: i64,
    pub periode_lalu: String,
    pub periode_kini: String,
    pub keberatan: i64,
    pub evaluasi_sanksi: i64,
    pub sanksi: i64,
    pub bundel: i64,
    pub tugas: i64,
    pub notifikasi: [i64; 2],
    pub kode_verifikasi: String,
    pub profil_tahun: i32,
    pub profil: Value,
    pub tabel_penilai: Value,
}

pub struct Fiksur {
    pub inst: i64,
    pub id: Id,
    pub orang: HashMap<Hub, Pegawai>,
    pub sesi: HashMap<Hub, Sesi>,
    pub penanda: Vec<Penanda>,
}

impl Fiksur {
    pub fn nip(&self, h: Hub) -> String {
        self.orang[&h].nip.to_string()
    }
}

pub fn ok(r: &Jawab, apa: &str) -> Value {
    assert!(
        r.status.is_success(),
        "fixture, {apa}: {} {}",
        r.status,
        r.teks()
    );
    if r.body.is_empty() {
        Value::Null
    } else {
        r.json()
    }
}

pub async fn api(u: &Uji, m: Method, uri: &str, token: &str, v: Option<Value>) -> Jawab {
    u.kirim(
        m,
        uri,
        Some(token),
        v.map(|v| ("application/json", v.to_string().into_bytes())),
    )
    .await
}

/// Log in as the API does (a bearer token) and as the browser does (the login form; the
/// session cookie, and the CSRF token the session's pages carry).
pub async fn masuk(u: &Uji, username: &str) -> Sesi {
    let token = u.token(username).await;
    let form = super::super::urlencode(&[
        ("username", username),
        ("password", kinerja_app::demo::PASSWORD_DEMO),
    ]);
    let req = Request::builder()
        .method(Method::POST)
        .uri("/masuk")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(form))
        .unwrap();
    let res = u.router.clone().oneshot(req).await.unwrap();
    assert_eq!(res.status(), 303, "browser login of {username}");
    let set = res
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with(&format!("{}=", "kinerja_sesi")))
        .unwrap_or_else(|| panic!("no session cookie for {username}"))
        .to_string();
    let cookie = set
        .split(';')
        .next()
        .unwrap()
        .split_once('=')
        .unwrap()
        .1
        .to_string();
    let csrf = u
        .app
        .sesi(&cookie)
        .await
        .unwrap()
        .expect("the cookie is a live session")
        .csrf;
    Sesi {
        username: username.to_string(),
        token,
        cookie,
        csrf,
    }
}

fn penilai_dari(org: &IndeksOrganisasi, id: i64) -> Option<i64> {
    org.penilai
        .get(&id)
        .and_then(|h| h.as_ref().ok())
        .and_then(|h| h.pejabat_penilai.as_ref())
        .and_then(|x| x.pegawai_id)
}

fn atasan_dari(org: &IndeksOrganisasi, id: i64) -> Option<i64> {
    org.penilai
        .get(&id)
        .and_then(|h| h.as_ref().ok())
        .and_then(|h| h.atasan_pejabat_penilai.as_ref())
        .and_then(|x| x.pegawai_id)
}

/// The perangkat daerah of a unit: the child of the root on its path.
fn perangkat(org: &IndeksOrganisasi, unit: i64) -> Option<i64> {
    org.jalur_unit(unit).get(1).map(|u| u.id)
}

fn kepala_di_mana_pun(org: &IndeksOrganisasi, id: i64) -> bool {
    org.unit.keys().any(|&u| org.kepala_unit(u) == Some(id))
}

pub async fn bangun(u: &Uji) -> Fiksur {
    let store = &u.app.store;
    let inst = u.app.instansi_utama().await.unwrap().id;
    let org: Arc<IndeksOrganisasi> = u.app.organisasi(inst).await.unwrap();
    let hari = kinerja_app::skp::hari_ini();
    let tahun = hari.year();
    let bulan = hari.month();
    let periode_kini = format!("{tahun}-{bulan:02}");
    let (ta, ba) = if bulan == 1 {
        (tahun - 1, 12)
    } else {
        (tahun, bulan - 1)
    };
    let periode_lalu = format!("{ta}-{ba:02}");

    let t_nip = u.login("Pelaksana").username.clone();
    let t = store.pegawai_by_nip(inst, &t_nip).await.unwrap().unwrap();
    let r_id = penilai_dari(&org, t.id).expect("T has a rater");
    let a_id = atasan_dari(&org, t.id).expect("T has an atasan pejabat penilai");
    let unit_t = t.unit_id.expect("T has a unit");
    let unit_induk = org.unit[&unit_t].induk_id.expect("T's unit has a parent");
    let pd_t = perangkat(&org, unit_t).unwrap();

    // T's SKP of the year (set by the rater in the demo).
    let semua: Vec<Pegawai> = {
        let ids: Vec<i64> = org.jabatan_pegawai.keys().copied().collect();
        store.pegawai_by_ids(inst, &ids).await.unwrap()
    };
    let skp_t = store
        .skp_tahun(inst, &[t.id], tahun)
        .await
        .unwrap()
        .into_iter()
        .next()
        .expect("T has an SKP this year");
    let skp = skp_t.skp.id;

    // Who has already touched T's SKP (feedback given, a request addressed to them).
    let mut tersentuh: Vec<i64> = store
        .daftar_umpan_balik(
            inst,
            &FilterUmpanBalik {
                skp_id: Some(skp),
                limit: 1000,
                ..Default::default()
            },
        )
        .await
        .unwrap()
        .into_iter()
        .map(|x| x.pemberi_pegawai_id)
        .collect();
    tersentuh.extend(
        store
            .daftar_permintaan(
                inst,
                &FilterPermintaan {
                    skp_id: Some(skp),
                    limit: 1000,
                    ..Default::default()
                },
            )
            .await
            .unwrap()
            .into_iter()
            .map(|x| x.pemberi_pegawai_id),
    );
    // Plain staff (pelaksana or JF): a structural position makes one a pimpinan, who may
    // assign work to anyone.
    let staf = |x: &Pegawai| {
        matches!(
            x.jenis_jabatan,
            Some(JenisJabatan::Pelaksana) | Some(JenisJabatan::Fungsional)
        )
    };
    let mut dipakai: Vec<i64> = vec![t.id, r_id, a_id];
    let tanpa_hubungan = |x: &Pegawai, dipakai: &[i64]| {
        !dipakai.contains(&x.id)
            && !tersentuh.contains(&x.id)
            && org.hubungan(Some(x.id), t.id) == Hubungan::Tidak
            && org.hubungan(Some(t.id), x.id) == Hubungan::Tidak
            && org.dinilai.get(&x.id).is_none_or(|v| v.is_empty())
            && org.diawasi.get(&x.id).is_none_or(|v| v.is_empty())
            && !kepala_di_mana_pun(&org, x.id)
            && penilai_dari(&org, x.id).is_some()
            && staf(x)
    };
    let pilih = |apa: &str, dipakai: &mut Vec<i64>, syarat: &dyn Fn(&Pegawai) -> bool| {
        let mut calon: Vec<&Pegawai> = semua
            .iter()
            .filter(|x| !dipakai.contains(&x.id) && syarat(x))
            .collect();
        calon.sort_by_key(|x| x.id);
        let x = (*calon
            .first()
            .unwrap_or_else(|| panic!("the demo has no {apa}")))
        .clone();
        dipakai.push(x.id);
        x
    };
    // The assigner: the head of another seksi of T's bidang (a pimpinan outside T's line).
    let s = pilih("assigner", &mut dipakai, &|x| {
        x.unit_id.is_some_and(|u| {
            u != unit_t
                && org.unit[&u].induk_id == Some(unit_induk)
                && org.kepala_unit(u) == Some(x.id)
        }) && org.hubungan(Some(x.id), t.id) == Hubungan::Tidak
            && org.hubungan(Some(t.id), x.id) == Hubungan::Tidak
    });
    let rekan = pilih("peer with T's rater", &mut dipakai, &|x| {
        penilai_dari(&org, x.id) == Some(r_id)
            && !tersentuh.contains(&x.id)
            && org.dinilai.get(&x.id).is_none_or(|v| v.is_empty())
            && x.unit_id == Some(unit_t)
            && staf(x)
    });
    let snap = dipakai.clone();
    let sejawat = pilih("colleague of T's bidang", &mut dipakai, &|x| {
        tanpa_hubungan(x, &snap)
            && penilai_dari(&org, x.id) != Some(r_id)
            && x.unit_id.is_some_and(|u| {
                u != unit_t && org.jalur_unit(u).iter().any(|j| j.id == unit_induk)
            })
    });
    let snap = dipakai.clone();
    let lain = |x: &Pegawai| {
        tanpa_hubungan(x, &snap) && x.unit_id.and_then(|u| perangkat(&org, u)) != Some(pd_t)
    };
    let pemberi360 = pilih("360 giver (another perangkat daerah)", &mut dipakai, &lain);
    let snap2 = dipakai.clone();
    let unit_lain = pilih("pegawai of another unit", &mut dipakai, &|x| {
        lain(x) && !snap2.contains(&x.id)
    });
    let snap3 = dipakai.clone();
    let diminta = pilih("someone asked for 360 feedback", &mut dipakai, &|x| {
        lain(x) && !snap3.contains(&x.id)
    });
    let per_id: HashMap<i64, &Pegawai> = semua.iter().map(|x| (x.id, x)).collect();
    let mut orang = HashMap::new();
    orang.insert(Hub::Diri, t.clone());
    orang.insert(Hub::Penilai, per_id[&r_id].clone());
    orang.insert(Hub::Atasan, per_id[&a_id].clone());
    orang.insert(Hub::Penugas, s);
    orang.insert(Hub::Pemberi360, pemberi360);
    orang.insert(Hub::Rekan, rekan);
    orang.insert(Hub::Sejawat, sejawat);
    orang.insert(Hub::UnitLain, unit_lain);

    let mut sesi = HashMap::new();
    for (h, p) in &orang {
        sesi.insert(*h, masuk(u, p.nip.as_ref()).await);
    }
    sesi.insert(Hub::Admin, masuk(u, "admin").await);
    let tok = |h: Hub| sesi[&h].token.clone();
    let nip = |h: Hub| orang[&h].nip.to_string();
    // Everyone has their own SKP of the year (their matriks, their documents are theirs).
    for h in orang.keys() {
        let r = api(
            u,
            Method::POST,
            "/api/v1/skp",
            &tok(*h),
            Some(json!({"tahun": tahun})),
        )
        .await;
        assert!(
            r.status == 201 || r.status == 409,
            "{h:?}'s SKP of the year: {} {}",
            r.status,
            r.teks()
        );
    }
    let base = format!("/api/v1/skp/{skp}");

    // --- assignments: one accepted into T's SKP, two waiting, one open -----------------------
    let tugaskan = |uraian: &str| {
        json!({"nip": nip(Hub::Diri), "tahun": tahun, "uraian": uraian,
               "ekspektasi": "Selesai dalam satu bulan"})
    };
    let p1 = ok(
        &api(
            u,
            Method::POST,
            "/api/v1/penugasan",
            &tok(Hub::Penugas),
            Some(tugaskan("Menyusun kajian akses matriks")),
        )
        .await,
        "assignment to T",
    )["id"]
        .as_i64()
        .unwrap();
    let versi = ok(&u.get(&base, Some(&tok(Hub::Diri))).await, "T's SKP")["version"]
        .as_i64()
        .unwrap();
    ok(
        &api(u, Method::POST, &format!("/api/v1/penugasan/{p1}/terima"), &tok(Hub::Penilai),
            Some(json!({"version": versi, "iki": {"aspek": "kuantitas", "indikator": "Dokumen kajian akses", "target": "1 dokumen"}}))).await,
        "the rater accepts the assignment",
    );
    let mut menunggu = [0i64; 3];
    for (i, m) in menunggu.iter_mut().enumerate() {
        *m = ok(
            &api(
                u,
                Method::POST,
                "/api/v1/penugasan",
                &tok(Hub::Penugas),
                Some(tugaskan(&format!("Penugasan menunggu {i}"))),
            )
            .await,
            "a waiting assignment",
        )["id"]
            .as_i64()
            .unwrap();
    }
    let mut terbuka = [0i64; 2];
    for (i, x) in terbuka.iter_mut().enumerate() {
        *x = ok(
            &api(u, Method::POST, "/api/v1/penugasan", &tok(Hub::Penugas),
                Some(json!({"tahun": tahun, "uraian": format!("Tim relawan akses {i}"), "ekspektasi": "Satu laporan"}))).await,
            "an open assignment",
        )["id"]
            .as_i64()
            .unwrap();
    }

    // --- T's SKP as it is now: a regular RHK and IKI, and the assignment's ------------------
    let d = ok(&u.get(&base, Some(&tok(Hub::Diri))).await, "T's SKP");
    let rhk = d["skp"]["rhk"].as_array().unwrap();
    let tugas_rhk = rhk
        .iter()
        .find(|r| r["penugasan_id"].as_i64() == Some(p1))
        .expect("the accepted assignment is an RHK");
    let biasa_rhk = rhk
        .iter()
        .find(|r| r["penugasan_id"].is_null() && !r["iki"].as_array().unwrap().is_empty())
        .expect("a regular RHK with an IKI");
    let id = |v: &Value| v["id"].as_i64().unwrap();
    let (rhk_tugas, iki_tugas) = (id(tugas_rhk), id(&tugas_rhk["iki"][0]));
    let (rhk_biasa, iki_biasa) = (id(biasa_rhk), id(&biasa_rhk["iki"][0]));
    // A leader's RHK the matriks cell intervenes (the rater's, when they have an SKP).
    let rhk_pimpinan = d["rhk_pimpinan"][0]["id"].as_i64().unwrap_or(rhk_biasa);

    // --- markers: T's data that only some may see -------------------------------------------
    let ciri = format!("{}-{}", std::process::id(), super::super::rand_suffix());
    let m_real = format!("REALISASI-RAHASIA-{ciri}");
    let m_ub_r = format!("UMPAN-BALIK-PENILAI-{ciri}");
    let m_ub_g = format!("UMPAN-BALIK-360-{ciri}");
    let m_keb = format!("KEBERATAN-RAHASIA-{ciri}");
    let m_lap = format!("LAPORAN-PENUGASAN-{ciri}");

    // --- the month's realisation, with evidence ---------------------------------------------
    let real = ok(
        &api(u, Method::PUT, &format!("{base}/realisasi"), &tok(Hub::Diri),
            Some(json!({"iki_id": iki_biasa, "bulan": bulan, "realisasi": m_real.clone(), "catatan": "Catatan realisasi"}))).await,
        "T documents the month",
    );
    let realisasi = id(&real);
    ok(
        &api(u, Method::PUT, &format!("{base}/realisasi"), &tok(Hub::Diri),
            Some(json!({"iki_id": iki_tugas, "bulan": bulan, "realisasi": "Draf kajian", "catatan": ""}))).await,
        "T documents the assignment's IKI",
    );
    let tautan = |ket: &str| json!({"url": "https://arsip.example.go.id/akses", "keterangan": ket});
    let mut bukti = Vec::new();
    for ket in [
        "Tautan bukti",
        "Bukti dihapus lewat API",
        "Bukti dihapus lewat halaman",
    ] {
        bukti.push(id(&ok(
            &api(
                u,
                Method::POST,
                &format!("/api/v1/realisasi/{realisasi}/bukti"),
                &tok(Hub::Diri),
                Some(tautan(ket)),
            )
            .await,
            "evidence link",
        )));
    }
    let (ct, isi) = multipart("Berkas bukti", "bukti.pdf", PDF);
    let bukti_berkas = id(&ok(
        &u.kirim(
            Method::POST,
            &format!("/api/v1/realisasi/{realisasi}/bukti"),
            Some(&tok(Hub::Diri)),
            Some((&ct, isi)),
        )
        .await,
        "evidence file",
    ));

    // --- feedback: the rater's (twice), a 360 answer from G, an open request ----------------
    let mut ub_penilai = [0i64; 2];
    for (i, x) in ub_penilai.iter_mut().enumerate() {
        *x = id(&ok(
            &api(
                u,
                Method::POST,
                &format!("{base}/umpan_balik"),
                &tok(Hub::Penilai),
                Some(
                    json!({"rhk_id": rhk_biasa, "jenis": "insidentil", "cara": "langsung",
                    "tanggal": hari.to_string(), "isi": format!("{m_ub_r} ({i})")}),
                ),
            )
            .await,
            "the rater's feedback",
        ));
    }
    let batas = (hari + chrono::Days::new(14)).to_string();
    let minta = |kepada: &Pegawai| {
        json!({"nip_pemberi": kepada.nip.to_string(), "sebagai": "pihak_lain", "batas": batas,
               "pesan": "Mohon umpan balik"})
    };
    let r_g = id(&ok(
        &api(
            u,
            Method::POST,
            &format!("{base}/permintaan_umpan_balik"),
            &tok(Hub::Diri),
            Some(minta(&orang[&Hub::Pemberi360])),
        )
        .await,
        "T asks G",
    ));
    ok(
        &api(
            u,
            Method::POST,
            &format!("{base}/umpan_balik"),
            &tok(Hub::Pemberi360),
            Some(
                json!({"aspek": "kolaboratif", "jenis": "insidentil", "cara": "tidak_langsung",
                "tanggal": hari.to_string(), "isi": m_ub_g.clone(), "permintaan_id": r_g}),
            ),
        )
        .await,
        "G answers",
    );
    let permintaan_terbuka = id(&ok(
        &api(
            u,
            Method::POST,
            &format!("{base}/permintaan_umpan_balik"),
            &tok(Hub::Diri),
            Some(minta(&diminta)),
        )
        .await,
        "T asks someone else (left open)",
    ));

    // --- a progress report on the accepted assignment ---------------------------------------
    ok(
        &api(
            u,
            Method::POST,
            &format!("/api/v1/penugasan/{p1}/laporan"),
            &tok(Hub::Diri),
            Some(json!({"isi": m_lap.clone()})),
        )
        .await,
        "T reports on the assignment",
    );

    // --- a keberatan on last month's evaluation (signed, not yet acknowledged) --------------
    let keberatan = id(&ok(
        &api(
            u,
            Method::POST,
            &format!("{base}/evaluasi/{periode_lalu}/keberatan"),
            &tok(Hub::Diri),
            Some(json!({"alasan": m_keb.clone()})),
        )
        .await,
        "T files a keberatan",
    ));

    // --- a sanction case on T: last year's annual evaluation reopened and rated Kurang ------
    let skp_lalu = store
        .skp_tahun(inst, &[t.id], tahun - 1)
        .await
        .unwrap()
        .into_iter()
        .next()
        .expect("T has last year's SKP");
    let tl = format!("/api/v1/skp/{}/evaluasi/{}", skp_lalu.skp.id, tahun - 1);
    ok(
        &api(
            u,
            Method::POST,
            &format!("{tl}/buka_kembali"),
            &tok(Hub::Admin),
            Some(json!({"alasan": "Koreksi penilaian tahunan untuk uji akses"})),
        )
        .await,
        "admin reopens last year's annual evaluation",
    );
    let ev = ok(
        &u.get(&tl, Some(&tok(Hub::Penilai))).await,
        "the reopened evaluation",
    );
    // Sesuai × Di Bawah Ekspektasi: Kurang, which calls for a case.
    let mut nilai = json!({"rating_hasil_kerja": "sesuai_ekspektasi", "rating_perilaku": "dibawah_ekspektasi",
        "alasan_hasil_kerja": "Target utama tercapai", "alasan_perilaku": "Sering tidak hadir rapat tim",
        "catatan": "Penilaian ulang"});
    if let Some(v) = ev["evaluasi"]["version"]
        .as_i64()
        .or(ev["evaluasi"]["versi"].as_i64())
    {
        nilai["version"] = json!(v);
    }
    ok(
        &api(u, Method::PUT, &tl, &tok(Hub::Penilai), Some(nilai)).await,
        "the rater rates last year Kurang",
    );
    let ev = ok(
        &api(
            u,
            Method::POST,
            &format!("{tl}/tandatangani"),
            &tok(Hub::Penilai),
            None,
        )
        .await,
        "the rater signs",
    );
    let evaluasi_sanksi = id(&ev);
    let sanksi = id(&ok(
        &api(u, Method::POST, "/api/v1/sanksi", &tok(Hub::Admin),
            Some(json!({"evaluasi_id": evaluasi_sanksi, "tanggal": hari.to_string(), "nomor_dokumen": "800/AKSES/2026"}))).await,
        "admin opens a sanction case on T",
    ));

    // --- admin's background work: a report bundle, a year started ---------------------------
    let bundel = id(&ok(
        &api(
            u,
            Method::POST,
            "/api/v1/bundel_laporan",
            &tok(Hub::Admin),
            Some(json!({"periode": periode_lalu.clone(), "unit_id": unit_t})),
        )
        .await,
        "a report bundle",
    ));
    let tugas = id(&ok(
        &api(
            u,
            Method::POST,
            &format!("/api/v1/tahun/{}/mulai", tahun + 1),
            &tok(Hub::Admin),
            None,
        )
        .await,
        "start next year",
    ));

    // --- a document of T's SKP, for its public verification code ----------------------------
    let r = u
        .get(&format!("{base}/dokumen/skp"), Some(&tok(Hub::Diri)))
        .await;
    assert_eq!(r.status, 200, "T's SKP as PDF");
    let kode_verifikasi = r.headers["x-kode-verifikasi"].to_str().unwrap().to_string();

    // --- two unread notifications of T ------------------------------------------------------
    let k = ok(
        &u.get("/api/v1/notifikasi?limit=100", Some(&tok(Hub::Diri)))
            .await,
        "T's inbox",
    );
    let belum: Vec<i64> = k["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["dibaca_pada"].is_null())
        .map(id)
        .collect();
    assert!(belum.len() >= 2, "T has two unread notifications: {k}");

    // --- the policy profile (a version of next year's own) and the rater table -------------
    let profil_tahun = tahun + 1;
    let r = api(
        u,
        Method::POST,
        "/api/v1/profil",
        &tok(Hub::Admin),
        Some(json!({"tahun": profil_tahun})),
    )
    .await;
    assert!(
        r.status == 201 || r.status == 409,
        "next year's profile version: {} {}",
        r.status,
        r.teks()
    );
    let profil = ok(
        &u.get(
            &format!("/api/v1/profil/{profil_tahun}"),
            Some(&tok(Hub::Admin)),
        )
        .await,
        "profile",
    );
    let tabel_penilai = ok(
        &u.get("/api/v1/profil/tabel-penilai", Some(&tok(Hub::Admin)))
            .await,
        "rater table",
    );

    let semua_pegawai = super::PEGAWAI | super::AD;
    let rantai = super::D | super::PN | super::AT | super::AD;
    let penanda = vec![
        Penanda {
            nama: "T's name",
            teks: t.nama.clone(),
            boleh: semua_pegawai & !(super::SJ | super::UL),
            terlihat: Default::default(),
        },
        Penanda {
            nama: "T's NIP",
            teks: t_nip.clone(),
            boleh: semua_pegawai & !(super::SJ | super::UL),
            terlihat: Default::default(),
        },
        Penanda {
            nama: "T's realisation",
            teks: m_real.clone(),
            boleh: rantai,
            terlihat: Default::default(),
        },
        Penanda {
            nama: "the rater's feedback",
            teks: m_ub_r,
            boleh: rantai,
            terlihat: Default::default(),
        },
        Penanda {
            nama: "G's 360 feedback",
            teks: m_ub_g,
            boleh: rantai | super::G,
            terlihat: Default::default(),
        },
        Penanda {
            nama: "T's keberatan",
            teks: m_keb,
            boleh: rantai,
            terlihat: Default::default(),
        },
        Penanda {
            nama: "T's report to the assigner",
            teks: m_lap,
            boleh: rantai | super::PG,
            terlihat: Default::default(),
        },
    ];

    let id = Id {
        tahun,
        bulan,
        hari: hari.to_string(),
        nip_t: t_nip,
        pegawai_t: t.id,
        nip_diminta: diminta.nip.to_string(),
        unit_t,
        skp,
        rhk_biasa,
        iki_biasa,
        rhk_tugas,
        rhk_pimpinan,
        realisasi,
        teks_realisasi: m_real,
        bukti_tautan: bukti[0],
        bukti_berkas,
        bukti_hapus_api: bukti[1],
        bukti_hapus_halaman: bukti[2],
        ub_penilai,
        permintaan_terbuka,
        penugasan_diterima: p1,
        penugasan_menunggu: menunggu,
        penugasan_terbuka: terbuka[0],
        penugasan_terbuka_halaman: terbuka[1],
        periode_lalu,
        periode_kini,
        keberatan,
        evaluasi_sanksi,
        sanksi,
        bundel,
        tugas,
        notifikasi: [belum[0], belum[1]],
        kode_verifikasi,
        profil_tahun,
        profil,
        tabel_penilai,
    };
    tunggu_latar(u).await;
    Fiksur {
        inst,
        id,
        orang,
        sesi,
        penanda,
    }
}

/// Until no year-start job runs in the background (the bundle jobs wait for a worker that
/// tests do not run).
pub async fn tunggu_latar(u: &Uji) {
    for _ in 0..1200 {
        if u.app.store.tugas_berjalan().await.unwrap().is_empty() {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("a background job still runs after a minute");
}

pub const PDF: &[u8] =
    b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";

pub const BATAS: &str = "xKinerjaAksesBatas";

/// A `multipart/form-data` body with `keterangan` and the file in `berkas`.
pub fn multipart(keterangan: &str, nama: &str, isi: &[u8]) -> (String, Vec<u8>) {
    let mut b = Vec::new();
    b.extend(
        format!("--{BATAS}\r\nContent-Disposition: form-data; name=\"keterangan\"\r\n\r\n{keterangan}\r\n")
            .as_bytes(),
    );
    b.extend(
        format!("--{BATAS}\r\nContent-Disposition: form-data; name=\"berkas\"; filename=\"{nama}\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .as_bytes(),
    );
    b.extend(isi);
    b.extend(format!("\r\n--{BATAS}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={BATAS}"), b)
}
