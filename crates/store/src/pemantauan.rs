//! TODO(issue 7): store reads and writes of pemantauan.

use async_trait::async_trait;

#[async_trait]
pub trait StorePemantauan {}
