"""Upstream's `_reject_sensitive_material` (UPSTREAM.md 8.1-8.3), re-implemented in Python for the
validate row's baseline: reads a `{"request", "response"}` exchange and prints how many documents
per second it checks. Usage: python3 upstream_reject.py EXCHANGE.json [SECONDS]"""

import json
import re
import sys
import time

SENSITIVE_KEY_PARTS = (
    "api_key", "authorization", "client_secret", "password", "private_key",
    "secret", "signing_key", "token", "webhook_secret",
)
SENSITIVE_VALUE_PATTERNS = tuple(re.compile(p) for p in (
    r"\bgh[pousr]_[A-Za-z0-9_]{20,}\b",
    r"\bsk_(?:live|test)_[A-Za-z0-9_]{16,}\b",
    r"\bxox[baprs]-[A-Za-z0-9-]{16,}\b",
    r"-----BEGIN [A-Z ]*PRIVATE KEY-----",
))


class SaaSContractError(ValueError):
    pass


def _reject_sensitive_material(value, path="payload"):
    if isinstance(value, dict):
        for key, item in value.items():
            lowered = str(key).lower()
            if any(part in lowered for part in SENSITIVE_KEY_PARTS):
                raise SaaSContractError(
                    f"sensitive field is not allowed in public SaaS contract payload: {path}.{key}")
            _reject_sensitive_material(item, f"{path}.{key}")
    elif isinstance(value, (list, tuple, set)):
        for index, item in enumerate(value):
            _reject_sensitive_material(item, f"{path}[{index}]")
    elif isinstance(value, str):
        if any(pattern.search(value) for pattern in SENSITIVE_VALUE_PATTERNS):
            raise SaaSContractError(
                f"sensitive value is not allowed in public SaaS contract payload: {path}")


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        exchange = json.load(f)
    seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 2.0
    docs = (exchange["request"], exchange["response"])
    count = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        for _ in range(100):
            for doc in docs:
                _reject_sensitive_material(doc)
            count += 2
    elapsed = time.perf_counter() - start
    print(f"{count / elapsed:.1f}")


if __name__ == "__main__":
    main()
