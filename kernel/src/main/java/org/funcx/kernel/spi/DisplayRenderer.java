package org.funcx.kernel.spi;

import java.util.Map;

/**
 * Rich representations of values the kernel shows: cell results, {@code display(...)} arguments
 * and values magics display. Found with {@link java.util.ServiceLoader} (list implementations in
 * {@code META-INF/services/org.funcx.kernel.spi.DisplayRenderer}), so other modules can render
 * their own types, e.g. Arrow tables as HTML. The first renderer answering a non-empty map wins;
 * the kernel adds {@code text/plain} when the answer lacks it.
 */
public interface DisplayRenderer {
  /**
   * @return representations by MIME type (e.g. {@code text/html}), or an empty map when this
   *     renderer does not handle the value
   */
  Map<String, String> render(Object value);
}
