package org.funcx.arrow.internal.codec;

import java.nio.charset.StandardCharsets;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Enum constants as their {@link Enum#name()} in an Arrow {@code utf8} column. Decoding yields the
 * name as a String ({@link Utf8Codec}); mapping to records turns it back into the constant.
 */
public final class EnumWriter implements ColumnWriter {
  public static final EnumWriter INSTANCE = new EnumWriter();

  private EnumWriter() {}

  @Override
  public Field field(String name) {
    return Utf8Codec.INSTANCE.field(name);
  }

  @Override
  public void write(FieldVector vector, int index, Object value) {
    byte[] name = ((Enum<?>) value).name().getBytes(StandardCharsets.UTF_8);
    ((VarCharVector) vector).setSafe(index, name);
  }
}
