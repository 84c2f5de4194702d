//! Planning: the SKP of a pegawai, from the first draft to a set, living document.
//!
//! Every change goes through [`App::ubah_skp`]: who the caller is to the SKP's pegawai decides
//! which changes they may make ([`PerubahanSkp::boleh`]); the domain aggregate checks the rules
//! and the state; the store writes it over the version the caller read (a stale one is a 409).

use crate::akses::Pengguna;
use crate::error::{AppError, AppResult};
use crate::organisasi::{Hubungan, IndeksOrganisasi, OrangPenilai};
use crate::App;
use kinerja_domain::pangkat::StatusAsn;
use kinerja_domain::perilaku::{AspekPerilaku, Pendekatan};
use kinerja_domain::skp::{
    periksa_kaskade, IkiMasuk, Lampiran, ManualIndikator, Rhk, RhkMasuk, RhkPimpinan, Skp,
    StatusSkp,
};
use kinerja_store::{FilterSkp, Halaman, Pegawai, RingkasanSkp, SkpTersimpan, VersiBaru, VersiSkp};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::sync::Arc;
use utoipa::ToSchema;

/// Today in Western Indonesia (WIB, UTC+7), where deadlines are judged.
pub fn hari_ini() -> chrono::NaiveDate {
    kinerja_domain::periode::tanggal_wib(chrono::Utc::now())
}

/// How the caller stands to an SKP.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeranSkp {
    /// The pegawai whose SKP it is.
    Pemilik,
    /// Their pejabat penilai (or the Plt/Plh holding that authority).
    Penilai,
    /// The atasan pejabat penilai: reads.
    Atasan,
    /// HR admin: reads and monitors.
    Admin,
}

/// One change to an SKP.
#[derive(Debug, Clone)]
pub enum PerubahanSkp {
    TambahRhk(RhkMasuk, IkiMasuk),
    UbahRhk(i64, RhkMasuk),
    HapusRhk(i64),
    TambahIki(i64, IkiMasuk),
    UbahIki(i64, IkiMasuk),
    HapusIki(i64),
    ManualIndikator(i64, ManualIndikator),
    Lampiran(Lampiran),
    PerjanjianKerja(Option<String>),
    EkspektasiKhusus(AspekPerilaku, String),
    Pendekatan(Pendekatan),
    Ajukan,
    Tetapkan,
    Kembalikan(String),
    Revisi(String),
}

impl PerubahanSkp {
    /// The audit action name.
    pub fn aksi(&self) -> &'static str {
        match self {
            Self::TambahRhk(..) => "tambah_rhk",
            Self::UbahRhk(..) => "ubah_rhk",
            Self::HapusRhk(_) => "hapus_rhk",
            Self::TambahIki(..) => "tambah_iki",
            Self::UbahIki(..) => "ubah_iki",
            Self::HapusIki(_) => "hapus_iki",
            Self::ManualIndikator(..) => "manual_indikator",
            Self::Lampiran(_) => "lampiran",
            Self::PerjanjianKerja(_) => "perjanjian_kerja",
            Self::EkspektasiKhusus(..) => "ekspektasi_khusus",
            Self::Pendekatan(_) => "pendekatan",
            Self::Ajukan => "ajukan",
            Self::Tetapkan => "tetapkan",
            Self::Kembalikan(_) => "kembalikan",
            Self::Revisi(_) => "revisi",
        }
    }

    /// Only the pegawai edits their own draft and submits it; only the rater sets, returns,
    /// writes ekspektasi khusus and chooses the approach; either may open a revision.
    pub fn boleh(&self, peran: PeranSkp) -> AppResult<()> {
        let pemilik = matches!(
            self,
            Self::TambahRhk(..)
                | Self::UbahRhk(..)
                | Self::HapusRhk(_)
                | Self::TambahIki(..)
                | Self::UbahIki(..)
                | Self::HapusIki(_)
                | Self::ManualIndikator(..)
                | Self::Lampiran(_)
                | Self::PerjanjianKerja(_)
                | Self::Ajukan
        );
        let ok = match (self, peran) {
            (Self::Revisi(_), PeranSkp::Pemilik | PeranSkp::Penilai) => true,
            (_, PeranSkp::Pemilik) => pemilik,
            (_, PeranSkp::Penilai) => !pemilik,
            _ => false,
        };
        if ok {
            return Ok(());
        }
        Err(AppError::Dilarang(if pemilik {
            "Hanya pegawai pemilik SKP yang dapat mengubah isi dan mengajukannya".into()
        } else {
            "Hanya pejabat penilai pegawai ini yang dapat melakukannya".into()
        }))
    }
}

