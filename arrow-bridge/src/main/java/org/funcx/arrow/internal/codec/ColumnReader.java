package org.funcx.arrow.internal.codec;

import org.apache.arrow.vector.FieldVector;

/**
 * Reads one Arrow vector type as Java values. Readers are stateless and may be shared between
 * batches and threads; the vector belongs to the caller.
 */
public interface ColumnReader {
  /** Reads the value at {@code index}; the caller has checked that it is not null. */
  Object read(FieldVector vector, int index);

  /** Reads the value at {@code index}, or {@code null} when the slot is null. */
  default Object readNullable(FieldVector vector, int index) {
    return vector.isNull(index) ? null : read(vector, index);
  }
}
