package org.funcx.arrow.internal.codec;

import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/** {@code short}/{@link Short} as Arrow {@code int16}. */
public final class Int16Codec implements ColumnReader, ColumnWriter {
  public static final Int16Codec INSTANCE = new Int16Codec();

  private Int16Codec() {}

  @Override
  public Field field(String name) {
    return LeafFields.nullable(name, new ArrowType.Int(16, true));
  }

  @Override
  public void write(FieldVector vector, int index, Object value) {
    ((SmallIntVector) vector).setSafe(index, (Short) value);
  }

  @Override
  public Object read(FieldVector vector, int index) {
    return ((SmallIntVector) vector).get(index);
  }
}
