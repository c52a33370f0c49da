package org.funcx.service.forward;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.funcx.core.model.BlockShape;

/**
 * What each endpoint said of its blocks when its agent last registered (written by the forwarder's
 * thread, read by REST threads checking a submission's resource specification). Kept in memory:
 * an endpoint that has not connected since the service started is unknown, and its tasks are
 * accepted; the endpoint itself then fails a task it cannot place.
 */
public final class RankPlacements {
  /** How an endpoint can place ranks: {@code shape} null when it cannot (no Slurm). */
  public record Placement(BlockShape shape) {}

  private final Map<String, Placement> byEndpoint = new ConcurrentHashMap<>();

  void registered(String endpointId, BlockShape shape) {
    byEndpoint.put(endpointId, new Placement(shape));
  }

  /** The endpoint's placement as last reported; empty when it has not registered yet. */
  public Optional<Placement> of(String endpointId) {
    return Optional.ofNullable(byEndpoint.get(endpointId));
  }
}
