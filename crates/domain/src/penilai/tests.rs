//! Tests of rater resolution against a small Kota Bekasi organisation and the real Lampiran II.

use super::*;
use crate::jabatan::JenisJabatan::{self, *};
use proptest::prelude::*;

fn tabel() -> Vec<AturanPenilai> {
    match baca_tabel_penilai(TABEL_PENILAI_BEKASI) {
        Ok(t) => t,
        Err(e) => panic!("tabel Bekasi tidak terbaca: {e:?}"),
    }
}

fn unit(id: UnitId, parent: Option<UnitId>, nama: &str, tipe: Option<&str>) -> UnitOrg {
    UnitOrg {
        id,
        parent_id: parent,
        nama: nama.to_string(),
        tipe_lampiran: tipe.map(str::to_string),
    }
}

#[allow(clippy::too_many_arguments)]
fn jab(
    id: JabatanId,
    unit_id: UnitId,
    nama: &str,
    jenis: Option<JenisJabatan>,
    posisi: Option<&str>,
    atasan: Option<JabatanId>,
    pemangku: Option<PegawaiId>,
) -> JabatanOrg {
    JabatanOrg {
        id,
        unit_id,
        nama: nama.to_string(),
        jenis,
        posisi_lampiran: posisi.map(str::to_string),
        atasan_id: atasan,
        pemangku,
        plt: None,
        plh: None,
    }
}

// Pegawai ids used below (pemangku of the positions).
const WALI_KOTA: PegawaiId = 1;
const SEKDA: PegawaiId = 2;
const ASISTEN: PegawaiId = 3;
const KABAG: PegawaiId = 4;
const KASUBAG_SETDA: PegawaiId = 5;
const JF_SETDA: PegawaiId = 6;
const PELAKSANA_BAGIAN: PegawaiId = 7;
const KADIS: PegawaiId = 20;
const SEKDIS: PegawaiId = 21;
const KASUBAG_DINAS: PegawaiId = 22;
const KABID: PegawaiId = 23;
const KASI: PegawaiId = 24;
const JF_SEKSI: PegawaiId = 25;
const JF_BIDANG: PegawaiId = 26;
const PELAKSANA_SUBBAG: PegawaiId = 27;
const CAMAT: PegawaiId = 30;
const SEKCAM: PegawaiId = 31;
const LURAH: PegawaiId = 40;
const SEKKEL: PegawaiId = 41;
const KASI_KEL: PegawaiId = 42;
const PELAKSANA_KEL: PegawaiId = 43;
const KADISDIK: PegawaiId = 50;
const KABID_DIKDAS: PegawaiId = 51;
const KASI_SD: PegawaiId = 52;
const KEPSEK_SD: PegawaiId = 53;
const GURU_SD: PegawaiId = 54;
const KABID_PAUD: PegawaiId = 55;
const KASI_GTK_PAUD: PegawaiId = 56;
const KEPALA_TK: PegawaiId = 57;
const GURU_TK: PegawaiId = 58;
const DIREKTUR: PegawaiId = 70;
const WADIR: PegawaiId = 71;
const KABID_RS: PegawaiId = 72;
const KA_INSTALASI: PegawaiId = 73;
const KA_UNIT_KHUSUS: PegawaiId = 80;
const PELAKSANA_SENIOR: PegawaiId = 81;
const PELAKSANA_KHUSUS: PegawaiId = 82;

fn units() -> Vec<UnitOrg> {
    vec![
        unit(1, None, "Pemerintah Kota Bekasi", None),
        unit(2, Some(1), "Sekretariat Daerah", Some("SEKRETARIAT DAERAH")),
        unit(3, Some(2), "Asisten Pemerintahan dan Kesra", None),
        unit(4, Some(3), "Bagian Tata Pemerintahan", None),
        unit(5, Some(4), "Sub Bagian Otonomi Daerah", None),
        unit(10, Some(1), "Dinas Perhubungan", Some("dinas")),
        unit(11, Some(10), "Sekretariat Dinas Perhubungan", None),
        unit(12, Some(11), "Sub Bagian Umum dan Kepegawaian", None),
        unit(13, Some(10), "Bidang Lalu Lintas", None),
        unit(14, Some(13), "Seksi Manajemen Lalu Lintas", None),
        unit(20, Some(1), "Kecamatan Bekasi Timur", Some("KECAMATAN")),
        unit(21, Some(20), "Kelurahan Margahayu", Some("KELURAHAN")),
        unit(22, Some(21), "Seksi Pemerintahan Kelurahan Margahayu", None),
        unit(30, Some(1), "Dinas Pendidikan", Some("DINAS  PENDIDIKAN")),
        unit(31, Some(30), "Bidang Pendidikan Dasar", None),
        unit(33, Some(30), "SDN Bekasi Jaya I", None),
        unit(34, Some(30), "Bidang PAUD dan Pendidikan Masyarakat", None),
        unit(35, Some(30), "TK Negeri Pembina", None),
        unit(
            50,
            Some(1),
            "RSUD dr. Chasbullah Abdulmadjid",
            Some("RSUD dr. CHASBULLAH ABDULMADJID"),
        ),
        unit(60, Some(1), "Unit Khusus", None),
    ]
}

