//! The reporting bundle to the Sekretaris Daerah (Pasal 29): for a unit (with its sub-units) or
//! the instansi and a period, one ZIP with each signed evaluation's Dokumen Evaluasi, its
//! Evaluasi Kinerja Pegawai and its SKP, and an index. Built as a background job on the
//! `pekerjaan` queue with progress; written to a `.part` file renamed only when complete, so a
//! half-written archive is never offered.

use super::{penyaji, BerkasPdf};
use crate::akses::Pengguna;
use crate::evaluasi::{periode_sah, subpohon};
use crate::{App, AppError, AppResult};
use chrono::{Duration, Utc};
use kinerja_domain::dokumen::JenisDokumen;
use kinerja_domain::evaluasi::StatusEvaluasi;
use kinerja_store::{FilterEvaluasi, Pelaku, TugasLatar};
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::PathBuf;

/// The `pekerjaan` kind of a bundle.
pub const JENIS_BUNDEL: &str = "bundel_laporan";

/// `POST /laporan/bundel`: which period, and which unit (with its sub-units; the whole
/// instansi, or the caller's units, when absent).
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct PermintaanBundel {
    pub periode: String,
    pub unit_id: Option<i64>,
}

/// What the job keeps of the request.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct ParameterBundel {
    periode: String,
    /// The units in scope, resolved when asked (none: the whole instansi).
    unit: Option<Vec<i64>>,
    unit_id: Option<i64>,
    diminta_oleh: String,
}

/// A path segment from a name: no separators, nothing hidden.
fn segmen(s: &str) -> String {
    let t: String = s
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '-',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    // Windows drops a folder name's trailing dots and spaces ("…, S.Pd."): none at either end.
    let t: String = t.trim().trim_start_matches('.').chars().take(80).collect();
    let t = t.trim_end_matches(['.', ' ']);
    if t.is_empty() {
        "-".into()
    } else {
        t.to_string()
    }
}

impl App {
    /// Queues a bundle. HR admin for any unit or the instansi; a unit head for their units.
    pub async fn minta_bundel(&self, p: &Pengguna, m: PermintaanBundel) -> AppResult<TugasLatar> {
        let inst = p.instansi_id();
        let (periode, _) = periode_sah(self, inst, &m.periode).await?;
        let org = self.organisasi(inst).await?;
        let lingkup = self.lingkup_unit(p, &org)?;
        let unit = match m.unit_id {
            Some(u) => {
                if !org.unit.contains_key(&u) {
                    return Err(AppError::TidakDitemukan(format!(
                        "Unit {u} tidak ditemukan"
                    )));
                }
                if lingkup.as_ref().is_some_and(|l| !l.contains(&u)) {
                    return Err(AppError::Dilarang(
                        "Bundel laporan hanya untuk unit yang Anda pimpin (atau oleh admin BKPSDM)"
                            .into(),
                    ));
                }
                Some(subpohon(&org, u))
            }
            None => lingkup,
        };
        let param = ParameterBundel {
            periode: periode.kode(),
            unit,
            unit_id: m.unit_id,
            diminta_oleh: p.akun.username.clone(),
        };
        let t = self
            .store
            .antrekan_tugas(
                inst,
                JENIS_BUNDEL,
                &serde_json::to_value(&param).map_err(|e| AppError::Internal(e.to_string()))?,
                p.akun.id,
                &p.pelaku(),
            )
            .await?;
        self.pemicu_pekerja.notify_one();
        Ok(t)
    }

    /// The caller's bundles (HR admin: every bundle of the instansi).
    pub async fn daftar_bundel(&self, p: &Pengguna) -> AppResult<Vec<TugasLatar>> {
        let akun = (!p.admin()).then_some(p.akun.id);
        Ok(self
            .store
            .daftar_tugas_latar(p.instansi_id(), JENIS_BUNDEL, akun, 50)
            .await?)
    }

    /// One bundle's progress: its requester or HR admin (404 for anyone else).
    pub async fn status_bundel(&self, p: &Pengguna, id: i64) -> AppResult<TugasLatar> {
        self.store
            .tugas_latar(p.instansi_id(), id)
            .await?
            .filter(|t| t.jenis == JENIS_BUNDEL && (p.admin() || t.akun_id == p.akun.id))
            .ok_or_else(|| AppError::TidakDitemukan(format!("Bundel laporan {id} tidak ditemukan")))
    }

