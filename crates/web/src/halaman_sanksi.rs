//! TODO(issue 7): pages of sanksi.

use crate::Keadaan;
use axum::Router;

pub fn rute() -> Router<Keadaan> {
    Router::new()
}
