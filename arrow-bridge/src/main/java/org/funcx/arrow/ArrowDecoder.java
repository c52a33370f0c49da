package org.funcx.arrow;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.funcx.arrow.internal.codec.ColumnReader;
import org.funcx.arrow.internal.codec.Readers;

/**
 * Reads Arrow IPC streams (the format {@link ArrowEncoder} writes, or pyarrow's {@code
 * RecordBatchStreamWriter}). Stateless apart from the allocator, which the caller owns and must
 * keep open while tables decoded from it are open; each table owns a child of it.
 */
public final class ArrowDecoder {
  private final BufferAllocator allocator;

  public ArrowDecoder(BufferAllocator allocator) {
    this.allocator = allocator;
  }

  /**
   * Decodes a whole stream held in memory. The caller closes the returned table.
   *
   * @throws ArrowBridgeException if the bytes are not an Arrow IPC stream
   */
  public ArrowTable decode(byte[] ipc) {
    try {
      return decode(new ByteArrayInputStream(ipc));
    } catch (IOException e) {
      throw new ArrowBridgeException("not a valid Arrow IPC stream: " + e.getMessage(), e);
    }
  }

  /**
   * Reads the stream to its end into a table, one batch at a time: memory grows with the batches
   * kept, never with one buffer for the whole stream. {@code in} is not closed. The caller closes
   * the returned table; on failure everything read so far is released.
   */
  public ArrowTable decode(InputStream in) throws IOException {
    TableCollector collector = new TableCollector(allocator);
    try (collector;
        ArrowStreamReader reader =
            new ArrowStreamReader(new KeepOpen(IpcPrefix.checked(in)), collector.allocator())) {
      VectorSchemaRoot root = readSchema(reader);
      collector.schema(root.getSchema());
      while (loadNext(reader)) {
        collector.write(root);
      }
      return collector.toTable();
    }
  }

  /**
   * Streams batches to {@code consumer} without keeping them: each {@link ArrowBatch} (and its
   * root) is reused for the next batch and valid only during its callback. {@code in} is not
   * closed; all Arrow memory is released before this method returns.
   *
   * @return the number of rows read
   */
  public long forEachBatch(InputStream in, Consumer<ArrowBatch> consumer) throws IOException {
    long rows = 0;
    try (BufferAllocator reading =
            allocator.newChildAllocator("funcx-arrow-read", 0, Long.MAX_VALUE);
        ArrowStreamReader reader =
            new ArrowStreamReader(new KeepOpen(IpcPrefix.checked(in)), reading)) {
      VectorSchemaRoot root = readSchema(reader);
      List<ColumnReader> readers = new ArrayList<>();
      root.getSchema().getFields().forEach(field -> readers.add(Readers.forField(field)));
      ArrowBatch batch = new ArrowBatch(root, readers);
      while (loadNext(reader)) {
        consumer.accept(batch);
        rows += root.getRowCount();
      }
    }
    return rows;
  }

  private static VectorSchemaRoot readSchema(ArrowStreamReader reader) throws IOException {
    try {
      return reader.getVectorSchemaRoot();
    } catch (RuntimeException e) {
      throw new ArrowBridgeException("not a valid Arrow IPC stream: " + e.getMessage(), e);
    }
  }

  private static boolean loadNext(ArrowStreamReader reader) throws IOException {
    try {
      return reader.loadNextBatch();
    } catch (RuntimeException e) {
      throw new ArrowBridgeException("corrupt Arrow record batch: " + e.getMessage(), e);
    }
  }

  /** Shields the caller's stream from the reader's close. */
  private static final class KeepOpen extends FilterInputStream {
    KeepOpen(InputStream in) {
      super(in);
    }

    @Override
    public void close() {}
  }
}
