package org.funcx.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.funcx.core.wire.MessageType;
import org.funcx.core.wire.Messages;
import org.funcx.core.wire.ResultEnvelope;
import org.funcx.core.wire.WireMessage;
import org.funcx.endpoint.interchange.CurveClientKeys;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

/**
 * A real JeroMQ DEALER speaking the manager protocol by hand, so a test decides its every move:
 * a stranger (no CURVE, an unknown key, a wrong server key) or a manager with issued keys that
 * holds its tasks and answers what the test says. It watches its own connection through a socket
 * monitor, to see handshakes fail. Test thread only; {@link #pump()} from every poll.
 */
final class HandManager implements AutoCloseable {
  private static final long HEARTBEAT_MILLIS = 1_000;
  private final ZMQ.Socket socket;
  private final ZMQ.Socket monitor;
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
    String monitorAddress = "inproc://hand-manager-" + System.identityHashCode(this);
    socket.monitor(monitorAddress, ZMQ.EVENT_ALL);
    monitor = context.createSocket(SocketType.PAIR);
    monitor.connect(monitorAddress);
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
    ZMQ.Event event;
    while ((event = ZMQ.Event.recv(monitor, ZMQ.DONTWAIT)) != null) {
      int e = event.getEvent();
      if (e == zmq.ZMQ.ZMQ_EVENT_HANDSHAKE_SUCCEEDED) succeededHandshakes++;
      if (e == zmq.ZMQ.ZMQ_EVENT_HANDSHAKE_FAILED_AUTH
          || e == zmq.ZMQ.ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL
          || e == zmq.ZMQ.ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL
          || e == zmq.ZMQ.ZMQ_EVENT_DISCONNECTED) {
        failedHandshakes++;
      }
    }
  }

  @Override
  public void close() {
    socket.close();
    monitor.close();
  }
}
