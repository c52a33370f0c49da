package org.funcx.client;

/**
 * A function known to the service.
 *
 * @param signature e.g. {@code long sq(long x)}; null when registered without validation; a
 *     shell function's placeholders, e.g. {@code (word, n)}
 * @param returnType Java return type as written, used to decode results; null when unknown
 * @param kind {@code java} or {@code shell}
 */
public record RegisteredFunction(String id, String name, String entryPoint, String hash,
    String signature, String returnType, String kind) {

  /** A Java function as known before functions had kinds. */
  public RegisteredFunction(String id, String name, String entryPoint, String hash,
      String signature, String returnType) {
    this(id, name, entryPoint, hash, signature, returnType, "java");
  }

  /** True for a shell function: its result is a {@link ShellResult}'s JSON object. */
  public boolean isShell() {
    return "shell".equals(kind);
  }
}
