package org.funcx.arrow.internal.schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.UUID;
import org.funcx.arrow.ArrowEncoderConfig;
import org.funcx.arrow.UnsupportedResultException;
import org.funcx.arrow.internal.codec.BooleanCodec;
import org.funcx.arrow.internal.codec.CharCodec;
import org.funcx.arrow.internal.codec.ColumnWriter;
import org.funcx.arrow.internal.codec.DateDayCodec;
import org.funcx.arrow.internal.codec.DecimalCodec;
import org.funcx.arrow.internal.codec.EnumWriter;
import org.funcx.arrow.internal.codec.Float32Codec;
import org.funcx.arrow.internal.codec.Float64Codec;
import org.funcx.arrow.internal.codec.Int16Codec;
import org.funcx.arrow.internal.codec.Int32Codec;
import org.funcx.arrow.internal.codec.Int64Codec;
import org.funcx.arrow.internal.codec.Int8Codec;
import org.funcx.arrow.internal.codec.TimestampCodec;
import org.funcx.arrow.internal.codec.Utf8Codec;
import org.funcx.arrow.internal.codec.UuidCodec;

/** The leaf writer for each scalar Java class (see {@link JavaTypes#isScalar}). */
final class ScalarWriters {
  private static final Map<Class<?>, ColumnWriter> FIXED =
      Map.ofEntries(
          Map.entry(Boolean.class, BooleanCodec.INSTANCE),
          Map.entry(Byte.class, Int8Codec.INSTANCE),
          Map.entry(Short.class, Int16Codec.INSTANCE),
          Map.entry(Integer.class, Int32Codec.INSTANCE),
          Map.entry(Long.class, Int64Codec.INSTANCE),
          Map.entry(Float.class, Float32Codec.INSTANCE),
          Map.entry(Double.class, Float64Codec.INSTANCE),
          Map.entry(Character.class, CharCodec.INSTANCE),
          Map.entry(String.class, Utf8Codec.INSTANCE),
          Map.entry(LocalDate.class, DateDayCodec.INSTANCE),
          Map.entry(UUID.class, UuidCodec.INSTANCE));

  private ScalarWriters() {}

  static ColumnWriter of(String path, Class<?> type, Samples samples, ArrowEncoderConfig config) {
    ColumnWriter fixed = FIXED.get(JavaTypes.boxed(type));
    if (fixed != null) return fixed;
    if (Enum.class.isAssignableFrom(type)) return EnumWriter.INSTANCE;
    if (type == Instant.class) return new TimestampCodec(config.timestampUnit(), "UTC");
    if (type == LocalDateTime.class) return new TimestampCodec(config.timestampUnit(), null);
    if (type == BigDecimal.class) return decimal(path, samples, config);
    throw new UnsupportedResultException(
        WriterDeriver.where(path) + "no Arrow mapping for " + type);
  }

  /**
   * decimal128 with the configured precision; the scale is the configured one, else the largest
   * scale among the samples, so the first batch's values keep every digit.
   */
  private static ColumnWriter decimal(String path, Samples samples, ArrowEncoderConfig config) {
    int scale = 0;
    if (config.decimalScale().isEmpty()) {
      for (Object sample : samples.values()) {
        scale = Math.max(scale, ((BigDecimal) sample).scale());
      }
    }
    scale = config.decimalScale().orElse(scale);
    if (scale > config.decimalPrecision()) {
      throw new UnsupportedResultException(
          WriterDeriver.where(path)
              + "decimal scale "
              + scale
              + " exceeds precision "
              + config.decimalPrecision());
    }
    return new DecimalCodec(config.decimalPrecision(), scale);
  }
}
