package org.funcx.arrow.internal.render;

import java.util.Locale;

/** The "1,000,000 rows × 4 columns" caption of a table preview. */
public final class TableShape {
  private TableShape() {}

  public static String describe(long rows, int columns) {
    return String.format(
        Locale.ROOT,
        "%,d %s × %,d %s",
        rows,
        rows == 1 ? "row" : "rows",
        columns,
        columns == 1 ? "column" : "columns");
  }
}