    /// The finished archive: its path and download name (409 while it is being built).
    pub async fn berkas_bundel(&self, p: &Pengguna, id: i64) -> AppResult<(PathBuf, String)> {
        let t = self.status_bundel(p, id).await?;
        let berkas = t
            .berkas
            .filter(|_| t.status.kode() == "selesai")
            .ok_or_else(|| {
                AppError::Konflik(format!(
                    "Bundel laporan {id} belum selesai ({}: {} dari {})",
                    t.status.label(),
                    t.selesai_n,
                    t.total_n
                ))
            })?;
        let periode = t.parameter["periode"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        Ok((
            self.direktori_berkas.join(&berkas),
            format!("bundel-laporan-kinerja-{periode}-{id}.zip"),
        ))
    }

    /// Builds a queued bundle (the worker calls this for a claimed job).
    pub(crate) async fn kerjakan_bundel(&self, inst: i64, id: i64, node: &str) -> AppResult<u64> {
        let t = self
            .store
            .tugas_latar(inst, id)
            .await?
            .ok_or_else(|| AppError::TidakDitemukan(format!("tugas {id}")))?;
        let param: ParameterBundel = serde_json::from_value(t.parameter.clone())
            .map_err(|e| AppError::Internal(format!("parameter bundel {id}: {e}")))?;
        tokio::fs::create_dir_all(&self.direktori_berkas)
            .await
            .map_err(|e| AppError::Internal(format!("{}: {e}", self.direktori_berkas.display())))?;
        let nama = format!("bundel-{id}.zip");
        let akhir = self.direktori_berkas.join(&nama);
        let sementara = self.direktori_berkas.join(format!("{nama}.part"));
        let hasil = self.susun_bundel(inst, &t, &param, node, &sementara).await;
        match hasil {
            Ok(n) => {
                tokio::fs::rename(&sementara, &akhir)
                    .await
                    .map_err(|e| AppError::Internal(e.to_string()))?;
                let ukuran = tokio::fs::metadata(&akhir)
                    .await
                    .map(|m| m.len() as i64)
                    .unwrap_or_default();
                self.store.hasil_tugas(id, node, &nama, ukuran).await?;
                Ok(n)
            }
            Err(e) => {
                let _ = tokio::fs::remove_file(&sementara).await;
                Err(e)
            }
        }
    }

    async fn susun_bundel(
        &self,
        inst: i64,
        t: &TugasLatar,
        param: &ParameterBundel,
        node: &str,
        tujuan: &std::path::Path,
    ) -> AppResult<u64> {
        // The scope was checked when the bundle was asked for; it is read as the instansi.
        let sistem = Pengguna::admin_latar(inst, t.akun_id, &param.diminta_oleh);
        let pelaku = Pelaku {
            akun_id: Some(t.akun_id),
            nama: param.diminta_oleh.clone(),
        };
        let mut evaluasi: Vec<_> = self
            .store
            .daftar_evaluasi(
                inst,
                &FilterEvaluasi {
                    periode: Some(param.periode.clone()),
                    limit: 1_000_000,
                    ..Default::default()
                },
            )
            .await?
            .into_iter()
            .filter(|e| match &param.unit {
                Some(u) => e.unit_id.is_some_and(|x| u.contains(&x)),
                None => true,
            })
            .collect();
        let belum = evaluasi
            .iter()
            .filter(|e| e.status == StatusEvaluasi::Draf)
            .count();
        evaluasi.retain(|e| e.status != StatusEvaluasi::Draf);
        let org = self.organisasi(inst).await?;
        let nama_unit = |u: Option<i64>| {
            u.and_then(|u| org.unit.get(&u))
                .map_or_else(|| "Tanpa unit".to_string(), |x| x.nama.clone())
        };
        evaluasi
            .sort_by(|a, b| (nama_unit(a.unit_id), &a.nama).cmp(&(nama_unit(b.unit_id), &b.nama)));
        let total = evaluasi.len() as i64;
        let sewa = || Utc::now() + Duration::minutes(10);
        self.store
            .kemajuan_tugas(t.id, node, 0, total, sewa())
            .await?;

        let berkas = std::fs::File::create(tujuan)
            .map_err(|e| AppError::Internal(format!("{}: {e}", tujuan.display())))?;
        let mut zip = zip::ZipWriter::new(std::io::BufWriter::new(berkas));
        let opsi = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        let mut indeks = csv::Writer::from_writer(Vec::new());
        let _ = indeks.write_record([
            "NIP",
            "Nama",
            "Jabatan",
            "Unit Kerja",
            "Periode",
            "Predikat",
            "Status",
            "Kode Dokumen Evaluasi",
            "Kode Evaluasi Kinerja",
            "Kode SKP",
            "Folder",
        ]);
        let paralel = std::thread::available_parallelism().map_or(2, |n| n.get());
        let mut berjalan = tokio::task::JoinSet::new();
        let mut selesai = 0i64;
        let tulis =
            |zip: &mut zip::ZipWriter<_>, folder: &str, berkas: Vec<BerkasPdf>| -> AppResult<()> {
                for (i, b) in berkas.into_iter().enumerate() {
                    zip.start_file(format!("{folder}/{}-{}", i + 1, b.nama), opsi)
                        .and_then(|_| zip.write_all(&b.isi).map_err(Into::into))
                        .map_err(|e| AppError::Internal(format!("arsip: {e}")))?;
                }
                Ok(())
            };
        for e in &evaluasi {
            let d = self
                .detail_evaluasi(&sistem, e.skp_id, &param.periode)
                .await?;
            let skp = self.skp_dokumen(&sistem, e.skp_id).await?;
            let mut dok = Vec::new();
            let mut kode = Vec::new();
            // The evaluation's material is read once for both evaluation documents.
            let bahan = self.bahan_evaluasi(inst, &d).await?;
            for s in [
                Self::susun_evaluasi(&d, &bahan, JenisDokumen::DokumenEvaluasi)?,
                Self::susun_evaluasi(&d, &bahan, JenisDokumen::Evaluasi)?,
                self.susun_skp(inst, &skp).await?,
            ] {
                let ((terbit, nama), model) = self.daftarkan(inst, &pelaku, s).await?;
                kode.push(terbit.kode);
                dok.push((nama, model));
            }
            let folder = format!(
                "{}/{} {}",
                segmen(&nama_unit(e.unit_id)),
                e.nip,
                segmen(&e.nama)
            );
            let _ = indeks.write_record([
                e.nip.as_str(),
                e.nama.as_str(),
                d.pegawai.jabatan_nama.as_deref().unwrap_or_default(),
                &nama_unit(e.unit_id),
                &d.periode_label,
                e.predikat.label(),
                e.status.label(),
                &kode[0],
                &kode[1],
                &kode[2],
                &folder,
            ]);
            let kode_dok = kode;
            berjalan.spawn_blocking(move || {
                let berkas = dok
                    .into_iter()
                    .zip(kode_dok)
                    .map(|((nama, model), kode)| {
                        penyaji()
                            .pdf(&model)
                            .map(|isi| BerkasPdf { nama, kode, isi })
                            .map_err(|e| AppError::Internal(e.to_string()))
                    })
                    .collect::<AppResult<Vec<_>>>();
                (folder, berkas)
            });
            while berjalan.len() >= paralel {
                if let Some(r) = berjalan.join_next().await {
                    let (folder, berkas) =
                        r.map_err(|e| AppError::Internal(format!("penyusun berhenti: {e}")))?;
                    tulis(&mut zip, &folder, berkas?)?;
                    selesai += 1;
                    if selesai % 25 == 0 {
                        self.store
                            .kemajuan_tugas(t.id, node, selesai, total, sewa())
                            .await?;
                    }
                }
            }
        }
        while let Some(r) = berjalan.join_next().await {
            let (folder, berkas) =
                r.map_err(|e| AppError::Internal(format!("penyusun berhenti: {e}")))?;
            tulis(&mut zip, &folder, berkas?)?;
            selesai += 1;
        }
        let mut indeks = indeks
            .into_inner()
            .map_err(|e| AppError::Internal(e.to_string()))?;
        let mut isi = b"\xEF\xBB\xBF".to_vec();
        isi.append(&mut indeks);
        let catatan = format!(
            "Bundel laporan kinerja periode {} untuk Sekretaris Daerah (Pasal 29): {selesai} pegawai, \
             setiap folder berisi Dokumen Evaluasi Kinerja Pegawai, Evaluasi Kinerja Pegawai dan SKP.\r\n\
             {belum} evaluasi yang belum ditandatangani pejabat penilai tidak disertakan.\r\n\
             Keaslian setiap dokumen dapat diperiksa melalui kode verifikasi yang tercetak padanya.\r\n",
            param.periode
        );
        for (nama, data) in [("daftar.csv", isi), ("BACA.txt", catatan.into_bytes())] {
            zip.start_file(nama, opsi)
                .and_then(|_| zip.write_all(&data).map_err(Into::into))
                .map_err(|e| AppError::Internal(format!("arsip: {e}")))?;
        }
        let mut w = zip
            .finish()
            .map_err(|e| AppError::Internal(format!("arsip: {e}")))?;
        w.flush()
            .and_then(|_| w.get_ref().sync_all())
            .map_err(|e| AppError::Internal(format!("arsip: {e}")))?;
        self.store
            .kemajuan_tugas(t.id, node, selesai, total, sewa())
            .await?;
        Ok(selesai as u64)
    }
}

#[cfg(test)]
mod tests {
    use super::segmen;

    #[test]
    fn nama_folder_aman() {
        assert_eq!(segmen("Ahmad Gunawan, S.Pd."), "Ahmad Gunawan, S.Pd");
        assert_eq!(segmen("../rahasia/x"), "-rahasia-x");
        assert_eq!(segmen("a\\b:c*d?e\"f<g>h|i"), "a-b-c-d-e-f-g-h-i");
        assert_eq!(segmen(" . "), "-");
        assert_eq!(segmen(&"x".repeat(200)).len(), 80);
    }
}
