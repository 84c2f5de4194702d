//! `kinerja`: the one binary — serve the web application and API, and the operator's tools.

mod cadangan;
mod surel;

use clap::{Parser, Subcommand};
use kinerja_app::impor::JenisData;
use kinerja_app::App;
use kinerja_store::Store;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

#[derive(Parser)]
#[command(
    name = "kinerja",
    version,
    about = "Pengelolaan kinerja ASN (PermenPANRB 6/2022)"
)]
struct Cli {
    /// sqlite://PATH (default: kinerja.db in the working directory) or postgres://…
    #[arg(long, global = true, env = "DATABASE_URL")]
    database: Option<String>,
    /// Where evidence files (bukti dukung) are kept; never a served folder.
    #[arg(
        long,
        global = true,
        env = "KINERJA_BUKTI_DIR",
        default_value = "kinerja-bukti"
    )]
    bukti_dir: std::path::PathBuf,
    /// Where generated files (reporting bundles) are kept; never a served folder.
    #[arg(
        long,
        global = true,
        env = "KINERJA_BERKAS_DIR",
        default_value = "kinerja-berkas"
    )]
    berkas_dir: std::path::PathBuf,
    /// The address people reach this server at, printed in documents' verification links
    /// (default: http:// and the listen address).
    #[arg(long, global = true, env = "KINERJA_URL_PUBLIK")]
    url_publik: Option<String>,
    #[command(subcommand)]
    perintah: Perintah,
}

#[derive(Subcommand)]
enum Perintah {
    /// Serve the web application and the JSON API.
    Serve {
        #[arg(long, env = "KINERJA_LISTEN", default_value = "127.0.0.1:8080")]
        listen: String,
        /// Mark cookies Secure (when served behind TLS).
        #[arg(long, env = "KINERJA_COOKIE_SECURE")]
        cookie_secure: bool,
        /// A reverse proxy in front sets X-Forwarded-For: count failed logins per the client
        /// address it reports (never set this without such a proxy: the header can be forged).
        #[arg(long, env = "KINERJA_PERCAYA_PROXY")]
        percaya_proxy: bool,
        /// Load the demo instansi first (as `kinerja demo`) and print its logins.
        #[arg(long)]
        demo: bool,
        /// Largest evidence upload, in MB.
        #[arg(long, env = "KINERJA_MAKS_UNGGAH_MB", default_value_t = 20)]
        maks_unggah_mb: u64,
        /// Send reminders by e-mail through this SMTP server: smtp://host:25,
        /// smtp://user:pass@host:587?tls=required (STARTTLS) or smtps://user:pass@host:465.
        #[arg(long, env = "KINERJA_SMTP_URL")]
        smtp_url: Option<String>,
        /// Sender of those e-mails.
        #[arg(
            long,
            env = "KINERJA_SMTP_FROM",
            default_value = "Kinerja <kinerja@localhost>"
        )]
        smtp_from: String,
        /// This node's name in the jobs table (default: host name and process id).
        #[arg(long, env = "KINERJA_NODE")]
        node: Option<String>,
    },
    /// Send the reminders due on a day now (the server's runner does this every morning).
    Reminders {
        /// The day (YYYY-MM-DD), today by default.
        #[arg(long)]
        tanggal: Option<chrono::NaiveDate>,
    },
    /// Apply database migrations (PostgreSQL; SQLite migrates itself on open).
    Migrate,
    /// Load the demo instansi and print the demo logins (harmless to repeat).
    Demo {
        #[arg(long, default_value_t = 2026)]
        seed: u64,
    },
    /// Accounts.
    User {
        #[command(subcommand)]
        perintah: PerintahUser,
    },
    /// Import units, positions or pegawai from CSV or XLSX (validated whole; all or nothing).
    Import {
        /// unit, jabatan, pegawai, or organisasi (an XLSX workbook with all three sheets)
        #[arg(long)]
        jenis: String,
        file: std::path::PathBuf,
    },
    /// Export units, positions or pegawai as CSV or XLSX.
    Export {
        #[arg(long)]
        jenis: String,
        #[arg(long, default_value = "csv")]
        format: String,
        /// Output file (default: standard output).
        #[arg(long)]
        output: Option<std::path::PathBuf>,
    },
    /// Start a year for the whole instansi: a draft SKP for every pegawai (copied from last
    /// year's where one exists). Idempotent; resumes a job a stopped server left running.
    StartYear {
        #[arg(long)]
        tahun: i32,
    },
    /// The audit log.
    Audit {
        #[command(subcommand)]
        perintah: PerintahAudit,
    },
    /// Back up the database, online (the server may keep running).
    ///
    /// SQLite: `VACUUM INTO` copies one consistent snapshot while writes go on; the copy is
    /// checked (`PRAGMA integrity_check`, `foreign_key_check`, Kinerja's tables) before it is
    /// renamed to FILE, and a summary (size, tables, rows, audit entries) is printed.
    /// PostgreSQL: runs `pg_dump --format=custom --no-owner --no-privileges --file=FILE URL`
    /// (pg_dump must be on PATH, of the server's major version or newer) and checks the archive
    /// with `pg_restore --list`. FILE must not exist. Evidence files (--bukti-dir) are not in
    /// the database: copy that directory as well.
    Backup {
        /// The backup file to write (never overwritten).
        #[arg(long)]
        output: std::path::PathBuf,
    },
    /// Restore the database from a backup made by `kinerja backup`.
    ///
    /// SQLite: checks FILE (an SQLite file, integrity_check ok, Kinerja's tables, an unbroken
    /// audit chain), copies it next to the database, refuses while a server holds the database,
    /// keeps the current database as `<db>.sebelum-restore-<time>` and renames the copy over it.
    /// PostgreSQL: runs `pg_restore --no-owner --no-privileges --exit-on-error
    /// --single-transaction` into the database of --database, which must be new and empty
    /// (createdb NAME first), then verifies the audit chain.
    Restore {
        /// The backup file.
        file: std::path::PathBuf,
    },
}

