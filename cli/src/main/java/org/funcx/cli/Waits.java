package org.funcx.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Waiting for a started process to become ready, failing fast and clearly when it dies. */
final class Waits {
  private Waits() {}

  static void until(
      String what, int seconds, BooleanSupplier ready, BooleanSupplier alive, Path log)
      throws InterruptedException {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    try (WaitProgress progress = WaitProgress.start(what)) {
      while (System.nanoTime() < deadline) {
        if (ready.getAsBoolean()) return;
        if (!alive.getAsBoolean()) {
          throw new IllegalStateException(
              "gave up waiting for "
                  + what
                  + ": the process exited. Last lines of "
                  + log
                  + ":\n"
                  + tail(log, 30));
        }
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException(
        "gave up waiting "
            + seconds
            + " s for "
            + what
            + ". Last lines of "
            + log
            + ":\n"
            + tail(log, 30));
  }

  static String tail(Path log, int lines) {
    try {
      List<String> all = Files.readAllLines(log);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
