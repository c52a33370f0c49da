package org.funcx.kernel.charts;

import java.util.Locale;
import org.funcx.kernel.display.Svg;

/**
 * Charts for notebook cells, statically imported into every JShell the kernel starts. Each takes
 * a table (an Arrow result), rows (a list of maps or records) or a list or array of numbers
 * (columns {@code index} and {@code value}), draws it with JFreeChart and returns an {@link Svg}
 * the cell shows as an image. Bad input is a {@link ChartError} saying what is wrong.
 */
public final class Charts {
  private Charts() {}

  /** A line of the numbers against their position. */
  public static Svg plot(Object numbers) {
    return plot(numbers, ChartTable.INDEX, ChartTable.VALUE);
  }

  /** A line chart of column {@code y} against column {@code x}, in row order. */
  public static Svg plot(Object table, String x, String y) {
    ChartTable t = ChartTable.of(table);
    NumericColumns.Points points = NumericColumns.points(t, x, y);
    return new Svg(SvgChart.line(points, x, y), describe("line", points, x, y));
  }

  /** A scatter chart of column {@code y} against column {@code x}. */
  public static Svg scatter(Object table, String x, String y) {
    ChartTable t = ChartTable.of(table);
    NumericColumns.Points points = NumericColumns.points(t, x, y);
    return new Svg(SvgChart.scatter(points, x, y), describe("scatter", points, x, y));
  }

  /** A histogram of the numbers in {@value ChartLimits#DEFAULT_BINS} bins. */
  public static Svg histogram(Object numbers) {
    return histogram(numbers, ChartTable.VALUE, ChartLimits.DEFAULT_BINS);
  }

  /** A histogram of the numbers in {@code bins} equal bins from their least to their greatest. */
  public static Svg histogram(Object numbers, int bins) {
    return histogram(numbers, ChartTable.VALUE, bins);
  }

  /** A histogram of a column in {@value ChartLimits#DEFAULT_BINS} bins. */
  public static Svg histogram(Object table, String column) {
    return histogram(table, column, ChartLimits.DEFAULT_BINS);
  }

  /** A histogram of a column in {@code bins} equal bins. */
  public static Svg histogram(Object table, String column, int bins) {
    if (bins < 1 || bins > ChartLimits.MAX_BINS) {
      throw new ChartError("a histogram has 1 to " + ChartLimits.MAX_BINS + " bins, not " + bins);
    }
    NumericColumns.Values values = NumericColumns.values(ChartTable.of(table), column);
    String text =
        String.format(
            Locale.ROOT,
            "histogram of %s: %,d values in %d bins%s",
            column,
            values.values().length,
            bins,
            missing(values.missing()));
    return new Svg(SvgChart.histogram(values, column, bins), text);
  }

  private static String describe(String kind, NumericColumns.Points points, String x, String y) {
    return String.format(
        Locale.ROOT,
        "%s chart of %s against %s: %,d points%s",
        kind,
        y,
        x,
        points.x().length,
        missing(points.missing()));
  }

  private static String missing(int rows) {
    return rows == 0
        ? ""
        : String.format(Locale.ROOT, " (%,d rows without a number left out)", rows);
  }
}
