//! An operation's inputs: the keys of its HTTP request body and the arguments of its CLI command.
//! Both front ends read the same list, so they cannot disagree on a name or a default.

use cavra_spec::{Family, Field, FieldType, Operation, Presence};

/// The fields a caller sets, in order: the request envelope's, then the request payload's, then
/// the summary's, each name once. Constants, the envelope's fixed parts (schema version,
/// operation, payload) and shapes or maps (which no flag can spell) are not inputs.
pub fn inputs<'s>(family: &'s Family, operation: &'s Operation) -> Vec<&'s Field> {
    let mut out: Vec<&Field> = Vec::new();
    let fields = family
        .request_envelope
        .iter()
        .chain(operation.request.iter())
        .chain(operation.summary.iter().flatten());
    for field in fields {
        if matches!(field.presence, Presence::Const(_))
            || out.iter().any(|f| f.name.value == field.name.value)
            || !settable(&field.ty.value)
        {
            continue;
        }
        out.push(field);
    }
    out
}

/// Whether a caller can set a field of this type from a flag or a flat body key.
fn settable(ty: &FieldType) -> bool {
    !matches!(
        ty,
        FieldType::Map(_) | FieldType::Payload | FieldType::SchemaVersion | FieldType::Operation
    ) && !matches!(ty.item(), FieldType::Shape(_))
}

/// Whether the operation has inputs at all: a CLI command, or an HTTP route that takes a body.
pub fn has_inputs(operation: &Operation) -> bool {
    operation.cli.is_some() || takes_body(operation)
}

/// Whether the operation's HTTP route takes a JSON body (any method but `GET`).
pub fn takes_body(operation: &Operation) -> bool {
    operation
        .http
        .as_ref()
        .is_some_and(|h| h.method.value != "GET")
}

/// An input's default: the spec's `cli_default` where it gives one (a summary status the caller
/// may leave `unknown`), else the field's own default.
pub fn default_of(field: &Field) -> Option<&serde_json::Value> {
    field.cli_default.as_ref().or(match &field.presence {
        Presence::Default(v) => Some(v),
        _ => None,
    })
}

/// An input as its readers (the inputs schema, the generated `INPUT_SHAPE`) see it: a correlation
/// id is made up when the caller gives none, and an input with a default may be left out, so
/// both are optional inputs with their defaults; every other input is as the document has it.
pub fn as_input(field: &Field) -> Field {
    let mut input = field.clone();
    if let Some(default) = default_of(field) {
        input.presence = Presence::Default(default.clone());
    } else if field.ty.value == FieldType::CorrelationId {
        input.presence = Presence::Optional;
    }
    input
}

/// The example inputs of an operation: each input's value in the example exchange (`request`
/// and `response`, from [`cavra_spec::example::operation_exchange`]: the envelope, payload or
/// summary), so that sending them gives that exchange.
pub fn example(
    spec: &cavra_spec::Spec,
    operation: &Operation,
    request: &serde_json::Value,
    response: &serde_json::Value,
) -> serde_json::Value {
    let Some(family) = spec.family(&operation.family) else {
        return serde_json::Value::Null;
    };
    let places = [
        request.get("payload"),
        response.pointer("/payload/summary"),
        Some(request),
    ];
    let mut out = serde_json::Map::new();
    for field in inputs(family, operation) {
        let name = field.name.as_str();
        if let Some(value) = places.iter().flatten().find_map(|p| p.get(name)) {
            out.insert(name.to_owned(), value.clone());
        }
    }
    serde_json::Value::Object(out)
}
