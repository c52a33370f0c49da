package org.funcx.arrow.internal.codec;

import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Arrow {@code null} type: a column whose Java type is unknown because every sampled value was
 * null. Any later non-null value cannot be stored and is reported instead of dropped.
 */
public final class NullCodec implements ColumnReader, ColumnWriter {
  public static final NullCodec INSTANCE = new NullCodec();

  private NullCodec() {}

  @Override
  public Field field(String name) {
    return LeafFields.nullable(name, ArrowType.Null.INSTANCE);
  }

  @Override
  public void write(FieldVector vector, int index, Object value) {
    throw new IllegalArgumentException(
        "got a "
            + value.getClass().getName()
            + " in a column that was all null in the first batch;"
            + " declare the row type (a record or POJO) so the column type is known");
  }

  @Override
  public Object read(FieldVector vector, int index) {
    return null;
  }
}
