package org.funcx.service.forward;

import java.util.List;
import org.funcx.core.rest.BlockDescription;

/** A snapshot of one endpoint's link and load, as shown by the REST API. */
public record EndpointStatus(
    String endpointId,
    boolean online,
    long lastHeartbeatMillis,
    int managers,
    int workers,
    int idleWorkers,
    int outstandingTasks,
    int queuedAtEndpoint,
    int runningAtEndpoint,
    String problem,
    List<BlockDescription> blocks) {

  public static EndpointStatus offline(String endpointId) {
    return new EndpointStatus(endpointId, false, 0, 0, 0, 0, 0, 0, 0, null, List.of());
  }
}
