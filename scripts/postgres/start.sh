#!/usr/bin/env bash
# Starts a throwaway PostgreSQL on loopback for tests and demos: a cluster in STATE_DIR/data
# (initdb; as root it runs as the `postgres` user), TCP on 127.0.0.1 only (password auth,
# SCRAM), its socket in STATE_DIR/run, one database and one user with a generated password
# (CREATEDB: tests make a database each).
# Idempotent: a running cluster of STATE_DIR is checked with a login and its env printed again;
# a stopped or broken one is removed and made afresh.
#
# Usage: start.sh [STATE_DIR [PORT]]   (defaults: $FUNCX_PG_STATE_DIR, else /tmp/funcx-postgres;
#                                       $FUNCX_PG_PORT, else a free port)
# Writes STATE_DIR/env (source it): FUNCX_PG_JDBC_URL, FUNCX_PG_URL (postgresql://HOST:PORT/DB,
#   the service's --store form), FUNCX_PG_HOST, FUNCX_PG_PORT, FUNCX_PG_DATABASE, FUNCX_PG_USER,
#   FUNCX_PG_PASSWORD_FILE (0600), FUNCX_PG_STATE_DIR. The password is never printed.
set -euo pipefail

STATE_DIR=$(realpath -m "${1:-${FUNCX_PG_STATE_DIR:-/tmp/funcx-postgres}}")
REQUESTED_PORT=${2:-${FUNCX_PG_PORT:-}}
SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh
source "$SCRIPT_DIR/lib.sh"

readonly DATABASE=funcx
readonly DB_USER=funcx
BIN=$(server_bin)
for tool in setpriv flock od; do command -v "$tool" >/dev/null || die "$tool not found"; done

mkdir -p "$STATE_DIR"
chmod 755 "$STATE_DIR" # the server's user must reach data/ and run/
exec 9>"$STATE_DIR/.lock"
flock -w 120 9 || die "another start.sh/stop.sh on $STATE_DIR held the lock for 120 s"

# A loopback TCP port nobody listens on, probed with bash's /dev/tcp (a tiny race is accepted).
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
}

env_value() { sed -n "s/^export $1=//p" "$STATE_DIR/env" 2>/dev/null; }

# psql as the cluster's superuser over its socket (peer authentication).
superuser_psql() {
  as_server_user "$BIN/psql" -h "$STATE_DIR/run" -p "$PORT" -d postgres -v ON_ERROR_STOP=1 -qAtX "$@"
}

# A login over TCP with the generated password, as the service will log in.
user_can_log_in() {
  PGPASSWORD=$(cat "$STATE_DIR/password") "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U "$DB_USER" \
    -d "$DATABASE" -qAtX -c 'select 1' 2>/dev/null | grep -qx 1
}

if [[ -f "$STATE_DIR/env" ]] && server_running; then
  PORT=$(env_value FUNCX_PG_PORT)
  if [[ -z "$REQUESTED_PORT" || "$REQUESTED_PORT" == "$PORT" ]] && user_can_log_in; then
    log "already running from $STATE_DIR on 127.0.0.1:$PORT"
    cat "$STATE_DIR/env"
    exit 0
  fi
  log "the server of $STATE_DIR runs but does not fit (port or login); making it afresh"
fi

rm -f "$STATE_DIR/env" # readers must not see the previous run's port while this one starts
stop_server
rm -rf "$STATE_DIR/data" "$STATE_DIR/run" "$STATE_DIR/password" "$STATE_DIR/server.log"
PORT=${REQUESTED_PORT:-$(free_port)}
[[ "$PORT" =~ ^[0-9]+$ ]] || die "port '$PORT' is not a number"
OWNER=$(server_user)
mkdir -p "$STATE_DIR/data" "$STATE_DIR/run"
touch "$STATE_DIR/server.log"
chown "$OWNER" "$STATE_DIR/data" "$STATE_DIR/run" "$STATE_DIR/server.log"
chmod 700 "$STATE_DIR/data"
(umask 077 && head -c 24 /dev/urandom | od -An -tx1 | tr -d " \n" >"$STATE_DIR/password")

as_server_user "$BIN/initdb" -D "$STATE_DIR/data" -U "$OWNER" -E UTF8 --locale=C.UTF-8 \
  --auth-local=peer --auth-host=scram-sha-256 >"$STATE_DIR/initdb.log" 2>&1 \
  || die "initdb failed; see $STATE_DIR/initdb.log"
# 9>&-: the server must not inherit (and so hold forever) the lock of this script.
as_server_user "$BIN/pg_ctl" -D "$STATE_DIR/data" -l "$STATE_DIR/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -c unix_socket_directories=$STATE_DIR/run" start >/dev/null 9>&- \
  || die "the server did not start; see $STATE_DIR/server.log"

superuser_psql -v password="$(cat "$STATE_DIR/password")" <<SQL >/dev/null
CREATE ROLE $DB_USER LOGIN CREATEDB PASSWORD :'password';
CREATE DATABASE $DATABASE OWNER $DB_USER;
SQL
user_can_log_in || die "the user $DB_USER cannot log in over TCP; see $STATE_DIR/server.log"

cat >"$STATE_DIR/env" <<ENV
# Written by scripts/postgres/start.sh; source it. The password is in FUNCX_PG_PASSWORD_FILE only.
export FUNCX_PG_HOST=127.0.0.1
export FUNCX_PG_PORT=$PORT
export FUNCX_PG_DATABASE=$DATABASE
export FUNCX_PG_USER=$DB_USER
export FUNCX_PG_PASSWORD_FILE=$STATE_DIR/password
export FUNCX_PG_JDBC_URL=jdbc:postgresql://127.0.0.1:$PORT/$DATABASE
export FUNCX_PG_URL=postgresql://127.0.0.1:$PORT/$DATABASE
export FUNCX_PG_STATE_DIR=$STATE_DIR
ENV
log "started from $STATE_DIR on 127.0.0.1:$PORT (log $STATE_DIR/server.log)"
cat "$STATE_DIR/env"
