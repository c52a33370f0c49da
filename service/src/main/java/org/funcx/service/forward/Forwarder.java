package org.funcx.service.forward;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.funcx.core.wire.HopTrace;
import org.funcx.core.wire.Inbox;
import org.funcx.core.wire.Liveness;
import org.funcx.core.wire.Mailbox;
import org.funcx.core.wire.MessageType;
import org.funcx.core.wire.Messages;
import org.funcx.core.wire.ResultEnvelope;
import org.funcx.core.wire.WireLimits;
import org.funcx.core.wire.WireMessage;
import org.funcx.core.wire.WireProtocol;
import org.funcx.service.metrics.ServiceMetrics;
import org.funcx.service.output.LiveOutputWindows;
import org.funcx.service.store.FunctionCatalog;
import org.funcx.service.store.LiveTaskStates;
import org.funcx.service.store.Registry;
import org.funcx.service.store.StoreException;
import org.funcx.service.store.TaskCompletions;
import org.funcx.service.store.TaskRecord;
import org.funcx.service.store.TaskStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZAuth;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The service's side of the endpoint links: one ROUTER socket that endpoints connect to, owned by
 * one thread ({@code funcx-forwarder}) together with the {@link TaskLedger}. The loop reads as the
 * steps it takes: receive from endpoints, run commands from REST threads, send tasks, heartbeat.
 */
