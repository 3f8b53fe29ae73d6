"""Many documents per run, as ``cavra``'s: files, directories searched for ``*.json`` in path
order, and JSON Lines streams; a result per document naming its file and line, then a summary;
text, JSON and SARIF byte for byte as ``cavra`` prints them. Documents are read one at a time."""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO, Any

from ._boundary import Finding
from ._catalog import Catalog, UsageError
from ._gate import GateReport
from ._input import InputError, parse, read, size
from ._problems import Violation
from ._wire import VERSION


@dataclass
class Checked:
    """What a command found in one document: ``kind`` is ``unreadable``, ``validated``,
    ``scanned`` or ``gated``."""

    kind: str
    error: str = ""
    problems: list[Violation] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    contract: str | None = None
    report: GateReport | None = None

    def code(self) -> int:
        """0 valid, clean or ready; 1 invalid, refused or blocked; 2 unreadable."""
        if self.kind == "unreadable":
            return 2
        if self.report is not None:
            return 1 if self.report.blockers else 0
        return 1 if (self.problems or self.findings) else 0

    def all_problems(self) -> list[Violation]:
        """The problems as violations (a scan's findings, a gate's blockers at the root)."""
        if self.kind == "scanned":
            return [f.violation() for f in self.findings]
        if self.report is not None:
            return [Violation("", b) for b in self.report.blockers]
        return self.problems


def check(
    catalog: Catalog,
    command: str,
    data: bytes,
    operation: str | None,
    part: str | None,
    max_bytes: int,
    max_depth: int,
) -> Checked:
    """Runs ``command`` (``validate``, ``scan`` or ``gate``) on one document's bytes."""
    if command == "validate" and part is not None and operation is None:
        return Checked(
            "unreadable",
            "--part needs --operation: a bare payload or summary does not name its operation",
        )
    try:
        doc = parse(data, max_bytes, max_depth)
    except InputError as e:
        return Checked("unreadable", str(e))
    if command == "validate":
        try:
            found = catalog.validate(doc.value, operation, part)
        except UsageError as e:
            return Checked("unreadable", str(e))
        found.extend(
            doc.shadowed_violations(catalog.boundary, "payload" if operation else "")
        )
        return Checked("validated", problems=found)
    if command == "scan":
        findings = catalog.boundary.findings(doc.value, "")
        findings.extend(doc.shadowed_findings(catalog.boundary, ""))
        return Checked("scanned", findings=findings)
    shadowed = doc.shadowed_violations(catalog.boundary, "")
    contract, found, report = catalog.gate(doc.value)
    if report is None:
        return Checked("gated", problems=found + shadowed)
    if shadowed:
        # A duplicate key makes the document ambiguous: it is refused, its gates unreported.
        return Checked("gated", problems=shadowed)
    return Checked("gated", contract=contract, report=report)


def files(paths: list[str]) -> list[str]:
    """The files ``paths`` name: a directory's ``*.json`` files (hidden ones skipped) sorted by
    path in its place; no path is standard input."""
    if not paths:
        return ["-"]
    out: list[str] = []
    for path in paths:
        if os.path.isdir(path):
            found: list[str] = []
            for root, dirs, names in os.walk(path):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                found.extend(
                    os.path.join(root, n)
                    for n in names
                    if n.endswith(".json") and not n.startswith(".")
                )
            out.extend(sorted(found))
        else:
            out.append(path)
    return out


def documents(
    paths: list[str], jsonl: bool, max_bytes: int
) -> Iterator[tuple[str, int | None, bytes | str]]:
    """Every document: ``(file, line, bytes)``, or an error message instead of the bytes."""
    for path in files(paths):
        if not jsonl:
            try:
                yield path, None, read(path, max_bytes)
            except InputError as e:
                yield path, None, str(e)
            continue
        try:
            stream: IO[bytes] = sys.stdin.buffer if path == "-" else open(path, "rb")
        except OSError as e:
            yield path, None, f"cannot read `{path}`: {e.strerror} (os error {e.errno})"
            continue
        # Standard input is left open; a file is closed when its lines are read.
        with contextlib.nullcontext(stream) if path == "-" else stream:
            for number, line in enumerate(_lines(stream, max_bytes), start=1):
                # Blank as Rust's `is_ascii_whitespace` says (no vertical tab).
                if isinstance(line, str) or line.strip(b" \t\n\r\x0c"):
                    yield path, number, line


def _lines(stream: IO[bytes], max_bytes: int) -> Iterator[bytes | str]:
    """Each line, without its end; a line over ``max_bytes`` as the size error."""
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while True:  # the rest of the line, skipped a piece at a time
                rest = stream.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
            yield f"input is larger than the size limit of {size(max_bytes)}"
            continue
        yield line.rstrip(b"\r\n")


