//! A realistic, fictional demo instansi modelled on Pemerintah Kota Bekasi.
//!
//! [`bangun`] is a pure, deterministic generator: the same seed always gives the same units,
//! positions and pegawai (about 3,000), and it writes nothing anywhere. The organisation follows
//! the unit types of Lampiran II of Perwali Bekasi 38/2023 (`bekasi_raters.csv`): every row of
//! that table is staffed by at least one position whose `posisi_lampiran` is the row's position
//! text, placed so that the row's pejabat penilai is found up the superior chain (or is an
//! instansi-wide unique position such as the Sekretaris Daerah). Names of people are invented
//! from common Indonesian given names and family names; the places are Kota Bekasi's.

use std::collections::{HashMap, HashSet};

use kinerja_domain::jabatan::{JenisJabatan, Jenjang};
use kinerja_domain::nip::Nip;
use kinerja_domain::pangkat::{Golongan, GolonganPns, GolonganPppk, StatusAsn};
use kinerja_store::{DataOrganisasi, JabatanImpor, PegawaiImpor, UnitImpor};

/// The password of every demo account.
pub const PASSWORD_DEMO: &str = "demo12345";

/// The name of the demo instansi (also the name of its root unit).
pub const NAMA_INSTANSI: &str = "Pemerintah Kota Bekasi";

/// The place printed on the demo's documents.
pub const KOTA_DEMO: &str = "Bekasi";

/// One account the demo offers on its login page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoLogin {
    /// "Admin BKPSDM", "Kepala Dinas", "Kepala Bidang", "Kepala Seksi", "Jabatan Fungsional",
    /// "Pelaksana".
    pub peran: &'static str,
    /// The NIP for a pegawai, "admin" for the admin.
    pub username: String,
    pub nama: String,
    pub jabatan: String,
}

/// The generated organisation and the accounts to show on the login page.
#[derive(Debug, Clone)]
pub struct Demo {
    pub data: DataOrganisasi,
    /// The admin first, then one pegawai of each kind along one chain of one Dinas: Kepala Dinas
    /// → Kepala Bidang → Kepala Seksi → a jabatan fungsional and a pelaksana in that seksi.
    pub logins: Vec<DemoLogin>,
}

/// Builds the demo instansi from a seed. Pure and deterministic.
pub fn bangun(seed: u64) -> Demo {
    let mut g = Gen::new(seed);
    g.akar();
    g.sekretariat_daerah();
    g.sekretariat_dprd();
    g.inspektorat();
    let logins = g.dinas_biasa();
    g.dinas_ber_uptd();
    g.dinas_pendidikan();
    g.badan();
    g.badan_ber_uptd();
    g.satpol_pp();
    g.rsud();
    g.kecamatan();
    g.bpbd();
    Demo {
        data: DataOrganisasi {
            unit: g.unit,
            jabatan: g.jabatan,
            pegawai: g.pegawai,
        },
        logins,
    }
}

// ---------------------------------------------------------------------------------------------
// Randomness: splitmix64, so the output depends on nothing but the seed.

struct Acak(u64);

impl Acak {
    fn new(seed: u64) -> Acak {
        Acak(seed ^ 0x4B49_4E45_524A_4121)
    }

    fn u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// 0 ..< n (n > 0).
    fn bawah(&mut self, n: usize) -> usize {
        (self.u64() % n.max(1) as u64) as usize
    }

    /// lo ..= hi.
    fn antara(&mut self, lo: u32, hi: u32) -> u32 {
        if hi <= lo {
            return lo;
        }
        lo + (self.u64() % u64::from(hi - lo + 1)) as u32
    }

    fn peluang(&mut self, persen: u32) -> bool {
        self.antara(0, 99) < persen
    }

    fn pilih<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.bawah(xs.len())]
    }
}

// ---------------------------------------------------------------------------------------------
// Names of people.

struct Suku {
    bobot: u32,
    laki: &'static [&'static str],
    perempuan: &'static [&'static str],
    akhir_laki: &'static [&'static str],
    akhir_perempuan: &'static [&'static str],
    /// Mostly Muslim: "Muhammad" prefixes and the hajj titles H./Hj. occur.
    muslim: bool,
    /// Family names are optional (single given names are common).
    nama_tunggal: bool,
}

const SUKU: &[Suku] = &[
    // Javanese
    Suku {
        bobot: 34,
        laki: &[
            "Agus", "Budi", "Joko", "Slamet", "Bambang", "Heru", "Eko", "Dwi", "Tri", "Wahyu",
            "Hadi", "Sugeng", "Teguh", "Yudi", "Arif", "Rudi", "Adi", "Bayu", "Dimas", "Fajar",
            "Sigit", "Puguh", "Gatot", "Hendro", "Anang", "Rahmat", "Prasetyo", "Aji",
        ],
        perempuan: &[
            "Sri", "Dewi", "Endang", "Siti", "Rina", "Wulan", "Ratna", "Ayu", "Indah", "Retno",
            "Yuni", "Tri", "Dwi", "Puji", "Nur", "Sulastri", "Wahyu", "Rini", "Anik", "Tutik",
            "Dyah", "Kartika", "Laras", "Esti",
        ],
        akhir_laki: &[
            "Santoso",
            "Wibowo",
            "Prasetyo",
            "Nugroho",
            "Setiawan",
            "Purnomo",
            "Hartono",
            "Kurniawan",
            "Saputra",
            "Hidayat",
            "Suryadi",
            "Firmansyah",
            "Widodo",
            "Susilo",
            "Raharjo",
            "Wicaksono",
            "Sutrisno",
            "Suharto",
            "Pamungkas",
            "Utomo",
            "Priyanto",
        ],
        akhir_perempuan: &[
            "Wahyuni",
            "Lestari",
            "Rahayu",
            "Handayani",
            "Wulandari",
            "Susanti",
            "Purwanti",
            "Kurniasih",
            "Maharani",
            "Pratiwi",
            "Astuti",
            "Suryani",
            "Wijayanti",
            "Setyowati",
            "Rahmawati",
            "Utami",
            "Puspitasari",
            "Anggraini",
            "Nurhayati",
        ],
        muslim: true,
        nama_tunggal: true,
    },
    // Sundanese
    Suku {
        bobot: 24,
        laki: &[
            "Asep", "Dede", "Ujang", "Cecep", "Yayan", "Dadang", "Iwan", "Deden", "Ade", "Aceng",
            "Hendra", "Ikhsan", "Jajang", "Ridwan", "Yusuf", "Wawan", "Dadan", "Engkus", "Usep",
            "Rohman", "Aep",
        ],
        perempuan: &[
            "Euis", "Neng", "Imas", "Lilis", "Yeni", "Nining", "Cucu", "Elis", "Rini", "Tati",
            "Dedeh", "Nunung", "Ai", "Iis", "Heni", "Yanti", "Ela", "Rika", "Nia", "Wiwin",
        ],
        akhir_laki: &[
            "Saepudin",
            "Sudrajat",
            "Hermawan",
            "Supriatna",
            "Kusnadi",
            "Suhendar",
            "Gunawan",
            "Ruhiyat",
            "Permana",
            "Nurjaman",
            "Sopandi",
            "Mulyana",
            "Somantri",
            "Rusmana",
            "Kurniadi",
            "Sobari",
            "Hidayat",
            "Setiadi",
        ],
        akhir_perempuan: &[
            "Komariah",
            "Rohaeti",
            "Nurhayati",
            "Kurniawati",
            "Fitriani",
            "Sumiati",
            "Rosmiati",
            "Maryani",
            "Juwita",
            "Nurlela",
            "Rostika",
            "Herlina",
            "Mulyati",
            "Sukaesih",
        ],
        muslim: true,
        nama_tunggal: true,
    },
    // Betawi
    Suku {
        bobot: 12,
        laki: &[
            "Muhammad",
            "Ahmad",
            "Abdul",
            "Syaiful",
            "Rahmat",
            "Jamaludin",
            "Zainal",
            "Sofyan",
            "Nasrul",
            "Romli",
            "Jaelani",
            "Mahmud",
            "Rojali",
            "Sarmili",
            "Ma'ruf",
            "Haris",
        ],
        perempuan: &[
            "Nurul", "Siti", "Aminah", "Fatimah", "Zahra", "Rohmah", "Maemunah", "Aisyah",
            "Khadijah", "Nadia", "Mardiana", "Salmah", "Hasanah", "Rohani",
        ],
        akhir_laki: &[
            "Ridwan",
            "Fauzi",
            "Hamdani",
            "Jayadi",
            "Syarifudin",
            "Naseh",
            "Sanusi",
            "Ismail",
            "Junaedi",
            "Marzuki",
            "Rosidi",
            "Bachtiar",
            "Hasbullah",
            "Saleh",
        ],
        akhir_perempuan: &[
            "Aminah",
            "Hasanah",
            "Zulaikha",
            "Rohmawati",
            "Fadilah",
            "Maulida",
            "Sholihah",
            "Nuraini",
            "Zakiyah",
            "Mukaromah",
        ],
        muslim: true,
        nama_tunggal: false,
    },
    // Batak
    Suku {
        bobot: 8,
        laki: &[
            "Rudi",
            "Jhonson",
            "Tigor",
            "Hotman",
            "Parlindungan",
            "Benny",
            "Robert",
            "Daniel",
            "Sahat",
            "Maruli",
            "Togar",
            "Fernando",
            "Bonar",
            "Hasudungan",
            "Roy",
            "Martua",
        ],
        perempuan: &[
            "Maria",
            "Rosmawati",
            "Tiurma",
            "Lamria",
            "Debora",
            "Rosdiana",
            "Yohana",
            "Hotmaida",
            "Sondang",
            "Ruth",
            "Melati",
            "Erna",
            "Lasma",
            "Imelda",
        ],
        akhir_laki: &[
            "Simanjuntak",
            "Siregar",
            "Nasution",
            "Hutapea",
            "Sitompul",
            "Panjaitan",
            "Silalahi",
            "Sinaga",
            "Pardede",
            "Manurung",
            "Lubis",
            "Harahap",
            "Situmorang",
            "Simatupang",
            "Hasibuan",
            "Tampubolon",
            "Sihombing",
            "Napitupulu",
        ],
        akhir_perempuan: &[
            "Simanjuntak",
            "Siregar",
            "Nasution",
            "Hutapea",
            "Sitompul",
            "Panjaitan",
            "Silalahi",
            "Sinaga",
            "Pardede",
            "Manurung",
            "Lubis",
            "Harahap",
            "Situmorang",
            "Simatupang",
            "Hasibuan",
            "Tampubolon",
            "Sihombing",
            "Napitupulu",
        ],
        muslim: false,
        nama_tunggal: false,
    },
    // Minangkabau
    Suku {
        bobot: 7,
        laki: &[
            "Afrizal",
            "Zulkifli",
            "Syafrudin",
            "Irwan",
            "Doni",
            "Rizal",
            "Yusrizal",
            "Efendi",
            "Andri",
            "Febrian",
            "Hendri",
            "Fadli",
            "Zulhendri",
            "Rahmadi",
            "Erwin",
        ],
        perempuan: &[
            "Yulia", "Rahmi", "Fitri", "Novi", "Yessi", "Rina", "Mardiah", "Silvia", "Desi",
            "Vivi", "Elfi", "Yuliana", "Sri", "Mira",
        ],
        akhir_laki: &[
            "Chaniago",
            "Tanjung",
            "Koto",
            "Piliang",
            "Sikumbang",
            "Jambak",
            "Syahputra",
            "Putra",
            "Malik",
            "Yunus",
            "Anwar",
        ],
        akhir_perempuan: &[
            "Putri",
            "Yanti",
            "Marlina",
            "Elvira",
            "Novita",
            "Chaniago",
            "Tanjung",
            "Yusnita",
            "Rahmadani",
            "Fitriani",
        ],
        muslim: true,
        nama_tunggal: false,
    },
    // Bugis-Makassar
    Suku {
        bobot: 4,
        laki: &[
            "Muhammad",
            "Arif",
            "Ilham",
            "Syamsul",
            "Nurdin",
            "Akbar",
            "Hasanuddin",
            "Amiruddin",
            "Baharuddin",
            "Irfan",
        ],
        perempuan: &[
            "Nurul",
            "Fatmawati",
            "Sitti",
            "Hasnah",
            "Nurhaedah",
            "Rosmini",
            "Hadijah",
            "Irma",
        ],
        akhir_laki: &[
            "Mallarangeng",
            "Paturusi",
            "Syamsuddin",
            "Makmur",
            "Lanto",
            "Bakri",
            "Mattalitti",
            "Rasyid",
            "Tahir",
        ],
        akhir_perempuan: &[
            "Haerani",
            "Rahmawati",
            "Nurjannah",
            "Hasmiati",
            "Syamsiah",
            "Ramlah",
            "Rosdiana",
        ],
        muslim: true,
        nama_tunggal: false,
    },
    // Chinese-Indonesian
    Suku {
        bobot: 3,
        laki: &[
            "Hendra", "Budi", "Ferry", "Kevin", "Steven", "Wilson", "Andreas", "Yohanes", "Hartono",
        ],
        perempuan: &[
            "Lina", "Melinda", "Jessica", "Cynthia", "Shinta", "Lily", "Veronika", "Angela",
        ],
        akhir_laki: &[
            "Wijaya", "Gunawan", "Halim", "Tanoto", "Salim", "Hartanto", "Kusuma", "Tjandra",
            "Sugiarto", "Setiadi",
        ],
        akhir_perempuan: &[
            "Wijaya", "Gunawan", "Halim", "Tanoto", "Salim", "Hartanto", "Kusuma", "Tjandra",
            "Sugiarto", "Setiadi",
        ],
        muslim: false,
        nama_tunggal: false,
    },
    // Manado and Maluku
    Suku {
        bobot: 4,
        laki: &[
            "Stevanus", "Frans", "Johny", "Ricky", "Marthen", "Jefry", "Alfons", "Hendrik",
            "Yosias", "Reinhard",
        ],
        perempuan: &[
            "Grace",
            "Meylan",
            "Novita",
            "Stella",
            "Christine",
            "Fransiska",
            "Olivia",
            "Jeane",
        ],
        akhir_laki: &[
            "Wowor",
            "Rumondor",
            "Lumenta",
            "Pattiasina",
            "Sahetapy",
            "Latuheru",
            "Tumbelaka",
            "Mandagi",
            "Tuhumury",
            "Sumampouw",
        ],
        akhir_perempuan: &[
            "Wowor",
            "Rumondor",
            "Lumenta",
            "Pattiasina",
            "Sahetapy",
            "Latuheru",
            "Tumbelaka",
            "Mandagi",
            "Tuhumury",
            "Sumampouw",
        ],
        muslim: false,
        nama_tunggal: false,
    },
];

/// A given name plus family name; whether the hajj titles are plausible.
fn nama_orang(a: &mut Acak, perempuan: bool) -> (String, bool) {
    let total: u32 = SUKU.iter().map(|s| s.bobot).sum();
    let mut x = a.antara(0, total - 1);
    let mut suku = &SUKU[0];
    for s in SUKU {
        if x < s.bobot {
            suku = s;
            break;
        }
        x -= s.bobot;
    }
    let depan_daftar = if perempuan { suku.perempuan } else { suku.laki };
    let akhir_daftar = if perempuan {
        suku.akhir_perempuan
    } else {
        suku.akhir_laki
    };
    let mut bagian: Vec<&str> = Vec::new();
    let depan = a.pilih(depan_daftar);
    if suku.muslim && !perempuan && !matches!(depan, "Muhammad" | "Ahmad" | "Abdul") {
        if a.peluang(10) {
            bagian.push(a.pilih(&["Muhammad", "Ahmad", "Mochamad"]));
        }
    } else if std::ptr::eq(suku, &SUKU[5]) && a.peluang(45) {
        // Bugis nobility title used as part of the name.
        bagian.push("Andi");
    }
    bagian.push(depan);
    if a.peluang(18) {
        let tengah = a.pilih(depan_daftar);
        if tengah != depan && !bagian.contains(&tengah) {
            bagian.push(tengah);
        }
    }
    let tunggal = suku.nama_tunggal && bagian.len() == 1 && a.peluang(12);
    if !tunggal {
        let akhir = a.pilih(akhir_daftar);
        if !bagian.contains(&akhir) {
            bagian.push(akhir);
        }
    }
    if bagian.len() == 1 {
        // A single given name: lengthen it the Javanese/Sundanese way.
        let akhir = a.pilih(akhir_daftar);
        return (format!("{} {akhir}", bagian[0]), suku.muslim);
    }
    (bagian.join(" "), suku.muslim)
}

// ---------------------------------------------------------------------------------------------
// Education and academic titles.

/// Field of study, for the academic titles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ilmu {
    Umum,
    Komputer,
    Ekonomi,
    Hukum,
    Guru,
    GuruPaud,
    Dokter,
    Spesialis,
    DokterGigi,
    Perawat,
    Bidan,
    Apoteker,
    Farmasi,
    Kesehatan,
    Laboratorium,
    Radiologi,
    Gizi,
    Fisioterapi,
    RekamMedis,
    Teknik,
    Statistik,
    Sosial,
    Lingkungan,
    Polpp,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Tingkat {
    Sma,
    Diploma,
    Sarjana,
    Magister,
    Doktor,
}

const SPESIALIS: &[&str] = &[
    "Sp.PD",
    "Sp.A",
    "Sp.OG",
    "Sp.B",
    "Sp.An",
    "Sp.Rad",
    "Sp.JP",
    "Sp.N",
    "Sp.M",
    "Sp.THT-KL",
    "Sp.PK",
    "Sp.KJ",
];

fn gelar_sarjana(a: &mut Acak, ilmu: Ilmu) -> &'static str {
    match ilmu {
        Ilmu::Umum => a.pilih(&[
            "S.Sos.", "S.IP.", "S.AP.", "S.E.", "S.H.", "S.Kom.", "S.T.", "S.Pd.", "S.M.",
        ]),
        Ilmu::Komputer => a.pilih(&["S.Kom.", "S.Kom.", "S.T."]),
        Ilmu::Ekonomi => a.pilih(&["S.E.", "S.E.", "S.Ak."]),
        Ilmu::Hukum => "S.H.",
        Ilmu::Guru => a.pilih(&["S.Pd.", "S.Pd.", "S.Pd.", "S.Pd.I.", "S.Si."]),
        Ilmu::GuruPaud => a.pilih(&["S.Pd.", "S.Pd.", "S.Psi."]),
        Ilmu::Perawat => "S.Kep., Ners",
        Ilmu::Bidan => a.pilih(&["S.Tr.Keb.", "S.Keb., Bd."]),
        Ilmu::Farmasi | Ilmu::Apoteker => "S.Farm.",
        Ilmu::Kesehatan => a.pilih(&["S.K.M.", "S.K.M.", "S.K.M.", "S.Tr.Kes."]),
        Ilmu::Laboratorium => a.pilih(&["S.Tr.AK.", "S.Si."]),
        Ilmu::Radiologi => "S.Tr.Rad.",
        Ilmu::Gizi => "S.Gz.",
        Ilmu::Fisioterapi => "S.Ft.",
        Ilmu::RekamMedis => "S.Tr.RMIK",
        Ilmu::Teknik | Ilmu::Lingkungan => a.pilih(&["S.T.", "S.T.", "S.Si."]),
        Ilmu::Statistik => a.pilih(&["S.Si.", "S.Stat.", "S.Tr.Stat."]),
        Ilmu::Sosial => a.pilih(&["S.Sos.", "S.Psi.", "S.Kesos."]),
        Ilmu::Polpp => a.pilih(&["S.H.", "S.Sos.", "S.IP."]),
        Ilmu::Dokter | Ilmu::Spesialis | Ilmu::DokterGigi => "",
    }
}

