//! THE access table: one row per route the router serves (method and path template, as the
//! source declares it), with the concrete requests that exercise it on T's resources and, for
//! each, the relationships to T that may make it. The rest are denied.
//!
//! Rows run in this order, denied callers first within each case; a row that uses up its
//! resource for the allowed callers (a notification marked read, a keberatan decided) comes
//! after the rows that need it fresh. The expectations are the policy of `product.md` and
//! `api.md` as the use cases in `crates/app` implement it:
//! - T's SKP, evaluations, documents, history: T, their rater, their atasan, HR admin
//!   (`RANTAI`); changes of the content and submitting: T; setting, returning, ekspektasi
//!   khusus, approach, rating, signing, follow-up: the rater; keberatan decisions: the atasan.
//! - The execution stage adds the assigner (what came from their assignment), peers sharing
//!   T's rater and people who gave 360 feedback (their own feedback only).
//! - Unit overviews (distribution, ranking, reports, monitoring, talent grid) on T's unit: the
//!   heads above it (T's rater heads the seksi, the atasan the bidang) and HR admin.
//! - Administration (organisation, import/export, profile, rewards, sanction cases, starting a
//!   year, mutasi): HR admin.

use super::fiksur::Id;
use super::{Baris, Isi, Kasus};
use super::{AD, AT, D, G, MASUK, PEGAWAI, PG, PIMPINAN_T, PN, PUBLIK, RANTAI, RK};
use axum::http::Method;
use serde_json::{json, Value};

fn kasus(uri: impl Into<String>, izin: u16, isi: Isi) -> Kasus {
    Kasus {
        uri: uri.into(),
        isi,
        izin,
        publik: false,
        akhiri_sesi: false,
        akhiri_sesi_t: false,
        tolak_diam: false,
    }
}

/// A request without a body.
fn k(uri: impl Into<String>, izin: u16) -> Kasus {
    kasus(uri, izin, Isi::Kosong)
}

/// A JSON body.
fn kj(uri: impl Into<String>, izin: u16, v: Value) -> Kasus {
    kasus(uri, izin, Isi::Json(v))
}

/// A form body (pages add the caller's CSRF token).
fn kf(uri: impl Into<String>, izin: u16, isian: &[(&str, &str)]) -> Kasus {
    kasus(
        uri,
        izin,
        Isi::Form(
            isian
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect(),
        ),
    )
}

fn km(uri: impl Into<String>, izin: u16, ct: &str, isi: Vec<u8>) -> Kasus {
    kasus(uri, izin, Isi::Mentah(ct.to_string(), isi))
}

impl Kasus {
    fn publik(mut self) -> Self {
        self.publik = true;
        self
    }
    fn akhiri_sesi(mut self) -> Self {
        self.akhiri_sesi = true;
        self
    }
    fn akhiri_sesi_t(mut self) -> Self {
        self.akhiri_sesi_t = true;
        self
    }
    fn tolak_diam(mut self) -> Self {
        self.tolak_diam = true;
        self
    }
}

fn r(metode: Method, pola: &'static str, kasus: Vec<Kasus>) -> Baris {
    Baris {
        metode,
        pola,
        kasus,
    }
}

const GET: Method = Method::GET;
const POST: Method = Method::POST;
const PUT: Method = Method::PUT;
const PATCH: Method = Method::PATCH;
const DELETE: Method = Method::DELETE;

/// A multipart upload of a small PDF as evidence.
fn unggahan() -> (String, Vec<u8>) {
    super::fiksur::multipart("Bukti uji akses", "bukti.pdf", super::fiksur::PDF)
}

/// A multipart import form (`jenis` and the file in `berkas`).
fn impor_multipart() -> (String, Vec<u8>) {
    let b = super::fiksur::BATAS;
    let mut v = Vec::new();
    v.extend(
        format!("--{b}\r\nContent-Disposition: form-data; name=\"jenis\"\r\n\r\nunit\r\n")
            .as_bytes(),
    );
    v.extend(
        format!("--{b}\r\nContent-Disposition: form-data; name=\"berkas\"; filename=\"unit.csv\"\r\nContent-Type: text/csv\r\n\r\nkode,nama,induk_kode,tipe_lampiran\n\r\n--{b}--\r\n")
            .as_bytes(),
    );
    (format!("multipart/form-data; boundary={b}"), v)
}

