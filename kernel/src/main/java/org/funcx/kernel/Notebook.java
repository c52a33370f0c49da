package org.funcx.kernel;

import org.funcx.kernel.display.Html;
import org.funcx.kernel.display.Svg;
import org.funcx.kernel.spi.KernelContext;

/**
 * Functions for notebook cells, statically imported into every JShell the kernel starts, named
 * after IPython's: {@code display(value)}, {@code display(value, "progress")} then
 * {@code updateDisplay(newValue, "progress")}, {@code html("<b>...</b>")} and
 * {@code svg("<svg ...")}.
 * Charts ({@code plot}, {@code scatter}, {@code histogram}) are in {@link
 * org.funcx.kernel.charts.Charts}, imported the same way.
 */
public final class Notebook {
  private static volatile KernelContext context;

  private Notebook() {}

  static void install(KernelContext kernelContext) {
    context = kernelContext;
  }

  /** Shows {@code value} in the cell's output now, rendered like a cell result. */
  public static void display(Object value) {
    context().display(value);
  }

  /** Shows {@code value} under {@code displayId}, so {@link #updateDisplay} can replace it. */
  public static void display(Object value, String displayId) {
    context().display(value, displayId);
  }

  /** Replaces what was displayed under {@code displayId}, e.g. a progress line. */
  public static void updateDisplay(Object value, String displayId) {
    context().updateDisplay(displayId, value);
  }

  /** A value shown as HTML. */
  public static Html html(String html) {
    return new Html(html);
  }

  /** A value shown as an SVG image; {@code text} is what readers without images see. */
  public static Svg svg(String svg, String text) {
    return new Svg(svg, text);
  }

  /** A value shown as an SVG image. */
  public static Svg svg(String svg) {
    return new Svg(svg);
  }

  private static KernelContext context() {
    KernelContext c = context;
    if (c == null) {
      throw new IllegalStateException("display functions work only inside the funcX Java kernel");
    }
    return c;
  }
}
