//! The expected strings, copied by hand from the seeds and `UPSTREAM.md` (see `main.rs`).

// ---------------------------------------------------------------------------------------------
// Expected strings: seed 004 (SaaS Operating Automation Contract) and UPSTREAM.md section 2.

/// Seed 004 "Operating Checks": check and private responsibility, in order.
pub(crate) const SOA_CHECKS: [(&str, &str); 7] = [
    (
        "billing_monitoring",
        "Verify recurring subscription and billing observability checks.",
    ),
    (
        "license_telemetry_sync",
        "Verify recurring license-service telemetry sync.",
    ),
    (
        "support_followup",
        "Verify scheduled support follow-up after closeout.",
    ),
    (
        "customer_success_review",
        "Verify recurring customer-success review cadence.",
    ),
    (
        "dashboard_refresh",
        "Verify operating dashboard refresh automation.",
    ),
    (
        "escalation_drill",
        "Verify recurring escalation and on-call drill readiness.",
    ),
    (
        "closeout_retry",
        "Verify failed closeout delivery and follow-up retry automation.",
    ),
];
pub(crate) const SOA_CHECK_NAMES: [&str; 7] = [
    "billing_monitoring",
    "license_telemetry_sync",
    "support_followup",
    "customer_success_review",
    "dashboard_refresh",
    "escalation_drill",
    "closeout_retry",
];
pub(crate) const SOA_MODULES: [&str; 7] = [
    "billing monitoring",
    "license telemetry sync",
    "support follow-up",
    "customer-success review",
    "dashboard refresh automation",
    "escalation drill scheduler",
    "closeout retry automation",
];
pub(crate) const SOA_MESSAGE: &str = "SaaS operating automation requires private billing monitoring, license telemetry, support, customer-success, dashboard, escalation, closeout retry, and scheduler validation.";
pub(crate) const SOA_NEXT_STEP: &str =
    "See docs/architecture/saas-operating-automation-contract.md";
/// UPSTREAM.md 2.5 / 8.7 (not on the seed page).
pub(crate) const SOA_MISMATCH: &str =
    "SaaS operating automation response requires a saas_operating_automation request";
/// UPSTREAM.md 8.6 (not on the seed page).
pub(crate) const SOA_EMPTY_CHECKS: &str =
    "required_checks must include at least one SaaS operating automation check";
pub(crate) const SOA_REQUEST_FIELDS: [&str; 4] = [
    "automation_scope",
    "automation_cadence",
    "required_checks",
    "automation_boundary",
];
pub(crate) const SOA_SCOPE_DEFAULT: &str = "trial-to-paid-customer-scale";
pub(crate) const SOA_CADENCE_DEFAULT: &str = "daily";
pub(crate) const SOA_REQUEST_BOUNDARY: &str =
    "public request shape only; SaaS operating automation execution is private";
pub(crate) const SOA_SUMMARY_FIELDS: [&str; 14] = [
    "tenant_id",
    "automation_status",
    "billing_monitoring_status",
    "license_telemetry_status",
    "support_followup_status",
    "customer_success_review_status",
    "dashboard_refresh_status",
    "escalation_drill_status",
    "closeout_retry_status",
    "automation_scope",
    "automation_cadence",
    "blockers",
    "private_validation_required",
    "automation_boundary",
];
pub(crate) const SOA_SUMMARY_BOUNDARY: &str = "billing systems, license telemetry, support workflows, customer-success records, dashboard refresh jobs, escalation drills, closeout retries, and scheduler execution remain private service responsibilities";
pub(crate) const SOA_RESPONSE_FIELDS: [&str; 3] =
    ["summary", "private_modules_required", "next_step"];
/// Seed 004: "Supported public-safe statuses are ...", in the seed's order.
pub(crate) const AUTOMATION_STATUSES: [&str; 6] = [
    "ready",
    "scheduled",
    "enabled",
    "automated",
    "blocked",
    "unknown",
];
pub(crate) const SOA_CLI_PATH: &str = "saas operating-automation";
pub(crate) const SOA_CLI_HELP: &str =
    "Print a public-safe SaaS operating automation request and placeholder response.";