/// What the caller may do with the SKP now (for buttons and forms).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct HakSkp {
    pub ubah: bool,
    pub ajukan: bool,
    pub tetapkan: bool,
    pub kembalikan: bool,
    pub revisi: bool,
    pub ekspektasi_khusus: bool,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PerilakuSkp {
    pub aspek: AspekPerilaku,
    pub label: String,
    pub pedoman: Vec<String>,
    pub ekspektasi_khusus: Option<String>,
}

/// An SKP as the pages and the API show it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DetailSkp {
    pub skp: Skp,
    /// Send this back with the next change (optimistic locking).
    pub version: i64,
    pub pegawai: Pegawai,
    pub pejabat_penilai: Option<OrangPenilai>,
    pub format_label: String,
    pub status_label: String,
    pub batas_penetapan: chrono::NaiveDate,
    pub terlambat: bool,
    pub perilaku: Vec<PerilakuSkp>,
    /// The rater's RHK of the same year this SKP's RHK may intervene.
    #[schema(value_type = Vec<Object>)]
    pub rhk_pimpinan: Vec<Rhk>,
    pub versi: Vec<VersiSkp>,
    pub hak: HakSkp,
    /// The caller: pemilik, penilai, atasan or admin.
    pub peran: String,
}

/// One line of an SKP list, with its deadline.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct BarisSkp {
    #[serde(flatten)]
    pub ringkasan: RingkasanSkp,
    pub batas_penetapan: chrono::NaiveDate,
    pub terlambat: bool,
}

impl From<RingkasanSkp> for BarisSkp {
    fn from(r: RingkasanSkp) -> Self {
        BarisSkp {
            batas_penetapan: kinerja_domain::skp::batas_penetapan(r.tahun, r.mulai),
            terlambat: kinerja_domain::skp::terlambat(
                r.tahun,
                r.mulai,
                r.ditetapkan_pada,
                r.status,
                hari_ini(),
            ),
            ringkasan: r,
        }
    }
}

/// A team member and their SKP of the year (if any), for the rater.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AnggotaSkp {
    pub pegawai: Pegawai,
    pub skp: Option<BarisSkp>,
}

/// `POST /skp`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct SkpMasuk {
    /// Whose SKP (an admin may create one for anyone); the caller's own when absent.
    pub nip: Option<String>,
    pub tahun: i32,
    /// Defaults to the approach of the rater's SKP of that year, else kuantitatif.
    pub pendekatan: Option<Pendekatan>,
    #[serde(default)]
    pub tugas_belajar: bool,
    /// Start from last year's SKP (default true).
    pub salin_tahun_lalu: Option<bool>,
    pub perjanjian_kerja: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum LingkupSkp {
    /// The caller's own SKP.
    Saya,
    /// The SKP of the pegawai the caller rates.
    Tim,
    /// Every SKP of the instansi (admin).
    Instansi,
}

pub(crate) fn skp_tidak_ada(id: i64) -> AppError {
    AppError::TidakDitemukan(format!("SKP {id} tidak ditemukan"))
}

impl App {
    /// The caller's standing towards a pegawai's SKP; unrelated callers get 404.
    pub(crate) fn peran_skp(
        &self,
        p: &Pengguna,
        org: &IndeksOrganisasi,
        pegawai_id: i64,
        id: i64,
    ) -> AppResult<PeranSkp> {
        match org.hubungan(p.pegawai_id(), pegawai_id) {
            Hubungan::Diri => Ok(PeranSkp::Pemilik),
            Hubungan::PejabatPenilai => Ok(PeranSkp::Penilai),
            Hubungan::AtasanPejabatPenilai => Ok(PeranSkp::Atasan),
            _ if p.admin() => Ok(PeranSkp::Admin),
            _ => Err(skp_tidak_ada(id)),
        }
    }

