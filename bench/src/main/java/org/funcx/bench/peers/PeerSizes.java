package org.funcx.bench.peers;

import java.util.LinkedHashMap;
import java.util.Map;

/** Task counts per figure; bench/peers/workloads.py (class Sizes) uses the same numbers. */
record PeerSizes(Map<Integer, Integer> tasksByBatch, int warmTrips, int roundTrips, int sleepTasks,
    int kibResults, int mibResults) {

  static PeerSizes of(boolean quick) {
    Map<Integer, Integer> batches = new LinkedHashMap<>();
    batches.put(1, quick ? 1_000 : 2_000);
    batches.put(100, quick ? 5_000 : 20_000);
    batches.put(10_000, quick ? 20_000 : 50_000);
    return quick ? new PeerSizes(batches, 100, 300, 100, 1_000, 32)
        : new PeerSizes(batches, 200, 1_000, 400, 4_000, 128);
  }
}
