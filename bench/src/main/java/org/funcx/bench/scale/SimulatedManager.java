package org.funcx.bench.scale;

import java.util.ArrayList;
import java.util.List;
import org.funcx.bench.sim.SimulatedPeer;
import org.funcx.core.wire.MessageType;
import org.funcx.core.wire.Messages;
import org.funcx.core.wire.Messages.TaskResult;
import org.funcx.core.wire.Messages.TaskSpec;
import org.funcx.core.wire.ResultEnvelope;
import org.funcx.core.wire.WireFormatException;
import org.funcx.core.wire.WireMessage;
import org.funcx.endpoint.interchange.BlockSecret;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

/**
 * A manager as the interchange sees it, minus the workers: registers with {@code workers} slots,
 * heartbeats like {@code Manager}, and answers every TASKS message at once with one RESULTS message
 * (each no-op returns its argument). It stops talking once the interchange says SHUTDOWN. It
 * registers by challenge-response with the secret the interchange issued to its block, as a real
 * manager does.
 */
final class SimulatedManager implements SimulatedPeer {
  /** Results per message, as the real manager splits them. */
  private static final int RESULTS_PER_MESSAGE = 10_000;

  private final String interchangeAddress;
  private final BlockSecret secret;
  private final Messages.RegisterManager identity;
  private final long heartbeatMillis;
  private final long reportedTaskMicros;
  private final ManagerStats stats;
  private ZMQ.Socket socket;
  private long nextHeartbeatMillis;
  private long lastBeatHeardMillis;
  private long tasksReceived;
  private boolean shutDown;

  SimulatedManager(
      String interchangeAddress,
      BlockSecret secret,
      int index,
      int workers,
      long heartbeatMillis,
      long reportedTaskMicros,
      ManagerStats stats) {
    this.interchangeAddress = interchangeAddress;
    this.secret = secret;
    this.identity =
        new Messages.RegisterManager(
            "sim-manager-" + index,
            blockId(index),
            workers,
            0,
            "simulated",
            ProcessHandle.current().pid(),
            null);
    this.heartbeatMillis = heartbeatMillis;
    this.reportedTaskMicros = reportedTaskMicros;
    this.stats = stats;
  }

  static String blockId(int index) {
    return "sim-block-" + index;
  }

  @Override
  public ZMQ.Socket open(ZContext context, long nowMillis) {
    socket = context.createSocket(SocketType.DEALER);
    socket.setLinger(0);
    socket.setSndHWM(100_000);
    secret.applyPlain(socket, identity.blockId());
    socket.connect(interchangeAddress);
    new WireMessage(MessageType.MANAGER_HELLO, new Messages.Empty()).sendTo(socket);
    nextHeartbeatMillis = nowMillis + heartbeatMillis;
    return socket;
  }

  @Override
  public void onMessage(ZMsg message, long nowMillis) {
    if (shutDown) return;
    WireMessage decoded;
    try {
      decoded = WireMessage.decode(message);
    } catch (WireFormatException e) {
      stats.malformed.increment();
      return;
    }
    switch (decoded.type()) {
      case CHALLENGE ->
          new WireMessage(
                  MessageType.REGISTER_MANAGER,
                  identity.withProof(
                      secret.proof(
                          decoded.body(Messages.Challenge.class).nonce(),
                          identity.blockId(),
                          identity.managerId())))
              .sendTo(socket);
      case TASKS -> answer(decoded.body(Messages.Tasks.class).tasks());
      case HEARTBEAT -> {
        if (lastBeatHeardMillis > 0) stats.interchangeBeats.record(nowMillis - lastBeatHeardMillis);
        lastBeatHeardMillis = nowMillis;
      }
      case SHUTDOWN -> {
        shutDown = true;
        stats.shutDown.increment();
      }
      default -> stats.malformed.increment();
    }
  }

  private void answer(List<TaskSpec> tasks) {
    tasksReceived += tasks.size();
    for (int from = 0; from < tasks.size(); from += RESULTS_PER_MESSAGE) {
      var part = tasks.subList(from, Math.min(tasks.size(), from + RESULTS_PER_MESSAGE));
      List<ResultEnvelope> results = new ArrayList<>(part.size());
      for (TaskSpec t : part) {
        String value = onlyArgument(t.argsJson());
        results.add(ResultEnvelope.json(TaskResult.success(t.taskId(), value)));
      }
      if (!ResultEnvelope.pack(results, reportedTaskMicros).sendTo(socket)) {
        stats.sendFailures.increment();
      }
    }
  }

  /** The no-op's result: its single argument, {@code [7]} → {@code 7}. */
  static String onlyArgument(String argsJson) {
    return argsJson.substring(1, argsJson.length() - 1);
  }

  @Override
  public void onTick(long nowMillis) {
    if (shutDown || nowMillis < nextHeartbeatMillis) return;
    nextHeartbeatMillis = nowMillis + heartbeatMillis;
    int workers = identity.workers();
    new WireMessage(MessageType.HEARTBEAT, new Messages.Heartbeat(1, workers, workers, 0, 0))
        .sendTo(socket);
  }

  /** Read after the loop thread has stopped. */
  long tasksReceived() {
    return tasksReceived;
  }
}
