package org.funcx.kernel.jshell;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import jdk.jshell.EvalException;

/**
 * Formats an exception thrown by user code. JShell already cuts its own frames away and names user
 * frames {@code #snippetId:line}; this turns those into cell lines ({@code at square (cell [2],
 * line 3)}) and drops JShell's hidden wrapper class names.
 */
final class UserStackTrace {
  private UserStackTrace() {}

  /** Lines of the trace: headline, frames, then each cause the same way. */
  static List<String> format(Throwable thrown, Function<String, SourceOrigin> originOfSnippet) {
    List<String> lines = new ArrayList<>();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    String prefix = "";
    for (Throwable t = thrown; t != null && seen.add(t); t = t.getCause()) {
      lines.add(prefix + headline(t));
      for (StackTraceElement frame : t.getStackTrace()) {
        lines.add("    at " + frame(frame, originOfSnippet));
      }
      prefix = "Caused by: ";
    }
    return lines;
  }

  /**
   * The innermost frame of a snippet ({@code at loop (cell [3], line 2)}): where interrupted code
   * was. A {@code StoppedError}'s own frames (the checkpoint) are above it.
   */
  static Optional<String> firstUserFrame(
      Throwable thrown, Function<String, SourceOrigin> originOfSnippet) {
    for (StackTraceElement frame : thrown.getStackTrace()) {
      String file = frame.getFileName();
      if (file != null && file.startsWith("#")) return Optional.of(frame(frame, originOfSnippet));
    }
    return Optional.empty();
  }

  /** {@code java.lang.ArithmeticException: / by zero}, with the user's class name. */
  static String headline(Throwable t) {
    String type = t instanceof EvalException e ? e.getExceptionClassName() : t.getClass().getName();
    return t.getMessage() == null ? type : type + ": " + t.getMessage();
  }

  private static String frame(
      StackTraceElement frame, Function<String, SourceOrigin> originOfSnippet) {
    String file = frame.getFileName();
    if (file == null || !file.startsWith("#")) return frame.toString();
    SourceOrigin origin = originOfSnippet.apply(file.substring(1));
    String where = origin == null ? "snippet " + file : origin.at(frame.getLineNumber());
    String method = frame.getMethodName();
    if (method.startsWith("lambda$")) method = "lambda";
    String owner = frame.getClassName();
    String name = owner.isEmpty() ? method : method.isEmpty() ? owner : owner + "." + method;
    return name.isEmpty() ? where : name + " (" + where + ")";
  }
}
