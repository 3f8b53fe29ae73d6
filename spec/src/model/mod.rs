//! The resolved spec: every family, vocabulary, shape and contract, references checked, in spec
//! order. Code, docs and JSON generated from it follow this order. Fields are in `field.rs`,
//! operations and evidence contracts in `contract.rs`, prose and the machine-checked boundary in
//! `prose.rs`; what a field means on the wire is `crate::wire`.

use crate::source::{SourceMap, Sp};

mod contract;
mod field;
mod prose;

pub use contract::*;
pub use field::*;
pub use prose::*;

/// A loaded, resolved and checked spec.
#[derive(Clone, Debug)]
#[cfg_attr(
    feature = "resolved-model",
    derive(serde::Serialize, serde::Deserialize)
)]
pub struct Spec {
    /// The files it was loaded from, for diagnostics (not carried by a resolved model: its spans
    /// then point into files it does not hold).
    #[cfg_attr(feature = "resolved-model", serde(skip))]
    pub sources: SourceMap,
    /// The machine-checked boundary shared by every contract.
    pub boundary: Boundary,
    /// Families, in spec order.
    pub families: Vec<Family>,
    /// Vocabularies, in spec order.
    pub vocabularies: Vec<Vocabulary>,
    /// Named object shapes, in spec order.
    pub shapes: Vec<Shape>,
    /// Envelope operations, in spec order.
    pub operations: Vec<Operation>,
    /// Evidence contracts, in spec order.
    pub evidence: Vec<Evidence>,
}

impl Spec {
    /// The family named `name`.
    pub fn family(&self, name: &str) -> Option<&Family> {
        self.families.iter().find(|f| f.name.as_str() == name)
    }

    /// The vocabulary named `name`.
    pub fn vocabulary(&self, name: &str) -> Option<&Vocabulary> {
        self.vocabularies.iter().find(|v| v.name.as_str() == name)
    }

    /// The shape named `name`.
    pub fn shape(&self, name: &str) -> Option<&Shape> {
        self.shapes.iter().find(|s| s.name.as_str() == name)
    }

    /// The operation named `name`.
    pub fn operation(&self, name: &str) -> Option<&Operation> {
        self.operations.iter().find(|o| o.name.as_str() == name)
    }

    /// The evidence contract named `name`.
    pub fn evidence_contract(&self, name: &str) -> Option<&Evidence> {
        self.evidence.iter().find(|e| e.name.as_str() == name)
    }

    /// The operations of a family, in spec order.
    pub fn operations_of<'a>(&'a self, family: &'a str) -> impl Iterator<Item = &'a Operation> {
        self.operations.iter().filter(move |o| o.family == family)
    }

    /// The evidence contracts of a family, in spec order.
    pub fn evidence_of<'a>(&'a self, family: &'a str) -> impl Iterator<Item = &'a Evidence> {
        self.evidence.iter().filter(move |e| e.family == family)
    }

    /// The full document of an evidence contract: its family's header fields, then its own.
    pub fn evidence_document<'a>(&'a self, evidence: &'a Evidence) -> Vec<&'a Field> {
        let header = self
            .family(&evidence.family)
            .map(|f| f.document.iter())
            .into_iter()
            .flatten();
        header.chain(evidence.fields.iter()).collect()
    }
}

/// What kind of contracts a family holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(
    feature = "resolved-model",
    derive(serde::Serialize, serde::Deserialize)
)]
pub enum FamilyKind {
    /// Operations exchanged as request and response envelopes (the SaaS Control Plane).
    Envelope,
    /// Evidence documents judged by readiness gates (the trial lifecycle).
    Evidence,
    /// Vocabularies and shapes only (licensing).
    Catalog,
}

impl FamilyKind {
    /// The spelling in the spec.
    pub fn as_str(self) -> &'static str {
        match self {
            FamilyKind::Envelope => "envelope",
            FamilyKind::Evidence => "evidence",
            FamilyKind::Catalog => "catalog",
        }
    }
}

/// A family of contracts sharing an envelope or document header and schema versions.
#[derive(Clone, Debug)]
#[cfg_attr(
    feature = "resolved-model",
    derive(serde::Serialize, serde::Deserialize)
)]
pub struct Family {
    /// snake_case name.
    pub name: Sp<String>,
    /// What it holds.
    pub kind: FamilyKind,
    /// Human title.
    pub title: String,
    /// One-paragraph description.
    pub doc: Option<String>,
    /// Product name written into contract descriptions (`CAVRA`).
    pub product: Option<String>,
    /// Schema version strings by kind (`contract`, `request`, `response`, `evidence`).
    pub schema_versions: Vec<SchemaVersion>,
    /// Prefix of generated correlation ids (`saas-`).
    pub correlation_id_prefix: Option<String>,
    /// The CLI group its commands live under.
    pub cli_group: Option<CliGroup>,
    /// The response used by operations that name no message or next step of their own.
    pub unavailable: Option<Unavailable>,
    /// Request envelope fields, in wire order (envelope families).
    pub request_envelope: Vec<Field>,
    /// Response envelope fields, in wire order (envelope families).
    pub response_envelope: Vec<Field>,
    /// Evidence document header fields, in wire order (evidence families).
    pub document: Vec<Field>,
    /// The public contract description (`cavra saas contract`).
    pub description: Option<ContractDescription>,
    /// Wiki prose for the family page.
    pub wiki: Wiki,
}

