package org.funcx.client;

import java.util.List;

/**
 * A function known to the service.
 *
 * @param signature e.g. {@code long sq(long x)}; null when registered without validation
 * @param returnType Java return type as written, used to decode results; null when unknown
 * @param dependencies the Maven coordinates of its libraries, sorted; empty for JDK-only code
 */
public record RegisteredFunction(String id, String name, String entryPoint, String hash,
    String signature, String returnType, List<String> dependencies) {
  public RegisteredFunction {
    dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
  }

  public RegisteredFunction(String id, String name, String entryPoint, String hash,
      String signature, String returnType) {
    this(id, name, entryPoint, hash, signature, returnType, List.of());
  }
}
