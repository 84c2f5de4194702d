//! Login, sessions and bearer tokens. Passwords are argon2id; a token is 32 random bytes given to
//! the client once, and only its SHA-256 is stored.
//!
//! Every password check (a login, the old password of a change) is guarded by counters kept in
//! the database, so that they hold across `serve` nodes: per account name and per client
//! address, with the limits, window and optional lockout of the policy profile
//! ([`kinerja_domain::profil::KeamananMasuk`]). The attempt is counted before the check and
//! refused past a limit with the same 429 whether or not the account exists; a name that does
//! not exist is counted and locked like one that does. A checked attempt costs exactly one
//! argon2 verification either way.

use crate::akses::Pengguna;
use crate::error::{AppError, AppResult};
use crate::App;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use base64::Engine;
use chrono::{DateTime, Duration, Utc};
use kinerja_domain::profil::{pesan_tunggu, KeamananMasuk};
use kinerja_store::{Akun, AkunBaru, Pelaku, Peran, SesiBaru};
use rand::RngCore;
use sha2::{Digest, Sha256};
use std::cell::Cell;
use std::future::Future;
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
pub const PESAN_PASSWORD_LAMA_SALAH: &str = "Kata sandi lama salah";
pub const PANJANG_MINIMAL_PASSWORD: usize = 8;
pub const PANJANG_MAKSIMAL_PASSWORD: usize = 128;

/// The client address when the web layer cannot tell (a test router without a socket).
pub const ALAMAT_TIDAK_DIKETAHUI: &str = "tidak-diketahui";

/// Passwords too common to accept, whatever their length.
const PASSWORD_UMUM: &[&str] = &[
    "12345678",
    "123456789",
    "1234567890",
    "password",
    "password1",
    "passw0rd",
    "qwertyui",
    "qwerty123",
    "katasandi",
    "rahasia123",
    "bismillah",
    "indonesia",
    "11111111",
    "00000000",
    "abcd1234",
];

tokio::task_local! {
    static VERIFIKASI: Cell<u32>;
}

/// Run `f`, counting the argon2 verifications it makes on this task: a checked login attempt
/// costs exactly one, whether or not the account exists (tests of the equal-time promise).
pub async fn hitung_verifikasi<F: Future>(f: F) -> (F::Output, u32) {
    VERIFIKASI
        .scope(Cell::new(0), async {
            let hasil = f.await;
            (hasil, VERIFIKASI.with(Cell::get))
        })
        .await
}

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
    let _ = VERIFIKASI.try_with(|n| n.set(n.get() + 1));
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

/// The rule for a new password (at setup, by its owner, by an administrator), the message under
/// `bidang`: 8 to 128 characters, not the username, not one character repeated, not one of the
/// most common passwords.
pub fn validasi_password_baru(bidang: &str, password: &str, username: &str) -> AppResult<()> {
    let n = password.chars().count();
    let kecil = password.trim().to_lowercase();
    let pertama = password.chars().next();
    let pesan = if n < PANJANG_MINIMAL_PASSWORD {
        format!("kata sandi paling sedikit {PANJANG_MINIMAL_PASSWORD} karakter")
    } else if n > PANJANG_MAKSIMAL_PASSWORD {
        format!("kata sandi paling panjang {PANJANG_MAKSIMAL_PASSWORD} karakter")
    } else if !username.trim().is_empty() && kecil == username.trim().to_lowercase() {
        "kata sandi tidak boleh sama dengan nama pengguna (NIP)".to_string()
    } else if password.chars().all(|c| Some(c) == pertama) {
        "kata sandi tidak boleh satu karakter yang diulang".to_string()
    } else if PASSWORD_UMUM.contains(&kecil.as_str()) {
        "kata sandi ini terlalu umum; pilih yang lain".to_string()
    } else {
        return Ok(());
    };
    Err(AppError::bidang_tidak_valid(bidang, pesan))
}

