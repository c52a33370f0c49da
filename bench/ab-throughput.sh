#!/usr/bin/env bash
# A/B no-op throughput of two builds of the product (two source trees, each built by its own
# ./funcx), alternating A B B A A B ... so that the shared machine's load drifts over both sides
# alike. One JSON line per figure and run, tagged with its side, then the mean per side and B ÷ A.
#   bench/ab-throughput.sh ROOT_A ROOT_B [RUNS] [-- ./funcx bench options]
# Default bench options: --quick --only throughput (no-ops at batches of 1 / 100 / 10,000).
set -euo pipefail
a="$(cd "$1" && pwd)"; b="$(cd "$2" && pwd)"; shift 2
runs=3
if [[ $# -gt 0 && "$1" != "--" ]]; then runs="$1"; shift; fi
[[ "${1:-}" == "--" ]] && shift
bench_args=("$@")
[[ ${#bench_args[@]} -eq 0 ]] && bench_args=(--quick --only throughput)
out="$(mktemp -t funcx-ab-XXXXXX.jsonl)"

run() { # side root
  local line
  "$2/funcx" bench "${bench_args[@]}" | while IFS= read -r line; do
    [[ "$line" == "{"* ]] && /usr/bin/python3 -c 'import json,sys; r=json.loads(sys.argv[1]); r["side"]=sys.argv[2]; print(json.dumps(r))' "$line" "$1"
  done | tee -a "$out"
}

for ((i = 0; i < runs; i++)); do # A B, then B A, ...
  if ((i % 2 == 0)); then run A "$a"; run B "$b"; else run B "$b"; run A "$a"; fi
done

/usr/bin/python3 - "$out" <<'PY'
import json, statistics, sys
by = {}
for line in open(sys.argv[1]):
    r = json.loads(line)
    if r["figure"].startswith("noop_tasks_per_s"):
        by.setdefault(r["figure"], {}).setdefault(r["side"], []).append(r)
for figure, sides in by.items():
    mean = {s: statistics.mean(r["value"] for r in rs) for s, rs in sides.items()}
    cpu = {s: statistics.mean(sum(r.get("cpu_s_" + p, 0) for p in ("service", "endpoint", "client"))
                              / r["tasks"] * 1e6 for r in rs) for s, rs in sides.items()}
    print(json.dumps({"figure": figure,
        "A": [round(r["value"]) for r in sides.get("A", [])],
        "B": [round(r["value"]) for r in sides.get("B", [])],
        "mean_A": round(mean.get("A", 0)), "mean_B": round(mean.get("B", 0)),
        "B_over_A": round(mean["B"] / mean["A"], 3) if mean.get("A") and mean.get("B") else None,
        "cpu_us_per_task_A": round(cpu.get("A", 0), 1), "cpu_us_per_task_B": round(cpu.get("B", 0), 1),
        "load_avg_1m": [r.get("load_avg_1m") for s in ("A", "B") for r in sides.get(s, [])]}))
PY
echo "all lines: $out" >&2