fn jabatan_fixture() -> Vec<JabatanOrg> {
    vec![
        // Kepala Daerah and Sekretariat Daerah
        jab(100, 1, "Wali Kota", None, None, None, Some(WALI_KOTA)),
        jab(
            101,
            2,
            "Sekretaris Daerah",
            Some(JptMadya),
            None,
            Some(100),
            Some(SEKDA),
        ),
        jab(
            102,
            3,
            "Asisten Pemerintahan dan Kesejahteraan Rakyat",
            Some(JptPratama),
            Some("Asisten Daerah"),
            Some(101),
            Some(ASISTEN),
        ),
        jab(
            103,
            4,
            "Kepala Bagian Tata Pemerintahan",
            Some(Administrator),
            Some("Kepala Bagian"),
            Some(102),
            Some(KABAG),
        ),
        jab(
            104,
            5,
            "Kepala Sub Bagian Otonomi Daerah",
            Some(Pengawas),
            Some("Kepala Sub Bagian"),
            Some(103),
            Some(KASUBAG_SETDA),
        ),
        jab(
            105,
            5,
            "Analis Kebijakan Ahli Pertama",
            Some(Fungsional),
            Some("Jabatan Fungsional/Pelaksana"),
            Some(104),
            Some(JF_SETDA),
        ),
        jab(
            106,
            4,
            "Pengadministrasi Umum",
            Some(Pelaksana),
            Some("Jabatan Fungsional / Pelaksana"),
            Some(103),
            Some(PELAKSANA_BAGIAN),
        ),
        // DINAS
        jab(
            200,
            10,
            "Kepala Dinas Perhubungan",
            Some(JptPratama),
            Some("Kepala Dinas"),
            Some(100),
            Some(KADIS),
        ),
        jab(
            201,
            11,
            "Sekretaris Dinas Perhubungan",
            Some(Administrator),
            Some("Sekretaris Dinas"),
            Some(200),
            Some(SEKDIS),
        ),
        jab(
            202,
            12,
            "Kepala Sub Bagian Umum dan Kepegawaian",
            Some(Pengawas),
            Some("Kepala Sub Bagian"),
            Some(201),
            Some(KASUBAG_DINAS),
        ),
        jab(
            203,
            13,
            "Kepala Bidang Lalu Lintas",
            Some(Administrator),
            Some("Kepala Bidang"),
            Some(200),
            Some(KABID),
        ),
        jab(
            204,
            14,
            "Kepala Seksi Manajemen Lalu Lintas",
            Some(Pengawas),
            Some("Kepala Seksi"),
            Some(203),
            Some(KASI),
        ),
        jab(
            205,
            14,
            "Penguji Kendaraan Bermotor Terampil",
            Some(Fungsional),
            Some("Jabatan Fungsional/Pelaksana pada Bidang"),
            Some(204),
            Some(JF_SEKSI),
        ),
        jab(
            206,
            13,
            "Analis Transportasi Ahli Muda",
            Some(Fungsional),
            Some("Jabatan Fungsional/Pelaksana pada Bidang"),
            Some(203),
            Some(JF_BIDANG),
        ),
        jab(
            207,
            12,
            "Pengelola Kepegawaian",
            Some(Pelaksana),
            Some("Jabatan Fungsional/Pelaksana pada Sub Bagian"),
            Some(202),
            Some(PELAKSANA_SUBBAG),
        ),
        // KECAMATAN and KELURAHAN
        jab(
            300,
            20,
            "Camat Bekasi Timur",
            Some(Administrator),
            Some("Camat"),
            Some(100),
            Some(CAMAT),
        ),
        jab(
            301,
            20,
            "Sekretaris Kecamatan Bekasi Timur",
            Some(Administrator),
            Some("Sekretaris Kecamatan"),
            Some(300),
            Some(SEKCAM),
        ),
        jab(
            310,
            21,
            "Lurah Margahayu",
            Some(Administrator),
            Some("Lurah"),
            Some(300),
            Some(LURAH),
        ),
        jab(
            311,
            21,
            "Sekretaris Kelurahan Margahayu",
            Some(Pengawas),
            Some("Sekretaris Kelurahan"),
            Some(310),
            Some(SEKKEL),
        ),
        jab(
            312,
            22,
            "Kepala Seksi Pemerintahan",
            Some(Pengawas),
            Some("Kepala Seksi"),
            Some(310),
            Some(KASI_KEL),
        ),
        jab(
            313,
            21,
            "Pengadministrasi Umum",
            Some(Pelaksana),
            // The table spells it "Sekertariat".
            Some("Jabatan Fungsional/Pelaksana pada Sekretariat"),
            Some(311),
            Some(PELAKSANA_KEL),
        ),
        // DINAS PENDIDIKAN and its schools
        jab(
            400,
            30,
            "Kepala Dinas Pendidikan",
            Some(JptPratama),
            Some("Kepala Dinas"),
            Some(100),
            Some(KADISDIK),
        ),
        jab(
            401,
            31,
            "Kepala Bidang Pendidikan Dasar",
            Some(Administrator),
            Some("Kepala Bidang"),
            Some(400),
            Some(KABID_DIKDAS),
        ),
        jab(
            402,
            31,
            "Kepala Seksi SD",
            Some(Pengawas),
            Some("Kepala Seksi"),
            Some(401),
            Some(KASI_SD),
        ),
        jab(
            403,
            33,
            "Kepala Sekolah SDN Bekasi Jaya I",
            Some(Fungsional),
            Some("Kepala Sekolah SDN"),
            Some(402),
            Some(KEPSEK_SD),
        ),
        jab(
            404,
            33,
            "Guru Kelas Ahli Pertama",
            Some(Fungsional),
            Some("Pelaksana/Fungsional pada SDN"),
            Some(403),
            Some(GURU_SD),
        ),
        jab(
            405,
            34,
            "Kepala Bidang PAUD dan Pendidikan Masyarakat",
            Some(Administrator),
            Some("Kepala Bidang"),
            Some(400),
            Some(KABID_PAUD),
        ),
        jab(
            406,
            34,
            "Kepala Seksi GTK PAUD",
            Some(Pengawas),
            Some("Kepala Seksi"),
            Some(405),
            Some(KASI_GTK_PAUD),
        ),
        jab(
            407,
            35,
            "Kepala TK Negeri Pembina",
            Some(Fungsional),
            Some("Kepala TK/PAUD/PNF"),
            Some(406),
            Some(KEPALA_TK),
        ),
        jab(
            408,
            35,
            "Guru TK Ahli Pertama",
            Some(Fungsional),
            Some("Pelaksana/Fungsional pada TK/PAUD/PNF"),
            Some(407),
            Some(GURU_TK),
        ),
        // RSUD
        jab(
            500,
            50,
            "Direktur RSUD dr. Chasbullah Abdulmadjid",
            Some(JptPratama),
            Some("Direktur RSUD"),
            Some(100),
            Some(DIREKTUR),
        ),
        jab(
            501,
            50,
            "Wakil Direktur Pelayanan",
            Some(Administrator),
            Some("Wakil Direktur"),
            Some(500),
            Some(WADIR),
        ),
        jab(
            502,
            50,
            "Kepala Bidang Pelayanan Medis",
            Some(Administrator),
            Some("Kepala Bidang"),
            Some(501),
            Some(KABID_RS),
        ),
        jab(
            503,
            50,
            "Kepala Instalasi Gawat Darurat",
            Some(Fungsional),
            Some("Kepala Instalasi/Unit dan Pelaksana/Fungsional pada Instalasi/Unit"),
            Some(502),
            Some(KA_INSTALASI),
        ),
        // A unit without a Lampiran II type
        jab(
            600,
            60,
            "Kepala Unit Khusus",
            Some(Administrator),
            None,
            Some(101),
            Some(KA_UNIT_KHUSUS),
        ),
        jab(
            601,
            60,
            "Pengadministrasi Senior",
            Some(Pelaksana),
            None,
            Some(600),
            Some(PELAKSANA_SENIOR),
        ),
        jab(
            602,
            60,
            "Pengadministrasi Umum",
            Some(Pelaksana),
            None,
            Some(601),
            Some(PELAKSANA_KHUSUS),
        ),
    ]
}

fn org_dengan(
    ubah: impl FnOnce(&mut Vec<JabatanOrg>),
    pengganti: Vec<PenggantiPenilai>,
) -> Organisasi {
    let mut jabatan = jabatan_fixture();
    ubah(&mut jabatan);
    Organisasi::new(units(), jabatan, tabel(), pengganti)
}

fn org() -> Organisasi {
    org_dengan(|_| {}, vec![])
}

fn ubah_jabatan(jabatan: &mut [JabatanOrg], id: JabatanId, f: impl FnOnce(&mut JabatanOrg)) {
    match jabatan.iter_mut().find(|j| j.id == id) {
        Some(j) => f(j),
        None => panic!("jabatan {id} tidak ada di fixture"),
    }
}

fn hasil(org: &Organisasi, pegawai: PegawaiId) -> HasilPenilai {
    match tentukan_penilai_pegawai(org, pegawai) {
        Ok(h) => h,
        Err(e) => panic!("pegawai {pegawai}: {e}"),
    }
}

/// (jabatan, pegawai, dasar) of a resolved official.
type Ringkas = (Option<JabatanId>, Option<PegawaiId>, Dasar);

fn ringkas(p: &Option<Penilai>) -> Option<Ringkas> {
    p.as_ref().map(|p| (p.jabatan_id, p.pegawai_id, p.dasar))
}

