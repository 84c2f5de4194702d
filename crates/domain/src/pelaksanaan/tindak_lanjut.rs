//! Tindak lanjut umpan balik (Pasal 20–22). Progress → apresiasi and/or penugasan baru; no
//! progress → penyesuaian ekspektasi, penyesuaian dukungan sumber daya and/or pembinaan kinerja
//! (bimbingan or konseling kinerja, Pasal 21); still no progress after that → the leader may take
//! over the RHK and records that the pegawai could not complete it — a note the evaluation counts.

use crate::enumerasi;
use crate::skp::{wajib_teks, GalatSkp, HasilSkp, Skp};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

enumerasi!(
    /// The follow-up the regulation lists.
    JenisTindakLanjut, "jenis", {
        Apresiasi => ("apresiasi", "Apresiasi"),
        PenugasanBaru => ("penugasan_baru", "Penugasan baru"),
        PenyesuaianEkspektasi => ("penyesuaian_ekspektasi", "Penyesuaian ekspektasi"),
        PenyesuaianSumberDaya => ("penyesuaian_sumber_daya", "Penyesuaian dukungan sumber daya"),
        Pembinaan => ("pembinaan", "Pembinaan kinerja"),
        AmbilAlih => ("ambil_alih", "Pengambilalihan RHK"),
    }
);

impl JenisTindakLanjut {
    /// Follow-up of progress (Pasal 20(2)) rather than of its absence (Pasal 20(3)).
    pub fn atas_kemajuan(self) -> bool {
        matches!(self, Self::Apresiasi | Self::PenugasanBaru)
    }

    /// Counts as the earlier step a take-over needs (Pasal 20(3)).
    pub fn tanpa_kemajuan(self) -> bool {
        matches!(
            self,
            Self::PenyesuaianEkspektasi | Self::PenyesuaianSumberDaya | Self::Pembinaan
        )
    }
}

enumerasi!(
    /// Pembinaan kinerja (Pasal 21): bimbingan kinerja or konseling kinerja.
    JenisPembinaan, "jenis_pembinaan", {
        Bimbingan => ("bimbingan", "Bimbingan kinerja"),
        Konseling => ("konseling", "Konseling kinerja"),
    }
);

/// What the leader records.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct TindakLanjutMasuk {
    pub jenis: Option<JenisTindakLanjut>,
    /// The RHK concerned (required to take one over).
    pub rhk_id: Option<i64>,
    /// The feedback this follows, if any.
    pub umpan_balik_id: Option<i64>,
    /// What was done or decided (for a take-over: why the pegawai could not complete it); a
    /// pembinaan's defaults to its topic.
    #[serde(default)]
    pub uraian: String,
    /// Pembinaan only.
    pub jenis_pembinaan: Option<JenisPembinaan>,
    /// Pembinaan: the day of the session.
    pub tanggal: Option<NaiveDate>,
    /// Pembinaan: the topic.
    pub topik: Option<String>,
    /// Pembinaan: the actions agreed.
    pub tindakan_disepakati: Option<String>,
}

/// The pembinaan part of a follow-up.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Pembinaan {
    pub jenis: JenisPembinaan,
    pub tanggal: NaiveDate,
    pub topik: String,
    pub tindakan_disepakati: String,
}

/// A follow-up as checked.
#[derive(Debug, Clone, PartialEq)]
pub struct TindakLanjutSah {
    pub jenis: JenisTindakLanjut,
    pub rhk_id: Option<i64>,
    pub uraian: String,
    pub pembinaan: Option<Pembinaan>,
}

/// What the SKP's history says, for the take-over rule.
#[derive(Debug, Clone, Default)]
pub struct RiwayatTindakLanjut {
    /// A follow-up of no progress (Pasal 20(3): penyesuaian ekspektasi, penyesuaian dukungan
    /// sumber daya or pembinaan) recorded on this SKP.
    pub ada_tindak_lanjut_tanpa_kemajuan: bool,
    /// RHK already taken over.
    pub rhk_diambil_alih: Vec<i64>,
}

/// Checks a follow-up. The take-over is the last step (Pasal 20(6)): it needs a follow-up of no
/// progress on record first, and happens once per RHK.
pub fn periksa_tindak_lanjut(
    skp: &Skp,
    m: &TindakLanjutMasuk,
    riwayat: &RiwayatTindakLanjut,
    hari_ini: NaiveDate,
) -> HasilSkp<TindakLanjutSah> {
    if skp.ditetapkan_pada.is_none() {
        return Err(GalatSkp::Status(
            "Tindak lanjut dicatat atas SKP yang sudah ditetapkan".into(),
        ));
    }
    let Some(jenis) = m.jenis else {
        return Err(GalatSkp::tidak_valid("jenis", "Pilih jenis tindak lanjut"));
    };
    if let Some(id) = m.rhk_id {
        skp.cari_rhk(id).map_err(|_| {
            GalatSkp::tidak_valid("rhk_id", format!("RHK {id} bukan bagian dari SKP ini"))
        })?;
    }
    // A pembinaan's notes default to its topic.
    let uraian = match (jenis, m.topik.as_deref()) {
        (JenisTindakLanjut::Pembinaan, Some(topik)) if m.uraian.trim().is_empty() => topik,
        _ => m.uraian.as_str(),
    };
    let uraian = wajib_teks(
        "uraian",
        uraian,
        if jenis == JenisTindakLanjut::AmbilAlih {
            "Catatan bahwa pegawai tidak dapat menyelesaikan RHK"
        } else {
            "Uraian tindak lanjut"
        },
    )?;
    let pembinaan = if jenis == JenisTindakLanjut::Pembinaan {
        let Some(jp) = m.jenis_pembinaan else {
            return Err(GalatSkp::tidak_valid(
                "jenis_pembinaan",
                "Pilih bimbingan kinerja atau konseling kinerja",
            ));
        };
        let Some(tanggal) = m.tanggal else {
            return Err(GalatSkp::tidak_valid(
                "tanggal",
                "Tanggal pembinaan wajib diisi",
            ));
        };
        if tanggal < skp.mulai || tanggal > hari_ini + chrono::Days::new(366) {
            return Err(GalatSkp::tidak_valid(
                "tanggal",
                format!("Tanggal pembinaan di luar periode SKP tahun {}", skp.tahun),
            ));
        }
        Some(Pembinaan {
            jenis: jp,
            tanggal,
            topik: wajib_teks("topik", m.topik.as_deref().unwrap_or(""), "Topik pembinaan")?,
            tindakan_disepakati: wajib_teks(
                "tindakan_disepakati",
                m.tindakan_disepakati.as_deref().unwrap_or(""),
                "Tindakan yang disepakati",
            )?,
        })
    } else {
        None
    };
    if jenis == JenisTindakLanjut::AmbilAlih {
        let Some(rhk) = m.rhk_id else {
            return Err(GalatSkp::tidak_valid(
                "rhk_id",
                "Pilih RHK yang diambil alih",
            ));
        };
        if riwayat.rhk_diambil_alih.contains(&rhk) {
            return Err(GalatSkp::Status("RHK ini sudah diambil alih".into()));
        }
        if !riwayat.ada_tindak_lanjut_tanpa_kemajuan {
            return Err(GalatSkp::Status(
                "Pengambilalihan RHK adalah langkah terakhir: catat dahulu penyesuaian ekspektasi, penyesuaian dukungan sumber daya atau pembinaan kinerja (Pasal 20 ayat (6))".into(),
            ));
        }
    }
    Ok(TindakLanjutSah {
        jenis,
        rhk_id: m.rhk_id,
        uraian,
        pembinaan,
    })
}