    /// The pegawai id of a pegawai's pejabat penilai, if the organisation gives one.
    pub(crate) fn penilai_dari_org(org: &IndeksOrganisasi, pegawai_id: i64) -> Option<i64> {
        match org.penilai.get(&pegawai_id) {
            Some(Ok(h)) => h.pejabat_penilai.as_ref().and_then(|x| x.pegawai_id),
            _ => None,
        }
    }

    /// The rater's open SKP of the same year, if they have one.
    pub(crate) async fn skp_penilai(
        &self,
        inst: i64,
        org: &IndeksOrganisasi,
        pegawai_id: i64,
        tahun: i32,
    ) -> AppResult<Option<SkpTersimpan>> {
        let Some(r) = Self::penilai_dari_org(org, pegawai_id) else {
            return Ok(None);
        };
        Ok(self
            .store
            .skp_tahun(inst, &[r], tahun)
            .await?
            .into_iter()
            .next())
    }

    /// Every cascaded share of a leader's RHK that `skp` touches, checked against the leader's
    /// target (shares in other members' SKP are read from the store).
    pub(crate) async fn periksa_porsi_skp(
        &self,
        inst: i64,
        skp: &Skp,
        pimpinan: &[Rhk],
    ) -> AppResult<()> {
        let disentuh: HashSet<i64> = skp
            .rhk
            .iter()
            .filter(|r| r.dasar_kaskade == Some(kinerja_domain::skp::DasarKaskade::PorsiTarget))
            .filter_map(|r| r.intervensi_rhk_id)
            .collect();
        if disentuh.is_empty() {
            return Ok(());
        }
        let ids: Vec<i64> = disentuh.iter().copied().collect();
        let lain: Vec<_> = self
            .store
            .rhk_anggota(inst, &ids)
            .await?
            .into_iter()
            .filter(|a| a.skp_id != skp.id)
            .collect();
        let nama_lain = self
            .store
            .pegawai_by_ids(inst, &lain.iter().map(|a| a.pegawai_id).collect::<Vec<_>>())
            .await?;
        let nama = |id: i64| {
            nama_lain
                .iter()
                .find(|p| p.id == id)
                .map(|p| p.nama.clone())
                .unwrap_or_else(|| "anggota lain".into())
        };
        for rp in pimpinan
            .iter()
            .filter(|r| r.id.is_some_and(|i| disentuh.contains(&i)))
        {
            let mut anggota: Vec<(String, &Rhk)> =
                lain.iter().map(|a| (nama(a.pegawai_id), &a.rhk)).collect();
            anggota.extend(skp.rhk.iter().map(|r| (format!("RHK \"{}\"", r.uraian), r)));
            periksa_kaskade(rp, &anggota)?;
        }
        Ok(())
    }

    pub(crate) async fn detail_dari(
        &self,
        p: &Pengguna,
        org: &IndeksOrganisasi,
        s: SkpTersimpan,
        peran: PeranSkp,
    ) -> AppResult<DetailSkp> {
        let inst = p.instansi_id();
        let pegawai = self
            .store
            .pegawai_by_ids(inst, &[s.skp.pegawai_id])
            .await?
            .into_iter()
            .next()
            .ok_or_else(|| skp_tidak_ada(s.skp.id))?;
        let pejabat_penilai = self
            .penilai_dari(inst, org, &pegawai)
            .await?
            .ok()
            .and_then(|x| x.pejabat_penilai);
        let rhk_pimpinan = self
            .skp_penilai(inst, org, pegawai.id, s.skp.tahun)
            .await?
            .map(|x| x.skp.rhk)
            .unwrap_or_default();
        let versi = self.store.versi_skp(inst, s.skp.id).await?;
        let st = s.skp.status;
        let hak = HakSkp {
            ubah: peran == PeranSkp::Pemilik && st.dapat_diubah(),
            ajukan: peran == PeranSkp::Pemilik && st.dapat_diubah(),
            tetapkan: peran == PeranSkp::Penilai && st == StatusSkp::Diajukan,
            kembalikan: peran == PeranSkp::Penilai && st == StatusSkp::Diajukan,
            revisi: matches!(peran, PeranSkp::Pemilik | PeranSkp::Penilai)
                && st == StatusSkp::Ditetapkan,
            ekspektasi_khusus: peran == PeranSkp::Penilai
                && (st.dapat_diubah() || st == StatusSkp::Diajukan),
        };
        let perilaku = AspekPerilaku::SEMUA
            .iter()
            .map(|&a| PerilakuSkp {
                aspek: a,
                label: a.label().into(),
                pedoman: a.pedoman().iter().map(|x| x.to_string()).collect(),
                ekspektasi_khusus: s.skp.ekspektasi_khusus.get(&a).cloned(),
            })
            .collect();
        Ok(DetailSkp {
            format_label: s.skp.format.label().into(),
            status_label: st.label().into(),
            batas_penetapan: s.skp.batas_penetapan(),
            terlambat: s.skp.terlambat(hari_ini()),
            perilaku,
            rhk_pimpinan,
            versi,
            hak,
            peran: match peran {
                PeranSkp::Pemilik => "pemilik",
                PeranSkp::Penilai => "penilai",
                PeranSkp::Atasan => "atasan",
                PeranSkp::Admin => "admin",
            }
            .into(),
            pejabat_penilai,
            pegawai,
            version: s.versi,
            skp: s.skp,
        })
    }

