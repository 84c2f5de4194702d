//! TODO(issue 7): conformance scenario of pemantauan.

use crate::Store;

pub(super) async fn skenario(_store: &dyn Store, _inst: i64) {}
