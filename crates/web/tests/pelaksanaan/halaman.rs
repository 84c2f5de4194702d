//! The execution pages in the browser's way (forms, 303 redirects, re-rendered pages), on pegawai
//! of the demo's BPBD and Satpol PP, away from the demo logins other journeys use: a pelaksana
//! of the BPBD Sekretariat gets a set SKP of the current year; their rater (the Sekretaris
//! Pelaksana) follows the month, gives berkala feedback, asks the Kepala Satpol PP for anonymous
//! 360 feedback and follows up up to a take-over; the Sekretaris Satpol PP is a stranger.

use super::{lokasi, nilai_input, Jawab, Uji};
use axum::http::{header, Method, StatusCode};
use chrono::Datelike;
use kinerja_domain::jabatan::JenisJabatan;
use kinerja_domain::pangkat::StatusAsn;
use kinerja_store::Pegawai;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

const BATAS_MP: &str = "xHalamanBatas42";

/// A browser's multipart form: `keterangan`, then the file in `berkas`.
fn berkas_multipart(keterangan: &str, nama: &str, isi: &[u8]) -> (String, Vec<u8>) {
    let mut b = Vec::new();
    b.extend(format!("--{BATAS_MP}\r\nContent-Disposition: form-data; name=\"keterangan\"\r\n\r\n{keterangan}\r\n").as_bytes());
    b.extend(
        format!("--{BATAS_MP}\r\nContent-Disposition: form-data; name=\"berkas\"; filename=\"{nama}\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .as_bytes(),
    );
    b.extend(isi);
    b.extend(format!("\r\n--{BATAS_MP}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={BATAS_MP}"), b)
}

/// Text as the templates escape it.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#x27;")
        .replace('/', "&#x2f;")
}

fn sukses(r: &Jawab, apa: &str) -> Value {
    assert!(r.status.is_success(), "{apa}: {} {}", r.status, r.teks());
    r.json()
}

/// A form post expected to redirect (303); answers where to.
fn dialihkan(r: &Jawab, apa: &str) -> String {
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{apa}: {}", r.teks());
    lokasi(r)
}

/// The part of a page from `awal` to the next `akhir`.
fn potong<'a>(h: &'a str, awal: &str, akhir: &str) -> &'a str {
    let i = h
        .find(awal)
        .unwrap_or_else(|| panic!("no {awal} in the page"));
    let rest = &h[i..];
    let j = rest[awal.len()..]
        .find(akhir)
        .map_or(rest.len(), |j| j + awal.len());
    &rest[..j]
}

struct Orang {
    p: Pegawai,
    token: String,
}

impl Orang {
    async fn baru(u: &Uji, p: &Pegawai) -> Orang {
        Orang {
            token: u.token(p.nip.as_str()).await,
            p: p.clone(),
        }
    }

    async fn buka(&self, u: &Uji, uri: &str) -> Jawab {
        u.get(uri, Some(&self.token)).await
    }

    /// A page that must answer 200, and its CSRF token.
    async fn halaman(&self, u: &Uji, uri: &str) -> (String, String) {
        let r = self.buka(u, uri).await;
        assert_eq!(r.status, StatusCode::OK, "{uri}: {}", r.teks());
        let h = r.teks();
        let csrf = nilai_input(&h, "csrf");
        (h, csrf)
    }

    async fn kirim(&self, u: &Uji, uri: &str, isian: &[(&str, &str)]) -> Jawab {
        u.post_form(uri, Some(&self.token), isian).await
    }

    async fn api(&self, u: &Uji, m: Method, uri: &str, v: Value) -> Value {
        let r = u
            .kirim(
                m,
                uri,
                Some(&self.token),
                Some(("application/json", v.to_string().into_bytes())),
            )
            .await;
        sukses(&r, uri)
    }
}

