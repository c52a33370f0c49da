package org.funcx.endpoint.interchange;

import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The secrets of the blocks the provider started, one per block, made for this run of the agent
 * and never reused. A block's secret is withdrawn when the block ends (or fails to start), and
 * from then on counts for nothing, also on a connection registered with it before. Issued and
 * withdrawn by provider threads, read by the interchange thread
 * and its ZAP handler's.
 */
public final class ManagerSecrets {
  private final SecureRandom random = new SecureRandom();
  private final Map<String, BlockSecret> byBlock = new ConcurrentHashMap<>();

  /** A fresh secret for {@code blockId}, valid from now on (replacing an older one). */
  public BlockSecret issue(String blockId) {
    BlockSecret secret = BlockSecret.random(random);
    byBlock.put(blockId, secret);
    return secret;
  }

  /** The block ended or never started: its secret counts no more. */
  public void withdraw(String blockId) {
    byBlock.remove(blockId);
  }

  Optional<BlockSecret> of(String blockId) {
    return Optional.ofNullable(byBlock.get(blockId));
  }

  /**
   * Whether a connection to the manager port may finish its handshake: {@code blockId} is live
   * and {@code token} is its admission token (see {@link BlockSecret}). Any thread.
   */
  boolean admits(String blockId, String token) {
    BlockSecret secret = blockId == null || token == null ? null : byBlock.get(blockId);
    return secret != null && secret.admits(blockId, token);
  }

  boolean isLive(String blockId) {
    return byBlock.containsKey(blockId);
  }
}