fn gelar_magister(a: &mut Acak, ilmu: Ilmu) -> &'static str {
    match ilmu {
        Ilmu::Umum | Ilmu::Polpp => a.pilih(&["M.Si.", "M.M.", "M.AP.", "M.H.", "M.Si."]),
        Ilmu::Komputer => a.pilih(&["M.Kom.", "M.T.", "M.T.I."]),
        Ilmu::Ekonomi => a.pilih(&["M.M.", "M.Ak.", "M.E."]),
        Ilmu::Hukum => a.pilih(&["M.H.", "M.Kn."]),
        Ilmu::Guru | Ilmu::GuruPaud => "M.Pd.",
        Ilmu::Dokter | Ilmu::DokterGigi | Ilmu::Kesehatan => {
            a.pilih(&["M.Kes.", "M.K.M.", "M.A.R.S."])
        }
        Ilmu::Laboratorium
        | Ilmu::Radiologi
        | Ilmu::Gizi
        | Ilmu::Fisioterapi
        | Ilmu::RekamMedis => "M.Kes.",
        Ilmu::Perawat => "M.Kep.",
        Ilmu::Bidan => "M.Keb.",
        Ilmu::Farmasi | Ilmu::Apoteker => "M.Farm.",
        Ilmu::Teknik | Ilmu::Lingkungan => a.pilih(&["M.T.", "M.Si."]),
        Ilmu::Statistik => a.pilih(&["M.Stat.", "M.Si."]),
        Ilmu::Sosial => a.pilih(&["M.Si.", "M.Psi."]),
        Ilmu::Spesialis => "",
    }
}

fn gelar_diploma(a: &mut Acak, ilmu: Ilmu) -> &'static str {
    match ilmu {
        Ilmu::Komputer => "A.Md.Kom.",
        Ilmu::Perawat => "A.Md.Kep.",
        Ilmu::Bidan => "A.Md.Keb.",
        Ilmu::Farmasi | Ilmu::Apoteker => "A.Md.Farm.",
        Ilmu::Kesehatan => "A.Md.Kes.",
        Ilmu::Laboratorium => "A.Md.AK.",
        Ilmu::Radiologi => "A.Md.Rad.",
        Ilmu::Gizi => "A.Md.Gz.",
        Ilmu::Fisioterapi => "A.Md.Ft.",
        Ilmu::RekamMedis => "A.Md.RMIK",
        Ilmu::Ekonomi => a.pilih(&["A.Md.Ak.", "A.Md."]),
        Ilmu::Teknik | Ilmu::Lingkungan => a.pilih(&["A.Md.T.", "A.Md."]),
        _ => "A.Md.",
    }
}

/// "Dr. H. Budi Santoso, S.E., M.Si.", "dr. Rina Wulandari, Sp.A", "Hj. Euis Komariah, S.Pd.".
fn nama_lengkap(a: &mut Acak, perempuan: bool, ilmu: Ilmu, tingkat: Tingkat, tua: bool) -> String {
    let (nama, muslim) = nama_orang(a, perempuan);
    let mut depan: Vec<&str> = Vec::new();
    let mut belakang: Vec<&str> = Vec::new();
    if tingkat == Tingkat::Doktor {
        depan.push("Dr.");
    }
    match tingkat {
        Tingkat::Sma => {}
        Tingkat::Diploma => belakang.push(gelar_diploma(a, ilmu)),
        _ => match ilmu {
            Ilmu::Dokter => depan.push("dr."),
            Ilmu::Spesialis => {
                depan.push("dr.");
                belakang.push(a.pilih(SPESIALIS));
            }
            Ilmu::DokterGigi => depan.push("drg."),
            Ilmu::Apoteker => {
                depan.push("apt.");
                belakang.push("S.Farm.");
            }
            _ => belakang.push(gelar_sarjana(a, ilmu)),
        },
    }
    if tingkat >= Tingkat::Magister {
        let m = gelar_magister(a, ilmu);
        if !m.is_empty() {
            belakang.push(m);
        }
    }
    if muslim && tua && a.peluang(14) {
        depan.push(if perempuan { "Hj." } else { "H." });
    }
    let mut s = depan.join(" ");
    if !s.is_empty() {
        s.push(' ');
    }
    s.push_str(&nama);
    for g in belakang {
        s.push_str(", ");
        s.push_str(g);
    }
    s
}

// ---------------------------------------------------------------------------------------------
// Kinds of pegawai: birth year, TMT, golongan.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kelas {
    Jpt,
    Administrator,
    Pengawas,
    /// A Guru (jabatan fungsional) with the additional task of heading a school.
    KepalaSekolah,
    Fungsional(Jenjang),
    Pelaksana,
}

impl Kelas {
    fn dari_jenis(jenis: JenisJabatan) -> Kelas {
        match jenis {
            JenisJabatan::JptUtama | JenisJabatan::JptMadya | JenisJabatan::JptPratama => {
                Kelas::Jpt
            }
            JenisJabatan::Administrator => Kelas::Administrator,
            JenisJabatan::Pengawas => Kelas::Pengawas,
            // Not used for structural positions; a plausible default.
            JenisJabatan::Fungsional => Kelas::Fungsional(Jenjang::AhliPertama),
            JenisJabatan::Pelaksana => Kelas::Pelaksana,
        }
    }

    /// Inclusive range of birth years.
    fn tahun_lahir(self) -> (u32, u32) {
        match self {
            Kelas::Jpt => (1966, 1977),
            Kelas::Administrator => (1967, 1983),
            Kelas::Pengawas => (1968, 1990),
            Kelas::KepalaSekolah => (1966, 1980),
            Kelas::Fungsional(j) => match j {
                Jenjang::Pemula => (1993, 2001),
                Jenjang::Terampil => (1978, 2000),
                Jenjang::Mahir => (1972, 1993),
                Jenjang::Penyelia => (1966, 1985),
                Jenjang::AhliPertama => (1984, 2000),
                Jenjang::AhliMuda => (1972, 1990),
                Jenjang::AhliMadya => (1966, 1980),
                Jenjang::AhliUtama => (1966, 1972),
            },
            Kelas::Pelaksana => (1966, 2001),
        }
    }

    /// Senior kinds were appointed long ago.
    fn tmt_paling_akhir(self) -> u32 {
        match self {
            Kelas::Jpt | Kelas::KepalaSekolah => 2005,
            Kelas::Administrator => 2008,
            Kelas::Pengawas => 2015,
            Kelas::Fungsional(Jenjang::AhliMadya | Jenjang::AhliUtama | Jenjang::Penyelia) => 2008,
            Kelas::Fungsional(Jenjang::AhliMuda | Jenjang::Mahir) => 2016,
            _ => 2025,
        }
    }

    fn boleh_pppk(self) -> bool {
        matches!(
            self,
            Kelas::Pelaksana
                | Kelas::Fungsional(
                    Jenjang::Pemula | Jenjang::Terampil | Jenjang::Mahir | Jenjang::AhliPertama
                )
        )
    }

    fn tingkat(self, a: &mut Acak, ilmu: Ilmu) -> Tingkat {
        let x = a.antara(0, 99);
        let t = match self {
            Kelas::Jpt => {
                if x < 22 {
                    Tingkat::Doktor
                } else {
                    Tingkat::Magister
                }
            }
            Kelas::Administrator => {
                if x < 65 {
                    Tingkat::Magister
                } else {
                    Tingkat::Sarjana
                }
            }
            Kelas::Pengawas => {
                if x < 25 {
                    Tingkat::Magister
                } else {
                    Tingkat::Sarjana
                }
            }
            Kelas::KepalaSekolah => {
                if x < 40 {
                    Tingkat::Magister
                } else {
                    Tingkat::Sarjana
                }
            }
            Kelas::Fungsional(j) => match j {
                Jenjang::Pemula => Tingkat::Sma,
                Jenjang::Terampil => {
                    if x < 85 {
                        Tingkat::Diploma
                    } else {
                        Tingkat::Sma
                    }
                }
                Jenjang::Mahir => {
                    if x < 70 {
                        Tingkat::Diploma
                    } else {
                        Tingkat::Sarjana
                    }
                }
                Jenjang::Penyelia => {
                    if x < 50 {
                        Tingkat::Diploma
                    } else {
                        Tingkat::Sarjana
                    }
                }
                Jenjang::AhliPertama => {
                    if x < 90 {
                        Tingkat::Sarjana
                    } else {
                        Tingkat::Magister
                    }
                }
                Jenjang::AhliMuda => {
                    if x < 55 {
                        Tingkat::Sarjana
                    } else {
                        Tingkat::Magister
                    }
                }
                Jenjang::AhliMadya => {
                    if x < 15 {
                        Tingkat::Sarjana
                    } else if x < 90 {
                        Tingkat::Magister
                    } else {
                        Tingkat::Doktor
                    }
                }
                Jenjang::AhliUtama => {
                    if x < 50 {
                        Tingkat::Magister
                    } else {
                        Tingkat::Doktor
                    }
                }
            },
            Kelas::Pelaksana => {
                if x < 50 {
                    Tingkat::Sma
                } else if x < 70 {
                    Tingkat::Diploma
                } else {
                    Tingkat::Sarjana
                }
            }
        };
        match ilmu {
            // Doctors hold at least their professional degree; Pol PP keterampilan often none.
            Ilmu::Dokter | Ilmu::Spesialis | Ilmu::DokterGigi | Ilmu::Apoteker => {
                t.max(Tingkat::Sarjana)
            }
            _ => t,
        }
    }

    fn golongan_pns(self, a: &mut Acak, tingkat: Tingkat) -> GolonganPns {
        use GolonganPns as G;
        match self {
            Kelas::Jpt => a.pilih(&[G::IVc, G::IVc, G::IVd]),
            Kelas::Administrator => a.pilih(&[G::IVa, G::IVb]),
            Kelas::Pengawas => a.pilih(&[G::IIIc, G::IIId]),
            Kelas::KepalaSekolah => a.pilih(&[G::IIId, G::IVa, G::IVb]),
            Kelas::Fungsional(j) => match j {
                Jenjang::Pemula => G::IIa,
                Jenjang::Terampil => a.pilih(&[G::IIb, G::IIc, G::IId]),
                Jenjang::Mahir => a.pilih(&[G::IIIa, G::IIIb]),
                Jenjang::Penyelia => a.pilih(&[G::IIIc, G::IIId]),
                Jenjang::AhliPertama => a.pilih(&[G::IIIa, G::IIIb]),
                Jenjang::AhliMuda => a.pilih(&[G::IIIc, G::IIId]),
                Jenjang::AhliMadya => a.pilih(&[G::IVa, G::IVb]),
                // By regulation the Ahli Utama range is IV/d–IV/e.
                Jenjang::AhliUtama => a.pilih(&[G::IVd, G::IVe]),
            },
            Kelas::Pelaksana => match tingkat {
                Tingkat::Sma => a.pilih(&[G::IIa, G::IIb, G::IIc, G::IId]),
                Tingkat::Diploma => a.pilih(&[G::IIc, G::IId, G::IIIa]),
                _ => a.pilih(&[G::IIIa, G::IIIb]),
            },
        }
    }

    /// PPPK golongan (I … XVII) by jenjang / education.
    fn golongan_pppk(self, tingkat: Tingkat) -> u8 {
        match self {
            Kelas::Fungsional(j) => match j {
                Jenjang::Pemula => 5,
                Jenjang::Terampil => 7,
                Jenjang::Mahir => 8,
                Jenjang::Penyelia | Jenjang::AhliPertama => 9,
                Jenjang::AhliMuda => 11,
                Jenjang::AhliMadya => 13,
                Jenjang::AhliUtama => 15,
            },
            _ => match tingkat {
                Tingkat::Sma => 5,
                Tingkat::Diploma => 7,
                _ => 9,
            },
        }
    }
}

/// Who typically holds a position.
#[derive(Debug, Clone, Copy)]
struct Profil {
    kelas: Kelas,
    ilmu: Ilmu,
    /// Percentage of women.
    perempuan: u32,
    /// Percentage of PPPK (only for kinds PPPK are appointed to).
    pppk: u32,
}

// ---------------------------------------------------------------------------------------------
// Jabatan fungsional and pelaksana titles.

/// A jabatan fungsional (titled "<nama> <jenjang>") or a pelaksana title.
#[derive(Debug, Clone, Copy)]
struct Fungsi {
    nama: &'static str,
    ilmu: Ilmu,
    perempuan: u32,
    pppk: u32,
}

const fn fu(nama: &'static str, ilmu: Ilmu, perempuan: u32, pppk: u32) -> Fungsi {
    Fungsi {
        nama,
        ilmu,
        perempuan,
        pppk,
    }
}

/// A position to staff: the function and, for a jabatan fungsional, its jenjang.
type Isian = (Fungsi, Option<Jenjang>);

use Ilmu as I;
use Jenjang as J;

// Pelaksana (titles after the 2024 simplification, plus a few older ones still in use).
const PENGADMINISTRASI: Fungsi = fu("Pengadministrasi Perkantoran", I::Umum, 55, 20);
const OPERATOR_LO: Fungsi = fu("Operator Layanan Operasional", I::Umum, 30, 20);
const PENGELOLA_LO: Fungsi = fu("Pengelola Layanan Operasional", I::Umum, 50, 10);
const PENATA_LO: Fungsi = fu("Penata Layanan Operasional", I::Umum, 50, 6);
const PENGELOLA_KEUANGAN: Fungsi = fu("Pengelola Keuangan", I::Ekonomi, 60, 4);
// Jabatan fungsional of general administration.
const PRANATA_KOMPUTER: Fungsi = fu("Pranata Komputer", I::Komputer, 35, 12);
const ANALIS_SDMA: Fungsi = fu("Analis Sumber Daya Manusia Aparatur", I::Umum, 55, 5);
const PRANATA_SDMA: Fungsi = fu("Pranata Sumber Daya Manusia Aparatur", I::Umum, 55, 5);
const ARSIPARIS: Fungsi = fu("Arsiparis", I::Umum, 60, 10);
const PERENCANA: Fungsi = fu("Perencana", I::Ekonomi, 50, 0);
const ANALIS_KEUANGAN: Fungsi = fu("Analis Keuangan Pusat dan Daerah", I::Ekonomi, 60, 0);
const ANALIS_KEBIJAKAN: Fungsi = fu("Analis Kebijakan", I::Umum, 45, 0);
const PRANATA_HUMAS: Fungsi = fu("Pranata Hubungan Masyarakat", I::Umum, 55, 10);
const PENGELOLA_PBJ: Fungsi = fu("Pengelola Pengadaan Barang/Jasa", I::Teknik, 40, 0);
const PERANCANG_PUU: Fungsi = fu("Perancang Peraturan Perundang-undangan", I::Hukum, 50, 0);
const ANALIS_HUKUM: Fungsi = fu("Analis Hukum", I::Hukum, 50, 5);
const STATISTISI: Fungsi = fu("Statistisi", I::Statistik, 50, 0);
const SANDIMAN: Fungsi = fu("Sandiman", I::Komputer, 30, 0);
const PENGGERAK_SWADAYA: Fungsi = fu("Penggerak Swadaya Masyarakat", I::Sosial, 45, 0);
// Sectoral.
const ADMINDUK: Fungsi = fu("Administrator Database Kependudukan", I::Komputer, 50, 5);
const PENGANTAR_KERJA: Fungsi = fu("Pengantar Kerja", I::Umum, 50, 0);
const MEDIATOR_HI: Fungsi = fu("Mediator Hubungan Industrial", I::Hukum, 40, 0);
const INSTRUKTUR: Fungsi = fu("Instruktur", I::Teknik, 30, 5);
const PENGAWAS_DAGANG: Fungsi = fu("Pengawas Perdagangan", I::Ekonomi, 40, 0);
const PENERA: Fungsi = fu("Penera", I::Teknik, 25, 0);
const PENYULUH_PERINDAG: Fungsi = fu("Penyuluh Perindustrian dan Perdagangan", I::Ekonomi, 45, 5);
const PEKERJA_SOSIAL: Fungsi = fu("Pekerja Sosial", I::Sosial, 60, 12);
const PENYULUH_SOSIAL: Fungsi = fu("Penyuluh Sosial", I::Sosial, 55, 5);
const PDL: Fungsi = fu("Pengendali Dampak Lingkungan", I::Lingkungan, 45, 5);
const PENGAWAS_LH: Fungsi = fu("Pengawas Lingkungan Hidup", I::Lingkungan, 40, 0);
const PKB: Fungsi = fu("Penguji Kendaraan Bermotor", I::Teknik, 10, 5);
const POLPP: Fungsi = fu("Polisi Pamong Praja", I::Polpp, 15, 0);
const AUDITOR: Fungsi = fu("Auditor", I::Ekonomi, 50, 0);
const P2UPD: Fungsi = fu(
    "Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah",
    I::Umum,
    45,
    0,
);
const PENELITI: Fungsi = fu("Peneliti", I::Umum, 50, 0);
const ASESOR_SDMA: Fungsi = fu("Asesor Sumber Daya Manusia Aparatur", I::Sosial, 55, 0);
const WIDYAISWARA: Fungsi = fu("Widyaiswara", I::Umum, 45, 0);
const ANALIS_BENCANA: Fungsi = fu("Analis Kebencanaan", I::Teknik, 30, 0);
// Health.
const DOKTER: Fungsi = fu("Dokter", I::Dokter, 60, 18);
const DOKTER_SP: Fungsi = fu("Dokter", I::Spesialis, 45, 0);
const DOKTER_GIGI: Fungsi = fu("Dokter Gigi", I::DokterGigi, 70, 15);
const PERAWAT: Fungsi = fu("Perawat", I::Perawat, 72, 30);
const BIDAN: Fungsi = fu("Bidan", I::Bidan, 100, 30);
const APOTEKER: Fungsi = fu("Apoteker", I::Apoteker, 75, 15);
const TTK: Fungsi = fu("Tenaga Teknis Kefarmasian", I::Farmasi, 75, 25);
const PRANATA_LAB: Fungsi = fu("Pranata Laboratorium Kesehatan", I::Laboratorium, 65, 20);
const NUTRISIONIS: Fungsi = fu("Nutrisionis", I::Gizi, 85, 20);
const SANITASI: Fungsi = fu("Tenaga Sanitasi Lingkungan", I::Kesehatan, 55, 20);
const EPIDEMIOLOG: Fungsi = fu("Epidemiolog Kesehatan", I::Kesehatan, 55, 5);
const PENYULUH_KESMAS: Fungsi = fu("Penyuluh Kesehatan Masyarakat", I::Kesehatan, 65, 15);
const ADMINKES: Fungsi = fu("Administrator Kesehatan", I::Kesehatan, 55, 0);
const RADIOGRAFER: Fungsi = fu("Radiografer", I::Radiologi, 45, 20);
const PEREKAM_MEDIS: Fungsi = fu("Perekam Medis", I::RekamMedis, 65, 25);
const FISIOTERAPIS: Fungsi = fu("Fisioterapis", I::Fisioterapi, 60, 20);
const ELEKTROMEDIS: Fungsi = fu("Teknisi Elektromedis", I::Teknik, 20, 20);
// Education.
const GURU: Fungsi = fu("Guru", I::Guru, 68, 55);
const GURU_PAUD: Fungsi = fu("Guru", I::GuruPaud, 95, 55);
const PENGAWAS_SEKOLAH: Fungsi = fu("Pengawas Sekolah", I::Guru, 45, 0);
const PENILIK: Fungsi = fu("Penilik", I::Guru, 55, 0);
const PAMONG_BELAJAR: Fungsi = fu("Pamong Belajar", I::Guru, 60, 10);
const PUSTAKAWAN: Fungsi = fu("Pustakawan", I::Umum, 70, 10);
const PLP: Fungsi = fu("Pranata Laboratorium Pendidikan", I::Teknik, 50, 10);

