package org.funcx.kernel.libraries;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.funcx.deps.JarFiles;

/**
 * Turns {@code %jars} arguments into jar files: a jar, a directory (its {@code *.jar}, not
 * recursive) or a glob in the last path element ({@code lib/*.jar}). Relative paths are from the
 * kernel's working directory, {@code ~/} is the home directory. Every file is checked to be a jar
 * and their number is bounded while the directories are read.
 */
public final class LocalJars {
  /** Most jars one {@code %jars} may add: a bound on a mistyped {@code /} or {@code ~/**}. */
  public static final int MAX_JARS = 1000;

  private LocalJars() {}

  /** The jars {@code arguments} name, each once, in the order given. */
  public static List<Path> expand(List<String> arguments) throws LocalJarsException {
    Set<Path> jars = new LinkedHashSet<>();
    for (String argument : arguments) {
      for (Path jar : expandOne(argument, MAX_JARS - jars.size())) {
        jars.add(jar.toAbsolutePath().normalize());
      }
    }
    return List.copyOf(jars);
  }

  private static List<Path> expandOne(String argument, int room) throws LocalJarsException {
    String expanded =
        argument.startsWith("~/")
            ? System.getProperty("user.home") + argument.substring(1)
            : argument;
    Path path = Path.of(expanded);
    String last = path.getFileName() == null ? "" : path.getFileName().toString();
    if (hasGlob(last)) {
      Path dir = path.getParent() == null ? Path.of("") : path.getParent();
      if (hasGlob(dir.toString())) {
        throw new LocalJarsException(argument, "a glob may only be in the last path element");
      }
      PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + last);
      List<Path> found = list(argument, dir, f -> matcher.matches(f.getFileName()), room);
      if (found.isEmpty()) throw new LocalJarsException(argument, "no file matches");
      return checked(argument, found);
    }
    if (Files.isDirectory(path)) {
      List<Path> found =
          list(argument, path, f -> f.getFileName().toString().endsWith(".jar"), room);
      if (found.isEmpty()) throw new LocalJarsException(argument, "the directory has no *.jar");
      return checked(argument, found);
    }
    if (!Files.isRegularFile(path)) {
      throw new LocalJarsException(argument, "no such file or directory");
    }
    if (room < 1) throw tooMany(argument);
    return checked(argument, List.of(path));
  }

  private static List<Path> list(
      String argument, Path dir, DirectoryStream.Filter<Path> filter, int room)
      throws LocalJarsException {
    List<Path> found = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, filter)) {
      for (Path f : files) {
        if (!Files.isRegularFile(f)) continue;
        if (found.size() == room) throw tooMany(argument);
        found.add(f);
      }
    } catch (IOException e) {
      throw new LocalJarsException(argument, "cannot read " + dir + ": " + e.getMessage());
    }
    found.sort(null);
    return found;
  }

  private static List<Path> checked(String argument, List<Path> files) throws LocalJarsException {
    for (Path f : files) {
      try {
        if (!JarFiles.isJar(f)) throw new LocalJarsException(argument, f + " is not a jar");
      } catch (IOException e) {
        throw new LocalJarsException(argument, "cannot read " + f + ": " + e.getMessage());
      }
    }
    return files;
  }

  private static LocalJarsException tooMany(String argument) {
    return new LocalJarsException(
        argument, "more than " + MAX_JARS + " jars in one %jars (LocalJars.MAX_JARS)");
  }

  private static boolean hasGlob(String text) {
    return text.contains("*") || text.contains("?") || text.contains("[") || text.contains("{");
  }

  /** An argument of {@code %jars} that does not name usable jars; names the argument. */
  public static final class LocalJarsException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String argument;

    LocalJarsException(String argument, String problem) {
      super("'" + argument + "': " + problem);
      this.argument = argument;
    }

    public String argument() {
      return argument;
    }
  }
}
