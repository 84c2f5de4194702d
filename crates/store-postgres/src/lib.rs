//! The Store on PostgreSQL, the scale path: stateless `kinerja serve` nodes over one primary.
//!
//! Migrations are applied by `kinerja migrate`, not by every node at start-up. Appends to an
//! instansi's audit chain are serialised with a transaction-scoped advisory lock.

use async_trait::async_trait;
use kinerja_store::sql::{Backend, Param, Row, SqlStore, Tx, Value};
use kinerja_store::StoreResult;
use sqlx::postgres::{PgArguments, PgPoolOptions, PgRow};
use sqlx::{PgPool, Postgres, Row as _, TypeInfo, ValueRef};

const MIGRASI: &[(i64, &str)] = &[
    (1, include_str!("../migrations/0001_dasar.sql")),
    (2, include_str!("../migrations/0002_skp.sql")),
    (3, include_str!("../migrations/0003_pelaksanaan.sql")),
    (4, include_str!("../migrations/0004_evaluasi.sql")),
    (5, include_str!("../migrations/0005_dokumen.sql")),
    (6, include_str!("../migrations/0006_tindak_lanjut.sql")),
    (7, include_str!("../migrations/0007_batas_masuk.sql")),
];

pub struct PostgresBackend {
    pool: PgPool,
}

pub type PostgresStore = SqlStore<PostgresBackend>;

/// Connect to `url` (`postgres://…`). Does not migrate: call [`migrasi`] (the `kinerja migrate`
/// command) first.
pub async fn buka(url: &str) -> StoreResult<PostgresStore> {
    let pool = PgPoolOptions::new()
        .max_connections(16)
        .connect(url)
        .await
        .map_err(galat)?;
    Ok(SqlStore::new(PostgresBackend { pool }))
}

/// Apply pending migrations, serialised across nodes by an advisory lock.
pub async fn migrasi(store: &PostgresStore) -> StoreResult<u32> {
    let pool = &store.backend_ref().pool;
    let mut tx = pool.begin().await.map_err(galat)?;
    sqlx::query("SELECT pg_advisory_xact_lock(7295001)")
        .execute(&mut *tx)
        .await
        .map_err(galat)?;
    sqlx::raw_sql("CREATE TABLE IF NOT EXISTS skema_migrasi (versi BIGINT PRIMARY KEY, diterapkan TIMESTAMPTZ NOT NULL)")
        .execute(&mut *tx)
        .await
        .map_err(galat)?;
    let mut n = 0;
    for (versi, sql) in MIGRASI {
        let ada: Option<(i64,)> =
            sqlx::query_as("SELECT versi FROM skema_migrasi WHERE versi = $1")
                .bind(versi)
                .fetch_optional(&mut *tx)
                .await
                .map_err(galat)?;
        if ada.is_none() {
            sqlx::raw_sql(sql).execute(&mut *tx).await.map_err(galat)?;
            sqlx::query("INSERT INTO skema_migrasi (versi, diterapkan) VALUES ($1, now())")
                .bind(versi)
                .execute(&mut *tx)
                .await
                .map_err(galat)?;
            n += 1;
        }
    }
    tx.commit().await.map_err(galat)?;
    Ok(n)
}

impl PostgresBackend {
    /// Run raw SQL (tests that tamper with the database on purpose).
    pub async fn sql_mentah(&self, sql: &str) -> StoreResult<()> {
        sqlx::raw_sql(sql)
            .execute(&self.pool)
            .await
            .map_err(galat)?;
        Ok(())
    }
}

fn ikat<'q>(
    mut q: sqlx::query::Query<'q, Postgres, PgArguments>,
    params: Vec<Param>,
) -> sqlx::query::Query<'q, Postgres, PgArguments> {
    for p in params {
        q = match p {
            Param::I64(v) => q.bind(v),
            Param::F64(v) => q.bind(v),
            Param::Bool(v) => q.bind(v),
            Param::Text(v) => q.bind(v),
            Param::Ts(v) => q.bind(v),
            Param::Date(v) => q.bind(v),
        };
    }
    q
}