const POOL_UMUM: &[Isian] = &[
    (PENGADMINISTRASI, None),
    (OPERATOR_LO, None),
    (PENGELOLA_LO, None),
    (ANALIS_SDMA, Some(J::AhliPertama)),
    (ANALIS_SDMA, Some(J::AhliMuda)),
    (PRANATA_SDMA, Some(J::Terampil)),
    (PRANATA_SDMA, Some(J::Mahir)),
    (ARSIPARIS, Some(J::Terampil)),
    (ARSIPARIS, Some(J::AhliPertama)),
    (PRANATA_KOMPUTER, Some(J::Terampil)),
];

const POOL_KEUANGAN: &[Isian] = &[
    (PENGELOLA_KEUANGAN, None),
    (PENATA_LO, None),
    (PENGADMINISTRASI, None),
    (ANALIS_KEUANGAN, Some(J::AhliPertama)),
    (ANALIS_KEUANGAN, Some(J::AhliMuda)),
    (ARSIPARIS, Some(J::Penyelia)),
];

const POOL_PERENCANAAN: &[Isian] = &[
    (PENATA_LO, None),
    (PENGELOLA_LO, None),
    (PERENCANA, Some(J::AhliPertama)),
    (PERENCANA, Some(J::AhliMuda)),
    (ANALIS_KEBIJAKAN, Some(J::AhliPertama)),
    (STATISTISI, Some(J::AhliPertama)),
];

fn pool_subbag(nama: &str) -> &'static [Isian] {
    if nama.contains("Keuangan") {
        POOL_KEUANGAN
    } else if nama.contains("Perencanaan") || nama.contains("Program") {
        POOL_PERENCANAAN
    } else {
        POOL_UMUM
    }
}

// ---------------------------------------------------------------------------------------------
// Lampiran II position texts per unit type (exactly as in the CSV).

struct Lampiran {
    tipe: &'static str,
    kepala: &'static str,
    sekretaris: &'static str,
    kasubbag: &'static str,
    kabid: &'static str,
    kasi: &'static str,
    staf_subbag: &'static str,
    staf_bidang: &'static str,
    /// Unit code infix of the units under a Bidang ("SEK" seksi, "SUBBID" sub bidang).
    infiks_seksi: &'static str,
}

const LP_DINAS: Lampiran = Lampiran {
    tipe: "DINAS",
    kepala: "Kepala Dinas",
    sekretaris: "Sekretaris Dinas",
    kasubbag: "Kepala Sub Bagian",
    kabid: "Kepala Bidang",
    kasi: "Kepala Seksi",
    staf_subbag: "Jabatan Fungsional/Pelaksana pada Sub Bagian",
    staf_bidang: "Jabatan Fungsional/Pelaksana pada Bidang",
    infiks_seksi: "SEK",
};

const LP_DINAS_UPTD: Lampiran = Lampiran {
    tipe: "DINAS YANG MEMILIKI UPTD",
    staf_subbag: "Jabatan Fungsional /Pelaksana pada Sub Bagian",
    staf_bidang: "Jabatan Fungsional /Pelaksana pada Bidang",
    ..LP_DINAS
};

const LP_DISDIK: Lampiran = Lampiran {
    tipe: "DINAS PENDIDIKAN",
    ..LP_DINAS_UPTD
};

const LP_BADAN: Lampiran = Lampiran {
    tipe: "BADAN",
    kepala: "Kepala Badan",
    sekretaris: "Sekretaris Badan",
    kasubbag: "Kepala Sub Bagian",
    kabid: "Kepala Bidang",
    kasi: "Kepala Sub Bidang",
    staf_subbag: "Jabatan Fungsional/Pelaksana pada Sub Bagian",
    staf_bidang: "Jabatan Fungsional/Pelaksana pada Bidang",
    infiks_seksi: "SUBBID",
};

const LP_BADAN_UPTD: Lampiran = Lampiran {
    tipe: "BADAN YANG MEMILIKI UPTD",
    ..LP_BADAN
};

const LP_SATPOL: Lampiran = Lampiran {
    tipe: "SATUAN POLISI PAMONG PRAJA",
    kepala: "Kepala Satuan",
    sekretaris: "Sekretaris",
    kasubbag: "Kepala Sub Bagian",
    kabid: "Kepala Bidang",
    kasi: "Kepala Seksi",
    staf_subbag: "Jabatan Fungsional /Pelaksana pada Sub Bagian",
    staf_bidang: "Jabatan Fungsional /Pelaksana pada Bidang",
    infiks_seksi: "SEK",
};

/// A perangkat daerah with the common shape: head, Sekretariat with Sub Bagian, Bidang with
/// Seksi / Sub Bidang.
struct Pd {
    kode: &'static str,
    nama: &'static str,
    kepala: &'static str,
    sekretaris: &'static str,
    subbag: &'static [&'static str],
    bidang: &'static [(&'static str, &'static [&'static str])],
    /// Positions for the staff of the Bidang.
    pool: &'static [Isian],
    /// Field of study of its officials.
    ilmu: Ilmu,
}

/// Codes of the positions of a [`Pd`] built by [`Gen::perangkat`].
struct HasilPd {
    kepala: String,
    sekretaris: String,
    kabid: Vec<String>,
    kasi: Vec<Vec<String>>,
    unit_bidang: Vec<String>,
    unit_seksi: Vec<Vec<String>>,
}

/// A UPTD / UPT of a Dinas or Badan.
struct Uptd {
    nama: &'static str,
    /// Field of study of its head.
    ilmu: Ilmu,
    pool: &'static [Isian],
    /// Number of staff positions (each with one to three holders).
    posisi: (u32, u32),
}

/// The Lampiran II positions of a UPTD: head, Kasubbag TU, staff.
struct LampiranUptd {
    kepala: &'static str,
    kasubbag_tu: &'static str,
    staf: &'static str,
}

// ---------------------------------------------------------------------------------------------
// The generator.

const PEMKOT: &str = "PEMKOT";
const WALIKOTA: &str = "PEMKOT-WALIKOTA";
const SEKDA: &str = "SETDA-SEKDA";

/// A position to create.
struct Jab<'a> {
    unit: &'a str,
    /// Code suffix; empty for an automatic one.
    tag: &'a str,
    nama: String,
    jenis: JenisJabatan,
    jenjang: Option<Jenjang>,
    posisi: &'a str,
    atasan: &'a str,
}

struct Gen {
    a: Acak,
    unit: Vec<UnitImpor>,
    jabatan: Vec<JabatanImpor>,
    pegawai: Vec<PegawaiImpor>,
    nip: HashSet<String>,
    nomor: HashMap<String, u32>,
}

impl Gen {
    fn new(seed: u64) -> Gen {
        Gen {
            a: Acak::new(seed),
            unit: Vec::new(),
            jabatan: Vec::new(),
            pegawai: Vec::new(),
            nip: HashSet::new(),
            nomor: HashMap::new(),
        }
    }

    fn unit(&mut self, kode: &str, nama: &str, induk: Option<&str>, tipe: Option<&str>) {
        self.unit.push(UnitImpor {
            kode: kode.to_string(),
            nama: nama.to_string(),
            induk_kode: induk.map(str::to_string),
            tipe_lampiran: tipe.map(str::to_string),
        });
    }

    fn jabatan(&mut self, j: Jab) -> String {
        let kode = if j.tag.is_empty() {
            let awalan = if j.jenis == JenisJabatan::Fungsional {
                "F"
            } else {
                "P"
            };
            let n = self
                .nomor
                .entry(format!("{}-{awalan}", j.unit))
                .or_insert(0);
            *n += 1;
            format!("{}-{awalan}{:02}", j.unit, *n)
        } else {
            format!("{}-{}", j.unit, j.tag)
        };
        self.jabatan.push(JabatanImpor {
            kode: kode.clone(),
            unit_kode: j.unit.to_string(),
            nama: j.nama,
            jenis_jabatan: Some(j.jenis),
            jenjang: j.jenjang,
            posisi_lampiran: Some(j.posisi.to_string()),
            atasan_kode: Some(j.atasan.to_string()),
            plt_nip: None,
            plh_nip: None,
            pemangku_non_asn: None,
        });
        kode
    }

    /// Adds `n` holders of position `kode`; returns their NIPs.
    fn isi(&mut self, kode: &str, profil: Profil, n: u32) -> Vec<Nip> {
        (0..n)
            .map(|_| {
                let p = self.orang(profil, Some(kode));
                let nip = p.nip.clone();
                self.pegawai.push(p);
                nip
            })
            .collect()
    }

    /// A structural position with its one holder.
    fn pejabat(&mut self, j: Jab, ilmu: Ilmu) -> String {
        let kelas = Kelas::dari_jenis(j.jenis);
        let kode = self.jabatan(j);
        let perempuan = if kelas == Kelas::Jpt { 22 } else { 33 };
        self.isi(
            &kode,
            Profil {
                kelas,
                ilmu,
                perempuan,
                pppk: 0,
            },
            1,
        );
        kode
    }

    /// A jabatan fungsional or pelaksana position with `n` holders.
    fn staf(&mut self, unit: &str, atasan: &str, posisi: &str, isian: Isian, n: u32) -> String {
        let (f, jenjang) = isian;
        let (jenis, nama, kelas) = match jenjang {
            Some(j) => (
                JenisJabatan::Fungsional,
                format!("{} {}", f.nama, j.label()),
                Kelas::Fungsional(j),
            ),
            None => (
                JenisJabatan::Pelaksana,
                f.nama.to_string(),
                Kelas::Pelaksana,
            ),
        };
        let kode = self.jabatan(Jab {
            unit,
            tag: "",
            nama,
            jenis,
            jenjang,
            posisi,
            atasan,
        });
        self.isi(
            &kode,
            Profil {
                kelas,
                ilmu: f.ilmu,
                perempuan: f.perempuan,
                pppk: f.pppk,
            },
            n,
        );
        kode
    }

    /// Between `posisi.0` and `posisi.1` distinct positions from `pool`, each with between
    /// `pemangku.0` and `pemangku.1` holders.
    fn regu(
        &mut self,
        unit: &str,
        atasan: &str,
        lampiran: &str,
        pool: &[Isian],
        posisi: (u32, u32),
        pemangku: (u32, u32),
    ) {
        let k = (self.a.antara(posisi.0, posisi.1) as usize).min(pool.len());
        let mut urut: Vec<usize> = (0..pool.len()).collect();
        for i in 0..k {
            let j = i + self.a.bawah(urut.len() - i);
            urut.swap(i, j);
        }
        urut.truncate(k);
        urut.sort_unstable();
        for i in urut {
            let n = self.a.antara(pemangku.0, pemangku.1);
            self.staf(unit, atasan, lampiran, pool[i], n);
        }
    }

    /// One pegawai of the given kind.
    fn orang(&mut self, profil: Profil, jabatan: Option<&str>) -> PegawaiImpor {
        let a = &mut self.a;
        let perempuan = a.peluang(profil.perempuan);
        let pppk = profil.kelas.boleh_pppk() && a.peluang(profil.pppk);
        let tingkat = profil.kelas.tingkat(a, profil.ilmu);
        let (lo, hi) = if pppk {
            let (lo, hi) = profil.kelas.tahun_lahir();
            (lo.max(1972), hi.min(1999).max(lo.max(1972)))
        } else {
            profil.kelas.tahun_lahir()
        };
        let lahir = a.antara(lo, hi);
        let bulan_lahir = a.antara(1, 12);
        let hari_lahir = a.antara(1, 28);
        let (tmt, bulan_tmt) = if pppk {
            let tahun = a.pilih(&[2019, 2021, 2022, 2022, 2023, 2023, 2024, 2024, 2025]);
            let bulan = match tahun {
                2019 => 2,
                2025 => a.pilih(&[3, 6, 10]),
                _ => a.pilih(&[1, 3, 4, 7, 9]),
            };
            (tahun.max(lahir + 21), bulan)
        } else {
            let usia = if tingkat >= Tingkat::Sarjana { 23 } else { 21 };
            let lo = lahir + usia;
            let hi = (lahir + 33)
                .min(profil.kelas.tmt_paling_akhir())
                .max(lo)
                .min(2025);
            let lo = lo.min(hi);
            (a.antara(lo, hi), a.pilih(&[1, 1, 3, 3, 4, 12, 2, 5, 6, 10]))
        };
        let golongan = if pppk {
            let n = profil.kelas.golongan_pppk(tingkat);
            Golongan::Pppk(GolonganPppk::new(n).expect("PPPK golongan is 1..=17"))
        } else {
            Golongan::Pns(profil.kelas.golongan_pns(a, tingkat))
        };
        let nama = nama_lengkap(a, perempuan, profil.ilmu, tingkat, lahir < 1982);
        let jk = if perempuan { 2 } else { 1 };
        let mut urut = a.antara(1, 250);
        let nip = loop {
            let s = format!(
                "{lahir:04}{bulan_lahir:02}{hari_lahir:02}{tmt:04}{bulan_tmt:02}{jk}{urut:03}"
            );
            if self.nip.insert(s.clone()) {
                break s;
            }
            urut = urut % 999 + 1;
        };
        PegawaiImpor {
            nip: Nip::parse(&nip).expect("generated NIP is valid"),
            nama,
            status_asn: if pppk {
                StatusAsn::Pppk
            } else {
                StatusAsn::Pns
            },
            golongan,
            jabatan_kode: jabatan.map(str::to_string),
            email: None,
        }
    }

    /// The NIP of the (first) holder of a position.
    fn pemangku(&self, kode: &str) -> Option<&PegawaiImpor> {
        self.pegawai
            .iter()
            .find(|p| p.jabatan_kode.as_deref() == Some(kode))
    }

    /// Removes the holder of a structural position: it becomes vacant.
    fn kosongkan(&mut self, kode: &str) {
        self.pegawai
            .retain(|p| p.jabatan_kode.as_deref() != Some(kode));
    }

    fn jabatan_mut(&mut self, kode: &str) -> Option<&mut JabatanImpor> {
        self.jabatan.iter_mut().find(|j| j.kode == kode)
    }

    fn login(&self, peran: &'static str, kode: &str) -> DemoLogin {
        let p = self.pemangku(kode);
        let j = self.jabatan.iter().find(|j| j.kode == kode);
        DemoLogin {
            peran,
            username: p.map(|p| p.nip.to_string()).unwrap_or_default(),
            nama: p.map(|p| p.nama.clone()).unwrap_or_default(),
            jabatan: j.map(|j| j.nama.clone()).unwrap_or_default(),
        }
    }

    // --- the organisation ---------------------------------------------------------------

    fn akar(&mut self) {
        self.unit(PEMKOT, NAMA_INSTANSI, None, None);
        let nama = loop {
            let (nama, muslim) = nama_orang(&mut self.a, false);
            if muslim {
                break nama;
            }
        };
        self.jabatan.push(JabatanImpor {
            kode: WALIKOTA.to_string(),
            unit_kode: PEMKOT.to_string(),
            nama: format!("Wali Kota {KOTA_DEMO}"),
            jenis_jabatan: None,
            jenjang: None,
            posisi_lampiran: Some("Wali Kota".to_string()),
            atasan_kode: None,
            plt_nip: None,
            plh_nip: None,
            pemangku_non_asn: Some(format!("Dr. H. {nama}, S.E., M.M.")),
        });
    }

    /// A perangkat daerah of the common shape.
    fn perangkat(&mut self, pd: &Pd, lp: &Lampiran) -> HasilPd {
        self.unit(pd.kode, pd.nama, Some(PEMKOT), Some(lp.tipe));
        let kepala = self.pejabat(
            Jab {
                unit: pd.kode,
                tag: "KEPALA",
                nama: pd.kepala.to_string(),
                jenis: JenisJabatan::JptPratama,
                jenjang: None,
                posisi: lp.kepala,
                atasan: WALIKOTA,
            },
            pd.ilmu,
        );
        let sekr = format!("{}-SEKR", pd.kode);
        self.unit(
            &sekr,
            &format!("Sekretariat {}", pd.nama),
            Some(pd.kode),
            None,
        );
        let sekretaris = self.pejabat(
            Jab {
                unit: &sekr,
                tag: "KEPALA",
                nama: pd.sekretaris.to_string(),
                jenis: JenisJabatan::Administrator,
                jenjang: None,
                posisi: lp.sekretaris,
                atasan: &kepala,
            },
            I::Umum,
        );
        if self.a.peluang(50) {
            // An analyst working directly for the secretary.
            let n = self.a.antara(1, 2);
            self.staf(
                &sekr,
                &sekretaris,
                lp.staf_subbag,
                (ANALIS_KEBIJAKAN, Some(J::AhliMuda)),
                n,
            );
        }
        for (i, sb) in pd.subbag.iter().enumerate() {
            let u = format!("{sekr}-SUB{}", i + 1);
            self.unit(&u, sb, Some(&sekr), None);
            let k = self.pejabat(
                Jab {
                    unit: &u,
                    tag: "KEPALA",
                    nama: format!("Kepala {sb}"),
                    jenis: JenisJabatan::Pengawas,
                    jenjang: None,
                    posisi: lp.kasubbag,
                    atasan: &sekretaris,
                },
                I::Umum,
            );
            self.regu(&u, &k, lp.staf_subbag, pool_subbag(sb), (2, 3), (1, 3));
        }
        let mut hasil = HasilPd {
            kepala,
            sekretaris,
            kabid: Vec::new(),
            kasi: Vec::new(),
            unit_bidang: Vec::new(),
            unit_seksi: Vec::new(),
        };
        for (i, (bid, seksi)) in pd.bidang.iter().enumerate() {
            let u = format!("{}-BID{}", pd.kode, i + 1);
            self.unit(&u, bid, Some(pd.kode), None);
            let kabid = self.pejabat(
                Jab {
                    unit: &u,
                    tag: "KEPALA",
                    nama: format!("Kepala {bid}"),
                    jenis: JenisJabatan::Administrator,
                    jenjang: None,
                    posisi: lp.kabid,
                    atasan: &hasil.kepala,
                },
                pd.ilmu,
            );
            if self.a.peluang(50) {
                // A senior jabatan fungsional directly under the Kepala Bidang.
                self.regu(&u, &kabid, lp.staf_bidang, pd.pool, (1, 1), (1, 2));
            }
            let mut kasi = Vec::new();
            let mut unit_seksi = Vec::new();
            for (j, s) in seksi.iter().enumerate() {
                let us = format!("{u}-{}{}", lp.infiks_seksi, j + 1);
                self.unit(&us, s, Some(&u), None);
                let k = self.pejabat(
                    Jab {
                        unit: &us,
                        tag: "KEPALA",
                        nama: format!("Kepala {s}"),
                        jenis: JenisJabatan::Pengawas,
                        jenjang: None,
                        posisi: lp.kasi,
                        atasan: &kabid,
                    },
                    pd.ilmu,
                );
                self.regu(&us, &k, lp.staf_bidang, pd.pool, (2, 3), (1, 3));
                kasi.push(k);
                unit_seksi.push(us);
            }
            hasil.kabid.push(kabid);
            hasil.kasi.push(kasi);
            hasil.unit_bidang.push(u);
            hasil.unit_seksi.push(unit_seksi);
        }
        hasil
    }

