package org.funcx.service.api;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.javalin.http.Context;
import java.util.UUID;

/** Strict reading of request bodies and path ids, with one clear error per kind of mistake. */
final class Requests {
  private Requests() {}

  static JsonObject jsonObject(Context ctx) {
    String body = ctx.body();
    if (body.isBlank()) throw ApiException.badRequest("empty_body", "the request needs a JSON body");
    try {
      JsonElement parsed = JsonParser.parseString(body);
      if (!parsed.isJsonObject()) {
        throw ApiException.badRequest("invalid_json", "the request body must be a JSON object");
      }
      return parsed.getAsJsonObject();
    } catch (JsonParseException e) {
      throw ApiException.badRequest("invalid_json", "the request body is not valid JSON: "
          + e.getMessage());
    }
  }

  static String string(JsonObject body, String field, boolean required) {
    JsonElement value = body.get(field);
    if (value == null || value.isJsonNull()) {
      if (required) throw ApiException.badRequest("missing_field", "field '" + field + "' is required");
      return null;
    }
    if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
      throw ApiException.badRequest("invalid_field", "field '" + field + "' must be a string");
    }
    return value.getAsString();
  }

  static boolean bool(JsonObject body, String field, boolean fallback) {
    JsonElement value = body.get(field);
    if (value == null || value.isJsonNull()) return fallback;
    if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isBoolean()) {
      throw ApiException.badRequest("invalid_field", "field '" + field + "' must be true or false");
    }
    return value.getAsBoolean();
  }

  static double number(JsonObject body, String field, double fallback) {
    JsonElement value = body.get(field);
    if (value == null || value.isJsonNull()) return fallback;
    if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
      throw ApiException.badRequest("invalid_field", "field '" + field + "' must be a number");
    }
    return value.getAsDouble();
  }

  /** A path or body id that must be a UUID; anything else is a 400, not a lookup. */
  static String uuid(String value, String what) {
    try {
      return UUID.fromString(value).toString();
    } catch (IllegalArgumentException | NullPointerException e) {
      throw ApiException.badRequest("invalid_id", what + " id '" + value + "' is not a UUID");
    }
  }
}
