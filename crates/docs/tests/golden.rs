//! Golden tests of the official documents: each sample is rendered to PDF, its text extracted
//! with poppler's `pdftotext` and checked for every value of the document, and its pages are
//! written as PNG under `<target>/docs-golden/` for a look.

use std::path::PathBuf;
use std::process::Command;
use std::sync::{Arc, LazyLock};
use std::time::Instant;

use kinerja_docs::model::*;
use kinerja_docs::Penyaji;

static PENYAJI: LazyLock<Arc<Penyaji>> = LazyLock::new(|| Arc::new(Penyaji::baru()));

// ---------------------------------------------------------------------------------------------
// Sample data
// ---------------------------------------------------------------------------------------------

const DISKOMINFO: &str = "Dinas Komunikasi, Informatika, Statistik dan Persandian";

fn s(x: &str) -> String {
    x.to_owned()
}

fn kepala(periode_evaluasi: Option<&str>) -> Kepala {
    Kepala {
        instansi: s("PEMERINTAH KOTA BEKASI"),
        perangkat_daerah: s("DINAS KOMUNIKASI, INFORMATIKA, STATISTIK DAN PERSANDIAN"),
        periode_penilaian: s("PERIODE PENILAIAN: 1 JANUARI SD 31 DESEMBER TAHUN 2026"),
        periode_evaluasi: periode_evaluasi.map(s),
    }
}

fn verifikasi(kode: &str) -> Verifikasi {
    Verifikasi {
        kode: s(kode),
        url: format!("https://kinerja.bekasikota.example/verifikasi/{kode}"),
    }
}

fn kadis() -> Identitas {
    Identitas {
        nama: s("Dr. Ahmad Fauzi Rahman, S.T., M.Si."),
        nip: s("197011252002051077"),
        pangkat_golongan: s("Pembina Utama Muda, IV/c"),
        jabatan: s("Kepala Dinas Komunikasi, Informatika, Statistik dan Persandian"),
        unit_kerja: s(DISKOMINFO),
    }
}

fn wali_kota() -> Identitas {
    Identitas {
        nama: s("Tri Adhianto Tjahyono"),
        nip: s(""),
        pangkat_golongan: s(""),
        jabatan: s("Wali Kota Bekasi"),
        unit_kerja: s("Pemerintah Kota Bekasi"),
    }
}

fn kabid() -> Identitas {
    Identitas {
        nama: s("Rina Marlina, S.Kom., M.T."),
        nip: s("198503142010012015"),
        pangkat_golongan: s("Penata Tk. I, III/d"),
        jabatan: s("Kepala Bidang Aplikasi Informatika"),
        unit_kerja: s("Bidang Aplikasi Informatika"),
    }
}

fn pranata() -> Identitas {
    Identitas {
        nama: s("Dimas Prasetyo Nugroho, S.Kom."),
        nip: s("199207232019031004"),
        pangkat_golongan: s("Penata Muda, III/a"),
        jabatan: s("Pranata Komputer Ahli Pertama"),
        unit_kerja: s("Bidang Aplikasi Informatika"),
    }
}

fn ttd(peran: &str, p: &Identitas, tempat: Option<&str>, elektronik: Option<&str>) -> TandaTangan {
    TandaTangan {
        nomor: None,
        peran: s(peran),
        tempat_tanggal: tempat.map(s),
        nama: p.nama.clone(),
        nip: p.nip.clone(),
        tanda_tangan_elektronik: elektronik.map(s),
    }
}

fn tata(format: u8) -> Tata {
    Tata {
        format,
        kuantitatif: matches!(format, 2 | 4),
        jpt: matches!(format, 1 | 2),
        label_unit_penilai: s(if matches!(format, 1 | 2 | 5) {
            "INSTANSI"
        } else {
            "UNIT KERJA"
        }),
    }
}

const ASPEK: [&str; 4] = ["Kuantitas", "Kualitas", "Waktu", "Biaya"];
const PERSPEKTIF: [&str; 4] = [
    "Penerima Layanan",
    "Proses Bisnis",
    "Penguatan Internal",
    "Anggaran",
];

const URAIAN: [&str; 6] = [
    "Meningkatnya kualitas tata kelola Sistem Pemerintahan Berbasis Elektronik (SPBE) Kota Bekasi",
    "Terlaksananya integrasi layanan aplikasi perangkat daerah ke dalam Portal Layanan Publik Terpadu",
    "Tersedianya data statistik sektoral yang mutakhir dan dapat diakses oleh perangkat daerah",
    "Meningkatnya keamanan informasi dan persandian pada jaringan intra pemerintah",
    "Terselenggaranya forum Satu Data Indonesia tingkat Kota Bekasi",
    "Terlaksananya pendampingan penyusunan arsitektur SPBE perangkat daerah",
];

const INDIKATOR: [&str; 6] = [
    "Indeks SPBE Kota Bekasi",
    "Persentase aplikasi layanan yang terintegrasi",
    "Persentase data sektoral yang dimutakhirkan tepat waktu",
    "Jumlah insiden keamanan informasi yang ditangani kurang dari 24 jam",
    "Jumlah forum data yang terselenggara",
    "Persentase perangkat daerah yang memiliki dokumen arsitektur SPBE",
];

const TARGET: [&str; 6] = ["3,5 (Baik)", "85%", "90%", "12 insiden", "4 kali", "100%"];

