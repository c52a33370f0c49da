package org.funcx.arrow.internal.codec;

import java.nio.charset.StandardCharsets;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/** {@link String} as Arrow {@code utf8}. */
public final class Utf8Codec implements ColumnReader, ColumnWriter {
  public static final Utf8Codec INSTANCE = new Utf8Codec();

  private Utf8Codec() {}

  @Override
  public Field field(String name) {
    return LeafFields.nullable(name, ArrowType.Utf8.INSTANCE);
  }

  @Override
  public void write(FieldVector vector, int index, Object value) {
    ((VarCharVector) vector).setSafe(index, ((String) value).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public Object read(FieldVector vector, int index) {
    return new String(((VarCharVector) vector).get(index), StandardCharsets.UTF_8);
  }
}
