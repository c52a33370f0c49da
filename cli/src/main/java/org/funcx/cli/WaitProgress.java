package org.funcx.cli;

import java.io.PrintStream;
import java.util.concurrent.ScheduledExecutorService;
import me.tongfei.progressbar.ProgressBar;

/**
 * A wait of unknown length (a service or endpoint starting, its blocks coming up, Jupyter) shown
 * on stderr: on a terminal a bar of unknown length with the time elapsed; otherwise a line every
 * {@code FUNCX_PROGRESS_SECONDS} while it lasts, so a quick wait prints nothing and a long one is
 * never silent.
 */
final class WaitProgress implements AutoCloseable {
  private final String what;
  private final long startedNanos = System.nanoTime();
  private final PrintStream out;
  private final ProgressBar bar;
  private final ScheduledExecutorService ticker;

  private WaitProgress(String what, PrintStream out, boolean terminal) {
    this.what = what;
    this.out = out;
    bar = terminal ? ProgressDisplay.bar("waiting for " + what, -1, out) : null;
    ticker = terminal ? null : ProgressDisplay.ticker(this::printLine);
  }

  static WaitProgress start(String what) {
    return new WaitProgress(what, System.err, ProgressDisplay.onTerminal());
  }

  private void printLine() {
    out.printf("funcx: still waiting for %s (%.0f s)%n", what,
        ProgressDisplay.secondsSince(startedNanos));
    out.flush();
  }

  @Override
  public void close() {
    if (bar != null) bar.close();
    if (ticker != null) ticker.shutdownNow();
  }
}
