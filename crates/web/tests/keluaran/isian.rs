//! Storing a marker in every free-text field, through the JSON API (and the CSV import), as
//! the people who may write each; and where each must show afterwards. Also: input that a page
//! reflects (a query, a path, a refused form), the downloads, and the PDFs.

use super::{esc, jejak, penanda, penanda_pendek, Bidang, Hitung, Peramban, Siapa};
use crate::{Jawab, Uji};
use axum::http::{header, Method, StatusCode};
use chrono::Datelike;
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};

/// The fields, numbered as they are made.
#[derive(Default)]
struct Kumpulan {
    v: Vec<Bidang>,
}

impl Kumpulan {
    /// A new field with the standard marker; its value.
    fn baru(&mut self, nama: &str) -> String {
        let n = self.v.len() + 1;
        self.khusus(nama, penanda(n), jejak(n))
    }

    /// A new field with the short marker (a field with a short limit).
    fn pendek(&mut self, nama: &str) -> String {
        let n = self.v.len() + 1;
        self.khusus(nama, penanda_pendek(n), jejak(n))
    }

    /// A new field whose value and page trace are given (a URL, a file name).
    fn khusus(&mut self, nama: &str, nilai: String, jejak: String) -> String {
        let n = self.v.len() + 1;
        self.v.push(Bidang {
            n,
            nama: nama.to_string(),
            nilai: nilai.clone(),
            jejak,
            halaman: Vec::new(),
            api: Vec::new(),
            atribut: false,
        });
        nilai
    }

    fn cari(&mut self, nilai: &str) -> &mut Bidang {
        self.v
            .iter_mut()
            .find(|b| b.nilai == nilai)
            .expect("a field made here")
    }

    /// Field `nilai` shows on these pages.
    fn di(&mut self, nilai: &str, halaman: &[(Siapa, &str)]) -> &mut Self {
        let b = self.cari(nilai);
        b.halaman
            .extend(halaman.iter().map(|(s, u)| (*s, u.to_string())));
        self
    }

    /// Field `nilai` is carried by these JSON answers.
    fn api(&mut self, nilai: &str, api: &[(Siapa, &str)]) -> &mut Self {
        let b = self.cari(nilai);
        b.api.extend(api.iter().map(|(s, u)| (*s, u.to_string())));
        self
    }

    /// Field `nilai` is written into an attribute value on one of its pages.
    fn atribut(&mut self, nilai: &str) -> &mut Self {
        self.cari(nilai).atribut = true;
        self
    }
}

/// Bearer tokens of the demo logins.
struct Token(BTreeMap<Siapa, String>);

impl Token {
    fn t(&self, s: Siapa) -> &str {
        &self.0[&s]
    }
}

async fn kirim(u: &Uji, m: Method, uri: &str, t: &str, v: Value) -> Jawab {
    u.kirim(
        m,
        uri,
        Some(t),
        Some(("application/json", v.to_string().into_bytes())),
    )
    .await
}

fn ok(r: &Jawab, apa: &str) -> Value {
    assert!(r.status.is_success(), "{apa}: {} {}", r.status, r.teks());
    r.json()
}

fn versi(v: &Value) -> i64 {
    v["version"]
        .as_i64()
        .unwrap_or_else(|| panic!("a version in {v}"))
}

/// A CSV export of the admin, read back as rows of named cells.
async fn ekspor(u: &Uji, t: &str, jenis: &str) -> (csv::StringRecord, Vec<csv::StringRecord>) {
    let r = u
        .get(&format!("/api/v1/ekspor/{jenis}?format=csv"), Some(t))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.teks());
    let mut rd = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(r.body.as_slice());
    let kepala = rd.headers().unwrap().clone();
    let baris = rd.records().map(|x| x.unwrap()).collect();
    (kepala, baris)
}

fn kolom(kepala: &csv::StringRecord, nama: &str) -> usize {
    kepala
        .iter()
        .position(|k| k == nama)
        .unwrap_or_else(|| panic!("column {nama} in {kepala:?}"))
}

fn tulis_csv(kepala: &csv::StringRecord, baris: &[csv::StringRecord]) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(kepala).unwrap();
    for b in baris {
        w.write_record(b).unwrap();
    }
    w.into_inner().unwrap()
}

fn ganti(r: &csv::StringRecord, i: usize, nilai: &str) -> csv::StringRecord {
    r.iter()
        .enumerate()
        .map(|(j, v)| if j == i { nilai } else { v })
        .collect()
}

async fn impor(u: &Uji, t: &str, jenis: &str, isi: Vec<u8>) -> Value {
    let r = u
        .kirim(
            Method::POST,
            &format!("/api/v1/impor/{jenis}"),
            Some(t),
            Some(("text/csv", isi)),
        )
        .await;
    ok(&r, &format!("import {jenis}"))
}

/// A minimal PDF the evidence check accepts.
fn pdf() -> Vec<u8> {
    b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n".to_vec()
}

