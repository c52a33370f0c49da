package org.funcx.arrow.internal.schema;

import java.lang.reflect.Type;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A result seen as a table: its rows in order, plus either the declared row type (rows are records,
 * POJOs, maps or scalars) or explicit columns (rows are then row indexes into those columns).
 *
 * @param rowType declared row type; {@code Object} when only the values can tell
 * @param rows the rows, consumed once
 * @param columns explicit columns, or {@code null} when the columns come from the row type
 */
public record TableInput(Type rowType, Iterator<?> rows, List<JavaMember> columns) {

  public static TableInput ofRows(Type rowType, Iterator<?> rows) {
    return new TableInput(rowType, rows, null);
  }

  /** Columns read by row index {@code 0..rowCount-1}. */
  public static TableInput ofColumns(List<JavaMember> columns, int rowCount) {
    return new TableInput(
        Integer.class, IntStream.range(0, rowCount).iterator(), List.copyOf(columns));
  }
}
