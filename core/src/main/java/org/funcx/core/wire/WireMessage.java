package org.funcx.core.wire;

import com.google.gson.JsonParseException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.funcx.core.json.Json;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

/**
 * A decoded message: its type, body and binary frames. Encoding is {@code [type byte][JSON body]}
 * then one frame per blob (binary results travel as they are, never inside JSON), preceded by the
 * routing id on ROUTER sockets.
 */
public record WireMessage(MessageType type, Object body, List<byte[]> blobs) {

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
    return socket.send(new byte[] {(byte) type.ordinal()}, ZMQ.SNDMORE | ZMQ.DONTWAIT)
        && sendFrames(socket, json);
  }

  /** Bytes of the frames after the routing id: type, JSON body, blobs. */
  private long size(byte[] json) {
    long bytes = 1L + json.length;
    for (byte[] blob : blobs) bytes += blob.length;
    return bytes;
  }

  private boolean sendFrames(ZMQ.Socket socket, byte[] json) {
    if (!socket.send(json, blobs.isEmpty() ? ZMQ.DONTWAIT : ZMQ.SNDMORE | ZMQ.DONTWAIT)) {
      return false;
    }
    for (int i = 0; i < blobs.size(); i++) {
      int more = i + 1 < blobs.size() ? ZMQ.SNDMORE : 0;
      if (!socket.send(blobs.get(i), more | ZMQ.DONTWAIT)) return false;
    }
    return true;
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
    boolean sent = router.send(routingId, ZMQ.SNDMORE | ZMQ.DONTWAIT)
        && router.send(new byte[] {(byte) type.ordinal()}, ZMQ.SNDMORE | ZMQ.DONTWAIT)
        && sendFrames(router, json);
    return sent ? size(json) : -1;
  }

  /** Decodes the frames left in {@code msg} (routing id already removed). */
  public static WireMessage decode(ZMsg msg) {
    if (msg.size() < 2) throw new WireFormatException("expected 2 or more frames, got " + msg.size());
    byte[] typeFrame = msg.pop().getData();
    if (typeFrame.length != 1) throw new WireFormatException("type frame must be one byte");
    MessageType type = MessageType.fromByte(typeFrame[0]);
    String json = new String(msg.pop().getData(), StandardCharsets.UTF_8);
    try {
      Object body = Json.GSON.fromJson(json, type.bodyType());
      if (body == null) throw new WireFormatException(type + " with an empty body");
      List<byte[]> blobs = new ArrayList<>(msg.size());
      while (!msg.isEmpty()) blobs.add(msg.pop().getData());
      return new WireMessage(type, body, blobs);
    } catch (JsonParseException e) {
      throw new WireFormatException(type + " body is not valid JSON: " + e.getMessage(), e);
    }
  }
}
