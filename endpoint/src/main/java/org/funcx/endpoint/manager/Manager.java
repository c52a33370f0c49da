package org.funcx.endpoint.manager;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.funcx.core.wire.HopTrace;
import org.funcx.core.wire.Inbox;
import org.funcx.core.wire.LiveOutputLimits;
import org.funcx.core.wire.Liveness;
import org.funcx.core.wire.Mailbox;
import org.funcx.core.wire.MessageType;
import org.funcx.core.wire.Messages;
import org.funcx.core.wire.ResultBatches;
import org.funcx.core.wire.ResultEnvelope;
import org.funcx.core.wire.WireLimits;
import org.funcx.core.wire.WireMessage;
import org.funcx.endpoint.config.SiteClasspath;
import org.funcx.endpoint.interchange.BlockSecret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * One manager process (a "block" of the provider): connects to the interchange, receives batches
 * of tasks, runs them on its {@link WorkerPool} and sends results back in batches. Its loop thread
 * ({@code funcx-manager}) owns the socket; workers hand results over through a {@link Mailbox}.
 * A manager that hears nothing from its interchange for {@code orphanMillis} exits. It registers
 * by challenge-response: hello, the interchange's nonce, then its registration signed with its
 * block's secret ({@link BlockSecret}); a refused registration ends it.
 *
 * <p>A manager whose workers had to be written off (threads stuck in stopped tasks, see
 * {@link WorkerPool}) restarts itself, because only the end of its JVM frees them: it hands the
 * tasks it has not started back to the interchange, lets its running tasks finish, and exits with
 * {@link ManagerExit#RESTART}; the provider starts a fresh manager as for any ended block.
 */
public final class Manager implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Manager.class);

  /** Results per RESULTS message, also bounded in bytes by {@link WireLimits#RESULT_BATCH_BYTES}. */
  private static final int RESULTS_PER_MESSAGE = 10_000;

  private final ZContext context = new ZContext();
  private final String interchangeAddress;

  /** The link to the interchange; replaced when the interchange stays silent (see run). */
  private ZMQ.Socket socket;

  private HandshakeRefusals handshake;
  private final Mailbox<ResultEnvelope> results;
  private final WorkerPool pool;
  private final TaskRunner runner;
  private final LibrarySets librarySets;
  private final Messages.RegisterManager identity;
  private final BlockSecret secret;
  private final long heartbeatMillis;
  private final long orphanMillis;
  private volatile boolean running = true;
  private volatile boolean looping;
  private final CountDownLatch loopEnded = new CountDownLatch(1);
  private volatile boolean restartRequested;
  private boolean draining;
  private ManagerExit exit = ManagerExit.NORMAL;

  public Manager(ManagerOptions options) {
    this.heartbeatMillis = options.heartbeatMillis();
    this.orphanMillis = Math.max(10_000, Liveness.SERVICE_LINK_BEATS * heartbeatMillis);
    this.interchangeAddress = options.interchange();
    this.secret = options.secret();
    // Set before connect(): the handshake's admission token names the block.
    this.identity =
        new Messages.RegisterManager(
            options.managerId(),
            options.blockId(),
            WorkerPool.workers(options.workers(), options.accelerators()),
            options.prefetch(),
            hostName(),
            ProcessHandle.current().pid(),
            null);
    this.socket = connect();
    this.results = new Mailbox<>(context, "manager");
    this.librarySets =
        new LibrarySets(options.repositories(), SiteClasspath.jars(options.siteClasspath()));
    this.runner =
        new TaskRunner(
            options.maxResultBytes(),
            librarySets,
            new ShellSandbox(options.sandboxRoot(), options.keepSandboxes()));
    // Seen by the loop within a quarter heartbeat.
    this.pool =
        new WorkerPool(
            options.workers(),
            options.accelerators(),
            runner,
            results::post,
            stuck -> restartRequested = true);
  }

  /**
   * Runs until the interchange says SHUTDOWN, goes silent, {@link #close()} is called, or the
   * manager restarts itself; returns how it ended (the process's exit code).
   */
  public ManagerExit run() {
    looping = true;
    try {
      return loop();
    } finally {
      loopEnded.countDown();
    }
  }

  private ManagerExit loop() {
    sayHello();
    ZMQ.Poller poller = poller();
    final int fromInterchange = 0; // the order poller() registers in
    final int fromWorkers = 1;
    final int fromHandshake = 2;
    long lastHeard = System.currentTimeMillis();
    long nextHeartbeat = 0;
    long nextRegistration = 0;
    boolean heardOnThisConnection = false;
    long lastTurn = System.currentTimeMillis();
    long nextLiveOutput = 0;
    long pollMillis =
        Math.max(10, Math.min(heartbeatMillis / 4, LiveOutputLimits.SEND_INTERVAL_MILLIS));
    while (running) {
      poller.poll(pollMillis);
      long now = System.currentTimeMillis();
      if (now - lastTurn > heartbeatMillis) {
        // This process was not running (SIGSTOP, a long GC pause, a suspended node): silence it
        // could not hear does not count, and the interchange's messages queued meanwhile may
        // reach this socket only after this turn. Deciding it orphaned now would end a block
        // the interchange is ready to take back (it answers the next heartbeat with RECONNECT).
        log.warn(
            "manager {} was paused for {} ms; waiting for its interchange afresh",
            identity.managerId(),
            now - lastTurn);
        lastHeard = now;
      }
      lastTurn = now;
      if (poller.pollin(fromInterchange)) {
        receive();
        lastHeard = now;
        heardOnThisConnection = true;
      }
      if (poller.pollin(fromWorkers)) sendResults();
      if (poller.pollin(fromHandshake) && handshake.refused()) {
        log.error(
            "the interchange refused the handshake of manager {} of block {}: the block's"
                + " admission token is withdrawn (the block ended) or wrong",
            identity.managerId(),
            identity.blockId());
        exit = ManagerExit.REJECTED;
        running = false;
      }
      if (now >= nextLiveOutput) {
        nextLiveOutput = now + LiveOutputLimits.SEND_INTERVAL_MILLIS;
        sendLiveOutput();
      }
      if (restartRequested) drainForRestart();
      if (now >= nextHeartbeat) {
        nextHeartbeat = now + heartbeatMillis;
        send(
            new WireMessage(
                MessageType.HEARTBEAT,
                new Messages.Heartbeat(
                    1, pool.size(), pool.idle(), pool.queued(), pool.size() - pool.idle())));
      }
      if (now - lastHeard > orphanMillis / 2 && now >= nextRegistration) {
        // Silent for half the orphan time: the interchange may never have had the registration
        // (lost with a connection reset under load), may have restarted, or this connection may
        // be stuck in its handshake (seen: a first manager whose four registrations never
        // arrived while a second manager connected at once). A new connection, then registering
        // again, covers all three. The interchange sees a new connection; answers to tasks this
        // manager holds still count when they arrive on it.
        // Only a connection that never carried anything is replaced: one that did may hold
        // queued answers (a manager resumed after a pause reads them on its next poll).
        nextRegistration = now + heartbeatMillis;
        log.warn(
            "interchange silent for {} ms; {}registering again",
            now - lastHeard,
            heardOnThisConnection ? "" : "connecting again and ");
        if (!heardOnThisConnection) {
          poller.close();
          handshake.close();
          socket.close();
          socket = connect();
          poller = poller();
        }
        sayHello();
      }
      if (now - lastHeard > orphanMillis) {
        log.warn(
            "interchange silent for {} ms; manager {} exits",
            now - lastHeard,
            identity.managerId());
        exit = ManagerExit.ORPHANED;
        running = false;
      }
    }
    poller.close();
    return exit;
  }

  /**
   * Polls the interchange's socket (index 0), the workers' wake-up socket (index 1) and the
   * handshake's refusals (index 2).
   */
  private ZMQ.Poller poller() {
    ZMQ.Poller poller = context.createPoller(3);
    poller.register(socket, ZMQ.Poller.POLLIN);
    poller.register(results.wakeSocket(), ZMQ.Poller.POLLIN);
    poller.register(handshake.socket(), ZMQ.Poller.POLLIN);
    return poller;
  }

  private ZMQ.Socket connect() {
    ZMQ.Socket dealer = context.createSocket(SocketType.DEALER);
    dealer.setLinger(0);
    dealer.setSndHWM(100_000);
    WireLimits.bound(dealer);
    secret.applyPlain(dealer, identity.blockId());
    handshake = new HandshakeRefusals(context, dealer);
    dealer.connect(interchangeAddress);
    return dealer;
  }

  /** Gives the interchange back what has not started; exits once running tasks are done. */
  private void drainForRestart() {
    if (!draining) {
      draining = true;
      List<Messages.TaskSpec> notStarted = pool.drain();
      log.warn(
          "manager {} restarts itself: {} worker threads are stuck in stopped tasks;"
              + " {} tasks handed back, {} still running",
          identity.managerId(),
          pool.writtenOff(),
          notStarted.size(),
          pool.busy());
      send(new WireMessage(MessageType.TASKS, new Messages.Tasks(Map.of(), notStarted)));
    }
    if (pool.busy() == 0) {
      sendResults(); // every answer was posted before its worker stopped counting as busy
      exit = ManagerExit.RESTART;
      running = false;
    }
  }

  private void receive() {
    Inbox.drain(
        socket,
        false,
        1_000,
        (route, message) -> {
          switch (message.type()) {
            case TASKS -> {
              var tasks = message.body(Messages.Tasks.class);
              if (HopTrace.on())
                tasks.tasks().forEach(t -> HopTrace.mark("5-manager-got", t.taskId()));
              tasks.functions().values().forEach(runner::learn);
              tasks.tasks().forEach(pool::submit);
            }
            case CANCEL -> {
              List<String> ids = message.body(Messages.TaskIds.class).taskIds();
              long stopped = ids.stream().filter(pool::cancel).count();
              log.info("{} task(s) cancelled; {} were here and are stopped", ids.size(), stopped);
            }
            case RECONNECT -> {
              log.warn(
                  "the interchange had given this manager up (missed heartbeats); registering"
                      + " again");
              sayHello();
            }
            case CHALLENGE ->
                send(
                    new WireMessage(
                        MessageType.REGISTER_MANAGER,
                        identity.withProof(
                            secret.proof(
                                message.body(Messages.Challenge.class).nonce(),
                                identity.blockId(),
                                identity.managerId()))));
            case REJECTED -> {
              log.error(
                  "the interchange refused manager {} of block {}: {}",
                  identity.managerId(),
                  identity.blockId(),
                  message.body(Messages.Rejected.class).reason());
              exit = ManagerExit.REJECTED;
              running = false;
            }
            case SHUTDOWN -> running = false;
            case HEARTBEAT -> {}
            default -> log.warn("unexpected {} from the interchange", message.type());
          }
        },
        log,
        "the interchange");
  }

  /** Asks for a challenge; registering is the answer to it. */
  private void sayHello() {
    send(new WireMessage(MessageType.MANAGER_HELLO, new Messages.Empty()));
  }

  private void sendResults() {
    List<ResultEnvelope> batch = new ArrayList<>();
    results.drain(batch::add);
    List<List<ResultEnvelope>> parts = ResultBatches.split(batch, RESULTS_PER_MESSAGE);
    for (var part : parts) {
      send(ResultEnvelope.pack(part, pool.meanRunMicros()));
      if (HopTrace.on()) part.forEach(r -> HopTrace.mark("6-manager-sent-result", r.taskId()));
    }
    if (parts.size() > 1) log.debug("{} results sent in {} messages", batch.size(), parts.size());
  }

  /** What running tasks printed since last time, in one message; nothing when none printed. */
  private void sendLiveOutput() {
    var chunks = pool.newOutput(LiveOutputLimits.CHUNKS_PER_MESSAGE);
    if (!chunks.isEmpty())
      send(new WireMessage(MessageType.OUTPUT, new Messages.LiveOutput(chunks)));
  }

  private void send(WireMessage message) {
    if (!message.sendTo(socket)) log.warn("could not send {} to the interchange", message.type());
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      return ManagementFactory.getRuntimeMXBean().getName();
    }
  }

  @Override
  public void close() {
    running = false;
    pool.close();
    // The loop owns the socket: closing the context under a thread still polling it can hang the
    // JVM's exit on SIGTERM (seen with JeroMQ on JDK 25). The loop sees running within a turn.
    if (looping) {
      try {
        loopEnded.await(heartbeatMillis + 2_000, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    librarySets.close();
    context.close();
  }
}
