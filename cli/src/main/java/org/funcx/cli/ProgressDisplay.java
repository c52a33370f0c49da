package org.funcx.cli;

import java.io.Console;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * What the CLI's progress displays share: whether a person watches a terminal (then a display
 * redrawn in place, such as me.tongfei's progressbar) and, when not, how often a plain line is
 * printed ({@code FUNCX_PROGRESS_SECONDS}, default 10) by a named ticker thread.
 */
final class ProgressDisplay {
  private static final String INTERVAL_ENV = "FUNCX_PROGRESS_SECONDS";

  private ProgressDisplay() {}

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

  /** A bar of {@code max} steps on {@code out}, redrawn every 200 ms. */
  static ProgressBar bar(String label, long max, PrintStream out) {
    // jline, under the bar, would otherwise load a native library for the terminal's width,
    // which JDK 25 warns about; its exec provider (stty) needs none.
    System.setProperty("org.jline.terminal.jni", "false");
    return new ProgressBarBuilder()
        .setTaskName(label)
        .setInitialMax(max)
        .setConsumer(new ConsoleProgressBarConsumer(out))
        .setUpdateIntervalMillis(200)
        .continuousUpdate()
        .build();
  }

  /** Runs {@code line} every {@link #interval()} on a daemon thread until it is shut down. */
  static ScheduledExecutorService ticker(Runnable line) {
    return ticker(line, interval());
  }

  static ScheduledExecutorService ticker(Runnable line, Duration every) {
    ScheduledExecutorService ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "funcx-progress");
              t.setDaemon(true);
              return t;
            });
    long millis = every.toMillis();
    ticker.scheduleAtFixedRate(line, millis, millis, TimeUnit.MILLISECONDS);
    return ticker;
  }

  static Duration interval() {
    String env = System.getenv(INTERVAL_ENV);
    try {
      double seconds = env == null || env.isBlank() ? 10 : Double.parseDouble(env.strip());
      return Duration.ofMillis(Math.max(100, (long) (seconds * 1000)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          INTERVAL_ENV + " must be a number of seconds, got '" + env + "'");
    }
  }

  static double secondsSince(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }
}
