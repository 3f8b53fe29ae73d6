//! The generated library as a downstream crate uses it: vocabulary enums, builders with the
//! spec's defaults, `validate()` and `from_json` through the runtime, and evidence gates.

use std::str::FromStr;

use cavra::Contract;
use cavra::saas_control_plane::{
    AutomationStatus, ResponseStatus, WorkerMode, saas_operating_automation as soa,
    saas_operating_automation_worker_handoff as handoff,
};
use cavra::trial_lifecycle::trial_expired_followup;
use serde_json::json;

fn seed_summary() -> soa::Summary {
    use AutomationStatus::*;
    soa::Summary {
        tenant_id: "tenant-demo".to_owned(),
        automation_status: Scheduled,
        billing_monitoring_status: Enabled,
        license_telemetry_status: Automated,
        support_followup_status: Ready,
        customer_success_review_status: Scheduled,
        dashboard_refresh_status: Automated,
        escalation_drill_status: Blocked,
        closeout_retry_status: Enabled,
        blockers: vec!["escalation drill owner pending".to_owned()],
        ..serde_json::from_value(json!({
            "tenant_id": "x", "automation_status": "unknown", "billing_monitoring_status": "unknown",
            "license_telemetry_status": "unknown", "support_followup_status": "unknown",
            "customer_success_review_status": "unknown", "dashboard_refresh_status": "unknown",
            "escalation_drill_status": "unknown", "closeout_retry_status": "unknown"
        }))
        .expect("a summary with defaults")
    }
}

#[test]
fn vocabulary_enums_carry_the_exact_spec_strings() {
    assert_eq!(AutomationStatus::ALL.len(), 6);
    assert_eq!(
        AutomationStatus::ALL.map(AutomationStatus::as_str),
        [
            "ready",
            "scheduled",
            "enabled",
            "automated",
            "blocked",
            "unknown"
        ]
    );
    assert_eq!(WorkerMode::from_str("dry_run"), Ok(WorkerMode::DryRun));
    assert_eq!(WorkerMode::DryRun.to_string(), "dry_run");
    assert_eq!(
        serde_json::to_value(ResponseStatus::RequiresPrivateService).ok(),
        Some(json!("requires_private_service"))
    );
    let err = AutomationStatus::from_str("ghp_not_echoed").expect_err("not a status");
    assert_eq!(
        err.to_string(),
        "automation_status must be one of: automated, blocked, enabled, ready, scheduled, unknown"
    );
    assert_eq!(
        soa::Check::ALL.map(soa::Check::as_str),
        [
            "billing_monitoring",
            "license_telemetry_sync",
            "support_followup",
            "customer_success_review",
            "dashboard_refresh",
            "escalation_drill",
            "closeout_retry"
        ]
    );
}

#[test]
fn builders_apply_the_spec_defaults_and_serialize_in_upstream_order() {
    let mut request = soa::request("tenant-demo", soa::Payload::default());
    assert_eq!(request.requested_by, "community");
    assert!(request.correlation_id.starts_with("saas-") && request.correlation_id.len() == 17);
    request.requested_by = "console".to_owned();
    request.correlation_id = "saas-example".to_owned();
    let response = soa::response(&request, seed_summary());
    assert_eq!(response.status, ResponseStatus::RequiresPrivateService);
    assert_eq!(response.message, soa::MESSAGE);
    assert_eq!(response.correlation_id, "saas-example");
    assert!(request.validate().is_ok(), "{:?}", request.validate());
    assert!(response.validate().is_ok(), "{:?}", response.validate());

    let keys = |v: &serde_json::Value| -> Vec<String> {
        v.as_object()
            .map(|o| o.keys().cloned().collect())
            .unwrap_or_default()
    };
    let req = serde_json::to_value(&request).expect("serializes");
    assert_eq!(
        keys(&req),
        [
            "schema_version",
            "operation",
            "tenant_id",
            "requested_by",
            "correlation_id",
            "private_implementation_required",
            "payload"
        ]
    );
    assert_eq!(
        keys(&req["payload"]),
        [
            "automation_scope",
            "automation_cadence",
            "required_checks",
            "automation_boundary"
        ]
    );
    assert_eq!(
        req["payload"]["required_checks"].as_array().map(Vec::len),
        Some(7)
    );
    let resp = serde_json::to_value(&response).expect("serializes");
    assert_eq!(
        keys(&resp["payload"]),
        ["summary", "private_modules_required", "next_step"]
    );
    assert_eq!(
        resp["payload"]["summary"]["escalation_drill_status"],
        json!("blocked")
    );
}

