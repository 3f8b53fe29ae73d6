//! `[boundary]`: sensitive key parts and value rules.

use serde::Deserialize;
use toml::Spanned;

#[cfg(feature = "language-schema")]
use crate::language_schema::examples::*;

/// `[boundary]`: the machine-checked boundary (one per spec).
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "language-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawBoundary {
    /// A key is refused when it contains one of these, both lower-cased and stripped of `_`, `-`,
    /// `.` and spaces.
    #[serde(default)]
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "Vec<String>", example = vec!["api_key", "token", "license_key"])
    )]
    pub sensitive_key_parts: Vec<Spanned<String>>,
    /// The rules that find secrets in strings, in order (`[[boundary.value_patterns]]`).
    #[serde(default)]
    #[cfg_attr(feature = "language-schema", schemars(example = value_patterns_example()))]
    pub value_patterns: Vec<RawValuePattern>,
    /// A secret matching one of these regular expressions passes every rule.
    #[serde(default)]
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "Vec<String>", example = vec!["^EXAMPLE[A-Z0-9]*$"])
    )]
    pub allow_values: Vec<Spanned<String>>,
}

/// `[[boundary.value_patterns]]`: a rule that finds a secret in a string.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "language-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawValuePattern {
    /// The rule's name, reported with each finding.
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "String", example = &"github_token")
    )]
    pub name: Spanned<String>,
    /// The family of secrets the rule finds.
    #[cfg_attr(feature = "language-schema", schemars(example = &"github"))]
    pub family: String,
    /// A regular expression in the dialect Rust's `regex` and Python's `re` read alike;
    /// `(?P<secret>...)` marks the secret.
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "String", example = &r"\bgh[pousr]_[A-Za-z0-9_]{20,}\b")
    )]
    pub pattern: Spanned<String>,
    /// Case-insensitive words one of which every match holds (a prefilter).
    #[serde(default)]
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = vec!["ghp_", "gho_", "ghu_", "ghs_", "ghr_"])
    )]
    pub keywords: Vec<String>,
    /// The least Shannon entropy, in bits per byte, of a secret the rule reports.
    #[cfg_attr(feature = "language-schema", schemars(example = 3.0))]
    pub min_entropy: Option<f64>,
    /// Regular expressions of secrets the rule lets through (placeholders).
    #[serde(default)]
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "Vec<String>", example = vec!["^x+$"])
    )]
    pub allow: Vec<Spanned<String>>,
    /// What the rule finds.
    #[cfg_attr(feature = "language-schema", schemars(example = &"GitHub tokens."))]
    pub doc: Option<String>,
}
