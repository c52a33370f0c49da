package org.funcx.core.exec;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Formats an exception thrown by user code for the person who wrote it: the usual Java format with
 * causes and suppressed exceptions, but without the frames below the user's outermost method (the
 * reflection and worker machinery mean nothing to them) and with the generated wrapper class name
 * replaced by the function's name. Line numbers are the user's own (see {@link WrappedSource}).
 *
 * <p>Bounded, since user code controls it: each message is cut at {@link
 * TextCut#MAX_MESSAGE_CHARS}, each exception keeps {@link #MAX_FRAMES} frames, the chain {@link
 * #MAX_EXCEPTIONS} exceptions, each with a marker saying what was cut. The text is written
 * directly (not through {@code printStackTrace}), so a 500 MiB message is never copied.
 */
final class RemoteStackTrace {
  /** Frames kept per exception of the chain. */
  static final int MAX_FRAMES = 100;

  /** Exceptions kept: the thrown one, its causes and suppressed ones. */
  static final int MAX_EXCEPTIONS = 20;

  private RemoteStackTrace() {}

  /** One line, e.g. {@code java.lang.ArithmeticException: / by zero}. */
  static String headline(Throwable thrown, String generatedName, String readableName) {
    return describe(thrown).replace(generatedName, readableName);
  }

  /** The trimmed, renamed, bounded stack trace of {@code thrown} and everything chained to it. */
  static String format(Throwable thrown, String generatedName, String readableName) {
    Trace trace = new Trace(generatedName);
    trace.print(thrown, "", "", new StackTraceElement[0]);
    return trace.text.toString().replace(generatedName, readableName).stripTrailing();
  }

  /** What {@code Throwable.toString} says, with the message cut. */
  private static String describe(Throwable thrown) {
    String message;
    try {
      message = TextCut.message(thrown.getLocalizedMessage());
    } catch (RuntimeException e) {
      message = "(getMessage threw " + e.getClass().getName() + ")";
    }
    return thrown.getClass().getName() + (message == null ? "" : ": " + message);
  }

  /** One trace being written; mirrors {@code Throwable.printStackTrace}'s layout. */
  private static final class Trace {
    final StringBuilder text = new StringBuilder();
    final Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    final String generatedName;
    int exceptions;

    Trace(String generatedName) {
      this.generatedName = generatedName;
    }

    void print(Throwable thrown, String caption, String indent, StackTraceElement[] enclosing) {
      if (!seen.add(thrown)) {
        text.append(indent)
            .append(caption)
            .append("[CIRCULAR REFERENCE: ")
            .append(describe(thrown))
            .append("]\n");
        return;
      }
      if (++exceptions > MAX_EXCEPTIONS) {
        if (exceptions == MAX_EXCEPTIONS + 1) {
          text.append(indent)
              .append("\t... [more exceptions cut: ")
              .append(MAX_EXCEPTIONS)
              .append(" kept]\n");
        }
        return;
      }
      StackTraceElement[] frames = userFrames(thrown.getStackTrace());
      int inCommon = 0;
      for (int m = frames.length - 1, n = enclosing.length - 1;
          m >= 0 && n >= 0 && frames[m].equals(enclosing[n]);
          m--, n--) {
        inCommon++;
      }
      text.append(indent).append(caption).append(describe(thrown)).append('\n');
      int shown = frames.length - inCommon;
      for (int i = 0; i < Math.min(shown, MAX_FRAMES); i++) {
        text.append(indent).append("\tat ").append(frames[i]).append('\n');
      }
      if (shown > MAX_FRAMES) {
        text.append(indent)
            .append("\t... [")
            .append(shown - MAX_FRAMES)
            .append(" more frames cut]\n");
      }
      if (inCommon != 0) text.append(indent).append("\t... ").append(inCommon).append(" more\n");
      for (Throwable suppressed : thrown.getSuppressed()) {
        print(suppressed, "Suppressed: ", indent + "\t", frames);
      }
      Throwable cause = thrown.getCause();
      if (cause != null) print(cause, "Caused by: ", indent, frames);
    }

    /** Without the frames below the user's outermost one (reflection, worker machinery). */
    StackTraceElement[] userFrames(StackTraceElement[] frames) {
      int outermostUserFrame = -1;
      for (int i = 0; i < frames.length; i++) {
        String className = frames[i].getClassName();
        if (className.equals(generatedName) || className.startsWith(generatedName + "$")) {
          outermostUserFrame = i;
        }
      }
      return outermostUserFrame < 0
          ? frames
          : java.util.Arrays.copyOf(frames, outermostUserFrame + 1);
    }
  }
}
