package org.funcx.service.api;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.funcx.core.exec.FunctionLibraries;
import org.funcx.deps.DependencyException;
import org.funcx.deps.DependencyResolver;
import org.funcx.deps.RepositorySettings;

/**
 * Resolves a function's dependency set at registration, so the service can compile the source
 * against it. A set that cannot be resolved is a 400 {@code dependency_error} naming the coordinate
 * and the repositories tried. Resolution may take seconds: each is bounded by the repository
 * settings' timeout, and at most {@link #MAX_CONCURRENT} run at once (the rest wait half as long
 * as one resolution may take, then get a 503), so registrations cannot tie up every request thread.
 */
final class DependencyCheck implements AutoCloseable {
  static final int MAX_CONCURRENT = 4;
  private final DependencyResolver resolver;
  private final Semaphore slots = new Semaphore(MAX_CONCURRENT);

  DependencyCheck(RepositorySettings settings) {
    this.resolver = new DependencyResolver(settings);
  }

  /** The normal form (sorted, de-duplicated, each well formed), or a 400. Cheap: no lookup. */
  List<String> normalize(List<String> coordinates) {
    try {
      return resolver.normalize(coordinates);
    } catch (DependencyException e) {
      throw error(e);
    }
  }

  /** The set's jars in a class loader of their own; the caller closes it. */
  FunctionLibraries resolve(List<String> coordinates) {
    long waitMillis = resolver.settings().timeout().toMillis() / 2;
    try {
      if (!slots.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
        throw new ApiException(
            503,
            "dependency_resolution_busy",
            MAX_CONCURRENT + " dependency resolutions are running; try again shortly");
      }
      try {
        var resolved = resolver.resolve(coordinates);
        return FunctionLibraries.isolated(
            String.join(",", resolved.coordinates()), resolved.jars());
      } finally {
        slots.release();
      }
    } catch (DependencyException e) {
      throw error(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(503, "shutting_down", "the service is stopping");
    }
  }

  private static ApiException error(DependencyException e) {
    return new ApiException(
        400,
        "dependency_error",
        e.getMessage(),
        Map.of(
            "coordinate",
            e.coordinate(),
            "repositories",
            e.repositories(),
            "reason",
            e.reason().name().toLowerCase(java.util.Locale.ROOT)));
  }

  @Override
  public void close() {
    resolver.close();
  }
}
