//! The policy profile in the HR admin's hands: its versions by year ("berlaku mulai tahun X",
//! in force until the next version), the version in force for a year, a new version (a copy of
//! the one in force unless given), an edit carrying the counter it was read at (an older one is
//! refused, never overwritten), and the rater table (Lampiran II) beside it. Years already past
//! are closed: their signed evaluations rest on the profile that was in force. Every write is
//! audited with before and after by the store. HR admin only.

use crate::akses::Pengguna;
use crate::error::{AppError, AppResult};
use crate::App;
use chrono::{DateTime, Datelike, Utc};
use kinerja_domain::penilai::{baca_tabel_penilai, AturanPenilai, KOLOM_TABEL_PENILAI};
use kinerja_domain::profil::{tahun_dapat_diubah, ProfilKebijakan};
use kinerja_store::{StoreError, VersiProfil};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use utoipa::ToSchema;

/// The profile in force for a year.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ProfilTahun {
    /// The year asked for.
    pub tahun: i32,
    /// The year of the version in force (in force from that year until the next version); none
    /// when no version is set yet and the default profile applies.
    pub berlaku_sejak: Option<i32>,
    /// That version's counter: send it back with an edit.
    pub versi: Option<i64>,
    pub diubah: Option<DateTime<Utc>>,
    /// Whether the version of this year may be created or edited (not a year already past).
    pub dapat_diubah: bool,
    pub isi: ProfilKebijakan,
}

/// `POST /api/v1/profil`: a new version in force from `tahun`.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct VersiProfilBaru {
    pub tahun: i32,
    /// The content; a copy of the version in force for that year when absent.
    #[serde(default)]
    pub isi: Option<ProfilKebijakan>,
}

/// `PUT /api/v1/profil/{tahun}`: the whole content, with the counter it was read at.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UbahProfil {
    pub versi: i64,
    pub isi: ProfilKebijakan,
}

/// The rater table (Lampiran II) as the profile page shows it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TabelPenilai {
    /// A fingerprint of the rows: send it back with a change (another change in between → 409).
    pub versi: String,
    pub aturan: Vec<AturanPenilai>,
    /// The rows as CSV with the header `unit_type,position,pejabat_penilai,atasan_pejabat_penilai,keterangan`.
    pub csv: String,
}

/// `PUT /api/v1/profil/tabel-penilai`: the whole table as CSV (the shipped file's format).
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UbahTabelPenilai {
    pub versi: String,
    pub csv: String,
}

/// This year in WIB: the year whose profile is in force now.
pub fn tahun_ini() -> i32 {
    crate::skp::hari_ini().year()
}

/// The profile's problems as a 422 naming each field (several messages for one field joined).
fn galat_profil(isi: &ProfilKebijakan) -> AppResult<()> {
    let galat = isi.periksa();
    if galat.is_empty() {
        return Ok(());
    }
    let pesan = galat
        .iter()
        .map(|(_, m)| m.as_str())
        .collect::<Vec<_>>()
        .join("; ");
    let mut bidang: BTreeMap<String, String> = BTreeMap::new();
    for (b, m) in galat {
        bidang
            .entry(format!("isi.{b}"))
            .and_modify(|lama| {
                lama.push_str("; ");
                lama.push_str(&m);
            })
            .or_insert(m);
    }
    Err(AppError::TidakValid { pesan, bidang })
}

fn sidik(aturan: &[AturanPenilai]) -> String {
    let json = serde_json::to_vec(aturan).unwrap_or_default();
    hex::encode(&Sha256::digest(&json)[..12])
}

