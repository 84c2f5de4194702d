//! TODO(issue 7): pages of talenta.

use crate::Keadaan;
use axum::Router;

pub fn rute() -> Router<Keadaan> {
    Router::new()
}
