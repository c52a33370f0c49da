package org.funcx.bench.scale;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.funcx.bench.Joins;
import org.funcx.bench.sim.TaskIds;
import org.funcx.core.model.FunctionSpec;
import org.funcx.core.wire.MessageType;
import org.funcx.core.wire.Messages;
import org.funcx.core.wire.Messages.TaskSpec;
import org.funcx.core.wire.ResultEnvelope;
import org.funcx.core.wire.WireFormatException;
import org.funcx.core.wire.WireMessage;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;
import org.zeromq.ZMsg;

/**
 * The service's forwarder, simulated for one endpoint: a ROUTER the real interchange connects to,
 * answering as {@code Forwarder} does (ENDPOINT_REGISTERED, one RESULTS_ACK per receive pass, a
 * HEARTBEAT every period) without a store, so the interchange is the only real part on the path.
 * Given a {@link LoadPlan} it sends no-op tasks in batches while the window allows. One thread,
 * {@code bench-fake-forwarder}, owns the socket; other threads reach it through commands.
 */
final class FakeForwarder implements AutoCloseable {
  static final FunctionSpec NOOP = FunctionSpec.of("noop", "int noop(int x) { return x; }");
  private static final MessageType[] TYPES = MessageType.values();
  private final ZContext context = new ZContext();
  private final ZMQ.Socket router;
  private final String address;
  private final String endpointId;
  private final long heartbeatMillis;
  private final int batchSize;
  private final Queue<Runnable> commands = new ConcurrentLinkedQueue<>();
  private final CompletableFuture<Void> registered = new CompletableFuture<>();
  private final Thread thread = new Thread(this::run, "bench-fake-forwarder");
  private volatile boolean running = true;
  private byte[] route;
  private int registrations;
  private long nextHeartbeatMillis;
  private long lastHeardMillis;
  private long maxSilenceMillis;
  private LoadProgress load;

  FakeForwarder(String endpointId, long heartbeatMillis, int batchSize) {
    this.endpointId = endpointId;
    this.heartbeatMillis = heartbeatMillis;
    this.batchSize = batchSize;
    this.router = context.createSocket(SocketType.ROUTER);
    router.setRouterMandatory(true);
    router.setSndHWM(100_000);
    router.setRcvHWM(100_000);
    router.setLinger(0);
    this.address = "tcp://127.0.0.1:" + router.bindToRandomPort("tcp://127.0.0.1");
    thread.setDaemon(true);
    thread.start();
  }

  String address() {
    return address;
  }

  /** Completes when the endpoint has registered. */
  CompletableFuture<Void> registered() {
    return registered;
  }

  /**
   * Starts sending; the outcome completes once every task sent has been answered.
   */
  CompletableFuture<LoadOutcome> load(LoadPlan plan) {
    CompletableFuture<LoadOutcome> outcome = new CompletableFuture<>();
    commands.add(
        () -> {
          maxSilenceMillis = 0;
          lastHeardMillis = System.currentTimeMillis();
          load = new LoadProgress(plan);
          load.outcome.whenComplete((o, e) -> outcome.complete(o));
        });
    return outcome;
  }

  /** Ends the current load run with what has come back so far (for runs that time out). */
  void cutShort() {
    commands.add(
        () -> {
          if (load == null) return;
          load.finish(false);
          load = null;
        });
  }

  /** The longest silence of the interchange since the previous call. */
  CompletableFuture<Long> takeMaxSilenceMillis() {
    CompletableFuture<Long> answer = new CompletableFuture<>();
    commands.add(
        () -> {
          answer.complete(maxSilenceMillis);
          maxSilenceMillis = 0;
          lastHeardMillis = System.currentTimeMillis();
        });
    return answer;
  }

  /** How often the endpoint registered: more than once means it reconnected. Read after close. */
  int registrations() {
    return registrations;
  }

