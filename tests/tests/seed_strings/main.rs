//! Seed strings: the strings the spec carries from upstream are the product, so they are tested
//! like code.
//!
//! The expected strings (`expected.rs`) are copied by hand from the sources of truth: the scraped
//! upstream wiki pages in `shared/seeds/` (000-004) and `shared/UPSTREAM.md` (sections 1-9). The
//! first group (this file)
//! of tests loads `spec/contracts/` and asserts that the model carries exactly these strings, in
//! upstream order where upstream fixes one: check names and private responsibilities, messages,
//! field orders, defaults and constant boundary texts, status vocabularies, boundary lists, gate
//! texts and their machine rules, record items, wiki prose, and the machine-checked boundary.
//!
//! The second group (`copied_from_seed.rs`) proves the test's own expectations: every expected
//! string that comes from a seed is looked up in that seed's text (whitespace collapsed), mostly
//! as whole lists rebuilt with the seed's own bullets and separators, so a dropped, reordered or
//! mistyped item fails. It needs the seed pages (outside data); without them its tests are
//! listed as ignored.

use std::sync::OnceLock;

use cavra_spec::{
    Condition, Evidence, Field, FieldType, Gate, GateCase, Operation, Presence, Spec, Vocabulary,
};
use serde_json::Value;

mod copied_from_seed;
mod expected;

use expected::*;

// ---------------------------------------------------------------------------------------------
// Helpers.

/// The project's spec, loaded once for every test.
fn spec() -> &'static Spec {
    static SPEC: OnceLock<Spec> = OnceLock::new();
    SPEC.get_or_init(|| {
        let dir = cavra_tests::workspace_root().join("spec/contracts");
        cavra_spec::load_dir(&dir)
            .unwrap_or_else(|errors| panic!("spec/contracts does not load:\n{errors}"))
    })
}

fn op(name: &str) -> &'static Operation {
    spec()
        .operation(name)
        .unwrap_or_else(|| panic!("operation `{name}` is missing from the spec"))
}

fn evidence(name: &str) -> &'static Evidence {
    spec()
        .evidence_contract(name)
        .unwrap_or_else(|| panic!("evidence contract `{name}` is missing from the spec"))
}

fn vocabulary(name: &str) -> &'static Vocabulary {
    spec()
        .vocabulary(name)
        .unwrap_or_else(|| panic!("vocabulary `{name}` is missing from the spec"))
}

/// A vocabulary's values in spec order.
fn values(name: &str) -> Vec<&'static str> {
    vocabulary(name).value_strs().collect()
}

/// A vocabulary's values as upstream's "must be one of" messages list them.
fn sorted(name: &str) -> String {
    vocabulary(name).sorted_values().join(", ")
}

fn names(fields: &[Field]) -> Vec<&str> {
    fields.iter().map(|f| f.name.as_str()).collect()
}

fn strs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

fn field<'a>(fields: &'a [Field], name: &str) -> &'a Field {
    fields
        .iter()
        .find(|f| f.name.as_str() == name)
        .unwrap_or_else(|| panic!("field `{name}` is missing"))
}

fn summary(op: &Operation) -> &[Field] {
    op.summary
        .as_deref()
        .unwrap_or_else(|| panic!("operation `{}` has no summary", op.name.as_str()))
}

/// The default of a field, rendered as JSON (`"daily"`, `["a","b"]`, `[]`).
fn default_json(f: &Field) -> String {
    match &f.presence {
        Presence::Default(v) => v.to_string(),
        other => panic!("field `{}` has no default: {other:?}", f.name.as_str()),
    }
}

/// The string default of a field.
fn default_str(f: &Field) -> &str {
    match &f.presence {
        Presence::Default(Value::String(s)) => s,
        other => panic!(
            "field `{}` has no string default: {other:?}",
            f.name.as_str()
        ),
    }
}

/// The list-of-strings default of a field.
fn default_list(f: &Field) -> Vec<&str> {
    match &f.presence {
        Presence::Default(Value::Array(items)) => items
            .iter()
            .map(|i| i.as_str().expect("list default items are strings"))
            .collect(),
        other => panic!("field `{}` has no list default: {other:?}", f.name.as_str()),
    }
}

/// Every constant text field of a field list, in order: `(name, text)`.
fn const_texts(fields: &[Field]) -> Vec<(&str, &str)> {
    fields
        .iter()
        .filter_map(|f| match &f.presence {
            Presence::Const(Value::String(s)) => Some((f.name.as_str(), s.as_str())),
            _ => None,
        })
        .collect()
}

/// Every empty-list message of a field list, in order: `(name, message)`.
fn min_items_messages(fields: &[Field]) -> Vec<(&str, &str)> {
    fields
        .iter()
        .filter_map(|f| Some((f.name.as_str(), f.min_items_message.as_deref()?)))
        .collect()
}

fn check_names(op: &Operation) -> Vec<&str> {
    op.checks.iter().map(|c| c.name.as_str()).collect()
}

fn responsibilities(op: &Operation) -> Vec<(&str, &str)> {
    op.checks
        .iter()
        .map(|c| {
            let r = c
                .responsibility
                .as_deref()
                .unwrap_or_else(|| panic!("check `{}` has no responsibility", c.name.as_str()));
            (c.name.as_str(), r)
        })
        .collect()
}

/// `(path, help)` of an operation's CLI command.
fn cli(op: &Operation) -> (&str, &str) {
    let c = op
        .cli
        .as_ref()
        .unwrap_or_else(|| panic!("operation `{}` has no CLI command", op.name.as_str()));
    (c.path.as_str(), c.help.as_str())
}

/// `(method, route)` of an operation's HTTP route.
fn http(op: &Operation) -> (&str, &str) {
    let h = op
        .http
        .as_ref()
        .unwrap_or_else(|| panic!("operation `{}` has no HTTP route", op.name.as_str()));
    (h.method.as_str(), h.route.as_str())
}

fn gate_texts(e: &Evidence) -> Vec<&str> {
    e.gates.iter().map(|g| g.text.as_str()).collect()
}

fn gates_intro(e: &Evidence) -> &str {
    e.gates_intro
        .as_deref()
        .unwrap_or_else(|| panic!("evidence `{}` has no gates_intro", e.name.as_str()))
}

