//! TODO(issue 7): SQL of talenta.

use super::SqlStore;
use crate::talenta::*;
use crate::sql::Backend;
use async_trait::async_trait;

#[async_trait]
impl<B: Backend> StoreTalenta for SqlStore<B> {}
