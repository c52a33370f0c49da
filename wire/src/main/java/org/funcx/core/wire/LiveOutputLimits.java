package org.funcx.core.wire;

/**
 * Bounds on output sent while tasks run ({@link MessageType#OUTPUT}): managers send at most every
 * {@link #SEND_INTERVAL_MILLIS}, only for tasks that printed, and each message is small whatever
 * the tasks print; the final output still travels with the result, bounded on its own.
 */
public final class LiveOutputLimits {
  /** How often a manager sends what its running tasks printed since last time. */
  public static final long SEND_INTERVAL_MILLIS = 250;

  /** New bytes of one stream of one task in one message: the newest, when it printed more. */
  public static final int CHUNK_BYTES = 16 << 10;

  /** Tasks in one OUTPUT message; the others send theirs the next time. */
  public static final int CHUNKS_PER_MESSAGE = 256;

  /** The base64 length of {@link #CHUNK_BYTES}: longer text is refused before it is decoded. */
  public static final int CHUNK_BASE64_CHARS = 4 * ((CHUNK_BYTES + 2) / 3);

  private LiveOutputLimits() {}
}
