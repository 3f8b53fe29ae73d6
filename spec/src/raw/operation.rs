//! `[vocabulary.NAME]`, `[shape.NAME]` and `[operation.NAME]`.

use serde::Deserialize;
use toml::Spanned;

use super::family::{RawCli, RawHttp};
use super::prose::{RawContractBoundary, RawWiki};
use super::{RawChecks, RawFields, StrOr, named_opt};

#[cfg(feature = "language-schema")]
use super::RawField;
#[cfg(feature = "language-schema")]
use crate::language_schema::{examples::*, schema::TableOf};

/// `[vocabulary.NAME]`: a closed set of status strings.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "language-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawVocabulary {
    /// The family the vocabulary belongs to (default: the family of its file).
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "Option<String>", example = &"saas_control_plane")
    )]
    pub family: Option<Spanned<String>>,
    /// What the values name.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"Public-safe SaaS operating automation worker mode.")
    )]
    pub doc: Option<String>,
    /// How a wiki page presents the values: a sentence with `{values}`, or a line ending in `:`
    /// before a list.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"Supported worker modes are {values}.")
    )]
    pub wiki: Option<String>,
    /// The values in spec order: strings, or `{ value, doc }` tables.
    #[cfg_attr(
        feature = "language-schema",
        schemars(
            with = "Vec<StrOr<RawVocabularyValue>>",
            example = vec!["dry_run", "shadow", "live", "unknown"]
        )
    )]
    pub values: Spanned<Vec<Spanned<StrOr<RawVocabularyValue>>>>,
}

/// `{ value, doc }` in a vocabulary's values.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "language-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawVocabularyValue {
    /// The wire string.
    #[cfg_attr(feature = "language-schema", schemars(example = &"revoked"))]
    pub value: String,
    /// What the value means.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"license and private artifact access were removed")
    )]
    pub doc: Option<String>,
}

/// `[shape.NAME]`: a named object type.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "language-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawShape {
    /// The family the shape belongs to (default: the family of its file).
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "Option<String>", example = &"trial_lifecycle")
    )]
    pub family: Option<Spanned<String>>,
    /// What the object is.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"The approved evidence a trial lifecycle contract consumes.")
    )]
    pub doc: Option<String>,
    /// The object's fields, in wire order (`fields.evidence_status = "evidence_status"`).
    #[serde(deserialize_with = "named_opt")]
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "TableOf<RawField>", example = fields_example())
    )]
    pub fields: Option<Spanned<RawFields>>,
}

/// `describe = { request, response }`.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "language-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawDescribe {
    /// What the request holds, in the contract description's words.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"tenant identifier, worker mode, cadence and required checks")
    )]
    pub request: String,
    /// What the response holds.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"automation status, scheduled checks and blockers")
    )]
    pub response: String,
}

/// `[operation.NAME]`: an envelope operation.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "language-schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RawOperation {
    /// The envelope family the operation belongs to.
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "String", example = &"saas_control_plane")
    )]
    pub family: Spanned<String>,
    /// The contract's title: the wiki page's title.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"SaaS Operating Automation Contract")
    )]
    pub title: String,
    /// The operation's subject in messages (`<subject> response requires a <operation> request`).
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"SaaS operating automation")
    )]
    pub subject: Option<String>,
    /// The operation's line in the family's contract description.
    #[cfg_attr(feature = "language-schema", schemars(example = describe_example()))]
    pub describe: Option<RawDescribe>,
    /// The response's message (default: the family's `unavailable` message).
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"SaaS operating automation requires private billing monitoring.")
    )]
    pub message: Option<String>,
    /// The response's next step (default: the family's `unavailable` next step).
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"See docs/architecture/saas-operating-automation-contract.md")
    )]
    pub next_step: Option<String>,
    /// The message of a response built for another operation's request (default: `<subject>
    /// response requires a <operation> request`).
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = &"worker handoff response requires a worker handoff request")
    )]
    pub mismatch_message: Option<String>,
    /// The private modules the response names as required.
    #[cfg_attr(
        feature = "language-schema",
        schemars(example = vec!["billing monitoring", "license telemetry sync"])
    )]
    pub private_modules: Option<Vec<String>>,
    /// The operation's CLI command.
    #[cfg_attr(feature = "language-schema", schemars(example = cli_example()))]
    pub cli: Option<RawCli>,
    /// The operation's HTTP route (`POST`).
    #[cfg_attr(feature = "language-schema", schemars(example = http_post_example()))]
    pub http: Option<RawHttp>,
    /// The operation's checks: a table of check = private responsibility, or a list of names.
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "Option<RawChecks>", example = checks_example())
    )]
    pub checks: Option<Spanned<RawChecks>>,
    /// Borrows another operation's checks instead of naming its own.
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "Option<String>", example = &"saas_operating_automation")
    )]
    pub checks_from: Option<Spanned<String>>,
    /// The request payload's fields, in wire order (`request.worker_mode = "worker_mode"`).
    #[serde(default, deserialize_with = "named_opt")]
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "Option<TableOf<RawField>>", example = fields_example())
    )]
    pub request: Option<Spanned<RawFields>>,
    /// The response summary's fields, in wire order.
    #[serde(default, deserialize_with = "named_opt")]
    #[cfg_attr(
        feature = "language-schema",
        schemars(with = "Option<TableOf<RawField>>", example = fields_example())
    )]
    pub summary: Option<Spanned<RawFields>>,
    /// The page's boundary prose.
    #[serde(default)]
    #[cfg_attr(feature = "language-schema", schemars(example = boundary_example()))]
    pub boundary: RawContractBoundary,
    /// The page's prose.
    #[serde(default)]
    #[cfg_attr(feature = "language-schema", schemars(example = wiki_example()))]
    pub wiki: RawWiki,
}
