package org.funcx.client;

import com.google.gson.JsonElement;
import java.util.Map;
import org.funcx.core.json.Json;

/**
 * Turns a result's JSON into the Java value the function returned, guided by the declared return
 * type: {@code long} comes back as a Long, not as Gson's default Double. Types this JVM cannot
 * name generically (lists, maps, records) come back as Gson's default List/Map/Double/String.
 */
final class ResultDecoder {
  private static final Map<String, Class<?>> SIMPLE =
      Map.ofEntries(
          Map.entry("long", Long.class),
          Map.entry("java.lang.Long", Long.class),
          Map.entry("int", Integer.class),
          Map.entry("java.lang.Integer", Integer.class),
          Map.entry("short", Short.class),
          Map.entry("java.lang.Short", Short.class),
          Map.entry("byte", Byte.class),
          Map.entry("java.lang.Byte", Byte.class),
          Map.entry("double", Double.class),
          Map.entry("java.lang.Double", Double.class),
          Map.entry("float", Float.class),
          Map.entry("java.lang.Float", Float.class),
          Map.entry("boolean", Boolean.class),
          Map.entry("java.lang.Boolean", Boolean.class),
          Map.entry("char", Character.class),
          Map.entry("java.lang.Character", Character.class),
          Map.entry("java.lang.String", String.class),
          Map.entry("String", String.class),
          Map.entry("java.math.BigDecimal", java.math.BigDecimal.class),
          Map.entry("java.math.BigInteger", java.math.BigInteger.class));

  private ResultDecoder() {}

  static Object decode(JsonElement json, String returnType) {
    if (json == null || json.isJsonNull()) return null;
    Class<?> simple = returnType == null ? null : SIMPLE.get(returnType);
    if (simple != null) {
      // The common scalars straight from the tree: Gson's fromJson builds a tree reader and looks
      // the adapter up for each one, per result. Same values as fromJson gives for these.
      if (json.isJsonPrimitive()) {
        var p = json.getAsJsonPrimitive();
        if (simple == Integer.class && p.isNumber()) return p.getAsInt();
        if (simple == Long.class && p.isNumber()) return p.getAsLong();
        if (simple == String.class && p.isString()) return p.getAsString();
      }
      return Json.GSON.fromJson(json, simple);
    }
    if (json.isJsonPrimitive() && json.getAsJsonPrimitive().isNumber()) {
      var n = json.getAsBigDecimal();
      boolean integral = n.stripTrailingZeros().scale() <= 0 && n.toBigInteger().bitLength() < 64;
      return integral ? (Object) n.longValue() : (Object) n.doubleValue();
    }
    return Json.GSON.fromJson(json, Object.class);
  }
}
