package org.funcx.endpoint.interchange;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.funcx.core.model.ErrorKind;
import org.funcx.core.model.FunctionSpec;
import org.funcx.core.model.TaskError;
import org.funcx.core.wire.HopTrace;
import org.funcx.core.wire.Inbox;
import org.funcx.core.wire.LiveOutputLimits;
import org.funcx.core.wire.Liveness;
import org.funcx.core.wire.Mailbox;
import org.funcx.core.wire.ResultEnvelope;
import org.funcx.core.wire.MessageType;
import org.funcx.core.wire.Messages;
import org.funcx.core.wire.Messages.TaskResult;
import org.funcx.core.wire.Messages.TaskSpec;
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
 * the ROUTER that managers connect to, and all task bookkeeping. Each loop pass runs the steps
 * below in order; every step is a method named after what it does.
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
  /** Registered managers. */
  private final Map<ManagerGate.Identity, ManagerSlot> slots = new HashMap<>();
  /**
   * Managers given up on (missed heartbeats) whose block still runs: one may come back, and its
   * answers to the tasks it held still count.
   */
  private final Map<ManagerGate.Identity, ManagerSlot> lostSlots = new HashMap<>();
  private final List<String> dispatched = new ArrayList<>();
  /** Output of running tasks to forward with the next pass; bounded, best effort (see below). */
  private final List<Messages.OutputChunk> liveOutput = new ArrayList<>();
  private final long heartbeatMillis;
  private long nextManagerHeartbeat;
  private volatile boolean running = true;
  private volatile Supplier<String> problems = () -> null;
  private volatile Supplier<BlockCounts> blocks = () -> BlockCounts.NONE;
  private volatile LoadSnapshot load = LoadSnapshot.EMPTY;
  private long nextLoadSnapshot;
  private int dispatchRound;

  /** An interchange on a plain link: only for in-process simulations against a fake forwarder. */
  public Interchange(EndpointConfig config, String forwarderAddress, ZContext context) {
    this(config, forwarderAddress, null, context);
  }

  /** An interchange whose link to the forwarder is CURVE-encrypted with {@code keys}. */
  public Interchange(EndpointConfig config, String forwarderAddress, CurveClientKeys keys,
      ZContext context) {
    this.config = config;
    this.context = context;
    this.heartbeatMillis = config.heartbeatMillis();
    // The ZAP handler answers before the port is bound, so no handshake ever finds it missing.
    this.managerAdmission = new ZAuth(context, "funcx-manager-zap",
        Map.of("PLAIN", new BlockAdmission(secrets, counters)));
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
      this.managerPort = config.interchangePort() == 0 ? managers.bindToRandomPort(bindHost)
          : bindFixed(bindHost + ":" + config.interchangePort(), config.interchangePort());
    } catch (RuntimeException cannotBind) {
      // The handler's thread would keep a failed agent's JVM alive, never exiting (the port
      // taken: SupervisionTest.an_agent_that_cannot_start_says_why_first_…).
      managers.close();
      managerAdmission.close();
      throw cannotBind;
    }
    this.service = new ServiceLink(context, forwarderAddress, keys, config.endpointId(),
        "slurm".equals(config.provider()) ? config.slurm().blockShape() : null, heartbeatMillis);
    this.events = new Mailbox<>(context, "interchange");
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
        dispatchToManagers();
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
    Inbox.drain(service.socket(), false, 1_000, (route, m) -> onServiceMessage(m), log,
        "the service");
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
      case CANCEL -> cancel(message.body(Messages.TaskIds.class).taskIds());
      case RESULTS_ACK -> book.acknowledged(message.body(Messages.TaskIds.class).taskIds());
      case RECONNECT -> {
        service.registered(false);
        service.register();
      }
      case REJECTED -> log.error("the service rejected this endpoint: {}",
          message.body(Messages.Rejected.class).reason());
      case SHUTDOWN -> {
        log.warn("the service asked this endpoint to shut down (endpoint deleted)");
        running = false;
      }
      case HEARTBEAT -> { }
      default -> log.warn("unexpected {} from the service", message.type());
    }
  }

  /**
   * The service has already recorded these tasks as cancelled: forget them here, and tell the
   * managers running them to stop them (their answers are ignored).
   */
  private void cancel(List<String> taskIds) {
    Map<ManagerSlot, List<String>> byManager = new HashMap<>();
    for (String id : taskIds) {
      book.cancel(id);
      for (ManagerSlot slot : slots.values()) {
        if (slot.inflight.remove(id)) {
          slot.cancelledHere.add(id); // its answer still brings what it printed
          byManager.computeIfAbsent(slot, s -> new ArrayList<>()).add(id);
        }
      }
    }
    byManager.forEach((slot, ids) -> sendToManager(slot,
        new WireMessage(MessageType.CANCEL, new Messages.TaskIds(ids))));
    log.info("{} task(s) cancelled by the service, {} of them on managers", taskIds.size(),
        byManager.values().stream().mapToInt(List::size).sum());
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
        book.complete(ResultEnvelope.json(TaskResult.failure(t.taskId(), TaskError.of(
            ErrorKind.FUNCTION_NOT_ALLOWED, "endpoint " + config.name() + " does not run function "
                + t.functionId() + " (not in its allowed_functions)"))));
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
      reply(route, new WireMessage(MessageType.CHALLENGE,
          new Messages.Challenge(gate.challenge(connection, now))));
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
      log.warn("dropped {} from manager {}: its block {} ended", message.type(),
          identity.managerId(), identity.blockId());
      reply(route, new WireMessage(MessageType.SHUTDOWN, new Messages.Empty()));
      return;
    }
    ManagerSlot slot = slots.get(identity);
    if (slot == null) {
      // A manager this interchange gave up on (missed heartbeats: a stalled JVM, a paused node)
      // is alive after all: it registers again and keeps its block, rather than ending it. Its
      // answers to the tasks it held still count (they were requeued; the first answer wins).
      ManagerSlot lost = lostSlots.get(identity);
      if (lost != null && message.type() == MessageType.RESULTS) takeResults(lost, message);
      reply(route, new WireMessage(MessageType.RECONNECT, new Messages.Empty()));
      return;
    }
    slot.routingId = route;
    slot.lastSeenMillis = now;
    switch (message.type()) {
      case HEARTBEAT -> slot.load = message.body(Messages.Heartbeat.class);
      case TASKS -> handedBack(slot, message.body(Messages.Tasks.class).tasks());
      case RESULTS -> {
        slot.adaptPrefetch(message.body(Messages.Results.class).meanTaskMicros());
        takeResults(slot, message);
      }
      case OUTPUT -> keepLiveOutput(slot, message.body(Messages.LiveOutput.class));
      default -> log.warn("unexpected {} from manager {}", message.type(), slot.info.managerId());
    }
  }

  /** Registers a manager whose proof the gate accepts; otherwise it is told why not. */
  private void register(byte[] route, ByteBuffer connection, Messages.RegisterManager info,
      long now) {
    ManagerGate.Refusal refusal = gate.admit(connection, info, now);
    if (refusal != null) {
      counters.refusedRegistrations.incrementAndGet();
      refusals.refused(info, refusal.reason(), now);
      reply(route, refusal.challengeAgain()
          ? new WireMessage(MessageType.CHALLENGE,
              new Messages.Challenge(gate.challenge(connection, now)))
          : new WireMessage(MessageType.REJECTED, new Messages.Rejected(refusal.reason())));
      return;
    }
    var identity = new ManagerGate.Identity(info.blockId(), info.managerId());
    ManagerSlot known = slots.get(identity);
    if (known != null) { // registered twice, or from a new connection: keep what it holds
      known.routingId = route;
      known.lastSeenMillis = now;
      return;
    }
    ManagerSlot slot = new ManagerSlot(identity, route, info, now);
    ManagerSlot lost = lostSlots.remove(identity);
    if (lost != null) slot.mayStillAnswer.addAll(lost.mayStillAnswer);
    slots.put(identity, slot);
    counters.registrations.incrementAndGet();
    log.info("manager {} (block {}, pid {}, {} workers) connected", info.managerId(),
        info.blockId(), info.pid(), info.workers());
  }

  /**
   * Completes the tasks a manager answered. An answer counts only for a task dispatched to that
   * manager: one for a task another manager holds (or that is queued) is dropped and logged; one
   * for a task this endpoint no longer knows (cancelled, already answered) is ignored as before.
   */
  private void takeResults(ManagerSlot slot, WireMessage message) {
    int foreign = 0;
    String example = null;
    for (ResultEnvelope r : ResultEnvelope.unpack(message)) {
      String taskId = r.taskId();
      if (slot.inflight.remove(taskId) || slot.mayStillAnswer.remove(taskId)
          || slot.cancelledHere.remove(taskId)) {
        HopTrace.mark("7-interchange-got-result", taskId);
        book.complete(r);
      } else if (book.isKnown(taskId)) {
        foreign++;
        if (example == null) example = taskId;
      }
    }
    if (foreign == 0) return;
    counters.foreignResults.addAndGet(foreign);
    log.warn("dropped {} result(s) from manager {} (block {}) for tasks not dispatched to it,"
        + " e.g. task {}", foreign, slot.info.managerId(), slot.identity.blockId(), example);
  }

  /**
   * A manager that is restarting itself hands back the tasks it has not started: they go to the
   * head of the queue (no retry counted, they never ran) and the manager gets no more.
   */
  private void handedBack(ManagerSlot slot, List<TaskSpec> tasks) {
    slot.draining = true;
    for (int i = tasks.size() - 1; i >= 0; i--) {
      String id = tasks.get(i).taskId();
      if (slot.inflight.remove(id)) book.requeue(id);
    }
    log.info("manager {} is restarting; {} tasks it had not started are queued again",
        slot.info.managerId(), tasks.size());
  }

  private void onProviderEvent(ProviderEvent event) {
    if (event instanceof ProviderEvent.BlockEnded ended) {
      lostSlots.values().removeIf(s -> s.identity.blockId().equals(ended.blockId()));
      slots.values().stream().filter(s -> s.identity.blockId().equals(ended.blockId())).toList()
          .forEach(s -> managerLost(s, "its block " + ended.blockId() + " ended: " + ended.reason()));
      for (byte[] route : gate.forgetBlock(ended.blockId())) {
        reply(route, new WireMessage(MessageType.SHUTDOWN, new Messages.Empty()));
      }
    } else if (event instanceof ProviderEvent.Stop) {
      running = false;
    }
  }

  /**
   * Hands queued tasks to managers with free slots, each at most its fair share of the queue per
   * pass (so a thousand managers all get work, not the first few up to their prefetch), starting
   * with a different manager every pass.
   */
  private void dispatchToManagers() {
    giveUpWithdrawnSecrets();
    List<ManagerSlot> open = new ArrayList<>();
    for (ManagerSlot slot : slots.values()) if (slot.free() > 0) open.add(slot);
    if (open.isEmpty() || book.queued() == 0) return;
    int share = Math.max(1, (book.queued() + open.size() - 1) / open.size());
    int first = Math.floorMod(dispatchRound++, open.size());
    for (int i = 0; i < open.size(); i++) {
      ManagerSlot slot = open.get((first + i) % open.size());
      if (!dispatchTo(slot, Math.min(slot.free(), share))) return;
    }
  }

  /**
   * A manager whose block's secret was withdrawn (the block ended) gets no more tasks and its
   * tasks are requeued at once, before the provider's event arrives: waiting for it to miss its
   * heartbeats let tasks go to a connection that no longer counts (and may be gone).
   */
  private void giveUpWithdrawnSecrets() {
    List<ManagerSlot> withdrawn = null;
    for (ManagerSlot slot : slots.values()) {
      if (!secrets.isLive(slot.identity.blockId())) {
        if (withdrawn == null) withdrawn = new ArrayList<>();
        withdrawn.add(slot);
      }
    }
    if (withdrawn != null) withdrawn.forEach(s -> managerLost(s, "its block's secret was withdrawn"));
  }

  /** Sends up to {@code max} tasks to one manager; false when the queue ran dry. */
  private boolean dispatchTo(ManagerSlot slot, int max) {
    List<TaskSpec> batch = new ArrayList<>(Math.min(max, 1024));
    Map<String, FunctionSpec> functions = new HashMap<>();
    TaskSpec task;
    while (batch.size() < max && (task = book.poll()) != null) {
      batch.add(task);
      if (!slot.knownFunctions.contains(task.functionHash())) {
        functions.put(task.functionHash(), book.function(task.functionHash()));
      }
    }
    if (batch.isEmpty()) return false;
    if (!sendToManager(slot,
        new WireMessage(MessageType.TASKS, new Messages.Tasks(functions, batch)))) {
      // The manager's queue is full or it is gone: the tasks were never handed over.
      for (int i = batch.size() - 1; i >= 0; i--) book.requeue(batch.get(i).taskId());
      return false;
    }
    slot.knownFunctions.addAll(functions.keySet());
    for (TaskSpec t : batch) {
      slot.inflight.add(t.taskId());
      dispatched.add(t.taskId());
    }
    if (HopTrace.on()) batch.forEach(t -> HopTrace.mark("4-interchange-dispatched", t.taskId()));
    return batch.size() == max;
  }

  private void reportDispatched() {
    if (dispatched.isEmpty() || !service.isRegistered()) return;
    service.send(new WireMessage(MessageType.TASKS_RUNNING, new Messages.TaskIds(List.copyOf(dispatched))));
    dispatched.clear();
  }

  /**
   * Keeps output of tasks this manager holds, for the service. Live output is a courtesy to
   * followers (the final output travels with the result): beyond a few messages' worth waiting
   * for a link that is down, more is dropped, and followers see the gap.
   */
  private void keepLiveOutput(ManagerSlot slot, Messages.LiveOutput output) {
    if (output.chunks() == null) return;
    for (Messages.OutputChunk chunk : output.chunks()) {
      if (liveOutput.size() >= 4 * LiveOutputLimits.CHUNKS_PER_MESSAGE) return;
      if (chunk != null && slot.inflight.contains(chunk.taskId())) liveOutput.add(chunk);
    }
  }

  private void forwardLiveOutput() {
    if (liveOutput.isEmpty() || !service.isRegistered()) return;
    for (int from = 0; from < liveOutput.size(); from += LiveOutputLimits.CHUNKS_PER_MESSAGE) {
      var part = liveOutput.subList(from,
          Math.min(liveOutput.size(), from + LiveOutputLimits.CHUNKS_PER_MESSAGE));
      service.send(new WireMessage(MessageType.OUTPUT, new Messages.LiveOutput(List.copyOf(part))));
    }
    liveOutput.clear();
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
    for (ManagerSlot slot : List.copyOf(slots.values())) {
      if (now - slot.lastSeenMillis > Liveness.MANAGER_LINK_BEATS * heartbeatMillis) {
        managerLost(slot, "it missed " + Liveness.MANAGER_LINK_BEATS + " heartbeats");
      } else {
        sendToManager(slot, new WireMessage(MessageType.HEARTBEAT, Messages.Heartbeat.EMPTY));
      }
    }
  }

  /** Requeues a lost manager's tasks within the retry budget; the rest fail as worker-lost. */
  private void managerLost(ManagerSlot slot, String why) {
    slots.remove(slot.identity);
    counters.lostManagers.incrementAndGet();
    int retried = 0;
    for (String taskId : slot.inflight) {
      if (book.retry(taskId, config.maxRetries())) {
        retried++;
      } else {
        book.complete(ResultEnvelope.json(TaskResult.failure(taskId, TaskError.of(ErrorKind.WORKER_LOST,
            "manager " + slot.info.managerId() + " (block " + slot.info.blockId() + ", host "
                + slot.info.host() + ", pid " + slot.info.pid() + ") was lost: " + why
                + "; retries used up (" + config.maxRetries() + ")"))));
      }
    }
    log.warn("manager {} lost ({}); {} tasks requeued, {} failed", slot.info.managerId(), why,
        retried, slot.inflight.size() - retried);
    if (secrets.isLive(slot.identity.blockId())) { // its block runs: it may come back
      slot.mayStillAnswer.addAll(slot.inflight);
      slot.inflight.clear();
      lostSlots.put(slot.identity, slot);
    }
  }

  /** The scaler's view of the load; safe to call from any thread. */
  public LoadSnapshot loadSnapshot() {
    return load;
  }

  private void publishLoad() {
    long now = System.currentTimeMillis();
    if (now < nextLoadSnapshot) return;
    nextLoadSnapshot = now + 200;
    Map<String, Long> lastBusy = new HashMap<>();
    int inflight = 0;
    int idle = 0;
    for (ManagerSlot s : slots.values()) {
      if (!s.inflight.isEmpty()) s.lastBusyMillis = now;
      lastBusy.merge(s.info.blockId(), s.lastBusyMillis, Math::max);
      inflight += s.inflight.size();
      idle += Math.max(0, s.info.workers() - s.inflight.size());
    }
    load = new LoadSnapshot(Math.max(0, book.known() - inflight), idle, Map.copyOf(lastBusy));
  }

  private Messages.Heartbeat load() {
    int workers = 0;
    int running = 0;
    int idle = 0;
    for (ManagerSlot s : slots.values()) {
      workers += s.info.workers();
      running += s.inflight.size();
      idle += s.load.idleWorkers();
    }
    BlockCounts counts = blocks.get();
    return new Messages.Heartbeat(slots.size(), workers, idle, book.known() - running, running,
        problems.get(), counts.active(), counts.pending());
  }

  /** Sends to a manager; false when it was not sent (queue full, or the manager is gone). */
  private boolean sendToManager(ManagerSlot slot, WireMessage message) {
    try {
      return message.sendTo(managers, slot.routingId);
    } catch (org.zeromq.ZMQException e) {
      if (slots.get(slot.identity) == slot) {
        managerLost(slot, "it is unreachable (" + e.getMessage() + ")");
      }
      return false;
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