    /// A UPTD with its head, a Sub Bagian Tata Usaha and staff.
    fn uptd(&mut self, induk: &str, nomor: usize, kepala_pd: &str, u: &Uptd, lp: &LampiranUptd) {
        let kode = format!("{induk}-UPTD{nomor}");
        self.unit(&kode, u.nama, Some(induk), None);
        let kepala = self.pejabat(
            Jab {
                unit: &kode,
                tag: "KEPALA",
                nama: format!("Kepala {}", u.nama),
                jenis: JenisJabatan::Administrator,
                jenjang: None,
                posisi: lp.kepala,
                atasan: kepala_pd,
            },
            u.ilmu,
        );
        let tu = format!("{kode}-TU");
        self.unit(&tu, "Sub Bagian Tata Usaha", Some(&kode), None);
        let kasubbag = self.pejabat(
            Jab {
                unit: &tu,
                tag: "KEPALA",
                nama: format!("Kepala Sub Bagian Tata Usaha {}", u.nama),
                jenis: JenisJabatan::Pengawas,
                jenjang: None,
                posisi: lp.kasubbag_tu,
                atasan: &kepala,
            },
            I::Umum,
        );
        let tata_usaha: &[Isian] = &[
            (PENGADMINISTRASI, None),
            (PENGELOLA_KEUANGAN, None),
            (OPERATOR_LO, None),
        ];
        self.regu(&tu, &kasubbag, lp.staf, tata_usaha, (1, 2), (1, 2));
        self.regu(&kode, &kepala, lp.staf, u.pool, u.posisi, (1, 3));
    }

    fn sekretariat_daerah(&mut self) {
        const T: &str = "SEKRETARIAT DAERAH";
        const STAF: &str = "Jabatan Fungsional/Pelaksana";
        self.unit("SETDA", "Sekretariat Daerah", Some(PEMKOT), Some(T));
        let sekda = self.pejabat(
            Jab {
                unit: "SETDA",
                tag: "SEKDA",
                nama: "Sekretaris Daerah".to_string(),
                jenis: JenisJabatan::JptPratama,
                jenjang: None,
                posisi: "Sekretaris Daerah",
                atasan: WALIKOTA,
            },
            I::Umum,
        );
        debug_assert_eq!(sekda, SEKDA);
        let staf_ahli = [
            "Staf Ahli Wali Kota Bidang Hukum, Politik dan Pemerintahan",
            "Staf Ahli Wali Kota Bidang Ekonomi, Keuangan dan Pembangunan",
            "Staf Ahli Wali Kota Bidang Kemasyarakatan dan Sumber Daya Manusia",
        ];
        for (i, nama) in staf_ahli.iter().enumerate() {
            self.pejabat(
                Jab {
                    unit: "SETDA",
                    tag: &format!("SA{}", i + 1),
                    nama: nama.to_string(),
                    jenis: JenisJabatan::JptPratama,
                    jenjang: None,
                    posisi: "Staf Ahli Wali Kota",
                    atasan: SEKDA,
                },
                I::Umum,
            );
        }
        type Bagian = (&'static str, [&'static str; 2], &'static [Isian]);
        let asisten: [(&str, [Bagian; 3]); 3] = [
            (
                "Asisten Pemerintahan dan Kesejahteraan Rakyat",
                [
                    (
                        "Bagian Tata Pemerintahan",
                        ["Sub Bagian Pemerintahan Umum", "Sub Bagian Otonomi Daerah"],
                        &[
                            (ANALIS_KEBIJAKAN, Some(J::AhliPertama)),
                            (ANALIS_KEBIJAKAN, Some(J::AhliMuda)),
                            (PENGADMINISTRASI, None),
                            (PENGELOLA_LO, None),
                        ],
                    ),
                    (
                        "Bagian Kesejahteraan Rakyat",
                        [
                            "Sub Bagian Bina Mental Spiritual",
                            "Sub Bagian Kesejahteraan Sosial",
                        ],
                        &[
                            (ANALIS_KEBIJAKAN, Some(J::AhliPertama)),
                            (PENGADMINISTRASI, None),
                            (PENGELOLA_LO, None),
                            (PENATA_LO, None),
                        ],
                    ),
                    (
                        "Bagian Hukum",
                        ["Sub Bagian Perundang-undangan", "Sub Bagian Bantuan Hukum"],
                        &[
                            (PERANCANG_PUU, Some(J::AhliPertama)),
                            (PERANCANG_PUU, Some(J::AhliMuda)),
                            (ANALIS_HUKUM, Some(J::AhliPertama)),
                            (ANALIS_HUKUM, Some(J::AhliMuda)),
                            (PENGADMINISTRASI, None),
                        ],
                    ),
                ],
            ),
            (
                "Asisten Perekonomian dan Pembangunan",
                [
                    (
                        "Bagian Perekonomian",
                        ["Sub Bagian Perekonomian", "Sub Bagian Sumber Daya Alam"],
                        &[
                            (ANALIS_KEBIJAKAN, Some(J::AhliPertama)),
                            (PENGELOLA_LO, None),
                            (PENATA_LO, None),
                        ],
                    ),
                    (
                        "Bagian Administrasi Pembangunan",
                        [
                            "Sub Bagian Penyusunan Program",
                            "Sub Bagian Pengendalian Pembangunan",
                        ],
                        &[
                            (PERENCANA, Some(J::AhliPertama)),
                            (PERENCANA, Some(J::AhliMuda)),
                            (PENATA_LO, None),
                            (PENGADMINISTRASI, None),
                        ],
                    ),
                    (
                        "Bagian Pengadaan Barang dan Jasa",
                        [
                            "Sub Bagian Pengelolaan Pengadaan Barang/Jasa",
                            "Sub Bagian Layanan Pengadaan Secara Elektronik",
                        ],
                        &[
                            (PENGELOLA_PBJ, Some(J::AhliPertama)),
                            (PENGELOLA_PBJ, Some(J::AhliMuda)),
                            (PRANATA_KOMPUTER, Some(J::Mahir)),
                            (PENGELOLA_LO, None),
                        ],
                    ),
                ],
            ),
            (
                "Asisten Administrasi Umum",
                [
                    (
                        "Bagian Umum",
                        ["Sub Bagian Tata Usaha", "Sub Bagian Rumah Tangga"],
                        &[
                            (PENGADMINISTRASI, None),
                            (OPERATOR_LO, None),
                            (PENGELOLA_LO, None),
                            (ARSIPARIS, Some(J::Terampil)),
                            (ARSIPARIS, Some(J::Mahir)),
                        ],
                    ),
                    (
                        "Bagian Organisasi",
                        [
                            "Sub Bagian Kelembagaan dan Analisis Jabatan",
                            "Sub Bagian Reformasi Birokrasi dan Akuntabilitas Kinerja",
                        ],
                        &[
                            (ANALIS_KEBIJAKAN, Some(J::AhliPertama)),
                            (ANALIS_KEBIJAKAN, Some(J::AhliMuda)),
                            (ANALIS_SDMA, Some(J::AhliPertama)),
                            (PENATA_LO, None),
                        ],
                    ),
                    (
                        "Bagian Protokol dan Komunikasi Pimpinan",
                        ["Sub Bagian Protokol", "Sub Bagian Komunikasi Pimpinan"],
                        &[
                            (PRANATA_HUMAS, Some(J::Terampil)),
                            (PRANATA_HUMAS, Some(J::AhliPertama)),
                            (PENGELOLA_LO, None),
                            (OPERATOR_LO, None),
                        ],
                    ),
                ],
            ),
        ];
        let mut kabag_tapem = String::new();
        for (i, (nama_as, bagian)) in asisten.iter().enumerate() {
            let ua = format!("SETDA-AS{}", i + 1);
            self.unit(&ua, nama_as, Some("SETDA"), None);
            let as_kode = self.pejabat(
                Jab {
                    unit: &ua,
                    tag: "KEPALA",
                    nama: nama_as.to_string(),
                    jenis: JenisJabatan::JptPratama,
                    jenjang: None,
                    posisi: "Asisten Daerah",
                    atasan: SEKDA,
                },
                I::Umum,
            );
            for (j, (nama_bag, subbag, pool)) in bagian.iter().enumerate() {
                let ub = format!("{ua}-BAG{}", j + 1);
                self.unit(&ub, nama_bag, Some(&ua), None);
                let kabag = self.pejabat(
                    Jab {
                        unit: &ub,
                        tag: "KEPALA",
                        nama: format!("Kepala {nama_bag}"),
                        jenis: JenisJabatan::Administrator,
                        jenjang: None,
                        posisi: "Kepala Bagian",
                        atasan: &as_kode,
                    },
                    if nama_bag.contains("Hukum") {
                        I::Hukum
                    } else {
                        I::Umum
                    },
                );
                if *nama_bag == "Bagian Tata Pemerintahan" {
                    kabag_tapem = kabag.clone();
                }
                if self.a.peluang(60) {
                    // Jabatan fungsional working directly for the Kepala Bagian.
                    self.regu(&ub, &kabag, STAF, pool, (1, 1), (1, 2));
                }
                for (k, sb) in subbag.iter().enumerate() {
                    let us = format!("{ub}-SUB{}", k + 1);
                    self.unit(&us, sb, Some(&ub), None);
                    let kasubbag = self.pejabat(
                        Jab {
                            unit: &us,
                            tag: "KEPALA",
                            nama: format!("Kepala {sb}"),
                            jenis: JenisJabatan::Pengawas,
                            jenjang: None,
                            posisi: "Kepala Sub Bagian",
                            atasan: &kabag,
                        },
                        I::Umum,
                    );
                    self.regu(&us, &kasubbag, STAF, pool, (2, 3), (1, 3));
                }
            }
        }
        // Plh: the Kepala Bagian Hukum is vacant (the official is on long leave / moved) and the
        // Kepala Bagian Tata Pemerintahan acts as Plh.
        let hukum = "SETDA-AS1-BAG3-KEPALA";
        self.kosongkan(hukum);
        let plh = self.pemangku(&kabag_tapem).map(|p| p.nip.clone());
        if let Some(j) = self.jabatan_mut(hukum) {
            j.plh_nip = plh;
        }
    }

    fn sekretariat_dprd(&mut self) {
        const T: &str = "SEKRETARIAT DPRD";
        const STAF: &str = "Jabatan Fungsional/Pelaksana";
        self.unit("SETWAN", "Sekretariat DPRD", Some(PEMKOT), Some(T));
        let sekwan = self.pejabat(
            Jab {
                unit: "SETWAN",
                tag: "KEPALA",
                nama: "Sekretaris DPRD".to_string(),
                jenis: JenisJabatan::JptPratama,
                jenjang: None,
                posisi: "Sekretaris DPRD",
                atasan: WALIKOTA,
            },
            I::Umum,
        );
        let bagian: [(&str, [&str; 2]); 3] = [
            (
                "Bagian Umum dan Keuangan",
                [
                    "Sub Bagian Tata Usaha dan Kepegawaian",
                    "Sub Bagian Keuangan",
                ],
            ),
            (
                "Bagian Persidangan dan Perundang-undangan",
                [
                    "Sub Bagian Rapat dan Risalah",
                    "Sub Bagian Perundang-undangan",
                ],
            ),
            (
                "Bagian Fasilitasi Penganggaran dan Pengawasan",
                [
                    "Sub Bagian Fasilitasi Penganggaran",
                    "Sub Bagian Fasilitasi Pengawasan",
                ],
            ),
        ];
        let pool: &[Isian] = &[
            (PENGADMINISTRASI, None),
            (PENGELOLA_LO, None),
            (PENATA_LO, None),
            (ANALIS_KEBIJAKAN, Some(J::AhliPertama)),
            (PERANCANG_PUU, Some(J::AhliPertama)),
            (PRANATA_HUMAS, Some(J::Mahir)),
            (ARSIPARIS, Some(J::Terampil)),
        ];
        for (i, (nama_bag, subbag)) in bagian.iter().enumerate() {
            let ub = format!("SETWAN-BAG{}", i + 1);
            self.unit(&ub, nama_bag, Some("SETWAN"), None);
            let kabag = self.pejabat(
                Jab {
                    unit: &ub,
                    tag: "KEPALA",
                    nama: format!("Kepala {nama_bag}"),
                    jenis: JenisJabatan::Administrator,
                    jenjang: None,
                    posisi: "Kepala Bagian",
                    atasan: &sekwan,
                },
                I::Umum,
            );
            for (k, sb) in subbag.iter().enumerate() {
                let us = format!("{ub}-SUB{}", k + 1);
                self.unit(&us, sb, Some(&ub), None);
                let kasubbag = self.pejabat(
                    Jab {
                        unit: &us,
                        tag: "KEPALA",
                        nama: format!("Kepala {sb}"),
                        jenis: JenisJabatan::Pengawas,
                        jenjang: None,
                        posisi: "Kepala Sub Bagian",
                        atasan: &kabag,
                    },
                    I::Umum,
                );
                let pool = if sb.contains("Keuangan") {
                    POOL_KEUANGAN
                } else {
                    pool
                };
                self.regu(&us, &kasubbag, STAF, pool, (2, 3), (1, 3));
            }
        }
    }

    fn inspektorat(&mut self) {
        const T: &str = "INSPEKTORAT DAERAH";
        self.unit("INSPEKTORAT", "Inspektorat Daerah", Some(PEMKOT), Some(T));
        let inspektur = self.pejabat(
            Jab {
                unit: "INSPEKTORAT",
                tag: "KEPALA",
                nama: "Inspektur".to_string(),
                jenis: JenisJabatan::JptPratama,
                jenjang: None,
                posisi: "Inspektur",
                atasan: WALIKOTA,
            },
            I::Ekonomi,
        );
        let sekr = "INSPEKTORAT-SEKR";
        self.unit(sekr, "Sekretariat Inspektorat", Some("INSPEKTORAT"), None);
        let sekretaris = self.pejabat(
            Jab {
                unit: sekr,
                tag: "KEPALA",
                nama: "Sekretaris Inspektorat".to_string(),
                jenis: JenisJabatan::Administrator,
                jenjang: None,
                posisi: "Sekretaris Inspektorat",
                atasan: &inspektur,
            },
            I::Umum,
        );
        const STAF_SUBBAG: &str = "Jabatan Fungsional/Pelaksana pada Sub Bagian";
        self.staf(
            sekr,
            &sekretaris,
            STAF_SUBBAG,
            (ANALIS_SDMA, Some(J::AhliMuda)),
            1,
        );
        let subbag = [
            "Sub Bagian Perencanaan dan Keuangan",
            "Sub Bagian Umum dan Kepegawaian",
        ];
        for (i, sb) in subbag.iter().enumerate() {
            let u = format!("{sekr}-SUB{}", i + 1);
            self.unit(&u, sb, Some(sekr), None);
            let k = self.pejabat(
                Jab {
                    unit: &u,
                    tag: "KEPALA",
                    nama: format!("Kepala {sb}"),
                    jenis: JenisJabatan::Pengawas,
                    jenjang: None,
                    posisi: "Kepala Sub Bagian",
                    atasan: &sekretaris,
                },
                I::Umum,
            );
            self.regu(&u, &k, STAF_SUBBAG, pool_subbag(sb), (2, 3), (1, 3));
        }
        let pool: &[Isian] = &[
            (AUDITOR, Some(J::AhliPertama)),
            (AUDITOR, Some(J::AhliMuda)),
            (AUDITOR, Some(J::AhliMadya)),
            (AUDITOR, Some(J::Terampil)),
            (AUDITOR, Some(J::Mahir)),
            (AUDITOR, Some(J::Penyelia)),
            (P2UPD, Some(J::AhliPertama)),
            (P2UPD, Some(J::AhliMuda)),
            (P2UPD, Some(J::AhliMadya)),
            (PENGADMINISTRASI, None),
        ];
        const STAF_IRBAN: &str = "Jabatan Fungsional/Pelaksana pada Inspektur Pembantu";
        for (i, wil) in ["I", "II", "III", "IV"].iter().enumerate() {
            let u = format!("INSPEKTORAT-IRBAN{}", i + 1);
            let nama = format!("Inspektur Pembantu Wilayah {wil}");
            self.unit(&u, &nama, Some("INSPEKTORAT"), None);
            let irban = self.pejabat(
                Jab {
                    unit: &u,
                    tag: "KEPALA",
                    nama,
                    jenis: JenisJabatan::Administrator,
                    jenjang: None,
                    posisi: "Inspektur Pembantu",
                    atasan: &inspektur,
                },
                I::Ekonomi,
            );
            self.regu(&u, &irban, STAF_IRBAN, pool, (4, 6), (1, 3));
            if i == 0 {
                self.staf(&u, &irban, STAF_IRBAN, (AUDITOR, Some(J::AhliUtama)), 1);
            }
        }
    }

