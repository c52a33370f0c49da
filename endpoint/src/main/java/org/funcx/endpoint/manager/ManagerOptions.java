package org.funcx.endpoint.manager;

import org.funcx.endpoint.interchange.CurveClientKeys;

/**
 * How a manager process is started; provider-written command lines map onto these. {@code keys}:
 * the interchange's public key and the CURVE pair issued to this manager's block.
 */
public record ManagerOptions(String interchange, CurveClientKeys keys, String managerId,
    String blockId, int workers, int prefetch, long heartbeatMillis, long maxResultBytes) {}
