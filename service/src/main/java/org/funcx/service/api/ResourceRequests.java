package org.funcx.service.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.funcx.core.model.BlockShape;
import org.funcx.core.model.FunctionSpec;
import org.funcx.core.model.ResourceSpec;
import org.funcx.service.forward.RankPlacements;

/**
 * Refuses at submission a resource specification that could never run: ranks apply to shell
 * functions only, need an endpoint that places them (Slurm, srun), and must fit in one of its
 * blocks. Each refusal is a 400 with the figures in its message and details.
 */
final class ResourceRequests {
  private ResourceRequests() {}

  /** @param function the function's spec; null when it is unknown (then only the endpoint counts) */
  static void check(
      ResourceSpec request,
      String functionId,
      FunctionSpec function,
      String endpointId,
      RankPlacements placements) {
    if (function != null && !function.isShell()) {
      throw new ApiException(
          400,
          "resources_need_shell_function",
          "function "
              + functionId
              + " is a Java function; a resource_specification (ranks, nodes) applies to shell"
              + " functions, which run through srun",
          details(request, endpointId));
    }
    RankPlacements.Placement placement = placements.of(endpointId).orElse(null);
    if (placement == null) return; // not connected since the service started: the endpoint checks
    BlockShape shape = placement.shape();
    if (shape == null) {
      throw new ApiException(
          400,
          "endpoint_cannot_place_ranks",
          "endpoint "
              + endpointId
              + " cannot place ranks: it runs no Slurm blocks, and a resource_specification needs"
              + " srun",
          details(request, endpointId));
    }
    String refusal = shape.refusal(request);
    if (refusal != null) {
      Map<String, Object> details = details(request, endpointId);
      details.put("block_nodes", shape.nodes());
      details.put("block_cpus_per_node", shape.cpusPerNode());
      throw new ApiException(
          400,
          "resource_request_too_large",
          "endpoint " + endpointId + " cannot run this task: " + refusal,
          details);
    }
  }

  private static Map<String, Object> details(ResourceSpec request, String endpointId) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("endpoint_id", endpointId);
    details.put("num_nodes", request.numNodes());
    details.put("ranks_per_node", request.ranksPerNode());
    details.put("cpus_per_rank", request.cpusPerRank());
    return details;
  }
}
