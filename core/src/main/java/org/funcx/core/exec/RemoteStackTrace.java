package org.funcx.core.exec;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Formats an exception thrown by user code for the person who wrote it: the usual Java format with
 * causes and suppressed exceptions, but without the frames below the user's outermost method (the
 * reflection and worker machinery mean nothing to them) and with the generated wrapper class name
 * replaced by the function's name. Line numbers are the user's own (see {@link WrappedSource}).
 */
final class RemoteStackTrace {
  private RemoteStackTrace() {}

  /** One line, e.g. {@code java.lang.ArithmeticException: / by zero}. */
  static String headline(Throwable thrown, String generatedName, String readableName) {
    String message = safeMessage(thrown);
    String text = thrown.getClass().getName() + (message == null ? "" : ": " + message);
    return text.replace(generatedName, readableName);
  }

  /** The trimmed, renamed stack trace of {@code thrown} and everything chained to it. */
  static String format(Throwable thrown, String generatedName, String readableName) {
    trimAll(thrown, generatedName, Collections.newSetFromMap(new IdentityHashMap<>()));
    StringWriter out = new StringWriter();
    try (PrintWriter writer = new PrintWriter(out)) {
      thrown.printStackTrace(writer);
    } catch (RuntimeException brokenToString) {
      // a user exception whose toString or getMessage throws: keep what is useful
      return headline(thrown, generatedName, readableName)
          + "\n\t(stack trace unavailable: " + brokenToString.getClass().getName() + ")";
    }
    return out.toString().replace(generatedName, readableName).stripTrailing();
  }

  private static void trimAll(Throwable thrown, String generatedName, Set<Throwable> seen) {
    if (thrown == null || !seen.add(thrown)) return;
    StackTraceElement[] frames = thrown.getStackTrace();
    int outermostUserFrame = -1;
    for (int i = 0; i < frames.length; i++) {
      if (isUserFrame(frames[i], generatedName)) outermostUserFrame = i;
    }
    if (outermostUserFrame >= 0) {
      thrown.setStackTrace(Arrays.copyOf(frames, outermostUserFrame + 1));
    }
    trimAll(thrown.getCause(), generatedName, seen);
    for (Throwable suppressed : thrown.getSuppressed()) trimAll(suppressed, generatedName, seen);
  }

  /** A frame in the wrapper class or one of its nested, local or anonymous classes. */
  private static boolean isUserFrame(StackTraceElement frame, String generatedName) {
    String className = frame.getClassName();
    return className.equals(generatedName) || className.startsWith(generatedName + "$");
  }

  private static String safeMessage(Throwable thrown) {
    try {
      return thrown.getMessage();
    } catch (RuntimeException e) {
      return "(getMessage threw " + e.getClass().getName() + ")";
    }
  }
}
