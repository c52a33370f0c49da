package org.funcx.arrow.internal.codec;

import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.util.Text;

/**
 * Reads Arrow types this bridge never writes (unsigned ints, large strings, intervals, maps...) via
 * {@link FieldVector#getObject}, turning Arrow's {@link Text} into String.
 */
public final class GenericReader implements ColumnReader {
  public static final GenericReader INSTANCE = new GenericReader();

  private GenericReader() {}

  @Override
  public Object read(FieldVector vector, int index) {
    Object value = vector.getObject(index);
    return value instanceof Text text ? text.toString() : value;
  }
}
