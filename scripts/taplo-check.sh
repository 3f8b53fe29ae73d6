#!/usr/bin/env bash
# The editor path of the spec language: taplo (the TOML toolkit behind Even Better TOML) reads
# each contract file's `#:schema` directive and checks the file against
# generated/cavra-spec.schema.json, as an editor does while the file is typed. A misspelt key must
# be refused. taplo comes from npm, pinned here, installed under target/taplo-check/.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$PWD/target/taplo-check
taplo_version=0.7.0
if [ ! -x "$work/node_modules/.bin/taplo" ]; then
    mkdir -p "$work"
    npm install --silent --no-audit --no-fund --prefix "$work" "@taplo/cli@$taplo_version" >/dev/null
fi
taplo=$work/node_modules/.bin/taplo
export RUST_LOG=warn

echo "-- taplo check spec/contracts/*.toml"
"$taplo" check spec/contracts/*.toml

echo "-- a misspelt key is refused"
bad=$work/misspelt.toml
printf '#:schema %s\n[family.demo]\nkind = "envelope"\ntitle = "Demo"\ntilte = "Demo"\n' \
    "$PWD/generated/cavra-spec.schema.json" >"$bad"
if out=$("$taplo" check "$bad" 2>&1); then
    echo "error: taplo accepted a misspelt key:" >&2
    echo "$out" >&2
    exit 1
fi
grep -q "'tilte' was unexpected" <<<"$out" || { echo "$out" >&2; exit 1; }
echo "taplo-check: ok"
