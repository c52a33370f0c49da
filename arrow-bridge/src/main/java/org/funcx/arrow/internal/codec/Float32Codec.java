package org.funcx.arrow.internal.codec;

import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/** {@code float}/{@link Float} as Arrow {@code float32}. */
public final class Float32Codec implements ColumnReader, ColumnWriter {
  public static final Float32Codec INSTANCE = new Float32Codec();

  private Float32Codec() {}

  @Override
  public Field field(String name) {
    return LeafFields.nullable(name, new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE));
  }

  @Override
  public void write(FieldVector vector, int index, Object value) {
    ((Float4Vector) vector).setSafe(index, (Float) value);
  }

  @Override
  public Object read(FieldVector vector, int index) {
    return ((Float4Vector) vector).get(index);
  }
}
