package org.funcx.arrow;

/**
 * One value could not be converted, between Java and Arrow in either direction: for example a Long
 * in an int32 column, a decimal needing more scale than its column, a timestamp out of range, or a
 * null for a primitive record component.
 */
public final class ValueConversionException extends ArrowBridgeException {
  private final String column;
  private final long row;

  public ValueConversionException(String column, long row, Throwable cause) {
    this(column, row, cause.getMessage() == null ? cause.toString() : cause.getMessage(), cause);
  }

  public ValueConversionException(String column, long row, String problem, Throwable cause) {
    super("column '" + column + "', row " + row + ": " + problem, cause);
    this.column = column;
    this.row = row;
  }

  /** The top-level column name. */
  public String column() {
    return column;
  }

  /** The row index, counted from the start of the table (over all batches). */
  public long row() {
    return row;
  }
}