    /// An SKP the caller may see, with the organisation and the caller's standing to it.
    async fn skp_terlihat(
        &self,
        p: &Pengguna,
        id: i64,
    ) -> AppResult<(SkpTersimpan, Arc<IndeksOrganisasi>, PeranSkp)> {
        let inst = p.instansi_id();
        let s = self
            .store
            .skp(inst, id)
            .await?
            .ok_or_else(|| skp_tidak_ada(id))?;
        let org = self.organisasi(inst).await?;
        let peran = self.peran_skp(p, &org, s.skp.pegawai_id, id)?;
        Ok((s, org, peran))
    }

    pub async fn detail_skp(&self, p: &Pengguna, id: i64) -> AppResult<DetailSkp> {
        let (s, org, peran) = self.skp_terlihat(p, id).await?;
        self.detail_dari(p, &org, s, peran).await
    }

    /// The set versions of an SKP (who, when, why, from when).
    pub async fn riwayat_versi(&self, p: &Pengguna, id: i64) -> AppResult<Vec<VersiSkp>> {
        self.skp_terlihat(p, id).await?;
        Ok(self.store.versi_skp(p.instansi_id(), id).await?)
    }

    /// A set version of an SKP, as it was.
    pub async fn versi_skp(&self, p: &Pengguna, id: i64, nomor: i32) -> AppResult<(VersiSkp, Skp)> {
        self.skp_terlihat(p, id).await?;
        self.store
            .isi_versi_skp(p.instansi_id(), id, nomor)
            .await?
            .ok_or_else(|| AppError::TidakDitemukan(format!("Versi {nomor} SKP ini tidak ada")))
    }

