//! The organisation: unit tree, positions, pegawai, and who rates whom.
//!
//! Rater resolution is the domain's pure function; this module feeds it the organisation from the
//! store, caches the resolved result per instansi, and rebuilds it when the instansi's
//! organisation version moves (so every node sees another node's change on its next request).

use crate::akses::Pengguna;
use crate::error::{AppError, AppResult};
use crate::App;
use kinerja_domain::nip::Nip;
use kinerja_domain::penilai::{
    tentukan_penilai, HasilPenilai, JabatanOrg, Organisasi, PenggantiPenilai, Penilai, UnitOrg,
};
use kinerja_store::{FilterPegawai, Halaman, Jabatan, Pegawai, SnapshotOrganisasi, Unit};
use serde::Serialize;
use std::collections::HashMap;
use std::sync::Arc;
use tokio::sync::RwLock;

/// The resolved organisation of one instansi at one version.
pub struct IndeksOrganisasi {
    pub versi: i64,
    pub unit: HashMap<i64, Unit>,
    pub jabatan: HashMap<i64, Jabatan>,
    /// pegawai → the position they hold.
    pub jabatan_pegawai: HashMap<i64, i64>,
    /// position → its holders.
    pub pemangku: HashMap<i64, Vec<i64>>,
    pub penilai: HashMap<i64, Result<HasilPenilai, String>>,
    /// rater pegawai → the pegawai they rate.
    pub dinilai: HashMap<i64, Vec<i64>>,
    /// atasan pejabat penilai → the pegawai whose evaluations they oversee.
    pub diawasi: HashMap<i64, Vec<i64>>,
    pub pengganti: HashMap<i64, PenggantiPenilai>,
    /// Positions heading a perangkat daerah below JPT rank (JPT formats for their SKP).
    pub pimpinan_unit_mandiri: std::collections::HashSet<i64>,
    /// unit → the position that heads it (see [`IndeksOrganisasi::jabatan_kepala`]).
    pub kepala: HashMap<i64, i64>,
}

/// Rank of a structural position for choosing a unit's head (lower is higher); 9 for
/// positions that do not head a unit.
fn peringkat_struktural(j: &Jabatan) -> u8 {
    match j.jenis_jabatan {
        Some(kinerja_domain::JenisJabatan::JptUtama) => 0,
        Some(kinerja_domain::JenisJabatan::JptMadya) => 1,
        Some(kinerja_domain::JenisJabatan::JptPratama) => 2,
        Some(kinerja_domain::JenisJabatan::Administrator) => 3,
        Some(kinerja_domain::JenisJabatan::Pengawas) => 4,
        _ => 9,
    }
}

/// unit → its head position: the unit's structural position (or pimpinan unit kerja mandiri)
/// whose superior is outside the unit, the highest in rank when several are.
fn kepala_per_unit(
    jabatan: &[Jabatan],
    mandiri: &std::collections::HashSet<i64>,
) -> HashMap<i64, i64> {
    let unit_jabatan: HashMap<i64, i64> = jabatan.iter().map(|j| (j.id, j.unit_id)).collect();
    let mut terbaik: HashMap<i64, (u8, i64)> = HashMap::new();
    for j in jabatan {
        let rank = peringkat_struktural(j);
        if rank == 9 && !mandiri.contains(&j.id) {
            continue;
        }
        let atasan_di_unit = j
            .atasan_id
            .and_then(|a| unit_jabatan.get(&a))
            .is_some_and(|u| *u == j.unit_id);
        if atasan_di_unit {
            continue;
        }
        let e = terbaik.entry(j.unit_id).or_insert((rank, j.id));
        if (rank, j.id) < *e {
            *e = (rank, j.id);
        }
    }
    terbaik.into_iter().map(|(u, (_, j))| (u, j)).collect()
}