fn rhk(nomor: u32, t: &Tata, jumlah_iki: usize, evaluasi: bool) -> Rhk {
    let i = (nomor as usize - 1) % URAIAN.len();
    Rhk {
        nomor,
        intervensi: matches!(t.format, 3 | 4).then(|| {
            format!(
                "Meningkatnya layanan pemerintahan berbasis elektronik ({})",
                nomor
            )
        }),
        uraian: s(URAIAN[i]),
        penugasan_dari: s(if t.jpt {
            "Wali Kota Bekasi"
        } else {
            "Kepala Bidang Aplikasi Informatika"
        }),
        perspektif: t.jpt.then(|| s(PERSPEKTIF[i % 4])),
        iki: (0..jumlah_iki)
            .map(|j| Iki {
                nomor: format!("{nomor}.{}", j + 1),
                aspek: matches!(t.format, 3 | 4).then(|| s(ASPEK[j % 4])),
                indikator: s(INDIKATOR[(i + j) % INDIKATOR.len()]),
                target: s(TARGET[(i + j) % TARGET.len()]),
            })
            .collect(),
        realisasi: if evaluasi {
            vec![
                format!(
                    "Realisasi RHK {nomor}: Indeks SPBE 3,62 berdasarkan hasil evaluasi KemenPANRB"
                ),
                format!("Bukti dukung RHK {nomor}: laporan evaluasi mandiri triwulan III"),
            ]
        } else {
            vec![]
        },
        umpan_balik: if evaluasi {
            vec![format!(
                "Umpan balik RHK {nomor}: pertahankan, lengkapi dokumentasi proses bisnis"
            )]
        } else {
            vec![]
        },
    }
}

const PERILAKU: [(&str, [&str; 3]); 7] = [
    (
        "Berorientasi pelayanan",
        [
            "Memahami dan memenuhi kebutuhan masyarakat",
            "Ramah, cekatan, solutif, dan dapat diandalkan",
            "Melakukan perbaikan tiada henti",
        ],
    ),
    (
        "Akuntabel",
        [
            "Melaksanakan tugas dengan jujur, bertanggungjawab, cermat, disiplin dan berintegritas tinggi",
            "Menggunakan kekayaan dan barang milik negara secara bertanggungjawab, efektif, dan efisien",
            "Tidak menyalahgunakan kewenangan jabatan",
        ],
    ),
    (
        "Kompeten",
        [
            "Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah",
            "Membantu orang lain belajar",
            "Melaksanakan tugas dengan kualitas terbaik",
        ],
    ),
    (
        "Harmonis",
        [
            "Menghargai setiap orang apapun latar belakangnya",
            "Suka menolong orang lain",
            "Membangun lingkungan kerja yang kondusif",
        ],
    ),
    (
        "Loyal",
        [
            "Memegang teguh ideologi Pancasila, Undang-Undang Dasar Negara Republik Indonesia Tahun 1945, setia kepada Negara Kesatuan Republik Indonesia serta pemerintahan yang sah",
            "Menjaga nama baik sesama ASN, Pimpinan, Instansi, dan Negara",
            "Menjaga rahasia jabatan dan negara",
        ],
    ),
    (
        "Adaptif",
        [
            "Cepat menyesuaikan diri menghadapi perubahan",
            "Terus berinovasi dan mengembangkan kreativitas",
            "Bertindak proaktif",
        ],
    ),
    (
        "Kolaboratif",
        [
            "Memberi kesempatan kepada berbagai pihak untuk berkontribusi",
            "Terbuka dalam bekerja sama untuk menghasilkan nilai tambah",
            "Menggerakkan pemanfaatan berbagai sumberdaya untuk tujuan bersama",
        ],
    ),
];

fn perilaku(umpan_balik: bool) -> Vec<Perilaku> {
    PERILAKU
        .iter()
        .enumerate()
        .map(|(i, (nama, pedoman))| Perilaku {
            nomor: i as u32 + 1,
            nama: s(nama),
            pedoman: pedoman.iter().map(|p| s(p)).collect(),
            ekspektasi_khusus: match i {
                0 => s("Menindaklanjuti setiap aduan layanan SP4N-LAPOR paling lambat 3 hari kerja"),
                4 => s("Menjaga kerahasiaan data pribadi warga dalam setiap pengolahan data"),
                _ => s(""),
            },
            umpan_balik: if umpan_balik {
                vec![format!(
                    "Umpan balik perilaku {}: sudah konsisten, tingkatkan berbagi pengetahuan dengan tim",
                    i + 1
                )]
            } else {
                vec![]
            },
        })
        .collect()
}

fn lampiran() -> Lampiran {
    Lampiran {
        dukungan_sumber_daya: vec![
            s("Anggaran kegiatan pengembangan aplikasi pada DPA Diskominfostandi 2026"),
            s("Dua orang Pranata Komputer Ahli Pertama sebagai pengembang"),
        ],
        skema_pertanggungjawaban: vec![s(
            "Hasil kerja dilaporkan setiap bulan melalui laporan capaian kinerja berikut data dukung",
        )],
        konsekuensi: vec![
            s("Apabila memenuhi ekspektasi Pimpinan maka diusulkan mendapat penghargaan"),
            s("Apabila tidak memenuhi ekspektasi Pimpinan maka dilakukan pembinaan"),
        ],
    }
}

fn judul_skp(format: u8) -> Vec<String> {
    let (pendekatan, bagi) = match format {
        1 => (
            "KUALITATIF",
            "BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI",
        ),
        2 => (
            "KUANTITATIF",
            "BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI",
        ),
        3 => (
            "KUALITATIF",
            "BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL",
        ),
        4 => (
            "KUANTITATIF",
            "BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL",
        ),
        _ => ("KUALITATIF", "BAGI PEGAWAI TUGAS BELAJAR"),
    };
    vec![
        s("SASARAN KINERJA PEGAWAI"),
        format!("PENDEKATAN HASIL KERJA {pendekatan}"),
        s(bagi),
    ]
}

/// Who rates whom in each format's sample.
fn pasangan(format: u8) -> (Identitas, Identitas) {
    match format {
        1 | 2 => (kadis(), wali_kota()),
        3 => (kabid(), kadis()),
        _ => (pranata(), kabid()),
    }
}

