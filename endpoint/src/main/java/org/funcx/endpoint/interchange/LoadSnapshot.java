package org.funcx.endpoint.interchange;

import java.util.Map;

/**
 * What the scaler needs from the interchange, published by the interchange thread a few times a
 * second as an immutable value.
 *
 * @param queuedTasks tasks waiting for a worker at the endpoint
 * @param idleSlots worker slots free on connected managers
 * @param blockLastBusyMillis per connected block: last time one of its managers had work
 */
public record LoadSnapshot(int queuedTasks, int idleSlots, Map<String, Long> blockLastBusyMillis) {
  public static final LoadSnapshot EMPTY = new LoadSnapshot(0, 0, Map.of());
}
