"""Runs many ``python -m cavra_contracts`` command lines in one process, for the Rust tests that
compare them with ``cavra`` (one process per command would spend its time importing).

Reads JSON lines ``{"args": [...], "stdin": [bytes...]}`` and writes one JSON line
``{"code", "stdout", "stderr"}`` for each, as the command would have exited and printed.
"""

from __future__ import annotations

import io
import json
import sys

from cavra_contracts._cli import main
from cavra_contracts.catalog import CATALOG


def run(args: list[str], stdin: bytes) -> dict[str, object]:
    """One command line, its standard streams captured."""
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdin, sys.stdout, sys.stderr
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    sys.stdout, sys.stderr = out, err
    try:
        code: object = main(CATALOG, args)
    except SystemExit as e:  # argparse refusing the command line
        code = e.code
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved
    return {"code": code, "stdout": out.getvalue(), "stderr": err.getvalue()}


def batch() -> None:
    """Every command line of standard input, in order."""
    for line in sys.stdin:
        item = json.loads(line)
        result = run(item["args"], bytes(item["stdin"]))
        sys.stdout.write(json.dumps(result) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    batch()
