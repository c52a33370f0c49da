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
    try (var in =
        new JsonReader(
            new InputStreamReader(
                LimitedBody.of(ctx, MAX_JSON_BODY_BYTES, "the request body"),
                StandardCharsets.UTF_8))) {
      in.setStrictness(Strictness.LENIENT);
      if (in.peek() == JsonToken.END_DOCUMENT) {
        throw ApiException.badRequest("empty_body", "the request needs a JSON body");
      }
      parsed = JsonParser.parseReader(in);
      if (in.peek() != JsonToken.END_DOCUMENT) {
        throw ApiException.badRequest(
            "invalid_json", "the request body holds more than one JSON value");
      }
    } catch (EOFException e) {
      throw ApiException.badRequest("empty_body", "the request needs a JSON body");
    } catch (JsonParseException | IOException e) {
      throw ApiException.badRequest(
          "invalid_json", "the request body is not valid JSON: " + e.getMessage());
    }
    if (!parsed.isJsonObject()) {
      throw ApiException.badRequest("invalid_json", "the request body must be a JSON object");
    }
    return parsed.getAsJsonObject();
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
