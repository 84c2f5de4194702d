//! Umpan balik berkelanjutan (Pasal 17–19): the leader's berkala and insidentil feedback, 360
//! feedback from peers, subordinates, assigners and others (asked or on their own initiative),
//! the pegawai's responses, and requests for 360 feedback.

use super::{KonteksSkp, PeranPelaksanaan};
use crate::akses::Pengguna;
use crate::error::{AppError, AppResult};
use crate::skp::hari_ini;
use crate::App;
use chrono::{DateTime, NaiveDate, Utc};
use kinerja_domain::pelaksanaan::umpan_balik::{
    periksa_permintaan, periksa_tanggapan, periksa_umpan_balik, CaraUmpanBalik, JenisUmpanBalik,
    PemberiUmpanBalik, PermintaanMasuk, UmpanBalikMasuk,
};
use kinerja_domain::perilaku::AspekPerilaku;
use kinerja_store::{
    FilterPermintaan, FilterUmpanBalik, Pegawai, PermintaanBaru, PermintaanUmpanBalik,
    TindakLanjut, UmpanBalik, UmpanBalikBaru,
};
use serde::Serialize;
use utoipa::ToSchema;

/// Feedback as the caller may see it: an anonymous giver is hidden from the pegawai.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct UmpanBalikTampil {
    pub id: i64,
    pub skp_id: i64,
    pub pegawai_id: i64,
    /// None when hidden (anonymous, read by the pegawai).
    pub pemberi_pegawai_id: Option<i64>,
    pub pemberi_nama: String,
    pub pemberi_jabatan: Option<String>,
    pub sebagai: PemberiUmpanBalik,
    pub sebagai_label: String,
    pub rhk_id: Option<i64>,
    pub aspek: Option<AspekPerilaku>,
    /// The RHK's text or the aspect's name.
    pub sasaran: String,
    pub jenis: JenisUmpanBalik,
    pub cara: CaraUmpanBalik,
    pub isi: String,
    /// Shown as "Sumber: …".
    pub sumber: String,
    pub tanggal: NaiveDate,
    pub permintaan_id: Option<i64>,
    pub anonim: bool,
    pub tanggapan: Option<String>,
    pub ditanggapi: Option<DateTime<Utc>>,
    pub dibuat: DateTime<Utc>,
    /// The caller may respond (the pegawai, once).
    pub boleh_tanggapi: bool,
}

/// A page of feedback, newest first.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DaftarUmpanBalik {
    pub items: Vec<UmpanBalikTampil>,
    pub next_cursor: Option<String>,
}

/// The feedback part of an SKP for the pages: what the caller may do and the open requests.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct HakUmpanBalik {
    pub peran: String,
    /// As whom the caller gives feedback without a request (None: only through a request).
    pub sebagai: Option<PemberiUmpanBalik>,
    /// The caller may give berkala feedback (the rater).
    pub berkala: bool,
    /// RHK the caller may comment on (an assigner: their assignment's RHK only).
    pub rhk: Vec<(i64, String)>,
    /// Requests to the caller still open on this SKP.
    pub permintaan: Vec<PermintaanUmpanBalik>,
    pub boleh_minta: bool,
    pub boleh_tindak_lanjut: bool,
}

