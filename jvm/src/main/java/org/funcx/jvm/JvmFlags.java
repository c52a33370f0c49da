package org.funcx.jvm;

import java.util.List;

/**
 * The options every JVM of the product starts with (service, agent, managers, kernel, CLI), the
 * same list whichever JDK from 17 to 25 runs it, so a launcher never has to ask which {@code java}
 * it is about to start (on a compute node it may not be the service's).
 *
 * <ul>
 *   <li>{@code --add-opens=java.base/java.nio=ALL-UNNAMED}: Arrow reads direct buffers' addresses.
 *   <li>{@code --sun-misc-unsafe-memory-access=allow} (JDK 23+): Arrow and Netty allocate through
 *       {@code sun.misc.Unsafe}; from JDK 24 Netty refuses to unless this is allowed, and Arrow's
 *       allocator then fails at start-up ({@code EmptyByteBuf.memoryAddress}).
 *   <li>{@code -XX:+IgnoreUnrecognizedVMOptions} lets JDK 17 to 22 skip that option. It also
 *       hides misspelt {@code -XX:} options a site adds, the price of one command line for all.
 *   <li>{@code -XX:+ExitOnOutOfMemoryError}: a JVM that ran out of heap is half dead (threads
 *       gone, state unknown); ending it lets its supervisor start a clean one on durable state.
 * </ul>
 */
public final class JvmFlags {
  private JvmFlags() {}

  /** Options for the product's JVMs, in order; user options go after them (later ones win). */
  public static final List<String> PRODUCT =
      List.of(
          "-XX:+IgnoreUnrecognizedVMOptions",
          "--add-opens=java.base/java.nio=ALL-UNNAMED",
          "--sun-misc-unsafe-memory-access=allow",
          "-XX:+ExitOnOutOfMemoryError");

  /** {@link #PRODUCT} as one line for shell scripts and kernelspecs' argument lists. */
  public static String asLine() {
    return String.join(" ", PRODUCT);
  }
}
