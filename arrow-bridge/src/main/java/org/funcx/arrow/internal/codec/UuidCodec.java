package org.funcx.arrow.internal.codec;

import java.nio.ByteBuffer;
import java.util.UUID;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.UuidVector;
import org.apache.arrow.vector.extension.UuidType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * {@link UUID} as the canonical {@code arrow.uuid} extension type (16-byte fixed-size binary),
 * which pyarrow also understands. A reader that has not registered the extension sees plain {@code
 * fixed_size_binary(16)} carrying the extension name in its metadata; both forms decode to UUIDs.
 */
public final class UuidCodec implements ColumnReader, ColumnWriter {
  public static final UuidCodec INSTANCE = new UuidCodec();

  private UuidCodec() {}

  @Override
  public Field field(String name) {
    return new Field(name, FieldType.nullable(UuidType.INSTANCE), null);
  }

  @Override
  public void write(FieldVector vector, int index, Object value) {
    ((UuidVector) vector).setSafe(index, (UUID) value);
  }

  @Override
  public Object read(FieldVector vector, int index) {
    if (vector instanceof UuidVector uuids) {
      return uuids.getObject(index);
    }
    ByteBuffer bytes = ByteBuffer.wrap(((FixedSizeBinaryVector) vector).get(index));
    return new UUID(bytes.getLong(), bytes.getLong());
  }
}
