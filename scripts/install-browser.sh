#!/usr/bin/env bash
# Installs Debian's headless Chromium and its WebDriver (chromium-driver) for the browser test
# (cli/src/test/java/org/funcx/cli/BrowserNotebookTest.java). Browsers cannot be downloaded here,
# so Selenium is pointed at these binaries instead of fetching its own. Idempotent: exits 0 at once
# when both are present; `apt-get update` runs only when something is missing.
set -euo pipefail

packages=(chromium chromium-driver)

missing=()
for package in "${packages[@]}"; do
  status="$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)"
  if [[ "$status" != "install ok installed" ]]; then missing+=("$package"); fi
done

if [[ ${#missing[@]} -gt 0 ]]; then
  if [[ "$(id -u)" -ne 0 ]]; then
    echo "install-browser.sh: missing Debian packages: ${missing[*]}" >&2
    echo "install-browser.sh: run as root (or: sudo apt-get install -y ${missing[*]})" >&2
    exit 1
  fi
  echo "install-browser.sh: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  if ! compgen -G "/var/lib/apt/lists/*_Packages" >/dev/null; then apt-get update -q; fi
  if ! apt-get install -y -q --no-install-recommends "${missing[@]}"; then
    apt-get update -q
    apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
fi

for tool in /usr/bin/chromium /usr/bin/chromedriver; do
  if [[ ! -x "$tool" ]]; then
    echo "install-browser.sh: $tool is still missing after the install" >&2
    exit 1
  fi
done
