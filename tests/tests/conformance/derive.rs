//! A derive-made struct, the generated type and the runtime judge the worker handoff's request
//! payload alike, and as the payload's part of the generated JSON Schema does.

use cavra::Contract;
use cavra::runtime::catalog::Part;
use cavra::saas_control_plane::saas_operating_automation_worker_handoff as handoff;
use serde_json::Value;

use crate::documents::{self, Subject};
use crate::mutate;

/// The payload as a team would declare it against the spec.
#[derive(serde::Serialize, cavra::CavraContract)]
#[cavra(
    operation = "saas_operating_automation_worker_handoff",
    part = "request"
)]
struct HandoffPayload {
    deployment_environment: String,
    worker_mode: String,
    required_checks: Vec<String>,
    worker_targets: Vec<String>,
    handoff_boundary: String,
}

/// The same payload with its fields in another order: a shape descriptor of its own (a struct
/// that mirrors its part field for field shares the generated type's).
#[derive(serde::Serialize, cavra::CavraContract)]
#[cavra(
    operation = "saas_operating_automation_worker_handoff",
    part = "request"
)]
struct HandoffPayloadReordered {
    worker_mode: String,
    deployment_environment: String,
    required_checks: Vec<String>,
    worker_targets: Vec<String>,
    handoff_boundary: String,
}

/// The seed operation's response payload, field for field: its `summary` is a struct of its own
/// (here any JSON value), which the generated descriptor would describe.
#[derive(serde::Serialize, cavra::CavraContract)]
#[cavra(operation = "saas_operating_automation", part = "response")]
struct SeedResponsePayload {
    summary: Value,
    private_modules_required: Vec<String>,
    next_step: String,
}

#[test]
fn a_struct_that_mirrors_its_part_shares_the_generated_descriptor() {
    use cavra::saas_control_plane::saas_operating_automation as soa;
    // Not where a field is a nested summary: the derived struct's own descriptor leaves it to
    // the summary's struct, and a struct's fields in another order judge the same.
    assert!(!std::ptr::eq(
        <SeedResponsePayload as Contract>::shape(),
        <soa::ResponsePayload as Contract>::shape()
    ));
    use cavra::runtime::shape::Shape;
    let generated = <handoff::Payload as Contract>::shape();
    assert!(std::ptr::eq(
        <HandoffPayload as Contract>::shape(),
        generated
    ));
    let own: &Shape = <HandoffPayloadReordered as Contract>::shape();
    assert!(!std::ptr::eq(own, generated));
    let names = |shape: &Shape| shape.fields.iter().map(|f| f.name).collect::<Vec<_>>();
    assert_eq!(names(own)[..2], ["worker_mode", "deployment_environment"]);
}

/// The request schema's `payload` property as a schema of its own (with the root's `$defs`).
fn payload_schema() -> jsonschema::Validator {
    let entry = cavra::CATALOG
        .schema("saas_operating_automation_worker_handoff", Some("request"))
        .expect("the request schema");
    let root: Value = serde_json::from_str(entry.json).expect("JSON");
    let mut payload = root["properties"]["payload"].clone();
    payload["$schema"] = root["$schema"].clone();
    payload["$defs"] = root["$defs"].clone();
    jsonschema::validator_for(&payload).expect("a valid schema")
}

#[test]
fn a_derive_made_struct_the_generated_type_and_the_schema_agree() {
    let spec = crate::spec();
    let op = spec
        .operation("saas_operating_automation_worker_handoff")
        .expect("the operation");
    let probes = crate::probes(spec);
    let schema = payload_schema();
    let mut requests = vec![documents::example(spec, Subject::Request(op))];
    requests.extend(documents::generated(
        spec,
        Subject::Request(op),
        crate::GENERATED_PER_SUBJECT,
    ));
    let (mut judged, mut disagreements) = (0, Vec::new());
    for request in requests {
        let payload = request["payload"].clone();
        let mut cases = vec![("as generated".to_owned(), payload.clone())];
        cases.extend(
            mutate::mutations(&payload, &probes)
                .into_iter()
                .filter(|m| m.unstated.is_none())
                .map(|m| (m.what, m.doc)),
        );
        for (what, doc) in cases {
            judged += 1;
            let by_schema = schema.is_valid(&doc);
            let (_, found) = cavra::CATALOG
                .validate(&doc, Some(op.name.as_str()), Some(Part::Request))
                .expect("a known operation");
            let by_runtime = found.is_empty();
            let by_derive = cavra::runtime::contract::validate_json::<HandoffPayload>(&doc).is_ok();
            let by_own_shape =
                cavra::runtime::contract::validate_json::<HandoffPayloadReordered>(&doc).is_ok();
            let typed = handoff::Payload::from_json(doc.clone());
            let by_type = typed.is_ok();
            // From text, a valid document takes the fast verdict's way: the same value.
            let from_text = handoff::Payload::from_slice(doc.to_string().as_bytes());
            if typed.as_ref().ok() != from_text.as_ref().ok() {
                disagreements.push(format!(
                    "{what}: from_json and from_slice differ: {typed:?} against {from_text:?}"
                ));
            }
            if [by_runtime, by_derive, by_own_shape, by_type] != [by_schema; 4] {
                disagreements.push(format!(
                    "{what}: schema {by_schema}, runtime {by_runtime}, derive {by_derive}, derive with its own shape {by_own_shape}, generated type {by_type}"
                ));
            }
        }
    }
    crate::report(&format!(
        "conformance (derive): {judged} payloads judged by five validators"
    ));
    assert!(
        disagreements.is_empty(),
        "{}",
        disagreements[..disagreements.len().min(30)].join("\n")
    );
    assert!(judged >= 400, "only {judged} payloads");
}
