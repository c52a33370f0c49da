#!/usr/bin/env bash
# Stops the single-node Slurm cluster that start.sh started from STATE_DIR: cancels its jobs,
# stops slurmrestd, slurmd, slurmctld and munged by PID (pid files), waits until they are gone,
# and kills slurmstepd processes left by an earlier kill. Idempotent; stale pid files are fine.
# Usage: stop.sh [STATE_DIR]   (default $FUNCX_SLURM_STATE_DIR, else /tmp/funcx-slurm)
set -euo pipefail
unset SLURM_JWT

STATE_DIR=$(realpath -m "${1:-${FUNCX_SLURM_STATE_DIR:-/tmp/funcx-slurm}}")
SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh
source "$SCRIPT_DIR/lib.sh"

if [[ ! -d "$STATE_DIR/run" ]]; then
  log "nothing to stop: $STATE_DIR/run does not exist"
  exit 0
fi
exec 9>"$STATE_DIR/.lock"
flock -w 120 9 || die "another start.sh/stop.sh on $STATE_DIR held the lock for 120 s"

stop_cluster
log "stopped (state kept in $STATE_DIR)"
