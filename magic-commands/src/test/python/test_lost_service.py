"""A lost funcX service must give a clear error quickly, also while a cell waits for a result.
Kills the service (FUNCX_SERVICE_PID), so it runs after every other test of the cluster."""
import os
import signal
import time
import unittest

from kernel_client import KernelSession


class LostService(unittest.TestCase):
    def test_a_wait_ends_with_a_clear_error_and_later_calls_fail_fast(self):
        kernel = KernelSession()
        try:
            connected = kernel.execute("%funcx connect")
            self.assertEqual(connected.status, "ok", connected.traceback())
            defined = kernel.execute("%%funcx function slow\nlong slow(long ms) throws Exception"
                                     " {\n  Thread.sleep(ms);\n  return ms;\n}")
            self.assertEqual(defined.status, "ok", defined.traceback())

            msg_id = kernel.start("%funcx run slow(60000)")
            time.sleep(2)
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
