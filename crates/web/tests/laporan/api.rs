use super::Uji;

pub(super) async fn semua(_u: &Uji) {}
