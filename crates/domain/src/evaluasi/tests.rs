use super::keberatan::*;
use super::peringkat::beri_peringkat;
use super::saran::*;
use super::*;
use crate::kuadran::Rating::*;
use crate::perilaku::{JenisRhk, Pendekatan};
use crate::skp::Skp;
use crate::tugas_belajar::{Akreditasi, Ipk, JenjangPendidikan, Lokasi};
use proptest::prelude::*;

fn tgl(b: u32, h: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, b, h).unwrap()
}

fn skp_ditetapkan() -> Skp {
    let mut s = Skp::baru(
        1,
        2026,
        Some(1),
        None,
        None,
        Pendekatan::Kuantitatif,
        false,
        None,
    )
    .unwrap();
    s.status = StatusSkp::Ditetapkan;
    s.nomor_versi = 1;
    s.ditetapkan_pada = Some(tgl(1, 20));
    s
}

fn bulan(b: u32) -> Periode {
    Periode::bulan(2026, b).unwrap()
}

#[test]
fn kode_periode_mengikuti_profil() {
    assert_eq!(
        periksa_kode_periode("2026-03", JenisPeriode::Bulanan).unwrap(),
        bulan(3)
    );
    assert_eq!(
        periksa_kode_periode("2026", JenisPeriode::Triwulanan).unwrap(),
        Periode::Tahunan { tahun: 2026 }
    );
    let e = periksa_kode_periode("2026-T1", JenisPeriode::Bulanan).unwrap_err();
    assert_eq!(e.bidang(), Some("periode"));
    assert!(e.to_string().contains("per bulan"), "{e}");
    let e = periksa_kode_periode("2026-03", JenisPeriode::Triwulanan).unwrap_err();
    assert!(e.to_string().contains("per triwulan"), "{e}");
    let e = periksa_kode_periode("Maret", JenisPeriode::Bulanan).unwrap_err();
    assert_eq!(e.bidang(), Some("periode"));
}

#[test]
fn hanya_skp_ditetapkan_dan_periode_yang_dimulai() {
    let hari_ini = tgl(11, 21);
    let s = skp_ditetapkan();
    assert!(periksa_dapat_dievaluasi(&s, bulan(11), hari_ini).is_ok());
    assert!(periksa_dapat_dievaluasi(&s, Periode::Tahunan { tahun: 2026 }, hari_ini).is_ok());
    let e = periksa_dapat_dievaluasi(&s, bulan(12), hari_ini).unwrap_err();
    assert!(e.to_string().contains("belum dimulai"), "{e}");
    let e = periksa_dapat_dievaluasi(&s, Periode::bulan(2025, 12).unwrap(), hari_ini).unwrap_err();
    assert!(e.to_string().contains("di luar tahun"), "{e}");
    let mut draf = skp_ditetapkan();
    draf.nomor_versi = 0;
    draf.ditetapkan_pada = None;
    draf.status = StatusSkp::Diajukan;
    assert!(matches!(
        periksa_dapat_dievaluasi(&draf, bulan(3), hari_ini),
        Err(GalatSkp::Status(_))
    ));
    // A revision in progress keeps the set version in force.
    let mut revisi = skp_ditetapkan();
    revisi.status = StatusSkp::Revisi;
    assert!(periksa_dapat_dievaluasi(&revisi, bulan(3), hari_ini).is_ok());
}

