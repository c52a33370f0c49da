package org.funcx.arrow;

/**
 * How much of a table a preview shows. Immutable; build with {@link #builder()} or take {@link
 * #defaults()} (10 head rows, 5 tail rows, cells cut at 60 characters).
 */
public final class RenderOptions {
  private static final RenderOptions DEFAULTS = builder().build();

  private final int headRows;
  private final int tailRows;
  private final int maxCellChars;

  private RenderOptions(Builder builder) {
    this.headRows = builder.headRows;
    this.tailRows = builder.tailRows;
    this.maxCellChars = builder.maxCellChars;
  }

  public static RenderOptions defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Rows shown from the start of a table too long to show whole. */
  public int headRows() {
    return headRows;
  }

  /** Rows shown from the end of a table too long to show whole. */
  public int tailRows() {
    return tailRows;
  }

  /** Longest cell text; longer values are cut and end with an ellipsis. */
  public int maxCellChars() {
    return maxCellChars;
  }

  /** Collects options; setters reject values that would make an empty or broken preview. */
  public static final class Builder {
    private int headRows = 10;
    private int tailRows = 5;
    private int maxCellChars = 60;

    private Builder() {}

    public Builder headRows(int rows) {
      if (rows < 0) throw new IllegalArgumentException("headRows must be >= 0, got " + rows);
      this.headRows = rows;
      return this;
    }

    public Builder tailRows(int rows) {
      if (rows < 0) throw new IllegalArgumentException("tailRows must be >= 0, got " + rows);
      this.tailRows = rows;
      return this;
    }

    public Builder maxCellChars(int chars) {
      if (chars < 2) throw new IllegalArgumentException("maxCellChars must be >= 2, got " + chars);
      this.maxCellChars = chars;
      return this;
    }

    public RenderOptions build() {
      return new RenderOptions(this);
    }
  }
}
