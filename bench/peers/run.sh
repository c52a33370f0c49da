#!/usr/bin/env bash
# Side-by-side: the same workloads on funcX, Dask distributed and ipyparallel, on loopback with
# 2 workers each, one system at a time. Prints one JSON line per figure with the three values
# and funcX's advantage over each (> 1: funcX better).
#   bench/peers/run.sh [--quick] [--with-funcx-bench]
# --with-funcx-bench also prints the line of the product's own `./funcx bench --quick`.
#
# Installs python3-distributed and python3-ipyparallel (Debian) if missing. Every process it
# starts runs in its own process group and is stopped by that group's id at exit.
set -euo pipefail
peers_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$peers_dir/../.." && pwd)"
quick=""; product_bench=""
for arg in "$@"; do
  case "$arg" in
    --quick) quick="--quick" ;;
    --with-funcx-bench) product_bench=yes ;;
    *) echo "usage: $0 [--quick] [--with-funcx-bench]" >&2; exit 2 ;;
  esac
done
python=/usr/bin/python3
work="$(mktemp -d /tmp/funcx-peers-XXXXXX)"
groups=()

say() { echo "peers: $*" >&2; }

stop_groups() {
  local pgid
  for pgid in "${groups[@]}"; do kill -TERM -- "-$pgid" 2>/dev/null || true; done
  for pgid in "${groups[@]}"; do
    for _ in $(seq 50); do kill -0 -- "-$pgid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$pgid" 2>/dev/null || true
  done
  groups=()
}

cleanup() {
  local status=$?
  if [[ $status -ne 0 ]]; then
    for log in "$work"/*.log; do [[ -s "$log" ]] && { say "--- $log"; tail -20 "$log" >&2; }; done
  fi
  stop_groups
  if [[ -d "$work/funcx" ]]; then FUNCX_HOME="$work/funcx" "$root/funcx" down >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# Starts "$@" as a new process group (its pid is the group id) with output to a log.
start_group() {
  local log="$1"; shift
  setsid "$@" >"$log" 2>&1 < /dev/null &
  groups+=("$!")
}

free_port() { "$python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

install_peers() {
  if dpkg -s python3-distributed python3-ipyparallel >/dev/null 2>&1; then return; fi
  say "installing python3-distributed python3-ipyparallel"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q python3-distributed python3-ipyparallel >&2 \
    || { apt-get update -q >&2 && apt-get install -y -q python3-distributed python3-ipyparallel >&2; }
}

run_dask() {
  local port; port="$(free_port)"
  say "dask: scheduler on 127.0.0.1:$port, 2 single-thread workers"
  start_group "$work/dask-scheduler.log" dask-scheduler --host 127.0.0.1 --port "$port" --no-dashboard
  for i in 1 2; do
    start_group "$work/dask-worker-$i.log" env PYTHONPATH="$peers_dir" dask-worker \
      "tcp://127.0.0.1:$port" --nthreads 1 --no-nanny --no-dashboard --memory-limit 0 \
      --local-directory "$work/dask-$i"
  done
  PYTHONPATH="$peers_dir" "$python" "$peers_dir/dask_workloads.py" "tcp://127.0.0.1:$port" $quick \
    >"$work/dask.jsonl"
  stop_groups
}

run_ipyparallel() {
  local profile="$work/ipython"
  say "ipyparallel: controller on 127.0.0.1, 2 engines"
  start_group "$work/ipcontroller.log" ipcontroller --ip=127.0.0.1 --profile-dir="$profile"
  for _ in $(seq 300); do [[ -f "$profile/security/ipcontroller-engine.json" ]] && break; sleep 0.1; done
  for i in 1 2; do
    start_group "$work/ipengine-$i.log" env PYTHONPATH="$peers_dir" ipengine --profile-dir="$profile"
  done
  PYTHONPATH="$peers_dir" "$python" "$peers_dir/ipyparallel_workloads.py" "$profile" $quick \
    >"$work/ipyparallel.jsonl"
  stop_groups
}

run_funcx() {
  local cp http forwarder endpoint
  cp="$("$root/bench/build.sh")"
  http="$(free_port)"; forwarder="$(free_port)"
  export FUNCX_HOME="$work/funcx"
  say "funcx: service on 127.0.0.1:$http, endpoint 'local' with 2 workers (FUNCX_HOME=$FUNCX_HOME)"
  "$root/funcx" endpoint configure local --workers 2 >&2
  "$root/funcx" up --no-notebook --port "$http" --forwarder-port "$forwarder" | tee "$work/up.txt" >&2
  endpoint="$(awk '$1 == "endpoint:" { print $3 }' "$work/up.txt")"
  java --add-opens=java.base/java.nio=ALL-UNNAMED -cp "$cp" org.funcx.bench.peers.FuncxPeerWorkloads \
    --url "http://127.0.0.1:$http" \
    --endpoint "$endpoint" $quick 2>"$work/funcx-workloads.log" >"$work/funcx.jsonl"
  "$root/funcx" down >&2
  unset FUNCX_HOME
}

install_peers
load_start="$(cut -d' ' -f1-3 /proc/loadavg)"
run_funcx
run_dask
run_ipyparallel
"$python" "$peers_dir/compare.py" "$work/funcx.jsonl" "$work/dask.jsonl" "$work/ipyparallel.jsonl"
if [[ -n "$product_bench" ]]; then
  say "funcx: ./funcx bench --quick (its own service and endpoint)"
  # Its temporary state directory is not removed by the command: keep it inside $work.
  FUNCX_CLI_JAVA_OPTS="-Djava.io.tmpdir=$work" "$root/funcx" bench --quick \
    2>"$work/funcx-bench.log" | grep '^{'
fi
echo "{\"bench\": \"peers-run\", \"quick\": $([[ -n $quick ]] && echo true || echo false)," \
  "\"load_avg_start\": \"$load_start\", \"load_avg_end\": \"$(cut -d' ' -f1-3 /proc/loadavg)\"," \
  "\"cores\": $(nproc)}"
