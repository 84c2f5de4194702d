//! The seam between the one SQL implementation and a database backend: parameters, rows, a
//! connection, a write transaction. SQL is written once with `$1, $2, …` placeholders, which both
//! SQLite and PostgreSQL accept.

use crate::error::{StoreError, StoreResult};
use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};

pub use crate::sql_store::SqlStore;

/// Now, at the microsecond precision both databases keep (so a stored time reads back equal).
pub fn sekarang() -> DateTime<Utc> {
    use chrono::SubsecRound;
    Utc::now().trunc_subsecs(6)
}

/// How SQLite stores a time: fixed-width RFC 3339 in UTC, so text order is time order.
pub fn waktu_teks(t: &DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
}

/// A bound parameter. Optional variants carry their type so that PostgreSQL can type a NULL.
#[derive(Debug, Clone)]
pub enum Param {
    I64(Option<i64>),
    F64(Option<f64>),
    Bool(Option<bool>),
    Text(Option<String>),
    Ts(Option<DateTime<Utc>>),
    Date(Option<NaiveDate>),
}

macro_rules! param_from {
    ($t:ty, $v:ident, $e:expr) => {
        impl From<$t> for Param {
            fn from($v: $t) -> Param {
                $e
            }
        }
    };
}
param_from!(i64, v, Param::I64(Some(v)));
param_from!(Option<i64>, v, Param::I64(v));
param_from!(f64, v, Param::F64(Some(v)));
param_from!(bool, v, Param::Bool(Some(v)));
param_from!(String, v, Param::Text(Some(v)));
param_from!(&str, v, Param::Text(Some(v.to_string())));
param_from!(&String, v, Param::Text(Some(v.clone())));
param_from!(Option<String>, v, Param::Text(v));
param_from!(Option<&str>, v, Param::Text(v.map(str::to_string)));
param_from!(DateTime<Utc>, v, Param::Ts(Some(v)));
param_from!(Option<DateTime<Utc>>, v, Param::Ts(v));
param_from!(NaiveDate, v, Param::Date(Some(v)));
param_from!(Option<NaiveDate>, v, Param::Date(v));
param_from!(i32, v, Param::I64(Some(v as i64)));
param_from!(Option<i32>, v, Param::I64(v.map(i64::from)));
param_from!(Option<f64>, v, Param::F64(v));

/// Build a `Vec<Param>` from values.
#[macro_export]
macro_rules! params {
    () => { Vec::<$crate::sql::Param>::new() };
    ($($v:expr),+ $(,)?) => { vec![$($crate::sql::Param::from($v)),+] };
}

/// A decoded column value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    I64(i64),
    F64(f64),
    Bool(bool),
    Text(String),
    Ts(DateTime<Utc>),
    Date(NaiveDate),
    Bytes(Vec<u8>),
}

/// A row as a list of decoded values, read by column index.
#[derive(Debug, Clone)]
pub struct Row(pub Vec<Value>);

fn salah(i: usize, ingin: &str, v: &Value) -> StoreError {
    StoreError::Rusak(format!("kolom {i}: diharapkan {ingin}, ditemukan {v:?}"))
}

