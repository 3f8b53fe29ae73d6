"""Validation of a JSON document against a shape: every problem, each at its JSON path.

The same walk, order and messages as ``cavra_runtime::validate``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from ._boundary import Boundary
from ._problems import Violation, child, index
from ._shape import ConstValue, Field, Shape, Type
from ._wire import TIMESTAMP_PATTERN

#: The characters Rust's ``str::trim`` removes (Unicode White_Space); ``str.strip()`` would
#: also remove the separators U+001C to U+001F.
WHITESPACE = (
    "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)

_TIMESTAMP = re.compile(TIMESTAMP_PATTERN)
_I64_MIN = -(2**63)
_I64_MAX = 2**63 - 1


def validate(
    value: Any, shape: Shape, path: str, boundary: Boundary
) -> list[Violation]:
    """Validates ``value`` as a ``shape`` at ``path`` (``""`` for a document root,
    ``"payload"`` for a bare payload) and scans it against ``boundary``: every problem,
    boundary hits first. A path or message that would repeat a secret shows it redacted."""
    out = boundary.scan(value, path)
    scanned = len(out)
    _object(value, shape, path, out)
    for i in range(scanned, len(out)):
        v = out[i]
        out[i] = Violation(
            boundary.redact_secrets(v.path), boundary.redact_message(v.message)
        )
    return out


def kind(value: Any) -> str:
    """The JSON kind of a value, for messages (never the value itself)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    return "an object"


def is_blank(value: str) -> bool:
    """Whether a string holds nothing but whitespace (as Rust's ``trim`` sees it)."""
    return not value.strip(WHITESPACE)


def json_equal(a: Any, b: Any) -> bool:
    """JSON equality: ``true`` is not ``1``, and ``1`` is not ``1.0`` (as serde_json compares)."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(json_equal(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(json_equal(a[k], b[k]) for k in a)
    if type(a) is not type(b):
        return False
    return bool(a == b)


def json_text(value: ConstValue) -> str:
    """A constant as compact JSON, as serde_json displays it."""
    if isinstance(value, tuple):
        return json.dumps(list(value), separators=(",", ":"), ensure_ascii=False)
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def did_you_mean(name: str, candidates: Iterable[str]) -> str | None:
    """A close field name: a likely typo (edit distance at most a third of the length) or a
    field that the unknown name is a prefix of (``tenant`` for ``tenant_id``)."""
    limit = max(len(name) // 3, 1)
    best: str | None = None
    best_distance = limit + 1
    for c in candidates:
        prefix = len(name.encode()) >= 3 and c.startswith(name)
        d = 0 if prefix else damerau_levenshtein(name, c)
        if d <= limit and d < best_distance:
            best, best_distance = c, d
    return best


def damerau_levenshtein(a: str, b: str) -> int:
    """The edit distance with adjacent transpositions (unrestricted), as strsim computes it."""
    if not a:
        return len(b)
    if not b:
        return len(a)
    last_row: dict[str, int] = {}
    inf = len(a) + len(b)
    width = len(b) + 2
    d = [inf] * (width * (len(a) + 2))
    for i in range(len(a) + 1):
        d[(i + 1) * width] = inf
        d[(i + 1) * width + 1] = i
    for j in range(len(b) + 1):
        d[j + 1] = inf
        d[width + j + 1] = j
    for i in range(1, len(a) + 1):
        last_match = 0
        for j in range(1, len(b) + 1):
            k = last_row.get(b[j - 1], 0)
            cost = 0 if a[i - 1] == b[j - 1] else 1
            if cost == 0:
                last_match_before = last_match
                last_match = j
            else:
                last_match_before = last_match
            substitution = d[i * width + j] + cost
            insertion = d[(i + 1) * width + j] + 1
            deletion = d[i * width + j + 1] + 1
            transposition = (
                d[k * width + last_match_before]
                + (i - k - 1)
                + 1
                + (j - last_match_before - 1)
            )
            d[(i + 1) * width + j + 1] = min(
                substitution, insertion, deletion, transposition
            )
        last_row[a[i - 1]] = i
    return d[(len(a) + 1) * width + len(b) + 1]


def _object(value: Any, shape: Shape, path: str, out: list[Violation]) -> None:
    if not isinstance(value, dict):
        what = path if path else "the document"
        out.append(Violation(path, f"{what} must be an object, found {kind(value)}"))
        return
    if shape.closed:
        names = [f.name for f in shape.fields]
        for key in value:
            if key not in names:
                message = f"unknown field `{key}`"
                close = did_you_mean(key, names)
                if close is not None:
                    message += f": did you mean `{close}`?"
                out.append(Violation(child(path, key), message))
    for field in shape.fields:
        at = child(path, field.name)
        if field.name not in value:
            if field.presence != "optional":
                out.append(Violation(at, f"missing required field `{field.name}`"))
            continue
        v = value[field.name]
        if field.presence == "const" and field.const is not None:
            if not json_equal(v, field.const):
                out.append(
                    Violation(at, f"{field.name} must be {json_text(field.const)}")
                )
            continue
        _field_value(v, field, field.type, field.name, at, out)


def _field_value(
    v: Any, field: Field, ty: Type, name: str, at: str, out: list[Violation]
) -> None:
    k = ty.kind
    if k in ("string", "label", "ref", "text"):
        if not isinstance(v, str):
            out.append(Violation(at, f"{name} must be a string, found {kind(v)}"))
    elif k == "identifier":
        if not isinstance(v, str):
            out.append(Violation(at, f"{name} must be a string, found {kind(v)}"))
        elif is_blank(v):
            out.append(Violation(at, f"{name} must not be empty"))
    elif k == "timestamp":
        if not isinstance(v, str):
            out.append(Violation(at, f"{name} must be a string, found {kind(v)}"))
        elif not _TIMESTAMP.search(v):
            out.append(
                Violation(
                    at,
                    f"{name} must be an RFC 3339 timestamp such as 2026-06-02T09:00:00Z",
                )
            )
    elif k == "bool":
        if not isinstance(v, bool):
            out.append(Violation(at, f"{name} must be true or false, found {kind(v)}"))
    elif k == "integer":
        if isinstance(v, int) and not isinstance(v, bool) and _I64_MIN <= v <= _I64_MAX:
            if field.minimum is not None and v < field.minimum:
                out.append(
                    Violation(
                        at, f"{name} must be greater than or equal to {field.minimum}"
                    )
                )
        else:
            out.append(Violation(at, f"{name} must be a whole number, found {kind(v)}"))
    elif k == "vocabulary" and ty.vocabulary is not None:
        if not (isinstance(v, str) and ty.vocabulary.contains(v)):
            out.append(
                Violation(at, f"{name} must be one of: {ty.vocabulary.sorted_list()}")
            )
    elif k == "object" and ty.shape is not None:
        _object(v, ty.shape, at, out)
    elif k == "list" and ty.item is not None:
        if not isinstance(v, list):
            out.append(Violation(at, f"{name} must be a list, found {kind(v)}"))
            return
        if field.min_items is not None and len(v) < field.min_items[0]:
            out.append(Violation(at, field.min_items[1]))
        for i, item in enumerate(v):
            _field_value(item, field, ty.item, name, index(at, i), out)
    elif k == "map" and ty.item is not None:
        if not isinstance(v, dict):
            out.append(Violation(at, f"{name} must be an object, found {kind(v)}"))
            return
        for key, item in v.items():
            _field_value(item, field, ty.item, name, child(at, key), out)
