//! `kinerja backup` and `kinerja restore`.
//!
//! SQLite: the backup is taken online (`VACUUM INTO` reads one consistent snapshot while the
//! server keeps writing), checked (`integrity_check`, `foreign_key_check`, Kinerja's tables),
//! and only then renamed into place. A restore checks the file the same way, copies it next to
//! the database, verifies the audit chain of the copy, refuses while a server holds the
//! database, keeps the old file as `<db>.sebelum-restore-<time>` and renames the copy over it.
//!
//! PostgreSQL: the documented tools, `pg_dump --format=custom` and `pg_restore` into an empty
//! database, run when they are on `PATH` (else the command is explained), then checked.

use kinerja_store::Store;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// The database an URL names.
enum Basis {
    Sqlite(PathBuf),
    Postgres(String),
}

fn basis(url: &Option<String>) -> Basis {
    let url = url.clone().unwrap_or_else(|| "sqlite://kinerja.db".into());
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        Basis::Postgres(url)
    } else {
        Basis::Sqlite(kinerja_store_sqlite::jalur_berkas(&url))
    }
}

/// A sibling of `berkas` to write into before the final rename (same directory, so the rename
/// is atomic).
fn berkas_sementara(berkas: &Path, jenis: &str) -> PathBuf {
    let nama = berkas
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "kinerja".into());
    berkas.with_file_name(format!(".{nama}.{jenis}-{}", std::process::id()))
}

fn hapus_sisa(berkas: &Path) {
    for akhiran in ["", "-wal", "-shm", "-journal"] {
        let mut p = berkas.as_os_str().to_owned();
        p.push(akhiran);
        let _ = std::fs::remove_file(PathBuf::from(p));
    }
}

/// Make a finished file and its directory entry durable.
fn sinkronkan(berkas: &Path) -> Result<(), String> {
    let galat = |e: std::io::Error| format!("{}: {e}", berkas.display());
    std::fs::File::open(berkas)
        .and_then(|f| f.sync_all())
        .map_err(galat)?;
    #[cfg(unix)]
    if let Some(dir) = berkas.parent() {
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        std::fs::File::open(dir)
            .and_then(|f| f.sync_all())
            .map_err(galat)?;
    }
    Ok(())
}

fn ukuran(berkas: &Path) -> String {
    let b = std::fs::metadata(berkas).map(|m| m.len()).unwrap_or(0) as f64;
    if b >= 1024.0 * 1024.0 {
        format!("{:.1} MB", b / (1024.0 * 1024.0))
    } else {
        format!("{:.0} kB", b / 1024.0)
    }
}

fn ringkas(isi: &kinerja_store_sqlite::IsiBerkas) -> String {
    format!(
        "{} tabel, {} baris, {} entri audit, skema versi {}",
        isi.tabel.len(),
        isi.jumlah_baris(),
        isi.baris("audit_log").unwrap_or(0),
        isi.versi_skema
    )
}

