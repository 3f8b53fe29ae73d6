//! Example documents built from a spec's `example` values: what the docs show and what the tests
//! feed the generated code, so that every example is produced from the spec and checked by the
//! code rather than written by hand.
//!
//! A field's example is, in order: its constant, its own `example` (for an object, laid over the
//! example of its shape), a value the request gave (a summary's `tenant_id`), its default, the header value
//! the family fixes (schema version, contract name), an object built from its shape, or the first
//! value of its vocabulary. An optional field without an example or default is left out (so an
//! optional object appears only where the spec gives it an example); a required one with nothing
//! to build from gets an empty string, which validation then rejects.

use serde_json::{Map, Value};

use crate::model::{
    Condition, Evidence, Family, Field, FieldPath, FieldType, Operation, Presence, Spec,
};

/// The example document of an evidence contract: the family header, then the contract's fields,
/// in spec order. With the spec's examples chosen to pass every gate, this is the ready document
/// the wiki shows.
pub fn evidence_document(spec: &Spec, evidence: &Evidence) -> Value {
    let family = spec.family(&evidence.family);
    let header = Header {
        schema_version: family.and_then(|f| f.schema_version("evidence")),
        contract: Some(evidence.name.as_str()),
        ..Header::default()
    };
    object(spec, &spec.evidence_document(evidence), &header)
}