impl Family {
    /// The schema version string of `kind`.
    pub fn schema_version(&self, kind: &str) -> Option<&str> {
        self.schema_versions
            .iter()
            .find(|v| v.kind == kind)
            .map(|v| v.value.as_str())
    }
}

/// A schema version string and the part it versions.
#[derive(Clone, Debug)]
#[cfg_attr(
    feature = "resolved-model",
    derive(serde::Serialize, serde::Deserialize)
)]
pub struct SchemaVersion {
    /// `contract`, `request`, `response` or `evidence`.
    pub kind: String,
    /// `cavra.<family>.<kind>.v<N>`.
    pub value: Sp<String>,
}

/// A CLI command group.
#[derive(Clone, Debug)]
#[cfg_attr(
    feature = "resolved-model",
    derive(serde::Serialize, serde::Deserialize)
)]
pub struct CliGroup {
    /// The group's command name (`saas`).
    pub name: Sp<String>,
    /// Its help text.
    pub help: String,
}

/// A CLI command.
#[derive(Clone, Debug)]
#[cfg_attr(
    feature = "resolved-model",
    derive(serde::Serialize, serde::Deserialize)
)]
pub struct Cli {
    /// Space-separated command path (`saas operating-automation`).
    pub path: Sp<String>,
    /// Help text.
    pub help: String,
    /// Help text of the tenant argument, where the command takes one.
    pub tenant_help: Option<String>,
}

/// An HTTP route.
#[derive(Clone, Debug)]
#[cfg_attr(
    feature = "resolved-model",
    derive(serde::Serialize, serde::Deserialize)
)]
pub struct Http {
    /// Upper-case method.
    pub method: Sp<String>,
    /// Path, starting with `/`.
    pub route: Sp<String>,
}

/// The generic private-service response.
#[derive(Clone, Debug)]
#[cfg_attr(
    feature = "resolved-model",
    derive(serde::Serialize, serde::Deserialize)
)]
pub struct Unavailable {
    /// Response message.
    pub message: String,
    /// Next step pointer.
    pub next_step: String,
}

/// The public contract description of a family.
#[derive(Clone, Debug)]
#[cfg_attr(
    feature = "resolved-model",
    derive(serde::Serialize, serde::Deserialize)
)]
pub struct ContractDescription {
    /// What the public contracts are for.
    pub purpose: String,
    /// What the public repository does and does not contain, in order.
    pub public_repository_boundary: Vec<(String, bool)>,
    /// CLI command that prints it.
    pub cli: Option<Cli>,
    /// HTTP route that serves it.
    pub http: Option<Http>,
}

/// A closed set of status strings.
#[derive(Clone, Debug)]
#[cfg_attr(
    feature = "resolved-model",
    derive(serde::Serialize, serde::Deserialize)
)]
pub struct Vocabulary {
    /// snake_case name, after the field that carries it.
    pub name: Sp<String>,
    /// The family it belongs to, if any.
    pub family: Option<String>,
    /// Description.
    pub doc: Option<String>,
    /// How the wiki presents the values: a sentence with `{values}` where they go inline
    /// (`Supported public-safe statuses are {values}.`), or a line ending in `:` before a list.
    pub wiki: Option<String>,
    /// Values, in spec order.
    pub values: Vec<VocabularyValue>,
}

impl Vocabulary {
    /// Whether `value` is one of the values.
    pub fn contains(&self, value: &str) -> bool {
        self.values.iter().any(|v| v.value.as_str() == value)
    }

    /// The values in spec order.
    pub fn value_strs(&self) -> impl Iterator<Item = &str> {
        self.values.iter().map(|v| v.value.as_str())
    }

    /// The values sorted, as upstream lists them in messages (`automated, blocked, ...`).
    pub fn sorted_values(&self) -> Vec<&str> {
        let mut values: Vec<&str> = self.value_strs().collect();
        values.sort_unstable();
        values
    }
}

/// One value of a vocabulary.
#[derive(Clone, Debug)]
#[cfg_attr(
    feature = "resolved-model",
    derive(serde::Serialize, serde::Deserialize)
)]
pub struct VocabularyValue {
    /// The exact wire string.
    pub value: Sp<String>,
    /// What it means.
    pub doc: Option<String>,
}

/// A named object type.
#[derive(Clone, Debug)]
#[cfg_attr(
    feature = "resolved-model",
    derive(serde::Serialize, serde::Deserialize)
)]
pub struct Shape {
    /// snake_case name.
    pub name: Sp<String>,
    /// The family it belongs to, if any.
    pub family: Option<String>,
    /// Description.
    pub doc: Option<String>,
    /// Fields in wire order.
    pub fields: Vec<Field>,
}
