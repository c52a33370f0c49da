package org.funcx.bench.service;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.funcx.bench.sim.SimulatedPeer;
import org.funcx.core.wire.MessageType;
import org.funcx.core.wire.Messages;
import org.funcx.core.wire.Messages.TaskResult;
import org.funcx.core.wire.Messages.TaskSpec;
import org.funcx.core.wire.ResultEnvelope;
import org.funcx.core.wire.WireMessage;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

/**
 * An endpoint agent as the service's forwarder sees it, minus interchange and workers: registers,
 * heartbeats, and answers every TASKS message at once with TASKS_ACK, TASKS_RUNNING and RESULTS
 * (each no-op returns its argument), the messages a real agent sends for them.
 */
final class SimulatedAgent implements SimulatedPeer {
  private final String endpointId;
  private final String forwarderAddress;
  private final String sessionId = UUID.randomUUID().toString();
  private final AgentStats stats;
  private ZMQ.Socket socket;
  private boolean registered;
  private long heartbeatMillis = 1_000;
  private long nextHeartbeatMillis;
  private long lastBeatHeardMillis;

  SimulatedAgent(String endpointId, String forwarderAddress, AgentStats stats) {
    this.endpointId = endpointId;
    this.forwarderAddress = forwarderAddress;
    this.stats = stats;
  }

  @Override
  public ZMQ.Socket open(ZContext context, long nowMillis) {
    socket = context.createSocket(SocketType.DEALER);
    socket.setLinger(0);
    socket.setSndHWM(100_000);
    socket.setRcvHWM(100_000);
    socket.connect(forwarderAddress);
    sayHello();
    nextHeartbeatMillis = nowMillis + heartbeatMillis;
    return socket;
  }

  private void sayHello() {
    send(
        new WireMessage(
            MessageType.REGISTER_ENDPOINT, Messages.RegisterEndpoint.of(endpointId, sessionId)));
  }

  @Override
  public void onMessage(ZMsg message, long nowMillis) {
    WireMessage m = WireMessage.decode(message);
    switch (m.type()) {
      case ENDPOINT_REGISTERED -> {
        heartbeatMillis = m.body(Messages.EndpointRegistered.class).heartbeatMillis();
        if (!registered) stats.registered.incrementAndGet();
        registered = true;
      }
      case TASKS -> answer(m.body(Messages.Tasks.class).tasks());
      case RESULTS_ACK ->
          stats.resultsAcknowledged.add(m.body(Messages.TaskIds.class).taskIds().size());
      case HEARTBEAT -> {
        if (lastBeatHeardMillis > 0) stats.serviceBeats.record(nowMillis - lastBeatHeardMillis);
        lastBeatHeardMillis = nowMillis;
      }
      case RECONNECT -> {
        stats.reconnects.increment();
        sayHello();
      }
      case REJECTED -> stats.rejected.increment();
      default -> {}
    }
  }

  private void answer(List<TaskSpec> tasks) {
    List<String> ids = new ArrayList<>(tasks.size());
    List<ResultEnvelope> results = new ArrayList<>(tasks.size());
    for (TaskSpec t : tasks) {
      ids.add(t.taskId());
      String args = t.argsJson();
      results.add(
          ResultEnvelope.json(
              TaskResult.success(t.taskId(), args.substring(1, args.length() - 1))));
    }
    stats.tasks.add(tasks.size());
    send(new WireMessage(MessageType.TASKS_ACK, new Messages.TaskIds(ids)));
    send(new WireMessage(MessageType.TASKS_RUNNING, new Messages.TaskIds(ids)));
    send(ResultEnvelope.pack(results, 0));
  }

  @Override
  public void onTick(long nowMillis) {
    if (!registered || nowMillis < nextHeartbeatMillis) return;
    nextHeartbeatMillis = nowMillis + heartbeatMillis;
    send(new WireMessage(MessageType.HEARTBEAT, new Messages.Heartbeat(1, 2, 2, 0, 0)));
  }

  private void send(WireMessage message) {
    if (!message.sendTo(socket)) stats.sendFailures.increment();
  }
}
