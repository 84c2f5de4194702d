//! Keberatan (Pasal 30; PP 30/2019 Pasal 59): filed by the pegawai within 14 days of receiving
//! the evaluation, heard by the atasan pejabat penilai with comments from both sides, decided
//! once and for all; the original result stays on the keberatan.

use super::*;
use crate::skp::hari_ini;
use kinerja_domain::evaluasi::keberatan::{
    periksa_komentar, periksa_pengajuan, periksa_putusan, PihakKeberatan, PutusanMasuk,
    StatusKeberatan,
};
use kinerja_store::{Evaluasi, FilterKeberatan, Keberatan, KeberatanBaru, KomentarKeberatan};
use serde::Serialize;

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct DetailKeberatan {
    pub keberatan: Keberatan,
    pub evaluasi: Evaluasi,
    /// The caller's side, if any.
    pub pihak: Option<PihakKeberatan>,
    pub boleh_tanggapi: bool,
    pub boleh_putuskan: bool,
}

impl App {
    /// The pegawai files a keberatan against a signed evaluation, within 14 days.
    pub async fn ajukan_keberatan(
        &self,
        p: &Pengguna,
        skp_id: i64,
        periode_kode: &str,
        alasan: &str,
    ) -> AppResult<Keberatan> {
        let inst = p.instansi_id();
        let k = self.konteks_evaluasi(p, skp_id, periode_kode).await?;
        if k.peran != PeranEvaluasi::Pegawai {
            return Err(AppError::Dilarang(
                "Keberatan hanya dapat diajukan oleh pegawai yang dinilai".into(),
            ));
        }
        let e = k
            .evaluasi
            .as_ref()
            .ok_or_else(|| AppError::Konflik("Belum ada evaluasi untuk periode ini".into()))?;
        let (batas, alasan) = periksa_pengajuan(e.diterima, hari_ini(), alasan)?;
        let atasan = e.atasan_pegawai_id.or(k.atasan);
        let kepada = self
            .pegawai_id(
                inst,
                &[atasan, Some(e.penilai_pegawai_id)]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>(),
            )
            .await?;
        let notif: Vec<_> = kepada
            .iter()
            .map(|x| {
                self.notifikasi(
                    x,
                    "keberatan",
                    format!("Keberatan {} atas evaluasi {}", e.nama, k.periode.label()),
                    alasan.clone(),
                    Some("/keberatan".into()),
                    None,
                )
            })
            .collect();
        Ok(self
            .store
            .ajukan_keberatan(
                inst,
                &KeberatanBaru {
                    evaluasi_id: e.id,
                    alasan,
                    batas,
                    atasan_pegawai_id: atasan,
                },
                &notif,
                &p.pelaku(),
            )
            .await?)
    }

    /// Keberatan the caller is party to (all for HR admin), newest first.
    pub async fn daftar_keberatan(&self, p: &Pengguna) -> AppResult<Vec<Keberatan>> {
        let inst = p.instansi_id();
        if p.admin() {
            return Ok(self
                .store
                .daftar_keberatan(
                    inst,
                    &FilterKeberatan {
                        limit: 500,
                        ..Default::default()
                    },
                )
                .await?);
        }
        let Some(saya) = p.pegawai_id() else {
            return Ok(Vec::new());
        };
        let mut out: Vec<Keberatan> = Vec::new();
        for f in [
            FilterKeberatan {
                pegawai_id: Some(saya),
                limit: 500,
                ..Default::default()
            },
            FilterKeberatan {
                penilai_pegawai_id: Some(saya),
                limit: 500,
                ..Default::default()
            },
            FilterKeberatan {
                atasan_pegawai_id: Some(saya),
                limit: 500,
                ..Default::default()
            },
        ] {
            for k in self.store.daftar_keberatan(inst, &f).await? {
                if !out.iter().any(|x| x.id == k.id) {
                    out.push(k);
                }
            }
        }
        out.sort_by_key(|k| std::cmp::Reverse(k.id));
        Ok(out)
    }

