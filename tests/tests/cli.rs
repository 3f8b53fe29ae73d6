//! End-to-end tests of the generated `cavra` binary: every command, the seed 004 equality, the
//! validation rules with their messages and paths, the boundary scanner in every position, the
//! gates of every evidence contract, and the exit codes.

use cavra_tests::{run, workspace_root};
use serde_json::{Value, json};

/// The seed 004 status flags and blocker.
const SEED_FLAGS: &[&str] = &[
    "--requested-by",
    "console",
    "--correlation-id",
    "saas-example",
    "--automation-status",
    "scheduled",
    "--billing-monitoring-status",
    "enabled",
    "--license-telemetry-status",
    "automated",
    "--support-followup-status",
    "ready",
    "--customer-success-review-status",
    "scheduled",
    "--dashboard-refresh-status",
    "automated",
    "--escalation-drill-status",
    "blocked",
    "--closeout-retry-status",
    "enabled",
    "--blocker",
    "escalation drill owner pending",
];

const ALL_CHECKS: [&str; 7] = [
    "billing_monitoring",
    "license_telemetry_sync",
    "support_followup",
    "customer_success_review",
    "dashboard_refresh",
    "escalation_drill",
    "closeout_retry",
];

/// A GitHub-token-shaped value, built at run time so that the repository holds no secret-shaped
/// literal.
fn token() -> String {
    format!("ghp_{}", "Z9".repeat(18))
}

/// Runs `cavra` and parses its stdout as JSON.
fn run_json(args: &[&str], stdin: &str) -> (i32, Value) {
    let (code, stdout, stderr) = run(args, stdin);
    let value = serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("cavra {args:?} printed no JSON ({e}): {stdout}{stderr}"));
    (code, value)
}

