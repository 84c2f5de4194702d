//! TODO(issue 7): pages of pemantauan.

use crate::Keadaan;
use axum::Router;

pub fn rute() -> Router<Keadaan> {
    Router::new()
}
