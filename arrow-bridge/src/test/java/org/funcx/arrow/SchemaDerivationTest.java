package org.funcx.arrow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.arrow.vector.types.pojo.Field;
import org.funcx.arrow.Fixtures.AllTypes;
import org.funcx.arrow.internal.render.ArrowTypeNames;
import org.junit.jupiter.api.Test;

/** The Arrow schema each Java shape produces (types shown with {@link ArrowTypeNames}). */
class SchemaDerivationTest extends AllocatorTest {

  @Test
  void record_components_map_to_typed_nullable_fields_in_declaration_order() {
    try (ArrowTable table = encoder().toTable(List.<AllTypes>of().iterator(), AllTypes.class)) {
      assertThat(types(table))
          .containsExactly(
              "flag: bool",
              "tiny: int8",
              "small: int16",
              "count: int32",
              "big: int64",
              "ratio: float",
              "score: double",
              "initial: uint16",
              "name: string",
              "amount: decimal(38,0)",
              "at: timestamp[ns, UTC]",
              "local: timestamp[ns]",
              "day: date32",
              "id: uuid",
              "blob: binary",
              "color: string",
              "counts: list<int32>",
              "tags: list<string>",
              "matrix: list<list<int64>>",
              "ints: list<int32>",
              "point: struct<x: double, y: double, label: string>",
              "path: list<struct<x: double, y: double, label: string>>");
      assertThat(table.schema().getFields()).allMatch(Field::isNullable);
      assertThat(table.rowCount()).isZero();
    }
  }

  /** A POJO: getters and a public field, declared in an order that is not alphabetical. */
  public static class Sample {
    public String zone = "z";
    private final long id;

    Sample(long id) {
      this.id = id;
    }

    public long getId() {
      return id;
    }

    public boolean isEven() {
      return id % 2 == 0;
    }

    public static int getIgnoredBecauseStatic() {
      return 0;
    }
  }

  @Test
  void pojo_properties_come_from_public_getters_and_fields_in_field_order() {
    try (ArrowTable table = encoder().toTable(List.of(new Sample(1), new Sample(2)))) {
      assertThat(types(table)).containsExactly("zone: string", "id: int64", "even: bool");
      assertThat(table.column("even")).containsExactly(false, true);
    }
  }

  @Test
  void map_rows_take_their_columns_from_the_keys_and_their_types_from_the_values() {
    Map<String, Object> first = new LinkedHashMap<>();
    first.put("name", "a");
    first.put("score", 1.5);
    Map<String, Object> second = new LinkedHashMap<>();
    second.put("name", null);
    second.put("score", 2.5);
    second.put("when", Instant.EPOCH);

    try (ArrowTable table = encoder().toTable(List.of(first, second))) {
      assertThat(types(table))
          .containsExactly("name: string", "score: double", "when: timestamp[ns, UTC]");
      assertThat(table.rows().get(1))
          .containsEntry("when", Instant.EPOCH)
          .containsEntry("name", null);
    }
  }

  @Test
  void untyped_lists_and_nested_maps_are_typed_from_their_elements() {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("tags", List.of("x", "y"));
    row.put("meta", Map.of("version", 3));
    row.put("nothing", null);

    try (ArrowTable table = encoder().toTable(List.of(row))) {
      assertThat(types(table))
          .containsExactly("tags: list<string>", "meta: struct<version: int32>", "nothing: null");
      assertThat(table.column("meta")).containsExactly(Map.of("version", 3));
    }
  }

  @Test
  void decimal_scale_is_the_largest_scale_in_the_first_batch_unless_configured() {
    List<BigDecimal> values = List.of(new BigDecimal("1.5"), new BigDecimal("2.125"));
    ArrowEncoderConfig fixed =
        ArrowEncoderConfig.builder().decimalPrecision(20).decimalScale(4).build();

    try (ArrowTable derived = encoder().toTable(values);
        ArrowTable configured = encoder(fixed).toTable(values)) {
      assertThat(types(derived)).containsExactly("value: decimal(38,3)");
      assertThat(types(configured)).containsExactly("value: decimal(20,4)");
    }
  }

  @Test
  void column_values_of_mixed_classes_are_rejected_with_the_column_and_classes() {
    Map<String, Object> a = Map.of("n", 1);
    Map<String, Object> b = Map.of("n", 2L);

    assertThatThrownBy(() -> encoder().encode(List.of(a, b)))
        .isInstanceOf(UnsupportedResultException.class)
        .hasMessageContaining("column 'n'")
        .hasMessageContaining("java.lang.Integer")
        .hasMessageContaining("java.lang.Long");
  }

  record Node(String name, List<Node> children) {}

  @Test
  void recursive_types_are_rejected_instead_of_recursing_forever() {
    Node leaf = new Node("leaf", List.of());

    assertThatThrownBy(() -> encoder().encode(List.of(new Node("root", List.of(leaf)))))
        .isInstanceOf(UnsupportedResultException.class)
        .hasMessageContaining("children[]")
        .hasMessageContaining("contains itself");
  }

  @Test
  void rows_with_a_key_the_first_batch_lacked_fail_instead_of_losing_it() {
    ArrowEncoderConfig oneRowBatches = ArrowEncoderConfig.builder().batchRows(1).build();
    List<Map<String, Integer>> rows = List.of(Map.of("a", 1), Map.of("a", 2, "b", 3));

    assertThatThrownBy(() -> encoder(oneRowBatches).encode(rows))
        .isInstanceOf(ValueConversionException.class)
        .hasMessageContaining("row 1")
        .hasMessageContaining("'b'");
  }

  @Test
  void a_value_that_does_not_fit_its_column_names_column_and_row() {
    List<Object> values = Arrays.asList(1, 2, "three");

    assertThatThrownBy(
            () -> encoder(ArrowEncoderConfig.builder().batchRows(2).build()).encode(values))
        .isInstanceOf(ValueConversionException.class)
        .hasMessageContaining("column 'value', row 2")
        .satisfies(e -> assertThat(((ValueConversionException) e).row()).isEqualTo(2));
  }

  private static List<String> types(ArrowTable table) {
    return table.schema().getFields().stream()
        .map(field -> field.getName() + ": " + ArrowTypeNames.describe(field))
        .collect(Collectors.toList());
  }
}
