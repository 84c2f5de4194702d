//! TODO(issue 7): SQL of profil.

use super::SqlStore;
use crate::profil::*;
use crate::sql::Backend;
use async_trait::async_trait;

#[async_trait]
impl<B: Backend> StoreProfil for SqlStore<B> {}