/// [`validasi_password_baru`] under the field `password`, without a username.
pub fn validasi_password(password: &str) -> AppResult<()> {
    validasi_password_baru("password", password, "")
}

fn terlalu_banyak(tunggu: Duration) -> AppError {
    AppError::TerlaluBanyak {
        pesan: pesan_tunggu(tunggu),
        coba_lagi_detik: u64::try_from(tunggu.num_seconds().max(1)).unwrap_or(1),
    }
}

impl App {
    /// The login protection in force: the policy profile of the instansi this installation
    /// serves, this year (a login comes before any other instansi is known).
    pub async fn keamanan_masuk(&self) -> AppResult<KeamananMasuk> {
        Ok(match self.store.instansi_utama().await? {
            Some(i) => self.profil_berlaku(i.id).await?.keamanan_masuk,
            None => KeamananMasuk::default(),
        })
    }

    /// One guarded password check from a client address: the attempt is counted first and
    /// refused (429) past a limit or during a lock, the same for any name; otherwise exactly one
    /// argon2 verification (against a stand-in hash when the name is unknown). The account when
    /// the password is right (its counter cleared and the attempt taken off the address);
    /// `None` when not (the failure stays counted and may start a lock).
    async fn periksa_password(
        &self,
        username: &str,
        password: &str,
        alamat: &str,
    ) -> AppResult<Option<Akun>> {
        let k = self.keamanan_masuk().await?;
        let sekarang = kinerja_store::sql::sekarang();
        let percobaan = self
            .store
            .catat_percobaan_masuk(username, alamat, sekarang, k.jendela())
            .await?;
        if let Some(t) = k.tunggu(
            percobaan.akun,
            percobaan.alamat,
            percobaan.terkunci_sampai,
            sekarang,
        ) {
            return Err(terlalu_banyak(t));
        }
        let akun = self.store.akun_by_username(username).await?;
        let hash = akun
            .as_ref()
            .map(|a| a.password_hash.clone())
            .unwrap_or_else(|| hash_tiruan().to_string());
        let benar = cocok(hash, password.to_string()).await;
        match akun {
            Some(a) if benar => {
                self.store
                    .masuk_berhasil(username, alamat, &percobaan, sekarang)
                    .await?;
                Ok(Some(a))
            }
            _ => {
                if let Some(sampai) = k.kunci_setelah_gagal(percobaan.akun.jumlah, sekarang) {
                    self.store.kunci_masuk(username, sampai).await?;
                }
                Ok(None)
            }
        }
    }

