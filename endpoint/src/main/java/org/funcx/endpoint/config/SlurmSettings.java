package org.funcx.endpoint.config;

/**
 * How a Slurm endpoint reaches slurmrestd and shapes its block jobs.
 *
 * @param url slurmrestd base URL, e.g. {@code http://127.0.0.1:6820}
 * @param user the X-SLURM-USER-NAME to act as
 * @param tokenFile file holding a JWT (re-read for every call, so it can be refreshed)
 * @param partition partition; null for the cluster default
 * @param account account; null for none
 * @param qos quality of service; null for none
 * @param walltimeMinutes time limit of a block job
 * @param cpusPerBlock CPUs asked for per block (the manager runs {@code workersPerNode} workers)
 * @param memoryPerCpuMb memory per CPU; 0 for the partition default
 * @param workerInit shell lines run in the job before the manager starts (module loads...)
 * @param workDir working directory of the jobs, where their output files land
 */
public record SlurmSettings(String url, String user, String tokenFile, String partition,
    String account, String qos, int walltimeMinutes, int cpusPerBlock, long memoryPerCpuMb,
    String workerInit, String workDir) {

  public SlurmSettings validated() {
    if (url == null || url.isBlank()) throw new IllegalArgumentException("slurm.url is required");
    if (tokenFile == null || tokenFile.isBlank()) {
      throw new IllegalArgumentException("slurm.tokenFile is required");
    }
    return new SlurmSettings(url, user == null ? "root" : user, tokenFile, partition, account, qos,
        walltimeMinutes <= 0 ? 60 : walltimeMinutes, Math.max(1, cpusPerBlock),
        Math.max(0, memoryPerCpuMb), workerInit == null ? "" : workerInit,
        workDir == null || workDir.isBlank() ? "/tmp" : workDir);
  }
}