/// `cavra validate --format json` on `doc`: exit code and `(path, message)` problems.
fn validate(doc: &Value, extra: &[&str]) -> (i32, Vec<(String, String)>) {
    let mut args = vec!["validate", "--format", "json"];
    args.extend_from_slice(extra);
    let (code, out) = run_json(&args, &doc.to_string());
    assert_eq!(out["valid"], json!(code == 0), "{out}");
    let problems = out["problems"]
        .as_array()
        .expect("problems is a list")
        .iter()
        .map(|p| {
            (
                p["path"].as_str().unwrap_or_default().to_owned(),
                p["message"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    (code, problems)
}

fn problem(path: &str, message: &str) -> (String, String) {
    (path.to_owned(), message.to_owned())
}

/// The request and response of a fresh `cavra saas operating-automation tenant-demo`.
fn operating_automation(extra: &[&str]) -> Value {
    let mut args = vec!["saas", "operating-automation", "tenant-demo"];
    args.extend_from_slice(extra);
    let (code, out) = run_json(&args, "");
    assert_eq!(code, 0, "{out}");
    out
}

fn worker_handoff(extra: &[&str]) -> Value {
    let mut args = vec!["saas", "worker-handoff", "tenant-demo"];
    args.extend_from_slice(extra);
    let (code, out) = run_json(&args, "");
    assert_eq!(code, 0, "{out}");
    out
}

#[test]
fn operating_automation_with_the_seed_flags_prints_seed_004_exactly() {
    let (code, stdout, stderr) = run(
        &[&["saas", "operating-automation", "tenant-demo"], SEED_FLAGS].concat(),
        "",
    );
    assert_eq!((code, stderr.as_str()), (0, ""));
    let printed: Value = serde_json::from_str(&stdout).expect("JSON");
    for part in ["request", "response"] {
        let expected = cavra_tests::seed_004(part);
        assert_eq!(printed[part], expected, "{part} differs from the seed");
        // Same values and the same key order, everywhere.
        assert_eq!(
            serde_json::to_string(&printed[part]).ok(),
            serde_json::to_string(&expected).ok(),
            "{part}: key order differs from the seed"
        );
    }
    let keys: Vec<&String> = printed.as_object().expect("object").keys().collect();
    assert_eq!(keys, ["request", "response"]);
}

#[test]
fn operating_automation_defaults_follow_upstream() {
    let out = operating_automation(&[]);
    let (request, response) = (&out["request"], &out["response"]);
    let id = request["correlation_id"].as_str().expect("correlation id");
    assert!(
        id.len() == 17
            && id.starts_with("saas-")
            && id[5..]
                .chars()
                .all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c)),
        "correlation id {id} is not `saas-` and 12 hex digits"
    );
    assert_eq!(response["correlation_id"], json!(id));
    let again = operating_automation(&[]);
    assert_ne!(
        again["request"]["correlation_id"],
        json!(id),
        "each run draws a new correlation id"
    );
    assert_eq!(request["requested_by"], "community");
    assert_eq!(
        request["payload"]["automation_scope"],
        "trial-to-paid-customer-scale"
    );
    assert_eq!(request["payload"]["automation_cadence"], "daily");
    assert_eq!(request["payload"]["required_checks"], json!(ALL_CHECKS));
    let summary = &response["payload"]["summary"];
    for status in [
        "automation_status",
        "billing_monitoring_status",
        "license_telemetry_status",
        "support_followup_status",
        "customer_success_review_status",
        "dashboard_refresh_status",
        "escalation_drill_status",
        "closeout_retry_status",
    ] {
        assert_eq!(summary[status], "unknown", "{status}");
    }
    assert_eq!(summary["blockers"], json!([]));
    assert_eq!(response["status"], "requires_private_service");
}

#[test]
fn operating_automation_takes_repeated_checks_and_trims_the_tenant() {
    let out = run_json(
        &[
            "saas",
            "operating-automation",
            "  tenant-demo  ",
            "--required-check",
            "support_followup",
            "--required-check",
            "closeout_retry",
            "--blocker",
            "a",
            "--blocker",
            "b",
        ],
        "",
    )
    .1;
    assert_eq!(out["request"]["tenant_id"], "tenant-demo");
    assert_eq!(
        out["request"]["payload"]["required_checks"],
        json!(["support_followup", "closeout_retry"])
    );
    assert_eq!(
        out["response"]["payload"]["summary"]["blockers"],
        json!(["a", "b"])
    );
}

#[test]
fn worker_handoff_defaults_and_flags() {
    let out = worker_handoff(&[]);
    let (request, response) = (&out["request"], &out["response"]);
    let payload = &request["payload"];
    assert_eq!(
        request["operation"],
        "saas_operating_automation_worker_handoff"
    );
    assert_eq!(request["requested_by"], "community");
    assert_eq!(payload["deployment_environment"], "production");
    assert_eq!(payload["worker_mode"], "dry_run");
    assert_eq!(payload["required_checks"], json!(ALL_CHECKS));
    assert_eq!(payload["worker_targets"], json!(ALL_CHECKS));
    let summary = &response["payload"]["summary"];
    assert_eq!(summary["scheduler_ref"], "scheduler-pending");
    assert_eq!(summary["evidence_sink_ref"], "evidence-sink-pending");
    assert_eq!(summary["retry_policy_ref"], "retry-policy-pending");
    assert_eq!(summary["worker_owner"], "operations-owner");
    assert_eq!(summary["handoff_status"], "requires_private_service");
    assert_eq!(summary["worker_targets"], json!(ALL_CHECKS));
    assert_eq!(response["operation"], request["operation"]);

    let out = worker_handoff(&[
        "--worker-mode",
        "shadow",
        "--handoff-status",
        "ready",
        "--worker-target",
        "dashboard_refresh",
        "--worker-target",
        "billing_monitoring",
        "--scheduler-ref",
        "scheduler-nightly",
    ]);
    assert_eq!(out["request"]["payload"]["worker_mode"], "shadow");
    assert_eq!(
        out["request"]["payload"]["worker_targets"],
        json!(["dashboard_refresh", "billing_monitoring"])
    );
    assert_eq!(
        out["response"]["payload"]["summary"]["scheduler_ref"],
        "scheduler-nightly"
    );
    assert_eq!(
        out["response"]["payload"]["summary"]["handoff_status"],
        "ready"
    );
}

#[test]
fn saas_contract_prints_the_generated_description() {
    let (code, out) = run_json(&["saas", "contract"], "");
    assert_eq!(code, 0);
    assert_eq!(out, cavra::saas_control_plane::describe_public_contract());
    assert_eq!(
        out["schema_version"],
        "cavra.saas_control_plane.contract.v1"
    );
    let operations: Vec<&str> = out["operations"]
        .as_array()
        .expect("operations")
        .iter()
        .filter_map(|o| o["name"].as_str())
        .collect();
    // Every operation of the family that the CLI and API serve, in spec order.
    let spec = spec();
    let expected: Vec<&str> = spec
        .operations_of("saas_control_plane")
        .map(|o| o.name.as_str())
        .collect();
    assert_eq!(operations, expected);
    assert!(operations.contains(&"saas_operating_automation_worker_handoff"));
}

#[test]
fn operation_commands_refuse_bad_values_with_every_problem_at_once() {
    let (code, stdout, stderr) = run(
        &[
            "saas",
            "operating-automation",
            "   ",
            "--requested-by",
            "",
            "--automation-status",
            "paused",
            "--closeout-retry-status",
            "done",
            "--required-check",
            "billing_monitoring",
            "--required-check",
            "coffee_break",
        ],
        "",
    );
    assert_eq!(code, 1);
    assert_eq!(stdout, "", "nothing is printed for a refused request");
    let expected = [
        "error: tenant_id: tenant_id must not be empty",
        "error: requested_by: requested_by must not be empty",
        "error: payload.required_checks[1]: required_checks must be one of: billing_monitoring, closeout_retry, customer_success_review, dashboard_refresh, escalation_drill, license_telemetry_sync, support_followup",
        "error: payload.summary.automation_status: automation_status must be one of: automated, blocked, enabled, ready, scheduled, unknown",
        "error: payload.summary.closeout_retry_status: closeout_retry_status must be one of: automated, blocked, enabled, ready, scheduled, unknown",
    ];
    assert_eq!(stderr.lines().collect::<Vec<_>>(), expected);

    let (code, _, stderr) = run(
        &[
            "saas",
            "worker-handoff",
            "tenant-demo",
            "--worker-mode",
            "turbo",
        ],
        "",
    );
    assert_eq!(code, 1);
    assert_eq!(
        stderr,
        "error: payload.worker_mode: worker_mode must be one of: dry_run, live, shadow, unknown\n"
    );
}

#[test]
fn validate_accepts_what_the_commands_print() {
    let out = operating_automation(SEED_FLAGS);
    for part in ["request", "response"] {
        let (code, problems) = validate(&out[part], &[]);
        assert_eq!((code, problems), (0, vec![]), "{part}");
    }
    // The whole `{"request", "response"}` pair, from a file and from stdin.
    let (code, problems) = validate(&out, &[]);
    assert_eq!((code, problems), (0, vec![]));
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("exchange.json");
    std::fs::write(&file, out.to_string()).expect("write");
    let path = file.to_string_lossy().into_owned();
    assert_eq!(
        run(&["validate", &path], ""),
        (0, "valid\n".to_owned(), String::new())
    );
    assert_eq!(
        run(&["validate", "-"], &out.to_string()),
        (0, "valid\n".to_owned(), String::new())
    );
    let handoff = worker_handoff(&[]);
    assert_eq!(validate(&handoff, &[]), (0, vec![]));
}

#[test]
fn validate_reports_every_rule_with_its_message_and_path() {
    let out = operating_automation(&[]);
    let mut request = out["request"].clone();
    request["schema_version"] = json!("cavra.saas_control_plane.request.v2");
    request["tenant_id"] = json!("  ");
    request["private_implementation_required"] = json!(false);
    request["requested_via"] = json!("console");
    request["payload"]["required_checks"] = json!([]);
    request["payload"]["automation_cadance"] = json!("daily");
    request["payload"]["automation_scope"] = json!(7);
    let (code, problems) = validate(&request, &[]);
    assert_eq!(code, 1);
    assert_eq!(
        problems,
        [
            problem(
                "requested_via",
                "unknown field `requested_via`: did you mean `requested_by`?"
            ),
            problem(
                "schema_version",
                "schema_version must be \"cavra.saas_control_plane.request.v1\""
            ),
            problem("tenant_id", "tenant_id must not be empty"),
            problem(
                "private_implementation_required",
                "private_implementation_required must be true"
            ),
            problem(
                "payload.automation_cadance",
                "unknown field `automation_cadance`: did you mean `automation_cadence`?"
            ),
            problem(
                "payload.automation_scope",
                "automation_scope must be a string, found a number"
            ),
            problem(
                "payload.required_checks",
                "required_checks must include at least one SaaS operating automation check"
            ),
        ]
    );
}

#[test]
fn validate_checks_responses_and_bare_parts() {
    let out = operating_automation(&[]);
    let mut response = out["response"].clone();
    response["schema_version"] = json!("cavra.saas_control_plane.response.v0");
    response["message"] = json!("done");
    response["payload"]["summary"]["billing_monitoring_status"] = json!("green");
    response["payload"]["summary"]
        .as_object_mut()
        .expect("summary")
        .remove("tenant_id");
    let (code, problems) = validate(&response, &[]);
    assert_eq!(code, 1);
    assert!(problems.contains(&problem(
        "schema_version",
        "schema_version must be \"cavra.saas_control_plane.response.v1\""
    )));
    assert!(problems.contains(&problem(
        "payload.summary.billing_monitoring_status",
        "billing_monitoring_status must be one of: automated, blocked, enabled, ready, scheduled, unknown"
    )));
    assert!(problems.contains(&problem(
        "payload.summary.tenant_id",
        "missing required field `tenant_id`"
    )));
    assert!(problems.iter().any(|(p, m)| p == "message"
        && m.starts_with("message must be \"SaaS operating automation requires")));

    let summary = &out["response"]["payload"]["summary"];
    let bare = [
        "--operation",
        "saas_operating_automation",
        "--part",
        "summary",
    ];
    assert_eq!(validate(summary, &bare), (0, vec![]));
    let mut bad = summary.clone();
    bad["escalation_drill_status"] = json!("late");
    assert_eq!(
        validate(&bad, &bare).1,
        [problem(
            "payload.escalation_drill_status",
            "escalation_drill_status must be one of: automated, blocked, enabled, ready, scheduled, unknown"
        )]
    );
    let payload = &out["request"]["payload"];
    let request_part = [
        "--operation",
        "saas_operating_automation",
        "--part",
        "request",
    ];
    assert_eq!(validate(payload, &request_part), (0, vec![]));
}

#[test]
fn validate_reports_mismatched_requests_and_responses() {
    let out = worker_handoff(&[]);
    let mut pair = out.clone();
    pair["response"]["correlation_id"] = json!("saas-000000000000");
    assert_eq!(
        validate(&pair, &[]),
        (
            1,
            vec![problem(
                "response.correlation_id",
                "correlation_id must match the request's correlation_id"
            )]
        )
    );
    let mut pair = out;
    pair["request"] = operating_automation(&["--correlation-id", "saas-x"])["request"].clone();
    pair["response"]["correlation_id"] = json!("saas-x");
    assert_eq!(
        validate(&pair, &[]),
        (
            1,
            vec![problem(
                "response.operation",
                "SaaS operating automation worker handoff response requires a saas_operating_automation_worker_handoff request"
            )]
        )
    );
}

#[test]
fn tokens_are_refused_in_every_position_and_never_echoed() {
    let secret = token();
    let operation_cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec!["--automation-scope", &secret],
            "payload.automation_scope",
        ),
        (
            vec!["--required-check", &secret],
            "payload.required_checks[0]",
        ),
        (vec!["--blocker", &secret], "payload.summary.blockers[0]"),
        // Envelope fields are named by their own path (upstream says `payload.requested_by`).
        (vec!["--requested-by", &secret], "requested_by"),
    ];
    for (flags, path) in operation_cases {
        let args = [&["saas", "operating-automation", "tenant-demo"], &flags[..]].concat();
        let (code, stdout, stderr) = run(&args, "");
        assert_eq!(code, 1, "{flags:?}");
        assert!(
            stderr.contains(&format!(
                "sensitive value is not allowed in public SaaS contract payload: {path}"
            )),
            "{flags:?}: {stderr}"
        );
        assert!(
            !stdout.contains(&secret) && !stderr.contains(&secret),
            "{flags:?} echoed the token"
        );
    }
    // The identifier in the positional argument.
    let (code, stdout, stderr) = run(&["saas", "worker-handoff", &secret], "");
    assert_eq!(code, 1);
    assert!(
        stderr
            .contains("sensitive value is not allowed in public SaaS contract payload: tenant_id"),
        "{stderr}"
    );
    assert!(!stdout.contains(&secret) && !stderr.contains(&secret));

    // Documents: a field, a list item, a nested object and a map key.
    let request = operating_automation(&[])["request"].clone();
    let mut field = request.clone();
    field["payload"]["automation_cadence"] = json!(secret);
    let mut item = request.clone();
    item["payload"]["required_checks"][2] = json!(format!("see {secret}"));
    let mut nested = request.clone();
    nested["payload"]["automation_boundary"] = json!({"notes": [{"text": secret}]});
    let mut key = request;
    key["payload"]["Client_Secret"] = json!("redacted");
    let cases = [
        (field, "payload.automation_cadence", "sensitive value"),
        (item, "payload.required_checks[2]", "sensitive value"),
        (
            nested,
            "payload.automation_boundary.notes[0].text",
            "sensitive value",
        ),
        (key, "payload.Client_Secret", "sensitive field"),
    ];
    for (doc, path, what) in cases {
        let (code, stdout, stderr) = run(&["validate", "--format", "json"], &doc.to_string());
        assert_eq!(code, 1, "{path}");
        assert!(
            stdout.contains(&format!(
                "{what} is not allowed in public SaaS contract payload: {path}"
            )),
            "{path}: {stdout}"
        );
        assert!(
            !stdout.contains(&secret) && !stderr.contains(&secret),
            "{path} echoed the token"
        );
    }
}