public final class Forwarder implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Forwarder.class);
  private static final int MAX_UNACKNOWLEDGED = 50_000;

  /** Its thread's name; the service cannot work without it (CriticalThreads in ServiceMain). */
  public static final String THREAD = "funcx-forwarder";

  private final ZContext context = new ZContext();
  private final ZAuth zap;
  private final AdmittedKeys admitted;
  private final String publicKey;
  private final ZMQ.Socket router;
  private final Mailbox<ForwarderCommand> mailbox;
  private final TaskLedger ledger;
  private final LiveOutputWindows liveOutput = new LiveOutputWindows();
  private final RankPlacements placements = new RankPlacements();
  private final Registry registry;
  private final long heartbeatMillis;
  private final int sendBatchSize;
  private final int port;
  private final Map<ByteBuffer, EndpointLink> linksByRoute = new HashMap<>();
  private final Map<ByteBuffer, List<String>> pendingAcks = new HashMap<>();
  private final Thread thread;
  private final CountDownLatch recovered = new CountDownLatch(1);
  private final ServiceMetrics metrics;
  private volatile boolean running = true;
  private long nextHeartbeatMillis;

  /**
   * Binds the socket as a CURVE server whose ZAP handler admits only registered endpoint keys
   * ({@code keys}); {@link #start()} recovers unfinished tasks and starts the thread.
   */
  public Forwarder(
      String host,
      int port,
      CurveKeys.KeyPair keys,
      TaskStorage store,
      LiveTaskStates live,
      FunctionCatalog functions,
      TaskCompletions completions,
      Registry registry,
      long heartbeatMillis,
      int sendBatchSize,
      ServiceMetrics metrics) {
    this.metrics = metrics;
    this.ledger = new TaskLedger(store, live, functions, completions, metrics, liveOutput);
    this.registry = registry;
    this.heartbeatMillis = heartbeatMillis;
    this.sendBatchSize = sendBatchSize;
    this.admitted = new AdmittedKeys();
    registry.endpoints().forEach(e -> admitted.admit(e.id(), e.curveKey()));
    this.zap = new ZAuth(context, "funcx-zap", Map.of("CURVE", admitted));
    this.publicKey = keys.publicKey();
    this.router = context.createSocket(SocketType.ROUTER);
    router.setZAPDomain("funcx");
    router.setCurveServer(true);
    router.setCurveSecretKey(ZMQ.Curve.z85Decode(keys.secretKey()));
    router.setRouterMandatory(true);
    router.setSndHWM(100_000);
    router.setRcvHWM(100_000);
    router.setLinger(0);
    // Before the handshake a stranger can declare any frame size; JeroMQ would allocate it.
    WireLimits.bound(router);
    this.port = port == 0 ? router.bindToRandomPort("tcp://" + host) : bind(host, port);
    this.mailbox = new Mailbox<>(context, "forwarder");
    this.thread = new Thread(this::run, THREAD);
  }

  private int bind(String host, int requested) {
    router.bind("tcp://" + host + ":" + requested);
    return requested;
  }

  public void start() throws InterruptedException {
    thread.start();
    recovered.await();
  }

  public int port() {
    return port;
  }

  /** How each registered endpoint can place a task's ranks (its block shape). */
  public RankPlacements placements() {
    return placements;
  }

  /** The Z85 CURVE public key endpoints must expect from the forwarder. */
  public String publicKey() {
    return publicKey;
  }

  /** Admits an endpoint's CURVE key (replacing its previous one, whose link is dropped). */
  public void admit(String endpointId, String curveKey) {
    admitted.admit(endpointId, curveKey);
    mailbox.post(new ForwarderCommand.KeyChanged(endpointId));
  }

  /** What running tasks printed so far (kept while they run; REST reads it). */
  public LiveOutputWindows liveOutput() {
    return liveOutput;
  }

  /** Connections refused by the ZAP handler so far. */
  public long refusedConnections() {
    return admitted.denied();
  }

  /** Hands over tasks that are stored and committed, to be sent to their endpoints. */
  public void submitted(List<TaskRecord> tasks) {
    mailbox.post(new ForwarderCommand.NewTasks(tasks));
  }

  public CompletableFuture<Boolean> cancel(String taskId) {
    var done = new CompletableFuture<Boolean>();
    mailbox.post(new ForwarderCommand.Cancel(taskId, done));
    return done;
  }

  /** Revokes the endpoint's key and disconnects it (it is told to shut down). */
  public void endpointDeleted(String endpointId) {
    admitted.revoke(endpointId);
    mailbox.post(new ForwarderCommand.EndpointDeleted(endpointId));
  }

  public CompletableFuture<EndpointStatus> status(String endpointId) {
    var reply = new CompletableFuture<EndpointStatus>();
    mailbox.post(new ForwarderCommand.Status(endpointId, reply));
    return reply;
  }

  private void run() {
    try {
      ledger.recover();
      recovered.countDown();
      ZMQ.Poller poller = context.createPoller(2);
      int fromEndpoints = poller.register(router, ZMQ.Poller.POLLIN);
      int fromRest = poller.register(mailbox.wakeSocket(), ZMQ.Poller.POLLIN);
      while (running && !Thread.currentThread().isInterrupted()) {
        poller.poll(heartbeatMillis / 2);
        try {
          if (poller.pollin(fromEndpoints)) receiveFromEndpoints();
          if (poller.pollin(fromRest)) mailbox.drain(this::execute);
          sendCancels();
          sendTasks();
          heartbeatAndExpire();
        } catch (StoreException e) {
          log.warn("task store unavailable ({}); unfinished tasks wait for it", e.getMessage());
          pause(200);
        }
      }
    } catch (RuntimeException e) {
      if (!running) return; // closed under it
      log.error("forwarder stopped by an unexpected error", e);
      throw e; // ServiceMain's CriticalThreads ends the process, for its supervisor to restart it
    } finally {
      recovered.countDown();
    }
  }

  /**
   * Reads what endpoints sent, then commits all results read in one store commit and only then
   * acknowledges them: one disk write per pass instead of one per message.
   */
  private void receiveFromEndpoints() {
    Inbox.drainAuthenticated(router, 1_000, this::handle, log, "an endpoint connection");
    if (pendingAcks.isEmpty()) return;
    try {
      ledger.commit();
      if (HopTrace.on())
        pendingAcks.values().forEach(ids -> HopTrace.mark("10-forwarder-committed", ids));
      pendingAcks.forEach(
          (route, ids) ->
              send(
                  route.array(),
                  new WireMessage(MessageType.RESULTS_ACK, new Messages.TaskIds(ids))));
    } catch (StoreException e) {
      log.warn(
          "results not stored ({}); endpoints send unacknowledged results again", e.getMessage());
    } finally {
      pendingAcks.clear();
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Handles one message. {@code curveKey} is the ZAP User-Id of the connection it came on: the
   * endpoint's identity comes from that key, never from what the message or routing id claim.
   */
  private void handle(byte[] route, String curveKey, WireMessage message, long wireBytes) {
    long now = System.currentTimeMillis();
    if (message.type() == MessageType.REGISTER_ENDPOINT) {
      register(route, curveKey, message.body(Messages.RegisterEndpoint.class), now);
      return;
    }
    EndpointLink link = linksByRoute.get(ByteBuffer.wrap(route));
    if (link != null && !java.util.Objects.equals(link.curveKey, curveKey)) link = null;
    if (link == null) {
      send(route, new WireMessage(MessageType.RECONNECT, new Messages.Empty()));
      return;
    }
    link.lastSeenMillis = now;
    link.meters.bytesReceived(wireBytes);
    switch (message.type()) {
      case HEARTBEAT -> link.load = message.body(Messages.Heartbeat.class);
      case TASKS_ACK -> ledger.acknowledged(link, message.body(Messages.TaskIds.class).taskIds());
      case TASKS_RUNNING -> ledger.running(link, message.body(Messages.TaskIds.class).taskIds());
      case RESULTS -> {
        List<ResultEnvelope> results = ResultEnvelope.unpack(message);
        if (HopTrace.on())
          results.forEach(r -> HopTrace.mark("9-forwarder-got-result", r.taskId()));
        ledger.results(link, results);
        List<String> ids =
            pendingAcks.computeIfAbsent(ByteBuffer.wrap(route), r -> new ArrayList<>());
        results.forEach(r -> ids.add(r.taskId()));
      }
      case OUTPUT -> {
        var refused = ledger.liveOutput(link, message.body(Messages.LiveOutput.class));
        if (!refused.isEmpty()) {
          log.warn("endpoint {} sent output that was refused: {}", link.endpointId, refused);
        }
      }
      default -> log.warn("endpoint {} sent unexpected {}", link.endpointId, message.type());
    }
  }

  private void register(byte[] route, String curveKey, Messages.RegisterEndpoint hello, long now) {
    String endpointId = hello.endpointId();
    if (endpointId == null || hello.sessionId() == null) {
      send(
          route,
          new WireMessage(
              MessageType.REJECTED,
              new Messages.Rejected("registration needs endpointId and sessionId")));
      return;
    }
    String mismatch =
        WireProtocol.mismatch(
            "endpoint " + endpointId + "'s agent", hello.protocol(), hello.version());
    if (mismatch != null) {
      log.warn("refused registration: {}", mismatch);
      send(route, new WireMessage(MessageType.REJECTED, new Messages.Rejected(mismatch)));
      return;
    }
    if (!endpointId.equals(admitted.endpointOf(curveKey).orElse(null))
        || registry.endpoint(endpointId).isEmpty()) {
      log.warn(
          "refused registration as endpoint {}: the connection's key is not the one registered"
              + " for it",
          endpointId);
      send(
          route,
          new WireMessage(
              MessageType.REJECTED,
              new Messages.Rejected(
                  "endpoint "
                      + endpointId
                      + " is not registered with this connection's CURVE key")));
      return;
    }
    placements.registered(endpointId, hello.blockShape());
    EndpointLink link = ledger.link(endpointId);
    boolean sameConnection =
        link.online()
            && java.util.Arrays.equals(link.routingId, route)
            && hello.sessionId().equals(link.sessionId);
    if (sameConnection) {
      link.lastSeenMillis = now;
      send(
          route,
          new WireMessage(
              MessageType.ENDPOINT_REGISTERED,
              new Messages.EndpointRegistered(endpointId, heartbeatMillis)));
      return;
    }
    if (link.online()) linksByRoute.remove(ByteBuffer.wrap(link.routingId));
    link.connect(route, hello.sessionId(), now);
    link.curveKey = curveKey;
    linksByRoute.put(ByteBuffer.wrap(route), link);
    log.info(
        "endpoint {} connected (session {}), {} unfinished tasks to send",
        endpointId,
        hello.sessionId(),
        link.toSend.size());
    send(
        route,
        new WireMessage(
            MessageType.ENDPOINT_REGISTERED,
            new Messages.EndpointRegistered(endpointId, heartbeatMillis)));
  }

  private void execute(ForwarderCommand command) {
    if (command instanceof ForwarderCommand.NewTasks n) {
      n.tasks().forEach(ledger::add);
    } else if (command instanceof ForwarderCommand.Cancel c) {
      try {
        c.done().complete(ledger.cancel(c.taskId()));
      } catch (StoreException e) {
        c.done().completeExceptionally(e);
      }
    } else if (command instanceof ForwarderCommand.EndpointDeleted d) {
      disconnect(ledger.link(d.endpointId()), "deleted");
      ledger.endpointLost(d.endpointId(), "was deleted");
    } else if (command instanceof ForwarderCommand.KeyChanged k) {
      EndpointLink link = ledger.link(k.endpointId());
      if (link.online()
          && !k.endpointId().equals(admitted.endpointOf(link.curveKey).orElse(null))) {
        disconnect(link, "given a new key");
      }
    } else if (command instanceof ForwarderCommand.Status s) {
      s.reply().complete(ledger.status(s.endpointId()));
    }
  }

  /** Tells a revoked endpoint's agent to shut down and forgets its connection. */
  private void disconnect(EndpointLink link, String why) {
    if (!link.online()) return;
    log.info("endpoint {} was {}: disconnecting it", link.endpointId, why);
    send(link.routingId, new WireMessage(MessageType.SHUTDOWN, new Messages.Empty()));
    dropLink(link);
  }

  /** Tells connected endpoints to stop tasks that were cancelled after they were sent. */
  private void sendCancels() {
    for (EndpointLink link : ledger.links()) {
      if (!link.online() || link.cancelsToSend.isEmpty()) continue;
      List<String> ids = List.copyOf(link.cancelsToSend);
      if (send(link.routingId, new WireMessage(MessageType.CANCEL, new Messages.TaskIds(ids)))) {
        log.info("told endpoint {} to stop {} cancelled task(s)", link.endpointId, ids.size());
        link.cancelsToSend.clear();
      }
    }
  }

  private void sendTasks() {
    for (EndpointLink link : ledger.links()) {
      while (link.online()
          && !link.toSend.isEmpty()
          && link.unacknowledged.size() < MAX_UNACKNOWLEDGED) {
        var batch = ledger.nextBatch(link, sendBatchSize);
        if (batch.isEmpty()) break;
        if (!send(link.routingId, new WireMessage(MessageType.TASKS, batch.get()))) break;
        link.meters.dispatched(batch.get().tasks().size());
        if (HopTrace.on())
          batch.get().tasks().forEach(t -> HopTrace.mark("2-forwarder-sent", t.taskId()));
      }
    }
  }

  private void heartbeatAndExpire() {
    long now = System.currentTimeMillis();
    if (now < nextHeartbeatMillis) return;
    nextHeartbeatMillis = now + heartbeatMillis;
    publishFigures();
    for (EndpointLink link : ledger.links()) {
      if (!link.online()) continue;
      if (now - link.lastSeenMillis > Liveness.SERVICE_LINK_BEATS * heartbeatMillis) {
        log.warn(
            "endpoint {} silent for {} ms; its tasks wait for it to reconnect",
            link.endpointId,
            now - link.lastSeenMillis);
        dropLink(link);
      } else {
        send(link.routingId, new WireMessage(MessageType.HEARTBEAT, Messages.Heartbeat.EMPTY));
      }
    }
  }

  /** Hands what the gauges show to the scrape threads, once a heartbeat (they never read links). */
  private void publishFigures() {
    int connected = 0;
    for (EndpointLink link : ledger.links()) {
      link.meters.publish(link.snapshot());
      if (link.online()) connected++;
    }
    metrics.connectedEndpoints(connected);
  }

  private void dropLink(EndpointLink link) {
    linksByRoute.remove(ByteBuffer.wrap(link.routingId));
    link.goOffline();
  }

  /** Sends to a peer; a peer that vanished is marked offline rather than blocking the loop. */
  private boolean send(byte[] route, WireMessage message) {
    EndpointLink link = linksByRoute.get(ByteBuffer.wrap(route));
    try {
      long bytes = message.sendMeasuredTo(router, route);
      if (bytes >= 0) {
        if (link != null) link.meters.bytesSent(bytes);
        return true;
      }
    } catch (org.zeromq.ZMQException e) {
      log.debug("send {} failed: {}", message.type(), e.getMessage());
    }
    if (link != null) dropLink(link);
    return false;
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join(TimeUnit.SECONDS.toMillis(5));
    zap.close();
    context.close();
  }
}
