package org.funcx.core.exec;

import org.funcx.core.model.ErrorKind;
import org.funcx.core.model.TaskError;

/**
 * The function cannot be made callable: its source does not compile, or the entry point is missing
 * or ambiguous. Checked, because every caller (registration, worker) must turn it into a task error
 * rather than let it escape. {@link #error()} is the {@link ErrorKind#COMPILE_ERROR} sent back.
 */
public final class FunctionCompileException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient TaskError error;
  private final String functionHash;
  private final String entryPoint;

  public FunctionCompileException(String functionHash, String entryPoint, TaskError error) {
    super(describe(functionHash, entryPoint, error));
    this.error = error;
    this.functionHash = functionHash;
    this.entryPoint = entryPoint;
  }

  private static String describe(String functionHash, String entryPoint, TaskError error) {
    String name = entryPoint == null || entryPoint.isBlank() ? "(entry not named)" : entryPoint;
    String hash = functionHash == null ? "?" : functionHash;
    return "function "
        + name
        + " ["
        + hash.substring(0, Math.min(12, hash.length()))
        + "]: "
        + error.message();
  }

  /** The task error to report: kind COMPILE_ERROR, first diagnostic as message, all as details. */
  public TaskError error() {
    return error;
  }

  public String functionHash() {
    return functionHash;
  }

  /** The entry point as given in the spec; may be null when it was to be inferred. */
  public String entryPoint() {
    return entryPoint;
  }
}
