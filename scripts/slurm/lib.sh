# shellcheck shell=bash
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

# "pid ppid" for every process, read from /proc (procps may be absent in CI images).
process_table() {
  local stat line fields
  for stat in /proc/[0-9]*/stat; do
    read -r line 2>/dev/null <"$stat" || continue
    read -r -a fields <<<"${line##*) }" # after "pid (comm) ": state ppid ...
    echo "${stat//[^0-9]/} ${fields[1]}"
  done
}

# All PIDs below $1.
descendants() {
  process_table | awk -v root="$1" '
    { children[$2] = children[$2] " " $1 }
    END {
      queue = root
      while (queue != "") {
        n = split(queue, parents, " "); queue = ""
        for (i = 1; i <= n; i++) {
          m = split(children[parents[i]], kids, " ")
          for (j = 1; j <= m; j++) { print kids[j]; queue = queue " " kids[j] }
        }
      }
    }'
}

# slurmstepd processes that outlived their slurmd (e.g. after a kill -9), found by the
# SLURM_CONF they inherited from our slurmd; prints their PIDs.
orphan_stepds() {
  local pid comm
  for comm in /proc/[0-9]*/comm; do
    [[ "$(cat "$comm" 2>/dev/null)" == slurmstepd ]] || continue
    pid=${comm#/proc/}; pid=${pid%/comm}
    process_gone "$pid" && continue
    if tr '\0' '\n' 2>/dev/null <"/proc/$pid/environ" | grep -qxF "SLURM_CONF=$STATE_DIR/slurm.conf"; then
      echo "$pid"
    fi
  done
}

no_active_jobs() { [[ -z "$(slurm_cmd squeue -h -t R,CG,S,PD -o %A 2>/dev/null)" ]]; }

# Cancels every job (so no job process survives), then stops the daemons newest-first.
stop_cluster() {
  local daemon pid jobs stepd i
  if [[ -n "$(live_pid slurmctld)" && -n "$(live_pid slurmd)" ]]; then
    jobs=$(slurm_cmd squeue -h -o %A 2>/dev/null || true)
    if [[ -n "$jobs" ]]; then
      log "cancelling jobs: ${jobs//$'\n'/ }"
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