/// `kinerja backup --output FILE`.
pub async fn cadangkan(url: &Option<String>, keluaran: &Path) -> Result<(), String> {
    if keluaran.exists() {
        return Err(format!(
            "{} sudah ada; pilih nama berkas lain (cadangan tidak pernah menimpa berkas)",
            keluaran.display()
        ));
    }
    let mulai = Instant::now();
    match basis(url) {
        Basis::Sqlite(sumber) => {
            if !sumber.is_file() {
                return Err(format!("basis data {} tidak ditemukan", sumber.display()));
            }
            let sementara = berkas_sementara(keluaran, "cadangan");
            hapus_sisa(&sementara);
            let hasil = async {
                kinerja_store_sqlite::cadangkan(&sumber, &sementara)
                    .await
                    .map_err(|e| format!("menyalin {}: {e}", sumber.display()))?;
                let isi = kinerja_store_sqlite::periksa_berkas(&sementara).await?;
                sinkronkan(&sementara)?;
                std::fs::rename(&sementara, keluaran)
                    .map_err(|e| format!("{}: {e}", keluaran.display()))?;
                sinkronkan(keluaran)?;
                Ok::<_, String>(isi)
            }
            .await;
            let isi = hasil.inspect_err(|_| hapus_sisa(&sementara))?;
            println!(
                "Cadangan SQLite ditulis ke {} ({}) dalam {:.1} detik: {}; integrity_check ok.",
                keluaran.display(),
                ukuran(keluaran),
                mulai.elapsed().as_secs_f64(),
                ringkas(&isi)
            );
            println!("Salin juga direktori bukti dukung (--bukti-dir): berkasnya tidak ada di dalam basis data.");
            Ok(())
        }
        Basis::Postgres(url) => {
            let pg_dump = alat("pg_dump").ok_or_else(|| {
                format!(
                    "pg_dump tidak ditemukan di PATH. Pasang klien PostgreSQL dengan versi utama yang sama \
                     atau lebih baru daripada server (Debian: apt-get install postgresql-client), atau jalankan \
                     sendiri:\n  pg_dump --format=custom --no-owner --no-privileges --file={} '{url}'",
                    keluaran.display()
                )
            })?;
            let sementara = berkas_sementara(keluaran, "cadangan");
            let _ = std::fs::remove_file(&sementara);
            let hasil = (|| {
                jalankan_alat(
                    Command::new(&pg_dump)
                        .args(["--format=custom", "--no-owner", "--no-privileges"])
                        .arg(format!("--file={}", sementara.display()))
                        .arg(format!("--dbname={url}")),
                    "pg_dump",
                )?;
                let tabel = isi_arsip(&sementara)?;
                sinkronkan(&sementara)?;
                std::fs::rename(&sementara, keluaran)
                    .map_err(|e| format!("{}: {e}", keluaran.display()))?;
                sinkronkan(keluaran)?;
                Ok::<_, String>(tabel)
            })();
            let tabel = hasil.inspect_err(|_| {
                let _ = std::fs::remove_file(&sementara);
            })?;
            println!(
                "Cadangan PostgreSQL (pg_dump --format=custom) ditulis ke {} ({}) dalam {:.1} detik: data {} tabel.",
                keluaran.display(),
                ukuran(keluaran),
                mulai.elapsed().as_secs_f64(),
                tabel
            );
            println!("Salin juga direktori bukti dukung (--bukti-dir): berkasnya tidak ada di dalam basis data.");
            Ok(())
        }
    }
}

