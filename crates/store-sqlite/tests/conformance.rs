//! The Store conformance suite on a real SQLite file: each scenario on its own new database.

use async_trait::async_trait;
use kinerja_store::conformance::{jalankan, SqlMentah};
use kinerja_store::StoreError;
use kinerja_store_sqlite::SqliteStore;

/// The store under test, and a second handle on its file (as a second process would open it).
struct Mentah<'a>(&'a SqliteStore, Option<&'a SqliteStore>);

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
    let dir = std::env::temp_dir().join(format!("kinerja-conf-{}-{nama}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("uji.db");
    let _ = std::fs::remove_file(&path);
    let store = kinerja_store_sqlite::buka(path.to_str().unwrap())
        .await
        .unwrap();
    // The scenario of several nodes gets a second handle on the same file.
    let kedua = match nama {
        "batas_masuk" => Some(
            kinerja_store_sqlite::buka(path.to_str().unwrap())
                .await
                .unwrap(),
        ),
        _ => None,
    };
    jalankan(nama, &store, &Mentah(&store, kedua.as_ref())).await;
    drop(kedua);
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