    /// One keberatan with the evaluation, for its parties and HR admin (others: 404).
    pub async fn detail_keberatan(&self, p: &Pengguna, id: i64) -> AppResult<DetailKeberatan> {
        let inst = p.instansi_id();
        let tidak_ada = || AppError::TidakDitemukan(format!("Keberatan {id} tidak ditemukan"));
        let k = self
            .store
            .keberatan(inst, id)
            .await?
            .ok_or_else(tidak_ada)?;
        let e = self
            .store
            .evaluasi(inst, k.evaluasi_id)
            .await?
            .ok_or_else(tidak_ada)?;
        let saya = p.pegawai_id();
        let pihak = match saya {
            Some(s) if s == k.pegawai_id => Some(PihakKeberatan::Pegawai),
            Some(s) if s == k.penilai_pegawai_id => Some(PihakKeberatan::PejabatPenilai),
            Some(s) if Some(s) == k.atasan_pegawai_id => Some(PihakKeberatan::AtasanPejabatPenilai),
            _ => None,
        };
        if pihak.is_none() && !p.admin() {
            return Err(tidak_ada());
        }
        let terbuka = k.status == StatusKeberatan::Diajukan;
        let pemutus = pihak == Some(PihakKeberatan::AtasanPejabatPenilai)
            || (k.atasan_pegawai_id.is_none() && p.admin());
        Ok(DetailKeberatan {
            boleh_tanggapi: terbuka && pihak.is_some(),
            boleh_putuskan: terbuka && pemutus,
            pihak,
            keberatan: k,
            evaluasi: e,
        })
    }

    /// A party adds a comment while the keberatan is pending.
    pub async fn tanggapi_keberatan(
        &self,
        p: &Pengguna,
        id: i64,
        isi: &str,
    ) -> AppResult<Keberatan> {
        let d = self.detail_keberatan(p, id).await?;
        let pihak = d.pihak.ok_or_else(|| {
            AppError::Dilarang(
                "Tanggapan diberikan oleh pegawai, pejabat penilai atau atasannya".into(),
            )
        })?;
        if !d.boleh_tanggapi {
            return Err(AppError::Konflik(
                "Keberatan ini sudah diputuskan; tanggapan ditutup".into(),
            ));
        }
        let isi = periksa_komentar(isi)?;
        let inst = p.instansi_id();
        let lain: Vec<i64> = [
            Some(d.keberatan.pegawai_id),
            Some(d.keberatan.penilai_pegawai_id),
            d.keberatan.atasan_pegawai_id,
        ]
        .into_iter()
        .flatten()
        .filter(|x| Some(*x) != p.pegawai_id())
        .collect();
        let notif: Vec<_> = self
            .pegawai_id(inst, &lain)
            .await?
            .iter()
            .map(|x| {
                self.notifikasi(
                    x,
                    "keberatan",
                    format!("Tanggapan baru pada keberatan {}", d.keberatan.nama),
                    isi.clone(),
                    Some(format!("/keberatan/{id}")),
                    None,
                )
            })
            .collect();
        let kom = KomentarKeberatan {
            pegawai_id: p.pegawai_id().unwrap_or_default(),
            nama: p.nama().to_string(),
            pihak,
            isi,
            waktu: chrono::Utc::now(),
        };
        Ok(self
            .store
            .komentari_keberatan(inst, id, &kom, &notif, &p.pelaku())
            .await?)
    }

    /// The atasan pejabat penilai decides: upheld with new ratings (predikat from the
    /// kuadran), or rejected. Final.
    pub async fn putuskan_keberatan(
        &self,
        p: &Pengguna,
        id: i64,
        m: PutusanMasuk,
    ) -> AppResult<Keberatan> {
        let d = self.detail_keberatan(p, id).await?;
        if d.keberatan.status == StatusKeberatan::Diajukan && !d.boleh_putuskan {
            return Err(AppError::Dilarang(
                "Keberatan diputuskan oleh atasan pejabat penilai".into(),
            ));
        }
        let sah = periksa_putusan(
            d.keberatan.status,
            (d.evaluasi.rating_hasil_kerja, d.evaluasi.rating_perilaku),
            &m,
        )?;
        let inst = p.instansi_id();
        let notif: Vec<_> = self
            .pegawai_id(
                inst,
                &[d.keberatan.pegawai_id, d.keberatan.penilai_pegawai_id],
            )
            .await?
            .iter()
            .map(|x| {
                self.notifikasi(
                    x,
                    "keberatan",
                    format!(
                        "Keberatan {} {}",
                        d.keberatan.nama,
                        sah.status.label().to_lowercase()
                    ),
                    match sah.baru {
                        Some((_, _, pr)) => {
                            format!("Predikat baru: {}. {}", pr.label(), sah.alasan)
                        }
                        None => sah.alasan.clone(),
                    },
                    Some(format!("/keberatan/{id}")),
                    None,
                )
            })
            .collect();
        Ok(self
            .store
            .putuskan_keberatan(inst, id, &sah, &notif, &p.pelaku())
            .await?)
    }
}
