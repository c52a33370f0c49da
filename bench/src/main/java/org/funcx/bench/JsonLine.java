package org.funcx.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.funcx.core.json.Json;

/** One JSON object on one line, fields in the order they were added: what every bench prints. */
public final class JsonLine {
  private final Map<String, Object> fields = new LinkedHashMap<>();

  public JsonLine(String bench) {
    fields.put("bench", bench);
  }

  public JsonLine put(String name, Object value) {
    fields.put(name, value instanceof Double d ? round(d) : value);
    return this;
  }

  /** Adds the machine's load and cores: every figure carries the conditions it was taken in. */
  public JsonLine withMachine() {
    return put("load_avg_1m", Machine.loadAverage()).put("cores", Machine.cores());
  }

  @Override
  public String toString() {
    return Json.GSON.toJson(fields);
  }

  private static double round(double v) {
    double scale = Math.abs(v) >= 100 ? 1 : Math.abs(v) >= 1 ? 100 : 10_000;
    return Math.round(v * scale) / scale;
  }
}
