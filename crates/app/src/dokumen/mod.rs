//! Official documents: each format built from the records, registered with a verification code
//! (the same content keeps its code; new content supersedes the old), and rendered to PDF by
//! `kinerja-docs` in the blocking pool. Plus the public verification and the reporting bundle.
//!
//! Who may download a document is who may read what it shows: the SKP's readers for the SKP
//! and its manual indikator, the evaluation's readers for the evaluation documents (the
//! pegawai once the rater has signed), the leader for the matriks peran hasil.

mod bundel;
mod susun;

pub use bundel::{PermintaanBundel, JENIS_BUNDEL};

use crate::akses::Pengguna;
use crate::{App, AppError, AppResult};
use kinerja_docs::{model as m, Penyaji};
use kinerja_domain::dokumen::{GalatKode, JenisDokumen, KodeVerifikasi};
use kinerja_store::{DokumenBaru, DokumenTerbit, Pelaku, RingkasanDokumen};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::sync::OnceLock;

/// The renderer, loaded once per process (fonts and templates).
pub fn penyaji() -> &'static Penyaji {
    static P: OnceLock<Penyaji> = OnceLock::new();
    P.get_or_init(Penyaji::baru)
}

/// A rendered PDF.
#[derive(Debug, Clone)]
pub struct BerkasPdf {
    pub nama: String,
    pub kode: String,
    pub isi: Vec<u8>,
}

/// A document built from the records, before it has a code.
pub(crate) struct Susunan {
    pub jenis: JenisDokumen,
    /// The SKP the document is about (the leader's for the matriks).
    pub subjek_id: i64,
    pub periode: Option<String>,
    pub pegawai_id: Option<i64>,
    pub nip: String,
    pub ringkasan: RingkasanDokumen,
    pub dok: m::Dokumen,
}

/// The public answer for a code.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct HasilVerifikasi {
    pub kode: String,
    pub jenis: JenisDokumen,
    pub jenis_label: String,
    pub ringkasan: RingkasanDokumen,
    pub created_at: chrono::DateTime<chrono::Utc>,
    /// False when a newer document replaces this one.
    pub berlaku: bool,
    pub digantikan_oleh: Option<String>,
    pub digantikan_pada: Option<chrono::DateTime<chrono::Utc>>,
}

impl From<DokumenTerbit> for HasilVerifikasi {
    fn from(d: DokumenTerbit) -> Self {
        HasilVerifikasi {
            kode: d.kode,
            jenis: d.jenis,
            jenis_label: d.jenis.label().to_string(),
            ringkasan: d.ringkasan,
            created_at: d.created_at,
            berlaku: d.digantikan_oleh.is_none(),
            digantikan_oleh: d.digantikan_oleh,
            digantikan_pada: d.digantikan_pada,
        }
    }
}

/// SHA-256 of what the document shows (everything but its own code).
fn sidik(dok: &m::Dokumen) -> String {
    let isi =
        serde_json::to_vec(&(&dok.judul, &dok.kepala, dok.draf, &dok.isi)).unwrap_or_default();
    hex::encode(Sha256::digest(isi))
}

impl App {
    /// Registers the document (or finds it) and renders it with its code.
    pub(crate) async fn terbitkan(
        &self,
        inst: i64,
        pelaku: &Pelaku,
        s: Susunan,
    ) -> AppResult<BerkasPdf> {
        let (d, dok) = self.daftarkan(inst, pelaku, s).await?;
        let nama = d.1;
        let isi = tokio::task::spawn_blocking(move || penyaji().pdf(&dok))
            .await
            .map_err(|e| AppError::Internal(format!("penyusun dokumen berhenti: {e}")))?
            .map_err(|e| AppError::Internal(e.to_string()))?;
        Ok(BerkasPdf {
            nama,
            kode: d.0.kode,
            isi,
        })
    }

    /// Registers the document and returns it with its code filled in (and its file name).
    pub(crate) async fn daftarkan(
        &self,
        inst: i64,
        pelaku: &Pelaku,
        mut s: Susunan,
    ) -> AppResult<((DokumenTerbit, String), m::Dokumen)> {
        let periode = s.periode.clone().unwrap_or_else(|| s.ringkasan_tahun());
        let nama = s.jenis.nama_berkas(&s.nip, &periode);
        let baru = DokumenBaru {
            kode: KodeVerifikasi::dari_acak(rand::random::<u64>() >> 4).to_string(),
            jenis: s.jenis,
            subjek: s.jenis.kunci_subjek(s.subjek_id, s.periode.as_deref()),
            sidik: sidik(&s.dok),
            pegawai_id: s.pegawai_id,
            ringkasan: s.ringkasan,
        };
        let d = self.store.terbitkan_dokumen(inst, &baru, pelaku).await?;
        s.dok.verifikasi = m::Verifikasi {
            kode: d.kode.clone(),
            url: format!(
                "{}/verifikasi/{}",
                self.url_publik.trim_end_matches('/'),
                d.kode
            ),
        };
        Ok(((d, nama), s.dok))
    }

