#!/usr/bin/env bash
# Installs Debian's Chromium for the Evidence Console's browser test (tests/tests/console_browser.rs),
# unless a Chromium is already there. Idempotent; needs root or sudo, and Debian's package registry.
set -euo pipefail

for candidate in "${CHROMIUM:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then
        echo "chromium: $candidate ($("$candidate" --version 2>/dev/null || echo 'version unknown'))"
        exit 0
    fi
done

if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null; then
    SUDO="sudo"
else
    echo "install-browser: need root or sudo to install chromium with apt-get" >&2
    exit 1
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null
echo "chromium: /usr/bin/chromium ($(/usr/bin/chromium --version))"
