package org.funcx.kernel.display;

import java.util.Map;
import org.funcx.kernel.spi.DisplayRenderer;

/** Renders {@link Html} values; registered as a service like any other renderer. */
public final class HtmlRenderer implements DisplayRenderer {
  @Override
  public Map<String, String> render(Object value) {
    if (value instanceof Html h) return Map.of("text/html", h.html(), "text/plain", h.text());
    return Map.of();
  }
}
