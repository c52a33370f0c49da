package org.funcx.kernel.magic;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.concurrent.TimeUnit;
import org.funcx.kernel.spi.CellMagic;
import org.funcx.kernel.spi.LineMagic;
import org.funcx.kernel.spi.MagicUsageException;

/**
 * {@code %sh COMMAND} and {@code %%sh} (the cell is a bash script): runs shell commands the way a
 * user would in a terminal, e.g. {@code ./funcx endpoint start hpc}, from the notebook's directory
 * with the kernel's environment. Output (stdout and stderr, in order) streams into the cell while
 * the command runs. The script runs with {@code bash -e}, so the first failing command ends it and
 * fails the cell with its exit status. An interrupt kills the command and its children.
 */
public final class ShellMagic implements LineMagic, CellMagic {
  static final String USAGE = "usage: %sh COMMAND   or a cell starting with %%sh (a bash script)";

  @Override
  public Object eval(String args) throws Exception {
    if (args.isBlank()) throw new MagicUsageException("%sh needs a command", USAGE);
    return run(args);
  }

  @Override
  public Object eval(String args, String body) throws Exception {
    if (!args.isBlank()) throw new MagicUsageException("%%sh takes no arguments", USAGE);
    return run(body);
  }

  private static Object run(String script) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder("/bin/bash", "-e", "-c", script)
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    // The output is the cell's stdout; System.out is bound to the running cell, so copy it here.
    PrintStream cell = System.out;
    Thread pump = new Thread(() -> copy(process.getInputStream(), cell), "magic-sh-output");
    pump.setDaemon(true);
    pump.start();
    try {
      int status = process.waitFor();
      // A command that daemonizes a child without redirecting its output keeps the pipe open:
      // show what came within a moment and do not wait for that child.
      pump.join(TimeUnit.SECONDS.toMillis(2));
      cell.flush();
      if (status != 0) throw new ShellCommandError(status);
      return null;
    } catch (InterruptedException e) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw e;
    }
  }

  private static void copy(InputStream in, PrintStream out) {
    byte[] buffer = new byte[8192];
    try (in) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // the process was killed: nothing more to show
    }
  }
}
