#!/usr/bin/env bash
# Installs Debian's wrk for the server row of scripts/bench.sh, unless it is already there.
# Idempotent; needs root or sudo, and Debian's package registry.
set -euo pipefail

if command -v wrk >/dev/null; then
    echo "wrk: $(command -v wrk)"
    exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null; then
    SUDO="sudo"
else
    echo "install-wrk: need root or sudo to install wrk with apt-get" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends wrk >/dev/null
echo "wrk: $(command -v wrk)"
