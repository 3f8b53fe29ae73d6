"""The catalog of a spec's documents, as ``cavra_runtime::catalog``: what ``validate`` and
``gate`` look documents up in, and what a document is, read from its own fields."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ._boundary import Boundary
from ._gate import Gate, GateReport, evaluate
from ._problems import Violation
from ._shape import Shape
from ._validate import validate


@dataclass(frozen=True)
class OperationEntry:
    """An envelope operation's shapes: both envelopes and the bare parts."""

    name: str
    request: Shape
    response: Shape
    payload: Shape
    summary: Shape | None
    response_payload: Shape
    mismatch_message: str


@dataclass(frozen=True)
class EvidenceEntry:
    """An evidence contract's document shape and gates."""

    name: str
    document: Shape
    gates: tuple[Gate, ...]


class UsageError(ValueError):
    """A problem with what was asked (an unknown operation), not with the document."""


def _const_str(shape: Shape, name: str) -> str | None:
    for f in shape.fields:
        if f.name == name and f.presence == "const" and isinstance(f.const, str):
            return f.const
    return None


def _get(doc: Any, key: str) -> Any:
    return doc.get(key) if isinstance(doc, dict) else None


def check_response_matches(
    request: Any, response: Any, mismatch_message: str
) -> list[Violation]:
    """Checks that ``response`` answers ``request``: the same operation and correlation id."""
    from ._validate import json_equal

    def same(key: str) -> bool:
        a_has = isinstance(request, dict) and key in request
        b_has = isinstance(response, dict) and key in response
        if a_has != b_has:
            return False
        return not a_has or json_equal(request[key], response[key])

    out = []
    if not same("operation"):
        out.append(Violation("operation", mismatch_message))
    if not same("correlation_id"):
        out.append(
            Violation(
                "correlation_id",
                "correlation_id must match the request's correlation_id",
            )
        )
    return out


class Catalog:
    """Every document of a spec."""

    def __init__(
        self,
        operations: tuple[OperationEntry, ...],
        evidence: tuple[EvidenceEntry, ...],
        boundary: Boundary,
    ) -> None:
        self.operations = operations
        self.evidence = evidence
        self.boundary = boundary

    def operation(self, name: str) -> OperationEntry | None:
        """The operation named ``name``."""
        return next((o for o in self.operations if o.name == name), None)

    def evidence_contract(self, name: str) -> EvidenceEntry | None:
        """The evidence contract named ``name``."""
        return next((e for e in self.evidence if e.name == name), None)

    def validate(
        self, doc: Any, operation: str | None = None, part: str | None = None
    ) -> list[Violation]:
        """Every problem of a document: a bare ``part`` (``request``, ``response`` or
        ``summary``) of ``operation`` when given, else a whole envelope, exchange or evidence
        document, whose kind is read from its own fields. Raises :class:`UsageError` for an
        unknown operation."""
        if operation is not None:
            op = self.operation(operation)
            if op is None:
                names = ", ".join(o.name for o in self.operations)
                raise UsageError(f"unknown operation; expected one of: {names}")
            part = part or "request"
            if part == "request":
                shape = op.payload
            elif part == "response":
                shape = op.response_payload
            elif op.summary is not None:
                shape = op.summary
            else:
                raise UsageError(f"operation `{op.name}` has no summary")
            return validate(doc, shape, "payload", self.boundary)
        exchange = self._validate_exchange(doc)
        if exchange is not None:
            return exchange
        identified = self.identify(doc)
        if identified is None:
            found = self.boundary.scan(doc, "")
            found.append(
                Violation(
                    "",
                    "cannot tell what the document is: expected an envelope with "
                    "`schema_version` and `operation`, or an evidence document with `contract`",
                )
            )
            return found
        return validate(doc, identified[1], "", self.boundary)

    def _validate_exchange(self, doc: Any) -> list[Violation] | None:
        if not (isinstance(doc, dict) and len(doc) == 2):
            return None
        if "request" not in doc or "response" not in doc:
            return None
        found: list[Violation] = []
        operation: OperationEntry | None = None
        for part in ("request", "response"):
            value = doc[part]
            identified = self.identify(value)
            if identified is not None:
                kind, shape = identified
                if kind[0] == "response":
                    operation = self.operation(kind[1])
                found.extend(validate(value, shape, part, self.boundary))
            else:
                found.extend(self.boundary.scan(value, part))
                found.append(
                    Violation(part, f"{part} must be an envelope of a known operation")
                )
        if operation is not None:
            for v in check_response_matches(
                doc["request"], doc["response"], operation.mismatch_message
            ):
                found.append(Violation(f"response.{v.path}", v.message))
        return found

    def identify(self, doc: Any) -> tuple[tuple[str, str], Shape] | None:
        """What a whole document is, from its own fields: ``(("request", name), shape)``,
        ``("response", name)`` or ``("evidence", name)``; ``None`` when it cannot be told."""
        contract = _get(doc, "contract")
        if isinstance(contract, str):
            entry = self.evidence_contract(contract)
            return (("evidence", entry.name), entry.document) if entry else None
        name = _get(doc, "operation")
        op = self.operation(name) if isinstance(name, str) else None
        if op is None:
            return None
        version = _get(doc, "schema_version")
        version = version if isinstance(version, str) else None
        if version is not None and version == _const_str(op.response, "schema_version"):
            return ("response", op.name), op.response
        if version is not None and version == _const_str(op.request, "schema_version"):
            return ("request", op.name), op.request
        if isinstance(doc, dict) and ("status" in doc or "message" in doc):
            return ("response", op.name), op.response
        return ("request", op.name), op.request

    def gate(self, doc: Any) -> tuple[str | None, list[Violation], GateReport | None]:
        """Validates an evidence document and evaluates its gates: the contract, the problems
        of a document that is not a valid evidence document, and the gate report."""
        contract = _get(doc, "contract")
        entry = self.evidence_contract(contract) if isinstance(contract, str) else None
        if entry is None:
            found = self.boundary.scan(doc, "")
            names = ", ".join(e.name for e in self.evidence)
            found.append(Violation("contract", f"contract must be one of: {names}"))
            return None, found, None
        found = validate(doc, entry.document, "", self.boundary)
        if found:
            return entry.name, found, None
        return entry.name, [], evaluate(doc, entry.gates)
