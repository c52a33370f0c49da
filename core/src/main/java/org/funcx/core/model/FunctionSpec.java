package org.funcx.core.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

/**
 * What a worker needs to run a registered function. For a Java function: the Java source (one or
 * more methods, helper classes and leading imports), the name of the method to call, and the
 * Maven coordinates of the libraries it uses. For a shell function: the command template in
 * {@code source}, an empty entry point and no dependencies.
 *
 * @param hash content hash of kind, {@code entryPoint}, {@code source} and {@code dependencies};
 *     workers cache by it
 * @param kind {@link FunctionKind#JAVA} when absent (records and peers from before kinds)
 * @param dependencies {@code group:artifact:version} coordinates, sorted and de-duplicated; empty
 *     (never null: records stored before dependencies existed read as empty) for JDK-only code
 */
public record FunctionSpec(
    String hash, String entryPoint, String source, FunctionKind kind, List<String> dependencies) {

  public FunctionSpec {
    if (kind == null) kind = FunctionKind.JAVA;
    dependencies = DependencyList.normalize(dependencies);
  }

  /** A Java function that uses only the JDK, as stored before kinds and dependencies. */
  public FunctionSpec(String hash, String entryPoint, String source) {
    this(hash, entryPoint, source, FunctionKind.JAVA, List.of());
  }

  /** A function of {@code kind} without dependencies. */
  public FunctionSpec(String hash, String entryPoint, String source, FunctionKind kind) {
    this(hash, entryPoint, source, kind, List.of());
  }

  /** A Java function using {@code dependencies}. */
  public FunctionSpec(String hash, String entryPoint, String source, List<String> dependencies) {
    this(hash, entryPoint, source, FunctionKind.JAVA, dependencies);
  }

  public static FunctionSpec of(String entryPoint, String source) {
    return of(entryPoint, source, List.of());
  }

  /** A spec whose hash covers the dependency set (normalized first, so order does not matter). */
  public static FunctionSpec of(String entryPoint, String source, Collection<String> dependencies) {
    List<String> sorted = DependencyList.normalize(dependencies);
    return new FunctionSpec(contentHash(entryPoint, source, sorted), entryPoint, source, sorted);
  }

  /** A shell function's spec; the template is checked by {@code ShellTemplate.parse}, not here. */
  public static FunctionSpec shell(String template) {
    return new FunctionSpec(shellHash(template), "", template, FunctionKind.SHELL);
  }

  public boolean isShell() {
    return kind == FunctionKind.SHELL;
  }

  /** SHA-256 of entry point and source, hex encoded: equal source gives an equal hash. */
  public static String contentHash(String entryPoint, String source) {
    return contentHash(entryPoint, source, List.of());
  }

  /**
   * SHA-256 of entry point, source and the sorted dependency set. Without dependencies it is the
   * hash functions had before dependencies existed, so stored functions keep their identity.
   */
  public static String contentHash(String entryPoint, String source, List<String> sortedDeps) {
    return sha256(entryPoint, source, sortedDeps);
  }

  /**
   * The hash of a shell template. It starts with a NUL, which no Java entry point holds, so no
   * shell function shares a hash with a Java one (Java hashes stay what they were).
   */
  public static String shellHash(String template) {
    return sha256("\0" + FunctionKind.SHELL.wireName(), template, List.of());
  }

  private static String sha256(String first, String second, List<String> more) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(first.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(second.getBytes(StandardCharsets.UTF_8));
      for (String item : more) {
        sha.update((byte) 0);
        sha.update(item.getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JDK", e);
    }
  }
}
