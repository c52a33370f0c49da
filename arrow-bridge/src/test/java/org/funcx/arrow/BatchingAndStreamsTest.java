package org.funcx.arrow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.junit.jupiter.api.Test;

/**
 * Record batches on the wire: sizes, empty and zero-length batches, lazy inputs, stream ownership.
 */
class BatchingAndStreamsTest extends AllocatorTest {

  record Row(int id, String name) {}

  @Test
  void rows_are_cut_into_batches_of_the_configured_size() {
    List<Row> rows = IntStream.range(0, 10).mapToObj(i -> new Row(i, "r" + i)).toList();
    ArrowEncoderConfig config = ArrowEncoderConfig.builder().batchRows(3).build();

    try (ArrowTable table = decoder().decode(encoder(config).encode(rows))) {
      assertThat(table.batches())
          .extracting(VectorSchemaRoot::getRowCount)
          .containsExactly(3, 3, 3, 1);
      assertThat(table.toRecords(Row.class)).isEqualTo(rows);
    }
  }

  @Test
  void iterators_and_streams_are_encoded_lazily_batch_by_batch() {
    List<Integer> pulled = new ArrayList<>();
    Iterator<Row> rows =
        IntStream.range(0, 7).peek(pulled::add).mapToObj(i -> new Row(i, null)).iterator();
    ArrowEncoderConfig config = ArrowEncoderConfig.builder().batchRows(2).build();

    try (ArrowTable fromIterator = decoder().decode(encoder(config).encode(rows));
        ArrowTable fromStream =
            decoder().decode(encoder(config).encode(Stream.of("a", "b", "c")))) {
      assertThat(pulled).hasSize(7);
      assertThat(fromIterator.batches()).hasSize(4);
      assertThat(fromIterator.column("name")).containsOnlyNulls().hasSize(7);
      assertThat(fromStream.column("value")).containsExactly("a", "b", "c");
    }
  }

  @Test
  void an_empty_typed_result_is_a_schema_without_batches() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    encoder().encodeRows(List.<Row>of().iterator(), Row.class, out);

    try (ArrowTable table = decoder().decode(out.toByteArray())) {
      assertThat(table.columnNames()).containsExactly("id", "name");
      assertThat(table.rowCount()).isZero();
      assertThat(table.batches()).isEmpty();
      assertThat(table.rows()).isEmpty();
      assertThat(table.column("id")).isEmpty();
      assertThat(table.toRecords(Row.class)).isEmpty();
    }
  }

  @Test
  void zero_length_batches_from_other_writers_decode_to_no_rows() throws IOException {
    byte[] ipc = writeIntBatches(new int[0], new int[] {4, 5}, new int[0]);

    List<Integer> batchSizes = new ArrayList<>();
    long rows =
        decoder().forEachBatch(new ByteArrayInputStream(ipc), b -> batchSizes.add(b.rowCount()));
    try (ArrowTable table = decoder().decode(ipc)) {
      assertThat(batchSizes).containsExactly(0, 2, 0);
      assertThat(rows).isEqualTo(2);
      assertThat(table.rowCount()).isEqualTo(2);
      assertThat(table.column("n")).containsExactly(4, 5);
      assertThat(table.row(1)).containsEntry("n", 5);
    }
  }

  @Test
  void arrow_types_the_encoder_never_writes_still_decode() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (LargeVarCharVector text = new LargeVarCharVector("text", allocator);
        VectorSchemaRoot root = VectorSchemaRoot.of(text);
        ArrowStreamWriter writer = new ArrowStreamWriter(root, null, out)) {
      text.allocateNew();
      text.setSafe(0, "large".getBytes(StandardCharsets.UTF_8));
      text.setNull(1);
      root.setRowCount(2);
      writer.writeBatch();
    }

    try (ArrowTable table = decoder().decode(out.toByteArray())) {
      assertThat(table.column("text")).containsExactly("large", null);
    }
  }

  @Test
  void the_callers_streams_are_left_open() throws IOException {
    AtomicBoolean outClosed = new AtomicBoolean();
    AtomicBoolean inClosed = new AtomicBoolean();
    ByteArrayOutputStream out =
        new ByteArrayOutputStream() {
          @Override
          public void close() {
            outClosed.set(true);
          }
        };
    long written = encoder().encode(List.of(1, 2, 3), out);
    ByteArrayInputStream in =
        new ByteArrayInputStream(out.toByteArray()) {
          @Override
          public void close() {
            inClosed.set(true);
          }
        };

    try (ArrowTable table = decoder().decode(in)) {
      assertThat(written).isEqualTo(out.size());
      assertThat(table.column("value")).containsExactly(1, 2, 3);
    }
    assertThat(outClosed).isFalse();
    assertThat(inClosed).isFalse();
  }

  private byte[] writeIntBatches(int[]... batches) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (IntVector n = new IntVector("n", allocator);
        VectorSchemaRoot root = VectorSchemaRoot.of(n);
        ArrowStreamWriter writer = new ArrowStreamWriter(root, null, out)) {
      writer.start();
      for (int[] batch : batches) {
        n.allocateNew(Math.max(1, batch.length));
        for (int i = 0; i < batch.length; i++) n.set(i, batch[i]);
        root.setRowCount(batch.length);
        writer.writeBatch();
      }
      writer.end();
    }
    return out.toByteArray();
  }
}
