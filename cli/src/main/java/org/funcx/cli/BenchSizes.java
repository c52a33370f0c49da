package org.funcx.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Task counts per figure of {@code ./funcx bench}; bench/peers/workloads.py uses the same numbers
 * so the peers run the same work. Quick keeps the whole run near a minute on two cores.
 */
record BenchSizes(
    Map<Integer, Integer> tasksByBatch,
    int warmTrips,
    int roundTrips,
    int sleepTasksPerWorker,
    int kibResults,
    int mibResults,
    int bigResults,
    int queuedTasks,
    int concurrentSingleTasks) {

  static BenchSizes of(boolean quick) {
    Map<Integer, Integer> batches = new LinkedHashMap<>();
    batches.put(1, quick ? 1_000 : 2_000);
    batches.put(100, quick ? 10_000 : 20_000);
    batches.put(10_000, quick ? 50_000 : 200_000);
    return quick
        ? new BenchSizes(batches, 200, 300, 50, 1_000, 32, 2, 100_000, 2_000)
        : new BenchSizes(batches, 300, 1_000, 200, 4_000, 128, 4, 100_000, 8_000);
  }
}