fn cek(org: &Organisasi, pegawai: PegawaiId, penilai: Option<Ringkas>, atasan: Option<Ringkas>) {
    let h = hasil(org, pegawai);
    assert_eq!(
        ringkas(&h.pejabat_penilai),
        penilai,
        "pejabat penilai pegawai {pegawai}: {h:#?}"
    );
    assert_eq!(
        ringkas(&h.atasan_pejabat_penilai),
        atasan,
        "atasan pejabat penilai pegawai {pegawai}: {h:#?}"
    );
    let dasar = h
        .pejabat_penilai
        .as_ref()
        .map_or(Dasar::Hierarki, |p| p.dasar);
    assert_eq!(h.dasar, dasar);
}

use Dasar::{Hierarki, Kekosongan, Plh, Plt, TabelPenilai};

// ---------------------------------------------------------------------------------------------
// The table

#[test]
fn tabel_bekasi_terbaca_setiap_baris() {
    let t = tabel();
    let baris_data = TABEL_PENILAI_BEKASI
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .count();
    assert_eq!(t.len(), baris_data);
    assert_eq!(t.len(), 100);
    for a in &t {
        assert!(!a.tipe_unit.trim().is_empty(), "{a:?}");
        assert!(!a.posisi.trim().is_empty(), "{a:?}");
        assert!(!a.pejabat_penilai.trim().is_empty(), "{a:?}");
        assert!(!a.atasan_pejabat_penilai.trim().is_empty(), "{a:?}");
        for (p, at) in alternatif_penilai(a) {
            assert!(!p.is_empty() && !at.is_empty(), "{a:?}");
        }
    }
    assert_eq!(t[0].tipe_unit, "SEKRETARIAT DAERAH");
    assert_eq!(t[0].posisi, "Sekretaris Daerah");
    assert_eq!(t[0].pejabat_penilai, "Wali Kota");
    assert_eq!(t[0].keterangan, "");
    assert!(t
        .iter()
        .any(|a| a.keterangan.starts_with("Berdasarkan bahan pertimbangan")));
}

#[test]
fn tabel_bekasi_sama_dengan_data_bersama() {
    // The shipped copy must equal shared/data when that exists (the repo builds without it).
    let bersama = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/bekasi_raters.csv"
    );
    if let Ok(teks) = std::fs::read_to_string(bersama) {
        assert_eq!(teks, TABEL_PENILAI_BEKASI);
    }
}

fn baris(t: &[AturanPenilai], tipe: &str, posisi: &str) -> AturanPenilai {
    match t.iter().find(|a| a.tipe_unit == tipe && a.posisi == posisi) {
        Some(a) => a.clone(),
        None => panic!("baris {tipe} / {posisi} tidak ada"),
    }
}

