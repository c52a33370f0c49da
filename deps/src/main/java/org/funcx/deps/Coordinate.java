package org.funcx.deps;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A Maven coordinate as users write it: {@code group:artifact:version} or
 * {@code group:artifact:extension:classifier:version} (Maven Resolver's own order).
 */
public record Coordinate(
    String groupId, String artifactId, String extension, String classifier, String version) {
  /** Longest coordinate accepted; real ones are under 150 characters. */
  public static final int MAX_CHARS = 300;

  private static final Pattern PART = Pattern.compile("[A-Za-z0-9_.\\-]+");
  private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9_.\\-+]+");

  /** Parses one coordinate; every error names it and the repositories that would have been tried. */
  public static Coordinate parse(String text, List<String> repositories)
      throws DependencyException {
    String shown =
        text == null
            ? "null"
            : text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) + "..." : text;
    if (text == null || text.length() > MAX_CHARS) {
      throw malformed(shown, repositories, "at most " + MAX_CHARS + " characters");
    }
    String[] parts = text.strip().split(":", -1);
    Coordinate c =
        switch (parts.length) {
          case 3 -> new Coordinate(parts[0], parts[1], "jar", "", parts[2]);
          case 5 -> new Coordinate(parts[0], parts[1], parts[2], parts[3], parts[4]);
          default ->
              throw malformed(
                  shown,
                  repositories,
                  "expected group:artifact:version or group:artifact:extension:classifier:version");
        };
    if (!PART.matcher(c.groupId).matches()
        || !PART.matcher(c.artifactId).matches()
        || !PART.matcher(c.extension).matches()
        || !(c.classifier.isEmpty() || PART.matcher(c.classifier).matches())
        || !VERSION.matcher(c.version).matches()) {
      throw malformed(
          shown,
          repositories,
          "group, artifact, extension and classifier are letters, digits, '.', '_' or '-'; "
              + "the version is a plain version (no ranges)");
    }
    if (!c.extension.equals("jar")) {
      throw new DependencyException(
          DependencyException.Reason.NOT_A_JAR,
          shown,
          repositories,
          "only jars can be put on a function's class path, not '" + c.extension + "'",
          null);
    }
    return c;
  }

  private static DependencyException malformed(
      String shown, List<String> repositories, String detail) {
    return new DependencyException(
        DependencyException.Reason.MALFORMED, shown, repositories, detail, null);
  }

  /** The form Maven Resolver's DefaultArtifact parses: {@code g:a:ext[:classifier]:v}. */
  String resolverForm() {
    return groupId
        + ":"
        + artifactId
        + ":"
        + extension
        + (classifier.isEmpty() ? "" : ":" + classifier)
        + ":"
        + version;
  }

  @Override
  public String toString() {
    return classifier.isEmpty() && extension.equals("jar")
        ? groupId + ":" + artifactId + ":" + version
        : groupId + ":" + artifactId + ":" + extension + ":" + classifier + ":" + version;
  }
}
