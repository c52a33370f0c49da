package org.funcx.arrow.internal.encode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.funcx.arrow.ArrowEncoderConfig;
import org.funcx.arrow.internal.codec.StructMember;
import org.funcx.arrow.internal.schema.TableInput;
import org.funcx.arrow.internal.schema.TableInputs;
import org.funcx.arrow.internal.schema.WriterDeriver;

/**
 * Turns a {@link TableInput} into record batches of at most {@code batchRows} rows: derives the
 * schema from the first batch, then refills one {@link VectorSchemaRoot} per batch and hands it to
 * the sink. Memory in use is about one batch, whatever the number of rows.
 */
public final class EncodePipeline {
  private EncodePipeline() {}

  /**
   * Runs the encoding. The root lives in a child of {@code allocator} that is closed before this
   * method returns, on success and on failure alike.
   *
   * @return the number of rows encoded
   */
  public static long run(
      TableInput input, ArrowEncoderConfig config, BufferAllocator allocator, BatchSink sink)
      throws IOException {
    Iterator<?> rows = input.rows();
    List<Object> batch = nextBatch(rows, config.batchRows());
    List<StructMember> columns = TableInputs.columns(input, batch, new WriterDeriver(config));
    List<Field> fields = new ArrayList<>(columns.size());
    columns.forEach(column -> fields.add(column.writer().field(column.name())));
    BatchFiller filler = new BatchFiller(columns);
    long rowCount = 0;
    try (BufferAllocator encoding =
            allocator.newChildAllocator("funcx-arrow-encode", 0, Long.MAX_VALUE);
        VectorSchemaRoot root = VectorSchemaRoot.create(new Schema(fields), encoding)) {
      sink.start(root);
      while (!batch.isEmpty()) {
        filler.fill(root, batch);
        sink.write(root);
        root.clear();
        rowCount += batch.size();
        batch = nextBatch(rows, config.batchRows());
      }
      sink.end();
    }
    return rowCount;
  }

  private static List<Object> nextBatch(Iterator<?> rows, int batchRows) {
    List<Object> batch = new ArrayList<>(Math.min(batchRows, 1 << 16));
    while (batch.size() < batchRows && rows.hasNext()) {
      batch.add(rows.next());
    }
    return batch;
  }
}
