//! The HR exports through the API and the page, on the demo instansi after the evaluation
//! journeys: every report as admin in XLSX (read back with calamine: header, the NIP as text,
//! real values against the store) and in CSV; the TPP deduction from the instansi's own table;
//! the ranking as the domain ranks; a unit head limited to their subtree (another unit 403); a
//! pegawai 403; bad periods and formats 422 naming the field; an unknown report 404; the page
//! and its download route.

use super::pelaksanaan_api::galat;
use super::{Jawab, Uji};
use calamine::{Data, Reader, Xlsx};
use chrono::Datelike;
use kinerja_domain::jabatan::Jenjang;
use kinerja_domain::kuadran::Predikat;
use kinerja_domain::profil::{PotonganTpp, ProfilKebijakan};
use kinerja_store::{FilterEvaluasi, Pelaku};
use std::collections::HashSet;

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// A report as rows of text cells (numbers as they print, dates as YYYY-MM-DD), header first.
struct Tabel {
    baris: Vec<Vec<String>>,
}

impl Tabel {
    fn kepala(&self) -> &[String] {
        &self.baris[0]
    }
    fn kolom(&self, judul: &str) -> usize {
        self.kepala()
            .iter()
            .position(|k| k == judul)
            .unwrap_or_else(|| panic!("no column {judul}: {:?}", self.kepala()))
    }
    fn isi(&self) -> &[Vec<String>] {
        &self.baris[1..]
    }
    /// The rows whose NIP column is `nip`.
    fn milik(&self, nip: &str) -> Vec<&Vec<String>> {
        let c = self.kolom("NIP");
        self.isi().iter().filter(|b| b[c] == nip).collect()
    }
    fn nilai<'a>(&self, b: &'a [String], judul: &str) -> &'a str {
        &b[self.kolom(judul)]
    }
}

fn xlsx(r: &Jawab, lembar: &str) -> Tabel {
    assert_eq!(r.status, 200, "{}", r.teks());
    assert_eq!(r.headers["content-type"], XLSX);
    assert_eq!(
        r.headers["content-length"].to_str().unwrap(),
        r.body.len().to_string()
    );
    let mut x: Xlsx<_> = Xlsx::new(std::io::Cursor::new(r.body.clone())).expect("an XLSX");
    let range = x.worksheet_range(lembar).expect("the sheet");
    let mut baris: Vec<Vec<String>> = Vec::new();
    for row in range.rows() {
        baris.push(
            row.iter()
                .map(|d| match d {
                    Data::Empty => String::new(),
                    Data::String(s) => s.clone(),
                    Data::Float(f) => f.to_string(),
                    Data::Int(i) => i.to_string(),
                    // Excel's serial day: 1 is 1900-01-01, with 1900 taken as a leap year.
                    Data::DateTime(t) => (chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap()
                        + chrono::Days::new(t.as_f64() as u64))
                    .format("%Y-%m-%d")
                    .to_string(),
                    lain => format!("{lain:?}"),
                })
                .collect(),
        );
    }
    // The NIP stays text: 18 digits, never a number.
    let c = baris[0].iter().position(|k| k == "NIP").unwrap();
    for (i, row) in range.rows().enumerate().skip(1) {
        assert!(
            matches!(&row[c], Data::String(s) if s.len() == 18),
            "row {i}: NIP {:?}",
            row[c]
        );
    }
    Tabel { baris }
}

fn baca_csv(r: &Jawab) -> Tabel {
    assert_eq!(r.status, 200, "{}", r.teks());
    assert_eq!(r.headers["content-type"], "text/csv; charset=utf-8");
    assert!(
        r.body.starts_with("\u{feff}".as_bytes()),
        "UTF-8 with a byte-order mark"
    );
    let mut rd = csv_reader(&r.body[3..]);
    let mut baris = vec![rd.headers().unwrap().iter().map(str::to_string).collect()];
    for rec in rd.records() {
        baris.push(rec.unwrap().iter().map(str::to_string).collect());
    }
    Tabel { baris }
}

