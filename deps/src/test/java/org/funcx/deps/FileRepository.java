package org.funcx.deps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Maven repository directory laid out for a test with REAL artifacts copied from the user's
 * local repository (jar, pom and the pom's parents), so resolution is offline and deterministic.
 * Usable as a mirror ({@link #uri()}) or as an offline local repository ({@link #root()}).
 */
public final class FileRepository {
  private static final Path USER_REPOSITORY = RepositorySettings.userLocalRepository();
  private static final Pattern PARENT = Pattern.compile("<parent>(.*?)</parent>", Pattern.DOTALL);
  private static final Pattern DEPENDENCY =
      Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);

  private final Path root;

  public FileRepository(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  public java.net.URI uri() {
    return root.toUri();
  }

  /**
   * Copies {@code group:artifact:version} (its artifact files) with the poms its pom needs: its
   * chain of parents and the BOMs it imports.
   */
  public FileRepository copy(String coordinate) {
    String[] p = coordinate.split(":");
    Path relative = Path.of(p[0].replace('.', '/'), p[1], p[2]);
    Path from = USER_REPOSITORY.resolve(relative);
    if (!Files.exists(from.resolve(p[1] + "-" + p[2] + ".pom"))) fetch(coordinate);
    try {
      Path to = Files.createDirectories(root.resolve(relative));
      try (Stream<Path> files = Files.list(from)) {
        for (Path f : (Iterable<Path>) files::iterator) {
          String name = f.getFileName().toString();
          // only the artifact files: no origin tracking, so the copy looks like a plain repository
          if (name.startsWith(p[1] + "-"))
            Files.copy(f, to.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
      String pom = Files.readString(from.resolve(p[1] + "-" + p[2] + ".pom"));
      Matcher parent = PARENT.matcher(pom);
      if (parent.find()) {
        String block = parent.group(1);
        copy(tag(block, "groupId") + ":" + tag(block, "artifactId") + ":" + tag(block, "version"));
      }
      Matcher dependency = DEPENDENCY.matcher(pom);
      while (dependency.find()) {
        String block = dependency.group(1);
        if (block.contains("<scope>import</scope>")) {
          copy(
              tag(block, "groupId") + ":" + tag(block, "artifactId") + ":" + tag(block, "version"));
        }
      }
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Puts a file that is not a jar where {@code group:artifact:version}'s jar belongs. */
  public FileRepository notAJar(String coordinate) {
    String[] p = coordinate.split(":");
    Path dir = root.resolve(Path.of(p[0].replace('.', '/'), p[1], p[2]));
    try {
      Files.createDirectories(dir);
      Files.writeString(
          dir.resolve(p[1] + "-" + p[2] + ".pom"),
          "<project><modelVersion>4.0.0</modelVersion><groupId>"
              + p[0]
              + "</groupId><artifactId>"
              + p[1]
              + "</artifactId><version>"
              + p[2]
              + "</version></project>");
      Files.writeString(
          dir.resolve(p[1] + "-" + p[2] + ".jar"),
          "<html>404 Not Found (a proxy's error page saved as a jar)</html>");
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String tag(String xml, String name) {
    Matcher m = Pattern.compile("<" + name + ">\\s*(.*?)\\s*</" + name + ">").matcher(xml);
    if (!m.find()) throw new IllegalStateException("no <" + name + "> in " + xml);
    return m.group(1);
  }

  /**
   * Brings {@code coordinate} with its poms (parents, imported BOMs) into the user's local
   * repository from Central, as a fresh machine's Maven build has no reason to have fetched them.
   */
  private static void fetch(String coordinate) {
    try (DependencyResolver resolver = new DependencyResolver(RepositorySettings.defaults())) {
      resolver.resolve(java.util.List.of(coordinate));
    } catch (Exception e) {
      throw new IllegalStateException(
          coordinate + " is not in " + USER_REPOSITORY + " and could not be fetched from Central",
          e);
    }
  }

  /** Commons Lang 3.12.0, Commons Math 3.6.1, Gson 2.10.1 and 2.11.0 (with its error_prone). */
  public static FileRepository standard(Path root) {
    return new FileRepository(root)
        .copy("org.apache.commons:commons-lang3:3.12.0")
        .copy("org.apache.commons:commons-math3:3.6.1")
        .copy("com.google.code.gson:gson:2.10.1")
        .copy("com.google.code.gson:gson:2.11.0")
        .copy("com.google.errorprone:error_prone_annotations:2.27.0");
  }
}
