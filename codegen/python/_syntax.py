"""Why a text is not JSON, in serde_json's words and at serde_json's position, so that
``python -m cavra_contracts`` refuses unreadable input with the message ``cavra`` prints.

Python's parser finds the same first error as serde_json (both read in document order); this
module renames it and moves its position where serde_json reports it: the column counts the bytes
read on the line, up to the offending character, or to the end of the text at its end.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

_TOKEN = re.compile(
    r'"(?:[^"\\]|\\.)*"?'
    r"|-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?"
    r"|-?[A-Za-z]+"
    r"|[ \t\n\r]+"
    r"|.",
    re.DOTALL,
)
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?")


def position(text: str, offset: int) -> tuple[int, int]:
    """Line and column after reading ``text[:offset]``: the column counts the bytes read on the
    line (0 right after a newline)."""
    data = text[:offset].encode("utf-8", "surrogatepass")
    line = data.count(b"\n") + 1
    return line, len(data) - (data.rfind(b"\n") + 1)


def _tokens(text: str) -> Iterator[tuple[str, int, int]]:
    for m in _TOKEN.finditer(text):
        yield m.group(), m.start(), m.end()


def too_deep(text: str, limit: int) -> int | None:
    """The index of the first bracket nested deeper than ``limit``, outside strings."""
    if text.count("[") + text.count("{") <= limit:
        return None  # too few brackets to nest that deep: no need to read the text
    depth = 0
    for token, start, _ in _tokens(text):
        if token in ("[", "{"):
            depth += 1
            if depth > limit:
                return start
        elif token in ("]", "}"):
            depth -= 1
    return None


def depth_error(text: str, bracket: int, limit: int) -> str:
    """The depth-limit message for the bracket at ``bracket``: serde_json reports it after the
    whitespace that follows the bracket (and the bracket's close, when that comes next)."""
    end = bracket + 1
    while end < len(text) and text[end] in " \t\n\r":
        end += 1
    # serde_json then reads the list's or object's end, when that is what follows.
    if end < len(text) and text[end] == {"[": "]", "{": "}"}.get(text[bracket]):
        end += 1
    line, column = position(text, end)
    return f"input nests deeper than the depth limit of {limit} (line {line}, column {column})"


def _syntax(reason: str, text: str, offset: int) -> str:
    """The message, after reading ``text[:offset]`` (an error at the end of what was read)."""
    line, column = position(text, offset)
    return f"input is not valid JSON: {reason} (line {line}, column {column})"


def _at(reason: str, text: str, index: int) -> str:
    """The message, at the character at ``index`` (serde_json counts its first byte read)."""
    if index >= len(text):
        return _syntax(reason, text, len(text))
    line, column = position(text, index)
    return f"input is not valid JSON: {reason} (line {line}, column {column + 1})"


_DIGITS = "0123456789"
_I32_MAX = 2**31 - 1


def _number(text: str, i: int) -> str | None:
    """serde_json's error in the number starting at ``i``, if it has one."""
    n = len(text)
    if text[i] == "-":
        i += 1
        if i >= n:
            return _syntax("EOF while parsing a value", text, n)
        if text[i] not in _DIGITS:
            return _at("invalid number", text, i)
    zero = text[i] == "0"
    i += 1
    if zero:
        if i < n and text[i] in _DIGITS:
            return _at("invalid number", text, i)
    else:
        while i < n and text[i] in _DIGITS:
            i += 1
    significand_zero = all(c in "0.-" for c in text[: i + 1])
    if i < n and text[i] == ".":
        i += 1
        if i >= n:
            return _syntax("EOF while parsing a value", text, n)
        if text[i] not in _DIGITS:
            return _at("invalid number", text, i)
        while i < n and text[i] in _DIGITS:
            i += 1
    if i < n and text[i] in "eE":
        i += 1
        positive = True
        if i < n and text[i] in "+-":
            positive = text[i] == "+"
            i += 1
        if i >= n:
            return _syntax("EOF while parsing a value", text, n)
        if text[i] not in _DIGITS:
            return _at("invalid number", text, i)
        exponent = 0
        while i < n and text[i] in _DIGITS:
            digit = int(text[i])
            if exponent > _I32_MAX // 10 or (
                exponent == _I32_MAX // 10 and digit > _I32_MAX % 10
            ):
                if positive and not significand_zero:
                    return _at("number out of range", text, i)
                return None
            exponent = exponent * 10 + digit
            i += 1
    return None


def _ident(text: str, i: int) -> str | None:
    """serde_json's error in the ``true``, ``false`` or ``null`` starting at ``i``, if any."""
    word = {"t": "true", "f": "false", "n": "null"}[text[i]]
    for k, expected in enumerate(word[1:], start=1):
        if i + k >= len(text):
            return _syntax("EOF while parsing a value", text, len(text))
        if text[i + k] != expected:
            return _at("expected ident", text, i + k)
    return None


def _value_error(text: str, pos: int, within: bool) -> str | None:
    """serde_json's error in the number or literal Python stopped at (``within``: stopped
    inside, after its first characters), if any."""
    start = pos
    while within and start > 0 and text[start - 1] in _DIGITS + ".eE+-":
        start -= 1
    if within and start == pos:
        return None
    if start < len(text) and (text[start] == "-" or text[start] in _DIGITS):
        return _number(text, start)
    if pos < len(text) and text[pos] in "tfn":
        return _ident(text, pos)
    return None


