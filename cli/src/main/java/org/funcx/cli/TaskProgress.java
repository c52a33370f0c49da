package org.funcx.cli;

import java.io.PrintStream;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ProgressBar;

/**
 * Progress of many tasks on stderr, so that stdout keeps only the result: on a terminal a bar
 * updated in place (me.tongfei's progressbar); otherwise (a pipe, a CI log) one plain line every
 * {@code FUNCX_PROGRESS_SECONDS} (default 10) and a last one when all are done.
 */
final class TaskProgress implements AutoCloseable {
  private final String label;
  private final long total;
  private final long startedNanos = System.nanoTime();
  private final AtomicLong done = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final PrintStream out;
  private final ProgressBar bar;
  private final ScheduledExecutorService ticker;

  private TaskProgress(String label, long total, PrintStream out, boolean terminal) {
    this.label = label;
    this.total = total;
    this.out = out;
    bar = terminal ? ProgressDisplay.bar(label, total, out) : null;
    ticker = terminal ? null : ProgressDisplay.ticker(this::printLine);
  }

  /** Progress of {@code total} tasks on stderr, as a bar when stderr's console is a terminal. */
  static TaskProgress start(String label, long total) {
    return new TaskProgress(label, total, System.err, ProgressDisplay.onTerminal());
  }

  /** Counts one finished task. */
  void finished(boolean asFailure) {
    done.incrementAndGet();
    if (asFailure) failed.incrementAndGet();
    if (bar != null) {
      bar.step();
      if (asFailure) bar.setExtraMessage(failed.get() + " failed");
    }
  }

  private void printLine() {
    out.printf(
        "%s: %d/%d done, %d failed, %.1f s%n",
        label, done.get(), total, failed.get(), ProgressDisplay.secondsSince(startedNanos));
    out.flush();
  }

  /** Ends the bar, or stops the ticker and prints the last line. */
  @Override
  public void close() {
    if (bar != null) {
      bar.close();
      return;
    }
    ticker.shutdownNow();
    printLine();
  }
}
