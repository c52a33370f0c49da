# Shared helpers for start.sh / stop.sh (sourced, not executed).
# Layout of STATE_DIR: slurm.conf, jwt.key, env, token, run/*.pid, log/*.log, munge/, state/.

readonly DAEMONS_IN_START_ORDER=(munged slurmctld slurmd slurmrestd)

log() { echo "slurm: $*" >&2; }
die() { echo "slurm: ERROR: $*" >&2; exit 1; }

pid_file() { echo "$STATE_DIR/run/$1.pid"; }

# Prints the PID recorded for daemon $1 if that process is alive and really is $1
# (a stale pid file after a kill may point at a recycled PID); prints nothing otherwise.
live_pid() {
  local daemon=$1 file pid
  file=$(pid_file "$daemon")
  [[ -r "$file" ]] || return 0
  pid=$(tr -dc '0-9' <"$file")
  [[ -n "$pid" && -r "/proc/$pid/comm" ]] || return 0
  [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == "$daemon" ]] || return 0
  process_gone "$pid" || echo "$pid"
}

# Polls `condition` (a command) every 0.1 s for at most $1 seconds.
wait_until() {
  local timeout_s=$1; shift
  local deadline=$((SECONDS + timeout_s))
  until "$@"; do
    ((SECONDS < deadline)) || return 1
    sleep 0.1
  done
}

process_gone() { [[ ! -e "/proc/$1" ]] || [[ "$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)" == "Z" ]]; }

# TERM, wait up to 10 s, then KILL and wait again.
terminate_pid() {
  local pid=$1 name=$2
  kill -TERM "$pid" 2>/dev/null || return 0
  if ! wait_until 10 process_gone "$pid"; then
    log "$name (pid $pid) ignored SIGTERM for 10 s; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    wait_until 5 process_gone "$pid" || die "$name (pid $pid) survived SIGKILL"
  fi
}

# Slurm commands for this cluster only, never with a REST token in the environment.
slurm_cmd() { env -u SLURM_JWT SLURM_CONF="$STATE_DIR/slurm.conf" "$@"; }

# All PIDs below $1 (children first in the output is not guaranteed; callers kill them all).
descendants() {
  local parent=$1 child
  for child in $(ps -e -o pid=,ppid= | awk -v p="$parent" '$2 == p {print $1}'); do
    echo "$child"
    descendants "$child"
  done
}

# slurmstepd processes that outlived their slurmd (e.g. after a kill -9), found by the
# SLURM_CONF they inherited from our slurmd; prints their PIDs.
orphan_stepds() {
  local pid
  for pid in $(pgrep -x slurmstepd || true); do
    process_gone "$pid" && continue
    if tr '\0' '\n' 2>/dev/null <"/proc/$pid/environ" | grep -qxF "SLURM_CONF=$STATE_DIR/slurm.conf"; then
      echo "$pid"
    fi
  done
}

no_active_jobs() { [[ -z "$(slurm_cmd squeue -h -t R,CG,S,PD -o %A 2>/dev/null)" ]]; }

# Cancels every job (so no job process survives), then stops the daemons newest-first.
stop_cluster() {
  local daemon pid jobs stepd
  if [[ -n "$(live_pid slurmctld)" && -n "$(live_pid slurmd)" ]]; then
    jobs=$(slurm_cmd squeue -h -o %A 2>/dev/null || true)
    if [[ -n "$jobs" ]]; then
      log "cancelling jobs: $(echo $jobs)"
      # shellcheck disable=SC2086
      slurm_cmd scancel $jobs 2>/dev/null || true
      wait_until 20 no_active_jobs || log "jobs still active after 20 s; their processes are killed below"
    fi
  fi
  for ((i = ${#DAEMONS_IN_START_ORDER[@]} - 1; i >= 0; i--)); do
    daemon=${DAEMONS_IN_START_ORDER[i]}
    pid=$(live_pid "$daemon")
    if [[ -n "$pid" ]]; then
      log "stopping $daemon (pid $pid)"
      terminate_pid "$pid" "$daemon"
    fi
    rm -f "$(pid_file "$daemon")"
  done
  for stepd in $(orphan_stepds); do
    log "killing leftover slurmstepd $stepd and its job processes"
    # shellcheck disable=SC2046
    kill -KILL $(descendants "$stepd") "$stepd" 2>/dev/null || true
    wait_until 5 process_gone "$stepd" || die "slurmstepd $stepd survived SIGKILL"
  done
}
