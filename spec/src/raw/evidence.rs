//! `[evidence.NAME]`: records and gates.

use serde::Deserialize;
use toml::Spanned;

use super::prose::{RawContractBoundary, RawWiki};
use super::{RawFields, named_opt};

#[cfg(feature = "language-schema")]
use super::RawField;
#[cfg(feature = "language-schema")]
use crate::language_schema::{examples::*, schema::TableOf};

/// `[evidence.NAME]`: an evidence contract and its gates.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "language-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawEvidence {
    /// The evidence family the contract belongs to.
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "String", example = &"trial_lifecycle")
    )]
    pub family: Spanned<String>,
    /// The contract's title: the wiki page's title.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"Trial Expired Followup Sync")
    )]
    pub title: String,
    /// The evidence contract this one consumes.
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "Option<String>", example = &"trial_access_expiry")
    )]
    pub consumes: Option<Spanned<String>>,
    /// The consumed evidence, in the page's words.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"approved trial access expiry evidence")
    )]
    pub consumes_text: Option<String>,
    /// The line before the gates' list.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"Expired-trial follow-up evidence is blocked unless:")
    )]
    pub gates_intro: Option<String>,
    /// The document's own fields after the family's header, in wire order.
    #[serde(default, deserialize_with = "named_opt")]
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "Option<TableOf<RawField>>", example = fields_example())
    )]
    pub document: Option<Spanned<RawFields>>,
    /// What the private evidence records, in groups (`[[evidence.NAME.records]]`).
    #[serde(default)]
    #[cfg_attr(feature = "language-schema", schemars(example = records_example()))]
    pub records: Vec<RawRecordGroup>,
    /// The readiness gates, in order (`[[evidence.NAME.gates]]`).
    #[serde(default)]
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "Vec<RawGate>", example = gates_example())
    )]
    pub gates: Vec<Spanned<RawGate>>,
    /// The page's boundary prose.
    #[serde(default)]
    #[cfg_attr(feature = "language-schema", schemars(example = boundary_example()))]
    pub boundary: RawContractBoundary,
    /// The page's prose.
    #[serde(default)]
    #[cfg_attr(feature = "language-schema", schemars(example = wiki_example()))]
    pub wiki: RawWiki,
}

/// `[[evidence.NAME.records]]`: a group of recorded things.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "language-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawRecordGroup {
    /// The line before the group's list.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"The private evidence records references for:")
    )]
    pub intro: Option<String>,
    /// The recorded things.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = record_items_example())
    )]
    pub items: Vec<RawRecordItem>,
}

/// `{ text, fields }` in a record group.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "language-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawRecordItem {
    /// The thing recorded, in the page's words.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"evaluator notification")
    )]
    pub text: String,
    /// The document paths that hold it.
    #[serde(default)]
    #[cfg_attr(
        feature = "language-schema",
        schemars(
            with = "Vec<String>",
            example = vec!["references.evaluator_notification_ref"]
        )
    )]
    pub fields: Vec<Spanned<String>>,
}

/// `[[evidence.NAME.gates]]`, and each of its `cases`: the gate's `text` and the rule that
/// decides it. All conditions must hold.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "language-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawGate {
    /// The rule in the source's words: the wiki bullet and the blocker.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"trial access expiry evidence is ready")
    )]
    pub text: Option<String>,
    /// The gate applies only when this holds (otherwise it passes).
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "Option<RawWhen>", example = when_example())
    )]
    pub when: Option<Spanned<RawWhen>>,
    /// The document path that `equals`, `one_of`, `not_one_of` or `matches` compares.
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "Option<String>", example = &"source.evidence_status")
    )]
    pub field: Option<Spanned<String>>,
    /// The field equals this value.
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "Option<String>", example = &"ready")
    )]
    pub equals: Option<Spanned<String>>,
    /// The field is one of these values.
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "Option<Vec<String>>", example = vec!["renewed", "escalated"])
    )]
    pub one_of: Option<Vec<Spanned<String>>>,
    /// The field is none of these values.
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "Option<Vec<String>>", example = vec!["unknown"])
    )]
    pub not_one_of: Option<Vec<Spanned<String>>>,
    /// The field equals the field at this other path.
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "Option<String>", example = &"tenant_id")
    )]
    pub matches: Option<Spanned<String>>,
    /// Every path is present and not empty; `x.*` means every field of object `x`.
    #[cfg_attr(
        feature = "language-schema",
        schemars(
            with = "Option<Vec<String>>",
            example = vec!["references.grace_period_approval_ref"]
        )
    )]
    pub present: Option<Vec<Spanned<String>>>,
    /// Every path is absent or empty.
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "Option<Vec<String>>", example = vec!["production_handoff_plan"])
    )]
    pub absent: Option<Vec<Spanned<String>>>,
    /// The first case whose `when` holds decides (a rule that differs by target).
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "Option<Vec<RawGate>>", example = cases_example())
    )]
    pub cases: Option<Vec<Spanned<RawGate>>>,
}

/// `when = { field, equals | one_of }`.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "language-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawWhen {
    /// The document path compared.
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "String", example = &"trial_outcome")
    )]
    pub field: Spanned<String>,
    /// The field equals this value.
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "Option<String>", example = &"renewed")
    )]
    pub equals: Option<Spanned<String>>,
    /// The field is one of these values.
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "Option<Vec<String>>", example = vec!["renewed", "escalated"])
    )]
    pub one_of: Option<Vec<Spanned<String>>>,
}