#[test]
fn mutasi_periode_di_tempat_lama_tahunan_di_tempat_terakhir() {
    let hari_ini = tgl(11, 21);
    // Mutasi on 16 April: the old SKP ends 15 April.
    let mut lama = skp_ditetapkan();
    lama.selesai = tgl(4, 15);
    lama.status = StatusSkp::Ditutup;
    let mut baru = skp_ditetapkan();
    baru.mulai = tgl(4, 16);
    assert!(periksa_dapat_dievaluasi(&lama, bulan(4), hari_ini).is_ok());
    assert!(periksa_dapat_dievaluasi(&lama, bulan(5), hari_ini).is_err());
    assert!(periksa_dapat_dievaluasi(&baru, bulan(3), hari_ini).is_err());
    let e =
        periksa_dapat_dievaluasi(&lama, Periode::Tahunan { tahun: 2026 }, hari_ini).unwrap_err();
    assert!(e.to_string().contains("unit terakhir"), "{e}");
    assert!(periksa_dapat_dievaluasi(&baru, Periode::Tahunan { tahun: 2026 }, hari_ini).is_ok());

    let masa = [
        MasaSkp {
            id: 1,
            mulai: tgl(1, 1),
            selesai: tgl(4, 15),
        },
        MasaSkp {
            id: 2,
            mulai: tgl(4, 16),
            selesai: tgl(12, 31),
        },
    ];
    assert_eq!(skp_untuk_periode(&masa, bulan(3)), Some(1));
    // April: 15 days at the old place, 15 at the new: a tie goes to the later place.
    assert_eq!(skp_untuk_periode(&masa, bulan(4)), Some(2));
    assert_eq!(skp_untuk_periode(&masa, bulan(5)), Some(2));
    let masa_awal = [
        MasaSkp {
            id: 1,
            mulai: tgl(1, 1),
            selesai: tgl(4, 20),
        },
        MasaSkp {
            id: 2,
            mulai: tgl(4, 21),
            selesai: tgl(12, 31),
        },
    ];
    assert_eq!(skp_untuk_periode(&masa_awal, bulan(4)), Some(1));
    assert_eq!(skp_untuk_periode(&masa[..1], bulan(6)), None);
}

#[test]
fn penilaian_predikat_dari_kuadran_dan_alasan_perubahan() {
    let m = PenilaianMasuk {
        rating_hasil_kerja: Some(DiatasEkspektasi),
        rating_perilaku: Some(SesuaiEkspektasi),
        alasan_hasil_kerja: Some("  Target terlampaui  ".into()),
        catatan: Some("  ".into()),
        ..Default::default()
    };
    let s = periksa_penilaian(
        &m,
        SesuaiEkspektasi,
        SesuaiEkspektasi,
        DasarEvaluasi::CapaianUnit,
    )
    .unwrap();
    assert_eq!(s.predikat, Predikat::Baik);
    assert_eq!(s.alasan_hasil_kerja.as_deref(), Some("Target terlampaui"));
    assert_eq!(s.catatan, None);

    let tanpa_alasan = PenilaianMasuk {
        alasan_hasil_kerja: None,
        ..m.clone()
    };
    let e = periksa_penilaian(
        &tanpa_alasan,
        SesuaiEkspektasi,
        SesuaiEkspektasi,
        DasarEvaluasi::CapaianUnit,
    )
    .unwrap_err();
    assert_eq!(e.bidang(), Some("alasan_hasil_kerja"));

    // Confirming the suggestion needs no reason, and a stray reason is dropped.
    let s = periksa_penilaian(
        &m,
        DiatasEkspektasi,
        SesuaiEkspektasi,
        DasarEvaluasi::CapaianUnit,
    )
    .unwrap();
    assert_eq!(s.alasan_hasil_kerja, None);

    let e = periksa_penilaian(
        &PenilaianMasuk {
            rating_perilaku: Some(DibawahEkspektasi),
            ..m.clone()
        },
        DiatasEkspektasi,
        SesuaiEkspektasi,
        DasarEvaluasi::CapaianUnit,
    )
    .unwrap_err();
    assert_eq!(e.bidang(), Some("alasan_perilaku"));

    let e = periksa_penilaian(
        &PenilaianMasuk::default(),
        SesuaiEkspektasi,
        SesuaiEkspektasi,
        DasarEvaluasi::CapaianUnit,
    )
    .unwrap_err();
    assert_eq!(e.bidang(), Some("rating_hasil_kerja"));
}

#[test]
fn pimpinan_unit_mengikuti_capaian() {
    assert_eq!(
        rating_pimpinan_unit(CapaianOrganisasi::Istimewa),
        DiatasEkspektasi
    );
    assert_eq!(
        rating_pimpinan_unit(CapaianOrganisasi::Baik),
        SesuaiEkspektasi
    );
    for c in [
        CapaianOrganisasi::ButuhPerbaikan,
        CapaianOrganisasi::Kurang,
        CapaianOrganisasi::SangatKurang,
    ] {
        assert_eq!(rating_pimpinan_unit(c), DibawahEkspektasi);
    }
    let m = PenilaianMasuk {
        rating_hasil_kerja: Some(DiatasEkspektasi),
        rating_perilaku: Some(SesuaiEkspektasi),
        alasan_hasil_kerja: Some("dia hebat".into()),
        ..Default::default()
    };
    let e = periksa_penilaian(
        &m,
        SesuaiEkspektasi,
        SesuaiEkspektasi,
        DasarEvaluasi::PimpinanUnit,
    )
    .unwrap_err();
    assert!(e.to_string().contains("memimpin unit"), "{e}");
}

