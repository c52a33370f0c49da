package org.funcx.arrow.internal.codec;

import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/** {@code int}/{@link Integer} as Arrow {@code int32}. */
public final class Int32Codec implements ColumnReader, ColumnWriter {
  public static final Int32Codec INSTANCE = new Int32Codec();

  private Int32Codec() {}

  @Override
  public Field field(String name) {
    return LeafFields.nullable(name, new ArrowType.Int(32, true));
  }

  @Override
  public void write(FieldVector vector, int index, Object value) {
    ((IntVector) vector).setSafe(index, (Integer) value);
  }

  @Override
  public Object read(FieldVector vector, int index) {
    return ((IntVector) vector).get(index);
  }
}