fn tampil(u: UmpanBalik, k: &KonteksSkp, saya: Option<i64>) -> UmpanBalikTampil {
    let sembunyi = u.anonim && k.peran == PeranPelaksanaan::Pemilik;
    let sasaran = match (u.rhk_id, u.aspek) {
        (Some(r), _) => {
            k.s.skp
                .rhk
                .iter()
                .find(|x| x.id == Some(r))
                .map(|x| x.uraian.clone())
                .unwrap_or_else(|| format!("RHK {r}"))
        }
        (None, Some(a)) => format!("Perilaku: {}", a.label()),
        _ => String::new(),
    };
    UmpanBalikTampil {
        boleh_tanggapi: k.peran == PeranPelaksanaan::Pemilik
            && u.tanggapan.is_none()
            && saya == Some(u.pegawai_id),
        pemberi_pegawai_id: (!sembunyi).then_some(u.pemberi_pegawai_id),
        pemberi_nama: if sembunyi {
            "Pemberi anonim".into()
        } else {
            u.pemberi_nama
        },
        pemberi_jabatan: if sembunyi { None } else { u.pemberi_jabatan },
        sebagai_label: u.sebagai.label().into(),
        sasaran,
        id: u.id,
        skp_id: u.skp_id,
        pegawai_id: u.pegawai_id,
        sebagai: u.sebagai,
        rhk_id: u.rhk_id,
        aspek: u.aspek,
        jenis: u.jenis,
        cara: u.cara,
        isi: u.isi,
        sumber: u.sumber,
        tanggal: u.tanggal,
        permintaan_id: u.permintaan_id,
        anonim: u.anonim,
        tanggapan: u.tanggapan,
        ditanggapi: u.ditanggapi,
        dibuat: u.dibuat,
    }
}

/// Whether the caller sees this piece of feedback.
fn terlihat(u: &UmpanBalik, k: &KonteksSkp, saya: Option<i64>) -> bool {
    if Some(u.pemberi_pegawai_id) == saya {
        return true;
    }
    match &k.peran {
        PeranPelaksanaan::PemberiPenugasan(rhk) => u.rhk_id.is_some_and(|r| rhk.contains(&r)),
        p => p.lihat_semua(),
    }
}

/// Everything the feedback page of one SKP shows, read under one access check.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct HalamanUmpanBalik {
    pub hak: HakUmpanBalik,
    #[schema(value_type = Object)]
    pub skp: kinerja_domain::skp::Skp,
    pub pegawai: Option<Pegawai>,
    pub umpan_balik: DaftarUmpanBalik,
    pub permintaan: Vec<PermintaanUmpanBalik>,
    /// Empty for callers who do not see the whole SKP.
    pub tindak_lanjut: Vec<TindakLanjut>,
}

impl App {
    /// The feedback page of an SKP: the caller's rights, whose SKP it is, the feedback they may
    /// see (newest first, up to `limit`), the 360 requests and the follow-up.
    pub async fn halaman_umpan_balik(
        &self,
        p: &Pengguna,
        skp_id: i64,
        limit: Option<i64>,
    ) -> AppResult<HalamanUmpanBalik> {
        let k = self.konteks_skp(p, skp_id).await?;
        let inst = p.instansi_id();
        let umpan_balik = self.umpan_balik_dari(p, &k, None, limit).await?;
        let permintaan = self.permintaan_dari(p, &k).await?;
        let tindak_lanjut = if k.peran.lihat_semua() {
            self.store.daftar_tindak_lanjut(inst, skp_id).await?
        } else {
            Vec::new()
        };
        let pegawai = self.pegawai_id(inst, &[k.s.skp.pegawai_id]).await?.pop();
        Ok(HalamanUmpanBalik {
            hak: hak(&k),
            pegawai,
            umpan_balik,
            permintaan,
            tindak_lanjut,
            skp: k.s.skp,
        })
    }

    /// What the caller may do with feedback on this SKP.
    pub async fn hak_umpan_balik(&self, p: &Pengguna, skp_id: i64) -> AppResult<HakUmpanBalik> {
        let k = self.konteks_skp(p, skp_id).await?;
        Ok(hak(&k))
    }