def number_error(text: str) -> tuple[int, str]:
    """Where the first number JSON cannot hold is (``NaN``, ``Infinity``, ``1e400``), and its
    error."""
    for token, start, end in _tokens(text):
        if token in ("NaN", "Infinity"):
            return start, _at("expected value", text, start)
        if token == "-Infinity":
            return start, _at("invalid number", text, start + 1)
        if _NUMBER.fullmatch(token) and math.isinf(float(token)):
            return start, _number(text, start) or _syntax(
                "number out of range", text, end
            )
    return len(text), _syntax("number out of range", text, len(text))


def _container(text: str, pos: int) -> str | None:
    """The innermost bracket open at ``pos``: ``[``, ``{`` or ``None``."""
    stack: list[str] = []
    for token, start, _ in _tokens(text):
        if start >= pos:
            break
        if token in ("[", "{"):
            stack.append(token)
        elif token in ("]", "}") and stack:
            stack.pop()
    return stack[-1] if stack else None


def _previous(text: str, pos: int) -> str:
    i = pos - 1
    while i >= 0 and text[i] in " \t\n\r":
        i -= 1
    return text[i] if i >= 0 else ""


def decode_error(text: str, message: str, pos: int) -> str:
    """Python's ``JSONDecodeError`` (``message`` at character ``pos``) as serde_json says it."""
    if message.startswith("Unterminated string"):
        return _syntax("EOF while parsing a string", text, len(text))
    if message.startswith("Invalid control character"):
        return _syntax(
            "control character (\\u0000-\\u001F) found while parsing a string",
            text,
            pos + 1,
        )
    if message.startswith("Invalid \\escape"):
        return _at("invalid escape", text, pos + 1)
    if message.startswith("Unexpected UTF-8 BOM"):
        return _at("expected value", text, 0)
    if message in ("Expecting value", "Expecting ',' delimiter", "Extra data"):
        lexed = _value_error(text, pos, message != "Expecting value")
        if lexed is not None:
            return lexed
    if message == "Extra data":
        return _at("trailing characters", text, pos)
    inside = _container(text, pos)
    if pos >= len(text):
        before = _previous(text, pos)
        if message == "Expecting value":
            what = "a list" if before == "[" else "a value"
        elif message.startswith("Expecting property name"):
            what = "a value" if before == "," else "an object"
        else:
            what = "a list" if inside == "[" else "an object"
        return _syntax(f"EOF while parsing {what}", text, len(text))
    if text[pos] in "]}" and _previous(text, pos) == ",":
        return _at("trailing comma", text, pos)
    if message == "Expecting value":
        return _at("expected value", text, pos)
    if message.startswith("Expecting property name"):
        return _at("key must be a string", text, pos)
    if message == "Expecting ':' delimiter":
        return _at("expected `:`", text, pos)
    if message == "Expecting ',' delimiter":
        close = "]" if inside == "[" else "}"
        return _at(f"expected `,` or `{close}`", text, pos)
    return _at(message[:1].lower() + message[1:], text, pos)


_ESCAPE = re.compile(r"\\(?:u(.{0,4})|.)", re.DOTALL)
_HEX = re.compile(r"[0-9a-fA-F]{4}")


def _hex_error(text: str, index: int, digits: str) -> str | None:
    """serde_json's error in the ``\\u`` escape at ``index`` with these (up to 4) characters
    after it: it reads all four, then checks them."""
    if len(digits) < 4:
        return _syntax("EOF while parsing a string", text, len(text))
    if not _HEX.fullmatch(digits):
        return _syntax("invalid escape", text, index + 6)
    return None


def escape_error(text: str, before: int | None = None) -> tuple[int, str] | None:
    """Where the first ``\\u`` escape serde_json refuses is (too short, not hex, or half of a
    surrogate pair, which Python reads as a lone surrogate), and its error; only strings that
    start before ``before`` are looked at."""
    for token, start, _ in _tokens(text):
        if before is not None and start >= before:
            return None
        if not token.startswith('"') or "\\u" not in token:
            continue
        escapes = list(_ESCAPE.finditer(token))
        paired = -1
        for i, m in enumerate(escapes):
            if m.group(1) is None or i == paired:
                continue
            at = start + m.start()
            error = _hex_error(text, at, text[at + 2 : at + 6])
            if error is not None:
                return at, error
            n = int(text[at + 2 : at + 6], 16)
            end = at + 6
            if 0xDC00 <= n <= 0xDFFF:
                return at, _syntax("lone leading surrogate in hex escape", text, end)
            if not 0xD800 <= n <= 0xDBFF:
                continue
            following = token[m.end() : m.end() + 2]
            if following[:1] != "\\":
                return at, _syntax(
                    "unexpected end of hex escape", text, min(end + 1, len(text))
                )
            if following != "\\u":
                return at, _syntax(
                    "unexpected end of hex escape", text, min(end + 2, len(text))
                )
            second = start + escapes[i + 1].start()
            error = _hex_error(text, second, text[second + 2 : second + 6])
            if error is not None:
                return at, error
            if not 0xDC00 <= int(text[second + 2 : second + 6], 16) <= 0xDFFF:
                return at, _syntax(
                    "lone leading surrogate in hex escape", text, end + 6
                )
            paired = i + 1
    return None