impl IndeksOrganisasi {
    pub fn bangun(s: SnapshotOrganisasi) -> Self {
        let mut pemangku: HashMap<i64, Vec<i64>> = HashMap::new();
        for &(p, j) in &s.pemangku {
            pemangku.entry(j).or_default().push(p);
        }
        let unit_org = s
            .unit
            .iter()
            .map(|u| UnitOrg {
                id: u.id,
                parent_id: u.induk_id,
                nama: u.nama.clone(),
                tipe_lampiran: u.tipe_lampiran.clone(),
            })
            .collect();
        let jabatan_org = s
            .jabatan
            .iter()
            .map(|j| JabatanOrg {
                id: j.id,
                unit_id: j.unit_id,
                nama: j.nama.clone(),
                jenis: j.jenis_jabatan,
                posisi_lampiran: j.posisi_lampiran.clone(),
                atasan_id: j.atasan_id,
                pemangku: pemangku.get(&j.id).and_then(|v| v.first().copied()),
                plt: j.plt_pegawai_id,
                plh: j.plh_pegawai_id,
            })
            .collect();
        let org = Organisasi::new(unit_org, jabatan_org, s.aturan.clone(), s.pengganti.clone());
        let pimpinan_unit_mandiri = s
            .jabatan
            .iter()
            .map(|j| j.id)
            .filter(|&j| org.pimpinan_unit_mandiri(j))
            .collect();
        let kepala = kepala_per_unit(&s.jabatan, &pimpinan_unit_mandiri);
        let mut penilai = HashMap::new();
        let mut dinilai: HashMap<i64, Vec<i64>> = HashMap::new();
        let mut diawasi: HashMap<i64, Vec<i64>> = HashMap::new();
        for &(p, j) in &s.pemangku {
            let h = tentukan_penilai(&org, p, j).map_err(|e| e.to_string());
            if let Ok(h) = &h {
                if let Some(r) = h.pejabat_penilai.as_ref().and_then(|x| x.pegawai_id) {
                    dinilai.entry(r).or_default().push(p);
                }
                if let Some(a) = h.atasan_pejabat_penilai.as_ref().and_then(|x| x.pegawai_id) {
                    diawasi.entry(a).or_default().push(p);
                }
            }
            penilai.insert(p, h);
        }
        IndeksOrganisasi {
            versi: s.versi,
            unit: s.unit.into_iter().map(|u| (u.id, u)).collect(),
            jabatan: s.jabatan.into_iter().map(|j| (j.id, j)).collect(),
            jabatan_pegawai: s.pemangku.iter().copied().collect(),
            pemangku,
            penilai,
            dinilai,
            diawasi,
            pengganti: s.pengganti.into_iter().map(|p| (p.pegawai_id, p)).collect(),
            pimpinan_unit_mandiri,
            kepala,
        }
    }

    /// The position that heads a unit.
    pub fn jabatan_kepala(&self, unit_id: i64) -> Option<&Jabatan> {
        self.kepala.get(&unit_id).and_then(|j| self.jabatan.get(j))
    }

    /// Who leads the unit now: the holder, else the Plt, else the Plh of its head position.
    pub fn kepala_unit(&self, unit_id: i64) -> Option<i64> {
        let j = self.jabatan_kepala(unit_id)?;
        self.pemangku
            .get(&j.id)
            .and_then(|v| v.first().copied())
            .or(j.plt_pegawai_id)
            .or(j.plh_pegawai_id)
    }

    /// How `pengguna` stands to pegawai `target`.
    pub fn hubungan(&self, pengguna: Option<i64>, target: i64) -> Hubungan {
        let Some(saya) = pengguna else {
            return Hubungan::Tidak;
        };
        if saya == target {
            return Hubungan::Diri;
        }
        if let Some(Ok(h)) = self.penilai.get(&target) {
            if h.pejabat_penilai.as_ref().and_then(|x| x.pegawai_id) == Some(saya) {
                return Hubungan::PejabatPenilai;
            }
            if h.atasan_pejabat_penilai.as_ref().and_then(|x| x.pegawai_id) == Some(saya) {
                return Hubungan::AtasanPejabatPenilai;
            }
        }
        if let Some(Ok(h)) = self.penilai.get(&saya) {
            let ids = [&h.pejabat_penilai, &h.atasan_pejabat_penilai];
            if ids
                .iter()
                .any(|x| x.as_ref().and_then(|x| x.pegawai_id) == Some(target))
            {
                return Hubungan::PenilaiSaya;
            }
        }
        Hubungan::Tidak
    }

    /// Whether the position heads a perangkat daerah below JPT rank.
    pub fn mandiri(&self, jabatan: Option<i64>) -> bool {
        jabatan.is_some_and(|j| self.pimpinan_unit_mandiri.contains(&j))
    }

    /// The unit and its ancestors, root first.
    pub fn jalur_unit(&self, unit_id: i64) -> Vec<&Unit> {
        let mut out = Vec::new();
        let mut cur = self.unit.get(&unit_id);
        while let Some(u) = cur {
            if out.iter().any(|x: &&Unit| x.id == u.id) {
                break;
            }
            out.push(u);
            cur = u.induk_id.and_then(|i| self.unit.get(&i));
        }
        out.reverse();
        out
    }
}

