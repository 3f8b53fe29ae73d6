//! An operation's exchange: its inputs (an HTTP body, or the CLI's arguments as a JSON object)
//! read against the spec, and the request and placeholder response built from them checked.
//! The generated `exchange()` of each operation calls [`read_inputs`], builds both documents
//! and calls [`check`]; the CLI and the HTTP routes share that one path.

use serde_json::{Map, Value};

use crate::boundary::Boundary;
use crate::catalog::OperationEntry;
use crate::shape::{Const, Presence, Shape, Type};
use crate::validate::{did_you_mean, kind};
use crate::violation::{Violation, Violations, index};

/// Reads `inputs` against the operation's closed input `shape`: refuses a non-object, an unknown
/// key (by name, with a did-you-mean) and a value of the wrong JSON kind, all at once; then fills
/// in `defaults` and trims identifiers. Values are not judged here: the request built from them
/// is validated as a whole by [`check`], so a bad value is reported at its place in the request,
/// with the same message `cavra validate` gives.
///
/// ```
/// use cavra_runtime::shape::{Const, Field, Presence, Shape, Type};
/// use cavra_runtime::{Boundary, exchange::read_inputs};
///
/// static SHAPE: Shape = Shape {
///     name: "inputs",
///     closed: true,
///     fields: &[
///         Field { name: "tenant_id", ty: Type::Identifier, presence: Presence::Required, min_items: None, minimum: None },
///         Field { name: "requested_by", ty: Type::Label, presence: Presence::Optional, min_items: None, minimum: None },
///     ],
/// };
/// static BOUNDARY: Boundary = Boundary::new(&["secret"], &[], &[]);
/// let defaults = [("requested_by", Const::Str("community"))];
///
/// let read = read_inputs(&serde_json::json!({"tenant_id": " t-1 "}), &SHAPE, &defaults, &BOUNDARY).unwrap();
/// assert_eq!(read["tenant_id"], "t-1");
/// assert_eq!(read["requested_by"], "community");
///
/// let refused = read_inputs(&serde_json::json!({"tenant": "t-1", "requested_by": 7}), &SHAPE, &defaults, &BOUNDARY).unwrap_err();
/// let problems: Vec<String> = refused.iter().map(ToString::to_string).collect();
/// assert_eq!(problems, [
///     "tenant: unknown field `tenant`: did you mean `tenant_id`?",
///     "tenant_id: missing required field `tenant_id`",
///     "requested_by: requested_by must be a string, found a number",
/// ]);
/// ```
pub fn read_inputs(
    inputs: &Value,
    shape: &Shape,
    defaults: &[(&str, Const)],
    boundary: &Boundary,
) -> Result<Map<String, Value>, Violations> {
    let Value::Object(given) = inputs else {
        return Err(Violations(vec![Violation::new(
            "",
            format!(
                "the body must be a JSON object of the operation's inputs, found {}",
                kind(inputs)
            ),
        )]));
    };
    let mut found = Vec::new();
    for key in given.keys() {
        if !shape.fields.iter().any(|f| f.name == key) {
            let mut message = format!("unknown field `{key}`");
            if let Some(close) = did_you_mean(key, shape.fields.iter().map(|f| f.name)) {
                message.push_str(&format!(": did you mean `{close}`?"));
            }
            let key = boundary.redact_secrets(key).into_owned();
            found.push(Violation::new(key, boundary.redact_message(&message)));
        }
    }
    for field in shape.fields {
        // As in documents, `null` is never a value: a key left out takes its default.
        match given.get(field.name) {
            None if matches!(field.presence, Presence::Required) => {
                found.push(Violation::new(
                    field.name,
                    format!("missing required field `{}`", field.name),
                ));
            }
            None => {}
            Some(value) => check_kind(field.name, &field.ty, value, field.name, &mut found),
        }
    }
    if !found.is_empty() {
        return Err(Violations(found));
    }
    let mut read = given.clone();
    for (name, value) in defaults {
        if !read.contains_key(*name) {
            read.insert((*name).to_owned(), value.to_json());
        }
    }
    for field in shape.fields {
        if matches!(field.ty, Type::Identifier)
            && let Some(Value::String(s)) = read.get_mut(field.name)
        {
            let trimmed = s.trim();
            if trimmed.len() != s.len() {
                *s = trimmed.to_owned();
            }
        }
    }
    Ok(read)
}

/// Whether `value` is of the JSON kind `ty` takes (a string for every string-valued type, a list
/// of them for a list); a problem at `path` if not.
fn check_kind(name: &str, ty: &Type, value: &Value, path: &str, out: &mut Vec<Violation>) {
    let expected = match ty {
        Type::List(item) => {
            match value {
                Value::Array(items) => {
                    for (i, item_value) in items.iter().enumerate() {
                        check_kind(name, item, item_value, &index(path, i), out);
                    }
                }
                _ => out.push(Violation::new(
                    path,
                    format!("{name} must be a list, found {}", kind(value)),
                )),
            }
            return;
        }
        Type::Bool => value.is_boolean().then_some(()).ok_or("true or false"),
        Type::Integer => value.is_i64().then_some(()).ok_or("a whole number"),
        Type::Object(_) | Type::Map(_) => value.is_object().then_some(()).ok_or("an object"),
        Type::Any => Ok(()),
        _ => value.is_string().then_some(()).ok_or("a string"),
    };
    if let Err(what) = expected {
        out.push(Violation::new(
            path,
            format!("{name} must be {what}, found {}", kind(value)),
        ));
    }
}

/// Validates a request and its response and checks that the response answers the request:
/// `{"request": ..., "response": ...}`, or every problem. A problem of a value the summary
/// copies from the request is reported once, at the request.
pub fn check(
    entry: &OperationEntry,
    boundary: &Boundary,
    request: Value,
    response: Value,
) -> Result<Value, Violations> {
    let mut found = crate::validate::validate(&request, entry.request, "", boundary).0;
    let request_fields: Vec<String> = found.iter().map(|v| field_of(&v.path).to_owned()).collect();
    found.extend(
        crate::validate::validate(&response, entry.response, "", boundary)
            .0
            .into_iter()
            .filter(|v| !request_fields.iter().any(|f| f == field_of(&v.path))),
    );
    found.extend(crate::envelope::check_response_matches(
        &request,
        &response,
        entry.mismatch_message,
    ));
    if found.is_empty() {
        Ok(serde_json::json!({"request": request, "response": response}))
    } else {
        Err(Violations(found))
    }
}

/// The field a violation path names, without the envelope prefixes: `payload.summary.tenant_id`,
/// `payload.tenant_id` and `tenant_id` all name `tenant_id`.
fn field_of(path: &str) -> &str {
    let path = path.strip_prefix("payload.").unwrap_or(path);
    path.strip_prefix("summary.").unwrap_or(path)
}
