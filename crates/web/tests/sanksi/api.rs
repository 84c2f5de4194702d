//! TODO(issue 7): the sanksi journey through the API and the pages.

use super::Uji;

pub(super) async fn semua(_u: &Uji) {}
