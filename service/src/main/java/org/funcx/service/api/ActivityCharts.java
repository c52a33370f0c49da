package org.funcx.service.api;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Rectangle;
import java.util.Locale;
import java.util.TimeZone;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.text.TextUtils;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * The dashboard's two charts, drawn by JFreeChart onto JFreeSVG on the server: the page needs no
 * script library (nothing to vendor or fetch), and the SVG is in the page's DOM, where tests and
 * screen readers find its text. Same libraries as the kernel's notebook charts.
 */
final class ActivityCharts {
  static final int WIDTH = 560;
  static final int HEIGHT = 260;
  private static final Color SERIES = new Color(31, 119, 180);

  static {
    // The service is never a GUI: fonts are measured without a display (set before AWT starts).
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    TextUtils.setUseDrawRotatedStringWorkaround(false); // rotated labels as SVG text
  }

  private ActivityCharts() {}

  /** Tasks finished per second, each minute of the last hour (UTC times). */
  static String tasksPerSecond(Activity a) {
    XYSeries series = new XYSeries("tasks/s", false, true);
    for (Activity.Minute m : a.minutes) {
      series.add(m.startMillis, m.finished() / (Activity.BUCKET_MILLIS / 1000.0), false);
    }
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            "Tasks finished per second (last hour)",
            "time (UTC)",
            "tasks/s",
            new XYSeriesCollection(series),
            PlotOrientation.VERTICAL,
            false,
            false,
            false);
    chart
        .getXYPlot()
        .setDomainAxis(new DateAxis("time (UTC)", TimeZone.getTimeZone("UTC"), Locale.ROOT));
    XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) chart.getXYPlot().getRenderer();
    renderer.setDrawSeriesLineAsPath(true);
    renderer.setSeriesPaint(0, SERIES);
    renderer.setSeriesStroke(0, new BasicStroke(1.5f));
    chart.getXYPlot().setBackgroundPaint(Color.WHITE);
    chart.getXYPlot().setRangeGridlinePaint(Color.LIGHT_GRAY);
    return svg(chart);
  }

  /** Failed tasks of the last hour by kind (e.g. function_error, timeout, cancelled). */
  static String failuresByKind(Activity a) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    a.failuresByKind().forEach((kind, n) -> data.addValue(n, "failures", kind));
    JFreeChart chart =
        ChartFactory.createBarChart(
            data.getColumnCount() == 0
                ? "No failures in the last hour"
                : "Failures by kind (last hour)",
            "kind",
            "tasks",
            data,
            PlotOrientation.VERTICAL,
            false,
            false,
            false);
    chart.getCategoryPlot().getRenderer().setSeriesPaint(0, new Color(214, 39, 40));
    chart.getCategoryPlot().setBackgroundPaint(Color.WHITE);
    chart.getCategoryPlot().setRangeGridlinePaint(Color.LIGHT_GRAY);
    return svg(chart);
  }

  private static String svg(JFreeChart chart) {
    chart.setBackgroundPaint(Color.WHITE);
    SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
    chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
    return g.getSVGElement();
  }
}