fn skp(format: u8, jumlah_rhk: u32, jumlah_iki: usize) -> Dokumen {
    let t = tata(format);
    let (pegawai, penilai) = pasangan(format);
    let utama_n = jumlah_rhk.saturating_sub(1).max(1);
    Dokumen {
        judul: judul_skp(format),
        kepala: kepala(None),
        verifikasi: verifikasi(&format!("KNJ-7Q2M-XK4D-93H{format}-P")),
        draf: false,
        isi: Isi::Skp(IsiSkp {
            pegawai: pegawai.clone(),
            penilai: penilai.clone(),
            perjanjian_kerja: None,
            utama: (1..=utama_n)
                .map(|n| rhk(n, &t, jumlah_iki, false))
                .collect(),
            tambahan: (utama_n + 1..=jumlah_rhk.max(2))
                .map(|n| rhk(n, &t, jumlah_iki.min(2), false))
                .collect(),
            perilaku: perilaku(false),
            lampiran: lampiran(),
            tempat_tanggal: s("Bekasi, 2 Januari 2026"),
            ttd_pegawai: ttd(
                "Pegawai yang Dinilai",
                &pegawai,
                None,
                Some("Ditandatangani secara elektronik pada 2 Januari 2026 pukul 09.15 WIB"),
            ),
            ttd_penilai: ttd("Pejabat Penilai Kinerja", &penilai, None, None),
            tata: t,
        }),
    }
}

