//! Validation of a JSON document against a [`Shape`]: every problem, each at its JSON path.
//!
//! [`crate::verdict`] reads the same descriptors while a document is parsed and says only whether
//! there is any problem: a rule changed here is changed there too, and the conformance suite
//! (`tests/tests/conformance/verdict.rs`) fails on any document the two judge differently.

use serde_json::Value;

use crate::boundary::Boundary;
use crate::shape::{Field, Presence, Shape, Type};
use crate::violation::{Violation, Violations, child, index};

/// Validates `value` as a `shape` at `path` (`""` for a document root, `"payload"` for a bare
/// payload) and scans it against `boundary`. Returns every problem, boundary hits first.
/// A path or message that would repeat a secret (a token used as a key) shows it redacted.
pub fn validate(value: &Value, shape: &Shape, path: &str, boundary: &Boundary) -> Violations {
    let mut out = boundary.scan(value, path);
    let scanned = out.len();
    object(value, shape, path, &mut out);
    for v in &mut out[scanned..] {
        redact_violation(v, boundary);
    }
    Violations(out)
}

/// Every problem of a parsed document as a `shape`: [`validate`] of its value, then the
/// duplicate keys and what their shadowed values hold. What `Contract::from_slice` reports for
/// a document the fast verdict ([`crate::verdict`]) does not pass.
pub fn validate_document(
    doc: &crate::input::Document,
    shape: &Shape,
    path: &str,
    boundary: &Boundary,
) -> Violations {
    let mut found = validate(&doc.value, shape, path, boundary);
    found.0.extend(doc.shadowed_violations(boundary, path));
    found
}

/// Redacts every secret the boundary finds in a violation's path and message.
fn redact_violation(v: &mut Violation, boundary: &Boundary) {
    if let std::borrow::Cow::Owned(path) = boundary.redact_secrets(&v.path) {
        v.path = path;
    }
    if let std::borrow::Cow::Owned(message) = boundary.redact_message(&v.message) {
        v.message = message;
    }
}

/// Checks the shape only, without the boundary scan.
pub fn check_shape(value: &Value, shape: &Shape, path: &str, out: &mut Vec<Violation>) {
    object(value, shape, path, out);
}

fn object(value: &Value, shape: &Shape, path: &str, out: &mut Vec<Violation>) {
    let Value::Object(map) = value else {
        let what = if path.is_empty() {
            "the document"
        } else {
            path
        };
        out.push(Violation::new(
            path,
            format!("{what} must be an object, found {}", kind(value)),
        ));
        return;
    };
    if shape.closed {
        for key in map.keys() {
            if !shape.fields.iter().any(|f| f.name == key) {
                let mut message = format!("unknown field `{key}`");
                if let Some(close) = did_you_mean(key, shape.fields.iter().map(|f| f.name)) {
                    message.push_str(&format!(": did you mean `{close}`?"));
                }
                out.push(Violation::new(child(path, key), message));
            }
        }
    }
    for field in shape.fields {
        let at = child(path, field.name);
        // A required or constant field must be present; `null` is a value like any other, and
        // no type accepts it (the spec crate's `wire` module decides this for every output).
        match map.get(field.name) {
            None | Some(Value::Null) if matches!(field.presence, Presence::Nullable) => {}
            None => {
                if field.presence.must_be_present() {
                    out.push(Violation::new(
                        at,
                        format!("missing required field `{}`", field.name),
                    ));
                }
            }
            Some(v) => {
                if let Presence::Const(c) = &field.presence {
                    let expected = c.to_json();
                    if *v != expected {
                        out.push(Violation::new(
                            at,
                            format!("{} must be {expected}", field.name),
                        ));
                    }
                    continue;
                }
                field_value(v, field, &field.ty, field.name, &at, out);
            }
        }
    }
}

