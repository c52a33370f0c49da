package org.funcx.slurm;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A batch job to submit through slurmrestd. Build one with {@link #builder(String, Path)}.
 *
 * @param script the batch script; must start with "#!"
 * @param workingDirectory absolute directory the script starts in (slurmrestd requires one)
 * @param name job name shown by squeue; null lets Slurm choose
 * @param environment the job's whole environment: slurmrestd passes nothing else and rejects an
 *     empty one, so the builder defaults it to {@link #DEFAULT_PATH} as PATH
 * @param partition null for the cluster's default partition
 * @param account null for the user's default account
 * @param qos null for the default QOS
 * @param timeLimit wall time, rounded up to whole minutes; null for the partition's default
 * @param nodes node count (at least 1)
 * @param cpusPerTask CPUs for the single task (at least 1); with several nodes, there is one task
 *     per node, each with these CPUs
 * @param memoryPerCpuMb memory per CPU in MB; null for the cluster's DefMemPerCPU
 * @param standardOutput stdout path (Slurm patterns such as %j allowed); null for slurm-%j.out
 * @param standardError stderr path; null to share stdout
 */
public record JobRequest(
    String script,
    Path workingDirectory,
    String name,
    Map<String, String> environment,
    String partition,
    String account,
    String qos,
    Duration timeLimit,
    int nodes,
    int cpusPerTask,
    Long memoryPerCpuMb,
    String standardOutput,
    String standardError) {

  /** PATH given to a job whose request names no environment at all. */
  public static final String DEFAULT_PATH = "/usr/local/bin:/usr/bin:/bin";

  public JobRequest {
    Objects.requireNonNull(script, "script");
    Objects.requireNonNull(workingDirectory, "workingDirectory");
    if (!script.startsWith("#!")) {
      throw new IllegalArgumentException(
          "a batch script must start with \"#!\", got: " + script.lines().findFirst().orElse(""));
    }
    if (!workingDirectory.isAbsolute()) {
      throw new IllegalArgumentException("workingDirectory must be absolute: " + workingDirectory);
    }
    environment =
        Map.copyOf(
            environment == null || environment.isEmpty()
                ? Map.of("PATH", DEFAULT_PATH)
                : environment);
    if (nodes < 1 || cpusPerTask < 1) {
      throw new IllegalArgumentException(
          "nodes and cpusPerTask must be >= 1, got " + nodes + " and " + cpusPerTask);
    }
    if (timeLimit != null && (timeLimit.isNegative() || timeLimit.isZero())) {
      throw new IllegalArgumentException("timeLimit must be positive: " + timeLimit);
    }
  }

  public static Builder builder(String script, Path workingDirectory) {
    return new Builder(script, workingDirectory);
  }

  /** The time limit in whole minutes, rounded up, or null. */
  public Long timeLimitMinutes() {
    return timeLimit == null ? null : (timeLimit.toSeconds() + 59) / 60;
  }

  /** Collects the optional fields of a {@link JobRequest}. */
  public static final class Builder {
    private final String script;
    private final Path workingDirectory;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private String name;
    private String partition;
    private String account;
    private String qos;
    private Duration timeLimit;
    private int nodes = 1;
    private int cpusPerTask = 1;
    private Long memoryPerCpuMb;
    private String standardOutput;
    private String standardError;

    private Builder(String script, Path workingDirectory) {
      this.script = script;
      this.workingDirectory = workingDirectory;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /** Adds one variable; the first call replaces the default PATH-only environment. */
    public Builder env(String variable, String value) {
      environment.put(variable, value);
      return this;
    }

    public Builder environment(Map<String, String> variables) {
      environment.putAll(variables);
      return this;
    }

    public Builder partition(String partition) {
      this.partition = partition;
      return this;
    }

    public Builder account(String account) {
      this.account = account;
      return this;
    }

    public Builder qos(String qos) {
      this.qos = qos;
      return this;
    }

    public Builder timeLimit(Duration timeLimit) {
      this.timeLimit = timeLimit;
      return this;
    }

    public Builder nodes(int nodes) {
      this.nodes = nodes;
      return this;
    }

    public Builder cpusPerTask(int cpusPerTask) {
      this.cpusPerTask = cpusPerTask;
      return this;
    }

    public Builder memoryPerCpuMb(long megabytes) {
      this.memoryPerCpuMb = megabytes;
      return this;
    }

    public Builder standardOutput(String path) {
      this.standardOutput = path;
      return this;
    }

    public Builder standardError(String path) {
      this.standardError = path;
      return this;
    }

    public JobRequest build() {
      return new JobRequest(
          script,
          workingDirectory,
          name,
          environment,
          partition,
          account,
          qos,
          timeLimit,
          nodes,
          cpusPerTask,
          memoryPerCpuMb,
          standardOutput,
          standardError);
    }
  }
}
