//! Evaluation (Pasal 23–31): the leader one level up sets the capaian kinerja organisasi
//! ([`capaian`]); the pejabat penilai rates each pegawai of the team per period and for the
//! year with a suggestion and the unit's live distribution ([`penilaian`], [`distribusi`]);
//! the pegawai acknowledges and may file a keberatan that the atasan decides ([`keberatan`]);
//! pegawai are ranked by predikat ([`peringkat`]).
//!
//! Who may do what follows from the relationship to the SKP's pegawai ([`PeranEvaluasi`]): the
//! pegawai reads and signs their own; the rater rates and signs; the atasan pejabat penilai reads
//! and decides keberatan; the HR admin reads everything and may reopen a signed evaluation.

pub mod capaian;
pub mod distribusi;
pub mod grafik;
pub mod keberatan;
pub mod penilaian;
pub mod peringkat;

use crate::akses::Pengguna;
use crate::error::{AppError, AppResult};
use crate::organisasi::IndeksOrganisasi;
use crate::App;
use chrono::{Datelike, NaiveDate};
use kinerja_domain::evaluasi::saran::{BahanSaran, DataAkademik, RingkasanRhk};
use kinerja_domain::evaluasi::{periksa_kode_periode, DasarEvaluasi};
use kinerja_domain::kuadran::CapaianOrganisasi;
use kinerja_domain::pelaksanaan::tindak_lanjut::{JenisPembinaan, JenisTindakLanjut};
use kinerja_domain::periode::Periode;
use kinerja_domain::profil::ProfilKebijakan;
use kinerja_domain::skp::{Skp, StatusSkp};
use kinerja_store::{CapaianTersimpan, CatatanPeriode, SkpTersimpan};
use std::collections::HashMap;

/// How the caller stands to an evaluation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PeranEvaluasi {
    Pegawai,
    Penilai,
    Atasan,
    Admin,
}

/// The code of the current month ("2026-11"): the period pages and the API show when none is
/// asked for.
pub fn periode_bulan_ini() -> String {
    crate::skp::hari_ini().format("%Y-%m").to_string()
}

/// A period code checked against the instansi's profile for that year.
pub(crate) async fn periode_sah(
    app: &App,
    inst: i64,
    kode: &str,
) -> AppResult<(Periode, ProfilKebijakan)> {
    let tahun = Periode::parse(kode)
        .map(|p| p.tahun())
        .map_err(|e| AppError::bidang_tidak_valid("periode", e.to_string()))?;
    let profil = app.profil_tahun(inst, tahun).await?;
    let p = periksa_kode_periode(kode, profil.periode)?;
    Ok((p, profil))
}

/// Units in the subtree of `akar` (itself included).
pub fn subpohon(org: &IndeksOrganisasi, akar: i64) -> Vec<i64> {
    let mut anak: HashMap<i64, Vec<i64>> = HashMap::new();
    for u in org.unit.values() {
        if let Some(i) = u.induk_id {
            anak.entry(i).or_default().push(u.id);
        }
    }
    let mut out = vec![akar];
    let mut dilihat: std::collections::HashSet<i64> = [akar].into();
    let mut i = 0;
    while i < out.len() {
        if let Some(a) = anak.get(&out[i]) {
            for &x in a {
                if dilihat.insert(x) {
                    out.push(x);
                }
            }
        }
        i += 1;
    }
    out
}

/// The units a pegawai leads (as holder, Plt or Plh of the head position).
pub fn unit_dipimpin(org: &IndeksOrganisasi, pegawai_id: i64) -> Vec<i64> {
    let mut v: Vec<i64> = org
        .unit
        .keys()
        .copied()
        .filter(|&u| org.kepala_unit(u) == Some(pegawai_id))
        .collect();
    v.sort_unstable();
    v
}

/// The rater of an SKP: for an open one the pegawai's pejabat penilai; for one closed by a
/// mutasi, the rater of whoever now holds that position (the place the pegawai was).
pub fn penilai_skp(org: &IndeksOrganisasi, skp: &Skp) -> Option<i64> {
    if skp.status == StatusSkp::Ditutup {
        if let Some(h) = skp
            .jabatan_id
            .and_then(|j| org.pemangku.get(&j))
            .and_then(|v| v.iter().copied().find(|&h| h != skp.pegawai_id))
        {
            return App::penilai_dari_org(org, h);
        }
    }
    App::penilai_dari_org(org, skp.pegawai_id)
}

