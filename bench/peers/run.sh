#!/usr/bin/env bash
# Side-by-side: the same workloads on funcX, Dask distributed and ipyparallel, on loopback with
# 2 workers each (8 for the 8-worker sleep figure), one system at a time. Prints one JSON line
# per figure with the three values and funcX's advantage over each (> 1: funcX better).
#   bench/peers/run.sh [--quick]
# funcX's figures are the lines of `./funcx bench [--quick] --workers 2` (own temp service and
# endpoints); the peers run workloads.py, which mirrors it figure by figure.
#
# Installs python3-distributed and python3-ipyparallel (Debian) if missing. Every process it
# starts runs in its own process group and is stopped by that group's id at exit.
set -euo pipefail
peers_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$peers_dir/../.." && pwd)"
quick=""
for arg in "$@"; do
  case "$arg" in
    --quick) quick="--quick" ;;
    *) echo "usage: $0 [--quick]" >&2; exit 2 ;;
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

now() { "$python" -c 'import time; print(time.time())'; }

# run_dask WORKERS [--only FIGURES]: a fresh scheduler and WORKERS single-thread workers.
run_dask() {
  local workers="$1"; shift
  local port started scheduler endpoint_groups=""
  port="$(free_port)"; started="$(now)"
  say "dask: scheduler on 127.0.0.1:$port, $workers single-thread workers"
  start_group "$work/dask-scheduler.log" dask-scheduler --host 127.0.0.1 --port "$port" --no-dashboard
  scheduler="${groups[-1]}"
  for i in $(seq "$workers"); do
    start_group "$work/dask-worker-$i.log" env PYTHONPATH="$peers_dir" dask-worker \
      "tcp://127.0.0.1:$port" --nthreads 1 --no-nanny --no-dashboard --memory-limit 0 \
      --local-directory "$work/dask-$i"
    endpoint_groups+="${groups[-1]},"
  done
  PYTHONPATH="$peers_dir" "$python" "$peers_dir/dask_workloads.py" "tcp://127.0.0.1:$port" $quick \
    --workers "$workers" --started-at "$started" --service-groups "$scheduler" \
    --endpoint-groups "$endpoint_groups" "$@" >>"$work/dask.jsonl"
  stop_groups
}

# run_ipyparallel ENGINES [--only FIGURES]: a fresh controller and ENGINES engines.
run_ipyparallel() {
  local engines="$1"; shift
  local profile="$work/ipython-$engines" started controller endpoint_groups=""
  started="$(now)"
  say "ipyparallel: controller on 127.0.0.1, $engines engines"
  start_group "$work/ipcontroller.log" ipcontroller --ip=127.0.0.1 --profile-dir="$profile"
  controller="${groups[-1]}"
  for _ in $(seq 300); do [[ -f "$profile/security/ipcontroller-engine.json" ]] && break; sleep 0.1; done
  for i in $(seq "$engines"); do
    start_group "$work/ipengine-$i.log" env PYTHONPATH="$peers_dir" ipengine --profile-dir="$profile"
    endpoint_groups+="${groups[-1]},"
  done
  PYTHONPATH="$peers_dir" "$python" "$peers_dir/ipyparallel_workloads.py" "$profile" $quick \
    --workers "$engines" --started-at "$started" --service-groups "$controller" \
    --endpoint-groups "$endpoint_groups" "$@" >>"$work/ipyparallel.jsonl"
  stop_groups
}

run_funcx() {
  say "funcx: ./funcx bench $quick --workers 2 (own temp service and endpoints)"
  # Its temporary funcX home goes inside $work, removed with it.
  FUNCX_CLI_JAVA_OPTS="-Djava.io.tmpdir=$work" "$root/funcx" bench $quick --workers 2 \
    2>"$work/funcx-bench.log" | grep '^{' >"$work/funcx.jsonl"
}

install_peers
load_start="$(cut -d' ' -f1-3 /proc/loadavg)"
run_funcx
run_dask 2
run_dask 8 --only sleep
run_ipyparallel 2
run_ipyparallel 8 --only sleep
"$python" "$peers_dir/compare.py" "$work/funcx.jsonl" "$work/dask.jsonl" "$work/ipyparallel.jsonl"
echo "{\"bench\": \"peers-run\", \"quick\": $([[ -n $quick ]] && echo true || echo false)," \
  "\"load_avg_start\": \"$load_start\", \"load_avg_end\": \"$(cut -d' ' -f1-3 /proc/loadavg)\"," \
  "\"cores\": $(nproc)}"
