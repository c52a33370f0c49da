package org.funcx.client;

/**
 * A function known to the service.
 *
 * @param signature e.g. {@code long sq(long x)}; null when registered without validation
 * @param returnType Java return type as written, used to decode results; null when unknown
 */
public record RegisteredFunction(String id, String name, String entryPoint, String hash,
    String signature, String returnType) {}
