package org.funcx.client;

import java.time.Duration;
import org.funcx.core.model.ResourceSpec;

/**
 * Per-call options.
 *
 * @param timeout per task, measured on the worker; null for none
 * @param cache answer identical (function, arguments) calls from stored results without running
 * @param resources nodes, ranks per node and CPUs per rank of a shell task, run through srun on a
 *     Slurm endpoint (Globus Compute's resource_specification); null for none
 */
public record TaskOptions(Duration timeout, boolean cache, ResourceSpec resources) {
  public static final TaskOptions DEFAULT = new TaskOptions(null, false, null);

  public TaskOptions(Duration timeout, boolean cache) {
    this(timeout, cache, null);
  }

  public TaskOptions withTimeout(Duration value) {
    return new TaskOptions(value, cache, resources);
  }

  public TaskOptions withCache(boolean value) {
    return new TaskOptions(timeout, value, resources);
  }

  /** These options with a resource specification, e.g. {@code ResourceSpec.of(1, 2, null)}. */
  public TaskOptions withResources(ResourceSpec value) {
    return new TaskOptions(timeout, cache, value);
  }
}
