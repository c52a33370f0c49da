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
   * Messages at least this large are announced by a heartbeat ({@code Heartbeat.sendingBytes})
   * just before them: on an encrypted link nothing else arrives while they cross.
   */
  public static final long ANNOUNCED_MESSAGE_BYTES = 1L << 20;

  /**
   * The slowest a loaded CURVE link is assumed to move an announced message: CurveZMQ in JeroMQ
   * moves ≈ 24 MiB/s on this 2-core machine idle and fell to ≈ 2 MiB/s at load 19.
   */
  public static final long SLOWEST_LINK_BYTES_PER_SECOND = 1L << 20;

  /** How long a peer may be silent beyond its heartbeats while an announced message crosses. */
  public static long crossingMillis(long bytes) {
    return bytes * 1_000 / SLOWEST_LINK_BYTES_PER_SECOND;
  }

  private WireLimits() {}
}
