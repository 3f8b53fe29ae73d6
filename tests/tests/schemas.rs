//! The generated JSON Schemas: valid draft 2020-12, accepted by the `jsonschema` crate, agreeing
//! with the generated validators on the spec's examples and on documents the validators refuse.

use cavra_tests::{cavra, text, workspace_root};
use serde_json::{Value, json};

fn spec() -> cavra_spec::Spec {
    cavra_spec::load_dir(workspace_root().join("spec/contracts")).expect("the spec loads")
}

/// The generated schema file of `name` and `part`, compiled.
fn validator(name: &str, part: &str) -> (Value, jsonschema::Validator) {
    let path = workspace_root().join(format!("generated/schema/{name}.{part}.schema.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let schema: Value = serde_json::from_str(&text).expect("schema is JSON");
    let validator = jsonschema::validator_for(&schema)
        .unwrap_or_else(|e| panic!("{name}.{part} is not a valid schema: {e}"));
    (schema, validator)
}

fn schema_errors(validator: &jsonschema::Validator, doc: &Value) -> Vec<String> {
    validator
        .iter_errors(doc)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

/// Every example document of the spec with its schema name and part.
fn examples(spec: &cavra_spec::Spec) -> Vec<(String, &'static str, Value)> {
    let mut out = Vec::new();
    for op in &spec.operations {
        let (request, response) = cavra_spec::example::operation_exchange(spec, op);
        if let Some(summary) = response.pointer("/payload/summary") {
            out.push((op.name.value.clone(), "summary", summary.clone()));
        }
        out.push((op.name.value.clone(), "request", request));
        out.push((op.name.value.clone(), "response", response));
    }
    for evidence in &spec.evidence {
        let doc = cavra_spec::example::evidence_document(spec, evidence);
        out.push((evidence.name.value.clone(), "document", doc));
    }
    out
}

#[test]
fn every_schema_is_draft_2020_12_with_id_title_and_closed_objects() {
    let dir = workspace_root().join("generated/schema");
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).expect("generated/schema exists") {
        let path = entry.expect("entry").path();
        let schema: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).expect("read")).expect("JSON");
        let file = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        assert_eq!(
            schema["$schema"], "https://json-schema.org/draft/2020-12/schema",
            "{file}"
        );
        assert!(
            schema["$comment"]
                .as_str()
                .is_some_and(|c| c.starts_with("@generated")),
            "{file}"
        );
        let id = schema["$id"].as_str().expect("$id");
        assert_eq!(
            format!("{}.schema.json", id.trim_start_matches("urn:cavra:schema:")),
            file
        );
        assert!(
            schema["title"].is_string() && schema["description"].is_string(),
            "{file}"
        );
        assert_eq!(schema["additionalProperties"], false, "{file}");
        jsonschema::meta::validate(&schema).unwrap_or_else(|e| panic!("{file}: {e}"));
        count += 1;
    }
    let spec = spec();
    let summaries = spec
        .operations
        .iter()
        .filter(|o| o.summary.is_some())
        .count();
    assert_eq!(
        count,
        2 * spec.operations.len() + summaries + spec.evidence.len()
    );
}

#[test]
fn every_spec_example_passes_its_schema_and_the_generated_validators() {
    let spec = spec();
    let examples = examples(&spec);
    assert!(examples.len() > 30, "{}", examples.len());
    for (name, part, doc) in &examples {
        let (_, validator) = validator(name, part);
        assert_eq!(
            schema_errors(&validator, doc),
            Vec::<String>::new(),
            "{name}.{part}: {doc:#}"
        );
        let catalog_part = match *part {
            "summary" => Some(cavra::runtime::catalog::Part::Summary),
            _ => None,
        };
        let operation = catalog_part.map(|_| name.as_str());
        let (_, found) = cavra::CATALOG
            .validate(doc, operation, catalog_part)
            .expect("known operation");
        assert!(found.is_empty(), "{name}.{part}: {found}");
    }
}

/// A change to a valid document that the generated validators refuse; `schema_too` when a JSON
/// Schema can say the same rule.
struct Refusal {
    what: &'static str,
    name: &'static str,
    part: &'static str,
    pointer: &'static str,
    value: Option<Value>,
    schema_too: bool,
}

