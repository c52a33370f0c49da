package org.funcx.service;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.funcx.core.wire.MessageType;
import org.funcx.core.wire.Messages;
import org.funcx.core.wire.ResultEnvelope;
import org.funcx.core.wire.WireMessage;
import org.funcx.service.forward.CurveKeys;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

/**
 * A registered endpoint speaking the wire protocol over a real CURVE DEALER, for tests that need
 * a task to go all the way round: receive TASKS, acknowledge, answer each with a JSON result.
 */
final class FakeEndpoint implements AutoCloseable {
  private final ZContext context = new ZContext();
  final String endpointId;
  private final ZMQ.Socket socket;
  private final String session = UUID.randomUUID().toString();

  /** What its heartbeats report. */
  private volatile Messages.Heartbeat load = Messages.Heartbeat.EMPTY;

  private FakeEndpoint(String endpointId, JsonObject registered, CurveKeys.KeyPair keys) {
    this.endpointId = endpointId;
    this.socket = context.createSocket(SocketType.DEALER);
    socket.setLinger(0);
    socket.setReceiveTimeOut(500);
    socket.setCurveServerKey(
        ZMQ.Curve.z85Decode(registered.get("forwarder_public_key").getAsString()));
    socket.setCurvePublicKey(ZMQ.Curve.z85Decode(keys.publicKey()));
    socket.setCurveSecretKey(ZMQ.Curve.z85Decode(keys.secretKey()));
    socket.connect(registered.get("forwarder_address").getAsString());
  }

  /** Registers an endpoint through REST, then connects until the forwarder admits it. */
  static FakeEndpoint connect(ApiCaller api, String token) {
    CurveKeys.KeyPair keys = CurveKeys.generate();
    JsonObject r;
    try {
      r =
          api.call(
                  token,
                  "POST",
                  "/v2/endpoints",
                  "{\"name\":\"fake\",\"curve_public_key\":\"" + keys.publicKey() + "\"}")
              .body();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    String id = r.get("endpoint_id").getAsString();
    for (int attempt = 0; attempt < 5; attempt++) {
      FakeEndpoint ep = new FakeEndpoint(id, r, keys);
      // jeromq#849: a fresh connection may lose its first messages, so hellos repeat.
      for (int hello = 0; hello < 3; hello++) {
        ep.hello();
        WireMessage answer = ep.next(1_000);
        if (answer != null && answer.type() == MessageType.ENDPOINT_REGISTERED) return ep;
      }
      ep.close();
    }
    throw new IllegalStateException("the forwarder never admitted endpoint " + id);
  }

  /** The next message other than heartbeats and late registration answers, or null. */
  WireMessage next(long waitMillis) {
    long end = System.currentTimeMillis() + waitMillis;
    while (System.currentTimeMillis() < end) {
      ZMsg m = ZMsg.recvMsg(socket);
      if (m == null) continue;
      WireMessage message = WireMessage.decode(m);
      if (message.type() != MessageType.HEARTBEAT) return message;
    }
    return null;
  }

  /**
   * Answers tasks until {@code count} have been seen: each one's result is {@code result} as
   * JSON text. Returns the task ids answered.
   */
  List<String> answer(int count, String result, long waitMillis) {
    return answer(
        count, waitMillis, id -> ResultEnvelope.json(Messages.TaskResult.success(id, result)));
  }

  /** As above, with each result made by {@code reply} from the task id (binary ones too). */
  List<String> answer(int count, long waitMillis, Function<String, ResultEnvelope> reply) {
    return receiveTasks(
        count,
        waitMillis,
        ids -> ResultEnvelope.pack(ids.stream().map(reply).toList(), 0).sendTo(socket));
  }

  /**
   * Takes {@code count} tasks, acknowledges them and reports them running, without answering:
   * they stay running until {@link #send} carries their results. Returns their ids.
   */
  List<String> take(int count, long waitMillis) {
    return receiveTasks(
        count,
        waitMillis,
        ids ->
            new WireMessage(MessageType.TASKS_RUNNING, new Messages.TaskIds(ids)).sendTo(socket));
  }

  /**
   * Receives up to {@code count} tasks within {@code waitMillis}, acknowledging each batch and
   * handing its ids to {@code then}; heartbeats while none come, says hello again when the
   * service dropped a link silent too long.
   */
  private List<String> receiveTasks(
      int count, long waitMillis, java.util.function.Consumer<List<String>> then) {
    List<String> received = new ArrayList<>();
    long end = System.currentTimeMillis() + waitMillis;
    while (received.size() < count && System.currentTimeMillis() < end) {
      WireMessage m = next(500);
      if (m != null && m.type() == MessageType.RECONNECT) hello();
      if (m == null || m.type() != MessageType.TASKS) {
        heartbeat();
        continue;
      }
      List<String> ids =
          m.body(Messages.Tasks.class).tasks().stream().map(Messages.TaskSpec::taskId).toList();
      new WireMessage(MessageType.TASKS_ACK, new Messages.TaskIds(ids)).sendTo(socket);
      then.accept(ids);
      received.addAll(ids);
    }
    return received;
  }

  /** Sends any message on the endpoint's link. */
  void send(WireMessage message) {
    long end = System.currentTimeMillis() + 30_000;
    while (!message.sendTo(socket)) { // the queue is full: wait for the forwarder to read
      if (System.currentTimeMillis() > end) {
        throw new IllegalStateException("could not send " + message.type());
      }
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private void hello() {
    new WireMessage(
            MessageType.REGISTER_ENDPOINT, Messages.RegisterEndpoint.of(endpointId, session))
        .sendTo(socket);
  }

  /** Tells the forwarder the link lives, for tests that wait on the service meanwhile. */
  void heartbeat() {
    new WireMessage(MessageType.HEARTBEAT, load).sendTo(socket);
  }

  /** From now on its heartbeats report {@code now}; sends one at once. */
  void reportLoad(Messages.Heartbeat now) {
    load = now;
    heartbeat();
  }

  @Override
  public void close() {
    context.close();
  }
}
