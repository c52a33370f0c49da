package org.funcx.bench.arrow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's row: the four column types of the acceptance test (long, double, string,
 * timestamp). Values are deterministic, so every run encodes the same bytes.
 */
public record BenchRow(long id, double value, String label, Instant at) {

  public static List<BenchRow> generate(int count) {
    List<BenchRow> rows = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Instant at = Instant.ofEpochSecond(1_700_000_000L + i, (i * 7919L) % 1_000_000_000L);
      rows.add(new BenchRow(i, i * 0.37 + Math.sqrt(i), "sensor-" + (i % 997), at));
    }
    return rows;
  }
}
