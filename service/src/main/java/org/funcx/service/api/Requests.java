package org.funcx.service.api;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.javalin.http.Context;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Strict reading of request bodies and path ids, with one clear error per kind of mistake. */
final class Requests {
  private Requests() {}

  /**
   * The largest JSON body of every route but {@code /v2/submit} (which streams its own, see
   * {@link SubmitReader}): those bodies are parsed whole, and the largest legitimate one is a
   * {@code batch_status} of 100,000 ids (about 4 MB) or a 1 MiB function source.
   */
  static final long MAX_JSON_BODY_BYTES = 16L << 20;

  static JsonObject jsonObject(Context ctx) {
    JsonElement parsed;
    try (var in = new JsonReader(new InputStreamReader(
        LimitedBody.of(ctx, MAX_JSON_BODY_BYTES, "the request body"), StandardCharsets.UTF_8))) {
      in.setStrictness(Strictness.LENIENT);
      if (in.peek() == JsonToken.END_DOCUMENT) {
        throw ApiException.badRequest("empty_body", "the request needs a JSON body");
      }
      parsed = JsonParser.parseReader(in);
      if (in.peek() != JsonToken.END_DOCUMENT) {
        throw ApiException.badRequest("invalid_json", "the request body holds more than one JSON value");
      }
    } catch (EOFException e) {
      throw ApiException.badRequest("empty_body", "the request needs a JSON body");
    } catch (JsonParseException | IOException e) {
      throw ApiException.badRequest("invalid_json", "the request body is not valid JSON: "
          + e.getMessage());
    }
    if (!parsed.isJsonObject()) {
      throw ApiException.badRequest("invalid_json", "the request body must be a JSON object");
    }
    return parsed.getAsJsonObject();
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

  /** An optional array of strings; empty when absent. */
  static java.util.List<String> strings(JsonObject body, String field) {
    JsonElement value = body.get(field);
    if (value == null || value.isJsonNull()) return java.util.List.of();
    if (!value.isJsonArray()) {
      throw ApiException.badRequest("invalid_field", "field '" + field + "' must be an array of strings");
    }
    java.util.List<String> out = new java.util.ArrayList<>();
    for (JsonElement e : value.getAsJsonArray()) {
      if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
        throw ApiException.badRequest("invalid_field", "field '" + field + "' must be an array of strings");
      }
      out.add(e.getAsString());
    }
    return out;
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
