//! TODO(issue 7): SQL of pemantauan.

use super::SqlStore;
use crate::pemantauan::*;
use crate::sql::Backend;
use async_trait::async_trait;

#[async_trait]
impl<B: Backend> StorePemantauan for SqlStore<B> {}
