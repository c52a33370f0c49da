package org.funcx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.funcx.kernel.KernelspecInstaller;
import org.funcx.kernel.KernelspecOptions;

/**
 * Runs a notebook top to bottom with Debian's Jupyter ({@code nbconvert --execute}) on the
 * funcx-java kernel of this test class path, installed into a private JUPYTER_PATH.
 */
final class NotebookRunner {
  static final Path NOTEBOOKS = Path.of("..", "notebooks").toAbsolutePath().normalize();
  private final Path jupyterPath;

  NotebookRunner() throws Exception {
    jupyterPath = Files.createTempDirectory("funcx-kernels-");
    KernelspecInstaller.install(
        new KernelspecOptions(
            System.getProperty("java.class.path"),
            jupyterPath.resolve("kernels").resolve("funcx-java")));
  }

  /** The JUPYTER_PATH whose kernels/ holds the funcx-java kernelspec. */
  Path jupyterPath() {
    return jupyterPath;
  }

  /** How an nbconvert run ended: its exit code, its log, and where it saved the notebook. */
  record Attempt(int exitCode, String log, Path saved) {}

  /**
   * Executes {@code notebooks/NAME} with {@code env} added to the kernel's environment; fails on
   * a cell error; returns the text of each code cell's outputs (streams, errors, every mime type).
   */
  List<String> execute(String name, Map<String, String> env, int cellTimeoutSeconds)
      throws Exception {
    Attempt attempt = attempt(name, env, cellTimeoutSeconds);
    assertThat(attempt.exitCode()).as("nbconvert of %s:%n%s", name, attempt.log()).isZero();
    System.out.println("executed notebook: " + attempt.saved());
    return NotebookFiles.codeOutputs(attempt.saved());
  }

  /** Executes {@code notebooks/NAME} as {@link #execute} does, stopping at the first cell error. */
  Attempt attempt(String name, Map<String, String> env, int cellTimeoutSeconds) throws Exception {
    Path out = Files.createTempDirectory("funcx-nb-");
    ProcessBuilder pb =
        new ProcessBuilder(
                "/usr/bin/jupyter",
                "nbconvert",
                "--to",
                "notebook",
                "--execute",
                "--ExecutePreprocessor.kernel_name=funcx-java",
                "--ExecutePreprocessor.timeout=" + cellTimeoutSeconds,
                "--output-dir",
                out.toString(),
                NOTEBOOKS.resolve(name).toString())
            .redirectErrorStream(true);
    pb.environment().put("JUPYTER_PATH", jupyterPath.toString());
    pb.environment().putAll(env);
    Process p = pb.start();
    String log = new String(p.getInputStream().readAllBytes());
    return new Attempt(p.waitFor(), log, out.resolve(name));
  }
}