fn field_value(
    v: &Value,
    field: &Field,
    ty: &Type,
    name: &str,
    at: &str,
    out: &mut Vec<Violation>,
) {
    match ty {
        Type::String | Type::Label | Type::Ref | Type::Text => {
            if !v.is_string() {
                out.push(Violation::new(
                    at,
                    format!("{name} must be a string, found {}", kind(v)),
                ));
            }
        }
        Type::Identifier => match v.as_str() {
            Some(s) if !ty.accepts_str(s) => {
                out.push(Violation::new(at, format!("{name} must not be empty")));
            }
            Some(_) => {}
            None => out.push(Violation::new(
                at,
                format!("{name} must be a string, found {}", kind(v)),
            )),
        },
        Type::Timestamp => match v.as_str() {
            Some(s) if ty.accepts_str(s) => {}
            Some(_) => out.push(Violation::new(
                at,
                format!("{name} must be an RFC 3339 timestamp such as 2026-06-02T09:00:00Z"),
            )),
            None => out.push(Violation::new(
                at,
                format!("{name} must be a string, found {}", kind(v)),
            )),
        },
        Type::Bool => {
            if !v.is_boolean() {
                out.push(Violation::new(
                    at,
                    format!("{name} must be true or false, found {}", kind(v)),
                ));
            }
        }
        Type::Integer => match v.as_i64() {
            Some(n) => {
                if let Some(min) = field.minimum.filter(|_| !field.accepts_integer(n)) {
                    out.push(Violation::new(
                        at,
                        format!("{name} must be greater than or equal to {min}"),
                    ));
                }
            }
            None => out.push(Violation::new(
                at,
                format!("{name} must be a whole number, found {}", kind(v)),
            )),
        },
        Type::Vocabulary(vocab) => {
            if !v.as_str().is_some_and(|s| ty.accepts_str(s)) {
                out.push(Violation::new(
                    at,
                    format!("{name} must be one of: {}", vocab.sorted_list()),
                ));
            }
        }
        Type::Object(shape) => object(v, shape, at, out),
        Type::List(item) => match v.as_array() {
            Some(items) => {
                if let Some(message) = field.too_few_items(items.len()) {
                    out.push(Violation::new(at, message));
                }
                for (i, item_value) in items.iter().enumerate() {
                    field_value(item_value, field, item, name, &index(at, i), out);
                }
            }
            None => out.push(Violation::new(
                at,
                format!("{name} must be a list, found {}", kind(v)),
            )),
        },
        Type::Any => {}
        Type::Map(item) => match v.as_object() {
            Some(map) => {
                for (key, item_value) in map {
                    field_value(item_value, field, item, name, &child(at, key), out);
                }
            }
            None => out.push(Violation::new(
                at,
                format!("{name} must be an object, found {}", kind(v)),
            )),
        },
    }
}

