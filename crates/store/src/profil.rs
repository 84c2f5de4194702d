//! TODO(issue 7): store reads and writes of profil.

use async_trait::async_trait;

#[async_trait]
pub trait StoreProfil {}
