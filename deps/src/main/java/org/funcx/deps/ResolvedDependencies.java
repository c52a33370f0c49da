package org.funcx.deps;

import java.nio.file.Path;
import java.util.List;

/**
 * The jars of a dependency set: the requested artifacts and their compile and runtime
 * dependencies, nearest version wins (Maven's rule), in class path order.
 *
 * @param coordinates the set as requested, sorted
 */
public record ResolvedDependencies(List<String> coordinates, List<Path> jars) {
  public ResolvedDependencies {
    coordinates = List.copyOf(coordinates);
    jars = List.copyOf(jars);
  }
}
