//! TODO(issue 7): store reads and writes of penghargaan.

use async_trait::async_trait;

#[async_trait]
pub trait StorePenghargaan {}
