//! Example documents built from a spec's `example` values: what the docs show and what the tests
//! feed the generated code, so that every example is produced from the spec and checked by the
//! code rather than written by hand.
//!
//! A field's example is, in order: its constant, its own `example`, its default, the header value
//! the family fixes (schema version, contract name), an object built from its shape, or the first
//! value of its vocabulary. An optional field without an example or default is left out (so an
//! optional object appears only where the spec gives it an example); a required one with nothing
//! to build from gets an empty string, which validation then rejects.

use serde_json::{Map, Value};

use crate::model::{Evidence, Field, FieldType, Presence, Spec};

/// The example document of an evidence contract: the family header, then the contract's fields,
/// in spec order. With the spec's examples chosen to pass every gate, this is the ready document
/// the wiki shows.
pub fn evidence_document(spec: &Spec, evidence: &Evidence) -> Value {
    let family = spec.family(&evidence.family);
    let header = Header {
        schema_version: family.and_then(|f| f.schema_version("evidence")),
        contract: Some(evidence.name.as_str()),
    };
    object(spec, &spec.evidence_document(evidence), &header)
}

/// The example object of a list of fields (a shape, a payload, a summary), in field order.
pub fn fields_object<'a>(spec: &Spec, fields: impl IntoIterator<Item = &'a Field>) -> Value {
    let fields: Vec<&Field> = fields.into_iter().collect();
    object(spec, &fields, &Header::default())
}

/// Values the enclosing document fixes.
#[derive(Default)]
struct Header<'a> {
    schema_version: Option<&'a str>,
    contract: Option<&'a str>,
}

fn object(spec: &Spec, fields: &[&Field], header: &Header<'_>) -> Value {
    let mut map = Map::new();
    for field in fields {
        if let Some(value) = field_value(spec, field, header) {
            map.insert(field.name.value.clone(), value);
        }
    }
    Value::Object(map)
}

fn field_value(spec: &Spec, field: &Field, header: &Header<'_>) -> Option<Value> {
    if let Presence::Const(value) = &field.presence {
        return Some(value.clone());
    }
    if let Some(example) = &field.example {
        return Some(example.clone());
    }
    if let Presence::Default(value) = &field.presence {
        return Some(value.clone());
    }
    let fixed = match field.ty.value {
        FieldType::SchemaVersion => header.schema_version,
        FieldType::Contract => header.contract,
        _ => None,
    };
    if let Some(fixed) = fixed {
        return Some(Value::from(fixed));
    }
    if !field.is_required() {
        return None;
    }
    Some(type_value(spec, &field.ty.value).unwrap_or_else(|| Value::from("")))
}

fn type_value(spec: &Spec, ty: &FieldType) -> Option<Value> {
    match ty {
        FieldType::Shape(name) => {
            let shape = spec.shape(name)?;
            let value = fields_object(spec, &shape.fields);
            let empty = value.as_object().is_some_and(Map::is_empty);
            (!empty).then_some(value)
        }
        FieldType::Vocabulary(name) => {
            let first = spec.vocabulary(name)?.values.first()?;
            Some(Value::from(first.value.as_str()))
        }
        FieldType::List(item) => Some(Value::Array(type_value(spec, item).into_iter().collect())),
        FieldType::Bool => Some(Value::Bool(false)),
        _ => None,
    }
}
