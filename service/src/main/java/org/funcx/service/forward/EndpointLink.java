package org.funcx.service.forward;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.funcx.core.wire.Messages.Heartbeat;
import org.funcx.service.metrics.EndpointMeters;

/** What the forwarder knows of one endpoint. Forwarder thread only. */
final class EndpointLink {
  final String endpointId;

  /** Its figures, kept here so counting never looks them up. */
  final EndpointMeters meters;

  /** Unfinished tasks of this endpoint, in submission order. */
  final LinkedHashSet<String> outstanding = new LinkedHashSet<>();

  /** Tasks to send on the current connection. */
  final ArrayDeque<String> toSend = new ArrayDeque<>();

  /** Sent on the current connection, not yet acknowledged. */
  final Set<String> unacknowledged = new HashSet<>();

  /** Acknowledged by the agent process of {@link #sessionId}: it holds them, no resend needed. */
  final Set<String> delivered = new HashSet<>();

  /** Cancelled tasks the agent of {@link #sessionId} holds and must be told to stop. */
  final Set<String> cancelsToSend = new LinkedHashSet<>();

  byte[] routingId;
  String sessionId;

  /** The CURVE key (ZAP User-Id) of the connection the link is on. */
  String curveKey;

  long lastSeenMillis;
  long connectedSinceMillis;
  Heartbeat load = Heartbeat.EMPTY;

  EndpointLink(String endpointId, EndpointMeters meters) {
    this.endpointId = endpointId;
    this.meters = meters;
  }

  /** What the figures show of this link now; published by the forwarder thread. */
  EndpointMeters.Snapshot snapshot() {
    return new EndpointMeters.Snapshot(
        online(),
        outstanding.size(),
        Math.max(0, outstanding.size() - delivered.size()),
        load.managers(),
        load.workers(),
        load.idleWorkers(),
        load.queued(),
        load.running(),
        load.blocks(),
        load.pendingBlocks());
  }

  boolean online() {
    return routingId != null;
  }

  /** The link is down; what the agent acknowledged is remembered in case the same agent returns. */
  void goOffline() {
    routingId = null;
    toSend.clear();
    unacknowledged.clear();
    load = Heartbeat.EMPTY;
  }

  /**
   * A (re)connection. The same agent process (same session) is sent what it never acknowledged;
   * a new agent process is sent every unfinished task. The agent drops duplicates either way.
   */
  void connect(byte[] routing, String session, long now) {
    goOffline();
    if (!session.equals(sessionId)) {
      delivered.clear();
      cancelsToSend.clear(); // a new agent process never had them
    }
    routingId = routing;
    sessionId = session;
    lastSeenMillis = now;
    connectedSinceMillis = now;
    for (String taskId : outstanding) {
      if (!delivered.contains(taskId)) toSend.add(taskId);
    }
  }
}