/// A condition in a compact, readable form.
fn condition(c: &Condition) -> String {
    let list = |paths: &[cavra_spec::FieldPath]| {
        paths
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    };
    match c {
        Condition::Equals { path, value } => format!("{path} = {value}"),
        Condition::OneOf { path, values } => format!("{path} in [{}]", values.join(", ")),
        Condition::NotOneOf { path, values } => format!("{path} not in [{}]", values.join(", ")),
        Condition::Matches { path, other } => format!("{path} matches {other}"),
        Condition::Present { paths } => format!("present [{}]", list(paths)),
        Condition::Absent { paths } => format!("absent [{}]", list(paths)),
    }
}

/// A gate case: `when <condition>: <rule>; <rule>`, or just the rules.
fn case(c: &GateCase) -> String {
    let rules: Vec<String> = c.conditions.iter().map(condition).collect();
    match &c.when {
        Some(w) => format!("when {}: {}", condition(w), rules.join("; ")),
        None => rules.join("; "),
    }
}

/// Every case of a gate, in order.
fn rules(g: &Gate) -> Vec<String> {
    g.cases.iter().map(case).collect()
}

/// The gate with this text.
fn gate<'a>(e: &'a Evidence, text: &str) -> &'a Gate {
    e.gates
        .iter()
        .find(|g| g.text == text)
        .unwrap_or_else(|| panic!("evidence `{}` has no gate `{text}`", e.name.as_str()))
}

/// `(intro, items)` of every record group of an evidence contract.
fn records(e: &Evidence) -> Vec<(&str, Vec<&str>)> {
    e.records
        .iter()
        .map(|g| {
            (
                g.intro.as_deref().unwrap_or(""),
                g.items.iter().map(|i| i.text.as_str()).collect(),
            )
        })
        .collect()
}

fn section_headings(sections: &[cavra_spec::WikiSection]) -> Vec<&str> {
    sections.iter().map(|s| s.heading.as_str()).collect()
}

fn section_body<'a>(sections: &'a [cavra_spec::WikiSection], heading: &str) -> &'a str {
    sections
        .iter()
        .find(|s| s.heading == heading)
        .and_then(|s| s.body.as_deref())
        .unwrap_or_else(|| panic!("no wiki section `{heading}` with a body"))
}

// ---------------------------------------------------------------------------------------------
// Seed 004: SaaS Operating Automation Contract.

#[test]
fn seed_004_operating_automation_checks_and_messages() {
    let soa = op("saas_operating_automation");
    assert_eq!(responsibilities(soa), SOA_CHECKS);
    assert_eq!(check_names(soa), SOA_CHECK_NAMES);
    assert_eq!(strs(&soa.private_modules), SOA_MODULES);
    assert_eq!(soa.message, SOA_MESSAGE);
    assert_eq!(soa.next_step, SOA_NEXT_STEP);
    assert_eq!(soa.mismatch_message, SOA_MISMATCH);
    assert_eq!(
        min_items_messages(&soa.request),
        [("required_checks", SOA_EMPTY_CHECKS)]
    );
    assert_eq!(field(&soa.request, "required_checks").min_items, Some(1));
    assert_eq!(soa.subject, "SaaS operating automation");
    assert_eq!(soa.title, "SaaS Operating Automation Contract");
}

#[test]
fn seed_004_operating_automation_request_summary_and_surfaces() {
    let soa = op("saas_operating_automation");
    assert_eq!(names(&soa.request), SOA_REQUEST_FIELDS);
    assert_eq!(
        default_str(field(&soa.request, "automation_scope")),
        SOA_SCOPE_DEFAULT
    );
    assert_eq!(
        default_str(field(&soa.request, "automation_cadence")),
        SOA_CADENCE_DEFAULT
    );
    assert_eq!(
        default_list(field(&soa.request, "required_checks")),
        SOA_CHECK_NAMES
    );
    assert_eq!(
        const_texts(&soa.request),
        [("automation_boundary", SOA_REQUEST_BOUNDARY)]
    );

    let summary = summary(soa);
    assert_eq!(names(summary), SOA_SUMMARY_FIELDS);
    // The eight statuses (fields 2-9) are required values of `automation_status`.
    for f in &summary[1..9] {
        assert!(f.is_required(), "`{}` must be required", f.name.as_str());
        assert_eq!(*f.ty, FieldType::Vocabulary("automation_status".to_owned()));
    }
    assert!(field(summary, "tenant_id").is_required());
    assert_eq!(
        default_str(field(summary, "automation_scope")),
        SOA_SCOPE_DEFAULT
    );
    assert_eq!(
        default_str(field(summary, "automation_cadence")),
        SOA_CADENCE_DEFAULT
    );
    assert_eq!(default_json(field(summary, "blockers")), "[]");
    assert_eq!(
        field(summary, "private_validation_required").presence,
        Presence::Const(Value::Bool(true))
    );
    assert_eq!(
        const_texts(summary),
        [("automation_boundary", SOA_SUMMARY_BOUNDARY)]
    );
    assert_eq!(names(&soa.response), SOA_RESPONSE_FIELDS);

    assert_eq!(cli(soa), (SOA_CLI_PATH, SOA_CLI_HELP));
    assert_eq!(
        soa.cli.as_ref().and_then(|c| c.tenant_help.as_deref()),
        Some(SOA_TENANT_HELP)
    );
    assert_eq!(http(soa), ("POST", SOA_ROUTE));
}

#[test]
fn seed_004_operating_automation_boundary_and_wiki() {
    let soa = op("saas_operating_automation");
    assert_eq!(strs(&soa.boundary.may_contain), SOA_MAY_CONTAIN);
    assert_eq!(strs(&soa.boundary.must_not_contain), SOA_MUST_NOT);
    assert_eq!(strs(&soa.wiki.validation), SOA_VALIDATION);
    assert_eq!(soa.wiki.intro.as_deref(), Some(SOA_INTRO));
    assert_eq!(soa.wiki.purpose.as_deref(), Some(SOA_PURPOSE));
    assert_eq!(soa.wiki.surfaces.as_deref(), Some(SOA_SURFACES));
    assert_eq!(
        soa.wiki.next_recommendation.as_deref(),
        Some(SOA_NEXT_RECOMMENDATION)
    );
    assert_eq!(section_headings(&soa.wiki.sections), SOA_SECTION_HEADINGS);
}

// ---------------------------------------------------------------------------------------------
// Vocabularies.

