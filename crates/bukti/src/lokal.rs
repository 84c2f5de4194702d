//! [`DirektoriLokal`]: evidence files in a local directory.

use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use async_trait::async_trait;
use sha2::{Digest, Sha256};
use tokio::fs;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWriteExt};

use crate::arsip::{berbasis_zip, periksa_bom, PANJANG_EKOR_ARSIP};
use crate::jenis::{cocokkan, galat_tidak_dikenal, zip_belum_pasti, PemeriksaTeks, TandaZip};
use crate::{
    tentukan_jenis, BerkasTersimpan, GalatBukti, JenisBerkas, Kenal, PenyimpananBukti,
    PANJANG_SNIFF,
};

/// Temporary files older than this are left over from a crash and removed at start-up.
const UMUR_SEMENTARA_BASI: Duration = Duration::from_secs(24 * 60 * 60);

/// Files in a local directory (the default), which must be outside any served folder.
///
/// Layout: `<root>/<aa>/<bb>/<32 random hex>` where `aa` and `bb` are the first two pairs of the
/// hex name; the key is the relative path `"aa/bb/<hex>"`. A file is written to
/// `<root>/tmp/<hex>` first, fsync'd, then renamed into place, so a stored file is always
/// complete.
#[derive(Debug, Clone)]
pub struct DirektoriLokal {
    root: PathBuf,
    tmp: PathBuf,
}

impl DirektoriLokal {
    /// Use `root`, creating it and `root/tmp` if needed. Leftover temporary files older than a
    /// day (from a crash) are removed.
    pub async fn buka_direktori(root: impl Into<PathBuf>) -> io::Result<Self> {
        let root = root.into();
        let tmp = root.join("tmp");
        fs::create_dir_all(&tmp).await?;
        let direktori = DirektoriLokal { root, tmp };
        direktori.bersihkan_sementara_basi().await;
        Ok(direktori)
    }

    /// Use `root` without touching the disk yet: the directories are created on the first
    /// upload (for constructors that cannot wait).
    pub fn baru(root: impl Into<PathBuf>) -> Self {
        let root = root.into();
        let tmp = root.join("tmp");
        DirektoriLokal { root, tmp }
    }

    /// The root directory.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The path of a key, or `None` if the key is not exactly `aa/bb/<32 hex>` with `aa`, `bb`
    /// the first hex pairs (lower-case) — so no key can reach outside the layout.
    fn jalur(&self, kunci: &str) -> Option<PathBuf> {
        let mut bagian = kunci.split('/');
        let (a, b, nama) = (bagian.next()?, bagian.next()?, bagian.next()?);
        let hex_kecil = |s: &str| s.bytes().all(|c| matches!(c, b'0'..=b'9' | b'a'..=b'f'));
        let sah = bagian.next().is_none()
            && nama.len() == 32
            && hex_kecil(nama)
            && a == &nama[..2]
            && b == &nama[2..4];
        sah.then(|| self.root.join(a).join(b).join(nama))
    }

    async fn bersihkan_sementara_basi(&self) {
        let Ok(mut isi) = fs::read_dir(&self.tmp).await else {
            return;
        };
        while let Ok(Some(entri)) = isi.next_entry().await {
            let basi = entri
                .metadata()
                .await
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| SystemTime::now().duration_since(t).ok())
                .is_some_and(|umur| umur > UMUR_SEMENTARA_BASI);
            if basi {
                match fs::remove_file(entri.path()).await {
                    Ok(()) => {
                        tracing::info!(berkas = %entri.path().display(), "berkas sementara basi dihapus")
                    }
                    Err(e) => {
                        tracing::warn!(berkas = %entri.path().display(), galat = %e, "berkas sementara basi gagal dihapus")
                    }
                }
            }
        }
    }
}

/// Removes the temporary file when dropped, unless [`Sementara::lepas`] was called — on every
/// error path and when the `simpan` future is dropped mid-upload.
struct Sementara {
    jalur: PathBuf,
    aktif: bool,
}

