package org.funcx.service.api;

import java.util.Map;

/**
 * An error answered to a REST client, always as one JSON shape:
 * {@code {"status": 404, "code": "task_not_found", "message": "...", "details": {...}}}. The code is
 * stable for programs; the message is for people.
 */
public class ApiException extends RuntimeException {
  private final int status;
  private final String code;
  private final Map<String, Object> details;

  public ApiException(int status, String code, String message, Map<String, Object> details) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details == null ? Map.of() : details;
  }

  public ApiException(int status, String code, String message) {
    this(status, code, message, Map.of());
  }

  public static ApiException badRequest(String code, String message) {
    return new ApiException(400, code, message);
  }

  public static ApiException notFound(String what, String id) {
    return new ApiException(
        404, what + "_not_found", what + " " + id + " does not exist", Map.of("id", id));
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public Map<String, Object> details() {
    return details;
  }
}
