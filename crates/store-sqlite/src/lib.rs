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
    let tulis = SqlitePoolOptions::new()
        .max_connections(1)
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
