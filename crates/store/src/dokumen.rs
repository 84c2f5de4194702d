//! Documents issued (each with its verification code) and background jobs.

use async_trait::async_trait;

#[async_trait]
pub trait StoreDokumen {}
