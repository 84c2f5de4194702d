use super::SqlStore;
use crate::dokumen::StoreDokumen;
use crate::sql::Backend;
use async_trait::async_trait;

#[async_trait]
impl<B: Backend> StoreDokumen for SqlStore<B> {}
