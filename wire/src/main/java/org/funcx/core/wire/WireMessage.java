package org.funcx.core.wire;

import com.google.gson.JsonParseException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.funcx.core.json.Json;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

/**
 * A decoded message: its type, body and binary blobs. Encoding is {@code [type byte]}, then the
 * JSON body, then each blob (binary results travel as they are, never inside JSON), preceded by
 * the routing id on ROUTER sockets. The body and each blob are a <em>part</em>: frames of exactly
 * {@link WireLimits#FRAME_CHUNK_BYTES} ending with one shorter frame (empty when the part's size
 * is a multiple of a chunk), so that no frame is larger than a chunk and a peer cannot make us
 * allocate more than that per connection before its handshake (see {@link WireLimits}).
 */
public record WireMessage(MessageType type, Object body, List<byte[]> blobs) {
  private static final int CHUNK = WireLimits.FRAME_CHUNK_BYTES;

  public WireMessage {
    if (!type.bodyType().isInstance(body)) {
      throw new IllegalArgumentException(type + " needs a " + type.bodyType().getSimpleName());
    }
    blobs = List.copyOf(blobs);
  }

  public WireMessage(MessageType type, Object body) {
    this(type, body, List.of());
  }

  public <T> T body(Class<T> expected) {
    return expected.cast(body);
  }

  /**
   * Sends on a DEALER (no routing id) without ever blocking the owning loop: returns false when
   * the peer's queue is full or there is no peer. Callers keep what was not sent for a resend.
   */
  public boolean sendTo(ZMQ.Socket socket) {
    byte[] json = Json.GSON.toJson(body).getBytes(StandardCharsets.UTF_8);
    return socket.send(new byte[] {type.code()}, ZMQ.SNDMORE | ZMQ.DONTWAIT)
        && sendFrames(socket, json);
  }

  /** Bytes of the frames after the routing id: type, JSON body, blobs. */
  private long size(byte[] json) {
    long bytes = 1L + json.length;
    for (byte[] blob : blobs) bytes += blob.length;
    return bytes;
  }

  private boolean sendFrames(ZMQ.Socket socket, byte[] json) {
    if (!sendPart(socket, json, blobs.isEmpty())) return false;
    for (int i = 0; i < blobs.size(); i++) {
      if (!sendPart(socket, blobs.get(i), i + 1 == blobs.size())) return false;
    }
    return true;
  }

  /** Sends one part as chunk frames, without copying (the frames share {@code part}). */
  private static boolean sendPart(ZMQ.Socket socket, byte[] part, boolean lastPart) {
    for (int offset = 0; ; offset += CHUNK) {
      int length = Math.min(CHUNK, part.length - offset);
      boolean lastFrame = length < CHUNK;
      int flags = (lastFrame && lastPart ? 0 : ZMQ.SNDMORE) | ZMQ.DONTWAIT;
      if (socket.sendByteBuffer(ByteBuffer.wrap(part, offset, length).slice(), flags) < 0) {
        return false;
      }
      if (lastFrame) return true;
    }
  }

  /** Sends on a ROUTER to the peer with {@code routingId}; never blocks, as above. */
  public boolean sendTo(ZMQ.Socket router, byte[] routingId) {
    return sendMeasuredTo(router, routingId) >= 0;
  }

  /**
   * As {@link #sendTo(ZMQ.Socket, byte[])}; returns the bytes sent (routing id excluded, as
   * {@link Inbox} counts them), or -1 when nothing was sent.
   */
  public long sendMeasuredTo(ZMQ.Socket router, byte[] routingId) {
    byte[] json = Json.GSON.toJson(body).getBytes(StandardCharsets.UTF_8);
    boolean sent =
        router.send(routingId, ZMQ.SNDMORE | ZMQ.DONTWAIT)
            && router.send(new byte[] {type.code()}, ZMQ.SNDMORE | ZMQ.DONTWAIT)
            && sendFrames(router, json);
    return sent ? size(json) : -1;
  }

  /** Decodes the frames left in {@code msg} (routing id already removed). */
  public static WireMessage decode(ZMsg msg) {
    if (msg.size() < 2)
      throw new WireFormatException("expected 2 or more frames, got " + msg.size());
    byte[] typeFrame = msg.pop().getData();
    if (typeFrame.length != 1) throw new WireFormatException("type frame must be one byte");
    MessageType type = MessageType.fromByte(typeFrame[0]);
    long[] budget = {WireLimits.MAX_MESSAGE_BYTES};
    String json = new String(readPart(msg, budget), StandardCharsets.UTF_8);
    try {
      Object body = Json.GSON.fromJson(json, type.bodyType());
      if (body == null) throw new WireFormatException(type + " with an empty body");
      List<byte[]> blobs = new ArrayList<>();
      while (!msg.isEmpty()) blobs.add(readPart(msg, budget));
      return new WireMessage(type, body, blobs);
    } catch (JsonParseException e) {
      throw new WireFormatException(type + " body is not valid JSON: " + e.getMessage(), e);
    }
  }

  /**
   * Joins the frames of one part; {@code budget} is what the message may still hold. A frame
   * larger than a chunk, a part the message ends in the middle of, or a message over
   * {@link WireLimits#MAX_MESSAGE_BYTES} is malformed.
   */
  private static byte[] readPart(ZMsg msg, long[] budget) {
    List<byte[]> frames = new ArrayList<>(1);
    long size = 0;
    while (true) {
      if (msg.isEmpty()) throw new WireFormatException("a part ends without its last frame");
      byte[] frame = msg.pop().getData();
      if (frame.length > CHUNK) {
        throw new WireFormatException("a frame of " + frame.length + " bytes; at most " + CHUNK);
      }
      size += frame.length;
      if (size > budget[0]) {
        throw new WireFormatException(
            "a message of over " + WireLimits.MAX_MESSAGE_BYTES + " bytes");
      }
      frames.add(frame);
      if (frame.length < CHUNK) break;
    }
    budget[0] -= size;
    if (frames.size() == 1) return frames.get(0);
    byte[] part = new byte[(int) size];
    int at = 0;
    for (byte[] frame : frames) {
      System.arraycopy(frame, 0, part, at, frame.length);
      at += frame.length;
    }
    return part;
  }
}
