package org.funcx.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.funcx.core.wire.MessageType;
import org.funcx.core.wire.Messages;
import org.funcx.core.wire.ResultEnvelope;
import org.funcx.core.wire.WireMessage;
import org.funcx.endpoint.interchange.CurveClientKeys;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZEvent;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

/**
 * A real JeroMQ DEALER speaking the manager protocol by hand, so a test decides its every move:
 * a stranger (no CURVE, an unknown key, a wrong server key) or a manager with issued keys that
 * holds its tasks and answers what the test says. It watches its own connection through an event
 * hook, to see handshakes fail. Test thread only; {@link #pump()} from every poll.
 *
 * <p>Not a monitor socket: JeroMQ 0.6.0 writes monitor events with a blocking send from the
 * thread that raises them. Closing the monitor's reader before the socket is destroyed (the
 * reaper destroys it later, and then sends MONITOR_STOPPED) left the context's reaper blocked for
 * good on a PAIR with no peer; no socket of that context was closed afterwards, and this context
 * is the interchange's (what failed ManagerAuthenticationTest on JDK 25, where the race is lost
 * more often). A full monitor queue would block the I/O thread the same way. The hook only counts.
 */
final class HandManager implements AutoCloseable {
  private static final long HEARTBEAT_MILLIS = 1_000;
  private final ZMQ.Socket socket;
  /** Written by JeroMQ's I/O thread, read by the test thread. */
  private final AtomicInteger failedSoFar = new AtomicInteger();
  private final AtomicInteger succeededSoFar = new AtomicInteger();
  private final String blockId;
  final List<Messages.TaskSpec> tasks = new ArrayList<>();
  final List<MessageType> received = new ArrayList<>();
  int failedHandshakes;
  int succeededHandshakes;
  private long nextHeartbeat;

  /** {@code keys} null: a plain socket, no CURVE. */
  HandManager(ZContext context, String address, CurveClientKeys keys, String blockId) {
    this.blockId = blockId;
    socket = context.createSocket(SocketType.DEALER);
    socket.setLinger(0);
    if (keys != null) keys.apply(socket);
    socket.setEventHook(new ZEvent.ZEventConsummer() {
      @Override
      public void consume(ZEvent ev) {} // not called: the raw events are taken below

      @Override
      public void consume(zmq.ZMQ.Event ev) {
        countHandshake(ev.event);
      }
    }, ZMQ.EVENT_ALL);
    socket.connect(address);
  }

  void register(String claimedBlockId) {
    send(new WireMessage(MessageType.REGISTER_MANAGER, new Messages.RegisterManager(
        "hand-" + blockId, claimedBlockId, 1, 0, "test", ProcessHandle.current().pid())));
  }

  void register() {
    register(blockId);
  }

  void answer(String taskId, String resultJson) {
    send(ResultEnvelope.pack(List.of(ResultEnvelope.json(
        Messages.TaskResult.success(taskId, resultJson))), 1_000));
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
    message.sendTo(socket);
  }

  /** Heartbeats when due, keeps what arrived and notes handshake outcomes. */
  void pump() {
    long now = System.currentTimeMillis();
    if (now >= nextHeartbeat) beat();
    ZMsg msg;
    while ((msg = ZMsg.recvMsg(socket, ZMQ.DONTWAIT)) != null) {
      WireMessage m = WireMessage.decode(msg);
      received.add(m.type());
      if (m.type() == MessageType.TASKS) tasks.addAll(m.body(Messages.Tasks.class).tasks());
    }
    failedHandshakes = failedSoFar.get();
    succeededHandshakes = succeededSoFar.get();
  }

  private void countHandshake(int e) {
    if (e == zmq.ZMQ.ZMQ_EVENT_HANDSHAKE_SUCCEEDED) succeededSoFar.incrementAndGet();
    if (e == zmq.ZMQ.ZMQ_EVENT_HANDSHAKE_FAILED_AUTH
        || e == zmq.ZMQ.ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL
        || e == zmq.ZMQ.ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL
        || e == zmq.ZMQ.ZMQ_EVENT_DISCONNECTED) {
      failedSoFar.incrementAndGet();
    }
  }

  @Override
  public void close() {
    socket.close();
  }
}
