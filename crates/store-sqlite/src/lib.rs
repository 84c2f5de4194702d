//! The Store on SQLite: the embedded default, a single file created on first start.
//!
//! WAL journal, one writer connection (so write transactions never contend for the lock), a pool
//! of readers, `busy_timeout` for other processes, foreign keys on. Migrations are applied on open.

use async_trait::async_trait;
use kinerja_store::sql::{waktu_teks, Backend, Param, Row, SqlStore, Tx, Value};
use kinerja_store::StoreResult;
use sqlx::sqlite::{
    SqliteArguments, SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::{Row as _, Sqlite, SqlitePool, TypeInfo, ValueRef};
use std::str::FromStr;
use std::time::Duration;

const MIGRASI: &[(i64, &str)] = &[
    (1, include_str!("../migrations/0001_dasar.sql")),
    (2, include_str!("../migrations/0002_skp.sql")),
    (3, include_str!("../migrations/0003_pelaksanaan.sql")),
    (4, include_str!("../migrations/0004_evaluasi.sql")),
    (5, include_str!("../migrations/0005_dokumen.sql")),
    (6, include_str!("../migrations/0006_tindak_lanjut.sql")),
    (7, include_str!("../migrations/0007_batas_masuk.sql")),
];

pub struct SqliteBackend {
    tulis: SqlitePool,
    baca: SqlitePool,
}

pub type SqliteStore = SqlStore<SqliteBackend>;

/// Open (creating if needed) the database at `url` (`sqlite://PATH` or a plain path) and apply
/// pending migrations.
pub async fn buka(url: &str) -> StoreResult<SqliteStore> {
    let path = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
        .unwrap_or(url);
    let opsi = SqliteConnectOptions::from_str(&format!("sqlite://{path}"))
        .map_err(galat)?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .busy_timeout(Duration::from_secs(10))
        .foreign_keys(true)
        .pragma("temp_store", "memory")
        .pragma("cache_size", "-32000");
    // The writer stays open for the life of the store (no idle reaping): besides saving the
    // reconnects, an open connection is how `kinerja restore` sees that a server holds the file.
    let tulis = SqlitePoolOptions::new()
        .max_connections(1)
        .min_connections(1)
        .idle_timeout(None)
        .max_lifetime(None)
        .connect_with(opsi.clone())
        .await
        .map_err(galat)?;
    migrasi(&tulis).await?;
    let baca = SqlitePoolOptions::new()
        .max_connections(8)
        .connect_with(opsi.read_only(true))
        .await
        .map_err(galat)?;
    Ok(SqlStore::new(SqliteBackend { tulis, baca }))
}

async fn migrasi(pool: &SqlitePool) -> StoreResult<()> {
    let mut tx = pool.begin().await.map_err(galat)?;
    sqlx::raw_sql("CREATE TABLE IF NOT EXISTS skema_migrasi (versi INTEGER PRIMARY KEY, diterapkan TEXT NOT NULL)")
        .execute(&mut *tx)
        .await
        .map_err(galat)?;
    for (versi, sql) in MIGRASI {
        let ada: Option<(i64,)> =
            sqlx::query_as("SELECT versi FROM skema_migrasi WHERE versi = $1")
                .bind(versi)
                .fetch_optional(&mut *tx)
                .await
                .map_err(galat)?;
        if ada.is_none() {
            sqlx::raw_sql(sql).execute(&mut *tx).await.map_err(galat)?;
            sqlx::query("INSERT INTO skema_migrasi (versi, diterapkan) VALUES ($1, $2)")
                .bind(versi)
                .bind(waktu_teks(&chrono::Utc::now()))
                .execute(&mut *tx)
                .await
                .map_err(galat)?;
        }
    }
    tx.commit().await.map_err(galat)
}

impl SqliteBackend {
    /// Run raw SQL on the writer (tests that tamper with the database on purpose, backups).
    pub async fn sql_mentah(&self, sql: &str) -> StoreResult<()> {
        sqlx::raw_sql(sql)
            .execute(&self.tulis)
            .await
            .map_err(galat)?;
        Ok(())
    }

    /// Close every connection; the last one to close folds the WAL back into the file.
    pub async fn tutup(&self) {
        self.baca.close().await;
        self.tulis.close().await;
    }
}

// --- backup and restore (`kinerja backup`, `kinerja restore`) ------------------------------------

/// The file of an SQLite URL (`sqlite://PATH`, `sqlite:PATH` or a plain path).
pub fn jalur_berkas(url: &str) -> std::path::PathBuf {
    let s = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
        .unwrap_or(url);
    std::path::PathBuf::from(s.split('?').next().unwrap_or(s))
}

/// One connection to an existing database file: no migration, nothing created.
async fn sambung(path: &std::path::Path, tunggu: Duration) -> StoreResult<sqlx::SqliteConnection> {
    use sqlx::ConnectOptions;
    SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(false)
        .busy_timeout(tunggu)
        .connect()
        .await
        .map_err(galat)
}

/// Copy the database at `sumber` into the new file `tujuan` while servers keep using it:
/// `VACUUM INTO` reads one consistent snapshot (in WAL mode readers never block the writer)
/// and writes a compact copy; the copy is then switched to a rollback journal, so it is one
/// self-contained file. `tujuan` must not exist yet.
pub async fn cadangkan(sumber: &std::path::Path, tujuan: &std::path::Path) -> StoreResult<()> {
    let mut c = sambung(sumber, Duration::from_secs(30)).await?;
    sqlx::query("VACUUM INTO $1")
        .bind(tujuan.to_string_lossy().into_owned())
        .execute(&mut c)
        .await
        .map_err(galat)?;
    sqlx::Connection::close(c).await.map_err(galat)?;
    let mut salinan = sambung(tujuan, Duration::from_secs(5)).await?;
    sqlx::query("PRAGMA journal_mode = DELETE")
        .execute(&mut salinan)
        .await
        .map_err(galat)?;
    sqlx::Connection::close(salinan).await.map_err(galat)
}

/// What a sound Kinerja database file holds: the row count of every table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IsiBerkas {
    /// (table, rows), by name.
    pub tabel: Vec<(String, i64)>,
    /// The newest migration applied.
    pub versi_skema: i64,
}

