package org.funcx.core.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a worker needs to run a registered function: the Java source (one or more methods, helper
 * classes and leading imports) and the name of the method to call.
 *
 * @param hash content hash of {@code entryPoint} and {@code source}; workers cache compiled code by it
 */
public record FunctionSpec(String hash, String entryPoint, String source) {

  public static FunctionSpec of(String entryPoint, String source) {
    return new FunctionSpec(contentHash(entryPoint, source), entryPoint, source);
  }

  /** SHA-256 of entry point and source, hex encoded: equal source gives an equal hash. */
  public static String contentHash(String entryPoint, String source) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(entryPoint.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(source.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JDK", e);
    }
  }
}
