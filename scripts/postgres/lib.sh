# shellcheck shell=bash
# Shared helpers for start.sh / stop.sh (sourced, not executed).
# Layout of STATE_DIR: data/ (the cluster, owned by the server's user), run/ (its socket),
# password (0600), env, server.log, .lock.

log() { echo "postgres: $*" >&2; }
die() { echo "postgres: ERROR: $*" >&2; exit 1; }

# The newest installed server's binaries (Debian keeps them off PATH).
server_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [[ -n "$dir" && -x "$dir/pg_ctl" ]] || die "no PostgreSQL server under /usr/lib/postgresql; run scripts/postgres/install.sh"
  echo "$dir"
}

# initdb/pg_ctl refuse to run as root: as root the server runs as the `postgres` user.
server_user() { if [[ "$(id -u)" -eq 0 ]]; then echo postgres; else id -un; fi; }

# Runs a command as the server's user from / (its home may be unreadable to others).
as_server_user() {
  if [[ "$(id -u)" -eq 0 ]]; then
    (cd / && setpriv --reuid=postgres --regid=postgres --init-groups "$@")
  else
    (cd / && "$@")
  fi
}

server_running() { [[ -f "$STATE_DIR/data/postmaster.pid" ]] && as_server_user "$BIN/pg_ctl" -D "$STATE_DIR/data" status >/dev/null 2>&1; }

stop_server() {
  if server_running; then
    log "stopping the server of $STATE_DIR"
    as_server_user "$BIN/pg_ctl" -D "$STATE_DIR/data" -m fast -w -t 60 stop >/dev/null
  fi
}
