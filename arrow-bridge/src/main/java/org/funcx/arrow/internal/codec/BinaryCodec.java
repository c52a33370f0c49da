package org.funcx.arrow.internal.codec;

import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/** {@code byte[]} as Arrow {@code binary}; reads return a fresh array. */
public final class BinaryCodec implements ColumnReader, ColumnWriter {
  public static final BinaryCodec INSTANCE = new BinaryCodec();

  private BinaryCodec() {}

  @Override
  public Field field(String name) {
    return LeafFields.nullable(name, ArrowType.Binary.INSTANCE);
  }

  @Override
  public void write(FieldVector vector, int index, Object value) {
    ((VarBinaryVector) vector).setSafe(index, (byte[]) value);
  }

  @Override
  public Object read(FieldVector vector, int index) {
    return ((VarBinaryVector) vector).get(index);
  }
}
