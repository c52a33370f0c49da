package org.funcx.endpoint.provider;

import java.util.List;

/**
 * Where managers come from: local processes or batch jobs. The {@link BlockScaler} decides how
 * many blocks to run; a provider only starts, cancels and watches them, and reports a block that
 * ends through the event sink it was built with, so its tasks are retried at once.
 */
public interface Provider extends AutoCloseable {
  /** Starts one block; returns its id. Failures are {@link ProviderException}s with the reason. */
  String submitBlock() throws ProviderException;

  /** Stops a block; its managers' tasks are retried elsewhere by the interchange. */
  void cancelBlock(String blockId);

  /** Blocks not yet ended, and recently ended ones with their final state. */
  List<BlockStatus> blocks();

  /** Managers each block runs, to size scaling decisions. */
  int workersPerBlock();

  @Override
  void close();
}
