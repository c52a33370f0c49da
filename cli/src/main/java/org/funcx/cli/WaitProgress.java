package org.funcx.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A wait of unknown length (a service or endpoint starting, its blocks coming up, Jupyter) shown
 * on stderr: on a terminal a spinner with the time elapsed, redrawn in place and erased when the
 * wait ends (what comes next says how it ended); otherwise a line every
 * {@code FUNCX_PROGRESS_SECONDS} while it lasts, so a quick wait prints nothing and a long one is
 * never silent.
 */
final class WaitProgress implements AutoCloseable {
  private static final String SPINNER = "|/-\\";
  private static final String ERASE_LINE = "\r\033[K";
  private final String what;
  private final long startedNanos = System.nanoTime();
  private final PrintStream out;
  private final boolean terminal;
  private final ScheduledExecutorService ticker;
  private int frame;

  private WaitProgress(String what, PrintStream out, boolean terminal) {
    this.what = what;
    this.out = out;
    this.terminal = terminal;
    ticker =
        terminal
            ? ProgressDisplay.ticker(this::redraw, Duration.ofMillis(200))
            : ProgressDisplay.ticker(this::printLine);
  }

  static WaitProgress start(String what) {
    return new WaitProgress(what, System.err, ProgressDisplay.onTerminal());
  }

  private void redraw() {
    frame = (frame + 1) % SPINNER.length();
    out.printf(
        "%s%c waiting for %s (%.0f s)",
        ERASE_LINE, SPINNER.charAt(frame), what, ProgressDisplay.secondsSince(startedNanos));
    out.flush();
  }

  private void printLine() {
    out.printf(
        "funcx: still waiting for %s (%.0f s)%n", what, ProgressDisplay.secondsSince(startedNanos));
    out.flush();
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    try {
      ticker.awaitTermination(
          1, java.util.concurrent.TimeUnit.SECONDS); // no redraw after the erase
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (terminal) {
      out.print(ERASE_LINE);
      out.flush();
    }
  }
}
