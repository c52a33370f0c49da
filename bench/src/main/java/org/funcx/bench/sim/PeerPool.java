package org.funcx.bench.sim;

import java.util.ArrayList;
import java.util.List;
import org.funcx.bench.Joins;
import org.zeromq.ZContext;

/**
 * Simulated peers spread over a few named threads ({@code NAME-0}, {@code NAME-1}, ...) with their
 * own ZeroMQ context, so their I/O thread is not the one of the component under test.
 */
public final class PeerPool implements AutoCloseable {
  private final ZContext context = new ZContext();
  private final List<PeerLoop> loops = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();

  private PeerPool(
      String name, List<? extends SimulatedPeer> peers, int threadCount, long tickMillis) {
    int n = Math.max(1, Math.min(threadCount, peers.size()));
    for (int t = 0; t < n; t++) {
      List<SimulatedPeer> share = new ArrayList<>();
      for (int i = t; i < peers.size(); i += n) share.add(peers.get(i));
      PeerLoop loop = new PeerLoop(context, share, tickMillis);
      Thread thread = new Thread(loop, name + "-" + t);
      thread.setDaemon(true);
      loops.add(loop);
      threads.add(thread);
    }
  }

  /** Starts the threads; each opens its peers' sockets and says hello before serving them. */
  public static PeerPool start(
      String name, List<? extends SimulatedPeer> peers, int threads, long tickMillis) {
    PeerPool pool = new PeerPool(name, peers, threads, tickMillis);
    pool.threads.forEach(Thread::start);
    return pool;
  }

  /** The first error a loop thread died of, or null. */
  public Throwable failure() {
    return loops.stream().map(PeerLoop::failure).filter(f -> f != null).findFirst().orElse(null);
  }

  @Override
  public void close() {
    loops.forEach(PeerLoop::stop);
    Joins.join(threads, 10_000);
    context.close();
  }
}
