package org.funcx.cli;

import java.io.Console;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * Progress of many tasks on stderr, so that stdout keeps only the result: on a terminal a bar
 * updated in place (me.tongfei's progressbar); otherwise (a pipe, a CI log) one plain line every
 * {@code FUNCX_PROGRESS_SECONDS} (default 10) and a last one when all are done.
 */
final class TaskProgress implements AutoCloseable {
  private static final String INTERVAL_ENV = "FUNCX_PROGRESS_SECONDS";
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
    if (terminal) {
      // jline, under the bar, would otherwise load a native library for the terminal's width,
      // which JDK 25 warns about; its exec provider (stty) needs none.
      System.setProperty("org.jline.terminal.jni", "false");
      bar = new ProgressBarBuilder().setTaskName(label).setInitialMax(total)
          .setConsumer(new ConsoleProgressBarConsumer(out)).setUpdateIntervalMillis(200)
          .continuousUpdate().build();
      ticker = null;
    } else {
      bar = null;
      ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "funcx-progress");
        t.setDaemon(true);
        return t;
      });
      long every = interval().toMillis();
      ticker.scheduleAtFixedRate(this::printLine, every, every, TimeUnit.MILLISECONDS);
    }
  }

  /** Progress of {@code total} tasks on stderr, as a bar when stderr's console is a terminal. */
  static TaskProgress start(String label, long total) {
    return new TaskProgress(label, total, System.err, onTerminal());
  }

  /**
   * Whether the user watches a terminal. From JDK 22 on, System.console() exists for pipes too;
   * its isTerminal() (absent before 22) says.
   */
  static boolean onTerminal() {
    Console console = System.console();
    if (console == null) return false;
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (NoSuchMethodException e) {
      return true; // JDK 17 to 21: a console is a terminal
    } catch (ReflectiveOperationException e) {
      return false;
    }
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
    out.printf("%s: %d/%d done, %d failed, %.1f s%n", label, done.get(), total, failed.get(),
        (System.nanoTime() - startedNanos) / 1e9);
    out.flush();
  }

  private static Duration interval() {
    String env = System.getenv(INTERVAL_ENV);
    try {
      double seconds = env == null || env.isBlank() ? 10 : Double.parseDouble(env.strip());
      return Duration.ofMillis(Math.max(100, (long) (seconds * 1000)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(INTERVAL_ENV + " must be a number of seconds, got '"
          + env + "'");
    }
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