/// A sample distribution curve as the app draws it (bars per predikat and the guideline).
fn kurva_svg() -> String {
    let batang = [(10, 40), (25, 95), (40, 160), (25, 95), (10, 40)];
    let label = [
        "Sangat Kurang",
        "Kurang",
        "Butuh Perbaikan",
        "Baik",
        "Sangat Baik",
    ];
    let mut svg = String::from(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="600" height="260" viewBox="0 0 600 260"><rect width="600" height="260" fill="#ffffff"/><line x1="40" y1="210" x2="580" y2="210" stroke="#000" stroke-width="1"/>"##,
    );
    for (i, ((persen, tinggi), nama)) in batang.iter().zip(label).enumerate() {
        let x = 60 + i * 105;
        svg.push_str(&format!(
            r##"<rect x="{x}" y="{y}" width="70" height="{tinggi}" fill="#4a78b5"/><text x="{tx}" y="{ty}" font-family="sans-serif" font-size="12" text-anchor="middle">{persen}%</text><text x="{tx}" y="230" font-family="sans-serif" font-size="12" text-anchor="middle">{nama}</text>"##,
            y = 210 - tinggi,
            tx = x + 35,
            ty = 205 - tinggi,
        ));
    }
    svg.push_str(r##"<polyline points="95,175 200,120 305,55 410,120 515,175" fill="none" stroke="#c0392b" stroke-width="2"/></svg>"##);
    svg
}

fn evaluasi(format: u8) -> Dokumen {
    let t = tata(format);
    let (pegawai, penilai) = pasangan(format);
    let mut judul = judul_skp(format);
    judul[0] = s("EVALUASI KINERJA PEGAWAI");
    Dokumen {
        judul,
        kepala: kepala(Some("PERIODE: BULAN NOVEMBER 2026")),
        verifikasi: verifikasi(&format!("KNJ-EV{format}M-XK4D-93HT-Q")),
        draf: format == 4,
        isi: Isi::Evaluasi(IsiEvaluasi {
            pegawai,
            penilai: penilai.clone(),
            capaian_organisasi: s("BAIK"),
            pola_distribusi_svg: Some(kurva_svg()),
            judul_kurva: s(
                "KURVA DISTRIBUSI PREDIKAT KINERJA PEGAWAI DENGAN CAPAIAN KINERJA ORGANISASI BAIK",
            ),
            dasar: (format == 3).then(|| {
                s("Pegawai diperbantukan pada Badan Pusat Statistik sejak 1 Juli 2026; penilaian berdasarkan bahan pertimbangan instansi penerima")
            }),
            utama: (1..=3).map(|n| rhk(n, &t, 2, true)).collect(),
            tambahan: vec![rhk(4, &t, 1, true)],
            rating_hasil_kerja: s("DI ATAS EKSPEKTASI"),
            perilaku: perilaku(true),
            rating_perilaku: s("SESUAI EKSPEKTASI"),
            predikat: s("SANGAT BAIK"),
            tempat_tanggal: s("Bekasi, 30 November 2026"),
            ttd_penilai: ttd("Pejabat Penilai Kinerja", &penilai, None, None),
            tata: t,
        }),
    }
}

fn dokumen_evaluasi() -> Dokumen {
    let mut ttd_penilai = ttd(
        "Pejabat Penilai Kinerja",
        &kabid(),
        Some("Bekasi, 5 Januari 2027"),
        Some("Ditandatangani secara elektronik pada 5 Januari 2027 pukul 10.02 WIB"),
    );
    ttd_penilai.nomor = Some(s("6."));
    let mut ttd_pegawai = ttd(
        "Pegawai yang Dinilai",
        &pranata(),
        Some("Bekasi, 6 Januari 2027"),
        None,
    );
    ttd_pegawai.nomor = Some(s("7."));
    Dokumen {
        judul: vec![s("DOKUMEN EVALUASI KINERJA PEGAWAI")],
        kepala: kepala(Some("PERIODE: AKHIR")),
        verifikasi: verifikasi("KNJ-DE4M-XK4D-93HT-R"),
        draf: false,
        isi: Isi::DokumenEvaluasi(IsiDokumenEvaluasi {
            pegawai: pranata(),
            penilai: kabid(),
            atasan: kadis(),
            capaian_organisasi: s("BAIK"),
            predikat: s("BAIK"),
            catatan_rekomendasi: vec![
                s("Pegawai direkomendasikan mengikuti pelatihan keamanan aplikasi web (OWASP) pada tahun 2027."),
                s("Pertahankan ketepatan waktu pemutakhiran data sektoral."),
            ],
            ttd_penilai,
            ttd_pegawai,
        }),
    }
}

fn umpan_balik() -> Dokumen {
    let t = tata(3);
    let mut hasil: Vec<Rhk> = (1..=3).map(|n| rhk(n, &t, 2, true)).collect();
    for r in &mut hasil {
        r.intervensi = None;
        r.realisasi = vec![
            format!(
                "Capaian RHK {}: tiga dari empat aplikasi telah terintegrasi",
                r.nomor
            ),
            s("Data dukung: berita acara uji integrasi tanggal 12 Oktober 2026"),
        ];
        r.umpan_balik = vec![format!(
            "Umpan balik berkala RHK {}: percepat integrasi aplikasi perizinan",
            r.nomor
        )];
    }
    Dokumen {
        judul: vec![s("SASARAN KINERJA PEGAWAI"), s("UMPAN BALIK BERKALA")],
        kepala: kepala(Some("PERIODE: BULAN OKTOBER 2026")),
        verifikasi: verifikasi("KNJ-UB4M-XK4D-93HT-S"),
        draf: true,
        isi: Isi::UmpanBalik(IsiUmpanBalik {
            pegawai: kabid(),
            penilai: kadis(),
            hasil_kerja: hasil,
            perilaku: perilaku(true),
            tempat_tanggal: s("Bekasi, 31 Oktober 2026"),
            ttd_pegawai: ttd("Pegawai yang Dinilai", &kabid(), None, None),
            ttd_penilai: ttd("Pejabat Penilai Kinerja", &kadis(), None, None),
        }),
    }
}

fn pilihan(semua: &[&str], dipilih: &str) -> Vec<Pilihan> {
    semua
        .iter()
        .map(|l| Pilihan {
            label: s(l),
            dipilih: *l == dipilih,
        })
        .collect()
}

fn manual_indikator() -> Dokumen {
    let kendali = ["Outcome", "Output dengan tingkat kendali rendah"];
    let periode = ["Bulanan", "Triwulanan", "Semesteran", "Tahunan"];
    Dokumen {
        judul: vec![s("MANUAL INDIKATOR SKP JPT/ PIMPINAN UNIT KERJA MANDIRI")],
        kepala: kepala(None),
        verifikasi: verifikasi("KNJ-MI4M-XK4D-93HT-T"),
        draf: false,
        isi: Isi::ManualIndikator(IsiManualIndikator {
            pegawai: kadis(),
            penilai: wali_kota(),
            entri: vec![
                EntriManual {
                    rencana_hasil_kerja: s(URAIAN[0]),
                    indikator: s(INDIKATOR[0]),
                    tujuan: s("Mengukur kematangan penerapan SPBE di lingkungan Pemerintah Kota Bekasi"),
                    deskripsi: s("Indeks yang disusun dari domain kebijakan, tata kelola, manajemen dan layanan SPBE"),
                    definisi: s("Indeks SPBE adalah nilai hasil evaluasi SPBE oleh Kementerian PANRB"),
                    formula: s("Σ (bobot domain × nilai domain) / Σ bobot"),
                    satuan_pengukuran: s("Indeks (skala 1–5)"),
                    kualitas_tingkat_kendali: pilihan(&kendali, "Outcome"),
                    sumber_data: s("Laporan hasil evaluasi SPBE Kementerian PANRB"),
                    periode_pelaporan: pilihan(&periode, "Tahunan"),
                },
                EntriManual {
                    rencana_hasil_kerja: s(URAIAN[1]),
                    indikator: s(INDIKATOR[1]),
                    tujuan: s("Mengukur keterpaduan layanan publik digital"),
                    deskripsi: s("Aplikasi layanan perangkat daerah yang dapat diakses melalui portal tunggal"),
                    definisi: s("Aplikasi terintegrasi adalah aplikasi yang terhubung dengan layanan autentikasi tunggal"),
                    formula: s("Jumlah aplikasi terintegrasi / jumlah aplikasi layanan × 100%"),
                    satuan_pengukuran: s("Persen"),
                    kualitas_tingkat_kendali: pilihan(&kendali, "Output dengan tingkat kendali rendah"),
                    sumber_data: s("Katalog aplikasi Diskominfostandi"),
                    periode_pelaporan: pilihan(&periode, "Triwulanan"),
                },
            ],
            tempat_tanggal: s("Bekasi, 2 Januari 2026"),
            ttd_pegawai: ttd("Pegawai yang Dinilai", &kadis(), None, None),
            ttd_penilai: ttd("Pejabat Penilai Kinerja", &wali_kota(), None, None),
        }),
    }
}

fn matriks() -> Dokumen {
    let kolom = vec![
        format!("{} (IKI: {})", URAIAN[0], INDIKATOR[0]),
        format!("{} (IKI: {})", URAIAN[1], INDIKATOR[1]),
        format!("{} (IKI: {})", URAIAN[2], INDIKATOR[2]),
    ];
    let baris = vec![
        BarisMatriks {
            nama_jabatan: s("Rina Marlina, S.Kom., M.T. — Kepala Bidang Aplikasi Informatika"),
            sel: vec![
                vec![
                    s("Tersusunnya peta rencana SPBE"),
                    s("Terlaksananya evaluasi mandiri SPBE"),
                ],
                vec![s("Terintegrasinya aplikasi layanan perizinan")],
                vec![],
            ],
        },
        BarisMatriks {
            nama_jabatan: s("Hendra Gunawan, S.Si. — Kepala Bidang Statistik"),
            sel: vec![
                vec![],
                vec![],
                vec![
                    s("Termutakhirkannya data sektoral 2026"),
                    s("Terbitnya Bekasi Dalam Angka sektoral"),
                ],
            ],
        },
        BarisMatriks {
            nama_jabatan: s(
                "Siti Nurhaliza, S.T. — Kepala Bidang Persandian dan Keamanan Informasi",
            ),
            sel: vec![
                vec![s("Tertanganinya insiden keamanan informasi")],
                vec![],
                vec![],
            ],
        },
    ];
    Dokumen {
        judul: vec![s("MATRIKS PERAN HASIL")],
        kepala: kepala(None),
        verifikasi: verifikasi("KNJ-MP4M-XK4D-93HT-U"),
        draf: false,
        isi: Isi::MatriksPeranHasil(IsiMatriks {
            pimpinan: kadis(),
            kolom,
            baris,
            tempat_tanggal: s("Bekasi, 5 Januari 2026"),
            ttd_pimpinan: ttd("Kepala Dinas", &kadis(), None, None),
        }),
    }
}

/// An SKP with 14 RHK × 3 IKI with long texts: must flow over several pages.
fn skp_panjang(format: u8) -> Dokumen {
    let mut dok = skp(format, 14, 3);
    if let Isi::Skp(isi) = &mut dok.isi {
        for r in isi.utama.iter_mut().chain(isi.tambahan.iter_mut()) {
            r.uraian = format!(
                "RHK panjang nomor {}: {} melalui koordinasi lintas perangkat daerah, penyusunan standar operasional prosedur, pendampingan teknis, serta pemantauan dan evaluasi berkala atas pelaksanaannya",
                r.nomor, r.uraian
            );
            for (j, iki) in r.iki.iter_mut().enumerate() {
                iki.indikator = format!(
                    "IKI panjang {}.{}: {} yang diukur berdasarkan laporan resmi dan bukti dukung yang sah",
                    r.nomor,
                    j + 1,
                    iki.indikator
                );
            }
        }
        isi.tambahan.iter_mut().for_each(|r| {
            r.iki.push(Iki {
                nomor: format!("{}.3", r.nomor),
                aspek: Some(s("Waktu")),
                indikator: format!(
                    "IKI panjang {}.3: ketepatan waktu penyampaian laporan",
                    r.nomor
                ),
                target: s("12 bulan"),
            })
        });
    }
    dok
}

// ---------------------------------------------------------------------------------------------
// Rendering and checking
// ---------------------------------------------------------------------------------------------

fn folder_golden() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    let folder = target.join("docs-golden");
    std::fs::create_dir_all(&folder).expect("folder docs-golden");
    folder
}

