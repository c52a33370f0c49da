"""The side-by-side workloads, written once against a three-call adapter so Dask and
ipyparallel run the same thing as `./funcx bench` does for funcX (cli/.../BenchCommand.java and
BenchSizes.java hold the funcX side; the figure names are shared).

Each figure is printed as one JSON line: {"peer", "figure", "value", "unit", "better", "tasks"}.
Workers need this module importable (run.sh puts bench/peers on their PYTHONPATH).
"""
import importlib
import json
import multiprocessing
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
    """Task counts per figure, as BenchSizes.java has them for funcX; where they differ (batches
    of 10,000, queued tasks) the peer would need minutes for funcX's count, and figures are
    rates or per-100,000 normalised."""

    def __init__(self, quick):
        self.batch_tasks = {1: 1_000, 100: 5_000, 10_000: 20_000} if quick else \
            {1: 2_000, 100: 20_000, 10_000: 50_000}
        self.warm_trips = 100 if quick else 200
        self.round_trips = 300 if quick else 1_000
        self.sleep_tasks_per_worker = 50 if quick else 200
        self.kib_results = 1_000 if quick else 4_000
        self.mib_results = 32 if quick else 128
        self.big_results = 2 if quick else 4
        self.queued_tasks = 20_000
        self.submitters = 8
        self.concurrent_single_tasks = 2_000 if quick else 8_000


class Adapter:
    """What a peer provides: submit one call, map many, wait for futures, and (for the memory
    figure) cancel futures and count the tasks its scheduler holds."""

    def submit(self, fn, arg):
        raise NotImplementedError

    def map(self, fn, args):
        raise NotImplementedError

    def gather(self, futures):
        raise NotImplementedError

    def cancel(self, futures):
        raise NotImplementedError

    def queued(self):
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


def _submitter(module, target, workers, inputs, ready, go, times):
    """One concurrent submitter, in its own process with its own client: one submit per task."""
    adapter, close = importlib.import_module(module).open_adapter(target, workers)
    try:
        adapter.gather([adapter.submit(noop, -1)])  # connected and warm before the clock starts
        ready.put(True)
        go.wait()
        start = time.time()
        futures = [adapter.submit(noop, i) for i in inputs]
        results = adapter.gather(futures)
        end = time.time()
        times.put((start, end, results == list(inputs)))
    finally:
        close()


def concurrent_throughput(connect, workers, tasks, submitters):
    """Tasks/s for `tasks` no-ops, one submit per task, from `submitters` processes at once (each
    its own client: a Python client is neither thread-safe everywhere nor free of the GIL), from
    the first submitter's start to the last one's last result. `connect` = (module, target): the
    peer module's open_adapter(target, workers) makes a client in each process."""
    ctx = multiprocessing.get_context("spawn")
    ready, times, go = ctx.Queue(), ctx.Queue(), ctx.Event()
    procs = [ctx.Process(target=_submitter, name=f"bench-submitter-{s}",
                         args=(connect[0], connect[1], workers, list(range(s, tasks, submitters)),
                               ready, go, times)) for s in range(submitters)]
    for p in procs:
        p.start()
    try:
        for _ in procs:
            ready.get(timeout=120)
        go.set()
        spans = [times.get(timeout=600) for _ in procs]
    finally:
        for p in procs:
            p.join(timeout=30)
            if p.is_alive():
                p.kill()
    assert all(ok for _, _, ok in spans), "wrong no-op results"
    return tasks / (max(e for _, e, _ in spans) - min(s for s, _, _ in spans))


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