    /// Check the credentials and open a session. The answer for an unknown user and for a wrong
    /// password is the same, and takes the same time (one argon2 verification either way);
    /// past the limits of the policy profile the answer is 429 for both alike. `alamat` is the
    /// client address as the web layer saw it ([`ALAMAT_TIDAK_DIKETAHUI`] when it cannot).
    pub async fn masuk(
        &self,
        username: &str,
        password: &str,
        alamat: &str,
        jenis: JenisSesi,
    ) -> AppResult<SesiBaruDibuat> {
        let username = username.trim();
        let Some(akun) = self.periksa_password(username, password, alamat).await? else {
            return Err(AppError::BelumMasuk(PESAN_GAGAL_MASUK.into()));
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

    /// The caller changes their own password: the old one is checked like a login (counted,
    /// limited, one verification; wrong → 422 on `password_lama`), the new one must pass
    /// [`validasi_password_baru`] (422 on `password_baru`). Every other session and token of
    /// the account ends; the one of this request (`token`) stays.
    pub async fn ubah_password_sendiri(
        &self,
        p: &Pengguna,
        token: &str,
        alamat: &str,
        password_lama: &str,
        password_baru: &str,
    ) -> AppResult<()> {
        validasi_password_baru("password_baru", password_baru, &p.akun.username)?;
        if password_baru == password_lama {
            return Err(AppError::bidang_tidak_valid(
                "password_baru",
                "kata sandi baru harus berbeda dari yang lama",
            ));
        }
        match self
            .periksa_password(&p.akun.username, password_lama, alamat)
            .await?
        {
            Some(a) if a.id == p.akun.id => {}
            _ => {
                return Err(AppError::bidang_tidak_valid_persis(
                    "password_lama",
                    PESAN_PASSWORD_LAMA_SALAH,
                ))
            }
        }
        let hash = hash_password(password_baru).await?;
        self.store
            .ubah_password(p.akun.id, &hash, Some(&hash_token(token)), &p.pelaku())
            .await?;
        Ok(())
    }

    /// The HR admin sets a new password for an account of the instansi (403 for anyone else,
    /// 404 for an account that is not there): every session and token of that account ends and
    /// its failed-login counter and lock are cleared. Audited without the password.
    pub async fn reset_password(
        &self,
        p: &Pengguna,
        username: &str,
        password_baru: &str,
    ) -> AppResult<()> {
        p.wajib_admin()?;
        let username = username.trim();
        let akun = self
            .store
            .akun_by_username(username)
            .await?
            .filter(|a| a.instansi_id == p.instansi_id())
            .ok_or_else(|| {
                AppError::TidakDitemukan(format!("Akun '{username}' tidak ditemukan"))
            })?;
        validasi_password_baru("password_baru", password_baru, &akun.username)?;
        let hash = hash_password(password_baru).await?;
        self.store
            .ubah_password(akun.id, &hash, None, &p.pelaku())
            .await?;
        Ok(())
    }

    /// Until when an account name is locked, for the HR admin (a lock that has ended: none).
    pub async fn kunci_akun(
        &self,
        p: &Pengguna,
        username: &str,
    ) -> AppResult<Option<DateTime<Utc>>> {
        p.wajib_admin()?;
        Ok(self
            .store
            .status_masuk(username.trim())
            .await?
            .and_then(|s| s.terkunci_sampai)
            .filter(|t| *t > Utc::now()))
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
        validasi_password_baru("password", password, username)?;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn password_baru() {
        // (password, username, refused because …)
        let kasus: [(&str, &str, Option<&str>); 10] = [
            ("demo12345", "197501012000031002", None),
            ("Sandi-baru-2026", "admin", None),
            ("pendek7", "admin", Some("paling sedikit 8 karakter")),
            ("12345678", "admin", Some("terlalu umum")),
            ("Password", "admin", Some("terlalu umum")),
            ("zzzzzzzzzzzz", "admin", Some("satu karakter yang diulang")),
            (
                "197501012000031002",
                "197501012000031002",
                Some("sama dengan nama pengguna"),
            ),
            (
                "Admin-Kota",
                "admin-kota",
                Some("sama dengan nama pengguna"),
            ),
            ("ñandú-ñandú", "admin", None),
            ("xxxxxxxy", "", None),
        ];
        for (pw, user, sebab) in kasus {
            let hasil = validasi_password_baru("password_baru", pw, user);
            match sebab {
                None => assert!(hasil.is_ok(), "{pw}: {hasil:?}"),
                Some(s) => {
                    let b = hasil.expect_err(pw).bidang();
                    assert!(b["password_baru"].contains(s), "{pw}: {b:?}");
                }
            }
        }
        let panjang = "ab".repeat(65);
        assert!(validasi_password_baru("p", &panjang, "")
            .unwrap_err()
            .bidang()["p"]
            .contains("paling panjang 128"));
        assert!(validasi_password_baru("p", &panjang[..128], "").is_ok());
    }

    #[tokio::test]
    async fn satu_verifikasi_dihitung() {
        let h = hash_password("kata-sandi-uji").await.unwrap();
        let ((), n) = hitung_verifikasi(async {
            assert!(cocok(h.clone(), "kata-sandi-uji".into()).await);
            assert!(!cocok(hash_tiruan().to_string(), "x".into()).await);
        })
        .await;
        assert_eq!(n, 2);
        // Outside a counting scope nothing fails.
        assert!(!cocok(h, "salah".into()).await);
    }
}
