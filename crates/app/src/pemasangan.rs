//! Setting an installation up: the demo instansi, and the operator acting from the command line.

use crate::akses::{Pengguna, KODE_INSTANSI_UTAMA};
use crate::error::{AppError, AppResult};
use crate::masuk::hash_password;
use crate::{demo, App};
use kinerja_domain::penilai::{baca_tabel_penilai, TABEL_PENILAI_BEKASI};
use kinerja_store::{AkunBaru, InstansiBaru, Pelaku, Peran, RingkasanImpor};

/// What `kinerja demo` did.
pub struct RingkasanDemo {
    pub instansi: String,
    pub impor: RingkasanImpor,
    pub akun_baru: u64,
    pub pegawai: usize,
    /// Demo SKP of 2026 written by this load (0 when they were there already).
    pub skp: usize,
    /// Realisation, evidence and feedback written by this load.
    pub pelaksanaan: crate::demo_pelaksanaan::RingkasanPelaksanaan,
    /// Capaian, evaluations and keberatan written by this load.
    pub evaluasi: crate::demo_evaluasi::RingkasanEvaluasi,
    pub logins: Vec<demo::DemoLogin>,
}

impl App {
    /// The operator on the command line: an admin of the main instansi, audited as `sistem`.
    pub async fn pengguna_sistem(&self) -> AppResult<Pengguna> {
        let i = self.instansi_utama().await?;
        Ok(Pengguna::admin_latar(i.id, 0, "sistem"))
    }

    /// Load the demo instansi (Kota Bekasi's rater table, ~3,000 pegawai) with an account for
    /// every pegawai (username = NIP) and the admin. Running it again changes nothing.
    pub async fn muat_demo(&self, seed: u64) -> AppResult<RingkasanDemo> {
        let sistem = Pelaku::sistem();
        let baru = InstansiBaru {
            kode: KODE_INSTANSI_UTAMA.into(),
            nama: "Pemerintah Kota Bekasi (Demo)".into(),
            kota: "Bekasi".into(),
        };
        let instansi = self.store.pastikan_instansi(&baru, &sistem).await?;
        let aturan = baca_tabel_penilai(TABEL_PENILAI_BEKASI).map_err(|e| {
            AppError::Internal(format!("tabel penilai bawaan rusak: {}", e.join("; ")))
        })?;
        self.store
            .simpan_aturan_penilai(instansi.id, &aturan, &sistem)
            .await?;
        if self.store.profil(instansi.id, 2026).await?.is_none() {
            self.store
                .simpan_profil(instansi.id, 2026, &Default::default(), &sistem)
                .await?;
        }
        let d = tokio::task::spawn_blocking(move || demo::bangun(seed))
            .await
            .map_err(|e| AppError::Internal(e.to_string()))?;
        let impor = self
            .store
            .impor_organisasi(instansi.id, &d.data, &sistem)
            .await?;
        // One hash for all demo accounts: hashing 3,000 passwords would take a minute.
        let hash = hash_password(demo::PASSWORD_DEMO).await?;
        let pegawai = self.store.semua_pegawai(instansi.id).await?;
        let mut akun: Vec<AkunBaru> = vec![AkunBaru {
            instansi_id: instansi.id,
            username: "admin".into(),
            password_hash: hash.clone(),
            peran: Peran::Admin,
            pegawai_id: None,
        }];
        akun.extend(pegawai.iter().map(|p| AkunBaru {
            instansi_id: instansi.id,
            username: p.nip.as_str().into(),
            password_hash: hash.clone(),
            peran: Peran::Pegawai,
            pegawai_id: Some(p.id),
        }));
        let akun_baru = self.store.simpan_akun_massal(&akun, &sistem).await?;
        let nip_login: Vec<String> = d
            .logins
            .iter()
            .filter(|l| l.username != "admin")
            .map(|l| l.username.clone())
            .collect();
        let skp = self.isi_skp_demo(instansi.id, &nip_login).await?;
        let pelaksanaan = self.isi_pelaksanaan_demo(instansi.id, &nip_login).await?;
        let evaluasi = self.isi_evaluasi_demo(instansi.id, &nip_login).await?;
        self.isi_riwayat_demo(instansi.id, &nip_login).await?;
        Ok(RingkasanDemo {
            evaluasi,
            skp,
            pelaksanaan,
            instansi: instansi.nama,
            impor,
            akun_baru,
            pegawai: pegawai.len(),
            logins: d.logins,
        })
    }
}
