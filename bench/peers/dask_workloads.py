"""The workloads on a running Dask distributed cluster:
dask_workloads.py SCHEDULER [workloads.options: --quick --workers N --only ... ]."""
import sys

from distributed import Client

import workloads


class DaskAdapter(workloads.Adapter):
    def __init__(self, client):
        self.client = client

    def submit(self, fn, arg):
        return self.client.submit(fn, arg, pure=False)

    def map(self, fn, args):
        return self.client.map(fn, list(args), pure=False)

    def gather(self, futures):
        return self.client.gather(futures)

    def cancel(self, futures):
        self.client.cancel([f for part in futures for f in (part if isinstance(part, list) else [part])])

    def queued(self):
        return self.client.run_on_scheduler(lambda dask_scheduler: len(dask_scheduler.tasks))


def open_adapter(scheduler, workers):
    """A client of its own (for a concurrent submitter's process) and how to close it."""
    client = Client(scheduler, timeout=60)
    client.wait_for_workers(workers, timeout=60)
    return DaskAdapter(client), client.close


if __name__ == "__main__":
    opts = workloads.options(sys.argv)
    with Client(sys.argv[1], timeout=60) as client:
        client.wait_for_workers(opts["workers"], timeout=60)
        workloads.run_all("dask", DaskAdapter(client), connect=("dask_workloads", sys.argv[1]),
                          **opts)
