"""Upstream's `POST /saas/operating-automation` (UPSTREAM.md 2 and 9.2) re-implemented on
upstream's own stack, FastAPI and uvicorn, for the server row of `scripts/bench.sh`: it reads the
known keys of the body, builds the request and summary with upstream's checks (first problem
only), the response, and returns `{"request": ..., "response": ...}`, or 400 `{"detail": ...}`.
Run: uvicorn upstream_api:app --port PORT (from this directory)."""

import uuid

from fastapi import Body, FastAPI
from fastapi.responses import JSONResponse

from upstream_reject import SaaSContractError, _reject_sensitive_material

CHECKS = ("billing_monitoring", "license_telemetry_sync", "support_followup",
          "customer_success_review", "dashboard_refresh", "escalation_drill", "closeout_retry")
STATUSES = frozenset(("ready", "scheduled", "enabled", "automated", "blocked", "unknown"))
STATUS_KEYS = ("automation_status", "billing_monitoring_status", "license_telemetry_status",
               "support_followup_status", "customer_success_review_status",
               "dashboard_refresh_status", "escalation_drill_status", "closeout_retry_status")
MODULES = ["billing monitoring", "license telemetry sync", "support follow-up",
           "customer-success review", "dashboard refresh automation",
           "escalation drill scheduler", "closeout retry automation"]
REQUEST_BOUNDARY = ("public request shape only; SaaS operating automation execution is private")
SUMMARY_BOUNDARY = ("billing systems, license telemetry, support workflows, customer-success "
                    "records, dashboard refresh jobs, escalation drills, closeout retries, and "
                    "scheduler execution remain private service responsibilities")
MESSAGE = ("SaaS operating automation requires private billing monitoring, license telemetry, "
           "support, customer-success, dashboard, escalation, closeout retry, and scheduler "
           "validation.")

app = FastAPI()


def _safe_identifier(value, name):
    text = str(value).strip()
    if not text:
        raise SaaSContractError(f"{name} must not be empty")
    _reject_sensitive_material(text, name)
    return text


def _exchange(body):
    checks = tuple(body.get("required_checks", CHECKS))
    if not checks:
        raise SaaSContractError(
            "required_checks must include at least one SaaS operating automation check")
    scope = str(body.get("automation_scope", "trial-to-paid-customer-scale"))
    cadence = str(body.get("automation_cadence", "daily"))
    _reject_sensitive_material({"automation_scope": scope, "automation_cadence": cadence})
    tenant = _safe_identifier(body.get("tenant_id", ""), "tenant_id")
    requested_by = _safe_identifier(body.get("requested_by", "community"), "requested_by")
    request = {
        "schema_version": "cavra.saas_control_plane.request.v1",
        "operation": "saas_operating_automation",
        "tenant_id": tenant,
        "requested_by": requested_by,
        "correlation_id": "saas-" + uuid.uuid4().hex[:12],
        "private_implementation_required": True,
        "payload": {"automation_scope": scope, "automation_cadence": cadence,
                    "required_checks": list(checks), "automation_boundary": REQUEST_BOUNDARY},
    }
    _reject_sensitive_material(request["payload"])
    statuses = {key: str(body.get(key, "unknown")) for key in STATUS_KEYS}
    for key, status in statuses.items():
        if status not in STATUSES:
            raise SaaSContractError(f"{key} must be one of: {', '.join(sorted(STATUSES))}")
    summary = {"tenant_id": tenant, **statuses, "automation_scope": scope,
               "automation_cadence": cadence, "blockers": list(body.get("blockers", [])),
               "private_validation_required": True, "automation_boundary": SUMMARY_BOUNDARY}
    response = {
        "schema_version": "cavra.saas_control_plane.response.v1",
        "operation": "saas_operating_automation",
        "status": "requires_private_service",
        "message": MESSAGE,
        "correlation_id": request["correlation_id"],
        "private_implementation_required": True,
        "payload": {"summary": summary, "private_modules_required": MODULES,
                    "next_step": "See docs/architecture/saas-operating-automation-contract.md"},
    }
    _reject_sensitive_material(response["payload"])
    return {"request": request, "response": response}


@app.post("/saas/operating-automation")
def operating_automation(body: dict = Body(...)):
    try:
        return _exchange(body)
    except SaaSContractError as error:
        return JSONResponse(status_code=400, content={"detail": str(error)})
