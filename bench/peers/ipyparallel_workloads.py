"""The workloads on a running ipyparallel cluster:
ipyparallel_workloads.py PROFILE_DIR [workloads.options: --quick --workers N --only ...].

Uses a load-balanced view with the default chunksize of 1, so a map of n is n tasks, as in funcX
and Dask."""
import sys

import ipyparallel

import workloads


class IpyparallelAdapter(workloads.Adapter):
    def __init__(self, client, view):
        self.client = client
        self.view = view

    def submit(self, fn, arg):
        return self.view.apply_async(fn, arg)

    def map(self, fn, args):
        return self.view.map_async(fn, list(args))

    def gather(self, futures):
        return [f.get() for f in futures]

    def cancel(self, futures):
        # Aborting 20,000 tasks one request each takes minutes; the controller is stopped next.
        pass

    def queued(self):
        status = self.client.queue_status()
        return status.get("unassigned", 0) + sum(
            v.get("queue", 0) + v.get("tasks", 0) for v in status.values() if isinstance(v, dict))


def open_adapter(profile_dir, workers):
    """A client of its own (for a concurrent submitter's process) and how to close it."""
    client = ipyparallel.Client(profile_dir=profile_dir)
    client.wait_for_engines(workers, timeout=60)
    return IpyparallelAdapter(client, client.load_balanced_view()), client.close


if __name__ == "__main__":
    opts = workloads.options(sys.argv)
    client = ipyparallel.Client(profile_dir=sys.argv[1])
    try:
        client.wait_for_engines(opts["workers"], timeout=60)
        workloads.run_all("ipyparallel",
                          IpyparallelAdapter(client, client.load_balanced_view()),
                          connect=("ipyparallel_workloads", sys.argv[1]), **opts)
    finally:
        client.close()
