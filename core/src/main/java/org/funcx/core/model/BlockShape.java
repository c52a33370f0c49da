package org.funcx.core.model;

import com.google.gson.annotations.SerializedName;

/**
 * The size of every block a Slurm endpoint asks for, which it reports when it registers so that
 * the service refuses at submission a {@link ResourceSpec} no block can hold. An endpoint that
 * reports none (a local endpoint, or an agent from before this) cannot place ranks at all.
 *
 * @param nodes nodes per block ({@code nodesPerBlock})
 * @param cpusPerNode CPUs per node of a block ({@code cpusPerBlock})
 */
public record BlockShape(
    @SerializedName("nodes") int nodes, @SerializedName("cpus_per_node") int cpusPerNode) {

  /** Why {@code spec} cannot run in a block of this shape, or null when it fits. */
  public String refusal(ResourceSpec spec) {
    if (spec.numNodes() > nodes) {
      return spec.numNodes() + " nodes requested, but a block of this endpoint has " + nodes;
    }
    if ((long) spec.cpusPerNode() > cpusPerNode) {
      return spec.ranksPerNode()
          + " ranks per node x "
          + spec.cpusPerRank()
          + " CPUs per rank = "
          + spec.cpusPerNode()
          + " CPUs per node requested, but a block of this endpoint has "
          + cpusPerNode
          + " CPUs per node";
    }
    return null;
  }
}
