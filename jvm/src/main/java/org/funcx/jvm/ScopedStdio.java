package org.funcx.jvm;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Replaces {@code System.out} and {@code System.err}, once per JVM, by streams that send each
 * write to the {@link CapturedOutput} of the {@link StopScope} the writing thread is in (threads
 * a task starts inherit its scope, so their output is the task's too), and everything else to the
 * JVM's real streams. A task's output therefore never reaches a pipe or a log file, and its
 * capture is bounded while it is written.
 */
public final class ScopedStdio {
  private static boolean installed;

  private ScopedStdio() {}

  /** Installs the routing streams; later calls do nothing. */
  public static synchronized void install() {
    if (installed) return;
    installed = true;
    System.setOut(routing(System.out, false));
    System.setErr(routing(System.err, true));
  }

  private static PrintStream routing(PrintStream real, boolean err) {
    // Not auto-flushing: the real stream flushes itself, a capture needs no flush.
    return new PrintStream(new Router(real, err), false, StandardCharsets.UTF_8);
  }

  /** The capture of the calling thread's scope, or null outside a capturing scope. */
  private static CapturedOutput current() {
    StopScope scope = StopScope.current();
    return scope == null ? null : scope.output();
  }

  private static final class Router extends OutputStream {
    private final PrintStream real;
    private final boolean err;

    Router(PrintStream real, boolean err) {
      this.real = real;
      this.err = err;
    }

    @Override
    public void write(int b) {
      CapturedOutput capture = current();
      if (capture == null) real.write(b);
      else (err ? capture.err() : capture.out()).write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      CapturedOutput capture = current();
      if (capture == null) real.write(b, off, len);
      else (err ? capture.err() : capture.out()).write(b, off, len);
    }

    @Override
    public void flush() {
      if (current() == null) real.flush();
    }
  }
}
