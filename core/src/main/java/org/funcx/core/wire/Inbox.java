package org.funcx.core.wire;

import org.slf4j.Logger;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

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

  private Inbox() {}

  /** Returns how many messages were read. */
  public static int drain(ZMQ.Socket socket, boolean routed, int max, Handler handler, Logger log,
      String peer) {
    int read = 0;
    while (read < max) {
      ZMsg msg = ZMsg.recvMsg(socket, ZMQ.DONTWAIT);
      if (msg == null) break;
      read++;
      try {
        byte[] route = routed ? msg.pop().getData() : null;
        handler.handle(route, WireMessage.decode(msg));
      } catch (WireFormatException e) {
        log.warn("dropped a malformed message from {}: {}", peer, e.getMessage());
      } catch (RuntimeException e) {
        log.error("could not handle a message from {}; dropped it", peer, e);
      } finally {
        msg.destroy();
      }
    }
    return read;
  }
}