/// The rater table as CSV text, header first.
pub fn csv_tabel_penilai(aturan: &[AturanPenilai]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(KOLOM_TABEL_PENILAI);
    for a in aturan {
        let _ = w.write_record([
            &a.tipe_unit,
            &a.posisi,
            &a.pejabat_penilai,
            &a.atasan_pejabat_penilai,
            &a.keterangan,
        ]);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

impl App {
    /// Every version of the instansi's profile, oldest year first.
    pub async fn daftar_versi_profil(&self, p: &Pengguna) -> AppResult<Vec<VersiProfil>> {
        p.wajib_admin()?;
        Ok(self.store.daftar_versi_profil(p.instansi_id()).await?)
    }

    /// The profile in force for a year (the default profile when no version is set yet).
    pub async fn profil_untuk_tahun(&self, p: &Pengguna, tahun: i32) -> AppResult<ProfilTahun> {
        p.wajib_admin()?;
        let b = self.store.profil_berlaku(p.instansi_id(), tahun).await?;
        Ok(ProfilTahun {
            tahun,
            berlaku_sejak: b.as_ref().map(|b| b.versi.tahun),
            versi: b.as_ref().map(|b| b.versi.versi),
            diubah: b.as_ref().map(|b| b.versi.diubah),
            dapat_diubah: tahun_dapat_diubah(tahun, tahun_ini()).is_ok(),
            isi: b.map(|b| b.isi).unwrap_or_default(),
        })
    }

    /// A new version in force from `tahun` until the next version: a year already past (or
    /// too far ahead) is 422 on `tahun`, a year that has a version 409 (two versions for one
    /// year would overlap), an invalid content 422 naming each field.
    pub async fn buat_versi_profil(
        &self,
        p: &Pengguna,
        baru: VersiProfilBaru,
    ) -> AppResult<ProfilTahun> {
        p.wajib_admin()?;
        let inst = p.instansi_id();
        let tahun = baru.tahun;
        tahun_dapat_diubah(tahun, tahun_ini())
            .map_err(|m| AppError::bidang_tidak_valid_persis("tahun", m))?;
        let berlaku = self.store.profil_berlaku(inst, tahun).await?;
        let tumpang_tindih = || {
            AppError::Konflik(format!(
                "Profil kebijakan yang berlaku mulai tahun {tahun} sudah ada; satu tahun hanya boleh \
                 memiliki satu versi agar tidak tumpang tindih. Ubah versi tahun {tahun}, atau buat versi untuk tahun lain"
            ))
        };
        if berlaku.as_ref().is_some_and(|b| b.versi.tahun == tahun) {
            return Err(tumpang_tindih());
        }
        let isi = match baru.isi {
            Some(isi) => isi,
            None => berlaku.map(|b| b.isi).unwrap_or_default(),
        };
        galat_profil(&isi)?;
        match self
            .store
            .buat_versi_profil(inst, tahun, &isi, &p.pelaku())
            .await
        {
            Ok(_) => {}
            Err(StoreError::Konflik(_)) => return Err(tumpang_tindih()),
            Err(e) => return Err(e.into()),
        }
        self.profil_untuk_tahun(p, tahun).await
    }

    /// Edit the version in force from `tahun`, read at `versi`: no version of that very year is
    /// 404, a year already past 409, an invalid content 422 naming each field, a version changed
    /// since it was read 409 (nothing is overwritten). The counter goes up by one.
    pub async fn ubah_versi_profil(
        &self,
        p: &Pengguna,
        tahun: i32,
        ubah: UbahProfil,
    ) -> AppResult<ProfilTahun> {
        p.wajib_admin()?;
        let inst = p.instansi_id();
        let berlaku = self.store.profil_berlaku(inst, tahun).await?;
        let kini = match berlaku {
            Some(b) if b.versi.tahun == tahun => b,
            Some(b) => {
                return Err(AppError::TidakDitemukan(format!(
                    "Belum ada versi profil kebijakan yang berlaku mulai tahun {tahun} (untuk tahun {tahun} \
                     berlaku versi mulai tahun {}); buat versi baru untuk tahun {tahun} lebih dahulu",
                    b.versi.tahun
                )))
            }
            None => {
                return Err(AppError::TidakDitemukan(format!(
                    "Belum ada versi profil kebijakan yang berlaku mulai tahun {tahun}; buat versi baru lebih dahulu"
                )))
            }
        };
        tahun_dapat_diubah(tahun, tahun_ini()).map_err(AppError::Konflik)?;
        galat_profil(&ubah.isi)?;
        let basi = |sekarang: i64| {
            AppError::Konflik(format!(
                "Profil kebijakan tahun {tahun} telah diubah sejak Anda membacanya (versi {}, kini versi {sekarang}); \
                 muat ulang, periksa nilai terbaru, lalu ulangi perubahan Anda",
                ubah.versi
            ))
        };
        if kini.versi.versi != ubah.versi {
            return Err(basi(kini.versi.versi));
        }
        match self
            .store
            .ubah_versi_profil(inst, tahun, ubah.versi, &ubah.isi, &p.pelaku())
            .await
        {
            Ok(_) => {}
            Err(StoreError::Konflik(_)) => {
                let sekarang = self
                    .store
                    .profil_berlaku(inst, tahun)
                    .await?
                    .map_or(ubah.versi, |b| b.versi.versi);
                return Err(basi(sekarang));
            }
            Err(e) => return Err(e.into()),
        }
        self.profil_untuk_tahun(p, tahun).await
    }

    /// The instansi's rater table (Lampiran II).
    pub async fn tabel_penilai(&self, p: &Pengguna) -> AppResult<TabelPenilai> {
        p.wajib_admin()?;
        let aturan = self.store.aturan_penilai(p.instansi_id()).await?;
        Ok(TabelPenilai {
            versi: sidik(&aturan),
            csv: csv_tabel_penilai(&aturan),
            aturan,
        })
    }

    /// Replace the rater table with the rows of a CSV text (the shipped file's format; errors
    /// name the line and column, 422 on `csv`), over the table read at `versi` (changed since
    /// → 409). Audited and bumps the organisation's version, so raters are resolved anew.
    pub async fn ubah_tabel_penilai(
        &self,
        p: &Pengguna,
        ubah: UbahTabelPenilai,
    ) -> AppResult<TabelPenilai> {
        p.wajib_admin()?;
        let inst = p.instansi_id();
        let kini = self.store.aturan_penilai(inst).await?;
        if sidik(&kini) != ubah.versi.trim() {
            return Err(AppError::Konflik(
                "Tabel pejabat penilai telah diubah sejak Anda membacanya; muat ulang, periksa isinya, lalu ulangi perubahan Anda"
                    .into(),
            ));
        }
        let aturan = baca_tabel_penilai(&ubah.csv)
            .map_err(|g| AppError::bidang_tidak_valid_persis("csv", g.join("; ")))?;
        if aturan.is_empty() {
            return Err(AppError::bidang_tidak_valid_persis(
                "csv",
                "Tabel pejabat penilai tidak boleh kosong: tuliskan paling sedikit satu baris di bawah baris judul",
            ));
        }
        self.store
            .simpan_aturan_penilai(inst, &aturan, &p.pelaku())
            .await?;
        self.tabel_penilai(p).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kinerja_domain::penilai::TABEL_PENILAI_BEKASI;

    #[test]
    fn csv_tabel_penilai_dibaca_kembali() {
        let aturan = baca_tabel_penilai(TABEL_PENILAI_BEKASI).unwrap();
        let teks = csv_tabel_penilai(&aturan);
        assert!(teks
            .starts_with("unit_type,position,pejabat_penilai,atasan_pejabat_penilai,keterangan\n"));
        assert_eq!(baca_tabel_penilai(&teks).unwrap(), aturan);
        assert_eq!(sidik(&aturan), sidik(&aturan.clone()));
        assert_ne!(sidik(&aturan), sidik(&aturan[1..]));
    }

    #[test]
    fn galat_per_bidang() {
        let mut isi = ProfilKebijakan::default();
        isi.tpp
            .retain(|t| t.predikat != kinerja_domain::kuadran::Predikat::Kurang);
        isi.tempat_dokumen = String::new();
        let e = galat_profil(&isi).unwrap_err();
        assert_eq!(e.status(), 422);
        assert!(
            e.to_string()
                .contains("Tabel potongan TPP belum memuat predikat Kurang"),
            "{e}"
        );
        let b = e.bidang();
        assert_eq!(
            b["isi.tpp.kurang"],
            "Tabel potongan TPP belum memuat predikat Kurang"
        );
        assert!(b.contains_key("isi.tempat_dokumen"));
    }
}
