package org.funcx.kernel.magic;

import java.util.Arrays;
import java.util.List;
import org.funcx.deps.DependencyException;
import org.funcx.kernel.libraries.NotebookLibraries;
import org.funcx.kernel.spi.LineMagic;
import org.funcx.kernel.spi.MagicUsageException;

/**
 * {@code %maven group:artifact:version [...]} (IJava's and JJava's form; commas also separate):
 * resolves the artifacts with their transitive dependencies and puts the jars on the cells' class
 * path, so the cell's next lines and later cells can import from them. Repositories: Maven Central
 * and {@code ~/.m2/repository}, or what {@code FUNCX_MAVEN_*} say (as for {@code ./funcx up}).
 */
public final class MavenMagic implements LineMagic {
  static final String USAGE = "usage: %maven group:artifact:version [group:artifact:version ...]";
  private final NotebookLibraries libraries;

  public MavenMagic(NotebookLibraries libraries) {
    this.libraries = libraries;
  }

  @Override
  public Object eval(String args) throws InterruptedException {
    List<String> coordinates =
        Arrays.stream(args.strip().split("[\\s,]+")).filter(s -> !s.isEmpty()).toList();
    if (coordinates.isEmpty()) throw new MagicUsageException("%maven needs a coordinate", USAGE);
    try {
      System.out.println(libraries.addMaven(coordinates).describe());
    } catch (DependencyException e) {
      throw new MavenResolutionError(e);
    } catch (IllegalArgumentException e) {
      // read when the first %maven needs them: FUNCX_MAVEN_* or the time-out is unusable
      throw new MavenSettingsError(e);
    }
    return null;
  }
}
