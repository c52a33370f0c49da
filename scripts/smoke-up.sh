#!/usr/bin/env bash
# Acceptance smoke test of the README's first command, as a user runs it: ./funcx up (headless),
# register sq, map it over 1..10,000 through the CLI, check the sum, ./funcx down, and check that
# no process of this funcX home is left. Uses its own FUNCX_HOME and free ports.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export FUNCX_HOME
FUNCX_HOME="$(mktemp -d /tmp/funcx-smoke-XXXXXX)"
port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
cleanup() { "$root/funcx" down >/dev/null 2>&1 || true; rm -rf "$FUNCX_HOME"; }
trap cleanup EXIT

"$root/funcx" up --no-notebook --port "$(port)" --forwarder-port "$(port)"
"$root/funcx" whoami | grep -q '"username":"admin"' || { echo "smoke: not signed in as admin" >&2; exit 1; }
fid=$("$root/funcx" function register --source 'long sq(long x) { return x * x; }' | cut -d' ' -f1)
out=$("$root/funcx" map "$fid" --range 1..10000)
echo "$out"
[[ "$out" == *"failed: 0, sum: 333383335000"* ]] || { echo "smoke: wrong map result" >&2; exit 1; }
# the service, the agent and their supervisors (each leads its own process group)
pid_of() { /usr/bin/python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["child"]["pid"] if "child" in d else d["pid"])' "$1"; }
groups=""
for f in "$FUNCX_HOME"/service.supervisor.json "$FUNCX_HOME"/service.status.json \
    "$FUNCX_HOME"/endpoints/local/agent.supervisor.json "$FUNCX_HOME"/endpoints/local/agent.status.json; do
  groups="$groups $(pid_of "$f")"
done
"$root/funcx" down
for group in $groups; do
  if pgrep -g "$group" >/dev/null; then echo "smoke: processes of group $group left behind" >&2; exit 1; fi
done
echo "smoke: 1 passed, 0 failed"