fn baris(r: &PgRow) -> StoreResult<Row> {
    let mut out = Vec::with_capacity(r.columns().len());
    for i in 0..r.columns().len() {
        let raw = r.try_get_raw(i).map_err(galat)?;
        let v = if raw.is_null() {
            Value::Null
        } else {
            match raw.type_info().name() {
                "INT8" => Value::I64(r.try_get(i).map_err(galat)?),
                "INT4" => Value::I64(r.try_get::<i32, _>(i).map_err(galat)? as i64),
                "INT2" => Value::I64(r.try_get::<i16, _>(i).map_err(galat)? as i64),
                "BOOL" => Value::Bool(r.try_get(i).map_err(galat)?),
                "FLOAT8" => Value::F64(r.try_get(i).map_err(galat)?),
                "FLOAT4" => Value::F64(r.try_get::<f32, _>(i).map_err(galat)? as f64),
                "TIMESTAMPTZ" => Value::Ts(r.try_get(i).map_err(galat)?),
                "DATE" => Value::Date(r.try_get(i).map_err(galat)?),
                "BYTEA" => Value::Bytes(r.try_get(i).map_err(galat)?),
                _ => Value::Text(r.try_get(i).map_err(galat)?),
            }
        };
        out.push(v);
    }
    Ok(Row(out))
}

kinerja_store::sqlx_backend!(Postgres);

#[async_trait]
impl Tx for Tulis {
    fn baris_json(&self, param: usize, kolom: &[(&str, kinerja_store::sql::Tipe)]) -> String {
        use kinerja_store::sql::Tipe;
        let nama: Vec<&str> = kolom.iter().map(|(k, _)| *k).collect();
        let def: Vec<String> = kolom
            .iter()
            .map(|(k, t)| {
                let t = match t {
                    Tipe::I64 => "bigint",
                    Tipe::F64 => "double precision",
                    Tipe::Text => "text",
                    Tipe::Bool => "boolean",
                    Tipe::Date => "date",
                    Tipe::Ts => "timestamptz",
                };
                format!("{k} {t}")
            })
            .collect();
        format!(
            "SELECT {} FROM jsonb_to_recordset(${param}::jsonb) AS x({})",
            nama.join(", "),
            def.join(", ")
        )
    }
    async fn commit(self) -> StoreResult<()> {
        self.0.commit().await.map_err(galat)
    }
    async fn kunci_audit(&mut self, instansi_id: i64) -> StoreResult<()> {
        sqlx::query("SELECT pg_advisory_xact_lock(7295002, $1::int)")
            .bind(instansi_id as i32)
            .execute(&mut *self.0)
            .await
            .map_err(galat)?;
        Ok(())
    }
}

#[async_trait]
impl Backend for PostgresBackend {
    type Read = Baca;
    type Tx = Tulis;
    fn name(&self) -> &'static str {
        "postgres"
    }
    async fn read(&self) -> StoreResult<Baca> {
        Ok(Baca(self.pool.acquire().await.map_err(galat)?))
    }
    async fn begin(&self) -> StoreResult<Tulis> {
        Ok(Tulis(self.pool.begin().await.map_err(galat)?))
    }
}

/// Throw-away databases on a real server, for tests of this crate and of the crates above it.
pub mod uji {
    use sqlx::Connection;

    /// A database created for one test and dropped by [`DatabaseUji::hapus`].
    pub struct DatabaseUji {
        pub url: String,
        admin_url: String,
        nama: String,
    }

    /// The server tests use: `KINERJA_TEST_PG`, default the local one.
    pub fn server() -> String {
        std::env::var("KINERJA_TEST_PG")
            .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into())
    }

    impl DatabaseUji {
        /// Create a fresh database. Returns None (and says why) when no server is reachable and
        /// `CI` is not `true`; under CI an unreachable server is a failure.
        pub async fn buat(awalan: &str) -> Option<DatabaseUji> {
            let admin_url = server();
            let mut c = match sqlx::PgConnection::connect(&admin_url).await {
                Ok(c) => c,
                Err(e) => {
                    if std::env::var("CI").as_deref() == Ok("true") {
                        panic!("PostgreSQL at {admin_url} is required under CI: {e}");
                    }
                    eprintln!("SKIPPED: PostgreSQL at {admin_url} unreachable: {e}");
                    return None;
                }
            };
            let nama = format!("kinerja_{awalan}_{}_{}", std::process::id(), rand_suffix());
            sqlx::raw_sql(&format!("CREATE DATABASE {nama}"))
                .execute(&mut c)
                .await
                .expect("create database");
            let base = admin_url
                .rsplit_once('/')
                .map(|(b, _)| b.to_string())
                .unwrap_or(admin_url.clone());
            Some(DatabaseUji {
                url: format!("{base}/{nama}"),
                admin_url,
                nama,
            })
        }

        pub async fn hapus(self) {
            if let Ok(mut c) = sqlx::PgConnection::connect(&self.admin_url).await {
                let _ = sqlx::raw_sql(&format!(
                    "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                    self.nama
                ))
                .execute(&mut c)
                .await;
            }
        }
    }

    fn rand_suffix() -> u32 {
        use std::time::{SystemTime, UNIX_EPOCH};
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0)
    }
}
