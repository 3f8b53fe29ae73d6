//! Fields: name, type, presence and the values the spec gives them.

use std::fmt;

use serde_json::Value;

use crate::source::Sp;

/// A field of a payload, summary, document or shape.
#[derive(Clone, Debug)]
#[cfg_attr(
    feature = "resolved-model",
    derive(serde::Serialize, serde::Deserialize)
)]
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
#[cfg_attr(
    feature = "resolved-model",
    derive(serde::Serialize, serde::Deserialize)
)]
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
#[cfg_attr(
    feature = "resolved-model",
    derive(serde::Serialize, serde::Deserialize)
)]
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
