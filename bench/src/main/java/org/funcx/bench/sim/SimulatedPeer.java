package org.funcx.bench.sim;

import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

/**
 * A remote peer (a manager, an endpoint agent) simulated by one DEALER socket that answers as the
 * real peer would. A {@link PeerLoop} thread owns it and makes every call, so no locking is needed.
 */
public interface SimulatedPeer {
  /** Creates and connects the socket, says hello, and returns the socket for polling. */
  ZMQ.Socket open(ZContext context, long nowMillis);

  /** Answers one message that arrived on the socket. */
  void onMessage(ZMsg message, long nowMillis);

  /** Called every loop pass and at least every tick: sends heartbeats when due. */
  void onTick(long nowMillis);
}
