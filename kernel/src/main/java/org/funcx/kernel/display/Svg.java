package org.funcx.kernel.display;

/**
 * A value shown as an SVG image ({@code image/svg+xml}), with a plain-text form naming what it
 * shows for consoles and readers without images. Charts return it; cells can create one with
 * {@code svg("<svg ...>")}.
 */
public record Svg(String svg, String text) {
  public Svg {
    if (svg == null) throw new IllegalArgumentException("svg is required");
    if (text == null) text = "an SVG image";
  }

  public Svg(String svg) {
    this(svg, null);
  }

  @Override
  public String toString() {
    return text;
  }
}
