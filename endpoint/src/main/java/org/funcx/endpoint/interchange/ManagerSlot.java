package org.funcx.endpoint.interchange;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.funcx.core.wire.Messages.Heartbeat;
import org.funcx.core.wire.Messages.RegisterManager;

/** What the interchange knows of one connected manager. Interchange thread only. */
final class ManagerSlot {
  /** Who it is, as its registration proved: slots are kept by identity, not by connection. */
  final ManagerGate.Identity identity;

  /** Where messages go: the manager's newest registered connection. */
  byte[] routingId;

  final RegisterManager info;

  /** Tasks handed to this manager and not yet answered. */
  final Set<String> inflight = new LinkedHashSet<>();

  /**
   * Tasks taken back from this manager when it was given up on (they were requeued), which it may
   * still answer: the first answer wins.
   */
  final Set<String> mayStillAnswer = new HashSet<>();

  /**
   * Tasks the service cancelled while this manager held them: their answers bring what they
   * printed before they stopped, which the service keeps. The oldest age out, as in TaskBook.
   */
  final Set<String> cancelledHere =
      Collections.newSetFromMap(
          new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
              return size() > TaskBook.MAX_CANCELLED_KEPT;
            }
          });

  /** Functions the manager has already received, so each is sent to it once. */
  final Set<String> knownFunctions = new HashSet<>();

  long lastSeenMillis;
  Heartbeat load = Heartbeat.EMPTY;

  /** Tasks held beyond the workers; starts at the configured floor, then follows task length. */
  int prefetch;

  /** Last time this manager had tasks; a block idle past its timeout may be scaled in. */
  long lastBusyMillis;

  /** Set when the manager restarts itself: it finishes what runs and takes nothing new. */
  boolean draining;

  ManagerSlot(ManagerGate.Identity identity, byte[] routingId, RegisterManager info, long now) {
    this.identity = identity;
    this.routingId = routingId;
    this.info = info;
    this.lastSeenMillis = now;
    this.prefetch = info.prefetch();
    this.lastBusyMillis = now;
  }

  /** Work kept queued on a manager so its workers never wait for the next dispatch. */
  static final long BUFFER_MICROS = 50_000;

  static final int MAX_PREFETCH = 4_096;

  /**
   * Sizes the prefetch to about {@link #BUFFER_MICROS} of work per worker: thousands of
   * microsecond tasks, a few 10 ms tasks, none beyond the floor for tasks of seconds, so long tasks
   * are not stuck behind each other on one manager while another is idle.
   */
  void adaptPrefetch(long meanTaskMicros) {
    if (meanTaskMicros <= 0) return;
    long wanted = info.workers() * BUFFER_MICROS / meanTaskMicros;
    prefetch = (int) Math.max(info.prefetch(), Math.min(MAX_PREFETCH, wanted));
  }

  int capacity() {
    return info.workers() + prefetch;
  }

  int free() {
    return draining ? 0 : Math.max(0, capacity() - inflight.size());
  }
}
