#!/usr/bin/env bash
# Starts a real single-node Slurm cluster on loopback as plain processes (no systemd):
# munged (as munge), slurmctld, slurmd -N localhost, slurmrestd (as nobody, JWT auth, v0.0.38).
# Idempotent: if the cluster of STATE_DIR already runs, mints a fresh token, prints its env file
# and exits 0; a half-running or killed cluster (stale pid files) is stopped and started afresh,
# with slurmctld's job state cleared (slurmctld -c) and new free ports.
#
# Usage: start.sh [STATE_DIR]            (default $FUNCX_SLURM_STATE_DIR, else /tmp/funcx-slurm; as root)
# Tunables: FUNCX_SLURM_NODE_CPUS (8; more than the machine has is fine),
#   FUNCX_SLURM_DEF_MEM_PER_CPU_MB (512), FUNCX_SLURM_TOKEN_LIFESPAN_S (86400).
# Writes STATE_DIR/env (source it): SLURM_CONF, SLURMRESTD_URL, SLURMRESTD_USER,
#   SLURMRESTD_TOKEN_FILE, FUNCX_SLURM_MUNGE_SOCKET, FUNCX_SLURM_STATE_DIR,
#   FUNCX_SLURM_PARTITION, FUNCX_SLURM_NODE_CPUS.
set -euo pipefail
unset SLURM_JWT

STATE_DIR=$(realpath -m "${1:-${FUNCX_SLURM_STATE_DIR:-/tmp/funcx-slurm}}")
SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh
source "$SCRIPT_DIR/lib.sh"

readonly NODE_CPUS=${FUNCX_SLURM_NODE_CPUS:-8}
readonly TOKEN_LIFESPAN_S=${FUNCX_SLURM_TOKEN_LIFESPAN_S:-86400}
readonly REST_USER=root
readonly REST_API=v0.0.38
readonly PARTITION=debug
readonly MUNGE_SOCKET=$STATE_DIR/munge/munge.socket.2
readonly DAEMON_PATH=/usr/sbin:/usr/bin:/sbin:/bin

[[ "$(id -u)" -eq 0 ]] || die "start.sh must run as root (slurmctld/slurmd run as root, munged as munge)"
for tool in munged slurmctld slurmd slurmrestd sinfo scontrol curl setpriv flock; do
  command -v "$tool" >/dev/null || die "$tool not found; run scripts/slurm/install.sh first"
done

mkdir -p "$STATE_DIR"
chmod 755 "$STATE_DIR"
exec 9>"$STATE_DIR/.lock"
flock -w 120 9 || die "another start.sh/stop.sh on $STATE_DIR held the lock for 120 s"

# write-config.sh records the chosen slurmrestd port as a comment in slurm.conf.
rest_port() { sed -n 's/^# slurmrestd port: //p' "$STATE_DIR/slurm.conf"; }
rest_url() { echo "http://127.0.0.1:$(rest_port)"; }

rest_answers() {
  curl -sf -o /dev/null -m 2 -H "X-SLURM-USER-NAME: $REST_USER" \
    -H "X-SLURM-USER-TOKEN: $(cat "$STATE_DIR/token")" "$(rest_url)/slurm/$REST_API/ping"
}

all_daemons_live() {
  local daemon
  for daemon in "${DAEMONS_IN_START_ORDER[@]}"; do
    [[ -n "$(live_pid "$daemon")" ]] || return 1
  done
}

node_idle() { [[ "$(slurm_cmd sinfo -h -n localhost -o %t 2>/dev/null)" == idle* ]]; }
munge_answers() { munge -n -S "$MUNGE_SOCKET" 2>/dev/null | unmunge -S "$MUNGE_SOCKET" >/dev/null 2>&1; }
ctld_answers() { slurm_cmd scontrol ping 2>/dev/null | grep -q 'is UP'; }

# A loopback TCP port nobody listens on, probed with bash's /dev/tcp (a tiny race is accepted).
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
}

