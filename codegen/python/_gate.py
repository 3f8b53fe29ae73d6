"""Readiness gates, as ``cavra_runtime::gate``: "the evidence is ready only when ...".
Evaluating them over a document gives ``ready``, or ``blocked`` with one blocker per failed gate."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ._validate import is_blank, json_equal, kind

#: A dotted path into a document, as field names.
Path = tuple[str, ...]

_MISSING = object()


@dataclass(frozen=True)
class Condition:
    """One machine-checked condition: ``op`` is ``equals``, ``one_of``, ``not_one_of``,
    ``matches``, ``present`` or ``absent``."""

    op: str
    paths: tuple[Path, ...]
    values: tuple[str, ...] = ()


def equals(path: Path, value: str) -> Condition:
    """The field equals the value."""
    return Condition("equals", (path,), (value,))


def one_of_values(path: Path, values: tuple[str, ...]) -> Condition:
    """The field is one of the values."""
    return Condition("one_of", (path,), values)


def not_one_of(path: Path, values: tuple[str, ...]) -> Condition:
    """The field is none of the values."""
    return Condition("not_one_of", (path,), values)


def matches(path: Path, other: Path) -> Condition:
    """The field equals another field."""
    return Condition("matches", (path, other))


def present(*paths: Path) -> Condition:
    """Every field is present and non-empty."""
    return Condition("present", paths)


def absent(*paths: Path) -> Condition:
    """Every field is absent or empty."""
    return Condition("absent", paths)


@dataclass(frozen=True)
class GateCase:
    """One case of a gate: applies when ``when`` holds (always if ``None``)."""

    when: Condition | None
    conditions: tuple[Condition, ...]


@dataclass(frozen=True)
class Gate:
    """A readiness gate: the rule in the source's words, and its cases (the first whose
    ``when`` holds decides; a gate with no applicable case passes)."""

    text: str
    cases: tuple[GateCase, ...]


@dataclass(frozen=True)
class GateReport:
    """The verdict (``ready`` or ``blocked``) and one blocker per failed gate."""

    status: str
    blockers: tuple[str, ...]


def evaluate(doc: Any, gates: tuple[Gate, ...]) -> GateReport:
    """Evaluates ``gates`` over ``doc``, in order."""
    blockers = [b for b in (_blocker(doc, g) for g in gates) if b is not None]
    return GateReport("blocked" if blockers else "ready", tuple(blockers))


def _blocker(doc: Any, gate: Gate) -> str | None:
    for case in gate.cases:
        if case.when is None or _failure(doc, case.when) is None:
            failures = [
                f for f in (_failure(doc, c) for c in case.conditions) if f is not None
            ]
            return f"{gate.text}: {'; '.join(failures)}" if failures else None
    return None


def _lookup(doc: Any, path: Path) -> Any:
    value = doc
    for key in path:
        if not isinstance(value, dict) or key not in value:
            return _MISSING
        value = value[key]
    return value


def _empty(v: Any) -> bool:
    if v is _MISSING or v is None:
        return True
    if isinstance(v, str):
        return is_blank(v)
    if isinstance(v, (list, dict)):
        return not v
    return False


def _is_word(s: str) -> bool:
    return 0 < len(s.encode()) <= 64 and all(
        c.isascii() and (c.isalnum() or c == "_") for c in s
    )


def _describe(v: Any) -> str:
    if v is _MISSING or v is None:
        return "missing"
    if isinstance(v, str) and _is_word(v):
        return f"`{v}`"
    return kind(v)


def _failure(doc: Any, c: Condition) -> str | None:
    shown = ".".join(c.paths[0])
    got = _lookup(doc, c.paths[0])
    text = got if isinstance(got, str) else None
    if c.op == "equals":
        if text != c.values[0]:
            return f"{shown} is {_describe(got)}, expected `{c.values[0]}`"
        return None
    if c.op == "one_of":
        if text is None or text not in c.values:
            return (
                f"{shown} is {_describe(got)}, expected one of: {', '.join(c.values)}"
            )
        return None
    if c.op == "not_one_of":
        if text is not None and text in c.values:
            return f"{shown} is `{text}`"
        return f"{shown} is missing" if got is _MISSING else None
    if c.op == "matches":
        other = _lookup(doc, c.paths[1])
        same = (got is _MISSING and other is _MISSING) or (
            got is not _MISSING and other is not _MISSING and json_equal(got, other)
        )
        if not same or _empty(got):
            return f"{shown} does not match {'.'.join(c.paths[1])}"
        return None
    if c.op == "present":
        missing = [".".join(p) for p in c.paths if _empty(_lookup(doc, p))]
        return f"missing {', '.join(missing)}" if missing else None
    found = [".".join(p) for p in c.paths if not _empty(_lookup(doc, p))]
    return f"unexpected {', '.join(found)}" if found else None
