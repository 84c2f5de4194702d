use super::*;
use crate::perilaku::{AspekIki, JenisRhk, Pendekatan, Perspektif};
use JenisJabatan::*;

fn tgl(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn skp(jenis: JenisJabatan, p: Pendekatan) -> Skp {
    Skp::baru(7, 2026, Some(1), Some(2), Some(jenis), p, false, None).unwrap()
}

fn rhk(uraian: &str) -> RhkMasuk {
    RhkMasuk {
        jenis: Some(JenisRhk::Utama),
        uraian: uraian.into(),
        ..Default::default()
    }
}

fn iki(indikator: &str, target: &str) -> IkiMasuk {
    IkiMasuk {
        aspek: Some(AspekIki::Kuantitas),
        indikator: indikator.into(),
        target: target.into(),
    }
}

/// An SKP with one stored RHK (id 10) and IKI (id 100).
fn skp_berisi() -> Skp {
    let mut s = skp(Pelaksana, Pendekatan::Kuantitatif);
    s.tambah_rhk(
        &rhk("Tersusunnya laporan keuangan"),
        &iki("Jumlah laporan", "12 laporan"),
        &[],
    )
    .unwrap();
    s.rhk[0].id = Some(10);
    s.rhk[0].iki[0].id = Some(100);
    s
}

#[test]
fn format_mengikuti_jabatan_pendekatan_dan_tugas_belajar() {
    use FormatSkp::*;
    use Pendekatan::*;
    let kasus = [
        (Some(JptPratama), Kualitatif, false, Format1),
        (Some(JptMadya), Kuantitatif, false, Format2),
        (Some(JptUtama), Kuantitatif, false, Format2),
        (Some(Administrator), Kualitatif, false, Format3),
        (Some(Pengawas), Kuantitatif, false, Format4),
        (Some(Pelaksana), Kuantitatif, false, Format4),
        (Some(Fungsional), Kualitatif, false, Format3),
        (Some(Fungsional), Kuantitatif, true, Format5),
        (Some(JptPratama), Kuantitatif, true, Format5),
        (None, Kuantitatif, false, Format4),
    ];
    for (jenis, p, tb, harap) in kasus {
        assert_eq!(
            FormatSkp::untuk(jenis, false, p, tb),
            harap,
            "{jenis:?} {p:?} {tb}"
        );
    }
    // A pimpinan unit kerja mandiri (a Camat, administrator) takes the JPT formats.
    assert_eq!(
        FormatSkp::untuk(Some(Administrator), true, Kualitatif, false),
        Format1
    );
    assert_eq!(
        FormatSkp::untuk(Some(Administrator), true, Kuantitatif, false),
        Format2
    );
    assert_eq!(
        FormatSkp::untuk(Some(Administrator), true, Kuantitatif, true),
        Format5
    );
    let mut camat = Skp::baru(
        1,
        2026,
        None,
        None,
        Some(Administrator),
        Kuantitatif,
        false,
        None,
    )
    .unwrap()
    .sebagai_pimpinan_unit_mandiri(true);
    assert_eq!(camat.format, Format2);
    camat.atur_pendekatan(Kualitatif).unwrap();
    assert_eq!(camat.format, Format1);
    assert!(Format1.jpt() && Format2.jpt() && !Format4.jpt());
    assert!(Format3.ja_jf() && !Format5.ja_jf());
}

#[test]
fn skp_baru_menutup_tahun_dan_menolak_tanggal_di_luar() {
    let s = skp(Pelaksana, Pendekatan::Kuantitatif);
    assert_eq!((s.mulai, s.selesai), (tgl(2026, 1, 1), tgl(2026, 12, 31)));
    assert_eq!(s.status, StatusSkp::Draf);
    let e = Skp::baru(
        1,
        2026,
        None,
        None,
        None,
        Pendekatan::Kuantitatif,
        false,
        Some(tgl(2025, 12, 1)),
    )
    .unwrap_err();
    assert_eq!(e.bidang(), Some("mulai"));
    assert!(Skp::baru(
        1,
        1990,
        None,
        None,
        None,
        Pendekatan::Kuantitatif,
        false,
        None
    )
    .is_err());
}

#[test]
fn iki_tanpa_target_ditolak() {
    let mut s = skp(Pelaksana, Pendekatan::Kuantitatif);
    let e = s
        .tambah_rhk(&rhk("Laporan"), &iki("Jumlah laporan", " "), &[])
        .unwrap_err();
    assert_eq!(e.bidang(), Some("target"));
    assert!(s.rhk.is_empty(), "nothing half-added");
}

#[test]
fn rhk_tambahan_wajib_menyebut_pemberi_tugas() {
    let mut s = skp(Pelaksana, Pendekatan::Kuantitatif);
    let mut m = rhk("Menjadi panitia HUT Kota");
    m.jenis = Some(JenisRhk::Tambahan);
    let e = s
        .tambah_rhk(&m, &iki("Kegiatan", "1 kegiatan"), &[])
        .unwrap_err();
    assert_eq!(e.bidang(), Some("penugasan_dari"));
    m.penugasan_dari = Some("Sekretaris Daerah".into());
    s.tambah_rhk(&m, &iki("Kegiatan", "1 kegiatan"), &[])
        .unwrap();
    assert_eq!(s.rhk[0].penugasan_dari, "Sekretaris Daerah");
    // An utama RHK with no assigner named comes from the rater.
    s.tambah_rhk(&rhk("Laporan"), &iki("Laporan", "12 laporan"), &[])
        .unwrap();
    assert_eq!(s.rhk[1].penugasan_dari, "Pejabat penilai");
}

#[test]
fn intervensi_hanya_rhk_pejabat_penilai() {
    let mut s = skp(Pelaksana, Pendekatan::Kuantitatif);
    let pimpinan = [RhkPimpinan {
        id: 5,
        uraian: "Meningkatnya kualitas laporan".into(),
    }];
    let mut m = rhk("Laporan");
    m.intervensi_rhk_id = Some(6);
    let e = s
        .tambah_rhk(&m, &iki("Laporan", "12 laporan"), &pimpinan)
        .unwrap_err();
    assert_eq!(e.bidang(), Some("intervensi_rhk_id"));
    m.intervensi_rhk_id = Some(5);
    m.dasar_kaskade = Some(DasarKaskade::PorsiTarget);
    s.tambah_rhk(&m, &iki("Laporan", "12 laporan"), &pimpinan)
        .unwrap();
    // A cascade basis needs a leader's RHK.
    let mut m = rhk("Lain");
    m.dasar_kaskade = Some(DasarKaskade::Produk);
    assert_eq!(
        s.tambah_rhk(&m, &iki("x", "1 x"), &pimpinan)
            .unwrap_err()
            .bidang(),
        Some("dasar_kaskade")
    );
}

#[test]
fn aspek_wajib_pada_format_ja_jf_dan_perspektif_hanya_jpt() {
    let mut s = skp(Pengawas, Pendekatan::Kuantitatif);
    let mut i = iki("Laporan", "12 laporan");
    i.aspek = None;
    assert_eq!(
        s.tambah_rhk(&rhk("Laporan"), &i, &[]).unwrap_err().bidang(),
        Some("aspek")
    );
    let mut m = rhk("Laporan");
    m.perspektif = Some(Perspektif::Anggaran);
    assert_eq!(
        s.tambah_rhk(&m, &iki("Laporan", "12 laporan"), &[])
            .unwrap_err()
            .bidang(),
        Some("perspektif")
    );
    let mut jpt = skp(JptPratama, Pendekatan::Kualitatif);
    jpt.tambah_rhk(&m, &i, &[]).unwrap();
    assert_eq!(jpt.format, FormatSkp::Format1);
}

#[test]
fn alur_ajukan_kembalikan_tetapkan() {
    let mut s = skp(Pelaksana, Pendekatan::Kuantitatif);
    // Nothing to submit yet.
    assert_eq!(s.ajukan().unwrap_err().bidang(), Some("rhk"));
    let mut s2 = skp_berisi();
    // Only a submitted SKP can be set or returned.
    assert!(matches!(
        s2.tetapkan(tgl(2026, 1, 20)),
        Err(GalatSkp::Status(_))
    ));
    s2.ajukan().unwrap();
    assert_eq!(s2.status, StatusSkp::Diajukan);
    // While submitted the pegawai cannot edit.
    assert!(matches!(
        s2.tambah_iki(10, &iki("Lain", "1 dok")),
        Err(GalatSkp::Status(_))
    ));
    assert_eq!(s2.kembalikan("  ").unwrap_err().bidang(), Some("catatan"));
    s2.kembalikan("Target terlalu rendah").unwrap();
    assert_eq!(s2.status, StatusSkp::Dikembalikan);
    s2.ubah_iki(100, &iki("Jumlah laporan", "12-14 laporan"))
        .unwrap();
    s2.ajukan().unwrap();
    assert_eq!(s2.tetapkan(tgl(2026, 1, 20)).unwrap(), 1);
    assert_eq!(s2.status, StatusSkp::Ditetapkan);
    assert_eq!(s2.catatan_pengembalian, None);
    assert!(!s2.terlambat(tgl(2026, 6, 1)));
    s.status = StatusSkp::Ditutup;
    assert!(s.ajukan().is_err());
}

#[test]
fn skp_yang_ditetapkan_hanya_berubah_lewat_versi_baru() {
    let mut s = skp_berisi();
    s.ajukan().unwrap();
    s.tetapkan(tgl(2026, 1, 20)).unwrap();
    let e = s
        .ubah_iki(100, &iki("Jumlah laporan", "20 laporan"))
        .unwrap_err();
    assert!(matches!(e, GalatSkp::Status(_)));
    assert!(e.to_string().contains("versi baru"));
    assert!(s.hapus_rhk(10).is_err());
    assert!(s.atur_lampiran(Lampiran::default()).is_err());
    assert_eq!(s.buka_revisi("").unwrap_err().bidang(), Some("alasan"));
    s.buka_revisi("Penyesuaian ekspektasi triwulan II").unwrap();
    s.ubah_iki(100, &iki("Jumlah laporan", "20 laporan"))
        .unwrap();
    s.ajukan().unwrap();
    assert_eq!(s.tetapkan(tgl(2026, 4, 2)).unwrap(), 2);
    // The deadline is judged on the first setting.
    assert_eq!(s.ditetapkan_pada, Some(tgl(2026, 1, 20)));
    assert!(s.buka_revisi("lagi").is_ok());
    assert!(s.buka_revisi("dua kali").is_err());
}

#[test]
fn ekspektasi_khusus_dan_pendekatan_oleh_penilai() {
    let mut s = skp_berisi();
    s.ajukan().unwrap();
    // The rater may still write expectations while deciding.
    s.atur_ekspektasi_khusus(
        AspekPerilaku::Akuntabel,
        "Laporan tepat waktu setiap tanggal 5",
    )
    .unwrap();
    assert_eq!(s.ekspektasi_khusus.len(), 1);
    s.atur_ekspektasi_khusus(AspekPerilaku::Akuntabel, " ")
        .unwrap();
    assert!(s.ekspektasi_khusus.is_empty());
    s.atur_pendekatan(Pendekatan::Kualitatif).unwrap();
    assert_eq!(s.format, FormatSkp::Format3);
    s.tetapkan(tgl(2026, 1, 2)).unwrap();
    assert!(s.atur_ekspektasi_khusus(AspekPerilaku::Loyal, "x").is_err());
    // Back to kuantitatif only if every target is a number with a unit.
    let mut q = skp(Pelaksana, Pendekatan::Kualitatif);
    q.tambah_rhk(
        &rhk("Laporan"),
        &iki("Laporan", "Laporan diterima pimpinan"),
        &[],
    )
    .unwrap();
    assert_eq!(
        q.atur_pendekatan(Pendekatan::Kuantitatif)
            .unwrap_err()
            .bidang(),
        Some("pendekatan")
    );
}

#[test]
fn jpt_wajib_perspektif_dan_manual_indikator_hanya_jpt() {
    let mut j = skp(JptPratama, Pendekatan::Kuantitatif);
    j.tambah_rhk(&rhk("Meningkatnya IPM"), &iki("IPM", "72-73 poin"), &[])
        .unwrap();
    j.rhk[0].iki[0].id = Some(1);
    assert_eq!(j.ajukan().unwrap_err().bidang(), Some("rhk[0].perspektif"));
    let manual = ManualIndikator {
        tujuan: "Mengukur pembangunan manusia".into(),
        deskripsi: "Indeks komposit".into(),
        definisi: "IPM menurut BPS".into(),
        formula: "rata-rata geometrik".into(),
        satuan_pengukuran: "poin".into(),
        tingkat_kendali: TingkatKendali::Outcome,
        sumber_data: "BPS".into(),
        periode_pelaporan: PeriodePelaporan::Tahunan,
    };
    let mut kurang = manual.clone();
    kurang.formula = " ".into();
    kurang.sumber_data = "".into();
    let e = j.atur_manual_indikator(1, kurang).unwrap_err();
    assert_eq!(e.bidang(), Some("formula"));
    assert!(e.to_string().contains("formula, sumber_data"));
    j.atur_manual_indikator(1, manual.clone()).unwrap();
    assert!(j.rhk[0].iki[0].manual_indikator.is_some());
    let mut p = skp_berisi();
    assert_eq!(
        p.atur_manual_indikator(100, manual).unwrap_err().bidang(),
        Some("manual_indikator")
    );
}

#[test]
fn sel_matriks_dan_penugasan() {
    let pimpinan = [RhkPimpinan {
        id: 5,
        uraian: "Meningkatnya kualitas laporan".into(),
    }];
    let mut s = skp_berisi();
    s.ajukan().unwrap();
    // The rater edits the member's RHK in the matriks while it awaits them.
    let mut m = rhk("Laporan wilayah utara");
    m.intervensi_rhk_id = Some(5);
    m.dasar_kaskade = Some(DasarKaskade::Wilayah);
    s.simpan_rhk_matriks(Some(10), &m, &iki("Laporan", "6 laporan"), &pimpinan)
        .unwrap();
    assert_eq!(s.rhk[0].uraian, "Laporan wilayah utara");
    assert_eq!(s.rhk[0].iki[0].target.teks, "6 laporan");
    assert_eq!(s.rhk[0].iki[0].id, Some(100), "same record, edited");
    let mut tanpa = rhk("x");
    tanpa.intervensi_rhk_id = None;
    assert!(s
        .simpan_rhk_matriks(None, &tanpa, &iki("x", "1 x"), &pimpinan)
        .is_err());
    s.tetapkan(tgl(2026, 1, 10)).unwrap();
    assert!(matches!(
        s.simpan_rhk_matriks(Some(10), &m, &iki("Laporan", "7 laporan"), &pimpinan),
        Err(GalatSkp::Status(_))
    ));
    // An accepted assignment enters even a set SKP (the caller records a version).
    let mut t = rhk("Menyusun kajian smart city");
    t.jenis = Some(JenisRhk::Tambahan);
    t.penugasan_dari = Some("Kepala Bappelitbangda".into());
    let (i, versi_baru) = s
        .terima_penugasan(77, &t, &iki("Kajian", "1 dokumen"))
        .unwrap();
    assert_eq!(s.rhk[i].penugasan_id, Some(77));
    assert!(versi_baru);
    assert_eq!(s.nomor_versi, 2);
    assert_eq!(s.status, StatusSkp::Ditetapkan);
}

#[test]
fn salin_dari_tahun_lalu() {
    let mut lama = skp_berisi();
    lama.rhk[0].intervensi_rhk_id = Some(5);
    lama.rhk[0].penugasan_id = Some(3);
    lama.lampiran.konsekuensi = vec!["Apresiasi".into()];
    lama.ekspektasi_khusus
        .insert(AspekPerilaku::Adaptif, "Cepat".into());
    let mut baru = Skp::baru(
        7,
        2027,
        Some(1),
        Some(2),
        Some(Pelaksana),
        Pendekatan::Kuantitatif,
        false,
        None,
    )
    .unwrap();
    baru.salin_isi_dari(&lama);
    assert_eq!(baru.rhk.len(), 1);
    assert_eq!(baru.rhk[0].id, None);
    assert_eq!(baru.rhk[0].iki[0].id, None);
    assert_eq!(baru.rhk[0].intervensi_rhk_id, None);
    assert_eq!(baru.rhk[0].penugasan_id, None);
    assert_eq!(baru.lampiran.konsekuensi, ["Apresiasi"]);
    assert!(baru.ekspektasi_khusus.is_empty());
    assert_eq!(baru.status, StatusSkp::Draf);
}

#[test]
fn tenggat_akhir_januari_dan_mutasi() {
    let mut s = skp_berisi();
    assert!(!s.terlambat(tgl(2026, 1, 31)));
    assert!(s.terlambat(tgl(2026, 2, 1)));
    s.ajukan().unwrap();
    s.tetapkan(tgl(2026, 2, 3)).unwrap();
    assert!(s.terlambat(tgl(2026, 2, 3)), "set after 31 January is late");
    // Mutasi: closed the day before, and a new SKP at the new place gets 30 days.
    let mut lama = skp_berisi();
    assert_eq!(
        lama.tutup(tgl(2027, 1, 1)).unwrap_err().bidang(),
        Some("tanggal")
    );
    lama.tutup(tgl(2026, 7, 1)).unwrap();
    assert_eq!(
        (lama.status, lama.selesai),
        (StatusSkp::Ditutup, tgl(2026, 6, 30))
    );
    assert!(lama.tutup(tgl(2026, 8, 1)).is_err());
    let baru = Skp::baru(
        7,
        2026,
        Some(3),
        Some(4),
        Some(Pelaksana),
        Pendekatan::Kuantitatif,
        false,
        Some(tgl(2026, 7, 1)),
    )
    .unwrap();
    assert_eq!(baru.batas_penetapan(), tgl(2026, 7, 31));
    assert!(!baru.terlambat(tgl(2026, 7, 15)));
    assert!(
        !lama.terlambat(tgl(2026, 12, 1)),
        "a closed draft is not late"
    );
}

#[test]
fn iki_terakhir_tidak_dihapus() {
    let mut s = skp_berisi();
    assert!(matches!(s.hapus_iki(100), Err(GalatSkp::Status(_))));
    s.tambah_iki(10, &iki("Ketepatan", "100 %")).unwrap();
    s.rhk[0].iki[1].id = Some(101);
    s.hapus_iki(100).unwrap();
    assert_eq!(s.rhk[0].iki.len(), 1);
    assert!(matches!(s.hapus_iki(999), Err(GalatSkp::TidakAda(_))));
}
