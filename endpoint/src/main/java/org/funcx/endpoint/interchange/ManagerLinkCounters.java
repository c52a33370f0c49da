package org.funcx.endpoint.interchange;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What the interchange admitted and refused on its manager port, for logs and tests: written by
 * the interchange thread, read from any thread.
 */
public final class ManagerLinkCounters {
  final AtomicLong refusedHandshakes = new AtomicLong();
  final AtomicLong challenges = new AtomicLong();
  final AtomicLong registrations = new AtomicLong();
  final AtomicLong refusedRegistrations = new AtomicLong();
  final AtomicLong unregisteredMessages = new AtomicLong();
  final AtomicLong droppedChallenges = new AtomicLong();
  final AtomicLong foreignResults = new AtomicLong();
  final AtomicLong withdrawnSecretMessages = new AtomicLong();
  final AtomicLong lostManagers = new AtomicLong();

  /**
   * Connections dropped during their handshake by the ZAP handler: no live block's id and
   * admission token ({@link BlockAdmission}).
   */
  public long refusedHandshakes() {
    return refusedHandshakes.get();
  }

  /** Challenges sent in answer to a hello (a repeated hello gets its pending nonce again). */
  public long challenges() {
    return challenges.get();
  }

  /** Managers that registered (a manager registering again counts again). */
  public long registrations() {
    return registrations.get();
  }

  /**
   * Registrations refused: no or an expired challenge, a wrong proof, an unknown or withdrawn
   * block, another identity than the connection's, or bad fields.
   */
  public long refusedRegistrations() {
    return refusedRegistrations.get();
  }

  /** Messages other than hello and registration from connections not registered: dropped. */
  public long unregisteredMessages() {
    return unregisteredMessages.get();
  }

  /** Unanswered challenges dropped, oldest first, beyond the pending bound. */
  public long droppedChallenges() {
    return droppedChallenges.get();
  }

  /** Results dropped because their task was not dispatched to the manager that sent them. */
  public long foreignResults() {
    return foreignResults.get();
  }

  /** Messages from connections registered with a secret since withdrawn (their block ended). */
  public long withdrawnSecretMessages() {
    return withdrawnSecretMessages.get();
  }

  /** Managers given up: missed heartbeats, unreachable, or their block's secret withdrawn. */
  public long lostManagers() {
    return lostManagers.get();
  }
}
