//! The Store conformance suite on a real PostgreSQL: each scenario in a fresh database.
//!
//! The server is `KINERJA_TEST_PG` (default `postgres://postgres@127.0.0.1:5432/test`). Without
//! a reachable server the tests are skipped with a message, unless `CI=true`, where they fail.

use async_trait::async_trait;
use kinerja_store::conformance::{jalankan, SqlMentah};
use kinerja_store::StoreError;
use kinerja_store_postgres::uji::DatabaseUji;
use kinerja_store_postgres::PostgresStore;

/// The store under test, and a second node's own connection pool to the same database.
struct Mentah<'a>(&'a PostgresStore, Option<&'a PostgresStore>);

#[async_trait]
impl SqlMentah for Mentah<'_> {
    async fn exec(&self, sql: &str) -> Result<(), StoreError> {
        self.0.backend_ref().sql_mentah(sql).await
    }
    fn store_kedua(&self) -> Option<&dyn kinerja_store::Store> {
        self.1.map(|s| s as &dyn kinerja_store::Store)
    }
}

async fn uji(nama: &str) {
    let Some(db) = DatabaseUji::buat(nama).await else {
        return;
    };
    let store = kinerja_store_postgres::buka(&db.url).await.unwrap();
    assert_eq!(kinerja_store_postgres::migrasi(&store).await.unwrap(), 7);
    assert_eq!(
        kinerja_store_postgres::migrasi(&store).await.unwrap(),
        0,
        "migrate is idempotent"
    );
    // The scenario of several nodes gets a second node's pool.
    let kedua = match nama {
        "batas_masuk" => Some(kinerja_store_postgres::buka(&db.url).await.unwrap()),
        _ => None,
    };
    jalankan(nama, &store, &Mentah(&store, kedua.as_ref())).await;
    drop(kedua);
    drop(store);
    db.hapus().await;
}

kinerja_store::uji_conformance!(uji);