pub(crate) const SOA_TENANT_HELP: &str = "Tenant identifier for the public-safe request shape.";
pub(crate) const SOA_ROUTE: &str = "/saas/operating-automation";
pub(crate) const SOA_MAY_CONTAIN: [&str; 5] = [
    "request and response dataclasses",
    "schema version constants",
    "public-safe check names",
    "local serialization and validation tests",
    "documentation and synthetic examples",
];
pub(crate) const SOA_MUST_NOT: [&str; 17] = [
    "Enterprise source code",
    "SaaS backend implementation",
    "scheduler or automation worker implementation",
    "billing-provider integration code",
    "billing records or invoice data",
    "license telemetry payloads",
    "support ticket contents",
    "customer-success notes",
    "customer health scores",
    "private customer identifiers",
    "production dashboard URLs",
    "escalation webhooks",
    "provider account IDs",
    "connector credentials",
    "license keys or signing material",
    "paid policy packs",
    "customer audit payloads",
];
pub(crate) const SOA_VALIDATION: [&str; 8] = [
    "contract description listing the operation",
    "request serialization",
    "empty-check rejection",
    "token-like value rejection",
    "response serialization",
    "invalid status rejection",
    "mismatched request/response rejection",
    "private service handoff messaging",
];
pub(crate) const SOA_INTRO: &str = "CAVRA Community Edition exposes a public-safe SaaS operating automation contract for future Enterprise and SaaS Control Plane handoff. The contract defines request and response shapes only. It does not implement SaaS automation workers, schedulers, billing-provider integrations, license telemetry jobs, support workflows, customer-success workflows, dashboard refresh jobs, escalation drills, closeout retry workers, or customer data storage.";
pub(crate) const SOA_PURPOSE: &str = "After final customer operating closeout, Enterprise teams need recurring evidence that trial-to-paid customers remain operationally governed. This contract gives Community clients, Enterprise packages, and future SaaS services a stable vocabulary for checking whether post-closeout automation is ready.";
pub(crate) const SOA_SURFACES: &str = "Both surfaces return request and response shapes only. POST /saas/operating-automation returns a requires_private_service response by default and does not run automation workers, schedulers, connectors, billing checks, support workflows, or customer-success workflows.";
pub(crate) const SOA_NEXT_RECOMMENDATION: &str = "Expose the public-safe worker handoff contract in the Evidence Console while keeping Enterprise source, SaaS services, scheduler internals, connector credentials, billing records, support workflows, and customer data outside the public Community repository.";
pub(crate) const SOA_SECTION_HEADINGS: [&str; 2] =
    ["Worker Handoff Contract Model", "Evidence Console Surface"];

// ---------------------------------------------------------------------------------------------
// Expected strings: the SaaS Control Plane envelope (UPSTREAM.md section 1 and 9).

pub(crate) const CONTRACT_VERSION: &str = "cavra.saas_control_plane.contract.v1";
pub(crate) const REQUEST_VERSION: &str = "cavra.saas_control_plane.request.v1";
pub(crate) const RESPONSE_VERSION: &str = "cavra.saas_control_plane.response.v1";
pub(crate) const REQUEST_ENVELOPE: [&str; 7] = [
    "schema_version",
    "operation",
    "tenant_id",
    "requested_by",
    "correlation_id",
    "private_implementation_required",
    "payload",
];
pub(crate) const RESPONSE_ENVELOPE: [&str; 7] = [
    "schema_version",
    "operation",
    "status",
    "message",
    "correlation_id",
    "private_implementation_required",
    "payload",
];
pub(crate) const UNAVAILABLE_MESSAGE: &str =
    "This operation requires the private CAVRA SaaS Control Plane or Enterprise service.";
pub(crate) const UNAVAILABLE_NEXT_STEP: &str =
    "See docs/architecture/saas-control-plane-contract.md";
