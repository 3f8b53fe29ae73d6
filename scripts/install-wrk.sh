#!/usr/bin/env bash
# Installs Debian's wrk for the server row of scripts/bench.sh, unless it is already there.
# Idempotent; needs root or sudo, and Debian's package registry.
set -euo pipefail
. "$(dirname "$0")/lib/apt.sh"

if ! command -v wrk >/dev/null; then
    apt_install wrk
fi
echo "wrk: $(command -v wrk)"
