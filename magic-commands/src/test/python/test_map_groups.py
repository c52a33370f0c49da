"""Map groups: a map re-run after a kernel restart reattaches to its tasks instead of
resubmitting them; %funcx tasks --group shows a group; a group holding another map is refused.

Run by FuncxMagicsThroughJupyterTest (FUNCX_URL, FUNCX_HOME and the kernelspec set). Each test
starts its own kernels: a restart is a new kernel process, as after "Restart Kernel".
"""
import re
import time
import unittest
from queue import Empty

from kernel_client import KernelSession

TWICE = "long twice(long x) { return 2 * x; }"
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


class MapGroups(unittest.TestCase):
    def session(self):
        kernel = KernelSession()
        self.addCleanup(kernel.close)
        self.ok(kernel, "%funcx connect")
        self.ok(kernel, TWICE)
        return kernel

    def ok(self, kernel, code, timeout=120):
        execution = kernel.execute(code, timeout=timeout)
        if execution.status != "ok":
            self.fail(f"{code!r} failed:\n{execution.traceback()}")
        return execution

    def error(self, kernel, code):
        execution = kernel.execute(code, timeout=60)
        self.assertEqual(execution.status, "error", f"{code!r} should have failed")
        return execution.traceback()

    def test_a_map_run_again_after_a_restart_reattaches_to_the_same_tasks(self):
        cell = "%%funcx map twice\n1\n2\n3"
        first = self.session()
        before = self.ok(first, cell).result("text/html")
        ids = UUID.findall(before)
        self.assertEqual(len(ids), 3, before)
        group = re.search(r"\(group ([A-Za-z0-9._-]+)\)", before).group(1)
        self.assertTrue(group.startswith("twice-"), group)
        first.close()

        again = self.session()
        execution = self.ok(again, cell)
        self.assertIn(f"reattached to group {group}: twice over 3 input(s)", execution.stdout())
        after = execution.result("text/html")
        self.assertEqual(UUID.findall(after), ids, "the same tasks, none submitted again")
        self.assertIn("3 succeeded, 0 failed", after)
        self.assertEqual(self.ok(again, "_fx").result(), "[2, 4, 6]")

        shown = self.ok(again, f"%funcx tasks --group {group}").result("text/html")
        self.assertEqual(UUID.findall(shown), ids)
        self.assertIn("3 of 3 finished", shown)
        self.assertIn("<td>success</td><td>6</td>", shown)
        listed = self.ok(again, "%funcx tasks").result("text/html")
        for task_id in ids:
            self.assertIn(task_id, listed, "reattached tasks are this notebook's tasks again")

    def test_a_group_holding_another_map_is_refused_and_resubmit_replaces_it(self):
        kernel = self.session()
        first = UUID.findall(self.ok(kernel, "%%funcx map twice --group sweep-a\n1\n2")
                             .result("text/html"))
        refused = self.error(kernel, "%%funcx map twice --group sweep-a\n1\n2\n3")
        self.assertIn("group sweep-a holds another map: twice over 2 input(s)", refused)
        self.assertIn("--resubmit", refused)
        again = UUID.findall(self.ok(kernel, "%%funcx map twice --group sweep-a\n1\n2")
                             .result("text/html"))
        self.assertEqual(again, first, "the same cell with the same group reattaches")
        replaced = UUID.findall(self.ok(kernel, "%%funcx map twice --group sweep-a --resubmit"
                                                "\n1\n2\n3").result("text/html"))
        self.assertEqual(len(replaced), 3)
        self.assertFalse(set(replaced) & set(first))

    def test_unknown_and_malformed_groups_are_explained(self):
        kernel = self.session()
        self.ok(kernel, "%%funcx map twice --group known-one\n5")
        unknown = self.error(kernel, "%funcx tasks --group nosuch")
        self.assertIn("no map group nosuch", unknown)
        self.assertIn("known-one", unknown)
        self.assertIn("must be 1-100 letters",
                      self.error(kernel, "%funcx tasks --group ../../etc"))

    def test_interrupting_a_map_says_how_to_reattach(self):
        kernel = self.session()
        self.ok(kernel, "long nap(long ms) throws Exception { Thread.sleep(ms); return ms; }")
        msg_id = kernel.start("%%funcx map nap --group naps\n3000\n3000")
        deadline = time.monotonic() + 60
        shown = False
        while not shown and time.monotonic() < deadline:
            try:
                msg = kernel.kc.get_iopub_msg(timeout=1)
            except Empty:
                continue
            shown = (msg["parent_header"].get("msg_id") == msg_id
                     and msg["msg_type"] == "display_data")
        self.assertTrue(shown, "the map never showed its progress")
        kernel.km.interrupt_kernel()
        execution = kernel.wait(msg_id, timeout=30)
        said = "".join(m["content"]["text"] for m in execution.of_type("stream"))
        self.assertIn("to reattach: run this cell again, or %funcx tasks --group naps", said)
        rerun = self.ok(kernel, "%%funcx map nap --group naps\n3000\n3000")
        self.assertIn("reattached to group naps", rerun.stdout())
        self.assertIn("2 succeeded, 0 failed", rerun.result("text/html"))


if __name__ == "__main__":
    unittest.main()
