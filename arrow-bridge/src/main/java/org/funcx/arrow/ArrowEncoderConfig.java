package org.funcx.arrow;

import java.util.Objects;
import java.util.OptionalInt;
import org.apache.arrow.vector.types.TimeUnit;

/**
 * How Java values become Arrow. Immutable; build with {@link #builder()} or take {@link
 * #defaults()}. Every option has a default, so a builder call is only needed to change one.
 */
public final class ArrowEncoderConfig {
  /** Rows per record batch by default: 64 Ki rows keeps a 4-column batch around a few MB. */
  public static final int DEFAULT_BATCH_ROWS = 65_536;

  /** Decimal precision by default: the largest that fits decimal128. */
  public static final int DEFAULT_DECIMAL_PRECISION = 38;

  private static final ArrowEncoderConfig DEFAULTS = builder().build();

  private final int batchRows;
  private final long maxEncodedBytes;
  private final TimeUnit timestampUnit;
  private final int decimalPrecision;
  private final OptionalInt decimalScale;

  private ArrowEncoderConfig(Builder builder) {
    this.batchRows = builder.batchRows;
    this.maxEncodedBytes = builder.maxEncodedBytes;
    this.timestampUnit = builder.timestampUnit;
    this.decimalPrecision = builder.decimalPrecision;
    this.decimalScale = builder.decimalScale;
  }

  public static ArrowEncoderConfig defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Maximum rows per record batch (default {@value #DEFAULT_BATCH_ROWS}). */
  public int batchRows() {
    return batchRows;
  }

  /** Largest encoded stream in bytes; default {@code Long.MAX_VALUE}, i.e. no limit. */
  public long maxEncodedBytes() {
    return maxEncodedBytes;
  }

  /**
   * Unit of Instant and LocalDateTime columns (default nanoseconds: exact for Java values, range
   * 1677 to 2262; microseconds cover any year but drop sub-microsecond digits).
   */
  public TimeUnit timestampUnit() {
    return timestampUnit;
  }

  /** Precision of BigDecimal columns (default {@value #DEFAULT_DECIMAL_PRECISION}). */
  public int decimalPrecision() {
    return decimalPrecision;
  }

  /** Scale of BigDecimal columns; empty (default) means the largest scale in the first batch. */
  public OptionalInt decimalScale() {
    return decimalScale;
  }

  @Override
  public String toString() {
    return "ArrowEncoderConfig{batchRows="
        + batchRows
        + ", maxEncodedBytes="
        + maxEncodedBytes
        + ", timestampUnit="
        + timestampUnit
        + ", decimalPrecision="
        + decimalPrecision
        + ", decimalScale="
        + decimalScale
        + "}";
  }

  /** Collects options; each setter validates its argument and says which one was wrong. */
  public static final class Builder {
    private int batchRows = DEFAULT_BATCH_ROWS;
    private long maxEncodedBytes = Long.MAX_VALUE;
    private TimeUnit timestampUnit = TimeUnit.NANOSECOND;
    private int decimalPrecision = DEFAULT_DECIMAL_PRECISION;
    private OptionalInt decimalScale = OptionalInt.empty();

    private Builder() {}

    public Builder batchRows(int rows) {
      if (rows < 1) throw new IllegalArgumentException("batchRows must be at least 1, got " + rows);
      this.batchRows = rows;
      return this;
    }

    public Builder maxEncodedBytes(long bytes) {
      if (bytes < 1)
        throw new IllegalArgumentException("maxEncodedBytes must be positive, got " + bytes);
      this.maxEncodedBytes = bytes;
      return this;
    }

    public Builder timestampUnit(TimeUnit unit) {
      this.timestampUnit = Objects.requireNonNull(unit, "timestampUnit");
      return this;
    }

    public Builder decimalPrecision(int precision) {
      if (precision < 1 || precision > 38) {
        throw new IllegalArgumentException("decimalPrecision must be 1..38, got " + precision);
      }
      this.decimalPrecision = precision;
      return this;
    }

    public Builder decimalScale(int scale) {
      if (scale < 0) throw new IllegalArgumentException("decimalScale must be >= 0, got " + scale);
      this.decimalScale = OptionalInt.of(scale);
      return this;
    }

    public ArrowEncoderConfig build() {
      if (decimalScale.isPresent() && decimalScale.getAsInt() > decimalPrecision) {
        throw new IllegalArgumentException(
            "decimalScale "
                + decimalScale.getAsInt()
                + " exceeds decimalPrecision "
                + decimalPrecision);
      }
      return new ArrowEncoderConfig(this);
    }
  }
}