# Writes a fresh token to STATE_DIR/token; returns non-zero if slurmctld does not answer.
mint_token() {
  local token
  token=$(slurm_cmd scontrol token "username=$REST_USER" "lifespan=$TOKEN_LIFESPAN_S" 2>/dev/null) || return 1
  (umask 077 && printf '%s\n' "${token#SLURM_JWT=}" >"$STATE_DIR/token.tmp")
  mv "$STATE_DIR/token.tmp" "$STATE_DIR/token"
}

print_details() {
  local daemon
  for daemon in "${DAEMONS_IN_START_ORDER[@]}"; do
    log "$daemon pid $(live_pid "$daemon"), output $STATE_DIR/log/$daemon.out"
  done
  cat "$STATE_DIR/env"
}

if all_daemons_live && [[ -f "$STATE_DIR/env" ]]; then
  if mint_token && rest_answers && [[ -n "$(slurm_cmd sinfo -h -n localhost -o %t 2>/dev/null)" ]]; then
    log "already running from $STATE_DIR (node $(slurm_cmd sinfo -h -n localhost -o %t))"
    print_details
    exit 0
  fi
  log "daemons of $STATE_DIR run but do not answer; restarting them"
fi

rm -f "$STATE_DIR/env" # readers must not see the previous run's ports while this one starts
stop_cluster
"$SCRIPT_DIR/write-config.sh" "$STATE_DIR" "$NODE_CPUS" "$(free_port)" "$(free_port)" "$(free_port)"

# Starts daemon $1 in its own session with a clean environment, from /, output to its log.
launch() {
  local daemon=$1; shift
  (cd / && exec setsid env -i PATH="$DAEMON_PATH" SLURM_CONF="$STATE_DIR/slurm.conf" "$@" \
    </dev/null >>"$STATE_DIR/log/$daemon.out" 2>&1 9>&-) &
  echo $! >"$(pid_file "$daemon")"
}

expect_up() {
  local daemon=$1 what=$2; shift 2
  if ! wait_until 30 "$@" || [[ -z "$(live_pid "$daemon")" ]]; then
    die "$daemon did not come up ($what); see $STATE_DIR/log/$daemon.out (and $daemon.log, munge/munged.log)"
  fi
}

launch munged setpriv --reuid=munge --regid=munge --clear-groups \
  munged --foreground --key-file="$STATE_DIR/munge/munge.key" --socket="$MUNGE_SOCKET" \
  --log-file="$STATE_DIR/munge/munged.log" --seed-file="$STATE_DIR/munge/munged.seed" \
  --pid-file="$STATE_DIR/munge/munged.pid"
expect_up munged "munge/unmunge round trip" munge_answers

launch slurmctld slurmctld -D -c -i
expect_up slurmctld "scontrol ping" ctld_answers

launch slurmd slurmd -D -N localhost
expect_up slurmd "node idle in sinfo" node_idle

mint_token || die "scontrol token failed (AuthAltTypes=auth/jwt inactive?); see $STATE_DIR/log/slurmctld.log"
launch slurmrestd setpriv --reuid=nobody --regid=nogroup --clear-groups \
  env SLURM_JWT=daemon slurmrestd -a rest_auth/jwt -s "openapi/$REST_API" \
  "127.0.0.1:$(rest_port)"
expect_up slurmrestd "GET /slurm/$REST_API/ping" rest_answers

cat >"$STATE_DIR/env" <<ENV
# Written by scripts/slurm/start.sh; source it. Never export a token as SLURM_JWT in a shell that runs srun.
export SLURM_CONF=$STATE_DIR/slurm.conf
export SLURMRESTD_URL=$(rest_url)
export SLURMRESTD_USER=$REST_USER
export SLURMRESTD_TOKEN_FILE=$STATE_DIR/token
export FUNCX_SLURM_MUNGE_SOCKET=$MUNGE_SOCKET
export FUNCX_SLURM_STATE_DIR=$STATE_DIR
export FUNCX_SLURM_PARTITION=$PARTITION
export FUNCX_SLURM_NODE_CPUS=$NODE_CPUS
ENV
log "started from $STATE_DIR"
print_details
