package org.funcx.cli;

import org.funcx.core.model.ResourceSpec;
import picocli.CommandLine.Option;

/**
 * {@code --nodes N --ranks R --cpus-per-rank C}: a shell task's resource specification, run
 * through srun on a Slurm endpoint. {@code --ranks} is ranks per node, as Globus Compute's
 * {@code ranks_per_node}. None given: no specification.
 */
final class ResourceOptions {
  @Option(names = "--nodes", paramLabel = "N", description = "Nodes of the task's srun step.")
  Integer nodes;

  @Option(names = "--ranks", paramLabel = "R", description = "Ranks (processes) per node.")
  Integer ranks;

  @Option(names = "--cpus-per-rank", paramLabel = "C", description = "CPUs of each rank.")
  Integer cpusPerRank;

  /** The specification asked for, or null; out of range: an IllegalArgumentException naming it. */
  ResourceSpec spec() {
    if (nodes == null && ranks == null && cpusPerRank == null) return null;
    return ResourceSpec.of(nodes, ranks, cpusPerRank);
  }
}
