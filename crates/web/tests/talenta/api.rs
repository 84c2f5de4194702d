//! TODO(issue 7): the talenta journey through the API and the pages.

use super::Uji;

pub(super) async fn semua(_u: &Uji) {}
