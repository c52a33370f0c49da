package org.funcx.kernel.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Rectangle;
import java.util.Locale;
import java.util.TimeZone;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYDotRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.text.TextUtils;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/** Draws charts with JFreeChart onto JFreeSVG's Graphics2D: SVG text, no display needed. */
final class SvgChart {
  static final int WIDTH = 640;
  static final int HEIGHT = 400;
  private static final Color SERIES = new Color(31, 119, 180);

  static {
    // A kernel is never a GUI; fonts are measured without a display (set before AWT starts).
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    // Rotated labels (the y axis title) as SVG text, not glyph outlines: readable and searchable.
    // The workaround is for on-screen Java2D rendering, which a kernel never does.
    TextUtils.setUseDrawRotatedStringWorkaround(false);
  }

  private SvgChart() {}

  static String line(NumericColumns.Points points, String x, String y) {
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            y + " against " + x,
            x,
            y,
            series(points, y),
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) chart.getXYPlot().getRenderer();
    renderer.setDrawSeriesLineAsPath(true); // one <path> for the series, not one per segment
    renderer.setSeriesPaint(0, SERIES);
    renderer.setSeriesStroke(0, new BasicStroke(1.5f));
    timeAxis(chart, points, x);
    return svg(chart);
  }

  static String scatter(NumericColumns.Points points, String x, String y) {
    JFreeChart chart =
        ChartFactory.createScatterPlot(
            y + " against " + x,
            x,
            y,
            series(points, y),
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    XYDotRenderer dots = new XYDotRenderer(); // a 3 px square a point: the smallest SVG element
    dots.setDotWidth(3);
    dots.setDotHeight(3);
    dots.setSeriesPaint(0, SERIES);
    chart.getXYPlot().setRenderer(dots);
    timeAxis(chart, points, x);
    return svg(chart);
  }

  static String histogram(NumericColumns.Values values, String column, int bins) {
    HistogramDataset data = new HistogramDataset();
    data.addSeries(column, values.values(), bins);
    JFreeChart chart =
        ChartFactory.createHistogram(
            "histogram of " + column,
            column,
            "count",
            data,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    chart.getXYPlot().getRenderer().setSeriesPaint(0, SERIES);
    return svg(chart);
  }

  /** Times on x: dates and times in UTC, as the values were read. */
  private static void timeAxis(JFreeChart chart, NumericColumns.Points points, String x) {
    if (!points.xIsTime()) return;
    DateAxis axis = new DateAxis(x, TimeZone.getTimeZone("UTC"), Locale.ROOT);
    chart.getXYPlot().setDomainAxis(axis);
  }

  private static XYSeriesCollection series(NumericColumns.Points points, String name) {
    XYSeries series = new XYSeries(name, false, true); // keep the rows' order, allow repeats
    for (int i = 0; i < points.x().length; i++) series.add(points.x()[i], points.y()[i], false);
    return new XYSeriesCollection(series);
  }

  private static String svg(JFreeChart chart) {
    chart.setBackgroundPaint(Color.WHITE);
    XYPlot plot = chart.getXYPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
    g.setGeomDoubleConverter(SvgChart::tenths); // a tenth of a pixel: half the bytes of the default
    chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
    return g.getSVGElement();
  }

  private static String tenths(double d) {
    long tenths = Math.round(d * 10);
    return tenths % 10 == 0 ? Long.toString(tenths / 10) : Double.toString(tenths / 10.0);
  }
}
