package org.funcx.kernel.magic;

import java.util.Arrays;
import java.util.List;
import org.funcx.kernel.libraries.LocalJars;
import org.funcx.kernel.libraries.NotebookLibraries;
import org.funcx.kernel.spi.LineMagic;
import org.funcx.kernel.spi.MagicUsageException;

/**
 * {@code %jars PATH...}: puts local jars on the cells' class path: files, directories of jars or
 * globs ({@code lib/*.jar}); see {@link LocalJars}. Paths are separated by spaces.
 */
public final class JarsMagic implements LineMagic {
  static final String USAGE =
      "usage: %jars PATH [PATH ...]   (a jar, a directory of jars or a"
          + " glob such as lib/*.jar)";
  private final NotebookLibraries libraries;

  public JarsMagic(NotebookLibraries libraries) {
    this.libraries = libraries;
  }

  @Override
  public Object eval(String args) {
    List<String> paths =
        Arrays.stream(args.strip().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    if (paths.isEmpty()) throw new MagicUsageException("%jars needs a path", USAGE);
    try {
      System.out.println(libraries.addJars(LocalJars.expand(paths)).describe());
    } catch (LocalJars.LocalJarsException e) {
      throw new JarsError(e);
    }
    return null;
  }
}
