"""Hostile-input hardening, as ``cavra_runtime::input``: a size limit, a depth limit, no
``NaN`` or out-of-range numbers, no lone surrogates, and duplicate keys kept (the document holds
the last value; the shadowed values are returned so that validators refuse the duplicate and the
scanner still sees a secret hidden behind it)."""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from typing import Any, Union

from ._boundary import Boundary, Finding, redact
from ._problems import Violation

DEFAULT_MAX_BYTES = 2 * 1024 * 1024
DEFAULT_MAX_DEPTH = 64
#: The deepest nesting a depth limit may allow.
DEPTH_CEILING = 100

Segment = Union[str, int]
_SURROGATE = re.compile("[\ud800-\udfff]")


class InputError(ValueError):
    """Why an input could not be read as a JSON document; never quotes the input."""


@dataclass
class Shadowed:
    """The earlier value of a duplicate key, which the document's later value shadows."""

    segments: list[Segment]
    value: Any


@dataclass
class Document:
    """A parsed document: its value (the last value of a duplicate key) and what it shadows."""

    value: Any
    shadowed: list[Shadowed]

    def shadowed_findings(self, boundary: Boundary, root: str) -> list[Finding]:
        """A ``duplicate`` finding per duplicate key, and every finding in what it shadows."""
        out: list[Finding] = []
        for s in self.shadowed:
            path = boundary.render(root, s.segments)
            key = (
                s.segments[-1] if s.segments and isinstance(s.segments[-1], str) else ""
            )
            out.append(
                Finding(
                    path,
                    "duplicate",
                    "duplicate_key",
                    "json",
                    redact(key.encode("utf-8", "surrogatepass")),
                )
            )
            out.extend(boundary.findings(s.value, path))
        return out

    def shadowed_violations(self, boundary: Boundary, root: str) -> list[Violation]:
        """:meth:`shadowed_findings` as the violations a validator reports."""
        return [f.violation() for f in self.shadowed_findings(boundary, root)]


def size(limit: int) -> str:
    """``2 MiB (2097152 bytes)``, ``512 bytes``."""
    mib, kib = 1024 * 1024, 1024
    if limit >= mib and limit % mib == 0:
        return f"{limit // mib} MiB ({limit} bytes)"
    if limit >= kib and limit % kib == 0:
        return f"{limit // kib} KiB ({limit} bytes)"
    return f"{limit} bytes"


class _Pairs(list):  # type: ignore[type-arg]
    """An object's key-value pairs in document order, duplicates included."""


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def _too_deep(text: str, limit: int) -> int | None:
    """The offset of the first bracket nested deeper than ``limit``, outside strings."""
    depth = 0
    in_string = False
    escaped = False
    for i, c in enumerate(text):
        if in_string:
            if escaped:
                escaped = False
            elif c == "\\":
                escaped = True
            elif c == '"':
                in_string = False
        elif c == '"':
            in_string = True
        elif c in "[{":
            depth += 1
            if depth > limit:
                return i
        elif c in "]}":
            depth -= 1
    return None


def _reason(message: str) -> str:
    """Python's parser message in serde_json's words where they differ."""
    words = {
        "Expecting value": "expected value",
        "Extra data": "trailing characters",
        "Expecting ',' delimiter": "expected `,` or `]`",
        "Expecting ':' delimiter": "expected `:`",
        "Expecting property name enclosed in double quotes": "key must be a string",
        "Unterminated string starting at": "EOF while parsing a string",
        "Invalid control character at": "control character (\\u0000-\\u001F) found while parsing a string",
        "Invalid \\escape": "invalid escape",
        "Invalid \\uXXXX escape": "invalid escape",
    }
    return words.get(message, message[:1].lower() + message[1:])


def parse(
    data: bytes, max_bytes: int = DEFAULT_MAX_BYTES, max_depth: int = DEFAULT_MAX_DEPTH
) -> Document:
    """Parses ``data`` as one JSON document within the limits, or raises :class:`InputError`."""
    if len(data) > max_bytes:
        raise InputError(f"input is larger than the size limit of {size(max_bytes)}")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise InputError(
            f"input is not UTF-8 (invalid byte at offset {e.start})"
        ) from None
    limit = min(max(max_depth, 1), DEPTH_CEILING)
    deep = _too_deep(text, limit)

    def out_of_range(_: str) -> Any:
        raise ValueError("number out of range")

    def parse_float(s: str) -> float:
        f = float(s)
        if math.isinf(f):
            raise ValueError("number out of range")
        return f

    def parse_int(s: str) -> int | float:
        n = int(s)
        if -(2**63) <= n < 2**64:
            return n
        return parse_float(s)

    try:
        raw = json.loads(
            text,
            object_pairs_hook=_Pairs,
            parse_constant=out_of_range,
            parse_float=parse_float,
            parse_int=parse_int,
        )
    except json.JSONDecodeError as e:
        if deep is not None and deep < e.pos:
            line, column = _position(text, deep)
            raise InputError(
                f"input nests deeper than the depth limit of {limit} (line {line}, column {column})"
            ) from None
        raise InputError(
            f"input is not valid JSON: {_reason(e.msg)} (line {e.lineno}, column {e.colno})"
        ) from None
    except (ValueError, RecursionError) as e:
        if deep is not None:
            line, column = _position(text, deep)
            raise InputError(
                f"input nests deeper than the depth limit of {limit} (line {line}, column {column})"
            ) from None
        raise InputError(f"input is not valid JSON: {e}") from None
    if deep is not None:
        line, column = _position(text, deep)
        raise InputError(
            f"input nests deeper than the depth limit of {limit} (line {line}, column {column})"
        )
    shadowed: list[Shadowed] = []
    value = _build(raw, [], shadowed)
    return Document(value, shadowed)


def _build(raw: Any, path: list[Segment], shadowed: list[Shadowed]) -> Any:
    """The document from the parser's pairs: the last value of a duplicate key in the place of
    the first, each shadowed value recorded when its duplicate ends, as serde_json reads."""
    if isinstance(raw, _Pairs):
        obj: dict[str, Any] = {}
        for key, item in raw:
            _check_text(key)
            path.append(key)
            value = _build(item, path, shadowed)
            path.pop()
            if key in obj:
                shadowed.append(Shadowed(path + [key], obj[key]))
            obj[key] = value
        return obj
    if isinstance(raw, list):
        items = []
        for i, item in enumerate(raw):
            path.append(i)
            items.append(_build(item, path, shadowed))
            path.pop()
        return items
    if isinstance(raw, str):
        _check_text(raw)
    return raw


def _check_text(s: str) -> None:
    if _SURROGATE.search(s):
        raise InputError("input is not valid JSON: lone surrogate in hex escape")


def read(path: str | None, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Reads a command's input: the file at ``path``, or standard input for ``None`` or ``-``,
    within ``max_bytes``."""
    import os
    import sys

    if path is not None and path != "-":
        try:
            if os.path.getsize(path) > max_bytes:
                raise InputError(
                    f"input is larger than the size limit of {size(max_bytes)}"
                )
            with open(path, "rb") as f:
                data = f.read(max_bytes + 1)
        except OSError as e:
            raise InputError(f"cannot read `{path}`: {e.strerror}") from None
    else:
        data = sys.stdin.buffer.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(f"input is larger than the size limit of {size(max_bytes)}")
    return data
