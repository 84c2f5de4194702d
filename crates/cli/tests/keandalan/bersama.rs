//! What the reliability scenarios share: the demo database (made once per backend with
//! `kinerja demo`, then copied per scenario), the real `kinerja serve` process on a free port,
//! a blocking HTTP client logged in as a demo account, and direct SQL on the database files.

use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

pub const PASSWORD: &str = "demo12345";

pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_kinerja")
}

/// Run `kinerja ARGS` to completion.
pub fn kinerja(args: &[&str]) -> Output {
    Command::new(bin())
        .args(args)
        .env("RUST_LOG", "warn")
        .env_remove("DATABASE_URL")
        .output()
        .expect("run kinerja")
}

pub fn teks(o: &Output) -> String {
    format!(
        "exit {:?}\n--- stdout\n{}--- stderr\n{}",
        o.status.code(),
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// Run a future to completion on a small runtime of its own (the tests are synchronous).
pub fn blok<F: std::future::Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime")
        .block_on(f)
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Jenis {
    Sqlite,
    Postgres,
}

/// The demo instansi loaded once; scenarios take copies of it.
pub struct Demo {
    pub jenis: Jenis,
    pub dir: tempfile::TempDir,
    /// Role (as `kinerja demo` prints it) → username.
    pub login: BTreeMap<String, String>,
    /// SQLite: the template file; PostgreSQL: the template database's name.
    templat: String,
    pg_admin: String,
}

static NOMOR: AtomicU32 = AtomicU32::new(0);

impl Demo {
    pub fn sqlite() -> Demo {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = dir.path().join("demo.db");
        let url = format!("sqlite://{}", db.display());
        let login = muat_demo(&url, dir.path());
        Demo {
            jenis: Jenis::Sqlite,
            dir,
            login,
            templat: db.display().to_string(),
            pg_admin: String::new(),
        }
    }

    /// None when no PostgreSQL server is reachable (a failure under CI=true).
    pub fn postgres() -> Option<Demo> {
        let db = blok(kinerja_store_postgres::uji::DatabaseUji::buat("keandalan"))?;
        let dir = tempfile::tempdir().expect("tempdir");
        let login = muat_demo(&db.url, dir.path());
        let templat = db.url.rsplit('/').next().expect("name").to_string();
        // The DatabaseUji handle is not kept: the template is dropped with the Demo.
        std::mem::forget(db);
        Some(Demo {
            jenis: Jenis::Postgres,
            dir,
            login,
            templat,
            pg_admin: kinerja_store_postgres::uji::server(),
        })
    }

    pub fn username(&self, peran: &str) -> String {
        self.login
            .get(peran)
            .unwrap_or_else(|| panic!("demo login {peran}: {:?}", self.login))
            .clone()
    }

    /// A fresh copy of the demo database.
    pub fn salinan(&self, nama: &str) -> Basis {
        let n = NOMOR.fetch_add(1, Ordering::SeqCst);
        match self.jenis {
            Jenis::Sqlite => {
                let tujuan = self.dir.path().join(format!("{nama}-{n}.db"));
                salin_sqlite(Path::new(&self.templat), &tujuan);
                Basis::Sqlite(tujuan)
            }
            Jenis::Postgres => {
                let db = self.pg_baru(nama, n);
                pg_admin(
                    &self.pg_admin,
                    &format!("CREATE DATABASE {db} TEMPLATE {}", self.templat),
                );
                Basis::Postgres {
                    url: url_pg(&self.pg_admin, &db),
                    admin: self.pg_admin.clone(),
                    nama: db,
                }
            }
        }
    }

    /// A new, empty database (PostgreSQL) or the path of a file that does not exist yet (SQLite).
    pub fn kosong(&self, nama: &str) -> Basis {
        let n = NOMOR.fetch_add(1, Ordering::SeqCst);
        match self.jenis {
            Jenis::Sqlite => Basis::Sqlite(self.dir.path().join(format!("{nama}-{n}.db"))),
            Jenis::Postgres => {
                let db = self.pg_baru(nama, n);
                pg_admin(&self.pg_admin, &format!("CREATE DATABASE {db}"));
                Basis::Postgres {
                    url: url_pg(&self.pg_admin, &db),
                    admin: self.pg_admin.clone(),
                    nama: db,
                }
            }
        }
    }

    fn pg_baru(&self, nama: &str, n: u32) -> String {
        format!("{}_{}_{n}", self.templat, nama.replace('-', "_"))
    }
}

impl Drop for Demo {
    fn drop(&mut self) {
        if self.jenis == Jenis::Postgres {
            pg_admin(
                &self.pg_admin,
                &format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.templat),
            );
        }
    }
}

fn url_pg(admin: &str, db: &str) -> String {
    let dasar = admin.rsplit_once('/').map(|(b, _)| b).unwrap_or(admin);
    format!("{dasar}/{db}")
}

fn pg_admin(admin: &str, sql: &str) {
    blok(async {
        use sqlx::Connection;
        let mut c = sqlx::PgConnection::connect(admin)
            .await
            .expect("connect to PostgreSQL");
        sqlx::raw_sql(sql)
            .execute(&mut c)
            .await
            .unwrap_or_else(|e| panic!("{sql}: {e}"));
    });
}

/// `kinerja demo` into `url`; the logins it prints.
fn muat_demo(url: &str, dir: &Path) -> BTreeMap<String, String> {
    let mulai = Instant::now();
    let bukti = dir.join("bukti-demo");
    let o = kinerja(&[
        "demo",
        "--database",
        url,
        "--bukti-dir",
        bukti.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "kinerja demo: {}", teks(&o));
    let keluaran = String::from_utf8_lossy(&o.stdout).into_owned();
    let peran = [
        "Admin BKPSDM",
        "Kepala Dinas",
        "Kepala Bidang",
        "Kepala Seksi",
        "Jabatan Fungsional",
        "Pelaksana",
    ];
    let mut login = BTreeMap::new();
    for baris in keluaran.lines().skip_while(|l| !l.starts_with("Akun demo")) {
        let b = baris.trim_start();
        for p in peran {
            if let Some(sisa) = b.strip_prefix(p) {
                if let Some(u) = sisa.split_whitespace().next() {
                    login.insert(p.to_string(), u.to_string());
                }
            }
        }
    }
    assert_eq!(login.len(), peran.len(), "demo logins: {keluaran}");
    eprintln!(
        "demo dimuat ({url}) dalam {:.1} detik",
        mulai.elapsed().as_secs_f64()
    );
    login
}

/// Copy a database file that no process holds, with its WAL.
pub fn salin_sqlite(asal: &Path, tujuan: &Path) {
    std::fs::copy(asal, tujuan).expect("copy database");
    let wal = PathBuf::from(format!("{}-wal", asal.display()));
    if wal.exists() {
        std::fs::copy(&wal, format!("{}-wal", tujuan.display())).expect("copy wal");
    }
}

/// One database of a scenario.
pub enum Basis {
    Sqlite(PathBuf),
    Postgres {
        url: String,
        admin: String,
        nama: String,
    },
}

impl Basis {
    pub fn url(&self) -> String {
        match self {
            Basis::Sqlite(p) => format!("sqlite://{}", p.display()),
            Basis::Postgres { url, .. } => url.clone(),
        }
    }

    /// Rows of one query (every column read as text, NULL as "").
    pub fn kueri(&self, sql: &str) -> Vec<Vec<String>> {
        blok(async {
            match self {
                Basis::Sqlite(p) => {
                    use sqlx::{ConnectOptions, Row};
                    let mut c = sqlx::sqlite::SqliteConnectOptions::new()
                        .filename(p)
                        .create_if_missing(false)
                        .connect()
                        .await
                        .expect("open sqlite");
                    let rows = sqlx::query(sql)
                        .fetch_all(&mut c)
                        .await
                        .unwrap_or_else(|e| panic!("{sql}: {e}"));
                    let out = rows
                        .iter()
                        .map(|r| (0..r.len()).map(|i| sel_sqlite(r, i)).collect())
                        .collect();
                    let _ = sqlx::Connection::close(c).await;
                    out
                }
                Basis::Postgres { url, .. } => {
                    use sqlx::{Connection, Row};
                    let mut c = sqlx::PgConnection::connect(url).await.expect("open pg");
                    let rows = sqlx::query(sql)
                        .fetch_all(&mut c)
                        .await
                        .unwrap_or_else(|e| panic!("{sql}: {e}"));
                    let out = rows
                        .iter()
                        .map(|r| (0..r.len()).map(|i| sel_pg(r, i)).collect())
                        .collect();
                    let _ = c.close().await;
                    out
                }
            }
        })
    }

    /// Run statements (tampering on purpose).
    pub fn jalankan(&self, sql: &str) {
        self.coba(sql).unwrap_or_else(|e| panic!("{sql}: {e}"));
    }

    /// Run statements; the database's refusal as an error.
    pub fn coba(&self, sql: &str) -> Result<(), String> {
        blok(async {
            match self {
                Basis::Sqlite(p) => {
                    use sqlx::ConnectOptions;
                    let mut c = sqlx::sqlite::SqliteConnectOptions::new()
                        .filename(p)
                        .create_if_missing(false)
                        .connect()
                        .await
                        .expect("open sqlite");
                    let r = sqlx::raw_sql(sql).execute(&mut c).await;
                    let _ = sqlx::Connection::close(c).await;
                    r.map(|_| ()).map_err(|e| e.to_string())
                }
                Basis::Postgres { url, .. } => {
                    use sqlx::Connection;
                    let mut c = sqlx::PgConnection::connect(url).await.expect("open pg");
                    let r = sqlx::raw_sql(sql).execute(&mut c).await;
                    let _ = c.close().await;
                    r.map(|_| ()).map_err(|e| e.to_string())
                }
            }
        })
    }

    pub fn satu(&self, sql: &str) -> i64 {
        let r = self.kueri(sql);
        r[0][0]
            .parse()
            .unwrap_or_else(|_| panic!("{sql}: {:?}", r[0][0]))
    }

    /// The row count of every table (the migrations table included).
    pub fn hitung(&self) -> BTreeMap<String, i64> {
        let daftar = match self {
            Basis::Sqlite(_) => "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
            Basis::Postgres { .. } => "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1",
        };
        let tabel: Vec<String> = self
            .kueri(daftar)
            .into_iter()
            .map(|r| r[0].clone())
            .collect();
        assert!(!tabel.is_empty(), "no tables in {}", self.url());
        let sql = tabel
            .iter()
            .map(|t| format!("SELECT '{t}', COUNT(*) FROM \"{t}\""))
            .collect::<Vec<_>>()
            .join(" UNION ALL ");
        self.kueri(&sql)
            .into_iter()
            .map(|r| (r[0].clone(), r[1].parse().expect("count")))
            .collect()
    }

    /// The database is consistent: SQLite `integrity_check` ok and `foreign_key_check` empty;
    /// PostgreSQL every constraint validated; on both, each instansi's audit chain numbered
    /// without a gap. Panics naming what is wrong.
    pub fn periksa_konsisten(&self) {
        match self {
            Basis::Sqlite(_) => {
                let ic = self.kueri("PRAGMA integrity_check");
                assert_eq!(ic, vec![vec!["ok".to_string()]], "integrity_check");
                let fk = self.kueri("PRAGMA foreign_key_check");
                assert!(fk.is_empty(), "foreign_key_check: {fk:?}");
            }
            Basis::Postgres { .. } => {
                let belum = self.kueri(
                    "SELECT conrelid::regclass::text || '.' || conname FROM pg_constraint \
                     WHERE NOT convalidated AND connamespace = 'public'::regnamespace",
                );
                assert!(belum.is_empty(), "constraints not validated: {belum:?}");
            }
        }
        let lubang = self.kueri(
            "SELECT instansi_id, MIN(seq), MAX(seq), COUNT(*) FROM audit_log GROUP BY instansi_id \
             HAVING MIN(seq) <> 1 OR MAX(seq) <> COUNT(*)",
        );
        assert!(lubang.is_empty(), "audit seq with gaps: {lubang:?}");
    }
}

fn sel_sqlite(r: &sqlx::sqlite::SqliteRow, i: usize) -> String {
    use sqlx::{Row, TypeInfo, ValueRef};
    let raw = r.try_get_raw(i).expect("cell");
    if raw.is_null() {
        return String::new();
    }
    match raw.type_info().name() {
        "INTEGER" | "BOOLEAN" => r.get::<i64, _>(i).to_string(),
        "REAL" => r.get::<f64, _>(i).to_string(),
        "BLOB" => format!("{:?}", r.get::<Vec<u8>, _>(i)),
        _ => r.get::<String, _>(i),
    }
}

fn sel_pg(r: &sqlx::postgres::PgRow, i: usize) -> String {
    use sqlx::{Row, TypeInfo, ValueRef};
    let raw = r.try_get_raw(i).expect("cell");
    if raw.is_null() {
        return String::new();
    }
    match raw.type_info().name() {
        "INT8" => r.get::<i64, _>(i).to_string(),
        "INT4" => r.get::<i32, _>(i).to_string(),
        "INT2" => r.get::<i16, _>(i).to_string(),
        "BOOL" => r.get::<bool, _>(i).to_string(),
        _ => r.get::<String, _>(i),
    }
}

impl Drop for Basis {
    fn drop(&mut self) {
        if let Basis::Postgres { admin, nama, .. } = self {
            pg_admin(
                admin,
                &format!("DROP DATABASE IF EXISTS {nama} WITH (FORCE)"),
            );
        }
    }
}

/// A running `kinerja serve`.
pub struct Server {
    anak: Option<Child>,
    pub dasar: String,
    log: PathBuf,
}

impl Server {
    /// Start `kinerja serve` on `db` and wait until it answers `/healthz`.
    pub fn mulai(db: &Basis, dir: &Path) -> Server {
        for _ in 0..3 {
            let port = TcpListener::bind("127.0.0.1:0")
                .and_then(|l| l.local_addr())
                .expect("free port")
                .port();
            let listen = format!("127.0.0.1:{port}");
            let log = dir.join(format!("serve-{port}.log"));
            let berkas_log = std::fs::File::create(&log).expect("log");
            let anak = Command::new(bin())
                .args(["serve", "--database", &db.url(), "--listen", &listen])
                .arg("--bukti-dir")
                .arg(dir.join("bukti"))
                .arg("--berkas-dir")
                .arg(dir.join("berkas"))
                .env("RUST_LOG", "warn")
                .env_remove("DATABASE_URL")
                .stdin(Stdio::null())
                .stdout(berkas_log.try_clone().expect("log"))
                .stderr(berkas_log)
                .spawn()
                .expect("spawn kinerja serve");
            let mut s = Server {
                anak: Some(anak),
                dasar: format!("http://{listen}"),
                log,
            };
            let batas = Instant::now() + Duration::from_secs(60);
            let agen = ureq::AgentBuilder::new()
                .timeout(Duration::from_secs(2))
                .build();
            loop {
                let siap = agen.get(&format!("{}/healthz", s.dasar)).call().is_ok();
                // (An answer counts only while our process lives: not another's on that port.)
                if let Some(status) = s.anak.as_mut().unwrap().try_wait().expect("wait") {
                    eprintln!("kinerja serve ended ({status}): {}", s.catatan());
                    s.anak = None;
                    break;
                }
                if siap {
                    return s;
                }
                assert!(
                    Instant::now() < batas,
                    "kinerja serve did not answer: {}",
                    s.catatan()
                );
                std::thread::sleep(Duration::from_millis(25));
            }
        }
        panic!("kinerja serve could not be started");
    }

    /// The server's log so far.
    pub fn catatan(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// SIGKILL: no shutdown, no flushing, in-flight transactions cut off.
    pub fn bunuh(&mut self) {
        if let Some(mut a) = self.anak.take() {
            a.kill().expect("SIGKILL");
            a.wait().expect("wait");
        }
    }

    /// SIGTERM: the graceful shutdown an operator does.
    pub fn hentikan(&mut self) {
        if let Some(mut a) = self.anak.take() {
            // SAFETY: signalling our own child process by its id.
            unsafe {
                libc::kill(a.id() as i32, libc::SIGTERM);
            }
            let batas = Instant::now() + Duration::from_secs(20);
            while a.try_wait().expect("wait").is_none() {
                if Instant::now() > batas {
                    let _ = a.kill();
                    break;
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            let _ = a.wait();
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.bunuh();
    }
}

/// A blocking API client with one account's bearer token.
#[derive(Clone)]
pub struct Klien {
    agen: ureq::Agent,
    pub dasar: String,
    pub token: String,
}

/// An answer: status and JSON body (Null when none).
#[derive(Debug, Clone)]
pub struct Jawab {
    pub status: u16,
    pub isi: Value,
}

impl Jawab {
    pub fn sukses(&self) -> bool {
        (200..300).contains(&self.status)
    }
    pub fn kode(&self) -> String {
        self.isi["error"]["code"].as_str().unwrap_or("").to_string()
    }
}

impl Klien {
    /// Log in as a demo account.
    pub fn masuk(dasar: &str, username: &str) -> Klien {
        let mut k = Klien {
            agen: ureq::AgentBuilder::new()
                .timeout(Duration::from_secs(60))
                .build(),
            dasar: dasar.to_string(),
            token: String::new(),
        };
        let r = k
            .kirim(
                "POST",
                "/api/v1/auth/login",
                Some(json!({"username": username, "password": PASSWORD})),
            )
            .expect("login");
        assert_eq!(r.status, 200, "login {username}: {:?}", r.isi);
        k.token = r.isi["token"].as_str().expect("token").to_string();
        k
    }

    /// The same token against another server (a restarted one, a restored copy).
    pub fn ke(&self, dasar: &str) -> Klien {
        Klien {
            agen: ureq::AgentBuilder::new()
                .timeout(Duration::from_secs(60))
                .build(),
            dasar: dasar.to_string(),
            token: self.token.clone(),
        }
    }

    /// Send a request; Err for a transport failure (no answer).
    pub fn kirim(&self, metode: &str, path: &str, badan: Option<Value>) -> Result<Jawab, String> {
        let mut q = self.agen.request(metode, &format!("{}{path}", self.dasar));
        if !self.token.is_empty() {
            q = q.set("Authorization", &format!("Bearer {}", self.token));
        }
        let r = match badan {
            Some(b) => q.send_json(b),
            None => q.call(),
        };
        let (status, resp) = match r {
            Ok(resp) => (resp.status(), resp),
            Err(ureq::Error::Status(s, resp)) => (s, resp),
            Err(e) => return Err(e.to_string()),
        };
        let body = resp.into_string().map_err(|e| e.to_string())?;
        Ok(Jawab {
            status,
            isi: serde_json::from_str(&body).unwrap_or(Value::Null),
        })
    }

    /// A request that must succeed; its body.
    pub fn ok(&self, metode: &str, path: &str, badan: Option<Value>) -> Value {
        let r = self
            .kirim(metode, path, badan)
            .unwrap_or_else(|e| panic!("{metode} {path}: {e}"));
        assert!(r.sukses(), "{metode} {path}: {} {}", r.status, r.isi);
        r.isi
    }
}

/// An IKI body for a new RHK.
pub fn iki(n: usize) -> Value {
    json!({"aspek": "kuantitas", "indikator": format!("Jumlah dokumen {n}"), "target": format!("{} dokumen", n % 20 + 1)})
}

/// A fresh, empty draft SKP of `tahun` for the caller; (id, version).
pub fn skp_baru(k: &Klien, tahun: i32) -> (i64, i64) {
    let d = k.ok(
        "POST",
        "/api/v1/skp",
        Some(json!({"tahun": tahun, "salin_tahun_lalu": false})),
    );
    assert_eq!(
        uraian_rhk(&d),
        Vec::<String>::new(),
        "a new SKP starts empty"
    );
    (
        d["skp"]["id"].as_i64().expect("skp id"),
        d["version"].as_i64().expect("version"),
    )
}

/// The RHK descriptions of an SKP as the API shows it.
pub fn uraian_rhk(d: &Value) -> Vec<String> {
    d["skp"]["rhk"]
        .as_array()
        .expect("rhk")
        .iter()
        .map(|r| r["uraian"].as_str().unwrap_or("").to_string())
        .collect()
}

/// Wait (up to a minute) until `syarat` holds.
pub fn tunggu(apa: &str, mut syarat: impl FnMut() -> bool) {
    let batas = Instant::now() + Duration::from_secs(60);
    while !syarat() {
        assert!(Instant::now() < batas, "timed out waiting for {apa}");
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// A client adding RHK to its own draft SKP, one after another, until `berhenti` is set or the
/// server stops answering; every acknowledged (2xx) RHK's description is pushed to `diakui` in
/// order. Any other answer is an error.
pub fn penulis_rhk(
    k: Klien,
    skp: i64,
    mut versi: i64,
    awalan: String,
    berhenti: std::sync::Arc<std::sync::atomic::AtomicBool>,
    diakui: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
) -> std::thread::JoinHandle<Result<(), String>> {
    std::thread::spawn(move || {
        let mut n = 0usize;
        while !berhenti.load(Ordering::SeqCst) {
            let uraian = format!("{awalan} {n}");
            let body = json!({"version": versi, "jenis": "utama", "uraian": uraian, "iki": iki(n)});
            match k.kirim("POST", &format!("/api/v1/skp/{skp}/rhk"), Some(body)) {
                Ok(r) if r.sukses() => {
                    versi = r.isi["version"].as_i64().ok_or("version")?;
                    diakui.lock().unwrap().push(uraian);
                }
                Ok(r) => return Err(format!("{uraian}: {} {}", r.status, r.isi)),
                Err(_) => return Ok(()),
            }
            n += 1;
        }
        Ok(())
    })
}

/// Whether a PostgreSQL client tool is on PATH; under CI it must be.
pub fn ada_alat(nama: &str) -> bool {
    let ada = Command::new(nama)
        .arg("--version")
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    if !ada {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "{nama} is required under CI (apt-get install postgresql-client)"
        );
        eprintln!("SKIPPED: {nama} not on PATH");
    }
    ada
}
