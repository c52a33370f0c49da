package org.funcx.endpoint.interchange;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.funcx.core.model.ErrorKind;
import org.funcx.core.model.TaskError;
import org.funcx.core.wire.HopTrace;
import org.funcx.core.wire.Inbox;
import org.funcx.core.wire.LiveOutputLimits;
import org.funcx.core.wire.Mailbox;
import org.funcx.core.wire.MessageType;
import org.funcx.core.wire.Messages;
import org.funcx.core.wire.Messages.TaskResult;
import org.funcx.core.wire.Messages.TaskSpec;
import org.funcx.core.wire.ResultEnvelope;
import org.funcx.core.wire.WireMessage;
import org.funcx.endpoint.config.EndpointConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZAuth;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The endpoint's hub: one thread ({@code funcx-interchange}) owns the DEALER link to the service,
 * the ROUTER that managers connect to, and all task bookkeeping: the tasks in a {@link TaskBook},
 * the managers and what each holds in a {@link ManagerTable} (dispatch, answers, losses; no
 * sockets, so its rules are unit-tested in-process). Each loop pass runs the steps below in order;
 * every step is a method named after what it does.
 *
 * <p>Managers prove they hold their block's secret ({@link ManagerSecrets}, handed over by the
 * provider) twice: with the block's admission token in the PLAIN handshake, checked by a ZAP
 * handler ({@link BlockAdmission}), so a stranger cannot send even one message (an endless
 * multipart one would be buffered whole); then by challenge-response before they get anything
 * ({@link ManagerGate}). A registered connection speaks for its block and manager only, and a
 * manager's results count only for tasks dispatched to it. The link is not encrypted (README,
 * "Authentication and sharing").
 */
