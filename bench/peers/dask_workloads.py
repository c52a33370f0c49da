"""The workloads on a running Dask distributed cluster: dask_workloads.py SCHEDULER [--quick]."""
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


if __name__ == "__main__":
    with Client(sys.argv[1]) as client:
        client.wait_for_workers(2, timeout=60)
        workloads.run_all("dask", DaskAdapter(client), "--quick" in sys.argv)