#[test]
fn kunci_dan_tanda_tangan() {
    use StatusEvaluasi::*;
    assert!(periksa_dapat_diubah(None).is_ok());
    assert!(periksa_dapat_diubah(Some(Draf)).is_ok());
    assert!(periksa_dapat_diubah(Some(DitandatanganiPenilai)).is_err());
    assert!(periksa_tanda_tangan_penilai(None).is_err());
    assert!(periksa_tanda_tangan_penilai(Some(Draf)).is_ok());
    let e = periksa_tanda_tangan_penilai(Some(DitandatanganiPenilai)).unwrap_err();
    assert!(e.to_string().contains("sudah ditandatangani"), "{e}");
    assert!(periksa_tanda_tangan_pegawai(Some(Draf)).is_err());
    assert!(periksa_tanda_tangan_pegawai(Some(DitandatanganiPenilai)).is_ok());
    assert!(periksa_tanda_tangan_pegawai(Some(DiterimaPegawai)).is_err());
    assert!(periksa_buka_kembali(Some(Draf), false, "x").is_err());
    assert!(periksa_buka_kembali(Some(DiterimaPegawai), true, "x").is_err());
    assert_eq!(
        periksa_buka_kembali(Some(DiterimaPegawai), false, " salah ketik ").unwrap(),
        "salah ketik"
    );
    assert_eq!(
        periksa_buka_kembali(Some(DiterimaPegawai), false, " ")
            .unwrap_err()
            .bidang(),
        Some("alasan")
    );
    assert!(!Draf.terkunci() && DitandatanganiPenilai.terkunci() && DiterimaPegawai.terkunci());
}

fn rhk(jenis: JenisRhk, wajib: u32, terisi: u32) -> RingkasanRhk {
    RingkasanRhk {
        rhk_id: 1,
        uraian: "Laporan".into(),
        jenis,
        wajib,
        terisi,
        diambil_alih: false,
        apresiasi: 0,
        tanpa_kemajuan: 0,
        umpan_balik: 0,
    }
}

fn bahan(rhk: Vec<RingkasanRhk>) -> BahanSaran {
    BahanSaran {
        dasar: DasarEvaluasi::CapaianUnit,
        capaian: Some(CapaianOrganisasi::Baik),
        rhk,
        umpan_balik_perilaku: 0,
        aspek_berumpan_balik: 0,
        konseling: 0,
        umpan_balik_tempat_bekerja: 0,
        akademik: None,
    }
}

#[test]
fn saran_hasil_kerja_menurut_panduan_seed_002() {
    // All documented: Sesuai.
    let s = sarankan(&bahan(vec![
        rhk(JenisRhk::Utama, 3, 3),
        rhk(JenisRhk::Utama, 2, 2),
    ]));
    assert_eq!(s.rating_hasil_kerja, SesuaiEkspektasi);
    assert_eq!(s.rating_perilaku, SesuaiEkspektasi);
    assert!(s
        .alasan_hasil_kerja
        .iter()
        .any(|a| a.contains("Capaian kinerja organisasi Baik")));
    // Most Utama below: Di Bawah.
    let mut diambil = rhk(JenisRhk::Utama, 3, 3);
    diambil.diambil_alih = true;
    let s = sarankan(&bahan(vec![
        diambil,
        rhk(JenisRhk::Utama, 4, 1),
        rhk(JenisRhk::Utama, 2, 2),
    ]));
    assert_eq!(s.rating_hasil_kerja, DibawahEkspektasi);
    assert!(s
        .alasan_hasil_kerja
        .iter()
        .any(|a| a.contains("diambil alih")));
    // Half documented is not below; a small part of Utama below stays Sesuai.
    let s = sarankan(&bahan(vec![
        rhk(JenisRhk::Utama, 4, 2),
        rhk(JenisRhk::Utama, 4, 1),
        rhk(JenisRhk::Utama, 2, 2),
    ]));
    assert_eq!(s.rating_hasil_kerja, SesuaiEkspektasi);
    assert!(s
        .alasan_hasil_kerja
        .iter()
        .any(|a| a.contains("Sebagian kecil")));
    // Most above (apresiasi, fully documented) and no Utama below: Di Atas.
    let mut a1 = rhk(JenisRhk::Utama, 2, 2);
    a1.apresiasi = 1;
    let mut a2 = rhk(JenisRhk::Tambahan, 1, 1);
    a2.apresiasi = 2;
    let s = sarankan(&bahan(vec![a1.clone(), a2, rhk(JenisRhk::Utama, 2, 2)]));
    assert_eq!(s.rating_hasil_kerja, DiatasEkspektasi);
    // Apresiasi with a month missing is not above.
    let mut kurang = a1.clone();
    kurang.terisi = 1;
    assert_eq!(posisi_rhk(&kurang).0, PosisiRhk::Sesuai);
    let mut tk = rhk(JenisRhk::Utama, 2, 2);
    tk.tanpa_kemajuan = 1;
    assert_eq!(posisi_rhk(&tk).0, PosisiRhk::DiBawah);
    // Konseling: perilaku Di Bawah.
    let mut b = bahan(vec![rhk(JenisRhk::Utama, 1, 1)]);
    b.konseling = 1;
    assert_eq!(sarankan(&b).rating_perilaku, DibawahEkspektasi);
    // No RHK at all.
    assert_eq!(
        sarankan(&bahan(vec![])).rating_hasil_kerja,
        SesuaiEkspektasi
    );
}

