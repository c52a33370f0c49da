package org.funcx.endpoint.manager;

/** How a manager process is started; provider-written command lines map onto these. */
public record ManagerOptions(String interchange, String managerId, String blockId, int workers,
    int prefetch, long heartbeatMillis, long maxResultBytes) {}
