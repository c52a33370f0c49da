package org.funcx.endpoint.manager;

import org.funcx.endpoint.interchange.BlockSecret;

/**
 * How a manager process is started; provider-written command lines map onto these. {@code secret}:
 * the secret the interchange issued to this manager's block, which its registration proves.
 */
public record ManagerOptions(String interchange, BlockSecret secret, String managerId,
    String blockId, int workers, int prefetch, long heartbeatMillis, long maxResultBytes) {}
