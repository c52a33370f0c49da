package org.funcx.bench.scale;

import java.time.Duration;

/**
 * What the simulated service sends: up to {@code taskLimit} no-op tasks, never more than {@code
 * window} unanswered, for {@code warmup} plus {@code measure} (zero: until the limit is sent).
 */
record LoadPlan(long taskLimit, int window, Duration warmup, Duration measure) {
  boolean timed() {
    return !measure.isZero();
  }
}