#[test]
fn saran_pimpinan_unit_dan_tugas_belajar() {
    let mut b = bahan(vec![rhk(JenisRhk::Utama, 3, 0)]);
    b.dasar = DasarEvaluasi::PimpinanUnit;
    b.capaian = Some(CapaianOrganisasi::Istimewa);
    assert_eq!(sarankan(&b).rating_hasil_kerja, DiatasEkspektasi);

    let mut tb = bahan(vec![]);
    tb.dasar = DasarEvaluasi::TugasBelajar;
    tb.capaian = None;
    assert_eq!(sarankan(&tb).rating_hasil_kerja, SesuaiEkspektasi);
    let akademik = DataAkademik {
        jenjang_pendidikan: JenjangPendidikan::S2,
        lokasi: Lokasi::DalamNegeri,
        akreditasi_pt: Some(Akreditasi::A),
        akreditasi_prodi: Some(Akreditasi::A),
        ipk: Ipk::parse("3.60").unwrap(),
        tepat_waktu: true,
        penugasan_lain: None,
    };
    tb.akademik = Some(akademik.clone());
    let s = sarankan(&tb);
    assert_eq!(s.predikat_akademik, Some(Predikat::SangatBaik));
    assert_eq!(s.rating_hasil_kerja, DiatasEkspektasi);
    // Late graduation: one step lower.
    tb.akademik = Some(DataAkademik {
        tepat_waktu: false,
        ..akademik.clone()
    });
    assert_eq!(sarankan(&tb).rating_hasil_kerja, SesuaiEkspektasi);
    // S2 A: 3.20–3.50 is Baik; below 3.00 Kurang.
    tb.akademik = Some(DataAkademik {
        ipk: Ipk::parse("3.20").unwrap(),
        ..akademik.clone()
    });
    assert_eq!(sarankan(&tb).predikat_akademik, Some(Predikat::Baik));
    tb.akademik = Some(DataAkademik {
        ipk: Ipk::parse("2.99").unwrap(),
        ..akademik
    });
    assert_eq!(sarankan(&tb).rating_hasil_kerja, DibawahEkspektasi);
    assert!(!DasarEvaluasi::TugasBelajar.perlu_capaian());
    assert!(DasarEvaluasi::Diperbantukan.perlu_capaian());
}

#[test]
fn keberatan_14_hari() {
    let diterima = tgl(3, 5);
    assert_eq!(batas_pengajuan(diterima), tgl(3, 19));
    assert_eq!(
        periksa_pengajuan(Some(diterima), tgl(3, 19), " Bukti belum dilihat ").unwrap(),
        (tgl(3, 19), "Bukti belum dilihat".to_string())
    );
    assert_eq!(
        periksa_batas_pengajuan(Some(diterima), tgl(3, 6)),
        Ok(tgl(3, 19))
    );
    assert!(periksa_batas_pengajuan(Some(diterima), tgl(3, 20)).is_err());
    let e = periksa_pengajuan(Some(diterima), tgl(3, 20), "x").unwrap_err();
    assert!(e.to_string().contains("19 Maret 2026"), "{e}");
    assert!(periksa_pengajuan(None, tgl(3, 6), "x").is_err());
    assert_eq!(
        periksa_pengajuan(Some(diterima), tgl(3, 6), "  ")
            .unwrap_err()
            .bidang(),
        Some("alasan")
    );
}

