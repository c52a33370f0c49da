"""Behaviour of the funcx-java kernel through jupyter_client: errors, multi-snippet cells,
streaming, displays, history and the built-in %time and %sh magics (interrupts: test_interrupt)."""
import unittest

from kernel_client import KernelTestCase


class FuncxJavaKernelBehaviour(KernelTestCase):
    def test_compile_error_names_the_cell_line_and_points_at_the_problem(self):
        execution = self.kernel.execute("int a = 1;\nint b = a + undefinedName;\n")
        self.assertEqual(execution.error()["ename"], "CompileError")
        traceback = execution.traceback()
        self.assertRegex(traceback, r"cell \[\d+\], line 2: cannot find symbol")
        self.assertIn("int b = a + undefinedName;", traceback)
        self.assertIn("            ^", traceback)

    def test_runtime_exception_shows_user_frames_with_cell_lines_only(self):
        self.kernel.execute("int divide(int a, int b) {\n  int q = a / b;\n  return q;\n}")
        execution = self.kernel.execute("int r = 1;\ndivide(r, 0)")
        self.assertEqual(execution.status, "error")
        traceback = execution.traceback()
        self.assertIn("java.lang.ArithmeticException: / by zero", traceback)
        self.assertRegex(traceback, r"at divide \(cell \[\d+\], line 2\)")
        self.assertRegex(traceback, r"at cell \[\d+\], line 2")
        self.assertNotIn("jdk.jshell", traceback)
        self.assertNotIn("org.funcx.kernel", traceback)

    def test_exception_causes_are_shown(self):
        code = ('try { Integer.parseInt("x"); } catch (NumberFormatException e) {\n'
                '  throw new IllegalStateException("bad input", e);\n}')
        traceback = self.kernel.execute(code).traceback()
        self.assertIn("java.lang.IllegalStateException: bad input", traceback)
        self.assertIn('Caused by: java.lang.NumberFormatException: For input string: "x"',
                      traceback)

    def test_a_cell_with_imports_methods_classes_and_an_expression_runs_in_order(self):
        code = ("import java.time.Duration;\n"
                "int twice(int v) { return 2 * v; }\n"
                "record Box(int size) {}\n"
                "var box = new Box(twice(21));\n"
                "box.size() + Duration.ofSeconds(0).getNano()")
        self.assertEqual(self.kernel.execute(code).result(), "42")
        self.assertEqual(self.kernel.execute("twice(5)").result(), "10")

    def test_stdout_is_streamed_while_the_cell_runs(self):
        code = ('for (int i = 0; i < 3; i++) {\n'
                '  System.out.println("tick " + i);\n  Thread.sleep(500);\n}')
        execution = self.kernel.execute(code)
        ticks = [m for m in execution.of_type("stream") if "tick" in m["content"]["text"]]
        self.assertEqual(len(ticks), 3)
        self.assertGreater(ticks[-1]["received_at"] - ticks[0]["received_at"], 0.6)

    def test_display_and_update_display_share_a_display_id(self):
        execution = self.kernel.execute(
            'display("working", "progress");\nupdateDisplay(html("<b>done</b>"), "progress");')
        shown = execution.of_type("display_data")
        updated = execution.of_type("update_display_data")
        self.assertEqual(len(shown), 1)
        self.assertEqual(len(updated), 1)
        self.assertEqual(shown[0]["content"]["transient"]["display_id"], "progress")
        self.assertEqual(updated[0]["content"]["transient"]["display_id"], "progress")
        self.assertEqual(updated[0]["content"]["data"]["text/html"], "<b>done</b>")

    def test_time_magic_reports_the_time_and_returns_the_value(self):
        execution = self.kernel.execute('%time "x".repeat(3)')
        self.assertIn("Wall time:", execution.stdout())
        self.assertEqual(execution.result(), "xxx")

    def test_cell_time_magic_keeps_declarations_for_later_cells(self):
        self.kernel.execute("%%time\nint keptByMagic = 5;")
        self.assertEqual(self.kernel.execute("keptByMagic + 1").result(), "6")

    def test_magic_line_between_java_lines_runs_in_order(self):
        execution = self.kernel.execute(
            'System.out.println("before");\n%time 1\nSystem.out.println("after");')
        stdout = execution.stdout()
        self.assertLess(stdout.index("before"), stdout.index("Wall time"))
        self.assertLess(stdout.index("Wall time"), stdout.index("after"))

    def test_magic_arguments_keep_their_quotes(self):
        self.assertEqual(self.kernel.execute('%time "a b".length()').result(), "3")

    def test_unknown_magic_and_missing_arguments_are_explained(self):
        unknown = self.kernel.execute("%nosuchmagic 1")
        self.assertEqual(unknown.error()["ename"], "UnknownMagicError")
        self.assertIn("%time", unknown.traceback())
        usage = self.kernel.execute("%time")
        self.assertEqual(usage.error()["ename"], "MagicUsageException")
        self.assertIn("usage: %time", usage.traceback())

    def test_sh_streams_a_scripts_output_and_fails_the_cell_on_a_failing_command(self):
        ok = self.kernel.execute("%%sh\necho one\necho two >&2\necho $((6 * 7))")
        self.assertEqual(ok.status, "ok")
        self.assertEqual(ok.stdout(), "one\ntwo\n42\n")
        failed = self.kernel.execute("%%sh\necho before\nexit 3\necho never")
        self.assertEqual(failed.error()["ename"], "ShellCommandError")
        self.assertIn("exited with status 3", failed.traceback())
        self.assertEqual(failed.stdout(), "before\n")
        self.assertEqual(self.kernel.execute("%sh false").error()["ename"], "ShellCommandError")

    def test_history_records_cells_with_their_results(self):
        self.kernel.execute("40 + 2")
        reply = self.kernel.request(
            lambda kc: kc.history(hist_access_type="tail", n=1, output=True, raw=True))
        self.assertEqual(reply["history"][-1][2], ["40 + 2", "42"])


if __name__ == "__main__":
    unittest.main()
