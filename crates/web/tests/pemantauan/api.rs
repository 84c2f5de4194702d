//! The monitoring dashboards through the API and the pages, on the demo instansi after the
//! evaluation journeys: the instansi view's counts against the store's own records (open SKP,
//! the month's realisation, the period's evaluations, keberatan waiting, the distribution's
//! deviating units, sanction deadlines); the drill-down from the instansi to the demo perangkat
//! daerah to the Pelaksana's unit and its pegawai rows; a unit head limited to their subtree
//! (another unit 403, an unknown one 404); a pegawai 403, no login 401; bad period, unit, table
//! and format 422 naming the field; every view's exports read back (calamine, CSV); the page,
//! its drill-down links and its export route; the link from the SKP monitoring page.

use super::pelaksanaan_api::galat;
use super::{Jawab, Uji};
use calamine::{Data, Reader, Xlsx};
use chrono::{Datelike, Days};
use kinerja_domain::evaluasi::keberatan::StatusKeberatan;
use kinerja_domain::evaluasi::StatusEvaluasi;
use kinerja_domain::periode::Periode;
use kinerja_domain::skp::StatusSkp;
use kinerja_store::{FilterEvaluasi, FilterKeberatan};
use serde_json::Value;
use std::collections::HashSet;

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// A sheet or CSV as rows of text cells (numbers as they print), header first.
fn xlsx(r: &Jawab, lembar: &str) -> Vec<Vec<String>> {
    assert_eq!(r.status, 200, "{}", r.teks());
    assert_eq!(r.headers["content-type"], XLSX);
    let mut x: Xlsx<_> = Xlsx::new(std::io::Cursor::new(r.body.clone())).expect("an XLSX");
    let range = x.worksheet_range(lembar).expect("the sheet");
    range
        .rows()
        .map(|row| {
            row.iter()
                .map(|d| match d {
                    Data::Empty => String::new(),
                    Data::String(s) => s.clone(),
                    Data::Float(f) => f.to_string(),
                    Data::Int(i) => i.to_string(),
                    lain => format!("{lain:?}"),
                })
                .collect()
        })
        .collect()
}

fn csv(r: &Jawab) -> Vec<Vec<String>> {
    assert_eq!(r.status, 200, "{}", r.teks());
    assert_eq!(r.headers["content-type"], "text/csv; charset=utf-8");
    assert!(
        r.body.starts_with("\u{feff}".as_bytes()),
        "UTF-8 with a BOM"
    );
    let mut rd = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(&r.body[3..]);
    rd.records()
        .map(|x| x.unwrap().iter().map(str::to_string).collect())
        .collect()
}

fn kolom(t: &[Vec<String>], judul: &str) -> usize {
    t[0].iter()
        .position(|k| k == judul)
        .unwrap_or_else(|| panic!("no column {judul}: {:?}", t[0]))
}

fn n(v: &Value) -> u64 {
    v.as_u64().unwrap_or_else(|| panic!("not a count: {v}"))
}

/// The view's counts as one tuple, for comparing rows.
fn angka(a: &Value) -> [u64; 12] {
    [
        "pegawai",
        "skp",
        "skp_ditetapkan",
        "tanpa_skp",
        "terdokumentasi",
        "evaluasi_ditandatangani",
        "evaluasi_draf",
        "evaluasi_belum",
        "evaluasi_diterima",
        "keberatan_menunggu",
        "unit_menyimpang",
        "tenggat_sanksi",
    ]
    .map(|k| n(&a[k]))
}