fn pasangan(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn alternatif_garis_miring() {
    let t = tabel();
    assert_eq!(
        alternatif_penilai(&baris(
            &t,
            "DINAS",
            "Jabatan Fungsional/Pelaksana pada Bidang"
        )),
        pasangan(&[
            ("Kepala Seksi", "Kepala Bidang"),
            ("Kepala Bidang", "Kepala Dinas")
        ])
    );
    assert_eq!(
        alternatif_penilai(&baris(
            &t,
            "BADAN YANG MEMILIKI UPTD",
            "Jabatan Fungsional/Pelaksana pada Sub Bagian"
        )),
        pasangan(&[
            ("Kepala Sub Bagian", "Sekretaris"),
            ("Sekretaris Badan", "Kepala Badan")
        ])
    );
    // "/" inside single names: three parts against one, or none in the rater cell.
    assert_eq!(
        alternatif_penilai(&baris(&t, "DINAS PENDIDIKAN", "Kepala TK/PAUD/PNF")),
        pasangan(&[(
            "Kepala Seksi GTK PAUD",
            "Kepala Bidang PAUD dan Pendidikan Masyarakat"
        )])
    );
    assert_eq!(
        alternatif_penilai(&baris(
            &t,
            "DINAS PENDIDIKAN",
            "Pelaksana/Fungsional pada TK/PAUD/PNF"
        )),
        pasangan(&[("Kepala TK/PAUD/PNF", "Kepala Seksi GTK PAUD")])
    );
    assert_eq!(
        alternatif_penilai(&baris(
            &t,
            "RSUD dr. CHASBULLAH ABDULMADJID",
            "Kepala Instalasi/Unit dan Pelaksana/Fungsional pada Instalasi/Unit"
        )),
        pasangan(&[("Kepala Bidang", "Wakil Direktur")])
    );
    // Every split in the Bekasi table is a two-way "Jabatan Fungsional/Pelaksana" row.
    for a in &t {
        let alt = alternatif_penilai(a);
        if alt.len() > 1 {
            assert_eq!(alt.len(), 2, "{a:?}");
            assert!(a.posisi.starts_with("Jabatan Fungsional"), "{a:?}");
        }
    }
    // Unequal counts are not split.
    let a = AturanPenilai {
        tipe_unit: "X".into(),
        posisi: "Y".into(),
        pejabat_penilai: "A/ B".into(),
        atasan_pejabat_penilai: "C".into(),
        keterangan: String::new(),
    };
    assert_eq!(alternatif_penilai(&a), pasangan(&[("A/ B", "C")]));
}

#[test]
fn normalisasi_dan_kecocokan_nama() {
    assert_eq!(
        normalisasi_nama("  Jabatan Fungsional /Pelaksana  pada Sekertariat "),
        "jabatan fungsional/pelaksana pada sekretariat"
    );
    assert_eq!(
        normalisasi_nama("Jabatan Fungsional / Pelaksana"),
        normalisasi_nama("Jabatan Fungsional/Pelaksana")
    );
    assert_eq!(normalisasi_nama("DINAS  PENDIDIKAN"), "dinas pendidikan");
    let n = |judul: &str, posisi: Option<&str>| NamaNormal {
        judul: normalisasi_nama(judul),
        posisi: posisi.map(normalisasi_nama),
    };
    let m = |x: &NamaNormal, nama: &str| x.memuat(&normalisasi_nama(nama));
    let kabid = n("Kepala Bidang Pendidikan Dasar", None);
    assert!(m(&kabid, "Kepala Bidang"));
    assert!(m(&kabid, "Kepala Bidang Pendidikan Dasar"));
    assert!(m(&kabid, "Kepala Bidang Pendidikan"));
    assert!(!m(&kabid, "Kepala Bid"));
    let kasubag = n("Kepala Sub Bagian Umum", None);
    assert!(!m(&kasubag, "Kepala Bagian"));
    assert!(m(&kasubag, "Kepala Sub Bagian"));
    let kasi = n("Kepala Seksi GTK PAUD", Some("Kepala Seksi"));
    assert!(m(&kasi, "Kepala Seksi GTK PAUD"));
    assert!(m(&kasi, "Kepala Seksi"));
    assert!(!m(
        &n("Kepala Seksi Kurikulum PAUD", Some("Kepala Seksi")),
        "Kepala Seksi GTK PAUD"
    ));
    assert!(!m(&n("Kepala Seksi SDM", None), "Kepala Seksi SD"));
    assert!(!m(&n("Wakil Wali Kota", None), "Wali Kota"));
    assert!(m(&n("Kepala UPTD Pengelolaan Sampah", None), "Kepala UPTD"));
    assert!(!m(&n("Kepala UPTD Pengelolaan Sampah", None), "Kepala UPT"));
    assert!(!m(&n("Kepala Seksi", None), ""));
}

#[test]
fn baca_tabel_memberi_pesan_baris_dan_kolom() {
    let e =
        baca_tabel_penilai("unit_type,position,pejabat_penilai\nDINAS,Kepala Dinas,Wali Kota\n")
            .unwrap_err();
    assert_eq!(e.len(), 1);
    assert!(e[0].contains("atasan_pejabat_penilai"), "{e:?}");

    let teks = "\u{feff}unit_type,position,pejabat_penilai,atasan_pejabat_penilai,keterangan\r\n\
                DINAS,Kepala Dinas,Wali Kota,Wali Kota,\r\n\
                \r\n\
                DINAS,Kepala Bidang,,Sekretaris Daerah,\r\n\
                dinas,kepala  dinas,Wali Kota,Wali Kota,\r\n\
                DINAS,Kepala Seksi,Kepala Bidang,Kepala Dinas,,lebih\r\n";
    let e = baca_tabel_penilai(teks).unwrap_err();
    assert_eq!(e.len(), 3, "{e:?}");
    assert_eq!(e[0], "Baris 4, kolom pejabat_penilai: tidak boleh kosong");
    assert!(
        e[1].starts_with("Baris 5, kolom position:") && e[1].contains("baris 2"),
        "{e:?}"
    );
    assert!(e[2].starts_with("Baris 6:"), "{e:?}");

    // Without a keterangan column, and with columns in another order.
    let t = baca_tabel_penilai(
        "position,unit_type,atasan_pejabat_penilai,pejabat_penilai\nCamat,KECAMATAN,Wali Kota,Wali Kota\n",
    )
    .unwrap();
    assert_eq!(t[0].tipe_unit, "KECAMATAN");
    assert_eq!(t[0].posisi, "Camat");
    assert_eq!(t[0].keterangan, "");

    assert!(baca_tabel_penilai("").is_err());
    assert_eq!(
        baca_tabel_penilai(
            "unit_type,position,pejabat_penilai,atasan_pejabat_penilai,keterangan\n"
        ),
        Ok(vec![])
    );
}

// ---------------------------------------------------------------------------------------------
// The organisation

#[test]
fn tipe_lampiran_diwarisi() {
    let o = org();
    assert_eq!(o.tipe_lampiran(14), Some("dinas"));
    assert_eq!(o.tipe_lampiran(22), Some("KELURAHAN"));
    assert_eq!(o.tipe_lampiran(20), Some("KECAMATAN"));
    assert_eq!(o.tipe_lampiran(1), None);
    assert_eq!(o.tipe_lampiran(60), None);
    assert_eq!(o.tipe_lampiran(999), None);
    assert_eq!(o.jabatan_pegawai(KABID).map(|j| j.id), Some(203));
    assert!(o.jabatan_pegawai(9999).is_none());
    assert_eq!(
        o.unit(13).map(|u| u.nama.as_str()),
        Some("Bidang Lalu Lintas")
    );
    assert_eq!(
        o.aturan_jabatan(205).map(|a| a.posisi.as_str()),
        Some("Jabatan Fungsional/Pelaksana pada Bidang")
    );
    assert!(o.aturan_jabatan(600).is_none());

    // A cycle in the unit tree does not hang.
    let o = Organisasi::new(
        vec![unit(1, Some(2), "A", None), unit(2, Some(1), "B", None)],
        vec![],
        vec![],
        vec![],
    );
    assert_eq!(o.tipe_lampiran(1), None);
}

// ---------------------------------------------------------------------------------------------
// Lampiran II through the fixture

#[test]
fn kepala_bidang_dinilai_kepala_dinas_atasan_sekda() {
    let o = org();
    cek(
        &o,
        KABID,
        Some((Some(200), Some(KADIS), TabelPenilai)),
        Some((Some(101), Some(SEKDA), TabelPenilai)),
    );
    let h = hasil(&o, KABID);
    let p = h.pejabat_penilai.unwrap();
    assert_eq!(
        p.keterangan,
        "Lampiran II DINAS: Kepala Bidang dinilai oleh Kepala Dinas (Kepala Dinas Perhubungan)"
    );
    let a = h.atasan_pejabat_penilai.unwrap();
    assert_eq!(
        a.keterangan,
        "Lampiran II DINAS: atasan pejabat penilai bagi Kepala Bidang adalah Sekretaris Daerah; \
         Sekretaris Daerah berada di luar garis atasan langsung dan merupakan satu-satunya \
         jabatan itu di Pemerintah Kota Bekasi"
    );
}

#[test]
fn dinas_seksi_bidang_dan_sub_bagian() {
    let o = org();
    // Kepala Seksi → Kepala Bidang / Kepala Dinas
    cek(
        &o,
        KASI,
        Some((Some(203), Some(KABID), TabelPenilai)),
        Some((Some(200), Some(KADIS), TabelPenilai)),
    );
    // JF in a seksi → Kepala Seksi / Kepala Bidang (first alternative)
    cek(
        &o,
        JF_SEKSI,
        Some((Some(204), Some(KASI), TabelPenilai)),
        Some((Some(203), Some(KABID), TabelPenilai)),
    );
    // JF directly in a bidang → Kepala Bidang / Kepala Dinas (second alternative)
    cek(
        &o,
        JF_BIDANG,
        Some((Some(203), Some(KABID), TabelPenilai)),
        Some((Some(200), Some(KADIS), TabelPenilai)),
    );
    // Sekretaris Dinas → Kepala Dinas / Sekretaris Daerah
    cek(
        &o,
        SEKDIS,
        Some((Some(200), Some(KADIS), TabelPenilai)),
        Some((Some(101), Some(SEKDA), TabelPenilai)),
    );
    // Kepala Sub Bagian → Sekretaris Dinas / Kepala Dinas
    cek(
        &o,
        KASUBAG_DINAS,
        Some((Some(201), Some(SEKDIS), TabelPenilai)),
        Some((Some(200), Some(KADIS), TabelPenilai)),
    );
    // Pelaksana in the sub bagian → Kepala Sub Bagian / Sekretaris Dinas
    cek(
        &o,
        PELAKSANA_SUBBAG,
        Some((Some(202), Some(KASUBAG_DINAS), TabelPenilai)),
        Some((Some(201), Some(SEKDIS), TabelPenilai)),
    );
}

#[test]
fn kepala_dinas_sekda_dan_wali_kota() {
    let o = org();
    cek(
        &o,
        KADIS,
        Some((Some(100), Some(WALI_KOTA), TabelPenilai)),
        Some((Some(100), Some(WALI_KOTA), TabelPenilai)),
    );
    // Sekda has no posisi_lampiran: the title "Sekretaris Daerah" matches the row.
    cek(
        &o,
        SEKDA,
        Some((Some(100), Some(WALI_KOTA), TabelPenilai)),
        Some((Some(100), Some(WALI_KOTA), TabelPenilai)),
    );
    cek(&o, WALI_KOTA, None, None);
    assert_eq!(hasil(&o, WALI_KOTA).dasar, Hierarki);
}

#[test]
fn wali_kota_tanpa_pemangku_tercatat() {
    let o = org_dengan(|j| ubah_jabatan(j, 100, |w| w.pemangku = None), vec![]);
    cek(
        &o,
        KADIS,
        Some((Some(100), None, TabelPenilai)),
        Some((Some(100), None, TabelPenilai)),
    );
    let h = hasil(&o, SEKDA);
    assert!(h
        .pejabat_penilai
        .unwrap()
        .keterangan
        .ends_with("jabatan Wali Kota tidak memiliki pemangku yang tercatat"));
}

#[test]
fn sekretariat_daerah() {
    let o = org();
    cek(
        &o,
        ASISTEN,
        Some((Some(101), Some(SEKDA), TabelPenilai)),
        Some((Some(100), Some(WALI_KOTA), TabelPenilai)),
    );
    cek(
        &o,
        KABAG,
        Some((Some(102), Some(ASISTEN), TabelPenilai)),
        Some((Some(101), Some(SEKDA), TabelPenilai)),
    );
    cek(
        &o,
        KASUBAG_SETDA,
        Some((Some(103), Some(KABAG), TabelPenilai)),
        Some((Some(102), Some(ASISTEN), TabelPenilai)),
    );
    cek(
        &o,
        JF_SETDA,
        Some((Some(104), Some(KASUBAG_SETDA), TabelPenilai)),
        Some((Some(103), Some(KABAG), TabelPenilai)),
    );
    // "Jabatan Fungsional / Pelaksana" directly under the Kepala Bagian.
    cek(
        &o,
        PELAKSANA_BAGIAN,
        Some((Some(103), Some(KABAG), TabelPenilai)),
        Some((Some(102), Some(ASISTEN), TabelPenilai)),
    );
}

#[test]
fn kecamatan_dan_kelurahan() {
    let o = org();
    cek(
        &o,
        CAMAT,
        Some((Some(100), Some(WALI_KOTA), TabelPenilai)),
        Some((Some(100), Some(WALI_KOTA), TabelPenilai)),
    );
    cek(
        &o,
        SEKCAM,
        Some((Some(300), Some(CAMAT), TabelPenilai)),
        Some((Some(101), Some(SEKDA), TabelPenilai)),
    );
    // Lurah → Camat, atasan Sekretaris Daerah
    cek(
        &o,
        LURAH,
        Some((Some(300), Some(CAMAT), TabelPenilai)),
        Some((Some(101), Some(SEKDA), TabelPenilai)),
    );
    // Sekretaris Kelurahan → Lurah, atasan Sekretaris Kecamatan (found in the enclosing kecamatan)
    cek(
        &o,
        SEKKEL,
        Some((Some(310), Some(LURAH), TabelPenilai)),
        Some((Some(301), Some(SEKCAM), TabelPenilai)),
    );
    let a = hasil(&o, SEKKEL).atasan_pejabat_penilai.unwrap();
    assert!(
        a.keterangan.contains("di Kecamatan Bekasi Timur"),
        "{}",
        a.keterangan
    );
    cek(
        &o,
        KASI_KEL,
        Some((Some(310), Some(LURAH), TabelPenilai)),
        Some((Some(301), Some(SEKCAM), TabelPenilai)),
    );
    // "pada Sekretariat" matches the table's "pada Sekertariat"
    cek(
        &o,
        PELAKSANA_KEL,
        Some((Some(311), Some(SEKKEL), TabelPenilai)),
        Some((Some(310), Some(LURAH), TabelPenilai)),
    );
}

#[test]
fn dinas_pendidikan_dan_sekolah() {
    let o = org();
    cek(
        &o,
        KEPSEK_SD,
        Some((Some(402), Some(KASI_SD), TabelPenilai)),
        Some((Some(401), Some(KABID_DIKDAS), TabelPenilai)),
    );
    // A teacher is rated by the (fungsional) head of school: the table delegates it.
    cek(
        &o,
        GURU_SD,
        Some((Some(403), Some(KEPSEK_SD), TabelPenilai)),
        Some((Some(402), Some(KASI_SD), TabelPenilai)),
    );
    // "Kepala TK/PAUD/PNF" is one name, not three alternatives.
    cek(
        &o,
        KEPALA_TK,
        Some((Some(406), Some(KASI_GTK_PAUD), TabelPenilai)),
        Some((Some(405), Some(KABID_PAUD), TabelPenilai)),
    );
    cek(
        &o,
        GURU_TK,
        Some((Some(407), Some(KEPALA_TK), TabelPenilai)),
        Some((Some(406), Some(KASI_GTK_PAUD), TabelPenilai)),
    );
    // Kepala Seksi SD itself: a Kepala Seksi of the Dinas Pendidikan.
    cek(
        &o,
        KASI_SD,
        Some((Some(401), Some(KABID_DIKDAS), TabelPenilai)),
        Some((Some(400), Some(KADISDIK), TabelPenilai)),
    );
}

#[test]
fn kepala_sekolah_dengan_atasan_langsung_kepala_dinas() {
    // The school's recorded superior is the Kepala Dinas, but Lampiran II names the Kepala
    // Seksi SD: the one position with that title in the Dinas Pendidikan is found.
    let o = org_dengan(
        |j| ubah_jabatan(j, 403, |k| k.atasan_id = Some(400)),
        vec![],
    );
    cek(
        &o,
        KEPSEK_SD,
        Some((Some(402), Some(KASI_SD), TabelPenilai)),
        Some((Some(401), Some(KABID_DIKDAS), TabelPenilai)),
    );
    let p = hasil(&o, KEPSEK_SD).pejabat_penilai.unwrap();
    assert!(
        p.keterangan
            .contains("merupakan satu-satunya jabatan itu di Dinas Pendidikan"),
        "{}",
        p.keterangan
    );

    // Two positions titled "Kepala Seksi SD": ambiguous, so the hierarchy decides.
    let o = org_dengan(
        |j| {
            ubah_jabatan(j, 403, |k| k.atasan_id = Some(400));
            j.push(jab(
                409,
                31,
                "Kepala Seksi SD",
                Some(Pengawas),
                Some("Kepala Seksi"),
                Some(401),
                Some(59),
            ));
        },
        vec![],
    );
    let h = hasil(&o, KEPSEK_SD);
    assert_eq!(
        ringkas(&h.pejabat_penilai),
        Some((Some(400), Some(KADISDIK), Hierarki))
    );
    assert!(h
        .pejabat_penilai
        .unwrap()
        .keterangan
        .contains("ada 2 jabatan bernama demikian"));
}

#[test]
fn rsud_instalasi() {
    let o = org();
    cek(
        &o,
        KA_INSTALASI,
        Some((Some(502), Some(KABID_RS), TabelPenilai)),
        Some((Some(501), Some(WADIR), TabelPenilai)),
    );
    cek(
        &o,
        WADIR,
        Some((Some(500), Some(DIREKTUR), TabelPenilai)),
        Some((Some(101), Some(SEKDA), TabelPenilai)),
    );
}

#[test]
fn satpol_pp_kepala_sub_seksi_dibaca_harfiah() {
    // The Satpol PP row names "Kepala Sub Seksi/ Kepala Bidang"; no position carries
    // "Kepala Sub Seksi", so a JF in a seksi is rated by the Kepala Bidang (literal reading).
    let units = vec![
        unit(1, None, "Pemerintah Kota Bekasi", None),
        unit(
            70,
            Some(1),
            "Satuan Polisi Pamong Praja",
            Some("SATUAN POLISI PAMONG PRAJA"),
        ),
    ];
    let jabatan = vec![
        jab(100, 1, "Wali Kota", None, None, None, Some(WALI_KOTA)),
        jab(
            700,
            70,
            "Kepala Satuan Polisi Pamong Praja",
            Some(JptPratama),
            Some("Kepala Satuan"),
            Some(100),
            Some(90),
        ),
        jab(
            701,
            70,
            "Kepala Bidang Ketertiban Umum",
            Some(Administrator),
            Some("Kepala Bidang"),
            Some(700),
            Some(91),
        ),
        jab(
            702,
            70,
            "Kepala Seksi Operasi",
            Some(Pengawas),
            Some("Kepala Seksi"),
            Some(701),
            Some(92),
        ),
        jab(
            703,
            70,
            "Polisi Pamong Praja Terampil",
            Some(Fungsional),
            Some("Jabatan Fungsional /Pelaksana pada Bidang"),
            Some(702),
            Some(93),
        ),
    ];
    let o = Organisasi::new(units, jabatan, tabel(), vec![]);
    cek(
        &o,
        93,
        Some((Some(701), Some(91), TabelPenilai)),
        Some((Some(700), Some(90), TabelPenilai)),
    );
}

// ---------------------------------------------------------------------------------------------
// Plt, Plh, vacancy

#[test]
fn plt_kepala_dinas_menilai() {
    let o = org_dengan(
        |j| {
            ubah_jabatan(j, 200, |k| {
                k.pemangku = None;
                k.plt = Some(90);
                k.plh = Some(91);
            })
        },
        vec![],
    );
    cek(
        &o,
        KABID,
        Some((Some(200), Some(90), Plt)),
        Some((Some(101), Some(SEKDA), TabelPenilai)),
    );
    assert_eq!(
        hasil(&o, KABID).pejabat_penilai.unwrap().keterangan,
        "Lampiran II DINAS: Kepala Bidang dinilai oleh Kepala Dinas (Kepala Dinas Perhubungan); \
         jabatan Kepala Dinas Perhubungan kosong, Plt memegang kewenangan"
    );
    // The Plt is also the atasan of a Kepala Seksi.
    cek(
        &o,
        KASI,
        Some((Some(203), Some(KABID), TabelPenilai)),
        Some((Some(200), Some(90), Plt)),
    );
}

#[test]
fn plh_kepala_dinas_menilai() {
    let o = org_dengan(
        |j| {
            ubah_jabatan(j, 200, |k| {
                k.pemangku = None;
                k.plh = Some(91);
            })
        },
        vec![],
    );
    cek(
        &o,
        KABID,
        Some((Some(200), Some(91), Plh)),
        Some((Some(101), Some(SEKDA), TabelPenilai)),
    );
}

#[test]
fn jabatan_kosong_tanpa_plt_beralih_ke_atas() {
    let o = org_dengan(|j| ubah_jabatan(j, 200, |k| k.pemangku = None), vec![]);
    // Kepala Dinas vacant: the Kepala Bidang's rater is the Wali Kota; the table's atasan
    // (Sekretaris Daerah) would sit below the acting rater, so the Wali Kota is both.
    cek(
        &o,
        KABID,
        Some((Some(100), Some(WALI_KOTA), Kekosongan)),
        Some((Some(100), Some(WALI_KOTA), Hierarki)),
    );
    let p = hasil(&o, KABID).pejabat_penilai.unwrap();
    assert!(p.keterangan.ends_with(
        "jabatan Kepala Dinas Perhubungan kosong tanpa Plt/Plh, kewenangan beralih ke Wali Kota"
    ));

    // Kepala Bidang vacant: the Kepala Seksi is rated by the Kepala Dinas; the table's atasan
    // (Kepala Dinas) is now the rater, so the atasan moves up to the Wali Kota.
    let o = org_dengan(|j| ubah_jabatan(j, 203, |k| k.pemangku = None), vec![]);
    cek(
        &o,
        KASI,
        Some((Some(200), Some(KADIS), Kekosongan)),
        Some((Some(100), Some(WALI_KOTA), Kekosongan)),
    );
    // JF directly in the bidang: same.
    cek(
        &o,
        JF_BIDANG,
        Some((Some(200), Some(KADIS), Kekosongan)),
        Some((Some(100), Some(WALI_KOTA), Kekosongan)),
    );
    // JF in the seksi is unaffected as to the rater; its atasan (Kepala Bidang) passes up.
    cek(
        &o,
        JF_SEKSI,
        Some((Some(204), Some(KASI), TabelPenilai)),
        Some((Some(200), Some(KADIS), Kekosongan)),
    );
}

#[test]
fn kekosongan_lalu_plt_di_atas() {
    // Kepala Seksi vacant without Plt, Kepala Bidang vacant with a Plt.
    let o = org_dengan(
        |j| {
            ubah_jabatan(j, 204, |k| k.pemangku = None);
            ubah_jabatan(j, 203, |k| {
                k.pemangku = None;
                k.plt = Some(95);
            });
        },
        vec![],
    );
    let h = hasil(&o, JF_SEKSI);
    assert_eq!(
        ringkas(&h.pejabat_penilai),
        Some((Some(203), Some(95), Kekosongan))
    );
    let ket = h.pejabat_penilai.unwrap().keterangan;
    assert!(
        ket.contains("kewenangan beralih ke Kepala Bidang Lalu Lintas"),
        "{ket}"
    );
    assert!(ket.contains("Plt memegang kewenangan"), "{ket}");
}

#[test]
fn pegawai_yang_menjadi_plt_atasannya_sendiri() {
    // The Kepala Seksi is also Plt of the vacant Kepala Bidang: he cannot rate himself.
    let o = org_dengan(
        |j| {
            ubah_jabatan(j, 203, |k| {
                k.pemangku = None;
                k.plt = Some(KASI);
            })
        },
        vec![],
    );
    let h = hasil(&o, KASI);
    assert_eq!(
        ringkas(&h.pejabat_penilai),
        Some((Some(200), Some(KADIS), Kekosongan))
    );
    assert!(h
        .pejabat_penilai
        .unwrap()
        .keterangan
        .contains("Plt jabatan Kepala Bidang Lalu Lintas adalah pegawai yang dinilai sendiri"));
    // His JF is rated by him (as Kepala Seksi) with the Plt Kepala Bidang (himself) not
    // allowed as atasan: the authority passes to the Kepala Dinas.
    cek(
        &o,
        JF_SEKSI,
        Some((Some(204), Some(KASI), TabelPenilai)),
        Some((Some(200), Some(KADIS), Kekosongan)),
    );
}

// ---------------------------------------------------------------------------------------------
// Hierarchy fallback

#[test]
fn tanpa_tipe_lampiran_memakai_hierarki() {
    let o = org();
    // Pelaksana under a pelaksana: skip up to the administrator.
    cek(
        &o,
        PELAKSANA_KHUSUS,
        Some((Some(600), Some(KA_UNIT_KHUSUS), Hierarki)),
        Some((Some(101), Some(SEKDA), Hierarki)),
    );
    let h = hasil(&o, PELAKSANA_KHUSUS);
    let p = h.pejabat_penilai.unwrap();
    assert_eq!(
        p.keterangan,
        "Unit kerja Unit Khusus tidak memiliki jenis unit Lampiran II. Atasan langsung menurut \
         hierarki: Kepala Unit Khusus (Pengadministrasi Senior dilewati karena pejabat penilai \
         paling rendah pejabat pengawas)"
    );
    let a = h.atasan_pejabat_penilai.unwrap();
    assert!(
        a.keterangan
            .starts_with("Pejabat penilai dari Kepala Unit Khusus: "),
        "{}",
        a.keterangan
    );
    // The head of the unit: Sekda, whose own rater (Wali Kota, by the table) is the atasan.
    cek(
        &o,
        KA_UNIT_KHUSUS,
        Some((Some(101), Some(SEKDA), Hierarki)),
        Some((Some(100), Some(WALI_KOTA), TabelPenilai)),
    );
}

#[test]
fn tanpa_baris_tabel_memakai_hierarki() {
    // No posisi_lampiran and a title that is no row: hierarchy, and the atasan is then the
    // rater's own rater (Wali Kota), not the table's Sekretaris Daerah.
    let o = org_dengan(
        |j| ubah_jabatan(j, 203, |k| k.posisi_lampiran = None),
        vec![],
    );
    cek(
        &o,
        KABID,
        Some((Some(200), Some(KADIS), Hierarki)),
        Some((Some(100), Some(WALI_KOTA), TabelPenilai)),
    );
    let p = hasil(&o, KABID).pejabat_penilai.unwrap();
    assert!(p.keterangan.starts_with(
        "Tidak ada baris Lampiran II dinas untuk posisi 'Kepala Bidang Lalu Lintas'. "
    ));

    // Without any table at all.
    let o = Organisasi::new(units(), jabatan_fixture(), vec![], vec![]);
    cek(
        &o,
        KABID,
        Some((Some(200), Some(KADIS), Hierarki)),
        Some((Some(100), Some(WALI_KOTA), Hierarki)),
    );
    cek(
        &o,
        KADIS,
        Some((Some(100), Some(WALI_KOTA), Hierarki)),
        Some((Some(100), Some(WALI_KOTA), Hierarki)),
    );
    // The head of school is fungsional: without the table, the Kepala Seksi SD (pengawas) rates
    // the teacher.
    cek(
        &o,
        GURU_SD,
        Some((Some(402), Some(KASI_SD), Hierarki)),
        Some((Some(401), Some(KABID_DIKDAS), Hierarki)),
    );
}

#[test]
fn nama_penilai_tabel_tidak_ditemukan() {
    // A JF "pada Bidang" reporting to a pelaksana coordinator directly under the Kepala Dinas:
    // neither Kepala Seksi nor Kepala Bidang is in the chain.
    let o = org_dengan(
        |j| {
            j.push(jab(
                210,
                10,
                "Koordinator Pelaksana",
                Some(Pelaksana),
                None,
                Some(200),
                Some(96),
            ));
            j.push(jab(
                211,
                10,
                "Pengelola Data",
                Some(Pelaksana),
                Some("Jabatan Fungsional/Pelaksana pada Bidang"),
                Some(210),
                Some(97),
            ));
        },
        vec![],
    );
    let h = hasil(&o, 97);
    assert_eq!(
        ringkas(&h.pejabat_penilai),
        Some((Some(200), Some(KADIS), Hierarki))
    );
    let ket = h.pejabat_penilai.unwrap().keterangan;
    assert!(
        ket.starts_with(
            "Lampiran II DINAS: Jabatan Fungsional/Pelaksana pada Bidang dinilai oleh Kepala Seksi/ \
             Kepala Bidang, tetapi tidak satu pun dari Kepala Seksi/ Kepala Bidang ada dalam rantai atasan. "
        ),
        "{ket}"
    );
}

#[test]
fn atasan_tabel_tidak_ditemukan_memakai_penilai_dari_penilai() {
    // The SMPN row's atasan "Kepala Bidang Pendidik dan Tenaga Pendidik" exists nowhere.
    let o = org_dengan(
        |j| {
            j.push(jab(
                420,
                31,
                "Kepala Seksi Pendidik dan Tenaga Kependidikan Sekolah Menengah Pertama",
                Some(Pengawas),
                Some("Kepala Seksi"),
                Some(401),
                Some(60),
            ));
            j.push(jab(
                421,
                33,
                "Kepala Sekolah SMPN 1",
                Some(Fungsional),
                Some("Kepala Sekolah SMPN"),
                Some(420),
                Some(61),
            ));
        },
        vec![],
    );
    let h = hasil(&o, 61);
    assert_eq!(
        ringkas(&h.pejabat_penilai),
        Some((Some(420), Some(60), TabelPenilai))
    );
    assert_eq!(
        ringkas(&h.atasan_pejabat_penilai),
        Some((Some(401), Some(KABID_DIKDAS), TabelPenilai))
    );
    let a = h.atasan_pejabat_penilai.unwrap().keterangan;
    assert!(
        a.starts_with(
            "Lampiran II DINAS PENDIDIKAN: atasan pejabat penilai bagi Kepala Sekolah SMPN adalah \
             Kepala Bidang Pendidik dan Tenaga Pendidik, tetapi jabatan Kepala Bidang Pendidik dan \
             Tenaga Pendidik tidak ditemukan dalam organisasi; memakai pejabat penilai dari pejabat penilai. \
             Pejabat penilai dari Kepala Seksi Pendidik"
        ),
        "{a}"
    );
}

// ---------------------------------------------------------------------------------------------
// Overrides

#[test]
fn override_menang_dan_bisa_hanya_atasan() {
    let pengganti = vec![
        PenggantiPenilai {
            pegawai_id: JF_SEKSI,
            pejabat_penilai: None,
            atasan_pejabat_penilai: Some(SEKDIS),
            alasan: "Penugasan khusus".into(),
        },
        PenggantiPenilai {
            pegawai_id: JF_BIDANG,
            pejabat_penilai: Some(KASUBAG_DINAS),
            atasan_pejabat_penilai: None,
            alasan: String::new(),
        },
        PenggantiPenilai {
            pegawai_id: KASI,
            pejabat_penilai: Some(SEKDIS),
            atasan_pejabat_penilai: None,
            alasan: "lama".into(),
        },
        PenggantiPenilai {
            pegawai_id: KASI,
            pejabat_penilai: None,
            atasan_pejabat_penilai: Some(SEKDA),
            alasan: "baru".into(),
        },
    ];
    let o = org_dengan(|_| {}, pengganti);
    // Only the atasan is set; the rater is resolved normally.
    cek(
        &o,
        JF_SEKSI,
        Some((Some(204), Some(KASI), TabelPenilai)),
        Some((None, Some(SEKDIS), Dasar::Override)),
    );
    let a = hasil(&o, JF_SEKSI).atasan_pejabat_penilai.unwrap();
    assert_eq!(
        a.keterangan,
        "Ditetapkan admin (override): Penugasan khusus"
    );
    // Only the rater is set; the atasan is resolved normally (table: Kepala Dinas).
    cek(
        &o,
        JF_BIDANG,
        Some((None, Some(KASUBAG_DINAS), Dasar::Override)),
        Some((Some(200), Some(KADIS), TabelPenilai)),
    );
    assert_eq!(hasil(&o, JF_BIDANG).dasar, Dasar::Override);
    // Two overrides merge per part.
    let h = hasil(&o, KASI);
    assert_eq!(
        ringkas(&h.pejabat_penilai),
        Some((None, Some(SEKDIS), Dasar::Override))
    );
    assert_eq!(
        ringkas(&h.atasan_pejabat_penilai),
        Some((None, Some(SEKDA), Dasar::Override))
    );
    assert_eq!(
        h.pejabat_penilai.unwrap().keterangan,
        "Ditetapkan admin (override): lama"
    );
    assert_eq!(
        h.atasan_pejabat_penilai.unwrap().keterangan,
        "Ditetapkan admin (override): baru"
    );
}

#[test]
fn override_penilai_dipakai_sebagai_atasan_bawahannya() {
    // Without a table, the atasan of the Kepala Seksi's JF is the Kepala Seksi's own rater,
    // which the admin set to the Sekretaris Dinas.
    let pengganti = vec![PenggantiPenilai {
        pegawai_id: KASI,
        pejabat_penilai: Some(SEKDIS),
        atasan_pejabat_penilai: None,
        alasan: "Bidang sedang ditata ulang".into(),
    }];
    let o = Organisasi::new(units(), jabatan_fixture(), vec![], pengganti);
    cek(
        &o,
        JF_SEKSI,
        Some((Some(204), Some(KASI), Hierarki)),
        Some((None, Some(SEKDIS), Dasar::Override)),
    );
}

#[test]
fn override_ke_diri_sendiri_ditolak() {
    let o = org_dengan(
        |_| {},
        vec![PenggantiPenilai {
            pegawai_id: KASI,
            pejabat_penilai: Some(KASI),
            atasan_pejabat_penilai: None,
            alasan: String::new(),
        }],
    );
    assert_eq!(
        tentukan_penilai(&o, KASI, 204),
        Err(PenilaiError::PenggantiDiriSendiri { pegawai_id: KASI })
    );
}

// ---------------------------------------------------------------------------------------------
// Errors and wire format

#[test]
fn galat() {
    let o = org();
    assert_eq!(
        tentukan_penilai(&o, 1, 9999),
        Err(PenilaiError::JabatanTidakDikenal(9999))
    );
    assert_eq!(
        tentukan_penilai_pegawai(&o, 9999),
        Err(PenilaiError::TanpaJabatan)
    );
    assert_eq!(
        PenilaiError::TanpaJabatan.to_string(),
        "Pegawai tidak memangku jabatan apa pun"
    );

    let units = vec![unit(1, None, "Unit", None)];
    let jabatan = vec![
        jab(1, 1, "A", Some(Pelaksana), None, Some(2), Some(11)),
        jab(2, 1, "B", Some(Pelaksana), None, Some(1), Some(12)),
        jab(3, 1, "C", Some(Pelaksana), None, Some(3), Some(13)),
    ];
    let o = Organisasi::new(units, jabatan, vec![], vec![]);
    assert!(matches!(
        tentukan_penilai(&o, 11, 1),
        Err(PenilaiError::SiklusHierarki { .. })
    ));
    assert_eq!(
        tentukan_penilai(&o, 13, 3),
        Err(PenilaiError::SiklusHierarki { jabatan_id: 3 })
    );
    assert!(PenilaiError::SiklusHierarki { jabatan_id: 3 }
        .to_string()
        .contains("siklus"));
}

#[test]
fn bentuk_json() {
    let o = org();
    let h = hasil(&o, KABID);
    let v = serde_json::to_value(&h).unwrap();
    assert_eq!(v["dasar"], "tabel_penilai");
    assert_eq!(v["pejabat_penilai"]["jabatan_id"], 200);
    assert_eq!(v["pejabat_penilai"]["pegawai_id"], KADIS);
    assert_eq!(v["atasan_pejabat_penilai"]["pegawai_id"], SEKDA);
    assert_eq!(v["atasan_pejabat_penilai"]["dasar"], "tabel_penilai");
    assert_eq!("kekosongan".parse::<Dasar>(), Ok(Kekosongan));
    assert_eq!(Dasar::Override.kode(), "override");
    let v = serde_json::to_value(hasil(&o, WALI_KOTA)).unwrap();
    assert_eq!(v["pejabat_penilai"], serde_json::Value::Null);
    assert_eq!(v["dasar"], "hierarki");
}

// ---------------------------------------------------------------------------------------------
// Property: random hierarchies without a table

/// Whether walking up from `mulai` ever repeats a position.
fn ada_siklus(jabatan: &[JabatanOrg], mulai: JabatanId) -> bool {
    let mut dilihat = HashSet::new();
    let mut kini = Some(mulai);
    while let Some(id) = kini {
        if !dilihat.insert(id) {
            return true;
        }
        kini = jabatan
            .iter()
            .find(|j| j.id == id)
            .and_then(|j| j.atasan_id);
    }
    false
}

fn jenis_dari(kode: u8) -> Option<JenisJabatan> {
    match kode {
        0 => None,
        k => JenisJabatan::SEMUA
            .get(usize::from(k - 1) % JenisJabatan::SEMUA.len())
            .copied(),
    }
}

proptest! {
    #[test]
    fn hierarki_acak_selalu_berhenti_dan_sah(
        spek in prop::collection::vec(
            (0u8..8, prop::option::of(0i64..24), any::<bool>(), prop::option::of(0i64..24), prop::option::of(0i64..24)),
            1..24,
        ),
        kepala_daerah_diizinkan in any::<bool>(),
    ) {
        let n = spek.len() as i64;
        let jabatan: Vec<JabatanOrg> = spek
            .iter()
            .enumerate()
            .map(|(i, (jenis, atasan, ada, plt, plh))| {
                let i = i as i64;
                let jenis = jenis_dari(*jenis).or(if kepala_daerah_diizinkan { None } else { Some(Pelaksana) });
                JabatanOrg {
                    id: i,
                    unit_id: 1,
                    nama: format!("Jabatan {i}"),
                    jenis,
                    posisi_lampiran: None,
                    atasan_id: atasan.map(|a| a % (n + 2)), // sometimes a dangling id
                    pemangku: ada.then_some(1000 + i),
                    plt: plt.map(|p| 1000 + p % n),
                    plh: plh.map(|p| 1000 + p % n),
                }
            })
            .collect();
        let o = Organisasi::new(vec![unit(1, None, "Unit", Some("DINAS"))], jabatan.clone(), vec![], vec![]);
        for j in &jabatan {
            let pegawai = 1000 + j.id;
            match tentukan_penilai(&o, pegawai, j.id) {
                Ok(h) => {
                    for p in [&h.pejabat_penilai, &h.atasan_pejabat_penilai].into_iter().flatten() {
                        prop_assert_ne!(p.pegawai_id, Some(pegawai));
                        prop_assert!(p.dasar != Dasar::TabelPenilai && p.dasar != Dasar::Override);
                        if let Some(jid) = p.jabatan_id {
                            prop_assert_ne!(jid, j.id);
                            let jp = o.jabatan(jid);
                            prop_assert!(jp.is_some());
                            prop_assert!(jp.and_then(|x| x.jenis).is_none_or(|k| k.setidaknya_pengawas()));
                        }
                    }
                    if let (Some(p), Some(a)) = (&h.pejabat_penilai, &h.atasan_pejabat_penilai) {
                        // Rater and atasan are different people, except the Kepala Daerah.
                        let kepala = p.jabatan_id.and_then(|id| o.jabatan(id)).is_some_and(|x| x.jenis.is_none());
                        prop_assert!(kepala || p.pegawai_id.is_none() || p.pegawai_id != a.pegawai_id);
                    }
                    if j.jenis.is_none() {
                        prop_assert!(h.pejabat_penilai.is_none());
                    }
                }
                Err(PenilaiError::SiklusHierarki { .. }) => prop_assert!(ada_siklus(&jabatan, j.id)),
                Err(e) => prop_assert!(false, "galat tak terduga: {e}"),
            }
        }
    }
}

#[test]
fn pimpinan_unit_kerja_mandiri_kepala_unit_bertipe_lampiran() {
    let o = org();
    // The Camat heads a kecamatan (its superior, the Wali Kota, is outside it); the Lurah
    // heads a kelurahan, a unit of its own Lampiran II type under the kecamatan.
    assert!(o.pimpinan_unit_mandiri(300), "Camat");
    assert!(o.pimpinan_unit_mandiri(310), "Lurah");
    assert!(o.pimpinan_unit_mandiri(200), "Kepala Dinas");
    // Positions under a head of the same unit are not.
    assert!(!o.pimpinan_unit_mandiri(301), "Sekretaris Kecamatan");
    assert!(!o.pimpinan_unit_mandiri(311), "Sekretaris Kelurahan");
    assert!(!o.pimpinan_unit_mandiri(203), "Kepala Bidang");
    assert!(!o.pimpinan_unit_mandiri(205), "JF");
    assert!(!o.pimpinan_unit_mandiri(9999), "unknown");
}
