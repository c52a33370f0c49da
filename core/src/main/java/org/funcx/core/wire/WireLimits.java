package org.funcx.core.wire;

/**
 * Bounds on what a ZeroMQ peer may send. JeroMQ allocates a frame whole as soon as its header
 * declares the size, before any CURVE handshake completes, so every TCP socket sets
 * {@link #MAX_FRAME_BYTES} as its {@code ZMQ_MAXMSGSIZE}: a larger frame closes the connection.
 */
public final class WireLimits {
  /** The endpoint's default {@code maxResultBytes}: the largest result one task may return. */
  public static final long MAX_RESULT_BYTES = 256L << 20;

  /**
   * The largest frame: one result of {@link #MAX_RESULT_BYTES} escaped inside a JSON body (at
   * most twice its size, every character a quote or backslash) plus 16 MiB for the rest of the
   * batch. Binary results travel in frames of their own, at most {@link #MAX_RESULT_BYTES}.
   */
  public static final long MAX_FRAME_BYTES = 2 * MAX_RESULT_BYTES + (16L << 20);

  /** The JSON bytes of task arguments the forwarder puts into one TASKS message. */
  public static final long TASK_BATCH_BYTES = 64L << 20;

  /**
   * The results one RESULTS message carries: their JSON text and binary payloads (see {@link
   * ResultEnvelope#weightBytes()}), at least one result. Managers and the interchange split what
   * they have to send at this bound, so many large results never add up to a frame near {@link
   * #MAX_FRAME_BYTES}. Smaller than {@link #TASK_BATCH_BYTES}: results cross the encrypted link
   * (≈ 20 MiB/s, a few MiB/s on a loaded machine), and a message must be stored and acknowledged
   * well within the 10 s after which the interchange sends unacknowledged results again.
   */
  public static final long RESULT_BATCH_BYTES = 16L << 20;

  private WireLimits() {}
}