    /// Give feedback on an RHK or a perilaku aspect of a set SKP.
    pub async fn beri_umpan_balik(
        &self,
        p: &Pengguna,
        skp_id: i64,
        m: UmpanBalikMasuk,
    ) -> AppResult<UmpanBalikTampil> {
        let k = self.konteks_skp(p, skp_id).await?;
        let inst = p.instansi_id();
        let saya = p.pegawai.clone().ok_or_else(|| {
            AppError::Dilarang("Umpan balik diberikan oleh pegawai, bukan akun admin".into())
        })?;
        // A request decides the role and anonymity; otherwise the relationship does.
        let (sebagai, permintaan) = match m.permintaan_id {
            Some(pid) => {
                let r = k
                    .permintaan
                    .iter()
                    .find(|r| r.id == pid)
                    .cloned()
                    .ok_or_else(|| {
                        AppError::bidang_tidak_valid_persis(
                            "permintaan_id",
                            "Permintaan umpan balik ini tidak ditujukan kepada Anda atau sudah dijawab",
                        )
                    })?;
                (r.sebagai, Some(r))
            }
            None => match k.peran.sebagai_pemberi() {
                Some(s) => (s, None),
                None if k.peran == PeranPelaksanaan::Pemilik => {
                    return Err(AppError::Dilarang(
                        "Pegawai tidak memberi umpan balik atas SKP-nya sendiri; gunakan tanggapan".into(),
                    ))
                }
                None => {
                    return Err(AppError::Dilarang(
                        "Anda tidak memiliki hubungan kerja dengan pegawai ini; umpan balik 360 dari pihak lain diberikan atas permintaan".into(),
                    ))
                }
            },
        };
        if let (PeranPelaksanaan::PemberiPenugasan(rhk), None) = (&k.peran, &permintaan) {
            if m.rhk_id.is_some_and(|r| !rhk.contains(&r)) {
                return Err(AppError::bidang_tidak_valid_persis(
                    "rhk_id",
                    "Pemberi penugasan memberi umpan balik atas RHK dari penugasannya",
                ));
            }
        }
        if m.jenis == Some(JenisUmpanBalik::Berkala)
            && sebagai == PemberiUmpanBalik::PejabatPenilai
            && k.peran != PeranPelaksanaan::Penilai
        {
            return Err(AppError::Dilarang(
                "Umpan balik berkala pimpinan diberikan oleh pejabat penilai".into(),
            ));
        }
        let jabatan = saya
            .jabatan_nama
            .clone()
            .unwrap_or_else(|| saya.nama.clone());
        let sah = periksa_umpan_balik(&k.s.skp, &m, &jabatan, hari_ini())?;
        let penugasan_id = match (&k.peran, sah.sasaran) {
            (
                PeranPelaksanaan::PemberiPenugasan(_),
                kinerja_domain::pelaksanaan::umpan_balik::SasaranUmpanBalik::Rhk(r),
            ) => {
                k.s.skp
                    .rhk
                    .iter()
                    .find(|x| x.id == Some(r))
                    .and_then(|x| x.penugasan_id)
            }
            _ => None,
        };
        let anonim = permintaan.as_ref().is_some_and(|r| r.anonim);
        // Notifications: the pegawai; a copy to the rater for an assigner's feedback (pola
        // pelaporan) and for answers to the rater's own requests.
        let pegawai_id = k.s.skp.pegawai_id;
        let penilai = Self::penilai_dari_org(&k.org, pegawai_id);
        let mut kepada = vec![pegawai_id];
        let tembusan = penilai.filter(|&r| {
            r != saya.id
                && (penugasan_id.is_some()
                    || permintaan
                        .as_ref()
                        .is_some_and(|x| x.peminta_pegawai_id == r))
        });
        kepada.extend(tembusan);
        let orang = self.pegawai_id(inst, &kepada).await?;
        let tautan = format!("/skp/{skp_id}/umpan-balik");
        let dari = if anonim {
            "pemberi anonim".to_string()
        } else {
            saya.nama.clone()
        };
        let nama_pegawai = orang
            .iter()
            .find(|o| o.id == pegawai_id)
            .map(|o| o.nama.clone())
            .unwrap_or_default();
        let notif: Vec<_> = orang
            .iter()
            .map(|o| {
                let (judul, isi) = if o.id == pegawai_id {
                    (
                        format!("Umpan balik baru dari {dari}"),
                        format!(
                            "{} ({}) — Sumber: {}",
                            sah.isi,
                            sah.jenis.label(),
                            sah.sumber
                        ),
                    )
                } else {
                    (
                        format!(
                            "Tembusan: umpan balik {} untuk {nama_pegawai}",
                            sebagai.label().to_lowercase()
                        ),
                        format!("{} — Sumber: {}", sah.isi, sah.sumber),
                    )
                };
                self.notifikasi(o, "umpan_balik", judul, isi, Some(tautan.clone()), None)
            })
            .collect();
        let baru = UmpanBalikBaru {
            skp_id,
            pegawai_id,
            pemberi_pegawai_id: saya.id,
            sebagai,
            sah,
            permintaan_id: permintaan.as_ref().map(|r| r.id),
            penugasan_id,
            anonim,
        };
        let u = self
            .store
            .buat_umpan_balik(inst, &baru, &notif, &p.pelaku())
            .await?;
        Ok(tampil(u, &k, Some(saya.id)))
    }

