package org.funcx.deps;

import java.util.List;

/**
 * A dependency set could not be turned into jars. Names the coordinate at fault (or the whole set
 * when the resolver cannot tell which) and every repository tried, so the user can act on it.
 */
public final class DependencyException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why: each is a different fix for the user (spelling, publishing, network, the file itself). */
  public enum Reason {
    MALFORMED,
    NOT_FOUND,
    UNREACHABLE,
    NOT_A_JAR,
    TOO_MANY
  }

  private final Reason reason;
  private final String coordinate;
  private final List<String> repositories;

  public DependencyException(
      Reason reason, String coordinate, List<String> repositories, String detail, Throwable cause) {
    super(describe(reason, coordinate, repositories, detail), cause);
    this.reason = reason;
    this.coordinate = coordinate;
    this.repositories = List.copyOf(repositories);
  }

  private static String describe(
      Reason reason, String coordinate, List<String> repositories, String detail) {
    String what =
        switch (reason) {
          case MALFORMED -> "malformed dependency coordinate";
          case NOT_FOUND -> "dependency not found";
          case UNREACHABLE -> "repository unreachable while resolving";
          case NOT_A_JAR -> "dependency is not a jar";
          case TOO_MANY -> "too many dependencies";
        };
    return what
        + " '"
        + coordinate
        + "'"
        + (detail == null || detail.isBlank() ? "" : ": " + detail)
        + " (repositories tried: "
        + (repositories.isEmpty() ? "none" : String.join(", ", repositories))
        + ")";
  }

  public Reason reason() {
    return reason;
  }

  /** The coordinate at fault, as the user wrote it (several, comma separated, if unknown which). */
  public String coordinate() {
    return coordinate;
  }

  /** Each repository tried, as {@code id (url)} or {@code local (dir)}. */
  public List<String> repositories() {
    return repositories;
  }
}
