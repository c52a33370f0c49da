package org.funcx.client;

/**
 * An endpoint as the service sees it (forwarder fields only from {@code endpointDetails}).
 * {@code problem} is what the endpoint reports keeps it from working (null: nothing).
 */
public record EndpointInfo(
    String id,
    String name,
    String status,
    int managers,
    int workers,
    int idleWorkers,
    int outstandingTasks,
    int queuedAtEndpoint,
    int runningAtEndpoint,
    String forwarderAddress,
    String forwarderPublicKey,
    String problem) {

  public boolean online() {
    return "online".equals(status);
  }
}
