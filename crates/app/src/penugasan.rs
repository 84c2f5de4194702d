//! Pola penugasan (Pasal 37; seed 002): any pimpinan may assign work to a pegawai outside their
//! own line, but the assignment goes to the pegawai's rater first, who accepts it (it becomes a
//! new RHK in the SKP naming the assigner) or refuses it with a reason. It never reaches the
//! pegawai without the rater. A pegawai may volunteer for an open assignment of any unit, again
//! with the rater's approval.

use crate::akses::Pengguna;
use crate::error::{AppError, AppResult};
use crate::organisasi::IndeksOrganisasi;
use crate::skp::{hari_ini, wajib_versi, PeranSkp};
use crate::App;
use kinerja_domain::perilaku::JenisRhk;
use kinerja_domain::skp::{periksa_tahun, wajib_teks, IkiMasuk, RhkMasuk};
use kinerja_store::{FilterPenugasan, Pegawai, Penugasan, PenugasanBaru, VersiBaru};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use utoipa::ToSchema;

pub const MENUNGGU: &str = "menunggu_penilai";
pub const TERBUKA: &str = "terbuka";

/// `POST /penugasan`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct PenugasanMasuk {
    /// The pegawai assigned; absent for an open assignment anyone may volunteer for.
    pub nip: Option<String>,
    /// For an open assignment: the unit offering it (default the assigner's unit).
    pub unit_id: Option<i64>,
    pub tahun: i32,
    #[serde(default)]
    pub uraian: String,
    /// What is expected (result, time, quality), clarified by the rater on acceptance.
    #[serde(default)]
    pub ekspektasi: String,
}

/// `POST /penugasan/{id}/terima`: the rater's clarification, which becomes the RHK.
#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct TerimaPenugasan {
    /// The version of the pegawai's SKP as read.
    pub version: i64,
    /// Default `tambahan`.
    pub jenis: Option<JenisRhk>,
    /// Default the assignment's own description.
    pub uraian: Option<String>,
    pub iki: IkiMasuk,
}

/// An assignment with the people's names.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DetailPenugasan {
    #[serde(flatten)]
    pub penugasan: Penugasan,
    pub pemberi: String,
    pub pemberi_jabatan: Option<String>,
    pub pegawai: Option<String>,
    pub pegawai_nip: Option<String>,
    pub unit: Option<String>,
    /// The caller may accept or refuse it (they are the pegawai's rater).
    pub boleh_putuskan: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum KotakPenugasan {
    /// Waiting for the caller's decision as rater.
    Masuk,
    /// Given by the caller.
    Keluar,
    /// Accepted assignments of the caller, and their own volunteer requests.
    Saya,
    /// Open assignments of the year anyone may volunteer for.
    Terbuka,
}

fn tidak_ada(id: i64) -> AppError {
    AppError::TidakDitemukan(format!("Penugasan {id} tidak ditemukan"))
}

impl App {
    /// A pimpinan: holds a structural position (at least pengawas) or rates someone.
    fn wajib_pimpinan(p: &Pengguna, org: &IndeksOrganisasi) -> AppResult<i64> {
        let saya = p.pegawai_id().ok_or_else(|| {
            AppError::Dilarang("Penugasan diberikan oleh pimpinan, bukan akun admin".into())
        })?;
        let struktural = p
            .pegawai
            .as_ref()
            .and_then(|x| x.jenis_jabatan)
            .is_some_and(|j| j.setidaknya_pengawas());
        if struktural || org.dinilai.get(&saya).is_some_and(|t| !t.is_empty()) {
            Ok(saya)
        } else {
            Err(AppError::Dilarang(
                "Hanya pimpinan (pejabat pengawas ke atas atau ketua tim) yang dapat memberi penugasan"
                    .into(),
            ))
        }
    }

    /// Whether the caller may assign work (see `wajib_pimpinan`), for showing the form.
    pub async fn boleh_memberi_penugasan(&self, p: &Pengguna) -> AppResult<bool> {
        let org = self.organisasi(p.instansi_id()).await?;
        Ok(Self::wajib_pimpinan(p, &org).is_ok())
    }

