#!/usr/bin/env bash
# Runs the benchmarks and prints one table: every row a ratio against a baseline measured in the
# same run (README "Performance"). `scripts/bench.sh --smoke` runs each benchmark once (what CI
# does, so the benches never rot) and prints no table.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never

if [ "${1:-}" = "--smoke" ]; then
    cargo test -q -p cavra-benches --benches
    cargo run -q -p cavra-benches --bin peak_memory >/dev/null
    exit 0
fi

out=target/bench
mkdir -p "$out"

echo "== cargo bench (criterion)" >&2
cargo bench -q -p cavra-benches --benches -- --warm-up-time 1 --measurement-time 3 >"$out/criterion.txt" 2>&1 || {
    cat "$out/criterion.txt" >&2
    exit 1
}

echo "== python baseline" >&2
cargo run -q --release -p cavra -- saas operating-automation tenant-demo --requested-by console \
    --correlation-id saas-example >"$out/exchange.json"
python_rate=""
if command -v python3 >/dev/null; then
    python_rate=$(python3 benches/python/upstream_reject.py "$out/exchange.json" 3)
fi

echo "== peak memory" >&2
read -r peak doc_bytes < <(cargo run -q --release -p cavra-benches --bin peak_memory)

echo "== derive compile time" >&2
derive_dir=target/bench-derive
rm -rf "$derive_dir/derive" "$derive_dir/serde"
root=$(pwd)
for kind in derive serde; do
    mkdir -p "$derive_dir/$kind/src"
    cat >"$derive_dir/$kind/Cargo.toml" <<TOML
[package]
name = "bench-$kind"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
cavra = { path = "$root/generated" }

[workspace]
TOML
    {
        echo "#![allow(dead_code, missing_docs)]"
        echo "use cavra::CavraContract;"
        for i in $(seq 1 50); do
            if [ "$kind" = derive ]; then
                echo "#[derive(cavra::serde::Serialize, CavraContract)]"
                echo "#[cavra(operation = \"saas_operating_automation_worker_handoff\", part = \"request\")]"
            else
                echo "#[derive(cavra::serde::Serialize)]"
            fi
            echo "#[serde(crate = \"cavra::serde\")]"
            echo "pub struct Handoff$i { pub deployment_environment: String, pub worker_mode: String, pub required_checks: Vec<String>, pub worker_targets: Vec<String>, pub handoff_boundary: String }"
        done
    } >"$derive_dir/$kind/src/lib.rs"
done
export CARGO_TARGET_DIR="$root/$derive_dir/target"
for kind in derive serde; do
    cargo build -q --manifest-path "$derive_dir/$kind/Cargo.toml"
done
declare -A best
for kind in derive serde; do
    best[$kind]=999999
    for _ in 1 2 3; do
        touch "$derive_dir/$kind/src/lib.rs"
        start=$(date +%s%N)
        cargo build -q --manifest-path "$derive_dir/$kind/Cargo.toml"
        ms=$((($(date +%s%N) - start) / 1000000))
        [ "$ms" -lt "${best[$kind]}" ] && best[$kind]=$ms
    done
done
unset CARGO_TARGET_DIR

python3 - "$out" "$python_rate" "$peak" "$doc_bytes" "${best[derive]}" "${best[serde]}" <<'PY'
import json, os, sys
out, python_rate, peak, doc_bytes, derive_ms, serde_ms = sys.argv[1:]
def mean_ns(group, name):
    path = os.path.join("target/criterion", group, name, "new/estimates.json")
    with open(path) as f:
        return json.load(f)["mean"]["point_estimate"]
def mb_s(group, name):
    with open(os.path.join("target/criterion", group, name, "new/benchmark.json")) as f:
        tp = json.load(f)["throughput"]
    return tp["Bytes"] / (mean_ns(group, name) / 1e9) / 1e6
rows = []
gen = 2 / (mean_ns("validate_seed", "generated") / 1e9)
up = 2 / (mean_ns("validate_seed", "upstream_plain_rust") / 1e9)
py = float(python_rate) if python_rate else None
rows.append(("validate seed request / response", f"{gen:,.0f} docs/s",
             f"upstream in Rust {up:,.0f} docs/s ({gen/up:.2f}x)" + (f"; Python {py:,.0f} docs/s" if py else "; Python absent"),
             f"{gen/py:.0f}x Python" if py else "n/a", ">= 100x Python", py is not None and gen / py >= 100))
for label, group, target in [("boundary scan, benign 1 MB", "scan_benign_1mb", 300), ("boundary scan, benign 4 MB", "scan_benign_4mb", 300), ("boundary scan, match-dense (corpus)", "scan_dense", 50)]:
    try:
        s, p = mb_s(group, "scanner"), mb_s(group, "plain_loop")
    except FileNotFoundError:
        continue
    rows.append((label, f"{s:,.1f} MB/s", f"plain loop {p:,.1f} MB/s", f"{s/p:.2f}x", f">= {target} MB/s", s >= target))
g = mean_ns("codegen_project", "generate") / 1e6
rw = mean_ns("codegen_project", "read_and_write_the_same_bytes") / 1e6
rows.append(("codegen, the project's spec", f"{g:,.1f} ms", f"read + write the same bytes {rw:,.1f} ms", f"{g/rw:.1f}x", "report", True))
per = {}
for n in (10, 100, 1000):
    per[n] = mean_ns("codegen_synthetic", str(n)) / 1e6
rows.append(("codegen, synthetic 10 / 100 / 1,000 operations",
             " / ".join(f"{per[n]/n:.2f}" for n in per) + " ms per op",
             "10 operations", f"{(per[1000]/1000)/(per[10]/10):.2f}x per op at 1,000", "linear; 1,000 ops < 2 s", per[1000] < 2000))
chk = mean_ns("codegen_project", "check_unchanged") / 1e6
rows.append(("codegen --check, unchanged tree", f"{chk:,.1f} ms", "generate", f"{chk/g:.2f}x", "< 500 ms", chk < 500))
d, s = int(derive_ms), int(serde_ms)
rows.append(("derive compile time, 50 structs", f"{d:,} ms", f"serde::Serialize only {s:,} ms", f"{d/s:.2f}x", "<= 1.3x", d / s <= 1.3))
pk, db = int(peak), int(doc_bytes)
rows.append(("memory, validating a 2 MiB document", f"{pk/1048576:.1f} MiB peak", f"document {db/1048576:.1f} MiB", f"{pk/db:.2f}x", "<= 3x", pk / db <= 3))
print("| row | measured | baseline in the same run | ratio | target | met |")
print("| --- | --- | --- | --- | --- | --- |")
for r in rows:
    print(f"| {r[0]} | {r[1]} | {r[2]} | {r[3]} | {r[4]} | {'yes' if r[5] else 'no'} |")
PY
