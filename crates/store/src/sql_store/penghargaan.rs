//! TODO(issue 7): SQL of penghargaan.

use super::SqlStore;
use crate::penghargaan::*;
use crate::sql::Backend;
use async_trait::async_trait;

#[async_trait]
impl<B: Backend> StorePenghargaan for SqlStore<B> {}
