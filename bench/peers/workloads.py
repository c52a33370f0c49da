"""The side-by-side workloads, written once against a three-call adapter so Dask and
ipyparallel run exactly the same thing as FuncxPeerWorkloads.java does for funcX.

Each figure is printed as one JSON line: {"peer", "figure", "value", "unit", "better", "tasks"}.
Workers need this module importable (run.sh puts bench/peers on their PYTHONPATH).
"""
import json
import os
import statistics
import time


def noop(x):
    return x


def nap(ms):
    import time as clock  # ipyparallel ships functions by code, without this module's globals
    clock.sleep(ms / 1000.0)
    return ms


def text(n):
    return "x" * n


def blob(n):
    return bytes(n)


class Sizes:
    """Task counts per figure; FuncxPeerWorkloads.java uses the same numbers."""

    def __init__(self, quick):
        self.batch_tasks = {1: 1_000, 100: 5_000, 10_000: 20_000} if quick else \
            {1: 2_000, 100: 20_000, 10_000: 50_000}
        self.warm_trips = 100 if quick else 200
        self.round_trips = 300 if quick else 1_000
        self.sleep_tasks = 100 if quick else 400
        self.kib_results = 1_000 if quick else 4_000
        self.mib_results = 32 if quick else 128


class Adapter:
    """What a peer provides: submit one call, map many, wait for futures."""

    def submit(self, fn, arg):
        raise NotImplementedError

    def map(self, fn, args):
        raise NotImplementedError

    def gather(self, futures):
        raise NotImplementedError


def emit(peer, figure, value, unit, better, tasks):
    print(json.dumps({"peer": peer, "figure": figure, "value": round(value, 3), "unit": unit,
                      "better": better, "tasks": tasks, "load_avg_1m": round(os.getloadavg()[0], 2)}),
          flush=True)


def throughput(a, tasks, batch):
    """Tasks/s for `tasks` no-ops sent `batch` at a time (1: one submit per task), all then awaited."""
    start = time.perf_counter()
    futures = []
    if batch == 1:
        futures = [a.submit(noop, i) for i in range(tasks)]
    else:
        for first in range(0, tasks, batch):
            futures.append(a.map(noop, range(first, min(tasks, first + batch))))
    results = a.gather(futures)
    seconds = time.perf_counter() - start
    flat = results if batch == 1 else [x for part in results for x in part]
    assert flat == list(range(tasks)), "wrong no-op results"
    return tasks / seconds


def round_trips(a, warm, count):
    for i in range(warm):
        a.gather([a.submit(noop, i)])
    ms = []
    for i in range(count):
        start = time.perf_counter()
        a.gather([a.submit(noop, i)])
        ms.append((time.perf_counter() - start) * 1000)
    ms.sort()
    return ms


def percentile(sorted_values, p):
    import math
    return sorted_values[min(len(sorted_values) - 1, math.ceil(p / 100 * len(sorted_values)) - 1)]


def timed_map(a, fn, args):
    start = time.perf_counter()
    results = a.gather([a.map(fn, args)])[0]
    return results, time.perf_counter() - start


def run_all(peer, a, quick, workers=2):
    s = Sizes(quick)
    a.gather([a.map(noop, range(1_000))])  # warm-up: connections, imports, worker pools
    for batch, tasks in s.batch_tasks.items():
        emit(peer, f"noop_tasks_per_s_batch_{batch}", throughput(a, tasks, batch), "tasks/s",
             "higher", tasks)
    ms = round_trips(a, s.warm_trips, s.round_trips)
    emit(peer, "warm_rtt_p50_ms", percentile(ms, 50), "ms", "lower", len(ms))
    emit(peer, "warm_rtt_p99_ms", percentile(ms, 99), "ms", "lower", len(ms))
    _, seconds = timed_map(a, nap, [10] * s.sleep_tasks)
    ideal = s.sleep_tasks * 0.010 / workers
    emit(peer, "sleep_10ms_efficiency_2_workers", ideal / seconds, "fraction of ideal", "higher",
         s.sleep_tasks)
    for figure, fn, size, count in [("result_1kib_mib_per_s", text, 1024, s.kib_results),
                                    ("result_1mib_mib_per_s", text, 1 << 20, s.mib_results),
                                    ("result_1mib_binary_mib_per_s", blob, 1 << 20, s.mib_results)]:
        results, seconds = timed_map(a, fn, [size] * count)
        assert all(len(r) == size for r in results), "wrong result size"
        emit(peer, figure, count * size / (1 << 20) / seconds, "MiB/s", "higher", count)
