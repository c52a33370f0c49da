package org.funcx.kernel.display;

import java.util.Map;
import org.funcx.kernel.spi.DisplayRenderer;

/** Renders {@link Svg} values as {@code image/svg+xml} with their {@code text/plain} form. */
public final class SvgRenderer implements DisplayRenderer {
  @Override
  public Map<String, String> render(Object value) {
    if (value instanceof Svg s) return Map.of("image/svg+xml", s.svg(), "text/plain", s.text());
    return Map.of();
  }
}
