"""The machine-checked public-safe boundary: sensitive key parts and token-like values.

The same rules, order, paths and redaction as ``cavra_runtime::boundary``: a key is refused when
it contains a sensitive key part after both are lower-cased and stripped of ``_``, ``-``, ``.``
and spaces; a string is refused when a value rule finds a secret in it. Messages name the path,
never the value.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

from ._problems import Violation, child, index

#: How many strings a boundary remembers as clean: a document repeats its keys and words.
_CLEAN_CACHE = 65536
#: More secrets than this in one text: the text is withheld whole.
_MAX_SECRETS = 64


def normalize_key(key: str) -> str:
    """Lower-case, separators removed: ``X-Api_Key`` is ``xapikey``."""
    return "".join(c.lower() for c in key if c not in "_-. ")


def redact(secret: bytes) -> str:
    """``ghp_…(40 chars)``: the first four bytes of a secret of 16 or more, none of a shorter."""
    shown = 4 if len(secret) >= 16 else 0
    return f"{secret[:shown].decode('latin-1')}…({len(secret)} chars)"


def entropy(data: bytes) -> float:
    """Shannon entropy of ``data``, in bits per byte."""
    if not data:
        return 0.0
    counts = [0] * 256
    for b in data:
        counts[b] += 1
    n = float(len(data))
    total = 0.0
    for c in counts:
        if c > 0:
            p = c / n
            total += -p * math.log2(p)
    return total


@dataclass(frozen=True)
class ValueRule:
    """A token-like value rule: its pattern (spelt for Python's ``re``), the keywords one of
    which must occur for it to run, its entropy floor and its allow list."""

    name: str
    family: str
    pattern: str
    keywords: tuple[str, ...] = ()
    min_entropy: float = 0.0
    allow: tuple[str, ...] = ()


@dataclass(frozen=True)
class ValueHit:
    """A value rule's hit: the rule and the secret's byte range in the UTF-8 text."""

    rule: ValueRule
    start: int
    end: int


@dataclass(frozen=True)
class Finding:
    """A secret-shaped key or value found in a document, with the secret redacted."""

    path: str
    kind: str
    rule: str
    family: str
    redacted: str

    def to_dict(self) -> dict[str, str]:
        """The finding as ``scan --format json`` lists it."""
        return {
            "path": self.path,
            "message": self.violation().message,
            "kind": self.kind,
            "rule": self.rule,
            "family": self.family,
            "redacted": self.redacted,
        }

    def violation(self) -> Violation:
        """The violation a validator reports for it (upstream's messages)."""
        if self.kind == "duplicate":
            return Violation(
                self.path,
                "duplicate key: an object holds each key once, and a later value would "
                "shadow this one",
            )
        what = "field" if self.kind == "key" else "value"
        return Violation(
            self.path,
            f"sensitive {what} is not allowed in public SaaS contract payload: {self.path}",
        )


@dataclass
class _Compiled:
    rules: list[
        tuple[
            ValueRule,
            re.Pattern[bytes],
            list[re.Pattern[bytes]],
            list[int],
            list[bytes],
        ]
    ]
    allow: list[re.Pattern[bytes]]
    key_parts: list[tuple[str, str]]
    clean: dict[str, None] = field(default_factory=dict)


def _is_secret_group(name: str) -> bool:
    return name == "secret" or (
        name.startswith("s") and name[1:].isdigit() and name[1:].isascii()
    )


class Boundary:
    """The machine-checked boundary: sensitive key parts and token-like value rules."""

    def __init__(
        self,
        key_parts: tuple[str, ...],
        value_rules: tuple[ValueRule, ...],
        allow_values: tuple[str, ...],
    ) -> None:
        self.key_parts = key_parts
        self.value_rules = value_rules
        self.allow_values = allow_values
        self._compiled: _Compiled | None = None

    def _rules(self) -> _Compiled:
        if self._compiled is None:
            rules = []
            for rule in self.value_rules:
                regex = re.compile(rule.pattern.encode("ascii"))
                groups = sorted(
                    i for name, i in regex.groupindex.items() if _is_secret_group(name)
                )
                allow = [re.compile(a.encode("ascii")) for a in rule.allow]
                keywords = [k.encode().lower() for k in rule.keywords]
                rules.append((rule, regex, allow, groups, keywords))
            self._compiled = _Compiled(
                rules=rules,
                allow=[re.compile(a.encode("ascii")) for a in self.allow_values],
                key_parts=[(p, normalize_key(p)) for p in self.key_parts],
            )
        return self._compiled

    def key_hit(self, key: str) -> str | None:
        """The first sensitive key part (in spec order) that ``key`` contains, if any."""
        normal = normalize_key(key)
        for part, normal_part in self._rules().key_parts:
            if normal_part and normal_part in normal:
                return part
        return None

    def first_value_hit(self, value: str) -> ValueHit | None:
        """The first rule, in spec order, that finds a secret in ``value``."""
        compiled = self._rules()
        if value in compiled.clean:
            return None
        data = value.encode("utf-8", "surrogatepass")
        lower = data.lower()
        for rule, regex, allow, groups, keywords in compiled.rules:
            if keywords and not any(k in lower for k in keywords):
                continue
            for m in regex.finditer(data):
                start, end = m.span()
                for g in groups:
                    if m.start(g) != -1:
                        start, end = m.span(g)
                        break
                secret = data[start:end]
                if any(a.search(secret) for a in compiled.allow) or any(
                    a.search(secret) for a in allow
                ):
                    continue
                if entropy(secret) < rule.min_entropy:
                    continue
                return ValueHit(rule, start, end)
        if len(compiled.clean) < _CLEAN_CACHE:
            compiled.clean[value] = None
        return None

    def value_hit(self, value: str) -> bool:
        """Whether ``value`` holds a token-like secret."""
        return self.first_value_hit(value) is not None

    def redact_secrets(self, text: str) -> str:
        """``text`` with every secret a value rule finds in it replaced by its redacted form."""
        hit = self.first_value_hit(text)
        if hit is None:
            return text
        out = text.encode("utf-8", "surrogatepass")
        for _ in range(_MAX_SECRETS):
            start, end = hit.start, hit.end
            # A secret may end inside a multi-byte character: widen to whole characters.
            while 0 < start < len(out) and out[start] & 0xC0 == 0x80:
                start -= 1
            while 0 < end < len(out) and out[end] & 0xC0 == 0x80:
                end += 1
            out = out[:start] + redact(out[start:end]).encode() + out[end:]
            next_hit = self.first_value_hit(out.decode("utf-8", "surrogatepass"))
            if next_hit is None:
                return out.decode("utf-8", "surrogatepass")
            hit = next_hit
        return f"…({len(text.encode('utf-8', 'surrogatepass'))} chars, withheld)"

    def redact_message(self, text: str) -> str:
        """A message redacted for showing: each quoted part on its own first, then the whole."""
        parts = text.split("`")
        out = []
        changed = False
        for i, part in enumerate(parts):
            redacted = self.redact_secrets(part)
            if i % 2 == 1 and redacted != part:
                changed = True
                out.append(redacted)
            else:
                out.append(part)
        joined = "`".join(out) if changed else text
        return self.redact_secrets(joined)

    def findings(self, value: Any, path: str) -> list[Finding]:
        """Every sensitive key and token-like value in ``value``, each at its path."""
        out: list[Finding] = []
        self._walk(value, path, [], out)
        return out

    def scan(self, value: Any, path: str) -> list[Violation]:
        """:meth:`findings` as the violations a validator reports."""
        return [f.violation() for f in self.findings(value, path)]

    def render(self, root: str, stack: list[str | int]) -> str:
        """The path of ``stack`` under ``root``, every token-like key redacted."""
        path = root
        for segment in stack:
            if isinstance(segment, int):
                path = index(path, segment)
            else:
                path = child(path, self.redact_secrets(segment))
        return path

    def _walk(
        self, value: Any, root: str, stack: list[str | int], out: list[Finding]
    ) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                stack.append(key)
                part = self.key_hit(key)
                if part is not None:
                    out.append(
                        Finding(
                            self.render(root, stack),
                            "key",
                            part,
                            "key",
                            redact(key.encode("utf-8", "surrogatepass")),
                        )
                    )
                else:
                    hit = self.first_value_hit(key)
                    if hit is not None:
                        secret = key.encode("utf-8", "surrogatepass")[
                            hit.start : hit.end
                        ]
                        out.append(
                            Finding(
                                self.render(root, stack),
                                "key",
                                hit.rule.name,
                                hit.rule.family,
                                redact(secret),
                            )
                        )
                self._walk(item, root, stack, out)
                stack.pop()
        elif isinstance(value, list):
            for i, item in enumerate(value):
                stack.append(i)
                self._walk(item, root, stack, out)
                stack.pop()
        elif isinstance(value, str):
            hit = self.first_value_hit(value)
            if hit is not None:
                secret = value.encode("utf-8", "surrogatepass")[hit.start : hit.end]
                out.append(
                    Finding(
                        self.render(root, stack),
                        "value",
                        hit.rule.name,
                        hit.rule.family,
                        redact(secret),
                    )
                )