public final class Interchange implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(Interchange.class);
  private static final int RESULTS_PER_MESSAGE = 10_000;
  private static final long UNACKNOWLEDGED_RESEND_MILLIS = 10_000;

  private final EndpointConfig config;
  private final ZContext context;
  private final ZMQ.Socket managers;
  private final ZAuth managerAdmission;
  private final int managerPort;
  private final ServiceLink service;
  private final Mailbox<ProviderEvent> events;
  private final TaskBook book = new TaskBook();
  private final ManagerSecrets secrets = new ManagerSecrets();
  private final ManagerLinkCounters counters = new ManagerLinkCounters();
  private final ManagerGate gate = new ManagerGate(secrets, counters);
  private final RefusalLog refusals = new RefusalLog(log);
  private final ManagerTable table;
  private final long heartbeatMillis;
  private long nextManagerHeartbeat;
  private volatile boolean running = true;
  private volatile Supplier<String> problems = () -> null;
  private volatile Supplier<BlockCounts> blocks = () -> BlockCounts.NONE;
  private volatile LoadSnapshot load = LoadSnapshot.EMPTY;
  private long nextLoadSnapshot;

  /** An interchange on a plain link: only for in-process simulations against a fake forwarder. */
  public Interchange(EndpointConfig config, String forwarderAddress, ZContext context) {
    this(config, forwarderAddress, null, context);
  }

  /** An interchange whose link to the forwarder is CURVE-encrypted with {@code keys}. */
  public Interchange(
      EndpointConfig config, String forwarderAddress, CurveClientKeys keys, ZContext context) {
    this.config = config;
    this.context = context;
    this.heartbeatMillis = config.heartbeatMillis();
    // The ZAP handler answers before the port is bound, so no handshake ever finds it missing.
    this.managerAdmission =
        new ZAuth(
            context, "funcx-manager-zap", Map.of("PLAIN", new BlockAdmission(secrets, counters)));
    this.managers = context.createSocket(SocketType.ROUTER);
    try {
      // PLAIN, not CURVE: the handshake keeps strangers out at no cost per message (JeroMQ's
      // CURVE cost 30-40 % of large-result throughput on this link; see the README's Limits).
      managers.setZAPDomain("funcx-managers");
      managers.setPlainServer(true);
      managers.setRouterMandatory(true);
      managers.setLinger(0);
      managers.setSndHWM(100_000);
      org.funcx.core.wire.WireLimits.bound(managers);
      String bindHost = "tcp://" + config.interchangeHost();
      this.managerPort =
          config.interchangePort() == 0
              ? managers.bindToRandomPort(bindHost)
              : bindFixed(bindHost + ":" + config.interchangePort(), config.interchangePort());
    } catch (RuntimeException cannotBind) {
      // The handler's thread would keep a failed agent's JVM alive, never exiting (the port
      // taken: SupervisionTest.an_agent_that_cannot_start_says_why_first_…).
      managers.close();
      managerAdmission.close();
      throw cannotBind;
    }
    this.service =
        new ServiceLink(
            context,
            forwarderAddress,
            keys,
            config.endpointId(),
            "slurm".equals(config.provider()) ? config.slurm().blockShape() : null,
            heartbeatMillis);
    this.events = new Mailbox<>(context, "interchange");
    this.table = new ManagerTable(book, secrets, counters, config.maxRetries(), this::deliver);
  }

  private int bindFixed(String address, int port) {
    managers.bind(address);
    return port;
  }

  /** Where managers connect, e.g. {@code tcp://127.0.0.1:45123}. */
  public String managerAddress() {
    return "tcp://" + config.interchangeHost() + ":" + managerPort;
  }

  /** The blocks' secrets: providers issue one per block and withdraw it when the block ends. */
  public ManagerSecrets managerSecrets() {
    return secrets;
  }

  /** What was admitted and refused on the manager port. */
  public ManagerLinkCounters counters() {
    return counters;
  }

  public void post(ProviderEvent event) {
    events.post(event);
  }

  @Override
  public void run() {
    ZMQ.Socket serviceSocket = service.connect(System.currentTimeMillis());
    while (running) {
      ZMQ.Poller poller = context.createPoller(3);
      int fromService = poller.register(serviceSocket, ZMQ.Poller.POLLIN);
      int fromManagers = poller.register(managers, ZMQ.Poller.POLLIN);
      int fromProvider = poller.register(events.wakeSocket(), ZMQ.Poller.POLLIN);
      while (running && serviceSocket == service.socket()) {
        poller.poll(Math.max(10, heartbeatMillis / 4));
        if (poller.pollin(fromService)) receiveFromService();
        if (poller.pollin(fromManagers)) receiveFromManagers();
        if (poller.pollin(fromProvider)) events.drain(this::onProviderEvent);
        table.dispatch();
        reportDispatched();
        forwardLiveOutput();
        sendResults();
        heartbeatAndExpire();
        publishLoad();
      }
      poller.close();
      serviceSocket = service.socket();
    }
    managerAdmission.close();
    log.info("interchange stopped with {} tasks unfinished", book.known());
  }

  /** Where the endpoint's current problem comes from (the block scaler); null: none. */
  public void problems(Supplier<String> source) {
    this.problems = source;
  }

  /** Where the heartbeat's block counts come from (the block scaler). */
  public void blocks(Supplier<BlockCounts> source) {
    this.blocks = source;
  }

  private void receiveFromService() {
    Inbox.drain(
        service.socket(), false, 1_000, (route, m) -> onServiceMessage(m), log, "the service");
  }

  private void onServiceMessage(WireMessage message) {
    long now = System.currentTimeMillis();
    service.heard(now);
    switch (message.type()) {
      case ENDPOINT_REGISTERED -> {
        service.registered(true);
        book.resendUnacknowledged();
        log.info("registered with the service as endpoint {}", config.endpointId());
      }
      case TASKS -> acceptTasks(message.body(Messages.Tasks.class));
      case CANCEL -> table.cancel(message.body(Messages.TaskIds.class).taskIds());
      case RESULTS_ACK -> book.acknowledged(message.body(Messages.TaskIds.class).taskIds());
      case RECONNECT -> {
        service.registered(false);
        service.register();
      }
      case REJECTED ->
          log.error(
              "the service rejected this endpoint: {}",
              message.body(Messages.Rejected.class).reason());
      case SHUTDOWN -> {
        log.warn("the service asked this endpoint to shut down (endpoint deleted)");
        running = false;
      }
      case HEARTBEAT -> {}
      default -> log.warn("unexpected {} from the service", message.type());
    }
  }

  private void acceptTasks(Messages.Tasks tasks) {
    tasks.functions().values().forEach(book::addFunction);
    List<String> ids = new ArrayList<>(tasks.tasks().size());
    List<String> allowed = config.allowedFunctions();
    for (TaskSpec t : tasks.tasks()) {
      HopTrace.mark("3-interchange-got", t.taskId());
      book.accept(t);
      ids.add(t.taskId());
      // The service checks this too; the endpoint does not rely on it (defence in depth).
      if (!allowed.isEmpty() && !allowed.contains(t.functionId())) {
        book.complete(
            ResultEnvelope.json(
                TaskResult.failure(
                    t.taskId(),
                    TaskError.of(
                        ErrorKind.FUNCTION_NOT_ALLOWED,
                        "endpoint "
                            + config.name()
                            + " does not run function "
                            + t.functionId()
                            + " (not in its allowed_functions)"))));
      }
    }
    service.send(new WireMessage(MessageType.TASKS_ACK, new Messages.TaskIds(ids)));
  }

  private void receiveFromManagers() {
    Inbox.drain(managers, true, 1_000, this::onManagerMessage, log, "a manager");
  }

  private void onManagerMessage(byte[] route, WireMessage message) {
    long now = System.currentTimeMillis();
    ByteBuffer connection = ByteBuffer.wrap(route);
    if (message.type() == MessageType.MANAGER_HELLO) {
      reply(
          route,
          new WireMessage(
              MessageType.CHALLENGE, new Messages.Challenge(gate.challenge(connection, now))));
      return;
    }
    if (message.type() == MessageType.REGISTER_MANAGER) {
      register(route, connection, message.body(Messages.RegisterManager.class), now);
      return;
    }
    ManagerGate.Identity identity = gate.boundTo(connection);
    if (identity == null) { // not registered: nothing but hello and registration is read
      counters.unregisteredMessages.incrementAndGet();
      log.debug("dropped {} from a manager connection that has not registered", message.type());
      return;
    }
    if (!secrets.isLive(identity.blockId())) {
      // Registered before its block ended: the withdrawn secret counts no more.
      counters.withdrawnSecretMessages.incrementAndGet();
      gate.unbind(connection);
      log.warn(
          "dropped {} from manager {}: its block {} ended",
          message.type(),
          identity.managerId(),
          identity.blockId());
      reply(route, new WireMessage(MessageType.SHUTDOWN, new Messages.Empty()));
      return;
    }
    table.fromManager(identity, route, message, now);
  }

  /** Registers a manager whose proof the gate accepts; otherwise it is told why not. */
  private void register(
      byte[] route, ByteBuffer connection, Messages.RegisterManager info, long now) {
    ManagerGate.Refusal refusal = gate.admit(connection, info, now);
    if (refusal != null) {
      counters.refusedRegistrations.incrementAndGet();
      refusals.refused(info, refusal.reason(), now);
      reply(
          route,
          refusal.challengeAgain()
              ? new WireMessage(
                  MessageType.CHALLENGE, new Messages.Challenge(gate.challenge(connection, now)))
              : new WireMessage(MessageType.REJECTED, new Messages.Rejected(refusal.reason())));
      return;
    }
    table.registered(new ManagerGate.Identity(info.blockId(), info.managerId()), route, info, now);
  }

  private void onProviderEvent(ProviderEvent event) {
    if (event instanceof ProviderEvent.BlockEnded ended) {
      table.blockEnded(ended.blockId(), ended.reason());
      for (byte[] route : gate.forgetBlock(ended.blockId())) {
        reply(route, new WireMessage(MessageType.SHUTDOWN, new Messages.Empty()));
      }
    } else if (event instanceof ProviderEvent.Stop) {
      running = false;
    }
  }

  private void reportDispatched() {
    if (!service.isRegistered()) return;
    List<String> dispatched = table.takeDispatched();
    if (dispatched.isEmpty()) return;
    service.send(new WireMessage(MessageType.TASKS_RUNNING, new Messages.TaskIds(dispatched)));
  }

  private void forwardLiveOutput() {
    if (!service.isRegistered()) return;
    List<Messages.OutputChunk> liveOutput = table.takeLiveOutput();
    for (int from = 0; from < liveOutput.size(); from += LiveOutputLimits.CHUNKS_PER_MESSAGE) {
      var part =
          liveOutput.subList(
              from, Math.min(liveOutput.size(), from + LiveOutputLimits.CHUNKS_PER_MESSAGE));
      service.send(new WireMessage(MessageType.OUTPUT, new Messages.LiveOutput(List.copyOf(part))));
    }
  }

  private void sendResults() {
    int messages = 0;
    int results = 0;
    while (service.isRegistered() && book.hasOutbox()) {
      var batch = book.takeOutbox(RESULTS_PER_MESSAGE);
      service.send(ResultEnvelope.pack(batch, 0));
      messages++;
      results += batch.size();
      if (HopTrace.on()) batch.forEach(r -> HopTrace.mark("8-interchange-sent-result", r.taskId()));
    }
    if (messages > 1) log.debug("{} results sent to the service in {} messages", results, messages);
  }

  private void heartbeatAndExpire() {
    long now = System.currentTimeMillis();
    if (service.silent(now) || service.registrationOverdue(now)) {
      service.connect(now);
    } else if (service.heartbeatDue(now)) {
      service.send(new WireMessage(MessageType.HEARTBEAT, load()));
      if (service.isRegistered()) {
        int resent = book.resendOlderThan(UNACKNOWLEDGED_RESEND_MILLIS);
        if (resent > 0) log.info("sending {} unacknowledged results again", resent);
      }
    }
    // Whatever the service link does, managers are heartbeated: between reconnects this used to
    // skip them, and a manager that hears nothing for its orphan time exits.
    heartbeatManagers(now);
  }

  private void heartbeatManagers(long now) {
    if (now < nextManagerHeartbeat) return;
    nextManagerHeartbeat = now + heartbeatMillis;
    table.heartbeat(now, heartbeatMillis);
  }

  /** The scaler's view of the load; safe to call from any thread. */
  public LoadSnapshot loadSnapshot() {
    return load;
  }

  private void publishLoad() {
    long now = System.currentTimeMillis();
    if (now < nextLoadSnapshot) return;
    nextLoadSnapshot = now + 200;
    load = table.loadSnapshot(now);
  }

  private Messages.Heartbeat load() {
    return table.heartbeatFigures(problems.get(), blocks.get());
  }

  /** The table's outlet: the ROUTER socket. A connection gone meanwhile raises an error here. */
  private ManagerTable.Delivery deliver(byte[] route, WireMessage message) {
    try {
      return message.sendTo(managers, route)
          ? ManagerTable.Delivery.SENT
          : ManagerTable.Delivery.QUEUE_FULL;
    } catch (org.zeromq.ZMQException e) {
      log.debug("could not send {} to a manager connection: {}", message.type(), e.getMessage());
      return ManagerTable.Delivery.GONE;
    }
  }

  /** Answers a connection that may have no slot; a connection gone meanwhile needs no answer. */
  private void reply(byte[] route, WireMessage message) {
    try {
      message.sendTo(managers, route);
    } catch (org.zeromq.ZMQException e) {
      log.debug("could not answer a manager connection: {}", e.getMessage());
    }
  }

  public void stop() {
    events.post(new ProviderEvent.Stop());
  }
}
