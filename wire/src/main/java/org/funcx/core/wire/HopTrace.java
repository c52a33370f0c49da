package org.funcx.core.wire;

import java.time.Instant;
import java.util.Collection;

/**
 * Per-hop timestamps of tasks for latency work: with {@code FUNCX_TRACE=1} in the environment of
 * the service, agent and managers, each hop prints {@code funcx-trace HOP TASK_ID EPOCH_MICROS} to
 * stderr (the process log). Off by default; one volatile-free boolean test when off.
 */
public final class HopTrace {
  private static final boolean ON = "1".equals(System.getenv("FUNCX_TRACE"));

  private HopTrace() {}

  public static boolean on() {
    return ON;
  }

  public static void mark(String hop, String taskId) {
    if (!ON) return;
    Instant now = Instant.now();
    System.err.println(
        "funcx-trace "
            + hop
            + " "
            + taskId
            + " "
            + (now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000));
  }

  public static void mark(String hop, Collection<String> taskIds) {
    if (ON) taskIds.forEach(id -> mark(hop, id));
  }
}
