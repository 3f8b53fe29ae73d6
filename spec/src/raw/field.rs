//! A field: `name = "type"` or `name = { type = "...", ... }`.

use serde::Deserialize;
use toml::Spanned;

use super::StrOr;

/// A field: a bare type string (required) or a table.
pub type RawField = StrOr<RawFieldTable>;

/// The full form of a field: `name = { type = "...", ... }`. With none of `default`, `const` and
/// `optional`, the field is required.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "language-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawFieldTable {
    /// The field's type: `string`, `identifier`, `label`, `ref`, `text`, `bool`, `integer`,
    /// `timestamp`, a vocabulary or shape name, `list<T>`, `map<T>`, `check`, or an envelope's
    /// built-in `schema_version`, `operation`, `correlation_id`, `message`, `payload`, `contract`.
    #[serde(rename = "type")]
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "String", example = &"list<check>")
    )]
    pub ty: Spanned<String>,
    /// What the field is: the wiki's description and the CLI help.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"Tenant identifier for the public-safe request shape.")
    )]
    pub doc: Option<String>,
    /// The value a reader takes when the field is left out. `"all_checks"` on a `list<check>`
    /// means every check of the operation, in order.
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "Option<serde_json::Value>", example = &"community")
    )]
    pub default: Option<Spanned<toml::Value>>,
    /// The value every document carries in this field, always.
    #[serde(rename = "const")]
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "Option<serde_json::Value>", example = true)
    )]
    pub constant: Option<Spanned<toml::Value>>,
    /// `true`: the field may be left out and has no default.
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "Option<bool>", example = true)
    )]
    pub optional: Option<Spanned<bool>>,
    /// A list needs at least this many items.
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "Option<u32>", example = 1)
    )]
    pub min_items: Option<Spanned<i64>>,
    /// Names an item in the `min_items` message (`must include at least one <noun>`).
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"onboarding requirement")
    )]
    pub item_noun: Option<String>,
    /// An integer's least value.
    #[cfg_attr(feature = "language-schema", schemars(example = 0))]
    pub minimum: Option<i64>,
    /// The CLI flag, where it differs from the field's name.
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "Option<String>", example = &"check")
    )]
    pub cli_flag: Option<Spanned<String>>,
    /// The CLI help, where it differs from `doc`.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"Check to include; repeat for several.")
    )]
    pub cli_help: Option<String>,
    /// The CLI default, where it differs from `default`.
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "Option<serde_json::Value>", example = &"dry_run")
    )]
    pub cli_default: Option<Spanned<toml::Value>>,
    /// The value the wiki's examples use; for an object field, a table laid over its shape's own
    /// examples (`{}` includes the object as its fields' examples build it).
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "Option<serde_json::Value>", example = &"tenant-demo")
    )]
    pub example: Option<Spanned<toml::Value>>,
}
