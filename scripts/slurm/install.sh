#!/usr/bin/env bash
# Installs the Debian packages for a single-node Slurm with its REST API (idempotent).
# Runs as root (CI); `apt-get update` runs only when something is missing.
set -euo pipefail

readonly PACKAGES=(munge slurmctld slurmd slurmrestd slurm-client slurm-wlm-jwt-plugin)

source "$(dirname "${BASH_SOURCE[0]}")/../apt-ensure.sh"
apt_ensure "slurm install" "${PACKAGES[@]}" >/dev/null
echo "slurm install: packages present (${PACKAGES[*]}; slurmctld $(dpkg-query -W -f='${Version}' slurmctld))"
