package org.funcx.arrow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.funcx.arrow.Fixtures.AllTypes;
import org.funcx.arrow.Fixtures.Primitives;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Java → Arrow → Java over random data: every seed draws a row count (0 included), a batch size (so
 * most tables span several batches) and rows with every supported type, nulls included.
 */
class RoundTripPropertyTest extends AllocatorTest {

  static LongStream seeds() {
    return LongStream.range(0, 120);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void records_of_every_type_survive_the_round_trip(long seed) throws IOException {
    RandomValues random = new RandomValues(seed);
    int rowCount = random.random().nextInt(4) == 0 ? 0 : random.random().nextInt(60);
    int batchRows = 1 + random.random().nextInt(25);
    List<AllTypes> rows = new ArrayList<>();
    for (int i = 0; i < rowCount; i++) rows.add(random.orNull(() -> Fixtures.allTypes(random)));

    // Later batches may hold decimals with more digits than the first; a fixed scale keeps them.
    byte[] ipc = encodeRows(rows, AllTypes.class, config(batchRows).decimalScale(6).build());

    try (ArrowTable table = decoder().decode(ipc)) {
      assertThat(table.rowCount()).isEqualTo(rowCount);
      assertThat(table.batches()).hasSize((rowCount + batchRows - 1) / batchRows);
      List<AllTypes> expected = rows.stream().map(row -> row == null ? emptyRow() : row).toList();
      assertThat(table.toRecords(AllTypes.class))
          .usingRecursiveComparison()
          .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
          .withComparatorForType(Double::compare, Double.class) // exact; NaN equals NaN
          .withComparatorForType(Float::compare, Float.class)
          .isEqualTo(expected);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void primitive_records_survive_the_round_trip_and_stream_batch_by_batch(long seed)
      throws IOException {
    RandomValues random = new RandomValues(seed);
    int rowCount = random.random().nextInt(80);
    int batchRows = 1 + random.random().nextInt(30);
    List<Primitives> rows = new ArrayList<>();
    for (int i = 0; i < rowCount; i++) rows.add(Fixtures.primitives(random));

    byte[] ipc = encodeRows(rows, Primitives.class, config(batchRows).build());

    try (ArrowTable table = decoder().decode(ipc)) {
      assertThat(table.toRecords(Primitives.class)).isEqualTo(rows);
    }
    List<Object> streamedCounts = new ArrayList<>();
    long streamed =
        decoder()
            .forEachBatch(
                new ByteArrayInputStream(ipc),
                batch -> {
                  assertThat(batch.rowCount()).isBetween(1, batchRows);
                  for (int row = 0; row < batch.rowCount(); row++)
                    streamedCounts.add(batch.value(row, "count"));
                });
    assertThat(streamed).isEqualTo(rowCount);
    assertThat(streamedCounts).isEqualTo(rows.stream().map(Primitives::count).toList());
  }

  /** A null row decodes as a row of nulls; primitives cannot hold nulls, so AllTypes is boxed. */
  private static AllTypes emptyRow() {
    return new AllTypes(
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null);
  }

  private static ArrowEncoderConfig.Builder config(int batchRows) {
    return ArrowEncoderConfig.builder().batchRows(batchRows);
  }

  private <R> byte[] encodeRows(List<R> rows, Class<R> type, ArrowEncoderConfig config)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    encoder(config).encodeRows(rows.iterator(), type, out);
    return out.toByteArray();
  }
}