impl IsiBerkas {
    pub fn jumlah_baris(&self) -> i64 {
        self.tabel.iter().map(|(_, n)| n).sum()
    }
    pub fn baris(&self, tabel: &str) -> Option<i64> {
        self.tabel.iter().find(|(t, _)| t == tabel).map(|(_, n)| *n)
    }
}

/// Check that `path` is a sound Kinerja database: an SQLite file whose `integrity_check` is
/// `ok`, whose `foreign_key_check` is empty, and which has Kinerja's migrations table and audit
/// log. The error is a message in Indonesian for the operator.
pub async fn periksa_berkas(path: &std::path::Path) -> Result<IsiBerkas, String> {
    let nama = path.display();
    if !path.is_file() {
        return Err(format!("{nama}: berkas tidak ditemukan"));
    }
    let bukan = |e: &dyn std::fmt::Display| {
        format!("{nama} bukan basis data SQLite Kinerja yang dapat dibaca ({e})")
    };
    let mut c = sambung(path, Duration::from_secs(5))
        .await
        .map_err(|e| bukan(&e))?;
    let hasil: Vec<(String,)> = sqlx::query_as("PRAGMA integrity_check")
        .fetch_all(&mut c)
        .await
        .map_err(|e| bukan(&e))?;
    if hasil.len() != 1 || hasil[0].0 != "ok" {
        let ringkas: Vec<String> = hasil.into_iter().take(5).map(|(s,)| s).collect();
        return Err(format!(
            "{nama}: pemeriksaan keutuhan SQLite gagal: {}",
            ringkas.join("; ")
        ));
    }
    let fk = sqlx::query("PRAGMA foreign_key_check")
        .fetch_all(&mut c)
        .await
        .map_err(|e| bukan(&e))?;
    if !fk.is_empty() {
        return Err(format!(
            "{nama}: {} baris merujuk baris yang tidak ada (foreign_key_check)",
            fk.len()
        ));
    }
    let nama_tabel: Vec<(String,)> = sqlx::query_as(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .fetch_all(&mut c)
    .await
    .map_err(|e| bukan(&e))?;
    let ada = |t: &str| nama_tabel.iter().any(|(n,)| n == t);
    if !ada("skema_migrasi") || !ada("audit_log") {
        return Err(format!(
            "{nama} adalah basis data SQLite, tetapi bukan basis data Kinerja (tabel skema_migrasi dan audit_log tidak ada)"
        ));
    }
    let (versi_skema,): (i64,) =
        sqlx::query_as("SELECT COALESCE(MAX(versi), 0) FROM skema_migrasi")
            .fetch_one(&mut c)
            .await
            .map_err(|e| bukan(&e))?;
    let mut tabel = Vec::with_capacity(nama_tabel.len());
    for (t,) in nama_tabel {
        let (n,): (i64,) = sqlx::query_as(&format!(
            "SELECT COUNT(*) FROM \"{}\"",
            t.replace('"', "\"\"")
        ))
        .fetch_one(&mut c)
        .await
        .map_err(|e| bukan(&e))?;
        tabel.push((t, n));
    }
    sqlx::Connection::close(c).await.map_err(|e| bukan(&e))?;
    Ok(IsiBerkas { tabel, versi_skema })
}

/// Take the database at `path` away from use: when no other connection holds it open (no
/// running `kinerja serve`), fold its WAL back into the file (rollback journal), so the file can
/// be moved on its own, and answer true; when another connection holds it, change nothing and
/// answer false.
pub async fn lepaskan(path: &std::path::Path) -> StoreResult<bool> {
    let terkunci = |pesan: &str| pesan.contains("locked") || pesan.contains("busy");
    let mut c = match sambung(path, Duration::ZERO).await {
        Ok(c) => c,
        Err(e) if terkunci(&e.to_string()) => return Ok(false),
        Err(e) => return Err(e),
    };
    // Leaving WAL needs the only connection; it cannot wait (busy_timeout does not apply).
    let r = sqlx::query_as::<_, (String,)>("PRAGMA journal_mode = DELETE")
        .fetch_one(&mut c)
        .await;
    let _ = sqlx::Connection::close(c).await;
    match r {
        Ok((mode,)) => Ok(mode.eq_ignore_ascii_case("delete")),
        Err(e) if terkunci(&e.to_string()) => Ok(false),
        Err(e) => Err(galat(e)),
    }
}

fn ikat<'q>(
    mut q: sqlx::query::Query<'q, Sqlite, SqliteArguments<'q>>,
    params: Vec<Param>,
) -> sqlx::query::Query<'q, Sqlite, SqliteArguments<'q>> {
    for p in params {
        q = match p {
            Param::I64(v) => q.bind(v),
            Param::F64(v) => q.bind(v),
            Param::Bool(v) => q.bind(v),
            Param::Text(v) => q.bind(v),
            Param::Ts(v) => q.bind(v.as_ref().map(waktu_teks)),
            Param::Date(v) => q.bind(v.map(|d| d.format("%Y-%m-%d").to_string())),
        };
    }
    q
}

