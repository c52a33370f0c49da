package org.funcx.magics.html;

import java.util.Map;
import org.funcx.arrow.ArrowTable;
import org.funcx.arrow.RenderOptions;
import org.funcx.arrow.TableRenderer;
import org.funcx.kernel.spi.DisplayRenderer;

/**
 * Shows an Arrow result in a cell: an HTML table with its shape, column names and types and the
 * first and last rows, plus aligned text for consoles. The table itself stays in the variable.
 */
public final class ArrowTableRenderer implements DisplayRenderer {
  @Override
  public Map<String, String> render(Object value) {
    if (!(value instanceof ArrowTable table)) return Map.of();
    RenderOptions options = RenderOptions.defaults();
    return Map.of(
        "text/html",
        TableRenderer.html(table, options),
        "text/plain",
        TableRenderer.text(table, options));
  }
}
