package org.funcx.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.funcx.core.wire.MessageType;
import org.funcx.core.wire.Messages;
import org.funcx.core.wire.ResultEnvelope;
import org.funcx.core.wire.WireLimits;
import org.funcx.core.wire.WireMessage;
import org.funcx.endpoint.interchange.BlockSecret;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

/**
 * A real JeroMQ DEALER speaking the manager protocol by hand, so a test decides its every move: a
 * stranger (no secret, a wrong one, a replayed registration) or a manager holding its block's
 * secret that keeps its tasks and answers what the test says. Test thread only; {@link #pump()}
 * from every poll.
 */
final class HandManager implements AutoCloseable {
  private static final long HEARTBEAT_MILLIS = 1_000;
  private final ZMQ.Socket socket;
  private final String blockId;
  final List<Messages.TaskSpec> tasks = new ArrayList<>();
  final List<MessageType> received = new ArrayList<>();
  final List<String> rejections = new ArrayList<>();

  /** The latest challenge's nonce; null until one arrived. */
  String nonce;

  /** The last registration this manager sent, to be replayed by another connection. */
  Messages.RegisterManager lastRegistration;

  private boolean heartbeating;
  private long nextHeartbeat;

  /**
   * A connection that passes the port's handshake with {@code admission}'s token for
   * {@code blockId}, as the block's real manager would (the application-level gate is what is
   * tested then); null: no credentials, refused during the handshake.
   */
  HandManager(ZContext context, String address, String blockId, BlockSecret admission) {
    this.blockId = blockId;
    socket = context.createSocket(SocketType.DEALER);
    socket.setLinger(0);
    WireLimits.bound(socket); // as a real manager's: a stalled handshake is retried after 3 s
    if (admission != null) admission.applyPlain(socket, blockId);
    // Unbounded queue: a test's flood must reach the interchange, not be dropped here at the
    // default 1,000 messages (sends do not wait) while the I/O thread is slow under load.
    socket.setSndHWM(0);
    socket.connect(address);
  }

  void hello() {
    send(new WireMessage(MessageType.MANAGER_HELLO, new Messages.Empty()));
  }

  /** Registers for {@code claimedBlockId}, signing the latest nonce with {@code secret}. */
  void register(BlockSecret secret, String claimedBlockId) {
    String managerId = "hand-" + blockId;
    register(
        new Messages.RegisterManager(
            managerId,
            claimedBlockId,
            1,
            0,
            "test",
            ProcessHandle.current().pid(),
            secret.proof(nonce, claimedBlockId, managerId)));
  }

  void register(BlockSecret secret) {
    register(secret, blockId);
  }

  /** Sends {@code registration} as it is, and heartbeats from now on. */
  void register(Messages.RegisterManager registration) {
    lastRegistration = registration;
    heartbeating = true;
    send(new WireMessage(MessageType.REGISTER_MANAGER, registration));
  }

  void answer(String taskId, String resultJson) {
    send(
        ResultEnvelope.pack(
            List.of(ResultEnvelope.json(Messages.TaskResult.success(taskId, resultJson))), 1_000));
  }

  /** Says it restarts (hands back nothing): the interchange gives it no more tasks. */
  void drain() {
    send(new WireMessage(MessageType.TASKS, new Messages.Tasks(Map.of(), List.of())));
  }

  /** A heartbeat now, whether due or not. */
  void beat() {
    nextHeartbeat = System.currentTimeMillis() + HEARTBEAT_MILLIS;
    send(new WireMessage(MessageType.HEARTBEAT, new Messages.Heartbeat(1, 1, 0, 0, 1)));
  }

  void send(WireMessage message) {
    if (!message.sendTo(socket)) throw new AssertionError("could not queue " + message.type());
  }

  /** Heartbeats when due (once it registered), keeps what arrived. */
  void pump() {
    if (heartbeating && System.currentTimeMillis() >= nextHeartbeat) beat();
    ZMsg msg;
    while ((msg = ZMsg.recvMsg(socket, ZMQ.DONTWAIT)) != null) {
      WireMessage m = WireMessage.decode(msg);
      received.add(m.type());
      switch (m.type()) {
        case TASKS -> tasks.addAll(m.body(Messages.Tasks.class).tasks());
        case CHALLENGE -> nonce = m.body(Messages.Challenge.class).nonce();
        case REJECTED -> rejections.add(m.body(Messages.Rejected.class).reason());
        default -> {}
      }
    }
  }

  @Override
  public void close() {
    socket.close();
  }
}
