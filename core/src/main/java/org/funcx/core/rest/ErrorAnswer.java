package org.funcx.core.rest;

import com.google.gson.JsonObject;

/**
 * The one shape of every error the service answers: {@code {"status", "code", "message",
 * "details"}}. {@code code} is stable (e.g. {@code function_not_found}); {@code details} holds
 * what the code needs (ids, limits, a compile error's {@code diagnostics}), an empty object else.
 */
public record ErrorAnswer(int status, String code, String message, JsonObject details) {
  public ErrorAnswer {
    details = details == null ? new JsonObject() : details.deepCopy();
  }

  /**
   * Reads an error body; fields it lacks or cannot read fall back to what {@code status} alone
   * says, since a proxy in between may answer an error of its own.
   */
  public static ErrorAnswer fromJson(int status, JsonObject o) {
    String code = "http_" + status;
    String message = null;
    JsonObject details = null;
    try {
      code = o.has("code") ? JsonFields.string(o, "code", true) : code;
      message = JsonFields.string(o, "message", false);
      details = JsonFields.object(o, "details", false);
    } catch (RestFieldException e) {
      // keep what was read
    }
    return new ErrorAnswer(status, code, message, details);
  }

  /** A compile error's compiler output, or null. */
  public String diagnostics() {
    return details.has("diagnostics") && details.get("diagnostics").isJsonPrimitive()
        ? details.get("diagnostics").getAsString()
        : null;
  }

  public JsonObject toJson() {
    JsonObject o = new JsonObject();
    o.addProperty("status", status);
    o.addProperty("code", code);
    o.addProperty("message", message);
    o.add("details", details.deepCopy());
    return o;
  }
}
