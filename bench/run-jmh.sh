#!/usr/bin/env bash
# JMH micro-benchmarks (wire codec, interchange task book, MVStore task store, stop checkpoints), run from the
# bench jar and its classpath. JMH's report goes to stderr; stdout gets one JSON line per
# benchmark. Arguments go to JMH, e.g. a filter and quicker settings:
#   bench/run-jmh.sh TaskBook -wi 1 -i 3 -w 1 -r 1
set -euo pipefail
cp="$("$(dirname "${BASH_SOURCE[0]}")/build.sh")"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
load_start="$(cut -d' ' -f1 /proc/loadavg)"
java -cp "$cp" org.openjdk.jmh.Main -rf json -rff "$out/jmh.json" "$@" >&2
/usr/bin/python3 - "$out/jmh.json" "$load_start" <<'PY'
import json, math, os, sys
load_start, load_end = float(sys.argv[2]), round(os.getloadavg()[0], 2)
def num(v):  # JMH writes "NaN" as a string when there are too few iterations for an error
    v = float(v)
    return None if math.isnan(v) else round(v, 2)
for r in json.load(open(sys.argv[1])):
    m = r["primaryMetric"]
    print(json.dumps({"bench": "jmh", "benchmark": r["benchmark"].replace("org.funcx.bench.jmh.", ""),
                      "params": r.get("params", {}),
                      "score": num(m["score"]), "error": num(m["scoreError"]),
                      "unit": m["scoreUnit"], "load_avg_1m_start": load_start,
                      "load_avg_1m_end": load_end, "cores": os.cpu_count()}))
PY
