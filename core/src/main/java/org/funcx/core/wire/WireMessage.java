package org.funcx.core.wire;

import com.google.gson.JsonParseException;
import java.nio.charset.StandardCharsets;
import org.funcx.core.json.Json;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

/**
 * A decoded message: its type and body. Encoding is two frames, {@code [type byte][JSON body]},
 * preceded by the routing id on ROUTER sockets.
 */
public record WireMessage(MessageType type, Object body) {

  public WireMessage {
    if (!type.bodyType().isInstance(body)) {
      throw new IllegalArgumentException(type + " needs a " + type.bodyType().getSimpleName());
    }
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
        && socket.send(json, ZMQ.DONTWAIT);
  }

  /** Sends on a ROUTER to the peer with {@code routingId}; never blocks, as above. */
  public boolean sendTo(ZMQ.Socket router, byte[] routingId) {
    byte[] json = Json.GSON.toJson(body).getBytes(StandardCharsets.UTF_8);
    return router.send(routingId, ZMQ.SNDMORE | ZMQ.DONTWAIT)
        && router.send(new byte[] {(byte) type.ordinal()}, ZMQ.SNDMORE | ZMQ.DONTWAIT)
        && router.send(json, ZMQ.DONTWAIT);
  }

  /** Decodes the two frames left in {@code msg} (routing id already removed). */
  public static WireMessage decode(ZMsg msg) {
    if (msg.size() != 2) throw new WireFormatException("expected 2 frames, got " + msg.size());
    byte[] typeFrame = msg.pop().getData();
    if (typeFrame.length != 1) throw new WireFormatException("type frame must be one byte");
    MessageType type = MessageType.fromByte(typeFrame[0]);
    String json = new String(msg.pop().getData(), StandardCharsets.UTF_8);
    try {
      Object body = Json.GSON.fromJson(json, type.bodyType());
      if (body == null) throw new WireFormatException(type + " with an empty body");
      return new WireMessage(type, body);
    } catch (JsonParseException e) {
      throw new WireFormatException(type + " body is not valid JSON: " + e.getMessage(), e);
    }
  }
}
