//! The caller and what they may do. Roles say little: an account is an admin of the instansi
//! (BKPSDM) or a pegawai; a pegawai's rights over another pegawai come from the organisation
//! (their rater, their atasan pejabat penilai, …), resolved in [`crate::organisasi`].

use crate::error::{AppError, AppResult};
use crate::App;
use kinerja_store::{Akun, Instansi, InstansiBaru, Pegawai, Pelaku, Peran};

/// A logged-in caller.
#[derive(Debug, Clone)]
pub struct Pengguna {
    pub akun: Akun,
    /// The pegawai record behind the account, if any.
    pub pegawai: Option<Pegawai>,
    /// The session's CSRF token (browser forms must echo it).
    pub csrf: String,
}

impl Pengguna {
    /// An HR-admin caller for work done in the background or by the operator (no session):
    /// `akun_id` and `username` say on whose behalf, for the audit log.
    pub fn admin_latar(instansi_id: i64, akun_id: i64, username: &str) -> Pengguna {
        Pengguna {
            akun: Akun {
                id: akun_id,
                instansi_id,
                username: username.into(),
                password_hash: String::new(),
                peran: Peran::Admin,
                pegawai_id: None,
                bahasa: "id".into(),
            },
            pegawai: None,
            csrf: String::new(),
        }
    }

    pub fn admin(&self) -> bool {
        self.akun.peran == Peran::Admin
    }

    pub fn instansi_id(&self) -> i64 {
        self.akun.instansi_id
    }

    pub fn pegawai_id(&self) -> Option<i64> {
        self.pegawai.as_ref().map(|p| p.id)
    }

    pub fn wajib_admin(&self) -> AppResult<()> {
        if self.admin() {
            Ok(())
        } else {
            Err(AppError::hanya_admin())
        }
    }

    pub fn pelaku(&self) -> Pelaku {
        Pelaku {
            akun_id: Some(self.akun.id),
            nama: self.akun.username.clone(),
        }
    }

    /// The display name: the pegawai's name, or the username.
    pub fn nama(&self) -> &str {
        self.pegawai
            .as_ref()
            .map(|p| p.nama.as_str())
            .unwrap_or(&self.akun.username)
    }
}

/// The kode of the instansi a fresh installation serves.
pub const KODE_INSTANSI_UTAMA: &str = "UTAMA";

impl App {
    pub(crate) async fn pengguna_dari_akun(&self, akun: Akun, csrf: String) -> AppResult<Pengguna> {
        let pegawai = match akun.pegawai_id {
            Some(id) => self
                .store
                .pegawai_by_ids(akun.instansi_id, &[id])
                .await?
                .into_iter()
                .next(),
            None => None,
        };
        Ok(Pengguna {
            akun,
            pegawai,
            csrf,
        })
    }

    /// The instansi this installation serves, created (empty) on first use.
    pub async fn instansi_utama(&self) -> AppResult<Instansi> {
        if let Some(i) = self.store.instansi_utama().await? {
            return Ok(i);
        }
        let baru = InstansiBaru {
            kode: KODE_INSTANSI_UTAMA.into(),
            nama: "Instansi".into(),
            kota: "Bekasi".into(),
        };
        Ok(self
            .store
            .pastikan_instansi(&baru, &Pelaku::sistem())
            .await?)
    }
}
