#!/usr/bin/env bash
# Installs Debian's PostgreSQL server and client (idempotent; as root, apt-get update only when
# something is missing). start.sh uses the server binaries under /usr/lib/postgresql/<major>/bin.
set -euo pipefail

readonly PACKAGES=(postgresql) # brings the server and psql of its major version

source "$(dirname "${BASH_SOURCE[0]}")/../apt-ensure.sh"
apt_ensure "postgres install" "${PACKAGES[@]}" >/dev/null
echo "postgres install: packages present (postgresql $(dpkg-query -W -f='${Version}' postgresql))"
