package org.funcx.kernel.magic;

import java.util.List;
import org.funcx.deps.DependencyException;
import org.funcx.kernel.spi.MagicException;

/**
 * {@code %maven} could not resolve: the message names the coordinate at fault and every repository
 * tried; nothing of the request was added to the class path.
 */
public final class MavenResolutionError extends MagicException {
  private static final long serialVersionUID = 1L;
  private final String coordinate;
  private final List<String> repositories;

  MavenResolutionError(DependencyException e) {
    super("%maven: " + e.getMessage(), "nothing was added to the class path", e);
    this.coordinate = e.coordinate();
    this.repositories = e.repositories();
  }

  public String coordinate() {
    return coordinate;
  }

  public List<String> repositories() {
    return repositories;
  }
}
