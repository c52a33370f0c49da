package org.funcx.kernel.display;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.funcx.kernel.spi.DisplayRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns values into Jupyter display bundles with the {@link DisplayRenderer}s found on the class
 * path. A renderer that throws is skipped (and logged): a broken renderer must not lose a result.
 */
public final class Rendering {
  private static final Logger log = LoggerFactory.getLogger(Rendering.class);
  private final List<DisplayRenderer> renderers;

  public Rendering(List<DisplayRenderer> renderers) {
    this.renderers = List.copyOf(renderers);
  }

  /** The renderers registered as services with {@code loader}. */
  public static Rendering discover(ClassLoader loader) {
    return new Rendering(
        ServiceLoader.load(DisplayRenderer.class, loader).stream()
            .map(ServiceLoader.Provider::get)
            .toList());
  }

  /** The bundle for {@code value}: a renderer's representations plus {@code text/plain}. */
  public DisplayData render(Object value) {
    if (value instanceof DisplayData given) return given;
    DisplayData data = new DisplayData();
    for (DisplayRenderer renderer : renderers) {
      Map<String, String> rich = tryRender(renderer, value);
      if (!rich.isEmpty()) {
        rich.forEach(data::putData);
        break;
      }
    }
    if (!data.hasDataForType(MIMEType.TEXT_PLAIN)) {
      data.putText(PlainText.of(value));
    }
    return data;
  }

  private static Map<String, String> tryRender(DisplayRenderer renderer, Object value) {
    try {
      Map<String, String> rich = renderer.render(value);
      return rich == null ? Map.of() : rich;
    } catch (RuntimeException e) {
      log.warn(
          "renderer {} failed on a {}",
          renderer.getClass().getName(),
          value == null ? "null" : value.getClass().getName(),
          e);
      return Map.of();
    }
  }
}