    /// The SKP a document shows: during a revision, the version in force (the revision becomes
    /// a document, and supersedes the old one, once it is set).
    pub(crate) async fn skp_dokumen(
        &self,
        p: &Pengguna,
        skp_id: i64,
    ) -> AppResult<crate::skp::DetailSkp> {
        let mut d = self.detail_skp(p, skp_id).await?;
        if d.skp.status == kinerja_domain::skp::StatusSkp::Revisi && d.skp.nomor_versi > 0 {
            if let Some((v, isi)) = self
                .store
                .isi_versi_skp(p.instansi_id(), skp_id, d.skp.nomor_versi)
                .await?
            {
                let ditetapkan = d.skp.ditetapkan_pada;
                d.skp = isi;
                d.skp.status = kinerja_domain::skp::StatusSkp::Ditetapkan;
                d.skp.ditetapkan_pada =
                    ditetapkan.or_else(|| Some(kinerja_domain::periode::tanggal_wib(v.waktu)));
            }
        }
        Ok(d)
    }

    /// The SKP (with its Lampiran SKP) as PDF.
    pub async fn pdf_skp(&self, p: &Pengguna, skp_id: i64) -> AppResult<BerkasPdf> {
        let d = self.skp_dokumen(p, skp_id).await?;
        let s = self.susun_skp(p.instansi_id(), &d).await?;
        self.terbitkan(p.instansi_id(), &p.pelaku(), s).await
    }

    /// The manual indikator of a JPT SKP as PDF.
    pub async fn pdf_manual_indikator(&self, p: &Pengguna, skp_id: i64) -> AppResult<BerkasPdf> {
        let d = self.skp_dokumen(p, skp_id).await?;
        if !d.skp.format.jpt() {
            return Err(AppError::Konflik(
                "Manual indikator hanya disusun untuk SKP JPT dan pimpinan unit kerja mandiri (format 1 dan 2)".into(),
            ));
        }
        let s = self.susun_manual(p.instansi_id(), &d).await?;
        self.terbitkan(p.instansi_id(), &p.pelaku(), s).await
    }

    /// The Evaluasi Kinerja Pegawai or the Dokumen Evaluasi of a period as PDF. There must be an
    /// evaluation the caller may see (404 otherwise).
    pub async fn pdf_evaluasi(
        &self,
        p: &Pengguna,
        skp_id: i64,
        periode: &str,
        jenis: JenisDokumen,
    ) -> AppResult<BerkasPdf> {
        let d = self.detail_evaluasi(p, skp_id, periode).await?;
        let bahan = self.bahan_evaluasi(p.instansi_id(), &d).await?;
        let s = Self::susun_evaluasi(&d, &bahan, jenis)?;
        self.terbitkan(p.instansi_id(), &p.pelaku(), s).await
    }

    /// The umpan balik berkala of a period as PDF (no evaluation needed).
    pub async fn pdf_umpan_balik(
        &self,
        p: &Pengguna,
        skp_id: i64,
        periode: &str,
    ) -> AppResult<BerkasPdf> {
        let d = self.detail_evaluasi(p, skp_id, periode).await?;
        let s = self.susun_umpan_balik(p.instansi_id(), &d).await?;
        self.terbitkan(p.instansi_id(), &p.pelaku(), s).await
    }

    /// The caller's matriks peran hasil of a year as PDF.
    pub async fn pdf_matriks(&self, p: &Pengguna, tahun: i32) -> AppResult<BerkasPdf> {
        let mx = self.matriks(p, tahun).await?;
        let s = self.susun_matriks(p, &mx).await?;
        self.terbitkan(p.instansi_id(), &p.pelaku(), s).await
    }

    /// What a printed code certifies. Public: no login. A code of the wrong shape is 400, one
    /// whose check character does not match 422, an unknown one 404.
    pub async fn verifikasi_dokumen(&self, kode: &str) -> AppResult<HasilVerifikasi> {
        let k = KodeVerifikasi::parse(kode).map_err(|e| match e {
            GalatKode::Bentuk => AppError::PermintaanSalah {
                pesan: e.to_string(),
                bidang: [("kode".to_string(), e.to_string())].into(),
            },
            GalatKode::TidakSah => AppError::bidang_tidak_valid("kode", e.to_string()),
        })?;
        let d = self
            .store
            .dokumen_kode(k.as_str())
            .await?
            .ok_or_else(|| {
                AppError::TidakDitemukan(format!(
                    "Kode {k} tidak terdaftar: dokumen dengan kode ini tidak diterbitkan oleh aplikasi ini"
                ))
            })?;
        Ok(d.into())
    }
}

impl Susunan {
    /// The SKP's year for file names of year documents.
    fn ringkasan_tahun(&self) -> String {
        self.ringkasan
            .periode
            .rsplit(' ')
            .next()
            .unwrap_or_default()
            .to_string()
    }
}
