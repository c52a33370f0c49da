package org.funcx.arrow.internal.codec;

import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Writes Java values of one kind into one Arrow vector type. Writers are immutable and serve every
 * batch of a stream; the vector belongs to the caller.
 *
 * <p>Writers call {@code setSafe}, not {@code set}: a batch preallocates room for its row count,
 * but list children and variable-width data grow with the values, so the capacity check has to
 * stay.
 */
public interface ColumnWriter {
  /** The nullable Arrow field, with its children, that this writer fills. */
  Field field(String name);

  /**
   * Writes the non-null {@code value} at {@code index}.
   *
   * @throws ClassCastException if {@code value} is not of the Java type this writer was derived for
   */
  void write(FieldVector vector, int index, Object value);

  /** Writes {@code value}, or a null slot when it is {@code null}. */
  default void writeNullable(FieldVector vector, int index, Object value) {
    if (value == null) {
      vector.setNull(index);
    } else {
      write(vector, index, value);
    }
  }
}
