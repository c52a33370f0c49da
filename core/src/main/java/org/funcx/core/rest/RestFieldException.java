package org.funcx.core.rest;

/**
 * A REST body field that is missing or of the wrong type. {@link #code()} is the service's stable
 * error code ({@code missing_field} or {@code invalid_field}); the service answers it as a 400,
 * the client reports it as an answer it cannot read.
 */
public final class RestFieldException extends IllegalArgumentException {
  public static final String MISSING = "missing_field";
  public static final String INVALID = "invalid_field";
  private final String code;
  private final String field;

  public RestFieldException(String code, String field, String message) {
    super(message);
    this.code = code;
    this.field = field;
  }

  static RestFieldException missing(String field) {
    return new RestFieldException(MISSING, field, "field '" + field + "' is required");
  }

  static RestFieldException invalid(String field, String what) {
    return new RestFieldException(INVALID, field, "field '" + field + "' must be " + what);
  }

  public String code() {
    return code;
  }

  /** The JSON key at fault. */
  public String field() {
    return field;
  }
}
