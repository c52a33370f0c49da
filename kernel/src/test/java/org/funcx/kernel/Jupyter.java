package org.funcx.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Jupyter for tests: a kernelspec for this test JVM's class path in a private
 * JUPYTER_PATH, and Jupyter commands run against it with a deadline. Jupyter missing is a test
 * failure with the fix in the message, never a skip: the kernel is only tested through Jupyter.
 * Shared with the magics' tests through this module's test-jar; Python runs in the calling
 * module's src/test/python, with the kernel's jupyter_client helpers (kernel_client.py) importable.
 */
public final class Jupyter {
  public static final String PYTHON = "/usr/bin/python3";
  static final Path PYTHON_TESTS = Path.of("src", "test", "python").toAbsolutePath();
  private static final Path KERNEL_PYTHON_HELPERS =
      Path.of("..", "kernel", "src", "test", "python").toAbsolutePath().normalize();

  /** What a command printed (stdout and stderr interleaved) and how it ended. */
  public record Result(int exitCode, String output) {}

  private final Path home;

  /** Set for Jupyter and so for the kernels it starts. */
  private final Map<String, String> extraEnv;

  private Jupyter(Path home, Map<String, String> extraEnv) {
    this.home = home;
    this.extraEnv = Map.copyOf(extraEnv);
  }

  /** Checks Jupyter is installed and writes the funcx-java kernelspec under {@code home}. */
  public static Jupyter withKernel(Path home) throws IOException, InterruptedException {
    return withKernel(home, Map.of());
  }

  /** Like {@link #withKernel(Path)}; the kernels see {@code extraEnv} in their environment. */
  public static Jupyter withKernel(Path home, Map<String, String> extraEnv)
      throws IOException, InterruptedException {
    Jupyter jupyter = new Jupyter(home, extraEnv);
    Result probe =
        jupyter.run(
            List.of(
                PYTHON, "-c", "import jupyter_client, jupyter_kernel_test, nbclient, nbconvert"),
            Duration.ofSeconds(60));
    if (probe.exitCode() != 0) {
      fail(
          "Jupyter from Debian is missing ("
              + PYTHON
              + " cannot import it); install it with"
              + " scripts/install-jupyter.sh (as root). Output:\n"
              + probe.output());
    }
    KernelspecInstaller.install(
        new KernelspecOptions(
            System.getProperty("java.class.path"),
            home.resolve("kernels").resolve(KernelspecInstaller.DEFAULT_NAME)));
    return jupyter;
  }

  /** Runs {@code python3 -m unittest -v MODULE} from the module's src/test/python. */
  public Result unittest(String module, Duration timeout) throws IOException, InterruptedException {
    return run(List.of(PYTHON, "-m", "unittest", "-v", module), timeout);
  }

  /**
   * Runs the Python suite {@code module} and checks that it ran {@code expectedTests} tests with
   * the verdict line {@code verdict}; {@code printAlways} shows its output (timings) on success too.
   */
  public void assertSuitePasses(
      String module, int expectedTests, String verdict, Duration timeout, boolean printAlways)
      throws IOException, InterruptedException {
    Result result = unittest(module, timeout);
    if (printAlways || result.exitCode() != 0) System.out.println(result.output());
    assertThat(result.exitCode()).as("%s failed:%n%s", module, result.output()).isZero();
    assertThat(result.output())
        .as("%s ran fewer tests than expected:%n%s", module, result.output())
        .containsPattern("(?m)^Ran " + expectedTests + " tests? in ")
        .containsPattern("(?m)^" + java.util.regex.Pattern.quote(verdict) + "$");
  }

  public Result run(List<String> command, Duration timeout)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile(home, "command-", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(PYTHON_TESTS.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Map<String, String> env = builder.environment();
    env.putAll(extraEnv);
    env.put("JUPYTER_PATH", home.toString());
    env.put("JUPYTER_RUNTIME_DIR", home.resolve("runtime").toString());
    env.put("PYTHONDONTWRITEBYTECODE", "1");
    env.put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
    env.put("PYTHONPATH", PYTHON_TESTS + File.pathSeparator + KERNEL_PYTHON_HELPERS);
    Process process = builder.start();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      return new Result(-1, Files.readString(log) + "\n[killed after " + timeout + "]");
    }
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    return new Result(process.exitValue(), Files.readString(log));
  }
}
