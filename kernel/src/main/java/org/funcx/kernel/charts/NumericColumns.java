package org.funcx.kernel.charts;

import java.util.List;
import java.util.Locale;

/**
 * Columns of a {@link ChartTable} as numbers. A null, NaN or infinite value is missing: its row
 * is left out of the chart and counted, so the chart's text says how many were.
 */
final class NumericColumns {
  private NumericColumns() {}

  /** x and y of the rows where both are present. */
  record Points(double[] x, double[] y, int missing) {}

  /** One column's present values. */
  record Values(double[] values, int missing) {}

  static Points points(ChartTable table, String x, String y) {
    double[] xs = numbers(table, x);
    double[] ys = numbers(table, y);
    int present = 0;
    for (int i = 0; i < xs.length; i++) {
      if (Double.isFinite(xs[i]) && Double.isFinite(ys[i])) present++;
    }
    requireSomething(present, table, x + " and " + y);
    if (present > ChartLimits.MAX_POINTS) {
      throw new ChartError(String.format(Locale.ROOT, "%,d points are too many to draw (at most"
          + " %,d): draw a histogram, or plot a sample of the rows", present,
          ChartLimits.MAX_POINTS));
    }
    double[] px = new double[present];
    double[] py = new double[present];
    int at = 0;
    for (int i = 0; i < xs.length; i++) {
      if (Double.isFinite(xs[i]) && Double.isFinite(ys[i])) {
        px[at] = xs[i];
        py[at++] = ys[i];
      }
    }
    return new Points(px, py, xs.length - present);
  }

  static Values values(ChartTable table, String column) {
    double[] all = numbers(table, column);
    double[] present = java.util.Arrays.stream(all).filter(Double::isFinite).toArray();
    requireSomething(present.length, table, column);
    return new Values(present, all.length - present.length);
  }

  /** Every row's value of {@code column}, NaN where it is missing. */
  private static double[] numbers(ChartTable table, String column) {
    List<?> values = table.column(column);
    double[] out = new double[values.size()];
    for (int i = 0; i < out.length; i++) {
      Object v = values.get(i);
      if (v == null) {
        out[i] = Double.NaN;
      } else if (v instanceof Number n) {
        out[i] = n.doubleValue();
      } else {
        throw new ChartError("column '" + column + "' is not numeric: row " + i + " holds the "
            + v.getClass().getSimpleName() + " " + quoted(v));
      }
    }
    return out;
  }

  private static void requireSomething(int present, ChartTable table, String columns) {
    if (present == 0) {
      throw new ChartError("nothing to draw: all " + table.rowCount() + " rows lack " + columns
          + " (null, NaN or infinite)");
    }
  }

  private static String quoted(Object v) {
    String text = String.valueOf(v);
    if (text.length() > 40) text = text.substring(0, 40) + "…";
    return v instanceof CharSequence ? "\"" + text + "\"" : text;
  }
}
