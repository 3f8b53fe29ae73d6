//! The spec language's own JSON Schema, for editors: taplo and the editors built on it (Even
//! Better TOML) complete and check a contract file as it is typed when the file starts with
//! `#:schema <path to cavra-spec.schema.json>`.
//!
//! It is derived from the raw model the loader deserializes (`raw.rs`, with schemars), so a key
//! the loader accepts is a key the schema describes: each with its doc comment as description
//! and an example. What the schema cannot see (a type name that names no vocabulary, a gate path
//! that names no field) the loader still reports when the spec loads.
//!
//! With the `language-schema` feature:
//!
//! ```
//! # #[cfg(feature = "language-schema")] {
//! let schema = cavra_spec::language_schema::language_schema();
//! assert_eq!(schema["additionalProperties"], false);
//! assert!(schema["properties"]["operation"]["description"].is_string());
//! # }
//! ```

#[cfg(feature = "language-schema")]
pub(crate) mod examples;
#[cfg(feature = "language-schema")]
pub(crate) mod schema;

#[cfg(feature = "language-schema")]
pub use schema::language_schema;

/// Where the generator writes the schema, relative to its output directory.
pub const FILE_NAME: &str = "cavra-spec.schema.json";

/// The first line of a contract file: taplo's directive naming the schema at `path`.
///
/// ```
/// assert_eq!(
///     cavra_spec::language_schema::directive("../../generated/cavra-spec.schema.json"),
///     "#:schema ../../generated/cavra-spec.schema.json"
/// );
/// ```
pub fn directive(path: &str) -> String {
    format!("#:schema {path}")
}
