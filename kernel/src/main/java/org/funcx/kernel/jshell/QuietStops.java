package org.funcx.kernel.jshell;

import org.funcx.jvm.StoppedError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A thread a cell started ends with {@link StoppedError} when the cell is interrupted. That is the
 * interrupt working, not a failure worth a stack trace in some later cell's output: log it
 * quietly, and leave every other uncaught exception to the handler that was there before.
 */
public final class QuietStops {
  private static final Logger log = LoggerFactory.getLogger(QuietStops.class);

  private QuietStops() {}

  /** Installs the JVM-wide default handler; call once, at kernel start-up. */
  public static void install() {
    Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler(
        (thread, e) -> {
          if (e instanceof StoppedError) {
            log.info("{} ended: {}", thread.getName(), e.getMessage());
          } else if (previous != null) {
            previous.uncaughtException(thread, e);
          } else {
            // what ThreadGroup prints without a default handler (calling it would call us again)
            System.err.print("Exception in thread \"" + thread.getName() + "\" ");
            e.printStackTrace(System.err);
          }
        });
  }
}
