//! Sanction cases after an annual evaluation (PP 30/2019; seeds 002, 004; `domain.md` §6).

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// How the instansi words the outcomes of a sanction case. Seed 002 (and the KemenPANRB deck)
/// say "diberhentikan dengan hormat", seed 004 "tidak dengan hormat": the wording is data,
/// with seed 002's as the default.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct RedaksiSanksi {
    /// The last outcome of a JA/JF case with no vacancy after the temporary placement.
    pub pemberhentian: String,
}

impl Default for RedaksiSanksi {
    fn default() -> Self {
        RedaksiSanksi {
            pemberhentian: "Diberhentikan dengan hormat".to_string(),
        }
    }
}
