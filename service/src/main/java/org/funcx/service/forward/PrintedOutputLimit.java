package org.funcx.service.forward;

import java.nio.charset.StandardCharsets;
import org.funcx.jvm.OutputTail;

/**
 * The service's own bound on what an endpoint says a task printed: workers keep the last
 * {@link OutputTail#DEFAULT_LIMIT} bytes per stream (plus their marker line), and an endpoint
 * that sends more (a bug, or a rogue one) has its text cut the same way before it is stored.
 */
final class PrintedOutputLimit {
  /** Room for the worker's {@code [… N bytes dropped …]} line above the kept bytes. */
  private static final int MARKER_ROOM = 64;

  static final int MAX_BYTES = OutputTail.DEFAULT_LIMIT + MARKER_ROOM;

  private PrintedOutputLimit() {}

  /** {@code text} as it is when within the bound, else its last 1 MiB after a marker; null stays. */
  static String clip(String text) {
    if (text == null || text.length() <= MAX_BYTES / 3) return text; // ≤ 3 bytes per char
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= MAX_BYTES) return text;
    OutputTail tail = new OutputTail(OutputTail.DEFAULT_LIMIT);
    tail.write(bytes, 0, bytes.length);
    return tail.text();
  }
}
