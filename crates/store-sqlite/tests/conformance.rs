//! The Store conformance suite on a real SQLite file: each scenario on its own new database.

use async_trait::async_trait;
use kinerja_store::conformance::{jalankan, SqlMentah};
use kinerja_store::StoreError;
use kinerja_store_sqlite::SqliteStore;

struct Mentah<'a>(&'a SqliteStore);

#[async_trait]
impl SqlMentah for Mentah<'_> {
    async fn exec(&self, sql: &str) -> Result<(), StoreError> {
        self.0.backend_ref().sql_mentah(sql).await
    }
}

async fn uji(nama: &str) {
    let dir = std::env::temp_dir().join(format!("kinerja-conf-{}-{nama}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("uji.db");
    let _ = std::fs::remove_file(&path);
    let store = kinerja_store_sqlite::buka(path.to_str().unwrap())
        .await
        .unwrap();
    jalankan(nama, &store, &Mentah(&store)).await;
    // Reopening an existing file applies no migration twice.
    drop(store);
    let again = kinerja_store_sqlite::buka(path.to_str().unwrap())
        .await
        .unwrap();
    assert!(kinerja_store::Store::instansi_utama(&again)
        .await
        .unwrap()
        .is_some());
    let _ = std::fs::remove_dir_all(&dir);
}

kinerja_store::uji_conformance!(uji);
