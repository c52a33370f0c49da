package org.funcx.bench;

import java.lang.management.ManagementFactory;

/** The conditions a figure was measured in: this machine is small and shared, so they matter. */
public final class Machine {
  private Machine() {}

  /** One-minute load average, as {@code uptime} shows it. */
  public static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  public static int cores() {
    return Runtime.getRuntime().availableProcessors();
  }
}
