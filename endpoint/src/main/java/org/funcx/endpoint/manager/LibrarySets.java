package org.funcx.endpoint.manager;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.LongAdder;
import org.funcx.core.exec.FunctionLibraries;
import org.funcx.deps.DependencyException;
import org.funcx.deps.DependencyResolver;
import org.funcx.deps.RepositorySettings;
import org.funcx.deps.ResolvedDependencies;

/**
 * The libraries of one manager JVM, one {@link FunctionLibraries} (jars and class loader) per
 * dependency set, keyed by the sorted set: a set is resolved once however many tasks and functions
 * declare it, and concurrent first tasks wait for the one resolution. The site class path comes
 * first in every set. A failed resolution is remembered for {@link #RETRY_FAILED_AFTER_MILLIS},
 * so ten thousand queued tasks of an unresolvable set cost one attempt, yet a repository that
 * comes back is tried again. At most {@link #MAX_SETS} sets are kept, least recently used evicted.
 */
final class LibrarySets implements AutoCloseable {
  static final int MAX_SETS = 100;
  static final long RETRY_FAILED_AFTER_MILLIS = 30_000;

  /** A finished resolution: exactly one of libraries and error is set. */
  private record Resolution(
      FunctionLibraries libraries, DependencyException error, long doneAtMillis) {}

  private final DependencyResolver resolver;
  private final List<Path> siteJars;
  private final LongAdder resolutions = new LongAdder();
  private final Map<List<String>, CompletableFuture<Resolution>> sets =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(
            Map.Entry<List<String>, CompletableFuture<Resolution>> e) {
          // an evicted set's class loader stays open: functions compiled against it may still run
          return size() > MAX_SETS;
        }
      };

  LibrarySets(RepositorySettings repositories, List<Path> siteJars) {
    this.resolver = new DependencyResolver(repositories);
    this.siteJars = List.copyOf(siteJars);
  }

  /**
   * The libraries of a function declaring {@code sortedSet}; null for a JDK-only function on an
   * endpoint without site jars (it keeps the worker's class path, as before libraries existed).
   */
  FunctionLibraries forSet(List<String> sortedSet)
      throws DependencyException, InterruptedException {
    if (sortedSet.isEmpty() && siteJars.isEmpty()) return null;
    CompletableFuture<Resolution> entry;
    boolean resolveHere = false;
    synchronized (sets) {
      entry = sets.get(sortedSet);
      if (entry != null && entry.isDone() && expired(entry.join())) {
        sets.remove(sortedSet);
        entry = null;
      }
      if (entry == null) {
        entry = new CompletableFuture<>();
        sets.put(sortedSet, entry);
        resolveHere = true;
      }
    }
    if (resolveHere) resolveInto(entry, sortedSet);
    Resolution done;
    try {
      done = entry.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("resolving " + sortedSet + " failed", e.getCause());
    }
    if (done.error() != null) throw done.error();
    return done.libraries();
  }

  private void resolveInto(CompletableFuture<Resolution> entry, List<String> set)
      throws InterruptedException {
    resolutions.increment();
    try {
      ResolvedDependencies resolved = resolver.resolve(set);
      List<Path> jars = new ArrayList<>(siteJars);
      jars.addAll(resolved.jars());
      String name = set.isEmpty() ? "funcx-site-classpath" : "funcx-deps " + String.join(",", set);
      entry.complete(new Resolution(FunctionLibraries.isolated(name, jars), null, now()));
    } catch (DependencyException e) {
      entry.complete(new Resolution(null, e, now()));
    } catch (InterruptedException | RuntimeException | Error e) {
      synchronized (sets) {
        sets.remove(set, entry); // not the set's fault: the next task tries again
      }
      entry.completeExceptionally(e);
      throw e;
    }
  }

  private static boolean expired(Resolution entry) {
    return entry.error() != null && now() - entry.doneAtMillis() > RETRY_FAILED_AFTER_MILLIS;
  }

  private static long now() {
    return System.currentTimeMillis();
  }

  /** Resolutions started, one per distinct set (plus retries of failed ones). */
  long resolutions() {
    return resolutions.sum();
  }

  @Override
  public void close() {
    resolver.close();
  }
}
