package org.funcx.bench.scale;

import org.funcx.bench.CpuClock;

/**
 * What one load run through the interchange gave, as seen from the simulated service.
 *
 * @param sent tasks sent
 * @param answered tasks answered once, with the right value
 * @param duplicates results for tasks already answered
 * @param wrong results for unknown tasks, failures and wrong values
 * @param windowAnswered tasks answered within the measured window
 * @param windowStart and {@code windowEnd} bound the measured window
 * @param drainSeconds from the last task sent to the last result
 * @param maxSilenceMillis longest time the interchange sent nothing to the service during the run
 * @param finished false when the run was cut short before every task was answered
 */
record LoadOutcome(
    long sent,
    long answered,
    long duplicates,
    long wrong,
    long windowAnswered,
    CpuClock.Sample windowStart,
    CpuClock.Sample windowEnd,
    double drainSeconds,
    long maxSilenceMillis,
    boolean finished) {

  double windowSeconds() {
    return windowEnd.secondsSince(windowStart);
  }

  double tasksPerSecond() {
    double s = windowSeconds();
    return s <= 0 ? 0 : windowAnswered / s;
  }

  boolean everyTaskAnsweredOnce() {
    return finished && answered == sent && duplicates == 0 && wrong == 0;
  }
}
