package org.funcx.service.forward;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.funcx.core.wire.Messages.Heartbeat;

/** What the forwarder knows of one endpoint. Forwarder thread only. */
final class EndpointLink {
  final String endpointId;
  /** Unfinished tasks of this endpoint, in submission order. */
  final LinkedHashSet<String> outstanding = new LinkedHashSet<>();
  /** Tasks to send on the current connection. */
  final ArrayDeque<String> toSend = new ArrayDeque<>();
  /** Sent on the current connection, not yet acknowledged. */
  final Set<String> unacknowledged = new HashSet<>();
  byte[] routingId;
  String sessionId;
  long lastSeenMillis;
  long connectedSinceMillis;
  Heartbeat load = Heartbeat.EMPTY;

  EndpointLink(String endpointId) {
    this.endpointId = endpointId;
  }

  boolean online() {
    return routingId != null;
  }

  void goOffline() {
    routingId = null;
    sessionId = null;
    toSend.clear();
    unacknowledged.clear();
    load = Heartbeat.EMPTY;
  }

  /** A new connection: everything unfinished is sent again; the endpoint drops duplicates. */
  void connect(byte[] routing, String session, long now) {
    goOffline();
    routingId = routing;
    sessionId = session;
    lastSeenMillis = now;
    connectedSinceMillis = now;
    toSend.addAll(outstanding);
  }
}
