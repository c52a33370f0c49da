"""A lost funcX service must give a clear error quickly, also while a cell waits for a result.
Kills the service (FUNCX_SERVICE_PID), so it runs after every other test of the cluster."""
import os
import signal
import tempfile
import time
import unittest

from kernel_client import KernelSession


class LostService(unittest.TestCase):
    def test_a_wait_ends_with_a_clear_error_and_later_calls_fail_fast(self):
        kernel = KernelSession()
        try:
            connected = kernel.execute("%funcx connect")
            self.assertEqual(connected.status, "ok", connected.traceback())
            defined = kernel.execute(
                "%%funcx function slow\nlong slow(String started, long ms) throws Exception {\n"
                "  java.nio.file.Files.writeString(java.nio.file.Path.of(started), \"\");\n"
                "  Thread.sleep(ms);\n  return ms;\n}")
            self.assertEqual(defined.status, "ok", defined.traceback())

            # kill the service once the task runs (the local endpoint shares this file system):
            # the cell is then waiting for its result, whatever the machine's load
            started_file = os.path.join(tempfile.mkdtemp(prefix="slow-"), "started")
            msg_id = kernel.start(f'%funcx run slow("{started_file}", 60000)')
            deadline = time.monotonic() + 60
            while not os.path.exists(started_file) and time.monotonic() < deadline:
                time.sleep(0.05)
            self.assertTrue(os.path.exists(started_file), "slow never started on the endpoint")
            os.kill(int(os.environ["FUNCX_SERVICE_PID"]), signal.SIGKILL)
            killed_at = time.monotonic()
            waiting = kernel.wait(msg_id, timeout=30)
            self.assertLess(time.monotonic() - killed_at, 10)
            self.assertEqual(waiting.error()["ename"], "ServiceUnreachableError")
            self.assertIn("lost the funcX service at " + os.environ["FUNCX_URL"],
                          waiting.traceback())

            started = time.monotonic()
            later = kernel.execute("%funcx endpoints", timeout=30)
            self.assertLess(time.monotonic() - started, 5)
            self.assertEqual(later.error()["ename"], "ServiceUnreachableError")
            self.assertIn("cannot reach the funcX service at " + os.environ["FUNCX_URL"],
                          later.traceback())
            self.assertIn("./funcx up", later.traceback())
        finally:
            kernel.close()


if __name__ == "__main__":
    unittest.main()
