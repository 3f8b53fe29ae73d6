#!/usr/bin/env bash
# The generated Python package as its users get it: `pip install ./generated/python` into a fresh
# virtual environment, its unittest suite (tests/python/) run there against the installed package
# (not the source tree), then ruff, ruff format and mypy --strict over the package and its tests.
# The checkers come from PyPI, pinned in scripts/python-tools.txt. Everything is written under
# target/python-check/; the source tree is left as it was.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=$root/target/python-check
python=${CAVRA_PYTHON:-python3}
state() { git status --porcelain --untracked-files=all generated/python tests/python; }
before=$(state)
rm -rf "$work"
"$python" -m venv "$work/venv"
bin=$work/venv/bin
export PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONPYCACHEPREFIX=$work/pycache
"$bin/pip" install --quiet ./generated/python -r scripts/python-tools.txt

echo "-- installed: $("$bin/python" -c 'import cavra_contracts, sys; print(cavra_contracts.__file__)')"
echo "-- python -m cavra_contracts validate (seed 004 request)"
"$bin/python" -m cavra_contracts validate tests/fixtures/seed-004/request.json

echo "-- unittest (tests/python, against the installed package)"
(cd "$work" && PYTHONPATH=$root/tests/python "$bin/python" -m unittest discover -s "$root/tests/python" -t "$root/tests/python")

config=generated/python/pyproject.toml
echo "-- ruff check"
"$bin/ruff" check --no-cache --config "$config" generated/python tests/python
echo "-- ruff format --check"
"$bin/ruff" format --check --no-cache --config "$config" generated/python tests/python
echo "-- mypy --strict (the installed package, and its tests)"
(cd "$work" && MYPYPATH=$root/tests/python "$bin/mypy" --strict --config-file "$root/$config" --cache-dir "$work/mypy" -p cavra_contracts)
(cd "$work" && MYPYPATH=$root/tests/python "$bin/mypy" --strict --config-file "$root/$config" --cache-dir "$work/mypy" "$root/tests/python")
if [ "$(state)" != "$before" ]; then
    echo "error: checking the package changed the source tree:" >&2
    diff <(echo "$before") <(state) >&2 || true
    exit 1
fi
echo "python-check: ok"
