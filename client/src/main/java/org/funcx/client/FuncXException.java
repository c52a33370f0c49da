package org.funcx.client;

/**
 * The service refused a request or could not be reached. {@link #code()} is the service's stable
 * error code (e.g. {@code function_not_found}); {@code unreachable} when there was no answer.
 */
public class FuncXException extends RuntimeException {
  private final int status;
  private final String code;

  public FuncXException(int status, String code, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.code = code;
  }

  public FuncXException(int status, String code, String message) {
    this(status, code, message, null);
  }

  /** HTTP status, or 0 when the service did not answer. */
  public int status() {
    return status;
  }

  public String code() {
    return code;
  }
}