/// The atasan pejabat penilai of an SKP's pegawai.
pub fn atasan_skp(org: &IndeksOrganisasi, skp: &Skp) -> Option<i64> {
    match org.penilai.get(&skp.pegawai_id) {
        Some(Ok(h)) => h.atasan_pejabat_penilai.as_ref().and_then(|x| x.pegawai_id),
        _ => None,
    }
}

/// The capaian that applies to a unit in a period: its own, or the nearest ancestor's.
pub fn capaian_berlaku<'a>(
    org: &IndeksOrganisasi,
    unit_id: Option<i64>,
    capaian: &'a HashMap<i64, CapaianTersimpan>,
) -> Option<&'a CapaianTersimpan> {
    let unit_id = unit_id?;
    org.jalur_unit(unit_id)
        .iter()
        .rev()
        .find_map(|u| capaian.get(&u.id))
}

/// What the rating of this SKP rests on.
pub fn dasar_evaluasi(
    org: &IndeksOrganisasi,
    skp: &Skp,
    capaian: Option<&CapaianTersimpan>,
) -> DasarEvaluasi {
    if skp.tugas_belajar {
        return DasarEvaluasi::TugasBelajar;
    }
    if let Some(c) = capaian {
        if org.kepala_unit(c.unit_id) == Some(skp.pegawai_id) && skp.unit_id == Some(c.unit_id) {
            return DasarEvaluasi::PimpinanUnit;
        }
    }
    let diperbantukan = skp
        .jabatan_id
        .and_then(|j| org.jabatan.get(&j))
        .and_then(|j| j.posisi_lampiran.as_deref())
        .map(str::to_lowercase)
        .is_some_and(|p| p.contains("diperbantukan") || p.contains("dipekerjakan"));
    if diperbantukan {
        DasarEvaluasi::Diperbantukan
    } else {
        DasarEvaluasi::CapaianUnit
    }
}

/// The months of the period that the SKP covers and that have begun.
pub fn bulan_dinilai(skp: &Skp, periode: Periode, hari_ini: NaiveDate) -> Vec<u32> {
    let awal = periode.mulai().max(skp.mulai);
    let akhir = periode.selesai().min(skp.selesai).min(hari_ini);
    if awal > akhir || awal.year() != skp.tahun {
        return Vec::new();
    }
    (awal.month()..=akhir.month()).collect()
}

/// The suggestion's material for one SKP from the period's records.
pub fn bahan_saran(
    skp: &Skp,
    periode: Periode,
    hari_ini: NaiveDate,
    catatan: &CatatanPeriode,
    dasar: DasarEvaluasi,
    capaian: Option<CapaianOrganisasi>,
    akademik: Option<DataAkademik>,
) -> BahanSaran {
    let bulan = bulan_dinilai(skp, periode, hari_ini).len() as u32;
    let rhk = skp
        .rhk
        .iter()
        .filter_map(|r| {
            let id = r.id?;
            let terisi = catatan
                .realisasi
                .iter()
                .filter(|x| x.0 == skp.id && x.1 == id)
                .map(|x| x.2)
                .sum::<i64>() as u32;
            let tl = |f: &dyn Fn(JenisTindakLanjut) -> bool| {
                catatan
                    .tindak_lanjut
                    .iter()
                    .filter(|x| x.0 == skp.id && x.1 == Some(id))
                    .filter(|x| x.2.parse::<JenisTindakLanjut>().is_ok_and(f))
                    .map(|x| x.4)
                    .sum::<i64>() as u32
            };
            Some(RingkasanRhk {
                rhk_id: id,
                uraian: r.uraian.clone(),
                jenis: r.jenis,
                wajib: r.iki.len() as u32 * bulan,
                terisi,
                diambil_alih: tl(&|j| j == JenisTindakLanjut::AmbilAlih) > 0,
                apresiasi: tl(&|j| j == JenisTindakLanjut::Apresiasi),
                tanpa_kemajuan: tl(&|j| j.tanpa_kemajuan()),
                umpan_balik: catatan
                    .umpan_balik
                    .iter()
                    .filter(|x| x.0 == skp.id && x.1 == Some(id))
                    .map(|x| x.4)
                    .sum::<i64>() as u32,
            })
        })
        .collect();
    let perilaku: Vec<_> = catatan
        .umpan_balik
        .iter()
        .filter(|x| x.0 == skp.id && x.2.is_some())
        .collect();
    let mut aspek: Vec<&str> = perilaku.iter().filter_map(|x| x.2.as_deref()).collect();
    aspek.sort_unstable();
    aspek.dedup();
    BahanSaran {
        dasar,
        capaian,
        rhk,
        umpan_balik_perilaku: perilaku.iter().map(|x| x.4).sum::<i64>() as u32,
        aspek_berumpan_balik: aspek.len() as u32,
        konseling: catatan
            .tindak_lanjut
            .iter()
            .filter(|x| x.0 == skp.id && x.3.as_deref() == Some(JenisPembinaan::Konseling.kode()))
            .map(|x| x.4)
            .sum::<i64>() as u32,
        umpan_balik_tempat_bekerja: catatan
            .umpan_balik
            .iter()
            .filter(|x| x.0 == skp.id && x.3 == "pihak_lain")
            .map(|x| x.4)
            .sum::<i64>() as u32,
        akademik,
    }
}

