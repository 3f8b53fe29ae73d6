"""Hostile-input hardening, as ``cavra_runtime::input``: a size limit, a depth limit, no
``NaN`` or out-of-range numbers, no lone surrogates, and duplicate keys kept (the document holds
the last value; the shadowed values are returned so that validators refuse the duplicate and the
scanner still sees a secret hidden behind it)."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any, Union

from ._boundary import Boundary, Finding, redact
from ._problems import Violation
from ._syntax import (
    decode_error,
    depth_error,
    escape_error,
    number_error,
    too_deep,
)

DEFAULT_MAX_BYTES = 2 * 1024 * 1024
DEFAULT_MAX_DEPTH = 64
#: The deepest nesting a depth limit may allow.
DEPTH_CEILING = 100

Segment = Union[str, int]


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


class _NumberError(ValueError):
    """A number JSON cannot hold (``NaN``, ``Infinity``, ``1e400``)."""


class _Pairs(list):  # type: ignore[type-arg]
    """An object's key-value pairs in document order, duplicates included."""


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
    deep = too_deep(text, limit)

    def refuse_number(_: str) -> Any:
        raise _NumberError

    def parse_float(s: str) -> float:
        f = float(s)
        if math.isinf(f):
            raise _NumberError
        return f

    def parse_int(s: str) -> int | float:
        n = int(s) if len(s) <= 40 else parse_float(s)
        if isinstance(n, int) and not -(2**63) <= n < 2**64:
            return parse_float(s)
        return n

    try:
        raw = json.loads(
            text,
            object_pairs_hook=_Pairs,
            parse_constant=refuse_number,
            parse_float=parse_float,
            parse_int=parse_int,
        )
    except json.JSONDecodeError as e:
        if deep is not None and deep < e.pos:
            raise InputError(depth_error(text, deep, limit)) from None
        unterminated = e.msg.startswith("Unterminated string")
        lone = escape_error(text, len(text) if unterminated else e.pos + 1)
        raise InputError(lone or decode_error(text, e.msg, e.pos)) from None
    except (_NumberError, RecursionError):
        if deep is not None:
            raise InputError(depth_error(text, deep, limit)) from None
        raise InputError(number_error(text)) from None
    if deep is not None:
        raise InputError(depth_error(text, deep, limit))
    lone = escape_error(text) if "\\u" in text else None
    if lone is not None:
        raise InputError(lone)
    shadowed: list[Shadowed] = []
    value = _build(raw, [], shadowed)
    return Document(value, shadowed)


def _build(raw: Any, path: list[Segment], shadowed: list[Shadowed]) -> Any:
    """The document from the parser's pairs: the last value of a duplicate key in the place of
    the first, each shadowed value recorded when its duplicate ends, as serde_json reads."""
    if isinstance(raw, _Pairs):
        obj: dict[str, Any] = {}
        for key, item in raw:
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
    return raw


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