/// The relationship of the caller to a pegawai, which decides what they may see and do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hubungan {
    Diri,
    PejabatPenilai,
    AtasanPejabatPenilai,
    /// The pegawai is the caller's own rater or atasan.
    PenilaiSaya,
    Tidak,
}

#[derive(Clone, Default)]
pub struct CacheOrganisasi(Arc<RwLock<HashMap<i64, Arc<IndeksOrganisasi>>>>);

/// One person in a rater answer.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct OrangPenilai {
    pub nip: Option<String>,
    pub nama: String,
    pub jabatan: Option<String>,
    pub unit: Option<String>,
    /// The rule that decided this person: tabel_penilai, hierarki, plt, plh, kekosongan, override.
    pub dasar: String,
    pub dasar_label: String,
    /// How the rule was applied, in Bahasa Indonesia.
    pub keterangan: String,
}

/// `GET /api/v1/pegawai/{nip}/penilai`.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct PenilaiPegawai {
    pub pejabat_penilai: Option<OrangPenilai>,
    pub atasan_pejabat_penilai: Option<OrangPenilai>,
    /// The rule that decided the pejabat penilai.
    pub dasar: String,
    pub dasar_label: String,
    /// Set when an admin override is in force.
    pub alasan_override: Option<String>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct NodeUnit {
    pub id: i64,
    pub kode: String,
    pub nama: String,
    pub tipe_lampiran: Option<String>,
    pub jumlah_pegawai: usize,
    #[schema(no_recursion)]
    pub anak: Vec<NodeUnit>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct JabatanDiUnit {
    pub jabatan: Jabatan,
    pub pemangku: Vec<Pegawai>,
    pub plt: Option<Pegawai>,
    pub plh: Option<Pegawai>,
    pub kosong: bool,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct DetailUnit {
    pub unit: Unit,
    pub jalur: Vec<Unit>,
    pub anak: Vec<Unit>,
    pub jabatan: Vec<JabatanDiUnit>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct DetailPegawai {
    pub pegawai: Pegawai,
    pub pangkat: String,
    pub jalur_unit: Vec<Unit>,
    pub penilai: Option<PenilaiPegawai>,
    pub galat_penilai: Option<String>,
    /// The pegawai this one rates.
    pub dinilai: Vec<Pegawai>,
    pub boleh_override: bool,
}

impl App {
    /// Pegawai by id, for looking up the people a view names.
    async fn peta_pegawai(&self, inst: i64, ids: &[i64]) -> AppResult<HashMap<i64, Pegawai>> {
        Ok(self
            .store
            .pegawai_by_ids(inst, ids)
            .await?
            .into_iter()
            .map(|p| (p.id, p))
            .collect())
    }

    /// The resolved organisation of the instansi, rebuilt when it has changed.
    pub async fn organisasi(&self, instansi_id: i64) -> AppResult<Arc<IndeksOrganisasi>> {
        let versi = self.store.versi_organisasi(instansi_id).await?;
        if let Some(i) = self.org.0.read().await.get(&instansi_id) {
            if i.versi >= versi {
                return Ok(i.clone());
            }
        }
        let snap = self.store.muat_organisasi(instansi_id).await?;
        let indeks = Arc::new(
            tokio::task::spawn_blocking(move || IndeksOrganisasi::bangun(snap))
                .await
                .map_err(|e| AppError::Internal(e.to_string()))?,
        );
        self.org.0.write().await.insert(instansi_id, indeks.clone());
        Ok(indeks)
    }

    pub async fn pohon_unit(&self, p: &Pengguna) -> AppResult<Vec<NodeUnit>> {
        p.wajib_admin()?;
        let org = self.organisasi(p.instansi_id()).await?;
        let mut anak: HashMap<Option<i64>, Vec<&Unit>> = HashMap::new();
        for u in org.unit.values() {
            anak.entry(u.induk_id.filter(|i| org.unit.contains_key(i)))
                .or_default()
                .push(u);
        }
        for v in anak.values_mut() {
            v.sort_by(|a, b| a.nama.cmp(&b.nama));
        }
        let mut per_unit: HashMap<i64, usize> = HashMap::new();
        for j in org.jabatan_pegawai.values() {
            if let Some(jab) = org.jabatan.get(j) {
                *per_unit.entry(jab.unit_id).or_default() += 1;
            }
        }
        fn bangun(
            u: &Unit,
            anak: &HashMap<Option<i64>, Vec<&Unit>>,
            per: &HashMap<i64, usize>,
            depth: usize,
        ) -> NodeUnit {
            let kids: Vec<NodeUnit> = if depth > 64 {
                Vec::new()
            } else {
                anak.get(&Some(u.id))
                    .map(|v| v.iter().map(|c| bangun(c, anak, per, depth + 1)).collect())
                    .unwrap_or_default()
            };
            NodeUnit {
                id: u.id,
                kode: u.kode.clone(),
                nama: u.nama.clone(),
                tipe_lampiran: u.tipe_lampiran.clone(),
                jumlah_pegawai: per.get(&u.id).copied().unwrap_or(0)
                    + kids.iter().map(|k| k.jumlah_pegawai).sum::<usize>(),
                anak: kids,
            }
        }
        Ok(anak
            .get(&None)
            .map(|v| v.iter().map(|u| bangun(u, &anak, &per_unit, 0)).collect())
            .unwrap_or_default())
    }

    pub async fn detail_unit(&self, p: &Pengguna, id: i64) -> AppResult<DetailUnit> {
        p.wajib_admin()?;
        let inst = p.instansi_id();
        let org = self.organisasi(inst).await?;
        let unit = org
            .unit
            .get(&id)
            .cloned()
            .ok_or_else(|| AppError::TidakDitemukan(format!("Unit {id} tidak ditemukan")))?;
        let mut anak: Vec<Unit> = org
            .unit
            .values()
            .filter(|u| u.induk_id == Some(id))
            .cloned()
            .collect();
        anak.sort_by(|a, b| a.nama.cmp(&b.nama));
        let mut jabatan: Vec<&Jabatan> = org.jabatan.values().filter(|j| j.unit_id == id).collect();
        jabatan.sort_by_key(|j| (j.jenis_jabatan.map(urutan_jenis).unwrap_or(0), j.id));
        let mut ids: Vec<i64> = Vec::new();
        for j in &jabatan {
            ids.extend(org.pemangku.get(&j.id).into_iter().flatten());
            ids.extend(j.plt_pegawai_id);
            ids.extend(j.plh_pegawai_id);
        }
        let pegawai = self.peta_pegawai(inst, &ids).await?;
        let ambil = |id: Option<i64>| id.and_then(|i| pegawai.get(&i).cloned());
        let jabatan = jabatan
            .into_iter()
            .map(|j| {
                let mut pemangku: Vec<Pegawai> = org
                    .pemangku
                    .get(&j.id)
                    .into_iter()
                    .flatten()
                    .filter_map(|i| pegawai.get(i).cloned())
                    .collect();
                pemangku.sort_by(|a, b| a.nama.cmp(&b.nama));
                JabatanDiUnit {
                    kosong: pemangku.is_empty() && j.pemangku_non_asn.is_none(),
                    pemangku,
                    plt: ambil(j.plt_pegawai_id),
                    plh: ambil(j.plh_pegawai_id),
                    jabatan: j.clone(),
                }
            })
            .collect();
        Ok(DetailUnit {
            jalur: org.jalur_unit(id).into_iter().cloned().collect(),
            unit,
            anak,
            jabatan,
        })
    }

    /// Search pegawai by NIP prefix or name (admin: the whole instansi).
    pub async fn cari_pegawai(
        &self,
        p: &Pengguna,
        filter: FilterPegawai,
    ) -> AppResult<Halaman<Pegawai>> {
        p.wajib_admin()?;
        Ok(self.store.cari_pegawai(p.instansi_id(), &filter).await?)
    }

    /// A pegawai the caller may see: an admin sees all; a pegawai sees themself, those they rate
    /// or oversee, and their own rater and atasan. Anyone else is answered as unknown.
    pub(crate) async fn pegawai_terlihat(
        &self,
        p: &Pengguna,
        nip: &str,
    ) -> AppResult<(Pegawai, Arc<IndeksOrganisasi>)> {
        let tidak_ada =
            || AppError::TidakDitemukan(format!("Pegawai dengan NIP {nip} tidak ditemukan"));
        let nip =
            Nip::parse(nip).map_err(|e| AppError::bidang_tidak_valid("nip", e.to_string()))?;
        let inst = p.instansi_id();
        let peg = self
            .store
            .pegawai_by_nip(inst, nip.as_str())
            .await?
            .ok_or_else(tidak_ada)?;
        let org = self.organisasi(inst).await?;
        if !p.admin() && org.hubungan(p.pegawai_id(), peg.id) == Hubungan::Tidak {
            return Err(tidak_ada());
        }
        Ok((peg, org))
    }

    pub async fn detail_pegawai(&self, p: &Pengguna, nip: &str) -> AppResult<DetailPegawai> {
        let (peg, org) = self.pegawai_terlihat(p, nip).await?;
        let (penilai, galat_penilai) = match self.penilai_dari(p.instansi_id(), &org, &peg).await? {
            Ok(v) => (Some(v), None),
            Err(e) => (None, Some(e)),
        };
        // A pegawai's team is shown to an admin, to the pegawai, and to those above them; not to
        // the team's own members looking at their rater.
        let hubungan = org.hubungan(p.pegawai_id(), peg.id);
        let dinilai = if p.admin()
            || matches!(
                hubungan,
                Hubungan::Diri | Hubungan::PejabatPenilai | Hubungan::AtasanPejabatPenilai
            ) {
            self.tim(p.instansi_id(), &org, peg.id).await?
        } else {
            Vec::new()
        };
        Ok(DetailPegawai {
            pangkat: peg.golongan.label(),
            jalur_unit: peg
                .unit_id
                .map(|u| org.jalur_unit(u).into_iter().cloned().collect())
                .unwrap_or_default(),
            penilai,
            galat_penilai,
            dinilai,
            boleh_override: p.admin(),
            pegawai: peg,
        })
    }

    pub async fn penilai_pegawai(&self, p: &Pengguna, nip: &str) -> AppResult<PenilaiPegawai> {
        let (peg, org) = self.pegawai_terlihat(p, nip).await?;
        self.penilai_dari(p.instansi_id(), &org, &peg)
            .await?
            .map_err(AppError::Konflik)
    }

    /// The pegawai the caller rates (their team), by name.
    pub async fn pegawai_dinilai(&self, p: &Pengguna) -> AppResult<Vec<Pegawai>> {
        let Some(saya) = p.pegawai_id() else {
            return Ok(Vec::new());
        };
        let org = self.organisasi(p.instansi_id()).await?;
        self.tim(p.instansi_id(), &org, saya).await
    }

    /// The pegawai whom `penilai` rates, by name.
    async fn tim(
        &self,
        inst: i64,
        org: &IndeksOrganisasi,
        penilai: i64,
    ) -> AppResult<Vec<Pegawai>> {
        let ids = org.dinilai.get(&penilai).cloned().unwrap_or_default();
        let mut v = self.store.pegawai_by_ids(inst, &ids).await?;
        v.sort_by(|a, b| a.nama.cmp(&b.nama));
        Ok(v)
    }

    /// The caller's own rater and atasan.
    pub async fn penilai_saya(&self, p: &Pengguna) -> AppResult<Option<PenilaiPegawai>> {
        let Some(peg) = p.pegawai.as_ref() else {
            return Ok(None);
        };
        let org = self.organisasi(p.instansi_id()).await?;
        Ok(self.penilai_dari(p.instansi_id(), &org, peg).await?.ok())
    }

    pub(crate) async fn penilai_dari(
        &self,
        inst: i64,
        org: &IndeksOrganisasi,
        peg: &Pegawai,
    ) -> AppResult<Result<PenilaiPegawai, String>> {
        let h = match org.penilai.get(&peg.id) {
            Some(Ok(h)) => h.clone(),
            Some(Err(e)) => return Ok(Err(e.clone())),
            None => return Ok(Err("Pegawai tidak memangku jabatan apa pun".into())),
        };
        let ids: Vec<i64> = [&h.pejabat_penilai, &h.atasan_pejabat_penilai]
            .iter()
            .filter_map(|x| x.as_ref().and_then(|x| x.pegawai_id))
            .collect();
        let orang = self.peta_pegawai(inst, &ids).await?;
        let lihat = |x: &Option<Penilai>| -> Option<OrangPenilai> {
            let x = x.as_ref()?;
            let jab = x.jabatan_id.and_then(|j| org.jabatan.get(&j));
            let peg = x.pegawai_id.and_then(|i| orang.get(&i));
            let nama = peg
                .map(|p| p.nama.clone())
                .or_else(|| jab.and_then(|j| j.pemangku_non_asn.clone()))
                .unwrap_or_else(|| "(tidak ada pejabat)".into());
            Some(OrangPenilai {
                nip: peg.map(|p| p.nip.to_string()),
                nama,
                jabatan: jab
                    .map(|j| j.nama.clone())
                    .or_else(|| peg.and_then(|p| p.jabatan_nama.clone())),
                unit: jab
                    .and_then(|j| org.unit.get(&j.unit_id))
                    .map(|u| u.nama.clone())
                    .or_else(|| peg.and_then(|p| p.unit_nama.clone())),
                dasar: x.dasar.kode().into(),
                dasar_label: x.dasar.label().into(),
                keterangan: x.keterangan.clone(),
            })
        };
        Ok(Ok(PenilaiPegawai {
            pejabat_penilai: lihat(&h.pejabat_penilai),
            atasan_pejabat_penilai: lihat(&h.atasan_pejabat_penilai),
            dasar: h.dasar.kode().into(),
            dasar_label: h.dasar.label().into(),
            alasan_override: org.pengganti.get(&peg.id).map(|p| p.alasan.clone()),
        }))
    }

    /// Admin override of a pegawai's rater and/or atasan, with a reason; audited by the store.
    pub async fn tetapkan_pengganti_penilai(
        &self,
        p: &Pengguna,
        nip: &str,
        pejabat_penilai_nip: Option<&str>,
        atasan_nip: Option<&str>,
        alasan: &str,
    ) -> AppResult<PenilaiPegawai> {
        p.wajib_admin()?;
        let inst = p.instansi_id();
        let (peg, _) = self.pegawai_terlihat(p, nip).await?;
        let mut galat = std::collections::BTreeMap::new();
        let mut cari = async |bidang: &str, v: Option<&str>| -> AppResult<Option<i64>> {
            let Some(v) = v.map(str::trim).filter(|s| !s.is_empty()) else {
                return Ok(None);
            };
            match Nip::parse(v) {
                Err(e) => {
                    galat.insert(bidang.to_string(), e.to_string());
                    Ok(None)
                }
                Ok(n) => match self.store.pegawai_by_nip(inst, n.as_str()).await? {
                    None => {
                        galat.insert(
                            bidang.to_string(),
                            format!("pegawai dengan NIP {n} tidak ditemukan"),
                        );
                        Ok(None)
                    }
                    Some(x) if x.id == peg.id => {
                        galat.insert(
                            bidang.to_string(),
                            "pegawai tidak dapat menilai dirinya sendiri".into(),
                        );
                        Ok(None)
                    }
                    Some(x) => Ok(Some(x.id)),
                },
            }
        };
        let rater = cari("pejabat_penilai_nip", pejabat_penilai_nip).await?;
        let atasan = cari("atasan_pejabat_penilai_nip", atasan_nip).await?;
        if alasan.trim().is_empty() {
            galat.insert("alasan".into(), "alasan wajib diisi".into());
        }
        if rater.is_none()
            && atasan.is_none()
            && !galat.contains_key("pejabat_penilai_nip")
            && !galat.contains_key("atasan_pejabat_penilai_nip")
        {
            galat.insert(
                "pejabat_penilai_nip".into(),
                "isi pejabat penilai dan/atau atasan pejabat penilai".into(),
            );
        }
        if !galat.is_empty() {
            return Err(AppError::tidak_valid(galat));
        }
        let pengganti = PenggantiPenilai {
            pegawai_id: peg.id,
            pejabat_penilai: rater,
            atasan_pejabat_penilai: atasan,
            alasan: alasan.trim().into(),
        };
        self.store
            .tetapkan_pengganti_penilai(inst, &pengganti, &p.pelaku())
            .await?;
        self.penilai_pegawai(p, nip).await
    }

    pub async fn hapus_pengganti_penilai(
        &self,
        p: &Pengguna,
        nip: &str,
    ) -> AppResult<PenilaiPegawai> {
        p.wajib_admin()?;
        let (peg, _) = self.pegawai_terlihat(p, nip).await?;
        self.store
            .hapus_pengganti_penilai(p.instansi_id(), peg.id, &p.pelaku())
            .await?;
        self.penilai_pegawai(p, nip).await
    }
}

/// Order of positions within a unit: heads first.
fn urutan_jenis(j: kinerja_domain::JenisJabatan) -> u8 {
    use kinerja_domain::JenisJabatan::*;
    match j {
        JptUtama => 0,
        JptMadya => 1,
        JptPratama => 2,
        Administrator => 3,
        Pengawas => 4,
        Fungsional => 5,
        Pelaksana => 6,
    }
}