#[derive(Subcommand)]
enum PerintahUser {
    /// Create the administrator, or reset its password (idempotent).
    AddAdmin {
        #[arg(long)]
        username: String,
        #[arg(long)]
        password: String,
    },
}

#[derive(Subcommand)]
enum PerintahAudit {
    /// Recompute the hash chain and report the first broken link.
    Verify,
}

async fn buka(url: &Option<String>, migrasi_pg: bool) -> Result<Arc<dyn Store>, String> {
    let url = url.clone().unwrap_or_else(|| "sqlite://kinerja.db".into());
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        let s = kinerja_store_postgres::buka(&url)
            .await
            .map_err(|e| e.to_string())?;
        if migrasi_pg {
            kinerja_store_postgres::migrasi(&s)
                .await
                .map_err(|e| e.to_string())?;
        }
        Ok(Arc::new(s))
    } else {
        Ok(Arc::new(
            kinerja_store_sqlite::buka(&url)
                .await
                .map_err(|e| e.to_string())?,
        ))
    }
}

/// The app keeping evidence in `dir` (created if needed).
async fn dengan_bukti(app: App, dir: &std::path::Path) -> Result<App, String> {
    let penyimpanan = kinerja_bukti::DirektoriLokal::buka_direktori(dir)
        .await
        .map_err(|err| format!("{}: {err}", dir.display()))?;
    Ok(app.dengan_bukti(Arc::new(penyimpanan)))
}

