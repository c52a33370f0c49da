package org.funcx.service.output;

import org.funcx.jvm.OutputTail;

/**
 * The last {@link LiveOutputWindows#WINDOW_BYTES} of one stream of a running task, at their
 * offsets in the stream: chunks that overlap what is kept add only their new bytes; a chunk past
 * the end (the endpoint dropped some) starts the window afresh there.
 */
final class StreamWindow {
  private long base;
  private OutputTail tail = new OutputTail(LiveOutputWindows.WINDOW_BYTES);

  synchronized void append(long at, byte[] bytes) {
    long end = base + tail.written();
    if (at > end) {
      tail = new OutputTail(LiveOutputWindows.WINDOW_BYTES);
      base = at;
      end = at;
    }
    long skip = end - at; // already kept
    if (skip >= bytes.length) return;
    tail.write(bytes, (int) skip, (int) (bytes.length - skip));
  }

  /** What is kept from stream offset {@code from} on. */
  synchronized OutputTail.Slice since(long from) {
    OutputTail.Slice kept = tail.since(from - base, LiveOutputWindows.WINDOW_BYTES);
    return new OutputTail.Slice(base + kept.offset(), kept.bytes());
  }
}
