//! Monthly documentation of realisation (Pasal 16(3)): for every IKI of a set SKP, each month,
//! what was achieved, with bukti dukung (files or links).

use crate::periode::nama_bulan;
use crate::skp::{wajib_teks, GalatSkp, HasilSkp, Skp, StatusSkp};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// What a pegawai writes for one IKI in one month.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct RealisasiMasuk {
    pub iki_id: i64,
    /// 1–12.
    pub bulan: u32,
    /// What was achieved this month, e.g. "12 laporan" or a short narrative.
    #[serde(default)]
    pub realisasi: String,
    /// Optional notes: obstacles, context.
    pub catatan: Option<String>,
}

/// A realisation as checked, ready to store.
#[derive(Debug, Clone, PartialEq)]
pub struct RealisasiSah {
    pub skp_id: i64,
    pub rhk_id: i64,
    pub iki_id: i64,
    pub bulan: u32,
    pub realisasi: String,
    pub catatan: Option<String>,
}

/// Whether realisation may be documented on this SKP at all: it must have been set (a revision
/// in progress keeps the set content in force; a closed SKP keeps its months until closing).
pub fn periksa_status(skp: &Skp) -> HasilSkp<()> {
    match skp.status {
        StatusSkp::Ditetapkan | StatusSkp::Revisi | StatusSkp::Ditutup
            if skp.ditetapkan_pada.is_some() =>
        {
            Ok(())
        }
        _ => Err(GalatSkp::Status(format!(
            "Realisasi hanya dapat dicatat pada SKP yang sudah ditetapkan (status sekarang: {})",
            skp.status.label()
        ))),
    }
}

/// The months of the SKP's year it covers (a late start or a mutasi shortens it).
pub fn bulan_skp(skp: &Skp) -> std::ops::RangeInclusive<u32> {
    skp.mulai.month()..=skp.selesai.month()
}

/// A month may be documented when it lies in the SKP's period and has begun.
pub fn periksa_bulan(skp: &Skp, bulan: u32, hari_ini: NaiveDate) -> HasilSkp<()> {
    if !(1..=12).contains(&bulan) {
        return Err(GalatSkp::tidak_valid(
            "bulan",
            format!("Bulan harus 1–12, bukan {bulan}"),
        ));
    }
    let r = bulan_skp(skp);
    if !r.contains(&bulan) {
        return Err(GalatSkp::tidak_valid(
            "bulan",
            format!(
                "Bulan {} {} di luar periode SKP ini ({} s.d. {} {})",
                nama_bulan(bulan),
                skp.tahun,
                nama_bulan(*r.start()),
                nama_bulan(*r.end()),
                skp.tahun
            ),
        ));
    }
    let awal = NaiveDate::from_ymd_opt(skp.tahun, bulan, 1).unwrap_or(NaiveDate::MAX);
    if awal > hari_ini {
        return Err(GalatSkp::tidak_valid(
            "bulan",
            format!(
                "Bulan {} {} belum berjalan; realisasi dicatat pada atau setelah bulannya",
                nama_bulan(bulan),
                skp.tahun
            ),
        ));
    }
    Ok(())
}

/// Checks a realisation against the SKP: status, month, and that the IKI is this SKP's own.
pub fn periksa_realisasi(
    skp: &Skp,
    m: &RealisasiMasuk,
    hari_ini: NaiveDate,
) -> HasilSkp<RealisasiSah> {
    periksa_status(skp)?;
    let (ri, _) = skp.cari_iki(m.iki_id).map_err(|_| {
        GalatSkp::tidak_valid(
            "iki_id",
            format!("IKI {} bukan bagian dari SKP ini", m.iki_id),
        )
    })?;
    periksa_bulan(skp, m.bulan, hari_ini)?;
    let realisasi = wajib_teks("realisasi", &m.realisasi, "Realisasi")?;
    let catatan = match m.catatan.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(c) => Some(wajib_teks("catatan", c, "Catatan")?),
    };
    Ok(RealisasiSah {
        skp_id: skp.id,
        rhk_id: skp.rhk[ri].id.unwrap_or_default(),
        iki_id: m.iki_id,
        bulan: m.bulan,
        realisasi,
        catatan,
    })
}

/// A link given as evidence: http(s) only, at most 2000 characters.
pub fn periksa_tautan(url: &str) -> HasilSkp<String> {
    let u = url.trim();
    let ok_skema = u.starts_with("https://") || u.starts_with("http://");
    let host = u.split("://").nth(1).unwrap_or("");
    if !ok_skema || host.is_empty() || u.chars().any(char::is_whitespace) {
        return Err(GalatSkp::tidak_valid(
            "url",
            "Tautan harus alamat web lengkap yang diawali https:// atau http://",
        ));
    }
    if u.len() > 2000 {
        return Err(GalatSkp::tidak_valid(
            "url",
            "Tautan terlalu panjang (paling banyak 2000 karakter)",
        ));
    }
    Ok(u.to_string())
}

/// The short description every piece of evidence carries.
pub fn periksa_keterangan_bukti(k: &str) -> HasilSkp<String> {
    let v = wajib_teks("keterangan", k, "Keterangan bukti dukung")?;
    if v.chars().count() > 500 {
        return Err(GalatSkp::tidak_valid(
            "keterangan",
            "Keterangan bukti dukung paling banyak 500 karakter",
        ));
    }
    Ok(v)
}

/// How complete a month's documentation is for one IKI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum KelengkapanIki {
    /// No realisation yet.
    Belum,
    /// Realisation written, no evidence yet.
    TanpaBukti,
    /// Realisation with at least one piece of evidence.
    Lengkap,
}

impl KelengkapanIki {
    pub fn dari(ada_realisasi: bool, jumlah_bukti: usize) -> Self {
        match (ada_realisasi, jumlah_bukti) {
            (false, _) => Self::Belum,
            (true, 0) => Self::TanpaBukti,
            (true, _) => Self::Lengkap,
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Self::Belum => "Belum diisi",
            Self::TanpaBukti => "Belum ada bukti dukung",
            Self::Lengkap => "Lengkap",
        }
    }
}