    /// Plain Dinas. Returns the demo logins (the chain lives in the Diskominfo).
    fn dinas_biasa(&mut self) -> Vec<DemoLogin> {
        let kominfo = Pd {
            kode: "DISKOMINFO",
            nama: "Dinas Komunikasi, Informatika, Statistik dan Persandian",
            kepala: "Kepala Dinas Komunikasi, Informatika, Statistik dan Persandian",
            sekretaris: "Sekretaris Dinas Komunikasi, Informatika, Statistik dan Persandian",
            subbag: &[
                "Sub Bagian Umum dan Kepegawaian",
                "Sub Bagian Keuangan",
                "Sub Bagian Perencanaan dan Pelaporan",
            ],
            bidang: &[
                (
                    "Bidang Informasi dan Komunikasi Publik",
                    &[
                        "Seksi Pengelolaan Informasi Publik",
                        "Seksi Pengelolaan Komunikasi Publik",
                        "Seksi Layanan Hubungan Media",
                    ],
                ),
                (
                    "Bidang Aplikasi Informatika",
                    &[
                        "Seksi Pengembangan Aplikasi",
                        "Seksi Tata Kelola e-Government",
                        "Seksi Infrastruktur dan Teknologi",
                    ],
                ),
                (
                    "Bidang Statistik dan Persandian",
                    &[
                        "Seksi Statistik Sektoral",
                        "Seksi Persandian dan Keamanan Informasi",
                    ],
                ),
            ],
            pool: &[
                (PRANATA_KOMPUTER, Some(J::AhliPertama)),
                (PRANATA_KOMPUTER, Some(J::AhliMuda)),
                (PRANATA_KOMPUTER, Some(J::Terampil)),
                (PRANATA_KOMPUTER, Some(J::Mahir)),
                (PRANATA_KOMPUTER, Some(J::Penyelia)),
                (PRANATA_HUMAS, Some(J::AhliPertama)),
                (PRANATA_HUMAS, Some(J::AhliMuda)),
                (STATISTISI, Some(J::AhliPertama)),
                (SANDIMAN, Some(J::AhliPertama)),
                (PENGELOLA_LO, None),
                (OPERATOR_LO, None),
            ],
            ilmu: I::Komputer,
        };
        let h = self.perangkat(&kominfo, &LP_DINAS);
        // The demo chain: Bidang Aplikasi Informatika → Seksi Pengembangan Aplikasi.
        let seksi = h.unit_seksi[1][0].clone();
        let kasi = h.kasi[1][0].clone();
        let jf = self.jabatan(Jab {
            unit: &seksi,
            tag: "DEMO-JF",
            nama: "Pranata Komputer Ahli Muda".to_string(),
            jenis: JenisJabatan::Fungsional,
            jenjang: Some(J::AhliMuda),
            posisi: LP_DINAS.staf_bidang,
            atasan: &kasi,
        });
        let profil = Profil {
            kelas: Kelas::Fungsional(J::AhliMuda),
            ilmu: I::Komputer,
            perempuan: 45,
            pppk: 0,
        };
        self.isi(&jf, profil, 2);
        let pelaksana = self.jabatan(Jab {
            unit: &seksi,
            tag: "DEMO-PL",
            nama: "Pengelola Layanan Operasional".to_string(),
            jenis: JenisJabatan::Pelaksana,
            jenjang: None,
            posisi: LP_DINAS.staf_bidang,
            atasan: &kasi,
        });
        let profil = Profil {
            kelas: Kelas::Pelaksana,
            ilmu: I::Komputer,
            perempuan: 50,
            pppk: 0,
        };
        self.isi(&pelaksana, profil, 1);
        let logins = vec![
            DemoLogin {
                peran: "Admin BKPSDM",
                username: "admin".to_string(),
                nama: "Admin BKPSDM".to_string(),
                jabatan: "Admin BKPSDM".to_string(),
            },
            self.login("Kepala Dinas", &h.kepala),
            self.login("Kepala Bidang", &h.kabid[1]),
            self.login("Kepala Seksi", &kasi),
            self.login("Jabatan Fungsional", &jf),
            self.login("Pelaksana", &pelaksana),
        ];

        let dukcapil = Pd {
            kode: "DISDUKCAPIL",
            nama: "Dinas Kependudukan dan Pencatatan Sipil",
            kepala: "Kepala Dinas Kependudukan dan Pencatatan Sipil",
            sekretaris: "Sekretaris Dinas Kependudukan dan Pencatatan Sipil",
            subbag: &[
                "Sub Bagian Umum dan Kepegawaian",
                "Sub Bagian Perencanaan dan Keuangan",
            ],
            bidang: &[
                (
                    "Bidang Pelayanan Pendaftaran Penduduk",
                    &[
                        "Seksi Identitas Penduduk",
                        "Seksi Pindah Datang Penduduk",
                        "Seksi Pendataan Penduduk",
                    ],
                ),
                (
                    "Bidang Pelayanan Pencatatan Sipil",
                    &[
                        "Seksi Kelahiran dan Kematian",
                        "Seksi Perkawinan dan Perceraian",
                        "Seksi Perubahan Status Anak dan Kewarganegaraan",
                    ],
                ),
                (
                    "Bidang Pengelolaan Informasi Administrasi Kependudukan",
                    &[
                        "Seksi Sistem Informasi Administrasi Kependudukan",
                        "Seksi Pengolahan dan Penyajian Data Kependudukan",
                    ],
                ),
            ],
            pool: &[
                (ADMINDUK, Some(J::AhliPertama)),
                (ADMINDUK, Some(J::AhliMuda)),
                (ADMINDUK, Some(J::Terampil)),
                (ADMINDUK, Some(J::Mahir)),
                (PENGELOLA_LO, None),
                (OPERATOR_LO, None),
                (PENGADMINISTRASI, None),
                (PENATA_LO, None),
            ],
            ilmu: I::Umum,
        };
        let h = self.perangkat(&dukcapil, &LP_DINAS);
        // Vacancy with neither Plt nor Plh: the staff of the Seksi Pindah Datang Penduduk are
        // rated by the Kepala Bidang (Pasal 26(3)).
        self.kosongkan(&h.kasi[0][1]);

        let naker = Pd {
            kode: "DISNAKER",
            nama: "Dinas Tenaga Kerja",
            kepala: "Kepala Dinas Tenaga Kerja",
            sekretaris: "Sekretaris Dinas Tenaga Kerja",
            subbag: &[
                "Sub Bagian Umum dan Kepegawaian",
                "Sub Bagian Perencanaan dan Keuangan",
            ],
            bidang: &[
                (
                    "Bidang Pelatihan dan Produktivitas",
                    &["Seksi Pelatihan Kerja", "Seksi Produktivitas Tenaga Kerja"],
                ),
                (
                    "Bidang Penempatan dan Perluasan Kesempatan Kerja",
                    &[
                        "Seksi Penempatan Tenaga Kerja",
                        "Seksi Perluasan Kesempatan Kerja",
                    ],
                ),
                (
                    "Bidang Hubungan Industrial",
                    &[
                        "Seksi Persyaratan Kerja",
                        "Seksi Penyelesaian Perselisihan Hubungan Industrial",
                    ],
                ),
            ],
            pool: &[
                (PENGANTAR_KERJA, Some(J::AhliPertama)),
                (PENGANTAR_KERJA, Some(J::AhliMuda)),
                (MEDIATOR_HI, Some(J::AhliPertama)),
                (MEDIATOR_HI, Some(J::AhliMuda)),
                (INSTRUKTUR, Some(J::Terampil)),
                (INSTRUKTUR, Some(J::AhliPertama)),
                (PENGELOLA_LO, None),
                (PENGADMINISTRASI, None),
            ],
            ilmu: I::Umum,
        };
        let h = self.perangkat(&naker, &LP_DINAS);
        // Plt: the Kepala Bidang Penempatan is vacant; the Sekretaris Dinas is Plt.
        let kabid = h.kabid[1].clone();
        self.kosongkan(&kabid);
        let plt = self.pemangku(&h.sekretaris).map(|p| p.nip.clone());
        if let Some(j) = self.jabatan_mut(&kabid) {
            j.plt_nip = plt;
        }

        let dagperin = Pd {
            kode: "DISDAGPERIN",
            nama: "Dinas Perdagangan dan Perindustrian",
            kepala: "Kepala Dinas Perdagangan dan Perindustrian",
            sekretaris: "Sekretaris Dinas Perdagangan dan Perindustrian",
            subbag: &[
                "Sub Bagian Umum dan Kepegawaian",
                "Sub Bagian Perencanaan dan Keuangan",
            ],
            bidang: &[
                (
                    "Bidang Perdagangan",
                    &[
                        "Seksi Pengembangan Perdagangan",
                        "Seksi Pengawasan Perdagangan",
                        "Seksi Metrologi Legal",
                    ],
                ),
                (
                    "Bidang Perindustrian",
                    &[
                        "Seksi Industri Agro dan Kimia",
                        "Seksi Industri Logam, Mesin dan Aneka",
                    ],
                ),
                (
                    "Bidang Pengelolaan Pasar",
                    &["Seksi Pengelolaan Pasar", "Seksi Sarana Pasar"],
                ),
            ],
            pool: &[
                (PENGAWAS_DAGANG, Some(J::AhliPertama)),
                (PENGAWAS_DAGANG, Some(J::AhliMuda)),
                (PENERA, Some(J::Terampil)),
                (PENERA, Some(J::Mahir)),
                (PENERA, Some(J::Penyelia)),
                (PENYULUH_PERINDAG, Some(J::Terampil)),
                (PENGELOLA_LO, None),
                (OPERATOR_LO, None),
            ],
            ilmu: I::Ekonomi,
        };
        self.perangkat(&dagperin, &LP_DINAS);

        let dinsos = Pd {
            kode: "DINSOS",
            nama: "Dinas Sosial",
            kepala: "Kepala Dinas Sosial",
            sekretaris: "Sekretaris Dinas Sosial",
            subbag: &[
                "Sub Bagian Umum dan Kepegawaian",
                "Sub Bagian Perencanaan dan Keuangan",
            ],
            bidang: &[
                (
                    "Bidang Rehabilitasi Sosial",
                    &[
                        "Seksi Rehabilitasi Sosial Anak dan Lanjut Usia",
                        "Seksi Rehabilitasi Sosial Penyandang Disabilitas",
                    ],
                ),
                (
                    "Bidang Perlindungan dan Jaminan Sosial",
                    &[
                        "Seksi Perlindungan Sosial Korban Bencana",
                        "Seksi Jaminan Sosial Keluarga",
                    ],
                ),
                (
                    "Bidang Pemberdayaan Sosial",
                    &[
                        "Seksi Pemberdayaan Sosial Perorangan dan Keluarga",
                        "Seksi Kepahlawanan dan Restorasi Sosial",
                    ],
                ),
            ],
            pool: &[
                (PEKERJA_SOSIAL, Some(J::AhliPertama)),
                (PEKERJA_SOSIAL, Some(J::AhliMuda)),
                (PEKERJA_SOSIAL, Some(J::Terampil)),
                (PENYULUH_SOSIAL, Some(J::AhliPertama)),
                (PENGELOLA_LO, None),
                (PENGADMINISTRASI, None),
            ],
            ilmu: I::Sosial,
        };
        self.perangkat(&dinsos, &LP_DINAS);
        logins
    }

    fn dinas_ber_uptd(&mut self) {
        let lp_uptd = LampiranUptd {
            kepala: "Kepala UPTD",
            kasubbag_tu: "Kepala Sub Bagian Tata Usaha UPTD",
            staf: "Jabatan Fungsional/Pelaksana pada UPTD",
        };
        let dinkes = Pd {
            kode: "DINKES",
            nama: "Dinas Kesehatan",
            kepala: "Kepala Dinas Kesehatan",
            sekretaris: "Sekretaris Dinas Kesehatan",
            subbag: &[
                "Sub Bagian Umum dan Kepegawaian",
                "Sub Bagian Keuangan",
                "Sub Bagian Perencanaan dan Pelaporan",
            ],
            bidang: &[
                (
                    "Bidang Kesehatan Masyarakat",
                    &[
                        "Seksi Kesehatan Keluarga dan Gizi",
                        "Seksi Promosi dan Pemberdayaan Masyarakat",
                        "Seksi Kesehatan Lingkungan, Kesehatan Kerja dan Olahraga",
                    ],
                ),
                (
                    "Bidang Pencegahan dan Pengendalian Penyakit",
                    &[
                        "Seksi Surveilans dan Imunisasi",
                        "Seksi Pencegahan dan Pengendalian Penyakit Menular",
                        "Seksi Pencegahan dan Pengendalian Penyakit Tidak Menular dan Kesehatan Jiwa",
                    ],
                ),
                (
                    "Bidang Pelayanan dan Sumber Daya Kesehatan",
                    &[
                        "Seksi Pelayanan Kesehatan",
                        "Seksi Kefarmasian dan Alat Kesehatan",
                        "Seksi Sumber Daya Manusia Kesehatan",
                    ],
                ),
            ],
            pool: &[
                (ADMINKES, Some(J::AhliPertama)),
                (ADMINKES, Some(J::AhliMuda)),
                (EPIDEMIOLOG, Some(J::AhliPertama)),
                (EPIDEMIOLOG, Some(J::AhliMuda)),
                (PENYULUH_KESMAS, Some(J::AhliPertama)),
                (NUTRISIONIS, Some(J::AhliPertama)),
                (SANITASI, Some(J::AhliPertama)),
                (APOTEKER, Some(J::AhliMuda)),
                (PENGELOLA_LO, None),
            ],
            ilmu: I::Dokter,
        };
        let h = self.perangkat(&dinkes, &LP_DINAS_UPTD);
        let puskesmas_pool: &'static [Isian] = &[
            (DOKTER, Some(J::AhliPertama)),
            (DOKTER, Some(J::AhliMuda)),
            (DOKTER_GIGI, Some(J::AhliPertama)),
            (PERAWAT, Some(J::Terampil)),
            (PERAWAT, Some(J::Mahir)),
            (PERAWAT, Some(J::Penyelia)),
            (PERAWAT, Some(J::AhliPertama)),
            (BIDAN, Some(J::Terampil)),
            (BIDAN, Some(J::Mahir)),
            (BIDAN, Some(J::AhliPertama)),
            (TTK, Some(J::Terampil)),
            (APOTEKER, Some(J::AhliPertama)),
            (PRANATA_LAB, Some(J::Terampil)),
            (NUTRISIONIS, Some(J::Terampil)),
            (SANITASI, Some(J::Terampil)),
            (PENYULUH_KESMAS, Some(J::AhliPertama)),
            (PEREKAM_MEDIS, Some(J::Terampil)),
        ];
        let puskesmas = [
            "UPTD Puskesmas Pengasinan",
            "UPTD Puskesmas Margahayu",
            "UPTD Puskesmas Pejuang",
            "UPTD Puskesmas Jatiasih",
            "UPTD Puskesmas Bantar Gebang",
            "UPTD Puskesmas Rawalumbu",
            "UPTD Puskesmas Karang Kitri",
            "UPTD Puskesmas Perumnas II",
            "UPTD Puskesmas Kaliabang Tengah",
        ];
        for (i, nama) in puskesmas.iter().enumerate() {
            let u = Uptd {
                nama,
                ilmu: if i % 3 == 1 { I::Kesehatan } else { I::Dokter },
                pool: puskesmas_pool,
                posisi: (9, 12),
            };
            self.uptd("DINKES", i + 1, &h.kepala, &u, &lp_uptd);
        }
        let labkesda = Uptd {
            nama: "UPTD Laboratorium Kesehatan Daerah",
            ilmu: I::Laboratorium,
            pool: &[
                (PRANATA_LAB, Some(J::Terampil)),
                (PRANATA_LAB, Some(J::Mahir)),
                (PRANATA_LAB, Some(J::AhliPertama)),
                (DOKTER, Some(J::AhliMuda)),
                (PENGADMINISTRASI, None),
            ],
            posisi: (4, 5),
        };
        self.uptd(
            "DINKES",
            puskesmas.len() + 1,
            &h.kepala,
            &labkesda,
            &lp_uptd,
        );

        let dlh = Pd {
            kode: "DLH",
            nama: "Dinas Lingkungan Hidup",
            kepala: "Kepala Dinas Lingkungan Hidup",
            sekretaris: "Sekretaris Dinas Lingkungan Hidup",
            subbag: &[
                "Sub Bagian Umum dan Kepegawaian",
                "Sub Bagian Perencanaan dan Keuangan",
            ],
            bidang: &[
                (
                    "Bidang Tata Lingkungan",
                    &[
                        "Seksi Perencanaan dan Kajian Dampak Lingkungan",
                        "Seksi Pemeliharaan Lingkungan Hidup",
                    ],
                ),
                (
                    "Bidang Pengelolaan Sampah dan Limbah B3",
                    &["Seksi Pengurangan Sampah", "Seksi Penanganan Sampah"],
                ),
                (
                    "Bidang Penaatan dan Peningkatan Kapasitas Lingkungan Hidup",
                    &[
                        "Seksi Pengaduan dan Penegakan Hukum Lingkungan",
                        "Seksi Peningkatan Kapasitas Lingkungan Hidup",
                    ],
                ),
            ],
            pool: &[
                (PDL, Some(J::AhliPertama)),
                (PDL, Some(J::AhliMuda)),
                (PDL, Some(J::Terampil)),
                (PENGAWAS_LH, Some(J::AhliPertama)),
                (PENGAWAS_LH, Some(J::AhliMuda)),
                (OPERATOR_LO, None),
                (PENGELOLA_LO, None),
            ],
            ilmu: I::Lingkungan,
        };
        let h = self.perangkat(&dlh, &LP_DINAS_UPTD);
        let uptd_dlh = [
            Uptd {
                nama: "UPTD Tempat Pemrosesan Akhir Sumur Batu",
                ilmu: I::Lingkungan,
                pool: &[
                    (OPERATOR_LO, None),
                    (PENGELOLA_LO, None),
                    (PENGADMINISTRASI, None),
                    (PDL, Some(J::Terampil)),
                    (PDL, Some(J::Mahir)),
                ],
                posisi: (4, 5),
            },
            Uptd {
                nama: "UPTD Laboratorium Lingkungan Hidup",
                ilmu: I::Lingkungan,
                pool: &[
                    (PDL, Some(J::AhliPertama)),
                    (PDL, Some(J::Penyelia)),
                    (PENGELOLA_LO, None),
                    (OPERATOR_LO, None),
                ],
                posisi: (3, 4),
            },
        ];
        for (i, u) in uptd_dlh.iter().enumerate() {
            self.uptd("DLH", i + 1, &h.kepala, u, &lp_uptd);
        }