def group_rss_kib(pgid):
    """KiB resident in every process of a process group (a peer's scheduler, a worker)."""
    total = 0
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            if os.getpgid(int(pid)) != pgid:
                continue
            with open(f"/proc/{pid}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
        except (OSError, ValueError):
            pass
    return total


def queued_memory(peer, a, tasks, service_groups, endpoint_groups, workers):
    """RSS growth of the scheduler side ("service") and the worker side ("endpoint") while
    `tasks` no-ops wait behind one long sleep per worker, per 100,000 tasks."""
    hold = [a.submit(nap, 600_000 + i) for i in range(workers)]
    time.sleep(2)
    service_before = sum(group_rss_kib(g) for g in service_groups)
    endpoint_before = sum(group_rss_kib(g) for g in endpoint_groups)
    waiting = [a.map(noop, range(first, min(tasks, first + 10_000)))
               for first in range(0, tasks, 10_000)]
    deadline = time.time() + 60
    while a.queued() < tasks and time.time() < deadline:
        time.sleep(0.5)
    time.sleep(1)
    per_100k = 100_000 / tasks / 1024
    service_after = sum(group_rss_kib(g) for g in service_groups)
    endpoint_after = sum(group_rss_kib(g) for g in endpoint_groups)
    emit(peer, "service_rss_mib_per_100k_queued", (service_after - service_before) * per_100k,
         "MiB", "lower", tasks)
    emit(peer, "endpoint_rss_mib_per_100k_queued", (endpoint_after - endpoint_before) * per_100k,
         "MiB", "lower", tasks)
    a.cancel(waiting + hold)


def run_all(peer, a, quick, workers=2, started_at=None, only=None,
            service_groups=(), endpoint_groups=(), connect=None):
    """Every figure, or those in `only`: cold, throughput, latency, sleep, transfer, memory.
    `connect` = (module, target) lets concurrent submitters make their own clients."""
    s = Sizes(quick)
    runs = lambda figure: only is None or figure in only  # noqa: E731
    first = a.gather([a.submit(noop, 0)])
    if started_at is not None and runs("cold"):
        emit(peer, "cold_start_to_first_result_ms", (time.time() - started_at) * 1000, "ms",
             "lower", 1)
    a.gather([a.map(noop, range(1_000))])  # warm-up: connections, imports, worker pools
    if runs("throughput"):
        for batch, tasks in s.batch_tasks.items():
            emit(peer, f"noop_tasks_per_s_batch_{batch}", throughput(a, tasks, batch), "tasks/s",
                 "higher", tasks)
        if connect is not None:
            tasks = s.concurrent_single_tasks
            emit(peer, f"noop_tasks_per_s_batch_1_submitters_{s.submitters}",
                 concurrent_throughput(connect, workers, tasks, s.submitters), "tasks/s",
                 "higher", tasks)
    if runs("latency"):
        ms = round_trips(a, s.warm_trips, s.round_trips)
        emit(peer, "warm_rtt_p50_ms", percentile(ms, 50), "ms", "lower", len(ms))
        emit(peer, "warm_rtt_p99_ms", percentile(ms, 99), "ms", "lower", len(ms))
    if runs("sleep"):
        tasks = s.sleep_tasks_per_worker * workers
        timed_map(a, nap, [10] * (workers * 4))
        _, seconds = timed_map(a, nap, [10] * tasks)
        ideal = tasks * 0.010 / workers
        emit(peer, f"sleep_10ms_efficiency_{workers}_workers", ideal / seconds,
             "fraction of ideal", "higher", tasks)
    if runs("transfer"):
        for figure, fn, size, count in [
                ("result_1kib_mib_per_s", text, 1024, s.kib_results),
                ("result_1mib_mib_per_s", text, 1 << 20, s.mib_results),
                ("result_1mib_binary_mib_per_s", blob, 1 << 20, s.mib_results),
                ("result_64mib_binary_mib_per_s", blob, 64 << 20, s.big_results)]:
            results, seconds = timed_map(a, fn, [size] * count)
            assert all(len(r) == size for r in results), "wrong result size"
            emit(peer, figure, count * size / (1 << 20) / seconds, "MiB/s", "higher", count)
            del results
    if runs("memory") and service_groups:
        queued_memory(peer, a, s.queued_tasks, service_groups, endpoint_groups, workers)
    return first


def options(argv):
    """--quick, --workers N, --only a,b, --started-at EPOCH, --service-groups / --endpoint-groups
    PGID,PGID (process groups whose RSS is the peer's "service" and "endpoint")."""
    def value(name, default=None):
        return argv[argv.index(name) + 1] if name in argv else default

    groups = lambda name: [int(g) for g in value(name, "").split(",") if g]  # noqa: E731
    only = value("--only")
    started = value("--started-at")
    return {"quick": "--quick" in argv, "workers": int(value("--workers", "2")),
            "only": None if only is None else only.split(","),
            "started_at": None if started is None else float(started),
            "service_groups": groups("--service-groups"),
            "endpoint_groups": groups("--endpoint-groups")}