/// `kinerja restore FILE`.
pub async fn pulihkan(url: &Option<String>, berkas: &Path) -> Result<(), String> {
    let mulai = Instant::now();
    match basis(url) {
        Basis::Sqlite(tujuan) => {
            let asal = kinerja_store_sqlite::periksa_berkas(berkas)
                .await
                .map_err(|e| format!("pemulihan ditolak: {e}"))?;
            let sementara = berkas_sementara(&tujuan, "pemulihan");
            hapus_sisa(&sementara);
            let hasil = siapkan_sqlite(berkas, &sementara).await;
            let isi = hasil.inspect_err(|_| hapus_sisa(&sementara))?;
            let mut catatan = None;
            let lama = if tujuan.exists() {
                match kinerja_store_sqlite::lepaskan(&tujuan).await {
                    Ok(true) => {}
                    Ok(false) => {
                        hapus_sisa(&sementara);
                        return Err(format!(
                            "{} sedang dibuka proses lain (kinerja serve yang masih berjalan?); hentikan \
                             semua server yang memakainya, lalu ulangi. Tidak ada yang diubah.",
                            tujuan.display()
                        ));
                    }
                    // A damaged database (the usual reason to restore) cannot be opened; it is
                    // kept as it is, with its WAL beside it.
                    Err(e) => catatan = Some(e.to_string()),
                }
                let cap = chrono::Local::now().format("%Y%m%dT%H%M%S");
                let mut lama = tujuan.as_os_str().to_owned();
                lama.push(format!(".sebelum-restore-{cap}"));
                let lama = PathBuf::from(lama);
                std::fs::rename(&tujuan, &lama).map_err(|e| {
                    hapus_sisa(&sementara);
                    format!("{}: {e}", tujuan.display())
                })?;
                for akhiran in ["-wal", "-shm"] {
                    let mut dari = tujuan.as_os_str().to_owned();
                    dari.push(akhiran);
                    let mut ke = lama.as_os_str().to_owned();
                    ke.push(akhiran);
                    if Path::new(&dari).exists() {
                        std::fs::rename(&dari, &ke)
                            .map_err(|e| format!("{}: {e}", Path::new(&dari).display()))?;
                    }
                }
                Some(lama)
            } else {
                None
            };
            std::fs::rename(&sementara, &tujuan)
                .map_err(|e| format!("{}: {e}", tujuan.display()))?;
            sinkronkan(&tujuan)?;
            println!(
                "Basis data {} dipulihkan dari {} dalam {:.1} detik: {}; integrity_check ok, rantai hash audit utuh.",
                tujuan.display(),
                berkas.display(),
                mulai.elapsed().as_secs_f64(),
                ringkas(&isi)
            );
            if asal.versi_skema != isi.versi_skema {
                println!(
                    "Skema dimutakhirkan dari versi {} ke {}.",
                    asal.versi_skema, isi.versi_skema
                );
            }
            if let Some(lama) = lama {
                println!("Basis data sebelumnya disimpan sebagai {}.", lama.display());
            }
            if let Some(c) = catatan {
                println!(
                    "Catatan: basis data sebelumnya tidak dapat dibuka ({c}); disimpan apa adanya."
                );
            }
            println!("Pulihkan juga direktori bukti dukung (--bukti-dir) dari cadangan yang sama.");
            Ok(())
        }
        Basis::Postgres(url) => {
            if !berkas.is_file() {
                return Err(format!("{}: berkas tidak ditemukan", berkas.display()));
            }
            let pg_restore = alat("pg_restore").ok_or_else(|| {
                format!(
                    "pg_restore tidak ditemukan di PATH. Pasang klien PostgreSQL (Debian: apt-get install \
                     postgresql-client), atau jalankan sendiri ke basis data baru yang kosong:\n  createdb NAMA\n  \
                     pg_restore --no-owner --no-privileges --exit-on-error --single-transaction --dbname='{url}' {}",
                    berkas.display()
                )
            })?;
            let tabel = isi_arsip(berkas).map_err(|e| {
                format!(
                    "pemulihan ditolak: {} bukan arsip pg_dump --format=custom ({e})",
                    berkas.display()
                )
            })?;
            let ada = tabel_postgres(&url).await?;
            if !ada.is_empty() {
                return Err(format!(
                    "basis data tujuan tidak kosong ({} tabel, mis. {}); pulihkan hanya ke basis data baru yang \
                     kosong (createdb NAMA). Tidak ada yang diubah.",
                    ada.len(),
                    ada[0]
                ));
            }
            jalankan_alat(
                Command::new(&pg_restore)
                    .args([
                        "--no-owner",
                        "--no-privileges",
                        "--exit-on-error",
                        "--single-transaction",
                    ])
                    .arg(format!("--dbname={url}"))
                    .arg(berkas),
                "pg_restore",
            )?;
            let store = kinerja_store_postgres::buka(&url)
                .await
                .map_err(|e| e.to_string())?;
            let h = store.verifikasi_audit().await.map_err(|e| e.to_string())?;
            if !h.utuh() {
                let r = &h.rusak[0];
                return Err(format!(
                    "data dipulihkan, tetapi log audit tidak utuh: instansi {} entri #{}: {}",
                    r.instansi_id, r.seq, r.alasan
                ));
            }
            let baris = jumlah_baris_postgres(&url).await?;
            println!(
                "Basis data PostgreSQL dipulihkan dari {} dalam {:.1} detik: {} tabel, {} baris, {} entri audit; rantai hash audit utuh.",
                berkas.display(),
                mulai.elapsed().as_secs_f64(),
                tabel,
                baris,
                h.jumlah_entri
            );
            println!("Pulihkan juga direktori bukti dukung (--bukti-dir) dari cadangan yang sama.");
            Ok(())
        }
    }
}

