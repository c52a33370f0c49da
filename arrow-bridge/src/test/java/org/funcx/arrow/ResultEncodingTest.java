package org.funcx.arrow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.funcx.arrow.Fixtures.Point;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The documented Arrow-or-JSON rule, case by case, and the encoder agreeing with it. */
class ResultEncodingTest extends AllocatorTest {

  static Stream<Arguments> results() {
    Map<String, Object> columns = new LinkedHashMap<>();
    columns.put("a", new int[] {1, 2});
    columns.put("b", List.of("x", "y"));
    return Stream.of(
        Arguments.of("null", null, ResultEncoding.JSON),
        Arguments.of("int", 42, ResultEncoding.JSON),
        Arguments.of("String", "text", ResultEncoding.JSON),
        Arguments.of("BigDecimal", BigDecimal.TEN, ResultEncoding.JSON),
        Arguments.of("Instant", Instant.EPOCH, ResultEncoding.JSON),
        Arguments.of("UUID", UUID.randomUUID(), ResultEncoding.JSON),
        Arguments.of("single record", new Point(1, 2, "p"), ResultEncoding.JSON),
        Arguments.of("single map", Map.of("a", 1), ResultEncoding.JSON),
        Arguments.of("empty list", List.of(), ResultEncoding.JSON),
        Arguments.of("list of nulls", Arrays.asList(null, null), ResultEncoding.JSON),
        Arguments.of(
            "ragged columns", Map.of("a", List.of(1), "b", List.of()), ResultEncoding.JSON),
        Arguments.of("list of threads", List.of(Thread.currentThread()), ResultEncoding.JSON),
        Arguments.of("int[]", new int[] {1, 2}, ResultEncoding.ARROW),
        Arguments.of("empty double[]", new double[0], ResultEncoding.ARROW),
        Arguments.of("list of records", List.of(new Point(1, 2, "p")), ResultEncoding.ARROW),
        Arguments.of("array of records", new Point[] {new Point(1, 2, "p")}, ResultEncoding.ARROW),
        Arguments.of("list of maps", List.of(Map.of("a", 1)), ResultEncoding.ARROW),
        Arguments.of("list of scalars", Arrays.asList(null, 1.5), ResultEncoding.ARROW),
        Arguments.of("column map", columns, ResultEncoding.ARROW),
        Arguments.of("iterator", List.of(1).iterator(), ResultEncoding.ARROW),
        Arguments.of("stream", Stream.of(1), ResultEncoding.ARROW));
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @MethodSource("results")
  void choose_follows_the_documented_rule(String name, Object result, ResultEncoding expected) {
    assertThat(ResultEncoding.choose(result)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("results")
  void the_encoder_accepts_exactly_the_arrow_results(
      String name, Object result, ResultEncoding expected) {
    if (expected == ResultEncoding.ARROW) {
      assertThat(encoder().encode(result)).isNotEmpty();
    } else {
      assertThatThrownBy(() -> encoder().encode(result))
          .isInstanceOf(UnsupportedResultException.class)
          .hasMessageContaining("not tabular");
    }
  }

  @Test
  void choose_does_not_consume_an_iterator() {
    Iterator<Integer> rows = List.of(1, 2).iterator();

    ResultEncoding.choose(rows);

    assertThat(rows.next()).isEqualTo(1);
  }

  @Test
  void a_vector_schema_root_is_sent_as_it_is() {
    try (IntVector n = new IntVector("n", allocator);
        VectorSchemaRoot root = VectorSchemaRoot.of(n)) {
      n.allocateNew(3);
      for (int i = 0; i < 3; i++) n.set(i, i * 10);
      root.setRowCount(3);

      assertThat(ResultEncoding.choose(root)).isEqualTo(ResultEncoding.ARROW);
      try (ArrowTable decoded = decoder().decode(encoder().encode(root));
          ArrowTable shared = encoder().toTable(root)) {
        assertThat(decoded.column("n")).containsExactly(0, 10, 20);
        assertThat(shared.column("n")).containsExactly(0, 10, 20);
      }
      assertThat(n.get(2)).as("the caller's root is still usable").isEqualTo(20);
    }
  }
}