impl Row {
    fn get(&self, i: usize) -> StoreResult<&Value> {
        self.0
            .get(i)
            .ok_or_else(|| StoreError::Rusak(format!("kolom {i} tidak ada")))
    }
    pub fn opt_i64(&self, i: usize) -> StoreResult<Option<i64>> {
        match self.get(i)? {
            Value::Null => Ok(None),
            Value::I64(v) => Ok(Some(*v)),
            Value::Bool(b) => Ok(Some(*b as i64)),
            v => Err(salah(i, "bilangan bulat", v)),
        }
    }
    pub fn i64(&self, i: usize) -> StoreResult<i64> {
        self.opt_i64(i)?
            .ok_or_else(|| salah(i, "bilangan bulat", &Value::Null))
    }
    pub fn bool(&self, i: usize) -> StoreResult<bool> {
        match self.get(i)? {
            Value::Bool(b) => Ok(*b),
            Value::I64(v) => Ok(*v != 0),
            v => Err(salah(i, "boolean", v)),
        }
    }
    pub fn opt_text(&self, i: usize) -> StoreResult<Option<String>> {
        match self.get(i)? {
            Value::Null => Ok(None),
            Value::Text(s) => Ok(Some(s.clone())),
            v => Err(salah(i, "teks", v)),
        }
    }
    pub fn text(&self, i: usize) -> StoreResult<String> {
        self.opt_text(i)?
            .ok_or_else(|| salah(i, "teks", &Value::Null))
    }
    pub fn opt_ts(&self, i: usize) -> StoreResult<Option<DateTime<Utc>>> {
        match self.get(i)? {
            Value::Null => Ok(None),
            Value::Ts(t) => Ok(Some(*t)),
            Value::Text(s) => DateTime::parse_from_rfc3339(s)
                .map(|t| Some(t.with_timezone(&Utc)))
                .map_err(|e| StoreError::Rusak(format!("kolom {i}: waktu '{s}': {e}"))),
            v => Err(salah(i, "waktu", v)),
        }
    }
    pub fn ts(&self, i: usize) -> StoreResult<DateTime<Utc>> {
        self.opt_ts(i)?
            .ok_or_else(|| salah(i, "waktu", &Value::Null))
    }
    pub fn opt_f64(&self, i: usize) -> StoreResult<Option<f64>> {
        match self.get(i)? {
            Value::Null => Ok(None),
            Value::F64(v) => Ok(Some(*v)),
            Value::I64(v) => Ok(Some(*v as f64)),
            v => Err(salah(i, "bilangan", v)),
        }
    }
    pub fn opt_date(&self, i: usize) -> StoreResult<Option<NaiveDate>> {
        match self.get(i)? {
            Value::Null => Ok(None),
            Value::Date(d) => Ok(Some(*d)),
            Value::Text(s) => NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .map(Some)
                .map_err(|e| StoreError::Rusak(format!("kolom {i}: tanggal '{s}': {e}"))),
            v => Err(salah(i, "tanggal", v)),
        }
    }
    pub fn date(&self, i: usize) -> StoreResult<NaiveDate> {
        self.opt_date(i)?
            .ok_or_else(|| salah(i, "tanggal", &Value::Null))
    }
    /// Parse a text column into a domain type.
    pub fn parse<T: std::str::FromStr>(&self, i: usize) -> StoreResult<T>
    where
        T::Err: std::fmt::Display,
    {
        let s = self.text(i)?;
        s.parse()
            .map_err(|e| StoreError::Rusak(format!("kolom {i}: '{s}': {e}")))
    }
    pub fn opt_parse<T: std::str::FromStr>(&self, i: usize) -> StoreResult<Option<T>>
    where
        T::Err: std::fmt::Display,
    {
        match self.opt_text(i)? {
            None => Ok(None),
            Some(s) => s
                .parse()
                .map(Some)
                .map_err(|e| StoreError::Rusak(format!("kolom {i}: '{s}': {e}"))),
        }
    }
}

/// A connection (pooled reader) or a transaction.
#[async_trait]
pub trait Conn: Send {
    async fn execute(&mut self, sql: &str, params: Vec<Param>) -> StoreResult<u64>;
    async fn fetch(&mut self, sql: &str, params: Vec<Param>) -> StoreResult<Vec<Row>>;
    async fn fetch_opt(&mut self, sql: &str, params: Vec<Param>) -> StoreResult<Option<Row>> {
        Ok(self.fetch(sql, params).await?.into_iter().next())
    }
    async fn fetch_one(&mut self, sql: &str, params: Vec<Param>) -> StoreResult<Row> {
        self.fetch_opt(sql, params)
            .await?
            .ok_or_else(|| StoreError::TidakDitemukan("baris yang diharapkan tidak ada".into()))
    }
}