/// Percent-encoding of everything but letters and digits (for a path segment or a query value).
pub(super) fn persen(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// What the checks after storing need to know.
pub(super) struct Konteks {
    pub(super) skp_pel: Option<i64>,
    pub(super) kini: Option<String>,
    pub(super) lalu: Option<String>,
    pub(super) skp_jf: i64,
    pub(super) skp_kadis: i64,
    pub(super) bukti: Option<i64>,
    pub(super) pel: String,
    pub(super) penanda_nama_pel: String,
    pub(super) penanda_unit: String,
    pub(super) penanda_tempat: String,
    pub(super) penanda_rhk_jf: String,
}

/// Store a marker in every field; the fields and where they show.
pub(super) async fn simpan(u: &Uji) -> (Vec<Bidang>, Konteks) {
    let mut k = Kumpulan::default();
    let mut token = BTreeMap::new();
    for s in Siapa::LOGIN {
        token.insert(s, u.token(&s.username(u)).await);
    }
    let t = Token(token);
    let nip = |s: Siapa| s.username(u);
    let (pel, jf, kasi, kabid, kadis) = (
        nip(Siapa::Pelaksana),
        nip(Siapa::Jf),
        nip(Siapa::Kasi),
        nip(Siapa::Kabid),
        nip(Siapa::Kadis),
    );
    let pegawai_pel = ok(
        &u.get(&format!("/api/v1/pegawai/{pel}"), Some(t.t(Siapa::Admin)))
            .await,
        "pegawai",
    );
    let pel_id = pegawai_pel["pegawai"]["id"].as_i64().unwrap();
    let unit_id = pegawai_pel["pegawai"]["unit_id"].as_i64().unwrap();

    // --- the organisation, through the CSV import ----------------------------------------------
    let admin = t.t(Siapa::Admin);
    let (kp, bp) = ekspor(u, admin, "pegawai").await;
    let (kj, bj) = ekspor(u, admin, "jabatan").await;
    let (ku, bu) = ekspor(u, admin, "unit").await;
    let b_pel = bp
        .iter()
        .find(|r| &r[kolom(&kp, "nip")] == pel.as_str())
        .expect("the Pelaksana in the export")
        .clone();
    let jab_kode = b_pel[kolom(&kp, "jabatan_kode")].to_string();
    let b_jab = bj
        .iter()
        .find(|r| r[kolom(&kj, "kode")] == jab_kode)
        .expect("the Pelaksana's position")
        .clone();
    let unit_kode = b_jab[kolom(&kj, "unit_kode")].to_string();
    let b_unit = bu
        .iter()
        .find(|r| r[kolom(&ku, "kode")] == unit_kode)
        .expect("the Pelaksana's unit")
        .clone();
    let m_unit = k.baru("unit: nama (CSV import)");
    let v = impor(
        u,
        admin,
        "unit",
        tulis_csv(&ku, &[ganti(&b_unit, kolom(&ku, "nama"), &m_unit)]),
    )
    .await;
    assert_eq!(v["unit_diubah"], 1, "{v}");
    let m_jab = k.baru("jabatan: nama (CSV import)");
    let m_non_asn = k.baru("jabatan: pemangku_non_asn (CSV import)");
    let mut baru = ganti(&b_jab, kolom(&kj, "kode"), "XSS-NONASN");
    for (kol, nilai) in [
        ("plt_nip", ""),
        ("plh_nip", ""),
        ("pemangku_non_asn", m_non_asn.as_str()),
    ] {
        baru = ganti(&baru, kolom(&kj, kol), nilai);
    }
    let v = impor(
        u,
        admin,
        "jabatan",
        tulis_csv(&kj, &[ganti(&b_jab, kolom(&kj, "nama"), &m_jab), baru]),
    )
    .await;
    assert_eq!(
        (v["jabatan_diubah"].as_i64(), v["jabatan_baru"].as_i64()),
        (Some(1), Some(1)),
        "{v}"
    );
    let m_nama = k.baru("pegawai: nama (CSV import)");
    let v = impor(
        u,
        admin,
        "pegawai",
        tulis_csv(&kp, &[ganti(&b_pel, kolom(&kp, "nama"), &m_nama)]),
    )
    .await;
    assert_eq!(v["pegawai_diubah"], 1, "{v}");
    let unit_uri = format!("/organisasi/unit/{unit_id}");
    let pegawai_uri = format!("/pegawai/{pel}");
    k.di(
        &m_unit,
        &[
            (Siapa::Admin, unit_uri.as_str()),
            (Siapa::Admin, "/organisasi"),
            (Siapa::Admin, pegawai_uri.as_str()),
            (Siapa::Pelaksana, "/"),
        ],
    )
    .api(
        &m_unit,
        &[(Siapa::Admin, &format!("/api/v1/unit/{unit_id}"))],
    );
    k.di(
        &m_jab,
        &[
            (Siapa::Admin, unit_uri.as_str()),
            (Siapa::Admin, pegawai_uri.as_str()),
            (Siapa::Pelaksana, "/"),
        ],
    )
    .api(&m_jab, &[(Siapa::Admin, &format!("/api/v1/pegawai/{pel}"))]);
    k.di(&m_non_asn, &[(Siapa::Admin, unit_uri.as_str())]).api(
        &m_non_asn,
        &[(Siapa::Admin, &format!("/api/v1/unit/{unit_id}"))],
    );
    k.di(
        &m_nama,
        &[
            (Siapa::Admin, pegawai_uri.as_str()),
            (Siapa::Admin, &format!("/pegawai?q={pel}")),
            (Siapa::Kasi, "/"),
            (Siapa::Pelaksana, "/"),
        ],
    )
    .api(
        &m_nama,
        &[
            (Siapa::Admin, &format!("/api/v1/pegawai/{pel}")),
            (Siapa::Pelaksana, "/api/v1/me"),
        ],
    );

    // --- planning (2028): the leader's RHK, the JF's SKP returned with notes --------------------
    const TH: i32 = 2028;
    let d = ok(
        &u.post_json("/api/v1/skp", Some(t.t(Siapa::Kasi)), json!({"tahun": TH}))
            .await,
        "the Kepala Seksi's SKP",
    );
    let skp_kasi = d["skp"]["id"].as_i64().unwrap();
    let m_rhk_pimpinan = k.baru("SKP: RHK uraian of the leader (matriks column)");
    let d = ok(
        &u.post_json(
            &format!("/api/v1/skp/{skp_kasi}/rhk"),
            Some(t.t(Siapa::Kasi)),
            json!({"version": versi(&d), "uraian": m_rhk_pimpinan,
                   "iki": {"aspek": "kuantitas", "indikator": "Jumlah laporan", "target": "12 laporan"}}),
        )
        .await,
        "the leader's RHK",
    );
    let kolom_rhk = d["skp"]["rhk"][0]["id"].as_i64().unwrap();

    let d = ok(
        &u.post_json("/api/v1/skp", Some(t.t(Siapa::Jf)), json!({"tahun": TH}))
            .await,
        "the JF's SKP",
    );
    let skp_jf = d["skp"]["id"].as_i64().unwrap();
    let sj = format!("/api/v1/skp/{skp_jf}");
    let m_rhk = k.baru("SKP: RHK uraian");
    let m_indikator = k.baru("SKP: IKI indikator");
    let m_target_teks = k.baru("SKP: IKI target (text after the number)");
    let target = format!("12 {m_target_teks}");
    let d = ok(
        &u.post_json(
            &format!("{sj}/rhk"),
            Some(t.t(Siapa::Jf)),
            json!({"version": versi(&d), "jenis": "utama", "uraian": m_rhk,
                   "intervensi_rhk_id": kolom_rhk, "dasar_kaskade": "tahapan",
                   "iki": {"aspek": "kuantitas", "indikator": m_indikator, "target": target}}),
        )
        .await,
        "RHK with markers",
    );
    let m_penugasan_dari = k.baru("SKP: RHK tambahan penugasan_dari");
    let d = ok(
        &u.post_json(
            &format!("{sj}/rhk"),
            Some(t.t(Siapa::Jf)),
            json!({"version": versi(&d), "jenis": "tambahan", "uraian": "Panitia kegiatan kota",
                   "penugasan_dari": m_penugasan_dari,
                   "iki": {"aspek": "kuantitas", "indikator": "Kegiatan", "target": "1 kegiatan"}}),
        )
        .await,
        "RHK tambahan",
    );
    let m_dukungan = k.baru("SKP: lampiran dukungan_sumber_daya");
    let m_skema = k.baru("SKP: lampiran skema_pertanggungjawaban");
    let m_konsekuensi = k.baru("SKP: lampiran konsekuensi");
    let d = ok(
        &kirim(
            u,
            Method::PUT,
            &format!("{sj}/lampiran"),
            t.t(Siapa::Jf),
            json!({"version": versi(&d), "dukungan_sumber_daya": [m_dukungan],
                   "skema_pertanggungjawaban": [m_skema], "konsekuensi": [m_konsekuensi]}),
        )
        .await,
        "lampiran",
    );
    let m_pk = k.baru("SKP: perjanjian_kerja");
    let d = ok(
        &kirim(
            u,
            Method::PATCH,
            &sj,
            t.t(Siapa::Jf),
            json!({"version": versi(&d), "perjanjian_kerja": m_pk}),
        )
        .await,
        "perjanjian kerja",
    );
    let d = ok(
        &u.post_json(
            &format!("{sj}/ajukan"),
            Some(t.t(Siapa::Jf)),
            json!({"version": versi(&d)}),
        )
        .await,
        "submit",
    );
    let m_ekspektasi = k.baru("SKP: ekspektasi_khusus (rater)");
    let d = ok(
        &kirim(
            u,
            Method::PUT,
            &format!("{sj}/perilaku/akuntabel"),
            t.t(Siapa::Kasi),
            json!({"version": versi(&d), "ekspektasi_khusus": m_ekspektasi}),
        )
        .await,
        "ekspektasi khusus",
    );
    let m_kembali = k.baru("SKP: catatan pengembalian (rater)");
    ok(
        &u.post_json(
            &format!("{sj}/kembalikan"),
            Some(t.t(Siapa::Kasi)),
            json!({"version": versi(&d), "catatan": m_kembali}),
        )
        .await,
        "return",
    );
    let skp_jf_uri = format!("/skp/{skp_jf}");
    let sj_api = sj.clone();
    for m in [
        &m_rhk,
        &m_indikator,
        &m_target_teks,
        &m_penugasan_dari,
        &m_dukungan,
        &m_skema,
        &m_konsekuensi,
        &m_pk,
        &m_ekspektasi,
        &m_kembali,
    ] {
        k.di(
            m,
            &[
                (Siapa::Jf, skp_jf_uri.as_str()),
                (Siapa::Kasi, skp_jf_uri.as_str()),
            ],
        )
        .api(m, &[(Siapa::Jf, sj_api.as_str())]);
    }
    for m in [&m_target_teks, &m_penugasan_dari, &m_pk] {
        k.atribut(m);
    }
    k.di(&m_rhk, &[(Siapa::Kasi, &format!("/matriks?tahun={TH}"))]);

    // The leader's SKP: set by their rater, then a revision with a reason.
    let penilai_kasi = ok(
        &u.get(
            &format!("/api/v1/pegawai/{kasi}/penilai"),
            Some(t.t(Siapa::Admin)),
        )
        .await,
        "the Kepala Seksi's rater",
    )["pejabat_penilai"]["nip"]
        .as_str()
        .expect("the Kepala Seksi has a rater")
        .to_string();
    let t_penilai_kasi = if penilai_kasi == kabid {
        t.t(Siapa::Kabid).to_string()
    } else {
        u.token(&penilai_kasi).await
    };
    let sk = format!("/api/v1/skp/{skp_kasi}");
    let d = ok(&u.get(&sk, Some(t.t(Siapa::Kasi))).await, "leader SKP");
    let d = ok(
        &u.post_json(
            &format!("{sk}/ajukan"),
            Some(t.t(Siapa::Kasi)),
            json!({"version": versi(&d)}),
        )
        .await,
        "leader submits",
    );
    let d = ok(
        &u.post_json(
            &format!("{sk}/tetapkan"),
            Some(&t_penilai_kasi),
            json!({"version": versi(&d)}),
        )
        .await,
        "leader's SKP set",
    );
    let m_revisi = k.baru("SKP: alasan revisi");
    ok(
        &u.post_json(
            &format!("{sk}/revisi"),
            Some(t.t(Siapa::Kasi)),
            json!({"version": versi(&d), "alasan": m_revisi}),
        )
        .await,
        "revision",
    );
    let skp_kasi_uri = format!("/skp/{skp_kasi}");
    k.di(&m_revisi, &[(Siapa::Kasi, skp_kasi_uri.as_str())])
        .api(&m_revisi, &[(Siapa::Kasi, sk.as_str())]);
    k.di(
        &m_rhk_pimpinan,
        &[
            (Siapa::Kasi, skp_kasi_uri.as_str()),
            (Siapa::Kasi, &format!("/skp/{skp_kasi}/versi/1")),
            (Siapa::Kasi, &format!("/matriks?tahun={TH}")),
        ],
    )
    .api(
        &m_rhk_pimpinan,
        &[(Siapa::Kasi, &format!("/api/v1/matriks/{TH}"))],
    );

    // A JPT SKP's manual indikator (the Kepala Dinas).
    let d = ok(
        &u.post_json("/api/v1/skp", Some(t.t(Siapa::Kadis)), json!({"tahun": TH}))
            .await,
        "the Kepala Dinas's SKP",
    );
    let skp_kadis = d["skp"]["id"].as_i64().unwrap();
    let sd = format!("/api/v1/skp/{skp_kadis}");
    let d = ok(
        &u.post_json(
            &format!("{sd}/rhk"),
            Some(t.t(Siapa::Kadis)),
            json!({"version": versi(&d), "uraian": "Meningkatnya kualitas layanan publik",
                   "perspektif": "penerima_layanan",
                   "iki": {"indikator": "Indeks kepuasan masyarakat", "target": "85 indeks"}}),
        )
        .await,
        "JPT RHK",
    );
    let iki_kadis = d["skp"]["rhk"][0]["iki"][0]["id"].as_i64().unwrap();
    let mut manual = serde_json::Map::new();
    manual.insert("version".into(), json!(versi(&d)));
    manual.insert("tingkat_kendali".into(), json!("outcome"));
    manual.insert("periode_pelaporan".into(), json!("tahunan"));
    let mut m_manual = Vec::new();
    for f in [
        "tujuan",
        "deskripsi",
        "definisi",
        "formula",
        "satuan_pengukuran",
        "sumber_data",
    ] {
        let m = k.baru(&format!("SKP: manual indikator {f}"));
        manual.insert(f.into(), json!(m));
        m_manual.push(m);
    }
    ok(
        &kirim(
            u,
            Method::PUT,
            &format!("{sd}/iki/{iki_kadis}/manual_indikator"),
            t.t(Siapa::Kadis),
            Value::Object(manual),
        )
        .await,
        "manual indikator",
    );
    let skp_kadis_uri = format!("/skp/{skp_kadis}");
    for m in &m_manual {
        k.di(m, &[(Siapa::Kadis, skp_kadis_uri.as_str())])
            .api(m, &[(Siapa::Kadis, sd.as_str())]);
    }

    // --- HR: rewards, sanction cases, the policy profile, a rater override ------------------------
    let tahun_lalu = kinerja_app::skp::hari_ini().year() - 1;
    let m_bentuk = k.baru("penghargaan: bentuk");
    let m_nomor_ph = k.baru("penghargaan: nomor_dokumen");
    let m_catatan_ph = k.baru("penghargaan: catatan");
    let r = u
        .post_json(
            "/api/v1/penghargaan",
            Some(admin),
            json!({"pegawai_id": pel_id, "tahun": tahun_lalu, "jenis": "lainnya", "bentuk": m_bentuk,
                   "tanggal": format!("{}-02-10", tahun_lalu + 1), "nomor_dokumen": m_nomor_ph, "catatan": m_catatan_ph}),
        )
        .await;
    ok(&r, "reward");
    let ph = format!("/penghargaan?tahun={tahun_lalu}");
    for m in [&m_bentuk, &m_nomor_ph, &m_catatan_ph] {
        k.di(m, &[(Siapa::Admin, ph.as_str())]).api(
            m,
            &[(
                Siapa::Admin,
                &format!("/api/v1/penghargaan?tahun={tahun_lalu}"),
            )],
        );
    }

    let calon = ok(
        &u.get(
            &format!("/api/v1/sanksi/calon?tahun={tahun_lalu}"),
            Some(admin),
        )
        .await,
        "sanction candidates",
    );
    let c = calon["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| {
            c["kasus_id"].is_null()
                && c["kelompok"] == "ja_jf"
                && !c["keberatan_menunggu"].as_bool().unwrap_or(true)
        })
        .expect("an open JA/JF sanction candidate in the demo")
        .clone();
    let m_nomor_sk = k.baru("sanksi: nomor_dokumen (opening)");
    let m_catatan_sk = k.baru("sanksi: catatan (opening)");
    let tahun_ini = tahun_lalu + 1;
    let kasus = ok(
        &u.post_json(
            "/api/v1/sanksi",
            Some(admin),
            json!({"evaluasi_id": c["evaluasi_id"], "tanggal": format!("{tahun_ini}-02-02"),
                   "nomor_dokumen": m_nomor_sk, "catatan": m_catatan_sk}),
        )
        .await,
        "open a case",
    );
    let kid = kasus["id"].as_i64().unwrap();
    let m_nomor_lk = k.baru("sanksi: nomor_dokumen (step)");
    let m_catatan_lk = k.baru("sanksi: catatan (step)");
    ok(
        &u.post_json(
            &format!("/api/v1/sanksi/{kid}/langkah"),
            Some(admin),
            json!({"versi": kasus["versi"], "hasil": "tidak_membaik", "tanggal": format!("{tahun_ini}-08-03"),
                   "jadwal": format!("{tahun_ini}-09-15"), "nomor_dokumen": m_nomor_lk, "catatan": m_catatan_lk}),
        )
        .await,
        "a step",
    );
    for m in [&m_nomor_sk, &m_catatan_sk, &m_nomor_lk, &m_catatan_lk] {
        k.di(m, &[(Siapa::Admin, &format!("/sanksi/{kid}"))])
            .api(m, &[(Siapa::Admin, &format!("/api/v1/sanksi/{kid}"))]);
    }

    let daftar = ok(&u.get("/api/v1/profil", Some(admin)).await, "profiles");
    let th_profil = daftar["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|v| v["tahun"].as_i64())
        .filter(|y| *y <= i64::from(tahun_ini))
        .max()
        .expect("a profile in force this year");
    let p = ok(
        &u.get(&format!("/api/v1/profil/{th_profil}"), Some(admin))
            .await,
        "profile",
    );
    let mut isi = p["isi"].clone();
    let m_tempat = k.pendek("profil: tempat_dokumen");
    assert!(m_tempat.chars().count() <= kinerja_domain::profil::MAKS_TEMPAT_DOKUMEN);
    let m_redaksi = k.baru("profil: redaksi_sanksi.pemberhentian");
    isi["tempat_dokumen"] = json!(m_tempat);
    isi["redaksi_sanksi"]["pemberhentian"] = json!(m_redaksi);
    ok(
        &kirim(
            u,
            Method::PUT,
            &format!("/api/v1/profil/{th_profil}"),
            admin,
            json!({"versi": p["versi"], "isi": isi}),
        )
        .await,
        "profile edit",
    );
    let pu = format!("/profil?tahun={th_profil}");
    for m in [&m_tempat, &m_redaksi] {
        k.di(m, &[(Siapa::Admin, pu.as_str())])
            .api(m, &[(Siapa::Admin, &format!("/api/v1/profil/{th_profil}"))])
            .atribut(m);
    }

    let m_override = k.baru("penilai override: alasan");
    ok(
        &kirim(
            u,
            Method::PUT,
            &format!("/api/v1/pegawai/{kabid}/penilai"),
            admin,
            json!({"pejabat_penilai_nip": kadis, "alasan": m_override}),
        )
        .await,
        "override",
    );
    k.di(&m_override, &[(Siapa::Admin, &format!("/pegawai/{kabid}"))])
        .api(
            &m_override,
            &[(Siapa::Admin, &format!("/api/v1/pegawai/{kabid}/penilai"))],
        );

    // --- execution and evaluation of the current month (the demo year) ----------------------------
    let hari = kinerja_app::skp::hari_ini();
    let mut kx = Konteks {
        skp_pel: None,
        kini: None,
        lalu: None,
        skp_jf,
        skp_kadis,
        bukti: None,
        pel: pel.clone(),
        penanda_nama_pel: m_nama.clone(),
        penanda_unit: m_unit.clone(),
        penanda_tempat: m_tempat.clone(),
        penanda_rhk_jf: m_rhk.clone(),
    };
    if hari.year() == 2026 && hari.month() >= 3 {
        pelaksanaan_evaluasi(u, &t, &mut k, &mut kx, &jf).await;
    } else {
        println!(
            "keluaran: today ({hari}) is not in the demo year after February; the execution and evaluation fields are not stored"
        );
    }
    (k.v, kx)
}

/// Realisation, evidence, feedback, follow-up, penugasan, rating, keberatan, capaian: the
/// Pelaksana login's SKP of the demo year, rated by the Kepala Seksi login.
async fn pelaksanaan_evaluasi(u: &Uji, t: &Token, k: &mut Kumpulan, kx: &mut Konteks, jf: &str) {
    let hari = kinerja_app::skp::hari_ini();
    let bulan = hari.month();
    let kini = format!("2026-{bulan:02}");
    let lalu = format!("2026-{:02}", bulan - 1);
    let (pel, kasi, kabid, kadis, admin) = (
        t.t(Siapa::Pelaksana),
        t.t(Siapa::Kasi),
        t.t(Siapa::Kabid),
        t.t(Siapa::Kadis),
        t.t(Siapa::Admin),
    );
    let daftar = ok(&u.get("/api/v1/skp?tahun=2026", Some(pel)).await, "my SKP");
    let skp = daftar["items"][0]["id"]
        .as_i64()
        .expect("the Pelaksana has a 2026 SKP");
    let base = format!("/api/v1/skp/{skp}");
    let m = ok(
        &u.get(&format!("{base}/realisasi?bulan={bulan}"), Some(pel))
            .await,
        "month",
    );
    let rhk_ids: Vec<i64> = m["rhk"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["rhk_id"].as_i64().unwrap())
        .collect();
    let iki = m["rhk"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| r["iki"].as_array().unwrap().clone())
        .find(|i| i["kelengkapan"] == "belum")
        .expect("an IKI not yet documented this month")["iki_id"]
        .as_i64()
        .unwrap();

    // Realisation and its evidence.
    let m_real = k.baru("realisasi: realisasi");
    let m_catatan = k.baru("realisasi: catatan");
    let r = ok(
        &kirim(
            u,
            Method::PUT,
            &format!("{base}/realisasi"),
            pel,
            json!({"iki_id": iki, "bulan": bulan, "realisasi": m_real, "catatan": m_catatan}),
        )
        .await,
        "realisation",
    );
    let rid = r["id"].as_i64().unwrap();
    let n = k.v.len() + 1;
    let m_url = k.khusus(
        "bukti: url (a link)",
        format!("https://arsip.contoh.go.id/?q=\"><script>alert(\"kinerja-xss-{n}\")</script><img/src=x/onerror=alert({n})>"),
        jejak(n),
    );
    let m_ket_tautan = k.baru("bukti: keterangan (link)");
    ok(
        &u.post_json(
            &format!("/api/v1/realisasi/{rid}/bukti"),
            Some(pel),
            json!({"url": m_url, "keterangan": m_ket_tautan}),
        )
        .await,
        "link evidence",
    );
    let r = u
        .post_json(
            &format!("/api/v1/realisasi/{rid}/bukti"),
            Some(pel),
            json!({"url": "javascript:alert(1)", "keterangan": "x"}),
        )
        .await;
    assert_eq!(
        r.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "a javascript: link is refused"
    );
    let m_ket_berkas = k.baru("bukti: keterangan (file)");
    let n = k.v.len() + 1;
    let m_nama_berkas = k.khusus(
        "bukti: file name",
        format!("<script>alert('kinerja-xss-{n}')<script><img src=x onerror=alert({n})>.pdf"),
        esc(&format!("<script>alert('kinerja-xss-{n}')")),
    );
    let batas = "xKeluaranBukti";
    let mut body = Vec::new();
    body.extend(format!("--{batas}\r\nContent-Disposition: form-data; name=\"keterangan\"\r\n\r\n{m_ket_berkas}\r\n").as_bytes());
    body.extend(
        format!("--{batas}\r\nContent-Disposition: form-data; name=\"berkas\"; filename=\"{m_nama_berkas}\"\r\nContent-Type: application/pdf\r\n\r\n")
            .as_bytes(),
    );
    body.extend(pdf());
    body.extend(format!("\r\n--{batas}--\r\n").as_bytes());
    let b = ok(
        &u.kirim(
            Method::POST,
            &format!("/api/v1/realisasi/{rid}/bukti"),
            Some(pel),
            Some((&format!("multipart/form-data; boundary={batas}"), body)),
        )
        .await,
        "file evidence",
    );
    assert_eq!(b["nama_berkas"], json!(m_nama_berkas), "{b}");
    let bukti_id = b["id"].as_i64().unwrap();
    kx.bukti = Some(bukti_id);
    let real_uri = format!("/skp/{skp}/realisasi?bulan={bulan}");
    let real_api = format!("{base}/realisasi?bulan={bulan}");
    for m in [
        &m_real,
        &m_catatan,
        &m_url,
        &m_ket_tautan,
        &m_ket_berkas,
        &m_nama_berkas,
    ] {
        k.di(
            m,
            &[
                (Siapa::Pelaksana, real_uri.as_str()),
                (Siapa::Kasi, real_uri.as_str()),
            ],
        )
        .api(m, &[(Siapa::Pelaksana, real_api.as_str())]);
    }
    k.atribut(&m_url);

    // Feedback, its response, a 360 request and its answer, follow-up up to a take-over.
    let m_ub = k.baru("umpan balik: isi (rater)");
    let m_sumber = k.baru("umpan balik: sumber");
    let ub = ok(
        &u.post_json(
            &format!("{base}/umpan_balik"),
            Some(kasi),
            json!({"rhk_id": rhk_ids[0], "jenis": "insidentil", "cara": "langsung", "isi": m_ub, "sumber": m_sumber}),
        )
        .await,
        "feedback",
    );
    let m_tanggapan = k.baru("umpan balik: tanggapan (pegawai)");
    ok(
        &u.post_json(
            &format!("/api/v1/umpan_balik/{}/tanggapan", ub["id"]),
            Some(pel),
            json!({"tanggapan": m_tanggapan}),
        )
        .await,
        "response",
    );
    let m_pesan = k.baru("umpan balik 360: pesan permintaan");
    let minta = ok(
        &u.post_json(
            &format!("{base}/permintaan_umpan_balik"),
            Some(kasi),
            json!({"nip_pemberi": jf, "sebagai": "rekan", "batas": (hari + chrono::Days::new(7)).to_string(),
                   "anonim": false, "pesan": m_pesan}),
        )
        .await,
        "360 request",
    );
    let m_360 = k.baru("umpan balik 360: isi (peer)");
    ok(
        &u.post_json(
            &format!("{base}/umpan_balik"),
            Some(t.t(Siapa::Jf)),
            json!({"aspek": "kolaboratif", "isi": m_360, "permintaan_id": minta["id"]}),
        )
        .await,
        "360 answer",
    );
    let rhk_akhir = *rhk_ids.last().unwrap();
    let m_tl = k.baru("tindak lanjut: uraian");
    ok(
        &u.post_json(
            &format!("{base}/tindak_lanjut"),
            Some(kasi),
            json!({"jenis": "penyesuaian_ekspektasi", "rhk_id": rhk_akhir, "uraian": m_tl}),
        )
        .await,
        "follow-up",
    );
    let m_topik = k.baru("pembinaan: topik");
    let m_tindakan = k.baru("pembinaan: tindakan_disepakati");
    ok(
        &u.post_json(
            &format!("{base}/pembinaan"),
            Some(kasi),
            json!({"jenis_pembinaan": "bimbingan", "tanggal": hari.to_string(), "topik": m_topik,
                   "tindakan_disepakati": m_tindakan, "rhk_id": rhk_akhir}),
        )
        .await,
        "pembinaan",
    );
    let m_ambil = k.baru("ambil alih: catatan");
    ok(
        &u.post_json(
            &format!("{base}/rhk/{rhk_akhir}/ambil_alih"),
            Some(kasi),
            json!({"catatan": m_ambil}),
        )
        .await,
        "take-over",
    );
    let ub_uri = format!("/skp/{skp}/umpan-balik");
    let ub_api = format!("{base}/umpan_balik");
    for m in [&m_ub, &m_sumber, &m_tanggapan, &m_360] {
        k.di(
            m,
            &[
                (Siapa::Pelaksana, ub_uri.as_str()),
                (Siapa::Kasi, ub_uri.as_str()),
            ],
        )
        .api(m, &[(Siapa::Pelaksana, ub_api.as_str())]);
    }
    k.di(&m_pesan, &[(Siapa::Kasi, ub_uri.as_str())]).api(
        &m_pesan,
        &[(Siapa::Kasi, &format!("{base}/permintaan_umpan_balik"))],
    );
    for m in [&m_tl, &m_topik, &m_tindakan] {
        k.di(
            m,
            &[
                (Siapa::Pelaksana, ub_uri.as_str()),
                (Siapa::Kasi, ub_uri.as_str()),
            ],
        )
        .api(m, &[(Siapa::Pelaksana, &format!("{base}/tindak_lanjut"))]);
    }
    k.di(
        &m_ambil,
        &[
            (Siapa::Pelaksana, real_uri.as_str()),
            (Siapa::Kasi, real_uri.as_str()),
        ],
    )
    .api(&m_ambil, &[(Siapa::Pelaksana, real_api.as_str())]);

    // Pola penugasan: assigned by the Kepala Dinas, accepted by the rater, reported on; another
    // refused with a reason.
    let m_tugas = k.baru("penugasan: uraian");
    let m_harap = k.baru("penugasan: ekspektasi");
    let tg = ok(
        &u.post_json(
            "/api/v1/penugasan",
            Some(kadis),
            json!({"nip": kx.pel, "tahun": 2026, "uraian": m_tugas, "ekspektasi": m_harap}),
        )
        .await,
        "assign",
    );
    let tid = tg["id"].as_i64().unwrap();
    let v = versi(&ok(&u.get(&base, Some(kasi)).await, "skp"));
    ok(
        &u.post_json(
            &format!("/api/v1/penugasan/{tid}/terima"),
            Some(kasi),
            json!({"version": v, "iki": {"aspek": "kuantitas", "indikator": "Rekap yang disampaikan", "target": "1 dokumen"}}),
        )
        .await,
        "accept",
    );
    let m_lapor = k.baru("penugasan: laporan isi");
    ok(
        &u.post_json(
            &format!("/api/v1/penugasan/{tid}/laporan"),
            Some(pel),
            json!({"isi": m_lapor}),
        )
        .await,
        "report",
    );
    let tg2 = ok(
        &u.post_json(
            "/api/v1/penugasan",
            Some(kadis),
            json!({"nip": kx.pel, "tahun": 2026, "uraian": "Kajian tambahan", "ekspektasi": "Selesai"}),
        )
        .await,
        "assign again",
    );
    let m_tolak = k.baru("penugasan: alasan penolakan");
    ok(
        &u.post_json(
            &format!("/api/v1/penugasan/{}/tolak", tg2["id"]),
            Some(kasi),
            json!({"alasan": m_tolak}),
        )
        .await,
        "refuse",
    );
    let lap_uri = format!("/penugasan/{tid}/laporan");
    k.di(
        &m_tugas,
        &[
            (Siapa::Kadis, "/penugasan?tahun=2026"),
            (Siapa::Pelaksana, "/penugasan?tahun=2026"),
            (Siapa::Kadis, lap_uri.as_str()),
        ],
    )
    .api(
        &m_tugas,
        &[(Siapa::Kadis, &format!("/api/v1/penugasan/{tid}"))],
    );
    k.di(&m_harap, &[(Siapa::Kadis, "/penugasan?tahun=2026")])
        .api(
            &m_harap,
            &[(Siapa::Kadis, &format!("/api/v1/penugasan/{tid}"))],
        );
    k.di(
        &m_lapor,
        &[
            (Siapa::Kadis, lap_uri.as_str()),
            (Siapa::Pelaksana, lap_uri.as_str()),
        ],
    )
    .api(
        &m_lapor,
        &[(Siapa::Kadis, &format!("/api/v1/penugasan/{tid}/laporan"))],
    );
    k.di(&m_tolak, &[(Siapa::Kadis, "/penugasan?tahun=2026")])
        .api(
            &m_tolak,
            &[(Siapa::Kadis, &format!("/api/v1/penugasan/{}", tg2["id"]))],
        );

    // Capaian of the unit this month (its Kepala Bidang), with a note.
    let cap = ok(
        &u.get(
            &format!("/api/v1/capaian_organisasi?periode={kini}"),
            Some(kabid),
        )
        .await,
        "capaian",
    );
    let pegawai = ok(
        &u.get(&format!("/api/v1/pegawai/{}", kx.pel), Some(admin))
            .await,
        "pegawai",
    );
    let unit = pegawai["pegawai"]["unit_id"].as_i64().unwrap();
    let item = cap["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["unit_id"] == unit)
        .expect("the seksi's capaian is the Kepala Bidang's to set")
        .clone();
    let m_cap = k.baru("capaian organisasi: catatan");
    let mut isian = json!({"capaian_organisasi": item["capaian"]["capaian_organisasi"].as_str().unwrap_or("baik"), "catatan": m_cap});
    if let Some(v) = item["capaian"]["version"].as_i64() {
        isian["version"] = json!(v);
    }
    ok(
        &kirim(
            u,
            Method::PUT,
            &format!("/api/v1/unit/{unit}/capaian_organisasi/{kini}"),
            kabid,
            isian,
        )
        .await,
        "capaian note",
    );
    k.di(
        &m_cap,
        &[(Siapa::Kabid, &format!("/capaian?periode={kini}"))],
    )
    .api(
        &m_cap,
        &[(
            Siapa::Kabid,
            &format!("/api/v1/capaian_organisasi?periode={kini}"),
        )],
    )
    .atribut(&m_cap);

    // The rating, away from the suggestion on both axes (so both reasons are needed), signed,
    // then reopened by HR with a reason.
    let uri = format!("{base}/evaluasi/{kini}");
    let d = ok(&u.get(&uri, Some(kasi)).await, "evaluation");
    let lain = |r: &Value| {
        if r.as_str() == Some("diatas_ekspektasi") {
            "sesuai_ekspektasi"
        } else {
            "diatas_ekspektasi"
        }
    };
    let m_ahk = k.baru("evaluasi: alasan_hasil_kerja");
    let m_apr = k.baru("evaluasi: alasan_perilaku");
    let m_cat = k.baru("evaluasi: catatan");
    let m_rek = k.baru("evaluasi: rekomendasi");
    let e = ok(
        &kirim(
            u,
            Method::PUT,
            &uri,
            kasi,
            json!({"rating_hasil_kerja": lain(&d["saran"]["rating_hasil_kerja"]), "alasan_hasil_kerja": m_ahk,
                   "rating_perilaku": lain(&d["saran"]["rating_perilaku"]), "alasan_perilaku": m_apr,
                   "catatan": m_cat, "rekomendasi": m_rek}),
        )
        .await,
        "rating",
    );
    ok(
        &u.post_json(
            &format!("{uri}/tandatangani"),
            Some(kasi),
            json!({"version": e["version"]}),
        )
        .await,
        "sign",
    );
    let m_buka = k.baru("evaluasi: alasan dibuka kembali (HR)");
    ok(
        &u.post_json(
            &format!("{uri}/buka_kembali"),
            Some(admin),
            json!({"alasan": m_buka}),
        )
        .await,
        "reopen",
    );
    let ev_uri = format!("/evaluasi/skp/{skp}/{kini}");
    let tim_uri = format!("/evaluasi?periode={kini}");
    for m in [&m_ahk, &m_apr, &m_cat, &m_rek] {
        k.di(
            m,
            &[
                (Siapa::Kasi, ev_uri.as_str()),
                (Siapa::Kasi, tim_uri.as_str()),
            ],
        )
        .api(m, &[(Siapa::Kasi, uri.as_str())])
        .atribut(m);
    }
    k.di(&m_buka, &[(Siapa::Kasi, ev_uri.as_str())])
        .api(&m_buka, &[(Siapa::Kasi, uri.as_str())]);
    k.di(&m_cap, &[(Siapa::Kasi, ev_uri.as_str())]);
    k.di(&m_ub, &[(Siapa::Kasi, ev_uri.as_str())]);
    k.di(&m_ambil, &[(Siapa::Kasi, ev_uri.as_str())]);
    k.di(&m_real, &[(Siapa::Kasi, ev_uri.as_str())]);

    // A keberatan on last month: filed, answered by the rater, decided by the atasan.
    let m_kb = k.baru("keberatan: alasan");
    let kb = u
        .post_json(
            &format!("{base}/evaluasi/{lalu}/keberatan"),
            Some(pel),
            json!({"alasan": m_kb}),
        )
        .await;
    assert_eq!(kb.status, StatusCode::CREATED, "{}", kb.teks());
    let kid = kb.json()["id"].as_i64().unwrap();
    let m_kom = k.baru("keberatan: tanggapan penilai");
    ok(
        &u.post_json(
            &format!("/api/v1/keberatan/{kid}/tanggapan"),
            Some(kasi),
            json!({"isi": m_kom}),
        )
        .await,
        "rater's side",
    );
    let m_putus = k.baru("keberatan: alasan putusan");
    ok(
        &u.post_json(
            &format!("/api/v1/keberatan/{kid}/putusan"),
            Some(kabid),
            json!({"putusan": "ditolak", "alasan": m_putus}),
        )
        .await,
        "decision",
    );
    let kb_uri = format!("/keberatan/{kid}");
    for m in [&m_kb, &m_kom, &m_putus] {
        k.di(
            m,
            &[
                (Siapa::Pelaksana, kb_uri.as_str()),
                (Siapa::Kasi, kb_uri.as_str()),
                (Siapa::Kabid, kb_uri.as_str()),
            ],
        )
        .api(
            m,
            &[(Siapa::Pelaksana, &format!("/api/v1/keberatan/{kid}"))],
        );
    }
    k.di(
        &m_kb,
        &[(Siapa::Pelaksana, &format!("/evaluasi/skp/{skp}/{lalu}"))],
    );

    // Where the names travel: the rater's month, team and lists; HR's dashboards.
    let nama = kx.penanda_nama_pel.clone();
    let unit_m = kx.penanda_unit.clone();
    k.di(
        &nama,
        &[
            (Siapa::Kasi, "/realisasi/tim"),
            (Siapa::Kasi, tim_uri.as_str()),
            (Siapa::Kasi, &format!("/skp/{skp}")),
            (Siapa::Kasi, real_uri.as_str()),
            (Siapa::Kabid, kb_uri.as_str()),
            (Siapa::Kadis, lap_uri.as_str()),
        ],
    );
    k.di(
        &unit_m,
        &[
            (Siapa::Kabid, &format!("/capaian?periode={kini}")),
            (Siapa::Kasi, tim_uri.as_str()),
            (Siapa::Admin, &format!("/distribusi?periode={kini}")),
        ],
    );
    kx.skp_pel = Some(skp);
    kx.kini = Some(kini);
    kx.lalu = Some(lalu);
}

/// Pages shown to check in passing (lists, dashboards, inboxes): no raw marker anywhere.
pub(super) fn halaman_lain(kx: &Konteks) -> BTreeSet<(Siapa, String)> {
    let mut s: BTreeSet<(Siapa, String)> = BTreeSet::new();
    let mut t = |siapa: Siapa, uri: String| {
        s.insert((siapa, uri));
    };
    for siapa in Siapa::LOGIN {
        t(siapa, "/".into());
        t(siapa, "/kalkulator".into());
        t(siapa, "/keberatan".into());
    }
    for siapa in [
        Siapa::Kadis,
        Siapa::Kabid,
        Siapa::Kasi,
        Siapa::Jf,
        Siapa::Pelaksana,
    ] {
        t(siapa, "/skp".into());
        t(siapa, "/skp?tahun=2028".into());
        t(siapa, "/penugasan".into());
        t(siapa, "/realisasi".into());
        t(siapa, "/umpan-balik".into());
        t(siapa, "/notifikasi".into());
        t(siapa, "/evaluasi/saya".into());
    }
    for uri in [
        "/organisasi",
        "/pegawai",
        "/skp/monitoring",
        "/skp/monitoring?tahun=2028",
        "/impor",
        "/capaian",
        "/distribusi",
        "/keberatan",
        "/pemantauan",
        "/penghargaan",
        "/sanksi",
        "/talenta",
        "/profil",
        "/laporan",
        "/bundel",
        "/peringkat",
    ] {
        t(Siapa::Admin, uri.into());
    }
    t(Siapa::Admin, format!("/pegawai/{}/riwayat-kinerja", kx.pel));
    t(Siapa::Kasi, "/realisasi/tim".into());
    t(Siapa::Kasi, "/evaluasi".into());
    t(Siapa::Kasi, "/pemantauan".into());
    t(Siapa::Kasi, "/talenta".into());
    t(Siapa::Kabid, "/capaian".into());
    t(Siapa::Kabid, "/distribusi".into());
    t(Siapa::Jf, "/angka-kredit".into());
    t(Siapa::Kadis, "/penugasan?tahun=2028".into());
    if let (Some(skp), Some(kini), Some(lalu)) = (kx.skp_pel, &kx.kini, &kx.lalu) {
        t(Siapa::Pelaksana, format!("/evaluasi/skp/{skp}/{lalu}"));
        t(Siapa::Kasi, format!("/evaluasi/skp/{skp}/{lalu}"));
        t(Siapa::Admin, format!("/peringkat?periode={kini}"));
        t(Siapa::Admin, format!("/pemantauan?periode={kini}"));
        t(Siapa::Admin, format!("/talenta?periode={kini}"));
        t(Siapa::Kasi, format!("/skp/{skp}"));
        t(Siapa::Pelaksana, format!("/skp/{skp}"));
    }
    s
}

/// Input a page reflects: a search, a path, a query, a refused login, an import's faults, a
/// refused form. Each page is checked whole here (they answer 4xx too); the count of checks.
pub(super) async fn pantulan(p: &BTreeMap<Siapa, Peramban<'_>>, h: &mut Hitung) -> Vec<Bidang> {
    // Numbers after the stored fields' (stored ones are below 1000).
    let mut n = 1000;
    let mut out = Vec::new();
    let cek = |r: Jawab,
               siapa: Siapa,
               apa: &str,
               nilai: &str,
               j: &str,
               atribut: bool,
               n: usize,
               out: &mut Vec<Bidang>,
               h: &mut Hitung| {
        let tags = super::periksa_html(&r, &format!("{siapa:?} {apa}"), h);
        assert!(
            r.teks().contains(j),
            "{apa}: the reflected input is shown escaped: {}",
            r.teks()
        );
        if atribut {
            assert!(
                tags.iter()
                    .any(|t| t.atribut.iter().any(|(_, v)| v.contains(nilai))),
                "{apa}: the reflected input stays whole inside its attribute"
            );
        }
        out.push(Bidang {
            n,
            nama: format!("reflected: {apa}"),
            nilai: nilai.to_string(),
            jejak: j.to_string(),
            halaman: Vec::new(),
            api: Vec::new(),
            atribut,
        });
    };
    let mut berikut = || {
        n += 1;
        (n, penanda(n), jejak(n))
    };

    let (i, m, j) = berikut();
    let r = p[&Siapa::Admin]
        .get(&format!("/pegawai?q={}", persen(&m)))
        .await;
    assert_eq!(r.status, StatusCode::OK);
    cek(
        r,
        Siapa::Admin,
        "search query",
        &m,
        &j,
        true,
        i,
        &mut out,
        h,
    );

    let (i, m, j) = berikut();
    let r = p[&Siapa::Admin]
        .get(&format!("/organisasi/unit/{}", persen(&m)))
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    cek(
        r,
        Siapa::Admin,
        "unit id in the path",
        &m,
        &j,
        false,
        i,
        &mut out,
        h,
    );

    let (_, m, _) = berikut();
    let r = p[&Siapa::Admin]
        .get(&format!("/ekspor/{}.csv", persen(&m)))
        .await;
    assert!(r.status.is_client_error(), "{}", r.status);
    // The file name is not repeated by this page; it is checked whole all the same.
    super::periksa_html(&r, "export file name in the path", h);

    let (i, m, j) = berikut();
    let r = p[&Siapa::Jf]
        .get(&format!(
            "/kalkulator?alat=distribusi&capaian_organisasi=baik&baik={}",
            persen(&m)
        ))
        .await;
    assert_eq!(r.status, StatusCode::OK);
    cek(
        r,
        Siapa::Jf,
        "calculator input",
        &m,
        &j,
        true,
        i,
        &mut out,
        h,
    );

    let (i, m, j) = berikut();
    let r = p[&Siapa::Tamu]
        .form_mentah("/masuk", &[("username", &m), ("password", "salah-sekali")])
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    cek(
        r,
        Siapa::Tamu,
        "login name of a refused login",
        &m,
        &j,
        true,
        i,
        &mut out,
        h,
    );

    let (_, m, _) = berikut();
    let r = p[&Siapa::Tamu]
        .get(&format!("/verifikasi/{}", persen(&m)))
        .await;
    assert!(
        r.status.is_client_error() || r.status.is_success(),
        "{}",
        r.status
    );
    // The code page keeps only the characters a code has; the rest is dropped, not shown.
    super::periksa_html(&r, "verification code in the path", h);

    let (i, m, j) = berikut();
    let csv = format!(
        "kode,nama,induk_kode,tipe_lampiran\nXSS-UNIT,Unit Uji,,{}\n",
        csv_sel(&m)
    );
    let batas = "xKeluaranImpor";
    let mut body = Vec::new();
    body.extend(
        format!("--{batas}\r\nContent-Disposition: form-data; name=\"jenis\"\r\n\r\nunit\r\n")
            .as_bytes(),
    );
    body.extend(format!("--{batas}\r\nContent-Disposition: form-data; name=\"berkas\"; filename=\"unit.csv\"\r\nContent-Type: text/csv\r\n\r\n{csv}\r\n--{batas}--\r\n").as_bytes());
    let admin = &p[&Siapa::Admin];
    let r = admin
        .kirim(
            Method::POST,
            &format!("/impor?csrf={}", admin.csrf),
            Some((&format!("multipart/form-data; boundary={batas}"), body)),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.teks());
    cek(
        r,
        Siapa::Admin,
        "import fault naming a cell",
        &m,
        &j,
        false,
        i,
        &mut out,
        h,
    );

    let (i, m, j) = berikut();
    let r = p[&Siapa::Kadis]
        .form(
            "/penugasan",
            &[
                ("nip", ""),
                ("tahun", "1999"),
                ("uraian", &m),
                ("ekspektasi", &m),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.teks());
    cek(
        r,
        Siapa::Kadis,
        "refused penugasan form shown again",
        &m,
        &j,
        false,
        i,
        &mut out,
        h,
    );

    let (i, m, j) = berikut();
    // A candidate's row of last year's list (its form is shown again with what was typed).
    let tahun = (kinerja_app::skp::hari_ini().year() - 1).to_string();
    let d = p[&Siapa::Admin]
        .get(&format!("/api/v1/penghargaan?tahun={tahun}"))
        .await
        .json();
    let id = d["items"][0]["pegawai"]["id"].to_string();
    let r = p[&Siapa::Admin]
        .form(
            "/penghargaan",
            &[
                ("pegawai_id", &id),
                ("tahun", &tahun),
                ("jenis", "prioritas_talenta"),
                ("bentuk", &m),
                ("tanggal", "bukan-tanggal"),
                ("nomor_dokumen", &m),
                ("catatan", &m),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.teks());
    cek(
        r,
        Siapa::Admin,
        "refused reward form shown again",
        &m,
        &j,
        true,
        i,
        &mut out,
        h,
    );
    out
}

/// A CSV cell (quoted).
fn csv_sel(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

/// Downloads are files, not pages; PDFs render whatever the text holds.
pub(super) async fn unduhan(u: &Uji, kx: &Konteks, bidang: &[Bidang], h: &mut Hitung) {
    let admin = u.token("admin").await;
    let nama = &kx.penanda_nama_pel;
    // Exports: CSV and XLSX with the names as data.
    for (uri, jenis) in [
        ("/api/v1/ekspor/pegawai?format=csv", "text/csv"),
        ("/ekspor/pegawai.csv", "text/csv"),
        (
            "/ekspor/organisasi.xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
    ] {
        let r = u.get(uri, Some(&admin)).await;
        assert_eq!(r.status, StatusCode::OK, "{uri}");
        berkas(&r, uri, jenis);
        if jenis == "text/csv" {
            let mut rd = csv::ReaderBuilder::new()
                .flexible(true)
                .from_reader(r.body.as_slice());
            assert!(
                rd.records()
                    .any(|x| x.unwrap().iter().any(|c| c == nama.as_str())),
                "{uri}: the name is a cell, whole"
            );
        }
        h.unduhan += 1;
    }
    let r = u.get("/pemantauan/ekspor?format=csv", Some(&admin)).await;
    if r.status == StatusCode::OK {
        berkas(&r, "/pemantauan/ekspor", "text/csv");
        h.unduhan += 1;
    }
    // The uploaded file: its own type, never a page; the name made harmless in the header.
    if let Some(id) = kx.bukti {
        let t = u.token(&kx.pel).await;
        for uri in [format!("/bukti/{id}"), format!("/api/v1/bukti/{id}/berkas")] {
            let r = u.get(&uri, Some(&t)).await;
            assert_eq!(r.status, StatusCode::OK, "{uri}");
            berkas(&r, &uri, "application/pdf");
            let cd = r.headers[header::CONTENT_DISPOSITION].to_str().unwrap();
            let nama = cd.split("filename=").nth(1).unwrap_or("");
            assert!(
                nama.trim_matches('"')
                    .chars()
                    .all(|c| c != '"' && c != '<' && c != '>' && c != ';'),
                "{uri}: the file name cannot leave its header parameter: {cd}"
            );
            h.unduhan += 1;
        }
    }

    // PDFs: typst takes every value as text; the markers (with #, [, ], $, *, _, \, @, <t>, //)
    // are printed as they are, and nothing breaks the document.
    let t_jf = u.token(&Siapa::Jf.username(u)).await;
    let t_kadis = u.token(&Siapa::Kadis.username(u)).await;
    let mut pdf = vec![
        (
            format!("/api/v1/skp/{}/dokumen/skp", kx.skp_jf),
            t_jf.clone(),
            kx.penanda_rhk_jf.clone(),
        ),
        (
            format!("/api/v1/skp/{}/dokumen/manual_indikator", kx.skp_kadis),
            t_kadis.clone(),
            bidang
                .iter()
                .find(|b| b.nama.ends_with("manual indikator tujuan"))
                .unwrap()
                .nilai
                .clone(),
        ),
        (
            format!("/api/v1/skp/{}/dokumen/skp", kx.skp_jf),
            t_jf.clone(),
            kx.penanda_tempat.clone(),
        ),
    ];
    if let (Some(skp), Some(lalu), Some(kini)) = (kx.skp_pel, &kx.lalu, &kx.kini) {
        let t_pel = u.token(&kx.pel).await;
        for jenis in ["evaluasi", "dokumen_evaluasi"] {
            pdf.push((
                format!("/api/v1/skp/{skp}/dokumen/{jenis}?periode={lalu}"),
                t_pel.clone(),
                nama.clone(),
            ));
        }
        pdf.push((
            format!("/api/v1/skp/{skp}/dokumen/umpan_balik?periode={kini}"),
            t_pel.clone(),
            bidang
                .iter()
                .find(|b| b.nama == "umpan balik: isi (rater)")
                .unwrap()
                .nilai
                .clone(),
        ));
    }
    let mut kode = None;
    for (uri, t, harus) in &pdf {
        let r = u.get(uri, Some(t)).await;
        assert_eq!(r.status, StatusCode::OK, "{uri}: {}", r.teks());
        berkas(&r, uri, "application/pdf");
        assert!(r.body.starts_with(b"%PDF-"), "{uri}: a PDF");
        let teks = teks_pdf(&r.body);
        let datar: String = teks.split_whitespace().collect::<Vec<_>>().join(" ");
        let polos: String = harus.split_whitespace().collect::<Vec<_>>().join(" ");
        // Long values wrap: compare without the breaks layout adds.
        // (the templates put zero-width break opportunities into long words).
        let tanpa = |s: &str| {
            s.chars()
                .filter(|c| !c.is_whitespace() && !matches!(c, '\u{200b}' | '\u{ad}'))
                .collect::<String>()
        };
        assert!(
            tanpa(&datar).contains(&tanpa(&polos)),
            "{uri}: the marker is printed as text, whole:\n{polos}\nin:\n{teks}"
        );
        if uri.contains("dokumen/evaluasi?") {
            kode = r
                .headers
                .get("x-kode-verifikasi")
                .map(|v| v.to_str().unwrap().to_string());
        }
        h.pdf += 1;
    }
    // The public verification page of that document names the pegawai and the unit.
    if let Some(kode) = kode {
        let tamu = Peramban {
            u,
            siapa: Siapa::Tamu,
            cookie: None,
            csrf: String::new(),
        };
        let r = tamu.get(&format!("/verifikasi/{kode}")).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.teks());
        super::periksa_html(&r, "public verification page", h);
        for (m, apa) in [(nama, "name"), (&kx.penanda_unit, "unit")] {
            let b = bidang.iter().find(|b| &b.nilai == m).unwrap();
            assert!(
                r.teks().contains(&b.jejak),
                "the verification page shows the {apa}, escaped"
            );
        }
    }
}

/// A download: its type, never HTML, nosniff and the CSP.
fn berkas(r: &Jawab, uri: &str, jenis: &str) {
    let ct = r.headers[header::CONTENT_TYPE].to_str().unwrap();
    assert!(ct.starts_with(jenis), "{uri}: {ct}");
    assert!(!ct.contains("html"), "{uri}: not a page");
    super::tajuk::periksa(r, uri);
}

/// The text of a PDF (`pdftotext`, from poppler-utils, as the document tests use).
fn teks_pdf(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("d.pdf");
    std::fs::write(&f, pdf).unwrap();
    let out = std::process::Command::new("pdftotext")
        .arg(&f)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is needed to read documents back");
    assert!(out.status.success(), "pdftotext failed");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Field numbers are unique (a marker names one field).
pub(super) fn nomor_unik(b: &[Bidang]) {
    let n: BTreeSet<usize> = b.iter().map(|x| x.n).collect();
    assert_eq!(n.len(), b.len());
    assert!(b
        .iter()
        .all(|x| x.nilai.contains(&format!("kinerja-xss-{}", x.n))));
}
