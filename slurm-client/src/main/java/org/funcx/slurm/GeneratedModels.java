package org.funcx.slurm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.funcx.slurm.client.model.V0038JobProperties;
import org.funcx.slurm.client.model.V0038JobResponseProperties;
import org.funcx.slurm.client.model.V0038JobSubmission;
import org.funcx.slurm.client.model.V0038Ping;

/** Conversions between this package's types and the models generated from the v0.0.38 spec. */
final class GeneratedModels {
  private GeneratedModels() {}

  static V0038JobSubmission toSubmission(JobRequest request) {
    V0038JobProperties job =
        new V0038JobProperties()
            .currentWorkingDirectory(request.workingDirectory().toString())
            .environment(request.environment())
            .name(request.name())
            .partition(request.partition())
            .account(request.account())
            .qos(request.qos())
            .timeLimit(request.timeLimitMinutes())
            .cpusPerTask((long) request.cpusPerTask())
            .memoryPerCpu(request.memoryPerCpuMb())
            .standardOutput(request.standardOutput())
            .standardError(request.standardError());
    // "nodes" is [min, max]; lists are left null otherwise, as slurmrestd rejects empty ones.
    job.setNodes(new ArrayList<>(List.of((long) request.nodes(), (long) request.nodes())));
    // Several nodes: one task of cpusPerTask CPUs on each, so every node of the block has them.
    if (request.nodes() > 1) job.tasks((long) request.nodes()).tasksPerNode(1L);
    return new V0038JobSubmission().script(request.script()).job(job);
  }

  static SlurmJob toJob(V0038JobResponseProperties job) {
    return new SlurmJob(
        Objects.requireNonNullElse(job.getJobId(), -1L),
        Objects.requireNonNullElse(job.getName(), ""),
        SlurmJobState.fromName(job.getJobState()),
        Objects.requireNonNullElse(job.getJobState(), ""),
        Objects.requireNonNullElse(job.getStateReason(), ""),
        Objects.requireNonNullElse(job.getNodes(), ""),
        Objects.requireNonNullElse(job.getPartition(), ""));
  }

  static ControllerPing toPing(V0038Ping ping) {
    return new ControllerPing(
        Objects.requireNonNullElse(ping.getHostname(), ""),
        Objects.requireNonNullElse(ping.getMode(), ""),
        ping.getPing() == V0038Ping.PingEnum.UP);
  }
}
