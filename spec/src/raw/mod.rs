//! The spec files as written: serde types mirroring the TOML, every name and value that a later
//! check may point at kept with its span. `resolve` turns these into the [`crate::model`]. With
//! the `language-schema` feature the same types derive the spec language's JSON Schema (their doc
//! comments are its descriptions), so the loader and the editors read one definition.

mod boundary;
mod evidence;
mod family;
mod field;
mod operation;
mod prose;

pub use boundary::*;
pub use evidence::*;
pub use family::*;
pub use field::*;
pub use operation::*;
pub use prose::*;

use std::fmt;
use std::marker::PhantomData;

use serde::Deserialize;
use serde::de::{self, MapAccess, SeqAccess, Visitor};
use toml::Spanned;

/// An ordered map of named entries, as written.
pub type Named<T> = Vec<(Spanned<String>, Spanned<T>)>;

/// A field map in spec order.
pub type RawFields = Named<RawField>;

/// Deserializes a TOML table into `(key, value)` pairs in document order.
pub(crate) fn named<'de, D, T>(deserializer: D) -> Result<Named<T>, D::Error>
where
    D: de::Deserializer<'de>,
    T: Deserialize<'de>,
{
    struct NamedVisitor<T>(PhantomData<T>);
    impl<'de, T: Deserialize<'de>> Visitor<'de> for NamedVisitor<T> {
        type Value = Named<T>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a table of named entries")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out = Vec::new();
            while let Some((k, v)) = map.next_entry()? {
                out.push((k, v));
            }
            Ok(out)
        }
    }
    deserializer.deserialize_map(NamedVisitor(PhantomData))
}

pub(crate) fn named_opt<'de, D, T>(deserializer: D) -> Result<Option<Spanned<Named<T>>>, D::Error>
where
    D: de::Deserializer<'de>,
    T: Deserialize<'de>,
{
    #[derive(Deserialize)]
    #[serde(bound = "T: Deserialize<'de>")]
    struct Wrap<T>(#[serde(deserialize_with = "named")] Named<T>);
    let spanned: Spanned<Wrap<T>> = Deserialize::deserialize(deserializer)?;
    let span = spanned.span();
    Ok(Some(Spanned::new(span, spanned.into_inner().0)))
}

/// Either a bare string or a table: `x = "type"` or `x = { type = "...", ... }`.
#[derive(Debug)]
pub enum StrOr<T> {
    /// The short form.
    Str(String),
    /// The full form.
    Table(T),
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for StrOr<T> {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = StrOr<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string or a table")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(StrOr::Str(v.to_owned()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                T::deserialize(de::value::MapAccessDeserializer::new(map)).map(StrOr::Table)
            }
        }
        deserializer.deserialize_any(V(PhantomData))
    }
}

/// An operation's checks: a list of names, or names with their private responsibility.
#[derive(Debug)]
pub enum RawChecks {
    /// `checks = ["a", "b"]`.
    List(Vec<Spanned<String>>),
    /// `checks.a = "responsibility"`.
    Table(Named<String>),
}

impl<'de> Deserialize<'de> for RawChecks {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawChecks;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list of check names or a table of check = responsibility")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                while let Some(item) = seq.next_element()? {
                    out.push(item);
                }
                Ok(RawChecks::List(out))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = map.next_entry()? {
                    out.push((k, v));
                }
                Ok(RawChecks::Table(out))
            }
        }
        deserializer.deserialize_any(V)
    }
}