fn jalankan(program: &str, args: &[&str]) -> std::process::Output {
    Command::new(program).args(args).output().unwrap_or_else(|e| {
        panic!("`{program}` tidak dapat dijalankan ({e}): pasang poppler-utils (apt-get install poppler-utils)")
    })
}

/// Text without any whitespace: line breaks in table cells then do not matter.
fn padat(teks: &str) -> String {
    teks.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{200B}')
        .collect()
}

/// Whether `kata` (whitespace-separated) occur in this order in `teks` within a short stretch:
/// a cell that flows over a page break has the footer and the repeated table header in between.
fn berurutan(teks: &[&str], kata: &[&str]) -> bool {
    let jendela = kata.len() + 160;
    (0..teks.len()).filter(|&i| teks[i] == kata[0]).any(|awal| {
        let mut k = 0;
        for t in teks.iter().skip(awal).take(jendela) {
            if *t == kata[k] {
                k += 1;
                if k == kata.len() {
                    return true;
                }
            }
        }
        false
    })
}

/// Every string value of the document (what must be printed), but the SVG source and the tag.
fn nilai_nilai(dok: &Dokumen) -> Vec<String> {
    fn kumpul(v: &serde_json::Value, kunci: &str, hasil: &mut Vec<String>) {
        match v {
            serde_json::Value::String(x)
                if !x.is_empty() && !matches!(kunci, "jenis" | "pola_distribusi_svg") =>
            {
                hasil.push(x.clone());
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| kumpul(x, kunci, hasil)),
            serde_json::Value::Object(o) => o.iter().for_each(|(k, x)| kumpul(x, k, hasil)),
            _ => {}
        }
    }
    let mut hasil = Vec::new();
    kumpul(&serde_json::to_value(dok).unwrap(), "", &mut hasil);
    hasil
}

/// The XMP metadata claims PDF/A-2b.
fn pdf_a_2(pdf: &[u8]) -> bool {
    let teks = String::from_utf8_lossy(pdf);
    (teks.contains("<pdfaid:part>2</pdfaid:part>") || teks.contains("pdfaid:part=\"2\""))
        && (teks.contains("<pdfaid:conformance>B</pdfaid:conformance>")
            || teks.contains("pdfaid:conformance=\"B\""))
}

struct Hasil {
    /// `pdftotext -layout`.
    teks: String,
    /// `pdftotext -raw` (content order; rotated text such as the DRAF mark included).
    raw: String,
    halaman: usize,
}

