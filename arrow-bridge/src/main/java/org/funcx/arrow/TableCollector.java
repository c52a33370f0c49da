package org.funcx.arrow;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;
import org.funcx.arrow.internal.decode.BatchTransfer;
import org.funcx.arrow.internal.encode.BatchSink;

/**
 * Keeps each batch by moving its buffers into roots of a table allocator, then hands everything to
 * an {@link ArrowTable}. Until {@link #toTable()} succeeds, {@link #close()} releases what it
 * holds.
 */
final class TableCollector implements BatchSink, AutoCloseable {
  private final BufferAllocator allocator;
  private final List<VectorSchemaRoot> batches = new ArrayList<>();
  private Schema schema;
  private boolean handedOver;

  /**
   * @param parent the collector allocates a child of it, which the table will own
   */
  TableCollector(BufferAllocator parent) {
    this.allocator = parent.newChildAllocator("funcx-arrow-table", 0, Long.MAX_VALUE);
  }

  BufferAllocator allocator() {
    return allocator;
  }

  @Override
  public void start(VectorSchemaRoot root) {
    schema = root.getSchema();
  }

  @Override
  public void write(VectorSchemaRoot root) {
    add(BatchTransfer.detach(root, allocator));
  }

  /** Keeps a root already accounted to {@link #allocator()}, skipping empty batches. */
  void add(VectorSchemaRoot root) {
    if (root.getRowCount() == 0) {
      root.close();
    } else {
      batches.add(root);
    }
  }

  void schema(Schema schema) {
    this.schema = schema;
  }

  @Override
  public void end() {}

  /** The table owning the allocator and batches; the collector is empty afterwards. */
  ArrowTable toTable() {
    ArrowTable table = new ArrowTable(allocator, schema, batches);
    handedOver = true;
    return table;
  }

  @Override
  public void close() {
    if (handedOver) return;
    try {
      batches.forEach(VectorSchemaRoot::close);
    } finally {
      allocator.close();
    }
  }
}
