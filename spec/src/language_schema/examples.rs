//! The examples of the spec-language schema's tables: small, loadable pieces of the project's
//! own contracts, as an editor shows them on hover.

use serde_json::{Value, json};

/// `fields.*`, `request.*`, ...: a short-form and a full-form field.
pub(crate) fn fields_example() -> Value {
    json!({
        "tenant_id": "identifier",
        "requested_by": { "type": "identifier", "default": "community", "doc": "Actor or surface requesting the handoff." },
    })
}

pub(crate) fn cli_group_example() -> Value {
    json!({ "name": "saas", "help": "Public-safe SaaS Control Plane contract commands." })
}

pub(crate) fn schema_versions_example() -> Value {
    json!({
        "request": "cavra.saas_control_plane.request.v1",
        "response": "cavra.saas_control_plane.response.v1",
    })
}

pub(crate) fn unavailable_example() -> Value {
    json!({
        "message": "This operation requires the private CAVRA SaaS Control Plane or Enterprise service.",
        "next_step": "See docs/architecture/saas-control-plane-contract.md",
    })
}

pub(crate) fn description_example() -> Value {
    json!({
        "purpose": "Document public-safe SaaS Control Plane request and response contracts.",
        "public_repository_boundary": boundary_flags_example(),
        "cli": { "path": "saas contract", "help": "Print the public-safe SaaS Control Plane contract." },
        "http": http_get_example(),
    })
}

pub(crate) fn boundary_flags_example() -> Value {
    json!({ "contracts": true, "saas_backend_implementation": false })
}

pub(crate) fn cli_example() -> Value {
    json!({
        "path": "saas operating-automation",
        "help": "Print a public-safe SaaS operating automation contract.",
    })
}

pub(crate) fn http_get_example() -> Value {
    json!({ "method": "GET", "route": "/saas/contract" })
}

pub(crate) fn http_post_example() -> Value {
    json!({ "method": "POST", "route": "/saas/operating-automation" })
}

pub(crate) fn describe_example() -> Value {
    json!({
        "request": "tenant identifier, worker mode, cadence and required checks",
        "response": "automation status, scheduled checks and blockers",
    })
}

pub(crate) fn checks_example() -> Value {
    json!({
        "billing_monitoring": "Verify recurring subscription and billing observability checks.",
        "license_telemetry_sync": "Verify recurring license-service telemetry sync.",
    })
}

pub(crate) fn boundary_example() -> Value {
    json!({
        "may_contain": ["request and response dataclasses"],
        "must_not_contain": ["Enterprise source code"],
    })
}

pub(crate) fn wiki_example() -> Value {
    json!({ "status_date": "2026-06-02", "validation": ["request serialization"] })
}

pub(crate) fn sections_example() -> Value {
    json!([{ "heading": "Evidence Console Surface", "body": "The public Evidence Console includes the contract." }])
}

pub(crate) fn record_items_example() -> Value {
    json!([{ "text": "evaluator notification", "fields": ["references.evaluator_notification_ref"] }])
}

pub(crate) fn records_example() -> Value {
    json!([{ "intro": "The private evidence records references for:", "items": record_items_example() }])
}

pub(crate) fn when_example() -> Value {
    json!({ "field": "trial_outcome", "one_of": ["renewed", "escalated"] })
}

pub(crate) fn gates_example() -> Value {
    json!([
        { "text": "trial access expiry evidence is ready", "field": "source.evidence_status", "equals": "ready" },
        {
            "text": "renewed and escalated trials include grace-period references",
            "when": when_example(),
            "present": ["references.grace_period_approval_ref"],
        },
    ])
}

pub(crate) fn cases_example() -> Value {
    json!([
        { "when": { "field": "conversion_target", "equals": "paid_pilot" }, "present": ["paid_pilot_activation_plan.*"] },
        { "when": { "field": "conversion_target", "equals": "production" }, "present": ["production_handoff_plan.*"] },
    ])
}

pub(crate) fn value_patterns_example() -> Value {
    json!([{
        "name": "github_token",
        "family": "github",
        "pattern": r"\bgh[pousr]_[A-Za-z0-9_]{20,}\b",
        "doc": "GitHub tokens.",
    }])
}

pub(crate) fn family_table() -> Value {
    json!({ "trial_lifecycle": {
        "kind": "evidence",
        "title": "Trial Lifecycle",
        "schema_versions": { "evidence": "cavra.trial_lifecycle.evidence.v1" },
        "document": { "schema_version": "schema_version", "contract": "contract", "tenant_id": "identifier" },
    } })
}

pub(crate) fn vocabulary_table() -> Value {
    json!({ "worker_mode": {
        "doc": "Public-safe SaaS operating automation worker mode.",
        "values": ["dry_run", "shadow", "live", "unknown"],
    } })
}

pub(crate) fn shape_table() -> Value {
    json!({ "evidence_source": {
        "doc": "The approved evidence a trial lifecycle contract consumes.",
        "fields": { "evidence_status": { "type": "evidence_status", "example": "ready" } },
    } })
}

pub(crate) fn operation_table() -> Value {
    json!({ "saas_operating_automation": {
        "family": "saas_control_plane",
        "title": "SaaS Operating Automation Contract",
        "cli": cli_example(),
        "http": http_post_example(),
        "checks": checks_example(),
        "request": { "required_checks": { "type": "list<check>", "default": "all_checks", "min_items": 1 } },
        "summary": { "tenant_id": "identifier", "automation_status": "automation_status" },
    } })
}

pub(crate) fn evidence_table() -> Value {
    json!({ "trial_expired_followup": {
        "family": "trial_lifecycle",
        "title": "Trial Expired Followup Sync",
        "document": { "trial_outcome": { "type": "trial_outcome", "example": "renewed" } },
        "gates": gates_example(),
    } })
}

pub(crate) fn boundary_table() -> Value {
    json!({
        "sensitive_key_parts": ["api_key", "token", "license_key"],
        "value_patterns": value_patterns_example(),
    })
}
