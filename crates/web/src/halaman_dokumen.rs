use crate::Keadaan;
use axum::Router;

pub fn rute() -> Router<Keadaan> {
    Router::new()
}
