//! TODO(issue 7): store reads and writes of talenta.

use async_trait::async_trait;

#[async_trait]
pub trait StoreTalenta {}
