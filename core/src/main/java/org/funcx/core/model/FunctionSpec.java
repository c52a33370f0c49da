package org.funcx.core.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

/**
 * What a worker needs to run a registered function: the Java source (one or more methods, helper
 * classes and leading imports), the name of the method to call, and the Maven coordinates of the
 * libraries it uses.
 *
 * @param hash content hash of {@code entryPoint}, {@code source} and {@code dependencies}; workers
 *     cache compiled code by it
 * @param dependencies {@code group:artifact:version} coordinates, sorted and de-duplicated; empty
 *     (never null: records stored before dependencies existed read as empty) for JDK-only code
 */
public record FunctionSpec(String hash, String entryPoint, String source,
    List<String> dependencies) {

  public FunctionSpec {
    dependencies = DependencyList.normalize(dependencies);
  }

  /** A function that uses only the JDK. */
  public FunctionSpec(String hash, String entryPoint, String source) {
    this(hash, entryPoint, source, List.of());
  }

  public static FunctionSpec of(String entryPoint, String source) {
    return of(entryPoint, source, List.of());
  }

  /** A spec whose hash covers the dependency set (normalized first, so order does not matter). */
  public static FunctionSpec of(String entryPoint, String source, Collection<String> dependencies) {
    List<String> sorted = DependencyList.normalize(dependencies);
    return new FunctionSpec(contentHash(entryPoint, source, sorted), entryPoint, source, sorted);
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
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(entryPoint.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(source.getBytes(StandardCharsets.UTF_8));
      for (String dep : sortedDeps) {
        sha.update((byte) 0);
        sha.update(dep.getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JDK", e);
    }
  }
}