#[test]
fn validate_reports_every_problem_of_a_typed_value_at_its_path() {
    let mut summary = seed_summary();
    summary.tenant_id = "   ".to_owned();
    summary.blockers = vec!["fine".to_owned(), format!("ghp_{}", "Q".repeat(36))];
    let problems = summary.validate().expect_err("refused");
    let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        [
            "sensitive value is not allowed in public SaaS contract payload: payload.blockers[1]",
            "payload.tenant_id: tenant_id must not be empty",
        ]
    );
    assert!(
        !problems.to_string().contains("QQQQ"),
        "the secret is never echoed"
    );

    let mut payload = soa::Payload::default();
    payload.required_checks.clear();
    assert_eq!(
        payload.validate().expect_err("refused").to_string(),
        "payload.required_checks: required_checks must include at least one SaaS operating automation check"
    );
}

/// The worker handoff request's constant boundary text, which every request carries.
const HANDOFF_BOUNDARY: &str =
    "public request shape only; SaaS automation worker execution is private";

#[test]
fn from_json_validates_first_and_names_unknown_fields() {
    let doc = json!({
        "schema_version": "cavra.saas_control_plane.request.v1",
        "operation": "saas_operating_automation_worker_handoff",
        "tenant_id": "tenant-demo",
        "correlation_id": "saas-example",
        "private_implementation_required": true,
        "payload": {"worker_mode": "shadow", "worker_target": ["billing_monitoring"], "handoff_boundary": HANDOFF_BOUNDARY}
    });
    let problems = handoff::Request::from_json(doc.clone()).expect_err("an unknown field");
    assert_eq!(
        problems.to_string(),
        "payload.worker_target: unknown field `worker_target`: did you mean `worker_targets`?"
    );
    let mut fixed = doc;
    fixed["payload"] = json!({"worker_mode": "shadow", "worker_targets": ["billing_monitoring"], "handoff_boundary": HANDOFF_BOUNDARY});
    let request = handoff::Request::from_json(fixed).expect("valid");
    assert_eq!(request.payload.worker_mode, WorkerMode::Shadow);
    assert_eq!(
        request.payload.worker_targets,
        [handoff::Check::BillingMonitoring]
    );
    assert_eq!(
        request.requested_by, "community",
        "defaults fill what the document leaves out"
    );
    assert_eq!(request.payload.deployment_environment, "production");
}

#[test]
fn evidence_documents_evaluate_their_gates() {
    let ready = json!({
        "schema_version": "cavra.trial_lifecycle.evidence.v1",
        "contract": "trial_expired_followup",
        "tenant_id": "tenant-demo",
        "source": {
            "evidence_status": "ready", "approval_status": "approved",
            "evidence_package_ref": "evidence://pkg", "approval_package_ref": "evidence://pkg"
        },
        "trial_outcome": "revoked",
        "notification_channel": "email",
        "references": {
            "evaluator_notification_ref": "evidence://n", "delivery_owner_ref": "evidence://o",
            "delivery_tracking_ref": "evidence://t", "customer_success_handoff_owner_ref": "evidence://c",
            "sales_handoff_owner_ref": "evidence://s", "support_handoff_owner_ref": "evidence://u",
            "next_action_ref": "evidence://a", "revoked_trial_closeout_handoff_ref": "evidence://r"
        }
    });
    let doc = trial_expired_followup::Document::from_json(ready.clone()).expect("valid");
    let report = doc.gate();
    assert_eq!(report.status, cavra::GateStatus::Ready, "{report:?}");

    let mut renewed = ready;
    renewed["trial_outcome"] = json!("renewed");
    let doc = trial_expired_followup::Document::from_json(renewed).expect("valid");
    assert_eq!(
        doc.gate().blockers,
        [
            "renewed and escalated trials include grace-period and commercial handoff references: missing references.grace_period_approval_ref, references.renewed_trial_followup_ref"
        ]
    );
}