    /// The feedback on an SKP the caller may see, newest first.
    pub async fn umpan_balik_skp(
        &self,
        p: &Pengguna,
        skp_id: i64,
        cursor: Option<&str>,
        limit: Option<i64>,
    ) -> AppResult<DaftarUmpanBalik> {
        let k = self.konteks_skp(p, skp_id).await?;
        self.umpan_balik_dari(p, &k, cursor, limit).await
    }

    async fn umpan_balik_dari(
        &self,
        p: &Pengguna,
        k: &KonteksSkp,
        cursor: Option<&str>,
        limit: Option<i64>,
    ) -> AppResult<DaftarUmpanBalik> {
        let skp_id = k.s.skp.id;
        let saya = p.pegawai_id();
        let limit = limit.unwrap_or(100).clamp(1, 500);
        let sebelum_id = match cursor {
            Some(c) => Some(
                c.parse::<i64>()
                    .map_err(|_| AppError::bidang_tidak_valid("cursor", "Kursor tidak dikenal"))?,
            ),
            None => None,
        };
        let mut f = FilterUmpanBalik {
            skp_id: Some(skp_id),
            sebelum_id,
            limit: limit + 1,
            ..Default::default()
        };
        if !k.peran.lihat_semua() && !matches!(k.peran, PeranPelaksanaan::PemberiPenugasan(_)) {
            f.pemberi_pegawai_id = saya;
        }
        let mut semua = self.store.daftar_umpan_balik(p.instansi_id(), &f).await?;
        let lebih = semua.len() as i64 > limit;
        semua.truncate(limit as usize);
        let next_cursor = if lebih {
            semua.last().map(|u| u.id.to_string())
        } else {
            None
        };
        Ok(DaftarUmpanBalik {
            items: semua
                .into_iter()
                .filter(|u| terlihat(u, k, saya))
                .map(|u| tampil(u, k, saya))
                .collect(),
            next_cursor,
        })
    }

    /// Everything the caller wrote (a 360 giver sees only this).
    pub async fn umpan_balik_diberikan(&self, p: &Pengguna) -> AppResult<Vec<UmpanBalik>> {
        let Some(saya) = p.pegawai_id() else {
            return Ok(Vec::new());
        };
        Ok(self
            .store
            .daftar_umpan_balik(
                p.instansi_id(),
                &FilterUmpanBalik {
                    pemberi_pegawai_id: Some(saya),
                    limit: 200,
                    ..Default::default()
                },
            )
            .await?)
    }

    /// The pegawai responds to feedback received.
    pub async fn tanggapi_umpan_balik(
        &self,
        p: &Pengguna,
        id: i64,
        tanggapan: &str,
    ) -> AppResult<UmpanBalikTampil> {
        let inst = p.instansi_id();
        let tidak_ada = || AppError::TidakDitemukan(format!("Umpan balik {id} tidak ditemukan"));
        let u = self
            .store
            .umpan_balik(inst, id)
            .await?
            .ok_or_else(tidak_ada)?;
        let k = self
            .konteks_skp(p, u.skp_id)
            .await
            .map_err(|_| tidak_ada())?;
        if !terlihat(&u, &k, p.pegawai_id()) {
            return Err(tidak_ada());
        }
        if k.peran != PeranPelaksanaan::Pemilik {
            return Err(AppError::Dilarang(
                "Hanya pegawai penerima umpan balik yang dapat menanggapinya".into(),
            ));
        }
        if u.tanggapan.is_some() {
            return Err(AppError::Konflik("Umpan balik ini sudah ditanggapi".into()));
        }
        let teks = periksa_tanggapan(tanggapan)?;
        let pemberi = self.pegawai_id(inst, &[u.pemberi_pegawai_id]).await?;
        let nama = p.nama().to_string();
        let notif: Vec<_> = pemberi
            .iter()
            .map(|o| {
                self.notifikasi(
                    o,
                    "tanggapan_umpan_balik",
                    format!("{nama} menanggapi umpan balik Anda"),
                    teks.clone(),
                    Some("/umpan-balik/diberikan".into()),
                    None,
                )
            })
            .collect();
        let baru = self
            .store
            .tanggapi_umpan_balik(inst, id, &teks, &notif, &p.pelaku())
            .await?;
        Ok(tampil(baru, &k, p.pegawai_id()))
    }

