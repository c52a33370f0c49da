package org.funcx.arrow;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.funcx.arrow.internal.decode.BatchTransfer;
import org.funcx.arrow.internal.encode.BatchSink;
import org.funcx.arrow.internal.encode.EncodePipeline;
import org.funcx.arrow.internal.encode.IpcStreamSink;
import org.funcx.arrow.internal.encode.PrimitiveArrays;
import org.funcx.arrow.internal.schema.TableInput;
import org.funcx.arrow.internal.schema.TableInputs;

/**
 * Encodes tabular Java results (those {@link ResultEncoding#choose} sends as {@code ARROW}) to
 * Arrow IPC streams, in record batches of {@link ArrowEncoderConfig#batchRows()} rows, with a
 * schema derived from the Java types (see {@code package-info}).
 *
 * <p>Each call allocates from a child of the caller's allocator and closes that child before it
 * returns, also on failure; the caller owns the allocator and any stream passed in (never closed
 * here). Iterators and streams passed as results are consumed. An encoder is stateless and may be
 * used by several threads at once if the allocator may.
 */
public final class ArrowEncoder {
  private final BufferAllocator allocator;
  private final ArrowEncoderConfig config;

  public ArrowEncoder(BufferAllocator allocator, ArrowEncoderConfig config) {
    this.allocator = allocator;
    this.config = config;
  }

  /**
   * The whole IPC stream in memory; use {@link #encode(Object, OutputStream)} for large results.
   *
   * @throws UnsupportedResultException if the result is not tabular or has an unmappable type
   * @throws ValueConversionException if a value does not fit its column
   * @throws ResultTooLargeException beyond {@link ArrowEncoderConfig#maxEncodedBytes()}
   */
  public byte[] encode(Object result) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      encode(result, out);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory failed", e);
    }
    return out.toByteArray();
  }

  /**
   * Streams the result to {@code out} batch by batch; memory stays around one batch. A {@link
   * VectorSchemaRoot} result is written as it is, as one batch.
   *
   * @return the number of bytes written
   * @throws UnsupportedResultException, ValueConversionException, ResultTooLargeException as {@link
   *     #encode(Object)}; nothing past the limit is written
   */
  public long encode(Object result, OutputStream out) throws IOException {
    try (IpcStreamSink sink = new IpcStreamSink(out, config.maxEncodedBytes())) {
      if (result instanceof VectorSchemaRoot root) {
        writeRoot(root, sink);
      } else if (PrimitiveArrays.handles(result)) {
        PrimitiveArrays.run(result, config.batchRows(), allocator, sink);
      } else {
        EncodePipeline.run(TableInputs.of(result), config, allocator, sink);
      }
      return sink.bytesWritten();
    }
  }

  /**
   * Streams rows of a declared type, which fixes the schema even when there are no rows (or only
   * nulls) to look at. {@code rowType} is a record, POJO or Map class, or a scalar class for a
   * single {@code value} column.
   *
   * @return the number of bytes written
   */
  public <R> long encodeRows(Iterator<? extends R> rows, Class<R> rowType, OutputStream out)
      throws IOException {
    try (IpcStreamSink sink = new IpcStreamSink(out, config.maxEncodedBytes())) {
      EncodePipeline.run(TableInput.ofRows(rowType, rows), config, allocator, sink);
      return sink.bytesWritten();
    }
  }

  /**
   * The result as a table in this process, without IPC bytes (the size limit does not apply). A
   * {@link VectorSchemaRoot} result is shared, not copied: closing either side keeps the other
   * valid. The caller closes the returned table.
   */
  public ArrowTable toTable(Object result) {
    try (TableCollector collector = new TableCollector(allocator)) {
      if (result instanceof VectorSchemaRoot root) {
        collector.schema(root.getSchema());
        collector.add(BatchTransfer.share(root, collector.allocator()));
      } else {
        runInMemory(TableInputs.of(result), collector);
      }
      return collector.toTable();
    }
  }

  /** As {@link #toTable(Object)} for rows of a declared type (see {@link #encodeRows}). */
  public <R> ArrowTable toTable(Iterator<? extends R> rows, Class<R> rowType) {
    try (TableCollector collector = new TableCollector(allocator)) {
      runInMemory(TableInput.ofRows(rowType, rows), collector);
      return collector.toTable();
    }
  }

  private void runInMemory(TableInput input, BatchSink sink) {
    try {
      EncodePipeline.run(input, config, allocator, sink);
    } catch (IOException e) {
      throw new UncheckedIOException("in-memory sink failed", e);
    }
  }

  private static void writeRoot(VectorSchemaRoot root, IpcStreamSink sink) throws IOException {
    sink.start(root);
    sink.write(root);
    sink.end();
  }
}
