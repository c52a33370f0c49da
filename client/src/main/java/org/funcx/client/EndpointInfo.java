package org.funcx.client;

/** An endpoint as the service sees it. */
public record EndpointInfo(String id, String name, String status, int managers, int workers,
    int idleWorkers, int outstandingTasks, int queuedAtEndpoint, int runningAtEndpoint,
    String forwarderAddress) {

  public boolean online() {
    return "online".equals(status);
  }
}
