//! The pages' prose: `[... .boundary]` and `[... .wiki]`.

use serde::Deserialize;

#[cfg(feature = "language-schema")]
use crate::language_schema::examples::*;

/// `[... .boundary]`: the page's prose about what the public repository holds.
#[derive(Debug, Default, Deserialize)]
#[cfg_attr(feature = "language-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawContractBoundary {
    /// The "does not contain ..." sentence.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"This contract does not contain private implementation details.")
    )]
    pub statement: Option<String>,
    /// Introduces `may_contain`: a line ending in `:`, or a sentence with `{items}`.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"This public repository may contain:")
    )]
    pub may_contain_intro: Option<String>,
    /// Introduces `must_not_contain`; `{may_contain}` puts the may-contain items inline.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"The public repository may document {may_contain}. It must not store:")
    )]
    pub must_not_contain_intro: Option<String>,
    /// Introduces `private_responsibilities`.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"Private Enterprise or SaaS services must implement {items}.")
    )]
    pub private_responsibilities_intro: Option<String>,
    /// What the public repository may contain.
    #[serde(default)]
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = vec!["request and response dataclasses", "schema version constants"])
    )]
    pub may_contain: Vec<String>,
    /// What the public repository must not contain.
    #[serde(default)]
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = vec!["Enterprise source code", "SaaS backend implementation"])
    )]
    pub must_not_contain: Vec<String>,
    /// What private services are responsible for.
    #[serde(default)]
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = vec!["automation worker source code"])
    )]
    pub private_responsibilities: Vec<String>,
}

/// `[... .wiki]`: the page's prose.
#[derive(Debug, Default, Deserialize)]
#[cfg_attr(feature = "language-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawWiki {
    /// The page title, where it differs from the contract's title.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"SaaS Operating Automation Contract")
    )]
    pub title: Option<String>,
    /// The page's first paragraph.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"CAVRA Community publishes the public-safe contract shape.")
    )]
    pub intro: Option<String>,
    /// The "Purpose" section.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"Give teams a public request and response shape.")
    )]
    pub purpose: Option<String>,
    /// The page's status date, `YYYY-MM-DD`.
    #[cfg_attr(feature = "language-schema", schemars(example = &"2026-06-02"))]
    pub status_date: Option<String>,
    /// A note after the vocabularies.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"Unknown values are rejected.")
    )]
    pub vocabulary_note: Option<String>,
    /// The checks table's heading (default `Checks`).
    #[cfg_attr(feature = "language-schema", schemars(example = &"Operating Checks"))]
    pub checks_heading: Option<String>,
    /// What the public tests validate.
    #[serde(default)]
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = vec!["request serialization", "empty-check rejection"])
    )]
    pub validation: Vec<String>,
    /// The "Surfaces" paragraph.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"Both surfaces return request and response shapes only.")
    )]
    pub surfaces: Option<String>,
    /// The page's user stories.
    #[serde(default)]
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = vec!["As a support leader, I can review automation readiness."])
    )]
    pub user_stories: Vec<String>,
    /// The "Enterprise Challenge Solved" paragraph.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"Teams can review the shape without private code.")
    )]
    pub challenge: Option<String>,
    /// The "Next Recommendation" paragraph.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"Add a private worker for the live mode.")
    )]
    pub next_recommendation: Option<String>,
    /// Where the private implementation came from.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"cavra-enterprise PR #89")
    )]
    pub private_origin: Option<String>,
    /// Any further section of the page (`[[... .wiki.sections]]`).
    #[serde(default)]
    #[cfg_attr(feature = "language-schema", schemars(example = sections_example()))]
    pub sections: Vec<RawWikiSection>,
}

/// `[[... .wiki.sections]]`: a further section of a page.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "language-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawWikiSection {
    /// The section's heading.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"Evidence Console Surface")
    )]
    pub heading: String,
    /// The section's paragraph.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"The public Evidence Console includes the contract.")
    )]
    pub body: Option<String>,
    /// A list after the paragraph.
    #[serde(default)]
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = vec!["request shape", "response shape"])
    )]
    pub items: Vec<String>,
}
