package org.funcx.arrow.internal.codec;

import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.UInt2Vector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * {@code char}/{@link Character} as Arrow {@code uint16}, the one Arrow type with a char's range.
 */
public final class CharCodec implements ColumnReader, ColumnWriter {
  public static final CharCodec INSTANCE = new CharCodec();

  private CharCodec() {}

  @Override
  public Field field(String name) {
    return LeafFields.nullable(name, new ArrowType.Int(16, false));
  }

  @Override
  public void write(FieldVector vector, int index, Object value) {
    ((UInt2Vector) vector).setSafe(index, (Character) value);
  }

  @Override
  public Object read(FieldVector vector, int index) {
    return ((UInt2Vector) vector).get(index);
  }
}