/// Renders, writes PDF and PNG pages, extracts the text; checks every value and `tambahan`.
fn periksa(nama: &str, dok: &Dokumen, tambahan: &[&str]) -> Hasil {
    let mulai = Instant::now();
    let pdf = PENYAJI
        .pdf(dok)
        .unwrap_or_else(|e| panic!("{nama}: render gagal: {e}"));
    eprintln!(
        "[waktu] {nama}: {:.0} ms (debug build), {} KiB",
        mulai.elapsed().as_secs_f64() * 1000.0,
        pdf.len() / 1024
    );
    assert!(pdf.starts_with(b"%PDF-"), "{nama}: bukan PDF");
    assert!(
        pdf_a_2(&pdf),
        "{nama}: bukan PDF/A-2b (ekspor jatuh ke PDF biasa)"
    );

    let folder = folder_golden();
    let berkas = folder.join(format!("{nama}.pdf"));
    std::fs::write(&berkas, &pdf).unwrap();
    let berkas_s = berkas.to_str().unwrap();

    let layout = jalankan("pdftotext", &["-layout", berkas_s, "-"]);
    assert!(layout.status.success(), "{nama}: pdftotext gagal");
    let layout = String::from_utf8_lossy(&layout.stdout).into_owned();
    let raw = jalankan("pdftotext", &["-raw", berkas_s, "-"]);
    let raw = String::from_utf8_lossy(&raw.stdout).into_owned();
    std::fs::write(folder.join(format!("{nama}.txt")), &layout).unwrap();

    let (padat_layout, padat_raw) = (padat(&layout), padat(&raw));
    let kata_raw: Vec<&str> = raw.split_whitespace().collect();
    let mut hilang = Vec::new();
    let mut harus: Vec<String> = nilai_nilai(dok);
    harus.extend(tambahan.iter().map(|x| x.to_string()));
    harus.push(format!(
        "Keaslian dokumen ini dapat diperiksa di {}",
        dok.verifikasi.url
    ));
    for x in &harus {
        let p = padat(x);
        let kata: Vec<&str> = x.split_whitespace().collect();
        if !padat_raw.contains(&p) && !padat_layout.contains(&p) && !berurutan(&kata_raw, &kata) {
            hilang.push(x.clone());
        }
    }
    assert!(
        hilang.is_empty(),
        "{nama}: tidak tercetak: {hilang:#?}\n--- teks ---\n{layout}"
    );

    let info = jalankan("pdfinfo", &[berkas_s]);
    let info = String::from_utf8_lossy(&info.stdout).into_owned();
    let halaman: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo: Pages");
    let judul = dok.judul.join(" ");
    assert!(info.contains(&judul), "{nama}: judul PDF tidak ada: {info}");
    for h in 1..=halaman {
        let baris = format!("Halaman {h} dari {halaman}");
        assert!(
            padat_layout.contains(&padat(&baris)),
            "{nama}: {baris} tidak ada"
        );
    }

    // PNG pages for a look; missing pdftoppm is the only failure.
    let awalan = folder.join(nama);
    let _ = jalankan(
        "pdftoppm",
        &["-r", "80", "-png", berkas_s, awalan.to_str().unwrap()],
    );

    Hasil {
        teks: layout,
        raw,
        halaman,
    }
}

const KEPALA_SKP: &[&str] = &[
    "NO",
    "PEGAWAI YANG DINILAI",
    "PEJABAT PENILAI KINERJA",
    "NAMA",
    "NIP",
    "PANGKAT/GOL. RUANG",
    "JABATAN",
    "UNIT KERJA",
    "HASIL KERJA",
    "A. UTAMA",
    "B. TAMBAHAN",
    "PERILAKU KERJA",
    "Ekspektasi Khusus Pimpinan:",
    "LAMPIRAN SASARAN KINERJA PEGAWAI",
    "DUKUNGAN SUMBER DAYA",
    "SKEMA PERTANGGUNGJAWABAN",
    "KONSEKUENSI",
];

fn gabung(a: &[&'static str], b: &[&'static str]) -> Vec<&'static str> {
    a.iter().chain(b).copied().collect()
}

#[test]
fn skp_format_1_kualitatif_jpt() {
    let h = periksa(
        "skp-format-1",
        &skp(1, 3, 2),
        &gabung(
            KEPALA_SKP,
            &[
                "INSTANSI",
                "NIP. 197011252002051077",
                "Ukuran keberhasilan/ Indikator Kinerja Individu, Target, dan Perspektif:",
                "IKI 1.1:",
                "Target: 3,5 (Baik)",
                "Perspektif: Penerima Layanan",
                "(Penugasan dari: Wali Kota Bekasi)",
            ],
        ),
    );
    assert!(h.halaman >= 2);
    assert!(!h.raw.contains("DRAF"), "dokumen final bertanda DRAF");
}

#[test]
fn skp_format_2_kuantitatif_jpt() {
    periksa(
        "skp-format-2",
        &skp(2, 3, 2),
        &gabung(
            KEPALA_SKP,
            &[
                "RENCANA HASIL KERJA",
                "INDIKATOR KINERJA INDIVIDU",
                "TARGET",
                "PERSPEKTIF",
                "(1) (2) (3) (4) (5)",
            ],
        ),
    );
}

#[test]
fn skp_format_3_kualitatif_ja_jf() {
    periksa(
        "skp-format-3",
        &skp(3, 3, 2),
        &gabung(
            KEPALA_SKP,
            &[
                "Ukuran keberhasilan/ Indikator Kinerja Individu dan Target:",
                "Rencana Hasil Kerja Pimpinan yang Diintervensi:",
                "Aspek: Kuantitas",
            ],
        ),
    );
}

#[test]
fn skp_format_4_kuantitatif_ja_jf() {
    periksa(
        "skp-format-4",
        &skp(4, 3, 3),
        &gabung(
            KEPALA_SKP,
            &[
                "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI",
                "ASPEK",
                "(1) (2) (3) (4) (5) (6)",
            ],
        ),
    );
}

#[test]
fn skp_format_5_tugas_belajar_dengan_perjanjian_kerja() {
    let mut dok = skp(5, 2, 1);
    if let Isi::Skp(isi) = &mut dok.isi {
        isi.perjanjian_kerja = Some(s(
            "Perjanjian Kerja PPPK Nomor 800/123/Diskominfostandi tanggal 2 Januari 2026",
        ));
        isi.tambahan.clear();
        isi.lampiran = Lampiran::default();
    }
    dok.draf = true;
    let h = periksa(
        "skp-format-5",
        &dok,
        &gabung(
            KEPALA_SKP,
            &["BAGI PEGAWAI TUGAS BELAJAR", "PERJANJIAN KERJA:", "DRAF"],
        ),
    );
    // The rotated mark comes out letter by letter.
    assert!(padat(&h.raw).contains("DRAF"), "tanda DRAF tidak ada");
}

