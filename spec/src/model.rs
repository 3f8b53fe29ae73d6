//! The resolved spec: every family, vocabulary, shape and contract, references checked, in spec
//! order. Code, docs and JSON generated from it follow this order.

use std::fmt;

use serde_json::Value;

use crate::source::{SourceMap, Sp, Span};

/// A loaded, resolved and checked spec.
#[derive(Clone, Debug)]
pub struct Spec {
    /// The files it was loaded from, for diagnostics.
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
pub struct SchemaVersion {
    /// `contract`, `request`, `response` or `evidence`.
    pub kind: String,
    /// `cavra.<family>.<kind>.v<N>`.
    pub value: Sp<String>,
}

/// A CLI command group.
#[derive(Clone, Debug)]
pub struct CliGroup {
    /// The group's command name (`saas`).
    pub name: Sp<String>,
    /// Its help text.
    pub help: String,
}

/// A CLI command.
#[derive(Clone, Debug)]
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
pub struct Http {
    /// Upper-case method.
    pub method: Sp<String>,
    /// Path, starting with `/`.
    pub route: Sp<String>,
}

/// The generic private-service response.
#[derive(Clone, Debug)]
pub struct Unavailable {
    /// Response message.
    pub message: String,
    /// Next step pointer.
    pub next_step: String,
}

/// The public contract description of a family.
#[derive(Clone, Debug)]
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
pub struct VocabularyValue {
    /// The exact wire string.
    pub value: Sp<String>,
    /// What it means.
    pub doc: Option<String>,
}

/// A named object type.
#[derive(Clone, Debug)]
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

/// A field of a payload, summary, document or shape.
#[derive(Clone, Debug)]
pub struct Field {
    /// snake_case wire name.
    pub name: Sp<String>,
    /// Type.
    pub ty: Sp<FieldType>,
    /// Required, optional, defaulted or constant.
    pub presence: Presence,
    /// Description.
    pub doc: Option<String>,
    /// Minimum number of items (lists).
    pub min_items: Option<usize>,
    /// The message when a list has fewer than `min_items` items.
    pub min_items_message: Option<String>,
    /// Minimum value (integers).
    pub minimum: Option<i64>,
    /// CLI flag name, where it differs from the derived one.
    pub cli_flag: Option<String>,
    /// CLI help, where it differs from `doc`.
    pub cli_help: Option<String>,
    /// CLI default, where it differs from the wire default.
    pub cli_default: Option<Value>,
    /// Example value for docs.
    pub example: Option<Value>,
}

impl Field {
    /// Whether a document may leave the field out.
    pub fn is_required(&self) -> bool {
        matches!(self.presence, Presence::Required)
    }
}

/// Whether a field must be present, and what it holds when it is not.
#[derive(Clone, Debug, PartialEq)]
pub enum Presence {
    /// Must be present.
    Required,
    /// May be absent; no default.
    Optional,
    /// May be absent; this value when it is.
    Default(Value),
    /// Always this value.
    Const(Value),
}

/// A field's type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldType {
    /// Any string.
    String,
    /// A trimmed, non-empty identifier.
    Identifier,
    /// A public-safe free label (scope, cadence, environment).
    Label,
    /// A public-safe reference label (`scheduler-pending`, `evidence://...`).
    Ref,
    /// Free text (messages, blockers).
    Text,
    /// `true` or `false`.
    Bool,
    /// A whole number.
    Integer,
    /// An RFC 3339 timestamp string.
    Timestamp,
    /// The family's schema version for this part (envelope and document headers).
    SchemaVersion,
    /// The name of an operation of the family (envelopes).
    Operation,
    /// The name of an evidence contract of the family (document headers).
    Contract,
    /// A correlation id (envelopes).
    CorrelationId,
    /// The operation's response message (response envelopes).
    Message,
    /// The operation's payload (envelopes).
    Payload,
    /// The operation's summary (response payloads).
    Summary,
    /// The name of a check of the operation.
    Check,
    /// A value of the named vocabulary.
    Vocabulary(String),
    /// An object of the named shape.
    Shape(String),
    /// A list.
    List(Box<FieldType>),
    /// A map from labels to values.
    Map(Box<FieldType>),
}

impl FieldType {
    /// The item type of a list or map, else the type itself.
    pub fn item(&self) -> &FieldType {
        match self {
            FieldType::List(t) | FieldType::Map(t) => t.item(),
            t => t,
        }
    }

    /// Whether this is a list.
    pub fn is_list(&self) -> bool {
        matches!(self, FieldType::List(_))
    }
}

impl fmt::Display for FieldType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = match self {
            FieldType::String => "string",
            FieldType::Identifier => "identifier",
            FieldType::Label => "label",
            FieldType::Ref => "ref",
            FieldType::Text => "text",
            FieldType::Bool => "bool",
            FieldType::Integer => "integer",
            FieldType::Timestamp => "timestamp",
            FieldType::SchemaVersion => "schema_version",
            FieldType::Operation => "operation",
            FieldType::Contract => "contract",
            FieldType::CorrelationId => "correlation_id",
            FieldType::Message => "message",
            FieldType::Payload => "payload",
            FieldType::Summary => "summary",
            FieldType::Check => "check",
            FieldType::Vocabulary(name) | FieldType::Shape(name) => name,
            FieldType::List(t) => return write!(f, "list<{t}>"),
            FieldType::Map(t) => return write!(f, "map<{t}>"),
        };
        f.write_str(s)
    }
}

/// A check of an operation and the private responsibility it describes.
#[derive(Clone, Debug)]
pub struct Check {
    /// snake_case name.
    pub name: Sp<String>,
    /// The private responsibility, where upstream states one.
    pub responsibility: Option<String>,
}

/// Request and response descriptions for the public contract description.
#[derive(Clone, Debug)]
pub struct Describe {
    /// What the request carries.
    pub request: String,
    /// What the response carries.
    pub response: String,
}

/// An operation exchanged as a request and a response envelope.
#[derive(Clone, Debug)]
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
pub struct RecordGroup {
    /// The sentence before the list.
    pub intro: Option<String>,
    /// The items.
    pub items: Vec<RecordItem>,
}

/// One recorded thing and the document fields that carry it.
#[derive(Clone, Debug)]
pub struct RecordItem {
    /// The source's words.
    pub text: String,
    /// Field paths.
    pub fields: Vec<FieldPath>,
}

/// A dotted path into a document (`source.evidence_status`).
#[derive(Clone, Debug, PartialEq, Eq)]
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
pub struct GateCase {
    /// The condition under which this case applies; always if `None`.
    pub when: Option<Condition>,
    /// What must hold.
    pub conditions: Vec<Condition>,
}

/// One machine-checked condition.
#[derive(Clone, Debug, PartialEq, Eq)]
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

/// What a contract's public repository may and must not contain (prose lists for the wiki).
#[derive(Clone, Debug, Default)]
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
