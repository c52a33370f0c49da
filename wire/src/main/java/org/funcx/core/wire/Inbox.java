package org.funcx.core.wire;

import org.slf4j.Logger;
import org.zeromq.ZFrame;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;
import zmq.Msg;
import zmq.io.Metadata;

/**
 * Reads what waits on a socket, up to a bound so one busy peer cannot starve a loop's other steps.
 * A malformed message, or one its handler fails on, is logged and dropped: no peer can stop the
 * loop that owns the socket.
 */
public final class Inbox {
  /** Handles one message; {@code route} is the ROUTER routing id, or null on other sockets. */
  @FunctionalInterface
  public interface Handler {
    void handle(byte[] route, WireMessage message);
  }

  /**
   * Handles one message from a ROUTER peer authenticated by ZAP, with its ZAP User-Id and its size
   * ({@code wireBytes}: its frames' bytes, routing id excluded).
   */
  @FunctionalInterface
  public interface PeerHandler {
    void handle(byte[] route, String userId, WireMessage message, long wireBytes);
  }

  private Inbox() {}

  /**
   * As {@link #drain} on a ROUTER socket whose peers passed a ZAP handler: also hands over the
   * User-Id the handler gave the peer's connection (null when there is none).
   */
  public static int drainAuthenticated(
      ZMQ.Socket router, int max, PeerHandler handler, Logger log, String peer) {
    return drain(router, true, true, max, handler, log, peer);
  }

  /** Returns how many messages were read. */
  public static int drain(
      ZMQ.Socket socket, boolean routed, int max, Handler handler, Logger log, String peer) {
    return drain(
        socket,
        routed,
        false,
        max,
        (route, userId, m, bytes) -> handler.handle(route, m),
        log,
        peer);
  }

  private record Received(ZMsg msg, String userId) {}

  private static int drain(
      ZMQ.Socket socket,
      boolean routed,
      boolean withUserId,
      int max,
      PeerHandler handler,
      Logger log,
      String peer) {
    int read = 0;
    while (read < max) {
      Received r = withUserId ? receiveWithUserId(socket) : receive(socket);
      if (r == null) break;
      read++;
      try {
        byte[] route = routed ? r.msg().pop().getData() : null;
        long bytes = r.msg().contentSize();
        handler.handle(route, r.userId(), WireMessage.decode(r.msg()), bytes);
      } catch (WireFormatException e) {
        log.warn("dropped a malformed message from {}: {}", peer, e.getMessage());
      } catch (RuntimeException e) {
        log.error("could not handle a message from {}; dropped it", peer, e);
      } finally {
        r.msg().destroy();
      }
    }
    return read;
  }

  private static Received receive(ZMQ.Socket socket) {
    ZMsg msg = ZMsg.recvMsg(socket, ZMQ.DONTWAIT);
    return msg == null ? null : new Received(msg, null);
  }

  /** Reads frames at the level that keeps their metadata, where ZAP's User-Id is. */
  private static Received receiveWithUserId(ZMQ.Socket socket) {
    Msg frame = socket.base().recv(ZMQ.DONTWAIT);
    if (frame == null) return null;
    ZMsg msg = new ZMsg();
    String userId = null;
    while (true) {
      msg.add(new ZFrame(frame.data()));
      if (userId == null) userId = zmq.ZMQ.getMessageMetadata(frame, Metadata.USER_ID);
      if (!frame.hasMore()) return new Received(msg, userId);
      frame = socket.base().recv(0);
    }
  }
}
