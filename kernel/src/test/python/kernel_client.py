"""A small blocking helper around jupyter_client for the kernel's behaviour tests."""
import time
import unittest
from queue import Empty

from jupyter_client.manager import start_new_kernel


class Execution:
    """What one execute_request produced: the reply content and the iopub messages, in order."""

    def __init__(self, reply, outputs):
        self.reply = reply
        self.outputs = outputs

    @property
    def status(self):
        return self.reply["status"]

    def of_type(self, msg_type):
        return [m for m in self.outputs if m["msg_type"] == msg_type]

    def stdout(self):
        return "".join(m["content"]["text"] for m in self.of_type("stream")
                       if m["content"]["name"] == "stdout")

    def error(self):
        errors = self.of_type("error")
        return errors[0]["content"] if errors else None

    def traceback(self):
        error = self.error()
        return "\n".join(error["traceback"]) if error else ""

    def result(self, mime="text/plain"):
        results = self.of_type("execute_result")
        return results[-1]["content"]["data"].get(mime) if results else None


class KernelSession:
    """One running kernel with a client; use execute() and start() / wait()."""

    def __init__(self, kernel_name="funcx-java", env=None):
        """env: the kernel's whole environment (default: this process's)."""
        extra = {} if env is None else {"env": env}
        self.km, self.kc = start_new_kernel(kernel_name=kernel_name, startup_timeout=90, **extra)

    def close(self):
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=True)

    def start(self, code):
        return self.kc.execute(code)

    def wait(self, msg_id, timeout=30):
        """Collects iopub output of msg_id until idle, then its reply; raises on timeout."""
        deadline = time.monotonic() + timeout
        outputs = []
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"no idle status for {msg_id} within {timeout} s")
            try:
                msg = self.kc.get_iopub_msg(timeout=remaining)
            except Empty:
                continue
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            msg["received_at"] = time.monotonic()
            if msg["msg_type"] == "status":
                if msg["content"]["execution_state"] == "idle":
                    break
                continue
            if msg["msg_type"] != "execute_input":
                outputs.append(msg)
        while True:
            reply = self.kc.get_shell_msg(timeout=max(1, deadline - time.monotonic()))
            if reply["parent_header"].get("msg_id") == msg_id:
                return Execution(reply["content"], outputs)

    def execute(self, code, timeout=30):
        return self.wait(self.start(code), timeout)

    def request(self, send, timeout=10):
        """Sends a shell request (e.g. lambda kc: kc.complete("x")) and returns its reply."""
        msg_id = send(self.kc)
        while True:
            reply = self.kc.get_shell_msg(timeout=timeout)
            if reply["parent_header"].get("msg_id") == msg_id:
                return reply["content"]


class KernelTestCase(unittest.TestCase):
    """A test class sharing one kernel (self.kernel) across its tests; ok() and error() run a cell
    and check how it ended. Subclasses that prepare the kernel call super().setUpClass() first."""

    cell_timeout = 60

    @classmethod
    def setUpClass(cls):
        cls.kernel = KernelSession()

    @classmethod
    def tearDownClass(cls):
        cls.kernel.close()

    def ok(self, code, timeout=None):
        """Runs a cell that must succeed; returns its Execution."""
        execution = self.kernel.execute(code, timeout=timeout or self.cell_timeout)
        if execution.status != "ok":
            self.fail(f"{code!r} failed:\n{execution.traceback()}")
        return execution

    def error(self, code, ename, timeout=None):
        """Runs a cell that must fail with ename; returns its traceback text."""
        execution = self.kernel.execute(code, timeout=timeout or self.cell_timeout)
        self.assertEqual(execution.status, "error", f"{code!r} should have failed")
        self.assertEqual(execution.error()["ename"], ename, execution.traceback())
        return execution.traceback()
