package org.funcx.endpoint.provider;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.funcx.endpoint.config.EndpointConfig;
import org.funcx.jvm.JvmFlags;

/** The command line of a manager JVM, the same whichever provider starts it. */
final class ManagerCommand {
  private ManagerCommand() {}

  /**
   * @param credentials the block's secret's file; only its path goes on the command line
   * @param sandboxRoot where the manager's shell tasks get their working directories
   */
  static List<String> of(
      EndpointConfig config,
      String interchange,
      String blockId,
      Path credentials,
      Path sandboxRoot) {
    List<String> command = new ArrayList<>();
    command.add(
        config.workerJava().isEmpty()
            ? Path.of(System.getProperty("java.home"), "bin", "java").toString()
            : config.workerJava());
    command.addAll(JvmFlags.PRODUCT);
    String extra = System.getenv().getOrDefault("FUNCX_JAVA_OPTS", "");
    for (String opt : (config.workerJvmOptions() + " " + extra).trim().split("\\s+")) {
      if (!opt.isEmpty()) command.add(opt);
    }
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            "org.funcx.endpoint.manager.ManagerMain",
            "--interchange",
            interchange,
            "--block-id",
            blockId,
            "--credentials",
            credentials.toAbsolutePath().toString(),
            "--workers",
            String.valueOf(config.workersPerNode()),
            "--prefetch",
            String.valueOf(config.prefetch()),
            "--heartbeat-ms",
            String.valueOf(config.heartbeatMillis()),
            "--max-result-bytes",
            String.valueOf(config.maxResultBytes()),
            "--sandbox-root",
            sandboxRoot.toAbsolutePath().toString(),
            "--keep-sandboxes",
            String.valueOf(config.keepShellSandboxes())));
    if (config.libraries() != null) command.addAll(config.libraries().managerOptions());
    if (!config.availableAccelerators().isEmpty()) {
      command.addAll(List.of("--accelerators", String.join(",", config.availableAccelerators())));
    }
    return command;
  }

  /** Shell tasks' working directories: {@code sandboxes} next to the endpoint's {@code logs}. */
  static Path sandboxRoot(Path logDir) {
    return logDir.toAbsolutePath().resolveSibling("sandboxes");
  }

  /** The same command as one shell line, each word single-quoted. */
  static String shell(List<String> command) {
    StringBuilder line = new StringBuilder();
    for (String word : command) {
      if (line.length() > 0) line.append(' ');
      line.append('\'').append(word.replace("'", "'\\''")).append('\'');
    }
    return line.toString();
  }
}
