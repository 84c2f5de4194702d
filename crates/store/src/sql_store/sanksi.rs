//! TODO(issue 7): SQL of sanksi.

use super::SqlStore;
use crate::sanksi::*;
use crate::sql::Backend;
use async_trait::async_trait;

#[async_trait]
impl<B: Backend> StoreSanksi for SqlStore<B> {}