#[test]
fn status_vocabularies_hold_upstream_values_in_order() {
    assert_eq!(
        values("response_status"),
        ["accepted", "unavailable", "requires_private_service"]
    );
    assert_eq!(values("automation_status"), AUTOMATION_STATUSES);
    assert_eq!(
        values("handoff_status"),
        [
            "planned",
            "ready",
            "blocked",
            "requires_private_service",
            "unknown"
        ]
    );
    assert_eq!(
        values("worker_mode"),
        ["dry_run", "shadow", "live", "unknown"]
    );
    assert_eq!(
        values("readiness_status"),
        ["ready", "degraded", "blocked", "unknown"]
    );
    assert_eq!(
        values("entitlement_status"),
        [
            "active",
            "trial",
            "suspended",
            "expired",
            "missing",
            "unknown"
        ]
    );
    assert_eq!(
        values("deployment_model"),
        ["hosted_saas", "self_hosted_enterprise", "hybrid"]
    );
    assert_eq!(
        values("export_format"),
        ["json", "jsonl", "markdown", "zip"]
    );
    assert_eq!(values("subscription_state"), SUBSCRIPTION_STATES);
    assert_eq!(values("notification_channel"), NOTIFICATION_CHANNELS);
    assert_eq!(values("conversion_target"), CONVERSION_TARGETS);
    assert_eq!(values("trial_outcome"), ["revoked", "renewed", "escalated"]);
    assert_eq!(
        values("access_channel"),
        ["private_ghcr", "private_binary", "hosted_saas"]
    );
    assert_eq!(
        values("edition"),
        ["community", "trial", "business", "enterprise", "saas"]
    );
    assert_eq!(
        values("license_status"),
        [
            "valid",
            "expired",
            "invalid",
            "missing",
            "unsupported",
            "revoked",
            "suspended"
        ]
    );
}

#[test]
fn sorted_vocabularies_match_upstream_error_messages() {
    // UPSTREAM.md 8.5 and section 4: `{field} must be one of: {sorted values}`.
    assert_eq!(
        sorted("automation_status"),
        "automated, blocked, enabled, ready, scheduled, unknown"
    );
    assert_eq!(
        sorted("entitlement_status"),
        "active, expired, missing, suspended, trial, unknown"
    );
    assert_eq!(
        sorted("readiness_status"),
        "blocked, degraded, ready, unknown"
    );
    assert_eq!(
        sorted("deployment_model"),
        "hosted_saas, hybrid, self_hosted_enterprise"
    );
    assert_eq!(sorted("export_format"), "json, jsonl, markdown, zip");
}

// ---------------------------------------------------------------------------------------------
// The SaaS Control Plane envelope (UPSTREAM.md section 1).

#[test]
fn saas_envelope_and_contract_description() {
    let spec = spec();
    let family = spec
        .family("saas_control_plane")
        .expect("family saas_control_plane");
    assert_eq!(family.schema_version("contract"), Some(CONTRACT_VERSION));
    assert_eq!(family.schema_version("request"), Some(REQUEST_VERSION));
    assert_eq!(family.schema_version("response"), Some(RESPONSE_VERSION));
    assert_eq!(family.product.as_deref(), Some("CAVRA"));
    assert_eq!(family.correlation_id_prefix.as_deref(), Some("saas-"));
    assert_eq!(names(&family.request_envelope), REQUEST_ENVELOPE);
    assert_eq!(names(&family.response_envelope), RESPONSE_ENVELOPE);
    assert_eq!(
        default_str(field(&family.request_envelope, "requested_by")),
        "community"
    );
    assert_eq!(
        default_str(field(&family.response_envelope, "status")),
        "requires_private_service"
    );
    for envelope in [&family.request_envelope, &family.response_envelope] {
        assert_eq!(
            field(envelope, "private_implementation_required").presence,
            Presence::Const(Value::Bool(true))
        );
    }
    let unavailable = family.unavailable.as_ref().expect("unavailable response");
    assert_eq!(unavailable.message, UNAVAILABLE_MESSAGE);
    assert_eq!(unavailable.next_step, UNAVAILABLE_NEXT_STEP);

    let group = family.cli_group.as_ref().expect("cli group");
    assert_eq!(
        (group.name.as_str(), group.help.as_str()),
        ("saas", "Public-safe SaaS Control Plane contract commands.")
    );

    let operations: Vec<&str> = spec
        .operations_of("saas_control_plane")
        .map(|o| o.name.as_str())
        .collect();
    assert_eq!(operations, SAAS_OPERATIONS);

    for (name, request, response) in DESCRIBE {
        let d = op(name)
            .describe
            .as_ref()
            .unwrap_or_else(|| panic!("operation `{name}` has no describe"));
        assert_eq!(
            (d.request.as_str(), d.response.as_str()),
            (request, response),
            "{name}"
        );
    }

    let description = family.description.as_ref().expect("contract description");
    assert_eq!(
        description.purpose,
        "Public-safe client request and response contracts for future private services."
    );
    let flags: Vec<(&str, bool)> = description
        .public_repository_boundary
        .iter()
        .map(|(k, v)| (k.as_str(), *v))
        .collect();
    assert_eq!(
        flags,
        [
            ("contains_saas_backend", false),
            ("contains_license_service", false),
            ("contains_customer_records", false),
        ]
    );
    let c = description.cli.as_ref().expect("contract description CLI");
    assert_eq!(
        (c.path.as_str(), c.help.as_str()),
        (
            "saas contract",
            "Print the public-safe SaaS Control Plane contract description."
        )
    );
    let h = description
        .http
        .as_ref()
        .expect("contract description route");
    assert_eq!(
        (h.method.as_str(), h.route.as_str()),
        ("GET", "/saas/control-plane/contract")
    );
}

// ---------------------------------------------------------------------------------------------
// The worker handoff operation (UPSTREAM.md section 3 and 9).

