package org.funcx.bench.scale;

import java.util.List;
import java.util.UUID;
import org.funcx.bench.Joins;
import org.funcx.bench.sim.PeerPool;
import org.funcx.endpoint.config.EndpointConfig;
import org.funcx.endpoint.interchange.Interchange;
import org.zeromq.ZContext;

/**
 * The parts of one scenario and their shutdown order: interchange first (so it never sees its
 * managers vanish and logs them lost), then the managers, then the simulated service.
 */
final class InterchangeRig implements AutoCloseable {
  final FakeForwarder forwarder;
  final Interchange interchange;
  final Thread interchangeThread;
  private final ZContext context = new ZContext();
  private PeerPool managers;
  private Throwable managerFailure;

  InterchangeRig(double heartbeatSeconds, int serviceBatch) {
    String endpointId = UUID.randomUUID().toString();
    long heartbeatMillis = Math.round(heartbeatSeconds * 1000);
    this.forwarder = new FakeForwarder(endpointId, heartbeatMillis, serviceBatch);
    this.interchange =
        new Interchange(endpointConfig(endpointId, heartbeatSeconds), forwarder.address(), context);
    this.interchangeThread = new Thread(interchange, "funcx-interchange");
    interchangeThread.start();
  }

  void startManagers(List<SimulatedManager> peers, int threads, long tickMillis) {
    managers = PeerPool.start("bench-managers", peers, threads, tickMillis);
  }

  /** The error a manager thread died of, or null; final once the rig is closed. */
  Throwable managerFailure() {
    return managers != null ? managers.failure() : managerFailure;
  }

  @Override
  public void close() {
    interchange.stop();
    Joins.join(List.of(interchangeThread), 10_000);
    if (interchangeThread.isAlive()) reportStuck(interchangeThread);
    if (managers != null) {
      managerFailure = managers.failure();
      managers.close();
      managers = null;
    }
    forwarder.close();
    context.close();
  }

  /** A stop that does not land is a finding in itself: show where the interchange was. */
  private static void reportStuck(Thread thread) {
    StringBuilder trace = new StringBuilder("bench: the interchange did not stop within 10 s; at:");
    for (StackTraceElement e : thread.getStackTrace()) trace.append("\n    at ").append(e);
    System.err.println(trace);
  }

  /** The product's defaults with this run's heartbeat; EndpointConfig has no wither for it. */
  static EndpointConfig endpointConfig(String endpointId, double heartbeatSeconds) {
    EndpointConfig d =
        EndpointConfig.defaults("scale-sim", "http://127.0.0.1:0").withEndpointId(endpointId);
    return new EndpointConfig(
            d.name(),
            d.endpointId(),
            d.serviceUrl(),
            d.provider(),
            d.workersPerNode(),
            d.prefetch(),
            d.initBlocks(),
            d.minBlocks(),
            d.maxBlocks(),
            heartbeatSeconds,
            d.maxRetries(),
            d.interchangeHost(),
            d.interchangePort(),
            d.workerJvmOptions(),
            d.workerJava(),
            d.maxResultBytes(),
            d.idleTimeoutSeconds(),
            d.slurm(),
            d.allowedFunctions(),
            d.keepShellSandboxes(),
            d.libraries())
        .validated();
  }
}
