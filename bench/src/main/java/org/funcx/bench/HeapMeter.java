package org.funcx.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** Heap that is actually retained: used heap after full collections, once it stops shrinking. */
public final class HeapMeter {
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  private HeapMeter() {}

  public static long usedAfterGc() {
    long previous = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      MEMORY.gc();
      long used = MEMORY.getHeapMemoryUsage().getUsed();
      // Finalizers and reference queues can free more on a second pass; stop once it settles.
      if (previous - used < previous / 100) return used;
      previous = used;
    }
    return previous;
  }
}
