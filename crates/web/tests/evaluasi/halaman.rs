//! The evaluation pages in the browser's way (forms, 303 redirects, re-rendered pages), on the
//! demo's Dinas Sosial, away from the demo logins and the demo's own evaluations (Diskominfo):
//! a PNS pelaksana gets a set SKP of the current year; the admin sets the Dinas's capaian on
//! the capaian page; their rater rates the current month on the team page (the curve moves),
//! signs on the evaluation page; the pegawai acknowledges and files a keberatan; the atasan
//! pejabat penilai comments and upholds it. A Sekretaris of another Dinas is a stranger.

use super::{lokasi, nilai_input, Jawab, Uji};
use axum::http::{Method, StatusCode};
use chrono::Datelike;
use kinerja_domain::jabatan::JenisJabatan;
use kinerja_domain::pangkat::StatusAsn;
use kinerja_store::Pegawai;
use serde_json::{json, Value};

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

/// The value of the option selected in the `<select name="…">` of a page part.
fn terpilih(h: &str, nama: &str) -> String {
    let s = potong(h, &format!("name=\"{nama}\""), "</select>");
    let i = s
        .find(" selected")
        .unwrap_or_else(|| panic!("nothing selected in {nama}: {s}"));
    let sebelum = &s[..i];
    let j = sebelum.rfind("value=\"").unwrap() + "value=\"".len();
    sebelum[j..].split('"').next().unwrap().to_string()
}

/// "N pegawai dinilai" in the first curve of a page part.
fn dinilai_di_kurva(h: &str) -> u32 {
    let s = potong(h, "<svg", "</svg>");
    let i = s
        .find(" pegawai dinilai")
        .unwrap_or_else(|| panic!("no count in the curve: {s}"));
    let angka: String = s[..i]
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    angka.parse().unwrap()
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
        assert!(r.status.is_success(), "{uri}: {} {}", r.status, r.teks());
        r.json()
    }
}