    /// Ask a named person for 360 feedback (the pegawai or the rater; only the rater may make
    /// it anonymous).
    pub async fn minta_umpan_balik(
        &self,
        p: &Pengguna,
        skp_id: i64,
        m: PermintaanMasuk,
    ) -> AppResult<PermintaanUmpanBalik> {
        let k = self.konteks_skp(p, skp_id).await?;
        let inst = p.instansi_id();
        if !matches!(
            k.peran,
            PeranPelaksanaan::Pemilik | PeranPelaksanaan::Penilai
        ) {
            return Err(AppError::Dilarang(
                "Umpan balik 360 diminta oleh pegawai atau pejabat penilainya".into(),
            ));
        }
        if m.anonim && k.peran != PeranPelaksanaan::Penilai {
            return Err(AppError::Dilarang(
                "Hanya pejabat penilai yang dapat memutuskan permintaan boleh anonim".into(),
            ));
        }
        let saya = p.pegawai_id().unwrap_or_default();
        let nip = kinerja_domain::Nip::parse(m.nip_pemberi.trim())
            .map_err(|e| AppError::bidang_tidak_valid("nip_pemberi", e.to_string()))?;
        let pemberi = self
            .store
            .pegawai_by_nip(inst, nip.as_str())
            .await?
            .ok_or_else(|| {
                AppError::bidang_tidak_valid_persis(
                    "nip_pemberi",
                    "Pegawai dengan NIP ini tidak ada",
                )
            })?;
        if pemberi.id == k.s.skp.pegawai_id {
            return Err(AppError::bidang_tidak_valid_persis(
                "nip_pemberi",
                "Umpan balik 360 diminta dari orang lain, bukan dari pegawai itu sendiri",
            ));
        }
        if Some(pemberi.id) == Self::penilai_dari_org(&k.org, k.s.skp.pegawai_id) {
            return Err(AppError::bidang_tidak_valid_persis(
                "nip_pemberi",
                "Pejabat penilai memberi umpan balik langsung, tanpa permintaan",
            ));
        }
        let (sebagai, batas) = periksa_permintaan(&k.s.skp, m.sebagai, m.batas, hari_ini())?;
        let pesan = m
            .pesan
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| kinerja_domain::skp::wajib_teks("pesan", s, "Pesan"))
            .transpose()?;
        let pegawai = self
            .pegawai_id(inst, &[k.s.skp.pegawai_id])
            .await?
            .pop()
            .ok_or_else(|| super::skp_tidak_ada(skp_id))?;
        let notif = vec![self.notifikasi(
            &pemberi,
            "permintaan_umpan_balik",
            format!("Permintaan umpan balik untuk {}", pegawai.nama),
            format!(
                "{} meminta umpan balik Anda sebagai {} paling lambat {}{}",
                p.nama(),
                sebagai.label().to_lowercase(),
                kinerja_domain::periode::tanggal_indonesia(batas),
                if m.anonim {
                    " (identitas Anda tidak ditampilkan kepada pegawai)"
                } else {
                    ""
                }
            ),
            Some(format!("/skp/{skp_id}/umpan-balik")),
            None,
        )];
        Ok(self
            .store
            .buat_permintaan(
                inst,
                &PermintaanBaru {
                    skp_id,
                    pegawai_id: k.s.skp.pegawai_id,
                    peminta_pegawai_id: saya,
                    pemberi_pegawai_id: pemberi.id,
                    sebagai,
                    batas,
                    anonim: m.anonim,
                    pesan,
                },
                &notif,
                &p.pelaku(),
            )
            .await?)
    }

    /// Requests on an SKP (the pegawai and the rater; the pegawai does not see who was asked
    /// anonymously).
    pub async fn permintaan_skp(
        &self,
        p: &Pengguna,
        skp_id: i64,
    ) -> AppResult<Vec<PermintaanUmpanBalik>> {
        let k = self.konteks_skp(p, skp_id).await?;
        self.permintaan_dari(p, &k).await
    }

    async fn permintaan_dari(
        &self,
        p: &Pengguna,
        k: &KonteksSkp,
    ) -> AppResult<Vec<PermintaanUmpanBalik>> {
        if !k.peran.lihat_semua() {
            return Ok(k.permintaan.clone());
        }
        let mut v = self
            .store
            .daftar_permintaan(
                p.instansi_id(),
                &FilterPermintaan {
                    skp_id: Some(k.s.skp.id),
                    limit: 500,
                    ..Default::default()
                },
            )
            .await?;
        if k.peran == PeranPelaksanaan::Pemilik {
            for r in v.iter_mut().filter(|r| r.anonim) {
                r.pemberi_nama = "Pemberi anonim".into();
                r.pemberi_pegawai_id = 0;
            }
        }
        Ok(v)
    }

    /// Requests waiting for the caller's answer.
    pub async fn permintaan_saya(&self, p: &Pengguna) -> AppResult<Vec<PermintaanUmpanBalik>> {
        let Some(saya) = p.pegawai_id() else {
            return Ok(Vec::new());
        };
        Ok(self
            .store
            .daftar_permintaan(
                p.instansi_id(),
                &FilterPermintaan {
                    pemberi_pegawai_id: Some(saya),
                    status: Some("menunggu".into()),
                    limit: 200,
                    ..Default::default()
                },
            )
            .await?)
    }

    /// The rater decides whether an open request may be answered anonymously.
    pub async fn atur_anonim_permintaan(
        &self,
        p: &Pengguna,
        id: i64,
        anonim: bool,
    ) -> AppResult<PermintaanUmpanBalik> {
        let inst = p.instansi_id();
        let tidak_ada = || AppError::TidakDitemukan(format!("Permintaan {id} tidak ditemukan"));
        let r = self
            .store
            .permintaan(inst, id)
            .await?
            .ok_or_else(tidak_ada)?;
        let k = self
            .konteks_skp(p, r.skp_id)
            .await
            .map_err(|_| tidak_ada())?;
        if k.peran != PeranPelaksanaan::Penilai {
            return Err(AppError::Dilarang(
                "Hanya pejabat penilai yang memutuskan permintaan boleh anonim".into(),
            ));
        }
        Ok(self
            .store
            .atur_anonim_permintaan(inst, id, anonim, &p.pelaku())
            .await?)
    }
}

pub(crate) fn hak(k: &KonteksSkp) -> HakUmpanBalik {
    let rhk =
        k.s.skp
            .rhk
            .iter()
            .filter_map(|r| r.id.map(|i| (i, r.uraian.clone())))
            .filter(|(i, _)| match &k.peran {
                PeranPelaksanaan::PemberiPenugasan(v) => v.contains(i) || !k.permintaan.is_empty(),
                _ => true,
            })
            .collect();
    HakUmpanBalik {
        peran: k.peran.kode().into(),
        sebagai: k.peran.sebagai_pemberi(),
        berkala: k.peran == PeranPelaksanaan::Penilai,
        rhk,
        permintaan: k.permintaan.clone(),
        boleh_minta: matches!(
            k.peran,
            PeranPelaksanaan::Pemilik | PeranPelaksanaan::Penilai
        ),
        boleh_tindak_lanjut: k.peran == PeranPelaksanaan::Penilai,
    }
}
