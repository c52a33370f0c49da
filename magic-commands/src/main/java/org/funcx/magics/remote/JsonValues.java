package org.funcx.magics.remote;

import com.google.gson.JsonElement;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import org.funcx.core.json.Json;

/**
 * Results come back as JSON; this turns them into the Java values the function returned, guided by
 * its declared return type, so {@code long} comes back as a {@link Long} rather than Gson's
 * {@link Double}. Other types come back as Gson's lists, maps, numbers and strings.
 */
public final class JsonValues {
  private static final Map<String, Class<?>> DECLARED =
      Map.ofEntries(
          Map.entry("long", Long.class), Map.entry("Long", Long.class),
          Map.entry("int", Integer.class), Map.entry("Integer", Integer.class),
          Map.entry("short", Short.class), Map.entry("byte", Byte.class),
          Map.entry("double", Double.class), Map.entry("Double", Double.class),
          Map.entry("float", Float.class), Map.entry("Float", Float.class),
          Map.entry("boolean", Boolean.class), Map.entry("Boolean", Boolean.class),
          Map.entry("char", Character.class), Map.entry("String", String.class),
          Map.entry("BigDecimal", BigDecimal.class), Map.entry("BigInteger", BigInteger.class));

  private JsonValues() {}

  public static Object decode(JsonElement json, String returnType) {
    if (json == null || json.isJsonNull()) return null;
    Class<?> declared =
        returnType == null
            ? null
            : DECLARED.get(returnType.substring(returnType.lastIndexOf('.') + 1));
    if (declared != null) return Json.GSON.fromJson(json, declared);
    if (json.isJsonPrimitive() && json.getAsJsonPrimitive().isNumber()) {
      BigDecimal n = json.getAsBigDecimal();
      boolean integral = n.stripTrailingZeros().scale() <= 0 && n.toBigInteger().bitLength() < 64;
      return integral ? (Object) n.longValue() : (Object) n.doubleValue();
    }
    return Json.GSON.fromJson(json, Object.class);
  }
}
