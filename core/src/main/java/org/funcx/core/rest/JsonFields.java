package org.funcx.core.rest;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed reads of one JSON object's fields, each wrong type a {@link RestFieldException} naming the
 * field; unknown fields are ignored. Also the few writes the REST records share (nulls left out,
 * as the service has always left them out).
 */
public final class JsonFields {
  private JsonFields() {}

  /** A string field; null when absent or null and not {@code required}. */
  public static String string(JsonObject o, String field, boolean required) {
    JsonElement value = o.get(field);
    if (value == null || value.isJsonNull()) {
      if (required) throw RestFieldException.missing(field);
      return null;
    }
    if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
      throw RestFieldException.invalid(field, "a string");
    }
    return value.getAsString();
  }

  /** An optional array of strings; empty when absent. */
  public static List<String> strings(JsonObject o, String field) {
    JsonElement value = o.get(field);
    if (value == null || value.isJsonNull()) return List.of();
    if (!value.isJsonArray()) throw RestFieldException.invalid(field, "an array of strings");
    List<String> out = new ArrayList<>(value.getAsJsonArray().size());
    for (JsonElement e : value.getAsJsonArray()) {
      if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
        throw RestFieldException.invalid(field, "an array of strings");
      }
      out.add(e.getAsString());
    }
    return out;
  }

  /** A boolean field; null when absent (the reader's default applies). */
  public static Boolean bool(JsonObject o, String field) {
    JsonElement value = o.get(field);
    if (value == null || value.isJsonNull()) return null;
    if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isBoolean()) {
      throw RestFieldException.invalid(field, "true or false");
    }
    return value.getAsBoolean();
  }

  public static boolean bool(JsonObject o, String field, boolean fallback) {
    Boolean value = bool(o, field);
    return value == null ? fallback : value;
  }

  public static double number(JsonObject o, String field, double fallback) {
    JsonElement value = number(o, field);
    return value == null ? fallback : value.getAsDouble();
  }

  /** A whole number; {@code fallback} when absent. */
  public static long whole(JsonObject o, String field, long fallback) {
    JsonElement value = number(o, field);
    if (value == null) return fallback;
    try {
      return value.getAsBigDecimal().longValueExact();
    } catch (ArithmeticException e) {
      throw RestFieldException.invalid(field, "a whole number");
    }
  }

  /** A nested object; null when absent and not {@code required}. */
  public static JsonObject object(JsonObject o, String field, boolean required) {
    JsonElement value = o.get(field);
    if (value == null || value.isJsonNull()) {
      if (required) throw RestFieldException.missing(field);
      return null;
    }
    if (!value.isJsonObject()) throw RestFieldException.invalid(field, "an object");
    return value.getAsJsonObject();
  }

  private static JsonElement number(JsonObject o, String field) {
    JsonElement value = o.get(field);
    if (value == null || value.isJsonNull()) return null;
    if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
      throw RestFieldException.invalid(field, "a number");
    }
    return value;
  }

  /** Adds {@code value} unless it is null. */
  public static void put(JsonObject o, String field, String value) {
    if (value != null) o.addProperty(field, value);
  }

  public static JsonArray array(List<String> values) {
    JsonArray out = new JsonArray(values.size());
    values.forEach(out::add);
    return out;
  }
}
