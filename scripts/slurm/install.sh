#!/usr/bin/env bash
# Installs the Debian packages for a single-node Slurm with its REST API (idempotent).
# Runs as root (CI); `apt-get update` runs only when something is missing.
set -euo pipefail

readonly PACKAGES=(munge slurmctld slurmd slurmrestd slurm-client slurm-wlm-jwt-plugin)

is_installed() {
  [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" == "install ok installed" ]]
}

missing=()
for package in "${PACKAGES[@]}"; do
  is_installed "$package" || missing+=("$package")
done

if ((${#missing[@]} == 0)); then
  echo "slurm install: all packages present (${PACKAGES[*]})"
  exit 0
fi

if [[ "$(id -u)" -ne 0 ]]; then
  echo "slurm install: missing ${missing[*]} and not root; run as root (CI) or install them by hand" >&2
  exit 1
fi

echo "slurm install: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# Debian's postinst may start services where systemd/sysvinit runs; our start.sh manages its own.
echo "slurm install: done ($(dpkg-query -W -f='${Version}' slurmctld))"
