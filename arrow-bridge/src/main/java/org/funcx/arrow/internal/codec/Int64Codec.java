package org.funcx.arrow.internal.codec;

import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/** {@code long}/{@link Long} as Arrow {@code int64}. */
public final class Int64Codec implements ColumnReader, ColumnWriter {
  public static final Int64Codec INSTANCE = new Int64Codec();

  private Int64Codec() {}

  @Override
  public Field field(String name) {
    return LeafFields.nullable(name, new ArrowType.Int(64, true));
  }

  @Override
  public void write(FieldVector vector, int index, Object value) {
    ((BigIntVector) vector).setSafe(index, (Long) value);
  }

  @Override
  public Object read(FieldVector vector, int index) {
    return ((BigIntVector) vector).get(index);
  }
}
