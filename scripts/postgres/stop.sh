#!/usr/bin/env bash
# Stops the PostgreSQL that start.sh started from STATE_DIR and removes STATE_DIR with its data.
# Idempotent: nothing to stop is fine.
# Usage: stop.sh [STATE_DIR]   (default $FUNCX_PG_STATE_DIR, else /tmp/funcx-postgres)
set -euo pipefail

STATE_DIR=$(realpath -m "${1:-${FUNCX_PG_STATE_DIR:-/tmp/funcx-postgres}}")
SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh
source "$SCRIPT_DIR/lib.sh"

if [[ ! -d "$STATE_DIR" ]]; then
  log "nothing to stop: $STATE_DIR does not exist"
  exit 0
fi
exec 9>"$STATE_DIR/.lock"
flock -w 120 9 || die "another start.sh/stop.sh on $STATE_DIR held the lock for 120 s"
BIN=$(server_bin)
stop_server
rm -rf "$STATE_DIR"
log "stopped; removed $STATE_DIR"
