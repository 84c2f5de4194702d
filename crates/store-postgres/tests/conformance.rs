//! The Store conformance suite on a real PostgreSQL: each scenario in a fresh database.
//!
//! The server is `KINERJA_TEST_PG` (default `postgres://postgres@127.0.0.1:5432/test`). Without
//! a reachable server the tests are skipped with a message, unless `CI=true`, where they fail.

use async_trait::async_trait;
use kinerja_store::conformance::{jalankan, SqlMentah};
use kinerja_store::StoreError;
use kinerja_store_postgres::uji::DatabaseUji;
use kinerja_store_postgres::PostgresStore;

struct Mentah<'a>(&'a PostgresStore);

#[async_trait]
impl SqlMentah for Mentah<'_> {
    async fn exec(&self, sql: &str) -> Result<(), StoreError> {
        self.0.backend_ref().sql_mentah(sql).await
    }
}

async fn uji(nama: &str) {
    let Some(db) = DatabaseUji::buat(nama).await else {
        return;
    };
    let store = kinerja_store_postgres::buka(&db.url).await.unwrap();
    assert_eq!(kinerja_store_postgres::migrasi(&store).await.unwrap(), 6);
    assert_eq!(
        kinerja_store_postgres::migrasi(&store).await.unwrap(),
        0,
        "migrate is idempotent"
    );
    jalankan(nama, &store, &Mentah(&store)).await;
    drop(store);
    db.hapus().await;
}

kinerja_store::uji_conformance!(uji);