/// The SQL type of a column fed from JSON rows (see [`Tx::baris_json`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tipe {
    I64,
    F64,
    Text,
    Bool,
    Date,
    Ts,
}

/// A parameter as a JSON value for [`Tx::baris_json`] (times in the text form SQLite keeps).
pub fn param_json(p: &Param) -> serde_json::Value {
    use serde_json::Value as J;
    match p {
        Param::I64(v) => v.map(J::from).unwrap_or(J::Null),
        Param::F64(v) => v.map(J::from).unwrap_or(J::Null),
        Param::Bool(v) => v.map(J::from).unwrap_or(J::Null),
        Param::Text(v) => v.clone().map(J::from).unwrap_or(J::Null),
        Param::Ts(v) => v
            .as_ref()
            .map(|t| J::from(waktu_teks(t)))
            .unwrap_or(J::Null),
        Param::Date(v) => v
            .map(|d| J::from(d.format("%Y-%m-%d").to_string()))
            .unwrap_or(J::Null),
    }
}

/// A write transaction: dropped without `commit`, it rolls back.
#[async_trait]
pub trait Tx: Conn {
    /// A `SELECT` of the given columns from a JSON array of objects bound as parameter
    /// `$param`: bulk inserts bind one text instead of thousands of values (each backend
    /// spells it in its own JSON functions).
    fn baris_json(&self, param: usize, kolom: &[(&str, Tipe)]) -> String;
    async fn commit(self) -> StoreResult<()>;
    /// Serialise appends to an instansi's audit chain for the rest of this transaction.
    async fn kunci_audit(&mut self, instansi_id: i64) -> StoreResult<()>;
}

/// What a database backend supplies.
#[async_trait]
pub trait Backend: Send + Sync + 'static {
    type Read: Conn;
    type Tx: Tx;
    fn name(&self) -> &'static str;
    async fn read(&self) -> StoreResult<Self::Read>;
    async fn begin(&self) -> StoreResult<Self::Tx>;
}

/// The connection plumbing every sqlx backend shares, expanded in each backend crate: `galat`
/// (sqlx error → [`StoreError`], constraint violations as conflicts), a pooled reader `Baca`, a
/// write transaction `Tulis`, and their [`Conn`] impls over the crate's own `ikat` (bind
/// parameters) and `baris` (decode a row) functions.
#[macro_export]
macro_rules! sqlx_backend {
    ($db:ty) => {
        fn galat(e: sqlx::Error) -> $crate::StoreError {
            if let sqlx::Error::Database(d) = &e {
                if d.is_unique_violation() || d.is_foreign_key_violation() || d.is_check_violation() {
                    return $crate::StoreError::Konflik(d.message().to_string());
                }
            }
            $crate::StoreError::Basis(e.to_string())
        }

        /// A pooled connection for reads.
        pub struct Baca(sqlx::pool::PoolConnection<$db>);
        /// A write transaction; dropped without commit, it rolls back.
        pub struct Tulis(sqlx::Transaction<'static, $db>);

        $crate::sqlx_backend!(@conn Baca);
        $crate::sqlx_backend!(@conn Tulis);
    };
    (@conn $t:ident) => {
        #[async_trait::async_trait]
        impl $crate::sql::Conn for $t {
            async fn execute(&mut self, sql: &str, params: Vec<$crate::sql::Param>) -> $crate::StoreResult<u64> {
                let r = ikat(sqlx::query(sql), params).execute(&mut *self.0).await.map_err(galat)?;
                Ok(r.rows_affected())
            }
            async fn fetch(&mut self, sql: &str, params: Vec<$crate::sql::Param>) -> $crate::StoreResult<Vec<$crate::sql::Row>> {
                let rows = ikat(sqlx::query(sql), params).fetch_all(&mut *self.0).await.map_err(galat)?;
                rows.iter().map(baris).collect()
            }
        }
    };
}
