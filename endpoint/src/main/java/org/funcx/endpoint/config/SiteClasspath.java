package org.funcx.endpoint.config;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Site-installed jars given to every function ({@code funcx endpoint configure --classpath}): each
 * entry is a jar or a directory whose {@code *.jar} files are taken, in name order.
 */
public final class SiteClasspath {
  /** The manager's option carrying the entries, separated by the path separator. */
  public static final String OPTION = "--classpath";

  private SiteClasspath() {}

  /** The jars of {@code entries}; a missing entry or a file that is not a jar is refused. */
  public static List<Path> jars(List<String> entries) {
    List<Path> jars = new ArrayList<>();
    for (String entry : entries) {
      Path path = Path.of(entry).toAbsolutePath();
      if (Files.isDirectory(path)) {
        try (Stream<Path> files = Files.list(path)) {
          files
              .filter(f -> f.getFileName().toString().endsWith(".jar"))
              .sorted()
              .forEach(jars::add);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot list class path directory " + path, e);
        }
      } else if (Files.isRegularFile(path) && path.getFileName().toString().endsWith(".jar")) {
        jars.add(path);
      } else {
        throw new IllegalArgumentException(
            "class path entry " + entry + " is neither a jar nor a directory");
      }
    }
    return jars;
  }

  /** Splits the manager option's value. */
  public static List<String> split(String option) {
    List<String> out = new ArrayList<>();
    if (option == null) return out;
    for (String e : option.split(File.pathSeparator)) if (!e.isBlank()) out.add(e);
    return out;
  }
}
