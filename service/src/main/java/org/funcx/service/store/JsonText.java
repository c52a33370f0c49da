package org.funcx.service.store;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;

/**
 * Checks JSON text that the service embeds unparsed into its own documents (results): it must be
 * exactly one strict JSON value, or it could close the value and add fields of its own. Streams
 * the tokens (strings decoded, escapes checked) without building a tree. NaN and ±Infinity count
 * as numbers: workers write them (Gson's special floating-point values).
 */
public final class JsonText {
  private JsonText() {}

  public static boolean isOneValue(String text) {
    if (text == null) return false;
    if (isOneStrictValue(text)) return true;
    // Digits for the special values keep strings strings and structure as it was.
    return (text.contains("NaN") || text.contains("Infinity"))
        && isOneStrictValue(text.replace("NaN", "0").replace("Infinity", "0"));
  }

  private static boolean isOneStrictValue(String text) {
    try (JsonReader in = new JsonReader(new StringReader(text))) {
      in.setStrictness(Strictness.STRICT);
      int depth = 0;
      do {
        switch (in.peek()) {
          case BEGIN_ARRAY -> {
            in.beginArray();
            depth++;
          }
          case END_ARRAY -> {
            in.endArray();
            depth--;
          }
          case BEGIN_OBJECT -> {
            in.beginObject();
            depth++;
          }
          case END_OBJECT -> {
            in.endObject();
            depth--;
          }
          case NAME -> in.nextName();
          case STRING, NUMBER -> in.nextString();
          case BOOLEAN -> in.nextBoolean();
          case NULL -> in.nextNull();
          case END_DOCUMENT -> {
            return false;
          }
        }
      } while (depth > 0);
      return in.peek() == JsonToken.END_DOCUMENT;
    } catch (IOException | IllegalStateException | NumberFormatException e) {
      return false;
    }
  }
}
