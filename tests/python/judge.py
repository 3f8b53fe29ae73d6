"""The conformance suite's Python judge: reads JSON lines ``{"doc", "operation", "part"}`` and
writes, for each, one JSON line with every problem ``cavra_contracts`` finds, as
``[path, message]`` pairs (``[]`` when the document is valid)."""

from __future__ import annotations

import json
import sys

from cavra_contracts import CATALOG


def judge() -> None:
    """Every document of standard input, in order."""
    for line in sys.stdin:
        item = json.loads(line)
        problems = CATALOG.validate(
            item["doc"], item.get("operation"), item.get("part")
        )
        sys.stdout.write(json.dumps([[p.path, p.message] for p in problems]) + "\n")


if __name__ == "__main__":
    judge()
