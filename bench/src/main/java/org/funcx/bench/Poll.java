package org.funcx.bench;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for a condition that has no notification to wait on, checking it every millisecond. */
public final class Poll {
  private Poll() {}

  public static void until(String what, Duration timeout, BooleanSupplier condition)
      throws TimeoutException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new TimeoutException("waited " + timeout + " for " + what);
      }
      LockSupport.parkNanos(1_000_000);
    }
  }
}