#[test]
fn documents_the_validators_refuse_are_refused_by_the_schema_where_it_can_say_so() {
    let spec = spec();
    let examples = examples(&spec);
    // (`jsonschema` messages quote the instance, secrets included: cavra never prints them.)
    let token = format!("sk_live_{}", "Q7".repeat(12));
    let refusals = [
        Refusal {
            what: "empty checks",
            name: "saas_operating_automation",
            part: "request",
            pointer: "/payload/required_checks",
            value: Some(json!([])),
            schema_too: true,
        },
        Refusal {
            what: "unknown check",
            name: "saas_operating_automation",
            part: "request",
            pointer: "/payload/required_checks/0",
            value: Some(json!("coffee")),
            schema_too: true,
        },
        Refusal {
            what: "unknown status",
            name: "saas_operating_automation",
            part: "summary",
            pointer: "/automation_status",
            value: Some(json!("paused")),
            schema_too: true,
        },
        Refusal {
            what: "unknown field",
            name: "saas_operating_automation",
            part: "request",
            pointer: "/payload/automation_cadense",
            value: Some(json!("daily")),
            schema_too: true,
        },
        Refusal {
            what: "unknown envelope field",
            name: "saas_operating_automation_worker_handoff",
            part: "response",
            pointer: "/extra",
            value: Some(json!(1)),
            schema_too: true,
        },
        Refusal {
            what: "missing required field",
            name: "saas_operating_automation",
            part: "summary",
            pointer: "/tenant_id",
            value: None,
            schema_too: true,
        },
        Refusal {
            what: "blank identifier",
            name: "saas_operating_automation",
            part: "request",
            pointer: "/tenant_id",
            value: Some(json!("   ")),
            schema_too: true,
        },
        Refusal {
            what: "wrong schema version",
            name: "saas_operating_automation",
            part: "response",
            pointer: "/schema_version",
            value: Some(json!("cavra.saas_control_plane.response.v2")),
            schema_too: true,
        },
        Refusal {
            what: "constant changed",
            name: "saas_operating_automation",
            part: "request",
            pointer: "/private_implementation_required",
            value: Some(json!(false)),
            schema_too: true,
        },
        Refusal {
            what: "wrong type",
            name: "saas_operating_automation",
            part: "request",
            pointer: "/payload/automation_scope",
            value: Some(json!(7)),
            schema_too: true,
        },
        Refusal {
            what: "token-like value",
            name: "saas_operating_automation",
            part: "summary",
            pointer: "/blockers/0",
            value: Some(json!(token)),
            schema_too: true,
        },
        Refusal {
            what: "unknown channel",
            name: "trial_expired_followup",
            part: "document",
            pointer: "/notification_channel",
            value: Some(json!("pager")),
            schema_too: true,
        },
        Refusal {
            what: "other contract name",
            name: "trial_expired_followup",
            part: "document",
            pointer: "/contract",
            value: Some(json!("trial_access_expiry")),
            schema_too: true,
        },
        // The scanner refuses the key for its name; the closed shape refuses it as unknown.
        Refusal {
            what: "sensitive key",
            name: "saas_operating_automation",
            part: "request",
            pointer: "/payload/Api_Key",
            value: Some(json!("x")),
            schema_too: true,
        },
    ];
    for r in &refusals {
        let (_, _, base) = examples
            .iter()
            .find(|(n, p, _)| n == r.name && *p == r.part)
            .expect("an example");
        let mut doc = base.clone();
        let (parent, key) = r.pointer.rsplit_once('/').expect("pointer");
        match doc.pointer_mut(parent) {
            Some(Value::Object(map)) => match &r.value {
                Some(v) => {
                    map.insert(key.to_owned(), v.clone());
                }
                None => {
                    map.remove(key);
                }
            },
            Some(Value::Array(items)) => {
                let i: usize = key.parse().expect("index");
                match &r.value {
                    Some(v) if i < items.len() => items[i] = v.clone(),
                    Some(v) => items.push(v.clone()),
                    None => {
                        items.remove(i);
                    }
                }
            }
            _ => panic!("{}: no {parent}", r.what),
        }
        let part = (r.part == "summary").then_some(cavra::runtime::catalog::Part::Summary);
        let (_, found) = cavra::CATALOG
            .validate(&doc, part.map(|_| r.name), part)
            .expect("known operation");
        assert!(!found.is_empty(), "{}: the validators accept it", r.what);
        let (_, validator) = validator(r.name, r.part);
        let errors = schema_errors(&validator, &doc);
        assert_eq!(
            !errors.is_empty(),
            r.schema_too,
            "{}: schema says {errors:?}",
            r.what
        );
    }
}

#[test]
fn cavra_schema_prints_the_generated_files() {
    let (code, stdout, _) = text(&cavra(
        &["schema", "saas_operating_automation", "--part", "summary"],
        "",
    ));
    assert_eq!(code, 0);
    let on_disk = std::fs::read_to_string(
        workspace_root().join("generated/schema/saas_operating_automation.summary.schema.json"),
    )
    .expect("read");
    assert_eq!(stdout, on_disk);
    let (code, stdout, _) = text(&cavra(&["schema", "trial_expired_followup"], ""));
    assert_eq!(code, 0);
    assert!(stdout.contains("\"$id\": \"urn:cavra:schema:trial_expired_followup.document\""));
    let (code, stdout, _) = text(&cavra(&["schema", "saas_operating_automation"], ""));
    assert_eq!(code, 0);
    assert!(stdout.contains("\"$id\": \"urn:cavra:schema:saas_operating_automation.request\""));

    let (code, stdout, stderr) = text(&cavra(&["schema", "saas_operating_automaton"], ""));
    assert_eq!((code, stdout.as_str()), (2, ""));
    assert_eq!(
        stderr,
        "error: unknown operation or evidence contract `saas_operating_automaton`: did you mean `saas_operating_automation`?\n"
    );
    let (code, _, stderr) = text(&cavra(
        &["schema", "evidence_export", "--part", "summary"],
        "",
    ));
    assert_eq!(code, 2);
    assert_eq!(
        stderr,
        "error: `evidence_export` has no summary schema; it has: request, response\n"
    );
}

#[test]
fn a_spec_without_value_patterns_still_gives_valid_schemas() {
    // An empty `not: {anyOf: []}` is not a schema: a spec whose boundary states no value pattern
    // must still generate valid ones (found by the synthetic spec of the benchmarks).
    let spec = cavra_spec::load_sources(cavra_tests::demo_spec(
        r#"[operation.handoff]
family = "demo"
title = "Handoff"
checks = ["billing"]
request.scope = { type = "label", default = "all" }
"#,
    ))
    .expect("the spec loads");
    let schemas = cavra_codegen::schema::schemas(&spec);
    assert_eq!(schemas.len(), 2);
    for file in &schemas {
        jsonschema::meta::validate(&file.schema).unwrap_or_else(|e| panic!("{}: {e}", file.path));
        assert!(file.schema["$defs"]["public_string"].get("not").is_none());
    }
}
