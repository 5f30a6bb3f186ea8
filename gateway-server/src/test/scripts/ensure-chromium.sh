#!/usr/bin/env bash
# Makes sure headless Chromium and its WebDriver server are installed for the portal's browser
# tests (PortalBrowserIT runs this first): /usr/bin/chromium and /usr/bin/chromedriver, from the
# Debian packages chromium and chromium-driver. When they are missing it installs them with
# apt-get, through sudo when not root (sudo -n: it never waits for a password). Exits non-zero,
# saying why, when they cannot be installed.
set -euo pipefail

if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure-chromium: no apt-get on this machine: install Chromium and chromedriver as /usr/bin/chromium and /usr/bin/chromedriver" >&2
    exit 1
fi
if [ "$(id -u)" -eq 0 ]; then
    SUDO=()
elif command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo -n)
else
    echo "ensure-chromium: installing chromium and chromium-driver needs root or sudo" >&2
    exit 1
fi

echo "ensure-chromium: installing chromium and chromium-driver with apt-get" >&2
export DEBIAN_FRONTEND=noninteractive
${SUDO[@]+"${SUDO[@]}"} apt-get update -q
${SUDO[@]+"${SUDO[@]}"} apt-get install -y -q --no-install-recommends chromium chromium-driver

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    echo "ensure-chromium: apt-get finished but /usr/bin/chromium or /usr/bin/chromedriver is still missing" >&2
    exit 1
fi
