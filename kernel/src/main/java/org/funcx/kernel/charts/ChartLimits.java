package org.funcx.kernel.charts;

/** The bounds of a chart, listed in the README's Limits table. */
public final class ChartLimits {
  /**
   * Points a line or scatter chart draws at most. An SVG scatter takes about 110 bytes a point
   * (5.5 MB at this bound) and every byte is kept in the notebook; histograms have no such bound.
   */
  public static final int MAX_POINTS = 50_000;

  /** Bins a histogram may have. */
  public static final int MAX_BINS = 1_000;

  /** Bins of {@code histogram(values)} when none are given. */
  public static final int DEFAULT_BINS = 20;

  private ChartLimits() {}
}
