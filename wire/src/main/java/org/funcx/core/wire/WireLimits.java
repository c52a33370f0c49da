package org.funcx.core.wire;

import org.zeromq.ZMQ;

/**
 * Bounds on what a ZeroMQ peer may send. JeroMQ allocates a frame whole as soon as its header
 * declares the size, before any CURVE handshake completes, so every TCP socket sets
 * {@link #MAX_FRAME_BYTES} as its {@code ZMQ_MAXMSGSIZE}: a larger frame closes the connection.
 * Frames are therefore small ({@link #FRAME_CHUNK_BYTES}); a message's JSON body and binary
 * results are cut into as many frames as they need ({@link WireMessage}), up to
 * {@link #MAX_MESSAGE_BYTES} in all.
 */
public final class WireLimits {
  /** The endpoint's default {@code maxResultBytes}: the largest result one task may return. */
  public static final long MAX_RESULT_BYTES = 256L << 20;

  /**
   * The data one frame carries. What a stranger can make the forwarder allocate before its
   * handshake is a frame, so this times the connections a process may hold (its file limit,
   * 20,000 here) must stay well inside the service's heap (2 GiB): 32 KiB gives 640 MiB.
   */
  public static final int FRAME_CHUNK_BYTES = 32 << 10;

  /** The largest frame on the wire: a chunk plus a CURVE MESSAGE command's own bytes. */
  public static final long MAX_FRAME_BYTES = FRAME_CHUNK_BYTES + 1024;

  /**
   * The largest message: one result of {@link #MAX_RESULT_BYTES} escaped inside a JSON body (at
   * most twice its size, every character a quote or backslash) plus 16 MiB for the rest of the
   * batch. Checked while a message's frames are joined.
   */
  public static final long MAX_MESSAGE_BYTES = 2 * MAX_RESULT_BYTES + (16L << 20);

  /** The JSON bytes of task arguments the forwarder puts into one TASKS message. */
  public static final long TASK_BATCH_BYTES = 64L << 20;

  /**
   * The results one RESULTS message carries: their JSON text and binary payloads (see {@link
   * ResultEnvelope#weightBytes()}), at least one result. Managers and the interchange split what
   * they have to send at this bound, so many large results never add up to a message near {@link
   * #MAX_MESSAGE_BYTES}. Smaller than {@link #TASK_BATCH_BYTES}: results cross the encrypted link
   * (≈ 20 MiB/s, a few MiB/s on a loaded machine), and a message must be stored and acknowledged
   * well within the 10 s after which the interchange sends unacknowledged results again.
   */
  public static final long RESULT_BATCH_BYTES = 16L << 20;

  /**
   * How long a connection may take to complete its ZMTP (and CURVE) handshake before it is
   * dropped and made again; JeroMQ's default is 30 s. A handshake takes milliseconds, but on JDK
   * 25 JeroMQ 0.6.0 leaves about 1 fresh loopback connection in 150 dead: nothing sent on it is
   * ever answered, until this timer drops it and the socket connects again (a DEALER echo probe
   * outside the product, 2026-12-07: 12 of 1,150 connections dead on JDK 25 with the default,
   * none of 300 on JDK 17; with a 1 s timer none of 1,200 stayed dead). Without it such a link
   * was lost for 30 s, a manager gave up after 10 s (exit 76), a test waited past its bound.
   */
  public static final int HANDSHAKE_MILLIS = 3_000;

  private WireLimits() {}

  /** Sets what every product socket is bounded by: frame size and handshake time. */
  public static void bound(ZMQ.Socket socket) {
    socket.setMaxMsgSize(MAX_FRAME_BYTES);
    socket.setHandshakeIvl(HANDSHAKE_MILLIS);
  }
}
