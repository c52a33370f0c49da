package org.funcx.core.model;

import com.google.gson.annotations.SerializedName;

/**
 * What one task asks of a Slurm endpoint's block, as Globus Compute's
 * {@code resource_specification} names it: {@code num_nodes} nodes, {@code ranks_per_node}
 * processes on each, {@code cpus_per_rank} CPUs for each process. A shell task with one runs as
 * {@code srun --nodes N --ntasks N*R --cpus-per-task C} inside its block. Each field is between 1
 * and its bound; {@link #of} fills the ones left out with 1.
 */
public record ResourceSpec(
    @SerializedName("num_nodes") int numNodes,
    @SerializedName("ranks_per_node") int ranksPerNode,
    @SerializedName("cpus_per_rank") int cpusPerRank) {
  /** Bounds of each field: far above one block of any site, low enough that products fit an int. */
  public static final int MAX_NODES = 1_024;

  public static final int MAX_RANKS_PER_NODE = 1_024;
  public static final int MAX_CPUS_PER_RANK = 1_024;

  public ResourceSpec {
    check("num_nodes", numNodes, MAX_NODES);
    check("ranks_per_node", ranksPerNode, MAX_RANKS_PER_NODE);
    check("cpus_per_rank", cpusPerRank, MAX_CPUS_PER_RANK);
  }

  /** A specification with each field left out (null) as 1. */
  public static ResourceSpec of(Integer numNodes, Integer ranksPerNode, Integer cpusPerRank) {
    return new ResourceSpec(
        numNodes == null ? 1 : numNodes,
        ranksPerNode == null ? 1 : ranksPerNode,
        cpusPerRank == null ? 1 : cpusPerRank);
  }

  /** Every rank of the task, over all its nodes. */
  public int ranks() {
    return numNodes * ranksPerNode;
  }

  /** CPUs the task needs on each of its nodes. */
  public int cpusPerNode() {
    return ranksPerNode * cpusPerRank;
  }

  private static void check(String field, int value, int max) {
    if (value < 1 || value > max) throw new InvalidResourceSpecException(field, value, max);
  }

  /** A field out of its range; {@link #field()} names it as the JSON does. */
  public static final class InvalidResourceSpecException extends IllegalArgumentException {
    private final String field;

    InvalidResourceSpecException(String field, long value, int max) {
      super("resource_specification." + field + " must be between 1 and " + max + ", got " + value);
      this.field = field;
    }

    public String field() {
      return field;
    }
  }
}
