package org.funcx.jvm;

import java.io.PrintStream;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * Threads a process cannot work without (the service's forwarder, an agent's interchange and its
 * provider's monitor): one that dies of an uncaught error ends the process with
 * {@link #EXIT_CODE}, so that its supervisor restarts it, instead of living on half dead. Before,
 * an agent whose interchange thread died exited 0, which no supervisor restarts, and a service
 * whose forwarder died went on accepting tasks it never sent. Other threads' uncaught errors are
 * printed as the JVM prints them.
 */
public final class CriticalThreads {
  /** EX_SOFTWARE of sysexits.h: an internal error. */
  public static final int EXIT_CODE = 70;

  private CriticalThreads() {}

  /** Makes the death of a thread named in {@code names} end this process (the default handler). */
  public static void install(Set<String> names) {
    Thread.setDefaultUncaughtExceptionHandler(
        handler(names, code -> Runtime.getRuntime().exit(code), System.err));
  }

  /**
   * The handler: prints the error to {@code err} (the process's log) and, for a critical thread,
   * calls {@code exit} from a new thread, so that shutdown hooks waiting for the dying thread
   * see it end rather than wait for it.
   */
  static Thread.UncaughtExceptionHandler handler(
      Set<String> names, IntConsumer exit, PrintStream err) {
    return (thread, e) -> {
      err.print("Exception in thread \"" + thread.getName() + "\" ");
      e.printStackTrace(err);
      if (!names.contains(thread.getName())) return;
      err.println(
          "funcx: "
              + thread.getName()
              + " died; this process exits with code "
              + EXIT_CODE
              + " for its supervisor to restart it");
      err.flush();
      Thread exiting = new Thread(() -> exit.accept(EXIT_CODE), "funcx-fatal-exit");
      exiting.start();
    };
  }
}
