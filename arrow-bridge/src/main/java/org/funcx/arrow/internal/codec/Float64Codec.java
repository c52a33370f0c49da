package org.funcx.arrow.internal.codec;

import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/** {@code double}/{@link Double} as Arrow {@code float64}. */
public final class Float64Codec implements ColumnReader, ColumnWriter {
  public static final Float64Codec INSTANCE = new Float64Codec();

  private Float64Codec() {}

  @Override
  public Field field(String name) {
    return LeafFields.nullable(name, new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE));
  }

  @Override
  public void write(FieldVector vector, int index, Object value) {
    ((Float8Vector) vector).setSafe(index, (Double) value);
  }

  @Override
  public Object read(FieldVector vector, int index) {
    return ((Float8Vector) vector).get(index);
  }
}
