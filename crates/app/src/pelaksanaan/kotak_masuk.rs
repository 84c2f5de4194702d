//! The in-app inbox every user has: reminders and messages (feedback, requests, follow-up,
//! progress reports). An admin account without a pegawai record has an empty inbox.

use crate::akses::Pengguna;
use crate::error::AppResult;
use crate::App;
use kinerja_store::Notifikasi;
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct KotakMasuk {
    pub items: Vec<Notifikasi>,
    pub belum_dibaca: i64,
    pub next_cursor: Option<String>,
}

impl App {
    pub async fn kotak_masuk(
        &self,
        p: &Pengguna,
        cursor: Option<i64>,
        limit: Option<i64>,
    ) -> AppResult<KotakMasuk> {
        let Some(saya) = p.pegawai_id() else {
            return Ok(KotakMasuk {
                items: Vec::new(),
                belum_dibaca: 0,
                next_cursor: None,
            });
        };
        let limit = limit.unwrap_or(50).clamp(1, 200);
        let inst = p.instansi_id();
        let mut items = self
            .store
            .kotak_masuk(inst, saya, cursor, limit + 1)
            .await?;
        let lebih = items.len() as i64 > limit;
        items.truncate(limit as usize);
        Ok(KotakMasuk {
            next_cursor: if lebih {
                items.last().map(|n| n.id.to_string())
            } else {
                None
            },
            belum_dibaca: self.store.jumlah_belum_dibaca(inst, saya).await?,
            items,
        })
    }

    pub async fn jumlah_belum_dibaca(&self, p: &Pengguna) -> AppResult<i64> {
        match p.pegawai_id() {
            Some(s) => Ok(self.store.jumlah_belum_dibaca(p.instansi_id(), s).await?),
            None => Ok(0),
        }
    }

    /// Mark one message (or all) read; answers how many changed.
    pub async fn tandai_dibaca(&self, p: &Pengguna, id: Option<i64>) -> AppResult<u64> {
        match p.pegawai_id() {
            Some(s) => Ok(self.store.tandai_dibaca(p.instansi_id(), s, id).await?),
            None => Ok(0),
        }
    }
}
