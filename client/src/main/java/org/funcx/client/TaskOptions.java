package org.funcx.client;

import java.time.Duration;

/**
 * Per-call options.
 *
 * @param timeout per task, measured on the worker; null for none
 * @param cache answer identical (function, arguments) calls from stored results without running
 */
public record TaskOptions(Duration timeout, boolean cache) {
  public static final TaskOptions DEFAULT = new TaskOptions(null, false);

  public TaskOptions withTimeout(Duration value) {
    return new TaskOptions(value, cache);
  }

  public TaskOptions withCache(boolean value) {
    return new TaskOptions(timeout, value);
  }
}