#[test]
fn scan_finds_keys_and_values_in_any_json() {
    let secret = token();
    // Keys are matched once lower-cased and stripped of `_`, `-`, `.` and spaces (stricter than
    // upstream, which lets `apikey` through).
    let doc = json!({"notes": ["fine", {"deep": [secret]}], "tokens_used": 3, "apikey": "ok"});
    let (code, out) = run_json(&["scan", "--format", "json"], &doc.to_string());
    assert_eq!(code, 1);
    assert_eq!(
        out,
        json!({
            "clean": false,
            "findings": [
                {"path": "notes[1].deep[0]", "message": "sensitive value is not allowed in public SaaS contract payload: notes[1].deep[0]", "kind": "value", "rule": "github_token", "family": "github", "redacted": "ghp_…(40 chars)"},
                {"path": "tokens_used", "message": "sensitive field is not allowed in public SaaS contract payload: tokens_used", "kind": "key", "rule": "token", "family": "key", "redacted": "…(11 chars)"},
                {"path": "apikey", "message": "sensitive field is not allowed in public SaaS contract payload: apikey", "kind": "key", "rule": "api_key", "family": "key", "redacted": "…(6 chars)"}
            ]
        })
    );
    assert!(!out.to_string().contains(&secret));
    let (code, stdout, _) = run(&["scan"], r#"{"fine": ["a", 1, true, null]}"#);
    assert_eq!((code, stdout.as_str()), (0, "clean\n"));
}

#[test]
fn unknown_documents_and_bad_input_exit_with_the_right_code() {
    // Unrecognised document: invalid (1), with a reason.
    let (code, problems) = validate(&json!({"hello": "world"}), &[]);
    assert_eq!(code, 1);
    assert!(
        problems[0]
            .1
            .starts_with("cannot tell what the document is")
    );

    // Unreadable input and bad usage: 2, message on stderr, nothing on stdout.
    let usage_cases: [(&[&str], &str, &str); 7] = [
        (&["validate"], "{not json", "input is not valid JSON"),
        (&["gate"], "", "input is not valid JSON"),
        (
            &["scan", "/nonexistent/doc.json"],
            "",
            "cannot read `/nonexistent/doc.json`",
        ),
        (&["validate", "--part", "summary"], "{}", "--operation"),
        (
            &["validate", "--operation", "no_such_op", "--part", "request"],
            "{}",
            "unknown operation",
        ),
        (
            &["validate", "--format", "yaml"],
            "{}",
            "invalid value 'yaml'",
        ),
        (&["saas", "operating-automation"], "", "TENANT_ID"),
    ];
    for (args, stdin, needle) in usage_cases {
        let (code, stdout, stderr) = run(args, stdin);
        assert_eq!(code, 2, "{args:?}: {stderr}");
        assert_eq!(stdout, "", "{args:?}");
        assert!(stderr.contains(needle), "{args:?}: {stderr}");
    }
    // A JSON syntax error names the position, not the content.
    let secret = token();
    let (_, _, stderr) = run(&["scan"], &format!("{{\"a\": \"{secret}\" oops}}"));
    assert!(!stderr.contains(&secret), "{stderr}");
    let (code, stdout, _) = run(&["--version"], "");
    assert_eq!(code, 0);
    assert!(stdout.starts_with("cavra "));
}

/// Loads the spec the binary was generated from.
fn spec() -> cavra_spec::Spec {
    cavra_spec::load_dir(workspace_root().join("spec/contracts")).expect("the spec loads")
}

/// The type of the document field at `path` of an evidence contract.
fn field_type(
    spec: &cavra_spec::Spec,
    evidence: &cavra_spec::Evidence,
    path: &[String],
) -> Option<cavra_spec::FieldType> {
    let mut fields: Vec<&cavra_spec::Field> = spec.evidence_document(evidence);
    let mut ty = None;
    for segment in path {
        let field = fields.iter().find(|f| f.name.value == *segment)?;
        ty = Some(field.ty.value.clone());
        if let cavra_spec::FieldType::Shape(name) = &field.ty.value {
            fields = spec.shape(name)?.fields.iter().collect();
        }
    }
    ty
}

/// A value of `path`'s type that is none of `avoid`.
fn other_value(
    spec: &cavra_spec::Spec,
    evidence: &cavra_spec::Evidence,
    path: &[String],
    avoid: &[String],
) -> Option<Value> {
    match field_type(spec, evidence, path)? {
        cavra_spec::FieldType::Vocabulary(name) => spec
            .vocabulary(&name)?
            .value_strs()
            .find(|v| !avoid.iter().any(|a| a == v))
            .map(Value::from),
        cavra_spec::FieldType::Timestamp => Some(Value::from("2030-01-01T00:00:00Z")),
        _ => Some(Value::from("evidence://trial-lifecycle/another-package")),
    }
}

/// A change to the ready example that breaks the first condition of the gate's deciding case, if
/// it is one this test knows how to break.
fn break_gate(
    spec: &cavra_spec::Spec,
    evidence: &cavra_spec::Evidence,
    gate: &cavra_spec::Gate,
    doc: &mut Value,
) -> bool {
    use cavra_spec::Condition;
    // The case that decides, as the runtime picks it: the first whose `when` holds.
    let Some(case) = gate.cases.iter().find(|c| {
        c.when
            .as_ref()
            .is_none_or(|w| cavra_spec::example::holds(w, doc))
    }) else {
        return false;
    };
    let Some(condition) = case.conditions.first() else {
        return false;
    };
    let (path, value) = match condition {
        Condition::Present { paths } => {
            let Some(first) = paths.first() else {
                return false;
            };
            // The resolver expands `plan.*` into every field, so each path names one field.
            let path = first.segments.clone();
            (path, Value::Null)
        }
        Condition::Equals { path, value } => {
            let Some(v) = other_value(spec, evidence, &path.segments, std::slice::from_ref(value))
            else {
                return false;
            };
            (path.segments.clone(), v)
        }
        Condition::OneOf { path, values } => {
            let Some(v) = other_value(spec, evidence, &path.segments, values) else {
                return false;
            };
            (path.segments.clone(), v)
        }
        Condition::NotOneOf { path, values } => {
            (path.segments.clone(), Value::from(values[0].as_str()))
        }
        Condition::Matches { path, .. } => {
            let current = doc
                .pointer(&cavra_spec::pointer(&path.segments))
                .and_then(Value::as_str);
            let avoid: Vec<String> = current.map(str::to_owned).into_iter().collect();
            let Some(v) = other_value(spec, evidence, &path.segments, &avoid) else {
                return false;
            };
            (path.segments.clone(), v)
        }
        Condition::Absent { .. } => return false,
    };
    let Some((last, parent)) = path.split_last() else {
        return false;
    };
    let Some(Value::Object(object)) = doc.pointer_mut(&cavra_spec::pointer(parent)) else {
        return false;
    };
    if value.is_null() {
        object.remove(last);
    } else {
        object.insert(last.clone(), value);
    }
    true
}

#[test]
fn every_evidence_example_is_ready_and_every_gate_can_block_it() {
    let spec = spec();
    assert_eq!(spec.evidence.len(), 7);
    for evidence in &spec.evidence {
        let name = evidence.name.as_str();
        // One example per value of a field the gates depend on (conversion target, outcome).
        let mut broken: Vec<&str> = Vec::new();
        for (variant, ready) in cavra_spec::example::evidence_variants(&spec, evidence) {
            let (code, out) = run_json(&["gate", "--format", "json"], &ready.to_string());
            assert_eq!(
                out,
                json!({"contract": name, "status": "ready", "blockers": []}),
                "the example of {name} {variant}: {ready:#}"
            );
            assert_eq!(code, 0);
            let (_, stdout, _) = run(&["gate"], &ready.to_string());
            assert_eq!(stdout, format!("{name}: ready\n"));

            for gate in &evidence.gates {
                let mut doc = ready.clone();
                if !break_gate(&spec, evidence, gate, &mut doc) {
                    continue;
                }
                if !broken.contains(&gate.text.as_str()) {
                    broken.push(&gate.text);
                }
                let (code, out) = run_json(&["gate", "--format", "json"], &doc.to_string());
                let context = format!("{name} {variant}: {}: {out}", gate.text);
                assert_eq!((code, &out["status"]), (1, &json!("blocked")), "{context}");
                let blockers = out["blockers"].as_array().expect("blockers");
                // One blocker per failed gate; gates may overlap (a missing plan fails two).
                let ours = blockers
                    .iter()
                    .filter(|b| {
                        b.as_str()
                            .is_some_and(|b| b.starts_with(&format!("{}: ", gate.text)))
                    })
                    .count();
                assert_eq!(ours, 1, "{context}");
                let (_, stdout, _) = run(&["gate"], &doc.to_string());
                assert!(
                    stdout.starts_with(&format!("{name}: blocked\n- ")),
                    "{stdout}"
                );
                assert!(stdout.contains(&format!("\n- {}: ", gate.text)), "{stdout}");
            }
        }
        eprintln!(
            "{name}: {} of {} gates blocked one at a time",
            broken.len(),
            evidence.gates.len()
        );
        assert!(
            broken.len() * 4 >= evidence.gates.len() * 3,
            "{name}: only {} of {} gates were exercised",
            broken.len(),
            evidence.gates.len()
        );
    }
}

#[test]
fn gate_refuses_documents_that_are_not_valid_evidence() {
    let spec = spec();
    let evidence = &spec.evidence[0];
    let mut doc = cavra_spec::example::evidence_document(&spec, evidence);
    doc["schema_version"] = json!("cavra.other.v1");
    doc["surprise"] = json!(true);
    let (code, out) = run_json(&["gate", "--format", "json"], &doc.to_string());
    assert_eq!(code, 1);
    assert_eq!(out["valid"], false);
    let paths: Vec<&str> = out["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .filter_map(|p| p["path"].as_str())
        .collect();
    assert_eq!(paths, ["surprise", "schema_version"]);

    let (code, stdout, _) = run(&["gate"], r#"{"contract": "trial_forever"}"#);
    assert_eq!(code, 1);
    assert!(
        stdout.starts_with("contract: contract must be one of: billing_subscription_boundary, "),
        "{stdout}"
    );
}

#[test]
fn validate_refuses_what_the_schemas_refuse_a_missing_or_null_constant_and_blank_values() {
    // The three kinds of documents on which the JSON Schemas and `cavra validate` once disagreed.
    let request = cavra_tests::seed_004("request");
    let mut null_version = request.clone();
    null_version["schema_version"] = Value::Null;
    let mut no_constant = request.clone();
    no_constant
        .as_object_mut()
        .expect("object")
        .shift_remove("private_implementation_required");
    no_constant["payload"]
        .as_object_mut()
        .expect("object")
        .shift_remove("automation_boundary");
    let mut blank_id = request.clone();
    blank_id["correlation_id"] = json!("  ");
    assert_eq!(
        validate(&null_version, &[]),
        (
            1,
            vec![problem(
                "schema_version",
                "schema_version must be \"cavra.saas_control_plane.request.v1\""
            )]
        )
    );
    assert_eq!(
        validate(&no_constant, &[]),
        (
            1,
            vec![
                problem(
                    "private_implementation_required",
                    "missing required field `private_implementation_required`"
                ),
                problem(
                    "payload.automation_boundary",
                    "missing required field `automation_boundary`"
                ),
            ]
        )
    );
    assert_eq!(
        validate(&blank_id, &[]),
        (
            1,
            vec![problem(
                "correlation_id",
                "correlation_id must not be empty"
            )]
        )
    );
    let spec = spec();
    let expiry = spec
        .evidence_contract("trial_access_expiry")
        .expect("the expiry contract");
    let mut doc = cavra_spec::example::evidence_document(&spec, expiry);
    doc["references"]["original_expires_at"] = json!("");
    assert_eq!(
        validate(&doc, &[]),
        (
            1,
            vec![problem(
                "references.original_expires_at",
                "original_expires_at must be an RFC 3339 timestamp such as 2026-06-02T09:00:00Z"
            )]
        )
    );
}
