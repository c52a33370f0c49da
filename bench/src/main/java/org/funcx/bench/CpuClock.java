package org.funcx.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Wall time, this process's CPU time and the CPU time of its threads grouped by name, read
 * together. Where the CPU went between two samples tells whether the component under test or the
 * simulator around it used the two cores; what no Java thread accounts for is GC and JIT.
 */
public final class CpuClock {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private CpuClock() {}

  public record Sample(long wallNanos, long processCpuNanos, Map<String, Long> cpuNanosByGroup) {
    public double secondsSince(Sample start) {
      return (wallNanos - start.wallNanos) / 1e9;
    }

    /** CPU used between {@code start} and this sample, in percent of one core. */
    public double processCpuPercent(Sample start) {
      return percent(processCpuNanos - start.processCpuNanos, start);
    }

    public double groupCpuPercent(String group, Sample start) {
      return percent(
          cpuNanosByGroup.getOrDefault(group, 0L) - start.cpuNanosByGroup.getOrDefault(group, 0L),
          start);
    }

    /** Percent of one core per thread group, plus {@code gc+jit+native} for the rest. */
    public Map<String, Double> breakdownSince(Sample start) {
      Map<String, Double> out = new TreeMap<>();
      double threads = 0;
      for (String group : cpuNanosByGroup.keySet()) {
        double p = Math.round(groupCpuPercent(group, start) * 10) / 10.0;
        threads += p;
        if (p >= 0.5) out.put(group, p);
      }
      out.put("gc+jit+native", Math.round((processCpuPercent(start) - threads) * 10) / 10.0);
      return out;
    }

    private double percent(long cpuNanos, Sample start) {
      long wall = wallNanos - start.wallNanos;
      return wall <= 0 ? 0 : 100.0 * cpuNanos / wall;
    }
  }

  public static Sample sample() {
    Map<String, Long> groups = new HashMap<>();
    long[] ids = THREADS.getAllThreadIds();
    ThreadInfo[] infos = THREADS.getThreadInfo(ids);
    for (int i = 0; i < ids.length; i++) {
      long cpu = THREADS.getThreadCpuTime(ids[i]);
      if (infos[i] == null || cpu < 0) continue;
      groups.merge(group(infos[i].getThreadName()), cpu, Long::sum);
    }
    return new Sample(System.nanoTime(), OS.getProcessCpuTime(), groups);
  }

  /** {@code bench-managers-0} and {@code bench-managers-1} are one group (name less number). */
  static String group(String threadName) {
    return threadName.replaceFirst("[-#]?\\d+$", "");
  }
}