pub(crate) const WORKER_HANDOFF: &str = "saas_operating_automation_worker_handoff";
/// `SaaSOperation` in declaration order (SCP-A), then the worker handoff (SCP-W).
pub(crate) const SAAS_OPERATIONS: [&str; 12] = [
    "entitlement_status",
    "tenant_onboarding",
    "tenant_status",
    "license_validation",
    "policy_registry_readiness",
    "policy_registry_lookup",
    "tenant_audit_store_operating",
    "customer_operating_dashboard",
    "support_handoff_readiness",
    "saas_operating_automation",
    "evidence_export",
    WORKER_HANDOFF,
];
/// UPSTREAM.md 1.5: `describe_public_contract()` operation rows (name, request, response).
pub(crate) const DESCRIBE: [(&str, &str, &str); 11] = [
    (
        "entitlement_status",
        "tenant identifier and optional feature names",
        "subscription, license, and feature entitlement summary",
    ),
    (
        "tenant_onboarding",
        "tenant activation metadata, deployment model, contacts, and readiness requirements",
        "tenant activation state, blockers, and private service handoff status",
    ),
    (
        "tenant_status",
        "tenant identifier and requested capabilities",
        "tenant entitlement and service availability summary",
    ),
    (
        "license_validation",
        "local validation report and requested server checks",
        "validated entitlement and feature grant summary",
    ),
    (
        "policy_registry_readiness",
        "tenant identifier, catalog scope, policy-pack references, and readiness checks",
        "hosted registry availability, catalog freshness, version state, blockers, and private service handoff status",
    ),
    (
        "policy_registry_lookup",
        "policy references and public labels",
        "policy metadata and downloadable artifact references",
    ),
    (
        "tenant_audit_store_operating",
        "tenant identifier, retention profile, evidence window, and operating checks",
        "audit-store health, retention posture, evidence freshness, export readiness, blockers, and private service handoff status",
    ),
    (
        "customer_operating_dashboard",
        "tenant identifier, dashboard scope, evidence window, and operating dashboard checks",
        "customer operating dashboard readiness across billing, license service, support, customer success, escalation, and release closeout",
    ),
    (
        "support_handoff_readiness",
        "tenant identifier, handoff scope, support tier, and support handoff checks",
        "support, customer-success, escalation, health review, dashboard, and release owner readiness",
    ),
    (
        "saas_operating_automation",
        "tenant identifier, automation scope, automation cadence, and operating automation checks",
        "billing monitoring, license telemetry, support follow-up, customer-success review, dashboard refresh, escalation drill, and closeout retry readiness",
    ),
    (
        "evidence_export",
        "evidence references, format, and retention profile",
        "export job status and governed artifact references",
    ),
];

// ---------------------------------------------------------------------------------------------
// Expected strings: seed 003 (Billing And Subscription Boundary) and UPSTREAM.md section 5.

pub(crate) const BILLING: &str = "billing_subscription_boundary";
pub(crate) const SUBSCRIPTION_STATES: [&str; 8] = [
    "trial",
    "active",
    "past_due",
    "grace_period",
    "suspended",
    "expired",
    "cancelled",
    "unknown",
];
/// The seed's one-sentence must-not list, item by item.
pub(crate) const BILLING_MUST_NOT: [&str; 14] = [
    "billing provider source code",
    "payment provider credentials",
    "invoice records",
    "customer payment data",
    "customer contracts",
    "subscription provider webhooks",
    "license-service source code",
    "license keys",
    "signing material",
    "entitlement records",
    "provider URLs",
    "connector credentials",
    "SaaS backend code",
    "Enterprise source code",
];
pub(crate) const BILLING_PRIVATE: [&str; 12] = [
    "billing-provider integration",
    "subscription state calculation",
    "plan and entitlement synchronization",
    "renewal handoff",
    "grace-period handling",
    "license-service telemetry",
    "revocation checks",
    "support owner handoff",
    "escalation routing",
    "audit evidence",
    "dashboards",
    "reporting",
];
pub(crate) const BILLING_STATUS_DATE: &str = "2026-06-02";
pub(crate) const BILLING_INTRO: &str = "CAVRA Community Edition documents billing and subscription boundaries for future Enterprise and SaaS services. The public repository provides vocabulary and operating expectations only. Billing integrations, payment data, subscription records, license-service implementation, renewal automation, and SaaS backend code remain private.";
pub(crate) const BILLING_VOCABULARY_NOTE: &str = "These labels do not imply public billing logic. They are names private services can use in public-safe summaries.";
pub(crate) const BILLING_USER_STORY: &str = "As a commercial operations owner, I can see what billing, subscription, renewal, license-service, and support handoff evidence must exist before a tenant is treated as ready for steady-state Enterprise or SaaS operation.";
pub(crate) const BILLING_CHALLENGE: &str = "This boundary helps CAVRA support subscriptions, renewal workflows, license-service checks, and customer-success handoff without exposing private billing systems or commercial records in Community Edition.";
pub(crate) const BILLING_NEXT: &str = "Private billing/subscription and license-service observability evidence is delivered in cavra-enterprise PR #70. Subsequent private support handoff, operating dashboard escalation, and final SaaS customer operating closeout gates are delivered in PRs #71-#73. Continue with public-safe customer operating dashboard and support handoff contracts.";
pub(crate) const BILLING_STATEMENT: &str = "The public repository must not contain billing provider source code, payment provider credentials, invoice records, customer payment data, customer contracts, subscription provider webhooks, license-service source code, license keys, signing material, entitlement records, provider URLs, connector credentials, SaaS backend code, or Enterprise source code.";

// ---------------------------------------------------------------------------------------------
// Expected strings: seed 002 (Trial Expired Followup Sync) and UPSTREAM.md 6.2.

