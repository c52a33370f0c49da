package org.funcx.client;

import java.util.List;

/**
 * A function known to the service.
 *
 * @param signature e.g. {@code long sq(long x)}; null when registered without validation; a
 *     shell function's placeholders, e.g. {@code (word, n)}
 * @param returnType Java return type as written, used to decode results; null when unknown
 * @param kind {@code java} or {@code shell}
 * @param dependencies the Maven coordinates of its libraries, sorted; empty for JDK-only code
 */
public record RegisteredFunction(
    String id,
    String name,
    String entryPoint,
    String hash,
    String signature,
    String returnType,
    String kind,
    List<String> dependencies) {
  public RegisteredFunction {
    if (kind == null) kind = "java";
    dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
  }

  /** A Java function as known before functions had kinds or libraries. */
  public RegisteredFunction(
      String id, String name, String entryPoint, String hash, String signature, String returnType) {
    this(id, name, entryPoint, hash, signature, returnType, "java", List.of());
  }

  /** A function of {@code kind} without libraries. */
  public RegisteredFunction(
      String id,
      String name,
      String entryPoint,
      String hash,
      String signature,
      String returnType,
      String kind) {
    this(id, name, entryPoint, hash, signature, returnType, kind, List.of());
  }

  /** A Java function using {@code dependencies}. */
  public RegisteredFunction(
      String id,
      String name,
      String entryPoint,
      String hash,
      String signature,
      String returnType,
      List<String> dependencies) {
    this(id, name, entryPoint, hash, signature, returnType, "java", dependencies);
  }

  /** True for a shell function: its result is a {@link ShellResult}'s JSON object. */
  public boolean isShell() {
    return "shell".equals(kind);
  }
}