/// Copy the checked backup `berkas` to `sementara`, bring its schema up to date and verify its
/// audit chain; answer what it holds.
async fn siapkan_sqlite(
    berkas: &Path,
    sementara: &Path,
) -> Result<kinerja_store_sqlite::IsiBerkas, String> {
    kinerja_store_sqlite::cadangkan(berkas, sementara)
        .await
        .map_err(|e| format!("menyalin {}: {e}", berkas.display()))?;
    let url = format!("sqlite://{}", sementara.display());
    let store = kinerja_store_sqlite::buka(&url)
        .await
        .map_err(|e| e.to_string())?;
    let h = store.verifikasi_audit().await.map_err(|e| e.to_string());
    store.backend_ref().tutup().await;
    drop(store);
    let h = h?;
    if let Some(r) = h.rusak.first() {
        return Err(format!(
            "pemulihan ditolak: log audit di {} tidak utuh: instansi {} entri #{}: {}",
            berkas.display(),
            r.instansi_id,
            r.seq,
            r.alasan
        ));
    }
    let isi = kinerja_store_sqlite::periksa_berkas(sementara).await?;
    // One self-contained file (no WAL beside it) before it is renamed into place.
    match kinerja_store_sqlite::lepaskan(sementara).await {
        Ok(true) => {}
        Ok(false) => return Err(format!("{} sedang dibuka proses lain", sementara.display())),
        Err(e) => return Err(format!("{}: {e}", sementara.display())),
    }
    sinkronkan(sementara)?;
    Ok(isi)
}

/// A PostgreSQL client tool on PATH.
fn alat(nama: &str) -> Option<PathBuf> {
    Command::new(nama)
        .arg("--version")
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|_| PathBuf::from(nama))
}

fn jalankan_alat(c: &mut Command, nama: &str) -> Result<String, String> {
    let o = c.output().map_err(|e| format!("{nama}: {e}"))?;
    if o.status.success() {
        Ok(String::from_utf8_lossy(&o.stdout).into_owned())
    } else {
        Err(format!(
            "{nama} gagal ({}): {}",
            o.status,
            String::from_utf8_lossy(&o.stderr).trim()
        ))
    }
}

/// The number of tables whose data a custom-format archive holds (`pg_restore --list`).
fn isi_arsip(berkas: &Path) -> Result<usize, String> {
    let daftar = jalankan_alat(
        Command::new("pg_restore").arg("--list").arg(berkas),
        "pg_restore",
    )?;
    Ok(daftar
        .lines()
        .filter(|l| l.contains(" TABLE DATA "))
        .count())
}

async fn sambung_postgres(url: &str) -> Result<sqlx::PgConnection, String> {
    use sqlx::Connection;
    sqlx::PgConnection::connect(url)
        .await
        .map_err(|e| format!("PostgreSQL {}: {e}", tanpa_sandi(url)))
}

/// The tables in the target database's public schema.
async fn tabel_postgres(url: &str) -> Result<Vec<String>, String> {
    let mut c = sambung_postgres(url).await?;
    let t: Vec<(String,)> = sqlx::query_as(
        "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
    )
    .fetch_all(&mut c)
    .await
    .map_err(|e| e.to_string())?;
    Ok(t.into_iter().map(|(n,)| n).collect())
}

async fn jumlah_baris_postgres(url: &str) -> Result<i64, String> {
    let mut c = sambung_postgres(url).await?;
    let mut n = 0;
    for t in tabel_postgres(url).await? {
        let (k,): (i64,) = sqlx::query_as(&format!(
            "SELECT COUNT(*) FROM \"{}\"",
            t.replace('"', "\"\"")
        ))
        .fetch_one(&mut c)
        .await
        .map_err(|e| e.to_string())?;
        n += k;
    }
    Ok(n)
}

/// The URL without its password, for messages.
fn tanpa_sandi(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(a), Some(b)) if b > a => {
            let kredensial = &url[a + 3..b];
            match kredensial.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..a + 3], &url[b..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}