#[tokio::main]
async fn main() -> ExitCode {
    // Like other command-line tools, end quietly when the reader of our output goes away
    // (`kinerja demo | head`) instead of panicking on a closed pipe.
    #[cfg(unix)]
    // SAFETY: restoring the default disposition of SIGPIPE before any thread writes output.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,sqlx=warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    match jalankan(cli).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("kinerja: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn jalankan(cli: Cli) -> Result<(), String> {
    let e = |e: kinerja_app::AppError| e.to_string();
    match cli.perintah {
        Perintah::Serve {
            listen,
            cookie_secure,
            percaya_proxy,
            demo,
            maks_unggah_mb,
            smtp_url,
            smtp_from,
            node,
        } => {
            let store = buka(&cli.database, demo).await?;
            let mut app = dengan_bukti(App::new(store), &cli.bukti_dir).await?;
            app.batas_unggah = maks_unggah_mb.clamp(1, 1024) * 1024 * 1024;
            app.direktori_berkas = cli.berkas_dir.clone();
            app.url_publik = cli
                .url_publik
                .clone()
                .unwrap_or_else(|| format!("http://{listen}"));
            if let Some(url) = smtp_url {
                app = app.dengan_surel(Arc::new(surel::Smtp::baru(&url, &smtp_from)?));
                tracing::info!("Surel pengingat dikirim melalui SMTP");
            }
            let node = node.unwrap_or_else(|| {
                format!(
                    "{}-{}",
                    std::env::var("HOSTNAME").unwrap_or_else(|_| "kinerja".into()),
                    std::process::id()
                )
            });
            tokio::spawn(
                app.clone()
                    .jalankan_pekerja(node, std::time::Duration::from_secs(60)),
            );
            if demo {
                muat_demo(&app, 2026).await?;
            }
            app.instansi_utama().await.map_err(|err| {
                format!("{err}; untuk PostgreSQL jalankan dahulu `kinerja migrate --database URL`")
            })?;
            let n = app.lanjutkan_tugas().await.map_err(e)?;
            if n > 0 {
                tracing::info!("{n} tugas latar yang terhenti dilanjutkan");
            }
            let router = kinerja_web::router(
                app,
                kinerja_web::Opsi {
                    cookie_aman: cookie_secure,
                    percaya_proxy,
                },
            );
            let listener = tokio::net::TcpListener::bind(&listen)
                .await
                .map_err(|err| format!("{listen}: {err}"))?;
            tracing::info!("Kinerja siap di http://{listen}");
            // The peer address reaches the handlers (failed logins are counted per address).
            let layanan = router.into_make_service_with_connect_info::<std::net::SocketAddr>();
            axum::serve(listener, layanan)
                .with_graceful_shutdown(async {
                    let ctrl_c = tokio::signal::ctrl_c();
                    #[cfg(unix)]
                    {
                        let mut term = tokio::signal::unix::signal(
                            tokio::signal::unix::SignalKind::terminate(),
                        )
                        .expect("signal");
                        tokio::select! { _ = ctrl_c => {}, _ = term.recv() => {} }
                    }
                    #[cfg(not(unix))]
                    let _ = ctrl_c.await;
                })
                .await
                .map_err(|err| err.to_string())
        }
        Perintah::Reminders { tanggal } => {
            let app = App::new(buka(&cli.database, false).await?);
            let inst = app.instansi_utama().await.map_err(e)?;
            let hari = tanggal.unwrap_or_else(kinerja_app::skp::hari_ini);
            let n = app.kirim_pengingat(inst.id, hari).await.map_err(e)?;
            println!("{n} pengingat baru untuk {hari}.");
            Ok(())
        }
        Perintah::Migrate => {
            let store = buka(&cli.database, true).await?;
            println!("Migrasi selesai ({}).", store.backend());
            Ok(())
        }
        Perintah::Demo { seed } => {
            let app =
                dengan_bukti(App::new(buka(&cli.database, true).await?), &cli.bukti_dir).await?;
            muat_demo(&app, seed).await
        }
        Perintah::User {
            perintah: PerintahUser::AddAdmin { username, password },
        } => {
            let app = App::new(buka(&cli.database, true).await?);
            let a = app.tambah_admin(&username, &password).await.map_err(e)?;
            println!("Admin '{}' siap.", a.username);
            Ok(())
        }
        Perintah::Import { jenis, file } => {
            let app = App::new(buka(&cli.database, false).await?);
            let jenis = JenisData::dari_kode(&jenis).map_err(|g| g.to_string())?;
            let isi = std::fs::read(&file).map_err(|err| format!("{}: {err}", file.display()))?;
            let p = app.pengguna_sistem().await.map_err(e)?;
            let mulai = Instant::now();
            match app.impor(&p, jenis, &isi).await {
                Ok(r) => {
                    println!(
                        "Impor selesai dalam {:.2} detik: unit {}/{}, jabatan {}/{}, pegawai {}/{} (baru/diubah).",
                        mulai.elapsed().as_secs_f64(), r.unit_baru, r.unit_diubah, r.jabatan_baru, r.jabatan_diubah, r.pegawai_baru, r.pegawai_diubah
                    );
                    Ok(())
                }
                Err(kinerja_app::AppError::ImporDitolak { pesan, galat }) => {
                    for g in &galat {
                        eprintln!(
                            "{} baris {} kolom {}: {}",
                            g.lembar, g.baris, g.kolom, g.pesan
                        );
                    }
                    Err(pesan)
                }
                Err(err) => Err(err.to_string()),
            }
        }
        Perintah::Export {
            jenis,
            format,
            output,
        } => {
            let app = App::new(buka(&cli.database, false).await?);
            let jenis = JenisData::dari_kode(&jenis).map_err(|g| g.to_string())?;
            let p = app.pengguna_sistem().await.map_err(e)?;
            let b = app.ekspor(&p, jenis, format == "xlsx").await.map_err(e)?;
            match output {
                Some(path) => std::fs::write(&path, &b.isi)
                    .map_err(|err| format!("{}: {err}", path.display())),
                None => {
                    use std::io::Write;
                    std::io::stdout()
                        .write_all(&b.isi)
                        .map_err(|err| err.to_string())
                }
            }
        }
        Perintah::StartYear { tahun } => {
            let app = App::new(buka(&cli.database, false).await?);
            let p = app.pengguna_sistem().await.map_err(e)?;
            let mulai = Instant::now();
            let t = app.mulai_tahun_sekarang(&p, tahun).await.map_err(e)?;
            let detik = mulai.elapsed().as_secs_f64();
            println!(
                "Tahun {tahun} dimulai dalam {detik:.2} detik: {} SKP dibuat untuk {} pegawai ({:.0} SKP/detik); tugas #{} {}.",
                t.dibuat_skp,
                t.diproses,
                t.dibuat_skp as f64 / detik.max(1e-9),
                t.id,
                t.status
            );
            Ok(())
        }
        Perintah::Backup { output } => cadangan::cadangkan(&cli.database, &output).await,
        Perintah::Restore { file } => cadangan::pulihkan(&cli.database, &file).await,
        Perintah::Audit {
            perintah: PerintahAudit::Verify,
        } => {
            let store = buka(&cli.database, false).await?;
            let h = store
                .verifikasi_audit()
                .await
                .map_err(|err| err.to_string())?;
            if h.utuh() {
                println!(
                    "Log audit utuh: {} entri, rantai hash tidak terputus.",
                    h.jumlah_entri
                );
                for u in &h.ujung {
                    println!(
                        "Ujung rantai instansi {}: entri #{} hash {} (simpan di luar basis data untuk dibandingkan kelak)",
                        u.instansi_id, u.seq, u.hash
                    );
                }
                Ok(())
            } else {
                for r in &h.rusak {
                    println!(
                        "RUSAK: instansi {} entri #{}: {}",
                        r.instansi_id, r.seq, r.alasan
                    );
                }
                Err(format!(
                    "log audit tidak utuh ({} rantai rusak)",
                    h.rusak.len()
                ))
            }
        }
    }
}

