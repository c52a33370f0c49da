package org.funcx.cli;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import org.funcx.core.json.Json;

/**
 * One figure of {@code ./funcx bench} as a JSON line, in the schema bench/peers/compare.py reads
 * ({@code peer, figure, value, unit, better, tasks, load_avg_1m}) so the same lines feed the
 * side-by-side comparison. Extra fields say how the figure was made.
 */
final class BenchLine {
  private final Map<String, Object> fields = new LinkedHashMap<>();

  private BenchLine(String figure, double value, String unit, String better, long tasks) {
    fields.put("bench", "funcx-bench");
    fields.put("peer", "funcx");
    fields.put("figure", figure);
    fields.put("value", Math.round(value * 1000) / 1000.0);
    fields.put("unit", unit);
    fields.put("better", better);
    fields.put("tasks", tasks);
  }

  static BenchLine higher(String figure, double value, String unit, long tasks) {
    return new BenchLine(figure, value, unit, "higher", tasks);
  }

  static BenchLine lower(String figure, double value, String unit, long tasks) {
    return new BenchLine(figure, value, unit, "lower", tasks);
  }

  BenchLine with(String key, Object value) {
    fields.put(key, value instanceof Double d ? Math.round(d * 1000) / 1000.0 : value);
    return this;
  }

  void print() {
    fields.put(
        "load_avg_1m",
        Math.round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() * 100)
            / 100.0);
    System.out.println(Json.GSON.toJson(fields));
    System.out.flush();
  }
}