pub fn baris(i: &Id) -> Vec<Baris> {
    let demo = kinerja_app::demo::PASSWORD_DEMO;
    let tahun = i.tahun;
    let skp = i.skp;
    let s = format!("/api/v1/skp/{skp}");
    let nip = i.nip_t.as_str();
    let hari = i.hari.as_str();
    let lalu = i.periode_lalu.as_str();
    let kini = i.periode_kini.as_str();
    let unit = i.unit_t;
    let iki_json =
        json!({"aspek": "kuantitas", "indikator": "Jumlah dokumen uji", "target": "2 dokumen"});
    let rhk_json =
        json!({"version": "$VERSI", "jenis": "utama", "uraian": "RHK uji akses", "iki": iki_json});
    let versi = "$VERSI";
    let [ub_api, ub_hal] = i.ub_penilai;
    let [p_terima, p_tolak, p_hal] = i.penugasan_menunggu;
    let [n_api, n_hal] = i.notifikasi;
    let tahun_s = tahun.to_string();
    let bulan_s = i.bulan.to_string();
    let csv_unit = b"kode,nama,induk_kode,tipe_lampiran\n".to_vec();
    let (ct_bukti, bukti) = unggahan();
    let (ct_impor, impor) = impor_multipart();
    let form_rhk = [
        ("version", versi),
        ("jenis", "utama"),
        ("uraian", "RHK uji akses"),
        ("aspek", "kuantitas"),
        ("indikator", "Jumlah dokumen uji"),
        ("target", "2 dokumen"),
    ];
    let form_iki = [
        ("version", versi),
        ("aspek", "kuantitas"),
        ("indikator", "Jumlah dokumen uji"),
        ("target", "2 dokumen"),
    ];

    vec![
        // --- outside the API and the pages ---------------------------------------------------
        r(GET, "/api/openapi.json", vec![k("/api/openapi.json", PUBLIK)]),
        r(GET, "/healthz", vec![k("/healthz", PUBLIK)]),
        r(GET, "/metrics", vec![k("/metrics", PUBLIK)]),
        // --- API: authentication and calculators ---------------------------------------------
        r(
            POST,
            "/api/v1/auth/login",
            vec![kj(
                "/api/v1/auth/login",
                PUBLIK,
                json!({"username": nip, "password": demo}),
            )],
        ),
        r(GET, "/api/v1/me", vec![k("/api/v1/me", MASUK)]),
        r(
            GET,
            "/api/v1/rules/predikat",
            vec![k(
                "/api/v1/rules/predikat?hasil_kerja=sesuai_ekspektasi&perilaku=sesuai_ekspektasi",
                MASUK,
            )],
        ),
        r(
            POST,
            "/api/v1/rules/distribusi",
            vec![kj(
                "/api/v1/rules/distribusi",
                MASUK,
                json!({"capaian_organisasi": "baik", "jumlah": {"baik": 8, "sangat_baik": 2}}),
            )],
        ),
        r(
            GET,
            "/api/v1/rules/tugas-belajar",
            vec![k("/api/v1/rules/tugas-belajar?jenjang_pendidikan=s1&lokasi=dalam_negeri&akreditasi_pt=A&akreditasi_prodi=A&ipk=3.60", MASUK)],
        ),
        r(
            GET,
            "/api/v1/rules/angka-kredit",
            vec![k(
                "/api/v1/rules/angka-kredit?jenjang=ahli_pertama&predikat=baik",
                MASUK,
            )],
        ),
        // --- API: organisation ---------------------------------------------------------------
        r(GET, "/api/v1/unit", vec![k("/api/v1/unit", AD)]),
        r(GET, "/api/v1/unit/{id}", vec![k(format!("/api/v1/unit/{unit}"), AD)]),
        r(GET, "/api/v1/pegawai", vec![k("/api/v1/pegawai?q=a", AD)]),
        r(
            GET,
            "/api/v1/pegawai/{nip}",
            vec![k(format!("/api/v1/pegawai/{nip}"), RANTAI)],
        ),
        r(
            GET,
            "/api/v1/pegawai/{nip}/penilai",
            vec![k(format!("/api/v1/pegawai/{nip}/penilai"), RANTAI)],
        ),
        r(
            PUT,
            "/api/v1/pegawai/{nip}/penilai",
            // An empty reason: the admin's answer is 422 and T's raters stay as they are.
            vec![kj(
                format!("/api/v1/pegawai/{nip}/penilai"),
                AD,
                json!({"pejabat_penilai_nip": i.nip_diminta, "alasan": ""}),
            )],
        ),
        r(
            DELETE,
            "/api/v1/pegawai/{nip}/penilai",
            vec![k(format!("/api/v1/pegawai/{nip}/penilai"), AD)],
        ),
        r(
            PUT,
            "/api/v1/impor/{jenis}",
            vec![km("/api/v1/impor/unit", AD, "text/csv", csv_unit.clone())],
        ),
        r(
            POST,
            "/api/v1/impor/{jenis}",
            vec![km("/api/v1/impor/unit", AD, "text/csv", csv_unit)],
        ),
        r(
            GET,
            "/api/v1/ekspor/{jenis}",
            vec![k("/api/v1/ekspor/unit?format=csv", AD)],
        ),
        // --- API: SKP ------------------------------------------------------------------------
        r(
            GET,
            "/api/v1/skp",
            vec![
                k(format!("/api/v1/skp?tahun={tahun}"), MASUK),
                k(format!("/api/v1/skp?lingkup=tim&tahun={tahun}"), MASUK),
                k(format!("/api/v1/skp?lingkup=instansi&tahun={tahun}"), AD),
            ],
        ),
        r(
            POST,
            "/api/v1/skp",
            // T's SKP of the year exists: T and the admin get 409, the others may not.
            vec![kj("/api/v1/skp", D | AD, json!({"nip": nip, "tahun": tahun}))],
        ),
        r(
            GET,
            "/api/v1/skp/rekap",
            vec![k(format!("/api/v1/skp/rekap?tahun={tahun}"), AD)],
        ),
        r(GET, "/api/v1/skp/{id}", vec![k(s.clone(), RANTAI)]),
        r(
            PATCH,
            "/api/v1/skp/{id}",
            vec![
                kj(
                    s.clone(),
                    PN,
                    json!({"version": "$VERSI", "pendekatan": "kuantitatif"}),
                ),
                kj(
                    s.clone(),
                    D,
                    json!({"version": "$VERSI", "perjanjian_kerja": "Perjanjian uji"}),
                ),
            ],
        ),
        r(
            POST,
            "/api/v1/skp/{id}/ajukan",
            vec![kj(format!("{s}/ajukan"), D, json!({"version": "$VERSI"}))],
        ),
        r(
            POST,
            "/api/v1/skp/{id}/tetapkan",
            vec![kj(format!("{s}/tetapkan"), PN, json!({"version": "$VERSI"}))],
        ),
        r(
            POST,
            "/api/v1/skp/{id}/kembalikan",
            vec![kj(
                format!("{s}/kembalikan"),
                PN,
                json!({"version": "$VERSI", "catatan": "Perbaiki target"}),
            )],
        ),
        r(
            POST,
            "/api/v1/skp/{id}/revisi",
            // No reason: the rules refuse (422) before anything changes.
            vec![kj(
                format!("{s}/revisi"),
                D | PN,
                json!({"version": "$VERSI", "alasan": ""}),
            )],
        ),
        r(
            POST,
            "/api/v1/skp/{id}/rhk",
            vec![kj(format!("{s}/rhk"), D, rhk_json.clone())],
        ),
        r(
            PUT,
            "/api/v1/skp/{id}/rhk/{rhk_id}",
            vec![kj(
                format!("{s}/rhk/{}", i.rhk_biasa),
                D,
                json!({"version": "$VERSI", "jenis": "utama", "uraian": "RHK uji akses diubah"}),
            )],
        ),
        r(
            DELETE,
            "/api/v1/skp/{id}/rhk/{rhk_id}",
            vec![k(format!("{s}/rhk/{}?version=$VERSI", i.rhk_biasa), D)],
        ),
        r(
            POST,
            "/api/v1/skp/{id}/rhk/{rhk_id}/iki",
            vec![kj(
                format!("{s}/rhk/{}/iki", i.rhk_biasa),
                D,
                json!({"version": "$VERSI", "aspek": "kualitas", "indikator": "Mutu uji", "target": "90 %"}),
            )],
        ),
        r(
            PUT,
            "/api/v1/skp/{id}/iki/{iki_id}",
            vec![kj(
                format!("{s}/iki/{}", i.iki_biasa),
                D,
                json!({"version": "$VERSI", "aspek": "kuantitas", "indikator": "Jumlah uji", "target": "3 dokumen"}),
            )],
        ),
        r(
            DELETE,
            "/api/v1/skp/{id}/iki/{iki_id}",
            vec![k(format!("{s}/iki/{}?version=$VERSI", i.iki_biasa), D)],
        ),
        r(
            PUT,
            "/api/v1/skp/{id}/iki/{iki_id}/manual_indikator",
            vec![kj(
                format!("{s}/iki/{}/manual_indikator", i.iki_biasa),
                D,
                json!({"version": "$VERSI", "tujuan": "Uji", "deskripsi": "Uji", "definisi": "Uji",
                       "formula": "a/b", "satuan_pengukuran": "dokumen", "tingkat_kendali": "output_kendali_tinggi",
                       "sumber_data": "arsip", "periode_pelaporan": "bulanan"}),
            )],
        ),
        r(
            PUT,
            "/api/v1/skp/{id}/perilaku/{aspek}",
            vec![kj(
                format!("{s}/perilaku/kolaboratif"),
                PN,
                json!({"version": "$VERSI", "ekspektasi_khusus": "Aktif dalam tim uji"}),
            )],
        ),
        r(
            PUT,
            "/api/v1/skp/{id}/lampiran",
            vec![kj(
                format!("{s}/lampiran"),
                D,
                json!({"version": "$VERSI", "dukungan_sumber_daya": ["Laptop"],
                       "skema_pertanggungjawaban": ["Laporan bulanan"], "konsekuensi": ["Apresiasi"]}),
            )],
        ),
        r(GET, "/api/v1/skp/{id}/versi", vec![k(format!("{s}/versi"), RANTAI)]),
        r(
            GET,
            "/api/v1/skp/{id}/versi/{nomor}",
            vec![k(format!("{s}/versi/1"), RANTAI)],
        ),
        r(
            POST,
            "/api/v1/tahun/{tahun}/mulai",
            vec![k(format!("/api/v1/tahun/{}/mulai", tahun + 1), AD)],
        ),
        r(
            GET,
            "/api/v1/tugas/{id}",
            vec![k(format!("/api/v1/tugas/{}", i.tugas), AD)],
        ),
        r(
            GET,
            "/api/v1/matriks/{tahun}",
            // One's own matriks (empty without a team); the HR admin has none.
            vec![k(format!("/api/v1/matriks/{tahun}"), PEGAWAI)],
        ),
        r(
            PUT,
            "/api/v1/matriks/{tahun}/sel",
            vec![kj(
                format!("/api/v1/matriks/{tahun}/sel"),
                PN,
                json!({"nip": nip, "version": "$VERSI", "rhk_pimpinan_id": i.rhk_pimpinan,
                       "uraian": "RHK matriks uji", "dasar_kaskade": "tahapan",
                       "iki": iki_json}),
            )],
        ),
        // --- API: assignments ----------------------------------------------------------------
        r(
            GET,
            "/api/v1/penugasan",
            vec![
                k(format!("/api/v1/penugasan?kotak=masuk&tahun={tahun}"), MASUK),
                k(format!("/api/v1/penugasan?kotak=keluar&tahun={tahun}"), MASUK),
                k(format!("/api/v1/penugasan?kotak=saya&tahun={tahun}"), MASUK),
                k(format!("/api/v1/penugasan?kotak=terbuka&tahun={tahun}"), MASUK),
            ],
        ),
        r(
            POST,
            "/api/v1/penugasan",
            // Any pimpinan outside T's line assigns through T's rater (the rater: 422, use the
            // matriks); T, staff and the admin account are not pimpinan.
            vec![kj(
                "/api/v1/penugasan",
                PN | AT | PG,
                json!({"nip": nip, "tahun": tahun, "uraian": "Penugasan uji akses", "ekspektasi": "Selesai"}),
            )],
        ),
        r(
            GET,
            "/api/v1/penugasan/{id}",
            vec![k(
                format!("/api/v1/penugasan/{}", i.penugasan_diterima),
                D | PN | PG | AD,
            )],
        ),
        r(
            POST,
            "/api/v1/penugasan/{id}/terima",
            vec![kj(
                format!("/api/v1/penugasan/{p_terima}/terima"),
                PN,
                json!({"version": "$VERSI", "iki": iki_json}),
            )],
        ),
        r(
            POST,
            "/api/v1/penugasan/{id}/tolak",
            vec![kj(
                format!("/api/v1/penugasan/{p_tolak}/tolak"),
                PN,
                json!({"alasan": "Beban kerja penuh"}),
            )],
        ),
        r(
            POST,
            "/api/v1/penugasan/{id}/relawan",
            // An open assignment: any pegawai may volunteer (its giver gets 409).
            vec![k(
                format!("/api/v1/penugasan/{}/relawan", i.penugasan_terbuka),
                PEGAWAI,
            )],
        ),
        r(
            POST,
            "/api/v1/pegawai/{nip}/mutasi",
            // An unknown position: the admin's answer is 422 and T stays where they are.
            vec![kj(
                format!("/api/v1/pegawai/{nip}/mutasi"),
                AD,
                json!({"jabatan_kode": "TIDAK-ADA-UJI", "tanggal": hari}),
            )],
        ),
        // --- API: execution ------------------------------------------------------------------
        r(
            GET,
            "/api/v1/skp/{id}/realisasi",
            // The assigner sees the month of their assignment's RHK only (checked by the
            // markers): T's realisation of another IKI is not theirs to read.
            vec![k(format!("{s}/realisasi?bulan={}", i.bulan), RANTAI | PG)],
        ),
        r(
            PUT,
            "/api/v1/skp/{id}/realisasi",
            vec![kj(
                format!("{s}/realisasi"),
                D,
                json!({"iki_id": i.iki_biasa, "bulan": i.bulan, "realisasi": i.teks_realisasi,
                       "catatan": "Catatan realisasi"}),
            )],
        ),
        r(
            GET,
            "/api/v1/realisasi/tim",
            vec![k(
                format!("/api/v1/realisasi/tim?tahun={tahun}&bulan={}", i.bulan),
                MASUK,
            )],
        ),
        r(
            POST,
            "/api/v1/realisasi/{id}/bukti",
            vec![
                kj(
                    format!("/api/v1/realisasi/{}/bukti", i.realisasi),
                    D,
                    json!({"url": "https://arsip.example.go.id/uji", "keterangan": "Tautan uji"}),
                ),
                km(
                    format!("/api/v1/realisasi/{}/bukti", i.realisasi),
                    D,
                    &ct_bukti,
                    bukti.clone(),
                ),
            ],
        ),
        r(
            GET,
            "/api/v1/bukti/{id}",
            vec![k(format!("/api/v1/bukti/{}", i.bukti_tautan), RANTAI)],
        ),
        r(
            DELETE,
            "/api/v1/bukti/{id}",
            vec![k(format!("/api/v1/bukti/{}", i.bukti_hapus_api), D)],
        ),
        r(
            GET,
            "/api/v1/bukti/{id}/berkas",
            vec![k(format!("/api/v1/bukti/{}/berkas", i.bukti_berkas), RANTAI)],
        ),
        r(
            GET,
            "/api/v1/skp/{id}/umpan_balik",
            // Everyone with a standing reads; the assigner, a peer and a 360 giver only what
            // concerns them (checked by the markers).
            vec![k(format!("{s}/umpan_balik"), RANTAI | PG | RK | G)],
        ),
        r(
            POST,
            "/api/v1/skp/{id}/umpan_balik",
            vec![
                kj(
                    format!("{s}/umpan_balik"),
                    PN | AT | PG | RK,
                    json!({"rhk_id": i.rhk_tugas, "jenis": "insidentil", "cara": "langsung",
                           "tanggal": hari, "isi": "Umpan balik uji akses"}),
                ),
            ],
        ),
        r(
            GET,
            "/api/v1/skp/{id}/umpan_balik/hak",
            vec![k(format!("{s}/umpan_balik/hak"), RANTAI | PG | RK | G)],
        ),
        r(
            GET,
            "/api/v1/umpan_balik/diberikan",
            vec![k("/api/v1/umpan_balik/diberikan", MASUK)],
        ),
        r(
            POST,
            "/api/v1/umpan_balik/{id}/tanggapan",
            vec![kj(
                format!("/api/v1/umpan_balik/{ub_api}/tanggapan"),
                D,
                json!({"tanggapan": "Terima kasih"}),
            )],
        ),
        r(
            GET,
            "/api/v1/skp/{id}/permintaan_umpan_balik",
            vec![k(format!("{s}/permintaan_umpan_balik"), RANTAI | PG | RK | G)],
        ),
        r(
            POST,
            "/api/v1/skp/{id}/permintaan_umpan_balik",
            vec![kj(
                format!("{s}/permintaan_umpan_balik"),
                D | PN,
                json!({"nip_pemberi": i.nip_diminta, "sebagai": "pihak_lain",
                       "batas": i.hari, "pesan": "Mohon umpan balik"}),
            )],
        ),
        r(
            GET,
            "/api/v1/permintaan_umpan_balik",
            vec![k("/api/v1/permintaan_umpan_balik", MASUK)],
        ),
        r(
            PUT,
            "/api/v1/permintaan_umpan_balik/{id}/anonim",
            vec![kj(
                format!("/api/v1/permintaan_umpan_balik/{}/anonim", i.permintaan_terbuka),
                PN,
                json!({"anonim": false}),
            )],
        ),
        r(
            GET,
            "/api/v1/skp/{id}/tindak_lanjut",
            vec![k(format!("{s}/tindak_lanjut"), RANTAI)],
        ),
        r(
            POST,
            "/api/v1/skp/{id}/tindak_lanjut",
            vec![kj(
                format!("{s}/tindak_lanjut"),
                PN,
                json!({"jenis": "apresiasi", "rhk_id": i.rhk_biasa, "uraian": "Apresiasi uji"}),
            )],
        ),
        r(
            POST,
            "/api/v1/skp/{id}/pembinaan",
            vec![kj(
                format!("{s}/pembinaan"),
                PN,
                json!({"jenis_pembinaan": "bimbingan", "tanggal": hari, "topik": "Uji",
                       "tindakan_disepakati": "Rencana uji", "rhk_id": i.rhk_biasa}),
            )],
        ),
        r(
            POST,
            "/api/v1/skp/{id}/rhk/{rhk_id}/ambil_alih",
            // Without a "no progress" step first the rules refuse (409); nothing is taken over.
            vec![kj(
                format!("{s}/rhk/{}/ambil_alih", i.rhk_biasa),
                PN,
                json!({"catatan": "Tidak dapat diselesaikan"}),
            )],
        ),
        r(
            GET,
            "/api/v1/penugasan/{id}/laporan",
            vec![k(
                format!("/api/v1/penugasan/{}/laporan", i.penugasan_diterima),
                D | PN | PG | AD,
            )],
        ),
        r(
            POST,
            "/api/v1/penugasan/{id}/laporan",
            vec![kj(
                format!("/api/v1/penugasan/{}/laporan", i.penugasan_diterima),
                D,
                json!({"isi": "Laporan kemajuan uji"}),
            )],
        ),
        r(GET, "/api/v1/notifikasi", vec![k("/api/v1/notifikasi", MASUK)]),
        // One notification before all of them: T's own, unread until T reads it.
        r(
            POST,
            "/api/v1/notifikasi/{id}/dibaca",
            vec![k(format!("/api/v1/notifikasi/{n_api}/dibaca"), D)],
        ),
        // --- pages: the basics ---------------------------------------------------------------
        r(GET, "/", vec![k("/", MASUK)]),
        r(GET, "/masuk", vec![k("/masuk", PUBLIK)]),
        r(
            POST,
            "/masuk",
            vec![kf("/masuk", PUBLIK, &[("username", nip), ("password", demo)])],
        ),
        r(POST, "/bahasa", vec![kf("/bahasa", MASUK, &[("bahasa", "id")])]),
        r(GET, "/static/app.css", vec![k("/static/app.css", PUBLIK)]),
        r(GET, "/kalkulator", vec![k("/kalkulator", MASUK)]),
        r(GET, "/organisasi", vec![k("/organisasi", AD)]),
        r(
            GET,
            "/organisasi/unit/{id}",
            vec![k(format!("/organisasi/unit/{unit}"), AD)],
        ),
        r(GET, "/pegawai", vec![k("/pegawai?q=a", AD)]),
        r(GET, "/pegawai/{nip}", vec![k(format!("/pegawai/{nip}"), RANTAI)]),
        r(
            POST,
            "/pegawai/{nip}/penilai",
            vec![kf(
                format!("/pegawai/{nip}/penilai"),
                AD,
                &[("pejabat_penilai_nip", &i.nip_diminta), ("alasan", "")],
            )],
        ),
        r(
            POST,
            "/pegawai/{nip}/penilai/hapus",
            vec![kf(format!("/pegawai/{nip}/penilai/hapus"), AD, &[])],
        ),
        r(GET, "/impor", vec![k("/impor", AD)]),
        r(POST, "/impor", vec![km("/impor", AD, &ct_impor, impor)]),
        r(GET, "/ekspor/{berkas}", vec![k("/ekspor/unit.csv", AD)]),
        // --- pages: SKP ----------------------------------------------------------------------
        r(
            GET,
            "/skp",
            vec![k(format!("/skp?tahun={tahun}"), MASUK)],
        ),
        r(
            POST,
            "/skp",
            // One's own SKP of the year (409 when it exists; the admin account, no pegawai, 422).
            vec![kf("/skp", MASUK, &[("tahun", &tahun_s)])],
        ),
        r(
            GET,
            "/skp/monitoring",
            vec![k(format!("/skp/monitoring?tahun={tahun}"), AD)],
        ),
        r(
            POST,
            "/skp/monitoring",
            vec![kf("/skp/monitoring", AD, &[("tahun", &(tahun + 1).to_string())])],
        ),
        r(GET, "/skp/{id}", vec![k(format!("/skp/{skp}"), RANTAI)]),
        r(
            GET,
            "/skp/{id}/versi/{nomor}",
            vec![k(format!("/skp/{skp}/versi/1"), RANTAI)],
        ),
        r(
            POST,
            "/skp/{id}/{aksi}",
            vec![
                kf(format!("/skp/{skp}/ajukan"), D, &[("version", versi)]),
                kf(format!("/skp/{skp}/tetapkan"), PN, &[("version", versi)]),
                kf(
                    format!("/skp/{skp}/kembalikan"),
                    PN,
                    &[("version", versi), ("catatan", "Perbaiki")],
                ),
                kf(
                    format!("/skp/{skp}/revisi"),
                    D | PN,
                    &[("version", versi), ("alasan", "")],
                ),
                kf(
                    format!("/skp/{skp}/pendekatan"),
                    PN,
                    &[("version", versi), ("pendekatan", "kuantitatif")],
                ),
                kf(format!("/skp/{skp}/rhk"), D, &form_rhk),
                kf(
                    format!("/skp/{skp}/lampiran"),
                    D,
                    &[
                        ("version", versi),
                        ("dukungan_sumber_daya", "Laptop"),
                        ("skema_pertanggungjawaban", "Laporan"),
                        ("konsekuensi", "Apresiasi"),
                    ],
                ),
                kf(
                    format!("/skp/{skp}/perjanjian_kerja"),
                    D,
                    &[("version", versi), ("perjanjian_kerja", "Perjanjian uji")],
                ),
            ],
        ),
        r(
            POST,
            "/skp/{id}/{bagian}/{bid}/{aksi}",
            vec![
                kf(
                    format!("/skp/{skp}/rhk/{}/ubah", i.rhk_biasa),
                    D,
                    &form_rhk,
                ),
                kf(
                    format!("/skp/{skp}/rhk/{}/hapus", i.rhk_biasa),
                    D,
                    &[("version", versi)],
                ),
                kf(format!("/skp/{skp}/rhk/{}/iki", i.rhk_biasa), D, &form_iki),
                kf(format!("/skp/{skp}/iki/{}/ubah", i.iki_biasa), D, &form_iki),
                kf(
                    format!("/skp/{skp}/iki/{}/hapus", i.iki_biasa),
                    D,
                    &[("version", versi)],
                ),
                kf(
                    format!("/skp/{skp}/iki/{}/manual", i.iki_biasa),
                    D,
                    &[
                        ("version", versi),
                        ("tujuan", "Uji"),
                        ("deskripsi", "Uji"),
                        ("definisi", "Uji"),
                        ("formula", "a/b"),
                        ("satuan_pengukuran", "dokumen"),
                        ("tingkat_kendali", "output_kendali_tinggi"),
                        ("sumber_data", "arsip"),
                        ("periode_pelaporan", "bulanan"),
                    ],
                ),
                kf(
                    format!("/skp/{skp}/perilaku/kolaboratif/simpan"),
                    PN,
                    &[("version", versi), ("ekspektasi_khusus", "Aktif dalam tim")],
                ),
            ],
        ),
        r(GET, "/matriks", vec![k(format!("/matriks?tahun={tahun}"), PEGAWAI)]),
        r(
            POST,
            "/matriks",
            vec![kf(
                "/matriks",
                PN,
                &[
                    ("tahun", &tahun_s),
                    ("nip", nip),
                    ("rhk_pimpinan_id", &i.rhk_pimpinan.to_string()),
                    ("version", versi),
                    ("uraian", "RHK matriks uji"),
                    ("jenis", "utama"),
                    ("dasar_kaskade", "tahapan"),
                    ("aspek", "kuantitas"),
                    ("indikator", "Jumlah dokumen uji"),
                    ("target", "2 dokumen"),
                ],
            )],
        ),
        r(GET, "/penugasan", vec![k(format!("/penugasan?tahun={tahun}"), MASUK)]),
        r(
            POST,
            "/penugasan",
            vec![kf(
                "/penugasan",
                PN | AT | PG,
                &[
                    ("tahun", &tahun_s),
                    ("nip", nip),
                    ("uraian", "Penugasan halaman uji"),
                    ("ekspektasi", "Selesai"),
                ],
            )],
        ),
        r(
            POST,
            "/penugasan/{id}/{aksi}",
            vec![
                kf(
                    format!("/penugasan/{p_hal}/terima"),
                    PN,
                    &[
                        ("version", versi),
                        ("jenis", "tambahan"),
                        ("aspek", "kuantitas"),
                        ("indikator", "Dokumen"),
                        ("target", "1 dokumen"),
                    ],
                ),
                kf(
                    format!("/penugasan/{p_hal}/tolak"),
                    PN,
                    &[("alasan", "Beban kerja penuh")],
                ),
                kf(
                    format!("/penugasan/{}/relawan", i.penugasan_terbuka_halaman),
                    PEGAWAI,
                    &[],
                ),
            ],
        ),
        r(
            POST,
            "/pegawai/{nip}/mutasi",
            vec![kf(
                format!("/pegawai/{nip}/mutasi"),
                AD,
                &[("jabatan_kode", "TIDAK-ADA-UJI"), ("tanggal", hari)],
            )],
        ),
        // --- pages: execution ----------------------------------------------------------------
        r(GET, "/realisasi", vec![k("/realisasi", MASUK)]),
        r(
            GET,
            "/realisasi/tim",
            vec![k(format!("/realisasi/tim?tahun={tahun}&bulan={}", i.bulan), MASUK)],
        ),
        r(
            GET,
            "/skp/{id}/realisasi",
            vec![k(format!("/skp/{skp}/realisasi?bulan={}", i.bulan), RANTAI | PG)],
        ),
        r(
            POST,
            "/skp/{id}/realisasi/{iki}",
            vec![kf(
                format!("/skp/{skp}/realisasi/{}", i.iki_biasa),
                D,
                &[
                    ("bulan", &bulan_s),
                    ("realisasi", &i.teks_realisasi),
                    ("catatan", "Catatan realisasi"),
                ],
            )],
        ),
        r(
            POST,
            "/realisasi/{id}/bukti",
            vec![km(
                format!("/realisasi/{}/bukti?skp={skp}&bulan={}", i.realisasi, i.bulan),
                D,
                &ct_bukti,
                bukti,
            )],
        ),
        r(
            POST,
            "/realisasi/{id}/tautan",
            vec![kf(
                format!("/realisasi/{}/tautan", i.realisasi),
                D,
                &[
                    ("url", "https://arsip.example.go.id/uji"),
                    ("keterangan", "Tautan uji"),
                    ("skp", &skp.to_string()),
                    ("bulan", &bulan_s),
                ],
            )],
        ),
        r(
            GET,
            "/bukti/{id}",
            vec![k(format!("/bukti/{}", i.bukti_berkas), RANTAI)],
        ),
        r(
            POST,
            "/bukti/{id}/hapus",
            vec![kf(
                format!("/bukti/{}/hapus", i.bukti_hapus_halaman),
                D,
                &[("skp", &skp.to_string()), ("bulan", &bulan_s)],
            )],
        ),
        r(
            GET,
            "/skp/{id}/umpan-balik",
            vec![k(format!("/skp/{skp}/umpan-balik"), RANTAI | PG | RK | G)],
        ),
        r(
            POST,
            "/skp/{id}/umpan-balik",
            vec![kf(
                format!("/skp/{skp}/umpan-balik"),
                PN | AT | PG | RK,
                &[
                    ("sasaran", &format!("rhk:{}", i.rhk_tugas)),
                    ("jenis", "insidentil"),
                    ("cara", "langsung"),
                    ("tanggal", hari),
                    ("isi", "Umpan balik halaman uji"),
                ],
            )],
        ),
        r(
            POST,
            "/skp/{id}/permintaan",
            vec![kf(
                format!("/skp/{skp}/permintaan"),
                D | PN,
                &[
                    ("nip_pemberi", &i.nip_diminta),
                    ("sebagai", "pihak_lain"),
                    ("batas", hari),
                    ("pesan", "Mohon umpan balik"),
                ],
            )],
        ),
        r(
            POST,
            "/skp/{id}/tindak-lanjut",
            vec![kf(
                format!("/skp/{skp}/tindak-lanjut"),
                PN,
                &[
                    ("jenis", "apresiasi"),
                    ("rhk_id", &i.rhk_biasa.to_string()),
                    ("uraian", "Apresiasi halaman uji"),
                ],
            )],
        ),
        r(
            POST,
            "/skp/{id}/ambil-alih",
            vec![kf(
                format!("/skp/{skp}/ambil-alih"),
                PN,
                &[
                    ("rhk_id", &i.rhk_biasa.to_string()),
                    ("catatan", "Tidak dapat diselesaikan"),
                ],
            )],
        ),
        r(GET, "/umpan-balik", vec![k("/umpan-balik", MASUK)]),
        r(
            GET,
            "/umpan-balik/diberikan",
            // A redirect to a section of /umpan-balik (which needs a login), for anyone.
            vec![k("/umpan-balik/diberikan", PUBLIK)],
        ),
        r(
            POST,
            "/umpan-balik/{id}/tanggapan",
            vec![kf(
                format!("/umpan-balik/{ub_hal}/tanggapan"),
                D,
                &[("tanggapan", "Terima kasih"), ("skp", &skp.to_string())],
            )],
        ),
        r(
            POST,
            "/permintaan/{id}/anonim",
            vec![kf(
                format!("/permintaan/{}/anonim", i.permintaan_terbuka),
                PN,
                &[("anonim", "0"), ("skp", &skp.to_string())],
            )],
        ),
        r(
            GET,
            "/penugasan/{id}/laporan",
            vec![k(
                format!("/penugasan/{}/laporan", i.penugasan_diterima),
                D | PN | PG | AD,
            )],
        ),
        r(
            POST,
            "/penugasan/{id}/laporan",
            vec![kf(
                format!("/penugasan/{}/laporan", i.penugasan_diterima),
                D,
                &[("isi", "Laporan halaman uji")],
            )],
        ),
        r(GET, "/notifikasi", vec![k("/notifikasi", MASUK)]),
        r(
            POST,
            "/notifikasi/{id}/dibaca",
            // Marks the caller's own message: someone else's is a no-op back to the inbox.
            vec![kf(format!("/notifikasi/{n_hal}/dibaca"), D, &[]).tolak_diam()],
        ),
        // Everything read: after the single notifications above.
        r(
            POST,
            "/api/v1/notifikasi/dibaca",
            vec![k("/api/v1/notifikasi/dibaca", MASUK)],
        ),
        r(
            POST,
            "/notifikasi/dibaca",
            vec![kf("/notifikasi/dibaca", MASUK, &[])],
        ),
        // --- API: evaluation -----------------------------------------------------------------
        r(
            GET,
            "/api/v1/capaian_organisasi",
            vec![k(format!("/api/v1/capaian_organisasi?periode={kini}"), MASUK)],
        ),
        r(
            PUT,
            "/api/v1/unit/{id}/capaian_organisasi/{periode}",
            // Set by the leader one level up (T's atasan heads the bidang) or the admin.
            vec![kj(
                format!("/api/v1/unit/{unit}/capaian_organisasi/{kini}"),
                AT | AD,
                json!({"capaian_organisasi": "baik", "catatan": "Uji akses", "version": 1}),
            )],
        ),
        r(
            GET,
            "/api/v1/evaluasi",
            vec![k(format!("/api/v1/evaluasi?tahun={tahun}"), MASUK)],
        ),
        r(
            GET,
            "/api/v1/evaluasi/tim",
            vec![k(format!("/api/v1/evaluasi/tim?periode={lalu}"), PEGAWAI)],
        ),
        r(
            GET,
            "/api/v1/skp/{id}/evaluasi/{periode}",
            vec![k(format!("{s}/evaluasi/{lalu}"), RANTAI)],
        ),
        // The page rates and signs this month first; the API then meets an existing
        // rating (422 without its version) and a signed one (409).
        r(
            POST,
            "/evaluasi/skp/{id}/{periode}/nilai",
            vec![kf(
                format!("/evaluasi/skp/{skp}/{kini}/nilai"),
                PN,
                &[
                    ("rating_hasil_kerja", "sesuai_ekspektasi"),
                    ("rating_perilaku", "sesuai_ekspektasi"),
                    ("alasan_hasil_kerja", "Uji"),
                    ("alasan_perilaku", "Uji"),
                ],
            )],
        ),
        r(
            POST,
            "/evaluasi/skp/{id}/{periode}/tandatangani",
            vec![kf(format!("/evaluasi/skp/{skp}/{kini}/tandatangani"), PN, &[])],
        ),
        r(
            PUT,
            "/api/v1/skp/{id}/evaluasi/{periode}",
            vec![kj(
                format!("{s}/evaluasi/{kini}"),
                PN,
                json!({"rating_hasil_kerja": "sesuai_ekspektasi", "rating_perilaku": "sesuai_ekspektasi",
                       "alasan_hasil_kerja": "Uji", "alasan_perilaku": "Uji"}),
            )],
        ),
        r(
            POST,
            "/api/v1/skp/{id}/evaluasi/{periode}/tandatangani",
            vec![k(format!("{s}/evaluasi/{kini}/tandatangani"), PN)],
        ),
        r(
            POST,
            "/api/v1/skp/{id}/evaluasi/{periode}/terima",
            vec![k(format!("{s}/evaluasi/{lalu}/terima"), D)],
        ),
        r(
            POST,
            "/api/v1/skp/{id}/evaluasi/{periode}/buka_kembali",
            vec![kj(
                format!("{s}/evaluasi/{lalu}/buka_kembali"),
                AD,
                json!({"alasan": "Uji akses"}),
            )],
        ),
        r(
            POST,
            "/api/v1/skp/{id}/evaluasi/{periode}/keberatan",
            vec![kj(
                format!("{s}/evaluasi/{lalu}/keberatan"),
                D,
                json!({"alasan": "Keberatan kedua"}),
            )],
        ),
        r(GET, "/api/v1/keberatan", vec![k("/api/v1/keberatan", MASUK)]),
        r(
            GET,
            "/api/v1/keberatan/{id}",
            vec![k(format!("/api/v1/keberatan/{}", i.keberatan), RANTAI)],
        ),
        r(
            POST,
            "/api/v1/keberatan/{id}/tanggapan",
            vec![kj(
                format!("/api/v1/keberatan/{}/tanggapan", i.keberatan),
                D | PN | AT,
                json!({"isi": "Tanggapan uji"}),
            )],
        ),
        r(
            GET,
            "/api/v1/distribusi",
            vec![k(format!("/api/v1/distribusi?periode={lalu}"), PN | AT | PG | AD)],
        ),
        r(
            GET,
            "/api/v1/unit/{id}/distribusi",
            vec![k(
                format!("/api/v1/unit/{unit}/distribusi?periode={lalu}"),
                PIMPINAN_T,
            )],
        ),
        r(
            GET,
            "/api/v1/peringkat",
            vec![
                k(
                    format!("/api/v1/peringkat?periode={lalu}&unit_id={unit}"),
                    PIMPINAN_T,
                ),
                k(format!("/api/v1/peringkat?periode={lalu}"), PN | AT | PG | AD),
            ],
        ),
        // --- pages: evaluation ---------------------------------------------------------------
        r(
            GET,
            "/evaluasi",
            vec![k(format!("/evaluasi?periode={lalu}"), PEGAWAI)],
        ),
        r(
            GET,
            "/evaluasi/saya",
            vec![k(format!("/evaluasi/saya?tahun={tahun}"), MASUK)],
        ),
        r(
            GET,
            "/evaluasi/skp/{id}/{periode}",
            vec![k(format!("/evaluasi/skp/{skp}/{lalu}"), RANTAI)],
        ),
        r(
            POST,
            "/evaluasi/skp/{id}/{periode}/terima",
            vec![kf(format!("/evaluasi/skp/{skp}/{lalu}/terima"), D, &[])],
        ),
        r(
            POST,
            "/evaluasi/skp/{id}/{periode}/buka-kembali",
            vec![kf(
                format!("/evaluasi/skp/{skp}/{lalu}/buka-kembali"),
                AD,
                &[("alasan", "Uji akses")],
            )],
        ),
        r(
            POST,
            "/evaluasi/skp/{id}/{periode}/keberatan",
            vec![kf(
                format!("/evaluasi/skp/{skp}/{lalu}/keberatan"),
                D,
                &[("alasan", "Keberatan halaman")],
            )],
        ),
        r(GET, "/capaian", vec![k(format!("/capaian?periode={kini}"), MASUK)]),
        r(
            POST,
            "/capaian/{unit}/{periode}",
            vec![kf(
                format!("/capaian/{unit}/{kini}"),
                AT | AD,
                &[("capaian_organisasi", "baik"), ("catatan", "Uji"), ("version", "1")],
            )],
        ),
        r(
            GET,
            "/distribusi",
            vec![k(format!("/distribusi?periode={lalu}"), PN | AT | PG | AD)],
        ),
        r(
            GET,
            "/peringkat",
            vec![
                k(format!("/peringkat?periode={lalu}&unit={unit}"), PIMPINAN_T),
                k(format!("/peringkat?periode={lalu}"), PN | AT | PG | AD),
            ],
        ),
        r(GET, "/keberatan", vec![k("/keberatan", MASUK)]),
        r(
            GET,
            "/keberatan/{id}",
            vec![k(format!("/keberatan/{}", i.keberatan), RANTAI)],
        ),
        r(
            POST,
            "/keberatan/{id}/tanggapan",
            vec![kf(
                format!("/keberatan/{}/tanggapan", i.keberatan),
                D | PN | AT,
                &[("isi", "Tanggapan halaman")],
            )],
        ),
        // The decision is final: after every other use of the keberatan. The API's granted
        // decision lacks the new ratings (the atasan's answer is 422), so the page still finds
        // the keberatan waiting.
        r(
            POST,
            "/api/v1/keberatan/{id}/putusan",
            vec![kj(
                format!("/api/v1/keberatan/{}/putusan", i.keberatan),
                AT,
                json!({"putusan": "dikabulkan", "alasan": "Bukti baru diterima"}),
            )],
        ),
        r(
            POST,
            "/keberatan/{id}/putusan",
            vec![kf(
                format!("/keberatan/{}/putusan", i.keberatan),
                AT,
                &[("putusan", "ditolak"), ("alasan", "Penilaian sudah sesuai")],
            )],
        ),
        // --- API: documents ------------------------------------------------------------------
        r(
            GET,
            "/api/v1/skp/{id}/dokumen/{jenis}",
            vec![
                k(format!("{s}/dokumen/skp"), RANTAI),
                k(format!("{s}/dokumen/evaluasi?periode={lalu}"), RANTAI),
                k(format!("{s}/dokumen/dokumen_evaluasi?periode={lalu}"), RANTAI),
                k(format!("{s}/dokumen/umpan_balik?periode={lalu}"), RANTAI),
                k(format!("{s}/dokumen/manual_indikator"), RANTAI),
            ],
        ),
        r(
            GET,
            "/api/v1/matriks/{tahun}/dokumen",
            vec![k(format!("/api/v1/matriks/{tahun}/dokumen"), PEGAWAI)],
        ),
        r(
            GET,
            "/api/v1/verifikasi/{kode}",
            vec![k(format!("/api/v1/verifikasi/{}", i.kode_verifikasi), PUBLIK).publik()],
        ),
        r(GET, "/api/v1/bundel_laporan", vec![k("/api/v1/bundel_laporan", MASUK)]),
        r(
            POST,
            "/api/v1/bundel_laporan",
            vec![kj(
                "/api/v1/bundel_laporan",
                PIMPINAN_T,
                json!({"periode": lalu, "unit_id": unit}),
            )],
        ),
        r(
            GET,
            "/api/v1/bundel_laporan/{id}",
            vec![k(format!("/api/v1/bundel_laporan/{}", i.bundel), AD)],
        ),
        r(
            GET,
            "/api/v1/bundel_laporan/{id}/berkas",
            vec![k(format!("/api/v1/bundel_laporan/{}/berkas", i.bundel), AD)],
        ),
        // --- API: reports, monitoring, rewards, sanctions, talent ----------------------------
        r(
            GET,
            "/api/v1/laporan/{jenis}",
            vec![
                k(
                    format!("/api/v1/laporan/skp?periode={tahun}&unit_id={unit}&format=csv"),
                    PIMPINAN_T,
                ),
                k(
                    format!("/api/v1/laporan/evaluasi?periode={lalu}&unit_id={unit}&format=csv"),
                    PIMPINAN_T,
                ),
                k(
                    format!("/api/v1/laporan/tpp?periode={lalu}&unit_id={unit}&format=csv"),
                    PIMPINAN_T,
                ),
                k(
                    format!("/api/v1/laporan/peringkat?periode={lalu}&unit_id={unit}&format=csv"),
                    PIMPINAN_T,
                ),
                k(
                    format!("/api/v1/laporan/angka_kredit?periode={}&unit_id={unit}&format=csv", tahun - 1),
                    PIMPINAN_T,
                ),
            ],
        ),
        r(
            GET,
            "/api/v1/pemantauan",
            vec![k(
                format!("/api/v1/pemantauan?periode={lalu}&unit_id={unit}"),
                PIMPINAN_T,
            )],
        ),
        r(
            GET,
            "/api/v1/pemantauan/ekspor",
            vec![k(
                format!("/api/v1/pemantauan/ekspor?periode={lalu}&unit_id={unit}&tampilan=pegawai&format=csv"),
                PIMPINAN_T,
            )],
        ),
        r(
            GET,
            "/api/v1/penghargaan",
            vec![k(format!("/api/v1/penghargaan?tahun={}", tahun - 1), AD)],
        ),
        r(
            POST,
            "/api/v1/penghargaan",
            vec![kj(
                "/api/v1/penghargaan",
                AD,
                json!({"pegawai_id": i.pegawai_t, "tahun": tahun - 1, "jenis": "lainnya",
                       "bentuk": "Piagam uji", "tanggal": hari}),
            )],
        ),
        r(GET, "/api/v1/sanksi", vec![k("/api/v1/sanksi", AD)]),
        r(
            POST,
            "/api/v1/sanksi",
            // T's case is open already: the admin's answer is 409.
            vec![kj(
                "/api/v1/sanksi",
                AD,
                json!({"evaluasi_id": i.evaluasi_sanksi, "tanggal": hari}),
            )],
        ),
        r(
            GET,
            "/api/v1/sanksi/calon",
            vec![k(format!("/api/v1/sanksi/calon?tahun={}", tahun - 1), AD)],
        ),
        r(
            GET,
            "/api/v1/sanksi/{id}",
            // T and their rater read T's case; the admin manages it.
            vec![k(format!("/api/v1/sanksi/{}", i.sanksi), D | PN | AD)],
        ),
        r(
            POST,
            "/api/v1/sanksi/{id}/langkah",
            vec![kj(
                format!("/api/v1/sanksi/{}/langkah", i.sanksi),
                AD,
                json!({"versi": 0, "hasil": "tidak_ada", "tanggal": hari}),
            )],
        ),
        r(
            GET,
            "/api/v1/talenta",
            vec![k(format!("/api/v1/talenta?unit_id={unit}&periode={lalu}"), PIMPINAN_T)],
        ),
        r(
            GET,
            "/api/v1/talenta/riwayat",
            vec![k(format!("/api/v1/talenta/riwayat?unit_id={unit}"), PIMPINAN_T)],
        ),
        r(
            GET,
            "/api/v1/pegawai/{nip}/riwayat_kinerja",
            vec![k(format!("/api/v1/pegawai/{nip}/riwayat_kinerja"), RANTAI)],
        ),
        r(
            GET,
            "/api/v1/pegawai/{nip}/angka_kredit",
            vec![k(format!("/api/v1/pegawai/{nip}/angka_kredit"), RANTAI)],
        ),
        r(
            GET,
            "/api/v1/angka_kredit",
            // One's own; the admin account is no pegawai (404).
            vec![k("/api/v1/angka_kredit", PEGAWAI)],
        ),
        // --- API: profile --------------------------------------------------------------------
        r(GET, "/api/v1/profil", vec![k("/api/v1/profil", AD)]),
        r(
            POST,
            "/api/v1/profil",
            // Next year has its version already (409).
            vec![kj("/api/v1/profil", AD, json!({"tahun": i.profil_tahun}))],
        ),
        r(
            GET,
            "/api/v1/profil/tabel-penilai",
            vec![k("/api/v1/profil/tabel-penilai", AD)],
        ),
        r(
            PUT,
            "/api/v1/profil/tabel-penilai",
            // The table as read: no change.
            vec![kj(
                "/api/v1/profil/tabel-penilai",
                AD,
                json!({"versi": i.tabel_penilai["versi"], "csv": i.tabel_penilai["csv"]}),
            )],
        ),
        r(
            GET,
            "/api/v1/profil/{tahun}",
            vec![k(format!("/api/v1/profil/{}", i.profil_tahun), AD)],
        ),
        r(
            PUT,
            "/api/v1/profil/{tahun}",
            vec![kj(
                format!("/api/v1/profil/{}", i.profil_tahun),
                AD,
                json!({"versi": i.profil["versi"], "isi": i.profil["isi"]}),
            )],
        ),
        // --- pages: documents, reports, monitoring -------------------------------------------
        r(
            GET,
            "/skp/{id}/dokumen/{jenis}",
            vec![
                k(format!("/skp/{skp}/dokumen/skp"), RANTAI),
                k(format!("/skp/{skp}/dokumen/evaluasi?periode={lalu}"), RANTAI),
            ],
        ),
        r(
            GET,
            "/matriks/{tahun}/dokumen",
            vec![k(format!("/matriks/{tahun}/dokumen"), PEGAWAI)],
        ),
        r(GET, "/verifikasi", vec![k("/verifikasi", PUBLIK)]),
        r(
            GET,
            "/verifikasi/{kode}",
            vec![k(format!("/verifikasi/{}", i.kode_verifikasi), PUBLIK).publik()],
        ),
        // One's own bundles (and the form for those with a scope).
        r(GET, "/bundel", vec![k("/bundel", MASUK)]),
        r(
            POST,
            "/bundel",
            vec![kf(
                "/bundel",
                PIMPINAN_T,
                &[("periode", lalu), ("unit_id", &unit.to_string())],
            )],
        ),
        r(
            GET,
            "/bundel/{id}/berkas",
            vec![k(format!("/bundel/{}/berkas", i.bundel), AD)],
        ),
        r(GET, "/laporan", vec![k("/laporan", PN | AT | PG | AD)]),
        r(
            GET,
            "/laporan/{jenis}",
            vec![k(
                format!("/laporan/evaluasi?periode={lalu}&unit_id={unit}&format=csv"),
                PIMPINAN_T,
            )],
        ),
        r(
            GET,
            "/pemantauan",
            vec![k(format!("/pemantauan?periode={lalu}&unit_id={unit}"), PIMPINAN_T)],
        ),
        r(
            GET,
            "/pemantauan/ekspor",
            vec![k(
                format!("/pemantauan/ekspor?periode={lalu}&unit_id={unit}&tampilan=pegawai&format=csv"),
                PIMPINAN_T,
            )],
        ),
        // --- pages: rewards, sanctions, talent, profile --------------------------------------
        r(
            GET,
            "/penghargaan",
            vec![k(format!("/penghargaan?tahun={}", tahun - 1), AD)],
        ),
        r(
            POST,
            "/penghargaan",
            vec![kf(
                "/penghargaan",
                AD,
                &[
                    ("pegawai_id", &i.pegawai_t.to_string()),
                    ("tahun", &(tahun - 1).to_string()),
                    ("jenis", "lainnya"),
                    ("bentuk", "Piagam halaman uji"),
                    ("tanggal", hari),
                ],
            )],
        ),
        r(GET, "/sanksi", vec![k("/sanksi", AD)]),
        r(
            POST,
            "/sanksi",
            vec![kf(
                "/sanksi",
                AD,
                &[
                    ("evaluasi_id", &i.evaluasi_sanksi.to_string()),
                    ("tanggal", hari),
                ],
            )],
        ),
        r(
            GET,
            "/sanksi/{id}",
            vec![k(format!("/sanksi/{}", i.sanksi), D | PN | AD)],
        ),
        r(
            POST,
            "/sanksi/{id}/langkah",
            vec![kf(
                format!("/sanksi/{}/langkah", i.sanksi),
                AD,
                &[("versi", "0"), ("hasil", "tidak_ada"), ("tanggal", hari)],
            )],
        ),
        r(
            GET,
            "/talenta",
            vec![k(format!("/talenta?unit_id={unit}&periode={lalu}"), PIMPINAN_T)],
        ),
        r(GET, "/angka-kredit", vec![k("/angka-kredit", PEGAWAI)]),
        r(
            GET,
            "/pegawai/{nip}/angka-kredit",
            vec![k(format!("/pegawai/{nip}/angka-kredit"), RANTAI)],
        ),
        r(
            GET,
            "/pegawai/{nip}/riwayat-kinerja",
            vec![k(format!("/pegawai/{nip}/riwayat-kinerja"), RANTAI)],
        ),
        r(GET, "/profil", vec![k("/profil", AD)]),
        r(
            POST,
            "/profil",
            vec![kf("/profil", AD, &[("tahun", &i.profil_tahun.to_string())])],
        ),
        r(
            POST,
            "/profil/tabel-penilai",
            vec![kf(
                "/profil/tabel-penilai",
                AD,
                &[
                    ("versi", i.tabel_penilai["versi"].as_str().unwrap_or("")),
                    ("csv", i.tabel_penilai["csv"].as_str().unwrap_or("")),
                ],
            )],
        ),
        r(
            POST,
            "/profil/{tahun}",
            vec![kf(
                format!("/profil/{}", i.profil_tahun),
                AD,
                &[("versi", &i.profil["versi"].to_string())],
            )],
        ),
        // --- sessions and passwords: last, they end sessions -------------------------------
        r(
            POST,
            "/api/v1/auth/logout",
            vec![k("/api/v1/auth/logout", MASUK).akhiri_sesi()],
        ),
        r(POST, "/keluar", vec![kf("/keluar", MASUK, &[]).akhiri_sesi()]),
        r(
            POST,
            "/api/v1/me/password",
            vec![kj(
                "/api/v1/me/password",
                MASUK,
                json!({"password_lama": demo, "password_baru": demo}),
            )
            .akhiri_sesi()],
        ),
        r(
            POST,
            "/api/v1/akun/{username}/password",
            vec![kj(
                format!("/api/v1/akun/{nip}/password"),
                AD,
                json!({"password_baru": demo}),
            )
            .akhiri_sesi_t()],
        ),
        r(GET, "/akun/password", vec![k("/akun/password", MASUK)]),
        r(
            POST,
            "/akun/password",
            vec![kf(
                "/akun/password",
                MASUK,
                &[
                    ("password_lama", demo),
                    ("password_baru", demo),
                    ("konfirmasi", demo),
                ],
            )
            .akhiri_sesi()],
        ),
        r(
            POST,
            "/pegawai/{nip}/password",
            vec![kf(
                format!("/pegawai/{nip}/password"),
                AD,
                &[("password_baru", demo), ("konfirmasi", demo)],
            )
            .akhiri_sesi_t()],
        ),
    ]
}
