package org.funcx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.funcx.client.EndpointInfo;
import org.funcx.client.FuncXClient;
import org.funcx.client.RegisteredFunction;
import org.funcx.client.TaskOptions;
import org.funcx.client.TaskStatus;
import org.funcx.client.auth.TokenStore;
import org.funcx.core.model.TaskState;
import org.funcx.core.wire.MessageType;
import org.funcx.endpoint.config.EndpointConfig;
import org.funcx.endpoint.config.EndpointEnrollment;
import org.funcx.endpoint.config.EndpointKeys;
import org.funcx.endpoint.interchange.CurveClientKeys;
import org.funcx.endpoint.interchange.Interchange;
import org.funcx.endpoint.interchange.ManagerKeys;
import org.funcx.endpoint.interchange.ProviderEvent;
import org.funcx.endpoint.manager.Manager;
import org.funcx.endpoint.manager.ManagerOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Attacks on the interchange's manager port, through real sockets: a real service (its own
 * process) and a real interchange in this JVM (so the test can issue keys as a provider does and
 * read its counters), real managers and hand-driven JeroMQ clients. Strangers get nothing; a
 * manager with issued keys speaks only for its own block and its own tasks.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ManagerAuthenticationTest {
  static TestCluster cluster;
  static FuncXClient client;
  static String endpointId;
  static ZContext context;
  static Interchange interchange;
  static Thread interchangeThread;
  static ManagerKeys keys;

  @BeforeAll
  static void start() throws Exception {
    cluster = new TestCluster();
    client = cluster.client();
    Path dir = cluster.home.root().resolve("in-process-endpoint");
    EndpointConfig config = EndpointEnrollment.register(client, dir,
        EndpointConfig.defaults("attacked", cluster.url));
    endpointId = config.endpointId();
    EndpointInfo service = FuncXClient.connect(cluster.url, new TokenStore(dir))
        .endpointDetails(endpointId);
    EndpointKeys own = EndpointKeys.load(dir);
    context = new ZContext();
    interchange = new Interchange(config, service.forwarderAddress(), new CurveClientKeys(
        service.forwarderPublicKey(), own.publicKey(), own.secretKey()), context);
    keys = interchange.managerKeys();
    interchangeThread = new Thread(interchange, "funcx-interchange");
    interchangeThread.start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (interchange != null) {
      interchange.stop();
      interchangeThread.join(10_000);
    }
    if (context != null) context.close();
    if (cluster != null) cluster.close();
  }

  @Test
  void strangers_and_withdrawn_keys_get_no_registration_and_no_tasks() throws Exception {
    long registrations = interchange.counters().registrations();
    long refused = keys.refusedConnections();
    CurveClientKeys issued = keys.issue("wrong-server");
    CurveClientKeys wrongServer = new CurveClientKeys(ZMQ.Curve.generateKeyPair().publicKey,
        issued.publicKey(), issued.secretKey());
    ZMQ.Curve.KeyPair unknown = ZMQ.Curve.generateKeyPair();
    try (var plain = new HandManager(context, interchange.managerAddress(), null, "plain");
        var stranger = new HandManager(context, interchange.managerAddress(), new CurveClientKeys(
            keys.serverPublicKey(), unknown.publicKey, unknown.secretKey), "stranger");
        var impostor = new HandManager(context, interchange.managerAddress(), wrongServer,
            "wrong-server")) {
      for (HandManager m : List.of(plain, stranger, impostor)) m.register();
      // ZAP runs on its own thread: wait for its refusal, and for each handshake to fail.
      until("the unknown key refused by ZAP", () -> keys.refusedConnections() > refused,
          plain, stranger, impostor);
      until("every stranger's handshake to fail", () -> plain.failedHandshakes > 0
          && stranger.failedHandshakes > 0 && impostor.failedHandshakes > 0,
          plain, stranger, impostor);

      // A real task still runs meanwhile, on a real manager, and no stranger saw any of it.
      try (var manager = runManager("block-real")) {
        RegisteredFunction sq = client.register("long sq(long x) { return x * x; }");
        assertThat(result(submit(sq, 7), plain, stranger, impostor).getAsLong()).isEqualTo(49);
      }
      for (HandManager m : List.of(plain, stranger, impostor)) {
        m.pump();
        assertThat(m.succeededHandshakes).isZero();
        assertThat(m.received).isEmpty();
      }
    }
    assertThat(interchange.counters().registrations()).isEqualTo(registrations + 1);
    blockEnded("wrong-server");

    // A block that ended: its key is refused on a new connection, and an open one is shut down.
    CurveClientKeys ended = keys.issue("block-ended");
    try (var before = new HandManager(context, interchange.managerAddress(), ended, "block-ended")) {
      before.register();
      until("the block's manager to register",
          () -> interchange.counters().registrations() == registrations + 2, before);
      long refusedBefore = keys.refusedConnections();
      long lost = interchange.counters().lostManagers();
      keys.withdraw("block-ended");
      // Given up though it still heartbeats, and given no task: a task submitted now waits for a
      // manager whose key counts (it used to go to this one and sit there until it missed 3
      // heartbeats).
      String queued = submit(client.register("long cube(long x) { return x * x * x; }"), 3);
      until("the ended block's manager given up", () -> interchange.counters().lostManagers() > lost,
          before);
      try (var manager = runManager("block-after-withdrawal")) {
        assertThat(result(queued, before).getAsLong()).isEqualTo(27);
      }
      assertThat(before.tasks).isEmpty();
      before.send(new org.funcx.core.wire.WireMessage(MessageType.HEARTBEAT,
          org.funcx.core.wire.Messages.Heartbeat.EMPTY));
      until("the open connection of the ended block to be told to shut down",
          () -> before.received.contains(MessageType.SHUTDOWN), before);
      assertThat(interchange.counters().withdrawnKeyMessages()).isPositive();
      try (var after = new HandManager(context, interchange.managerAddress(), ended, "block-ended")) {
        after.register();
        until("the withdrawn key refused by ZAP", () -> keys.refusedConnections() > refusedBefore,
            after);
        assertThat(after.received).isEmpty();
      }
    }
  }

  @Test
  void a_manager_speaks_only_for_its_own_block_and_its_own_tasks() throws Exception {
    RegisteredFunction sq = client.register("long sq(long x) { return x * x; }");
    RegisteredFunction held = client.register("""
        String held(String path) {
          java.nio.file.Path file = java.nio.file.Path.of(path);
          for (int i = 0; i < 12_000 && !java.nio.file.Files.exists(file); i++) {
            try { Thread.sleep(10); } catch (InterruptedException e) { return "interrupted"; }
          }
          return java.nio.file.Files.exists(file) ? "released" : "never released";
        }""");
    Path release = Files.createTempDirectory(cluster.home.root(), "release").resolve("go");

    // A registration that claims another block than its key's is refused.
    long refusedRegistrations = interchange.counters().refusedRegistrations();
    try (var claimer = new HandManager(context, interchange.managerAddress(),
        keys.issue("block-claimer"), "block-claimer")) {
      claimer.register("block-a");
      until("the claim of another block refused",
          () -> claimer.received.contains(MessageType.SHUTDOWN), claimer);
      assertThat(interchange.counters().refusedRegistrations()).isEqualTo(refusedRegistrations + 1);
    }
    blockEnded("block-claimer");

    try (var b = new HandManager(context, interchange.managerAddress(), keys.issue("block-b"),
        "block-b")) {
      long registrations = interchange.counters().registrations();
      b.register();
      until("manager b to register", () -> interchange.counters().registrations() > registrations, b);
      String ownTask = submit(sq, 6);
      until("manager b to hold its task", () -> !b.tasks.isEmpty(), b);
      assertThat(b.tasks.get(0).taskId()).isEqualTo(ownTask);

      try (var a = runManager("block-a")) {
        String othersTask = submit(held, release.toString());
        until("the held task to run on manager a",
            () -> client.task(othersTask).state() == TaskState.RUNNING, b);
        long foreign = interchange.counters().foreignResults();
        b.answer(othersTask, "\"forged\"");
        until("the forged result dropped", () -> interchange.counters().foreignResults() > foreign,
            b);
        Files.createFile(release);
        assertThat(result(othersTask, b).getAsString()).isEqualTo("released");

        b.answer(ownTask, "1234"); // its own task: its answer counts, whatever it is
        assertThat(result(ownTask, b).getAsLong()).isEqualTo(1234);
        b.drain();
        assertThat(result(submit(sq, 9), b).getAsLong()).isEqualTo(81);
      }
    }
    blockEnded("block-b");
  }

  /**
   * Over CURVE a large message holds up everything behind it on its link, so a manager announces
   * one with a heartbeat and may then be silent for as long as it takes to cross at the slowest
   * assumed rate. Manager c announces 60 MiB and goes silent before manager d: when d is given up
   * (its heartbeats missed), c, silent longer, is not.
   */
  @Test
  void a_manager_that_announced_a_large_message_is_not_given_up_while_it_crosses()
      throws Exception {
    RegisteredFunction sq = client.register("long sq(long x) { return x * x; }");
    try (var c = new HandManager(context, interchange.managerAddress(), keys.issue("block-c"),
        "block-c");
        var d = new HandManager(context, interchange.managerAddress(), keys.issue("block-d"),
            "block-d")) {
      long registrations = interchange.counters().registrations();
      d.register();
      until("manager d to register", () -> interchange.counters().registrations() > registrations,
          d);
      String dsTask = submit(sq, 5);
      until("manager d to hold its task", () -> !d.tasks.isEmpty(), d);
      c.register();
      until("manager c to register", () -> interchange.counters().registrations() > registrations + 1,
          c, d);

      long foreign = interchange.counters().foreignResults();
      long lost = interchange.counters().lostManagers();
      c.send(new org.funcx.core.wire.WireMessage(MessageType.HEARTBEAT,
          org.funcx.core.wire.Messages.Heartbeat.announcing(60L << 20)));
      c.answer(dsTask, "0"); // refused, but shows the announcement before it was read
      until("manager c's announcement read", () -> interchange.counters().foreignResults() > foreign,
          d);
      d.beat(); // d's last word comes after c's
      until("manager d given up", () -> interchange.counters().lostManagers() > lost);
      assertThat(interchange.counters().lostManagers()).isEqualTo(lost + 1);

      // d's task goes to c, the manager still there, and its answer lands.
      until("d's task on manager c", () -> c.tasks.stream().anyMatch(t -> t.taskId().equals(dsTask)),
          c);
      c.answer(dsTask, "25");
      assertThat(result(dsTask, c).getAsLong()).isEqualTo(25);
    }
    blockEnded("block-c");
    blockEnded("block-d");
  }

  /** What a provider does when a block ends: withdraw its key, then tell the interchange. */
  static void blockEnded(String blockId) {
    keys.withdraw(blockId);
    interchange.post(new ProviderEvent.BlockEnded(blockId, "the test ended it"));
  }

  /** A real manager in this JVM with the keys its block was issued, as a provider starts one. */
  static AutoCloseable runManager(String blockId) {
    var manager = new Manager(new ManagerOptions(interchange.managerAddress(), keys.issue(blockId),
        "manager-" + blockId, blockId, 1, 0, 2_000, 256L << 20));
    Thread thread = new Thread(manager::run, "funcx-manager-" + blockId);
    thread.start();
    return () -> {
      manager.close();
      thread.join(10_000);
      blockEnded(blockId);
    };
  }

  static String submit(RegisteredFunction function, Object argument) {
    return client.submit(function.id(), endpointId, List.of(argument), TaskOptions.DEFAULT)
        .taskIds().get(0);
  }

  static JsonElement result(String taskId, HandManager... pumped) throws Exception {
    TaskStatus[] status = new TaskStatus[1];
    until("task " + taskId + " to finish", () -> (status[0] = client.task(taskId)).finished(),
        pumped);
    assertThat(status[0].state()).as("%s", status[0]).isEqualTo(TaskState.SUCCESS);
    return status[0].result();
  }

  /** A bounded poll that keeps the hand-driven managers heartbeating and reading. */
  static void until(String what, BooleanSupplier done, HandManager... pumped) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (true) {
      for (HandManager m : pumped) m.pump();
      if (done.getAsBoolean()) return;
      if (System.nanoTime() > deadline) throw new AssertionError("gave up waiting for " + what);
      Thread.sleep(20);
    }
  }
}
