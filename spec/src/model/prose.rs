//! The prose of a contract (its public-repository boundary and wiki sections) and the
//! machine-checked boundary of the whole spec.

use crate::source::Sp;

/// What a contract's public repository may and must not contain (prose lists for the wiki).
#[derive(Clone, Debug, Default)]
#[cfg_attr(
    feature = "resolved-model",
    derive(serde::Serialize, serde::Deserialize)
)]
pub struct ContractBoundary {
    /// The boundary sentence.
    pub statement: Option<String>,
    /// How the wiki introduces `may_contain`: a line ending in `:` before a bullet list, or a
    /// sentence with `{items}` where the items go inline.
    pub may_contain_intro: Option<String>,
    /// How the wiki introduces `must_not_contain` (as `may_contain_intro`; `{may_contain}` puts
    /// the may-contain items inline in the same sentence).
    pub must_not_contain_intro: Option<String>,
    /// How the wiki introduces `private_responsibilities` (as `may_contain_intro`).
    pub private_responsibilities_intro: Option<String>,
    /// What the public repository may contain.
    pub may_contain: Vec<String>,
    /// What it must not contain.
    pub must_not_contain: Vec<String>,
    /// What private services are responsible for.
    pub private_responsibilities: Vec<String>,
}

/// Wiki prose of a page.
#[derive(Clone, Debug, Default)]
#[cfg_attr(
    feature = "resolved-model",
    derive(serde::Serialize, serde::Deserialize)
)]
pub struct Wiki {
    /// Page title, where it differs from the contract title.
    pub title: Option<String>,
    /// Opening paragraph.
    pub intro: Option<String>,
    /// Purpose.
    pub purpose: Option<String>,
    /// Status date.
    pub status_date: Option<String>,
    /// A note on the vocabulary.
    pub vocabulary_note: Option<String>,
    /// The heading of the checks table (`Checks` when absent).
    pub checks_heading: Option<String>,
    /// What public tests cover.
    pub validation: Vec<String>,
    /// A note on the CLI and API surfaces.
    pub surfaces: Option<String>,
    /// User stories.
    pub user_stories: Vec<String>,
    /// The enterprise challenge solved.
    pub challenge: Option<String>,
    /// The next recommendation.
    pub next_recommendation: Option<String>,
    /// Where the private implementation was delivered.
    pub private_origin: Option<String>,
    /// Further sections.
    pub sections: Vec<WikiSection>,
}

/// A further wiki section.
#[derive(Clone, Debug)]
#[cfg_attr(
    feature = "resolved-model",
    derive(serde::Serialize, serde::Deserialize)
)]
pub struct WikiSection {
    /// Heading.
    pub heading: String,
    /// Paragraphs (Markdown).
    pub body: Option<String>,
    /// A list after the body.
    pub items: Vec<String>,
}

/// The machine-checked boundary shared by every contract.
#[derive(Clone, Debug, Default)]
#[cfg_attr(
    feature = "resolved-model",
    derive(serde::Serialize, serde::Deserialize)
)]
pub struct Boundary {
    /// A key containing one of these parts (normalised) is refused.
    pub sensitive_key_parts: Vec<Sp<String>>,
    /// A string matching one of these is refused as token-like.
    pub value_patterns: Vec<ValuePattern>,
    /// A matched secret that matches one of these (references, placeholders, digests) passes.
    pub allow_values: Vec<Sp<String>>,
}

impl Boundary {
    /// The sensitive key parts as strings.
    pub fn key_parts(&self) -> impl Iterator<Item = &str> {
        self.sensitive_key_parts.iter().map(|p| p.as_str())
    }
}

/// A token-like value rule.
#[derive(Clone, Debug)]
#[cfg_attr(
    feature = "resolved-model",
    derive(serde::Serialize, serde::Deserialize)
)]
pub struct ValuePattern {
    /// snake_case rule name.
    pub name: Sp<String>,
    /// Provider or kind (`github`, `private-key`).
    pub family: String,
    /// Regular expression (Rust `regex` syntax, matched on bytes without Unicode classes). A
    /// `(?P<secret>...)` group marks the secret inside the match.
    pub pattern: Sp<String>,
    /// The rule runs only when one of these occurs in the value (ASCII case-insensitive); it
    /// always runs when there is none.
    pub keywords: Vec<String>,
    /// The least Shannon entropy (bits per byte) the secret must have.
    pub min_entropy: Option<f64>,
    /// A secret that matches one of these passes this rule.
    pub allow: Vec<Sp<String>>,
    /// Description.
    pub doc: Option<String>,
}
