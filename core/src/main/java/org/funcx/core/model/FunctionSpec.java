package org.funcx.core.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a worker needs to run a registered function. For a Java function: the Java source (one or
 * more methods, helper classes and leading imports) and the name of the method to call. For a
 * shell function: the command template in {@code source}, and an empty entry point.
 *
 * @param hash content hash of kind, {@code entryPoint} and {@code source}; workers cache by it
 * @param kind {@link FunctionKind#JAVA} when absent (records and peers from before kinds)
 */
public record FunctionSpec(String hash, String entryPoint, String source, FunctionKind kind) {

  public FunctionSpec {
    if (kind == null) kind = FunctionKind.JAVA;
  }

  /** A Java function's spec, as stored before functions had kinds. */
  public FunctionSpec(String hash, String entryPoint, String source) {
    this(hash, entryPoint, source, FunctionKind.JAVA);
  }

  public static FunctionSpec of(String entryPoint, String source) {
    return new FunctionSpec(contentHash(entryPoint, source), entryPoint, source);
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
    return sha256(entryPoint, source);
  }

  /**
   * The hash of a shell template. It starts with a NUL, which no Java entry point holds, so no
   * shell function shares a hash with a Java one (Java hashes stay what they were).
   */
  public static String shellHash(String template) {
    return sha256("\0" + FunctionKind.SHELL.wireName(), template);
  }

  private static String sha256(String first, String second) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(first.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(second.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JDK", e);
    }
  }
}
