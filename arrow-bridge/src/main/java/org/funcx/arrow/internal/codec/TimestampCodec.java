package org.funcx.arrow.internal.codec;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * {@link Instant} as Arrow {@code timestamp(unit, timezone)} and {@link LocalDateTime} as {@code
 * timestamp(unit)} without a zone. A unit coarser than the value truncates it; a value outside the
 * unit's range (nanoseconds: years 1677 to 2262) fails instead of overflowing.
 */
public final class TimestampCodec implements ColumnReader, ColumnWriter {
  private final TimeUnit unit;
  private final String timezone;
  private final long unitsPerSecond;

  /** A codec for {@code timezone == null ? LocalDateTime : Instant} values. */
  public TimestampCodec(TimeUnit unit, String timezone) {
    this.unit = unit;
    this.timezone = timezone;
    this.unitsPerSecond = unitsPerSecond(unit);
  }

  @Override
  public Field field(String name) {
    return LeafFields.nullable(name, new ArrowType.Timestamp(unit, timezone));
  }

  @Override
  public void write(FieldVector vector, int index, Object value) {
    long seconds;
    int nanos;
    if (timezone == null) {
      LocalDateTime local = (LocalDateTime) value;
      seconds = local.toEpochSecond(ZoneOffset.UTC);
      nanos = local.getNano();
    } else {
      Instant instant = (Instant) value;
      seconds = instant.getEpochSecond();
      nanos = instant.getNano();
    }
    long units;
    try {
      long wholeSeconds = Math.multiplyExact(seconds, unitsPerSecond);
      units = Math.addExact(wholeSeconds, nanos / (1_000_000_000L / unitsPerSecond));
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          value
              + " is outside the range of a "
              + unit
              + " timestamp;"
              + " a coarser ArrowEncoderConfig.timestampUnit covers it",
          e);
    }
    ((TimeStampVector) vector).setSafe(index, units);
  }

  @Override
  public Object read(FieldVector vector, int index) {
    long units = ((TimeStampVector) vector).get(index);
    long seconds = Math.floorDiv(units, unitsPerSecond);
    long nanos = Math.floorMod(units, unitsPerSecond) * (1_000_000_000L / unitsPerSecond);
    if (timezone == null) {
      return LocalDateTime.ofEpochSecond(seconds, (int) nanos, ZoneOffset.UTC);
    }
    return Instant.ofEpochSecond(seconds, nanos);
  }

  private static long unitsPerSecond(TimeUnit unit) {
    return switch (unit) {
      case SECOND -> 1L;
      case MILLISECOND -> 1_000L;
      case MICROSECOND -> 1_000_000L;
      case NANOSECOND -> 1_000_000_000L;
    };
  }
}