pub(crate) const FOLLOWUP: &str = "trial_expired_followup";
pub(crate) const FOLLOWUP_INTRO: &str = "This public-safe sync records that private Enterprise PR #89 added expired-trial follow-up automation evidence for evaluator notifications, grace-period approvals, and commercial handoff references.";
pub(crate) const FOLLOWUP_STATEMENT: &str = "The implementation lives only in the private Huzefaaa2/cavra-enterprise repository. This public Community repository contains documentation of the boundary, not Enterprise source code, customer data, license-service logic, CRM integration code, or trial artifact bytes.";
pub(crate) const FOLLOWUP_RECORDS_INTRO: &str = "The private evidence consumes approved trial access expiry evidence and records references for:";
pub(crate) const FOLLOWUP_RECORDS: [&str; 7] = [
    "evaluator notification",
    "notification channel and delivery tracking",
    "grace-period approval when access is renewed or escalated",
    "customer-success, sales, and support handoff ownership",
    "CRM or support task tracking references",
    "renewed-trial follow-up",
    "revoked-trial closeout handoff",
];
pub(crate) const NOTIFICATION_CHANNELS: [&str; 4] =
    ["email", "customer_success", "support_ticket", "crm_task"];
pub(crate) const FOLLOWUP_GATES_INTRO: &str = "Expired-trial follow-up evidence is blocked unless:";
pub(crate) const FOLLOWUP_GATES: [&str; 7] = [
    "trial access expiry evidence is ready",
    "trial access expiry approval is approved",
    "the approval package matches the expiry evidence package",
    "notification references, delivery owner, and delivery tracking references are present",
    "renewed and escalated trials include grace-period and commercial handoff references",
    "revoked trials include a closeout commercial handoff reference",
    "handoff owners and next-action references are present",
];
pub(crate) const FOLLOWUP_MUST_NOT: [&str; 9] = [
    "customer records",
    "CRM payloads or CRM credentials",
    "license keys",
    "license signing keys",
    "registry tokens or image pull secrets",
    "tenant secrets",
    "SaaS license-service source code",
    "Enterprise trial artifact bytes",
    "paid policy packs",
];
pub(crate) const FOLLOWUP_CHALLENGE: &str = "Enterprise trials must not end silently. This sync shows that private Enterprise evidence can prove expired access led to a governed notification, grace-period decision, and commercial or support handoff while the public repository remains safe for Community Edition adoption.";
pub(crate) const FOLLOWUP_NEXT: &str = "Add private trial conversion readiness evidence so renewed or escalated trials can move into paid pilot or production conversion with public-safe documentation of the gates.";

// ---------------------------------------------------------------------------------------------
// Expected strings: seed 001 (Trial Conversion Activation Handoff Sync) and UPSTREAM.md 6.4.

pub(crate) const ACTIVATION: &str = "trial_conversion_activation_handoff";
pub(crate) const CONVERSION_TARGETS: [&str; 2] = ["paid_pilot", "production"];
pub(crate) const ACTIVATION_INTRO: &str = "This public-safe sync records that private Enterprise PR #91 delivered paid-pilot activation and production-conversion handoff evidence in Huzefaaa2/cavra-enterprise.";
pub(crate) const ACTIVATION_STATEMENT: &str = "The public Community repository contains only this boundary documentation. It does not contain Enterprise source code, customer records, billing data, license-service internals, production provisioning details, private policy packs, or runtime secrets.";
/// Seed 001's heading; the spec reuses it for seed 000's unheaded paragraph.
pub(crate) const PRIVATE_EVIDENCE_HEADING: &str = "Private Evidence Added";
pub(crate) const ACTIVATION_SECTION: &str = "The private Enterprise evidence consumes approved trial conversion readiness evidence and records reference-only activation or handoff metadata for the selected conversion target.";
pub(crate) const ACTIVATION_PAID_INTRO: &str =
    "For `paid_pilot` conversions, private evidence records references for:";
pub(crate) const ACTIVATION_PAID_RECORDS: [&str; 7] = [
    "paid-pilot activation",
    "entitlement activation",
    "license transition",
    "billing handoff",
    "customer-success handoff",
    "support handoff",
    "activation owner and timestamp",
];
pub(crate) const ACTIVATION_PRODUCTION_INTRO: &str =
    "For `production` conversions, private evidence records references for:";