  private void run() {
    ZMQ.Poller poller = context.createPoller(1);
    poller.register(router, ZMQ.Poller.POLLIN);
    while (running) {
      poller.poll(10);
      long now = System.currentTimeMillis();
      receive(now);
      Runnable command;
      while ((command = commands.poll()) != null) command.run();
      if (load != null) sendTasksAndAdvance();
      heartbeat(now);
    }
    poller.close();
  }

  private void receive(long now) {
    List<String> toAcknowledge = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      ZMsg msg = ZMsg.recvMsg(router, ZMQ.DONTWAIT);
      if (msg == null) break;
      if (lastHeardMillis > 0) maxSilenceMillis = Math.max(maxSilenceMillis, now - lastHeardMillis);
      lastHeardMillis = now;
      byte[] from = msg.pop().getData();
      try {
        handle(from, msg, toAcknowledge);
      } catch (WireFormatException e) {
        if (load != null) load.wrong++;
      }
    }
    if (!toAcknowledge.isEmpty()) {
      send(new WireMessage(MessageType.RESULTS_ACK, new Messages.TaskIds(toAcknowledge)));
    }
  }

  private void handle(byte[] from, ZMsg msg, List<String> toAcknowledge) {
    MessageType type = peekType(msg);
    if (type == MessageType.REGISTER_ENDPOINT) {
      register(from, WireMessage.decode(msg).body(Messages.RegisterEndpoint.class));
      return;
    }
    if (route == null || !java.util.Arrays.equals(route, from)) {
      sendTo(from, new WireMessage(MessageType.RECONNECT, new Messages.Empty()));
      return;
    }
    if (type != MessageType.RESULTS) return; // TASKS_ACK, TASKS_RUNNING, HEARTBEAT: liveness only
    for (ResultEnvelope r : ResultEnvelope.unpack(WireMessage.decode(msg))) {
      if (load != null) load.checkOff(r.result());
      toAcknowledge.add(r.taskId());
    }
  }

  private static MessageType peekType(ZMsg msg) {
    byte[] frame = msg.peek() == null ? new byte[0] : msg.peek().getData();
    if (frame.length != 1 || (frame[0] & 0xff) >= TYPES.length) {
      throw new WireFormatException("bad type frame");
    }
    return TYPES[frame[0] & 0xff];
  }

  private void register(byte[] from, Messages.RegisterEndpoint hello) {
    if (!endpointId.equals(hello.endpointId())) {
      sendTo(
          from,
          new WireMessage(
              MessageType.REJECTED,
              new Messages.Rejected("unknown endpoint " + hello.endpointId())));
      return;
    }
    route = from;
    registrations++;
    send(
        new WireMessage(
            MessageType.ENDPOINT_REGISTERED,
            new Messages.EndpointRegistered(endpointId, heartbeatMillis)));
    registered.complete(null);
  }

  private void sendTasksAndAdvance() {
    int n;
    while (route != null && (n = load.sendable(batchSize)) > 0) {
      List<TaskSpec> tasks = new ArrayList<>(n);
      for (long seq = load.sent; seq < load.sent + n; seq++) {
        tasks.add(new TaskSpec(TaskIds.of(seq), NOOP.hash(), "[" + seq + "]", 0, null));
      }
      if (!send(
          new WireMessage(
              MessageType.TASKS, new Messages.Tasks(Map.of(NOOP.hash(), NOOP), tasks)))) {
        break;
      }
      load.sent += n;
    }
    load.maxSilenceMillis = maxSilenceMillis;
    if (load.advance(System.nanoTime())) load = null;
  }

  private void heartbeat(long now) {
    if (route == null || now < nextHeartbeatMillis) return;
    nextHeartbeatMillis = now + heartbeatMillis;
    send(new WireMessage(MessageType.HEARTBEAT, Messages.Heartbeat.EMPTY));
  }

  private boolean send(WireMessage message) {
    return route != null && sendTo(route, message);
  }

  private boolean sendTo(byte[] to, WireMessage message) {
    try {
      return message.sendTo(router, to);
    } catch (ZMQException e) {
      return false;
    }
  }

  @Override
  public void close() {
    running = false;
    Joins.join(List.of(thread), 10_000);
    context.close();
  }
}
