"""The workloads on a running ipyparallel cluster: ipyparallel_workloads.py PROFILE_DIR [--quick].

Uses a load-balanced view with the default chunksize of 1, so a map of n is n tasks, as in funcX
and Dask."""
import sys

import ipyparallel

import workloads


class IpyparallelAdapter(workloads.Adapter):
    def __init__(self, view):
        self.view = view

    def submit(self, fn, arg):
        return self.view.apply_async(fn, arg)

    def map(self, fn, args):
        return self.view.map_async(fn, list(args))

    def gather(self, futures):
        return [f.get() for f in futures]


if __name__ == "__main__":
    client = ipyparallel.Client(profile_dir=sys.argv[1])
    try:
        client.wait_for_engines(2, timeout=60)
        workloads.run_all("ipyparallel", IpyparallelAdapter(client.load_balanced_view()),
                          "--quick" in sys.argv)
    finally:
        client.close()
