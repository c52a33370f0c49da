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
import org.funcx.core.wire.Messages;
import org.funcx.core.wire.WireMessage;
import org.funcx.core.wire.WireProtocol;
import org.funcx.deps.RepositorySettings;
import org.funcx.endpoint.config.EndpointConfig;
import org.funcx.endpoint.config.EndpointEnrollment;
import org.funcx.endpoint.config.EndpointKeys;
import org.funcx.endpoint.interchange.BlockSecret;
import org.funcx.endpoint.interchange.CurveClientKeys;
import org.funcx.endpoint.interchange.Interchange;
import org.funcx.endpoint.interchange.ManagerLinkCounters;
import org.funcx.endpoint.interchange.ManagerSecrets;
import org.funcx.endpoint.interchange.ProviderEvent;
import org.funcx.endpoint.manager.Manager;
import org.funcx.endpoint.manager.ManagerExit;
import org.funcx.endpoint.manager.ManagerOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.ZContext;

/**
 * Attacks on the interchange's manager port, through real sockets: a real service (its own
 * process) and a real interchange in this JVM (so the test can issue block secrets as a provider
 * does and read its counters), real managers and hand-driven JeroMQ clients. Strangers without a
 * live block's admission token are dropped during the handshake; past it, a connection gets
 * nothing but a challenge and a rejection until it proves the block's secret; a registered
 * manager speaks only for its own block and its own tasks.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ManagerAuthenticationTest {
  static TestCluster cluster;
  static FuncXClient client;
  static String endpointId;
  static ZContext context;
  static Interchange interchange;
  static Thread interchangeThread;
  static ManagerSecrets secrets;
  static ManagerLinkCounters counters;

  @BeforeAll
  static void start() throws Exception {
    cluster = new TestCluster();
    client = cluster.client();
    Path dir = cluster.home.root().resolve("in-process-endpoint");
    EndpointConfig config =
        EndpointEnrollment.register(client, dir, EndpointConfig.defaults("attacked", cluster.url));
    endpointId = config.endpointId();
    EndpointInfo service =
        FuncXClient.connect(cluster.url, new TokenStore(dir)).endpointDetails(endpointId);
    EndpointKeys own = EndpointKeys.load(dir);
    context = new ZContext();
    interchange =
        new Interchange(
            config,
            service.forwarderAddress(),
            new CurveClientKeys(service.forwarderPublicKey(), own.publicKey(), own.secretKey()),
            context);
    secrets = interchange.managerSecrets();
    counters = interchange.counters();
    interchangeThread = new Thread(interchange, "funcx-interchange");
    interchangeThread.start();
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (interchange != null) {
        interchange.stop();
        interchangeThread.join(10_000);
      }
      if (context != null) context.close();
    } finally {
      if (cluster != null) cluster.close(); // whatever failed above, no service is left running
    }
  }

  @Test
  void strangers_get_a_challenge_and_a_rejection_and_no_task() throws Exception {
    long registrations = counters.registrations();
    BlockSecret real = secrets.issue("block-r");
    BlockSecret guessed = new ManagerSecrets().issue("block-r"); // right block, wrong secret
    // All four pass the handshake with block-r's admission token (a process that read it): what
    // is tested here is the gate behind it. Without the token see the next test.
    try (var plain = new HandManager(context, interchange.managerAddress(), "block-r", real);
        var wrong = new HandManager(context, interchange.managerAddress(), "block-r", real);
        var legit = new HandManager(context, interchange.managerAddress(), "block-r", real);
        var replayer = new HandManager(context, interchange.managerAddress(), "block-r", real)) {
      // No hello: a registration without a challenge is refused (and answered with one), then
      // anything else, unregistered, is dropped; a second try with the same made-up proof is
      // rejected.
      long unregistered = counters.unregisteredMessages();
      long refused = counters.refusedRegistrations();
      plain.register(new Messages.RegisterManager("plain", "block-r", 1, 0, "test", 1, "00"));
      plain.answer("no-such-task", "1");
      until(
          "the plain registration refused",
          () -> counters.refusedRegistrations() > refused && plain.nonce != null,
          plain);
      until(
          "the plain socket's other messages dropped",
          () -> counters.unregisteredMessages() >= unregistered + 2,
          plain);
      plain.register(plain.lastRegistration);
      until("the made-up proof rejected", () -> !plain.rejections.isEmpty(), plain);
      // A flood of registrations is refused one by one (RefusalLog writes a line a second at
      // most); the interchange goes on serving (the real task below).
      long beforeFlood = counters.refusedRegistrations();
      for (int i = 0; i < 2_000; i++) plain.register(plain.lastRegistration);
      until(
          "the flood refused", () -> counters.refusedRegistrations() >= beforeFlood + 2_000, plain);

      // A hello, then a registration signed with the wrong secret.
      wrong.hello();
      until("wrong's challenge", () -> wrong.nonce != null, wrong);
      wrong.register(guessed);
      until("the wrong proof refused", () -> !wrong.rejections.isEmpty(), wrong);
      assertThat(wrong.rejections.get(0)).contains("wrong proof");

      // A real registration, captured and replayed by another connection after its own hello.
      legit.hello();
      replayer.hello();
      until(
          "both challenges", () -> legit.nonce != null && replayer.nonce != null, legit, replayer);
      assertThat(replayer.nonce).isNotEqualTo(legit.nonce);
      legit.register(real);
      until(
          "the legit manager to register",
          () -> counters.registrations() == registrations + 1,
          legit,
          replayer);
      replayer.register(legit.lastRegistration);
      until(
          "the replayed registration refused",
          () -> !replayer.rejections.isEmpty(),
          legit,
          replayer);
      // legit's block ends before any task is submitted: the real manager below runs them.
      long lost = counters.lostManagers();
      blockEnded("block-r");
      until("legit given up", () -> counters.lostManagers() > lost, legit, replayer);

      // A real task runs meanwhile, on a real manager, and no stranger saw any of it.
      try (var manager = runManager("block-real")) {
        RegisteredFunction sq = client.register("long sq(long x) { return x * x; }");
        assertThat(result(submit(sq, 7), plain, wrong, legit, replayer).getAsLong()).isEqualTo(49);
      }
      for (HandManager m : List.of(plain, wrong, replayer)) {
        m.pump();
        assertThat(m.tasks).isEmpty();
        assertThat(m.received)
            .allMatch(t -> t == MessageType.CHALLENGE || t == MessageType.REJECTED);
        assertThat(m.received).contains(MessageType.REJECTED);
      }
    }
    assertThat(counters.registrations()).isEqualTo(registrations + 2);
    blockEnded("block-r");
  }

  /**
   * Without a live block's admission token (none, a guessed one, another block's id with it) a
   * connection is dropped during its ZMTP handshake by the ZAP handler: it never gets even a
   * challenge, and cannot send one message (an endless multipart one: EndlessMultipartTest).
   */
  @Test
  void strangers_without_a_live_blocks_token_are_dropped_during_the_handshake() throws Exception {
    BlockSecret live = secrets.issue("block-h");
    BlockSecret guessed = new ManagerSecrets().issue("block-h");
    long refused = counters.refusedHandshakes();
    long challenges = counters.challenges();
    try (var none = new HandManager(context, interchange.managerAddress(), "block-h", null);
        var guesser = new HandManager(context, interchange.managerAddress(), "block-h", guessed);
        var otherBlock = new HandManager(context, interchange.managerAddress(), "block-x", live)) {
      for (HandManager m : List.of(none, guesser, otherBlock)) m.hello();
      until(
          "the guessed and the misapplied token refused",
          () -> counters.refusedHandshakes() >= refused + 2,
          none,
          guesser,
          otherBlock);
      // A real manager of the block still gets in and runs a task meanwhile.
      try (var manager = runManager("block-h2")) {
        RegisteredFunction sq = client.register("long sq(long x) { return x * x; }");
        assertThat(result(submit(sq, 5), none, guesser, otherBlock).getAsLong()).isEqualTo(25);
      }
      for (HandManager m : List.of(none, guesser, otherBlock)) {
        m.pump();
        assertThat(m.received).isEmpty();
      }
    }
    assertThat(counters.challenges()).as("only the real manager's").isEqualTo(challenges + 1);
    blockEnded("block-h");
  }

  /**
   * A manager of another funcX (no protocol version: before versions were sent; or a newer one)
   * is rejected naming both versions, even with its block's secret, and gets no task.
   */
  @Test
  void a_manager_of_another_wire_protocol_is_rejected_naming_both_versions() throws Exception {
    long registrations = counters.registrations();
    BlockSecret secret = secrets.issue("block-v");
    String ours =
        "wire protocol " + WireProtocol.VERSION + " (funcX " + WireProtocol.productVersion() + ")";
    for (int protocol : new int[] {0, WireProtocol.VERSION + 1}) {
      try (var other = new HandManager(context, interchange.managerAddress(), "block-v", secret)) {
        other.hello();
        until("a challenge", () -> other.nonce != null, other);
        String managerId = "v" + protocol;
        other.register(
            new Messages.RegisterManager(
                managerId,
                "block-v",
                1,
                0,
                "test",
                1,
                secret.proof(other.nonce, "block-v", managerId),
                "9.0.0",
                protocol));
        until("the registration rejected", () -> !other.rejections.isEmpty(), other);
        assertThat(other.rejections.get(0))
            .contains(ours)
            .contains("funcX 9.0.0")
            .contains(protocol == 0 ? "no protocol version" : "wire protocol " + protocol);
        assertThat(other.tasks).isEmpty();
      }
    }
    assertThat(counters.registrations()).isEqualTo(registrations);
    blockEnded("block-v");
  }

  @Test
  void a_withdrawn_secret_counts_no_more() throws Exception {
    long registrations = counters.registrations();
    BlockSecret ended = secrets.issue("block-ended");
    try (var before =
        new HandManager(context, interchange.managerAddress(), "block-ended", ended)) {
      before.hello();
      until("before's challenge", () -> before.nonce != null, before);
      before.register(ended);
      until(
          "the block's manager to register",
          () -> counters.registrations() == registrations + 1,
          before);
      long lost = counters.lostManagers();
      long withdrawn = counters.withdrawnSecretMessages();
      secrets.withdraw("block-ended"); // the provider's first step when a block ends
      // Given up though it still heartbeats, and given no task: a task submitted now waits for a
      // manager whose secret counts.
      String queued = submit(client.register("long cube(long x) { return x * x * x; }"), 3);
      until("the ended block's manager given up", () -> counters.lostManagers() > lost, before);
      try (var manager = runManager("block-after-withdrawal")) {
        assertThat(result(queued, before).getAsLong()).isEqualTo(27);
      }
      assertThat(before.tasks).isEmpty();
      before.beat();
      until(
          "the open connection of the ended block to be told to shut down",
          () -> before.received.contains(MessageType.SHUTDOWN),
          before);
      assertThat(counters.withdrawnSecretMessages()).isGreaterThan(withdrawn);

      // A new connection with the withdrawn block's token is dropped during its handshake.
      long refusedHandshakes = counters.refusedHandshakes();
      try (var after =
          new HandManager(context, interchange.managerAddress(), "block-ended", ended)) {
        after.hello();
        until(
            "the withdrawn token refused",
            () -> counters.refusedHandshakes() > refusedHandshakes,
            after);
        assertThat(after.received).isEmpty();
      }
    }
    interchange.post(new ProviderEvent.BlockEnded("block-ended", "the test ended it"));

    // A real manager whose block's secret was replaced (its file is stale) is refused during its
    // handshake and ends as refused (exit 77), not as orphaned after hearing nothing for 10 s.
    BlockSecret stale = secrets.issue("block-stale");
    secrets.issue("block-stale");
    var manager = new Manager(managerOptions("block-stale", stale));
    try {
      assertThat(manager.run()).isEqualTo(ManagerExit.REJECTED);
    } finally {
      manager.close();
    }
    blockEnded("block-stale");
  }

  @Test
  void a_manager_speaks_only_for_its_own_block_and_its_own_tasks() throws Exception {
    RegisteredFunction sq = client.register("long sq(long x) { return x * x; }");
    RegisteredFunction held =
        client.register(
            """
        String held(String path) {
          java.nio.file.Path file = java.nio.file.Path.of(path);
          for (int i = 0; i < 12_000 && !java.nio.file.Files.exists(file); i++) {
            try { Thread.sleep(10); } catch (InterruptedException e) { return "interrupted"; }
          }
          return java.nio.file.Files.exists(file) ? "released" : "never released";
        }""");
    Path release = Files.createTempDirectory(cluster.home.root(), "release").resolve("go");

    // A registration that claims another (running) block than its secret's is refused.
    long refusedRegistrations = counters.refusedRegistrations();
    BlockSecret claimersOwn = secrets.issue("block-claimer");
    secrets.issue("block-other");
    try (var claimer =
        new HandManager(context, interchange.managerAddress(), "block-claimer", claimersOwn)) {
      claimer.hello();
      until("claimer's challenge", () -> claimer.nonce != null, claimer);
      claimer.register(claimersOwn, "block-other");
      until("the claim of another block refused", () -> !claimer.rejections.isEmpty(), claimer);
      assertThat(counters.refusedRegistrations()).isEqualTo(refusedRegistrations + 1);
    }
    blockEnded("block-claimer");
    blockEnded("block-other");

    BlockSecret bs = secrets.issue("block-b");
    try (var b = new HandManager(context, interchange.managerAddress(), "block-b", bs);
        var stranger = new HandManager(context, interchange.managerAddress(), "block-b", bs)) {
      long registrations = counters.registrations();
      b.hello();
      until("b's challenge", () -> b.nonce != null, b);
      b.register(bs);
      until("manager b to register", () -> counters.registrations() > registrations, b);
      String ownTask = submit(sq, 6);
      until("manager b to hold its task", () -> !b.tasks.isEmpty(), b);
      assertThat(b.tasks.get(0).taskId()).isEqualTo(ownTask);

      // Registered, b may not speak as another manager on its connection.
      b.send(
          new WireMessage(
              MessageType.REGISTER_MANAGER,
              new Messages.RegisterManager(
                  "someone-else", "block-b", 1, 0, "test", 1, b.lastRegistration.proof())));
      until("b's claim to be another manager refused", () -> !b.rejections.isEmpty(), b);
      assertThat(b.rejections.get(0)).contains("this connection is manager hand-block-b");

      try (var a = runManager("block-a")) {
        String othersTask = submit(held, release.toString());
        until(
            "the held task to run on manager a",
            () -> client.task(othersTask).state() == TaskState.RUNNING,
            b);
        long foreign = counters.foreignResults();
        b.answer(othersTask, "\"forged\"");
        until("the forged result dropped", () -> counters.foreignResults() > foreign, b);
        long unregistered = counters.unregisteredMessages();
        stranger.answer(othersTask, "\"forged by a stranger\"");
        until(
            "the stranger's result dropped",
            () -> counters.unregisteredMessages() > unregistered,
            b,
            stranger);
        Files.createFile(release);
        assertThat(result(othersTask, b).getAsString()).isEqualTo("released");

        // b drains first (it takes nothing new), then answers its own task: its answer counts,
        // whatever it is, and once it landed the drain was read, so the next task goes to a.
        b.drain();
        b.answer(ownTask, "1234");
        assertThat(result(ownTask, b).getAsLong()).isEqualTo(1234);
        assertThat(result(submit(sq, 9), b).getAsLong()).isEqualTo(81);
      }
      assertThat(stranger.received).isEmpty();
    }
    blockEnded("block-b");
  }

  /** What a provider does when a block ends: withdraw its secret, then tell the interchange. */
  static void blockEnded(String blockId) {
    secrets.withdraw(blockId);
    interchange.post(new ProviderEvent.BlockEnded(blockId, "the test ended it"));
  }

  /** A real manager in this JVM with the secret its block was issued, as a provider starts one. */
  static AutoCloseable runManager(String blockId) {
    var manager = new Manager(managerOptions(blockId, secrets.issue(blockId)));
    Thread thread = new Thread(manager::run, "funcx-manager-" + blockId);
    thread.start();
    return () -> {
      manager.close();
      thread.join(10_000);
      blockEnded(blockId);
    };
  }

  /** One worker, no prefetch, 2 s heartbeats, the default result bound; no libraries needed. */
  static ManagerOptions managerOptions(String blockId, BlockSecret secret) {
    return new ManagerOptions(
        interchange.managerAddress(),
        "manager-" + blockId,
        blockId,
        1,
        0,
        2_000,
        256L << 20,
        cluster.home.root().resolve("sandboxes"),
        false,
        RepositorySettings.defaults(),
        List.of(),
        secret);
  }

  static String submit(RegisteredFunction function, Object argument) {
    return client
        .submit(function.id(), endpointId, List.of(argument), TaskOptions.DEFAULT)
        .taskIds()
        .get(0);
  }

  static JsonElement result(String taskId, HandManager... pumped) throws Exception {
    TaskStatus[] status = new TaskStatus[1];
    until(
        "task " + taskId + " to finish",
        () -> (status[0] = client.task(taskId)).finished(),
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
