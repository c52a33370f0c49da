package org.funcx.endpoint.manager;

import java.util.Arrays;
import java.util.Optional;

/** How a manager process ends: its exit code, and what a provider should say about it. */
public enum ManagerExit {
  /** Told to stop (SHUTDOWN, a signal). */
  NORMAL(0, "stopped"),
  /** Its interchange went silent (the agent died or the network split). */
  ORPHANED(76, "exited: its interchange was silent"),
  /** Its interchange refused its registration (its block's secret is withdrawn or wrong). */
  REJECTED(
      77,
      "was refused by its interchange (its block ended, a wrong secret, or another funcX version)"),
  /** Wrong command line. */
  USAGE(2, "was started with a wrong command line"),
  /** Restarted itself to be rid of worker threads stuck in stopped tasks. */
  RESTART(75, "restarted itself: worker threads were stuck in tasks that were stopped"),
  /** Ran out of memory: {@code -XX:+ExitOnOutOfMemoryError} (JvmFlags) exits with 3. */
  OUT_OF_MEMORY(3, "ran out of memory (OutOfMemoryError); raise -Xmx in worker_jvm_options");

  private final int code;
  private final String meaning;

  ManagerExit(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  public int code() {
    return code;
  }

  /** What an exit code means, for block status and logs; empty for other codes. */
  public static Optional<String> describe(int code) {
    return Arrays.stream(values()).filter(e -> e.code == code).findFirst().map(e -> e.meaning);
  }
}