impl Sementara {
    fn lepas(mut self) {
        self.aktif = false;
    }
}

impl Drop for Sementara {
    fn drop(&mut self) {
        if self.aktif {
            if let Err(e) = std::fs::remove_file(&self.jalur) {
                if e.kind() != io::ErrorKind::NotFound {
                    tracing::warn!(berkas = %self.jalur.display(), galat = %e, "berkas sementara gagal dihapus");
                }
            }
        }
    }
}

/// The kind of an upload, once the sniff window has been read.
enum Keputusan {
    /// Decided from the first bytes.
    Pasti(JenisBerkas),
    /// A ZIP archive still to be decided from its central directory (in the kept tail): the
    /// marks seen so far.
    Zip { tanda: TandaZip },
}

/// Keep only the last [`PANJANG_EKOR_ARSIP`] bytes of the stream in `ekor`.
fn simpan_ekor(ekor: &mut Vec<u8>, potongan: &[u8]) {
    if potongan.len() >= PANJANG_EKOR_ARSIP {
        ekor.clear();
        ekor.extend_from_slice(&potongan[potongan.len() - PANJANG_EKOR_ARSIP..]);
    } else {
        ekor.extend_from_slice(potongan);
        if ekor.len() > PANJANG_EKOR_ARSIP {
            ekor.drain(..ekor.len() - PANJANG_EKOR_ARSIP);
        }
    }
}

/// 32 lower-case hex digits from 128 random bits.
fn nama_acak() -> String {
    hex::encode(rand::random::<[u8; 16]>())
}

/// Read into `buf` until it is full or the reader is at EOF. Returns the bytes read and whether
/// EOF was reached, or `TerlaluBesar` as soon as more than `batas` bytes were read.
async fn isi_penuh(
    isi: &mut (dyn AsyncRead + Unpin + Send),
    buf: &mut [u8],
    batas: u64,
) -> Result<(usize, bool), GalatBukti> {
    let mut terisi = 0;
    while terisi < buf.len() {
        let n = isi.read(&mut buf[terisi..]).await?;
        if n == 0 {
            return Ok((terisi, true));
        }
        terisi += n;
        if terisi as u64 > batas {
            return Err(GalatBukti::TerlaluBesar { batas });
        }
    }
    Ok((terisi, false))
}

