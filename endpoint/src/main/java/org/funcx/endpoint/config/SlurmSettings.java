package org.funcx.endpoint.config;

import org.funcx.core.model.BlockShape;
import org.funcx.core.model.ResourceSpec;

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
 * @param cpusPerBlock CPUs asked for per node of a block (the manager runs {@code workersPerNode}
 *     workers); a task's ranks per node times CPUs per rank must fit in it
 * @param nodesPerBlock nodes of each block job (default 1); a task's srun step spans at most these
 * @param memoryPerCpuMb memory per CPU; 0 for the partition default
 * @param workerInit shell lines run in the job before the manager starts (module loads...)
 * @param workDir working directory of the jobs, where their output files land
 */
public record SlurmSettings(
    String url,
    String user,
    String tokenFile,
    String partition,
    String account,
    String qos,
    int walltimeMinutes,
    int cpusPerBlock,
    long memoryPerCpuMb,
    String workerInit,
    String workDir,
    int nodesPerBlock) {
  /** Settings of one-node blocks. */
  public SlurmSettings(
      String url,
      String user,
      String tokenFile,
      String partition,
      String account,
      String qos,
      int walltimeMinutes,
      int cpusPerBlock,
      long memoryPerCpuMb,
      String workerInit,
      String workDir) {
    this(
        url,
        user,
        tokenFile,
        partition,
        account,
        qos,
        walltimeMinutes,
        cpusPerBlock,
        memoryPerCpuMb,
        workerInit,
        workDir,
        1);
  }

  public SlurmSettings validated() {
    if (url == null || url.isBlank()) throw new IllegalArgumentException("slurm.url is required");
    if (tokenFile == null || tokenFile.isBlank()) {
      throw new IllegalArgumentException("slurm.tokenFile is required");
    }
    if (nodesPerBlock > ResourceSpec.MAX_NODES || cpusPerBlock > ResourceSpec.MAX_CPUS_PER_RANK) {
      throw new IllegalArgumentException(
          "slurm.nodesPerBlock and slurm.cpusPerBlock must be at"
              + " most "
              + ResourceSpec.MAX_NODES
              + " and "
              + ResourceSpec.MAX_CPUS_PER_RANK
              + ", got "
              + nodesPerBlock
              + " and "
              + cpusPerBlock);
    }
    return new SlurmSettings(
        url,
        user == null ? "root" : user,
        tokenFile,
        partition,
        account,
        qos,
        walltimeMinutes <= 0 ? 60 : walltimeMinutes,
        Math.max(1, cpusPerBlock),
        Math.max(0, memoryPerCpuMb),
        workerInit == null ? "" : workerInit,
        workDir == null || workDir.isBlank() ? "/tmp" : workDir,
        Math.max(1, nodesPerBlock));
  }

  /** The shape of every block these settings ask for, as the endpoint reports it. */
  public BlockShape blockShape() {
    return new BlockShape(nodesPerBlock, cpusPerBlock);
  }
}