    /// Start an SKP for a year: the caller's own, or (admin) anyone's.
    pub async fn buat_skp(&self, p: &Pengguna, m: SkpMasuk) -> AppResult<DetailSkp> {
        let inst = p.instansi_id();
        let pegawai = match m.nip.as_deref().filter(|n| !n.trim().is_empty()) {
            Some(nip) => {
                let (peg, _) = self.pegawai_terlihat(p, nip).await?;
                if Some(peg.id) != p.pegawai_id() && !p.admin() {
                    return Err(AppError::Dilarang(
                        "SKP disusun oleh pegawai sendiri; admin BKPSDM dapat memulainya untuk pegawai lain".into(),
                    ));
                }
                peg
            }
            None => p.pegawai.clone().ok_or_else(|| {
                AppError::bidang_tidak_valid("nip", "Akun ini bukan akun pegawai; sebutkan NIP")
            })?,
        };
        let org = self.organisasi(inst).await?;
        let penilai = self.skp_penilai(inst, &org, pegawai.id, m.tahun).await?;
        let pendekatan = m
            .pendekatan
            .or(penilai.as_ref().map(|s| s.skp.pendekatan))
            .unwrap_or(Pendekatan::Kuantitatif);
        let mut skp = Skp::baru(
            pegawai.id,
            m.tahun,
            pegawai.unit_id,
            pegawai.jabatan_id,
            pegawai.jenis_jabatan,
            pendekatan,
            m.tugas_belajar,
            None,
        )?
        .sebagai_pimpinan_unit_mandiri(org.mandiri(pegawai.jabatan_id));
        let mut asal = None;
        if m.salin_tahun_lalu.unwrap_or(true) {
            if let Some(lama) = self
                .store
                .skp_tahun_lalu(inst, &[pegawai.id], m.tahun)
                .await?
                .into_iter()
                .next()
            {
                skp.salin_isi_dari(&lama);
                asal = Some(lama.id);
            }
        }
        if m.perjanjian_kerja.is_some() {
            skp.atur_perjanjian_kerja(m.perjanjian_kerja)?;
        }
        let s = self
            .store
            .buat_skp(inst, &skp, asal, &p.pelaku())
            .await
            .map_err(|e| match e {
                kinerja_store::StoreError::Konflik(_) => AppError::Konflik(format!(
                    "{} sudah memiliki SKP tahun {}; buka SKP itu untuk mengubahnya",
                    pegawai.nama, m.tahun
                )),
                e => e.into(),
            })?;
        let peran = self.peran_skp(p, &org, pegawai.id, s.skp.id)?;
        self.detail_dari(p, &org, s, peran).await
    }

    /// Apply one change to an SKP read at `version`.
    pub async fn ubah_skp(
        &self,
        p: &Pengguna,
        id: i64,
        version: i64,
        ubah: PerubahanSkp,
    ) -> AppResult<DetailSkp> {
        let inst = p.instansi_id();
        let (lama, org, peran) = self.skp_terlihat(p, id).await?;
        ubah.boleh(peran)?;
        wajib_versi(&lama, version)?;
        let pimpinan = self
            .skp_penilai(inst, &org, lama.skp.pegawai_id, lama.skp.tahun)
            .await?
            .map(|s| s.skp.rhk)
            .unwrap_or_default();
        let ringkas = ringkas_pimpinan(&pimpinan);
        let mut skp = lama.skp.clone();
        let mut versi_baru = None;
        let aksi = ubah.aksi();
        match ubah {
            PerubahanSkp::TambahRhk(r, i) => {
                let r = dari_penilai(r, &org, lama.skp.pegawai_id);
                skp.tambah_rhk(&r, &i, &ringkas)?;
            }
            PerubahanSkp::UbahRhk(rid, r) => {
                let r = dari_penilai(r, &org, lama.skp.pegawai_id);
                skp.ubah_rhk(rid, &r, &ringkas)?
            }
            PerubahanSkp::HapusRhk(rid) => {
                skp.hapus_rhk(rid)?;
            }
            PerubahanSkp::TambahIki(rid, i) => skp.tambah_iki(rid, &i)?,
            PerubahanSkp::UbahIki(iid, i) => skp.ubah_iki(iid, &i)?,
            PerubahanSkp::HapusIki(iid) => skp.hapus_iki(iid)?,
            PerubahanSkp::ManualIndikator(iid, m) => skp.atur_manual_indikator(iid, m)?,
            PerubahanSkp::Lampiran(l) => skp.atur_lampiran(l)?,
            PerubahanSkp::PerjanjianKerja(t) => skp.atur_perjanjian_kerja(t)?,
            PerubahanSkp::EkspektasiKhusus(a, t) => skp.atur_ekspektasi_khusus(a, &t)?,
            PerubahanSkp::Pendekatan(x) => skp.atur_pendekatan(x)?,
            PerubahanSkp::Ajukan => {
                let peg = self.store.pegawai_by_ids(inst, &[skp.pegawai_id]).await?;
                if peg.first().map(|x| x.status_asn) == Some(StatusAsn::Pppk) {
                    skp.wajib_perjanjian_kerja()?;
                }
                skp.ajukan()?;
            }
            PerubahanSkp::Tetapkan => {
                let alasan = skp
                    .alasan_revisi
                    .clone()
                    .unwrap_or_else(|| "Penetapan SKP".into());
                let hari = hari_ini();
                skp.tetapkan(hari)?;
                versi_baru = Some(VersiBaru {
                    alasan,
                    berlaku_mulai: hari.max(skp.mulai).min(skp.selesai),
                });
            }
            PerubahanSkp::Kembalikan(c) => skp.kembalikan(&c)?,
            PerubahanSkp::Revisi(a) => skp.buka_revisi(&a)?,
        }
        self.periksa_porsi_skp(inst, &skp, &pimpinan).await?;
        let s = self
            .store
            .simpan_skp(inst, &skp, version, aksi, versi_baru.as_ref(), &p.pelaku())
            .await?;
        self.detail_dari(p, &org, s, peran).await
    }

