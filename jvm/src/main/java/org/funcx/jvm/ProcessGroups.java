package org.funcx.jvm;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Signals whole process groups: a process started under {@code setsid} leads its own group
 * (group id = its pid), so stopping the group ends it and every child it started, nothing left
 * behind. Used for funcX's own processes (the CLI) and for shell tasks (the endpoint).
 */
public final class ProcessGroups {
  private ProcessGroups() {}

  /**
   * Stops the group led by {@code pgid}: TERM, then KILL when any member is still there after
   * {@code graceMillis}. Returns true when the leader is gone.
   */
  public static boolean stop(long pgid, long graceMillis) throws InterruptedException {
    signal(pgid, "TERM");
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(graceMillis);
    while (System.nanoTime() < deadline && alive(pgid)) Thread.sleep(50);
    if (alive(pgid)) {
      signal(pgid, "KILL");
      Thread.sleep(100);
    }
    return !ProcessHandle.of(pgid).map(ProcessHandle::isAlive).orElse(false);
  }

  /** True while any process of the group still runs. */
  public static boolean alive(long pgid) {
    try {
      Process p =
          new ProcessBuilder("pgrep", "-g", String.valueOf(pgid)).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor() == 0;
    } catch (IOException | InterruptedException e) {
      if (e instanceof InterruptedException) Thread.currentThread().interrupt();
      return ProcessHandle.of(pgid).map(ProcessHandle::isAlive).orElse(false);
    }
  }

  /** Sends {@code signal} (e.g. TERM) to every process of the group. */
  public static void signal(long pgid, String signal) {
    try {
      new ProcessBuilder("kill", "-" + signal, "--", "-" + pgid)
          .redirectErrorStream(true)
          .start()
          .waitFor(5, TimeUnit.SECONDS);
    } catch (IOException | InterruptedException e) {
      if (e instanceof InterruptedException) Thread.currentThread().interrupt();
      ProcessHandle.of(pgid).ifPresent(ProcessHandle::destroyForcibly);
    }
  }
}
