"""``python -m cavra_contracts validate|scan|gate``: what the ``cavra`` CLI prints for the same
input, with the same exit codes (0 valid, clean or ready; 1 invalid, refused or blocked;
2 unreadable input or bad usage)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from typing import Any

from ._batch import Checked, Writer, check, documents
from ._boundary import Boundary, Finding
from ._catalog import Catalog
from ._input import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_DEPTH,
    DEPTH_CEILING,
    InputError,
    read,
)
from ._problems import Violation
from ._wire import VERSION

Outcome = tuple[int, str, str]


def _pretty(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


def _usage(message: object) -> Outcome:
    return 2, "", f"error: {message}\n"


def _lines(found: list[Violation]) -> str:
    return "".join(f"{v}\n" for v in found)


def _verdict(found: list[Violation], fmt: str) -> Outcome:
    code = 1 if found else 0
    if fmt == "json":
        return (
            code,
            _pretty({"valid": not found, "problems": [v.to_dict() for v in found]}),
            "",
        )
    return code, _lines(found) if found else "valid\n", ""


def validate(
    catalog: Catalog,
    data: bytes,
    operation: str | None,
    part: str | None,
    fmt: str,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_depth: int = DEFAULT_MAX_DEPTH,
) -> Outcome:
    """``validate``: every problem of a document."""
    checked = check(catalog, "validate", data, operation, part, max_bytes, max_depth)
    if checked.kind == "unreadable":
        return _usage(checked.error)
    return _verdict(checked.problems, fmt)


def _describe_rule(boundary: Boundary, rule: str, kind: str, family: str) -> str:
    if kind == "duplicate":
        return "An object key occurs twice: a value could hide behind it."
    if kind == "key" and rule in boundary.key_parts:
        return f"A key holds the sensitive key part `{rule}`."
    return f"A token-like value of family `{family}` (rule `{rule}`)."


def sarif(boundary: Boundary, findings: list[Finding], source: str) -> dict[str, Any]:
    """The SARIF 2.1.0 log of ``findings``, made in ``source`` (a path, or ``-``)."""
    rules: list[tuple[str, str, str]] = []
    for f in findings:
        if not any(r[0] == f.rule for r in rules):
            rules.append((f.rule, f.kind, f.family))
    results = []
    for f in findings:
        location: dict[str, Any] = {
            "logicalLocations": [{"fullyQualifiedName": f.path, "kind": "member"}]
        }
        if source != "-":
            location["physicalLocation"] = {"artifactLocation": {"uri": source}}
        results.append(
            {
                "ruleId": f.rule,
                "ruleIndex": next(i for i, r in enumerate(rules) if r[0] == f.rule),
                "level": "error",
                "message": {"text": f"{f.violation().message} ({f.redacted})"},
                "locations": [location],
            }
        )
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "cavra",
                        "informationUri": "https://github.com/cavra-contracts/cavra-contracts",
                        "version": VERSION,
                        "rules": [
                            {
                                "id": rule,
                                "shortDescription": {
                                    "text": _describe_rule(boundary, rule, kind, family)
                                },
                                "defaultConfiguration": {"level": "error"},
                                "properties": {"family": family, "kind": kind},
                            }
                            for rule, kind, family in rules
                        ],
                    }
                },
                "results": results,
            }
        ],
    }


def scan(
    catalog: Catalog,
    data: bytes,
    source: str,
    fmt: str,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_depth: int = DEFAULT_MAX_DEPTH,
) -> Outcome:
    """``scan``: the boundary scanner alone, on any JSON."""
    checked = check(catalog, "scan", data, None, None, max_bytes, max_depth)
    if checked.kind == "unreadable":
        return _usage(checked.error)
    findings = checked.findings
    code = 1 if findings else 0
    if fmt == "json":
        listed = [f.to_dict() for f in findings]
        return code, _pretty({"clean": not findings, "findings": listed}), ""
    if fmt == "sarif":
        return code, _pretty(sarif(catalog.boundary, findings, source)), ""
    if not findings:
        return 0, "clean\n", ""
    return 1, _lines([f.violation() for f in findings]), ""


def gate(
    catalog: Catalog,
    data: bytes,
    fmt: str,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_depth: int = DEFAULT_MAX_DEPTH,
) -> Outcome:
    """``gate``: validates an evidence document and evaluates its readiness gates."""
    checked = check(catalog, "gate", data, None, None, max_bytes, max_depth)
    if checked.kind == "unreadable":
        return _usage(checked.error)
    contract, report = checked.contract, checked.report
    if report is None:
        return _verdict(checked.problems, fmt)
    code = 1 if report.blockers else 0
    if fmt == "json":
        body = {
            "contract": contract,
            "status": report.status,
            "blockers": list(report.blockers),
        }
        return code, _pretty(body), ""
    text = f"{contract}: {'blocked' if code else 'ready'}\n"
    text += "".join(f"- {b}\n" for b in report.blockers)
    return code, text, ""


_U64_MAX = 2**64 - 1


def _whole(text: str) -> int:
    """A whole number as Rust's integer parsing reads it: ASCII digits, an optional ``+``."""
    digits = text[1:] if text.startswith("+") else text
    if not digits or not all("0" <= c <= "9" for c in digits):
        raise argparse.ArgumentTypeError(f"invalid digit found in string: {text!r}")
    return int(digits)


