package org.funcx.kernel.charts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Locale;

/**
 * Columns of a {@link ChartTable} as numbers. A null, NaN or infinite value is missing: its row
 * is left out of the chart and counted, so the chart's text says how many were. Times (Instant,
 * LocalDateTime and LocalDate taken as UTC, Date) count as epoch milliseconds and make a time
 * axis.
 */
final class NumericColumns {
  private NumericColumns() {}

  /** x and y of the rows where both are present; {@code xIsTime} when x holds times. */
  record Points(double[] x, double[] y, int missing, boolean xIsTime) {}

  /** One column's present values. */
  record Values(double[] values, int missing) {}

  static Points points(ChartTable table, String x, String y) {
    Column xColumn = numbers(table, x);
    double[] xs = xColumn.values();
    double[] ys = numbers(table, y).values();
    int present = 0;
    for (int i = 0; i < xs.length; i++) {
      if (Double.isFinite(xs[i]) && Double.isFinite(ys[i])) present++;
    }
    requireSomething(present, table, x + " and " + y);
    if (present > ChartLimits.MAX_POINTS) {
      throw new ChartError(
          String.format(
              Locale.ROOT,
              "%,d points are too many to draw (at most"
                  + " %,d): draw a histogram, or plot a sample of the rows",
              present,
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
    return new Points(px, py, xs.length - present, xColumn.time());
  }

  static Values values(ChartTable table, String column) {
    Column numbers = numbers(table, column);
    if (numbers.time()) {
      throw new ChartError("column '" + column + "' holds times: a histogram needs numbers");
    }
    double[] all = numbers.values();
    double[] present = java.util.Arrays.stream(all).filter(Double::isFinite).toArray();
    requireSomething(present.length, table, column);
    return new Values(present, all.length - present.length);
  }

  private record Column(double[] values, boolean time) {}

  /** Every row's value of {@code column}, NaN where it is missing. */
  private static Column numbers(ChartTable table, String column) {
    List<?> values = table.column(column);
    double[] out = new double[values.size()];
    Boolean time = null; // decided by the first value present; the others must agree
    for (int i = 0; i < out.length; i++) {
      Object v = values.get(i);
      if (v == null) {
        out[i] = Double.NaN;
        continue;
      }
      double millis = epochMillis(v);
      boolean isTime = !Double.isNaN(millis);
      if ((!isTime && !(v instanceof Number)) || (time != null && time != isTime)) {
        throw new ChartError(
            "column '"
                + column
                + "' is not numeric: row "
                + i
                + " holds the "
                + v.getClass().getSimpleName()
                + " "
                + quoted(v));
      }
      time = isTime;
      out[i] = isTime ? millis : ((Number) v).doubleValue();
    }
    return new Column(out, Boolean.TRUE.equals(time));
  }

  /** A time as epoch milliseconds (local times as UTC); NaN when {@code v} is not a time. */
  private static double epochMillis(Object v) {
    if (v instanceof Instant t) return t.toEpochMilli();
    if (v instanceof LocalDateTime t) return t.toInstant(ZoneOffset.UTC).toEpochMilli();
    if (v instanceof LocalDate d) return d.toEpochDay() * 86_400_000.0;
    if (v instanceof Date d) return d.getTime();
    return Double.NaN;
  }

  private static void requireSomething(int present, ChartTable table, String columns) {
    if (present == 0) {
      throw new ChartError(
          "nothing to draw: all "
              + table.rowCount()
              + " rows lack "
              + columns
              + " (null, NaN or infinite)");
    }
  }

  private static String quoted(Object v) {
    String text = String.valueOf(v);
    if (text.length() > 40) text = text.substring(0, 40) + "…";
    return v instanceof CharSequence ? "\"" + text + "\"" : text;
  }
}
