#!/usr/bin/env bash
# Installs Debian's Chromium for the Evidence Console's browser test (tests/tests/console_browser.rs),
# unless a Chromium is already there. Idempotent; needs root or sudo, and Debian's package registry.
set -euo pipefail
. "$(dirname "$0")/lib/apt.sh"

for candidate in "${CHROMIUM:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then
        echo "chromium: $candidate ($("$candidate" --version 2>/dev/null || echo 'version unknown'))"
        exit 0
    fi
done

apt_install chromium
echo "chromium: /usr/bin/chromium ($(/usr/bin/chromium --version))"