pub(super) async fn semua(u: &Uji) {
    let hari = kinerja_app::skp::hari_ini();
    if hari.year() != 2026 || hari.month() < 3 {
        // The demo evaluates 2026 up to today; the checks need a signed past month.
        return;
    }
    let bulan = hari.month() - 1;
    let lalu = format!("2026-{bulan:02}");
    let periode = Periode::parse(&lalu).unwrap();
    let nip = |peran: &str| u.login(peran).username.clone();
    let t_admin = u.token("admin").await;
    let t_kabid = u.token(&nip("Kepala Bidang")).await;
    let t_pel = u.token(&nip("Pelaksana")).await;
    let inst = u.app.store.instansi_utama().await.unwrap().unwrap().id;
    let store = &u.app.store;

    // --- who may look ---------------------------------------------------------------------------
    let r = u.get("/api/v1/pemantauan", None).await;
    galat(&r, 401, "belum_masuk", "no login");
    let r = u.get("/api/v1/pemantauan", Some(&t_pel)).await;
    galat(&r, 403, "dilarang", "a pegawai who leads no unit");
    let r = u
        .get("/api/v1/pemantauan/ekspor?tampilan=pegawai", Some(&t_pel))
        .await;
    galat(&r, 403, "dilarang", "a pegawai's export");

    // --- the instansi view, against the store's records ---------------------------------------
    let v = u
        .get(
            &format!("/api/v1/pemantauan?periode={lalu}"),
            Some(&t_admin),
        )
        .await;
    assert_eq!(v.status, 200, "{}", v.teks());
    let v = v.json();
    assert_eq!(v["periode"], lalu.as_str());
    assert_eq!(v["periode_label"], periode.label().as_str());
    assert_eq!(v["seluruh_instansi"], true);
    assert_eq!(v["remah"][0]["nama"], "Seluruh instansi");
    assert_eq!(v["remah"].as_array().unwrap().len(), 1);
    let pegawai = store.semua_pegawai(inst).await.unwrap();
    let ids: Vec<i64> = pegawai.iter().map(|p| p.id).collect();
    let skp: Vec<_> = store
        .skp_tahun(inst, &ids, 2026)
        .await
        .unwrap()
        .into_iter()
        .map(|s| s.skp)
        .filter(|s| s.status != StatusSkp::Ditutup)
        .collect();
    let ditetapkan = |s: &kinerja_domain::skp::Skp| {
        matches!(s.status, StatusSkp::Ditetapkan | StatusSkp::Revisi) && s.ditetapkan_pada.is_some()
    };
    let eval: Vec<_> = store
        .daftar_evaluasi(
            inst,
            &FilterEvaluasi {
                periode: Some(lalu.clone()),
                limit: 100_000,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert!(!eval.is_empty(), "the demo rated last month");
    let dinilai: HashSet<i64> = eval.iter().map(|e| e.pegawai_id).collect();
    let didokumentasi: HashSet<i64> = store
        .rekap_bulan_instansi(inst, 2026, bulan)
        .await
        .unwrap()
        .into_iter()
        .filter(|r| r.iki_terisi > 0)
        .map(|r| r.pegawai_id)
        .collect();
    assert!(!didokumentasi.is_empty(), "the demo documented last month");
    let menunggu = store
        .daftar_keberatan(
            inst,
            &FilterKeberatan {
                status: Some(StatusKeberatan::Diajukan),
                limit: 10_000,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let distribusi = u
        .get(
            &format!("/api/v1/distribusi?periode={lalu}"),
            Some(&t_admin),
        )
        .await
        .json();
    let sampai = hari.checked_add_days(Days::new(30)).unwrap();
    let sanksi = store.tenggat_sanksi(inst, sampai).await.unwrap();
    let t = &v["total"];
    assert_eq!(
        angka(t),
        [
            pegawai.len() as u64,
            skp.len() as u64,
            skp.iter().filter(|s| ditetapkan(s)).count() as u64,
            (pegawai.len() - skp.len()) as u64,
            didokumentasi.len() as u64,
            eval.iter().filter(|e| e.status.terkunci()).count() as u64,
            eval.iter()
                .filter(|e| e.status == StatusEvaluasi::Draf)
                .count() as u64,
            skp.iter()
                .filter(|s| ditetapkan(s) && s.mulai <= periode.selesai())
                .filter(|s| !dinilai.contains(&s.pegawai_id))
                .count() as u64,
            eval.iter()
                .filter(|e| e.status == StatusEvaluasi::DiterimaPegawai)
                .count() as u64,
            menunggu.len() as u64,
            n(&distribusi["jumlah_menyimpang"]),
            sanksi.len() as u64,
        ],
        "the instansi's counts are the store's records: {t}"
    );
    assert!(n(&t["evaluasi_ditandatangani"]) > 0 && n(&t["unit_menyimpang"]) > 0);
    // The progress bars carry their numbers.
    assert_eq!(
        t["kemajuan_skp"],
        serde_json::json!({"nilai": t["skp_ditetapkan"], "dari": t["pegawai"],
            "persen": (n(&t["skp_ditetapkan"]) * 200 + n(&t["pegawai"])) / (2 * n(&t["pegawai"]))})
    );
    // The rows (perangkat daerah under the Pemerintah Kota) and the root's own pegawai add up.
    let baris = v["unit_anak"].as_array().unwrap();
    assert!(baris.len() > 10, "the perangkat daerah are the rows");
    let mut jumlah = [0u64; 12];
    for b in baris.iter().map(|b| &b["angka"]).chain([&v["sendiri"]]) {
        for (j, x) in jumlah.iter_mut().zip(angka(b)) {
            *j += x;
        }
    }
    assert_eq!(jumlah, angka(t), "rows and own pegawai make the total");
    let mut nama: Vec<&str> = baris.iter().map(|b| b["nama"].as_str().unwrap()).collect();
    let urut = {
        let mut x = nama.clone();
        x.sort();
        x
    };
    assert_eq!(nama, urut, "rows by name");
    nama.dedup();
    // The deviating units are the distribution page's own.
    let dari_distribusi: HashSet<i64> = distribusi["unit"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["hasil"]["sesuai_pedoman"] == false)
        .map(|d| d["unit_id"].as_i64().unwrap())
        .collect();
    let di_pemantauan: HashSet<i64> = v["menyimpang"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["unit_id"].as_i64().unwrap())
        .collect();
    assert_eq!(di_pemantauan, dari_distribusi);
    // The keberatan waiting, the oldest first.
    let kb: Vec<i64> = v["keberatan"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["id"].as_i64().unwrap())
        .collect();
    assert_eq!(
        kb.iter().copied().collect::<HashSet<_>>(),
        menunggu.iter().map(|k| k.id).collect::<HashSet<_>>()
    );
    // The current period by default.
    let kini = u.get("/api/v1/pemantauan", Some(&t_admin)).await.json();
    assert_eq!(
        kini["periode"],
        kinerja_app::evaluasi::periode_bulan_ini().as_str()
    );
    assert_eq!(kini["total"]["pegawai"], t["pegawai"]);

    // --- drill-down: the demo perangkat daerah, then the Pelaksana's unit ---------------------
    let pel = store
        .pegawai_by_nip(inst, &nip("Pelaksana"))
        .await
        .unwrap()
        .unwrap();
    let org = u.app.organisasi(inst).await.unwrap();
    let jalur: Vec<i64> = org
        .jalur_unit(pel.unit_id.unwrap())
        .iter()
        .map(|x| x.id)
        .collect();
    let pd = jalur[1];
    let baris_pd = baris
        .iter()
        .find(|b| b["unit_id"] == pd)
        .expect("the perangkat daerah is a row");
    assert!(n(&baris_pd["angka"]["skp"]) > 0);
    let v_pd = u
        .get(
            &format!("/api/v1/pemantauan?periode={lalu}&unit_id={pd}"),
            Some(&t_admin),
        )
        .await
        .json();
    assert_eq!(v_pd["unit"]["id"], pd);
    assert_eq!(
        v_pd["remah"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["unit_id"].clone())
            .collect::<Vec<_>>(),
        vec![Value::Null, pd.into()],
        "Seluruh instansi › the perangkat daerah"
    );
    assert_eq!(
        angka(&v_pd["total"]),
        angka(&baris_pd["angka"]),
        "a unit's view totals its row in the view above"
    );
    let unit_pel = *jalur.last().unwrap();
    let mut v_unit = v_pd.clone();
    for &langkah in &jalur[2..] {
        let row = v_unit["unit_anak"]
            .as_array()
            .unwrap()
            .iter()
            .find(|b| b["unit_id"] == langkah)
            .unwrap_or_else(|| panic!("unit {langkah} is a row of its parent's view"))
            .clone();
        v_unit = u
            .get(
                &format!("/api/v1/pemantauan?periode={lalu}&unit_id={langkah}"),
                Some(&t_admin),
            )
            .await
            .json();
        assert_eq!(angka(&v_unit["total"]), angka(&row["angka"]));
    }
    assert_eq!(v_unit["unit"]["id"], unit_pel);
    assert_eq!(
        v_unit["remah"].as_array().unwrap().len(),
        jalur.len(),
        "the path from the instansi, the collapsed root left out"
    );
    let orang = v_unit["pegawai"].as_array().unwrap();
    assert_eq!(orang.len() as u64, n(&v_unit["sendiri"]["pegawai"]));
    let baris_pel = orang
        .iter()
        .find(|x| x["nip"] == nip("Pelaksana").as_str())
        .expect("the Pelaksana is listed");
    let skp_pel = skp.iter().find(|s| s.pegawai_id == pel.id).unwrap();
    let e_pel = eval.iter().find(|e| e.pegawai_id == pel.id).unwrap();
    assert_eq!(baris_pel["skp_id"], skp_pel.id);
    assert_eq!(baris_pel["status_skp"], skp_pel.status.kode());
    assert_eq!(baris_pel["skp_ditetapkan"], true);
    assert_eq!(baris_pel["terdokumentasi"], didokumentasi.contains(&pel.id));
    assert_eq!(baris_pel["evaluasi_id"], e_pel.id);
    assert_eq!(baris_pel["evaluasi_skp_id"], e_pel.skp_id);
    assert_eq!(baris_pel["status_evaluasi"], e_pel.status.kode());
    assert_eq!(baris_pel["predikat"], e_pel.predikat.kode());
    assert_eq!(
        baris_pel["jabatan"],
        pel.jabatan_nama.clone().unwrap().as_str()
    );
    for x in orang {
        assert_eq!(
            x["terdokumentasi"],
            x["realisasi"].as_u64().unwrap() > 0,
            "documented means a realisation in the month"
        );
    }

    // --- a unit head: their subtree only ------------------------------------------------------
    let kabid = store
        .pegawai_by_nip(inst, &nip("Kepala Bidang"))
        .await
        .unwrap()
        .unwrap();
    let bidang = kabid.unit_id.unwrap();
    let v_kabid = u
        .get(
            &format!("/api/v1/pemantauan?periode={lalu}"),
            Some(&t_kabid),
        )
        .await
        .json();
    assert_eq!(v_kabid["seluruh_instansi"], false);
    assert_eq!(v_kabid["unit"]["id"], bidang, "their scope is their bidang");
    assert_eq!(v_kabid["remah"][0]["nama"], "Seluruh lingkup Anda");
    let v_bidang = u
        .get(
            &format!("/api/v1/pemantauan?periode={lalu}&unit_id={bidang}"),
            Some(&t_admin),
        )
        .await
        .json();
    assert_eq!(angka(&v_kabid["total"]), angka(&v_bidang["total"]));
    let r = u
        .get(
            &format!("/api/v1/pemantauan?periode={lalu}&unit_id={pd}"),
            Some(&t_kabid),
        )
        .await;
    galat(&r, 403, "dilarang", "a unit above the head's own");
    let r = u
        .get(
            &format!("/api/v1/pemantauan/ekspor?periode={lalu}&unit_id={pd}"),
            Some(&t_kabid),
        )
        .await;
    galat(&r, 403, "dilarang", "an export outside the scope");
    let r = u
        .get("/api/v1/pemantauan?unit_id=99999999", Some(&t_admin))
        .await;
    galat(&r, 404, "tidak_ditemukan", "an unknown unit");

    // --- bad input: 422 naming the field ------------------------------------------------------
    for (q, bidang) in [
        ("periode=2026-13", "periode"),
        ("periode=kemarin", "periode"),
        ("periode=2026-T2", "periode"),
        ("unit_id=satu", "unit_id"),
    ] {
        let r = u
            .get(&format!("/api/v1/pemantauan?{q}"), Some(&t_admin))
            .await;
        galat(&r, 422, "tidak_valid", q);
        assert!(
            r.json()["error"]["fields"][bidang].is_string(),
            "{q}: {}",
            r.teks()
        );
    }
    for (q, bidang) in [
        ("format=pdf", "format"),
        ("tampilan=semua", "tampilan"),
        ("periode=2026-00", "periode"),
        ("unit_id=x", "unit_id"),
    ] {
        let r = u
            .get(&format!("/api/v1/pemantauan/ekspor?{q}"), Some(&t_admin))
            .await;
        galat(&r, 422, "tidak_valid", q);
        assert!(
            r.json()["error"]["fields"][bidang].is_string(),
            "{q}: {}",
            r.teks()
        );
    }

    // --- exports: the unit table of each view, the pegawai list -------------------------------
    let r = u
        .get(
            &format!("/api/v1/pemantauan/ekspor?periode={lalu}&tampilan=unit"),
            Some(&t_admin),
        )
        .await;
    assert_eq!(
        r.headers["content-disposition"],
        format!("attachment; filename=\"pemantauan-unit-{lalu}.xlsx\"").as_str()
    );
    let tabel = xlsx(&r, &format!("pemantauan unit {lalu}"));
    assert_eq!(
        tabel[0],
        kinerja_app::pemantauan::ekspor::KOLOM_UNIT
            .iter()
            .map(|k| k.judul.to_string())
            .collect::<Vec<_>>()
    );
    let c_unit = kolom(&tabel, "Unit Kerja");
    let c_peg = kolom(&tabel, "Jumlah Pegawai");
    let c_set = kolom(&tabel, "SKP Ditetapkan");
    let c_ttd = kolom(&tabel, "Evaluasi Ditandatangani");
    let c_mny = kolom(&tabel, "Unit Menyimpang dari Kurva");
    // Rows, the root's own pegawai when any, "Jumlah" last.
    let akhir = tabel.last().unwrap();
    assert_eq!(akhir[c_unit], "Jumlah");
    assert_eq!(akhir[c_peg], t["pegawai"].to_string());
    assert_eq!(akhir[c_set], t["skp_ditetapkan"].to_string());
    assert_eq!(akhir[c_ttd], t["evaluasi_ditandatangani"].to_string());
    assert_eq!(akhir[c_mny], t["unit_menyimpang"].to_string());
    for b in baris {
        let row = tabel
            .iter()
            .find(|x| x[c_unit] == b["nama"].as_str().unwrap())
            .expect("every row exported");
        assert_eq!(row[c_peg], b["angka"]["pegawai"].to_string());
        assert_eq!(row[c_set], b["angka"]["skp_ditetapkan"].to_string());
    }
    let r = u
        .get(
            &format!("/api/v1/pemantauan/ekspor?periode={lalu}&tampilan=unit&format=csv"),
            Some(&t_admin),
        )
        .await;
    assert_eq!(csv(&r), tabel, "CSV and XLSX hold the same cells");
    // A unit view's table: its child units, then its own pegawai, then the total.
    let r = u
        .get(
            &format!("/api/v1/pemantauan/ekspor?periode={lalu}&unit_id={pd}&format=csv"),
            Some(&t_admin),
        )
        .await;
    assert_eq!(
        r.headers["content-disposition"],
        format!("attachment; filename=\"pemantauan-unit-{lalu}-unit-{pd}.csv\"").as_str()
    );
    let tabel_pd = csv(&r);
    assert_eq!(
        tabel_pd.len(),
        1 + v_pd["unit_anak"].as_array().unwrap().len()
            + usize::from(n(&v_pd["sendiri"]["pegawai"]) > 0)
            + 1,
        "header, rows, own pegawai, total"
    );
    assert_eq!(
        tabel_pd.last().unwrap()[c_peg],
        v_pd["total"]["pegawai"].to_string()
    );
    // The pegawai list of the perangkat daerah: every pegawai of its subtree, NIP as text.
    let r = u
        .get(
            &format!("/api/v1/pemantauan/ekspor?periode={lalu}&unit_id={pd}&tampilan=pegawai"),
            Some(&t_admin),
        )
        .await;
    let daftar = xlsx(&r, &format!("pemantauan pegawai {lalu}"));
    assert_eq!(
        r.headers["x-jumlah-baris"].to_str().unwrap(),
        v_pd["total"]["pegawai"].to_string()
    );
    assert_eq!((daftar.len() - 1) as u64, n(&v_pd["total"]["pegawai"]));
    let c_nip = kolom(&daftar, "NIP");
    assert!(daftar[1..].iter().all(|b| b[c_nip].len() == 18));
    let b = daftar
        .iter()
        .find(|b| b[c_nip] == nip("Pelaksana"))
        .expect("the Pelaksana in the list");
    assert_eq!(b[kolom(&daftar, "Status SKP")], skp_pel.status.label());
    assert_eq!(b[kolom(&daftar, "SKP Ditetapkan")], "Ya");
    assert_eq!(b[kolom(&daftar, "Status Evaluasi")], e_pel.status.label());
    assert_eq!(b[kolom(&daftar, "Predikat")], e_pel.predikat.label());
    assert_eq!(
        b[kolom(&daftar, "Terdokumentasi")],
        if didokumentasi.contains(&pel.id) {
            "Ya"
        } else {
            "Tidak"
        }
    );
    let c_sud = kolom(&daftar, "Terdokumentasi");
    assert_eq!(
        daftar[1..].iter().filter(|b| b[c_sud] == "Ya").count() as u64,
        n(&v_pd["total"]["terdokumentasi"])
    );
    let c_ev = kolom(&daftar, "Status Evaluasi");
    assert_eq!(
        daftar[1..]
            .iter()
            .filter(|b| b[c_ev] == "Belum dievaluasi")
            .count() as u64,
        n(&v_pd["total"]["evaluasi_belum"])
    );
    // Every pegawai of the instansi as CSV.
    let r = u
        .get(
            &format!("/api/v1/pemantauan/ekspor?periode={lalu}&tampilan=pegawai&format=csv"),
            Some(&t_admin),
        )
        .await;
    let semua_csv = csv(&r);
    assert_eq!(semua_csv.len() - 1, pegawai.len());
    let c_nip = kolom(&semua_csv, "NIP");
    let nip_csv: HashSet<&str> = semua_csv[1..].iter().map(|b| b[c_nip].as_str()).collect();
    assert_eq!(nip_csv.len(), pegawai.len());
    // The head's export is their scope's.
    let r = u
        .get(
            &format!("/api/v1/pemantauan/ekspor?periode={lalu}&tampilan=pegawai&format=csv"),
            Some(&t_kabid),
        )
        .await;
    assert_eq!((csv(&r).len() - 1) as u64, n(&v_kabid["total"]["pegawai"]));

    // --- the page ----------------------------------------------------------------------------
    let r = u
        .get(&format!("/pemantauan?periode={lalu}"), Some(&t_admin))
        .await;
    assert_eq!(r.status, 200, "{}", r.teks());
    let html = r.teks();
    assert!(html.contains("data-testid=\"judul-pemantauan\""));
    assert!(html.contains(&format!(
        "href=\"/pemantauan?periode={lalu}&amp;unit={pd}\""
    )));
    assert!(html.contains("<progress"), "progress bars");
    assert!(html.contains("action=\"/pemantauan/ekspor\""));
    let r = u
        .get(
            &format!("/pemantauan?periode={lalu}&unit={unit_pel}"),
            Some(&t_admin),
        )
        .await;
    let html = r.teks();
    assert_eq!(r.status, 200);
    assert!(html.contains(&format!("data-nip=\"{}\"", nip("Pelaksana"))));
    assert!(html.contains(&format!("href=\"/skp/{}\"", skp_pel.id)));
    assert!(html.contains(&format!("href=\"/evaluasi/skp/{}/{lalu}\"", e_pel.skp_id)));
    assert!(html.contains(&format!("href=\"/pegawai/{}\"", nip("Pelaksana"))));
    assert!(
        html.contains(&format!(
            "href=\"/pemantauan?periode={lalu}&amp;unit={pd}\""
        )),
        "breadcrumbs"
    );
    let r = u
        .get(
            &format!(
                "/pemantauan/ekspor?periode={lalu}&unit={unit_pel}&tampilan=pegawai&format=csv"
            ),
            Some(&t_admin),
        )
        .await;
    assert_eq!((csv(&r).len() - 1) as u64, n(&v_unit["total"]["pegawai"]));
    let r = u.get("/pemantauan?unit=abc", Some(&t_admin)).await;
    assert_eq!(r.status, 422);
    let r = u.get("/pemantauan?periode=2026-13", Some(&t_admin)).await;
    assert_eq!(r.status, 422);
    let r = u.get("/pemantauan", Some(&t_pel)).await;
    assert_eq!(r.status, 403);
    let r = u.get("/pemantauan", Some(&t_kabid)).await;
    assert_eq!(r.status, 200);
    let r = u.get("/skp/monitoring", Some(&t_admin)).await;
    assert!(
        r.teks().contains("href=\"/pemantauan\""),
        "SKP monitoring links here"
    );
}
