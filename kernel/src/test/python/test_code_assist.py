"""Completion and inspection through jupyter_client: they know what the cell declares above the
cursor before the cell has run (a second, compile-only JShell), without running any of it."""
import os
import tempfile
import unittest

from kernel_client import KernelTestCase


class FuncxJavaCodeAssist(KernelTestCase):
    def complete(self, code, cursor=None):
        cursor = len(code) if cursor is None else cursor
        reply = self.kernel.request(lambda kc: kc.complete(code, cursor), timeout=60)
        self.assertEqual(reply["status"], "ok", reply)
        return reply

    def inspect(self, code):
        reply = self.kernel.request(lambda kc: kc.inspect(code, len(code)), timeout=60)
        self.assertEqual(reply["status"], "ok", reply)
        return reply

    def assertOffers(self, code, expected):
        reply = self.complete(code)
        self.assertTrue(any(m.startswith(expected) for m in reply["matches"]),
                        f"{expected!r} not among {reply['matches']} for {code!r}")
        return reply

    def test_a_variable_declared_above_in_the_cell_completes_before_the_cell_ran(self):
        code = 'String s = "x";\ns.toUpp'
        reply = self.assertOffers(code, "toUpperCase")
        self.assertEqual(reply["cursor_start"], code.index("toUpp"))
        self.assertEqual(reply["cursor_end"], len(code))

    def test_a_method_a_class_and_an_import_declared_above_complete(self):
        self.assertOffers("int twice(int x) { return 2 * x; }\nint y = 1;\ntwi", "twice(")
        self.assertOffers("class Point { int x; int norm() { return x; } }\nnew Point().no",
                          "norm()")
        self.assertOffers("record Pair(String left, int right) {}\nnew Pair(\"a\", 1).le",
                          "left()")
        self.assertOffers("import java.util.concurrent.atomic.*;\nAtomicLo", "AtomicLong")

    def test_variables_of_earlier_cells_complete_alone_and_inside_the_cell(self):
        self.assertEqual(self.kernel.execute('String earlier = " y ";').status, "ok")
        self.assertOffers("earlier.toLow", "toLowerCase")
        self.assertOffers("String t = earlier.strip();\nt.isBl", "isBlank")

    def test_declarations_after_a_magic_line_and_on_one_line_count(self):
        self.assertOffers('String a = "x";\n%time 1 + 1\nString b = a;\nb.toUpp', "toUpperCase")
        self.assertOffers('String c = "x"; c.toUpp', "toUpperCase")

    def test_completing_runs_nothing_of_the_cell_and_leaves_the_session_as_it_was(self):
        marker = os.path.join(tempfile.mkdtemp(), "ran")
        self.assertEqual(self.kernel.execute('String kept = "session";').status, "ok")
        cell = (f'int sideEffect() throws Exception {{\n'
                f'  Files.writeString(Path.of("{marker}"), "x"); return 1;\n}}\n'
                f'class Loud {{ static {{ System.out.println("static init ran"); }} }}\n'
                f'int ran = sideEffect();\n'
                f'Files.writeString(Path.of("{marker}"), "statement");\n'
                f'new Loud();\n'
                f'Integer kept = 42;\n'
                f'kept.intVal')
        self.assertOffers(cell, "intValue")
        self.inspect(cell)
        self.assertFalse(os.path.exists(marker), "completion ran code of the cell")
        after = self.kernel.execute("kept")
        self.assertEqual(after.result(), "session")
        self.assertEqual(after.stdout(), "")
        # the session's String kept is what the next completion sees again
        self.assertOffers("int unrelated = 0;\nkept.toUpp", "toUpperCase")
        missing = self.kernel.execute("ran")
        self.assertEqual(missing.error()["ename"], "CompileError")

    def test_inspecting_a_variable_or_method_declared_above_in_the_cell(self):
        reply = self.inspect('String s = "x";\ns')
        self.assertTrue(reply["found"], reply)
        self.assertIn("String", reply["data"]["text/plain"])
        reply = self.inspect("int twice(int x) { return 2 * x; }\ntwice")
        self.assertTrue(reply["found"], reply)
        self.assertIn("int twice(int x)", reply["data"]["text/plain"])

    def test_a_cell_above_that_does_not_compile_still_completes_what_does(self):
        self.assertOffers('int broken = "text";\nString fine = "x";\nfine.toUpp', "toUpperCase")


if __name__ == "__main__":
    unittest.main()
