package org.funcx.bench.sim;

import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * The longest time any of a group of simulated peers waited between two heartbeats from the
 * component under test, and how many beats they heard: a late beat means its loop was stalled.
 * Peers on any thread record; the driver takes the figures per phase.
 */
public final class HeartbeatGaps {
  private final LongAccumulator maxGapMillis = new LongAccumulator(Math::max, 0);
  private final LongAdder beats = new LongAdder();

  public record Figures(long maxGapMillis, long beats) {}

  public void record(long gapMillis) {
    maxGapMillis.accumulate(gapMillis);
    beats.increment();
  }

  /** The figures since the previous call, and a fresh start for the next phase. */
  public Figures take() {
    return new Figures(maxGapMillis.getThenReset(), beats.sumThenReset());
  }
}
