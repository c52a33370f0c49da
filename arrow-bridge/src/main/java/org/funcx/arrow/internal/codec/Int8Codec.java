package org.funcx.arrow.internal.codec;

import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/** {@code byte}/{@link Byte} as Arrow {@code int8}. */
public final class Int8Codec implements ColumnReader, ColumnWriter {
  public static final Int8Codec INSTANCE = new Int8Codec();

  private Int8Codec() {}

  @Override
  public Field field(String name) {
    return LeafFields.nullable(name, new ArrowType.Int(8, true));
  }

  @Override
  public void write(FieldVector vector, int index, Object value) {
    ((TinyIntVector) vector).setSafe(index, (Byte) value);
  }

  @Override
  public Object read(FieldVector vector, int index) {
    return ((TinyIntVector) vector).get(index);
  }
}
