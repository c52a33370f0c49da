package org.funcx.endpoint.interchange;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.funcx.core.wire.Messages.Heartbeat;
import org.funcx.core.wire.Messages.RegisterManager;

/** What the interchange knows of one connected manager. Interchange thread only. */
final class ManagerSlot {
  final byte[] routingId;
  final RegisterManager info;
  /** Tasks handed to this manager and not yet answered. */
  final Set<String> inflight = new LinkedHashSet<>();
  /** Functions the manager has already received, so each is sent to it once. */
  final Set<String> knownFunctions = new HashSet<>();
  long lastSeenMillis;
  Heartbeat load = Heartbeat.EMPTY;

  ManagerSlot(byte[] routingId, RegisterManager info, long now) {
    this.routingId = routingId;
    this.info = info;
    this.lastSeenMillis = now;
  }

  int capacity() {
    return info.workers() + info.prefetch();
  }

  int free() {
    return Math.max(0, capacity() - inflight.size());
  }
}
