//! Perilaku kerja (the seven BerAKHLAK core values, Pasal 9(3)) and the other enumerations of the
//! SKP: aspek IKI, perspektif (JPT), jenis RHK and pendekatan.

use crate::enumerasi;

enumerasi!(
    /// A BerAKHLAK core value, each with three fixed guidance lines (Pasal 9(3)).
    AspekPerilaku, "perilaku", {
        BerorientasiPelayanan => ("berorientasi_pelayanan", "Berorientasi Pelayanan"),
        Akuntabel => ("akuntabel", "Akuntabel"),
        Kompeten => ("kompeten", "Kompeten"),
        Harmonis => ("harmonis", "Harmonis"),
        Loyal => ("loyal", "Loyal"),
        Adaptif => ("adaptif", "Adaptif"),
        Kolaboratif => ("kolaboratif", "Kolaboratif"),
    }
);

impl AspekPerilaku {
    /// The three guidance lines exactly as printed in the Lampiran I formats of Perwali Bekasi
    /// 38/2023 (seed 003).
    pub fn pedoman(self) -> [&'static str; 3] {
        match self {
            Self::BerorientasiPelayanan => [
                "Memahami dan memenuhi kebutuhan masyarakat",
                "Ramah, cekatan, solutif, dan dapat diandalkan",
                "Melakukan perbaikan tiada henti",
            ],
            Self::Akuntabel => [
                "Melaksanakan tugas dengan jujur, bertanggungjawab, cermat, disiplin dan berintegritas tinggi",
                "Menggunakan kekayaan dan barang milik negara secara bertanggungjawab, efektif, dan efisien",
                "Tidak menyalahgunakan kewenangan jabatan",
            ],
            Self::Kompeten => [
                "Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah",
                "Membantu orang lain belajar",
                "Melaksanakan tugas dengan kualitas terbaik",
            ],
            Self::Harmonis => [
                "Menghargai setiap orang apapun latar belakangnya",
                "Suka menolong orang lain",
                "Membangun lingkungan kerja yang kondusif",
            ],
            Self::Loyal => [
                "Memegang teguh ideologi Pancasila, Undang-Undang Dasar Negara Republik Indonesia Tahun 1945, setia kepada Negara Kesatuan Republik Indonesia serta pemerintahan yang sah",
                "Menjaga nama baik sesama ASN, Pimpinan, Instansi, dan Negara",
                "Menjaga rahasia jabatan dan negara",
            ],
            Self::Adaptif => [
                "Cepat menyesuaikan diri menghadapi perubahan",
                "Terus berinovasi dan mengembangkan kreativitas",
                "Bertindak proaktif",
            ],
            Self::Kolaboratif => [
                "Memberi kesempatan kepada berbagai pihak untuk berkontribusi",
                "Terbuka dalam bekerja sama untuk menghasilkan nilai tambah",
                "Menggerakkan pemanfaatan berbagai sumberdaya untuk tujuan bersama",
            ],
        }
    }
}

enumerasi!(
    /// Aspect of an IKI target (Pasal 8(2)).
    AspekIki, "aspek", {
        Kuantitas => ("kuantitas", "Kuantitas"),
        Kualitas => ("kualitas", "Kualitas"),
        Waktu => ("waktu", "Waktu"),
        Biaya => ("biaya", "Biaya"),
    }
);

enumerasi!(
    /// Perspektif of a JPT RHK (formats 1 and 2).
    Perspektif, "perspektif", {
        PenerimaLayanan => ("penerima_layanan", "Penerima Layanan"),
        ProsesBisnis => ("proses_bisnis", "Proses Bisnis"),
        PenguatanInternal => ("penguatan_internal", "Penguatan Internal"),
        Anggaran => ("anggaran", "Anggaran"),
    }
);

enumerasi!(
    /// RHK utama (high priority) or tambahan (low priority / outside the main duties).
    JenisRhk, "jenis_rhk", {
        Utama => ("utama", "Utama"),
        Tambahan => ("tambahan", "Tambahan"),
    }
);

enumerasi!(
    /// Approach of an SKP: kuantitatif (IKI with a unit of measure) or kualitatif.
    Pendekatan, "pendekatan", {
        Kuantitatif => ("kuantitatif", "Kuantitatif"),
        Kualitatif => ("kualitatif", "Kualitatif"),
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    /// Seed 003 lives outside the workspace (`/work/shared/seeds`); the check is skipped where
    /// the seeds are not checked out next to it.
    fn seed_003() -> Option<String> {
        let jalur = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/seeds/003_4f084b3f3d34c09c.txt"
        );
        std::fs::read_to_string(jalur).ok()
    }

    #[test]
    fn tujuh_aspek_dengan_kode_api() {
        let kode: Vec<_> = AspekPerilaku::SEMUA.iter().map(|a| a.kode()).collect();
        assert_eq!(
            kode,
            [
                "berorientasi_pelayanan",
                "akuntabel",
                "kompeten",
                "harmonis",
                "loyal",
                "adaptif",
                "kolaboratif"
            ]
        );
        assert_eq!(
            AspekPerilaku::BerorientasiPelayanan.to_string(),
            "Berorientasi Pelayanan"
        );
        assert_eq!(
            AspekPerilaku::BerorientasiPelayanan.pedoman()[0],
            "Memahami dan memenuhi kebutuhan masyarakat"
        );
        assert_eq!(AspekPerilaku::Adaptif.pedoman()[2], "Bertindak proaktif");
    }

    #[test]
    fn pedoman_persis_seperti_lampiran_seed_003() {
        // Lines 606–613 of seed 003 (Lampiran I, Format Evaluasi) carry all seven aspects with
        // their three lines, each preceded by "- ".
        let Some(seed) = seed_003() else {
            eprintln!("seed 003 tidak ditemukan; pemeriksaan dilewati");
            return;
        };
        let lampiran: String = seed
            .lines()
            .skip(605)
            .take(8)
            .collect::<Vec<_>>()
            .join("\n");
        for aspek in AspekPerilaku::SEMUA {
            for baris in aspek.pedoman() {
                assert!(
                    lampiran.contains(&format!("- {baris}")),
                    "{aspek:?}: '{baris}' tidak ada di Lampiran I"
                );
            }
        }
    }

    #[test]
    fn enumerasi_skp() {
        assert_eq!(AspekIki::SEMUA.len(), 4);
        assert_eq!("biaya".parse::<AspekIki>().unwrap(), AspekIki::Biaya);
        assert_eq!(
            "proses_bisnis".parse::<Perspektif>().unwrap().to_string(),
            "Proses Bisnis"
        );
        assert_eq!("tambahan".parse::<JenisRhk>().unwrap(), JenisRhk::Tambahan);
        let e = "kuantitas".parse::<Pendekatan>().unwrap_err();
        assert_eq!(e.bidang, "pendekatan");
        assert_eq!(
            serde_json::to_string(&Perspektif::PenguatanInternal).unwrap(),
            "\"penguatan_internal\""
        );
    }
}