def _compact(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


_SARIF_HEAD = (
    '{"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0", '
    '"runs": [{"results": ['
)
_WORDS = {
    "validate": ("valid", "invalid"),
    "scan": ("clean", "refused"),
    "gate": ("ready", "blocked or invalid"),
}


class Writer:
    """Writes results as they come, as ``cavra``'s many-document output."""

    def __init__(self, command: str, fmt: str, out: list[str]) -> None:
        self.command, self.fmt, self.out = command, fmt, out
        self.written = 0
        self.results = 0
        self.rules: list[tuple[str, str]] = []
        self.summary = {"documents": 0, "valid": 0, "invalid": 0, "unreadable": 0}

    def document(self, file: str, line: int | None, checked: Checked) -> None:
        """One document's result."""
        key = {0: "valid", 1: "invalid"}.get(checked.code(), "unreadable")
        self.summary["documents"] += 1
        self.summary[key] += 1
        first = self.written == 0
        self.written += 1
        name = file if line is None else f"{file}:{line}"
        if self.fmt == "text":
            self._text(name, checked)
        elif self.fmt == "json":
            self.out.append('{"documents": [\n  ' if first else ",\n  ")
            self.out.append(_compact(self._json(file, line, checked)))
        else:
            if first:
                self.out.append(_SARIF_HEAD + "\n  ")
            for result in self._sarif(file, line, checked):
                self.out.append("" if self.results == 0 else ",\n  ")
                self.results += 1
                self.out.append(_compact(result))

    def finish(self) -> int:
        """The summary; the exit code."""
        s = self.summary
        if self.fmt == "text":
            plural = "" if s["documents"] == 1 else "s"
            passed, failed = _WORDS[self.command]
            self.out.append(
                f"{s['documents']} document{plural}: {s['valid']} {passed}, "
                f"{s['invalid']} {failed}, {s['unreadable']} unreadable\n"
            )
        elif self.fmt == "json":
            opening = '{"documents": [' if self.written == 0 else "\n"
            self.out.append(f'{opening}], "summary": {_compact(s)}}}\n')
        else:
            opening = _SARIF_HEAD if self.written == 0 else "\n"
            rules = [
                {
                    "id": rule,
                    "shortDescription": {"text": text},
                    "defaultConfiguration": {"level": "error"},
                }
                for rule, text in self.rules
            ]
            tool = {
                "driver": {
                    "name": "cavra",
                    "informationUri": "https://github.com/cavra-contracts/cavra-contracts",
                    "version": VERSION,
                    "rules": rules,
                }
            }
            self.out.append(
                f'{opening}], "tool": {_compact(tool)}, '
                f'"properties": {{"summary": {_compact(s)}}}}}]}}\n'
            )
        if s["unreadable"]:
            return 2
        return 1 if s["invalid"] else 0

    def _text(self, name: str, checked: Checked) -> None:
        if checked.kind == "unreadable":
            self.out.append(f"{name}: error: {checked.error}\n")
        elif checked.report is not None:
            status = "blocked" if checked.report.blockers else "ready"
            self.out.append(f"{name}: {checked.contract}: {status}\n")
            self.out.extend(f"{name}: - {b}\n" for b in checked.report.blockers)
        else:
            problems = checked.all_problems()
            if not problems:
                self.out.append(f"{name}: {_WORDS[self.command][0]}\n")
            self.out.extend(f"{name}: {p}\n" for p in problems)

    def _json(self, file: str, line: int | None, checked: Checked) -> dict[str, Any]:
        value: dict[str, Any] = {
            "file": file,
            "line": line,
            "valid": checked.code() == 0,
            "problems": [p.to_dict() for p in checked.all_problems()],
        }
        if checked.kind == "unreadable":
            value["error"] = checked.error
        elif checked.kind == "scanned":
            value["findings"] = [f.to_dict() for f in checked.findings]
        elif checked.report is not None:
            value["contract"] = checked.contract
            value["status"] = checked.report.status
            value["blockers"] = list(checked.report.blockers)
        return value

    def _sarif(
        self, file: str, line: int | None, checked: Checked
    ) -> list[dict[str, Any]]:
        physical: dict[str, Any] = {"artifactLocation": {"uri": file}}
        if line is not None:
            physical["region"] = {"startLine": line}
        out = []

        def add(rule: str, about: str, path: str, text: str) -> None:
            ids = [r[0] for r in self.rules]
            if rule not in ids:
                self.rules.append((rule, about))
                ids.append(rule)
            location: dict[str, Any] = {"physicalLocation": physical}
            if path:
                location["logicalLocations"] = [
                    {"fullyQualifiedName": path, "kind": "member"}
                ]
            out.append(
                {
                    "ruleId": rule,
                    "ruleIndex": ids.index(rule),
                    "level": "error",
                    "message": {"text": text},
                    "locations": [location],
                }
            )

        if checked.kind == "unreadable":
            add(
                "unreadable",
                "The input is not a JSON document within the limits.",
                "",
                checked.error,
            )
        elif checked.kind == "scanned":
            for f in checked.findings:
                add(
                    f.rule,
                    f"A {f.kind} finding of family `{f.family}`.",
                    f.path,
                    f"{f.violation().message} ({f.redacted})",
                )
        elif checked.report is not None:
            for b in checked.report.blockers:
                add("gate", "A readiness gate of the evidence contract fails.", "", b)
        else:
            for v in checked.problems:
                add(
                    "contract",
                    "The document breaks its public-safe contract.",
                    v.path,
                    v.message,
                )
        return out