#[test]
fn putusan_keberatan() {
    let semula = (SesuaiEkspektasi, DibawahEkspektasi);
    let m = PutusanMasuk {
        putusan: Some(StatusKeberatan::Dikabulkan),
        rating_hasil_kerja: Some(SesuaiEkspektasi),
        rating_perilaku: Some(SesuaiEkspektasi),
        alasan: "Umpan balik perilaku positif".into(),
    };
    let p = periksa_putusan(StatusKeberatan::Diajukan, semula, &m).unwrap();
    assert_eq!(
        p.baru,
        Some((SesuaiEkspektasi, SesuaiEkspektasi, Predikat::Baik))
    );
    let sama = PutusanMasuk {
        rating_perilaku: Some(DibawahEkspektasi),
        ..m.clone()
    };
    assert!(periksa_putusan(StatusKeberatan::Diajukan, semula, &sama).is_err());
    let tolak = PutusanMasuk {
        putusan: Some(StatusKeberatan::Ditolak),
        ..m.clone()
    };
    assert_eq!(
        periksa_putusan(StatusKeberatan::Diajukan, semula, &tolak)
            .unwrap()
            .baru,
        None
    );
    let e = periksa_putusan(StatusKeberatan::Ditolak, semula, &m).unwrap_err();
    assert!(e.to_string().contains("final"), "{e}");
    let e = periksa_putusan(
        StatusKeberatan::Diajukan,
        semula,
        &PutusanMasuk {
            putusan: Some(StatusKeberatan::Diajukan),
            ..m.clone()
        },
    )
    .unwrap_err();
    assert_eq!(e.bidang(), Some("putusan"));
    let e = periksa_putusan(
        StatusKeberatan::Diajukan,
        semula,
        &PutusanMasuk {
            alasan: " ".into(),
            ..m
        },
    )
    .unwrap_err();
    assert_eq!(e.bidang(), Some("alasan"));
}

#[test]
fn peringkat_kompetisi() {
    let mut v = vec![
        ("Budi", Predikat::Baik),
        ("Ani", Predikat::SangatBaik),
        ("Citra", Predikat::Baik),
        ("Dedi", Predikat::Kurang),
        ("Eka", Predikat::SangatBaik),
    ];
    let r = beri_peringkat(&mut v, |e| e.1, |e| e.0);
    let nama: Vec<_> = v.iter().map(|e| e.0).collect();
    assert_eq!(nama, ["Ani", "Eka", "Budi", "Citra", "Dedi"]);
    assert_eq!(r, [1, 1, 3, 3, 5]);
}

proptest! {
    #[test]
    fn peringkat_sama_jika_dan_hanya_jika_predikat_sama(p in proptest::collection::vec(0usize..5, 0..40)) {
        let mut v: Vec<(String, Predikat)> = p.iter().enumerate()
            .map(|(i, k)| (format!("P{i:03}"), Predikat::SEMUA[*k])).collect();
        let r = beri_peringkat(&mut v, |e| e.1, |e| e.0.as_str());
        for i in 0..v.len() {
            let lebih_baik = v.iter().filter(|e| e.1 < v[i].1).count() as u32;
            prop_assert_eq!(r[i], lebih_baik + 1);
            if i > 0 {
                prop_assert!(r[i] >= r[i - 1]);
                prop_assert_eq!(r[i] == r[i - 1], v[i].1 == v[i - 1].1);
            }
        }
    }

    #[test]
    fn predikat_penilaian_selalu_dari_kuadran(h in 0usize..3, p in 0usize..3, sh in 0usize..3, sp in 0usize..3) {
        let (h, p, sh, sp) = (Rating::SEMUA[h], Rating::SEMUA[p], Rating::SEMUA[sh], Rating::SEMUA[sp]);
        let m = PenilaianMasuk {
            rating_hasil_kerja: Some(h),
            rating_perilaku: Some(p),
            alasan_hasil_kerja: Some("a".into()),
            alasan_perilaku: Some("b".into()),
            ..Default::default()
        };
        let s = periksa_penilaian(&m, sh, sp, DasarEvaluasi::CapaianUnit).unwrap();
        prop_assert_eq!(s.predikat, crate::kuadran::predikat(h, p));
        prop_assert_eq!(s.alasan_hasil_kerja.is_some(), h != sh);
    }
}
