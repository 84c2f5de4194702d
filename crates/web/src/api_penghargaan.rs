//! TODO(issue 7): API of penghargaan.

use crate::Keadaan;
use axum::Router;
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi()]
pub struct Api;

pub fn rute() -> Router<Keadaan> {
    Router::new()
}