#[test]
fn skp_panjang_mengalir_ke_beberapa_halaman() {
    for format in [4u8, 3] {
        let dok = skp_panjang(format);
        let h = periksa(&format!("skp-panjang-format-{format}"), &dok, KEPALA_SKP);
        assert!(h.halaman > 2, "format {format}: {} halaman", h.halaman);
        // The repeated table header: the column numbering on every page of the table.
        if format == 4 {
            let kali = h.teks.matches("(6)").count();
            assert!(kali >= 2, "header tabel tidak berulang ({kali})");
        }
    }
}

#[test]
fn evaluasi_format_2_kuantitatif_dengan_kurva() {
    periksa(
        "evaluasi-format-2",
        &evaluasi(2),
        &[
            "EVALUASI KINERJA PEGAWAI",
            "PERIODE: BULAN NOVEMBER 2026",
            "CAPAIAN KINERJA ORGANISASI",
            "POLA DISTRIBUSI:",
            "REALISASI BERDASARKAN BUKTI DUKUNG",
            "UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG",
            "(1) (2) (3) (4) (5) (6) (7)",
            "RATING HASIL KERJA*",
            "RATING PERILAKU KERJA*",
            "PREDIKAT KINERJA PEGAWAI*",
            "Pejabat Penilai Kinerja",
        ],
    );
}

#[test]
fn evaluasi_format_4_kuantitatif_draf() {
    periksa(
        "evaluasi-format-4",
        &evaluasi(4),
        &[
            "EVALUASI KINERJA PEGAWAI",
            "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI",
            "(1) (2) (3) (4) (5) (6) (7) (8)",
            "RATING HASIL KERJA*",
            "PREDIKAT KINERJA PEGAWAI*",
            "DRAF",
        ],
    );
}

#[test]
fn evaluasi_format_3_kualitatif() {
    periksa(
        "evaluasi-format-3",
        &evaluasi(3),
        &[
            "EVALUASI KINERJA PEGAWAI",
            "HASIL KERJA",
            "REALISASI BERDASARKAN BUKTI DUKUNG",
            "UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG",
            "Ukuran keberhasilan/ Indikator Kinerja Individu dan Target:",
            "A. UTAMA",
            "B. TAMBAHAN",
            "DASAR:",
            "RATING HASIL KERJA*",
        ],
    );
}

#[test]
fn dokumen_evaluasi_kinerja() {
    periksa(
        "dokumen-evaluasi",
        &dokumen_evaluasi(),
        &[
            "1. PEGAWAI YANG DINILAI",
            "2. PEJABAT PENILAI KINERJA",
            "3. ATASAN PEJABAT PENILAI KINERJA",
            "4. EVALUASI KINERJA",
            "5. CATATAN/REKOMENDASI",
            "CAPAIAN KINERJA ORGANISASI",
            "PREDIKAT KINERJA PEGAWAI",
            "6. Pejabat Penilai Kinerja",
            "7. Pegawai yang Dinilai",
            "NIP. 199207232019031004",
        ],
    );
}

#[test]
fn umpan_balik_berkala() {
    periksa(
        "umpan-balik",
        &umpan_balik(),
        &[
            "CAPAIAN DAN DATA DUKUNG",
            "UMPAN BALIK BERKALA BERDASARKAN BUKTI DUKUNG",
            "Ukuran keberhasilan/ Indikator Kinerja dan Target:",
            "PERILAKU KERJA",
        ],
    );
}

#[test]
fn manual_indikator_skp_jpt() {
    periksa(
        "manual-indikator",
        &manual_indikator(),
        &[
            "Rencana Hasil Kerja",
            "Indikator Kinerja Individu",
            "Tujuan",
            "Deskripsi",
            "Definisi",
            "Formula",
            "Satuan Pengukuran",
            "Kualitas dan Tingkat Kendali",
            "( ✓ ) Outcome",
            "( ✓ ) Output dengan tingkat kendali rendah",
            "( ✓ ) Tahunan",
            "Sumber Data",
            "Periode Pelaporan",
        ],
    );
}

#[test]
fn matriks_peran_hasil() {
    periksa(
        "matriks-peran-hasil",
        &matriks(),
        &[
            "NAMA DAN JABATAN PEGAWAI",
            "N/A",
            "• Tersusunnya peta rencana SPBE",
        ],
    );
}

#[test]
fn teks_data_tidak_pernah_dievaluasi_sebagai_markup() {
    let mut dok = skp(3, 2, 1);
    let licik = "Budi #Santoso *Tebal* _miring_ $x^2$ <script>alert(1)</script> @label \\ `kode` [x] #{1+1} // bukan komentar";
    if let Isi::Skp(isi) = &mut dok.isi {
        isi.pegawai.nama = s(licik);
        isi.ttd_pegawai.nama = s(licik);
        isi.utama[0].uraian = s("#set page(width: 1cm) = Judul palsu");
        isi.utama[0].iki[0].target = s("100% #pagebreak()");
    }
    dok.judul.push(s("#emph[judul]"));
    let h = periksa("markup-literal", &dok, &[]);
    for x in [
        "#Santoso",
        "*Tebal*",
        "$x^2$",
        "<script>alert(1)</script>",
        "#{1+1}",
        "#pagebreak()",
        "#set page(width: 1cm)",
    ] {
        assert!(h.teks.contains(x), "{x} tidak tercetak apa adanya");
    }
}

#[test]
fn render_serentak_dari_banyak_utas() {
    let dokumen = [skp(1, 3, 2), evaluasi(2), umpan_balik(), matriks()];
    std::thread::scope(|lingkup| {
        for dok in &dokumen {
            let penyaji = Arc::clone(&PENYAJI);
            lingkup.spawn(move || {
                let pdf = penyaji.pdf(dok).expect("render");
                assert!(pdf.starts_with(b"%PDF-"));
            });
        }
    });
}

