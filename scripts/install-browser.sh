#!/usr/bin/env bash
# Installs Debian's headless Chromium and its WebDriver (chromium-driver) for the browser test
# (cli/src/test/java/org/funcx/cli/BrowserNotebookTest.java). Browsers cannot be downloaded here,
# so Selenium is pointed at these binaries instead of fetching its own. Idempotent: exits 0 at once
# when both are present; `apt-get update` runs only when something is missing.
set -euo pipefail

packages=(chromium chromium-driver)

source "$(dirname "${BASH_SOURCE[0]}")/apt-ensure.sh"
apt_ensure install-browser.sh "${packages[@]}"

for tool in /usr/bin/chromium /usr/bin/chromedriver; do
  if [[ ! -x "$tool" ]]; then
    echo "install-browser.sh: $tool is still missing after the install" >&2
    exit 1
  fi
done
