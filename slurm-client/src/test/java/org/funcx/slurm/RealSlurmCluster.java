package org.funcx.slurm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The single-node cluster of scripts/slurm: installed and started (both idempotent) once per test
 * JVM, then described by STATE_DIR/env. The cluster is left running; the project's test command
 * stops it with scripts/slurm/stop.sh. STATE_DIR comes from FUNCX_SLURM_STATE_DIR, else the default.
 */
final class RealSlurmCluster {
  private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);
  private static RealSlurmCluster started;

  private final Map<String, String> env;

  private RealSlurmCluster(Map<String, String> env) {
    this.env = env;
  }

  static synchronized RealSlurmCluster start() {
    if (started == null) {
      Path scripts = repositoryRoot().resolve("scripts/slurm");
      String stateDir = System.getenv().getOrDefault("FUNCX_SLURM_STATE_DIR", "/tmp/funcx-slurm");
      run(INSTALL_TIMEOUT, Map.of(), scripts.resolve("install.sh").toString());
      run(START_TIMEOUT, Map.of(), scripts.resolve("start.sh").toString(), stateDir);
      started = new RealSlurmCluster(readEnvFile(Path.of(stateDir, "env")));
    }
    return started;
  }

  URI restUrl() {
    return URI.create(env.get("SLURMRESTD_URL"));
  }

  String user() {
    return env.get("SLURMRESTD_USER");
  }

  Path tokenFile() {
    return Path.of(env.get("SLURMRESTD_TOKEN_FILE"));
  }

  String partition() {
    return env.get("FUNCX_SLURM_PARTITION");
  }

  SlurmRestClient client() {
    return new SlurmRestClient(restUrl(), user(), SlurmRestClient.tokenFromFile(tokenFile()));
  }

  /** A request for this cluster's partition with a 2-minute limit, stdout kept in {@code workDir}. */
  JobRequest.Builder jobRequest(String script, Path workDir) {
    return JobRequest.builder(script, workDir)
        .partition(partition())
        .timeLimit(Duration.ofMinutes(2))
        .standardOutput(workDir.resolve("slurm-%j.out").toString());
  }

  /** squeue's line for one job in any state ("" once slurmctld forgot it), e.g. format "%i %T". */
  String squeue(long jobId, String format) {
    return run(
            COMMAND_TIMEOUT,
            Map.of("SLURM_CONF", env.get("SLURM_CONF")),
            "squeue",
            "--noheader",
            "--states=all",
            "--jobs=" + jobId,
            "--format=" + format)
        .strip();
  }

  /** Runs a command to completion and returns its output; fails with that output otherwise. */
  static String run(Duration timeout, Map<String, String> extraEnv, String... command) {
    try {
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.environment().remove("SLURM_JWT");
      builder.environment().putAll(extraEnv);
      Path output = Files.createTempFile("slurm-command", ".log");
      try {
        Process process = builder.redirectOutput(output.toFile()).start();
        boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!exited) {
          process.destroyForcibly();
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        if (!exited || process.exitValue() != 0) {
          throw new IllegalStateException(
              String.join(" ", command)
                  + (exited
                      ? " exited with " + process.exitValue()
                      : " did not finish in " + timeout)
                  + ":\n"
                  + text);
        }
        return text;
      } finally {
        Files.deleteIfExists(output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + List.of(command), e);
    }
  }

  private static Map<String, String> readEnvFile(Path file) {
    Map<String, String> values = new LinkedHashMap<>();
    try {
      for (String line : Files.readAllLines(file)) {
        String assignment = line.strip().replaceFirst("^export\\s+", "");
        int equals = assignment.indexOf('=');
        if (!assignment.startsWith("#") && equals > 0) {
          values.put(assignment.substring(0, equals), assignment.substring(equals + 1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + " written by start.sh", e);
    }
    return values;
  }

  private static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isExecutable(dir.resolve("scripts/slurm/start.sh"))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "no scripts/slurm/start.sh above " + Path.of("").toAbsolutePath());
  }
}
