package org.funcx.endpoint.interchange;

/**
 * How many blocks the provider has that have not ended, and how many of those are pending; the
 * block scaler counts them, the interchange reports them with its heartbeats to the service.
 */
public record BlockCounts(int active, int pending) {
  public static final BlockCounts NONE = new BlockCounts(0, 0);
}