/// Load the demo instansi and print what was loaded and the demo logins.
async fn muat_demo(app: &App, seed: u64) -> Result<(), String> {
    let mulai = Instant::now();
    let r = app.muat_demo(seed).await.map_err(|e| e.to_string())?;
    let i = &r.impor;
    println!(
        "Instansi demo: {} ({} pegawai) dimuat dalam {:.1} detik.",
        r.instansi,
        r.pegawai,
        mulai.elapsed().as_secs_f64()
    );
    println!(
        "  unit {} baru/{} diubah, jabatan {} baru/{} diubah, pegawai {} baru/{} diubah, akun {} baru",
        i.unit_baru, i.unit_diubah, i.jabatan_baru, i.jabatan_diubah, i.pegawai_baru, i.pegawai_diubah, r.akun_baru
    );
    if r.skp > 0 {
        println!(
            "  SKP 2026 dalam berbagai status untuk {} pegawai satu perangkat daerah demo",
            r.skp
        );
    }
    let x = &r.pelaksanaan;
    if x.realisasi > 0 {
        println!(
            "  Pelaksanaan 2026: {} realisasi bulanan, {} bukti dukung, {} umpan balik",
            x.realisasi, x.bukti, x.umpan_balik
        );
    }
    let e = &r.evaluasi;
    if e.evaluasi > 0 {
        println!(
            "  Evaluasi 2026: {} capaian organisasi, {} evaluasi periodik/tahunan, {} keberatan",
            e.capaian, e.evaluasi, e.keberatan
        );
    }
    println!(
        "\nAkun demo (kata sandi semua: {}):",
        kinerja_app::demo::PASSWORD_DEMO
    );
    for l in &r.logins {
        println!(
            "  {:<20} {:<20} {} — {}",
            l.peran, l.username, l.nama, l.jabatan
        );
    }
    Ok(())
}
