"""Joins the per-peer JSON lines into one line per figure with every value and the ratios.

funcx_advantage_over_X is > 1 when funcX is better on that figure, whichever way "better" points
(funcX/X for throughput, X/funcX for latency); funcx_advantage_over_best_peer is the smaller of
the two. Each value keeps the load average it was measured at."""
import json
import sys

rows = {}
order = []
for path in sys.argv[1:]:
    with open(path) as f:
        for line in f:
            line = line.strip()
            if not line.startswith("{"):
                continue
            r = json.loads(line)
            if r["figure"] not in rows:
                order.append(r["figure"])
                rows[r["figure"]] = {"unit": r["unit"], "better": r["better"], "tasks": r["tasks"]}
            rows[r["figure"]][r["peer"]] = r["value"]
            rows[r["figure"]]["load:" + r["peer"]] = r.get("load_avg_1m")

for figure in order:
    row = rows[figure]
    out = {"bench": "peers", "figure": figure, "unit": row["unit"], "better": row["better"],
           "tasks": row["tasks"]}
    for peer in ("funcx", "dask", "ipyparallel"):
        out[peer] = row.get(peer)
    for peer in ("dask", "ipyparallel"):
        f, p = row.get("funcx"), row.get(peer)
        ratio = None
        if f and p:
            ratio = f / p if row["better"] == "higher" else p / f
        out[f"funcx_advantage_over_{peer}"] = None if ratio is None else round(ratio, 2)
    peers = [out[f"funcx_advantage_over_{p}"] for p in ("dask", "ipyparallel")]
    peers = [r for r in peers if r is not None and r > 0]  # a peer's RSS can shrink (< 0)
    out["funcx_advantage_over_best_peer"] = min(peers) if peers else None
    for peer in ("funcx", "dask", "ipyparallel"):
        load = row.get("load:" + peer)
        out[f"load_avg_1m_{peer}"] = None if load is None else round(load, 2)
    print(json.dumps(out))
