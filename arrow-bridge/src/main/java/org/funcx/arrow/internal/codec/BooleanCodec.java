package org.funcx.arrow.internal.codec;

import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/** {@code boolean}/{@link Boolean} as Arrow {@code bool}. */
public final class BooleanCodec implements ColumnReader, ColumnWriter {
  public static final BooleanCodec INSTANCE = new BooleanCodec();

  private BooleanCodec() {}

  @Override
  public Field field(String name) {
    return LeafFields.nullable(name, ArrowType.Bool.INSTANCE);
  }

  @Override
  public void write(FieldVector vector, int index, Object value) {
    ((BitVector) vector).setSafe(index, (Boolean) value ? 1 : 0);
  }

  @Override
  public Object read(FieldVector vector, int index) {
    return ((BitVector) vector).get(index) != 0;
  }
}
