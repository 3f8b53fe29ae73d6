//! Operations and evidence contracts: checks, gates and their conditions, record lists.

use std::fmt;

use super::*;
use crate::source::{Sp, Span};

/// A check of an operation and the private responsibility it describes.
#[derive(Clone, Debug)]
#[cfg_attr(
    feature = "resolved-model",
    derive(serde::Serialize, serde::Deserialize)
)]
pub struct Check {
    /// snake_case name.
    pub name: Sp<String>,
    /// The private responsibility, where upstream states one.
    pub responsibility: Option<String>,
}

/// Request and response descriptions for the public contract description.
#[derive(Clone, Debug)]
#[cfg_attr(
    feature = "resolved-model",
    derive(serde::Serialize, serde::Deserialize)
)]
pub struct Describe {
    /// What the request carries.
    pub request: String,
    /// What the response carries.
    pub response: String,
}

/// An operation exchanged as a request and a response envelope.
#[derive(Clone, Debug)]
#[cfg_attr(
    feature = "resolved-model",
    derive(serde::Serialize, serde::Deserialize)
)]
pub struct Operation {
    /// snake_case name (the wire `operation` value).
    pub name: Sp<String>,
    /// Its family.
    pub family: String,
    /// Page title.
    pub title: String,
    /// Subject phrase used in messages (`SaaS operating automation`).
    pub subject: String,
    /// Request and response descriptions.
    pub describe: Option<Describe>,
    /// Response message.
    pub message: String,
    /// Next step pointer.
    pub next_step: String,
    /// Message for a response built from a request of another operation.
    pub mismatch_message: String,
    /// Private modules the response says are required.
    pub private_modules: Vec<String>,
    /// CLI command.
    pub cli: Option<Cli>,
    /// HTTP route.
    pub http: Option<Http>,
    /// Checks, in spec order (borrowed from `checks_from` where set).
    pub checks: Vec<Check>,
    /// The operation whose checks this one uses.
    pub checks_from: Option<Sp<String>>,
    /// Request payload fields.
    pub request: Vec<Field>,
    /// Summary fields, if the response carries a summary.
    pub summary: Option<Vec<Field>>,
    /// Response payload fields (derived; see `spec/README.md`).
    pub response: Vec<Field>,
    /// Boundary prose.
    pub boundary: ContractBoundary,
    /// Wiki prose.
    pub wiki: Wiki,
}

/// An evidence contract: a document judged by readiness gates.
#[derive(Clone, Debug)]
#[cfg_attr(
    feature = "resolved-model",
    derive(serde::Serialize, serde::Deserialize)
)]
pub struct Evidence {
    /// snake_case name (the document's `contract` value).
    pub name: Sp<String>,
    /// Its family.
    pub family: String,
    /// Page title.
    pub title: String,
    /// The evidence contract it consumes.
    pub consumes: Option<Sp<String>>,
    /// The consumed evidence in the source's words.
    pub consumes_text: Option<String>,
    /// The sentence before the gate list.
    pub gates_intro: Option<String>,
    /// Its own document fields, after the family's header.
    pub fields: Vec<Field>,
    /// The "private evidence records references for" lists.
    pub records: Vec<RecordGroup>,
    /// Readiness gates, in order.
    pub gates: Vec<Gate>,
    /// Boundary prose.
    pub boundary: ContractBoundary,
    /// Wiki prose.
    pub wiki: Wiki,
}

/// A list of things private evidence records references for.
#[derive(Clone, Debug)]
#[cfg_attr(
    feature = "resolved-model",
    derive(serde::Serialize, serde::Deserialize)
)]
pub struct RecordGroup {
    /// The sentence before the list.
    pub intro: Option<String>,
    /// The items.
    pub items: Vec<RecordItem>,
}

/// One recorded thing and the document fields that carry it.
#[derive(Clone, Debug)]
#[cfg_attr(
    feature = "resolved-model",
    derive(serde::Serialize, serde::Deserialize)
)]
pub struct RecordItem {
    /// The source's words.
    pub text: String,
    /// Field paths.
    pub fields: Vec<FieldPath>,
}

/// A dotted path into a document (`source.evidence_status`).
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(
    feature = "resolved-model",
    derive(serde::Serialize, serde::Deserialize)
)]
pub struct FieldPath {
    /// Field names from the document root.
    pub segments: Vec<String>,
    /// Where it was written.
    pub span: Span,
}

impl FieldPath {
    /// The path as a JSON pointer (`/source/evidence_status`), for `serde_json::Value::pointer`.
    pub fn pointer(&self) -> String {
        pointer(&self.segments)
    }
}

/// A JSON pointer from field names (`["source", "evidence_status"]` to `/source/evidence_status`).
pub fn pointer(segments: &[String]) -> String {
    segments.iter().map(|s| format!("/{s}")).collect()
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.segments.join("."))
    }
}

/// A readiness rule: "the evidence is ready only when ...".
#[derive(Clone, Debug)]
#[cfg_attr(
    feature = "resolved-model",
    derive(serde::Serialize, serde::Deserialize)
)]
pub struct Gate {
    /// The rule in the source's words; also the blocker text.
    pub text: String,
    /// Where it was written.
    pub span: Span,
    /// The cases; the first whose `when` holds decides. A gate with no applicable case passes.
    pub cases: Vec<GateCase>,
}

/// One case of a gate.
#[derive(Clone, Debug)]
#[cfg_attr(
    feature = "resolved-model",
    derive(serde::Serialize, serde::Deserialize)
)]
pub struct GateCase {
    /// The condition under which this case applies; always if `None`.
    pub when: Option<Condition>,
    /// What must hold.
    pub conditions: Vec<Condition>,
}

/// One machine-checked condition.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(
    feature = "resolved-model",
    derive(serde::Serialize, serde::Deserialize)
)]
pub enum Condition {
    /// The field equals the value.
    Equals {
        /// Field.
        path: FieldPath,
        /// Value.
        value: String,
    },
    /// The field is one of the values.
    OneOf {
        /// Field.
        path: FieldPath,
        /// Values.
        values: Vec<String>,
    },
    /// The field is none of the values.
    NotOneOf {
        /// Field.
        path: FieldPath,
        /// Values.
        values: Vec<String>,
    },
    /// The field equals another field.
    Matches {
        /// Field.
        path: FieldPath,
        /// The other field.
        other: FieldPath,
    },
    /// Every field is present and non-empty.
    Present {
        /// Fields.
        paths: Vec<FieldPath>,
    },
    /// Every field is absent or empty.
    Absent {
        /// Fields.
        paths: Vec<FieldPath>,
    },
}