pub(crate) const ACTIVATION_PRODUCTION_RECORDS: [&str; 8] = [
    "production handoff",
    "tenant provisioning",
    "production entitlement",
    "production license",
    "billing account",
    "onboarding runbook",
    "support, customer-success, and technical owners",
    "target go-live timestamp",
];
pub(crate) const ACTIVATION_MAY_CONTAIN: [&str; 3] = [
    "the activation workflow",
    "expected gates",
    "reference names",
];
pub(crate) const ACTIVATION_MUST_NOT: [&str; 10] = [
    "customer payloads",
    "customer billing records",
    "payment-provider secrets",
    "license keys or signing material",
    "registry credentials",
    "production provisioning payloads",
    "tenant secrets",
    "SaaS backend implementation",
    "Enterprise source code",
    "paid policy packs",
];
pub(crate) const READY_ONLY_WHEN: &str = "The private evidence is ready only when:";
pub(crate) const ACTIVATION_GATES: [&str; 6] = [
    "trial conversion readiness evidence is ready",
    "trial conversion readiness approval is approved",
    "the approval package matches the readiness evidence package",
    "`paid_pilot` conversions include only a paid-pilot activation plan",
    "`production` conversions include only a production handoff plan",
    "all target-specific activation or handoff references are present",
];
pub(crate) const ACTIVATION_CHALLENGE: &str = "Trial conversion can stall when commercial teams approve a conversion but entitlement activation, license transition, billing handoff, onboarding, support, and production provisioning are not governed together. This private gate makes paid-pilot activation and production handoff auditable while keeping commercial and production implementation details private.";
pub(crate) const ACTIVATION_NEXT: &str = "Add private conversion activation customer-success closeout and revenue handoff rollup evidence so activated paid pilots and production conversions can be summarized for customer-success, support, finance, and release-management without exposing customer records, billing secrets, license-service internals, or production provisioning secrets.";

// ---------------------------------------------------------------------------------------------
// Expected strings: seed 000 (Trial Conversion Closeout Revenue Sync) and UPSTREAM.md 6.5.

pub(crate) const CLOSEOUT: &str = "trial_conversion_closeout_revenue";
pub(crate) const CLOSEOUT_INTRO: &str = "This public-safe sync records that private Enterprise PR #92 delivered trial conversion closeout and revenue handoff rollup evidence in Huzefaaa2/cavra-enterprise.";
pub(crate) const CLOSEOUT_STATEMENT: &str = "The public Community repository contains only boundary documentation. It does not contain Enterprise source code, customer records, customer health records, finance records, billing data, license-service internals, production provisioning details, private policy packs, or runtime secrets.";
pub(crate) const CLOSEOUT_SECTION: &str = "The private Enterprise evidence consumes approved conversion activation or production handoff evidence and records reference-only closeout and revenue handoff metadata for activated conversions.";
pub(crate) const CLOSEOUT_RECORDS_INTRO: &str = "Private evidence records references for:";
pub(crate) const CLOSEOUT_RECORDS: [&str; 11] = [
    "customer-success closeout",
    "support closeout",
    "release acceptance",
    "closeout owner and timestamp",
    "finance owner",
    "revenue owner",
    "billing status",
    "subscription or order handoff",
    "renewal forecast",
    "revenue recognition",
    "revenue handoff timestamp",
];
pub(crate) const CLOSEOUT_MAY_CONTAIN: [&str; 3] =
    ["the closeout workflow", "expected gates", "reference names"];
pub(crate) const CLOSEOUT_MUST_NOT: [&str; 12] = [
    "customer payloads",
    "customer health records",
    "customer billing records",
    "finance records",
    "payment-provider secrets",
    "license keys or signing material",
    "registry credentials",
    "production provisioning payloads",
    "tenant secrets",
    "SaaS backend implementation",
    "Enterprise source code",
    "paid policy packs",
];
pub(crate) const CLOSEOUT_TARGET_GATE: &str = "conversion target is `paid_pilot` or `production`";
pub(crate) const CLOSEOUT_GATES: [&str; 5] = [
    "conversion activation or production handoff evidence is ready",
    "conversion activation or production handoff approval is approved",
    "the approval package matches the activation evidence package",
    CLOSEOUT_TARGET_GATE,
    "customer-success, support, release-management, finance, revenue, billing, subscription/order, renewal forecast, and revenue-recognition references are present",
];
pub(crate) const CLOSEOUT_CHALLENGE: &str = "Trial-to-paid conversion can still fail after activation when customer-success, support, release-management, finance, and revenue ownership are not closed out together. This private rollup makes activated paid pilots and production conversions auditable without exposing commercial, finance, customer, or provisioning implementation details.";
pub(crate) const CLOSEOUT_NEXT: &str = "Add private conversion closeout executive summary and renewal action evidence so activated paid pilots and production conversions can be summarized for leadership, account teams, and renewal owners without exposing customer records, finance records, billing secrets, license-service internals, or production provisioning secrets.";