/// The example request and response envelopes of an operation, the response answering the
/// request: what `cavra` prints for the spec's example values (seed 004's `tenant-demo`,
/// `console`, `saas-example` and status values).
pub fn operation_exchange(spec: &Spec, operation: &Operation) -> (Value, Value) {
    let Some(family) = spec.family(&operation.family) else {
        return (Value::Null, Value::Null);
    };
    let correlation_id = family
        .request_envelope
        .iter()
        .find(|f| f.ty.value == FieldType::CorrelationId)
        .and_then(|f| f.example.clone());
    let request_header = Header {
        schema_version: family.schema_version("request"),
        operation: Some(operation.name.as_str()),
        correlation_id: correlation_id.clone(),
        payload: Some(fields_object(spec, &operation.request)),
        ..Header::default()
    };
    let request = object(
        spec,
        &family.request_envelope.iter().collect::<Vec<_>>(),
        &request_header,
    );
    // A summary repeats request values (tenant_id): the request's examples fill them.
    let echoed = match &request {
        Value::Object(map) => map.clone(),
        _ => Map::new(),
    };
    let summary = operation.summary.as_ref().map(|s| {
        let header = Header {
            echoed: echoed.clone(),
            ..Header::default()
        };
        object(spec, &s.iter().collect::<Vec<_>>(), &header)
    });
    let response_payload = {
        let header = Header {
            summary,
            echoed,
            ..Header::default()
        };
        object(
            spec,
            &operation.response.iter().collect::<Vec<_>>(),
            &header,
        )
    };
    let response_header = Header {
        schema_version: family.schema_version("response"),
        operation: Some(operation.name.as_str()),
        message: Some(operation.message.as_str()),
        correlation_id,
        payload: Some(response_payload),
        ..Header::default()
    };
    let response = object(
        spec,
        &family.response_envelope.iter().collect::<Vec<_>>(),
        &response_header,
    );
    (request, response)
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
    operation: Option<&'a str>,
    message: Option<&'a str>,
    correlation_id: Option<Value>,
    payload: Option<Value>,
    summary: Option<Value>,
    /// Values of the request a response part repeats, by field name.
    echoed: Map<String, Value>,
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
        // An object example of a shape field gives what differs from the shape's own examples
        // (`example = {}`: the shape's example as it is).
        if let (Value::Object(given), FieldType::Shape(_)) = (example, &field.ty.value) {
            let mut built = match type_value(spec, &field.ty.value) {
                Some(Value::Object(map)) => map,
                _ => Map::new(),
            };
            built.extend(given.clone());
            return Some(Value::Object(built));
        }
        return Some(example.clone());
    }
    if let Some(value) = header.echoed.get(field.name.as_str()) {
        return Some(value.clone());
    }
    if let Presence::Default(value) = &field.presence {
        return Some(value.clone());
    }
    let fixed = match field.ty.value {
        FieldType::SchemaVersion => header.schema_version.map(Value::from),
        FieldType::Contract => header.contract.map(Value::from),
        FieldType::Operation => header.operation.map(Value::from),
        FieldType::Message => header.message.map(Value::from),
        FieldType::CorrelationId => header.correlation_id.clone(),
        FieldType::Payload => header.payload.clone(),
        FieldType::Summary => header.summary.clone(),
        _ => None,
    };
    if fixed.is_some() {
        return fixed;
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

/// The example documents of an evidence contract, one per value of each field that a gate's
/// `when` depends on (`conversion_target`, `trial_outcome`), labelled `field = value`; the base
/// example alone, labelled with an empty string, when no gate depends on one. In each variant the
/// fields that the deciding cases want absent are removed.
pub fn evidence_variants(spec: &Spec, evidence: &Evidence) -> Vec<(String, Value)> {
    let base = evidence_document(spec, evidence);
    let mut switches: Vec<(&FieldPath, Vec<&str>)> = Vec::new();
    for case in evidence.gates.iter().flat_map(|g| &g.cases) {
        let (path, values): (&FieldPath, Vec<&str>) = match &case.when {
            Some(Condition::Equals { path, value }) => (path, vec![value.as_str()]),
            Some(Condition::OneOf { path, values }) => {
                (path, values.iter().map(String::as_str).collect())
            }
            _ => continue,
        };
        match switches
            .iter_mut()
            .find(|(p, _)| p.segments == path.segments)
        {
            Some((_, known)) => {
                for v in values {
                    if !known.contains(&v) {
                        known.push(v);
                    }
                }
            }
            None => switches.push((path, values)),
        }
    }
    // The first field that decides; the base example's value first.
    let Some((path, mut values)) = switches.into_iter().next() else {
        return vec![(String::new(), base)];
    };
    let pointer = path.pointer();
    if let Some(current) = base.pointer(&pointer).and_then(Value::as_str) {
        values.sort_by_key(|v| *v != current);
    }
    values
        .into_iter()
        .map(|value| {
            let mut doc = base.clone();
            if let Some(slot) = doc.pointer_mut(&pointer) {
                *slot = Value::from(value);
            }
            remove_absent(evidence, &mut doc);
            (format!("{path} = {value}"), doc)
        })
        .collect()
}

/// Removes the fields that the deciding case of each gate wants absent.
fn remove_absent(evidence: &Evidence, doc: &mut Value) {
    for gate in &evidence.gates {
        let Some(case) = gate
            .cases
            .iter()
            .find(|c| c.when.as_ref().is_none_or(|w| holds(w, doc)))
        else {
            continue;
        };
        for condition in &case.conditions {
            if let Condition::Absent { paths } = condition {
                for path in paths {
                    if let Some((last, parent)) = path.segments.split_last() {
                        let pointer = crate::model::pointer(parent);
                        if let Some(Value::Object(map)) = doc.pointer_mut(&pointer) {
                            map.remove(last);
                        }
                    }
                }
            }
        }
    }
}

/// Whether a gate's `when` condition holds in `doc` (equality and membership conditions; any
/// other kind does not hold).
pub fn holds(condition: &Condition, doc: &Value) -> bool {
    let at = |path: &FieldPath| {
        doc.pointer(&path.pointer())
            .and_then(Value::as_str)
            .map(str::to_owned)
    };
    match condition {
        Condition::Equals { path, value } => at(path).as_deref() == Some(value.as_str()),
        Condition::OneOf { path, values } => at(path).is_some_and(|v| values.contains(&v)),
        Condition::NotOneOf { path, values } => !at(path).is_some_and(|v| values.contains(&v)),
        _ => false,
    }
}

/// A family's public contract description (`describe_public_contract()` upstream, `cavra saas
/// contract`, `GET /saas/control-plane/contract`), or `None` when the family has none.
pub fn contract_description(spec: &Spec, family: &Family) -> Option<Value> {
    let d = family.description.as_ref()?;
    let mut boundary = Map::new();
    for (k, v) in &d.public_repository_boundary {
        boundary.insert(k.clone(), Value::Bool(*v));
    }
    boundary.insert("purpose".to_owned(), Value::String(d.purpose.clone()));
    let operations: Vec<Value> = spec
        .operations_of(&family.name)
        .filter_map(|o| {
            o.describe.as_ref().map(|d| {
                serde_json::json!({"name": o.name.value, "request": d.request, "response": d.response})
            })
        })
        .collect();
    let mut out = Map::new();
    out.insert(
        "schema_version".to_owned(),
        Value::from(family.schema_version("contract").unwrap_or_default()),
    );
    out.insert(
        "product".to_owned(),
        Value::from(family.product.clone().unwrap_or_default()),
    );
    out.insert(
        "public_repository_boundary".to_owned(),
        Value::Object(boundary),
    );
    out.insert("operations".to_owned(), Value::Array(operations));
    Some(Value::Object(out))
}
