"""Interrupting cells through jupyter_client: busy loops (also ones that catch every Throwable),
threads a cell started, sleeps, magics, and a loop inside library code. After each interrupt the
kernel answers the next cell and keeps what earlier cells and snippets declared."""
import os
import sys
import tempfile
import time
import unittest

from kernel_client import KernelTestCase


class Interrupts(KernelTestCase):
    def interrupt_after_start(self, code):
        """Runs code with a marker file made just before its last line, and interrupts once the
        marker exists: an interrupt that lands while the kernel still compiles earlier lines (a
        loaded machine) would test something else."""
        marker = os.path.join(tempfile.mkdtemp(prefix="interrupt-"), "started")
        lines = code.split("\n")
        lines.insert(len(lines) - 1,
                     f'java.nio.file.Files.createFile(java.nio.file.Path.of("{marker}"));')
        msg_id = self.kernel.start("\n".join(lines))
        deadline = time.monotonic() + 60
        while not os.path.exists(marker) and time.monotonic() < deadline:
            time.sleep(0.02)
        self.assertTrue(os.path.exists(marker), "the cell never reached its last line")
        time.sleep(0.3)  # into the last line; an interrupt before it must end the cell all the same
        started = time.monotonic()
        self.kernel.km.interrupt_kernel()
        execution = self.kernel.wait(msg_id, timeout=20)
        took = time.monotonic() - started
        # the Java test prints this output: the timings end up in the build log
        print(f"\n{self.id().rsplit('.', 1)[-1]}: ended {took:.2f} s after the interrupt",
              file=sys.stderr)
        return execution, took

    def assert_interrupted(self, execution):
        self.assertEqual(execution.status, "error")
        self.assertEqual(execution.error()["ename"], "InterruptedCellError", execution.traceback())
        self.assertIn("was interrupted", execution.traceback())

    def assert_still_works(self):
        self.assertEqual(self.kernel.execute("1 + 1").result(), "2")

    def test_busy_loop_ends_and_earlier_variables_survive(self):
        self.kernel.execute("int before = 40;")
        execution, took = self.interrupt_after_start("int inCell = 2;\nwhile (true) {}")
        self.assert_interrupted(execution)
        self.assertLess(took, 5)
        self.assert_still_works()
        self.assertEqual(self.kernel.execute("before + inCell").result(), "42")

    def test_loop_that_catches_every_throwable_ends(self):
        execution, took = self.interrupt_after_start(
            "while (true) { try { while (true) { Thread.onSpinWait(); } }"
            " catch (Throwable t) { } }")
        self.assert_interrupted(execution)
        self.assertLess(took, 5)
        self.assert_still_works()

    def test_threads_the_cell_started_stop_with_it(self):
        execution, took = self.interrupt_after_start(
            "var spinner = new Thread(() -> { while (true) {} });\n"
            "spinner.start();\nwhile (true) {}")
        self.assert_interrupted(execution)
        self.assertLess(took, 5)
        self.assertEqual(
            self.kernel.execute("spinner.join(5000);\nspinner.isAlive()").result(), "false")
        self.assert_still_works()

    def test_sleep_ends_at_once(self):
        execution, took = self.interrupt_after_start("Thread.sleep(60000);")
        self.assert_interrupted(execution)
        self.assertLess(took, 3)
        self.assert_still_works()

    def test_code_run_by_a_magic_is_interrupted(self):
        execution, took = self.interrupt_after_start("%time Thread.sleep(60000)")
        self.assert_interrupted(execution)
        self.assertLess(took, 5)
        self.assert_still_works()

    def test_busy_loop_run_by_a_magic_ends(self):
        execution, took = self.interrupt_after_start("%%time\nwhile (true) {}")
        self.assert_interrupted(execution)
        self.assertLess(took, 5)
        self.assert_still_works()

    def test_shell_command_is_killed(self):
        execution, took = self.interrupt_after_start("%sh sleep 60")
        self.assert_interrupted(execution)
        self.assertLess(took, 5)
        self.assert_still_works()

    def test_loop_in_library_code_ends_the_cell_and_asks_for_a_restart(self):
        execution, took = self.interrupt_after_start(
            "org.funcx.kernel.IgnoresInterrupts.loop()")
        self.assert_interrupted(execution)
        self.assertIn("restart the kernel", execution.traceback())
        self.assertLess(took, 8)
        self.assert_still_works()
        self.kernel.execute("org.funcx.kernel.IgnoresInterrupts.release()")

    def test_loop_in_library_code_run_by_a_magic_names_the_stuck_snippet(self):
        execution, took = self.interrupt_after_start(
            "%time org.funcx.kernel.IgnoresInterrupts.loop()")
        self.assert_interrupted(execution)
        self.assertRegex(execution.traceback(),
                         r"funcx-user-\d+-snippet does not respond .* restart the kernel")
        self.assertLess(took, 8)
        self.assert_still_works()
        self.kernel.execute("org.funcx.kernel.IgnoresInterrupts.release()")


if __name__ == "__main__":
    unittest.main()
