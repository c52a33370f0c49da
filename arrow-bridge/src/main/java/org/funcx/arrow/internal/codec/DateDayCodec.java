package org.funcx.arrow.internal.codec;

import java.time.LocalDate;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/** {@link LocalDate} as Arrow {@code date32} (days since 1970-01-01). */
public final class DateDayCodec implements ColumnReader, ColumnWriter {
  public static final DateDayCodec INSTANCE = new DateDayCodec();

  private DateDayCodec() {}

  @Override
  public Field field(String name) {
    return LeafFields.nullable(name, new ArrowType.Date(DateUnit.DAY));
  }

  @Override
  public void write(FieldVector vector, int index, Object value) {
    int days = Math.toIntExact(((LocalDate) value).toEpochDay());
    ((DateDayVector) vector).setSafe(index, days);
  }

  @Override
  public Object read(FieldVector vector, int index) {
    return LocalDate.ofEpochDay(((DateDayVector) vector).get(index));
  }
}