        let dishub = Pd {
            kode: "DISHUB",
            nama: "Dinas Perhubungan",
            kepala: "Kepala Dinas Perhubungan",
            sekretaris: "Sekretaris Dinas Perhubungan",
            subbag: &[
                "Sub Bagian Umum dan Kepegawaian",
                "Sub Bagian Perencanaan dan Keuangan",
            ],
            bidang: &[
                (
                    "Bidang Lalu Lintas",
                    &[
                        "Seksi Manajemen dan Rekayasa Lalu Lintas",
                        "Seksi Pengendalian dan Operasional",
                    ],
                ),
                (
                    "Bidang Angkutan",
                    &["Seksi Angkutan Orang", "Seksi Angkutan Barang"],
                ),
                (
                    "Bidang Sarana dan Prasarana",
                    &["Seksi Perlengkapan Jalan", "Seksi Terminal"],
                ),
            ],
            pool: &[
                (OPERATOR_LO, None),
                (PENGELOLA_LO, None),
                (PENATA_LO, None),
                (PENGADMINISTRASI, None),
                (PENGAWAS_DAGANG, Some(J::AhliPertama)),
                (ANALIS_KEBIJAKAN, Some(J::AhliPertama)),
            ],
            ilmu: I::Teknik,
        };
        let h = self.perangkat(&dishub, &LP_DINAS_UPTD);
        let uptd_dishub = [
            Uptd {
                nama: "UPTD Pengujian Kendaraan Bermotor",
                ilmu: I::Teknik,
                pool: &[
                    (PKB, Some(J::Pemula)),
                    (PKB, Some(J::Terampil)),
                    (PKB, Some(J::Mahir)),
                    (PKB, Some(J::Penyelia)),
                    (PKB, Some(J::AhliPertama)),
                    (PENGADMINISTRASI, None),
                ],
                posisi: (5, 6),
            },
            Uptd {
                nama: "UPTD Perparkiran",
                ilmu: I::Umum,
                pool: &[
                    (OPERATOR_LO, None),
                    (PENGELOLA_LO, None),
                    (PENATA_LO, None),
                    (PENGADMINISTRASI, None),
                ],
                posisi: (3, 4),
            },
        ];
        for (i, u) in uptd_dishub.iter().enumerate() {
            self.uptd("DISHUB", i + 1, &h.kepala, u, &lp_uptd);
        }
    }

    fn dinas_pendidikan(&mut self) {
        let disdik = Pd {
            kode: "DISDIK",
            nama: "Dinas Pendidikan",
            kepala: "Kepala Dinas Pendidikan",
            sekretaris: "Sekretaris Dinas Pendidikan",
            subbag: &[
                "Sub Bagian Umum dan Kepegawaian",
                "Sub Bagian Keuangan",
                "Sub Bagian Program dan Pelaporan",
            ],
            bidang: &[
                (
                    "Bidang PAUD dan Pendidikan Masyarakat",
                    &[
                        "Seksi Kurikulum dan Kelembagaan PAUD",
                        "Seksi GTK PAUD",
                        "Seksi Pendidikan Masyarakat",
                    ],
                ),
                (
                    "Bidang Pendidikan Dasar",
                    &[
                        "Seksi SD",
                        "Seksi SMP",
                        "Seksi Sarana dan Prasarana Pendidikan Dasar",
                    ],
                ),
                (
                    "Bidang Pendidik dan Tenaga Pendidik",
                    &[
                        "Seksi Pendidik dan Tenaga Kependidikan Sekolah Dasar",
                        "Seksi Pendidik dan Tenaga Kependidikan Sekolah Menengah Pertama",
                    ],
                ),
            ],
            pool: &[
                (ANALIS_KEBIJAKAN, Some(J::AhliPertama)),
                (ANALIS_SDMA, Some(J::AhliPertama)),
                (PRANATA_KOMPUTER, Some(J::Terampil)),
                (PENGELOLA_LO, None),
                (PENGADMINISTRASI, None),
                (PENATA_LO, None),
            ],
            ilmu: I::Guru,
        };
        let h = self.perangkat(&disdik, &LP_DISDIK);
        let kabid_paud = h.kabid[0].clone();
        let kabid_dikdas = h.kabid[1].clone();
        let kabid_ptk = h.kabid[2].clone();
        let kasi_gtk_paud = h.kasi[0][1].clone();
        let kasi_sd = h.kasi[1][0].clone();
        let kasi_ptk_smp = h.kasi[2][1].clone();

        // Pengawas sekolah and penilik (rated by a Kepala Bidang).
        const PENGAWAS: &str = "Pengawas/Penilik Sekolah";
        let bid_dikdas = h.unit_bidang[1].clone();
        let bid_paud = h.unit_bidang[0].clone();
        let n = self.a.antara(4, 6);
        self.staf(
            &bid_dikdas,
            &kabid_dikdas,
            PENGAWAS,
            (PENGAWAS_SEKOLAH, Some(J::AhliMadya)),
            n,
        );
        let n = self.a.antara(2, 3);
        self.staf(
            &bid_dikdas,
            &kabid_dikdas,
            PENGAWAS,
            (PENGAWAS_SEKOLAH, Some(J::AhliMuda)),
            n,
        );
        self.staf(
            &bid_dikdas,
            &kabid_dikdas,
            PENGAWAS,
            (PENGAWAS_SEKOLAH, Some(J::AhliUtama)),
            1,
        );
        let n = self.a.antara(2, 3);
        self.staf(
            &bid_paud,
            &kabid_paud,
            PENGAWAS,
            (PENILIK, Some(J::AhliMuda)),
            n,
        );

        // Schools. A kepala sekolah is a Guru (jabatan fungsional) with the additional task of
        // heading the school; for rater resolution the position is recorded as a pengawas-level
        // position so that it can rate its teachers and staff.
        let kepsek = |kelas_paud: bool| Profil {
            kelas: Kelas::KepalaSekolah,
            ilmu: if kelas_paud { I::GuruPaud } else { I::Guru },
            perempuan: if kelas_paud { 95 } else { 55 },
            pppk: 0,
        };
        let tk = [
            "TK Negeri Pembina Kota Bekasi",
            "TK Negeri 2 Kota Bekasi",
            "TK Negeri 3 Kota Bekasi",
            "TK Negeri 4 Kota Bekasi",
            "TK Negeri 5 Kota Bekasi",
        ];
        for (i, nama) in tk.iter().enumerate() {
            let u = format!("DISDIK-TK{:02}", i + 1);
            self.unit(&u, nama, Some("DISDIK"), None);
            let k = self.jabatan(Jab {
                unit: &u,
                tag: "KEPALA",
                nama: format!("Kepala {nama}"),
                jenis: JenisJabatan::Pengawas,
                jenjang: None,
                posisi: "Kepala TK/PAUD/PNF",
                atasan: &kasi_gtk_paud,
            });
            self.isi(&k, kepsek(true), 1);
            const STAF: &str = "Pelaksana/Fungsional pada TK/PAUD/PNF";
            let n = self.a.antara(2, 3);
            self.staf(&u, &k, STAF, (GURU_PAUD, Some(J::AhliPertama)), n);
            let n = self.a.antara(1, 2);
            self.staf(&u, &k, STAF, (GURU_PAUD, Some(J::AhliMuda)), n);
            if self.a.peluang(50) {
                self.staf(&u, &k, STAF, (PENGADMINISTRASI, None), 1);
            }
        }
        {
            let u = "DISDIK-SKB";
            let nama = "Satuan Pendidikan Nonformal Sanggar Kegiatan Belajar Kota Bekasi";
            self.unit(u, nama, Some("DISDIK"), None);
            let k = self.jabatan(Jab {
                unit: u,
                tag: "KEPALA",
                nama: "Kepala Sanggar Kegiatan Belajar Kota Bekasi".to_string(),
                jenis: JenisJabatan::Pengawas,
                jenjang: None,
                posisi: "Kepala TK/PAUD/PNF",
                atasan: &kasi_gtk_paud,
            });
            self.isi(&k, kepsek(false), 1);
            const STAF: &str = "Pelaksana/Fungsional pada TK/PAUD/PNF";
            let n = self.a.antara(2, 3);
            self.staf(u, &k, STAF, (PAMONG_BELAJAR, Some(J::AhliPertama)), n);
            let n = self.a.antara(1, 2);
            self.staf(u, &k, STAF, (PAMONG_BELAJAR, Some(J::AhliMuda)), n);
            self.staf(u, &k, STAF, (PENGADMINISTRASI, None), 1);
        }
        const KELURAHAN_SD: &[&str] = &[
            "Aren Jaya",
            "Bekasi Jaya",
            "Duren Jaya",
            "Margahayu",
            "Harapan Jaya",
            "Kaliabang Tengah",
            "Perwira",
            "Teluk Pucung",
            "Bojong Rawalumbu",
            "Pengasinan",
            "Sepanjang Jaya",
            "Jatiasih",
            "Jatimekar",
            "Jatirasa",
            "Cikiwul",
            "Ciketing Udik",
            "Kayuringin Jaya",
            "Pekayon Jaya",
        ];
        const ROMAWI: &[&str] = &["I", "II", "III", "IV", "V", "VI"];
        let mut sd = 0;
        for (i, kel) in KELURAHAN_SD.iter().enumerate() {
            let jumlah = if i % 3 == 2 { 1 } else { 2 };
            for r in ROMAWI.iter().take(jumlah) {
                sd += 1;
                let u = format!("DISDIK-SD{sd:02}");
                let nama = format!("SD Negeri {kel} {r}");
                self.unit(&u, &nama, Some("DISDIK"), None);
                let k = self.jabatan(Jab {
                    unit: &u,
                    tag: "KEPALA",
                    nama: format!("Kepala Sekolah {nama}"),
                    jenis: JenisJabatan::Pengawas,
                    jenjang: None,
                    posisi: "Kepala Sekolah SDN",
                    atasan: &kasi_sd,
                });
                self.isi(&k, kepsek(false), 1);
                const STAF: &str = "Pelaksana/Fungsional pada SDN";
                let n = self.a.antara(2, 5);
                self.staf(&u, &k, STAF, (GURU, Some(J::AhliPertama)), n);
                let n = self.a.antara(2, 4);
                self.staf(&u, &k, STAF, (GURU, Some(J::AhliMuda)), n);
                let n = self.a.antara(1, 3);
                self.staf(&u, &k, STAF, (GURU, Some(J::AhliMadya)), n);
                self.staf(&u, &k, STAF, (PENGELOLA_LO, None), 1);
                if self.a.peluang(60) {
                    self.staf(&u, &k, STAF, (OPERATOR_LO, None), 1);
                }
            }
        }
        for i in 1..=14 {
            let u = format!("DISDIK-SMP{i:02}");
            let nama = format!("SMP Negeri {i} Kota Bekasi");
            self.unit(&u, &nama, Some("DISDIK"), None);
            let k = self.jabatan(Jab {
                unit: &u,
                tag: "KEPALA",
                nama: format!("Kepala Sekolah {nama}"),
                jenis: JenisJabatan::Pengawas,
                jenjang: None,
                posisi: "Kepala Sekolah SMPN",
                atasan: &kasi_ptk_smp,
            });
            self.isi(&k, kepsek(false), 1);
            const STAF: &str = "Pelaksana/Fungsional pada SMPN";
            let n = self.a.antara(6, 10);
            self.staf(&u, &k, STAF, (GURU, Some(J::AhliPertama)), n);
            let n = self.a.antara(6, 9);
            self.staf(&u, &k, STAF, (GURU, Some(J::AhliMuda)), n);
            let n = self.a.antara(4, 7);
            self.staf(&u, &k, STAF, (GURU, Some(J::AhliMadya)), n);
            if self.a.peluang(60) {
                self.staf(&u, &k, STAF, (PUSTAKAWAN, Some(J::Terampil)), 1);
            }
            self.staf(&u, &k, STAF, (PLP, Some(J::Terampil)), 1);
            let n = self.a.antara(1, 3);
            self.staf(&u, &k, STAF, (PENGADMINISTRASI, None), n);
            self.staf(&u, &k, STAF, (PENATA_LO, None), 1);
            let n = self.a.antara(1, 2);
            self.staf(&u, &k, STAF, (OPERATOR_LO, None), n);
        }

        // Teachers seconded to private schools (diperbantukan/dipekerjakan).
        let u = "DISDIK-DPK";
        self.unit(
            u,
            "Pendidik Diperbantukan pada Satuan Pendidikan Swasta",
            Some(&h.unit_bidang[2]),
            None,
        );
        let dpk = [
            (
                "Kepala Sekolah dan Guru TK/PAUD/PNF diperbantukan/dipekerjakan",
                GURU_PAUD,
            ),
            (
                "Kepala Sekolah dan Guru SD diperbantukan/dipekerjakan",
                GURU,
            ),
            (
                "Kepala Sekolah dan Guru SMP diperbantukan/dipekerjakan",
                GURU,
            ),
        ];
        for (posisi, guru) in dpk {
            let n = self.a.antara(2, 3);
            self.staf(u, &kabid_ptk, posisi, (guru, Some(J::AhliMuda)), n);
            let n = self.a.antara(1, 2);
            self.staf(u, &kabid_ptk, posisi, (guru, Some(J::AhliMadya)), n);
        }

        // Unit Pelayanan Pendidikan per kecamatan.
        const UPP: &str = "Koordinator/Pelaksana/Fungsional pada Unit Pelayanan Pendidikan (UPP)";
        for (i, kec) in [
            "Bekasi Timur",
            "Bekasi Utara",
            "Rawalumbu",
            "Jatiasih",
            "Bantar Gebang",
        ]
        .iter()
        .enumerate()
        {
            let u = format!("DISDIK-UPP{}", i + 1);
            let nama = format!("Unit Pelayanan Pendidikan Kecamatan {kec}");
            self.unit(&u, &nama, Some("DISDIK"), None);
            let koordinator = self.jabatan(Jab {
                unit: &u,
                tag: "KOORDINATOR",
                nama: format!("Koordinator {nama}"),
                jenis: JenisJabatan::Pelaksana,
                jenjang: None,
                posisi: UPP,
                atasan: &kabid_ptk,
            });
            let profil = Profil {
                kelas: Kelas::Pelaksana,
                ilmu: I::Guru,
                perempuan: 40,
                pppk: 0,
            };
            self.isi(&koordinator, profil, 1);
            let n = self.a.antara(1, 2);
            self.staf(&u, &koordinator, UPP, (PENGADMINISTRASI, None), n);
            self.staf(&u, &koordinator, UPP, (PENGELOLA_LO, None), 1);
        }
    }

    fn badan(&mut self) {
        let bappeda = Pd {
            kode: "BAPPELITBANGDA",
            nama: "Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah",
            kepala: "Kepala Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah",
            sekretaris:
                "Sekretaris Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah",
            subbag: &[
                "Sub Bagian Umum dan Kepegawaian",
                "Sub Bagian Keuangan",
                "Sub Bagian Perencanaan dan Pelaporan",
            ],
            bidang: &[
                (
                    "Bidang Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah",
                    &[
                        "Sub Bidang Perencanaan Pembangunan Daerah",
                        "Sub Bidang Pengendalian dan Evaluasi",
                    ],
                ),
                (
                    "Bidang Perekonomian dan Sumber Daya Alam",
                    &["Sub Bidang Perekonomian", "Sub Bidang Sumber Daya Alam"],
                ),
                (
                    "Bidang Infrastruktur dan Kewilayahan",
                    &["Sub Bidang Infrastruktur", "Sub Bidang Kewilayahan"],
                ),
                (
                    "Bidang Pemerintahan dan Pembangunan Manusia",
                    &["Sub Bidang Pemerintahan", "Sub Bidang Pembangunan Manusia"],
                ),
                (
                    "Bidang Penelitian dan Pengembangan",
                    &[
                        "Sub Bidang Inovasi dan Teknologi",
                        "Sub Bidang Sosial dan Pemerintahan",
                    ],
                ),
            ],
            pool: &[
                (PERENCANA, Some(J::AhliPertama)),
                (PERENCANA, Some(J::AhliMuda)),
                (PERENCANA, Some(J::AhliMadya)),
                (PENELITI, Some(J::AhliPertama)),
                (PENELITI, Some(J::AhliMuda)),
                (STATISTISI, Some(J::AhliPertama)),
                (PENGELOLA_LO, None),
            ],
            ilmu: I::Ekonomi,
        };
        let h = self.perangkat(&bappeda, &LP_BADAN);
        self.staf(
            &h.unit_bidang[0],
            &h.kabid[0],
            LP_BADAN.staf_bidang,
            (PERENCANA, Some(J::AhliUtama)),
            1,
        );

        let bkpsdm = Pd {
            kode: "BKPSDM",
            nama: "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
            kepala: "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
            sekretaris: "Sekretaris Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
            subbag: &[
                "Sub Bagian Umum dan Kepegawaian",
                "Sub Bagian Perencanaan dan Keuangan",
            ],
            bidang: &[
                (
                    "Bidang Pengadaan, Pemberhentian dan Informasi",
                    &[
                        "Sub Bidang Pengadaan dan Pemberhentian",
                        "Sub Bidang Data dan Sistem Informasi Kepegawaian",
                    ],
                ),
                (
                    "Bidang Mutasi dan Promosi",
                    &["Sub Bidang Mutasi", "Sub Bidang Promosi dan Kepangkatan"],
                ),
                (
                    "Bidang Pengembangan Kompetensi Aparatur",
                    &[
                        "Sub Bidang Pendidikan dan Pelatihan",
                        "Sub Bidang Sertifikasi dan Penilaian Kompetensi",
                    ],
                ),
                (
                    "Bidang Penilaian Kinerja Aparatur dan Penghargaan",
                    &[
                        "Sub Bidang Penilaian Kinerja",
                        "Sub Bidang Disiplin dan Penghargaan",
                    ],
                ),
            ],
            pool: &[
                (ANALIS_SDMA, Some(J::AhliPertama)),
                (ANALIS_SDMA, Some(J::AhliMuda)),
                (ANALIS_SDMA, Some(J::AhliMadya)),
                (PRANATA_SDMA, Some(J::Terampil)),
                (PRANATA_SDMA, Some(J::Mahir)),
                (PRANATA_SDMA, Some(J::Penyelia)),
                (ASESOR_SDMA, Some(J::AhliMuda)),
                (WIDYAISWARA, Some(J::AhliMadya)),
                (PRANATA_KOMPUTER, Some(J::AhliPertama)),
            ],
            ilmu: I::Umum,
        };
        let h = self.perangkat(&bkpsdm, &LP_BADAN);
        self.staf(
            &h.unit_bidang[2],
            &h.kabid[2],
            LP_BADAN.staf_bidang,
            (WIDYAISWARA, Some(J::AhliUtama)),
            1,
        );
    }

    fn badan_ber_uptd(&mut self) {
        let bapenda = Pd {
            kode: "BAPENDA",
            nama: "Badan Pendapatan Daerah",
            kepala: "Kepala Badan Pendapatan Daerah",
            sekretaris: "Sekretaris Badan Pendapatan Daerah",
            subbag: &[
                "Sub Bagian Umum dan Kepegawaian",
                "Sub Bagian Perencanaan dan Keuangan",
            ],
            bidang: &[
                (
                    "Bidang Pendaftaran dan Penetapan",
                    &[
                        "Sub Bidang Pendaftaran dan Pendataan",
                        "Sub Bidang Penetapan",
                    ],
                ),
                (
                    "Bidang Penagihan dan Keberatan",
                    &[
                        "Sub Bidang Penagihan",
                        "Sub Bidang Keberatan dan Pengurangan",
                    ],
                ),
                (
                    "Bidang Pajak Bumi dan Bangunan",
                    &["Sub Bidang Pendataan PBB", "Sub Bidang Penilaian PBB"],
                ),
            ],
            pool: &[
                (ANALIS_KEUANGAN, Some(J::AhliPertama)),
                (ANALIS_KEUANGAN, Some(J::AhliMuda)),
                (PRANATA_KOMPUTER, Some(J::Terampil)),
                (PENATA_LO, None),
                (PENGELOLA_LO, None),
                (OPERATOR_LO, None),
            ],
            ilmu: I::Ekonomi,
        };
        let h = self.perangkat(&bapenda, &LP_BADAN_UPTD);
        let lp = LampiranUptd {
            kepala: "Kepala UPT",
            kasubbag_tu: "Kepala Sub Bagian Tata Usaha UPT",
            staf: "Jabatan Fungsional/Pelaksana pada UPT",
        };
        let pool: &'static [Isian] = &[
            (PENATA_LO, None),
            (PENGELOLA_LO, None),
            (OPERATOR_LO, None),
            (PENGADMINISTRASI, None),
            (ANALIS_KEUANGAN, Some(J::AhliPertama)),
        ];
        for (i, nama) in [
            "UPTD Pajak Daerah Wilayah I",
            "UPTD Pajak Daerah Wilayah II",
            "UPTD Pajak Daerah Wilayah III",
        ]
        .iter()
        .enumerate()
        {
            let u = Uptd {
                nama,
                ilmu: I::Ekonomi,
                pool,
                posisi: (3, 4),
            };
            self.uptd("BAPENDA", i + 1, &h.kepala, &u, &lp);
        }
    }

    fn satpol_pp(&mut self) {
        let satpol = Pd {
            kode: "SATPOLPP",
            nama: "Satuan Polisi Pamong Praja",
            kepala: "Kepala Satuan Polisi Pamong Praja",
            sekretaris: "Sekretaris Satuan Polisi Pamong Praja",
            subbag: &[
                "Sub Bagian Umum dan Kepegawaian",
                "Sub Bagian Perencanaan dan Keuangan",
            ],
            bidang: &[
                (
                    "Bidang Penegakan Peraturan Daerah",
                    &[
                        "Seksi Pembinaan, Pengawasan dan Penyuluhan",
                        "Seksi Penyelidikan dan Penyidikan",
                    ],
                ),
                (
                    "Bidang Ketertiban Umum dan Ketenteraman Masyarakat",
                    &["Seksi Operasi dan Pengendalian", "Seksi Kerja Sama"],
                ),
                (
                    "Bidang Perlindungan Masyarakat",
                    &[
                        "Seksi Satuan Perlindungan Masyarakat",
                        "Seksi Bina Potensi Masyarakat",
                    ],
                ),
            ],
            pool: &[
                (POLPP, Some(J::Pemula)),
                (POLPP, Some(J::Terampil)),
                (POLPP, Some(J::Mahir)),
                (POLPP, Some(J::Penyelia)),
                (POLPP, Some(J::AhliPertama)),
                (POLPP, Some(J::AhliMuda)),
                (OPERATOR_LO, None),
            ],
            ilmu: I::Polpp,
        };
        // The staff of a Seksi report to their Kepala Seksi. Lampiran II names "Kepala Sub Seksi/
        // Kepala Bidang" as their rater; there is no Kepala Sub Seksi in this structure, so the
        // resolver's nearest match up the chain is the Kepala Bidang.
        let h = self.perangkat(&satpol, &LP_SATPOL);
        // Pol PP platoons working directly under each Kepala Bidang.
        for (u, kabid) in h.unit_bidang.iter().zip(&h.kabid) {
            let n = self.a.antara(3, 6);
            self.staf(u, kabid, LP_SATPOL.staf_bidang, (POLPP, Some(J::Pemula)), n);
            let n = self.a.antara(2, 4);
            self.staf(
                u,
                kabid,
                LP_SATPOL.staf_bidang,
                (POLPP, Some(J::Terampil)),
                n,
            );
        }
    }

    fn rsud(&mut self) {
        const T: &str = "RSUD dr. CHASBULLAH ABDULMADJID";
        const STAF_SUBBAG: &str = "Jabatan Fungsional /Pelaksana pada Sub Bagian";
        const STAF_BIDANG: &str = "Jabatan Fungsional/Pelaksana pada Bidang";
        const INSTALASI: &str =
            "Kepala Instalasi/Unit dan Pelaksana/Fungsional pada Instalasi/Unit";
        self.unit(
            "RSUD",
            "RSUD dr. Chasbullah Abdulmadjid",
            Some(PEMKOT),
            Some(T),
        );
        let direktur = self.pejabat(
            Jab {
                unit: "RSUD",
                tag: "KEPALA",
                nama: "Direktur RSUD dr. Chasbullah Abdulmadjid".to_string(),
                jenis: JenisJabatan::JptPratama,
                jenjang: None,
                posisi: "Direktur RSUD",
                atasan: WALIKOTA,
            },
            I::Dokter,
        );
        let wadir = [
            ("Wakil Direktur Umum dan Keuangan", I::Ekonomi),
            ("Wakil Direktur Pelayanan", I::Dokter),
        ];
        let mut kode_wadir = Vec::new();
        for (i, (nama, ilmu)) in wadir.iter().enumerate() {
            let u = format!("RSUD-WADIR{}", i + 1);
            self.unit(&u, nama, Some("RSUD"), None);
            kode_wadir.push(self.pejabat(
                Jab {
                    unit: &u,
                    tag: "KEPALA",
                    nama: nama.to_string(),
                    jenis: JenisJabatan::Administrator,
                    jenjang: None,
                    posisi: "Wakil Direktur",
                    atasan: &direktur,
                },
                *ilmu,
            ));
        }
        let bagian: [(&str, [&str; 2]); 3] = [
            (
                "Bagian Umum dan Kepegawaian",
                [
                    "Sub Bagian Tata Usaha dan Rumah Tangga",
                    "Sub Bagian Kepegawaian",
                ],
            ),
            (
                "Bagian Keuangan",
                [
                    "Sub Bagian Perbendaharaan",
                    "Sub Bagian Akuntansi dan Verifikasi",
                ],
            ),
            (
                "Bagian Perencanaan dan Informasi",
                [
                    "Sub Bagian Perencanaan Program",
                    "Sub Bagian Sistem Informasi Rumah Sakit",
                ],
            ),
        ];
        for (i, (nama_bag, subbag)) in bagian.iter().enumerate() {
            let ub = format!("RSUD-WADIR1-BAG{}", i + 1);
            self.unit(&ub, nama_bag, Some("RSUD-WADIR1"), None);
            let kabag = self.pejabat(
                Jab {
                    unit: &ub,
                    tag: "KEPALA",
                    nama: format!("Kepala {nama_bag}"),
                    jenis: JenisJabatan::Administrator,
                    jenjang: None,
                    posisi: "Kepala Bagian",
                    atasan: &kode_wadir[0],
                },
                I::Ekonomi,
            );
            for (k, sb) in subbag.iter().enumerate() {
                let us = format!("{ub}-SUB{}", k + 1);
                self.unit(&us, sb, Some(&ub), None);
                let kasubbag = self.pejabat(
                    Jab {
                        unit: &us,
                        tag: "KEPALA",
                        nama: format!("Kepala {sb}"),
                        jenis: JenisJabatan::Pengawas,
                        jenjang: None,
                        posisi: "Kepala Sub Bagian",
                        atasan: &kabag,
                    },
                    I::Umum,
                );
                let pool = if sb.contains("Sistem Informasi") {
                    &[
                        (PRANATA_KOMPUTER, Some(J::Terampil)),
                        (PRANATA_KOMPUTER, Some(J::AhliPertama)),
                        (PEREKAM_MEDIS, Some(J::Mahir)),
                    ][..]
                } else {
                    pool_subbag(sb)
                };
                self.regu(&us, &kasubbag, STAF_SUBBAG, pool, (2, 3), (1, 3));
            }
        }
        type Instalasi = (&'static str, &'static [Isian]);
        let bidang: [(&str, [&str; 2], &[Instalasi]); 3] = [
            (
                "Bidang Pelayanan Medik",
                [
                    "Seksi Pelayanan Medik Rawat Jalan",
                    "Seksi Pelayanan Medik Rawat Inap",
                ],
                &[
                    (
                        "Instalasi Gawat Darurat",
                        &[
                            (DOKTER, Some(J::AhliPertama)),
                            (DOKTER, Some(J::AhliMuda)),
                            (PERAWAT, Some(J::Terampil)),
                            (PERAWAT, Some(J::Mahir)),
                            (PERAWAT, Some(J::AhliPertama)),
                            (PERAWAT, Some(J::Penyelia)),
                        ],
                    ),
                    (
                        "Instalasi Rawat Jalan",
                        &[
                            (DOKTER_SP, Some(J::AhliMadya)),
                            (DOKTER_SP, Some(J::AhliMuda)),
                            (DOKTER_SP, Some(J::AhliUtama)),
                            (DOKTER_GIGI, Some(J::AhliMuda)),
                            (PERAWAT, Some(J::Terampil)),
                            (PERAWAT, Some(J::AhliPertama)),
                            (FISIOTERAPIS, Some(J::Terampil)),
                        ],
                    ),
                    (
                        "Instalasi Rawat Inap",
                        &[
                            (DOKTER, Some(J::AhliPertama)),
                            (DOKTER_SP, Some(J::AhliMadya)),
                            (PERAWAT, Some(J::Terampil)),
                            (PERAWAT, Some(J::Mahir)),
                            (PERAWAT, Some(J::AhliPertama)),
                            (PERAWAT, Some(J::AhliMuda)),
                            (BIDAN, Some(J::Terampil)),
                            (BIDAN, Some(J::Mahir)),
                            (BIDAN, Some(J::Penyelia)),
                            (BIDAN, Some(J::AhliPertama)),
                        ],
                    ),
                    (
                        "Instalasi Bedah Sentral",
                        &[
                            (DOKTER_SP, Some(J::AhliMadya)),
                            (PERAWAT, Some(J::Terampil)),
                            (PERAWAT, Some(J::Mahir)),
                            (PERAWAT, Some(J::AhliPertama)),
                        ],
                    ),
                ],
            ),
            (
                "Bidang Keperawatan",
                [
                    "Seksi Asuhan Keperawatan",
                    "Seksi Etika dan Mutu Keperawatan",
                ],
                &[(
                    "Instalasi Perawatan Intensif",
                    &[
                        (DOKTER_SP, Some(J::AhliMadya)),
                        (DOKTER, Some(J::AhliMuda)),
                        (PERAWAT, Some(J::Terampil)),
                        (PERAWAT, Some(J::Mahir)),
                        (PERAWAT, Some(J::Penyelia)),
                        (PERAWAT, Some(J::AhliPertama)),
                        (PERAWAT, Some(J::AhliMuda)),
                        (PERAWAT, Some(J::AhliMadya)),
                    ],
                )],
            ),
            (
                "Bidang Penunjang",
                ["Seksi Penunjang Medik", "Seksi Penunjang Non Medik"],
                &[
                    (
                        "Instalasi Farmasi",
                        &[
                            (APOTEKER, Some(J::AhliPertama)),
                            (APOTEKER, Some(J::AhliMuda)),
                            (TTK, Some(J::Terampil)),
                            (TTK, Some(J::Mahir)),
                            (PENGADMINISTRASI, None),
                        ],
                    ),
                    (
                        "Instalasi Laboratorium",
                        &[
                            (DOKTER_SP, Some(J::AhliMadya)),
                            (PRANATA_LAB, Some(J::Terampil)),
                            (PRANATA_LAB, Some(J::Mahir)),
                            (PRANATA_LAB, Some(J::Penyelia)),
                            (PRANATA_LAB, Some(J::AhliPertama)),
                        ],
                    ),
                    (
                        "Instalasi Radiologi",
                        &[
                            (DOKTER_SP, Some(J::AhliMadya)),
                            (RADIOGRAFER, Some(J::Terampil)),
                            (RADIOGRAFER, Some(J::Mahir)),
                            (RADIOGRAFER, Some(J::AhliPertama)),
                        ],
                    ),
                    (
                        "Instalasi Gizi",
                        &[
                            (NUTRISIONIS, Some(J::Terampil)),
                            (NUTRISIONIS, Some(J::AhliPertama)),
                            (OPERATOR_LO, None),
                        ],
                    ),
                    (
                        "Instalasi Pemeliharaan Sarana Rumah Sakit",
                        &[
                            (ELEKTROMEDIS, Some(J::Terampil)),
                            (ELEKTROMEDIS, Some(J::Mahir)),
                            (OPERATOR_LO, None),
                            (SANITASI, Some(J::Terampil)),
                        ],
                    ),
                    (
                        "Instalasi Rekam Medis",
                        &[
                            (PEREKAM_MEDIS, Some(J::Terampil)),
                            (PEREKAM_MEDIS, Some(J::Mahir)),
                            (PENGADMINISTRASI, None),
                        ],
                    ),
                ],
            ),
        ];
        let pool_seksi: &[Isian] = &[
            (ADMINKES, Some(J::AhliPertama)),
            (ADMINKES, Some(J::AhliMuda)),
            (PERAWAT, Some(J::AhliMuda)),
            (PENGELOLA_LO, None),
            (PENGADMINISTRASI, None),
        ];
        for (i, (nama_bid, seksi, instalasi)) in bidang.iter().enumerate() {
            let ub = format!("RSUD-WADIR2-BID{}", i + 1);
            self.unit(&ub, nama_bid, Some("RSUD-WADIR2"), None);
            let kabid = self.pejabat(
                Jab {
                    unit: &ub,
                    tag: "KEPALA",
                    nama: format!("Kepala {nama_bid}"),
                    jenis: JenisJabatan::Administrator,
                    jenjang: None,
                    posisi: "Kepala Bidang",
                    atasan: &kode_wadir[1],
                },
                if i == 1 { I::Perawat } else { I::Dokter },
            );
            for (k, s) in seksi.iter().enumerate() {
                let us = format!("{ub}-SEK{}", k + 1);
                self.unit(&us, s, Some(&ub), None);
                let kasi = self.pejabat(
                    Jab {
                        unit: &us,
                        tag: "KEPALA",
                        nama: format!("Kepala {s}"),
                        jenis: JenisJabatan::Pengawas,
                        jenjang: None,
                        posisi: "Kepala Seksi",
                        atasan: &kabid,
                    },
                    if i == 1 { I::Perawat } else { I::Kesehatan },
                );
                self.regu(&us, &kasi, STAF_BIDANG, pool_seksi, (2, 3), (1, 2));
            }
            for (k, (nama_ins, pool)) in instalasi.iter().enumerate() {
                let ui = format!("{ub}-INST{}", k + 1);
                self.unit(&ui, nama_ins, Some(&ub), None);
                let kepala = self.pejabat(
                    Jab {
                        unit: &ui,
                        tag: "KEPALA",
                        nama: format!("Kepala {nama_ins}"),
                        jenis: JenisJabatan::Pengawas,
                        jenjang: None,
                        posisi: INSTALASI,
                        atasan: &kabid,
                    },
                    match *nama_ins {
                        "Instalasi Farmasi" => I::Apoteker,
                        "Instalasi Laboratorium" => I::Laboratorium,
                        "Instalasi Radiologi" => I::Radiologi,
                        "Instalasi Gizi" => I::Gizi,
                        "Instalasi Rekam Medis" => I::RekamMedis,
                        "Instalasi Pemeliharaan Sarana Rumah Sakit" => I::Teknik,
                        _ => I::Dokter,
                    },
                );
                for isian in pool.iter() {
                    let n = match isian.0.ilmu {
                        I::Perawat => self.a.antara(4, 9),
                        I::Bidan => self.a.antara(3, 6),
                        _ => self.a.antara(1, 4),
                    };
                    let n = if isian.1 == Some(J::AhliUtama) { 2 } else { n };
                    self.staf(&ui, &kepala, INSTALASI, *isian, n);
                }
            }
        }
    }

    fn kecamatan(&mut self) {
        const SEK_KEC: [&str; 5] = [
            "Seksi Pemerintahan",
            "Seksi Ketenteraman dan Ketertiban Umum",
            "Seksi Ekonomi dan Pembangunan",
            "Seksi Kesejahteraan Sosial",
            "Seksi Pelayanan Umum",
        ];
        const SEK_KEL: [&str; 3] = [
            "Seksi Pemerintahan dan Ketenteraman",
            "Seksi Ekonomi dan Pembangunan",
            "Seksi Kesejahteraan Sosial",
        ];
        let kecamatan: [(&str, &str, &[&str]); 5] = [
            (
                "KEC-BKT",
                "Bekasi Timur",
                &["Aren Jaya", "Bekasi Jaya", "Duren Jaya", "Margahayu"],
            ),
            (
                "KEC-BKU",
                "Bekasi Utara",
                &[
                    "Harapan Jaya",
                    "Kaliabang Tengah",
                    "Perwira",
                    "Teluk Pucung",
                    "Marga Mulya",
                    "Harapan Baru",
                ],
            ),
            (
                "KEC-RWL",
                "Rawalumbu",
                &[
                    "Bojong Rawalumbu",
                    "Bojong Menteng",
                    "Pengasinan",
                    "Sepanjang Jaya",
                ],
            ),
            (
                "KEC-JTA",
                "Jatiasih",
                &[
                    "Jatiasih",
                    "Jatimekar",
                    "Jatirasa",
                    "Jatikramat",
                    "Jatiluhur",
                    "Jatisari",
                ],
            ),
            (
                "KEC-BTG",
                "Bantar Gebang",
                &["Bantar Gebang", "Cikiwul", "Ciketing Udik", "Sumur Batu"],
            ),
        ];
        let pool_kec: &[Isian] = &[
            (PENGADMINISTRASI, None),
            (PENGELOLA_LO, None),
            (PENATA_LO, None),
            (OPERATOR_LO, None),
            (PENGGERAK_SWADAYA, Some(J::AhliPertama)),
            (ANALIS_KEBIJAKAN, Some(J::AhliPertama)),
            (POLPP, Some(J::Terampil)),
        ];
        let pool_kel: &[Isian] = &[
            (PENGADMINISTRASI, None),
            (PENGELOLA_LO, None),
            (OPERATOR_LO, None),
            (PENATA_LO, None),
        ];
        for (kode, nama, kelurahan) in kecamatan {
            self.unit(
                kode,
                &format!("Kecamatan {nama}"),
                Some(PEMKOT),
                Some("KECAMATAN"),
            );
            let camat = self.pejabat(
                Jab {
                    unit: kode,
                    tag: "CAMAT",
                    nama: format!("Camat {nama}"),
                    jenis: JenisJabatan::Administrator,
                    jenjang: None,
                    posisi: "Camat",
                    atasan: WALIKOTA,
                },
                I::Umum,
            );
            let sekr = format!("{kode}-SEKR");
            self.unit(&sekr, "Sekretariat Kecamatan", Some(kode), None);
            let sekcam = self.pejabat(
                Jab {
                    unit: &sekr,
                    tag: "KEPALA",
                    nama: format!("Sekretaris Kecamatan {nama}"),
                    jenis: JenisJabatan::Administrator,
                    jenjang: None,
                    posisi: "Sekretaris Kecamatan",
                    atasan: &camat,
                },
                I::Umum,
            );
            for (i, sb) in [
                "Sub Bagian Umum dan Kepegawaian",
                "Sub Bagian Perencanaan dan Keuangan",
            ]
            .iter()
            .enumerate()
            {
                let u = format!("{sekr}-SUB{}", i + 1);
                self.unit(&u, sb, Some(&sekr), None);
                let k = self.pejabat(
                    Jab {
                        unit: &u,
                        tag: "KEPALA",
                        nama: format!("Kepala {sb} Kecamatan {nama}"),
                        jenis: JenisJabatan::Pengawas,
                        jenjang: None,
                        posisi: "Kepala Sub Bagian",
                        atasan: &sekcam,
                    },
                    I::Umum,
                );
                self.regu(
                    &u,
                    &k,
                    "Jabatan Fungsional /Pelaksana pada Sub Bagian",
                    pool_subbag(sb),
                    (1, 2),
                    (1, 2),
                );
            }
            for (i, s) in SEK_KEC.iter().enumerate() {
                let u = format!("{kode}-SEK{}", i + 1);
                self.unit(&u, s, Some(kode), None);
                // The Seksi report to the Camat in the structure; Lampiran II has the Sekretaris
                // Kecamatan rate them (found in the kecamatan by the resolver).
                let k = self.pejabat(
                    Jab {
                        unit: &u,
                        tag: "KEPALA",
                        nama: format!("Kepala {s} Kecamatan {nama}"),
                        jenis: JenisJabatan::Pengawas,
                        jenjang: None,
                        posisi: "Kepala Seksi",
                        atasan: &camat,
                    },
                    I::Umum,
                );
                self.regu(
                    &u,
                    &k,
                    "Jabatan Fungsional /Pelaksana pada Seksi",
                    pool_kec,
                    (1, 2),
                    (1, 2),
                );
            }
            for (i, kel) in kelurahan.iter().enumerate() {
                let u = format!("{kode}-KEL{}", i + 1);
                self.unit(
                    &u,
                    &format!("Kelurahan {kel}"),
                    Some(kode),
                    Some("KELURAHAN"),
                );
                let lurah = self.pejabat(
                    Jab {
                        unit: &u,
                        tag: "LURAH",
                        nama: format!("Lurah {kel}"),
                        jenis: JenisJabatan::Pengawas,
                        jenjang: None,
                        posisi: "Lurah",
                        atasan: &camat,
                    },
                    I::Umum,
                );
                let seklur = self.pejabat(
                    Jab {
                        unit: &u,
                        tag: "SEKLUR",
                        nama: format!("Sekretaris Kelurahan {kel}"),
                        jenis: JenisJabatan::Pengawas,
                        jenjang: None,
                        posisi: "Sekretaris Kelurahan",
                        atasan: &lurah,
                    },
                    I::Umum,
                );
                self.regu(
                    &u,
                    &seklur,
                    "Jabatan Fungsional /Pelaksana pada Sekertariat",
                    pool_kel,
                    (1, 2),
                    (1, 2),
                );
                for (j, s) in SEK_KEL.iter().enumerate() {
                    let kasi = self.pejabat(
                        Jab {
                            unit: &u,
                            tag: &format!("KASI{}", j + 1),
                            nama: format!("Kepala {s} Kelurahan {kel}"),
                            jenis: JenisJabatan::Pengawas,
                            jenjang: None,
                            posisi: "Kepala Seksi",
                            atasan: &lurah,
                        },
                        I::Umum,
                    );
                    let n = self.a.antara(1, 2);
                    let isian = self.a.pilih(pool_kel);
                    self.staf(
                        &u,
                        &kasi,
                        "Jabatan Fungsional /Pelaksana pada Seksi",
                        isian,
                        n,
                    );
                }
            }
        }
    }

    fn bpbd(&mut self) {
        const T: &str = "PELAKSANA BADAN PENANGGULANGAN BENCANA DAERAH (BPBD)";
        self.unit(
            "BPBD",
            "Badan Penanggulangan Bencana Daerah",
            Some(PEMKOT),
            Some(T),
        );
        let kalaksa = self.pejabat(
            Jab {
                unit: "BPBD",
                tag: "KEPALA",
                nama: "Kepala Pelaksana Badan Penanggulangan Bencana Daerah".to_string(),
                jenis: JenisJabatan::JptPratama,
                jenjang: None,
                posisi: "Kepala Pelaksana",
                atasan: WALIKOTA,
            },
            I::Umum,
        );
        self.unit("BPBD-SEKR", "Sekretariat", Some("BPBD"), None);
        let sekretaris = self.pejabat(
            Jab {
                unit: "BPBD-SEKR",
                tag: "KEPALA",
                nama: "Sekretaris Pelaksana Badan Penanggulangan Bencana Daerah".to_string(),
                jenis: JenisJabatan::Administrator,
                jenjang: None,
                posisi: "Sekretaris Pelaksana",
                atasan: &kalaksa,
            },
            I::Umum,
        );
        self.regu(
            "BPBD-SEKR",
            &sekretaris,
            "Pelaksana pada Sekretariat",
            &[
                (PENGADMINISTRASI, None),
                (PENGELOLA_KEUANGAN, None),
                (PENATA_LO, None),
                (OPERATOR_LO, None),
            ],
            (3, 4),
            (1, 2),
        );
        let seksi = [
            "Seksi Pencegahan dan Kesiapsiagaan",
            "Seksi Kedaruratan dan Logistik",
            "Seksi Rehabilitasi dan Rekonstruksi",
        ];
        let pool: &[Isian] = &[
            (OPERATOR_LO, None),
            (PENGELOLA_LO, None),
            (PENATA_LO, None),
            (ANALIS_BENCANA, Some(J::AhliPertama)),
            (ANALIS_BENCANA, Some(J::AhliMuda)),
        ];
        for (i, s) in seksi.iter().enumerate() {
            let u = format!("BPBD-SEK{}", i + 1);
            self.unit(&u, s, Some("BPBD"), None);
            let kasi = self.pejabat(
                Jab {
                    unit: &u,
                    tag: "KEPALA",
                    nama: format!("Kepala {s}"),
                    jenis: JenisJabatan::Pengawas,
                    jenjang: None,
                    posisi: "Kepala Seksi",
                    atasan: &kalaksa,
                },
                I::Teknik,
            );
            self.regu(&u, &kasi, "Pelaksana pada Seksi", pool, (3, 4), (1, 3));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kinerja_domain::penilai::{
        baca_tabel_penilai, normalisasi_nama, tentukan_penilai, AturanPenilai, Dasar, HasilPenilai,
        JabatanOrg, Organisasi, UnitOrg,
    };
    use std::collections::BTreeMap;

    const CSV: &str = include_str!("../../domain/data/bekasi_raters.csv");

    fn aturan() -> Vec<AturanPenilai> {
        baca_tabel_penilai(CSV).expect("the shipped rater table parses")
    }

    /// The demo data as the rater resolver sees it, with synthetic ids (index + 1).
    struct Org {
        org: Organisasi,
        jabatan_id: HashMap<String, i64>,
        pegawai_id: HashMap<String, i64>,
        /// Lampiran II unit type inherited by each unit kode.
        tipe: HashMap<String, String>,
    }

    fn organisasi(d: &DataOrganisasi) -> Org {
        let unit_id: HashMap<&str, i64> = d
            .unit
            .iter()
            .enumerate()
            .map(|(i, u)| (u.kode.as_str(), i as i64 + 1))
            .collect();
        let jabatan_id: HashMap<String, i64> = d
            .jabatan
            .iter()
            .enumerate()
            .map(|(i, j)| (j.kode.clone(), i as i64 + 1))
            .collect();
        let pegawai_id: HashMap<String, i64> = d
            .pegawai
            .iter()
            .enumerate()
            .map(|(i, p)| (p.nip.to_string(), i as i64 + 1))
            .collect();
        let mut pemangku: HashMap<&str, i64> = HashMap::new();
        for (i, p) in d.pegawai.iter().enumerate() {
            if let Some(k) = &p.jabatan_kode {
                pemangku.entry(k.as_str()).or_insert(i as i64 + 1);
            }
        }
        let units = d
            .unit
            .iter()
            .map(|u| UnitOrg {
                id: unit_id[u.kode.as_str()],
                parent_id: u.induk_kode.as_deref().map(|k| unit_id[k]),
                nama: u.nama.clone(),
                tipe_lampiran: u.tipe_lampiran.clone(),
            })
            .collect();
        let nip_id = |n: &Option<Nip>| n.as_ref().map(|n| pegawai_id[n.as_str()]);
        let jabatan = d
            .jabatan
            .iter()
            .map(|j| JabatanOrg {
                id: jabatan_id[&j.kode],
                unit_id: unit_id[j.unit_kode.as_str()],
                nama: j.nama.clone(),
                jenis: j.jenis_jabatan,
                posisi_lampiran: j.posisi_lampiran.clone(),
                atasan_id: j.atasan_kode.as_ref().map(|k| jabatan_id[k]),
                pemangku: pemangku.get(j.kode.as_str()).copied(),
                plt: nip_id(&j.plt_nip),
                plh: nip_id(&j.plh_nip),
            })
            .collect();
        let mut tipe = HashMap::new();
        for u in &d.unit {
            let t = u.tipe_lampiran.clone().or_else(|| {
                u.induk_kode
                    .as_ref()
                    .and_then(|k| tipe.get(k).cloned())
                    .filter(|t: &String| !t.is_empty())
            });
            tipe.insert(u.kode.clone(), t.unwrap_or_default());
        }
        Org {
            org: Organisasi::new(units, jabatan, aturan(), Vec::new()),
            jabatan_id,
            pegawai_id,
            tipe,
        }
    }

    fn penilai_untuk(o: &Org, p: &PegawaiImpor) -> HasilPenilai {
        let kode = p
            .jabatan_kode
            .as_ref()
            .expect("every demo pegawai holds a position");
        tentukan_penilai(&o.org, o.pegawai_id[p.nip.as_str()], o.jabatan_id[kode])
            .unwrap_or_else(|e| panic!("{} ({kode}): {e}", p.nama))
    }

    #[test]
    fn deterministik() {
        let a = bangun(7);
        let b = bangun(7);
        assert_eq!(a.data.unit, b.data.unit);
        assert_eq!(a.data.jabatan, b.data.jabatan);
        assert_eq!(a.data.pegawai, b.data.pegawai);
        assert_eq!(a.logins, b.logins);
        let c = bangun(8);
        let nama = |d: &Demo| {
            d.data
                .pegawai
                .iter()
                .map(|p| p.nama.clone())
                .collect::<Vec<_>>()
        };
        assert_ne!(nama(&a), nama(&c));
        let sama = nama(&a)
            .iter()
            .zip(nama(&c))
            .filter(|(x, y)| *x == y)
            .count();
        assert!(sama < 100, "{sama} names equal at the same index");
    }

    #[test]
    fn jumlah_dan_pppk() {
        for seed in [0, 1, 2, 7, 42, 2026, u64::MAX] {
            let d = bangun(seed).data;
            let n = d.pegawai.len();
            assert!((2800..=3300).contains(&n), "seed {seed}: {n} pegawai");
            let pppk = d
                .pegawai
                .iter()
                .filter(|p| p.status_asn == StatusAsn::Pppk)
                .count();
            let persen = pppk as f64 * 100.0 / n as f64;
            assert!(
                (8.0..=18.0).contains(&persen),
                "seed {seed}: PPPK {persen:.1}%"
            );
        }
    }

    #[test]
    fn nip_sah_unik_dan_golongan_cocok() {
        let d = bangun(3).data;
        let mut dilihat = HashSet::new();
        let jabatan: HashMap<&str, &JabatanImpor> =
            d.jabatan.iter().map(|j| (j.kode.as_str(), j)).collect();
        for p in &d.pegawai {
            let nip = Nip::parse(p.nip.as_str()).expect("NIP parses");
            assert!(dilihat.insert(nip.clone()), "duplicate NIP {nip}");
            let lahir = nip.tanggal_lahir();
            let th = chrono::Datelike::year(&lahir);
            assert!((1966..=2001).contains(&th), "{nip}");
            let (tmt, bulan) = nip.tmt();
            assert!((tmt, bulan) <= (2026, 10), "{nip}: TMT in the future");
            assert!(tmt - th >= 21, "{nip}: appointed before 21");
            if p.nama.contains("Hj.") {
                assert_eq!(&nip.as_str()[14..15], "2", "{}", p.nama);
            }
            if p.nama.starts_with("H. ") || p.nama.contains(" H. ") {
                assert_eq!(&nip.as_str()[14..15], "1", "{}", p.nama);
            }
            assert_eq!(p.golongan.status(), p.status_asn, "{}", p.nama);
            let j = jabatan[p.jabatan_kode.as_deref().unwrap()];
            if let Golongan::Pns(g) = p.golongan {
                let k = g.kode();
                let boleh: &[&str] = match (j.jenis_jabatan, j.jenjang) {
                    (Some(JenisJabatan::JptPratama), _) => &["IV/c", "IV/d"],
                    (Some(JenisJabatan::Administrator), _) => &["IV/a", "IV/b"],
                    (Some(JenisJabatan::Pengawas), _) if j.nama.starts_with("Kepala Sekolah") => {
                        &["III/d", "IV/a", "IV/b"]
                    }
                    (Some(JenisJabatan::Pengawas), _) => {
                        &["III/c", "III/d", "III/d", "IV/a", "IV/b"]
                    }
                    (Some(JenisJabatan::Fungsional), Some(Jenjang::AhliPertama)) => {
                        &["III/a", "III/b"]
                    }
                    (Some(JenisJabatan::Fungsional), Some(Jenjang::AhliMuda)) => {
                        &["III/c", "III/d"]
                    }
                    (Some(JenisJabatan::Fungsional), Some(Jenjang::AhliMadya)) => &["IV/a", "IV/b"],
                    (Some(JenisJabatan::Fungsional), Some(Jenjang::AhliUtama)) => &["IV/d", "IV/e"],
                    (Some(JenisJabatan::Pelaksana), _) => {
                        &["II/a", "II/b", "II/c", "II/d", "III/a", "III/b"]
                    }
                    _ => &[],
                };
                if !boleh.is_empty() {
                    assert!(boleh.contains(&k), "{} {}: {k}", p.nama, j.nama);
                }
            }
        }
    }

    #[test]
    fn kode_unik_dan_rujukan_ada() {
        let d = bangun(11).data;
        let mut unit = HashSet::new();
        for u in &d.unit {
            if let Some(i) = &u.induk_kode {
                assert!(
                    unit.contains(i),
                    "unit {} listed before its parent {i}",
                    u.kode
                );
            }
            assert!(
                unit.insert(u.kode.clone()),
                "duplicate unit kode {}",
                u.kode
            );
        }
        let mut jabatan = HashSet::new();
        for j in &d.jabatan {
            assert!(
                jabatan.insert(j.kode.clone()),
                "duplicate jabatan kode {}",
                j.kode
            );
            assert!(unit.contains(&j.unit_kode), "{}", j.kode);
            assert!(j.posisi_lampiran.is_some(), "{}", j.kode);
        }
        let nip: HashSet<&str> = d.pegawai.iter().map(|p| p.nip.as_str()).collect();
        let mut pemangku: HashMap<&str, usize> = HashMap::new();
        for p in &d.pegawai {
            let k = p
                .jabatan_kode
                .as_deref()
                .expect("every pegawai holds a position");
            assert!(jabatan.contains(k), "{k}");
            *pemangku.entry(k).or_default() += 1;
        }
        for j in &d.jabatan {
            if j.kode == WALIKOTA {
                assert!(j.atasan_kode.is_none() && j.jenis_jabatan.is_none());
                assert!(j.pemangku_non_asn.is_some());
                assert_eq!(j.posisi_lampiran.as_deref(), Some("Wali Kota"));
            } else {
                let a = j
                    .atasan_kode
                    .as_ref()
                    .expect("every position has a superior");
                assert!(jabatan.contains(a), "{} → {a}", j.kode);
            }
            for n in [&j.plt_nip, &j.plh_nip].into_iter().flatten() {
                assert!(nip.contains(n.as_str()), "{}", j.kode);
            }
            let jenis = j.jenis_jabatan;
            let struktural = !matches!(
                jenis,
                Some(JenisJabatan::Fungsional | JenisJabatan::Pelaksana)
            );
            if struktural {
                assert!(
                    pemangku.get(j.kode.as_str()).copied().unwrap_or(0) <= 1,
                    "{}",
                    j.kode
                );
            }
        }
    }

    #[test]
    fn setiap_baris_tabel_terisi() {
        let d = bangun(5).data;
        let o = organisasi(&d);
        let dipegang: HashSet<&str> = d
            .pegawai
            .iter()
            .filter_map(|p| p.jabatan_kode.as_deref())
            .collect();
        let mut kosong = Vec::new();
        for a in aturan() {
            let ada = d.jabatan.iter().any(|j| {
                dipegang.contains(j.kode.as_str())
                    && normalisasi_nama(&o.tipe[&j.unit_kode]) == normalisasi_nama(&a.tipe_unit)
                    && j.posisi_lampiran.as_deref() == Some(a.posisi.as_str())
            });
            if !ada {
                kosong.push(format!("{} / {}", a.tipe_unit, a.posisi));
            }
        }
        assert!(kosong.is_empty(), "rows without a holder: {kosong:#?}");
        // And every position matches a row of its unit type (the Wali Kota excepted).
        for j in &d.jabatan {
            if j.kode != WALIKOTA {
                let id = o.jabatan_id[&j.kode];
                assert!(o.org.aturan_jabatan(id).is_some(), "{} has no row", j.kode);
            }
        }
    }

    #[test]
    fn penilai_setiap_pegawai_dari_tabel() {
        for seed in [5, 99] {
            let d = bangun(seed).data;
            let o = organisasi(&d);
            let mut penyimpangan: BTreeMap<String, (usize, String)> = BTreeMap::new();
            let mut dasar: BTreeMap<&str, usize> = BTreeMap::new();
            for p in &d.pegawai {
                let h = penilai_untuk(&o, p);
                let r = h.pejabat_penilai.as_ref().expect("a rater");
                let at = h.atasan_pejabat_penilai.as_ref().expect("an atasan");
                *dasar.entry(r.dasar.kode()).or_default() += 1;
                assert!(
                    matches!(
                        r.dasar,
                        Dasar::TabelPenilai | Dasar::Plt | Dasar::Plh | Dasar::Kekosongan
                    ),
                    "{}: {:?}",
                    p.nama,
                    r
                );
                let j = &d.jabatan[(o.jabatan_id[p.jabatan_kode.as_ref().unwrap()] - 1) as usize];
                let mut catat = |apa: &str, ket: &str| {
                    let kunci = format!(
                        "{apa}: {} / {}",
                        o.tipe[&j.unit_kode],
                        j.posisi_lampiran.as_deref().unwrap_or("")
                    );
                    let e = penyimpangan.entry(kunci).or_insert((0, ket.to_string()));
                    e.0 += 1;
                };
                if !r.keterangan.starts_with("Lampiran II") || r.keterangan.contains("tetapi") {
                    catat("penilai", &r.keterangan);
                }
                if !at.keterangan.starts_with("Lampiran II") || at.keterangan.contains("tetapi") {
                    catat("atasan", &at.keterangan);
                }
            }
            assert!(
                penyimpangan.is_empty(),
                "seed {seed}: not decided by the table: {penyimpangan:#?}"
            );
            for k in ["plt", "plh", "kekosongan", "tabel_penilai"] {
                assert!(
                    dasar.contains_key(k),
                    "seed {seed}: no dasar {k}: {dasar:?}"
                );
            }
        }
    }

    #[test]
    fn rantai_login_demo() {
        let demo = bangun(2026);
        let d = &demo.data;
        let o = organisasi(d);
        let l = &demo.logins;
        assert_eq!(l.len(), 6);
        assert_eq!(
            l[0],
            DemoLogin {
                peran: "Admin BKPSDM",
                username: "admin".into(),
                nama: "Admin BKPSDM".into(),
                jabatan: "Admin BKPSDM".into(),
            }
        );
        let peran: Vec<&str> = l.iter().map(|x| x.peran).collect();
        assert_eq!(
            peran,
            [
                "Admin BKPSDM",
                "Kepala Dinas",
                "Kepala Bidang",
                "Kepala Seksi",
                "Jabatan Fungsional",
                "Pelaksana"
            ]
        );
        let cari = |nip: &str| {
            let p = d
                .pegawai
                .iter()
                .find(|p| p.nip.as_str() == nip)
                .expect("login is a pegawai");
            (o.pegawai_id[nip], penilai_untuk(&o, p))
        };
        let (kadis, h_kadis) = cari(&l[1].username);
        let (kabid, h_kabid) = cari(&l[2].username);
        let (kasi, h_kasi) = cari(&l[3].username);
        let (_, h_jf) = cari(&l[4].username);
        let (_, h_pl) = cari(&l[5].username);
        let orang = |h: &HasilPenilai| {
            (
                h.pejabat_penilai.as_ref().and_then(|p| p.pegawai_id),
                h.atasan_pejabat_penilai.as_ref().and_then(|p| p.pegawai_id),
            )
        };
        let walikota = o.jabatan_id[WALIKOTA];
        assert_eq!(
            h_kadis.pejabat_penilai.as_ref().and_then(|p| p.jabatan_id),
            Some(walikota)
        );
        assert_eq!(orang(&h_kabid).0, Some(kadis));
        let sekda = h_kabid.atasan_pejabat_penilai.as_ref().unwrap();
        assert_eq!(sekda.jabatan_id, Some(o.jabatan_id[SEKDA]));
        assert_eq!(sekda.dasar, Dasar::TabelPenilai);
        assert_eq!(orang(&h_kasi), (Some(kabid), Some(kadis)));
        assert_eq!(orang(&h_jf), (Some(kasi), Some(kabid)));
        assert_eq!(orang(&h_pl), (Some(kasi), Some(kabid)));
        for h in [&h_kabid, &h_kasi, &h_jf, &h_pl] {
            assert_eq!(h.dasar, Dasar::TabelPenilai);
        }
        assert!(l[1].jabatan.starts_with("Kepala Dinas"));
        assert!(l[2].jabatan.starts_with("Kepala Bidang"));
        assert!(l[3].jabatan.starts_with("Kepala Seksi"));
        assert_eq!(l[4].jabatan, "Pranata Komputer Ahli Muda");
        assert_eq!(l[5].jabatan, "Pengelola Layanan Operasional");
    }

    #[test]
    fn kepala_bidang_dinas_dinilai_kepala_dinas_dan_sekda() {
        let d = bangun(1).data;
        let o = organisasi(&d);
        let mut n = 0;
        for p in &d.pegawai {
            let k = p.jabatan_kode.as_deref().unwrap();
            let j = d.jabatan.iter().find(|j| j.kode == k).unwrap();
            if o.tipe[&j.unit_kode] == "DINAS"
                && j.posisi_lampiran.as_deref() == Some("Kepala Bidang")
            {
                let h = penilai_untuk(&o, p);
                let at = h.atasan_pejabat_penilai.unwrap();
                assert_eq!(at.jabatan_id, Some(o.jabatan_id[SEKDA]), "{}", j.nama);
                n += 1;
            }
        }
        assert!(n >= 10);
    }

    #[test]
    fn jenjang_lengkap_dan_pengganti() {
        let d = bangun(9).data;
        let jabatan: HashMap<&str, &JabatanImpor> =
            d.jabatan.iter().map(|j| (j.kode.as_str(), j)).collect();
        let mut per_jenjang: HashMap<Jenjang, usize> = HashMap::new();
        let mut dipegang = HashSet::new();
        for p in &d.pegawai {
            let k = p.jabatan_kode.as_deref().unwrap();
            dipegang.insert(k);
            if let Some(j) = jabatan[k].jenjang {
                *per_jenjang.entry(j).or_default() += 1;
            }
        }
        for j in Jenjang::SEMUA {
            let n = per_jenjang.get(j).copied().unwrap_or(0);
            assert!(n >= 3, "jenjang {j}: {n}");
        }
        let kosong = |j: &&JabatanImpor| !dipegang.contains(j.kode.as_str()) && j.kode != WALIKOTA;
        let plt = d
            .jabatan
            .iter()
            .filter(kosong)
            .filter(|j| j.plt_nip.is_some())
            .count();
        let plh = d
            .jabatan
            .iter()
            .filter(kosong)
            .filter(|j| j.plh_nip.is_some())
            .count();
        let tanpa = d
            .jabatan
            .iter()
            .filter(kosong)
            .filter(|j| j.plt_nip.is_none() && j.plh_nip.is_none())
            .count();
        assert!(plt >= 1 && plh >= 1 && tanpa >= 1, "{plt} {plh} {tanpa}");
    }
}
