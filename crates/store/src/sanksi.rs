//! TODO(issue 7): store reads and writes of sanksi.

use async_trait::async_trait;

#[async_trait]
pub trait StoreSanksi {}
