package org.funcx.arrow;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/** Row types shared by the tests, and generators of random instances. */
final class Fixtures {
  private Fixtures() {}

  enum Color {
    RED,
    GREEN,
    BLUE
  }

  record Point(double x, double y, String label) {}

  /** One boxed (hence nullable) component per supported type, plus nested lists and structs. */
  record AllTypes(
      Boolean flag,
      Byte tiny,
      Short small,
      Integer count,
      Long big,
      Float ratio,
      Double score,
      Character initial,
      String name,
      BigDecimal amount,
      Instant at,
      LocalDateTime local,
      LocalDate day,
      UUID id,
      byte[] blob,
      Color color,
      List<Integer> counts,
      List<String> tags,
      List<List<Long>> matrix,
      int[] ints,
      Point point,
      List<Point> path) {}

  record Primitives(
      boolean flag,
      byte tiny,
      short small,
      int count,
      long big,
      float ratio,
      double score,
      char initial) {}

  static AllTypes allTypes(RandomValues r) {
    return new AllTypes(
        r.orNull(r::bool),
        r.orNull(r::int8),
        r.orNull(r::int16),
        r.orNull(r::int32),
        r.orNull(r::int64),
        r.orNull(r::float32),
        r.orNull(r::float64),
        r.orNull(r::character),
        r.orNull(r::string),
        r.orNull(r::decimal),
        r.orNull(r::instant),
        r.orNull(r::localDateTime),
        r.orNull(r::date),
        r.orNull(r::uuid),
        r.orNull(r::bytes),
        r.orNull(() -> r.constant(Color.class)),
        r.orNull(() -> r.listOf(5, () -> r.orNull(r::int32))),
        r.orNull(() -> r.listOf(4, () -> r.orNull(r::string))),
        r.orNull(() -> r.listOf(3, () -> r.orNull(() -> r.listOf(3, () -> r.orNull(r::int64))))),
        r.orNull(() -> r.listOf(4, r::int32).stream().mapToInt(Integer::intValue).toArray()),
        r.orNull(() -> point(r)),
        r.orNull(() -> r.listOf(3, () -> r.orNull(() -> point(r)))));
  }

  static Primitives primitives(RandomValues r) {
    return new Primitives(
        r.bool(),
        r.int8(),
        r.int16(),
        r.int32(),
        r.int64(),
        r.float32(),
        r.float64(),
        r.character());
  }

  static Point point(RandomValues r) {
    return new Point(r.float64(), r.float64(), r.orNull(r::string));
  }
}
