package org.funcx.endpoint.manager;

import java.util.concurrent.atomic.AtomicInteger;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Tells when the interchange refused this manager's connection during its handshake (the port's
 * ZAP handler: the block's admission token is withdrawn or wrong). Such a refusal is final, and a
 * refused connection hears nothing: without this the manager would wait out its orphan time and
 * exit as orphaned, hiding why. A monitor of the DEALER's handshake failures, read on the
 * manager's loop thread.
 */
final class HandshakeRefusals implements AutoCloseable {
  private static final AtomicInteger MONITORS = new AtomicInteger();
  private static final int REFUSED = zmq.ZMQ.ZMQ_EVENT_HANDSHAKE_FAILED_AUTH;
  private final ZMQ.Socket watched;
  private final ZMQ.Socket events;

  /** Watches {@code dealer}; call before it connects, so no refusal goes unseen. */
  HandshakeRefusals(ZContext context, ZMQ.Socket dealer) {
    String address = "inproc://funcx-manager-handshake-" + MONITORS.incrementAndGet();
    this.watched = dealer;
    dealer.monitor(address, REFUSED);
    this.events = context.createSocket(SocketType.PAIR);
    events.connect(address);
  }

  /** The socket to poll: readable when a refusal may have been reported. */
  ZMQ.Socket socket() {
    return events;
  }

  /** Reads what was reported; true when the handshake was refused. */
  boolean refused() {
    boolean refused = false;
    ZMQ.Event event;
    while ((event = ZMQ.Event.recv(events, ZMQ.DONTWAIT)) != null) {
      refused |= event.getEvent() == REFUSED;
    }
    return refused;
  }

  @Override
  public void close() {
    watched.monitor(null, 0);
    events.close();
  }
}
