"""Libraries the notebook declared travel with the functions registered from it.

Run by FuncxMagicsThroughJupyterTest: the kernel, the service and the endpoint all resolve
offline from the same file repository (FUNCX_MAVEN_LOCAL_REPOSITORY) holding Commons Lang 3.12.0
and Commons Math 3.6.1.
"""
import os
import unittest

from kernel_client import KernelTestCase

REPOSITORY = os.environ["FUNCX_MAVEN_LOCAL_REPOSITORY"]
LANG3 = "org.apache.commons:commons-lang3:3.12.0"
MATH3 = "org.apache.commons:commons-math3:3.6.1"
MATH3_JAR = f"{REPOSITORY}/org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar"


class NotebookLibraries(KernelTestCase):
    cell_timeout = 120

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for code in ("%funcx connect", f"%maven {LANG3}"):
            execution = cls.kernel.execute(code, timeout=cls.cell_timeout)
            if execution.status != "ok":
                raise AssertionError(f"{code!r} failed:\n{execution.traceback()}")

    def test_1_a_method_using_a_maven_library_runs_in_the_cell_then_remotely(self):
        self.ok("import org.apache.commons.lang3.StringUtils;\n"
                "String shout(String s) { return StringUtils.upperCase(StringUtils.reverse(s)); }")
        self.assertEqual(self.ok('shout("abc")').result(), "CBA")
        registered = self.ok("%funcx register shout").result()
        self.assertIn(f"libraries: {LANG3}", registered)
        self.assertNotIn("warning", registered)
        self.assertEqual(self.ok('%funcx run shout("remote")').result(), "ETOMER")

    def test_2_a_cell_function_with_deps_lines_runs_remotely(self):
        registered = self.ok(
            "%%funcx function median\n"
            f"//DEPS {MATH3}\n"
            "double median(double[] xs) {\n"
            "  return new org.apache.commons.math3.stat.descriptive.rank.Median().evaluate(xs);\n"
            "}").result()
        # the cell's //DEPS and the notebook's %maven library
        self.assertIn(f"libraries: {LANG3}, {MATH3}", registered)
        self.assertEqual(self.ok("%funcx run median(new double[] {4, 1, 7})").result(), "4.0")

    def test_3_local_jars_are_not_sent_and_registering_says_so(self):
        self.assertIn("added 1 jar: commons-math3-3.6.1.jar", self.ok(f"%jars {MATH3_JAR}").stdout())
        registered = self.ok("%funcx register shout --name shout2").result()
        self.assertIn("warning: jars added with %jars are not sent (commons-math3-3.6.1.jar)",
                      registered)
        self.assertIn("./funcx endpoint configure NAME --classpath", registered)
        self.assertEqual(self.ok('%funcx run shout2("ok")').result(), "KO")

    def test_4_a_missing_deps_coordinate_is_a_clear_notebook_error(self):
        execution = self.kernel.execute(
            "%%funcx function broken\n"
            "//DEPS org.funcx.missing:nothing:1.0\n"
            "int broken() { return 1; }", timeout=120)
        self.assertEqual(execution.status, "error")
        self.assertEqual(execution.error()["ename"], "RemoteDependencyError",
                         execution.traceback())
        self.assertIn("dependency not found 'org.funcx.missing:nothing:1.0'", execution.traceback())
        self.assertIn(f"repositories tried: local ({REPOSITORY})", execution.traceback())
        self.assertEqual(self.ok('shout("still")').result(), "LLITS")


if __name__ == "__main__":
    unittest.main()
