package org.funcx.endpoint.manager;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.funcx.core.model.ResourceSpec;

/**
 * The srun prefix that makes a shell task with a {@link ResourceSpec} a job step of the block's
 * allocation: the manager runs inside the block's batch job, so srun finds the job in the
 * environment Slurm gave it ({@code SLURM_JOB_ID}). srun forwards TERM to every rank, so stopping
 * the task's process group (timeout, cancel) ends the whole step.
 */
final class SrunStep {
  private final String jobId;

  private SrunStep(String jobId) {
    this.jobId = jobId;
  }

  /** The step launcher of the allocation this manager runs in; null outside of a Slurm job. */
  static SrunStep inAllocation(Map<String, String> environment) {
    String jobId = environment.get("SLURM_JOB_ID");
    return jobId == null || jobId.isBlank() ? null : new SrunStep(jobId);
  }

  /**
   * {@code srun --nodes N --ntasks N*R --ntasks-per-node R --cpus-per-task C ... COMMAND}. A step
   * that does not fit beside the block's other running steps waits for their CPUs (srun's
   * default), so tasks of one block queue rather than fail.
   */
  List<String> wrap(String taskId, ResourceSpec r, List<String> command) {
    List<String> argv = new ArrayList<>(command.size() + 10);
    argv.addAll(
        List.of(
            "srun",
            "--jobid=" + jobId,
            "--job-name=funcx-task-" + taskId,
            "--nodes=" + r.numNodes(),
            "--ntasks=" + r.ranks(),
            "--ntasks-per-node=" + r.ranksPerNode(),
            "--cpus-per-task=" + r.cpusPerRank(),
            "--quiet"));
    argv.addAll(command);
    return argv;
  }
}
