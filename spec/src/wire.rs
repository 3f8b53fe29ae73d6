//! What a document must hold: the wire meaning of the spec, decided here once. Every output (the
//! generated Rust and its runtime descriptors, the derive, the JSON Schemas and OpenAPI, the wiki,
//! `codegen diff`) asks these functions instead of working out for itself what a spec field means.
//! `spec/README.md` ("What a document must hold") states the same rules for people.
//!
//! - A field **must be present** when it is required or constant: a constant (a boundary text,
//!   `private_implementation_required`, an envelope's `schema_version`, `operation` and `message`,
//!   an evidence document's `schema_version` and `contract`) is part of every document that has
//!   it, as upstream's `to_dict()` always writes it.
//! - A field with a default **may be absent**, and then holds its default (a reader fills it in);
//!   an optional field may be absent and then holds nothing.
//! - **`null` is never a value**: no spec type accepts it, so a present `null` is refused like any
//!   other value of the wrong kind.
//! - What each type accepts is [`Accepts`].

use serde_json::Value;

use crate::model::{Evidence, Family, Field, FieldType, Operation, Presence};

/// The operation or evidence contract whose documents a field belongs to.
#[derive(Clone, Copy, Debug)]
pub enum Owner<'a> {
    /// A request, response, payload or summary of an operation.
    Operation(&'a Operation),
    /// An evidence contract's document.
    Evidence(&'a Evidence),
    /// Neither (a shape used by several contracts).
    Shared,
}

/// What a string-valued spec type accepts beyond being a string.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Accepts {
    /// Any string (`string`, `label`, `ref`, `text`, `message`); the boundary scan still refuses
    /// a token-like value in every string.
    AnyString,
    /// A string with at least one character that is not whitespace (`identifier`,
    /// `correlation_id`, `schema_version`, `operation`, `contract`).
    NonBlank,
    /// An RFC 3339 timestamp (`cavra_runtime::validate::TIMESTAMP_PATTERN`).
    Timestamp,
    /// Not a string type: `bool`, `integer`, a vocabulary, a check, a shape, a list, a map, a
    /// payload or a summary, each with its own rule.
    Other,
}

impl Presence {
    /// Whether every document must carry the field: required and constant fields must; optional
    /// and defaulted ones may be left out.
    pub fn must_be_present(&self) -> bool {
        matches!(self, Presence::Required | Presence::Const(_))
    }
}

impl Field {
    /// Whether every document must carry this field (see [`Presence::must_be_present`]).
    pub fn must_be_present(&self) -> bool {
        self.presence.must_be_present()
    }
}

impl FieldType {
    /// What a value of this type must be, when the type is a kind of string.
    pub fn accepts(&self) -> Accepts {
        match self {
            FieldType::String
            | FieldType::Label
            | FieldType::Ref
            | FieldType::Text
            | FieldType::Message => Accepts::AnyString,
            FieldType::Identifier
            | FieldType::CorrelationId
            | FieldType::SchemaVersion
            | FieldType::Operation
            | FieldType::Contract => Accepts::NonBlank,
            FieldType::Timestamp => Accepts::Timestamp,
            FieldType::Bool
            | FieldType::Integer
            | FieldType::Check
            | FieldType::Vocabulary(_)
            | FieldType::Shape(_)
            | FieldType::List(_)
            | FieldType::Map(_)
            | FieldType::Payload
            | FieldType::Summary => Accepts::Other,
        }
    }
}

/// What fixes the value of an envelope or document-header field.
#[derive(Clone, Debug, PartialEq)]
pub enum Fixed {
    /// The same value in every contract of the family (`schema_version`).
    Family(Value),
    /// The operation's name (`operation`).
    OperationName,
    /// The operation's message (a response's `message`).
    OperationMessage,
    /// The evidence contract's name (`contract`).
    ContractName,
}

impl Family {
    /// What fixes the value of a field of type `ty` in the family's envelopes and document
    /// header, where its type fixes one (`part` is `request`, `response` or `evidence`). `None`
    /// for every other field (a spec constant is [`Presence::Const`]).
    pub fn fixed(&self, ty: &FieldType, part: &str) -> Option<Fixed> {
        match ty {
            FieldType::SchemaVersion => self.schema_version(part).map(|v| Fixed::Family(v.into())),
            FieldType::Operation => Some(Fixed::OperationName),
            FieldType::Message => Some(Fixed::OperationMessage),
            FieldType::Contract => Some(Fixed::ContractName),
            _ => None,
        }
    }

    /// The value an envelope or document-header field always holds in `owner`'s documents:
    /// [`Family::fixed`] read for that operation or evidence contract.
    pub fn fixed_value(&self, ty: &FieldType, owner: Owner<'_>, part: &str) -> Option<Value> {
        match (self.fixed(ty, part)?, owner) {
            (Fixed::Family(value), _) => Some(value),
            (Fixed::OperationName, Owner::Operation(o)) => Some(Value::from(o.name.as_str())),
            (Fixed::OperationMessage, Owner::Operation(o)) => Some(Value::from(o.message.as_str())),
            (Fixed::ContractName, Owner::Evidence(e)) => Some(Value::from(e.name.as_str())),
            _ => None,
        }
    }
}
