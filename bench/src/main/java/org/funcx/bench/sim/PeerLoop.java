package org.funcx.bench.sim;

import java.util.List;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

/**
 * One thread serving many simulated peers: it polls all their sockets at once, so a thousand
 * managers cost a thread, not a thousand threads competing with the component under test.
 */
final class PeerLoop implements Runnable {
  /** Messages read from one socket before the others get a turn. */
  private static final int FAIR_SHARE = 100;

  private final ZContext context;
  private final List<? extends SimulatedPeer> peers;
  private final long tickMillis;
  private volatile boolean running = true;
  private volatile Throwable failure;

  PeerLoop(ZContext context, List<? extends SimulatedPeer> peers, long tickMillis) {
    this.context = context;
    this.peers = peers;
    this.tickMillis = tickMillis;
  }

  @Override
  public void run() {
    ZMQ.Socket[] sockets = new ZMQ.Socket[peers.size()];
    ZMQ.Poller poller = context.createPoller(peers.size());
    try {
      for (int i = 0; i < sockets.length; i++) {
        sockets[i] = peers.get(i).open(context, System.currentTimeMillis());
        poller.register(sockets[i], ZMQ.Poller.POLLIN);
      }
      while (running) {
        poller.poll(tickMillis);
        long now = System.currentTimeMillis();
        for (int i = 0; i < sockets.length; i++) {
          if (poller.pollin(i)) drain(sockets[i], peers.get(i), now);
        }
        for (SimulatedPeer peer : peers) peer.onTick(now);
      }
    } catch (RuntimeException | Error e) {
      failure = e;
    } finally {
      poller.close();
      for (ZMQ.Socket s : sockets) if (s != null) s.close();
    }
  }

  private static void drain(ZMQ.Socket socket, SimulatedPeer peer, long now) {
    for (int n = 0; n < FAIR_SHARE; n++) {
      ZMsg message = ZMsg.recvMsg(socket, ZMQ.DONTWAIT);
      if (message == null) return;
      peer.onMessage(message, now);
    }
  }

  void stop() {
    running = false;
  }

  Throwable failure() {
    return failure;
  }
}
