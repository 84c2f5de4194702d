use super::kalender::*;
use super::realisasi::*;
use super::tindak_lanjut::*;
use super::umpan_balik::*;
use crate::jabatan::JenisJabatan;
use crate::perilaku::{AspekIki, AspekPerilaku, JenisRhk, Pendekatan};
use crate::periode::Periode;
use crate::skp::{GalatSkp, IkiMasuk, RhkMasuk, Skp, StatusSkp};
use chrono::NaiveDate;

fn tgl(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// An SKP of 2026 set on 20 January, with RHK 10 (IKI 100) and RHK 11 (IKI 110).
fn skp_ditetapkan() -> Skp {
    let mut s = Skp::baru(
        7,
        2026,
        Some(1),
        Some(2),
        Some(JenisJabatan::Pelaksana),
        Pendekatan::Kuantitatif,
        false,
        None,
    )
    .unwrap();
    s.id = 5;
    for (i, (u, ind)) in [
        ("Launching Core Value ASN", "Core value ASN dilaunching"),
        ("Panduan perilaku Core Value ASN", "Keppres ditetapkan"),
    ]
    .iter()
    .enumerate()
    {
        s.tambah_rhk(
            &RhkMasuk {
                jenis: Some(JenisRhk::Utama),
                uraian: (*u).into(),
                ..Default::default()
            },
            &IkiMasuk {
                aspek: Some(AspekIki::Kuantitas),
                indikator: (*ind).into(),
                target: "1 dokumen".into(),
            },
            &[],
        )
        .unwrap();
        s.rhk[i].id = Some(10 + i as i64);
        s.rhk[i].iki[0].id = Some(100 + 10 * i as i64);
    }
    s.ajukan().unwrap();
    s.tetapkan(tgl(2026, 1, 20)).unwrap();
    s
}

fn realisasi(iki_id: i64, bulan: u32) -> RealisasiMasuk {
    RealisasiMasuk {
        iki_id,
        bulan,
        realisasi: "Story board dipresentasikan ke Pak Deputi".into(),
        catatan: None,
    }
}

fn bidang<T: std::fmt::Debug>(r: Result<T, GalatSkp>) -> String {
    match r {
        Err(GalatSkp::TidakValid { bidang, .. }) => bidang,
        lain => panic!("harap TidakValid, dapat {lain:?}"),
    }
}

#[test]
fn realisasi_per_iki_per_bulan() {
    let s = skp_ditetapkan();
    let ok = periksa_realisasi(&s, &realisasi(110, 3), tgl(2026, 3, 15)).unwrap();
    assert_eq!((ok.skp_id, ok.rhk_id, ok.iki_id, ok.bulan), (5, 11, 110, 3));
    // An IKI of another SKP, a month that has not begun, a month out of range, empty text.
    assert_eq!(
        bidang(periksa_realisasi(&s, &realisasi(999, 3), tgl(2026, 3, 15))),
        "iki_id"
    );
    assert_eq!(
        bidang(periksa_realisasi(&s, &realisasi(100, 4), tgl(2026, 3, 31))),
        "bulan"
    );
    assert_eq!(
        bidang(periksa_realisasi(
            &s,
            &realisasi(100, 13),
            tgl(2026, 12, 31)
        )),
        "bulan"
    );
    assert_eq!(
        bidang(periksa_realisasi(&s, &realisasi(100, 0), tgl(2026, 12, 31))),
        "bulan"
    );
    let mut kosong = realisasi(100, 1);
    kosong.realisasi = "  ".into();
    assert_eq!(
        bidang(periksa_realisasi(&s, &kosong, tgl(2026, 2, 1))),
        "realisasi"
    );
}

#[test]
fn realisasi_hanya_dalam_periode_skp() {
    // An SKP that starts in June (new position) and closes in September (mutasi).
    let mut s = skp_ditetapkan();
    s.mulai = tgl(2026, 6, 1);
    s.selesai = tgl(2026, 9, 14);
    assert_eq!(bulan_skp(&s), 6..=9);
    assert!(periksa_realisasi(&s, &realisasi(100, 5), tgl(2026, 11, 1)).is_err());
    assert!(periksa_realisasi(&s, &realisasi(100, 9), tgl(2026, 11, 1)).is_ok());
    assert!(periksa_realisasi(&s, &realisasi(100, 10), tgl(2026, 11, 1)).is_err());
}

#[test]
fn realisasi_hanya_pada_skp_yang_ditetapkan() {
    let mut s = skp_ditetapkan();
    s.status = StatusSkp::Draf;
    s.ditetapkan_pada = None;
    assert!(matches!(
        periksa_realisasi(&s, &realisasi(100, 1), tgl(2026, 2, 1)),
        Err(GalatSkp::Status(_))
    ));
    // A revision keeps the set content in force.
    let mut r = skp_ditetapkan();
    r.buka_revisi("Penyesuaian ekspektasi").unwrap();
    assert!(periksa_realisasi(&r, &realisasi(100, 1), tgl(2026, 2, 1)).is_ok());
}

#[test]
fn tautan_dan_keterangan_bukti() {
    assert_eq!(
        periksa_tautan(" https://drive.example.go.id/laporan ").unwrap(),
        "https://drive.example.go.id/laporan"
    );
    for salah in [
        "javascript:alert(1)",
        "ftp://x",
        "https://",
        "laporan.pdf",
        "https://a b",
    ] {
        assert!(periksa_tautan(salah).is_err(), "{salah}");
    }
    assert!(periksa_keterangan_bukti("Surat Jawaban Menteri").is_ok());
    assert!(periksa_keterangan_bukti("").is_err());
    assert!(periksa_keterangan_bukti(&"x".repeat(501)).is_err());
}

#[test]
fn kelengkapan_iki() {
    assert_eq!(KelengkapanIki::dari(false, 3), KelengkapanIki::Belum);
    assert_eq!(KelengkapanIki::dari(true, 0), KelengkapanIki::TanpaBukti);
    assert_eq!(KelengkapanIki::dari(true, 2), KelengkapanIki::Lengkap);
}

/// The seed's own examples (002, "FORMAT UMPAN BALIK/ON GOING FEEDBACK").
#[test]
fn umpan_balik_contoh_seed() {
    let s = skp_ditetapkan();
    let hari = tgl(2026, 7, 10);
    let kasus = [
        (
            AspekPerilaku::BerorientasiPelayanan,
            "Selalu melakukan perbaikan berdasarkan feedback pimpinan",
            Some("Sumber: Deputi SDMA"),
            "Deputi SDMA",
        ),
        (
            AspekPerilaku::Harmonis,
            "Ketika melayani konsultasi Instansi Pemerintah sangat sopan",
            Some("Hasil Survey Kepuasan Penerima Layanan"),
            "Hasil Survey Kepuasan Penerima Layanan",
        ),
        (
            AspekPerilaku::Adaptif,
            "Sering memberikan inisiatif kepada pimpinan",
            None,
            "Deputi SDM Aparatur",
        ),
    ];
    for (aspek, isi, sumber, harap) in kasus {
        let m = UmpanBalikMasuk {
            aspek: Some(aspek),
            isi: isi.into(),
            sumber: sumber.map(Into::into),
            jenis: Some(JenisUmpanBalik::Berkala),
            ..Default::default()
        };
        let ok = periksa_umpan_balik(&s, &m, "Deputi SDM Aparatur", hari).unwrap();
        assert_eq!(ok.sumber, harap);
        assert_eq!(ok.sasaran, SasaranUmpanBalik::Perilaku(aspek));
        assert_eq!(ok.tanggal, hari);
        assert_eq!(ok.cara, CaraUmpanBalik::TidakLangsung);
    }
    let rhk = UmpanBalikMasuk {
        rhk_id: Some(10),
        isi: "Pengadaan EO selesai; pengambilan gambar paling lambat 10 Juli".into(),
        cara: Some(CaraUmpanBalik::Langsung),
        tanggal: Some(tgl(2026, 7, 3)),
        ..Default::default()
    };
    let ok = periksa_umpan_balik(&s, &rhk, "Deputi SDMA", hari).unwrap();
    assert_eq!(ok.sasaran, SasaranUmpanBalik::Rhk(10));
    assert_eq!(ok.jenis, JenisUmpanBalik::Insidentil);
}

#[test]
fn umpan_balik_tidak_sah() {
    let s = skp_ditetapkan();
    let hari = tgl(2026, 7, 10);
    let dasar = UmpanBalikMasuk {
        rhk_id: Some(10),
        isi: "Baik".into(),
        ..Default::default()
    };
    let kasus: [(UmpanBalikMasuk, &str); 6] = [
        (
            UmpanBalikMasuk {
                rhk_id: None,
                ..dasar.clone()
            },
            "rhk_id",
        ),
        (
            UmpanBalikMasuk {
                aspek: Some(AspekPerilaku::Loyal),
                ..dasar.clone()
            },
            "rhk_id",
        ),
        (
            UmpanBalikMasuk {
                rhk_id: Some(99),
                ..dasar.clone()
            },
            "rhk_id",
        ),
        (
            UmpanBalikMasuk {
                isi: " ".into(),
                ..dasar.clone()
            },
            "isi",
        ),
        (
            UmpanBalikMasuk {
                tanggal: Some(tgl(2026, 7, 11)),
                ..dasar.clone()
            },
            "tanggal",
        ),
        (
            UmpanBalikMasuk {
                tanggal: Some(tgl(2025, 12, 31)),
                ..dasar.clone()
            },
            "tanggal",
        ),
    ];
    for (m, b) in kasus {
        assert_eq!(
            bidang(periksa_umpan_balik(&s, &m, "Kepala", hari)),
            b,
            "{m:?}"
        );
    }
    assert_eq!(
        bidang(periksa_umpan_balik(
            &s,
            &UmpanBalikMasuk {
                sumber: Some("Sumber:".into()),
                ..dasar.clone()
            },
            "",
            hari
        )),
        "sumber"
    );
    let mut draf = skp_ditetapkan();
    draf.ditetapkan_pada = None;
    assert!(matches!(
        periksa_umpan_balik(&draf, &dasar, "Kepala", hari),
        Err(GalatSkp::Status(_))
    ));
}

#[test]
fn permintaan_360() {
    let s = skp_ditetapkan();
    let hari = tgl(2026, 7, 10);
    assert_eq!(
        periksa_permintaan(&s, None, Some(tgl(2026, 7, 31)), hari).unwrap(),
        (PemberiUmpanBalik::Rekan, tgl(2026, 7, 31))
    );
    assert_eq!(bidang(periksa_permintaan(&s, None, None, hari)), "batas");
    assert_eq!(
        bidang(periksa_permintaan(&s, None, Some(tgl(2026, 7, 9)), hari)),
        "batas"
    );
    assert_eq!(
        bidang(periksa_permintaan(&s, None, Some(tgl(2027, 6, 1)), hari)),
        "batas"
    );
    assert_eq!(
        bidang(periksa_permintaan(
            &s,
            Some(PemberiUmpanBalik::PejabatPenilai),
            Some(tgl(2026, 7, 31)),
            hari
        )),
        "sebagai"
    );
    assert!(PemberiUmpanBalik::Bawahan.umpan_balik_360());
    assert!(!PemberiUmpanBalik::PejabatPenilai.umpan_balik_360());
}

fn tl(jenis: JenisTindakLanjut) -> TindakLanjutMasuk {
    TindakLanjutMasuk {
        jenis: Some(jenis),
        rhk_id: Some(10),
        uraian: "Pegawai tidak dapat menyelesaikan RHK meskipun telah dibimbing".into(),
        ..Default::default()
    }
}

#[test]
fn tindak_lanjut_pasal_20() {
    let s = skp_ditetapkan();
    let hari = tgl(2026, 8, 1);
    let kosong = RiwayatTindakLanjut::default();
    for j in [
        JenisTindakLanjut::Apresiasi,
        JenisTindakLanjut::PenugasanBaru,
        JenisTindakLanjut::PenyesuaianEkspektasi,
        JenisTindakLanjut::PenyesuaianSumberDaya,
    ] {
        assert!(
            periksa_tindak_lanjut(&s, &tl(j), &kosong, hari).is_ok(),
            "{j:?}"
        );
    }
    // Pembinaan names its kind, date, topic and the actions agreed.
    let mut p = tl(JenisTindakLanjut::Pembinaan);
    assert_eq!(
        bidang(periksa_tindak_lanjut(&s, &p, &kosong, hari)),
        "jenis_pembinaan"
    );
    p.jenis_pembinaan = Some(JenisPembinaan::Konseling);
    assert_eq!(
        bidang(periksa_tindak_lanjut(&s, &p, &kosong, hari)),
        "tanggal"
    );
    p.tanggal = Some(tgl(2026, 7, 28));
    assert_eq!(
        bidang(periksa_tindak_lanjut(&s, &p, &kosong, hari)),
        "topik"
    );
    p.topik = Some("Hambatan penyusunan laporan".into());
    assert_eq!(
        bidang(periksa_tindak_lanjut(&s, &p, &kosong, hari)),
        "tindakan_disepakati"
    );
    p.tindakan_disepakati = Some("Laporan mingguan kepada pejabat penilai".into());
    let ok = periksa_tindak_lanjut(&s, &p, &kosong, hari).unwrap();
    assert_eq!(ok.pembinaan.unwrap().jenis, JenisPembinaan::Konseling);
    // Without notes, a pembinaan is described by its topic; other follow-ups need notes.
    p.uraian = " ".into();
    let ok = periksa_tindak_lanjut(&s, &p, &kosong, hari).unwrap();
    assert_eq!(ok.uraian, "Hambatan penyusunan laporan");
    let mut a = tl(JenisTindakLanjut::Apresiasi);
    a.uraian = String::new();
    a.topik = Some("Tepat waktu".into());
    assert_eq!(
        bidang(periksa_tindak_lanjut(&s, &a, &kosong, hari)),
        "uraian"
    );
}

/// Pasal 20(6)–(7): the take-over comes only after a follow-up of no progress, once per RHK,
/// with a note that the pegawai could not complete the RHK.
#[test]
fn ambil_alih_langkah_terakhir() {
    let s = skp_ditetapkan();
    let hari = tgl(2026, 9, 1);
    let a = tl(JenisTindakLanjut::AmbilAlih);
    assert!(matches!(
        periksa_tindak_lanjut(&s, &a, &RiwayatTindakLanjut::default(), hari),
        Err(GalatSkp::Status(_))
    ));
    let setelah = RiwayatTindakLanjut {
        ada_tindak_lanjut_tanpa_kemajuan: true,
        rhk_diambil_alih: vec![],
    };
    assert!(periksa_tindak_lanjut(&s, &a, &setelah, hari).is_ok());
    let tanpa_rhk = TindakLanjutMasuk {
        rhk_id: None,
        ..a.clone()
    };
    assert_eq!(
        bidang(periksa_tindak_lanjut(&s, &tanpa_rhk, &setelah, hari)),
        "rhk_id"
    );
    let tanpa_catatan = TindakLanjutMasuk {
        uraian: "".into(),
        ..a.clone()
    };
    assert_eq!(
        bidang(periksa_tindak_lanjut(&s, &tanpa_catatan, &setelah, hari)),
        "uraian"
    );
    let sudah = RiwayatTindakLanjut {
        ada_tindak_lanjut_tanpa_kemajuan: true,
        rhk_diambil_alih: vec![10],
    };
    assert!(matches!(
        periksa_tindak_lanjut(&s, &a, &sudah, hari),
        Err(GalatSkp::Status(_))
    ));
    assert!(JenisTindakLanjut::Pembinaan.tanpa_kemajuan());
    assert!(!JenisTindakLanjut::Apresiasi.tanpa_kemajuan());
    assert!(JenisTindakLanjut::PenugasanBaru.atas_kemajuan());
}

#[test]
fn kalender_batas_dan_pengingat() {
    assert_eq!(batas_dokumentasi(2026, 2), tgl(2026, 2, 28));
    assert_eq!(batas_dokumentasi(2028, 2), tgl(2028, 2, 29));
    assert_eq!(batas_dokumentasi(2026, 12), tgl(2026, 12, 31));
    let k = Kalender::default();
    let batas = batas_dokumentasi(2026, 11);
    assert!(!k.saatnya_mengingatkan(batas, tgl(2026, 11, 26)));
    assert!(k.saatnya_mengingatkan(batas, tgl(2026, 11, 27)));
    assert!(k.saatnya_mengingatkan(batas, tgl(2026, 11, 30)));
    assert!(!k.saatnya_mengingatkan(batas, tgl(2026, 12, 1)));
    assert_eq!(
        k.batas_evaluasi(&Periode::bulan(2026, 11).unwrap()),
        tgl(2026, 12, 5)
    );
    assert!(k.periksa().is_empty());
    let salah = Kalender {
        hari_pengingat: 30,
        hari_evaluasi: 40,
        ..k
    };
    assert_eq!(salah.periksa().len(), 2);
}

#[test]
fn jadwal_umpan_balik_berkala() {
    use FrekuensiUmpanBalik::*;
    let set = tgl(2026, 1, 20);
    assert_eq!(berkala_berikutnya(Bulanan, set, None), tgl(2026, 2, 20));
    assert_eq!(
        berkala_berikutnya(Bulanan, set, Some(tgl(2026, 3, 31))),
        tgl(2026, 4, 30)
    );
    assert_eq!(
        berkala_berikutnya(Mingguan, set, Some(tgl(2026, 3, 2))),
        tgl(2026, 3, 9)
    );
    assert_eq!(berkala_berikutnya(DuaMingguan, set, None), tgl(2026, 2, 3));
    assert_eq!(berkala_berikutnya(Triwulanan, set, None), tgl(2026, 4, 20));
    // Feedback given before the SKP was set does not move the schedule back.
    assert_eq!(
        berkala_berikutnya(Bulanan, set, Some(tgl(2026, 1, 5))),
        tgl(2026, 2, 20)
    );
}

proptest::proptest! {
    /// The next berkala feedback is always after the last one and after the setting date.
    #[test]
    fn berkala_selalu_maju(hari in 0u64..3000, jeda in 0u64..400, f in 0usize..4) {
        let set = tgl(2020, 1, 1) + chrono::Days::new(hari);
        let terakhir = set + chrono::Days::new(jeda);
        let fr = FrekuensiUmpanBalik::SEMUA[f];
        let b = berkala_berikutnya(fr, set, Some(terakhir));
        proptest::prop_assert!(b > terakhir && b > set);
    }
}