def _bytes(text: str) -> int:
    n = _whole(text)
    if n > _U64_MAX:
        raise argparse.ArgumentTypeError("number too large to fit in target type")
    return n


def _depth(text: str) -> int:
    n = _whole(text)
    if not 1 <= n <= DEPTH_CEILING:
        raise argparse.ArgumentTypeError(f"{n} is not in 1..={DEPTH_CEILING}")
    return n


class _Once(argparse.Action):
    """An option given once: a second occurrence is an error, as clap says."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        seen: set[str] = getattr(namespace, "_seen", set())
        if self.dest in seen:
            parser.error(
                f"the argument '{option_string}' cannot be used multiple times"
            )
        seen.add(self.dest)
        namespace._seen = seen
        setattr(namespace, self.dest, values)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m cavra_contracts",
        description="Validate, scan and gate CAVRA public-safe contract documents.",
        allow_abbrev=False,
    )
    parser.add_argument("--version", action="version", version=f"cavra {VERSION}")
    commands = parser.add_subparsers(dest="command", required=True)

    def add_input(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "files",
            nargs="*",
            help="files, directories (searched for *.json) or - for standard input",
        )
        p.add_argument(
            "--jsonl",
            action="store_true",
            help="each file (or standard input) is a JSON Lines stream",
        )
        p.add_argument(
            "--max-bytes",
            type=_bytes,
            default=DEFAULT_MAX_BYTES,
            metavar="BYTES",
            action=_Once,
        )
        p.add_argument(
            "--max-depth",
            type=_depth,
            default=DEFAULT_MAX_DEPTH,
            metavar="LEVELS",
            action=_Once,
        )

    def command(name: str, help: str) -> argparse.ArgumentParser:
        return commands.add_parser(name, help=help, allow_abbrev=False)

    v = command(
        "validate",
        "validate an envelope, an exchange, an evidence document or a bare part",
    )
    v.add_argument(
        "--operation",
        metavar="OP",
        help="the operation of a bare payload or summary",
        action=_Once,
    )
    v.add_argument("--part", choices=["request", "response", "summary"], action=_Once)
    v.add_argument(
        "--format", choices=["text", "json", "sarif"], default="text", action=_Once
    )
    add_input(v)
    s = command("scan", "scan any JSON for sensitive keys and token-like values")
    s.add_argument(
        "--format", choices=["text", "json", "sarif"], default="text", action=_Once
    )
    add_input(s)
    g = command("gate", "evaluate an evidence document's readiness gates")
    g.add_argument(
        "--format", choices=["text", "json", "sarif"], default="text", action=_Once
    )
    add_input(g)
    return parser


def _emit(stream: Any, text: str) -> None:
    """Writes UTF-8, whatever the locale (a redaction's ``…`` must not fail to print)."""
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        stream.write(text)
        return
    stream.flush()
    buffer.write(text.encode("utf-8", "surrogateescape"))
    buffer.flush()


def main(catalog: Catalog, argv: Sequence[str] | None = None) -> int:
    """Runs the CLI on ``argv`` (the process's arguments when ``None``); returns the exit code."""
    args = _parser().parse_args(argv)
    if args.command == "validate" and (args.operation is None) != (args.part is None):
        missing = "--part" if args.part is None else "--operation"
        given = "--operation" if args.part is None else "--part"
        code, out, err = _usage(f"{given} requires {missing}")
    elif not _single(args):
        return _batch(catalog, args)
    else:
        file = args.files[0] if args.files else None
        try:
            data = read(file, args.max_bytes)
        except InputError as e:
            code, out, err = _usage(e)
        else:
            if args.command == "validate":
                code, out, err = validate(
                    catalog,
                    data,
                    args.operation,
                    args.part,
                    args.format,
                    args.max_bytes,
                    args.max_depth,
                )
            elif args.command == "scan":
                source = file if file is not None else "-"
                code, out, err = scan(
                    catalog, data, source, args.format, args.max_bytes, args.max_depth
                )
            else:
                code, out, err = gate(
                    catalog, data, args.format, args.max_bytes, args.max_depth
                )
    _emit(sys.stdout, out)
    _emit(sys.stderr, err)
    return code


def _single(args: argparse.Namespace) -> bool:
    """Whether the run reads one whole document, printed as a single document is."""
    if args.jsonl or len(args.files) > 1:
        return False
    if args.files and os.path.isdir(args.files[0]):
        return False
    return not (args.command != "scan" and args.format == "sarif")


def _batch(catalog: Catalog, args: argparse.Namespace) -> int:
    """Many documents: a result each, in input order, then the summary."""
    operation = getattr(args, "operation", None)
    part = getattr(args, "part", None)
    chunks: list[str] = []
    writer = Writer(args.command, args.format, chunks)
    for file, line, data in documents(args.files, args.jsonl, args.max_bytes):
        if isinstance(data, str):
            checked = Checked("unreadable", data)
        else:
            checked = check(
                catalog,
                args.command,
                data,
                operation,
                part,
                args.max_bytes,
                args.max_depth,
            )
        writer.document(file, line, checked)
        _emit(sys.stdout, "".join(chunks))
        chunks.clear()
    code = writer.finish()
    _emit(sys.stdout, "".join(chunks))
    return code