#[test]
fn worker_handoff_operation() {
    let wh = op(WORKER_HANDOFF);
    assert_eq!(
        wh.checks_from.as_ref().map(|c| c.as_str()),
        Some("saas_operating_automation")
    );
    assert_eq!(check_names(wh), SOA_CHECK_NAMES);
    assert_eq!(
        names(&wh.request),
        [
            "deployment_environment",
            "worker_mode",
            "required_checks",
            "worker_targets",
            "handoff_boundary"
        ]
    );
    assert_eq!(
        default_str(field(&wh.request, "deployment_environment")),
        "production"
    );
    assert_eq!(default_str(field(&wh.request, "worker_mode")), "dry_run");
    assert_eq!(
        *field(&wh.request, "worker_mode").ty,
        FieldType::Vocabulary("worker_mode".to_owned())
    );
    assert_eq!(
        default_list(field(&wh.request, "required_checks")),
        SOA_CHECK_NAMES
    );
    assert_eq!(
        default_list(field(&wh.request, "worker_targets")),
        SOA_CHECK_NAMES
    );
    assert_eq!(
        min_items_messages(&wh.request),
        [("required_checks", SOA_EMPTY_CHECKS)]
    );
    assert_eq!(
        const_texts(&wh.request),
        [(
            "handoff_boundary",
            "public request shape only; SaaS automation worker execution is private"
        )]
    );

    let summary = summary(wh);
    let defaults: Vec<(&str, &str)> = [
        "handoff_status",
        "deployment_environment",
        "scheduler_ref",
        "evidence_sink_ref",
        "retry_policy_ref",
        "worker_owner",
        "worker_mode",
    ]
    .into_iter()
    .map(|n| (n, default_str(field(summary, n))))
    .collect();
    assert_eq!(
        defaults,
        [
            ("handoff_status", "requires_private_service"),
            ("deployment_environment", "production"),
            ("scheduler_ref", "scheduler-pending"),
            ("evidence_sink_ref", "evidence-sink-pending"),
            ("retry_policy_ref", "retry-policy-pending"),
            ("worker_owner", "operations-owner"),
            ("worker_mode", "dry_run"),
        ]
    );
    assert_eq!(
        *field(summary, "handoff_status").ty,
        FieldType::Vocabulary("handoff_status".to_owned())
    );
    assert_eq!(
        default_list(field(summary, "required_checks")),
        SOA_CHECK_NAMES
    );
    assert_eq!(
        default_list(field(summary, "worker_targets")),
        SOA_CHECK_NAMES
    );
    assert_eq!(default_json(field(summary, "blockers")), "[]");
    assert_eq!(
        field(summary, "private_validation_required").presence,
        Presence::Const(Value::Bool(true))
    );
    assert_eq!(
        field(summary, "handoff_status").cli_help.as_deref(),
        Some("planned, ready, blocked, requires_private_service, or unknown.")
    );
    assert_eq!(
        field(&wh.request, "worker_mode").cli_help.as_deref(),
        Some("dry_run, shadow, live, or unknown.")
    );

    // UPSTREAM.md 3.3 gives these two by upstream's pattern.
    assert_eq!(
        wh.mismatch_message,
        "SaaS operating automation worker handoff response requires a saas_operating_automation_worker_handoff request"
    );
    assert_eq!(
        wh.next_step,
        "See docs/architecture/saas-operating-automation-worker-handoff.md"
    );

    assert_eq!(
        cli(wh),
        (
            "saas worker-handoff",
            "Print a public-safe SaaS operating automation worker handoff request and response."
        )
    );
    assert_eq!(
        wh.cli.as_ref().and_then(|c| c.tenant_help.as_deref()),
        Some("Tenant identifier for the public-safe handoff shape.")
    );
    assert_eq!(
        http(wh),
        ("POST", "/saas/operating-automation/worker-handoff")
    );
}

