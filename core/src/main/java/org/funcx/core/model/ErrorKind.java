package org.funcx.core.model;

import java.util.Locale;

/** Why a task failed; carried back to the caller with the task's result. */
public enum ErrorKind {
  /** The function's source did not compile; details hold the compiler diagnostics. */
  COMPILE_ERROR,
  /** The function threw; details hold the remote stack trace. */
  REMOTE_EXCEPTION,
  /** The arguments did not match the function's parameters in count or type. */
  ARGUMENT_ERROR,
  /** The task ran longer than its timeout. */
  TIMEOUT,
  /** The manager or worker running the task died, and retries were used up. */
  WORKER_LOST,
  /** The endpoint was deleted or stopped for good with the task on it. */
  ENDPOINT_LOST,
  /** An argument or result was larger than the configured limit. */
  PAYLOAD_TOO_LARGE,
  /** The result could not be encoded for the trip back (e.g. not serializable). */
  SERIALIZATION_ERROR,
  /** The task was cancelled before it ran. */
  CANCELLED,
  /** The function id is unknown where the task was to run. */
  FUNCTION_NOT_FOUND,
  /** The endpoint runs only its allowed functions, and this is not one of them. */
  FUNCTION_NOT_ALLOWED,
  /**
   * The function's libraries could not be resolved where it was to run (unknown or malformed
   * coordinate, unreachable repository, a file that is not a jar); details name the coordinate and
   * the repositories tried.
   */
  DEPENDENCY_ERROR;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ErrorKind fromWireName(String wire) {
    return valueOf(wire.toUpperCase(Locale.ROOT));
  }
}
