//! The reads behind the HR exports (SKP report, evaluation report, TPP basis, ranking, angka
//! kredit), paged so that an export of any size streams.

use async_trait::async_trait;

#[async_trait]
pub trait StoreLaporan {}