#[test]
fn worker_handoff_boundary_from_its_architecture_doc() {
    // UPSTREAM.md 3.4 (D-WH).
    let wh = op(WORKER_HANDOFF);
    assert_eq!(
        strs(&wh.boundary.may_contain),
        [
            "interface names",
            "public-safe field names",
            "synthetic examples",
            "status vocabulary",
            "validation expectations",
            "private-service boundary messages",
        ]
    );
    assert_eq!(
        strs(&wh.boundary.must_not_contain),
        [
            "Enterprise source code",
            "private package paths",
            "SaaS backend source or deployment topology",
            "worker execution algorithms",
            "scheduler internals",
            "connector credentials or production endpoint URLs",
            "customer records, support tickets, billing records, or customer-success notes",
            "compliance workpapers, executive notes, incident contents, or rollback runbooks",
            "license keys, signing keys, paid policy packs, or private policy registry logic",
        ]
    );
    assert_eq!(
        strs(&wh.boundary.private_responsibilities),
        [
            "automation worker source code",
            "scheduler implementation and runtime queues",
            "billing-provider API calls and billing records",
            "license telemetry job implementation and telemetry payloads",
            "support ticket workflows and ticket contents",
            "customer-success records and customer health scores",
            "dashboard refresh jobs and production dashboard URLs",
            "escalation drill runbooks, on-call routing, and webhooks",
            "closeout retry execution",
            "connector credentials, tokens, and endpoint URLs",
            "customer identifiers beyond public-safe aliases",
            "SaaS backend implementation and secrets",
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// Sibling SaaS operations (UPSTREAM.md section 4).

#[test]
fn sibling_entitlement_and_onboarding() {
    let e = op("entitlement_status");
    assert_eq!(
        e.message,
        "Entitlement status requires private billing, subscription, and license-service validation."
    );
    assert_eq!(
        e.next_step,
        "See docs/architecture/entitlement-status-contract.md"
    );
    assert_eq!(
        e.mismatch_message,
        "entitlement status response requires an entitlement_status request"
    );
    assert_eq!(
        strs(&e.private_modules),
        [
            "billing integration",
            "license service",
            "subscription status",
            "feature entitlement registry"
        ]
    );
    assert_eq!(
        default_list(field(&e.request, "requested_checks")),
        ["subscription_status", "license_status", "feature_grants"]
    );
    assert_eq!(
        const_texts(&e.request),
        [(
            "entitlement_boundary",
            "public request shape only; billing and license validation are private"
        )]
    );
    assert_eq!(
        names(summary(e)),
        [
            "tenant_id",
            "entitlement_status",
            "subscription_plan",
            "license_status",
            "enabled_features",
            "locked_features",
            "expires_at",
            "private_validation_required",
            "billing_boundary"
        ]
    );
    assert_eq!(
        const_texts(summary(e)),
        [(
            "billing_boundary",
            "billing and subscription verification are private service responsibilities"
        )]
    );

    let t = op("tenant_onboarding");
    assert_eq!(
        t.message,
        "Tenant onboarding requires the private CAVRA SaaS Control Plane or Enterprise service."
    );
    assert_eq!(
        t.next_step,
        "See docs/architecture/tenant-onboarding-contract.md"
    );
    assert_eq!(
        t.mismatch_message,
        "tenant onboarding response requires a tenant_onboarding request"
    );
    assert_eq!(
        strs(&t.private_modules),
        [
            "identity onboarding",
            "license service",
            "policy registry",
            "audit store",
            "support ownership"
        ]
    );
    assert_eq!(
        min_items_messages(&t.request),
        [(
            "requirements",
            "requirements must include at least one onboarding requirement"
        )]
    );
    assert_eq!(
        default_list(field(&t.request, "requirements")),
        [
            "identity_provider",
            "license_validation",
            "policy_registry",
            "audit_store",
            "support_owner"
        ]
    );
    assert_eq!(
        default_str(field(&t.request, "deployment_model")),
        "hosted_saas"
    );
    assert_eq!(
        const_texts(&t.request),
        [(
            "activation_boundary",
            "public request shape only; tenant provisioning implementation is private"
        )]
    );
}

#[test]
fn sibling_operations_without_their_own_response() {
    // tenant_status, license_validation, policy_registry_lookup and evidence_export answer with
    // the generic unavailable response (UPSTREAM.md 1.6).
    let expected = [
        (
            "tenant_status",
            ("public_client_boundary", "status lookup contract only"),
        ),
        (
            "license_validation",
            (
                "server_boundary",
                "real validation is performed by private SaaS or Enterprise services",
            ),
        ),
        (
            "policy_registry_lookup",
            (
                "resolution_boundary",
                "public request shape only; hosted registry implementation is private",
            ),
        ),
        (
            "evidence_export",
            (
                "export_boundary",
                "public request shape only; storage and delivery implementation is private",
            ),
        ),
    ];
    for (name, boundary) in expected {
        let o = op(name);
        assert_eq!(o.message, UNAVAILABLE_MESSAGE, "{name}");
        assert_eq!(o.next_step, UNAVAILABLE_NEXT_STEP, "{name}");
        assert_eq!(const_texts(&o.request), [boundary], "{name}");
    }
    assert_eq!(
        default_list(field(
            &op("tenant_status").request,
            "requested_capabilities"
        )),
        ["license", "policy_registry", "evidence_export"]
    );
    assert_eq!(
        default_list(field(&op("license_validation").request, "requested_checks")),
        ["signature", "revocation", "subscription_status"]
    );
    assert_eq!(
        min_items_messages(&op("policy_registry_lookup").request),
        [(
            "policy_refs",
            "policy_refs must include at least one policy reference"
        )]
    );
    let export = op("evidence_export");
    assert_eq!(
        min_items_messages(&export.request),
        [(
            "evidence_refs",
            "evidence_refs must include at least one evidence reference"
        )]
    );
    assert_eq!(default_str(field(&export.request, "export_format")), "json");
}

#[test]
fn sibling_readiness_and_operating_operations() {
    let p = op("policy_registry_readiness");
    assert_eq!(
        check_names(p),
        [
            "service_availability",
            "catalog_freshness",
            "policy_pack_versions",
            "artifact_integrity",
            "entitlement_scope",
            "approval_state"
        ]
    );
    assert_eq!(
        p.message,
        "Hosted policy registry readiness requires private registry, artifact, entitlement, and rollout validation."
    );
    assert_eq!(
        p.next_step,
        "See docs/architecture/hosted-policy-registry-readiness-contract.md"
    );
    assert_eq!(
        p.mismatch_message,
        "policy registry readiness response requires a policy_registry_readiness request"
    );
    assert_eq!(
        min_items_messages(&p.request),
        [(
            "required_checks",
            "required_checks must include at least one policy registry readiness check"
        )]
    );
    assert_eq!(
        strs(&p.private_modules),
        [
            "hosted policy registry service",
            "policy-pack artifact store",
            "feature entitlement registry",
            "approval workflow",
            "rollout telemetry"
        ]
    );
    assert_eq!(
        const_texts(&p.request),
        [(
            "readiness_boundary",
            "public request shape only; hosted policy registry operation is private"
        )]
    );
    assert_eq!(
        const_texts(summary(p)),
        [(
            "registry_boundary",
            "hosted registry availability, artifact delivery, and tenant catalog validation are private service responsibilities"
        )]
    );
    assert_eq!(field(summary(p), "policy_pack_count").minimum, Some(0));

    let a = op("tenant_audit_store_operating");
    assert_eq!(
        check_names(a),
        [
            "store_health",
            "retention_posture",
            "evidence_freshness",
            "export_readiness",
            "immutable_storage",
            "dashboard_visibility"
        ]
    );
    assert_eq!(
        a.message,
        "Tenant audit-store operating status requires private archive, retention, evidence, export, and dashboard validation."
    );
    assert_eq!(
        a.next_step,
        "See docs/architecture/tenant-audit-store-operating-contract.md"
    );
    assert_eq!(
        a.mismatch_message,
        "tenant audit-store operating response requires a tenant_audit_store_operating request"
    );
    assert_eq!(
        min_items_messages(&a.request),
        [(
            "required_checks",
            "required_checks must include at least one tenant audit-store operating check"
        )]
    );
    assert_eq!(
        strs(&a.private_modules),
        [
            "tenant audit store",
            "retention enforcement",
            "evidence freshness monitor",
            "export connector service",
            "operating dashboard"
        ]
    );
    assert_eq!(
        const_texts(&a.request),
        [(
            "operating_boundary",
            "public request shape only; tenant audit-store operation is private"
        )]
    );
    assert_eq!(
        const_texts(summary(a)),
        [(
            "audit_store_boundary",
            "tenant archive storage, retention enforcement, export connectors, and customer evidence remain private service responsibilities"
        )]
    );
}

#[test]
fn sibling_dashboard_and_support_handoff_operations() {
    let d = op("customer_operating_dashboard");
    assert_eq!(
        check_names(d),
        [
            "dashboard_visibility",
            "billing_observability",
            "license_service_telemetry",
            "support_handoff",
            "customer_success_health",
            "escalation_readiness",
            "release_acceptance"
        ]
    );
    assert_eq!(
        d.message,
        "Customer operating dashboard status requires private billing, license-service, support, customer-success, escalation, and release closeout validation."
    );
    assert_eq!(
        d.next_step,
        "See docs/architecture/customer-operating-dashboard-support-handoff-contract.md"
    );
    assert_eq!(
        d.mismatch_message,
        "customer operating dashboard response requires a customer_operating_dashboard request"
    );
    assert_eq!(
        min_items_messages(&d.request),
        [(
            "required_checks",
            "required_checks must include at least one customer operating dashboard check"
        )]
    );
    assert_eq!(
        strs(&d.private_modules),
        [
            "billing observability",
            "license-service telemetry",
            "support handoff",
            "customer-success health",
            "escalation routing",
            "release closeout",
            "operating dashboard"
        ]
    );
    assert_eq!(
        const_texts(&d.request),
        [(
            "dashboard_boundary",
            "public request shape only; customer operating dashboards are private"
        )]
    );
    assert_eq!(
        const_texts(summary(d)),
        [(
            "dashboard_boundary",
            "customer operating dashboards, provider telemetry, support systems, and customer records remain private service responsibilities"
        )]
    );

    let s = op("support_handoff_readiness");
    assert_eq!(
        check_names(s),
        [
            "support_owner_assignment",
            "customer_success_owner_assignment",
            "escalation_routing",
            "customer_health_review",
            "handoff_dashboard",
            "release_owner_acceptance"
        ]
    );
    assert_eq!(
        s.message,
        "Support handoff readiness requires private support, customer-success, escalation, health-review, and dashboard validation."
    );
    assert_eq!(
        s.next_step,
        "See docs/architecture/customer-operating-dashboard-support-handoff-contract.md"
    );
    assert_eq!(
        s.mismatch_message,
        "support handoff readiness response requires a support_handoff_readiness request"
    );
    assert_eq!(
        min_items_messages(&s.request),
        [(
            "required_checks",
            "required_checks must include at least one support handoff readiness check"
        )]
    );
    assert_eq!(
        strs(&s.private_modules),
        [
            "support ownership",
            "customer-success ownership",
            "escalation routing",
            "customer health review",
            "handoff dashboard",
            "release owner acceptance"
        ]
    );
    assert_eq!(
        const_texts(&s.request),
        [(
            "handoff_boundary",
            "public request shape only; support and customer-success handoff is private"
        )]
    );
    assert_eq!(
        const_texts(summary(s)),
        [(
            "handoff_boundary",
            "support queues, customer-success notes, customer health records, escalation connectors, and dashboard systems remain private service responsibilities"
        )]
    );
}

// ---------------------------------------------------------------------------------------------
// Seed 003: Billing And Subscription Boundary.

#[test]
fn seed_003_billing_subscription_boundary() {
    let b = evidence(BILLING);
    let must_not = strs(&b.boundary.must_not_contain);
    assert!(
        must_not.len() >= BILLING_MUST_NOT.len(),
        "billing must-not list is shorter than the seed's: {must_not:?}"
    );
    assert_eq!(must_not[..BILLING_MUST_NOT.len()], BILLING_MUST_NOT);
    assert_eq!(b.boundary.statement.as_deref(), Some(BILLING_STATEMENT));
    assert_eq!(strs(&b.boundary.private_responsibilities), BILLING_PRIVATE);
    assert_eq!(b.wiki.status_date.as_deref(), Some(BILLING_STATUS_DATE));
    assert_eq!(b.wiki.intro.as_deref(), Some(BILLING_INTRO));
    assert_eq!(
        b.wiki.vocabulary_note.as_deref(),
        Some(BILLING_VOCABULARY_NOTE)
    );
    assert_eq!(strs(&b.wiki.user_stories), [BILLING_USER_STORY]);
    assert_eq!(b.wiki.challenge.as_deref(), Some(BILLING_CHALLENGE));
    assert_eq!(b.wiki.next_recommendation.as_deref(), Some(BILLING_NEXT));
    assert_eq!(
        *field(&b.fields, "subscription_state").ty,
        FieldType::Vocabulary("subscription_state".to_owned())
    );
}

#[test]
fn billing_operating_evidence_expectations() {
    // UPSTREAM.md 5 (D-BSB): each expectation blocks when it holds, so the rule is its negation.
    let b = evidence(BILLING);
    assert_eq!(
        gates_intro(b),
        "Private evidence should be able to block steady-state operation when:"
    );
    let gates: Vec<(&str, Vec<String>)> = b
        .gates
        .iter()
        .map(|g| (g.text.as_str(), rules(g)))
        .collect();
    let expected: Vec<(&str, Vec<String>)> = [
        (
            "billing owner is missing",
            "billing_owner_status = assigned",
        ),
        (
            "subscription state is unknown, suspended, expired, or past due",
            "subscription_state not in [unknown, suspended, expired, past_due]",
        ),
        (
            "entitlement synchronization is stale",
            "entitlement_sync_status = ready",
        ),
        (
            "license-service reachability is degraded",
            "license_service_status = ready",
        ),
        (
            "revocation checks are not available",
            "revocation_check_status = available",
        ),
        (
            "renewal handoff owner is missing",
            "renewal_handoff_owner_status = assigned",
        ),
        (
            "support escalation owner is missing",
            "support_owner_status = assigned",
        ),
        (
            "billing-provider webhook health is unknown",
            "billing_provider_webhook_health = healthy",
        ),
        (
            "customer-success acceptance is missing",
            "customer_success_acceptance_status = accepted",
        ),
    ]
    .into_iter()
    .map(|(text, rule)| (text, vec![rule.to_owned()]))
    .collect();
    assert_eq!(gates, expected);
}

// ---------------------------------------------------------------------------------------------
// Seed 002: Trial Expired Followup Sync.

#[test]
fn seed_002_trial_expired_followup() {
    let e = evidence(FOLLOWUP);
    assert_eq!(
        records(e),
        [(FOLLOWUP_RECORDS_INTRO, FOLLOWUP_RECORDS.to_vec())]
    );
    assert_eq!(gates_intro(e), FOLLOWUP_GATES_INTRO);
    assert_eq!(gate_texts(e), FOLLOWUP_GATES);
    assert_eq!(strs(&e.boundary.must_not_contain), FOLLOWUP_MUST_NOT);
    assert_eq!(e.boundary.statement.as_deref(), Some(FOLLOWUP_STATEMENT));
    assert_eq!(e.wiki.intro.as_deref(), Some(FOLLOWUP_INTRO));
    assert_eq!(e.wiki.challenge.as_deref(), Some(FOLLOWUP_CHALLENGE));
    assert_eq!(e.wiki.next_recommendation.as_deref(), Some(FOLLOWUP_NEXT));
    assert_eq!(
        e.consumes.as_ref().map(|c| c.as_str()),
        Some("trial_access_expiry")
    );
    assert_eq!(
        e.consumes_text.as_deref(),
        Some("approved trial access expiry evidence")
    );
}

#[test]
fn seed_002_trial_expired_followup_gate_rules() {
    let e = evidence(FOLLOWUP);
    let all: Vec<Vec<String>> = e.gates.iter().map(rules).collect();
    assert_eq!(
        all,
        [
            vec!["source.evidence_status = ready"],
            vec!["source.approval_status = approved"],
            vec![
                "source.approval_package_ref matches source.evidence_package_ref; present [source.evidence_package_ref, source.approval_package_ref]"
            ],
            vec![
                "present [references.evaluator_notification_ref, references.delivery_owner_ref, references.delivery_tracking_ref]"
            ],
            vec![
                "when trial_outcome in [renewed, escalated]: present [references.grace_period_approval_ref, references.renewed_trial_followup_ref]"
            ],
            vec![
                "when trial_outcome = revoked: present [references.revoked_trial_closeout_handoff_ref]"
            ],
            vec![
                "present [references.customer_success_handoff_owner_ref, references.sales_handoff_owner_ref, references.support_handoff_owner_ref, references.next_action_ref]"
            ],
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// Seed 001: Trial Conversion Activation Handoff Sync.

#[test]
fn seed_001_trial_conversion_activation_handoff() {
    let e = evidence(ACTIVATION);
    assert_eq!(
        records(e),
        [
            (ACTIVATION_PAID_INTRO, ACTIVATION_PAID_RECORDS.to_vec()),
            (
                ACTIVATION_PRODUCTION_INTRO,
                ACTIVATION_PRODUCTION_RECORDS.to_vec()
            ),
        ]
    );
    assert_eq!(gates_intro(e), READY_ONLY_WHEN);
    assert_eq!(gate_texts(e), ACTIVATION_GATES);
    assert_eq!(strs(&e.boundary.may_contain), ACTIVATION_MAY_CONTAIN);
    assert_eq!(strs(&e.boundary.must_not_contain), ACTIVATION_MUST_NOT);
    assert_eq!(e.boundary.statement.as_deref(), Some(ACTIVATION_STATEMENT));
    assert_eq!(e.wiki.intro.as_deref(), Some(ACTIVATION_INTRO));
    assert_eq!(e.wiki.challenge.as_deref(), Some(ACTIVATION_CHALLENGE));
    assert_eq!(e.wiki.next_recommendation.as_deref(), Some(ACTIVATION_NEXT));
    assert_eq!(
        section_headings(&e.wiki.sections),
        [PRIVATE_EVIDENCE_HEADING]
    );
    assert_eq!(
        section_body(&e.wiki.sections, PRIVATE_EVIDENCE_HEADING),
        ACTIVATION_SECTION
    );
    assert_eq!(
        e.consumes.as_ref().map(|c| c.as_str()),
        Some("trial_conversion_readiness")
    );
}

#[test]
fn seed_001_trial_conversion_activation_handoff_gate_rules() {
    let e = evidence(ACTIVATION);
    assert_eq!(
        rules(gate(e, ACTIVATION_GATES[3])),
        [
            "when conversion_target = paid_pilot: present [paid_pilot_activation_plan]; absent [production_handoff_plan]"
        ]
    );
    assert_eq!(
        rules(gate(e, ACTIVATION_GATES[4])),
        [
            "when conversion_target = production: present [production_handoff_plan]; absent [paid_pilot_activation_plan]"
        ]
    );
    assert_eq!(
        rules(gate(e, ACTIVATION_GATES[5])),
        [
            "when conversion_target = paid_pilot: present [paid_pilot_activation_plan.paid_pilot_activation_ref, paid_pilot_activation_plan.entitlement_activation_ref, paid_pilot_activation_plan.license_transition_ref, paid_pilot_activation_plan.billing_handoff_ref, paid_pilot_activation_plan.customer_success_handoff_ref, paid_pilot_activation_plan.support_handoff_ref, paid_pilot_activation_plan.activation_owner_ref, paid_pilot_activation_plan.activated_at]",
            "when conversion_target = production: present [production_handoff_plan.production_handoff_ref, production_handoff_plan.tenant_provisioning_ref, production_handoff_plan.production_entitlement_ref, production_handoff_plan.production_license_ref, production_handoff_plan.billing_account_ref, production_handoff_plan.onboarding_runbook_ref, production_handoff_plan.support_owner_ref, production_handoff_plan.customer_success_owner_ref, production_handoff_plan.technical_owner_ref, production_handoff_plan.target_go_live_at]",
        ]
    );
    let common: Vec<Vec<String>> = e.gates[..3].iter().map(rules).collect();
    assert_eq!(
        common,
        [
            vec!["source.evidence_status = ready"],
            vec!["source.approval_status = approved"],
            vec![
                "source.approval_package_ref matches source.evidence_package_ref; present [source.evidence_package_ref, source.approval_package_ref]"
            ],
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// Seed 000: Trial Conversion Closeout Revenue Sync.

#[test]
fn seed_000_trial_conversion_closeout_revenue() {
    let e = evidence(CLOSEOUT);
    assert_eq!(
        records(e),
        [(CLOSEOUT_RECORDS_INTRO, CLOSEOUT_RECORDS.to_vec())]
    );
    assert_eq!(gates_intro(e), READY_ONLY_WHEN);
    assert_eq!(gate_texts(e), CLOSEOUT_GATES);
    assert_eq!(strs(&e.boundary.may_contain), CLOSEOUT_MAY_CONTAIN);
    assert_eq!(strs(&e.boundary.must_not_contain), CLOSEOUT_MUST_NOT);
    assert_eq!(e.boundary.statement.as_deref(), Some(CLOSEOUT_STATEMENT));
    assert_eq!(e.wiki.intro.as_deref(), Some(CLOSEOUT_INTRO));
    assert_eq!(e.wiki.challenge.as_deref(), Some(CLOSEOUT_CHALLENGE));
    assert_eq!(e.wiki.next_recommendation.as_deref(), Some(CLOSEOUT_NEXT));
    assert_eq!(
        section_body(&e.wiki.sections, PRIVATE_EVIDENCE_HEADING),
        CLOSEOUT_SECTION
    );
    assert_eq!(
        e.consumes.as_ref().map(|c| c.as_str()),
        Some("trial_conversion_activation_handoff")
    );
}

#[test]
fn seed_000_trial_conversion_closeout_revenue_gate_rules() {
    let e = evidence(CLOSEOUT);
    let all: Vec<Vec<String>> = e.gates.iter().map(rules).collect();
    assert_eq!(
        all,
        [
            vec!["source.evidence_status = ready"],
            vec!["source.approval_status = approved"],
            vec![
                "source.approval_package_ref matches source.evidence_package_ref; present [source.evidence_package_ref, source.approval_package_ref]"
            ],
            vec!["conversion_target in [paid_pilot, production]"],
            vec![
                "present [references.customer_success_closeout_ref, references.support_closeout_ref, references.release_acceptance_ref, references.closeout_owner_ref, references.closed_out_at, references.finance_owner_ref, references.revenue_owner_ref, references.billing_status_ref, references.subscription_or_order_handoff_ref, references.renewal_forecast_ref, references.revenue_recognition_ref, references.revenue_handoff_at]"
            ],
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// Trial lifecycle stages without a seed page (UPSTREAM.md 6.0, 6.1, 6.3).

#[test]
fn every_evidence_contract_is_covered() {
    let all: Vec<&str> = spec().evidence.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(
        all,
        [
            BILLING,
            "trial_license_evaluator_access",
            "trial_access_expiry",
            FOLLOWUP,
            "trial_conversion_readiness",
            ACTIVATION,
            CLOSEOUT,
        ]
    );
}

#[test]
fn trial_license_evaluator_access_gates() {
    // UPSTREAM.md 6.0: "Blocked unless: package release approval approved; license issuance refs
    // present; evaluator access refs present; channel private or hosted; license expiry and
    // evaluator access expiry match."
    let e = evidence("trial_license_evaluator_access");
    assert_eq!(gates_intro(e), "Blocked unless:");
    assert_eq!(
        gate_texts(e),
        [
            "package release approval approved",
            "license issuance refs present",
            "evaluator access refs present",
            "channel private or hosted",
            "license expiry and evaluator access expiry match",
        ]
    );
    assert_eq!(
        rules(gate(e, "channel private or hosted")),
        ["access_channel in [private_ghcr, private_binary, hosted_saas]"]
    );
    assert_eq!(
        rules(gate(e, "license expiry and evaluator access expiry match")),
        [
            "references.evaluator_access_expires_at matches references.license_expires_at; present [references.license_expires_at, references.evaluator_access_expires_at]"
        ]
    );
}

#[test]
fn trial_access_expiry_gates() {
    let e = evidence("trial_access_expiry");
    assert_eq!(gates_intro(e), "Expiry evidence is blocked unless:");
    assert_eq!(
        gate_texts(e),
        [
            "trial license/evaluator access evidence is ready",
            "trial license/evaluator access approval is approved",
            "the approval package matches the access evidence package",
            "the outcome is `revoked`, `renewed`, or `escalated`",
            "action owner and action timestamp references are present",
            "revoked trials include license and artifact access revocation references",
            "renewed trials include a renewal reference and a new expiry",
            "escalated trials include an escalation reference",
        ]
    );
    let conditional: Vec<Vec<String>> = e.gates[3..].iter().map(rules).collect();
    assert_eq!(
        conditional,
        [
            vec!["trial_outcome in [revoked, renewed, escalated]"],
            vec!["present [references.action_owner_ref, references.action_at]"],
            vec![
                "when trial_outcome = revoked: present [references.license_revocation_ref, references.access_revocation_ref]"
            ],
            vec![
                "when trial_outcome = renewed: present [references.renewal_ref, references.new_expires_at]"
            ],
            vec!["when trial_outcome = escalated: present [references.escalation_ref]"],
        ]
    );
    assert_eq!(
        strs(&e.boundary.must_not_contain),
        [
            "license keys",
            "license signing keys",
            "registry tokens or image pull secrets",
            "customer records",
            "tenant secrets",
            "SaaS license-service source code",
            "Enterprise trial artifact bytes",
            "paid policy packs",
        ]
    );
}

#[test]
fn trial_conversion_readiness_gates() {
    let e = evidence("trial_conversion_readiness");
    assert_eq!(
        gates_intro(e),
        "Trial conversion readiness is blocked unless:"
    );
    assert_eq!(
        gate_texts(e),
        [
            "expired-trial follow-up evidence is ready",
            "expired-trial follow-up approval is approved",
            "the approval package matches the follow-up evidence package",
            "the trial outcome is `renewed` or `escalated`",
            "commercial handoff evidence is present",
            "owner, entitlement, onboarding, approval, and target-start references are present",
            "conversion target is `paid_pilot` or `production`",
        ]
    );
    assert_eq!(
        rules(gate(e, "the trial outcome is `renewed` or `escalated`")),
        ["trial_outcome in [renewed, escalated]"]
    );
    assert_eq!(
        rules(gate(e, "conversion target is `paid_pilot` or `production`")),
        ["conversion_target in [paid_pilot, production]"]
    );
    assert_eq!(
        strs(&e.boundary.must_not_contain),
        [
            "customer records",
            "billing secrets or payment data",
            "license keys or license-service internals",
            "production provisioning secrets",
            "CRM payloads or CRM credentials",
            "registry tokens or image pull secrets",
            "SaaS backend source code",
            "Enterprise trial artifact bytes",
            "paid policy packs",
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// The machine-checked boundary (UPSTREAM.md 8.1, 8.2).

#[test]
fn boundary_key_parts_and_value_patterns() {
    let boundary = &spec().boundary;
    let parts: Vec<&str> = boundary.key_parts().collect();
    assert_eq!(
        parts,
        [
            // upstream SENSITIVE_KEY_PARTS, in upstream order
            "api_key",
            "authorization",
            "client_secret",
            "password",
            "private_key",
            "secret",
            "signing_key",
            "token",
            "webhook_secret",
            // added by cavra-contracts
            "license_key",
            "credential",
            "pull_secret",
            "connection_string",
        ]
    );
    // Upstream's four patterns come first, as written; the project's own rules follow.
    let patterns: Vec<&str> = boundary
        .value_patterns
        .iter()
        .take(4)
        .map(|p| p.pattern.as_str())
        .collect();
    assert_eq!(
        patterns,
        [
            r"\bgh[pousr]_[A-Za-z0-9_]{20,}\b",
            r"\bsk_(?:live|test)_[A-Za-z0-9_]{16,}\b",
            r"\bxox[baprs]-[A-Za-z0-9-]{16,}\b",
            r"-----BEGIN [A-Z ]*PRIVATE KEY-----",
        ]
    );
}
