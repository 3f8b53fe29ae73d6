"""Seed 004's request and response, built with the Python builders, equal the seed's JSON byte
for byte after ``json.dumps(..., indent=2)``, as ``cavra saas operating-automation`` prints them."""

from __future__ import annotations

import json
import unittest
from pathlib import Path

from cavra_contracts.saas_control_plane import (
    AutomationStatus,
    SaasOperatingAutomationSummary,
    build_saas_operating_automation_request,
    build_saas_operating_automation_response,
)

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "seed-004"


class Seed004(unittest.TestCase):
    def test_the_builders_write_the_seed(self) -> None:
        request = build_saas_operating_automation_request(
            "tenant-demo", requested_by="console", correlation_id="saas-example"
        )
        summary = SaasOperatingAutomationSummary(
            tenant_id="tenant-demo",
            automation_status=AutomationStatus.SCHEDULED,
            billing_monitoring_status=AutomationStatus.ENABLED,
            license_telemetry_status=AutomationStatus.AUTOMATED,
            support_followup_status=AutomationStatus.READY,
            customer_success_review_status=AutomationStatus.SCHEDULED,
            dashboard_refresh_status=AutomationStatus.AUTOMATED,
            escalation_drill_status=AutomationStatus.BLOCKED,
            closeout_retry_status=AutomationStatus.ENABLED,
            blockers=("escalation drill owner pending",),
        )
        response = build_saas_operating_automation_response(request, summary)
        for part, built in (("request", request), ("response", response)):
            with self.subTest(part):
                seed = (SEED / f"{part}.json").read_text(encoding="utf-8")
                self.assertEqual(json.dumps(built.to_dict(), indent=2), seed.strip())

    def test_the_default_correlation_id_has_upstreams_form(self) -> None:
        first = build_saas_operating_automation_request("tenant-demo").correlation_id
        second = build_saas_operating_automation_request("tenant-demo").correlation_id
        self.assertRegex(first, r"\Asaas-[0-9a-f]{12}\Z")
        self.assertNotEqual(first, second)


if __name__ == "__main__":
    unittest.main()