    /// SKP lists: the caller's own, their team's, or (admin) the instansi's.
    pub async fn daftar_skp(
        &self,
        p: &Pengguna,
        lingkup: LingkupSkp,
        mut filter: FilterSkp,
    ) -> AppResult<Halaman<BarisSkp>> {
        let inst = p.instansi_id();
        filter.pegawai_id = match lingkup {
            LingkupSkp::Saya => Some(p.pegawai_id().into_iter().collect()),
            LingkupSkp::Tim => {
                let org = self.organisasi(inst).await?;
                Some(
                    p.pegawai_id()
                        .and_then(|s| org.dinilai.get(&s).cloned())
                        .unwrap_or_default(),
                )
            }
            LingkupSkp::Instansi => {
                p.wajib_admin()?;
                None
            }
        };
        let h = self.store.daftar_skp(inst, &filter).await?;
        Ok(Halaman {
            items: h.items.into_iter().map(BarisSkp::from).collect(),
            next_cursor: h.next_cursor,
        })
    }

    /// The rater's team with each member's SKP of the year (or none yet).
    pub async fn skp_tim(&self, p: &Pengguna, tahun: i32) -> AppResult<Vec<AnggotaSkp>> {
        let inst = p.instansi_id();
        let tim = self.pegawai_dinilai(p).await?;
        let ids: Vec<i64> = tim.iter().map(|x| x.id).collect();
        let filter = FilterSkp {
            tahun: Some(tahun),
            pegawai_id: Some(ids),
            limit: 500,
            ..Default::default()
        };
        let skp = self.store.daftar_skp(inst, &filter).await?.items;
        Ok(tim
            .into_iter()
            .map(|peg| {
                let s = skp
                    .iter()
                    .rfind(|s| s.pegawai_id == peg.id && s.status != StatusSkp::Ditutup)
                    .cloned()
                    .map(BarisSkp::from);
                AnggotaSkp {
                    pegawai: peg,
                    skp: s,
                }
            })
            .collect())
    }
}

/// An RHK utama that names no assigner comes from the pegawai's rater: name their position.
/// (A tambahan must name its assigner; the domain refuses one without.)
pub(crate) fn dari_penilai(mut r: RhkMasuk, org: &IndeksOrganisasi, pegawai_id: i64) -> RhkMasuk {
    let utama = r.jenis != Some(kinerja_domain::perilaku::JenisRhk::Tambahan);
    if utama
        && r.penugasan_dari
            .as_deref()
            .is_none_or(|s| s.trim().is_empty())
    {
        if let Some(Ok(h)) = org.penilai.get(&pegawai_id) {
            r.penugasan_dari = h
                .pejabat_penilai
                .as_ref()
                .and_then(|x| x.jabatan_id)
                .and_then(|j| org.jabatan.get(&j))
                .map(|j| j.nama.clone());
        }
    }
    r
}

/// The RHK a member may intervene, as the domain check needs them.
pub(crate) fn ringkas_pimpinan(rhk: &[Rhk]) -> Vec<RhkPimpinan> {
    rhk.iter()
        .filter_map(|r| {
            r.id.map(|id| RhkPimpinan {
                id,
                uraian: r.uraian.clone(),
            })
        })
        .collect()
}

/// A change read at an older version is refused before anything is checked or written.
pub(crate) fn wajib_versi(s: &SkpTersimpan, version: i64) -> AppResult<()> {
    if s.versi != version {
        return Err(AppError::Konflik(format!(
            "SKP telah diubah sejak Anda membukanya (versi {version}, sekarang {}); muat ulang lalu ulangi perubahan",
            s.versi
        )));
    }
    Ok(())
}
