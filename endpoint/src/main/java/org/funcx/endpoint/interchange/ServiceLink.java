package org.funcx.endpoint.interchange;

import java.util.UUID;
import org.funcx.core.model.BlockShape;
import org.funcx.core.wire.Liveness;
import org.funcx.core.wire.MessageType;
import org.funcx.core.wire.Messages;
import org.funcx.core.wire.WireMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The endpoint's outbound DEALER connection to the service forwarder: registration, liveness and
 * reconnection with a fresh socket when the service goes quiet. Interchange thread only.
 */
final class ServiceLink {
  private static final Logger log = LoggerFactory.getLogger(ServiceLink.class);
  private final ZContext context;
  private final String address;
  private final CurveClientKeys keys;
  private final String endpointId;
  private final String sessionId = UUID.randomUUID().toString();
  private final long heartbeatMillis;
  private ZMQ.Socket socket;
  private boolean registered;
  private long lastHeardMillis;
  private long lastSentMillis;
  private long lastRegisterMillis;

  /** Reported at registration; null for an endpoint without Slurm blocks (it places no ranks). */
  private final BlockShape blockShape;

  private long connectedAtMillis;

  ServiceLink(
      ZContext context,
      String address,
      CurveClientKeys keys,
      String endpointId,
      BlockShape blockShape,
      long heartbeatMillis) {
    this.blockShape = blockShape;
    this.context = context;
    this.address = address;
    this.keys = keys;
    this.endpointId = endpointId;
    this.heartbeatMillis = heartbeatMillis;
  }

  /** Opens a fresh socket and says hello; called at start and after the service went quiet. */
  ZMQ.Socket connect(long now) {
    if (socket != null) socket.close();
    socket = context.createSocket(SocketType.DEALER);
    socket.setLinger(0);
    socket.setSndHWM(100_000);
    socket.setRcvHWM(100_000);
    org.funcx.core.wire.WireLimits.bound(socket);
    socket.setReconnectIVL(200);
    socket.setReconnectIVLMax(5_000);
    if (keys != null) keys.apply(socket);
    socket.connect(address);
    registered = false;
    lastHeardMillis = now;
    connectedAtMillis = now;
    lastRegisterMillis = 0;
    register();
    return socket;
  }

  /** Says hello, at most once a second: a burst of RECONNECT answers must not become a storm. */
  void register() {
    long now = System.currentTimeMillis();
    if (now - lastRegisterMillis < 1_000) return;
    lastRegisterMillis = now;
    send(
        new WireMessage(
            MessageType.REGISTER_ENDPOINT,
            Messages.RegisterEndpoint.of(endpointId, sessionId, blockShape)));
  }

  ZMQ.Socket socket() {
    return socket;
  }

  void heard(long now) {
    lastHeardMillis = now;
  }

  void registered(boolean value) {
    registered = value;
  }

  boolean isRegistered() {
    return registered;
  }

  boolean send(WireMessage message) {
    lastSentMillis = System.currentTimeMillis();
    return message.sendTo(socket);
  }

  /** True when a heartbeat is due. */
  boolean heartbeatDue(long now) {
    return now - lastSentMillis >= heartbeatMillis;
  }

  /**
   * True when a fresh connection has not been answered within a heartbeat (at least 1 s): with
   * jeromq 0.6.0 a new DEALER connection occasionally never delivers (zeromq/jeromq#849), and a
   * new socket is quicker than waiting for five silent heartbeats.
   */
  boolean registrationOverdue(long now) {
    return !registered && now - connectedAtMillis > Math.max(1_000, heartbeatMillis);
  }

  /** True when the service has been silent for {@link Liveness#SERVICE_LINK_BEATS} heartbeats. */
  boolean silent(long now) {
    boolean quiet = now - lastHeardMillis > Liveness.SERVICE_LINK_BEATS * heartbeatMillis;
    if (quiet)
      log.warn("service at {} silent for {} ms; reconnecting", address, now - lastHeardMillis);
    return quiet;
  }
}
