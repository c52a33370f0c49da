package org.funcx.kernel.libraries;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.funcx.deps.DependencyException;
import org.funcx.deps.DependencyResolver;
import org.funcx.deps.RepositorySettings;
import org.funcx.deps.ResolvedDependencies;

/**
 * The libraries a notebook declared with {@code %maven} and {@code %jars}: kept here, in one place,
 * so the cells' class path and what {@code %funcx register} sends remotely agree. Adding is all or
 * nothing: everything is resolved and checked before the first jar reaches the class path.
 */
public final class NotebookLibraries implements AutoCloseable {
  private final Consumer<Path> classPath;
  private final Supplier<RepositorySettings> settings;
  private DependencyResolver resolver;

  /** Maven coordinates declared, normalized ({@code g:a:v}), in the order first declared. */
  private final Set<String> coordinates = new LinkedHashSet<>();

  /** Jars given with {@code %jars}: they have no coordinates, so they cannot be sent. */
  private final Set<Path> localJars = new LinkedHashSet<>();

  /** Every entry put on the cells' class path, so adding one again does nothing. */
  private final Set<Path> onClassPath = new LinkedHashSet<>();

  /**
   * @param classPath adds one jar to the cells' class path (JShell's compiler and class loader)
   * @param settings where {@code %maven} resolves from; read when first needed
   */
  public NotebookLibraries(Consumer<Path> classPath, Supplier<RepositorySettings> settings) {
    this.classPath = classPath;
    this.settings = settings;
  }

  /**
   * Resolves {@code requested} with their transitive dependencies and adds the jars not yet on the
   * class path. Coordinates declared before are not resolved again.
   *
   * @throws DependencyException names the coordinate at fault and the repositories tried; nothing
   *     was added
   */
  public synchronized Added addMaven(List<String> requested)
      throws DependencyException, InterruptedException {
    List<String> normalized = resolver().normalize(requested);
    if (coordinates.containsAll(normalized)) return new Added(normalized, List.of());
    ResolvedDependencies resolved = resolver().resolve(normalized);
    List<Path> fresh = addToClassPath(resolved.jars());
    coordinates.addAll(resolved.coordinates());
    return new Added(resolved.coordinates(), fresh);
  }

  /** Adds jars {@link LocalJars#expand} found and checked. */
  public synchronized Added addJars(List<Path> jars) {
    List<Path> fresh = addToClassPath(jars);
    localJars.addAll(jars);
    return new Added(List.of(), fresh);
  }

  private List<Path> addToClassPath(List<Path> jars) {
    List<Path> fresh = new ArrayList<>();
    for (Path jar : jars) {
      Path absolute = jar.toAbsolutePath().normalize();
      if (onClassPath.add(absolute)) {
        classPath.accept(absolute);
        fresh.add(absolute);
      }
    }
    return fresh;
  }

  /** The Maven coordinates declared so far: what a function registered from here depends on. */
  public synchronized List<String> mavenCoordinates() {
    return List.copyOf(coordinates);
  }

  /** Jars added with {@code %jars}, which have no remote equivalent. */
  public synchronized List<Path> localJars() {
    return List.copyOf(localJars);
  }

  private DependencyResolver resolver() {
    if (resolver == null) resolver = new DependencyResolver(settings.get());
    return resolver;
  }

  @Override
  public synchronized void close() {
    if (resolver != null) resolver.close();
  }

  /**
   * What one {@code %maven} or {@code %jars} did.
   *
   * @param coordinates the coordinates it declared (empty for {@code %jars})
   * @param added the jars it put on the class path (empty when all were there already)
   */
  public record Added(List<String> coordinates, List<Path> added) {
    private static final int NAMES_SHOWN = 8;

    /** One line for the cell, e.g. {@code added 2 jars: a-1.jar, b-2.jar}. */
    public String describe() {
      String what = coordinates.isEmpty() ? "" : String.join(", ", coordinates) + ": ";
      if (added.isEmpty()) {
        return what + "already on the class path";
      }
      return what
          + "added "
          + added.size()
          + (added.size() == 1 ? " jar: " : " jars: ")
          + fileNames(added, NAMES_SHOWN);
    }
  }

  /** The first {@code shown} file names of {@code jars}, e.g. {@code a.jar, b.jar and 3 more}. */
  public static String fileNames(List<Path> jars, int shown) {
    String names =
        String.join(", ", jars.stream().limit(shown).map(p -> p.getFileName().toString()).toList());
    return jars.size() > shown ? names + " and " + (jars.size() - shown) + " more" : names;
  }
}