/// The JSON kind of a value, for messages (never the value itself).
pub fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// A close field name: a likely typo (edit distance at most a third of the length) or a field
/// that the unknown name is a prefix of (`tenant` for `tenant_id`).
pub(crate) fn did_you_mean<'a>(
    name: &str,
    candidates: impl Iterator<Item = &'a str>,
) -> Option<&'a str> {
    let limit = (name.chars().count() / 3).max(1);
    candidates
        .map(|c| {
            let prefix = name.len() >= 3 && c.starts_with(name);
            (
                if prefix {
                    0
                } else {
                    strsim::damerau_levenshtein(name, c)
                },
                c,
            )
        })
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// [`is_rfc3339`] as a regular expression, for outputs that state the rule rather than run it
/// (the JSON Schemas' `pattern`, which unlike `format` is an assertion in every draft).
pub const TIMESTAMP_PATTERN: &str = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])[Tt ]([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$";

/// `YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)`, with `T`/`t`/space and `Z`/`z` as RFC 3339 allows:
/// [`TIMESTAMP_PATTERN`], so that the schemas and the validator apply one rule.
pub fn is_rfc3339(s: &str) -> bool {
    static PATTERN: std::sync::LazyLock<Option<regex::Regex>> =
        std::sync::LazyLock::new(|| regex::Regex::new(TIMESTAMP_PATTERN).ok());
    PATTERN.as_ref().is_some_and(|p| p.is_match(s))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::boundary::{Boundary, ValuePattern};
    use crate::shape::{Const, Vocabulary};
    use serde_json::json;

    const MODE: Vocabulary = Vocabulary {
        name: "automation_status",
        values: &[
            "ready",
            "scheduled",
            "enabled",
            "automated",
            "blocked",
            "unknown",
        ],
    };
    const PAYLOAD: Shape = Shape {
        name: "payload",
        closed: true,
        fields: &[
            Field {
                name: "tenant_id",
                ty: Type::Identifier,
                presence: Presence::Required,
                min_items: None,
                minimum: None,
            },
            Field {
                name: "automation_status",
                ty: Type::Vocabulary(&MODE),
                presence: Presence::Required,
                min_items: None,
                minimum: None,
            },
            Field {
                name: "required_checks",
                ty: Type::List(&Type::Label),
                presence: Presence::Optional,
                min_items: Some((
                    1,
                    "required_checks must include at least one SaaS operating automation check",
                )),
                minimum: None,
            },
            Field {
                name: "count",
                ty: Type::Integer,
                presence: Presence::Optional,
                min_items: None,
                minimum: Some(0),
            },
            Field {
                name: "private_validation_required",
                ty: Type::Bool,
                presence: Presence::Const(Const::Bool(true)),
                min_items: None,
                minimum: None,
            },
            Field {
                name: "at",
                ty: Type::Timestamp,
                presence: Presence::Optional,
                min_items: None,
                minimum: None,
            },
        ],
    };
    static BOUNDARY: Boundary = Boundary::new(
        &["token"],
        &[ValuePattern::simple(
            "github_token",
            "github",
            r"\bgh[pousr]_[A-Za-z0-9_]{20,}\b",
        )],
        &[],
    );

    fn problems(v: serde_json::Value) -> Vec<String> {
        validate(&v, &PAYLOAD, "payload", &BOUNDARY)
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn a_valid_document_has_no_problem() {
        assert!(problems(json!({"tenant_id": "tenant-demo", "automation_status": "ready", "private_validation_required": true, "at": "2026-06-02T09:00:00+02:00"})).is_empty());
    }

    #[test]
    fn a_constant_must_be_present_and_null_is_never_a_value() {
        assert_eq!(
            problems(
                json!({"tenant_id": null, "automation_status": "ready", "count": null, "at": null})
            ),
            [
                "payload.tenant_id: tenant_id must be a string, found null",
                "payload.count: count must be a whole number, found null",
                "payload.private_validation_required: missing required field `private_validation_required`",
                "payload.at: at must be a string, found null",
            ]
        );
    }

    #[test]
    fn a_nullable_field_may_be_null_or_absent() {
        static SHAPE: Shape = Shape {
            name: "derived",
            closed: false,
            fields: &[Field {
                name: "note",
                ty: Type::Text,
                presence: Presence::Nullable,
                min_items: None,
                minimum: None,
            }],
        };
        for doc in [json!({}), json!({"note": null}), json!({"note": "fine"})] {
            assert!(validate(&doc, &SHAPE, "", &BOUNDARY).is_empty(), "{doc}");
        }
        assert_eq!(
            validate(&json!({"note": 1}), &SHAPE, "", &BOUNDARY)
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>(),
            ["note: note must be a string, found a number"]
        );
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        assert_eq!(
            problems(json!({
                "tenant_id": "  ",
                "automation_status": "paused",
                "required_checks": [],
                "count": -1,
                "private_validation_required": false,
                "at": "yesterday",
                "tenant": "x",
            })),
            [
                "payload.tenant: unknown field `tenant`: did you mean `tenant_id`?",
                "payload.tenant_id: tenant_id must not be empty",
                "payload.automation_status: automation_status must be one of: automated, blocked, enabled, ready, scheduled, unknown",
                "payload.required_checks: required_checks must include at least one SaaS operating automation check",
                "payload.count: count must be greater than or equal to 0",
                "payload.private_validation_required: private_validation_required must be true",
                "payload.at: at must be an RFC 3339 timestamp such as 2026-06-02T09:00:00Z",
            ]
        );
    }

    #[test]
    fn missing_fields_and_wrong_kinds() {
        assert_eq!(
            problems(json!({"required_checks": "billing", "count": "1"})),
            [
                "payload.tenant_id: missing required field `tenant_id`",
                "payload.automation_status: missing required field `automation_status`",
                "payload.required_checks: required_checks must be a list, found a string",
                "payload.count: count must be a whole number, found a string",
                "payload.private_validation_required: missing required field `private_validation_required`",
            ]
        );
        assert_eq!(
            problems(json!([1])),
            ["payload: payload must be an object, found a list"]
        );
    }

    #[test]
    fn boundary_hits_come_first_and_never_echo_the_value() {
        let token = format!("ghp_{}", "b".repeat(30));
        let found = problems(
            json!({"tenant_id": token, "automation_status": "ready", "private_validation_required": true}),
        );
        assert_eq!(
            found,
            ["sensitive value is not allowed in public SaaS contract payload: payload.tenant_id"]
        );
        assert!(!found[0].contains(&token));
    }

    #[test]
    fn timestamps() {
        for ok in [
            "2026-06-02T09:00:00Z",
            "2026-06-02t09:00:00.123z",
            "2026-06-02 09:00:00-05:30",
        ] {
            assert!(is_rfc3339(ok), "{ok}");
        }
        for bad in [
            "2026-06-02",
            "2026-13-02T09:00:00Z",
            "2026-06-02T09:00:00",
            "2026-06-02T09:00:00.Z",
            "2026-06-02T25:00:00Z",
        ] {
            assert!(!is_rfc3339(bad), "{bad}");
        }
    }
}
