package org.funcx.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.funcx.core.io.PrivateFiles;
import org.funcx.jvm.JvmFlags;
import org.funcx.jvm.ProcessGroups;

/**
 * Starts funcX processes detached from the terminal, each in its own session ({@code setsid}), so
 * that stopping one means signalling its whole process group: an agent and its managers go
 * together, and nothing is left behind.
 */
public final class ProcessLauncher {
  private ProcessLauncher() {}

  /** Starts {@code mainClass} on this JVM's classpath; output goes to {@code logFile}. */
  public static long startDetached(
      String mainClass, List<String> args, List<String> jvmOptions, Path logFile)
      throws IOException {
    return launch(mainClass, args, jvmOptions, logFile, true).pid();
  }

  /**
   * As {@link #startDetached}, returning the process (its parent can wait for its exit code);
   * {@code withExtraOptions} adds {@code FUNCX_JAVA_OPTS} (product JVMs, not their supervisors).
   */
  static Process launch(
      String mainClass,
      List<String> args,
      List<String> jvmOptions,
      Path logFile,
      boolean withExtraOptions)
      throws IOException {
    PrivateFiles.create(logFile); // 0600 in a 0700 directory before the process appends to it
    List<String> command =
        new ArrayList<>(
            privately(
                "setsid", Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(JvmFlags.PRODUCT);
    command.addAll(jvmOptions);
    if (withExtraOptions) command.addAll(extraJvmOptions());
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
    command.addAll(args);
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
        .start();
  }

  /**
   * Runs {@code command} with umask 077, so whatever the process and its children create (the
   * service's store, an agent's logs, Jupyter's runtime files) is the user's alone. The shell
   * execs the command, so the pid stays the command's.
   */
  static List<String> privately(String... command) {
    List<String> out = new ArrayList<>(List.of("sh", "-c", "umask 077 && exec \"$@\"", "funcx"));
    out.addAll(List.of(command));
    return out;
  }

  /** {@code FUNCX_JAVA_OPTS}: extra JVM options for the service and agents (profiling, memory). */
  static List<String> extraJvmOptions() {
    return splitOptions(System.getenv("FUNCX_JAVA_OPTS"));
  }

  /** JVM options from an environment variable: separated by white space. */
  static List<String> splitOptions(String options) {
    return options == null || options.isBlank() ? List.of() : List.of(options.trim().split("\\s+"));
  }

  public static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  /**
   * Stops the process group led by {@code pid}: TERM, then KILL after {@code graceSeconds}.
   * Returns true when the leader is gone.
   */
  public static boolean stopGroup(long pid, long graceSeconds) throws InterruptedException {
    ProcessGroups.stop(pid, TimeUnit.SECONDS.toMillis(graceSeconds));
    return !alive(pid);
  }

  /** True while any process of the group still runs. */
  static boolean groupAlive(long pgid) {
    return ProcessGroups.alive(pgid);
  }
}
