package org.funcx.arrow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.arrow.vector.types.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Single-column results of each scalar type, decoded through {@link ArrowTable#column}. */
class ScalarColumnRoundTripTest extends AllocatorTest {
  private static final int SEEDS = 25;

  static Stream<Arguments> scalarTypes() {
    List<Arguments> cases = new ArrayList<>();
    add(cases, Boolean.class, RandomValues::bool);
    add(cases, Byte.class, RandomValues::int8);
    add(cases, Short.class, RandomValues::int16);
    add(cases, Integer.class, RandomValues::int32);
    add(cases, Long.class, RandomValues::int64);
    add(cases, Float.class, RandomValues::float32);
    add(cases, Double.class, RandomValues::float64);
    add(cases, Character.class, RandomValues::character);
    add(cases, String.class, RandomValues::string);
    add(cases, Instant.class, RandomValues::instant);
    add(cases, LocalDateTime.class, RandomValues::localDateTime);
    add(cases, LocalDate.class, RandomValues::date);
    add(cases, UUID.class, RandomValues::uuid);
    return cases.stream();
  }

  private static <T> void add(List<Arguments> cases, Class<T> type, Function<RandomValues, T> gen) {
    for (long seed = 0; seed < SEEDS; seed++) {
      cases.add(Arguments.of(type.getSimpleName(), seed, type, gen));
    }
  }

  @ParameterizedTest(name = "{0} seed {1}")
  @MethodSource("scalarTypes")
  <T> void a_list_of_scalars_becomes_one_value_column_and_back(
      String name, long seed, Class<T> type, Function<RandomValues, T> generator)
      throws IOException {
    RandomValues random = new RandomValues(seed);
    List<T> values = random.listOf(50, () -> random.orNull(() -> generator.apply(random)));
    ArrowEncoderConfig config =
        ArrowEncoderConfig.builder().batchRows(1 + random.random().nextInt(20)).build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    encoder(config).encodeRows(values.iterator(), type, out);

    try (ArrowTable table = decoder().decode(out.toByteArray())) {
      assertThat(table.columnNames()).containsExactly("value");
      assertThat(table.column("value")).isEqualTo(values);
    }
  }

  @Test
  void decimals_come_back_with_equal_values_at_the_column_scale() {
    RandomValues random = new RandomValues(7);
    List<BigDecimal> values = random.listOf(200, () -> random.orNull(random::decimal));
    values.add(0, BigDecimal.ONE); // a first non-null value, so the list is tabular

    try (ArrowTable table =
        encoder(ArrowEncoderConfig.builder().decimalScale(6).build()).toTable(values)) {
      List<Object> decoded = table.column("value");
      for (int i = 0; i < values.size(); i++) {
        if (values.get(i) == null) {
          assertThat(decoded.get(i)).isNull();
        } else {
          assertThat((BigDecimal) decoded.get(i)).isEqualByComparingTo(values.get(i)).hasScaleOf(6);
        }
      }
    }
  }

  @Test
  void byte_arrays_are_binary_cells() {
    List<byte[]> values = Arrays.asList(new byte[] {1, 2, 3}, null, new byte[0], new byte[] {-1});

    try (ArrowTable table = decoder().decode(encoder().encode(values))) {
      List<Object> decoded = table.column("value");
      assertThat(decoded).hasSize(4);
      assertThat((byte[]) decoded.get(0)).containsExactly(1, 2, 3);
      assertThat(decoded.get(1)).isNull();
      assertThat((byte[]) decoded.get(2)).isEmpty();
      assertThat((byte[]) decoded.get(3)).containsExactly(-1);
    }
  }

  @Test
  void primitive_arrays_and_column_maps_keep_their_values() {
    long[] ids = new RandomValues(3).random().longs(1000).toArray();
    double[] scores = new RandomValues(4).random().doubles(1000).toArray();
    Map<String, Object> columns = new LinkedHashMap<>();
    columns.put("id", ids);
    columns.put("score", scores);
    columns.put("label", Arrays.stream(ids).mapToObj(Long::toHexString).toList());

    try (ArrowTable fromArray = decoder().decode(encoder().encode(ids));
        ArrowTable fromMap = decoder().decode(encoder().encode(columns))) {
      assertThat(fromArray.column("value")).isEqualTo(Arrays.stream(ids).boxed().toList());
      assertThat(fromMap.columnNames()).containsExactly("id", "score", "label");
      assertThat(fromMap.column("score")).isEqualTo(Arrays.stream(scores).boxed().toList());
      assertThat(fromMap.column("label")).isEqualTo(columns.get("label"));
    }
  }

  @Test
  void timestamps_outside_the_nanosecond_range_need_a_coarser_unit() {
    List<Instant> values = List.of(Instant.parse("0001-01-01T00:00:00.123456789Z"));
    ArrowEncoderConfig micros =
        ArrowEncoderConfig.builder().timestampUnit(TimeUnit.MICROSECOND).build();

    assertThatThrownBy(() -> encoder().encode(values))
        .isInstanceOf(ValueConversionException.class)
        .hasMessageContaining("column 'value', row 0")
        .hasMessageContaining("timestampUnit");
    try (ArrowTable table = encoder(micros).toTable(values)) {
      assertThat(table.column("value"))
          .containsExactly(Instant.parse("0001-01-01T00:00:00.123456Z"));
    }
  }
}
