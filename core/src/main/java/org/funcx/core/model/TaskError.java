package org.funcx.core.model;

/**
 * A typed task failure.
 *
 * @param kind why the task failed
 * @param message one line for people, e.g. {@code java.lang.ArithmeticException: / by zero}
 * @param details multi-line detail: compiler diagnostics or the remote stack trace; may be empty
 */
public record TaskError(ErrorKind kind, String message, String details) {
  public TaskError {
    if (kind == null) throw new IllegalArgumentException("kind is required");
    message = message == null ? "" : message;
    details = details == null ? "" : details;
  }

  public static TaskError of(ErrorKind kind, String message) {
    return new TaskError(kind, message, "");
  }
}
