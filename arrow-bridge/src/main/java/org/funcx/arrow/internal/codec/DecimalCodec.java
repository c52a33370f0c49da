package org.funcx.arrow.internal.codec;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * {@link BigDecimal} as Arrow {@code decimal128(precision, scale)}. Values are rescaled to the
 * column scale only when no digit is lost; otherwise writing fails rather than rounding silently.
 */
public final class DecimalCodec implements ColumnReader, ColumnWriter {
  private final int precision;
  private final int scale;

  public DecimalCodec(int precision, int scale) {
    this.precision = precision;
    this.scale = scale;
  }

  @Override
  public Field field(String name) {
    return LeafFields.nullable(name, new ArrowType.Decimal(precision, scale, 128));
  }

  @Override
  public void write(FieldVector vector, int index, Object value) {
    BigDecimal decimal = (BigDecimal) value;
    BigDecimal rescaled;
    try {
      rescaled = decimal.setScale(scale, RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          decimal.toPlainString()
              + " has scale "
              + decimal.scale()
              + " but the column has scale "
              + scale
              + "; set ArrowEncoderConfig.decimalScale to keep every digit",
          e);
    }
    ((DecimalVector) vector).setSafe(index, rescaled);
  }

  @Override
  public Object read(FieldVector vector, int index) {
    return ((DecimalVector) vector).getObject(index);
  }
}
