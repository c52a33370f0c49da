package org.funcx.arrow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.funcx.arrow.Fixtures.Color;
import org.funcx.arrow.Fixtures.Point;
import org.junit.jupiter.api.Test;

/** Reading a table: rows across batches, columns, records with converted component types. */
class ArrowTableTest extends AllocatorTest {

  record Shape(String name, Color color, Set<String> tags, Point[] corners) {}

  record Named(String name) {}

  record Counted(int count) {}

  @Test
  void rows_are_found_across_batch_boundaries() {
    ArrowEncoderConfig config = ArrowEncoderConfig.builder().batchRows(4).build();
    try (ArrowTable table = encoder(config).toTable(IntStream.range(0, 10).boxed().toList())) {
      assertThat(table.batches()).hasSize(3);
      assertThat(IntStream.range(0, 10).mapToObj(i -> table.row(i).get("value")))
          .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
      assertThatThrownBy(() -> table.row(10)).isInstanceOf(IndexOutOfBoundsException.class);
    }
  }

  @Test
  void records_get_enums_sets_and_arrays_of_nested_records_back() {
    Shape square =
        new Shape(
            "square",
            Color.RED,
            Set.of("flat"),
            new Point[] {new Point(0, 0, "a"), new Point(1, 1, null)});

    try (ArrowTable table = encoder().toTable(List.of(square))) {
      assertThat(table.column("color")).containsExactly("RED");
      Shape decoded = table.toRecords(Shape.class).get(0);
      assertThat(decoded.color()).isEqualTo(Color.RED);
      assertThat(decoded.tags()).isEqualTo(Set.of("flat"));
      assertThat(decoded.corners()).containsExactly(square.corners());
      Map<String, Object> unlabelled = new LinkedHashMap<>();
      unlabelled.put("x", 1.0);
      unlabelled.put("y", 1.0);
      unlabelled.put("label", null);
      assertThat(table.rows().get(0).get("corners"))
          .isEqualTo(List.of(Map.of("x", 0.0, "y", 0.0, "label", "a"), unlabelled));
    }
  }

  @Test
  void records_need_a_column_for_each_component() {
    try (ArrowTable table = encoder().toTable(List.of(new Point(1, 2, "p")))) {
      assertThatThrownBy(() -> table.toRecords(Named.class))
          .isInstanceOf(ArrowBridgeException.class)
          .hasMessageContaining("'name'")
          .hasMessageContaining("[x, y, label]");
    }
  }

  @Test
  void a_null_for_a_primitive_component_names_column_and_row() {
    try (ArrowTable table = encoder().toTable(Arrays.asList(Map.of("count", 1), Map.of()))) {
      assertThatThrownBy(() -> table.toRecords(Counted.class))
          .isInstanceOfSatisfying(
              ValueConversionException.class,
              e -> {
                assertThat(e.column()).isEqualTo("count");
                assertThat(e.row()).isEqualTo(1);
              });
    }
  }

  @Test
  void unknown_columns_are_named_in_the_error() {
    try (ArrowTable table = encoder().toTable(List.of(1))) {
      assertThatThrownBy(() -> table.column("nope"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("nope")
          .hasMessageContaining("[value]");
    }
  }
}