    pub async fn buat_penugasan(
        &self,
        p: &Pengguna,
        m: PenugasanMasuk,
    ) -> AppResult<DetailPenugasan> {
        let inst = p.instansi_id();
        let org = self.organisasi(inst).await?;
        let saya = Self::wajib_pimpinan(p, &org)?;
        let uraian = wajib_teks("uraian", &m.uraian, "Uraian penugasan")?;
        let ekspektasi = wajib_teks("ekspektasi", &m.ekspektasi, "Ekspektasi penugasan")?;
        periksa_tahun(m.tahun)?;
        let baru = match m.nip.as_deref().filter(|n| !n.trim().is_empty()) {
            Some(nip) => {
                let nip = kinerja_domain::Nip::parse(nip)
                    .map_err(|e| AppError::bidang_tidak_valid("nip", e.to_string()))?;
                let peg = self
                    .store
                    .pegawai_by_nip(inst, nip.as_str())
                    .await?
                    .ok_or_else(|| {
                        AppError::bidang_tidak_valid("nip", "Pegawai dengan NIP ini tidak ada")
                    })?;
                if peg.id == saya {
                    return Err(AppError::bidang_tidak_valid(
                        "nip",
                        "Penugasan tidak dapat diberikan kepada diri sendiri",
                    ));
                }
                match Self::penilai_dari_org(&org, peg.id) {
                    Some(r) if r == saya => {
                        return Err(AppError::bidang_tidak_valid(
                            "nip",
                            "Anda pejabat penilai pegawai ini: tambahkan RHK-nya langsung lewat matriks peran hasil",
                        ))
                    }
                    None => {
                        return Err(AppError::Konflik(format!(
                            "{} belum memiliki pejabat penilai; penugasan harus melalui pejabat penilai",
                            peg.nama
                        )))
                    }
                    _ => {}
                }
                PenugasanBaru {
                    tahun: m.tahun,
                    pemberi_pegawai_id: saya,
                    pegawai_id: Some(peg.id),
                    unit_id: peg.unit_id,
                    induk_id: None,
                    uraian,
                    ekspektasi,
                    status: MENUNGGU.into(),
                }
            }
            None => {
                let unit_id = m.unit_id.or(p.pegawai.as_ref().and_then(|x| x.unit_id));
                if let Some(u) = unit_id {
                    if !org.unit.contains_key(&u) {
                        return Err(AppError::bidang_tidak_valid(
                            "unit_id",
                            "Unit tidak dikenal",
                        ));
                    }
                }
                PenugasanBaru {
                    tahun: m.tahun,
                    pemberi_pegawai_id: saya,
                    pegawai_id: None,
                    unit_id,
                    induk_id: None,
                    uraian,
                    ekspektasi,
                    status: TERBUKA.into(),
                }
            }
        };
        let t = self.store.buat_penugasan(inst, &baru, &p.pelaku()).await?;
        self.lengkapi(p, &org, vec![t])
            .await
            .map(|mut v| v.remove(0))
    }

    /// A pegawai volunteers for an open assignment; it goes to their rater.
    pub async fn relawan_penugasan(&self, p: &Pengguna, id: i64) -> AppResult<DetailPenugasan> {
        let inst = p.instansi_id();
        let org = self.organisasi(inst).await?;
        let saya = p.pegawai_id().ok_or_else(|| tidak_ada(id))?;
        let induk = self
            .store
            .penugasan(inst, id)
            .await?
            .filter(|t| t.status == TERBUKA)
            .ok_or_else(|| tidak_ada(id))?;
        if induk.pemberi_pegawai_id == saya {
            return Err(AppError::Konflik(
                "Penugasan ini Anda sendiri yang menawarkan".into(),
            ));
        }
        if Self::penilai_dari_org(&org, saya).is_none() {
            return Err(AppError::Konflik(
                "Anda belum memiliki pejabat penilai yang dapat menyetujui".into(),
            ));
        }
        let sudah = self
            .store
            .daftar_penugasan(
                inst,
                &FilterPenugasan {
                    pegawai_id: Some(vec![saya]),
                    limit: 500,
                    ..Default::default()
                },
            )
            .await?
            .into_iter()
            .any(|t| t.induk_id == Some(id) && t.status != "ditolak");
        if sudah {
            return Err(AppError::Konflik(
                "Anda sudah mengajukan diri untuk penugasan ini".into(),
            ));
        }
        let baru = PenugasanBaru {
            tahun: induk.tahun,
            pemberi_pegawai_id: induk.pemberi_pegawai_id,
            pegawai_id: Some(saya),
            unit_id: induk.unit_id,
            induk_id: Some(id),
            uraian: induk.uraian.clone(),
            ekspektasi: induk.ekspektasi.clone(),
            status: MENUNGGU.into(),
        };
        let t = self.store.buat_penugasan(inst, &baru, &p.pelaku()).await?;
        self.lengkapi(p, &org, vec![t])
            .await
            .map(|mut v| v.remove(0))
    }