#[test]
fn waktu_render_per_dokumen() {
    // A rough figure for the lead (debug build, other tests running beside it). Each render gets
    // its own verification code, so typst's cache cannot hand back a whole earlier document.
    let penyaji = Penyaji::baru();
    let dokumen = [
        ("skp-format-1", skp(1, 3, 2)),
        ("skp-format-4", skp(4, 3, 3)),
        ("skp-panjang", skp_panjang(4)),
        ("evaluasi-format-2", evaluasi(2)),
        ("dokumen-evaluasi", dokumen_evaluasi()),
        ("matriks", matriks()),
    ];
    for putaran in 1..=2 {
        for (nama, dok) in &dokumen {
            let mut dok = dok.clone();
            dok.verifikasi = verifikasi(&format!("KNJ-WAKTU-{putaran}-{nama}"));
            let mulai = Instant::now();
            penyaji.pdf(&dok).expect("render");
            eprintln!(
                "[waktu putaran {putaran}] {nama}: {:.0} ms",
                mulai.elapsed().as_secs_f64() * 1000.0
            );
        }
    }
}

#[test]
fn dokumen_tanpa_isi_tetap_tersusun() {
    // Empty lists and missing optional parts must render, not fail.
    let mut daftar = Vec::new();
    for format in 1..=5u8 {
        let mut dok = skp(format, 2, 1);
        if let Isi::Skp(isi) = &mut dok.isi {
            isi.utama.clear();
            isi.tambahan.clear();
            isi.perilaku.clear();
            isi.lampiran = Lampiran::default();
        }
        daftar.push(dok);
        let mut dok = evaluasi(format);
        if let Isi::Evaluasi(isi) = &mut dok.isi {
            isi.utama.clear();
            isi.tambahan = vec![rhk(1, &isi.tata, 0, false)];
            isi.pola_distribusi_svg = None;
            isi.perilaku.clear();
        }
        daftar.push(dok);
    }
    let mut dok = dokumen_evaluasi();
    if let Isi::DokumenEvaluasi(isi) = &mut dok.isi {
        isi.catatan_rekomendasi.clear();
        isi.atasan = Identitas::default();
    }
    daftar.push(dok);
    let mut dok = umpan_balik();
    if let Isi::UmpanBalik(isi) = &mut dok.isi {
        isi.hasil_kerja.clear();
    }
    daftar.push(dok);
    let mut dok = manual_indikator();
    if let Isi::ManualIndikator(isi) = &mut dok.isi {
        isi.entri.clear();
    }
    daftar.push(dok);
    let mut dok = matriks();
    if let Isi::MatriksPeranHasil(isi) = &mut dok.isi {
        isi.kolom.clear();
        isi.baris[0].sel.clear();
    }
    daftar.push(dok);
    let mut dok = matriks();
    if let Isi::MatriksPeranHasil(isi) = &mut dok.isi {
        isi.baris.clear();
    }
    dok.judul.clear();
    daftar.push(dok);
    for dok in &daftar {
        let pdf = PENYAJI
            .pdf(dok)
            .unwrap_or_else(|e| panic!("{:?}: {e}", dok.judul));
        assert!(pdf_a_2(&pdf));
    }
}

#[test]
fn kata_sangat_panjang_tidak_keluar_sel() {
    // Links to bukti dukung are long words; they must wrap inside their cell.
    let mut dok = evaluasi(4);
    if let Isi::Evaluasi(isi) = &mut dok.isi {
        isi.utama[0].realisasi.push(s(
            "https://drive.bekasikota.example/bukti-dukung/2026/diskominfostandi/laporan_evaluasi_mandiri_spbe_triwulan_III_final_revisi_2.pdf",
        ));
        isi.utama[0].umpan_balik.push(s(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
        ));
    }
    periksa("kata-panjang", &dok, &[]);
}

#[test]
fn huruf_di_luar_fon_tetap_tersusun() {
    // A glyph no embedded font has (PDF/A forbids .notdef): still a PDF, plain if need be.
    let mut dok = skp(3, 2, 1);
    if let Isi::Skp(isi) = &mut dok.isi {
        isi.pegawai.nama = s("Wahyu 😀 李小龍 Ṣāliḥ");
    }
    let pdf = PENYAJI.pdf(&dok).expect("render");
    eprintln!("[info] glyph di luar fon: PDF/A-2b = {}", pdf_a_2(&pdf));
}

#[test]
fn kode_qr_terbaca() {
    // Decodes the QR code of a printed page (150 dpi) when zbarimg (zbar-tools) is there.
    if Command::new("zbarimg").arg("--version").output().is_err() {
        eprintln!("[lewati] zbarimg tidak ada: kode QR tidak diperiksa");
        return;
    }
    let dok = evaluasi(4);
    let pdf = PENYAJI.pdf(&dok).expect("render");
    let folder = tempfile::tempdir().unwrap();
    let berkas = folder.path().join("qr.pdf");
    std::fs::write(&berkas, pdf).unwrap();
    let awalan = folder.path().join("halaman");
    let hasil = jalankan(
        "pdftoppm",
        &[
            "-r",
            "150",
            "-png",
            "-f",
            "1",
            "-l",
            "1",
            berkas.to_str().unwrap(),
            awalan.to_str().unwrap(),
        ],
    );
    assert!(hasil.status.success());
    let png = std::fs::read_dir(folder.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "png"))
        .expect("png");
    let baca = jalankan("zbarimg", &["-q", "--raw", png.to_str().unwrap()]);
    let isi = String::from_utf8_lossy(&baca.stdout);
    assert_eq!(isi.trim(), dok.verifikasi.url, "QR: {isi}");
}
