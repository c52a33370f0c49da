package org.funcx.client;

/** An endpoint as the service sees it (forwarder fields only from {@code endpointDetails}). */
public record EndpointInfo(String id, String name, String status, int managers, int workers,
    int idleWorkers, int outstandingTasks, int queuedAtEndpoint, int runningAtEndpoint,
    String forwarderAddress, String forwarderPublicKey) {

  public boolean online() {
    return "online".equals(status);
  }
}
