//! A small helper shared by every regulation enum: its wire spelling (`snake_case`, as in
//! `api.md`), its Indonesian label, and parsing with an Indonesian message that names the field
//! and the allowed values.

use std::fmt;

/// A value outside an enumeration. `Display` is the user-facing Indonesian message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NilaiTidakDikenal {
    /// The field (API name) whose value was not recognised, e.g. `jenjang`.
    pub bidang: &'static str,
    pub nilai: String,
    pub pilihan: Vec<&'static str>,
}

impl fmt::Display for NilaiTidakDikenal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Nilai '{}' tidak dikenal untuk {}; pilihan yang sah: {}",
            self.nilai,
            self.bidang,
            self.pilihan.join(", ")
        )
    }
}

impl std::error::Error for NilaiTidakDikenal {}

/// Implemented by every regulation enum through [`enumerasi!`].
pub trait Enumerasi: Sized + Copy + 'static {
    /// The API field name used in messages.
    const BIDANG: &'static str;
    const SEMUA: &'static [Self];
    fn kode(self) -> &'static str;
    fn label(self) -> &'static str;
    fn dari_kode(s: &str) -> Result<Self, NilaiTidakDikenal> {
        let t = s.trim();
        Self::SEMUA
            .iter()
            .copied()
            .find(|v| v.kode() == t)
            .ok_or_else(|| NilaiTidakDikenal {
                bidang: Self::BIDANG,
                nilai: t.to_string(),
                pilihan: Self::SEMUA.iter().map(|v| v.kode()).collect(),
            })
    }
}

/// Declares a regulation enum with its wire code and Indonesian label, and derives serde (by
/// code), `FromStr`, `Display` (the label) and an OpenAPI schema (a string enum of the codes).
#[macro_export]
macro_rules! enumerasi {
    ($(#[$m:meta])* $nama:ident, $bidang:literal, { $($varian:ident => ($kode:literal, $label:literal)),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $nama { $($varian),+ }

        impl $crate::enumerasi::Enumerasi for $nama {
            const BIDANG: &'static str = $bidang;
            const SEMUA: &'static [Self] = &[$(Self::$varian),+];
            fn kode(self) -> &'static str { match self { $(Self::$varian => $kode),+ } }
            fn label(self) -> &'static str { match self { $(Self::$varian => $label),+ } }
        }

        impl $nama {
            pub const SEMUA: &'static [Self] = <Self as $crate::enumerasi::Enumerasi>::SEMUA;
            /// The wire spelling, as in `api.md`.
            pub fn kode(self) -> &'static str { <Self as $crate::enumerasi::Enumerasi>::kode(self) }
            /// The Indonesian label for pages and documents.
            pub fn label(self) -> &'static str { <Self as $crate::enumerasi::Enumerasi>::label(self) }
        }

        impl std::str::FromStr for $nama {
            type Err = $crate::enumerasi::NilaiTidakDikenal;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                <Self as $crate::enumerasi::Enumerasi>::dari_kode(s)
            }
        }

        impl std::fmt::Display for $nama {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result { f.write_str(self.label()) }
        }

        impl serde::Serialize for $nama {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> { s.serialize_str(self.kode()) }
        }

        impl<'de> serde::Deserialize<'de> for $nama {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }

        impl utoipa::PartialSchema for $nama {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                utoipa::openapi::schema::ObjectBuilder::new()
                    .schema_type(utoipa::openapi::schema::SchemaType::new(utoipa::openapi::schema::Type::String))
                    .enum_values(Some([$($kode),+]))
                    .into()
            }
        }
        impl utoipa::ToSchema for $nama {}
    };
}
