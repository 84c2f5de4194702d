use super::SqlStore;
use crate::laporan::StoreLaporan;
use crate::sql::Backend;
use async_trait::async_trait;

#[async_trait]
impl<B: Backend> StoreLaporan for SqlStore<B> {}
