package org.funcx.arrow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float8Vector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Acceptance: 1,000,000 rows × (long, double, string, timestamp) stream from an encoder thread
 * through a pipe into a decoder, generated lazily, with encoder memory bounded by one batch.
 */
class LargeTableTest extends AllocatorTest {
  private static final int ROWS = 1_000_000;
  private static final long ENCODER_PEAK_LIMIT = 32L << 20;

  record Measurement(long id, double value, String label, Instant at) {}

  static Measurement measurement(long i) {
    Instant at = Instant.ofEpochSecond(1_700_000_000L + i, i % 1000);
    return new Measurement(i, i * 0.5, "sensor-" + (i % 1000), at);
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void a_million_rows_stream_through_a_pipe_and_decode_exactly() throws Exception {
    try (BufferAllocator encoding = new RootAllocator();
        PipedInputStream in = new PipedInputStream(1 << 20)) {
      PipedOutputStream out = new PipedOutputStream(in);
      CompletableFuture<Long> sent = CompletableFuture.supplyAsync(() -> send(encoding, out));

      try (ArrowTable table = decoder().decode(in)) {
        assertThat(sent.get(30, TimeUnit.SECONDS)).isPositive();
        assertThat(table.rowCount()).isEqualTo(ROWS);
        assertThat(table.batches()).hasSize((ROWS + 65_535) / 65_536);
        assertEveryRow(table);
        assertThat(TableRenderer.html(table, RenderOptions.defaults()))
            .contains("<caption>1,000,000 rows × 4 columns</caption>", "sensor-999");
      }
      assertThat(encoding.getPeakMemoryAllocation())
          .as("encoder peak memory, bytes")
          .isLessThan(ENCODER_PEAK_LIMIT);
    }
  }

  private static long send(BufferAllocator encoding, PipedOutputStream out) {
    Iterator<Measurement> rows =
        LongStream.range(0, ROWS).mapToObj(LargeTableTest::measurement).iterator();
    try (out) {
      return new ArrowEncoder(encoding, ArrowEncoderConfig.defaults()).encode(rows, out);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void assertEveryRow(ArrowTable table) {
    long row = 0;
    for (var root : table.batches()) {
      var ids = (BigIntVector) root.getVector("id");
      var values = (Float8Vector) root.getVector("value");
      for (int i = 0; i < root.getRowCount(); i++, row++) {
        if (ids.get(i) != row || values.get(i) != row * 0.5) {
          throw new AssertionError(
              "row " + row + ": id " + ids.get(i) + ", value " + values.get(i));
        }
      }
    }
    assertThat(row).isEqualTo(ROWS);
    List<Measurement> records = table.toRecords(Measurement.class);
    for (int i = 0; i < ROWS; i++) {
      if (!records.get(i).equals(measurement(i))) {
        throw new AssertionError("row " + i + " differs: " + records.get(i));
      }
    }
    assertThat(table.row(ROWS - 1)).containsEntry("at", measurement(ROWS - 1).at());
  }
}
