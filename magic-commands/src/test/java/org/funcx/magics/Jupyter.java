package org.funcx.magics;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.funcx.kernel.KernelspecInstaller;
import org.funcx.kernel.KernelspecOptions;

/**
 * Debian's Jupyter with a funcx-java kernelspec for this test class path (kernel plus magics) in a
 * private JUPYTER_PATH. The Python tests reuse the kernel module's jupyter_client helper
 * (kernel/src/test/python/kernel_client.py). Jupyter missing fails the test, with the fix.
 */
final class Jupyter {
  static final String PYTHON = "/usr/bin/python3";
  static final Path PYTHON_TESTS = Path.of("src", "test", "python").toAbsolutePath();
  static final Path KERNEL_PYTHON_HELPERS =
      Path.of("..", "kernel", "src", "test", "python").toAbsolutePath().normalize();

  record Result(int exitCode, String output) {}

  private final Path home;
  private final Map<String, String> extraEnv;

  private Jupyter(Path home, Map<String, String> extraEnv) {
    this.home = home;
    this.extraEnv = extraEnv;
  }

  static Jupyter withKernel(Path home, Map<String, String> extraEnv) throws Exception {
    Jupyter jupyter = new Jupyter(home, extraEnv);
    Result probe = jupyter.run(List.of(PYTHON, "-c", "import jupyter_client, nbconvert"),
        Duration.ofSeconds(60));
    if (probe.exitCode() != 0) {
      fail("Jupyter from Debian is missing (" + PYTHON + " cannot import it); install it with"
          + " scripts/install-jupyter.sh (as root). Output:\n" + probe.output());
    }
    KernelspecInstaller.install(new KernelspecOptions(System.getProperty("java.class.path"),
        home.resolve("kernels").resolve("funcx-java")));
    return jupyter;
  }

  Result run(List<String> command, Duration timeout) throws IOException, InterruptedException {
    Path log = Files.createTempFile(home, "command-", ".log");
    ProcessBuilder builder = new ProcessBuilder(command).directory(PYTHON_TESTS.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Map<String, String> env = builder.environment();
    env.putAll(extraEnv);
    env.put("JUPYTER_PATH", home.toString());
    env.put("JUPYTER_RUNTIME_DIR", home.resolve("runtime").toString());
    env.put("PYTHONDONTWRITEBYTECODE", "1");
    env.put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
    env.put("PYTHONPATH", PYTHON_TESTS + File.pathSeparator + KERNEL_PYTHON_HELPERS);
    Process process = builder.start();
    boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    if (!finished) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      return new Result(-1, Files.readString(log) + "\n[killed after " + timeout + "]");
    }
    return new Result(process.exitValue(), Files.readString(log));
  }
}