pub async fn semua(u: &Uji) {
    let hari = kinerja_app::skp::hari_ini();
    let (tahun, bulan) = (hari.year(), hari.month());
    let inst = u.app.instansi_utama().await.unwrap().id;
    let pegawai = u.app.store.semua_pegawai(inst).await.unwrap();
    let org = u.app.organisasi(inst).await.unwrap();
    let jabatan = |nama: &str| {
        pegawai
            .iter()
            .find(|p| p.jabatan_nama.as_deref() == Some(nama))
            .unwrap_or_else(|| panic!("no {nama} in the demo"))
    };
    let penilai = Orang::baru(
        u,
        jabatan("Sekretaris Pelaksana Badan Penanggulangan Bencana Daerah"),
    )
    .await;
    let mut tim = org.dinilai.get(&penilai.p.id).cloned().unwrap_or_default();
    tim.sort_unstable();
    let x = tim
        .iter()
        .filter_map(|id| pegawai.iter().find(|p| p.id == *id))
        .find(|p| {
            p.status_asn == StatusAsn::Pns && p.jenis_jabatan == Some(JenisJabatan::Pelaksana)
        })
        .expect("a PNS pelaksana rated by the Sekretaris Pelaksana BPBD");
    let peg = Orang::baru(u, x).await;
    let diminta = Orang::baru(u, jabatan("Kepala Satuan Polisi Pamong Praja")).await;
    let asing = Orang::baru(u, jabatan("Sekretaris Satuan Polisi Pamong Praja")).await;

    // --- an SKP of this year, set (through the API, as the planning journeys do) -------------
    let d = peg
        .api(u, Method::POST, "/api/v1/skp", json!({"tahun": tahun}))
        .await;
    let id = d["skp"]["id"].as_i64().unwrap();
    let skp = format!("/api/v1/skp/{id}");
    let mut versi = d["version"].as_i64().unwrap();
    for (uraian, indikator, target) in [
        (
            "Tersusunnya laporan kesiapsiagaan bencana",
            "Jumlah laporan kesiapsiagaan",
            "12 laporan",
        ),
        (
            "Terlaksananya sosialisasi pengurangan risiko bencana",
            "Jumlah sosialisasi",
            "4 kegiatan",
        ),
    ] {
        let d = peg
            .api(
                u,
                Method::POST,
                &format!("{skp}/rhk"),
                json!({"version": versi, "jenis": "utama", "uraian": uraian,
                       "iki": {"aspek": "kuantitas", "indikator": indikator, "target": target}}),
            )
            .await;
        versi = d["version"].as_i64().unwrap();
    }
    let d = peg
        .api(
            u,
            Method::POST,
            &format!("{skp}/ajukan"),
            json!({"version": versi}),
        )
        .await;
    let d = penilai
        .api(
            u,
            Method::POST,
            &format!("{skp}/tetapkan"),
            json!({"version": d["version"]}),
        )
        .await;
    assert_eq!(d["skp"]["status"], "ditetapkan");
    let rhk: Vec<i64> = d["skp"]["rhk"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_i64().unwrap())
        .collect();
    let iki: Vec<i64> = d["skp"]["rhk"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["iki"][0]["id"].as_i64().unwrap())
        .collect();

    // The SKP page links to its execution; "Realisasi" in the nav leads to this month.
    let (h, _) = peg.halaman(u, &format!("/skp/{id}")).await;
    assert!(
        h.contains(&format!("/skp/{id}/realisasi")) && h.contains("Realisasi bulanan"),
        "{h}"
    );
    let r = peg.buka(u, "/realisasi").await;
    assert_eq!(
        dialihkan(&r, "nav Realisasi"),
        format!("/skp/{id}/realisasi")
    );

    // --- the pegawai's month: write a realisation through the page form ---------------------
    let halaman_bulan = format!("/skp/{id}/realisasi?bulan={bulan}");
    let (h, csrf) = peg.halaman(u, &halaman_bulan).await;
    assert!(
        h.contains("Yang belum lengkap") && h.contains("form-realisasi"),
        "{h}"
    );
    let tulis = format!("/skp/{id}/realisasi/{}", iki[0]);
    let bulan_s = bulan.to_string();
    let r = peg
        .kirim(
            u,
            &tulis,
            &[
                ("csrf", &csrf),
                ("bulan", &bulan_s),
                ("realisasi", " "),
                ("catatan", "Menunggu data kecamatan"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.teks());
    let h = r.teks();
    assert!(
        h.contains("Realisasi wajib diisi")
            && h.contains("galat-form")
            && h.contains("Menunggu data kecamatan"),
        "the message by the form and what was typed: {h}"
    );
    let r = peg
        .kirim(
            u,
            &tulis,
            &[
                ("csrf", &csrf),
                ("bulan", &bulan_s),
                ("realisasi", "2 laporan kesiapsiagaan"),
                ("catatan", "Menunggu data kecamatan"),
            ],
        )
        .await;
    assert_eq!(
        dialihkan(&r, "write realisasi"),
        format!("/skp/{id}/realisasi?bulan={bulan}#iki-{}", iki[0])
    );
    let (h, _) = peg.halaman(u, &halaman_bulan).await;
    assert!(
        h.contains("2 laporan kesiapsiagaan") && h.contains("Belum ada bukti dukung"),
        "{h}"
    );
    let m = peg
        .api(
            u,
            Method::GET,
            &format!("{skp}/realisasi?bulan={bulan}"),
            Value::Null,
        )
        .await;
    let rid = m["rhk"][0]["iki"][0]["realisasi"]["id"].as_i64().unwrap();

    // --- evidence: a real PDF through the multipart form; refused files store nothing ------
    let pdf =
        b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
            .to_vec();
    let sha = format!("{:x}", Sha256::digest(&pdf));
    let unggah = |csrf: &str| format!("/realisasi/{rid}/bukti?csrf={csrf}&skp={id}&bulan={bulan}");
    let kirim_berkas = |uri: String, nama: &'static str, isi: Vec<u8>| {
        let token = peg.token.clone();
        async move {
            let (ct, b) = berkas_multipart("Laporan kesiapsiagaan Oktober", nama, &isi);
            u.kirim(Method::POST, &uri, Some(&token), Some((&ct, b)))
                .await
        }
    };
    let r = kirim_berkas(unggah("salah"), "laporan.pdf", pdf.clone()).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "no CSRF token, no upload");
    let r = kirim_berkas(unggah(&csrf), "laporan.pdf", pdf.clone()).await;
    assert_eq!(
        dialihkan(&r, "upload a PDF"),
        format!("/skp/{id}/realisasi?bulan={bulan}#bukti-{rid}")
    );
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend([0u8; 64]);
    for (nama, isi, pesan) in [
        (
            "setup.exe",
            b"MZ\x90\x00\x03\x00\x00\x00".to_vec(),
            "Berkas program (executable) atau skrip tidak diterima",
        ),
        ("foto.pdf", png, "Isi berkas tidak sesuai dengan jenisnya"),
    ] {
        let r = kirim_berkas(unggah(&csrf), nama, isi).await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{nama}: {}",
            r.teks()
        );
        let h = r.teks();
        assert!(
            h.contains(pesan) && h.contains("galat-form") && h.contains("form-unggah"),
            "{nama}: the page again with the message by the form: {h}"
        );
    }
    let m = peg
        .api(
            u,
            Method::GET,
            &format!("{skp}/realisasi?bulan={bulan}"),
            Value::Null,
        )
        .await;
    let bukti = m["rhk"][0]["iki"][0]["realisasi"]["bukti"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(bukti.len(), 1, "refused files stored nothing: {m}");
    assert_eq!(bukti[0]["sha256"], sha.as_str());
    let bid = bukti[0]["id"].as_i64().unwrap();
    let (h, csrf) = peg.halaman(u, &halaman_bulan).await;
    assert!(
        h.contains(&sha) && h.contains(&sha[..12]) && h.contains(&format!("/bukti/{bid}\"")),
        "the file with its SHA-256: {h}"
    );
    assert!(h.contains("laporan.pdf") && h.contains("PDF"));
    let r = peg.buka(u, &format!("/bukti/{bid}")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.headers[header::CONTENT_TYPE], "application/pdf");
    assert_eq!(r.body, pdf, "the same bytes back");
    let r = asing.buka(u, &format!("/bukti/{bid}")).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "a stranger");
    // A link is shown as itself, opened in a new tab without a referrer.
    let r = peg
        .kirim(
            u,
            &format!("/realisasi/{rid}/tautan"),
            &[
                ("csrf", &csrf),
                ("url", "bukan tautan"),
                ("keterangan", "Notulen rapat"),
                ("skp", &id.to_string()),
                ("bulan", &bulan_s),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.teks().contains("Notulen rapat") && r.teks().contains("Tautan harus alamat web lengkap"),
        "{}",
        r.teks()
    );
    let r = peg
        .kirim(
            u,
            &format!("/realisasi/{rid}/tautan"),
            &[
                ("csrf", &csrf),
                ("url", "https://drive.example.go.id/notulen"),
                ("keterangan", "Notulen rapat"),
                ("skp", &id.to_string()),
                ("bulan", &bulan_s),
            ],
        )
        .await;
    dialihkan(&r, "a link");
    let (h, _) = peg.halaman(u, &halaman_bulan).await;
    assert!(
        h.contains(&esc("https://drive.example.go.id/notulen"))
            && h.contains("rel=\"noopener noreferrer\" target=\"_blank\""),
        "{h}"
    );
    let tautan_id = peg
        .api(
            u,
            Method::GET,
            &format!("{skp}/realisasi?bulan={bulan}"),
            Value::Null,
        )
        .await["rhk"][0]["iki"][0]["realisasi"]["bukti"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["url"].is_string())
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    let r = peg.buka(u, &format!("/bukti/{tautan_id}")).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "a link is not a file");

    // --- the rater's team month ------------------------------------------------------------
    let (h, _) = penilai
        .halaman(u, &format!("/realisasi/tim?tahun={tahun}&bulan={bulan}"))
        .await;
    let baris = potong(
        &h,
        &format!("id=\"pegawai-{}\"", peg.p.nip.as_str()),
        "</tr>",
    );
    assert!(
        baris.contains("Sebagian")
            && baris.contains("1 / 2")
            && baris.contains(&format!("/skp/{id}/umpan-balik")),
        "one of two IKI documented with evidence: {baris}"
    );
    let (h, _) = penilai.halaman(u, "/").await;
    assert!(
        h.contains("href=\"/realisasi/tim\""),
        "the nav offers the team month to a rater"
    );
    let (h, _) = peg.halaman(u, "/").await;
    assert!(
        !h.contains("href=\"/realisasi/tim\"") && h.contains("href=\"/notifikasi\""),
        "not to a pegawai who rates nobody"
    );

    // --- berkala feedback through the form; the pegawai sees it under the RHK and responds ---
    let ub = format!("/skp/{id}/umpan-balik");
    let (h, csrf_pn) = penilai.halaman(u, &ub).await;
    assert!(
        h.contains("form-umpan-balik") && h.contains("value=\"berkala\""),
        "{h}"
    );
    let hari_s = hari.to_string();
    let sasaran = format!("rhk:{}", rhk[0]);
    let r = penilai
        .kirim(
            u,
            &ub,
            &[
                ("csrf", &csrf_pn),
                ("sasaran", &sasaran),
                ("jenis", "berkala"),
                ("cara", "langsung"),
                ("tanggal", &hari_s),
                ("sumber", "Hasil Survey Kepuasan Penerima Layanan"),
                ("isi", " "),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.teks());
    assert!(
        r.teks().contains("Isi umpan balik wajib diisi")
            && r.teks().contains("Hasil Survey Kepuasan Penerima Layanan"),
        "{}",
        r.teks()
    );
    let r = penilai
        .kirim(
            u,
            &ub,
            &[
                ("csrf", &csrf_pn),
                ("sasaran", &sasaran),
                ("jenis", "berkala"),
                ("cara", "langsung"),
                ("tanggal", &hari_s),
                ("sumber", ""),
                ("isi", "Laporan kesiapsiagaan tepat waktu; pertahankan"),
            ],
        )
        .await;
    let ke = dialihkan(&r, "berkala feedback");
    assert!(ke.starts_with(&format!("{ub}#ub-")), "{ke}");
    let uid: i64 = ke.rsplit("#ub-").next().unwrap().parse().unwrap();
    let (h, csrf) = peg.halaman(u, &ub).await;
    let grup = potong(
        &h,
        &format!("data-grup=\"rhk-{}\"", rhk[0]),
        "data-testid=\"grup-umpan-balik\"",
    );
    assert!(
        grup.contains("Laporan kesiapsiagaan tepat waktu; pertahankan")
            && grup.contains("Berkala")
            && grup.contains(&esc(&penilai.p.nama))
            && grup.contains("Pejabat Penilai Kinerja"),
        "grouped under the RHK, with its giver: {grup}"
    );
    let r = peg
        .kirim(
            u,
            &format!("/umpan-balik/{uid}/tanggapan"),
            &[
                ("csrf", &csrf),
                ("tanggapan", "Terima kasih, akan saya pertahankan"),
                ("skp", &id.to_string()),
            ],
        )
        .await;
    assert_eq!(dialihkan(&r, "respond"), format!("{ub}#ub-{uid}"));
    let (h, _) = penilai.halaman(u, &ub).await;
    assert!(h.contains("Terima kasih, akan saya pertahankan"), "{h}");

    // --- 360: the rater asks anonymously; the pegawai does not see who answered -------------
    let batas = (hari + chrono::Days::new(7)).to_string();
    let r = penilai
        .kirim(
            u,
            &format!("/skp/{id}/permintaan"),
            &[
                ("csrf", &csrf_pn),
                ("nip_pemberi", "123"),
                ("sebagai", "pihak_lain"),
                ("batas", &batas),
                ("pesan", "Mohon masukan koordinasi"),
                ("anonim", "ya"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "a bad NIP");
    assert!(r.teks().contains("Mohon masukan koordinasi"));
    let r = penilai
        .kirim(
            u,
            &format!("/skp/{id}/permintaan"),
            &[
                ("csrf", &csrf_pn),
                ("nip_pemberi", diminta.p.nip.as_str()),
                ("sebagai", "pihak_lain"),
                ("batas", &batas),
                ("pesan", "Mohon masukan koordinasi"),
                ("anonim", "ya"),
            ],
        )
        .await;
    dialihkan(&r, "ask for 360 feedback");
    let (h, csrf_d) = diminta.halaman(u, "/umpan-balik").await;
    assert!(
        h.contains(&esc(&peg.p.nama)) && h.contains("Mohon masukan koordinasi"),
        "the request waits on the asked person's page: {h}"
    );
    let (h, _) = diminta.halaman(u, &ub).await;
    assert!(h.contains("name=\"permintaan_id\""), "{h}");
    let pid = nilai_opsi(&h, "permintaan_id");
    let r = diminta
        .kirim(
            u,
            &ub,
            &[
                ("csrf", &csrf_d),
                ("permintaan_id", &pid),
                ("sasaran", "aspek:kolaboratif"),
                ("jenis", "insidentil"),
                ("cara", "tidak_langsung"),
                ("tanggal", &hari_s),
                ("sumber", "Rapat koordinasi lintas OPD"),
                ("isi", "Koordinasi lintas OPD berjalan sangat baik"),
            ],
        )
        .await;
    dialihkan(&r, "answer the request");
    let (h, _) = peg.halaman(u, &ub).await;
    let grup = potong(
        &h,
        "data-grup=\"aspek-kolaboratif\"",
        "data-testid=\"grup-umpan-balik\"",
    );
    assert!(
        grup.contains("Koordinasi lintas OPD berjalan sangat baik")
            && grup.contains("Pemberi anonim")
            && !h.contains(&esc(&diminta.p.nama)),
        "anonymous to the pegawai: {grup}"
    );
    let (h, _) = penilai.halaman(u, &ub).await;
    assert!(
        h.contains(&esc(&diminta.p.nama))
            && h.contains("Koordinasi lintas OPD berjalan sangat baik"),
        "the rater sees who answered"
    );

    // --- a stranger does not know the SKP exists --------------------------------------------
    let r = asing.buka(u, &ub).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.teks());
    let r = asing.buka(u, &halaman_bulan).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);

    // --- take-over only after a follow-up of no progress (Pasal 20(6)) ----------------------
    let rhk2 = rhk[1].to_string();
    let ambil = [
        ("csrf", csrf_pn.as_str()),
        ("rhk_id", rhk2.as_str()),
        (
            "catatan",
            "Sosialisasi tidak terlaksana meski telah dibimbing",
        ),
    ];
    let r = penilai
        .kirim(u, &format!("/skp/{id}/ambil-alih"), &ambil)
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.teks());
    let h = r.teks();
    assert!(
        h.contains("Pengambilalihan RHK adalah langkah terakhir")
            && h.contains("Pasal 20 ayat (6))")
            && h.contains("galat-form")
            && h.contains("Sosialisasi tidak terlaksana meski telah dibimbing"),
        "the rule's message by the form, the note kept: {h}"
    );
    let r = penilai
        .kirim(
            u,
            &format!("/skp/{id}/tindak-lanjut"),
            &[
                ("csrf", &csrf_pn),
                ("jenis", "pembinaan"),
                ("rhk_id", &rhk2),
                ("uraian", ""),
                ("jenis_pembinaan", "bimbingan"),
                ("tanggal", &hari_s),
                ("topik", "Penyusunan jadwal sosialisasi"),
                ("tindakan_disepakati", "Jadwal disusun bersama Kepala Seksi"),
            ],
        )
        .await;
    dialihkan(&r, "pembinaan");
    let r = penilai
        .kirim(u, &format!("/skp/{id}/ambil-alih"), &ambil)
        .await;
    dialihkan(&r, "take over after pembinaan");
    let (h, _) = peg.halaman(u, &halaman_bulan).await;
    let rhk_ambil = potong(&h, &format!("id=\"rhk-{}\"", rhk[1]), "</section>");
    assert!(
        rhk_ambil.contains("diambil-alih")
            && rhk_ambil.contains("Sosialisasi tidak terlaksana meski telah dibimbing"),
        "the take-over note on the realisasi page: {rhk_ambil}"
    );
    let (h, _) = peg.halaman(u, &ub).await;
    assert!(
        h.contains("Bimbingan kinerja")
            && h.contains("Jadwal disusun bersama Kepala Seksi")
            && h.contains("Pengambilalihan RHK"),
        "the pegawai reads the follow-up: {h}"
    );

    // --- the inbox --------------------------------------------------------------------------
    let (h, csrf) = peg.halaman(u, "/notifikasi").await;
    let judul = format!("Umpan balik baru dari {}", esc(&penilai.p.nama));
    assert!(
        h.contains(&judul) && h.contains("data-dibaca=\"tidak\""),
        "{h}"
    );
    assert!(h.contains("jumlah-belum-dibaca\""), "the nav counts unread");
    let kotak = peg
        .api(u, Method::GET, "/api/v1/notifikasi", Value::Null)
        .await;
    let n = kotak["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["judul"] == format!("Umpan balik baru dari {}", penilai.p.nama))
        .unwrap()
        .clone();
    let nid = n["id"].as_i64().unwrap();
    let sebelum = kotak["belum_dibaca"].as_i64().unwrap();
    let r = peg
        .kirim(
            u,
            &format!("/notifikasi/{nid}/dibaca"),
            &[("csrf", &csrf), ("ke", n["tautan"].as_str().unwrap())],
        )
        .await;
    assert_eq!(dialihkan(&r, "open a message"), ub, "on to its link");
    let kotak = peg
        .api(u, Method::GET, "/api/v1/notifikasi", Value::Null)
        .await;
    assert_eq!(kotak["belum_dibaca"].as_i64().unwrap(), sebelum - 1);
    let r = peg
        .kirim(
            u,
            "/notifikasi/dibaca",
            &[("csrf", &csrf), ("ke", "https://jahat.example/")],
        )
        .await;
    assert_eq!(dialihkan(&r, "all read"), "/notifikasi");
    let (h, _) = peg.halaman(u, "/notifikasi").await;
    assert!(
        !h.contains("data-dibaca=\"tidak\"") && !h.contains("jumlah-belum-dibaca\""),
        "{h}"
    );
    let r = peg
        .kirim(
            u,
            &format!("/notifikasi/{nid}/dibaca"),
            &[("csrf", &csrf), ("ke", "//jahat.example/")],
        )
        .await;
    assert_eq!(dialihkan(&r, "only a path of this site"), "/notifikasi");

    // --- progress reports on an accepted assignment ----------------------------------------
    // The Kepala Satpol PP assigns work to the pegawai; the rater accepts it into the SKP.
    let t = diminta
        .api(
            u,
            Method::POST,
            "/api/v1/penugasan",
            json!({"nip": peg.p.nip.as_str(), "tahun": tahun,
                   "uraian": "Menyusun peta rawan banjir bersama Satpol PP",
                   "ekspektasi": "Peta selesai sebelum akhir tahun"}),
        )
        .await;
    let tid = t["id"].as_i64().unwrap();
    let v = peg.api(u, Method::GET, &skp, Value::Null).await["version"].clone();
    penilai
        .api(
            u,
            Method::POST,
            &format!("/api/v1/penugasan/{tid}/terima"),
            json!({"version": v, "iki": {"aspek": "kuantitas", "indikator": "Peta rawan banjir", "target": "1 peta"}}),
        )
        .await;
    let (h, csrf) = peg.halaman(u, &format!("/penugasan?tahun={tahun}")).await;
    assert!(
        h.contains(&format!("/penugasan/{tid}/laporan")) && h.contains("form-laporan"),
        "an accepted assignment offers its reports: {h}"
    );
    let laporan = format!("/penugasan/{tid}/laporan");
    let r = peg
        .kirim(u, &laporan, &[("csrf", &csrf), ("isi", " ")])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.teks().contains("Isi laporan wajib diisi"), "{}", r.teks());
    let r = peg
        .kirim(
            u,
            &laporan,
            &[("csrf", &csrf), ("isi", "Peta rawan banjir 50% selesai")],
        )
        .await;
    assert!(dialihkan(&r, "report").starts_with(&format!("{laporan}#laporan-")));
    let (h, _) = diminta.halaman(u, &laporan).await;
    assert!(
        h.contains("Peta rawan banjir 50% selesai")
            && h.contains(&format!("/skp/{id}/umpan-balik#beri"))
            && !h.contains("form-laporan"),
        "the assigning official reads the report and may give feedback: {h}"
    );
    // Their feedback form offers the assignment's RHK only.
    let (h, _) = diminta.halaman(u, &ub).await;
    let pilihan = potong(&h, "name=\"sasaran\"", "</select>");
    assert!(
        pilihan.matches("value=\"rhk:").count() == 1 && !pilihan.contains("value=\"aspek:"),
        "{pilihan}"
    );

    // An assignment that does not exist has no reports page.
    let r = peg.buka(u, "/penugasan/999999999/laporan").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

/// The value of the first non-empty `<option>` of a `<select name="…">`.
fn nilai_opsi(html: &str, nama: &str) -> String {
    let pilih = potong(html, &format!("name=\"{nama}\""), "</select>");
    pilih
        .split("<option value=\"")
        .skip(1)
        .map(|s| s.split('"').next().unwrap().to_string())
        .find(|v| !v.is_empty())
        .unwrap_or_else(|| panic!("no option in {nama}"))
}
