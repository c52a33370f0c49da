"""The %funcx magics in a notebook-like sequence against a real service and endpoint.

Run by FuncxMagicsThroughJupyterTest with FUNCX_URL pointing at the service (so a bare
`%funcx connect` finds it) and JUPYTER_PATH at a funcx-java kernelspec for the test class path.
"""
import os
import re
import tempfile
import time
import unittest
from queue import Empty

from kernel_client import KernelTestCase

URL = os.environ["FUNCX_URL"]
ENDPOINT_ID = os.environ["FUNCX_TEST_ENDPOINT_ID"]


class FuncxMagics(KernelTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.connected = cls.kernel.execute("%funcx connect")
        cls.kernel.execute(
            "long cube(long x) { return x * x * x; }\n"
            "long sumOfCubes(long n) {\n"
            "  long s = 0;\n"
            "  for (long i = 1; i <= n; i++) s += cube(i);\n"
            "  return s;\n"
            "}\n"
            'String unrelated() { return "not needed remotely"; }')

    def test_connect_finds_the_service_from_funcx_url_and_uses_the_only_endpoint(self):
        text = self.connected.result()
        self.assertIn("connected to the funcX service", text)
        self.assertIn(URL, text)
        self.assertIn(f"using endpoint local ({ENDPOINT_ID})", text)

    def test_whoami_names_the_signed_in_user_and_their_scopes(self):
        text = self.ok("%funcx whoami").result()
        self.assertIn("admin at " + URL, text)
        self.assertIn("funcx:compute", text)

    def test_endpoints_is_an_html_table_with_status_workers_and_queue(self):
        html = self.ok("%funcx endpoints").result("text/html")
        self.assertIn("<table", html)
        for column in ("id", "name", "status", "workers", "queued"):
            self.assertIn(f"<th>{column}</th>", html)
        self.assertIn(f"<td>{ENDPOINT_ID}</td><td>local (in use)</td><td>online</td>", html)

    def test_dashboard_redraws_endpoints_and_this_notebooks_tasks_in_place_then_stops(self):
        self.ok("%funcx run cube(3)")
        execution = self.ok("%funcx dashboard --for 3 --every 0.5", timeout=60)
        shown = execution.of_type("display_data")
        self.assertEqual(len(shown), 1)
        self.assertIn("<td>local</td><td>online</td>", shown[0]["content"]["data"]["text/html"])
        self.assertIn("interrupt the cell to stop", shown[0]["content"]["data"]["text/plain"])
        updates = execution.of_type("update_display_data")
        self.assertGreaterEqual(len(updates), 2, "redrawn while the cell ran, then at its end")
        last = updates[-1]["content"]["data"]
        self.assertIn("no longer updating", last["text/plain"])
        self.assertIn("finishing at", last["text/plain"])
        self.assertRegex(last["text/html"], r"<td>success</td><td>[1-9][0-9]*</td>")
        for update in updates:
            self.assertEqual(update["content"]["transient"]["display_id"],
                             shown[0]["content"]["transient"]["display_id"])

    def test_status_without_a_task_id_shows_the_federation_and_watch_updates_it(self):
        html = self.ok("%funcx status").result("text/html")
        self.assertIn("<td>local</td><td>online</td>", html)
        self.assertNotIn("interrupt the cell", html)
        execution = self.ok("%funcx status --watch --for 1 --every 0.5", timeout=60)
        self.assertEqual(len(execution.of_type("display_data")), 1)
        self.assertIn("no longer updating", execution.of_type("update_display_data")[-1]
                      ["content"]["data"]["text/plain"])

    def test_interrupting_the_dashboard_keeps_its_last_view(self):
        msg_id = self.kernel.start("%funcx dashboard --for 600 --every 0.5")
        deadline = time.monotonic() + 60
        drawn = False
        while not drawn and time.monotonic() < deadline:
            try:
                msg = self.kernel.kc.get_iopub_msg(timeout=1)
            except Empty:
                continue
            drawn = (msg["parent_header"].get("msg_id") == msg_id
                     and msg["msg_type"] == "display_data")
        self.assertTrue(drawn, "the dashboard never drew")
        self.kernel.km.interrupt_kernel()
        execution = self.kernel.wait(msg_id, timeout=30)
        self.assertIn("no longer updating",
                      execution.of_type("update_display_data")[-1]["content"]["data"]["text/plain"])
        self.assertEqual(self.ok("1 + 1").result(), "2")

    def test_dashboard_refuses_bad_periods_with_the_usage(self):
        self.assertIn("--every must be positive",
                      self.error("%funcx dashboard --every 0", "MagicUsageException"))
        self.assertIn("--for takes seconds, got soon",
                      self.error("%funcx dashboard --for soon", "MagicUsageException"))

    def test_use_takes_a_name_or_an_id_and_explains_unknown_ones(self):
        self.assertIn("using endpoint local", self.ok("%funcx use local").result())
        self.assertIn("using endpoint local", self.ok(f"%funcx use {ENDPOINT_ID}").result())
        self.assertIn("no endpoint named or with id nowhere",
                      self.error("%funcx use nowhere", "MagicException"))

    def test_register_sends_the_method_with_its_helpers_and_run_returns_the_value(self):
        registered = self.ok("%funcx register sumOfCubes").result()
        self.assertIn("registered sumOfCubes as", registered)
        self.assertIn("helpers: cube", registered)
        self.assertNotIn("unrelated", registered)
        self.assertEqual(self.ok("%funcx run sumOfCubes(3)").result(), "36")
        self.assertEqual(self.ok("_fx + 1").result(), "37")
        self.assertEqual(self.ok("%funcx run sumOfCubes(4) --cache --out cached").result(), "100")
        self.assertEqual(self.ok("%funcx run sumOfCubes(4) --cache").result(), "100")
        self.assertEqual(self.ok("cached").result(), "100")

    def test_cells_can_use_the_same_connection_through_the_sdk(self):
        self.ok("%funcx register cube")
        code = ("import org.funcx.magics.FuncX;\n"
                "try (var executor = FuncX.executor()) {\n"
                "  System.out.println(executor.submit(FuncX.function(\"cube\"), 5L).get());\n"
                "}\n"
                "FuncX.client().endpoint(FuncX.endpointId()).name()")
        execution = self.ok(code)
        self.assertEqual(execution.stdout(), "125\n")
        self.assertEqual(execution.result(), "local")

    def test_a_table_result_renders_as_an_html_table_with_shape_and_types(self):
        self.ok("%%funcx function rows\n"
                "import java.util.*;\n"
                "record Row(long id, double x, String name) {}\n"
                "List<Row> rows(int n) {\n"
                "  List<Row> out = new ArrayList<>();\n"
                "  for (int i = 0; i < n; i++) out.add(new Row(i, i / 2.0, \"r\" + i));\n"
                "  return out;\n"
                "}")
        execution = self.ok("%funcx run rows(1000) --out table", timeout=120)
        html = execution.result("text/html")
        self.assertIn("1,000 rows", html)
        for column in ("id", "x", "name"):
            self.assertIn(column, html)
        self.assertIn("r999", html)
        self.assertEqual(self.ok("table.rowCount()").result(), "1000")

    def test_run_arguments_are_java_expressions_and_keep_their_quotes(self):
        self.ok('%%funcx function greet\n'
                'String greet(String who, int times) {\n'
                '  return ("hi " + who + "!").repeat(times);\n'
                '}')
        self.ok('String someone = "a b";')
        self.assertEqual(self.ok('%funcx run greet(someone + " c", 1 + 1)').result(),
                         "hi a b c!hi a b c!")

    def test_map_over_a_thousand_inputs_shows_progress_then_one_html_table(self):
        body = "\n".join(str(n) for n in range(1, 1001))
        execution = self.ok("%%funcx map sumOfCubes\n" + body, timeout=180)
        progress = execution.of_type("display_data")
        self.assertEqual(len(progress), 1)
        self.assertIn("sumOfCubes: 0/1000 done", progress[0]["content"]["data"]["text/plain"])
        updates = execution.of_type("update_display_data")
        self.assertGreaterEqual(len(updates), 1)
        self.assertIn("1000/1000 done, 0 failed", updates[-1]["content"]["data"]["text/plain"])
        html = execution.result("text/html")
        self.assertIn("1000 succeeded, 0 failed", html)
        self.assertEqual(html.count("<tr>"), 1001)
        self.assertIn("<td>10</td>", html)
        self.assertIn("<td>3025</td>", html)
        self.assertEqual(self.ok("_fx.size()").result(), "1000")
        self.assertEqual(self.ok("_fx.get(9)").result(), "3025")

    def test_map_over_a_notebook_value_makes_one_call_per_element(self):
        self.ok("java.util.List<Long> ns = java.util.List.of(1L, 2L, 3L);")
        html = self.ok("%funcx map cube --over ns", timeout=120).result("text/html")
        self.assertIn("cube over 3 input(s) on local: 3 succeeded, 0 failed", html)
        self.assertEqual(self.ok("_fx").result(), "[1, 8, 27]")
        self.ok("%funcx map cube --over new long[] {4, 5}", timeout=120)
        self.assertEqual(self.ok("_fx").result(), "[64, 125]")
        self.ok("%funcx map cube --over java.util.stream.LongStream.rangeClosed(6, 7).boxed()",
                timeout=120)
        self.assertEqual(self.ok("_fx").result(), "[216, 343]")

    def test_map_over_refuses_what_it_cannot_map_with_a_clear_message(self):
        self.ok("java.util.List<Long> ns = java.util.List.of(1L);")
        self.assertIn("is null: nothing to map",
                      self.error("%funcx map cube --over (java.util.List<Long>) null",
                                 "MagicException"))
        self.assertIn("is empty: nothing to map",
                      self.error("%funcx map cube --over java.util.List.of()", "MagicException"))
        self.assertIn("is a Map: map over its entrySet()",
                      self.error("%funcx map cube --over java.util.Map.of(1L, 2L)",
                                 "MagicException"))
        self.assertIn("not something to map over",
                      self.error("%funcx map cube --over 42L", "MagicException"))
        self.assertIn("not a valid Java expression",
                      self.error("%funcx map cube --over ns.", "MagicException"))
        self.assertIn("leave the cell's lines out",
                      self.error("%%funcx map cube --over ns\n1", "MagicUsageException"))
        self.assertIn("%funcx map needs --over EXPR",
                      self.error("%funcx map cube", "MagicUsageException"))

    def test_what_a_function_prints_appears_in_the_cell_and_with_funcx_output(self):
        self.ok('%%funcx function shout\n'
                'String shout(String word) {\n'
                '  System.out.println("saying " + word);\n'
                '  System.err.println("careful with " + word);\n'
                '  return word.toUpperCase();\n'
                '}')
        execution = self.ok('%funcx run shout("hey")')
        self.assertEqual(execution.result(), "HEY")
        self.assertEqual(self.streamed(execution, "stdout"), "saying hey\n")
        self.assertEqual(self.streamed(execution, "stderr"), "careful with hey\n")
        tasks = self.ok("%funcx tasks").result("text/html")
        task_id = re.findall(r"<tr><td>([0-9a-f-]{36})</td><td>shout</td>", tasks)[-1]
        again = self.ok(f"%funcx output {task_id}")
        self.assertEqual(self.streamed(again, "stdout"), "saying hey\n")
        self.assertEqual(self.streamed(again, "stderr"), "careful with hey\n")
        self.ok("%funcx run sumOfCubes(1)")
        tasks = self.ok("%funcx tasks").result("text/html")
        quiet_id = re.findall(r"<tr><td>([0-9a-f-]{36})</td><td>sumOfCubes</td>", tasks)[-1]
        self.assertIn("printed nothing",
                      self.streamed(self.ok(f"%funcx output {quiet_id}"), "stdout"))
        # a map's table has an output column: first line, size and where to see all of it
        html = self.ok('%%funcx map shout\n"a"\n"b"').result("text/html")
        self.assertIn("<th>output</th>", html)
        self.assertIn("saying a (2 lines, 24 bytes; %funcx output ", html)
        self.assertIn("saying b (2 lines, 24 bytes; %funcx output ", html)

    def test_a_running_task_streams_what_it_prints_into_the_cell_before_its_value(self):
        self.ok('%%funcx function stepper\n'
                'int stepper(String gate) throws Exception {\n'
                '  System.out.println("step 1");\n'
                '  java.nio.file.Path open = java.nio.file.Path.of(gate);\n'
                '  while (!java.nio.file.Files.exists(open)) Thread.sleep(20);\n'
                '  for (int i = 2; i <= 3; i++) {\n'
                '    Thread.sleep(100);\n'
                '    System.out.println("step " + i);\n'
                '  }\n'
                '  return 3;\n'
                '}')
        gate = os.path.join(tempfile.mkdtemp(prefix="stepper-"), "gate")
        msg_id = self.kernel.start(f'%funcx run stepper("{gate}")')
        # the task waits for the gate, so "step 1" can only reach the cell while it runs
        early = []
        deadline = time.monotonic() + 120
        while "step 1\n" not in self.streamed_in(early, "stdout"):
            self.assertLess(time.monotonic(), deadline, f"no live 'step 1' in {early}")
            try:
                msg = self.kernel.kc.get_iopub_msg(timeout=1)
            except Empty:
                continue
            if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream":
                early.append(msg)
            elif msg["parent_header"].get("msg_id") == msg_id:
                self.assertNotIn(msg["msg_type"], ("execute_result", "error"), msg)
        with open(gate, "w"):
            pass
        execution = self.kernel.wait(msg_id, timeout=120)
        self.assertEqual(execution.status, "ok", execution.traceback())
        outputs = early + execution.outputs
        kinds = [m["msg_type"] for m in outputs]
        self.assertEqual(execution.result(), "3")
        # every line once, all of them before the value
        self.assertEqual(self.streamed_in(outputs, "stdout"), "step 1\nstep 2\nstep 3\n")
        last_stream = max(i for i, kind in enumerate(kinds) if kind == "stream")
        self.assertLess(last_stream, kinds.index("execute_result"), kinds)

    @staticmethod
    def streamed_in(messages, name):
        return "".join(m["content"]["text"] for m in messages
                       if m["msg_type"] == "stream" and m["content"]["name"] == name)

    def test_sh_runs_a_command_with_placeholders_filled_as_single_words(self):
        execution = self.ok("%funcx sh echo {w} w=hi")
        self.assertEqual(self.streamed(execution, "stdout"), "hi\n")
        self.assertEqual(self.streamed(execution, "stderr"), "")
        # a value is one word, never shell code; the result lands in _fx
        execution = self.ok("%funcx sh --timeout 60 echo {w} w='a b; echo injected'")
        self.assertEqual(self.streamed(execution, "stdout"), "a b; echo injected\n")
        self.assertEqual(self.ok("_fx.returncode()").result(), "0")
        self.assertEqual(self.ok("_fx.stdout().strip()").result(), "a b; echo injected")
        # a non-zero return code is shown, not raised; a missing command gives 127
        failing = self.ok("%funcx sh 'echo oops >&2; exit 3'")
        self.assertEqual(self.streamed(failing, "stderr"),
                         "oops\n[funcx sh: return code 3]\n")
        missing = self.ok("%funcx sh nosuchcommand-funcx")
        self.assertIn("[funcx sh: return code 127]", self.streamed(missing, "stderr"))

    def test_sh_cell_runs_the_body_as_a_script(self):
        execution = self.ok("%%funcx sh --timeout 60 name=world\n"
                            "greeting=hello\n"
                            "echo \"$greeting\" {name}\n"
                            "pwd | grep -c sandboxes/task-")
        self.assertEqual(self.streamed(execution, "stdout"), "hello world\n1\n")
        traceback = self.error("%%funcx sh --timeout 1\nsleep 30", "RemoteTaskError")
        self.assertIn("timeout", traceback)
        self.assertIn("returncode: 124", traceback)

    @staticmethod
    def streamed(execution, name):
        return "".join(m["content"]["text"] for m in execution.of_type("stream")
                       if m["content"]["name"] == name)

    def test_a_remote_exception_shows_the_remote_stack_trace(self):
        self.ok("long explode(long x) {\n  long zero = x - x;\n  return x / zero;\n}")
        self.ok("%funcx register explode")
        traceback = self.error("%funcx run explode(7)", "RemoteTaskError")
        self.assertIn("remote_exception: java.lang.ArithmeticException: / by zero", traceback)
        self.assertRegex(traceback, r"at .*explode\(explode\.java:\d+\) \[method explode line 3\]")

    def test_a_remote_compile_error_points_at_the_cell_line(self):
        traceback = self.error("%%funcx function broken\nlong broken(long x) {\n  return x +;\n}",
                               "RemoteCompileError")
        self.assertIn("cell line 3", traceback)
        self.assertIn("return x +;", traceback)

    def test_using_a_notebook_variable_remotely_is_explained(self):
        self.ok("long factor = 3;\nlong scale(long x) { return x * factor; }")
        traceback = self.error("%funcx register scale", "RemoteCompileError")
        self.assertIn("factor is a notebook variable", traceback)

    def test_a_remote_timeout_is_reported_as_such(self):
        self.ok("%%funcx function nap\nlong nap(long ms) throws Exception {\n"
                "  Thread.sleep(ms);\n  return ms;\n}")
        traceback = self.error("%funcx run nap(20000) --timeout 0.5", "RemoteTaskError")
        self.assertIn("timeout", traceback)

    def test_interrupting_a_wait_ends_the_cell_at_once(self):
        self.ok("%%funcx function doze\nlong doze(String started, long ms) throws Exception {\n"
                "  java.nio.file.Files.writeString(java.nio.file.Path.of(started), \"\");\n"
                "  Thread.sleep(ms);\n  return ms;\n}")
        started_file = os.path.join(tempfile.mkdtemp(prefix="doze-"), "started")
        msg_id = self.kernel.start(f'%funcx run doze("{started_file}", 60000)')
        # interrupt once the task runs remotely (the local endpoint shares this file system), so
        # that a loaded machine cannot make the interrupt land before the submission
        deadline = time.monotonic() + 60
        while not os.path.exists(started_file) and time.monotonic() < deadline:
            time.sleep(0.05)
        self.assertTrue(os.path.exists(started_file), "doze never started on the endpoint")
        started = time.monotonic()
        self.kernel.km.interrupt_kernel()
        execution = self.kernel.wait(msg_id, timeout=20)
        self.assertLess(time.monotonic() - started, 5)
        self.assertEqual(execution.error()["ename"], "InterruptedCellError")
        # a single call the user interrupted is cancelled remotely, its worker freed
        self.assertIn("interrupted: cancelled 1 task(s)", "".join(
            m["content"]["text"] for m in execution.of_type("stream")))
        self.assertEqual(self.ok("1 + 1").result(), "2")
        tasks = self.ok("%funcx tasks").result("text/html")
        row = next(r for r in tasks.split("<tr") if "doze" in r)
        self.assertIn("cancelled", row)

    def test_wrong_arguments_print_the_usage(self):
        self.assertIn("usage: %funcx run NAME(ARGS...)",
                      self.error("%funcx run", "MagicUsageException"))
        self.assertIn("expected a call like sq(12)",
                      self.error("%funcx run sumOfCubes", "MagicUsageException"))
        self.assertIn("unknown option --bogus",
                      self.error("%funcx run sumOfCubes(1) --bogus", "MagicUsageException"))
        self.assertIn("not an http(s) URL: localhost",
                      self.error("%funcx connect localhost", "MagicUsageException"))
        unknown = self.error("%funcx frobnicate", "MagicUsageException")
        self.assertIn("unknown subcommand %funcx frobnicate", unknown)
        self.assertIn("%%funcx map NAME", unknown)
        self.assertIn("usage:", self.ok("%funcx").result())
        self.assertIn("%funcx cancel TASK_ID", self.ok("%funcx help").result())

    def test_tasks_status_result_and_cancel_work_on_task_ids(self):
        self.ok("%funcx run sumOfCubes(2)")
        tasks = self.ok("%funcx tasks").result("text/html")
        task_id = re.findall(r"<tr><td>([0-9a-f-]{36})</td><td>sumOfCubes</td>", tasks)[-1]
        self.assertIn("<td>success</td>", self.ok(f"%funcx status {task_id}").result("text/html"))
        self.assertEqual(self.ok(f"%funcx result {task_id} --out nine").result(), "9")
        self.assertEqual(self.ok("nine + 0").result(), "9")
        self.assertIn("could not be cancelled: it is success",
                      self.ok(f"%funcx cancel {task_id}").result())


if __name__ == "__main__":
    unittest.main()
