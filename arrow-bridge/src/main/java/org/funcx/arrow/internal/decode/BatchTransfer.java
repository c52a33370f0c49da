package org.funcx.arrow.internal.decode;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.util.TransferPair;

/** Moves or shares a batch's buffers into a new root without copying the data. */
public final class BatchTransfer {
  private BatchTransfer() {}

  /**
   * Moves every buffer of {@code source} into a new root accounted to {@code allocator}, leaving
   * {@code source} empty and ready for the next batch. The caller owns (closes) the new root.
   */
  public static VectorSchemaRoot detach(VectorSchemaRoot source, BufferAllocator allocator) {
    int rowCount = source.getRowCount();
    List<FieldVector> moved = new ArrayList<>(source.getFieldVectors().size());
    for (FieldVector vector : source.getFieldVectors()) {
      TransferPair pair = vector.getTransferPair(allocator);
      pair.transfer();
      moved.add((FieldVector) pair.getTo());
    }
    return new VectorSchemaRoot(source.getSchema(), moved, rowCount);
  }

  /**
   * A new root, accounted to {@code allocator}, sharing {@code source}'s buffers by reference. Both
   * roots stay valid; each owner closes its own root and the memory is freed after both closed.
   */
  public static VectorSchemaRoot share(VectorSchemaRoot source, BufferAllocator allocator) {
    int rowCount = source.getRowCount();
    List<FieldVector> shared = new ArrayList<>(source.getFieldVectors().size());
    try {
      for (FieldVector vector : source.getFieldVectors()) {
        TransferPair pair = vector.getTransferPair(allocator);
        pair.splitAndTransfer(0, rowCount);
        shared.add((FieldVector) pair.getTo());
      }
    } catch (RuntimeException e) {
      shared.forEach(FieldVector::close);
      throw e;
    }
    return new VectorSchemaRoot(source.getSchema(), shared, rowCount);
  }
}