    /// Who may see an assignment: the assigner, the pegawai's rater, and the pegawai once it is
    /// accepted (or when they volunteered); open ones are seen by everyone in the instansi.
    pub(crate) fn boleh_lihat(org: &IndeksOrganisasi, p: &Pengguna, t: &Penugasan) -> bool {
        let saya = p.pegawai_id();
        if p.admin() || t.status == TERBUKA || saya == Some(t.pemberi_pegawai_id) {
            return true;
        }
        let Some(peg) = t.pegawai_id else {
            return false;
        };
        if saya.is_some() && Self::penilai_dari_org(org, peg) == saya {
            return true;
        }
        saya == Some(peg) && (t.status == "diterima" || t.induk_id.is_some())
    }

    pub async fn detail_penugasan(&self, p: &Pengguna, id: i64) -> AppResult<DetailPenugasan> {
        let inst = p.instansi_id();
        let org = self.organisasi(inst).await?;
        let t = self
            .store
            .penugasan(inst, id)
            .await?
            .filter(|t| Self::boleh_lihat(&org, p, t))
            .ok_or_else(|| tidak_ada(id))?;
        self.lengkapi(p, &org, vec![t])
            .await
            .map(|mut v| v.remove(0))
    }

    pub async fn daftar_penugasan(
        &self,
        p: &Pengguna,
        kotak: KotakPenugasan,
        tahun: Option<i32>,
    ) -> AppResult<Vec<DetailPenugasan>> {
        let inst = p.instansi_id();
        let org = self.organisasi(inst).await?;
        let saya = p.pegawai_id();
        let mut f = FilterPenugasan {
            tahun,
            limit: 200,
            ..Default::default()
        };
        match kotak {
            KotakPenugasan::Masuk => {
                f.pegawai_id = Some(
                    saya.and_then(|s| org.dinilai.get(&s).cloned())
                        .unwrap_or_default(),
                );
                f.status = Some(MENUNGGU.into());
            }
            KotakPenugasan::Keluar => {
                let Some(s) = saya else {
                    return Ok(Vec::new());
                };
                f.pemberi_pegawai_id = Some(s);
            }
            KotakPenugasan::Saya => f.pegawai_id = Some(saya.into_iter().collect()),
            KotakPenugasan::Terbuka => f.status = Some(TERBUKA.into()),
        }
        let v: Vec<Penugasan> = self
            .store
            .daftar_penugasan(inst, &f)
            .await?
            .into_iter()
            .filter(|t| Self::boleh_lihat(&org, p, t))
            .collect();
        self.lengkapi(p, &org, v).await
    }

    pub async fn tolak_penugasan(
        &self,
        p: &Pengguna,
        id: i64,
        alasan: &str,
    ) -> AppResult<DetailPenugasan> {
        let inst = p.instansi_id();
        let org = self.organisasi(inst).await?;
        self.penugasan_untuk_penilai(p, &org, id).await?;
        let alasan = wajib_teks("alasan", alasan, "Alasan penolakan")?;
        let t = self
            .store
            .tolak_penugasan(inst, id, &alasan, &p.pelaku())
            .await?;
        self.lengkapi(p, &org, vec![t])
            .await
            .map(|mut v| v.remove(0))
    }

