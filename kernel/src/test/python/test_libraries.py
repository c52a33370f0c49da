"""%maven and %jars through jupyter_client: run by LibraryMagicsTest, whose kernel resolves
offline from a file repository (FUNCX_MAVEN_OFFLINE, FUNCX_MAVEN_LOCAL_REPOSITORY) and whose
FUNCX_TEST_JARS directory holds greeter.jar (demo.Greeter), fake.jar (not a jar) and many/ (one
jar more than a %jars may add)."""
import os
import socket
import sys
import tempfile
import time
import unittest

from kernel_client import KernelSession, KernelTestCase

REPOSITORY = os.environ["FUNCX_MAVEN_LOCAL_REPOSITORY"]
JARS = os.environ["FUNCX_TEST_JARS"]
MAX_JARS = int(os.environ["FUNCX_TEST_MAX_JARS"])
LANG3 = "org.apache.commons:commons-lang3:3.12.0"
MATH3 = "org.apache.commons:commons-math3:3.6.1"
MISSING = "org.funcx.missing:nothing:1.0"


class Libraries(KernelTestCase):
    cell_timeout = 120

    def assert_kernel_works(self):
        self.assertEqual(self.ok("1 + 1").result(), "2")

    def test_maven_adds_a_library_the_next_cell_uses_and_again_adds_nothing(self):
        started = time.monotonic()
        out = self.ok(f"%maven {LANG3}").stdout()
        first = time.monotonic() - started
        self.assertEqual(out, f"{LANG3}: added 1 jar: commons-lang3-3.12.0.jar\n")
        self.assertEqual(
            self.ok('org.apache.commons.lang3.StringUtils.reverse("maven")').result(), "nevam")
        started = time.monotonic()
        self.assertEqual(self.ok(f"%maven {LANG3}").stdout(),
                         f"{LANG3}: already on the class path\n")
        again = time.monotonic() - started
        # printed, not asserted: the Java test shows it in the build log
        print(f"\n%maven of a new artifact from a local repository: {first:.2f} s; of one"
              f" declared already: {again:.3f} s (cell round trips)", file=sys.stderr)

    def test_a_request_with_a_missing_artifact_adds_nothing_then_the_same_cell_imports(self):
        traceback = self.error(f"%maven {MATH3} {MISSING}", "MavenResolutionError")
        self.assertIn("nothing was added to the class path", traceback)
        # the artifact that exists was not added either
        self.error("org.apache.commons.math3.util.FastMath.abs(-2)", "CompileError")
        out = self.ok(f"%maven {MATH3}\n"
                      "import org.apache.commons.math3.stat.descriptive.rank.Median;\n"
                      "System.out.println(new Median().evaluate(new double[] {1, 9, 5}));").stdout()
        self.assertEqual(out, f"{MATH3}: added 1 jar: commons-math3-3.6.1.jar\n5.0\n")

    def test_maven_of_a_missing_artifact_names_it_and_the_repositories_then_the_kernel_works(self):
        traceback = self.error(f"%maven {MISSING}", "MavenResolutionError")
        self.assertIn(f"dependency not found '{MISSING}'", traceback)
        self.assertIn(f"repositories tried: local ({REPOSITORY})", traceback)
        self.assert_kernel_works()

    def test_malformed_and_too_many_coordinates_are_refused_before_resolving(self):
        traceback = self.error("%maven not-a-coordinate", "MavenResolutionError")
        self.assertIn("malformed dependency coordinate 'not-a-coordinate'", traceback)
        many = " ".join(f"org.example:a{i}:1.0" for i in range(65))
        traceback = self.error(f"%maven {many}", "MavenResolutionError")
        self.assertIn("too many dependencies", traceback)
        self.assertIn("65 coordinates, at most 64", traceback)
        self.error("%maven", "MagicUsageException")
        self.assert_kernel_works()

    def complete(self, code):
        reply = self.kernel.request(lambda kc: kc.complete(code, len(code)), timeout=60)
        self.assertEqual(reply["status"], "ok", reply)
        return reply["matches"]

    def test_jars_adds_a_local_jar_once_by_path_or_glob(self):
        # a completion that knows the cell's declarations before the jar (its compile-only
        # JShell exists then) and after it: the added jar is on that JShell's class path too
        cell_above = 'String who = "x";\n'
        self.assertNotIn("Greeter", self.complete(cell_above + "demo.Gree"))
        out = self.ok(f"%jars {JARS}/greeter.jar").stdout()
        self.assertEqual(out, "added 1 jar: greeter.jar\n")
        self.assertIn("Greeter", self.complete(cell_above + "demo.Gree"))
        self.assertEqual(self.ok('demo.Greeter.greet("jars")').result(), "hello jars")
        # what ServiceLoader and reflective libraries use finds it too
        self.assertEqual(self.ok('Thread.currentThread().getContextClassLoader()'
                                 '.loadClass("demo.Greeter").getName()').result(), "demo.Greeter")
        self.assertEqual(self.ok(f"%jars {JARS}/gree*.jar").stdout(),
                         "already on the class path\n")

    def test_jars_of_a_file_that_is_not_a_jar_or_of_nothing_is_a_clear_error(self):
        traceback = self.error(f"%jars {JARS}/fake.jar", "JarsError")
        self.assertIn(f"{JARS}/fake.jar is not a jar", traceback)
        traceback = self.error(f"%jars {JARS}/absent.jar", "JarsError")
        self.assertIn(f"'{JARS}/absent.jar': no such file or directory", traceback)
        traceback = self.error(f"%jars {JARS}/*.zip", "JarsError")
        self.assertIn("no file matches", traceback)
        self.assert_kernel_works()

    def test_jars_of_more_jars_than_the_bound_adds_none(self):
        traceback = self.error(f"%jars {JARS}/many", "JarsError")
        self.assertIn(f"more than {MAX_JARS} jars in one %jars", traceback)
        traceback = self.error(f"%jars {JARS}/many/lib-1*.jar {JARS}/fake.jar", "JarsError")
        self.assertIn("not a jar", traceback)
        # none of the jars of the refused request is on the class path
        self.assertEqual(self.ok(f"%jars {JARS}/many/lib-1.jar").stdout(),
                         "added 1 jar: lib-1.jar\n")

    def test_jars_names_the_first_eight_it_adds_and_counts_the_rest(self):
        names = ", ".join(f"lib-2{i}.jar" for i in range(8))
        self.assertEqual(self.ok(f"%jars {JARS}/many/lib-2?.jar").stdout(),
                         f"added 10 jars: {names} and 2 more\n")

    def test_a_silent_or_closed_mirror_is_unreachable_within_the_time_bound(self):
        # other kernels, resolving through a mirror that accepts connections and never answers
        silent = socket.socket()
        silent.bind(("127.0.0.1", 0))
        silent.listen(50)
        silent.settimeout(60)
        closed = socket.socket()
        closed.bind(("127.0.0.1", 0))
        closed_port = closed.getsockname()[1]
        closed.close()  # nothing listens there any more: connections are refused
        mirror = f"http://127.0.0.1:{silent.getsockname()[1]}/"
        with tempfile.TemporaryDirectory() as cache:
            env = {k: v for k, v in os.environ.items() if not k.startswith("FUNCX_MAVEN")}
            env.update(FUNCX_MAVEN_MIRROR=mirror, FUNCX_MAVEN_LOCAL_REPOSITORY=cache)
            try:
                self.interrupt_a_resolution_in_progress(silent, dict(
                    env, FUNCX_DEPENDENCY_TIMEOUT_SECONDS="600"))
                self.assert_unreachable(dict(env, FUNCX_DEPENDENCY_TIMEOUT_SECONDS="2"), mirror)
            finally:
                silent.close()
            self.assert_unreachable(dict(env, FUNCX_DEPENDENCY_TIMEOUT_SECONDS="2",
                                         FUNCX_MAVEN_MIRROR=f"http://127.0.0.1:{closed_port}/"),
                                    f"http://127.0.0.1:{closed_port}/")

    def interrupt_a_resolution_in_progress(self, silent, env):
        """The mirror accepting the kernel's connection shows the resolution is under way."""
        other = KernelSession(env=env)
        try:
            msg_id = other.start(f"%maven {LANG3}")
            connection, _ = silent.accept()
            other.km.interrupt_kernel()
            execution = other.wait(msg_id, timeout=60)
            connection.close()
            self.assertEqual(execution.error()["ename"], "InterruptedCellError",
                             execution.traceback())
            self.assertIn("%maven was interrupted", execution.traceback())
            self.assertEqual(other.execute("1 + 1").result(), "2")
        finally:
            other.close()

    def assert_unreachable(self, env, mirror):
        other = KernelSession(env=env)
        try:
            execution = other.execute(f"%maven {LANG3}", timeout=120)
            self.assertEqual(execution.error()["ename"], "MavenResolutionError",
                             execution.traceback())
            self.assertIn("repository unreachable while resolving", execution.traceback())
            self.assertIn(f"repositories tried: mirror ({mirror})", execution.traceback())
            self.assertEqual(other.execute("1 + 1").result(), "2")
        finally:
            other.close()

    def test_an_unusable_time_out_in_the_environment_is_a_clear_error(self):
        other = KernelSession(env=dict(os.environ, FUNCX_DEPENDENCY_TIMEOUT_SECONDS="soon"))
        try:
            execution = other.execute(f"%maven {LANG3}", timeout=120)
            self.assertEqual(execution.error()["ename"], "MavenSettingsError",
                             execution.traceback())
            self.assertIn("FUNCX_DEPENDENCY_TIMEOUT_SECONDS", execution.traceback())
            self.assertIn('"soon"', execution.traceback())
            self.assertIn("nothing was added to the class path", execution.traceback())
            self.assertEqual(other.execute("1 + 1").result(), "2")
        finally:
            other.close()

    def test_magics_are_listed(self):
        execution = self.kernel.kc.complete("%ma", 3)
        reply = self.kernel.kc.get_shell_msg(timeout=30)
        self.assertIn("%maven", reply["content"]["matches"])

    def test_usage_of_jars_without_a_path(self):
        self.error("%jars", "MagicUsageException")
