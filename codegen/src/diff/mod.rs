//! `codegen diff OLD NEW`: what a spec change does to the clients of its contracts, as `buf
//! breaking` does for protobuf. Every change is classed [`Class::Breaking`] (a request producer
//! or response consumer written against OLD may fail against NEW), [`Class::Boundary`] (the
//! public-safe boundary is weaker, even where the wire stays compatible) or
//! [`Class::Compatible`], and located in NEW (in OLD for removals). A family with a breaking
//! change and no bumped schema version string is itself a breaking change.

mod boundary;
mod compare;
mod contracts;
mod definitions;
mod fields;
pub mod load;
mod report;

use cavra_spec::{Span, Spec};
use serde::Serialize;

pub use report::{Allow, AllowList, Summary, render_json, render_text};

/// How a change affects clients.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Class {
    /// A client written against the old spec may fail against the new one.
    Breaking,
    /// The public-safe boundary is weaker: less is refused.
    Boundary,
    /// Nothing a client relies on changes.
    Compatible,
}

impl Class {
    /// The word in `error[breaking]`.
    pub fn as_str(self) -> &'static str {
        match self {
            Class::Breaking => "breaking",
            Class::Boundary => "boundary",
            Class::Compatible => "compatible",
        }
    }
}

/// Where a change is: a file of the new spec (or of the old one, for a removal), line, column.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Location {
    /// As the spec was loaded (`spec/contracts/10-x.toml`, or `main:spec/contracts/10-x.toml`).
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
}

/// One change between two specs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Change {
    /// Breaking, boundary or compatible.
    pub class: Class,
    /// A stable name of the change (`operation.saas_operating_automation.request.automation_cadence.default`),
    /// which an allow-list entry names.
    pub id: String,
    /// What changed, in words.
    pub message: String,
    /// Where.
    pub at: Location,
    /// The reason the allow-list gives, when the team accepted the change.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allowed: Option<String>,
}

impl Change {
    /// Whether the change fails the check: breaking or weakening, and not allowed.
    pub fn fails(&self) -> bool {
        self.class != Class::Compatible && self.allowed.is_none()
    }
}

/// Which spec a span belongs to.
#[derive(Clone, Copy)]
pub(crate) enum Side {
    Old,
    New,
}

/// Every change from `old` to `new`, in spec order: boundary, vocabularies, shapes, families,
/// operations, evidence contracts, then the version-bump rule.
pub fn diff(old: &Spec, new: &Spec) -> Vec<Change> {
    compare::Differ::new(old, new).run()
}

pub(crate) fn locate(spec: &Spec, span: Span) -> Location {
    let position = spec.sources.position(span);
    Location {
        file: spec.sources.name(span.file).to_owned(),
        line: position.line,
        column: position.column,
    }
}
