"""Hostile-input hardening, as ``cavra_runtime::input``: a size limit, a depth limit, no
``NaN`` or out-of-range numbers, no lone surrogates, and duplicate keys kept (the document holds
the last value; the shadowed values are returned so that validators refuse the duplicate and the
scanner still sees a secret hidden behind it)."""

from __future__ import annotations

import json
import math
import os
import sys
from dataclasses import dataclass
from typing import Any, BinaryIO, Union

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
        if s == "-0":
            return -0.0  # serde_json reads `-0` as a float
        n = int(s) if len(s) <= 40 else parse_float(s)
        if isinstance(n, int) and not -(2**63) <= n < 2**64:
            return parse_float(s)
        return n

    # serde_json stops at the first problem in the text; Python's parser finds some of them
    # (syntax, numbers), the others are looked for here (nesting, escapes): the earliest wins.
    errors: list[tuple[int, str]] = []
    if deep is not None:
        errors.append((deep, depth_error(text, deep, limit)))
    try:
        raw = json.loads(
            text,
            object_pairs_hook=_Pairs,
            parse_constant=refuse_number,
            parse_float=parse_float,
            parse_int=parse_int,
        )
    except json.JSONDecodeError as e:
        # Python names where an unterminated string starts; serde_json stops at the end.
        unterminated = e.msg.startswith("Unterminated string")
        at = len(text) if unterminated else e.pos
        errors.append((at, decode_error(text, e.msg, e.pos)))
        escape = escape_error(text, at + 1)
    except _NumberError:
        errors.append(number_error(text))
        escape = escape_error(text)
    except RecursionError:
        escape = escape_error(text)
    else:
        escape = escape_error(text) if "\\u" in text else None
    if escape is not None:
        errors.append(escape)
    if errors:
        raise InputError(min(errors)[1])
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
    if path is not None and path != "-":
        try:
            if os.path.getsize(path) > max_bytes:
                raise InputError(
                    f"input is larger than the size limit of {size(max_bytes)}"
                )
            with open(path, "rb") as f:
                data = _read_at_most(f, max_bytes + 1)
        except OSError as e:
            raise InputError(
                f"cannot read `{path}`: {e.strerror} (os error {e.errno})"
            ) from None
    else:
        data = _read_at_most(sys.stdin.buffer, max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(f"input is larger than the size limit of {size(max_bytes)}")
    return data


def _read_at_most(stream: BinaryIO, limit: int) -> bytes:
    """Up to ``limit`` bytes of ``stream``, read a piece at a time (``limit`` may be huge)."""
    pieces = []
    left = limit
    while left > 0:
        piece = stream.read(min(left, 1 << 20))
        if not piece:
            break
        pieces.append(piece)
        left -= len(piece)
    return b"".join(pieces)