fn baris(r: &sqlx::sqlite::SqliteRow) -> StoreResult<Row> {
    let mut out = Vec::with_capacity(r.columns().len());
    for i in 0..r.columns().len() {
        let raw = r.try_get_raw(i).map_err(galat)?;
        let v = if raw.is_null() {
            Value::Null
        } else {
            match raw.type_info().name() {
                "INTEGER" | "BOOLEAN" => Value::I64(r.try_get(i).map_err(galat)?),
                "REAL" => Value::F64(r.try_get(i).map_err(galat)?),
                "BLOB" => Value::Bytes(r.try_get(i).map_err(galat)?),
                _ => Value::Text(r.try_get(i).map_err(galat)?),
            }
        };
        out.push(v);
    }
    Ok(Row(out))
}

kinerja_store::sqlx_backend!(Sqlite);

#[async_trait]
impl Tx for Tulis {
    fn baris_json(&self, param: usize, kolom: &[(&str, kinerja_store::sql::Tipe)]) -> String {
        let pilih: Vec<String> = kolom
            .iter()
            .map(|(k, _)| format!("json_extract(value, '$.{k}')"))
            .collect();
        format!("SELECT {} FROM json_each(${param})", pilih.join(", "))
    }
    async fn commit(self) -> StoreResult<()> {
        self.0.commit().await.map_err(galat)
    }
    async fn kunci_audit(&mut self, _instansi_id: i64) -> StoreResult<()> {
        // One writer connection: transactions are already serialised.
        Ok(())
    }
}

#[async_trait]
impl Backend for SqliteBackend {
    type Read = Baca;
    type Tx = Tulis;
    fn name(&self) -> &'static str {
        "sqlite"
    }
    async fn read(&self) -> StoreResult<Baca> {
        Ok(Baca(self.baca.acquire().await.map_err(galat)?))
    }
    async fn begin(&self) -> StoreResult<Tulis> {
        Ok(Tulis(self.tulis.begin().await.map_err(galat)?))
    }
}
