//! Login, sessions and bearer tokens. Passwords are argon2id; a token is 32 random bytes given to
//! the client once, and only its SHA-256 is stored.

use crate::akses::Pengguna;
use crate::error::{AppError, AppResult};
use crate::App;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use base64::Engine;
use chrono::{DateTime, Duration, Utc};
use kinerja_store::{AkunBaru, Pelaku, Peran, SesiBaru};
use rand::RngCore;
use sha2::{Digest, Sha256};
use std::sync::OnceLock;

/// How a session is carried: a browser cookie or an API bearer token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JenisSesi {
    Cookie,
    Bearer,
}

impl JenisSesi {
    fn kode(self) -> &'static str {
        match self {
            JenisSesi::Cookie => "cookie",
            JenisSesi::Bearer => "bearer",
        }
    }
    /// Browser sessions last a working day; API tokens a day.
    fn umur(self) -> Duration {
        match self {
            JenisSesi::Cookie => Duration::hours(12),
            JenisSesi::Bearer => Duration::hours(24),
        }
    }
}

#[derive(Debug, Clone)]
pub struct SesiBaruDibuat {
    pub token: String,
    pub csrf: String,
    pub kedaluwarsa: DateTime<Utc>,
    pub pengguna: Pengguna,
}

pub const PESAN_GAGAL_MASUK: &str = "Nama pengguna atau kata sandi salah";
pub const PANJANG_MINIMAL_PASSWORD: usize = 8;

/// Hash a password with argon2id (default parameters), off the async threads.
pub async fn hash_password(password: &str) -> AppResult<String> {
    let pw = password.to_string();
    tokio::task::spawn_blocking(move || hash_sinkron(&pw))
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?
}

fn hash_sinkron(pw: &str) -> AppResult<String> {
    let salt = SaltString::generate(&mut argon2::password_hash::rand_core::OsRng);
    Argon2::default()
        .hash_password(pw.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| AppError::Internal(e.to_string()))
}

/// A hash to verify against when the user does not exist, so both answers take the same time.
fn hash_tiruan() -> &'static str {
    static H: OnceLock<String> = OnceLock::new();
    H.get_or_init(|| {
        hash_sinkron("kata sandi tiruan untuk pengguna yang tidak ada").unwrap_or_default()
    })
}

async fn cocok(hash: String, password: String) -> bool {
    tokio::task::spawn_blocking(move || {
        PasswordHash::new(&hash)
            .map(|h| {
                Argon2::default()
                    .verify_password(password.as_bytes(), &h)
                    .is_ok()
            })
            .unwrap_or(false)
    })
    .await
    .unwrap_or(false)
}

fn token_acak() -> String {
    let mut b = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut b);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(b)
}

/// The stored form of a token.
pub fn hash_token(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

pub fn validasi_password(password: &str) -> AppResult<()> {
    if password.chars().count() < PANJANG_MINIMAL_PASSWORD {
        return Err(AppError::bidang_tidak_valid(
            "password",
            format!("kata sandi paling sedikit {PANJANG_MINIMAL_PASSWORD} karakter"),
        ));
    }
    Ok(())
}

impl App {
    /// Check the credentials and open a session. The answer for an unknown user and for a wrong
    /// password is the same, and takes the same time (one argon2 verification either way).
    pub async fn masuk(
        &self,
        username: &str,
        password: &str,
        jenis: JenisSesi,
    ) -> AppResult<SesiBaruDibuat> {
        let username = username.trim();
        let akun = self.store.akun_by_username(username).await?;
        let hash = akun
            .as_ref()
            .map(|a| a.password_hash.clone())
            .unwrap_or_else(|| hash_tiruan().to_string());
        let benar = cocok(hash, password.to_string()).await;
        let akun = match (akun, benar) {
            (Some(a), true) => a,
            _ => return Err(AppError::BelumMasuk(PESAN_GAGAL_MASUK.into())),
        };
        let token = token_acak();
        let csrf = token_acak();
        let dibuat = kinerja_store::sql::sekarang();
        let kedaluwarsa = dibuat + jenis.umur();
        self.store
            .buat_sesi(&SesiBaru {
                token_hash: hash_token(&token),
                akun_id: akun.id,
                jenis: jenis.kode().into(),
                csrf: csrf.clone(),
                dibuat,
                kedaluwarsa,
            })
            .await?;
        let pengguna = self.pengguna_dari_akun(akun, csrf.clone()).await?;
        Ok(SesiBaruDibuat {
            token,
            csrf,
            kedaluwarsa,
            pengguna,
        })
    }

    /// The caller behind a token, if the session is live.
    pub async fn sesi(&self, token: &str) -> AppResult<Option<Pengguna>> {
        match self
            .store
            .sesi_aktif(&hash_token(token), Utc::now())
            .await?
        {
            None => Ok(None),
            Some((sesi, akun)) => Ok(Some(self.pengguna_dari_akun(akun, sesi.csrf).await?)),
        }
    }

    pub async fn keluar(&self, token: &str) -> AppResult<()> {
        self.store.cabut_sesi(&hash_token(token)).await?;
        Ok(())
    }

    /// `kinerja user add-admin`: create the administrator, or reset its password.
    pub async fn tambah_admin(
        &self,
        username: &str,
        password: &str,
    ) -> AppResult<kinerja_store::Akun> {
        let username = username.trim();
        if username.is_empty() {
            return Err(AppError::bidang_tidak_valid(
                "username",
                "nama pengguna wajib diisi",
            ));
        }
        validasi_password(password)?;
        let instansi = self.instansi_utama().await?;
        let hash = hash_password(password).await?;
        let akun = AkunBaru {
            instansi_id: instansi.id,
            username: username.into(),
            password_hash: hash,
            peran: Peran::Admin,
            pegawai_id: None,
        };
        Ok(self.store.simpan_akun(&akun, &Pelaku::sistem()).await?)
    }

    pub async fn ubah_bahasa(&self, pengguna: &Pengguna, bahasa: &str) -> AppResult<()> {
        if !matches!(bahasa, "id" | "en") {
            return Err(AppError::bidang_tidak_valid("bahasa", "pilihan: id, en"));
        }
        self.store.ubah_bahasa(pengguna.akun.id, bahasa).await?;
        Ok(())
    }
}