    /// The rater accepts: the assignment becomes an RHK in the pegawai's SKP, naming the
    /// assigner; on a set SKP that is a new version.
    pub async fn terima_penugasan(
        &self,
        p: &Pengguna,
        id: i64,
        m: TerimaPenugasan,
    ) -> AppResult<DetailPenugasan> {
        let inst = p.instansi_id();
        let org = self.organisasi(inst).await?;
        let (t, peg) = self.penugasan_untuk_penilai(p, &org, id).await?;
        let lama = self
            .store
            .skp_tahun(inst, &[peg.id], t.tahun)
            .await?
            .into_iter()
            .next()
            .ok_or_else(|| {
                AppError::Konflik(format!(
                    "{} belum memiliki SKP tahun {}; SKP dibuat dahulu, lalu penugasan diterima",
                    peg.nama, t.tahun
                ))
            })?;
        wajib_versi(&lama, m.version)?;
        let pemberi = self
            .store
            .pegawai_by_ids(inst, &[t.pemberi_pegawai_id])
            .await?
            .into_iter()
            .next();
        let penugasan_dari = match &pemberi {
            Some(x) => match &x.jabatan_nama {
                Some(j) => format!("{j} ({})", x.nama),
                None => x.nama.clone(),
            },
            None => "Pimpinan lain".into(),
        };
        let rhk = RhkMasuk {
            jenis: Some(m.jenis.unwrap_or(JenisRhk::Tambahan)),
            uraian: m.uraian.unwrap_or_else(|| t.uraian.clone()),
            penugasan_dari: Some(penugasan_dari),
            ..Default::default()
        };
        let mut skp = lama.skp.clone();
        let (i, baru) = skp.terima_penugasan(id, &rhk, &m.iki)?;
        let versi = baru.then(|| {
            let hari = hari_ini();
            VersiBaru {
                alasan: format!("Penugasan diterima: {}", t.uraian),
                berlaku_mulai: hari.max(skp.mulai).min(skp.selesai),
            }
        });
        let (t, _) = self
            .store
            .terima_penugasan(inst, id, &skp, i, m.version, versi.as_ref(), &p.pelaku())
            .await?;
        self.lengkapi(p, &org, vec![t])
            .await
            .map(|mut v| v.remove(0))
    }

    /// A waiting assignment the caller decides as the pegawai's rater, with the pegawai.
    async fn penugasan_untuk_penilai(
        &self,
        p: &Pengguna,
        org: &IndeksOrganisasi,
        id: i64,
    ) -> AppResult<(Penugasan, Pegawai)> {
        let inst = p.instansi_id();
        let t = self
            .store
            .penugasan(inst, id)
            .await?
            .filter(|t| Self::boleh_lihat(org, p, t))
            .ok_or_else(|| tidak_ada(id))?;
        let peg_id = t.pegawai_id.ok_or_else(|| {
            AppError::Konflik(
                "Penugasan terbuka diputuskan setelah ada pegawai yang mengajukan diri".into(),
            )
        })?;
        if self.peran_skp(p, org, peg_id, id).ok() != Some(PeranSkp::Penilai) {
            return Err(AppError::Dilarang(
                "Hanya pejabat penilai pegawai yang ditugasi yang dapat menerima atau menolak penugasan"
                    .into(),
            ));
        }
        if t.status != MENUNGGU {
            return Err(AppError::Konflik(format!(
                "Penugasan ini sudah diputuskan ({})",
                t.status
            )));
        }
        let peg = self
            .store
            .pegawai_by_ids(inst, &[peg_id])
            .await?
            .into_iter()
            .next()
            .ok_or_else(|| tidak_ada(id))?;
        Ok((t, peg))
    }

    async fn lengkapi(
        &self,
        p: &Pengguna,
        org: &IndeksOrganisasi,
        v: Vec<Penugasan>,
    ) -> AppResult<Vec<DetailPenugasan>> {
        let mut ids: Vec<i64> = v
            .iter()
            .flat_map(|t| [Some(t.pemberi_pegawai_id), t.pegawai_id])
            .flatten()
            .collect();
        ids.sort_unstable();
        ids.dedup();
        let orang: HashMap<i64, Pegawai> = self
            .store
            .pegawai_by_ids(p.instansi_id(), &ids)
            .await?
            .into_iter()
            .map(|x| (x.id, x))
            .collect();
        Ok(v.into_iter()
            .map(|t| {
                let pemberi = orang.get(&t.pemberi_pegawai_id);
                let peg = t.pegawai_id.and_then(|i| orang.get(&i));
                let boleh_putuskan = t.status == MENUNGGU
                    && t.pegawai_id.is_some_and(|g| {
                        p.pegawai_id().is_some() && Self::penilai_dari_org(org, g) == p.pegawai_id()
                    });
                DetailPenugasan {
                    pemberi: pemberi.map(|x| x.nama.clone()).unwrap_or_default(),
                    pemberi_jabatan: pemberi.and_then(|x| x.jabatan_nama.clone()),
                    pegawai: peg.map(|x| x.nama.clone()),
                    pegawai_nip: peg.map(|x| x.nip.to_string()),
                    unit: t
                        .unit_id
                        .and_then(|u| org.unit.get(&u))
                        .map(|u| u.nama.clone()),
                    boleh_putuskan,
                    penugasan: t,
                }
            })
            .collect())
    }
}
