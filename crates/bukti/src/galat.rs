//! Errors of evidence storage, with the HTTP status and machine code the caller should answer.

/// Everything that can go wrong when storing or reading an evidence file. The `Display` text is
/// the user-facing message (Bahasa Indonesia).
#[derive(Debug, thiserror::Error)]
pub enum GalatBukti {
    #[error("Berkas terlalu besar: paling besar {}", tampil_ukuran(*.batas))]
    TerlaluBesar { batas: u64 },
    #[error("Berkas kosong")]
    Kosong,
    #[error("Berkas program (executable) atau skrip tidak diterima")]
    Eksekutabel,
    #[error("Jenis berkas tidak diterima: hanya PDF, gambar (PNG, JPEG, GIF, WEBP), dokumen perkantoran (Word, Excel, PowerPoint, OpenDocument) dan teks")]
    JenisDitolak,
    #[error("Isi berkas tidak sesuai dengan jenisnya: nama berkas menyatakan {dinyatakan}, isinya {sebenarnya}")]
    TidakCocok {
        dinyatakan: String,
        sebenarnya: String,
    },
    #[error("Berkas ditolak: bagian '{bagian}' di dalamnya terurai jauh lebih besar dari berkasnya (bom zip)")]
    ArsipBom { bagian: String },
    #[error("Berkas tidak ditemukan")]
    TidakAda,
    #[error("Gagal menyimpan berkas: {0}")]
    Io(#[from] std::io::Error),
}

impl GalatBukti {
    /// HTTP status the caller should answer: 413 `TerlaluBesar`; 422 `Kosong`, `Eksekutabel`,
    /// `JenisDitolak`, `TidakCocok`, `ArsipBom`; 404 `TidakAda`; 500 `Io`.
    pub fn status(&self) -> u16 {
        match self {
            GalatBukti::TerlaluBesar { .. } => 413,
            GalatBukti::Kosong
            | GalatBukti::Eksekutabel
            | GalatBukti::JenisDitolak
            | GalatBukti::TidakCocok { .. }
            | GalatBukti::ArsipBom { .. } => 422,
            GalatBukti::TidakAda => 404,
            GalatBukti::Io(_) => 500,
        }
    }

    /// Stable machine-readable code.
    pub fn kode(&self) -> &'static str {
        match self {
            GalatBukti::TerlaluBesar { .. } => "berkas_terlalu_besar",
            GalatBukti::Kosong => "berkas_kosong",
            GalatBukti::Eksekutabel => "berkas_eksekutabel",
            GalatBukti::JenisDitolak => "jenis_berkas_ditolak",
            GalatBukti::TidakCocok { .. } => "jenis_berkas_tidak_cocok",
            GalatBukti::ArsipBom { .. } => "berkas_bom_zip",
            GalatBukti::TidakAda => "berkas_tidak_ada",
            GalatBukti::Io(_) => "penyimpanan_gagal",
        }
    }
}

/// "20 MB" for whole mebibytes, otherwise "512 KB" or "100 bait", so a small limit never reads
/// as "0 MB".
fn tampil_ukuran(b: u64) -> String {
    const KIB: u64 = 1024;
    const MIB: u64 = 1024 * 1024;
    if b >= MIB && b % MIB == 0 {
        format!("{} MB", b / MIB)
    } else if b >= MIB {
        format!("{:.1} MB", b as f64 / MIB as f64).replace('.', ",")
    } else if b >= KIB {
        format!("{} KB", b / KIB)
    } else {
        format!("{b} bait")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pesan_ukuran() {
        let pesan = |batas| GalatBukti::TerlaluBesar { batas }.to_string();
        assert_eq!(
            pesan(crate::BATAS_UKURAN_BAWAAN),
            "Berkas terlalu besar: paling besar 20 MB"
        );
        assert_eq!(
            pesan(1536 * 1024),
            "Berkas terlalu besar: paling besar 1,5 MB"
        );
        assert_eq!(
            pesan(512 * 1024),
            "Berkas terlalu besar: paling besar 512 KB"
        );
        assert_eq!(pesan(100), "Berkas terlalu besar: paling besar 100 bait");
    }
}
