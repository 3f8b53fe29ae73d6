//! The resolver on its own: raw items in, model and diagnostics out, before the semantic checks.

use super::*;

/// Parses `text` as one file and resolves it (no semantic checks).
fn resolved(text: &str) -> (Spec, Vec<Diagnostic>) {
    let mut sources = SourceMap::default();
    let mut raw = RawFile::default();
    let id = sources.add("spec/test.toml", text);
    let parsed = crate::parse::parse_file(id, text, &mut raw);
    assert!(parsed.is_empty(), "{parsed:?}");
    resolve(sources, raw)
}

const FAMILY: &str = r#"[boundary]
sensitive_key_parts = ["token"]

[family.demo]
kind = "envelope"
title = "Demo"
schema_versions = { request = "cavra.demo.request.v1", response = "cavra.demo.response.v1" }
unavailable = { message = "Demo requires a private service.", next_step = "See docs/demo.md" }
request_envelope.schema_version = "schema_version"
request_envelope.payload = "payload"
response_envelope.schema_version = "schema_version"
response_envelope.payload = "payload"

[vocabulary.mode]
values = ["dry_run", "live"]
"#;

fn with(items: &str) -> (Spec, Vec<Diagnostic>) {
    resolved(&format!("{FAMILY}\n{items}"))
}

#[test]
fn presence_follows_default_const_and_optional() {
    let (spec, errors) = with(
        r#"[operation.handoff]
family = "demo"
title = "Handoff"
request.tenant = "identifier"
request.mode = { type = "mode", default = "dry_run" }
request.note = { type = "text", optional = true }
request.boundary_text = { type = "text", const = "public shape only" }
"#,
    );
    assert!(errors.is_empty(), "{errors:?}");
    let op = spec.operation("handoff").expect("resolved");
    let presence: Vec<(&str, &Presence)> = op
        .request
        .iter()
        .map(|f| (f.name.as_str(), &f.presence))
        .collect();
    assert_eq!(
        presence,
        [
            ("tenant", &Presence::Required),
            ("mode", &Presence::Default(Value::from("dry_run"))),
            ("note", &Presence::Optional),
            (
                "boundary_text",
                &Presence::Const(Value::from("public shape only"))
            ),
        ]
    );
    assert_eq!(op.request[1].ty.value, FieldType::Vocabulary("mode".into()));
}

#[test]
fn all_checks_is_every_check_in_order_and_the_response_payload_is_derived() {
    let (spec, errors) = with(
        r#"[operation.handoff]
family = "demo"
title = "Handoff"
checks = ["billing", "support"]
private_modules = ["worker runtime"]
request.required_checks = { type = "list<check>", default = "all_checks", min_items = 1 }
summary.tenant_id = "identifier"
"#,
    );
    assert!(errors.is_empty(), "{errors:?}");
    let op = spec.operation("handoff").expect("resolved");
    assert_eq!(
        op.request[0].presence,
        Presence::Default(Value::from(vec!["billing", "support"]))
    );
    assert_eq!(
        op.request[0].min_items_message.as_deref(),
        Some("required_checks must include at least one handoff check")
    );
    let response: Vec<&str> = op.response.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(
        response,
        ["summary", "private_modules_required", "next_step"]
    );
}

#[test]
fn a_misspelt_type_and_a_value_outside_its_vocabulary_are_located() {
    let (_, errors) = with(
        r#"[operation.handoff]
family = "demo"
title = "Handoff"
request.mode = { type = "mod" }
request.other = { type = "mode", default = "shadow" }
"#,
    );
    let messages: Vec<&str> = errors.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(messages[0].contains("undefined type `mod`"), "{messages:?}");
    assert!(messages[1].contains("shadow"), "{messages:?}");
    assert!(
        errors.iter().all(|d| d.span.is_some()),
        "every problem is located"
    );
}