impl App {
    /// The content of an SKP in force in a period: the latest set version that began by the
    /// period's end (or the first set version when it was set later).
    pub(crate) async fn skp_berlaku(
        &self,
        inst: i64,
        s: &SkpTersimpan,
        periode: Periode,
    ) -> AppResult<Skp> {
        if s.skp.nomor_versi <= 1 && s.skp.status != StatusSkp::Revisi {
            return Ok(s.skp.clone());
        }
        let versi = self.store.versi_skp(inst, s.skp.id).await?;
        let pilih = versi
            .iter()
            .filter(|v| v.berlaku_mulai <= periode.selesai())
            .map(|v| v.nomor)
            .max()
            .or_else(|| versi.iter().map(|v| v.nomor).min());
        match pilih {
            Some(n) if n == s.skp.nomor_versi && s.skp.status != StatusSkp::Revisi => {
                Ok(s.skp.clone())
            }
            Some(n) => Ok(self
                .store
                .isi_versi_skp(inst, s.skp.id, n)
                .await?
                .map(|(_, skp)| skp)
                .unwrap_or_else(|| s.skp.clone())),
            None => Ok(s.skp.clone()),
        }
    }

    /// The capaian of every unit for a period, by unit.
    pub(crate) async fn peta_capaian(
        &self,
        inst: i64,
        periode: Periode,
    ) -> AppResult<HashMap<i64, CapaianTersimpan>> {
        Ok(self
            .store
            .capaian_periode(inst, &periode.kode())
            .await?
            .into_iter()
            .map(|c| (c.unit_id, c))
            .collect())
    }

    /// How the caller stands to an SKP's evaluation; unrelated callers get 404.
    pub(crate) fn peran_evaluasi(
        p: &Pengguna,
        org: &IndeksOrganisasi,
        skp: &Skp,
        penilai_tersimpan: Option<i64>,
    ) -> AppResult<PeranEvaluasi> {
        let saya = p.pegawai_id();
        if saya.is_some() && saya == Some(skp.pegawai_id) {
            return Ok(PeranEvaluasi::Pegawai);
        }
        let penilai = penilai_tersimpan.or_else(|| penilai_skp(org, skp));
        if saya.is_some() && saya == penilai {
            return Ok(PeranEvaluasi::Penilai);
        }
        if saya.is_some() && saya == atasan_skp(org, skp) {
            return Ok(PeranEvaluasi::Atasan);
        }
        if p.admin() {
            return Ok(PeranEvaluasi::Admin);
        }
        Err(crate::pelaksanaan::skp_tidak_ada(skp.id))
    }
}

impl App {
    /// A month whose periodic evaluation is signed is frozen: its realisation and evidence no
    /// longer change (409). The annual evaluation does not freeze months (it may be signed
    /// before the year's last month ends).
    pub(crate) async fn periksa_bulan_terkunci(
        &self,
        inst: i64,
        skp: &Skp,
        bulan: u32,
    ) -> AppResult<()> {
        let terkunci = self
            .store
            .daftar_evaluasi(
                inst,
                &kinerja_store::FilterEvaluasi {
                    skp_id: Some(vec![skp.id]),
                    tahun: Some(skp.tahun),
                    limit: 100,
                    ..Default::default()
                },
            )
            .await?
            .into_iter()
            .filter(|e| e.status.terkunci())
            .filter_map(|e| Periode::parse(&e.periode).ok())
            .find(|p| NaiveDate::from_ymd_opt(skp.tahun, bulan, 1).is_some_and(|d| p.memuat(d)));
        match terkunci {
            Some(p) => Err(AppError::Konflik(format!(
                "Evaluasi {} sudah ditandatangani: realisasi dan bukti dukung {} {} tidak dapat diubah lagi",
                p.label(),
                kinerja_domain::periode::nama_bulan(bulan),
                skp.tahun
            ))),
            None => Ok(()),
        }
    }
}
