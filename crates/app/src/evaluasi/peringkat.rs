//! Pemeringkatan (Pasal 31): pegawai ranked by predikat in a unit (with its sub-units) or the
//! whole instansi, for a period or the year.

use super::*;
use kinerja_domain::evaluasi::peringkat::beri_peringkat;
use kinerja_domain::evaluasi::StatusEvaluasi;
use kinerja_domain::kuadran::Predikat;
use serde::Serialize;

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct EntriPeringkat {
    pub peringkat: u32,
    pub pegawai_id: i64,
    pub nip: String,
    pub nama: String,
    pub unit_nama: Option<String>,
    pub predikat: Predikat,
    pub status: StatusEvaluasi,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Peringkat {
    pub periode: String,
    pub periode_label: String,
    pub unit_id: Option<i64>,
    pub unit_nama: String,
    pub items: Vec<EntriPeringkat>,
}

impl App {
    /// The ranking of a period within a unit (and its sub-units) or the caller's whole scope.
    pub async fn peringkat(
        &self,
        p: &Pengguna,
        periode_kode: &str,
        unit_id: Option<i64>,
    ) -> AppResult<Peringkat> {
        let inst = p.instansi_id();
        let org = self.organisasi(inst).await?;
        let lingkup = self.lingkup_unit(p, &org)?;
        let (periode, _) = periode_sah(self, inst, periode_kode).await?;
        let mut pilih: Option<Vec<i64>> = match unit_id {
            Some(u) => {
                if !org.unit.contains_key(&u) || lingkup.as_ref().is_some_and(|v| !v.contains(&u)) {
                    return Err(AppError::TidakDitemukan(format!(
                        "Unit {u} tidak ditemukan, atau di luar lingkup Anda"
                    )));
                }
                Some(subpohon(&org, u))
            }
            None => lingkup,
        };
        if let Some(v) = pilih.as_mut() {
            v.sort_unstable();
        }
        let mut baris: Vec<_> = self
            .store
            .baris_peringkat(inst, &periode.kode())
            .await?
            .into_iter()
            .filter(|b| match (&pilih, b.unit_id) {
                (None, _) => true,
                (Some(v), Some(u)) => v.binary_search(&u).is_ok(),
                _ => false,
            })
            .collect();
        let nomor = beri_peringkat(&mut baris, |b| b.predikat, |b| b.nama.as_str());
        let items = baris
            .into_iter()
            .zip(nomor)
            .map(|(b, n)| EntriPeringkat {
                peringkat: n,
                pegawai_id: b.pegawai_id,
                nip: b.nip,
                nama: b.nama,
                unit_nama: b
                    .unit_id
                    .and_then(|u| org.unit.get(&u))
                    .map(|u| u.nama.clone()),
                predikat: b.predikat,
                status: b.status,
            })
            .collect();
        Ok(Peringkat {
            periode: periode.kode(),
            periode_label: periode.label(),
            unit_id,
            unit_nama: unit_id
                .and_then(|u| org.unit.get(&u))
                .map(|u| u.nama.clone())
                .unwrap_or_else(|| "Seluruh lingkup".into()),
            items,
        })
    }
}
