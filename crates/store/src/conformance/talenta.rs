//! TODO(issue 7): conformance scenario of talenta.

use crate::Store;

pub(super) async fn skenario(_store: &dyn Store, _inst: i64) {}
