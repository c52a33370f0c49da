package org.funcx.bench;

import java.util.List;

/** Joins threads on shutdown; an interrupt cuts the wait short and stays set for the caller. */
public final class Joins {
  private Joins() {}

  public static void join(List<Thread> threads, long timeoutMillis) {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    try {
      for (Thread t : threads) t.join(Math.max(1, deadline - System.currentTimeMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
