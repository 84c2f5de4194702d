use crate::Keadaan;
use axum::Router;
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(paths())]
pub struct Api;

pub fn rute() -> Router<Keadaan> {
    Router::new()
}
