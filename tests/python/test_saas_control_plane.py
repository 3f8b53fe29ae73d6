"""Upstream's public tests of the SaaS Control Plane module (UPSTREAM.md 2.6), for every
operation: contract description listing the operation; request serialization; empty-check
rejection; token-like value rejection; response serialization; invalid status rejection;
mismatched request/response rejection; private service handoff messaging."""

from __future__ import annotations

import json
import unittest
from typing import Any, Callable

from cavra_contracts import ContractError, Violation
from cavra_contracts import saas_control_plane as scp
from cavra_contracts._catalog import OperationEntry
from support import TOKEN, document


def builders(op: OperationEntry) -> tuple[Callable[..., Any], Callable[..., Any]]:
    """The operation's upstream-named request and response builders."""
    return (
        getattr(scp, f"build_{op.name}_request"),
        getattr(scp, f"build_{op.name}_response"),
    )


def request_of(op: OperationEntry, **given: Any) -> Any:
    """A request of ``op`` for ``tenant-demo``, its required payload fields made valid."""
    build, _ = builders(op)
    payload = document(op.payload)
    for field in op.payload.fields:
        if field.presence == "required" and field.name not in given:
            given[field.name] = payload[field.name]
    return build("tenant-demo", correlation_id="saas-example", **given)


def response_of(op: OperationEntry, request: Any, **given: Any) -> Any:
    """The response to ``request``, with a valid summary where the operation has one."""
    _, build = builders(op)
    if op.summary is None:
        return build(request, **given)
    return build(request, summary_of(op).from_dict(document(op.summary)), **given)


def summary_of(op: OperationEntry) -> Any:
    """The operation's summary dataclass."""
    return getattr(scp, "".join(w.capitalize() for w in op.name.split("_")) + "Summary")


def problems(error: ContractError) -> list[tuple[str, str]]:
    return [(p.path, p.message) for p in error.problems]


class EveryOperation(unittest.TestCase):
    """Each test runs once per operation of the family, as a subtest."""

    def test_contract_description_lists_the_operation(self) -> None:
        names = [o["name"] for o in scp.describe_public_contract()["operations"]]
        for op in scp.OPERATIONS:
            with self.subTest(op.name):
                self.assertIn(op.name, names)

    def test_request_serialization(self) -> None:
        for op in scp.OPERATIONS:
            with self.subTest(op.name):
                request = request_of(op)
                doc = request.to_dict()
                self.assertEqual(
                    list(doc), [f.name for f in op.request.fields], "envelope key order"
                )
                self.assertEqual(
                    list(doc["payload"]), [f.name for f in op.payload.fields]
                )
                self.assertEqual(doc["operation"], op.name)
                self.assertEqual(doc["schema_version"], scp.REQUEST_SCHEMA_VERSION)
                self.assertEqual(doc["requested_by"], "community")
                self.assertIs(doc["private_implementation_required"], True)
                self.assertEqual(
                    scp.Request.from_dict(json.loads(json.dumps(doc))), request
                )

    def test_empty_check_rejection(self) -> None:
        checked = [
            o
            for o in scp.OPERATIONS
            if "required_checks" in [f.name for f in o.payload.fields]
        ]
        self.assertGreater(len(checked), 3)
        for op in checked:
            with self.subTest(op.name):
                with self.assertRaises(ContractError) as raised:
                    request_of(op, required_checks=[])
                field = next(
                    f for f in op.payload.fields if f.name == "required_checks"
                )
                assert field.min_items is not None
                self.assertEqual(
                    problems(raised.exception),
                    [("payload.required_checks", field.min_items[1])],
                )

    def test_token_like_value_rejection(self) -> None:
        for op in scp.OPERATIONS:
            with self.subTest(op.name):
                with self.assertRaises(ContractError) as raised:
                    request_of(op, requested_by=TOKEN)
                self.assertEqual(
                    problems(raised.exception),
                    [
                        (
                            "requested_by",
                            "sensitive value is not allowed in public SaaS contract payload: requested_by",
                        )
                    ],
                )
                self.assertNotIn(TOKEN, str(raised.exception))

    def test_response_serialization(self) -> None:
        for op in scp.OPERATIONS:
            with self.subTest(op.name):
                request = request_of(op)
                response = response_of(op, request)
                doc = response.to_dict()
                self.assertEqual(list(doc), [f.name for f in op.response.fields])
                self.assertEqual(
                    list(doc["payload"]), [f.name for f in op.response_payload.fields]
                )
                self.assertEqual(doc["correlation_id"], request.correlation_id)
                self.assertEqual(doc["schema_version"], scp.RESPONSE_SCHEMA_VERSION)
                self.assertEqual(
                    scp.Response.from_dict(json.loads(json.dumps(doc))), response
                )

    def test_invalid_status_rejection(self) -> None:
        for op in scp.OPERATIONS:
            with self.subTest(op.name):
                with self.assertRaises(ContractError) as raised:
                    response_of(op, request_of(op), status="paused")
                self.assertEqual(
                    problems(raised.exception),
                    [
                        (
                            "status",
                            "status must be one of: accepted, requires_private_service, unavailable",
                        )
                    ],
                )

    def test_invalid_summary_status_rejection(self) -> None:
        with_status = [o for o in scp.OPERATIONS if o.summary is not None]
        for op in with_status:
            assert op.summary is not None
            field = next(f for f in op.summary.fields if f.type.kind == "vocabulary")
            assert field.type.vocabulary is not None
            with self.subTest(op.name):
                doc = document(op.summary)
                doc[field.name] = "paused"
                with self.assertRaises(ContractError) as raised:
                    summary_of(op).from_dict(doc)
                self.assertEqual(
                    problems(raised.exception),
                    [
                        (
                            f"payload.{field.name}",
                            f"{field.name} must be one of: {field.type.vocabulary.sorted_list()}",
                        )
                    ],
                )

    def test_mismatched_request_response_rejection(self) -> None:
        ops = list(scp.OPERATIONS)
        for op, other in zip(ops, ops[1:] + ops[:1]):
            with self.subTest(op.name):
                with self.assertRaises(ContractError) as raised:
                    response_of(op, request_of(other))
                self.assertEqual(
                    raised.exception.problems,
                    (Violation("operation", op.mismatch_message),),
                )

    def test_private_service_handoff_messaging(self) -> None:
        for op in scp.OPERATIONS:
            with self.subTest(op.name):
                doc = response_of(op, request_of(op)).to_dict()
                constant = op.name.upper()
                self.assertEqual(doc["status"], "requires_private_service")
                self.assertEqual(doc["message"], getattr(scp, f"{constant}_MESSAGE"))
                self.assertEqual(
                    doc["payload"]["next_step"], getattr(scp, f"{constant}_NEXT_STEP")
                )
                modules = getattr(scp, f"{constant}_PRIVATE_MODULES")
                self.assertEqual(
                    tuple(doc["payload"].get("private_modules_required", ())), modules
                )
                self.assertIs(doc["private_implementation_required"], True)


if __name__ == "__main__":
    unittest.main()