pub async fn semua(u: &Uji) {
    let hari = kinerja_app::skp::hari_ini();
    let tahun = hari.year();
    let periode = format!("{tahun:04}-{:02}", hari.month());
    let inst = u.app.instansi_utama().await.unwrap().id;
    let pegawai = u.app.store.semua_pegawai(inst).await.unwrap();
    let org = u.app.organisasi(inst).await.unwrap();
    let cari = |id: i64| pegawai.iter().find(|p| p.id == id).unwrap();
    let dinsos = org
        .unit
        .values()
        .find(|x| x.nama == "Dinas Sosial")
        .expect("Dinas Sosial in the demo")
        .id;
    let di_dinsos = kinerja_app::evaluasi::subpohon(&org, dinsos);
    // A rater in the Dinas with a PNS pelaksana in the team.
    let mut penilai_ids: Vec<i64> = org.dinilai.keys().copied().collect();
    penilai_ids.sort_unstable();
    let (r_id, x_id) = penilai_ids
        .iter()
        .filter(|r| cari(**r).unit_id.is_some_and(|x| di_dinsos.contains(&x)))
        .find_map(|r| {
            let mut tim = org.dinilai[r].clone();
            tim.sort_unstable();
            tim.into_iter()
                .find(|t| {
                    let p = cari(*t);
                    p.status_asn == StatusAsn::Pns
                        && p.jenis_jabatan == Some(JenisJabatan::Pelaksana)
                })
                .map(|t| (*r, t))
        })
        .expect("a rater of a PNS pelaksana in Dinas Sosial");
    let penilai = Orang::baru(u, cari(r_id)).await;
    let peg = Orang::baru(u, cari(x_id)).await;
    let atasan_id = match org.penilai.get(&x_id) {
        Some(Ok(h)) => h
            .atasan_pejabat_penilai
            .as_ref()
            .and_then(|a| a.pegawai_id)
            .expect("an atasan pejabat penilai"),
        _ => panic!("no rater resolution for the pelaksana"),
    };
    let atasan = Orang::baru(u, cari(atasan_id)).await;
    let asing = Orang::baru(
        u,
        pegawai
            .iter()
            .find(|p| p.jabatan_nama.as_deref() == Some("Sekretaris Dinas Perhubungan"))
            .unwrap(),
    )
    .await;
    let admin = u.token("admin").await;

    // --- a set SKP of this year (through the API, as the planning journeys do) --------------
    let d = peg
        .api(u, Method::POST, "/api/v1/skp", json!({"tahun": tahun}))
        .await;
    let id = d["skp"]["id"].as_i64().unwrap();
    let skp = format!("/api/v1/skp/{id}");
    let d = peg
        .api(
            u,
            Method::POST,
            &format!("{skp}/rhk"),
            json!({"version": d["version"], "jenis": "utama",
                   "uraian": "Tersalurkannya bantuan sosial tepat sasaran",
                   "iki": {"aspek": "kuantitas", "indikator": "Jumlah data penerima terverifikasi", "target": "120 data"}}),
        )
        .await;
    let d = peg
        .api(
            u,
            Method::POST,
            &format!("{skp}/ajukan"),
            json!({"version": d["version"]}),
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

    // --- before the capaian: the team page says why the pegawai cannot be rated yet ----------
    let halaman_tim = format!("/evaluasi?periode={periode}");
    let (h, _) = penilai.halaman(u, &halaman_tim).await;
    let baris = potong(&h, &format!("id=\"pegawai-{id}\""), "</tbody>");
    assert!(
        baris.contains("data-testid=\"kendala\"")
            && baris.contains("Capaian kinerja organisasi unit")
            && !baris.contains("form-nilai"),
        "no capaian yet: no form, the reason instead: {baris}"
    );
    assert!(
        h.contains("href=\"/evaluasi\""),
        "the nav links the team evaluation"
    );

    // --- the admin sets the Dinas's capaian on the capaian page ------------------------------
    let r = u
        .get(&format!("/capaian?periode={periode}"), Some(&admin))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.teks());
    let h = r.teks();
    assert!(
        h.contains("data-testid=\"tabel-capaian\"")
            && h.matches("data-testid=\"baris-capaian\"").count() > 50
            && h.contains(&format!("id=\"unit-{dinsos}\"")),
        "every unit for the admin"
    );
    let csrf_admin = nilai_input(&h, "csrf");
    let tetapkan = format!("/capaian/{dinsos}/{periode}");
    let r = u
        .post_form(
            &tetapkan,
            Some(&admin),
            &[
                ("csrf", &csrf_admin),
                ("capaian_organisasi", "luar_biasa"),
                ("catatan", "Target penyaluran tercapai"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.teks());
    let h = r.teks();
    let baris = potong(&h, &format!("id=\"unit-{dinsos}\""), "</tr>");
    assert!(
        baris.contains("galat-form")
            && baris.contains("capaian_organisasi")
            && baris.contains("Target penyaluran tercapai"),
        "an unknown value: the message by the unit's form, what was typed kept: {baris}"
    );
    let r = u
        .post_form(
            &tetapkan,
            Some(&admin),
            &[
                ("csrf", &csrf_admin),
                ("capaian_organisasi", "baik"),
                ("catatan", "Target penyaluran tercapai"),
            ],
        )
        .await;
    assert_eq!(
        dialihkan(&r, "set capaian"),
        format!("/capaian?periode={periode}#unit-{dinsos}")
    );
    let r = u
        .get(&format!("/capaian?periode={periode}"), Some(&admin))
        .await;
    let h = r.teks();
    let baris = potong(&h, &format!("id=\"unit-{dinsos}\""), "</tr>");
    assert!(
        baris.contains("<strong>Baik</strong>") && baris.contains("name=\"version\""),
        "set, and its form now carries the version: {baris}"
    );
    let r = u
        .post_form(
            &tetapkan,
            Some(&admin),
            &[("csrf", "salah"), ("capaian_organisasi", "baik")],
        )
        .await;
    assert_eq!(
        r.status,
        StatusCode::FORBIDDEN,
        "no CSRF token, nothing set"
    );

    // --- the rater's team: the row with its suggestion, the curve ----------------------------
    let (h, csrf) = penilai.halaman(u, &halaman_tim).await;
    let baris = potong(&h, &format!("id=\"pegawai-{id}\""), "</tbody>");
    assert!(
        baris.contains(&peg.p.nama)
            && baris.contains(&format!("data-nip=\"{}\"", peg.p.nip.as_str()))
            && baris.contains("data-testid=\"saran-hasil-kerja\"")
            && baris.contains("form-nilai")
            && baris.contains("Belum dinilai"),
        "{baris}"
    );
    assert!(
        h.contains("<svg") && h.contains("data-testid=\"kurva\""),
        "the distribution curve is on the page"
    );
    let sebelum = dinilai_di_kurva(&h);
    let saran_hk = terpilih(baris, "rating_hasil_kerja");
    let saran_pr = terpilih(baris, "rating_perilaku");
    let nilai = format!("/evaluasi/skp/{id}/{periode}/nilai");
    // A value the form never offers: the team page again, with the message by that row.
    let r = penilai
        .kirim(
            u,
            &nilai,
            &[
                ("csrf", &csrf),
                ("kembali", "tim"),
                ("rating_hasil_kerja", "luar_biasa"),
                ("rating_perilaku", &saran_pr),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.teks());
    let h = r.teks();
    let baris = potong(&h, &format!("id=\"pegawai-{id}\""), "</tbody>");
    assert!(
        baris.contains("galat-form") && baris.contains("Nilai tidak valid pada rating_hasil_kerja"),
        "{baris}"
    );
    // Departing from the suggestion without a reason.
    let lain = if saran_hk == "diatas_ekspektasi" {
        "sesuai_ekspektasi"
    } else {
        "diatas_ekspektasi"
    };
    let r = penilai
        .kirim(
            u,
            &nilai,
            &[
                ("csrf", &csrf),
                ("kembali", "tim"),
                ("rating_hasil_kerja", lain),
                ("rating_perilaku", &saran_pr),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.teks());
    assert!(
        r.teks().contains("berbeda dari saran"),
        "a reason is asked for: {}",
        r.teks()
    );
    // The suggestion confirmed: back to the team page, where the curve has moved.
    let r = penilai
        .kirim(
            u,
            &nilai,
            &[
                ("csrf", &csrf),
                ("kembali", "tim"),
                ("rating_hasil_kerja", &saran_hk),
                ("rating_perilaku", &saran_pr),
            ],
        )
        .await;
    assert_eq!(
        dialihkan(&r, "rate from the team page"),
        format!("/evaluasi?periode={periode}#pegawai-{id}")
    );
    let (h, csrf) = penilai.halaman(u, &halaman_tim).await;
    let baris = potong(&h, &format!("id=\"pegawai-{id}\""), "</tbody>");
    assert!(
        baris.contains("data-testid=\"predikat\"")
            && baris.contains("Draf penilaian")
            && baris.contains("name=\"version\""),
        "rated (a draft, re-rated over its version): {baris}"
    );
    assert_eq!(
        dinilai_di_kurva(&h),
        sebelum + 1,
        "the curve counts the new rating"
    );

    // --- the evaluation page: what it rests on, then the rater signs -------------------------
    let halaman = format!("/evaluasi/skp/{id}/{periode}");
    let (h, csrf2) = penilai.halaman(u, &halaman).await;
    assert_eq!(csrf, csrf2);
    let alasan = potong(&h, "data-testid=\"alasan-saran-hasil-kerja\"", "</ul>");
    assert!(
        alasan.contains("<li>") && h.contains("Tersalurkannya bantuan sosial tepat sasaran"),
        "the suggestion's reasons and the RHK it rests on: {alasan}"
    );
    assert!(
        h.contains("form-nilai")
            && h.contains("form-tandatangani")
            && h.contains("Tandatangani (pejabat penilai)")
            && h.contains(&cari(atasan_id).nama)
            && h.contains("<svg"),
        "{h}"
    );
    assert!(
        !h.contains("form-keberatan") && !h.contains("form-terima"),
        "the rater neither files nor acknowledges"
    );
    let r = penilai
        .kirim(u, &format!("{halaman}/tandatangani"), &[("csrf", "")])
        .await;
    assert_eq!(
        r.status,
        StatusCode::FORBIDDEN,
        "no CSRF token, no signature"
    );
    let r = penilai
        .kirim(u, &format!("{halaman}/tandatangani"), &[("csrf", &csrf)])
        .await;
    assert_eq!(dialihkan(&r, "sign"), format!("{halaman}#hasil"));
    let (h, _) = penilai.halaman(u, &halaman).await;
    assert!(
        h.contains("Ditandatangani pejabat penilai")
            && !h.contains("form-nilai")
            && !h.contains("form-tandatangani"),
        "signed and locked"
    );
    // Rating again after signing: the form is gone; a stale post is a state error by the form.
    let r = penilai
        .kirim(
            u,
            &nilai,
            &[
                ("csrf", &csrf),
                ("rating_hasil_kerja", &saran_hk),
                ("rating_perilaku", &saran_pr),
                ("version", "1"),
            ],
        )
        .await;
    assert!(
        r.status.is_client_error() && r.teks().contains("galat-halaman"),
        "{} {}",
        r.status,
        r.teks()
    );

    // --- the pegawai: their evaluations, acknowledging, a keberatan ---------------------------
    let (h, _) = peg
        .halaman(u, &format!("/evaluasi/saya?tahun={tahun}"))
        .await;
    assert!(
        h.contains(&format!("href=\"{halaman}\"")) && h.contains("Ditandatangani pejabat penilai"),
        "{h}"
    );
    let (h, csrf) = peg.halaman(u, &halaman).await;
    assert!(
        h.contains("Tandatangani dokumen evaluasi (pegawai)")
            && h.contains("bukan berarti Anda menyetujuinya")
            && h.contains("form-keberatan")
            && h.contains("paling lambat"),
        "{h}"
    );
    assert!(
        !h.contains("form-nilai") && !h.contains("form-tandatangani"),
        "the pegawai does not rate"
    );
    let r = peg
        .kirim(
            u,
            &format!("{halaman}/keberatan"),
            &[("csrf", &csrf), ("alasan", "  ")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.teks());
    assert!(
        r.teks().contains("Alasan keberatan wajib diisi") && r.teks().contains("galat-form"),
        "{}",
        r.teks()
    );
    let r = peg
        .kirim(u, &format!("{halaman}/terima"), &[("csrf", &csrf)])
        .await;
    assert_eq!(dialihkan(&r, "acknowledge"), format!("{halaman}#hasil"));
    let r = peg
        .kirim(
            u,
            &format!("{halaman}/keberatan"),
            &[
                ("csrf", &csrf),
                (
                    "alasan",
                    "Data penerima bulan ini sudah terverifikasi seluruhnya",
                ),
            ],
        )
        .await;
    assert_eq!(
        dialihkan(&r, "file a keberatan"),
        format!("{halaman}#keberatan")
    );
    let (h, _) = peg.halaman(u, &halaman).await;
    assert!(
        h.contains("Diterima pegawai") && h.contains("data-testid=\"ringkasan-keberatan\""),
        "{h}"
    );
    let kid: i64 = potong(&h, "href=\"/keberatan/", "\"")["href=\"/keberatan/".len()..]
        .parse()
        .unwrap();

    // --- strangers see nothing; the admin sees the curves; a pegawai does not -------------
    let r = asing.buka(u, &halaman).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.teks());
    let r = asing.buka(u, &format!("/keberatan/{kid}")).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = u
        .get(&format!("/distribusi?periode={periode}"), Some(&admin))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.teks());
    let h = r.teks();
    assert!(
        h.contains("<svg")
            && h.contains("data-testid=\"jumlah-menyimpang\"")
            && h.contains("Dinas Sosial"),
        "every unit's curve for the admin"
    );
    let r = peg.buka(u, &format!("/distribusi?periode={periode}")).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.teks());
    assert!(r.teks().contains("Akses ditolak"));
    let r = u
        .get(
            &format!("/peringkat?periode={periode}&unit={dinsos}"),
            Some(&admin),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.teks());
    assert!(r.teks().contains(&peg.p.nama), "ranked in the Dinas");
    let r = u.get("/evaluasi", Some(&admin)).await;
    assert_eq!(
        r.status,
        StatusCode::FORBIDDEN,
        "the team page is for raters"
    );
    let r = penilai.buka(u, "/evaluasi?periode=2026-13").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.teks().contains("periode"), "{}", r.teks());

    // --- the atasan pejabat penilai hears and decides ------------------------------------
    let (h, _) = atasan.halaman(u, "/keberatan").await;
    assert!(
        h.contains(&format!("href=\"/keberatan/{kid}\"")) && h.contains(&peg.p.nama),
        "{h}"
    );
    let (h, csrf) = atasan.halaman(u, &format!("/keberatan/{kid}")).await;
    assert!(
        h.contains("form-tanggapan")
            && h.contains("form-putusan")
            && h.contains("Data penerima bulan ini sudah terverifikasi seluruhnya"),
        "{h}"
    );
    let predikat_semula = potong(&h, "data-testid=\"predikat-semula\">", "<")
        ["data-testid=\"predikat-semula\">".len()..]
        .to_string();
    let r = atasan
        .kirim(
            u,
            &format!("/keberatan/{kid}/tanggapan"),
            &[("csrf", &csrf), ("isi", "Mohon lampirkan daftar penerima")],
        )
        .await;
    assert_eq!(
        dialihkan(&r, "comment"),
        format!("/keberatan/{kid}#tanggapan")
    );
    // Upheld without changing anything: refused, by the form.
    let r = atasan
        .kirim(
            u,
            &format!("/keberatan/{kid}/putusan"),
            &[
                ("csrf", &csrf),
                ("putusan", "dikabulkan"),
                ("rating_hasil_kerja", &saran_hk),
                ("rating_perilaku", &saran_pr),
                ("alasan", "Bukti lengkap"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.teks());
    assert!(r.teks().contains("rating tidak berubah"), "{}", r.teks());
    let r = atasan
        .kirim(
            u,
            &format!("/keberatan/{kid}/putusan"),
            &[
                ("csrf", &csrf),
                ("putusan", "dikabulkan"),
                ("rating_hasil_kerja", lain),
                ("rating_perilaku", &saran_pr),
                ("alasan", "Daftar penerima terverifikasi lengkap"),
            ],
        )
        .await;
    assert_eq!(dialihkan(&r, "decide"), format!("/keberatan/{kid}#putusan"));
    let (h, _) = peg.halaman(u, &format!("/keberatan/{kid}")).await;
    assert!(
        h.contains("data-testid=\"putusan\"")
            && h.contains("Dikabulkan")
            && h.contains("bersifat final")
            && h.contains(&format!(
                "data-testid=\"predikat-semula\">{predikat_semula}<"
            ))
            && h.contains("Mohon lampirkan daftar penerima")
            && h.contains("Atasan pejabat penilai")
            && !h.contains("form-tanggapan")
            && !h.contains("form-putusan"),
        "decided, final, the original result on record: {h}"
    );
}