#[async_trait]
impl PenyimpananBukti for DirektoriLokal {
    async fn simpan(
        &self,
        nama: &str,
        isi: &mut (dyn AsyncRead + Unpin + Send),
        batas: u64,
    ) -> Result<BerkasTersimpan, GalatBukti> {
        // One fixed buffer for the whole upload: first the sniff window, then each chunk.
        let mut buf = vec![0u8; PANJANG_SNIFF];

        // 1. Decide the kind before touching the disk.
        let (terisi, habis) = isi_penuh(isi, &mut buf, batas).await?;
        let awal = &buf[..terisi];
        let klaim = JenisBerkas::dari_ekstensi(nama);
        let keputusan = match tentukan_jenis(nama, awal) {
            Ok(jenis) => Keputusan::Pasti(jenis),
            // A ZIP that may still prove to be OOXML: decided at the end, from the central
            // directory in the last bytes (kept in a bounded tail buffer).
            Err(_) if !habis && zip_belum_pasti(awal) => Keputusan::Zip {
                tanda: TandaZip::dari(awal),
            },
            Err(e) => return Err(e),
        };
        // The last bytes of a ZIP archive, for its central directory: from the start, so the
        // tail is whole even when the file is barely longer than the sniff window.
        let mut ekor = match keputusan {
            Keputusan::Pasti(j) if !berbasis_zip(j) => None,
            _ => Some(awal.to_vec()),
        };
        // Text must stay text to the end, not just in the sniffed prefix.
        let mut teks =
            matches!(keputusan, Keputusan::Pasti(JenisBerkas::Teks)).then(PemeriksaTeks::default);
        if let Some(t) = &mut teks {
            if !t.periksa(awal) {
                return Err(galat_tidak_dikenal(klaim));
            }
        }

        // 2. Stream into a temporary file, hashing and counting as we go.
        fs::create_dir_all(&self.tmp).await?;
        let hex = nama_acak();
        let sementara = Sementara {
            jalur: self.tmp.join(&hex),
            aktif: true,
        };
        let mut berkas = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&sementara.jalur)
            .await?;
        let mut hasher = Sha256::new();
        let mut ukuran = terisi as u64;
        hasher.update(awal);
        berkas.write_all(awal).await?;
        if !habis {
            loop {
                let n = isi.read(&mut buf).await?;
                if n == 0 {
                    break;
                }
                ukuran += n as u64;
                if ukuran > batas {
                    return Err(GalatBukti::TerlaluBesar { batas });
                }
                let potongan = &buf[..n];
                if let Some(t) = &mut teks {
                    if !t.periksa(potongan) {
                        return Err(galat_tidak_dikenal(klaim));
                    }
                }
                if let Some(ekor) = &mut ekor {
                    simpan_ekor(ekor, potongan);
                }
                hasher.update(potongan);
                berkas.write_all(potongan).await?;
            }
        }
        if teks.as_ref().is_some_and(|t| !t.selesai()) {
            return Err(galat_tidak_dikenal(klaim));
        }
        let ekor = ekor.unwrap_or_default();
        let jenis = match keputusan {
            Keputusan::Pasti(jenis) => jenis,
            Keputusan::Zip { tanda } => {
                let kenal = tanda
                    .gabung(TandaZip::dari(&ekor))
                    .jenis()
                    .map_or(Kenal::TidakDikenal, Kenal::Jenis);
                cocokkan(nama, kenal, false)?
            }
        };
        if berbasis_zip(jenis) {
            periksa_bom(&ekor, ukuran - ekor.len() as u64)?;
        }
        berkas.flush().await?;
        berkas.sync_all().await?;
        drop(berkas);

        // 3. Move it into place atomically.
        let direktori = self.root.join(&hex[..2]).join(&hex[2..4]);
        fs::create_dir_all(&direktori).await?;
        fs::rename(&sementara.jalur, direktori.join(&hex)).await?;
        sementara.lepas();
        // Make the rename itself durable (best effort: not every platform can fsync a directory).
        let fsync_direktori = match fs::File::open(&direktori).await {
            Ok(d) => d.sync_all().await,
            Err(e) => Err(e),
        };
        if let Err(e) = fsync_direktori {
            tracing::debug!(direktori = %direktori.display(), galat = %e, "fsync direktori gagal");
        }

        let tersimpan = BerkasTersimpan {
            kunci: format!("{}/{}/{}", &hex[..2], &hex[2..4], hex),
            jenis,
            ukuran,
            sha256: hex::encode(hasher.finalize()),
        };
        tracing::debug!(kunci = %tersimpan.kunci, jenis = jenis.kode(), ukuran, "bukti disimpan");
        Ok(tersimpan)
    }

    async fn buka(&self, kunci: &str) -> Result<Box<dyn AsyncRead + Unpin + Send>, GalatBukti> {
        let jalur = self.jalur(kunci).ok_or(GalatBukti::TidakAda)?;
        match fs::File::open(&jalur).await {
            Ok(f) => Ok(Box::new(f)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Err(GalatBukti::TidakAda),
            Err(e) => Err(e.into()),
        }
    }

    async fn hapus(&self, kunci: &str) -> Result<(), GalatBukti> {
        let jalur = self.jalur(kunci).ok_or(GalatBukti::TidakAda)?;
        match fs::remove_file(&jalur).await {
            Ok(()) => {
                tracing::debug!(kunci, "bukti dihapus");
                Ok(())
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => Err(GalatBukti::TidakAda),
            Err(e) => Err(e.into()),
        }
    }

    fn keterangan(&self) -> String {
        format!("direktori {}", self.root.display())
    }
}