fn csv_reader(b: &[u8]) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new().from_reader(b)
}

fn nama_berkas(r: &Jawab) -> String {
    r.headers["content-disposition"]
        .to_str()
        .unwrap()
        .to_string()
}

pub(super) async fn semua(u: &Uji) {
    let hari = kinerja_app::skp::hari_ini();
    if hari.year() != 2026 || hari.month() < 3 {
        // The demo evaluates 2026 up to today; the checks need a signed past month.
        return;
    }
    let lalu = format!("2026-{:02}", hari.month() - 1);
    let nip = |peran: &str| u.login(peran).username.clone();
    let t_admin = u.token("admin").await;
    let t_kabid = u.token(&nip("Kepala Bidang")).await;
    let t_pel = u.token(&nip("Pelaksana")).await;
    let inst = u.app.store.instansi_utama().await.unwrap().unwrap().id;
    let store = &u.app.store;
    let semua_pegawai = store.semua_pegawai(inst).await.unwrap();
    let eval_lalu = store
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
    assert!(!eval_lalu.is_empty(), "the demo signed last month");

    // --- evaluasi, XLSX: one row per pegawai (or per evaluation), the store's values ---------
    let r = u
        .get(
            &format!("/api/v1/laporan/evaluasi?periode={lalu}"),
            Some(&t_admin),
        )
        .await;
    assert_eq!(
        nama_berkas(&r),
        format!("attachment; filename=\"laporan-evaluasi-{lalu}.xlsx\"")
    );
    let ev = xlsx(&r, &format!("evaluasi {lalu}"));
    assert_eq!(
        ev.kepala(),
        [
            "No",
            "NIP",
            "Nama",
            "Pangkat/Gol.",
            "Jabatan",
            "Unit Kerja",
            "Periode",
            "Capaian Kinerja Organisasi",
            "Rating Hasil Kerja",
            "Rating Perilaku",
            "Predikat",
            "Status Evaluasi",
            "Ditandatangani Penilai",
            "Diterima Pegawai",
            "Keberatan",
            "Pejabat Penilai"
        ]
    );
    let dinilai: HashSet<i64> = eval_lalu.iter().map(|e| e.pegawai_id).collect();
    assert_eq!(
        ev.isi().len(),
        semua_pegawai.len() - dinilai.len() + eval_lalu.len(),
        "every pegawai once, or once per evaluation"
    );
    assert_eq!(ev.isi()[0][0], "1");
    for e in &eval_lalu {
        let rows = ev.milik(&e.nip);
        let b = rows
            .iter()
            .find(|b| ev.nilai(b, "Predikat") == e.predikat.label())
            .unwrap_or_else(|| panic!("{}: {:?}", e.nip, rows));
        assert_eq!(ev.nilai(b, "Status Evaluasi"), e.status.label());
        assert_eq!(
            ev.nilai(b, "Rating Hasil Kerja"),
            e.rating_hasil_kerja.label()
        );
        if let Some(d) = e.diterima {
            assert_eq!(
                ev.nilai(b, "Ditandatangani Penilai"),
                d.format("%Y-%m-%d").to_string()
            );
        }
    }
    let belum: Vec<_> = ev
        .isi()
        .iter()
        .filter(|b| ev.nilai(b, "Status Evaluasi") == "Belum dievaluasi")
        .collect();
    assert_eq!(belum.len(), semua_pegawai.len() - dinilai.len());
    assert!(belum.iter().all(|b| ev.nilai(b, "Predikat").is_empty()));
    let pel = ev.milik(&nip("Pelaksana"));
    assert_eq!(pel.len(), 1);
    assert_eq!(
        ev.nilai(pel[0], "Pejabat Penilai"),
        u.login("Kepala Seksi").nama
    );

    // --- the same as CSV ----------------------------------------------------------------------
    let r = u
        .get(
            &format!("/api/v1/laporan/evaluasi?periode={lalu}&format=csv"),
            Some(&t_admin),
        )
        .await;
    assert_eq!(
        nama_berkas(&r),
        format!("attachment; filename=\"laporan-evaluasi-{lalu}.csv\"")
    );
    let ev_csv = baca_csv(&r);
    assert_eq!(ev_csv.kepala(), ev.kepala());
    assert_eq!(ev_csv.isi().len(), ev.isi().len());
    for (a, b) in ev.isi().iter().zip(ev_csv.isi()) {
        assert_eq!(a, b, "XLSX and CSV hold the same cells");
    }

    // --- skp ----------------------------------------------------------------------------------
    let r = u
        .get("/api/v1/laporan/skp?periode=2026", Some(&t_admin))
        .await;
    assert_eq!(
        nama_berkas(&r),
        "attachment; filename=\"laporan-skp-2026.xlsx\""
    );
    let skp = xlsx(&r, "skp 2026");
    assert_eq!(skp.isi().len(), semua_pegawai.len());
    assert_eq!(skp.kepala().len(), 16);
    assert_eq!(skp.kepala()[3], "Pangkat/Gol. Ruang");
    let pel = skp.milik(&nip("Pelaksana"))[0];
    let skp_pel = store
        .skp_tahun(
            inst,
            &[semua_pegawai
                .iter()
                .find(|p| p.nip.to_string() == nip("Pelaksana"))
                .unwrap()
                .id],
            2026,
        )
        .await
        .unwrap()
        .remove(0)
        .skp;
    assert_eq!(skp.nilai(pel, "Status SKP"), skp_pel.status.label());
    assert_eq!(
        skp.nilai(pel, "Jumlah RHK Utama"),
        skp_pel
            .rhk
            .iter()
            .filter(|r| r.jenis == kinerja_domain::perilaku::JenisRhk::Utama)
            .count()
            .to_string()
    );
    assert_eq!(
        skp.nilai(pel, "Jumlah IKI"),
        skp_pel
            .rhk
            .iter()
            .map(|r| r.iki.len())
            .sum::<usize>()
            .to_string()
    );
    assert_eq!(
        skp.nilai(pel, "Pejabat Penilai"),
        u.login("Kepala Seksi").nama
    );
    assert_eq!(skp.nilai(pel, "NIP Pejabat Penilai"), nip("Kepala Seksi"));
    assert!(skp.nilai(pel, "Pangkat/Gol. Ruang").contains('/'));
    assert!(
        skp.isi()
            .iter()
            .any(|b| skp.nilai(b, "Status SKP") == "Belum ada SKP"),
        "pegawai without an SKP are listed"
    );

    // --- tpp: the default table deducts nothing; the instansi's own table is used ------------
    let r = u
        .get(
            &format!("/api/v1/laporan/tpp?periode={lalu}"),
            Some(&t_admin),
        )
        .await;
    let tpp = xlsx(&r, &format!("tpp {lalu}"));
    assert_eq!(
        tpp.kepala(),
        [
            "NIP",
            "Nama",
            "Jabatan",
            "Unit Kerja",
            "Periode",
            "Predikat",
            "Status Dokumen",
            "Potongan TPP (%)",
            "Keterangan"
        ]
    );
    let ditandatangani: Vec<_> = eval_lalu.iter().filter(|e| e.status.terkunci()).collect();
    assert!(!ditandatangani.is_empty());
    for e in &ditandatangani {
        let b = tpp.milik(&e.nip)[0];
        assert_eq!(tpp.nilai(b, "Potongan TPP (%)"), "0");
    }
    assert!(tpp
        .isi()
        .iter()
        .any(|b| tpp.nilai(b, "Status Dokumen") == "Belum ada"
            && tpp.nilai(b, "Potongan TPP (%)").is_empty()
            && !tpp.nilai(b, "Keterangan").is_empty()));
    let lama = store.profil(inst, 2026).await.unwrap();
    let mut profil: ProfilKebijakan = lama.clone().unwrap_or_default();
    profil.tpp = vec![
        PotonganTpp {
            predikat: Predikat::ButuhPerbaikan,
            persen_potongan: 10,
        },
        PotonganTpp {
            predikat: Predikat::Kurang,
            persen_potongan: 25,
        },
        PotonganTpp {
            predikat: Predikat::SangatKurang,
            persen_potongan: 50,
        },
    ];
    store
        .simpan_profil(inst, 2026, &profil, &Pelaku::sistem())
        .await
        .unwrap();
    let r = u
        .get(
            &format!("/api/v1/laporan/tpp?periode={lalu}&format=csv"),
            Some(&t_admin),
        )
        .await;
    let tpp = baca_csv(&r);
    let mut berpotongan = 0;
    for e in &ditandatangani {
        let b = tpp.milik(&e.nip)[0];
        assert_eq!(tpp.nilai(b, "Predikat"), e.predikat.label());
        assert_eq!(
            tpp.nilai(b, "Potongan TPP (%)"),
            profil.potongan_tpp(e.predikat).to_string(),
            "{}",
            e.nip
        );
        berpotongan += usize::from(profil.potongan_tpp(e.predikat) > 0);
    }
    assert!(
        berpotongan > 0,
        "the demo has predikat below Baik last month"
    );
    for e in eval_lalu.iter().filter(|e| !e.status.terkunci()) {
        let b = tpp.milik(&e.nip)[0];
        assert!(tpp.nilai(b, "Potongan TPP (%)").is_empty());
        assert!(tpp.nilai(b, "Keterangan").contains("belum ditandatangani"));
    }
    // Back to the profile the other journeys expect.
    store
        .simpan_profil(inst, 2026, &lama.unwrap_or_default(), &Pelaku::sistem())
        .await
        .unwrap();

    // --- peringkat: the same ranking as the API's ----------------------------------------------
    let r = u
        .get(
            &format!("/api/v1/laporan/peringkat?periode={lalu}"),
            Some(&t_admin),
        )
        .await;
    let rk = xlsx(&r, &format!("peringkat {lalu}"));
    let api = u
        .get(&format!("/api/v1/peringkat?periode={lalu}"), Some(&t_admin))
        .await
        .json();
    let items = api["items"].as_array().unwrap();
    assert_eq!(rk.isi().len(), items.len());
    assert_eq!(rk.isi().len(), eval_lalu.len());
    for (b, x) in rk.isi().iter().zip(items) {
        assert_eq!(rk.nilai(b, "NIP"), x["nip"].as_str().unwrap());
        assert_eq!(
            rk.nilai(b, "Peringkat"),
            x["peringkat"].as_u64().unwrap().to_string()
        );
    }
    // Competition ranking: "1, 1, 3".
    for (i, b) in rk.isi().iter().enumerate() {
        let n: usize = rk.nilai(b, "Peringkat").parse().unwrap();
        if i == 0 || rk.nilai(b, "Predikat") != rk.nilai(&rk.isi()[i - 1], "Predikat") {
            assert_eq!(n, i + 1);
        } else {
            assert_eq!(
                rk.nilai(b, "Peringkat"),
                rk.nilai(&rk.isi()[i - 1], "Peringkat")
            );
        }
    }

    // --- angka kredit: JF SKP with a signed annual evaluation, as the calculator computes ------
    let r = u
        .get("/api/v1/laporan/angka_kredit?periode=2026", Some(&t_admin))
        .await;
    assert_eq!(
        nama_berkas(&r),
        "attachment; filename=\"laporan-angka-kredit-2026.xlsx\""
    );
    let ak = xlsx(&r, "angka_kredit 2026");
    assert_eq!(ak.kepala()[10], "Angka Kredit");
    let tahunan_jf: Vec<_> = store
        .daftar_evaluasi(
            inst,
            &FilterEvaluasi {
                periode: Some("2026".into()),
                limit: 100_000,
                ..Default::default()
            },
        )
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.status.terkunci())
        .filter(|e| {
            semua_pegawai.iter().any(|p| {
                p.id == e.pegawai_id
                    && p.jenis_jabatan == Some(kinerja_domain::jabatan::JenisJabatan::Fungsional)
            })
        })
        .collect();
    assert_eq!(ak.isi().len(), tahunan_jf.len(), "{:?}", ak.isi());
    for b in ak.isi() {
        let jenjang = Jenjang::SEMUA
            .iter()
            .find(|j| j.label() == ak.nilai(b, "Jenjang"))
            .unwrap();
        let predikat = Predikat::SEMUA
            .iter()
            .find(|p| p.label() == ak.nilai(b, "Predikat"))
            .unwrap();
        let k = u
            .get(
                &format!(
                    "/api/v1/rules/angka-kredit?jenjang={}&predikat={}&bulan={}",
                    jenjang.kode(),
                    predikat.kode(),
                    ak.nilai(b, "Bulan")
                ),
                Some(&t_admin),
            )
            .await
            .json();
        assert_eq!(
            ak.nilai(b, "Angka Kredit").parse::<f64>().unwrap(),
            k["angka_kredit"].as_f64().unwrap()
        );
        assert_eq!(
            ak.nilai(b, "Koefisien").parse::<f64>().unwrap(),
            k["koefisien"].as_f64().unwrap()
        );
    }

    // --- a unit head: their subtree only; another unit 403 -------------------------------------
    let kabid = u.get("/api/v1/me", Some(&t_kabid)).await.json();
    let unit_kabid = kabid["pegawai"]["unit_id"].as_i64().unwrap();
    let r = u
        .get(
            &format!("/api/v1/laporan/evaluasi?periode={lalu}&format=csv"),
            Some(&t_kabid),
        )
        .await;
    let milik_kabid = baca_csv(&r);
    let r = u
        .get(
            &format!("/api/v1/laporan/evaluasi?periode={lalu}&format=csv&unit_id={unit_kabid}"),
            Some(&t_admin),
        )
        .await;
    assert!(nama_berkas(&r).contains(&format!("-unit-{unit_kabid}.csv")));
    let unit_admin = baca_csv(&r);
    let nips = |t: &Tabel| -> HashSet<String> {
        t.isi()
            .iter()
            .map(|b| t.nilai(b, "NIP").to_string())
            .collect()
    };
    assert_eq!(nips(&milik_kabid), nips(&unit_admin));
    assert!(nips(&milik_kabid).len() < semua_pegawai.len());
    assert!(nips(&milik_kabid).contains(&nip("Kepala Bidang")));
    assert!(!nips(&milik_kabid).contains(&nip("Kepala Dinas")));
    let detail = u
        .get(
            &format!("/api/v1/pegawai/{}", nip("Pelaksana")),
            Some(&t_admin),
        )
        .await
        .json();
    let jalur: Vec<i64> = detail["jalur_unit"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|x| x["id"].as_i64())
        .collect();
    assert_eq!(
        nips(&milik_kabid).contains(&nip("Pelaksana")),
        jalur.contains(&unit_kabid)
    );
    let induk = jalur[jalur
        .iter()
        .position(|&x| x == unit_kabid)
        .unwrap_or(1)
        .max(1)
        - 1];
    let r = u
        .get(
            &format!("/api/v1/laporan/evaluasi?periode={lalu}&unit_id={induk}"),
            Some(&t_kabid),
        )
        .await;
    galat(&r, 403, "dilarang", "a unit above the head's own");
    let r = u
        .get(
            "/api/v1/laporan/skp?periode=2026&unit_id=99999999",
            Some(&t_admin),
        )
        .await;
    galat(&r, 404, "tidak_ditemukan", "an unknown unit");

    // --- refused -------------------------------------------------------------------------------
    let r = u
        .get(
            &format!("/api/v1/laporan/evaluasi?periode={lalu}"),
            Some(&t_pel),
        )
        .await;
    galat(&r, 403, "dilarang", "a pegawai who leads no unit");
    let r = u
        .get(&format!("/api/v1/laporan/evaluasi?periode={lalu}"), None)
        .await;
    assert_eq!(r.status, 401);
    for (uri, bidang) in [
        ("/api/v1/laporan/evaluasi?periode=2026-13", "periode"),
        ("/api/v1/laporan/evaluasi?periode=2026-T1", "periode"),
        ("/api/v1/laporan/evaluasi", "periode"),
        ("/api/v1/laporan/skp?periode=2026-10", "periode"),
        ("/api/v1/laporan/angka_kredit?periode=kemarin", "periode"),
        ("/api/v1/laporan/tpp?periode=2026-10&format=pdf", "format"),
        (
            "/api/v1/laporan/tpp?periode=2026-10&unit_id=satu",
            "unit_id",
        ),
    ] {
        let r = u.get(uri, Some(&t_admin)).await;
        galat(&r, 422, "tidak_valid", uri);
        assert!(
            r.json()["error"]["fields"][bidang].is_string(),
            "{uri}: {}",
            r.teks()
        );
    }
    let r = u
        .get("/api/v1/laporan/gaji?periode=2026-10", Some(&t_admin))
        .await;
    galat(&r, 404, "tidak_ditemukan", "an unknown report");
    assert!(r.teks().contains("angka_kredit"), "{}", r.teks());

    // --- OpenAPI -------------------------------------------------------------------------------
    let d = u.get("/api/openapi.json", None).await.json();
    let op = &d["paths"]["/api/v1/laporan/{jenis}"]["get"];
    let param = |n: &str| {
        op["parameters"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["name"] == n)
            .unwrap_or_else(|| panic!("parameter {n}: {op}"))
            .clone()
    };
    assert_eq!(param("jenis")["in"], "path");
    assert_eq!(
        (
            param("periode")["in"].as_str(),
            param("periode")["required"].as_bool()
        ),
        (Some("query"), Some(true))
    );
    assert_eq!(param("format")["in"], "query");
    assert!(d["components"]["schemas"]["JenisLaporan"]["enum"]
        .as_array()
        .is_some_and(|v| v.len() == 5));

    // --- the page and its download route --------------------------------------------------------
    let r = u.get("/laporan", Some(&t_admin)).await;
    assert_eq!(r.status, 200);
    let h = r.teks();
    for j in ["skp", "evaluasi", "tpp", "peringkat", "angka_kredit"] {
        assert!(
            h.contains(&format!("action=\"/laporan/{j}\"")),
            "a form for {j}"
        );
    }
    assert!(h.contains("href=\"/laporan\""), "the nav links the page");
    assert!(!h.contains("<script"), "no script");
    let r = u
        .get(
            &format!("/laporan/peringkat?periode={lalu}&unit_id=&format=csv"),
            Some(&t_admin),
        )
        .await;
    let lewat_halaman = baca_csv(&r);
    assert_eq!(lewat_halaman.isi().len(), rk.isi().len());
    let r = u
        .get(
            "/laporan/evaluasi?periode=2026-13&unit_id=&format=xlsx",
            Some(&t_admin),
        )
        .await;
    assert_eq!(r.status, 422);
    let h = r.teks();
    assert!(
        h.contains("data-testid=\"galat-halaman\"") && h.contains("2026-13"),
        "the page again with the message"
    );
    let r = u.get("/laporan", Some(&t_kabid)).await;
    assert_eq!(r.status, 200);
    assert!(
        !r.teks().contains(&format!("value=\"{induk}\"")),
        "only the head's units"
    );
    let r = u.get("/laporan", Some(&t_pel)).await;
    assert_eq!(r.status, 403);
    let r = u
        .get(&format!("/laporan/evaluasi?periode={lalu}"), Some(&t_pel))
        .await;
    assert_eq!(r.status, 403);
}
